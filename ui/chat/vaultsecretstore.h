#pragma once

#include "room/secretstore.h"

#include <QHash>
#include <QObject>

namespace kairos {

class ITokenVault;

//! \brief room::ISecretStore over the OS keychain (ITokenVault, QtKeychainVault in the app).
//!
//! When no keychain answers (KeychainUnavailable or KeychainError), secrets are kept in memory
//! for this session only — never on disk — and memoryFallbackChanged(true) is emitted so the
//! chat panel can say so. A null vault means "memory only" from the start.
class VaultSecretStore final : public QObject, public room::ISecretStore {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VaultSecretStore)
public:
    explicit VaultSecretStore(ITokenVault *vault, QObject *parent = nullptr);
    ~VaultSecretStore() override;

    void readSecret(const QString &key, std::function<void(Expected<QString>)> done) override;
    void writeSecret(const QString &key, const QString &secret,
        std::function<void(Expected<void>)> done) override;

    //! True once a secret had to be kept in memory because no keychain answered.
    bool usingMemoryFallback() const { return m_fallback; }

    //! Maps a client's key before it reaches the keychain (e.g. the embedded room's ephemeral
    //! port is replaced by a stable name). Identity when unset.
    void setKeyMapper(std::function<QString(const QString &)> mapper);

Q_SIGNALS:
    void memoryFallbackChanged(bool inMemory);

private:
    QString mapKey(const QString &key) const;
    void useFallback();

    ITokenVault *m_vault;
    QHash<QString, QString> m_memory;
    bool m_fallback = false;
    std::function<QString(const QString &)> m_mapper;
};

} // namespace kairos
