#include "scheduling/workinghours.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace kairos::scheduling {

namespace {
constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kDay = 24 * 60 * kMinute;

qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}

// Parses "HH:MM" into minutes; `allow24` accepts "24:00".
int parseClock(QStringView s, bool allow24)
{
    if (s.size() != 5 || s[2] != QLatin1Char(':'))
        return -1;
    for (int i : { 0, 1, 3, 4 })
        if (!s[i].isDigit())
            return -1;
    const int h = s.left(2).toInt();
    const int m = s.mid(3, 2).toInt();
    if (m > 59)
        return -1;
    if (h == 24 && m == 0 && allow24)
        return 1440;
    if (h > 23)
        return -1;
    return h * 60 + m;
}

QString clockText(int minutes)
{
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

Expected<TimeRange> TimeRange::parse(QStringView text)
{
    const QStringView t = text.trimmed();
    const qsizetype dash = t.indexOf(QLatin1Char('-'));
    if (dash < 0)
        return makeError(Error::Code::InvalidInput,
            QStringLiteral("expected \"HH:MM-HH:MM\", got \"%1\"").arg(text));
    const int s = parseClock(t.left(dash).trimmed(), false);
    const int e = parseClock(t.mid(dash + 1).trimmed(), true);
    if (s < 0 || e < 0)
        return makeError(Error::Code::InvalidInput,
            QStringLiteral("expected \"HH:MM-HH:MM\" (00:00 to 24:00), got \"%1\"").arg(text));
    if (s == e)
        return makeError(Error::Code::InvalidInput,
            QStringLiteral("empty range \"%1\" (start equals end)").arg(text));
    return TimeRange { s, e > s ? e : e + 1440 };
}

QString TimeRange::toString() const
{
    const int end = endMinute > 1440 ? endMinute - 1440 : endMinute;
    return clockText(startMinute) + QLatin1Char('-') + clockText(end);
}

WorkingHours WorkingHours::none()
{
    WorkingHours h;
    h.m_unrestricted = false;
    return h;
}

WorkingHours WorkingHours::weekdays(const QList<TimeRange> &ranges)
{
    WorkingHours h = none();
    for (int d = Qt::Monday; d <= Qt::Friday; ++d)
        h.setRanges(Qt::DayOfWeek(d), ranges);
    return h;
}

void WorkingHours::setRanges(Qt::DayOfWeek day, QList<TimeRange> ranges)
{
    m_unrestricted = false;
    m_days[size_t(day) - 1] = std::move(ranges);
}

QString weekdayKey(Qt::DayOfWeek day)
{
    static const char *const keys[] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };
    return QString::fromLatin1(keys[int(day) - 1]);
}

Expected<WorkingHours> WorkingHours::fromJson(const QJsonValue &value, const QString &fieldPath)
{
    if (!value.isObject())
        return makeError(Error::Code::InvalidInput,
            fieldPath + QStringLiteral(": expected an object like {\"mon\": [\"09:00-17:00\"]}"));
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        bool known = false;
        for (int d = Qt::Monday; d <= Qt::Sunday; ++d)
            known = known || it.key() == weekdayKey(Qt::DayOfWeek(d));
        if (!known)
            return makeError(Error::Code::InvalidInput,
                fieldPath + QLatin1Char('.') + it.key()
                    + QStringLiteral(": unknown day (use mon, tue, wed, thu, fri, sat, sun)"));
    }
    WorkingHours h = none();
    for (int d = Qt::Monday; d <= Qt::Sunday; ++d) {
        const QString key = weekdayKey(Qt::DayOfWeek(d));
        if (!o.contains(key))
            continue;
        const QString dayPath = fieldPath + QLatin1Char('.') + key;
        const QJsonValue v = o.value(key);
        if (!v.isArray())
            return makeError(Error::Code::InvalidInput,
                dayPath + QStringLiteral(": expected an array of \"HH:MM-HH:MM\" strings"));
        QList<TimeRange> ranges;
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString itemPath = dayPath + QStringLiteral("[%1]").arg(i);
            if (!a[i].isString())
                return makeError(Error::Code::InvalidInput,
                    itemPath + QStringLiteral(": expected a string \"HH:MM-HH:MM\""));
            auto r = TimeRange::parse(a[i].toString());
            if (!r)
                return makeError(
                    Error::Code::InvalidInput, itemPath + QStringLiteral(": ") + r.error().message);
            ranges.append(*r);
        }
        h.setRanges(Qt::DayOfWeek(d), ranges);
    }
    return h;
}

