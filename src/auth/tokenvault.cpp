#include "auth/tokenvault.h"

#include "core/logging.h"
#include "core/profile.h"

#include <qt6keychain/keychain.h>

#include <QPointer>
#include <QPromise>
#include <QTimer>

#include <memory>

namespace kairos {

namespace {

QString missingServiceHint()
{
#if defined(Q_OS_LINUX) || defined(Q_OS_FREEBSD)
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        return QStringLiteral("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is not set), so no "
                              "Secret Service (org.freedesktop.secrets) can answer");
    return QStringLiteral("no Secret Service (org.freedesktop.secrets, e.g. gnome-keyring or "
                          "KWallet) answered on the D-Bus session bus");
#elif defined(Q_OS_MACOS)
    return QStringLiteral("the macOS Keychain did not answer");
#elif defined(Q_OS_WIN)
    return QStringLiteral("the Windows Credential Manager did not answer");
#else
    return QStringLiteral("no keychain service is available on this platform");
#endif
}

// Runs a QtKeychain job and completes `promise` exactly once: from the job's finished signal or
// from the timeout, whichever comes first.
template <typename T, typename Job, typename OnDone>
QFuture<Expected<T>> runJob(Job *job, QObject *context, int timeoutMs, OnDone onDone)
{
    auto promise = std::make_shared<QPromise<Expected<T>>>();
    auto done = std::make_shared<bool>(false);
    promise->start();
    QFuture<Expected<T>> future = promise->future();

    auto finish = [promise, done](Expected<T> result) {
        if (*done)
            return;
        *done = true;
        promise->addResult(std::move(result));
        promise->finish();
    };

    auto *timer = new QTimer(context);
    timer->setSingleShot(true);
    QObject::connect(timer, &QTimer::timeout, context, [finish, timer]() {
        qCWarning(lcVault) << "keychain job timed out";
        finish(
            QtKeychainVault::mapError(QKeychain::NoBackendAvailable, QStringLiteral("timed out")));
        timer->deleteLater();
    });
    QPointer<QTimer> guard(timer);
    QObject::connect(
        job, &QKeychain::Job::finished, context, [finish, onDone, guard](QKeychain::Job *j) {
            if (guard) {
                guard->stop();
                guard->deleteLater();
            }
            finish(onDone(static_cast<Job *>(j)));
        });
    timer->start(timeoutMs);
    job->start();
    return future;
}

} // namespace

QtKeychainVault::QtKeychainVault(const Profile &profile)
    : QtKeychainVault(profile.keychainService())
{ }

QtKeychainVault::QtKeychainVault(QString service)
    : m_service(std::move(service))
{ }

QtKeychainVault::~QtKeychainVault() = default;

Error QtKeychainVault::mapError(int keychainError, const QString &detail)
{
    switch (QKeychain::Error(keychainError)) {
    case QKeychain::NoError:
        return makeError(Error::Code::Internal, QStringLiteral("no error"));
    case QKeychain::EntryNotFound:
        return makeError(Error::Code::NotFound, QStringLiteral("no such keychain entry"));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return makeError(Error::Code::KeychainUnavailable,
            missingServiceHint() + QStringLiteral(" (") + detail + QLatin1Char(')'));
    case QKeychain::OtherError:
        // libsecret reports an absent bus or an unactivatable Secret Service as OtherError
        // ("Cannot autolaunch D-Bus without X11 $DISPLAY", "…org.freedesktop.secrets…").
        if (detail.contains(QLatin1String("D-Bus"), Qt::CaseInsensitive)
            || detail.contains(QLatin1String("DBus"), Qt::CaseInsensitive)
            || detail.contains(QLatin1String("org.freedesktop.secrets"))
            || detail.contains(QLatin1String("ServiceUnknown"))
            || detail.contains(QLatin1String("StartServiceByName"))
            || detail.contains(QLatin1String("Could not connect"), Qt::CaseInsensitive)
            || detail.contains(QLatin1String("autolaunch"), Qt::CaseInsensitive))
            return makeError(Error::Code::KeychainUnavailable,
                missingServiceHint() + QStringLiteral(" (") + detail + QLatin1Char(')'));
        return makeError(Error::Code::KeychainError, detail);
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return makeError(Error::Code::KeychainError, detail);
    }
    return makeError(Error::Code::KeychainError, detail);
}

QFuture<Expected<QByteArray>> QtKeychainVault::read(const QString &key)
{
    qCDebug(lcVault) << "keychain read" << m_service << key;
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setInsecureFallback(false); // never plaintext
    job->setAutoDelete(true);
    job->setKey(key);
    return runJob<QByteArray>(
        job, &m_context, m_timeoutMs, [](QKeychain::ReadPasswordJob *j) -> Expected<QByteArray> {
            if (j->error() != QKeychain::NoError)
                return mapError(j->error(), j->errorString());
            return j->binaryData();
        });
}

QFuture<Expected<void>> QtKeychainVault::write(const QString &key, const QByteArray &secret)
{
    qCDebug(lcVault) << "keychain write" << m_service << key;
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setBinaryData(secret);
    return runJob<void>(
        job, &m_context, m_timeoutMs, [](QKeychain::WritePasswordJob *j) -> Expected<void> {
            if (j->error() != QKeychain::NoError)
                return mapError(j->error(), j->errorString());
            return {};
        });
}

QFuture<Expected<void>> QtKeychainVault::remove(const QString &key)
{
    qCDebug(lcVault) << "keychain remove" << m_service << key;
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    return runJob<void>(
        job, &m_context, m_timeoutMs, [](QKeychain::DeletePasswordJob *j) -> Expected<void> {
            if (j->error() == QKeychain::EntryNotFound)
                return {};
            if (j->error() != QKeychain::NoError)
                return mapError(j->error(), j->errorString());
            return {};
        });
}

} // namespace kairos
