#include "providers/caldav/caldavclient.h"

#include "core/futures.h"
#include "core/logging.h"
#include "providers/caldav/caldavobject.h"

#include <QDnsLookup>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>

namespace kairos::caldav {

namespace {

constexpr int kMaxRedirects = 5;
constexpr int kMaxSyncRounds = 1000; // 507 truncation rounds before giving up

const QByteArray kXml = QByteArrayLiteral("application/xml; charset=utf-8");

bool isLoopback(const QString &host)
{
    return host == QLatin1String("localhost") || QHostAddress(host).isLoopback();
}

QUrl withTrailingSlash(QUrl u)
{
    QString p = u.path();
    if (!p.endsWith(QLatin1Char('/'))) {
        u.setPath(p + QLatin1Char('/'));
    }
    return u;
}

bool samePath(const QUrl &a, const QUrl &b)
{
    auto norm = [](const QUrl &u) {
        QString p = u.path(QUrl::FullyDecoded);
        while (p.endsWith(QLatin1Char('/')))
            p.chop(1);
        return p;
    };
    return norm(a) == norm(b);
}

QString normalColor(QString c)
{
    c = c.trimmed();
    if (c.startsWith(QLatin1Char('#')) && (c.size() == 9 || c.size() == 7))
        return c.left(7).toLower();
    return {};
}

} // namespace

CalDavClient::CalDavClient(AuthorizedClient &client, QString accountId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_accountId(std::move(accountId))
{ }

Error CalDavClient::httpError(const ApiResponse &r, bool write)
{
    const QString detail
        = QStringLiteral("HTTP %1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(300)));
    switch (r.status) {
    case 412:
        return makeError(Error::Code::Conflict, detail);
    case 404:
    case 410:
        return makeError(Error::Code::NotFound, detail);
    case 401:
        return makeError(Error::Code::Unauthorised, detail);
    case 403:
        return makeError(write ? Error::Code::ReadOnly : Error::Code::Unauthorised, detail);
    case 429:
        return makeError(Error::Code::RateLimited, detail);
    default:
        break;
    }
    if (r.status >= 500)
        return makeError(Error::Code::ServerError, detail);
    return makeError(Error::Code::ProtocolError, detail);
}

void CalDavClient::send(ApiRequest request, std::function<void(Expected<ApiResponse>)> cb)
{
    ++m_requests;
    QPointer<CalDavClient> self(this);
    onFinished(m_client.send(m_accountId, std::move(request)), this,
        [self, cb = std::move(cb)](const Expected<ApiResponse> &r) {
            if (self)
                cb(r);
        });
}

void CalDavClient::propfind(const QUrl &url, int depth, const QStringList &props,
    std::function<void(Expected<ApiResponse>, QUrl)> cb, int redirects)
{
    ApiRequest req { "PROPFIND", url, propfindBody(props), {} };
    req.header("Depth", QByteArray::number(depth))
        .header("Content-Type", kXml)
        .header("Accept", "application/xml, text/xml");
    QPointer<CalDavClient> self(this);
    send(req, [this, url, depth, props, cb, redirects](const Expected<ApiResponse> &r) {
        if (r
            && (r->status == 301 || r->status == 302 || r->status == 303 || r->status == 307
                || r->status == 308)) {
            const QByteArray location = r->header("Location");
            if (location.isEmpty() || redirects >= kMaxRedirects) {
                cb(makeError(Error::Code::ProtocolError,
                       QStringLiteral("too many redirects from %1").arg(url.toString())),
                    url);
                return;
            }
            const QUrl next = url.resolved(QUrl(QString::fromUtf8(location)));
            // Never from https down to http (except on this computer).
            if (url.scheme() == QLatin1String("https") && next.scheme() != QLatin1String("https")
                && !isLoopback(next.host())) {
                cb(makeError(Error::Code::ProtocolError,
                       QStringLiteral("refusing a redirect from https to %1").arg(next.toString())),
                    url);
                return;
            }
            qCDebug(lcSync) << "CalDAV redirect" << url << "->" << next;
            propfind(next, depth, props, cb, redirects + 1);
            return;
        }
        cb(r, url);
    });
}

// ---------------------------------------------------------------------------------------------
// Discovery (RFC 6764 §6)

void CalDavClient::discover(const QString &userInput, Done<CalDavDiscovery> done)
{
    QString in = userInput.trimmed();
    if (in.isEmpty())
        return done(makeError(Error::Code::InvalidInput, QStringLiteral("no server given")));
    if (!in.contains(QLatin1String("://")))
        in.prepend(QStringLiteral("https://"));
    const QUrl url(in);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
        return done(makeError(
            Error::Code::InvalidInput, QStringLiteral("not a server address: %1").arg(userInput)));
    }
    if (url.scheme() == QLatin1String("http") && !isLoopback(url.host())) {
        return done(makeError(Error::Code::InvalidInput,
            QStringLiteral("http is only allowed on this computer; use https://%1")
                .arg(url.host())));
    }
    auto shared = std::make_shared<Done<CalDavDiscovery>>(std::move(done));
    QList<QUrl> candidates;
    const bool bareHost = url.path().isEmpty() || url.path() == QLatin1String("/");
    if (!bareHost)
        candidates.append(url); // a server URL with a path (Nextcloud .../remote.php/dav)
    QUrl wellKnown = url;
    wellKnown.setPath(QStringLiteral("/.well-known/caldav"));
    wellKnown.setQuery(QString());
    candidates.append(wellKnown);
    QUrl root = wellKnown;
    root.setPath(QStringLiteral("/"));
    candidates.append(root);

    if (!bareHost || !m_dns || isLoopback(url.host()) || url.scheme() != QLatin1String("https")) {
        discoverFrom(candidates, shared, std::nullopt);
        return;
    }
    // RFC 6764 §3: _caldavs._tcp SRV gives host and port, TXT "path=" the context path.
    auto *srv
        = new QDnsLookup(QDnsLookup::SRV, QStringLiteral("_caldavs._tcp.") + url.host(), this);
    connect(srv, &QDnsLookup::finished, this, [this, srv, candidates, shared]() mutable {
        srv->deleteLater();
        const auto records = srv->serviceRecords();
        if (srv->error() != QDnsLookup::NoError || records.isEmpty()
            || records.first().target() == QLatin1String(".")) {
            discoverFrom(candidates, shared, std::nullopt);
            return;
        }
        QUrl target;
        target.setScheme(QStringLiteral("https"));
        target.setHost(records.first().target());
        if (records.first().port() != 443)
            target.setPort(records.first().port());
        auto *txt = new QDnsLookup(QDnsLookup::TXT, srv->name(), this);
        connect(
            txt, &QDnsLookup::finished, this, [this, txt, target, candidates, shared]() mutable {
                txt->deleteLater();
                QString path = QStringLiteral("/.well-known/caldav");
                for (const auto &rec : txt->textRecords()) {
                    for (const QByteArray &v : rec.values()) {
                        if (v.startsWith("path="))
                            path = QString::fromUtf8(v.mid(5));
                    }
                }
                QUrl first = target;
                first.setPath(path);
                candidates.prepend(first);
                discoverFrom(candidates, shared, std::nullopt);
            });
        txt->lookup();
    });
    srv->lookup();
}

void CalDavClient::discoverFrom(QList<QUrl> candidates, std::shared_ptr<Done<CalDavDiscovery>> done,
    std::optional<Error> firstError)
{
    if (candidates.isEmpty()) {
        (*done)(firstError ? *firstError
                           : makeError(Error::Code::NotFound,
                               QStringLiteral("no CalDAV service found there")));
        return;
    }
    const QUrl url = candidates.takeFirst();
    propfind(url, 0,
        { clark(kDav, "current-user-principal"), clark(kCalDav, "calendar-home-set"),
            clark(kDav, "resourcetype") },
        [this, candidates, done, firstError](const Expected<ApiResponse> &r, const QUrl &at) {
            if (!r) {
                // Wrong password or no network: asking elsewhere will not help.
                const auto c = r.error().code;
                if (c == Error::Code::NeedsReconnect || c == Error::Code::NetworkError
                    || c == Error::Code::Timeout || c == Error::Code::InvalidInput) {
                    (*done)(r.error());
                    return;
                }
                discoverFrom(candidates, done, firstError ? firstError : r.error());
                return;
            }
            if (r->status != 207) {
                discoverFrom(candidates, done, firstError ? firstError : httpError(*r, false));
                return;
            }
            auto ms = parseMultiStatus(r->body);
            if (!ms || ms->responses.isEmpty()) {
                discoverFrom(candidates, done,
                    firstError ? firstError
                               : (ms ? makeError(Error::Code::ProtocolError,
                                      QStringLiteral("empty multistatus"))
                                     : ms.error()));
                return;
            }
            const DavResponse &first = ms->responses.first();
            const QStringList principal
                = first.props.value(clark(kDav, "current-user-principal")).hrefs;
            if (!principal.isEmpty()) {
                discoverHome(at, at.resolved(QUrl(principal.first())), done);
                return;
            }
            const QStringList home = first.props.value(clark(kCalDav, "calendar-home-set")).hrefs;
            if (!home.isEmpty()) {
                const QUrl homeUrl = withTrailingSlash(at.resolved(QUrl(home.first())));
                listCalendars(homeUrl, [at, homeUrl, done](Expected<QList<CalDavCalendar>> cals) {
                    if (!cals)
                        return (*done)(cals.error());
                    CalDavDiscovery d;
                    d.contextUrl = at;
                    d.homeUrl = homeUrl;
                    d.calendars = std::move(*cals);
                    (*done)(std::move(d));
                });
                return;
            }
            discoverFrom(candidates, done, firstError);
        });
}

void CalDavClient::discoverHome(
    const QUrl &contextUrl, const QUrl &principal, std::shared_ptr<Done<CalDavDiscovery>> done)
{
    propfind(principal, 0, { clark(kCalDav, "calendar-home-set"), clark(kDav, "displayname") },
        [this, contextUrl, done](const Expected<ApiResponse> &r, const QUrl &at) {
            if (!r)
                return (*done)(r.error());
            if (r->status != 207)
                return (*done)(httpError(*r, false));
            auto ms = parseMultiStatus(r->body);
            if (!ms)
                return (*done)(ms.error());
            if (ms->responses.isEmpty())
                return (*done)(
                    makeError(Error::Code::ProtocolError, QStringLiteral("empty principal")));
            const DavResponse &p = ms->responses.first();
            const QStringList home = p.props.value(clark(kCalDav, "calendar-home-set")).hrefs;
            if (home.isEmpty()) {
                return (*done)(makeError(Error::Code::NotFound,
                    QStringLiteral("the account has no calendar home (not a CalDAV account?)")));
            }
            CalDavDiscovery d;
            d.contextUrl = contextUrl;
            d.principalUrl = at;
            d.displayName = p.text(clark(kDav, "displayname"));
            d.homeUrl = withTrailingSlash(at.resolved(QUrl(home.first())));
            listCalendars(d.homeUrl, [d, done](Expected<QList<CalDavCalendar>> cals) mutable {
                if (!cals)
                    return (*done)(cals.error());
                d.calendars = std::move(*cals);
                (*done)(std::move(d));
            });
        });
}

CalDavCalendar CalDavClient::calendarFrom(const QUrl &base, const DavResponse &r)
{
    CalDavCalendar c;
    c.url = withTrailingSlash(base.resolved(QUrl(r.href)));
    c.displayName = r.text(clark(kDav, "displayname")).trimmed();
    c.color = normalColor(r.text(clark(kApple, "calendar-color")));
    c.description = r.text(clark(kCalDav, "calendar-description")).trimmed();
    c.components = r.props.value(clark(kCalDav, "supported-calendar-component-set")).compNames;
    c.ctag = r.text(clark(kCalServer, "getctag")).trimmed();
    c.syncToken = r.text(clark(kDav, "sync-token")).trimmed();
    c.supportsSyncCollection
        = r.props.value(clark(kDav, "supported-report-set")).has(clark(kDav, "sync-collection"));
    const QString privileges = clark(kDav, "current-user-privilege-set");
    if (r.hasProp(privileges)) {
        const DavProp &p = r.props.value(privileges);
        c.readOnly = !(p.has(clark(kDav, "write")) || p.has(clark(kDav, "write-content"))
            || p.has(clark(kDav, "bind")) || p.has(clark(kDav, "all")));
    }
    if (c.displayName.isEmpty()) {
        QString path = c.url.path();
        path.chop(1);
        c.displayName = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
    }
    return c;
}

void CalDavClient::listCalendars(const QUrl &home, Done<QList<CalDavCalendar>> done)
{
    const QStringList props { clark(kDav, "resourcetype"), clark(kDav, "displayname"),
        clark(kApple, "calendar-color"), clark(kCalDav, "calendar-description"),
        clark(kCalDav, "supported-calendar-component-set"),
        clark(kDav, "current-user-privilege-set"), clark(kCalServer, "getctag"),
        clark(kDav, "sync-token"), clark(kDav, "supported-report-set") };
    propfind(home, 1, props, [done](const Expected<ApiResponse> &r, const QUrl &at) {
        if (!r)
            return done(r.error());
        if (r->status != 207)
            return done(httpError(*r, false));
        auto ms = parseMultiStatus(r->body);
        if (!ms)
            return done(ms.error());
        QList<CalDavCalendar> out;
        for (const DavResponse &resp : std::as_const(ms->responses)) {
            if (!resp.props.value(clark(kDav, "resourcetype")).has(clark(kCalDav, "calendar")))
                continue;
            out.append(calendarFrom(at, resp));
        }
        done(std::move(out));
    });
}

void CalDavClient::calendarState(const QUrl &calendar, Done<CalDavCalendar> done)
{
    propfind(calendar, 0,
        { clark(kDav, "resourcetype"), clark(kDav, "displayname"), clark(kCalServer, "getctag"),
            clark(kDav, "sync-token"), clark(kDav, "current-user-privilege-set"),
            clark(kDav, "supported-report-set"), clark(kCalDav, "supported-calendar-component-set"),
            clark(kApple, "calendar-color") },
        [done](const Expected<ApiResponse> &r, const QUrl &at) {
            if (!r)
                return done(r.error());
            if (r->status != 207)
                return done(httpError(*r, false));
            auto ms = parseMultiStatus(r->body);
            if (!ms)
                return done(ms.error());
            if (ms->responses.isEmpty())
                return done(makeError(Error::Code::ProtocolError, QStringLiteral("empty answer")));
            done(calendarFrom(at, ms->responses.first()));
        });
}

// ---------------------------------------------------------------------------------------------
// Sync

void CalDavClient::syncCollection(
    const QUrl &calendar, const QString &token, Done<CalDavDelta> done)
{
    syncStep(calendar, token, std::make_shared<CalDavDelta>(), 0,
        std::make_shared<Done<CalDavDelta>>(std::move(done)));
}

void CalDavClient::syncStep(const QUrl &calendar, const QString &token,
    std::shared_ptr<CalDavDelta> acc, int round, std::shared_ptr<Done<CalDavDelta>> done)
{
    ApiRequest req { "REPORT", calendar, syncCollectionBody(token), {} };
    req.header("Depth", "0")
        .header("Content-Type", kXml)
        .header("Accept", "application/xml, text/xml");
    send(req, [this, calendar, acc, round, done](const Expected<ApiResponse> &r) {
        if (!r)
            return (*done)(r.error());
        if (r->status == 403 || r->status == 409 || r->status == 410) {
            const QStringList conditions = parseErrorConditions(r->body);
            if (r->status == 410 || conditions.contains(clark(kDav, "valid-sync-token"))) {
                return (*done)(
                    makeError(Error::Code::Conflict, QStringLiteral("sync_token_invalid")));
            }
        }
        if (r->status != 207)
            return (*done)(httpError(*r, false));
        auto ms = parseMultiStatus(r->body);
        if (!ms)
            return (*done)(ms.error());
        bool truncated = false;
        for (const DavResponse &resp : std::as_const(ms->responses)) {
            const QUrl url = calendar.resolved(QUrl(resp.href));
            if (samePath(url, calendar)) {
                truncated = truncated || resp.status == 507;
                continue;
            }
            if (resp.status == 404) {
                acc->changed.remove(url);
                if (!acc->removed.contains(url))
                    acc->removed.append(url);
                continue;
            }
            const QString etag = resp.text(clark(kDav, "getetag")).trimmed();
            if (resp.hasProp(clark(kDav, "getetag"))) {
                acc->removed.removeAll(url);
                acc->changed.insert(url, etag);
            }
        }
        acc->token = ms->syncToken;
        if (truncated && round < kMaxSyncRounds && !ms->syncToken.isEmpty()) {
            syncStep(calendar, ms->syncToken, acc, round + 1, done);
            return;
        }
        (*done)(std::move(*acc));
    });
}

void CalDavClient::listEtags(const QUrl &calendar, Done<QHash<QUrl, QString>> done)
{
    propfind(calendar, 1, { clark(kDav, "getetag"), clark(kDav, "resourcetype") },
        [done](const Expected<ApiResponse> &r, const QUrl &at) {
            if (!r)
                return done(r.error());
            if (r->status != 207)
                return done(httpError(*r, false));
            auto ms = parseMultiStatus(r->body);
            if (!ms)
                return done(ms.error());
            QHash<QUrl, QString> out;
            for (const DavResponse &resp : std::as_const(ms->responses)) {
                const QUrl url = at.resolved(QUrl(resp.href));
                if (samePath(url, at)
                    || resp.props.value(clark(kDav, "resourcetype")).has(clark(kDav, "collection")))
                    continue;
                if (resp.hasProp(clark(kDav, "getetag")))
                    out.insert(url, resp.text(clark(kDav, "getetag")).trimmed());
            }
            done(std::move(out));
        });
}

void CalDavClient::multiget(
    const QUrl &calendar, const QList<QUrl> &urls, Done<QList<CalDavObject>> done)
{
    QStringList hrefs;
    hrefs.reserve(urls.size());
    for (const QUrl &u : urls)
        hrefs.append(u.path(QUrl::FullyEncoded));
    ApiRequest req { "REPORT", calendar, multigetBody(hrefs), {} };
    req.header("Depth", "1")
        .header("Content-Type", kXml)
        .header("Accept", "application/xml, text/xml");
    send(req, [calendar, done](const Expected<ApiResponse> &r) {
        if (!r)
            return done(r.error());
        if (r->status != 207)
            return done(httpError(*r, false));
        auto ms = parseMultiStatus(r->body);
        if (!ms)
            return done(ms.error());
        QList<CalDavObject> out;
        out.reserve(ms->responses.size());
        for (DavResponse &resp : ms->responses) {
            const QString data = clark(kCalDav, "calendar-data");
            if (!resp.hasProp(data))
                continue; // 404: deleted since the listing
            CalDavObject o;
            o.url = calendar.resolved(QUrl(resp.href));
            o.etag = resp.text(clark(kDav, "getetag")).trimmed();
            o.data = resp.props[data].text.toUtf8();
            out.append(std::move(o));
        }
        done(std::move(out));
    });
}

void CalDavClient::get(const QUrl &object, Done<CalDavObject> done)
{
    ApiRequest req = ApiRequest::get(object);
    req.header("Accept", "text/calendar");
    send(req, [object, done](const Expected<ApiResponse> &r) {
        if (!r)
            return done(r.error());
        if (r->status != 200)
            return done(httpError(*r, false));
        CalDavObject o;
        o.url = object;
        o.etag = QString::fromUtf8(r->header("ETag")).trimmed();
        o.data = r->body;
        done(std::move(o));
    });
}

void CalDavClient::put(
    const QUrl &object, const QByteArray &ics, const QString &etag, Done<QString> done)
{
    ApiRequest req { "PUT", object, ics, {} };
    req.header("Content-Type", "text/calendar; charset=utf-8");
    if (etag.isEmpty())
        req.header("If-None-Match", "*");
    else
        req.header("If-Match", etag.toUtf8());
    send(req, [this, object, done](const Expected<ApiResponse> &r) {
        if (!r)
            return done(r.error());
        if (!r->isSuccess())
            return done(httpError(*r, true));
        const QString newEtag = QString::fromUtf8(r->header("ETag")).trimmed();
        if (!newEtag.isEmpty())
            return done(newEtag);
        // The server changed what we sent (RFC 4791 §5.3.4 lets it withhold the ETag then).
        propfind(object, 0, { clark(kDav, "getetag") },
            [done](const Expected<ApiResponse> &pr, const QUrl &) {
                if (!pr)
                    return done(pr.error());
                auto ms = parseMultiStatus(pr->body);
                if (pr->status != 207 || !ms || ms->responses.isEmpty())
                    return done(QString());
                done(ms->responses.first().text(clark(kDav, "getetag")).trimmed());
            });
    });
}

void CalDavClient::remove(const QUrl &object, const QString &etag, Done<void> done)
{
    ApiRequest req = ApiRequest::del(object);
    if (!etag.isEmpty())
        req.header("If-Match", etag.toUtf8());
    send(req, [done](const Expected<ApiResponse> &r) {
        if (!r)
            return done(r.error());
        if (!r->isSuccess())
            return done(httpError(*r, true));
        done({});
    });
}

// ---------------------------------------------------------------------------------------------
// Pull

namespace {

//! What a pull keeps between runs (the opaque token): the RFC 6578 sync token, or for servers
//! without sync-collection the ctag and every resource's ETag.
struct PullState {
    QString sync;
    QString ctag;
    QHash<QString, QString> etags; //!< resource name → ETag (ETag mode only)

    QString toToken() const
    {
        QJsonObject o { { QStringLiteral("v"), 1 } };
        if (!sync.isEmpty())
            o.insert(QStringLiteral("sync"), sync);
        if (!ctag.isEmpty())
            o.insert(QStringLiteral("ctag"), ctag);
        if (!etags.isEmpty()) {
            QJsonObject e;
            for (auto it = etags.cbegin(); it != etags.cend(); ++it)
                e.insert(it.key(), it.value());
            o.insert(QStringLiteral("etags"), e);
        }
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    static PullState fromToken(const QString &token)
    {
        PullState s;
        const QJsonObject o = QJsonDocument::fromJson(token.toUtf8()).object();
        if (o.value(QStringLiteral("v")).toInt() != 1)
            return s; // unknown: a full pull
        s.sync = o.value(QStringLiteral("sync")).toString();
        s.ctag = o.value(QStringLiteral("ctag")).toString();
        const QJsonObject e = o.value(QStringLiteral("etags")).toObject();
        for (auto it = e.begin(); it != e.end(); ++it)
            s.etags.insert(it.key(), it.value().toString());
        return s;
    }
};

} // namespace

struct CalDavClient::PullRun {
    CalDavCalendar cal;
    QString oldToken;
    PullState old;
    PullState next;
    std::function<void(CalDavPage)> onPage;
    Done<CalDavPullResult> done;
    int startRequests = 0;
    QList<QUrl> toFetch;
    int pending = 0;
    int fetched = 0;
    bool finished = false;

    void fail(const Error &e)
    {
        if (finished)
            return;
        finished = true;
        done(e);
    }
};

void CalDavClient::pull(const CalDavCalendar &calendar, const QString &token,
    std::function<void(CalDavPage)> onPage, Done<CalDavPullResult> done)
{
    auto run = std::make_shared<PullRun>();
    run->cal = calendar;
    run->oldToken = token;
    run->old = PullState::fromToken(token);
    run->onPage = std::move(onPage);
    run->done = std::move(done);
    run->startRequests = m_requests;
    const bool haveState = !run->old.sync.isEmpty() || !run->old.ctag.isEmpty();
    if (haveState) {
        const bool same = calendar.supportsSyncCollection
            ? !calendar.syncToken.isEmpty() && calendar.syncToken == run->old.sync
            : !calendar.ctag.isEmpty() && calendar.ctag == run->old.ctag;
        if (same) {
            CalDavPullResult r;
            r.token = token;
            r.unchanged = true;
            run->finished = true;
            run->done(std::move(r));
            return;
        }
    }
    pullDelta(run);
}

void CalDavClient::pullDelta(std::shared_ptr<PullRun> run)
{
    const QUrl url = run->cal.url;
    if (run->cal.supportsSyncCollection) {
        syncCollection(url, run->old.sync, [this, run](Expected<CalDavDelta> d) {
            if (!d) {
                if (d.error().code == Error::Code::Conflict
                    && d.error().message == QLatin1String("sync_token_invalid")) {
                    CalDavPullResult r;
                    r.gone = true;
                    r.requests = m_requests - run->startRequests;
                    run->finished = true;
                    run->done(std::move(r));
                    return;
                }
                return run->fail(d.error());
            }
            run->next.sync = d->token;
            run->next.ctag = run->cal.ctag;
            run->toFetch = d->changed.keys();
            if (!d->removed.isEmpty()) {
                CalDavPage page;
                for (const QUrl &u : std::as_const(d->removed))
                    page.removed.append(resourceName(u.toString()));
                run->onPage(std::move(page));
            }
            fetchChanged(run);
        });
        return;
    }
    listEtags(url, [this, run](Expected<QHash<QUrl, QString>> etags) {
        if (!etags)
            return run->fail(etags.error());
        run->next.ctag = run->cal.ctag;
        CalDavPage removed;
        QHash<QString, QString> seen;
        for (auto it = etags->cbegin(); it != etags->cend(); ++it) {
            const QString name = resourceName(it.key().toString());
            seen.insert(name, it.value());
            if (run->old.etags.value(name) != it.value())
                run->toFetch.append(it.key());
        }
        for (auto it = run->old.etags.cbegin(); it != run->old.etags.cend(); ++it) {
            if (!seen.contains(it.key()))
                removed.removed.append(it.key());
        }
        run->next.etags = std::move(seen);
        if (!removed.removed.isEmpty())
            run->onPage(std::move(removed));
        fetchChanged(run);
    });
}

void CalDavClient::fetchChanged(std::shared_ptr<PullRun> run)
{
    auto finish = [this, run]() {
        if (run->finished || run->pending > 0)
            return;
        run->finished = true;
        CalDavPullResult r;
        r.token = run->next.toToken();
        r.requests = m_requests - run->startRequests;
        r.fetched = run->fetched;
        run->done(std::move(r));
    };
    if (run->toFetch.isEmpty())
        return finish();
    for (qsizetype i = 0; i < run->toFetch.size(); i += m_batch) {
        const QList<QUrl> batch = run->toFetch.mid(i, m_batch);
        ++run->pending;
        multiget(
            run->cal.url, batch, [this, run, batch, finish](Expected<QList<CalDavObject>> objs) {
                if (!objs) {
                    --run->pending;
                    return run->fail(objs.error());
                }
                run->fetched += int(objs->size());
                // Parse off this thread; the page is handed over here.
                auto parse = [batch, objs = std::move(*objs)]() {
                    CalDavPage page;
                    QSet<QString> got;
                    for (const CalDavObject &o : objs) {
                        const QString name = resourceName(o.url.toString());
                        got.insert(name);
                        page.replaced.append(name);
                        auto events = eventsFromObject(o.data, name, o.etag);
                        if (!events) {
                            page.unreadable.insert(name, events.error().message);
                            continue;
                        }
                        page.upserts.append(std::move(*events));
                    }
                    // Asked for but not answered: deleted between the listing and the fetch.
                    for (const QUrl &u : batch) {
                        const QString name = resourceName(u.toString());
                        if (!got.contains(name))
                            page.removed.append(name);
                    }
                    return page;
                };
                onFinished(
                    QtConcurrent::run(std::move(parse)), this, [run, finish](CalDavPage page) {
                        --run->pending;
                        if (run->finished)
                            return;
                        run->onPage(std::move(page));
                        finish();
                    });
            });
    }
}

} // namespace kairos::caldav
