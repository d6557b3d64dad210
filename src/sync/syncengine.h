#pragma once

#include "auth/authorizedclient.h"
#include "calendar/calendarservice.h"
#include "calendar/eventwriter.h"
#include "core/expected.h"
#include "model/account.h"
#include "model/event.h"
#include "providers/providerclient.h"
#include "sync/syncstore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace kairos {

class CalendarService;
class Database;
class EventStore;

//! \brief Two-way sync of the connected accounts' calendars with the local store.
//!
//! Per account, one run at a time: flush the outbox (local writes, oldest first), list the
//! calendars (new ones appear with the provider's colour, visible, counting for availability
//! when owned; the user's toggles are kept), then pull every calendar **in parallel** — Google
//! events.list with the stored syncToken, Graph calendarView/delta with the stored deltaLink —
//! parsing each page off the GUI thread and storing it as one transaction (a slice), after
//! which CalendarService::notifyChanged() lets the views update. Expired tokens (410) drop that
//! calendar's cache and sync it fully. Writes are queued in SQLite first (crash / offline safe)
//! and retried idempotently; a 412 becomes a SyncConflict (server version kept in the cache,
//! the local edit kept in the conflict).
//!
//! Event ids: provider events are stored as "<calendar id>/<provider id>"; Google exceptions
//! point at their master's local id. A Graph event created here is renamed to that form when
//! the server answers (eventIdChanged()).
//!
//! Provider-agnostic: what differs between providers (sync window, instance ids, whether
//! series are expanded here, who assigns event ids) comes from ProviderClient and its
//! ProviderCapabilities; clients are made by the provider registry (providerregistry.h).
//!
//! It is the CalendarService's EventWriter (setCalendarService() installs it): writes to the
//! calendars of connected accounts reach it through CalendarService, the one write path.
class SyncEngine final : public QObject, public EventWriter {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncEngine)
public:
    SyncEngine(Database &db, AuthorizedClient &client, QObject *parent = nullptr);
    ~SyncEngine() override;

    //! Views are told through `service->notifyChanged()` after each stored slice; the
    //! engine becomes the service's EventWriter.
    void setCalendarService(CalendarService *service);
    void addAccount(const Account &account);
    void removeAccount(const QString &accountId);
    QStringList accountIds() const { return m_accounts.keys(); }

    //! Automatic sync period (default 5 minutes; 0 = off).
    void setSyncInterval(int ms);
    int syncInterval() const { return m_interval; }

    bool isSyncing() const;
    bool isSyncing(const QString &accountId) const;
    QDateTime lastSynced(const QString &accountId) const;
    //! Machine code of the last run's error ("" when it went well), e.g. "network_error".
    QString lastError(const QString &accountId) const;

    // ---- local writes (optimistic: stored at once, queued, sent in the background) ----
    //! EventWriter: the calendars of accounts (connected or not; a calendar whose account is
    //! not in the engine is written locally, as before it connects).
    bool handles(const Calendar &calendar) const override { return calendar.isProvider(); }
    //! Creates `event` in `event.calendarId` (a provider calendar; local calendars are not
    //! synced and are written directly). Returns the stored event (with its id).
    Expected<Event> createEvent(Event event, const WriteOptions &options = {}) override;
    //! Updates an event ("all events" when it is a series master). For "this event only" of
    //! a series, pass an Event with recurringEventId = the master's local id and originalStart
    //! = the instance's original start (id may be empty).
    Expected<Event> updateEvent(Event event, const WriteOptions &options = {}) override;
    Expected<void> deleteEvent(const QString &eventId, const WriteOptions &options = {}) override;

    int pendingWrites(const QString &accountId = {}) const;
    QList<SyncConflict> conflicts() const;
    //! "Keep server version": the user has seen the conflict; the kept-aside edit is dropped.
    Expected<void> dismissConflict(qint64 conflictId);
    //! "Reapply my edit": queues the kept-aside edit again against the server version the
    //! conflict showed (its etag), and resolves the conflict. If the server changed once more
    //! since, the write gets 412 again and becomes a new conflict: a third change is never
    //! silently overwritten. Deleted on the server: the edit is created as a new event. A
    //! "rejected" conflict cannot be reapplied (InvalidInput).
    Expected<void> reapplyConflict(qint64 conflictId, const WriteOptions &options = {});

    // ---- figures (tests, benchmarks) ----
    int requestCount(const QString &accountId) const;
    //! Time spent storing pages on this thread since the engine started (ns).
    qint64 storeNanoseconds() const { return m_storeNs; }
    SyncStore &syncStore() { return m_sync; }

