#pragma once

#include "commands/interpretation.h"

#include <QLocale>
#include <QTimeZone>

#include <optional>

namespace kairos::commands {

//! \brief The context a message is read in.
struct InterpretOptions {
    QDateTime now; //!< reference instant (the clock's now in the UI)
    QTimeZone zone; //!< the sender's zone
    std::optional<Language> language; //!< forced language; detected from the text otherwise
    QStringList members; //!< room members, matched against names after "with" / "con"
    //! The sender's locale (the profile's language and region): numeric dates are read in its
    //! order (month first for en_US). QLocale::c() reads them day first.
    QLocale locale = QLocale::c();
};

//! \brief Reads a chat message: intent, title, time or window, duration and participants.
//!
//! Rule-based and local: every rule is an anchored pattern and the one that fired is kept in
//! Interpretation::rule. A message is a command only when it is phrased as one (imperative
//! or question at the start); mentions, past tense, negations and reported speech are "none".
//! A message that only looks like an event (a proposal, an event word with a date and a time)
//! is a schedule with Interpretation::suggestion set.
//! The rules, defaults and ambiguity decisions are documented in docs/commands.md.
Interpretation interpret(const QString &text, const InterpretOptions &options);

} // namespace kairos::commands
