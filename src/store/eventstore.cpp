#include "store/eventstore.h"

#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

#include <algorithm>
#include <limits>
#include <memory>

#include <sqlite3.h>

namespace kairos {

namespace {

constexpr qint64 kDayPadMs = 14LL * 3600 * 1000; // the widest UTC offset
constexpr qint64 kForever = std::numeric_limits<qint64>::max() / 2;

//! Never NULL: a null QString binds as SQL NULL, which NOT NULL columns refuse in an upsert.
QString nn(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

Error queryError(const QSqlQuery &q)
{
    return makeError(Error::Code::WriteFailed, q.lastError().text());
}

QString kindToString(CalendarKind k)
{
    switch (k) {
    case CalendarKind::Local:
        return QStringLiteral("local");
    case CalendarKind::Google:
        return QStringLiteral("google");
    case CalendarKind::Microsoft:
        return QStringLiteral("microsoft");
    case CalendarKind::Subscription:
        return QStringLiteral("subscription");
    case CalendarKind::CalDav:
        return QStringLiteral("caldav");
    }
    return QStringLiteral("local");
}

CalendarKind kindFromString(const QString &s)
{
    if (s == QLatin1String("google"))
        return CalendarKind::Google;
    if (s == QLatin1String("microsoft"))
        return CalendarKind::Microsoft;
    if (s == QLatin1String("subscription"))
        return CalendarKind::Subscription;
    if (s == QLatin1String("caldav"))
        return CalendarKind::CalDav;
    return CalendarKind::Local;
}

QString responseToString(Attendee::Response r)
{
    switch (r) {
    case Attendee::Response::Accepted:
        return QStringLiteral("accepted");
    case Attendee::Response::Declined:
        return QStringLiteral("declined");
    case Attendee::Response::Tentative:
        return QStringLiteral("tentative");
    case Attendee::Response::NeedsAction:
        break;
    }
    return QStringLiteral("needsAction");
}

Attendee::Response responseFromString(const QString &s)
{
    if (s == QLatin1String("accepted"))
        return Attendee::Response::Accepted;
    if (s == QLatin1String("declined"))
        return Attendee::Response::Declined;
    if (s == QLatin1String("tentative"))
        return Attendee::Response::Tentative;
    return Attendee::Response::NeedsAction;
}

QString attendeesToJson(const QList<Attendee> &list)
{
    QJsonArray a;
    for (const Attendee &at : list) {
        QJsonObject o { { QStringLiteral("email"), at.email },
            { QStringLiteral("response"), responseToString(at.response) } };
        if (!at.name.isEmpty())
            o.insert(QStringLiteral("name"), at.name);
        if (at.optional)
            o.insert(QStringLiteral("optional"), true);
        if (at.organizer)
            o.insert(QStringLiteral("organizer"), true);
        if (at.self)
            o.insert(QStringLiteral("self"), true);
        a.append(o);
    }
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<Attendee> attendeesFromJson(const QString &json)
{
    QList<Attendee> out;
    const QJsonArray a = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const auto &v : a) {
        const QJsonObject o = v.toObject();
        Attendee at;
        at.email = o.value(QStringLiteral("email")).toString();
        at.name = o.value(QStringLiteral("name")).toString();
        at.response = responseFromString(o.value(QStringLiteral("response")).toString());
        at.optional = o.value(QStringLiteral("optional")).toBool();
        at.organizer = o.value(QStringLiteral("organizer")).toBool();
        at.self = o.value(QStringLiteral("self")).toBool();
        out.append(at);
    }
    return out;
}

QVariant msOrNull(const QDateTime &dt)
{
    return dt.isValid() ? QVariant(dt.toMSecsSinceEpoch())
                        : QVariant(QMetaType(QMetaType::LongLong));
}

//! The span that bounds every occurrence, for the range index.
std::pair<qint64, qint64> rangeOf(const Event &e)
{
    qint64 s, en;
    if (e.allDay) {
        s = QDateTime(e.startDate, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() - kDayPadMs;
        en = QDateTime(e.endDate, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch() + kDayPadMs;
    } else {
        s = e.start.toMSecsSinceEpoch();
        en = qMax(s, e.end.toMSecsSinceEpoch());
    }
    if (e.isRecurring())
        en = kForever; // the expander bounds series precisely
    return { s, en };
}

//! The connection's sqlite3 handle (the QSQLITE driver links the system SQLite, as we do).
sqlite3 *sqliteHandle(QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

Error sqliteError(sqlite3 *h)
{
    return makeError(Error::Code::WriteFailed, QString::fromUtf8(sqlite3_errmsg(h)));
}

QByteArray zoneIdBytes(const QDateTime &dt)
{
    if (!dt.isValid())
        return {};
    if (dt.timeSpec() == Qt::TimeZone)
        return dt.timeZone().id();
    if (dt.timeSpec() == Qt::UTC)
        return QByteArrayLiteral("UTC");
    return QTimeZone::systemTimeZoneId();
}

//! Binds the parameters of one row in order. Text is copied by SQLite (SQLITE_TRANSIENT), so
//! temporaries may go right after.
struct Binder {
    sqlite3_stmt *st;
    int i = 0;
    void reset()
    {
        sqlite3_reset(st);
        i = 0;
    }
    void text(const QString &s)
    {
        const QByteArray u = s.toUtf8();
        sqlite3_bind_text(st, ++i, u.constData(), int(u.size()), SQLITE_TRANSIENT);
    }
    void latin1(const QByteArray &s)
    {
        sqlite3_bind_text(st, ++i, s.constData(), int(s.size()), SQLITE_TRANSIENT);
    }
    void integer(qint64 v) { sqlite3_bind_int64(st, ++i, v); }
    void msOrNull(const QDateTime &dt)
    {
        if (dt.isValid())
            sqlite3_bind_int64(st, ++i, dt.toMSecsSinceEpoch());
        else
            sqlite3_bind_null(st, ++i);
    }
};

const QString kEventColumns = QStringLiteral(
    "id, calendar_id, provider_id, etag, ical_uid, sequence, title, location, description, "
    "all_day, start_ms, start_tz, end_ms, end_tz, start_date, end_date, recurrence, "
    "recurring_event_id, original_start_ms, original_start_tz, attendees, organizer, status, "
    "transparency, created_ms, updated_ms, out_of_office, reminders, reminders_default");

} // namespace

EventStore::EventStore(Database &db)
    : m_db(db)
{ }

QTimeZone EventStore::zone(const QString &id)
{
    auto it = m_zones.constFind(id);
    if (it != m_zones.constEnd())
        return *it;
    QTimeZone tz
        = id.isEmpty() || id == QLatin1String("UTC") ? QTimeZone::utc() : QTimeZone(id.toLatin1());
    if (!tz.isValid())
        tz = QTimeZone::utc();
    m_zones.insert(id, tz);
    return tz;
}

// ---- accounts --------------------------------------------------------------------------

Expected<QList<Account>> EventStore::accounts()
{
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT id, provider, email, display_name, status, status_reason, "
                               "connected_at, last_synced_at, server_url FROM accounts ORDER BY email")))
        return queryError(q);
    QList<Account> out;
    while (q.next()) {
        Account a;
        a.id = q.value(0).toString();
        a.provider = providerFromString(q.value(1).toString()).value_or(Provider::Google);
        a.email = q.value(2).toString();
        a.displayName = q.value(3).toString();
        a.status = accountStatusFromString(q.value(4).toString());
        a.statusReason = q.value(5).toString();
        if (!q.value(6).isNull())
            a.connectedAt = QDateTime::fromMSecsSinceEpoch(q.value(6).toLongLong(), Qt::UTC);
        if (!q.value(7).isNull())
            a.lastSyncedAt = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
        a.serverUrl = q.value(8).toString();
        out.append(a);
    }
    return out;
}

Expected<void> EventStore::saveAccount(const Account &a)
{
    QSqlQuery q(m_db.db());
    // An upsert, not INSERT OR REPLACE: REPLACE deletes the row first, and the foreign keys'
    // ON DELETE CASCADE would then delete the account's calendars and their events.
    q.prepare(QStringLiteral("INSERT INTO accounts (id, provider, email, display_name, "
                             "status, status_reason, connected_at, last_synced_at, server_url) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                             "provider = excluded.provider, email = excluded.email, "
                             "display_name = excluded.display_name, status = excluded.status, "
                             "status_reason = excluded.status_reason, "
                             "connected_at = excluded.connected_at, "
                             "last_synced_at = excluded.last_synced_at, "
                             "server_url = excluded.server_url"));
    q.addBindValue(a.id);
    q.addBindValue(toString(a.provider));
    q.addBindValue(nn(a.email));
    q.addBindValue(nn(a.displayName));
    q.addBindValue(toString(a.status));
    q.addBindValue(nn(a.statusReason));
    q.addBindValue(msOrNull(a.connectedAt));
    q.addBindValue(msOrNull(a.lastSyncedAt));
    q.addBindValue(nn(a.serverUrl));
    if (!q.exec())
        return queryError(q);
    return {};
}

Expected<void> EventStore::removeAccount(const QString &accountId)
{
    return m_db.transaction([&]() -> Expected<void> {
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("DELETE FROM events WHERE calendar_id IN "
                                 "(SELECT id FROM calendars WHERE account_id = ?)"));
        q.addBindValue(accountId);
        if (!q.exec())
            return queryError(q);
        q.prepare(QStringLiteral("DELETE FROM calendars WHERE account_id = ?"));
        q.addBindValue(accountId);
        if (!q.exec())
            return queryError(q);
        q.prepare(QStringLiteral("DELETE FROM accounts WHERE id = ?"));
        q.addBindValue(accountId);
        if (!q.exec())
            return queryError(q);
        return {};
    });
}

// ---- calendars -------------------------------------------------------------------------

static Calendar calendarFromQuery(const QSqlQuery &q)
{
    Calendar c;
    c.id = q.value(0).toString();
    c.accountId = q.value(1).toString();
    c.providerId = q.value(2).toString();
    c.kind = kindFromString(q.value(3).toString());
    c.name = q.value(4).toString();
    c.color = q.value(5).toString();
    c.timeZone = q.value(6).toString().toLatin1();
    c.readOnly = q.value(7).toBool();
    c.primary = q.value(8).toBool();
    c.visible = q.value(9).toBool();
    c.countsForAvailability = q.value(10).toBool();
    c.sourceUrl = q.value(11).toString();
    c.defaultReminders = remindersFromString(q.value(12).toString());
    return c;
}

static const QString kCalendarColumns = QStringLiteral(
    "id, account_id, provider_id, kind, name, color, time_zone, read_only, is_primary, "
    "visible, counts_for_availability, source_url, default_reminders");

Expected<QList<Calendar>> EventStore::calendars()
{
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT ") + kCalendarColumns
            + QStringLiteral(" FROM calendars ORDER BY sort_order, name")))
        return queryError(q);
    QList<Calendar> out;
    while (q.next())
        out.append(calendarFromQuery(q));
    return out;
}

