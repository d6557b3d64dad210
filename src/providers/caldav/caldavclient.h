#pragma once

#include "auth/authorizedclient.h"
#include "core/expected.h"
#include "model/event.h"
#include "providers/caldav/davxml.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

namespace kairos::caldav {

//! \brief A calendar collection as PROPFIND on the calendar home lists it.
struct CalDavCalendar {
    QUrl url; //!< absolute collection URL (trailing slash)
    QString displayName;
    QString color; //!< "#rrggbb" (Apple calendar-color, alpha dropped), or empty
    QString description;
    QStringList components; //!< supported-calendar-component-set, e.g. {"VEVENT","VTODO"}
    bool readOnly = false; //!< current-user-privilege-set has no write / write-content / bind
    QString ctag; //!< CalendarServer getctag (changes whenever anything in it changes)
    QString syncToken; //!< RFC 6578 DAV:sync-token property
    bool supportsSyncCollection = false; //!< supported-report-set lists sync-collection
    bool hasEvents() const
    {
        return components.isEmpty() || components.contains(QLatin1String("VEVENT"));
    }
};

//! \brief Where discovery ended.
struct CalDavDiscovery {
    QUrl contextUrl; //!< where current-user-principal was asked (after redirects / SRV)
    QUrl principalUrl;
    QUrl homeUrl; //!< calendar-home-set
    QString displayName; //!< the principal's displayname, if any
    QList<CalDavCalendar> calendars;
};

//! \brief One calendar object resource.
struct CalDavObject {
    QUrl url;
    QString etag;
    QByteArray data; //!< the iCalendar text
};

//! \brief What changed in a collection since a sync token (RFC 6578), or since a listing.
struct CalDavDelta {
    QHash<QUrl, QString> changed; //!< object URL → new ETag (new or modified)
    QList<QUrl> removed;
    QString token; //!< the new sync token
};

//! \brief One page of a pull: what some resources of a calendar hold now.
struct CalDavPage {
    //! The events of the resources fetched (a series: master first, then its overrides).
    QList<Event> upserts;
    //! Resource names (CalDAV provider ids of masters) fetched in this page: any event of
    //! theirs that is not in `upserts` is gone (e.g. an override the other client removed).
    QStringList replaced;
    //! Resource names deleted on the server: their master and overrides go.
    QStringList removed;
    //! Resources that could not be read as iCalendar (name → why); kept out, never fatal.
    QHash<QString, QString> unreadable;
};

//! \brief What a pull ended with.
struct CalDavPullResult {
    QString token; //!< the state to pass to the next pull (opaque: sync token or ETag list)
    //! The server refused the token (RFC 6578 valid-sync-token): nothing was pulled; drop the
    //! calendar's cache and pull again with an empty token.
    bool gone = false;
    bool unchanged = false; //!< the calendar's sync token / ctag had not moved: no request
    int requests = 0;
    int fetched = 0; //!< resources fetched with calendar-multiget
};

//! \brief A CalDAV client (RFC 4791, 6578, 6764) over the account's authorised request path.
//!
//! Every request goes through AuthorizedClient::send for the account, so it has the account's
//! password from the keychain (HTTP Basic, https only except to this computer), at most a few
//! requests in flight, retries with backoff on 429 / 503, and a 401 puts the account in
//! NeedsReconnect (Error::NeedsReconnect) like a refused OAuth token.
//!
//! Errors: 412 → Error::Conflict (the resource changed: If-Match failed, or If-None-Match: *
//! found one); 404 / 410 → NotFound; 403 on a write → ReadOnly; an invalid sync token
//! (403/409 DAV:valid-sync-token, or 410) → Error::Conflict with message "sync_token_invalid";
//! other statuses as ProviderClient::httpError does. Callbacks run on this object's thread and
//! are dropped if it dies first.
class CalDavClient final : public QObject {
    Q_OBJECT
public:
    template <typename T> using Done = std::function<void(Expected<T>)>;

    CalDavClient(AuthorizedClient &client, QString accountId, QObject *parent = nullptr);

    //! Whether discovery asks DNS for _caldavs._tcp SRV / TXT records (RFC 6764 §3) when the
    //! user gave a bare host. Default on; loopback hosts never.
    void setDnsLookup(bool on) { m_dns = on; }
    //! calendar-multiget batch size (default 100).
    void setMultigetBatch(int n) { m_batch = std::max(1, n); }
    int multigetBatch() const { return m_batch; }

