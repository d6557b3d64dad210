#pragma once

#include "core/expected.h"
#include "room/protocol.h"

#include <QHash>
#include <QList>

#include <functional>
#include <memory>
#include <optional>

namespace kairos::room {

struct RoomRecord {
    qint64 id = 0;
    QString name;
    QString invite;
};

struct MemberRecord {
    qint64 id = 0;
    QString name; //!< display name as first chosen
    QString key; //!< nameKey(name)
    QByteArray salt;
    QByteArray secretHash; //!< SHA-256(salt ‖ secret)
};

//! One message to store; `memberId` 0 for system messages.
struct AppendRequest {
    qint64 roomId = 0;
    qint64 memberId = 0;
    RoomMessage message; //!< seq is assigned by the store
};

struct AppendResult {
    RoomMessage message; //!< with seq (the original one for a duplicate)
    bool duplicate = false;
};

//! \brief Where rooms, members and messages live. Small on purpose: the embedded default is
//! SQLite (SqliteRoomStore); a multi-server deployment implements it over PostgreSQL.
//! Durability contract: when appendBatch() returns, the messages survive a process crash.
class RoomStore {
public:
    virtual ~RoomStore() = default;

    virtual Expected<std::optional<RoomRecord>> findRoom(const QString &name) = 0;
    virtual Expected<RoomRecord> createRoom(const QString &name, const QString &invite) = 0;
    virtual Expected<int> roomCount() = 0;

    virtual Expected<QList<MemberRecord>> members(qint64 roomId) = 0;
    virtual Expected<MemberRecord> addMember(qint64 roomId, const MemberRecord &member) = 0;

    // Administration (kairos-server rotate-invite / remove-member / reset-secret).
    virtual Expected<void> setInvite(qint64 roomId, const QString &invite) = 0;
    //! Removes the member and its snapshot; its messages stay (with its name).
    virtual Expected<void> removeMember(qint64 roomId, qint64 memberId) = 0;
    virtual Expected<void> setMemberSecret(
        qint64 memberId, const QByteArray &salt, const QByteArray &secretHash)
        = 0;

    //! The member who first posted a proposal with `uid` in the room (only they may update
    //! it), if any.
    virtual Expected<std::optional<qint64>> proposalOwner(qint64 roomId, const QString &uid) = 0;

    //! Stores the messages in one transaction, in order. A message whose (room, member, id)
    //! is already stored is not stored again: its original is returned with duplicate=true.
    virtual Expected<QList<AppendResult>> appendBatch(const QList<AppendRequest> &batch) = 0;
    using AppendDone = std::function<void(Expected<QList<AppendResult>>)>;
    //! appendBatch(), possibly on another thread, so that waiting for the disk does not hold
    //! up the caller's event loop. `done` runs on the calling thread (from its event loop)
    //! once the batch is durable. Callers keep one batch in flight at a time. The default
    //! stores synchronously and calls `done` before returning.
    virtual void appendBatchAsync(QList<AppendRequest> batch, AppendDone done)
    {
        done(appendBatch(batch));
    }
    //! Returns once every batch given to appendBatchAsync() is stored and its `done` has run.
    virtual void waitForWrites() { }
    //! The newest `limit` messages, oldest first.
    virtual Expected<QList<RoomMessage>> tail(qint64 roomId, int limit) = 0;
    //! Messages with seq < before (the newest `limit` of them), oldest first.
    virtual Expected<QList<RoomMessage>> before(qint64 roomId, qint64 seq, int limit) = 0;
    //! Messages with seq > after (the oldest `limit` of them), oldest first.
    virtual Expected<QList<RoomMessage>> after(qint64 roomId, qint64 seq, int limit) = 0;
    virtual Expected<qint64> lastSeq(qint64 roomId) = 0;

    //! The latest free/busy snapshot per member (JSON object text); empty removes it.
    virtual Expected<void> setFreeBusy(qint64 roomId, qint64 memberId, const QByteArray &json) = 0;
    virtual Expected<QHash<qint64, QByteArray>> freeBusy(qint64 roomId) = 0;
};

//! \brief The embedded default: one SQLite file (WAL) with its own schema and migrations.
class SqliteRoomStore final : public RoomStore {
public:
    enum class Durability { Full, Normal };
    //! Opens or creates `path`; `Full` fsyncs every commit (survives power loss), `Normal`
    //! survives process crashes.
    static Expected<std::unique_ptr<SqliteRoomStore>> open(
        const QString &path, Durability durability = Durability::Full);
    ~SqliteRoomStore() override;

    Expected<std::optional<RoomRecord>> findRoom(const QString &name) override;
    Expected<RoomRecord> createRoom(const QString &name, const QString &invite) override;
    Expected<int> roomCount() override;
    Expected<QList<MemberRecord>> members(qint64 roomId) override;
    Expected<MemberRecord> addMember(qint64 roomId, const MemberRecord &member) override;
    Expected<void> setInvite(qint64 roomId, const QString &invite) override;
    Expected<void> removeMember(qint64 roomId, qint64 memberId) override;
    Expected<void> setMemberSecret(
        qint64 memberId, const QByteArray &salt, const QByteArray &secretHash) override;
    Expected<std::optional<qint64>> proposalOwner(qint64 roomId, const QString &uid) override;
    Expected<QList<AppendResult>> appendBatch(const QList<AppendRequest> &batch) override;
    //! On a writer thread with its own connection (started on first use): the fsync of one
    //! batch overlaps with the server reading and relaying the next.
    void appendBatchAsync(QList<AppendRequest> batch, AppendDone done) override;
    void waitForWrites() override;
    Expected<QList<RoomMessage>> tail(qint64 roomId, int limit) override;
    Expected<QList<RoomMessage>> before(qint64 roomId, qint64 seq, int limit) override;
    Expected<QList<RoomMessage>> after(qint64 roomId, qint64 seq, int limit) override;
    Expected<qint64> lastSeq(qint64 roomId) override;
    Expected<void> setFreeBusy(qint64 roomId, qint64 memberId, const QByteArray &json) override;
    Expected<QHash<qint64, QByteArray>> freeBusy(qint64 roomId) override;

    //! The room database's schema (append-only; migration i takes user_version i to i+1).
    static const QList<QStringList> &migrations();

private:
    SqliteRoomStore();
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace kairos::room
