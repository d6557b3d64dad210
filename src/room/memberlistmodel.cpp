#include "room/memberlistmodel.h"

#include <algorithm>

namespace kairos::room {

namespace {
bool lessByName(const MemberInfo &a, const MemberInfo &b)
{
    return a.name.localeAwareCompare(b.name) < 0;
}
} // namespace

MemberListModel::MemberListModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

int MemberListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant MemberListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MemberInfo &m = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return m.name;
    case StatusRole:
        return m.status;
    case DevicesRole:
        return m.devices;
    case CalendarRole:
        return m.calendar;
    case SelfRole:
        return !m_selfKey.isEmpty() && nameKey(m.name) == m_selfKey;
    default:
        return {};
    }
}

QHash<int, QByteArray> MemberListModel::roleNames() const
{
    return { { NameRole, "name" }, { StatusRole, "status" }, { DevicesRole, "devices" },
        { CalendarRole, "calendar" }, { SelfRole, "self" }, { Qt::DisplayRole, "display" } };
}

void MemberListModel::setSelfKey(const QString &key)
{
    m_selfKey = key;
}

int MemberListModel::find(const QString &key) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (nameKey(m_rows.at(i).name) == key)
            return i;
    return -1;
}

void MemberListModel::setMembers(const QList<MemberInfo> &members)
{
    beginResetModel();
    m_rows = members.mid(0, kMaxMembers);
    std::sort(m_rows.begin(), m_rows.end(), lessByName);
    endResetModel();
}

void MemberListModel::update(const MemberInfo &member)
{
    const int at = find(nameKey(member.name));
    if (at >= 0) {
        m_rows[at] = member;
        Q_EMIT dataChanged(index(at), index(at));
        return;
    }
    if (m_rows.size() >= kMaxMembers)
        return; // a room has at most 5,000 members: more is a server gone wrong
    const auto it = std::upper_bound(m_rows.cbegin(), m_rows.cend(), member, lessByName);
    const int pos = int(it - m_rows.cbegin());
    beginInsertRows({}, pos, pos);
    m_rows.insert(pos, member);
    endInsertRows();
}

void MemberListModel::markAllOffline()
{
    if (m_rows.isEmpty())
        return;
    for (MemberInfo &m : m_rows) {
        m.status = QStringLiteral("offline");
        m.devices = 0;
    }
    Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
}

int MemberListModel::onlineCount() const
{
    return int(std::count_if(m_rows.cbegin(), m_rows.cend(),
        [](const MemberInfo &m) { return m.status != QLatin1String("offline"); }));
}

} // namespace kairos::room
