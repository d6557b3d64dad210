#pragma once

#include "auth/providerconfig.h"
#include "auth/tokenset.h"
#include "core/expected.h"
#include "model/account.h"

#include <QFuture>
#include <QHash>
#include <QJsonDocument>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace kairos {

class ITokenVault;

//! \brief A provider API request. `url` is absolute or relative to the provider's API base.
struct ApiRequest {
    QByteArray method = "GET";
    QUrl url;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; //!< e.g. If-Match, Prefer, Content-Type

    static ApiRequest get(const QUrl &url) { return { "GET", url, {}, {} }; }
    static ApiRequest del(const QUrl &url) { return { "DELETE", url, {}, {} }; }
    static ApiRequest post(const QUrl &url, const QJsonDocument &json)
    {
        return { "POST", url, json.toJson(QJsonDocument::Compact), {} };
    }
    static ApiRequest patch(const QUrl &url, const QJsonDocument &json)
    {
        return { "PATCH", url, json.toJson(QJsonDocument::Compact), {} };
    }
    ApiRequest &header(const QByteArray &name, const QByteArray &value)
    {
        headers.append({ name, value });
        return *this;
    }
};

//! \brief What the provider answered (any status but the ones the client handles itself).
struct ApiResponse {
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;

    bool isSuccess() const { return status >= 200 && status < 300; }
    QByteArray header(const QByteArray &name) const;
    QJsonDocument json() const { return QJsonDocument::fromJson(body); }
};

//! \brief The one authorised request path for every provider call.
//!
//! Per account it: loads the tokens from the vault once; attaches `Authorization: Bearer`;
//! refreshes proactively when the access token expires within refreshSkewSecs() (by
//! kairos::Clock, so a MockClock drives it) with **at most one refresh in flight** however
//! many requests wait; on a 401 refreshes once and retries once; when the refresh is refused
//! (invalid_grant, Microsoft AADSTS700082/70008, …) moves the account to NeedsReconnect and
//! fails every waiting and later request with Error::NeedsReconnect — no loop — until
//! resetAccount(); honours 429/503 `Retry-After` (seconds or HTTP date) with jittered
//! exponential backoff; and caps requests in flight per account (4: Graph's limit).
//!
//! Result: the ApiResponse for every HTTP answer (including 4xx/5xx the caller must judge, e.g.
//! 404, 410 Gone, 412) except: a second 401 → Unauthorised; 429/503 after the last retry →
//! RateLimited / ServerError; no answer → NetworkError (account Offline) or Timeout; tokens
//! unavailable → KeychainUnavailable / NeedsReconnect.
class AuthorizedClient final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizedClient)

