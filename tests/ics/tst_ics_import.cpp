// Import: the corpus of real-world-style files under tests/data/ics (Outlook with Windows zone
// names, Google, floating times, VALUE=DATE ranges, broken folding, missing VTIMEZONE, a
// damaged file), the store side (one transaction, re-import updates), async + cancellation.
#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "ics/icsimport.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/testenv.h"

#include <QBuffer>
#include <QDir>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kairos;
using K = ics::ImportIssue::Kind;

namespace {

ics::ParsedCalendar parse(const QString &name, const QTimeZone &floating = QTimeZone("Asia/Tokyo"))
{
    ics::ImportOptions o;
    o.floatingZone = floating;
    auto r = ics::parseCalendarFile(test::testDataPath(QStringLiteral("ics/") + name), o);
    if (!r) {
        qWarning() << r.error().message;
        return {};
    }
    return *r;
}

const Event *byUid(const ics::ParsedCalendar &p, const QString &uid, bool instance = false)
{
    for (const Event &e : p.events) {
        if (e.iCalUid == uid && e.originalStart.isValid() == instance)
            return &e;
    }
    return nullptr;
}

bool hasIssue(const QList<ics::ImportIssue> &list, K kind, int line = -1)
{
    return std::any_of(list.begin(), list.end(),
        [&](const ics::ImportIssue &i) { return i.kind == kind && (line < 0 || i.line == line); });
}

QDateTime utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc());
}

struct Db {
    test::TempHome home;
    std::unique_ptr<Database> db;
    std::unique_ptr<EventStore> store;
    Db()
    {
        Profile p(QStringLiteral("imp"));
        (void)p.ensureDirs();
        auto r = Database::open(p.databasePath(), {}, QStringLiteral("imp"));
        db = std::move(r.value());
        store = std::make_unique<EventStore>(*db);
        Calendar c;
        c.id = QStringLiteral("local");
        c.name = QStringLiteral("Local");
        (void)store->saveCalendar(c);
    }
};

} // namespace

class TestIcsImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void outlookWindowsZones();
    void googleExport();
    void floatingTimes();
    void allDayRanges();
    void brokenFolding();
    void missingVTimezone();
    void damagedFile();
    void notACalendar();
    void reimportUpdatesNotDuplicates();
    void failedImportTouchesNothing();
    void outdatedSequenceSkipped();
    void itipCancelMarksCancelled();
    void asyncProgressAndCancel();
    void streamingImportInBatches();
    void streamingImportFailureTouchesNothing();
    void streamingImportStopsOnAStoreError();
    void providerCalendarsAreRefused();
    void linesLongerThanTheReadBlock();
    void scanCountsWithoutKeepingEvents();
    void fuzzRegressions();
    void alarms();
};

void TestIcsImport::outlookWindowsZones()
{
    const auto p = parse(QStringLiteral("outlook-windows-zones.ics"));
    QCOMPARE(p.events.size(), 4);
    QVERIFY(p.skipped.isEmpty());
    const Event *plan = byUid(p,
        QStringLiteral("040000008200E00074C5B7101A82E00800000000D0F1A1B2C3D4DA010000000000000000100"
                       "00000A1B2C3D4E5F60718293A4B5C6D7E8F90"));
    QVERIFY(plan);
    QCOMPARE(plan->start.timeZone().id(), QByteArray("Europe/Berlin"));
    QCOMPARE(plan->start.toUTC(), utc(2024, 4, 15, 8, 0)); // 10:00 CEST
    QCOMPARE(plan->title, QStringLiteral("Quartalsplanung Q2"));
    QCOMPARE(
        plan->description, QStringLiteral("Quarterly planning. Agenda:\n1. Budget\n2. Hiring\n"));
    QCOMPARE(plan->location, QStringLiteral("Konferenzraum Süd"));
    QCOMPARE(plan->organizer, QStringLiteral("jana.mueller@contoso.com"));
    QCOMPARE(plan->attendees.size(), 2);
    QCOMPARE(plan->attendees.at(0).name, QStringLiteral("Smith, Tom"));
    QVERIFY(plan->attendees.at(0).response == Attendee::Response::Accepted);
    QVERIFY(plan->attendees.at(1).optional);
    QCOMPARE(plan->sequence, 1);
    const Event *standup
        = byUid(p, QStringLiteral("040000008200E00074C5B7101A82E0080000000011223344"));
    QVERIFY(standup);
    QCOMPARE(standup->start.timeZone().id(), QByteArray("America/New_York"));
    QVERIFY(standup->recurrence.contains(
        QStringLiteral("EXDATE;TZID=America/New_York:20240318T090000")));
    QVERIFY(standup->recurrence.contains(
        QStringLiteral("EXDATE;TZID=America/New_York:20240325T090000")));
    const Event *late = byUid(p, standup->iCalUid, true);
    QVERIFY(late);
    QCOMPARE(late->originalStart.toUTC(), utc(2024, 3, 11, 13, 0)); // 09:00 EDT
    QCOMPARE(late->start.toUTC(), utc(2024, 3, 11, 14, 0));
    QVERIFY(hasIssue(p.notes, K::WindowsTimeZone));
}

