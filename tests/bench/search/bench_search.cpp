// Search (Ctrl+F) as the search dialog runs it: EventStore::search over 100,000 stored events
// (titles, places, notes and attendees drawn from word pools, so some words are rare and some
// are in a tenth of the events), the 201 nearest to "now" read back as Events. Target: < 20 ms.
// Usage: bench_search [--benchmark_filter=...]
#include "core/profile.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <memory>

using namespace kairos;

namespace {

constexpr int kEvents = 100000;

struct Corpus {
    QTemporaryDir home;
    std::unique_ptr<Profile> profile;
    std::unique_ptr<Database> db;
    std::unique_ptr<EventStore> store;
    qint64 now = 0;

    Corpus()
    {
        qputenv("KAIROS_HOME", home.path().toUtf8());
        profile = std::make_unique<Profile>(QStringLiteral("bench"));
        (void)profile->ensureDirs();
        db = std::move(Database::open(profile->databasePath(), {}, QStringLiteral("b")).value());
        store = std::make_unique<EventStore>(*db);
        Calendar c;
        c.id = QStringLiteral("local");
        c.name = QStringLiteral("Local");
        (void)store->saveCalendar(c);
        const QStringList subjects = { QStringLiteral("Weekly sync"),
            QStringLiteral("Budget review"), QStringLiteral("1:1"), QStringLiteral("Planning"),
            QStringLiteral("Design critique"), QStringLiteral("Customer call"),
            QStringLiteral("Retrospective"), QStringLiteral("Hiring panel"),
            QStringLiteral("Lunch"), QStringLiteral("Dentist") };
        const QStringList places = { QStringLiteral("Sala Mayor"), QStringLiteral("Room 4"),
            QStringLiteral("Café Central"), QStringLiteral("Zoom"), QStringLiteral("Barcelona"),
            QStringLiteral("Lisboa"), QStringLiteral("Home") };
        QRandomGenerator rng(42);
        const QTimeZone zone("Europe/Madrid");
        const QDateTime first(QDate(2024, 1, 1), QTime(8, 0), zone);
        now = QDateTime(QDate(2026, 6, 1), QTime(12, 0), zone).toMSecsSinceEpoch();
        QList<Event> batch;
        for (int i = 0; i < kEvents; ++i) {
            Event e;
            e.calendarId = QStringLiteral("local");
            e.title = subjects.at(int(rng.bounded(subjects.size()))) + QLatin1Char(' ')
                + QString::number(i % 997);
            if (i % 1000 == 0)
                e.title += QStringLiteral(" offsite"); // rare: 100 events
            e.location = places.at(int(rng.bounded(places.size())));
            e.description = QStringLiteral("Agenda item %1, follow-up %2 and notes for team %3")
                                .arg(rng.bounded(5000))
                                .arg(rng.bounded(300))
                                .arg(rng.bounded(40));
            for (int a = 0, n = int(rng.bounded(5)); a < n; ++a) {
                Attendee at;
                const int p = int(rng.bounded(400));
                at.email = QStringLiteral("person%1@example.com").arg(p);
                at.name = QStringLiteral("Person %1").arg(p);
                e.attendees << at;
            }
            e.start = first.addSecs(qint64(i) * 1500); // about 4 years, 25 minutes apart
            e.end = e.start.addSecs(1800);
            batch << e;
            if (batch.size() == 5000) {
                (void)store->saveEvents(batch);
                batch.clear();
            }
        }
        (void)store->saveEvents(batch);
    }
};

Corpus &corpus()
{
    static Corpus c;
    return c;
}

void search(benchmark::State &state, const QString &text)
{
    Corpus &c = corpus();
    qsizetype found = 0;
    for (auto _ : state) {
        auto r = c.store->search(text, c.now, 201);
        if (!r) {
            state.SkipWithError(qPrintable(r.error().message));
            return;
        }
        found = r->size();
        benchmark::DoNotOptimize(found);
    }
    state.counters["results"] = double(found);
}

} // namespace

BENCHMARK_CAPTURE(search, rare_word, QStringLiteral("offsite"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, prefix_common, QStringLiteral("retro"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, two_words, QStringLiteral("budget barcelona"))
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, attendee, QStringLiteral("person 17"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, accent_folded, QStringLiteral("cafe"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(search, nothing, QStringLiteral("zzzz"))->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
