// Recurring events synced from the fake Google Calendar (singleEvents=false: masters plus
// exceptions) and expanded locally with the libical expander installed on the CalendarService:
// a weekly series across a whole year keeps its wall time across DST in three zones (seen from
// its own zone and from another one), EXDATE and cancelled instances are left out, a moved
// instance shows at its new time only, RDATE adds, an all-day yearly series, a wall time in a
// DST gap, and changes arriving incrementally. Graph: calendarView delivers series already
// expanded (occurrence / exception instances); the fake Graph has no series masters, so the
// Graph case checks that delivered instances show exactly once at their times.
#include "syncfixture.h"

#include "ics/recurrence.h"
#include "support/mockclock.h"

using namespace kairos;
using namespace kairos::test;

namespace {

QString masterPid()
{
    return QStringLiteral("series0a1b2c");
}

QString instancePid(const QDateTime &originalStart)
{
    return masterPid() + QLatin1Char('_')
        + originalStart.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

QJsonObject when(const QDateTime &d)
{
    return QJsonObject { { QStringLiteral("dateTime"), d.toString(Qt::ISODate) },
        { QStringLiteral("timeZone"), QString::fromLatin1(d.timeZone().id()) } };
}

QList<Occurrence> ofEvent(const QList<Occurrence> &all, const QString &eventId)
{
    QList<Occurrence> out;
    for (const Occurrence &o : all) {
        if (o.eventId == eventId)
            out << o;
    }
    return out;
}

QString describe(const QList<Occurrence> &list)
{
    QStringList s;
    for (const Occurrence &o : list)
        s << o.eventId.section(QLatin1Char('/'), -1) + QLatin1Char('@')
                + o.start.toString(Qt::ISODate);
    return s.join(QStringLiteral(", "));
}

} // namespace

class TestSyncRecurrence : public QObject {
    Q_OBJECT
private:
    //! A fixture with one Google calendar holding `events`, synced, expander installed.
    static void syncGoogle(SyncFixture &f, const QList<QJsonObject> &events)
    {
        f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
        for (const QJsonObject &e : events)
            f.google.putEvent(QStringLiteral("primary"), e);
        QVERIFY(f.sync());
        QVERIFY(f.google.rejections().isEmpty());
        ics::installRecurrenceExpander(*f.service);
    }

private Q_SLOTS:
    void weeklyKeepsWallTimeAcrossYear_data()
    {
        QTest::addColumn<QByteArray>("zone");
        QTest::addColumn<QByteArray>("viewer");
        QTest::newRow("Madrid/own") << QByteArray("Europe/Madrid") << QByteArray("Europe/Madrid");
        QTest::newRow("Madrid/Los_Angeles")
            << QByteArray("Europe/Madrid") << QByteArray("America/Los_Angeles");
        QTest::newRow("New_York/own")
            << QByteArray("America/New_York") << QByteArray("America/New_York");
        QTest::newRow("New_York/Madrid")
            << QByteArray("America/New_York") << QByteArray("Europe/Madrid");
        QTest::newRow("Lord_Howe/own")
            << QByteArray("Australia/Lord_Howe") << QByteArray("Australia/Lord_Howe");
        QTest::newRow("Lord_Howe/London")
            << QByteArray("Australia/Lord_Howe") << QByteArray("Europe/London");
        QTest::newRow("Lord_Howe/Tokyo")
            << QByteArray("Australia/Lord_Howe") << QByteArray("Asia/Tokyo");
    }

