#pragma once

#include "providers/caldav/caldavclient.h"
#include "providers/providerclient.h"

#include <QHash>
#include <QUrl>

#include <memory>

namespace kairos {

//! \brief CalDAV as a ProviderClient: the SyncEngine, outbox, conflicts, availability, MCP and
//! import reach CalDAV servers through this like Google and Graph (docs/providers.md).
//!
//! Ids: a calendar's provider id is its collection URL; an event's provider id is its
//! resource name ("abc.ics") for a plain event or a series' master, and
//! "<resource>#<RECURRENCE-ID ms>" for an overridden instance (caldav::instanceProviderId).
//! A series and its overrides are one resource with one ETag (RFC 4791 §4.1): a write of one
//! of them reads the resource, changes that component only (caldav::mergeIntoObject, which
//! keeps what Kairos does not model) and PUTs it back with If-Match. A write of ours moves the
//! resource's ETag, so a later queued write of a sibling based on the ETag before it is sent
//! against the new one (nothing of the sibling changed); any other change makes the server
//! answer 412, which the engine turns into a conflict.
//!
//! The account's calendar home (found by discovery when it was added) is the account's
//! server URL, given to AuthorizedClient as its apiBase.
class CalDavProvider final : public ProviderClient {
    Q_OBJECT
public:
    CalDavProvider(AuthorizedClient &client, const QString &accountId, QObject *parent = nullptr);
    ~CalDavProvider() override;

    Provider provider() const override { return Provider::CalDav; }
    ProviderCapabilities capabilities() const override { return staticCapabilities(); }
    //! Masters + overrides kept (the resource holds the series); the client names resources;
    //! a server with scheduling (iCloud) invites attendees itself, there is no switch.
    static ProviderCapabilities staticCapabilities()
    {
        ProviderCapabilities c;
        c.optionalSendUpdates = false;
        c.expandsRecurrenceLocally = true;
        c.writesOutOfOffice = false;
        c.clientAssignsIds = true;
        return c;
    }
    QString instanceId(const QString &masterProviderId, const Event &occurrence) const override;

    void listCalendars(CalendarsDone done) override;
    void pull(const RemoteCalendar &calendar, const QString &token, PageFn onPage,
        PullDone done) override;
    void create(const QString &calendarProviderId, const Event &event, const QString &clientKey,
        const WriteOptions &options, EventDone done) override;
    void update(const QString &calendarProviderId, const Event &event, const QString &etag,
        const WriteOptions &options, EventDone done) override;
    void remove(const QString &calendarProviderId, const QString &providerId, const QString &etag,
        const WriteOptions &options, VoidDone done) override;
    void fetch(
        const QString &calendarProviderId, const QString &providerId, EventDone done) override;
    //! "<uuid>.ics": the resource name, and so the event's provider id.
    QString newClientKey() const override;
    int requestCount() const override { return m_dav->requestCount(); }

    caldav::CalDavClient &dav() { return *m_dav; }

private:
    QUrl objectUrl(const QString &calendarProviderId, const QString &resource) const;
    //! The ETag to send for a write based on `etag`: followed through the writes of ours that
    //! moved the resource since.
    QString currentEtag(const QUrl &object, const QString &etag) const;
    void wrote(const QUrl &object, const QString &before, const QString &after);
    //! GET, change with `edit`, PUT If-Match; `done` gets the new text and ETag.
    void rewrite(const QUrl &object, const QString &etag,
        std::function<Expected<QByteArray>(const QByteArray &)> edit,
        std::function<void(Expected<std::pair<QByteArray, QString>>)> done);

    std::unique_ptr<caldav::CalDavClient> m_dav;
    //! The collections as the last listing read them (ctag / sync token for pull()).
    QHash<QString, caldav::CalDavCalendar> m_calendars;
    //! object URL → (ETag before a write of ours → ETag after it).
    QHash<QUrl, QHash<QString, QString>> m_successors;
};

} // namespace kairos
