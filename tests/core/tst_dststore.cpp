// Daylight-saving time in storage, in Europe/Madrid, America/New_York and Australia/Lord_Howe:
// gap and fold wall times keep their exact instant and zone across a round trip, all-day events
// stay on their dates for any viewer, events across a change have their real length, and the
// 23- and 25-hour days show exactly their own events.
#include "calendar/calendarservice.h"
#include "model/zonedtime.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace kairos;

class TestDstStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void gapAndFoldRoundTrip_data();
    void gapAndFoldRoundTrip();
    void allDayStaysOnItsDates_data();
    void allDayStaysOnItsDates();
    void crossingAChangeHasTheRealLength_data();
    void crossingAChangeHasTheRealLength();
    void shortAndLongDays_data();
    void shortAndLongDays();

private:
    Event saveAndReload(Event e);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    int m_n = 0;
};

void TestDstStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(
        m_dir->filePath(QStringLiteral("k.sqlite")), QString(), QStringLiteral("dst%1").arg(++m_n));
    QVERIFY(db);
    m_db = std::move(db.value());
    Calendar c;
    c.id = QStringLiteral("cal");
    c.name = QStringLiteral("Cal");
    QVERIFY(EventStore(*m_db).saveCalendar(c));
}

void TestDstStore::cleanup()
{
    m_db.reset();
    m_dir.reset();
}

Event TestDstStore::saveAndReload(Event e)
{
    e.calendarId = QStringLiteral("cal");
    {
        EventStore writer(*m_db);
        if (!writer.saveEvent(e))
            return {};
    }
    EventStore reader(*m_db); // a fresh store: no cached zones
    auto back = reader.event(e.id);
    return back ? *back : Event();
}

void TestDstStore::gapAndFoldRoundTrip_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<bool>("later"); // fold: take the second instant

    QTest::newRow("madrid gap") << QByteArray("Europe/Madrid") << QDate(2026, 3, 29) << QTime(2, 30)
                                << false;
    QTest::newRow("madrid fold first")
        << QByteArray("Europe/Madrid") << QDate(2026, 10, 25) << QTime(2, 30) << false;
    QTest::newRow("madrid fold second")
        << QByteArray("Europe/Madrid") << QDate(2026, 10, 25) << QTime(2, 30) << true;
    QTest::newRow("ny gap") << QByteArray("America/New_York") << QDate(2026, 3, 8) << QTime(2, 15)
                            << false;
    QTest::newRow("ny fold first")
        << QByteArray("America/New_York") << QDate(2026, 11, 1) << QTime(1, 30) << false;
    QTest::newRow("ny fold second")
        << QByteArray("America/New_York") << QDate(2026, 11, 1) << QTime(1, 30) << true;
    QTest::newRow("lord howe gap")
        << QByteArray("Australia/Lord_Howe") << QDate(2026, 10, 4) << QTime(2, 10) << false;
    QTest::newRow("lord howe fold first")
        << QByteArray("Australia/Lord_Howe") << QDate(2026, 4, 5) << QTime(1, 45) << false;
    QTest::newRow("lord howe fold second")
        << QByteArray("Australia/Lord_Howe") << QDate(2026, 4, 5) << QTime(1, 45) << true;
}

void TestDstStore::gapAndFoldRoundTrip()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDate, date);
    QFETCH(QTime, time);
    QFETCH(bool, later);
    const QTimeZone tz(zone);
    const LocalTimeResolution r = resolveLocalTime(date, time, tz);
    QVERIFY(r.kind == LocalTimeResolution::Kind::Gap || r.kind == LocalTimeResolution::Kind::Fold);
    const QDateTime start = later ? r.alternative : r.resolved;
    QVERIFY(start.isValid());

    Event e;
    e.title = QString::fromLatin1(QTest::currentDataTag());
    e.start = start;
    e.end = start.addSecs(3600);
    e.originalStart = start; // an overridden instance's original time survives too
    const Event back = saveAndReload(e);
    QVERIFY(back.start.isValid());
    QCOMPARE(back.start.toMSecsSinceEpoch(), start.toMSecsSinceEpoch());
    QCOMPARE(back.end.toMSecsSinceEpoch(), start.toMSecsSinceEpoch() + 3600 * 1000);
    QCOMPARE(back.start.timeSpec(), Qt::TimeZone);
    QCOMPARE(back.start.timeZone().id(), zone);
    QCOMPARE(back.end.timeZone().id(), zone);
    QCOMPARE(back.start.offsetFromUtc(), start.offsetFromUtc()); // which side of the fold
    QCOMPARE(back.start.date(), start.date());
    QCOMPARE(back.start.time(), start.time());
    QCOMPARE(back.originalStart.toMSecsSinceEpoch(), start.toMSecsSinceEpoch());
    QCOMPARE(back.originalStart.timeZone().id(), zone);
    if (r.kind == LocalTimeResolution::Kind::Fold)
        QCOMPARE(back.start.time(), time); // both fold instants read as the same wall time
    else
        QCOMPARE(back.start.time(), time.addSecs(r.shiftSeconds)); // the gap moved it forward
}

