#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace kairos {

enum class CalendarKind { Local, Google, Microsoft, Subscription, CalDav };

//! \brief A calendar: the local one, one of a provider account's, or a subscribed feed.
struct Calendar {
    QString id; //!< local id
    QString accountId; //!< empty for local and subscribed calendars
    QString providerId; //!< id at the provider (Google calendar id, Graph calendar id)
    CalendarKind kind = CalendarKind::Local;
    QString name;
    QString color = QStringLiteral("#3b82f6"); //!< "#rrggbb"
    QByteArray timeZone; //!< IANA id, may be empty
    bool readOnly = false;
    bool primary = false;
    bool visible = true;
    bool countsForAvailability = true;
    QString sourceUrl; //!< subscriptions only
    //! Minutes before the start of the reminders an event with Event::defaultReminders gets
    //! (Google's calendarList defaultReminders, or the user's choice in Settings).
    QList<int> defaultReminders;

    //! A calendar of a connected provider account (its writes go through the sync engine).
    bool isProvider() const { return !accountId.isEmpty(); }

    friend bool operator==(const Calendar &, const Calendar &) = default;
};

} // namespace kairos

Q_DECLARE_METATYPE(kairos::Calendar)
