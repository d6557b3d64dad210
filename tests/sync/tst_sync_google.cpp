// Google Calendar v3 sync against the stateful fake: full then incremental sync, paging,
// 410 → full resync, outbox writes (idempotent ids, If-Match, sendUpdates), 412 conflicts,
// offline writes surviving an engine restart, 401 refresh, strict request validation.
#include "syncfixture.h"

#include "providers/google/googleclient.h"
#include "support/mockclock.h"

using namespace kairos;
using namespace kairos::test;

class TestSyncGoogle : public QObject {
    Q_OBJECT
private:
    QDateTime at(int day, int hour) const
    {
        return QDateTime(QDate(2026, 11, day), QTime(hour, 0), QTimeZone("Europe/Madrid"));
    }

private Q_SLOTS:
    void fullThenIncremental()
    {
        MockClock clock;
        SyncFixture f(Provider::Google);
        f.google.addCalendar(
            QStringLiteral("primary"), QStringLiteral("Work"), QStringLiteral("#039be5"));
        f.google.addCalendar(QStringLiteral("shared"), QStringLiteral("Shared"),
            QStringLiteral("#33b679"), QStringLiteral("reader"));
        const QJsonObject a
            = f.google.putEvent(QStringLiteral("primary"), gEvent(QStringLiteral("A"), at(23, 9)));
        f.google.putEvent(QStringLiteral("primary"), gEvent(QStringLiteral("B"), at(24, 9)));
        f.google.putEvent(QStringLiteral("shared"), gEvent(QStringLiteral("C"), at(25, 9)));
        QVERIFY(f.sync());
        QCOMPARE(f.store->eventCount().value(), 3);
        QVERIFY(f.google.rejections().isEmpty());
        // Calendars: provider colour, visible, availability for owned ones only.
        const Calendar work = f.store->calendar(f.calId(QStringLiteral("primary"))).value();
        QCOMPARE(work.color, QStringLiteral("#039be5"));
        QVERIFY(work.visible);
        QVERIFY(work.countsForAvailability);
        QCOMPARE(work.kind, CalendarKind::Google);
        const Calendar shared = f.store->calendar(f.calId(QStringLiteral("shared"))).value();
        QVERIFY(shared.readOnly);
        QVERIFY(!shared.countsForAvailability);
        QVERIFY(f.engine->lastSynced(f.account.id).isValid());

        // No changes: exactly one request per calendar (plus the calendar list).
        f.server->clearLog();
        QVERIFY(f.sync());
        QCOMPARE(f.requestsTo(QStringLiteral("/events")), 2);
        for (const auto &r : f.server->requests()) {
            if (r.path.endsWith(QLatin1String("/events"))) {
                QVERIFY(r.query.hasQueryItem(QStringLiteral("syncToken")));
                QCOMPARE(r.query.queryItemValue(QStringLiteral("singleEvents")),
                    QStringLiteral("false"));
                QVERIFY(!r.query.hasQueryItem(QStringLiteral("timeMin")));
            }
        }

        // Remote change and deletion arrive incrementally.
        QJsonObject changed = a;
        changed.insert(QStringLiteral("summary"), QStringLiteral("A2"));
        f.google.putEvent(QStringLiteral("primary"), changed);
        f.google.deleteEvent(QStringLiteral("shared"),
            f.google.events(QStringLiteral("shared"))
                .first()
                .value(QLatin1String("id"))
                .toString());
        QVERIFY(f.sync());
        QCOMPARE(f.store->eventCount().value(), 2);
        QCOMPARE(f.store
                     ->event(f.eventId(
                         QStringLiteral("primary"), a.value(QLatin1String("id")).toString()))
                     ->title,
            QStringLiteral("A2"));
    }

    void pagingFollowsNextPageToken()
    {
        MockClock clock;
        SyncFixture f(Provider::Google);
        f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
        f.google.seed(QStringLiteral("primary"), 6000, at(1, 8));
        QVERIFY(f.sync());
        QCOMPARE(f.store->eventCount().value(), 6000);
        QCOMPARE(f.requestsTo(QStringLiteral("/events")), 3); // 2500 + 2500 + 1000
        for (const auto &r : f.server->requests()) {
            if (r.path.endsWith(QLatin1String("/events")))
                QCOMPARE(
                    r.query.queryItemValue(QStringLiteral("maxResults")), QStringLiteral("2500"));
        }
    }