    void weeklyKeepsWallTimeAcrossYear()
    {
        QFETCH(QByteArray, zone);
        QFETCH(QByteArray, viewer);
        const QTimeZone tz(zone);
        const QTimeZone vz(viewer);
        QVERIFY(tz.isValid() && vz.isValid());
        MockClock clock;
        SyncFixture f(Provider::Google, QStringLiteral("weekly"));
        const QDateTime first(QDate(2026, 1, 5), QTime(9, 0), tz); // a Monday
        QJsonObject m = gEvent(QStringLiteral("Weekly"), first, 60,
            { QStringLiteral("RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T235959Z") });
        m.insert(QStringLiteral("id"), masterPid());
        syncGoogle(f, { m });
        f.service->setTimeZone(vz);
        const QString id = f.eventId(QStringLiteral("primary"), masterPid());

        // The whole year at once.
        const auto year = f.service->occurrences(QDate(2025, 12, 31), QDate(2027, 1, 1));
        QVERIFY(year.hasValue());
        const QList<Occurrence> all = ofEvent(*year, id);
        QCOMPARE(all.size(), 52);
        QSet<int> offsets;
        for (int i = 0; i < 52; ++i) {
            const QDateTime expected(first.date().addDays(7 * i), QTime(9, 0), tz);
            const Occurrence &o = all.at(i);
            QCOMPARE(o.start.toMSecsSinceEpoch(), expected.toMSecsSinceEpoch());
            QCOMPARE(o.start.timeZone(), vz);
            QCOMPARE(o.start.toTimeZone(tz).time(), QTime(9, 0));
            QCOMPARE(o.start.toTimeZone(tz).date().dayOfWeek(), 1);
            QCOMPARE(o.start.secsTo(o.end), 3600);
            QVERIFY(o.recurring);
            offsets.insert(tz.offsetFromUtc(o.start));
        }
        QCOMPARE(offsets.size(), 2); // the year really crossed the zone's DST changes

        // Day by day in the viewer's zone (as the week view asks): exactly one each time.
        for (int i = 0; i < 52; ++i) {
            const QDateTime expected
                = QDateTime(first.date().addDays(7 * i), QTime(9, 0), tz).toTimeZone(vz);
            const auto day = f.service->occurrences(expected.date(), expected.date());
            QVERIFY(day.hasValue());
            const QList<Occurrence> one = ofEvent(*day, id);
            QVERIFY2(one.size() == 1, qPrintable(expected.toString(Qt::ISODate)));
            QCOMPARE(one.first().start, expected);
            const auto before
                = f.service->occurrences(expected.date().addDays(-1), expected.date().addDays(-1));
            QVERIFY(ofEvent(*before, id).isEmpty());
        }
        // Nothing after the COUNT.
        const auto after = f.service->occurrences(QDate(2027, 1, 1), QDate(2027, 3, 1));
        QVERIFY(ofEvent(*after, id).isEmpty());
    }

    void newYorkSeenFromMadridMovesForThreeWeeks()
    {
        // The US changes clocks three weeks before the EU: a 09:00 New York meeting is at
        // 15:00 in Madrid, 14:00 from 9 to 23 March, 15:00 again from 30 March.
        MockClock clock;
        SyncFixture f(Provider::Google, QStringLiteral("nymad"));
        const QTimeZone ny("America/New_York");
        QJsonObject m = gEvent(QStringLiteral("NY"), QDateTime(QDate(2026, 3, 2), QTime(9, 0), ny),
            30, { QStringLiteral("RRULE:FREQ=WEEKLY;COUNT=5") });
        m.insert(QStringLiteral("id"), masterPid());
        syncGoogle(f, { m });
        const auto r = f.service->occurrences(QDate(2026, 3, 1), QDate(2026, 4, 5));
        QVERIFY(r.hasValue());
        QCOMPARE(r->size(), 5);
        const QList<int> hours { 15, 14, 14, 14, 15 };
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(r->at(i).start.timeZone(), QTimeZone("Europe/Madrid"));
            QCOMPARE(r->at(i).start.time(), QTime(hours.at(i), 0));
        }
    }

