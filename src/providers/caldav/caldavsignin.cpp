#include "providers/caldav/caldavsignin.h"

#include "auth/accountmanager.h"
#include "auth/tokenset.h"
#include "core/futures.h"
#include "providers/caldav/caldavclient.h"

#include <QPromise>
#include <QUuid>

#include <QPointer>

#include <memory>

namespace kairos {

const QList<CalDavPreset> &calDavPresets()
{
    // Servers and help pages as the services document them (docs/caldav.md).
    static const QList<CalDavPreset> presets {
        { QStringLiteral("icloud"), QStringLiteral("https://caldav.icloud.com/"),
            QUrl(QStringLiteral("https://support.apple.com/en-ie/102654")) },
        { QStringLiteral("fastmail"), QStringLiteral("https://caldav.fastmail.com/"), QUrl() },
        { QStringLiteral("nextcloud"), QString(), QUrl() },
        { QStringLiteral("other"), QString(), QUrl() },
    };
    return presets;
}

namespace {

//! "https://cloud.example.com" from what the user typed, for comparing servers.
QString hostOf(const QString &input)
{
    QUrl u = QUrl::fromUserInput(input.trimmed());
    return u.host().toLower();
}

} // namespace

QFuture<Expected<Account>> connectCalDav(AccountManager &manager, const CalDavSignIn &in)
{
    auto promise = std::make_shared<QPromise<Expected<Account>>>();
    promise->start();
    QFuture<Expected<Account>> future = promise->future();
    auto finish = [promise](Expected<Account> r) {
        promise->addResult(std::move(r));
        promise->finish();
    };
    const QString input = in.server.trimmed();
    const QString user = in.user.trimmed();
    if (input.isEmpty() || user.isEmpty() || in.password.isEmpty()) {
        const Error e = makeError(
            Error::Code::InvalidInput, QStringLiteral("a server, a user name and a password"));
        manager.abandonPassword(QString(), e);
        finish(e);
        return future;
    }
    QUrl start = QUrl::fromUserInput(input);
    if (!input.contains(QLatin1String("://")))
        start.setScheme(QStringLiteral("https"));
    if (!start.isValid() || start.host().isEmpty()) {
        const Error e
            = makeError(Error::Code::InvalidInput, QStringLiteral("not a server: ") + input);
        manager.abandonPassword(QString(), e);
        finish(e);
        return future;
    }

    Account account;
    if (!in.reconnectAccountId.isEmpty()) {
        const auto existing = manager.account(in.reconnectAccountId);
        if (!existing) {
            const Error e = makeError(Error::Code::NotFound, QStringLiteral("unknown account"));
            manager.abandonPassword(QString(), e);
            finish(e);
            return future;
        }
        account = *existing;
    } else {
        for (const Account &a : manager.accounts()) {
            // The same user on the same server: connecting again refreshes that account.
            if (a.provider == Provider::CalDav && a.email.compare(user, Qt::CaseInsensitive) == 0
                && hostOf(a.serverUrl) == start.host().toLower())
                account = a;
        }
        if (account.id.isEmpty()) {
            account.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            account.provider = Provider::CalDav;
        }
    }
    account.email = user;

    QPointer<AccountManager> mgr(&manager);
    const PasswordCredentials credentials { user, in.password };
    onFinished(manager.storePassword(account.id, credentials, start), &manager,
        [mgr, account, input, in, finish](const Expected<void> &stored) {
            if (!mgr)
                return finish(makeError(Error::Code::Cancelled, QStringLiteral("closing")));
            if (!stored) {
                mgr->abandonPassword(account.id, stored.error());
                return finish(stored.error());
            }
            // Owned by the manager and deleted after its last callback: the client's own
            // request watchers are its children, so it must not die inside one of them.
            auto *dav = new caldav::CalDavClient(*mgr->client(), account.id, mgr.data());
            dav->setDnsLookup(in.dnsLookup);
            dav->discover(input, [mgr, dav, account, finish](Expected<caldav::CalDavDiscovery> d) {
                dav->deleteLater();
                if (!mgr)
                    return finish(makeError(Error::Code::Cancelled, QStringLiteral("closing")));
                if (!d) {
                    mgr->abandonPassword(account.id, d.error());
                    return finish(d.error());
                }
                Account a = account;
                a.serverUrl = d->homeUrl.toString();
                if (!d->displayName.isEmpty())
                    a.displayName = d->displayName;
                finish(mgr->savePasswordAccount(a));
            });
        });
    return future;
}

} // namespace kairos
