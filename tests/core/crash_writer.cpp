// Helper for tst_crashwrite: writes numbered batches of events into a database in a loop and
// says on stdout when each batch begins and commits. The test kills it with SIGKILL mid-batch.
// Usage: kairos_crash_writer DB_PATH FIRST_BATCH BATCH_SIZE
#include "model/calendar.h"
#include "model/event.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QCoreApplication>
#include <QTimeZone>

#include <cstdio>

using namespace kairos;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fputs("usage: kairos_crash_writer DB_PATH FIRST_BATCH BATCH_SIZE\n", stderr);
        return 2;
    }
    const int first = args[2].toInt();
    const int size = args[3].toInt();
    auto db = Database::open(args[1], QString(), QStringLiteral("writer"));
    if (!db) {
        std::fprintf(stderr, "open: %s\n", qPrintable(db.error().message));
        return 1;
    }
    EventStore store(**db);
    Calendar c;
    c.id = QStringLiteral("cal");
    c.name = QStringLiteral("Crash");
    if (!store.saveCalendar(c))
        return 1;

    const QTimeZone zone("Europe/Madrid");
    const QDateTime base(QDate(2026, 11, 2), QTime(8, 0), zone);
    for (int batch = first; batch < first + 10000; ++batch) {
        QList<Event> events;
        events.reserve(size);
        const QString tag = QStringLiteral("batch-") + QString::number(batch);
        for (int i = 0; i < size; ++i) {
            Event e;
            e.calendarId = c.id;
            e.title = tag;
            e.description = QString(200, QLatin1Char('x')); // some bulk: more pages per batch
            e.start = base.addSecs(qint64(i) * 900);
            e.end = e.start.addSecs(900);
            events.append(e);
        }
        std::printf("begin %d\n", batch);
        std::fflush(stdout);
        if (auto r = store.saveEvents(events); !r) {
            std::fprintf(stderr, "save: %s\n", qPrintable(r.error().message));
            return 1;
        }
        std::printf("commit %d\n", batch);
        std::fflush(stdout);
    }
    return 0;
}
