// Drives the real MainWindow by objectName over a real SQLite profile, offscreen.
#include "calendar/calendarservice.h"
#include "calendar/eventdialog.h"
#include "calendar/monthview.h"
#include "calendar/timegridview.h"
#include "core/profile.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "model/zonedtime.h"
#include "settings/settingsdialog.h"
#include "store/database.h"
#include "support/mockclock.h"
#include "support/testenv.h"
#include "uitestutil.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimeEdit>
#include <QTimer>

using namespace kairos;
using namespace kairos::test;

class TstMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void startsInWeekViewOnToday();
    void keyboardNavigation();
    void remembersLastView();
    void createByDrag();
    void createByDoubleClick();
    void createAllDayByDoubleClickInAllDayRow();
    void editChangesTitle();
    void enterOpensSelectedEvent();
    void deleteAsksForConfirmation();
    void deleteFromDialog();
    void monthViewShowsChipsAndMore();
    void overlappingEventsSideBySide();
    void timeZoneChangeRelaysEvents();
    void hidingACalendarHidesItsEvents();
    void availabilityToggleInCalendarList();

private:
    Event makeEvent(const QString &title, QDate day, QTime start, int minutes);
    EventDialog *waitForDialog();
    QString createStored(const QString &title, QDate day, QTime start, int minutes);

    const QTimeZone m_madrid { "Europe/Madrid" };
    std::unique_ptr<TempHome> m_home;
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CalendarService> m_calendar;
    std::unique_ptr<MainWindow> m_window;
    int m_run = 0;
};

