#include "providers/google/googleclient.h"

#include "core/futures.h"
#include "core/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QtConcurrent/QtConcurrentRun>
#include <QUrlQuery>

namespace kairos {

namespace {

QString pct(const QString &s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

QTimeZone zoneFor(QHash<QByteArray, QTimeZone> &cache, const QByteArray &id)
{
    auto it = cache.constFind(id);
    if (it != cache.constEnd())
        return *it;
    QTimeZone z = id.isEmpty() || id == "UTC" ? QTimeZone::utc() : QTimeZone(id);
    if (!z.isValid())
        z = QTimeZone::utc();
    cache.insert(id, z);
    return z;
}

struct When {
    QDateTime dateTime;
    QDate date;
};

When parseWhen(
    const QJsonObject &o, const QByteArray &fallbackZone, QHash<QByteArray, QTimeZone> &zones)
{
    When w;
    const QString date = o.value(QLatin1String("date")).toString();
    if (!date.isEmpty()) {
        w.date = QDate::fromString(date, Qt::ISODate);
        return w;
    }
    const QString s = o.value(QLatin1String("dateTime")).toString();
    if (s.isEmpty())
        return w;
    QDateTime d = QDateTime::fromString(s, Qt::ISODateWithMs);
    QByteArray tz = o.value(QLatin1String("timeZone")).toString().toLatin1();
    if (tz.isEmpty())
        tz = fallbackZone;
    w.dateTime = tz.isEmpty() ? d.toUTC() : d.toTimeZone(zoneFor(zones, tz));
    return w;
}

QJsonObject whenJson(const QDateTime &d)
{
    QJsonObject o;
    o.insert(QStringLiteral("dateTime"), d.toString(Qt::ISODate));
    o.insert(QStringLiteral("timeZone"),
        d.timeSpec() == Qt::TimeZone ? QString::fromLatin1(d.timeZone().id())
                                     : QStringLiteral("UTC"));
    return o;
}

Attendee::Response responseOf(const QString &s)
{
    if (s == QLatin1String("accepted"))
        return Attendee::Response::Accepted;
    if (s == QLatin1String("declined"))
        return Attendee::Response::Declined;
    if (s == QLatin1String("tentative"))
        return Attendee::Response::Tentative;
    return Attendee::Response::NeedsAction;
}

//! The minutes of the "popup" entries of reminders.overrides / defaultReminders (e-mail
//! reminders are Google's to send; Kairos shows pop-ups).
QList<int> popupMinutes(const QJsonArray &list)
{
    QList<int> out;
    for (const auto &v : list) {
        const QJsonObject r = v.toObject();
        if (r.value(QLatin1String("method")).toString() == QLatin1String("popup"))
            out << r.value(QLatin1String("minutes")).toInt();
    }
    return normalizeReminders(out);
}

bool isRateLimit(const ApiResponse &r)
{
    return r.status == 403
        && (r.body.contains("rateLimitExceeded") || r.body.contains("userRateLimitExceeded"));
}

Error googleError(const ApiResponse &r)
{
    if (isRateLimit(r))
        return makeError(Error::Code::RateLimited, QStringLiteral("403 rateLimitExceeded"));
    return Error {};
}

} // namespace

QString GoogleClient::calPath(const QString &calendarProviderId)
{
    return QStringLiteral("calendars/") + pct(calendarProviderId);
}

QString GoogleClient::newEventId()
{
    static const char alphabet[] = "0123456789abcdefghijklmnopqrstuv";
    QString id;
    id.reserve(26);
    for (int i = 0; i < 26; ++i)
        id.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(32)]));
    return id;
}

