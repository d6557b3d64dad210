#pragma once

#include "auth/authorizedclient.h"
#include "core/expected.h"
#include "model/calendar.h"
#include "model/event.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <functional>

namespace kairos {

//! \brief A calendar as the provider lists it.
struct RemoteCalendar {
    QString providerId;
    QString name;
    QString color; //!< "#rrggbb" (the provider's colour)
    QByteArray timeZone;
    bool readOnly = false;
    bool primary = false;
    bool owned = false; //!< the account owns it (counts for availability by default)
};

//! \brief One page of changes: events to upsert (with providerId set; exceptions carry the
//! master's provider id in recurringEventId) and provider ids that were removed.
struct ChangePage {
    QList<Event> upserts;
    QStringList removed;
};

//! \brief What a pull ended with.
struct PullResult {
    bool gone = false; //!< the token expired (Google 410, Graph 410/syncStateNotFound): resync
    QString nextToken; //!< Google nextSyncToken / Graph deltaLink
    int requests = 0;
};

//! \brief Options of a local write.
struct WriteOptions {
    bool sendUpdates = false; //!< invite / notify attendees (only when the user asked)
};

//! \brief The common face of the Google and Graph clients. Every call goes through
//! AuthorizedClient::send for the account. Callbacks run on the client's thread; they are
//! dropped if the ProviderClient is destroyed first.
//!
//! Errors of writes: 412 → Error::Conflict; 404 / 410 → Error::NotFound; 409 (Google id
//! already used) → Error::Conflict with message "duplicate"; other HTTP errors → ServerError /
//! ProtocolError; transport errors as AuthorizedClient reports them.
class ProviderClient : public QObject {
    Q_OBJECT
public:
    using PageFn = std::function<void(ChangePage page)>;
    using PullDone = std::function<void(Expected<PullResult>)>;
    using CalendarsDone = std::function<void(Expected<QList<RemoteCalendar>>)>;
    using EventDone = std::function<void(Expected<Event>)>;
    using VoidDone = std::function<void(Expected<void>)>;

    ProviderClient(AuthorizedClient &client, QString accountId, QObject *parent = nullptr);

    virtual Provider provider() const = 0;
    QString accountId() const { return m_accountId; }

    virtual void listCalendars(CalendarsDone done) = 0;
    //! Pulls changes of one calendar since `token` (empty: full sync). `onPage` gets each page
    //! (parsed off the GUI thread) as it arrives, in order; `done` comes after the last page.
    virtual void pull(
        const RemoteCalendar &calendar, const QString &token, PageFn onPage, PullDone done)
        = 0;
    //! Creates `event`; `clientKey` makes retries idempotent (Google: the event id, Graph:
    //! transactionId).
    virtual void create(const QString &calendarProviderId, const Event &event,
        const QString &clientKey, const WriteOptions &options, EventDone done)
        = 0;
    //! Updates the event with `event.providerId`, If-Match `etag` when not empty.
    virtual void update(const QString &calendarProviderId, const Event &event, const QString &etag,
        const WriteOptions &options, EventDone done)
        = 0;
    virtual void remove(const QString &calendarProviderId, const QString &providerId,
        const QString &etag, const WriteOptions &options, VoidDone done)
        = 0;
    virtual void fetch(const QString &calendarProviderId, const QString &providerId, EventDone done)
        = 0;
    //! A client key for an idempotent create (Google: base32hex id; Graph: a UUID).
    virtual QString newClientKey() const = 0;

    int requestCount() const { return m_requests; }

protected:
    //! Sends through AuthorizedClient; `cb` runs on this object's thread unless it died.
    void send(ApiRequest request, std::function<void(Expected<ApiResponse>)> cb);
    //! Maps a non-2xx response to an Error (see the class comment).
    static Error httpError(const ApiResponse &r);

    AuthorizedClient &m_client;
    QString m_accountId;
    int m_requests = 0;
};

} // namespace kairos
