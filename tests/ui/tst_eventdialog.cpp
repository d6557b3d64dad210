// The event dialog on its own: validation, DST gaps and folds in three zones, event zones.
#include "calendar/eventdialog.h"
#include "messagebox.h"
#include "model/zonedtime.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QTimeEdit>

using namespace kairos;

class TstEventDialog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void gapMessage_data();
    void gapMessage();
    void foldChoice_data();
    void foldChoice();
    void endBeforeStartDisablesSave();
    void keepsTheEventsOwnZone();
    void allDayToggle();
    void movingStartKeepsDuration();
    void deleteConfirms();
    void onlyWritableCalendars();
    void outOfOffice();

private:
    static QList<Calendar> calendars();
    static Event timedEvent(const QTimeZone &zone, QDate day, QTime start, int minutes);
    static QString plain(QString s)
    {
        // CLDR may put a narrow no-break space before AM/PM.
        return s.replace(QChar(0x202F), QLatin1Char(' '));
    }
};

void TstEventDialog::initTestCase()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

QList<Calendar> TstEventDialog::calendars()
{
    Calendar local;
    local.id = QStringLiteral("local");
    local.name = QStringLiteral("My calendar");
    Calendar feed;
    feed.id = QStringLiteral("feed");
    feed.name = QStringLiteral("Holidays");
    feed.readOnly = true;
    Calendar work;
    work.id = QStringLiteral("work");
    work.name = QStringLiteral("Work");
    return { local, feed, work };
}

Event TstEventDialog::timedEvent(const QTimeZone &zone, QDate day, QTime start, int minutes)
{
    Event e;
    e.id = QStringLiteral("e1");
    e.calendarId = QStringLiteral("local");
    e.title = QStringLiteral("Night shift");
    e.start = zonedDateTime(day, start, zone);
    e.end = e.start.addSecs(minutes * 60);
    return e;
}

void TstEventDialog::gapMessage_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("wall");
    QTest::addColumn<QString>("message");
    QTest::addColumn<qint64>("utcMinutesOfDay"); // the resolved instant, minutes after 00:00 UTC

    QTest::newRow("Madrid") << QByteArray("Europe/Madrid") << QDate(2026, 3, 29) << QTime(2, 30)
                            << QStringLiteral(
                                   "2:30 AM does not exist on 29 Mar 2026 in Europe/Madrid "
                                   "(clocks go forward); the event will start at 3:30 AM.")
                            << qint64(1 * 60 + 30);
    QTest::newRow("New York") << QByteArray("America/New_York") << QDate(2026, 3, 8) << QTime(2, 15)
                              << QStringLiteral(
                                     "2:15 AM does not exist on 8 Mar 2026 in America/New_York "
                                     "(clocks go forward); the event will start at 3:15 AM.")
                              << qint64(7 * 60 + 15);
    // Lord Howe moves its clocks by half an hour: 02:00 → 02:30.
    QTest::newRow("Lord Howe") << QByteArray("Australia/Lord_Howe") << QDate(2026, 10, 4)
                               << QTime(2, 10)
                               << QStringLiteral(
                                      "2:10 AM does not exist on 4 Oct 2026 in "
                                      "Australia/Lord_Howe (clocks go forward); the event "
                                      "will start at 2:40 AM.")
                               << qint64(-1); // previous UTC day; checked through the wall time
}

