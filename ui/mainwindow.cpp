#include "mainwindow.h"

#include "calendar/agendaview.h"
#include "calendar/searchdialog.h"
#include "settings/calendarspage.h"

#include "calendar/calendarservice.h"
#include "calendar/eventdialog.h"
#include "calendar/monthview.h"
#include "calendar/timegridview.h"
#include "calendar/viewhelpers.h"
#include "core/clock.h"
#include "core/profile.h"
#include "ics/icscontroller.h"
#include "ics/subscription.h"
#include "messagebox.h"
#include "model/recurrencebudget.h"
#include "model/zonedtime.h"
#include "auth/accountmanager.h"
#include "settings/caldavaccountdialog.h"
#include "settings/accountspage.h"
#include "settings/reconnectbanner.h"
#include "settings/settingsdialog.h"
#include "sync/conflictsdialog.h"
#include "sync/syncengine.h"
#include "sync/syncindicator.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCalendarWidget>
#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTextCharFormat>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace kairos {

namespace {

const QString kViewKey = QStringLiteral("ui/view");
//! Calendar list items: whether the calendar counts for the user's availability.
constexpr int kCountsForAvailabilityRole = Qt::UserRole + 1;

QString viewName(MainWindow::View v)
{
    switch (v) {
    case MainWindow::View::Day:
        return QStringLiteral("day");
    case MainWindow::View::Month:
        return QStringLiteral("month");
    case MainWindow::View::Agenda:
        return QStringLiteral("agenda");
    case MainWindow::View::Week:
        break;
    }
    return QStringLiteral("week");
}

MainWindow::View viewFromName(const QString &name)
{
    if (name == QLatin1String("day"))
        return MainWindow::View::Day;
    if (name == QLatin1String("month"))
        return MainWindow::View::Month;
    if (name == QLatin1String("agenda"))
        return MainWindow::View::Agenda;
    return MainWindow::View::Week;
}

QIcon swatch(const QString &color)
{
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(color));
    p.drawRoundedRect(QRectF(1, 1, 12, 12), 3, 3);
    return QIcon(pm);
}

} // namespace

QString errorText(const Error &error)
{
    switch (error.code) {
    case Error::Code::ReadOnly:
        return MainWindow::tr("This calendar is read-only.");
    case Error::Code::NotFound:
        return MainWindow::tr("The event no longer exists.");
    case Error::Code::InvalidInput:
        return MainWindow::tr("The event ends before it starts.");
    case Error::Code::StorageUnavailable:
    case Error::Code::StorageCorrupt:
    case Error::Code::WriteFailed:
        return MainWindow::tr(
            "The calendar database could not be written. Check that the disk is not full.");
    default:
        break;
    }
    return MainWindow::tr("Something went wrong (%1).").arg(error.codeName());
}

MainWindow::MainWindow(CalendarService &calendar, const Profile &profile, QWidget *parent)
    : QMainWindow(parent)
    , m_calendar(calendar)
    , m_profile(profile)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Kairos"));
    m_date = today();
    m_view = viewFromName(profile.settings()->value(kViewKey).toString());

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(0);
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refresh);

    m_grid = new TimeGridView(this);
    m_month = new MonthView(this);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("viewStack"));
    m_stack->addWidget(m_grid);
    m_stack->addWidget(m_month);
    m_agenda = new AgendaView(m_calendar, this);
    m_stack->addWidget(m_agenda);
    m_ics = new IcsController(m_calendar, m_profile, this);
    m_ics->installDropTarget(m_grid->viewport());
    m_ics->installDropTarget(m_month);

    buildActions();
    buildMenus();
    buildToolBar();
    buildSidePanel();

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(findChild<QWidget *>(QStringLiteral("sidePanel")));
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(1, 1);
    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralArea"));
    m_topLayout = new QVBoxLayout(central);
    m_topLayout->setContentsMargins(0, 0, 0, 0);
    m_topLayout->setSpacing(0);
    m_topLayout->addWidget(splitter, 1);
    setCentralWidget(central);

    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    m_zoneLabel = new QLabel(this);
    m_zoneLabel->setObjectName(QStringLiteral("zoneStatusLabel"));
    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->addWidget(m_countLabel, 1);
    statusBar()->addPermanentWidget(m_zoneLabel);

    connect(m_grid, &TimeGridView::createRequested, this, &MainWindow::newEventAt);
    connect(m_month, &MonthView::createRequested, this, &MainWindow::newEventAt);
    connect(m_grid, &TimeGridView::openRequested, this, &MainWindow::openEvent);
    connect(m_grid, &TimeGridView::rescheduleRequested, this, &MainWindow::reschedule);
    connect(m_ics, &IcsController::statusMessage, this,
        [this](const QString &text, int ms) { statusBar()->showMessage(text, ms); });
    connect(m_month, &MonthView::openRequested, this, &MainWindow::openEvent);
    connect(m_agenda, &AgendaView::openRequested, this, &MainWindow::openEvent);
    connect(m_month, &MonthView::dayRequested, this, [this](QDate day) {
        m_date = day;
        setView(View::Day);
    });
    auto selection = [this](const QString &id) {
        m_deleteAction->setEnabled(!id.isEmpty());
        if (id.isEmpty()) {
            statusBar()->clearMessage();
            return;
        }
        auto e = m_calendar.event(id);
        if (e)
            statusBar()->showMessage(e->title.isEmpty() ? tr("(No title)") : e->title);
    };
    connect(m_grid, &TimeGridView::selectionChanged, this, selection);
    connect(m_month, &MonthView::selectionChanged, this, selection);
    connect(m_agenda, &AgendaView::selectionChanged, this, selection);

    connect(&m_calendar, &CalendarService::changed, this, &MainWindow::scheduleRefresh);
    // Queued: the list may be the sender's origin (a checkbox toggled inside itemChanged).
    connect(&m_calendar, &CalendarService::calendarsChanged, this, &MainWindow::reloadCalendarList,
        Qt::QueuedConnection);
    connect(&m_calendar, &CalendarService::timeZoneChanged, this, &MainWindow::scheduleRefresh);

    reloadCalendarList();
    viewAction(m_view)->setChecked(true);
    refresh();
    resize(1280, 820);
}

