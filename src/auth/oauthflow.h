#pragma once

#include "auth/providerconfig.h"
#include "auth/tokenset.h"
#include "core/expected.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace kairos {

namespace detail {
class LoopbackHandler;
class RefreshHandler;
class CodeFlow;
} // namespace detail

//! \brief One OAuth 2.0 attempt for one provider: the loopback authorization-code flow with
//! PKCE (start()) or a refresh-token grant (refresh()). Single use: create one per attempt.
//!
//! Built on QOAuth2AuthorizationCodeFlow + QOAuthHttpServerReplyHandler with every Qt 6.4
//! workaround from PROVIDERS.md §1: listener on 127.0.0.1 only, PKCE S256 and a 256-bit state
//! fresh per attempt (state checked here too), the double-encoded code (QTBUG-81624), '+' in
//! secrets and refresh tokens, token-endpoint errors surfaced (QTBUG-102279), a fresh flow
//! object per attempt so no status sticks at RefreshingToken, scope set before each grant, a
//! reply handler always set for refresh (QTBUG-124326), and no redirect_uri / empty
//! client_secret on refresh (QTBUG-124333).
//!
//! The browser is never opened here: authorizeWithBrowser() is a signal (the desktop app
//! connects QDesktopServices::openUrl; kairos-cli prints the URL and runs $BROWSER).
//! finished() is emitted exactly once. The listener is closed as soon as the callback arrives,
//! on cancel(), on failure, and after the callback timeout (5 minutes by default).
//!
//! Error codes: Cancelled (cancel(), or the user denied access: message starts with
//! "access_denied"), Timeout, ProtocolError (state mismatch, missing code, token endpoint
//! 4xx), ServerError (5xx), NetworkError, NeedsReconnect (refresh refused: invalid_grant,
//! Microsoft AADSTS700082/70008/50173/700084, interaction_required), NotConfigured.
class OAuthFlow final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OAuthFlow)

public:
    explicit OAuthFlow(ProviderConfig config, QObject *parent = nullptr);
    ~OAuthFlow() override;

    //! HTML inserted in the page the browser shows after the redirect (translated by the
    //! caller; the core has no user-visible strings).
    void setSuccessPage(const QString &html) { m_successPage = html; }
    //! How long to wait for the browser's callback (default 5 minutes).
    void setCallbackTimeoutMs(int ms) { m_callbackTimeoutMs = ms; }
    //! How long the token endpoint may take (default 30 s).
    void setTokenTimeoutMs(int ms) { m_tokenTimeoutMs = ms; }

    //! Starts the authorization-code flow: listens, then emits authorizeWithBrowser().
    void start();
    //! Redeems `refreshToken` for new tokens.
    void refresh(const QString &refreshToken);
    //! Stops waiting; finished(Cancelled) unless already finished.
    void cancel();

    bool isListening() const;
    QHostAddress listenAddress() const;
    quint16 listenPort() const;
    //! The exact redirect URI sent to the provider (http://127.0.0.1:PORT/<path>).
    QUrl redirectUri() const { return m_redirectUri; }
    bool isFinished() const { return m_done; }
    //! Callbacks ignored for a missing or wrong state (forged by another local process or page).
    int ignoredCallbacks() const { return m_ignoredCallbacks; }

    //! Is this token-endpoint error a refused refresh token (→ needs reconnect)?
    static bool isRefreshRejected(const QString &error, const QString &description);

Q_SIGNALS:
    void authorizeWithBrowser(const QUrl &url);
    //! The browser came back with a valid code; the token exchange runs now.
    void callbackReceived();
    void finished(const kairos::Expected<kairos::TokenSet> &result);

private:
    void setUpFlow(bool withLoopback);
    void onCallback(const QVariantMap &values);
    void onTokens(const QVariantMap &values);
    void onTokenRequestFailed(
        int httpStatus, int networkError, const QString &error, const QString &description);
    void onGranted();
    void fail(Error error);
    void closeListener();

    ProviderConfig m_config;
    QString m_successPage;
    int m_callbackTimeoutMs = 5 * 60 * 1000;
    int m_tokenTimeoutMs = 30 * 1000;
    bool m_refreshMode = false;
    bool m_done = false;
    int m_ignoredCallbacks = 0;
    QByteArray m_verifier;
    QString m_state;
    QUrl m_redirectUri;
    QVariantMap m_tokenResponse;
    QString m_previousRefreshToken;

    QNetworkAccessManager *m_nam = nullptr; // first child: destroyed before the handlers
    QPointer<detail::CodeFlow> m_flow;
    QPointer<detail::LoopbackHandler> m_loopback;
    QPointer<detail::RefreshHandler> m_refreshHandler;
    QTimer m_timer;
};

} // namespace kairos
