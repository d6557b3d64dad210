// kairos-cli connect google|microsoft [--profile NAME]: the loopback OAuth flow from a terminal.
#include "clicommand.h"

#include "auth/accountmanager.h"
#include "auth/tokenvault.h"
#include "core/profile.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QCommandLineParser>
#include <QProcess>
#include <QStandardPaths>

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
        "cli", "Connect a Google or Microsoft calendar account (opens the system browser)."));
    p.addHelpOption();
    p.addOption({ QStringLiteral("profile"), QCoreApplication::translate("cli", "Profile name."),
        QStringLiteral("NAME"), Profile::defaultName() });
    p.addOption({ QStringLiteral("no-browser"),
        QCoreApplication::translate("cli", "Only print the URL; do not open a browser.") });
    p.addPositionalArgument(QStringLiteral("provider"), QStringLiteral("google | microsoft"));
    p.process(args);

    const auto provider = providerFromString(p.positionalArguments().value(0).toLower());
    if (p.positionalArguments().size() != 1 || !provider || *provider == Provider::CalDav) {
        cli::err(
            QCoreApplication::translate("cli", "kairos-cli connect: say google or microsoft\n"));
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
    QStringLiteral("Connect a Google or Microsoft account"), &runConnect });

} // namespace
