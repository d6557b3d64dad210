#include "desktopapp.h"

#include "aboutdialog.h"
#include "auth/accountmanager.h"
#include "auth/tokenvault.h"
#include "calendar/calendarservice.h"
#include "calendar/monthview.h"
#include "calendar/reminderservice.h"
#include "calendar/timegridview.h"
#include "chat/chatcontroller.h"
#include "chat/chatpanel.h"
#include "core/autostart.h"
#include "core/logging.h"
#include "core/platform.h"
#include "core/profile.h"
#include "ics/recurrence.h"
#include "mainwindow.h"
#include "notify/notifier.h"
#include "reminders/reminderscontroller.h"
#include "settings/calendarspage.h"
#include "settings/reconnectbanner.h"
#include "settings/settingsdialog.h"
#include "singleinstance.h"
#include "store/database.h"
#include "sync/syncengine.h"
#include "team/findtimecontroller.h"
#include "team/teamcontroller.h"
#include "tray/traycontroller.h"

#include <QApplication>
#include <QCommandLineParser>
#ifdef KAIROS_HAVE_DBUS
#include <QDBusConnection>
#endif
#include <QDesktopServices>
#include <QDir>
#include <QFile>
#include <QFileOpenEvent>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QNetworkInformation>
#include <QSettings>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QToolBar>
#include <QTranslator>

#include <cstdio>
#include <functional>

#if KAIROS_PLATFORM_LINUX
#include <ctime>
#include <unistd.h>
#else
#include <QElapsedTimer>
#endif

