#include "auth/refreshlock.h"

#include "core/logging.h"

#include <QDir>

#include <utility>

namespace kairos {

RefreshLock::RefreshLock(const QString &dir, const QString &accountId, QObject *parent)
    : QObject(parent)
    , m_path(lockPath(dir, accountId))
    , m_file(std::make_unique<QLockFile>(m_path))
{
    m_file->setStaleLockTime(90 * 1000);
    m_retry.setInterval(50);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RefreshLock::attempt);
}

RefreshLock::~RefreshLock()
{
    release();
}

QString RefreshLock::lockPath(const QString &dir, const QString &accountId)
{
    QString name = accountId;
    for (QChar &c : name) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')
            || (c >= u'0' && c <= u'9') || c == u'.' || c == u'-' || c == u'_';
        if (!ok)
            c = u'_';
    }
    return QDir(dir).filePath(QStringLiteral("refresh-") + name + QStringLiteral(".lock"));
}

void RefreshLock::setStaleLockTimeMs(int ms)
{
    m_file->setStaleLockTime(ms);
}

int RefreshLock::staleLockTimeMs() const
{
    return m_file->staleLockTime();
}

void RefreshLock::acquire(int timeoutMs, Callback done)
{
    Q_ASSERT(!m_done && !m_locked);
    m_done = std::move(done);
    m_deadline = QDeadlineTimer(timeoutMs);
    attempt();
}

void RefreshLock::attempt()
{
    if (!m_done)
        return;
    // tryLock(0) never waits; it also removes a stale lock (dead holder or too old).
    if (m_file->tryLock(0)) {
        m_locked = true;
        Callback cb = std::exchange(m_done, {});
        cb({});
        return;
    }
    const QLockFile::LockError err = m_file->error();
    if (err != QLockFile::LockFailedError) {
        Callback cb = std::exchange(m_done, {});
        cb(makeError(Error::Code::StorageUnavailable,
            QStringLiteral("cannot create the refresh lock %1").arg(m_path)));
        return;
    }
    if (m_deadline.hasExpired()) {
        Callback cb = std::exchange(m_done, {});
        cb(makeError(Error::Code::Timeout,
            QStringLiteral("another process holds the refresh lock %1").arg(m_path)));
        return;
    }
    m_retry.start();
}

void RefreshLock::release()
{
    m_retry.stop();
    m_done = {};
    if (m_locked) {
        m_file->unlock();
        m_locked = false;
    }
}

} // namespace kairos
