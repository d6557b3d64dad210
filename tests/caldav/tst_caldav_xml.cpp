// The WebDAV XML parser and the resource ⇄ events code, without a server. The multistatus
// samples use other prefixes, default namespaces and shapes than Radicale / Xandikos send
// (as iCloud and Nextcloud do), so the parser is not tuned to the two test servers.

#include "providers/caldav/caldavobject.h"
#include "providers/caldav/davxml.h"

#include <QTest>

using namespace kairos;
using namespace kairos::caldav;

class TestCalDavXml : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void multistatusWithPrefixesAndPropstats()
    {
        const QByteArray xml
            = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<multistatus xmlns=\"DAV:\" xmlns:cal=\"urn:ietf:params:xml:ns:caldav\" "
              "xmlns:cs=\"http://calendarserver.org/ns/\" xmlns:ic=\"http://apple.com/ns/ical/\">\n"
              " <response>\n"
              "  <href>/123456/calendars/home/</href>\n"
              "  <propstat>\n"
              "   <prop>\n"
              "    <displayname>Home &amp; family</displayname>\n"
              "    <ic:calendar-color symbolic-color=\"custom\">#1BADF8FF</ic:calendar-color>\n"
              "    <resourcetype><collection/><cal:calendar/></resourcetype>\n"
              "    <cal:supported-calendar-component-set><cal:comp name=\"VEVENT\"/><cal:comp "
              "name=\"VTODO\"/></cal:supported-calendar-component-set>\n"
              "    "
              "<current-user-privilege-set><privilege><read/></privilege><privilege><write-content/"
              "></privilege></current-user-privilege-set>\n"
              "    <cs:getctag>FT=-@RU=abc@S=42</cs:getctag>\n"
              "    "
              "<supported-report-set><supported-report><report><sync-collection/></report></"
              "supported-report></supported-report-set>\n"
              "   </prop>\n"
              "   <status>HTTP/1.1 200 OK</status>\n"
              "  </propstat>\n"
              "  <propstat>\n"
              "   <prop><sync-token/></prop>\n"
              "   <status>HTTP/1.1 404 Not Found</status>\n"
              "  </propstat>\n"
              " </response>\n"
              " <response>\n"
              "  <href>https://p42-caldav.icloud.com/123456/calendars/home/gone.ics</href>\n"
              "  <status>HTTP/1.1 404 Not Found</status>\n"
              " </response>\n"
              " <sync-token>https://example.com/sync/7</sync-token>\n"
              "</multistatus>\n";
        auto ms = parseMultiStatus(xml);
        QVERIFY(ms.hasValue());
        QCOMPARE(ms->responses.size(), 2);
        QCOMPARE(ms->syncToken, QStringLiteral("https://example.com/sync/7"));
        const DavResponse &r = ms->responses.at(0);
        QCOMPARE(r.href, QStringLiteral("/123456/calendars/home/"));
        QCOMPARE(r.text(clark(kDav, "displayname")), QStringLiteral("Home & family"));
        QCOMPARE(r.text(clark(kApple, "calendar-color")), QStringLiteral("#1BADF8FF"));
        QVERIFY(r.props.value(clark(kDav, "resourcetype")).has(clark(kCalDav, "calendar")));
        QCOMPARE(r.props.value(clark(kCalDav, "supported-calendar-component-set")).compNames,
            QStringList({ QStringLiteral("VEVENT"), QStringLiteral("VTODO") }));
        QVERIFY(r.props.value(clark(kDav, "current-user-privilege-set"))
                    .has(clark(kDav, "write-content")));
        QVERIFY(
            r.props.value(clark(kDav, "supported-report-set")).has(clark(kDav, "sync-collection")));
        QCOMPARE(r.text(clark(kCalServer, "getctag")), QStringLiteral("FT=-@RU=abc@S=42"));
        QVERIFY(!r.hasProp(clark(kDav, "sync-token")));
        QCOMPARE(r.missing, QStringList({ clark(kDav, "sync-token") }));
        QCOMPARE(ms->responses.at(1).status, 404);
    }

    void hrefPropertiesAndCalendarData()
    {
        const QByteArray xml
            = "<D:multistatus xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\">"
              "<D:response><D:href>/dav/</D:href><D:propstat><D:prop>"
              "<D:current-user-principal>\n  "
              "<D:href>/dav/principals/users/ann%40example.com/</D:href>\n</"
              "D:current-user-principal>"
              "<C:calendar-data>BEGIN:VCALENDAR\r\nX-A:a&lt;b\r\nEND:VCALENDAR\r\n</"
              "C:calendar-data>"
              "</D:prop><D:status>HTTP/1.1 200 "
              "OK</D:status></D:propstat></D:response></D:multistatus>";
        auto ms = parseMultiStatus(xml);
        QVERIFY(ms.hasValue());
        const DavResponse &r = ms->responses.first();
        QCOMPARE(r.props.value(clark(kDav, "current-user-principal")).hrefs,
            QStringList({ QStringLiteral("/dav/principals/users/ann%40example.com/") }));
        // XML turns CRLF into LF (XML 1.0 §2.11); libical reads either.
        QCOMPARE(r.text(clark(kCalDav, "calendar-data")),
            QStringLiteral("BEGIN:VCALENDAR\nX-A:a<b\nEND:VCALENDAR\n"));
    }

    void notAMultistatus()
    {
        QVERIFY(!parseMultiStatus("<html><body>Login</body></html>").hasValue());
        QVERIFY(!parseMultiStatus("").hasValue());
        QVERIFY(!parseMultiStatus("<D:multistatus xmlns:D=\"DAV:\"><D:response>").hasValue());
        QCOMPARE(parseErrorConditions("<error xmlns=\"DAV:\"><valid-sync-token/></error>"),
            QStringList({ clark(kDav, "valid-sync-token") }));
    }

    void requestBodiesAreWellFormed()
    {
        // Our own bodies read back through the parser's reader: namespaces and escaping.
        const QByteArray mg = multigetBody({ QStringLiteral("/c/a&b.ics") });
        QVERIFY(mg.contains("calendar-multiget"));
        QVERIFY(mg.contains("/c/a&amp;b.ics"));
        QVERIFY(syncCollectionBody(QString()).contains("sync-level>1<"));
        QVERIFY(propfindBody({ clark(kDav, "getetag") }).contains("getetag"));
    }

    void objectNames()
    {
        QCOMPARE(resourceName(QStringLiteral("/cal/work/abc%20def.ics")),
            QStringLiteral("abc%20def.ics"));
        QCOMPARE(
            resourceName(QStringLiteral("https://h.example/cal/x.ics")), QStringLiteral("x.ics"));
    }

    void allDaySeriesRoundTrip()
    {
        const QByteArray ics
            = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
              "BEGIN:VEVENT\r\nUID:d1\r\nDTSTAMP:20261201T000000Z\r\n"
              "DTSTART;VALUE=DATE:20261214\r\nDTEND;VALUE=DATE:20261215\r\n"
              "RRULE:FREQ=DAILY;COUNT=5\r\nSUMMARY:Holiday\r\nCATEGORIES:Fun\r\nEND:VEVENT\r\n"
              "END:VCALENDAR\r\n";
        auto events = eventsFromObject(ics, QStringLiteral("d1.ics"), QStringLiteral("\"e1\""));
        QVERIFY(events.hasValue());
        QCOMPARE(events->size(), 1);
        QVERIFY(events->first().allDay);
        // Cancel one day: EXDATE as a DATE, the categories stay.
        auto ex
            = excludeOccurrence(ics, QDateTime(QDate(2026, 12, 16), QTime(0, 0), Qt::UTC), true);
        QVERIFY(ex.hasValue());
        QVERIFY(ex->contains("EXDATE;VALUE=DATE:20261216"));
        QVERIFY(ex->contains("CATEGORIES:Fun"));
        // Change one day: a new override with RECURRENCE-ID;VALUE=DATE.
        Event one = events->first();
        one.recurrence.clear();
        one.recurringEventId = QStringLiteral("d1.ics");
        one.originalStart = QDateTime(QDate(2026, 12, 15), QTime(0, 0), Qt::UTC);
        one.startDate = QDate(2026, 12, 15);
        one.endDate = QDate(2026, 12, 16);
        one.title = QStringLiteral("Holiday (half)");
        auto merged = mergeIntoObject(ics, one);
        QVERIFY(merged.hasValue());
        auto back = eventsFromObject(*merged, QStringLiteral("d1.ics"), QStringLiteral("\"e2\""));
        QVERIFY(back.hasValue());
        QCOMPARE(back->size(), 2);
        QCOMPARE(back->at(1).title, QStringLiteral("Holiday (half)"));
        QCOMPARE(back->at(1).providerId,
            instanceProviderId(QStringLiteral("d1.ics"), one.originalStart));
        QCOMPARE(back->at(1).iCalUid, QStringLiteral("d1"));
        QVERIFY(!mergeIntoObject("garbage", one).hasValue());
    }

    void alarmsAreTheEventsReminders()
    {
        // Display alarms are Kairos' reminders: read into Event::reminders and written back from
        // them (not copied twice, an edited reminder replaces the old one); an e-mail alarm is
        // not Kairos' to model and stays as it was.
        const QByteArray ics
            = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n"
              "BEGIN:VEVENT\r\nUID:a1\r\nDTSTAMP:20261201T000000Z\r\n"
              "DTSTART:20261214T090000Z\r\nDTEND:20261214T100000Z\r\nSUMMARY:Review\r\n"
              "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Soon\r\nTRIGGER:-PT15M\r\n"
              "END:VALARM\r\n"
              "BEGIN:VALARM\r\nACTION:EMAIL\r\nSUMMARY:Mail\r\nDESCRIPTION:Mail\r\n"
              "ATTENDEE:mailto:a@example.org\r\nTRIGGER:-P1D\r\nEND:VALARM\r\n"
              "END:VEVENT\r\nEND:VCALENDAR\r\n";
        auto events = eventsFromObject(ics, QStringLiteral("a1.ics"), QStringLiteral("\"e1\""));
        QVERIFY(events.hasValue());
        QCOMPARE(events->size(), 1);
        Event e = events->first();
        QCOMPARE(e.reminders, QList<int>({ 15 }));

        e.title = QStringLiteral("Review (renamed)");
        auto same = mergeIntoObject(ics, e);
        QVERIFY(same.hasValue());
        QCOMPARE(same->count("BEGIN:VALARM"), 2);
        QCOMPARE(same->count("TRIGGER:-PT15M"), 1);
        QVERIFY(same->contains("ACTION:EMAIL"));
        auto back = eventsFromObject(*same, QStringLiteral("a1.ics"), QStringLiteral("\"e2\""));
        QVERIFY(back.hasValue());
        QCOMPARE(back->first().reminders, QList<int>({ 15 }));

        e.reminders = { 5, 30 };
        auto changed = mergeIntoObject(*same, e);
        QVERIFY(changed.hasValue());
        QVERIFY(!changed->contains("TRIGGER:-PT15M"));
        QVERIFY(changed->contains("ACTION:EMAIL"));
        QCOMPARE(changed->count("BEGIN:VALARM"), 3);
        back = eventsFromObject(*changed, QStringLiteral("a1.ics"), QStringLiteral("\"e3\""));
        QVERIFY(back.hasValue());
        QCOMPARE(back->first().reminders, QList<int>({ 5, 30 }));
    }
};

QTEST_GUILESS_MAIN(TestCalDavXml)
#include "tst_caldav_xml.moc"
