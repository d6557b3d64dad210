// kairos-cli info [--profile NAME] [--json]: where a profile keeps its data, and what is in it.
#include "clicommand.h"

#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

int runInfo(const QStringList &args)
{
    using namespace kairos;
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Show a profile's folders and contents."));
    p.addHelpOption();
    p.addOption({ QStringLiteral("profile"), QStringLiteral("Profile name."),
        QStringLiteral("NAME"), Profile::defaultName() });
    p.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    p.process(args);

    const QString name = p.value(QStringLiteral("profile"));
    int openFailed = 0;
    auto opened = cli::openProfile(name, QStringLiteral("cli"), openFailed);
    if (!opened)
        return openFailed;
    const Profile &profile = opened->profile;
    Database &db = *opened->db;
    EventStore store(db);
    const int events = store.eventCount().valueOr(0);
    const int calendars = int(store.calendars().valueOr({}).size());
    const int accounts = int(store.accounts().valueOr({}).size());
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o { { QStringLiteral("profile"), profile.name() },
            { QStringLiteral("data_dir"), profile.dataDir() },
            { QStringLiteral("config_dir"), profile.configDir() },
            { QStringLiteral("database"), profile.databasePath() },
            { QStringLiteral("time_zone"), QString::fromLatin1(profile.timeZone().id()) },
            { QStringLiteral("schema_version"), db.schemaVersion() },
            { QStringLiteral("accounts"), accounts }, { QStringLiteral("calendars"), calendars },
            { QStringLiteral("events"), events } };
        cli::out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)));
    } else {
        cli::out(QStringLiteral("profile:   %1\ndata:      %2\nconfig:    %3\ntime zone: %4\n"
                                "accounts:  %5\ncalendars: %6\nevents:    %7\n")
                     .arg(profile.name(), profile.dataDir(), profile.configDir(),
                         QString::fromLatin1(profile.timeZone().id()))
                     .arg(accounts)
                     .arg(calendars)
                     .arg(events));
    }
    return 0;
}

const bool registered = kairos::cli::registerCommand(
    { QStringLiteral("info"), QStringLiteral("Show a profile's folders and contents"), &runInfo });

} // namespace
