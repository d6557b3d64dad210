// Accounts in the desktop app: the Settings → Accounts tab, the reconnect banner, disconnect
// confirmation and the "no keychain" message, against the fake OAuth server and an in-memory
// vault.
#include "../auth/authfixture.h"
#include "auth/accountmanager.h"
#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "settings/reconnectbanner.h"
#include "settings/settingsdialog.h"
#include "store/database.h"
#include "support/inmemoryvault.h"
#include "support/mockclock.h"
#include "support/testenv.h"

#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace kairos;
using namespace kairos::test;

class TstAccountsUi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void settingsHasAccountsTab();
    void needsReconnectShowsBannerAndReconnectRunsFlow();
    void dismissHidesBanner();
    void disconnectAsksForConfirmation();
    void noKeychainServiceIsSaid();

private:
    Expected<Account> connectGoogle();
    SettingsDialog *openAccounts();

    std::unique_ptr<TempHome> m_home;
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CalendarService> m_calendar;
    std::unique_ptr<InMemoryVault> m_vault;
    std::unique_ptr<fake::FakeOAuthServer> m_google;
    std::unique_ptr<fake::FakeBrowser> m_browser;
    std::unique_ptr<AccountManager> m_manager;
    std::unique_ptr<MainWindow> m_window;
    int m_run = 0;
};

void TstAccountsUi::init()
{
    m_home = std::make_unique<TempHome>();
    m_clock = std::make_unique<MockClock>(QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC));
    m_profile = std::make_unique<Profile>(QStringLiteral("acc"));
    QVERIFY(m_profile->ensureDirs());
    auto db = Database::open(
        m_profile->databasePath(), m_profile->backupDir(), QStringLiteral("acc%1").arg(++m_run));
    QVERIFY(db);
    m_db = std::move(db.value());
    m_calendar = std::make_unique<CalendarService>(*m_db, QTimeZone("Europe/Madrid"));
    QVERIFY(m_calendar->ensureLocalCalendar(QStringLiteral("My calendar")));
    m_vault = std::make_unique<InMemoryVault>();
    m_google = std::make_unique<fake::FakeOAuthServer>(Provider::Google);
    m_google->setEmail(QStringLiteral("ann@example.com"));
    QVERIFY(m_google->listen());
    m_browser = std::make_unique<fake::FakeBrowser>();
    m_manager = std::make_unique<AccountManager>(*m_profile, m_calendar->store(), *m_vault);
    m_manager->setProviderConfig(configFor(*m_google));
    m_manager->setFlowTimeouts(3000, 1500);
    connect(m_manager.get(), &AccountManager::authorizeWithBrowser, m_browser.get(),
        [this](const QUrl &u) { m_browser->open(u); });
    m_window = std::make_unique<MainWindow>(*m_calendar, *m_profile);
    m_window->setAccountManager(m_manager.get());
    m_window->resize(1100, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TstAccountsUi::cleanup()
{
    m_window.reset();
    m_manager.reset();
    m_browser.reset();
    m_google.reset();
    m_vault.reset();
    m_calendar.reset();
    m_db.reset();
    m_profile.reset();
    m_clock.reset();
    m_home.reset();
}

Expected<Account> TstAccountsUi::connectGoogle()
{
    std::optional<Expected<Account>> result;
    QObject ctx;
    connect(m_manager.get(), &AccountManager::connectFinished, &ctx,
        [&result](const Expected<Account> &r) { result = r; });
    m_manager->connectProvider(Provider::Google);
    QDeadlineTimer deadline(8000);
    while (!result && !deadline.hasExpired())
        QTest::qWait(5);
    if (!result)
        return makeError(Error::Code::Internal, QStringLiteral("no connectFinished"));
    return *result;
}

SettingsDialog *TstAccountsUi::openAccounts()
{
    auto *action = m_window->findChild<QAction *>(QStringLiteral("accountsAction"));
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    const auto dialogs = m_window->findChildren<SettingsDialog *>(QStringLiteral("settingsDialog"));
    return dialogs.isEmpty() ? nullptr : dialogs.last();
}

void TstAccountsUi::settingsHasAccountsTab()
{
    SettingsDialog *dialog = openAccounts();
    QVERIFY(dialog);
    QWidget *page = dialog->findChild<QWidget *>(QStringLiteral("accountsPage"));
    QVERIFY(page);
    QCOMPARE(dialog->tabs()->currentWidget(), page);
    QCOMPARE(dialog->tabs()->tabText(dialog->tabs()->indexOf(page)), QStringLiteral("Accounts"));
    auto *google = page->findChild<QPushButton *>(QStringLiteral("connectGoogleButton"));
    QVERIFY(google && google->isEnabled());
    // Outlook is not configured in this build: disabled, and it says why.
    auto *outlook = page->findChild<QPushButton *>(QStringLiteral("connectMicrosoftButton"));
    QVERIFY(outlook && !outlook->isEnabled());
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("microsoftUnavailableLabel"))->isVisible());
    // Banner hidden while nothing needs reconnecting.
    QVERIFY(!m_window->reconnectBanner()->isVisible());
    dialog->reject();
}

