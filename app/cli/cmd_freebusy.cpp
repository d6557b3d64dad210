// kairos-cli freebusy --from DATE --to DATE [--profile NAME] [--organizer EMAIL] -o FILE.ics
// Busy periods (UTC, no titles) of the calendars that count for availability.
#include "clicommand.h"

#include "core/profile.h"
#include "ics/icsexport.h"
#include "model/zonedtime.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QCommandLineParser>
#include <QSaveFile>

namespace {

int runFreeBusy(const QStringList &args)
{
    using namespace kairos;
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Export free/busy (VFREEBUSY) for a range of days (--to inclusive)."));
    p.addHelpOption();
    p.addOption({ QStringLiteral("profile"), QStringLiteral("Profile name."),
        QStringLiteral("NAME"), Profile::defaultName() });
    p.addOption({ QStringLiteral("from"), QStringLiteral("First day (YYYY-MM-DD)."),
        QStringLiteral("DATE") });
    p.addOption(
        { QStringLiteral("to"), QStringLiteral("Last day (YYYY-MM-DD)."), QStringLiteral("DATE") });
    p.addOption({ QStringLiteral("organizer"), QStringLiteral("Your e-mail (ORGANIZER)."),
        QStringLiteral("EMAIL") });
    p.addOption({ { QStringLiteral("o"), QStringLiteral("output") }, QStringLiteral("Output file."),
        QStringLiteral("FILE") });
    p.process(args);
    const QDate from = QDate::fromString(p.value(QStringLiteral("from")), Qt::ISODate);
    const QDate to = QDate::fromString(p.value(QStringLiteral("to")), Qt::ISODate);
    const QString out = p.value(QStringLiteral("output"));
    if (!from.isValid() || !to.isValid() || to < from || out.isEmpty()) {
        cli::err(QStringLiteral("kairos-cli freebusy: need --from DATE --to DATE and -o FILE\n"));
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
    QStringList ids;
    for (const Calendar &c : store.calendars().valueOr({})) {
        if (c.countsForAvailability)
            ids << c.id;
    }
    const QTimeZone zone = profile.timeZone();
    const qint64 fromMs = startOfDay(from, zone).toMSecsSinceEpoch();
    const qint64 toMs = startOfDay(to.addDays(1), zone).toMSecsSinceEpoch();
    auto events = ids.isEmpty() ? Expected<QList<Event>>(QList<Event>())
                                : ics::eventsForExport(store, fromMs, toMs, ids);
    if (!events) {
        cli::err(QStringLiteral("kairos-cli freebusy: %1\n").arg(events.error().message));
        return 1;
    }
    QSaveFile f(out);
    if (!f.open(QIODevice::WriteOnly)
        || f.write(ics::exportFreeBusy(
               *events, fromMs, toMs, zone, p.value(QStringLiteral("organizer"))))
            < 0
        || !f.commit()) {
        cli::err(QStringLiteral("kairos-cli freebusy: cannot write %1\n").arg(out));
        return 1;
    }
    cli::out(QStringLiteral("wrote free/busy for %1 … %2 to %3\n")
                 .arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate), out));
    return 0;
}

const bool registered = kairos::cli::registerCommand({ QStringLiteral("freebusy"),
    QStringLiteral("Export free/busy (VFREEBUSY) to an .ics file"), &runFreeBusy });

} // namespace
