// Calendar sync in the desktop window: View → Sync Now fills the week view from the fake Google
// server and the status-bar indicator says synced; an event created in the Google calendar
// from the event dialog reaches the fake through the outbox, with sendUpdates=none unless
// "Send invitations" is ticked. The fixture (tests/sync) pairs FakeGoogleServer (with its own
// token endpoint) and an InMemoryVault with a real profile database.
#include "../sync/syncfixture.h"
#include "calendar/eventdialog.h"
#include "calendar/timegridview.h"
#include "ics/dialoghooks.h"
#include "ics/icscontroller.h"
#include "ics/icsdialogs.h"
#include "mainwindow.h"
#include "sync/syncindicator.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace kairos;
using namespace kairos::test;

class TstSyncUi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void syncNowFillsWeekView();
    void dialogCreatesInGoogleCalendar_data();
    void dialogCreatesInGoogleCalendar();
    void attendeesAreValidated();
    void thisEventOfSeries();
    void conflictIsExplained();
    void reapplyFromConflictsDialog();
    void importIntoGoogleCalendarGoesThroughTheOutbox();

private:
    static QDateTime todayAt(int hour)
    {
        const QTimeZone madrid("Europe/Madrid");
        return QDateTime(Clock::nowUtc().toTimeZone(madrid).date(), QTime(hour, 0), madrid);
    }
    static bool syncWithUi(SyncFixture &f, MainWindow &window)
    {
        QSignalSpy finished(f.engine.get(), &SyncEngine::syncFinished);
        auto *action = window.findChild<QAction *>(QStringLiteral("syncNowAction"));
        if (!action || !action->isEnabled())
            return false;
        action->trigger();
        if (finished.isEmpty() && !finished.wait(15000))
            return false;
        QDeadlineTimer deadline(15000);
        while (f.engine->isSyncing() && !deadline.hasExpired())
            QTest::qWait(2);
        return !f.engine->isSyncing();
    }
};

void TstSyncUi::syncNowFillsWeekView()
{
    SyncFixture f(Provider::Google, QStringLiteral("syncui1"));
    f.account.email = QStringLiteral("ann@example.com");
    QVERIFY(f.store->saveAccount(f.account).hasValue());
    f.makeEngine();
    f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
    f.google.putEvent(QStringLiteral("primary"), gEvent(QStringLiteral("Standup"), todayAt(10)));

    MainWindow window(*f.service, f.profile);
    window.setSyncEngine(f.engine.get());
    window.setView(MainWindow::View::Week);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *indicator = window.findChild<SyncIndicator *>(QStringLiteral("syncIndicator"));
    QVERIFY(indicator);
    QVERIFY(indicator->isVisible());
    QCOMPARE(indicator->text(), QStringLiteral("Not synced yet"));

    QStringList seen;
    connect(f.engine.get(), &SyncEngine::syncStarted, indicator,
        [&seen, indicator]() { seen << indicator->text(); });
    QVERIFY(syncWithUi(f, window));
    QVERIFY(!seen.isEmpty());
    QVERIFY2(seen.first().startsWith(QStringLiteral("Syncing ann@example.com") + QChar(0x2026)),
        qPrintable(seen.first()));
    QTRY_COMPARE(indicator->text(), QStringLiteral("Synced just now"));

    auto hasStandup = [&window]() {
        for (const Occurrence &o : window.timeGrid()->occurrences()) {
            if (o.title == QLatin1String("Standup"))
                return true;
        }
        return false;
    };
    QTRY_VERIFY(hasStandup());
}

void TstSyncUi::dialogCreatesInGoogleCalendar_data()
{
    QTest::addColumn<bool>("invite");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no invitations") << false << QStringLiteral("none");
    QTest::newRow("send invitations") << true << QStringLiteral("all");
}

