#include "store/database.h"

#include "core/clock.h"
#include "core/logging.h"
#include "store/migrations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <atomic>

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

const QString kStampFormat = QStringLiteral("yyyyMMdd-HHmmss-zzz");

QString timestamp()
{
    return Clock::nowUtc().toString(kStampFormat);
}

//! `base + suffix`, or `base + "_N" + suffix` with the first N that names nothing yet. "_" sorts
//! after "." so, by name, a later twin sorts after its first.
QString uniquePath(const QString &base, const QString &suffix)
{
    QString candidate = base + suffix;
    for (int n = 1; QFileInfo::exists(candidate) || QFileInfo(candidate).isSymLink(); ++n)
        candidate = base + QLatin1Char('_') + QString::number(n) + suffix;
    return candidate;
}

//! A connection name nobody uses yet: every attempt (first open, each restored backup) gets
//! its own, so a failed attempt can never hand its half-closed connection to the next one.
QString freshConnectionName(const QString &base)
{
    static std::atomic<int> counter { 0 };
    QString name;
    do {
        name = base + QStringLiteral("#") + QString::number(++counter);
    } while (QSqlDatabase::contains(name));
    return name;
}

const QStringList &sideSuffixes()
{
    static const QStringList s { QStringLiteral("-wal"), QStringLiteral("-shm"),
        QStringLiteral("-journal") };
    return s;
}

void removeWithSideFiles(const QString &path)
{
    QFile::remove(path);
    for (const QString &suffix : sideSuffixes())
        QFile::remove(path + suffix);
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
    if (m_db.isOpen())
        m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    m_connectionName.clear();
}

Expected<void> Database::openConnection()
{
    close();
    // Refuse what SQLite would open lazily and fail on later: a folder, or a file we may not read.
    const QFileInfo info(m_path);
    if (info.exists() || info.isSymLink()) {
        if (info.isDir())
            return makeError(
                Error::Code::StorageCorrupt, QStringLiteral("the database path is a folder"));
        if (!info.isFile())
            return makeError(Error::Code::StorageCorrupt,
                QStringLiteral("the database path is not a regular file"));
        if (!info.isReadable() || !info.isWritable())
            return makeError(Error::Code::StorageCorrupt,
                QStringLiteral("the database file is not readable and writable"));
    }

    const QString busy
        = QStringLiteral("QSQLITE_BUSY_TIMEOUT=") + QString::number(m_options.busyTimeoutMs);

    // First look at an existing file through a read-only connection, so that a damaged file is
    // never written to (not even by a WAL checkpoint) before it is moved aside.
    if (info.exists() && info.size() > 0 && !m_options.secondary) {
        const QString probeName
            = freshConnectionName(m_baseConnectionName + QStringLiteral("-probe"));
        Expected<void> verdict;
        {
            QSqlDatabase probe = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), probeName);
            if (!probe.isValid()) {
                probe = QSqlDatabase();
                QSqlDatabase::removeDatabase(probeName);
                return makeError(Error::Code::StorageUnavailable,
                    QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed"));
            }
            probe.setDatabaseName(m_path);
            probe.setConnectOptions(busy + QStringLiteral(";QSQLITE_OPEN_READONLY"));
            if (!probe.open()) {
                verdict = sqlError(
                    Error::Code::StorageCorrupt, QStringLiteral("open"), probe.lastError());
            } else {
                QSqlQuery q(probe);
                if (!q.exec(QStringLiteral("PRAGMA quick_check")) || !q.next()) {
                    verdict = makeError(Error::Code::StorageCorrupt,
                        QStringLiteral("quick_check: ") + q.lastError().text());
                } else if (const QString result = q.value(0).toString();
                           result != QLatin1String("ok")) {
                    verdict = makeError(
                        Error::Code::StorageCorrupt, QStringLiteral("quick_check: ") + result);
                } else if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
                    verdict = makeError(Error::Code::StorageCorrupt,
                        QStringLiteral("user_version: ") + q.lastError().text());
                } else if (const int v = q.value(0).toInt(); v > latestVersion()) {
                    m_newerSchema = true;
                    verdict = makeError(Error::Code::MigrationFailed,
                        QStringLiteral("schema version %1 is newer than this build (%2)")
                            .arg(v)
                            .arg(latestVersion()));
                }
                q.finish();
                probe.close();
            }
        }
        QSqlDatabase::removeDatabase(probeName);
        if (!verdict)
            return verdict;
    }

    m_connectionName = freshConnectionName(m_baseConnectionName);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    if (!m_db.isValid())
        return makeError(Error::Code::StorageUnavailable,
            QStringLiteral("the Qt SQLite driver (QSQLITE) is not installed"));
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(busy);
    if (!m_db.open())
        return sqlError(Error::Code::StorageCorrupt, QStringLiteral("open"), m_db.lastError());
    // journal_mode reads the header: a file that is not a database fails here.
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !q.next())
        return makeError(Error::Code::StorageCorrupt, q.lastError().text());
    if (q.value(0).toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        return makeError(Error::Code::StorageUnavailable,
            QStringLiteral("cannot switch to WAL mode: ") + q.value(0).toString());
    q.finish();
    QString err;
    if (!exec(m_db, QStringLiteral("PRAGMA synchronous=NORMAL"), &err)
        || !exec(m_db, QStringLiteral("PRAGMA foreign_keys=ON"), &err))
        return makeError(Error::Code::StorageCorrupt, err);
    return {};
}

