#include "team/availabilitytext.h"

#include <QLocale>

namespace kairos {

QString AvailabilityText::age(const team::Staleness &s)
{
    if (s.days == 1)
        return tr("1 day ago");
    if (s.days > 1)
        return tr("%1 days ago").arg(s.days);
    if (s.hours == 1)
        return tr("1 hour ago");
    if (s.hours > 1)
        return tr("%1 hours ago").arg(s.hours);
    return tr("just now");
}

QString AvailabilityText::note(const team::MemberAvailability &m, const team::Staleness &s)
{
    if (s.isMissing())
        return m.self ? tr("You are not sharing your availability in this room")
                      : tr("%1 has not shared availability").arg(m.name);
    QStringList parts;
    if (s.isStale()) {
        parts << (m.self ? tr("Your availability is from %1").arg(age(s))
                         : tr("%1's availability is from %2").arg(m.name, age(s)));
    }
    if (s.partial) {
        const QString until
            = QLocale().toString(s.knownUntil.toLocalTime().date(), QLocale::ShortFormat);
        parts << tr("%1's availability is only known until %2").arg(m.name, until);
    }
    return parts.join(QStringLiteral(" · "));
}

QString AvailabilityText::status(scheduling::BusyStatus status)
{
    switch (status) {
    case scheduling::BusyStatus::Tentative:
        return tr("tentative");
    case scheduling::BusyStatus::OutOfOffice:
        return tr("out of office");
    case scheduling::BusyStatus::Busy:
        break;
    }
    return tr("busy");
}

QString AvailabilityText::city(const QTimeZone &zone)
{
    const QString id = QString::fromLatin1(zone.id());
    const QString last = id.section(QLatin1Char('/'), -1);
    return last.isEmpty() ? id : QString(last).replace(QLatin1Char('_'), QLatin1Char(' '));
}

} // namespace kairos
