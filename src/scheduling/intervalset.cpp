#include "scheduling/intervalset.h"

#include <algorithm>

namespace kairos::scheduling {

namespace {
// Appends i to out, merging with the last element when they overlap or touch.
inline void appendMerged(IntervalList &out, const Interval &i)
{
    if (i.isEmpty())
        return;
    if (!out.isEmpty() && i.start <= out.last().end)
        out.last().end = std::max(out.last().end, i.end);
    else
        out.append(i);
}
} // namespace

bool isNormalized(const IntervalList &list)
{
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list[i].isEmpty())
            return false;
        if (i > 0 && list[i].start <= list[i - 1].end)
            return false;
    }
    return true;
}

IntervalList normalized(IntervalList list)
{
    if (!std::is_sorted(list.cbegin(), list.cend(),
            [](const Interval &x, const Interval &y) { return x.start < y.start; }))
        std::sort(list.begin(), list.end(),
            [](const Interval &x, const Interval &y) { return x.start < y.start; });
    IntervalList out;
    out.reserve(list.size());
    for (const Interval &i : std::as_const(list))
        appendMerged(out, i);
    return out;
}

IntervalList unite(const IntervalList &a, const IntervalList &b)
{
    IntervalList out;
    out.reserve(a.size() + b.size());
    qsizetype i = 0, j = 0;
    while (i < a.size() || j < b.size()) {
        if (j == b.size() || (i < a.size() && a[i].start <= b[j].start))
            appendMerged(out, a[i++]);
        else
            appendMerged(out, b[j++]);
    }
    return out;
}

IntervalList intersect(const IntervalList &a, const IntervalList &b)
{
    IntervalList out;
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const Interval x = a[i].intersected(b[j]);
        if (!x.isEmpty())
            out.append(x); // inputs are disjoint, so pieces never touch
        if (a[i].end < b[j].end)
            ++i;
        else
            ++j;
    }
    return out;
}

IntervalList complement(const IntervalList &a, Interval window)
{
    IntervalList out;
    qint64 cursor = window.start;
    for (const Interval &i : a) {
        if (i.end <= cursor)
            continue;
        if (i.start >= window.end)
            break;
        if (i.start > cursor)
            out.append({ cursor, i.start });
        cursor = std::max(cursor, i.end);
    }
    if (cursor < window.end)
        out.append({ cursor, window.end });
    return out;
}

IntervalList subtract(const IntervalList &a, const IntervalList &b)
{
    IntervalList out;
    qsizetype j = 0;
    for (const Interval &x : a) {
        qint64 cursor = x.start;
        while (j < b.size() && b[j].end <= cursor)
            ++j;
        qsizetype k = j;
        while (k < b.size() && b[k].start < x.end) {
            if (b[k].start > cursor)
                out.append({ cursor, b[k].start });
            cursor = std::max(cursor, b[k].end);
            ++k;
        }
        if (cursor < x.end)
            out.append({ cursor, x.end });
    }
    return out;
}

IntervalList clipped(const IntervalList &a, Interval window)
{
    IntervalList out;
    auto it = std::lower_bound(
        a.cbegin(), a.cend(), window.start, [](const Interval &i, qint64 t) { return i.end <= t; });
    for (; it != a.cend() && it->start < window.end; ++it) {
        const Interval x = it->intersected(window);
        if (!x.isEmpty())
            out.append(x);
    }
    return out;
}

IntervalList intersectAll(QList<IntervalList> lists)
{
    if (lists.isEmpty())
        return {};
    std::sort(lists.begin(), lists.end(),
        [](const IntervalList &x, const IntervalList &y) { return x.size() < y.size(); });
    IntervalList acc = lists.first();
    for (qsizetype i = 1; i < lists.size() && !acc.isEmpty(); ++i)
        acc = intersect(acc, lists[i]);
    return acc;
}

qint64 totalLength(const IntervalList &a)
{
    qint64 sum = 0;
    for (const Interval &i : a)
        sum += i.length();
    return sum;
}

} // namespace kairos::scheduling