int Database::schemaVersion()
{
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

const QList<QStringList> &Database::migrationList() const
{
    return m_options.migrations ? *m_options.migrations : store::migrations();
}

int Database::latestVersion() const
{
    return int(migrationList().size());
}

Expected<void> Database::migrate()
{
    const int current = schemaVersion();
    if (current < 0)
        return makeError(Error::Code::StorageCorrupt, QStringLiteral("cannot read user_version"));
    if (current > latestVersion()) {
        m_newerSchema = true;
        return makeError(Error::Code::MigrationFailed,
            QStringLiteral("schema version %1 is newer than this build (%2)")
                .arg(current)
                .arg(latestVersion()));
    }
    const auto &all = migrationList();
    for (int v = current; v < all.size(); ++v) {
        // One transaction per step: schema and user_version move together or not at all.
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

Expected<void> Database::attemptOpen()
{
    m_newerSchema = false;
    if (auto r = openConnection(); !r)
        return r;
    if (m_options.secondary) {
        if (const int v = schemaVersion(); v != latestVersion())
            return makeError(Error::Code::MigrationFailed,
                QStringLiteral("secondary connection: schema version %1, this build has %2")
                    .arg(v)
                    .arg(latestVersion()));
        return {};
    }
    return migrate();
}

Expected<std::unique_ptr<Database>> Database::open(
    const QString &path, const QString &backupDir, const QString &connectionName)
{
    return open(path, backupDir, connectionName, OpenOptions());
}

Expected<std::unique_ptr<Database>> Database::open(const QString &path, const QString &backupDir,
    const QString &connectionName, const OpenOptions &options)
{
    std::unique_ptr<Database> d(new Database);
    d->m_path = path;
    d->m_backupDir = backupDir;
    d->m_baseConnectionName = connectionName;
    d->m_options = options;
    if (options.secondary && !QFileInfo(path).isFile())
        return makeError(Error::Code::StorageUnavailable,
            QStringLiteral("secondary connection: no database at ") + path);
    QDir().mkpath(QFileInfo(path).absolutePath());

    auto r = d->attemptOpen();
    if (r)
        return d;
    d->close();
    if (options.secondary)
        return r.error();
    if (r.error().code == Error::Code::StorageUnavailable)
        return r.error();
    if (r.error().code == Error::Code::MigrationFailed && !d->m_newerSchema) {
        // The migration was rolled back: the file is intact at its old version. Not corruption;
        // keep it where it is and let the caller report the error.
        qCWarning(lcStore) << "migration failed:" << r.error().message;
        return r.error();
    }

    if (!QFileInfo::exists(path) && !QFileInfo(path).isSymLink()) {
        // Nothing there to keep aside: the folder is not writable, the disk is full, ...
        return makeError(Error::Code::StorageUnavailable, r.error().message);
    }

    // Unusable (or from a newer Kairos): keep it aside, never overwrite it, start from the
    // newest backup that opens.
    qCWarning(lcStore) << "database unusable:" << r.error().message;
    const QString aside = uniquePath(path + QStringLiteral(".corrupt-") + timestamp(), QString());
    // QDir::rename renames folders too (QFile::rename would try to copy a folder and fail).
    if (!QDir().rename(path, aside))
        return makeError(Error::Code::StorageCorrupt,
            QStringLiteral("cannot move the damaged database aside: ") + path);
    for (const QString &suffix : sideSuffixes()) {
        const QString side = path + suffix;
        if (QFileInfo::exists(side) && !QDir().rename(side, aside + suffix))
            QFile::remove(side); // a stale side file must not be applied to a restored copy
    }
    d->m_report.recovered = true;
    d->m_report.quarantinedPath = aside;
    d->m_report.reason = r.error().message;
    d->m_report.newerSchema = d->m_newerSchema;

    const QStringList candidates = d->backups();
    for (const QString &b : candidates) {
        removeWithSideFiles(path);
        if (!QFile::copy(b, path))
            continue;
        QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        if (d->attemptOpen()) {
            d->m_report.restoredBackup = b;
            qCWarning(lcStore) << "restored database from backup" << b;
            return d;
        }
        d->close();
        qCWarning(lcStore) << "backup unusable too:" << b;
    }
    removeWithSideFiles(path);
    if (auto fresh = d->attemptOpen(); !fresh)
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
        const auto e
            = sqlError(Error::Code::WriteFailed, QStringLiteral("commit"), m_db.lastError());
        m_db.rollback();
        return e;
    }
    ++m_commits;
    return {};
}

QStringList Database::backups() const
{
    if (m_backupDir.isEmpty())
        return {};
    QDir dir(m_backupDir);
    const QStringList names = dir.entryList(
        { QStringLiteral("kairos-*.sqlite") }, QDir::Files, QDir::Name | QDir::Reversed);
    QStringList out;
    for (const QString &n : names) {
        if (backupTime(n).isValid())
            out << dir.filePath(n);
    }
    return out;
}

QDateTime Database::backupTime(const QString &backupPath)
{
    static const QRegularExpression re(
        QStringLiteral("^kairos-(\\d{8}-\\d{6}-\\d{3})(?:_\\d+)?\\.sqlite$"));
    const auto m = re.match(QFileInfo(backupPath).fileName());
    if (!m.hasMatch())
        return {};
    QDateTime t = QDateTime::fromString(m.captured(1), kStampFormat);
    if (!t.isValid())
        return {};
    t.setTimeSpec(Qt::UTC);
    return t;
}

Expected<QString> Database::backup(int keep)
{
    if (m_backupDir.isEmpty())
        return makeError(Error::Code::NotConfigured, QStringLiteral("no backup folder"));
    QDir().mkpath(m_backupDir);
    const QString target
        = uniquePath(QDir(m_backupDir).filePath(QStringLiteral("kairos-") + timestamp()),
            QStringLiteral(".sqlite"));
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("VACUUM INTO ?"));
    q.addBindValue(target);
    if (!q.exec())
        return sqlError(Error::Code::WriteFailed, QStringLiteral("backup"), q.lastError());
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const QStringList all = backups();
    for (int i = qMax(keep, 1); i < all.size(); ++i)
        QFile::remove(all[i]);
    qCInfo(lcStore) << "backup written:" << QFileInfo(target).fileName();
    return target;
}

Expected<void> Database::backupIfOlderThan(qint64 maxAgeSecs, int keep)
{
    const QStringList all = backups();
    if (!all.isEmpty()) {
        const qint64 age = backupTime(all.first()).secsTo(Clock::nowUtc());
        // A negative age means the clock went back: take a fresh one rather than wait.
        if (age >= 0 && age < maxAgeSecs)
            return {};
    }
    auto r = backup(keep);
    if (!r)
        return r.error();
    return {};
}

} // namespace kairos
