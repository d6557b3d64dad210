// Subscriptions: a tiny HTTP server on 127.0.0.1 (port 0) serves a feed, checks that the second
// request is conditional (If-None-Match / If-Modified-Since) and answers 304; a changed feed
// updates and removes events in the read-only calendar.
#include "core/profile.h"
#include "ics/subscription.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/testenv.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace kairos;

namespace {

QByteArray feed(const QList<QPair<QByteArray, QByteArray>> &events)
{
    QByteArray s
        = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Feed//EN\r\nX-WR-CALNAME:Holidays\r\n";
    for (const auto &[uid, title] : events)
        s += "BEGIN:VEVENT\r\nUID:" + uid
            + "\r\nDTSTAMP:20240101T000000Z\r\nDTSTART;VALUE=DATE:20241225\r\n"
              "SUMMARY:"
            + title + "\r\nEND:VEVENT\r\n";
    return s + "END:VCALENDAR\r\n";
}

//! Serves `body` with `etag`; answers 304 when the request's If-None-Match matches.
class FeedServer : public QObject {
public:
    QTcpServer server;
    QByteArray body;
    QByteArray etag = "\"v1\"";
    QByteArray lastModified = "Mon, 01 Jan 2024 00:00:00 GMT";
    QList<QByteArray> requests;
    int notModified = 0;
    bool stall = false; //!< read the request, never answer

    FeedServer()
    {
        server.listen(QHostAddress::LocalHost, 0);
        connect(&server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket *s = server.nextPendingConnection();
            auto *buf = new QByteArray;
            connect(s, &QTcpSocket::readyRead, this, [this, s, buf] {
                *buf += s->readAll();
                if (!buf->contains("\r\n\r\n"))
                    return;
                requests << *buf;
                if (stall) {
                    buf->clear();
                    return;
                }
                const bool conditional
                    = buf->contains(QByteArray("If-None-Match: " + etag + "\r\n"))
                    && buf->contains(QByteArray("If-Modified-Since: " + lastModified + "\r\n"));
                QByteArray resp;
                if (conditional) {
                    ++notModified;
                    resp = "HTTP/1.1 304 Not Modified\r\nETag: " + etag
                        + "\r\nConnection: close\r\n\r\n";
                } else {
                    resp = "HTTP/1.1 200 OK\r\nContent-Type: text/calendar; charset=utf-8\r\nETag: "
                        + etag + "\r\nLast-Modified: " + lastModified + "\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
                }
                s->write(resp);
                s->disconnectFromHost();
                delete buf;
            });
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        });
    }
    QString url() const
    {
        return QStringLiteral("http://127.0.0.1:%1/holidays.ics").arg(server.serverPort());
    }
};

} // namespace

class TestIcsSubscription : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void feedUrl();
    void conditionalRefresh();
    void sizeTimeoutAndSecrets();
};

void TestIcsSubscription::sizeTimeoutAndSecrets()
{
    test::TempHome home;
    Profile p(QStringLiteral("sub2"));
    QVERIFY(p.ensureDirs());
    auto db = Database::open(p.databasePath(), {}, QStringLiteral("sub2"));
    QVERIFY(db);
    EventStore store(**db);
    FeedServer srv;
    QVERIFY(srv.server.isListening());
    QList<QPair<QByteArray, QByteArray>> many;
    for (int i = 0; i < 100; ++i)
        many.append({ "e" + QByteArray::number(i) + "@feed", "Event " + QByteArray::number(i) });
    srv.body = feed(many);
    QVERIFY(srv.body.size() > 10000);
    const Calendar cal
        = ics::Subscription::makeCalendar(QStringLiteral("sub2"), QStringLiteral("Big"), srv.url());
    QVERIFY(store.saveCalendar(cal));
    QNetworkAccessManager nam;
    ics::Subscription sub(nam, store, cal);
    QSignalSpy refreshed(&sub, &ics::Subscription::refreshed);
    QSignalSpy failed(&sub, &ics::Subscription::failed);

    // Larger than the cap: abandoned, nothing stored.
    sub.setMaxBytes(4000);
    sub.refresh();
    QTRY_COMPARE(failed.count(), 1);
    const Error big = failed.at(0).at(0).value<Error>();
    QVERIFY2(big.message.contains(QStringLiteral("larger than")), qPrintable(big.message));
    QCOMPARE(store.eventsInCalendar(QStringLiteral("sub2"))->size(), 0);
    QVERIFY(!sub.isRefreshing());

    // A feed that stalls fails with Timeout and does not block the next refresh.
    sub.setMaxBytes(ics::Subscription::kDefaultMaxBytes);
    sub.setTransferTimeoutMs(300);
    srv.stall = true;
    sub.refresh();
    QVERIFY(sub.isRefreshing());
    QTRY_COMPARE(failed.count(), 2);
    QCOMPARE(failed.at(1).at(0).value<Error>().code, Error::Code::Timeout);
    QVERIFY(!sub.isRefreshing());
    srv.stall = false;
    sub.refresh();
    QTRY_COMPARE(refreshed.count(), 1);
    QCOMPARE(store.eventsInCalendar(QStringLiteral("sub2"))->size(), 100);

    // http:// is flagged; what may be shown of a URL carries no secrets.
    QVERIFY(ics::Subscription::isPlaintext(srv.url()));
    QVERIFY(!ics::Subscription::isPlaintext(QStringLiteral("webcal://example.com/a.ics")));
    QCOMPARE(ics::Subscription::displayUrl(
                 QStringLiteral("https://ana:s3cret@cal.example/private-abc/basic.ics?token=xyz")),
        QStringLiteral("https://cal.example/private-abc/basic.ics"));
}

