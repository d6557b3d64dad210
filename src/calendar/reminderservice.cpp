#include "calendar/reminderservice.h"

#include "calendar/calendarservice.h"
#include "core/clock.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace kairos {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kDayMs = 24 * 3600 * 1000LL;
//! The upcoming list covers a week of reminders; then it is computed again.
constexpr qint64 kHorizonMs = 7 * kDayMs;
//! Stored outcomes of reminders this old (by occurrence) are forgotten, unless still active.
constexpr qint64 kForgetMs = 30 * kDayMs;
const QString kCheckedKey = QStringLiteral("reminders_checked_ms");

Error sqlError(const QSqlQuery &q)
{
    return makeError(Error::Code::WriteFailed, q.lastError().text());
}

QString keyOf(const QString &eventId, qint64 occurrenceMs, int minutes)
{
    return eventId + QLatin1Char('|') + QString::number(occurrenceMs) + QLatin1Char('|')
        + QString::number(minutes);
}

} // namespace

ReminderService::ReminderService(CalendarService &calendar, QObject *parent)
    : QObject(parent)
    , m_cal(calendar)
{
    qRegisterMetaType<DueReminder>();
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ReminderService::check);
}

ReminderService::~ReminderService()
{
    if (m_started)
        (void)saveChecked(m_checkedMs); // best effort: the next start looks back from here
}

Expected<void> ReminderService::start()
{
    if (m_started)
        return {};
    if (auto r = loadState(); !r)
        return r;
    m_started = true;
    connect(&m_cal, &CalendarService::changed, this, &ReminderService::recompute);
    connect(&m_cal, &CalendarService::calendarsChanged, this, &ReminderService::recompute);
    connect(&m_cal, &CalendarService::timeZoneChanged, this, &ReminderService::recompute);
    m_dirty = true;
    check();
    return {};
}

Expected<void> ReminderService::loadState()
{
    const qint64 now = Clock::instance().currentMSecsSinceEpoch();
    QSqlQuery q(m_cal.database().db());
    q.prepare(QStringLiteral("DELETE FROM reminder_state WHERE occurrence_ms < ? AND state <> "
                             "'active'"));
    q.addBindValue(now - kForgetMs);
    if (!q.exec())
        return sqlError(q);
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(kCheckedKey);
    if (!q.exec())
        return sqlError(q);
    // First start: nothing before now counts as missed.
    m_checkedMs = q.next() ? q.value(0).toLongLong() : now;
    m_checkedMs = std::clamp(m_checkedMs, now - kMaxLookBackDays * kDayMs, now);

    m_states.clear();
    m_snoozes.clear();
    m_active.clear();
    QSqlQuery rows(m_cal.database().db());
    rows.setForwardOnly(true);
    if (!rows.exec(QStringLiteral("SELECT alarm_key, state, snooze_until_ms FROM reminder_state "
                                  "ORDER BY due_ms")))
        return sqlError(rows);
    QStringList active;
    while (rows.next()) {
        const QString key = rows.value(0).toString();
        const QString state = rows.value(1).toString();
        m_states.insert(key, state);
        if (state == QLatin1String("snoozed"))
            m_snoozes.insert(key, rows.value(2).toLongLong());
        else if (state == QLatin1String("active"))
            active << key;
    }
    for (const QString &key : std::as_const(active)) {
        auto r = storedReminder(key);
        if (r)
            m_active << *r;
        else if (r.error().code != Error::Code::NotFound)
            return r.error();
    }
    return {};
}

Expected<DueReminder> ReminderService::storedReminder(const QString &key)
{
    QSqlQuery q(m_cal.database().db());
    q.prepare(QStringLiteral("SELECT event_id, occurrence_ms, minutes, due_ms, missed FROM "
                             "reminder_state WHERE alarm_key = ?"));
    q.addBindValue(key);
    if (!q.exec())
        return sqlError(q);
    if (!q.next())
        return makeError(Error::Code::NotFound, QStringLiteral("reminder ") + key);
    auto e = m_cal.event(q.value(0).toString());
    if (!e)
        return e.error(); // the event is gone: so is its reminder
    DueReminder r;
    r.key = key;
    r.eventId = e->id;
    r.calendarId = e->calendarId;
    r.title = e->title;
    r.location = e->location;
    r.allDay = e->allDay;
    r.start = QDateTime::fromMSecsSinceEpoch(q.value(1).toLongLong(), m_cal.timeZone());
    r.end = r.start.addSecs(e->durationMinutes() * 60);
    r.minutesBefore = q.value(2).toInt();
    r.due = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), QTimeZone::utc());
    r.missed = q.value(4).toBool();
    return r;
}

