// bench_ics export N FILE   — builds N events (10% recurring) and times writing them
// bench_ics import FILE     — times importing FILE into a fresh database (parsed and stored in
//                             batches through a staging table, as kairos-cli import does)
// bench_ics parse FILE      — times parsing FILE into Event values only (no store)
// bench_ics desktop FILE    — what File → Import in the app does: a scan on a pool thread
//                             (counts only), then the batched import on another pool thread
//                             through a second connection to the same database
// Prints one JSON object: events, seconds, events_per_second, max_rss_kb, file_bytes.
#include "ics/icsexport.h"
#include "ics/icsimport.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>
#include <QTemporaryDir>
#include <QTimeZone>

#include <sys/resource.h>

#include <cstdio>

using namespace kairos;

namespace {

long maxRssKb()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

QList<Event> makeEvents(int n)
{
    const QList<QTimeZone> zones { QTimeZone("Europe/Madrid"), QTimeZone("America/New_York"),
        QTimeZone("Asia/Tokyo"), QTimeZone("Australia/Lord_Howe"), QTimeZone::utc() };
    QList<Event> out;
    out.reserve(n);
    const QDate base(2024, 1, 1);
    for (int i = 0; i < n; ++i) {
        Event e;
        e.id = QStringLiteral("ev-%1").arg(i);
        e.iCalUid = QStringLiteral("%1-bench@kairos.test").arg(i);
        e.title = QStringLiteral("Meeting %1 – planning, review; café").arg(i);
        e.location = (i % 3 == 0) ? QStringLiteral("Room %1").arg(i % 40) : QString();
        e.description = (i % 2 == 0)
            ? QStringLiteral("Agenda for item %1:\n- status\n- risks, blockers; next steps").arg(i)
            : QString();
        const QTimeZone &z = zones.at(i % zones.size());
        if (i % 17 == 0) {
            e.allDay = true;
            e.startDate = base.addDays(i % 700);
            e.endDate = e.startDate.addDays(1 + i % 3);
            e.transparency = Transparency::Transparent;
        } else {
            e.start = QDateTime(base.addDays(i % 700), QTime(8 + i % 10, (i % 4) * 15), z);
            e.end = e.start.addSecs(1800 + (i % 4) * 900);
        }
        if (i % 5 == 0) {
            e.organizer = QStringLiteral("org%1@example.com").arg(i % 50);
            e.attendees = { { e.organizer, QStringLiteral("Organiser"),
                                Attendee::Response::Accepted, false, true, false },
                { QStringLiteral("guest%1@example.org").arg(i % 97), QString(),
                    Attendee::Response::NeedsAction, false, false, false } };
        }
        if (i % 10 == 0) { // 10% recurring
            e.recurrence = { QStringLiteral("RRULE:FREQ=WEEKLY;COUNT=20") };
            if (!e.allDay)
                e.recurrence << QStringLiteral("EXDATE;TZID=%1:%2")
                                    .arg(QString::fromLatin1(z.id()),
                                        e.start.addDays(14).toString(
                                            QStringLiteral("yyyyMMdd'T'HHmmss")));
            if (z == QTimeZone::utc() && !e.allDay)
                e.recurrence.removeLast();
        }
        e.sequence = i % 3;
        e.created = QDateTime(QDate(2023, 12, 1), QTime(9, 0), QTimeZone::utc());
        out.append(std::move(e));
    }
    return out;
}

void print(const QJsonObject &o)
{
    std::fputs(QJsonDocument(o).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() >= 4 && a.at(1) == QLatin1String("export")) {
        const QList<Event> events = makeEvents(a.at(2).toInt());
        QFile f(a.at(3));
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        QElapsedTimer t;
        t.start();
        if (!ics::writeCalendar(f, events))
            return 1;
        f.close();
        const double s = t.nsecsElapsed() / 1e9;
        print({ { QStringLiteral("direction"), QStringLiteral("export") },
            { QStringLiteral("events"), events.size() }, { QStringLiteral("seconds"), s },
            { QStringLiteral("events_per_second"), events.size() / s },
            { QStringLiteral("max_rss_kb"), double(maxRssKb()) },
            { QStringLiteral("file_bytes"), double(f.size()) } });
        return 0;
    }
    if (a.size() >= 3 && a.at(1) == QLatin1String("import")) {
        QTemporaryDir dir;
        auto db = Database::open(
            dir.filePath(QStringLiteral("bench.sqlite")), QString(), QStringLiteral("bench"));
        if (!db)
            return 1;
        EventStore store(**db);
        Calendar c;
        c.id = QStringLiteral("local");
        c.name = QStringLiteral("Local");
        if (!store.saveCalendar(c))
            return 1;
        const long baseRss = maxRssKb(); // Qt, SQLite and the zone database loaded
        QElapsedTimer t;
        t.start();
        ics::ImportOptions o;
        o.floatingZone = QTimeZone::utc();
        auto r = ics::importCalendarFile(a.at(2), store, c.id, o);
        if (!r)
            return 1;
        const double s = t.nsecsElapsed() / 1e9;
        const qint64 bytes = QFile(a.at(2)).size();
        const int events = store.eventCount().value();
        print({ { QStringLiteral("direction"), QStringLiteral("import") },
            { QStringLiteral("events"), events }, { QStringLiteral("skipped"), r->skipped.size() },
            { QStringLiteral("seconds"), s }, { QStringLiteral("events_per_second"), events / s },
            { QStringLiteral("max_rss_kb"), double(maxRssKb()) },
            { QStringLiteral("base_rss_kb"), double(baseRss) },
            { QStringLiteral("file_bytes"), double(bytes) } });
        return 0;
    }
    if (a.size() >= 3 && a.at(1) == QLatin1String("desktop")) {
        QTemporaryDir dir;
        const QString dbPath = dir.filePath(QStringLiteral("bench.sqlite"));
        auto db = Database::open(dbPath, QString(), QStringLiteral("main"));
        if (!db)
            return 1;
        EventStore store(**db);
        Calendar c;
        c.id = QStringLiteral("local");
        c.name = QStringLiteral("Local");
        if (!store.saveCalendar(c))
            return 1;
        const long baseRss = maxRssKb();
        const QString path = a.at(2);
        QElapsedTimer t;
        t.start();
        auto scan = QtConcurrent::run([path]() {
            ics::ImportOptions o;
            o.floatingZone = QTimeZone::utc();
            return ics::scanCalendarFile(path, o);
        }).result();
        if (!scan)
            return 1;
        const double scanSeconds = t.nsecsElapsed() / 1e9;
        const long scanRss = maxRssKb();
        auto r = QtConcurrent::run([path, dbPath]() -> Expected<ics::ImportSummary> {
            Database::OpenOptions so;
            so.secondary = true;
            auto worker = Database::open(dbPath, QString(), QStringLiteral("worker"), so);
            if (!worker)
                return worker.error();
            EventStore ws(**worker);
            ics::ImportOptions o;
            o.floatingZone = QTimeZone::utc();
            return ics::importCalendarFile(path, ws, QStringLiteral("local"), o);
        }).result();
        if (!r)
            return 1;
        const double s = t.nsecsElapsed() / 1e9;
        const qint64 bytes = QFile(path).size();
        const int events = store.eventCount().value();
        print({ { QStringLiteral("direction"), QStringLiteral("desktop") },
            { QStringLiteral("events"), events }, { QStringLiteral("scanned"), scan->eventCount },
            { QStringLiteral("seconds"), s }, { QStringLiteral("scan_seconds"), scanSeconds },
            { QStringLiteral("events_per_second"), events / s },
            { QStringLiteral("max_rss_kb"), double(maxRssKb()) },
            { QStringLiteral("scan_max_rss_kb"), double(scanRss) },
            { QStringLiteral("base_rss_kb"), double(baseRss) },
            { QStringLiteral("file_bytes"), double(bytes) } });
        return 0;
    }
    if (a.size() >= 3 && a.at(1) == QLatin1String("parse")) {
        QElapsedTimer t;
        t.start();
        ics::ImportOptions o;
        o.floatingZone = QTimeZone::utc();
        auto r = ics::parseCalendarFile(a.at(2), o);
        if (!r)
            return 1;
        const double s = t.nsecsElapsed() / 1e9;
        const qint64 bytes = QFile(a.at(2)).size();
        print({ { QStringLiteral("direction"), QStringLiteral("parse") },
            { QStringLiteral("events"), r->events.size() },
            { QStringLiteral("skipped"), r->skipped.size() }, { QStringLiteral("seconds"), s },
            { QStringLiteral("events_per_second"), r->events.size() / s },
            { QStringLiteral("max_rss_kb"), double(maxRssKb()) },
            { QStringLiteral("file_bytes"), double(bytes) } });
        return 0;
    }
    std::fputs("usage: bench_ics export N FILE | bench_ics import FILE | bench_ics parse FILE | "
               "bench_ics desktop FILE\n",
        stderr);
    return 2;
}
