// The chat's schedule card creates into a provider calendar through the sync engine: the event
// reaches the fake Google server with the participants who shared an e-mail as attendees, and
// sendUpdates=all only when "Send invitations" was ticked on the card.
#include "../sync/syncfixture.h"
#include "chat/chatpanel.h"
#include "chat/commandassistant.h"
#include "room/embeddedroom.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QJsonArray>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace kairos;
using namespace kairos::room;
using namespace kairos::test;

class TstChatSync : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void createsInGoogleCalendar_data()
    {
        QTest::addColumn<bool>("invite");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no invitations") << false << QStringLiteral("none");
        QTest::newRow("send invitations") << true << QStringLiteral("all");
    }
    void createsInGoogleCalendar()
    {
        QFETCH(bool, invite);
        QFETCH(QString, expected);
        SyncFixture f(Provider::Google, QStringLiteral("chatsync") + QString::number(int(invite)));
        f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
        QVERIFY(f.service->ensureLocalCalendar(QStringLiteral("My calendar")));
        QVERIFY(f.sync());

        RoomServer::Options o;
        o.limits.sweepIntervalMs = 0;
        auto started = EmbeddedRoom::start(f.profile.dataDir() + QStringLiteral("/room"),
            QStringLiteral("team"), QHostAddress(QHostAddress::LocalHost), 0, o);
        QVERIFY(started);
        std::unique_ptr<EmbeddedRoom> room = std::move(*started);
        MemorySecretStore secrets;
        RoomClient::Config c;
        c.url = room->join().webSocketUrl();
        c.room = room->join().room;
        c.invite = room->join().invite;
        c.name = QStringLiteral("Ana");
        c.secrets = &secrets;
        RoomClient ana(c);
        ChatPanel panel(&ana);
        CommandAssistant assistant(&panel, *f.service);
        assistant.setMemberSource([]() {
            CommandAssistant::Member bob;
            bob.name = QStringLiteral("Bob");
            bob.shared = true;
            bob.email = QStringLiteral("bob@example.com");
            bob.madeAt = Clock::nowUtc();
            bob.participant.name = bob.name;
            bob.participant.zone = QTimeZone("Europe/London");
            return QList<CommandAssistant::Member> { bob };
        });
        panel.show();
        ana.start();
        QTRY_COMPARE(ana.state(), RoomClient::State::Online);

        auto *composer = panel.findChild<QPlainTextEdit *>(QStringLiteral("composer"));
        composer->setFocus();
        composer->setPlainText(QStringLiteral("Schedule a review with Bob tomorrow at 3pm"));
        QTest::keyClick(composer, Qt::Key_Return);
        QWidget *card = panel.cards().value(0);
        QVERIFY(card && card->objectName() == QLatin1String("scheduleCard"));
        QVERIFY(!card->findChild<QWidget *>(QStringLiteral("connectCalendar")));
        auto *picker = card->findChild<QComboBox *>(QStringLiteral("calendarPicker"));
        QCOMPARE(picker->currentData().toString(), f.calId(QStringLiteral("primary")));
        auto *send = card->findChild<QCheckBox *>(QStringLiteral("sendInvitationsCheck"));
        QVERIFY(send->isVisible() && !send->isChecked());
        send->setChecked(invite);
        QTest::mouseClick(
            card->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);

        QTRY_COMPARE(f.engine->pendingWrites(), 0);
        QTRY_VERIFY(!f.engine->isSyncing());
        std::optional<QJsonObject> created;
        for (const QJsonObject &e : f.google.events(QStringLiteral("primary"))) {
            if (e.value(QLatin1String("summary")).toString() == QLatin1String("Review with Bob"))
                created = e;
        }
        QVERIFY(created.has_value());
        const QJsonArray attendees = created->value(QLatin1String("attendees")).toArray();
        QCOMPARE(attendees.size(), 1);
        QCOMPARE(attendees.first().toObject().value(QLatin1String("email")).toString(),
            QStringLiteral("bob@example.com"));
        QString sendUpdates;
        for (const auto &r : f.server->requests()) {
            if (r.method == "POST" && r.path.endsWith(QLatin1String("/events")))
                sendUpdates = r.query.queryItemValue(QStringLiteral("sendUpdates"));
        }
        QCOMPARE(sendUpdates, expected);
        ana.stop();
    }
};

QTEST_MAIN(TstChatSync)
#include "tst_chatsync.moc"
