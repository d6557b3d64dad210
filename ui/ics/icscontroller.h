#pragma once

#include "core/error.h"
#include "core/expected.h"
#include "ics/icsimport.h"

#include <QDate>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QProgressDialog;
class QTimer;
class QWidget;

namespace kairos {

class CalendarService;
class Profile;
class SyncEngine;
struct Calendar;

namespace ics {
class Subscription;
}

//! \brief The .ics features of the desktop app: File → Import, drag and drop of .ics
//! files, File → Export (a calendar or a date range), File → Export free/busy, "Download .ics"
//! of one event (an iTIP REQUEST), and subscribed feeds (refreshed on start and every
//! 30 minutes with conditional requests; ETag / Last-Modified kept in the profile settings
//! under "subscriptions/<calendar id>/").
//!
//! Import streams, so memory stays bounded whatever the file size: (1) a scan on the global
//! thread pool (ics::scanCalendarFile: counts events, skipped entries and notes, keeps no
//! events) with a progress dialog and Cancel; (2) the target calendar chooser; (3)
//! ics::importCalendarFile on the pool, through the worker's own connection to the profile's
//! database (Database::OpenOptions::secondary), in batches into a staging table and one
//! transaction at the end — a cancel or an error leaves the calendar as it was; (4) the
//! views refresh (CalendarService::notifyChanged) and the report. Into a Google or Microsoft
//! calendar (with setSyncEngine()), step (3) instead parses the file and hands each event to
//! the sync engine, so that its outbox sends it to the provider.
//!
//! Dialogs go through FileDialog / DialogRunner / MessageBox so tests can answer them.
class IcsController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IcsController)
public:
    static constexpr int RefreshIntervalMs = 30 * 60 * 1000;

    IcsController(CalendarService &calendar, const Profile &profile, QWidget *window);
    ~IcsController() override;

    //! With an engine, calendars of its connected accounts can be import targets: each event
    //! then goes through the engine's outbox (SyncEngine::createEvent / updateEvent) so that
    //! Google or Microsoft gets it. Without one, only local calendars are offered.
    void setSyncEngine(SyncEngine *engine);
    void importInteractive();
    //! Import flow for one file (menu and drag and drop).
    void importFile(const QString &path);
    bool isImporting() const { return m_importing; }
    //! The summary of the last import that was applied (tests).
    const ics::ImportSummary &lastSummary() const { return m_lastSummary; }
    //! What the last scan found (tests): counts, skipped and notes, never the events.
    const ics::ParsedCalendar &lastScan() const { return m_lastScan; }

    enum class ImportPhase { Scan, Store };
    //! Test hook, run on the worker thread each time the import polls for Cancel (the scan
    //! every 512 components, the store pass before each batch), with the phase and the poll's
    //! number (1, 2, …). Lets a test press Cancel at an exact point of a large file. Taken
    //! when an import starts; {} clears it.
    using WorkerPollHook = std::function<void(ImportPhase phase, int poll)>;
    static void setWorkerPollHook(WorkerPollHook hook);

    void exportInteractive(QDate suggestedFrom, QDate suggestedTo);
    void exportFreeBusyInteractive(QDate suggestedFrom, QDate suggestedTo);
    //! "Download .ics": saves an iTIP METHOD:REQUEST file for the event (and its series).
    void saveInvitation(const QString &eventId, QWidget *parent);

    void subscribeInteractive();
    //! Creates the read-only calendar for `url` and starts its first refresh.
    Expected<QString> subscribe(const QString &url, const QString &name);
    //! Asks, then removes the subscription's calendar and events.
    void unsubscribe(const QString &calendarId);
    void refreshSubscriptions();
    ics::Subscription *subscription(const QString &calendarId) const
    {
        return m_subscriptions.value(calendarId);
    }
    QNetworkAccessManager *network() const { return m_nam; }

    //! Accepts .ics files dropped on `target` (a view or a scroll area's viewport).
    void installDropTarget(QWidget *target);

    //! Plain words for a failed subscription refresh.
    static QString subscriptionErrorText(const Error &error);

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);
    void importFinished(bool applied);
    void subscriptionRefreshed(const QString &calendarId, bool changed);
    void subscriptionFailed(const QString &calendarId, const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onScanned(const QString &path, const Expected<ics::ParsedCalendar> &scan);
    void startStore(const QString &path, const Calendar &target, bool keepAttendees = false);
    void onStored(const QString &path, const Expected<ics::ImportSummary> &stored);
    void startProviderImport(const QString &path, const Calendar &target, bool keepAttendees);
    void finishImport(bool applied);
    QProgressDialog *makeProgressDialog(const QString &label);
    void loadSubscriptions();
    ics::Subscription *addSubscription(const Calendar &calendar);
    bool writeFile(const QString &path, const QByteArray &data);
    QString askSavePath(const QString &caption, const QString &suggestedName, QWidget *parent);

    CalendarService &m_calendar;
    const Profile &m_profile;
    QPointer<QWidget> m_window;
    QNetworkAccessManager *m_nam;
    QTimer *m_timer;
    QHash<QString, ics::Subscription *> m_subscriptions;
    bool m_importing = false;
    QPointer<SyncEngine> m_sync;
    //! Set by Cancel (and on destruction); read by the running worker. One per import.
    std::shared_ptr<std::atomic<bool>> m_cancel;
    ics::ImportSummary m_lastSummary;
    ics::ParsedCalendar m_lastScan;
};

} // namespace kairos
