// ics::importThroughSync (File → Import and kairos-cli import into a provider's calendar):
// every event goes through the SyncEngine's outbox and reaches the fake Google / Microsoft
// server; importing the file again adds nothing; a changed event is updated there.
#include "sync/providerimport.h"
#include "syncfixture.h"

#include <QJsonArray>
#include <QtTest>

using namespace kairos;
using namespace kairos::test;

namespace {

QString s(const char *t)
{
    return QString::fromUtf8(t);
}

//! Events by title (Google: "summary", Microsoft Graph: "subject").
QHash<QString, QJsonObject> bySummary(const QList<QJsonObject> &events)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonObject &e : events)
        out.insert(e.value(e.contains(s("subject")) ? s("subject") : s("summary")).toString(), e);
    return out;
}

} // namespace

class TestIcsThroughSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void google()
    {
        SyncFixture f(Provider::Google, s("ics-through-google"));
        f.google.addCalendar(s("primary"), s("Work"));
        QVERIFY(f.sync());
        const QString cal = f.calId(s("primary"));
        const QDateTime first(QDate(2026, 12, 7), QTime(9, 0), QTimeZone("Europe/Madrid"));

        auto parsed = ics::parseCalendar(teamImportFile(first, "Plain", true));
        QVERIFY(parsed);
        ics::ImportSummary r = ics::importThroughSync(*f.engine, *f.store, cal, *parsed);
        QCOMPARE(r.imported, 3);
        QVERIFY(r.skipped.isEmpty());
        QVERIFY(f.sync());
        QCOMPARE(f.engine->pendingWrites(), 0);
        auto server = bySummary(f.google.events(s("primary")));
        QVERIFY(server.contains(s("Plain")));
        QVERIFY(server.contains(s("Series (moved)")));
        const QJsonObject series = server.value(s("Series"));
        QCOMPARE(series.value(s("recurrence")).toArray().first().toString(),
            s("RRULE:FREQ=WEEKLY;COUNT=4"));
        QCOMPARE(server.value(s("Series (moved)")).value(s("recurringEventId")).toString(),
            series.value(s("id")).toString());
        QCOMPARE(server.value(s("Plain")).value(s("iCalUID")).toString(), s("plain@example.com"));
        const qsizetype count = f.google.events(s("primary")).size();

        // Again: matched by UID, nothing new on the server.
        r = ics::importThroughSync(*f.engine, *f.store, cal, *parsed);
        QCOMPARE(r.imported, 0);
        QVERIFY(f.sync());
        QCOMPARE(f.google.events(s("primary")).size(), count);

        // A changed event is updated at the server, not added.
        auto changed = ics::parseCalendar(teamImportFile(first, "Plain (new room)", true));
        QVERIFY(changed);
        r = ics::importThroughSync(*f.engine, *f.store, cal, *changed);
        QCOMPARE(r.imported, 0);
        QVERIFY(r.updated >= 1);
        QVERIFY(f.sync());
        QCOMPARE(f.engine->pendingWrites(), 0);
        server = bySummary(f.google.events(s("primary")));
        QVERIFY(server.contains(s("Plain (new room)")));
        QVERIFY(!server.contains(s("Plain")));
        QCOMPARE(f.google.events(s("primary")).size(), count);
    }

    void microsoft()
    {
        // Outlook: new events and series arrive; a changed occurrence of a series that has not
        // reached Outlook yet is refused with a reason (the report lists it).
        SyncFixture f(Provider::Microsoft, s("ics-through-graph"));
        f.graph.addCalendar(s("cal1"), s("Work"));
        QVERIFY(f.sync());
        const QString cal = f.calId(s("cal1"));
        const QDateTime first(QDate(2026, 12, 7), QTime(9, 0), QTimeZone("Europe/Madrid"));
        auto parsed = ics::parseCalendar(teamImportFile(first, "Plain", true));
        QVERIFY(parsed);
        const ics::ImportSummary r = ics::importThroughSync(*f.engine, *f.store, cal, *parsed);
        QCOMPARE(r.imported, 2);
        QCOMPARE(r.skipped.size(), 1);
        QVERIFY(r.skipped.first().kind == ics::ImportIssue::Kind::NotSent);
        QVERIFY(f.sync());
        QCOMPARE(f.engine->pendingWrites(), 0);
        const auto server = bySummary(f.graph.events(s("cal1")));
        QVERIFY(server.contains(s("Plain")));
        QVERIFY(server.contains(s("Series")));
    }
};

QTEST_GUILESS_MAIN(TestIcsThroughSync)
#include "tst_ics_through_sync.moc"
