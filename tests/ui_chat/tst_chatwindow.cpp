// The main window with the team room: embedded default, chat dock, keychain adapter, Room menu.
#include "auth/accountmanager.h"
#include "calendar/calendarservice.h"
#include "chat/chatcontroller.h"
#include "chat/chatpanel.h"
#include "chat/vaultsecretstore.h"
#include "core/profile.h"
#include "mainwindow.h"
#include "room/messagelistmodel.h"
#include "settings/settingsdialog.h"
#include "store/database.h"
#include "support/inmemoryvault.h"
#include "support/testenv.h"
#include "testcert.h"

#include <QAction>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>

static QStringList userTexts(kairos::room::RoomClient *c)
{
    QStringList texts;
    const auto *m = c->messages();
    for (int i = 0; i < m->rowCount(); ++i) {
        const QModelIndex index = m->index(i, 0);
        if (index.data(kairos::room::MessageListModel::KindRole).toString()
            == QLatin1String("user"))
            texts << index.data(kairos::room::MessageListModel::TextRole).toString();
    }
    return texts;
}

using namespace kairos;
using namespace kairos::room;
using namespace kairos::test;

class TstChatWindow : public QObject {
    Q_OBJECT

    std::unique_ptr<TempHome> m_home;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CalendarService> m_calendar;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<InMemoryVault> m_vault;
    std::unique_ptr<ChatController> m_chat;
    int m_run = 0;

    static bool online(RoomClient *c)
    {
        return c
            && QTest::qWaitFor([c]() { return c->state() == RoomClient::State::Online; }, 5000);
    }

    void startChat()
    {
        m_chat = std::make_unique<ChatController>(m_window.get(), *m_profile, m_vault.get());
        m_chat->start();
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<TempHome>();
        m_profile = std::make_unique<Profile>(QStringLiteral("chat"));
        QVERIFY(m_profile->ensureDirs());
        m_profile->settings()->setValue(QStringLiteral("room/name"), QStringLiteral("Ana"));
        auto db = Database::open(m_profile->databasePath(), m_profile->backupDir(),
            QStringLiteral("chatwin%1").arg(++m_run));
        QVERIFY(db);
        m_db = std::move(db.value());
        m_calendar = std::make_unique<CalendarService>(*m_db, QTimeZone("Europe/Madrid"));
        QVERIFY(m_calendar->ensureLocalCalendar(QStringLiteral("My calendar")));
        m_window = std::make_unique<MainWindow>(*m_calendar, *m_profile);
        m_window->resize(1300, 800);
        m_vault = std::make_unique<InMemoryVault>();
    }
    void cleanup()
    {
        m_chat.reset();
        m_window.reset();
        m_calendar.reset();
        m_db.reset();
        m_profile.reset();
        m_vault.reset();
        m_home.reset();
    }

    void embeddedRoomShowsChatDock()
    {
        startChat();
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("chatDock"));
        QVERIFY(dock);
        QVERIFY(dock->isVisible());
        QCOMPARE(m_window->dockWidgetArea(dock), Qt::RightDockWidgetArea);
        QVERIFY(m_chat->embeddedRoom());
        QCOMPARE(m_chat->embeddedRoom()->join().host, QStringLiteral("127.0.0.1"));
        QVERIFY(online(m_chat->client()));
        QCOMPARE(m_chat->client()->selfName(), QStringLiteral("Ana"));
        QVERIFY(dock->findChild<ChatPanel *>(QStringLiteral("chatPanel")));
        QVERIFY(m_chat->panel()->notice().isEmpty());

        // View → Chat (Ctrl+Shift+C) toggles the dock.
        auto *view = m_window->findChild<QMenu *>(QStringLiteral("viewMenu"));
        QVERIFY(view);
        QVERIFY(view->actions().contains(m_chat->toggleAction()));
        QCOMPARE(
            m_chat->toggleAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
        m_chat->toggleAction()->trigger();
        QVERIFY(!dock->isVisible());
        m_chat->toggleAction()->trigger();
        QVERIFY(dock->isVisible());
        QVERIFY(m_window->menuBar()->actions().contains(m_chat->roomMenu()->menuAction()));
    }

