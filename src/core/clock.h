#pragma once

#include <QDateTime>

namespace kairos {

//! \brief The source of "now" for everything that depends on time (token expiry, backoff,
//! the current-time line). Tests install a MockClock (tests/support/mockclock.h).
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime currentDateTimeUtc() const = 0;
    qint64 currentMSecsSinceEpoch() const { return currentDateTimeUtc().toMSecsSinceEpoch(); }

    //! The process-wide clock: the system clock unless a test replaced it.
    static const Clock &instance();
    //! Replaces the process-wide clock (nullptr restores the system clock). Not owned.
    static void setInstance(const Clock *clock);
    static QDateTime nowUtc() { return instance().currentDateTimeUtc(); }
};

class SystemClock final : public Clock {
public:
    QDateTime currentDateTimeUtc() const override { return QDateTime::currentDateTimeUtc(); }
};

} // namespace kairos
