#include "providers/eventjson.h"

#include <QJsonArray>

namespace kairos {

namespace {

QString dt(const QDateTime &d)
{
    return d.isValid() ? d.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QString zoneOf(const QDateTime &d)
{
    if (!d.isValid())
        return {};
    return d.timeSpec() == Qt::TimeZone ? QString::fromLatin1(d.timeZone().id())
                                        : QStringLiteral("UTC");
}

QDateTime parseZoned(const QJsonObject &o, const QString &key)
{
    const QString s = o.value(key).toString();
    if (s.isEmpty())
        return {};
    QDateTime d = QDateTime::fromString(s, Qt::ISODateWithMs);
    const QString z = o.value(key + QStringLiteral("Tz")).toString();
    if (!z.isEmpty() && z != QLatin1String("UTC")) {
        const QTimeZone tz(z.toLatin1());
        if (tz.isValid())
            return d.toTimeZone(tz);
    }
    return d.toUTC();
}

} // namespace

QJsonObject eventToJson(const Event &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), e.id);
    o.insert(QStringLiteral("calendarId"), e.calendarId);
    o.insert(QStringLiteral("providerId"), e.providerId);
    o.insert(QStringLiteral("etag"), e.etag);
    o.insert(QStringLiteral("iCalUid"), e.iCalUid);
    o.insert(QStringLiteral("sequence"), e.sequence);
    o.insert(QStringLiteral("title"), e.title);
    o.insert(QStringLiteral("location"), e.location);
    o.insert(QStringLiteral("description"), e.description);
    o.insert(QStringLiteral("allDay"), e.allDay);
    if (e.allDay) {
        o.insert(QStringLiteral("startDate"), e.startDate.toString(Qt::ISODate));
        o.insert(QStringLiteral("endDate"), e.endDate.toString(Qt::ISODate));
    } else {
        o.insert(QStringLiteral("start"), dt(e.start));
        o.insert(QStringLiteral("startTz"), zoneOf(e.start));
        o.insert(QStringLiteral("end"), dt(e.end));
        o.insert(QStringLiteral("endTz"), zoneOf(e.end));
    }
    o.insert(QStringLiteral("recurrence"), QJsonArray::fromStringList(e.recurrence));
    o.insert(QStringLiteral("recurringEventId"), e.recurringEventId);
    if (e.originalStart.isValid()) {
        o.insert(QStringLiteral("originalStart"), dt(e.originalStart));
        o.insert(QStringLiteral("originalStartTz"), zoneOf(e.originalStart));
    }
    QJsonArray att;
    for (const Attendee &a : e.attendees) {
        QJsonObject ao { { QStringLiteral("email"), a.email }, { QStringLiteral("name"), a.name },
            { QStringLiteral("response"), int(a.response) },
            { QStringLiteral("optional"), a.optional },
            { QStringLiteral("organizer"), a.organizer }, { QStringLiteral("self"), a.self } };
        att.append(ao);
    }
    o.insert(QStringLiteral("attendees"), att);
    o.insert(QStringLiteral("organizer"), e.organizer);
    o.insert(QStringLiteral("status"), toString(e.status));
    o.insert(QStringLiteral("transparent"), e.transparency == Transparency::Transparent);
    if (e.outOfOffice)
        o.insert(QStringLiteral("out_of_office"), true);
    if (!e.reminders.isEmpty()) {
        QJsonArray rem;
        for (int m : e.reminders)
            rem.append(m);
        o.insert(QStringLiteral("reminders"), rem);
    }
    if (e.defaultReminders)
        o.insert(QStringLiteral("defaultReminders"), true);
    o.insert(QStringLiteral("created"), dt(e.created));
    o.insert(QStringLiteral("updated"), dt(e.updated));
    return o;
}

