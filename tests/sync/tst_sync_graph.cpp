// Microsoft Graph sync against the stateful fake: calendarView/delta over the window with the
// Prefer header, deltaLink incremental sync (one request per calendar), @removed, 410 →
// full resync, creates with transactionId (renamed to the server id), 412 conflicts.
#include "syncfixture.h"

#include "support/mockclock.h"

using namespace kairos;
using namespace kairos::test;

class TestSyncGraph : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deltaFullIncrementalRemovedGone()
    {
        MockClock clock;
        SyncFixture f(Provider::Microsoft);
        f.graph.addCalendar(QStringLiteral("cal1"), QStringLiteral("Calendar"),
            QStringLiteral("#e3008c"), true, true);
        const QDateTime t = clock.currentDateTimeUtc().addDays(2);
        const QJsonObject a
            = f.graph.putEvent(QStringLiteral("cal1"), msEvent(QStringLiteral("A"), t));
        f.graph.putEvent(
            QStringLiteral("cal1"), msEvent(QStringLiteral("Too old"), t.addDays(-200)));
        f.graph.seed(QStringLiteral("cal1"), 1200, t); // several pages of 500
        QVERIFY(f.sync());
        QVERIFY(f.graph.rejections().isEmpty());
        QCOMPARE(f.store->eventCount().value(), 1201);
        QCOMPARE(
            f.store->calendar(f.calId(QStringLiteral("cal1")))->color, QStringLiteral("#e3008c"));
        bool first = true;
        for (const auto &r : f.server->requests()) {
            if (!r.path.endsWith(QLatin1String("/delta")))
                continue;
            QVERIFY(r.header("prefer").contains("outlook.timezone=\"UTC\""));
            if (first)
                QVERIFY(r.query.hasQueryItem(QStringLiteral("startDateTime")));
            first = false;
        }
        f.server->clearLog();
        QVERIFY(f.sync());
        QCOMPARE(f.requestsTo(QStringLiteral("/delta")), 1);

        f.graph.deleteEvent(a.value(QLatin1String("id")).toString());
        QVERIFY(f.sync());
        QCOMPARE(f.store->eventCount().value(), 1200);

        f.graph.invalidateDeltaLinks(QStringLiteral("cal1"));
        f.graph.putEvent(QStringLiteral("cal1"), msEvent(QStringLiteral("B"), t));
        QVERIFY(f.sync());
        QCOMPARE(f.store->eventCount().value(), 1201);
    }

    void createUpdateConflict()
    {
        MockClock clock;
        SyncFixture f(Provider::Microsoft);
        f.graph.addCalendar(QStringLiteral("cal1"), QStringLiteral("Calendar"));
        QVERIFY(f.sync());
        Event e;
        e.calendarId = f.calId(QStringLiteral("cal1"));
        e.title = QStringLiteral("Review");
        e.start = clock.currentDateTimeUtc().addDays(1);
        e.end = e.start.addSecs(3600);
        QSignalSpy renamed(f.engine.get(), &SyncEngine::eventIdChanged);
        auto r = f.engine->createEvent(e);
        QVERIFY(r.hasValue());
        QTRY_COMPARE(f.engine->pendingWrites(), 0);
        QTRY_VERIFY(!f.engine->isSyncing());
        QCOMPARE(renamed.size(), 1);
        const QString newId = renamed.first().at(1).toString();
        QCOMPARE(f.graph.events(QStringLiteral("cal1")).size(), 1);
        QVERIFY(!f.graph.requests().isEmpty());
        bool sawTx = false;
        for (const auto &req : f.server->requests())
            sawTx |= req.method == "POST" && req.json().contains(QStringLiteral("transactionId"));
        QVERIFY(sawTx);
        QVERIFY(f.sync());
        QCOMPARE(f.store->eventCount().value(), 1); // no duplicate from the delta

        // 412: changed on the server meanwhile.
        const QString pid = f.store->event(newId)->providerId;
        QJsonObject theirs = *f.graph.event(pid);
        theirs.insert(QStringLiteral("subject"), QStringLiteral("Theirs"));
        f.graph.putEvent(QStringLiteral("cal1"), theirs);
        Event mine = f.store->event(newId).value();
        mine.title = QStringLiteral("Mine");
        QVERIFY(f.engine->updateEvent(mine).hasValue());
        QTRY_COMPARE(f.engine->conflicts().size(), 1);
        QTRY_VERIFY(!f.engine->isSyncing());
        QCOMPARE(f.store->event(newId)->title, QStringLiteral("Theirs"));
        QCOMPARE(f.engine->conflicts().first().local.title, QStringLiteral("Mine"));
    }
};

QTEST_GUILESS_MAIN(TestSyncGraph)
#include "tst_sync_graph.moc"
