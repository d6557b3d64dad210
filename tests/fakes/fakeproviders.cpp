#include "fakegoogleserver.h"

#include "core/clock.h"

#include <QRegularExpression>
#include <QTimer>
#include <QTimeZone>
#include <QUuid>

#include <algorithm>

namespace kairos::fake {

namespace {

QString nowIso()
{
    return Clock::nowUtc().toString(Qt::ISODateWithMs);
}

QString b64(const QString &s)
{
    return QString::fromLatin1(
        s.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString unb64(const QString &s)
{
    return QString::fromUtf8(QByteArray::fromBase64(s.toLatin1(), QByteArray::Base64UrlEncoding));
}

qint64 graphMs(const QJsonObject &o)
{
    QDateTime d = QDateTime::fromString(o.value(QLatin1String("dateTime")).toString().left(19),
        QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"));
    d.setTimeZone(QTimeZone::utc());
    return d.toMSecsSinceEpoch();
}

QString graphStamp(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"))
        + QStringLiteral(".0000000");
}

//! Graph answers times as "yyyy-MM-ddTHH:mm:ss.0000000" in the Prefer'd zone (UTC here).
void normalizeGraphTimes(QJsonObject &e)
{
    for (const char *k : { "start", "end" }) {
        QJsonObject t = e.value(QLatin1String(k)).toObject();
        QString dt = t.value(QLatin1String("dateTime")).toString().left(19);
        t.insert(QStringLiteral("dateTime"), QString(dt + QStringLiteral(".0000000")));
        t.insert(QStringLiteral("timeZone"), QStringLiteral("UTC"));
        e.insert(QString::fromLatin1(k), t);
    }
}

//! The event without what every store changes (to tell a real change from a re-store).
QJsonObject withoutVersion(QJsonObject e)
{
    for (const char *k : { "changeKey", "@odata.etag", "lastModifiedDateTime", "createdDateTime" })
        e.remove(QLatin1String(k));
    return e;
}

int graphDay(const QString &name)
{
    static const QStringList days { QStringLiteral("monday"), QStringLiteral("tuesday"),
        QStringLiteral("wednesday"), QStringLiteral("thursday"), QStringLiteral("friday"),
        QStringLiteral("saturday"), QStringLiteral("sunday") };
    return int(days.indexOf(name.toLower())) + 1; // Qt: Monday = 1
}

//! Start instants (UTC) of a patternedRecurrence series within [from, to).
QList<QDateTime> expandSeries(const QJsonObject &master, const QDateTime &from, const QDateTime &to)
{
    QList<QDateTime> out;
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(
        graphMs(master.value(QLatin1String("start")).toObject()), QTimeZone::utc());
    const QJsonObject rec = master.value(QLatin1String("recurrence")).toObject();
    const QJsonObject pattern = rec.value(QLatin1String("pattern")).toObject();
    const QJsonObject range = rec.value(QLatin1String("range")).toObject();
    const QString type = pattern.value(QLatin1String("type")).toString();
    const int interval = std::max(1, pattern.value(QLatin1String("interval")).toInt(1));
    const QString rangeType = range.value(QLatin1String("type")).toString();
    const int number = range.value(QLatin1String("numberOfOccurrences")).toInt();
    const QDate endDate
        = QDate::fromString(range.value(QLatin1String("endDate")).toString(), Qt::ISODate);
    int count = 0;
    // false: the series (or what we look at) ended
    auto take = [&](const QDateTime &t) {
        if (rangeType == QLatin1String("numbered") && count >= number)
            return false;
        if (rangeType == QLatin1String("endDate") && endDate.isValid() && t.date() > endDate)
            return false;
        if (t >= to || count > 5000)
            return false;
        ++count;
        if (t >= from)
            out << t;
        return true;
    };
    if (!start.isValid())
        return out;
    if (type == QLatin1String("daily")) {
        for (QDateTime t = start; take(t); t = t.addDays(interval)) { }
    } else if (type == QLatin1String("weekly")) {
        QSet<int> days;
        for (const auto &d : pattern.value(QLatin1String("daysOfWeek")).toArray())
            days.insert(graphDay(d.toString()));
        days.remove(0);
        if (days.isEmpty())
            days.insert(start.date().dayOfWeek());
        // Weeks start on Sunday (firstDayOfWeek default).
        QDate week = start.date().addDays(-(start.date().dayOfWeek() % 7));
        bool more = true;
        while (more) {
            for (int i = 0; i < 7 && more; ++i) {
                const QDate d = week.addDays(i);
                const QDateTime t(d, start.time(), QTimeZone::utc());
                if (!days.contains(d.dayOfWeek()) || t < start)
                    continue;
                more = take(t);
            }
            week = week.addDays(7 * interval);
            if (week > to.date())
                break;
        }
    } else if (type == QLatin1String("absoluteMonthly")) {
        const int dom = pattern.value(QLatin1String("dayOfMonth")).toInt(start.date().day());
        for (int m = 0; m < 1200; m += interval) {
            const QDate first = start.date().addMonths(m);
            const QDate d(first.year(), first.month(), dom);
            if (!d.isValid())
                continue;
            const QDateTime t(d, start.time(), QTimeZone::utc());
            if (t < start)
                continue;
            if (!take(t))
                break;
        }
    }
    return out;
}

} // namespace

// ---- base ------------------------------------------------------------------------------

FakeProviderBase::FakeProviderBase(QObject *parent)
    : FakeHttpServer(parent)
{
    route("POST", QStringLiteral("/token"), [this](const HttpRequest &r) { return token(r); });
}

void FakeProviderBase::setRandomFaults(const RandomFaults &f)
{
    m_faults = f;
    m_rng.seed(f.seed);
}

HttpResponse FakeProviderBase::token(const HttpRequest &r)
{
    const QString presented = r.formValue(QStringLiteral("refresh_token"));
    if (r.formValue(QStringLiteral("grant_type")) != QLatin1String("refresh_token")
        || presented != refreshToken()) {
        if (m_rotatedAway.contains(presented))
            ++m_reuses;
        return HttpResponse::oauthError(400, QStringLiteral("invalid_grant"));
    }
    ++m_refreshes;
    if (m_rotate) {
        m_rotatedAway << m_refresh;
        m_refresh = QStringLiteral("rt-") + QString::number(++m_tokenSerial);
        m_access = QStringLiteral("at-") + QString::number(++m_tokenSerial);
        m_accessValid = true;
    } else if (!m_accessValid) {
        m_access = QStringLiteral("at-") + QString::number(++m_tokenSerial);
        m_accessValid = true;
    }
    return HttpResponse::json(200,
        QJsonObject { { QStringLiteral("access_token"), m_access },
            { QStringLiteral("token_type"), QStringLiteral("Bearer") },
            { QStringLiteral("expires_in"), 3600 },
            { QStringLiteral("refresh_token"), refreshToken() } });
}

bool FakeProviderBase::preflight(
    const HttpRequest &r, bool listing, HttpResponse &out, bool *loseAnswer)
{
    ++m_apiRequests;
    *loseAnswer = false;
    if (r.bearer().isEmpty() || r.bearer() != m_access || !m_accessValid) {
        if (r.bearer().isEmpty())
            reject(QStringLiteral("missing bearer on ") + r.path);
        out = HttpResponse::json(401,
            QJsonObject { { QStringLiteral("error"),
                QJsonObject { { QStringLiteral("code"), 401 },
                    { QStringLiteral("message"), QStringLiteral("Invalid Credentials") },
                    { QStringLiteral("errors"),
                        QJsonArray { QJsonObject {
                            { QStringLiteral("reason"), QStringLiteral("authError") } } } } } } });
        out.header("WWW-Authenticate", "Bearer");
        out.delayMs = m_latencyMs;
        return true;
    }
    if (m_faults.rate <= 0 || m_rng.generateDouble() >= m_faults.rate)
        return false;
    ++m_faultsInjected;
    const int kind = int(m_rng.bounded(7));
    auto plain = [this](int status) {
        HttpResponse x = HttpResponse::json(status,
            QJsonObject { { QStringLiteral("error"),
                QJsonObject { { QStringLiteral("code"), status },
                    { QStringLiteral("message"), QStringLiteral("injected") } } } });
        x.delayMs = m_latencyMs;
        return x;
    };
    switch (kind) {
    case 0:
        revokeAccessToken();
        out = plain(401);
        return true;
    case 1:
        out = plain(429);
        out.header("Retry-After", "0");
        return true;
    case 2:
        out = plain(500);
        return true;
    case 3:
        out = plain(503);
        out.header("Retry-After", "0");
        return true;
    case 4:
        out.status = 0; // slow: handled below by the caller through finish()
        out.delayMs = m_faults.slowMs;
        return false;
    case 5:
        *loseAnswer = true; // applied, but the client never hears back
        return false;
    default:
        if (listing) {
            out = goneResponse();
            out.delayMs = m_latencyMs;
            return true;
        }
        out = plain(500);
        return true;
    }
}

HttpResponse FakeProviderBase::finish(HttpResponse r, bool loseAnswer)
{
    r.delayMs += m_latencyMs;
    if (loseAnswer) {
        r.neverAnswer = true;
        QTimer::singleShot(m_latencyMs, this, [this]() { dropHeldConnections(); });
    }
    return r;
}

// ---- Google ----------------------------------------------------------------------------

FakeGoogleServer::FakeGoogleServer(QObject *parent)
    : FakeProviderBase(parent)
{
    routePrefix(
        "*", QStringLiteral("/calendar/v3/"), [this](const HttpRequest &r) { return handle(r); });
}

void FakeGoogleServer::addCalendar(const QString &id, const QString &summary, const QString &color,
    const QString &accessRole, const QString &timeZone)
{
    Cal &c = m_cals[id];
    c.meta = QJsonObject { { QStringLiteral("kind"), QStringLiteral("calendar#calendarListEntry") },
        { QStringLiteral("id"), id }, { QStringLiteral("summary"), summary },
        { QStringLiteral("backgroundColor"), color }, { QStringLiteral("accessRole"), accessRole },
        { QStringLiteral("timeZone"), timeZone }, { QStringLiteral("primary"), m_cals.size() == 1 },
        { QStringLiteral("defaultReminders"),
            QJsonArray { QJsonObject { { QStringLiteral("method"), QStringLiteral("popup") },
                { QStringLiteral("minutes"), 10 } } } } };
}

void FakeGoogleServer::setDefaultReminders(const QString &calendarId, const QList<int> &minutes)
{
    QJsonArray list;
    for (int m : minutes)
        list.append(QJsonObject { { QStringLiteral("method"), QStringLiteral("popup") },
            { QStringLiteral("minutes"), m } });
    m_cals[calendarId].meta.insert(QStringLiteral("defaultReminders"), list);
}

QString FakeGoogleServer::badReminders(const QJsonObject &body)
{
    if (!body.contains(QLatin1String("reminders")))
        return {};
    const QJsonValue v = body.value(QLatin1String("reminders"));
    if (!v.isObject())
        return QStringLiteral("Invalid value for: reminders");
    const QJsonObject r = v.toObject();
    for (auto k = r.begin(); k != r.end(); ++k) {
        if (k.key() != QLatin1String("useDefault") && k.key() != QLatin1String("overrides"))
            return QStringLiteral("Invalid field: reminders.") + k.key();
    }
    const QJsonArray overrides = r.value(QLatin1String("overrides")).toArray();
    if (r.value(QLatin1String("useDefault")).toBool() && !overrides.isEmpty())
        return QStringLiteral("Cannot specify both default reminders and overrides at the same "
                              "time.");
    if (overrides.size() > 5)
        return QStringLiteral("Too many reminders.");
    for (const auto &o : overrides) {
        const QJsonObject x = o.toObject();
        const QString method = x.value(QLatin1String("method")).toString();
        const QJsonValue minutes = x.value(QLatin1String("minutes"));
        if (method != QLatin1String("popup") && method != QLatin1String("email"))
            return QStringLiteral("Invalid reminder method.");
        if (!minutes.isDouble() || minutes.toDouble() != double(minutes.toInt())
            || minutes.toInt() < 0 || minutes.toInt() > 40320)
            return QStringLiteral("Invalid reminder minutes.");
    }
    return {};
}

void FakeGoogleServer::removeCalendar(const QString &id)
{
    m_cals.remove(id);
}

QJsonObject FakeGoogleServer::store(Cal &cal, QJsonObject e)
{
    const qint64 seq = ++m_seq;
    e.insert(QStringLiteral("kind"), QStringLiteral("calendar#event"));
    e.insert(QStringLiteral("etag"), QStringLiteral("\"%1\"").arg(seq));
    e.insert(QStringLiteral("updated"), nowIso());
    if (!e.contains(QLatin1String("created")))
        e.insert(QStringLiteral("created"), nowIso());
    if (!e.contains(QLatin1String("status")))
        e.insert(QStringLiteral("status"), QStringLiteral("confirmed"));
    if (!e.contains(QLatin1String("reminders"))) // Google: the calendar's defaults
        e.insert(
            QStringLiteral("reminders"), QJsonObject { { QStringLiteral("useDefault"), true } });
    if (!e.contains(QLatin1String("iCalUID")))
        e.insert(QStringLiteral("iCalUID"),
            QString(e.value(QLatin1String("id")).toString() + QStringLiteral("@google.com")));
    Stored &s = cal.events[e.value(QLatin1String("id")).toString()];
    s.json = e;
    s.seq = seq;
    s.deleted = false;
    return e;
}

QJsonObject FakeGoogleServer::putEvent(const QString &calendarId, QJsonObject event)
{
    if (!event.contains(QLatin1String("id"))) {
        QString id = QUuid::createUuid().toString(QUuid::Id128).left(26);
        event.insert(QStringLiteral("id"), id);
    }
    return store(m_cals[calendarId], event);
}

void FakeGoogleServer::deleteEvent(const QString &calendarId, const QString &eventId)
{
    Cal &cal = m_cals[calendarId];
    auto it = cal.events.find(eventId);
    if (it == cal.events.end() || it->deleted)
        return;
    it->deleted = true;
    it->seq = ++m_seq;
    for (auto jt = cal.events.begin(); jt != cal.events.end(); ++jt) {
        if (!jt->deleted
            && jt->json.value(QLatin1String("recurringEventId")).toString() == eventId) {
            jt->deleted = true;
            jt->seq = ++m_seq;
        }
    }
}

QList<QJsonObject> FakeGoogleServer::events(const QString &calendarId) const
{
    QList<QJsonObject> out;
    const Cal cal = m_cals.value(calendarId);
    for (const Stored &s : cal.events) {
        if (!s.deleted)
            out << s.json;
    }
    return out;
}

std::optional<QJsonObject> FakeGoogleServer::event(
    const QString &calendarId, const QString &eventId) const
{
    const auto cit = m_cals.constFind(calendarId);
    if (cit == m_cals.constEnd())
        return std::nullopt;
    const auto it = cit->events.constFind(eventId);
    if (it == cit->events.constEnd() || it->deleted)
        return std::nullopt;
    return it->json;
}

void FakeGoogleServer::invalidateSyncTokens(const QString &calendarId)
{
    ++m_cals[calendarId].epoch;
}

void FakeGoogleServer::seed(const QString &calendarId, int count, const QDateTime &firstStart)
{
    Cal &cal = m_cals[calendarId];
    for (int i = 0; i < count; ++i) {
        const QDateTime s = firstStart.addSecs(qint64(i) * 3600 * 5);
        QJsonObject e { { QStringLiteral("id"),
                            QStringLiteral("e%1x%2").arg(i).arg(qHash(calendarId) % 1000) },
            { QStringLiteral("summary"), QStringLiteral("Event %1").arg(i) },
            { QStringLiteral("start"),
                QJsonObject { { QStringLiteral("dateTime"), s.toString(Qt::ISODate) },
                    { QStringLiteral("timeZone"), QStringLiteral("Europe/Madrid") } } },
            { QStringLiteral("end"),
                QJsonObject { { QStringLiteral("dateTime"), s.addSecs(3600).toString(Qt::ISODate) },
                    { QStringLiteral("timeZone"), QStringLiteral("Europe/Madrid") } } } };
        store(cal, e);
    }
}

HttpResponse FakeGoogleServer::goneResponse() const
{
    return HttpResponse::json(410,
        QJsonObject { { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("code"), 410 },
                { QStringLiteral("message"),
                    QStringLiteral("Sync token is no longer valid, a full sync is required.") },
                { QStringLiteral("errors"),
                    QJsonArray {
                        QJsonObject { { QStringLiteral("domain"), QStringLiteral("calendar") },
                            { QStringLiteral("reason"),
                                QStringLiteral("fullSyncRequired") } } } } } } });
}

HttpResponse FakeGoogleServer::error(int status, const QString &reason, const QString &message)
{
    HttpResponse r = HttpResponse::json(status,
        QJsonObject { { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("code"), status },
                { QStringLiteral("message"), message },
                { QStringLiteral("errors"),
                    QJsonArray {
                        QJsonObject { { QStringLiteral("domain"), QStringLiteral("global") },
                            { QStringLiteral("reason"), reason },
                            { QStringLiteral("message"), message } } } } } } });
    if (status == 400)
        reject(message);
    return r;
}

