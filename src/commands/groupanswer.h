#pragma once

#include "commands/interpretation.h"
#include "core/expected.h"
#include "scheduling/slotfinder.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace kairos::commands {

//! \brief What is known of one room member's availability (from the room's snapshots).
struct MemberState {
    scheduling::Participant participant; //!< name, zone, working hours, busy (never titles)
    bool shared = false; //!< has a snapshot
    QDateTime madeAt; //!< when the snapshot was made
};

//! Snapshots older than this are called out as stale (the team module's threshold).
inline constexpr qint64 kStaleAfterSecs = 12 * 3600;

//! \brief The best slot of \a durationMinutes inside a daily window read in *each
//! participant's own zone* (a lunch between 12:00 and 14:30 wherever each one is), within
//! [\a from, \a to), when every participant with a snapshot is free. Ranking is the slot
//! finder's: everyone free, sooner by day, away from the window's edges, earlier. Candidates
//! lie on a 15-minute grid from \a from rounded up to a quarter hour of \a zone.
Expected<scheduling::SlotResult> findInDailyWindow(QList<scheduling::Participant> participants,
    const QDateTime &from, const QDateTime &to, int durationMinutes, int dailyFromMinute,
    int dailyToMinute, const QTimeZone &zone, int maxSuggestions = 3);

//! Chat answers never suggest the middle of the night: people who shared no working hours
//! count as working 09:00-18:00 every day in their own zone (for ranked slots and picked
//! times only; a yes/no check reads their hours as they are).
void applyDefaultWorkingHours(QList<scheduling::Participant> &participants);

//! \brief A group availability answer, posted to the room (docs/protocol.md, "availability").
//! Everything in it is structured so that every client words it in its own language and
//! shows times in its own zone.
struct AvailabilityAnswer {
    enum class Kind {
        Slots, //!< "When can we meet?": ranked slots in a window
        Check, //!< "Is Bob free at 3?": yes / no for each person at one time
    };
    struct Slot {
        QDateTime start, end;
        QStringList busy, tentative, outOfOffice, outsideHours, unknown;
        bool everyoneFree() const
        {
            return busy.isEmpty() && tentative.isEmpty() && outOfOffice.isEmpty()
                && outsideHours.isEmpty();
        }
    };
    struct Person {
        QString name;
        //! "free", "busy", "tentative", "out_of_office", "unknown"
        QString availability;
        bool insideWorkingHours = true;
    };
    struct Stale {
        QString name;
        QDateTime madeAt;
    };

    Kind kind = Kind::Slots;
    QString id; //!< unique id of the answer (also the room message id)
    QString asker;
    QString question; //!< the message as typed
    QString title; //!< what a Book button books ("Meeting" / "Reunión")
    int durationMinutes = 30;
    QDateTime windowStart, windowEnd; //!< Slots: the window searched
    QDateTime start, end; //!< Check: the time asked about
    QStringList participants; //!< the people the answer is about
    QList<Slot> slots; //!< Slots: ranked; empty when nothing fits
    //! Slots, nothing fits: "empty_window", "participant_unavailable",
    //! "no_common_working_hours", "no_common_free_time"; with the nearest candidate if any.
    QString nothing;
    QStringList blockers; //!< who makes it impossible (participant_unavailable)
    std::optional<Slot> nearest;
    QList<Person> people; //!< Check
    //! Each shared participant's zone (IANA id), so that every viewer can give local times.
    QList<std::pair<QString, QByteArray>> zones;
    QStringList missing; //!< no snapshot: availability unknown
    QList<Stale> stale; //!< snapshot older than kStaleAfterSecs

    //! Check: every person asked about is free and inside working hours.
    bool allFree() const;
    QJsonObject toJson() const;
    static std::optional<AvailabilityAnswer> fromJson(const QJsonObject &o);
};

//! \brief Answers an availability question from the room's snapshots.
//!
//! Who: the names in \a in (the room when none); the asker too, unless the question is about
//! named people only ("When is Bob free?", "Is Bob free at 3?"). A window as long as the
//! duration ("Is Bob free at 3 tomorrow?") is a Check; anything else ranked Slots (at most
//! \a maxSlots) from the slot finder over the window clipped to \a now. Members without a
//! snapshot are "missing" (not a constraint); snapshots older than \a staleAfterSecs "stale".
Expected<AvailabilityAnswer> answerAvailability(const Interpretation &in,
    const QList<MemberState> &members, const QString &asker, const QDateTime &now,
    const QTimeZone &zone, int maxSlots = 3, qint64 staleAfterSecs = kStaleAfterSecs);

} // namespace kairos::commands
