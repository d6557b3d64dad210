// kairos-cli connect caldav, run as a process against a real Radicale (Debian package,
// 127.0.0.1, free port) with the real Secret Service (scripts/with-keyring.sh): the password is
// read from standard input (never an argument), a wrong one is refused with nothing kept, the
// right one adds the account with its calendar home, and `kairos-cli sync` then brings the
// server's event into the profile.
#include "core/profile.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/davserver.h"
#include "support/testenv.h"

#include <QProcess>
#include <QTest>

using namespace kairos;
using namespace kairos::test;

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run cli(const QStringList &args, const QByteArray &stdinText = {})
{
    QProcess p;
    p.start(QStringLiteral(KAIROS_CLI_PATH), args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(stdinText);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
    }
    return { p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
        QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()) };
}

} // namespace

class TestCalDavCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void connectAndSync()
    {
        TempHome home;
        DavServer server(DavServer::Kind::Radicale);
        const QString started = server.start();
        QVERIFY2(started.isEmpty(), qPrintable(started));
        QVERIFY(server.makeCalendar(QStringLiteral("work"), QStringLiteral("Work")));
        QCOMPARE(server.putObject(server.calendarUrl(QStringLiteral("work"))
                                      .resolved(QUrl(QStringLiteral("hello.ics"))),
                     "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Other//EN\r\nBEGIN:VEVENT\r\n"
                     "UID:hello\r\nDTSTAMP:20261201T100000Z\r\nDTSTART:20261210T090000Z\r\n"
                     "DTEND:20261210T100000Z\r\nSUMMARY:From the server\r\nEND:VEVENT\r\n"
                     "END:VCALENDAR\r\n"),
            201);
        const QString url = server.baseUrl().toString();
        const QStringList connect { QStringLiteral("connect"), QStringLiteral("caldav"), url,
            QStringLiteral("--user"), server.user(), QStringLiteral("--profile"),
            QStringLiteral("davcli") };

        // Without --user: the usage, exit 2.
        Run r = cli({ QStringLiteral("connect"), QStringLiteral("caldav"), url });
        QCOMPARE(r.code, 2);

        // A wrong password: refused, nothing saved.
        r = cli(connect, "not the password\n");
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("needs_reconnect")), qPrintable(r.err));
        {
            Profile profile(QStringLiteral("davcli"));
            auto db = Database::open(profile.databasePath(), QString(), QStringLiteral("cli-a"));
            QVERIFY(db);
            EventStore store(**db);
            QVERIFY(store.accounts().valueOr({}).isEmpty());
        }

        // The right one, on standard input.
        r = cli(connect, server.password().toUtf8() + "\n");
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("Connected ") + server.user()), qPrintable(r.out));
        QVERIFY(!r.out.contains(server.password()));

        r = cli({ QStringLiteral("sync"), QStringLiteral("--profile"), QStringLiteral("davcli") });
        QVERIFY2(r.code == 0, qPrintable(r.err + r.out));
        Profile profile(QStringLiteral("davcli"));
        auto db = Database::open(profile.databasePath(), QString(), QStringLiteral("cli-b"));
        QVERIFY(db);
        EventStore store(**db);
        const auto accounts = store.accounts().valueOr({});
        QCOMPARE(accounts.size(), 1);
        QVERIFY(accounts.first().provider == Provider::CalDav);
        QCOMPARE(QUrl(accounts.first().serverUrl).path(), server.calendarHomeUrl().path());
        bool found = false;
        for (const Calendar &c : store.calendars().valueOr({})) {
            for (const Event &e : store.eventsInCalendar(c.id).valueOr({}))
                found = found || e.title == QLatin1String("From the server");
        }
        QVERIFY(found);
        // The password is in the keychain, not in the profile's database file.
        QFile file(profile.databasePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(server.password().toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestCalDavCli)
#include "tst_caldav_cli.moc"