HttpResponse FakeGoogleServer::handle(const HttpRequest &r)
{
    const QString rest = r.path.mid(QStringLiteral("/calendar/v3/").size());
    const QStringList parts = rest.split(QLatin1Char('/'));
    const bool listing
        = r.method == "GET" && parts.size() == 3 && parts.value(2) == QLatin1String("events");
    HttpResponse pre;
    bool lose = false;
    if (preflight(r, listing, pre, &lose))
        return pre;
    HttpResponse res;
    if (rest == QLatin1String("users/me/calendarList") && r.method == "GET") {
        res = calendarList(r);
    } else if (parts.size() >= 3 && parts.value(0) == QLatin1String("calendars")
        && parts.value(2) == QLatin1String("events")) {
        const QString calId = parts.value(1);
        auto cit = m_cals.find(calId);
        if (cit == m_cals.end()) {
            res = error(404, QStringLiteral("notFound"), QStringLiteral("Not Found"));
        } else if (parts.size() == 3 && r.method == "GET") {
            res = list(r, *cit);
        } else if (parts.size() == 3 && r.method == "POST") {
            QJsonObject body = r.json();
            const QString id = body.value(QLatin1String("id")).toString();
            static const QRegularExpression idRe(QStringLiteral("^[a-v0-9]{5,1024}$"));
            if (!body.contains(QLatin1String("start")) || !body.contains(QLatin1String("end")))
                res = error(400, QStringLiteral("required"), QStringLiteral("Missing end time."));
            else if (const QString bad = badReminders(body); !bad.isEmpty())
                res = error(400, QStringLiteral("invalid"), bad);
            else if (!id.isEmpty() && !idRe.match(id).hasMatch())
                res = error(
                    400, QStringLiteral("invalid"), QStringLiteral("Invalid resource id value."));
            else if (!id.isEmpty() && cit->events.contains(id))
                res = error(409, QStringLiteral("duplicate"),
                    QStringLiteral("The requested identifier already exists."));
            else {
                if (id.isEmpty())
                    body.insert(
                        QStringLiteral("id"), QUuid::createUuid().toString(QUuid::Id128).left(26));
                if (r.query.queryItemValue(QStringLiteral("sendUpdates")) == QLatin1String("all"))
                    ++m_notifications;
                res = HttpResponse::json(200, store(*cit, body));
            }
        } else if (parts.size() == 4) {
            const QString eid = QUrl::fromPercentEncoding(parts.value(3).toUtf8());
            auto it = cit->events.find(eid);
            const QByteArray ifMatch = r.header("if-match");
            if (r.method == "GET") {
                if (it == cit->events.end() || it->deleted)
                    res = error(404, QStringLiteral("notFound"), QStringLiteral("Not Found"));
                else
                    res = HttpResponse::json(200, it->json);
            } else if ((r.method == "PATCH" || r.method == "PUT")
                && !badReminders(r.json()).isEmpty()) {
                res = error(400, QStringLiteral("invalid"), badReminders(r.json()));
            } else if (r.method == "PATCH" || r.method == "PUT") {
                if (it == cit->events.end()) {
                    // An instance of a series edited for the first time becomes an exception.
                    const qsizetype us = eid.lastIndexOf(QLatin1Char('_'));
                    const QString master = us > 0 ? eid.left(us) : QString();
                    auto mit = cit->events.find(master);
                    if (mit == cit->events.end() || mit->deleted
                        || !mit->json.contains(QLatin1String("recurrence"))) {
                        res = error(404, QStringLiteral("notFound"), QStringLiteral("Not Found"));
                    } else {
                        QJsonObject ex = mit->json;
                        ex.remove(QStringLiteral("recurrence"));
                        ex.insert(QStringLiteral("id"), eid);
                        ex.insert(QStringLiteral("recurringEventId"), master);
                        const QJsonObject body = r.json();
                        for (auto k = body.begin(); k != body.end(); ++k)
                            ex.insert(k.key(), k.value());
                        if (r.query.queryItemValue(QStringLiteral("sendUpdates"))
                            == QLatin1String("all"))
                            ++m_notifications;
                        res = HttpResponse::json(200, store(*cit, ex));
                    }
                } else if (it->deleted) {
                    res = error(410, QStringLiteral("deleted"),
                        QStringLiteral("Resource has been deleted"));
                } else if (!ifMatch.isEmpty()
                    && ifMatch != it->json.value(QLatin1String("etag")).toString().toUtf8()) {
                    res = error(412, QStringLiteral("conditionNotMet"),
                        QStringLiteral("Precondition Failed"));
                } else {
                    QJsonObject ev = r.method == "PUT"
                        ? QJsonObject { { QStringLiteral("id"), eid } }
                        : it->json;
                    const QJsonObject body = r.json();
                    for (auto k = body.begin(); k != body.end(); ++k)
                        ev.insert(k.key(), k.value());
                    if (r.query.queryItemValue(QStringLiteral("sendUpdates"))
                        == QLatin1String("all"))
                        ++m_notifications;
                    res = HttpResponse::json(200, store(*cit, ev));
                }
            } else if (r.method == "DELETE") {
                if (it == cit->events.end())
                    res = error(404, QStringLiteral("notFound"), QStringLiteral("Not Found"));
                else if (it->deleted)
                    res = error(410, QStringLiteral("deleted"),
                        QStringLiteral("Resource has been deleted"));
                else if (!ifMatch.isEmpty()
                    && ifMatch != it->json.value(QLatin1String("etag")).toString().toUtf8())
                    res = error(412, QStringLiteral("conditionNotMet"),
                        QStringLiteral("Precondition Failed"));
                else {
                    if (r.query.queryItemValue(QStringLiteral("sendUpdates"))
                        == QLatin1String("all"))
                        ++m_notifications;
                    deleteEvent(cit.key(), eid);
                    res.status = 204;
                }
            } else {
                res = error(
                    405, QStringLiteral("methodNotAllowed"), QStringLiteral("Method not allowed"));
            }
        } else {
            res = error(404, QStringLiteral("notFound"), QStringLiteral("Not Found"));
        }
    } else {
        res = error(404, QStringLiteral("notFound"), QStringLiteral("Not Found"));
    }
    if (pre.delayMs > 0)
        res.delayMs += pre.delayMs;
    return finish(res, lose);
}

