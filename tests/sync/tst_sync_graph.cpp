// Microsoft Graph sync against the stateful fake: calendarView/delta over the window with the
// Prefer header, deltaLink incremental sync (one request per calendar), @removed, 410 →
// full resync, creates with transactionId (renamed to the server id), 412 conflicts.
#include "syncfixture.h"

#include "support/mockclock.h"

#include <QJsonArray>

#include <climits>

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

    void outOfOfficeIsWrittenAsOof()
    {
        // The event dialog's "Out of office" on an Outlook calendar: showAs "oof" at the server,
        // and the flag comes back with the next sync.
        MockClock clock;
        SyncFixture f(Provider::Microsoft, QStringLiteral("graph-oof"));
        f.graph.addCalendar(QStringLiteral("cal1"), QStringLiteral("Calendar"));
        QVERIFY(f.sync());
        Event e;
        e.calendarId = f.calId(QStringLiteral("cal1"));
        e.title = QStringLiteral("Holiday");
        e.start = clock.currentDateTimeUtc().addDays(2);
        e.end = e.start.addSecs(8 * 3600);
        e.outOfOffice = true;
        QSignalSpy renamed(f.engine.get(), &SyncEngine::eventIdChanged);
        QVERIFY(f.engine->createEvent(e).hasValue());
        QTRY_COMPARE(f.engine->pendingWrites(), 0);
        QTRY_VERIFY(!f.engine->isSyncing());
        QCOMPARE(f.graph.events(QStringLiteral("cal1")).size(), 1);
        QCOMPARE(f.graph.events(QStringLiteral("cal1")).first().value(QLatin1String("showAs")),
            QJsonValue(QStringLiteral("oof")));
        QVERIFY(f.sync());
        QCOMPARE(renamed.size(), 1);
        QVERIFY(f.store->event(renamed.first().at(1).toString())->outOfOffice);
    }

    void remindersBothWays()
    {
        // isReminderOn / reminderMinutesBeforeStart in and out; Outlook keeps one reminder: the
        // earliest of the event's.
        MockClock clock;
        SyncFixture f(Provider::Microsoft, QStringLiteral("graph-reminders"));
        f.graph.addCalendar(QStringLiteral("cal1"), QStringLiteral("Calendar"));
        const QDateTime t = clock.currentDateTimeUtc().addDays(2);
        QJsonObject off = msEvent(QStringLiteral("Off"), t);
        off.insert(QStringLiteral("isReminderOn"), false);
        QJsonObject on = msEvent(QStringLiteral("On"), t.addDays(1));
        on.insert(QStringLiteral("isReminderOn"), true);
        on.insert(QStringLiteral("reminderMinutesBeforeStart"), 45);
        const QString offId
            = f.graph.putEvent(QStringLiteral("cal1"), off).value(QLatin1String("id")).toString();
        const QString onId
            = f.graph.putEvent(QStringLiteral("cal1"), on).value(QLatin1String("id")).toString();
        QVERIFY(f.sync());
        Event a = f.store->event(f.eventId(QStringLiteral("cal1"), offId)).value();
        Event b = f.store->event(f.eventId(QStringLiteral("cal1"), onId)).value();
        QVERIFY(a.reminders.isEmpty());
        QCOMPARE(b.reminders, QList<int> { 45 });

        a.reminders = { 5, 30 };
        b.reminders = {};
        QVERIFY(f.engine->updateEvent(a, {}).hasValue());
        QVERIFY(f.engine->updateEvent(b, {}).hasValue());
        QTRY_COMPARE(f.engine->pendingWrites(), 0);
        QTRY_VERIFY(!f.engine->isSyncing());
        QVERIFY(f.graph.rejections().isEmpty());
        const QJsonObject sa = *f.graph.event(offId);
        QCOMPARE(sa.value(QLatin1String("isReminderOn")), QJsonValue(true));
        QCOMPARE(sa.value(QLatin1String("reminderMinutesBeforeStart")), QJsonValue(30));
        QCOMPARE(f.graph.event(onId)->value(QLatin1String("isReminderOn")), QJsonValue(false));
        QVERIFY(f.sync());
        QCOMPARE(f.store->event(a.id)->reminders, QList<int> { 30 });
        QVERIFY(f.store->event(b.id)->reminders.isEmpty());

        QVERIFY(!fake::FakeGraphServer::badReminder(
            { { QStringLiteral("reminderMinutesBeforeStart"), -5 } })
                     .isEmpty());
        QVERIFY(!fake::FakeGraphServer::badReminder(
            { { QStringLiteral("isReminderOn"), QStringLiteral("yes") } })
                     .isEmpty());
    }

    void availabilityDefaultsAndToggleKept()
    {
        MockClock clock;
        SyncFixture f(Provider::Microsoft, QStringLiteral("graphavail"));
        f.graph.addCalendar(QStringLiteral("mine"), QStringLiteral("Calendar"),
            QStringLiteral("#e3008c"), true, true);
        f.graph.addCalendar(QStringLiteral("boss"), QStringLiteral("Boss (shared)"),
            QStringLiteral("#00ff00"), false, false);
        QSignalSpy availability(f.service.get(), &CalendarService::availabilityCalendarsChanged);
        QVERIFY(f.sync());
        const QString mine = f.calId(QStringLiteral("mine"));
        const QString boss = f.calId(QStringLiteral("boss"));
        QVERIFY(f.store->calendar(mine)->countsForAvailability);
        QVERIFY(!f.store->calendar(boss)->countsForAvailability); // canEdit=false: not owned
        QVERIFY(f.service->availabilityCalendarIds().contains(mine));
        QVERIFY(!f.service->availabilityCalendarIds().contains(boss));
        QVERIFY(!availability.isEmpty()); // the publisher hears about the new calendar
        // The user's choice survives later syncs.
        QVERIFY(f.service->setCountsForAvailability(boss, true).hasValue());
        QVERIFY(f.service->setCountsForAvailability(mine, false).hasValue());
        QVERIFY(f.sync());
        QVERIFY(f.store->calendar(boss)->countsForAvailability);
        QVERIFY(!f.store->calendar(mine)->countsForAvailability);
        QCOMPARE(f.service->availabilityCalendarIds(), QStringList { boss });
        QVERIFY(!f.service->setCountsForAvailability(QStringLiteral("nope"), true));
    }

    void recurringSeries()
    {
        MockClock clock;
        SyncFixture f(Provider::Microsoft, QStringLiteral("graphseries"));
        f.graph.addCalendar(QStringLiteral("cal1"), QStringLiteral("Calendar"));
        // Monday 23 Nov 2026 09:00 UTC, weekly on Monday and Wednesday, six times.
        QJsonObject series = msEvent(
            QStringLiteral("Standup"), QDateTime(QDate(2026, 11, 23), QTime(9, 0), Qt::UTC), 30);
        series.insert(QStringLiteral("recurrence"),
            QJsonObject { { QStringLiteral("pattern"),
                              QJsonObject { { QStringLiteral("type"), QStringLiteral("weekly") },
                                  { QStringLiteral("interval"), 1 },
                                  { QStringLiteral("daysOfWeek"),
                                      QJsonArray { QStringLiteral("monday"),
                                          QStringLiteral("wednesday") } } } },
                { QStringLiteral("range"),
                    QJsonObject { { QStringLiteral("type"), QStringLiteral("numbered") },
                        { QStringLiteral("startDate"), QStringLiteral("2026-11-23") },
                        { QStringLiteral("numberOfOccurrences"), 6 } } } });
        const QString masterId = f.graph.putEvent(QStringLiteral("cal1"), series)
                                     .value(QLatin1String("id"))
                                     .toString();
        QCOMPARE(f.graph.viewEvents(QStringLiteral("cal1"), 0, LLONG_MAX).size(), 6);
        QVERIFY(f.sync());
        QVERIFY(f.graph.rejections().isEmpty());
        auto local = f.store->eventsInCalendar(f.calId(QStringLiteral("cal1"))).value();
        QCOMPARE(local.size(), 6); // the occurrences, not the master
        for (const Event &e : local) {
            QCOMPARE(e.recurringEventId, masterId);
            QVERIFY(e.originalStart.isValid());
            QVERIFY(!e.isRecurring());
        }
        QCOMPARE(local.at(1).start, QDateTime(QDate(2026, 11, 25), QTime(9, 0), Qt::UTC));

        // Remote: one occurrence renamed (an exception), incremental sync picks it up.
        const QString second = local.at(1).providerId;
        QVERIFY(f.graph.patchInstance(second,
            QJsonObject { { QStringLiteral("subject"), QStringLiteral("Standup (moved)") } }));
        QCOMPARE(f.graph.event(second)->value(QLatin1String("type")).toString(),
            QStringLiteral("exception"));
        f.server->clearLog();
        QVERIFY(f.sync());
        QCOMPARE(f.requestsTo(QStringLiteral("/delta")), 1);
        QCOMPARE(f.store->event(local.at(1).id)->title, QStringLiteral("Standup (moved)"));

        // Local: "this event" edit of the third and delete of the fourth occurrence.
        Event third = local.at(2);
        third.title = QStringLiteral("Standup (mine)");
        QVERIFY(f.engine->updateEvent(third).hasValue());
        QVERIFY(f.engine->deleteEvent(local.at(3).id).hasValue());
        QVERIFY(f.sync());
        QCOMPARE(f.engine->pendingWrites(), 0);
        QCOMPARE(f.graph.event(third.providerId)->value(QLatin1String("subject")).toString(),
            QStringLiteral("Standup (mine)"));
        QVERIFY(!f.graph.event(local.at(3).providerId));
        QCOMPARE(f.graph.viewEvents(QStringLiteral("cal1"), 0, LLONG_MAX).size(), 5);
        QVERIFY(f.sync());
        QCOMPARE(f.store->eventsInCalendar(f.calId(QStringLiteral("cal1")))->size(), 5);

        // Remote: the master renamed → every occurrence follows, exceptions keep theirs.
        QJsonObject master = *f.graph.event(masterId);
        master.insert(QStringLiteral("subject"), QStringLiteral("Daily standup"));
        f.graph.putEvent(QStringLiteral("cal1"), master);
        QVERIFY(f.sync());
        QCOMPARE(f.store->event(local.at(0).id)->title, QStringLiteral("Daily standup"));
        QCOMPARE(f.store->event(local.at(2).id)->title, QStringLiteral("Standup (mine)"));

        // Local: a new series (RRULE → patternedRecurrence); its occurrences come back.
        Event created;
        created.calendarId = f.calId(QStringLiteral("cal1"));
        created.title = QStringLiteral("Gym");
        created.start = QDateTime(QDate(2026, 11, 24), QTime(18, 0), Qt::UTC);
        created.end = created.start.addSecs(3600);
        created.recurrence = { QStringLiteral("RRULE:FREQ=DAILY;COUNT=3") };
        QVERIFY(f.engine->createEvent(created).hasValue());
        QVERIFY(f.sync());
        QVERIFY(f.sync());
        int gym = 0;
        const QList<Event> after
            = f.store->eventsInCalendar(f.calId(QStringLiteral("cal1"))).value();
        for (const Event &e : after) {
            if (e.title == QLatin1String("Gym")) {
                ++gym;
                QVERIFY(!e.isRecurring()); // no locally expanded master beside them
            }
        }
        QCOMPARE(gym, 3);
        bool masterOnServer = false;
        for (const QJsonObject &e : f.graph.events(QStringLiteral("cal1"))) {
            if (e.value(QLatin1String("subject")).toString() == QLatin1String("Gym")) {
                masterOnServer
                    = e.value(QLatin1String("type")).toString() == QLatin1String("seriesMaster");
                QCOMPARE(e.value(QLatin1String("recurrence"))
                             .toObject()
                             .value(QLatin1String("range"))
                             .toObject()
                             .value(QLatin1String("numberOfOccurrences"))
                             .toInt(),
                    3);
            }
        }
        QVERIFY(masterOnServer);

        // Remote: the first series deleted → all its occurrences go.
        f.graph.deleteEvent(masterId);
        QVERIFY(f.sync());
        QCOMPARE(f.store->eventsInCalendar(f.calId(QStringLiteral("cal1")))->size(), 3);
        QVERIFY(f.graph.rejections().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncGraph)
#include "tst_sync_graph.moc"
