#include "ics/icsexport.h"

#include "core/caladdress.h"
#include "core/clock.h"
#include "ics/icalptr.h"
#include "ics/icszones.h"
#include "ics/recurrence.h"
#include "model/zonedtime.h"
#include "store/eventstore.h"

#include <QBuffer>
#include <QHash>
#include <QIODevice>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

namespace kairos::ics {

namespace {

icalparameter_partstat partstat(Attendee::Response r)
{
    switch (r) {
    case Attendee::Response::Accepted:
        return ICAL_PARTSTAT_ACCEPTED;
    case Attendee::Response::Declined:
        return ICAL_PARTSTAT_DECLINED;
    case Attendee::Response::Tentative:
        return ICAL_PARTSTAT_TENTATIVE;
    case Attendee::Response::NeedsAction:
        break;
    }
    return ICAL_PARTSTAT_NEEDSACTION;
}

//! The CAL-ADDRESS of `email`, or empty when it is not a plain address: libical does not escape
//! CAL-ADDRESS values, so a CR/LF or `;` in one would add lines or parameters to the file.
QByteArray mailto(const QString &email)
{
    if (!isValidCalAddress(email))
        return {};
    return QByteArrayLiteral("mailto:") + email.toUtf8();
}

QString uidOf(const Event &e)
{
    return e.iCalUid.isEmpty() ? e.id + QStringLiteral("@kairos") : e.iCalUid;
}

icalproperty *timeProperty(icalproperty *(*make)(icaltimetype), const QDateTime &dt)
{
    const QByteArray tzid = exportZoneId(dt);
    icalproperty *p = make(toIcalTime(dt, tzid));
    if (!tzid.isEmpty())
        icalproperty_add_parameter(p, icalparameter_new_tzid(tzid.constData()));
    return p;
}

class Writer {
public:
    explicit Writer(const ExportOptions &o)
        : m_options(o)
    {
        m_stamp = toIcalTime(o.stamp.isValid() ? o.stamp : Clock::nowUtc(), {});
    }

    //! Zones used by the events (start, end, RECURRENCE-ID, TZIDs in EXDATE / RDATE lines).
    void collectZones(const QList<Event> &events)
    {
        static const QRegularExpression tzidRe(QStringLiteral("TZID=([^:;]+)"));
        for (const Event &e : events) {
            if (!e.allDay) {
                addZone(exportZoneId(e.start));
                addZone(exportZoneId(e.end));
                addZone(exportZoneId(e.originalStart));
            }
            for (const QString &line : e.recurrence) {
                if (!line.contains(QLatin1String("TZID=")))
                    continue;
                const auto m = tzidRe.match(line);
                if (m.hasMatch())
                    addZone(m.captured(1).toUtf8());
            }
        }
    }

    QByteArray header() const
    {
        ComponentPtr cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
        icalcomponent_add_property(
            cal.get(), icalproperty_new_prodid(m_options.prodId.constData()));
        icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
        icalcomponent_add_property(cal.get(), icalproperty_new_calscale("GREGORIAN"));
        if (!m_options.method.isEmpty()) {
            const icalproperty_method m
                = icalproperty_string_to_method(m_options.method.constData());
            icalcomponent_add_property(cal.get(), icalproperty_new_method(m));
        }
        if (!m_options.calendarName.isEmpty()) {
            icalproperty *p = icalproperty_new_x(m_options.calendarName.toUtf8().constData());
            icalproperty_set_x_name(p, "X-WR-CALNAME");
            icalcomponent_add_property(cal.get(), p);
        }
        for (const QByteArray &z : m_zoneOrder) {
            if (icalcomponent *tz = newVTimezone(z))
                icalcomponent_add_component(cal.get(), tz);
        }
        QByteArray text = componentText(cal.get());
        const QByteArray end = "END:VCALENDAR\r\n";
        if (text.endsWith(end))
            text.chop(end.size());
        return text;
    }

    static QByteArray footer() { return QByteArrayLiteral("END:VCALENDAR\r\n"); }

