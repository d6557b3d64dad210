// kairos:// invite links (issue 20): a link handed to the app opens Join a Room filled in and
// joins the room; a second start hands its link to the running instance (SingleInstance, a
// real QLocalServer); Help → About shows the version and the libraries' licences.
#include "aboutdialog.h"
#include "calendar/calendarservice.h"
#include "chat/chatcontroller.h"
#include "core/profile.h"
#include "mainwindow.h"
#include "room/embeddedroom.h"
#include "singleinstance.h"
#include "store/database.h"
#include "support/inmemoryvault.h"
#include "support/testenv.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QtConcurrent>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>

using namespace kairos;
using namespace kairos::room;
using namespace kairos::test;

class TstInviteLinks : public QObject {
    Q_OBJECT

    std::unique_ptr<TempHome> m_home;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CalendarService> m_calendar;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<InMemoryVault> m_vault;

    //! Runs \a check on the modal dialog called \a name once it is up (or fails the test).
    static void onDialog(const QString &name, std::function<void(QDialog *)> check)
    {
        auto *timer = new QTimer(qApp);
        timer->setInterval(10);
        auto tries = std::make_shared<int>(0);
        QObject::connect(timer, &QTimer::timeout, qApp, [=]() {
            auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
            if ((!dialog || dialog->objectName() != name) && ++*tries < 500)
                return;
            timer->stop();
            timer->deleteLater();
            if (dialog && dialog->objectName() == name)
                check(dialog);
        });
        timer->start();
    }

private Q_SLOTS:
    void init()
    {
        m_home = std::make_unique<TempHome>();
        m_profile = std::make_unique<Profile>(QStringLiteral("links"));
        QVERIFY(m_profile->ensureDirs());
        m_profile->settings()->setValue(QStringLiteral("room/name"), QStringLiteral("Ana"));
        auto db = Database::open(
            m_profile->databasePath(), m_profile->backupDir(), QStringLiteral("links"));
        QVERIFY(db);
        m_db = std::move(db.value());
        m_calendar = std::make_unique<CalendarService>(*m_db, QTimeZone("Europe/Madrid"));
        m_window = std::make_unique<MainWindow>(*m_calendar, *m_profile);
        m_vault = std::make_unique<InMemoryVault>();
    }
    void cleanup()
    {
        m_window.reset();
        m_calendar.reset();
        m_db.reset();
        m_profile.reset();
        m_vault.reset();
        m_home.reset();
    }

    void linkOpensJoinDialogFilledInAndJoins()
    {
        ChatController chat(m_window.get(), *m_profile, m_vault.get());
        chat.start();
        m_window->show();
        auto other = EmbeddedRoom::start(
            m_profile->dataDir() + QStringLiteral("/other"), QStringLiteral("crew"));
        QVERIFY(other);
        const QString link = (*other)->join().toString();
        QVERIFY(link.startsWith(QLatin1String("kairos://")));

        QString shownLink;
        QString shownName;
        onDialog(QStringLiteral("joinRoomDialog"), [&](QDialog *dialog) {
            shownLink = dialog->findChild<QLineEdit *>(QStringLiteral("inviteLinkEdit"))->text();
            shownName = dialog->findChild<QLineEdit *>(QStringLiteral("displayNameEdit"))->text();
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
        });
        chat.openInviteLink(QStringLiteral("  ") + link + QStringLiteral("\n"));
        QCOMPARE(shownLink, link);
        QCOMPARE(shownName, QStringLiteral("Ana"));
        QCOMPARE(chat.configuredLink(), link);
        QTRY_VERIFY_WITH_TIMEOUT(
            chat.client() && chat.client()->state() == RoomClient::State::Online, 5000);
        QCOMPARE(chat.client()->selfName(), QStringLiteral("Ana"));
        QVERIFY(!chat.embeddedRoom()); // joined the other room, not the one on this computer
    }

