#pragma once

#include "core/expected.h"
#include "model/event.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>

#include <functional>

class QIODevice;

namespace kairos {
class EventStore;
}

namespace kairos::ics {

//! \brief How a VCALENDAR is written.
struct ExportOptions {
    //! iTIP method: empty (a plain file), "PUBLISH", "REQUEST" or "CANCEL".
    QByteArray method;
    //! DTSTAMP of every component (default: now). Tests pin it.
    QDateTime stamp;
    QByteArray prodId = QByteArrayLiteral("-//Kairos//Kairos Calendar 0.1//EN");
    //! Calendar name (X-WR-CALNAME), optional.
    QString calendarName;
};

//! \brief Writes events as an RFC 5545 VCALENDAR with libical (CRLF, folding at 75 octets
//! without splitting UTF-8, escaping, PRODID, VERSION, DTSTAMP, UID on every component).
//!
//! Timed events keep their zone: `DTSTART;TZID=Europe/Madrid:…` plus one VTIMEZONE per zone
//! used (TZID = the plain IANA name). Zones libical cannot describe are written in UTC.
//! All-day events use VALUE=DATE. Recurring masters carry their RRULE / RDATE / EXDATE lines;
//! overridden instances (recurringEventId set) are written as VEVENTs with the master's UID and
//! a RECURRENCE-ID. The event model has no alarms, so no VALARM is written.
//! Streams: memory stays flat whatever the number of events.
Expected<void> writeCalendar(
    QIODevice &out, const QList<Event> &events, const ExportOptions &options = {});
QByteArray exportCalendar(const QList<Event> &events, const ExportOptions &options = {});

//! Events of the given calendars (all when empty) with an occurrence in [fromMs, toMs):
//! recurring masters whole, plus the overridden instances of those series.
Expected<QList<Event>> eventsForExport(
    EventStore &store, qint64 fromMs, qint64 toMs, const QStringList &calendarIds = {});

//! \brief iTIP (RFC 5546) invitation for one meeting: the master (and its overridden
//! instances). METHOD:REQUEST, the event's stable UID and its SEQUENCE (which the calendar
//! service raises on every update), so a newer file updates the invitee's copy.
QByteArray itipRequest(const QList<Event> &series, const QDateTime &stamp = {});
//! METHOD:CANCEL for a meeting: STATUS:CANCELLED and SEQUENCE raised by one.
QByteArray itipCancel(const QList<Event> &series, const QDateTime &stamp = {});

//! Expands a recurring master into instance starts in [from, to) (see recurrence.h).
using Expander = std::function<QList<QDateTime>(const Event &, qint64, qint64)>;

//! \brief Free/busy for [fromMs, toMs): a VCALENDAR (METHOD:PUBLISH) with one VFREEBUSY whose
//! FREEBUSY periods are UTC, merged, FBTYPE=BUSY or BUSY-TENTATIVE, without titles.
//! Transparent and cancelled events are left out; all-day events span their days in
//! `viewerZone`. Overridden instances in `events` replace the generated ones.
QByteArray exportFreeBusy(const QList<Event> &events, qint64 fromMs, qint64 toMs,
    const QTimeZone &viewerZone, const QString &organizer = {}, const QDateTime &stamp = {},
    Expander expander = {});

} // namespace kairos::ics
