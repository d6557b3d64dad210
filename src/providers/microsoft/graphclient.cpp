#include "providers/microsoft/graphclient.h"

#include "core/clock.h"
#include "core/futures.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>
#include <QUrlQuery>
#include <QUuid>

namespace kairos {

namespace {

const QByteArray kPreferUtc = "outlook.timezone=\"UTC\"";

QString pct(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

QDateTime parseGraphTime(const QJsonObject &o)
{
    QString s = o.value(QLatin1String("dateTime")).toString();
    if (s.isEmpty())
        return {};
    s = s.left(19);
    QDateTime d = QDateTime::fromString(s, QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"));
    d.setTimeZone(QTimeZone::utc()); // we ask for UTC (Prefer: outlook.timezone="UTC")
    return d;
}

QJsonObject graphTime(const QDateTime &d)
{
    return QJsonObject { { QStringLiteral("dateTime"),
                             d.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss")) },
        { QStringLiteral("timeZone"), QStringLiteral("UTC") } };
}

QJsonObject graphDate(const QDate &d)
{
    return QJsonObject { { QStringLiteral("dateTime"),
                             QString(d.toString(Qt::ISODate) + QStringLiteral("T00:00:00")) },
        { QStringLiteral("timeZone"), QStringLiteral("UTC") } };
}

Attendee::Response responseOf(const QString &s)
{
    if (s == QLatin1String("accepted") || s == QLatin1String("organizer"))
        return Attendee::Response::Accepted;
    if (s == QLatin1String("declined"))
        return Attendee::Response::Declined;
    if (s == QLatin1String("tentativelyAccepted"))
        return Attendee::Response::Tentative;
    return Attendee::Response::NeedsAction;
}

ApiRequest withPrefer(ApiRequest r)
{
    r.header("Prefer", kPreferUtc);
    return r;
}

} // namespace

QString GraphClient::newClientKey() const
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

std::pair<QDateTime, QDateTime> GraphClient::windowFor(const QDateTime &nowUtc)
{
    const QDate today = nowUtc.toUTC().date();
    return { QDateTime(today.addDays(-90), QTime(0, 0), Qt::UTC),
        QDateTime(today.addMonths(13), QTime(0, 0), Qt::UTC) };
}

Event GraphClient::fromJson(const QJsonObject &o)
{
    Event e;
    e.providerId = o.value(QLatin1String("id")).toString();
    e.etag = o.value(QLatin1String("@odata.etag")).toString();
    if (e.etag.isEmpty())
        e.etag = o.value(QLatin1String("changeKey")).toString();
    e.iCalUid = o.value(QLatin1String("iCalUId")).toString();
    e.title = o.value(QLatin1String("subject")).toString();
    e.location = o.value(QLatin1String("location"))
                     .toObject()
                     .value(QLatin1String("displayName"))
                     .toString();
    e.description
        = o.value(QLatin1String("body")).toObject().value(QLatin1String("content")).toString();
    e.allDay = o.value(QLatin1String("isAllDay")).toBool();
    const QDateTime s = parseGraphTime(o.value(QLatin1String("start")).toObject());
    const QDateTime en = parseGraphTime(o.value(QLatin1String("end")).toObject());
    if (e.allDay) {
        e.startDate = s.date();
        e.endDate = en.date() > s.date() ? en.date() : s.date().addDays(1);
    } else {
        e.start = s;
        e.end = en.isValid() ? en : s;
    }
    if (o.value(QLatin1String("isCancelled")).toBool())
        e.status = EventStatus::Cancelled;
    else if (o.value(QLatin1String("showAs")).toString() == QLatin1String("tentative"))
        e.status = EventStatus::Tentative;
    e.outOfOffice = o.value(QLatin1String("showAs")).toString() == QLatin1String("oof");
    e.transparency = o.value(QLatin1String("showAs")).toString() == QLatin1String("free")
        ? Transparency::Transparent
        : Transparency::Opaque;
    e.recurringEventId = o.value(QLatin1String("seriesMasterId")).toString();
    const QString orig = o.value(QLatin1String("originalStart")).toString();
    if (!orig.isEmpty())
        e.originalStart = QDateTime::fromString(orig, Qt::ISODateWithMs).toUTC();
    const QJsonArray att = o.value(QLatin1String("attendees")).toArray();
    for (const auto &v : att) {
        const QJsonObject a = v.toObject();
        const QJsonObject addr = a.value(QLatin1String("emailAddress")).toObject();
        Attendee at;
        at.email = addr.value(QLatin1String("address")).toString();
        at.name = addr.value(QLatin1String("name")).toString();
        at.optional = a.value(QLatin1String("type")).toString() == QLatin1String("optional");
        at.response = responseOf(a.value(QLatin1String("status"))
                                     .toObject()
                                     .value(QLatin1String("response"))
                                     .toString());
        e.attendees << at;
    }
    e.organizer = o.value(QLatin1String("organizer"))
                      .toObject()
                      .value(QLatin1String("emailAddress"))
                      .toObject()
                      .value(QLatin1String("address"))
                      .toString();
    const QString c = o.value(QLatin1String("createdDateTime")).toString();
    if (!c.isEmpty())
        e.created = QDateTime::fromString(c, Qt::ISODateWithMs).toUTC();
    const QString u = o.value(QLatin1String("lastModifiedDateTime")).toString();
    if (!u.isEmpty())
        e.updated = QDateTime::fromString(u, Qt::ISODateWithMs).toUTC();
    return e;
}

QJsonObject GraphClient::toJson(const Event &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("subject"), e.title);
    o.insert(QStringLiteral("body"),
        QJsonObject { { QStringLiteral("contentType"), QStringLiteral("text") },
            { QStringLiteral("content"), e.description } });
    o.insert(
        QStringLiteral("location"), QJsonObject { { QStringLiteral("displayName"), e.location } });
    o.insert(QStringLiteral("isAllDay"), e.allDay);
    if (e.allDay) {
        o.insert(QStringLiteral("start"), graphDate(e.startDate));
        o.insert(QStringLiteral("end"), graphDate(e.endDate));
    } else {
        o.insert(QStringLiteral("start"), graphTime(e.start));
        o.insert(QStringLiteral("end"), graphTime(e.end));
    }
    o.insert(QStringLiteral("showAs"),
        e.transparency == Transparency::Transparent ? QStringLiteral("free")
            : e.outOfOffice                         ? QStringLiteral("oof")
            : e.status == EventStatus::Tentative    ? QStringLiteral("tentative")
                                                    : QStringLiteral("busy"));
    QJsonArray att;
    for (const Attendee &a : e.attendees) {
        att.append(QJsonObject { { QStringLiteral("emailAddress"),
                                     QJsonObject { { QStringLiteral("address"), a.email },
                                         { QStringLiteral("name"), a.name } } },
            { QStringLiteral("type"),
                a.optional ? QStringLiteral("optional") : QStringLiteral("required") } });
    }
    o.insert(QStringLiteral("attendees"), att);
    return o;
}

ChangePage GraphClient::parsePage(const QJsonArray &value)
{
    ChangePage page;
    page.upserts.reserve(value.size());
    for (const auto &v : value) {
        const QJsonObject o = v.toObject();
        if (o.contains(QLatin1String("@removed"))) {
            page.removed << o.value(QLatin1String("id")).toString();
            continue;
        }
        Event e = fromJson(o);
        if (e.status == EventStatus::Cancelled)
            page.removed << e.providerId;
        else
            page.upserts << std::move(e);
    }
    return page;
}

void GraphClient::listCalendars(CalendarsDone done)
{
    listPage(QUrl(QStringLiteral("me/calendars")), {}, std::move(done));
}

void GraphClient::listPage(const QUrl &url, QList<RemoteCalendar> acc, CalendarsDone done)
{
    send(ApiRequest::get(url), [this, acc, done](const Expected<ApiResponse> &r) mutable {
        if (!r)
            return done(r.error());
        if (!r->isSuccess())
            return done(httpError(*r));
        const QJsonObject o = r->json().object();
        const QJsonArray items = o.value(QLatin1String("value")).toArray();
        for (const auto &v : items) {
            const QJsonObject c = v.toObject();
            RemoteCalendar rc;
            rc.providerId = c.value(QLatin1String("id")).toString();
            rc.name = c.value(QLatin1String("name")).toString();
            rc.color = c.value(QLatin1String("hexColor")).toString();
            rc.readOnly = !c.value(QLatin1String("canEdit")).toBool(true);
            rc.primary = c.value(QLatin1String("isDefaultCalendar")).toBool();
            rc.owned = !rc.readOnly && c.value(QLatin1String("canShare")).toBool(true);
            acc << rc;
        }
        const QString next = o.value(QLatin1String("@odata.nextLink")).toString();
        if (!next.isEmpty())
            return listPage(QUrl(next), std::move(acc), std::move(done));
        done(std::move(acc));
    });
}

void GraphClient::pull(
    const RemoteCalendar &calendar, const QString &token, PageFn onPage, PullDone done)
{
    QUrl url;
    if (!token.isEmpty()) {
        url = QUrl(token); // the stored deltaLink, verbatim
    } else {
        const auto [from, to] = windowFor(Clock::nowUtc());
        url = QUrl(QStringLiteral("me/calendars/") + pct(calendar.providerId)
            + QStringLiteral("/calendarView/delta"));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("startDateTime"), from.toString(Qt::ISODate));
        q.addQueryItem(QStringLiteral("endDateTime"), to.toString(Qt::ISODate));
        url.setQuery(q);
    }
    pullPage(url, 0, std::move(onPage), std::move(done));
}

void GraphClient::pullPage(const QUrl &url, int requests, PageFn onPage, PullDone done)
{
    // One Prefer header with both preferences (a second header would replace the first).
    ApiRequest req = ApiRequest::get(url);
    req.header("Prefer", kPreferUtc + ", odata.maxpagesize=" + QByteArray::number(kPageSize));
    send(req, [=, this](const Expected<ApiResponse> &r) mutable {
        ++requests;
        if (!r)
            return done(r.error());
        if (r->status == 410 || (!r->isSuccess() && r->body.contains("syncStateNotFound"))) {
            PullResult gone;
            gone.gone = true;
            gone.requests = requests;
            return done(gone);
        }
        if (!r->isSuccess())
            return done(httpError(*r));
        struct Parsed {
            ChangePage page;
            QString next;
            QString delta;
            bool ok = false;
        };
        const QByteArray body = r->body;
        QPointer<GraphClient> self(this);
        onFinished(QtConcurrent::run([body]() {
            Parsed p;
            QJsonParseError err;
            const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
            if (err.error != QJsonParseError::NoError)
                return p;
            const QJsonObject o = doc.object();
            p.page = parsePage(o.value(QLatin1String("value")).toArray());
            p.next = o.value(QLatin1String("@odata.nextLink")).toString();
            p.delta = o.value(QLatin1String("@odata.deltaLink")).toString();
            p.ok = true;
            return p;
        }),
            &m_client, [=](Parsed p) mutable {
                if (!self)
                    return;
                if (!p.ok)
                    return done(makeError(Error::Code::ProtocolError, QStringLiteral("bad JSON")));
                onPage(std::move(p.page));
                if (!p.next.isEmpty())
                    return self->pullPage(
                        QUrl(p.next), requests, std::move(onPage), std::move(done));
                PullResult res;
                res.nextToken = p.delta;
                res.requests = requests;
                done(res);
            });
    });
}

void GraphClient::create(const QString &cal, const Event &event, const QString &clientKey,
    const WriteOptions &, EventDone done)
{
    QJsonObject body = toJson(event);
    body.insert(QStringLiteral("transactionId"), clientKey);
    const QUrl url(QStringLiteral("me/calendars/") + pct(cal) + QStringLiteral("/events"));
    send(withPrefer(ApiRequest::post(url, QJsonDocument(body)))
             .header("Content-Type", "application/json"),
        [done](const Expected<ApiResponse> &r) {
            if (!r)
                return done(r.error());
            if (!r->isSuccess())
                return done(httpError(*r));
            done(fromJson(r->json().object()));
        });
}

void GraphClient::update(
    const QString &, const Event &event, const QString &etag, const WriteOptions &, EventDone done)
{
    const QUrl url(QStringLiteral("me/events/") + pct(event.providerId));
    ApiRequest req = withPrefer(ApiRequest::patch(url, QJsonDocument(toJson(event))));
    req.header("Content-Type", "application/json");
    if (!etag.isEmpty())
        req.header("If-Match", etag.toUtf8());
    send(req, [done](const Expected<ApiResponse> &r) {
        if (!r)
            return done(r.error());
        if (!r->isSuccess())
            return done(httpError(*r));
        done(fromJson(r->json().object()));
    });
}

void GraphClient::remove(const QString &, const QString &providerId, const QString &etag,
    const WriteOptions &, VoidDone done)
{
    ApiRequest req = ApiRequest::del(QUrl(QStringLiteral("me/events/") + pct(providerId)));
    if (!etag.isEmpty())
        req.header("If-Match", etag.toUtf8());
    send(req, [done](const Expected<ApiResponse> &r) {
        if (!r)
            return done(r.error());
        if (!r->isSuccess())
            return done(httpError(*r));
        done({});
    });
}

void GraphClient::fetch(const QString &, const QString &providerId, EventDone done)
{
    send(withPrefer(ApiRequest::get(QUrl(QStringLiteral("me/events/") + pct(providerId)))),
        [done](const Expected<ApiResponse> &r) {
            if (!r)
                return done(r.error());
            if (!r->isSuccess())
                return done(httpError(*r));
            Event e = fromJson(r->json().object());
            if (e.status == EventStatus::Cancelled)
                return done(makeError(Error::Code::NotFound, QStringLiteral("cancelled")));
            done(e);
        });
}

} // namespace kairos
