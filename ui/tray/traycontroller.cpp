#include "tray/traycontroller.h"

#include "calendar/calendarservice.h"
#include "core/clock.h"

#include <QApplication>
#include <QCloseEvent>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QSystemTrayIcon>
#include <QTimer>

namespace kairos {

namespace {

const QString kToldKey = QStringLiteral("tray/toldAboutClosing");

} // namespace

TrayController::TrayController(QMainWindow &window, CalendarService &calendar, QSettings &settings,
    bool trayAvailable, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_calendar(calendar)
    , m_settings(settings)
{
    m_menu = new QMenu;
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_next = m_menu->addAction(QString());
    m_next->setObjectName(QStringLiteral("trayNextEventAction"));
    m_next->setEnabled(false);
    m_unread = m_menu->addAction(QString());
    m_unread->setObjectName(QStringLiteral("trayUnreadAction"));
    connect(m_unread, &QAction::triggered, this, &TrayController::showWindow);
    m_menu->addSeparator();
    QAction *open = m_menu->addAction(tr("&Open Kairos"));
    open->setObjectName(QStringLiteral("trayOpenAction"));
    connect(open, &QAction::triggered, this, &TrayController::showWindow);
    QAction *quitAction = m_menu->addAction(tr("&Quit"));
    quitAction->setObjectName(QStringLiteral("trayQuitAction"));
    connect(quitAction, &QAction::triggered, this, &TrayController::quit);

    if (trayAvailable) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setObjectName(QStringLiteral("trayIcon"));
        m_tray->setContextMenu(m_menu);
        connect(m_tray, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason why) {
                if (why == QSystemTrayIcon::Trigger || why == QSystemTrayIcon::DoubleClick)
                    showWindow();
            });
        m_tray->show();
        m_window.installEventFilter(this);
        // Closing the last window must not end the app while it lives in the tray.
        QApplication::setQuitOnLastWindowClosed(false);
    }
    m_tick = new QTimer(this);
    m_tick->setInterval(60 * 1000);
    connect(m_tick, &QTimer::timeout, this, &TrayController::updateNextEvent);
    m_tick->start();
    connect(&m_calendar, &CalendarService::changed, this, &TrayController::updateNextEvent);
    updateNextEvent();
    setUnreadCount(0);
}

TrayController::~TrayController()
{
    delete m_menu;
}

void TrayController::setUnreadCount(int count)
{
    m_unreadCount = count;
    m_unread->setText(count > 0 ? tr("%n unread message(s)", "", count) : tr("No unread messages"));
    m_unread->setEnabled(count > 0);
    if (m_tray)
        m_tray->setToolTip(count > 0 ? tr("Kairos — %n unread", "", count) : tr("Kairos"));
}

void TrayController::updateNextEvent()
{
    const QTimeZone zone = m_calendar.timeZone();
    const QDateTime now = Clock::nowUtc().toTimeZone(zone);
    auto today = m_calendar.occurrences(now.date(), now.date());
    QString text = tr("Nothing more today");
    if (today) {
        for (const Occurrence &o : std::as_const(*today)) {
            if (o.allDay || o.end <= now)
                continue;
            const QString title = o.title.isEmpty() ? tr("(No title)") : o.title;
            text = o.start <= now ? tr("Now: %1").arg(title)
                                  : tr("Next: %1 at %2")
                                        .arg(title,
                                            QLocale().toString(o.start.toTimeZone(zone).time(),
                                                QLocale::ShortFormat));
            break;
        }
    }
    m_next->setText(text);
}

void TrayController::showWindow()
{
    m_window.showNormal();
    m_window.raise();
    m_window.activateWindow();
}

void TrayController::quit()
{
    m_quitting = true;
    QApplication::setQuitOnLastWindowClosed(true);
    m_window.close();
    QCoreApplication::quit();
}

bool TrayController::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == &m_window && event->type() == QEvent::Close && m_tray && !m_quitting) {
        event->ignore();
        m_window.hide();
        if (!m_settings.value(kToldKey).toBool()) {
            m_settings.setValue(kToldKey, true);
            m_tray->showMessage(tr("Kairos is still running"),
                tr("Reminders and messages keep coming. Open Kairos from its icon here; Quit "
                   "from its menu ends it."),
                QSystemTrayIcon::Information, 8000);
            Q_EMIT hiddenToTrayFirstTime();
        }
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace kairos