Expected<void> ReminderService::computeUpcoming(qint64 nowMs)
{
    m_upcoming.clear();
    m_horizonMs = nowMs + kHorizonMs;
    // A reminder due in (checked, horizon] belongs to an occurrence starting at most
    // kMaxReminderMinutes after the horizon.
    auto occ = m_cal.occurrencesBetween(
        m_checkedMs, m_horizonMs + qint64(kMaxReminderMinutes) * kMinuteMs + 1, true);
    if (!occ)
        return occ.error();
    for (const Occurrence &o : std::as_const(*occ)) {
        if (o.reminders.isEmpty() || o.status == EventStatus::Cancelled)
            continue;
        const qint64 startMs = o.start.toMSecsSinceEpoch();
        for (int minutes : o.reminders) {
            const qint64 due = startMs - minutes * kMinuteMs;
            if (due <= m_checkedMs || due > m_horizonMs)
                continue;
            Upcoming u;
            u.dueMs = due;
            u.r.key = keyOf(o.eventId, startMs, minutes);
            if (m_states.contains(u.r.key))
                continue; // it rang already (before a restart, or before this change)
            u.r.eventId = o.eventId;
            u.r.calendarId = o.calendarId;
            u.r.title = o.title;
            u.r.location = o.location;
            u.r.allDay = o.allDay;
            u.r.start = o.start;
            u.r.end = o.end;
            u.r.minutesBefore = minutes;
            u.r.due = QDateTime::fromMSecsSinceEpoch(due, QTimeZone::utc());
            m_upcoming << u;
        }
    }
    std::sort(m_upcoming.begin(), m_upcoming.end(), [](const Upcoming &a, const Upcoming &b) {
        return a.dueMs != b.dueMs ? a.dueMs < b.dueMs : a.r.key < b.r.key;
    });
    // Active reminders whose event was deleted go from the list.
    const qsizetype before = m_active.size();
    m_active.removeIf([this](const DueReminder &r) { return !m_cal.event(r.eventId); });
    if (m_active.size() != before)
        Q_EMIT activeChanged();
    m_dirty = false;
    return {};
}

void ReminderService::check()
{
    if (!m_started)
        return;
    const qint64 now = Clock::instance().currentMSecsSinceEpoch();
    if (m_dirty || now > m_horizonMs) {
        if (auto r = computeUpcoming(now); !r) {
            Q_EMIT failed(r.error().message);
            arm(now);
            return;
        }
    }
    bool fired = false;
    // Snoozes first (they are older), then reminders in due order.
    QList<std::pair<qint64, QString>> snoozesDue;
    for (auto it = m_snoozes.cbegin(); it != m_snoozes.cend(); ++it) {
        if (it.value() <= now)
            snoozesDue.append({ it.value(), it.key() });
    }
    std::sort(snoozesDue.begin(), snoozesDue.end());
    for (const auto &[until, key] : std::as_const(snoozesDue)) {
        m_snoozes.remove(key);
        auto r = storedReminder(key);
        if (!r) {
            m_states.insert(key, QStringLiteral("dismissed")); // its event is gone
            continue;
        }
        r->snoozed = true;
        r->missed = now - until > kLateMs;
        fire(*r, now);
        fired = true;
    }
    while (!m_upcoming.isEmpty() && m_upcoming.first().dueMs <= now) {
        Upcoming u = m_upcoming.takeFirst();
        if (m_states.contains(u.r.key))
            continue;
        u.r.missed = now - u.dueMs > kLateMs;
        fire(u.r, now);
        fired = true;
    }
    const bool advanced = now - m_checkedMs > 5 * kMinuteMs;
    m_checkedMs = std::max(m_checkedMs, now);
    if (fired || advanced) {
        if (auto r = saveChecked(m_checkedMs); !r)
            Q_EMIT failed(r.error().message);
    }
    if (fired)
        Q_EMIT activeChanged();
    arm(now);
}

