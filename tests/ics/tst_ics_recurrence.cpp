// The libical recurrence expander: wall time kept across DST, EXDATE / RDATE, COUNT / UNTIL,
// all-day series, overridden instances, and the CalendarService hook.
#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "ics/recurrence.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/testenv.h"

#include <QTest>

using namespace kairos;

namespace {

qint64 ms(QDate d, const QTimeZone &z = QTimeZone::utc())
{
    return QDateTime(d, QTime(0, 0), z).toMSecsSinceEpoch();
}

Event weekly(const QByteArray &zone, QDate first, QTime time, QStringList rec)
{
    const QTimeZone z(zone);
    Event e;
    e.id = QStringLiteral("m1");
    e.iCalUid = QStringLiteral("series-1@test");
    e.title = QStringLiteral("Weekly");
    e.start = QDateTime(first, time, z);
    e.end = e.start.addSecs(3600);
    e.recurrence = std::move(rec);
    return e;
}

} // namespace

class TestIcsRecurrence : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void weeklyKeepsWallTimeAcrossDst_data();
    void weeklyKeepsWallTimeAcrossDst();
    void exdateRemoves();
    void rdateAdds();
    void countAndUntil();
    void allDayYearly();
    void overriddenInstancesSkipped();
    void rangeOverlapIncludesRunningInstance();
    void calendarServiceUsesExpander();
};

void TestIcsRecurrence::weeklyKeepsWallTimeAcrossDst_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("Europe/Madrid") << QByteArray("Europe/Madrid");
    QTest::newRow("America/New_York") << QByteArray("America/New_York");
    QTest::newRow("Australia/Lord_Howe") << QByteArray("Australia/Lord_Howe"); // 30-minute DST
}

void TestIcsRecurrence::weeklyKeepsWallTimeAcrossDst()
{
    QFETCH(QByteArray, zone);
    const QTimeZone z(zone);
    QVERIFY(z.isValid());
    const Event e = weekly(
        zone, QDate(2024, 1, 1), QTime(9, 30), { QStringLiteral("RRULE:FREQ=WEEKLY;BYDAY=MO") });
    const auto starts
        = ics::expandRecurrence(e, ms(QDate(2024, 1, 1)) - 86400000, ms(QDate(2025, 1, 1)));
    QCOMPARE(starts.size(), 53); // Mondays in 2024 (Jan 1 is one)
    QSet<int> offsets;
    for (const QDateTime &s : starts) {
        const QDateTime local = s.toTimeZone(z);
        QCOMPARE(local.time(), QTime(9, 30));
        QCOMPARE(local.date().dayOfWeek(), 1);
        offsets.insert(z.offsetFromUtc(s));
    }
    QCOMPARE(offsets.size(), 2); // the series crossed DST both ways
}

void TestIcsRecurrence::exdateRemoves()
{
    const Event e = weekly("Europe/Madrid", QDate(2024, 3, 4), QTime(9, 0),
        { QStringLiteral("RRULE:FREQ=WEEKLY;COUNT=5"),
            QStringLiteral("EXDATE;TZID=Europe/Madrid:20240401T090000") });
    const auto starts = ics::expandRecurrence(e, ms(QDate(2024, 1, 1)), ms(QDate(2025, 1, 1)));
    QCOMPARE(starts.size(), 4);
    for (const QDateTime &s : starts)
        QVERIFY(s.date() != QDate(2024, 4, 1));
    // An EXDATE in UTC for the instance after the DST change (07:00Z = 09:00 CEST).
    const Event u = weekly("Europe/Madrid", QDate(2024, 3, 4), QTime(9, 0),
        { QStringLiteral("RRULE:FREQ=WEEKLY;COUNT=5"), QStringLiteral("EXDATE:20240401T070000Z") });
    QCOMPARE(ics::expandRecurrence(u, ms(QDate(2024, 1, 1)), ms(QDate(2025, 1, 1))).size(), 4);
}

void TestIcsRecurrence::rdateAdds()
{
    const Event e = weekly("America/New_York", QDate(2024, 3, 4), QTime(9, 0),
        { QStringLiteral("RRULE:FREQ=WEEKLY;COUNT=2"),
            QStringLiteral("RDATE;TZID=America/New_York:20240320T150000"),
            QStringLiteral("RDATE:20240322T120000Z") });
    const auto starts = ics::expandRecurrence(e, ms(QDate(2024, 1, 1)), ms(QDate(2025, 1, 1)));
    QCOMPARE(starts.size(), 4);
    QCOMPARE(
        starts.at(2), QDateTime(QDate(2024, 3, 20), QTime(15, 0), QTimeZone("America/New_York")));
    QCOMPARE(starts.at(3), QDateTime(QDate(2024, 3, 22), QTime(12, 0), Qt::UTC));
    QCOMPARE(starts.at(2).timeZone().id(), QByteArray("America/New_York"));
}

