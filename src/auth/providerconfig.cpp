#include "auth/providerconfig.h"

#include "core/logging.h"
#include "core/profile.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcessEnvironment>

// CMake cache defaults (src/auth/CMakeLists.txt); empty unless a distributor sets them.
#ifndef KAIROS_DEFAULT_GOOGLE_CLIENT_ID
#define KAIROS_DEFAULT_GOOGLE_CLIENT_ID ""
#endif
#ifndef KAIROS_DEFAULT_GOOGLE_CLIENT_SECRET
#define KAIROS_DEFAULT_GOOGLE_CLIENT_SECRET ""
#endif
#ifndef KAIROS_DEFAULT_MICROSOFT_CLIENT_ID
#define KAIROS_DEFAULT_MICROSOFT_CLIENT_ID ""
#endif
#ifndef KAIROS_DEFAULT_MICROSOFT_TENANT
#define KAIROS_DEFAULT_MICROSOFT_TENANT ""
#endif

namespace kairos {

namespace {

QString compiledDefault(Provider p, const QString &name)
{
    if (p == Provider::Google) {
        if (name == QLatin1String("CLIENT_ID"))
            return QStringLiteral(KAIROS_DEFAULT_GOOGLE_CLIENT_ID);
        if (name == QLatin1String("CLIENT_SECRET"))
            return QStringLiteral(KAIROS_DEFAULT_GOOGLE_CLIENT_SECRET);
    } else {
        if (name == QLatin1String("CLIENT_ID"))
            return QStringLiteral(KAIROS_DEFAULT_MICROSOFT_CLIENT_ID);
        if (name == QLatin1String("TENANT"))
            return QStringLiteral(KAIROS_DEFAULT_MICROSOFT_TENANT);
    }
    return {};
}

} // namespace

QHash<QString, QString> ProviderConfig::parseEnvFile(const QByteArray &text)
{
    QHash<QString, QString> out;
    const QList<QByteArray> lines = text.split('\n');
    for (QByteArray line : lines) {
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        if (line.startsWith("export "))
            line = line.mid(7).trimmed();
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const QString key = QString::fromUtf8(line.left(eq).trimmed());
        QByteArray value = line.mid(eq + 1).trimmed();
        if (value.size() >= 2
            && ((value.startsWith('"') && value.endsWith('"'))
                || (value.startsWith('\'') && value.endsWith('\''))))
            value = value.mid(1, value.size() - 2);
        out.insert(key, QString::fromUtf8(value));
    }
    return out;
}

QString ProviderConfig::envFilePath(const Profile &profile)
{
    return QDir(profile.configDir()).filePath(QStringLiteral("kairos.env"));
}

ProviderConfig ProviderConfig::load(Provider provider, const Profile &profile)
{
    QHash<QString, QString> env;
    const QProcessEnvironment sys = QProcessEnvironment::systemEnvironment();
    const QStringList keys = sys.keys();
    for (const QString &k : keys) {
        if (k.startsWith(QLatin1String("KAIROS_")))
            env.insert(k, sys.value(k));
    }
    QHash<QString, QString> file;
    QFile f(envFilePath(profile));
    if (f.open(QIODevice::ReadOnly))
        file = parseEnvFile(f.readAll());
    return load(provider, env, file);
}

bool ProviderConfig::isAllowedEndpoint(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return true;
    if (scheme != QLatin1String("http"))
        return false;
#if KAIROS_ALLOW_INSECURE_ENDPOINTS
    return true;
#else
    if (url.host().compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(url.host());
    return !address.isNull() && address.isLoopback();
#endif
}

ProviderConfig ProviderConfig::load(
    Provider provider, const QHash<QString, QString> &env, const QHash<QString, QString> &envFile)
{
    if (provider == Provider::CalDav) {
        // No app registration: each account has its own server (apiBase, set per account)
        // and signs in with a user name and password.
        ProviderConfig c;
        c.provider = provider;
        return c;
    }
    const QString prefix = provider == Provider::Google ? QStringLiteral("KAIROS_GOOGLE_")
                                                        : QStringLiteral("KAIROS_MICROSOFT_");
    auto value = [&](const QString &name, const QString &fallback = {}) {
        const QString key = prefix + name;
        // An endpoint override (environment, e.g. an MCP client's "env" block copied from the
        // web, or kairos.env) that would carry tokens in the clear is ignored.
        const bool endpoint
            = name.endsWith(QLatin1String("_URL")) || name == QLatin1String("API_BASE");
        for (const QString &v : { env.value(key), envFile.value(key) }) {
            if (v.isEmpty())
                continue;
            if (endpoint && !isAllowedEndpoint(QUrl(v))) {
                qCWarning(lcAuth) << "ignoring" << key
                                  << "- endpoints must be https (or http on 127.0.0.1)";
                continue;
            }
            return v;
        }
        if (const QString v = compiledDefault(provider, name); !v.isEmpty())
            return v;
        return fallback;
    };

    ProviderConfig c;
    c.provider = provider;
    c.clientId = value(QStringLiteral("CLIENT_ID"));
    c.redirectPath = value(QStringLiteral("REDIRECT_PATH"), QStringLiteral("callback"));
    if (provider == Provider::Google) {
        c.clientSecret = value(QStringLiteral("CLIENT_SECRET"));
        c.authorizeUrl = QUrl(value(QStringLiteral("AUTH_URL"),
            QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth")));
        c.tokenUrl = QUrl(value(
            QStringLiteral("TOKEN_URL"), QStringLiteral("https://oauth2.googleapis.com/token")));
        c.revokeUrl = QUrl(value(
            QStringLiteral("REVOKE_URL"), QStringLiteral("https://oauth2.googleapis.com/revoke")));
        c.userInfoUrl = QUrl(value(QStringLiteral("USERINFO_URL"),
            QStringLiteral("https://openidconnect.googleapis.com/v1/userinfo")));
        c.apiBase = QUrl(value(
            QStringLiteral("API_BASE"), QStringLiteral("https://www.googleapis.com/calendar/v3/")));
        c.scope = QStringLiteral("openid email https://www.googleapis.com/auth/calendar.readonly "
                                 "https://www.googleapis.com/auth/calendar.events");
    } else {
        c.tenant = value(QStringLiteral("TENANT"), QStringLiteral("common"));
        const QString base = QStringLiteral("https://login.microsoftonline.com/") + c.tenant
            + QStringLiteral("/oauth2/v2.0/");
        c.authorizeUrl
            = QUrl(value(QStringLiteral("AUTH_URL"), base + QStringLiteral("authorize")));
        c.tokenUrl = QUrl(value(QStringLiteral("TOKEN_URL"), base + QStringLiteral("token")));
        c.revokeUrl = QUrl(value(QStringLiteral("REVOKE_URL"))); // none by default
        c.userInfoUrl = QUrl(value(
            QStringLiteral("USERINFO_URL"), QStringLiteral("https://graph.microsoft.com/v1.0/me")));
        c.apiBase = QUrl(
            value(QStringLiteral("API_BASE"), QStringLiteral("https://graph.microsoft.com/v1.0/")));
        c.scope = QStringLiteral("openid profile offline_access User.Read Calendars.ReadWrite");
    }
    return c;
}

} // namespace kairos
