#pragma once

#include "core/expected.h"
#include "model/event.h"

#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace kairos {

class Database;

//! \brief One queued local write (table sync_outbox). `payload` is the full event as it goes
//! to the provider (recurringEventId already the provider's master id), so a crash between
//! queueing and writing the local row loses nothing.
struct OutboxOp {
    enum class Kind { Create, Update, Delete };
    qint64 id = 0;
    QString accountId;
    QString calendarId;
    QString eventId; //!< local id
    Kind kind = Kind::Create;
    QString providerId;
    QString etag; //!< If-Match (the version the user edited)
    QString clientKey; //!< Google event id / Graph transactionId
    Event payload;
    bool sendUpdates = false;
    int attempts = 0;
    QString lastError;
};

//! \brief A write the server refused because the event changed (412) or vanished there. The
//! server's version is what the cache now holds; `local` is the user's edit, kept here.
struct SyncConflict {
    qint64 id = 0;
    QString accountId;
    QString calendarId;
    QString eventId;
    QString kind; //!< "changed_on_server", "deleted_on_server", "rejected"
    Event local;
    Event server; //!< invalid (empty id) when deleted on the server
    QDateTime created;
};

//! \brief SQL for sync_state, sync_outbox and sync_conflicts (migration 2).
class SyncStore {
public:
    explicit SyncStore(Database &db);

    struct State {
        QString token;
        qint64 windowStartMs = 0;
        qint64 windowEndMs = 0;
    };
    Expected<State> state(const QString &calendarId);
    Expected<void> saveState(const QString &calendarId, const State &state, bool fullSync);
    Expected<void> clearState(const QString &calendarId);

    Expected<qint64> enqueue(OutboxOp op);
    Expected<std::optional<OutboxOp>> nextOp(const QString &accountId);
    Expected<QList<OutboxOp>> ops(const QString &accountId = {});
    Expected<void> removeOp(qint64 id);
    Expected<void> removeOpsForEvent(const QString &eventId);
    Expected<void> markFailed(qint64 id, const QString &error);
    //! After a create / update succeeded: later ops of the event use the new id and etag.
    Expected<void> rebaseLaterOps(qint64 afterId, const QString &oldEventId,
        const QString &newEventId, const QString &providerId, const QString &etag);
    Expected<bool> hasLaterOps(qint64 afterId, const QString &eventId);
    Expected<QSet<QString>> pendingEventIds(const QString &calendarId = {});
    Expected<int> pendingCount(const QString &accountId = {});
    Expected<void> removeOpsForCalendar(const QString &calendarId);

    Expected<qint64> addConflict(const SyncConflict &c);
    Expected<QList<SyncConflict>> conflicts(bool includeResolved = false);
    Expected<void> resolveConflict(qint64 id);

    //! Local event ids in a calendar.
    Expected<QStringList> eventIds(const QString &calendarId);
    //! The stored exceptions of the series `masterId` (events whose recurring_event_id it is).
    Expected<QStringList> exceptionIds(const QString &masterId);
    //! Deletes a calendar's cached events except those with queued writes.
    Expected<void> dropCache(const QString &calendarId);
    //! Renames an event row (Graph: the local id of a created event becomes the server's).
    Expected<void> renameEvent(
        const QString &oldId, const QString &newId, const QString &providerId, const QString &etag);

private:
    Database &m_db;
};

} // namespace kairos
