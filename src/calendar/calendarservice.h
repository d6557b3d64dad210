#pragma once

#include "calendar/eventwriter.h"
#include "core/expected.h"
#include "model/calendar.h"
#include "model/occurrence.h"

#include <QObject>
#include <QTimeZone>

#include <functional>

namespace kairos {

class Database;
class EventStore;

//! \brief The calendar as the app sees it: calendars, occurrences in a date range in the
//! viewer's zone, and create / update / delete. Views talk to this, never to SQL.
//!
//! Lives on the GUI thread; store access is quick (indexed range queries), heavy work (sync,
//! import) runs elsewhere and calls notifyChanged().
class CalendarService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CalendarService)
public:
    //! Expands a recurring master into the start instants of its occurrences that overlap
    //! [from, to). Installed by the recurrence engine (libical); without one, a series shows
    //! its first occurrence only.
    using RecurrenceExpander
        = std::function<QList<QDateTime>(const Event &master, qint64 fromMs, qint64 toMs)>;

    CalendarService(Database &db, QTimeZone zone, QObject *parent = nullptr);
    ~CalendarService() override;

    static QString localCalendarId() { return QStringLiteral("local"); }

    //! Creates the local calendar on first run. `name` is the translated display name.
    Expected<void> ensureLocalCalendar(const QString &name);

    QTimeZone timeZone() const { return m_zone; }
    void setTimeZone(const QTimeZone &zone);
    void setRecurrenceExpander(RecurrenceExpander expander);

    QList<Calendar> calendars() const;
    Expected<void> saveCalendar(const Calendar &calendar);
    //! Ids of the calendars whose events count as busy time for the user's availability (the
    //! group free/busy publisher and the VFREEBUSY export read this), in calendar order.
    QStringList availabilityCalendarIds() const;
    //! The per-calendar "counts for my availability" switch; persisted. Emits
    //! availabilityCalendarsChanged() when the set changes.
    Expected<void> setCountsForAvailability(const QString &calendarId, bool counts);
    //! Removes a calendar and its events (e.g. unsubscribing from a feed).
    Expected<void> removeCalendar(const QString &id);
    //! Occurrences overlapping the days [firstDay, lastDay] (inclusive) in the viewer's zone,
    //! from visible calendars, sorted by start; cancelled events are left out.
    Expected<QList<Occurrence>> occurrences(QDate firstDay, QDate lastDay) const;
    Expected<QList<Occurrence>> occurrencesBetween(
        qint64 fromMs, qint64 toMs, bool visibleOnly = true) const;

    Expected<Event> event(const QString &id) const;

    // ---- writes: the one write path ----
    //! Installs where writes to provider calendars go (the SyncEngine does this itself in
    //! SyncEngine::setCalendarService); nullptr: every calendar is written here directly.
    void setEventWriter(EventWriter *writer) { m_writer = writer; }
    EventWriter *eventWriter() const { return m_writer; }
    //! True when a write to `calendarId` goes to the EventWriter (a calendar it handles).
    bool writesThroughWriter(const QString &calendarId) const;
    //! Validates (title may be empty: shown as "(No title)"), stores, emits changed(). A
    //! calendar the EventWriter handles gets the write through it (`options` apply there).
    Expected<Event> createEvent(Event event, const WriteOptions &options = {});
    //! See EventWriter::updateEvent for "this event only" of a series (provider calendars).
    //! An event given another calendar moves: to or from a provider's calendar that is a create
    //! in the new one and a delete in the old one (the result has the new id).
    Expected<Event> updateEvent(Event event, const WriteOptions &options = {});
    Expected<void> deleteEvent(const QString &id, const WriteOptions &options = {});
    Expected<int> eventCount() const;

    //! The profile database this service works on.
    Database &database() const { return m_db; }
    EventStore &store() const { return *m_store; }

    //! Tells views that data changed underneath (sync, import).
    void notifyChanged() { Q_EMIT changed(); }
    //! Calendars were added or removed underneath (an account disconnected): reload them.
    void notifyCalendarsChanged();

Q_SIGNALS:
    void changed();
    void calendarsChanged();
    void timeZoneChanged(const QTimeZone &zone);
    //! The set of calendars counting for availability changed (a toggle, a calendar added by
    //! sync or removed): `ids` is the new availabilityCalendarIds().
    void availabilityCalendarsChanged(const QStringList &ids);

private:
    Expected<void> checkWritable(const QString &calendarId) const;
    //! Reloads the calendar list and emits availabilityCalendarsChanged() if the set moved.
    void reloadCalendars(const QStringList &availabilityBefore);

    Database &m_db;
    std::unique_ptr<EventStore> m_store;
    QTimeZone m_zone;
    RecurrenceExpander m_expander;
    EventWriter *m_writer = nullptr;
    mutable QList<Calendar> m_calendars;
    mutable bool m_calendarsLoaded = false;
};

} // namespace kairos
