// The CalDAV client against real servers: Radicale and Xandikos (Debian packages), each started
// on 127.0.0.1 with a free port, a temporary store and an htpasswd user. Every test runs once
// per server (initTestCase_data). "The other client" is plain HTTP from the fixture with
// hand-written iCalendar text, so nothing here checks Kairos against itself only.

#include "caldavtestutil.h"

#include "providers/caldav/caldavobject.h"
#include "providers/caldav/davxml.h"

#include <QSignalSpy>
#include <QTest>

using namespace kairos;
using namespace kairos::caldav;
using namespace kairos::test;

namespace {

QByteArray vcalendar(const QByteArray &body)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other client//EN\r\n" + body
        + "END:VCALENDAR\r\n";
}

QByteArray vevent(const QByteArray &uid, const QByteArray &summary, const QByteArray &start,
    const QByteArray &end, const QByteArray &extra = {})
{
    return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261201T100000Z\r\nDTSTART:" + start
        + "\r\nDTEND:" + end + "\r\nSUMMARY:" + summary + "\r\n" + extra + "END:VEVENT\r\n";
}

//! PUT answers 201 or 204 (RFC 4918 §9.7.1; Radicale and Xandikos both say 201 for an
//! overwrite too).
bool written(int status)
{
    return status == 201 || status == 204 || status == 200;
}

QByteArray simpleObject(const QByteArray &uid, const QByteArray &summary)
{
    return vcalendar(vevent(uid, summary, "20261210T090000Z", "20261210T100000Z"));
}

//! A weekly series with an alarm and an X- property Kairos does not model, and one moved
//! instance (RECURRENCE-ID 17 Dec).
QByteArray seriesObject(const QByteArray &uid, const QByteArray &instanceTitle)
{
    return vcalendar(vevent(uid, "Weekly", "20261210T090000Z", "20261210T100000Z",
                         "RRULE:FREQ=WEEKLY;COUNT=10\r\nX-OTHER-CLIENT:keep me\r\n"
                         "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Soon\r\n"
                         "TRIGGER:-PT15M\r\nEND:VALARM\r\n")
        + vevent(uid, instanceTitle, "20261217T110000Z", "20261217T120000Z",
            "RECURRENCE-ID:20261217T090000Z\r\n"));
}

} // namespace

class TestCalDavClient : public QObject {
    Q_OBJECT

    std::unique_ptr<DavServer> m_radicale;
    std::unique_ptr<DavServer> m_xandikos;
    int m_counter = 0;

    DavServer &server()
    {
        QFETCH_GLOBAL(QString, kind);
        return kind == QLatin1String("xandikos") ? *m_xandikos : *m_radicale;
    }
    QString fresh(const char *prefix)
    {
        return QString::fromLatin1(prefix) + QString::number(++m_counter);
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("radicale") << QStringLiteral("radicale");
        QTest::newRow("xandikos") << QStringLiteral("xandikos");
    }

    void initTestCase()
    {
        m_radicale = std::make_unique<DavServer>(DavServer::Kind::Radicale);
        m_xandikos = std::make_unique<DavServer>(DavServer::Kind::Xandikos);
        // A missing server is a failure, not a skip: CI installs both (scripts/deps.sh --test).
        const QString r = m_radicale->start();
        QVERIFY2(r.isEmpty(), qPrintable(r));
        const QString x = m_xandikos->start();
        QVERIFY2(x.isEmpty(), qPrintable(x));
    }