Expected<Calendar> EventStore::calendar(const QString &id)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT ") + kCalendarColumns
        + QStringLiteral(" FROM calendars WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return queryError(q);
    if (!q.next())
        return makeError(Error::Code::NotFound, QStringLiteral("calendar ") + id);
    return calendarFromQuery(q);
}

Expected<void> EventStore::saveCalendar(const Calendar &c)
{
    QSqlQuery q(m_db.db());
    // An upsert (see saveAccount): replacing the row would cascade-delete its events.
    q.prepare(QStringLiteral("INSERT INTO calendars (") + kCalendarColumns
        + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO "
                         "UPDATE SET account_id = excluded.account_id, "
                         "provider_id = excluded.provider_id, kind = excluded.kind, "
                         "name = excluded.name, color = excluded.color, "
                         "time_zone = excluded.time_zone, read_only = excluded.read_only, "
                         "is_primary = excluded.is_primary, visible = excluded.visible, "
                         "counts_for_availability = excluded.counts_for_availability, "
                         "source_url = excluded.source_url, "
                         "default_reminders = excluded.default_reminders"));
    q.addBindValue(c.id);
    q.addBindValue(
        c.accountId.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(c.accountId));
    q.addBindValue(nn(c.providerId));
    q.addBindValue(kindToString(c.kind));
    q.addBindValue(nn(c.name));
    q.addBindValue(nn(c.color));
    q.addBindValue(nn(QString::fromLatin1(c.timeZone)));
    q.addBindValue(c.readOnly);
    q.addBindValue(c.primary);
    q.addBindValue(c.visible);
    q.addBindValue(c.countsForAvailability);
    q.addBindValue(nn(c.sourceUrl));
    q.addBindValue(nn(remindersToString(normalizeReminders(c.defaultReminders))));
    if (!q.exec())
        return queryError(q);
    return {};
}

