#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace kairos {

//! \brief The secrets of one account as they sit in the keychain (one JSON entry under
//! "<provider>/<account>/token"). Never logged, never written to a file or QSettings.
struct TokenSet {
    QString accessToken;
    QString refreshToken;
    QDateTime expiresAt; //!< UTC; invalid = unknown (treated as expired on first use)
    QString scope; //!< granted scopes, space separated

    bool isValid() const { return !accessToken.isEmpty(); }
    //! True when the access token is missing or expires within `skewSecs` of `nowUtc`.
    bool expiresWithin(const QDateTime &nowUtc, int skewSecs) const
    {
        return accessToken.isEmpty() || !expiresAt.isValid()
            || nowUtc.secsTo(expiresAt) <= skewSecs;
    }

    QByteArray toJson() const;
    static std::optional<TokenSet> fromJson(const QByteArray &json);

    friend bool operator==(const TokenSet &, const TokenSet &) = default;
};

//! \brief The secret of a password account (CalDAV: iCloud app-specific password, Fastmail /
//! Nextcloud app password) as it sits in the keychain, under the same key as OAuth tokens
//! ("caldav/<account>/token"). Never logged, never in SQLite.
struct PasswordCredentials {
    QString user;
    QString password;

    bool isValid() const { return !user.isEmpty() && !password.isEmpty(); }
    //! "Basic base64(user:password)" (RFC 7617, UTF-8).
    QByteArray basicAuthorization() const;
    QByteArray toJson() const;
    static std::optional<PasswordCredentials> fromJson(const QByteArray &json);

    friend bool operator==(const PasswordCredentials &, const PasswordCredentials &) = default;
};

} // namespace kairos
