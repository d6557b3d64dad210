#include "support/mockclock.h"
#include "support/testenv.h"

#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "ics/recurrence.h"
#include "room/embeddedroom.h"
#include "room/protocol.h"
#include "room/roomclient.h"
#include "store/database.h"
#include "team/publisher.h"
#include "team/sharingsettings.h"
#include "team/teamavailability.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

using namespace kairos;
using namespace kairos::team;

namespace {

const QTimeZone kBerlin("Europe/Berlin");

QDateTime berlin(int d, int h, int m = 0)
{
    return QDateTime(QDate(2026, 11, d), QTime(h, m), kBerlin);
}

//! A timer the test fires by hand: no waiting on wall-clock time.
class ManualTimer final : public PublishTimer {
public:
    void start(int ms) override
    {
        active = true;
        lastMs = ms;
        ++starts;
    }
    void stop() override { active = false; }
    bool isActive() const override { return active; }
    void fire()
    {
        active = false;
        onTimeout();
    }
    bool active = false;
    int lastMs = 0;
    int starts = 0;
};

//! A bare WebSocket member of the room that keeps every byte it is sent.
class Wire : public QObject {
public:
    Wire(const QUrl &url, const QString &invite, const QString &name)
    {
        connect(&ws, &QWebSocket::textMessageReceived, this, [this](const QString &t) {
            raw.append(t.toUtf8());
            frames.append(QJsonDocument::fromJson(t.toUtf8()).object());
        });
        connect(&ws, &QWebSocket::connected, this, [this, invite, name]() {
            ws.sendTextMessage(QString::fromUtf8(
                room::encode(QJsonObject { { QStringLiteral("type"), QStringLiteral("join") },
                    { QStringLiteral("v"), 1 }, { QStringLiteral("room"), QStringLiteral("team") },
                    { QStringLiteral("invite"), invite }, { QStringLiteral("name"), name } })));
        });
        ws.open(url);
    }
    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &o : frames)
            if (o.value(QLatin1String("type")).toString() == type)
                out.append(o);
        return out;
    }
    bool waitFor(const QString &type, int count)
    {
        return QTest::qWaitFor([&]() { return ofType(type).size() >= count; }, 5000);
    }
    QByteArray allBytes() const
    {
        QByteArray b;
        for (const QByteArray &r : raw)
            b += r + '\n';
        return b;
    }
    QWebSocket ws;
    QList<QByteArray> raw;
    QList<QJsonObject> frames;
};

} // namespace

