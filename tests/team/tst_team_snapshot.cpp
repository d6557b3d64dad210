#include "support/mockclock.h"
#include "support/testenv.h"

#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "ics/recurrence.h"
#include "providers/google/googleclient.h"
#include "providers/microsoft/graphclient.h"
#include "room/protocol.h"
#include "store/database.h"
#include "team/sharingsettings.h"
#include "team/snapshotbuilder.h"
#include "team/staleness.h"
#include "team/teamavailability.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace kairos;
using namespace kairos::team;
using scheduling::BusyInterval;
using scheduling::BusyStatus;

namespace {
const QTimeZone kBerlin("Europe/Berlin");

QDateTime berlin(int d, int h, int m = 0, int month = 11)
{
    return QDateTime(QDate(2026, month, d), QTime(h, m), kBerlin);
}

Event timed(const QString &title, const QDateTime &s, const QDateTime &e)
{
    Event ev;
    ev.calendarId = CalendarService::localCalendarId();
    ev.title = title;
    ev.start = s;
    ev.end = e;
    return ev;
}

Interval iv(const QDateTime &s, const QDateTime &e)
{
    return Interval::fromDateTimes(s, e);
}
} // namespace

class TstTeamSnapshot : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempHome> m_home;
    std::unique_ptr<test::MockClock> m_clock;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CalendarService> m_cal;
    int m_run = 0;

    SnapshotOptions options() const
    {
        SnapshotOptions o;
        o.zone = kBerlin;
        o.workingHours = SharingSettings::defaultWorkingHours();
        return o;
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<test::TempHome>();
        // Saturday 21 Nov 2026, 12:00 UTC (13:00 in Berlin).
        m_clock = std::make_unique<test::MockClock>();
        m_profile = std::make_unique<Profile>(QStringLiteral("team"));
        QVERIFY(m_profile->ensureDirs());
        auto db = Database::open(m_profile->databasePath(), m_profile->backupDir(),
            QStringLiteral("team%1").arg(++m_run));
        QVERIFY(db);
        m_db = std::move(db.value());
        m_cal = std::make_unique<CalendarService>(*m_db, kBerlin);
        QVERIFY(m_cal->ensureLocalCalendar(QStringLiteral("Mine")));
        ics::installRecurrenceExpander(*m_cal);
    }
    void cleanup()
    {
        m_cal.reset();
        m_db.reset();
        m_profile.reset();
        m_clock.reset();
        m_home.reset();
    }

    void busyRules()
    {
        Event e = timed(QStringLiteral("x"), berlin(23, 10), berlin(23, 11));
        QCOMPARE(busyStatusOf(e), BusyStatus::Busy);
        Event t = e;
        t.transparency = Transparency::Transparent;
        QVERIFY(!busyStatusOf(t));
        Event c = e;
        c.status = EventStatus::Cancelled;
        QVERIFY(!busyStatusOf(c));
        Event tent = e;
        tent.status = EventStatus::Tentative;
        QCOMPARE(busyStatusOf(tent), BusyStatus::Tentative);
        Event ooo = e;
        ooo.outOfOffice = true;
        QCOMPARE(busyStatusOf(ooo), BusyStatus::OutOfOffice);

        Attendee me;
        me.email = QStringLiteral("me@example.org");
        me.self = true;
        Attendee other;
        other.email = QStringLiteral("bob@example.org");
        other.response = Attendee::Response::Declined;
        Event inv = e;
        inv.attendees = { me, other };
        QCOMPARE(busyStatusOf(inv), BusyStatus::Busy); // someone else declining changes nothing
        inv.attendees[0].response = Attendee::Response::Declined;
        QVERIFY(!busyStatusOf(inv));
        inv.attendees[0].response = Attendee::Response::Tentative;
        QCOMPARE(busyStatusOf(inv), BusyStatus::Tentative);
        inv.attendees[0].response = Attendee::Response::Accepted;
        QCOMPARE(busyStatusOf(inv), BusyStatus::Busy);
    }

    void mergeKeepsTheStrongerStatus()
    {
        const QList<BusyInterval> in {
            { iv(berlin(23, 9), berlin(23, 12)), BusyStatus::Tentative },
            { iv(berlin(23, 10), berlin(23, 11)), BusyStatus::Busy },
            { iv(berlin(23, 11), berlin(23, 11, 30)), BusyStatus::Busy }, // touches: merged
            { iv(berlin(24, 0), berlin(25, 0)), BusyStatus::OutOfOffice },
            { iv(berlin(24, 9), berlin(24, 10)), BusyStatus::Busy }, // inside OOO: gone
        };
        const QList<BusyInterval> want {
            { iv(berlin(23, 9), berlin(23, 10)), BusyStatus::Tentative },
            { iv(berlin(23, 10), berlin(23, 11, 30)), BusyStatus::Busy },
            { iv(berlin(23, 11, 30), berlin(23, 12)), BusyStatus::Tentative },
            { iv(berlin(24, 0), berlin(25, 0)), BusyStatus::OutOfOffice },
        };
        QCOMPARE(mergeBusy(in), want);
    }

    void buildsFromCountingCalendarsOnly()
    {
        Calendar other;
        other.id = QStringLiteral("holidays");
        other.name = QStringLiteral("Holidays");
        other.countsForAvailability = false;
        QVERIFY(m_cal->saveCalendar(other));
        Calendar hidden;
        hidden.id = QStringLiteral("hidden");
        hidden.name = QStringLiteral("Hidden but counting");
        hidden.visible = false;
        QVERIFY(m_cal->saveCalendar(hidden));

        QVERIFY(m_cal->createEvent(timed(QStringLiteral("Busy"), berlin(23, 10), berlin(23, 11))));
        Event free = timed(QStringLiteral("Free"), berlin(23, 12), berlin(23, 13));
        free.transparency = Transparency::Transparent;
        QVERIFY(m_cal->createEvent(free));
        Event tent = timed(QStringLiteral("Maybe"), berlin(23, 14), berlin(23, 15));
        tent.status = EventStatus::Tentative;
        QVERIFY(m_cal->createEvent(tent));
        Event cancelled = timed(QStringLiteral("Off"), berlin(23, 16), berlin(23, 17));
        cancelled.status = EventStatus::Cancelled;
        QVERIFY(m_cal->createEvent(cancelled));
        Event declined = timed(QStringLiteral("No"), berlin(24, 9), berlin(24, 10));
        Attendee me;
        me.email = QStringLiteral("me@example.org");
        me.self = true;
        me.response = Attendee::Response::Declined;
        declined.attendees = { me };
        QVERIFY(m_cal->createEvent(declined));
        Event holiday = timed(QStringLiteral("Holiday"), berlin(25, 9), berlin(25, 17));
        holiday.calendarId = other.id;
        QVERIFY(m_cal->createEvent(holiday));
        Event hid = timed(QStringLiteral("Hidden"), berlin(26, 9), berlin(26, 10));
        hid.calendarId = hidden.id;
        QVERIFY(m_cal->createEvent(hid));
        // Before today and after the horizon: not in it.
        QVERIFY(m_cal->createEvent(timed(QStringLiteral("Past"), berlin(20, 9), berlin(20, 10))));
        QVERIFY(m_cal->createEvent(
            timed(QStringLiteral("Far"), QDateTime(QDate(2027, 1, 20), QTime(9, 0), kBerlin),
                QDateTime(QDate(2027, 1, 20), QTime(10, 0), kBerlin))));

        auto s = buildSnapshot(*m_cal, options());
        QVERIFY(s);
        QCOMPARE(s->madeAt, m_clock->currentDateTimeUtc());
        QCOMPARE(s->horizon.startUtc(), berlin(21, 0).toUTC());
        QCOMPARE(s->horizon.endUtc(), QDateTime(QDate(2027, 1, 16), QTime(0, 0), kBerlin).toUTC());
        const QList<BusyInterval> want {
            { iv(berlin(23, 10), berlin(23, 11)), BusyStatus::Busy },
            { iv(berlin(23, 14), berlin(23, 15)), BusyStatus::Tentative },
            { iv(berlin(26, 9), berlin(26, 10)), BusyStatus::Busy },
        };
        QCOMPARE(s->busy, want);
        QCOMPARE(s->zone, kBerlin);
    }

    void horizonIsConfigurableAndSeriesExpand()
    {
        Event weekly = timed(QStringLiteral("Standup"), berlin(23, 9), berlin(23, 9, 15));
        weekly.recurrence = { QStringLiteral("RRULE:FREQ=WEEKLY;BYDAY=MO") };
        QVERIFY(m_cal->createEvent(weekly));
        SnapshotOptions o = options();
        o.horizonWeeks = 2;
        auto s = buildSnapshot(*m_cal, o);
        QVERIFY(s);
        QCOMPARE(s->busy.size(), 2); // Mondays 23 and 30 Nov
        QCOMPARE(s->busy.at(1).interval, iv(berlin(30, 9), berlin(30, 9, 15)));
        o.horizonWeeks = 8;
        s = buildSnapshot(*m_cal, o);
        QVERIFY(s);
        QCOMPARE(s->busy.size(), 8);
    }

    void outOfOfficeIsKeptAndShared()
    {
        // The providers say so ...
        const QJsonObject google { { QStringLiteral("id"), QStringLiteral("g1") },
            { QStringLiteral("eventType"), QStringLiteral("outOfOffice") },
            { QStringLiteral("start"),
                QJsonObject {
                    { QStringLiteral("dateTime"), QStringLiteral("2026-11-25T09:00:00+01:00") } } },
            { QStringLiteral("end"),
                QJsonObject { { QStringLiteral("dateTime"),
                    QStringLiteral("2026-11-25T17:00:00+01:00") } } } };
        QVERIFY(GoogleClient::fromJson(google).outOfOffice);
        const QJsonObject graph { { QStringLiteral("id"), QStringLiteral("m1") },
            { QStringLiteral("showAs"), QStringLiteral("oof") },
            { QStringLiteral("start"),
                QJsonObject {
                    { QStringLiteral("dateTime"), QStringLiteral("2026-11-25T08:00:00.0000000") },
                    { QStringLiteral("timeZone"), QStringLiteral("UTC") } } },
            { QStringLiteral("end"),
                QJsonObject {
                    { QStringLiteral("dateTime"), QStringLiteral("2026-11-25T16:00:00.0000000") },
                    { QStringLiteral("timeZone"), QStringLiteral("UTC") } } } };
        const Event fromGraph = GraphClient::fromJson(graph);
        QVERIFY(fromGraph.outOfOffice);
        QCOMPARE(fromGraph.transparency, Transparency::Opaque);
        QCOMPARE(GraphClient::toJson(fromGraph).value(QLatin1String("showAs")).toString(),
            QStringLiteral("oof"));
        QVERIFY(
            !GoogleClient::fromJson(QJsonObject { { QStringLiteral("id"), QStringLiteral("g2") } })
                 .outOfOffice);

        // ... the store keeps it ...
        Event e = timed(QStringLiteral("Away"), berlin(25, 9), berlin(25, 17));
        e.outOfOffice = true;
        auto created = m_cal->createEvent(e);
        QVERIFY(created);
        QVERIFY(m_cal->event(created->id)->outOfOffice);
        QVERIFY(m_cal->createEvent(timed(QStringLiteral("Normal"), berlin(26, 9), berlin(26, 10))));
        QVERIFY(!m_cal
                     ->occurrencesBetween(
                         berlin(26, 0).toMSecsSinceEpoch(), berlin(27, 0).toMSecsSinceEpoch())
                     ->isEmpty());

        // ... and the snapshot says out of office.
        auto s = buildSnapshot(*m_cal, options());
        QVERIFY(s);
        QCOMPARE(s->busy.size(), 2);
        QCOMPARE(s->busy.at(0).status, BusyStatus::OutOfOffice);
        QCOMPARE(s->busy.at(1).status, BusyStatus::Busy);
    }

    void snapshotHasNoPrivateText()
    {
        Event e = timed(QStringLiteral("SECRET-TITLE"), berlin(23, 10), berlin(23, 11));
        e.location = QStringLiteral("SECRET-PLACE");
        e.description = QStringLiteral("SECRET-NOTES");
        Attendee a;
        a.email = QStringLiteral("secret-guest@example.org");
        a.name = QStringLiteral("SECRET-GUEST");
        e.attendees = { a };
        auto created = m_cal->createEvent(e);
        QVERIFY(created);
        auto s = buildSnapshot(*m_cal, options());
        QVERIFY(s);
        QCOMPARE(s->busy.size(), 1);
        const QByteArray bytes = room::encode(toJson(*s));
        QVERIFY(!bytes.contains("SECRET"));
        QVERIFY(!bytes.contains("secret-guest"));
        QVERIFY(!bytes.contains(created->id.toUtf8()));
        QVERIFY(!bytes.contains("Mine"));
    }

    void jsonRoundTrip()
    {
        AvailabilitySnapshot s;
        s.madeAt = m_clock->currentDateTimeUtc();
        s.zone = QTimeZone("America/New_York");
        s.horizon = iv(berlin(21, 0), berlin(19, 0, 0, 12));
        scheduling::WorkingHours h = scheduling::WorkingHours::none();
        h.setRanges(Qt::Monday, { { 8 * 60, 12 * 60 }, { 13 * 60, 17 * 60 } });
        h.setRanges(Qt::Friday, { { 9 * 60, 13 * 60 } });
        s.workingHours = h;
        s.busy = { { iv(berlin(23, 10), berlin(23, 11)), BusyStatus::Busy },
            { iv(berlin(23, 14), berlin(23, 15)), BusyStatus::Tentative },
            { iv(berlin(24, 0), berlin(25, 0)), BusyStatus::OutOfOffice } };
        s.email = QStringLiteral("bob@example.org");
        const QJsonObject json = toJson(s);
        QCOMPARE(json.value(QLatin1String("version")).toInt(), kSnapshotVersion);
        QCOMPARE(
            json.value(QLatin1String("time_zone")).toString(), QStringLiteral("America/New_York"));
        QCOMPARE(json.value(QLatin1String("busy"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("start"))
                     .toString(),
            QStringLiteral("2026-11-23T09:00:00Z"));
        auto back = snapshotFromJson(json);
        QVERIFY2(back, back ? "" : qPrintable(back.error().message));
        QCOMPARE(*back, s);

        const scheduling::Participant p = toParticipant(QStringLiteral("Bob"), *back);
        QCOMPARE(p.name, QStringLiteral("Bob"));
        QCOMPARE(p.zone, QTimeZone("America/New_York"));
        QCOMPARE(p.workingHours, h);
        QCOMPARE(p.busy, s.busy);
        QCOMPARE(p.email, s.email);
        QVERIFY(p.availabilityKnown);

        // Unrestricted working hours travel as null.
        s.workingHours = {};
        QVERIFY(toJson(s).value(QLatin1String("working_hours")).isNull());
        QVERIFY(snapshotFromJson(toJson(s))->workingHours.isUnrestricted());
    }

    void badSnapshotsAreRejected_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("field");
        QTest::newRow("zone") << "time_zone" << QJsonValue(QStringLiteral("Mars/Olympus"))
                              << "time_zone";
        QTest::newRow("no offset")
            << "made_at" << QJsonValue(QStringLiteral("2026-11-21T12:00:00")) << "made_at";
        QTest::newRow("version") << "version" << QJsonValue(QStringLiteral("1")) << "version";
        QTest::newRow("busy end")
            << "busy"
            << QJsonValue(QJsonArray { QJsonObject {
                   { QStringLiteral("start"), QStringLiteral("2026-11-23T10:00:00Z") },
                   { QStringLiteral("end"), QStringLiteral("2026-11-23T09:00:00Z") } } })
            << "busy[0].end";
        QTest::newRow("hours") << "working_hours"
                               << QJsonValue(QJsonObject { { QStringLiteral("mon"),
                                      QJsonArray { QStringLiteral("9-5") } } })
                               << "working_hours.mon[0]";
    }
    void badSnapshotsAreRejected()
    {
        QFETCH(QString, member);
        QFETCH(QJsonValue, value);
        QFETCH(QString, field);
        AvailabilitySnapshot s;
        s.madeAt = m_clock->currentDateTimeUtc();
        s.horizon = iv(berlin(21, 0), berlin(22, 0));
        QJsonObject o = toJson(s);
        o.insert(member, value);
        auto r = snapshotFromJson(o);
        QVERIFY(!r);
        QVERIFY2(
            r.error().message.startsWith(field + QLatin1Char(':')), qPrintable(r.error().message));
        QCOMPARE(snapshotFromJson(QJsonObject()).error().code, Error::Code::NotFound);
    }

    void longBusyListsAreCutToFitAFrame()
    {
        AvailabilitySnapshot s;
        s.madeAt = m_clock->currentDateTimeUtc();
        s.zone = kBerlin;
        s.horizon = iv(berlin(21, 0), QDateTime(QDate(2027, 1, 16), QTime(0, 0), kBerlin));
        qint64 t = s.horizon.start;
        for (int i = 0; i < 3000; ++i, t += 20 * 60 * 1000)
            s.busy.append(
                { { t, t + 10 * 60 * 1000 }, i % 2 ? BusyStatus::Tentative : BusyStatus::Busy });
        const BusyInterval firstDropped = s.busy.at(0);
        Q_UNUSED(firstDropped)
        fitSnapshot(s);
        QVERIFY(s.busy.size() > 100 && s.busy.size() < 3000);
        QVERIFY(room::encode(toJson(s)).size() <= kMaxSnapshotBytes);
        QCOMPARE(s.horizon.end, s.busy.last().interval.start + 20 * 60 * 1000);
        // A frame with it stays under the room's 64 KiB limit.
        QJsonObject frame { { QStringLiteral("type"), QStringLiteral("freebusy") },
            { QStringLiteral("snapshot"), toJson(s) } };
        QVERIFY(room::encode(frame).size() < room::kMaxFrameBytes);
    }

    void staleAndMissing()
    {
        const QDateTime now = m_clock->currentDateTimeUtc();
        MemberAvailability carol;
        carol.name = QStringLiteral("Carol");
        QVERIFY(staleness(carol, now).isMissing());

        MemberAvailability bob;
        bob.name = QStringLiteral("Bob");
        bob.shared = true;
        bob.madeAt = now.addSecs(-3 * 86400 - 3600);
        bob.horizon = iv(now.addDays(-3), now.addDays(7 * 8 - 3));
        Staleness st = staleness(bob, now);
        QVERIFY(st.isStale());
        QCOMPARE(st.days, 3);
        QCOMPARE(st.hours, 73);
        QVERIFY(!st.partial);
        QCOMPARE(st.knownUntil, now.addDays(53));
        QVERIFY(staleness(bob, now, now.addDays(60)).partial);

        bob.madeAt = now.addSecs(-2 * 3600);
        st = staleness(bob, now);
        QVERIFY(st.isFresh());
        QCOMPARE(st.hours, 2);
        bob.madeAt = now.addSecs(-13 * 3600);
        QVERIFY(staleness(bob, now).isStale());
        bob.madeAt = now.addSecs(60); // a clock a little ahead: age 0, fresh
        QCOMPARE(staleness(bob, now).ageSecs, 0);
    }

    void teamAvailabilityFromFrames()
    {
        TeamAvailability team;
        team.setSelfName(QStringLiteral("Ana"));
        QSignalSpy changed(&team, &TeamAvailability::changed);
        AvailabilitySnapshot bob;
        bob.madeAt = m_clock->currentDateTimeUtc();
        bob.zone = QTimeZone("America/New_York");
        bob.horizon = iv(berlin(21, 0), berlin(19, 0, 0, 12));
        bob.workingHours = SharingSettings::defaultWorkingHours();
        bob.busy = { { iv(berlin(23, 16), berlin(23, 17)), BusyStatus::Busy } };
        bob.email = QStringLiteral("bob@example.org");
        QVERIFY(
            team.applyFrame(QJsonObject { { QStringLiteral("type"), QStringLiteral("freebusy") },
                { QStringLiteral("from"), QStringLiteral("Bob") },
                { QStringLiteral("snapshot"), toJson(bob) } }));
        QCOMPARE(changed.size(), 1);

        AvailabilitySnapshot own = bob;
        own.zone = kBerlin;
        own.email.clear();
        team.setOwnSnapshot(own);

        const QList<MemberAvailability> all = team.members();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).name, QStringLiteral("Ana"));
        QVERIFY(all.at(0).self);
        QVERIFY(all.at(0).shared);
        QCOMPARE(all.at(1).name, QStringLiteral("Bob"));
        QCOMPARE(all.at(1).email, QStringLiteral("bob@example.org"));
        QCOMPARE(all.at(1).madeAt, bob.madeAt);
        QCOMPARE(all.at(1).participant.busy, bob.busy);
        QVERIFY(team.member(QStringLiteral("bob"))); // names are case-insensitive

        const auto ps = team.participants(
            { QStringLiteral("Ana"), QStringLiteral("Bob") }, { QStringLiteral("Carol") });
        QCOMPARE(ps.size(), 3);
        QVERIFY(ps.at(0).required && ps.at(0).availabilityKnown);
        QCOMPARE(ps.at(0).zone, kBerlin);
        QCOMPARE(ps.at(1).zone, QTimeZone("America/New_York"));
        QVERIFY(!ps.at(2).required);
        QVERIFY(!ps.at(2).availabilityKnown);
        QCOMPARE(ps.at(2).name, QStringLiteral("Carol"));

        // A withdrawn snapshot: Bob is back to "has not shared".
        QVERIFY(
            team.applyFrame(QJsonObject { { QStringLiteral("type"), QStringLiteral("freebusy") },
                { QStringLiteral("from"), QStringLiteral("Bob") },
                { QStringLiteral("snapshot"), QJsonObject() } }));
        QVERIFY(!team.member(QStringLiteral("Bob")));
        QVERIFY(!team.snapshot(QStringLiteral("Bob")));
        // An unreadable one is not taken.
        QVERIFY(!team.applyFrame(QJsonObject {
            { QStringLiteral("type"), QStringLiteral("freebusy") },
            { QStringLiteral("from"), QStringLiteral("Dan") },
            { QStringLiteral("snapshot"), QJsonObject { { QStringLiteral("version"), 1 } } } }));
        QVERIFY(!team.snapshot(QStringLiteral("Dan")));
    }

    void settingsPersistPerProfile()
    {
        SharingSettings settings(*m_profile);
        QCOMPARE(settings.workingHours(), SharingSettings::defaultWorkingHours());
        QCOMPARE(settings.horizonWeeks(), 8);
        QVERIFY(settings.isSharing(QStringLiteral("local")));
        QSignalSpy sharing(&settings, &SharingSettings::sharingChanged);
        settings.setSharing(QStringLiteral("local"), false);
        QCOMPARE(sharing.size(), 1);
        scheduling::WorkingHours h = scheduling::WorkingHours::none();
        h.setRanges(Qt::Tuesday, { { 7 * 60, 11 * 60 }, { 20 * 60, 26 * 60 } });
        settings.setWorkingHours(h);
        settings.setHorizonWeeks(4);

        SharingSettings again(*m_profile);
        QVERIFY(!again.isSharing(QStringLiteral("local")));
        QVERIFY(again.isSharing(QStringLiteral("abc123")));
        QCOMPARE(again.workingHours(), h);
        QCOMPARE(again.horizonWeeks(), 4);
        again.setWorkingHours({});
        QVERIFY(SharingSettings(*m_profile).workingHours().isUnrestricted());
    }
};

QTEST_GUILESS_MAIN(TstTeamSnapshot)
#include "tst_team_snapshot.moc"
