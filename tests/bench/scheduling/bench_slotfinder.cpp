// SlotFinder on P participants × N busy intervals over a 4-week window, participants in 5 zones
// with their own working hours, beside std::sort on the same P·N intervals in the same run.
// Prints the medians, the ratio to the sort (must be ≤ 3) and the growth for 10× the input
// (must be ≤ 12), both for 10× participants and for 10× intervals per participant.
#include "scheduling/slotfinder.h"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace kairos;
using namespace kairos::scheduling;

namespace {
constexpr qint64 kMin = 60 * 1000;

SlotRequest makeRequest(int participants, int busyPerParticipant)
{
    static const char *const zones[] = { "America/New_York", "Europe/London", "Europe/Berlin",
        "Asia/Kolkata", "Australia/Sydney" };
    static const char *const hours[][2] = { { "08:00-12:00", "13:00-17:00" },
        { "09:00-17:30", nullptr }, { "07:30-11:30", "12:30-16:00" }, { "10:00-18:00", nullptr },
        { "09:00-12:00", "13:00-17:00" } };
    std::mt19937_64 rng(42);
    SlotRequest r;
    // 4 weeks from Monday 2 Nov 2026 (straddles nothing special), 30-minute meeting on a 15-minute
    // grid.
    r.window.start = QDateTime(QDate(2026, 11, 2), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    r.window.end = r.window.start + 28LL * 24 * 60 * kMin;
    r.durationMs = 30 * kMin;
    r.granularityMs = 15 * kMin;
    const qint64 minutes = r.window.length() / kMin;
    for (int i = 0; i < participants; ++i) {
        Participant p;
        p.name = QStringLiteral("P%1").arg(i);
        const int z = i % 5;
        p.zone = QTimeZone(QByteArray(zones[z]));
        p.required = i < 15 && i % 5 == 0; // three required (New York), the rest optional
        QList<TimeRange> ranges { *TimeRange::parse(QString::fromLatin1(hours[z][0])) };
        if (hours[z][1])
            ranges.append(*TimeRange::parse(QString::fromLatin1(hours[z][1])));
        p.workingHours = WorkingHours::weekdays(ranges);
        p.busy.reserve(busyPerParticipant);
        // Random order, may overlap: what a merged calendar export looks like before sorting.
        for (int b = 0; b < busyPerParticipant; ++b) {
            const qint64 s = r.window.start + qint64(rng() % quint64(minutes)) * kMin;
            const qint64 len = (5 + qint64(rng() % 16)) * kMin;
            const int st = int(rng() % 20);
            p.busy.append({ { s, s + len },
                st < 17       ? BusyStatus::Busy
                    : st < 19 ? BusyStatus::Tentative
                              : BusyStatus::OutOfOffice });
        }
        r.participants.append(p);
    }
    return r;
}

std::vector<Interval> allIntervals(const SlotRequest &r)
{
    std::vector<Interval> v;
    for (const Participant &p : r.participants)
        for (const BusyInterval &b : p.busy)
            v.push_back(b.interval);
    return v;
}

void BM_SlotFinder(benchmark::State &state)
{
    const SlotRequest r = makeRequest(int(state.range(0)), int(state.range(1)));
    SlotOptions o;
    int suggestions = 0;
    for (auto _ : state) {
        auto res = SlotFinder::find(r, o);
        suggestions = int(res->suggestions.size());
        benchmark::DoNotOptimize(res);
    }
    state.counters["suggestions"] = suggestions;
}

void BM_StdSort(benchmark::State &state)
{
    const std::vector<Interval> source
        = allIntervals(makeRequest(int(state.range(0)), int(state.range(1))));
    std::vector<Interval> v;
    for (auto _ : state) {
        state.PauseTiming();
        v = source;
        state.ResumeTiming();
        std::sort(v.begin(), v.end());
        benchmark::DoNotOptimize(v.data());
    }
}

constexpr int kReps = 7;
BENCHMARK(BM_SlotFinder)
    ->Args({ 100, 1000 })
    ->Args({ 1000, 1000 })
    ->Args({ 100, 10000 })
    ->Repetitions(kReps)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_StdSort)
    ->Args({ 100, 1000 })
    ->Args({ 1000, 1000 })
    ->Repetitions(kReps)
    ->ReportAggregatesOnly(true)
    ->Unit(benchmark::kMillisecond);

//! Keeps the medians for the summary.
class MedianReporter : public benchmark::ConsoleReporter {
public:
    std::map<std::string, double> medianMs; // CPU time
    std::map<std::string, double> medianRealMs;
    void ReportRuns(const std::vector<Run> &runs) override
    {
        for (const Run &run : runs)
            if (run.aggregate_name == "median") {
                medianMs[run.run_name.str()] = run.GetAdjustedCPUTime(); // already in ms (Unit)
                medianRealMs[run.run_name.str()] = run.GetAdjustedRealTime();
            }
        ConsoleReporter::ReportRuns(runs);
    }
};
} // namespace

int main(int argc, char **argv)
{
    benchmark::Initialize(&argc, argv);
    MedianReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    auto get = [&](const char *name) {
        for (const auto &[k, v] : reporter.medianMs)
            if (k.rfind(name, 0) == 0)
                return v;
        return -1.0;
    };
    const double finder = get("BM_SlotFinder/100/1000/"), sort = get("BM_StdSort/100/1000/");
    const double finderP = get("BM_SlotFinder/1000/1000/"),
                 finderN = get("BM_SlotFinder/100/10000/");
    const double sort10 = get("BM_StdSort/1000/1000/");
    if (finder < 0 || sort < 0 || finderP < 0 || finderN < 0) {
        std::printf("\n(summary needs all benchmarks; run without --benchmark_filter)\n");
        return 0;
    }
    const double ratio = finder / sort, growP = finderP / finder, growN = finderN / finder;
    std::printf("\nmedians of CPU time, same run (wall-clock medians in brackets; the machine may "
                "be shared):\n");
    auto real = [&](const char *name) {
        for (const auto &[k, v] : reporter.medianRealMs)
            if (k.rfind(name, 0) == 0)
                return v;
        return -1.0;
    };
    std::printf("  SlotFinder 100 participants x 1,000 busy   %9.3f ms  [%.3f ms]\n", finder,
        real("BM_SlotFinder/100/1000/"));
    std::printf("  std::sort  100,000 intervals               %9.3f ms  [%.3f ms]\n", sort,
        real("BM_StdSort/100/1000/"));
    std::printf("  ratio SlotFinder / sort                     %9.2f   (limit 3)    %s\n", ratio,
        ratio <= 3 ? "OK" : "FAIL");
    std::printf(
        "  SlotFinder 1,000 participants x 1,000      %9.3f ms  growth x%.2f (limit 12) %s\n",
        finderP, growP, growP <= 12 ? "OK" : "FAIL");
    std::printf(
        "  SlotFinder 100 participants x 10,000       %9.3f ms  growth x%.2f (limit 12) %s\n",
        finderN, growN, growN <= 12 ? "OK" : "FAIL");
    std::printf("  std::sort  1,000,000 intervals (reference) %9.3f ms  growth x%.2f\n", sort10,
        sort10 / sort);
    return (ratio <= 3 && growP <= 12 && growN <= 12) ? 0 : 1;
}
