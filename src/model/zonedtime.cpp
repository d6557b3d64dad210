#include "model/zonedtime.h"

#include <QList>

#include <algorithm>

namespace kairos {

namespace {
constexpr qint64 kHour = 3600 * 1000;
}

LocalTimeResolution resolveLocalTime(QDate date, QTime time, const QTimeZone &zone)
{
    LocalTimeResolution r;
    if (!date.isValid() || !time.isValid() || !zone.isValid())
        return r;

    // The wall time as if it were UTC; a real instant is `local - offset` for an offset the
    // zone actually has at that instant. Offsets in use nearby (±2 days) are the candidates.
    const qint64 local = QDateTime(date, time, Qt::UTC).toMSecsSinceEpoch();
    QList<int> offsets;
    for (qint64 probe : { -48 * kHour, -14 * kHour, 0LL, 14 * kHour, 48 * kHour }) {
        const int o = zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(local + probe, Qt::UTC));
        if (!offsets.contains(o))
            offsets.append(o);
    }

    QList<qint64> instants;
    for (int o : offsets) {
        const qint64 u = local - qint64(o) * 1000;
        if (zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(u, Qt::UTC)) == o
            && !instants.contains(u))
            instants.append(u);
    }
    std::sort(instants.begin(), instants.end());

    if (instants.size() == 1) {
        r.kind = LocalTimeResolution::Kind::Normal;
        r.resolved = QDateTime::fromMSecsSinceEpoch(instants.first(), zone);
    } else if (instants.size() >= 2) {
        r.kind = LocalTimeResolution::Kind::Fold;
        r.resolved = QDateTime::fromMSecsSinceEpoch(instants.first(), zone);
        r.alternative = QDateTime::fromMSecsSinceEpoch(instants.last(), zone);
        r.shiftSeconds = int((instants.last() - instants.first()) / 1000);
    } else {
        // A gap: read the wall time with the offset in force before the transition; the
        // resulting instant lies after the transition, i.e. the wall time moves forward.
        const int before = zone.offsetFromUtc(
                QDateTime::fromMSecsSinceEpoch(local - 48 * kHour, Qt::UTC));
        const int after = zone.offsetFromUtc(
                QDateTime::fromMSecsSinceEpoch(local + 48 * kHour, Qt::UTC));
        const qint64 u = local - qint64(before) * 1000;
        r.kind = LocalTimeResolution::Kind::Gap;
        r.resolved = QDateTime::fromMSecsSinceEpoch(u, zone);
        r.shiftSeconds = after - before;
    }
    return r;
}

QDateTime zonedDateTime(QDate date, QTime time, const QTimeZone &zone)
{
    return resolveLocalTime(date, time, zone).resolved;
}

QDateTime startOfDay(QDate date, const QTimeZone &zone)
{
    return zonedDateTime(date, QTime(0, 0), zone);
}

} // namespace kairos
