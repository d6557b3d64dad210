#pragma once

#include "model/account.h"
#include "model/calendar.h"
#include "providers/providerclient.h"

#include <QList>

#include <memory>
#include <optional>

namespace kairos {

//! \brief The providers Kairos can sync with: one row each (providerregistry.cpp). Adding a
//! provider is its client under src/providers/<name>/ plus one row here (docs/providers.md);
//! the SyncEngine and the write path only talk to ProviderClient and its capabilities.
struct ProviderEntry {
    using Factory
        = std::unique_ptr<ProviderClient> (*)(AuthorizedClient &client, const QString &accountId);

    Provider provider;
    CalendarKind calendarKind; //!< the kind of the calendars its accounts have
    ProviderCapabilities capabilities;
    Factory make;
};

//! Every registered provider, in the order the UI lists them.
const QList<ProviderEntry> &providerEntries();
//! The entry of `provider` / of the provider whose calendars have `kind`, if any.
const ProviderEntry *providerEntry(Provider provider);
const ProviderEntry *providerEntry(CalendarKind kind);
//! A client for an account of `provider` (nullptr if it is not registered).
std::unique_ptr<ProviderClient> makeProviderClient(
    Provider provider, AuthorizedClient &client, const QString &accountId);
//! The capabilities of the provider behind a calendar of `kind` (nullopt: not a provider's).
std::optional<ProviderCapabilities> capabilitiesFor(CalendarKind kind);

} // namespace kairos