HttpResponse FakeGoogleServer::calendarList(const HttpRequest &r)
{
    if (r.query.hasQueryItem(QStringLiteral("syncToken"))
        && r.query.hasQueryItem(QStringLiteral("minAccessRole")))
        return error(
            400, QStringLiteral("invalid"), QStringLiteral("minAccessRole with syncToken"));
    QJsonArray items;
    for (const Cal &c : std::as_const(m_cals))
        items.append(c.meta);
    return HttpResponse::json(200,
        QJsonObject { { QStringLiteral("kind"), QStringLiteral("calendar#calendarList") },
            { QStringLiteral("etag"), QStringLiteral("\"cl\"") },
            { QStringLiteral("items"), items },
            { QStringLiteral("nextSyncToken"), QStringLiteral("cl-sync") } });
}

HttpResponse FakeGoogleServer::list(const HttpRequest &r, Cal &cal)
{
    const QUrlQuery &q = r.query;
    auto val = [&q](const char *k) {
        return q.queryItemValue(QString::fromLatin1(k), QUrl::FullyDecoded);
    };
    const bool hasSync = q.hasQueryItem(QStringLiteral("syncToken"));
    static const char *forbidden[] = { "iCalUID", "orderBy", "privateExtendedProperty", "q",
        "sharedExtendedProperty", "timeMin", "timeMax", "updatedMin" };
    if (hasSync) {
        for (const char *f : forbidden) {
            if (q.hasQueryItem(QString::fromLatin1(f)))
                return error(400, QStringLiteral("invalid"),
                    QStringLiteral("syncToken with ") + QString::fromLatin1(f));
        }
    }
    if (q.hasQueryItem(QStringLiteral("orderBy")) && val("singleEvents") != QLatin1String("true"))
        return error(400, QStringLiteral("invalid"),
            QStringLiteral("orderBy=startTime needs singleEvents=true"));
    for (const char *t : { "timeMin", "timeMax" }) {
        const QString v = val(t);
        if (!v.isEmpty()
            && !(v.endsWith(QLatin1Char('Z')) || v.contains(QLatin1Char('+'))
                || v.lastIndexOf(QLatin1Char('-')) > 10))
            return error(400, QStringLiteral("badRequest"),
                QStringLiteral("timeMin/timeMax need an offset"));
    }
    int max = q.hasQueryItem(QStringLiteral("maxResults")) ? val("maxResults").toInt() : 250;
    if (max <= 0)
        return error(400, QStringLiteral("invalid"), QStringLiteral("maxResults"));
    max = std::min(max, 2500);

    qint64 tokenSeq = -1;
    if (hasSync) {
        const QStringList t = val("syncToken").split(QLatin1Char('-'));
        if (t.size() != 3 || t.value(0) != QLatin1String("st"))
            return error(400, QStringLiteral("invalid"), QStringLiteral("bad syncToken"));
        if (t.value(1).toInt() != cal.epoch)
            return goneResponse();
        tokenSeq = t.value(2).toLongLong();
    }
    // Page tokens: "<snapshot>|<cursor>", cursor = last id (full) or last seq (incremental).
    qint64 snapshot = m_seq;
    QString cursor;
    if (q.hasQueryItem(QStringLiteral("pageToken"))) {
        const QStringList p = unb64(val("pageToken")).split(QLatin1Char('|'));
        snapshot = p.value(0).toLongLong();
        cursor = p.value(1);
    }
    QJsonArray items;
    QString next;
    if (!hasSync) {
        auto it = cursor.isEmpty() ? cal.events.cbegin() : cal.events.upperBound(cursor);
        for (; it != cal.events.cend(); ++it) {
            if (it->deleted)
                continue;
            if (items.size() == max) {
                next = b64(QString::number(snapshot) + QLatin1Char('|') + cursor);
                break;
            }
            items.append(it->json);
            cursor = it.key();
        }
    } else {
        QList<const Stored *> changed;
        const qint64 after = cursor.isEmpty() ? tokenSeq : cursor.toLongLong();
        for (const Stored &s : std::as_const(cal.events)) {
            if (s.seq > after)
                changed << &s;
        }
        std::sort(changed.begin(), changed.end(),
            [](const Stored *a, const Stored *b) { return a->seq < b->seq; });
        for (const Stored *s : std::as_const(changed)) {
            if (items.size() == max) {
                next = b64(QString::number(snapshot) + QLatin1Char('|') + cursor);
                break;
            }
            if (s->deleted) {
                QJsonObject tomb { { QStringLiteral("kind"), QStringLiteral("calendar#event") },
                    { QStringLiteral("id"), s->json.value(QLatin1String("id")) },
                    { QStringLiteral("status"), QStringLiteral("cancelled") },
                    { QStringLiteral("etag"), QStringLiteral("\"%1\"").arg(s->seq) } };
                items.append(tomb);
            } else {
                items.append(s->json);
            }
            cursor = QString::number(s->seq);
        }
    }
    QJsonObject o { { QStringLiteral("kind"), QStringLiteral("calendar#events") },
        { QStringLiteral("etag"), QStringLiteral("\"l%1\"").arg(m_seq) },
        { QStringLiteral("summary"), cal.meta.value(QLatin1String("summary")) },
        { QStringLiteral("timeZone"), cal.meta.value(QLatin1String("timeZone")) },
        { QStringLiteral("items"), items } };
    if (!next.isEmpty())
        o.insert(QStringLiteral("nextPageToken"), next);
    else
        o.insert(QStringLiteral("nextSyncToken"),
            QStringLiteral("st-%1-%2").arg(cal.epoch).arg(snapshot));
    return HttpResponse::json(200, o);
}

