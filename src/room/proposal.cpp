#include "room/proposal.h"

#include "core/caladdress.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace kairos::room {

namespace {

QString iso(const QDateTime &dt)
{
    return dt.toUTC().toString(Qt::ISODateWithMs);
}

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    const QJsonArray a = v.toArray();
    for (const QJsonValue &x : a) {
        const QString s = x.toString().trimmed();
        if (!s.isEmpty())
            out.append(s);
    }
    return out;
}

} // namespace

QJsonObject MeetingProposal::toJson() const
{
    QJsonObject o { { QStringLiteral("v"), 1 }, { QStringLiteral("uid"), uid },
        { QStringLiteral("title"), title }, { QStringLiteral("start"), iso(start) },
        { QStringLiteral("end"), iso(end) },
        { QStringLiteral("zone"), QString::fromLatin1(zone.id()) },
        { QStringLiteral("organizer"), organizer },
        { QStringLiteral("attendees"), QJsonArray::fromStringList(attendees) },
        { QStringLiteral("sequence"), sequence } };
    if (!optional.isEmpty())
        o.insert(QStringLiteral("optional"), QJsonArray::fromStringList(optional));
    if (!organizerEmail.isEmpty())
        o.insert(QStringLiteral("organizer_email"), organizerEmail);
    if (!location.isEmpty())
        o.insert(QStringLiteral("location"), location);
    return o;
}

std::optional<MeetingProposal> MeetingProposal::fromJson(const QJsonObject &o)
{
    MeetingProposal p;
    p.uid = o.value(QLatin1String("uid")).toString().trimmed();
    if (p.uid.isEmpty() || p.uid.size() > 255)
        return std::nullopt;
    p.title = o.value(QLatin1String("title")).toString();
    p.start = QDateTime::fromString(o.value(QLatin1String("start")).toString(), Qt::ISODateWithMs);
    p.end = QDateTime::fromString(o.value(QLatin1String("end")).toString(), Qt::ISODateWithMs);
    // Times must carry an offset (Z or ±HH:MM): a local time would mean something else on
    // every member's computer.
    if (!p.start.isValid() || !p.end.isValid() || p.start.timeSpec() == Qt::LocalTime
        || p.end.timeSpec() == Qt::LocalTime)
        return std::nullopt;
    p.start = p.start.toUTC();
    p.end = p.end.toUTC();
    if (p.end <= p.start)
        return std::nullopt;
    const QByteArray zone = o.value(QLatin1String("zone")).toString().toLatin1();
    p.zone = zone.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(zone) ? QTimeZone::utc()
                                                                       : QTimeZone(zone);
    p.organizer = o.value(QLatin1String("organizer")).toString();
    p.organizerEmail = o.value(QLatin1String("organizer_email")).toString();
    if (!p.organizerEmail.isEmpty() && !isValidCalAddress(p.organizerEmail))
        p.organizerEmail.clear(); // it would go into the invitation (.ics)
    p.attendees = strings(o.value(QLatin1String("attendees")));
    p.optional = strings(o.value(QLatin1String("optional")));
    p.location = o.value(QLatin1String("location")).toString();
    p.sequence = qMax(0, o.value(QLatin1String("sequence")).toInt());
    return p;
}

std::optional<MeetingProposal> MeetingProposal::fromMessageText(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    return fromJson(doc.object());
}

} // namespace kairos::room
