#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
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

//! \brief UTC offsets and ISO-8601 text for many instants in one zone, fast.
//!
//! Asking QTimeZone (ICU) for an offset costs microseconds; a listing of a thousand events asks
//! thousands of times for the same few offsets. This remembers the zone's constant-offset spans
//! it has seen (from the instant asked to the next transition), so an instant inside a known
//! span costs a comparison. Not thread-safe; one per thread.
class ZoneOffsets {
public:
    explicit ZoneOffsets(QTimeZone zone = QTimeZone::utc());
    const QTimeZone &zone() const { return m_zone; }
    //! Seconds east of UTC in the zone at `msecsUtc`.
    int offsetSecs(qint64 msecsUtc);
    //! "2026-06-01T09:00:00+02:00" (seconds always, no milliseconds; "+00:00" for UTC).
    QString isoWithOffset(qint64 msecsUtc);
    //! Empty for an invalid time.
    QString isoWithOffset(const QDateTime &t)
    {
        return t.isValid() ? isoWithOffset(t.toMSecsSinceEpoch()) : QString();
    }

private:
    struct Span {
        qint64 from;
        qint64 to; //!< exclusive
        int offset;
    };
    QTimeZone m_zone;
    QList<Span> m_spans;
    qsizetype m_last = -1;
};

} // namespace kairos