void TestIcsImport::googleExport()
{
    const auto p = parse(QStringLiteral("google-export.ics"));
    QCOMPARE(p.name, QStringLiteral("Team Berlin"));
    QCOMPARE(p.method, QByteArray("PUBLISH"));
    QCOMPARE(p.events.size(), 4);
    const Event *weekly = byUid(p, QStringLiteral("7kukuqrfedlm2f9t0vr42q2qc4@google.com"));
    QVERIFY(weekly);
    QCOMPARE(weekly->recurrence.first(),
        QStringLiteral("RRULE:FREQ=WEEKLY;UNTIL=20240429T072959Z;BYDAY=MO"));
    QCOMPARE(weekly->start.toUTC(), utc(2024, 3, 25, 8, 30)); // CET: DST starts on 31 March
    QVERIFY(weekly->attendees.first().response == Attendee::Response::Accepted);
    QCOMPARE(weekly->created, utc(2024, 3, 1, 10, 10).addSecs(10));
    const Event *retro = byUid(p, QStringLiteral("3g6s0l1hq2s5m9t4v8b7n6c5x4@google.com"));
    QCOMPARE(retro->title, QStringLiteral("Retro 🎉"));
    QVERIFY(retro->status == EventStatus::Tentative);
    QCOMPARE(retro->sequence, 2);
    QCOMPARE(retro->start, utc(2024, 6, 12, 16, 0));
    const Event *holiday = byUid(p, QStringLiteral("20241003_tag_der_einheit@google.com"));
    QVERIFY(holiday->allDay);
    QCOMPARE(holiday->startDate, QDate(2024, 10, 3));
    QVERIFY(holiday->transparency == Transparency::Transparent);
    QVERIFY(byUid(p, QStringLiteral("cancelled01@google.com"))->status == EventStatus::Cancelled);
    QVERIFY(!hasIssue(p.notes, K::MissingVTimeZone));
}

void TestIcsImport::floatingTimes()
{
    const auto p = parse(QStringLiteral("floating-times.ics"), QTimeZone("Asia/Tokyo"));
    QCOMPARE(p.events.size(), 2);
    const Event *run = byUid(p, QStringLiteral("float-1@example.com"));
    QCOMPARE(run->start.timeZone().id(), QByteArray("Asia/Tokyo"));
    QCOMPARE(run->start.time(), QTime(7, 0));
    QCOMPARE(run->start.toUTC(), utc(2024, 7, 9, 22, 0));
    const Event *lunch = byUid(p, QStringLiteral("float-2@example.com"));
    QCOMPARE(lunch->durationMinutes(), 45);
    QVERIFY(hasIssue(p.notes, K::FloatingTime, 4));
}

void TestIcsImport::allDayRanges()
{
    const auto p = parse(QStringLiteral("allday-ranges.ics"));
    QCOMPARE(p.events.size(), 5);
    auto span = [&](const char *uid) {
        const Event *e = byUid(p, QString::fromLatin1(uid));
        return e && e->allDay ? std::make_pair(e->startDate, e->endDate)
                              : std::make_pair(QDate(), QDate());
    };
    QCOMPARE(span("range-3days@example.com"), std::make_pair(QDate(2024, 8, 5), QDate(2024, 8, 8)));
    QCOMPARE(
        span("range-nodtend@example.com"), std::make_pair(QDate(2024, 8, 15), QDate(2024, 8, 16)));
    QCOMPARE(
        span("range-duration@example.com"), std::make_pair(QDate(2024, 8, 20), QDate(2024, 9, 3)));
    QCOMPARE(
        span("range-sameday@example.com"), std::make_pair(QDate(2024, 9, 1), QDate(2024, 9, 2)));
    QCOMPARE(
        span("range-year-end@example.com"), std::make_pair(QDate(2024, 12, 30), QDate(2025, 1, 3)));
    QVERIFY(hasIssue(p.notes, K::AllDayEndFixed));
}

void TestIcsImport::brokenFolding()
{
    const auto p = parse(QStringLiteral("broken-folding.ics"));
    QCOMPARE(p.events.size(), 2);
    const Event *e = byUid(p, QStringLiteral("fold-1@crm.example"));
    QCOMPARE(e->title,
        QStringLiteral(
            "Customer call about the renewal of the enterprise contract for thenext three years"));
    QCOMPARE(e->description,
        QStringLiteral("Properly folded with a spaceand continued with a tab:done."));
    QVERIFY(hasIssue(p.notes, K::BrokenFolding, 10));
}

