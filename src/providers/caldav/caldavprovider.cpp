#include "providers/caldav/caldavprovider.h"

#include "providers/caldav/caldavobject.h"

#include <QPointer>
#include <QUuid>

namespace kairos {

using namespace caldav;

namespace {

//! The resource a provider id lives in ("abc.ics#123" → "abc.ics").
QString resourceOf(const QString &providerId)
{
    const qsizetype hash = providerId.indexOf(QLatin1Char('#'));
    return hash < 0 ? providerId : providerId.left(hash);
}

//! The original start of an instance id ("abc.ics#<ms>"), or an invalid time.
QDateTime instanceStart(const QString &providerId)
{
    const qsizetype hash = providerId.indexOf(QLatin1Char('#'));
    if (hash < 0)
        return {};
    bool ok = false;
    const qint64 ms = providerId.mid(hash + 1).toLongLong(&ok);
    return ok ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

//! The event `providerId` among the events of a resource, or NotFound.
Expected<Event> pick(const QList<Event> &events, const QString &providerId)
{
    for (const Event &e : events) {
        if (e.providerId == providerId)
            return e;
    }
    return makeError(Error::Code::NotFound, providerId);
}

} // namespace

CalDavProvider::CalDavProvider(AuthorizedClient &client, const QString &accountId, QObject *parent)
    : ProviderClient(client, accountId, parent)
    , m_dav(std::make_unique<CalDavClient>(client, accountId))
{
    // The account's server was found (and its SRV records read) when it was added.
    m_dav->setDnsLookup(false);
}

CalDavProvider::~CalDavProvider() = default;

QString CalDavProvider::instanceId(const QString &masterProviderId, const Event &occurrence) const
{
    if (!occurrence.originalStart.isValid())
        return occurrence.providerId;
    return instanceProviderId(resourceOf(masterProviderId), occurrence.originalStart);
}

QString CalDavProvider::newClientKey() const
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral(".ics");
}

QUrl CalDavProvider::objectUrl(const QString &calendarProviderId, const QString &resource) const
{
    QUrl base(calendarProviderId);
    if (!base.path().endsWith(QLatin1Char('/')))
        base.setPath(base.path() + QLatin1Char('/'));
    // The resource name is still percent-encoded as on the wire.
    return base.resolved(QUrl::fromEncoded(resource.toUtf8(), QUrl::StrictMode));
}

QString CalDavProvider::currentEtag(const QUrl &object, const QString &etag) const
{
    const auto chain = m_successors.constFind(object);
    if (chain == m_successors.constEnd() || etag.isEmpty())
        return etag;
    QString e = etag;
    for (int hops = 0; hops < 64; ++hops) {
        const auto next = chain->constFind(e);
        if (next == chain->constEnd())
            break;
        e = *next;
    }
    return e;
}

void CalDavProvider::wrote(const QUrl &object, const QString &before, const QString &after)
{
    if (before.isEmpty() || after.isEmpty() || before == after)
        return;
    auto &chain = m_successors[object];
    if (chain.size() > 256)
        chain.clear(); // only recent writes matter: the next pull brings the current ETags
    chain.insert(before, after);
}

void CalDavProvider::rewrite(const QUrl &object, const QString &etag,
    std::function<Expected<QByteArray>(const QByteArray &)> edit,
    std::function<void(Expected<std::pair<QByteArray, QString>>)> done)
{
    QPointer<CalDavProvider> self(this);
    m_dav->get(object, [self, object, etag, edit, done](Expected<CalDavObject> obj) {
        if (!self)
            return;
        if (!obj)
            return done(obj.error());
        // The server judges the ETag (If-Match): one based on an older version than the
        // server's is a 412 → Conflict, whatever the GET saw.
        const QString base = self->currentEtag(object, etag);
        auto text = edit(obj->data);
        if (!text)
            return done(text.error());
        const QString ifMatch = base.isEmpty() ? obj->etag : base;
        const QByteArray data = *text;
        // An empty ETag from GET (no ETag header) would turn the PUT into If-None-Match: *.
        if (ifMatch.isEmpty())
            return done(makeError(Error::Code::ProtocolError,
                QStringLiteral("the server gave no ETag for %1").arg(object.toString())));
        self->m_dav->put(
            object, data, ifMatch, [self, object, ifMatch, data, done](Expected<QString> tag) {
                if (!self)
                    return;
                if (!tag)
                    return done(tag.error());
                self->wrote(object, ifMatch, *tag);
                done(std::make_pair(data, *tag));
            });
    });
}

void CalDavProvider::listCalendars(CalendarsDone done)
{
    const QUrl home = m_client.apiBase(m_accountId);
    if (!home.isValid() || home.isEmpty())
        return done(makeError(Error::Code::NotConfigured, QStringLiteral("no CalDAV server")));
    QPointer<CalDavProvider> self(this);
    m_dav->listCalendars(home, [self, done](Expected<QList<CalDavCalendar>> r) {
        if (!self)
            return;
        if (!r)
            return done(r.error());
        QList<RemoteCalendar> out;
        self->m_calendars.clear();
        bool first = true;
        for (const CalDavCalendar &c : std::as_const(*r)) {
            if (!c.hasEvents())
                continue; // task lists, journals
            self->m_calendars.insert(c.url.toString(), c);
            RemoteCalendar rc;
            rc.providerId = c.url.toString();
            rc.name = c.displayName;
            rc.color = c.color;
            rc.readOnly = c.readOnly;
            // CalDAV has no "primary": the first writable calendar of the home stands in.
            rc.primary = first && !c.readOnly;
            if (rc.primary)
                first = false;
            // Everything in the user's calendar home is the user's.
            rc.owned = true;
            out.append(rc);
        }
        done(std::move(out));
    });
}

void CalDavProvider::pull(
    const RemoteCalendar &calendar, const QString &token, PageFn onPage, PullDone done)
{
    QPointer<CalDavProvider> self(this);
    auto start = [self, token, onPage, done](const CalDavCalendar &cal) {
        if (!self)
            return;
        self->m_dav->pull(
            cal, token,
            [onPage](CalDavPage page) {
                ChangePage out;
                out.upserts = std::move(page.upserts);
                out.removed = std::move(page.removed);
                out.replacedSeries = std::move(page.replaced);
                onPage(std::move(out));
            },
            [self, done](Expected<CalDavPullResult> r) {
                if (!self)
                    return;
                if (!r)
                    return done(r.error());
                PullResult p;
                p.gone = r->gone;
                p.nextToken = r->token;
                p.requests = r->requests;
                done(p);
            });
    };
    const auto known = m_calendars.constFind(calendar.providerId);
    if (known != m_calendars.constEnd())
        return start(*known);
    // Not listed by this client yet: read the collection's state first.
    m_dav->calendarState(
        QUrl(calendar.providerId), [self, start, done](Expected<CalDavCalendar> c) {
            if (!self)
                return;
            if (!c)
                return done(c.error());
            start(*c);
        });
}

void CalDavProvider::create(const QString &calendarProviderId, const Event &event,
    const QString &clientKey, const WriteOptions &options, EventDone done)
{
    Q_UNUSED(options);
    Event e = event;
    e.providerId = clientKey;
    if (e.iCalUid.isEmpty())
        e.iCalUid = resourceOf(clientKey).section(QLatin1Char('.'), 0, 0);
    const QUrl url = objectUrl(calendarProviderId, clientKey);
    const QByteArray ics = newObject({ e });
    QPointer<CalDavProvider> self(this);
    // If-None-Match: * — an earlier attempt that got through answers 412 (Conflict), and the
    // engine then reads what the server has (fetch).
    m_dav->put(url, ics, QString(), [self, ics, clientKey, done](Expected<QString> tag) {
        if (!self)
            return;
        if (!tag)
            return done(tag.error());
        auto events = eventsFromObject(ics, clientKey, *tag);
        if (!events)
            return done(events.error());
        done(pick(*events, clientKey));
    });
}

void CalDavProvider::update(const QString &calendarProviderId, const Event &event,
    const QString &etag, const WriteOptions &options, EventDone done)
{
    Q_UNUSED(options);
    const QString resource = resourceOf(event.providerId);
    const QUrl url = objectUrl(calendarProviderId, resource);
    const bool instance = event.originalStart.isValid() && event.providerId != resource;
    Event wire = event;
    if (instance)
        wire.recurringEventId = resource;
    const bool cancelOne = instance && event.status == EventStatus::Cancelled;
    auto edit = [wire, cancelOne](const QByteArray &original) -> Expected<QByteArray> {
        if (cancelOne)
            return excludeOccurrence(original, wire.originalStart, wire.allDay);
        return mergeIntoObject(original, wire);
    };
    rewrite(url, etag, edit,
        [wire, resource, cancelOne, done](Expected<std::pair<QByteArray, QString>> r) {
            if (!r)
                return done(r.error());
            if (cancelOne) {
                // The occurrence is gone from the series (EXDATE): the engine keeps the
                // cancelled instance until the next pull brings the series without it.
                Event e = wire;
                e.etag = r->second;
                return done(e);
            }
            auto events = eventsFromObject(r->first, resource, r->second);
            if (!events)
                return done(events.error());
            done(pick(*events, wire.providerId));
        });
}

void CalDavProvider::remove(const QString &calendarProviderId, const QString &providerId,
    const QString &etag, const WriteOptions &options, VoidDone done)
{
    Q_UNUSED(options);
    const QString resource = resourceOf(providerId);
    const QUrl url = objectUrl(calendarProviderId, resource);
    QPointer<CalDavProvider> self(this);
    if (providerId == resource) {
        // The whole resource: a plain event, or a series with its overrides.
        const QString ifMatch = currentEtag(url, etag);
        m_dav->remove(url, ifMatch, [self, done](Expected<void> r) {
            if (!self)
                return;
            done(r);
        });
        return;
    }
    // One overridden instance: excluded from its series.
    const QDateTime start = instanceStart(providerId);
    if (!start.isValid())
        return done(
            makeError(Error::Code::InvalidInput, QStringLiteral("instance id ") + providerId));
    auto edit = [resource, start](const QByteArray &original) -> Expected<QByteArray> {
        auto events = eventsFromObject(original, resource, QString());
        bool allDay = false;
        if (events) {
            for (const Event &e : std::as_const(*events)) {
                if (e.providerId == resource)
                    allDay = e.allDay;
            }
        }
        return excludeOccurrence(original, start, allDay);
    };
    rewrite(url, etag, edit, [done](Expected<std::pair<QByteArray, QString>> r) {
        if (!r)
            return done(r.error());
        done({});
    });
}

void CalDavProvider::fetch(
    const QString &calendarProviderId, const QString &providerId, EventDone done)
{
    const QString resource = resourceOf(providerId);
    QPointer<CalDavProvider> self(this);
    m_dav->get(objectUrl(calendarProviderId, resource),
        [self, resource, providerId, done](Expected<CalDavObject> obj) {
            if (!self)
                return;
            if (!obj)
                return done(obj.error());
            auto events = eventsFromObject(obj->data, resource, obj->etag);
            if (!events)
                return done(events.error());
            done(pick(*events, providerId));
        });
}

} // namespace kairos
