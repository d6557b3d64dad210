#pragma once

#include "fakehttpserver.h"
#include "model/account.h"

#include <QDateTime>
#include <QSet>

namespace kairos::fake {

//! \brief A strict OAuth 2.0 authorization server + userinfo + a protected test API, playing
//! Google or Microsoft. Endpoints: GET /authorize, POST /token, POST /revoke, GET /userinfo
//! (Google), GET /me (Microsoft), and /api/... (any method; needs a valid bearer token).
//!
//! /authorize checks client_id, response_type, the loopback redirect_uri, a S256 challenge and
//! state, then redirects with a code (Google codes start with "4/", exercising QTBUG-81624) or
//! with error=access_denied. /token checks the PKCE verifier, the exact redirect URI, the client
//! id, the secret (Google: required; Microsoft: must be absent), single-use codes; refresh
//! tokens can be revoked (→ invalid_grant) and rotate for Microsoft. Expiry uses
//! kairos::Clock, so a MockClock drives it.
class FakeOAuthServer : public FakeHttpServer {
    Q_OBJECT

public:
    explicit FakeOAuthServer(Provider provider, QObject *parent = nullptr);

    Provider provider() const { return m_provider; }
    QString clientId() const { return m_clientId; }
    QString clientSecret() const { return m_clientSecret; }
    void setEmail(const QString &email) { m_email = email; }
    QString email() const { return m_email; }
    void setDenyNextAuthorization(bool deny) { m_deny = deny; }
    void setExpiresIn(int secs) { m_expiresIn = secs; }
    //! The error a refused refresh gets (Microsoft: "AADSTS700082: …" descriptions).
    void setRefreshErrorDescription(const QString &d) { m_refreshErrorDescription = d; }

    QUrl authorizeUrl() const { return url(QStringLiteral("/authorize")); }
    QUrl tokenUrl() const { return url(QStringLiteral("/token")); }
    QUrl revokeUrl() const { return url(QStringLiteral("/revoke")); }
    QUrl userInfoUrl() const
    {
        return url(
            m_provider == Provider::Google ? QStringLiteral("/userinfo") : QStringLiteral("/me"));
    }
    QUrl apiBase() const { return url(QStringLiteral("/api/")); }

    int codeExchanges() const { return m_codeExchanges; }
    int refreshes() const { return m_refreshes; }
    int revocations() const { return m_revocations; }
    int apiCalls() const { return m_apiCalls; }
    QString lastRejection() const { return m_lastRejection; }

    //! Every access / refresh token ever issued (the security test searches for them).
    QStringList issuedTokens() const;
    bool isRefreshTokenValid(const QString &rt) const { return m_refreshTokens.contains(rt); }
    QString currentRefreshToken() const { return m_lastRefreshToken; }
    void revokeAllRefreshTokens() { m_refreshTokens.clear(); }
    //! Server side: every access token issued so far stops working (the client thinks not).
    void invalidateAccessTokens() { m_accessTokens.clear(); }
    //! The last authorization code issued (for replay tests).
    QString lastCode() const { return m_lastCode; }

private:
    struct CodeGrant {
        QString clientId;
        QString redirectUri;
        QString challenge;
        QString scope;
        bool used = false;
    };
    HttpResponse authorize(const HttpRequest &r);
    HttpResponse token(const HttpRequest &r);
    HttpResponse revoke(const HttpRequest &r);
    HttpResponse userInfo(const HttpRequest &r);
    HttpResponse api(const HttpRequest &r);
    HttpResponse reject(int status, const QString &error, const QString &why);
    HttpResponse issue(const QString &scope, bool withRefresh, const QString &oldRefresh);
    bool accessValid(const QString &token) const;
    QString newToken(const QString &prefix) const;

    Provider m_provider;
    QString m_clientId;
    QString m_clientSecret;
    QString m_email = QStringLiteral("someone@example.com");
    bool m_deny = false;
    int m_expiresIn = 3600;
    QString m_refreshErrorDescription;
    QHash<QString, CodeGrant> m_codes;
    QHash<QString, QDateTime> m_accessTokens; // token -> expiry
    QSet<QString> m_refreshTokens;
    QStringList m_everIssued;
    QString m_lastCode;
    QString m_lastRefreshToken;
    QString m_lastRejection;
    int m_codeExchanges = 0;
    int m_refreshes = 0;
    int m_revocations = 0;
    int m_apiCalls = 0;
};

} // namespace kairos::fake
