#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace kairos {

//! \brief What a wall-clock time means in a zone on a given day.
//!
//! Around DST changes a local time may not exist (a *gap*: 02:30 on the spring-forward night
//! in Europe/Madrid) or exist twice (a *fold*: 02:30 on the fall-back night). Kairos never
//! guesses silently: callers (the event dialog, the phrase parser) look at `kind` and tell the
//! user. The policy when the user accepts the default:
//!  - Gap: the time moves forward by the gap's length (02:30 → 03:30 CEST), as RFC 5545 §3.3.5
//!    and Google Calendar do. `resolved` is that instant.
//!  - Fold: the earlier of the two instants (the one still in daylight time), as RFC 5545 does.
//!    `alternative` is the later one, so a dialog can offer it.
struct LocalTimeResolution {
    enum class Kind { Normal, Gap, Fold, Invalid };
    Kind kind = Kind::Invalid;
    QDateTime resolved; //!< zoned, always valid unless kind == Invalid
    QDateTime alternative; //!< Fold: the later instant; otherwise invalid
    int shiftSeconds = 0; //!< Gap: how far the wall time moved; Fold: the overlap's length

    bool isAmbiguous() const { return kind == Kind::Fold; }
    bool isNonexistent() const { return kind == Kind::Gap; }
};

LocalTimeResolution resolveLocalTime(QDate date, QTime time, const QTimeZone &zone);

//! Convenience: resolveLocalTime(...).resolved.
QDateTime zonedDateTime(QDate date, QTime time, const QTimeZone &zone);

//! Midnight at the start of `date` in `zone` (zones where midnight does not exist, such as
//! America/Santiago on some days, give the first instant of the day).
QDateTime startOfDay(QDate date, const QTimeZone &zone);

} // namespace kairos
