#pragma once

#include "room/protocol.h"

#include <QAbstractListModel>

namespace kairos::room {

//! \brief The members of a room with presence, sorted by name.
class MemberListModel : public QAbstractListModel {
    Q_OBJECT
public:
    //! Members listed at most (the server's default room limit).
    static constexpr int kMaxMembers = 5000;

    enum Roles {
        NameRole = Qt::UserRole + 1,
        StatusRole, //!< "online", "away", "offline"
        DevicesRole,
        CalendarRole, //!< has published free/busy ("Calendar connected")
        SelfRole,
    };
    Q_ENUM(Roles)

    explicit MemberListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    void setSelfKey(const QString &key);
    void setMembers(const QList<MemberInfo> &members);
    //! Adds or updates one member.
    void update(const MemberInfo &member);
    //! Marks everyone offline (the connection is gone; presence is unknown).
    void markAllOffline();
    const MemberInfo &member(int row) const { return m_rows.at(row); }
    int onlineCount() const;

private:
    int find(const QString &key) const;
    QList<MemberInfo> m_rows;
    QString m_selfKey;
};

} // namespace kairos::room
