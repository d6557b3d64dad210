// Paints the week view with 2,000 events and the month view with 5,000 events into a QImage,
// offscreen, and prints the medians against the targets (week < 8 ms, month < 16 ms).
// The views are fed a plain list of occurrences, as the calendar service would.
#include "calendar/monthview.h"
#include "calendar/timegridview.h"
#include "model/zonedtime.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QRandomGenerator>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace kairos;

namespace {

const QTimeZone kZone("Europe/Madrid");
const QDate kMonday(2026, 11, 16);
std::vector<double> g_weekSamples, g_weekCpu;
std::vector<double> g_monthSamples, g_monthCpu;

//! This thread's CPU time: on a shared, loaded machine wall time also counts waiting for a core.
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

QList<Occurrence> makeOccurrences(int count, QDate first, int days, int allDayCount)
{
    static const char *colors[] = { "#3b82f6", "#2f855a", "#d97706", "#9333ea", "#e11d48" };
    QRandomGenerator rng(20261116);
    QList<Occurrence> out;
    out.reserve(count);
    for (int i = 0; i < count; ++i) {
        Occurrence o;
        o.eventId = QStringLiteral("ev%1").arg(i);
        o.calendarId = QStringLiteral("cal%1").arg(i % 5);
        o.title = QStringLiteral("Meeting number %1 about the roadmap").arg(i);
        if (i % 3 == 0)
            o.location = QStringLiteral("Room %1").arg(i % 17);
        o.color = QString::fromLatin1(colors[i % 5]);
        o.status = i % 10 == 0 ? EventStatus::Tentative : EventStatus::Confirmed;
        const QDate day = first.addDays(rng.bounded(days));
        if (i < allDayCount) {
            o.allDay = true;
            o.startDate = day;
            o.endDate = day.addDays(1 + rng.bounded(3));
            o.start = startOfDay(o.startDate, kZone);
            o.end = startOfDay(o.endDate, kZone);
        } else {
            o.start = zonedDateTime(day, QTime(7 + rng.bounded(13), rng.bounded(4) * 15), kZone);
            o.end = o.start.addSecs(60 * (15 + 15 * rng.bounded(8)));
        }
        out.append(o);
    }
    std::sort(out.begin(), out.end(), [](const Occurrence &a, const Occurrence &b) {
        if (a.allDay != b.allDay)
            return a.allDay;
        return a.start < b.start;
    });
    return out;
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

void BM_WeekViewPaint2000(benchmark::State &state)
{
    TimeGridView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(1200, 800);
    view.setTimeZone(kZone);
    view.setDays(kMonday, 7);
    view.setOccurrences(makeOccurrences(2000, kMonday, 7, 20));
    view.show();
    view.scrollToTime(QTime(8, 0));
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QElapsedTimer t;
        t.start();
        const double cpu = threadCpuMs();
        view.render(&image);
        g_weekCpu.push_back(threadCpuMs() - cpu);
        g_weekSamples.push_back(t.nsecsElapsed() / 1e6);
        benchmark::DoNotOptimize(image.constBits());
    }
}
BENCHMARK(BM_WeekViewPaint2000)->Unit(benchmark::kMillisecond)->MinTime(1.0);

void BM_WeekViewLayout2000(benchmark::State &state)
{
    // Setting the data lays the events out (clusters, columns); paints reuse that.
    TimeGridView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(1200, 800);
    view.setTimeZone(kZone);
    view.setDays(kMonday, 7);
    view.show();
    const QList<Occurrence> occ = makeOccurrences(2000, kMonday, 7, 20);
    for (auto _ : state)
        view.setOccurrences(occ);
}
BENCHMARK(BM_WeekViewLayout2000)->Unit(benchmark::kMillisecond);

void BM_MonthViewPaint5000(benchmark::State &state)
{
    MonthView view;
    view.setAttribute(Qt::WA_DontShowOnScreen);
    view.resize(1200, 800);
    view.setTimeZone(kZone);
    view.setMonth(kMonday);
    view.setOccurrences(makeOccurrences(5000, view.firstVisibleDay(), 42, 200));
    view.show();
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : state) {
        QElapsedTimer t;
        t.start();
        const double cpu = threadCpuMs();
        view.render(&image);
        g_monthCpu.push_back(threadCpuMs() - cpu);
        g_monthSamples.push_back(t.nsecsElapsed() / 1e6);
        benchmark::DoNotOptimize(image.constBits());
    }
}
BENCHMARK(BM_MonthViewPaint5000)->Unit(benchmark::kMillisecond)->MinTime(1.0);

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    const double week = median(g_weekSamples);
    const double month = median(g_monthSamples);
    const double weekCpu = median(g_weekCpu);
    const double monthCpu = median(g_monthCpu);
    if (!g_weekSamples.empty())
        std::printf("week-view-2000-paint-median-ms %.3f (cpu %.3f) (target < 8) %s\n", week,
            weekCpu, week < 8 ? "OK" : "SLOW");
    if (!g_monthSamples.empty())
        std::printf("month-view-5000-paint-median-ms %.3f (cpu %.3f) (target < 16) %s\n", month,
            monthCpu, month < 16 ? "OK" : "SLOW");
    return 0;
}
