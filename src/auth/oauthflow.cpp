#include "auth/oauthflow.h"
#include "auth/oauthflow_p.h"

#include "core/clock.h"
#include "core/logging.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace kairos {

namespace detail {

void readTokenError(QNetworkReply *reply, int *httpStatus, QString *error, QString *description)
{
    *httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject o
        = reply->isOpen() ? QJsonDocument::fromJson(reply->readAll()).object() : QJsonObject();
    *error = o.value(QStringLiteral("error")).toString();
    *description = o.value(QStringLiteral("error_description")).toString();
}

void LoopbackHandler::networkReplyFinished(QNetworkReply *reply)
{
    if (reply->error() != QNetworkReply::NoError) {
        int status = 0;
        QString error, description;
        readTokenError(reply, &status, &error, &description);
        Q_EMIT tokenRequestFailed(status, int(reply->error()), error, description);
        return;
    }
    QOAuthHttpServerReplyHandler::networkReplyFinished(reply);
}

void RefreshHandler::networkReplyFinished(QNetworkReply *reply)
{
    if (reply->error() != QNetworkReply::NoError) {
        int status = 0;
        QString error, description;
        readTokenError(reply, &status, &error, &description);
        Q_EMIT tokenRequestFailed(status, int(reply->error()), error, description);
        return;
    }
    QOAuthOobReplyHandler::networkReplyFinished(reply);
}

} // namespace detail