Expected<void> EventStore::removeCalendar(const QString &id)
{
    return m_db.transaction([&]() -> Expected<void> {
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("DELETE FROM events WHERE calendar_id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return queryError(q);
        q.prepare(QStringLiteral("DELETE FROM calendars WHERE id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return queryError(q);
        return {};
    });
}

// ---- events ----------------------------------------------------------------------------

static Expected<QList<Event>> readEvents(
    QSqlQuery &q, const std::function<QTimeZone(const QString &)> &zone)
{
    if (!q.exec())
        return queryError(q);
    QList<Event> out;
    while (q.next()) {
        Event e;
        e.id = q.value(0).toString();
        e.calendarId = q.value(1).toString();
        e.providerId = q.value(2).toString();
        e.etag = q.value(3).toString();
        e.iCalUid = q.value(4).toString();
        e.sequence = q.value(5).toInt();
        e.title = q.value(6).toString();
        e.location = q.value(7).toString();
        e.description = q.value(8).toString();
        e.allDay = q.value(9).toBool();
        if (e.allDay) {
            e.startDate = QDate::fromString(q.value(14).toString(), Qt::ISODate);
            e.endDate = QDate::fromString(q.value(15).toString(), Qt::ISODate);
        } else {
            e.start = QDateTime::fromMSecsSinceEpoch(
                q.value(10).toLongLong(), zone(q.value(11).toString()));
            e.end = QDateTime::fromMSecsSinceEpoch(
                q.value(12).toLongLong(), zone(q.value(13).toString()));
        }
        const QString rec = q.value(16).toString();
        if (!rec.isEmpty())
            e.recurrence = rec.split(QLatin1Char('\n'));
        e.recurringEventId = q.value(17).toString();
        if (!q.value(18).isNull())
            e.originalStart = QDateTime::fromMSecsSinceEpoch(
                q.value(18).toLongLong(), zone(q.value(19).toString()));
        e.attendees = attendeesFromJson(q.value(20).toString());
        e.organizer = q.value(21).toString();
        e.status = eventStatusFromString(q.value(22).toString());
        e.transparency = q.value(23).toString() == QLatin1String("transparent")
            ? Transparency::Transparent
            : Transparency::Opaque;
        if (!q.value(24).isNull())
            e.created = QDateTime::fromMSecsSinceEpoch(q.value(24).toLongLong(), Qt::UTC);
        if (!q.value(25).isNull())
            e.updated = QDateTime::fromMSecsSinceEpoch(q.value(25).toLongLong(), Qt::UTC);
        e.outOfOffice = q.value(26).toBool();
        e.reminders = remindersFromString(q.value(27).toString());
        e.defaultReminders = q.value(28).toBool();
        out.append(std::move(e));
    }
    return out;
}

Expected<Event> EventStore::event(const QString &id)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT ") + kEventColumns + QStringLiteral(" FROM events WHERE id = ?"));
    q.addBindValue(id);
    auto r = readEvents(q, [this](const QString &z) { return zone(z); });
    if (!r)
        return r.error();
    if (r->isEmpty())
        return makeError(Error::Code::NotFound, QStringLiteral("event ") + id);
    return r->first();
}

Expected<QList<Event>> EventStore::eventsByUid(const QString &uid)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kEventColumns
        + QStringLiteral(" FROM events WHERE ical_uid = ?"));
    q.addBindValue(uid);
    return readEvents(q, [this](const QString &z) { return zone(z); });
}

