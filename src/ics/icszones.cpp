#include "ics/icszones.h"

#include "ics/icalptr.h"
#include "model/zonedtime.h"

#include <QMutex>
#include <QMutexLocker>
#include <QSet>

namespace kairos::ics {

void initLibical()
{
    static const bool done = [] {
        icalerror_set_errors_are_fatal(0);
        return true;
    }();
    Q_UNUSED(done);
}

namespace {

bool isUtcName(const QByteArray &id)
{
    return id == "UTC" || id == "Z" || id == "GMT" || id == "Etc/UTC" || id == "Etc/GMT"
        || id == "Etc/Universal" || id == "Universal" || id == "Zulu";
}

//! True when `id` is a real IANA name the system knows (never a POSIX rule such as
//! "GMT+0100", which QTimeZone would also accept, with the opposite sign).
bool isKnownIana(const QByteArray &id)
{
    static const QSet<QByteArray> available = [] {
        const QList<QByteArray> ids = QTimeZone::availableTimeZoneIds();
        return QSet<QByteArray>(ids.begin(), ids.end());
    }();
    if (id.isEmpty())
        return false;
    if (available.contains(id))
        return true;
    return id.contains('/') && builtinZone(id) && QTimeZone(id).isValid();
}

//! A Windows zone id or an Outlook display name → IANA (CLDR's windowsZones table, vendored).
//! Display names are also tried with "(GMT…)" and "(UTC…)" swapped: Outlook wrote both.
QByteArray windowsNameToIana(const QByteArray &name)
{
    static const QHash<QByteArray, QByteArray> table = [] {
        struct Row {
            const char *windows;
            const char *iana;
        };
        static const Row rows[] = {
#include "ics/windowszones.inc"
        };
        QHash<QByteArray, QByteArray> t;
        for (const Row &r : rows)
            t.insert(QByteArray(r.windows).toLower(), QByteArray(r.iana));
        return t;
    }();
    const QByteArray key = name.trimmed().toLower();
    if (auto it = table.constFind(key); it != table.constEnd())
        return *it;
    QByteArray swapped = key;
    if (swapped.startsWith("(gmt"))
        swapped.replace(1, 3, "utc");
    else if (swapped.startsWith("(utc"))
        swapped.replace(1, 3, "gmt");
    if (auto it = table.constFind(swapped); it != table.constEnd())
        return *it;
    return {};
}

} // namespace

icaltimezone *builtinZone(const QByteArray &ianaId)
{
    static QMutex mutex;
    static QHash<QByteArray, icaltimezone *> cache;
    QMutexLocker lock(&mutex);
    auto it = cache.constFind(ianaId);
    if (it != cache.constEnd())
        return *it;
    icaltimezone *z
        = ianaId.isEmpty() ? nullptr : icaltimezone_get_builtin_timezone(ianaId.constData());
    cache.insert(ianaId, z);
    return z;
}

icalcomponent *newVTimezone(const QByteArray &ianaId)
{
    icaltimezone *z = builtinZone(ianaId);
    if (!z)
        return nullptr;
    icalcomponent *builtin = icaltimezone_get_component(z);
    if (!builtin)
        return nullptr;
    icalcomponent *c = icalcomponent_new_clone(builtin);
    icalproperty *tzid = icalcomponent_get_first_property(c, ICAL_TZID_PROPERTY);
    if (tzid)
        icalproperty_set_tzid(tzid, ianaId.constData());
    else
        icalcomponent_add_property(c, icalproperty_new_tzid(ianaId.constData()));
    return c;
}

QByteArray exportZoneId(const QDateTime &dt)
{
    if (!dt.isValid() || dt.timeSpec() == Qt::UTC || dt.timeSpec() == Qt::OffsetFromUTC)
        return {};
    const QByteArray id
        = dt.timeSpec() == Qt::LocalTime ? QTimeZone::systemTimeZoneId() : dt.timeZone().id();
    if (isUtcName(id) || !builtinZone(id))
        return {};
    return id;
}

icaltimetype toIcalTime(const QDateTime &dt, const QByteArray &tzid)
{
    icaltimetype t = icaltime_null_time();
    const QDateTime w = tzid.isEmpty() ? dt.toUTC() : dt;
    const QDate d = w.date();
    const QTime tm = w.time();
    t.year = d.year();
    t.month = d.month();
    t.day = d.day();
    t.hour = tm.hour();
    t.minute = tm.minute();
    t.second = tm.second();
    t.is_date = 0;
    t.zone = tzid.isEmpty() ? icaltimezone_get_utc_timezone() : nullptr;
    return t;
}

icaltimetype toIcalDate(QDate date)
{
    icaltimetype t = icaltime_null_date();
    t.year = date.year();
    t.month = date.month();
    t.day = date.day();
    t.hour = t.minute = t.second
        = 0; // icaltime_null_date() has -1 here, which the iterator mishandles
    t.is_date = 1;
    return t;
}

QDateTime wallTimeIn(QDate date, QTime time, const QTimeZone &zone)
{
    QDateTime d(date, time, zone);
    if (d.isValid() && d.date() == date && d.time() == time)
        return d;
    return zonedDateTime(date, time, zone);
}

ZoneResolver::~ZoneResolver()
{
    for (icaltimezone *z : std::as_const(m_definitions))
        icaltimezone_free(z, 1);
}

QTimeZone ZoneResolver::zone(const QByteArray &ianaId)
{
    auto it = m_zones.constFind(ianaId);
    if (it != m_zones.constEnd())
        return *it;
    const QTimeZone z(ianaId);
    m_zones.insert(ianaId, z);
    return z;
}

void ZoneResolver::addDefinition(icalcomponent *vtimezone)
{
    icalproperty *p = icalcomponent_get_first_property(vtimezone, ICAL_TZID_PROPERTY);
    const QByteArray tzid = p ? QByteArray(icalproperty_get_tzid(p)).trimmed() : QByteArray();
    if (tzid.isEmpty() || m_definitions.contains(tzid)) {
        icalcomponent_free(vtimezone);
        return;
    }
    icaltimezone *z = icaltimezone_new();
    if (!icaltimezone_set_component(z, vtimezone)) {
        icaltimezone_free(z, 1);
        icalcomponent_free(vtimezone);
        return;
    }
    m_definitions.insert(tzid, z);
    m_cache.clear(); // cached under any spelling of the TZID (" 1", "1")
}

ZoneResolver::Result ZoneResolver::resolve(const QByteArray &tzid)
{
    auto it = m_cache.constFind(tzid);
    if (it != m_cache.constEnd())
        return *it;
    Result r;
    const QByteArray id = tzid.trimmed();
    if (isUtcName(id)) {
        r = { QTimeZone::utc(), Kind::Utc, nullptr };
    } else if (isKnownIana(id)) {
        r = { zone(id), Kind::Iana, nullptr };
    } else {
        if (id.startsWith('/')) {
            for (qsizetype pos = id.indexOf('/', 1); pos > 0; pos = id.indexOf('/', pos + 1)) {
                const QByteArray candidate = id.mid(pos + 1);
                if (isKnownIana(candidate)) {
                    r = { zone(candidate), Kind::Prefixed, nullptr };
                    break;
                }
            }
        }
        if (r.kind == Kind::Unknown) {
            const QByteArray iana = windowsNameToIana(id);
            if (isUtcName(iana))
                r = { QTimeZone::utc(), Kind::Windows, nullptr };
            else if (!iana.isEmpty() && isKnownIana(iana))
                r = { zone(iana), Kind::Windows, nullptr };
        }
        if (r.kind == Kind::Unknown) {
            const QByteArray iana = QTimeZone::windowsIdToDefaultIanaId(id);
            if (!iana.isEmpty() && isKnownIana(iana))
                r = { zone(iana), Kind::Windows, nullptr };
        }
        if (r.kind == Kind::Unknown) {
            if (icaltimezone *def = m_definitions.value(id)) {
                const char *loc = icaltimezone_get_location(def);
                const QByteArray location = loc ? QByteArray(loc) : QByteArray();
                if (isKnownIana(location))
                    r = { zone(location), Kind::Location, nullptr };
                else
                    r = { QTimeZone::utc(), Kind::CustomDefinition, def };
            }
        }
        if (r.kind == Kind::Unknown)
            r.zone = QTimeZone::utc();
    }
    m_cache.insert(tzid, r);
    return r;
}

} // namespace kairos::ics
