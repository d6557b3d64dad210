#include "room/roomstore.h"

#include "core/logging.h"
#include "room/sqliteutil.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <algorithm>

namespace kairos::room {

const QList<QStringList> &SqliteRoomStore::migrations()
{
    static const QList<QStringList> all = {
        // 1: rooms, members, messages, free/busy snapshots
        {
            QStringLiteral("CREATE TABLE rooms (id INTEGER PRIMARY KEY, name TEXT NOT NULL "
                           "UNIQUE, invite TEXT NOT NULL, created INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE members (id INTEGER PRIMARY KEY, room_id INTEGER NOT "
                           "NULL REFERENCES rooms(id), name TEXT NOT NULL, name_key TEXT NOT "
                           "NULL, salt BLOB NOT NULL, secret_hash BLOB NOT NULL, created "
                           "INTEGER NOT NULL, UNIQUE(room_id, name_key))"),
            QStringLiteral("CREATE TABLE messages (seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                           "room_id INTEGER NOT NULL, member_id INTEGER NOT NULL, client_id "
                           "TEXT NOT NULL, sender TEXT NOT NULL, text TEXT NOT NULL, ts "
                           "INTEGER NOT NULL, kind TEXT NOT NULL, event TEXT NOT NULL DEFAULT "
                           "'', UNIQUE(room_id, member_id, client_id))"),
            QStringLiteral("CREATE INDEX messages_room_seq ON messages(room_id, seq)"),
            QStringLiteral("CREATE TABLE freebusy (room_id INTEGER NOT NULL, member_id INTEGER "
                           "NOT NULL, snapshot TEXT NOT NULL, updated INTEGER NOT NULL, "
                           "PRIMARY KEY(room_id, member_id))"),
        },
    };
    return all;
}

//! The writer thread's own connection and statements (created and used only on that thread).
struct WriterConnection {
    QSqlDatabase db;
    QString connection;
    std::optional<QSqlQuery> insertMsg, findDup;
};

struct SqliteRoomStore::Private {
    QSqlDatabase db;
    QString connection;
    std::optional<QSqlQuery> insertMsg, findDup, selTail, selBefore, selAfter;
    QString path;
    bool fullSync = true;
    // Writer thread (appendBatchAsync): started on first use.
    std::unique_ptr<QThread> thread;
    std::unique_ptr<QObject> worker; //!< lives on `thread`
    std::unique_ptr<WriterConnection> writer; //!< touched only on `thread`
    QObject context; //!< on the owner's thread: where `done` callbacks run
    Error writerError { Error::Code::Internal, {} };

    void startWriter();
    void stopWriter();
};

SqliteRoomStore::SqliteRoomStore()
    : d(new Private)
{ }

SqliteRoomStore::~SqliteRoomStore()
{
    d->stopWriter();
    d->insertMsg.reset();
    d->findDup.reset();
    d->selTail.reset();
    d->selBefore.reset();
    d->selAfter.reset();
    closeSqlite(d->db, d->connection);
}

Expected<std::unique_ptr<SqliteRoomStore>> SqliteRoomStore::open(
    const QString &path, Durability durability)
{
    // The file holds invite keys, messages and shared e-mails: its owner only, from its
    // creation on (SQLite gives the -wal and -shm files the same permissions).
    constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!QFileInfo::exists(path)) {
        QFile create(path);
        if (!create.open(QIODevice::WriteOnly) || !create.setPermissions(ownerOnly))
            return makeError(Error::Code::StorageUnavailable,
                QStringLiteral("cannot create ") + path + QStringLiteral(": ")
                    + create.errorString());
    } else if (!QFile::setPermissions(path, ownerOnly)) {
        qCWarning(lcChat) << "cannot make" << path << "private to its owner";
    }
    std::unique_ptr<SqliteRoomStore> s(new SqliteRoomStore);
    auto db = openSqlite(path, migrations(), durability == Durability::Full, &s->d->connection);
    if (!db)
        return db.error();
    s->d->db = *db;
    s->d->path = path;
    s->d->fullSync = durability == Durability::Full;
    auto prep = [&](std::optional<QSqlQuery> &q, const QString &sql) {
        q.emplace(s->d->db);
        return q->prepare(sql);
    };
    const QString cols = QStringLiteral("seq, client_id, sender, text, ts, kind, event");
    if (!prep(s->d->insertMsg,
            QStringLiteral("INSERT INTO messages (room_id, member_id, client_id, sender, text, "
                           "ts, kind, event) VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"))
        || !prep(s->d->findDup,
            QStringLiteral("SELECT ") + cols
                + QStringLiteral(" FROM messages WHERE room_id=? AND member_id=? AND "
                                 "client_id=?"))
        || !prep(s->d->selTail,
            QStringLiteral("SELECT ") + cols
                + QStringLiteral(" FROM messages WHERE room_id=? ORDER BY seq DESC LIMIT ?"))
        || !prep(s->d->selBefore,
            QStringLiteral("SELECT ") + cols
                + QStringLiteral(" FROM messages WHERE room_id=? AND seq<? ORDER BY seq "
                                 "DESC LIMIT ?"))
        || !prep(s->d->selAfter,
            QStringLiteral("SELECT ") + cols
                + QStringLiteral(" FROM messages WHERE room_id=? AND seq>? ORDER BY seq "
                                 "ASC LIMIT ?")))
        return makeError(Error::Code::StorageCorrupt, s->d->db.lastError().text());
    return s;
}