Event eventFromJson(const QJsonObject &o)
{
    Event e;
    e.id = o.value(QStringLiteral("id")).toString();
    e.calendarId = o.value(QStringLiteral("calendarId")).toString();
    e.providerId = o.value(QStringLiteral("providerId")).toString();
    e.etag = o.value(QStringLiteral("etag")).toString();
    e.iCalUid = o.value(QStringLiteral("iCalUid")).toString();
    e.sequence = o.value(QStringLiteral("sequence")).toInt();
    e.title = o.value(QStringLiteral("title")).toString();
    e.location = o.value(QStringLiteral("location")).toString();
    e.description = o.value(QStringLiteral("description")).toString();
    e.allDay = o.value(QStringLiteral("allDay")).toBool();
    if (e.allDay) {
        e.startDate
            = QDate::fromString(o.value(QStringLiteral("startDate")).toString(), Qt::ISODate);
        e.endDate = QDate::fromString(o.value(QStringLiteral("endDate")).toString(), Qt::ISODate);
    } else {
        e.start = parseZoned(o, QStringLiteral("start"));
        e.end = parseZoned(o, QStringLiteral("end"));
    }
    const QJsonArray rec = o.value(QStringLiteral("recurrence")).toArray();
    for (const auto &v : rec)
        e.recurrence << v.toString();
    e.recurringEventId = o.value(QStringLiteral("recurringEventId")).toString();
    e.originalStart = parseZoned(o, QStringLiteral("originalStart"));
    const QJsonArray att = o.value(QStringLiteral("attendees")).toArray();
    for (const auto &v : att) {
        const QJsonObject ao = v.toObject();
        Attendee a;
        a.email = ao.value(QStringLiteral("email")).toString();
        a.name = ao.value(QStringLiteral("name")).toString();
        a.response = Attendee::Response(ao.value(QStringLiteral("response")).toInt());
        a.optional = ao.value(QStringLiteral("optional")).toBool();
        a.organizer = ao.value(QStringLiteral("organizer")).toBool();
        a.self = ao.value(QStringLiteral("self")).toBool();
        e.attendees << a;
    }
    e.organizer = o.value(QStringLiteral("organizer")).toString();
    e.status = eventStatusFromString(o.value(QStringLiteral("status")).toString());
    e.transparency = o.value(QStringLiteral("transparent")).toBool() ? Transparency::Transparent
                                                                     : Transparency::Opaque;
    e.outOfOffice = o.value(QStringLiteral("out_of_office")).toBool();
    const QJsonArray rem = o.value(QStringLiteral("reminders")).toArray();
    for (const auto &v : rem)
        e.reminders << v.toInt();
    e.reminders = normalizeReminders(e.reminders);
    e.defaultReminders = o.value(QStringLiteral("defaultReminders")).toBool();
    const QString c = o.value(QStringLiteral("created")).toString();
    if (!c.isEmpty())
        e.created = QDateTime::fromString(c, Qt::ISODateWithMs).toUTC();
    const QString u = o.value(QStringLiteral("updated")).toString();
    if (!u.isEmpty())
        e.updated = QDateTime::fromString(u, Qt::ISODateWithMs).toUTC();
    return e;
}

bool sameUserFields(const Event &a, const Event &b)
{
    if (a.title != b.title || a.location != b.location || a.description != b.description
        || a.allDay != b.allDay || a.recurrence != b.recurrence || a.status != b.status
        || a.transparency != b.transparency)
        return false;
    if (a.allDay) {
        if (a.startDate != b.startDate || a.endDate != b.endDate)
            return false;
    } else if (a.start.toMSecsSinceEpoch() != b.start.toMSecsSinceEpoch()
        || a.end.toMSecsSinceEpoch() != b.end.toMSecsSinceEpoch()) {
        return false;
    }
    QStringList ea, eb;
    for (const Attendee &x : a.attendees)
        ea << x.email.toLower();
    for (const Attendee &x : b.attendees)
        eb << x.email.toLower();
    ea.sort();
    eb.sort();
    return ea == eb;
}

} // namespace kairos