    void exdateCancelledMovedAndRdate()
    {
        MockClock clock;
        SyncFixture f(Provider::Google, QStringLiteral("exceptions"));
        const QTimeZone madrid("Europe/Madrid");
        auto at = [&](int month, int day, int hour) {
            return QDateTime(QDate(2026, month, day), QTime(hour, 0), madrid);
        };
        // Mondays 09:00 from 2 March, ten of them (across the 29 March change), one date
        // excluded, one extra Wednesday evening.
        QJsonObject m = gEvent(QStringLiteral("Review"), at(3, 2, 9), 60,
            { QStringLiteral("RRULE:FREQ=WEEKLY;COUNT=10"),
                QStringLiteral("EXDATE;TZID=Europe/Madrid:20260316T090000"),
                QStringLiteral("RDATE;TZID=Europe/Madrid:20260415T180000") });
        m.insert(QStringLiteral("id"), masterPid());
        m.insert(QStringLiteral("iCalUID"), QStringLiteral("review-series@google.com"));
        // A cancelled instance, as Google lists it: id, status, master, original start only.
        const QJsonObject cancelled { { QStringLiteral("id"), instancePid(at(3, 23, 9)) },
            { QStringLiteral("status"), QStringLiteral("cancelled") },
            { QStringLiteral("recurringEventId"), masterPid() },
            { QStringLiteral("originalStartTime"), when(at(3, 23, 9)) } };
        // An instance moved from Monday 6 April 09:00 to Tuesday 7 April 16:00.
        QJsonObject moved = gEvent(QStringLiteral("Review (moved)"), at(4, 7, 16), 60);
        moved.insert(QStringLiteral("id"), instancePid(at(4, 6, 9)));
        moved.insert(QStringLiteral("iCalUID"), QStringLiteral("review-series@google.com"));
        moved.insert(QStringLiteral("recurringEventId"), masterPid());
        moved.insert(QStringLiteral("originalStartTime"), when(at(4, 6, 9)));
        syncGoogle(f, { m, cancelled, moved });
        const QString master = f.eventId(QStringLiteral("primary"), masterPid());
        const QString movedId = f.eventId(QStringLiteral("primary"), instancePid(at(4, 6, 9)));

        auto starts = [&](QDate a, QDate b) {
            QList<QDateTime> out;
            const auto r = f.service->occurrences(a, b);
            if (r) {
                for (const Occurrence &o : *r)
                    out << o.start;
            }
            return out;
        };
        const QList<QDateTime> expected { at(3, 2, 9), at(3, 9, 9), at(3, 30, 9), at(4, 7, 16),
            at(4, 13, 9), at(4, 15, 18), at(4, 20, 9), at(4, 27, 9), at(5, 4, 9) };
        const auto all = f.service->occurrences(QDate(2026, 3, 1), QDate(2026, 5, 31));
        QVERIFY(all.hasValue());
        QCOMPARE(starts(QDate(2026, 3, 1), QDate(2026, 5, 31)), expected);
        QCOMPARE(ofEvent(*all, movedId).size(), 1);
        QCOMPARE(ofEvent(*all, movedId).first().title, QStringLiteral("Review (moved)"));
        QCOMPARE(ofEvent(*all, master).size(), 8);

        // The week views: 16 March (EXDATE) and 23 March (cancelled) are empty; the week of
        // 6 April shows the moved instance on Tuesday and nothing on Monday.
        QVERIFY(starts(QDate(2026, 3, 16), QDate(2026, 3, 22)).isEmpty());
        QVERIFY2(starts(QDate(2026, 3, 23), QDate(2026, 3, 29)).isEmpty(),
            qPrintable(describe(*f.service->occurrences(QDate(2026, 3, 23), QDate(2026, 3, 29)))));
        QCOMPARE(
            starts(QDate(2026, 4, 6), QDate(2026, 4, 12)), (QList<QDateTime> { at(4, 7, 16) }));
        QVERIFY(starts(QDate(2026, 4, 6), QDate(2026, 4, 6)).isEmpty());
        QCOMPARE(starts(QDate(2026, 4, 13), QDate(2026, 4, 19)),
            (QList<QDateTime> { at(4, 13, 9), at(4, 15, 18) }));

        // Incremental: another instance cancelled, one more date excluded on the master, the
        // moved instance moved again.
        QJsonObject cancelled2 = cancelled;
        cancelled2.insert(QStringLiteral("id"), instancePid(at(4, 20, 9)));
        cancelled2.insert(QStringLiteral("originalStartTime"), when(at(4, 20, 9)));
        f.google.putEvent(QStringLiteral("primary"), cancelled2);
        QJsonObject m2 = *f.google.event(QStringLiteral("primary"), masterPid());
        QJsonArray rec = m2.value(QLatin1String("recurrence")).toArray();
        rec.append(QStringLiteral("EXDATE;TZID=Europe/Madrid:20260427T090000"));
        m2.insert(QStringLiteral("recurrence"), rec);
        f.google.putEvent(QStringLiteral("primary"), m2);
        QJsonObject moved2 = *f.google.event(QStringLiteral("primary"), instancePid(at(4, 6, 9)));
        moved2.insert(QStringLiteral("start"), when(at(4, 8, 11)));
        moved2.insert(QStringLiteral("end"), when(at(4, 8, 12)));
        f.google.putEvent(QStringLiteral("primary"), moved2);
        f.server->clearLog();
        QVERIFY(f.sync());
        QCOMPARE(f.requestsTo(QStringLiteral("/events")), 1);
        QCOMPARE(starts(QDate(2026, 3, 1), QDate(2026, 5, 31)),
            (QList<QDateTime> { at(3, 2, 9), at(3, 9, 9), at(3, 30, 9), at(4, 8, 11), at(4, 13, 9),
                at(4, 15, 18), at(5, 4, 9) }));

        // The series deleted at the provider: every instance and exception goes.
        f.google.deleteEvent(QStringLiteral("primary"), masterPid());
        QVERIFY(f.sync());
        QVERIFY(starts(QDate(2026, 3, 1), QDate(2026, 5, 31)).isEmpty());
        QCOMPARE(f.store->eventCount().value(), 0);
    }

