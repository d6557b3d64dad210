#pragma once

#include "model/interval.h"

#include <QList>

namespace kairos::scheduling {

//! \brief A normalised list of intervals: sorted by start, non-empty, pairwise disjoint and not
//! touching (touching intervals are merged). Every operation below takes normalised lists and
//! returns a normalised list in one linear merge pass, O(|a| + |b|).
using IntervalList = QList<Interval>;

//! True when `list` is normalised (see IntervalList).
bool isNormalized(const IntervalList &list);
//! Sorts and merges arbitrary intervals into a normalised list (O(n log n); O(n) if sorted).
IntervalList normalized(IntervalList list);

//! a ∪ b.
IntervalList unite(const IntervalList &a, const IntervalList &b);
//! a ∩ b.
IntervalList intersect(const IntervalList &a, const IntervalList &b);
//! window \ a: the gaps of `a` inside `window`.
IntervalList complement(const IntervalList &a, Interval window);
//! a \ b.
IntervalList subtract(const IntervalList &a, const IntervalList &b);
//! a ∩ {window}.
IntervalList clipped(const IntervalList &a, Interval window);
//! ∩ of all lists (the whole time line for an empty list of lists is not representable, so an
//! empty `lists` gives an empty result). Smallest lists first keeps intermediate results small.
IntervalList intersectAll(QList<IntervalList> lists);
//! Total length covered, in ms.
qint64 totalLength(const IntervalList &a);

} // namespace kairos::scheduling
