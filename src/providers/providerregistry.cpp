#include "providers/providerregistry.h"

#include "providers/caldav/caldavprovider.h"
#include "providers/google/googleclient.h"
#include "providers/microsoft/graphclient.h"

namespace kairos {

namespace {

template <typename Client>
std::unique_ptr<ProviderClient> make(AuthorizedClient &client, const QString &accountId)
{
    return std::make_unique<Client>(client, accountId);
}

} // namespace

const QList<ProviderEntry> &providerEntries()
{
    // One row per provider: register a new one here.
    static const QList<ProviderEntry> entries {
        { Provider::Google, CalendarKind::Google, GoogleClient::staticCapabilities(),
            &make<GoogleClient> },
        { Provider::Microsoft, CalendarKind::Microsoft, GraphClient::staticCapabilities(),
            &make<GraphClient> },
        { Provider::CalDav, CalendarKind::CalDav, CalDavProvider::staticCapabilities(),
            &make<CalDavProvider> },
    };
    return entries;
}

const ProviderEntry *providerEntry(Provider provider)
{
    for (const ProviderEntry &e : providerEntries()) {
        if (e.provider == provider)
            return &e;
    }
    return nullptr;
}

const ProviderEntry *providerEntry(CalendarKind kind)
{
    for (const ProviderEntry &e : providerEntries()) {
        if (e.calendarKind == kind)
            return &e;
    }
    return nullptr;
}

std::unique_ptr<ProviderClient> makeProviderClient(
    Provider provider, AuthorizedClient &client, const QString &accountId)
{
    const ProviderEntry *e = providerEntry(provider);
    return e ? e->make(client, accountId) : nullptr;
}

std::optional<ProviderCapabilities> capabilitiesFor(CalendarKind kind)
{
    const ProviderEntry *e = providerEntry(kind);
    if (!e)
        return std::nullopt;
    return e->capabilities;
}

} // namespace kairos
