#include "team/snapshotbuilder.h"

#include "calendar/calendarservice.h"
#include "core/clock.h"
#include "room/protocol.h"
#include "scheduling/intervalset.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>

namespace kairos::team {

using scheduling::BusyInterval;
using scheduling::BusyStatus;
using scheduling::IntervalList;

std::optional<BusyStatus> busyStatusOf(const Event &e)
{
    if (e.status == EventStatus::Cancelled || e.transparency == Transparency::Transparent)
        return std::nullopt;
    bool maybe = e.status == EventStatus::Tentative;
    for (const Attendee &a : e.attendees) {
        if (!a.self)
            continue;
        if (a.response == Attendee::Response::Declined)
            return std::nullopt;
        if (a.response == Attendee::Response::Tentative)
            maybe = true;
    }
    if (e.outOfOffice)
        return BusyStatus::OutOfOffice;
    return maybe ? BusyStatus::Tentative : BusyStatus::Busy;
}

QList<BusyInterval> mergeBusy(const QList<BusyInterval> &busy)
{
    IntervalList ooo;
    IntervalList hard;
    IntervalList maybe;
    for (const BusyInterval &b : busy) {
        if (b.interval.isEmpty())
            continue;
        (b.status == BusyStatus::OutOfOffice   ? ooo
                : b.status == BusyStatus::Busy ? hard
                                               : maybe)
            .append(b.interval);
    }
    ooo = scheduling::normalized(ooo);
    hard = scheduling::subtract(scheduling::normalized(hard), ooo);
    maybe = scheduling::subtract(scheduling::normalized(maybe), scheduling::unite(ooo, hard));
    QList<BusyInterval> out;
    out.reserve(ooo.size() + hard.size() + maybe.size());
    for (const Interval &i : ooo)
        out.append({ i, BusyStatus::OutOfOffice });
    for (const Interval &i : hard)
        out.append({ i, BusyStatus::Busy });
    for (const Interval &i : maybe)
        out.append({ i, BusyStatus::Tentative });
    std::sort(out.begin(), out.end(), [](const BusyInterval &a, const BusyInterval &b) {
        return a.interval.start < b.interval.start;
    });
    return out;
}

void fitSnapshot(AvailabilitySnapshot &s, qsizetype maxBytes)
{
    AvailabilitySnapshot empty = s;
    empty.busy.clear();
    qsizetype size = room::encode(toJson(empty)).size();
    for (qsizetype i = 0; i < s.busy.size(); ++i) {
        AvailabilitySnapshot one;
        one.busy = { s.busy.at(i) };
        const QJsonArray a = toJson(one).value(QLatin1String("busy")).toArray();
        size += room::encode(a.at(0).toObject()).size() + 1;
        if (size > maxBytes) {
            // Keep only what is complete: the horizon ends where the first dropped one starts.
            s.horizon.end = qMax(s.horizon.start + 1, s.busy.at(i).interval.start);
            s.busy.resize(i);
            return;
        }
    }
}

Expected<AvailabilitySnapshot> buildSnapshot(
    const CalendarService &calendar, const SnapshotOptions &o)
{
    AvailabilitySnapshot s;
    s.madeAt = (o.now.isValid() ? o.now : Clock::nowUtc()).toUTC();
    s.zone = o.zone.isValid() ? o.zone : QTimeZone::utc();
    s.workingHours = o.workingHours;
    s.email = o.email;
    const QDate today = s.madeAt.toTimeZone(s.zone).date();
    const QDateTime from = today.startOfDay(s.zone);
    const QDateTime until = today.addDays(7 * qMax(1, o.horizonWeeks)).startOfDay(s.zone);
    s.horizon = Interval::fromDateTimes(from, until);

    QSet<QString> counting;
    const QList<Calendar> cals = calendar.calendars();
    for (const Calendar &c : cals) {
        if (c.countsForAvailability)
            counting.insert(c.id);
    }
    if (counting.isEmpty())
        return s;
    auto occurrences = calendar.occurrencesBetween(s.horizon.start, s.horizon.end, false);
    if (!occurrences)
        return occurrences.error();

    QHash<QString, std::optional<BusyStatus>> byEvent; // one store read per event, not per instance
    QList<BusyInterval> busy;
    busy.reserve(occurrences->size());
    for (const Occurrence &occ : std::as_const(*occurrences)) {
        if (!counting.contains(occ.calendarId))
            continue;
        if (occ.status == EventStatus::Cancelled || occ.transparency == Transparency::Transparent)
            continue;
        auto it = byEvent.find(occ.eventId);
        if (it == byEvent.end()) {
            auto ev = calendar.event(occ.eventId);
            std::optional<BusyStatus> st;
            if (ev)
                st = busyStatusOf(*ev);
            else // not readable: fall back to what the occurrence says
                st = occ.status == EventStatus::Tentative ? BusyStatus::Tentative
                                                          : BusyStatus::Busy;
            it = byEvent.insert(occ.eventId, st);
        }
        if (!it.value())
            continue;
        const Interval i = occ.interval().intersected(s.horizon);
        if (!i.isEmpty())
            busy.append({ i, *it.value() });
    }
    s.busy = mergeBusy(busy);
    fitSnapshot(s);
    return s;
}

} // namespace kairos::team
