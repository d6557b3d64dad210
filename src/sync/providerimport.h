#pragma once

#include "ics/icsimport.h"

namespace kairos {
class EventStore;
class EventWriter;
} // namespace kairos

namespace kairos::ics {

//! \brief Imports parsed events into a provider's calendar through `writer` (the SyncEngine),
//! so that its outbox sends them to the provider: each event is handed to
//! EventWriter::createEvent or updateEvent, as if entered in the event dialog (stored at once, sent
//! in the background). Series come before their changed occurrences whatever the file's order; an
//! occurrence becomes "this event only" of its stored series. An event whose UID (+ RECURRENCE-ID)
//! is already in the calendar is updated if it changed, not duplicated; an older SEQUENCE is
//! skipped. What the engine refuses is listed as NotSent (detail: why), e.g. on Outlook a
//! changed occurrence of a series that has not reached Outlook yet. Not all or nothing: each
//! event is queued as it is handed over. The calendar's account must be in the engine.
//! (In src/sync, not src/ics: the libical wrapper does not link the sync / auth layers.)
//!
//! The file's ORGANIZER and ATTENDEE lines are not sent unless `keepAttendees`: Outlook would
//! mail an invitation to every attendee from the user's mailbox, and Google puts the event in
//! every guest's calendar — a crafted file could make the user spam or phish in their name.
//! They are kept, readable, at the end of the description instead.
ImportSummary importThroughSync(EventWriter &writer, EventStore &store, const QString &calendarId,
    const ParsedCalendar &parsed, bool keepAttendees = false);

//! How many attendees (organizer included, each address once) the file's events list.
int attendeeCount(const ParsedCalendar &parsed);

//! `e` without organizer and attendees, which are listed at the end of its description.
Event withoutAttendees(Event e);

} // namespace kairos::ics
