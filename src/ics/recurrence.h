#pragma once

#include "calendar/calendarservice.h"
#include "model/event.h"

#include <QDateTime>
#include <QList>

#include <functional>

namespace kairos {
class EventStore;
}

namespace kairos::ics {

//! \brief Expands a recurring master (RRULE / RDATE / EXDATE in `master.recurrence`) into the
//! start instants of its occurrences that overlap [fromMs, toMs), with libical.
//!
//! Timed series repeat at the same wall time in the master's own zone, so a weekly 09:00 in
//! Europe/Madrid stays 09:00 across DST. All-day series return midnight UTC of each day (only
//! the date matters; the range is widened by a day on each side, callers clip in their zone).
//! Starts listed in `skipStarts` (original starts of overridden instances, which are stored as
//! their own events) are left out. Sorted, without duplicates. Thread-safe.
QList<QDateTime> expandRecurrence(
    const Event &master, qint64 fromMs, qint64 toMs, const QList<QDateTime> &skipStarts = {});

//! Why `lines` cannot be an event's recurrence, or an empty string when they can: every line is
//! an RRULE, RDATE or EXDATE that libical parses (FREQ=NEVER, INTERVAL=0, BYDAY=XX or
//! EXDATE:garbage are refused), at most one RRULE (RFC 5545 §3.8.5.3: SHOULD NOT occur more
//! than once), and no FREQ=SECONDLY / MINUTELY (a calendar series repeats hourly at most; the
//! providers refuse them too).
QString recurrenceError(const QStringList &lines);

//! Original starts of the overridden instances of a master (may be empty).
using OverrideLookup = std::function<QList<QDateTime>(const Event &master)>;

//! A CalendarService::RecurrenceExpander backed by expandRecurrence().
CalendarService::RecurrenceExpander makeRecurrenceExpander(OverrideLookup overrides = {});

//! Looks up overridden instances in `store` (same UID, recurringEventId = master id).
OverrideLookup storeOverrideLookup(EventStore &store);

//! Installs the libical expander on `service`, respecting overridden instances in its store.
void installRecurrenceExpander(CalendarService &service);

} // namespace kairos::ics
