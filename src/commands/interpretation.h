#pragma once

#include "commands/textnorm.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

namespace kairos::commands {

//! \brief What a chat message asks for.
enum class Intent { None, Schedule, Agenda, Availability, Help };

QString intentName(Intent intent); //!< "none", "schedule", "agenda", "availability", "help"

//! \brief The interpretation of one message: what `kairos-cli explain` prints and what the
//! chat UI's confirmation card, agenda and availability answers show. See docs/commands.md.
struct Interpretation {
    Intent intent = Intent::None;
    Language language = Language::English;
    QString rule; //!< which recogniser rule fired, e.g. "schedule.verb", "none.past"
    QString title; //!< schedule only
    QDateTime start, end; //!< schedule with a time
    int durationMinutes = 0; //!< schedule, availability
    QDateTime windowStart, windowEnd; //!< agenda, availability, schedule without a time
    QStringList participants; //!< schedule, availability (room member spelling when matched)
    //! in_the_past, dst_gap, dst_fold, invalid_date, unknown_participant, day_assumed
    //! ambiguous_date
    QStringList warnings;
    bool fromSlashCommand = false;
    //! Schedule only: the message looks like an event (a proposal, an event word with a date
    //! and a time) but is not phrased as a command: the UI offers "Add to calendar?" instead
    //! of the confirmation card. "mode": "suggest" in the JSON.
    bool suggestion = false;
    //! With "ambiguous_date": the same message with the numeric date read the other way
    //! (start/end, or the window when there is no time). "alternative" in the JSON.
    QDateTime alternativeStart, alternativeEnd;
    //! Schedule of a meal with no time: its daily window in minutes after midnight (lunch
    //! 720-870), meant in each participant's own zone. -1 when none. Not part of the JSON.
    int dailyWindowFrom = -1, dailyWindowTo = -1;

    bool hasTime() const { return start.isValid(); }
    bool hasWindow() const { return windowStart.isValid(); }

    //! The JSON object, keys in the documented order, absent where they do not apply.
    QByteArray toJson() const;
    QJsonObject toJsonObject() const;
};

} // namespace kairos::commands