namespace kairos {

namespace {

void installTranslations(QApplication &app, const QString &lang)
{
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    auto *ours = new QTranslator(&app);
    // Any language without a translation gets English (its .qm carries the plural forms, so
    // "%n event(s)" reads "1 event" / "2 events" even in the C locale).
    if (ours->load(locale, QStringLiteral("kairos"), QStringLiteral("_"), QStringLiteral(":/i18n"))
        || ours->load(QStringLiteral("kairos_en"), QStringLiteral(":/i18n")))
        app.installTranslator(ours);
}

#if KAIROS_PLATFORM_LINUX
//! Milliseconds since the kernel started this process. /proc/self/stat field 22 (starttime,
//! clock ticks since boot) is compared with CLOCK_BOOTTIME, the clock it is taken on. This is
//! more honest than a QElapsedTimer at the top of main(): it also counts exec, dynamic linking
//! of Qt and static initialisers. The price is the tick resolution (10 ms at USER_HZ = 100).
qint64 msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may contain spaces and parentheses: split after the last ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const qint64 startTicks = fields.at(19).toLongLong(); // field 22
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const qint64 nowMs = qint64(now.tv_sec) * 1000 + now.tv_nsec / 1000000;
    return nowMs - startTicks * 1000 / sysconf(_SC_CLK_TCK);
}

qint64 residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // readAll, not atEnd()/readLine(): /proc files report size 0, so atEnd() is true at once.
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}
#else
//! Elsewhere: from this file's static initialisation, so exec and dynamic linking are not
//! counted (the figures are not comparable with Linux's; tests/bench/startup.sh runs on Linux).
const QElapsedTimer &processTimer()
{
    static const QElapsedTimer timer = []() {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer;
}
[[maybe_unused]] const bool s_processTimerStarted = processTimer().isValid();

qint64 msSinceProcessStart()
{
    return processTimer().elapsed();
}

//! Not measured here: -1 tells the benchmark there is no figure.
qint64 residentKb()
{
    return -1;
}
#endif

//! KAIROS_BENCH_FIRST_PAINT=1: after the calendar view's first paint has completed (the timer
//! fires once the backing-store sync that sent the paint event, flush included, has returned),
//! print the figures and exit.
class FirstPaintProbe final : public QObject {
public:
    using QObject::QObject;
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_fired) {
            m_fired = true;
            QTimer::singleShot(0, qApp, []() {
                const qint64 ms = msSinceProcessStart();
                std::printf("first-paint-ms %lld\nrss-kb %lld\n", static_cast<long long>(ms),
                    static_cast<long long>(residentKb()));
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    bool m_fired = false;
};

//! macOS hands a clicked kairos:// link to the running app as a QFileOpenEvent (the bundle's
//! CFBundleURLTypes); Linux and Windows start the app with the link as its argument.
class InviteLinkOpener final : public QObject {
public:
    explicit InviteLinkOpener(std::function<void(const QString &)> open, QObject *parent)
        : QObject(parent)
        , m_open(std::move(open))
    { }
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::FileOpen) {
            const QUrl url = static_cast<QFileOpenEvent *>(event)->url();
            if (url.scheme() == QLatin1String("kairos")) {
                m_open(url.toString());
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void(const QString &)> m_open;
};

} // namespace

int runDesktopApp(QApplication &app)
{
    QApplication::setApplicationName(QStringLiteral("Kairos"));
    QApplication::setOrganizationName(QStringLiteral("Kairos"));
    QApplication::setApplicationDisplayName(QStringLiteral("Kairos"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.kairos.Kairos"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/kairos.svg")));
    QApplication::setApplicationVersion(QStringLiteral(KAIROS_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kairos — team chat and calendars"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({ QStringLiteral("profile"),
        QStringLiteral("Use a separate profile (data, settings, keychain entries)."),
        QStringLiteral("NAME"), Profile::defaultName() });
    parser.addOption({ QStringLiteral("lang"), QStringLiteral("User interface language (en, es)."),
        QStringLiteral("LANG") });
    parser.addPositionalArgument(QStringLiteral("link"),
        QStringLiteral("A kairos:// invite link: opens Join a Room with it filled in."),
        QStringLiteral("[kairos://HOST:PORT/ROOM?invite=KEY]"));
    parser.process(app);

    installTranslations(app, parser.value(QStringLiteral("lang")));

    const QString profileName = parser.value(QStringLiteral("profile"));
    if (!Profile::isValidName(profileName)) {
        QMessageBox::critical(nullptr, QObject::tr("Kairos"),
            QObject::tr("“%1” is not a valid profile name. Use letters, digits, "
                        "dots, dashes and underscores.")
                .arg(profileName));
        return 2;
    }
    static Profile profile(profileName);
    if (auto r = profile.ensureDirs(); !r) {
        QMessageBox::critical(nullptr, QObject::tr("Kairos"),
            QObject::tr("Kairos cannot create its data folder:\n%1\n\nCheck "
                        "that the disk is not full and that you may write there.")
                .arg(profile.dataDir()));
        return 1;
    }

    // A kairos:// link from the desktop (x-scheme-handler, the Windows registry) or the
    // command line. With Kairos already running on this profile, the link goes to that window
    // and this start ends.
    QString inviteLink;
    const QStringList positional = parser.positionalArguments();
    for (const QString &arg : positional) {
        if (arg.startsWith(QLatin1String("kairos:"), Qt::CaseInsensitive))
            inviteLink = arg;
        else
            qCWarning(lcApp) << "ignoring argument" << arg << "(not a kairos:// link)";
    }
    SingleInstance instance(profile.dataDir());
    if (instance.forward(inviteLink))
        return 0;
    if (auto r = instance.listen(); !r)
        qCWarning(lcApp) << "a second start will open a second window:" << r.error().message;

    auto opened
        = Database::open(profile.databasePath(), profile.backupDir(), QStringLiteral("main"));
    if (!opened) {
        QMessageBox::critical(nullptr, QObject::tr("Kairos"),
            QObject::tr("Kairos cannot open its database:\n%1\n\n%2")
                .arg(profile.databasePath(), opened.error().message));
        return 1;
    }
    std::unique_ptr<Database> db = std::move(opened.value());

    CalendarService calendar(*db, profile.timeZone());
    calendar.ensureLocalCalendar(QObject::tr("My calendar"));
    // Series show every occurrence (RRULE / RDATE / EXDATE through libical).
    ics::installRecurrenceExpander(calendar);

    // Accounts: tokens only in the OS keychain; the system browser does the sign-in.
    QtKeychainVault vault(profile);
    AccountManager accounts(profile, calendar.store(), vault);
    accounts.setSuccessPage(QObject::tr("Kairos is connected — you can close this tab"));
    QObject::connect(&accounts, &AccountManager::authorizeWithBrowser, &app,
        [](const QUrl &url) { QDesktopServices::openUrl(url); });
    // A disconnected account takes its calendars and events with it.
    QObject::connect(&accounts, &AccountManager::accountsChanged, &calendar,
        &CalendarService::notifyCalendarsChanged);

    // Calendar sync: one engine for every connected account, through the manager's client.
    SyncEngine sync(*db, *accounts.client());
    sync.setCalendarService(&calendar);
    auto reconcileAccounts = [&sync, &accounts]() {
        const QList<Account> list = accounts.accounts();
        QStringList present;
        QStringList added;
        for (const Account &a : list) {
            present.append(a.id);
            if (!sync.accountIds().contains(a.id)) {
                sync.addAccount(a);
                added.append(a.id);
            }
        }
        const QStringList known = sync.accountIds();
        for (const QString &id : known) {
            if (!present.contains(id))
                sync.removeAccount(id);
        }
        return added;
    };
    reconcileAccounts();
    QObject::connect(
        &accounts, &AccountManager::accountsChanged, &sync, [&sync, reconcileAccounts]() {
            const QStringList added = reconcileAccounts();
            for (const QString &id : added)
                sync.syncAccount(id);
        });

    MainWindow window(calendar, profile);
    window.setAccountManager(&accounts);
    window.setSyncEngine(&sync);
    // Sync when the window comes to the front (the engine skips it when a run is recent).
    QObject::connect(&app, &QGuiApplication::applicationStateChanged, &sync,
        [&sync](Qt::ApplicationState state) {
            if (state == Qt::ApplicationActive)
                sync.onApplicationActivated();
        });
    // The first sync and the network watch start after the first paint: start-up stays fast.
    QTimer::singleShot(0, &sync, [&sync]() {
        sync.syncNow();
        if (QNetworkInformation::loadBackendByFeatures(
                QNetworkInformation::Feature::Reachability)) {
            QObject::connect(QNetworkInformation::instance(),
                &QNetworkInformation::reachabilityChanged, &sync,
                [&sync](QNetworkInformation::Reachability r) {
                    if (r == QNetworkInformation::Reachability::Online)
                        sync.onNetworkOnline();
                });
        }
    });
    // The team room: the configured one, else a room hosted in-process on 127.0.0.1. Started
    // once the window is up so that the first paint does not wait for it.
    ChatController chat(&window, profile, &vault);
    chat.setCalendar(&calendar);
    // Find a time, booking and the meeting proposal cards of the current room.
    FindTimeController findTime(calendar, &window);
    findTime.setSyncEngine(&sync);
    // The Book buttons on the chat's availability answers use the same booking flow.
    chat.setBookingFlow(findTime.bookingFlow());
    QObject::connect(&chat, &ChatController::roomChanged, &findTime,
        [&findTime, &chat]() { findTime.setRoom(chat.client(), chat.panel()); });
    QObject::connect(findTime.proposalActions(), &ProposalActions::statusMessage, &window,
        [&window](const QString &text, int ms) { window.statusBar()->showMessage(text, ms); });
    if (QMenu *roomMenu = chat.roomMenu()) {
        roomMenu->insertAction(roomMenu->actions().value(0), findTime.action());
        roomMenu->insertSeparator(roomMenu->actions().value(1));
    }
    if (auto *bar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))) {
        bar->addSeparator();
        bar->addAction(findTime.action());
    }
    // Availability: this user's busy times (never titles) go to the room, everyone's come back
    // for the group view and Find a time; Settings → Availability holds the working hours.
    TeamController team(&window, &chat, &calendar, profile);
    auto shareAccountEmail = [&team, &accounts]() {
        const QList<Account> list = accounts.accounts();
        team.settings()->setEmail(list.isEmpty() ? QString() : list.first().email);
    };
    shareAccountEmail();
    QObject::connect(&accounts, &AccountManager::accountsChanged, &team, shareAccountEmail);
    // Find a time reads the room's shared availability (and this user's own, built locally).
    findTime.setMemberSource(
        [&team]() { return FindTimeController::membersFrom(team.availability()->members()); });
    QObject::connect(team.availability(), &team::TeamAvailability::changed, &findTime,
        &FindTimeController::membersChanged);
    QTimer::singleShot(0, &chat, [&chat]() { chat.start(); });
    addHelpMenu(&window);

    auto openInvite = [&window, &chat](const QString &link) {
        window.show();
        window.raise();
        window.activateWindow();
        if (!link.isEmpty())
            chat.openInviteLink(link);
    };
    if (!inviteLink.isEmpty())
        QTimer::singleShot(0, &chat, [openInvite, inviteLink]() { openInvite(inviteLink); });
    QObject::connect(&instance, &SingleInstance::messageReceived, &window,
        [openInvite, &window](const QString &link) {
            QTimer::singleShot(0, &window, [openInvite, link]() { openInvite(link); });
        });
    app.installEventFilter(new InviteLinkOpener(openInvite, &window));
    QTimer::singleShot(0, &window, [&window, &vault]() {
        if (ReconnectBanner *banner = window.reconnectBanner())
            banner->probeKeychain(vault);
    });
    // The tray: today's next event, unread messages, Open, Quit; closing the window keeps
    // Kairos running there (when the desktop has a tray).
    const std::unique_ptr<QSettings> traySettings = profile.settings();
    TrayController tray(window, calendar, *traySettings, QSystemTrayIcon::isSystemTrayAvailable());
    if (auto *quit = window.findChild<QAction *>(QStringLiteral("quitAction"))) {
        QObject::disconnect(quit, nullptr, &window, nullptr);
        QObject::connect(quit, &QAction::triggered, &tray, &TrayController::quit);
    }
    auto followUnread = [&chat, &tray]() {
        if (ChatPanel *panel = chat.panel()) {
            QObject::connect(panel, &ChatPanel::unreadCountChanged, &tray,
                &TrayController::setUnreadCount, Qt::UniqueConnection);
            tray.setUnreadCount(panel->unreadCount());
        }
    };
    followUnread();
    QObject::connect(&chat, &ChatController::roomChanged, &tray, followUnread);

    // Settings → Calendar & reminders offers starting at login (XDG autostart on Linux).
    QString command = QCoreApplication::applicationFilePath();
    if (command.contains(QLatin1Char(' ')))
        command = QLatin1Char('"') + command + QLatin1Char('"');
    if (profile.name() != Profile::defaultName())
        command += QStringLiteral(" --profile ") + profile.name();
    const std::unique_ptr<Autostart> autostart = Autostart::platform(command);
    QObject::connect(
        &window, &MainWindow::settingsOpening, &window, [&autostart](SettingsDialog *dialog) {
            if (auto *page = dialog->findChild<CalendarsPage *>(QStringLiteral("calendarsPage")))
                page->setAutostart(autostart.get());
        });

    // Reminders: one timer in the core; notifications through the desktop's notification
    // service (or the reminders window). Started after the first paint.
    ReminderService reminders(calendar);
    std::unique_ptr<Notifier> notifier;
    std::unique_ptr<RemindersController> remindersUi;
    QTimer::singleShot(0, &window, [&]() {
        notifier = Notifier::create(tray.trayIcon());
        remindersUi
            = std::make_unique<RemindersController>(reminders, calendar, notifier.get(), &window);
        QObject::connect(remindersUi.get(), &RemindersController::openEvent, &window,
            [&window](const QString &id, const QDateTime &start) {
                window.showNormal();
                window.raise();
                window.activateWindow();
                window.openEvent(id, start);
            });
        if (auto *view = window.findChild<QMenu *>(QStringLiteral("viewMenu"))) {
            view->addSeparator();
            view->addAction(remindersUi->showAction());
        }
        if (auto r = reminders.start(); !r)
            qCWarning(lcApp) << "reminders could not start:" << r.error().message;
#ifdef KAIROS_HAVE_DBUS
        // After a suspend, say at once what came due while asleep (logind's PrepareForSleep
        // false); without logind the service's own timer finds it within a minute.
        QDBusConnection::systemBus().connect(QStringLiteral("org.freedesktop.login1"),
            QStringLiteral("/org/freedesktop/login1"),
            QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("PrepareForSleep"),
            &reminders, SLOT(check()));
#endif
    });
    if (qEnvironmentVariable("KAIROS_BENCH_FIRST_PAINT") == QLatin1String("1")) {
        auto *probe = new FirstPaintProbe(&window);
        window.timeGrid()->viewport()->installEventFilter(probe);
        window.monthView()->installEventFilter(probe);
    }
    window.show();

    const Database::OpenReport report = db->openReport();
    if (report.recovered) {
        QTimer::singleShot(0, &window, [&window, report]() {
            const QString text = report.restoredBackup.isEmpty()
                ? QObject::tr("Your calendar database could not be read, so Kairos started "
                              "with an empty one. The damaged file was kept, untouched, at:\n%1")
                      .arg(QDir::toNativeSeparators(report.quarantinedPath))
                : QObject::tr("Your calendar database could not be read, so Kairos restored "
                              "the latest automatic backup (%1). The damaged file was kept, "
                              "untouched, at:\n%2")
                      .arg(QDir::toNativeSeparators(report.restoredBackup),
                          QDir::toNativeSeparators(report.quarantinedPath));
            QMessageBox box(QMessageBox::Warning, QObject::tr("Database recovered"), text,
                QMessageBox::Ok, &window);
            box.setObjectName(QStringLiteral("databaseRecoveredBox"));
            box.setDetailedText(report.reason);
            box.exec();
        });
    }

    // Keep a daily backup, after the window is up so start-up stays fast.
    QTimer::singleShot(3000, &window, [&db]() {
        if (auto r = db->backupIfOlderThan(24 * 3600); !r)
            qCWarning(lcStore) << "automatic backup failed:" << r.error().message;
    });

    return app.exec();
}

} // namespace kairos
