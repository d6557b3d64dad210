#include "room/messagelistmodel.h"

#include <algorithm>

namespace kairos::room {

MessageListModel::MessageListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int MessageListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TextRole:
        return r.message.text;
    case SeqRole:
        return r.message.seq;
    case IdRole:
        return r.message.id;
    case SenderRole:
        return r.message.from;
    case TimestampRole:
        return r.message.ts;
    case KindRole:
        return r.message.kind;
    case EventRole:
        return r.message.event;
    case OwnRole:
        return r.own;
    case PendingRole:
        return r.pending;
    case DayRole:
        return r.message.ts.toLocalTime().date();
    default:
        return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const
{
    return { { SeqRole, "seq" }, { IdRole, "clientId" }, { SenderRole, "sender" },
        { TextRole, "text" }, { TimestampRole, "ts" }, { KindRole, "kind" }, { EventRole, "event" },
        { OwnRole, "own" }, { PendingRole, "pending" }, { DayRole, "day" },
        { Qt::DisplayRole, "display" } };
}

void MessageListModel::setSelfKey(const QString &key)
{
    m_selfKey = key;
}

int MessageListModel::pendingRow(const QString &id) const
{
    for (int i = m_delivered; i < m_rows.size(); ++i)
        if (m_rows.at(i).message.id == id)
            return i;
    return -1;
}

int MessageListModel::insertPosition(qint64 seq) const
{
    const auto end = m_rows.cbegin() + m_delivered;
    const auto it = std::upper_bound(
        m_rows.cbegin(), end, seq, [](qint64 s, const Row &r) { return s < r.message.seq; });
    return int(it - m_rows.cbegin());
}

void MessageListModel::addPending(const RoomMessage &message)
{
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_rows.append(Row { message, true, true });
    endInsertRows();
}

void MessageListModel::acknowledge(const QString &id, qint64 seq, const QDateTime &ts)
{
    const int from = pendingRow(id);
    if (from < 0)
        return;
    if (m_seqs.contains(seq)) { // already delivered through another path
        beginRemoveRows({}, from, from);
        m_rows.removeAt(from);
        endRemoveRows();
        return;
    }
    Row row = m_rows.at(from);
    row.pending = false;
    row.message.seq = seq;
    row.message.ts = ts;
    const int to = insertPosition(seq);
    if (to != from) {
        beginMoveRows({}, from, from, {}, to);
        m_rows.move(from, to);
        endMoveRows();
    }
    m_rows[to] = row;
    ++m_delivered;
    m_seqs.insert(seq);
    const QModelIndex i = index(to);
    Q_EMIT dataChanged(i, i);
}

bool MessageListModel::insertMessage(const RoomMessage &message)
{
    if (m_seqs.contains(message.seq))
        return false;
    const bool own = !m_selfKey.isEmpty()
        && (message.kind == QLatin1String("user") || message.kind == QLatin1String("proposal"))
        && nameKey(message.from) == m_selfKey;
    if (own) {
        if (pendingRow(message.id) >= 0) {
            acknowledge(message.id, message.seq, message.ts);
            return true;
        }
    }
    const int at = insertPosition(message.seq);
    beginInsertRows({}, at, at);
    m_rows.insert(at, Row { message, own, false });
    ++m_delivered;
    m_seqs.insert(message.seq);
    endInsertRows();
    // A room (or a server) cannot grow the list without bound: past the cap the delivered
    // message farthest from this one goes (the oldest for live messages, the newest when
    // paging back through history).
    if (m_delivered > kMaxMessages) {
        const int drop = at < m_delivered / 2 ? m_delivered - 1 : 0;
        beginRemoveRows({}, drop, drop);
        m_seqs.remove(m_rows.at(drop).message.seq);
        m_rows.removeAt(drop);
        --m_delivered;
        endRemoveRows();
    }
    return true;
}

void MessageListModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_delivered = 0;
    m_seqs.clear();
    endResetModel();
}

qint64 MessageListModel::firstSeq() const
{
    return m_delivered > 0 ? m_rows.first().message.seq : 0;
}

qint64 MessageListModel::lastSeq() const
{
    return m_delivered > 0 ? m_rows.at(m_delivered - 1).message.seq : 0;
}

} // namespace kairos::room
