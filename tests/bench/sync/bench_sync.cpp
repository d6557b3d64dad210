// bench_sync: the speed figures of issue 4.
//  (a) initial sync of 20,000 events over 4 calendars from the fake Google server (on its own
//      thread, like a remote server) with 50 ms latency per request: request count vs. the
//      minimum the paging allows, critical-path requests, wall time vs.
//      1.3 × critical × 50 ms + measured parse-and-store time;
//  (b) incremental sync with no changes: requests per calendar (must be 1);
//  (c) EventStore::saveEvents of 20,000 events: transactions (must be 1), median time;
//  (d) CalendarService::occurrences for one week of a year-long 20-event weekly schedule with
//      the libical expander: median time.
// Exit status 1 when a check fails. Run: build/<dir>/tests/bench/sync/bench_sync
// [sync|store|expand]
#include "auth/authorizedclient.h"
#include "auth/providerconfig.h"
#include "auth/tokenset.h"
#include "calendar/calendarservice.h"
#include "core/clock.h"
#include "core/profile.h"
#include "fakegoogleserver.h"
#include "ics/recurrence.h"
#include "providers/google/googleclient.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/inmemoryvault.h"
#include "support/testenv.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace kairos;

namespace {

constexpr int kCalendars = 4;
constexpr int kEventsPerCalendar = 5000;
constexpr int kLatencyMs = 50;
constexpr int kPageSize = 2500; // GoogleClient::kMaxResults

bool g_failed = false;

void check(bool ok, const char *what)
{
    std::printf("  %-58s %s\n", what, ok ? "OK" : "FAILED");
    if (!ok)
        g_failed = true;
}

double median(QList<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0.0 : v.at(v.size() / 2);
}

//! Runs `fn` on the thread `ctx` lives in and waits for it.
template <typename Fn> void onThread(QObject *ctx, Fn fn)
{
    QMetaObject::invokeMethod(ctx, std::move(fn), Qt::BlockingQueuedConnection);
}

QString calName(int i)
{
    return QStringLiteral("cal%1").arg(i);
}

// ---- (a) + (b) ------------------------------------------------------------------------

struct SyncRun {
    bool ok = false;
    double wallMs = 0;
};

SyncRun syncOnce(SyncEngine &engine, const QString &accountId)
{
    SyncRun run;
    QEventLoop loop;
    QObject::connect(&engine, &SyncEngine::syncFinished, &loop,
        [&](const QString &id, bool ok, const QString &) {
            if (id != accountId)
                return;
            run.ok = ok;
            loop.quit();
        });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    QElapsedTimer t;
    t.start();
    engine.syncAccount(accountId);
    loop.exec();
    run.wallMs = double(t.nsecsElapsed()) / 1e6;
    return run;
}

void benchSync()
{
    std::printf("(a) initial sync: %d events over %d calendars, %d ms latency per request\n",
        kCalendars * kEventsPerCalendar, kCalendars, kLatencyMs);
    test::TempHome home;
    Profile profile(QStringLiteral("bench"));
    if (!profile.ensureDirs()) {
        check(false, "profile");
        return;
    }
    auto opened = Database::open(profile.databasePath(), QString(), QStringLiteral("bench-sync"));
    if (!opened) {
        check(false, "database");
        return;
    }
    std::unique_ptr<Database> db = std::move(*opened);
    EventStore store(*db);

    // The fake lives on its own thread: serving pages does not take the client's thread.
    QThread serverThread;
    serverThread.start();
    QObject ctx;
    ctx.moveToThread(&serverThread);
    fake::FakeGoogleServer *google = nullptr;
    QUrl tokenUrl, apiBase;
    QString access, refresh;
    onThread(&ctx, [&]() {
        google = new fake::FakeGoogleServer;
        google->listen();
        for (int c = 0; c < kCalendars; ++c) {
            google->addCalendar(calName(c), QStringLiteral("Calendar %1").arg(c));
            google->seed(calName(c), kEventsPerCalendar,
                QDateTime(QDate(2026, 1, 5).addDays(c), QTime(8, 0), QTimeZone("Europe/Madrid")));
        }
        google->setLatencyMs(kLatencyMs);
        tokenUrl = google->tokenUrl();
        apiBase = google->apiBase();
        access = google->accessToken();
        refresh = google->refreshToken();
    });

    Account account;
    account.id = QStringLiteral("acc-g");
    account.provider = Provider::Google;
    account.email = QStringLiteral("me@example.com");
    account.connectedAt = Clock::nowUtc();
    store.saveAccount(account);
    test::InMemoryVault vault;
    TokenSet t;
    t.accessToken = access;
    t.refreshToken = refresh;
    t.expiresAt = Clock::nowUtc().addSecs(3600 * 24);
    auto w = vault.write(ITokenVault::tokenKey(toString(Provider::Google), account.id), t.toJson());
    while (!w.isFinished())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    AuthorizedClient client(vault);
    client.setRequestTimeoutMs(30000);
    ProviderConfig config = ProviderConfig::load(Provider::Google, {}, {});
    config.clientId = QStringLiteral("client");
    config.clientSecret = QStringLiteral("secret");
    config.tokenUrl = tokenUrl;
    config.apiBase = apiBase;
    client.addAccount(account.id, config);
    CalendarService service(*db, QTimeZone("Europe/Madrid"));
    SyncEngine engine(*db, client);
    engine.setSyncInterval(0);
    engine.setCalendarService(&service);
    engine.addAccount(account);

    const SyncRun full = syncOnce(engine, account.id);
    const double storeMs = double(engine.storeNanoseconds()) / 1e6;
    QHash<QString, int> pages;
    int requests = 0, listRequests = 0;
    QList<QList<QJsonObject>> serverEvents;
    onThread(&ctx, [&]() {
        for (const auto &r : google->requests()) {
            ++requests;
            if (r.path.endsWith(QLatin1String("/events")))
                ++pages[r.path];
            else if (r.path.endsWith(QLatin1String("calendarList")))
                ++listRequests;
        }
        for (int c = 0; c < kCalendars; ++c)
            serverEvents << google->events(calName(c));
        google->clearLog();
    });

    // Parse time: the same pages parsed here one after another (in the engine they are parsed
    // on the thread pool, overlapping other calendars' waits, so this is an upper bound).
    QElapsedTimer pt;
    pt.start();
    qint64 parsedEvents = 0;
    for (const QList<QJsonObject> &events : std::as_const(serverEvents)) {
        for (qsizetype i = 0; i < events.size(); i += kPageSize) {
            QJsonArray items;
            for (qsizetype j = i; j < std::min(events.size(), i + kPageSize); ++j)
                items.append(events.at(j));
            const QByteArray body = QJsonDocument(
                QJsonObject { { QStringLiteral("items"),
                    items } }).toJson(QJsonDocument::Compact);
            QElapsedTimer one;
            one.start();
            const QJsonDocument doc = QJsonDocument::fromJson(body);
            parsedEvents += GoogleClient::parsePage(
                doc.object().value(QLatin1String("items")).toArray(), "Europe/Madrid")
                                .upserts.size();
        }
    }
    Q_UNUSED(parsedEvents);
    const double parseMs = double(pt.nsecsElapsed()) / 1e6;

    int minRequests = 1, maxPages = 0;
    for (int c = 0; c < kCalendars; ++c) {
        const int n = int(serverEvents.at(c).size());
        minRequests += (n + kPageSize - 1) / kPageSize;
    }
    for (int p : std::as_const(pages))
        maxPages = std::max(maxPages, p);
    const int critical = listRequests + maxPages;
    const double bound = 1.3 * critical * kLatencyMs + parseMs + storeMs;
    const int stored = store.eventCount().valueOr(-1);
    std::printf("  requests %d (calendarList %d, events pages", requests, listRequests);
    for (auto it = pages.cbegin(); it != pages.cend(); ++it)
        std::printf(" %d", it.value());
    std::printf("), minimum the paging allows %d\n", minRequests);
    std::printf("  critical-path requests %d (calendarList + %d pages) = %d ms of latency\n",
        critical, maxPages, critical * kLatencyMs);
    std::printf("  wall %.1f ms; parse %.1f ms (sequential upper bound) + store %.1f ms\n",
        full.wallMs, parseMs, storeMs);
    std::printf("  bound 1.3 x %d ms + %.1f + %.1f = %.1f ms; wall / bound = %.2f\n",
        critical * kLatencyMs, parseMs, storeMs, bound, full.wallMs / bound);
    check(full.ok, "sync succeeded");
    check(stored == kCalendars * kEventsPerCalendar, "all 20,000 events stored");
    check(requests == minRequests, "request count = minimum");
    check(full.wallMs <= bound, "wall <= 1.3 x critical x 50 ms + parse + store");

    std::printf("(b) incremental sync, no changes\n");
    const SyncRun inc = syncOnce(engine, account.id);
    QHash<QString, int> incPages;
    int incRequests = 0;
    onThread(&ctx, [&]() {
        for (const auto &r : google->requests()) {
            ++incRequests;
            if (r.path.endsWith(QLatin1String("/events")))
                ++incPages[r.path];
        }
    });
    bool onePerCalendar = incPages.size() == kCalendars;
    for (int p : std::as_const(incPages))
        onePerCalendar = onePerCalendar && p == 1;
    std::printf("  requests %d: calendarList 1 + events", incRequests);
    for (auto it = incPages.cbegin(); it != incPages.cend(); ++it)
        std::printf(" %d", it.value());
    std::printf(" (per calendar); wall %.1f ms\n", inc.wallMs);
    check(inc.ok, "sync succeeded");
    check(onePerCalendar, "exactly one events request per calendar");

    onThread(&ctx, [&]() { delete google; });
    serverThread.quit();
    serverThread.wait();
}

// ---- (c) -------------------------------------------------------------------------------

QList<Event> makeEvents(int n, const QString &calendarId)
{
    const QTimeZone madrid("Europe/Madrid");
    QList<Event> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        Event e;
        e.id = calendarId + QStringLiteral("/e") + QString::number(i);
        e.calendarId = calendarId;
        e.providerId = QStringLiteral("e") + QString::number(i);
        e.etag = QStringLiteral("\"%1\"").arg(i);
        e.iCalUid = e.providerId + QStringLiteral("@google.com");
        e.title = QStringLiteral("Event %1").arg(i);
        e.location = QStringLiteral("Room %1").arg(i % 17);
        e.start = QDateTime(QDate(2026, 1, 1).addDays(i / 8), QTime(8 + i % 8, 0), madrid);
        e.end = e.start.addSecs(3600);
        if (i % 5 == 0) {
            Attendee a;
            a.email = QStringLiteral("ana@example.com");
            Attendee b;
            b.email = QStringLiteral("bo@example.com");
            e.attendees = { a, b };
        }
        e.created = e.updated = QDateTime(QDate(2025, 12, 1), QTime(10, 0), Qt::UTC);
        out << e;
    }
    return out;
}

