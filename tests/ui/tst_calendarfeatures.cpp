// .ics in the desktop app (import with report, export, free/busy, Download .ics, subscriptions)
// and moving / resizing events by dragging in the time grid. Dialogs are answered through
// FileDialog / DialogRunner / MessageBox hooks; everything runs offscreen.
#include "calendar/calendarservice.h"
#include "calendar/eventdialog.h"
#include "calendar/timegridview.h"
#include "core/profile.h"
#include "ics/dialoghooks.h"
#include "ics/icscontroller.h"
#include "ics/icsdialogs.h"
#include "ics/recurrence.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "model/zonedtime.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/mockclock.h"
#include "support/testenv.h"
#include "uitestutil.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <atomic>

using namespace kairos;
using namespace kairos::test;

class TstCalendarFeatures : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void importDamagedFileListsSkipped();
    void importTwiceUpdatesInsteadOfDuplicating();
    void importCanBeCancelledAtTheChooser();
    void importByDropShowsEventsInStoreAndView();
    void importCancelledMidwayTouchesNothing();
    void importFailureTouchesNothing();
    void importLeavesOutCalendarsOfAccountsNotConnected();
    void exportWritesCalendar();
    void exportFreeBusy();
    void downloadIcsWritesRequest();
    void subscriptionErrorAndUnsubscribe();
    void recurringSeriesShowsEveryOccurrence();
    void dragMovesEventAcrossDays();
    void dragBottomEdgeResizes();

private:
    QString createStored(const QString &title, QDate day, QTime start, int minutes);
    QByteArray readAll(const QString &path);
    //! Runs the import action through the hooks; returns the report text.
    QString runImport(const QString &file, bool acceptTarget = true);
    QString runImportPath(const QString &path);
    //! A file with `count` events (UIDs bulk-0@test …, titles "<title> 0" …), one an hour.
    QString writeBulk(const QString &name, int count, const QString &title);

    const QTimeZone m_madrid { "Europe/Madrid" };
    std::unique_ptr<TempHome> m_home;
    std::unique_ptr<QTemporaryDir> m_out;
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CalendarService> m_calendar;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_dialogs; //!< objectNames of the dialogs the hook saw
    QString m_report;
    int m_run = 0;
};

void TstCalendarFeatures::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

void TstCalendarFeatures::init()
{
    m_home = std::make_unique<TempHome>();
    m_out = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<MockClock>(QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC));
    m_profile = std::make_unique<Profile>(QStringLiteral("ics"));
    QVERIFY(m_profile->ensureDirs());
    auto db = Database::open(
        m_profile->databasePath(), m_profile->backupDir(), QStringLiteral("ics%1").arg(++m_run));
    QVERIFY(db);
    m_db = std::move(db.value());
    m_calendar = std::make_unique<CalendarService>(*m_db, m_madrid);
    QVERIFY(m_calendar->ensureLocalCalendar(QStringLiteral("My calendar")));
    ics::installRecurrenceExpander(*m_calendar);
    m_window = std::make_unique<MainWindow>(*m_calendar, *m_profile);
    m_window->resize(1200, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_dialogs.clear();
    m_report.clear();
    DialogRunner::setHook([this](QDialog &d) {
        m_dialogs << d.objectName();
        if (auto *report = qobject_cast<ImportReportDialog *>(&d))
            m_report = report->reportText();
        return int(QDialog::Accepted);
    });
}

void TstCalendarFeatures::cleanup()
{
    DialogRunner::setHook({});
    IcsController::setWorkerPollHook({});
    m_window.reset();
    m_calendar.reset();
    m_db.reset();
    m_profile.reset();
    m_clock.reset();
    m_out.reset();
    m_home.reset();
}

QString TstCalendarFeatures::createStored(const QString &title, QDate day, QTime start, int minutes)
{
    Event e;
    e.calendarId = CalendarService::localCalendarId();
    e.title = title;
    e.start = zonedDateTime(day, start, m_madrid);
    e.end = e.start.addSecs(minutes * 60);
    auto saved = m_calendar->createEvent(e);
    if (!saved)
        return {};
    m_window->refresh();
    return saved->id;
}

QByteArray TstCalendarFeatures::readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString TstCalendarFeatures::runImport(const QString &file, bool acceptTarget)
{
    if (!acceptTarget) {
        DialogRunner::setHook([this](QDialog &d) {
            m_dialogs << d.objectName();
            return int(QDialog::Rejected);
        });
    }
    return runImportPath(testDataPath(file));
}

