#pragma once

#include "core/expected.h"

#include <QSqlDatabase>
#include <QStringList>

namespace kairos::room {

//! Opens a SQLite file of the room module (WAL, busy timeout) with a fresh connection name and
//! applies `migrations` (append-only; PRAGMA user_version counts them). A schema newer than
//! `migrations` is refused, never overwritten.
Expected<QSqlDatabase> openSqlite(const QString &path, const QList<QStringList> &migrations,
                                  bool fullSync, QString *connectionName);
void closeSqlite(QSqlDatabase &db, const QString &connectionName);

} // namespace kairos::room
