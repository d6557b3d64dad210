#include "model/zonedtime.h"

#include <QTest>

using namespace kairos;

class TestZonedTime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resolve_data();
    void resolve();
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

QTEST_GUILESS_MAIN(TestZonedTime)
#include "tst_zonedtime.moc"
