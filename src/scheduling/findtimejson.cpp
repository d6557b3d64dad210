#include "scheduling/findtimejson.h"

#include "scheduling/reasontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace kairos::scheduling {

namespace {
constexpr qint64 kMinute = 60 * 1000;

Error fieldError(const QString &path, const QString &what)
{
    return makeError(Error::Code::InvalidInput, path + QStringLiteral(": ") + what);
}

Expected<QDateTime> parseInstant(const QJsonValue &v, const QString &path)
{
    if (!v.isString())
        return fieldError(path,
            QStringLiteral("expected an ISO-8601 date-time string with an offset, "
                           "e.g. \"2026-12-08T09:00:00+01:00\""));
    const QString s = v.toString();
    const QDateTime dt = QDateTime::fromString(s, Qt::ISODateWithMs);
    if (!dt.isValid())
        return fieldError(path, QStringLiteral("\"%1\" is not an ISO-8601 date-time").arg(s));
    if (dt.timeSpec() == Qt::LocalTime)
        return fieldError(
            path, QStringLiteral("\"%1\" has no UTC offset (add Z or +HH:MM)").arg(s));
    return dt;
}

Expected<qint64> parsePositiveMinutes(const QJsonObject &o, const QString &key, qint64 fallback)
{
    if (!o.contains(key)) {
        if (fallback > 0)
            return fallback;
        return fieldError(key, QStringLiteral("missing (a whole number of minutes)"));
    }
    const QJsonValue v = o.value(key);
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != double(qint64(d)) || d < 1 || d > 366.0 * 24 * 60)
        return fieldError(key, QStringLiteral("expected a positive whole number of minutes"));
    return qint64(d);
}

Expected<QTimeZone> parseZone(const QJsonValue &v, const QString &path)
{
    if (!v.isString() || v.toString().isEmpty())
        return fieldError(
            path, QStringLiteral("expected an IANA time zone name such as \"Europe/Berlin\""));
    const QByteArray id = v.toString().toUtf8();
    if (!QTimeZone::isTimeZoneIdAvailable(id))
        return fieldError(path, QStringLiteral("unknown time zone \"%1\"").arg(v.toString()));
    return QTimeZone(id);
}

Expected<Participant> parseParticipant(const QJsonValue &v, const QString &path)
{
    if (!v.isObject())
        return fieldError(path, QStringLiteral("expected an object"));
    const QJsonObject o = v.toObject();
    Participant p;
    const QJsonValue name = o.value(QStringLiteral("name"));
    if (!name.isString() || name.toString().trimmed().isEmpty())
        return fieldError(
            path + QStringLiteral(".name"), QStringLiteral("expected a non-empty string"));
    p.name = name.toString().trimmed();
    auto zone
        = parseZone(o.value(QStringLiteral("time_zone")), path + QStringLiteral(".time_zone"));
    if (!zone)
        return zone.error();
    p.zone = *zone;
    if (o.contains(QStringLiteral("required"))) {
        if (!o.value(QStringLiteral("required")).isBool())
            return fieldError(
                path + QStringLiteral(".required"), QStringLiteral("expected true or false"));
        p.required = o.value(QStringLiteral("required")).toBool();
    }
    if (o.contains(QStringLiteral("email"))) {
        if (!o.value(QStringLiteral("email")).isString())
            return fieldError(path + QStringLiteral(".email"), QStringLiteral("expected a string"));
        p.email = o.value(QStringLiteral("email")).toString();
    }
    if (o.contains(QStringLiteral("availability_unknown"))) {
        if (!o.value(QStringLiteral("availability_unknown")).isBool())
            return fieldError(path + QStringLiteral(".availability_unknown"),
                QStringLiteral("expected true or false"));
        p.availabilityKnown = !o.value(QStringLiteral("availability_unknown")).toBool();
    }
    if (o.contains(QStringLiteral("working_hours"))
        && !o.value(QStringLiteral("working_hours")).isNull()) {
        auto wh = WorkingHours::fromJson(
            o.value(QStringLiteral("working_hours")), path + QStringLiteral(".working_hours"));
        if (!wh)
            return wh.error();
        p.workingHours = *wh;
    }
    if (o.contains(QStringLiteral("busy"))) {
        const QJsonValue busy = o.value(QStringLiteral("busy"));
        if (!busy.isArray())
            return fieldError(path + QStringLiteral(".busy"), QStringLiteral("expected an array"));
        const QJsonArray a = busy.toArray();
        p.busy.reserve(a.size());
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString bp = path + QStringLiteral(".busy[%1]").arg(i);
            if (!a[i].isObject())
                return fieldError(
                    bp, QStringLiteral("expected an object {\"start\", \"end\", \"status\"}"));
            const QJsonObject b = a[i].toObject();
            auto s = parseInstant(b.value(QStringLiteral("start")), bp + QStringLiteral(".start"));
            if (!s)
                return s.error();
            auto e = parseInstant(b.value(QStringLiteral("end")), bp + QStringLiteral(".end"));
            if (!e)
                return e.error();
            if (*e <= *s)
                return fieldError(
                    bp + QStringLiteral(".end"), QStringLiteral("must be after start"));
            BusyInterval bi { Interval::fromDateTimes(*s, *e), BusyStatus::Busy };
            if (b.contains(QStringLiteral("status"))) {
                const QString st = b.value(QStringLiteral("status")).toString();
                if (st == QLatin1String("busy"))
                    bi.status = BusyStatus::Busy;
                else if (st == QLatin1String("tentative"))
                    bi.status = BusyStatus::Tentative;
                else if (st == QLatin1String("out_of_office"))
                    bi.status = BusyStatus::OutOfOffice;
                else
                    return fieldError(bp + QStringLiteral(".status"),
                        QStringLiteral("expected \"busy\", \"tentative\" or \"out_of_office\""));
            }
            p.busy.append(bi);
        }
    }
    return p;
}