QString GoogleClient::instanceId(
    const QString &masterId, const QDateTime &originalStart, bool allDay)
{
    if (allDay)
        return masterId + QLatin1Char('_')
            + originalStart.date().toString(QStringLiteral("yyyyMMdd"));
    return masterId + QLatin1Char('_')
        + originalStart.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

Event GoogleClient::fromJson(const QJsonObject &o, const QByteArray &calendarZone)
{
    thread_local QHash<QByteArray, QTimeZone> zones;
    Event e;
    e.providerId = o.value(QLatin1String("id")).toString();
    e.etag = o.value(QLatin1String("etag")).toString();
    e.iCalUid = o.value(QLatin1String("iCalUID")).toString();
    e.sequence = o.value(QLatin1String("sequence")).toInt();
    e.title = o.value(QLatin1String("summary")).toString();
    e.location = o.value(QLatin1String("location")).toString();
    e.description = o.value(QLatin1String("description")).toString();
    const QString status = o.value(QLatin1String("status")).toString();
    e.status = status == QLatin1String("cancelled") ? EventStatus::Cancelled
        : status == QLatin1String("tentative")      ? EventStatus::Tentative
                                                    : EventStatus::Confirmed;
    const When s = parseWhen(o.value(QLatin1String("start")).toObject(), calendarZone, zones);
    const When en = parseWhen(o.value(QLatin1String("end")).toObject(), calendarZone, zones);
    if (s.date.isValid()) {
        e.allDay = true;
        e.startDate = s.date;
        e.endDate = en.date.isValid() ? en.date : s.date.addDays(1);
    } else {
        e.start = s.dateTime;
        e.end = en.dateTime.isValid() ? en.dateTime : s.dateTime;
    }
    const QJsonArray rec = o.value(QLatin1String("recurrence")).toArray();
    for (const auto &v : rec)
        e.recurrence << v.toString();
    e.recurringEventId = o.value(QLatin1String("recurringEventId")).toString();
    const QJsonObject orig = o.value(QLatin1String("originalStartTime")).toObject();
    if (!orig.isEmpty()) {
        const When w = parseWhen(orig, calendarZone, zones);
        e.originalStart = w.date.isValid() ? QDateTime(w.date, QTime(0, 0), Qt::UTC) : w.dateTime;
    }
    // A cancelled instance of a series carries only its id and original start.
    if (!e.allDay && !e.start.isValid() && e.originalStart.isValid()) {
        e.start = e.end = e.originalStart;
        if (!orig.value(QLatin1String("date")).isUndefined()) {
            e.allDay = true;
            e.startDate = e.originalStart.date();
            e.endDate = e.startDate.addDays(1);
            e.start = e.end = QDateTime();
        }
    }
    const QJsonArray att = o.value(QLatin1String("attendees")).toArray();
    for (const auto &v : att) {
        const QJsonObject a = v.toObject();
        Attendee at;
        at.email = a.value(QLatin1String("email")).toString();
        at.name = a.value(QLatin1String("displayName")).toString();
        at.response = responseOf(a.value(QLatin1String("responseStatus")).toString());
        at.optional = a.value(QLatin1String("optional")).toBool();
        at.organizer = a.value(QLatin1String("organizer")).toBool();
        at.self = a.value(QLatin1String("self")).toBool();
        e.attendees << at;
    }
    e.organizer
        = o.value(QLatin1String("organizer")).toObject().value(QLatin1String("email")).toString();
    e.outOfOffice = o.value(QLatin1String("eventType")).toString() == QLatin1String("outOfOffice");
    const QJsonObject rem = o.value(QLatin1String("reminders")).toObject();
    e.defaultReminders = rem.value(QLatin1String("useDefault")).toBool();
    e.reminders = popupMinutes(rem.value(QLatin1String("overrides")).toArray());
    e.transparency
        = o.value(QLatin1String("transparency")).toString() == QLatin1String("transparent")
        ? Transparency::Transparent
        : Transparency::Opaque;
    const QString c = o.value(QLatin1String("created")).toString();
    if (!c.isEmpty())
        e.created = QDateTime::fromString(c, Qt::ISODateWithMs).toUTC();
    const QString u = o.value(QLatin1String("updated")).toString();
    if (!u.isEmpty())
        e.updated = QDateTime::fromString(u, Qt::ISODateWithMs).toUTC();
    return e;
}

QJsonObject GoogleClient::toJson(const Event &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("summary"), e.title);
    o.insert(QStringLiteral("location"), e.location);
    o.insert(QStringLiteral("description"), e.description);
    if (e.allDay) {
        o.insert(QStringLiteral("start"),
            QJsonObject { { QStringLiteral("date"), e.startDate.toString(Qt::ISODate) } });
        o.insert(QStringLiteral("end"),
            QJsonObject { { QStringLiteral("date"), e.endDate.toString(Qt::ISODate) } });
    } else {
        o.insert(QStringLiteral("start"), whenJson(e.start));
        o.insert(QStringLiteral("end"), whenJson(e.end));
    }
    if (!e.recurrence.isEmpty())
        o.insert(QStringLiteral("recurrence"), QJsonArray::fromStringList(e.recurrence));
    QJsonArray att;
    for (const Attendee &a : e.attendees) {
        QJsonObject ao { { QStringLiteral("email"), a.email } };
        if (!a.name.isEmpty())
            ao.insert(QStringLiteral("displayName"), a.name);
        if (a.optional)
            ao.insert(QStringLiteral("optional"), true);
        att.append(ao);
    }
    o.insert(QStringLiteral("attendees"), att);
    o.insert(QStringLiteral("transparency"),
        e.transparency == Transparency::Transparent ? QStringLiteral("transparent")
                                                    : QStringLiteral("opaque"));
    if (e.status == EventStatus::Tentative)
        o.insert(QStringLiteral("status"), QStringLiteral("tentative"));
    // Google refuses overrides beside useDefault, and more than five overrides.
    QJsonObject rem { { QStringLiteral("useDefault"), e.defaultReminders } };
    if (!e.defaultReminders) {
        QJsonArray overrides;
        for (int m : normalizeReminders(e.reminders).mid(0, 5))
            overrides.append(QJsonObject { { QStringLiteral("method"), QStringLiteral("popup") },
                { QStringLiteral("minutes"), m } });
        rem.insert(QStringLiteral("overrides"), overrides);
    }
    o.insert(QStringLiteral("reminders"), rem);
    return o;
}

