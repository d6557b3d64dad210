#include "support/mockclock.h"

#include "room/embeddedroom.h"
#include "room/roomclient.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kairos;
using namespace kairos::room;

class TestRoomClient : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<EmbeddedRoom> m_room;
    MemorySecretStore m_secrets;
    quint16 m_port = 0;

    void startRoom(quint16 port = 0)
    {
        RoomServer::Options o;
        o.limits.sweepIntervalMs = 0;
        auto r = EmbeddedRoom::start(m_dir.filePath(QStringLiteral("server")),
                                     QStringLiteral("team"), QHostAddress(QHostAddress::LocalHost),
                                     port, o);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        m_room = std::move(*r);
        m_port = m_room->join().port;
    }

    std::unique_ptr<RoomClient> makeClient(const QString &name, const QString &outbox = {},
                                           const QString &invite = {})
    {
        RoomClient::Config c;
        c.url = m_room ? m_room->join().webSocketUrl()
                       : QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_port));
        c.room = QStringLiteral("team");
        c.invite = invite.isEmpty() ? m_invite : invite;
        c.name = name;
        c.outboxPath = outbox;
        c.secrets = &m_secrets;
        c.backoffBaseMs = 20;
        c.backoffMaxMs = 100;
        c.random = []() { return 0.5; };
        auto client = std::make_unique<RoomClient>(c);
        new QAbstractItemModelTester(client->messages(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     client.get());
        new QAbstractItemModelTester(client->members(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     client.get());
        return client;
    }
    QString m_invite;

    static bool waitOnline(RoomClient *c)
    {
        return QTest::qWaitFor([c]() { return c->state() == RoomClient::State::Online; }, 5000);
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        startRoom();
        m_invite = m_room->join().invite;
    }
    void cleanup()
    {
        m_room.reset();
        m_secrets.clear();
        QDir(m_dir.path()).removeRecursively();
    }

    void backoffIsJitteredExponential()
    {
        QCOMPARE(RoomClient::backoffDelayMs(1, 1000, 60000, 0.0), 500);
        QCOMPARE(RoomClient::backoffDelayMs(1, 1000, 60000, 1.0), 1000);
        QCOMPARE(RoomClient::backoffDelayMs(3, 1000, 60000, 1.0), 4000);
        QCOMPARE(RoomClient::backoffDelayMs(3, 1000, 60000, 0.5), 3000);
        QCOMPARE(RoomClient::backoffDelayMs(20, 1000, 60000, 1.0), 60000);
        QCOMPARE(RoomClient::backoffDelayMs(200, 1000, 60000, 0.0), 30000);
    }

    void joinKeepsSecretAndRejoins()
    {
        auto a = makeClient(QStringLiteral("Ana"));
        a->start();
        QVERIFY(waitOnline(a.get()));
        QCOMPARE(m_secrets.secrets().size(), 1);
        a.reset();
        auto again = makeClient(QStringLiteral("ana")); // the same member, another run
        again->start();
        QVERIFY(waitOnline(again.get()));
        m_secrets.clear(); // a device without the secret is refused
        auto thief = makeClient(QStringLiteral("Ana"));
        thief->start();
        QTRY_COMPARE(thief->state(), RoomClient::State::Failed);
        QCOMPARE(thief->lastErrorCode(), QStringLiteral("name_taken"));
    }

    void sendAndReceiveThroughModels()
    {
        auto a = makeClient(QStringLiteral("Ana"));
        auto b = makeClient(QStringLiteral("Bo"));
        a->start();
        b->start();
        QVERIFY(waitOnline(a.get()));
        QVERIFY(waitOnline(b.get()));
        QTRY_COMPARE(a->members()->rowCount(), 2);
        QTRY_COMPARE(a->members()->onlineCount(), 2);
        const int bRows = b->messages()->rowCount();
        QSignalSpy unread(b.get(), &RoomClient::unreadCountChanged);
        auto id = a->send(QStringLiteral("hello https://example.org"));
        QVERIFY(id);
        const int last = a->messages()->rowCount() - 1;
        QCOMPARE(a->messages()->row(last).message.id, *id);
        QTRY_VERIFY(!a->messages()->row(a->messages()->rowCount() - 1).pending);
        QCOMPARE(a->outboxSize(), 0);
        QVERIFY(a->messages()->row(a->messages()->rowCount() - 1).own);
        QTRY_COMPARE(b->messages()->rowCount(), bRows + 1);
        const auto &row = b->messages()->row(b->messages()->rowCount() - 1);
        QCOMPARE(row.message.text, QStringLiteral("hello https://example.org"));
        QVERIFY(!row.own);
        QCOMPARE(b->unreadCount(), 1);
        b->markAllRead();
        QCOMPARE(b->unreadCount(), 0);
        b->setAway(true);
        QTRY_COMPARE(a->members()->data(a->members()->index(1), MemberListModel::StatusRole).toString(),
                     QStringLiteral("away"));
        b->stop();
        QTRY_COMPARE(a->members()->data(a->members()->index(1), MemberListModel::StatusRole).toString(),
                     QStringLiteral("offline"));
    }

    void catchUpAfterReconnect()
    {
        auto a = makeClient(QStringLiteral("Ana"));
        auto b = makeClient(QStringLiteral("Bo"));
        a->start();
        b->start();
        QVERIFY(waitOnline(a.get()));
        QVERIFY(waitOnline(b.get()));
        a->send(QStringLiteral("one"));
        QTRY_COMPARE(b->messages()->row(b->messages()->rowCount() - 1).message.text,
                     QStringLiteral("one"));
        b->stop();
        for (int i = 0; i < 3; ++i)
            a->send(QStringLiteral("missed %1").arg(i));
        QTRY_COMPARE(a->outboxSize(), 0);
        b->start();
        QVERIFY(waitOnline(b.get()));
        QTRY_COMPARE(b->messages()->row(b->messages()->rowCount() - 1).message.text,
                     QStringLiteral("missed 2"));
        QCOMPARE(b->unreadCount(), 4);
    }

    void outboxSurvivesRestartAndServerOutage()
    {
        const QString outbox = m_dir.filePath(QStringLiteral("client/outbox.sqlite"));
        auto a = makeClient(QStringLiteral("Ana"), outbox);
        a->start();
        QVERIFY(waitOnline(a.get()));
        const quint16 port = m_port;
        m_room.reset(); // the server goes away
        QTRY_COMPARE(a->state(), RoomClient::State::Waiting);
        QVERIFY(a->send(QStringLiteral("while offline 1")));
        QVERIFY(a->send(QStringLiteral("while offline 2")));
        QCOMPARE(a->outboxSize(), 2);
        QCOMPARE(a->messages()->pendingCount(), 2);
        a.reset(); // the app quits

        auto a2 = makeClient(QStringLiteral("Ana"), outbox); // next run: outbox reloaded
        QVERIFY(a2->open());
        QCOMPARE(a2->outboxSize(), 2);
        QCOMPARE(a2->messages()->pendingCount(), 2);
        a2->start();
        QTRY_VERIFY(a2->failures() >= 1); // still no server: backing off
        startRoom(port); // the room is back on the same address
        a2->reconnectNow();
        QVERIFY(waitOnline(a2.get()));
        QTRY_COMPARE(a2->outboxSize(), 0);
        QCOMPARE(a2->messages()->pendingCount(), 0);
        auto tail = m_room->server()->store()->tail(1, 50);
        QVERIFY(tail);
        int found = 0;
        for (const RoomMessage &m : *tail)
            found += m.text.startsWith(QLatin1String("while offline")) ? 1 : 0;
        QCOMPARE(found, 2);
    }

    void reconnectStateForTheBanner()
    {
        test::MockClock clock;
        RoomClient::Config c;
        c.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(m_port));
        c.room = QStringLiteral("team");
        c.invite = m_invite;
        c.name = QStringLiteral("Ana");
        c.backoffBaseMs = 8000;
        c.random = []() { return 0.0; };
        RoomClient client(c);
        client.start();
        QVERIFY(waitOnline(&client));
        m_room.reset();
        QSignalSpy scheduled(&client, &RoomClient::reconnectScheduled);
        QTRY_COMPARE(client.state(), RoomClient::State::Waiting);
        QCOMPARE(scheduled.size(), 1);
        QCOMPARE(scheduled.first().first().toLongLong(), 4000);
        QCOMPARE(client.secondsUntilReconnect(), 4);
        clock.advanceMSecs(1500);
        QCOMPARE(client.secondsUntilReconnect(), 3);
        QVERIFY(!client.isOffline());
        client.reconnectNow();
        QTRY_COMPARE(client.failures(), 2);
        client.reconnectNow();
        QTRY_COMPARE(client.failures(), 3);
        QVERIFY(client.isOffline());
    }

    void wrongInviteFailsForGood()
    {
        auto a = makeClient(QStringLiteral("Ana"), {}, QStringLiteral("wrong-key"));
        a->start();
        QTRY_COMPARE(a->state(), RoomClient::State::Failed);
        QCOMPARE(a->lastErrorCode(), QStringLiteral("bad_invite"));
        QTest::qWait(100);
        QCOMPARE(a->state(), RoomClient::State::Failed);
    }
};

QTEST_GUILESS_MAIN(TestRoomClient)
#include "tst_room_client.moc"
