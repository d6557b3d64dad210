#include "model/zonedtime.h"

#include <QTest>

using namespace kairos;

class TestZonedTime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resolve_data();
    void resolve();
    void startOfDayWithoutMidnight();
    void invalidInput();
};

void TestZonedTime::resolve_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QDate>("date");
    QTest::addColumn<QTime>("time");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("expectedUtc");
    QTest::addColumn<int>("shift");

    using K = LocalTimeResolution::Kind;
    // Europe/Madrid: forward 2026-03-29 02:00 CET -> 03:00 CEST; back 2026-10-25 03:00 -> 02:00
    QTest::newRow("madrid normal") << QByteArray("Europe/Madrid") << QDate(2026, 6, 1)
                                   << QTime(9, 0) << int(K::Normal) << "2026-06-01T07:00:00Z" << 0;
    QTest::newRow("madrid gap") << QByteArray("Europe/Madrid") << QDate(2026, 3, 29) << QTime(2, 30)
                                << int(K::Gap) << "2026-03-29T01:30:00Z" << 3600;
    QTest::newRow("madrid fold") << QByteArray("Europe/Madrid") << QDate(2026, 10, 25)
                                 << QTime(2, 30) << int(K::Fold) << "2026-10-25T00:30:00Z" << 3600;
    // America/New_York: forward 2026-03-08 02:00 EST; back 2026-11-01 02:00 EDT
    QTest::newRow("ny gap") << QByteArray("America/New_York") << QDate(2026, 3, 8) << QTime(2, 15)
                            << int(K::Gap) << "2026-03-08T07:15:00Z" << 3600;
    QTest::newRow("ny fold") << QByteArray("America/New_York") << QDate(2026, 11, 1) << QTime(1, 30)
                             << int(K::Fold) << "2026-11-01T05:30:00Z" << 3600;
    // Australia/Lord_Howe: 30-minute shifts. Back 2026-04-05 02:00 (+11) -> 01:30 (+10:30);
    // forward 2026-10-04 02:00 (+10:30) -> 02:30 (+11).
    QTest::newRow("lord howe fold")
        << QByteArray("Australia/Lord_Howe") << QDate(2026, 4, 5) << QTime(1, 45) << int(K::Fold)
        << "2026-04-04T14:45:00Z" << 1800;
    QTest::newRow("lord howe gap") << QByteArray("Australia/Lord_Howe") << QDate(2026, 10, 4)
                                   << QTime(2, 10) << int(K::Gap) << "2026-10-03T15:40:00Z" << 1800;
    QTest::newRow("lord howe normal")
        << QByteArray("Australia/Lord_Howe") << QDate(2026, 7, 1) << QTime(2, 10) << int(K::Normal)
        << "2026-06-30T15:40:00Z" << 0;
    // Date-line zones: Pacific/Apia skipped 30 Dec 2011 (-10 -> +14), Pacific/Kiritimati skipped
    // 31 Dec 1994 (-10 -> +14). A whole day is a 24-hour gap.
    QTest::newRow("apia skipped day")
        << QByteArray("Pacific/Apia") << QDate(2011, 12, 30) << QTime(12, 0) << int(K::Gap)
        << "2011-12-30T22:00:00Z" << 86400;
    QTest::newRow("apia after") << QByteArray("Pacific/Apia") << QDate(2026, 6, 1) << QTime(9, 0)
                                << int(K::Normal) << "2026-05-31T20:00:00Z" << 0;
    QTest::newRow("kiritimati") << QByteArray("Pacific/Kiritimati") << QDate(2026, 6, 1)
                                << QTime(9, 0) << int(K::Normal) << "2026-05-31T19:00:00Z" << 0;
    QTest::newRow("kiritimati skipped day")
        << QByteArray("Pacific/Kiritimati") << QDate(1994, 12, 31) << QTime(12, 0) << int(K::Gap)
        << "1994-12-31T22:00:00Z" << 86400;
    // Half-hour and 45-minute offsets.
    QTest::newRow("kolkata") << QByteArray("Asia/Kolkata") << QDate(2026, 1, 15) << QTime(9, 0)
                             << int(K::Normal) << "2026-01-15T03:30:00Z" << 0;
    QTest::newRow("kathmandu") << QByteArray("Asia/Kathmandu") << QDate(2026, 1, 15) << QTime(9, 0)
                               << int(K::Normal) << "2026-01-15T03:15:00Z" << 0;
    // Pacific/Chatham: +13:45 -> +12:45 at 03:45 on 5 Apr 2026; +12:45 -> +13:45 at 02:45 on
    // 27 Sep 2026.
    QTest::newRow("chatham fold") << QByteArray("Pacific/Chatham") << QDate(2026, 4, 5)
                                  << QTime(3, 0) << int(K::Fold) << "2026-04-04T13:15:00Z" << 3600;
    QTest::newRow("chatham gap") << QByteArray("Pacific/Chatham") << QDate(2026, 9, 27)
                                 << QTime(3, 0) << int(K::Gap) << "2026-09-26T14:15:00Z" << 3600;
    QTest::newRow("chatham normal") << QByteArray("Pacific/Chatham") << QDate(2026, 7, 1)
                                    << QTime(9, 0) << int(K::Normal) << "2026-06-30T20:15:00Z" << 0;
    // America/Santiago: midnight itself does not exist on 6 Sep 2026 (00:00 -> 01:00).
    QTest::newRow("santiago midnight gap")
        << QByteArray("America/Santiago") << QDate(2026, 9, 6) << QTime(0, 0) << int(K::Gap)
        << "2026-09-06T04:00:00Z" << 3600;
    // Gap edges: the first minute after a gap is normal, the last minute before it too.
    QTest::newRow("madrid gap end") << QByteArray("Europe/Madrid") << QDate(2026, 3, 29)
                                    << QTime(3, 0) << int(K::Normal) << "2026-03-29T01:00:00Z" << 0;
    QTest::newRow("madrid before gap")
        << QByteArray("Europe/Madrid") << QDate(2026, 3, 29) << QTime(1, 59) << int(K::Normal)
        << "2026-03-29T00:59:00Z" << 0;
    QTest::newRow("madrid fold start")
        << QByteArray("Europe/Madrid") << QDate(2026, 10, 25) << QTime(2, 0) << int(K::Fold)
        << "2026-10-25T00:00:00Z" << 3600;
    QTest::newRow("madrid after fold")
        << QByteArray("Europe/Madrid") << QDate(2026, 10, 25) << QTime(3, 0) << int(K::Normal)
        << "2026-10-25T02:00:00Z" << 0;
}

