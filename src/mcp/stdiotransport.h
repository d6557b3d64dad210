#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>

#include <functional>
#include <memory>
#include <thread>

namespace kairos::mcp {

//! Installs a Qt message handler that writes every log line to stderr (never stdout, which
//! carries the protocol). Call before anything logs.
void installStderrMessageHandler();

//! \brief Newline-delimited messages over stdin / stdout.
//!
//! A reader thread blocks on stdin and hands each line to the owning thread's event loop;
//! `handler` runs there and its non-empty answer is written to stdout with a newline and
//! flushed. At end of input finished() is emitted (after the queued lines are handled).
//! A handler may run a nested event loop (sync_calendars waits for the sync): lines that
//! arrive meanwhile are held back and handled in order after it returns.
class StdioTransport final : public QObject {
    Q_OBJECT
public:
    using Handler = std::function<QByteArray(const QByteArray &line)>;

    explicit StdioTransport(Handler handler, QObject *parent = nullptr);
    ~StdioTransport() override;

    void start();
    //! Writes one message (plus '\n') to stdout and flushes.
    static void writeMessage(const QByteArray &message);

Q_SIGNALS:
    void finished();

private:
    void onLine(const QByteArray &line);
    void onEnd();

    Handler m_handler;
    std::shared_ptr<StdioTransport *> m_self; //!< cleared on destruction (main thread only)
    std::thread m_reader;
    QList<QByteArray> m_backlog;
    bool m_busy = false;
    bool m_ended = false;
};

} // namespace kairos::mcp