void TestIcsRecurrence::countAndUntil()
{
    const Event c = weekly("Europe/Madrid", QDate(2024, 1, 1), QTime(8, 0),
        { QStringLiteral("RRULE:FREQ=DAILY;COUNT=10") });
    QCOMPARE(ics::expandRecurrence(c, ms(QDate(2023, 1, 1)), ms(QDate(2026, 1, 1))).size(), 10);
    const Event u = weekly("Europe/Madrid", QDate(2024, 1, 1), QTime(8, 0),
        { QStringLiteral("RRULE:FREQ=DAILY;UNTIL=20240105T070000Z") });
    QCOMPARE(ics::expandRecurrence(u, ms(QDate(2023, 1, 1)), ms(QDate(2026, 1, 1))).size(), 5);
    // A window in the middle sees only its part.
    QCOMPARE(ics::expandRecurrence(c, ms(QDate(2024, 1, 3)), ms(QDate(2024, 1, 5))).size(), 2);
}

void TestIcsRecurrence::allDayYearly()
{
    Event e;
    e.id = QStringLiteral("b");
    e.allDay = true;
    e.startDate = QDate(2020, 2, 29);
    e.endDate = QDate(2020, 3, 1);
    e.recurrence = { QStringLiteral("RRULE:FREQ=YEARLY") };
    Event bday = e;
    bday.startDate = QDate(2000, 7, 14);
    bday.endDate = QDate(2000, 7, 15);
    bday.recurrence
        = { QStringLiteral("RRULE:FREQ=YEARLY"), QStringLiteral("EXDATE;VALUE=DATE:20260714") };
    const auto starts = ics::expandRecurrence(bday, ms(QDate(2024, 1, 1)), ms(QDate(2028, 1, 1)));
    QCOMPARE(starts.size(), 3); // 2024, 2025, 2027
    QCOMPARE(starts.first().date(), QDate(2024, 7, 14));
    QCOMPARE(starts.last().date(), QDate(2027, 7, 14));
    // Feb 29 yearly: only leap years (RFC 5545: invalid dates are skipped).
    const auto leap = ics::expandRecurrence(e, ms(QDate(2021, 1, 1)), ms(QDate(2029, 1, 1)));
    QCOMPARE(leap.size(), 2);
    QCOMPARE(leap.first().date(), QDate(2024, 2, 29));
}

void TestIcsRecurrence::overriddenInstancesSkipped()
{
    const Event e = weekly("Europe/Madrid", QDate(2024, 3, 4), QTime(9, 0),
        { QStringLiteral("RRULE:FREQ=WEEKLY;COUNT=5") });
    const QDateTime moved(QDate(2024, 3, 11), QTime(9, 0), QTimeZone("Europe/Madrid"));
    const auto starts
        = ics::expandRecurrence(e, ms(QDate(2024, 1, 1)), ms(QDate(2025, 1, 1)), { moved });
    QCOMPARE(starts.size(), 4);
    QVERIFY(!starts.contains(moved));
}

void TestIcsRecurrence::rangeOverlapIncludesRunningInstance()
{
    const Event e = weekly(
        "UTC", QDate(2024, 1, 1), QTime(23, 30), { QStringLiteral("RRULE:FREQ=DAILY;COUNT=3") });
    // 00:00-00:30 on Jan 2: the Jan 1 23:00-24:00 instance is still running.
    const qint64 from = ms(QDate(2024, 1, 2));
    const auto starts = ics::expandRecurrence(e, from, from + 30 * 60000);
    QCOMPARE(starts.size(), 1);
    QCOMPARE(starts.first().date(), QDate(2024, 1, 1));
}

void TestIcsRecurrence::calendarServiceUsesExpander()
{
    test::TempHome home;
    Profile profile(QStringLiteral("rec"));
    QVERIFY(profile.ensureDirs());
    auto db = Database::open(profile.databasePath(), {}, QStringLiteral("rec"));
    QVERIFY(db);
    const QTimeZone madrid("Europe/Madrid");
    CalendarService cal(**db, madrid);
    QVERIFY(cal.ensureLocalCalendar(QStringLiteral("Local")));
    ics::installRecurrenceExpander(cal);
    Event master = weekly("Europe/Madrid", QDate(2024, 3, 4), QTime(9, 0),
        { QStringLiteral("RRULE:FREQ=WEEKLY;COUNT=4") });
    master.id.clear();
    master.calendarId = CalendarService::localCalendarId();
    QVERIFY(cal.store().saveEvent(master));
    Event over = master;
    over.id.clear();
    over.recurrence.clear();
    over.recurringEventId = master.id;
    over.originalStart = QDateTime(QDate(2024, 3, 18), QTime(9, 0), madrid);
    over.start = QDateTime(QDate(2024, 3, 18), QTime(16, 0), madrid);
    over.end = over.start.addSecs(3600);
    over.title = QStringLiteral("Moved");
    QVERIFY(cal.store().saveEvent(over));
    auto occ = cal.occurrences(QDate(2024, 3, 1), QDate(2024, 4, 30));
    QVERIFY(occ);
    QCOMPARE(occ->size(), 4);
    QCOMPARE(occ->at(2).title, QStringLiteral("Moved"));
    QCOMPARE(occ->at(2).start.time(), QTime(16, 0));
    QCOMPARE(occ->at(3).start.time(), QTime(9, 0)); // 25 March, after the DST change
}

QTEST_GUILESS_MAIN(TestIcsRecurrence)
#include "tst_ics_recurrence.moc"
