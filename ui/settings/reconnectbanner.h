#pragma once

#include "model/account.h"

#include <QFrame>
#include <QSet>

class QLabel;
class QPushButton;

namespace kairos {

class AccountManager;
class ITokenVault;

//! \brief The strip at the top of the main window while an account needs reconnecting
//! ("Your Google account ann@example.com needs to be reconnected: …" + Reconnect + dismiss),
//! or while no keychain service answers. Hidden again once every account is connected.
//!
//! objectNames: reconnectBanner, reconnectBannerLabel, bannerReconnectButton,
//! bannerDismissButton.
class ReconnectBanner final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReconnectBanner)
public:
    explicit ReconnectBanner(AccountManager &manager, QWidget *parent = nullptr);
    ~ReconnectBanner() override;

    //! Reads one stored sign-in so a missing keychain service shows up at start, not only
    //! when a request needs a token. Does nothing without accounts.
    void probeKeychain(ITokenVault &vault);
    //! Shows (non-empty) or clears the "no keychain service" message.
    void setKeychainProblem(const QString &detail);

    //! The account the banner is about (empty when it is about the keychain or hidden).
    QString accountId() const { return m_accountId; }
    QString text() const;

private:
    void refreshState();

    AccountManager &m_manager;
    QLabel *m_label;
    QPushButton *m_reconnect;
    QPushButton *m_dismiss;
    QString m_accountId;
    QString m_keychainProblem;
    QSet<QString> m_dismissed; //!< "id|reason" the user closed
};

} // namespace kairos
