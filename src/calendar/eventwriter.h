#pragma once

#include "core/expected.h"
#include "model/calendar.h"
#include "model/event.h"
#include "model/writeoptions.h"

#include <QString>

namespace kairos {

//! \brief Where writes to the calendars of connected accounts go (the sync engine's outbox).
//!
//! CalendarService is the one write path of the app: every create / update / delete from the
//! event dialog, chat, booking, proposals, MCP and imports goes through it, and it hands the
//! write to its EventWriter when `handles()` says so; everything else (the local calendar) it
//! stores itself. Callers never decide "local or provider?".
//!
//! A later "respond to an invitation" (RSVP) belongs here too, beside the three writes, so that
//! it reaches the provider the same way.
class EventWriter {
public:
    virtual ~EventWriter() = default;

    //! True when writes to `calendar` go through this writer.
    virtual bool handles(const Calendar &calendar) const = 0;
    //! Creates `event` in `event.calendarId`; returns the stored event (with its id).
    virtual Expected<Event> createEvent(Event event, const WriteOptions &options) = 0;
    //! Updates an event ("all events" when it is a series master). "This event only" of a
    //! series: recurringEventId = the master's local id and originalStart = the instance's
    //! original start (id may be empty).
    virtual Expected<Event> updateEvent(Event event, const WriteOptions &options) = 0;
    virtual Expected<void> deleteEvent(const QString &eventId, const WriteOptions &options) = 0;
};

} // namespace kairos
