#pragma once

#include "notify/notifier.h"

#include <QDBusConnection>
#include <QHash>
#include <QSet>

namespace kairos {

//! \brief org.freedesktop.Notifications (Desktop Notifications Specification 1.2) over QtDBus:
//! Notify with actions and urgency / category hints, CloseNotification, and the server's
//! ActionInvoked / NotificationClosed signals mapped back to tags. Calls are asynchronous, so a
//! slow or missing server never blocks the window.
class FreedesktopNotifier final : public Notifier {
    Q_OBJECT
public:
    static constexpr const char *kService = "org.freedesktop.Notifications";
    static constexpr const char *kPath = "/org/freedesktop/Notifications";

    explicit FreedesktopNotifier(
        QDBusConnection bus = QDBusConnection::sessionBus(), QObject *parent = nullptr);
    bool isAvailable() const override;
    bool supportsActions() const override { return true; }
    void show(const Notification &notification) override;
    void close(const QString &tag) override;
    //! The server's id for a shown tag (0 if none yet).
    uint serverId(const QString &tag) const { return m_ids.value(tag); }

Q_SIGNALS:
    //! The server answered Notify for this tag (tests wait on it).
    void shown(const QString &tag, uint id);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &actionKey);
    void onNotificationClosed(uint id, uint reason);

private:
    QDBusConnection m_bus;
    QHash<QString, uint> m_ids;
    QHash<uint, QString> m_tags;
    QSet<QString> m_closeWhenShown; //!< close() came before the server's answer to Notify
};

} // namespace kairos
