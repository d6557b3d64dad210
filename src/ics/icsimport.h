#pragma once

#include "core/expected.h"
#include "model/event.h"

#include <QFuture>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <functional>
#include <optional>

class QIODevice;

namespace kairos {
class EventStore;
}

namespace kairos::ics {

//! \brief Something the importer noticed: a component it skipped (with the reason), or a
//! note about how it read one. `ui/` and the CLI turn `kind` into text; `detail` is technical.
struct ImportIssue {
    enum class Kind {
        // skipped components
        ParseError, //!< libical could not read the component
        MissingStart, //!< no (valid) DTSTART
        EndBeforeStart,
        Unterminated, //!< BEGIN without a matching END
        NotAnEvent, //!< VTODO, VJOURNAL, … (not imported)
        OutdatedSequence, //!< the calendar already has a newer version (higher SEQUENCE)
        NotSent, //!< a provider calendar's sync engine did not take it (detail: why)
        // notes
        MissingUid, //!< a stable UID was derived from the component's text
        WindowsTimeZone, //!< a Windows zone name was mapped to IANA
        UnknownTimeZone, //!< unknown TZID without definition: the times were read as UTC
        CustomTimeZone, //!< TZID only defined by the file's VTIMEZONE: converted to UTC
        MissingVTimeZone, //!< TZID without VTIMEZONE, read as the IANA zone of that name
        FloatingTime, //!< no zone: read in the profile's zone
        BrokenFolding, //!< a continuation line without leading space was joined
        AllDayEndFixed, //!< an all-day event ending on or before its start got one day
        MalformedProperty, //!< a property that could not be read was left out (detail: which)
        //! Two components with one UID (+ RECURRENCE-ID): the highest SEQUENCE, then the latest
        //! DTSTAMP was kept (detail: which lines)
        DuplicateComponent,
    };
    Kind kind = Kind::ParseError;
    int line = 0; //!< 1-based physical line where the component (or problem) starts
    QString uid;
    QString detail;
};

QString toString(ImportIssue::Kind kind); //!< stable machine name, e.g. "missing_start"

//! \brief Where an event was in the file, for the import's choices and report.
struct EventOrigin {
    int line = 0; //!< first line of its VEVENT
    QDateTime stamp; //!< DTSTAMP (UTC), invalid when absent
    //! An instance made from an RDATE;VALUE=PERIOD (a changed occurrence of its own length);
    //! the file's own RECURRENCE-ID for that instant wins over it.
    bool generated = false;
};

//! \brief The events of a file, before they touch any calendar.
//!
//! Overridden instances have `originalStart` set (their RECURRENCE-ID) and `iCalUid` equal to
//! their master's; `recurringEventId` is filled in by applyImport(). All-day RECURRENCE-IDs
//! are midnight UTC of the day (the form the expander uses).
struct ParsedCalendar {
    QByteArray method; //!< iTIP METHOD (REQUEST, CANCEL, PUBLISH) or empty
    QString name; //!< X-WR-CALNAME
    QList<Event> events;
    QList<EventOrigin> origins; //!< one per event, same order
    QList<ImportIssue> skipped;
    QList<ImportIssue> notes;
    int components = 0; //!< VEVENTs seen (imported + skipped)
    //! Events read: `events.size()` after parseCalendar(); scanCalendar() counts them without
    //! keeping them (`events` is then empty).
    int eventCount = 0;
    //! ATTENDEE and ORGANIZER lines in the events read (scanCalendar() counts them too).
    int attendeeLines = 0;
};

struct ImportOptions {
    //! Floating times (no TZID, no Z) are read in this zone. Pass the target profile's zone:
    //! a floating time means "this wall time wherever you are", and the profile is where the
    //! person importing lives. Default: the system zone.
    QTimeZone floatingZone = QTimeZone::systemTimeZone();
    //! Called now and then with bytes read so far and the total (0 when unknown).
    std::function<void(qint64 done, qint64 total)> progress;
    //! Polled between components; returning true stops with Error::Code::Cancelled.
    std::function<bool()> cancelled;
};

//! Parses an iCalendar stream. A pure function of its input: no store, no GUI, thread-safe.
//! Fails only when the input holds no VCALENDAR at all, or on cancellation; damaged components
//! are listed in `skipped` with their line. Reads line by line (memory ~ the events, not the
//! file).
Expected<ParsedCalendar> parseCalendar(QIODevice &in, const ImportOptions &options = {});
Expected<ParsedCalendar> parseCalendar(const QByteArray &data, const ImportOptions &options = {});
Expected<ParsedCalendar> parseCalendarFile(const QString &path, const ImportOptions &options = {});

//! \brief What a file holds, quickly and without keeping anything: reads the file's structure
//! like parseCalendar() (name, METHOD, BEGIN/END, folding) but does not parse the events.
//! `eventCount` is the number of complete VEVENTs, `components` every VEVENT; `skipped` lists
//! what cannot be an event (unterminated components, to-dos, journal entries) with its line.
//! Problems inside an event (no start, an unreadable date) and the notes about zones only come
//! from parsing, so `eventCount` can be higher than what an import then stores; the import's
//! summary has them. `events` is empty. The desktop import shows this before the user picks a
//! calendar, then parses and stores with importCalendarFile(). About a tenth of a full parse.
Expected<ParsedCalendar> scanCalendar(QIODevice &in, const ImportOptions &options = {});
Expected<ParsedCalendar> scanCalendarFile(const QString &path, const ImportOptions &options = {});

//! Parses a file on the global thread pool. The future reports progress (0…1000, permille of
//! the file read) and honours QFuture::cancel() (the result is then Error::Code::Cancelled).
QFuture<Expected<ParsedCalendar>> parseCalendarFileAsync(
    const QString &path, const QTimeZone &floatingZone);

//! What imports match an event by inside a calendar: its UID, plus the RECURRENCE-ID (UTC ms)
//! for a changed occurrence of a series.
QString importKey(const QString &iCalUid, std::optional<qint64> originalStartMs);
QString importKey(const Event &e);

struct ImportSummary {
    int imported = 0; //!< new events
    int updated = 0; //!< events that existed (same UID + RECURRENCE-ID) and changed
    int unchanged = 0; //!< events that existed and were identical
    int removed = 0; //!< ApplyOptions::removeMissing only
    QList<ImportIssue> skipped; //!< parser skips + sequence conflicts
    QList<ImportIssue> notes;
};

struct ApplyOptions {
    //! Subscriptions refresh read-only calendars.
    bool allowReadOnly = false;
    //! Remove events of the calendar that the file no longer has (feed refresh).
    bool removeMissing = false;
};

//! \brief Writes parsed events into a calendar: all or nothing (staged, then one transaction).
//! Local and subscribed calendars only: a calendar of a Google or Microsoft account is refused
//! (ReadOnly), since the events would not reach the provider; the desktop import sends those
//! through the sync engine instead (IcsController).
//! Events are matched by UID (+ RECURRENCE-ID) inside the calendar: matches are updated (the
//! local id stays), others are added; an older SEQUENCE than the stored one is skipped.
Expected<ImportSummary> applyImport(EventStore &store, const QString &calendarId,
    const ParsedCalendar &parsed, const ApplyOptions &options = {});

//! \brief Parses and stores in one pass, for large files: every `batchSize` events go into a
//! staging table (one transaction per batch), so memory stays ~ one batch rather than the
//! whole file; at the end one transaction moves them into the calendar. Same matching rules
//! as applyImport(). Fails (parse error, cancellation, store error) → nothing in the calendar
//! changed.
Expected<ImportSummary> importCalendar(QIODevice &in, EventStore &store, const QString &calendarId,
    const ImportOptions &options = {}, const ApplyOptions &apply = {}, int batchSize = 2000);
Expected<ImportSummary> importCalendarFile(const QString &path, EventStore &store,
    const QString &calendarId, const ImportOptions &options = {}, const ApplyOptions &apply = {},
    int batchSize = 2000);

} // namespace kairos::ics
