#include "support/mockclock.h"

#include "room/embeddedroom.h"
#include "room/roomclient.h"
#include "silentroom.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
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
            QStringLiteral("team"), QHostAddress(QHostAddress::LocalHost), port, o);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
        m_room = std::move(*r);
        m_port = m_room->join().port;
    }

    std::unique_ptr<RoomClient> makeClient(
        const QString &name, const QString &outbox = {}, const QString &invite = {})
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
            QAbstractItemModelTester::FailureReportingMode::QtTest, client.get());
        new QAbstractItemModelTester(client->members(),
            QAbstractItemModelTester::FailureReportingMode::QtTest, client.get());
        return client;
    }
    QString m_invite;

    //! Rows of members' messages (system messages, e.g. join announcements, are stored after
    //! the welcome and may still be on their way).
    static int userRows(RoomClient *c)
    {
        int n = 0;
        for (int i = 0; i < c->messages()->rowCount(); ++i)
            n += c->messages()->row(i).message.kind == QLatin1String("user") ? 1 : 0;
        return n;
    }
    static QString lastText(RoomClient *c)
    {
        const int n = c->messages()->rowCount();
        return n > 0 ? c->messages()->row(n - 1).message.text : QString();
    }

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
        const int bRows = userRows(b.get());
        QSignalSpy unread(b.get(), &RoomClient::unreadCountChanged);
        auto id = a->send(QStringLiteral("hello https://example.org"));
        QVERIFY(id);
        const int last = a->messages()->rowCount() - 1;
        QCOMPARE(a->messages()->row(last).message.id, *id);
        QTRY_VERIFY(!a->messages()->row(a->messages()->rowCount() - 1).pending);
        QCOMPARE(a->outboxSize(), 0);
        QVERIFY(a->messages()->row(a->messages()->rowCount() - 1).own);
        QTRY_COMPARE(userRows(b.get()), bRows + 1);
        const auto &row = b->messages()->row(b->messages()->rowCount() - 1);
        QCOMPARE(row.message.text, QStringLiteral("hello https://example.org"));
        QVERIFY(!row.own);
        QCOMPARE(b->unreadCount(), 1);
        b->markAllRead();
        QCOMPARE(b->unreadCount(), 0);
        b->setAway(true);
        QTRY_COMPARE(
            a->members()->data(a->members()->index(1), MemberListModel::StatusRole).toString(),
            QStringLiteral("away"));
        b->stop();
        QTRY_COMPARE(
            a->members()->data(a->members()->index(1), MemberListModel::StatusRole).toString(),
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
        QTRY_COMPARE(lastText(b.get()), QStringLiteral("one"));
        b->stop();
        for (int i = 0; i < 3; ++i)
            a->send(QStringLiteral("missed %1").arg(i));
        QTRY_COMPARE(a->outboxSize(), 0);
        b->start();
        QVERIFY(waitOnline(b.get()));
        QTRY_COMPARE(lastText(b.get()), QStringLiteral("missed 2"));
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

    void proposalGoesThroughTheOutbox()
    {
        const QString outbox = m_dir.filePath(QStringLiteral("client/outbox-p.sqlite"));
        auto a = makeClient(QStringLiteral("Ana"), outbox);
        auto b = makeClient(QStringLiteral("Bo"));
        a->start();
        b->start();
        QVERIFY(waitOnline(a.get()));
        QVERIFY(waitOnline(b.get()));
        const quint16 port = m_port;
        b->stop();
        m_room.reset(); // written while the room is away: kept on disk
        QTRY_COMPARE(a->state(), RoomClient::State::Waiting);
        const QJsonObject proposal { { QStringLiteral("uid"), QStringLiteral("u1@kairos") },
                                     { QStringLiteral("title"), QStringLiteral("Review") } };
        QVERIFY(!a->sendProposal({}));
        auto id = a->sendProposal(proposal);
        QVERIFY(id);
        QCOMPARE(a->messages()->row(a->messages()->rowCount() - 1).message.kind,
                 QStringLiteral("proposal"));
        a.reset();
        auto a2 = makeClient(QStringLiteral("Ana"), outbox);
        QVERIFY(a2->open());
        QCOMPARE(a2->outboxSize(), 1);
        QCOMPARE(a2->messages()->row(a2->messages()->rowCount() - 1).message.kind,
                 QStringLiteral("proposal"));
        startRoom(port);
        a2->start();
        QVERIFY(waitOnline(a2.get()));
        QTRY_COMPARE(a2->outboxSize(), 0);
        const auto &own = a2->messages()->row(a2->messages()->rowCount() - 1);
        QVERIFY(own.own);
        QVERIFY(!own.pending);
        QCOMPARE(own.message.kind, QStringLiteral("proposal"));
        b->start();
        QVERIFY(waitOnline(b.get()));
        QTRY_VERIFY(b->messages()->rowCount() > 0
                    && b->messages()->row(b->messages()->rowCount() - 1).message.id == *id);
        const auto &row = b->messages()->row(b->messages()->rowCount() - 1);
        QCOMPARE(row.message.kind, QStringLiteral("proposal"));
        QCOMPARE(row.message.from, QStringLiteral("Ana"));
        QJsonObject stored = proposal; // the server names the sender as the organiser
        stored.insert(QStringLiteral("organizer"), QStringLiteral("Ana"));
        QCOMPARE(QJsonDocument::fromJson(row.message.text.toUtf8()).object(), stored);
        QVERIFY(!row.own);
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

    // The server stops answering (no close, no reset): the client pings after pingAfterMs of
    // silence, gives the connection up when no pong comes within pongTimeoutMs and goes to
    // "Reconnecting in N s…" with backoff; a reconnect to a live server works again.
    void silentServerIsDetectedByPing()
    {
        test::MockClock clock;
        SilentRoom silent;
        RoomClient::Config c;
        c.url = silent.url();
        c.room = QStringLiteral("team");
        c.invite = QStringLiteral("k");
        c.name = QStringLiteral("Ana");
        c.backoffBaseMs = 8000;
        c.random = []() { return 0.0; };
        c.pingAfterMs = 20000;
        c.pongTimeoutMs = 10000;
        c.livenessCheckMs = 0; // driven by hand below
        RoomClient client(c);
        client.start();
        QVERIFY(waitOnline(&client));
        QSignalSpy scheduled(&client, &RoomClient::reconnectScheduled);

        clock.advanceMSecs(19999);
        client.checkLiveness();
        QVERIFY(!client.awaitingPong()); // not quiet long enough yet
        clock.advanceMSecs(1);
        client.checkLiveness();
        QVERIFY(client.awaitingPong());
        QTRY_VERIFY(silent.received.contains(QStringLiteral("ping")));
        clock.advanceMSecs(9999);
        client.checkLiveness();
        QCOMPARE(client.state(), RoomClient::State::Online);
        clock.advanceMSecs(1);
        client.checkLiveness();
        QCOMPARE(client.state(), RoomClient::State::Waiting);
        QCOMPARE(scheduled.size(), 1);
        QCOMPARE(client.failures(), 1);
        QCOMPARE(client.secondsUntilReconnect(), 4);
        QVERIFY(!client.isOffline());
        QCOMPARE(client.members()->onlineCount(), 0);

        // The same silent server accepts the next attempt: Online again, until it is quiet.
        client.reconnectNow();
        QVERIFY(waitOnline(&client));
        QCOMPARE(silent.connections, 2);
    }

    // A live server answers the ping: the connection stays up.
    void liveServerAnswersPing()
    {
        test::MockClock clock;
        auto a = makeClient(QStringLiteral("Ana"));
        a->start();
        QVERIFY(waitOnline(a.get()));
        clock.advanceMSecs(20000);
        a->checkLiveness();
        QVERIFY(a->awaitingPong());
        QTRY_VERIFY(!a->awaitingPong()); // the pong came back
        clock.advanceMSecs(10000);
        a->checkLiveness();
        QCOMPARE(a->state(), RoomClient::State::Online);
    }

    // A server that accepts the TCP connection and never answers the WebSocket handshake (or
    // never answers the join): the attempt is given up after connectTimeoutMs.
    void hungConnectOrJoinIsGivenUp()
    {
        test::MockClock clock;
        QTcpServer tcp;
        QVERIFY(tcp.listen(QHostAddress::LocalHost, 0));
        QList<QTcpSocket *> accepted; // kept open, never answered
        connect(&tcp, &QTcpServer::newConnection, this,
            [&]() { accepted.append(tcp.nextPendingConnection()); });
        RoomClient::Config c;
        c.url = QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(tcp.serverPort()));
        c.room = QStringLiteral("team");
        c.invite = QStringLiteral("k");
        c.name = QStringLiteral("Ana");
        c.connectTimeoutMs = 15000;
        c.livenessCheckMs = 0;
        c.backoffBaseMs = 8000;
        c.random = []() { return 0.0; };
        RoomClient client(c);
        client.start();
        QTRY_COMPARE(accepted.size(), 1);
        QCOMPARE(client.state(), RoomClient::State::Connecting);
        clock.advanceMSecs(14999);
        client.checkLiveness();
        QCOMPARE(client.state(), RoomClient::State::Connecting);
        clock.advanceMSecs(1);
        client.checkLiveness();
        QCOMPARE(client.state(), RoomClient::State::Waiting);
        QCOMPARE(client.secondsUntilReconnect(), 4);

        SilentRoom mute;
        mute.answerJoin = false;
        c.url = mute.url();
        RoomClient joiner(c);
        joiner.start();
        QTRY_COMPARE(joiner.state(), RoomClient::State::Joining);
        QTRY_VERIFY(mute.received.contains(QStringLiteral("join")));
        clock.advanceMSecs(15000);
        joiner.checkLiveness();
        QCOMPARE(joiner.state(), RoomClient::State::Waiting);
        QCOMPARE(joiner.failures(), 1);
    }

    // Unread counts survive a restart: the read marker is saved with the outbox, a new run
    // catches up from it, and what others wrote meanwhile is unread (own messages are not).
    void unreadCountSurvivesRestart()
    {
        const QString bOutbox = m_dir.filePath(QStringLiteral("client/bo.sqlite"));
        auto a = makeClient(QStringLiteral("Ana"));
        auto b = makeClient(QStringLiteral("Bo"), bOutbox);
        a->start();
        b->start();
        QVERIFY(waitOnline(a.get()));
        QVERIFY(waitOnline(b.get()));
        QCOMPARE(b->unreadCount(), 0); // the room's past is not unread on a first join
        for (int i = 0; i < 3; ++i)
            QVERIFY(a->send(QStringLiteral("before %1").arg(i)));
        QTRY_COMPARE(b->unreadCount(), 3);
        b->markAllRead();
        const qint64 marker = b->readSeq();
        QVERIFY(marker > 0);
        QVERIFY(a->send(QStringLiteral("unread 1")));
        QTRY_COMPARE(b->unreadCount(), 1);
        b.reset(); // Bo quits without reading it

        for (int i = 2; i <= 4; ++i)
            QVERIFY(a->send(QStringLiteral("unread %1").arg(i)));
        QTRY_COMPARE(a->outboxSize(), 0);

        auto b2 = makeClient(QStringLiteral("Bo"), bOutbox); // the next run
        QVERIFY(b2->open());
        QCOMPARE(b2->readSeq(), marker);
        b2->start();
        QVERIFY(waitOnline(b2.get()));
        QTRY_COMPARE(b2->unreadCount(), 4);
        QVERIFY(b2->send(QStringLiteral("my own reply")));
        QTRY_COMPARE(b2->outboxSize(), 0);
        QCOMPARE(b2->unreadCount(), 4);
        // The messages before the marker are there as context too, and none of them is unread.
        QTRY_VERIFY(b2->messages()->rowCount() >= 9);
        QStringList texts;
        for (int i = 0; i < b2->messages()->rowCount(); ++i)
            texts << b2->messages()->row(i).message.text;
        QVERIFY2(texts.contains(QStringLiteral("before 0")), qPrintable(texts.join(u'|')));
        QVERIFY(texts.contains(QStringLiteral("unread 4")));

        // Read, quit, come back: nothing unread.
        b2->markAllRead();
        b2.reset();
        auto b3 = makeClient(QStringLiteral("Bo"), bOutbox);
        b3->start();
        QVERIFY(waitOnline(b3.get()));
        QTRY_VERIFY(b3->messages()->rowCount() >= 9);
        QCOMPARE(b3->unreadCount(), 0);
        // ...and a reconnect (server restart) with catch-up counts only what is new.
        const quint16 port = m_port;
        m_room.reset();
        QTRY_COMPARE(b3->state(), RoomClient::State::Waiting);
        startRoom(port);
        auto a2 = makeClient(QStringLiteral("Ana"));
        a2->start();
        QVERIFY(waitOnline(a2.get()));
        QVERIFY(a2->send(QStringLiteral("after the restart")));
        QTRY_COMPARE(a2->outboxSize(), 0);
        b3->reconnectNow();
        QVERIFY(waitOnline(b3.get()));
        QTRY_COMPARE(b3->unreadCount(), 1);
    }

    // Away is the member's state, not the connection's: a reconnect announces it again.
    void awaySurvivesReconnect()
    {
        auto a = makeClient(QStringLiteral("Ana"));
        auto b = makeClient(QStringLiteral("Bo"));
        a->setAway(true); // before the first connection
        a->start();
        b->start();
        QVERIFY(waitOnline(a.get()));
        QVERIFY(waitOnline(b.get()));
        auto anaStatus = [&b]() {
            const auto *m = b->members();
            for (int i = 0; i < m->rowCount(); ++i)
                if (m->data(m->index(i), MemberListModel::NameRole).toString()
                    == QLatin1String("Ana"))
                    return m->data(m->index(i), MemberListModel::StatusRole).toString();
            return QString();
        };
        QTRY_COMPARE(anaStatus(), QStringLiteral("away"));
        const quint16 port = m_port;
        m_room.reset();
        QTRY_COMPARE(a->state(), RoomClient::State::Waiting);
        startRoom(port);
        a->reconnectNow();
        b->reconnectNow();
        QVERIFY(waitOnline(a.get()));
        QVERIFY(waitOnline(b.get()));
        QTRY_COMPARE(anaStatus(), QStringLiteral("away"));
        a->setAway(false);
        QTRY_COMPARE(anaStatus(), QStringLiteral("online"));
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