// ---- Graph -----------------------------------------------------------------------------

FakeGraphServer::FakeGraphServer(QObject *parent)
    : FakeProviderBase(parent)
{
    routePrefix("*", QStringLiteral("/v1.0/"), [this](const HttpRequest &r) { return handle(r); });
}

void FakeGraphServer::addCalendar(
    const QString &id, const QString &name, const QString &hexColor, bool canEdit, bool isDefault)
{
    m_cals.insert(id,
        QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("name"), name },
            { QStringLiteral("hexColor"), hexColor }, { QStringLiteral("canEdit"), canEdit },
            { QStringLiteral("canShare"), canEdit },
            { QStringLiteral("isDefaultCalendar"), isDefault } });
}

QJsonObject FakeGraphServer::store(const QString &calendarId, QJsonObject e)
{
    const qint64 seq = ++m_seq;
    const QString ck = QStringLiteral("ck%1").arg(seq);
    e.insert(QStringLiteral("changeKey"), ck);
    e.insert(QStringLiteral("@odata.etag"), QStringLiteral("W/\"%1\"").arg(ck));
    e.insert(QStringLiteral("lastModifiedDateTime"), nowIso());
    if (!e.contains(QLatin1String("createdDateTime")))
        e.insert(QStringLiteral("createdDateTime"), nowIso());
    if (!e.contains(QLatin1String("iCalUId")))
        e.insert(QStringLiteral("iCalUId"),
            QString(QStringLiteral("uid-") + e.value(QLatin1String("id")).toString()));
    if (!e.contains(QLatin1String("type")))
        e.insert(QStringLiteral("type"), QStringLiteral("singleInstance"));
    if (!e.contains(QLatin1String("isReminderOn"))) // Outlook's default: 15 minutes before
        e.insert(QStringLiteral("isReminderOn"), true);
    if (!e.contains(QLatin1String("reminderMinutesBeforeStart")))
        e.insert(QStringLiteral("reminderMinutesBeforeStart"), 15);
    normalizeGraphTimes(e);
    Stored &s = m_events[e.value(QLatin1String("id")).toString()];
    s.json = e;
    s.calendarId = calendarId;
    s.seq = seq;
    s.deleted = false;
    s.master = e.value(QLatin1String("type")).toString() == QLatin1String("seriesMaster");
    return e;
}