public:
    //! Delay before retry `attempt` (1-based); `retryAfterMs` < 0 when the server gave none.
    using BackoffFunction = std::function<int(int attempt, qint64 retryAfterMs)>;

    explicit AuthorizedClient(ITokenVault &vault, QObject *parent = nullptr);
    ~AuthorizedClient() override;

    void addAccount(const QString &accountId, const ProviderConfig &config);
    void removeAccount(const QString &accountId);
    bool hasAccount(const QString &accountId) const;
    //! The base relative request URLs of `accountId` resolve against (its ProviderConfig's
    //! apiBase; a CalDAV account's calendar home).
    QUrl apiBase(const QString &accountId) const;
    //! Forget cached tokens and any needs-reconnect state (after a reconnect).
    void resetAccount(
        const QString &accountId, const std::optional<TokenSet> &tokens = std::nullopt);
    //! Puts the account in NeedsReconnect (e.g. restored from the database).
    void markNeedsReconnect(const QString &accountId, const QString &reason);

    QFuture<Expected<ApiResponse>> send(const QString &accountId, ApiRequest request);
    QFuture<Expected<ApiResponse>> get(const QString &accountId, const QUrl &url)
    {
        return send(accountId, ApiRequest::get(url));
    }

    void setMaxInFlight(int n) { m_maxInFlight = n; }
    int maxInFlight() const { return m_maxInFlight; }
    void setRefreshSkewSecs(int s) { m_skewSecs = s; }
    int refreshSkewSecs() const { return m_skewSecs; }
    void setMaxRetries(int n) { m_maxRetries = n; }
    void setRequestTimeoutMs(int ms) { m_requestTimeoutMs = ms; }
    void setTokenTimeoutMs(int ms) { m_tokenTimeoutMs = ms; }
    void setBackoff(BackoffFunction f) { m_backoff = std::move(f); }
    //! Folder of the cross-process refresh locks (the profile's data folder; AccountManager
    //! sets it). Empty = no cross-process lock (single-process tests). With a folder, every
    //! refresh runs under RefreshLock and re-reads the vault first: when another process has
    //! refreshed meanwhile (a different refresh token, or a different unexpired access token)
    //! its tokens are used and no refresh request is made.
    void setRefreshLockDir(const QString &dir) { m_lockDir = dir; }
    QString refreshLockDir() const { return m_lockDir; }
    //! How long a refresh waits for another process's lock before failing with Timeout.
    void setRefreshLockWaitMs(int ms) { m_lockWaitMs = ms; }
    //! Same scheme, host and port (default ports filled in).
    static bool sameOrigin(const QUrl &a, const QUrl &b);
    //! Where a password account (CalDAV) may also send its password: https on the API's host
    //! or a sibling under the same parent domain (iCloud answers caldav.icloud.com with the
    //! user's pNN-caldav.icloud.com; "dav.example.com" → "*.example.com"), never a bare TLD.
    static bool passwordSibling(const QUrl &url, const QUrl &apiBase);
    //! Default: Retry-After + up to 20 % jitter, else 1 s·2^(attempt-1) with full jitter, ≤ 60 s.
    static int defaultBackoff(int attempt, qint64 retryAfterMs);
    //! Parses Retry-After (delta seconds or HTTP date); -1 if absent or invalid.
    static qint64 parseRetryAfter(const QByteArray &value);

    Account::Status status(const QString &accountId) const;
    //! Refresh requests this client sent to the token endpoint for the account.
    int refreshCount(const QString &accountId) const;
    //! Times the account took tokens another process had just refreshed (instead of refreshing).
    int adoptedCount(const QString &accountId) const;

Q_SIGNALS:
    void statusChanged(
        const QString &accountId, kairos::Account::Status status, const QString &reason);
    //! New tokens were stored (a refresh, possibly with a rotated refresh token).
    void tokensRefreshed(const QString &accountId);

private:
    struct Pending;
    struct Session;
    using TokenCallback = std::function<void(const Expected<void> &)>;

    std::shared_ptr<Session> session(const QString &id) const { return m_sessions.value(id); }
    void pump(const std::shared_ptr<Session> &s);
    void start(const std::shared_ptr<Session> &s, const std::shared_ptr<Pending> &p);
    void ensureToken(
        const std::shared_ptr<Session> &s, bool force, const QString &usedToken, TokenCallback cb);
    void loadTokens(const std::shared_ptr<Session> &s);
    void startRefresh(const std::shared_ptr<Session> &s);
    void refreshUnderLock(const std::shared_ptr<Session> &s);
    void runRefresh(const std::shared_ptr<Session> &s);
    void endRefresh(const std::shared_ptr<Session> &s);
    void finishTokenWait(const std::shared_ptr<Session> &s, const Expected<void> &result);
    void transmit(const std::shared_ptr<Session> &s, const std::shared_ptr<Pending> &p);
    void complete(const std::shared_ptr<Session> &s, const std::shared_ptr<Pending> &p,
        Expected<ApiResponse> result);
    void setStatus(
        const std::shared_ptr<Session> &s, Account::Status status, const QString &reason);

    ITokenVault &m_vault;
    QNetworkAccessManager *m_nam;
    QHash<QString, std::shared_ptr<Session>> m_sessions;
    int m_maxInFlight = 4;
    int m_skewSecs = 60;
    int m_maxRetries = 4;
    int m_requestTimeoutMs = 60000;
    int m_tokenTimeoutMs = 30000;
    BackoffFunction m_backoff = &AuthorizedClient::defaultBackoff;
    QString m_lockDir;
    int m_lockWaitMs = 45000;
};

} // namespace kairos