QJsonValue WorkingHours::toJson() const
{
    if (m_unrestricted)
        return QJsonValue(QJsonValue::Null);
    QJsonObject o;
    for (int d = Qt::Monday; d <= Qt::Sunday; ++d) {
        const auto &rs = ranges(Qt::DayOfWeek(d));
        if (rs.isEmpty())
            continue;
        QJsonArray a;
        for (const TimeRange &r : rs)
            a.append(r.toString());
        o.insert(weekdayKey(Qt::DayOfWeek(d)), a);
    }
    return o;
}

QList<OffsetSegment> offsetSegments(const QTimeZone &zone, Interval window)
{
    QList<OffsetSegment> out;
    if (window.isEmpty())
        return out;
    const QDateTime from = QDateTime::fromMSecsSinceEpoch(window.start, Qt::UTC);
    qint64 cursor = window.start;
    int offset = zone.offsetFromUtc(from);
    if (zone.hasTransitions()) {
        const QDateTime to = QDateTime::fromMSecsSinceEpoch(window.end, Qt::UTC);
        const QTimeZone::OffsetDataList transitions = zone.transitions(from, to);
        for (const QTimeZone::OffsetData &t : transitions) {
            const qint64 at = t.atUtc.toMSecsSinceEpoch();
            if (at <= cursor || at >= window.end || t.offsetFromUtc == offset) {
                if (at <= cursor)
                    offset = t.offsetFromUtc; // a transition exactly at the window start
                continue;
            }
            out.append({ { cursor, at }, offset });
            cursor = at;
            offset = t.offsetFromUtc;
        }
    }
    out.append({ { cursor, window.end }, offset });
    return out;
}

IntervalList workingHoursToUtc(
    const WorkingHours &hours, const QList<OffsetSegment> &segments, Interval window)
{
    if (window.isEmpty())
        return {};
    if (hours.isUnrestricted())
        return { window };
    int minOffset = segments.isEmpty() ? 0 : segments.first().offsetSeconds;
    int maxOffset = minOffset;
    for (const OffsetSegment &s : segments) {
        minOffset = std::min(minOffset, s.offsetSeconds);
        maxOffset = std::max(maxOffset, s.offsetSeconds);
    }
    // Working hours on the participant's wall-clock line ("local ms": wall time read as UTC),
    // one day before and after so overnight ranges and offsets are covered.
    const qint64 firstDay = floorDiv(window.start + qint64(minOffset) * 1000, kDay) - 1;
    const qint64 lastDay = floorDiv(window.end + qint64(maxOffset) * 1000, kDay) + 1;
    IntervalList local;
    local.reserve((lastDay - firstDay + 1) * 2);
    for (qint64 day = firstDay; day <= lastDay; ++day) {
        // 1970-01-01 (day 0) was a Thursday.
        const int dow = int(((day % 7) + 7 + 3) % 7) + 1;
        for (const TimeRange &r : hours.ranges(Qt::DayOfWeek(dow))) {
            const Interval i { day * kDay + r.startMinute * kMinute,
                day * kDay + r.endMinute * kMinute };
            local.append(i);
        }
    }
    local = normalized(std::move(local));

    // Each constant-offset segment maps its wall-clock span back to UTC by subtracting the
    // offset; the pieces come out in UTC order because the segments do.
    IntervalList out;
    for (const OffsetSegment &seg : segments) {
        const qint64 o = qint64(seg.offsetSeconds) * 1000;
        const qint64 lo = seg.span.start + o;
        const qint64 hi = seg.span.end + o;
        auto it = std::lower_bound(local.cbegin(), local.cend(), lo,
            [](const Interval &i, qint64 t) { return i.end <= t; });
        for (; it != local.cend() && it->start < hi; ++it) {
            const Interval piece { std::max(it->start, lo) - o, std::min(it->end, hi) - o };
            if (piece.isEmpty())
                continue;
            if (!out.isEmpty() && piece.start <= out.last().end)
                out.last().end = std::max(out.last().end, piece.end);
            else
                out.append(piece);
        }
    }
    return out;
}

IntervalList WorkingHours::toUtc(const QTimeZone &zone, Interval window) const
{
    if (m_unrestricted)
        return window.isEmpty() ? IntervalList {} : IntervalList { window };
    return workingHoursToUtc(*this, offsetSegments(zone, window), window);
}

} // namespace kairos::scheduling
