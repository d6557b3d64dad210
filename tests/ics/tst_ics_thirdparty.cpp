// iCalendar that others wrote (issue #15): one regression test per defect class found on the
// third-party corpus, each on its minimal file in tests/ics/corpus/kairos/.
#include "core/profile.h"
#include "ics/icsexport.h"
#include "ics/icsimport.h"
#include "ics/recurrence.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/testenv.h"
#include "testpaths.h"

#include <QFile>
#include <QTest>

using namespace kairos;
using K = ics::ImportIssue::Kind;

namespace {

QString corpusFile(const QString &name)
{
    return QStringLiteral(KAIROS_SOURCE_DIR "/tests/ics/corpus/kairos/") + name;
}

ics::ParsedCalendar parse(const QString &name)
{
    ics::ImportOptions o;
    o.floatingZone = QTimeZone::utc();
    auto r = ics::parseCalendarFile(corpusFile(name), o);
    if (!r) {
        qWarning() << r.error().message;
        return {};
    }
    return *r;
}

const Event *byUid(const QList<Event> &events, const QString &uid, bool instance = false)
{
    for (const Event &e : events) {
        if (e.iCalUid == uid && e.originalStart.isValid() == instance)
            return &e;
    }
    return nullptr;
}

const ics::ImportIssue *issue(const QList<ics::ImportIssue> &list, K kind, int line = -1)
{
    for (const ics::ImportIssue &i : list) {
        if (i.kind == kind && (line < 0 || i.line == line))
            return &i;
    }
    return nullptr;
}

QDateTime utc(int y, int mo, int d, int h, int mi)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi), QTimeZone::utc());
}

QList<QDateTime> utcStarts(const Event &master)
{
    QList<QDateTime> out;
    for (const QDateTime &s : ics::expandRecurrence(master,
             utc(2020, 1, 1, 0, 0).toMSecsSinceEpoch(), utc(2030, 1, 1, 0, 0).toMSecsSinceEpoch()))
        out.append(s.toUTC());
    return out;
}

struct Db {
    test::TempHome home;
    std::unique_ptr<Database> db;
    std::unique_ptr<EventStore> store;
    Db()
    {
        Profile p(QStringLiteral("thirdparty"));
        (void)p.ensureDirs();
        auto r = Database::open(p.databasePath(), {}, QStringLiteral("thirdparty"));
        db = std::move(r.value());
        store = std::make_unique<EventStore>(*db);
        Calendar c;
        c.id = QStringLiteral("local");
        c.name = QStringLiteral("Local");
        (void)store->saveCalendar(c);
    }
    Expected<ics::ImportSummary> import(const QString &name)
    {
        ics::ImportOptions o;
        o.floatingZone = QTimeZone::utc();
        return ics::importCalendarFile(corpusFile(name), *store, QStringLiteral("local"), o);
    }
    QList<Event> events() { return store->eventsInCalendar(QStringLiteral("local")).value(); }
};

} // namespace

class TestIcsThirdParty : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void byteOrderMarkAndLeadingBlankLines();
    void rdatePeriodKeepsItsLength();
    void duplicateUidNewestWins();
    void vtimezoneAfterTheEvent();
    void foldRightAfterThePropertyName();
    void outlookZoneNames();
    void malformedPropertiesAreReported();
};

// (2) A UTF-8 byte-order mark right before BEGIN:VCALENDAR (the whole file was refused: "no
// BEGIN:VCALENDAR"), and blank or blank-looking lines before it.
void TestIcsThirdParty::byteOrderMarkAndLeadingBlankLines()
{
    const auto p = parse(QStringLiteral("bom.ics"));
    QCOMPARE(p.events.size(), 1);
    QCOMPARE(p.events.first().start, utc(2024, 1, 5, 9, 0));
    QVERIFY(p.skipped.isEmpty());
    // The scan (desktop import's first pass) reads it too.
    auto scan = ics::scanCalendarFile(corpusFile(QStringLiteral("bom.ics")));
    QVERIFY(scan);
    QCOMPARE(scan->eventCount, 1);
    const auto blank = parse(QStringLiteral("leading-blank-lines.ics"));
    QCOMPARE(blank.events.size(), 1);
    QCOMPARE(blank.events.first().title, QStringLiteral("After blank lines"));
    // A BOM anywhere else is content, not skipped.
    auto inside = ics::parseCalendar(QByteArray("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                                                "DTSTART:20240105T090000Z\r\nSUMMARY:\xEF\xBB\xBF"
                                                "a\r\n"
                                                "END:VEVENT\r\nEND:VCALENDAR\r\n"));
    QVERIFY(inside);
    QCOMPARE(inside->events.first().title,
        QString::fromUtf8("\xEF\xBB\xBF"
                          "a"));
}

