// Find (Ctrl+F) and the agenda (Ctrl+4) in the real MainWindow, by objectName, over a real
// SQLite profile; and the event dialog's reminder choice.
#include "calendar/agendaview.h"
#include "calendar/calendarservice.h"
#include "calendar/eventdialog.h"
#include "calendar/searchdialog.h"
#include "calendar/timegridview.h"
#include "core/autostart.h"
#include "core/profile.h"
#include "mainwindow.h"
#include "model/zonedtime.h"
#include "settings/calendarspage.h"
#include "store/database.h"
#include "support/mockclock.h"
#include "support/testenv.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace kairos;
using namespace kairos::test;

class TestFindAndAgenda : public QObject {
    Q_OBJECT
private:
    const QTimeZone m_madrid { "Europe/Madrid" };
    std::unique_ptr<TempHome> m_home;
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CalendarService> m_calendar;
    std::unique_ptr<MainWindow> m_window;

    QString add(const QString &title, QDate day, QTime at, const QString &location = {})
    {
        Event e;
        e.calendarId = CalendarService::localCalendarId();
        e.title = title;
        e.location = location;
        e.start = zonedDateTime(day, at, m_madrid);
        e.end = e.start.addSecs(3600);
        return m_calendar->createEvent(e).value().id;
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void init()
    {
        m_home = std::make_unique<TempHome>();
        m_clock
            = std::make_unique<MockClock>(QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC));
        m_profile = std::make_unique<Profile>(QStringLiteral("find"));
        QVERIFY(m_profile->ensureDirs());
        m_db = std::move(
            Database::open(m_profile->databasePath(), {}, QStringLiteral("find")).value());
        m_calendar = std::make_unique<CalendarService>(*m_db, m_madrid);
        QVERIFY(m_calendar->ensureLocalCalendar(QStringLiteral("My calendar")));
        m_window = std::make_unique<MainWindow>(*m_calendar, *m_profile);
        m_window->resize(1100, 800);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }
    void cleanup()
    {
        m_window.reset();
        m_calendar.reset();
        m_db.reset();
        m_profile.reset();
        m_clock.reset();
        m_home.reset();
    }