void TstMainWindow::initTestCase()
{
    // en_GB: weeks start on Monday and times read "10:00", whatever the machine's locale.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TstMainWindow::init()
{
    m_home = std::make_unique<TempHome>();
    // Saturday 21 Nov 2026, 13:00 in Madrid.
    m_clock = std::make_unique<MockClock>(QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC));
    m_profile = std::make_unique<Profile>(QStringLiteral("ui"));
    QVERIFY(m_profile->ensureDirs());
    auto db = Database::open(
        m_profile->databasePath(), m_profile->backupDir(), QStringLiteral("ui%1").arg(++m_run));
    QVERIFY(db);
    m_db = std::move(db.value());
    m_calendar = std::make_unique<CalendarService>(*m_db, m_madrid);
    QVERIFY(m_calendar->ensureLocalCalendar(QStringLiteral("My calendar")));
    m_window = std::make_unique<MainWindow>(*m_calendar, *m_profile);
    m_window->resize(1200, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->timeGrid()->setFocus();
}

void TstMainWindow::cleanup()
{
    m_window.reset();
    m_calendar.reset();
    m_db.reset();
    m_profile.reset();
    m_clock.reset();
    m_home.reset();
}

Event TstMainWindow::makeEvent(const QString &title, QDate day, QTime start, int minutes)
{
    Event e;
    e.calendarId = CalendarService::localCalendarId();
    e.title = title;
    e.start = zonedDateTime(day, start, m_madrid);
    e.end = e.start.addSecs(minutes * 60);
    return e;
}

QString TstMainWindow::createStored(const QString &title, QDate day, QTime start, int minutes)
{
    auto e = m_calendar->createEvent(makeEvent(title, day, start, minutes));
    if (!e)
        return {};
    m_window->refresh();
    return e->id;
}

EventDialog *TstMainWindow::waitForDialog()
{
    EventDialog *d = nullptr;
    // The dialog opens window-modal (open(), not exec()), so it is there at once.
    for (int i = 0; i < 50 && !d; ++i) {
        d = m_window->findChild<EventDialog *>(QStringLiteral("eventDialog"));
        if (!d)
            QTest::qWait(10);
    }
    return d;
}

void TstMainWindow::startsInWeekViewOnToday()
{
    QCOMPARE(m_window->view(), MainWindow::View::Week);
    auto *title = m_window->findChild<QLabel *>(QStringLiteral("rangeLabel"));
    QVERIFY(title);
    QCOMPARE(title->text(), QStringLiteral("16 – 22 Nov 2026"));
    QCOMPARE(m_window->timeGrid()->firstDay(), QDate(2026, 11, 16));
    QCOMPARE(m_window->timeGrid()->dayCount(), 7);
    QVERIFY(m_window->timeGrid()->isVisible());
    // Scrolled to the working day, not midnight.
    QVERIFY(m_window->timeGrid()->pointForTime(QDate(2026, 11, 16), QTime(8, 0)).y() < 200);
    QVERIFY(m_window->findChild<QWidget *>(QStringLiteral("miniCalendar")));
    QVERIFY(m_window->findChild<QListWidget *>(QStringLiteral("calendarList")));
}

void TstMainWindow::keyboardNavigation()
{
    QWidget *focus = m_window->timeGrid();
    auto first = [this]() { return m_window->firstVisibleDay(); };
    QTest::keyClick(focus, Qt::Key_Right);
    QCOMPARE(first(), QDate(2026, 11, 23));
    QTest::keyClick(focus, Qt::Key_PageDown);
    QCOMPARE(first(), QDate(2026, 11, 30));
    QCOMPARE(m_window->rangeTitle(), QStringLiteral("30 Nov – 6 Dec 2026"));
    QTest::keyClick(focus, Qt::Key_Left);
    QTest::keyClick(focus, Qt::Key_PageUp);
    QCOMPARE(first(), QDate(2026, 11, 16));
    QTest::keyClick(focus, Qt::Key_PageUp);
    QTest::keyClick(focus, Qt::Key_T);
    QCOMPARE(first(), QDate(2026, 11, 16));

    QTest::keyClick(focus, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(m_window->view(), MainWindow::View::Day);
    QCOMPARE(m_window->timeGrid()->dayCount(), 1);
    QCOMPARE(first(), QDate(2026, 11, 21));
    QTest::keyClick(focus, Qt::Key_Right);
    QCOMPARE(first(), QDate(2026, 11, 22));
    QTest::keyClick(focus, Qt::Key_PageUp);
    QTest::keyClick(focus, Qt::Key_PageUp);
    QCOMPARE(first(), QDate(2026, 11, 20));

    QTest::keyClick(focus, Qt::Key_3, Qt::ControlModifier);
    QCOMPARE(m_window->view(), MainWindow::View::Month);
    QVERIFY(m_window->monthView()->isVisible());
    QCOMPARE(m_window->rangeTitle(), QStringLiteral("November 2026"));
    QCOMPARE(first(), QDate(2026, 10, 26)); // 1 Nov 2026 is a Sunday
    QCOMPARE(m_window->lastVisibleDay(), QDate(2026, 12, 6));
    QTest::keyClick(m_window->monthView(), Qt::Key_Right);
    QCOMPARE(m_window->rangeTitle(), QStringLiteral("December 2026"));
    QCOMPARE(first(), QDate(2026, 11, 30));
    QTest::keyClick(m_window->monthView(), Qt::Key_T);
    QCOMPARE(m_window->rangeTitle(), QStringLiteral("November 2026"));

    QTest::keyClick(m_window->monthView(), Qt::Key_2, Qt::ControlModifier);
    QCOMPARE(m_window->view(), MainWindow::View::Week);
    QCOMPARE(first(), QDate(2026, 11, 16));
}

void TstMainWindow::remembersLastView()
{
    m_window->setView(MainWindow::View::Month);
    QCOMPARE(m_profile->settings()->value(QStringLiteral("ui/view")).toString(),
        QStringLiteral("month"));
    MainWindow second(*m_calendar, *m_profile);
    QCOMPARE(second.view(), MainWindow::View::Month);
}

void TstMainWindow::createByDrag()
{
    TimeGridView *grid = m_window->timeGrid();
    const QDate day(2026, 11, 18);
    const QPoint from = grid->pointForTime(day, QTime(10, 5));
    const QPoint to = grid->pointForTime(day, QTime(11, 20));
    drag(grid->viewport(), from, to);

    EventDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isNew());
    auto *startTime = dialog->findChild<QTimeEdit *>(QStringLiteral("startTimeEdit"));
    auto *endTime = dialog->findChild<QTimeEdit *>(QStringLiteral("endTimeEdit"));
    QCOMPARE(startTime->time(), QTime(10, 0)); // snapped to 15 minutes
    QCOMPARE(endTime->time(), QTime(11, 30));
    QTest::keyClicks(
        dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit")), QStringLiteral("Planning"));
    QTest::mouseClick(
        dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY(!m_window->eventDialog());

    auto occ = m_calendar->occurrences(day, day);
    QVERIFY(occ);
    QCOMPARE(occ->size(), 1);
    QCOMPARE(occ->first().title, QStringLiteral("Planning"));
    QCOMPARE(occ->first().start, zonedDateTime(day, QTime(10, 0), m_madrid));
    QCOMPARE(occ->first().end, zonedDateTime(day, QTime(11, 30), m_madrid));
    const QList<QRect> rects = grid->eventRects(occ->first().eventId);
    QCOMPARE(rects.size(), 1);
    QVERIFY(qAbs(rects.first().top() - grid->pointForTime(day, QTime(10, 0)).y()) <= 2);
    QVERIFY(qAbs(rects.first().bottom() - grid->pointForTime(day, QTime(11, 30)).y()) <= 3);
    QCOMPARE(grid->selectedEventId(), occ->first().eventId);
}

void TstMainWindow::createByDoubleClick()
{
    TimeGridView *grid = m_window->timeGrid();
    const QDate day(2026, 11, 19);
    doubleClick(grid->viewport(), grid->pointForTime(day, QTime(14, 40)));
    EventDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    QCOMPARE(
        dialog->findChild<QTimeEdit *>(QStringLiteral("startTimeEdit"))->time(), QTime(14, 30));
    QCOMPARE(dialog->findChild<QTimeEdit *>(QStringLiteral("endTimeEdit"))->time(), QTime(15, 30));
    QVERIFY(!dialog->findChild<QCheckBox *>(QStringLiteral("allDayCheck"))->isChecked());
    dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"))->setText(QStringLiteral("Coffee"));
    dialog->findChild<QLineEdit *>(QStringLiteral("locationEdit"))->setText(QStringLiteral("Bar"));
    QTest::mouseClick(
        dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY(!m_window->eventDialog());
    auto occ = m_calendar->occurrences(day, day);
    QCOMPARE(occ->size(), 1);
    QCOMPARE(occ->first().title, QStringLiteral("Coffee"));
    QCOMPARE(occ->first().location, QStringLiteral("Bar"));
    QCOMPARE(
        occ->first().end.toMSecsSinceEpoch() - occ->first().start.toMSecsSinceEpoch(), 3600000);

    // Cancel stores nothing.
    doubleClick(grid->viewport(), grid->pointForTime(day, QTime(17, 0)));
    dialog = waitForDialog();
    QVERIFY(dialog);
    QTest::mouseClick(
        dialog->findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QTRY_VERIFY(!m_window->eventDialog());
    QCOMPARE(m_calendar->occurrences(day, day)->size(), 1);
}

void TstMainWindow::createAllDayByDoubleClickInAllDayRow()
{
    TimeGridView *grid = m_window->timeGrid();
    doubleClick(grid->viewport(), grid->allDayPoint(QDate(2026, 11, 20)));
    EventDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->findChild<QCheckBox *>(QStringLiteral("allDayCheck"))->isChecked());
    dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"))->setText(QStringLiteral("Holiday"));
    QTest::mouseClick(
        dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY(!m_window->eventDialog());
    auto occ = m_calendar->occurrences(QDate(2026, 11, 20), QDate(2026, 11, 20));
    QCOMPARE(occ->size(), 1);
    QVERIFY(occ->first().allDay);
    QCOMPARE(occ->first().startDate, QDate(2026, 11, 20));
    QCOMPARE(occ->first().endDate, QDate(2026, 11, 21));
    QCOMPARE(grid->eventRects(occ->first().eventId).size(), 1);
}

void TstMainWindow::editChangesTitle()
{
    const QDate day(2026, 11, 17);
    const QString id = createStored(QStringLiteral("Standup"), day, QTime(9, 0), 30);
    QVERIFY(!id.isEmpty());
    TimeGridView *grid = m_window->timeGrid();
    const QList<QRect> rects = grid->eventRects(id);
    QCOMPARE(rects.size(), 1);
    doubleClick(grid->viewport(), rects.first().center());
    EventDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    QVERIFY(!dialog->isNew());
    auto *title = dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"));
    QCOMPARE(title->text(), QStringLiteral("Standup"));
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("deleteButton"))->isVisible());
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("Daily sync"));
    QTest::mouseClick(
        dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_VERIFY(!m_window->eventDialog());

    QCOMPARE(m_calendar->event(id)->title, QStringLiteral("Daily sync"));
    QCOMPARE(m_calendar->event(id)->start, zonedDateTime(day, QTime(9, 0), m_madrid));
    QCOMPARE(grid->occurrences().size(), 1);
    QCOMPARE(grid->occurrences().first().title, QStringLiteral("Daily sync"));
    QCOMPARE(grid->eventRects(id).size(), 1);
}

void TstMainWindow::enterOpensSelectedEvent()
{
    const QString id
        = createStored(QStringLiteral("Review"), QDate(2026, 11, 16), QTime(11, 0), 60);
    TimeGridView *grid = m_window->timeGrid();
    click(grid->viewport(), grid->eventRects(id).first().center());
    QCOMPARE(grid->selectedEventId(), id);
    QTest::keyClick(grid, Qt::Key_Return);
    EventDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->event().id, id);
    dialog->reject();
    QTRY_VERIFY(!m_window->eventDialog());
    // Clicking empty space clears the selection.
    click(grid->viewport(), grid->pointForTime(QDate(2026, 11, 18), QTime(15, 0)));
    QVERIFY(grid->selectedEventId().isEmpty());
}

void TstMainWindow::deleteAsksForConfirmation()
{
    const QString id
        = createStored(QStringLiteral("Dentist"), QDate(2026, 11, 18), QTime(17, 0), 45);
    TimeGridView *grid = m_window->timeGrid();
    click(grid->viewport(), grid->eventRects(id).first().center());
    QCOMPARE(grid->selectedEventId(), id);

    const int before = MessageBox::callCount();
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::keyClick(grid, Qt::Key_Delete);
    QCOMPARE(MessageBox::callCount(), before + 1);
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("Dentist")));
    QVERIFY(m_calendar->event(id));

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::keyClick(grid, Qt::Key_Delete);
    QVERIFY(!m_calendar->event(id));
    QVERIFY(grid->eventRects(id).isEmpty());
    QCOMPARE(m_calendar->eventCount().valueOr(-1), 0);
}

