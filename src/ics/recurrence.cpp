#include "ics/recurrence.h"

#include "ics/icalptr.h"
#include "ics/icszones.h"
#include "model/recurrencebudget.h"
#include "store/eventstore.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>
#include <memory>

namespace kairos::ics {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kRoughSlackSecs = 26LL * 3600; // > the widest UTC offset + a DST gap

//! The zone a TZID parameter of an RDATE / EXDATE names, or `fallback`.
icaltimezone *zoneOfParameter(icalproperty *p, icaltimezone *fallback)
{
    icalparameter *tzp = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
    if (!tzp)
        return fallback;
    ZoneResolver resolver;
    const auto r = resolver.resolve(QByteArray(icalparameter_get_tzid(tzp)));
    if (r.kind == ZoneResolver::Kind::Utc)
        return icaltimezone_get_utc_timezone();
    icaltimezone *z = builtinZone(r.zone.id());
    return z ? z : fallback;
}

} // namespace

namespace {

//! The instants of a series, before the range and the changed occurrences are applied.
struct SeriesInstants {
    QList<qint64> starts; //!< seconds since the epoch, sorted, unique
    QSet<qint64> excluded; //!< EXDATE instants
    QSet<QDate> excludedDays; //!< EXDATE days
    qint64 lengthMs = 0;
    QTimeZone zone = QTimeZone::utc();
    //! Not every instance is there: the budget ran out, or the rule repeats too often.
    bool cut = false;
    RecurrenceBudget::Reason reason = RecurrenceBudget::Reason::Budget;
};

//! Every instance of `master` whose occurrence overlaps [fromMs, toMs) (roughly: a day of
//! slack either side); with the widest range, every instance of a finite series.
SeriesInstants computeInstants(
    const Event &master, qint64 fromMs, qint64 toMs, RecurrenceBudget &budget)
{
    SeriesInstants result;

    QByteArray text = "BEGIN:VEVENT\r\n";
    for (const QString &line : master.recurrence) {
        const QString l = line.trimmed();
        if (!l.isEmpty())
            text += l.toUtf8() + "\r\n";
    }
    text += "END:VEVENT\r\n";
    ComponentPtr comp(icalparser_parse_string(text.constData()));
    if (!comp)
        return result;

    QTimeZone zone = QTimeZone::utc();
    icaltimezone *izone = icaltimezone_get_utc_timezone();
    if (master.allDay) {
        icalcomponent_set_dtstart(comp.get(), toIcalDate(master.startDate));
        icalcomponent_set_dtend(comp.get(), toIcalDate(master.endDate));
        fromMs -= kDayMs;
        toMs += kDayMs;
    } else {
        const QByteArray tzid = exportZoneId(master.start);
        if (!tzid.isEmpty()) {
            izone = builtinZone(tzid);
            zone = master.start.timeZone();
        }
        icaltimetype s = toIcalTime(master.start, tzid);
        icaltimetype e = toIcalTime(master.end.toTimeZone(zone), tzid);
        s.zone = e.zone = izone;
        icalcomponent_set_dtstart(comp.get(), s);
        icalcomponent_set_dtend(comp.get(), e);
    }

    QList<qint64> starts;
    const qint64 lengthMs = master.allDay
        ? master.startDate.daysTo(master.endDate) * kDayMs
        : master.end.toMSecsSinceEpoch() - master.start.toMSecsSinceEpoch();
    const icaltimetype dtstart = icalcomponent_get_dtstart(comp.get());
    // The instant of an instance the iterator produced: a wall time in the master's zone
    // (a wall time in a DST gap moves forward, RFC 5545 §3.3.5) or a day.
    auto instant = [&](const icaltimetype &t) -> qint64 {
        if (master.allDay)
            return QDateTime(dateOf(t), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        return wallTimeIn(dateOf(t), QTime(t.hour, t.minute, t.second), zone).toSecsSinceEpoch();
    };
    starts.append(instant(dtstart)); // DTSTART is always the first instance
    const qint64 firstWanted = (fromMs - lengthMs) / 1000 - 1;
    const qint64 lastWanted = toMs / 1000 + 1;
    // Every RRULE (RFC 5545 §3.8.5.3 says it SHOULD NOT occur more than once, but files do it
    // and other readers take the union): all of them together draw on the series' share of the
    // query's budget, so extra rules cost no more than one long rule.
    qint64 seriesSteps = 0;
    for (icalproperty *p = icalcomponent_get_first_property(comp.get(), ICAL_RRULE_PROPERTY); p;
         p = icalcomponent_get_next_property(comp.get(), ICAL_RRULE_PROPERTY)) {
        icalrecurrencetype rule = icalproperty_get_rrule(p);
        if (rule.freq == ICAL_SECONDLY_RECURRENCE || rule.freq == ICAL_MINUTELY_RECURRENCE) {
            // Hundreds of millions of steps for a year; only DTSTART is shown.
            result.cut = true;
            result.reason = RecurrenceBudget::Reason::TooFrequent;
            rule.freq = ICAL_NO_RECURRENCE;
        }
        // A UTC (or zoned) UNTIL compared with floating wall times must be a wall time too.
        if (!master.allDay && !icaltime_is_null_time(rule.until) && !rule.until.is_date
            && rule.until.zone) {
            icaltimetype u = icaltime_convert_to_zone(
                rule.until, izone ? izone : icaltimezone_get_utc_timezone());
            u.zone = nullptr;
            rule.until = u;
        }
        // Step in floating wall time: with a zoned DTSTART libical keeps the wall time it
        // normalised a DST-gap instance to (02:30 -> 03:30), and every later instance would be
        // an hour late. instant() converts each wall time in the series' zone itself.
        icaltimetype wallStart = dtstart;
        if (!master.allDay)
            wallStart.zone = nullptr;
        icalrecur_iterator *it
            = rule.freq == ICAL_NO_RECURRENCE ? nullptr : icalrecur_iterator_new(rule, wallStart);
        if (it) {
            // Without COUNT the iterator can start near the range instead of at DTSTART (libical
            // steps with ICU calendars: a year of weekly steps per master costs milliseconds).
            const qint64 skipTo = firstWanted - kRoughSlackSecs;
            if (rule.count == 0 && !master.allDay
                && skipTo > icaltime_as_timet_with_zone(dtstart, izone)) {
                // skipTo already has a day of slack, so reading it as a floating wall time is safe.
                icaltimetype from = icaltime_from_timet_with_zone(time_t(skipTo), 0, nullptr);
                from.zone = nullptr;
                icalrecur_iterator_set_start(it, from);
            }
            for (;;) {
                if ((budget.remaining <= 0 && seriesSteps >= RecurrenceBudget::kSeriesMinimum)
                    || seriesSteps >= RecurrenceBudget::kSeriesSteps) {
                    result.cut = true;
                    break;
                }
                --budget.remaining;
                ++budget.used;
                ++seriesSteps;
                const icaltimetype t = icalrecur_iterator_next(it);
                if (icaltime_is_null_time(t))
                    break;
                // The wall time read as UTC is within a day of the instant and needs no zone
                // lookup: instances far outside the range are skipped without one.
                const qint64 rough
                    = QDateTime(dateOf(t), QTime(t.hour, t.minute, t.second), Qt::UTC)
                          .toSecsSinceEpoch();
                if (rough > lastWanted + kRoughSlackSecs)
                    break;
                if (rough < firstWanted - kRoughSlackSecs)
                    continue;
                const qint64 s = instant(t);
                if (s > lastWanted)
                    break;
                if (s >= firstWanted)
                    starts.append(s);
            }
            icalrecur_iterator_free(it);
        }
    }

    // RDATEs.
    for (icalproperty *p = icalcomponent_get_first_property(comp.get(), ICAL_RDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(comp.get(), ICAL_RDATE_PROPERTY)) {
        const icaldatetimeperiodtype v = icalproperty_get_rdate(p);
        icaltimetype t = icaltime_is_null_time(v.time) ? v.period.start : v.time;
        if (icaltime_is_null_time(t))
            continue;
        if (master.allDay) {
            starts.append(QDateTime(dateOf(t), QTime(0, 0), Qt::UTC).toSecsSinceEpoch());
        } else if (t.is_date) { // a day of a timed series: DTSTART's wall time that day
            starts.append(wallTimeIn(dateOf(t), master.start.toTimeZone(zone).time(), zone)
                              .toSecsSinceEpoch());
        } else {
            icaltimezone *z
                = t.zone ? const_cast<icaltimezone *>(t.zone) : zoneOfParameter(p, izone);
            starts.append(qint64(icaltime_as_timet_with_zone(t, z)));
        }
    }

    // EXDATEs (libical's own handling ignores TZID without a VCALENDAR around).
    QSet<qint64> excluded;
    QSet<QDate> excludedDays;
    for (icalproperty *p = icalcomponent_get_first_property(comp.get(), ICAL_EXDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(comp.get(), ICAL_EXDATE_PROPERTY)) {
        icaltimetype t = icalproperty_get_exdate(p);
        if (t.is_date || master.allDay) {
            excludedDays.insert(dateOf(t));
            continue;
        }
        icaltimezone *z = t.zone ? const_cast<icaltimezone *>(t.zone) : zoneOfParameter(p, izone);
        excluded.insert(qint64(icaltime_as_timet_with_zone(t, z)));
    }
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    result.starts = std::move(starts);
    result.excluded = std::move(excluded);
    result.excludedDays = std::move(excludedDays);
    result.lengthMs = lengthMs;
    result.zone = zone;
    return result;
}

//! True when every RRULE of the series ends soon enough to list all its instances: COUNT up to
//! 10,000, or UNTIL within five years of the start.
bool isShortFinite(const Event &master)
{
    static const QRegularExpression count(QStringLiteral("COUNT=(\\d+)"));
    static const QRegularExpression until(QStringLiteral("UNTIL=(\\d{4})"));
    const int startYear = master.allDay ? master.startDate.year() : master.start.date().year();
    bool any = false;
    for (const QString &line : master.recurrence) {
        const QString l = line.trimmed().toUpper();
        if (!l.startsWith(QLatin1String("RRULE")))
            continue;
        any = true;
        if (const auto m = count.match(l); m.hasMatch()) {
            if (m.captured(1).toLongLong() > 10000)
                return false;
        } else if (const auto u = until.match(l); u.hasMatch()) {
            if (u.captured(1).toInt() - startYear > 5)
                return false;
        } else {
            return false;
        }
    }
    return any;
}

//! \brief The instants of finite series, per thread, keyed by everything that defines them.
//!
//! A listing asks for the same series again and again (every month view, every MCP request); a
//! finite series (COUNT / UNTIL) is expanded once, in full, and then only filtered. Series
//! without an end are expanded near the range each time (libical can start there).
class FiniteSeriesCache {
public:
    std::shared_ptr<const SeriesInstants> get(const Event &master, RecurrenceBudget &budget)
    {
        QByteArray key = master.recurrence.join(QLatin1Char('\n')).toUtf8();
        if (master.allDay)
            key += "|D|" + master.startDate.toString(Qt::ISODate).toLatin1() + '|'
                + master.endDate.toString(Qt::ISODate).toLatin1();
        else
            key += "|T|" + QByteArray::number(master.start.toMSecsSinceEpoch()) + '|'
                + QByteArray::number(master.end.toMSecsSinceEpoch()) + '|'
                + exportZoneId(master.start);
        if (const auto it = m_cache.constFind(key); it != m_cache.constEnd())
            return *it;
        constexpr qint64 kWide = std::numeric_limits<qint64>::max() / 4;
        auto instants = std::make_shared<const SeriesInstants>(
            computeInstants(master, -kWide, kWide, budget));
        if (instants->cut && instants->reason == RecurrenceBudget::Reason::Budget)
            return instants; // the next query may have the budget to finish it
        if (m_cache.size() >= kMaxSeries)
            m_cache.clear();
        m_cache.insert(key, instants);
        return instants;
    }

private:
    static constexpr int kMaxSeries = 4096;
    QHash<QByteArray, std::shared_ptr<const SeriesInstants>> m_cache;
};

} // namespace

QList<QDateTime> expandRecurrence(
    const Event &master, qint64 fromMs, qint64 toMs, const QList<QDateTime> &skipStarts)
{
    initLibical();
    QList<QDateTime> out;
    if (!master.isValid())
        return out;
    RecurrenceBudget own;
    RecurrenceBudget &budget = RecurrenceBudget::current() ? *RecurrenceBudget::current() : own;
    std::shared_ptr<const SeriesInstants> cached;
    SeriesInstants computed;
    if (isShortFinite(master)) {
        thread_local FiniteSeriesCache cache;
        cached = cache.get(master, budget);
    } else {
        computed = computeInstants(master, fromMs, toMs, budget);
    }
    const SeriesInstants &in = cached ? *cached : computed;
    if (in.cut)
        budget.addCut(master.id, master.title, in.reason);
    if (master.allDay) {
        fromMs -= kDayMs;
        toMs += kDayMs;
    }

    QSet<qint64> skip;
    for (const QDateTime &s : skipStarts)
        skip.insert(s.toSecsSinceEpoch());

    const qint64 lengthMs = in.lengthMs;
    const auto first = std::lower_bound(
        in.starts.cbegin(), in.starts.cend(), (fromMs - std::max<qint64>(lengthMs, 0)) / 1000 - 1);
    for (auto it = first; it != in.starts.cend(); ++it) {
        const qint64 s = *it;
        const qint64 sMs = s * 1000;
        if (sMs >= toMs)
            break;
        const bool overlaps = lengthMs > 0 ? (sMs < toMs && sMs + lengthMs > fromMs)
                                           : (sMs >= fromMs && sMs < toMs);
        if (!overlaps || in.excluded.contains(s) || skip.contains(s))
            continue;
        if (master.allDay) {
            const QDateTime d = QDateTime::fromSecsSinceEpoch(s, Qt::UTC);
            if (!in.excludedDays.contains(d.date()))
                out.append(d);
        } else {
            const QDateTime d = QDateTime::fromSecsSinceEpoch(s, in.zone);
            if (!in.excludedDays.contains(d.date()))
                out.append(d);
        }
    }
    return out;
}

QString recurrenceError(const QStringList &lines)
{
    initLibical();
    int rrules = 0;
    for (const QString &raw : lines) {
        const QString l = raw.trimmed();
        const QString upper = l.toUpper();
        auto named = [&](QLatin1StringView name) {
            return upper.startsWith(name) && l.size() > name.size()
                && (l.at(name.size()) == QLatin1Char(':') || l.at(name.size()) == QLatin1Char(';'));
        };
        const bool rrule = named(QLatin1StringView("RRULE"));
        if (!rrule && !named(QLatin1StringView("RDATE")) && !named(QLatin1StringView("EXDATE")))
            return QStringLiteral("each line must start with RRULE:, RDATE or EXDATE, got \"%1\"")
                .arg(l);
        for (const QChar c : l)
            if (c.category() == QChar::Other_Control)
                return QStringLiteral("control characters in a recurrence line");
        if (rrule) {
            if (++rrules > 1)
                return QStringLiteral("at most one RRULE per event (RFC 5545)");
            icalproperty *p = icalproperty_new_from_string(l.toUtf8().constData());
            if (!p || icalproperty_isa(p) != ICAL_RRULE_PROPERTY) {
                if (p)
                    icalproperty_free(p);
                return QStringLiteral("\"%1\" is not a valid RRULE (RFC 5545 §3.3.10)").arg(l);
            }
            const icalrecurrencetype r = icalproperty_get_rrule(p);
            icalproperty_free(p);
            if (r.freq == ICAL_NO_RECURRENCE || r.interval < 1)
                return QStringLiteral("\"%1\" is not a valid RRULE (RFC 5545 §3.3.10)").arg(l);
            if (r.freq == ICAL_SECONDLY_RECURRENCE || r.freq == ICAL_MINUTELY_RECURRENCE)
                return QStringLiteral("\"%1\": FREQ=SECONDLY and FREQ=MINUTELY are not supported "
                                      "(an event repeats hourly at most)")
                    .arg(l);
            continue;
        }
        // RDATE / EXDATE: each comma-separated value must parse (libical's property parser
        // keeps only the first value of a list).
        const qsizetype colon = l.indexOf(QLatin1Char(':'));
        const QStringList values
            = colon < 0 ? QStringList() : l.mid(colon + 1).split(QLatin1Char(','));
        if (values.isEmpty())
            return QStringLiteral("\"%1\" has no value").arg(l);
        const QByteArray head = l.left(colon + 1).toUtf8();
        for (const QString &v : values) {
            const QByteArray one = head + v.trimmed().toUtf8();
            icalproperty *p = icalproperty_new_from_string(one.constData());
            bool ok = p != nullptr;
            if (ok && icalproperty_isa(p) == ICAL_EXDATE_PROPERTY)
                ok = !icaltime_is_null_time(icalproperty_get_exdate(p));
            if (ok && icalproperty_isa(p) == ICAL_RDATE_PROPERTY) {
                const icaldatetimeperiodtype d = icalproperty_get_rdate(p);
                ok = !icaltime_is_null_time(d.time) || !icaltime_is_null_time(d.period.start);
            }
            if (p)
                icalproperty_free(p);
            if (!ok)
                return QStringLiteral("\"%1\" in \"%2\" is not a valid date or date-time")
                    .arg(v.trimmed(), l);
        }
    }
    return {};
}

CalendarService::RecurrenceExpander makeRecurrenceExpander(OverrideLookup overrides)
{
    return [overrides = std::move(overrides)](const Event &master, qint64 fromMs, qint64 toMs) {
        return expandRecurrence(
            master, fromMs, toMs, overrides ? overrides(master) : QList<QDateTime>());
    };
}

OverrideLookup storeOverrideLookup(EventStore &store)
{
    return [&store](const Event &master) {
        QList<QDateTime> starts;
        if (master.iCalUid.isEmpty())
            return starts;
        auto same = store.eventsByUid(master.iCalUid);
        if (!same)
            return starts;
        for (const Event &e : std::as_const(*same)) {
            if (e.recurringEventId == master.id && e.originalStart.isValid())
                starts.append(e.originalStart);
        }
        return starts;
    };
}

void installRecurrenceExpander(CalendarService &service)
{
    service.setRecurrenceExpander(makeRecurrenceExpander(storeOverrideLookup(service.store())));
}

} // namespace kairos::ics
