#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMainWindow;
class QMenu;
class QSettings;
class QSystemTrayIcon;
class QTimer;

namespace kairos {

class CalendarService;

//! \brief Kairos in the background: a tray icon (when the desktop has a tray) whose menu shows
//! today's next event and the room's unread messages, with Open and Quit. While a tray exists,
//! closing the window hides it instead of quitting; the first time, a message says so.
class TrayController final : public QObject {
    Q_OBJECT
public:
    //! `trayAvailable`: QSystemTrayIcon::isSystemTrayAvailable() (tests pass true).
    TrayController(QMainWindow &window, CalendarService &calendar, QSettings &settings,
        bool trayAvailable, QObject *parent = nullptr);
    ~TrayController() override;

    QSystemTrayIcon *trayIcon() const { return m_tray; }
    QMenu *menu() const { return m_menu; }
    bool keepsRunningInTray() const { return m_tray != nullptr; }
    //! Unread room messages, shown in the menu and the tooltip.
    void setUnreadCount(int count);
    //! Today's next event, read again (the calendar changed, time passed).
    void updateNextEvent();
    //! Quit for real (the menu's Quit, the File menu's Quit).
    void quit();

Q_SIGNALS:
    //! The window was closed into the tray for the first time (the message was shown).
    void hiddenToTrayFirstTime();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showWindow();

    QMainWindow &m_window;
    CalendarService &m_calendar;
    QSettings &m_settings;
    QSystemTrayIcon *m_tray = nullptr;
    QMenu *m_menu = nullptr;
    QAction *m_next = nullptr;
    QAction *m_unread = nullptr;
    QTimer *m_tick = nullptr;
    bool m_quitting = false;
    int m_unreadCount = 0;
};

} // namespace kairos
