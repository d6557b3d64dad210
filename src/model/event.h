#pragma once

#include "model/interval.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace kairos {

//! Google's limit for a reminder (four weeks); the same bound for every calendar.
constexpr int kMaxReminderMinutes = 40320;

enum class EventStatus { Confirmed, Tentative, Cancelled };
//! Opaque = busy, Transparent = free (RFC 5545 TRANSP).
enum class Transparency { Opaque, Transparent };

struct Attendee {
    enum class Response { NeedsAction, Accepted, Declined, Tentative };
    QString email;
    QString name;
    Response response = Response::NeedsAction;
    bool optional = false;
    bool organizer = false;
    bool self = false; //!< this attendee is the account's owner
    friend bool operator==(const Attendee &, const Attendee &) = default;
};

//! \brief One calendar event, as a value.
//!
//! Time model: a timed event has zoned `start`/`end` (QDateTime carrying a QTimeZone, so the
//! wall time and the zone the organiser chose survive); an all-day event has `startDate` and an
//! exclusive `endDate` and no zone (it covers those days wherever the viewer is).
//! A recurring series is a master with `recurrence` lines (RRULE/RDATE/EXDATE, RFC 5545
//! text); an overridden instance has `recurringEventId` and `originalStart`.
struct Event {
    QString id; //!< local id (stable, unique in the store)
    QString calendarId;
    QString providerId; //!< id at Google / Microsoft (empty for local events)
    QString etag;
    QString iCalUid;
    int sequence = 0;

    QString title;
    QString location;
    QString description;

    bool allDay = false;
    QDateTime start; //!< timed events: zoned start
    QDateTime end; //!< timed events: zoned end (exclusive)
    QDate startDate; //!< all-day events: first day
    QDate endDate; //!< all-day events: day after the last day

    QStringList recurrence; //!< e.g. {"RRULE:FREQ=WEEKLY;BYDAY=MO", "EXDATE:..."}
    QString recurringEventId; //!< set on an overridden instance: its master's id
    QDateTime originalStart; //!< set on an overridden instance

    QList<Attendee> attendees;
    QString organizer; //!< e-mail
    EventStatus status = EventStatus::Confirmed;
    Transparency transparency = Transparency::Opaque;
    //! An out-of-office block (Google eventType "outOfOffice", Graph showAs "oof"): shared
    //! with the team as out of office rather than busy.
    bool outOfOffice = false;
    //! Display alarms, in minutes before the start (0 = at the start): RFC 5545 VALARMs with a
    //! TRIGGER relative to the start, Google's "popup" reminders.overrides, Graph's
    //! reminderMinutesBeforeStart. Kept sorted and without duplicates (normalizeReminders).
    QList<int> reminders;
    //! The calendar's default reminders apply instead of `reminders` (Google
    //! reminders.useDefault; Calendar::defaultReminders).
    bool defaultReminders = false;
    QDateTime created;
    QDateTime updated;

    bool isRecurring() const { return !recurrence.isEmpty(); }
    bool isValid() const;

    //! The absolute span the event occupies. All-day events span their days in `viewerZone`.
    Interval interval(const QTimeZone &viewerZone) const;
    //! Start as the viewer sees it (all-day: midnight of startDate in viewerZone).
    QDateTime startIn(const QTimeZone &viewerZone) const;
    QDateTime endIn(const QTimeZone &viewerZone) const;
    //! Duration in minutes (all-day: whole days × 1440).
    qint64 durationMinutes() const;

    //! The reminders that ring for this event: the calendar's defaults when `defaultReminders`.
    QList<int> effectiveReminders(const QList<int> &calendarDefaults) const
    {
        return defaultReminders ? calendarDefaults : reminders;
    }

    //! A new random local id (UUID without braces).
    static QString newId();

    friend bool operator==(const Event &, const Event &) = default;
};

//! Ascending, without duplicates, negative values or more than four weeks (Google's limit).
QList<int> normalizeReminders(QList<int> minutes);
//! "10,30" ↔ {10, 30} (the store's form).
QString remindersToString(const QList<int> &minutes);
QList<int> remindersFromString(QStringView text);

QString toString(EventStatus s);
EventStatus eventStatusFromString(const QString &s);

} // namespace kairos

Q_DECLARE_METATYPE(kairos::Event)