QJsonObject FakeGraphServer::storeMaster(const QString &calendarId, QJsonObject e)
{
    e.insert(QStringLiteral("type"), QStringLiteral("seriesMaster"));
    const QString id = e.value(QLatin1String("id")).toString();
    auto old = m_events.constFind(id);
    if (old != m_events.constEnd()) {
        QJsonObject now = e;
        normalizeGraphTimes(now);
        for (const char *k : { "recurrence", "start", "end", "isAllDay" }) {
            if (old->json.value(QLatin1String(k)) != now.value(QLatin1String(k))) {
                // A new pattern or new times: Exchange drops the series' exceptions.
                Series &series = m_series[id];
                series.overrides.clear();
                series.cancelled.clear();
                break;
            }
        }
    }
    const QJsonObject stored = store(calendarId, e);
    materialize(id);
    return stored;
}

void FakeGraphServer::materialize(const QString &masterId)
{
    auto mit = m_events.constFind(masterId);
    if (mit == m_events.constEnd())
        return;
    Series &series = m_series[masterId];
    QSet<QString> live;
    if (!mit->deleted) {
        const QString calendarId = mit->calendarId;
        const QJsonObject master = mit->json;
        const qint64 s0 = graphMs(master.value(QLatin1String("start")).toObject());
        const qint64 duration = graphMs(master.value(QLatin1String("end")).toObject()) - s0;
        const QDateTime now = Clock::nowUtc();
        for (const QDateTime &t : expandSeries(master, now.addDays(-400), now.addDays(800))) {
            const qint64 orig = t.toMSecsSinceEpoch();
            if (series.cancelled.contains(orig))
                continue;
            const QString id
                = masterId + QLatin1Char('_') + t.toString(QStringLiteral("yyyyMMdd'T'HHmmss"));
            QJsonObject j = withoutVersion(master);
            j.remove(QStringLiteral("recurrence"));
            j.insert(QStringLiteral("id"), id);
            j.insert(QStringLiteral("type"), QStringLiteral("occurrence"));
            j.insert(QStringLiteral("seriesMasterId"), masterId);
            j.insert(QStringLiteral("originalStart"), t.toString(Qt::ISODate));
            j.insert(QStringLiteral("start"),
                QJsonObject { { QStringLiteral("dateTime"), graphStamp(t) },
                    { QStringLiteral("timeZone"), QStringLiteral("UTC") } });
            j.insert(QStringLiteral("end"),
                QJsonObject { { QStringLiteral("dateTime"), graphStamp(t.addMSecs(duration)) },
                    { QStringLiteral("timeZone"), QStringLiteral("UTC") } });
            auto ov = series.overrides.constFind(orig);
            if (ov != series.overrides.constEnd()) {
                for (auto k = ov->begin(); k != ov->end(); ++k)
                    j.insert(k.key(), k.value());
                j.insert(QStringLiteral("type"), QStringLiteral("exception"));
            }
            normalizeGraphTimes(j);
            live.insert(id);
            auto it = m_events.constFind(id);
            if (it != m_events.constEnd() && !it->deleted
                && withoutVersion(it->json) == withoutVersion(j))
                continue;
            j.insert(
                QStringLiteral("createdDateTime"), master.value(QLatin1String("createdDateTime")));
            store(calendarId, j);
        }
    }
    for (const QString &id : std::as_const(series.instances)) {
        if (live.contains(id))
            continue;
        auto it = m_events.find(id);
        if (it != m_events.end() && !it->deleted) {
            it->deleted = true;
            it->seq = ++m_seq;
        }
    }
    series.instances = live;
}