MainWindow::~MainWindow() = default;

QDate MainWindow::today() const
{
    return Clock::nowUtc().toTimeZone(m_calendar.timeZone()).date();
}

void MainWindow::buildActions()
{
    m_newAction = new QAction(tr("&New Event…"), this);
    m_newAction->setObjectName(QStringLiteral("newEventAction"));
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setIcon(QIcon::fromTheme(QStringLiteral("list-add")));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newEvent);

    m_settingsAction = new QAction(tr("&Settings…"), this);
    m_settingsAction->setObjectName(QStringLiteral("settingsAction"));
    m_settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_settingsAction->setMenuRole(QAction::PreferencesRole);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    m_accountsAction = new QAction(tr("&Accounts…"), this);
    m_accountsAction->setObjectName(QStringLiteral("accountsAction"));
    m_accountsAction->setToolTip(tr("Settings → Accounts: connect Google Calendar or Outlook"));
    m_accountsAction->setEnabled(false); // until setAccountManager()

    m_syncAction = new QAction(tr("S&ync Now"), this);
    m_syncAction->setObjectName(QStringLiteral("syncNowAction"));
    m_syncAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_syncAction->setToolTip(tr("Sync the connected accounts' calendars now"));
    m_syncAction->setEnabled(false); // until setSyncEngine()
    connect(m_syncAction, &QAction::triggered, this, [this]() {
        if (m_sync)
            m_sync->syncNow();
    });
    m_conflictsAction = new QAction(tr("Sync Co&nflicts…"), this);
    m_conflictsAction->setObjectName(QStringLiteral("conflictsAction"));
    m_conflictsAction->setEnabled(false);
    connect(m_conflictsAction, &QAction::triggered, this, &MainWindow::showConflicts);
    connect(m_accountsAction, &QAction::triggered, this, &MainWindow::showAccountSettings);

    m_importAction = new QAction(tr("&Import…"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_importAction->setToolTip(tr("Import events from an .ics file"));
    connect(m_importAction, &QAction::triggered, m_ics, &IcsController::importInteractive);

    m_exportAction = new QAction(tr("&Export…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setToolTip(tr("Save a calendar or a date range as an .ics file"));
    connect(m_exportAction, &QAction::triggered, this,
        [this]() { m_ics->exportInteractive(firstVisibleDay(), lastVisibleDay()); });

    m_freeBusyAction = new QAction(tr("Export &Free/Busy…"), this);
    m_freeBusyAction->setObjectName(QStringLiteral("exportFreeBusyAction"));
    m_freeBusyAction->setToolTip(tr("Save when you are busy, without details, as an .ics file"));
    connect(m_freeBusyAction, &QAction::triggered, this,
        [this]() { m_ics->exportFreeBusyInteractive(firstVisibleDay(), lastVisibleDay()); });

    m_subscribeAction = new QAction(tr("Subscri&be to Calendar…"), this);
    m_subscribeAction->setObjectName(QStringLiteral("subscribeAction"));
    m_subscribeAction->setToolTip(tr("Show a published calendar (webcal:// or https://)"));
    connect(m_subscribeAction, &QAction::triggered, m_ics, &IcsController::subscribeInteractive);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_todayAction = new QAction(tr("&Today"), this);
    m_todayAction->setObjectName(QStringLiteral("todayAction"));
    m_todayAction->setShortcut(QKeySequence(Qt::Key_T));
    m_todayAction->setToolTip(tr("Go to today (T)"));
    connect(m_todayAction, &QAction::triggered, this, &MainWindow::goToday);

    m_previousAction = new QAction(tr("&Previous"), this);
    m_previousAction->setObjectName(QStringLiteral("previousAction"));
    m_previousAction->setShortcuts({ QKeySequence(Qt::Key_Left), QKeySequence(Qt::Key_PageUp) });
    m_previousAction->setIcon(style()->standardIcon(QStyle::SP_ArrowLeft));
    m_previousAction->setToolTip(tr("Previous (←, Page Up)"));
    connect(m_previousAction, &QAction::triggered, this, &MainWindow::goPrevious);

    m_nextAction = new QAction(tr("N&ext"), this);
    m_nextAction->setObjectName(QStringLiteral("nextAction"));
    m_nextAction->setShortcuts({ QKeySequence(Qt::Key_Right), QKeySequence(Qt::Key_PageDown) });
    m_nextAction->setIcon(style()->standardIcon(QStyle::SP_ArrowRight));
    m_nextAction->setToolTip(tr("Next (→, Page Down)"));
    connect(m_nextAction, &QAction::triggered, this, &MainWindow::goNext);

    m_viewGroup = new QActionGroup(this);
    m_viewGroup->setExclusive(true);
    auto makeView = [this](const QString &text, const QString &name, int key, View v) {
        auto *a = new QAction(text, m_viewGroup);
        a->setObjectName(name);
        a->setCheckable(true);
        a->setShortcut(QKeySequence(Qt::CTRL | key));
        connect(a, &QAction::triggered, this, [this, v]() { setView(v); });
        return a;
    };
    m_dayAction = makeView(tr("&Day"), QStringLiteral("dayViewAction"), Qt::Key_1, View::Day);
    m_weekAction = makeView(tr("&Week"), QStringLiteral("weekViewAction"), Qt::Key_2, View::Week);
    m_monthAction
        = makeView(tr("&Month"), QStringLiteral("monthViewAction"), Qt::Key_3, View::Month);
    m_agendaAction
        = makeView(tr("&Agenda"), QStringLiteral("agendaViewAction"), Qt::Key_4, View::Agenda);

    m_findAction = new QAction(tr("&Find…"), this);
    m_findAction->setObjectName(QStringLiteral("findAction"));
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, &MainWindow::showSearch);

    m_deleteAction = new QAction(tr("&Delete Event"), this);
    m_deleteAction->setObjectName(QStringLiteral("deleteEventAction"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_deleteAction->setEnabled(false);
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteSelected);

    // Shortcuts work whichever widget of the window has focus.
    addActions({ m_newAction, m_settingsAction, m_importAction, m_exportAction, m_quitAction,
        m_todayAction, m_previousAction, m_nextAction, m_dayAction, m_weekAction, m_monthAction,
        m_agendaAction, m_findAction, m_deleteAction });
}

void MainWindow::buildMenus()
{
    menuBar()->setObjectName(QStringLiteral("menuBar"));
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(m_newAction);
    file->addSeparator();
    file->addAction(m_importAction);
    file->addAction(m_exportAction);
    file->addAction(m_freeBusyAction);
    file->addAction(m_subscribeAction);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addAction(m_accountsAction);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->setObjectName(QStringLiteral("editMenu"));
    edit->addAction(m_deleteAction);
    edit->addSeparator();
    edit->addAction(m_findAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_dayAction);
    view->addAction(m_weekAction);
    view->addAction(m_monthAction);
    view->addAction(m_agendaAction);
    view->addSeparator();
    view->addAction(m_todayAction);
    view->addAction(m_previousAction);
    view->addAction(m_nextAction);
    view->addSeparator();
    view->addAction(m_syncAction);
    view->addAction(m_conflictsAction);
}

void MainWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Navigation"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setFloatable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->setContextMenuPolicy(Qt::PreventContextMenu);

    auto *newButton = new QToolButton(bar);
    newButton->setObjectName(QStringLiteral("newEventButton"));
    newButton->setDefaultAction(m_newAction);
    newButton->setText(tr("New event"));
    newButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addWidget(newButton);
    bar->addSeparator();

    bar->addAction(m_todayAction);
    auto *prev = new QToolButton(bar);
    prev->setObjectName(QStringLiteral("previousButton"));
    prev->setDefaultAction(m_previousAction);
    prev->setToolButtonStyle(Qt::ToolButtonIconOnly);
    prev->setAutoRaise(true);
    bar->addWidget(prev);
    auto *next = new QToolButton(bar);
    next->setObjectName(QStringLiteral("nextButton"));
    next->setDefaultAction(m_nextAction);
    next->setToolButtonStyle(Qt::ToolButtonIconOnly);
    next->setAutoRaise(true);
    bar->addWidget(next);

    m_rangeLabel = new QLabel(bar);
    m_rangeLabel->setObjectName(QStringLiteral("rangeLabel"));
    QFont f = m_rangeLabel->font();
    f.setPointSizeF(f.pointSizeF() * 1.35);
    f.setBold(true);
    m_rangeLabel->setFont(f);
    m_rangeLabel->setContentsMargins(12, 0, 12, 0);
    bar->addWidget(m_rangeLabel);

    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addAction(m_dayAction);
    bar->addAction(m_weekAction);
    bar->addAction(m_monthAction);
    bar->addAction(m_agendaAction);
}

void MainWindow::buildSidePanel()
{
    auto *panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("sidePanel"));
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(8, 8, 4, 8);

    m_mini = new QCalendarWidget(panel);
    m_mini->setObjectName(QStringLiteral("miniCalendar"));
    m_mini->setVerticalHeaderFormat(QCalendarWidget::NoVerticalHeader);
    m_mini->setHorizontalHeaderFormat(QCalendarWidget::SingleLetterDayNames);
    m_mini->setGridVisible(false);
    m_mini->setFirstDayOfWeek(QLocale().firstDayOfWeek());
    m_mini->setFocusPolicy(Qt::ClickFocus);
    // Weekends in the normal text colour: the red default is loud in a small navigator.
    QTextCharFormat weekend;
    weekend.setForeground(palette().color(QPalette::Text));
    m_mini->setWeekdayTextFormat(Qt::Saturday, weekend);
    m_mini->setWeekdayTextFormat(Qt::Sunday, weekend);
    connect(m_mini, &QCalendarWidget::clicked, this, &MainWindow::setCurrentDate);
    layout->addWidget(m_mini);

    auto *heading = new QLabel(tr("Calendars"), panel);
    QFont hf = heading->font();
    hf.setBold(true);
    heading->setFont(hf);
    heading->setContentsMargins(2, 8, 0, 2);
    layout->addWidget(heading);

    m_calendarList = new QListWidget(panel);
    m_calendarList->setObjectName(QStringLiteral("calendarList"));
    m_calendarList->setFrameShape(QFrame::NoFrame);
    m_calendarList->setFocusPolicy(Qt::ClickFocus);
    m_calendarList->viewport()->setAutoFillBackground(false);
    m_calendarList->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_calendarList, &QListWidget::customContextMenuRequested, this,
        &MainWindow::showCalendarListMenu);
    connect(m_calendarList, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const QString id = item->data(Qt::UserRole).toString();
        const bool visible = item->checkState() == Qt::Checked;
        const QList<Calendar> cals = m_calendar.calendars();
        for (Calendar c : cals) {
            if (c.id != id || c.visible == visible)
                continue;
            c.visible = visible;
            if (auto r = m_calendar.saveCalendar(c); !r)
                showError(tr("Could not change the calendar"), r.error());
        }
    });
    layout->addWidget(m_calendarList, 1);
    panel->setMinimumWidth(m_mini->sizeHint().width() + 12);
    panel->setMaximumWidth(m_mini->sizeHint().width() + 80);
}

