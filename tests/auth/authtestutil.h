#pragma once

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QFuture>
#include <QTest>

namespace kairos::test {

//! Waits (processing events) until `future` finishes or `ms` pass; test code only.
template <typename T> bool waitFor(const QFuture<T> &future, int ms = 10000)
{
    QDeadlineTimer deadline(ms);
    while (!future.isFinished() && !deadline.hasExpired())
        QTest::qWait(5);
    return future.isFinished();
}

} // namespace kairos::test