void TstMainWindow::deleteFromDialog()
{
    const QString id = createStored(QStringLiteral("Gym"), QDate(2026, 11, 19), QTime(7, 0), 60);
    m_window->openEvent(id);
    EventDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(
        dialog->findChild<QPushButton *>(QStringLiteral("deleteButton")), Qt::LeftButton);
    QTRY_VERIFY(!m_window->eventDialog());
    QVERIFY(!m_calendar->event(id));
}

void TstMainWindow::monthViewShowsChipsAndMore()
{
    createStored(QStringLiteral("Standup"), QDate(2026, 11, 10), QTime(9, 0), 15);
    for (int i = 0; i < 12; ++i)
        createStored(QStringLiteral("Busy %1").arg(i), QDate(2026, 11, 12), QTime(8 + i, 0), 30);
    m_window->setView(MainWindow::View::Month);
    MonthView *month = m_window->monthView();
    QVERIFY(month->isVisible());
    QCOMPARE(
        month->chipTexts(QDate(2026, 11, 10)), QStringList { QStringLiteral("09:00 Standup") });
    QCOMPARE(month->hiddenCount(QDate(2026, 11, 10)), 0);
    const int shown = int(month->chipTexts(QDate(2026, 11, 12)).size());
    QVERIFY(shown >= 1);
    QCOMPARE(month->hiddenCount(QDate(2026, 11, 12)), 12 - shown);
    QVERIFY(month->hiddenCount(QDate(2026, 11, 12)) > 0);
    QCOMPARE(month->chipTexts(QDate(2026, 11, 12)).first(), QStringLiteral("08:00 Busy 0"));
    const QRect more = month->moreRect(QDate(2026, 11, 12));
    QVERIFY(more.isValid());
    QVERIFY(month->cellRect(QDate(2026, 11, 12)).contains(more));

    click(month, more.center());
    QCOMPARE(m_window->view(), MainWindow::View::Day);
    QCOMPARE(m_window->firstVisibleDay(), QDate(2026, 11, 12));
    QCOMPARE(m_window->timeGrid()->occurrences().size(), 12);

    // Double-click on an empty day creates an event there.
    m_window->setView(MainWindow::View::Month);
    doubleClick(month, month->cellRect(QDate(2026, 11, 25)).center());
    EventDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QDateEdit *>(QStringLiteral("startDateEdit"))->date(),
        QDate(2026, 11, 25));
    dialog->reject();
}

