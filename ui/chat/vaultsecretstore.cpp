#include "chat/vaultsecretstore.h"

#include "auth/tokenvault.h"
#include "core/futures.h"
#include "core/logging.h"

#include <QFuture>

namespace kairos {

namespace {
bool keychainMissing(const Error &e)
{
    return e.code == Error::Code::KeychainUnavailable || e.code == Error::Code::KeychainError;
}
} // namespace

VaultSecretStore::VaultSecretStore(ITokenVault *vault, QObject *parent)
    : QObject(parent)
    , m_vault(vault)
    , m_fallback(vault == nullptr)
{ }

VaultSecretStore::~VaultSecretStore() = default;

void VaultSecretStore::setKeyMapper(std::function<QString(const QString &)> mapper)
{
    m_mapper = std::move(mapper);
}

QString VaultSecretStore::mapKey(const QString &key) const
{
    return m_mapper ? m_mapper(key) : key;
}

void VaultSecretStore::useFallback()
{
    if (m_fallback)
        return;
    m_fallback = true;
    Q_EMIT memoryFallbackChanged(true);
}

void VaultSecretStore::readSecret(
    const QString &rawKey, std::function<void(Expected<QString>)> done)
{
    const QString key = mapKey(rawKey);
    const auto inMemory = [this, key, done]() {
        const auto it = m_memory.constFind(key);
        if (it == m_memory.constEnd())
            done(makeError(Error::Code::NotFound, QStringLiteral("no secret")));
        else
            done(it.value());
    };
    if (!m_vault || m_memory.contains(key)) {
        inMemory();
        return;
    }
    onFinished(m_vault->read(key), this, [this, inMemory, done](const Expected<QByteArray> &r) {
        if (r) {
            done(QString::fromUtf8(*r));
            return;
        }
        if (keychainMissing(r.error())) {
            qCWarning(lcChat) << "no keychain for the member secret:" << r.error().codeName();
            useFallback();
        }
        inMemory();
    });
}

void VaultSecretStore::writeSecret(
    const QString &rawKey, const QString &secret, std::function<void(Expected<void>)> done)
{
    const QString key = mapKey(rawKey);
    if (!m_vault) {
        m_memory.insert(key, secret);
        if (done)
            done(Expected<void>());
        return;
    }
    onFinished(m_vault->write(key, secret.toUtf8()), this,
        [this, key, secret, done](const Expected<void> &r) {
            if (!r && keychainMissing(r.error())) {
                qCWarning(lcChat) << "keeping the member secret in memory only:"
                                  << r.error().codeName();
                m_memory.insert(key, secret);
                useFallback();
                if (done)
                    done(Expected<void>());
                return;
            }
            m_memory.remove(key);
            if (done)
                done(r);
        });
}

} // namespace kairos