QString TstCalendarFeatures::runImportPath(const QString &path)
{
    QSignalSpy done(m_window->ics(), &IcsController::importFinished);
    FileDialog::setNextOpenFileName(path);
    m_window->findChild<QAction *>(QStringLiteral("importAction"))->trigger();
    if (!done.wait(30000))
        return QStringLiteral("<no importFinished>");
    return m_report;
}

QString TstCalendarFeatures::writeBulk(const QString &name, int count, const QString &title)
{
    QByteArray data = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//bulk//EN\r\n"
                      "X-WR-CALNAME:Bulk\r\n";
    const QDateTime base(QDate(2026, 1, 1), QTime(8, 0), QTimeZone::utc());
    for (int i = 0; i < count; ++i) {
        const QByteArray start = base.addSecs(qint64(i) * 3600)
                                     .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))
                                     .toLatin1();
        const QByteArray end = base.addSecs(qint64(i) * 3600 + 1800)
                                   .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))
                                   .toLatin1();
        data += "BEGIN:VEVENT\r\nUID:bulk-" + QByteArray::number(i)
            + "@test\r\nDTSTAMP:20260101T000000Z\r\n"
              "DTSTART:"
            + start + "\r\nDTEND:" + end + "\r\nSUMMARY:" + title.toUtf8() + ' '
            + QByteArray::number(i)
            + "\r\nDESCRIPTION:Generated for the import tests\\, "
              "with some text to make the file larger than its events' keys.\r\nEND:VEVENT\r\n";
    }
    data += "END:VCALENDAR\r\n";
    const QString path = m_out->filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size())
        return {};
    return path;
}

void TstCalendarFeatures::importDamagedFileListsSkipped()
{
    const QString report = runImport(QStringLiteral("ics/damaged.ics"));
    QCOMPARE(m_dialogs,
        (QStringList {
            QStringLiteral("importTargetDialog"), QStringLiteral("importReportDialog") }));
    const ics::ImportSummary &s = m_window->ics()->lastSummary();
    QVERIFY(s.imported >= 2);
    QVERIFY(!s.skipped.isEmpty());
    auto stored = m_calendar->store().eventsInCalendar(CalendarService::localCalendarId());
    QVERIFY(stored);
    QCOMPARE(int(stored->size()), s.imported);
    bool valid = false;
    for (const Event &e : std::as_const(*stored))
        valid |= e.title == QStringLiteral("Valid one");
    QVERIFY(valid);
    // The report lists every skipped component with its line and the reason in plain words.
    QVERIFY2(report.contains(QStringLiteral("imported")), qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("Not imported:")), qPrintable(report));
    QVERIFY2(
        report.contains(QStringLiteral("the event has no valid start time")), qPrintable(report));
    QVERIFY2(report.contains(QStringLiteral("not an event")), qPrintable(report));
    for (const ics::ImportIssue &i : s.skipped)
        QVERIFY2(report.contains(QStringLiteral("Line %1: ").arg(i.line)), qPrintable(report));
    QVERIFY(!report.contains(QStringLiteral("missing_start"))); // no machine names
    // The chooser was fed by a scan of the file's structure that kept no events: it counted
    // every complete event (some are then rejected for their content) and listed the
    // structural problems; the report has all of them.
    const ics::ParsedCalendar &scan = m_window->ics()->lastScan();
    QVERIFY(scan.events.isEmpty());
    int structural = 0;
    for (const ics::ImportIssue &i : s.skipped)
        structural += i.kind == ics::ImportIssue::Kind::Unterminated
            || i.kind == ics::ImportIssue::Kind::NotAnEvent;
    QVERIFY(structural > 0);
    QCOMPARE(int(scan.skipped.size()), structural);
    QCOMPARE(scan.eventCount, s.imported + int(s.skipped.size()) - structural);

    // The report dialog itself has the table.
    ImportReportDialog dialog(s, QStringLiteral("damaged.ics"));
    auto *list = dialog.findChild<QTreeWidget *>(QStringLiteral("skippedList"));
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), int(s.skipped.size()));
    QVERIFY(!list->topLevelItem(0)->text(0).isEmpty());
}

