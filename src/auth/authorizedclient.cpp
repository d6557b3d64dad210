#include "auth/authorizedclient.h"

#include "auth/oauthflow.h"
#include "auth/refreshlock.h"
#include "auth/tokenvault.h"
#include "core/clock.h"
#include "core/futures.h"
#include "core/logging.h"

#include <QHostAddress>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QPromise>
#include <QQueue>
#include <QRandomGenerator>
#include <QTimer>

namespace kairos {

struct AuthorizedClient::Pending {
    ApiRequest request;
    QPromise<Expected<ApiResponse>> promise;
    bool retried401 = false;
    int retries = 0;
};

struct AuthorizedClient::Session {
    QString id;
    ProviderConfig config;
    QString key;
    std::optional<TokenSet> tokens;
    //! Password accounts (CalDAV): the credentials instead of tokens; no refresh.
    std::optional<PasswordCredentials> password;
    bool usesPassword() const { return config.usesPassword(); }
    bool loading = false;
    bool refreshing = false;
    QList<TokenCallback> waiters;
    QQueue<std::shared_ptr<Pending>> queue;
    int inFlight = 0;
    bool needsReconnect = false;
    QString reason;
    Account::Status status = Account::Status::Connected;
    int refreshes = 0;
    int adopted = 0;
    RefreshLock *lock = nullptr; //!< created on the first refresh when a lock folder is set
    bool removed = false;
};

QByteArray ApiResponse::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

AuthorizedClient::AuthorizedClient(ITokenVault &vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_nam(new QNetworkAccessManager(this))
{
    // Qt 6.4 keeps a raw Authorization header across redirects, to any origin: a redirect is
    // an answer like any other (the providers' APIs do not redirect).
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

bool AuthorizedClient::sameOrigin(const QUrl &a, const QUrl &b)
{
    auto port = [](const QUrl &u) {
        return u.port(
            u.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80);
    };
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0
        && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 && port(a) == port(b);
}

bool AuthorizedClient::passwordSibling(const QUrl &url, const QUrl &apiBase)
{
    const auto https = [](const QUrl &u) {
        return u.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
    };
    if (!https(url) || !https(apiBase))
        return false;
    const QString host = url.host().toLower();
    const QString base = apiBase.host().toLower();
    const qsizetype dot = base.indexOf(QLatin1Char('.'));
    if (dot < 0)
        return false;
    const QString parent = base.mid(dot + 1);
    if (!parent.contains(QLatin1Char('.')))
        return false; // "dav.com" → not every *.com
    return host == parent || host.endsWith(QLatin1Char('.') + parent);
}

AuthorizedClient::~AuthorizedClient()
{
    const auto ids = m_sessions.keys();
    for (const QString &id : ids)
        removeAccount(id);
}

int AuthorizedClient::defaultBackoff(int attempt, qint64 retryAfterMs)
{
    auto *rng = QRandomGenerator::global();
    if (retryAfterMs >= 0) {
        const qint64 capped = std::min<qint64>(retryAfterMs, 120000);
        return int(capped + rng->bounded(int(capped / 5) + 1));
    }
    const qint64 ceiling = std::min<qint64>(60000, 1000LL << std::min(attempt - 1, 6));
    return int(ceiling / 2 + rng->bounded(int(ceiling / 2) + 1));
}

qint64 AuthorizedClient::parseRetryAfter(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return -1;
    bool ok = false;
    const qint64 secs = v.toLongLong(&ok);
    if (ok)
        return secs >= 0 ? secs * 1000 : -1;
    QString date = QString::fromLatin1(v);
    if (date.endsWith(
            QLatin1String(" GMT"))) // HTTP dates say GMT; Qt's RFC 2822 parser wants +0000
        date = date.chopped(4) + QStringLiteral(" +0000");
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return std::max<qint64>(0, Clock::nowUtc().msecsTo(when));
}

void AuthorizedClient::addAccount(const QString &accountId, const ProviderConfig &config)
{
    auto s = std::make_shared<Session>();
    s->id = accountId;
    s->config = config;
    s->key = ITokenVault::tokenKey(config.id(), accountId);
    m_sessions.insert(accountId, s);
}

void AuthorizedClient::removeAccount(const QString &accountId)
{
    auto s = m_sessions.take(accountId);
    if (!s)
        return;
    s->removed = true;
    delete s->lock; // releases the file lock if held
    s->lock = nullptr;
    const Error gone = makeError(Error::Code::NotFound, QStringLiteral("account removed"));
    finishTokenWait(s, gone);
    while (!s->queue.isEmpty()) {
        auto p = s->queue.dequeue();
        p->promise.addResult(gone);
        p->promise.finish();
    }
}

bool AuthorizedClient::hasAccount(const QString &accountId) const
{
    return m_sessions.contains(accountId);
}

QUrl AuthorizedClient::apiBase(const QString &accountId) const
{
    const auto s = m_sessions.value(accountId);
    return s ? s->config.apiBase : QUrl();
}

void AuthorizedClient::resetAccount(const QString &accountId, const std::optional<TokenSet> &tokens)
{
    auto s = session(accountId);
    if (!s)
        return;
    s->tokens = tokens;
    s->password.reset(); // a password account re-reads the keychain on its next request
    s->needsReconnect = false;
    s->reason.clear();
    setStatus(s, Account::Status::Connected, {});
}

void AuthorizedClient::markNeedsReconnect(const QString &accountId, const QString &reason)
{
    if (auto s = session(accountId)) {
        s->needsReconnect = true;
        s->reason = reason;
        setStatus(s, Account::Status::NeedsReconnect, reason);
    }
}

Account::Status AuthorizedClient::status(const QString &accountId) const
{
    auto s = session(accountId);
    return s ? s->status : Account::Status::NeedsReconnect;
}

int AuthorizedClient::refreshCount(const QString &accountId) const
{
    auto s = session(accountId);
    return s ? s->refreshes : 0;
}

int AuthorizedClient::adoptedCount(const QString &accountId) const
{
    auto s = session(accountId);
    return s ? s->adopted : 0;
}

void AuthorizedClient::setStatus(
    const std::shared_ptr<Session> &s, Account::Status status, const QString &reason)
{
    if (s->status == status && s->reason == reason)
        return;
    s->status = status;
    if (status != Account::Status::NeedsReconnect)
        s->reason = reason;
    Q_EMIT statusChanged(s->id, status, reason);
}

QFuture<Expected<ApiResponse>> AuthorizedClient::send(const QString &accountId, ApiRequest request)
{
    auto p = std::make_shared<Pending>();
    p->request = std::move(request);
    p->promise.start();
    QFuture<Expected<ApiResponse>> future = p->promise.future();
    auto s = session(accountId);
    if (!s) {
        p->promise.addResult(makeError(Error::Code::NotFound, QStringLiteral("unknown account")));
        p->promise.finish();
        return future;
    }
    if (s->needsReconnect) {
        p->promise.addResult(makeError(Error::Code::NeedsReconnect, s->reason));
        p->promise.finish();
        return future;
    }
    s->queue.enqueue(p);
    pump(s);
    return future;
}

void AuthorizedClient::pump(const std::shared_ptr<Session> &s)
{
    while (!s->removed && s->inFlight < m_maxInFlight && !s->queue.isEmpty()) {
        auto p = s->queue.dequeue();
        ++s->inFlight;
        start(s, p);
    }
}

void AuthorizedClient::start(const std::shared_ptr<Session> &s, const std::shared_ptr<Pending> &p)
{
    ensureToken(s, false, {}, [this, s, p](const Expected<void> &ok) {
        if (!ok)
            complete(s, p, ok.error());
        else
            transmit(s, p);
    });
}

void AuthorizedClient::ensureToken(
    const std::shared_ptr<Session> &s, bool force, const QString &usedToken, TokenCallback cb)
{
    if (s->needsReconnect) {
        cb(makeError(Error::Code::NeedsReconnect, s->reason));
        return;
    }
    if (s->usesPassword()) {
        // Nothing to refresh: the stored password is good until the server refuses it.
        if (s->password) {
            cb({});
            return;
        }
        s->waiters.append(std::move(cb));
        loadTokens(s);
        return;
    }
    if (!s->tokens) {
        // First use: one vault read, then everyone re-evaluates.
        s->waiters.append([this, s, force, usedToken, cb](const Expected<void> &r) {
            if (!r)
                cb(r);
            else
                ensureToken(s, force, usedToken, cb);
        });
        loadTokens(s);
        return;
    }
    const bool stale = s->tokens->expiresWithin(Clock::nowUtc(), m_skewSecs);
    // A 401 with a token that has since been replaced just retries with the new one.
    const bool rejected = force && usedToken == s->tokens->accessToken;
    if (!s->refreshing && !stale && !rejected) {
        cb({});
        return;
    }
    s->waiters.append(std::move(cb));
    if (!s->refreshing)
        startRefresh(s);
}

void AuthorizedClient::loadTokens(const std::shared_ptr<Session> &s)
{
    if (s->loading)
        return;
    s->loading = true;
    onFinished(m_vault.read(s->key), this, [this, s](const Expected<QByteArray> &r) {
        s->loading = false;
        if (s->removed)
            return;
        if (!r) {
            if (r.error().code == Error::Code::NotFound) {
                s->needsReconnect = true;
                s->reason = QStringLiteral("no_stored_token");
                setStatus(s, Account::Status::NeedsReconnect, s->reason);
                finishTokenWait(s, makeError(Error::Code::NeedsReconnect, s->reason));
            } else {
                finishTokenWait(s, r.error());
            }
            return;
        }
        if (s->usesPassword()) {
            auto c = PasswordCredentials::fromJson(*r);
            if (!c) {
                s->needsReconnect = true;
                s->reason = QStringLiteral("unreadable_stored_token");
                setStatus(s, Account::Status::NeedsReconnect, s->reason);
                finishTokenWait(s, makeError(Error::Code::NeedsReconnect, s->reason));
                return;
            }
            s->password = *c;
            finishTokenWait(s, {});
            return;
        }
        auto t = TokenSet::fromJson(*r);
        if (!t) {
            s->needsReconnect = true;
            s->reason = QStringLiteral("unreadable_stored_token");
            setStatus(s, Account::Status::NeedsReconnect, s->reason);
            finishTokenWait(s, makeError(Error::Code::NeedsReconnect, s->reason));
            return;
        }
        if (!s->tokens) // a reconnect may have primed newer tokens meanwhile
            s->tokens = *t;
        finishTokenWait(s, {});
    });
}

void AuthorizedClient::finishTokenWait(
    const std::shared_ptr<Session> &s, const Expected<void> &result)
{
    const QList<TokenCallback> waiters = std::exchange(s->waiters, {});
    for (const TokenCallback &w : waiters)
        w(result);
}

void AuthorizedClient::startRefresh(const std::shared_ptr<Session> &s)
{
    s->refreshing = true;
    setStatus(s, Account::Status::Refreshing, {});
    if (m_lockDir.isEmpty()) {
        runRefresh(s);
        return;
    }
    if (!s->lock)
        s->lock = new RefreshLock(m_lockDir, s->id, this);
    qCDebug(lcAuth) << "taking the refresh lock for" << s->id;
    s->lock->acquire(m_lockWaitMs, [this, s](const Expected<void> &held) {
        if (s->removed)
            return;
        if (!held) {
            if (held.error().code == Error::Code::Timeout) {
                qCWarning(lcAuth) << "refresh lock for" << s->id << "still held elsewhere";
                s->refreshing = false;
                setStatus(s, Account::Status::Connected, {});
                finishTokenWait(s, held.error());
                return;
            }
            // The folder is not writable: refreshing without the lock beats not refreshing.
            qCWarning(lcAuth) << "no refresh lock for" << s->id << "- refreshing without it";
            runRefresh(s);
            return;
        }
        refreshUnderLock(s);
    });
}

void AuthorizedClient::refreshUnderLock(const std::shared_ptr<Session> &s)
{
    // Another process may have refreshed while we waited (or before we looked): its tokens
    // are in the vault. Using our copy of a rotated refresh token would fail (and could make
    // the provider revoke the whole chain).
    onFinished(m_vault.read(s->key), this, [this, s](const Expected<QByteArray> &r) {
        if (s->removed)
            return;
        if (!r && r.error().code == Error::Code::NotFound) {
            // Disconnected by another process.
            endRefresh(s);
            s->needsReconnect = true;
            s->reason = QStringLiteral("no_stored_token");
            setStatus(s, Account::Status::NeedsReconnect, s->reason);
            finishTokenWait(s, makeError(Error::Code::NeedsReconnect, s->reason));
            return;
        }
        if (r) {
            const auto stored = TokenSet::fromJson(*r);
            if (stored && stored->isValid() && (!s->tokens || *stored != *s->tokens)) {
                s->tokens = *stored;
                if (!stored->expiresWithin(Clock::nowUtc(), m_skewSecs)) {
                    ++s->adopted;
                    qCDebug(lcAuth) << "account" << s->id << "was refreshed by another process";
                    endRefresh(s);
                    setStatus(s, Account::Status::Connected, {});
                    Q_EMIT tokensRefreshed(s->id);
                    finishTokenWait(s, {});
                    return;
                }
                // Stale access token, but maybe a newer refresh token: refresh with that.
            }
        }
        runRefresh(s);
    });
}

void AuthorizedClient::endRefresh(const std::shared_ptr<Session> &s)
{
    s->refreshing = false;
    if (s->lock)
        s->lock->release();
}

void AuthorizedClient::runRefresh(const std::shared_ptr<Session> &s)
{
    ++s->refreshes;
    qCDebug(lcAuth) << "refreshing account" << s->id;
    auto *flow = new OAuthFlow(s->config, this);
    flow->setTokenTimeoutMs(m_tokenTimeoutMs);
    connect(flow, &OAuthFlow::finished, this, [this, s, flow](const Expected<TokenSet> &r) {
        flow->deleteLater();
        if (s->removed)
            return;
        if (!r) {
            endRefresh(s);
            const Error e = r.error();
            if (e.code == Error::Code::NeedsReconnect) {
                s->needsReconnect = true;
                s->reason = e.message;
                setStatus(s, Account::Status::NeedsReconnect, e.message);
            } else if (e.code == Error::Code::NetworkError || e.code == Error::Code::Timeout) {
                setStatus(s, Account::Status::Offline, e.codeName());
            } else {
                setStatus(s, Account::Status::Connected, {});
            }
            finishTokenWait(s, e);
            return;
        }
        TokenSet t = *r;
        if (t.refreshToken.isEmpty() && s->tokens)
            t.refreshToken = s->tokens->refreshToken;
        // Store at once (still under the lock): Microsoft rotates refresh tokens, and the old
        // one stops working.
        onFinished(m_vault.write(s->key, t.toJson()), this, [this, s, t](const Expected<void> &w) {
            if (!w)
                qCWarning(lcAuth) << "could not store refreshed tokens for" << s->id
                                  << w.error().codeName();
            if (s->removed)
                return;
            endRefresh(s);
            s->tokens = t;
            setStatus(s, Account::Status::Connected, {});
            Q_EMIT tokensRefreshed(s->id);
            finishTokenWait(s, {});
        });
    });
    flow->refresh(s->tokens ? s->tokens->refreshToken : QString());
}

void AuthorizedClient::transmit(
    const std::shared_ptr<Session> &s, const std::shared_ptr<Pending> &p)
{
    if (s->removed)
        return;
    const QUrl url
        = p->request.url.isRelative() ? s->config.apiBase.resolved(p->request.url) : p->request.url;
    // Absolute URLs come from responses (Graph's nextLink / deltaLink, also a stored one): the
    // token goes only to the API's own origin.
    if (!sameOrigin(url, s->config.apiBase)
        && !(s->usesPassword() && passwordSibling(url, s->config.apiBase))) {
        qCWarning(lcAuth) << "account" << s->id << "refused to send its token to"
                          << url.scheme() + QStringLiteral("://") + url.host() << "(not the API)";
        complete(s, p,
            makeError(Error::Code::ProtocolError,
                QStringLiteral("refused: %1 is not the API's origin")
                    .arg(url.adjusted(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery
                                | QUrl::RemoveFragment)
                             .toString())));
        return;
    }
    QNetworkRequest req(url);
    req.setTransferTimeout(m_requestTimeoutMs);
    req.setRawHeader("Accept", "application/json");
    bool hasType = false;
    for (const auto &h : std::as_const(p->request.headers)) {
        req.setRawHeader(h.first, h.second);
        hasType = hasType || h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
    }
    if (!hasType && !p->request.body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QString token;
    if (s->usesPassword()) {
        // A password travels only encrypted, or to this computer (tests, a local server).
        const QString host = url.host();
        const bool loopback = host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
        if (url.scheme() != QLatin1String("https")
            && !(url.scheme() == QLatin1String("http") && loopback)) {
            complete(s, p,
                makeError(Error::Code::InvalidInput,
                    QStringLiteral("refusing to send a password over %1 to %2: use https")
                        .arg(url.scheme(), host)));
            return;
        }
        req.setRawHeader("Authorization", s->password->basicAuthorization());
        // Redirects are the caller's business (CalDAV discovery follows them itself), so the
        // password never follows one to a place nobody checked.
        req.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    } else {
        token = s->tokens->accessToken;
        req.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    }

    QNetworkReply *reply = p->request.body.isEmpty() && p->request.method == "GET"
        ? m_nam->get(req)
        : m_nam->sendCustomRequest(req, p->request.method, p->request.body);
    connect(reply, &QNetworkReply::finished, this, [this, s, p, reply, token]() {
        reply->deleteLater();
        if (s->removed)
            return;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            const bool timeout = reply->error() == QNetworkReply::OperationCanceledError;
            if (!timeout)
                setStatus(s, Account::Status::Offline, QStringLiteral("network_error"));
            complete(s, p,
                makeError(timeout ? Error::Code::Timeout : Error::Code::NetworkError,
                    reply->errorString()));
            return;
        }
        if (s->status == Account::Status::Offline)
            setStatus(s, Account::Status::Connected, {});
        if (status == 401 && s->usesPassword()) {
            // The server refused the password (changed, app password revoked): the same
            // "needs reconnect" state as a refused refresh token, and no retry loop.
            s->needsReconnect = true;
            s->reason = QStringLiteral("invalid_credentials");
            s->password.reset();
            setStatus(s, Account::Status::NeedsReconnect, s->reason);
            complete(s, p, makeError(Error::Code::NeedsReconnect, s->reason));
            return;
        }
        if (status == 401) {
            if (p->retried401) {
                complete(s, p,
                    makeError(Error::Code::Unauthorised, QStringLiteral("401 after refresh")));
                return;
            }
            p->retried401 = true;
            ensureToken(s, true, token, [this, s, p](const Expected<void> &ok) {
                if (!ok)
                    complete(s, p, ok.error());
                else
                    transmit(s, p);
            });
            return;
        }
        if (status == 429 || status == 503) {
            if (p->retries >= m_maxRetries) {
                complete(s, p,
                    makeError(status == 429 ? Error::Code::RateLimited : Error::Code::ServerError,
                        QStringLiteral("gave up after %1 retries").arg(p->retries)));
                return;
            }
            ++p->retries;
            const qint64 after = parseRetryAfter(reply->rawHeader("Retry-After"));
            const int delay = m_backoff(p->retries, after);
            qCDebug(lcAuth) << "account" << s->id << "got" << status << "- retrying in" << delay
                            << "ms";
            QTimer::singleShot(delay, this, [this, s, p]() {
                if (s->removed)
                    return;
                ensureToken(s, false, {}, [this, s, p](const Expected<void> &ok) {
                    if (!ok)
                        complete(s, p, ok.error());
                    else
                        transmit(s, p);
                });
            });
            return;
        }
        ApiResponse r;
        r.status = status;
        r.body = reply->readAll();
        const auto pairs = reply->rawHeaderPairs();
        for (const auto &h : pairs)
            r.headers.append({ h.first, h.second });
        complete(s, p, std::move(r));
    });
}

void AuthorizedClient::complete(const std::shared_ptr<Session> &s,
    const std::shared_ptr<Pending> &p, Expected<ApiResponse> result)
{
    p->promise.addResult(std::move(result));
    p->promise.finish();
    --s->inFlight;
    pump(s);
}

} // namespace kairos
