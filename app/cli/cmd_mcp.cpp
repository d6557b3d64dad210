// kairos-cli mcp [--profile NAME]: a Model Context Protocol server over stdio (issue 9,
// docs/mcp.md). stdout carries JSON-RPC messages only; every log line goes to stderr.
#include "clicommand.h"

#include "auth/accountmanager.h"
#include "auth/tokenvault.h"
#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "mcp/calendartools.h"
#include "mcp/mcpserver.h"
#include "mcp/stdiotransport.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>

namespace {

int runMcp(const QStringList &args)
{
    using namespace kairos;
    // First of all: nothing but protocol messages may reach stdout.
    mcp::installStderrMessageHandler();

    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate("cli",
        "Serve the profile's calendars to an AI assistant over the Model Context Protocol "
        "(stdio). See docs/mcp.md for the client configuration."));
    p.addHelpOption();
    p.addOption({ QStringLiteral("profile"), QCoreApplication::translate("cli", "Profile name."),
        QStringLiteral("NAME"), Profile::defaultName() });
    if (!p.parse(args)) {
        cli::err(QStringLiteral("kairos-cli mcp: %1\n").arg(p.errorText()));
        return 2;
    }
    if (p.isSet(QStringLiteral("help"))) {
        cli::err(p.helpText()); // stdout is reserved for the protocol
        return 0;
    }
    const QString name = p.value(QStringLiteral("profile"));
    int openFailed = 0;
    auto opened = cli::openProfile(name, QStringLiteral("mcp"), openFailed);
    if (!opened)
        return openFailed;
    const Profile &profile = opened->profile;
    Database &db = *opened->db;
    mcp::CalendarTools tools(profile, db, profile.timeZone());
    if (auto r
        = tools.service().ensureLocalCalendar(QCoreApplication::translate("cli", "Local calendar"));
        !r)
        cli::err(QStringLiteral("kairos-cli mcp: %1\n").arg(r.error().message));
    // The profile's accounts: the same keychain entries and refresh path as the desktop app
    // (refreshes run under the cross-process lock), writes to provider calendars through the
    // sync engine's outbox. No periodic sync: writes and sync_calendars start runs.
    QtKeychainVault vault(profile);
    vault.setTimeoutMs(10000);
    EventStore store(db);
    AccountManager accounts(profile, store, vault);
    SyncEngine engine(db, *accounts.client());
    engine.setSyncInterval(0);
    engine.setCalendarService(&tools.service());
    const QList<Account> connected = accounts.accounts();
    for (const Account &a : connected)
        engine.addAccount(a);
    tools.setSyncEngine(&engine);
    tools.setAccountAdder([&accounts, &engine](const Account &a) {
        AuthorizedClient *client = accounts.client();
        if (!client->hasAccount(a.id)) {
            client->addAccount(a.id, accounts.configFor(a));
            if (a.status == Account::Status::NeedsReconnect)
                client->markNeedsReconnect(a.id, a.statusReason);
        }
        engine.addAccount(a);
        return true;
    });
    mcp::McpServer server(tools);
    server.setServerVersion(QCoreApplication::applicationVersion());
    mcp::StdioTransport transport(
        [&server](const QByteArray &line) { return server.handleMessage(line); });
    QObject::connect(&transport, &mcp::StdioTransport::finished, qApp, &QCoreApplication::quit,
        Qt::QueuedConnection);
    transport.start();
    return QCoreApplication::exec();
}

const bool registered = kairos::cli::registerCommand({ QStringLiteral("mcp"),
    QStringLiteral("Model Context Protocol server over stdio (for AI assistants)"), &runMcp });

} // namespace
