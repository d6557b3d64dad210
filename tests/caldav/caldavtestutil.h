#pragma once
// Shared by the CalDAV tests: a real server (support/davserver.h), an in-memory vault holding
// the account's password, AuthorizedClient and CalDavClient for it, and a way to wait for a
// callback-style call without sleeping.

#include "auth/authorizedclient.h"
#include "auth/providerconfig.h"
#include "auth/tokenset.h"
#include "auth/tokenvault.h"
#include "providers/caldav/caldavclient.h"
#include "support/davserver.h"
#include "support/inmemoryvault.h"

#include <QTest>

#include <memory>
#include <optional>

namespace kairos::test {

//! Runs `start(done)` and waits for `done`'s result.
template <typename T, typename Start>
std::optional<Expected<T>> await(Start start, int timeoutMs = 30000)
{
    auto result = std::make_shared<std::optional<Expected<T>>>();
    start([result](Expected<T> r) { *result = std::move(r); });
    // Runs the event loop until the answer is there (no sleep); nullopt: it never came.
    if (!QTest::qWaitFor([&result]() { return result->has_value(); }, timeoutMs))
        qWarning("no answer within %d ms", timeoutMs);
    return *result;
}

struct CalDavAccount {
    InMemoryVault vault;
    std::unique_ptr<AuthorizedClient> auth;
    std::unique_ptr<caldav::CalDavClient> dav;
    QString id;

    CalDavAccount(
        const DavServer &server, const QString &accountId, const QString &password = QString())
        : id(accountId)
    {
        PasswordCredentials c { server.user(), password.isEmpty() ? server.password() : password };
        auto w = vault.write(ITokenVault::tokenKey(QStringLiteral("caldav"), id), c.toJson());
        QTRY_VERIFY(w.isFinished());
        auth = std::make_unique<AuthorizedClient>(vault);
        auth->setBackoff([](int, qint64) { return 1; });
        auth->setRequestTimeoutMs(10000);
        ProviderConfig config = ProviderConfig::load(Provider::CalDav, {}, {});
        config.apiBase = server.baseUrl();
        auth->addAccount(id, config);
        dav = std::make_unique<caldav::CalDavClient>(*auth, id);
        dav->setDnsLookup(false);
    }
};

inline DavServer::Kind kindFromName(const QByteArray &name)
{
    return name == "xandikos" ? DavServer::Kind::Xandikos : DavServer::Kind::Radicale;
}

} // namespace kairos::test
