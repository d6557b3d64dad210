#include "singleinstance.h"

#include "core/logging.h"

#include <QCryptographicHash>
#include <QLocalServer>
#include <QLocalSocket>

namespace kairos {

namespace {
// One line per start: the message (UTF-8, at most this long) and '\n'.
constexpr qsizetype kMaxMessage = 8192;
} // namespace

SingleInstance::SingleInstance(const QString &key, QObject *parent)
    : QObject(parent)
    , m_name(serverName(key))
{ }

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverName(const QString &key)
{
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("kairos-") + QString::fromLatin1(hash.toHex().left(24));
}

bool SingleInstance::forward(const QString &message, int timeoutMs) const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QByteArray line = message.toUtf8().left(kMaxMessage);
    line.replace('\n', ' ');
    socket.write(line + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // The running instance closes the connection once it has the line.
    socket.waitForDisconnected(timeoutMs);
    return true;
}

Expected<void> SingleInstance::listen()
{
    if (m_server)
        return {};
    auto *server = new QLocalServer(this);
    server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!server->listen(m_name)) {
        // Nobody answered forward(): what is there was left by an instance that crashed.
        QLocalServer::removeServer(m_name);
        if (!server->listen(m_name)) {
            const QString why = server->errorString();
            delete server;
            return makeError(Error::Code::Internal,
                QStringLiteral("cannot listen on local socket %1: %2").arg(m_name, why));
        }
    }
    m_server = server;
    connect(server, &QLocalServer::newConnection, this, [this]() {
        while (QLocalSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket]() {
                if (!socket->canReadLine()) {
                    if (socket->bytesAvailable() > kMaxMessage + 1)
                        socket->abort(); // not one of ours
                    return;
                }
                const QString message
                    = QString::fromUtf8(socket->readLine(kMaxMessage + 2)).trimmed();
                socket->disconnectFromServer();
                qCInfo(lcApp) << "another start handed over"
                              << (message.isEmpty() ? "nothing" : "a link");
                Q_EMIT messageReceived(message);
            });
        }
    });
    return {};
}

bool SingleInstance::isListening() const
{
    return m_server && m_server->isListening();
}

} // namespace kairos
