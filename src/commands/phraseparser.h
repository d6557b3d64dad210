#pragma once

#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace kairos::commands {

//! \brief Parts of the day and the windows they stand for (docs/commands.md, "Defaults").
enum class PartOfDay {
    None,
    Early, //!< "de la madrugada": 00:00-06:00; makes a bare hour a.m.
    Morning, //!< 09:00-12:00; makes a bare hour a.m.
    Afternoon, //!< 12:00-18:00; makes a bare hour p.m.
    Evening, //!< evening, night, tonight, "por la noche": 18:00-22:00; bare hour p.m.
};

//! \brief A wall-clock time as written, before the ambiguity rules are applied.
struct ClockTime {
    enum class Meridiem { None, Am, Pm };
    int hour = -1;
    int minute = 0;
    Meridiem meridiem = Meridiem::None;
    bool literal = false; //!< 24-hour form ("15:00", "08:30", "noon"): taken as written
    bool isValid() const { return hour >= 0; }
};

//! \brief What a date/time phrase says, found in a message (English or Spanish, any mix).
//! Produced by parseDateTimePhrase(), turned into instants by resolvePhrase().
struct DateTimePhrase {
    enum class Day { None, Today, Tomorrow, DayAfterTomorrow, InDays, Weekday, Date };
    enum class WeekdayMode {
        Nearest, //!< "Friday", "on Friday", "this Friday", "el viernes", "este jueves"
        NextWeek, //!< English "next Friday": the Friday of next Monday-Sunday week
        AfterToday, //!< "el próximo martes", "el martes que viene": next one, never today
    };
    enum class Week { None, This, Next };

    Day day = Day::None;
    int offsetDays = 0; //!< Day::InDays
    int weekday = 0; //!< 1 = Monday ... 7 = Sunday (Day::Weekday)
    WeekdayMode weekdayMode = WeekdayMode::Nearest;
    //! Day::Date; year 0 = not written; month 0 = not written ("the 28th", "el 28")
    int year = 0, month = 0, dayOfMonth = 0;
    Week week = Week::None;
    bool weekend = false; //!< "this weekend", "el fin de semana": Saturday and Sunday of `week`
    //! "this month" (0) / "next month", "el mes que viene" (1): the calendar month.
    std::optional<int> monthOffset;
    int nextDays = 0; //!< "in the next 2 weeks", "en los próximos 3 días": today + N days
    PartOfDay part = PartOfDay::None;
    ClockTime time;
    ClockTime rangeEnd; //!< valid for ranges ("from 2 to 4pm")
    //! "midnight" / "medianoche": 00:00 at the start of the named day ("tomorrow at midnight"
    //! is tomorrow 00:00); with no day, the coming midnight.
    bool midnight = false;
    //! A numeric date both of whose numbers could be the month ("4/6"): read in the locale's
    //! order; the other reading is kept in altMonth / altDay.
    bool ambiguousDate = false;
    int altMonth = 0, altDay = 0;
    std::optional<int> durationMinutes;
    std::optional<qint64> relativeSeconds; //!< "in 2 hours", "en 30 minutos"
    //! Spans of the folded text the phrase used, [start, end).
    QList<std::pair<qsizetype, qsizetype>> spans;

    bool hasDay() const { return day != Day::None; }
    bool hasTime() const { return time.isValid() || midnight || relativeSeconds.has_value(); }
    bool isEmpty() const { return spans.isEmpty(); }
};

//! \brief How numeric dates are written where the message comes from.
struct PhraseOptions {
    //! "12/1" is December 1 (en_US) rather than 12 January (most other locales).
    bool monthFirst = false;
};

//! \brief Whether \a locale writes numeric dates month first (its short date format has the
//! month before the day and does not start with the year: en_US yes; en_GB, es_ES, es_US no).
bool localeIsMonthFirst(const QLocale &locale);

//! \brief Finds the date/time phrases in \a folded (text passed through foldText()).
//! \a masked receives \a folded with the used spans replaced by '#', for the intent rules.
DateTimePhrase parseDateTimePhrase(
    const QString &folded, QString *masked = nullptr, const PhraseOptions &options = {});

//! \brief Minutes since midnight for \a t under the written rules: am/pm as written;
//! 24-hour forms as written; else the part of day decides (morning, madrugada → a.m.;
//! afternoon, evening → p.m.); else 1-6 → p.m. ("at 3" = 15:00), 7-11 → a.m., 12 → noon.
int clockMinutes(const ClockTime &t, PartOfDay part);

//! \brief Inputs for resolvePhrase().
struct ResolveContext {
    QDateTime now; //!< reference instant
    QTimeZone zone; //!< the sender's zone
    int defaultDurationMinutes = 30;
    //! A window inside the day used when no time is given (lunch: 12:00-14:30).
    std::optional<std::pair<QTime, QTime>> defaultDayWindow;
    //! Schedule and availability windows never start before `now`; agenda windows do.
    bool clipWindowToNow = true;
    //! With no date at all: true → the next 7 days from now; false → today.
    bool openWindowIsNextSevenDays = true;
};

//! \brief A phrase resolved to instants in the sender's zone.
struct ResolvedTime {
    bool hasTime = false; //!< start/end valid
    QDateTime start, end;
    int durationMinutes = 0;
    QDateTime windowStart, windowEnd; //!< valid when !hasTime
    QStringList warnings; //!< "in_the_past", "dst_gap", "dst_fold", "day_assumed"
};

ResolvedTime resolvePhrase(const DateTimePhrase &phrase, const ResolveContext &context);

//! ISO-8601 with the zone's offset, e.g. 2026-11-24T15:00:00+01:00 (UTC as +00:00).
QString isoWithOffset(const QDateTime &t);

} // namespace kairos::commands