void TestIcsImport::missingVTimezone()
{
    const auto p = parse(QStringLiteral("missing-vtimezone.ics"));
    QCOMPARE(p.events.size(), 4);
    const Event *madrid = byUid(p, QStringLiteral("zone-madrid@example.com"));
    QCOMPARE(madrid->start.timeZone().id(), QByteArray("Europe/Madrid"));
    QCOMPARE(madrid->start.toUTC(), utc(2024, 7, 2, 7, 0));
    const Event *chicago = byUid(p, QStringLiteral("zone-mozilla@example.com"));
    QCOMPARE(chicago->start.timeZone().id(), QByteArray("America/Chicago"));
    const Event *mars = byUid(p, QStringLiteral("zone-unknown@example.com"));
    QCOMPARE(mars->start, utc(2024, 7, 2, 9, 0)); // unknown: the wall time read as UTC
    const Event *custom = byUid(p, QStringLiteral("zone-custom@example.com"));
    QCOMPARE(custom->start, utc(2024, 7, 2, 3, 30)); // +05:30 from the file's own definition
    QVERIFY(hasIssue(p.notes, K::MissingVTimeZone));
    QVERIFY(hasIssue(p.notes, K::UnknownTimeZone, 26));
    QVERIFY(hasIssue(p.notes, K::CustomTimeZone, 33));
}

void TestIcsImport::damagedFile()
{
    const auto p = parse(QStringLiteral("damaged.ics"));
    QStringList titles;
    for (const Event &e : p.events)
        titles << e.title;
    QCOMPARE(titles,
        QStringList({ QStringLiteral("Valid one"), QStringLiteral("Valid two"),
            QStringLiteral("Valid but no UID") }));
    for (const auto &i : p.skipped)
        qDebug() << i.line << ics::toString(i.kind) << i.uid << i.detail;
    QCOMPARE(p.skipped.size(), 7);
    QVERIFY(hasIssue(p.skipped, K::MissingStart, 11));
    QVERIFY(hasIssue(p.skipped, K::MissingStart, 16) || hasIssue(p.skipped, K::ParseError, 16));
    QVERIFY(hasIssue(p.skipped, K::Unterminated, 23));
    QVERIFY(hasIssue(p.skipped, K::EndBeforeStart, 35));
    QVERIFY(hasIssue(p.skipped, K::NotAnEvent, 42));
    QVERIFY(hasIssue(p.skipped, K::Unterminated, 53));
    QVERIFY(hasIssue(p.skipped, K::Unterminated, 60));
    QVERIFY(hasIssue(p.notes, K::MissingUid, 47));
    // The derived UID is stable, so a re-import matches.
    QCOMPARE(parse(QStringLiteral("damaged.ics")).events.last().iCalUid, p.events.last().iCalUid);
}

void TestIcsImport::notACalendar()
{
    auto r = ics::parseCalendar(QByteArrayLiteral("<html>not found</html>\n"));
    QVERIFY(!r);
    QVERIFY(r.error().code == Error::Code::ParseError);
}

void TestIcsImport::reimportUpdatesNotDuplicates()
{
    Db db;
    const auto p = parse(QStringLiteral("outlook-windows-zones.ics"));
    auto first = ics::applyImport(*db.store, QStringLiteral("local"), p);
    QVERIFY(first);
    QCOMPARE(first->imported, 4);
    QCOMPARE(db.store->eventCount().value(), 4);
    auto again = ics::applyImport(*db.store, QStringLiteral("local"), p);
    QVERIFY(again);
    QCOMPARE(again->imported, 0);
    QCOMPARE(again->unchanged, 4);
    QCOMPARE(db.store->eventCount().value(), 4);
    // The overridden instance points at its master's local id.
    auto series
        = db.store->eventsByUid(QStringLiteral("040000008200E00074C5B7101A82E0080000000011223344"));
    QCOMPARE(series->size(), 2);
    const Event &m = series->at(0).originalStart.isValid() ? series->at(1) : series->at(0);
    const Event &o = series->at(0).originalStart.isValid() ? series->at(0) : series->at(1);
    QCOMPARE(o.recurringEventId, m.id);
    // A changed file (new title, higher sequence) updates in place.
    auto changed = p;
    for (Event &e : changed.events) {
        if (e.title == QStringLiteral("Tag der Arbeit")) {
            e.title = QStringLiteral("Maifeiertag");
            e.sequence = 1;
        }
    }
    auto third = ics::applyImport(*db.store, QStringLiteral("local"), changed);
    QCOMPARE(third->updated, 1);
    QCOMPARE(third->unchanged, 3);
    QCOMPARE(db.store->eventCount().value(), 4);
}

