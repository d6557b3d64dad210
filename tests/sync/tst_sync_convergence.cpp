// ≥ 500 random steps mixing remote changes on the fake, local edits, engine restarts in the
// middle of the outbox and random faults (401, 410, 429, 500, 503, slow, lost answers). At
// the end the cache equals the server exactly: no duplicate, and every local edit is either
// on the server, superseded by a later remote change, or kept in a conflict record.
#include "syncfixture.h"

#include "support/mockclock.h"

#include "providers/microsoft/graphclient.h"

#include <QJsonArray>
#include <QRandomGenerator>

#include <climits>

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

    void convergesGraph_data() { converges_data(); }

    // The same for Microsoft Graph, with recurring series: series created on the fake and
    // locally (RRULE → patternedRecurrence), masters renamed or re-timed remotely, single
    // occurrences edited (→ exceptions) and deleted both sides. The cache must equal what
    // calendarView shows over the sync window: every single event, occurrence and exception,
    // nothing more.
    void convergesGraph()
    {
        QFETCH(quint32, seed);
        MockClock clock;
        SyncFixture f(Provider::Microsoft, QStringLiteral("gconv%1").arg(seed));
        const QStringList cals { QStringLiteral("cal-a"), QStringLiteral("cal-b") };
        for (const QString &c : cals)
            f.graph.addCalendar(c, c);
        QVERIFY(f.sync());
        QRandomGenerator rng(seed);
        const QDateTime base(QDate(2026, 11, 23), QTime(8, 0), Qt::UTC);
        QHash<QString, QString> lastLocalTitle; // local id → title we wrote
        QHash<QString, int> localEditStep;
        QHash<QString, int> remoteEditStep; // provider id (event or series master) → step
        auto failWith = [seed](const QString &what) {
            return QStringLiteral("seed %1 (rerun with KAIROS_SYNC_SEED=%1): %2")
                .arg(seed)
                .arg(what);
        };
        // A Graph create renames the local event: follow it in the bookkeeping.
        auto follow = [&]() {
            QObject::connect(f.engine.get(), &SyncEngine::eventIdChanged, f.engine.get(),
                [&](const QString &from, const QString &to) {
                    if (lastLocalTitle.contains(from))
                        lastLocalTitle.insert(to, lastLocalTitle.take(from));
                    if (localEditStep.contains(from))
                        localEditStep.insert(to, localEditStep.take(from));
                });
        };
        follow();
        auto masterOf = [](const QString &pid) { return pid.section(QLatin1Char('_'), 0, 0); };
        auto recurrence = [&rng](const QDate &start) {
            const bool weekly = rng.bounded(2);
            const QString day = QStringList { QStringLiteral("monday"), QStringLiteral("tuesday"),
                QStringLiteral("wednesday"), QStringLiteral("thursday"), QStringLiteral("friday"),
                QStringLiteral("saturday"), QStringLiteral("sunday") }
                                    .at(start.dayOfWeek() - 1);
            QJsonObject pattern { { QStringLiteral("type"),
                                      weekly ? QStringLiteral("weekly") : QStringLiteral("daily") },
                { QStringLiteral("interval"), 1 } };
            if (weekly)
                pattern.insert(QStringLiteral("daysOfWeek"), QJsonArray { day });
            return QJsonObject { { QStringLiteral("pattern"), pattern },
                { QStringLiteral("range"),
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("numbered") },
                        { QStringLiteral("startDate"), start.toString(Qt::ISODate) },
                        { QStringLiteral("numberOfOccurrences"), 2 + int(rng.bounded(5)) } } } };
        };
        const int steps = 520;
        int localSeries = 0, remoteSeries = 0, occurrenceEdits = 0;
        for (int step = 0; step < steps; ++step) {
            const QString cal = cals.at(int(rng.bounded(2)));
            const int action = int(rng.bounded(100));
            const auto remote = f.graph.events(cal); // singles and masters
            const auto view = f.graph.viewEvents(cal, 0, LLONG_MAX);
            auto local = f.store->eventsInCalendar(f.calId(cal));
            const QDateTime when = base.addSecs(3600 * qint64(rng.bounded(500)));
            if (action < 10) {
                f.graph.putEvent(cal, msEvent(QStringLiteral("r%1").arg(step), when));
            } else if (action < 15) {
                QJsonObject e = msEvent(QStringLiteral("rs%1").arg(step), when, 45);
                e.insert(QStringLiteral("recurrence"), recurrence(when.date()));
                f.graph.putEvent(cal, e);
                ++remoteSeries;
            } else if (action < 22 && !remote.isEmpty()) {
                // Remote rename of a single event or a whole series; sometimes new times.
                QJsonObject e = remote.at(int(rng.bounded(int(remote.size()))));
                e.insert(QStringLiteral("subject"), QStringLiteral("rm%1").arg(step));
                if (rng.bounded(3) == 0) {
                    const QJsonObject m = msEvent(QString(), when, 30);
                    e.insert(QStringLiteral("start"), m.value(QLatin1String("start")));
                    e.insert(QStringLiteral("end"), m.value(QLatin1String("end")));
                    if (e.value(QLatin1String("recurrence")).isObject())
                        e.insert(QStringLiteral("recurrence"), recurrence(when.date()));
                }
                f.graph.putEvent(cal, e);
                remoteEditStep[e.value(QLatin1String("id")).toString()] = step;
            } else if (action < 27 && !view.isEmpty()) {
                // Remote edit of one occurrence (or of a single event through the same path).
                const QJsonObject e = view.at(int(rng.bounded(int(view.size()))));
                const QString id = e.value(QLatin1String("id")).toString();
                if (!e.value(QLatin1String("seriesMasterId")).toString().isEmpty()) {
                    f.graph.patchInstance(id,
                        QJsonObject {
                            { QStringLiteral("subject"), QStringLiteral("ro%1").arg(step) } });
                    remoteEditStep[id] = step;
                }
            } else if (action < 31 && !view.isEmpty()) {
                // Remote delete: a single event, one occurrence, or a whole series.
                const QString id = view.at(int(rng.bounded(int(view.size()))))
                                       .value(QLatin1String("id"))
                                       .toString();
                const QString target = rng.bounded(3) == 0 ? masterOf(id) : id;
                f.graph.deleteEvent(target);
                remoteEditStep[target] = step;
                remoteEditStep[id] = step;
            } else if (action < 46) {
                Event e;
                e.calendarId = f.calId(cal);
                e.title = QStringLiteral("l%1").arg(step);
                e.start = when;
                e.end = e.start.addSecs(1800);
                if (rng.bounded(4) == 0) {
                    e.recurrence = {
                        rng.bounded(2)
                            ? QStringLiteral("RRULE:FREQ=DAILY;COUNT=%1").arg(2 + rng.bounded(4))
                            : QStringLiteral("RRULE:FREQ=WEEKLY;COUNT=%1").arg(2 + rng.bounded(4))
                    };
                    ++localSeries;
                }
                auto r = f.engine->createEvent(e);
                QVERIFY2(r.hasValue(), qPrintable(failWith(QStringLiteral("create"))));
                if (!e.isRecurring()) {
                    lastLocalTitle[r->id] = e.title;
                    localEditStep[r->id] = step;
                }
            } else if (action < 62 && local && !local->isEmpty()) {
                // Local edit: a single event or "this event" of a series (an occurrence).
                Event e = local->at(int(rng.bounded(int(local->size()))));
                if (e.isRecurring())
                    continue; // a series created here and not answered yet
                e.title = QStringLiteral("lu%1").arg(step);
                if (rng.bounded(4) == 0)
                    e.location = QStringLiteral("Room %1").arg(step);
                if (f.engine->updateEvent(e)) {
                    lastLocalTitle[e.id] = e.title;
                    localEditStep[e.id] = step;
                    occurrenceEdits += e.recurringEventId.isEmpty() ? 0 : 1;
                }
            } else if (action < 68 && local && !local->isEmpty()) {
                const QString id = local->at(int(rng.bounded(int(local->size())))).id;
                f.engine->deleteEvent(id);
                lastLocalTitle.remove(id);
            } else if (action < 80) {
                f.sync(30000);
            } else if (action < 88) {
                // Restart in the middle of whatever the outbox is doing.
                f.engine->syncNow();
                QTest::qWait(int(rng.bounded(5)));
                f.makeEngine();
                follow();
            } else if (action < 90) {
                f.graph.invalidateDeltaLinks(cal);
            } else {
                fake::RandomFaults faults;
                faults.rate = rng.bounded(2) ? 0.25 : 0.0;
                faults.seed = seed + quint32(step);
                f.server->setRandomFaults(faults);
            }
            clock.advanceSecs(30);
        }
        // Calm: no faults, drain the outbox, sync until quiet.
        f.server->setRandomFaults({});
        for (int i = 0; i < 20 && (f.engine->pendingWrites() > 0 || i < 3); ++i)
            f.sync(30000);
        QVERIFY2(f.engine->pendingWrites() == 0,
            qPrintable(failWith(QStringLiteral("outbox not drained"))));
        QVERIFY2(f.graph.rejections().isEmpty(),
            qPrintable(failWith(f.graph.rejections().join(QLatin1Char(';')))));

        QSet<QString> conflicted;
        for (const SyncConflict &c : f.engine->conflicts())
            conflicted.insert(c.eventId);
        const auto [winFrom, winTo] = GraphClient::windowFor(Clock::nowUtc());
        for (const QString &cal : cals) {
            QHash<QString, QJsonObject> server;
            for (const QJsonObject &e :
                f.graph.viewEvents(cal, winFrom.toMSecsSinceEpoch(), winTo.toMSecsSinceEpoch()))
                server.insert(f.eventId(cal, e.value(QLatin1String("id")).toString()), e);
            const QList<Event> local = f.store->eventsInCalendar(f.calId(cal)).value();
            QHash<QString, Event> cached;
            for (const Event &e : local) {
                QVERIFY2(!cached.contains(e.id),
                    qPrintable(failWith(QStringLiteral("duplicate ") + e.id)));
                QVERIFY2(!e.isRecurring(),
                    qPrintable(failWith(QStringLiteral("a series master is cached: ") + e.id)));
                cached.insert(e.id, e);
            }
            QVERIFY2(cached.size() == server.size(),
                qPrintable(failWith(QStringLiteral("%1: %2 cached vs %3 on the server")
                                        .arg(cal)
                                        .arg(cached.size())
                                        .arg(server.size()))));
            for (auto it = server.cbegin(); it != server.cend(); ++it) {
                const Event c = cached.value(it.key());
                const Event s = GraphClient::fromJson(it.value());
                QVERIFY2(c.title == s.title && c.start == s.start && c.end == s.end
                        && c.location == s.location && c.recurringEventId == s.recurringEventId
                        && c.etag == s.etag,
                    qPrintable(failWith(QStringLiteral("cache differs for ") + it.key())));
            }
        }
        // No lost edit.
        for (auto it = lastLocalTitle.cbegin(); it != lastLocalTitle.cend(); ++it) {
            const QString pid = it.key().section(QLatin1Char('/'), 1);
            const int mine = localEditStep.value(it.key());
            if (remoteEditStep.value(pid, -1) > mine
                || remoteEditStep.value(masterOf(pid), -1) > mine)
                continue; // a later remote change legitimately replaced it
            if (conflicted.contains(it.key()))
                continue; // kept in a conflict record
            const auto server = f.graph.event(pid);
            QVERIFY2(server.has_value()
                    && server->value(QLatin1String("subject")).toString() == it.value(),
                qPrintable(failWith(
                    QStringLiteral("lost edit ") + it.key() + QStringLiteral(" ") + it.value())));
        }
        QVERIFY(localSeries > 0 && remoteSeries > 0 && occurrenceEdits > 0);
        qInfo("graph seed %u: %d steps, %d faults injected, %d conflicts, %d requests, "
              "%d local / %d remote series, %d occurrence edits",
            seed, steps, f.server->faultsInjected(), int(conflicted.size()),
            f.server->apiRequests(), localSeries, remoteSeries, occurrenceEdits);
    }
};

QTEST_GUILESS_MAIN(TestSyncConvergence)
#include "tst_sync_convergence.moc"