void TstCalendarFeatures::importTwiceUpdatesInsteadOfDuplicating()
{
    runImport(QStringLiteral("ics/google-export.ics"));
    const int first = m_window->ics()->lastSummary().imported;
    QVERIFY(first > 0);
    const int count = *m_calendar->eventCount();
    runImport(QStringLiteral("ics/google-export.ics"));
    QCOMPARE(m_window->ics()->lastSummary().imported, 0);
    QCOMPARE(
        m_window->ics()->lastSummary().unchanged + m_window->ics()->lastSummary().updated, first);
    QCOMPARE(*m_calendar->eventCount(), count);
}

void TstCalendarFeatures::importCanBeCancelledAtTheChooser()
{
    runImport(QStringLiteral("ics/google-export.ics"), false);
    QCOMPARE(m_dialogs, QStringList { QStringLiteral("importTargetDialog") });
    QCOMPARE(*m_calendar->eventCount(), 0); // nothing touched
}

void TstCalendarFeatures::importByDropShowsEventsInStoreAndView()
{
    const QString path = m_out->filePath(QStringLiteral("dropped.ics"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
                "BEGIN:VEVENT\r\nUID:drop-1@test\r\nDTSTAMP:20261101T000000Z\r\n"
                "DTSTART:20261118T090000Z\r\nDTEND:20261118T100000Z\r\n"
                "SUMMARY:Dropped planning\r\nEND:VEVENT\r\n"
                "BEGIN:VEVENT\r\nUID:drop-2@test\r\nDTSTAMP:20261101T000000Z\r\n"
                "DTSTART:20261119T140000Z\r\nDTEND:20261119T150000Z\r\n"
                "SUMMARY:Dropped review\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
    }
    TimeGridView *grid = m_window->timeGrid();
    grid->scrollToTime(QTime(8, 0));
    QSignalSpy done(m_window->ics(), &IcsController::importFinished);
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(path) });
    const QPoint at = grid->pointForTime(QDate(2026, 11, 18), QTime(12, 0));
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(grid->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(grid->viewport(), &drop);
    QVERIFY(done.wait(10000));
    QCOMPARE(done.first().at(0).toBool(), true);
    QCOMPARE(m_dialogs,
        (QStringList {
            QStringLiteral("importTargetDialog"), QStringLiteral("importReportDialog") }));
    QCOMPARE(m_window->ics()->lastSummary().imported, 2);
    QVERIFY2(m_report.contains(QStringLiteral("2 imported")), qPrintable(m_report));
    QCOMPARE(m_window->ics()->lastScan().eventCount, 2);
    QVERIFY(m_window->ics()->lastScan().events.isEmpty());
    // Stored through the worker's connection, read through the window's, and on screen.
    auto stored = m_calendar->store().eventsByUid(QStringLiteral("drop-1@test"));
    QVERIFY(stored);
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().title, QStringLiteral("Dropped planning"));
    QCOMPARE(stored->first().calendarId, CalendarService::localCalendarId());
    QTRY_VERIFY(!grid->eventRects(stored->first().id).isEmpty());
    auto second = m_calendar->store().eventsByUid(QStringLiteral("drop-2@test"));
    QVERIFY(second && second->size() == 1);
    QTRY_VERIFY(!grid->eventRects(second->first().id).isEmpty());
    QCOMPARE(*m_calendar->eventCount(), 2);
}

