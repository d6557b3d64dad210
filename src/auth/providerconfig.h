#pragma once

#include "model/account.h"

#include <QHash>
#include <QString>
#include <QUrl>

namespace kairos {

class Profile;

//! \brief One provider's app credentials and endpoints.
//!
//! Each value comes from, in order: the environment (`KAIROS_<P>_<NAME>`), the profile's
//! `kairos.env` file (config folder, `NAME=value` lines, `#` comments), the CMake cache default
//! compiled into this build, and finally the public endpoint. `<P>` is GOOGLE or MICROSOFT;
//! the names are listed in docs/accounts.md:
//! CLIENT_ID, CLIENT_SECRET (Google only), TENANT (Microsoft, default `common`), AUTH_URL,
//! TOKEN_URL, REVOKE_URL, USERINFO_URL, API_BASE, REDIRECT_PATH.
struct ProviderConfig {
    Provider provider = Provider::Google;
    QString clientId;
    QString clientSecret; //!< Google "Desktop app" clients only; Microsoft public clients: empty
    QString tenant; //!< Microsoft only
    QUrl authorizeUrl;
    QUrl tokenUrl;
    QUrl revokeUrl; //!< empty: the provider has no revocation endpoint (Microsoft)
    QUrl userInfoUrl; //!< Google userinfo, Microsoft Graph /me
    QUrl apiBase;
    QString scope; //!< space separated
    QString redirectPath
        = QStringLiteral("callback"); //!< loopback path: http://127.0.0.1:PORT/<path>

    //! Configured = it has a client ID. The UI disables the provider's button otherwise.
    //! CalDAV needs no app registration: always configured.
    bool isConfigured() const { return provider == Provider::CalDav || !clientId.isEmpty(); }
    //! The account signs in with a user name and password (HTTP Basic), not OAuth.
    bool usesPassword() const { return provider == Provider::CalDav; }
    //! "google" / "microsoft" / "caldav": keychain keys and config names use it.
    QString id() const { return toString(provider); }

    //! Reads the configuration for `provider` as described above.
    static ProviderConfig load(Provider provider, const Profile &profile);
    //! Same, with explicit sources (tests): `env` stands for the environment.
    static ProviderConfig load(Provider provider, const QHash<QString, QString> &env,
        const QHash<QString, QString> &envFile);
    //! Parses a kairos.env file's text.
    static QHash<QString, QString> parseEnvFile(const QByteArray &text);
    //! Whether tokens may be sent to `url`: https, or http on a loopback host (127.0.0.0/8, ::1,
    //! localhost); any http(s) host in a build with KAIROS_ALLOW_INSECURE_ENDPOINTS.
    static bool isAllowedEndpoint(const QUrl &url);
    //! The path of the profile's kairos.env.
    static QString envFilePath(const Profile &profile);
};

} // namespace kairos