    void badLinkIsRefusedInTheDialog()
    {
        ChatController chat(m_window.get(), *m_profile, m_vault.get());
        chat.start();
        const QString before = chat.configuredLink();
        QString error;
        onDialog(QStringLiteral("joinRoomDialog"), [&](QDialog *dialog) {
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
            auto *label = dialog->findChild<QLabel *>(QStringLiteral("joinError"));
            error = label->isVisible() ? label->text() : QString();
            dialog->reject();
        });
        chat.openInviteLink(QStringLiteral("kairos://host-without-port/room"));
        QCOMPARE(error, QStringLiteral("This is not a Kairos invite link."));
        QCOMPARE(chat.configuredLink(), before);
    }

    void secondStartHandsItsLinkToTheFirst()
    {
        const QString key = m_profile->dataDir();
        SingleInstance first(key);
        QVERIFY(!first.isListening());
        QVERIFY(first.listen());
        QVERIFY(first.isListening());
        QSignalSpy received(&first, &SingleInstance::messageReceived);

        // The second start runs elsewhere (here: a pool thread) and blocks until it is taken.
        const QString link = QStringLiteral("kairos://192.168.1.20:7373/team?invite=abc");
        QFuture<bool> second
            = QtConcurrent::run([key, link]() { return SingleInstance(key).forward(link); });
        QTRY_COMPARE(received.count(), 1);
        QCOMPARE(received.at(0).at(0).toString(), link);
        QTRY_VERIFY(second.isFinished());
        QVERIFY(second.result());

        // A plain start (no link) only asks for the window.
        QFuture<bool> third
            = QtConcurrent::run([key]() { return SingleInstance(key).forward(QString()); });
        QTRY_COMPARE(received.count(), 2);
        QCOMPARE(received.at(1).at(0).toString(), QString());
        QTRY_VERIFY(third.isFinished());
        QVERIFY(third.result());
    }

    void otherProfileIsAnotherInstance()
    {
        SingleInstance first(m_profile->dataDir());
        QVERIFY(first.listen());
        QVERIFY(SingleInstance::serverName(m_profile->dataDir())
            != SingleInstance::serverName(m_profile->dataDir() + QStringLiteral("-other")));
        QVERIFY(!SingleInstance(m_profile->dataDir() + QStringLiteral("-other")).forward({}, 500));
    }

    void aboutShowsVersionAndLicences()
    {
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        QAction *about = addHelpMenu(m_window.get());
        QCOMPARE(about->objectName(), QStringLiteral("aboutAction"));
        auto *help = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("helpMenu"));
        QVERIFY(help);
        QVERIFY(help->actions().contains(about));
        QString version;
        QString libraries;
        onDialog(QStringLiteral("aboutDialog"), [&](QDialog *dialog) {
            version = dialog->findChild<QLabel *>(QStringLiteral("aboutVersion"))->text();
            libraries = dialog->findChild<QTextBrowser *>(QStringLiteral("aboutLibraries"))
                            ->toPlainText();
            dialog->reject();
        });
        about->trigger();
        QVERIFY2(version.contains(QStringLiteral("Kairos 9.8.7")), qPrintable(version));
        for (const AboutDialog::Component &c : AboutDialog::components()) {
            QVERIFY2(libraries.contains(c.name), qPrintable(c.name));
            QVERIFY2(libraries.contains(c.licence), qPrintable(c.licence));
            QVERIFY2(
                !c.version.isEmpty() || c.name == QLatin1String("QtKeychain"), qPrintable(c.name));
        }
        QVERIFY(libraries.contains(QString::fromLatin1(qVersion())));
        QVERIFY(libraries.contains(QStringLiteral("LGPL-3.0-only")));
        QVERIFY(libraries.contains(QStringLiteral("BSD-3-Clause")));
    }
};

QTEST_MAIN(TstInviteLinks)
#include "tst_invitelinks.moc"
