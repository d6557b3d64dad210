// Two `kairos-cli mcp` processes and a third writer on the same profile at once: WAL + busy
// timeout mean no "database is locked" failures, and every write is seen by everyone (issue 9).
#include "mcptestutil.h"
#include "support/testenv.h"

#include "calendar/calendarservice.h"

#include <QTimeZone>

using namespace kairos;
using namespace kairos::test;

class TestMcpConcurrency : public QObject {
    Q_OBJECT
private:
    TempHome m_home;

private Q_SLOTS:
    void initTestCase()
    {
        // The server runs with TZ=Europe/Madrid (mcptestutil.h): the profile's zone.
        auto db = openProfileDb(QStringLiteral("seed"));
        QVERIFY(db);
        CalendarService service(*db, QTimeZone("Europe/Madrid"));
        QVERIFY(service.ensureLocalCalendar(QStringLiteral("Local")));
    }

    void twoServersAndAWriter()
    {
        McpProcess a(m_home.path());
        McpProcess b(m_home.path());
        QVERIFY(a.started());
        QVERIFY(b.started());
        QVERIFY(a.initialize().contains(QStringLiteral("result")));
        QVERIFY(b.initialize().contains(QStringLiteral("result")));

        auto db = openProfileDb(QStringLiteral("writer"));
        QVERIFY(db);
        EventStore store(*db);
        const QTimeZone zone("Europe/Madrid");
        const QDateTime base(QDate(2026, 12, 1), QTime(8, 0), zone);

        constexpr int kRounds = 40;
        int failures = 0;
        QStringList errors;
        for (int i = 0; i < kRounds; ++i) {
            // Pipeline one request to each server, then write from this process while they work.
            const QJsonObject args { { QStringLiteral("title"), QStringLiteral("A%1").arg(i) },
                { QStringLiteral("start"), base.addDays(i % 28).toString(Qt::ISODate) },
                { QStringLiteral("duration_minutes"), 30 } };
            const int ida = a.send(QStringLiteral("tools/call"),
                { { QStringLiteral("name"), QStringLiteral("create_event") },
                    { QStringLiteral("arguments"), args } });
            QJsonObject argsB = args;
            argsB.insert(QStringLiteral("title"), QStringLiteral("B%1").arg(i));
            const int idb = b.send(QStringLiteral("tools/call"),
                { { QStringLiteral("name"), QStringLiteral("create_event") },
                    { QStringLiteral("arguments"), argsB } });
            // A batch write (one transaction) from the third party.
            QList<Event> batch;
            for (int k = 0; k < 5; ++k)
                batch << timedEvent(QStringLiteral("local"), QStringLiteral("W%1-%2").arg(i).arg(k),
                    base.addDays(i % 28).addSecs(3600 * (k + 1)), 30);
            if (auto r = store.saveEvents(batch); !r) {
                ++failures;
                errors << r.error().message;
            }
            // Readers in between.
            const int ra = a.send(QStringLiteral("tools/call"),
                { { QStringLiteral("name"), QStringLiteral("list_events") },
                    { QStringLiteral("arguments"),
                        QJsonObject { { QStringLiteral("start"), QStringLiteral("2026-12-01") },
                            { QStringLiteral("end"), QStringLiteral("2026-12-31") },
                            { QStringLiteral("limit"), 5 } } } });
            for (McpProcess *p : { &a, &b, &a }) {
                const QJsonObject r = p->readMessage(30000);
                const int id = r.value(QStringLiteral("id")).toInt();
                QVERIFY2(id == ida || id == idb || id == ra,
                    qPrintable(QString::fromUtf8(QJsonDocument(r).toJson())));
                const QJsonObject res = r.value(QStringLiteral("result")).toObject();
                if (res.isEmpty() || isToolError(res)) {
                    ++failures;
                    errors << QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact));
                }
            }
        }
        QVERIFY2(failures == 0, qPrintable(errors.join(QLatin1Char('\n'))));

        // Everyone sees everything.
        const QJsonObject all = a.call(QStringLiteral("list_events"),
            { { QStringLiteral("start"), QStringLiteral("2026-12-01") },
                { QStringLiteral("end"), QStringLiteral("2026-12-31") },
                { QStringLiteral("limit"), 5000 } });
        QCOMPARE(structured(all).value(QStringLiteral("total")).toInt(), kRounds * 7);
        const QJsonObject viaB = b.call(QStringLiteral("list_events"),
            { { QStringLiteral("start"), QStringLiteral("2026-12-01") },
                { QStringLiteral("end"), QStringLiteral("2026-12-31") },
                { QStringLiteral("query"), QStringLiteral("A1") } });
        QVERIFY(structured(viaB).value(QStringLiteral("total")).toInt() >= 1);
        QCOMPARE(store.eventCount().valueOr(-1), kRounds * 7);

        a.process().closeWriteChannel();
        b.process().closeWriteChannel();
        QVERIFY(a.process().waitForFinished(10000));
        QVERIFY(b.process().waitForFinished(10000));
        const QByteArray errA = a.process().readAllStandardError();
        const QByteArray errB = b.process().readAllStandardError();
        QVERIFY2(!errA.contains("database is locked"), errA.constData());
        QVERIFY2(!errB.contains("database is locked"), errB.constData());
    }
};

QTEST_GUILESS_MAIN(TestMcpConcurrency)
#include "tst_mcp_concurrency.moc"
