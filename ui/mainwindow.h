#pragma once

#include "core/error.h"

#include <QDate>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QCalendarWidget;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTimer;
class QVBoxLayout;

namespace kairos {
class AccountManager;
class SettingsDialog;
class CalendarService;
class IcsController;
class ReconnectBanner;
class ConflictsDialog;
class SyncEngine;
class SyncIndicator;
class EventDialog;
class MonthView;
class AgendaView;
class SearchDialog;
class Profile;
class TimeGridView;
struct Event;

//! \brief The Kairos main window: toolbar (Today / previous / next, range title, Day / Week /
//! Month), a side panel (month navigator, calendar list), the calendar views and a status bar.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    enum class View { Day, Week, Month, Agenda };
    Q_ENUM(View)

    MainWindow(CalendarService &calendar, const Profile &profile, QWidget *parent = nullptr);
    ~MainWindow() override;

    View view() const { return m_view; }
    void setView(View view);
    //! The date the views are anchored on (the day shown in day view, a day of the week / month).
    QDate currentDate() const { return m_date; }
    void setCurrentDate(QDate date);
    QDate firstVisibleDay() const;
    QDate lastVisibleDay() const;
    QString rangeTitle() const;

    TimeGridView *timeGrid() const { return m_grid; }
    MonthView *monthView() const { return m_month; }
    AgendaView *agendaView() const { return m_agenda; }
    //! Edit → Find… (Ctrl+F): the search dialog (opens it).
    SearchDialog *showSearch();
    //! Shows the event: its day in the current view (the agenda stays the agenda), selected.
    void jumpToEvent(const QString &eventId, const QDateTime &start);
    //! The open event dialog, if any.
    EventDialog *eventDialog() const;
    QString selectedEventId() const;

    void goToday();
    void goPrevious();
    void goNext();
    //! Opens the event dialog for a new event (default: the next full hour today).
    void newEvent();
    void newEventAt(const QDateTime &start, const QDateTime &end, bool allDay);
    //! Opens an event; for an occurrence of a series in a synced calendar (occurrenceStart
    //! set) asks "This event" or "All events" first.
    void openEvent(const QString &eventId, const QDateTime &occurrenceStart = QDateTime());
    //! Deletes the selected event after asking.
    void deleteSelected();
    void showSettings();
    //! Settings opened on its Accounts tab (needs setAccountManager()).
    void showAccountSettings();

    //! Connects the profile's accounts: Accounts tab in Settings, Accounts action, the
    //! reconnect banner at the top of the window. The manager must outlive the window.
    void setAccountManager(AccountManager *manager);
    AccountManager *accountManager() const { return m_accounts; }
    ReconnectBanner *reconnectBanner() const { return m_banner; }
    //! File → Import / Export / Export free/busy / Subscribe, drag and drop, Download .ics.
    IcsController *ics() const { return m_ics; }

    //! Calendar sync: View → Sync Now (F5), the status-bar indicator, Conflicts…, and event
    //! writes to provider calendars through the engine's outbox. The engine must outlive the
    //! window.
    void setSyncEngine(SyncEngine *engine);
    SyncEngine *syncEngine() const { return m_sync; }
    SyncIndicator *syncIndicator() const { return m_syncIndicator; }
    void showConflicts();

    //! Re-reads the visible range from the calendar service now.
    void refresh();

    //! Puts a bar above the calendar views, under the banners (the group view's legend).
    void addTopBar(QWidget *bar);

Q_SIGNALS:
    //! Settings is about to open: features add their pages (SettingsDialog::addPage).
    void settingsOpening(kairos::SettingsDialog *dialog);

private:
    void buildActions();
    QAction *viewAction(View view) const;
    void buildMenus();
    void buildToolBar();
    void buildSidePanel();
    void reloadCalendarList();
    void scheduleRefresh();
    void openDialog(const Event &event, bool isNew);
    void dialogFinished(EventDialog *dialog, int result);
    void showError(const QString &what, const Error &error);
    //! The event lives in a calendar of a connected account and an engine is set.
    void showCalendarListMenu(const QPoint &pos);
    void setCalendarCountsForAvailability(const QString &calendarId, bool counts);
    //! The time grid moved or resized an event by dragging.
    // By value: the view's own copy of the id is freed when the edit re-lays it out.
    void reschedule(QString eventId, QDateTime start, QDateTime end);
    QDate today() const;

    CalendarService &m_calendar;
    const Profile &m_profile;
    View m_view = View::Week;
    QDate m_date;

    QStackedWidget *m_stack = nullptr;
    TimeGridView *m_grid = nullptr;
    MonthView *m_month = nullptr;
    AgendaView *m_agenda = nullptr;
    QPointer<SearchDialog> m_search;
    QCalendarWidget *m_mini = nullptr;
    QListWidget *m_calendarList = nullptr;
    QLabel *m_rangeLabel = nullptr;
    QLabel *m_countLabel = nullptr;
    QLabel *m_zoneLabel = nullptr;
    QTimer *m_refreshTimer = nullptr;
    QPointer<EventDialog> m_dialog;
    QVBoxLayout *m_topLayout = nullptr; //!< banners above the views
    AccountManager *m_accounts = nullptr;
    ReconnectBanner *m_banner = nullptr;
    IcsController *m_ics = nullptr;
    SyncEngine *m_sync = nullptr;
    SyncIndicator *m_syncIndicator = nullptr;
    QPointer<ConflictsDialog> m_conflicts;
    QAction *m_syncAction = nullptr;
    QAction *m_conflictsAction = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QAction *m_accountsAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_freeBusyAction = nullptr;
    QAction *m_subscribeAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_todayAction = nullptr;
    QAction *m_previousAction = nullptr;
    QAction *m_nextAction = nullptr;
    QAction *m_dayAction = nullptr;
    QAction *m_weekAction = nullptr;
    QAction *m_monthAction = nullptr;
    QAction *m_agendaAction = nullptr;
    QAction *m_findAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QActionGroup *m_viewGroup = nullptr;
};

//! Text for a core error, for message boxes and the status bar.
QString errorText(const Error &error);

} // namespace kairos