void TstMainWindow::overlappingEventsSideBySide()
{
    const QDate day(2026, 11, 17);
    const QString a = createStored(QStringLiteral("A"), day, QTime(10, 0), 90);
    const QString b = createStored(QStringLiteral("B"), day, QTime(10, 30), 90);
    const QString c
        = createStored(QStringLiteral("C"), day, QTime(11, 45), 30); // after A, during B
    const QString d = createStored(QStringLiteral("D"), day, QTime(15, 0), 60);
    TimeGridView *grid = m_window->timeGrid();
    const QRect ra = grid->eventRects(a).value(0);
    const QRect rb = grid->eventRects(b).value(0);
    const QRect rc = grid->eventRects(c).value(0);
    const QRect rd = grid->eventRects(d).value(0);
    QVERIFY(ra.isValid() && rb.isValid() && rc.isValid() && rd.isValid());
    // A and B overlap: side by side, same width, not intersecting.
    QVERIFY(!ra.intersects(rb));
    QVERIFY(ra.right() < rb.left());
    QVERIFY(qAbs(ra.width() - rb.width()) <= 2);
    QVERIFY(ra.top() < rb.top());
    // C starts after A ends but while B runs: it takes A's column in the same cluster.
    QVERIFY(!rc.intersects(rb));
    QCOMPARE(rc.left(), ra.left());
    // D is alone: full column width.
    QVERIFY(rd.width() > ra.width() * 2 - 4);
}

