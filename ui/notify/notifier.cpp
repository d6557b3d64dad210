#include "notify/notifier.h"

#ifdef KAIROS_HAVE_DBUS
#include "notify/freedesktopnotifier.h"
#endif

#include <QSystemTrayIcon>

namespace kairos {

std::unique_ptr<Notifier> Notifier::create(QSystemTrayIcon *tray, QObject *parent)
{
#ifdef KAIROS_HAVE_DBUS
    auto fd = std::make_unique<FreedesktopNotifier>(QDBusConnection::sessionBus(), parent);
    if (fd->isAvailable())
        return fd;
#endif
    return std::make_unique<TrayNotifier>(tray, parent);
}

TrayNotifier::TrayNotifier(QSystemTrayIcon *tray, QObject *parent)
    : Notifier(parent)
    , m_tray(tray)
{
    if (m_tray) {
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this]() {
            if (!m_lastTag.isEmpty())
                Q_EMIT actionInvoked(m_lastTag, QStringLiteral("default"));
        });
    }
}

bool TrayNotifier::isAvailable() const
{
    return m_tray && QSystemTrayIcon::isSystemTrayAvailable()
        && QSystemTrayIcon::supportsMessages();
}

void TrayNotifier::show(const Notification &n)
{
    if (!m_tray)
        return;
    m_lastTag = n.tag;
    const auto icon = n.urgency == Notification::Urgency::Critical ? QSystemTrayIcon::Warning
                                                                   : QSystemTrayIcon::Information;
    m_tray->showMessage(n.title, n.body, icon, n.timeoutMs < 0 ? 10000 : n.timeoutMs);
}

void TrayNotifier::close(const QString &tag)
{
    if (tag == m_lastTag)
        m_lastTag.clear(); // a tray message cannot be withdrawn; a late click does nothing
}

} // namespace kairos