void TestZonedTime::resolve()
{
    QFETCH(QByteArray, zone);
    QFETCH(QDate, date);
    QFETCH(QTime, time);
    QFETCH(int, kind);
    QFETCH(QString, expectedUtc);
    QFETCH(int, shift);

    const QTimeZone tz(zone);
    QVERIFY(tz.isValid());
    const auto r = resolveLocalTime(date, time, tz);
    QCOMPARE(int(r.kind), kind);
    QCOMPARE(r.resolved.toUTC().toString(Qt::ISODate), expectedUtc);
    QCOMPARE(r.shiftSeconds, shift);
    if (r.kind == LocalTimeResolution::Kind::Fold) {
        QCOMPARE(r.alternative.toMSecsSinceEpoch() - r.resolved.toMSecsSinceEpoch(),
            qint64(shift) * 1000);
        QCOMPARE(r.resolved.toTimeZone(tz).time(), time);
        QCOMPARE(r.alternative.toTimeZone(tz).time(), time);
    }
}

void TestZonedTime::startOfDayWithoutMidnight()
{
    const QTimeZone santiago("America/Santiago");
    const QDateTime s = startOfDay(QDate(2026, 9, 6), santiago);
    QCOMPARE(s.toTimeZone(santiago).date(), QDate(2026, 9, 6));
    QCOMPARE(s.toTimeZone(santiago).time(), QTime(1, 0));
    // That day has 23 hours.
    QCOMPARE(s.secsTo(startOfDay(QDate(2026, 9, 7), santiago)), qint64(23 * 3600));
    // The day Apia skipped has no instants at all: its start is the next day's.
    const QTimeZone apia("Pacific/Apia");
    QCOMPARE(startOfDay(QDate(2011, 12, 30), apia), startOfDay(QDate(2011, 12, 31), apia));
}

void TestZonedTime::invalidInput()
{
    using K = LocalTimeResolution::Kind;
    QCOMPARE(int(resolveLocalTime(QDate(), QTime(9, 0), QTimeZone("Europe/Madrid")).kind),
        int(K::Invalid));
    QCOMPARE(int(resolveLocalTime(QDate(2026, 1, 1), QTime(), QTimeZone("Europe/Madrid")).kind),
        int(K::Invalid));
    QCOMPARE(int(resolveLocalTime(QDate(2026, 1, 1), QTime(9, 0), QTimeZone("No/Such_Zone")).kind),
        int(K::Invalid));
    QVERIFY(!zonedDateTime(QDate(), QTime(9, 0), QTimeZone("Europe/Madrid")).isValid());
}

QTEST_GUILESS_MAIN(TestZonedTime)
#include "tst_zonedtime.moc"
