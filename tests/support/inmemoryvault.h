#pragma once

#include "auth/tokenvault.h"

#include <QHash>
#include <QObject>

namespace kairos::test {

//! \brief An ITokenVault in memory for fast tests. Answers asynchronously (next event-loop
//! turn), like a real keychain. `setUnavailable(true)` makes every call fail with
//! KeychainUnavailable, as when no Secret Service answers.
class InMemoryVault final : public ITokenVault {
public:
    QFuture<Expected<QByteArray>> read(const QString &key) override;
    QFuture<Expected<void>> write(const QString &key, const QByteArray &secret) override;
    QFuture<Expected<void>> remove(const QString &key) override;

    void setUnavailable(bool on) { m_unavailable = on; }
    bool contains(const QString &key) const { return m_entries.contains(key); }
    QByteArray value(const QString &key) const { return m_entries.value(key); }
    QStringList keys() const { return m_entries.keys(); }
    int writes() const { return m_writes; }

private:
    QHash<QString, QByteArray> m_entries;
    bool m_unavailable = false;
    int m_writes = 0;
    QObject m_context;
};

} // namespace kairos::test