QString availabilityName(ParticipantSlotInfo::Availability a)
{
    switch (a) {
    case ParticipantSlotInfo::Availability::Free:
        return QStringLiteral("free");
    case ParticipantSlotInfo::Availability::Tentative:
        return QStringLiteral("tentative");
    case ParticipantSlotInfo::Availability::Busy:
        return QStringLiteral("busy");
    case ParticipantSlotInfo::Availability::OutOfOffice:
        return QStringLiteral("out_of_office");
    case ParticipantSlotInfo::Availability::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

QString kindName(NoSlotExplanation::Kind k)
{
    using K = NoSlotExplanation::Kind;
    switch (k) {
    case K::None:
        return QStringLiteral("none");
    case K::EmptyWindow:
        return QStringLiteral("empty_window");
    case K::ParticipantUnavailable:
        return QStringLiteral("participant_unavailable");
    case K::NoCommonWorkingHours:
        return QStringLiteral("no_common_working_hours");
    case K::NoCommonFreeTime:
        return QStringLiteral("no_common_free_time");
    }
    return {};
}

QString causeName(NoSlotExplanation::Blocker::Cause c)
{
    using C = NoSlotExplanation::Blocker::Cause;
    switch (c) {
    case C::NoWorkingHours:
        return QStringLiteral("no_working_hours");
    case C::OutOfOffice:
        return QStringLiteral("out_of_office");
    case C::Busy:
        return QStringLiteral("busy");
    }
    return {};
}
} // namespace

Expected<FindTimeInput> parseFindTimeInput(const QByteArray &json)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError)
        return makeError(Error::Code::ParseError,
            QStringLiteral("(document): invalid JSON at offset %1: %2")
                .arg(pe.offset)
                .arg(pe.errorString()));
    if (!doc.isObject())
        return fieldError(QStringLiteral("(document)"), QStringLiteral("expected a JSON object"));
    const QJsonObject o = doc.object();
    FindTimeInput in;

    const QJsonValue window = o.value(QStringLiteral("window"));
    if (!window.isObject())
        return fieldError(
            QStringLiteral("window"), QStringLiteral("expected an object {\"start\", \"end\"}"));
    auto ws = parseInstant(
        window.toObject().value(QStringLiteral("start")), QStringLiteral("window.start"));
    if (!ws)
        return ws.error();
    auto we = parseInstant(
        window.toObject().value(QStringLiteral("end")), QStringLiteral("window.end"));
    if (!we)
        return we.error();
    if (*we <= *ws)
        return fieldError(
            QStringLiteral("window.end"), QStringLiteral("must be after window.start"));
    in.request.window = Interval::fromDateTimes(*ws, *we);

    auto duration = parsePositiveMinutes(o, QStringLiteral("duration_minutes"), 0);
    if (!duration)
        return duration.error();
    auto granularity = parsePositiveMinutes(o, QStringLiteral("granularity_minutes"), 15);
    if (!granularity)
        return granularity.error();
    in.request.durationMs = *duration * kMinute;
    in.request.granularityMs = *granularity * kMinute;
    if (in.request.durationMs > in.request.window.length())
        return fieldError(
            QStringLiteral("duration_minutes"), QStringLiteral("longer than the window"));

    if (o.contains(QStringLiteral("max_suggestions"))) {
        const QJsonValue v = o.value(QStringLiteral("max_suggestions"));
        if (!v.isDouble() || v.toInt(0) < 1)
            return fieldError(QStringLiteral("max_suggestions"),
                QStringLiteral("expected a positive whole number"));
        in.options.maxSuggestions = v.toInt();
    }
    if (o.contains(QStringLiteral("tentative_blocks"))) {
        if (!o.value(QStringLiteral("tentative_blocks")).isBool())
            return fieldError(
                QStringLiteral("tentative_blocks"), QStringLiteral("expected true or false"));
        in.options.tentativeBlocks = o.value(QStringLiteral("tentative_blocks")).toBool();
    }
    in.options.displayZone = QTimeZone(ws->offsetFromUtc());
    if (o.contains(QStringLiteral("display_time_zone"))) {
        auto z = parseZone(
            o.value(QStringLiteral("display_time_zone")), QStringLiteral("display_time_zone"));
        if (!z)
            return z.error();
        in.options.displayZone = *z;
    }

    const QJsonValue participants = o.value(QStringLiteral("participants"));
    if (!participants.isArray() || participants.toArray().isEmpty())
        return fieldError(
            QStringLiteral("participants"), QStringLiteral("expected a non-empty array"));
    const QJsonArray a = participants.toArray();
    for (qsizetype i = 0; i < a.size(); ++i) {
        auto p = parseParticipant(a[i], QStringLiteral("participants[%1]").arg(i));
        if (!p)
            return p.error();
        in.request.participants.append(*p);
    }
    return in;
}

