#pragma once

#include "core/expected.h"
#include "model/account.h"

#include <QFuture>
#include <QString>
#include <QUrl>

namespace kairos {

class AccountManager;

//! \brief What the user gives to add (or reconnect) a CalDAV account.
struct CalDavSignIn {
    //! A host ("caldav.fastmail.com"), "host/path" or a URL; https is assumed.
    QString server;
    QString user; //!< Apple ID, Fastmail login, Nextcloud user name, …
    QString password; //!< an app-specific password where the service has them
    //! Reconnect this account (its calendars and events stay) instead of adding one.
    QString reconnectAccountId;
    //! Ask DNS for _caldavs._tcp SRV / TXT records when `server` is a bare host (RFC 6764).
    bool dnsLookup = true;
};

//! \brief The well-known services the "Add CalDAV account" dialog and `kairos-cli connect
//! caldav` offer, with where each makes its app passwords (docs/caldav.md).
struct CalDavPreset {
    QString id; //!< "icloud", "fastmail", "nextcloud", "other"
    QString server; //!< fixed server, or "" when the user types it (Nextcloud, Other)
    QUrl passwordHelp; //!< where an app-specific password is made, if the service has one
};
const QList<CalDavPreset> &calDavPresets();

//! Adds a CalDAV account, or reconnects one: the password goes to the keychain only, RFC 6764
//! discovery runs with it (well-known URL, SRV/TXT, current-user-principal, calendar-home-set)
//! and the account is saved with its calendar home; AccountManager then reports it as any
//! sign-in (connectFinished, accountsChanged). A wrong password is Error::NeedsReconnect; on
//! any failure nothing of a new account is kept. Connecting the same user on the same home
//! again reconnects that account.
QFuture<Expected<Account>> connectCalDav(AccountManager &manager, const CalDavSignIn &signIn);

} // namespace kairos
