#pragma once

#include "model/interval.h"
#include "scheduling/workinghours.h"

#include <QList>
#include <QString>
#include <QTimeZone>

namespace kairos::scheduling {

//! \brief How a busy interval counts. Free/transparent events and declined invitations are
//! never busy intervals in the first place (the sharing side drops them).
enum class BusyStatus {
    Busy, //!< blocks the slot
    Tentative, //!< a soft conflict: ranked lower, blocks only with SlotOptions::tentativeBlocks
    OutOfOffice, //!< blocks the slot, and is reported as "out of office"
};

struct BusyInterval {
    Interval interval;
    BusyStatus status = BusyStatus::Busy;
    friend bool operator==(const BusyInterval &, const BusyInterval &) = default;
};

//! \brief One person the meeting is for, as the slot finder sees them: only busy times, the
//! working hours and the zone — never titles.
struct Participant {
    QString name;
    QTimeZone zone = QTimeZone::utc();
    bool required = true;
    QString email; //!< optional; used to prefill the event's attendees
    //! Default: unrestricted (no working hours shared). WorkingHours::none() never works.
    WorkingHours workingHours;
    //! Any order; may overlap. Intervals outside the search window are ignored.
    QList<BusyInterval> busy;
    //! False when the person has shared no availability snapshot: they are not a constraint
    //! (the slot finder cannot know), and every result says their availability is unknown.
    bool availabilityKnown = true;
};

} // namespace kairos::scheduling
