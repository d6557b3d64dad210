// kairos-cli find-time, run as a process: output formats, exit codes and bad-input messages.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

const char *const kGood = R"({
  "window": {"start": "2026-12-07T00:00:00+01:00", "end": "2026-12-12T00:00:00+01:00"},
  "duration_minutes": 60,
  "granularity_minutes": 30,
  "participants": [
    {"name": "Alice", "time_zone": "Europe/Berlin", "required": true, "email": "alice@example.org",
     "working_hours": {"mon": ["09:00-17:00"], "tue": ["09:00-17:00"], "wed": ["09:00-17:00"],
                       "thu": ["09:00-17:00"], "fri": ["09:00-12:00", "13:00-17:00"]},
     "busy": [{"start": "2026-12-07T15:00:00+01:00", "end": "2026-12-07T16:00:00+01:00", "status": "busy"}]},
    {"name": "Bob", "time_zone": "America/New_York", "required": true,
     "working_hours": {"mon": ["09:00-17:30"], "tue": ["09:00-17:30"], "wed": ["09:00-17:30"],
                       "thu": ["09:00-17:30"], "fri": ["09:00-17:30"]},
     "busy": [{"start": "2026-12-08T09:00:00-05:00", "end": "2026-12-08T12:00:00-05:00", "status": "out_of_office"}]},
    {"name": "Dana", "time_zone": "Europe/London", "required": false,
     "working_hours": {"mon": ["09:00-17:00"]},
     "busy": [{"start": "2026-12-07T14:00:00Z", "end": "2026-12-07T18:00:00Z", "status": "tentative"}]},
    {"name": "Carol", "time_zone": "Asia/Tokyo", "availability_unknown": true}
  ]
})";
} // namespace

class TestFindTimeCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    QString write(const QByteArray &content)
    {
        static int n = 0;
        const QString path = m_dir.filePath(QStringLiteral("in%1.json").arg(++n));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return path;
    }
    Run run(const QStringList &args)
    {
        QProcess p;
        p.start(
            QStringLiteral(KAIROS_CLI_PATH), QStringList { QStringLiteral("find-time") } + args);
        if (!p.waitForFinished(30000))
            qFatal("kairos-cli did not finish");
        return { p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError()) };
    }
    Run runJson(const QByteArray &json, QStringList extra = {})
    {
        return run(QStringList { QStringLiteral("--input"), write(json) } + extra);
    }

