#pragma once

#include "core/expected.h"
#include "model/account.h"
#include "model/calendar.h"
#include "model/event.h"

#include <QHash>
#include <QList>

namespace kairos {

class Database;

//! \brief Typed access to accounts (metadata), calendars and events in a Database.
//! Every batch write is one transaction. Not thread-safe: one EventStore per connection.
class EventStore {
public:
    explicit EventStore(Database &db);

    // Accounts (metadata only; never tokens)
    Expected<QList<Account>> accounts();
    Expected<void> saveAccount(const Account &account);
    //! Removes the account and, by cascade, its calendars and their events.
    Expected<void> removeAccount(const QString &accountId);

    // Calendars
    Expected<QList<Calendar>> calendars();
    Expected<Calendar> calendar(const QString &id);
    Expected<void> saveCalendar(const Calendar &calendar);
    Expected<void> removeCalendar(const QString &id);

    // Events
    Expected<Event> event(const QString &id);
    Expected<QList<Event>> eventsByUid(const QString &iCalUid);
    //! Events (and recurring masters) that may have an occurrence overlapping [from, to).
    Expected<QList<Event>> eventsInRange(qint64 fromMs, qint64 toMs,
                                         const QStringList &calendarIds = {});
    Expected<QList<Event>> eventsInCalendar(const QString &calendarId);
    Expected<int> eventCount();
    //! Inserts or replaces, all in one transaction. Events without an id get one.
    Expected<void> saveEvents(QList<Event> &events);
    Expected<void> saveEvent(Event &event);
    Expected<void> removeEvents(const QStringList &ids);

private:
    Database &m_db;
    QHash<QString, QTimeZone> m_zones; //!< QTimeZone construction is costly: cache by id
    QTimeZone zone(const QString &id);
};

} // namespace kairos