void TstCalendarFeatures::importCancelledMidwayTouchesNothing()
{
    // Three events first: a cancelled import of a file that changes them must leave them as
    // they were.
    runImportPath(writeBulk(QStringLiteral("old.ics"), 3, QStringLiteral("Old")));
    QCOMPARE(*m_calendar->eventCount(), 3);
    m_dialogs.clear();
    m_report.clear();

    const int total = 6000; // three batches of 2,000
    const QString big = writeBulk(QStringLiteral("big.ics"), total, QStringLiteral("New"));
    std::atomic<int> scanPolls { 0 };
    std::atomic<int> storePolls { 0 };
    bool clicked = false;
    IcsController::setWorkerPollHook(
        [this, &scanPolls, &storePolls, &clicked](IcsController::ImportPhase phase, int poll) {
            if (phase == IcsController::ImportPhase::Scan) {
                scanPolls = poll;
                return;
            }
            storePolls = poll;
            if (poll != 2)
                return;
            // The store pass polls before each batch of 2,000: at the second poll the first
            // batch is in the staging table. Press Cancel on the GUI thread; the worker waits
            // for the click, so this very poll sees it.
            QMetaObject::invokeMethod(
                m_window.get(),
                [this, &clicked]() {
                    const auto dialogs = m_window->findChildren<QProgressDialog *>(
                        QStringLiteral("importProgressDialog"));
                    if (dialogs.isEmpty())
                        return;
                    if (auto *button = dialogs.last()->findChild<QPushButton *>()) {
                        button->click();
                        clicked = true;
                    }
                },
                Qt::BlockingQueuedConnection);
        });
    QSignalSpy status(m_window->ics(), &IcsController::statusMessage);
    QSignalSpy done(m_window->ics(), &IcsController::importFinished);
    runImportPath(big);
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().at(0).toBool(), false);
    QVERIFY(clicked);
    QCOMPARE(storePolls.load(), 2); // the poll that clicked saw the cancel and stopped
    QCOMPARE(scanPolls.load(), total / 512); // the scan read the whole file
    QCOMPARE(m_window->ics()->lastScan().eventCount, total);
    QVERIFY(m_window->ics()->lastScan().events.isEmpty());
    QCOMPARE(m_dialogs, QStringList { QStringLiteral("importTargetDialog") }); // no report
    QVERIFY(!status.isEmpty());
    QCOMPARE(status.last().at(0).toString(),
        QStringLiteral("Import cancelled. The calendar is unchanged."));

    // Nothing stored, nothing changed.
    QCOMPARE(*m_calendar->eventCount(), 3);
    auto kept = m_calendar->store().eventsInCalendar(CalendarService::localCalendarId());
    QVERIFY(kept);
    for (const Event &e : std::as_const(*kept))
        QVERIFY2(e.title.startsWith(QStringLiteral("Old ")), qPrintable(e.title));
    QCOMPARE(m_window->ics()->lastSummary().imported, 3); // still the first import's

    // The same file imports in full afterwards (the staging table was dropped).
    IcsController::setWorkerPollHook({});
    runImportPath(big);
    QCOMPARE(m_window->ics()->lastSummary().imported, total - 3);
    QCOMPARE(m_window->ics()->lastSummary().updated, 3);
    QCOMPARE(*m_calendar->eventCount(), total);
}

void TstCalendarFeatures::importLeavesOutCalendarsOfAccountsNotConnected()
{
    // A Google calendar whose account has no running sync engine (not connected): the chooser
    // leaves it out and says why, instead of storing events that would never reach Google.
    // With the engine, the events go through its outbox (tst_syncui).
    Calendar google;
    google.id = QStringLiteral("google:work");
    Account account;
    account.id = QStringLiteral("acct-google");
    account.email = QStringLiteral("ana@example.com");
    QVERIFY(m_calendar->store().saveAccount(account));
    google.accountId = account.id;
    google.providerId = QStringLiteral("work@group.calendar.google.com");
    google.kind = CalendarKind::Google;
    google.name = QStringLiteral("Work (Google)");
    QVERIFY(m_calendar->saveCalendar(google));
    QStringList offered;
    QString note;
    DialogRunner::setHook([this, &offered, &note](QDialog &d) {
        m_dialogs << d.objectName();
        if (auto *combo = d.findChild<QComboBox *>(QStringLiteral("targetCalendarCombo"))) {
            for (int i = 0; i < combo->count(); ++i)
                offered << combo->itemData(i).toString();
        }
        if (auto *label = d.findChild<QLabel *>(QStringLiteral("providerCalendarsNote")))
            note = label->text();
        return int(QDialog::Accepted);
    });
    runImportPath(writeBulk(QStringLiteral("few.ics"), 2, QStringLiteral("Few")));
    QCOMPARE(offered, QStringList { CalendarService::localCalendarId() });
    QVERIFY2(note.contains(QStringLiteral("not connected")), qPrintable(note));
    QCOMPARE(*m_calendar->eventCount(), 2);
    QVERIFY(m_calendar->store().eventsInCalendar(google.id)->isEmpty());
}