class TstTeamPublisher : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempHome> m_home;
    std::unique_ptr<test::MockClock> m_clock;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CalendarService> m_cal;
    std::unique_ptr<QTemporaryDir> m_roomDir;
    std::unique_ptr<room::EmbeddedRoom> m_room;
    room::MemorySecretStore m_secrets;
    QList<ManualTimer *> m_timers; //!< [debounce, refresh] of the last publisher made
    int m_run = 0;

    std::unique_ptr<room::RoomClient> makeClient(const QString &name)
    {
        room::RoomClient::Config c;
        c.url = m_room->join().webSocketUrl();
        c.room = QStringLiteral("team");
        c.invite = m_room->join().invite;
        c.name = name;
        c.secrets = &m_secrets;
        c.backoffBaseMs = 20;
        c.backoffMaxMs = 100;
        c.random = []() { return 0.5; };
        auto client = std::make_unique<room::RoomClient>(c);
        [&] { QVERIFY(client->open()); }();
        return client;
    }

    AvailabilityPublisher::Config manualTimers()
    {
        m_timers.clear();
        AvailabilityPublisher::Config c;
        c.timers = [this]() {
            auto t = std::make_unique<ManualTimer>();
            m_timers.append(t.get());
            return t;
        };
        return c;
    }

    static bool waitOnline(room::RoomClient *c)
    {
        return QTest::qWaitFor(
            [c]() { return c->state() == room::RoomClient::State::Online; }, 5000);
    }

    void addSecretEvents()
    {
        Event e;
        e.calendarId = CalendarService::localCalendarId();
        e.title = QStringLiteral("ZZTOPSECRET merger talks");
        e.location = QStringLiteral("ZZBOARDROOM 7");
        e.description = QStringLiteral("ZZDESCRIPTION do not share");
        e.start = berlin(23, 10);
        e.end = berlin(23, 11);
        Attendee a;
        a.email = QStringLiteral("zzguest@example.org");
        a.name = QStringLiteral("ZZGUEST Person");
        e.attendees = { a };
        e.organizer = QStringLiteral("zzorganizer@example.org");
        auto created = m_cal->createEvent(e);
        QVERIFY(created);
        m_secretIds << created->id;
        Event tent = e;
        tent.id.clear();
        tent.title = QStringLiteral("ZZTENTATIVE offsite");
        tent.status = EventStatus::Tentative;
        tent.start = berlin(24, 14);
        tent.end = berlin(24, 15);
        created = m_cal->createEvent(tent);
        QVERIFY(created);
        m_secretIds << created->id;
    }
    QStringList m_secretIds;

    static void assertNoSecrets(const QByteArray &bytes, const QStringList &ids)
    {
        for (const char *s : { "ZZTOPSECRET", "merger", "ZZBOARDROOM", "ZZDESCRIPTION", "zzguest",
                 "ZZGUEST", "zzorganizer", "ZZTENTATIVE", "offsite" })
            QVERIFY2(!bytes.contains(s), s);
        for (const QString &id : ids)
            QVERIFY2(!bytes.contains(id.toUtf8()), qPrintable(id));
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<test::TempHome>();
        m_clock = std::make_unique<test::MockClock>(); // Sat 21 Nov 2026 12:00 UTC
        m_profile = std::make_unique<Profile>(QStringLiteral("pub"));
        QVERIFY(m_profile->ensureDirs());
        m_profile->setTimeZoneOverride("Europe/Berlin");
        auto db = Database::open(m_profile->databasePath(), m_profile->backupDir(),
            QStringLiteral("pub%1").arg(++m_run));
        QVERIFY(db);
        m_db = std::move(db.value());
        m_cal = std::make_unique<CalendarService>(*m_db, kBerlin);
        QVERIFY(m_cal->ensureLocalCalendar(QStringLiteral("Mine")));
        ics::installRecurrenceExpander(*m_cal);
        m_roomDir = std::make_unique<QTemporaryDir>();
        room::RoomServer::Options o;
        o.limits.sweepIntervalMs = 0;
        auto r = room::EmbeddedRoom::start(
            m_roomDir->path(), QStringLiteral("team"), QHostAddress(QHostAddress::LocalHost), 0, o);
        QVERIFY(r);
        m_room = std::move(*r);
        m_secretIds.clear();
    }
    void cleanup()
    {
        m_room.reset();
        m_roomDir.reset();
        m_secrets.clear();
        m_cal.reset();
        m_db.reset();
        m_profile.reset();
        m_clock.reset();
        m_home.reset();
    }

    void privacyOnTheWire()
    {
        addSecretEvents();
        Wire eve(m_room->join().webSocketUrl(), m_room->join().invite, QStringLiteral("Eve"));
        QVERIFY(eve.waitFor(QStringLiteral("welcome"), 1));

        auto ana = makeClient(QStringLiteral("Ana"));
        SharingSettings settings(*m_profile);
        settings.setEmail(QStringLiteral("ana@example.org"));
        TeamAvailability team;
        team.attach(ana.get());
        AvailabilityPublisher pub(
            ana.get(), QStringLiteral("local"), m_cal.get(), &settings, &team);
        ana->start();
        QVERIFY(waitOnline(ana.get()));
        QVERIFY(eve.waitFor(QStringLiteral("freebusy"), 1));
        QCOMPARE(pub.publishCount(), 1);

        const QJsonObject frame = eve.ofType(QStringLiteral("freebusy")).last();
        QCOMPARE(frame.value(QLatin1String("from")).toString(), QStringLiteral("Ana"));
        const QJsonObject snap = frame.value(QLatin1String("snapshot")).toObject();
        // The busy times are there (so the check below could fail) ...
        const QJsonArray busy = snap.value(QLatin1String("busy")).toArray();
        QCOMPARE(busy.size(), 2);
        QCOMPARE(busy.at(0).toObject().value(QLatin1String("start")).toString(),
            QStringLiteral("2026-11-23T09:00:00Z"));
        QCOMPARE(busy.at(1).toObject().value(QLatin1String("status")).toString(),
            QStringLiteral("tentative"));
        QCOMPARE(
            snap.value(QLatin1String("time_zone")).toString(), QStringLiteral("Europe/Berlin"));
        // ... and nothing else about the events is: not in the relayed bytes,
        assertNoSecrets(eve.allBytes(), m_secretIds);
        QVERIFY(eve.allBytes().contains("2026-11-23T09:00:00Z"));
        QVERIFY(eve.allBytes().contains("ana@example.org")); // the e-mail she chose to share

        // ... nor in what a member joining later gets from the server's stored copy,
        Wire late(m_room->join().webSocketUrl(), m_room->join().invite, QStringLiteral("Late"));
        QVERIFY(late.waitFor(QStringLiteral("freebusy"), 1));
        QCOMPARE(late.ofType(QStringLiteral("freebusy"))
                     .first()
                     .value(QLatin1String("snapshot"))
                     .toObject(),
            snap);
        assertNoSecrets(late.allBytes(), m_secretIds);

        // ... nor on the server's disk.
        QByteArray disk;
        QDirIterator it(m_roomDir->path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile f(it.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            disk += f.readAll();
        }
        QVERIFY(disk.contains("2026-11-23T09:00:00Z"));
        assertNoSecrets(disk, m_secretIds);

        // The receiving side reads it into a participant.
        TeamAvailability other;
        for (const QJsonObject &f : late.ofType(QStringLiteral("freebusy")))
            QVERIFY(other.applyFrame(f));
        const auto p = other.participants({ QStringLiteral("Ana") });
        QCOMPARE(p.size(), 1);
        QVERIFY(p.at(0).availabilityKnown);
        QCOMPARE(p.at(0).busy.size(), 2);
        QCOMPARE(p.at(0).busy.at(1).status, scheduling::BusyStatus::Tentative);
        QCOMPARE(p.at(0).email, QStringLiteral("ana@example.org"));
        QCOMPARE(p.at(0).workingHours, SharingSettings::defaultWorkingHours());
    }

    void debouncedRepublish()
    {
        auto ana = makeClient(QStringLiteral("Ana"));
        SharingSettings settings(*m_profile);
        TeamAvailability team;
        AvailabilityPublisher pub(
            ana.get(), QStringLiteral("local"), m_cal.get(), &settings, &team, manualTimers());
        QCOMPARE(m_timers.size(), 2);
        ManualTimer *debounce = m_timers.at(0);
        ManualTimer *refresh = m_timers.at(1);
        Wire eve(m_room->join().webSocketUrl(), m_room->join().invite, QStringLiteral("Eve"));
        QVERIFY(eve.waitFor(QStringLiteral("welcome"), 1));
        ana->start();
        QVERIFY(waitOnline(ana.get()));
        QVERIFY(eve.waitFor(QStringLiteral("freebusy"), 1));
        QCOMPARE(pub.publishCount(), 1);
        QVERIFY(team.ownSnapshot());
        QVERIFY(team.ownSnapshot()->busy.isEmpty());
        QVERIFY(refresh->isActive());
        QCOMPARE(refresh->lastMs, 60 * 60 * 1000);

        // A burst of changes (a sync writing five events): nothing goes out until it is quiet.
        for (int i = 0; i < 5; ++i) {
            Event e;
            e.calendarId = CalendarService::localCalendarId();
            e.title = QStringLiteral("e%1").arg(i);
            e.start = berlin(23, 9 + i);
            e.end = berlin(23, 9 + i, 30);
            QVERIFY(m_cal->createEvent(e));
        }
        QVERIFY(pub.isPending());
        QCOMPARE(debounce->lastMs, 2000);
        QCOMPARE(debounce->starts, 5); // each change restarts the wait
        QCOMPARE(pub.publishCount(), 1);
        debounce->fire();
        QCOMPARE(pub.publishCount(), 2);
        QVERIFY(eve.waitFor(QStringLiteral("freebusy"), 2));
        QCOMPARE(eve.ofType(QStringLiteral("freebusy"))
                     .last()
                     .value(QLatin1String("snapshot"))
                     .toObject()
                     .value(QLatin1String("busy"))
                     .toArray()
                     .size(),
            5);
        QCOMPARE(team.ownSnapshot()->busy.size(), 5);

        // A change that changes nothing shared (a title) is not resent.
        m_cal->notifyChanged();
        debounce->fire();
        QCOMPARE(pub.publishCount(), 2);

        // The hourly refresh always goes out (the horizon moves with the clock).
        m_clock->advanceSecs(3600);
        refresh->fire();
        QCOMPARE(pub.publishCount(), 3);
        QVERIFY(eve.waitFor(QStringLiteral("freebusy"), 3));
        QCOMPARE(eve.ofType(QStringLiteral("freebusy"))
                     .last()
                     .value(QLatin1String("snapshot"))
                     .toObject()
                     .value(QLatin1String("made_at"))
                     .toString(),
            QStringLiteral("2026-11-21T13:00:00Z"));

        // Working hours edited in Settings: republished after the debounce.
        scheduling::WorkingHours h = scheduling::WorkingHours::none();
        h.setRanges(Qt::Monday, { { 8 * 60, 12 * 60 } });
        settings.setWorkingHours(h);
        QVERIFY(pub.isPending());
        debounce->fire();
        QCOMPARE(pub.publishCount(), 4);
        QVERIFY(eve.waitFor(QStringLiteral("freebusy"), 4));
        QCOMPARE(eve.ofType(QStringLiteral("freebusy"))
                     .last()
                     .value(QLatin1String("snapshot"))
                     .toObject()
                     .value(QLatin1String("working_hours"))
                     .toObject(),
            h.toJson().toObject());
    }

    void turningSharingOffWithdraws()
    {
        addSecretEvents();
        auto ana = makeClient(QStringLiteral("Ana"));
        SharingSettings settings(*m_profile);
        TeamAvailability team;
        team.attach(ana.get());
        AvailabilityPublisher pub(
            ana.get(), QStringLiteral("local"), m_cal.get(), &settings, &team, manualTimers());
        ana->start();
        QVERIFY(waitOnline(ana.get()));
        Wire eve(m_room->join().webSocketUrl(), m_room->join().invite, QStringLiteral("Eve"));
        QVERIFY(eve.waitFor(QStringLiteral("freebusy"), 1)); // Ana's stored snapshot
        bool marked = false;
        const QJsonArray members = eve.ofType(QStringLiteral("welcome"))
                                       .first()
                                       .value(QLatin1String("members"))
                                       .toArray();
        for (const QJsonValue &m : members)
            marked = marked
                || (m[QLatin1String("name")].toString() == QStringLiteral("Ana")
                    && m[QLatin1String("calendar")].toBool());
        QVERIFY(marked);

        QSignalSpy sharing(&pub, &AvailabilityPublisher::sharingChanged);
        pub.setSharing(false);
        QCOMPARE(sharing.size(), 1);
        QVERIFY(!pub.isSharing());
        QCOMPARE(pub.withdrawCount(), 1);
        QVERIFY(eve.waitFor(QStringLiteral("freebusy"), 2));
        QVERIFY(eve.ofType(QStringLiteral("freebusy"))
                    .last()
                    .value(QLatin1String("snapshot"))
                    .toObject()
                    .isEmpty());
        // The server no longer marks her calendar and keeps nothing to hand out.
        QVERIFY(QTest::qWaitFor(
            [&]() {
                const auto p = eve.ofType(QStringLiteral("presence"));
                return !p.isEmpty()
                    && p.last().value(QLatin1String("name")).toString() == QStringLiteral("Ana")
                    && !p.last().value(QLatin1String("calendar")).toBool();
            },
            5000));
        Wire late(m_room->join().webSocketUrl(), m_room->join().invite, QStringLiteral("Late"));
        QVERIFY(late.waitFor(QStringLiteral("welcome"), 1));
        // Stored snapshots follow the welcome at once; a ping's pong comes after them.
        late.ws.sendTextMessage(QStringLiteral("{\"type\":\"ping\",\"t\":1}"));
        QVERIFY(late.waitFor(QStringLiteral("pong"), 1));
        QCOMPARE(late.ofType(QStringLiteral("freebusy")).size(), 0);
        // Her own view still knows her calendar (it is hers).
        QVERIFY(team.ownSnapshot());
        QCOMPARE(team.ownSnapshot()->busy.size(), 2);

        // Calendar changes while off publish nothing, and do not re-withdraw every time.
        m_cal->notifyChanged();
        m_timers.at(0)->fire();
        QCOMPARE(pub.publishCount(), 1);
        QCOMPARE(pub.withdrawCount(), 1);

        // Remembered for this room (per profile), not for others.
        QVERIFY(!SharingSettings(*m_profile).isSharing(QStringLiteral("local")));
        QVERIFY(SharingSettings(*m_profile).isSharing(QStringLiteral("elsewhere")));

        // On again: published at once.
        pub.setSharing(true);
        QCOMPARE(pub.publishCount(), 2);
        QVERIFY(eve.waitFor(QStringLiteral("freebusy"), 3));
        QCOMPARE(eve.ofType(QStringLiteral("freebusy"))
                     .last()
                     .value(QLatin1String("snapshot"))
                     .toObject()
                     .value(QLatin1String("busy"))
                     .toArray()
                     .size(),
            2);
    }

    void offlineMembersKeepTheirSnapshot()
    {
        // Bob publishes and leaves; Ana joins later and still gets Bob's availability.
        Wire eve(m_room->join().webSocketUrl(), m_room->join().invite, QStringLiteral("Eve"));
        QVERIFY(eve.waitFor(QStringLiteral("welcome"), 1));
        auto bob = makeClient(QStringLiteral("Bob"));
        SharingSettings settings(*m_profile);
        auto pub = std::make_unique<AvailabilityPublisher>(
            bob.get(), QStringLiteral("local"), m_cal.get(), &settings, nullptr, manualTimers());
        bob->start();
        QVERIFY(waitOnline(bob.get()));
        QCOMPARE(pub->publishCount(), 1);
        QVERIFY(eve.waitFor(QStringLiteral("freebusy"), 1)); // stored before it is relayed
        pub.reset();
        bob->stop();

        auto ana = makeClient(QStringLiteral("Ana"));
        TeamAvailability team;
        team.attach(ana.get());
        ana->start();
        QVERIFY(waitOnline(ana.get()));
        QTRY_VERIFY(
            team.member(QStringLiteral("Bob")) && team.member(QStringLiteral("Bob"))->shared);
        QCOMPARE(team.member(QStringLiteral("Bob"))->madeAt, m_clock->currentDateTimeUtc());
        QVERIFY(team.member(QStringLiteral("Ana")));
        QVERIFY(team.member(QStringLiteral("Ana"))->self);
        QVERIFY(!team.member(QStringLiteral("Ana"))->shared); // no publisher for Ana here
    }
};

QTEST_GUILESS_MAIN(TstTeamPublisher)
#include "tst_team_publisher.moc"
