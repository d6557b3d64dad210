// Crash safety: a writer process is killed with SIGKILL in the middle of a batch; the database
// must then pass quick_check and hold every batch either complete or not at all.
#include "store/database.h"

#include <QCoreApplication>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace kairos;

class TestCrashWrite : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killedMidBatchLeavesWholeBatches();
};

void TestCrashWrite::killedMidBatchLeavesWholeBatches()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("kairos.sqlite"));
    constexpr int kBatch = 2000;
    int nextBatch = 0;
    int killedInFlight = 0;
    QList<int> committed;

    for (int round = 0; round < 4; ++round) {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start(
            QCoreApplication::applicationDirPath() + QStringLiteral("/kairos_crash_writer"),
            { path, QString::number(nextBatch), QString::number(kBatch) });
        QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));

        // Wait until a couple of batches have committed and another one has just begun.
        int lastBegun = -1;
        int commitsThisRound = 0;
        QByteArray pending;
        bool killed = false;
        while (!killed) {
            QVERIFY2(writer.waitForReadyRead(30000),
                qPrintable(QStringLiteral("writer silent: ")
                    + QString::fromLocal8Bit(writer.readAllStandardError())));
            pending += writer.readAllStandardOutput();
            int nl;
            while ((nl = pending.indexOf('\n')) >= 0) {
                const QByteArray line = pending.left(nl);
                pending.remove(0, nl + 1);
                const QList<QByteArray> parts = line.split(' ');
                QCOMPARE(parts.size(), 2);
                const int n = parts[1].toInt();
                if (parts[0] == "commit") {
                    committed << n;
                    ++commitsThisRound;
                } else if (parts[0] == "begin") {
                    lastBegun = n;
                    if (commitsThisRound >= 2 + round) {
                        writer.kill(); // SIGKILL, right after the batch's transaction began
                        killed = true;
                        break;
                    }
                }
            }
        }
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        nextBatch = lastBegun + 1;

        auto db = Database::open(path, QString(), QStringLiteral("check%1").arg(round));
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        QVERIFY(!(*db)->openReport().recovered);
        QSqlQuery q((*db)->db());
        QVERIFY(q.exec(QStringLiteral("PRAGMA quick_check")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
        QVERIFY(q.exec(QStringLiteral("SELECT title, count(*) FROM events GROUP BY title")));
        QHash<int, int> counts;
        while (q.next())
            counts.insert(q.value(0).toString().mid(6).toInt(), q.value(1).toInt());
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            QVERIFY2(it.value() == kBatch,
                qPrintable(QStringLiteral("batch %1 has %2 of %3 events")
                               .arg(it.key())
                               .arg(it.value())
                               .arg(kBatch)));
        for (int n : std::as_const(committed))
            QVERIFY2(
                counts.contains(n), qPrintable(QStringLiteral("committed batch %1 lost").arg(n)));
        if (!counts.contains(lastBegun))
            ++killedInFlight;
        for (int n : counts.keys())
            QVERIFY(n <= lastBegun);
    }
    qInfo("killed 4 writers; %d of them while a batch was in flight (absent afterwards), "
          "%d batches committed",
        killedInFlight, int(committed.size()));
    QVERIFY(killedInFlight >= 1); // we did test the mid-batch case
}

QTEST_GUILESS_MAIN(TestCrashWrite)
#include "tst_crashwrite.moc"
