#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

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
    void sendJson(const QJsonObject &o)
    {
        send(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
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