    icalcomponent *event(const Event &e, const QString &uid) const
    {
        icalcomponent *c = icalcomponent_new(ICAL_VEVENT_COMPONENT);
        icalcomponent_add_property(c, icalproperty_new_uid(uid.toUtf8().constData()));
        icalcomponent_add_property(c, icalproperty_new_dtstamp(m_stamp));
        if (e.created.isValid())
            icalcomponent_add_property(c, icalproperty_new_created(toIcalTime(e.created, {})));
        if (e.updated.isValid())
            icalcomponent_add_property(c, icalproperty_new_lastmodified(toIcalTime(e.updated, {})));
        const bool cancel = m_options.method == "CANCEL";
        const int sequence = cancel ? e.sequence + 1 : e.sequence;
        if (sequence > 0 || !m_options.method.isEmpty())
            icalcomponent_add_property(c, icalproperty_new_sequence(sequence));

        if (e.allDay) {
            icalcomponent_add_property(c, icalproperty_new_dtstart(toIcalDate(e.startDate)));
            icalcomponent_add_property(c, icalproperty_new_dtend(toIcalDate(e.endDate)));
        } else {
            icalcomponent_add_property(c, timeProperty(icalproperty_new_dtstart, e.start));
            icalcomponent_add_property(c, timeProperty(icalproperty_new_dtend, e.end));
        }
        // A changed occurrence whose series is not in the calendar (its file had only the
        // instance) keeps its RECURRENCE-ID too.
        if (e.originalStart.isValid()) {
            if (e.allDay)
                icalcomponent_add_property(
                    c, icalproperty_new_recurrenceid(toIcalDate(e.originalStart.toUTC().date())));
            else
                icalcomponent_add_property(
                    c, timeProperty(icalproperty_new_recurrenceid, e.originalStart));
        }
        if (!e.title.isEmpty())
            icalcomponent_add_property(c, icalproperty_new_summary(e.title.toUtf8().constData()));
        if (!e.location.isEmpty())
            icalcomponent_add_property(
                c, icalproperty_new_location(e.location.toUtf8().constData()));
        if (!e.description.isEmpty())
            icalcomponent_add_property(
                c, icalproperty_new_description(e.description.toUtf8().constData()));

        icalproperty_status st = ICAL_STATUS_CONFIRMED;
        if (cancel || e.status == EventStatus::Cancelled)
            st = ICAL_STATUS_CANCELLED;
        else if (e.status == EventStatus::Tentative)
            st = ICAL_STATUS_TENTATIVE;
        icalcomponent_add_property(c, icalproperty_new_status(st));
        icalcomponent_add_property(c,
            icalproperty_new_transp(e.transparency == Transparency::Transparent
                    ? ICAL_TRANSP_TRANSPARENT
                    : ICAL_TRANSP_OPAQUE));
        if (const QByteArray organizer = mailto(e.organizer); !organizer.isEmpty()) {
            icalproperty *p = icalproperty_new_organizer(organizer.constData());
            for (const Attendee &a : e.attendees) {
                if (a.organizer && !a.name.isEmpty()) {
                    icalproperty_add_parameter(
                        p, icalparameter_new_cn(a.name.toUtf8().constData()));
                    break;
                }
            }
            icalcomponent_add_property(c, p);
        }
        for (const Attendee &a : e.attendees) {
            const QByteArray address = mailto(a.email);
            if (address.isEmpty())
                continue;
            icalproperty *p = icalproperty_new_attendee(address.constData());
            if (!a.name.isEmpty())
                icalproperty_add_parameter(p, icalparameter_new_cn(a.name.toUtf8().constData()));
            icalproperty_add_parameter(p,
                icalparameter_new_role(
                    a.optional ? ICAL_ROLE_OPTPARTICIPANT : ICAL_ROLE_REQPARTICIPANT));
            icalproperty_add_parameter(p, icalparameter_new_partstat(partstat(a.response)));
            if (m_options.method == "REQUEST" && !a.organizer)
                icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
            icalcomponent_add_property(c, p);
        }
        if (!e.recurrence.isEmpty())
            addRecurrence(c, e.recurrence);
        if (!cancel) {
            for (int m : normalizeReminders(e.reminders)) {
                // A display alarm m minutes before the start (RFC 5545 3.6.6).
                icalcomponent *a = icalcomponent_new(ICAL_VALARM_COMPONENT);
                icalcomponent_add_property(a, icalproperty_new_action(ICAL_ACTION_DISPLAY));
                icaltriggertype t;
                t.time = icaltime_null_time();
                t.duration = icaldurationtype_from_int(-m * 60);
                icalcomponent_add_property(a, icalproperty_new_trigger(t));
                icalcomponent_add_property(a,
                    icalproperty_new_description(
                        (e.title.isEmpty() ? QStringLiteral("Reminder") : e.title)
                            .toUtf8()
                            .constData()));
                icalcomponent_add_component(c, a);
            }
        }
        return c;
    }

private:
    void addZone(const QByteArray &z)
    {
        if (z.isEmpty() || m_zones.contains(z) || !builtinZone(z))
            return;
        m_zones.insert(z);
        m_zoneOrder.append(z);
    }