void MainWindow::reloadCalendarList()
{
    const QSignalBlocker block(m_calendarList);
    m_calendarList->clear();
    const QList<Calendar> cals = m_calendar.calendars();
    for (const Calendar &c : cals) {
        auto *item = new QListWidgetItem(swatch(c.color), c.name, m_calendarList);
        item->setData(Qt::UserRole, c.id);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(c.visible ? Qt::Checked : Qt::Unchecked);
        item->setData(kCountsForAvailabilityRole, c.countsForAvailability);
        QStringList tips;
        if (c.kind == CalendarKind::Subscription)
            tips << tr("Subscribed, read-only: %1\nRight-click to unsubscribe")
                        .arg(ics::Subscription::displayUrl(c.sourceUrl));
        else if (c.readOnly)
            tips << tr("Read-only");
        tips << (c.countsForAvailability
                ? tr("Counts for your availability: its events make you busy for others")
                : tr("Does not count for your availability: others see you free during its "
                     "events"));
        tips << tr("Right-click to change");
        item->setToolTip(tips.join(QLatin1Char('\n')));
        if (!c.countsForAvailability) {
            // A quiet hint in the list itself: not counted → italic.
            QFont f = item->font();
            f.setItalic(true);
            item->setFont(f);
        }
    }
}

void MainWindow::setView(View view)
{
    const bool changed = view != m_view;
    m_view = view;
    viewAction(view)->setChecked(true);
    if (changed)
        m_profile.settings()->setValue(kViewKey, viewName(view));
    refresh();
}

