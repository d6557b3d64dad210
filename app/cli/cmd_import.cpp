// kairos-cli import FILE.ics --calendar ID [--profile NAME]: imports, then prints the report
// (imported / updated / unchanged / skipped with line and reason, notes). Into a calendar of a
// Google or Microsoft account the events go through the sync engine (outbox), which then
// sends them before the command returns.
#include "clicommand.h"

#include "auth/accountmanager.h"
#include "auth/tokenvault.h"
#include "core/profile.h"
#include "ics/icsimport.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "sync/providerimport.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTimer>

namespace {

QString reason(kairos::ics::ImportIssue::Kind k)
{
    using K = kairos::ics::ImportIssue::Kind;
    switch (k) {
    case K::ParseError:
        return QStringLiteral("could not be read");
    case K::MissingStart:
        return QStringLiteral("no valid start (DTSTART)");
    case K::EndBeforeStart:
        return QStringLiteral("ends before it starts");
    case K::Unterminated:
        return QStringLiteral("component is not closed (BEGIN without END)");
    case K::NotAnEvent:
        return QStringLiteral("not an event");
    case K::OutdatedSequence:
        return QStringLiteral("the calendar already has a newer version");
    case K::NotSent:
        return QStringLiteral("not taken by the provider calendar's sync engine");
    case K::MissingUid:
        return QStringLiteral("no UID: a stable one was derived");
    case K::WindowsTimeZone:
        return QStringLiteral("Windows time zone name mapped");
    case K::UnknownTimeZone:
        return QStringLiteral("unknown time zone: times read as UTC");
    case K::CustomTimeZone:
        return QStringLiteral("time zone only defined in the file: converted to UTC");
    case K::MissingVTimeZone:
        return QStringLiteral("no VTIMEZONE: used the system zone of that name");
    case K::FloatingTime:
        return QStringLiteral("times without zone read in the profile's zone");
    case K::BrokenFolding:
        return QStringLiteral("broken line folding repaired");
    case K::AllDayEndFixed:
        return QStringLiteral("all-day event without length: made one day");
    case K::MalformedProperty:
        return QStringLiteral("a property that could not be read was left out");
    case K::DuplicateComponent:
        return QStringLiteral("the same event twice: the highest SEQUENCE, then DTSTAMP, kept");
    }
    return QStringLiteral("unknown");
}

QString issueLine(const kairos::ics::ImportIssue &i)
{
    QString s = QStringLiteral("  ");
    if (i.line > 0)
        s += QStringLiteral("line %1: ").arg(i.line);
    s += reason(i.kind);
    if (!i.uid.isEmpty())
        s += QStringLiteral(" [UID %1]").arg(i.uid);
    if (!i.detail.isEmpty())
        s += QStringLiteral(" (%1)").arg(i.detail);
    return s + QLatin1Char('\n');
}

QString reportText(const kairos::ics::ImportSummary &r)
{
    QString text = QStringLiteral("imported: %1\nupdated:  %2\nunchanged: %3\nskipped:  %4\n")
                       .arg(r.imported)
                       .arg(r.updated)
                       .arg(r.unchanged)
                       .arg(r.skipped.size());
    for (const auto &i : std::as_const(r.skipped))
        text += issueLine(i);
    if (!r.notes.isEmpty()) {
        text += QStringLiteral("notes:    %1\n").arg(r.notes.size());
        for (const auto &i : std::as_const(r.notes))
            text += issueLine(i);
    }
    return text;
}

//! A calendar of a Google or Microsoft account: each event is handed to the sync engine, whose
//! outbox then sends them all before we return (what is not sent stays queued).
int importThroughProvider(const kairos::Profile &profile, kairos::Database &db,
    kairos::EventStore &store, const kairos::Calendar &cal, const QString &path, bool keepAttendees)
{
    using namespace kairos;
    QtKeychainVault vault(profile);
    AccountManager manager(profile, store, vault);
    std::optional<Account> account;
    for (const Account &a : manager.accounts()) {
        if (a.id == cal.accountId)
            account = a;
    }
    if (!account) {
        cli::err(QStringLiteral("kairos-cli import: nothing was changed: the account of “%1” is "
                                "not connected (kairos-cli accounts, kairos-cli connect)\n")
                     .arg(cal.name));
        return 1;
    }
    ics::ImportOptions o;
    o.floatingZone = profile.timeZone();
    auto parsed = ics::parseCalendarFile(path, o);
    if (!parsed) {
        cli::err(QStringLiteral("kairos-cli import: nothing was changed: %1 (%2)\n")
                     .arg(parsed.error().codeName(), parsed.error().message));
        return 1;
    }
    SyncEngine engine(db, *manager.client());
    engine.setSyncInterval(0);
    engine.addAccount(*account);
    const int attendees = ics::attendeeCount(*parsed);
    const ics::ImportSummary r
        = ics::importThroughSync(engine, store, cal.id, *parsed, keepAttendees);
    if (attendees > 0 && !keepAttendees)
        cli::out(QStringLiteral("attendees: the file lists %1; they were not sent to %2 (kept in "
                                "the description). --keep-attendees sends them: Outlook invites "
                                "them by e-mail, Google adds the event to their calendars.\n")
                     .arg(attendees)
                     .arg(account->email));
    bool synced = true;
    QString code;
    QObject::connect(&engine, &SyncEngine::syncFinished, &engine,
        [&](const QString &id, bool ok, const QString &c) {
            if (id != account->id)
                return;
            synced = ok;
            code = c;
            if (!engine.isSyncing(account->id))
                QCoreApplication::exit(0);
        });
    engine.syncAccount(account->id);
    QTimer::singleShot(0, &engine, [&]() {
        if (!engine.isSyncing(account->id))
            QCoreApplication::exit(0);
    });
    QCoreApplication::exec();
    QString text = reportText(r);
    const int pending = engine.pendingWrites(account->id);
    if (pending == 0 && synced)
        text += QStringLiteral("sent:     all changes reached %1\n").arg(account->email);
    else
        text += QStringLiteral("queued:   %1 change(s) not sent yet (%2); they are kept and sent "
                               "at the next sync\n")
                    .arg(pending)
                    .arg(code.isEmpty() ? QStringLiteral("sync failed") : code);
    cli::out(text);
    return 0;
}

int runImport(const QStringList &args)
{
    using namespace kairos;
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("Import an iCalendar (.ics) file into a calendar. Events with "
                       "the same UID are updated, not duplicated."));
    p.addHelpOption();
    p.addOption({ QStringLiteral("profile"), QStringLiteral("Profile name."),
        QStringLiteral("NAME"), Profile::defaultName() });
    p.addOption({ QStringLiteral("calendar"), QStringLiteral("Target calendar id."),
        QStringLiteral("ID"), QStringLiteral("local") });
    p.addOption({ QStringLiteral("keep-attendees"),
        QStringLiteral("Into a Google / Outlook calendar: send the file's organizer and attendees "
                       "too (Outlook invites them by e-mail, Google adds the event to their "
                       "calendars). Default: they are kept in the description only.") });
    p.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The .ics file."));
    p.process(args);
    if (p.positionalArguments().size() != 1) {
        cli::err(QStringLiteral("kairos-cli import: need one FILE.ics\n"));
        return 2;
    }
    const QString name = p.value(QStringLiteral("profile"));
    if (!Profile::isValidName(name)) {
        cli::err(QStringLiteral("kairos-cli: invalid profile name '%1'\n").arg(name));
        return 2;
    }
    Profile profile(name);
    if (auto r = profile.ensureDirs(); !r) {
        cli::err(QStringLiteral("kairos-cli: %1\n").arg(r.error().message));
        return 1;
    }
    const QString path = p.positionalArguments().first();
    if (!QFileInfo(path).isReadable()) {
        cli::err(QStringLiteral("kairos-cli import: cannot read %1\n").arg(path));
        return 1;
    }
    auto db = Database::open(profile.databasePath(), profile.backupDir(), QStringLiteral("cli"));
    if (!db) {
        cli::err(
            QStringLiteral("kairos-cli: cannot open the database: %1\n").arg(db.error().message));
        return 1;
    }
    EventStore store(**db);
    const QString calendarId = p.value(QStringLiteral("calendar"));
    if (calendarId == QLatin1String("local") && !store.calendar(calendarId)) {
        Calendar c; // first use of a fresh profile: create the local calendar
        c.id = calendarId;
        c.name = QStringLiteral("Local");
        c.primary = true;
        (void)store.saveCalendar(c);
    }
    if (auto cal = store.calendar(calendarId); cal && !cal->accountId.isEmpty())
        return importThroughProvider(
            profile, **db, store, *cal, path, p.isSet(QStringLiteral("keep-attendees")));
    // Parsed and stored in batches (memory ~ one batch, not the file); all or nothing.
    ics::ImportOptions o;
    o.floatingZone = profile.timeZone();
    auto r = ics::importCalendarFile(path, store, calendarId, o);
    if (!r) {
        cli::err(QStringLiteral("kairos-cli import: nothing was changed: %1 (%2)\n")
                     .arg(r.error().codeName(), r.error().message));
        return 1;
    }
    cli::out(reportText(*r));
    return 0;
}

const bool registered = kairos::cli::registerCommand({ QStringLiteral("import"),
    QStringLiteral("Import an .ics file into a calendar"), &runImport });

} // namespace