Expected<QList<Event>> EventStore::eventsInRange(
    qint64 fromMs, qint64 toMs, const QStringList &calendarIds)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    QString sql = QStringLiteral("SELECT ") + kEventColumns
        + QStringLiteral(" FROM events WHERE range_start_ms < ? AND range_end_ms > ?");
    if (!calendarIds.isEmpty()) {
        QStringList marks;
        for (int i = 0; i < calendarIds.size(); ++i)
            marks << QStringLiteral("?");
        sql += QStringLiteral(" AND calendar_id IN (") + marks.join(QLatin1Char(','))
            + QLatin1Char(')');
    }
    sql += QStringLiteral(" ORDER BY range_start_ms");
    q.prepare(sql);
    q.addBindValue(toMs);
    q.addBindValue(fromMs);
    for (const QString &c : calendarIds)
        q.addBindValue(c);
    return readEvents(q, [this](const QString &z) { return zone(z); });
}

Expected<QList<Event>> EventStore::eventsInCalendar(const QString &calendarId)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kEventColumns
        + QStringLiteral(" FROM events WHERE calendar_id = ? ORDER BY range_start_ms"));
    q.addBindValue(calendarId);
    return readEvents(q, [this](const QString &z) { return zone(z); });
}

Expected<int> EventStore::eventCount()
{
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM events")) || !q.next())
        return queryError(q);
    return q.value(0).toInt();
}

