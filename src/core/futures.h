#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>

#include <utility>

namespace kairos {

//! Calls `fn(result)` in `context`'s thread when `future` has its result, unless `context` has
//! been destroyed by then — in which case nothing runs.
//!
//! This is what `future.then(context, fn)` promises, but Qt 6.4's implementation asserts in
//! debug builds (`Q_ASSERT(context)` in qfuture_impl.h) and calls invokeMethod on a null object in
//! release builds when the context dies first — e.g. a window closed while a keychain read is
//! still pending. A QFutureWatcher parented to the context is destroyed with it, and with the
//! watcher its connection and the callback. A future cancelled without a result calls nothing.
template <typename T, typename F>
void onFinished(const QFuture<T> &future, QObject *context, F &&fn)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, watcher,
        [watcher, fn = std::forward<F>(fn)]() mutable {
            watcher->deleteLater();
            if (watcher->future().resultCount() == 0)
                return;
            fn(watcher->result());
        });
    watcher->setFuture(future);
}

} // namespace kairos