    // No calendar account: a calendar command says "Connect your calendar first" with a button
    // that opens Settings → Accounts; the card still creates into the local calendar.
    void connectFirstOpensAccountSettings()
    {
        AccountManager accounts(*m_profile, m_calendar->store(), *m_vault);
        m_window->setAccountManager(&accounts);
        m_chat = std::make_unique<ChatController>(m_window.get(), *m_profile, m_vault.get());
        m_chat->setCalendar(m_calendar.get());
        m_chat->start();
        m_window->show();
        QVERIFY(online(m_chat->client()));
        auto *composer = m_chat->panel()->findChild<QPlainTextEdit *>(QStringLiteral("composer"));
        composer->setPlainText(QStringLiteral("Schedule a meeting tomorrow at 3pm"));
        QTest::keyClick(composer, Qt::Key_Return);
        QWidget *card = nullptr;
        const QList<QWidget *> cards = m_chat->panel()->cards();
        for (QWidget *w : cards)
            card = w->objectName() == QLatin1String("scheduleCard") ? w : card;
        QVERIFY(card);
        auto *text = card->findChild<QLabel *>(QStringLiteral("connectCalendarText"));
        QVERIFY(text && text->text().startsWith(QStringLiteral("Connect your calendar first")));
        auto *open = card->findChild<QPushButton *>(QStringLiteral("connectCalendarButton"));
        QVERIFY(open && open->isVisible());
        QTest::mouseClick(open, Qt::LeftButton);
        const auto dialogs
            = m_window->findChildren<SettingsDialog *>(QStringLiteral("settingsDialog"));
        QCOMPARE(dialogs.size(), 1);
        QWidget *page = dialogs.first()->findChild<QWidget *>(QStringLiteral("accountsPage"));
        QVERIFY(page);
        QCOMPARE(dialogs.first()->tabs()->currentWidget(), page);
        QTRY_VERIFY(dialogs.first()->isVisible());
        dialogs.first()->close();

        // The local calendar still works.
        QTest::mouseClick(
            card->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
        QCOMPARE(m_calendar->eventCount().value(), 1);
        m_chat.reset();
        m_window->setAccountManager(nullptr);
    }

    void sendAppearsInPanelAndReachesSecondClient()
    {
        startChat();
        m_window->show();
        QVERIFY(online(m_chat->client()));

        RoomClient::Config c;
        const InviteLink link = m_chat->embeddedRoom()->join();
        c.url = link.webSocketUrl();
        c.room = link.room;
        c.invite = link.invite;
        c.name = QStringLiteral("Bo");
        MemorySecretStore boSecrets;
        c.secrets = &boSecrets;
        RoomClient bo(c);
        bo.start();
        QVERIFY(online(&bo));

        auto *composer = m_chat->panel()->findChild<QPlainTextEdit *>(QStringLiteral("composer"));
        QVERIFY(composer);
        composer->setFocus();
        QTest::keyClicks(composer, QStringLiteral("hello from the dock"));
        QTest::keyClick(composer, Qt::Key_Return);
        QVERIFY(composer->toPlainText().isEmpty());
        auto *view = m_chat->panel()->findChild<QTextBrowser *>(QStringLiteral("messageView"));
        QTRY_VERIFY(view->toPlainText().contains(QStringLiteral("hello from the dock")));
        QTRY_COMPARE(userTexts(&bo), QStringList { QStringLiteral("hello from the dock") });

        // Kairos in the background for a while: Ana shows as away; active again: online.
        auto anaStatus = [&bo]() {
            const auto *m = bo.members();
            for (int i = 0; i < m->rowCount(); ++i) {
                const QModelIndex index = m->index(i);
                if (index.data(MemberListModel::NameRole).toString() == QLatin1String("Ana"))
                    return index.data(MemberListModel::StatusRole).toString();
            }
            return QString();
        };
        QCOMPARE(anaStatus(), QStringLiteral("online"));
        m_chat->setAwayAfterMs(50);
        m_chat->setApplicationActive(false);
        QTRY_COMPARE(anaStatus(), QStringLiteral("away"));
        QVERIFY(m_chat->client()->isAway());
        m_chat->setApplicationActive(true);
        QTRY_COMPARE(anaStatus(), QStringLiteral("online"));
        bo.stop();
    }

    void secretKeptInKeychainUnderStableKey()
    {
        startChat();
        QVERIFY(online(m_chat->client()));
        QTRY_VERIFY(!m_vault->keys().isEmpty());
        const QStringList keys = m_vault->keys();
        QCOMPARE(keys.size(), 1);
        QVERIFY2(
            keys.first().startsWith(QStringLiteral("room/local/team/")), qPrintable(keys.first()));
        // Nothing secret in the settings file.
        QFile ini(m_profile->settingsPath());
        if (ini.open(QIODevice::ReadOnly))
            QVERIFY(!ini.readAll().contains(m_vault->value(keys.first())));

        // Restart (new ephemeral port): the same name is accepted again with the kept secret.
        m_chat.reset();
        startChat();
        QVERIFY(online(m_chat->client()));
    }

    void noKeychainKeepsSecretInMemoryAndSaysSo()
    {
        m_vault->setUnavailable(true);
        startChat();
        QVERIFY(online(m_chat->client()));
        QTRY_VERIFY(m_chat->secretStore()->usingMemoryFallback());
        QTRY_VERIFY(m_chat->panel()->notice().contains(QStringLiteral("memory")));
        QVERIFY(m_vault->keys().isEmpty());
    }

    void nameTakenAfterRestartWithoutKeychainOffersRename()
    {
        m_vault->setUnavailable(true);
        startChat();
        QVERIFY(online(m_chat->client()));
        // A restart loses the in-memory secret: the room refuses the name, the panel says
        // what to do, and a new name gets in.
        m_chat.reset();
        startChat();
        QTRY_COMPARE(m_chat->client()->lastErrorCode(), QStringLiteral("name_taken"));
        QTRY_VERIFY(m_chat->panel()->notice().contains(QStringLiteral("Change Display Name")));
        QVERIFY(m_chat->rename(QStringLiteral("Ana 2")));
        QVERIFY(online(m_chat->client()));
        QCOMPARE(m_chat->displayName(), QStringLiteral("Ana 2"));
    }

    void joinAndLeave()
    {
        startChat();
        QVERIFY(online(m_chat->client()));
        // Join "another" room (here: the same server through its invite link) as a new name.
        QVERIFY(!m_chat->joinRoom(QStringLiteral("not a link"), QStringLiteral("X")));
        // The embedded server stops when joining elsewhere, so keep a second one up.
        auto other = EmbeddedRoom::start(
            m_profile->dataDir() + QStringLiteral("/other"), QStringLiteral("crew"));
        QVERIFY(other);
        QVERIFY(m_chat->joinRoom((*other)->join().toString(), QStringLiteral("Carla")));
        QVERIFY(!m_chat->embeddedRoom());
        QVERIFY(online(m_chat->client()));
        QCOMPARE(m_chat->client()->selfName(), QStringLiteral("Carla"));
        QCOMPARE(m_chat->configuredLink(), (*other)->join().toString());
        QCOMPARE(m_profile->settings()->value(QStringLiteral("room/name")).toString(),
            QStringLiteral("Carla"));

        QVERIFY(m_chat->leaveRoom());
        QVERIFY(m_chat->configuredLink().isEmpty());
        QVERIFY(m_chat->embeddedRoom());
        QVERIFY(online(m_chat->client()));
    }

    void hostOnNetworkGivesInviteLink()
    {
        startChat();
        QVERIFY(online(m_chat->client()));
        // The opt-in path with a fixed address (tests cannot rely on a LAN interface).
        QVERIFY(m_chat->hostRoom({ QHostAddress(QStringLiteral("127.0.0.1")), 0, {}, {} }));
        QVERIFY(m_chat->isHostingOnNetwork());
        auto parsed = InviteLink::parse(m_chat->invitation());
        QVERIFY(parsed);
        QCOMPARE(parsed->room, QStringLiteral("team"));
        QVERIFY(online(m_chat->client()));
        QTRY_VERIFY(m_chat->panel()->notice().contains(m_chat->invitation()));
        QVERIFY(m_chat->leaveRoom());
        QVERIFY(!m_chat->isHostingOnNetwork());
        QVERIFY(m_chat->invitation().isEmpty());
    }

    // "Host a room on this computer" is remembered: the next start opens the room to the
    // network again on the same address and port (the invite link stays valid); leaving
    // forgets it.
    void hostingIsRememberedAcrossRestarts()
    {
        startChat();
        QVERIFY(online(m_chat->client()));
        QVERIFY(!m_chat->savedHostOptions());
        QVERIFY(m_chat->hostRoom({ QHostAddress(QStringLiteral("127.0.0.1")), 0, {}, {} }));
        const QString link = m_chat->invitation();
        QVERIFY(!link.isEmpty());
        QVERIFY(online(m_chat->client()));
        QVERIFY(m_chat->client()->send(QStringLiteral("hosted")));
        QTRY_COMPARE(m_chat->client()->outboxSize(), 0);

        m_chat.reset(); // quit
        startChat(); // next run
        QCOMPARE(m_window->findChildren<QDockWidget *>(QStringLiteral("chatDock")).size(), 1);
        QCOMPARE(m_window->findChildren<QMenu *>(QStringLiteral("roomMenu")).size(), 1);
        QVERIFY(m_chat->isHostingOnNetwork());
        QCOMPARE(m_chat->invitation(), link);
        QVERIFY(online(m_chat->client()));
        QTRY_VERIFY(userTexts(m_chat->client()).contains(QStringLiteral("hosted")));
        QTRY_VERIFY(m_chat->panel()->notice().contains(link));

        QVERIFY(m_chat->leaveRoom());
        m_chat.reset();
        startChat();
        QVERIFY(!m_chat->isHostingOnNetwork());
        QVERIFY(!m_chat->savedHostOptions());
        QCOMPARE(m_chat->embeddedRoom()->join().host, QStringLiteral("127.0.0.1"));
        QVERIFY(m_chat->invitation().isEmpty());
        QVERIFY(online(m_chat->client()));
    }

    // With TLS: the certificate paths are remembered too and the room comes back as wss://
    // (this app's own client trusts its own certificate). When the files are gone at the
    // next start, the room stays on this computer only and the panel says why.
    void tlsHostingIsRememberedAndMissingCertificateIsExplained()
    {
        const QString certPath = m_profile->dataDir() + QStringLiteral("/host-cert.pem");
        const QString keyPath = m_profile->dataDir() + QStringLiteral("/host-key.pem");
        for (const auto &[path, pem] :
            { std::pair { certPath, kTestCertPem }, std::pair { keyPath, kTestKeyPem } }) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(pem).trimmed() + '\n');
        }
        startChat();
        QVERIFY(online(m_chat->client()));
        // Unreadable files: a clear error, nothing remembered, the chat keeps working.
        QVERIFY(!m_chat->hostRoom({ QHostAddress(QStringLiteral("127.0.0.1")), 0, certPath,
            m_profile->dataDir() + QStringLiteral("/nope.pem") }));
        QVERIFY(!m_chat->savedHostOptions());
        QVERIFY(online(m_chat->client()));

