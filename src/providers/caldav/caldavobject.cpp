#include "providers/caldav/caldavobject.h"

#include "ics/icalptr.h"
#include "ics/icsexport.h"
#include "ics/icsimport.h"

#include <QSet>
#include <QUrl>

namespace kairos::caldav {

using ics::ComponentPtr;

namespace {

//! What Kairos writes in a VEVENT (icsexport); everything else in a replaced component is
//! carried over from the server's version.
bool modelled(icalproperty_kind k)
{
    switch (k) {
    case ICAL_UID_PROPERTY:
    case ICAL_DTSTAMP_PROPERTY:
    case ICAL_CREATED_PROPERTY:
    case ICAL_LASTMODIFIED_PROPERTY:
    case ICAL_SEQUENCE_PROPERTY:
    case ICAL_DTSTART_PROPERTY:
    case ICAL_DTEND_PROPERTY:
    case ICAL_DURATION_PROPERTY:
    case ICAL_RECURRENCEID_PROPERTY:
    case ICAL_SUMMARY_PROPERTY:
    case ICAL_LOCATION_PROPERTY:
    case ICAL_DESCRIPTION_PROPERTY:
    case ICAL_STATUS_PROPERTY:
    case ICAL_TRANSP_PROPERTY:
    case ICAL_ORGANIZER_PROPERTY:
    case ICAL_ATTENDEE_PROPERTY:
    case ICAL_RRULE_PROPERTY:
    case ICAL_RDATE_PROPERTY:
    case ICAL_EXDATE_PROPERTY:
        return true;
    default:
        return false;
    }
}

//! Display and audio alarms with a trigger are Event::reminders (the .ics import reads them,
//! the export writes them); e-mail and procedure alarms are not modelled and are kept.
bool modelledAlarm(icalcomponent *sub)
{
    if (icalcomponent_isa(sub) != ICAL_VALARM_COMPONENT
        || !icalcomponent_get_first_property(sub, ICAL_TRIGGER_PROPERTY))
        return false;
    icalproperty *act = icalcomponent_get_first_property(sub, ICAL_ACTION_PROPERTY);
    if (!act)
        return true;
    const icalproperty_action k = icalproperty_get_action(act);
    return k == ICAL_ACTION_DISPLAY || k == ICAL_ACTION_AUDIO;
}

//! X- properties Kairos itself writes (out of office) are modelled too.
bool modelledX(icalproperty *p)
{
    if (icalproperty_isa(p) != ICAL_X_PROPERTY)
        return false;
    const char *name = icalproperty_get_x_name(p);
    return name && QByteArray(name).startsWith("X-MICROSOFT-CDO-BUSYSTATUS");
}

//! RECURRENCE-ID as UTC milliseconds (all-day: midnight UTC of the day, as the importer reads
//! it), or -1 for a master.
qint64 recurrenceKey(icalcomponent *vevent)
{
    icalproperty *rid = icalcomponent_get_first_property(vevent, ICAL_RECURRENCEID_PROPERTY);
    if (!rid)
        return -1;
    icaltimetype t = icalproperty_get_recurrenceid(rid);
    if (t.is_date)
        return qint64(icaltime_as_timet_with_zone(t, icaltimezone_get_utc_timezone())) * 1000;
    const icaltimezone *zone = t.zone;
    if (!zone) {
        if (icalparameter *tzid = icalproperty_get_first_parameter(rid, ICAL_TZID_PARAMETER)) {
            zone = icaltimezone_get_builtin_timezone(icalparameter_get_tzid(tzid));
            if (!zone) {
                icalcomponent *cal = icalcomponent_get_parent(vevent);
                if (cal)
                    zone = icalcomponent_get_timezone(cal, icalparameter_get_tzid(tzid));
            }
        }
    }
    return qint64(icaltime_as_timet_with_zone(t, zone ? zone : icaltimezone_get_utc_timezone()))
        * 1000;
}

Expected<ComponentPtr> parse(const QByteArray &ics)
{
    ics::initLibical();
    ComponentPtr c(icalparser_parse_string(ics.constData()));
    if (!c || icalcomponent_isa(c.get()) != ICAL_VCALENDAR_COMPONENT)
        return makeError(Error::Code::ProtocolError, QStringLiteral("not an iCalendar object"));
    return c;
}

icalcomponent *findEvent(icalcomponent *cal, qint64 key)
{
    for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); e;
         e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
        if (recurrenceKey(e) == key)
            return e;
    }
    return nullptr;
}

QSet<QByteArray> timezoneIds(icalcomponent *cal)
{
    QSet<QByteArray> ids;
    for (icalcomponent *z = icalcomponent_get_first_component(cal, ICAL_VTIMEZONE_COMPONENT); z;
         z = icalcomponent_get_next_component(cal, ICAL_VTIMEZONE_COMPONENT)) {
        if (icalproperty *p = icalcomponent_get_first_property(z, ICAL_TZID_PROPERTY))
            ids.insert(QByteArray(icalproperty_get_tzid(p)));
    }
    return ids;
}

} // namespace

