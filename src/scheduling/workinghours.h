#pragma once

#include "core/expected.h"
#include "scheduling/intervalset.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <array>

namespace kairos::scheduling {

//! \brief One working-hours range of a weekday, in wall-clock minutes after that day's midnight.
//!
//! `start` is in [0, 1440). `end` is in (start, start + 1440]: an end past 1440 is an
//! *overnight* range that continues into the next calendar day ("22:00-02:00" is 1320..1560).
//! "24:00" is accepted as an end ("18:00-24:00").
struct TimeRange {
    int startMinute = 0;
    int endMinute = 0;

    bool isOvernight() const { return endMinute > 1440; }
    //! Parses "HH:MM-HH:MM". An end before the start means overnight; equal ends are rejected.
    static Expected<TimeRange> parse(QStringView text);
    //! "09:00-17:30"; overnight ranges print their end as a wall time ("22:00-02:00").
    QString toString() const;
    friend bool operator==(const TimeRange &, const TimeRange &) = default;
};

//! \brief A participant's working hours: zero or more ranges per weekday, read in the
//! participant's own time zone.
//!
//! **Meaning (the rule everything else follows):** an instant is inside working hours when the
//! participant's wall clock at that instant shows a date D and a time T such that T lies in a
//! range [start, end) of D's weekday — or, for an overnight range of the day before D, T lies
//! before its end minus 24 h. Consequences around clock changes:
//!  - a boundary inside a DST *gap* (a wall time that never shows) snaps to the transition
//!    instant: "02:30-10:00" on a spring-forward night 02:00→03:00 starts at 03:00 new time;
//!  - wall times inside a *fold* show twice, and both occurrences count: "00:00-08:00" on a
//!    fall-back night is nine real hours; a range ending inside the fold ("00:00-01:30") ends at
//!    the first 01:30 and covers 01:00-01:30 again after the clocks go back;
//!  - a calendar day that a zone skips (Pacific/Apia, 30 Dec 2011) has no working hours.
//!
//! A default-constructed WorkingHours is *unrestricted* (any time counts as working hours) —
//! used when a participant shared no working hours. An explicitly empty week never works.
class WorkingHours {
public:
    WorkingHours() = default;
    //! No working hours on any day (distinct from the unrestricted default).
    static WorkingHours none();
    //! The same ranges Monday to Friday, nothing at the weekend.
    static WorkingHours weekdays(const QList<TimeRange> &ranges);

    bool isUnrestricted() const { return m_unrestricted; }
    const QList<TimeRange> &ranges(Qt::DayOfWeek day) const { return m_days[size_t(day) - 1]; }
    //! Sets a day's ranges (makes the hours restricted).
    void setRanges(Qt::DayOfWeek day, QList<TimeRange> ranges);

    //! The instants inside working hours in `window`, in UTC, normalised. Cost: O(days × ranges
    //! + zone transitions in the window).
    IntervalList toUtc(const QTimeZone &zone, Interval window) const;

    //! {"mon":["09:00-17:00"], "tue":[...], ...}. A missing day means no hours that day.
    //! Errors name the offending field under `fieldPath` ("participants[2].working_hours.tue[1]").
    static Expected<WorkingHours> fromJson(const QJsonValue &value, const QString &fieldPath);
    QJsonValue toJson() const;

    friend bool operator==(const WorkingHours &, const WorkingHours &) = default;

private:
    std::array<QList<TimeRange>, 7> m_days;
    bool m_unrestricted = true;
};

//! \brief A span of time during which a zone's UTC offset is constant.
struct OffsetSegment {
    Interval span;
    int offsetSeconds = 0;
};

//! The zone's constant-offset spans covering `window`, in order (from QTimeZone's transition
//! table; a zone without transitions gives one segment).
QList<OffsetSegment> offsetSegments(const QTimeZone &zone, Interval window);

//! Like WorkingHours::toUtc() with precomputed segments (the slot finder shares them between
//! participants in the same zone).
IntervalList workingHoursToUtc(
    const WorkingHours &hours, const QList<OffsetSegment> &segments, Interval window);

//! "mon".."sun" for Qt::Monday..Qt::Sunday.
QString weekdayKey(Qt::DayOfWeek day);

} // namespace kairos::scheduling
