#pragma once

#include "core/expected.h"
#include "model/event.h"
#include "team/snapshot.h"

#include <optional>

namespace kairos {
class CalendarService;
}

namespace kairos::team {

//! \brief What goes into this member's snapshot besides the calendar.
struct SnapshotOptions {
    int horizonWeeks = kDefaultHorizonWeeks;
    QTimeZone zone = QTimeZone::utc(); //!< the profile's zone; the horizon starts at its midnight
    scheduling::WorkingHours workingHours;
    QString email; //!< empty: not shared
    QDateTime now; //!< invalid: Clock::nowUtc()
};

//! How an event counts for availability, or nullopt when it does not count at all:
//! free/transparent events, cancelled events and invitations this user declined. Tentative
//! events and invitations answered "maybe" are Tentative; out-of-office events OutOfOffice.
std::optional<scheduling::BusyStatus> busyStatusOf(const Event &event);

//! Merges busy intervals into a sorted, disjoint list. Where statuses overlap the stronger one
//! wins: out of office > busy > tentative.
QList<scheduling::BusyInterval> mergeBusy(const QList<scheduling::BusyInterval> &busy);

//! The member's snapshot now: occurrences (series expanded) of every calendar that counts for
//! availability (Calendar::countsForAvailability, visible or not) from the start of today in
//! the member's zone for `horizonWeeks` weeks, as merged UTC busy intervals. Only times and
//! statuses are read into it. A busy list too long for one frame is cut and `until` shortened.
Expected<AvailabilitySnapshot> buildSnapshot(
    const CalendarService &calendar, const SnapshotOptions &options);

//! Cuts `snapshot.busy` (and `horizon.end`) so that the encoded snapshot fits in `maxBytes`.
void fitSnapshot(AvailabilitySnapshot &snapshot, qsizetype maxBytes = kMaxSnapshotBytes);

} // namespace kairos::team
