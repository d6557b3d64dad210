#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

#include <memory>

//! A bare protocol client for tests: sends raw frames, records every frame it receives.
class RawClient : public QObject {
public:
    explicit RawClient(const QUrl &url)
    {
        QObject::connect(&ws, &QWebSocket::textMessageReceived, this, [this](const QString &t) {
            frames.append(QJsonDocument::fromJson(t.toUtf8()).object());
        });
        QObject::connect(&ws, &QWebSocket::disconnected, this, [this]() { closed = true; });
        ws.open(url);
    }
    bool waitConnected()
    {
        if (ws.state() == QAbstractSocket::ConnectedState)
            return true;
        QSignalSpy spy(&ws, &QWebSocket::connected);
        return spy.wait(5000);
    }
    void send(const QByteArray &frame) { ws.sendTextMessage(QString::fromUtf8(frame)); }
    void sendJson(const QJsonObject &o) { send(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
    //! Frames of `type` received so far.
    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &o : frames)
            if (o.value(QLatin1String("type")).toString() == type)
                out.append(o);
        return out;
    }
    int count(const QString &type) const { return int(ofType(type).size()); }
    QJsonObject last(const QString &type) const
    {
        const auto l = ofType(type);
        return l.isEmpty() ? QJsonObject() : l.last();
    }
    QStringList errorCodes() const
    {
        QStringList out;
        for (const QJsonObject &o : ofType(QStringLiteral("error")))
            out.append(o.value(QLatin1String("code")).toString());
        return out;
    }

    QWebSocket ws;
    QList<QJsonObject> frames;
    bool closed = false;
};

//! WebSocket by hand over a bare TCP socket: for clients that misbehave on purpose.
namespace rawws {

//! A client frame, masked (with `mask`) unless !masked; length in any of the three encodings.
inline QByteArray clientFrame(const QByteArray &payload, bool masked = true, bool fin = true,
    quint8 opcode = 0x1, QByteArray mask = QByteArray(4, '\0'))
{
    QByteArray frame;
    frame.append(char((fin ? 0x80 : 0) | opcode));
    const char m = masked ? char(0x80) : char(0);
    if (payload.size() < 126) {
        frame.append(char(m | payload.size()));
    } else if (payload.size() <= 0xFFFF) {
        frame.append(char(m | 126));
        frame.append(char(payload.size() >> 8));
        frame.append(char(payload.size() & 0xFF));
    } else {
        frame.append(char(m | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(char((quint64(payload.size()) >> shift) & 0xFF));
    }
    if (!masked)
        return frame + payload;
    frame.append(mask);
    for (qsizetype i = 0; i < payload.size(); ++i)
        frame.append(char(payload[i] ^ mask[i % 4]));
    return frame;
}

//! Connects to 127.0.0.1:`port` and does the WebSocket handshake; what came after the
//! response header is left in `seen`. Empty on failure. `receiveBuffer` > 0 shrinks the
//! socket's kernel receive buffer (a client that will stop reading).
inline std::unique_ptr<QTcpSocket> connectAndUpgrade(
    quint16 port, QByteArray *seen, int receiveBuffer = 0)
{
    auto s = std::make_unique<QTcpSocket>();
    s->connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    if (!s->waitForConnected(5000))
        return {};
    if (receiveBuffer > 0)
        s->setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, receiveBuffer);
    s->write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
             "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
             "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n");
    QTcpSocket *raw = s.get();
    if (!QTest::qWaitFor([&]() { return (*seen += raw->readAll()).contains("\r\n\r\n"); }, 5000)
        || !seen->startsWith("HTTP/1.1 101"))
        return {};
    seen->remove(0, seen->indexOf("\r\n\r\n") + 4);
    return s;
}

} // namespace rawws