void TstEventDialog::gapMessage()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDate, date);
    QFETCH(QTime, wall);
    QFETCH(QString, message);
    QFETCH(qint64, utcMinutesOfDay);
    const QTimeZone tz(zone);
    QVERIFY(tz.isValid());
    EventDialog dialog(timedEvent(tz, date, QTime(1, 0), 180), true, calendars(), tz);
    dialog.show();
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("startDstNote"));
    QVERIFY(note);
    QVERIFY(!note->isVisible());
    dialog.findChild<QTimeEdit *>(QStringLiteral("startTimeEdit"))->setTime(wall);
    QVERIFY(note->isVisible());
    QCOMPARE(plain(note->text()), message);
    QVERIFY(!dialog.findChild<QComboBox *>(QStringLiteral("startFoldCombo"))->isVisible());
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("saveButton"))->isEnabled());

    const Event e = dialog.event();
    QCOMPARE(e.start.timeZone().id(), zone);
    QCOMPARE(e.start, resolveLocalTime(date, wall, tz).resolved);
    if (utcMinutesOfDay >= 0) {
        const QTime utc = e.start.toUTC().time();
        QCOMPARE(qint64(utc.hour() * 60 + utc.minute()), utcMinutesOfDay);
    }
    QVERIFY(e.start.toTimeZone(tz).time() > wall);

    // The end can fall in the gap too.
    dialog.findChild<QTimeEdit *>(QStringLiteral("startTimeEdit"))->setTime(QTime(0, 30));
    dialog.findChild<QTimeEdit *>(QStringLiteral("endTimeEdit"))->setTime(wall);
    auto *endNote = dialog.findChild<QLabel *>(QStringLiteral("endDstNote"));
    QVERIFY(endNote->isVisible());
    QVERIFY(endNote->text().contains(QStringLiteral("the event will end at")));
}

void TstEventDialog::foldChoice_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("wall");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<int>("overlapMinutes");

    QTest::newRow("Madrid") << QByteArray("Europe/Madrid") << QDate(2026, 10, 25) << QTime(2, 30)
                            << QStringLiteral("first 2:30 AM (CEST, UTC+2)")
                            << QStringLiteral("second 2:30 AM (CET, UTC+1)") << 60;
    QTest::newRow("New York") << QByteArray("America/New_York") << QDate(2026, 11, 1)
                              << QTime(1, 30) << QStringLiteral("first 1:30 AM (EDT, UTC-4)")
                              << QStringLiteral("second 1:30 AM (EST, UTC-5)") << 60;
    QTest::newRow("Lord Howe") << QByteArray("Australia/Lord_Howe") << QDate(2026, 4, 5)
                               << QTime(1, 45) << QStringLiteral("first 1:45 AM (UTC+11)")
                               << QStringLiteral("second 1:45 AM (UTC+10:30)") << 30;
}

void TstEventDialog::foldChoice()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDate, date);
    QFETCH(QTime, wall);
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(int, overlapMinutes);
    const QTimeZone tz(zone);
    EventDialog dialog(timedEvent(tz, date, QTime(0, 0), 240), true, calendars(), tz);
    dialog.show();
    dialog.findChild<QTimeEdit *>(QStringLiteral("startTimeEdit"))->setTime(wall);
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("startDstNote"));
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("startFoldCombo"));
    QVERIFY(note->isVisible());
    QVERIFY(plain(note->text()).contains(QStringLiteral("happens twice")));
    QVERIFY(combo->isVisible());
    QCOMPARE(combo->count(), 2);
    QCOMPARE(plain(combo->itemText(0)), first);
    QCOMPARE(plain(combo->itemText(1)), second);

    const QDateTime earlier = dialog.event().start;
    combo->setCurrentIndex(1);
    const QDateTime later = dialog.event().start;
    QCOMPARE(earlier.secsTo(later), qint64(overlapMinutes) * 60);
    QCOMPARE(later.toTimeZone(tz).time(), wall);
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("saveButton"))->isEnabled());

    // Reopening a stored event at the second instant preselects "second".
    Event stored = timedEvent(tz, date, QTime(0, 0), 240);
    stored.start = later;
    stored.end = later.addSecs(3600);
    EventDialog again(stored, false, calendars(), tz);
    again.show();
    QCOMPARE(again.findChild<QComboBox *>(QStringLiteral("startFoldCombo"))->currentIndex(), 1);
    QCOMPARE(again.event().start, later);
}

void TstEventDialog::endBeforeStartDisablesSave()
{
    const QTimeZone tz("Europe/Madrid");
    EventDialog dialog(
        timedEvent(tz, QDate(2026, 11, 18), QTime(10, 0), 60), true, calendars(), tz);
    dialog.show();
    auto *save = dialog.findChild<QPushButton *>(QStringLiteral("saveButton"));
    auto *message = dialog.findChild<QLabel *>(QStringLiteral("validationLabel"));
    QVERIFY(save->isEnabled());
    QVERIFY(!message->isVisible());
    dialog.findChild<QTimeEdit *>(QStringLiteral("endTimeEdit"))->setTime(QTime(9, 0));
    QVERIFY(!save->isEnabled());
    QVERIFY(message->isVisible());
    QVERIFY(message->text().contains(QStringLiteral("ends before it starts")));
    dialog.findChild<QDateEdit *>(QStringLiteral("endDateEdit"))->setDate(QDate(2026, 11, 19));
    QVERIFY(save->isEnabled());
    QVERIFY(!message->isVisible());
}

