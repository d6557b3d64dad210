#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace kairos {

//! CalDav: any CalDAV server (iCloud, Fastmail, Nextcloud, …), Basic auth with a password.
enum class Provider { Google, Microsoft, CalDav };

//! \brief A connected provider account: metadata only. Tokens live in the keychain.
struct Account {
    enum class Status { Connected, Refreshing, NeedsReconnect, Offline };
    QString id; //!< local id
    Provider provider = Provider::Google;
    QString email;
    QString displayName;
    Status status = Status::Connected;
    QString statusReason; //!< why it needs reconnecting (machine text; ui/ translates)
    QDateTime connectedAt;
    QDateTime lastSyncedAt;
    //! Accounts on a server of their own (CalDAV): the calendar home URL discovery found,
    //! where the account's calendars are listed. Empty for Google / Microsoft.
    QString serverUrl;

    friend bool operator==(const Account &, const Account &) = default;
};

QString toString(Provider p);
std::optional<Provider> providerFromString(const QString &s);
QString toString(Account::Status s);
Account::Status accountStatusFromString(const QString &s);

} // namespace kairos

Q_DECLARE_METATYPE(kairos::Account)
