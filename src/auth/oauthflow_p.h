#pragma once
// Private helpers of OAuthFlow (a separate header so moc sees the Q_OBJECT classes).

#include <QOAuth2AuthorizationCodeFlow>
#include <QOAuthHttpServerReplyHandler>
#include <QOAuthOobReplyHandler>

namespace kairos::detail {

//! Reads an error reply of the token endpoint (6.4 only logs it: QTBUG-102279).
void readTokenError(QNetworkReply *reply, int *httpStatus, QString *error, QString *description);

//! The loopback listener. Surfaces token-endpoint errors and keeps the redirect URI after the
//! listener is closed (6.4's callback() asserts isListening(); PROVIDERS.md §1).
class LoopbackHandler final : public QOAuthHttpServerReplyHandler {
    Q_OBJECT
public:
    using QOAuthHttpServerReplyHandler::QOAuthHttpServerReplyHandler;
    QString callback() const override
    {
        return m_fixedCallback.isEmpty() ? QOAuthHttpServerReplyHandler::callback()
                                         : m_fixedCallback;
    }
    void freezeCallback() { m_fixedCallback = QOAuthHttpServerReplyHandler::callback(); }
    void networkReplyFinished(QNetworkReply *reply) override;
Q_SIGNALS:
    void tokenRequestFailed(
        int httpStatus, int networkError, const QString &error, const QString &description);

private:
    QString m_fixedCallback;
};

//! Reply handler for refresh-only use: 6.4 fails silently without one (QTBUG-124326).
class RefreshHandler final : public QOAuthOobReplyHandler {
    Q_OBJECT
public:
    using QOAuthOobReplyHandler::QOAuthOobReplyHandler;
    void networkReplyFinished(QNetworkReply *reply) override;
Q_SIGNALS:
    void tokenRequestFailed(
        int httpStatus, int networkError, const QString &error, const QString &description);
};

//! Exposes the protected status setter: unsticks RefreshingToken after a failure.
class CodeFlow final : public QOAuth2AuthorizationCodeFlow {
    Q_OBJECT
public:
    using QOAuth2AuthorizationCodeFlow::QOAuth2AuthorizationCodeFlow;
    void recover() { setStatus(Status::NotAuthenticated); }
};

} // namespace kairos::detail
