// ics::importThroughSync (File → Import and kairos-cli import into a provider's calendar):
// every event goes through the SyncEngine's outbox and reaches the fake Google / Microsoft
// server; importing the file again adds nothing; a changed event is updated there.
#include "sync/providerimport.h"
#include "syncfixture.h"

#include <QBuffer>
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

//! Events by title (Google: "summary", Microsoft Graph: "subject").
QHash<QString, QJsonObject> bySummary(const QList<QJsonObject> &events)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonObject &e : events)
        out.insert(e.value(e.contains(s("subject")) ? s("subject") : s("summary")).toString(), e);
    return out;
}

//! One meeting with an organizer and two attendees (what a crafted file would carry by the
//! hundred).
QByteArray invitationFile(const QDateTime &start)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\n"
           "UID:invite@example.com\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:"
        + icsStamp(start) + "\r\nDTEND:" + icsStamp(start.addSecs(3600))
        + "\r\nSUMMARY:Quarterly\r\nDESCRIPTION:Agenda\r\n"
          "ORGANIZER;CN=Boss:mailto:boss@evil.example\r\n"
          "ATTENDEE;CN=Victim One:mailto:one@victims.example\r\n"
          "ATTENDEE:mailto:two@victims.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
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

    void attendeesStayHomeByDefault_data()
    {
        QTest::addColumn<bool>("google");
        QTest::newRow("google") << true;
        QTest::newRow("microsoft") << false;
    }
    void attendeesStayHomeByDefault()
    {
        // An imported file's attendees would get mail from the user's Outlook, or the event in
        // their Google calendars: not sent unless asked for, listed in the description instead.
        QFETCH(bool, google);
        SyncFixture f(google ? Provider::Google : Provider::Microsoft,
            google ? s("ics-attendees-g") : s("ics-attendees-m"));
        if (google)
            f.google.addCalendar(s("primary"), s("Work"));
        else
            f.graph.addCalendar(s("cal1"), s("Work"));
        QVERIFY(f.sync());
        const QString remote = google ? s("primary") : s("cal1");
        const QString cal = f.calId(remote);
        const QDateTime start(QDate(2026, 12, 9), QTime(10, 0), QTimeZone("Europe/Madrid"));
        auto parsed = ics::parseCalendar(invitationFile(start));
        QVERIFY(parsed);
        QCOMPARE(ics::attendeeCount(*parsed), 3);
        QCOMPARE(parsed->attendeeLines, 3);
        QByteArray bytes = invitationFile(start);
        QBuffer buffer(&bytes);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        auto scanned = ics::scanCalendar(buffer);
        QVERIFY(scanned);
        QCOMPARE(scanned->attendeeLines, 3);

        ics::ImportSummary r = ics::importThroughSync(*f.engine, *f.store, cal, *parsed);
        QCOMPARE(r.imported, 1);
        QVERIFY(f.sync());
        QCOMPARE(f.engine->pendingWrites(), 0);
        const auto events = google ? f.google.events(remote) : f.graph.events(remote);
        QCOMPARE(events.size(), 1);
        const QJsonObject e = events.first();
        QVERIFY2(
            e.value(s("attendees")).toArray().isEmpty(), QJsonDocument(e).toJson().constData());
        QVERIFY(!QJsonDocument(e).toJson().contains("victims.example\"}"));
        const QString description = google
            ? e.value(s("description")).toString()
            : e.value(s("body")).toObject().value(s("content")).toString();
        QVERIFY2(description.startsWith(s("Agenda\n\n")), qPrintable(description));
        QVERIFY2(description.contains(s("Organizer: boss@evil.example")), qPrintable(description));
        QVERIFY2(description.contains(
                     s("Attendees: Victim One <one@victims.example>, two@victims.example")),
            qPrintable(description));
        if (google)
            QCOMPARE(f.google.notificationsSent(), 0);

        // Asked for explicitly (the chooser's checkbox, --keep-attendees): they are sent.
        auto other = ics::parseCalendar(QByteArray(invitationFile(start.addDays(1)))
                                            .replace("invite@example.com", "invite2@example.com"));
        QVERIFY(other);
        r = ics::importThroughSync(*f.engine, *f.store, cal, *other, true);
        QCOMPARE(r.imported, 1);
        QVERIFY(f.sync());
        int withAttendees = 0;
        for (const QJsonObject &ev : google ? f.google.events(remote) : f.graph.events(remote))
            withAttendees += ev.value(s("attendees")).toArray().size() >= 2;
        QCOMPARE(withAttendees, 1);
    }
};

QTEST_GUILESS_MAIN(TestIcsThroughSync)
#include "tst_ics_through_sync.moc"