void TstSyncUi::dialogCreatesInGoogleCalendar()
{
    QFETCH(bool, invite);
    QFETCH(QString, expected);
    SyncFixture f(Provider::Google, QStringLiteral("syncui2") + QString::number(int(invite)));
    f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
    QVERIFY(f.service->ensureLocalCalendar(QStringLiteral("My calendar")));

    MainWindow window(*f.service, f.profile);
    window.setSyncEngine(f.engine.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(syncWithUi(f, window)); // brings the Google calendar in

    window.newEventAt(todayAt(15), todayAt(16), false);
    EventDialog *dialog = window.eventDialog();
    QVERIFY(dialog);
    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("calendarCombo"));
    auto *attendees = dialog->findChild<QLineEdit *>(QStringLiteral("attendeesEdit"));
    auto *send = dialog->findChild<QCheckBox *>(QStringLiteral("sendInvitationsCheck"));
    QVERIFY(combo && attendees && send);
    const int index = combo->findData(f.calId(QStringLiteral("primary")));
    QVERIFY(index >= 0);
    // A local calendar has no attendees.
    const int local = combo->findData(f.service->calendars().constFirst().id);
    if (local >= 0 && local != index) {
        combo->setCurrentIndex(local);
        QVERIFY(attendees->isHidden());
    }
    combo->setCurrentIndex(index);
    QVERIFY(!attendees->isHidden());
    QVERIFY(!send->isChecked()); // invitations only when asked
    dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"))->setText(QStringLiteral("Review"));
    attendees->setText(QStringLiteral("bob@example.com, carol@example.com"));
    send->setChecked(invite);
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveButton"));
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);

    QTRY_COMPARE(f.engine->pendingWrites(), 0);
    QTRY_VERIFY(!f.engine->isSyncing());
    std::optional<QJsonObject> created;
    for (const QJsonObject &e : f.google.events(QStringLiteral("primary"))) {
        if (e.value(QLatin1String("summary")).toString() == QLatin1String("Review"))
            created = e;
    }
    QVERIFY(created.has_value());
    QCOMPARE(created->value(QLatin1String("attendees")).toArray().size(), 2);
    QString sendUpdates;
    for (const auto &r : f.server->requests()) {
        if (r.method == "POST" && r.path.endsWith(QLatin1String("/events")))
            sendUpdates = r.query.queryItemValue(QStringLiteral("sendUpdates"));
    }
    QCOMPARE(sendUpdates, expected);
    QCOMPARE(f.google.notificationsSent(), invite ? 1 : 0);
}

void TstSyncUi::attendeesAreValidated()
{
    SyncFixture f(Provider::Google, QStringLiteral("syncui3"));
    f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
    MainWindow window(*f.service, f.profile);
    window.setSyncEngine(f.engine.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(syncWithUi(f, window));
    window.newEventAt(todayAt(15), todayAt(16), false);
    EventDialog *dialog = window.eventDialog();
    QVERIFY(dialog);
    auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("calendarCombo"));
    combo->setCurrentIndex(combo->findData(f.calId(QStringLiteral("primary"))));
    auto *attendees = dialog->findChild<QLineEdit *>(QStringLiteral("attendeesEdit"));
    auto *save = dialog->findChild<QPushButton *>(QStringLiteral("saveButton"));
    attendees->setText(QStringLiteral("bob@example.com, not-an-address"));
    QVERIFY(!save->isEnabled());
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("validationLabel"))
                ->text()
                .contains(QStringLiteral("not-an-address")));
    attendees->setText(QStringLiteral("bob@example.com"));
    QVERIFY(save->isEnabled());
    dialog->reject();
}