namespace {

Error sqlErr(const QSqlQuery &q)
{
    return makeError(Error::Code::WriteFailed, q.lastError().text());
}

RoomMessage readMessage(const QSqlQuery &q)
{
    RoomMessage m;
    m.seq = q.value(0).toLongLong();
    m.id = q.value(1).toString();
    m.from = q.value(2).toString();
    m.text = q.value(3).toString();
    m.ts = QDateTime::fromMSecsSinceEpoch(q.value(4).toLongLong(), Qt::UTC);
    m.kind = q.value(5).toString();
    m.event = q.value(6).toString();
    return m;
}

Expected<QList<RoomMessage>> runList(QSqlQuery &q, bool reverse)
{
    if (!q.exec())
        return sqlErr(q);
    QList<RoomMessage> out;
    while (q.next())
        out.append(readMessage(q));
    q.finish();
    if (reverse)
        std::reverse(out.begin(), out.end());
    return out;
}

} // namespace

Expected<std::optional<RoomRecord>> SqliteRoomStore::findRoom(const QString &name)
{
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("SELECT id, name, invite FROM rooms WHERE name=?"));
    q.addBindValue(name);
    if (!q.exec())
        return sqlErr(q);
    if (!q.next())
        return std::optional<RoomRecord>();
    return std::optional<RoomRecord>(
        RoomRecord { q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString() });
}

Expected<RoomRecord> SqliteRoomStore::createRoom(const QString &name, const QString &invite)
{
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("INSERT INTO rooms (name, invite, created) VALUES (?,?,?)"));
    q.addBindValue(name);
    q.addBindValue(invite);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return sqlErr(q);
    return RoomRecord { q.lastInsertId().toLongLong(), name, invite };
}

Expected<int> SqliteRoomStore::roomCount()
{
    QSqlQuery q(d->db);
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM rooms")) || !q.next())
        return sqlErr(q);
    return q.value(0).toInt();
}

Expected<QList<MemberRecord>> SqliteRoomStore::members(qint64 roomId)
{
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("SELECT id, name, name_key, salt, secret_hash FROM members WHERE "
                             "room_id=? ORDER BY id"));
    q.addBindValue(roomId);
    if (!q.exec())
        return sqlErr(q);
    QList<MemberRecord> out;
    while (q.next())
        out.append(MemberRecord { q.value(0).toLongLong(), q.value(1).toString(),
            q.value(2).toString(), q.value(3).toByteArray(), q.value(4).toByteArray() });
    return out;
}

Expected<MemberRecord> SqliteRoomStore::addMember(qint64 roomId, const MemberRecord &m)
{
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("INSERT INTO members (room_id, name, name_key, salt, secret_hash, "
                             "created) VALUES (?,?,?,?,?,?)"));
    q.addBindValue(roomId);
    q.addBindValue(m.name);
    q.addBindValue(m.key);
    q.addBindValue(m.salt);
    q.addBindValue(m.secretHash);
    q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    if (!q.exec())
        return sqlErr(q);
    MemberRecord r = m;
    r.id = q.lastInsertId().toLongLong();
    return r;
}