    void discovery()
    {
        DavServer &s = server();
        const QString work = fresh("work");
        QVERIFY(s.makeCalendar(work, QStringLiteral("Work ✓"), QStringLiteral("#FF8800FF")));
        const QString tasks = fresh("tasks");
        QVERIFY(s.makeCalendar(tasks, QStringLiteral("Tasks"), {}, "VTODO"));
        CalDavAccount acc(s, QStringLiteral("a-disc"));

        // What a user types: the server's address, no path → /.well-known/caldav (a redirect on
        // both servers) → current-user-principal → calendar-home-set → calendars.
        const QString typed = QStringLiteral("http://127.0.0.1:%1").arg(s.port());
        auto d = await<CalDavDiscovery>([&](auto done) { acc.dav->discover(typed, done); });
        QVERIFY(d);
        QVERIFY2(d->hasValue(), qPrintable(d->hasValue() ? QString() : d->error().message));
        const CalDavDiscovery &disc = **d;
        QCOMPARE(disc.principalUrl.path(), s.principalUrl().path());
        QCOMPARE(disc.homeUrl.path(), s.calendarHomeUrl().path());
        const CalDavCalendar *w = nullptr;
        const CalDavCalendar *t = nullptr;
        for (const CalDavCalendar &c : disc.calendars) {
            if (c.url.path() == s.calendarUrl(work).path())
                w = &c;
            if (c.url.path() == s.calendarUrl(tasks).path())
                t = &c;
        }
        QVERIFY(w);
        QVERIFY(t);
        QCOMPARE(w->displayName, QStringLiteral("Work ✓"));
        QCOMPARE(w->color, QStringLiteral("#ff8800"));
        QVERIFY(w->hasEvents());
        // Xandikos 0.2.8 ignores the component set of MKCALENDAR (its calendars take VEVENT,
        // VTODO, VJOURNAL and VFREEBUSY, and PROPPATCH of the set is refused with 409).
        QCOMPARE(t->hasEvents(), s.kind() == DavServer::Kind::Xandikos);
        QVERIFY(!w->readOnly);
        QVERIFY(w->supportsSyncCollection);
        QVERIFY(!w->syncToken.isEmpty() || !w->ctag.isEmpty());

        // The principal URL itself (a URL with a path, as a Nextcloud user would paste it).
        auto d2 = await<CalDavDiscovery>(
            [&](auto done) { acc.dav->discover(s.principalUrl().toString(), done); });
        QVERIFY(d2 && d2->hasValue());
        QCOMPARE((*d2)->homeUrl.path(), s.calendarHomeUrl().path());
    }

    void readOnlyCalendar()
    {
        DavServer &s = server();
        if (s.kind() == DavServer::Kind::Xandikos) {
            // Xandikos has no per-calendar rights (every calendar is writable for the one
            // principal it serves); the read-only case runs on Radicale.
            QVERIFY(!s.setReadOnly(QStringLiteral("x")));
            return;
        }
        const QString name = fresh("shared");
        QVERIFY(s.makeCalendar(name, QStringLiteral("Shared with me")));
        QCOMPARE(s.putObject(s.calendarUrl(name).resolved(QUrl(QStringLiteral("one.ics"))),
                     simpleObject("ro-1", "Board meeting")),
            201);
        QVERIFY(s.setReadOnly(name));
        CalDavAccount acc(s, QStringLiteral("a-ro"));
        auto cals = await<QList<CalDavCalendar>>(
            [&](auto done) { acc.dav->listCalendars(s.calendarHomeUrl(), done); });
        QVERIFY(cals && cals->hasValue());
        bool found = false;
        for (const CalDavCalendar &c : **cals) {
            if (c.url.path() == s.calendarUrl(name).path()) {
                found = true;
                QVERIFY(c.readOnly);
            } else {
                QVERIFY2(!c.readOnly, qPrintable(c.url.toString()));
            }
        }
        QVERIFY(found);
        // Reading works, writing is refused with ReadOnly (not a conflict, not a retry).
        auto delta = await<CalDavDelta>(
            [&](auto done) { acc.dav->syncCollection(s.calendarUrl(name), {}, done); });
        QVERIFY(delta && delta->hasValue());
        QCOMPARE((*delta)->changed.size(), 1);
        auto put = await<QString>([&](auto done) {
            acc.dav->put(s.calendarUrl(name).resolved(QUrl(QStringLiteral("two.ics"))),
                simpleObject("ro-2", "Mine"), {}, done);
        });
        QVERIFY(put && !put->hasValue());
        QCOMPARE(put->error().code, Error::Code::ReadOnly);
    }

