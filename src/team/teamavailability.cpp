#include "team/teamavailability.h"

#include "core/clock.h"
#include "core/logging.h"
#include "room/protocol.h"
#include "room/roomclient.h"

namespace kairos::team {

TeamAvailability::TeamAvailability(QObject *parent)
    : QObject(parent)
{ }

void TeamAvailability::attach(room::RoomClient *client)
{
    if (m_client)
        disconnect(m_client, nullptr, this, nullptr);
    m_client = client;
    m_snapshots.clear();
    m_displayNames.clear();
    if (client) {
        connect(client, &room::RoomClient::extensionFrame, this,
            [this](const QJsonObject &frame) { applyFrame(frame); });
        auto *model = client->members();
        connect(model, &QAbstractItemModel::modelReset, this, &TeamAvailability::changed);
        connect(model, &QAbstractItemModel::rowsInserted, this, &TeamAvailability::changed);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &TeamAvailability::changed);
        connect(model, &QAbstractItemModel::dataChanged, this, &TeamAvailability::changed);
        connect(client, &room::RoomClient::joined, this, &TeamAvailability::changed);
    }
    Q_EMIT changed();
}

void TeamAvailability::setCache(SnapshotCache *cache, const QString &roomKey)
{
    m_cache = cache;
    m_roomKey = roomKey;
    if (!m_cache)
        return;
    auto stored = m_cache->load(roomKey);
    if (!stored) {
        qCWarning(lcScheduling) << "cannot read the stored availability of the room:"
                                << stored.error().message;
        return;
    }
    bool any = false;
    for (const SnapshotCache::Entry &e : std::as_const(*stored)) {
        const QString key = room::nameKey(e.member);
        if (m_snapshots.contains(key)) // the room's own copy is newer
            continue;
        m_snapshots.insert(key, e.snapshot);
        m_displayNames.insert(key, e.member);
        any = true;
    }
    if (any)
        Q_EMIT changed();
}

void TeamAvailability::setOwnSnapshot(const AvailabilitySnapshot &snapshot)
{
    m_own = snapshot;
    Q_EMIT changed();
}

void TeamAvailability::setSelfName(const QString &name)
{
    m_selfName = name;
    Q_EMIT changed();
}

QString TeamAvailability::selfName() const
{
    if (!m_selfName.isEmpty())
        return m_selfName;
    if (m_client)
        return m_client->selfName().isEmpty() ? m_client->config().name : m_client->selfName();
    return {};
}

bool TeamAvailability::applyFrame(const QJsonObject &frame)
{
    if (frame.value(QLatin1String("type")).toString() != QLatin1String("freebusy"))
        return true;
    const QString from = frame.value(QLatin1String("from")).toString();
    if (from.isEmpty())
        return false;
    const QString key = room::nameKey(from);
    const QJsonObject snap = frame.value(QLatin1String("snapshot")).toObject();
    auto parsed = snapshotFromJson(snap);
    const bool hadOne = m_snapshots.remove(key) > 0;
    if (m_cache) {
        const auto stored = parsed
            ? m_cache->save(m_roomKey, from, *parsed, Clock::nowUtc())
            : (snap.isEmpty() ? m_cache->remove(m_roomKey, from) : Expected<void>());
        if (!stored)
            qCWarning(lcScheduling)
                << "cannot store the availability of" << from << ":" << stored.error().message;
    }
    if (!parsed) {
        if (!snap.isEmpty())
            qCWarning(lcScheduling) << "ignoring an unreadable availability snapshot from" << from
                                    << ":" << parsed.error().message;
        if (hadOne)
            Q_EMIT changed();
        return snap.isEmpty();
    }
    m_snapshots.insert(key, *parsed);
    m_displayNames.insert(key, from);
    Q_EMIT changed();
    return true;
}

MemberAvailability TeamAvailability::make(const QString &name, const QString &status) const
{
    MemberAvailability m;
    m.name = name;
    m.status = status;
    m.self = !selfName().isEmpty() && room::nameKey(name) == room::nameKey(selfName());
    const std::optional<AvailabilitySnapshot> s = snapshot(name);
    m.participant.name = name;
    if (s) {
        m.shared = true;
        m.madeAt = s->madeAt;
        m.email = s->email;
        m.horizon = s->horizon;
        m.participant = toParticipant(name, *s);
    } else {
        m.participant.availabilityKnown = false;
    }
    return m;
}

QList<MemberAvailability> TeamAvailability::members() const
{
    QList<MemberAvailability> out;
    QSet<QString> seen;
    const QString self = selfName();
    if (!self.isEmpty()) {
        QString status;
        if (m_client) {
            const auto *model = m_client->members();
            for (int row = 0; row < model->rowCount(); ++row) {
                if (room::nameKey(model->member(row).name) == room::nameKey(self))
                    status = model->member(row).status;
            }
        }
        out.append(make(self, status));
        seen.insert(room::nameKey(self));
    }
    if (m_client) {
        const auto *model = m_client->members();
        for (int row = 0; row < model->rowCount(); ++row) {
            const room::MemberInfo &info = model->member(row);
            const QString key = room::nameKey(info.name);
            if (seen.contains(key))
                continue;
            seen.insert(key);
            out.append(make(info.name, info.status));
        }
    }
    for (auto it = m_displayNames.cbegin(); it != m_displayNames.cend(); ++it) {
        if (!seen.contains(it.key()) && m_snapshots.contains(it.key())) {
            seen.insert(it.key());
            out.append(make(it.value(), QString()));
        }
    }
    return out;
}

std::optional<MemberAvailability> TeamAvailability::member(const QString &name) const
{
    const QString key = room::nameKey(name);
    const QList<MemberAvailability> all = members();
    for (const MemberAvailability &m : all) {
        if (room::nameKey(m.name) == key)
            return m;
    }
    return std::nullopt;
}

QList<scheduling::Participant> TeamAvailability::participants(
    const QStringList &names, const QStringList &optional) const
{
    QList<scheduling::Participant> out;
    auto add = [&](const QString &name, bool required) {
        scheduling::Participant p;
        if (const std::optional<AvailabilitySnapshot> s = snapshot(name)) {
            p = toParticipant(name, *s);
        } else {
            p.name = name;
            p.availabilityKnown = false;
        }
        p.required = required;
        out.append(p);
    };
    for (const QString &n : names)
        add(n, true);
    for (const QString &n : optional)
        add(n, false);
    return out;
}

std::optional<AvailabilitySnapshot> TeamAvailability::snapshot(const QString &name) const
{
    const QString key = room::nameKey(name);
    if (!selfName().isEmpty() && key == room::nameKey(selfName()) && m_own)
        return m_own;
    auto it = m_snapshots.constFind(key);
    if (it == m_snapshots.cend())
        return std::nullopt;
    return *it;
}

} // namespace kairos::team
