#pragma once

#include "core/expected.h"
#include "scheduling/intervalset.h"
#include "scheduling/participant.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace kairos::scheduling {

//! \brief What the slot finder is asked.
struct SlotRequest {
    Interval window; //!< slots lie entirely inside it
    qint64 durationMs = 30 * 60 * 1000;
    //! Candidate starts are window.start + k × granularity (the grid is anchored at the window's
    //! start; the UI passes a window that starts on a round local time).
    qint64 granularityMs = 15 * 60 * 1000;
    QList<Participant> participants;
};

struct SlotOptions {
    int maxSuggestions = 5;
    //! Tentative busy times block like busy ones (default: a soft conflict, ranked lower).
    bool tentativeBlocks = false;
    //! A slot that starts within this many minutes of the start of someone's working-hours range,
    //! or ends within it of the range's end, is "at the edge of their day" and ranked lower.
    int edgeMinutes = 30;
    //! Also list every feasible start (kairos-cli find-time --all).
    bool listAllFeasible = false;
    //! The zone in which the English texts show dates ("Mon 8 Dec 16:00").
    QTimeZone displayZone = QTimeZone::utc();
};

//! \brief One participant's situation during one candidate slot — the structured reason the UI
//! translates (the English one-liner of reasontext.h is produced from the same fields).
struct ParticipantSlotInfo {
    enum class Availability { Free, Tentative, Busy, OutOfOffice, Unknown };
    int participant = -1; //!< index into SlotRequest::participants
    QString name;
    bool required = true;
    Availability availability = Availability::Free;
    bool insideWorkingHours = true; //!< for the whole slot
    bool atEdgeOfDay = false; //!< inside, but within edgeMinutes of a range's start or end
    QDateTime localStart; //!< the slot's start on the participant's wall clock (in their zone)
    QDateTime localEnd;

    //! Free or tentative (when tentative does not block), and inside working hours.
    bool canAttend() const
    {
        return insideWorkingHours
            && (availability == Availability::Free || availability == Availability::Tentative);
    }
};

//! \brief Why a slot ranks where it does.
struct SlotReason {
    QList<ParticipantSlotInfo> participants; //!< in request order
    bool feasible = false; //!< every required participant (with known availability) can attend
    int requiredUnavailable = 0; //!< required: busy / out of office / outside working hours
    int requiredTentative = 0;
    int optionalNotFree = 0; //!< optional: busy or out of office
    int optionalOutsideHours = 0;
    int optionalTentative = 0;
    int atEdgeOfDay = 0; //!< participants for whom the slot is at the edge of their day
    int unknown = 0; //!< participants without a snapshot

    bool everyoneFree() const;
    bool everyoneInsideWorkingHours() const;
};

struct Slot {
    Interval interval;
    SlotReason reason;
    //! Names of the participants who can attend (see ParticipantSlotInfo::canAttend), plus those
    //! with unknown availability.
    QStringList attendees() const;
};

//! \brief Why nothing fits, and what comes closest.
struct NoSlotExplanation {
    enum class Kind {
        None, //!< something fits
        EmptyWindow, //!< the window is shorter than the duration
        ParticipantUnavailable, //!< some required participant has no usable time at all
        NoCommonWorkingHours, //!< working hours never overlap long enough
        NoCommonFreeTime, //!< hours overlap, but someone is always busy then
    };
    struct Blocker {
        enum class Cause { NoWorkingHours, OutOfOffice, Busy };
        int participant = -1;
        QString name;
        Cause cause = Cause::Busy;
    };
    Kind kind = Kind::None;
    //! ParticipantUnavailable: who and why.
    QList<Blocker> blockers;
    //! NoCommonWorkingHours: a pair whose hours never overlap if there is one, else all required;
    //! NoCommonFreeTime: the required participants.
    QStringList participants;
    //! The best-ranked candidate (fewest required participants unavailable, then the ranking).
    std::optional<Slot> nearest;
};

struct SlotResult {
    QList<Slot> suggestions; //!< ranked, non-overlapping; empty when nothing fits
    QList<qint64> feasibleStarts; //!< SlotOptions::listAllFeasible: every feasible start, in order
    NoSlotExplanation explanation; //!< kind None when a slot fits
    int candidateCount = 0; //!< grid starts examined
};

//! \brief Finds meeting slots for a group.
//!
//! Feasible slot: on the grid, inside the window, and every required participant with known
//! availability is inside working hours and not busy / out of office (nor tentative with
//! SlotOptions::tentativeBlocks) for the whole slot.
//!
//! Algorithm (docs/scheduling.md): working hours become UTC intervals per participant (per zone
//! offset segment, see WorkingHours); each interval then marks, in a difference array over the
//! grid, the contiguous range of starts it blocks or contains — O(1) per interval; one prefix
//! sum per participant folds that into per-start counters. Total O(N + P·G) for N busy
//! intervals, P participants and G grid starts — no sorting, no per-minute scan. Ranking sorts
//! the G counters; reasons are built only for the returned slots.
class SlotFinder {
public:
    static Expected<SlotResult> find(const SlotRequest &request, const SlotOptions &options = {});

    //! The structured reason of one slot [start, start + duration) (any start, grid or not).
    static SlotReason describe(
        const SlotRequest &request, qint64 start, const SlotOptions &options = {});
    //! The same for many starts (working hours are resolved once).
    static QList<SlotReason> describe(
        const SlotRequest &request, const QList<qint64> &starts, const SlotOptions &options = {});

    //! The time every required participant (with known availability) is inside working hours
    //! and not blocked, within the window — the interval-algebra view of feasibility, for the
    //! group view. Feasible starts are exactly the grid starts s with [s, s + duration) inside it.
    static IntervalList commonFreeTime(const SlotRequest &request, const SlotOptions &options = {});
};

} // namespace kairos::scheduling