    void syncCollectionFullAndIncremental()
    {
        DavServer &s = server();
        const QString name = fresh("sync");
        QVERIFY(s.makeCalendar(name, QStringLiteral("Sync")));
        const QUrl cal = s.calendarUrl(name);
        auto obj = [&](const char *n) { return cal.resolved(QUrl(QString::fromLatin1(n))); };
        QVERIFY(written(s.putObject(obj("a.ics"), simpleObject("uid-a", "A"))));
        QVERIFY(written(s.putObject(obj("b.ics"), simpleObject("uid-b", "B"))));
        QVERIFY(written(s.putObject(obj("c.ics"), simpleObject("uid-c", "C"))));
        CalDavAccount acc(s, QStringLiteral("a-sync"));

        auto first = await<CalDavDelta>([&](auto done) { acc.dav->syncCollection(cal, {}, done); });
        QVERIFY(first && first->hasValue());
        QCOMPARE((*first)->changed.size(), 3);
        QVERIFY((*first)->removed.isEmpty());
        QVERIFY(!(*first)->token.isEmpty());
        QVERIFY((*first)->changed.contains(obj("b.ics")));

        // Nothing changed: nothing listed.
        auto none = await<CalDavDelta>(
            [&](auto done) { acc.dav->syncCollection(cal, (*first)->token, done); });
        QVERIFY(none && none->hasValue());
        QVERIFY((*none)->changed.isEmpty());
        QVERIFY((*none)->removed.isEmpty());

        // Another client edits b, adds d, deletes c.
        QByteArray etagB;
        s.getObject(obj("b.ics"), &etagB);
        QVERIFY(written(s.putObject(obj("b.ics"), simpleObject("uid-b", "B edited"), etagB)));
        QVERIFY(written(s.putObject(obj("d.ics"), simpleObject("uid-d", "D"))));
        QVERIFY(written(s.deleteObject(obj("c.ics"))));
        auto next = await<CalDavDelta>(
            [&](auto done) { acc.dav->syncCollection(cal, (*first)->token, done); });
        QVERIFY(next && next->hasValue());
        QCOMPARE((*next)->changed.size(), 2);
        QVERIFY((*next)->changed.contains(obj("b.ics")));
        QVERIFY((*next)->changed.contains(obj("d.ics")));
        QCOMPARE((*next)->removed, QList<QUrl>({ obj("c.ics") }));
        QVERIFY((*next)->token != (*first)->token);

        // The changed objects, fetched in one multiget, parse into events.
        auto objs = await<QList<CalDavObject>>(
            [&](auto done) { acc.dav->multiget(cal, (*next)->changed.keys(), done); });
        QVERIFY(objs && objs->hasValue());
        QCOMPARE((*objs)->size(), 2);
        QStringList titles;
        for (const CalDavObject &o : **objs) {
            QCOMPARE(o.etag, (*next)->changed.value(o.url));
            auto events = eventsFromObject(o.data, resourceName(o.url.toString()), o.etag);
            QVERIFY(events.hasValue());
            QCOMPARE(events->size(), 1);
            QCOMPARE(events->first().providerId, resourceName(o.url.toString()));
            titles.append(events->first().title);
        }
        titles.sort();
        QCOMPARE(titles, QStringList({ QStringLiteral("B edited"), QStringLiteral("D") }));

        // A token the server does not know: "start over", not a failure of the account.
        auto bad = await<CalDavDelta>([&](auto done) {
            acc.dav->syncCollection(cal, (*first)->token + QStringLiteral("-bogus"), done);
        });
        QVERIFY(bad && !bad->hasValue());
        if (s.kind() == DavServer::Kind::Radicale) {
            // RFC 6578 §3.2: 403 with DAV:valid-sync-token.
            QCOMPARE(bad->error().code, Error::Code::Conflict);
            QCOMPARE(bad->error().message, QStringLiteral("sync_token_invalid"));
        } else {
            // Xandikos 0.2.8 answers an unknown token with 500 (its git store looks the token
            // up as an object id and raises): a server error, retried later like any other.
            QCOMPARE(bad->error().code, Error::Code::ServerError);
        }
    }

