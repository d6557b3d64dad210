#pragma once

#include "providers/providerclient.h"

#include <QJsonObject>

namespace kairos {

//! \brief Microsoft Graph v1.0: me/calendars, calendarView/delta per calendar over a window
//! (90 days back to 13 months ahead) with the stored deltaLink, `@removed` entries, 410 /
//! syncStateNotFound → full resync, `Prefer: outlook.timezone="UTC"`; creates with
//! `transactionId`, PATCH / DELETE with If-Match.
//!
//! Graph expands series itself in calendarView, so every occurrence arrives as its own event
//! (recurringEventId = seriesMasterId). Graph has no "send invitations" switch: it notifies
//! the attendees of every write, so WriteOptions::sendUpdates is not used here.
class GraphClient final : public ProviderClient {
    Q_OBJECT
public:
    using ProviderClient::ProviderClient;

    static constexpr int kPageSize = 500;

    Provider provider() const override { return Provider::Microsoft; }
    ProviderCapabilities capabilities() const override { return staticCapabilities(); }
    static ProviderCapabilities staticCapabilities()
    {
        ProviderCapabilities c;
        c.optionalSendUpdates = false;
        c.expandsRecurrenceLocally = false;
        c.writesOutOfOffice = true;
        c.clientAssignsIds = false;
        return c;
    }
    std::optional<std::pair<QDateTime, QDateTime>> syncWindow(
        const QDateTime &nowUtc) const override
    {
        return windowFor(nowUtc);
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
    QString newClientKey() const override;

    //! The sync window for `now`: [start of day − 90 days, start of day + 13 months).
    static std::pair<QDateTime, QDateTime> windowFor(const QDateTime &nowUtc);

    static Event fromJson(const QJsonObject &o);
    static QJsonObject toJson(const Event &e);
    static ChangePage parsePage(const QJsonArray &value);

private:
    void listPage(const QUrl &url, QList<RemoteCalendar> acc, CalendarsDone done);
    void pullPage(const QUrl &url, int requests, PageFn onPage, PullDone done);
};

} // namespace kairos
