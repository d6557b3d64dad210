#pragma once

#include "team/teamavailability.h"

#include <QDateTime>

namespace kairos::team {

//! A snapshot older than this is called out ("Bob's availability is from 3 days ago"). A running
//! client republishes every hour, so an older one means the member's app has not run since.
inline constexpr qint64 kStaleAfterSecs = 12 * 3600;

//! \brief How current a member's availability is — structured; the UI words it.
struct Staleness {
    enum class Kind {
        Fresh, //!< shared and recent
        Stale, //!< shared, older than the threshold: say its age
        Missing, //!< "has not shared availability"
    };
    Kind kind = Kind::Missing;
    qint64 ageSecs = 0; //!< now − made_at (0 when missing; never negative)
    int days = 0; //!< whole days of the age
    int hours = 0; //!< whole hours of the age (total, not the remainder after days)
    //! The snapshot ends before the asked-about window does: nothing is known after knownUntil.
    bool partial = false;
    QDateTime knownUntil; //!< the snapshot's `until` (UTC); invalid when missing

    bool isFresh() const { return kind == Kind::Fresh; }
    bool isStale() const { return kind == Kind::Stale; }
    bool isMissing() const { return kind == Kind::Missing; }
};

//! How current \a member's availability is at \a now. With a \a windowEnd, `partial` says whether
//! the snapshot stops short of it.
Staleness staleness(const MemberAvailability &member, const QDateTime &now,
    const QDateTime &windowEnd = {}, qint64 staleAfterSecs = kStaleAfterSecs);

} // namespace kairos::team