void MainWindow::setCurrentDate(QDate date)
{
    if (!date.isValid())
        return;
    m_date = date;
    refresh();
}

QDate MainWindow::firstVisibleDay() const
{
    switch (m_view) {
    case View::Day:
        return m_date;
    case View::Week:
        return ui::weekStart(m_date);
    case View::Month:
        return ui::weekStart(QDate(m_date.year(), m_date.month(), 1));
    case View::Agenda:
        return m_date;
    }
    return m_date;
}

QDate MainWindow::lastVisibleDay() const
{
    switch (m_view) {
    case View::Day:
        return m_date;
    case View::Week:
        return firstVisibleDay().addDays(6);
    case View::Month:
        return firstVisibleDay().addDays(41);
    case View::Agenda:
        return m_date.addDays(std::max(m_agenda->loadedDays(), AgendaView::kChunkDays) - 1);
    }
    return m_date;
}

QString MainWindow::rangeTitle() const
{
    if (m_view == View::Month) {
        QString month = QLocale().standaloneMonthName(m_date.month(), QLocale::LongFormat);
        if (!month.isEmpty())
            month[0] = month.at(0).toUpper();
        return tr("%1 %2", "month year").arg(month, QString::number(m_date.year()));
    }
    return ui::rangeTitle(firstVisibleDay(), lastVisibleDay());
}

