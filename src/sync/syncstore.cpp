#include "sync/syncstore.h"

#include "core/clock.h"
#include "providers/eventjson.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace kairos {

namespace {

Error sqlErr(const QSqlQuery &q)
{
    return makeError(Error::Code::WriteFailed, q.lastError().text());
}

QString kindName(OutboxOp::Kind k)
{
    switch (k) {
    case OutboxOp::Kind::Create:
        return QStringLiteral("create");
    case OutboxOp::Kind::Update:
        return QStringLiteral("update");
    case OutboxOp::Kind::Delete:
        return QStringLiteral("delete");
    }
    return QStringLiteral("create");
}

OutboxOp::Kind kindFrom(const QString &s)
{
    if (s == QLatin1String("update"))
        return OutboxOp::Kind::Update;
    if (s == QLatin1String("delete"))
        return OutboxOp::Kind::Delete;
    return OutboxOp::Kind::Create;
}

QString toJsonText(const Event &e)
{
    return QString::fromUtf8(QJsonDocument(eventToJson(e)).toJson(QJsonDocument::Compact));
}

Event fromJsonText(const QString &s)
{
    return eventFromJson(QJsonDocument::fromJson(s.toUtf8()).object());
}

const QString kOpColumns = QStringLiteral(
    "id, account_id, calendar_id, event_id, op, provider_id, etag, client_key, payload, "
    "send_updates, attempts, last_error");

OutboxOp opFrom(const QSqlQuery &q)
{
    OutboxOp op;
    op.id = q.value(0).toLongLong();
    op.accountId = q.value(1).toString();
    op.calendarId = q.value(2).toString();
    op.eventId = q.value(3).toString();
    op.kind = kindFrom(q.value(4).toString());
    op.providerId = q.value(5).toString();
    op.etag = q.value(6).toString();
    op.clientKey = q.value(7).toString();
    op.payload = fromJsonText(q.value(8).toString());
    op.sendUpdates = q.value(9).toBool();
    op.attempts = q.value(10).toInt();
    op.lastError = q.value(11).toString();
    return op;
}

} // namespace

SyncStore::SyncStore(Database &db)
    : m_db(db)
{ }

Expected<SyncStore::State> SyncStore::state(const QString &calendarId)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral(
        "SELECT token, window_start_ms, window_end_ms FROM sync_state WHERE calendar_id = ?"));
    q.addBindValue(calendarId);
    if (!q.exec())
        return sqlErr(q);
    State s;
    if (q.next()) {
        s.token = q.value(0).toString();
        s.windowStartMs = q.value(1).toLongLong();
        s.windowEndMs = q.value(2).toLongLong();
    }
    return s;
}

Expected<void> SyncStore::saveState(const QString &calendarId, const State &s, bool fullSync)
{
    QSqlQuery q(m_db.db());
    const qint64 now = Clock::instance().currentMSecsSinceEpoch();
    q.prepare(QStringLiteral(
        "INSERT INTO sync_state (calendar_id, token, window_start_ms, window_end_ms, "
        "last_full_sync_ms, last_sync_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(calendar_id) DO "
        "UPDATE SET token = excluded.token, window_start_ms = excluded.window_start_ms, "
        "window_end_ms = excluded.window_end_ms, last_full_sync_ms = "
        "COALESCE(excluded.last_full_sync_ms, last_full_sync_ms), last_sync_ms = "
        "excluded.last_sync_ms"));
    q.addBindValue(calendarId);
    q.addBindValue(s.token.isNull() ? QStringLiteral("") : s.token);
    q.addBindValue(s.windowStartMs);
    q.addBindValue(s.windowEndMs);
    q.addBindValue(fullSync ? QVariant(now) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(now);
    if (!q.exec())
        return sqlErr(q);
    return {};
}

Expected<void> SyncStore::clearState(const QString &calendarId)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("UPDATE sync_state SET token = '' WHERE calendar_id = ?"));
    q.addBindValue(calendarId);
    if (!q.exec())
        return sqlErr(q);
    return {};
}