void ReminderService::fire(DueReminder r, qint64 nowMs)
{
    if (auto s = setState(r, QStringLiteral("active"), 0, nowMs); !s)
        Q_EMIT failed(s.error().message);
    m_active.removeIf([&r](const DueReminder &a) { return a.key == r.key; });
    m_active << r;
    Q_EMIT reminderDue(r);
}

void ReminderService::recompute()
{
    m_dirty = true;
    if (m_started)
        m_timer.start(0); // many changes in a row (a sync) are handled once
}

void ReminderService::arm(qint64 nowMs)
{
    qint64 next = -1;
    if (!m_upcoming.isEmpty())
        next = m_upcoming.first().dueMs;
    for (qint64 until : std::as_const(m_snoozes))
        next = next < 0 ? until : std::min(next, until);
    m_nextDue = next < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(next, QTimeZone::utc());
    const qint64 wait = next < 0 ? kMaxWaitMs : std::clamp<qint64>(next - nowMs, 0, kMaxWaitMs);
    m_timer.start(int(wait));
}

Expected<void> ReminderService::setState(
    const DueReminder &r, const QString &state, qint64 snoozeUntilMs, qint64 nowMs)
{
    QSqlQuery q(m_cal.database().db());
    q.prepare(QStringLiteral(
        "INSERT INTO reminder_state (alarm_key, event_id, occurrence_ms, minutes, due_ms, state, "
        "snooze_until_ms, missed, updated_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(alarm_key) DO UPDATE SET state = excluded.state, "
        "snooze_until_ms = excluded.snooze_until_ms, missed = excluded.missed, "
        "updated_ms = excluded.updated_ms"));
    q.addBindValue(r.key);
    q.addBindValue(r.eventId);
    q.addBindValue(r.start.toMSecsSinceEpoch());
    q.addBindValue(r.minutesBefore);
    q.addBindValue(r.due.toMSecsSinceEpoch());
    q.addBindValue(state);
    q.addBindValue(
        snoozeUntilMs > 0 ? QVariant(snoozeUntilMs) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(r.missed ? 1 : 0);
    q.addBindValue(nowMs);
    m_states.insert(r.key, state); // in memory even if the write failed: never twice
    if (!q.exec())
        return sqlError(q);
    return {};
}

Expected<void> ReminderService::saveChecked(qint64 nowMs)
{
    QSqlQuery q(m_cal.database().db());
    q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO "
                             "UPDATE SET value = excluded.value"));
    q.addBindValue(kCheckedKey);
    q.addBindValue(QString::number(nowMs));
    if (!q.exec())
        return sqlError(q);
    return {};
}

Expected<void> ReminderService::snooze(const QString &key, int minutes)
{
    auto it = std::find_if(
        m_active.begin(), m_active.end(), [&key](const DueReminder &r) { return r.key == key; });
    if (it == m_active.end())
        return makeError(Error::Code::NotFound, QStringLiteral("no active reminder ") + key);
    if (minutes <= 0)
        return makeError(Error::Code::InvalidInput, QStringLiteral("snooze for a positive time"));
    const qint64 now = Clock::instance().currentMSecsSinceEpoch();
    const qint64 until = now + minutes * kMinuteMs;
    const DueReminder r = *it;
    m_active.erase(it);
    m_snoozes.insert(key, until);
    auto s = setState(r, QStringLiteral("snoozed"), until, now);
    Q_EMIT activeChanged();
    arm(now);
    return s;
}

Expected<void> ReminderService::dismiss(const QString &key)
{
    auto it = std::find_if(
        m_active.begin(), m_active.end(), [&key](const DueReminder &r) { return r.key == key; });
    if (it == m_active.end())
        return makeError(Error::Code::NotFound, QStringLiteral("no active reminder ") + key);
    const qint64 now = Clock::instance().currentMSecsSinceEpoch();
    const DueReminder r = *it;
    m_active.erase(it);
    auto s = setState(r, QStringLiteral("dismissed"), 0, now);
    Q_EMIT activeChanged();
    return s;
}

Expected<void> ReminderService::dismissAll()
{
    const QList<DueReminder> all = m_active;
    const qint64 now = Clock::instance().currentMSecsSinceEpoch();
    auto r = m_cal.database().transaction([&]() -> Expected<void> {
        for (const DueReminder &d : all) {
            if (auto s = setState(d, QStringLiteral("dismissed"), 0, now); !s)
                return s;
        }
        return {};
    });
    m_active.clear();
    Q_EMIT activeChanged();
    return r;
}

} // namespace kairos
