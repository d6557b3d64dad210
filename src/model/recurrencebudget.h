#pragma once

#include <QList>
#include <QString>

namespace kairos {

//! \brief How much recurrence expansion one query may do, across every rule of every event.
//!
//! A crafted series (FREQ=HOURLY;COUNT=900000000 from years ago, a dozen RRULE lines, ...) from
//! an imported file or a webcal feed must not stall a listing. Every libical iterator step
//! counts against one budget per query (a view refresh, an agenda, an MCP list_events); a
//! series that runs out — its own share, or the query's beyond a small minimum — is cut and listed
//! in `cut`, so the caller can say so instead of hanging or dropping it silently. A series
//! repeating more often than hourly (FREQ=SECONDLY / MINUTELY) is not expanded at all (its first
//! occurrence stays).
//!
//! Install one with Scope around a query; expansion without a scope gets a fresh budget per
//! series. Not shared between threads: each thread has its own current budget.
struct RecurrenceBudget {
    static constexpr qint64 kQuerySteps = 200000; //!< ~0.5 s of libical stepping
    static constexpr qint64 kSeriesSteps = 50000;
    //! Every series may take this many steps even when the query's budget is spent, so the
    //! ordinary series listed after a costly one (a weekly meeting needs a handful of steps
    //! near the range) still show.
    static constexpr qint64 kSeriesMinimum = 100;

    enum class Reason { Budget, TooFrequent };
    struct Cut {
        QString eventId;
        QString title;
        Reason reason = Reason::Budget;
    };

    qint64 remaining = kQuerySteps;
    qint64 used = 0;
    QList<Cut> cut;

    bool wasCut(const QString &eventId) const
    {
        for (const Cut &c : cut)
            if (c.eventId == eventId)
                return true;
        return false;
    }
    void addCut(const QString &eventId, const QString &title, Reason reason)
    {
        if (!wasCut(eventId))
            cut.append({ eventId, title, reason });
    }

    //! The budget of the query running on this thread, or nullptr.
    static RecurrenceBudget *&current()
    {
        thread_local RecurrenceBudget *budget = nullptr;
        return budget;
    }

    //! Makes `budget` the current one for its lifetime (nested scopes keep the outer budget
    //! when given nullptr: pass one only at the top of a query).
    class Scope {
    public:
        explicit Scope(RecurrenceBudget *budget)
            : m_previous(current())
        {
            if (budget)
                current() = budget;
        }
        ~Scope() { current() = m_previous; }
        Scope(const Scope &) = delete;
        Scope &operator=(const Scope &) = delete;

    private:
        RecurrenceBudget *m_previous;
    };
};

} // namespace kairos
