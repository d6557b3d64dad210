#include "mcp/stdiotransport.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMetaObject>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace kairos::mcp {

namespace {

void toStderr(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const char *level = "debug";
    switch (type) {
    case QtDebugMsg:
        break;
    case QtInfoMsg:
        level = "info";
        break;
    case QtWarningMsg:
        level = "warning";
        break;
    case QtCriticalMsg:
        level = "critical";
        break;
    case QtFatalMsg:
        level = "fatal";
        break;
    }
    const QByteArray line = QByteArray(level) + ' '
        + (context.category ? QByteArray(context.category) + ": " : QByteArray()) + message.toUtf8()
        + '\n';
    fwrite(line.constData(), 1, size_t(line.size()), stderr);
    fflush(stderr);
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

void installStderrMessageHandler()
{
    qInstallMessageHandler(&toStderr);
}

StdioTransport::StdioTransport(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_self(std::make_shared<StdioTransport *>(this))
{ }

StdioTransport::~StdioTransport()
{
    // The reader ends at EOF; if stdin is still open (the process is being torn down for
    // another reason) it must not outlive its target, so it is detached and never touches us
    // again (it only posts through a QPointer).
    *m_self = nullptr;
    if (m_reader.joinable())
        m_reader.detach();
}

void StdioTransport::start()
{
    // The reader posts to the application object; the target is looked up on the main thread
    // through a shared cell the destructor clears, so a late line never reaches a dead object.
    auto cell = m_self;
    m_reader = std::thread([cell]() {
        char *buf = nullptr;
        size_t cap = 0;
        for (;;) {
            const ssize_t n = getline(&buf, &cap, stdin);
            if (n < 0)
                break;
            QByteArray line(buf, qsizetype(n));
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [cell, line]() {
                    if (StdioTransport *t = *cell)
                        t->onLine(line);
                },
                Qt::QueuedConnection);
        }
        free(buf);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [cell]() {
                if (StdioTransport *t = *cell)
                    t->onEnd();
            },
            Qt::QueuedConnection);
    });
}

void StdioTransport::onLine(const QByteArray &line)
{
    m_backlog.append(line);
    if (m_busy)
        return; // the running handler's loop delivered it; handled after that answer
    m_busy = true;
    while (!m_backlog.isEmpty()) {
        const QByteArray next = m_backlog.takeFirst();
        const QByteArray answer = m_handler(next);
        if (!answer.isEmpty())
            writeMessage(answer);
    }
    m_busy = false;
    if (m_ended)
        Q_EMIT finished();
}

void StdioTransport::onEnd()
{
    m_ended = true;
    if (!m_busy)
        Q_EMIT finished();
}

void StdioTransport::writeMessage(const QByteArray &message)
{
    fwrite(message.constData(), 1, size_t(message.size()), stdout);
    fputc('\n', stdout);
    fflush(stdout);
}

} // namespace kairos::mcp
