#pragma once

#include "core/clock.h"

namespace kairos::test {

//! \brief A clock tests move by hand; installs itself as the process clock while alive.
class MockClock final : public Clock {
public:
    explicit MockClock(QDateTime now = QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC))
        : m_now(now.toUTC())
    {
        Clock::setInstance(this);
    }
    ~MockClock() override { Clock::setInstance(nullptr); }
    QDateTime currentDateTimeUtc() const override { return m_now; }
    void set(const QDateTime &t) { m_now = t.toUTC(); }
    void advanceSecs(qint64 s) { m_now = m_now.addSecs(s); }
    void advanceMSecs(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now;
};

} // namespace kairos::test
