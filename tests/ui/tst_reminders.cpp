// Reminders on the desktop: notifications go to a REAL org.freedesktop.Notifications service
// on the tests' private session bus (FakeNotificationServer, its own bus connection); its
// buttons (Open, Join, Snooze, Dismiss) come back as ActionInvoked signals; the reminders
// window lists what rang and drives the same service by objectName. Time from MockClock.
#include "calendar/calendarservice.h"
#include "calendar/reminderservice.h"
#include "core/profile.h"
#include "fakenotificationserver.h"
#include "ics/recurrence.h"
#include "notify/freedesktopnotifier.h"
#include "reminders/reminderscontroller.h"
#include "reminders/reminderswindow.h"
#include "store/database.h"
#include "support/mockclock.h"
#include "support/testenv.h"

#include <QAction>
#include <QDesktopServices>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTranslator>
#include <QTreeWidget>

using namespace kairos;

namespace {

const QTimeZone kMadrid("Europe/Madrid");

struct Setup {
    test::TempHome home;
    Profile profile { QStringLiteral("remui") };
    std::unique_ptr<Database> db;
    std::unique_ptr<CalendarService> cal;
    std::unique_ptr<ReminderService> rem;
    std::unique_ptr<FreedesktopNotifier> notifier;
    std::unique_ptr<RemindersController> ui;
    Setup()
    {
        (void)profile.ensureDirs();
        db = std::move(Database::open(profile.databasePath(), {}, QStringLiteral("r")).value());
        cal = std::make_unique<CalendarService>(*db, kMadrid);
        ics::installRecurrenceExpander(*cal);
        (void)cal->ensureLocalCalendar(QStringLiteral("Mine"));
        rem = std::make_unique<ReminderService>(*cal);
        notifier = std::make_unique<FreedesktopNotifier>(QDBusConnection::sessionBus());
        ui = std::make_unique<RemindersController>(*rem, *cal, notifier.get(), nullptr);
    }
    Event add(const QString &title, QTime at, const QString &location = {},
        const QString &description = {})
    {
        Event e;
        e.calendarId = CalendarService::localCalendarId();
        e.title = title;
        e.start = QDateTime(QDate(2026, 11, 23), at, kMadrid);
        e.end = e.start.addSecs(3600);
        e.location = location;
        e.description = description;
        e.reminders = { 10 };
        return cal->createEvent(e).value();
    }
};

//! Catches what QDesktopServices::openUrl would open.
class UrlCatcher : public QObject {
    Q_OBJECT
public:
    QList<QUrl> urls;
public Q_SLOTS:
    void open(const QUrl &u) { urls << u; }
};

} // namespace

