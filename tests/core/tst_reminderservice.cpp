// ReminderService against a real SQLite profile and the libical expander, time from MockClock:
// one timer to the next reminder, rings each once, missed after a sleep or while not running,
// snoozes and dismissals across restarts, DST (a daily series and an all-day event keep their
// wall time), calendar defaults, changes recomputed, deleted events leave the list.
#include "calendar/calendarservice.h"
#include "calendar/meetinglink.h"
#include "calendar/reminderservice.h"
#include "core/profile.h"
#include "ics/recurrence.h"
#include "store/database.h"
#include "support/mockclock.h"
#include "support/testenv.h"

#include <QSignalSpy>
#include <QTest>

using namespace kairos;

namespace {

const QTimeZone kMadrid("Europe/Madrid");

//! A profile that can be closed and opened again (a restart).
struct Profile1 {
    test::TempHome home;
    Profile profile { QStringLiteral("rem") };
    std::unique_ptr<Database> db;
    std::unique_ptr<CalendarService> cal;
    std::unique_ptr<ReminderService> rem;

    Profile1()
    {
        (void)profile.ensureDirs();
        open();
        (void)cal->ensureLocalCalendar(QStringLiteral("Mine"));
    }
    void open()
    {
        db = std::move(Database::open(profile.databasePath(), {}, QStringLiteral("rem")).value());
        cal = std::make_unique<CalendarService>(*db, kMadrid);
        ics::installRecurrenceExpander(*cal);
        rem = std::make_unique<ReminderService>(*cal);
    }
    void restart()
    {
        rem.reset();
        cal.reset();
        db.reset();
        open();
    }
    Event add(const QString &title, const QDateTime &start, QList<int> reminders,
        const QStringList &recurrence = {})
    {
        Event e;
        e.calendarId = CalendarService::localCalendarId();
        e.title = title;
        e.start = start;
        e.end = start.addSecs(3600);
        e.reminders = reminders;
        e.recurrence = recurrence;
        return cal->createEvent(e).value();
    }
};

QStringList titles(const QList<DueReminder> &list)
{
    QStringList out;
    for (const DueReminder &r : list)
        out << r.title;
    return out;
}

} // namespace

