// Round trip: export → import gives the same events (zones, recurrence with exceptions across
// DST, overridden instance, all-day, multi-day, non-ASCII, long lines, escaped characters),
// directly and through the store.
#include "core/profile.h"
#include "ics/icsexport.h"
#include "ics/icsimport.h"
#include "ics/recurrence.h"
#include "icsfixtures.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/testenv.h"

#include <QTest>

using namespace kairos;

namespace {

const QDateTime kStamp(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());

//! What a file can carry: everything except local bookkeeping.
Event comparable(Event e)
{
    e.id.clear();
    e.calendarId.clear();
    e.recurringEventId.clear();
    e.providerId.clear();
    e.etag.clear();
    for (Attendee &a : e.attendees)
        a.self = false;
    return e;
}

QString zoneOf(const QDateTime &d)
{
    return d.isValid() ? QString::fromLatin1(d.timeZone().id()) : QString();
}

} // namespace

class TestIcsRoundTrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exportImportIdentical();
    void throughTheStore();
};

void TestIcsRoundTrip::exportImportIdentical()
{
    const QList<Event> src = test::sampleEvents();
    ics::ExportOptions o;
    o.stamp = kStamp;
    auto parsed = ics::parseCalendar(ics::exportCalendar(src, o), {});
    QVERIFY(parsed);
    QVERIFY(parsed->skipped.isEmpty());
    QCOMPARE(parsed->events.size(), src.size());
    for (int i = 0; i < src.size(); ++i) {
        const Event want = comparable(src.at(i));
        const Event got = comparable(parsed->events.at(i));
        QCOMPARE(got.title, want.title);
        QCOMPARE(got.location, want.location);
        QCOMPARE(got.description, want.description);
        QCOMPARE(got.recurrence, want.recurrence);
        QCOMPARE(got.start, want.start);
        QCOMPARE(got.end, want.end);
        QCOMPARE(zoneOf(got.start), zoneOf(want.start));
        QCOMPARE(zoneOf(got.end), zoneOf(want.end));
        QCOMPARE(got.originalStart, want.originalStart);
        QCOMPARE(got.attendees, want.attendees);
        QVERIFY(got == want);
    }
    // The series expands the same way after the trip (8 Mondays, one EXDATE, DST kept).
    const auto before = ics::expandRecurrence(src.at(1), 0, 2000000000000LL);
    const auto after = ics::expandRecurrence(parsed->events.at(1), 0, 2000000000000LL);
    QCOMPARE(after, before);
    QCOMPARE(after.size(), 7);
}

void TestIcsRoundTrip::throughTheStore()
{
    test::TempHome home;
    Profile p(QStringLiteral("rt"));
    QVERIFY(p.ensureDirs());
    auto db = Database::open(p.databasePath(), {}, QStringLiteral("rt"));
    QVERIFY(db);
    EventStore store(**db);
    Calendar c;
    c.id = QStringLiteral("local");
    c.name = QStringLiteral("Local");
    QVERIFY(store.saveCalendar(c));
    ics::ExportOptions o;
    o.stamp = kStamp;
    const QByteArray first = ics::exportCalendar(test::sampleEvents(), o);
    auto r = ics::applyImport(store, QStringLiteral("local"), *ics::parseCalendar(first));
    QVERIFY(r);
    QCOMPARE(r->imported, test::sampleEvents().size());
    auto all = ics::eventsForExport(store, 0, 4000000000000LL);
    QVERIFY(all);
    QCOMPARE(all->size(), test::sampleEvents().size());
    // Export from the store and import again: nothing new, nothing changed.
    const QByteArray second = ics::exportCalendar(*all, o);
    auto again = ics::applyImport(store, QStringLiteral("local"), *ics::parseCalendar(second));
    QVERIFY(again);
    QCOMPARE(again->imported, 0);
    QCOMPARE(again->updated, 0);
    QCOMPARE(again->unchanged, test::sampleEvents().size());
    QCOMPARE(store.eventCount().value(), test::sampleEvents().size());
}

QTEST_GUILESS_MAIN(TestIcsRoundTrip)
#include "tst_ics_roundtrip.moc"