void TestDstStore::allDayStaysOnItsDates_data()
{
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QByteArray>("viewer");
    const QList<QDate> dates { QDate(2026, 3, 29), QDate(2026, 11, 1), QDate(2026, 10, 4),
        QDate(2026, 4, 5), QDate(2026, 7, 15) };
    const QList<QByteArray> viewers { "Europe/Madrid", "America/New_York", "Australia/Lord_Howe",
        "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kathmandu", "America/Santiago", "UTC" };
    for (const QDate &d : dates) {
        for (const QByteArray &v : viewers)
            QTest::addRow("%s in %s", qPrintable(d.toString(Qt::ISODate)), v.constData()) << d << v;
    }
}

void TestDstStore::allDayStaysOnItsDates()
{
    QFETCH(QDate, date);
    QFETCH(QByteArray, viewer);
    Event e;
    e.title = QStringLiteral("Holiday");
    e.allDay = true;
    e.startDate = date;
    e.endDate = date.addDays(1);
    const Event back = saveAndReload(e);
    QVERIFY(back.allDay);
    QCOMPARE(back.startDate, date);
    QCOMPARE(back.endDate, date.addDays(1));

    const QTimeZone tz(viewer);
    QVERIFY(tz.isValid());
    CalendarService cal(*m_db, tz);
    auto on = cal.occurrences(date, date);
    QVERIFY(on);
    QCOMPARE(on->size(), 1);
    QCOMPARE(on->first().startDate, date);
    QCOMPARE(on->first().endDate, date.addDays(1));
    QCOMPARE(on->first().start.toTimeZone(tz).date(), date);
    QCOMPARE(on->first().start, startOfDay(date, tz));
    QCOMPARE(on->first().end, startOfDay(date.addDays(1), tz));
    QCOMPARE(back.startIn(tz), startOfDay(date, tz));
    for (const QDate &other : { date.addDays(-1), date.addDays(1) }) {
        auto off = cal.occurrences(other, other);
        QVERIFY(off);
        QVERIFY2(off->isEmpty(), qPrintable(other.toString(Qt::ISODate)));
    }
}

void TestDstStore::crossingAChangeHasTheRealLength_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDateTime>("startWall"); // as UTC-spec wall clock, read in zone
    QTest::addColumn<QDateTime>("endWall");
    QTest::addColumn<int>("minutes");
    auto w = [](int y, int m, int d, int h, int min) {
        return QDateTime(QDate(y, m, d), QTime(h, min), Qt::UTC);
    };
    QTest::newRow("madrid spring night")
        << QByteArray("Europe/Madrid") << w(2026, 3, 28, 22, 0) << w(2026, 3, 29, 6, 0) << 7 * 60;
    QTest::newRow("madrid autumn night")
        << QByteArray("Europe/Madrid") << w(2026, 10, 24, 22, 0) << w(2026, 10, 25, 6, 0) << 9 * 60;
    QTest::newRow("ny spring night")
        << QByteArray("America/New_York") << w(2026, 3, 7, 22, 0) << w(2026, 3, 8, 6, 0) << 7 * 60;
    QTest::newRow("ny autumn night") << QByteArray("America/New_York") << w(2026, 10, 31, 22, 0)
                                     << w(2026, 11, 1, 6, 0) << 9 * 60;
    QTest::newRow("lord howe spring") << QByteArray("Australia/Lord_Howe") << w(2026, 10, 3, 22, 0)
                                      << w(2026, 10, 4, 6, 0) << 7 * 60 + 30;
    QTest::newRow("lord howe autumn") << QByteArray("Australia/Lord_Howe") << w(2026, 4, 4, 22, 0)
                                      << w(2026, 4, 5, 6, 0) << 8 * 60 + 30;
    QTest::newRow("madrid week") << QByteArray("Europe/Madrid") << w(2026, 3, 26, 9, 0)
                                 << w(2026, 4, 2, 9, 0) << 7 * 24 * 60 - 60;
}