// (3) RDATE;VALUE=PERIOD: each such instance lasts its period, and the export keeps it.
void TestIcsThirdParty::rdatePeriodKeepsItsLength()
{
    Db db;
    QVERIFY(db.import(QStringLiteral("rdate-period.ics")));
    const QList<Event> events = db.events();
    const Event *master = byUid(events, QStringLiteral("period@kairos.test"));
    QVERIFY(master);
    QCOMPARE(master->start.secsTo(master->end), 3600);
    QCOMPARE(utcStarts(*master).size(), 3);
    QList<std::pair<QDateTime, qint64>> instances;
    for (const Event &e : events) {
        if (e.originalStart.isValid())
            instances.append({ e.start.toUTC(), e.start.secsTo(e.end) });
    }
    std::sort(instances.begin(), instances.end());
    QCOMPARE(instances.size(), 2);
    QCOMPARE(instances.at(0), std::make_pair(utc(2024, 1, 10, 13, 0), qint64(3 * 3600)));
    QCOMPARE(instances.at(1), std::make_pair(utc(2024, 1, 12, 8, 0), qint64(1800)));
    const QByteArray out = ics::exportCalendar(events);
    QVERIFY2(out.contains("RDATE;VALUE=PERIOD:20240110T130000Z/20240110T160000Z"), out.constData());
    // Importing the export again changes nothing and reports no duplicate.
    Db db2;
    QFile f(db2.home.path() + QStringLiteral("/out.ics"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(out);
    f.close();
    auto r = ics::importCalendarFile(f.fileName(), *db2.store, QStringLiteral("local"));
    QVERIFY(r);
    QCOMPARE(r->imported, 3);
    QVERIFY(!issue(r->notes, K::DuplicateComponent));
}

// (4) One UID (or one RECURRENCE-ID) twice: the highest SEQUENCE, then the latest DTSTAMP
// wins, whatever the order, and the report says so with the lines.
void TestIcsThirdParty::duplicateUidNewestWins()
{
    Db db;
    auto r = db.import(QStringLiteral("duplicate-uid.ics"));
    QVERIFY(r);
    const QList<Event> events = db.events();
    QCOMPARE(events.size(), 3); // dup, the series, its moved instance
    QCOMPARE(byUid(events, QStringLiteral("dup@kairos.test"))->title,
        QStringLiteral("Newest (sequence 2)"));
    const Event *moved = byUid(events, QStringLiteral("dup-series@kairos.test"), true);
    QVERIFY(moved);
    QCOMPARE(moved->title, QStringLiteral("Moved (newer stamp)"));
    QCOMPARE(moved->recurringEventId, byUid(events, QStringLiteral("dup-series@kairos.test"))->id);
    // Line 12 (sequence 2) replaced line 4; line 20 (older stamp) and line 44 were ignored.
    QVERIFY(issue(r->notes, K::DuplicateComponent, 12));
    QVERIFY(issue(r->notes, K::DuplicateComponent, 20));
    QVERIFY(issue(r->notes, K::DuplicateComponent, 44));
    QVERIFY(issue(r->notes, K::DuplicateComponent, 12)
                ->detail.contains(QLatin1String("replaces line 4")));
    // The in-memory path (applyImport) decides the same.
    Db db2;
    auto a = ics::applyImport(
        *db2.store, QStringLiteral("local"), parse(QStringLiteral("duplicate-uid.ics")));
    QVERIFY(a);
    QCOMPARE(byUid(db2.events(), QStringLiteral("dup@kairos.test"))->title,
        QStringLiteral("Newest (sequence 2)"));
}

// (5) The VTIMEZONE may come after the event that uses it.
void TestIcsThirdParty::vtimezoneAfterTheEvent()
{
    const auto p = parse(QStringLiteral("vtimezone-after-event.ics"));
    QCOMPARE(p.events.size(), 1);
    QCOMPARE(p.events.first().start, utc(2024, 7, 1, 3, 30)); // +05:30, not read as UTC
    QVERIFY(!issue(p.notes, K::UnknownTimeZone));
    QCOMPARE(utcStarts(p.events.first()).last(), utc(2024, 7, 3, 3, 30));
}

// (6) "DTSTART" CRLF SPACE ":2024…" is a legal fold.
void TestIcsThirdParty::foldRightAfterThePropertyName()
{
    const auto p = parse(QStringLiteral("fold-after-name.ics"));
    QCOMPARE(p.events.size(), 1);
    const Event &e = p.events.first();
    QCOMPARE(e.start, utc(2024, 1, 5, 9, 0));
    QCOMPARE(e.end, utc(2024, 1, 5, 10, 0));
    QCOMPARE(e.title, QStringLiteral("Folded after the name"));
    QVERIFY(!issue(p.notes, K::BrokenFolding));
    // A lone word that is not followed by a continuation is still broken folding.
    auto broken = ics::parseCalendar(QByteArray("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:b\r\n"
                                                "DTSTART:20240105T090000Z\r\nDESCRIPTION:one\r\n"
                                                "two\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"));
    QVERIFY(broken);
    QCOMPARE(broken->events.first().description, QStringLiteral("onetwo"));
    QVERIFY(issue(broken->notes, K::BrokenFolding, 6));
}

// (7) Outlook's zone names: Windows ids and display names go to their IANA zone; what is not
// known is named in the report as read in UTC.
void TestIcsThirdParty::outlookZoneNames()
{
    const auto p = parse(QStringLiteral("outlook-zone-names.ics"));
    QCOMPARE(p.events.size(), 3);
    const Event *sydney = byUid(p.events, QStringLiteral("gmt-sydney@kairos.test"));
    QCOMPARE(sydney->start.timeZone().id(), QByteArray("Australia/Sydney"));
    QCOMPARE(sydney->start.toUTC(), utc(2024, 1, 4, 22, 0)); // 09:00 AEDT
    QCOMPARE(utcStarts(*sydney).at(4), utc(2024, 5, 4, 23, 0)); // 09:00 AEST
    const Event *berlin = byUid(p.events, QStringLiteral("w-europe@kairos.test"));
    QCOMPARE(berlin->start.timeZone().id(), QByteArray("Europe/Berlin"));
    const auto *mapped = issue(p.notes, K::WindowsTimeZone);
    QVERIFY(mapped);
    QVERIFY(mapped->detail.contains(QLatin1String("Australia/Sydney")));
    const auto *unknown = issue(p.notes, K::UnknownTimeZone);
    QVERIFY(unknown);
    QCOMPARE(unknown->detail, QStringLiteral("(GMT+99:00) Nowhere"));
    QCOMPARE(byUid(p.events, QStringLiteral("nowhere@kairos.test"))->start, utc(2024, 1, 5, 9, 0));
}

// (8) Malformed properties are left out with a word and their line, the event kept.
void TestIcsThirdParty::malformedPropertiesAreReported()
{
    const auto p = parse(QStringLiteral("malformed-properties.ics"));
    QCOMPARE(p.events.size(), 3);
    QVERIFY(p.skipped.isEmpty());
    const auto *rrule = issue(p.notes, K::MalformedProperty, 9);
    QVERIFY2(rrule, qPrintable(QString::number(p.notes.size())));
    QVERIFY(rrule->detail.contains(QLatin1String("RRULE")));
    QVERIFY(issue(p.notes, K::MalformedProperty, 10)); // RDATE
    const auto *dtend = issue(p.notes, K::MalformedProperty, 17);
    QVERIFY(dtend);
    QVERIFY(dtend->detail.contains(QLatin1String("DTEND")));
    const auto *second = issue(p.notes, K::MalformedProperty, 24);
    QVERIFY(second);
    QVERIFY(second->detail.contains(QLatin1String("second DTSTART")));
    const Event *two = byUid(p.events, QStringLiteral("two-starts@kairos.test"));
    QCOMPARE(two->start, utc(2024, 1, 7, 9, 0)); // the first DTSTART
    QVERIFY(!byUid(p.events, QStringLiteral("malformed@kairos.test"))->isRecurring());
}

QTEST_GUILESS_MAIN(TestIcsThirdParty)
#include "tst_ics_thirdparty.moc"