class TestReminderService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void ringsOnceAtTheRightTime()
    {
        test::MockClock clock(QDateTime(QDate(2026, 11, 23), QTime(8, 0), kMadrid));
        Profile1 p;
        const Event e = p.add(QStringLiteral("Stand-up"),
            QDateTime(QDate(2026, 11, 23), QTime(9, 0), kMadrid), { 15, 5 });
        QSignalSpy due(p.rem.get(), &ReminderService::reminderDue);
        QVERIFY(p.rem->start());
        QCOMPARE(due.size(), 0);
        // One timer, to the first reminder (08:45) — capped so a sleep cannot stretch it.
        QCOMPARE(p.rem->nextDue(), QDateTime(QDate(2026, 11, 23), QTime(8, 45), kMadrid));
        QCOMPARE(p.rem->timerIntervalMs(), int(ReminderService::kMaxWaitMs));
        clock.set(QDateTime(QDate(2026, 11, 23), QTime(8, 44, 30), kMadrid));
        p.rem->check();
        QCOMPARE(p.rem->timerIntervalMs(), 30000);
        QCOMPARE(due.size(), 0);
        clock.advanceSecs(30);
        p.rem->check();
        QCOMPARE(due.size(), 1);
        const DueReminder r = due.first().first().value<DueReminder>();
        QCOMPARE(r.title, QStringLiteral("Stand-up"));
        QCOMPARE(r.minutesBefore, 15);
        QCOMPARE(r.eventId, e.id);
        QVERIFY(!r.missed);
        QCOMPARE(p.rem->active().size(), 1);
        p.rem->check(); // again at the same time: nothing new
        QCOMPARE(due.size(), 1);
        QCOMPARE(p.rem->nextDue(), QDateTime(QDate(2026, 11, 23), QTime(8, 55), kMadrid));
        // The real timer rings the second one when it is due (interval 0 once due).
        clock.set(QDateTime(QDate(2026, 11, 23), QTime(8, 55), kMadrid));
        p.rem->recompute();
        QTRY_COMPARE(due.size(), 2);
        QCOMPARE(due.last().first().value<DueReminder>().minutesBefore, 5);
        QCOMPARE(p.rem->active().size(), 2);
        QVERIFY(!p.rem->nextDue().isValid());
    }

    void wakeAfterTheAlarmShowsItOnceAsMissed()
    {
        test::MockClock clock(QDateTime(QDate(2026, 11, 23), QTime(8, 0), kMadrid));
        Profile1 p;
        p.add(QStringLiteral("A"), QDateTime(QDate(2026, 11, 23), QTime(9, 0), kMadrid), { 10 });
        p.add(QStringLiteral("B"), QDateTime(QDate(2026, 11, 23), QTime(10, 0), kMadrid), { 10 });
        p.add(
            QStringLiteral("Later"), QDateTime(QDate(2026, 11, 23), QTime(16, 0), kMadrid), { 10 });
        QSignalSpy due(p.rem.get(), &ReminderService::reminderDue);
        QVERIFY(p.rem->start());
        // The laptop sleeps from 08:00 to 11:00: the first check after the wake finds both.
        clock.set(QDateTime(QDate(2026, 11, 23), QTime(11, 0), kMadrid));
        p.rem->check();
        QCOMPARE(due.size(), 2);
        QVERIFY(due.at(0).first().value<DueReminder>().missed);
        QVERIFY(due.at(1).first().value<DueReminder>().missed);
        QCOMPARE(
            titles(p.rem->active()), (QStringList { QStringLiteral("A"), QStringLiteral("B") }));
        p.rem->check();
        clock.advanceSecs(60);
        p.rem->check();
        QCOMPARE(due.size(), 2); // once
        // A restart shows them in the list again but does not notify again.
        p.restart();
        QSignalSpy due2(p.rem.get(), &ReminderService::reminderDue);
        QVERIFY(p.rem->start());
        QCOMPARE(due2.size(), 0);
        QCOMPARE(
            titles(p.rem->active()), (QStringList { QStringLiteral("A"), QStringLiteral("B") }));
        QVERIFY(p.rem->active().first().missed);
        QCOMPARE(p.rem->nextDue(), QDateTime(QDate(2026, 11, 23), QTime(15, 50), kMadrid));
    }

    void missedWhileNotRunning()
    {
        test::MockClock clock(QDateTime(QDate(2026, 11, 23), QTime(8, 0), kMadrid));
        Profile1 p;
        p.add(QStringLiteral("Before first start"),
            QDateTime(QDate(2026, 11, 23), QTime(7, 0), kMadrid), { 10 });
        p.add(QStringLiteral("While closed"), QDateTime(QDate(2026, 11, 24), QTime(9, 0), kMadrid),
            { 30 });
        p.add(QStringLiteral("Long ago"), QDateTime(QDate(2026, 11, 2), QTime(9, 0), kMadrid),
            { 30 });
        {
            QSignalSpy due(p.rem.get(), &ReminderService::reminderDue);
            QVERIFY(p.rem->start());
            QCOMPARE(due.size(), 0); // the first start has no past to catch up on
        }
        p.rem.reset(); // quit at 08:00 on the 23rd
        clock.set(QDateTime(QDate(2026, 11, 25), QTime(12, 0), kMadrid));
        p.restart();
        QSignalSpy due(p.rem.get(), &ReminderService::reminderDue);
        QVERIFY(p.rem->start());
        QCOMPARE(due.size(), 1);
        const DueReminder r = due.first().first().value<DueReminder>();
        QCOMPARE(r.title, QStringLiteral("While closed"));
        QVERIFY(r.missed);
        QCOMPARE(r.due, QDateTime(QDate(2026, 11, 24), QTime(8, 30), kMadrid).toUTC());
    }

    void snoozeAndDismissSurviveARestart()
    {
        test::MockClock clock(QDateTime(QDate(2026, 11, 23), QTime(8, 50), kMadrid));
        Profile1 p;
        p.add(
            QStringLiteral("Snoozed"), QDateTime(QDate(2026, 11, 23), QTime(9, 0), kMadrid), { 5 });
        p.add(QStringLiteral("Dismissed"), QDateTime(QDate(2026, 11, 23), QTime(9, 0), kMadrid),
            { 5 });
        QSignalSpy due(p.rem.get(), &ReminderService::reminderDue);
        QVERIFY(p.rem->start());
        clock.set(QDateTime(QDate(2026, 11, 23), QTime(8, 55), kMadrid));
        p.rem->check();
        QCOMPARE(due.size(), 2);
        QString snoozeKey, dismissKey;
        for (const DueReminder &r : p.rem->active())
            (r.title == QStringLiteral("Snoozed") ? snoozeKey : dismissKey) = r.key;
        QSignalSpy changed(p.rem.get(), &ReminderService::activeChanged);
        QVERIFY(p.rem->snooze(snoozeKey, 10));
        QVERIFY(p.rem->dismiss(dismissKey));
        QCOMPARE(changed.size(), 2);
        QVERIFY(p.rem->active().isEmpty());
        QVERIFY(!p.rem->dismiss(dismissKey)); // not active any more: a clear error
        QVERIFY(!p.rem->snooze(QStringLiteral("nope"), 5));
        QCOMPARE(p.rem->nextDue(), QDateTime(QDate(2026, 11, 23), QTime(9, 5), kMadrid));

        // Restart at 09:00: nothing rings; the snooze still comes at 09:05, once.
        clock.set(QDateTime(QDate(2026, 11, 23), QTime(9, 0), kMadrid));
        p.restart();
        QSignalSpy due2(p.rem.get(), &ReminderService::reminderDue);
        QVERIFY(p.rem->start());
        QCOMPARE(due2.size(), 0);
        QVERIFY(p.rem->active().isEmpty());
        QCOMPARE(p.rem->nextDue(), QDateTime(QDate(2026, 11, 23), QTime(9, 5), kMadrid));
        clock.set(QDateTime(QDate(2026, 11, 23), QTime(9, 5), kMadrid));
        p.rem->check();
        QCOMPARE(due2.size(), 1);
        const DueReminder back = due2.first().first().value<DueReminder>();
        QCOMPARE(back.title, QStringLiteral("Snoozed"));
        QVERIFY(back.snoozed);
        QVERIFY(!back.missed);
        QCOMPARE(back.start, QDateTime(QDate(2026, 11, 23), QTime(9, 0), kMadrid));
        // Dismissed for good: a third start-up shows nothing new, the snoozed one is active.
        QVERIFY(p.rem->dismissAll());
        p.restart();
        QSignalSpy due3(p.rem.get(), &ReminderService::reminderDue);
        QVERIFY(p.rem->start());
        QCOMPARE(due3.size(), 0);
        QVERIFY(p.rem->active().isEmpty());
    }

    void dstKeepsWallTime()
    {
        // Europe/Madrid leaves summer time on 2026-10-25 (03:00 → 02:00). A daily 09:00 series
        // with a 15-minute reminder rings at 08:45 local on both sides; so does an all-day event
        // on the change day with a reminder 9 hours before (15:00 the day before).
        test::MockClock clock(QDateTime(QDate(2026, 10, 24), QTime(8, 0), kMadrid));
        Profile1 p;
        p.add(QStringLiteral("Daily"), QDateTime(QDate(2026, 10, 20), QTime(9, 0), kMadrid), { 15 },
            { QStringLiteral("RRULE:FREQ=DAILY") });
        Event allDay;
        allDay.calendarId = CalendarService::localCalendarId();
        allDay.title = QStringLiteral("Change day");
        allDay.allDay = true;
        allDay.startDate = QDate(2026, 10, 25);
        allDay.endDate = QDate(2026, 10, 26);
        allDay.reminders = { 9 * 60 };
        QVERIFY(p.cal->createEvent(allDay));
        QSignalSpy due(p.rem.get(), &ReminderService::reminderDue);
        QVERIFY(p.rem->start());
        QCOMPARE(p.rem->nextDue(), QDateTime(QDate(2026, 10, 24), QTime(8, 45), kMadrid));
        QCOMPARE(p.rem->nextDue().toUTC().time(), QTime(6, 45)); // CEST
        clock.set(p.rem->nextDue());
        p.rem->check();
        QCOMPARE(due.size(), 1);
        QCOMPARE(p.rem->nextDue(), QDateTime(QDate(2026, 10, 24), QTime(15, 0), kMadrid));
        clock.set(p.rem->nextDue());
        p.rem->check();
        QCOMPARE(due.size(), 2);
        QCOMPARE(due.last().first().value<DueReminder>().title, QStringLiteral("Change day"));
        const QDateTime afterChange = p.rem->nextDue();
        QCOMPARE(afterChange, QDateTime(QDate(2026, 10, 25), QTime(8, 45), kMadrid));
        QCOMPARE(afterChange.toUTC().time(), QTime(7, 45)); // CET: an hour later in UTC
        clock.set(afterChange);
        p.rem->check();
        QCOMPARE(due.size(), 3);
        const DueReminder r = due.last().first().value<DueReminder>();
        QCOMPARE(r.start, QDateTime(QDate(2026, 10, 25), QTime(9, 0), kMadrid));
        QVERIFY(!r.missed);
    }

    void calendarDefaultsAndChanges()
    {
        test::MockClock clock(QDateTime(QDate(2026, 11, 23), QTime(8, 0), kMadrid));
        Profile1 p;
        Calendar c = p.cal->calendars().first();
        c.defaultReminders = { 30 };
        QVERIFY(p.cal->saveCalendar(c));
        Event e;
        e.calendarId = c.id;
        e.title = QStringLiteral("Default");
        e.start = QDateTime(QDate(2026, 11, 23), QTime(10, 0), kMadrid);
        e.end = e.start.addSecs(1800);
        e.defaultReminders = true;
        e = p.cal->createEvent(e).value();
        QVERIFY(p.rem->start());
        QCOMPARE(p.rem->nextDue(), QDateTime(QDate(2026, 11, 23), QTime(9, 30), kMadrid));
        // An edit is followed (one recompute for however many changes came together).
        e.start = QDateTime(QDate(2026, 11, 23), QTime(11, 0), kMadrid);
        e.end = e.start.addSecs(1800);
        QVERIFY(p.cal->updateEvent(e));
        QTRY_COMPARE(p.rem->nextDue(), QDateTime(QDate(2026, 11, 23), QTime(10, 30), kMadrid));
        // It rings; then the event is deleted: it leaves the list.
        QSignalSpy due(p.rem.get(), &ReminderService::reminderDue);
        clock.set(QDateTime(QDate(2026, 11, 23), QTime(10, 30), kMadrid));
        p.rem->check();
        QCOMPARE(due.size(), 1);
        QCOMPARE(p.rem->active().size(), 1);
        QVERIFY(p.cal->deleteEvent(e.id));
        QTRY_VERIFY(p.rem->active().isEmpty());
        // An event created after its reminder time does not ring for the past.
        p.add(QStringLiteral("Too late"), QDateTime(QDate(2026, 11, 23), QTime(10, 40), kMadrid),
            { 30 });
        QTRY_VERIFY(!p.rem->nextDue().isValid());
        p.rem->check();
        QCOMPARE(due.size(), 1);
    }

    void meetingLinks()
    {
        QCOMPARE(meetingLink(QStringLiteral("https://zoom.us/j/123?pwd=x"), {}),
            QUrl(QStringLiteral("https://zoom.us/j/123?pwd=x")));
        QCOMPARE(
            meetingLink(QStringLiteral("Room 4"),
                QStringLiteral("Docs: https://docs.google.com/d/1\n<https://acme.zoom.us/j/9>")),
            QUrl(QStringLiteral("https://acme.zoom.us/j/9")));
        QCOMPARE(meetingLink({},
                     QStringLiteral("Join Microsoft Teams Meeting "
                                    "https://teams.microsoft.com/l/meetup-join/abc.")),
            QUrl(QStringLiteral("https://teams.microsoft.com/l/meetup-join/abc")));
        QVERIFY(!meetingLink(QStringLiteral("https://example.com/zoom.us"), {}).isValid());
        QVERIFY(!meetingLink(QStringLiteral("http://meet.google.com/abc"), {}).isValid());
        QVERIFY(!meetingLink({}, {}).isValid());
    }
};

QTEST_GUILESS_MAIN(TestReminderService)
#include "tst_reminderservice.moc"
