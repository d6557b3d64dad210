// kairos-cli export --from DATE --to DATE [--calendar ID]... [--profile NAME] -o FILE.ics
#include "clicommand.h"

#include "core/profile.h"
#include "ics/icsexport.h"
#include "model/zonedtime.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QCommandLineParser>
#include <QSaveFile>

namespace {

int runExport(const QStringList &args)
{
    using namespace kairos;
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Export events to an iCalendar (.ics) file. "
                       "Dates are days in the profile's time zone; --to is inclusive."));
    p.addHelpOption();
    p.addOption({ QStringLiteral("profile"), QStringLiteral("Profile name."),
        QStringLiteral("NAME"), Profile::defaultName() });
    p.addOption({ QStringLiteral("from"), QStringLiteral("First day (YYYY-MM-DD)."),
        QStringLiteral("DATE") });
    p.addOption(
        { QStringLiteral("to"), QStringLiteral("Last day (YYYY-MM-DD)."), QStringLiteral("DATE") });
    p.addOption({ QStringLiteral("calendar"),
        QStringLiteral("Calendar id (repeatable; default: all)."), QStringLiteral("ID") });
    p.addOption({ { QStringLiteral("o"), QStringLiteral("output") }, QStringLiteral("Output file."),
        QStringLiteral("FILE") });
    p.process(args);

    const QDate from = QDate::fromString(p.value(QStringLiteral("from")), Qt::ISODate);
    const QDate to = QDate::fromString(p.value(QStringLiteral("to")), Qt::ISODate);
    const QString out = p.value(QStringLiteral("output"));
    if (!from.isValid() || !to.isValid() || to < from || out.isEmpty()) {
        cli::err(QStringLiteral("kairos-cli export: need --from DATE --to DATE (YYYY-MM-DD, from "
                                "<= to) and -o FILE\n"));
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
    const QTimeZone zone = profile.timeZone();
    const qint64 fromMs = startOfDay(from, zone).toMSecsSinceEpoch();
    const qint64 toMs = startOfDay(to.addDays(1), zone).toMSecsSinceEpoch();
    auto events = ics::eventsForExport(store, fromMs, toMs, p.values(QStringLiteral("calendar")));
    if (!events) {
        cli::err(QStringLiteral("kairos-cli export: %1\n").arg(events.error().message));
        return 1;
    }
    QSaveFile f(out);
    if (!f.open(QIODevice::WriteOnly)) {
        cli::err(QStringLiteral("kairos-cli export: %1: %2\n").arg(out, f.errorString()));
        return 1;
    }
    ics::ExportOptions o;
    if (p.values(QStringLiteral("calendar")).size() == 1) {
        if (auto c = store.calendar(p.value(QStringLiteral("calendar"))))
            o.calendarName = c->name;
    }
    if (auto r = ics::writeCalendar(f, *events, o); !r || !f.commit()) {
        cli::err(QStringLiteral("kairos-cli export: cannot write %1\n").arg(out));
        return 1;
    }
    cli::out(QStringLiteral("exported %1 event(s) to %2\n").arg(events->size()).arg(out));
    return 0;
}

const bool registered = kairos::cli::registerCommand(
    { QStringLiteral("export"), QStringLiteral("Export events to an .ics file"), &runExport });

} // namespace