void TstEventDialog::keepsTheEventsOwnZone()
{
    const QTimeZone ny("America/New_York");
    const QTimeZone madrid("Europe/Madrid");
    Event e = timedEvent(ny, QDate(2026, 11, 18), QTime(9, 0), 60);
    EventDialog dialog(e, false, calendars(), madrid);
    dialog.show();
    QCOMPARE(dialog.eventZone().id(), QByteArray("America/New_York"));
    QCOMPARE(dialog.findChild<QTimeEdit *>(QStringLiteral("startTimeEdit"))->time(), QTime(9, 0));
    auto *zoneLabel = dialog.findChild<QLabel *>(QStringLiteral("zoneLabel"));
    QVERIFY(zoneLabel->isVisible());
    QVERIFY(zoneLabel->text().contains(QStringLiteral("America/New_York")));
    dialog.findChild<QTimeEdit *>(QStringLiteral("startTimeEdit"))->setTime(QTime(11, 0));
    const Event edited = dialog.event();
    QCOMPARE(edited.start.timeZone().id(), QByteArray("America/New_York"));
    QCOMPARE(edited.start.toTimeZone(ny).time(), QTime(11, 0));
    QCOMPARE(edited.end.toTimeZone(ny).time(), QTime(12, 0)); // duration kept

    // Same zone as the viewer: no label.
    EventDialog local(
        timedEvent(madrid, QDate(2026, 11, 18), QTime(9, 0), 60), false, calendars(), madrid);
    local.show();
    QVERIFY(!local.findChild<QLabel *>(QStringLiteral("zoneLabel"))->isVisible());
}

void TstEventDialog::allDayToggle()
{
    const QTimeZone tz("Europe/Madrid");
    EventDialog dialog(
        timedEvent(tz, QDate(2026, 11, 18), QTime(10, 0), 60), true, calendars(), tz);
    dialog.show();
    auto *allDay = dialog.findChild<QCheckBox *>(QStringLiteral("allDayCheck"));
    allDay->setChecked(true);
    QVERIFY(!dialog.findChild<QTimeEdit *>(QStringLiteral("startTimeEdit"))->isVisible());
    dialog.findChild<QDateEdit *>(QStringLiteral("endDateEdit"))->setDate(QDate(2026, 11, 20));
    Event e = dialog.event();
    QVERIFY(e.allDay);
    QCOMPARE(e.startDate, QDate(2026, 11, 18));
    QCOMPARE(e.endDate, QDate(2026, 11, 21)); // exclusive
    QVERIFY(e.isValid());
    dialog.findChild<QDateEdit *>(QStringLiteral("endDateEdit"))->setDate(QDate(2026, 11, 17));
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("saveButton"))->isEnabled());
}

