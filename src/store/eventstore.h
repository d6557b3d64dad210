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
    Expected<QList<Event>> eventsInRange(
        qint64 fromMs, qint64 toMs, const QStringList &calendarIds = {});
    Expected<QList<Event>> eventsInCalendar(const QString &calendarId);
    Expected<int> eventCount();
    //! Inserts or replaces, all in one transaction. Events without an id get one.
    Expected<void> saveEvents(QList<Event> &events);
    Expected<void> saveEvent(Event &event);
    Expected<void> removeEvents(const QStringList &ids);
    //! What identifies an event for matching (imports): no text, no attendees.
    struct EventKey {
        QString id;
        QString iCalUid;
        qint64 originalStartMs = 0;
        bool hasOriginalStart = false;
        int sequence = 0;
    };
    Expected<QList<EventKey>> eventKeys(const QString &calendarId);
    //! \brief Full-text search (SQLite FTS5) over title, location, description and the attendees'
    //! names and e-mails; accents and case do not matter, every word must match, each as a
    //! prefix ("plan" finds "planning"). At most `limit` events, the ones starting nearest to
    //! `aroundMs` first (upcoming before past). Empty text: no events.
    Expected<QList<Event>> search(const QString &text, qint64 aroundMs, int limit = 200);
    //! The FTS5 query for what a user typed: each word a quoted prefix term, all required.
    static QString searchQuery(const QString &text);

    //! Events with these ids (any order; missing ids are left out).
    Expected<QList<Event>> eventsByIds(const QStringList &ids);

    //! \brief A staging area for large imports: batches are written (one transaction each)
    //! into a connection-private TEMP table with the events table's columns, then moved into
    //! `events` by commitStaging() in one transaction. Until then nothing in `events` changes;
    //! dropStaging() (or closing the connection) discards them.
    Expected<void> beginStaging();
    //! Validates and writes a batch into the staging table (one transaction). New ids as
    //! saveEvents(). Stage each id once: the table has no index (if an id comes twice, the
    //! later row wins at commitStaging()).
    Expected<void> stageEvents(QList<Event> &events);
    //! One transaction: staged rows replace / join `events`, then `removeIds` are deleted and
    //! `clearMasterIds` (overrides whose master never came) lose their master link.
    Expected<void> commitStaging(
        const QStringList &removeIds = {}, const QStringList &clearMasterIds = {});
    void dropStaging();

private:
    Database &m_db;
    QHash<QString, QTimeZone> m_zones; //!< QTimeZone construction is costly: cache by id
    QTimeZone zone(const QString &id);
    Expected<void> writeEvents(QList<Event> &events, const QString &table);
};

} // namespace kairos
