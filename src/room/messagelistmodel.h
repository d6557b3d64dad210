#pragma once

#include "room/protocol.h"

#include <QAbstractListModel>
#include <QSet>

namespace kairos::room {

//! \brief The messages of a room, oldest first: delivered messages ordered by seq, then the
//! ones still in the outbox (pending) in the order they were written.
class MessageListModel : public QAbstractListModel {
    Q_OBJECT
public:
    //! Delivered messages kept at most.
    static constexpr int kMaxMessages = 20000;

    enum Roles {
        SeqRole = Qt::UserRole + 1,
        IdRole,
        SenderRole,
        TextRole,
        TimestampRole,
        KindRole,
        EventRole,
        OwnRole,
        PendingRole,
        DayRole, //!< QDate of the message in local time (for day separators)
    };
    Q_ENUM(Roles)

    struct Row {
        RoomMessage message;
        bool own = false;
        bool pending = false;
    };

    explicit MessageListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    //! The name key (nameKey()) of this client's member: its messages are "own".
    void setSelfKey(const QString &key);
    //! A message written here, not yet acknowledged.
    void addPending(const RoomMessage &message);
    //! The server stored a pending message: it moves into seq order.
    void acknowledge(const QString &id, qint64 seq, const QDateTime &ts);
    //! A delivered message (live, welcome or history). False when it was already known.
    bool insertMessage(const RoomMessage &message);
    void clear();

    const Row &row(int i) const { return m_rows.at(i); }
    int pendingCount() const { return int(m_rows.size()) - m_delivered; }
    qint64 firstSeq() const;
    qint64 lastSeq() const;

private:
    int pendingRow(const QString &id) const;
    int insertPosition(qint64 seq) const;

    QList<Row> m_rows;
    int m_delivered = 0;
    QSet<qint64> m_seqs;
    QString m_selfKey;
};

} // namespace kairos::room