void TstEventDialog::outOfOffice()
{
    // Local and Outlook calendars: a checkbox, and an out-of-office event is never "free".
    // Google sets it with its own event type in its own app: shown, kept, not editable.
    const QTimeZone tz("Europe/Madrid");
    QList<Calendar> cals = calendars();
    Calendar google;
    google.id = QStringLiteral("google");
    google.name = QStringLiteral("Google");
    google.accountId = QStringLiteral("acct");
    google.kind = CalendarKind::Google;
    Calendar outlook;
    outlook.id = QStringLiteral("outlook");
    outlook.name = QStringLiteral("Outlook");
    outlook.accountId = QStringLiteral("acct-m");
    outlook.kind = CalendarKind::Microsoft;
    cals << google << outlook;
    Event holiday = timedEvent(tz, QDate(2026, 12, 21), QTime(9, 0), 8 * 60);
    holiday.transparency = Transparency::Transparent;
    EventDialog dialog(holiday, false, cals, tz);
    dialog.show();
    auto *ooo = dialog.findChild<QCheckBox *>(QStringLiteral("outOfOfficeCheck"));
    QVERIFY(ooo);
    QVERIFY(ooo->isEnabled());
    QVERIFY(!ooo->isChecked());
    QVERIFY(!dialog.event().outOfOffice);
    ooo->setChecked(true);
    Event e = dialog.event();
    QVERIFY(e.outOfOffice);
    QVERIFY(e.transparency == Transparency::Opaque);

    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("calendarCombo"));
    combo->setCurrentIndex(combo->findData(QStringLiteral("outlook")));
    QVERIFY(ooo->isEnabled());
    QVERIFY(dialog.event().outOfOffice);
    combo->setCurrentIndex(combo->findData(QStringLiteral("google")));
    QVERIFY(!ooo->isEnabled());
    QVERIFY(!ooo->isChecked()); // the event's own value
    QVERIFY(!dialog.event().outOfOffice);
    QVERIFY(ooo->toolTip().contains(QStringLiteral("Google Calendar")));

    // An out-of-office event synced from Google keeps the flag through an edit.
    Event fromGoogle = timedEvent(tz, QDate(2026, 12, 22), QTime(9, 0), 60);
    fromGoogle.calendarId = QStringLiteral("google");
    fromGoogle.outOfOffice = true;
    EventDialog edit(fromGoogle, false, cals, tz);
    auto *box = edit.findChild<QCheckBox *>(QStringLiteral("outOfOfficeCheck"));
    QVERIFY(!box->isEnabled());
    QVERIFY(box->isChecked());
    QVERIFY(edit.event().outOfOffice);
}

void TstEventDialog::movingStartKeepsDuration()
{
    const QTimeZone tz("Europe/Madrid");
    EventDialog dialog(
        timedEvent(tz, QDate(2026, 11, 18), QTime(10, 0), 90), true, calendars(), tz);
    dialog.show();
    dialog.findChild<QTimeEdit *>(QStringLiteral("startTimeEdit"))->setTime(QTime(14, 0));
    QCOMPARE(dialog.findChild<QTimeEdit *>(QStringLiteral("endTimeEdit"))->time(), QTime(15, 30));
    dialog.findChild<QDateEdit *>(QStringLiteral("startDateEdit"))->setDate(QDate(2026, 11, 20));
    QCOMPARE(
        dialog.findChild<QDateEdit *>(QStringLiteral("endDateEdit"))->date(), QDate(2026, 11, 20));
}

void TstEventDialog::deleteConfirms()
{
    const QTimeZone tz("Europe/Madrid");
    EventDialog dialog(
        timedEvent(tz, QDate(2026, 11, 18), QTime(10, 0), 60), false, calendars(), tz);
    dialog.show();
    auto *del = dialog.findChild<QPushButton *>(QStringLiteral("deleteButton"));
    QVERIFY(del->isVisible());
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(del, Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(del, Qt::LeftButton);
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), EventDialog::DeleteResult);

    EventDialog fresh(timedEvent(tz, QDate(2026, 11, 18), QTime(10, 0), 60), true, calendars(), tz);
    fresh.show();
    QVERIFY(!fresh.findChild<QPushButton *>(QStringLiteral("deleteButton"))->isVisible());
}

void TstEventDialog::onlyWritableCalendars()
{
    const QTimeZone tz("Europe/Madrid");
    Event e = timedEvent(tz, QDate(2026, 11, 18), QTime(10, 0), 60);
    e.calendarId = QStringLiteral("work");
    EventDialog dialog(e, false, calendars(), tz);
    auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("calendarCombo"));
    QCOMPARE(combo->count(), 2);
    QCOMPARE(combo->currentData().toString(), QStringLiteral("work"));
    QCOMPARE(dialog.event().calendarId, QStringLiteral("work"));

    // An event of a read-only calendar opens read-only.
    e.calendarId = QStringLiteral("feed");
    EventDialog readOnly(e, false, calendars(), tz);
    QVERIFY(!readOnly.findChild<QPushButton *>(QStringLiteral("saveButton"))->isEnabled());
    QVERIFY(!readOnly.findChild<QPushButton *>(QStringLiteral("deleteButton"))->isEnabled());
}

QTEST_MAIN(TstEventDialog)
#include "tst_eventdialog.moc"