        QVERIFY(
            m_chat->hostRoom({ QHostAddress(QStringLiteral("127.0.0.1")), 0, certPath, keyPath }));
        const QString link = m_chat->invitation();
        QVERIFY2(link.contains(QStringLiteral("tls=1")), qPrintable(link));
        QVERIFY(online(m_chat->client()));
        QCOMPARE(m_chat->client()->config().url.scheme(), QStringLiteral("wss"));

        m_chat.reset();
        startChat();
        QVERIFY(m_chat->isHostingOnNetwork());
        QCOMPARE(m_chat->invitation(), link);
        QVERIFY(online(m_chat->client()));
        const auto saved = m_chat->savedHostOptions();
        QVERIFY(saved);
        QCOMPARE(saved->tlsCert, certPath);
        QCOMPARE(saved->tlsKey, keyPath);

        m_chat.reset();
        QVERIFY(QFile::remove(certPath));
        startChat();
        QVERIFY(!m_chat->isHostingOnNetwork());
        QVERIFY(m_chat->invitation().isEmpty());
        QVERIFY(online(m_chat->client())); // on 127.0.0.1
        QTRY_VERIFY2(m_chat->panel()->notice().contains(
                         QStringLiteral("could not be opened to the network")),
            qPrintable(m_chat->panel()->notice()));
        QVERIFY(m_chat->savedHostOptions()); // tried again next time
    }
};

QTEST_MAIN(TstChatWindow)
#include "tst_chatwindow.moc"