    void etagListingAndCtag()
    {
        // The path for servers without sync-collection: list ETags, compare, multiget.
        DavServer &s = server();
        const QString name = fresh("etag");
        QVERIFY(s.makeCalendar(name, QStringLiteral("Etags")));
        const QUrl cal = s.calendarUrl(name);
        QVERIFY(written(
            s.putObject(cal.resolved(QUrl(QStringLiteral("x.ics"))), simpleObject("x", "X"))));
        QVERIFY(written(
            s.putObject(cal.resolved(QUrl(QStringLiteral("y.ics"))), simpleObject("y", "Y"))));
        CalDavAccount acc(s, QStringLiteral("a-etag"));
        auto before = await<CalDavCalendar>([&](auto done) { acc.dav->calendarState(cal, done); });
        QVERIFY(before && before->hasValue());
        auto etags = await<QHash<QUrl, QString>>([&](auto done) { acc.dav->listEtags(cal, done); });
        QVERIFY(etags && etags->hasValue());
        QCOMPARE((*etags)->size(), 2);
        QByteArray etagX;
        s.getObject(cal.resolved(QUrl(QStringLiteral("x.ics"))), &etagX);
        QCOMPARE(
            (*etags)->value(cal.resolved(QUrl(QStringLiteral("x.ics")))), QString::fromUtf8(etagX));

        QVERIFY(written(s.putObject(
            cal.resolved(QUrl(QStringLiteral("x.ics"))), simpleObject("x", "X2"), etagX)));
        auto after = await<CalDavCalendar>([&](auto done) { acc.dav->calendarState(cal, done); });
        QVERIFY(after && after->hasValue());
        // Whichever the server offers (getctag or sync-token) moved.
        QVERIFY((*after)->ctag != (*before)->ctag || (*after)->syncToken != (*before)->syncToken);
        auto etags2
            = await<QHash<QUrl, QString>>([&](auto done) { acc.dav->listEtags(cal, done); });
        QVERIFY(etags2 && etags2->hasValue());
        QVERIFY((*etags2)->value(cal.resolved(QUrl(QStringLiteral("x.ics"))))
            != (*etags)->value(cal.resolved(QUrl(QStringLiteral("x.ics")))));
        QCOMPARE((*etags2)->value(cal.resolved(QUrl(QStringLiteral("y.ics")))),
            (*etags)->value(cal.resolved(QUrl(QStringLiteral("y.ics")))));
    }

