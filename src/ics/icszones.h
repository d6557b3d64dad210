#pragma once

#include <libical/ical.h>

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QTimeZone>

namespace kairos::ics {

//! libical's built-in zone for an IANA id, or nullptr when libical does not know it.
icaltimezone *builtinZone(const QByteArray &ianaId);

//! A new VTIMEZONE for an IANA zone whose TZID is the plain IANA name (libical's own
//! component carries a "/freeassociation.sourceforge.net/" prefix; see PROVIDERS.md §5).
//! nullptr when libical does not know the zone. The caller owns the result.
icalcomponent *newVTimezone(const QByteArray &ianaId);

//! The IANA id a DATE-TIME is written with: empty for UTC (and for zones libical cannot
//! describe with a VTIMEZONE, which are then written in UTC).
QByteArray exportZoneId(const QDateTime &dt);

//! A DATE-TIME as libical wants it: the wall time in `dt`'s zone when `tzid` is not empty,
//! UTC otherwise. The returned value has no zone pointer unless UTC; the caller adds the
//! TZID parameter.
icaltimetype toIcalTime(const QDateTime &dt, const QByteArray &tzid);
icaltimetype toIcalDate(QDate date);
inline QDate dateOf(const icaltimetype &t)
{
    return QDate(t.year, t.month, t.day);
}

//! The instant of a wall time in `zone`. Wall times in a DST gap move forward by the gap
//! (RFC 5545 §3.3.5); ambiguous ones take the earlier instant.
QDateTime wallTimeIn(QDate date, QTime time, const QTimeZone &zone);

//! \brief Maps the TZID strings found in files to zones the system knows.
//!
//! Tried in order: an IANA id; a libical / Mozilla style prefixed id ("/mozilla.org/…/Europe/
//! Berlin"); a Windows zone name ("W. Europe Standard Time" → Europe/Berlin); the
//! X-LIC-LOCATION of the file's VTIMEZONE; finally, for a custom VTIMEZONE only, libical
//! converts through the definition in the file and the time is kept in UTC.
class ZoneResolver {
public:
    enum class Kind { Utc, Iana, Prefixed, Windows, Location, CustomDefinition, Unknown };
    struct Result {
        QTimeZone zone; //!< UTC when kind is CustomDefinition or Unknown
        Kind kind = Kind::Unknown;
        icaltimezone *custom = nullptr; //!< CustomDefinition: the file's definition
    };

    ZoneResolver() = default;
    ~ZoneResolver();
    ZoneResolver(const ZoneResolver &) = delete;
    ZoneResolver &operator=(const ZoneResolver &) = delete;

    Result resolve(const QByteArray &tzid);
    //! Remembers a VTIMEZONE of the file (takes ownership).
    void addDefinition(icalcomponent *vtimezone);
    bool hasDefinition(const QByteArray &tzid) const
    {
        return m_definitions.contains(tzid.trimmed());
    }

    //! Cached QTimeZone construction by IANA id.
    QTimeZone zone(const QByteArray &ianaId);

private:
    QHash<QByteArray, Result> m_cache;
    QHash<QByteArray, icaltimezone *> m_definitions;
    QHash<QByteArray, QTimeZone> m_zones;
};

} // namespace kairos::ics