    static void addRecurrence(icalcomponent *c, const QStringList &lines)
    {
        QByteArray text = "BEGIN:VEVENT\r\n";
        for (const QString &l : lines) {
            if (!l.trimmed().isEmpty())
                text += l.trimmed().toUtf8() + "\r\n";
        }
        text += "END:VEVENT\r\n";
        ComponentPtr parsed(icalparser_parse_string(text.constData()));
        if (!parsed)
            return;
        for (icalproperty *p = icalcomponent_get_first_property(parsed.get(), ICAL_ANY_PROPERTY); p;
             p = icalcomponent_get_next_property(parsed.get(), ICAL_ANY_PROPERTY)) {
            const icalproperty_kind k = icalproperty_isa(p);
            if (k == ICAL_RRULE_PROPERTY || k == ICAL_RDATE_PROPERTY || k == ICAL_EXDATE_PROPERTY
                || k == ICAL_EXRULE_PROPERTY)
                icalcomponent_add_property(c, icalproperty_new_clone(p));
        }
    }

    ExportOptions m_options;
    icaltimetype m_stamp;
    QSet<QByteArray> m_zones;
    QList<QByteArray> m_zoneOrder;
};

bool writeAll(QIODevice &out, const QByteArray &data)
{
    return out.write(data) == data.size();
}

} // namespace

Expected<void> writeCalendar(
    QIODevice &out, const QList<Event> &events, const ExportOptions &options)
{
    initLibical();
    Writer w(options);
    w.collectZones(events);
    if (!writeAll(out, w.header()))
        return makeError(Error::Code::WriteFailed, out.errorString());

    QHash<QString, QString> masterUid;
    for (const Event &e : events) {
        if (e.isRecurring())
            masterUid.insert(e.id, uidOf(e));
    }
    for (const Event &e : events) {
        QString uid = uidOf(e);
        if (!e.recurringEventId.isEmpty() && e.iCalUid.isEmpty())
            uid = masterUid.value(e.recurringEventId, uid);
        ComponentPtr c(w.event(e, uid));
        if (!writeAll(out, componentText(c.get())))
            return makeError(Error::Code::WriteFailed, out.errorString());
    }
    if (!writeAll(out, Writer::footer()))
        return makeError(Error::Code::WriteFailed, out.errorString());
    return {};
}

QByteArray exportCalendar(const QList<Event> &events, const ExportOptions &options)
{
    QByteArray data;
    QBuffer buf(&data);
    buf.open(QIODevice::WriteOnly);
    (void)writeCalendar(buf, events, options);
    return data;
}

Expected<QList<Event>> eventsForExport(
    EventStore &store, qint64 fromMs, qint64 toMs, const QStringList &calendarIds)
{
    auto inRange = store.eventsInRange(fromMs, toMs, calendarIds);
    if (!inRange)
        return inRange.error();
    QList<Event> out;
    QSet<QString> ids;
    auto add = [&](const Event &e) {
        if (!ids.contains(e.id)) {
            ids.insert(e.id);
            out.append(e);
        }
    };
    for (const Event &e : std::as_const(*inRange)) {
        if (e.isRecurring()) {
            if (expandRecurrence(e, fromMs, toMs).isEmpty())
                continue;
            add(e);
            if (auto same = store.eventsByUid(e.iCalUid)) {
                for (const Event &o : std::as_const(*same)) {
                    if (o.recurringEventId == e.id)
                        add(o);
                }
            }
        } else if (!e.recurringEventId.isEmpty()) {
            if (!ids.contains(e.recurringEventId)) {
                if (auto m = store.event(e.recurringEventId))
                    add(*m);
            }
            add(e);
        } else {
            add(e);
        }
    }
    return out;
}

static QByteArray itip(const QList<Event> &series, const QDateTime &stamp, const QByteArray &method)
{
    ExportOptions o;
    o.method = method;
    o.stamp = stamp;
    return exportCalendar(series, o);
}

QByteArray itipRequest(const QList<Event> &series, const QDateTime &stamp)
{
    return itip(series, stamp, "REQUEST");
}

QByteArray itipCancel(const QList<Event> &series, const QDateTime &stamp)
{
    return itip(series, stamp, "CANCEL");
}

QByteArray exportFreeBusy(const QList<Event> &events, qint64 fromMs, qint64 toMs,
    const QTimeZone &viewerZone, const QString &organizer, const QDateTime &stamp,
    Expander expander)
{
    initLibical();
    QHash<QString, QList<QDateTime>> overridden; // master id → original starts
    for (const Event &e : events) {
        if (!e.recurringEventId.isEmpty() && e.originalStart.isValid())
            overridden[e.recurringEventId].append(e.originalStart);
    }
    QList<Interval> busy, tentative;
    const Interval range { fromMs, toMs };
    auto addSpan = [&](const Event &e, Interval span) {
        span = span.intersected(range);
        if (span.isEmpty())
            return;
        (e.status == EventStatus::Tentative ? tentative : busy).append(span);
    };
    for (const Event &e : events) {
        if (e.status == EventStatus::Cancelled || e.transparency == Transparency::Transparent)
            continue;
        if (!e.isRecurring()) {
            addSpan(e, e.interval(viewerZone));
            continue;
        }
        const QList<QDateTime> skip = overridden.value(e.id);
        const QList<QDateTime> starts
            = expander ? expander(e, fromMs, toMs) : expandRecurrence(e, fromMs, toMs, skip);
        const qint64 days = e.startDate.daysTo(e.endDate);
        const qint64 length
            = e.allDay ? 0 : e.end.toMSecsSinceEpoch() - e.start.toMSecsSinceEpoch();
        for (const QDateTime &s : starts) {
            if (skip.contains(s))
                continue;
            if (e.allDay) {
                const QDate d = s.toUTC().date();
                addSpan(e,
                    Interval::fromDateTimes(
                        startOfDay(d, viewerZone), startOfDay(d.addDays(days), viewerZone)));
            } else {
                addSpan(e, { s.toMSecsSinceEpoch(), s.toMSecsSinceEpoch() + length });
            }
        }
    }
    busy = mergeIntervals(busy);
    tentative = mergeIntervals(tentative);

    ComponentPtr cal(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    icalcomponent_add_property(
        cal.get(), icalproperty_new_prodid("-//Kairos//Kairos Calendar 0.1//EN"));
    icalcomponent_add_property(cal.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(cal.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    icalcomponent *fb = icalcomponent_new(ICAL_VFREEBUSY_COMPONENT);
    const QString uid
        = QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("@kairos");
    icalcomponent_add_property(fb, icalproperty_new_uid(uid.toUtf8().constData()));
    icalcomponent_add_property(
        fb, icalproperty_new_dtstamp(toIcalTime(stamp.isValid() ? stamp : Clock::nowUtc(), {})));
    icalcomponent_add_property(fb,
        icalproperty_new_dtstart(toIcalTime(QDateTime::fromMSecsSinceEpoch(fromMs, Qt::UTC), {})));
    icalcomponent_add_property(
        fb, icalproperty_new_dtend(toIcalTime(QDateTime::fromMSecsSinceEpoch(toMs, Qt::UTC), {})));
    if (const QByteArray address = mailto(organizer); !address.isEmpty())
        icalcomponent_add_property(fb, icalproperty_new_organizer(address.constData()));
    auto addPeriods = [&](const QList<Interval> &list, icalparameter_fbtype type) {
        for (const Interval &i : list) {
            icalperiodtype p = icalperiodtype_null_period();
            p.start = toIcalTime(i.startUtc(), {});
            p.end = toIcalTime(i.endUtc(), {});
            icalproperty *prop = icalproperty_new_freebusy(p);
            icalproperty_add_parameter(prop, icalparameter_new_fbtype(type));
            icalcomponent_add_property(fb, prop);
        }
    };
    addPeriods(busy, ICAL_FBTYPE_BUSY);
    addPeriods(tentative, ICAL_FBTYPE_BUSYTENTATIVE);
    icalcomponent_add_component(cal.get(), fb);
    return componentText(cal.get());
}

} // namespace kairos::ics