void MainWindow::goToday()
{
    setCurrentDate(today());
}

void MainWindow::goPrevious()
{
    switch (m_view) {
    case View::Day:
        return setCurrentDate(m_date.addDays(-1));
    case View::Week:
        return setCurrentDate(m_date.addDays(-7));
    case View::Month:
        return setCurrentDate(m_date.addMonths(-1));
    case View::Agenda:
        return setCurrentDate(m_date.addDays(-7));
    }
}

void MainWindow::goNext()
{
    switch (m_view) {
    case View::Day:
        return setCurrentDate(m_date.addDays(1));
    case View::Week:
        return setCurrentDate(m_date.addDays(7));
    case View::Month:
        return setCurrentDate(m_date.addMonths(1));
    case View::Agenda:
        return setCurrentDate(m_date.addDays(7));
    }
}

void MainWindow::scheduleRefresh()
{
    m_refreshTimer->start();
}

void MainWindow::refresh()
{
    m_refreshTimer->stop();
    const QDate first = firstVisibleDay();
    const QDate last = lastVisibleDay();
    const QTimeZone zone = m_calendar.timeZone();
    // One expansion budget for the view: a series from a hostile file or feed that needs more
    // is cut, and named in the status bar instead of freezing the window.
    RecurrenceBudget budget;
    const RecurrenceBudget::Scope scope(&budget);
    auto result = m_calendar.occurrences(first, last);
    QList<Occurrence> occurrences;
    if (result)
        occurrences = std::move(result.value());
    else
        statusBar()->showMessage(errorText(result.error()));
    if (result && !budget.cut.isEmpty()) {
        const RecurrenceBudget::Cut &c = budget.cut.constFirst();
        const QString title = c.title.isEmpty() ? tr("(No title)") : c.title;
        statusBar()->showMessage(c.reason == RecurrenceBudget::Reason::TooFrequent
                ? tr("“%1” repeats more often than hourly; only its first occurrence is shown.")
                      .arg(title)
                : tr("“%1” repeats too often to show every occurrence; some are missing.")
                      .arg(title));
    }
    const int count = int(occurrences.size());

    if (m_view == View::Agenda) {
        m_agenda->setStart(m_date);
        m_stack->setCurrentWidget(m_agenda);
    } else if (m_view == View::Month) {
        m_month->setTimeZone(zone);
        m_month->setMonth(m_date);
        m_month->setOccurrences(std::move(occurrences));
        m_stack->setCurrentWidget(m_month);
    } else {
        m_grid->setTimeZone(zone);
        m_grid->setDays(first, m_view == View::Day ? 1 : 7);
        m_grid->setOccurrences(std::move(occurrences));
        m_stack->setCurrentWidget(m_grid);
    }
    m_rangeLabel->setText(rangeTitle());
    {
        const QSignalBlocker block(m_mini);
        m_mini->setSelectedDate(m_date);
    }
    m_countLabel->setText(tr("%n event(s)", nullptr, count));
    m_zoneLabel->setText(QString::fromLatin1(zone.id()));
    m_deleteAction->setEnabled(!selectedEventId().isEmpty());
}

QAction *MainWindow::viewAction(View view) const
{
    switch (view) {
    case View::Day:
        return m_dayAction;
    case View::Month:
        return m_monthAction;
    case View::Agenda:
        return m_agendaAction;
    case View::Week:
        break;
    }
    return m_weekAction;
}

SearchDialog *MainWindow::showSearch()
{
    if (!m_search) {
        m_search = new SearchDialog(m_calendar, this);
        connect(m_search, &SearchDialog::jumpTo, this, &MainWindow::jumpToEvent);
    }
    m_search->show();
    m_search->raise();
    m_search->activateWindow();
    if (auto *edit = m_search->findChild<QLineEdit *>(QStringLiteral("searchEdit"))) {
        edit->setFocus();
        edit->selectAll();
    }
    return m_search;
}