void TestIcsImport::failedImportTouchesNothing()
{
    Db db;
    QVERIFY(ics::applyImport(
        *db.store, QStringLiteral("local"), parse(QStringLiteral("google-export.ics"))));
    const auto before = db.store->eventsInCalendar(QStringLiteral("local")).value();
    auto bad = parse(QStringLiteral("google-export.ics"));
    for (Event &e : bad.events)
        e.title += QStringLiteral(" (changed)");
    Event broken; // an invalid event in the batch makes saveEvents fail → rollback
    broken.iCalUid = QStringLiteral("broken@x");
    bad.events.append(broken);
    auto r = ics::applyImport(*db.store, QStringLiteral("local"), bad);
    QVERIFY(!r);
    QCOMPARE(db.store->eventsInCalendar(QStringLiteral("local")).value(), before);
    // Read-only calendars refuse imports.
    Calendar ro;
    ro.id = QStringLiteral("ro");
    ro.readOnly = true;
    ro.name = QStringLiteral("Holidays");
    auto saved = db.store->saveCalendar(ro);
    QVERIFY2(saved, qPrintable(saved.error().message));
    auto r2 = ics::applyImport(
        *db.store, QStringLiteral("ro"), parse(QStringLiteral("google-export.ics")));
    QVERIFY(!r2);
    QVERIFY(r2.error().code == Error::Code::ReadOnly);
}

void TestIcsImport::outdatedSequenceSkipped()
{
    Db db;
    auto p = parse(QStringLiteral("google-export.ics"));
    QVERIFY(ics::applyImport(*db.store, QStringLiteral("local"), p));
    for (Event &e : p.events) {
        e.title = QStringLiteral("older");
        e.sequence = -1;
    }
    auto r = ics::applyImport(*db.store, QStringLiteral("local"), p);
    QVERIFY(r);
    QCOMPARE(r->skipped.size(), 4);
    QVERIFY(r->skipped.first().kind == K::OutdatedSequence);
}

void TestIcsImport::itipCancelMarksCancelled()
{
    Db db;
    const QByteArray req
        = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\n"
          "UID:meet@x\r\nDTSTAMP:20240101T000000Z\r\nSEQUENCE:0\r\nDTSTART:20240501T100000Z\r\n"
          "DTEND:20240501T110000Z\r\nSUMMARY:Meet\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    QVERIFY(ics::applyImport(*db.store, QStringLiteral("local"), *ics::parseCalendar(req)));
    QByteArray cancel = req;
    cancel.replace("METHOD:REQUEST", "METHOD:CANCEL").replace("SEQUENCE:0", "SEQUENCE:1");
    auto r = ics::applyImport(*db.store, QStringLiteral("local"), *ics::parseCalendar(cancel));
    QCOMPARE(r->updated, 1);
    QVERIFY(
        db.store->eventsByUid(QStringLiteral("meet@x"))->first().status == EventStatus::Cancelled);
}

void TestIcsImport::asyncProgressAndCancel()
{
    // A generated file big enough to report progress several times.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.ics"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n");
    for (int i = 0; i < 3000; ++i)
        f.write(QStringLiteral(
            "BEGIN:VEVENT\r\nUID:e%1@x\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:20240101T100000Z\r\n"
            "DTEND:20240101T110000Z\r\nSUMMARY:Event %1\r\nEND:VEVENT\r\n")
                    .arg(i)
                    .toUtf8());
    f.write("END:VCALENDAR\r\n");
    f.close();
    QFutureWatcher<Expected<ics::ParsedCalendar>> w;
    QSignalSpy progress(&w, &QFutureWatcherBase::progressValueChanged);
    QSignalSpy done(&w, &QFutureWatcherBase::finished);
    w.setFuture(ics::parseCalendarFileAsync(path, QTimeZone::utc()));
    QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
    QCOMPARE(w.result()->events.size(), 3000);
    QVERIFY(progress.count() >= 1);
    QCOMPARE(w.progressValue(), 1000);

    // Cancellation through the options (the QFuture path uses the same hook).
    int polls = 0;
    ics::ImportOptions o;
    o.cancelled = [&polls] { return ++polls >= 2; };
    auto r = ics::parseCalendarFile(path, o);
    QVERIFY(!r);
    QVERIFY(r.error().code == Error::Code::Cancelled);
}

