#include "calendar/calendarservice.h"
#include "model/recurrencebudget.h"

#include "core/clock.h"
#include "core/logging.h"
#include "model/zonedtime.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QHash>

#include <algorithm>

namespace kairos {

CalendarService::CalendarService(Database &db, QTimeZone zone, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_store(std::make_unique<EventStore>(db))
    , m_zone(std::move(zone))
{ }

CalendarService::~CalendarService() = default;

Expected<void> CalendarService::ensureLocalCalendar(const QString &name)
{
    auto existing = m_store->calendar(localCalendarId());
    if (existing)
        return {};
    Calendar c;
    c.id = localCalendarId();
    c.kind = CalendarKind::Local;
    c.name = name;
    c.color = QStringLiteral("#2f855a");
    c.primary = true;
    auto r = m_store->saveCalendar(c);
    m_calendarsLoaded = false;
    if (r)
        Q_EMIT calendarsChanged();
    return r;
}

void CalendarService::setTimeZone(const QTimeZone &zone)
{
    if (!zone.isValid() || zone == m_zone)
        return;
    m_zone = zone;
    Q_EMIT timeZoneChanged(zone);
    Q_EMIT changed();
}

void CalendarService::setRecurrenceExpander(RecurrenceExpander expander)
{
    m_expander = std::move(expander);
    Q_EMIT changed();
}

QList<Calendar> CalendarService::calendars() const
{
    if (!m_calendarsLoaded) {
        auto r = m_store->calendars();
        m_calendars = r ? *r : QList<Calendar>();
        m_calendarsLoaded = bool(r);
    }
    return m_calendars;
}

QStringList CalendarService::availabilityCalendarIds() const
{
    QStringList ids;
    for (const Calendar &c : calendars()) {
        if (c.countsForAvailability)
            ids << c.id;
    }
    return ids;
}

void CalendarService::reloadCalendars(const QStringList &availabilityBefore)
{
    m_calendarsLoaded = false;
    const QStringList after = availabilityCalendarIds();
    Q_EMIT calendarsChanged();
    Q_EMIT changed();
    if (after != availabilityBefore)
        Q_EMIT availabilityCalendarsChanged(after);
}

void CalendarService::notifyCalendarsChanged()
{
    // The cached list is what the last notification was computed from.
    reloadCalendars(m_calendarsLoaded ? availabilityCalendarIds() : QStringList());
}

Expected<void> CalendarService::saveCalendar(const Calendar &calendar)
{
    const QStringList before = availabilityCalendarIds();
    auto r = m_store->saveCalendar(calendar);
    m_calendarsLoaded = false;
    if (r)
        reloadCalendars(before);
    return r;
}

Expected<void> CalendarService::setCountsForAvailability(const QString &calendarId, bool counts)
{
    for (Calendar c : calendars()) {
        if (c.id != calendarId)
            continue;
        if (c.countsForAvailability == counts)
            return {};
        c.countsForAvailability = counts;
        return saveCalendar(c);
    }
    return makeError(Error::Code::NotFound, QStringLiteral("calendar ") + calendarId);
}

Expected<void> CalendarService::removeCalendar(const QString &id)
{
    const QStringList before = availabilityCalendarIds();
    auto r = m_store->removeCalendar(id);
    m_calendarsLoaded = false;
    if (r)
        reloadCalendars(before);
    return r;
}

Expected<QList<Occurrence>> CalendarService::occurrences(QDate firstDay, QDate lastDay) const
{
    const qint64 from = startOfDay(firstDay, m_zone).toMSecsSinceEpoch();
    const qint64 to = startOfDay(lastDay.addDays(1), m_zone).toMSecsSinceEpoch();
    return occurrencesBetween(from, to);
}

Expected<QList<Occurrence>> CalendarService::occurrencesBetween(
    qint64 from, qint64 to, bool visibleOnly) const
{
    QHash<QString, const Calendar *> byId;
    const QList<Calendar> cals = calendars();
    QStringList ids;
    for (const Calendar &c : cals) {
        if (visibleOnly && !c.visible)
            continue;
        byId.insert(c.id, &c);
        ids << c.id;
    }
    if (ids.isEmpty())
        return QList<Occurrence>();
    auto events = m_store->eventsInRange(from, to, ids);
    if (!events)
        return events.error();

    // One expansion budget for the whole query, unless the caller installed one to read the
    // series that were cut.
    RecurrenceBudget budget;
    const RecurrenceBudget::Scope scope(RecurrenceBudget::current() ? nullptr : &budget);
    QList<Occurrence> out;
    out.reserve(events->size());
    auto emitOccurrence = [&](const Event &e, const QDateTime &start, const QDateTime &end) {
        const Calendar *cal = byId.value(e.calendarId);
        Occurrence o;
        o.eventId = e.id;
        o.calendarId = e.calendarId;
        o.title = e.title;
        o.location = e.location;
        o.allDay = e.allDay;
        o.status = e.status;
        o.transparency = e.transparency;
        o.recurring = e.isRecurring() || !e.recurringEventId.isEmpty();
        o.color = cal ? cal->color : QStringLiteral("#3b82f6");
        o.readOnly = cal && cal->readOnly;
        o.reminders = e.effectiveReminders(cal ? cal->defaultReminders : QList<int>());
        if (e.allDay) {
            o.startDate = e.startDate;
            o.endDate = e.endDate;
            o.start = startOfDay(e.startDate, m_zone);
            o.end = startOfDay(e.endDate, m_zone);
        } else {
            o.start = start.toTimeZone(m_zone);
            o.end = end.toTimeZone(m_zone);
        }
        if (o.end.toMSecsSinceEpoch() > from && o.start.toMSecsSinceEpoch() < to)
            out.append(std::move(o));
        else if (o.start == o.end && o.start.toMSecsSinceEpoch() >= from
            && o.start.toMSecsSinceEpoch() < to)
            out.append(std::move(o)); // zero-length events still show
    };

    for (const Event &e : *events) {
        if (e.status == EventStatus::Cancelled)
            continue;
        if (e.isRecurring() && m_expander && !e.allDay) {
            const qint64 len = e.end.toMSecsSinceEpoch() - e.start.toMSecsSinceEpoch();
            for (const QDateTime &s : m_expander(e, from, to)) {
                emitOccurrence(e, s, s.addMSecs(len));
            }
            continue;
        }
        if (e.isRecurring() && m_expander && e.allDay) {
            const qint64 days = e.startDate.daysTo(e.endDate);
            for (const QDateTime &s : m_expander(e, from, to)) {
                Event inst = e;
                inst.startDate = s.date();
                inst.endDate = s.date().addDays(days);
                emitOccurrence(inst, {}, {});
            }
            continue;
        }
        emitOccurrence(e, e.start, e.end);
    }
    std::sort(out.begin(), out.end(), [](const Occurrence &a, const Occurrence &b) {
        if (a.allDay != b.allDay)
            return a.allDay;
        if (a.start != b.start)
            return a.start < b.start;
        return a.end > b.end;
    });
    return out;
}

Expected<Event> CalendarService::event(const QString &id) const
{
    return m_store->event(id);
}

Expected<void> CalendarService::checkWritable(const QString &calendarId) const
{
    for (const Calendar &c : calendars()) {
        if (c.id == calendarId)
            return c.readOnly ? Expected<void>(makeError(Error::Code::ReadOnly, c.name))
                              : Expected<void>();
    }
    return makeError(Error::Code::NotFound, QStringLiteral("calendar ") + calendarId);
}

bool CalendarService::writesThroughWriter(const QString &calendarId) const
{
    if (!m_writer)
        return false;
    // From the store, not the cached list: another connection (the CLI's sync engine, an
    // account connected meanwhile) may have added the calendar since the list was loaded.
    const auto c = m_store->calendar(calendarId);
    return c && m_writer->handles(*c);
}

Expected<Event> CalendarService::createEvent(Event e, const WriteOptions &options)
{
    if (!e.calendarId.isEmpty() && writesThroughWriter(e.calendarId))
        return m_writer->createEvent(std::move(e), options);
    if (e.calendarId.isEmpty())
        e.calendarId = localCalendarId();
    if (auto w = checkWritable(e.calendarId); !w)
        return w.error();
    if (!e.isValid())
        return makeError(
            Error::Code::InvalidInput, QStringLiteral("the event ends before it starts"));
    e.id.clear();
    e.created = e.updated = Clock::nowUtc();
    if (auto r = m_store->saveEvent(e); !r)
        return r.error();
    qCDebug(lcCalendar) << "created event" << e.id << "in" << e.calendarId;
    Q_EMIT changed();
    return e;
}

Expected<Event> CalendarService::updateEvent(Event e, const WriteOptions &options)
{
    if (!e.id.isEmpty() && e.recurringEventId.isEmpty()) {
        // A move to or from a provider's calendar: providers have no common "move", so the
        // event is created in the new calendar, then deleted from the old one (issue 19).
        auto old = m_store->event(e.id);
        if (old && old->calendarId != e.calendarId
            && (writesThroughWriter(e.calendarId) || writesThroughWriter(old->calendarId))) {
            if (auto w = checkWritable(old->calendarId); !w)
                return w.error();
            Event moved = e;
            moved.id.clear();
            moved.providerId.clear();
            moved.etag.clear();
            moved.iCalUid.clear(); // a provider may keep the deleted event's UID (Google)
            auto created = createEvent(std::move(moved), options);
            if (!created)
                return created.error();
            if (auto d = deleteEvent(old->id, options); !d)
                return d.error();
            return created;
        }
    }
    if (writesThroughWriter(e.calendarId))
        return m_writer->updateEvent(std::move(e), options);
    auto old = m_store->event(e.id);
    if (!old)
        return old.error();
    if (auto w = checkWritable(old->calendarId); !w)
        return w.error();
    if (e.calendarId != old->calendarId) {
        if (auto w = checkWritable(e.calendarId); !w)
            return w.error();
    }
    if (!e.isValid())
        return makeError(
            Error::Code::InvalidInput, QStringLiteral("the event ends before it starts"));
    e.created = old->created;
    e.updated = Clock::nowUtc();
    e.sequence = old->sequence + 1;
    if (auto r = m_store->saveEvent(e); !r)
        return r.error();
    Q_EMIT changed();
    return e;
}

Expected<void> CalendarService::deleteEvent(const QString &id, const WriteOptions &options)
{
    auto old = m_store->event(id);
    if (!old)
        return old.error();
    if (writesThroughWriter(old->calendarId))
        return m_writer->deleteEvent(id, options);
    if (auto w = checkWritable(old->calendarId); !w)
        return w;
    if (auto r = m_store->removeEvents({ id }); !r)
        return r;
    Q_EMIT changed();
    return {};
}

Expected<int> CalendarService::eventCount() const
{
    return m_store->eventCount();
}

} // namespace kairos
