// find_meeting_times with room members by name (issue 9): `kairos-cli mcp` reads the snapshots
// the desktop app stored from the room (team_snapshots) — busy times, working hours, zone — and
// says when one is old or missing.
#include "mcptestutil.h"
#include "support/testenv.h"

#include "calendar/calendarservice.h"
#include "core/clock.h"
#include "team/snapshotcache.h"

#include <QTimeZone>

using namespace kairos;
using namespace kairos::test;

class TestMcpTeam : public QObject {
    Q_OBJECT
private:
    TempHome m_home;

private Q_SLOTS:
    void initTestCase()
    {
        auto db = openProfileDb(QStringLiteral("seed"));
        QVERIFY(db);
        CalendarService service(*db, QTimeZone("Europe/Madrid"));
        QVERIFY(service.ensureLocalCalendar(QStringLiteral("Local")));
        // Bob (New York, 09:00-17:00 on weekdays) shared three days ago; busy 09:00-10:00 his
        // time on Monday 7 December.
        team::AvailabilitySnapshot bob;
        bob.madeAt = Clock::nowUtc().addDays(-3);
        bob.zone = QTimeZone("America/New_York");
        bob.horizon = Interval::fromDateTimes(bob.madeAt, bob.madeAt.addDays(56));
        bob.workingHours
            = scheduling::WorkingHours::weekdays({ *scheduling::TimeRange::parse(u"09:00-17:00") });
        const QDateTime busy(QDate(2026, 12, 7), QTime(14, 0), Qt::UTC);
        bob.busy = { { Interval::fromDateTimes(busy, busy.addSecs(3600)),
            scheduling::BusyStatus::Busy } };
        team::SnapshotCache cache(*db);
        QVERIFY(cache.save(
            QStringLiteral("team-room"), QStringLiteral("Bob"), bob, Clock::nowUtc().addDays(-3)));
    }

    void roomMembersByName()
    {
        McpProcess mcp(m_home.path());
        QVERIFY(mcp.started());
        QVERIFY(mcp.initialize().contains(QStringLiteral("result")));
        const QJsonObject r = mcp.call(QStringLiteral("find_meeting_times"),
            { { QStringLiteral("window_start"), QStringLiteral("2026-12-07") },
                { QStringLiteral("window_end"), QStringLiteral("2026-12-07") },
                { QStringLiteral("duration_minutes"), 60 },
                { QStringLiteral("granularity_minutes"), 30 },
                { QStringLiteral("room_members"), QJsonArray { QStringLiteral("bob") } },
                { QStringLiteral("optional_room_members"),
                    QJsonArray { QStringLiteral("Zed") } } });
        QVERIFY2(!isToolError(r), qPrintable(toolText(r)));
        const QJsonObject s = structured(r);
        const QJsonArray slots = s.value(QStringLiteral("slots")).toArray();
        QVERIFY2(!slots.isEmpty(), qPrintable(toolText(r)));
        // The best slot is the first hour Bob is free inside his working hours: 10:00 in New
        // York, 16:00 in Madrid (the profile's zone).
        QCOMPARE(slots.first().toObject().value(QStringLiteral("start")).toString(),
            QStringLiteral("2026-12-07T16:00:00+01:00"));
        for (const QJsonValue &v : slots) {
            const QDateTime start = QDateTime::fromString(
                v.toObject().value(QStringLiteral("start")).toString(), Qt::ISODate);
            QVERIFY(start.toUTC().time() >= QTime(15, 0)); // never in Bob's busy hour or before
        }
        // Notes: Bob's snapshot is three days old; Zed has none.
        const QJsonArray notes = s.value(QStringLiteral("room_members")).toArray();
        QCOMPARE(notes.size(), 2);
        QCOMPARE(notes.at(0).toObject().value(QStringLiteral("member")).toString(),
            QStringLiteral("Bob"));
        QVERIFY(notes.at(0)
                    .toObject()
                    .value(QStringLiteral("note"))
                    .toString()
                    .contains(QStringLiteral("3 days ago")));
        QVERIFY(notes.at(1).toObject().value(QStringLiteral("missing")).toBool());
        QVERIFY(toolText(r).contains(QStringLiteral("Zed has not shared availability")));
        // Nothing of Bob's but busy times travels: no title anywhere (there is none to send).
        QVERIFY(!toolText(r).contains(QStringLiteral("title")));
    }

    void unknownRoomGivesUnknownMembers()
    {
        McpProcess mcp(m_home.path());
        QVERIFY(mcp.started());
        QVERIFY(mcp.initialize().contains(QStringLiteral("result")));
        const QJsonObject r = mcp.call(QStringLiteral("find_meeting_times"),
            { { QStringLiteral("window_start"), QStringLiteral("2026-12-07") },
                { QStringLiteral("window_end"), QStringLiteral("2026-12-07") },
                { QStringLiteral("duration_minutes"), 60 },
                { QStringLiteral("room"), QStringLiteral("another-room") },
                { QStringLiteral("room_members"), QJsonArray { QStringLiteral("Bob") } } });
        QVERIFY2(!isToolError(r), qPrintable(toolText(r)));
        const QJsonArray notes = structured(r).value(QStringLiteral("room_members")).toArray();
        QCOMPARE(notes.size(), 1);
        QVERIFY(notes.at(0).toObject().value(QStringLiteral("missing")).toBool());
    }
};

QTEST_GUILESS_MAIN(TestMcpTeam)
#include "tst_mcp_team.moc"