    void wallTimeInDstGapMovesForward()
    {
        // Sundays 02:30 in Madrid: on 29 March 2026 02:00–03:00 does not exist; RFC 5545
        // reads it with the offset before the gap (03:30 CEST). The others stay at 02:30.
        MockClock clock;
        SyncFixture f(Provider::Google, QStringLiteral("gap"));
        const QTimeZone madrid("Europe/Madrid");
        QJsonObject m = gEvent(QStringLiteral("Night job"),
            QDateTime(QDate(2026, 3, 22), QTime(2, 30), madrid), 15,
            { QStringLiteral("RRULE:FREQ=WEEKLY;COUNT=3") });
        m.insert(QStringLiteral("id"), masterPid());
        syncGoogle(f, { m });
        const auto r = f.service->occurrences(QDate(2026, 3, 20), QDate(2026, 4, 10));
        QVERIFY(r.hasValue());
        QCOMPARE(r->size(), 3);
        QCOMPARE(r->at(0).start, QDateTime(QDate(2026, 3, 22), QTime(2, 30), madrid));
        QCOMPARE(r->at(1).start.toUTC(), QDateTime(QDate(2026, 3, 29), QTime(1, 30), Qt::UTC));
        QCOMPARE(r->at(1).start.time(), QTime(3, 30));
        // The instance after the gap is back at 02:30 (the expander steps in wall time).
        QCOMPARE(r->at(2).start, QDateTime(QDate(2026, 4, 5), QTime(2, 30), madrid));
    }

