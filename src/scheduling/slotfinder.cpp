#include "scheduling/slotfinder.h"

#include "core/logging.h"

#include <QHash>

#include <algorithm>
#include <numeric>
#include <vector>

namespace kairos::scheduling {

namespace {
constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kDay = 24 * 60 * kMinute;
//! A bound on the grid so a silly request (a year at one-minute steps with many people) fails
//! clearly instead of allocating gigabytes.
constexpr qint64 kMaxGrid = 4'000'000;

qint64 floorDiv(qint64 a, qint64 b)
{
    qint64 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}
qint64 ceilDiv(qint64 a, qint64 b)
{
    return -floorDiv(-a, b);
}

//! Candidate starts origin + k·step, k in [0, count).
struct Grid {
    qint64 origin = 0;
    qint64 step = 1;
    qint64 duration = 0;
    int count = 0;

    qint64 start(int k) const { return origin + qint64(k) * step; }
    std::pair<int, int> clamp(qint64 lo, qint64 hi) const
    {
        lo = std::clamp<qint64>(lo, 0, count);
        hi = std::clamp<qint64>(hi, 0, count);
        return { int(lo), int(std::max(lo, hi)) };
    }
    //! Starts whose slot [s, s + duration) overlaps b.
    std::pair<int, int> overlapping(const Interval &b) const
    {
        return clamp(
            floorDiv(b.start - duration - origin, step) + 1, ceilDiv(b.end - origin, step));
    }
    //! Starts whose slot lies inside a.
    std::pair<int, int> containedIn(qint64 a, qint64 b) const
    {
        return clamp(ceilDiv(a - origin, step), floorDiv(b - duration - origin, step) + 1);
    }
};

struct Counters {
    qint32 requiredUnavailable = 0; // blocked or outside hours
    qint32 requiredOutside = 0;
    qint32 requiredTentative = 0;
    qint32 optionalNotFree = 0;
    qint32 optionalOutside = 0;
    qint32 optionalTentative = 0;
    qint32 edge = 0;
};

struct Diff {
    qint32 busy = 0;
    qint32 ooo = 0;
    qint32 tentative = 0;
    qint32 inside = 0;
    qint32 edge = 0;
};

struct ParticipantStats {
    bool anyInside = false;
    bool anyFit = false;
    bool anyInsideWithoutOoo = false;
};

bool isBlocking(BusyStatus s, const SlotOptions &o)
{
    return s != BusyStatus::Tentative || o.tentativeBlocks;
}

Expected<void> validate(const SlotRequest &r)
{
    if (r.window.isEmpty())
        return makeError(
            Error::Code::InvalidInput, QStringLiteral("window: the end must be after the start"));
    if (r.durationMs <= 0)
        return makeError(
            Error::Code::InvalidInput, QStringLiteral("duration_minutes: must be positive"));
    if (r.granularityMs <= 0)
        return makeError(
            Error::Code::InvalidInput, QStringLiteral("granularity_minutes: must be positive"));
    for (qsizetype i = 0; i < r.participants.size(); ++i)
        if (!r.participants[i].zone.isValid())
            return makeError(Error::Code::InvalidInput,
                QStringLiteral("participants[%1].time_zone: invalid time zone").arg(i));
    return {};
}

//! Working hours in UTC for every participant; zones are resolved once per distinct zone.
QList<IntervalList> hoursInUtc(const SlotRequest &r)
{
    QHash<QByteArray, QList<OffsetSegment>> segmentsByZone;
    QList<IntervalList> out;
    out.reserve(r.participants.size());
    for (const Participant &p : r.participants) {
        if (p.workingHours.isUnrestricted()) {
            out.append({ r.window });
            continue;
        }
        auto it = segmentsByZone.find(p.zone.id());
        if (it == segmentsByZone.end())
            it = segmentsByZone.insert(p.zone.id(), offsetSegments(p.zone, r.window));
        out.append(workingHoursToUtc(p.workingHours, *it, r.window));
    }
    return out;
}

SlotReason buildReason(const SlotRequest &r, const SlotOptions &o, const QList<IntervalList> &hours,
    const Interval &slot)
{
    using A = ParticipantSlotInfo::Availability;
    SlotReason reason;
    reason.participants.reserve(r.participants.size());
    const qint64 edge = qint64(o.edgeMinutes) * kMinute;
    // Zoned QDateTimes are costly to build; participants mostly share a handful of zones.
    QHash<QByteArray, std::pair<QDateTime, QDateTime>> localTimes;
    for (qsizetype i = 0; i < r.participants.size(); ++i) {
        const Participant &p = r.participants[i];
        ParticipantSlotInfo info;
        info.participant = int(i);
        info.name = p.name;
        info.required = p.required;
        auto lt = localTimes.find(p.zone.id());
        if (lt == localTimes.end())
            lt = localTimes.insert(p.zone.id(),
                { QDateTime::fromMSecsSinceEpoch(slot.start, p.zone),
                    QDateTime::fromMSecsSinceEpoch(slot.end, p.zone) });
        info.localStart = lt->first;
        info.localEnd = lt->second;
        if (!p.availabilityKnown) {
            info.availability = A::Unknown;
            info.insideWorkingHours = false;
            ++reason.unknown;
            reason.participants.append(info);
            continue;
        }
        bool busy = false, ooo = false, tentative = false;
        for (const BusyInterval &b : p.busy) {
            if (!b.interval.overlaps(slot))
                continue;
            busy = busy || b.status == BusyStatus::Busy;
            ooo = ooo || b.status == BusyStatus::OutOfOffice;
            tentative = tentative || b.status == BusyStatus::Tentative;
        }
        info.availability = ooo ? A::OutOfOffice
            : busy              ? A::Busy
            : tentative         ? A::Tentative
                                : A::Free;
        const IntervalList &h = hours[i];
        auto it = std::upper_bound(h.cbegin(), h.cend(), slot.start,
            [](qint64 t, const Interval &x) { return t < x.end; });
        info.insideWorkingHours = it != h.cend() && it->contains(slot);
        if (info.insideWorkingHours && !p.workingHours.isUnrestricted())
            info.atEdgeOfDay = slot.start < it->start + edge || slot.end > it->end - edge;
        const bool blocked = busy || ooo || (tentative && o.tentativeBlocks);
        const bool softTentative = tentative && !busy && !ooo && !o.tentativeBlocks;
        if (p.required) {
            reason.requiredUnavailable += (blocked || !info.insideWorkingHours) ? 1 : 0;
            reason.requiredTentative += softTentative ? 1 : 0;
        } else {
            reason.optionalNotFree += blocked ? 1 : 0;
            reason.optionalOutsideHours += info.insideWorkingHours ? 0 : 1;
            reason.optionalTentative += softTentative ? 1 : 0;
        }
        reason.atEdgeOfDay += info.atEdgeOfDay ? 1 : 0;
        reason.participants.append(info);
    }
    reason.feasible = reason.requiredUnavailable == 0;
    return reason;
}

} // namespace

bool SlotReason::everyoneFree() const
{
    return std::all_of(
        participants.cbegin(), participants.cend(), [](const ParticipantSlotInfo &i) {
            return i.availability == ParticipantSlotInfo::Availability::Free
                || i.availability == ParticipantSlotInfo::Availability::Unknown;
        });
}

bool SlotReason::everyoneInsideWorkingHours() const
{
    return std::all_of(
        participants.cbegin(), participants.cend(), [](const ParticipantSlotInfo &i) {
            return i.insideWorkingHours
                || i.availability == ParticipantSlotInfo::Availability::Unknown;
        });
}

QStringList Slot::attendees() const
{
    QStringList names;
    for (const ParticipantSlotInfo &i : reason.participants) {
        const bool blocked = i.availability == ParticipantSlotInfo::Availability::Busy
            || i.availability == ParticipantSlotInfo::Availability::OutOfOffice;
        if (i.availability == ParticipantSlotInfo::Availability::Unknown
            || (!blocked && i.insideWorkingHours))
            names.append(i.name);
    }
    return names;
}

SlotReason SlotFinder::describe(
    const SlotRequest &request, qint64 start, const SlotOptions &options)
{
    return buildReason(
        request, options, hoursInUtc(request), { start, start + request.durationMs });
}

QList<SlotReason> SlotFinder::describe(
    const SlotRequest &request, const QList<qint64> &starts, const SlotOptions &options)
{
    const QList<IntervalList> hours = hoursInUtc(request);
    QList<SlotReason> out;
    out.reserve(starts.size());
    for (qint64 s : starts)
        out.append(buildReason(request, options, hours, { s, s + request.durationMs }));
    return out;
}

IntervalList SlotFinder::commonFreeTime(const SlotRequest &request, const SlotOptions &options)
{
    if (request.window.isEmpty())
        return {};
    const QList<IntervalList> hours = hoursInUtc(request);
    QList<IntervalList> free;
    for (qsizetype i = 0; i < request.participants.size(); ++i) {
        const Participant &p = request.participants[i];
        if (!p.required || !p.availabilityKnown)
            continue;
        IntervalList blocking;
        blocking.reserve(p.busy.size());
        for (const BusyInterval &b : p.busy)
            if (isBlocking(b.status, options))
                blocking.append(b.interval);
        free.append(subtract(hours[i], normalized(std::move(blocking))));
    }
    if (free.isEmpty())
        return { request.window };
    return intersectAll(std::move(free));
}

Expected<SlotResult> SlotFinder::find(const SlotRequest &r, const SlotOptions &o)
{
    if (auto v = validate(r); !v)
        return v.error();
    SlotResult result;
    const qint64 span = r.window.length() - r.durationMs;
    if (span < 0) {
        result.explanation.kind = NoSlotExplanation::Kind::EmptyWindow;
        return result;
    }
    const qint64 gridCount = span / r.granularityMs + 1;
    if (gridCount > kMaxGrid)
        return makeError(Error::Code::InvalidInput,
            QStringLiteral("granularity_minutes: %1 candidate starts is too many; use a "
                           "coarser granularity or a shorter window")
                .arg(gridCount));
    Grid grid { r.window.start, r.granularityMs, r.durationMs, int(gridCount) };
    const int G = grid.count;
    result.candidateCount = G;

    const QList<IntervalList> hours = hoursInUtc(r);
    const qint64 edge = qint64(std::max(0, o.edgeMinutes)) * kMinute;

    std::vector<Counters> counters(static_cast<size_t>(G));
    std::vector<Diff> diff(static_cast<size_t>(G) + 1);
    QList<int> required; // indices of required participants with known availability
    QList<ParticipantStats> stats(r.participants.size());
    // Per-start "inside hours" of required participants, to name a pair whose hours never meet.
    constexpr int kMaxPairCheck = 32;
    std::vector<std::vector<bool>> requiredInside;

    for (qsizetype pi = 0; pi < r.participants.size(); ++pi) {
        const Participant &p = r.participants[pi];
        if (!p.availabilityKnown)
            continue;
        std::fill(diff.begin(), diff.end(), Diff {});
        for (const BusyInterval &b : p.busy) {
            const auto [lo, hi] = grid.overlapping(b.interval);
            if (lo >= hi)
                continue;
            qint32 Diff::*field = b.status == BusyStatus::Busy ? &Diff::busy
                : b.status == BusyStatus::OutOfOffice          ? &Diff::ooo
                                                               : &Diff::tentative;
            ++(diff[size_t(lo)].*field);
            --(diff[size_t(hi)].*field);
        }
        const bool markEdges = !p.workingHours.isUnrestricted() && edge > 0;
        for (const Interval &h : hours[pi]) {
            const auto [lo, hi] = grid.containedIn(h.start, h.end);
            if (lo >= hi)
                continue;
            ++diff[size_t(lo)].inside;
            --diff[size_t(hi)].inside;
            if (!markEdges)
                continue;
            // Starts in [lo, hi) with start < h.start + edge, or end > h.end - edge.
            const auto [e1lo, e1hi] = grid.clamp(
                lo, std::min<qint64>(hi, ceilDiv(h.start + edge - grid.origin, grid.step)));
            const auto [e2lo, e2hi] = grid.clamp(
                std::max<qint64>(
                    lo, floorDiv(h.end - edge - grid.duration - grid.origin, grid.step) + 1),
                hi);
            if (e1lo < e1hi) {
                ++diff[size_t(e1lo)].edge;
                --diff[size_t(e1hi)].edge;
            }
            if (e2lo < e2hi) {
                ++diff[size_t(e2lo)].edge;
                --diff[size_t(e2hi)].edge;
            }
        }

        const bool req = p.required;
        const bool tentBlocks = o.tentativeBlocks;
        std::vector<bool> *insideBits = nullptr;
        if (req) {
            required.append(int(pi));
            if (required.size() <= kMaxPairCheck) {
                requiredInside.emplace_back(size_t(G), false);
                insideBits = &requiredInside.back();
            }
        }
        ParticipantStats &st = stats[pi];
        Diff run;
        for (int k = 0; k < G; ++k) {
            const Diff &d = diff[size_t(k)];
            run.busy += d.busy;
            run.ooo += d.ooo;
            run.tentative += d.tentative;
            run.inside += d.inside;
            run.edge += d.edge;
            const bool inside = run.inside > 0;
            const bool tentative = run.tentative > 0;
            const bool blocked = run.busy > 0 || run.ooo > 0 || (tentBlocks && tentative);
            const bool soft = !blocked && tentative && !tentBlocks;
            Counters &c = counters[size_t(k)];
            if (req) {
                c.requiredUnavailable += (blocked || !inside);
                c.requiredOutside += !inside;
                c.requiredTentative += soft;
                if (insideBits)
                    (*insideBits)[size_t(k)] = inside;
            } else {
                c.optionalNotFree += blocked;
                c.optionalOutside += !inside;
                c.optionalTentative += soft;
            }
            c.edge += (inside && run.edge > 0);
            st.anyInside = st.anyInside || inside;
            st.anyFit = st.anyFit || (inside && !blocked);
            st.anyInsideWithoutOoo = st.anyInsideWithoutOoo || (inside && run.ooo == 0);
        }
    }

    // Ranking: all required free (when nothing fits: fewest required unavailable, preferring a
    // busy conflict over asking someone outside their hours); more optional attendees free;
    // inside everyone's working hours; sooner (by day since the window's start); not at the
    // edge of someone's day; earlier.
    const qint64 step = grid.step;
    auto key = [&](int k) {
        const Counters &c = counters[size_t(k)];
        return std::make_tuple(c.requiredUnavailable, c.requiredOutside, c.requiredTentative,
            c.optionalNotFree, c.optionalOutside, c.optionalTentative, (qint64(k) * step) / kDay,
            c.edge, k);
    };
    std::vector<int> candidates;
    candidates.reserve(size_t(G));
    for (int k = 0; k < G; ++k)
        if (counters[size_t(k)].requiredUnavailable == 0)
            candidates.push_back(k);
    if (o.listAllFeasible) {
        result.feasibleStarts.reserve(qsizetype(candidates.size()));
        for (int k : candidates)
            result.feasibleStarts.append(grid.start(k));
    }
    const bool anyFeasible = !candidates.empty();
    if (!anyFeasible) {
        candidates.resize(size_t(G));
        std::iota(candidates.begin(), candidates.end(), 0);
    }
    const size_t wanted = size_t(std::max(1, o.maxSuggestions));
    auto byKey = [&](int a, int b) { return key(a) < key(b); };

    if (!anyFeasible) {
        const int best = *std::min_element(candidates.cbegin(), candidates.cend(), byKey);
        const Interval slot { grid.start(best), grid.start(best) + r.durationMs };
        NoSlotExplanation &ex = result.explanation;
        ex.nearest = Slot { slot, buildReason(r, o, hours, slot) };
        for (int pi : std::as_const(required)) {
            const ParticipantStats &st = stats[pi];
            if (st.anyFit)
                continue;
            using C = NoSlotExplanation::Blocker::Cause;
            const C cause = !st.anyInside ? C::NoWorkingHours
                : !st.anyInsideWithoutOoo ? C::OutOfOffice
                                          : C::Busy;
            ex.blockers.append({ pi, r.participants[pi].name, cause });
        }
        const bool commonHours = std::any_of(counters.cbegin(), counters.cend(),
            [](const Counters &c) { return c.requiredOutside == 0; });
        if (!ex.blockers.isEmpty()) {
            ex.kind = NoSlotExplanation::Kind::ParticipantUnavailable;
        } else if (!commonHours) {
            ex.kind = NoSlotExplanation::Kind::NoCommonWorkingHours;
            const int n = int(requiredInside.size());
            for (int a = 0; a < n && ex.participants.isEmpty(); ++a)
                for (int b = a + 1; b < n && ex.participants.isEmpty(); ++b) {
                    bool meet = false;
                    for (int k = 0; k < G && !meet; ++k)
                        meet = requiredInside[size_t(a)][size_t(k)]
                            && requiredInside[size_t(b)][size_t(k)];
                    if (!meet)
                        ex.participants = QStringList { r.participants[required[a]].name,
                            r.participants[required[b]].name };
                }
            if (ex.participants.isEmpty())
                for (int pi : std::as_const(required))
                    ex.participants.append(r.participants[pi].name);
        } else {
            ex.kind = NoSlotExplanation::Kind::NoCommonFreeTime;
            for (int pi : std::as_const(required))
                ex.participants.append(r.participants[pi].name);
        }
        qCDebug(lcScheduling) << "no slot among" << G << "starts; kind" << int(ex.kind);
        return result;
    }

    // Suggestions: best first, skipping candidates that overlap one already taken, so the list
    // offers real alternatives rather than the same hour shifted by a quarter; if that leaves
    // fewer than wanted, a second pass fills up with the best overlapping ones.
    std::sort(candidates.begin(), candidates.end(), byKey);
    std::vector<char> picked(candidates.size(), 0);
    QList<Interval> taken;
    for (int pass = 0; pass < 2 && size_t(taken.size()) < wanted; ++pass) {
        for (size_t c = 0; c < candidates.size() && size_t(taken.size()) < wanted; ++c) {
            if (picked[c])
                continue;
            const Interval slot { grid.start(candidates[c]),
                grid.start(candidates[c]) + r.durationMs };
            if (pass == 0 && std::any_of(taken.cbegin(), taken.cend(), [&](const Interval &t) {
                    return t.overlaps(slot);
                }))
                continue;
            picked[c] = 1;
            taken.append(slot);
        }
    }
    for (const Interval &slot : std::as_const(taken))
        result.suggestions.append(Slot { slot, buildReason(r, o, hours, slot) });
    return result;
}

} // namespace kairos::scheduling
