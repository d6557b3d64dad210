#include "team/snapshot.h"

#include "core/caladdress.h"

#include <QJsonArray>

namespace kairos::team {

using scheduling::BusyInterval;
using scheduling::BusyStatus;

namespace {

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

//! ISO-8601 with an offset ("Z" or ±HH:MM); a time without one is rejected.
bool parseInstant(const QJsonValue &v, qint64 *ms)
{
    const QString s = v.toString();
    if (s.isEmpty())
        return false;
    const bool hasOffset = s.endsWith(QLatin1Char('Z'))
        || (s.size() > 6
            && (s.at(s.size() - 6) == QLatin1Char('+') || s.at(s.size() - 6) == QLatin1Char('-')));
    if (!hasOffset)
        return false;
    const QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!dt.isValid())
        return false;
    *ms = dt.toMSecsSinceEpoch();
    return true;
}

Error invalid(const QString &field, const QString &what)
{
    return makeError(Error::Code::InvalidInput, field + QStringLiteral(": ") + what);
}

} // namespace

QString busyStatusKey(BusyStatus status)
{
    switch (status) {
    case BusyStatus::Tentative:
        return QStringLiteral("tentative");
    case BusyStatus::OutOfOffice:
        return QStringLiteral("out_of_office");
    case BusyStatus::Busy:
        break;
    }
    return QStringLiteral("busy");
}

QJsonObject toJson(const AvailabilitySnapshot &s)
{
    QJsonArray busy;
    for (const BusyInterval &b : s.busy) {
        QJsonObject o { { QStringLiteral("start"), isoUtc(b.interval.start) },
            { QStringLiteral("end"), isoUtc(b.interval.end) } };
        if (b.status != BusyStatus::Busy)
            o.insert(QStringLiteral("status"), busyStatusKey(b.status));
        busy.append(o);
    }
    QJsonObject o { { QStringLiteral("version"), s.version },
        { QStringLiteral("made_at"), isoUtc(s.madeAt.toMSecsSinceEpoch()) },
        { QStringLiteral("time_zone"),
            s.zone.isValid() && !s.zone.id().isEmpty() ? QString::fromLatin1(s.zone.id())
                                                       : QStringLiteral("UTC") },
        { QStringLiteral("from"), isoUtc(s.horizon.start) },
        { QStringLiteral("until"), isoUtc(s.horizon.end) },
        { QStringLiteral("working_hours"),
            s.workingHours.isUnrestricted() ? QJsonValue(QJsonValue::Null)
                                            : s.workingHours.toJson() },
        { QStringLiteral("busy"), busy } };
    if (!s.email.isEmpty())
        o.insert(QStringLiteral("email"), s.email);
    return o;
}

Expected<AvailabilitySnapshot> snapshotFromJson(const QJsonObject &o)
{
    if (o.isEmpty())
        return makeError(Error::Code::NotFound, QStringLiteral("snapshot withdrawn"));
    AvailabilitySnapshot s;
    const QJsonValue version = o.value(QLatin1String("version"));
    if (!version.isDouble() || version.toInt() < 1)
        return invalid(QStringLiteral("version"), QStringLiteral("expected an integer >= 1"));
    s.version = version.toInt();
    qint64 ms = 0;
    if (!parseInstant(o.value(QLatin1String("made_at")), &ms))
        return invalid(
            QStringLiteral("made_at"), QStringLiteral("expected an ISO-8601 time with an offset"));
    s.madeAt = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    const QByteArray zoneId = o.value(QLatin1String("time_zone")).toString().toLatin1();
    // isValid, not isTimeZoneIdAvailable: the latter misses aliases such as "Etc/UTC".
    s.zone = QTimeZone(zoneId);
    if (zoneId.isEmpty() || !s.zone.isValid())
        return invalid(QStringLiteral("time_zone"), QStringLiteral("unknown time zone"));
    if (!parseInstant(o.value(QLatin1String("from")), &s.horizon.start))
        return invalid(
            QStringLiteral("from"), QStringLiteral("expected an ISO-8601 time with an offset"));
    if (!parseInstant(o.value(QLatin1String("until")), &s.horizon.end)
        || s.horizon.end <= s.horizon.start)
        return invalid(QStringLiteral("until"), QStringLiteral("expected a time after 'from'"));
    const QJsonValue wh = o.value(QLatin1String("working_hours"));
    if (!wh.isNull() && !wh.isUndefined()) {
        auto hours = scheduling::WorkingHours::fromJson(wh, QStringLiteral("working_hours"));
        if (!hours)
            return hours.error();
        s.workingHours = *hours;
    }
    const QJsonValue busy = o.value(QLatin1String("busy"));
    if (!busy.isArray() && !busy.isUndefined())
        return invalid(QStringLiteral("busy"), QStringLiteral("expected an array"));
    const QJsonArray a = busy.toArray();
    s.busy.reserve(a.size());
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString path = QStringLiteral("busy[%1]").arg(i);
        const QJsonObject b = a.at(i).toObject();
        BusyInterval bi;
        if (!parseInstant(b.value(QLatin1String("start")), &bi.interval.start))
            return invalid(path + QStringLiteral(".start"),
                QStringLiteral("expected an ISO-8601 time with an offset"));
        if (!parseInstant(b.value(QLatin1String("end")), &bi.interval.end)
            || bi.interval.end <= bi.interval.start)
            return invalid(
                path + QStringLiteral(".end"), QStringLiteral("expected a time after 'start'"));
        const QString status = b.value(QLatin1String("status")).toString(QStringLiteral("busy"));
        if (status == QLatin1String("tentative"))
            bi.status = BusyStatus::Tentative;
        else if (status == QLatin1String("out_of_office"))
            bi.status = BusyStatus::OutOfOffice;
        else // "busy", and any status a later version adds: the safe reading is busy
            bi.status = BusyStatus::Busy;
        s.busy.append(bi);
    }
    // Only a plain address: it becomes an attendee of an invitation (.ics) when booking.
    s.email = o.value(QLatin1String("email")).toString();
    if (!s.email.isEmpty() && !isValidCalAddress(s.email))
        s.email.clear();
    return s;
}

scheduling::Participant toParticipant(const QString &name, const AvailabilitySnapshot &s)
{
    scheduling::Participant p;
    p.name = name;
    p.zone = s.zone;
    p.email = s.email;
    p.workingHours = s.workingHours;
    p.busy = s.busy;
    p.availabilityKnown = true;
    return p;
}

} // namespace kairos::team