    void allDayYearly()
    {
        MockClock clock;
        SyncFixture f(Provider::Google, QStringLiteral("allday"));
        QJsonObject m { { QStringLiteral("id"), masterPid() },
            { QStringLiteral("summary"), QStringLiteral("Anniversary") },
            { QStringLiteral("start"),
                QJsonObject { { QStringLiteral("date"), QStringLiteral("2026-02-14") } } },
            { QStringLiteral("end"),
                QJsonObject { { QStringLiteral("date"), QStringLiteral("2026-02-15") } } },
            { QStringLiteral("recurrence"),
                QJsonArray { QStringLiteral("RRULE:FREQ=YEARLY;COUNT=5"),
                    QStringLiteral("EXDATE;VALUE=DATE:20280214") } } };
        syncGoogle(f, { m });
        const QString id = f.eventId(QStringLiteral("primary"), masterPid());
        for (const char *viewer : { "Europe/Madrid", "Pacific/Auckland", "Pacific/Honolulu" }) {
            f.service->setTimeZone(QTimeZone(viewer));
            const auto r = f.service->occurrences(QDate(2025, 1, 1), QDate(2032, 12, 31));
            QVERIFY(r.hasValue());
            const QList<Occurrence> all = ofEvent(*r, id);
            QCOMPARE(all.size(), 4);
            const QList<int> years { 2026, 2027, 2029, 2030 };
            for (int i = 0; i < 4; ++i) {
                QVERIFY(all.at(i).allDay);
                QCOMPARE(all.at(i).startDate, QDate(years.at(i), 2, 14));
                QCOMPARE(all.at(i).endDate, QDate(years.at(i), 2, 15));
            }
            // One day at a time in the viewer's zone.
            QCOMPARE(
                ofEvent(*f.service->occurrences(QDate(2027, 2, 14), QDate(2027, 2, 14)), id).size(),
                1);
            QVERIFY(ofEvent(*f.service->occurrences(QDate(2027, 2, 13), QDate(2027, 2, 13)), id)
                        .isEmpty());
            QVERIFY(ofEvent(*f.service->occurrences(QDate(2027, 2, 15), QDate(2027, 2, 15)), id)
                        .isEmpty());
            QVERIFY(ofEvent(*f.service->occurrences(QDate(2028, 2, 14), QDate(2028, 2, 14)), id)
                        .isEmpty());
        }
    }

    void graphDeliversExpandedInstances()
    {
        // Graph's calendarView expands series itself: occurrences and exceptions arrive as
        // single instances with seriesMasterId. The fake Graph stores instances only (no series
        // masters, no expansion), so this checks that delivered instances of a weekly Madrid
        // series show exactly once each at their times across the October DST change, and
        // that a removed instance disappears incrementally. Local expansion is Google-only.
        MockClock clock(QDateTime(QDate(2026, 9, 1), QTime(12, 0), Qt::UTC));
        SyncFixture f(Provider::Microsoft, QStringLiteral("graph"));
        f.graph.addCalendar(QStringLiteral("cal1"), QStringLiteral("Calendar"),
            QStringLiteral("#e3008c"), true, true);
        const QTimeZone madrid("Europe/Madrid");
        QStringList ids;
        for (int i = 0; i < 8; ++i) {
            const QDateTime s(QDate(2026, 10, 5).addDays(7 * i), QTime(9, 0), madrid);
            QJsonObject o = msEvent(QStringLiteral("Weekly"), s, 60);
            o.insert(QStringLiteral("id"), QStringLiteral("AAMkocc%1").arg(i));
            o.insert(QStringLiteral("type"), QStringLiteral("occurrence"));
            o.insert(QStringLiteral("seriesMasterId"), QStringLiteral("AAMkmaster"));
            o.insert(QStringLiteral("iCalUId"), QStringLiteral("uid-weekly"));
            o.insert(QStringLiteral("originalStart"),
                s.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'")));
            f.graph.putEvent(QStringLiteral("cal1"), o);
            ids << o.value(QLatin1String("id")).toString();
        }
        QVERIFY(f.sync());
        QVERIFY(f.graph.rejections().isEmpty());
        ics::installRecurrenceExpander(*f.service);
        auto list = [&]() {
            const auto r = f.service->occurrences(QDate(2026, 10, 1), QDate(2026, 12, 31));
            return r ? *r : QList<Occurrence>();
        };
        QList<Occurrence> all = list();
        QCOMPARE(all.size(), 8);
        for (int i = 0; i < 8; ++i) {
            QCOMPARE(all.at(i).start.time(), QTime(9, 0));
            QCOMPARE(all.at(i).start.date(), QDate(2026, 10, 5).addDays(7 * i));
        }
        f.graph.deleteEvent(ids.at(3));
        QVERIFY(f.sync());
        all = list();
        QCOMPARE(all.size(), 7);
        for (const Occurrence &o : std::as_const(all))
            QVERIFY(o.start.date() != QDate(2026, 10, 26));
    }
};

QTEST_GUILESS_MAIN(TestSyncRecurrence)
#include "tst_sync_recurrence.moc"