void MainWindow::jumpToEvent(const QString &eventId, const QDateTime &start)
{
    QDate day = start.isValid() ? start.toTimeZone(m_calendar.timeZone()).date() : QDate();
    if (!day.isValid()) {
        auto e = m_calendar.event(eventId);
        if (!e)
            return;
        day = e->startIn(m_calendar.timeZone()).date();
    }
    setCurrentDate(day);
    switch (m_view) {
    case View::Month:
        m_month->setSelectedEventId(eventId);
        break;
    case View::Agenda:
        break;
    case View::Day:
    case View::Week:
        m_grid->setSelectedEventId(eventId);
        break;
    }
    m_deleteAction->setEnabled(!selectedEventId().isEmpty());
}

EventDialog *MainWindow::eventDialog() const
{
    return m_dialog.data();
}

QString MainWindow::selectedEventId() const
{
    switch (m_view) {
    case View::Month:
        return m_month->selectedEventId();
    case View::Agenda:
        return m_agenda->selectedEventId();
    case View::Day:
    case View::Week:
        break;
    }
    return m_grid->selectedEventId();
}

void MainWindow::newEvent()
{
    const QTimeZone zone = m_calendar.timeZone();
    // Next full hour today, or 09:00 on the shown day when it is not today.
    QDateTime start;
    if (m_date == today()) {
        const QDateTime now = Clock::nowUtc().toTimeZone(zone);
        start = zonedDateTime(now.date(), QTime(now.time().hour(), 0), zone).addSecs(3600);
    } else {
        start = zonedDateTime(m_date, QTime(9, 0), zone);
    }
    newEventAt(start, start.addSecs(3600), false);
}

void MainWindow::newEventAt(const QDateTime &start, const QDateTime &end, bool allDay)
{
    Event e;
    e.allDay = allDay;
    const QTimeZone zone = m_calendar.timeZone();
    if (allDay) {
        e.startDate = start.toTimeZone(zone).date();
        e.endDate = qMax(e.startDate.addDays(1), end.toTimeZone(zone).date());
    } else {
        e.start = start.toTimeZone(zone);
        e.end = end.toTimeZone(zone);
    }
    e.calendarId = CalendarService::localCalendarId();
    const QList<Calendar> cals = m_calendar.calendars();
    bool localWritable = false;
    for (const Calendar &c : cals)
        localWritable |= c.id == e.calendarId && !c.readOnly;
    if (!localWritable) {
        for (const Calendar &c : cals) {
            if (!c.readOnly) {
                e.calendarId = c.id;
                break;
            }
        }
    }
    openDialog(e, true);
}

void MainWindow::openEvent(const QString &eventId, const QDateTime &occurrenceStart)
{
    auto e = m_calendar.event(eventId);
    if (!e) {
        showError(tr("Could not open the event"), e.error());
        return;
    }
    if (occurrenceStart.isValid() && !e->recurrence.isEmpty()
        && m_calendar.writesThroughWriter(e->calendarId) && !m_dialog) {
        const QString title = e->title.isEmpty() ? tr("(No title)") : e->title;
        QMessageBox box(QMessageBox::Question, tr("Edit recurring event"),
            tr("“%1” repeats. Change only this occurrence, or every event in the series?")
                .arg(title),
            QMessageBox::Cancel, this);
        box.setObjectName(QStringLiteral("recurrenceScopeBox"));
        QPushButton *one = box.addButton(tr("This event"), QMessageBox::AcceptRole);
        one->setObjectName(QStringLiteral("thisEventButton"));
        QPushButton *all = box.addButton(tr("All events"), QMessageBox::AcceptRole);
        all->setObjectName(QStringLiteral("allEventsButton"));
        box.setDefaultButton(one);
        box.exec();
        if (box.clickedButton() == one) {
            // "This event": an instance of the master (docs/sync.md: recurringEventId = master
            // id, originalStart = the occurrence's original start; id empty).
            Event instance = *e;
            instance.id.clear();
            instance.providerId.clear();
            instance.etag.clear();
            instance.recurrence.clear();
            instance.recurringEventId = e->id;
            if (e->allDay) {
                const QDate day = occurrenceStart.date();
                instance.originalStart = QDateTime(day, QTime(0, 0), Qt::UTC);
                instance.endDate = day.addDays(e->startDate.daysTo(e->endDate));
                instance.startDate = day;
            } else {
                const QDateTime start = occurrenceStart.toTimeZone(e->start.timeZone());
                instance.originalStart = start;
                instance.end = start.addSecs(e->start.secsTo(e->end));
                instance.start = start;
            }
            openDialog(instance, false);
            return;
        }
        if (box.clickedButton() != all)
            return;
    }
    openDialog(*e, false);
}