Expected<void> EventStore::saveEvents(QList<Event> &input)
{
    return writeEvents(input, QStringLiteral("events"));
}

Expected<void> EventStore::writeEvents(QList<Event> &input, const QString &table)
{
    // Check the whole batch before writing any of it, and hand back new ids only when the
    // batch committed (a rolled-back batch leaves the caller's events untouched).
    for (const Event &e : std::as_const(input)) {
        if (!e.isValid())
            return makeError(Error::Code::InvalidInput,
                QStringLiteral("event '%1' has no valid time span").arg(e.id));
        if (e.calendarId.isEmpty())
            return makeError(
                Error::Code::InvalidInput, QStringLiteral("event '%1' has no calendar").arg(e.id));
    }
    QList<Event> events = input;
    sqlite3 *h = sqliteHandle(m_db.db());
    if (!h)
        return makeError(Error::Code::StorageUnavailable, QStringLiteral("not a SQLite database"));
    auto r = m_db.transaction([&]() -> Expected<void> {
        // SQLite's own API rather than QSqlQuery: no QVariant per value, text bound as UTF-8
        // (the database's encoding) instead of UTF-16 that SQLite would convert again. Storing
        // a large import spent most of its time in that per-value overhead.
        const QByteArray sql = (QStringLiteral("INSERT OR REPLACE INTO ") + table
            + QStringLiteral(" (") + kEventColumns
            + QStringLiteral(
                ", range_start_ms, range_end_ms) VALUES (?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
                                   .toUtf8();
        sqlite3_stmt *raw = nullptr;
        if (sqlite3_prepare_v2(h, sql.constData(), int(sql.size()), &raw, nullptr) != SQLITE_OK)
            return sqliteError(h);
        const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> st(raw, sqlite3_finalize);
        Binder b { raw };
        for (Event &e : events) {
            if (e.id.isEmpty())
                e.id = Event::newId();
            if (e.iCalUid.isEmpty())
                e.iCalUid = e.id + QStringLiteral("@kairos");
            const auto [rs, re] = rangeOf(e);
            b.reset();
            b.text(e.id);
            b.text(e.calendarId);
            b.text(e.providerId);
            b.text(e.etag);
            b.text(e.iCalUid);
            b.integer(e.sequence);
            b.text(e.title);
            b.text(e.location);
            b.text(e.description);
            b.integer(e.allDay ? 1 : 0);
            b.msOrNull(e.allDay ? QDateTime() : e.start);
            b.latin1(e.allDay ? QByteArray() : zoneIdBytes(e.start));
            b.msOrNull(e.allDay ? QDateTime() : e.end);
            b.latin1(e.allDay ? QByteArray() : zoneIdBytes(e.end));
            b.text(e.allDay ? e.startDate.toString(Qt::ISODate) : QString());
            b.text(e.allDay ? e.endDate.toString(Qt::ISODate) : QString());
            b.text(e.recurrence.join(QLatin1Char('\n')));
            b.text(e.recurringEventId);
            b.msOrNull(e.originalStart);
            b.latin1(zoneIdBytes(e.originalStart));
            b.text(attendeesToJson(e.attendees));
            b.text(e.organizer);
            b.text(toString(e.status));
            b.latin1(e.transparency == Transparency::Transparent ? QByteArrayLiteral("transparent")
                                                                 : QByteArrayLiteral("opaque"));
            b.msOrNull(e.created);
            b.msOrNull(e.updated);
            b.integer(e.outOfOffice ? 1 : 0);
            b.latin1(remindersToString(normalizeReminders(e.reminders)).toLatin1());
            b.integer(e.defaultReminders ? 1 : 0);
            b.integer(rs);
            b.integer(re);
            if (sqlite3_step(raw) != SQLITE_DONE)
                return sqliteError(h);
        }
        return {};
    });
    if (r)
        input = std::move(events);
    return r;
}

Expected<void> EventStore::saveEvent(Event &event)
{
    QList<Event> one { event };
    auto r = saveEvents(one);
    if (r)
        event = one.first();
    return r;
}

Expected<void> EventStore::removeEvents(const QStringList &ids)
{
    return m_db.transaction([&]() -> Expected<void> {
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("DELETE FROM events WHERE id = ? OR recurring_event_id = ?"));
        for (const QString &id : ids) {
            q.addBindValue(id);
            q.addBindValue(id);
            if (!q.exec())
                return queryError(q);
        }
        return {};
    });
}

Expected<QList<EventStore::EventKey>> EventStore::eventKeys(const QString &calendarId)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, ical_uid, original_start_ms, sequence FROM events "
                             "WHERE calendar_id = ?"));
    q.addBindValue(calendarId);
    if (!q.exec())
        return queryError(q);
    QList<EventKey> out;
    while (q.next()) {
        EventKey k;
        k.id = q.value(0).toString();
        k.iCalUid = q.value(1).toString();
        k.hasOriginalStart = !q.value(2).isNull();
        k.originalStartMs = q.value(2).toLongLong();
        k.sequence = q.value(3).toInt();
        out.append(std::move(k));
    }
    return out;
}