namespace {

QByteArray generatedCalendar(int n, const QString &titlePrefix)
{
    QByteArray out = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n";
    for (int i = 0; i < n; ++i)
        out += QStringLiteral(
            "BEGIN:VEVENT\r\nUID:e%1@x\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:20240101T100000Z\r\n"
            "DTEND:20240101T110000Z\r\nSUMMARY:%2 %1\r\nEND:VEVENT\r\n")
                   .arg(i)
                   .arg(titlePrefix)
                   .toUtf8();
    out += "END:VCALENDAR\r\n";
    return out;
}

} // namespace

void TestIcsImport::streamingImportInBatches()
{
    // Batches of one event: an override that comes before its master in the file still
    // points at the master's local id, duplicates are dropped, re-import updates in place.
    const QByteArray ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
                           "BEGIN:VEVENT\r\nUID:s@x\r\nRECURRENCE-ID:20240108T100000Z\r\n"
                           "DTSTART:20240108T120000Z\r\nDTEND:20240108T130000Z\r\n"
                           "SUMMARY:Moved\r\nEND:VEVENT\r\n"
                           "BEGIN:VEVENT\r\nUID:s@x\r\nDTSTART:20240101T100000Z\r\n"
                           "DTEND:20240101T110000Z\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\n"
                           "SUMMARY:Series\r\nEND:VEVENT\r\n"
                           "BEGIN:VEVENT\r\nUID:lone@x\r\nRECURRENCE-ID:20240108T100000Z\r\n"
                           "DTSTART:20240108T120000Z\r\nDTEND:20240108T130000Z\r\n"
                           "SUMMARY:Orphan\r\nEND:VEVENT\r\n"
                           "BEGIN:VEVENT\r\nUID:s@x\r\nDTSTART:20240101T100000Z\r\n"
                           "DTEND:20240101T110000Z\r\nSUMMARY:Duplicate\r\nEND:VEVENT\r\n"
                           "END:VCALENDAR\r\n";
    Db db;
    QByteArray copy = ics;
    QBuffer buf(&copy);
    QVERIFY(buf.open(QIODevice::ReadOnly));
    auto r = ics::importCalendar(buf, *db.store, QStringLiteral("local"), {}, {}, 1);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->imported, 3);
    auto seriesR = db.store->eventsByUid(QStringLiteral("s@x"));
    QVERIFY(seriesR);
    const QList<Event> series = *seriesR;
    QCOMPARE(series.size(), 2);
    const Event &m = series.at(0).originalStart.isValid() ? series.at(1) : series.at(0);
    const Event &o = series.at(0).originalStart.isValid() ? series.at(0) : series.at(1);
    QCOMPARE(m.title, QStringLiteral("Series"));
    QCOMPARE(o.recurringEventId, m.id);
    const auto orphan = db.store->eventsByUid(QStringLiteral("lone@x")).value();
    QCOMPARE(orphan.size(), 1);
    QVERIFY(orphan.first().recurringEventId.isEmpty()); // its master never came

    buf.seek(0);
    auto again = ics::importCalendar(buf, *db.store, QStringLiteral("local"), {}, {}, 2);
    QVERIFY(again);
    QCOMPARE(again->imported, 0);
    QCOMPARE(again->unchanged, 3);
    QCOMPARE(db.store->eventCount().value(), 3);
    QCOMPARE(db.store->eventsByUid(QStringLiteral("s@x")).value().size(), 2);
}

void TestIcsImport::streamingImportFailureTouchesNothing()
{
    Db db;
    QByteArray first = generatedCalendar(300, QStringLiteral("Old"));
    QBuffer a(&first);
    QVERIFY(a.open(QIODevice::ReadOnly));
    QVERIFY(ics::importCalendar(a, *db.store, QStringLiteral("local"), {}, {}, 50));
    const auto before = db.store->eventsInCalendar(QStringLiteral("local")).value();
    QCOMPARE(before.size(), 300);

    // 1200 changed + new events in batches of 50: cancelled after ~10 batches were staged.
    QByteArray second = generatedCalendar(1200, QStringLiteral("New"));
    QBuffer b(&second);
    QVERIFY(b.open(QIODevice::ReadOnly));
    ics::ImportOptions o;
    int polls = 0;
    o.cancelled = [&polls] { return ++polls >= 1; };
    auto r = ics::importCalendar(b, *db.store, QStringLiteral("local"), o, {}, 50);
    QVERIFY(!r);
    QVERIFY(r.error().code == Error::Code::Cancelled);
    QVERIFY(polls >= 1);
    QCOMPARE(db.store->eventsInCalendar(QStringLiteral("local")).value(), before);

    // A parse failure (no calendar at all) and a broken file change nothing either, and the
    // staging area is gone: the next import works.
    QByteArray junk = "<html>not found</html>\n";
    QBuffer c(&junk);
    QVERIFY(c.open(QIODevice::ReadOnly));
    QVERIFY(!ics::importCalendar(c, *db.store, QStringLiteral("local")));
    QCOMPARE(db.store->eventsInCalendar(QStringLiteral("local")).value(), before);
    b.seek(0);
    auto ok = ics::importCalendar(b, *db.store, QStringLiteral("local"), {}, {}, 50);
    QVERIFY2(ok, ok ? "" : qPrintable(ok.error().message));
    QCOMPARE(ok->imported, 900);
    QCOMPARE(ok->updated, 300);
    QCOMPARE(db.store->eventCount().value(), 1200);
}

