#include "room/outbox.h"

#include "room/sqliteutil.h"

#include <QSqlError>
#include <QSqlQuery>

namespace kairos::room {

const QList<QStringList> &Outbox::migrations()
{
    static const QList<QStringList> all = {
        { QStringLiteral(
            "CREATE TABLE outbox (scope TEXT NOT NULL, client_id TEXT NOT NULL, text "
            "TEXT NOT NULL, created INTEGER NOT NULL, PRIMARY KEY(scope, client_id))") },
        // 2: the read marker (unread counts survive restarts)
        { QStringLiteral(
            "CREATE TABLE marks (scope TEXT PRIMARY KEY, read_seq INTEGER NOT NULL)") },
        // 3: the kind of an outbox entry (a meeting proposal is sent as a `proposal` frame)
        { QStringLiteral("ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'user'") },
    };
    return all;
}

Outbox::~Outbox()
{
    closeSqlite(m_db, m_connection);
}

Expected<std::unique_ptr<Outbox>> Outbox::open(const QString &path, const QString &scope)
{
    std::unique_ptr<Outbox> o(new Outbox);
    o->m_scope = scope;
    auto db = openSqlite(
        path.isEmpty() ? QStringLiteral(":memory:") : path, migrations(), true, &o->m_connection);
    if (!db)
        return db.error();
    o->m_db = *db;
    QSqlQuery q(o->m_db);
    q.prepare(QStringLiteral(
        "SELECT client_id, text, created, kind FROM outbox WHERE scope=? ORDER BY created, rowid"));
    q.addBindValue(scope);
    if (!q.exec())
        return makeError(Error::Code::StorageCorrupt, q.lastError().text());
    while (q.next())
        o->m_entries.append(Entry { q.value(0).toString(), q.value(1).toString(),
            QDateTime::fromMSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC),
            q.value(3).toString() });
    q.prepare(QStringLiteral("SELECT read_seq FROM marks WHERE scope=?"));
    q.addBindValue(scope);
    if (!q.exec())
        return makeError(Error::Code::StorageCorrupt, q.lastError().text());
    if (q.next())
        o->m_readSeq = q.value(0).toLongLong();
    return o;
}

Expected<void> Outbox::setReadSeq(qint64 seq)
{
    if (seq == m_readSeq)
        return {};
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO marks (scope, read_seq) VALUES (?,?)"));
    q.addBindValue(m_scope);
    q.addBindValue(seq);
    if (!q.exec())
        return makeError(Error::Code::WriteFailed, q.lastError().text());
    m_readSeq = seq;
    return {};
}

Expected<void> Outbox::add(const Entry &e)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO outbox (scope, client_id, text, created, kind) VALUES "
        "(?,?,?,?,?)"));
    q.addBindValue(m_scope);
    q.addBindValue(e.id);
    q.addBindValue(e.text);
    q.addBindValue(e.created.toMSecsSinceEpoch());
    q.addBindValue(e.kind);
    if (!q.exec())
        return makeError(Error::Code::WriteFailed, q.lastError().text());
    m_entries.append(e);
    return {};
}

Expected<void> Outbox::remove(const QString &id)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM outbox WHERE scope=? AND client_id=?"));
    q.addBindValue(m_scope);
    q.addBindValue(id);
    if (!q.exec())
        return makeError(Error::Code::WriteFailed, q.lastError().text());
    m_entries.removeIf([&](const Entry &e) { return e.id == id; });
    return {};
}

} // namespace kairos::room