class TestReminders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
            "no D-Bus session bus: run the tests through scripts/with-keyring.sh");
        // English plural forms ("1 minute", "10 minutes") come from the English translation.
        auto *english = new QTranslator(this);
        QVERIFY(english->load(QStringLiteral("kairos_en"), QStringLiteral(":/i18n")));
        QCoreApplication::installTranslator(english);
    }

    void notificationThroughTheBus()
    {
        test::MockClock clock(QDateTime(QDate(2026, 11, 23), QTime(8, 0), kMadrid));
        test::FakeNotificationServer server;
        QVERIFY(server.start());
        Setup s;
        QVERIFY(s.notifier->isAvailable());
        const Event e = s.add(QStringLiteral("Design review"), QTime(9, 0),
            QStringLiteral("Sala 2"),
            QStringLiteral(
                "Agenda: https://docs.example.com/x\nJoin: https://meet.google.com/abc-defg-hij."));
        QVERIFY(s.rem->start());
        clock.set(QDateTime(QDate(2026, 11, 23), QTime(8, 50), kMadrid));
        s.rem->check();
        QTRY_COMPARE(server.calls().size(), 1);
        const auto call = server.calls().first();
        QCOMPARE(call.app, QStringLiteral("Kairos"));
        QCOMPARE(call.summary, QStringLiteral("Design review"));
        QVERIFY2(call.body.contains(QStringLiteral("Starts in 10 minutes")), qPrintable(call.body));
        QVERIFY(call.body.contains(QStringLiteral("Sala 2")));
        QCOMPARE(call.actionKeys(),
            (QStringList { QStringLiteral("default"), QStringLiteral("join"),
                QStringLiteral("snooze5"), QStringLiteral("snooze10"), QStringLiteral("snooze15"),
                QStringLiteral("dismiss") }));
        QVERIFY(call.actions.contains(QStringLiteral("Snooze 10 min")));
        QCOMPARE(call.hints.value(QStringLiteral("category")).toString(),
            QStringLiteral("x-kairos.reminder"));
        QCOMPARE(call.hints.value(QStringLiteral("urgency")).toInt(), 1);
        QCOMPARE(call.timeout, 0);

        // Open: the event, at its occurrence.
        QSignalSpy open(s.ui.get(), &RemindersController::openEvent);
        server.invokeAction(call.id, QStringLiteral("default"));
        QTRY_COMPARE(open.size(), 1);
        QCOMPARE(open.first().at(0).toString(), e.id);
        QCOMPARE(open.first().at(1).toDateTime(), e.start);
        // Join: the meeting link (not the agenda document), trailing full stop dropped.
        UrlCatcher catcher;
        QDesktopServices::setUrlHandler(QStringLiteral("https"), &catcher, "open");
        server.invokeAction(call.id, QStringLiteral("join"));
        QTRY_COMPARE(catcher.urls.size(), 1);
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        QCOMPARE(
            catcher.urls.first(), QUrl(QStringLiteral("https://meet.google.com/abc-defg-hij")));

        // Snooze 10: it leaves the list, its bubble is withdrawn, it comes back at 09:00.
        server.invokeAction(call.id, QStringLiteral("snooze10"));
        QTRY_VERIFY(s.rem->active().isEmpty());
        QTRY_COMPARE(server.closedIds(), QList<uint> { call.id });
        QCOMPARE(s.rem->nextDue(), QDateTime(QDate(2026, 11, 23), QTime(9, 0), kMadrid));
        clock.set(QDateTime(QDate(2026, 11, 23), QTime(9, 0), kMadrid));
        s.rem->check();
        QTRY_COMPARE(server.calls().size(), 2);
        QVERIFY(server.calls().last().body.contains(QStringLiteral("Starting now")));
        // Dismiss from the bubble: gone for good.
        server.invokeAction(server.calls().last().id, QStringLiteral("dismiss"));
        QTRY_VERIFY(s.rem->active().isEmpty());
        // An action for somebody else's notification is not ours.
        server.invokeAction(999, QStringLiteral("dismiss"));
        QCOMPARE(server.calls().size(), 2);
    }

    void remindersWindow()
    {
        test::MockClock clock(QDateTime(QDate(2026, 11, 23), QTime(8, 0), kMadrid));
        test::FakeNotificationServer server;
        QVERIFY(server.start());
        Setup s;
        s.add(QStringLiteral("First"), QTime(9, 0));
        s.add(QStringLiteral("Second"), QTime(9, 30), QStringLiteral("Room 4"));
        QVERIFY(s.rem->start());
        // Asleep until 10:00: both come as missed.
        clock.set(QDateTime(QDate(2026, 11, 23), QTime(10, 0), kMadrid));
        s.rem->check();
        QTRY_COMPARE(server.calls().size(), 2);
        QVERIFY(server.calls().first().body.startsWith(QStringLiteral("Missed reminder")));
        QAction *show = s.ui->showAction();
        QCOMPARE(show->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
        show->trigger();
        RemindersWindow *w = s.ui->window();
        QVERIFY(w->isVisible());
        auto *list = w->findChild<QTreeWidget *>(QStringLiteral("remindersList"));
        QVERIFY(list);
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("First"));
        QVERIFY(list->topLevelItem(0)->text(2).startsWith(QStringLiteral("Missed")));
        QVERIFY(list->topLevelItem(1)->text(1).contains(QStringLiteral("Room 4")));

        // Snooze the selected one from the menu: its bubble goes too.
        list->setCurrentItem(list->topLevelItem(0));
        auto *snoozeButton = w->findChild<QToolButton *>(QStringLiteral("snoozeReminderButton"));
        QVERIFY(snoozeButton && snoozeButton->isEnabled());
        auto *snooze15
            = snoozeButton->menu()->findChild<QAction *>(QStringLiteral("snooze15Action"));
        QVERIFY(snooze15);
        snooze15->trigger();
        QCOMPARE(list->topLevelItemCount(), 1);
        QTRY_COMPARE(server.closedIds().size(), 1);
        QSignalSpy open(w, &RemindersWindow::openEvent);
        w->findChild<QPushButton *>(QStringLiteral("openReminderButton"))->click();
        QCOMPARE(open.size(), 1);
        w->findChild<QPushButton *>(QStringLiteral("dismissAllRemindersButton"))->click();
        QCOMPARE(list->topLevelItemCount(), 0);
        QVERIFY(w->findChild<QLabel *>(QStringLiteral("remindersEmptyLabel"))->isVisible());
        QVERIFY(!w->findChild<QPushButton *>(QStringLiteral("dismissReminderButton"))->isEnabled());
        QTRY_COMPARE(server.closedIds().size(), 2);
        // The snoozed one rings again at 10:15, once.
        clock.set(QDateTime(QDate(2026, 11, 23), QTime(10, 15), kMadrid));
        s.rem->check();
        QTRY_COMPARE(server.calls().size(), 3);
        QCOMPARE(server.calls().last().summary, QStringLiteral("First"));
        QCOMPARE(list->topLevelItemCount(), 1);
    }

    void withoutANotificationServerTheWindowComesUp()
    {
        test::MockClock clock(QDateTime(QDate(2026, 11, 23), QTime(8, 0), kMadrid));
        Setup s;
        // No bus at all (a session bus may offer an activatable notification daemon).
        FreedesktopNotifier offline(QDBusConnection(QStringLiteral("kairos-no-bus")));
        QVERIFY(!offline.isAvailable());
        s.ui->setNotifier(&offline);
        s.add(QStringLiteral("Quiet desktop"), QTime(9, 0));
        QVERIFY(s.rem->start());
        clock.set(QDateTime(QDate(2026, 11, 23), QTime(8, 50), kMadrid));
        s.rem->check();
        QVERIFY(s.ui->window()->isVisible());
        QCOMPARE(s.ui->window()
                     ->findChild<QTreeWidget *>(QStringLiteral("remindersList"))
                     ->topLevelItemCount(),
            1);
    }

    void whenTexts()
    {
        DueReminder r;
        r.start = QDateTime(QDate(2026, 11, 23), QTime(9, 0), kMadrid);
        r.end = r.start.addSecs(3600);
        const auto at
            = [](int h, int m) { return QDateTime(QDate(2026, 11, 23), QTime(h, m), kMadrid); };
        QCOMPARE(
            RemindersController::whenText(r, at(8, 45)), QStringLiteral("Starts in 15 minutes"));
        QCOMPARE(RemindersController::whenText(r, at(8, 59)), QStringLiteral("Starts in 1 minute"));
        QCOMPARE(RemindersController::whenText(r, at(7, 0)), QStringLiteral("Starts in 2 hours"));
        QCOMPARE(
            RemindersController::whenText(r, at(9, 20)), QStringLiteral("Started 20 minutes ago"));
        QCOMPARE(RemindersController::whenText(r, at(10, 0)), QStringLiteral("Ended"));
        r.allDay = true;
        r.start = QDateTime(QDate(2026, 11, 24), QTime(0, 0), kMadrid);
        r.end = r.start.addDays(1);
        QCOMPARE(RemindersController::whenText(r, at(15, 0)), QStringLiteral("Tomorrow"));
    }
};

QTEST_MAIN(TestReminders)
#include "tst_reminders.moc"