void TestIcsImport::streamingImportStopsOnAStoreError()
{
    // The store fails in the middle (here: its staging table disappears after the third
    // batch): the error comes back, the calendar is untouched, and the parsing thread stopped
    // early instead of reading the rest of the file into a queue nobody empties.
    Db db;
    QByteArray first = generatedCalendar(100, QStringLiteral("Old"));
    QBuffer a(&first);
    QVERIFY(a.open(QIODevice::ReadOnly));
    QVERIFY(ics::importCalendar(a, *db.store, QStringLiteral("local")));
    const auto before = db.store->eventsInCalendar(QStringLiteral("local")).value();

    QByteArray big = generatedCalendar(20000, QStringLiteral("New"));
    QBuffer b(&big);
    QVERIFY(b.open(QIODevice::ReadOnly));
    ics::ImportOptions o;
    int batches = 0;
    o.progress = [&](qint64, qint64) {
        if (++batches == 3)
            db.store->dropStaging();
    };
    auto r = ics::importCalendar(b, *db.store, QStringLiteral("local"), o, {}, 50);
    QVERIFY(!r);
    QVERIFY2(r.error().code == Error::Code::WriteFailed, qPrintable(r.error().message));
    QCOMPARE(db.store->eventsInCalendar(QStringLiteral("local")).value(), before);
    QVERIFY2(b.pos() < b.size() / 2, qPrintable(QString::number(b.pos())));

    // The next import works.
    b.seek(0);
    auto ok = ics::importCalendar(b, *db.store, QStringLiteral("local"), {}, {}, 500);
    QVERIFY2(ok, ok ? "" : qPrintable(ok.error().message));
    QCOMPARE(db.store->eventCount().value(), 20000);
}

void TestIcsImport::providerCalendarsAreRefused()
{
    // Events imported into a Google or Microsoft calendar would stay on this computer (the
    // import does not use the sync outbox): refused, with words, and nothing stored.
    Db db;
    Calendar google;
    google.id = QStringLiteral("google:work");
    Account account;
    account.id = QStringLiteral("acct-google");
    account.email = QStringLiteral("ana@example.com");
    QVERIFY((*db.store).saveAccount(account));
    google.accountId = account.id;
    google.kind = CalendarKind::Google;
    google.name = QStringLiteral("Work");
    QVERIFY(db.store->saveCalendar(google));
    QByteArray data = generatedCalendar(5, QStringLiteral("E"));
    QBuffer b(&data);
    QVERIFY(b.open(QIODevice::ReadOnly));
    auto r = ics::importCalendar(b, *db.store, google.id);
    QVERIFY(!r);
    QVERIFY(r.error().code == Error::Code::ReadOnly);
    QVERIFY2(r.error().message.contains(QStringLiteral("Google or Microsoft")),
        qPrintable(r.error().message));
    const auto parsed = ics::parseCalendar(data);
    QVERIFY(parsed);
    QVERIFY(!ics::applyImport(*db.store, google.id, *parsed));
    QCOMPARE(db.store->eventCount().value(), 0);
    // The local calendar takes the same file.
    QVERIFY(ics::applyImport(*db.store, QStringLiteral("local"), *parsed));
    QCOMPARE(db.store->eventCount().value(), 5);
}

