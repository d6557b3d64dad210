// Settings → Accounts → "Add CalDAV account" against a real Radicale (Debian package, 127.0.0.1,
// free port): the presets (iCloud's fixed server and where to make an app-specific password),
// a wrong password said in plain words with nothing kept, a working sign-in saving the account
// with its calendar home and the password only in the vault, the reconnect banner of a CalDAV
// account opening the same dialog, and a screenshot of the dialog for a person to look at
// (KAIROS_SCREENSHOT_DIR).
#include "auth/accountmanager.h"
#include "auth/tokenset.h"
#include "auth/tokenvault.h"
#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "mainwindow.h"
#include "settings/accountspage.h"
#include "settings/caldavaccountdialog.h"
#include "settings/reconnectbanner.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/davserver.h"
#include "support/inmemoryvault.h"
#include "support/testenv.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTreeWidget>

using namespace kairos;
using namespace kairos::test;

class TstCalDavUi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_server = std::make_unique<DavServer>(DavServer::Kind::Radicale);
        const QString started = m_server->start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QVERIFY(m_server->makeCalendar(QStringLiteral("work"), QStringLiteral("Work")));
    }
    void init()
    {
        m_home = std::make_unique<TempHome>();
        m_profile = std::make_unique<Profile>(QStringLiteral("davui"));
        QVERIFY(m_profile->ensureDirs());
        auto db = Database::open(m_profile->databasePath(), m_profile->backupDir(),
            QStringLiteral("davui%1").arg(++m_run));
        QVERIFY(db);
        m_db = std::move(db.value());
        m_calendar = std::make_unique<CalendarService>(*m_db, QTimeZone("Europe/Madrid"));
        m_vault = std::make_unique<InMemoryVault>();
        m_manager = std::make_unique<AccountManager>(*m_profile, m_calendar->store(), *m_vault);
    }
    void cleanup()
    {
        m_window.reset();
        m_manager.reset();
        m_vault.reset();
        m_calendar.reset();
        m_db.reset();
        m_profile.reset();
        m_home.reset();
    }

    void presets()
    {
        CalDavAccountDialog dialog(*m_manager, QString());
        dialog.show();
        auto *service = dialog.findChild<QComboBox *>(QStringLiteral("serviceCombo"));
        auto *server = dialog.findChild<QLineEdit *>(QStringLiteral("serverEdit"));
        auto *help = dialog.findChild<QLabel *>(QStringLiteral("helpLabel"));
        auto *connectButton = dialog.findChild<QPushButton *>(QStringLiteral("connectButton"));
        QVERIFY(service && server && help && connectButton);
        QCOMPARE(service->count(), 4);
        service->setCurrentIndex(service->findData(QStringLiteral("icloud")));
        QCOMPARE(server->text(), QStringLiteral("https://caldav.icloud.com/"));
        QVERIFY(server->isReadOnly());
        QVERIFY(help->text().contains(QLatin1String("https://support.apple.com/")));
        QVERIFY(help->text().contains(QLatin1String("app-specific password")));
        QVERIFY(help->openExternalLinks());
        QVERIFY(!connectButton->isEnabled()); // no Apple ID / password yet
        service->setCurrentIndex(service->findData(QStringLiteral("fastmail")));
        QCOMPARE(server->text(), QStringLiteral("https://caldav.fastmail.com/"));
        service->setCurrentIndex(service->findData(QStringLiteral("nextcloud")));
        QVERIFY(server->text().isEmpty());
        QVERIFY(!server->isReadOnly());
        QVERIFY(server->placeholderText().contains(QLatin1String("https://")));
        service->setCurrentIndex(service->findData(QStringLiteral("icloud")));
        dialog.findChild<QLineEdit *>(QStringLiteral("userEdit"))
            ->setText(QStringLiteral("ann@icloud.com"));
        dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))
            ->setText(QStringLiteral("abcd-efgh-ijkl-mnop"));
        QVERIFY(connectButton->isEnabled());
        const QString dir = qEnvironmentVariable("KAIROS_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            QDir().mkpath(dir);
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/caldav-dialog-icloud.png")));
            service->setCurrentIndex(service->findData(QStringLiteral("nextcloud")));
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/caldav-dialog-nextcloud.png")));
        }
    }

    void wrongPasswordKeepsNothing()
    {
        CalDavAccountDialog dialog(*m_manager, QString());
        dialog.setDnsLookup(false);
        dialog.show();
        fill(dialog, QStringLiteral("other"), m_server->baseUrl().toString(), m_server->user(),
            QStringLiteral("wrong"));
        auto *status = dialog.findChild<QLabel *>(QStringLiteral("statusLabel"));
        QTRY_VERIFY_WITH_TIMEOUT(
            status->text().contains(QLatin1String("refused the user name or password")), 20000);
        QVERIFY(dialog.isVisible());
        QVERIFY(m_manager->accounts().isEmpty());
        QVERIFY(m_vault->keys().isEmpty());
    }

    void connectsAndSaves()
    {
        AccountsPage page(*m_manager);
        page.show();
        auto *add = page.findChild<QPushButton *>(QStringLiteral("connectCalDavButton"));
        QVERIFY(add && add->isEnabled());
        add->click();
        auto *dialog = page.findChild<CalDavAccountDialog *>();
        QVERIFY(dialog);
        dialog->setDnsLookup(false);
        fill(*dialog, QStringLiteral("other"), m_server->baseUrl().toString(), m_server->user(),
            m_server->password());
        QTRY_COMPARE_WITH_TIMEOUT(m_manager->accounts().size(), 1, 20000);
        const Account a = m_manager->accounts().first();
        QVERIFY(a.provider == Provider::CalDav);
        QCOMPARE(a.email, m_server->user());
        QCOMPARE(QUrl(a.serverUrl).path(), m_server->calendarHomeUrl().path());
        // The password is in the vault only: not in the database file.
        QCOMPARE(
            m_vault->keys(), QStringList { ITokenVault::tokenKey(QStringLiteral("caldav"), a.id) });
        QFile file(m_profile->databasePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(m_server->password().toUtf8()));
        auto *list = page.findChild<QTreeWidget *>(QStringLiteral("accountList"));
        QVERIFY(list);
        QTRY_COMPARE(list->topLevelItemCount(), 1);
        QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("CalDAV"));
        QTRY_VERIFY(page.findChild<CalDavAccountDialog *>() == nullptr); // closed when done
    }

    void bannerReconnectAsksForPassword()
    {
        // An account whose password the server refused: the banner says so, and Reconnect
        // opens the CalDAV dialog for it (no browser).
        Account a;
        a.id = QStringLiteral("dav-1");
        a.provider = Provider::CalDav;
        a.email = m_server->user();
        a.serverUrl = m_server->calendarHomeUrl().toString();
        a.status = Account::Status::NeedsReconnect;
        a.statusReason = QStringLiteral("invalid_credentials");
        QVERIFY(m_calendar->store().saveAccount(a));
        m_manager = std::make_unique<AccountManager>(*m_profile, m_calendar->store(), *m_vault);
        m_window = std::make_unique<MainWindow>(*m_calendar, *m_profile);
        m_window->setAccountManager(m_manager.get());
        m_window->show();
        ReconnectBanner *banner = m_window->reconnectBanner();
        QVERIFY(banner);
        QTRY_VERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(QLatin1String("CalDAV")));
        QVERIFY(banner->text().contains(QLatin1String("refused the password")));
        banner->findChild<QPushButton *>(QStringLiteral("bannerReconnectButton"))->click();
        CalDavAccountDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<CalDavAccountDialog *>()) != nullptr);
        auto *user = dialog->findChild<QLineEdit *>(QStringLiteral("userEdit"));
        QCOMPARE(user->text(), m_server->user());
        QVERIFY(user->isReadOnly());
        dialog->setDnsLookup(false);
        dialog->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))
            ->setText(m_server->password());
        dialog->findChild<QPushButton *>(QStringLiteral("connectButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_manager->account(a.id)->status == Account::Status::Connected, 20000);
        QTRY_VERIFY(!banner->isVisible());
        QCOMPARE(m_manager->accounts().size(), 1);
    }

private:
    void fill(CalDavAccountDialog &dialog, const QString &service, const QString &server,
        const QString &user, const QString &password)
    {
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("serviceCombo"));
        combo->setCurrentIndex(combo->findData(service));
        dialog.findChild<QLineEdit *>(QStringLiteral("serverEdit"))->setText(server);
        dialog.findChild<QLineEdit *>(QStringLiteral("userEdit"))->setText(user);
        dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(password);
        auto *button = dialog.findChild<QPushButton *>(QStringLiteral("connectButton"));
        QVERIFY(button->isEnabled());
        button->click();
    }

    std::unique_ptr<DavServer> m_server;
    std::unique_ptr<TempHome> m_home;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CalendarService> m_calendar;
    std::unique_ptr<InMemoryVault> m_vault;
    std::unique_ptr<AccountManager> m_manager;
    std::unique_ptr<MainWindow> m_window;
    int m_run = 0;
};

QTEST_MAIN(TstCalDavUi)
#include "tst_caldavui.moc"