void TstAccountsUi::needsReconnectShowsBannerAndReconnectRunsFlow()
{
    const auto a = connectGoogle();
    QVERIFY2(a, a ? "" : qPrintable(a.error().message));
    ReconnectBanner *banner
        = m_window->findChild<ReconnectBanner *>(QStringLiteral("reconnectBanner"));
    QVERIFY(banner);
    QVERIFY(!banner->isVisible());

    // The refresh token is revoked at the provider; the next call finds out.
    m_google->revokeAllRefreshTokens();
    m_clock->advanceSecs(2 * 3600);
    auto call = m_manager->client()->get(a->id, QUrl(QStringLiteral("ping")));
    QTRY_VERIFY(call.isFinished());
    QTRY_VERIFY(banner->isVisible());
    const QString text
        = banner->findChild<QLabel *>(QStringLiteral("reconnectBannerLabel"))->text();
    QVERIFY2(text.contains(QStringLiteral("Your Google account ann@example.com needs to be "
                                          "reconnected: access was revoked or has expired")),
        qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("invalid_grant"))); // plain words, not the machine text
    QCOMPARE(banner->accountId(), a->id);

    const int exchanges = m_google->codeExchanges();
    auto *reconnect = banner->findChild<QPushButton *>(QStringLiteral("bannerReconnectButton"));
    QVERIFY(reconnect->isVisible() && reconnect->isEnabled());
    QTest::mouseClick(reconnect, Qt::LeftButton);
    QTRY_COMPARE(m_google->codeExchanges(), exchanges + 1);
    QTRY_COMPARE(int(m_manager->account(a->id)->status), int(Account::Status::Connected));
    QTRY_VERIFY(!banner->isVisible());
    QCOMPARE(m_manager->accounts().size(), 1); // same account, data kept
}

void TstAccountsUi::dismissHidesBanner()
{
    const auto a = connectGoogle();
    QVERIFY(a);
    m_google->revokeAllRefreshTokens();
    m_clock->advanceSecs(2 * 3600);
    auto call = m_manager->client()->get(a->id, QUrl(QStringLiteral("ping")));
    QTRY_VERIFY(call.isFinished());
    ReconnectBanner *banner = m_window->reconnectBanner();
    QTRY_VERIFY(banner->isVisible());
    QTest::mouseClick(
        banner->findChild<QPushButton *>(QStringLiteral("bannerDismissButton")), Qt::LeftButton);
    QVERIFY(!banner->isVisible());
}

void TstAccountsUi::disconnectAsksForConfirmation()
{
    const auto a = connectGoogle();
    QVERIFY(a);
    SettingsDialog *dialog = openAccounts();
    QVERIFY(dialog);
    auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("accountList"));
    QTRY_COMPARE(list->topLevelItemCount(), 1);
    list->topLevelItem(0)->setSelected(true);
    auto *disconnect = dialog->findChild<QPushButton *>(QStringLiteral("disconnectButton"));
    QVERIFY(disconnect->isEnabled());

    const int asked = MessageBox::callCount();
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(disconnect, Qt::LeftButton);
    QCOMPARE(MessageBox::callCount(), asked + 1);
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("ann@example.com")));
    QTest::qWait(50);
    QCOMPARE(m_manager->accounts().size(), 1);
    QCOMPARE(m_google->revocations(), 0);

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(disconnect, Qt::LeftButton);
    QTRY_VERIFY(m_manager->accounts().isEmpty());
    QTRY_COMPARE(list->topLevelItemCount(), 0);
    QCOMPARE(m_google->revocations(), 1);
    QVERIFY(m_vault->keys().isEmpty());
    dialog->reject();
}

void TstAccountsUi::noKeychainServiceIsSaid()
{
    const auto a = connectGoogle();
    QVERIFY(a);
    m_vault->setUnavailable(true);
    ReconnectBanner *banner = m_window->reconnectBanner();
    banner->probeKeychain(*m_vault);
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("No keychain service answered")),
        qPrintable(banner->text()));
    QVERIFY(
        !banner->findChild<QPushButton *>(QStringLiteral("bannerReconnectButton"))->isVisible());
}

QTEST_MAIN(TstAccountsUi)
#include "tst_accountsui.moc"
