#pragma once

#include "room/roomclient.h"
#include "scheduling/participant.h"
#include "team/snapshot.h"
#include "team/snapshotcache.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <optional>

namespace kairos::team {

//! \brief One room member's availability as this client knows it.
struct MemberAvailability {
    QString name; //!< room display name
    bool shared = false; //!< false: "has not shared availability"
    QDateTime madeAt; //!< snapshot time (UTC)
    QString email; //!< calendar e-mail if the member shared one
    //! Zone, working hours, busy list (availabilityKnown = shared).
    scheduling::Participant participant;
    bool self = false; //!< this client's own member (its snapshot is built locally)
    Interval horizon; //!< the span the busy list covers (empty when not shared)
    QString status; //!< presence: online / away / offline ("" when not in the member list)
};

//! \brief The room's availability: every member, their latest snapshot. One per joined room,
//! fed by the RoomClient's `freebusy` frames (the server sends the stored ones right after
//! `welcome`, then relays updates) and by this member's own, locally built snapshot.
class TeamAvailability final : public QObject {
    Q_OBJECT
public:
    explicit TeamAvailability(QObject *parent = nullptr);

    //! Listens to \a client's freebusy frames and member list (not owned; may be null).
    void attach(room::RoomClient *client);
    room::RoomClient *client() const { return m_client; }

    //! Keeps the room's snapshots in \a cache under \a roomKey (not owned; may be null): loads
    //! the stored ones now (call after attach()) and writes every snapshot the room sends.
    void setCache(SnapshotCache *cache, const QString &roomKey);

    //! This member's own snapshot, built locally (always known to this client, shared or not).
    void setOwnSnapshot(const AvailabilitySnapshot &snapshot);
    std::optional<AvailabilitySnapshot> ownSnapshot() const { return m_own; }
    //! The own member's name (default: the client's name).
    void setSelfName(const QString &name);
    QString selfName() const;

    //! Takes a `freebusy` frame from the server ({"from", "snapshot"}); an empty snapshot
    //! removes the member's. Other frames are ignored. Returns false for a frame it could not
    //! read (the member then counts as not shared).
    bool applyFrame(const QJsonObject &frame);

    //! Every room member, self first, then the member list's order; members the list does not
    //! know yet but who have a snapshot are appended.
    QList<MemberAvailability> members() const;
    std::optional<MemberAvailability> member(const QString &name) const;
    //! Slot-finder participants: `names` required, `optional` not. A name without a snapshot
    //! gives a participant with availabilityKnown = false.
    QList<scheduling::Participant> participants(
        const QStringList &names, const QStringList &optional = {}) const;
    //! The stored snapshot of a member (self: the own one).
    std::optional<AvailabilitySnapshot> snapshot(const QString &name) const;

Q_SIGNALS:
    void changed();

private:
    MemberAvailability make(const QString &name, const QString &status) const;

    QPointer<room::RoomClient> m_client;
    SnapshotCache *m_cache = nullptr;
    QString m_roomKey;
    QString m_selfName;
    std::optional<AvailabilitySnapshot> m_own;
    QHash<QString, AvailabilitySnapshot> m_snapshots; //!< by nameKey
    QHash<QString, QString> m_displayNames; //!< nameKey → name as sent
};

} // namespace kairos::team