QJsonObject FakeGraphServer::putEvent(const QString &calendarId, QJsonObject event)
{
    if (!event.contains(QLatin1String("id")))
        event.insert(QStringLiteral("id"),
            QString(QStringLiteral("AAMk") + QUuid::createUuid().toString(QUuid::Id128).left(20)));
    if (event.value(QLatin1String("recurrence")).isObject())
        return storeMaster(calendarId, event);
    return store(calendarId, event);
}

void FakeGraphServer::deleteEvent(const QString &eventId)
{
    removeEvent(eventId);
}

void FakeGraphServer::removeEvent(const QString &eventId)
{
    auto it = m_events.find(eventId);
    if (it == m_events.end() || it->deleted)
        return;
    const QString masterId = it->json.value(QLatin1String("seriesMasterId")).toString();
    if (!masterId.isEmpty() && m_events.value(masterId).master) {
        // One instance of a series: cancelled (Graph lists it as removed).
        const qint64 orig = QDateTime::fromString(
            it->json.value(QLatin1String("originalStart")).toString(), Qt::ISODate)
                                .toMSecsSinceEpoch();
        Series &series = m_series[masterId];
        series.cancelled.insert(orig);
        series.overrides.remove(orig);
        materialize(masterId);
        return;
    }
    it->deleted = true;
    it->seq = ++m_seq;
    if (it->master)
        materialize(eventId); // every instance goes
}

QJsonObject FakeGraphServer::patchStored(const QString &eventId, const QJsonObject &body)
{
    const Stored st = m_events.value(eventId);
    const QString masterId = st.json.value(QLatin1String("seriesMasterId")).toString();
    if (!masterId.isEmpty() && m_events.value(masterId).master) {
        const qint64 orig = QDateTime::fromString(
            st.json.value(QLatin1String("originalStart")).toString(), Qt::ISODate)
                                .toMSecsSinceEpoch();
        QJsonObject &ov = m_series[masterId].overrides[orig];
        for (auto k = body.begin(); k != body.end(); ++k) {
            if (k.key() != QLatin1String("id") && k.key() != QLatin1String("type")
                && k.key() != QLatin1String("seriesMasterId")
                && k.key() != QLatin1String("originalStart")
                && k.key() != QLatin1String("recurrence"))
                ov.insert(k.key(), k.value());
        }
        materialize(masterId);
        return m_events.value(eventId).json;
    }
    QJsonObject ev = st.json;
    for (auto k = body.begin(); k != body.end(); ++k)
        ev.insert(k.key(), k.value());
    if (st.master)
        return storeMaster(st.calendarId, ev);
    return store(st.calendarId, ev);
}

std::optional<QJsonObject> FakeGraphServer::patchInstance(
    const QString &instanceId, const QJsonObject &fields)
{
    auto it = m_events.constFind(instanceId);
    if (it == m_events.constEnd() || it->deleted
        || !m_events.value(it->json.value(QLatin1String("seriesMasterId")).toString()).master)
        return std::nullopt;
    return patchStored(instanceId, fields);
}

QList<QJsonObject> FakeGraphServer::events(const QString &calendarId) const
{
    QList<QJsonObject> out;
    for (const Stored &s : m_events) {
        if (!s.deleted && s.calendarId == calendarId
            && s.json.value(QLatin1String("seriesMasterId")).toString().isEmpty())
            out << s.json;
    }
    return out;
}

