#include "core/clock.h"

#include <atomic>

namespace kairos {

namespace {
const SystemClock s_systemClock;
std::atomic<const Clock *> s_clock { nullptr };
} // namespace

const Clock &Clock::instance()
{
    const Clock *c = s_clock.load(std::memory_order_acquire);
    return c ? *c : s_systemClock;
}

void Clock::setInstance(const Clock *clock)
{
    s_clock.store(clock, std::memory_order_release);
}

} // namespace kairos