void benchStore()
{
    std::printf("(c) EventStore::saveEvents, 20,000 events\n");
    QList<double> times;
    bool oneTransaction = true;
    for (int rep = 0; rep < 5; ++rep) {
        test::TempHome home;
        Profile profile(QStringLiteral("store"));
        profile.ensureDirs();
        auto db = Database::open(
            profile.databasePath(), QString(), QStringLiteral("bench-store-%1").arg(rep));
        if (!db) {
            check(false, "database");
            return;
        }
        EventStore store(**db);
        Calendar c;
        c.id = QStringLiteral("acc:cal");
        c.kind = CalendarKind::Local;
        c.name = QStringLiteral("Bench");
        store.saveCalendar(c);
        QList<Event> events = makeEvents(20000, c.id);
        const int before = (*db)->committedTransactions();
        QElapsedTimer t;
        t.start();
        const auto r = store.saveEvents(events);
        times << double(t.nsecsElapsed()) / 1e6;
        oneTransaction = oneTransaction && r.hasValue()
            && (*db)->committedTransactions() - before == 1
            && store.eventCount().valueOr(0) == 20000;
    }
    const double med = median(times);
    std::printf("  median %.1f ms over %lld runs (min %.1f, max %.1f); target < 300 ms\n", med,
        qlonglong(times.size()), *std::min_element(times.cbegin(), times.cend()),
        *std::max_element(times.cbegin(), times.cend()));
    check(oneTransaction, "one transaction, 20,000 rows");
    check(med < 300.0, "median < 300 ms");
}