void TstSyncUi::thisEventOfSeries()
{
    SyncFixture f(Provider::Google, QStringLiteral("syncui4"));
    f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
    const QDateTime first = todayAt(9);
    const QJsonObject master = f.google.putEvent(QStringLiteral("primary"),
        gEvent(
            QStringLiteral("Weekly"), first, 30, { QStringLiteral("RRULE:FREQ=WEEKLY;COUNT=5") }));
    MainWindow window(*f.service, f.profile);
    window.setSyncEngine(f.engine.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(syncWithUi(f, window));

    const QString masterId
        = f.eventId(QStringLiteral("primary"), master.value(QLatin1String("id")).toString());
    const QDateTime second = first.addDays(7);
    QTimer::singleShot(0, &window, [&window]() {
        auto *box = window.findChild<QMessageBox *>(QStringLiteral("recurrenceScopeBox"));
        QVERIFY(box);
        box->findChild<QPushButton *>(QStringLiteral("thisEventButton"))->click();
    });
    window.openEvent(masterId, second);
    EventDialog *dialog = window.eventDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->event().recurringEventId, masterId);
    QCOMPARE(dialog->event().originalStart, second);
    dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"))
        ->setText(QStringLiteral("Weekly (moved room)"));
    QTest::mouseClick(
        dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_COMPARE(f.engine->pendingWrites(), 0);
    QTRY_VERIFY(!f.engine->isSyncing());
    int overridden = 0;
    for (const QJsonObject &e : f.google.events(QStringLiteral("primary"))) {
        if (e.value(QLatin1String("summary")).toString() == QLatin1String("Weekly (moved room)")) {
            ++overridden;
            QCOMPARE(e.value(QLatin1String("recurringEventId")).toString(),
                master.value(QLatin1String("id")).toString());
        }
    }
    QCOMPARE(overridden, 1);
    QCOMPARE(
        f.google.event(QStringLiteral("primary"), master.value(QLatin1String("id")).toString())
            ->value(QLatin1String("summary"))
            .toString(),
        QStringLiteral("Weekly"));
}

void TstSyncUi::conflictIsExplained()
{
    SyncFixture f(Provider::Google, QStringLiteral("syncui5"));
    f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
    QJsonObject remote = f.google.putEvent(
        QStringLiteral("primary"), gEvent(QStringLiteral("Budget"), todayAt(11)));
    MainWindow window(*f.service, f.profile);
    window.setSyncEngine(f.engine.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(syncWithUi(f, window));
    const QString pid = remote.value(QLatin1String("id")).toString();
    const QString id = f.eventId(QStringLiteral("primary"), pid);

    // Someone else renames it on the server; we edit the version we loaded.
    remote.insert(QStringLiteral("summary"), QStringLiteral("Budget (server)"));
    f.google.putEvent(QStringLiteral("primary"), remote);
    window.openEvent(id);
    EventDialog *dialog = window.eventDialog();
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"))
        ->setText(QStringLiteral("Budget (mine)"));
    QSignalSpy conflict(f.engine.get(), &SyncEngine::conflictAdded);
    QTest::mouseClick(
        dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_COMPARE(conflict.size(), 1);
    QTRY_VERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("kept aside")));

    auto *action = window.findChild<QAction *>(QStringLiteral("conflictsAction"));
    QVERIFY(action && action->isEnabled());
    action->trigger();
    auto *box = window.findChild<QDialog *>(QStringLiteral("conflictsDialog"));
    QVERIFY(box && box->isVisible() && !box->isModal());
    const QString details = box->findChild<QLabel *>(QStringLiteral("conflictDetails"))->text();
    QVERIFY2(details.contains(QStringLiteral("This event was changed on the server since you "
                                             "loaded it. Your edit was kept aside; the server's "
                                             "version is shown.")),
        qPrintable(details));
    QVERIFY(details.contains(QStringLiteral("Budget (server)")));
    box->findChild<QPushButton *>(QStringLiteral("keepServerButton"))->click();
    QVERIFY(f.engine->conflicts().isEmpty());
    QCOMPARE(
        f.google.event(QStringLiteral("primary"), pid)->value(QLatin1String("summary")).toString(),
        QStringLiteral("Budget (server)"));
}

void TstSyncUi::reapplyFromConflictsDialog()
{
    SyncFixture f(Provider::Google, QStringLiteral("syncui6"));
    f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
    QJsonObject remote = f.google.putEvent(
        QStringLiteral("primary"), gEvent(QStringLiteral("Budget"), todayAt(11)));
    MainWindow window(*f.service, f.profile);
    window.setSyncEngine(f.engine.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(syncWithUi(f, window));
    const QString pid = remote.value(QLatin1String("id")).toString();
    const QString id = f.eventId(QStringLiteral("primary"), pid);

    // 412: someone renamed it on the server while we edited the version we loaded.
    remote.insert(QStringLiteral("summary"), QStringLiteral("Budget (server)"));
    f.google.putEvent(QStringLiteral("primary"), remote);
    window.openEvent(id);
    EventDialog *dialog = window.eventDialog();
    QVERIFY(dialog);
    dialog->findChild<QLineEdit *>(QStringLiteral("titleEdit"))
        ->setText(QStringLiteral("Budget (mine)"));
    QSignalSpy conflict(f.engine.get(), &SyncEngine::conflictAdded);
    QTest::mouseClick(
        dialog->findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QTRY_COMPARE(conflict.size(), 1);
    QTRY_VERIFY(!f.engine->isSyncing());

    window.findChild<QAction *>(QStringLiteral("conflictsAction"))->trigger();
    auto *box = window.findChild<QDialog *>(QStringLiteral("conflictsDialog"));
    QVERIFY(box && box->isVisible());
    auto *reapply = box->findChild<QPushButton *>(QStringLiteral("reapplyButton"));
    QVERIFY(reapply);
    QVERIFY(reapply->isEnabled());
    QVERIFY(box->findChild<QLabel *>(QStringLiteral("conflictDetails"))
                ->text()
                .contains(QStringLiteral("Budget (server)")));
    if (!qEnvironmentVariableIsEmpty("KAIROS_SCREENSHOT_DIR"))
        box->grab().save(qEnvironmentVariable("KAIROS_SCREENSHOT_DIR")
            + QStringLiteral("/conflicts-reapply.png"));
    reapply->click();
    QVERIFY(f.engine->conflicts().isEmpty());
    QVERIFY(!reapply->isEnabled()); // nothing left to reapply
    QTRY_VERIFY(!f.engine->isSyncing());
    QVERIFY(syncWithUi(f, window));
    QCOMPARE(
        f.google.event(QStringLiteral("primary"), pid)->value(QLatin1String("summary")).toString(),
        QStringLiteral("Budget (mine)"));
    QCOMPARE(f.store->event(id)->title, QStringLiteral("Budget (mine)"));
    QVERIFY(f.engine->conflicts().isEmpty());
}

void TstSyncUi::importIntoGoogleCalendarGoesThroughTheOutbox()
{
    // File → Import into a Google calendar: every event goes through the outbox and reaches
    // the (fake) Google server — a plain event, a weekly series and one changed occurrence
    // that comes before its series in the file. Importing the file again adds nothing.
    SyncFixture f(Provider::Google, QStringLiteral("syncui-import"));
    f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
    QVERIFY(f.service->ensureLocalCalendar(QStringLiteral("My calendar")));
    MainWindow window(*f.service, f.profile);
    window.setSyncEngine(f.engine.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(syncWithUi(f, window)); // brings the Google calendar in
    QString googleCalendar;
    for (const Calendar &c : f.service->calendars())
        if (!c.accountId.isEmpty())
            googleCalendar = c.id;
    QVERIFY(!googleCalendar.isEmpty());

    const QByteArray ics = teamImportFile(todayAt(9).toUTC(), "Plain", true);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("team.ics"));
    {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(ics);
    }
    QStringList offered;
    QString report;
    DialogRunner::setHook([&](QDialog &d) {
        if (auto *combo = d.findChild<QComboBox *>(QStringLiteral("targetCalendarCombo"))) {
            for (int i = 0; i < combo->count(); ++i)
                offered << combo->itemData(i).toString();
            combo->setCurrentIndex(combo->findData(googleCalendar));
        }
        if (auto *r = qobject_cast<ImportReportDialog *>(&d))
            report = r->reportText();
        return int(QDialog::Accepted);
    });
    const auto runImport = [&]() {
        QSignalSpy done(window.ics(), &IcsController::importFinished);
        window.ics()->importFile(path);
        return done.wait(15000) && done.first().at(0).toBool();
    };
    QVERIFY(runImport());
    QVERIFY2(offered.contains(googleCalendar), qPrintable(offered.join(QLatin1Char(','))));
    QCOMPARE(window.ics()->lastSummary().imported, 3);
    QVERIFY2(window.ics()->lastSummary().skipped.isEmpty(), qPrintable(report));

    QTRY_COMPARE_WITH_TIMEOUT(f.engine->pendingWrites(), 0, 15000);
    QTRY_VERIFY(!f.engine->isSyncing());
    QString seriesId;
    QHash<QString, QJsonObject> bySummary;
    for (const QJsonObject &e : f.google.events(QStringLiteral("primary")))
        bySummary.insert(e.value(QLatin1String("summary")).toString(), e);
    QVERIFY(bySummary.contains(QStringLiteral("Plain")));
    QVERIFY(bySummary.contains(QStringLiteral("Series")));
    QVERIFY(bySummary.contains(QStringLiteral("Series (moved)")));
    const QJsonObject series = bySummary.value(QStringLiteral("Series"));
    QCOMPARE(series.value(QLatin1String("recurrence")).toArray().first().toString(),
        QStringLiteral("RRULE:FREQ=WEEKLY;COUNT=4"));
    QCOMPARE(bySummary.value(QStringLiteral("Series (moved)"))
                 .value(QLatin1String("recurringEventId"))
                 .toString(),
        series.value(QLatin1String("id")).toString());
    const qsizetype onServer = f.google.events(QStringLiteral("primary")).size();

    // Again, after a sync brought the server's versions back: matched by UID, nothing new.
    QVERIFY(syncWithUi(f, window));
    QVERIFY(runImport());
    QCOMPARE(window.ics()->lastSummary().imported, 0);
    QTRY_COMPARE_WITH_TIMEOUT(f.engine->pendingWrites(), 0, 15000);
    QTRY_VERIFY(!f.engine->isSyncing());
    QCOMPARE(f.google.events(QStringLiteral("primary")).size(), onServer);
    DialogRunner::setHook({});
}

QTEST_MAIN(TstSyncUi)
#include "tst_syncui.moc"
