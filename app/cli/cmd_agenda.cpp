// kairos-cli agenda --from DATE --to DATE [--json] [--profile P]: occurrences across all
// calendars of the profile (local and synced), in the profile's time zone. --to is inclusive.
#include "clicommand.h"

#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "ics/recurrence.h"
#include "model/recurrencebudget.h"
#include "model/zonedtime.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QString cutNote(const kairos::RecurrenceBudget::Cut &c)
{
    return c.reason == kairos::RecurrenceBudget::Reason::TooFrequent
        ? QCoreApplication::translate("cli",
            "Note: \"%1\" repeats more often than hourly; only its first occurrence is "
            "shown.")
              .arg(c.title)
        : QCoreApplication::translate("cli",
            "Note: \"%1\" repeats too often to list every occurrence; some are "
            "missing.")
              .arg(c.title);
}

int runAgenda(const QStringList &args)
{
    using namespace kairos;
    QCommandLineParser p;
    p.setApplicationDescription(
        QCoreApplication::translate("cli", "List occurrences between two dates."));
    p.addHelpOption();
    p.addOption({ QStringLiteral("profile"), QCoreApplication::translate("cli", "Profile name."),
        QStringLiteral("NAME"), Profile::defaultName() });
    p.addOption({ QStringLiteral("from"),
        QCoreApplication::translate("cli", "First day (YYYY-MM-DD)."), QStringLiteral("DATE") });
    p.addOption({ QStringLiteral("to"),
        QCoreApplication::translate("cli", "Last day, inclusive (YYYY-MM-DD)."),
        QStringLiteral("DATE") });
    p.addOption({ QStringLiteral("json"), QCoreApplication::translate("cli", "Print JSON.") });
    p.process(args);
    const QDate from = QDate::fromString(p.value(QStringLiteral("from")), Qt::ISODate);
    const QDate to = p.isSet(QStringLiteral("to"))
        ? QDate::fromString(p.value(QStringLiteral("to")), Qt::ISODate)
        : from;
    if (!from.isValid() || !to.isValid() || to < from) {
        cli::err(QCoreApplication::translate(
            "cli", "kairos-cli agenda: --from and --to must be dates (YYYY-MM-DD), from <= to\n"));
        return 2;
    }
    const QString name = p.value(QStringLiteral("profile"));
    int openFailed = 0;
    auto opened = cli::openProfile(name, QStringLiteral("cli"), openFailed);
    if (!opened)
        return openFailed;
    const Profile &profile = opened->profile;
    Database &db = *opened->db;
    CalendarService service(db, profile.timeZone());
    ics::installRecurrenceExpander(service);
    const qint64 fromMs = startOfDay(from, service.timeZone()).toMSecsSinceEpoch();
    const qint64 toMs = startOfDay(to.addDays(1), service.timeZone()).toMSecsSinceEpoch();
    // One expansion budget for the listing; the series it cut are named below.
    RecurrenceBudget budget;
    const RecurrenceBudget::Scope scope(&budget);
    auto occ = service.occurrencesBetween(fromMs, toMs, false);
    if (!occ) {
        cli::err(QStringLiteral("kairos-cli: %1\n").arg(occ.error().message));
        return 1;
    }
    QHash<QString, QString> calNames;
    for (const Calendar &c : service.calendars())
        calNames.insert(c.id, c.name);
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const Occurrence &o : *occ) {
            QJsonObject j { { QStringLiteral("event_id"), o.eventId },
                { QStringLiteral("calendar_id"), o.calendarId },
                { QStringLiteral("calendar"), calNames.value(o.calendarId) },
                { QStringLiteral("title"), o.title }, { QStringLiteral("location"), o.location },
                { QStringLiteral("all_day"), o.allDay },
                { QStringLiteral("recurring"), o.recurring },
                { QStringLiteral("start"),
                    o.start.toOffsetFromUtc(o.start.offsetFromUtc()).toString(Qt::ISODate) },
                { QStringLiteral("end"),
                    o.end.toOffsetFromUtc(o.end.offsetFromUtc()).toString(Qt::ISODate) } };
            if (o.allDay) {
                j.insert(QStringLiteral("start_date"), o.startDate.toString(Qt::ISODate));
                j.insert(QStringLiteral("end_date"), o.endDate.toString(Qt::ISODate));
            }
            list.append(j);
        }
        cli::out(QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented)));
        for (const RecurrenceBudget::Cut &c : budget.cut)
            cli::err(cutNote(c) + QLatin1Char('\n'));
        return 0;
    }
    for (const Occurrence &o : *occ) {
        const QString when = o.allDay
            ? QString(o.startDate.toString(Qt::ISODate) + QStringLiteral("  all day   "))
            : QString(o.start.toString(QStringLiteral("yyyy-MM-dd  HH:mm")) + QStringLiteral("-")
                + o.end.toString(QStringLiteral("HH:mm")));
        cli::out(when + QStringLiteral("  ") + o.title + QStringLiteral("  [")
            + calNames.value(o.calendarId) + QStringLiteral("]\n"));
    }
    for (const RecurrenceBudget::Cut &c : budget.cut)
        cli::out(cutNote(c) + QLatin1Char('\n'));
    return 0;
}

const bool registered = kairos::cli::registerCommand({ QStringLiteral("agenda"),
    QStringLiteral("List occurrences across all calendars between two dates"), &runAgenda });

} // namespace
