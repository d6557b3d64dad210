#pragma once

#include "model/account.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace kairos {

class AccountManager;
class CalDavAccountDialog;

//! \brief Settings → Accounts: connect Google / Outlook, add a CalDAV account, list accounts with live status,
//! reconnect, disconnect (after confirmation), cancel a waiting sign-in. A standalone page the
//! settings dialog adds as a tab. Opening the browser is left to the owner: connect
//! AccountManager::authorizeWithBrowser to QDesktopServices::openUrl (the desktop app does).
//!
//! objectNames (GUI tests): connectGoogleButton, connectMicrosoftButton, connectCalDavButton,
//! googleUnavailableLabel,
//! microsoftUnavailableLabel, accountList, reconnectButton, disconnectButton, cancelButton,
//! waitingLabel, messageLabel.
class AccountsPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountsPage)

public:
    explicit AccountsPage(AccountManager &manager, QWidget *parent = nullptr);
    ~AccountsPage() override;

    //! Replaces the disconnect confirmation (tests); return true to go ahead.
    void setConfirmHook(std::function<bool(const QString &email)> hook)
    {
        m_confirm = std::move(hook);
    }

    //! Adds a "Last synced" column filled by `text(accountId)` (the desktop's sync engine);
    //! call refreshSyncColumn() when a run ends.
    void setLastSyncedText(std::function<QString(const QString &accountId)> text);
    void refreshSyncColumn() { rebuild(); }

    static QString statusText(Account::Status status);
    //! "Google", "Outlook", "CalDAV".
    static QString providerLabel(Provider provider);
    //! Opens "Add CalDAV account" (or its reconnect form for `accountId`), window-modal.
    CalDavAccountDialog *openPasswordDialog(const QString &accountId);
    //! Plain words for a machine reason from the core.
    static QString reasonText(const QString &reason);

private:
    void rebuild();
    void updateButtons();
    void onConnectFinished(const QString &error, const QString &codeName);
    QString selectedId() const;

    AccountManager &m_manager;
    QPushButton *m_connectGoogle;
    QPushButton *m_connectMicrosoft;
    QPushButton *m_connectCalDav;
    QLabel *m_googleUnavailable;
    QLabel *m_microsoftUnavailable;
    QTreeWidget *m_list;
    QPushButton *m_reconnect;
    QPushButton *m_disconnect;
    QPushButton *m_cancel;
    QLabel *m_waiting;
    QLabel *m_message;
    std::function<bool(const QString &)> m_confirm;
    std::function<QString(const QString &)> m_lastSynced;
};

} // namespace kairos