QString resourceName(const QString &href)
{
    QString path = QUrl(href).path(QUrl::FullyEncoded);
    if (path.isEmpty())
        path = href;
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

QString instanceProviderId(const QString &resourceName, const QDateTime &originalStart)
{
    return resourceName + QLatin1Char('#') + QString::number(originalStart.toMSecsSinceEpoch());
}

Expected<QList<Event>> eventsFromObject(const QByteArray &ics, const QString &resourceName,
    const QString &etag, const QTimeZone &floatingZone)
{
    ics::ImportOptions options;
    options.floatingZone = floatingZone;
    auto parsed = ics::parseCalendar(ics, options);
    if (!parsed)
        return parsed.error();
    QList<Event> out = std::move(parsed->events);
    for (Event &e : out) {
        e.etag = etag;
        if (e.originalStart.isValid()) {
            e.providerId = instanceProviderId(resourceName, e.originalStart);
            e.recurringEventId = resourceName;
        } else {
            e.providerId = resourceName;
        }
    }
    // Master first, then its instances (the store links instances to a master it has).
    std::stable_sort(out.begin(), out.end(), [](const Event &a, const Event &b) {
        return !a.originalStart.isValid() && b.originalStart.isValid();
    });
    return out;
}

QByteArray newObject(const QList<Event> &events)
{
    ics::ExportOptions options;
    return ics::exportCalendar(events, options);
}

Expected<QByteArray> mergeIntoObject(const QByteArray &original, const Event &changed)
{
    Event e = changed;
    const bool instance = e.originalStart.isValid();
    if (instance && e.recurringEventId.isEmpty())
        e.recurringEventId
            = QStringLiteral("master"); // only makes the exporter write RECURRENCE-ID
    auto fresh = parse(newObject({ e }));
    if (!fresh)
        return fresh.error();
    if (original.trimmed().isEmpty())
        return ics::componentText(fresh->get());
    auto cal = parse(original);
    if (!cal)
        return cal.error();

    icalcomponent *newEvent
        = icalcomponent_get_first_component(fresh->get(), ICAL_VEVENT_COMPONENT);
    const qint64 key = instance ? e.originalStart.toMSecsSinceEpoch() : -1;
    // The series' UID is the server's (an event created elsewhere may have any UID).
    icalcomponent *anyEvent = icalcomponent_get_first_component(cal->get(), ICAL_VEVENT_COMPONENT);
    if (anyEvent && icalcomponent_get_uid(anyEvent))
        icalcomponent_set_uid(newEvent, icalcomponent_get_uid(anyEvent));

    if (icalcomponent *old = findEvent(cal->get(), key)) {
        // Keep what Kairos does not model.
        for (icalproperty *p = icalcomponent_get_first_property(old, ICAL_ANY_PROPERTY); p;
             p = icalcomponent_get_next_property(old, ICAL_ANY_PROPERTY)) {
            if (!modelled(icalproperty_isa(p)) && !modelledX(p))
                icalcomponent_add_property(newEvent, icalproperty_new_clone(p));
        }
        for (icalcomponent *sub = icalcomponent_get_first_component(old, ICAL_ANY_COMPONENT); sub;
             sub = icalcomponent_get_next_component(old, ICAL_ANY_COMPONENT)) {
            if (!modelledAlarm(sub)) // those were written again from Event::reminders
                icalcomponent_add_component(newEvent, icalcomponent_new_clone(sub));
        }
        // A server-side CREATED stays.
        if (icalproperty *created = icalcomponent_get_first_property(old, ICAL_CREATED_PROPERTY)) {
            if (icalproperty *mine
                = icalcomponent_get_first_property(newEvent, ICAL_CREATED_PROPERTY)) {
                icalcomponent_remove_property(newEvent, mine);
                icalproperty_free(mine);
            }
            icalcomponent_add_property(newEvent, icalproperty_new_clone(created));
        }
        icalcomponent_remove_component(cal->get(), old);
        icalcomponent_free(old);
    }
    // The zones the new component uses, unless the resource has them already.
    const QSet<QByteArray> have = timezoneIds(cal->get());
    for (icalcomponent *z
         = icalcomponent_get_first_component(fresh->get(), ICAL_VTIMEZONE_COMPONENT);
         z; z = icalcomponent_get_next_component(fresh->get(), ICAL_VTIMEZONE_COMPONENT)) {
        icalproperty *p = icalcomponent_get_first_property(z, ICAL_TZID_PROPERTY);
        if (p && !have.contains(QByteArray(icalproperty_get_tzid(p))))
            icalcomponent_add_component(cal->get(), icalcomponent_new_clone(z));
    }
    icalcomponent_add_component(cal->get(), icalcomponent_new_clone(newEvent));
    return ics::componentText(cal->get());
}

Expected<QByteArray> excludeOccurrence(
    const QByteArray &original, const QDateTime &originalStart, bool allDay)
{
    auto cal = parse(original);
    if (!cal)
        return cal.error();
    const qint64 key = originalStart.toMSecsSinceEpoch();
    if (icalcomponent *old = findEvent(cal->get(), key)) {
        icalcomponent_remove_component(cal->get(), old);
        icalcomponent_free(old);
    }
    if (icalcomponent *master = findEvent(cal->get(), -1)) {
        icaltimetype t;
        if (allDay) {
            const QDate d = originalStart.toUTC().date();
            t = icaltime_null_date();
            t.year = d.year();
            t.month = d.month();
            t.day = d.day();
            t.is_date = 1;
        } else {
            t = icaltime_from_timet_with_zone(
                time_t(originalStart.toSecsSinceEpoch()), 0, icaltimezone_get_utc_timezone());
        }
        icalcomponent_add_property(master, icalproperty_new_exdate(t));
    }
    return ics::componentText(cal->get());
}

} // namespace kairos::caldav