void MainWindow::openDialog(const Event &event, bool isNew)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return;
    }
    auto *dialog
        = new EventDialog(event, isNew, m_calendar.calendars(), m_calendar.timeZone(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &EventDialog::downloadIcsRequested, this,
        [this, dialog](const QString &id) { m_ics->saveInvitation(id, dialog); });
    connect(dialog, &QDialog::finished, this,
        [this, dialog](int result) { dialogFinished(dialog, result); });
    dialog->open();
}

void MainWindow::dialogFinished(EventDialog *dialog, int result)
{
    if (result == QDialog::Accepted) {
        const Event e = dialog->event();
        WriteOptions options;
        options.sendUpdates = dialog->sendInvitations();
        const Expected<Event> saved = dialog->isNew() ? m_calendar.createEvent(e, options)
                                                      : m_calendar.updateEvent(e, options);
        if (!saved) {
            showError(tr("Could not save the event"), saved.error());
            return;
        }
        refresh();
        if (m_view == View::Month)
            m_month->setSelectedEventId(saved->id);
        else
            m_grid->setSelectedEventId(saved->id);
        statusBar()->showMessage(tr("Event saved"), 4000);
    } else if (result == EventDialog::DeleteResult) {
        Event e = dialog->event();
        const QString id = e.id;
        WriteOptions options;
        options.sendUpdates = dialog->sendInvitations();
        if (id.isEmpty() && !e.recurringEventId.isEmpty()) {
            // "This event" of a series: the occurrence is cancelled.
            e.status = EventStatus::Cancelled;
            if (auto r = m_calendar.updateEvent(e, options); !r) {
                showError(tr("Could not delete the event"), r.error());
                return;
            }
            refresh();
            statusBar()->showMessage(tr("Event deleted"), 4000);
            return;
        }
        if (auto r = m_calendar.deleteEvent(id, options); !r) {
            showError(tr("Could not delete the event"), r.error());
            return;
        }
        refresh();
        statusBar()->showMessage(tr("Event deleted"), 4000);
    }
}