    void goneMeansFullResync()
    {
        MockClock clock;
        SyncFixture f(Provider::Google);
        f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
        f.google.putEvent(QStringLiteral("primary"), gEvent(QStringLiteral("A"), at(23, 9)));
        const QJsonObject b
            = f.google.putEvent(QStringLiteral("primary"), gEvent(QStringLiteral("B"), at(23, 11)));
        QVERIFY(f.sync());
        QCOMPARE(f.store->eventCount().value(), 2);
        f.google.invalidateSyncTokens(QStringLiteral("primary"));
        f.google.deleteEvent(QStringLiteral("primary"), b.value(QLatin1String("id")).toString());
        f.google.putEvent(QStringLiteral("primary"), gEvent(QStringLiteral("C"), at(24, 9)));
        f.server->clearLog();
        QVERIFY(f.sync());
        QCOMPARE(f.store->eventCount().value(), 2);
        // 410 then a full listing without the token.
        QCOMPARE(f.requestsTo(QStringLiteral("/events")), 2);
        QVERIFY(!f.server->requests().last().query.hasQueryItem(QStringLiteral("syncToken")));
    }

    void outboxWrites()
    {
        MockClock clock;
        SyncFixture f(Provider::Google);
        f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
        QVERIFY(f.sync());
        Event e;
        e.calendarId = f.calId(QStringLiteral("primary"));
        e.title = QStringLiteral("Planning");
        e.start = at(26, 10);
        e.end = at(26, 11);
        e.attendees << Attendee { QStringLiteral("ana@example.com"), {}, {}, false, false, false };
        auto created = f.engine->createEvent(e);
        QVERIFY(created.hasValue());
        QTRY_COMPARE(f.engine->pendingWrites(), 0);
        QTRY_VERIFY(!f.engine->isSyncing());
        const auto server = f.google.event(QStringLiteral("primary"), created->providerId);
        QVERIFY(server.has_value());
        QCOMPARE(server->value(QLatin1String("summary")).toString(), QStringLiteral("Planning"));
        QCOMPARE(f.google.notificationsSent(), 0); // not asked for
        const Event stored = f.store->event(created->id).value();
        QCOMPARE(stored.etag, server->value(QLatin1String("etag")).toString());

        // Update with invitations: If-Match is the etag we had.
        Event up = stored;
        up.title = QStringLiteral("Planning (moved)");
        WriteOptions opt;
        opt.sendUpdates = true;
        QVERIFY(f.engine->updateEvent(up, opt).hasValue());
        QTRY_COMPARE(f.engine->pendingWrites(), 0);
        QTRY_VERIFY(!f.engine->isSyncing());
        QCOMPARE(f.google.event(QStringLiteral("primary"), created->providerId)
                     ->value(QLatin1String("summary"))
                     .toString(),
            QStringLiteral("Planning (moved)"));
        QCOMPARE(f.google.notificationsSent(), 1);
        bool sawIfMatch = false;
        for (const auto &r : f.server->requests())
            sawIfMatch |= r.method == "PATCH" && r.header("if-match") == stored.etag.toUtf8();
        QVERIFY(sawIfMatch);

        QVERIFY(f.engine->deleteEvent(created->id).hasValue());
        QTRY_COMPARE(f.engine->pendingWrites(), 0);
        QTRY_VERIFY(!f.engine->isSyncing());
        QVERIFY(!f.google.event(QStringLiteral("primary"), created->providerId).has_value());
        QVERIFY(!f.store->event(created->id).hasValue());
    }

    void duplicateInsertIsIdempotent()
    {
        MockClock clock;
        SyncFixture f(Provider::Google);
        f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
        QVERIFY(f.sync());
        // The server got the insert but the answer was lost: the retry gets 409 and reads it.
        const QString id = GoogleClient::newEventId();
        QJsonObject pre = gEvent(QStringLiteral("Once"), at(27, 9));
        pre.insert(QStringLiteral("id"), id);
        f.google.putEvent(QStringLiteral("primary"), pre);
        OutboxOp op;
        op.accountId = f.account.id;
        op.calendarId = f.calId(QStringLiteral("primary"));
        op.eventId = f.eventId(QStringLiteral("primary"), id);
        op.providerId = id;
        op.clientKey = id;
        op.payload.title = QStringLiteral("Once");
        op.payload.start = at(27, 9);
        op.payload.end = at(27, 10);
        QVERIFY(f.engine->syncStore().enqueue(op).hasValue());
        QVERIFY(f.sync());
        QCOMPARE(f.engine->pendingWrites(), 0);
        QCOMPARE(f.google.events(QStringLiteral("primary")).size(), 1);
        QCOMPARE(f.store->eventCount().value(), 1);
    }

