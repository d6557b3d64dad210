#include "model/account.h"

namespace kairos {

QString toString(Provider p)
{
    switch (p) {
    case Provider::Google:
        return QStringLiteral("google");
    case Provider::Microsoft:
        return QStringLiteral("microsoft");
    case Provider::CalDav:
        return QStringLiteral("caldav");
    }
    return QStringLiteral("google");
}

std::optional<Provider> providerFromString(const QString &s)
{
    if (s == QLatin1String("google"))
        return Provider::Google;
    if (s == QLatin1String("microsoft") || s == QLatin1String("outlook"))
        return Provider::Microsoft;
    if (s == QLatin1String("caldav"))
        return Provider::CalDav;
    return std::nullopt;
}

QString toString(Account::Status s)
{
    switch (s) {
    case Account::Status::Connected:
        return QStringLiteral("connected");
    case Account::Status::Refreshing:
        return QStringLiteral("refreshing");
    case Account::Status::NeedsReconnect:
        return QStringLiteral("needs_reconnect");
    case Account::Status::Offline:
        return QStringLiteral("offline");
    }
    return QStringLiteral("connected");
}

Account::Status accountStatusFromString(const QString &s)
{
    if (s == QLatin1String("refreshing"))
        return Account::Status::Refreshing;
    if (s == QLatin1String("needs_reconnect"))
        return Account::Status::NeedsReconnect;
    if (s == QLatin1String("offline"))
        return Account::Status::Offline;
    return Account::Status::Connected;
}

} // namespace kairos
