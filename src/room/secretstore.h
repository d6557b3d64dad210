#pragma once

#include "core/expected.h"

#include <QHash>
#include <QString>

#include <functional>

namespace kairos::room {

//! \brief Where a client keeps its member secrets (one per server, room and name). The
//! desktop app plugs in the OS keychain (src/auth's vault); tests use MemorySecretStore.
//! Asynchronous because keychains are; callbacks may run before the call returns.
class ISecretStore {
public:
    virtual ~ISecretStore() = default;
    //! Calls back with the secret, or an error with code NotFound when there is none.
    virtual void readSecret(const QString &key, std::function<void(Expected<QString>)> done) = 0;
    virtual void writeSecret(const QString &key, const QString &secret,
                             std::function<void(Expected<void>)> done)
            = 0;
};

class MemorySecretStore final : public ISecretStore {
public:
    void readSecret(const QString &key, std::function<void(Expected<QString>)> done) override
    {
        const auto it = m_secrets.constFind(key);
        if (it == m_secrets.constEnd())
            done(makeError(Error::Code::NotFound, QStringLiteral("no secret")));
        else
            done(it.value());
    }
    void writeSecret(const QString &key, const QString &secret,
                     std::function<void(Expected<void>)> done) override
    {
        m_secrets.insert(key, secret);
        if (done)
            done(Expected<void>());
    }
    QHash<QString, QString> secrets() const { return m_secrets; }
    void clear() { m_secrets.clear(); }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace kairos::room
