#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace kairos::room {

//! \brief A meeting proposal posted to a room after someone booked a time (docs/protocol.md,
//! "proposal"). It names people, never e-mail addresses of others; the times are UTC plus the
//! organiser's zone so every member can show both their own and the organiser's local time.
struct MeetingProposal {
    QString uid; //!< the event's iCalendar UID (stable across updates)
    QString title;
    QDateTime start; //!< UTC
    QDateTime end; //!< UTC, after start
    QTimeZone zone = QTimeZone::utc(); //!< the organiser's zone
    QString organizer; //!< display name in the room
    QString organizerEmail; //!< optional: the organiser's calendar address
    QStringList attendees; //!< required attendees' display names (organiser not included)
    QStringList optional; //!< optional attendees' display names
    QString location;
    int sequence = 0; //!< iTIP SEQUENCE; a higher one replaces an earlier proposal of the uid

    QJsonObject toJson() const;
    //! Validates: uid, title (may be empty), start < end, a known zone. Unknown members ignored.
    static std::optional<MeetingProposal> fromJson(const QJsonObject &o);
    //! The proposal inside a stored message of kind "proposal" (its text is the JSON).
    static std::optional<MeetingProposal> fromMessageText(const QString &text);

    bool operator==(const MeetingProposal &) const = default;
};

} // namespace kairos::room