namespace {

//! One transaction on `db` with its prepared `ins` / `dup` statements.
Expected<QList<AppendResult>> appendOn(
    QSqlDatabase &db, QSqlQuery &ins, QSqlQuery &dup, const QList<AppendRequest> &batch)
{
    QList<AppendResult> out;
    out.reserve(batch.size());
    if (!db.transaction())
        return makeError(Error::Code::WriteFailed, db.lastError().text());
    auto rollback = [&](const QSqlQuery &q) {
        Error e = sqlErr(q);
        db.rollback();
        return e;
    };
    for (const AppendRequest &r : batch) {
        ins.bindValue(0, r.roomId);
        ins.bindValue(1, r.memberId);
        ins.bindValue(2, r.message.id);
        ins.bindValue(3, r.message.from);
        ins.bindValue(4, r.message.text);
        ins.bindValue(5, r.message.ts.toMSecsSinceEpoch());
        ins.bindValue(6, r.message.kind);
        ins.bindValue(7, r.message.event.isEmpty() ? QStringLiteral("") : r.message.event);
        if (!ins.exec())
            return rollback(ins);
        if (ins.numRowsAffected() == 1) {
            AppendResult res { r.message, false };
            res.message.seq = ins.lastInsertId().toLongLong();
            out.append(res);
            continue;
        }
        dup.bindValue(0, r.roomId);
        dup.bindValue(1, r.memberId);
        dup.bindValue(2, r.message.id);
        if (!dup.exec() || !dup.next())
            return rollback(dup);
        out.append(AppendResult { readMessage(dup), true });
        dup.finish();
    }
    if (!db.commit()) {
        Error e = makeError(Error::Code::WriteFailed, db.lastError().text());
        db.rollback();
        return e;
    }
    return out;
}

const QString kInsertSql = QStringLiteral(
    "INSERT INTO messages (room_id, member_id, client_id, sender, text, ts, kind, event) "
    "VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING");
const QString kFindDupSql = QStringLiteral(
    "SELECT seq, client_id, sender, text, ts, kind, event FROM messages WHERE room_id=? AND "
    "member_id=? AND client_id=?");

} // namespace

Expected<void> SqliteRoomStore::setInvite(qint64 roomId, const QString &invite)
{
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("UPDATE rooms SET invite=? WHERE id=?"));
    q.addBindValue(invite);
    q.addBindValue(roomId);
    if (!q.exec())
        return sqlErr(q);
    return {};
}

Expected<void> SqliteRoomStore::removeMember(qint64 roomId, qint64 memberId)
{
    if (!d->db.transaction())
        return makeError(Error::Code::StorageUnavailable, d->db.lastError().text());
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("DELETE FROM freebusy WHERE room_id=? AND member_id=?"));
    q.addBindValue(roomId);
    q.addBindValue(memberId);
    if (!q.exec()) {
        d->db.rollback();
        return sqlErr(q);
    }
    q.prepare(QStringLiteral("DELETE FROM members WHERE room_id=? AND id=?"));
    q.addBindValue(roomId);
    q.addBindValue(memberId);
    if (!q.exec()) {
        d->db.rollback();
        return sqlErr(q);
    }
    if (!d->db.commit())
        return makeError(Error::Code::StorageUnavailable, d->db.lastError().text());
    return {};
}

Expected<void> SqliteRoomStore::setMemberSecret(
    qint64 memberId, const QByteArray &salt, const QByteArray &secretHash)
{
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("UPDATE members SET salt=?, secret_hash=? WHERE id=?"));
    q.addBindValue(salt);
    q.addBindValue(secretHash);
    q.addBindValue(memberId);
    if (!q.exec())
        return sqlErr(q);
    return {};
}

Expected<std::optional<qint64>> SqliteRoomStore::proposalOwner(qint64 roomId, const QString &uid)
{
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("SELECT member_id FROM messages WHERE room_id=? AND kind='proposal' "
                             "AND CASE WHEN json_valid(text) THEN json_extract(text, '$.uid') "
                             "END = ? ORDER BY seq LIMIT 1"));
    q.addBindValue(roomId);
    q.addBindValue(uid);
    if (!q.exec())
        return sqlErr(q);
    if (!q.next())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

Expected<QList<AppendResult>> SqliteRoomStore::appendBatch(const QList<AppendRequest> &batch)
{
    return appendOn(d->db, *d->insertMsg, *d->findDup, batch);
}

