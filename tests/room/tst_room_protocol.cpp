#include "room/invitelink.h"
#include "room/protocol.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace kairos::room;

class TestRoomProtocol : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decodeErrors_data()
    {
        QTest::addColumn<QByteArray>("frame");
        QTest::addColumn<QString>("code");
        QTest::newRow("not json") << QByteArray("{nope") << QStringLiteral("bad_json");
        QTest::newRow("array") << QByteArray("[1,2]") << QStringLiteral("bad_json");
        QTest::newRow("empty") << QByteArray("") << QStringLiteral("bad_json");
        QTest::newRow("no type") << QByteArray("{}") << QStringLiteral("invalid");
        QTest::newRow("type number") << QByteArray("{\"type\":3}") << QStringLiteral("invalid");
        QTest::newRow("unknown") << QByteArray("{\"type\":\"teleport\"}")
                                 << QStringLiteral("unknown_type");
        QTest::newRow("reserved request")
            << QByteArray("{\"type\":\"freebusy-request\"}") << QStringLiteral("unknown_type");
        QTest::newRow("join no v")
            << QByteArray("{\"type\":\"join\",\"room\":\"a\",\"invite\":\"k\",\"name\":\"n\"}")
            << QStringLiteral("unsupported_version");
        QTest::newRow("join v0") << QByteArray("{\"type\":\"join\",\"v\":0,\"room\":\"a\"}")
                                 << QStringLiteral("unsupported_version");
        QTest::newRow("join v frac")
            << QByteArray("{\"type\":\"join\",\"v\":1.5}") << QStringLiteral("unsupported_version");
        QTest::newRow("join no room") << QByteArray("{\"type\":\"join\",\"v\":1,\"invite\":\"k\"}")
                                      << QStringLiteral("invalid");
        QTest::newRow("join since neg") << QByteArray(
            "{\"type\":\"join\",\"v\":1,\"room\":\"a\",\"invite\":\"k\",\"name\":"
            "\"n\",\"since\":-4}") << QStringLiteral("invalid");
        QTest::newRow("message no id")
            << QByteArray("{\"type\":\"message\",\"text\":\"hi\"}") << QStringLiteral("invalid");
        QTest::newRow("message bad id")
            << QByteArray("{\"type\":\"message\",\"id\":\"a b\",\"text\":\"hi\"}")
            << QStringLiteral("invalid");
        QTest::newRow("message empty text")
            << QByteArray("{\"type\":\"message\",\"id\":\"a\",\"text\":\"\"}")
            << QStringLiteral("invalid");
        QTest::newRow("message text obj")
            << QByteArray("{\"type\":\"message\",\"id\":\"a\",\"text\":{}}")
            << QStringLiteral("invalid");
        QTest::newRow("history both")
            << QByteArray("{\"type\":\"history\",\"before\":1,\"after\":2}")
            << QStringLiteral("invalid");
        QTest::newRow("history limit")
            << QByteArray("{\"type\":\"history\",\"before\":1,\"limit\":500}")
            << QStringLiteral("invalid");
        QTest::newRow("presence bad") << QByteArray("{\"type\":\"presence\",\"status\":\"gone\"}")
                                      << QStringLiteral("invalid");
        QTest::newRow("freebusy no snapshot")
            << QByteArray("{\"type\":\"freebusy\"}") << QStringLiteral("invalid");
        QTest::newRow("oversize") << QByteArray(70000, 'x') << QStringLiteral("too_large");
    }
    void decodeErrors()
    {
        QFETCH(QByteArray, frame);
        QFETCH(QString, code);
        const DecodeResult r = decodeClientFrame(frame);
        QVERIFY(!r.ok);
        QCOMPARE(r.error.code, code);
    }

    void decodeValid()
    {
        auto r = decodeClientFrame(joinFrame(JoinRequest { 1, QStringLiteral("team"),
            QStringLiteral("k"), QStringLiteral("Ana"), QStringLiteral("s"), {}, 7 }));
        QVERIFY(r.ok);
        QCOMPARE(r.frame.type, ClientType::Join);
        QCOMPARE(r.frame.join.since, 7);
        QCOMPARE(r.frame.join.secret, QStringLiteral("s"));
        r = decodeClientFrame(messageFrame(QStringLiteral("id-1"), QStringLiteral("héllo")));
        QVERIFY(r.ok);
        QCOMPARE(r.frame.text, QStringLiteral("héllo"));
        r = decodeClientFrame(QByteArray("{\"type\":\"x-typing\",\"on\":true}"));
        QVERIFY(r.ok);
        QCOMPARE(r.frame.type, ClientType::Extension);
        r = decodeClientFrame(QByteArray("{\"type\":\"ping\",\"t\":5,\"extra\":[1]}"));
        QVERIFY(r.ok); // unknown members are ignored
    }

    void messageRoundTrip()
    {
        RoomMessage m;
        m.seq = 42;
        m.id = QStringLiteral("abc");
        m.from = QStringLiteral("Ana");
        m.text = QStringLiteral("hi");
        m.ts = QDateTime(QDate(2026, 11, 21), QTime(10, 0), Qt::UTC);
        RoomMessage back;
        QVERIFY(messageFromJson(messageToJson(m), &back));
        QCOMPARE(back, m);
    }

    // The hand-written frames the server sends per message parse to exactly what the
    // QJsonObject encoders give, for text that needs every kind of escaping.
    void directEncodersMatchJsonObjects()
    {
        RoomMessage m;
        m.seq = 9007199254740000LL;
        m.id = QStringLiteral("id_-9");
        m.from = QStringLiteral("Zoë \"Z\" 日本");
        QString text = QStringLiteral("quote \" backslash \\ slash / tab\t nl\n cr\r ");
        for (ushort c = 0; c < 0x20; ++c)
            text.append(QChar(c));
        text += QStringLiteral(" \u2028 emoji \U0001F600 end\x7f");
        m.text = text;
        m.ts = QDateTime(QDate(2026, 11, 21), QTime(10, 0, 1, 234), Qt::UTC);
        for (const QString &event : { QString(), QStringLiteral("member_joined") }) {
            m.event = event;
            m.kind = event.isEmpty() ? QStringLiteral("user") : QStringLiteral("system");
            const QByteArray frame = relayedMessageFrame(m);
            QJsonParseError err;
            const QJsonDocument doc = QJsonDocument::fromJson(frame, &err);
            QVERIFY2(err.error == QJsonParseError::NoError, frame.constData());
            QJsonObject expected = messageToJson(m);
            QCOMPARE(doc.object(), expected);
            RoomMessage back;
            QVERIFY(messageFromJson(doc.object(), &back));
            QCOMPARE(back, m);

            const QJsonObject history
                = QJsonDocument::fromJson(historyFrame({ m, m }, true)).object();
            QCOMPARE(history.value(QLatin1String("type")).toString(), QStringLiteral("history"));
            QCOMPARE(history.value(QLatin1String("more")).toBool(), true);
            const QJsonArray messages = history.value(QLatin1String("messages")).toArray();
            QCOMPARE(messages.size(), 2);
            for (const QJsonValue &v : messages)
                QCOMPARE(v.toObject(), expected);
        }
        QCOMPARE(QJsonDocument::fromJson(historyFrame({}, false)).object(),
            (QJsonObject { { QStringLiteral("type"), QStringLiteral("history") },
                { QStringLiteral("messages"), QJsonArray() }, { QStringLiteral("more"), false } }));
        const QJsonObject ack
            = QJsonDocument::fromJson(ackFrame(QStringLiteral("a\"b"), 7, m.ts, true)).object();
        QCOMPARE(ack,
            (QJsonObject { { QStringLiteral("type"), QStringLiteral("ack") },
                { QStringLiteral("id"), QStringLiteral("a\"b") }, { QStringLiteral("seq"), 7 },
                { QStringLiteral("ts"), QStringLiteral("2026-11-21T10:00:01.234Z") },
                { QStringLiteral("dup"), true } }));
        QVERIFY(!QJsonDocument::fromJson(ackFrame(QStringLiteral("x"), 1, m.ts, false))
                     .object()
                     .contains(QLatin1String("dup")));
    }

    void names()
    {
        QCOMPARE(nameKey(QStringLiteral(" Ana ")), nameKey(QStringLiteral("ana")));
        QCOMPARE(nameKey(QStringLiteral("ＡＮＡ")), nameKey(QStringLiteral("ana"))); // NFKC
        QVERIFY(normalizedDisplayName(QStringLiteral("  ")).isEmpty());
        QVERIFY(normalizedDisplayName(QStringLiteral("a\nb")).isEmpty());
        QVERIFY(normalizedDisplayName(QString(41, QLatin1Char('a'))).isEmpty());
        QCOMPARE(normalizedDisplayName(QStringLiteral(" José ")), QStringLiteral("José"));
        // L5: invisible format characters are refused, look-alikes are one key.
        QVERIFY(normalizedDisplayName(QStringLiteral("Ana\u200B")).isEmpty()); // ZWSP
        QVERIFY(normalizedDisplayName(QStringLiteral("\u202EanA")).isEmpty()); // RLO
        QVERIFY(normalizedDisplayName(QStringLiteral("A\u2066na")).isEmpty()); // LRI
        QVERIFY(normalizedDisplayName(QStringLiteral("An\u00ADa")).isEmpty()); // soft hyphen
        QCOMPARE(nameKey(QStringLiteral("\u0410na")), nameKey(QStringLiteral("Ana"))); // Cyrillic А
        QCOMPARE(nameKey(QStringLiteral("\u0391\u03bda")), nameKey(QStringLiteral("Ava"))); // Greek
        QCOMPARE(nameKey(QStringLiteral("AIice")), nameKey(QStringLiteral("Alice"))); // I / l
        QCOMPARE(nameKey(QStringLiteral("B0b")), nameKey(QStringLiteral("Bob")));
        QVERIFY(nameKey(QStringLiteral("Ana")) != nameKey(QStringLiteral("Ada")));
        QVERIFY(nameKey(QStringLiteral("Jos\u00e9")) != nameKey(QStringLiteral("Jose")));
    }

    void inviteLinks()
    {
        InviteLink l { QStringLiteral("example.org"), 8765, QStringLiteral("team"),
            QStringLiteral("AbC-_9"), true };
        const QString s = l.toString();
        QCOMPARE(s, QStringLiteral("kairos://example.org:8765/team?invite=AbC-_9&tls=1"));
        auto p = InviteLink::parse(s);
        QVERIFY(p);
        QCOMPARE(p->room, l.room);
        QCOMPARE(p->invite, l.invite);
        QVERIFY(p->tls);
        QCOMPARE(p->webSocketUrl(), QUrl(QStringLiteral("wss://example.org:8765/")));
        QVERIFY(!InviteLink::parse(QStringLiteral("https://x/y")));
        QVERIFY(!InviteLink::parse(QStringLiteral("kairos://x:1/team")));
        QVERIFY(!InviteLink::parse(QStringLiteral("kairos://x/team?invite=a")));
    }
};

QTEST_GUILESS_MAIN(TestRoomProtocol)
#include "tst_room_protocol.moc"
