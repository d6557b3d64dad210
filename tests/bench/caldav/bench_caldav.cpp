// bench_caldav: the figures of issue 19, against a real Radicale (Debian package) on 127.0.0.1.
//  (a) initial sync of 5,000 events (4,500 single events and 100 weekly series with 4 changed
//      instances each: 4,600 resources) through CalDavClient::pull — sync-collection, then
//      calendar-multiget in batches of 100, parsed off the GUI thread — and stored in a SQLite
//      profile with EventStore::saveEvents per page: requests vs. the protocol minimum (one
//      listing + one multiget), wall time;
//  (b) incremental sync after another client changed one event: requests (minimum: one
//      sync-collection + one multiget) and wall time;
//  (c) the same with nothing changed: requests (0: the calendar's sync-token has not moved);
//  (d) the same through the app's path — SyncEngine with CalDavProvider (calendar listing,
//      pull, storing, the outbox): first sync, one change elsewhere, nothing changed, and one
//      edit made here sent back (GET + PUT If-Match).
// Exit status 1 when a check fails. Run: build/<dir>/tests/bench/caldav/bench_caldav
#include "auth/authorizedclient.h"
#include "auth/providerconfig.h"
#include "auth/tokenset.h"
#include "core/futures.h"
#include "core/profile.h"
#include "providers/caldav/caldavclient.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/davserver.h"
#include "support/inmemoryvault.h"
#include "support/testenv.h"
#include "sync/syncengine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <cstdio>
#include <memory>
#include <optional>

using namespace kairos;
using namespace kairos::caldav;

