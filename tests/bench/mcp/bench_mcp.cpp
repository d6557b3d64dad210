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

#include <QFile>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace {

//! User + system CPU seconds a process has used so far (Linux /proc), or -1.
double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = f.readAll();
    // Fields after the command name (which may contain spaces) start after the last ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields.at(11).toDouble() + fields.at(12).toDouble()) / ticks;
}

double ownCpuSeconds()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

} // namespace

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
    const qint64 serverPid = mcp.process().processId();
    const double serverCpu0 = cpuSeconds(serverPid);
    const double clientCpu0 = ownCpuSeconds();
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
    const double serverCpu = (cpuSeconds(serverPid) - serverCpu0) * 1000 / requests;
    const double clientCpu = (ownCpuSeconds() - clientCpu0) * 1000 / requests;
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
    // Wall time depends on what else the machine runs; CPU time much less so.
    printf("  CPU per request: server %.2f ms, client (write request, read and parse the "
           "response) %.2f ms\n",
        serverCpu, clientCpu);
    return 0;
}
