// The room members' snapshots kept in the profile database (team/snapshotcache.h): what the
// room sends is stored (and a withdrawal removes it), a new TeamAvailability for the same room
// starts with it before the room says anything, and `kairos-cli mcp` find_meeting_times reads
// it for room members by name (tests/mcp/tst_mcp_team.cpp).
#include "core/profile.h"
#include "store/database.h"
#include "support/testenv.h"
#include "team/snapshotcache.h"
#include "team/teamavailability.h"

#include <QFile>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace kairos;
using namespace kairos::team;

namespace {

AvailabilitySnapshot bobsSnapshot()
{
    AvailabilitySnapshot s;
    s.madeAt = QDateTime(QDate(2026, 12, 1), QTime(8, 0), Qt::UTC);
    s.zone = QTimeZone("America/New_York");
    s.horizon = Interval::fromDateTimes(s.madeAt, s.madeAt.addDays(56));
    const auto range = scheduling::TimeRange::parse(u"09:00-17:00");
    s.workingHours = scheduling::WorkingHours::weekdays({ *range });
    const QDateTime busyStart(QDate(2026, 12, 2), QTime(15, 0), Qt::UTC);
    s.busy = { { Interval::fromDateTimes(busyStart, busyStart.addSecs(3600)),
        scheduling::BusyStatus::Busy } };
    return s;
}

QJsonObject frame(const QString &from, const QJsonObject &snapshot)
{
    return { { QStringLiteral("type"), QStringLiteral("freebusy") },
        { QStringLiteral("from"), from }, { QStringLiteral("snapshot"), snapshot } };
}

} // namespace

class TestTeamCache : public QObject {
    Q_OBJECT
private:
    test::TempHome m_home;
    std::unique_ptr<Database> m_db;

private Q_SLOTS:
    void init()
    {
        Profile profile(QStringLiteral("cache"));
        QVERIFY(profile.ensureDirs().hasValue());
        QFile::remove(profile.databasePath());
        auto db = Database::open(profile.databasePath(), QString(), QStringLiteral("cache"));
        QVERIFY(db.hasValue());
        m_db = std::move(*db);
    }
    void cleanup() { m_db.reset(); }

    void roundTripPerRoom()
    {
        SnapshotCache cache(*m_db);
        const AvailabilitySnapshot bob = bobsSnapshot();
        const QDateTime received(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
        QVERIFY(cache.save(QStringLiteral("room-a"), QStringLiteral("Bob"), bob, received));
        QVERIFY(cache.save(QStringLiteral("room-b"), QStringLiteral("Carol"), bob, received));
        auto a = cache.load(QStringLiteral("room-a"));
        QVERIFY(a.hasValue());
        QCOMPARE(a->size(), 1);
        QCOMPARE(a->first().member, QStringLiteral("Bob"));
        QCOMPARE(a->first().snapshot, bob);
        QCOMPARE(a->first().receivedAt, received);
        QCOMPARE(cache.load()->size(), 2);
        // A newer snapshot replaces the old one; a withdrawal removes it.
        AvailabilitySnapshot newer = bob;
        newer.madeAt = bob.madeAt.addSecs(3600);
        QVERIFY(cache.save(QStringLiteral("room-a"), QStringLiteral("Bob"), newer, received));
        QCOMPARE(cache.load(QStringLiteral("room-a"))->first().snapshot.madeAt, newer.madeAt);
        QVERIFY(cache.remove(QStringLiteral("room-a"), QStringLiteral("Bob")));
        QVERIFY(cache.load(QStringLiteral("room-a"))->isEmpty());
        QCOMPARE(cache.load()->size(), 1);
    }

    void teamAvailabilityStoresAndRestores()
    {
        SnapshotCache cache(*m_db);
        {
            TeamAvailability team;
            team.setCache(&cache, QStringLiteral("room-a"));
            QVERIFY(!team.member(QStringLiteral("Bob")).has_value()
                || !team.member(QStringLiteral("Bob"))->shared);
            QVERIFY(team.applyFrame(frame(QStringLiteral("Bob"), toJson(bobsSnapshot()))));
            QVERIFY(team.applyFrame(frame(QStringLiteral("Dana"), toJson(bobsSnapshot()))));
            // Dana withdraws: gone from the room and from the database.
            QVERIFY(team.applyFrame(frame(QStringLiteral("Dana"), QJsonObject {})));
        }
        QCOMPARE(cache.load(QStringLiteral("room-a"))->size(), 1);
        // The next start: Bob's availability is there before the room sends anything.
        TeamAvailability again;
        QSignalSpy changed(&again, &TeamAvailability::changed);
        again.setCache(&cache, QStringLiteral("room-a"));
        QCOMPARE(changed.count(), 1);
        const auto bob = again.member(QStringLiteral("Bob"));
        QVERIFY(bob.has_value());
        QVERIFY(bob->shared);
        QCOMPARE(bob->participant.zone.id(), QByteArray("America/New_York"));
        QCOMPARE(bob->participant.busy.size(), 1);
        QVERIFY(!again.member(QStringLiteral("Dana")).has_value()
            || !again.member(QStringLiteral("Dana"))->shared);
        // Another room's cache is separate.
        TeamAvailability other;
        other.setCache(&cache, QStringLiteral("room-b"));
        QVERIFY(!other.member(QStringLiteral("Bob")).has_value()
            || !other.member(QStringLiteral("Bob"))->shared);
    }

    void unreadableRowsAreSkipped()
    {
        SnapshotCache cache(*m_db);
        QVERIFY(cache.save(QStringLiteral("r"), QStringLiteral("Bob"), bobsSnapshot(),
            QDateTime::currentDateTimeUtc()));
        QSqlQuery q(m_db->db());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO team_snapshots VALUES ('r', 'Eve', "
                                      "'{\"busy\": 42}', 0)")));
        auto all = cache.load(QStringLiteral("r"));
        QVERIFY(all.hasValue());
        QCOMPARE(all->size(), 1);
        QCOMPARE(all->first().member, QStringLiteral("Bob"));
    }
};

QTEST_GUILESS_MAIN(TestTeamCache)
#include "tst_team_cache.moc"
