#include "model/event.h"

#include "model/zonedtime.h"

#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>

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
    // A version 4 UUID from the securely seeded global generator. QUuid::createUuid() asks the
    // CPU (RDRAND) for every one, which is slow on virtual machines: a tenth of the time to
    // store a large import went there.
    quint64 bits[2];
    QRandomGenerator::global()->fillRange(bits);
    QByteArray raw(reinterpret_cast<const char *>(bits), sizeof bits);
    raw[6] = char((raw[6] & 0x0F) | 0x40); // version 4
    raw[8] = char((raw[8] & 0x3F) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(raw).toString(QUuid::WithoutBraces);
}

QList<int> normalizeReminders(QList<int> minutes)
{
    minutes.removeIf([](int m) { return m < 0 || m > kMaxReminderMinutes; });
    std::sort(minutes.begin(), minutes.end());
    minutes.erase(std::unique(minutes.begin(), minutes.end()), minutes.end());
    return minutes;
}

QString remindersToString(const QList<int> &minutes)
{
    QString out;
    for (int m : minutes) {
        if (!out.isEmpty())
            out += QLatin1Char(',');
        out += QString::number(m);
    }
    return out;
}

QList<int> remindersFromString(QStringView text)
{
    QList<int> out;
    for (QStringView part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int m = part.toInt(&ok);
        if (ok)
            out << m;
    }
    return normalizeReminders(out);
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
