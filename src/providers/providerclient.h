#pragma once

#include "auth/authorizedclient.h"
#include "core/expected.h"
#include "model/calendar.h"
#include "model/event.h"
#include "model/writeoptions.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>
#include <utility>

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
    //! The provider's default reminders (Google defaultReminders, popup only), when it has any.
    std::optional<QList<int>> defaultReminders;
};

//! \brief One page of changes: events to upsert (with providerId set; exceptions carry the
//! master's provider id in recurringEventId) and provider ids that were removed.
struct ChangePage {
    QList<Event> upserts;
    QStringList removed;
    //! Provider ids of series masters this page carries whole (CalDAV: a resource holds the
    //! series and all its overrides): stored exceptions of theirs missing from `upserts` are
    //! gone.
    QStringList replacedSeries;
};

//! \brief What a pull ended with.
struct PullResult {
    bool gone = false; //!< the token expired (Google 410, Graph 410/syncStateNotFound): resync
    QString nextToken; //!< Google nextSyncToken / Graph deltaLink
    int requests = 0;
};

//! \brief What a provider can do and how it models events: the SyncEngine and the UI ask
//! these instead of asking which provider it is.
struct ProviderCapabilities {
    //! Writes can be sent with or without notifying the attendees (Google sendUpdates). False:
    //! the provider notifies the attendees of every write (Graph has no switch).
    bool optionalSendUpdates = true;
    //! The provider lists a series as its master plus changed / cancelled instances, and the
    //! app expands the occurrences itself (Google). False: the provider expands series and
    //! every occurrence arrives as its own event (Graph calendarView); masters are not kept.
    bool expandsRecurrenceLocally = true;
    //! "Out of office" can be written (Graph showAs oof). False: shown and kept, not editable.
    bool writesOutOfOffice = false;
    //! The client chooses the event id on create (Google: newClientKey() is the id). False:
    //! the server assigns it; the event lives under a provisional id until the answer.
    bool clientAssignsIds = true;
};

//! \brief The common face of the Google, Graph and CalDAV clients. Every call goes through
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
    //! What this provider can do (see ProviderCapabilities); the same as the registry's entry.
    virtual ProviderCapabilities capabilities() const = 0;
    //! The window a pull covers, for `nowUtc`, or nullopt when the provider syncs the whole
    //! calendar (Google). A pull with a token whose window moved by more than a week is
    //! replaced by a full pull of the new window.
    virtual std::optional<std::pair<QDateTime, QDateTime>> syncWindow(const QDateTime &nowUtc) const
    {
        Q_UNUSED(nowUtc);
        return std::nullopt;
    }
    //! The provider id of one occurrence of the series `masterProviderId` (for "this event
    //! only" the first time an occurrence is edited), or "" when the provider has none to
    //! derive (the occurrence must then already carry its own providerId).
    virtual QString instanceId(const QString &masterProviderId, const Event &occurrence) const
    {
        Q_UNUSED(masterProviderId);
        return occurrence.providerId;
    }

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

    //! Requests sent so far (benchmarks, tests).
    virtual int requestCount() const { return m_requests; }

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