QList<QJsonObject> FakeGraphServer::viewEvents(
    const QString &calendarId, qint64 fromMs, qint64 toMs) const
{
    QList<QJsonObject> out;
    for (const Stored &s : m_events) {
        if (s.deleted || s.master || s.calendarId != calendarId)
            continue;
        if (graphMs(s.json.value(QLatin1String("start")).toObject()) < toMs
            && graphMs(s.json.value(QLatin1String("end")).toObject()) > fromMs)
            out << s.json;
    }
    return out;
}

std::optional<QJsonObject> FakeGraphServer::event(const QString &eventId) const
{
    auto it = m_events.constFind(eventId);
    if (it == m_events.constEnd() || it->deleted)
        return std::nullopt;
    return it->json;
}

void FakeGraphServer::invalidateDeltaLinks(const QString &calendarId)
{
    ++m_epoch[calendarId];
}

void FakeGraphServer::seed(const QString &calendarId, int count, const QDateTime &firstStart)
{
    for (int i = 0; i < count; ++i) {
        const QDateTime s = firstStart.addSecs(qint64(i) * 3600 * 2).toUTC();
        store(calendarId,
            QJsonObject { { QStringLiteral("id"),
                              QStringLiteral("AAMk%1x%2").arg(i).arg(qHash(calendarId) % 1000) },
                { QStringLiteral("subject"), QStringLiteral("Event %1").arg(i) },
                { QStringLiteral("start"),
                    QJsonObject { { QStringLiteral("dateTime"),
                        s.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss")) } } },
                { QStringLiteral("end"),
                    QJsonObject { { QStringLiteral("dateTime"),
                        s.addSecs(3600).toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss")) } } } });
    }
}

QString FakeGraphServer::badReminder(const QJsonObject &body)
{
    if (body.contains(QLatin1String("isReminderOn"))
        && !body.value(QLatin1String("isReminderOn")).isBool())
        return QStringLiteral("isReminderOn must be a Boolean");
    if (body.contains(QLatin1String("reminderMinutesBeforeStart"))) {
        const QJsonValue m = body.value(QLatin1String("reminderMinutesBeforeStart"));
        if (!m.isDouble() || m.toDouble() != double(m.toInt()) || m.toInt() < 0)
            return QStringLiteral("reminderMinutesBeforeStart must be a non-negative Int32");
    }
    return {};
}

HttpResponse FakeGraphServer::goneResponse() const
{
    return HttpResponse::json(410,
        QJsonObject { { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("code"), QStringLiteral("syncStateNotFound") },
                { QStringLiteral("message"),
                    QStringLiteral("The sync state generation is not found.") } } } });
}

HttpResponse FakeGraphServer::error(int status, const QString &code, const QString &message)
{
    if (status == 400)
        reject(message);
    return HttpResponse::json(status,
        QJsonObject { { QStringLiteral("error"),
            QJsonObject {
                { QStringLiteral("code"), code }, { QStringLiteral("message"), message } } } });
}

HttpResponse FakeGraphServer::handle(const HttpRequest &r)
{
    const QString rest = r.path.mid(QStringLiteral("/v1.0/").size());
    const QStringList parts = rest.split(QLatin1Char('/'));
    const bool listing = parts.size() == 5 && parts.value(4) == QLatin1String("delta");
    HttpResponse pre;
    bool lose = false;
    if (preflight(r, listing, pre, &lose))
        return pre;
    HttpResponse res;
    const QByteArray ifMatch = r.header("if-match");
    if (rest == QLatin1String("me/calendars") && r.method == "GET") {
        QJsonArray v;
        for (const QJsonObject &c : std::as_const(m_cals))
            v.append(c);
        res = HttpResponse::json(200, QJsonObject { { QStringLiteral("value"), v } });
    } else if (parts.size() >= 4 && parts.value(0) == QLatin1String("me")
        && parts.value(1) == QLatin1String("calendars")) {
        const QString calId = parts.value(2);
        if (!m_cals.contains(calId))
            res = error(404, QStringLiteral("ErrorItemNotFound"), QStringLiteral("calendar"));
        else if (listing && r.method == "GET")
            res = delta(r, calId);
        else if (parts.size() == 4 && parts.value(3) == QLatin1String("events")
            && r.method == "POST") {
            QJsonObject body = r.json();
            const QString tx = body.value(QLatin1String("transactionId")).toString();
            if (!tx.isEmpty() && m_transactions.contains(tx)
                && m_events.contains(m_transactions.value(tx))) {
                res = HttpResponse::json(201, m_events.value(m_transactions.value(tx)).json);
            } else if (!body.contains(QLatin1String("start"))
                || !body.contains(QLatin1String("end"))) {
                res = error(400, QStringLiteral("ErrorInvalidRequest"),
                    QStringLiteral("start/end required"));
            } else if (const QString bad = badReminder(body); !bad.isEmpty()) {
                res = error(400, QStringLiteral("ErrorInvalidRequest"), bad);
            } else {
                body.insert(QStringLiteral("id"),
                    QString(QStringLiteral("AAMk")
                        + QUuid::createUuid().toString(QUuid::Id128).left(20)));
                const QJsonObject stored = body.value(QLatin1String("recurrence")).isObject()
                    ? storeMaster(calId, body)
                    : store(calId, body);
                if (!tx.isEmpty())
                    m_transactions.insert(tx, stored.value(QLatin1String("id")).toString());
                res = HttpResponse::json(201, stored);
            }
        } else
            res = error(404, QStringLiteral("ErrorInvalidUrl"), rest);
    } else if (parts.size() == 3 && parts.value(0) == QLatin1String("me")
        && parts.value(1) == QLatin1String("events")) {
        const QString id = parts.value(2);
        auto it = m_events.find(id);
        const bool missing = it == m_events.end() || it->deleted;
        if (missing)
            res = error(404, QStringLiteral("ErrorItemNotFound"),
                QStringLiteral("The specified object was not found in the store."));
        else if (r.method == "GET")
            res = HttpResponse::json(200, it->json);
        else if (!ifMatch.isEmpty()
            && ifMatch != it->json.value(QLatin1String("@odata.etag")).toString().toUtf8())
            res = error(412, QStringLiteral("ErrorIrresolvableConflict"),
                QStringLiteral("The change key passed in the request does not match the current "
                               "change key for the item."));
        else if (r.method == "PATCH" && !badReminder(r.json()).isEmpty())
            res = error(400, QStringLiteral("ErrorInvalidRequest"), badReminder(r.json()));
        else if (r.method == "PATCH") {
            res = HttpResponse::json(200, patchStored(id, r.json()));
        } else if (r.method == "DELETE") {
            removeEvent(id);
            res.status = 204;
        } else
            res = error(405, QStringLiteral("ErrorInvalidRequest"), QStringLiteral("method"));
    } else {
        res = error(404, QStringLiteral("ErrorInvalidUrl"), rest);
    }
    if (pre.delayMs > 0)
        res.delayMs += pre.delayMs;
    return finish(res, lose);
}

HttpResponse FakeGraphServer::delta(const HttpRequest &r, const QString &calendarId)
{
    const QByteArray prefer = r.header("prefer");
    if (!prefer.contains("outlook.timezone=\"UTC\""))
        return error(400, QStringLiteral("ErrorInvalidRequest"),
            QStringLiteral("missing Prefer: outlook.timezone=\"UTC\""));
    for (const char *bad : { "$select", "$expand", "$filter", "$orderby", "$search" }) {
        if (r.query.hasQueryItem(QString::fromLatin1(bad)))
            return error(400, QStringLiteral("ErrorInvalidRequest"),
                QStringLiteral("unsupported ") + QString::fromLatin1(bad));
    }
    int pageSize = 100;
    const qsizetype mp = prefer.indexOf("odata.maxpagesize=");
    if (mp >= 0)
        pageSize = std::max(1, prefer.mid(mp + 18).split(',').value(0).trimmed().toInt());
    m_maxPageSize = std::max(m_maxPageSize, pageSize);
    const int epoch = m_epoch.value(calendarId);
    // State: mode|epoch|snapshot|cursor|startMs|endMs|tokenSeq
    QString mode;
    qint64 snapshot = m_seq, tokenSeq = -1, startMs = 0, endMs = 0;
    QString cursor;
    const QString skip = r.query.queryItemValue(QStringLiteral("$skiptoken"), QUrl::FullyDecoded);
    const QString dtok = r.query.queryItemValue(QStringLiteral("$deltatoken"), QUrl::FullyDecoded);
    const bool hasWindow = r.query.hasQueryItem(QStringLiteral("startDateTime"))
        || r.query.hasQueryItem(QStringLiteral("endDateTime"));
    if (!skip.isEmpty() || !dtok.isEmpty()) {
        if (hasWindow)
            return error(400, QStringLiteral("ErrorInvalidRequest"),
                QStringLiteral("query parameters go on the first request only"));
        const QStringList s = unb64(skip.isEmpty() ? dtok : skip).split(QLatin1Char('|'));
        if (s.size() != 7)
            return error(400, QStringLiteral("ErrorInvalidRequest"), QStringLiteral("bad token"));
        if (s.value(1).toInt() != epoch)
            return goneResponse();
        mode = s.value(0);
        snapshot = s.value(2).toLongLong();
        cursor = s.value(3);
        startMs = s.value(4).toLongLong();
        endMs = s.value(5).toLongLong();
        tokenSeq = s.value(6).toLongLong();
        if (!dtok.isEmpty()) {
            mode = QStringLiteral("i");
            tokenSeq = snapshot;
            snapshot = m_seq;
            cursor.clear();
        }
    } else {
        const QDateTime a = QDateTime::fromString(
            r.query.queryItemValue(QStringLiteral("startDateTime"), QUrl::FullyDecoded),
            Qt::ISODate);
        const QDateTime b = QDateTime::fromString(
            r.query.queryItemValue(QStringLiteral("endDateTime"), QUrl::FullyDecoded), Qt::ISODate);
        if (!a.isValid() || !b.isValid())
            return error(400, QStringLiteral("ErrorInvalidRequest"),
                QStringLiteral("startDateTime and endDateTime are required"));
        mode = QStringLiteral("f");
        startMs = a.toMSecsSinceEpoch();
        endMs = b.toMSecsSinceEpoch();
    }
    auto inWindow = [&](const Stored &s) {
        return graphMs(s.json.value(QLatin1String("start")).toObject()) < endMs
            && graphMs(s.json.value(QLatin1String("end")).toObject()) > startMs;
    };
    auto state = [&](const QString &m, qint64 snap, const QString &cur, qint64 ts) {
        return b64(QStringList { m, QString::number(epoch), QString::number(snap), cur,
            QString::number(startMs), QString::number(endMs), QString::number(ts) }
                       .join(QLatin1Char('|')));
    };
    QJsonArray value;
    bool more = false;
    if (mode == QLatin1String("f")) {
        auto it = cursor.isEmpty() ? m_events.cbegin() : m_events.upperBound(cursor);
        for (; it != m_events.cend(); ++it) {
            if (it->deleted || it->master || it->calendarId != calendarId || !inWindow(*it))
                continue;
            if (value.size() == pageSize) {
                more = true;
                break;
            }
            value.append(it->json);
            cursor = it.key();
        }
    } else {
        QList<std::pair<QString, const Stored *>> changed;
        const qint64 after = cursor.isEmpty() ? tokenSeq : cursor.toLongLong();
        for (auto it = m_events.cbegin(); it != m_events.cend(); ++it) {
            if (it->calendarId == calendarId && it->seq > after && !it->master)
                changed.append({ it.key(), &*it });
        }
        std::sort(changed.begin(), changed.end(),
            [](const auto &a, const auto &b) { return a.second->seq < b.second->seq; });
        for (const auto &[id, s] : std::as_const(changed)) {
            if (value.size() == pageSize) {
                more = true;
                break;
            }
            if (s->deleted || !inWindow(*s))
                value.append(QJsonObject {
                    { QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.event") },
                    { QStringLiteral("id"), id },
                    { QStringLiteral("@removed"),
                        QJsonObject {
                            { QStringLiteral("reason"), QStringLiteral("deleted") } } } });
            else
                value.append(s->json);
            cursor = QString::number(s->seq);
        }
    }
    const QString base = url(
        QStringLiteral("/v1.0/me/calendars/") + calendarId + QStringLiteral("/calendarView/delta"))
                             .toString();
    QJsonObject o { { QStringLiteral("value"), value } };
    if (more)
        o.insert(QStringLiteral("@odata.nextLink"),
            QString(
                base + QStringLiteral("?$skiptoken=") + state(mode, snapshot, cursor, tokenSeq)));
    else
        o.insert(QStringLiteral("@odata.deltaLink"),
            QString(base + QStringLiteral("?$deltatoken=")
                + state(QStringLiteral("d"), snapshot, QString(), tokenSeq)));
    return HttpResponse::json(200, o);
}

} // namespace kairos::fake
