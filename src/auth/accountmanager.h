#pragma once

#include "auth/authorizedclient.h"
#include "auth/oauthflow.h"
#include "auth/providerconfig.h"
#include "auth/tokenset.h"
#include "core/expected.h"
#include "core/profile.h"
#include "model/account.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <optional>

class QNetworkAccessManager;

namespace kairos {

class EventStore;
class ITokenVault;

//! \brief The connected accounts of one profile: connect, reconnect, disconnect and status.
//!
//! Tokens go only to the vault (key "<provider>/<account>/token" under the profile's keychain
//! service); the EventStore gets Account metadata only. One connect flow at a time.
//!
//! UI contract: connect authorizeWithBrowser() to the system browser; show a Cancel button
//! while isConnecting(); connectFinished() reports the outcome (error codes: Cancelled,
//! Timeout, ProtocolError, NotConfigured, KeychainUnavailable, Conflict = a reconnect signed in
//! as another account); accountsChanged() / accountStatusChanged() keep lists and banners live
//! (NeedsReconnect carries a machine reason the UI translates).
class AccountManager final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountManager)

public:
    AccountManager(
        Profile profile, EventStore &store, ITokenVault &vault, QObject *parent = nullptr);
    ~AccountManager() override;

    const Profile &profile() const { return m_profile; }
    //! Replaces a provider's configuration (tests, self-hosted setups). Default:
    //! ProviderConfig::load.
    void setProviderConfig(const ProviderConfig &config);
    ProviderConfig providerConfig(Provider provider) const;
    //! The configuration requests of `account` use: its provider's, with the account's own
    //! server (apiBase) for password accounts (CalDAV).
    ProviderConfig configFor(const Account &account) const;
    bool isConfigured(Provider provider) const { return providerConfig(provider).isConfigured(); }

    QList<Account> accounts() const { return m_accounts; }
    std::optional<Account> account(const QString &id) const;
    //! The authorised request path for every provider call of these accounts.
    AuthorizedClient *client() const { return m_client; }

    //! The page the browser shows after the redirect (translated by the caller).
    void setSuccessPage(const QString &html) { m_successPage = html; }
    void setFlowTimeouts(int callbackMs, int tokenMs);

    //! Starts the loopback flow for a new account of `provider`.
    void connectProvider(Provider provider);
    //! Runs the flow again for `accountId`; its data stays. A password account (CalDAV) has
    //! no flow: passwordNeeded(accountId) asks the UI for the password instead.
    void reconnect(const QString &accountId);
    void cancelConnect();
    bool isConnecting() const { return m_flow != nullptr; }
    //! The flow in progress (tests: listener address and port), or null.
    OAuthFlow *currentFlow() const { return m_flow; }

    //! Revokes at the provider (when it can), deletes the keychain entry, removes the account
    //! and its cached calendars and events. Fails (and keeps the account) when the keychain
    //! entry cannot be deleted.
    QFuture<Expected<void>> disconnectAccount(const QString &accountId);

    // ---- password accounts (CalDAV; providers/caldav/caldavsignin.h drives these) ----
    //! Writes `credentials` to the keychain for `accountId` and points its requests at
    //! `server` with them (the account need not be saved yet: discovery runs with it).
    QFuture<Expected<void>> storePassword(
        const QString &accountId, const PasswordCredentials &credentials, const QUrl &server);
    //! Saves a password account whose sign-in worked (connected, serverUrl set) and reports it
    //! like a finished browser sign-in (accountsChanged, accountStatusChanged,
    //! connectFinished).
    Expected<Account> savePasswordAccount(Account account);
    //! A sign-in that did not work: the keychain entry of an account that was never saved is
    //! removed and its requests stop; `error` is reported through connectFinished().
    void abandonPassword(const QString &accountId, const Error &error);

Q_SIGNALS:
    void authorizeWithBrowser(const QUrl &url);
    void connectStarted(kairos::Provider provider, const QString &reconnectAccountId);
    //! A password account needs its password again (reconnect() of a CalDAV account): the
    //! desktop asks for it (CalDavAccountDialog).
    void passwordNeeded(const QString &accountId);
    void connectFinished(const kairos::Expected<kairos::Account> &result);
    void accountsChanged();
    void accountStatusChanged(
        const QString &accountId, kairos::Account::Status status, const QString &reason);

private:
    void beginFlow(Provider provider, const QString &reconnectId);
    void onTokens(Provider provider, const QString &reconnectId, const TokenSet &tokens);
    void finishConnect(const Expected<Account> &result);
    void onClientStatus(const QString &id, Account::Status status, const QString &reason);
    void reload();

    Profile m_profile;
    EventStore &m_store;
    ITokenVault &m_vault;
    AuthorizedClient *m_client;
    QNetworkAccessManager *m_nam;
    QHash<int, ProviderConfig> m_configs;
    QList<Account> m_accounts;
    QString m_successPage;
    int m_callbackTimeoutMs = 5 * 60 * 1000;
    int m_tokenTimeoutMs = 30 * 1000;
    QPointer<OAuthFlow> m_flow;
};

} // namespace kairos
