#include "auth/accountmanager.h"

#include "auth/oauthflow.h"
#include "auth/tokenvault.h"
#include "core/clock.h"
#include "core/futures.h"
#include "core/logging.h"
#include "store/eventstore.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPromise>
#include <QUrlQuery>
#include <QUuid>

namespace kairos {

namespace {
// The accounts table has NOT NULL text columns; a null QString binds as NULL.
Account storable(Account a)
{
    for (QString *s : { &a.email, &a.displayName, &a.statusReason }) {
        if (s->isNull())
            *s = QStringLiteral("");
    }
    return a;
}
} // namespace

AccountManager::AccountManager(
    Profile profile, EventStore &store, ITokenVault &vault, QObject *parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_store(store)
    , m_vault(vault)
    , m_client(new AuthorizedClient(vault, this))
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setTransferTimeout(30000);
    // Other processes on this profile (desktop app, kairos-cli mcp / sync) refresh the same
    // accounts: one refresh at a time per account, across processes.
    m_client->setRefreshLockDir(m_profile.dataDir());
    for (Provider p : { Provider::Google, Provider::Microsoft, Provider::CalDav })
        m_configs.insert(int(p), ProviderConfig::load(p, m_profile));
    connect(m_client, &AuthorizedClient::statusChanged, this, &AccountManager::onClientStatus);
    reload();
}

AccountManager::~AccountManager()
{
    if (m_flow)
        m_flow->disconnect(this);
}

void AccountManager::reload()
{
    m_accounts = m_store.accounts().valueOr({});
    for (const Account &a : std::as_const(m_accounts)) {
        if (!m_client->hasAccount(a.id))
            m_client->addAccount(a.id, configFor(a));
        if (a.status == Account::Status::NeedsReconnect)
            m_client->markNeedsReconnect(a.id, a.statusReason);
    }
}

void AccountManager::setProviderConfig(const ProviderConfig &config)
{
    m_configs.insert(int(config.provider), config);
    // Accounts already registered keep talking to the right endpoints.
    for (const Account &a : std::as_const(m_accounts)) {
        if (a.provider == config.provider) {
            ProviderConfig own = config;
            if (own.usesPassword())
                own.apiBase = QUrl(a.serverUrl);
            m_client->removeAccount(a.id);
            m_client->addAccount(a.id, own);
            if (a.status == Account::Status::NeedsReconnect)
                m_client->markNeedsReconnect(a.id, a.statusReason);
        }
    }
}

ProviderConfig AccountManager::providerConfig(Provider provider) const
{
    return m_configs.value(int(provider));
}

ProviderConfig AccountManager::configFor(const Account &account) const
{
    ProviderConfig c = providerConfig(account.provider);
    if (c.usesPassword())
        c.apiBase = QUrl(account.serverUrl);
    return c;
}

std::optional<Account> AccountManager::account(const QString &id) const
{
    for (const Account &a : m_accounts) {
        if (a.id == id)
            return a;
    }
    return std::nullopt;
}

void AccountManager::setFlowTimeouts(int callbackMs, int tokenMs)
{
    m_callbackTimeoutMs = callbackMs;
    m_tokenTimeoutMs = tokenMs;
    m_client->setTokenTimeoutMs(tokenMs);
}

void AccountManager::connectProvider(Provider provider)
{
    if (provider != Provider::CalDav) {
        beginFlow(provider, {});
        return;
    }
    // Password accounts (CalDAV) have no browser flow: they are added with a server, a user
    // name and a password.
    QMetaObject::invokeMethod(
        this,
        [this]() {
            Q_EMIT connectFinished(makeError(Error::Code::InvalidInput,
                QStringLiteral("a CalDAV account is added with its server and password")));
        },
        Qt::QueuedConnection);
}

void AccountManager::reconnect(const QString &accountId)
{
    const auto a = account(accountId);
    if (!a) {
        QMetaObject::invokeMethod(
            this,
            [this]() {
                Q_EMIT connectFinished(
                    makeError(Error::Code::NotFound, QStringLiteral("unknown account")));
            },
            Qt::QueuedConnection);
        return;
    }
    if (providerConfig(a->provider).usesPassword()) {
        QMetaObject::invokeMethod(
            this, [this, accountId]() { Q_EMIT passwordNeeded(accountId); }, Qt::QueuedConnection);
        return;
    }
    beginFlow(a->provider, accountId);
}

void AccountManager::cancelConnect()
{
    if (m_flow)
        m_flow->cancel();
}

void AccountManager::beginFlow(Provider provider, const QString &reconnectId)
{
    if (m_flow)
        m_flow->cancel(); // one flow at a time: the newer click wins
    auto *flow = new OAuthFlow(providerConfig(provider), this);
    m_flow = flow;
    flow->setSuccessPage(m_successPage);
    flow->setCallbackTimeoutMs(m_callbackTimeoutMs);
    flow->setTokenTimeoutMs(m_tokenTimeoutMs);
    connect(flow, &OAuthFlow::authorizeWithBrowser, this, &AccountManager::authorizeWithBrowser);
    connect(flow, &OAuthFlow::finished, this,
        [this, flow, provider, reconnectId](const Expected<TokenSet> &r) {
            flow->deleteLater();
            if (m_flow == flow)
                m_flow = nullptr;
            if (!r) {
                Q_EMIT connectFinished(r.error());
                return;
            }
            onTokens(provider, reconnectId, *r);
        });
    Q_EMIT connectStarted(provider, reconnectId);
    flow->start();
}

void AccountManager::onTokens(Provider provider, const QString &reconnectId, const TokenSet &tokens)
{
    const ProviderConfig config = providerConfig(provider);
    QNetworkRequest req(config.userInfoUrl);
    req.setRawHeader("Authorization", "Bearer " + tokens.accessToken.toLatin1());
    req.setRawHeader("Accept", "application/json");
    // Qt 6.4 forwards the bearer on redirects, to any origin: none are followed.
    req.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_nam->get(req);
    connect(reply, &QNetworkReply::finished, this, [=, this]() {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            finishConnect(
                makeError(status == 0 ? Error::Code::NetworkError : Error::Code::ProtocolError,
                    QStringLiteral("user info: http %1").arg(status)));
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        QString email, name;
        if (provider == Provider::Google) {
            email = o.value(QStringLiteral("email")).toString();
            name = o.value(QStringLiteral("name")).toString();
        } else {
            email = o.value(QStringLiteral("mail")).toString();
            if (email.isEmpty())
                email = o.value(QStringLiteral("userPrincipalName")).toString();
            name = o.value(QStringLiteral("displayName")).toString();
        }
        if (email.isEmpty()) {
            finishConnect(
                makeError(Error::Code::ProtocolError, QStringLiteral("no e-mail in user info")));
            return;
        }

        Account account;
        if (!reconnectId.isEmpty()) {
            const auto existing = this->account(reconnectId);
            if (!existing) {
                finishConnect(
                    makeError(Error::Code::NotFound, QStringLiteral("account removed meanwhile")));
                return;
            }
            if (existing->email.compare(email, Qt::CaseInsensitive) != 0) {
                finishConnect(makeError(
                    Error::Code::Conflict, QStringLiteral("signed in as another account")));
                return;
            }
            account = *existing;
        } else {
            bool found = false;
            for (const Account &a : std::as_const(m_accounts)) {
                if (a.provider == provider && a.email.compare(email, Qt::CaseInsensitive) == 0) {
                    account = a; // connecting the same account again refreshes it
                    found = true;
                }
            }
            if (!found) {
                account.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
                account.provider = provider;
                account.connectedAt = Clock::nowUtc();
            }
        }
        account.email = email;
        if (!name.isEmpty())
            account.displayName = name;
        account.status = Account::Status::Connected;
        account.statusReason.clear();

        const QString key = ITokenVault::tokenKey(config.id(), account.id);
        onFinished(m_vault.write(key, tokens.toJson()), this,
            [this, account, tokens, config](const Expected<void> &w) {
                if (!w) {
                    finishConnect(w.error()); // never fall back: nothing is saved
                    return;
                }
                if (auto s = m_store.saveAccount(storable(account)); !s) {
                    m_vault.remove(ITokenVault::tokenKey(config.id(), account.id));
                    finishConnect(s.error());
                    return;
                }
                if (!m_client->hasAccount(account.id))
                    m_client->addAccount(account.id, config);
                m_client->resetAccount(account.id, tokens);
                m_accounts = m_store.accounts().valueOr({});
                qCInfo(lcAuth) << "account" << account.id << "connected";
                Q_EMIT accountsChanged();
                Q_EMIT accountStatusChanged(account.id, Account::Status::Connected, {});
                finishConnect(account);
            });
    });
}

void AccountManager::finishConnect(const Expected<Account> &result)
{
    Q_EMIT connectFinished(result);
}

void AccountManager::onClientStatus(
    const QString &id, Account::Status status, const QString &reason)
{
    for (Account &a : m_accounts) {
        if (a.id != id)
            continue;
        a.status = status;
        a.statusReason = status == Account::Status::NeedsReconnect ? reason : QString();
        // Transient states are not worth a write; the ones that survive a restart are.
        if (status != Account::Status::Refreshing)
            m_store.saveAccount(storable(a));
        Q_EMIT accountStatusChanged(id, status, a.statusReason);
        return;
    }
}

QFuture<Expected<void>> AccountManager::disconnectAccount(const QString &accountId)
{
    auto promise = std::make_shared<QPromise<Expected<void>>>();
    promise->start();
    QFuture<Expected<void>> future = promise->future();
    auto finish = [promise](Expected<void> r) {
        promise->addResult(std::move(r));
        promise->finish();
    };
    const auto a = account(accountId);
    if (!a) {
        finish(makeError(Error::Code::NotFound, QStringLiteral("unknown account")));
        return future;
    }
    const ProviderConfig config = providerConfig(a->provider);
    const QString key = ITokenVault::tokenKey(config.id(), accountId);

    auto removeLocal = [this, key, accountId, finish]() {
        onFinished(m_vault.remove(key), this, [this, accountId, finish](const Expected<void> &r) {
            if (!r) {
                finish(r.error());
                return;
            }
            m_client->removeAccount(accountId);
            if (auto s = m_store.removeAccount(accountId); !s) {
                finish(s.error());
                return;
            }
            m_accounts = m_store.accounts().valueOr({});
            qCInfo(lcAuth) << "account" << accountId << "disconnected";
            Q_EMIT accountsChanged();
            finish({});
        });
    };

    onFinished(m_vault.read(key), this,
        [this, config, removeLocal, accountId](const Expected<QByteArray> &r) {
            std::optional<TokenSet> tokens = r ? TokenSet::fromJson(*r) : std::nullopt;
            const QString token = tokens
                ? (tokens->refreshToken.isEmpty() ? tokens->accessToken : tokens->refreshToken)
                : QString();
            if (config.revokeUrl.isEmpty() || token.isEmpty()) {
                removeLocal();
                return;
            }
            // Google: POST token=… form-encoded; revoking the refresh token ends the grant.
            QNetworkRequest req(config.revokeUrl);
            req.setHeader(QNetworkRequest::ContentTypeHeader,
                QByteArrayLiteral("application/x-www-form-urlencoded"));
            QNetworkReply *reply = m_nam->post(req, "token=" + QUrl::toPercentEncoding(token));
            connect(reply, &QNetworkReply::finished, this, [reply, removeLocal, accountId]() {
                reply->deleteLater();
                if (reply->error() != QNetworkReply::NoError)
                    qCWarning(lcAuth)
                        << "revocation for" << accountId << "failed:"
                        << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                removeLocal(); // the local copy goes regardless
            });
        });
    return future;
}

QFuture<Expected<void>> AccountManager::storePassword(
    const QString &accountId, const PasswordCredentials &credentials, const QUrl &server)
{
    auto promise = std::make_shared<QPromise<Expected<void>>>();
    promise->start();
    QFuture<Expected<void>> future = promise->future();
    if (!credentials.isValid() || !server.isValid() || server.isRelative()) {
        promise->addResult(makeError(
            Error::Code::InvalidInput, QStringLiteral("a server, a user name and a password")));
        promise->finish();
        return future;
    }
    const ProviderConfig base = providerConfig(Provider::CalDav);
    const QString key = ITokenVault::tokenKey(base.id(), accountId);
    onFinished(m_vault.write(key, credentials.toJson()), this,
        [this, accountId, server, base, promise](const Expected<void> &w) {
            if (w) {
                ProviderConfig config = base;
                config.apiBase = server;
                m_client->removeAccount(accountId);
                m_client->addAccount(accountId, config);
                m_client->resetAccount(accountId);
            }
            promise->addResult(w);
            promise->finish();
        });
    return future;
}

Expected<Account> AccountManager::savePasswordAccount(Account account)
{
    account.status = Account::Status::Connected;
    account.statusReason.clear();
    if (!account.connectedAt.isValid())
        account.connectedAt = Clock::nowUtc();
    if (auto s = m_store.saveAccount(storable(account)); !s) {
        finishConnect(s.error());
        return s.error();
    }
    m_client->removeAccount(account.id);
    m_client->addAccount(account.id, configFor(account));
    m_client->resetAccount(account.id);
    m_accounts = m_store.accounts().valueOr({});
    qCInfo(lcAuth) << "account" << account.id << "connected";
    Q_EMIT accountsChanged();
    Q_EMIT accountStatusChanged(account.id, Account::Status::Connected, {});
    finishConnect(account);
    return account;
}

void AccountManager::abandonPassword(const QString &accountId, const Error &error)
{
    if (accountId.isEmpty()) {
        finishConnect(error);
        return;
    }
    if (const auto a = account(accountId)) {
        // A saved account keeps its entry (the new password was refused or unreachable); its
        // requests go back to the stored server.
        m_client->removeAccount(accountId);
        m_client->addAccount(accountId, configFor(*a));
        if (a->status == Account::Status::NeedsReconnect)
            m_client->markNeedsReconnect(accountId, a->statusReason);
    } else {
        m_client->removeAccount(accountId);
        m_vault.remove(ITokenVault::tokenKey(providerConfig(Provider::CalDav).id(), accountId));
    }
    finishConnect(error);
}

} // namespace kairos
