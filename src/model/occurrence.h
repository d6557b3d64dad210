#pragma once

#include "model/event.h"

namespace kairos {

//! \brief One appearance of an event on the calendar (a single event, or one instance of a
//! series), resolved to absolute times. What the views paint.
struct Occurrence {
    QString eventId; //!< the stored event (the master for a generated instance)
    QString calendarId;
    QString title;
    QString location;
    bool allDay = false;
    QDateTime start; //!< in the viewer's zone (all-day: midnight of the first day)
    QDateTime end;
    QDate startDate; //!< all-day only
    QDate endDate; //!< all-day only, exclusive
    QString color; //!< the calendar's colour "#rrggbb"
    EventStatus status = EventStatus::Confirmed;
    Transparency transparency = Transparency::Opaque;
    bool readOnly = false;
    bool recurring = false;
    //! Minutes before `start` of the reminders that ring (the calendar's defaults resolved).
    QList<int> reminders;

    Interval interval() const { return Interval::fromDateTimes(start, end); }
};

} // namespace kairos