    void preconditionFailedBecomesConflict()
    {
        MockClock clock;
        SyncFixture f(Provider::Google);
        f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
        const QJsonObject a = f.google.putEvent(
            QStringLiteral("primary"), gEvent(QStringLiteral("Original"), at(23, 9)));
        QVERIFY(f.sync());
        // Someone else edits it on the server; we edit the stale copy offline.
        QJsonObject theirs = a;
        theirs.insert(QStringLiteral("summary"), QStringLiteral("Theirs"));
        f.google.putEvent(QStringLiteral("primary"), theirs);
        const QString id
            = f.eventId(QStringLiteral("primary"), a.value(QLatin1String("id")).toString());
        Event mine = f.store->event(id).value();
        mine.title = QStringLiteral("Mine");
        QSignalSpy conflicts(f.engine.get(), &SyncEngine::conflictAdded);
        QVERIFY(f.engine->updateEvent(mine).hasValue());
        QTRY_COMPARE(conflicts.size(), 1);
        QTRY_VERIFY(!f.engine->isSyncing());
        // Nothing silently overwritten: the server keeps theirs, the cache shows theirs, and
        // the conflict keeps mine.
        QCOMPARE(f.google.event(QStringLiteral("primary"), a.value(QLatin1String("id")).toString())
                     ->value(QLatin1String("summary"))
                     .toString(),
            QStringLiteral("Theirs"));
        QCOMPARE(f.store->event(id)->title, QStringLiteral("Theirs"));
        const auto list = f.engine->conflicts();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().kind, QStringLiteral("changed_on_server"));
        QCOMPARE(list.first().local.title, QStringLiteral("Mine"));
        QCOMPARE(list.first().server.title, QStringLiteral("Theirs"));
        QVERIFY(f.engine->dismissConflict(list.first().id).hasValue());
        QVERIFY(f.engine->conflicts().isEmpty());
    }

    void reapplyMyEditAfterConflict()
    {
        MockClock clock;
        SyncFixture f(Provider::Google, QStringLiteral("reapply"));
        f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
        const QJsonObject a = f.google.putEvent(
            QStringLiteral("primary"), gEvent(QStringLiteral("Original"), at(23, 9)));
        const QString pid = a.value(QLatin1String("id")).toString();
        QVERIFY(f.sync());
        const QString id = f.eventId(QStringLiteral("primary"), pid);
        auto serverTitle = [&]() {
            return f.google.event(QStringLiteral("primary"), pid)
                ->value(QLatin1String("summary"))
                .toString();
        };
        auto conflictOnNextEdit = [&](const QString &theirs, const QString &mine) {
            QJsonObject remote = *f.google.event(QStringLiteral("primary"), pid);
            remote.insert(QStringLiteral("summary"), theirs);
            f.google.putEvent(QStringLiteral("primary"), remote);
            Event e = f.store->event(id).value();
            e.title = mine;
            QSignalSpy conflicts(f.engine.get(), &SyncEngine::conflictAdded);
            QVERIFY(f.engine->updateEvent(e).hasValue());
            QTRY_COMPARE(conflicts.size(), 1);
            QTRY_VERIFY(!f.engine->isSyncing());
        };

        // 412 → conflict → reapply: the server gets my version, on top of theirs.
        conflictOnNextEdit(QStringLiteral("Theirs"), QStringLiteral("Mine"));
        QCOMPARE(serverTitle(), QStringLiteral("Theirs"));
        auto list = f.engine->conflicts();
        QCOMPARE(list.size(), 1);
        f.server->clearLog();
        QVERIFY(f.engine->reapplyConflict(list.first().id).hasValue());
        QVERIFY(f.engine->conflicts().isEmpty());
        QCOMPARE(f.store->event(id)->title, QStringLiteral("Mine")); // optimistic, at once
        QVERIFY(f.sync());
        QCOMPARE(serverTitle(), QStringLiteral("Mine"));
        QCOMPARE(f.store->event(id)->title, QStringLiteral("Mine"));
        QCOMPARE(f.engine->pendingWrites(), 0);
        bool sawIfMatch = false;
        for (const auto &r : f.server->requests())
            sawIfMatch |= r.method == "PATCH" && !r.header("if-match").isEmpty();
        QVERIFY(sawIfMatch); // re-sent against the server's etag, not blindly

        // A third change lands between the conflict and "Reapply": not overwritten, a new
        // conflict shows the newest server version instead.
        conflictOnNextEdit(QStringLiteral("Theirs 2"), QStringLiteral("Mine 2"));
        list = f.engine->conflicts();
        QCOMPARE(list.size(), 1);
        QJsonObject third = *f.google.event(QStringLiteral("primary"), pid);
        third.insert(QStringLiteral("summary"), QStringLiteral("Third"));
        f.google.putEvent(QStringLiteral("primary"), third);
        QSignalSpy again(f.engine.get(), &SyncEngine::conflictAdded);
        QVERIFY(f.engine->reapplyConflict(list.first().id).hasValue());
        QTRY_COMPARE(again.size(), 1);
        QVERIFY(f.sync());
        QCOMPARE(serverTitle(), QStringLiteral("Third"));
        QCOMPARE(f.store->event(id)->title, QStringLiteral("Third"));
        list = f.engine->conflicts();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().local.title, QStringLiteral("Mine 2"));
        QCOMPARE(list.first().server.title, QStringLiteral("Third"));

        // Deleted on the server meanwhile: reapplying creates my version anew.
        f.google.deleteEvent(QStringLiteral("primary"), pid);
        QVERIFY(f.engine->reapplyConflict(list.first().id).hasValue());
        QVERIFY(f.sync());
        QTRY_VERIFY(!f.engine->isSyncing());
        if (f.engine->conflicts().size() == 1) {
            // The reapplied update met the deletion: deleted_on_server → reapply creates.
            const auto gone = f.engine->conflicts().first();
            QCOMPARE(gone.kind, QStringLiteral("deleted_on_server"));
            QVERIFY(f.engine->reapplyConflict(gone.id).hasValue());
            QVERIFY(f.sync());
        }
        QVERIFY(f.engine->conflicts().isEmpty());
        int mine = 0;
        for (const QJsonObject &e : f.google.events(QStringLiteral("primary")))
            mine += e.value(QLatin1String("summary")).toString() == QLatin1String("Mine 2");
        QCOMPARE(mine, 1);
    }

    void offlineWritesSurviveRestart()
    {
        MockClock clock;
        SyncFixture f(Provider::Google);
        f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
        QVERIFY(f.sync());
        fake::Fault down;
        down.status = 503;
        f.server->addFault(QStringLiteral("/calendar/v3/"), down);
        Event e;
        e.calendarId = f.calId(QStringLiteral("primary"));
        e.title = QStringLiteral("Written offline");
        e.start = at(28, 9);
        e.end = at(28, 10);
        QVERIFY(f.engine->createEvent(e).hasValue());
        QTRY_VERIFY(!f.engine->isSyncing());
        QCOMPARE(f.engine->pendingWrites(), 1);
        QCOMPARE(f.store->eventCount().value(), 1); // visible while offline
        // "Crash": a new engine on the same database.
        f.makeEngine();
        f.server->clearFaults();
        QVERIFY(f.sync());
        QCOMPARE(f.engine->pendingWrites(), 0);
        QCOMPARE(f.google.events(QStringLiteral("primary")).size(), 1);
        QCOMPARE(f.store->eventCount().value(), 1);
    }

    void unauthorisedRefreshesOnce()
    {
        MockClock clock;
        SyncFixture f(Provider::Google);
        f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
        f.google.putEvent(QStringLiteral("primary"), gEvent(QStringLiteral("A"), at(23, 9)));
        f.google.revokeAccessToken();
        QVERIFY(f.sync());
        QCOMPARE(f.google.refreshes(), 1);
        QCOMPARE(f.store->eventCount().value(), 1);
    }

    void fakeRefusesForbiddenCombinations()
    {
        SyncFixture f(Provider::Google);
        f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
        QVERIFY(f.sync());
        QNetworkAccessManager nam;
        QNetworkRequest req(
            f.google.url(QStringLiteral("/calendar/v3/calendars/primary/"
                                        "events?syncToken=st-0-1&timeMin=2026-01-01T00:00:00Z")));
        req.setRawHeader("Authorization", "Bearer " + f.google.accessToken().toLatin1());
        QNetworkReply *r = nam.get(req);
        QTRY_VERIFY(r->isFinished());
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 400);
        QNetworkRequest noAuth(f.google.url(QStringLiteral("/calendar/v3/users/me/calendarList")));
        QNetworkReply *r2 = nam.get(noAuth);
        QTRY_VERIFY(r2->isFinished());
        QCOMPARE(r2->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
        delete r;
        delete r2;
    }

    void editOneInstanceOfSeries()
    {
        MockClock clock;
        SyncFixture f(Provider::Google);
        f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
        const QJsonObject m = f.google.putEvent(QStringLiteral("primary"),
            gEvent(QStringLiteral("Stand-up"), at(23, 9), 15,
                { QStringLiteral("RRULE:FREQ=DAILY;COUNT=5") }));
        QVERIFY(f.sync());
        const QString masterId
            = f.eventId(QStringLiteral("primary"), m.value(QLatin1String("id")).toString());
        Event inst = f.store->event(masterId).value();
        inst.id.clear();
        inst.recurrence.clear();
        inst.recurringEventId = masterId;
        inst.originalStart = at(25, 9);
        inst.start = at(25, 10);
        inst.end = at(25, 10).addSecs(900);
        inst.title = QStringLiteral("Stand-up (late)");
        auto r = f.engine->updateEvent(inst);
        QVERIFY(r.hasValue());
        QTRY_COMPARE(f.engine->pendingWrites(), 0);
        QTRY_VERIFY(!f.engine->isSyncing());
        const QString instanceId
            = GoogleClient::instanceId(m.value(QLatin1String("id")).toString(), at(25, 9), false);
        const auto ex = f.google.event(QStringLiteral("primary"), instanceId);
        QVERIFY(ex.has_value());
        QCOMPARE(ex->value(QLatin1String("recurringEventId")).toString(),
            m.value(QLatin1String("id")).toString());
        QCOMPARE(f.store->event(f.eventId(QStringLiteral("primary"), instanceId))->title,
            QStringLiteral("Stand-up (late)"));
    }

    void remindersBothWays()
    {
        // reminders.useDefault / overrides and the calendar's defaultReminders come in; an
        // edited event goes out with popup overrides, a default one with useDefault only (the
        // fake refuses both at once, as Google does).
        MockClock clock;
        SyncFixture f(Provider::Google, QStringLiteral("google-reminders"));
        f.google.addCalendar(QStringLiteral("primary"), QStringLiteral("Work"));
        f.google.setDefaultReminders(QStringLiteral("primary"), { 30, 5 });
        QJsonObject own = gEvent(QStringLiteral("Own"), at(23, 9));
        own.insert(QStringLiteral("reminders"),
            QJsonObject { { QStringLiteral("useDefault"), false },
                { QStringLiteral("overrides"),
                    QJsonArray {
                        QJsonObject { { QStringLiteral("method"), QStringLiteral("popup") },
                            { QStringLiteral("minutes"), 60 } },
                        QJsonObject { { QStringLiteral("method"), QStringLiteral("email") },
                            { QStringLiteral("minutes"), 1440 } },
                        QJsonObject { { QStringLiteral("method"), QStringLiteral("popup") },
                            { QStringLiteral("minutes"), 10 } } } } });
        const QJsonObject ownStored = f.google.putEvent(QStringLiteral("primary"), own);
        const QJsonObject dflt = f.google.putEvent(
            QStringLiteral("primary"), gEvent(QStringLiteral("Default"), at(24, 9)));
        QVERIFY(f.sync());
        QCOMPARE(f.store->calendar(f.calId(QStringLiteral("primary")))->defaultReminders,
            (QList<int> { 5, 30 }));
        Event a = f.store
                      ->event(f.eventId(QStringLiteral("primary"),
                          ownStored.value(QLatin1String("id")).toString()))
                      .value();
        QCOMPARE(a.reminders, (QList<int> { 10, 60 })); // the e-mail one is Google's to send
        QVERIFY(!a.defaultReminders);
        Event b = f.store
                      ->event(f.eventId(
                          QStringLiteral("primary"), dflt.value(QLatin1String("id")).toString()))
                      .value();
        QVERIFY(b.defaultReminders);
        QVERIFY(b.reminders.isEmpty());
        QCOMPARE(b.effectiveReminders({ 5, 30 }), (QList<int> { 5, 30 }));

        // Out: the default event gets its own reminder, the other goes back to the default.
        b.defaultReminders = false;
        b.reminders = { 15 };
        a.defaultReminders = true;
        QVERIFY(f.engine->updateEvent(b, {}).hasValue());
        QVERIFY(f.engine->updateEvent(a, {}).hasValue());
        QTRY_COMPARE(f.engine->pendingWrites(), 0);
        QTRY_VERIFY(!f.engine->isSyncing());
        QVERIFY2(f.google.rejections().isEmpty(), qPrintable(f.google.rejections().join(u';')));
        const QJsonObject rb = f.google.event(QStringLiteral("primary"), b.providerId)
                                   ->value(QLatin1String("reminders"))
                                   .toObject();
        QCOMPARE(rb.value(QLatin1String("useDefault")), QJsonValue(false));
        QCOMPARE(rb.value(QLatin1String("overrides")).toArray(),
            (QJsonArray { QJsonObject { { QStringLiteral("method"), QStringLiteral("popup") },
                { QStringLiteral("minutes"), 15 } } }));
        const QJsonObject ra = f.google.event(QStringLiteral("primary"), a.providerId)
                                   ->value(QLatin1String("reminders"))
                                   .toObject();
        QCOMPARE(ra.value(QLatin1String("useDefault")), QJsonValue(true));
        QVERIFY(ra.value(QLatin1String("overrides")).toArray().isEmpty());

        // A new event with no reminders at all says so (no popup overrides, not the default).
        Event c;
        c.calendarId = f.calId(QStringLiteral("primary"));
        c.title = QStringLiteral("Quiet");
        c.start = at(27, 10);
        c.end = at(27, 11);
        auto created = f.engine->createEvent(c);
        QVERIFY(created.hasValue());
        QTRY_COMPARE(f.engine->pendingWrites(), 0);
        QTRY_VERIFY(!f.engine->isSyncing());
        const QJsonObject rc = f.google.event(QStringLiteral("primary"), created->providerId)
                                   ->value(QLatin1String("reminders"))
                                   .toObject();
        QCOMPARE(rc.value(QLatin1String("useDefault")), QJsonValue(false));
        QVERIFY(rc.value(QLatin1String("overrides")).toArray().isEmpty());
        QVERIFY(f.sync());
        QCOMPARE(f.store->event(b.id)->reminders, (QList<int> { 15 }));
        QVERIFY(f.store->event(a.id)->defaultReminders);
    }

    void fakeRefusesBadReminders()
    {
        // The fake is as strict as Google: it can tell a wrong body from a right one.
        const QJsonObject both { { QStringLiteral("reminders"),
            QJsonObject { { QStringLiteral("useDefault"), true },
                { QStringLiteral("overrides"),
                    QJsonArray {
                        QJsonObject { { QStringLiteral("method"), QStringLiteral("popup") },
                            { QStringLiteral("minutes"), 5 } } } } } } };
        QVERIFY(!fake::FakeGoogleServer::badReminders(both).isEmpty());
        QJsonArray six;
        for (int i = 0; i < 6; ++i)
            six.append(QJsonObject { { QStringLiteral("method"), QStringLiteral("popup") },
                { QStringLiteral("minutes"), i } });
        QVERIFY(!fake::FakeGoogleServer::badReminders(
            { { QStringLiteral("reminders"),
                QJsonObject { { QStringLiteral("overrides"), six } } } })
                     .isEmpty());
        QVERIFY(!fake::FakeGoogleServer::badReminders(
            { { QStringLiteral("reminders"),
                QJsonObject { { QStringLiteral("overrides"),
                    QJsonArray { QJsonObject { { QStringLiteral("method"), QStringLiteral("sms") },
                        { QStringLiteral("minutes"), 5 } } } } } } })
                     .isEmpty());
        QVERIFY(fake::FakeGoogleServer::badReminders(GoogleClient::toJson([] {
            Event e;
            e.reminders = { 0, 5, 10, 20, 30, 60 }; // six: Kairos sends the first five
            return e;
        }()))
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSyncGoogle)
#include "tst_sync_google.moc"
