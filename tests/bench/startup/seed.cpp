// kairos-bench-seed: fills a profile's store with realistic events for the start-up benchmark.
//   kairos-bench-seed --profile NAME --events 10000 [--seed N]
// The events spread over ±6 months around today, with only a normal week's worth (10–20) in the
// current week, and are written through the real EventStore in one batch (one transaction).
#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "model/zonedtime.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <cstdio>

using namespace kairos;

namespace {

const char *const kTitles[] = {
    "Standup",
    "1:1 with Ana",
    "Design review",
    "Sprint planning",
    "Retro",
    "Customer call",
    "Lunch",
    "Focus time",
    "Interview",
    "All hands",
    "Budget review",
    "Dentist",
    "Reunión de equipo",
    "Demo",
    "Architecture sync",
    "Roadmap",
    "Hiring sync",
    "Coffee chat",
    "Release check",
    "Gym",
    "School pick-up",
    "Board prep",
    "Security review",
    "Offsite planning",
};
const char *const kLocations[] = {
    "",
    "",
    "",
    "Room Atlas",
    "Room Boreal",
    "Zoom",
    "Google Meet",
    "Café Central",
    "Sala Madrid",
    "Office 3F",
    "",
};
const char *const kPeople[] = {
    "ana@example.com",
    "bruno@example.com",
    "chen@example.com",
    "dolores@example.com",
    "emeka@example.com",
    "fatima@example.com",
    "gustav@example.com",
    "hana@example.com",
};
const int kDurations[] = { 15, 30, 30, 30, 45, 60, 60, 60, 90, 120 };

template <typename T, int N> const T &pick(QRandomGenerator &rng, const T (&items)[N])
{
    return items[rng.bounded(N)];
}

Event makeEvent(
    QRandomGenerator &rng, QDate day, const QTimeZone &zone, const QStringList &calendars)
{
    Event e;
    e.calendarId = calendars[rng.bounded(int(calendars.size()))];
    e.title = QString::fromUtf8(pick(rng, kTitles));
    e.location = QString::fromUtf8(pick(rng, kLocations));
    if (rng.bounded(3) == 0)
        e.description = QStringLiteral("Agenda:\n- status\n- blockers\n- next steps\n\nNotes: ")
            + QString::number(rng.generate());
    if (rng.bounded(100) < 5) {
        e.allDay = true;
        e.startDate = day;
        e.endDate = day.addDays(1 + rng.bounded(3));
    } else {
        const QTime start(7 + rng.bounded(12), 15 * rng.bounded(4));
        e.start = zonedDateTime(day, start, zone);
        e.end = e.start.addSecs(60 * pick(rng, kDurations));
    }
    if (rng.bounded(100) < 30) {
        const int n = 2 + rng.bounded(5);
        for (int i = 0; i < n; ++i) {
            Attendee a;
            a.email = QString::fromLatin1(kPeople[(i + rng.bounded(8)) % 8]);
            a.response = Attendee::Response(rng.bounded(4));
            a.organizer = i == 0;
            e.attendees.append(a);
        }
        e.organizer = e.attendees.first().email;
    }
    const int r = rng.bounded(100);
    e.status = r < 3 ? EventStatus::Cancelled
        : r < 10     ? EventStatus::Tentative
                     : EventStatus::Confirmed;
    e.transparency = rng.bounded(10) == 0 ? Transparency::Transparent : Transparency::Opaque;
    e.created = e.updated = QDateTime::currentDateTimeUtc();
    return e;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Fills a Kairos profile (under $KAIROS_HOME) with realistic events."));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("profile"), QStringLiteral("Profile to fill."),
        QStringLiteral("NAME"), QStringLiteral("bench") });
    parser.addOption({ QStringLiteral("events"), QStringLiteral("How many events."),
        QStringLiteral("N"), QStringLiteral("10000") });
    parser.addOption({ QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("N"),
        QStringLiteral("42") });
    parser.process(app);

    const QString name = parser.value(QStringLiteral("profile"));
    const int count = parser.value(QStringLiteral("events")).toInt();
    if (!Profile::isValidName(name) || count < 0) {
        std::fputs("kairos-bench-seed: bad --profile or --events\n", stderr);
        return 2;
    }
    if (qEnvironmentVariableIsEmpty("KAIROS_HOME"))
        std::fputs("kairos-bench-seed: warning: KAIROS_HOME is not set; filling the real profile\n",
            stderr);

    Profile profile(name);
    if (auto r = profile.ensureDirs(); !r) {
        std::fprintf(stderr, "kairos-bench-seed: %s\n", qPrintable(r.error().message));
        return 1;
    }
    auto db = Database::open(profile.databasePath(), profile.backupDir(), QStringLiteral("seed"));
    if (!db) {
        std::fprintf(stderr, "kairos-bench-seed: %s\n", qPrintable(db.error().message));
        return 1;
    }
    EventStore store(**db);

    // The app's own local calendar (same id, so it is not created again) plus two more.
    QStringList calendarIds;
    {
        Calendar local;
        local.id = CalendarService::localCalendarId();
        local.name = QStringLiteral("My calendar");
        local.color = QStringLiteral("#2f855a");
        local.primary = true;
        Calendar work;
        work.id = QStringLiteral("bench-work");
        work.name = QStringLiteral("Work");
        work.color = QStringLiteral("#2563eb");
        Calendar family;
        family.id = QStringLiteral("bench-family");
        family.name = QStringLiteral("Family");
        family.color = QStringLiteral("#db2777");
        for (const Calendar &c : { local, work, family }) {
            if (auto r = store.saveCalendar(c); !r) {
                std::fprintf(stderr, "kairos-bench-seed: %s\n", qPrintable(r.error().message));
                return 1;
            }
            calendarIds << c.id;
        }
        calendarIds << local.id << work.id << work.id; // most events are work events
    }

    const QTimeZone zone = profile.timeZone();
    const QDate today = QDateTime::currentDateTime().toTimeZone(zone).date();
    const QDate weekStart = today.addDays(1 - today.dayOfWeek());
    const QDate weekEnd = weekStart.addDays(7);
    const QDate first = today.addDays(-182);
    const int span = int(first.daysTo(today.addDays(183)));

    QRandomGenerator rng(parser.value(QStringLiteral("seed")).toUInt());
    QList<Event> events;
    events.reserve(count);
    // A normal week in view: 10–20 events on its working days.
    const int thisWeek = qMin(count, 10 + rng.bounded(11));
    for (int i = 0; i < thisWeek; ++i)
        events.append(makeEvent(rng, weekStart.addDays(rng.bounded(5)), zone, calendarIds));
    while (events.size() < count) {
        const QDate day = first.addDays(rng.bounded(span));
        if (day >= weekStart.addDays(-1) && day < weekEnd)
            continue; // keep the current week (and the all-day spill from the day before) light
        events.append(makeEvent(rng, day, zone, calendarIds));
    }

    QElapsedTimer t;
    t.start();
    if (auto r = store.saveEvents(events); !r) {
        std::fprintf(stderr, "kairos-bench-seed: %s\n", qPrintable(r.error().message));
        return 1;
    }
    std::printf("seeded %d events (%d this week) into %s in %lld ms\n", int(events.size()),
        thisWeek, qPrintable(profile.databasePath()), t.elapsed());
    return 0;
}
