#pragma once

#include "core/expected.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

namespace kairos::room {

//! \brief The client's persisted list of messages written but not yet acknowledged, and its
//! read marker (the highest `seq` the user has seen; -1: never joined).
class Outbox {
public:
    struct Entry {
        QString id;
        QString text;
        QDateTime created;
        //! "user" (a message) or "proposal" (text: the proposal's compact JSON).
        QString kind = QStringLiteral("user");
    };

    ~Outbox();
    //! `path` empty: an in-memory database. `scope` separates rooms/servers/names in one file.
    static Expected<std::unique_ptr<Outbox>> open(const QString &path, const QString &scope);

    Expected<void> add(const Entry &e);
    Expected<void> remove(const QString &id);
    QList<Entry> entries() const { return m_entries; }
    int size() const { return int(m_entries.size()); }
    qint64 readSeq() const { return m_readSeq; }
    Expected<void> setReadSeq(qint64 seq);

    static const QList<QStringList> &migrations();

private:
    Outbox() = default;
    QSqlDatabase m_db;
    QString m_connection;
    QString m_scope;
    QList<Entry> m_entries;
    qint64 m_readSeq = -1;
};

} // namespace kairos::room