Expected<qint64> SyncStore::enqueue(OutboxOp op)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT INTO sync_outbox (account_id, calendar_id, event_id, op, "
                             "provider_id, etag, client_key, payload, send_updates, created_ms) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(op.accountId);
    q.addBindValue(op.calendarId);
    q.addBindValue(op.eventId);
    q.addBindValue(kindName(op.kind));
    q.addBindValue(op.providerId.isNull() ? QStringLiteral("") : op.providerId);
    q.addBindValue(op.etag.isNull() ? QStringLiteral("") : op.etag);
    q.addBindValue(op.clientKey.isNull() ? QStringLiteral("") : op.clientKey);
    q.addBindValue(toJsonText(op.payload));
    q.addBindValue(op.sendUpdates);
    q.addBindValue(Clock::instance().currentMSecsSinceEpoch());
    if (!q.exec())
        return sqlErr(q);
    return q.lastInsertId().toLongLong();
}

Expected<std::optional<OutboxOp>> SyncStore::nextOp(const QString &accountId)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT ") + kOpColumns
        + QStringLiteral(" FROM sync_outbox WHERE account_id = ? ORDER BY id LIMIT 1"));
    q.addBindValue(accountId);
    if (!q.exec())
        return sqlErr(q);
    if (!q.next())
        return std::optional<OutboxOp>();
    return std::optional<OutboxOp>(opFrom(q));
}

Expected<QList<OutboxOp>> SyncStore::ops(const QString &accountId)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT ") + kOpColumns
        + QStringLiteral(" FROM sync_outbox WHERE ? = '' OR account_id = ? ORDER BY id"));
    q.addBindValue(accountId.isNull() ? QStringLiteral("") : accountId);
    q.addBindValue(accountId.isNull() ? QStringLiteral("") : accountId);
    if (!q.exec())
        return sqlErr(q);
    QList<OutboxOp> out;
    while (q.next())
        out << opFrom(q);
    return out;
}

Expected<void> SyncStore::removeOp(qint64 id)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("DELETE FROM sync_outbox WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlErr(q);
    return {};
}

Expected<void> SyncStore::removeOpsForEvent(const QString &eventId)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("DELETE FROM sync_outbox WHERE event_id = ?"));
    q.addBindValue(eventId);
    if (!q.exec())
        return sqlErr(q);
    return {};
}

Expected<void> SyncStore::removeOpsForCalendar(const QString &calendarId)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("DELETE FROM sync_outbox WHERE calendar_id = ?"));
    q.addBindValue(calendarId);
    if (!q.exec())
        return sqlErr(q);
    return {};
}

Expected<void> SyncStore::markFailed(qint64 id, const QString &error)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral(
        "UPDATE sync_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?"));
    q.addBindValue(error.isNull() ? QStringLiteral("") : error);
    q.addBindValue(id);
    if (!q.exec())
        return sqlErr(q);
    return {};
}

Expected<void> SyncStore::rebaseLaterOps(qint64 afterId, const QString &oldEventId,
    const QString &newEventId, const QString &providerId, const QString &etag)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("UPDATE sync_outbox SET event_id = ?, provider_id = ?, etag = ? "
                             "WHERE id > ? AND event_id = ?"));
    q.addBindValue(newEventId);
    q.addBindValue(providerId.isNull() ? QStringLiteral("") : providerId);
    q.addBindValue(etag.isNull() ? QStringLiteral("") : etag);
    q.addBindValue(afterId);
    q.addBindValue(oldEventId);
    if (!q.exec())
        return sqlErr(q);
    return {};
}

Expected<bool> SyncStore::hasLaterOps(qint64 afterId, const QString &eventId)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT 1 FROM sync_outbox WHERE id > ? AND event_id = ? LIMIT 1"));
    q.addBindValue(afterId);
    q.addBindValue(eventId);
    if (!q.exec())
        return sqlErr(q);
    return q.next();
}

Expected<QSet<QString>> SyncStore::pendingEventIds(const QString &calendarId)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral(
        "SELECT DISTINCT event_id FROM sync_outbox WHERE ? = '' OR calendar_id = ?"));
    q.addBindValue(calendarId.isNull() ? QStringLiteral("") : calendarId);
    q.addBindValue(calendarId.isNull() ? QStringLiteral("") : calendarId);
    if (!q.exec())
        return sqlErr(q);
    QSet<QString> out;
    while (q.next())
        out.insert(q.value(0).toString());
    return out;
}

