#pragma once

#include "core/expected.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace kairos {

//! \brief The profile's SQLite database: opened in WAL mode with a busy timeout, migrated to
//! the latest schema, and protected against corruption.
//!
//! A database that cannot be opened, fails `PRAGMA quick_check`, or has a schema newer than
//! this build is **never overwritten**: it is moved aside (`<name>.corrupt-<timestamp>`), the
//! newest automatic backup is restored in its place (or a new database is created when there is
//! none), and `openReport()` says what happened so the UI can tell the user where the old file
//! is. Backups are `VACUUM INTO` copies in the profile's backup folder; the newest few are kept.
class Database {
public:
    struct OpenReport {
        bool recovered = false; //!< the original file was unusable and was moved aside
        QString quarantinedPath; //!< where the unusable file now is
        QString restoredBackup; //!< the backup that was restored (empty: started empty)
        QString reason; //!< what was wrong (for logs and the dialog's details)
        bool newerSchema = false; //!< the file was written by a newer Kairos (kept aside too)
    };

    //! Knobs for open(); the defaults are what the app uses.
    struct OpenOptions {
        int busyTimeoutMs = 5000;
        //! Replaces store::migrations() (tests: a migration that fails must roll back).
        const QList<QStringList> *migrations = nullptr;
        //! A second connection (another thread) to a database this process already opened
        //! and migrated, e.g. the desktop import's worker: no integrity probe, no migration,
        //! and a failure is returned as is — the file is never moved aside or replaced (the
        //! first connection is still using it). Fails with MigrationFailed when the schema is
        //! not this build's.
        bool secondary = false;
    };

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    //! Opens (creating if needed) the database at `path`. `backupDir` may be empty (no
    //! backups). `connectionName` must be unique per thread in the process.
    //! A migration that fails is rolled back and reported (MigrationFailed); the file keeps its
    //! old schema and is not moved aside.
    static Expected<std::unique_ptr<Database>> open(
        const QString &path, const QString &backupDir, const QString &connectionName);
    static Expected<std::unique_ptr<Database>> open(const QString &path, const QString &backupDir,
        const QString &connectionName, const OpenOptions &options);

    QSqlDatabase &db() { return m_db; }
    QString path() const { return m_path; }
    const OpenReport &openReport() const { return m_report; }
    int schemaVersion();
    //! Transactions committed through transaction() on this connection (for tests and stats).
    int committedTransactions() const { return m_commits; }

    //! Writes a consistent copy to the backup folder and prunes old ones (keeps `keep`).
    Expected<QString> backup(int keep = 5);
    //! Backs up when the newest backup is older than `maxAge` (or none exists). The age comes
    //! from the time stamp in the backup's name, written from kairos::Clock (not file times).
    Expected<void> backupIfOlderThan(qint64 maxAgeSecs, int keep = 5);
    //! Backups, newest first.
    QStringList backups() const;
    //! When a backup was taken (from its name), invalid if the name is not one of ours.
    static QDateTime backupTime(const QString &backupPath);

    //! Runs `fn` inside one transaction; rolls back if it returns an error.
    Expected<void> transaction(const std::function<Expected<void>()> &fn);

private:
    Database() = default;
    Expected<void> openConnection();
    Expected<void> migrate();
    Expected<void> attemptOpen();
    const QList<QStringList> &migrationList() const;
    int latestVersion() const;
    void close();

    QSqlDatabase m_db;
    QString m_path;
    QString m_backupDir;
    QString m_baseConnectionName; //!< what the caller asked for
    QString m_connectionName; //!< the live connection (unique per attempt)
    OpenOptions m_options;
    OpenReport m_report;
    int m_commits = 0;
    bool m_newerSchema = false; //!< set by migrate() when user_version > latest
};

} // namespace kairos
