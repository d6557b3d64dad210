#pragma once

#include "core/expected.h"
#include "team/snapshot.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace kairos {
class Database;
}

namespace kairos::team {

//! \brief The room members' latest availability snapshots, kept in the profile's database.
//!
//! The desktop app writes every snapshot a room sends it, so the team's availability is there
//! at the next start before the room connects, and `kairos-cli mcp` (find_meeting_times with
//! room members) can use it without joining the room. Only what the room already shared is
//! stored: busy intervals, working hours, zone, the e-mail a member chose to share.
class SnapshotCache {
public:
    struct Entry {
        QString roomKey;
        QString member; //!< display name as the room sent it
        AvailabilitySnapshot snapshot;
        QDateTime receivedAt; //!< UTC
    };

    explicit SnapshotCache(Database &db);

    Expected<void> save(const QString &roomKey, const QString &member,
        const AvailabilitySnapshot &snapshot, const QDateTime &receivedAt);
    //! The member withdrew their snapshot (or left).
    Expected<void> remove(const QString &roomKey, const QString &member);
    //! One room's snapshots, or every room's with an empty key (unreadable rows are skipped).
    Expected<QList<Entry>> load(const QString &roomKey = {}) const;

private:
    Database &m_db;
};

} // namespace kairos::team