void SqliteRoomStore::Private::startWriter()
{
    thread = std::make_unique<QThread>();
    thread->setObjectName(QStringLiteral("room-writer"));
    worker = std::make_unique<QObject>();
    worker->moveToThread(thread.get());
    thread->start();
    // Open the writer's connection on its thread (a QSqlDatabase belongs to one thread).
    QMetaObject::invokeMethod(
        worker.get(),
        [this]() {
            auto w = std::make_unique<WriterConnection>();
            auto db = openSqlite(path, SqliteRoomStore::migrations(), fullSync, &w->connection);
            if (!db) {
                writerError = db.error();
                return;
            }
            w->db = *db;
            w->insertMsg.emplace(w->db);
            w->findDup.emplace(w->db);
            if (!w->insertMsg->prepare(kInsertSql) || !w->findDup->prepare(kFindDupSql)) {
                writerError = makeError(Error::Code::StorageCorrupt, w->db.lastError().text());
                w->insertMsg.reset();
                w->findDup.reset();
                closeSqlite(w->db, w->connection);
                return;
            }
            writer = std::move(w);
        },
        Qt::BlockingQueuedConnection);
}

void SqliteRoomStore::Private::stopWriter()
{
    if (!thread)
        return;
    QMetaObject::invokeMethod(
        worker.get(),
        [this]() {
            if (writer) {
                writer->insertMsg.reset();
                writer->findDup.reset();
                closeSqlite(writer->db, writer->connection);
                writer.reset();
            }
        },
        Qt::BlockingQueuedConnection);
    thread->quit();
    thread->wait();
    worker.reset();
    thread.reset();
}

void SqliteRoomStore::appendBatchAsync(QList<AppendRequest> batch, AppendDone done)
{
    if (!d->thread)
        d->startWriter();
    QMetaObject::invokeMethod(
        d->worker.get(),
        [this, batch = std::move(batch), done = std::move(done)]() mutable {
            auto result = d->writer
                ? appendOn(d->writer->db, *d->writer->insertMsg, *d->writer->findDup, batch)
                : Expected<QList<AppendResult>>(d->writerError);
            QMetaObject::invokeMethod(
                &d->context,
                [done = std::move(done), result = std::move(result)]() mutable {
                    done(std::move(result));
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void SqliteRoomStore::waitForWrites()
{
    if (!d->thread)
        return;
    // Everything queued before this no-op has been written once it returns; then run the
    // completions that were posted back to this thread.
    QMetaObject::invokeMethod(
        d->worker.get(), []() {}, Qt::BlockingQueuedConnection);
    QCoreApplication::sendPostedEvents(&d->context, QEvent::MetaCall);
}

Expected<QList<RoomMessage>> SqliteRoomStore::tail(qint64 roomId, int limit)
{
    QSqlQuery &q = *d->selTail;
    q.bindValue(0, roomId);
    q.bindValue(1, limit);
    return runList(q, true);
}

Expected<QList<RoomMessage>> SqliteRoomStore::before(qint64 roomId, qint64 seq, int limit)
{
    QSqlQuery &q = *d->selBefore;
    q.bindValue(0, roomId);
    q.bindValue(1, seq);
    q.bindValue(2, limit);
    return runList(q, true);
}

Expected<QList<RoomMessage>> SqliteRoomStore::after(qint64 roomId, qint64 seq, int limit)
{
    QSqlQuery &q = *d->selAfter;
    q.bindValue(0, roomId);
    q.bindValue(1, seq);
    q.bindValue(2, limit);
    return runList(q, false);
}

Expected<qint64> SqliteRoomStore::lastSeq(qint64 roomId)
{
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("SELECT COALESCE(MAX(seq), 0) FROM messages WHERE room_id=?"));
    q.addBindValue(roomId);
    if (!q.exec() || !q.next())
        return sqlErr(q);
    return q.value(0).toLongLong();
}

Expected<void> SqliteRoomStore::setFreeBusy(qint64 roomId, qint64 memberId, const QByteArray &json)
{
    QSqlQuery q(d->db);
    if (json.isEmpty()) {
        q.prepare(QStringLiteral("DELETE FROM freebusy WHERE room_id=? AND member_id=?"));
        q.addBindValue(roomId);
        q.addBindValue(memberId);
    } else {
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO freebusy (room_id, member_id, snapshot, "
                                 "updated) VALUES (?,?,?,?)"));
        q.addBindValue(roomId);
        q.addBindValue(memberId);
        q.addBindValue(QString::fromUtf8(json));
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
    }
    if (!q.exec())
        return sqlErr(q);
    return {};
}

Expected<QHash<qint64, QByteArray>> SqliteRoomStore::freeBusy(qint64 roomId)
{
    QSqlQuery q(d->db);
    q.prepare(QStringLiteral("SELECT member_id, snapshot FROM freebusy WHERE room_id=?"));
    q.addBindValue(roomId);
    if (!q.exec())
        return sqlErr(q);
    QHash<qint64, QByteArray> out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), q.value(1).toString().toUtf8());
    return out;
}

} // namespace kairos::room
