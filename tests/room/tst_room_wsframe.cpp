#include "rawclient.h"

#include "room/wsframe.h"

#include <QTest>

using namespace kairos::room;

//! The server's own WebSocket layer (src/room/wsframe): the opening handshake and the reader
//! of client frames, against RFC 6455.
class TestRoomWsFrame : public QObject {
    Q_OBJECT

    static QByteArray request(const QByteArray &extra = {}, const QByteArray &method = "GET",
        const QByteArray &version = "13")
    {
        return method
            + " /chat HTTP/1.1\r\nHost: server.example.com\r\nUpgrade: websocket\r\n"
              "Connection: keep-alive, Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: "
            + version + "\r\n" + extra + "\r\n";
    }

    static QList<ws::FrameEvent> feedAll(const QByteArray &bytes, bool byteByByte = false,
        qsizetype maxFrame = 70000, qsizetype maxMessage = 70000)
    {
        ws::FrameReader r(maxFrame, maxMessage);
        if (!byteByByte)
            return r.feed(bytes);
        QList<ws::FrameEvent> out;
        for (char c : bytes)
            out += r.feed(QByteArray(1, c));
        return out;
    }

private Q_SLOTS:
    void handshakeUpgrades()
    {
        const QByteArray req = request();
        const auto h = ws::readHandshake(req + "\x81", "kairos");
        QCOMPARE(h.state, ws::Handshake::State::Upgrade);
        QCOMPARE(h.headerBytes, req.size());
        QVERIFY(h.response.startsWith("HTTP/1.1 101 Switching Protocols\r\n"));
        // RFC 6455 §1.3's example.
        QVERIFY(h.response.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"));
        QVERIFY(h.response.contains("Server: kairos\r\n"));
        QCOMPARE(ws::readHandshake(req.left(req.size() - 2), "kairos").state,
            ws::Handshake::State::Incomplete);
    }

    void handshakeRefusals_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::newRow("POST") << request({}, "POST") << 405;
        QTest::newRow("version 8") << request({}, "GET", "8") << 426;
        QTest::newRow("HTTP/1.0") << QByteArray("GET / HTTP/1.0\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("no upgrade")
            << QByteArray("GET / HTTP/1.1\r\nHost: x\r\nSec-WebSocket-Version: 13\r\n\r\n") << 400;
        QTest::newRow("bad key") << QByteArray(request().replace("dGhlIHNhbXBsZSBub25jZQ==", "abc"))
                                 << 400;
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x01\r\n\r\n") << 400;
        QTest::newRow("header line without colon") << request("Oops\r\n") << 400;
        QTest::newRow("huge header") << QByteArray(9000, 'a') << 431;
        QTest::newRow("huge complete header")
            << request("X: " + QByteArray(9000, 'a') + "\r\n") << 431;
    }
    void handshakeRefusals()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        const auto h = ws::readHandshake(bytes, "kairos");
        QCOMPARE(h.state, ws::Handshake::State::Refuse);
        QVERIFY2(h.response.startsWith(QByteArray("HTTP/1.1 " + QByteArray::number(status) + ' ')),
            h.response.constData());
        QVERIFY(h.response.contains("Connection: close\r\n"));
        QVERIFY(!h.response.contains("Upgrade: websocket\r\nConnection: Upgrade"));
    }

    void maskedTextMessage()
    {
        for (bool slow : { false, true }) {
            const auto ev = feedAll(
                rawws::clientFrame("{\"a\":1}", true, true, 1, QByteArray("\x12\x34\x56\x78", 4)),
                slow);
            QCOMPARE(ev.size(), 1);
            QCOMPARE(ev[0].kind, ws::FrameEvent::Kind::Text);
            QCOMPARE(ev[0].payload, QByteArray("{\"a\":1}"));
        }
    }

    void unmaskedFrameIsAProtocolError()
    {
        const auto ev = feedAll(rawws::clientFrame("{}", false));
        QCOMPARE(ev.size(), 1);
        QCOMPARE(ev[0].kind, ws::FrameEvent::Kind::Error);
        QCOMPARE(ev[0].code, quint16(1002));
    }

    //! "é" is C3 A9: the first fragment ends inside the character. RFC 6455 §8.1: the message
    //! as a whole is UTF-8, which it is (QWebSocket in Qt 6.4 refuses it with 1007).
    void utf8SplitBetweenFragments()
    {
        const QByteArray text = QStringLiteral("{\"t\":\"caf\u00e9\"}").toUtf8();
        const qsizetype cut = text.indexOf('\xC3') + 1;
        const QByteArray bytes = rawws::clientFrame(text.left(cut), true, false, 1)
            + rawws::clientFrame("", true, false, 0) // an empty fragment too
            + rawws::clientFrame(text.mid(cut), true, true, 0);
        for (bool slow : { false, true }) {
            const auto ev = feedAll(bytes, slow);
            QCOMPARE(ev.size(), 1);
            QCOMPARE(ev[0].kind, ws::FrameEvent::Kind::Text);
            QCOMPARE(ev[0].payload, text);
        }
        // A ping between fragments is answered on its own.
        const auto ev = feedAll(rawws::clientFrame(text.left(cut), true, false, 1)
            + rawws::clientFrame("p", true, true, 9)
            + rawws::clientFrame(text.mid(cut), true, true, 0));
        QCOMPARE(ev.size(), 2);
        QCOMPARE(ev[0].kind, ws::FrameEvent::Kind::Ping);
        QCOMPARE(ev[1].payload, text);
    }

