#pragma once

#include <QDateTime>
#include <QList>
#include <QtGlobal>

namespace kairos {

//! \brief A half-open span of absolute time [start, end) in milliseconds since the epoch (UTC).
struct Interval {
    qint64 start = 0;
    qint64 end = 0;

    static Interval fromDateTimes(const QDateTime &s, const QDateTime &e)
    {
        return { s.toMSecsSinceEpoch(), e.toMSecsSinceEpoch() };
    }
    bool isEmpty() const { return end <= start; }
    qint64 length() const { return end - start; }
    bool overlaps(const Interval &o) const { return start < o.end && o.start < end; }
    bool contains(qint64 t) const { return start <= t && t < end; }
    bool contains(const Interval &o) const { return start <= o.start && o.end <= end; }
    Interval intersected(const Interval &o) const
    {
        return { qMax(start, o.start), qMin(end, o.end) };
    }
    QDateTime startUtc() const { return QDateTime::fromMSecsSinceEpoch(start, Qt::UTC); }
    QDateTime endUtc() const { return QDateTime::fromMSecsSinceEpoch(end, Qt::UTC); }
    friend bool operator==(const Interval &, const Interval &) = default;
    friend auto operator<=>(const Interval &, const Interval &) = default;
};

//! Sorts and merges overlapping or touching intervals; drops empty ones.
QList<Interval> mergeIntervals(QList<Interval> intervals);

} // namespace kairos
