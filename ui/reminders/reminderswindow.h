#pragma once

#include "calendar/reminderservice.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QToolButton;
class QTreeWidget;

namespace kairos {

//! \brief The reminders that rang and wait for the user, like Thunderbird's reminder window:
//! event, time, how far off (missed ones say so); Open, Snooze (5, 10, 15, 30 minutes, 1 hour),
//! Dismiss, Dismiss all. Follows ReminderService::activeChanged().
class RemindersWindow final : public QWidget {
    Q_OBJECT
public:
    explicit RemindersWindow(ReminderService &service, QWidget *parent = nullptr);
    //! The selected reminder's key (empty if none).
    QString selectedKey() const;

Q_SIGNALS:
    void openEvent(const QString &eventId, const QDateTime &occurrenceStart);

private:
    void reload();
    void updateButtons();
    void snoozeSelected(int minutes);
    void dismissSelected();
    void report(const Error &e);

    ReminderService &m_service;
    QTreeWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_open = nullptr;
    QToolButton *m_snooze = nullptr;
    QPushButton *m_dismiss = nullptr;
    QPushButton *m_dismissAll = nullptr;
};

} // namespace kairos