    //! RFC 6764: from what the user typed (a host, "host/path" or a URL; https assumed) to the
    //! calendars — SRV/TXT (bare host), /.well-known/caldav (redirects followed), the URL
    //! itself and "/" are tried for current-user-principal; then calendar-home-set, then the
    //! calendars in the home. A 401 fails at once (NeedsReconnect).
    void discover(const QString &userInput, Done<CalDavDiscovery> done);
    //! The calendar collections in `home` (VEVENT-capable and others; see hasEvents()).
    void listCalendars(const QUrl &home, Done<QList<CalDavCalendar>> done);
    //! One collection's ctag / sync token (PROPFIND Depth 0).
    void calendarState(const QUrl &calendar, Done<CalDavCalendar> done);

    //! RFC 6578 sync-collection since `token` (empty: everything). Follows 507 truncation
    //! until the server has said everything.
    void syncCollection(const QUrl &calendar, const QString &token, Done<CalDavDelta> done);
    //! Every object's ETag (PROPFIND Depth 1), for servers without sync-collection.
    void listEtags(const QUrl &calendar, Done<QHash<QUrl, QString>> done);
    //! calendar-multiget of `urls` (one request; callers batch with multigetBatch()). Objects
    //! that vanished meanwhile are missing from the answer.
    void multiget(const QUrl &calendar, const QList<QUrl> &urls, Done<QList<CalDavObject>> done);
    void get(const QUrl &object, Done<CalDavObject> done);
    //! PUT with If-Match `etag`, or If-None-Match: * when `etag` is empty (create). The result
    //! is the new ETag (asked with a PROPFIND when the server does not send one).
    void put(const QUrl &object, const QByteArray &ics, const QString &etag, Done<QString> done);
    //! DELETE with If-Match `etag` when not empty.
    void remove(const QUrl &object, const QString &etag, Done<void> done);

    //! Pulls what changed in `calendar` since `token` (empty: everything): sync-collection
    //! when the server has it, else the ETag listing compared with the one in the token. A
    //! calendar whose sync-token / ctag (as listCalendars() read it) has not moved costs no
    //! request. Changed resources are fetched with calendar-multiget in batches of
    //! multigetBatch() (at most 4 in flight, the authorised path's cap), parsed off this
    //! thread, and handed to `onPage` here as they arrive. A refused sync token gives `gone`.
    //! `done` comes last, with the token to keep; on an error the old token stays valid
    //! (nothing is skipped by a failed run).
    void pull(const CalDavCalendar &calendar, const QString &token,
        std::function<void(CalDavPage)> onPage, Done<CalDavPullResult> done);

    int requestCount() const { return m_requests; }
    QString accountId() const { return m_accountId; }

    //! Maps an HTTP answer to an Error (see the class comment). Public for tests.
    static Error httpError(const ApiResponse &r, bool write);

private:
    void send(ApiRequest request, std::function<void(Expected<ApiResponse>)> cb);
    //! PROPFIND that follows up to 5 redirects (discovery).
    void propfind(const QUrl &url, int depth, const QStringList &props,
        std::function<void(Expected<ApiResponse>, QUrl finalUrl)> cb, int redirects = 0);
    void discoverFrom(QList<QUrl> candidates, std::shared_ptr<Done<CalDavDiscovery>> done,
        std::optional<Error> firstError);
    void discoverHome(
        const QUrl &contextUrl, const QUrl &principal, std::shared_ptr<Done<CalDavDiscovery>> done);
    void syncStep(const QUrl &calendar, const QString &token, std::shared_ptr<CalDavDelta> acc,
        int round, std::shared_ptr<Done<CalDavDelta>> done);
    static CalDavCalendar calendarFrom(const QUrl &base, const DavResponse &r);
    struct PullRun;
    void pullDelta(std::shared_ptr<PullRun> run);
    void fetchChanged(std::shared_ptr<PullRun> run);

    AuthorizedClient &m_client;
    QString m_accountId;
    bool m_dns = true;
    int m_batch = 100;
    int m_requests = 0;
};

} // namespace kairos::caldav
