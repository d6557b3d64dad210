#include "model/event.h"

#include "model/zonedtime.h"

#include <QUuid>

namespace kairos {

bool Event::isValid() const
{
    if (allDay)
        return startDate.isValid() && endDate.isValid() && startDate < endDate;
    return start.isValid() && end.isValid() && start <= end;
}

QDateTime Event::startIn(const QTimeZone &viewerZone) const
{
    if (allDay)
        return startOfDay(startDate, viewerZone); // midnight may not exist (America/Santiago)
    return start.toTimeZone(viewerZone);
}

QDateTime Event::endIn(const QTimeZone &viewerZone) const
{
    if (allDay)
        return startOfDay(endDate, viewerZone);
    return end.toTimeZone(viewerZone);
}

Interval Event::interval(const QTimeZone &viewerZone) const
{
    if (allDay)
        return Interval::fromDateTimes(startIn(viewerZone), endIn(viewerZone));
    return Interval::fromDateTimes(start, end);
}

qint64 Event::durationMinutes() const
{
    if (allDay)
        return startDate.daysTo(endDate) * 1440;
    return start.secsTo(end) / 60;
}

QString Event::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString toString(EventStatus s)
{
    switch (s) {
    case EventStatus::Confirmed:
        return QStringLiteral("confirmed");
    case EventStatus::Tentative:
        return QStringLiteral("tentative");
    case EventStatus::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("confirmed");
}

EventStatus eventStatusFromString(const QString &s)
{
    if (s == QLatin1String("tentative"))
        return EventStatus::Tentative;
    if (s == QLatin1String("cancelled"))
        return EventStatus::Cancelled;
    return EventStatus::Confirmed;
}

} // namespace kairos