void TstCalendarFeatures::importFailureTouchesNothing()
{
    runImportPath(writeBulk(QStringLiteral("old.ics"), 3, QStringLiteral("Old")));
    QCOMPARE(*m_calendar->eventCount(), 3);
    m_dialogs.clear();
    // The file is replaced by something that is not a calendar after it was scanned (while the
    // chooser is open): the store pass fails, says so, and changes nothing.
    const QString path = writeBulk(QStringLiteral("replaced.ics"), 50, QStringLiteral("New"));
    DialogRunner::setHook([this, path](QDialog &d) {
        m_dialogs << d.objectName();
        QFile f(path);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write("<html>Not found</html>\n");
        return int(QDialog::Accepted);
    });
    const int warnings = MessageBox::callCount();
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QSignalSpy done(m_window->ics(), &IcsController::importFinished);
    runImportPath(path);
    QCOMPARE(done.size(), 1);
    QCOMPARE(done.first().at(0).toBool(), false);
    QCOMPARE(MessageBox::callCount(), warnings + 1);
    QVERIFY2(MessageBox::lastText().startsWith(QStringLiteral("Nothing was imported")),
        qPrintable(MessageBox::lastText()));
    QCOMPARE(m_dialogs, QStringList { QStringLiteral("importTargetDialog") });
    QCOMPARE(*m_calendar->eventCount(), 3);
    auto kept = m_calendar->store().eventsInCalendar(CalendarService::localCalendarId());
    QVERIFY(kept);
    for (const Event &e : std::as_const(*kept))
        QVERIFY2(e.title.startsWith(QStringLiteral("Old ")), qPrintable(e.title));
}

void TstCalendarFeatures::exportWritesCalendar()
{
    const QString id
        = createStored(QStringLiteral("Café ☕ planning"), QDate(2026, 11, 18), QTime(10, 0), 60);
    QVERIFY(!id.isEmpty());
    const QString path = m_out->filePath(QStringLiteral("out.ics"));
    FileDialog::setNextSaveFileName(path);
    m_window->findChild<QAction *>(QStringLiteral("exportAction"))->trigger();
    QCOMPARE(m_dialogs, QStringList { QStringLiteral("exportDialog") });
    const QByteArray data = readAll(path);
    QVERIFY2(data.startsWith("BEGIN:VCALENDAR\r\n"), data.constData());
    const Event e = *m_calendar->event(id);
    const QString uid = e.iCalUid.isEmpty() ? e.id + QStringLiteral("@kairos") : e.iCalUid;
    QVERIFY2(data.contains(QByteArray("UID:" + uid.toUtf8())), data.constData());
    QVERIFY(data.contains("TZID=Europe/Madrid"));
    QVERIFY(data.contains("END:VCALENDAR"));
}

void TstCalendarFeatures::exportFreeBusy()
{
    createStored(QStringLiteral("Secret meeting"), QDate(2026, 11, 18), QTime(10, 0), 60);
    const QString path = m_out->filePath(QStringLiteral("fb.ics"));
    FileDialog::setNextSaveFileName(path);
    m_window->findChild<QAction *>(QStringLiteral("exportFreeBusyAction"))->trigger();
    QCOMPARE(m_dialogs, QStringList { QStringLiteral("freeBusyDialog") });
    const QByteArray data = readAll(path);
    QVERIFY2(data.contains("BEGIN:VFREEBUSY"), data.constData());
    QVERIFY2(data.contains("20261118T090000Z/"), data.constData()); // 10:00 Madrid in UTC
    QVERIFY(!data.contains("Secret"));
}

void TstCalendarFeatures::downloadIcsWritesRequest()
{
    const QString id
        = createStored(QStringLiteral("Design review"), QDate(2026, 11, 18), QTime(10, 0), 60);
    m_window->openEvent(id);
    EventDialog *dialog = m_window->eventDialog();
    QVERIFY(dialog);
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("downloadIcsButton"));
    QVERIFY(button && button->isVisible());
    QVERIFY(button->toolTip().contains(QStringLiteral("Apple Calendar")));
    const QString path = m_out->filePath(QStringLiteral("invite"));
    FileDialog::setNextSaveFileName(path);
    QTest::mouseClick(button, Qt::LeftButton);
    const QByteArray data = readAll(path + QStringLiteral(".ics")); // suffix added
    QVERIFY2(data.contains("METHOD:REQUEST"), data.constData());
    QVERIFY(data.contains("SUMMARY:Design review"));
    QVERIFY(data.contains("SEQUENCE:"));
    dialog->reject();

    // New events have nothing to download yet.
    m_window->newEvent();
    QTRY_VERIFY(m_window->eventDialog());
    QVERIFY(!m_window->eventDialog()
                 ->findChild<QPushButton *>(QStringLiteral("downloadIcsButton"))
                 ->isVisible());
    m_window->eventDialog()->reject();
}

