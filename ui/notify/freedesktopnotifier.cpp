#include "notify/freedesktopnotifier.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QStringList>
#include <QVariantMap>

namespace kairos {

namespace {

const QString kInterface = QStringLiteral("org.freedesktop.Notifications");

} // namespace

FreedesktopNotifier::FreedesktopNotifier(QDBusConnection bus, QObject *parent)
    : Notifier(parent)
    , m_bus(std::move(bus))
{
    const QString service = QString::fromLatin1(kService);
    const QString path = QString::fromLatin1(kPath);
    m_bus.connect(service, path, kInterface, QStringLiteral("ActionInvoked"), this,
        SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(service, path, kInterface, QStringLiteral("NotificationClosed"), this,
        SLOT(onNotificationClosed(uint, uint)));
}

bool FreedesktopNotifier::isAvailable() const
{
    if (!m_bus.isConnected() || !m_bus.interface())
        return false;
    const QString service = QString::fromLatin1(kService);
    if (m_bus.interface()->isServiceRegistered(service))
        return true;
    const QDBusReply<QStringList> activatable = m_bus.interface()->activatableServiceNames();
    return activatable.isValid() && activatable.value().contains(service);
}

void FreedesktopNotifier::show(const Notification &n)
{
    QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(kService),
        QString::fromLatin1(kPath), kInterface, QStringLiteral("Notify"));
    QStringList actions;
    for (const auto &[key, label] : n.actions)
        actions << key << label;
    QVariantMap hints;
    const uchar urgency = n.urgency == Notification::Urgency::Low ? 0
        : n.urgency == Notification::Urgency::Critical            ? 2
                                                                  : 1;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(urgency));
    if (!n.category.isEmpty())
        hints.insert(QStringLiteral("category"), n.category);
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("io.github.kairos.Kairos"));
    m_closeWhenShown.remove(n.tag);
    call << QStringLiteral("Kairos") << m_ids.value(n.tag)
         << QStringLiteral("io.github.kairos.Kairos") << n.title << n.body << actions << hints
         << qint32(n.timeoutMs);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call), this);
    const QString tag = n.tag;
    connect(
        watcher, &QDBusPendingCallWatcher::finished, this, [this, tag](QDBusPendingCallWatcher *w) {
            w->deleteLater();
            const QDBusPendingReply<uint> reply = *w;
            if (reply.isError())
                return; // no server: nothing was shown, nothing to map
            const uint id = reply.value();
            if (const uint old = m_ids.value(tag); old && old != id)
                m_tags.remove(old);
            m_ids.insert(tag, id);
            m_tags.insert(id, tag);
            Q_EMIT shown(tag, id);
            if (m_closeWhenShown.remove(tag))
                close(tag);
        });
}

void FreedesktopNotifier::close(const QString &tag)
{
    const uint id = m_ids.value(tag);
    if (!id) {
        m_closeWhenShown.insert(tag); // Notify's answer may still be on its way
        return;
    }
    QDBusMessage call = QDBusMessage::createMethodCall(QString::fromLatin1(kService),
        QString::fromLatin1(kPath), kInterface, QStringLiteral("CloseNotification"));
    call << id;
    m_bus.asyncCall(call);
}

void FreedesktopNotifier::onActionInvoked(uint id, const QString &actionKey)
{
    const auto it = m_tags.constFind(id);
    if (it != m_tags.constEnd())
        Q_EMIT actionInvoked(*it, actionKey);
}

void FreedesktopNotifier::onNotificationClosed(uint id, uint reason)
{
    Q_UNUSED(reason)
    const QString tag = m_tags.take(id);
    if (tag.isEmpty())
        return;
    m_ids.remove(tag);
    Q_EMIT closed(tag);
}

} // namespace kairos
