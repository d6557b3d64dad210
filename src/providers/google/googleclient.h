#pragma once

#include "providers/providerclient.h"

#include <QJsonObject>

namespace kairos {

//! \brief Google Calendar API v3: calendarList, events.list (singleEvents=false, maxResults
//! 2500, nextPageToken, syncToken with none of the parameters Google forbids beside it),
//! insert with a client-chosen base32hex id, patch / delete with If-Match.
class GoogleClient final : public ProviderClient {
    Q_OBJECT
public:
    using ProviderClient::ProviderClient;

    static constexpr int kMaxResults = 2500;

    Provider provider() const override { return Provider::Google; }
    ProviderCapabilities capabilities() const override { return staticCapabilities(); }
    static ProviderCapabilities staticCapabilities() { return {}; }
    QString instanceId(const QString &masterProviderId, const Event &occurrence) const override
    {
        return instanceId(masterProviderId, occurrence.originalStart, occurrence.allDay);
    }
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
    QString newClientKey() const override { return newEventId(); }

    //! A random event id in Google's alphabet (base32hex, lower case: [a-v0-9]), 26 chars.
    static QString newEventId();
    //! The id Google gives one instance of a series: "<master>_20240325T090000Z" (timed) or
    //! "<master>_20240325" (all-day).
    static QString instanceId(const QString &masterId, const QDateTime &originalStart, bool allDay);

    //! Wire format ↔ Event (calendarId / id are left to the caller).
    static Event fromJson(const QJsonObject &o, const QByteArray &calendarZone = {});
    static QJsonObject toJson(const Event &e);
    //! Parses one events.list page (thread-safe; runs off the GUI thread).
    static ChangePage parsePage(const QJsonArray &items, const QByteArray &calendarZone);

private:
    void listCalendarsPage(const QString &pageToken, QList<RemoteCalendar> acc, CalendarsDone done);
    void pullPage(const RemoteCalendar &calendar, const QString &token, const QString &pageToken,
        int requests, PageFn onPage, PullDone done);
    static QString calPath(const QString &calendarProviderId);
};

} // namespace kairos