    void conditionalWrites()
    {
        DavServer &s = server();
        const QString name = fresh("write");
        QVERIFY(s.makeCalendar(name, QStringLiteral("Writes")));
        const QUrl url = s.calendarUrl(name).resolved(QUrl(QStringLiteral("k-1.ics")));
        CalDavAccount acc(s, QStringLiteral("a-write"));
        Event e;
        e.iCalUid = QStringLiteral("k-1@kairos");
        e.title = QStringLiteral("Created by Kairos");
        e.start = QDateTime(QDate(2026, 12, 11), QTime(10, 0), QTimeZone("Europe/Madrid"));
        e.end = e.start.addSecs(3600);

        // Create: If-None-Match: *.
        auto created
            = await<QString>([&](auto done) { acc.dav->put(url, newObject({ e }), {}, done); });
        QVERIFY(created && created->hasValue());
        const QString etag1 = **created;
        QVERIFY(!etag1.isEmpty());
        QByteArray serverEtag;
        const QByteArray onServer = s.getObject(url, &serverEtag);
        QVERIFY(onServer.contains("SUMMARY:Created by Kairos"));
        QVERIFY(onServer.contains("TZID=Europe/Madrid"));
        QCOMPARE(QString::fromUtf8(serverEtag), etag1);
        // A second create at the same place: 412 (someone has it), never an overwrite.
        auto again
            = await<QString>([&](auto done) { acc.dav->put(url, newObject({ e }), {}, done); });
        QVERIFY(again && !again->hasValue());
        QCOMPARE(again->error().code, Error::Code::Conflict);

        // Update with the right ETag.
        e.title = QStringLiteral("Renamed");
        auto merged = mergeIntoObject(onServer, e);
        QVERIFY(merged.hasValue());
        auto updated = await<QString>([&](auto done) { acc.dav->put(url, *merged, etag1, done); });
        QVERIFY(updated && updated->hasValue());
        QVERIFY(**updated != etag1);

        // The other client changes it; our write with the old ETag is a conflict (412).
        QByteArray etagOther;
        QVERIFY(written(s.putObject(
            url, simpleObject("k-1@kairos", "Theirs"), (*updated)->toUtf8(), &etagOther)));
        e.title = QStringLiteral("Mine");
        auto stale = await<QString>(
            [&](auto done) { acc.dav->put(url, *mergeIntoObject(onServer, e), **updated, done); });
        QVERIFY(stale && !stale->hasValue());
        QCOMPARE(stale->error().code, Error::Code::Conflict);
        QVERIFY(s.getObject(url).contains("SUMMARY:Theirs"));

        // DELETE with a stale ETag is refused too; with the current one it goes.
        auto delStale = await<void>([&](auto done) { acc.dav->remove(url, **updated, done); });
        QVERIFY(delStale && !delStale->hasValue());
        QCOMPARE(delStale->error().code, Error::Code::Conflict);
        auto current = await<CalDavObject>([&](auto done) { acc.dav->get(url, done); });
        QVERIFY(current && current->hasValue());
        auto del = await<void>([&](auto done) { acc.dav->remove(url, (*current)->etag, done); });
        QVERIFY(del && del->hasValue());
        auto gone = await<CalDavObject>([&](auto done) { acc.dav->get(url, done); });
        QVERIFY(gone && !gone->hasValue());
        QCOMPARE(gone->error().code, Error::Code::NotFound);
    }

    void seriesIsOneResource()
    {
        DavServer &s = server();
        const QString name = fresh("series");
        QVERIFY(s.makeCalendar(name, QStringLiteral("Series")));
        const QUrl url = s.calendarUrl(name).resolved(QUrl(QStringLiteral("weekly.ics")));
        QVERIFY(written(s.putObject(url, seriesObject("weekly-1", "Moved"))));
        CalDavAccount acc(s, QStringLiteral("a-series"));

        auto obj = await<CalDavObject>([&](auto done) { acc.dav->get(url, done); });
        QVERIFY(obj && obj->hasValue());
        auto events = eventsFromObject((*obj)->data, QStringLiteral("weekly.ics"), (*obj)->etag);
        QVERIFY(events.hasValue());
        QCOMPARE(events->size(), 2);
        const Event master = events->at(0);
        Event instance = events->at(1);
        QCOMPARE(master.providerId, QStringLiteral("weekly.ics"));
        QVERIFY(master.isRecurring());
        QCOMPARE(instance.recurringEventId, QStringLiteral("weekly.ics"));
        QCOMPARE(instance.title, QStringLiteral("Moved"));
        QCOMPARE(instance.originalStart, QDateTime(QDate(2026, 12, 17), QTime(9, 0), Qt::UTC));
        QCOMPARE(instance.etag, (*obj)->etag);

        // Kairos edits the override: the series stays one resource; the alarm and the other
        // client's X- property survive.
        instance.title = QStringLiteral("Moved and renamed");
        auto merged = mergeIntoObject((*obj)->data, instance);
        QVERIFY(merged.hasValue());
        auto put
            = await<QString>([&](auto done) { acc.dav->put(url, *merged, (*obj)->etag, done); });
        QVERIFY(put && put->hasValue());
        const QByteArray after = s.getObject(url);
        QVERIFY(after.contains("SUMMARY:Moved and renamed"));
        QVERIFY(after.contains("BEGIN:VALARM"));
        QVERIFY(after.contains("X-OTHER-CLIENT:keep me"));
        QCOMPARE(after.count("BEGIN:VEVENT"), 2);
        QCOMPARE(s.objectHrefs(s.calendarUrl(name)).size(), 1);

        // The other client edits the master; Kairos' override edit with the old ETag is a 412.
        QByteArray etagNow;
        s.getObject(url, &etagNow);
        QByteArray theirs = after;
        theirs.replace("SUMMARY:Weekly", "SUMMARY:Weekly (theirs)");
        QVERIFY(written(s.putObject(url, theirs, etagNow)));
        instance.title = QStringLiteral("Late edit");
        auto late = await<QString>(
            [&](auto done) { acc.dav->put(url, *mergeIntoObject(after, instance), **put, done); });
        QVERIFY(late && !late->hasValue());
        QCOMPARE(late->error().code, Error::Code::Conflict);

        // Deleting one occurrence: EXDATE on the master, override gone, one resource still.
        auto fresh = await<CalDavObject>([&](auto done) { acc.dav->get(url, done); });
        QVERIFY(fresh && fresh->hasValue());
        auto excluded = excludeOccurrence((*fresh)->data, instance.originalStart, false);
        QVERIFY(excluded.hasValue());
        auto put2 = await<QString>(
            [&](auto done) { acc.dav->put(url, *excluded, (*fresh)->etag, done); });
        QVERIFY(put2 && put2->hasValue());
        const QByteArray last = s.getObject(url);
        QCOMPARE(last.count("BEGIN:VEVENT"), 1);
        QVERIFY(last.contains("EXDATE"));
        QVERIFY(last.contains("SUMMARY:Weekly (theirs)"));
    }