Expected<int> SyncStore::pendingCount(const QString &accountId)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM sync_outbox WHERE ? = '' OR account_id = ?"));
    q.addBindValue(accountId.isNull() ? QStringLiteral("") : accountId);
    q.addBindValue(accountId.isNull() ? QStringLiteral("") : accountId);
    if (!q.exec() || !q.next())
        return sqlErr(q);
    return q.value(0).toInt();
}

Expected<qint64> SyncStore::addConflict(const SyncConflict &c)
{
    QSqlQuery q(m_db.db());
    q.prepare(
        QStringLiteral("INSERT INTO sync_conflicts (account_id, calendar_id, event_id, kind, "
                       "local_event, server_event, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(c.accountId);
    q.addBindValue(c.calendarId);
    q.addBindValue(c.eventId);
    q.addBindValue(c.kind);
    q.addBindValue(toJsonText(c.local));
    q.addBindValue(c.server.id.isEmpty() && c.server.providerId.isEmpty() ? QStringLiteral("{}")
                                                                          : toJsonText(c.server));
    q.addBindValue(Clock::instance().currentMSecsSinceEpoch());
    if (!q.exec())
        return sqlErr(q);
    return q.lastInsertId().toLongLong();
}

Expected<QList<SyncConflict>> SyncStore::conflicts(bool includeResolved)
{
    QSqlQuery q(m_db.db());
    if (!q.exec(QStringLiteral("SELECT id, account_id, calendar_id, event_id, kind, local_event, "
                               "server_event, created_ms FROM sync_conflicts")
            + (includeResolved ? QString() : QStringLiteral(" WHERE resolved = 0"))
            + QStringLiteral(" ORDER BY id")))
        return sqlErr(q);
    QList<SyncConflict> out;
    while (q.next()) {
        SyncConflict c;
        c.id = q.value(0).toLongLong();
        c.accountId = q.value(1).toString();
        c.calendarId = q.value(2).toString();
        c.eventId = q.value(3).toString();
        c.kind = q.value(4).toString();
        c.local = fromJsonText(q.value(5).toString());
        c.server = fromJsonText(q.value(6).toString());
        c.created = QDateTime::fromMSecsSinceEpoch(q.value(7).toLongLong(), Qt::UTC);
        out << c;
    }
    return out;
}

Expected<void> SyncStore::resolveConflict(qint64 id)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("UPDATE sync_conflicts SET resolved = 1 WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return sqlErr(q);
    return {};
}

Expected<QStringList> SyncStore::eventIds(const QString &calendarId)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM events WHERE calendar_id = ?"));
    q.addBindValue(calendarId);
    if (!q.exec())
        return sqlErr(q);
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

Expected<QStringList> SyncStore::exceptionIds(const QString &masterId)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id FROM events WHERE recurring_event_id = ?"));
    q.addBindValue(masterId);
    if (!q.exec())
        return sqlErr(q);
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

Expected<void> SyncStore::dropCache(const QString &calendarId)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("DELETE FROM events WHERE calendar_id = ? AND id NOT IN "
                             "(SELECT event_id FROM sync_outbox)"));
    q.addBindValue(calendarId);
    if (!q.exec())
        return sqlErr(q);
    return {};
}

Expected<void> SyncStore::renameEvent(
    const QString &oldId, const QString &newId, const QString &providerId, const QString &etag)
{
    return m_db.transaction([&]() -> Expected<void> {
        QSqlQuery q(m_db.db());
        q.prepare(QStringLiteral("DELETE FROM events WHERE id = ?"));
        q.addBindValue(newId);
        if (!q.exec())
            return sqlErr(q);
        q.prepare(
            QStringLiteral("UPDATE events SET id = ?, provider_id = ?, etag = ? WHERE id = ?"));
        q.addBindValue(newId);
        q.addBindValue(providerId);
        q.addBindValue(etag.isNull() ? QStringLiteral("") : etag);
        q.addBindValue(oldId);
        if (!q.exec())
            return sqlErr(q);
        q.prepare(QStringLiteral("UPDATE sync_outbox SET event_id = ? WHERE event_id = ?"));
        q.addBindValue(newId);
        q.addBindValue(oldId);
        if (!q.exec())
            return sqlErr(q);
        return {};
    });
}

} // namespace kairos
