#pragma once

// A real org.freedesktop.Notifications service for tests: registered on the session bus (the
// private one scripts/with-keyring.sh starts with dbus-run-session) through its own
// connection, so every call crosses the bus daemon as it would to GNOME's or KDE's server. It
// records Notify / CloseNotification and can press a notification's buttons (ActionInvoked).

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QObject>
#include <QStringList>
#include <QVariantMap>

namespace kairos::test {

class FakeNotificationServer final : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    struct Call {
        uint id = 0;
        QString app;
        uint replacesId = 0;
        QString icon;
        QString summary;
        QString body;
        QStringList actions; //!< key, label, key, label …
        QVariantMap hints;
        int timeout = -1;
        QStringList actionKeys() const
        {
            QStringList k;
            for (qsizetype i = 0; i + 1 < actions.size(); i += 2)
                k << actions.at(i);
            return k;
        }
    };

    explicit FakeNotificationServer(QObject *parent = nullptr)
        : QObject(parent)
        , m_bus(QDBusConnection::connectToBus(
              QDBusConnection::SessionBus, QStringLiteral("kairos-fake-notifications")))
    { }
    ~FakeNotificationServer() override { stop(); }

    //! False without a session bus or when another server holds the name.
    bool start()
    {
        if (!m_bus.isConnected())
            return false;
        if (!m_bus.registerObject(QStringLiteral("/org/freedesktop/Notifications"), this,
                QDBusConnection::ExportScriptableContents))
            return false;
        m_registered = m_bus.registerService(QStringLiteral("org.freedesktop.Notifications"));
        return m_registered;
    }
    void stop()
    {
        if (!m_bus.isConnected())
            return;
        if (m_registered)
            m_bus.unregisterService(QStringLiteral("org.freedesktop.Notifications"));
        m_registered = false;
        m_bus.unregisterObject(QStringLiteral("/org/freedesktop/Notifications"));
    }

    const QList<Call> &calls() const { return m_calls; }
    const QList<uint> &closedIds() const { return m_closed; }
    //! Presses a button (or, with "default", the notification itself), as a user would.
    void invokeAction(uint id, const QString &key) { Q_EMIT ActionInvoked(id, key); }
    //! The user closes the bubble (reason 2).
    void closeByUser(uint id) { Q_EMIT NotificationClosed(id, 2); }

public Q_SLOTS:
    Q_SCRIPTABLE uint Notify(const QString &app, uint replacesId, const QString &icon,
        const QString &summary, const QString &body, const QStringList &actions,
        const QVariantMap &hints, int timeout)
    {
        Call c;
        c.id = replacesId ? replacesId : ++m_next;
        c.app = app;
        c.replacesId = replacesId;
        c.icon = icon;
        c.summary = summary;
        c.body = body;
        c.actions = actions;
        c.hints = hints;
        c.timeout = timeout;
        m_calls << c;
        return c.id;
    }
    Q_SCRIPTABLE void CloseNotification(uint id)
    {
        m_closed << id;
        Q_EMIT NotificationClosed(id, 3);
    }
    Q_SCRIPTABLE QStringList GetCapabilities()
    {
        return { QStringLiteral("actions"), QStringLiteral("body"), QStringLiteral("persistence") };
    }
    Q_SCRIPTABLE QString GetServerInformation(QString &vendor, QString &version, QString &spec)
    {
        vendor = QStringLiteral("Kairos tests");
        version = QStringLiteral("1");
        spec = QStringLiteral("1.2");
        return QStringLiteral("kairos-fake-notifications");
    }

Q_SIGNALS:
    Q_SCRIPTABLE void ActionInvoked(uint id, const QString &actionKey);
    Q_SCRIPTABLE void NotificationClosed(uint id, uint reason);

private:
    QDBusConnection m_bus;
    bool m_registered = false;
    uint m_next = 0;
    QList<Call> m_calls;
    QList<uint> m_closed;
};

} // namespace kairos::test