    void multigetInBatches()
    {
        DavServer &s = server();
        const QString name = fresh("many");
        QVERIFY(s.makeCalendar(name, QStringLiteral("Many")));
        const QUrl cal = s.calendarUrl(name);
        for (int i = 0; i < 45; ++i) {
            const QByteArray n = QByteArray::number(i);
            QCOMPARE(s.putObject(cal.resolved(QUrl(QStringLiteral("m%1.ics").arg(i))),
                         simpleObject("m-" + n, "Event " + n)),
                201);
        }
        CalDavAccount acc(s, QStringLiteral("a-many"));
        acc.dav->setMultigetBatch(20);
        auto delta = await<CalDavDelta>([&](auto done) { acc.dav->syncCollection(cal, {}, done); });
        QVERIFY(delta && delta->hasValue());
        QCOMPARE((*delta)->changed.size(), 45);
        const QList<QUrl> urls = (*delta)->changed.keys();
        int fetched = 0;
        const int before = acc.dav->requestCount();
        for (qsizetype i = 0; i < urls.size(); i += acc.dav->multigetBatch()) {
            auto objs = await<QList<CalDavObject>>([&](auto done) {
                acc.dav->multiget(cal, urls.mid(i, acc.dav->multigetBatch()), done);
            });
            QVERIFY(objs && objs->hasValue());
            fetched += int((*objs)->size());
        }
        QCOMPARE(fetched, 45);
        QCOMPARE(acc.dav->requestCount() - before, 3);
    }

    void pull_data()
    {
        QTest::addColumn<bool>("syncCollection");
        QTest::newRow("sync-collection") << true;
        QTest::newRow("etags") << false; // the path for servers without RFC 6578
    }

