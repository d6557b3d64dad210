#include "team/snapshotcache.h"

#include "core/logging.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace kairos::team {

namespace {

Error queryError(const QSqlQuery &q)
{
    return makeError(Error::Code::StorageUnavailable, q.lastError().text());
}

} // namespace

SnapshotCache::SnapshotCache(Database &db)
    : m_db(db)
{ }

Expected<void> SnapshotCache::save(const QString &roomKey, const QString &member,
    const AvailabilitySnapshot &snapshot, const QDateTime &receivedAt)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO team_snapshots (room_key, member, snapshot, "
                             "received_ms) VALUES (?, ?, ?, ?)"));
    q.addBindValue(roomKey);
    q.addBindValue(member);
    q.addBindValue(
        QString::fromUtf8(QJsonDocument(toJson(snapshot)).toJson(QJsonDocument::Compact)));
    q.addBindValue(receivedAt.toMSecsSinceEpoch());
    if (!q.exec())
        return queryError(q);
    return {};
}

Expected<void> SnapshotCache::remove(const QString &roomKey, const QString &member)
{
    QSqlQuery q(m_db.db());
    q.prepare(QStringLiteral("DELETE FROM team_snapshots WHERE room_key = ? AND member = ?"));
    q.addBindValue(roomKey);
    q.addBindValue(member);
    if (!q.exec())
        return queryError(q);
    return {};
}

Expected<QList<SnapshotCache::Entry>> SnapshotCache::load(const QString &roomKey) const
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (roomKey.isEmpty()) {
        q.prepare(QStringLiteral("SELECT room_key, member, snapshot, received_ms FROM "
                                 "team_snapshots ORDER BY room_key, member"));
    } else {
        q.prepare(QStringLiteral("SELECT room_key, member, snapshot, received_ms FROM "
                                 "team_snapshots WHERE room_key = ? ORDER BY member"));
        q.addBindValue(roomKey);
    }
    if (!q.exec())
        return queryError(q);
    QList<Entry> out;
    while (q.next()) {
        auto snapshot
            = snapshotFromJson(QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object());
        if (!snapshot) {
            qCWarning(lcScheduling) << "skipping an unreadable cached snapshot of"
                                    << q.value(1).toString() << ":" << snapshot.error().message;
            continue;
        }
        Entry e;
        e.roomKey = q.value(0).toString();
        e.member = q.value(1).toString();
        e.snapshot = std::move(*snapshot);
        e.receivedAt = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
        out.append(std::move(e));
    }
    return out;
}

} // namespace kairos::team