// ---- (d) -------------------------------------------------------------------------------

void benchExpand()
{
    std::printf("(d) week view of a year-long 20-event weekly schedule (libical expander)\n");
    test::TempHome home;
    Profile profile(QStringLiteral("expand"));
    profile.ensureDirs();
    auto db = Database::open(profile.databasePath(), QString(), QStringLiteral("bench-expand"));
    if (!db) {
        check(false, "database");
        return;
    }
    EventStore store(**db);
    Calendar c;
    c.id = QStringLiteral("acc:cal");
    c.kind = CalendarKind::Google;
    c.name = QStringLiteral("Schedule");
    c.visible = true;
    store.saveCalendar(c);
    const QTimeZone madrid("Europe/Madrid");
    QList<Event> masters;
    for (int i = 0; i < 20; ++i) {
        Event e;
        e.id = c.id + QStringLiteral("/w") + QString::number(i);
        e.calendarId = c.id;
        e.providerId = QStringLiteral("w") + QString::number(i);
        e.iCalUid = e.providerId + QStringLiteral("@google.com");
        e.title = QStringLiteral("Class %1").arg(i);
        e.start = QDateTime(QDate(2026, 1, 5).addDays(i % 5), QTime(8 + i / 5 * 2, 0), madrid);
        e.end = e.start.addSecs(5400);
        e.recurrence = { QStringLiteral("RRULE:FREQ=WEEKLY;UNTIL=20261231T235959Z") };
        masters << e;
    }
    store.saveEvents(masters);
    CalendarService service(**db, madrid);
    ics::installRecurrenceExpander(service);
    struct Week {
        const char *name;
        QDate monday;
    };
    double worst = 0;
    bool counts = true;
    for (const Week &w : { Week { "week of 2026-01-05", QDate(2026, 1, 5) },
             Week { "week of 2026-06-15", QDate(2026, 6, 15) },
             Week { "week of 2026-12-14", QDate(2026, 12, 14) } }) {
        QList<double> times;
        qsizetype n = 0;
        for (int rep = 0; rep < 200; ++rep) {
            QElapsedTimer t;
            t.start();
            const auto r = service.occurrences(w.monday, w.monday.addDays(6));
            times << double(t.nsecsElapsed()) / 1e6;
            n = r ? r->size() : -1;
        }
        const double med = median(times);
        worst = std::max(worst, med);
        counts = counts && n == 20;
        std::printf("  %s: %lld occurrences, median %.3f ms\n", w.name, qlonglong(n), med);
    }
    std::printf("  worst median %.3f ms; target < 5 ms\n", worst);
    check(counts, "20 occurrences every week");
    check(worst < 5.0, "median < 5 ms");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    qputenv("QT_LOGGING_RULES", "kairos.*.debug=false");
    // Optional arguments pick parts: sync, store, expand (default: all).
    const QStringList parts = app.arguments().mid(1);
    auto wanted = [&parts](const char *name) {
        return parts.isEmpty() || parts.contains(QLatin1String(name));
    };
    if (wanted("sync"))
        benchSync();
    if (wanted("store"))
        benchStore();
    if (wanted("expand"))
        benchExpand();
    std::printf(g_failed ? "Some checks FAILED\n" : "All checks passed\n");
    return g_failed ? 1 : 0;
}
