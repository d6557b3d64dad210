#include "reminders/reminderscontroller.h"

#include "calendar/calendarservice.h"
#include "calendar/meetinglink.h"
#include "core/clock.h"
#include "reminders/reminderswindow.h"

#include <QAction>
#include <QDesktopServices>
#include <QLocale>

namespace kairos {

RemindersController::RemindersController(ReminderService &service, CalendarService &calendar,
    Notifier *notifier, QWidget *windowParent, QObject *parent)
    : QObject(parent)
    , m_service(service)
    , m_calendar(calendar)
    , m_windowParent(windowParent)
{
    m_showAction = new QAction(tr("&Reminders…"), this);
    m_showAction->setObjectName(QStringLiteral("showRemindersAction"));
    m_showAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_showAction, &QAction::triggered, this, &RemindersController::showWindow);
    connect(&m_service, &ReminderService::reminderDue, this, &RemindersController::onDue);
    connect(
        &m_service, &ReminderService::activeChanged, this, &RemindersController::onActiveChanged);
    setNotifier(notifier);
}

RemindersController::~RemindersController()
{
    delete m_window.data();
}

void RemindersController::setNotifier(Notifier *notifier)
{
    if (m_notifier)
        disconnect(m_notifier, nullptr, this, nullptr);
    m_notifier = notifier;
    if (m_notifier)
        connect(m_notifier, &Notifier::actionInvoked, this, &RemindersController::onAction);
}

RemindersWindow *RemindersController::window()
{
    if (!m_window) {
        m_window = new RemindersWindow(m_service, m_windowParent);
        connect(m_window, &RemindersWindow::openEvent, this, &RemindersController::openEvent);
    }
    return m_window;
}

void RemindersController::showWindow()
{
    RemindersWindow *w = window();
    w->show();
    w->raise();
    w->activateWindow();
}

QString RemindersController::whenText(const DueReminder &r, const QDateTime &now)
{
    const qint64 toStart = now.secsTo(r.start);
    const qint64 toEnd = now.secsTo(r.end);
    if (r.allDay) {
        const QDate today = now.toTimeZone(r.start.timeZone()).date();
        const qint64 days = today.daysTo(r.start.date());
        if (days > 1)
            return tr("In %n day(s)", "", int(days));
        if (days == 1)
            return tr("Tomorrow");
        if (toEnd > 0)
            return tr("Today");
        return tr("Ended");
    }
    if (toStart > 0) {
        const int minutes = int((toStart + 59) / 60);
        if (minutes < 60)
            return tr("Starts in %n minute(s)", "", minutes);
        if (minutes < 24 * 60)
            return tr("Starts in %n hour(s)", "", (minutes + 30) / 60);
        return tr("Starts in %n day(s)", "", (minutes + 720) / (24 * 60));
    }
    if (toEnd > 0) {
        const int minutes = int(-toStart / 60);
        return minutes == 0 ? tr("Starting now") : tr("Started %n minute(s) ago", "", minutes);
    }
    return tr("Ended");
}

Notification RemindersController::notificationFor(
    const DueReminder &r, const QUrl &link, const QDateTime &now)
{
    Notification n;
    n.tag = tagFor(r);
    n.title = r.title.isEmpty() ? tr("(No title)") : r.title;
    const QLocale locale;
    QString span;
    if (r.allDay)
        span = locale.toString(r.start.date(), QLocale::LongFormat);
    else if (r.start.date() == r.end.date())
        span = QStringLiteral("%1 – %2").arg(locale.toString(r.start, QLocale::ShortFormat),
            locale.toString(r.end.time(), QLocale::ShortFormat));
    else
        span = QStringLiteral("%1 – %2").arg(locale.toString(r.start, QLocale::ShortFormat),
            locale.toString(r.end, QLocale::ShortFormat));
    QStringList lines;
    lines << (r.missed ? tr("Missed reminder: %1").arg(whenText(r, now)) : whenText(r, now));
    lines << span;
    if (!r.location.isEmpty())
        lines << r.location;
    n.body = lines.join(QLatin1Char('\n'));
    n.actions = { { QStringLiteral("default"), tr("Open") } };
    if (link.isValid())
        n.actions.append({ QStringLiteral("join"), tr("Join") });
    for (int minutes : { 5, 10, 15 })
        n.actions.append(
            { QStringLiteral("snooze%1").arg(minutes), tr("Snooze %n min", "", minutes) });
    n.actions.append({ QStringLiteral("dismiss"), tr("Dismiss") });
    n.category = QStringLiteral("x-kairos.reminder");
    n.urgency = Notification::Urgency::Normal;
    n.timeoutMs = 0; // stays until the user acts, like Thunderbird's
    return n;
}

void RemindersController::onDue(const DueReminder &r)
{
    QUrl link;
    if (auto e = m_calendar.event(r.eventId))
        link = meetingLink(e->location, e->description);
    if (m_notifier && m_notifier->isAvailable()) {
        m_notifier->show(notificationFor(r, link, Clock::nowUtc()));
        m_shown.removeAll(r.key);
        m_shown << r.key;
    } else {
        showWindow(); // nobody else would say it
    }
}

std::optional<DueReminder> RemindersController::find(const QString &key) const
{
    const QList<DueReminder> active = m_service.active();
    for (const DueReminder &r : active) {
        if (r.key == key)
            return r;
    }
    return std::nullopt;
}

void RemindersController::onAction(const QString &tag, const QString &actionKey)
{
    if (!tag.startsWith(QLatin1String("reminder:")))
        return; // someone else's notification
    const QString key = tag.mid(9);
    const std::optional<DueReminder> r = find(key);
    if (!r)
        return; // dismissed or snoozed meanwhile
    if (actionKey == QLatin1String("default") || actionKey == QLatin1String("open")) {
        Q_EMIT openEvent(r->eventId, r->start);
    } else if (actionKey == QLatin1String("join")) {
        if (auto e = m_calendar.event(r->eventId)) {
            const QUrl link = meetingLink(e->location, e->description);
            if (link.isValid())
                QDesktopServices::openUrl(link);
        }
    } else if (actionKey.startsWith(QLatin1String("snooze"))) {
        bool ok = false;
        const int minutes = actionKey.mid(6).toInt(&ok);
        if (ok) {
            if (auto sn = m_service.snooze(key, minutes); !sn)
                showWindow(); // still active there, to snooze or dismiss again
        }
    } else if (actionKey == QLatin1String("dismiss")) {
        if (auto d = m_service.dismiss(key); !d)
            showWindow();
    }
}

void RemindersController::onActiveChanged()
{
    // Snoozed or dismissed elsewhere (the window, another notification): withdraw its bubble.
    QStringList active;
    for (const DueReminder &r : m_service.active())
        active << r.key;
    const QStringList shown = m_shown;
    for (const QString &key : shown) {
        if (!active.contains(key)) {
            m_shown.removeAll(key);
            if (m_notifier)
                m_notifier->close(QStringLiteral("reminder:") + key);
        }
    }
}

} // namespace kairos