void TstMainWindow::timeZoneChangeRelaysEvents()
{
    const QDate day(2026, 11, 18);
    const QString id = createStored(QStringLiteral("Call"), day, QTime(16, 0), 60);
    TimeGridView *grid = m_window->timeGrid();
    QVERIFY(
        qAbs(grid->eventRects(id).first().top() - grid->pointForTime(day, QTime(16, 0)).y()) <= 2);

    m_window->showSettings();
    SettingsDialog *settings = nullptr;
    QTRY_VERIFY(
        (settings = m_window->findChild<SettingsDialog *>(QStringLiteral("settingsDialog"))));
    auto *combo = settings->findChild<QComboBox *>(QStringLiteral("timeZoneCombo"));
    QVERIFY(combo);
    QVERIFY(combo->itemText(0).startsWith(QStringLiteral("System default (")));
    const int ny = combo->findData(QByteArray("America/New_York"));
    QVERIFY(ny > 0);
    combo->setCurrentIndex(ny);
    QTest::mouseClick(
        settings->findChild<QPushButton *>(QStringLiteral("okButton")), Qt::LeftButton);

    QCOMPARE(m_profile->timeZoneOverride(), QByteArray("America/New_York"));
    QCOMPARE(m_calendar->timeZone().id(), QByteArray("America/New_York"));
    // 16:00 in Madrid is 10:00 in New York.
    QTRY_COMPARE(grid->timeZone().id(), QByteArray("America/New_York"));
    QTRY_VERIFY(
        qAbs(grid->eventRects(id).value(0).top() - grid->pointForTime(day, QTime(10, 0)).y()) <= 2);
    auto *zoneLabel = m_window->findChild<QLabel *>(QStringLiteral("zoneStatusLabel"));
    QCOMPARE(zoneLabel->text(), QStringLiteral("America/New_York"));

    // Editing it now keeps its own zone (Madrid), shown because it differs from the viewer's.
    m_window->openEvent(id);
    EventDialog *dialog = waitForDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->eventZone().id(), QByteArray("Europe/Madrid"));
    QCOMPARE(dialog->findChild<QTimeEdit *>(QStringLiteral("startTimeEdit"))->time(), QTime(16, 0));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("zoneLabel"))->isVisibleTo(dialog));
    dialog->reject();
}

