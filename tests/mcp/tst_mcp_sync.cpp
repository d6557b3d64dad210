// MCP writes to provider calendars go through the SyncEngine's outbox, against the fake Google
// Calendar server (in-memory vault): create / update / delete arrive at the fake, invitations
// only with send_invitations: true (the sendUpdates query parameter), and sync_calendars runs
// the engine and reports per account.
#include "../sync/syncfixture.h"
#include "mcp/calendartools.h"
#include "mcp/mcpserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace kairos;
using namespace kairos::test;

namespace {

QString s(const char *t)
{
    return QString::fromUtf8(t);
}

//! sendUpdates of every write request (method + path) the fake got.
QStringList sendUpdatesOf(const fake::FakeGoogleServer &g, const QByteArray &method)
{
    QStringList out;
    for (const auto &r : g.requests())
        if (r.method == method && r.path.contains(s("/events")))
            out << r.query.queryItemValue(s("sendUpdates"));
    return out;
}

} // namespace

class TestMcpSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void writesGoThroughTheOutbox()
    {
        SyncFixture f(Provider::Google, s("mcpsync"));
        f.google.addCalendar(s("primary"), s("Work"), s("#039be5"));
        QVERIFY(f.sync());
        mcp::CalendarTools tools(f.profile, *f.db, QTimeZone("Europe/Madrid"));
        tools.setSyncEngine(f.engine.get());
        const QString cal = f.calId(s("primary"));

        // 1. Without send_invitations: created at the fake, sendUpdates=none.
        mcp::ToolResult r = tools.call(s("create_event"),
            { { s("calendar_id"), cal }, { s("title"), s("Planning") },
                { s("start"), s("2026-12-11T10:00:00") }, { s("duration_minutes"), 30 },
                { s("send_invitations"), false }, { s("allow_external_attendees"), true },
                { s("attendees"),
                    QJsonArray { QJsonObject { { s("email"), s("ana@example.com") } } } } });
        QVERIFY2(!r.isError, qPrintable(r.text));
        QVERIFY(r.structured.value(s("queued")).toBool());
        QCOMPARE(r.structured.value(s("invitations")).toObject().value(s("sent")).toBool(), false);
        const QString id
            = r.structured.value(s("event")).toObject().value(s("event_id")).toString();
        QVERIFY(id.startsWith(cal + QLatin1Char('/')));
        QTRY_COMPARE_WITH_TIMEOUT(f.engine->pendingWrites(), 0, 10000);
        QVERIFY(f.sync());
        QCOMPARE(f.google.events(s("primary")).size(), 1);
        QCOMPARE(
            f.google.events(s("primary")).first().value(s("summary")).toString(), s("Planning"));
        QCOMPARE(sendUpdatesOf(f.google, "POST"), QStringList { s("none") });
        QCOMPARE(f.google.notificationsSent(), 0);

        // 2. With send_invitations: true → sendUpdates=all.
        r = tools.call(s("create_event"),
            { { s("calendar_id"), s("google") }, { s("title"), s("Review") },
                { s("start"), s("2026-12-12T10:00:00") }, { s("duration_minutes"), 30 },
                { s("send_invitations"), true }, { s("allow_external_attendees"), true },
                { s("attendees"),
                    QJsonArray { QJsonObject { { s("email"), s("ana@example.com") } } } } });
        QVERIFY2(!r.isError, qPrintable(r.text));
        QCOMPARE(r.structured.value(s("invitations")).toObject().value(s("sent")).toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(f.engine->pendingWrites(), 0, 10000);
        QCOMPARE(sendUpdatesOf(f.google, "POST"), (QStringList { s("none"), s("all") }));
        QCOMPARE(f.google.notificationsSent(), 1);

        // 3. update (no invitations) and delete (no cancellations).
        r = tools.call(s("update_event"),
            { { s("event_id"), id }, { s("title"), s("Planning v2") },
                { s("send_invitations"), false } });
        QVERIFY2(!r.isError, qPrintable(r.text));
        QTRY_COMPARE_WITH_TIMEOUT(f.engine->pendingWrites(), 0, 10000);
        QCOMPARE(sendUpdatesOf(f.google, "PATCH"), QStringList { s("none") });
        bool renamed = false;
        for (const QJsonObject &e : f.google.events(s("primary")))
            renamed = renamed || e.value(s("summary")).toString() == s("Planning v2");
        QVERIFY(renamed);

        r = tools.call(
            s("delete_event"), { { s("event_id"), id }, { s("send_invitations"), false } });
        QVERIFY2(!r.isError, qPrintable(r.text));
        QTRY_COMPARE_WITH_TIMEOUT(f.engine->pendingWrites(), 0, 10000);
        QCOMPARE(sendUpdatesOf(f.google, "DELETE"), QStringList { s("none") });
        QCOMPARE(f.google.events(s("primary")).size(), 1);
        QCOMPARE(f.google.notificationsSent(), 1);
        QVERIFY2(f.google.rejections().isEmpty(), qPrintable(f.google.rejections().join(u'\n')));

        // 4. sync_calendars: runs the engine, one result per account.
        f.google.putEvent(s("primary"),
            gEvent(s("Remote"),
                QDateTime(QDate(2026, 12, 14), QTime(9, 0), QTimeZone("Europe/Madrid"))));
        r = tools.call(s("sync_calendars"), {});
        QVERIFY2(!r.isError, qPrintable(r.text));
        const QJsonArray accounts = r.structured.value(s("accounts")).toArray();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(accounts.at(0).toObject().value(s("account_id")).toString(), f.account.id);
        QVERIFY(accounts.at(0).toObject().value(s("ok")).toBool());
        QVERIFY(accounts.at(0).toObject().contains(s("last_synced")));
        QVERIFY(r.text.contains(s("me@example.com: synced")));
        r = tools.call(s("list_events"),
            { { s("start"), s("2026-12-14") }, { s("end"), s("2026-12-15") },
                { s("query"), s("Remote") } });
        QVERIFY2(!r.isError, qPrintable(r.text));
        QCOMPARE(r.structuredObject().value(s("events")).toArray().size(), 1);
    }

    void syncFailureIsReportedPerAccount()
    {
        SyncFixture f(Provider::Google, s("mcpsyncfail"));
        f.google.addCalendar(s("primary"), s("Work"));
        fake::Fault fault;
        fault.status = 500; // every request fails
        f.server->addFault(s("/calendar/v3/"), fault);
        mcp::CalendarTools tools(f.profile, *f.db, QTimeZone("Europe/Madrid"));
        tools.setSyncEngine(f.engine.get());
        const mcp::ToolResult r = tools.call(s("sync_calendars"), {});
        QVERIFY(r.isError);
        const QJsonObject acc = r.structured.value(s("accounts")).toArray().at(0).toObject();
        QCOMPARE(acc.value(s("ok")).toBool(), false);
        QVERIFY(!acc.value(s("error")).toString().isEmpty());
    }

    void outlookWithAttendeesNeedsSendInvitations()
    {
        // Graph mails attendees on every write: without send_invitations it is refused.
        SyncFixture f(Provider::Microsoft, s("mcpsyncms"));
        f.graph.addCalendar(s("cal"), s("Calendar"));
        QVERIFY(f.sync());
        mcp::CalendarTools tools(f.profile, *f.db, QTimeZone("Europe/Madrid"));
        tools.setSyncEngine(f.engine.get());
        const QJsonObject args { { s("calendar_id"), f.calId(s("cal")) }, { s("title"), s("1:1") },
            { s("start"), s("2026-12-11T10:00:00") }, { s("duration_minutes"), 30 },
            { s("send_invitations"), false }, { s("allow_external_attendees"), true },
            { s("attendees"),
                QJsonArray { QJsonObject { { s("email"), s("ana@example.com") } } } } };
        mcp::ToolResult r = tools.call(s("create_event"), args);
        QVERIFY(r.isError);
        QVERIFY2(r.text.contains(s("send_invitations: true")), qPrintable(r.text));
        QCOMPARE(f.engine->pendingWrites(), 0);
        QJsonObject yes = args;
        yes.insert(s("send_invitations"), true);
        r = tools.call(s("create_event"), yes);
        QVERIFY2(!r.isError, qPrintable(r.text));
        QTRY_COMPARE_WITH_TIMEOUT(f.engine->pendingWrites(), 0, 10000);
        // Without attendees nobody is mailed: allowed.
        QJsonObject alone = args;
        alone.remove(s("attendees"));
        QVERIFY(!tools.call(s("create_event"), alone).isError);
    }

    void noAccountKeepsTheClearError()
    {
        TempHome home;
        Profile profile(s("mcpnoacc"));
        QVERIFY(profile.ensureDirs().hasValue());
        auto db = Database::open(profile.databasePath(), QString(), s("mcpnoacc"));
        QVERIFY(db.hasValue());
        InMemoryVault vault;
        AuthorizedClient client(vault);
        SyncEngine engine(**db, client);
        mcp::CalendarTools tools(profile, **db, QTimeZone("Europe/Madrid"));
        tools.setSyncEngine(&engine);
        const mcp::ToolResult r = tools.call(s("sync_calendars"), {});
        QVERIFY(r.isError);
        QVERIFY2(r.text.contains(s("kairos-cli connect google")), qPrintable(r.text));
    }
};

QTEST_GUILESS_MAIN(TestMcpSync)
#include "tst_mcp_sync.moc"
