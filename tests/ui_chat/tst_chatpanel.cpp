#include "support/mockclock.h"

#include "chat/chatpanel.h"
#include "room/embeddedroom.h"
#include "room/silentroom.h"

#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

using namespace kairos;
using namespace kairos::room;

class TestChatPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<EmbeddedRoom> m_room;
    MemorySecretStore m_secrets;

    std::unique_ptr<RoomClient> makeClient(const QString &name, int backoffBaseMs = 20)
    {
        RoomClient::Config c;
        c.url = m_room->join().webSocketUrl();
        c.room = m_room->join().room;
        c.invite = m_room->join().invite;
        c.name = name;
        c.secrets = &m_secrets;
        c.backoffBaseMs = backoffBaseMs;
        c.random = []() { return 0.0; };
        return std::make_unique<RoomClient>(c);
    }

    static bool online(RoomClient *c)
    {
        return QTest::qWaitFor([c]() { return c->state() == RoomClient::State::Online; }, 5000);
    }

private Q_SLOTS:
    void init()
    {
        RoomServer::Options o;
        o.limits.sweepIntervalMs = 0;
        auto r = EmbeddedRoom::start(m_dir.filePath(QStringLiteral("room")), QStringLiteral("team"),
            QHostAddress(QHostAddress::LocalHost), 0, o);
        QVERIFY(r);
        m_room = std::move(*r);
    }
    void cleanup()
    {
        m_room.reset();
        QDir(m_dir.path()).removeRecursively();
    }

    void sendAndReceive()
    {
        auto ana = makeClient(QStringLiteral("Ana"));
        auto bo = makeClient(QStringLiteral("Bo"));
        ChatPanel panel(ana.get());
        panel.resize(800, 500);
        panel.show();
        ana->start();
        bo->start();
        QVERIFY(online(ana.get()));
        QVERIFY(online(bo.get()));
        QTRY_VERIFY(panel.bannerText().isEmpty());
        auto *members = panel.findChild<QListView *>(QStringLiteral("memberList"));
        QVERIFY(members);
        QTRY_COMPARE(members->model()->rowCount(), 2);

        auto *composer = panel.findChild<QPlainTextEdit *>(QStringLiteral("composer"));
        QVERIFY(composer);
        composer->setFocus();
        QTest::keyClicks(composer, QStringLiteral("first line"));
        QTest::keyClick(composer, Qt::Key_Return, Qt::ShiftModifier); // new line, not send
        QTest::keyClicks(composer, QStringLiteral("see https://example.org/x"));
        QCOMPARE(composer->toPlainText(), QStringLiteral("first line\nsee https://example.org/x"));
        QTest::keyClick(composer, Qt::Key_Return); // send
        QVERIFY(composer->toPlainText().isEmpty());
        QTRY_COMPARE(bo->messages()->rowCount() > 0
                ? bo->messages()->row(bo->messages()->rowCount() - 1).message.text
                : QString(),
            QStringLiteral("first line\nsee https://example.org/x"));

        auto *view = panel.findChild<QTextBrowser *>(QStringLiteral("messageView"));
        QVERIFY(view);
        QTRY_VERIFY(view->toHtml().contains(QLatin1String("href=\"https://example.org/x\"")));
        QVERIFY(view->toPlainText().contains(QLatin1String("You")));
        QVERIFY(view->toPlainText().contains(QLatin1String("Today")));
        QTRY_VERIFY(view->toPlainText().contains(QLatin1String("Bo joined the room")));

        // Receive: unread count until the composer gets the focus again.
        composer->clearFocus();
        panel.setFocus();
        ana->markAllRead();
        bo->send(QStringLiteral("hi Ana"));
        QTRY_VERIFY(view->toPlainText().contains(QLatin1String("hi Ana")));
        auto *unread = panel.findChild<QLabel *>(QStringLiteral("unreadBadge"));
        QVERIFY(unread);
        QTRY_COMPARE(panel.unreadCount(), 1);
        QCOMPARE(unread->text(), QStringLiteral("1 unread"));
        auto *send = panel.findChild<QPushButton *>(QStringLiteral("sendButton"));
        composer->setPlainText(QStringLiteral("by button"));
        send->click();
        QTRY_COMPARE(panel.unreadCount(), 0);
    }

    void reconnectBanner()
    {
        test::MockClock clock;
        auto ana = makeClient(QStringLiteral("Ana"), 8000); // first delay: 4 s with no jitter
        ChatPanel panel(ana.get());
        panel.show();
        ana->start();
        QVERIFY(online(ana.get()));
        QTRY_VERIFY(panel.bannerText().isEmpty());
        m_room.reset(); // the room goes away
        QTRY_COMPARE(panel.bannerText(), QStringLiteral("Reconnecting in 4 s…"));
        auto *retry = panel.findChild<QPushButton *>(QStringLiteral("retryButton"));
        QVERIFY(retry && retry->isVisible());
        // Messages written now wait in the outbox.
        QVERIFY(ana->send(QStringLiteral("queued")));
        QCOMPARE(ana->outboxSize(), 1);
        retry->click();
        QTRY_COMPARE(ana->failures(), 2);
        retry->click();
        QTRY_COMPARE(ana->failures(), 3);
        QTRY_COMPARE(panel.bannerText(),
            QStringLiteral("You are offline — messages will be sent when the room is back"));
        auto *view = panel.findChild<QTextBrowser *>(QStringLiteral("messageView"));
        QTRY_VERIFY2(view->toPlainText().contains(QStringLiteral("Sending…")),
            qPrintable(view->toPlainText()));
    }

    // The server stops answering without closing: after the unanswered ping the panel shows
    // the reconnect banner.
    void silentServerShowsReconnectBanner()
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
        c.livenessCheckMs = 0;
        RoomClient ana(c);
        ChatPanel panel(&ana);
        panel.show();
        ana.start();
        QVERIFY(online(&ana));
        QTRY_VERIFY(panel.bannerText().isEmpty());
        clock.advanceMSecs(c.pingAfterMs);
        ana.checkLiveness();
        QVERIFY(panel.bannerText().isEmpty()); // a ping is out; still connected
        clock.advanceMSecs(c.pongTimeoutMs);
        ana.checkLiveness();
        QCOMPARE(panel.bannerText(), QStringLiteral("Reconnecting in 4 s…"));
        clock.advanceMSecs(1500);
        QTRY_COMPARE(panel.bannerText(), QStringLiteral("Reconnecting in 3 s…"));
    }

    void refusedJoinIsExplained()
    {
        RoomClient::Config c;
        c.url = m_room->join().webSocketUrl();
        c.room = m_room->join().room;
        c.invite = QStringLiteral("wrong");
        c.name = QStringLiteral("Eve");
        RoomClient eve(c);
        ChatPanel panel(&eve);
        panel.show();
        eve.start();
        QTRY_COMPARE(eve.state(), RoomClient::State::Failed);
        QTRY_VERIFY(panel.bannerText().contains(QLatin1String("invite key")));
    }
};

QTEST_MAIN(TestChatPanel)
#include "tst_chatpanel.moc"