void TstMainWindow::hidingACalendarHidesItsEvents()
{
    const QString id
        = createStored(QStringLiteral("Private"), QDate(2026, 11, 20), QTime(12, 0), 60);
    auto *list = m_window->findChild<QListWidget *>(QStringLiteral("calendarList"));
    QVERIFY(list);
    QCOMPARE(list->count(), 1);
    QCOMPARE(list->item(0)->checkState(), Qt::Checked);
    list->item(0)->setCheckState(Qt::Unchecked);
    QTRY_VERIFY(m_window->timeGrid()->eventRects(id).isEmpty());
    QVERIFY(!m_calendar->calendars().first().visible);
    QTRY_COMPARE(list->item(0)->checkState(), Qt::Unchecked); // the list was rebuilt
    list->item(0)->setCheckState(Qt::Checked);
    QTRY_VERIFY(m_calendar->calendars().first().visible);
    QTRY_COMPARE(m_window->timeGrid()->eventRects(id).size(), 1);
}

void TstMainWindow::availabilityToggleInCalendarList()
{
    // A second calendar that does not count (as sync sets up a shared one, or a feed).
    Calendar shared;
    shared.id = QStringLiteral("team");
    shared.name = QStringLiteral("Team (shared)");
    shared.countsForAvailability = false;
    QVERIFY(m_calendar->saveCalendar(shared));
    QCOMPARE(m_calendar->availabilityCalendarIds(), QStringList { QStringLiteral("local") });

    auto *list = m_window->findChild<QListWidget *>(QStringLiteral("calendarList"));
    QVERIFY(list);
    QTRY_COMPARE(list->count(), 2);
    QListWidgetItem *teamItem = nullptr;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->data(Qt::UserRole).toString() == shared.id)
            teamItem = list->item(i);
    }
    QVERIFY(teamItem);
    QVERIFY(teamItem->font().italic());
    QVERIFY(teamItem->toolTip().contains(QStringLiteral("Does not count")));

    // Right-click → "Counts for My Availability" (checkable, unchecked) → on.
    QSignalSpy spy(m_calendar.get(), &CalendarService::availabilityCalendarsChanged);
    bool sawUnchecked = false;
    auto toggleFromMenu = [&]() {
        QTimer poll;
        poll.setInterval(5);
        QObject::connect(&poll, &QTimer::timeout, [&]() {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu || menu->objectName() != QLatin1String("calendarListMenu"))
                return;
            poll.stop();
            auto *action
                = menu->findChild<QAction *>(QStringLiteral("countsForAvailabilityAction"));
            QVERIFY(action);
            QVERIFY(action->isCheckable());
            sawUnchecked = !action->isChecked();
            action->trigger();
            menu->close();
        });
        poll.start();
        const QRect r = list->visualItemRect(teamItem);
        Q_EMIT list->customContextMenuRequested(r.center());
    };
    toggleFromMenu();
    QVERIFY(sawUnchecked);
    QTRY_COMPARE(spy.size(), 1);
    const QStringList both { QStringLiteral("local"), QStringLiteral("team") };
    QStringList got = spy.first().first().toStringList();
    got.sort();
    QCOMPARE(got, both);
    got = m_calendar->availabilityCalendarIds();
    got.sort();
    QCOMPARE(got, both);

    // Persisted: a fresh service over the same database reads it back.
    {
        CalendarService again(*m_db, m_madrid);
        for (const Calendar &c : again.calendars())
            QVERIFY2(c.countsForAvailability, qPrintable(c.id));
    }
    // The list is rebuilt with the new state; turning it off again works the same way.
    auto itemFor = [list](const QString &id) -> QListWidgetItem * {
        for (int i = 0; i < list->count(); ++i) {
            if (list->item(i)->data(Qt::UserRole).toString() == id)
                return list->item(i);
        }
        return nullptr;
    };
    QTRY_VERIFY(itemFor(shared.id) && !itemFor(shared.id)->font().italic());
    teamItem = itemFor(shared.id);
    QVERIFY(teamItem->toolTip().contains(QStringLiteral("Counts for your availability")));
    if (!qEnvironmentVariableIsEmpty("KAIROS_SCREENSHOT_DIR"))
        m_window->grab().save(qEnvironmentVariable("KAIROS_SCREENSHOT_DIR")
            + QStringLiteral("/calendar-list-availability.png"));
    toggleFromMenu();
    QVERIFY(!sawUnchecked);
    QTRY_COMPARE(spy.size(), 2);
    QCOMPARE(spy.last().first().toStringList(), QStringList { QStringLiteral("local") });
    // Hiding a calendar does not change whether it counts.
    list->item(0)->setCheckState(Qt::Unchecked);
    QTest::qWait(20);
    QCOMPARE(spy.size(), 2);
}

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
