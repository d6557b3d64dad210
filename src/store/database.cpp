#include "store/database.h"

#include "core/clock.h"
#include "core/logging.h"
#include "store/migrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>

namespace kairos {

namespace {

Error sqlError(Error::Code code, const QString &what, const QSqlError &e)
{
    return makeError(code, what + QStringLiteral(": ") + e.text());
}

bool exec(QSqlDatabase &db, const QString &sql, QString *err = nullptr)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (err)
        *err = q.lastError().text();
    return false;
}

QString timestamp()
{
    return Clock::nowUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
}

} // namespace

Database::~Database()
{
    close();
}

void Database::close()
{
    if (m_connectionName.isEmpty())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Expected<void> Database::openConnection()
{
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return makeError(Error::Code::StorageUnavailable,
                         QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed"));
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!m_db.open())
        return sqlError(Error::Code::StorageCorrupt, QStringLiteral("open"), m_db.lastError());
    QString err;
    // journal_mode reads the header: a file that is not a database fails here.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next())
        return makeError(Error::Code::StorageCorrupt, q.lastError().text());
    if (!exec(m_db, QStringLiteral("PRAGMA synchronous=NORMAL"), &err)
        || !exec(m_db, QStringLiteral("PRAGMA foreign_keys=ON"), &err))
        return makeError(Error::Code::StorageCorrupt, err);
    return {};
}

Expected<void> Database::checkIntegrity()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next())
        return makeError(Error::Code::StorageCorrupt, q.lastError().text());
    const QString result = q.value(0).toString();
    if (result != QLatin1String("ok"))
        return makeError(Error::Code::StorageCorrupt, QStringLiteral("quick_check: ") + result);
    return {};
}

int Database::schemaVersion()
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

Expected<void> Database::migrate()
{
    const int current = schemaVersion();
    if (current < 0)
        return makeError(Error::Code::StorageCorrupt, QStringLiteral("cannot read user_version"));
    if (current > store::latestSchemaVersion())
        return makeError(Error::Code::MigrationFailed,
                         QStringLiteral("schema version %1 is newer than this build (%2)")
                                 .arg(current)
                                 .arg(store::latestSchemaVersion()));
    const auto &all = store::migrations();
    for (int v = current; v < all.size(); ++v) {
        auto r = transaction([&]() -> Expected<void> {
            for (const QString &sql : all[v]) {
                QString err;
                if (!exec(m_db, sql, &err))
                    return makeError(Error::Code::MigrationFailed,
                                     QStringLiteral("migration %1: %2").arg(v + 1).arg(err));
            }
            QString err;
            if (!exec(m_db, QStringLiteral("PRAGMA user_version=%1").arg(v + 1), &err))
                return makeError(Error::Code::MigrationFailed, err);
            return {};
        });
        if (!r)
            return r;
        qCInfo(lcStore) << "migrated database to schema" << v + 1;
    }
    return {};
}

Expected<std::unique_ptr<Database>> Database::open(const QString &path, const QString &backupDir,
                                                   const QString &connectionName)
{
    std::unique_ptr<Database> d(new Database);
    d->m_path = path;
    d->m_backupDir = backupDir;
    d->m_connectionName = connectionName;
    QDir().mkpath(QFileInfo(path).absolutePath());

    auto attempt = [&]() -> Expected<void> {
        if (auto r = d->openConnection(); !r)
            return r;
        if (auto r = d->checkIntegrity(); !r)
            return r;
        return d->migrate();
    };

    auto r = attempt();
    if (r)
        return d;
    if (r.error().code == Error::Code::StorageUnavailable)
        return r.error();

    // Unusable: keep it aside, never overwrite it, and start from the newest backup.
    qCWarning(lcStore) << "database unusable:" << r.error().message;
    d->close();
    d->m_connectionName = connectionName;
    const QString aside = path + QStringLiteral(".corrupt-") + timestamp();
    if (!QFile::rename(path, aside))
        return makeError(Error::Code::StorageCorrupt,
                         QStringLiteral("cannot move the damaged database aside: ") + path);
    for (const char *suffix : { "-wal", "-shm" }) {
        const QString side = path + QLatin1String(suffix);
        if (QFile::exists(side))
            QFile::rename(side, aside + QLatin1String(suffix));
    }
    d->m_report.recovered = true;
    d->m_report.quarantinedPath = aside;
    d->m_report.reason = r.error().message;

    const QStringList candidates = d->backups();
    for (const QString &b : candidates) {
        QFile::remove(path);
        if (!QFile::copy(b, path))
            continue;
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (attempt()) {
            d->m_report.restoredBackup = b;
            qCWarning(lcStore) << "restored database from backup" << b;
            return d;
        }
        d->close();
        d->m_connectionName = connectionName;
    }
    QFile::remove(path);
    if (auto fresh = attempt(); !fresh)
        return fresh.error();
    return d;
}

Expected<void> Database::transaction(const std::function<Expected<void>()> &fn)
{
    if (!m_db.transaction())
        return sqlError(Error::Code::WriteFailed, QStringLiteral("begin"), m_db.lastError());
    auto r = fn();
    if (!r) {
        m_db.rollback();
        return r;
    }
    if (!m_db.commit()) {
        const auto e = sqlError(Error::Code::WriteFailed, QStringLiteral("commit"), m_db.lastError());
        m_db.rollback();
        return e;
    }
    return {};
}

QStringList Database::backups() const
{
    if (m_backupDir.isEmpty())
        return {};
    QDir dir(m_backupDir);
    const QStringList names = dir.entryList({ QStringLiteral("kairos-*.sqlite") }, QDir::Files,
                                            QDir::Name | QDir::Reversed);
    QStringList out;
    for (const QString &n : names)
        out << dir.filePath(n);
    return out;
}

Expected<QString> Database::backup(int keep)
{
    if (m_backupDir.isEmpty())
        return makeError(Error::Code::NotConfigured, QStringLiteral("no backup folder"));
    QDir().mkpath(m_backupDir);
    const QString target
            = QDir(m_backupDir).filePath(QStringLiteral("kairos-") + timestamp() + QStringLiteral(".sqlite"));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(target);
    if (!q.exec())
        return sqlError(Error::Code::WriteFailed, QStringLiteral("backup"), q.lastError());
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QStringList all = backups();
    for (int i = keep; i < all.size(); ++i)
        QFile::remove(all[i]);
    return target;
}

Expected<void> Database::backupIfOlderThan(qint64 maxAgeSecs, int keep)
{
    const QStringList all = backups();
    if (!all.isEmpty()) {
        const QDateTime newest = QFileInfo(all.first()).lastModified();
        if (newest.secsTo(Clock::nowUtc()) < maxAgeSecs)
            return {};
    }
    auto r = backup(keep);
    if (!r)
        return r.error();
    return {};
}

} // namespace kairos