namespace {

QByteArray randomBase64Url(int bytes)
{
    // Whole 32-bit words from the CSPRNG, cut to `bytes` (any length, not only multiples of 4).
    QByteArray raw((bytes + 3) / 4 * 4, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(
        reinterpret_cast<quint32 *>(raw.data()), qsizetype(raw.size() / 4));
    raw.truncate(bytes);
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

OAuthFlow::OAuthFlow(ProviderConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_nam(new QNetworkAccessManager(this))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this]() {
        fail(makeError(Error::Code::Timeout,
            m_loopback && m_loopback->isListening()
                ? QStringLiteral("no callback from the browser")
                : QStringLiteral("token endpoint did not answer")));
    });
}

OAuthFlow::~OAuthFlow()
{
    // The network manager goes first so no reply can finish into a half-destroyed handler.
    delete m_nam;
}

bool OAuthFlow::isRefreshRejected(const QString &error, const QString &description)
{
    static const char *const codes[] = { "AADSTS700082", "AADSTS70008", "AADSTS50173",
        "AADSTS700084", "AADSTS70043", "AADSTS50078" };
    if (error == QLatin1String("invalid_grant") || error == QLatin1String("interaction_required")
        || error == QLatin1String("consent_required"))
        return true;
    for (const char *c : codes) {
        if (description.contains(QLatin1String(c)))
            return true;
    }
    return false;
}

bool OAuthFlow::isListening() const
{
    return m_loopback && m_loopback->isListening();
}

QHostAddress OAuthFlow::listenAddress() const
{
    // The handler hides its QTcpServer; it was bound to exactly this address in start().
    return isListening() ? QHostAddress(QHostAddress::LocalHost) : QHostAddress();
}

quint16 OAuthFlow::listenPort() const
{
    return isListening() ? m_loopback->port() : 0;
}

void OAuthFlow::setUpFlow(bool withLoopback)
{
    m_nam->setTransferTimeout(m_tokenTimeoutMs);
    m_flow = new detail::CodeFlow(m_nam, this);
    m_flow->setAuthorizationUrl(m_config.authorizeUrl);
    m_flow->setAccessTokenUrl(m_config.tokenUrl);
    m_flow->setClientIdentifier(m_config.clientId);
    if (!m_config.clientSecret.isEmpty())
        m_flow->setClientIdentifierSharedKey(m_config.clientSecret);
    // The token response's scope overwrites (or clears) it: set it before each grant (QTBUG-66415).
    m_flow->setScope(m_config.scope);

    const bool isGoogle = m_config.provider == Provider::Google;
    const QByteArray verifier = m_verifier;
    const QByteArray challenge
        = QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
              .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    m_flow->setModifyParametersFunction(
        [=](QAbstractOAuth::Stage stage, QMultiMap<QString, QVariant> *p) {
            using S = QAbstractOAuth::Stage;
            // '+' is not encoded in values Qt does not pre-encode (PROVIDERS.md §1.7).
            auto encode = [p](const QString &key) {
                if (p->contains(key))
                    p->replace(key,
                        QString::fromLatin1(QUrl::toPercentEncoding(p->value(key).toString())));
            };
            if (stage == S::RequestingAuthorization) {
                p->insert(QStringLiteral("code_challenge"), QString::fromLatin1(challenge));
                p->insert(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
                if (isGoogle) {
                    p->insert(QStringLiteral("access_type"), QStringLiteral("offline"));
                    p->insert(QStringLiteral("prompt"), QStringLiteral("consent"));
                }
            } else if (stage == S::RequestingAccessToken) {
                // QTBUG-81624: the code arrives still percent-encoded and Qt encodes it again.
                const QString code = p->value(QStringLiteral("code")).toString();
                p->replace(QStringLiteral("code"), QUrl::fromPercentEncoding(code.toLatin1()));
                p->insert(QStringLiteral("code_verifier"), QString::fromLatin1(verifier));
                encode(QStringLiteral("client_secret"));
            } else if (stage == S::RefreshingAccessToken) {
                // QTBUG-124333: no redirect_uri and no empty client_secret on refresh.
                p->remove(QStringLiteral("redirect_uri"));
                if (p->value(QStringLiteral("client_secret")).toString().isEmpty())
                    p->remove(QStringLiteral("client_secret"));
                else
                    encode(QStringLiteral("client_secret"));
                encode(QStringLiteral("refresh_token"));
            }
        });

    QAbstractOAuthReplyHandler *handler = nullptr;
    if (withLoopback) {
        handler = m_loopback;
        connect(m_loopback, &detail::LoopbackHandler::tokenRequestFailed, this,
            &OAuthFlow::onTokenRequestFailed);
    } else {
        m_refreshHandler = new detail::RefreshHandler(this);
        handler = m_refreshHandler;
        connect(m_refreshHandler, &detail::RefreshHandler::tokenRequestFailed, this,
            &OAuthFlow::onTokenRequestFailed);
    }
    // Connected before the flow connects its own slot, so the raw response is seen first.
    connect(handler, &QAbstractOAuthReplyHandler::tokensReceived, this, &OAuthFlow::onTokens);
    m_flow->setReplyHandler(handler);
    connect(m_flow, &QAbstractOAuth::granted, this, &OAuthFlow::onGranted);
}

void OAuthFlow::start()
{
    if (!m_config.isConfigured()) {
        QTimer::singleShot(0, this, [this]() {
            fail(makeError(
                Error::Code::NotConfigured, QStringLiteral("no client ID for ") + m_config.id()));
        });
        return;
    }
    m_verifier = randomBase64Url(32); // 43 characters, RFC 7636 alphabet
    m_state = QString::fromLatin1(randomBase64Url(32)); // 256 bits, fresh per attempt
    // Loopback on 127.0.0.1 only: the port-only constructor listens on all interfaces in 6.4.
    m_loopback = new detail::LoopbackHandler(QHostAddress::LocalHost, 0, this);
    if (!m_loopback->isListening()) {
        QTimer::singleShot(0, this, [this]() {
            fail(makeError(Error::Code::NetworkError,
                QStringLiteral("cannot listen on 127.0.0.1 for the OAuth callback")));
        });
        return;
    }
    m_loopback->setCallbackPath(m_config.redirectPath);
    if (!m_successPage.isEmpty())
        m_loopback->setCallbackText(m_successPage);
    m_loopback->freezeCallback();
    m_redirectUri = QUrl(m_loopback->callback());
    connect(
        m_loopback, &QAbstractOAuthReplyHandler::callbackReceived, this, &OAuthFlow::onCallback);

    setUpFlow(true);
    m_flow->setState(m_state);
    connect(m_flow, &QAbstractOAuth::authorizeWithBrowser, this, &OAuthFlow::authorizeWithBrowser);
    qCDebug(lcAuth) << "authorization flow for" << m_config.id() << "listening on port"
                    << m_loopback->port();
    m_timer.start(m_callbackTimeoutMs);
    m_flow->grant();
}

void OAuthFlow::refresh(const QString &refreshToken)
{
    m_refreshMode = true;
    if (refreshToken.isEmpty()) {
        QTimer::singleShot(0, this, [this]() {
            fail(makeError(Error::Code::NeedsReconnect, QStringLiteral("no refresh token")));
        });
        return;
    }
    m_previousRefreshToken = refreshToken;
    setUpFlow(false);
    m_flow->setRefreshToken(refreshToken);
    qCDebug(lcAuth) << "refreshing the access token for" << m_config.id();
    m_timer.start(m_tokenTimeoutMs + 1000);
    m_flow->refreshAccessToken();
}

void OAuthFlow::cancel()
{
    fail(makeError(Error::Code::Cancelled, QStringLiteral("cancelled")));
}

void OAuthFlow::closeListener()
{
    if (m_loopback && m_loopback->isListening()) {
        qCDebug(lcAuth) << "closing the loopback listener";
        m_loopback->close();
    }
}

void OAuthFlow::onCallback(const QVariantMap &values)
{
    if (m_done)
        return;
    // State first, for every callback (error ones too): any local process or web page that
    // finds the port can send one, and must neither cancel the sign-in nor put its text in
    // front of the user. Such a callback is logged and ignored; the flow keeps listening for
    // the real one until the timeout. (Qt's flow ignores them as well.)
    if (values.value(QStringLiteral("state")).toString() != m_state) {
        qCWarning(lcAuth) << "ignoring an OAuth callback without the right state (" << values.size()
                          << "parameters)";
        ++m_ignoredCallbacks;
        return;
    }
    const QString error = values.value(QStringLiteral("error")).toString();
    if (!error.isEmpty()) {
        const QString description = values.value(QStringLiteral("error_description")).toString();
        fail(makeError(error == QLatin1String("access_denied") ? Error::Code::Cancelled
                                                               : Error::Code::ProtocolError,
            error + QStringLiteral(": ") + description));
        return;
    }
    if (values.value(QStringLiteral("code")).toString().isEmpty()) {
        fail(makeError(Error::Code::ProtocolError, QStringLiteral("no authorization code")));
        return;
    }
    // The browser has its page (written right after this signal); stop listening.
    QMetaObject::invokeMethod(this, &OAuthFlow::closeListener, Qt::QueuedConnection);
    m_timer.start(m_tokenTimeoutMs + 1000);
    Q_EMIT callbackReceived();
}

void OAuthFlow::onTokens(const QVariantMap &values)
{
    if (m_done)
        return;
    m_tokenResponse = values;
    if (values.contains(QStringLiteral("error"))
        || values.value(QStringLiteral("access_token")).toString().isEmpty()) {
        const QString error = values.value(QStringLiteral("error")).toString();
        const QString description = values.value(QStringLiteral("error_description")).toString();
        onTokenRequestFailed(
            200, 0, error.isEmpty() ? QStringLiteral("no_access_token") : error, description);
    }
}

void OAuthFlow::onTokenRequestFailed(
    int httpStatus, int networkError, const QString &error, const QString &description)
{
    if (m_done)
        return;
    if (m_flow)
        m_flow->recover(); // 6.4 leaves the status at RefreshingToken (QTBUG-102279)
    const QString detail
        = (error.isEmpty() ? QStringLiteral("http ") + QString::number(httpStatus) : error)
        + (description.isEmpty() ? QString() : QStringLiteral(": ") + description);
    Error::Code code;
    if (httpStatus == 0 && networkError == int(QNetworkReply::OperationCanceledError))
        code = Error::Code::Timeout;
    else if (httpStatus == 0)
        code = Error::Code::NetworkError;
    else if (httpStatus >= 500)
        code = Error::Code::ServerError;
    else if (m_refreshMode && isRefreshRejected(error, description))
        code = Error::Code::NeedsReconnect;
    else
        code = Error::Code::ProtocolError;
    qCWarning(lcAuth) << "token endpoint of" << m_config.id() << "failed:" << httpStatus << error;
    fail(makeError(code, detail));
}

void OAuthFlow::onGranted()
{
    if (m_done)
        return;
    TokenSet t;
    t.accessToken = m_flow->token();
    t.refreshToken = m_flow->refreshToken();
    if (t.refreshToken.isEmpty())
        t.refreshToken = m_previousRefreshToken;
    // Expiry from the injectable clock, not Qt's wall clock, so tests control it.
    bool ok = false;
    const int expiresIn = m_tokenResponse.value(QStringLiteral("expires_in")).toString().toInt(&ok);
    const int secs = ok && expiresIn > 0
        ? expiresIn
        : m_tokenResponse.value(QStringLiteral("expires_in")).toInt();
    t.expiresAt = secs > 0 ? Clock::nowUtc().addSecs(secs) : QDateTime();
    t.scope = m_tokenResponse.value(QStringLiteral("scope")).toString();
    if (t.scope.isEmpty())
        t.scope = m_config.scope;
    m_done = true;
    m_timer.stop();
    closeListener();
    qCDebug(lcAuth) << "tokens granted for" << m_config.id();
    Q_EMIT finished(t);
}

void OAuthFlow::fail(Error error)
{
    if (m_done)
        return;
    m_done = true;
    m_timer.stop();
    closeListener();
    if (m_flow)
        m_flow->recover();
    qCDebug(lcAuth) << "flow for" << m_config.id() << "failed:" << error.codeName();
    Q_EMIT finished(error);
}

} // namespace kairos