void TestDstStore::crossingAChangeHasTheRealLength()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDateTime, startWall);
    QFETCH(QDateTime, endWall);
    QFETCH(int, minutes);
    const QTimeZone tz(zone);
    Event e;
    e.title = QStringLiteral("Night shift");
    e.start = zonedDateTime(startWall.date(), startWall.time(), tz);
    e.end = zonedDateTime(endWall.date(), endWall.time(), tz);
    QCOMPARE(e.durationMinutes(), qint64(minutes));
    const Event back = saveAndReload(e);
    QCOMPARE(back.durationMinutes(), qint64(minutes));
    QCOMPARE(back.start.time(), startWall.time());
    QCOMPARE(back.end.time(), endWall.time());

    // Seen from other zones it is the same span of absolute time.
    for (const QByteArray &viewer : { QByteArray("UTC"), QByteArray("Asia/Kolkata"), zone }) {
        CalendarService cal(*m_db, QTimeZone(viewer));
        auto occ = cal.occurrencesBetween(e.start.toMSecsSinceEpoch(), e.end.toMSecsSinceEpoch());
        QVERIFY(occ);
        QCOMPARE(occ->size(), 1);
        QCOMPARE(occ->first().start.secsTo(occ->first().end), qint64(minutes) * 60);
        QCOMPARE(occ->first().start.timeZone().id(), viewer);
    }
}

void TestDstStore::shortAndLongDays_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<int>("dayMinutes");
    QTest::newRow("madrid 23h") << QByteArray("Europe/Madrid") << QDate(2026, 3, 29) << 23 * 60;
    QTest::newRow("madrid 25h") << QByteArray("Europe/Madrid") << QDate(2026, 10, 25) << 25 * 60;
    QTest::newRow("ny 23h") << QByteArray("America/New_York") << QDate(2026, 3, 8) << 23 * 60;
    QTest::newRow("ny 25h") << QByteArray("America/New_York") << QDate(2026, 11, 1) << 25 * 60;
    QTest::newRow("lord howe 23.5h")
        << QByteArray("Australia/Lord_Howe") << QDate(2026, 10, 4) << 23 * 60 + 30;
    QTest::newRow("lord howe 24.5h")
        << QByteArray("Australia/Lord_Howe") << QDate(2026, 4, 5) << 24 * 60 + 30;
    QTest::newRow("madrid normal") << QByteArray("Europe/Madrid") << QDate(2026, 6, 10) << 24 * 60;
}

void TestDstStore::shortAndLongDays()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDate, day);
    QFETCH(int, dayMinutes);
    const QTimeZone tz(zone);
    QCOMPARE(startOfDay(day, tz).secsTo(startOfDay(day.addDays(1), tz)), qint64(dayMinutes) * 60);

    auto timed = [&](QDate d, QTime from, QTime to, const QString &title) {
        Event e;
        e.title = title;
        e.start = zonedDateTime(d, from, tz);
        e.end = zonedDateTime(d, to, tz);
        return e;
    };
    QList<Event> events {
        timed(day.addDays(-1), QTime(23, 0), QTime(23, 59), QStringLiteral("eve")),
        timed(day, QTime(0, 0), QTime(0, 30), QStringLiteral("first")),
        timed(day, QTime(12, 0), QTime(13, 0), QStringLiteral("noon")),
        timed(day, QTime(23, 30), QTime(23, 59), QStringLiteral("last")),
        timed(day.addDays(1), QTime(0, 0), QTime(0, 30), QStringLiteral("morrow")),
    };
    Event holiday;
    holiday.title = QStringLiteral("all day");
    holiday.allDay = true;
    holiday.startDate = day;
    holiday.endDate = day.addDays(1);
    events << holiday;
    for (Event &e : events)
        e.calendarId = QStringLiteral("cal");
    QVERIFY(EventStore(*m_db).saveEvents(events));

    CalendarService cal(*m_db, tz);
    auto occ = cal.occurrences(day, day);
    QVERIFY(occ);
    QStringList titles;
    for (const Occurrence &o : std::as_const(*occ))
        titles << o.title;
    QCOMPARE(titles,
        QStringList({ QStringLiteral("all day"), QStringLiteral("first"), QStringLiteral("noon"),
            QStringLiteral("last") }));
    const Occurrence &allDay = occ->first();
    QCOMPARE(allDay.start.secsTo(allDay.end), qint64(dayMinutes) * 60);
    QCOMPARE(occ->at(3).start.toTimeZone(tz).time(), QTime(23, 30));
}

QTEST_GUILESS_MAIN(TestDstStore)
#include "tst_dststore.moc"
