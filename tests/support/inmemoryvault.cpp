#include "inmemoryvault.h"

#include <QPromise>
#include <QTimer>

#include <memory>

namespace kairos::test {

namespace {

template <typename T> QFuture<Expected<T>> later(QObject *context, Expected<T> value)
{
    auto promise = std::make_shared<QPromise<Expected<T>>>();
    promise->start();
    QTimer::singleShot(0, context, [promise, value]() {
        promise->addResult(value);
        promise->finish();
    });
    return promise->future();
}

Error unavailable()
{
    return makeError(Error::Code::KeychainUnavailable,
        QStringLiteral("InMemoryVault: simulated missing Secret Service"));
}

} // namespace

QFuture<Expected<QByteArray>> InMemoryVault::read(const QString &key)
{
    if (m_unavailable)
        return later<QByteArray>(&m_context, unavailable());
    if (!m_entries.contains(key))
        return later<QByteArray>(
            &m_context, makeError(Error::Code::NotFound, QStringLiteral("no entry")));
    return later<QByteArray>(&m_context, m_entries.value(key));
}

QFuture<Expected<void>> InMemoryVault::write(const QString &key, const QByteArray &secret)
{
    if (m_unavailable)
        return later<void>(&m_context, unavailable());
    m_entries.insert(key, secret);
    ++m_writes;
    return later<void>(&m_context, Expected<void>());
}

QFuture<Expected<void>> InMemoryVault::remove(const QString &key)
{
    if (m_unavailable)
        return later<void>(&m_context, unavailable());
    m_entries.remove(key);
    return later<void>(&m_context, Expected<void>());
}

} // namespace kairos::test
