// Group answers of chat commands: the best meal-time slot for everyone named, and the
// availability answer posted to the room (docs/commands.md, "Availability answers").
#include "commands/groupanswer.h"

#include "commands/phraseparser.h"
#include "model/zonedtime.h"

#include <QJsonArray>
#include <QSet>
#include <QUuid>

namespace kairos::commands {

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr int kGridMinutes = 15;

//! \a t rounded up to the next quarter hour of its wall clock in \a zone.
QDateTime roundUpToGrid(const QDateTime &t, const QTimeZone &zone)
{
    const QDateTime local = t.toTimeZone(zone);
    const qint64 ms = local.time().msecsSinceStartOfDay();
    const qint64 step = qint64(kGridMinutes) * kMinute;
    const qint64 rest = ms % step;
    return rest == 0 ? local : local.addMSecs(step - rest);
}

QJsonArray names(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList namesFrom(const QJsonValue &v)
{
    QStringList out;
    const QJsonArray a = v.toArray();
    for (const QJsonValue &x : a) {
        if (x.isString() && out.size() < 200)
            out << x.toString().left(80);
    }
    return out;
}

QDateTime timeFrom(const QJsonValue &v)
{
    return v.isString() ? QDateTime::fromString(v.toString(), Qt::ISODate) : QDateTime();
}

QJsonObject slotJson(const AvailabilityAnswer::Slot &s)
{
    QJsonObject o { { QStringLiteral("start"), isoWithOffset(s.start) },
        { QStringLiteral("end"), isoWithOffset(s.end) } };
    if (!s.busy.isEmpty())
        o.insert(QStringLiteral("busy"), names(s.busy));
    if (!s.tentative.isEmpty())
        o.insert(QStringLiteral("tentative"), names(s.tentative));
    if (!s.outOfOffice.isEmpty())
        o.insert(QStringLiteral("out_of_office"), names(s.outOfOffice));
    if (!s.outsideHours.isEmpty())
        o.insert(QStringLiteral("outside_hours"), names(s.outsideHours));
    if (!s.unknown.isEmpty())
        o.insert(QStringLiteral("unknown"), names(s.unknown));
    return o;
}

std::optional<AvailabilityAnswer::Slot> slotFrom(const QJsonValue &v)
{
    const QJsonObject o = v.toObject();
    AvailabilityAnswer::Slot s;
    s.start = timeFrom(o.value(QLatin1String("start")));
    s.end = timeFrom(o.value(QLatin1String("end")));
    if (!s.start.isValid() || !s.end.isValid() || s.end <= s.start)
        return std::nullopt;
    s.busy = namesFrom(o.value(QLatin1String("busy")));
    s.tentative = namesFrom(o.value(QLatin1String("tentative")));
    s.outOfOffice = namesFrom(o.value(QLatin1String("out_of_office")));
    s.outsideHours = namesFrom(o.value(QLatin1String("outside_hours")));
    s.unknown = namesFrom(o.value(QLatin1String("unknown")));
    return s;
}

AvailabilityAnswer::Slot toSlot(const scheduling::Slot &slot, const QTimeZone &zone)
{
    using A = scheduling::ParticipantSlotInfo::Availability;
    AvailabilityAnswer::Slot s;
    s.start = QDateTime::fromMSecsSinceEpoch(slot.interval.start, zone);
    s.end = QDateTime::fromMSecsSinceEpoch(slot.interval.end, zone);
    for (const scheduling::ParticipantSlotInfo &i : slot.reason.participants) {
        switch (i.availability) {
        case A::Busy:
            s.busy << i.name;
            break;
        case A::Tentative:
            s.tentative << i.name;
            break;
        case A::OutOfOffice:
            s.outOfOffice << i.name;
            break;
        case A::Unknown:
            s.unknown << i.name;
            continue;
        case A::Free:
            break;
        }
        if (!i.insideWorkingHours)
            s.outsideHours << i.name;
    }
    return s;
}

QString availabilityName(scheduling::ParticipantSlotInfo::Availability a)
{
    using A = scheduling::ParticipantSlotInfo::Availability;
    switch (a) {
    case A::Free:
        return QStringLiteral("free");
    case A::Tentative:
        return QStringLiteral("tentative");
    case A::Busy:
        return QStringLiteral("busy");
    case A::OutOfOffice:
        return QStringLiteral("out_of_office");
    case A::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

} // namespace

Expected<scheduling::SlotResult> findInDailyWindow(QList<scheduling::Participant> participants,
    const QDateTime &from, const QDateTime &to, int durationMinutes, int dailyFromMinute,
    int dailyToMinute, const QTimeZone &zone, int maxSuggestions)
{
    // The daily window replaces working hours, every day, read in each one's own zone.
    scheduling::WorkingHours daily;
    for (int d = Qt::Monday; d <= Qt::Sunday; ++d)
        daily.setRanges(
            Qt::DayOfWeek(d), { scheduling::TimeRange { dailyFromMinute, dailyToMinute } });
    for (scheduling::Participant &p : participants)
        p.workingHours = daily;
    scheduling::SlotRequest request;
    const QDateTime start = roundUpToGrid(from, zone);
    request.window = Interval::fromDateTimes(start, std::max(start, to));
    request.durationMs = qint64(durationMinutes) * kMinute;
    request.granularityMs = qint64(kGridMinutes) * kMinute;
    request.participants = std::move(participants);
    scheduling::SlotOptions options;
    options.maxSuggestions = maxSuggestions;
    options.displayZone = zone;
    return scheduling::SlotFinder::find(request, options);
}

void applyDefaultWorkingHours(QList<scheduling::Participant> &participants)
{
    scheduling::WorkingHours day;
    for (int d = Qt::Monday; d <= Qt::Sunday; ++d)
        day.setRanges(Qt::DayOfWeek(d), { scheduling::TimeRange { 9 * 60, 18 * 60 } });
    for (scheduling::Participant &p : participants) {
        if (p.workingHours.isUnrestricted())
            p.workingHours = day;
    }
}

bool AvailabilityAnswer::allFree() const
{
    return std::all_of(people.cbegin(), people.cend(), [](const Person &p) {
        return p.availability == QLatin1String("free") && p.insideWorkingHours;
    });
}

QJsonObject AvailabilityAnswer::toJson() const
{
    QJsonObject o {
        { QStringLiteral("kind"),
            kind == Kind::Check ? QStringLiteral("check") : QStringLiteral("slots") },
        { QStringLiteral("id"), id },
        { QStringLiteral("asker"), asker },
        { QStringLiteral("question"), question },
        { QStringLiteral("title"), title },
        { QStringLiteral("duration_minutes"), durationMinutes },
        { QStringLiteral("participants"), names(participants) },
    };
    if (kind == Kind::Check) {
        o.insert(QStringLiteral("start"), isoWithOffset(start));
        o.insert(QStringLiteral("end"), isoWithOffset(end));
        QJsonArray a;
        for (const Person &p : people)
            a.append(QJsonObject { { QStringLiteral("name"), p.name },
                { QStringLiteral("availability"), p.availability },
                { QStringLiteral("inside_working_hours"), p.insideWorkingHours } });
        o.insert(QStringLiteral("people"), a);
    } else {
        o.insert(QStringLiteral("window"),
            QJsonObject { { QStringLiteral("start"), isoWithOffset(windowStart) },
                { QStringLiteral("end"), isoWithOffset(windowEnd) } });
        QJsonArray a;
        for (const Slot &s : slots)
            a.append(slotJson(s));
        o.insert(QStringLiteral("slots"), a);
        if (!nothing.isEmpty())
            o.insert(QStringLiteral("nothing"), nothing);
        if (!blockers.isEmpty())
            o.insert(QStringLiteral("blockers"), names(blockers));
        if (nearest)
            o.insert(QStringLiteral("nearest"), slotJson(*nearest));
    }
    if (!zones.isEmpty()) {
        QJsonObject z;
        for (const auto &[name, id] : zones)
            z.insert(name, QString::fromLatin1(id));
        o.insert(QStringLiteral("zones"), z);
    }
    if (!missing.isEmpty())
        o.insert(QStringLiteral("missing"), names(missing));
    if (!stale.isEmpty()) {
        QJsonArray a;
        for (const Stale &s : stale)
            a.append(QJsonObject { { QStringLiteral("name"), s.name },
                { QStringLiteral("made_at"), isoWithOffset(s.madeAt.toUTC()) } });
        o.insert(QStringLiteral("stale"), a);
    }
    return o;
}

std::optional<AvailabilityAnswer> AvailabilityAnswer::fromJson(const QJsonObject &o)
{
    AvailabilityAnswer a;
    const QString kind = o.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("check"))
        a.kind = Kind::Check;
    else if (kind != QLatin1String("slots"))
        return std::nullopt;
    a.id = o.value(QLatin1String("id")).toString().left(64);
    a.asker = o.value(QLatin1String("asker")).toString().left(80);
    a.question = o.value(QLatin1String("question")).toString().left(2000);
    a.title = o.value(QLatin1String("title")).toString().left(200);
    a.durationMinutes = o.value(QLatin1String("duration_minutes")).toInt(30);
    a.participants = namesFrom(o.value(QLatin1String("participants")));
    if (a.id.isEmpty() || a.durationMinutes <= 0 || a.durationMinutes > 24 * 60)
        return std::nullopt;
    if (a.kind == Kind::Check) {
        a.start = timeFrom(o.value(QLatin1String("start")));
        a.end = timeFrom(o.value(QLatin1String("end")));
        if (!a.start.isValid() || !a.end.isValid())
            return std::nullopt;
        const QJsonArray people = o.value(QLatin1String("people")).toArray();
        for (const QJsonValue &v : people) {
            const QJsonObject p = v.toObject();
            if (!p.value(QLatin1String("name")).isString() || a.people.size() >= 100)
                continue;
            a.people.append({ p.value(QLatin1String("name")).toString().left(80),
                p.value(QLatin1String("availability")).toString(QStringLiteral("unknown")),
                p.value(QLatin1String("inside_working_hours")).toBool(true) });
        }
    } else {
        const QJsonObject w = o.value(QLatin1String("window")).toObject();
        a.windowStart = timeFrom(w.value(QLatin1String("start")));
        a.windowEnd = timeFrom(w.value(QLatin1String("end")));
        const QJsonArray slots = o.value(QLatin1String("slots")).toArray();
        for (const QJsonValue &v : slots) {
            if (auto s = slotFrom(v); s && a.slots.size() < 10)
                a.slots.append(*s);
        }
        a.nothing = o.value(QLatin1String("nothing")).toString().left(40);
        a.blockers = namesFrom(o.value(QLatin1String("blockers")));
        if (o.contains(QLatin1String("nearest")))
            a.nearest = slotFrom(o.value(QLatin1String("nearest")));
    }
    const QJsonObject zones = o.value(QLatin1String("zones")).toObject();
    for (auto it = zones.begin(); it != zones.end() && a.zones.size() < 100; ++it) {
        const QByteArray id = it.value().toString().toLatin1();
        if (QTimeZone::isTimeZoneIdAvailable(id))
            a.zones.append({ it.key().left(80), id });
    }
    a.missing = namesFrom(o.value(QLatin1String("missing")));
    const QJsonArray stale = o.value(QLatin1String("stale")).toArray();
    for (const QJsonValue &v : stale) {
        const QJsonObject s = v.toObject();
        const QDateTime t = timeFrom(s.value(QLatin1String("made_at")));
        if (s.value(QLatin1String("name")).isString() && t.isValid() && a.stale.size() < 100)
            a.stale.append({ s.value(QLatin1String("name")).toString().left(80), t });
    }
    return a;
}

Expected<AvailabilityAnswer> answerAvailability(const Interpretation &in,
    const QList<MemberState> &members, const QString &asker, const QDateTime &now,
    const QTimeZone &zone, int maxSlots, qint64 staleAfterSecs)
{
    AvailabilityAnswer a;
    a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    a.asker = asker;
    a.title
        = in.language == Language::Spanish ? QStringLiteral("Reunión") : QStringLiteral("Meeting");
    a.durationMinutes = in.durationMinutes > 0 ? in.durationMinutes : 30;

    // Who the question is about.
    static const QSet<QString> aboutNamed = { QStringLiteral("availability.when-is-free"),
        QStringLiteral("availability.is-x-free"), QStringLiteral("availability.esta-x-libre"),
        QStringLiteral("availability.x-esta-libre"), QStringLiteral("availability.cuando-libres") };
    QStringList who = in.participants;
    if (who.isEmpty()) {
        for (const MemberState &m : members)
            who << m.participant.name;
    } else if (!aboutNamed.contains(in.rule) && !asker.isEmpty()) {
        who.prepend(asker);
    }
    if (who.isEmpty() && !asker.isEmpty())
        who << asker;
    QStringList seen;
    QList<scheduling::Participant> participants;
    for (const QString &name : std::as_const(who)) {
        if (seen.contains(name, Qt::CaseInsensitive))
            continue;
        seen << name;
        const auto it = std::find_if(members.cbegin(), members.cend(), [&](const MemberState &m) {
            return m.participant.name.compare(name, Qt::CaseInsensitive) == 0;
        });
        scheduling::Participant p;
        if (it == members.cend() || !it->shared) {
            p.name = it == members.cend() ? name : it->participant.name;
            p.availabilityKnown = false;
            a.missing << p.name;
        } else {
            p = it->participant;
            p.availabilityKnown = true;
            if (p.zone.isValid())
                a.zones.append({ p.name, p.zone.id() });
            if (it->madeAt.isValid() && it->madeAt.secsTo(now) > staleAfterSecs)
                a.stale.append({ p.name, it->madeAt });
        }
        p.required = true;
        a.participants << p.name;
        participants << p;
    }

    const QDateTime ws = in.windowStart.isValid() ? in.windowStart.toTimeZone(zone) : now;
    const QDateTime we = in.windowEnd.isValid() ? in.windowEnd.toTimeZone(zone) : now.addDays(7);
    scheduling::SlotRequest request;
    request.durationMs = qint64(a.durationMinutes) * kMinute;
    request.granularityMs = qint64(kGridMinutes) * kMinute;
    request.participants = participants;
    scheduling::SlotOptions options;
    options.maxSuggestions = maxSlots;
    options.displayZone = zone;

    if (ws.secsTo(we) == qint64(a.durationMinutes) * 60) {
        // "Is Bob free at 3 tomorrow?": one time, yes or no for each person, with the reason.
        a.kind = AvailabilityAnswer::Kind::Check;
        a.start = ws;
        a.end = we;
        request.window = Interval::fromDateTimes(ws, we);
        const scheduling::SlotReason reason
            = scheduling::SlotFinder::describe(request, ws.toMSecsSinceEpoch(), options);
        for (const scheduling::ParticipantSlotInfo &i : reason.participants)
            a.people.append({ i.name, availabilityName(i.availability), i.insideWorkingHours });
        return a;
    }

    a.kind = AvailabilityAnswer::Kind::Slots;
    a.windowStart = roundUpToGrid(std::max(ws, now.toTimeZone(zone)), zone);
    a.windowEnd = we;
    if (a.windowStart.msecsTo(a.windowEnd) < request.durationMs) {
        a.nothing = QStringLiteral("empty_window");
        return a;
    }
    request.window = Interval::fromDateTimes(a.windowStart, a.windowEnd);
    applyDefaultWorkingHours(request.participants);
    auto found = scheduling::SlotFinder::find(request, options);
    if (!found)
        return found.error();
    for (const scheduling::Slot &s : found->suggestions)
        a.slots.append(toSlot(s, zone));
    using K = scheduling::NoSlotExplanation::Kind;
    switch (found->explanation.kind) {
    case K::None:
        break;
    case K::EmptyWindow:
        a.nothing = QStringLiteral("empty_window");
        break;
    case K::ParticipantUnavailable:
        a.nothing = QStringLiteral("participant_unavailable");
        for (const auto &b : found->explanation.blockers)
            a.blockers << b.name;
        break;
    case K::NoCommonWorkingHours:
        a.nothing = QStringLiteral("no_common_working_hours");
        a.blockers = found->explanation.participants;
        break;
    case K::NoCommonFreeTime:
        a.nothing = QStringLiteral("no_common_free_time");
        a.blockers = found->explanation.participants;
        break;
    }
    if (found->explanation.nearest)
        a.nearest = toSlot(*found->explanation.nearest, zone);
    return a;
}

} // namespace kairos::commands
