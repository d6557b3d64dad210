// kairos-cli accounts [--profile NAME] [--json]: connected accounts and their status. Never a
// secret.
#include "clicommand.h"

#include "core/profile.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

int runAccounts(const QStringList &args)
{
    using namespace kairos;
    QCommandLineParser p;
    p.setApplicationDescription(
        QCoreApplication::translate("cli", "List connected accounts and their status."));
    p.addHelpOption();
    p.addOption({ QStringLiteral("profile"), QCoreApplication::translate("cli", "Profile name."),
        QStringLiteral("NAME"), Profile::defaultName() });
    p.addOption({ QStringLiteral("json"), QCoreApplication::translate("cli", "Print JSON.") });
    p.process(args);
    const QString name = p.value(QStringLiteral("profile"));
    int openFailed = 0;
    auto opened = cli::openProfile(name, QStringLiteral("cli"), openFailed);
    if (!opened)
        return openFailed;
    Database &db = *opened->db;
    EventStore store(db);
    const auto accounts = store.accounts();
    if (!accounts) {
        cli::err(QStringLiteral("kairos-cli: %1\n").arg(accounts.error().message));
        return 1;
    }
    // Metadata only: the tokens are in the keychain and are never read here.
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Account &a : *accounts) {
            list.append(QJsonObject { { QStringLiteral("id"), a.id },
                { QStringLiteral("provider"), toString(a.provider) },
                { QStringLiteral("email"), a.email },
                { QStringLiteral("display_name"), a.displayName },
                { QStringLiteral("status"), toString(a.status) },
                { QStringLiteral("reason"), a.statusReason },
                { QStringLiteral("connected_at"), a.connectedAt.toString(Qt::ISODate) },
                { QStringLiteral("last_synced_at"), a.lastSyncedAt.toString(Qt::ISODate) } });
        }
        cli::out(QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented)));
        return 0;
    }
    if (accounts->isEmpty()) {
        cli::out(QCoreApplication::translate(
            "cli", "No accounts. Add one with: kairos-cli connect google|microsoft\n"));
        return 0;
    }
    for (const Account &a : *accounts) {
        QString line = QStringLiteral("%1  %2  %3  %4")
                           .arg(a.id, toString(a.provider), a.email, toString(a.status));
        if (!a.statusReason.isEmpty())
            line += QStringLiteral(" (") + a.statusReason + QLatin1Char(')');
        cli::out(line + QLatin1Char('\n'));
    }
    return 0;
}

const bool registered = kairos::cli::registerCommand({ QStringLiteral("accounts"),
    QStringLiteral("List connected accounts and their status"), &runAccounts });

} // namespace
