// ≥ 500 random steps mixing remote changes on the fake, local edits, engine restarts in the
// middle of the outbox and random faults (401, 410, 429, 500, 503, slow, lost answers). At
// the end the cache equals the server exactly: no duplicate, and every local edit is either
// on the server, superseded by a later remote change, or kept in a conflict record.
#include "syncfixture.h"

#include "support/mockclock.h"

#include <QRandomGenerator>

using namespace kairos;
using namespace kairos::test;

class TestSyncConvergence : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void converges_data()
    {
        QTest::addColumn<quint32>("seed");
        const QByteArray env = qgetenv("KAIROS_SYNC_SEED");
        if (!env.isEmpty()) {
            QTest::newRow("env") << quint32(env.toUInt());
            return;
        }
        QTest::newRow("seed-1") << quint32(1);
        QTest::newRow("seed-20261121") << quint32(20261121);
    }

    void converges()
    {
        QFETCH(quint32, seed);
        MockClock clock;
        SyncFixture f(Provider::Google, QStringLiteral("conv%1").arg(seed));
        const QStringList cals { QStringLiteral("primary"), QStringLiteral("team") };
        for (const QString &c : cals)
            f.google.addCalendar(c, c);
        QVERIFY(f.sync());
        QRandomGenerator rng(seed);
        const QDateTime base(QDate(2026, 11, 23), QTime(9, 0), QTimeZone("Europe/Madrid"));
        QHash<QString, QString> lastLocalTitle; // local id → title we wrote
        QHash<QString, int> localEditStep;
        QHash<QString, int> remoteEditStep;
        auto failWith = [seed](const QString &what) {
            return QStringLiteral("seed %1 (rerun with KAIROS_SYNC_SEED=%1): %2")
                .arg(seed)
                .arg(what);
        };
        const int steps = 520;
        for (int step = 0; step < steps; ++step) {
            const QString cal = cals.at(int(rng.bounded(2)));
            const int action = int(rng.bounded(100));
            const auto remote = f.google.events(cal);
            auto local = f.store->eventsInCalendar(f.calId(cal));
            if (action < 20) {
                f.google.putEvent(cal,
                    gEvent(QStringLiteral("r%1").arg(step),
                        base.addSecs(3600 * qint64(rng.bounded(500)))));
            } else if (action < 30 && !remote.isEmpty()) {
                QJsonObject e = remote.at(int(rng.bounded(int(remote.size()))));
                e.insert(QStringLiteral("summary"), QStringLiteral("rm%1").arg(step));
                f.google.putEvent(cal, e);
                remoteEditStep[f.eventId(cal, e.value(QLatin1String("id")).toString())] = step;
            } else if (action < 35 && !remote.isEmpty()) {
                const QString id = remote.at(int(rng.bounded(int(remote.size()))))
                                       .value(QLatin1String("id"))
                                       .toString();
                f.google.deleteEvent(cal, id);
                remoteEditStep[f.eventId(cal, id)] = step;
            } else if (action < 55) {
                Event e;
                e.calendarId = f.calId(cal);
                e.title = QStringLiteral("l%1").arg(step);
                e.start = base.addSecs(3600 * qint64(rng.bounded(500)));
                e.end = e.start.addSecs(1800);
                auto r = f.engine->createEvent(e);
                QVERIFY2(r.hasValue(), qPrintable(failWith(QStringLiteral("create"))));
                lastLocalTitle[r->id] = e.title;
                localEditStep[r->id] = step;
            } else if (action < 70 && local && !local->isEmpty()) {
                Event e = local->at(int(rng.bounded(int(local->size()))));
                e.title = QStringLiteral("lu%1").arg(step);
                if (f.engine->updateEvent(e)) {
                    lastLocalTitle[e.id] = e.title;
                    localEditStep[e.id] = step;
                }
            } else if (action < 75 && local && !local->isEmpty()) {
                const QString id = local->at(int(rng.bounded(int(local->size())))).id;
                f.engine->deleteEvent(id);
                lastLocalTitle.remove(id);
            } else if (action < 85) {
                f.sync(30000);
            } else if (action < 92) {
                // Restart in the middle of whatever the outbox is doing.
                f.engine->syncNow();
                QTest::qWait(int(rng.bounded(5)));
                f.makeEngine();
            } else {
                fake::RandomFaults faults;
                faults.rate = rng.bounded(2) ? 0.25 : 0.0;
                faults.seed = seed + quint32(step);
                f.server->setRandomFaults(faults);
            }
            clock.advanceSecs(30);
        }
        // Calm: no faults, drain the outbox, one more sync.
        f.server->setRandomFaults({});
        for (int i = 0; i < 20 && (f.engine->pendingWrites() > 0 || i < 2); ++i)
            f.sync(30000);
        QVERIFY2(f.engine->pendingWrites() == 0,
            qPrintable(failWith(QStringLiteral("outbox not drained"))));
        QVERIFY2(f.google.rejections().isEmpty(),
            qPrintable(failWith(f.google.rejections().join(QLatin1Char(';')))));

        QSet<QString> conflicted;
        for (const SyncConflict &c : f.engine->conflicts())
            conflicted.insert(c.eventId);
        for (const QString &cal : cals) {
            QHash<QString, QString> serverTitles;
            for (const QJsonObject &e : f.google.events(cal))
                serverTitles.insert(f.eventId(cal, e.value(QLatin1String("id")).toString()),
                    e.value(QLatin1String("summary")).toString());
            const QList<Event> local = f.store->eventsInCalendar(f.calId(cal)).value();
            QHash<QString, QString> localTitles;
            for (const Event &e : local) {
                QVERIFY2(!localTitles.contains(e.id),
                    qPrintable(failWith(QStringLiteral("duplicate ") + e.id)));
                localTitles.insert(e.id, e.title);
            }
            QVERIFY2(localTitles.size() == serverTitles.size(),
                qPrintable(failWith(QStringLiteral("%1: %2 cached vs %3 on the server")
                                        .arg(cal)
                                        .arg(localTitles.size())
                                        .arg(serverTitles.size()))));
            for (auto it = serverTitles.cbegin(); it != serverTitles.cend(); ++it)
                QVERIFY2(localTitles.value(it.key()) == it.value(),
                    qPrintable(failWith(QStringLiteral("cache differs for ") + it.key())));
        }
        // No lost edit.
        for (auto it = lastLocalTitle.cbegin(); it != lastLocalTitle.cend(); ++it) {
            if (remoteEditStep.value(it.key(), -1) > localEditStep.value(it.key()))
                continue; // a later remote change legitimately replaced it
            if (conflicted.contains(it.key()))
                continue; // kept in a conflict record
            const QString cal
                = it.key().section(QLatin1Char('/'), 0, 0).section(QLatin1Char(':'), 1);
            const auto server = f.google.event(cal, it.key().section(QLatin1Char('/'), 1));
            QVERIFY2(server.has_value()
                    && server->value(QLatin1String("summary")).toString() == it.value(),
                qPrintable(failWith(
                    QStringLiteral("lost edit ") + it.key() + QStringLiteral(" ") + it.value())));
        }
        qInfo("seed %u: %d steps, %d faults injected, %d conflicts, %d requests", seed, steps,
            f.server->faultsInjected(), int(conflicted.size()), f.server->apiRequests());
    }
};

QTEST_GUILESS_MAIN(TestSyncConvergence)
#include "tst_sync_convergence.moc"
