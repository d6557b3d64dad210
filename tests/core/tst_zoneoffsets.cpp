// ZoneOffsets (model/zonedtime.h): cached UTC offsets and hand-made ISO-8601 text must match
// Qt's own answer for every instant, across DST changes, :30/:45 offsets, 30-minute shifts
// (Lord_Howe), the date line (Apia) and zones whose rules changed.
#include "model/zonedtime.h"

#include <QTest>
#include <QTimeZone>

#include <algorithm>

class TestZoneOffsets : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void agreesWithQDateTime_data()
    {
        QTest::addColumn<QByteArray>("zone");
        for (const char *z : { "Europe/Madrid", "America/New_York", "Australia/Lord_Howe",
                 "Asia/Kathmandu", "Pacific/Chatham", "America/Santiago", "Pacific/Apia", "UTC",
                 "America/St_Johns", "Africa/Casablanca" })
            QTest::newRow(z) << QByteArray(z);
    }

    //! Every transition 1990-2040, the millisecond either side of it, and 3,000 random instants,
    //! visited newest first (spans must serve lookups before and after the ones that made them).
    void agreesWithQDateTime()
    {
        QFETCH(QByteArray, zone);
        const QTimeZone tz(zone);
        QVERIFY(tz.isValid());
        kairos::ZoneOffsets offsets(tz);
        auto reference = [&](qint64 ms) -> QString {
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toTimeZone(tz);
            const int off = t.offsetFromUtc();
            const int a = qAbs(off) / 60;
            return t.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"))
                + (off < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                + QStringLiteral("%1:%2")
                      .arg(a / 60, 2, 10, QLatin1Char('0'))
                      .arg(a % 60, 2, 10, QLatin1Char('0'));
        };
        const qint64 from = QDateTime(QDate(1990, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        const qint64 to = QDateTime(QDate(2040, 1, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        QList<qint64> instants;
        for (const QTimeZone::OffsetData &d :
            tz.transitions(QDateTime::fromMSecsSinceEpoch(from, Qt::UTC),
                QDateTime::fromMSecsSinceEpoch(to, Qt::UTC))) {
            const qint64 t = d.atUtc.toMSecsSinceEpoch();
            instants << t << t - 1 << t + 1;
        }
        quint64 x = 0x9E3779B97F4A7C15ULL;
        for (int i = 0; i < 3000; ++i) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            instants << from + qint64(x % quint64(to - from));
        }
        std::reverse(instants.begin(), instants.end());
        for (qint64 ms : std::as_const(instants)) {
            QCOMPARE(offsets.offsetSecs(ms),
                QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toTimeZone(tz).offsetFromUtc());
            QCOMPARE(offsets.isoWithOffset(ms), reference(ms));
        }
    }

    void invalidTimeIsEmpty()
    {
        kairos::ZoneOffsets offsets(QTimeZone("Europe/Madrid"));
        QCOMPARE(offsets.isoWithOffset(QDateTime()), QString());
        QCOMPARE(offsets.isoWithOffset(QDateTime(QDate(1969, 12, 31), QTime(23, 59, 59), Qt::UTC)),
            QStringLiteral("1970-01-01T00:59:59+01:00"));
    }
};

QTEST_GUILESS_MAIN(TestZoneOffsets)
#include "tst_zoneoffsets.moc"