    void pull()
    {
        QFETCH(bool, syncCollection);
        DavServer &s = server();
        const QString name = fresh("pull");
        QVERIFY(s.makeCalendar(name, QStringLiteral("Pull")));
        const QUrl cal = s.calendarUrl(name);
        auto obj = [&](const QString &n) { return cal.resolved(QUrl(n)); };
        for (int i = 0; i < 7; ++i) {
            QVERIFY(written(s.putObject(obj(QStringLiteral("p%1.ics").arg(i)),
                simpleObject("p-" + QByteArray::number(i), "P" + QByteArray::number(i)))));
        }
        QVERIFY(
            written(s.putObject(obj(QStringLiteral("series.ics")), seriesObject("s-1", "Moved"))));
        CalDavAccount acc(s, QStringLiteral("a-pull"));
        acc.dav->setMultigetBatch(3);
        auto calendarNow = [&]() {
            auto st = await<CalDavCalendar>([&](auto done) { acc.dav->calendarState(cal, done); });
            CalDavCalendar c = st && st->hasValue() ? **st : CalDavCalendar {};
            c.supportsSyncCollection = c.supportsSyncCollection && syncCollection;
            return c;
        };
        QList<CalDavPage> pages;
        auto pullOnce = [&](const QString &token) {
            pages.clear();
            return await<CalDavPullResult>([&](auto done) {
                acc.dav->pull(
                    calendarNow(), token, [&](CalDavPage p) { pages.append(std::move(p)); }, done);
            });
        };
        auto first = pullOnce({});
        QVERIFY(first && first->hasValue());
        QCOMPARE((*first)->fetched, 8);
        int events = 0;
        QStringList replaced;
        for (const CalDavPage &p : std::as_const(pages)) {
            events += int(p.upserts.size());
            replaced += p.replaced;
            QVERIFY(p.removed.isEmpty());
        }
        QCOMPARE(events, 9); // 7 single events + a master and its override
        QCOMPARE(replaced.size(), 8);
        QCOMPARE((*first)->requests, 1 + 3); // one listing, ceil(8 / 3) multigets

        // Nothing changed: no request at all beyond the state the calendar listing gave.
        auto same = pullOnce((*first)->token);
        QVERIFY(same && same->hasValue());
        QVERIFY((*same)->unchanged);
        QCOMPARE((*same)->requests, 0);

        // The other client drops the override from the series, edits p1, deletes p2.
        QByteArray etag;
        s.getObject(obj(QStringLiteral("series.ics")), &etag);
        QVERIFY(written(s.putObject(obj(QStringLiteral("series.ics")),
            vcalendar(vevent("s-1", "Weekly", "20261210T090000Z", "20261210T100000Z",
                "RRULE:FREQ=WEEKLY;COUNT=10\r\n")),
            etag)));
        s.getObject(obj(QStringLiteral("p1.ics")), &etag);
        QVERIFY(written(
            s.putObject(obj(QStringLiteral("p1.ics")), simpleObject("p-1", "P1 edited"), etag)));
        QVERIFY(written(s.deleteObject(obj(QStringLiteral("p2.ics")))));
        auto next = pullOnce((*first)->token);
        QVERIFY(next && next->hasValue());
        QCOMPARE((*next)->fetched, 2);
        QCOMPARE((*next)->requests, 2); // the listing and one multiget
        QStringList removed;
        replaced.clear();
        QStringList titles;
        for (const CalDavPage &p : std::as_const(pages)) {
            removed += p.removed;
            replaced += p.replaced;
            for (const Event &e : p.upserts)
                titles.append(e.title);
        }
        replaced.sort();
        titles.sort();
        QCOMPARE(removed, QStringList({ QStringLiteral("p2.ics") }));
        QCOMPARE(replaced, QStringList({ QStringLiteral("p1.ics"), QStringLiteral("series.ics") }));
        // The series came back as its master alone: the override is gone with it.
        QCOMPARE(titles, QStringList({ QStringLiteral("P1 edited"), QStringLiteral("Weekly") }));
    }

