#include "room/sqliteutil.h"

#include "core/logging.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace kairos::room {

namespace {
QAtomicInt s_counter;
}

Expected<QSqlDatabase> openSqlite(const QString &path, const QList<QStringList> &migrations,
                                  bool fullSync, QString *connectionName)
{
    *connectionName = QStringLiteral("kairos-room-%1").arg(s_counter.fetchAndAddRelaxed(1));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), *connectionName);
    if (!db.isValid())
        return makeError(Error::Code::StorageUnavailable,
                         QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed"));
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    auto fail = [&](Error::Code c, const QString &what) {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(*connectionName);
        return makeError(c, path + QStringLiteral(": ") + what);
    };
    if (!db.open())
        return fail(Error::Code::StorageUnavailable, db.lastError().text());
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next())
            return fail(Error::Code::StorageCorrupt, q.lastError().text());
        if (!q.exec(fullSync ? QStringLiteral("PRAGMA synchronous=FULL")
                             : QStringLiteral("PRAGMA synchronous=NORMAL")))
            return fail(Error::Code::StorageCorrupt, q.lastError().text());
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
            return fail(Error::Code::StorageCorrupt, q.lastError().text());
        const int current = q.value(0).toInt();
        if (current > migrations.size())
            return fail(Error::Code::MigrationFailed,
                        QStringLiteral("schema %1 is newer than this build").arg(current));
        for (int v = current; v < migrations.size(); ++v) {
            if (!db.transaction())
                return fail(Error::Code::MigrationFailed, db.lastError().text());
            for (const QString &sql : migrations[v]) {
                if (!q.exec(sql)) {
                    const QString err = q.lastError().text();
                    db.rollback();
                    return fail(Error::Code::MigrationFailed, err);
                }
            }
            if (!q.exec(QStringLiteral("PRAGMA user_version=%1").arg(v + 1)) || !db.commit()) {
                const QString err = q.lastError().text();
                db.rollback();
                return fail(Error::Code::MigrationFailed, err);
            }
            qCInfo(lcChat) << "room database" << QFileInfo(path).fileName() << "at schema" << v + 1;
        }
    }
    return db;
}

void closeSqlite(QSqlDatabase &db, const QString &connectionName)
{
    if (connectionName.isEmpty())
        return;
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(connectionName);
}

} // namespace kairos::room
