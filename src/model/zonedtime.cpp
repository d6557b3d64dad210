#include "model/zonedtime.h"

#include <limits>

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
        const int before
            = zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(local - 48 * kHour, Qt::UTC));
        const int after
            = zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(local + 48 * kHour, Qt::UTC));
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

ZoneOffsets::ZoneOffsets(QTimeZone zone)
    : m_zone(std::move(zone))
{ }

int ZoneOffsets::offsetSecs(qint64 ms)
{
    if (m_last >= 0) {
        const Span &s = m_spans.at(m_last);
        if (ms >= s.from && ms < s.to)
            return s.offset;
    }
    for (qsizetype i = 0; i < m_spans.size(); ++i) {
        const Span &s = m_spans.at(i);
        if (ms >= s.from && ms < s.to) {
            m_last = i;
            return s.offset;
        }
    }
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    const int offset = m_zone.offsetFromUtc(at);
    // The offset holds from here to the next transition (none: for good). Spans only reach
    // forward from an instant actually asked, so a transition exactly at `ms` is never missed.
    const QTimeZone::OffsetData next = m_zone.nextTransition(at);
    const qint64 to = next.atUtc.isValid() ? next.atUtc.toMSecsSinceEpoch()
                                           : std::numeric_limits<qint64>::max();
    if (to > ms) {
        m_spans.append({ ms, to, offset });
        m_last = m_spans.size() - 1;
    }
    return offset;
}

QString ZoneOffsets::isoWithOffset(qint64 ms)
{
    const int offset = offsetSecs(ms);
    const qint64 local = ms + qint64(offset) * 1000;
    constexpr qint64 kDay = 86400000;
    qint64 day = local / kDay;
    qint64 rem = local % kDay;
    if (rem < 0) {
        rem += kDay;
        --day;
    }
    const QDate date = QDate::fromJulianDay(day + 2440588); // 1970-01-01
    const int secs = int(rem / 1000);
    const int off = qAbs(offset) / 60;
    int year = date.year();
    if (year < 0 || year > 9999) // outside what ISO-8601's four digits hold: Qt's own text
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
            .toOffsetFromUtc(offset)
            .toString(Qt::ISODate);
    // "YYYY-MM-DDTHH:MM:SS+HH:MM", by hand (snprintf was a tenth of a month's listing).
    char16_t buf[25];
    auto two = [&buf](int at, int v) {
        buf[at] = char16_t(u'0' + v / 10);
        buf[at + 1] = char16_t(u'0' + v % 10);
    };
    two(0, year / 100);
    two(2, year % 100);
    buf[4] = u'-';
    two(5, date.month());
    buf[7] = u'-';
    two(8, date.day());
    buf[10] = u'T';
    two(11, secs / 3600);
    buf[13] = u':';
    two(14, (secs / 60) % 60);
    buf[16] = u':';
    two(17, secs % 60);
    buf[19] = offset < 0 ? u'-' : u'+';
    two(20, off / 60);
    buf[22] = u':';
    two(23, off % 60);
    return QString(reinterpret_cast<const QChar *>(buf), 25);
}

} // namespace kairos
