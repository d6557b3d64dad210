// The tray: its menu (today's next event, unread messages, Open, Quit) by objectName, and
// closing the window into the tray (the first time a message says so), over a real profile.
#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "model/zonedtime.h"
#include "store/database.h"
#include "support/mockclock.h"
#include "support/testenv.h"
#include "tray/traycontroller.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using namespace kairos;
using namespace kairos::test;

class TestTray : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void menuAndCloseToTray()
    {
        TempHome home;
        const QTimeZone madrid("Europe/Madrid");
        MockClock clock(QDateTime(QDate(2026, 11, 23), QTime(10, 30), madrid));
        Profile profile(QStringLiteral("tray"));
        QVERIFY(profile.ensureDirs());
        auto db = Database::open(profile.databasePath(), {}, QStringLiteral("tray"));
        QVERIFY(db);
        CalendarService calendar(**db, madrid);
        QVERIFY(calendar.ensureLocalCalendar(QStringLiteral("Mine")));
        auto add = [&](const QString &title, QTime at) {
            Event e;
            e.calendarId = CalendarService::localCalendarId();
            e.title = title;
            e.start = zonedDateTime(QDate(2026, 11, 23), at, madrid);
            e.end = e.start.addSecs(1800);
            QVERIFY(calendar.createEvent(e));
        };
        add(QStringLiteral("Over"), QTime(9, 0));
        add(QStringLiteral("Stand-up"), QTime(11, 0));
        add(QStringLiteral("Review"), QTime(15, 0));
        QMainWindow window;
        window.show();
        const std::unique_ptr<QSettings> settings = profile.settings();
        TrayController tray(window, calendar, *settings, true);
        QMenu *menu = tray.menu();
        auto action
            = [menu](const char *name) { return menu->findChild<QAction *>(QLatin1String(name)); };
        QCOMPARE(action("trayNextEventAction")->text(), QStringLiteral("Next: Stand-up at 11:00"));
        QVERIFY(!action("trayNextEventAction")->isEnabled());
        QCOMPARE(action("trayUnreadAction")->text(), QStringLiteral("No unread messages"));
        tray.setUnreadCount(3);
        QVERIFY(action("trayUnreadAction")->text().startsWith(QStringLiteral("3 unread")));
        QVERIFY(action("trayOpenAction"));
        QVERIFY(action("trayQuitAction"));
        clock.set(QDateTime(QDate(2026, 11, 23), QTime(11, 10), madrid));
        tray.updateNextEvent();
        QCOMPARE(action("trayNextEventAction")->text(), QStringLiteral("Now: Stand-up"));
        clock.set(QDateTime(QDate(2026, 11, 23), QTime(16, 0), madrid));
        tray.updateNextEvent();
        QCOMPARE(action("trayNextEventAction")->text(), QStringLiteral("Nothing more today"));
        // A new event today shows up (the calendar's changed()).
        add(QStringLiteral("Late call"), QTime(18, 0));
        QCOMPARE(action("trayNextEventAction")->text(), QStringLiteral("Next: Late call at 18:00"));

        // Closing hides into the tray; the first time it says so, then never again.
        QSignalSpy told(&tray, &TrayController::hiddenToTrayFirstTime);
        QVERIFY(!window.close());
        QVERIFY(!window.isVisible());
        QCOMPARE(told.size(), 1);
        action("trayOpenAction")->trigger();
        QVERIFY(window.isVisible());
        window.close();
        QVERIFY(!window.isVisible());
        QCOMPARE(told.size(), 1);
        QVERIFY(settings->value(QStringLiteral("tray/toldAboutClosing")).toBool());
    }

    void withoutATrayClosingCloses()
    {
        TempHome home;
        Profile profile(QStringLiteral("notray"));
        QVERIFY(profile.ensureDirs());
        auto db = Database::open(profile.databasePath(), {}, QStringLiteral("notray"));
        QVERIFY(db);
        CalendarService calendar(**db, QTimeZone("Europe/Madrid"));
        QMainWindow window;
        window.show();
        const std::unique_ptr<QSettings> settings = profile.settings();
        TrayController tray(window, calendar, *settings, false);
        QVERIFY(!tray.keepsRunningInTray());
        QVERIFY(window.close());
        QVERIFY(!window.isVisible());
    }
};

QTEST_MAIN(TestTray)
#include "tst_tray.moc"
