// The authorised request path's overhead with a valid token, against a plain
// QNetworkAccessManager request to the same local fake; and callback → "connected" time.
#include "auth/accountmanager.h"
#include "auth/oauthflow.h"
#include "fakebrowser.h"
#include "fakeoauthserver.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/inmemoryvault.h"
#include "support/testenv.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <benchmark/benchmark.h>

#include <memory>

using namespace kairos;

namespace {

struct Env {
    test::TempHome home;
    Profile profile { QStringLiteral("bench") };
    test::InMemoryVault vault;
    std::unique_ptr<Database> db;
    std::unique_ptr<EventStore> store;
    fake::FakeOAuthServer server { Provider::Google };
    fake::FakeBrowser browser;
    std::unique_ptr<AccountManager> manager;
    QString accountId;
    QString accessToken;

    Env()
    {
        (void)profile.ensureDirs();
        auto opened
            = Database::open(profile.databasePath(), profile.backupDir(), QStringLiteral("bench"));
        db = std::move(opened.value());
        store = std::make_unique<EventStore>(*db);
        server.listen();
        manager = std::make_unique<AccountManager>(profile, *store, vault);
        ProviderConfig c = ProviderConfig::load(Provider::Google, {}, {});
        c.clientId = server.clientId();
        c.clientSecret = server.clientSecret();
        c.authorizeUrl = server.authorizeUrl();
        c.tokenUrl = server.tokenUrl();
        c.revokeUrl = server.revokeUrl();
        c.userInfoUrl = server.userInfoUrl();
        c.apiBase = server.apiBase();
        manager->setProviderConfig(c);
        QObject::connect(manager.get(), &AccountManager::authorizeWithBrowser, &browser,
            [this](const QUrl &u) { browser.open(u); });
    }

    // Runs one connect; returns microseconds from the callback to connectFinished.
    double connectOnce()
    {
        QElapsedTimer timer;
        bool done = false;
        QObject ctx;
        QObject::connect(manager.get(), &AccountManager::connectStarted, &ctx, [&]() {
            QObject::connect(manager->currentFlow(), &OAuthFlow::callbackReceived, &ctx,
                [&]() { timer.start(); });
        });
        QObject::connect(
            manager.get(), &AccountManager::connectFinished, &ctx, [&](const Expected<Account> &r) {
                done = true;
                if (r)
                    accountId = r->id;
            });
        manager->connectProvider(Provider::Google);
        while (!done)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        return double(timer.nsecsElapsed()) / 1000.0;
    }
};

Env *env = nullptr;

void BM_PlainRequest(benchmark::State &state)
{
    QNetworkAccessManager nam;
    const QString token = TokenSet::fromJson(
        env->vault.value(ITokenVault::tokenKey(QStringLiteral("google"), env->accountId)))
                              ->accessToken;
    QNetworkRequest req(env->server.apiBase().resolved(QUrl(QStringLiteral("ping"))));
    req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    req.setRawHeader("Accept", "application/json");
    for (auto _ : state) {
        QNetworkReply *r = nam.get(req);
        while (!r->isFinished())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        benchmark::DoNotOptimize(r->readAll());
        r->deleteLater();
    }
}

void BM_AuthorizedRequest(benchmark::State &state)
{
    AuthorizedClient *client = env->manager->client();
    for (auto _ : state) {
        auto f = client->get(env->accountId, QUrl(QStringLiteral("ping")));
        while (!f.isFinished())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        benchmark::DoNotOptimize(f.result());
    }
}

void BM_CallbackToConnected(benchmark::State &state)
{
    for (auto _ : state)
        state.SetIterationTime(env->connectOnce() / 1e6);
}

} // namespace

BENCHMARK(BM_PlainRequest)->Unit(benchmark::kMicrosecond)->MinTime(1.0);
BENCHMARK(BM_AuthorizedRequest)->Unit(benchmark::kMicrosecond)->MinTime(1.0);
BENCHMARK(BM_CallbackToConnected)->Unit(benchmark::kMicrosecond)->UseManualTime()->Iterations(50);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Env e;
    env = &e;
    e.connectOnce();
    // Warm both paths (connections, token cache) before measuring.
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    env = nullptr;
    return 0;
}
