#pragma once
// Shared set-up of the OAuth tests: a temporary profile with its database, a vault, the fake
// authorization servers for both providers, an AccountManager pointed at them and a fake
// browser that follows the authorization URL.

#include "auth/accountmanager.h"
#include "auth/oauthflow.h"
#include "auth/tokenvault.h"
#include "fakebrowser.h"
#include "fakeoauthserver.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/testenv.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <optional>

namespace kairos::test {

inline ProviderConfig configFor(const fake::FakeOAuthServer &server)
{
    ProviderConfig c = ProviderConfig::load(server.provider(), {}, {});
    c.clientId = server.clientId();
    c.clientSecret = server.clientSecret();
    c.authorizeUrl = server.authorizeUrl();
    c.tokenUrl = server.tokenUrl();
    c.revokeUrl = server.provider() == Provider::Google ? server.revokeUrl() : QUrl();
    c.userInfoUrl = server.userInfoUrl();
    c.apiBase = server.apiBase();
    return c;
}

struct AuthFixture {
    explicit AuthFixture(ITokenVault &vault, const QString &profileName = QStringLiteral("t"))
        : profile(profileName)
        , vault(vault)
    {
        QVERIFY(profile.ensureDirs().hasValue());
        auto opened = Database::open(
            profile.databasePath(), profile.backupDir(), QStringLiteral("auth-") + profileName);
        QVERIFY(opened.hasValue());
        db = std::move(*opened);
        store = std::make_unique<EventStore>(*db);
        QVERIFY(google.listen());
        QVERIFY(microsoft.listen());
        manager = std::make_unique<AccountManager>(profile, *store, vault);
        manager->setProviderConfig(configFor(google));
        manager->setProviderConfig(configFor(microsoft));
        manager->setSuccessPage(QStringLiteral("Kairos is connected - you can close this tab"));
        manager->setFlowTimeouts(3000, 1500);
        QObject::connect(manager.get(), &AccountManager::authorizeWithBrowser, &browser,
            [this](const QUrl &u) { browser.open(u); });
    }

    //! Runs connect (or reconnect) to the end and returns the result.
    Expected<Account> runConnect(Provider p, const QString &reconnectId = {}, int ms = 8000)
    {
        std::optional<Expected<Account>> result;
        QObject context;
        QObject::connect(manager.get(), &AccountManager::connectFinished, &context,
            [&result](const Expected<Account> &r) { result = r; });
        if (reconnectId.isEmpty())
            manager->connectProvider(p);
        else
            manager->reconnect(reconnectId);
        QDeadlineTimer deadline(ms);
        while (!result && !deadline.hasExpired())
            QTest::qWait(5);
        if (!result)
            return makeError(Error::Code::Internal, QStringLiteral("no connectFinished"));
        return *result;
    }

    fake::FakeOAuthServer &server(Provider p) { return p == Provider::Google ? google : microsoft; }

    Profile profile;
    ITokenVault &vault;
    std::unique_ptr<Database> db;
    std::unique_ptr<EventStore> store;
    fake::FakeOAuthServer google { Provider::Google };
    fake::FakeOAuthServer microsoft { Provider::Microsoft };
    fake::FakeBrowser browser;
    std::unique_ptr<AccountManager> manager;
};

} // namespace kairos::test