public Q_SLOTS:
    //! Syncs every account ("Sync now").
    void syncNow();
    void syncAccount(const QString &accountId);
    //! Wire to the main window's activation: syncs when the last run is older than a minute.
    void onApplicationActivated();
    //! Wire to QNetworkInformation::reachabilityChanged (Online): syncs every account.
    void onNetworkOnline();

Q_SIGNALS:
    void syncStarted(const QString &accountId);
    void syncProgress(const QString &accountId, int calendarsDone, int calendarsTotal);
    void syncFinished(const QString &accountId, bool ok, const QString &errorCode);
    //! Every account's run has finished (the indicator may stop).
    void idle();
    void calendarsChanged();
    void conflictAdded(qint64 conflictId, const QString &eventId);
    void eventIdChanged(const QString &oldId, const QString &newId);
    void pendingWritesChanged(int pending);

private:
    struct AccountState {
        Account account;
        std::unique_ptr<ProviderClient> client;
        bool running = false;
        bool again = false;
        bool flushing = false;
        QList<std::function<void(bool)>> flushWaiters;
        QDateTime lastSynced;
        QString lastError;
        int calendarsDone = 0;
        int calendarsTotal = 0;
        bool runOk = true;
        QString runError;
        QTimer *retryTimer = nullptr;
        int retryAttempt = 0;
    };

    void startRun(const QString &accountId);
    void afterFlush(const QString &accountId);
    void pullCalendar(const QString &accountId, const Calendar &cal, bool retriedAfterGone);
    void finishRun(const QString &accountId, bool ok, const QString &error);
    void storePage(const Calendar &cal, const ProviderCapabilities &caps, ChangePage page,
        QSet<QString> *seen);
    void flush(const QString &accountId, std::function<void(bool)> done);
    void flushNext(const QString &accountId);
    void finishFlush(const QString &accountId, bool ok);
    void execute(const QString &accountId, const OutboxOp &op);
    void opSucceeded(
        const QString &accountId, const OutboxOp &op, const std::optional<Event> &server);
    void opConflict(const QString &accountId, const OutboxOp &op, const QString &kind);
    void opRetryLater(const QString &accountId, const OutboxOp &op, const Error &e);
    void storeServerEvent(const Calendar &cal, Event server, const QString &localId);
    //! The capabilities of the provider behind `cal` (its account's client, else the registry).
    ProviderCapabilities capabilitiesOf(const Calendar &cal) const;
    Expected<Calendar> providerCalendar(const QString &calendarId) const;
    QString localIdFor(const QString &calendarId, const QString &providerId) const
    {
        return calendarId + QLatin1Char('/') + providerId;
    }
    QString accountOf(const QString &calendarId) const;
    void changed();
    static bool retryable(const Error &e);

    Database &m_db;
    AuthorizedClient &m_client;
    std::unique_ptr<EventStore> m_store;
    SyncStore m_sync;
    QPointer<CalendarService> m_service;
    QHash<QString, std::shared_ptr<AccountState>> m_accounts;
    QTimer m_timer;
    int m_interval = 5 * 60 * 1000;
    qint64 m_storeNs = 0;
};

} // namespace kairos
