#include "providers/microsoft/graphclient.h"

#include "core/clock.h"
#include "core/futures.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>

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

const char *const kGraphDays[]
    = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };
const char *const kRruleDays[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

//! RRULE (FREQ DAILY / WEEKLY / MONTHLY, INTERVAL, BYDAY, BYMONTHDAY, COUNT, UNTIL) →
//! Graph patternedRecurrence, in UTC like the rest of what we send. Empty when the rule has
//! no Graph equivalent.
QJsonObject patternedRecurrence(const QStringList &lines, const QDate &startDate)
{
    QString rule;
    for (const QString &l : lines) {
        if (l.startsWith(QLatin1String("RRULE:"), Qt::CaseInsensitive))
            rule = l.mid(6);
    }
    if (rule.isEmpty())
        return {};
    QHash<QString, QString> parts;
    for (const QString &p : rule.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        parts.insert(p.section(QLatin1Char('='), 0, 0).toUpper(), p.section(QLatin1Char('='), 1));
    const QString freq = parts.value(QStringLiteral("FREQ")).toUpper();
    QJsonObject pattern;
    pattern.insert(QStringLiteral("interval"),
        std::max(1, parts.value(QStringLiteral("INTERVAL"), QStringLiteral("1")).toInt()));
    if (freq == QLatin1String("DAILY")) {
        pattern.insert(QStringLiteral("type"), QStringLiteral("daily"));
    } else if (freq == QLatin1String("WEEKLY")) {
        pattern.insert(QStringLiteral("type"), QStringLiteral("weekly"));
        QJsonArray days;
        const QStringList by
            = parts.value(QStringLiteral("BYDAY")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (int i = 0; i < 7; ++i) {
            if (by.contains(QLatin1String(kRruleDays[i]), Qt::CaseInsensitive)
                || (by.isEmpty() && startDate.dayOfWeek() == i + 1))
                days.append(QString::fromLatin1(kGraphDays[i]));
        }
        pattern.insert(QStringLiteral("daysOfWeek"), days);
        pattern.insert(QStringLiteral("firstDayOfWeek"), QStringLiteral("sunday"));
    } else if (freq == QLatin1String("MONTHLY")) {
        pattern.insert(QStringLiteral("type"), QStringLiteral("absoluteMonthly"));
        pattern.insert(QStringLiteral("dayOfMonth"),
            parts.value(QStringLiteral("BYMONTHDAY"), QString::number(startDate.day())).toInt());
    } else {
        return {};
    }
    QJsonObject range { { QStringLiteral("startDate"), startDate.toString(Qt::ISODate) },
        { QStringLiteral("recurrenceTimeZone"), QStringLiteral("UTC") } };
    if (parts.contains(QStringLiteral("COUNT"))) {
        range.insert(QStringLiteral("type"), QStringLiteral("numbered"));
        range.insert(
            QStringLiteral("numberOfOccurrences"), parts.value(QStringLiteral("COUNT")).toInt());
    } else if (parts.contains(QStringLiteral("UNTIL"))) {
        range.insert(QStringLiteral("type"), QStringLiteral("endDate"));
        range.insert(QStringLiteral("endDate"),
            QDate::fromString(
                parts.value(QStringLiteral("UNTIL")).left(8), QStringLiteral("yyyyMMdd"))
                .toString(Qt::ISODate));
    } else {
        range.insert(QStringLiteral("type"), QStringLiteral("noEnd"));
    }
    return QJsonObject { { QStringLiteral("pattern"), pattern },
        { QStringLiteral("range"), range } };
}

//! patternedRecurrence → one canonical RRULE line (FREQ;INTERVAL>1;BYDAY;BYMONTHDAY;COUNT|UNTIL).
QString rruleFrom(const QJsonObject &rec)
{
    const QJsonObject pattern = rec.value(QLatin1String("pattern")).toObject();
    const QJsonObject range = rec.value(QLatin1String("range")).toObject();
    const QString type = pattern.value(QLatin1String("type")).toString();
    QString r = QStringLiteral("RRULE:FREQ=");
    if (type == QLatin1String("daily"))
        r += QStringLiteral("DAILY");
    else if (type == QLatin1String("weekly"))
        r += QStringLiteral("WEEKLY");
    else if (type == QLatin1String("absoluteMonthly"))
        r += QStringLiteral("MONTHLY");
    else
        return {};
    const int interval = pattern.value(QLatin1String("interval")).toInt(1);
    if (interval > 1)
        r += QStringLiteral(";INTERVAL=") + QString::number(interval);
    if (type == QLatin1String("weekly")) {
        QStringList by;
        const QJsonArray days = pattern.value(QLatin1String("daysOfWeek")).toArray();
        for (int i = 0; i < 7; ++i) {
            if (days.contains(QJsonValue(QString::fromLatin1(kGraphDays[i]))))
                by << QString::fromLatin1(kRruleDays[i]);
        }
        if (!by.isEmpty())
            r += QStringLiteral(";BYDAY=") + by.join(QLatin1Char(','));
    } else if (type == QLatin1String("absoluteMonthly")) {
        r += QStringLiteral(";BYMONTHDAY=")
            + QString::number(pattern.value(QLatin1String("dayOfMonth")).toInt());
    }
    const QString rangeType = range.value(QLatin1String("type")).toString();
    if (rangeType == QLatin1String("numbered"))
        r += QStringLiteral(";COUNT=")
            + QString::number(range.value(QLatin1String("numberOfOccurrences")).toInt());
    else if (rangeType == QLatin1String("endDate"))
        r += QStringLiteral(";UNTIL=")
            + QDate::fromString(range.value(QLatin1String("endDate")).toString(), Qt::ISODate)
                  .toString(QStringLiteral("yyyyMMdd"));
    return r;
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
    if (o.value(QLatin1String("isReminderOn")).toBool())
        e.reminders
            = normalizeReminders({ o.value(QLatin1String("reminderMinutesBeforeStart")).toInt() });
    e.recurringEventId = o.value(QLatin1String("seriesMasterId")).toString();
    if (o.value(QLatin1String("recurrence")).isObject()) {
        // A series master (only a write answers with one: calendarView lists instances).
        const QString rule = rruleFrom(o.value(QLatin1String("recurrence")).toObject());
        if (!rule.isEmpty())
            e.recurrence << rule;
    }
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
    // Outlook keeps one reminder: the earliest of the event's. Default reminders are left to
    // the mailbox (a new event gets Outlook's default).
    if (!e.defaultReminders) {
        const QList<int> rem = normalizeReminders(e.reminders);
        o.insert(QStringLiteral("isReminderOn"), !rem.isEmpty());
        if (!rem.isEmpty())
            o.insert(QStringLiteral("reminderMinutesBeforeStart"), rem.last());
    }
    if (e.isRecurring()) {
        const QJsonObject rec
            = patternedRecurrence(e.recurrence, e.allDay ? e.startDate : e.start.toUTC().date());
        if (!rec.isEmpty())
            o.insert(QStringLiteral("recurrence"), rec);
    }
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
