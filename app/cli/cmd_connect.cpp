// kairos-cli connect google|microsoft [--profile NAME]: the loopback OAuth flow from a terminal.
// kairos-cli connect caldav SERVER --user NAME: a CalDAV account; the password is read from
// standard input (never an argument) and stored only in the keychain.
#include "clicommand.h"

#include "auth/accountmanager.h"
#include "auth/tokenvault.h"
#include "core/futures.h"
#include "core/profile.h"
#include "providers/caldav/caldavsignin.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QCommandLineParser>
#include <QProcess>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>

namespace {

void openBrowser(const QUrl &url)
{
    // $BROWSER first (may be a ':'-separated list), then the platform's opener.
    QStringList candidates
        = qEnvironmentVariable("BROWSER").split(QLatin1Char(':'), Qt::SkipEmptyParts);
#if defined(Q_OS_WIN)
    candidates << QStringLiteral("rundll32 url.dll,FileProtocolHandler");
#elif defined(Q_OS_MACOS)
    candidates << QStringLiteral("open");
#else
    candidates << QStringLiteral("xdg-open");
#endif
    for (const QString &c : std::as_const(candidates)) {
        QStringList parts = QProcess::splitCommand(c);
        if (parts.isEmpty() || QStandardPaths::findExecutable(parts.first()).isEmpty())
            continue;
        const QString program = parts.takeFirst();
        if (QProcess::startDetached(program, parts << url.toString(QUrl::FullyEncoded)))
            return;
    }
}

int runConnect(const QStringList &args)
{
    using namespace kairos;
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "cli",
        "Connect a Google or Microsoft calendar account (opens the system browser), or a CalDAV "
        "account (iCloud, Fastmail, Nextcloud, any server): kairos-cli connect caldav SERVER "
        "--user NAME, with the password (an app-specific one where the service has them) on "
        "standard input."));
    p.addHelpOption();
    p.addOption({ QStringLiteral("profile"), QCoreApplication::translate("cli", "Profile name."),
        QStringLiteral("NAME"), Profile::defaultName() });
    p.addOption({ QStringLiteral("no-browser"),
        QCoreApplication::translate("cli", "Only print the URL; do not open a browser.") });
    p.addOption({ QStringLiteral("user"),
        QCoreApplication::translate("cli", "CalDAV: the user name (Apple ID, login)."),
        QStringLiteral("NAME") });
    p.addPositionalArgument(
        QStringLiteral("provider"), QStringLiteral("google | microsoft | caldav"));
    p.addPositionalArgument(QStringLiteral("server"),
        QCoreApplication::translate(
            "cli", "CalDAV: the server (caldav.icloud.com, caldav.fastmail.com, a Nextcloud URL)."),
        QStringLiteral("[server]"));
    p.process(args);

    const auto provider = providerFromString(p.positionalArguments().value(0).toLower());
    const bool password
        = provider && ProviderConfig::load(*provider, {}, {}).usesPassword();
    if (!provider || p.positionalArguments().size() != (password ? 2 : 1)
        || (password && p.value(QStringLiteral("user")).isEmpty())) {
        cli::err(QCoreApplication::translate("cli",
            "kairos-cli connect: say google, microsoft or caldav SERVER --user NAME\n"));
        return 2;
    }
    const QString name = p.value(QStringLiteral("profile"));
    int openFailed = 0;
    auto opened = cli::openProfile(name, QStringLiteral("cli"), openFailed);
    if (!opened)
        return openFailed;
    const Profile &profile = opened->profile;
    Database &db = *opened->db;
    EventStore store(db);
    QtKeychainVault vault(profile);
    AccountManager manager(profile, store, vault);
    if (password) {
        // The password comes from standard input (a pipe, or typed), never from the command
        // line, where other users could read it.
        cli::err(QCoreApplication::translate("cli", "Password for %1: ")
                     .arg(p.value(QStringLiteral("user"))));
        QTextStream in(stdin);
        CalDavSignIn signIn;
        signIn.server = p.positionalArguments().value(1);
        signIn.user = p.value(QStringLiteral("user"));
        signIn.password = in.readLine();
        cli::err(QStringLiteral("\n"));
        int code = 1;
        onFinished(connectCalDav(manager, signIn), &manager, [&code](const Expected<Account> &r) {
            if (r) {
                cli::out(QCoreApplication::translate("cli", "Connected %1 (%2), account id %3\n")
                             .arg(r->email, toString(r->provider), r->id));
                code = 0;
            } else {
                cli::err(QCoreApplication::translate("cli", "kairos-cli connect: %1 (%2)\n")
                             .arg(r.error().codeName(), r.error().message));
                code = r.error().code == Error::Code::KeychainUnavailable ? 4 : 1;
            }
            QCoreApplication::exit(code);
        });
        QCoreApplication::exec();
        return code;
    }
    if (!manager.isConfigured(*provider)) {
        cli::err(QCoreApplication::translate("cli",
            "kairos-cli: this build has no %1 client ID; set "
            "KAIROS_%2_CLIENT_ID (see README and docs/accounts.md)\n")
                     .arg(*provider == Provider::Google ? QStringLiteral("Google")
                                                        : QStringLiteral("Microsoft"),
                         toString(*provider).toUpper()));
        return 3;
    }
    manager.setSuccessPage(QCoreApplication::translate(
        "cli", "<h1>Kairos is connected</h1><p>You can close this tab.</p>"));
    const bool noBrowser = p.isSet(QStringLiteral("no-browser"));
    QObject::connect(
        &manager, &AccountManager::authorizeWithBrowser, &manager, [noBrowser](const QUrl &url) {
            cli::out(QCoreApplication::translate("cli",
                "Open this address in a browser to sign in:\n\n  %1\n\n"
                "Waiting for the browser (5 minutes)...\n")
                         .arg(url.toString(QUrl::FullyEncoded)));
            if (!noBrowser)
                openBrowser(url);
        });
    int code = 1;
    QObject::connect(
        &manager, &AccountManager::connectFinished, &manager, [&code](const Expected<Account> &r) {
            if (r) {
                cli::out(QCoreApplication::translate("cli", "Connected %1 (%2), account id %3\n")
                             .arg(r->email, toString(r->provider), r->id));
                code = 0;
            } else {
                cli::err(QCoreApplication::translate("cli", "kairos-cli connect: %1 (%2)\n")
                             .arg(r.error().codeName(), r.error().message));
                code = r.error().code == Error::Code::KeychainUnavailable ? 4 : 1;
            }
            QCoreApplication::exit(code);
        });
    manager.connectProvider(*provider);
    QCoreApplication::exec();
    return code;
}

const bool registered = kairos::cli::registerCommand({ QStringLiteral("connect"),
    QStringLiteral("Connect a Google, Microsoft or CalDAV account"), &runConnect });

} // namespace