    void invalidUtf8IsRefused()
    {
        const auto ev = feedAll(rawws::clientFrame("caf\xC3"));
        QCOMPARE(ev.size(), 1);
        QCOMPARE(ev[0].kind, ws::FrameEvent::Kind::Error);
        QCOMPARE(ev[0].code, quint16(1007));
        QVERIFY(ws::isValidUtf8("\xF0\x9F\x98\x80"));
        QVERIFY(!ws::isValidUtf8("\xC0\x80")); // overlong
        QVERIFY(!ws::isValidUtf8("\xE0\x80\x80")); // overlong
        QVERIFY(!ws::isValidUtf8("\xED\xA0\x80")); // surrogate
        QVERIFY(!ws::isValidUtf8("\xF4\x90\x80\x80")); // above U+10FFFF
        QVERIFY(!ws::isValidUtf8("\xE2\x82"));
    }

    //! The size limits apply from the frame header, before the payload is read.
    void sizeLimitsFromTheHeader()
    {
        ws::FrameReader r(1000, 1500);
        QByteArray header("\x81\xFF", 2); // masked, 64-bit length
        for (int shift = 56; shift >= 0; shift -= 8)
            header.append(char((quint64(1) << 40) >> shift));
        const auto ev = r.feed(header);
        QCOMPARE(ev.size(), 1);
        QCOMPARE(ev[0].code, quint16(1009));
        QVERIFY(r.failed());
        QVERIFY(r.feed(QByteArray(100, 'x')).isEmpty());

        ws::FrameReader m(1000, 1500);
        QVERIFY(m.feed(rawws::clientFrame(QByteArray(900, 'a'), true, false, 1)).isEmpty());
        const auto ev2 = m.feed(rawws::clientFrame(QByteArray(900, 'a'), true, true, 0).left(4));
        QCOMPARE(ev2.size(), 1);
        QCOMPARE(ev2[0].code, quint16(1009));
    }

    void protocolErrors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::newRow("rsv1") << QByteArray("\xC1\x80\0\0\0\0", 6) << 1002;
        QTest::newRow("opcode 3") << rawws::clientFrame("x", true, true, 3) << 1002;
        QTest::newRow("continuation first") << rawws::clientFrame("x", true, true, 0) << 1002;
        QTest::newRow("text inside text")
            << rawws::clientFrame("x", true, false, 1) + rawws::clientFrame("y", true, true, 1)
            << 1002;
        QTest::newRow("fragmented ping") << rawws::clientFrame("x", true, false, 9) << 1002;
        QTest::newRow("long ping")
            << rawws::clientFrame(QByteArray(126, 'p'), true, true, 9) << 1002;
        QTest::newRow("close of 1 byte") << rawws::clientFrame("x", true, true, 8) << 1002;
        QTest::newRow("close code 999") << rawws::clientFrame("\x03\xE7", true, true, 8) << 1002;
        QTest::newRow("close reason not UTF-8")
            << rawws::clientFrame("\x03\xE8\xFF", true, true, 8) << 1007;
    }
    void protocolErrors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        const auto ev = feedAll(bytes);
        QVERIFY(!ev.isEmpty());
        QCOMPARE(ev.last().kind, ws::FrameEvent::Kind::Error);
        QCOMPARE(int(ev.last().code), code);
    }

    void controlFrames()
    {
        const auto ev = feedAll(rawws::clientFrame("hi", true, true, 9)
            + rawws::clientFrame("", true, true, 10)
            + rawws::clientFrame(QByteArray("\x03\xE8", 2) + "bye", true, true, 8)
            + rawws::clientFrame("after close", true, true, 1));
        QCOMPARE(ev.size(), 3);
        QCOMPARE(ev[0].kind, ws::FrameEvent::Kind::Ping);
        QCOMPARE(ev[0].payload, QByteArray("hi"));
        QCOMPARE(ev[1].kind, ws::FrameEvent::Kind::Pong);
        QCOMPARE(ev[2].kind, ws::FrameEvent::Kind::Close);
        QCOMPARE(ev[2].code, quint16(1000));
        QCOMPARE(ev[2].reason, QStringLiteral("bye"));
        const QByteArray close = ws::closeFrame(1002, QString(200, QChar(0x00e9)));
        QVERIFY(close.size() <= 127);
        QVERIFY(ws::isValidUtf8(close.mid(4)));
    }
};

QTEST_GUILESS_MAIN(TestRoomWsFrame)
#include "tst_room_wsframe.moc"
