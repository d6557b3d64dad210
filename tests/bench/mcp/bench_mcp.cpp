// kairos-cli mcp end to end: one long-lived server process on a profile with 10,000 cached
// events (a year, ~5 % weekly series), many list_events requests for one month over stdio.
// Prints the median, p90 and max round-trip latency; target: median < 20 ms.
// Usage: bench_mcp [requests=200]
#include "mcp/mcptestutil.h"

#include "calendar/calendarservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace kairos;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int requests = argc > 1 ? std::max(10, atoi(argv[1])) : 200;
    QTemporaryDir home;
    qputenv("KAIROS_HOME", home.path().toUtf8());
    const QTimeZone zone("Europe/Madrid");
    {
        auto db = test::openProfileDb(QStringLiteral("seed"));
        if (!db) {
            fprintf(stderr, "cannot open the database\n");
            return 1;
        }
        CalendarService service(*db, zone);
        if (!service.ensureLocalCalendar(QStringLiteral("Local"))) {
            fprintf(stderr, "cannot create the local calendar\n");
            return 1;
        }
        QRandomGenerator rng(42);
        QList<Event> events;
        const QStringList titles { QStringLiteral("Standup"), QStringLiteral("1:1 with Ana"),
            QStringLiteral("Design review"), QStringLiteral("Lunch"),
            QStringLiteral("Customer call"), QStringLiteral("Planning"), QStringLiteral("Dentist"),
            QStringLiteral("Gym") };
        for (int i = 0; i < 10000; ++i) {
            const QDate day = QDate(2026, 1, 1).addDays(rng.bounded(365));
            const QDateTime start(day, QTime(7 + rng.bounded(12), 15 * rng.bounded(4)), zone);
            Event e = test::timedEvent(QStringLiteral("local"), titles[rng.bounded(titles.size())],
                start, 15 * (1 + rng.bounded(8)));
            e.location = QStringLiteral("Room %1").arg(rng.bounded(40));
            e.description
                = QStringLiteral("Agenda item %1: notes, links and dial-in details.").arg(i);
            if (i % 20 == 0)
                e.recurrence = QStringList { QStringLiteral("RRULE:FREQ=WEEKLY;COUNT=20") };
            events << e;
        }
        if (!service.store().saveEvents(events)) {
            fprintf(stderr, "cannot seed\n");
            return 1;
        }
    }

    test::McpProcess mcp(home.path());
    if (!mcp.started()) {
        fprintf(stderr, "cannot start %s\n", KAIROS_CLI_PATH);
        return 1;
    }
    mcp.initialize();
    const QJsonObject args { { QStringLiteral("start"), QStringLiteral("2026-06-01") },
        { QStringLiteral("end"), QStringLiteral("2026-06-30") },
        { QStringLiteral("limit"), 5000 } };
    // Warm-up (first query, zone caches).
    const QJsonObject first = mcp.call(QStringLiteral("list_events"), args);
    const int count = test::structured(first).value(QStringLiteral("count")).toInt();
    QList<double> ms;
    ms.reserve(requests);
    qint64 bytes = 0;
    for (int i = 0; i < requests; ++i) {
        QElapsedTimer t;
        t.start();
        const QJsonObject r = mcp.call(QStringLiteral("list_events"), args);
        ms << t.nsecsElapsed() / 1e6;
        if (test::isToolError(r) || r.isEmpty()) {
            fprintf(stderr, "request %d failed\n", i);
            return 1;
        }
        bytes = mcp.stdoutLines().constLast().size();
    }
    std::sort(ms.begin(), ms.end());
    if (qEnvironmentVariableIsSet("BENCH_NOMATCH")) {
        QList<double> q;
        QJsonObject a2 = args;
        a2.insert(QStringLiteral("query"), QStringLiteral("zzzz-no-match"));
        for (int i = 0; i < 50; ++i) {
            QElapsedTimer t;
            t.start();
            mcp.call(QStringLiteral("list_events"), a2);
            q << t.nsecsElapsed() / 1e6;
        }
        std::sort(q.begin(), q.end());
        printf("no-match median %.2f ms\n", q[q.size() / 2]);
    }
    printf("list_events (June, %d occurrences, %lld-byte response) over stdio, 10,000 cached "
           "events, %d requests:\n  median %.2f ms   p90 %.2f ms   min %.2f ms   max %.2f ms   "
           "(target: median < 20 ms)\n",
        count, static_cast<long long>(bytes), requests, ms[ms.size() / 2], ms[int(ms.size() * 0.9)],
        ms.first(), ms.last());
    return 0;
}
