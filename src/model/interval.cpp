#include "model/interval.h"

#include <algorithm>

namespace kairos {

QList<Interval> mergeIntervals(QList<Interval> in)
{
    in.erase(std::remove_if(in.begin(), in.end(), [](const Interval &i) { return i.isEmpty(); }),
             in.end());
    std::sort(in.begin(), in.end());
    QList<Interval> out;
    out.reserve(in.size());
    for (const Interval &i : in) {
        if (!out.isEmpty() && i.start <= out.last().end)
            out.last().end = qMax(out.last().end, i.end);
        else
            out.append(i);
    }
    return out;
}

} // namespace kairos