void MainWindow::deleteSelected()
{
    const QString id = selectedEventId();
    if (id.isEmpty())
        return;
    auto e = m_calendar.event(id);
    if (!e)
        return;
    const QString title = e->title.isEmpty() ? tr("(No title)") : e->title;
    if (MessageBox::question(this, tr("Delete event"),
            tr("Delete “%1”? This cannot be undone.").arg(title),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    if (auto r = m_calendar.deleteEvent(id); !r) {
        showError(tr("Could not delete the event"), r.error());
        return;
    }
    m_grid->setSelectedEventId(QString());
    m_month->setSelectedEventId(QString());
    refresh();
    statusBar()->showMessage(tr("Event deleted"), 4000);
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_profile, m_calendar, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_accounts) {
        auto *page = new AccountsPage(*m_accounts, dialog);
        page->setObjectName(QStringLiteral("accountsPage"));
        if (m_sync) {
            SyncEngine *engine = m_sync;
            page->setLastSyncedText([engine](const QString &id) {
                if (engine->isSyncing(id))
                    return tr("Syncing…");
                const QString error = engine->lastError(id);
                if (!error.isEmpty())
                    return SyncIndicator::errorText(error);
                const QDateTime when = engine->lastSynced(id);
                return when.isValid() ? SyncIndicator::agoText(when) : tr("Not synced yet");
            });
            connect(engine, &SyncEngine::syncStarted, page, &AccountsPage::refreshSyncColumn);
            connect(engine, &SyncEngine::syncFinished, page, &AccountsPage::refreshSyncColumn);
        }
        dialog->addPage(page, tr("Accounts"));
    }
    auto *calendars = new CalendarsPage(m_calendar, dialog);
    dialog->addPage(
        calendars, tr("Calendar && reminders"), [calendars]() { return calendars->apply(); });
    Q_EMIT settingsOpening(dialog);
    dialog->open();
}

void MainWindow::addTopBar(QWidget *bar)
{
    m_topLayout->insertWidget(m_topLayout->count() - 1, bar);
}

void MainWindow::showAccountSettings()
{
    showSettings();
    // The dialog just opened is the newest child.
    const auto dialogs = findChildren<SettingsDialog *>(QStringLiteral("settingsDialog"));
    if (dialogs.isEmpty())
        return;
    SettingsDialog *dialog = dialogs.last();
    if (auto *page = dialog->findChild<QWidget *>(QStringLiteral("accountsPage")))
        dialog->tabs()->setCurrentWidget(page);
}

void MainWindow::setAccountManager(AccountManager *manager)
{
    m_accounts = manager;
    m_accountsAction->setEnabled(manager != nullptr);
    if (m_banner) {
        delete m_banner;
        m_banner = nullptr;
    }
    if (!manager)
        return;
    if (m_syncIndicator)
        m_syncIndicator->setAccountManager(manager);
    m_banner = new ReconnectBanner(*manager, this);
    m_topLayout->insertWidget(0, m_banner);
    // A password account (CalDAV) reconnects by asking for its password, not in a browser.
    disconnect(manager, &AccountManager::passwordNeeded, this, nullptr);
    connect(manager, &AccountManager::passwordNeeded, this, [this](const QString &accountId) {
        if (!m_accounts)
            return;
        auto *dialog = new CalDavAccountDialog(*m_accounts, accountId, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
}

void MainWindow::setSyncEngine(SyncEngine *engine)
{
    m_sync = engine;
    m_ics->setSyncEngine(engine);
    m_syncAction->setEnabled(engine != nullptr);
    m_conflictsAction->setEnabled(engine != nullptr);
    if (m_syncIndicator) {
        delete m_syncIndicator;
        m_syncIndicator = nullptr;
    }
    if (!engine)
        return;
    m_syncIndicator = new SyncIndicator(*engine, this);
    m_syncIndicator->setAccountManager(m_accounts);
    m_syncIndicator->setEventStore(&m_calendar.store());
    statusBar()->addPermanentWidget(m_syncIndicator);
    connect(engine, &SyncEngine::calendarsChanged, &m_calendar,
        &CalendarService::notifyCalendarsChanged);
    connect(engine, &SyncEngine::conflictAdded, this, [this](qint64, const QString &) {
        statusBar()->showMessage(tr("An event was changed on the server since you loaded it; "
                                    "your edit was kept aside. See View → Sync Conflicts…"),
            15000);
        if (m_conflicts)
            m_conflicts->reload();
    });
    connect(engine, &SyncEngine::eventIdChanged, this,
        [this](const QString &oldId, const QString &newId) {
            if (m_grid->selectedEventId() == oldId)
                m_grid->setSelectedEventId(newId);
            if (m_month->selectedEventId() == oldId)
                m_month->setSelectedEventId(newId);
        });
}

void MainWindow::showConflicts()
{
    if (!m_sync)
        return;
    if (!m_conflicts) {
        m_conflicts = new ConflictsDialog(*m_sync, this);
        m_conflicts->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_conflicts->show();
    m_conflicts->raise();
    m_conflicts->activateWindow();
}

void MainWindow::showCalendarListMenu(const QPoint &pos)
{
    QListWidgetItem *item = m_calendarList->itemAt(pos);
    if (!item)
        return;
    const QString id = item->data(Qt::UserRole).toString();
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("calendarListMenu"));
    QAction *counts = menu.addAction(tr("Counts for My Availability"));
    counts->setObjectName(QStringLiteral("countsForAvailabilityAction"));
    counts->setCheckable(true);
    counts->setChecked(item->data(kCountsForAvailabilityRole).toBool());
    counts->setToolTip(tr("When on, this calendar's events make you busy in free/busy and "
                          "meeting suggestions"));
    connect(counts, &QAction::toggled, this,
        [this, id](bool on) { setCalendarCountsForAvailability(id, on); });
    menu.addSeparator();
    if (ics::Subscription *sub = m_ics->subscription(id)) {
        menu.addAction(tr("Refresh Now"), sub, &ics::Subscription::refresh);
        menu.addAction(tr("Unsubscribe…"), this, [this, id]() { m_ics->unsubscribe(id); });
    } else {
        QAction *exportAction = menu.addAction(tr("Export…"), this,
            [this]() { m_ics->exportInteractive(firstVisibleDay(), lastVisibleDay()); });
        exportAction->setEnabled(true);
    }
    menu.exec(m_calendarList->viewport()->mapToGlobal(pos));
}

void MainWindow::setCalendarCountsForAvailability(const QString &calendarId, bool counts)
{
    if (auto r = m_calendar.setCountsForAvailability(calendarId, counts); !r)
        showError(tr("Could not change the calendar"), r.error());
}

void MainWindow::reschedule(QString eventId, QDateTime start, QDateTime end)
{
    auto e = m_calendar.event(eventId);
    if (!e || e->allDay) {
        refresh();
        return;
    }
    // Keep the event's own zone: a New York meeting stays in New York time.
    const QTimeZone zone = e->start.timeZone();
    e->start = start.toTimeZone(zone);
    e->end = end.toTimeZone(zone);
    auto saved = m_calendar.updateEvent(*e);
    if (!saved) {
        refresh();
        showError(tr("Could not move the event"), saved.error());
        return;
    }
    refresh();
    m_grid->setSelectedEventId(eventId);
    statusBar()->showMessage(tr("Event moved"), 4000);
}

void MainWindow::showError(const QString &what, const Error &error)
{
    MessageBox::warning(this, what, errorText(error));
}

} // namespace kairos
