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

} // namespace kairos