void TstCalendarFeatures::subscriptionErrorAndUnsubscribe()
{
    IcsController *ics = m_window->ics();
    QSignalSpy failed(ics, &IcsController::subscriptionFailed);
    // Nothing listens on port 1: the refresh fails, and the status bar says so in plain words.
    auto id = ics->subscribe(
        QStringLiteral("webcal://127.0.0.1:1/holidays.ics"), QStringLiteral("Holidays"));
    QVERIFY(id);
    auto *list = m_window->findChild<QListWidget *>(QStringLiteral("calendarList"));
    QTRY_COMPARE(list->count(), 2);
    QVERIFY(failed.wait(10000) || failed.size() == 1);
    const QString text = failed.first().at(1).toString();
    QVERIFY2(text.contains(QStringLiteral("Could not refresh “Holidays”")), qPrintable(text));
    QVERIFY2(!text.contains(QStringLiteral("HTTP")), qPrintable(text));
    bool readOnly = false;
    for (const Calendar &c : m_calendar->calendars())
        readOnly |= c.id == *id && c.readOnly && c.kind == CalendarKind::Subscription;
    QVERIFY(readOnly);

    MessageBox::setNextAnswer(QMessageBox::No);
    ics->unsubscribe(*id);
    QVERIFY(ics->subscription(*id));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    ics->unsubscribe(*id);
    QVERIFY(!ics->subscription(*id));
    QTRY_COMPARE(list->count(), 1);
}

void TstCalendarFeatures::recurringSeriesShowsEveryOccurrence()
{
    Event e;
    e.calendarId = CalendarService::localCalendarId();
    e.title = QStringLiteral("Stand-up");
    e.start = zonedDateTime(QDate(2026, 11, 16), QTime(9, 0), m_madrid);
    e.end = e.start.addSecs(900);
    e.recurrence = QStringList { QStringLiteral("RRULE:FREQ=DAILY;COUNT=10") };
    QVERIFY(m_calendar->createEvent(e));
    auto occ = m_calendar->occurrences(QDate(2026, 11, 16), QDate(2026, 11, 22));
    QVERIFY(occ);
    QCOMPARE(occ->size(), 7);
}

void TstCalendarFeatures::dragMovesEventAcrossDays()
{
    TimeGridView *grid = m_window->timeGrid();
    const QDate day(2026, 11, 18);
    const QString id = createStored(QStringLiteral("Move me"), day, QTime(10, 0), 60);
    QVERIFY(!id.isEmpty());
    grid->scrollToTime(QTime(8, 0));
    QSignalSpy moved(grid, &TimeGridView::rescheduleRequested);
    // Grab it half an hour in, drop it half an hour into 12:00 the next day.
    drag(grid->viewport(), grid->pointForTime(day, QTime(10, 30)),
        grid->pointForTime(day.addDays(1), QTime(12, 32)));
    QCOMPARE(moved.size(), 1);
    const Event e = *m_calendar->event(id);
    QCOMPARE(e.start, zonedDateTime(day.addDays(1), QTime(12, 0), m_madrid));
    QCOMPARE(e.end, zonedDateTime(day.addDays(1), QTime(13, 0), m_madrid));
    QCOMPARE(grid->selectedEventId(), id);
    QVERIFY(!m_window->eventDialog()); // a move is not a create
}

void TstCalendarFeatures::dragBottomEdgeResizes()
{
    TimeGridView *grid = m_window->timeGrid();
    const QDate day(2026, 11, 18);
    const QString id = createStored(QStringLiteral("Stretch me"), day, QTime(10, 0), 60);
    grid->scrollToTime(QTime(8, 0));
    const QList<QRect> rects = grid->eventRects(id);
    QCOMPARE(rects.size(), 1);
    const QPoint edge(rects.first().center().x(), rects.first().bottom() - 1);
    drag(grid->viewport(), edge, QPoint(edge.x(), grid->pointForTime(day, QTime(12, 10)).y()));
    const Event e = *m_calendar->event(id);
    QCOMPARE(e.start, zonedDateTime(day, QTime(10, 0), m_madrid)); // start untouched
    QCOMPARE(e.end, zonedDateTime(day, QTime(12, 15), m_madrid)); // snapped to 15 minutes
    QVERIFY(!m_window->eventDialog());
}

QTEST_MAIN(TstCalendarFeatures)
#include "tst_calendarfeatures.moc"
