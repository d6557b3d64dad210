#pragma once

#include "core/expected.h"
#include "model/account.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace kairos {

class AccountManager;
struct CalDavSignIn;

//! \brief Settings → Accounts → "Add CalDAV account…": a service (iCloud, Fastmail,
//! Nextcloud, Other), the server where the service has none of its own, the user name and
//! the password (an app-specific one for iCloud, with a link to where Apple makes them).
//! Connect runs discovery (providers/caldav/caldavsignin.h) and closes the dialog when the
//! account is saved; errors stay in the dialog in plain words. Opened with an account id it
//! reconnects that account (server and user filled in, only the password asked).
//!
//! objectNames (GUI tests): serviceCombo, serverEdit, userEdit, passwordEdit, helpLabel,
//! statusLabel, connectButton.
class CalDavAccountDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalDavAccountDialog)
public:
    CalDavAccountDialog(
        AccountManager &manager, const QString &reconnectAccountId, QWidget *parent = nullptr);
    ~CalDavAccountDialog() override;

    //! Whether discovery asks DNS for SRV / TXT records (default on; tests turn it off).
    void setDnsLookup(bool on) { m_dns = on; }
    //! Plain words for a failed sign-in.
    static QString errorText(const Error &error);

    //! The account the dialog connected (after accept()).
    Account account() const { return m_account; }

private:
    void presetChanged();
    void updateButtons();
    void connectAccount();

    AccountManager &m_manager;
    QString m_reconnectId;
    bool m_dns = true;
    bool m_busy = false;
    Account m_account;
    QComboBox *m_service;
    QLabel *m_serverLabel;
    QLineEdit *m_server;
    QLabel *m_userLabel;
    QLineEdit *m_user;
    QLabel *m_passwordLabel;
    QLineEdit *m_password;
    QLabel *m_help;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
};

} // namespace kairos