    void wrongPasswordNeedsReconnect()
    {
        DavServer &s = server();
        CalDavAccount acc(s, QStringLiteral("a-wrong"), QStringLiteral("not-the-password"));
        QSignalSpy status(acc.auth.get(), &AuthorizedClient::statusChanged);
        auto d = await<CalDavDiscovery>(
            [&](auto done) { acc.dav->discover(s.baseUrl().toString(), done); });
        QVERIFY(d && !d->hasValue());
        QCOMPARE(d->error().code, Error::Code::NeedsReconnect);
        QVERIFY(acc.auth->status(acc.id) == Account::Status::NeedsReconnect);
        QVERIFY(!status.isEmpty());
        QCOMPARE(status.last().at(2).toString(), QStringLiteral("invalid_credentials"));
        // No loop: later calls fail at once, without another attempt at the server.
        auto again = await<CalDavObject>([&](auto done) { acc.dav->get(s.principalUrl(), done); });
        QVERIFY(again && !again->hasValue());
        QCOMPARE(again->error().code, Error::Code::NeedsReconnect);
        // After a reconnect with the right password, it works again.
        PasswordCredentials good { s.user(), s.password() };
        auto w = acc.vault.write(
            ITokenVault::tokenKey(QStringLiteral("caldav"), acc.id), good.toJson());
        QTRY_VERIFY(w.isFinished());
        acc.auth->resetAccount(acc.id);
        auto ok = await<QList<CalDavCalendar>>(
            [&](auto done) { acc.dav->listCalendars(s.calendarHomeUrl(), done); });
        QVERIFY(ok && ok->hasValue());
        QVERIFY(acc.auth->status(acc.id) == Account::Status::Connected);
    }

    void serverDownThenBack()
    {
        DavServer &s = server();
        const QString name = fresh("down");
        QVERIFY(s.makeCalendar(name, QStringLiteral("Down")));
        const QUrl cal = s.calendarUrl(name);
        QVERIFY(written(
            s.putObject(cal.resolved(QUrl(QStringLiteral("e.ics"))), simpleObject("e", "E"))));
        CalDavAccount acc(s, QStringLiteral("a-down"));
        s.stop();
        auto failed
            = await<CalDavDelta>([&](auto done) { acc.dav->syncCollection(cal, {}, done); });
        QVERIFY(failed && !failed->hasValue());
        QCOMPARE(failed->error().code, Error::Code::NetworkError);
        QVERIFY(acc.auth->status(acc.id) == Account::Status::Offline);
        const QString restarted = s.start();
        QVERIFY2(restarted.isEmpty(), qPrintable(restarted));
        auto ok = await<CalDavDelta>([&](auto done) { acc.dav->syncCollection(cal, {}, done); });
        QVERIFY(ok && ok->hasValue());
        QCOMPARE((*ok)->changed.size(), 1);
        QVERIFY(acc.auth->status(acc.id) == Account::Status::Connected);
    }

    void passwordNeverOverPlainHttp()
    {
        // Not per server: the refusal happens before any connection.
        DavServer &s = server();
        if (s.kind() != DavServer::Kind::Radicale)
            return;
        CalDavAccount acc(s, QStringLiteral("a-http"));
        auto d = await<CalDavDiscovery>([&](auto done) {
            acc.dav->discover(QStringLiteral("http://calendar.example.com"), done);
        });
        QVERIFY(d && !d->hasValue());
        QCOMPARE(d->error().code, Error::Code::InvalidInput);
        // Even a URL that reaches the client directly (e.g. a redirect target) is refused.
        auto g = await<CalDavObject>(
            [&](auto done) { acc.dav->get(QUrl(QStringLiteral("http://192.0.2.1/x.ics")), done); });
        QVERIFY(g && !g->hasValue());
        // Another origin than the server's: #14's origin check refuses it first (ProtocolError);
        // the same origin over plain http is the password check's (InvalidInput). Both before
        // any connection.
        QVERIFY2(g->error().code == Error::Code::ProtocolError
                || g->error().code == Error::Code::InvalidInput,
            qPrintable(g->error().message));
        QVERIFY(g->error().message.contains(QLatin1String("refus")));
        QVERIFY(acc.auth->status(acc.id) == Account::Status::Connected);
    }
};

QTEST_GUILESS_MAIN(TestCalDavClient)
#include "tst_caldav_client.moc"