QString isoDateTime(qint64 ms, const QTimeZone &zone)
{
    return QDateTime::fromMSecsSinceEpoch(ms, zone).toString(Qt::ISODate);
}

QJsonObject slotToJson(const Slot &slot, const QTimeZone &displayZone)
{
    QJsonArray people;
    for (const ParticipantSlotInfo &i : slot.reason.participants) {
        people.append(QJsonObject { { QStringLiteral("name"), i.name },
            { QStringLiteral("required"), i.required },
            { QStringLiteral("availability"), availabilityName(i.availability) },
            { QStringLiteral("inside_working_hours"), i.insideWorkingHours },
            { QStringLiteral("at_edge_of_day"), i.atEdgeOfDay },
            { QStringLiteral("time_zone"), QString::fromLatin1(i.localStart.timeZone().id()) },
            { QStringLiteral("local_start"), i.localStart.toString(Qt::ISODate) },
            { QStringLiteral("local_end"), i.localEnd.toString(Qt::ISODate) } });
    }
    return QJsonObject { { QStringLiteral("start"), isoDateTime(slot.interval.start, displayZone) },
        { QStringLiteral("end"), isoDateTime(slot.interval.end, displayZone) },
        { QStringLiteral("attendees"), QJsonArray::fromStringList(slot.attendees()) },
        { QStringLiteral("reason"), englishReason(slot.reason) },
        { QStringLiteral("feasible"), slot.reason.feasible },
        { QStringLiteral("participants"), people } };
}

QJsonObject resultToJson(
    const SlotResult &result, const QTimeZone &displayZone, const QList<Slot> *allSlots)
{
    QJsonArray slots;
    for (const Slot &s : allSlots ? *allSlots : result.suggestions)
        slots.append(slotToJson(s, displayZone));
    QJsonObject o { { QStringLiteral("status"),
                        result.explanation.kind == NoSlotExplanation::Kind::None
                            ? QStringLiteral("ok")
                            : QStringLiteral("none") },
        { QStringLiteral("slots"), slots } };
    const NoSlotExplanation &ex = result.explanation;
    if (ex.kind != NoSlotExplanation::Kind::None) {
        QJsonArray blockers;
        for (const auto &b : ex.blockers)
            blockers.append(QJsonObject { { QStringLiteral("name"), b.name },
                { QStringLiteral("cause"), causeName(b.cause) } });
        QJsonObject e { { QStringLiteral("kind"), kindName(ex.kind) },
            { QStringLiteral("text"), englishExplanation(ex, displayZone) },
            { QStringLiteral("participants"), QJsonArray::fromStringList(ex.participants) },
            { QStringLiteral("blockers"), blockers } };
        if (ex.nearest)
            e.insert(QStringLiteral("nearest"), slotToJson(*ex.nearest, displayZone));
        o.insert(QStringLiteral("explanation"), e);
    }
    return o;
}

} // namespace kairos::scheduling