QString EventStore::searchQuery(const QString &text)
{
    QStringList terms;
    const QStringList words
        = text.split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (QString w : words) {
        w.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        // A word of punctuation only has no token: FTS5 would refuse the empty phrase.
        if (!std::any_of(w.cbegin(), w.cend(), [](QChar c) { return c.isLetterOrNumber(); }))
            continue;
        terms << QLatin1Char('"') + w + QStringLiteral("\"*");
    }
    return terms.join(QLatin1Char(' '));
}

Expected<QList<Event>> EventStore::search(const QString &text, qint64 aroundMs, int limit)
{
    const QString match = searchQuery(text);
    if (match.isEmpty() || limit <= 0)
        return QList<Event>();
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    // Upcoming (or ongoing) events first, soonest first; then past ones, latest first.
    QString cols = kEventColumns;
    cols.replace(QStringLiteral(", "), QStringLiteral(", e."));
    q.prepare(QStringLiteral("SELECT e.") + cols
        + QStringLiteral(" FROM events_fts JOIN events e ON e.rowid = events_fts.rowid WHERE "
                         "events_fts MATCH ? ORDER BY (e.range_end_ms < ?), "
                         "CASE WHEN e.range_end_ms < ? THEN -e.range_start_ms ELSE "
                         "e.range_start_ms END LIMIT ?"));
    q.addBindValue(match);
    q.addBindValue(aroundMs);
    q.addBindValue(aroundMs);
    q.addBindValue(limit);
    return readEvents(q, [this](const QString &z) { return zone(z); });
}