void TestIcsSubscription::feedUrl()
{
    QCOMPARE(ics::Subscription::feedUrl(QStringLiteral("webcal://example.com/a.ics")),
        QUrl(QStringLiteral("https://example.com/a.ics")));
    QCOMPARE(ics::Subscription::feedUrl(QStringLiteral("https://example.com/a.ics")),
        QUrl(QStringLiteral("https://example.com/a.ics")));
    QVERIFY(!ics::Subscription::feedUrl(QStringLiteral("file:///etc/passwd")).isValid());
}

void TestIcsSubscription::conditionalRefresh()
{
    test::TempHome home;
    Profile p(QStringLiteral("sub"));
    QVERIFY(p.ensureDirs());
    auto db = Database::open(p.databasePath(), {}, QStringLiteral("sub"));
    QVERIFY(db);
    EventStore store(**db);
    FeedServer srv;
    QVERIFY(srv.server.isListening());
    srv.body = feed({ { "xmas@feed", "Christmas" }, { "boxing@feed", "Boxing Day" } });
    const Calendar cal = ics::Subscription::makeCalendar(
        QStringLiteral("sub1"), QStringLiteral("Holidays"), srv.url());
    QVERIFY(store.saveCalendar(cal));
    QVERIFY(cal.readOnly);

    QNetworkAccessManager nam;
    ics::Subscription sub(nam, store, cal);
    QSignalSpy refreshed(&sub, &ics::Subscription::refreshed);
    QSignalSpy failed(&sub, &ics::Subscription::failed);
    sub.refresh();
    QTRY_COMPARE(refreshed.count(), 1);
    QVERIFY(refreshed.at(0).at(0).toBool());
    QCOMPARE(store.eventsInCalendar(QStringLiteral("sub1"))->size(), 2);
    QCOMPARE(sub.etag(), QByteArray("\"v1\""));

    // Second refresh: conditional, the server answers 304, nothing changes.
    sub.refresh();
    QTRY_COMPARE(refreshed.count(), 2);
    QVERIFY(!refreshed.at(1).at(0).toBool());
    QCOMPARE(srv.notModified, 1);
    QVERIFY(srv.requests.last().contains("If-None-Match: \"v1\""));
    QVERIFY(srv.requests.last().contains("If-Modified-Since: Mon, 01 Jan 2024 00:00:00 GMT"));

    // The feed changes: one renamed, one gone, one new.
    const QString xmasId = store.eventsByUid(QStringLiteral("xmas@feed"))->first().id;
    srv.etag = "\"v2\"";
    srv.body = feed({ { "xmas@feed", "Christmas Day" }, { "newyear@feed", "New Year" } });
    sub.refresh();
    QTRY_COMPARE(refreshed.count(), 3);
    QVERIFY(refreshed.at(2).at(0).toBool());
    const auto events = store.eventsInCalendar(QStringLiteral("sub1")).value();
    QCOMPARE(events.size(), 2);
    const auto xmas = store.eventsByUid(QStringLiteral("xmas@feed")).value();
    QCOMPARE(xmas.size(), 1);
    QCOMPARE(xmas.first().id, xmasId); // updated in place
    QCOMPARE(xmas.first().title, QStringLiteral("Christmas Day"));
    QVERIFY(store.eventsByUid(QStringLiteral("boxing@feed"))->isEmpty());
    QCOMPARE(sub.etag(), QByteArray("\"v2\""));
    QCOMPARE(failed.count(), 0);
}

QTEST_GUILESS_MAIN(TestIcsSubscription)
#include "tst_ics_subscription.moc"