void TestIcsImport::linesLongerThanTheReadBlock()
{
    // The parser cuts lines out of large read blocks: a line longer than a block (a 600 KB
    // description, folded at 75 octets into many physical lines, plus one unfolded 400 KB
    // line), LF-only and CRLF line ends mixed, and a last line without a line break.
    QByteArray ics = "BEGIN:VCALENDAR\nVERSION:2.0\r\nPRODID:x\n";
    const QByteArray longText(600 * 1024, 'a');
    QByteArray folded = "DESCRIPTION:" + longText;
    QByteArray lines;
    for (qsizetype i = 0; i < folded.size(); i += 74)
        lines += (i == 0 ? QByteArray() : QByteArray(" ")) + folded.mid(i, 74) + "\r\n";
    ics += "BEGIN:VEVENT\r\nUID:folded@x\nDTSTART:20240101T100000Z\r\n"
           "DTEND:20240101T110000Z\n"
        + lines + "SUMMARY:Folded\nEND:VEVENT\r\n";
    const QByteArray unfolded(400 * 1024, 'b');
    ics += "BEGIN:VEVENT\nUID:unfolded@x\nDTSTART:20240102T100000Z\nDTEND:20240102T110000Z\n"
           "DESCRIPTION:"
        + unfolded + "\nSUMMARY:Unfolded\nEND:VEVENT\n";
    for (int i = 0; i < 3000; ++i)
        ics += QStringLiteral("BEGIN:VEVENT\nUID:n%1@x\nDTSTART:20240103T100000Z\n"
                              "DTEND:20240103T110000Z\nSUMMARY:N %1\nEND:VEVENT\n")
                   .arg(i)
                   .toUtf8();
    ics += "END:VCALENDAR"; // no line break at the end

    const auto p = ics::parseCalendar(ics);
    QVERIFY(p);
    QVERIFY2(p->skipped.isEmpty(), qPrintable(p->skipped.value(0).detail));
    QCOMPARE(p->events.size(), 3002);
    const Event *f = byUid(*p, QStringLiteral("folded@x"));
    QVERIFY(f);
    QCOMPARE(f->description.size(), longText.size());
    QCOMPARE(f->description, QString::fromLatin1(longText));
    QCOMPARE(f->title, QStringLiteral("Folded"));
    const Event *u = byUid(*p, QStringLiteral("unfolded@x"));
    QVERIFY(u);
    QCOMPARE(u->description, QString::fromLatin1(unfolded));
    QCOMPARE(byUid(*p, QStringLiteral("n2999@x"))->title, QStringLiteral("N 2999"));

    // The same through the streaming import.
    Db db;
    QBuffer b(&ics);
    QVERIFY(b.open(QIODevice::ReadOnly));
    auto r = ics::importCalendar(b, *db.store, QStringLiteral("local"), {}, {}, 100);
    QVERIFY2(r, r ? "" : qPrintable(r.error().message));
    QCOMPARE(r->imported, 3002);
    QCOMPARE(db.store->eventsByUid(QStringLiteral("folded@x")).value().first().description,
        QString::fromLatin1(longText));
}

void TestIcsImport::fuzzRegressions()
{
    // Inputs the libFuzzer target (tests/fuzz/fuzz_ics_import.cpp) once crashed on: each must
    // parse without crashing into valid events only, and import all or nothing.
    const QDir dir(test::testDataPath(QStringLiteral("ics/fuzz")));
    const QStringList files = dir.entryList({ QStringLiteral("*.ics") }, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &name : files) {
        ics::ImportOptions o;
        o.floatingZone = QTimeZone("Europe/Madrid");
        auto p = ics::parseCalendarFile(dir.filePath(name), o);
        if (!p)
            continue; // "not a calendar" is a fine answer
        for (const Event &e : p->events)
            QVERIFY2(e.isValid() && !e.iCalUid.isEmpty(),
                qPrintable(name + QLatin1Char(' ') + e.iCalUid));
        Db db;
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        auto r = ics::importCalendar(f, *db.store, QStringLiteral("local"), o, {}, 3);
        QVERIFY2(r, qPrintable(name));
        QVERIFY(db.store->eventCount().value() <= int(p->events.size()));
    }
    // DTSTART with the time "657955" (hour 65): that event is skipped, the others come in.
    auto p = ics::parseCalendarFile(
        test::testDataPath(QStringLiteral("ics/fuzz/time-out-of-range.ics")), {});
    QVERIFY(p);
    QVERIFY(!byUid(*p, QStringLiteral("zone-mozilla@example.com")));
    QVERIFY(hasIssue(p->skipped, K::MissingStart));
    QVERIFY(byUid(*p, QStringLiteral("zone-madrid@example.com")));
}