ChangePage GoogleClient::parsePage(const QJsonArray &items, const QByteArray &calendarZone)
{
    ChangePage page;
    page.upserts.reserve(items.size());
    for (const auto &v : items) {
        Event e = fromJson(v.toObject(), calendarZone);
        // A cancelled single event (or master) is a deletion; a cancelled instance of a
        // series stays as a cancelled override so the expander leaves that date out.
        if (e.status == EventStatus::Cancelled && e.recurringEventId.isEmpty())
            page.removed << e.providerId;
        else
            page.upserts << std::move(e);
    }
    return page;
}

void GoogleClient::listCalendars(CalendarsDone done)
{
    listCalendarsPage({}, {}, std::move(done));
}

void GoogleClient::listCalendarsPage(
    const QString &pageToken, QList<RemoteCalendar> acc, CalendarsDone done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("maxResults"), QStringLiteral("250"));
    if (!pageToken.isEmpty())
        q.addQueryItem(QStringLiteral("pageToken"), pct(pageToken));
    QUrl url(QStringLiteral("users/me/calendarList"));
    url.setQuery(q);
    send(ApiRequest::get(url), [this, acc, done](const Expected<ApiResponse> &r) mutable {
        if (!r)
            return done(r.error());
        if (!r->isSuccess()) {
            const Error g = googleError(*r);
            return done(g.code == Error::Code::RateLimited ? g : httpError(*r));
        }
        const QJsonObject o = r->json().object();
        const QJsonArray items = o.value(QLatin1String("items")).toArray();
        for (const auto &v : items) {
            const QJsonObject c = v.toObject();
            if (c.value(QLatin1String("deleted")).toBool())
                continue;
            RemoteCalendar rc;
            rc.providerId = c.value(QLatin1String("id")).toString();
            rc.name = c.value(QLatin1String("summaryOverride")).toString();
            if (rc.name.isEmpty())
                rc.name = c.value(QLatin1String("summary")).toString();
            rc.color = c.value(QLatin1String("backgroundColor")).toString();
            rc.timeZone = c.value(QLatin1String("timeZone")).toString().toLatin1();
            const QString role = c.value(QLatin1String("accessRole")).toString();
            rc.readOnly = role != QLatin1String("owner") && role != QLatin1String("writer");
            rc.owned = role == QLatin1String("owner");
            rc.primary = c.value(QLatin1String("primary")).toBool();
            if (c.contains(QLatin1String("defaultReminders")))
                rc.defaultReminders
                    = popupMinutes(c.value(QLatin1String("defaultReminders")).toArray());
            acc << rc;
        }
        const QString next = o.value(QLatin1String("nextPageToken")).toString();
        if (!next.isEmpty())
            return listCalendarsPage(next, std::move(acc), std::move(done));
        done(std::move(acc));
    });
}

void GoogleClient::pull(
    const RemoteCalendar &calendar, const QString &token, PageFn onPage, PullDone done)
{
    pullPage(calendar, token, {}, 0, std::move(onPage), std::move(done));
}

void GoogleClient::pullPage(const RemoteCalendar &calendar, const QString &token,
    const QString &pageToken, int requests, PageFn onPage, PullDone done)
{
    // Only parameters allowed beside syncToken, and the same ones as the full sync.
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("singleEvents"), QStringLiteral("false"));
    q.addQueryItem(QStringLiteral("maxResults"), QString::number(kMaxResults));
    if (!token.isEmpty())
        q.addQueryItem(QStringLiteral("syncToken"), pct(token));
    if (!pageToken.isEmpty())
        q.addQueryItem(QStringLiteral("pageToken"), pct(pageToken));
    QUrl url(calPath(calendar.providerId) + QStringLiteral("/events"));
    url.setQuery(q);
    send(ApiRequest::get(url), [=, this](const Expected<ApiResponse> &r) mutable {
        ++requests;
        if (!r)
            return done(r.error());
        if (r->status == 410) {
            PullResult gone;
            gone.gone = true;
            gone.requests = requests;
            return done(gone);
        }
        if (!r->isSuccess()) {
            const Error g = googleError(*r);
            return done(g.code == Error::Code::RateLimited ? g : httpError(*r));
        }
        const QByteArray body = r->body;
        const QByteArray zone = calendar.timeZone;
        struct Parsed {
            ChangePage page;
            QString next;
            QString syncToken;
            bool ok = false;
        };
        QPointer<GoogleClient> self(this);
        onFinished(QtConcurrent::run([body, zone]() {
            Parsed p;
            QJsonParseError err;
            const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
            if (err.error != QJsonParseError::NoError)
                return p;
            const QJsonObject o = doc.object();
            p.page = parsePage(o.value(QLatin1String("items")).toArray(), zone);
            p.next = o.value(QLatin1String("nextPageToken")).toString();
            p.syncToken = o.value(QLatin1String("nextSyncToken")).toString();
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
                        calendar, token, p.next, requests, std::move(onPage), std::move(done));
                PullResult res;
                res.nextToken = p.syncToken;
                res.requests = requests;
                done(res);
            });
    });
}

