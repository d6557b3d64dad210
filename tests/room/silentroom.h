#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QWebSocket>
#include <QWebSocketServer>

//! A room server that welcomes every join and then goes silent: it reads everything (and
//! records the types) but never answers, like a server that hung or a network that dropped
//! its packets without a reset.
class SilentRoom : public QObject {
public:
    SilentRoom()
    {
        server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&server, &QWebSocketServer::newConnection, this, [this]() {
            QWebSocket *ws = server.nextPendingConnection();
            ws->setParent(this);
            QObject::connect(
                ws, &QWebSocket::textMessageReceived, this, [this, ws](const QString &t) {
                    const QJsonObject o = QJsonDocument::fromJson(t.toUtf8()).object();
                    received.append(o.value(QLatin1String("type")).toString());
                    if (received.last() == QLatin1String("join") && answerJoin)
                        ws->sendTextMessage(QStringLiteral(
                            R"({"type":"welcome","v":1,"server":"silent","room":"team",)"
                            R"("name":"Ana","members":[],"messages":[],"more":false,"last":0})"));
                });
            ++connections;
        });
    }
    QUrl url() const { return QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(server.serverPort())); }

    QWebSocketServer server { QStringLiteral("silent"), QWebSocketServer::NonSecureMode };
    QStringList received;
    int connections = 0;
    bool answerJoin = true;
};