void TestIcsImport::scanCountsWithoutKeepingEvents()
{
    // The desktop import's first pass: the structure only. Against a full parse: the same
    // components, name and METHOD; the structural skips (unterminated, not an event) at the
    // same lines; events that a full parse then rejects for their content are still counted.
    for (const QString &name : { QStringLiteral("damaged.ics"), QStringLiteral("google-export.ics"),
             QStringLiteral("outlook-windows-zones.ics") }) {
        const auto full = parse(name);
        QVERIFY(!full.events.isEmpty());
        QCOMPARE(full.eventCount, int(full.events.size()));
        ics::ImportOptions o;
        o.floatingZone = QTimeZone("Asia/Tokyo");
        auto scan = ics::scanCalendarFile(test::testDataPath(QStringLiteral("ics/") + name), o);
        QVERIFY(scan);
        QVERIFY(scan->events.isEmpty());
        QCOMPARE(scan->components, full.components);
        QCOMPARE(scan->name, full.name);
        QCOMPARE(scan->method, full.method);
        QList<ics::ImportIssue> structural;
        int rejectedForContent = 0;
        for (const ics::ImportIssue &i : full.skipped) {
            if (i.kind == K::Unterminated || i.kind == K::NotAnEvent)
                structural.append(i);
            else
                ++rejectedForContent;
        }
        QCOMPARE(scan->eventCount, full.eventCount + rejectedForContent);
        QCOMPARE(scan->skipped.size(), structural.size());
        for (qsizetype i = 0; i < structural.size(); ++i) {
            QCOMPARE(scan->skipped.at(i).line, structural.at(i).line);
            QVERIFY(scan->skipped.at(i).kind == structural.at(i).kind);
        }
    }
    // A large file: counted, cancellable, never an event in the result.
    QByteArray big = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-WR-CALNAME:Big\r\n";
    for (int i = 0; i < 3000; ++i)
        big += "BEGIN:VEVENT\r\nUID:" + QByteArray::number(i)
            + "@x\r\nDTSTART:20240101T100000Z\r\nDTEND:20240101T110000Z\r\nSUMMARY:E\r\n"
              "END:VEVENT\r\n";
    big += "END:VCALENDAR\r\n";
    QBuffer buf(&big);
    QVERIFY(buf.open(QIODevice::ReadOnly));
    auto scan = ics::scanCalendar(buf);
    QVERIFY(scan);
    QCOMPARE(scan->eventCount, 3000);
    QCOMPARE(scan->name, QStringLiteral("Big"));
    QVERIFY(scan->events.isEmpty());
    QVERIFY(buf.seek(0));
    ics::ImportOptions o;
    int polls = 0;
    o.cancelled = [&polls] { return ++polls == 2; };
    auto cancelled = ics::scanCalendar(buf, o);
    QVERIFY(!cancelled);
    QVERIFY(cancelled.error().code == Error::Code::Cancelled);
}

void TestIcsImport::alarms()
{
    // VALARMs as other programs write them: relative to the start (Thunderbird, Apple), to the
    // end, an absolute UTC time, an e-mail alarm (not ours to ring), one after the start (rings
    // at the start), an AUDIO alarm (rings like a display one).
    const QByteArray ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
                           "BEGIN:VEVENT\r\nUID:alarms@x\r\nDTSTART:20240415T100000Z\r\n"
                           "DTEND:20240415T113000Z\r\nSUMMARY:Alarms\r\n"
                           "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\n"
                           "DESCRIPTION:x\r\nEND:VALARM\r\n"
                           "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER;RELATED=END:-PT2H\r\n"
                           "DESCRIPTION:x\r\nEND:VALARM\r\n"
                           "BEGIN:VALARM\r\nACTION:DISPLAY\r\n"
                           "TRIGGER;VALUE=DATE-TIME:20240414T100000Z\r\n"
                           "DESCRIPTION:x\r\nEND:VALARM\r\n"
                           "BEGIN:VALARM\r\nACTION:EMAIL\r\nTRIGGER:-P2D\r\nSUMMARY:s\r\n"
                           "DESCRIPTION:x\r\nATTENDEE:mailto:a@x\r\nEND:VALARM\r\n"
                           "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:PT5M\r\n"
                           "DESCRIPTION:x\r\nEND:VALARM\r\n"
                           "BEGIN:VALARM\r\nACTION:AUDIO\r\nTRIGGER:-PT1H\r\nEND:VALARM\r\n"
                           "END:VEVENT\r\n"
                           "BEGIN:VEVENT\r\nUID:none@x\r\nDTSTART:20240415T100000Z\r\n"
                           "DTEND:20240415T110000Z\r\nSUMMARY:None\r\nEND:VEVENT\r\n"
                           "END:VCALENDAR\r\n";
    auto p = ics::parseCalendar(ics, {});
    QVERIFY(p);
    const Event *a = byUid(*p, QStringLiteral("alarms@x"));
    QVERIFY(a);
    // 15; the end (11:30) minus 2 h = 30 before; a day; 0 (after the start); 60.
    QCOMPARE(a->reminders, (QList<int> { 0, 15, 30, 60, 1440 }));
    QVERIFY(byUid(*p, QStringLiteral("none@x"))->reminders.isEmpty());
    // Through the store and back unchanged.
    Db db;
    QVERIFY(ics::applyImport(*db.store, QStringLiteral("local"), *p));
    const auto stored = db.store->eventsByUid(QStringLiteral("alarms@x"));
    QVERIFY(stored);
    QCOMPARE(stored->first().reminders, a->reminders);
}

QTEST_GUILESS_MAIN(TestIcsImport)
#include "tst_ics_import.moc"