void GoogleClient::create(const QString &cal, const Event &event, const QString &clientKey,
    const WriteOptions &options, EventDone done)
{
    QJsonObject body = toJson(event);
    body.insert(QStringLiteral("id"), clientKey);
    // A UID chosen here (a booked meeting, an imported file) stays the event's iCalUID, so
    // copies in other calendars and .ics invitations match it.
    if (!event.iCalUid.isEmpty())
        body.insert(QStringLiteral("iCalUID"), event.iCalUid);
    QUrl url(calPath(cal) + QStringLiteral("/events"));
    url.setQuery(QStringLiteral("sendUpdates=")
        + (options.sendUpdates ? QStringLiteral("all") : QStringLiteral("none")));
    send(ApiRequest::post(url, QJsonDocument(body)).header("Content-Type", "application/json"),
        [done](const Expected<ApiResponse> &r) {
            if (!r)
                return done(r.error());
            if (!r->isSuccess()) {
                const Error g = googleError(*r);
                return done(g.code == Error::Code::RateLimited ? g : httpError(*r));
            }
            done(fromJson(r->json().object()));
        });
}

void GoogleClient::update(const QString &cal, const Event &event, const QString &etag,
    const WriteOptions &options, EventDone done)
{
    QJsonObject body = toJson(event);
    if (!event.recurringEventId.isEmpty() && event.originalStart.isValid()) {
        body.insert(QStringLiteral("recurringEventId"), event.recurringEventId);
        QJsonObject orig;
        if (event.allDay)
            orig.insert(QStringLiteral("date"), event.originalStart.date().toString(Qt::ISODate));
        else
            orig = whenJson(event.originalStart);
        body.insert(QStringLiteral("originalStartTime"), orig);
        if (event.status == EventStatus::Cancelled)
            body.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
    }
    QUrl url(calPath(cal) + QStringLiteral("/events/") + pct(event.providerId));
    url.setQuery(QStringLiteral("sendUpdates=")
        + (options.sendUpdates ? QStringLiteral("all") : QStringLiteral("none")));
    ApiRequest req = ApiRequest::patch(url, QJsonDocument(body));
    req.header("Content-Type", "application/json");
    if (!etag.isEmpty())
        req.header("If-Match", etag.toUtf8());
    send(req, [done](const Expected<ApiResponse> &r) {
        if (!r)
            return done(r.error());
        if (!r->isSuccess()) {
            const Error g = googleError(*r);
            return done(g.code == Error::Code::RateLimited ? g : httpError(*r));
        }
        done(fromJson(r->json().object()));
    });
}

void GoogleClient::remove(const QString &cal, const QString &providerId, const QString &etag,
    const WriteOptions &options, VoidDone done)
{
    QUrl url(calPath(cal) + QStringLiteral("/events/") + pct(providerId));
    url.setQuery(QStringLiteral("sendUpdates=")
        + (options.sendUpdates ? QStringLiteral("all") : QStringLiteral("none")));
    ApiRequest req = ApiRequest::del(url);
    if (!etag.isEmpty())
        req.header("If-Match", etag.toUtf8());
    send(req, [done](const Expected<ApiResponse> &r) {
        if (!r)
            return done(r.error());
        if (!r->isSuccess()) {
            const Error g = googleError(*r);
            return done(g.code == Error::Code::RateLimited ? g : httpError(*r));
        }
        done({});
    });
}

void GoogleClient::fetch(const QString &cal, const QString &providerId, EventDone done)
{
    send(ApiRequest::get(QUrl(calPath(cal) + QStringLiteral("/events/") + pct(providerId))),
        [done](const Expected<ApiResponse> &r) {
            if (!r)
                return done(r.error());
            if (!r->isSuccess())
                return done(httpError(*r));
            Event e = fromJson(r->json().object());
            if (e.status == EventStatus::Cancelled && e.recurringEventId.isEmpty())
                return done(makeError(Error::Code::NotFound, QStringLiteral("cancelled")));
            done(e);
        });
}

} // namespace kairos