    void findJumpsToTheEvent()
    {
        add(QStringLiteral("Budget review"), QDate(2026, 10, 5), QTime(10, 0));
        const QString offsite = add(QStringLiteral("Team offsite"), QDate(2027, 1, 14), QTime(9, 0),
            QStringLiteral("Segovia"));
        add(QStringLiteral("Lunch"), QDate(2026, 11, 23), QTime(14, 0),
            QStringLiteral("Casa Lucio"));
        auto *find = m_window->findChild<QAction *>(QStringLiteral("findAction"));
        QVERIFY(find);
        QCOMPARE(find->shortcut(), QKeySequence(QKeySequence::Find));
        find->trigger();
        auto *dialog = m_window->findChild<SearchDialog *>(QStringLiteral("searchDialog"));
        QVERIFY(dialog && dialog->isVisible());
        auto *edit = dialog->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
        auto *results = dialog->findChild<QTreeWidget *>(QStringLiteral("searchResults"));
        QVERIFY(edit && results);
        QTest::keyClicks(edit, QStringLiteral("segov"));
        QCOMPARE(results->topLevelItemCount(), 1);
        QCOMPARE(results->topLevelItem(0)->text(1), QStringLiteral("Team offsite"));
        QVERIFY(results->topLevelItem(0)->text(0).contains(QStringLiteral("14/01/2027")));
        QTest::keyClick(edit, Qt::Key_Return);
        QVERIFY(!dialog->isVisible());
        QCOMPARE(m_window->currentDate(), QDate(2027, 1, 14));
        QCOMPARE(m_window->selectedEventId(), offsite);

        // Words match from their start ("rev" finds "review", "view" does not).
        find->trigger();
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("view"));
        QCOMPARE(results->topLevelItemCount(), 0);
        edit->setText(QStringLiteral("rev"));
        QCOMPARE(results->topLevelItemCount(), 1);
        edit->setText(QStringLiteral("nothing like this"));
        QCOMPARE(results->topLevelItemCount(), 0);
        QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("searchStatus"))->text(),
            QStringLiteral("Nothing found."));
        edit->setText(QStringLiteral("casa lunch"));
        QCOMPARE(results->topLevelItemCount(), 1);
    }

    void agendaGroupsByDayAndScrollsOn()
    {
        // 60 events, one every other day from today: the first chunk shows 14 days.
        for (int i = 0; i < 60; ++i)
            add(QStringLiteral("Event %1").arg(i), QDate(2026, 11, 21).addDays(2 * i),
                QTime(9 + i % 8, 0));
        add(QStringLiteral("Same day"), QDate(2026, 11, 21), QTime(18, 0));
        auto *agendaAction = m_window->findChild<QAction *>(QStringLiteral("agendaViewAction"));
        QVERIFY(agendaAction);
        QCOMPARE(agendaAction->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_4));
        agendaAction->trigger();
        QCOMPARE(m_window->view(), MainWindow::View::Agenda);
        AgendaView *agenda = m_window->agendaView();
        QCOMPARE(
            m_window->findChild<QStackedWidget *>(QStringLiteral("viewStack"))->currentWidget(),
            agenda);
        QVERIFY(agenda->topLevelItem(0)->text(0).startsWith(QStringLiteral("Today")));
        QCOMPARE(agenda->topLevelItem(1)->text(1), QStringLiteral("Event 0"));
        QCOMPARE(agenda->topLevelItem(2)->text(1), QStringLiteral("Same day"));
        QVERIFY(agenda->topLevelItem(3)->text(0).startsWith(QStringLiteral("Monday")));
        QCOMPARE(agenda->topLevelItem(1)->text(0), QStringLiteral("09:00 – 10:00"));
        // The first four weeks: 14 events every other day plus today's second one (more
        // weeks come at once if they do not fill the view).
        QVERIFY(agenda->eventRowCount() >= AgendaView::kChunkDays / 2 + 1);
        // Scrolling to the end loads the next weeks.
        QTRY_VERIFY(agenda->verticalScrollBar()->maximum() > 0);
        const int loadedBefore = agenda->loadedDays();
        const int rowsBefore = agenda->eventRowCount();
        agenda->verticalScrollBar()->setValue(agenda->verticalScrollBar()->maximum());
        QTRY_VERIFY(agenda->loadedDays() > loadedBefore);
        QVERIFY(agenda->eventRowCount() > rowsBefore);
        // Enter on an event row opens it.
        agenda->setCurrentItem(agenda->topLevelItem(1));
        QCOMPARE(
            m_window->selectedEventId(), agenda->topLevelItem(1)->data(0, Qt::UserRole).toString());
        // A new event appears without losing what was loaded.
        const int loaded = agenda->loadedDays();
        add(QStringLiteral("Added later"), QDate(2026, 11, 22), QTime(8, 0));
        QTRY_COMPARE(agenda->topLevelItem(4)->text(1), QStringLiteral("Added later"));
        QVERIFY(agenda->topLevelItem(3)->text(0).startsWith(QStringLiteral("Tomorrow")));
        QCOMPARE(agenda->loadedDays(), loaded);
    }

    void dialogEditsTheReminder()
    {
        Event e;
        e.calendarId = CalendarService::localCalendarId();
        e.title = QStringLiteral("Two reminders");
        e.start = zonedDateTime(QDate(2026, 11, 23), QTime(9, 0), m_madrid);
        e.end = e.start.addSecs(3600);
        e.reminders = { 10, 60 };
        EventDialog kept(e, false, m_calendar->calendars(), m_madrid);
        auto *combo = kept.findChild<QComboBox *>(QStringLiteral("reminderCombo"));
        QVERIFY(combo);
        QCOMPARE(combo->currentData().toInt(), 10);
        QVERIFY(combo->currentText().contains(QStringLiteral("more")));
        QCOMPARE(kept.event().reminders, (QList<int> { 10, 60 })); // untouched: both kept
        combo->setCurrentIndex(combo->findData(1440));
        QCOMPARE(kept.event().reminders, QList<int> { 1440 });
        QVERIFY(!kept.event().defaultReminders);
        combo->setCurrentIndex(combo->findData(-1));
        QVERIFY(kept.event().reminders.isEmpty());
        QVERIFY(!kept.event().defaultReminders);

        Event fresh = e;
        fresh.reminders.clear();
        EventDialog created(fresh, true, m_calendar->calendars(), m_madrid);
        QVERIFY(created.event().defaultReminders); // a new event takes the calendar's default
    }

    void calendarsPageSavesColourAndDefaultReminder()
    {
        CalendarsPage page(*m_calendar);
        auto *combo = page.findChild<QComboBox *>(
            QStringLiteral("defaultReminderCombo_") + CalendarService::localCalendarId());
        QVERIFY(combo && combo->isEnabled());
        QCOMPARE(combo->currentData().toInt(), -1); // none yet
        combo->setCurrentIndex(combo->findData(15));
        page.setColor(CalendarService::localCalendarId(), QStringLiteral("#aa00ff"));
        QVERIFY(page.findChild<QPushButton *>(
            QStringLiteral("colorButton_") + CalendarService::localCalendarId()));
        // Start at login: the XDG autostart entry is written on apply.
        QTemporaryDir config;
        XdgAutostart autostart(QStringLiteral("kairos"), config.path());
        page.setAutostart(&autostart);
        auto *atLogin = page.findChild<QCheckBox *>(QStringLiteral("startAtLoginCheck"));
        QVERIFY(atLogin && !atLogin->isChecked());
        atLogin->setChecked(true);
        QSignalSpy changed(m_calendar.get(), &CalendarService::changed);
        QVERIFY(page.apply());
        QVERIFY(autostart.isEnabled());
        QVERIFY(!changed.isEmpty()); // the views repaint with the new colour
        const Calendar c = m_calendar->calendars().first();
        QCOMPARE(c.color, QStringLiteral("#aa00ff"));
        QCOMPARE(c.defaultReminders, QList<int> { 15 });
        // The settings dialog has the page.
        m_window->showSettings();
        QTRY_VERIFY(m_window->findChild<CalendarsPage *>(QStringLiteral("calendarsPage")));
    }
};

QTEST_MAIN(TestFindAndAgenda)
#include "tst_findandagenda.moc"