namespace {

constexpr int kSingles = 4500;
constexpr int kSeries = 100;
constexpr int kOverridesPerSeries = 4;
constexpr int kBatch = 100;

bool g_failed = false;

void check(bool ok, const char *what)
{
    std::printf("  %-62s %s\n", what, ok ? "OK" : "FAILED");
    if (!ok)
        g_failed = true;
}

//! Waits for a callback-style call in a local event loop (a benchmark, not the app).
template <typename T, typename Start> std::optional<Expected<T>> run(Start start)
{
    std::optional<Expected<T>> result;
    QEventLoop loop;
    start([&](Expected<T> r) {
        result = std::move(r);
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(600000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return result;
}

QByteArray stamp(int dayOffset, int hour)
{
    const QDateTime t = QDateTime(QDate(2026, 1, 5).addDays(dayOffset), QTime(hour, 0), Qt::UTC);
    return t.toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray bigCalendar()
{
    QByteArray out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n";
    for (int i = 0; i < kSingles; ++i) {
        out += "BEGIN:VEVENT\r\nUID:single-" + QByteArray::number(i)
            + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + stamp(i % 365, 8 + i % 9) + "\r\nDTEND:"
            + stamp(i % 365, 9 + i % 9) + "\r\nSUMMARY:Event " + QByteArray::number(i)
            + "\r\nLOCATION:Room " + QByteArray::number(i % 40) + "\r\nEND:VEVENT\r\n";
    }
    for (int s = 0; s < kSeries; ++s) {
        const QByteArray uid = "series-" + QByteArray::number(s);
        out += "BEGIN:VEVENT\r\nUID:" + uid
            + "\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:" + stamp(s % 7, 10)
            + "\r\nDTEND:" + stamp(s % 7, 11) + "\r\nRRULE:FREQ=WEEKLY;COUNT=30\r\nSUMMARY:Weekly "
            + QByteArray::number(s) + "\r\nEND:VEVENT\r\n";
        for (int o = 1; o <= kOverridesPerSeries; ++o) {
            out += "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\nRECURRENCE-ID:"
                + stamp(s % 7 + 7 * o, 10) + "\r\nDTSTART:" + stamp(s % 7 + 7 * o, 12)
                + "\r\nDTEND:" + stamp(s % 7 + 7 * o, 13) + "\r\nSUMMARY:Weekly "
                + QByteArray::number(s) + " (moved)\r\nEND:VEVENT\r\n";
        }
    }
    return out + "END:VCALENDAR\r\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    test::TempHome home;
    test::DavServer server(test::DavServer::Kind::Radicale);
    const QString started = server.start();
    if (!started.isEmpty()) {
        std::fprintf(stderr, "%s\n", qPrintable(started));
        return 1;
    }
    if (!server.makeCalendar(QStringLiteral("bench"), QStringLiteral("Bench"))) {
        std::fprintf(stderr, "MKCALENDAR failed\n");
        return 1;
    }
    const QUrl calUrl = server.calendarUrl(QStringLiteral("bench"));
    // Seed in one request: Radicale splits a VCALENDAR PUT on the collection into one
    // resource per UID (a series with its overrides is one).
    QElapsedTimer seed;
    seed.start();
    const auto put = server.request(
        "PUT", calUrl, bigCalendar(), { { "Content-Type", "text/calendar; charset=utf-8" } });
    const int resources = kSingles + kSeries;
    const int events = kSingles + kSeries * (1 + kOverridesPerSeries);
    std::printf("Radicale 3.1.8 on 127.0.0.1:%u, %d resources (%d events), seeded in %.1f s "
                "(HTTP %d)\n",
        server.port(), resources, events, seed.elapsed() / 1000.0, put.status);

    Profile profile(QStringLiteral("bench"));
    if (!profile.ensureDirs()) {
        std::fprintf(stderr, "no profile folder\n");
        return 1;
    }
    auto opened = Database::open(profile.databasePath(), QString(), QStringLiteral("bench-caldav"));
    if (!opened) {
        std::fprintf(stderr, "no database\n");
        return 1;
    }
    EventStore store(**opened);
    Calendar cal;
    cal.id = QStringLiteral("caldav-bench");
    cal.name = QStringLiteral("Bench");
    if (!store.saveCalendar(cal)) {
        std::fprintf(stderr, "saveCalendar failed\n");
        return 1;
    }

    test::InMemoryVault vault;
    const PasswordCredentials creds { server.user(), server.password() };
    const auto written = run<void>([&](auto done) {
        onFinished(vault.write(ITokenVault::tokenKey(QStringLiteral("caldav"), QStringLiteral("b")),
                       creds.toJson()),
            &app, done);
    });
    if (!written || !written->hasValue()) {
        std::fprintf(stderr, "vault write failed\n");
        return 1;
    }
    AuthorizedClient auth(vault);
    ProviderConfig config = ProviderConfig::load(Provider::CalDav, {}, {});
    config.apiBase = server.baseUrl();
    auth.addAccount(QStringLiteral("b"), config);
    CalDavClient dav(auth, QStringLiteral("b"));
    dav.setMultigetBatch(kBatch);

    int stored = 0;
    qint64 storeNs = 0;
    auto onPage = [&](CalDavPage page) {
        QElapsedTimer t;
        t.start();
        for (Event &e : page.upserts) {
            e.calendarId = cal.id;
            e.id = cal.id + QLatin1Char('/') + e.providerId;
            if (!e.recurringEventId.isEmpty())
                e.recurringEventId = cal.id + QLatin1Char('/') + e.recurringEventId;
        }
        if (!page.upserts.isEmpty()) {
            if (store.saveEvents(page.upserts))
                stored += int(page.upserts.size());
            else
                g_failed = true;
        }
        storeNs += t.nsecsElapsed();
    };
    auto state = [&]() {
        auto c = run<CalDavCalendar>([&](auto done) { dav.calendarState(calUrl, done); });
        return c && c->hasValue() ? **c : CalDavCalendar {};
    };

    // (a) initial sync
    std::printf("\n(a) initial sync\n");
    const CalDavCalendar c0 = state();
    QElapsedTimer wall;
    wall.start();
    auto first = run<CalDavPullResult>([&](auto done) { dav.pull(c0, {}, onPage, done); });
    const double firstS = wall.elapsed() / 1000.0;
    if (!first || !first->hasValue()) {
        std::fprintf(
            stderr, "pull failed: %s\n", first ? qPrintable(first->error().message) : "no answer");
        return 1;
    }
    const int minimum = 2; // sync-collection + one multiget of everything
    const int batched = 1 + (resources + kBatch - 1) / kBatch;
    std::printf("  requests %d (protocol minimum %d; with multiget batches of %d: %d)\n",
        (*first)->requests, minimum, kBatch, batched);
    std::printf("  wall %.2f s, of which storing %.2f s; %d events stored, %.0f events/s\n", firstS,
        storeNs / 1e9, stored, stored / firstS);
    check(stored == events, "every event stored");
    check((*first)->requests == batched, "requests = 1 listing + ceil(resources / batch)");

    // (b) one change by another client
    std::printf("\n(b) incremental sync, one event changed elsewhere\n");
    QUrl one = calUrl.resolved(QUrl(QStringLiteral("single-42.ics")));
    QByteArray etag;
    QByteArray body = server.getObject(one, &etag);
    if (body.isEmpty()) {
        // Radicale names the split resources itself: find the one holding single-42.
        for (const QString &href : server.objectHrefs(calUrl)) {
            const QUrl u = calUrl.resolved(QUrl(href));
            const QByteArray b = server.getObject(u, &etag);
            if (b.contains("UID:single-42\r\n")) {
                body = b;
                one = u;
                break;
            }
        }
    }
    body.replace("SUMMARY:Event 42", "SUMMARY:Event 42 (renamed)");
    const int putStatus = server.putObject(one, body, etag);
    stored = 0;
    storeNs = 0;
    const CalDavCalendar c1 = state();
    wall.restart();
    auto second
        = run<CalDavPullResult>([&](auto done) { dav.pull(c1, (*first)->token, onPage, done); });
    const double secondMs = wall.nsecsElapsed() / 1e6;
    if (!second || !second->hasValue()) {
        std::fprintf(stderr, "incremental pull failed\n");
        return 1;
    }
    std::printf("  requests %d (protocol minimum 2: sync-collection + multiget), wall %.1f ms, "
                "%d event(s) stored (PUT %d)\n",
        (*second)->requests, secondMs, stored, putStatus);
    check((*second)->requests == 2, "incremental requests = minimum (2)");
    check(stored == 1, "the changed event, and only it, stored");

    // (c) nothing changed
    std::printf("\n(c) incremental sync, nothing changed\n");
    const CalDavCalendar c2 = state();
    wall.restart();
    auto third
        = run<CalDavPullResult>([&](auto done) { dav.pull(c2, (*second)->token, onPage, done); });
    std::printf("  requests %d beyond the calendar listing, wall %.2f ms\n",
        third && third->hasValue() ? (*third)->requests : -1, wall.nsecsElapsed() / 1e6);
    check(third && third->hasValue() && (*third)->unchanged && (*third)->requests == 0,
        "no request when the sync-token has not moved");

    // (d) the app's path: SyncEngine + CalDavProvider into a second profile database.
    std::printf("\n(d) through SyncEngine (CalDavProvider)\n");
    Profile profile2(QStringLiteral("bench-engine"));
    if (!profile2.ensureDirs()) {
        std::fprintf(stderr, "no second profile folder\n");
        return 1;
    }
    auto opened2
        = Database::open(profile2.databasePath(), QString(), QStringLiteral("bench-caldav-engine"));
    if (!opened2) {
        std::fprintf(stderr, "no second database\n");
        return 1;
    }
    EventStore store2(**opened2);
    Account account;
    account.id = QStringLiteral("b");
    account.provider = Provider::CalDav;
    account.email = server.user();
    account.serverUrl = server.calendarHomeUrl().toString();
    if (!store2.saveAccount(account)) {
        std::fprintf(stderr, "saveAccount failed\n");
        return 1;
    }
    auth.removeAccount(account.id);
    ProviderConfig homeConfig = config;
    homeConfig.apiBase = QUrl(account.serverUrl);
    auth.addAccount(account.id, homeConfig);
    SyncEngine engine(**opened2, auth);
    engine.setSyncInterval(0);
    engine.addAccount(account);
    auto syncOnce = [&](bool start = true) {
        bool ok = false;
        QEventLoop loop;
        QObject::connect(&engine, &SyncEngine::idle, &loop, &QEventLoop::quit);
        QObject::connect(&engine, &SyncEngine::syncFinished, &loop,
            [&ok](const QString &, bool good, const QString &) { ok = good; });
        QTimer::singleShot(600000, &loop, &QEventLoop::quit);
        if (start)
            engine.syncAccount(account.id);
        loop.exec();
        return ok;
    };
    const QString calId = account.id + QLatin1Char(':') + calUrl.toString();
    auto countEvents = [&]() {
        auto all = store2.eventsInCalendar(calId);
        return all ? int(all->size()) : -1;
    };
    int before = engine.requestCount(account.id);
    wall.restart();
    bool ok = syncOnce();
    const double engineFirstS = wall.elapsed() / 1000.0;
    const int engineFirst = engine.requestCount(account.id) - before;
    const int engineBatched = 1 + batched; // + the calendar-home listing
    std::printf("  first sync: requests %d (minimum 3: home listing, sync-collection, one "
                "multiget; with batches of %d: %d), wall %.2f s (storing %.2f s), %d events\n",
        engineFirst, kBatch, engineBatched, engineFirstS, engine.storeNanoseconds() / 1e9,
        countEvents());
    check(ok && countEvents() == events, "every event stored through the engine");
    check(engineFirst == engineBatched, "requests = home listing + sync-collection + batches");

    body = server.getObject(one, &etag);
    body.replace("SUMMARY:Event 42 (renamed)", "SUMMARY:Event 42 (renamed again)");
    server.putObject(one, body, etag);
    before = engine.requestCount(account.id);
    wall.restart();
    ok = syncOnce();
    const double engineSecondMs = wall.nsecsElapsed() / 1e6;
    const int engineSecond = engine.requestCount(account.id) - before;
    std::printf("  one change elsewhere: requests %d (minimum 3: home listing, sync-collection, "
                "multiget), wall %.1f ms\n",
        engineSecond, engineSecondMs);
    check(ok && engineSecond == 3, "incremental requests through the engine = 3");

    before = engine.requestCount(account.id);
    wall.restart();
    ok = syncOnce();
    const int engineThird = engine.requestCount(account.id) - before;
    std::printf("  nothing changed: requests %d (the home listing only), wall %.1f ms\n",
        engineThird, wall.nsecsElapsed() / 1e6);
    check(ok && engineThird == 1, "an unchanged calendar costs only the home listing");

    // One edit here: outbox → GET + PUT If-Match, then the next pull sees it (3 requests).
    auto all = store2.eventsInCalendar(calId);
    std::optional<Event> edit;
    if (all) {
        for (const Event &e : *all) {
            if (!e.isRecurring() && e.recurringEventId.isEmpty()) {
                edit = e;
                break;
            }
        }
    }
    if (!edit) {
        std::fprintf(stderr, "no event to edit\n");
        return 1;
    }
    edit->title = QStringLiteral("Edited in Kairos");
    before = engine.requestCount(account.id);
    wall.restart();
    // The write starts a run by itself (flush, then the pull): wait for it to end.
    const bool queued = engine.updateEvent(*edit).hasValue();
    ok = syncOnce(false);
    const int engineWrite = engine.requestCount(account.id) - before;
    std::printf("  one edit here: requests %d (GET + PUT If-Match, then listing, "
                "sync-collection, multiget = 5), wall %.1f ms\n",
        engineWrite, wall.nsecsElapsed() / 1e6);
    check(queued && ok && engine.pendingWrites() == 0, "the edit reached the server");
    check(engineWrite == 5, "an edit costs 2 requests, its pull 3");
    return g_failed ? 1 : 0;
}
