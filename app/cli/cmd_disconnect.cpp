// kairos-cli disconnect ACCOUNT [--profile NAME]: revoke (Google), delete the keychain entry,
// remove the account and its cached calendars and events. ACCOUNT is an id or an e-mail.
#include "clicommand.h"

#include "auth/accountmanager.h"
#include "auth/tokenvault.h"
#include "core/futures.h"
#include "core/profile.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QCommandLineParser>

namespace {

int runDisconnect(const QStringList &args)
{
    using namespace kairos;
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "cli", "Disconnect an account: revoke its access, delete its token and cached data."));
    p.addHelpOption();
    p.addOption({ QStringLiteral("profile"), QCoreApplication::translate("cli", "Profile name."),
        QStringLiteral("NAME"), Profile::defaultName() });
    p.addPositionalArgument(QStringLiteral("account"), QStringLiteral("account id or e-mail"));
    p.process(args);
    if (p.positionalArguments().size() != 1) {
        p.showHelp(2);
    }
    const QString which = p.positionalArguments().first();
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
    QStringList matches;
    for (const Account &a : manager.accounts()) {
        if (a.id == which || a.email.compare(which, Qt::CaseInsensitive) == 0)
            matches << a.id;
    }
    if (matches.size() != 1) {
        cli::err(matches.isEmpty()
                ? QCoreApplication::translate("cli", "kairos-cli disconnect: no account '%1'\n")
                      .arg(which)
                : QCoreApplication::translate("cli",
                    "kairos-cli disconnect: '%1' matches several "
                    "accounts; use the id\n")
                      .arg(which));
        return 2;
    }
    int code = 1;
    onFinished(manager.disconnectAccount(matches.first()), &manager,
        [&code, which](const Expected<void> &r) {
            if (r) {
                cli::out(QCoreApplication::translate("cli", "Disconnected %1\n").arg(which));
                code = 0;
            } else {
                cli::err(QCoreApplication::translate("cli", "kairos-cli disconnect: %1 (%2)\n")
                             .arg(r.error().codeName(), r.error().message));
                code = r.error().code == Error::Code::KeychainUnavailable ? 4 : 1;
            }
            QCoreApplication::exit(code);
        });
    QCoreApplication::exec();
    return code;
}

const bool registered = kairos::cli::registerCommand(
    { QStringLiteral("disconnect"), QStringLiteral("Disconnect an account"), &runDisconnect });

} // namespace
