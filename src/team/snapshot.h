#pragma once

#include "core/expected.h"
#include "model/interval.h"
#include "scheduling/participant.h"
#include "scheduling/workinghours.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

//! \file A member's availability snapshot: what travels in a room's `freebusy` frame
//! (docs/protocol.md). Busy intervals only — never a title, location, description, attendee or
//! id: the type has no field that could hold one.
namespace kairos::team {

//! The snapshot format this client writes. A snapshot with a higher `version` is still read
//! (unknown members are ignored); the number changes only when a member changes meaning.
inline constexpr int kSnapshotVersion = 1;
//! Default horizon: the coming 8 weeks.
inline constexpr int kDefaultHorizonWeeks = 8;
//! Snapshots are kept well under the room's 64 KiB frame limit; a longer busy list is cut and
//! `until` says up to where it is complete.
inline constexpr qsizetype kMaxSnapshotBytes = 56 * 1024;

struct AvailabilitySnapshot {
    int version = kSnapshotVersion;
    QDateTime madeAt; //!< UTC
    QTimeZone zone = QTimeZone::utc(); //!< the member's IANA zone
    //! The span the busy list covers completely: [from, until). Outside it nothing is known.
    Interval horizon;
    scheduling::WorkingHours workingHours; //!< default-constructed = not shared (unrestricted)
    //! Sorted, disjoint, in UTC; touching intervals of the same status are merged.
    QList<scheduling::BusyInterval> busy;
    QString email; //!< optional: the calendar e-mail the member chose to share

    bool isValid() const { return madeAt.isValid() && horizon.end > horizon.start; }
    friend bool operator==(const AvailabilitySnapshot &, const AvailabilitySnapshot &) = default;
};

//! The `snapshot` object of a `freebusy` frame (compact: times as ISO-8601 UTC with "Z").
QJsonObject toJson(const AvailabilitySnapshot &snapshot);
//! Reads a snapshot; errors name the offending member ("busy[3].start"). An empty object is
//! a withdrawn snapshot and gives an error with code NotFound.
Expected<AvailabilitySnapshot> snapshotFromJson(const QJsonObject &object);

//! The slot finder's view of a member: zone, working hours, busy list.
scheduling::Participant toParticipant(const QString &name, const AvailabilitySnapshot &snapshot);

QString busyStatusKey(scheduling::BusyStatus status);

} // namespace kairos::team
