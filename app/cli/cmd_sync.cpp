// kairos-cli sync [--profile P]: two-way sync of every connected account (outbox first, then
// calendars and events), headless. Exit codes: 0 ok, 1 some account failed, 2 usage.
#include "clicommand.h"

#include "auth/accountmanager.h"
#include "auth/tokenvault.h"
#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>

namespace {

int runSync(const QStringList &args)
{
    using namespace kairos;
    QCommandLineParser p;
    p.setApplicationDescription(
        QCoreApplication::translate("cli", "Synchronise connected calendars now."));
    p.addHelpOption();
    p.addOption({ QStringLiteral("profile"), QCoreApplication::translate("cli", "Profile name."),
        QStringLiteral("NAME"), Profile::defaultName() });
    p.process(args);
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
    const QList<Account> accounts = manager.accounts();
    if (accounts.isEmpty()) {
        cli::out(QCoreApplication::translate(
            "cli", "No accounts. Add one with: kairos-cli connect google|microsoft\n"));
        return 0;
    }
    SyncEngine engine(db, *manager.client());
    engine.setSyncInterval(0);
    for (const Account &a : accounts)
        engine.addAccount(a);
    int failures = 0;
    int remaining = int(accounts.size());
    QObject::connect(&engine, &SyncEngine::syncFinished, &engine,
        [&](const QString &id, bool ok, const QString &code) {
            QString email = id;
            for (const Account &a : accounts) {
                if (a.id == id)
                    email = a.email;
            }
            if (ok)
                cli::out(QCoreApplication::translate("cli", "%1: synced\n").arg(email));
            else {
                ++failures;
                cli::err(
                    QCoreApplication::translate("cli", "%1: sync failed (%2)\n").arg(email, code));
            }
            if (--remaining == 0)
                QCoreApplication::exit(0);
        });
    engine.syncNow();
    QCoreApplication::exec();
    const int pending = engine.pendingWrites();
    if (pending > 0)
        cli::out(QCoreApplication::translate("cli",
            "%n change(s) not sent yet; they are kept and sent at the next sync.\n", nullptr,
            pending));
    return failures ? 1 : 0;
}

const bool registered = kairos::cli::registerCommand(
    { QStringLiteral("sync"), QStringLiteral("Synchronise connected calendars now"), &runSync });

} // namespace
