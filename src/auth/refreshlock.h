#pragma once

#include "core/expected.h"

#include <QDeadlineTimer>
#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <memory>

namespace kairos {

//! \brief The cross-process lock one account's token refresh runs under.
//!
//! A QLockFile `<dir>/refresh-<account>.lock` (dir = the profile's data folder), so that the
//! desktop app, `kairos-cli mcp` and `kairos-cli sync` on the same profile never refresh the
//! same account at once — Microsoft rotates refresh tokens, and a refresh token used twice
//! (or a rotated one lost) means the user has to sign in again.
//!
//! Never blocks: acquire() tries without waiting and retries on a timer until the deadline.
//! Stale locks are detected (the holder's process died, or the file is older than
//! staleLockTimeMs()). The lock is released by release() or when the object dies.
class RefreshLock final : public QObject {
    Q_DISABLE_COPY_MOVE(RefreshLock)

public:
    using Callback = std::function<void(const Expected<void> &)>;

    RefreshLock(const QString &dir, const QString &accountId, QObject *parent = nullptr);
    ~RefreshLock() override;

    //! "<dir>/refresh-<account>.lock"; characters other than [A-Za-z0-9._-] become '_'.
    static QString lockPath(const QString &dir, const QString &accountId);
    QString path() const { return m_path; }

    //! A lock file older than this is taken over (its holder hangs). Default 90 s: longer
    //! than a token request may take.
    void setStaleLockTimeMs(int ms);
    int staleLockTimeMs() const;
    //! Delay between attempts while another process holds the lock (default 50 ms).
    void setRetryIntervalMs(int ms) { m_retry.setInterval(ms); }

    //! Calls `done` (on this object's thread, possibly before returning) once the lock is
    //! held, or with Timeout after `timeoutMs`, or with StorageUnavailable when the lock file
    //! cannot be created at all. One acquisition at a time.
    void acquire(int timeoutMs, Callback done);
    bool isLocked() const { return m_locked; }
    void release();

private:
    void attempt();

    QString m_path;
    std::unique_ptr<QLockFile> m_file;
    QTimer m_retry;
    QDeadlineTimer m_deadline;
    Callback m_done;
    bool m_locked = false;
};

} // namespace kairos
