#include "auth/tokenset.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace kairos {

QByteArray TokenSet::toJson() const
{
    QJsonObject o { { QStringLiteral("access_token"), accessToken },
        { QStringLiteral("refresh_token"), refreshToken }, { QStringLiteral("scope"), scope },
        { QStringLiteral("expires_at"),
            expiresAt.isValid() ? QJsonValue(expiresAt.toMSecsSinceEpoch()) : QJsonValue() } };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<TokenSet> TokenSet::fromJson(const QByteArray &json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    TokenSet t;
    t.accessToken = o.value(QStringLiteral("access_token")).toString();
    t.refreshToken = o.value(QStringLiteral("refresh_token")).toString();
    t.scope = o.value(QStringLiteral("scope")).toString();
    const QJsonValue exp = o.value(QStringLiteral("expires_at"));
    if (exp.isDouble())
        t.expiresAt = QDateTime::fromMSecsSinceEpoch(qint64(exp.toDouble()), Qt::UTC);
    return t;
}

QByteArray PasswordCredentials::basicAuthorization() const
{
    return "Basic " + (user + QLatin1Char(':') + password).toUtf8().toBase64();
}

QByteArray PasswordCredentials::toJson() const
{
    const QJsonObject o { { QStringLiteral("kind"), QStringLiteral("password") },
        { QStringLiteral("user"), user }, { QStringLiteral("password"), password } };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<PasswordCredentials> PasswordCredentials::fromJson(const QByteArray &json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("kind")).toString() != QLatin1String("password"))
        return std::nullopt;
    PasswordCredentials c;
    c.user = o.value(QStringLiteral("user")).toString();
    c.password = o.value(QStringLiteral("password")).toString();
    if (!c.isValid())
        return std::nullopt;
    return c;
}

} // namespace kairos