Expected<QList<Event>> EventStore::eventsByIds(const QStringList &ids)
{
    QList<Event> out;
    constexpr qsizetype kChunk = 500; // well under SQLite's bound-parameter limit
    for (qsizetype i = 0; i < ids.size(); i += kChunk) {
        const QStringList part = ids.mid(i, kChunk);
        QStringList marks;
        marks.fill(QStringLiteral("?"), part.size());
        QSqlQuery q(m_db.db());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT ") + kEventColumns
            + QStringLiteral(" FROM events WHERE id IN (") + marks.join(QLatin1Char(','))
            + QLatin1Char(')'));
        for (const QString &id : part)
            q.addBindValue(id);
        auto r = readEvents(q, [this](const QString &z) { return zone(z); });
        if (!r)
            return r.error();
        out += std::move(*r);
    }
    return out;
}

Expected<void> EventStore::beginStaging()
{
    dropStaging();
    QSqlQuery q(m_db.db());
    // TEMP: private to this connection, on disk (temp_store default), gone when it closes.
    // No index: the importer stages each event once (ids are unique), and the final
    // INSERT OR REPLACE into main.events is what matches stored ones.
    if (!q.exec(QStringLiteral(
            "CREATE TEMP TABLE events_staging AS SELECT * FROM main.events WHERE 0")))
        return queryError(q);
    return {};
}

Expected<void> EventStore::stageEvents(QList<Event> &events)
{
    return writeEvents(events, QStringLiteral("temp.events_staging"));
}

Expected<void> EventStore::commitStaging(
    const QStringList &removeIds, const QStringList &clearMasterIds)
{
    auto r = m_db.transaction([&]() -> Expected<void> {
        QSqlQuery q(m_db.db());
        if (!clearMasterIds.isEmpty()) {
            q.prepare(QStringLiteral("UPDATE temp.events_staging SET recurring_event_id = '' WHERE "
                                     "recurring_event_id = ?"));
            for (const QString &id : clearMasterIds) {
                q.addBindValue(id);
                if (!q.exec())
                    return queryError(q);
            }
        }
        if (!q.exec(QStringLiteral("INSERT OR REPLACE INTO main.events SELECT * FROM "
                                   "temp.events_staging")))
            return queryError(q);
        q.prepare(QStringLiteral("DELETE FROM main.events WHERE id = ? OR recurring_event_id = ?"));
        for (const QString &id : removeIds) {
            q.addBindValue(id);
            q.addBindValue(id);
            if (!q.exec())
                return queryError(q);
        }
        return {};
    });
    dropStaging();
    return r;
}

void EventStore::dropStaging()
{
    QSqlQuery q(m_db.db());
    q.exec(QStringLiteral("DROP TABLE IF EXISTS temp.events_staging"));
}

} // namespace kairos
