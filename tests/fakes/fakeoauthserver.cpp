#include "fakeoauthserver.h"

#include "core/clock.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRandomGenerator>

namespace kairos::fake {

FakeOAuthServer::FakeOAuthServer(Provider provider, QObject *parent)
    : FakeHttpServer(parent)
    , m_provider(provider)
{
    if (provider == Provider::Google) {
        m_clientId = QStringLiteral("123-fake.apps.googleusercontent.com");
        m_clientSecret = QStringLiteral("GOCSPX-fake+secret/="); // '+' exercises §1.7
    } else {
        m_clientId = QStringLiteral("00000000-fake-4000-8000-msclientid00");
        m_refreshErrorDescription
            = QStringLiteral("AADSTS700082: The refresh token has expired due to inactivity.");
    }
    route(
        "GET", QStringLiteral("/authorize"), [this](const HttpRequest &r) { return authorize(r); });
    route("POST", QStringLiteral("/token"), [this](const HttpRequest &r) { return token(r); });
    route("POST", QStringLiteral("/revoke"), [this](const HttpRequest &r) { return revoke(r); });
    route("GET", QStringLiteral("/userinfo"), [this](const HttpRequest &r) { return userInfo(r); });
    route("GET", QStringLiteral("/me"), [this](const HttpRequest &r) { return userInfo(r); });
    routePrefix("*", QStringLiteral("/api/"), [this](const HttpRequest &r) { return api(r); });
}

QString FakeOAuthServer::newToken(const QString &prefix) const
{
    QByteArray raw(24, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 6);
    return prefix
        + QString::fromLatin1(
            raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QStringList FakeOAuthServer::issuedTokens() const
{
    return m_everIssued;
}

HttpResponse FakeOAuthServer::reject(int status, const QString &error, const QString &why)
{
    m_lastRejection = why;
    return HttpResponse::oauthError(status, error, why);
}

HttpResponse FakeOAuthServer::authorize(const HttpRequest &r)
{
    auto q = [&](const char *k) {
        return r.query.queryItemValue(QLatin1String(k), QUrl::FullyDecoded);
    };
    const QUrl redirect(q("redirect_uri"));
    auto bad = [this](const QString &why) {
        m_lastRejection = why;
        return HttpResponse::text(400, "bad authorization request: " + why.toUtf8());
    };
    if (q("client_id") != m_clientId)
        return bad(QStringLiteral("client_id"));
    if (q("response_type") != QLatin1String("code"))
        return bad(QStringLiteral("response_type"));
    if (redirect.scheme() != QLatin1String("http") || redirect.host() != QLatin1String("127.0.0.1")
        || redirect.port() <= 0)
        return bad(QStringLiteral("redirect_uri must be http://127.0.0.1:PORT"));
    if (q("code_challenge_method") != QLatin1String("S256") || q("code_challenge").size() != 43)
        return bad(QStringLiteral("PKCE S256 challenge"));
    const QString state = q("state");
    if (state.size() < 43)
        return bad(QStringLiteral("state must carry 256 bits"));
    const QString scope = q("scope");
    if (m_provider == Provider::Google) {
        if (q("access_type") != QLatin1String("offline") || q("prompt") != QLatin1String("consent"))
            return bad(QStringLiteral("access_type/prompt"));
        if (!scope.split(QLatin1Char(' ')).contains(QStringLiteral("openid")))
            return bad(QStringLiteral("scope"));
    } else if (!scope.split(QLatin1Char(' ')).contains(QStringLiteral("offline_access"))) {
        return bad(QStringLiteral("scope"));
    }

    QUrl target = redirect;
    QUrlQuery back;
    if (m_deny) {
        m_deny = false;
        back.addQueryItem(QStringLiteral("error"), QStringLiteral("access_denied"));
        back.addQueryItem(QStringLiteral("error_description"), QStringLiteral("The user denied"));
    } else {
        const QString code = m_provider == Provider::Google ? newToken(QStringLiteral("4/"))
                                                            : newToken(QStringLiteral("M.C5"));
        m_codes.insert(code, { m_clientId, q("redirect_uri"), q("code_challenge"), scope, false });
        m_lastCode = code;
        back.addQueryItem(
            QStringLiteral("code"), QString::fromLatin1(QUrl::toPercentEncoding(code)));
    }
    back.addQueryItem(QStringLiteral("state"), QString::fromLatin1(QUrl::toPercentEncoding(state)));
    if (m_provider == Provider::Google)
        back.addQueryItem(
            QStringLiteral("scope"), QString::fromLatin1(QUrl::toPercentEncoding(scope)));
    target.setQuery(back.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return HttpResponse::redirect(target);
}

HttpResponse FakeOAuthServer::issue(
    const QString &scope, bool withRefresh, const QString &oldRefresh)
{
    const QString at = newToken(QStringLiteral("at-"));
    m_accessTokens.insert(at, Clock::nowUtc().addSecs(m_expiresIn));
    m_everIssued.append(at);
    QJsonObject o { { QStringLiteral("access_token"), at },
        { QStringLiteral("token_type"), QStringLiteral("Bearer") },
        { QStringLiteral("expires_in"), m_expiresIn }, { QStringLiteral("scope"), scope } };
    if (withRefresh) {
        // Google refresh tokens look like "1//0g…"; a '+' checks the encoding workaround.
        const QString rt = m_provider == Provider::Google ? newToken(QStringLiteral("1//0g+"))
                                                          : newToken(QStringLiteral("M.R3+"));
        if (!oldRefresh.isEmpty())
            m_refreshTokens.remove(oldRefresh); // strict rotation: the old one stops working
        m_refreshTokens.insert(rt);
        m_everIssued.append(rt);
        m_lastRefreshToken = rt;
        o.insert(QStringLiteral("refresh_token"), rt);
    }
    if (m_provider == Provider::Google)
        o.insert(QStringLiteral("id_token"), QStringLiteral("eyJhbGciOiJub25lIn0.e30."));
    return HttpResponse::json(200, o);
}

HttpResponse FakeOAuthServer::token(const HttpRequest &r)
{
    if (!r.header("content-type").startsWith("application/x-www-form-urlencoded"))
        return reject(400, QStringLiteral("invalid_request"), QStringLiteral("content type"));
    if (r.formValue(QStringLiteral("client_id")) != m_clientId)
        return reject(401, QStringLiteral("invalid_client"), QStringLiteral("client_id"));
    if (m_provider == Provider::Google) {
        if (r.formValue(QStringLiteral("client_secret")) != m_clientSecret)
            return reject(401, QStringLiteral("invalid_client"), QStringLiteral("client_secret"));
    } else if (r.hasFormValue(QStringLiteral("client_secret"))) {
        return reject(401, QStringLiteral("invalid_client"),
            QStringLiteral("AADSTS700025: public clients must not send a secret"));
    }

    const QString grant = r.formValue(QStringLiteral("grant_type"));
    if (grant == QLatin1String("authorization_code")) {
        ++m_codeExchanges;
        const QString code = r.formValue(QStringLiteral("code"));
        auto it = m_codes.find(code);
        if (it == m_codes.end())
            return reject(400, QStringLiteral("invalid_grant"), QStringLiteral("unknown code"));
        if (it->used)
            return reject(
                400, QStringLiteral("invalid_grant"), QStringLiteral("code already used"));
        it->used = true;
        if (r.formValue(QStringLiteral("redirect_uri")) != it->redirectUri)
            return reject(
                400, QStringLiteral("invalid_grant"), QStringLiteral("redirect_uri mismatch"));
        const QByteArray verifier = r.formValue(QStringLiteral("code_verifier")).toLatin1();
        const QString challenge = QString::fromLatin1(
            QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        if (verifier.size() < 43 || challenge != it->challenge)
            return reject(400, QStringLiteral("invalid_grant"), QStringLiteral("PKCE verifier"));
        return issue(it->scope, true, {});
    }
    if (grant == QLatin1String("refresh_token")) {
        ++m_refreshes;
        if (r.hasFormValue(QStringLiteral("redirect_uri")))
            return reject(
                400, QStringLiteral("invalid_request"), QStringLiteral("redirect_uri on refresh"));
        const QString rt = r.formValue(QStringLiteral("refresh_token"));
        if (!m_refreshTokens.contains(rt))
            return reject(400, QStringLiteral("invalid_grant"),
                m_refreshErrorDescription.isEmpty()
                    ? QStringLiteral("Token has been expired or revoked.")
                    : m_refreshErrorDescription);
        const bool rotate = m_provider == Provider::Microsoft;
        return issue(QStringLiteral("refreshed"), rotate, rotate ? rt : QString());
    }
    return reject(400, QStringLiteral("unsupported_grant_type"), grant);
}

HttpResponse FakeOAuthServer::revoke(const HttpRequest &r)
{
    ++m_revocations;
    const QString token = r.formValue(QStringLiteral("token"));
    if (m_refreshTokens.remove(token)) {
        m_accessTokens.clear(); // revoking the grant ends its access tokens too
        return HttpResponse::json(200, QJsonObject {});
    }
    if (m_accessTokens.remove(token))
        return HttpResponse::json(200, QJsonObject {});
    return reject(400, QStringLiteral("invalid_token"), QStringLiteral("unknown token"));
}

bool FakeOAuthServer::accessValid(const QString &token) const
{
    const auto it = m_accessTokens.constFind(token);
    return it != m_accessTokens.cend() && Clock::nowUtc() < *it;
}

HttpResponse FakeOAuthServer::userInfo(const HttpRequest &r)
{
    if (!accessValid(r.bearer()))
        return HttpResponse::json(
            401, QJsonObject { { QStringLiteral("error"), QStringLiteral("invalid_token") } })
            .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    if (m_provider == Provider::Google)
        return HttpResponse::json(200,
            QJsonObject { { QStringLiteral("sub"), QStringLiteral("1171") },
                { QStringLiteral("email"), m_email }, { QStringLiteral("email_verified"), true },
                { QStringLiteral("name"), QStringLiteral("Some One") } });
    return HttpResponse::json(200,
        QJsonObject { { QStringLiteral("id"), QStringLiteral("ms-1171") },
            { QStringLiteral("mail"), m_email }, { QStringLiteral("userPrincipalName"), m_email },
            { QStringLiteral("displayName"), QStringLiteral("Some One") } });
}

HttpResponse FakeOAuthServer::api(const HttpRequest &r)
{
    ++m_apiCalls;
    if (!accessValid(r.bearer()))
        return HttpResponse::json(
            401, QJsonObject { { QStringLiteral("error"), QStringLiteral("invalid_token") } })
            .header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    QJsonObject headers;
    for (auto it = r.headers.cbegin(); it != r.headers.cend(); ++it) {
        if (it.key() != "authorization")
            headers.insert(QString::fromLatin1(it.key()), QString::fromLatin1(it.value()));
    }
    return HttpResponse::json(200,
        QJsonObject { { QStringLiteral("method"), QString::fromLatin1(r.method) },
            { QStringLiteral("path"), r.path }, { QStringLiteral("headers"), headers },
            { QStringLiteral("body"), QString::fromUtf8(r.body) } });
}

} // namespace kairos::fake
