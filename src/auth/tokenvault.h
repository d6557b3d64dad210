#pragma once

#include "core/expected.h"

#include <QByteArray>
#include <QFuture>
#include <QObject>
#include <QString>

namespace kairos {

class Profile;

//! \brief Where secrets live: read / write / remove one entry by key, asynchronously.
//!
//! Keys are "<provider>/<account>/token" (see tokenKey()); the namespace of a profile is the
//! implementation's business (QtKeychainVault uses the service "kairos/<profile>"). Futures
//! finish on the thread that called, through the event loop; they never block.
//!
//! Errors: `NotFound` (no such entry), `KeychainUnavailable` (no keychain service answered:
//! the message names what is missing), `KeychainError` (the service answered with a failure).
//! There is deliberately **no plaintext fallback**.
class ITokenVault {
public:
    virtual ~ITokenVault() = default;
    virtual QFuture<Expected<QByteArray>> read(const QString &key) = 0;
    virtual QFuture<Expected<void>> write(const QString &key, const QByteArray &secret) = 0;
    //! Removing an entry that does not exist succeeds.
    virtual QFuture<Expected<void>> remove(const QString &key) = 0;

    //! "<provider>/<account>/token", e.g. "google/6f1c…/token".
    static QString tokenKey(const QString &provider, const QString &accountId)
    {
        return provider + QLatin1Char('/') + accountId + QStringLiteral("/token");
    }
};

//! \brief The OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS,
//! Credential Manager on Windows). One service per profile: Profile::keychainService().
class QtKeychainVault final : public ITokenVault {
public:
    explicit QtKeychainVault(const Profile &profile);
    explicit QtKeychainVault(QString service);
    ~QtKeychainVault() override;

    QString service() const { return m_service; }
    //! A job that gets no answer within this time fails with KeychainUnavailable (a Secret
    //! Service that D-Bus cannot activate otherwise hangs for ~25 s or longer).
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    QFuture<Expected<QByteArray>> read(const QString &key) override;
    QFuture<Expected<void>> write(const QString &key, const QByteArray &secret) override;
    QFuture<Expected<void>> remove(const QString &key) override;

    //! Maps a QtKeychain error (QKeychain::Error as int) to a core Error. Public for tests.
    static Error mapError(int keychainError, const QString &detail);

private:
    QString m_service;
    int m_timeoutMs = 20000;
    QObject m_context; //!< owns the timeout timers; jobs die with it
};

} // namespace kairos