private Q_SLOTS:
    void rankedText()
    {
        const Run r = runJson(kGood);
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QVERIFY2(lines[0].startsWith(QStringLiteral("1. 2026-12-0")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Carol's availability unknown")), qPrintable(r.out));
        QVERIFY(r.err.isEmpty());
    }
    void rankedJson()
    {
        const Run r = runJson(kGood, { QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        const QJsonArray slots = o.value(QStringLiteral("slots")).toArray();
        QCOMPARE(slots.size(), 5);
        const QJsonObject first = slots[0].toObject();
        for (const char *key : { "start", "end", "attendees", "reason", "participants" })
            QVERIFY2(first.contains(QLatin1String(key)), key);
        QVERIFY(first.value(QStringLiteral("start")).toString().endsWith(QStringLiteral("+01:00")));
        QVERIFY(
            first.value(QStringLiteral("attendees")).toArray().contains(QStringLiteral("Alice")));
        const QJsonArray people = first.value(QStringLiteral("participants")).toArray();
        QCOMPARE(people.size(), 4);
        QCOMPARE(people[1].toObject().value(QStringLiteral("time_zone")).toString(),
            QStringLiteral("America/New_York"));
        QVERIFY(people[1]
                    .toObject()
                    .value(QStringLiteral("local_start"))
                    .toString()
                    .endsWith(QStringLiteral("-05:00")));
        QCOMPARE(people[3].toObject().value(QStringLiteral("availability")).toString(),
            QStringLiteral("unknown"));
    }
    void allFeasibleStartsInOrder()
    {
        const Run r = runJson(kGood, { QStringLiteral("--all"), QStringLiteral("--json") });
        QCOMPARE(r.exitCode, 0);
        const QJsonArray slots = QJsonDocument::fromJson(r.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("slots"))
                                     .toArray();
        // Common hours 15:00-17:00 Berlin (Fri 15:00-17:00 too); 60 min on a 30-min grid: 3 a day.
        // Monday: Alice busy 15-16 leaves 16:00 only; Tuesday: Bob out of office until 18:00
        // Berlin.
        QStringList starts;
        for (const QJsonValue &v : slots)
            starts.append(v.toObject().value(QStringLiteral("start")).toString());
        QCOMPARE(starts,
            (QStringList { QStringLiteral("2026-12-07T16:00:00+01:00"),
                QStringLiteral("2026-12-09T15:00:00+01:00"),
                QStringLiteral("2026-12-09T15:30:00+01:00"),
                QStringLiteral("2026-12-09T16:00:00+01:00"),
                QStringLiteral("2026-12-10T15:00:00+01:00"),
                QStringLiteral("2026-12-10T15:30:00+01:00"),
                QStringLiteral("2026-12-10T16:00:00+01:00"),
                QStringLiteral("2026-12-11T15:00:00+01:00"),
                QStringLiteral("2026-12-11T15:30:00+01:00"),
                QStringLiteral("2026-12-11T16:00:00+01:00") }));
        const Run text = runJson(kGood, { QStringLiteral("--all") });
        QCOMPARE(text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 10);
    }
    void nothingFitsExplains()
    {
        // Bob works 18:00-22:00 New York = 00:00-04:00 Berlin: never with Alice.
        const QByteArray json = QByteArray(kGood).replace("09:00-17:30", "18:00-22:00");
        const Run r = runJson(json);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.startsWith(
                     QStringLiteral("No slot fits: no time in this window when Alice and Bob are "
                                    "both inside working hours; nearest: Mon 7 Dec ")),
            qPrintable(r.out));
        const Run j = runJson(json, { QStringLiteral("--json") });
        QCOMPARE(j.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(j.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("none"));
        const QJsonObject ex = o.value(QStringLiteral("explanation")).toObject();
        QCOMPARE(
            ex.value(QStringLiteral("kind")).toString(), QStringLiteral("no_common_working_hours"));
        QVERIFY(ex.value(QStringLiteral("nearest")).toObject().contains(QStringLiteral("start")));
    }
    void badInput_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        auto mutate
            = [](const char *from, const char *to) { return QByteArray(kGood).replace(from, to); };
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("(document)");
        QTest::newRow("no window")
            << mutate(R"("window")", R"("windw")") << QStringLiteral("window:");
        QTest::newRow("no offset") << mutate("2026-12-07T00:00:00+01:00", "2026-12-07T00:00:00")
                                   << QStringLiteral("window.start:");
        QTest::newRow("end before start") << mutate("2026-12-12T00:00:00+01:00",
            "2026-12-01T00:00:00+01:00") << QStringLiteral("window.end:");
        QTest::newRow("duration") << mutate(
            R"("duration_minutes": 60)", R"("duration_minutes": -5)")
                                  << QStringLiteral("duration_minutes:");
        QTest::newRow("duration text")
            << mutate(R"("duration_minutes": 60)", R"("duration_minutes": "1h")")
            << QStringLiteral("duration_minutes:");
        QTest::newRow("granularity")
            << mutate(R"("granularity_minutes": 30)", R"("granularity_minutes": 0)")
            << QStringLiteral("granularity_minutes:");
        QTest::newRow("zone") << mutate("America/New_York", "America/Gotham")
                              << QStringLiteral("participants[1].time_zone:");
        QTest::newRow("name") << mutate(R"("name": "Bob")", R"("name": "")")
                              << QStringLiteral("participants[1].name:");
        QTest::newRow("range") << mutate(R"("fri": ["09:00-12:00")", R"("fri": ["9-12")")
                               << QStringLiteral("participants[0].working_hours.fri[0]:");
        QTest::newRow("day") << mutate(
            R"("mon": ["09:00-17:00"]})", R"("monday": ["09:00-17:00"]})")
                             << QStringLiteral("participants[2].working_hours.monday:");
        QTest::newRow("status") << mutate(R"("status": "tentative")", R"("status": "maybe")")
                                << QStringLiteral("participants[2].busy[0].status:");
        QTest::newRow("busy time") << mutate("2026-12-08T12:00:00-05:00", "noon")
                                   << QStringLiteral("participants[1].busy[0].end:");
        QTest::newRow("required") << mutate(R"("required": false)", R"("required": "no")")
                                  << QStringLiteral("participants[2].required:");
        QTest::newRow("participants") << QByteArray(
            R"({"window":{"start":"2026-12-07T00:00:00Z","end":"2026-12-08T00:00:00Z"},"duration_minutes":30,"participants":[]})")
                                      << QStringLiteral("participants:");
    }
    void badInput()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const Run r = runJson(json);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(
            r.err.startsWith(QStringLiteral("kairos-cli find-time: ") + field), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }
    void missingFileAndOption()
    {
        QCOMPARE(run({}).exitCode, 2);
        const Run r
            = run({ QStringLiteral("--input"), m_dir.filePath(QStringLiteral("nope.json")) });
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(QStringLiteral("cannot read")));
    }
};

QTEST_GUILESS_MAIN(TestFindTimeCli)
#include "tst_findtime_cli.moc"
