#pragma once

#include "core/expected.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QTimer>

namespace kairos {

class CalendarService;

//! \brief One reminder that rang: an occurrence of an event, a number of minutes before it.
struct DueReminder {
    QString key; //!< "<eventId>|<occurrence start, UTC ms>|<minutes>": stable while the event is
    QString eventId;
    QString calendarId;
    QString title;
    QString location;
    bool allDay = false;
    QDateTime start; //!< the occurrence, in the viewer's zone
    QDateTime end;
    int minutesBefore = 0;
    QDateTime due; //!< when it was meant to ring (UTC)
    bool missed = false; //!< it rang late: the computer was off or asleep at `due`
    bool snoozed = false; //!< it came back after a snooze

    friend bool operator==(const DueReminder &, const DueReminder &) = default;
};

//! \brief Rings the reminders of the calendar's events, GUI-free.
//!
//! Time comes from kairos::Clock; everything is computed in UTC instants (an all-day event's
//! reminders count from midnight in the viewer's zone), so DST changes move nothing. One timer,
//! to the next due reminder or snooze, recomputed when the calendar changes; it never waits
//! longer than kMaxWaitMs, because a suspended computer's monotonic timers stop: after a wake
//! (or a clock change) the next check finds what came due meanwhile — each reminder once,
//! marked missed when it is late by more than a minute. The app calls check() on a resume
//! notice for an immediate answer.
//!
//! What became of each reminder that rang (active, snoozed until, dismissed) is stored in the
//! profile database, so a restart neither repeats nor forgets one: active ones come back to
//! the list without a new notification, snoozes ring at their time, dismissed ones never again.
//! Reminders that came due while Kairos was not running (since the last check, at most
//! kMaxLookBackDays) ring at start-up as missed.
class ReminderService final : public QObject {
    Q_OBJECT
public:
    static constexpr qint64 kMaxWaitMs = 60 * 1000;
    static constexpr int kMaxLookBackDays = 7;
    static constexpr qint64 kLateMs = 60 * 1000;

    explicit ReminderService(CalendarService &calendar, QObject *parent = nullptr);
    ~ReminderService() override;

    //! Loads the stored state, rings what was missed, arms the timer. Also follows the
    //! calendar's changed() / timeZoneChanged() from then on.
    Expected<void> start();
    bool isStarted() const { return m_started; }

    //! Rang and waiting for the user (neither snoozed nor dismissed), oldest due first.
    QList<DueReminder> active() const { return m_active; }
    Expected<void> snooze(const QString &key, int minutes);
    Expected<void> dismiss(const QString &key);
    Expected<void> dismissAll();

    //! The next instant something rings (a reminder or a snooze), invalid if none is known.
    QDateTime nextDue() const { return m_nextDue; }
    //! The timer's current wait (ms), -1 when it is not running.
    int timerIntervalMs() const { return m_timer.isActive() ? m_timer.interval() : -1; }

public Q_SLOTS:
    //! Rings whatever is due now and re-arms the timer. Cheap when nothing is due.
    void check();
    //! The calendar changed: the upcoming reminders are computed again.
    void recompute();

Q_SIGNALS:
    //! A reminder rang now (a notification is due). Not emitted for reminders that were
    //! already active at start-up.
    void reminderDue(const kairos::DueReminder &reminder);
    //! active() changed.
    void activeChanged();
    //! Storing the state failed (the reminder still rang).
    void failed(const QString &message);

private:
    struct Upcoming {
        DueReminder r;
        qint64 dueMs = 0;
    };
    Expected<void> loadState();
    Expected<void> computeUpcoming(qint64 nowMs);
    Expected<void> setState(
        const DueReminder &r, const QString &state, qint64 snoozeUntilMs, qint64 nowMs);
    Expected<void> saveChecked(qint64 nowMs);
    Expected<DueReminder> storedReminder(const QString &key);
    void arm(qint64 nowMs);
    void fire(DueReminder r, qint64 nowMs);

    CalendarService &m_cal;
    QTimer m_timer;
    bool m_started = false;
    bool m_dirty = true; //!< the upcoming list must be computed again
    qint64 m_checkedMs = 0; //!< reminders due up to here were handled
    qint64 m_horizonMs = 0; //!< m_upcoming covers reminders due before this
    QList<Upcoming> m_upcoming; //!< due after m_checkedMs, sorted by due
    QHash<QString, QString> m_states; //!< key → active / snoozed / dismissed
    QHash<QString, qint64> m_snoozes; //!< key → snoozed until (UTC ms)
    QList<DueReminder> m_active;
    QDateTime m_nextDue;
};

} // namespace kairos

Q_DECLARE_METATYPE(kairos::DueReminder)
