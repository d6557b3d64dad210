#pragma once

#include "calendar/reminderservice.h"
#include "notify/notifier.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QAction;
class QWidget;

namespace kairos {

class CalendarService;
class RemindersWindow;

//! \brief Turns the ReminderService's reminders into desktop notifications (Open, Snooze 5 / 10
//! / 15 min, Dismiss, and Join when the event has a meeting link) and keeps the reminders
//! window; the buttons of either go back to the service. A reminder snoozed or dismissed in
//! the window withdraws its notification. Without a notifier that can show anything, the
//! reminders window comes up instead.
class RemindersController final : public QObject {
    Q_OBJECT
public:
    RemindersController(ReminderService &service, CalendarService &calendar, Notifier *notifier,
        QWidget *windowParent, QObject *parent = nullptr);
    ~RemindersController() override;

    //! What the notification of `reminder` says and offers (at `now`).
    static Notification notificationFor(
        const DueReminder &reminder, const QUrl &meetingLink, const QDateTime &now);
    static QString tagFor(const DueReminder &reminder)
    {
        return QStringLiteral("reminder:") + reminder.key;
    }
    //! "Starts in 15 minutes", "Started 5 minutes ago", "Ended" …
    static QString whenText(const DueReminder &reminder, const QDateTime &now);

    RemindersWindow *window();
    //! View → Reminders… (Ctrl+Shift+R): opens the reminders window.
    QAction *showAction() const { return m_showAction; }
    void setNotifier(Notifier *notifier);

public Q_SLOTS:
    void showWindow();

Q_SIGNALS:
    //! The user asked to see the event (Open).
    void openEvent(const QString &eventId, const QDateTime &occurrenceStart);

private:
    void onDue(const DueReminder &reminder);
    void onAction(const QString &tag, const QString &actionKey);
    void onActiveChanged();
    std::optional<DueReminder> find(const QString &key) const;

    ReminderService &m_service;
    CalendarService &m_calendar;
    QPointer<Notifier> m_notifier;
    QPointer<QWidget> m_windowParent;
    QPointer<RemindersWindow> m_window;
    QAction *m_showAction = nullptr;
    QStringList m_shown; //!< keys with a notification up
};

} // namespace kairos
