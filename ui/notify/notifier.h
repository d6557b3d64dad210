#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <memory>
#include <utility>

class QSystemTrayIcon;

namespace kairos {

//! \brief A desktop notification, as general as the platforms allow: reminders use it, chat
//! mentions can too.
struct Notification {
    enum class Urgency { Low, Normal, Critical };
    //! Identifies the notification for the caller: showing the same tag again replaces it, and
    //! actionInvoked() / closed() report it.
    QString tag;
    QString title;
    QString body; //!< plain text
    //! (key, label) pairs. The key "default" is what clicking the notification itself does.
    QList<std::pair<QString, QString>> actions;
    Urgency urgency = Urgency::Normal;
    //! A freedesktop category ("im.received", "x-kairos.reminder"); a hint, may be ignored.
    QString category;
    //! -1: the server's default; 0: stays until the user acts.
    int timeoutMs = -1;
};

//! \brief Shows notifications through the platform. One interface: org.freedesktop.Notifications
//! on Linux, the tray icon's messages elsewhere (no buttons there: a click is "default").
class Notifier : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;
    //! True when notifications would be seen (a server on the bus, a tray that shows messages).
    virtual bool isAvailable() const = 0;
    //! Buttons are shown (the tray's messages have none).
    virtual bool supportsActions() const = 0;
    virtual void show(const Notification &notification) = 0;
    //! Withdraws the notification with this tag, if it is still shown.
    virtual void close(const QString &tag) = 0;

    //! The best notifier this platform has: the freedesktop service when it is on the session
    //! bus, else the tray icon's messages (`tray` may be null: then nothing is shown).
    static std::unique_ptr<Notifier> create(QSystemTrayIcon *tray, QObject *parent = nullptr);

Q_SIGNALS:
    void actionInvoked(const QString &tag, const QString &actionKey);
    //! The notification went away (expired, closed by the user or by close()).
    void closed(const QString &tag);
};

//! Messages of a QSystemTrayIcon: title and body; a click is the "default" action.
class TrayNotifier final : public Notifier {
    Q_OBJECT
public:
    explicit TrayNotifier(QSystemTrayIcon *tray, QObject *parent = nullptr);
    bool isAvailable() const override;
    bool supportsActions() const override { return false; }
    void show(const Notification &notification) override;
    void close(const QString &tag) override;

private:
    QPointer<QSystemTrayIcon> m_tray;
    QString m_lastTag;
};

} // namespace kairos
