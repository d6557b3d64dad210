// The official MCP inspector CLI (npm @modelcontextprotocol/inspector-cli) against
// `kairos-cli mcp`: list the tools and call two of them. Skips when Node or the npm registry
// is not available. The package is installed into $KAIROS_MCP_INSPECTOR_DIR when set, else
// into a folder under the system temp dir that is reused by later runs (never the source tree).
#include "mcptestutil.h"
#include "support/testenv.h"

#include "calendar/calendarservice.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTimeZone>

using namespace kairos;
using namespace kairos::test;

namespace {
struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &args, const QString &dir, int timeoutMs,
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessEnvironment(env);
    p.start(program, args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(2000);
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}
} // namespace

class TestMcpInspector : public QObject {
    Q_OBJECT
private:
    TempHome m_home;
    QString m_cli; //!< path of the inspector's cli.js
    QString m_node;

    Run inspect(const QStringList &methodArgs)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KAIROS_HOME"), m_home.path());
        env.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Madrid"));
        QStringList args { m_cli, QStringLiteral("--cli"), QStringLiteral("-e"),
            QStringLiteral("KAIROS_HOME=") + m_home.path(), QStringLiteral("-e"),
            QStringLiteral("TZ=Europe/Madrid"), QStringLiteral(KAIROS_CLI_PATH),
            QStringLiteral("mcp") };
        args << methodArgs;
        // inspector-cli 1.0.x finds its package.json relative to the working directory.
        return run(m_node, args, QFileInfo(m_cli).absolutePath(), 120000, env);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
        if (m_node.isEmpty() || npm.isEmpty())
            QSKIP("Node.js / npm not found: the MCP inspector integration test is skipped");
        const Run version = run(m_node, { QStringLiteral("--version") }, QDir::tempPath(), 20000);
        if (version.exitCode != 0)
            QSKIP("node --version failed: the MCP inspector integration test is skipped");
        const int major
            = QString::fromUtf8(version.out).mid(1).section(QLatin1Char('.'), 0, 0).toInt();
        if (major < 18)
            QSKIP("Node.js 18 or newer is needed by @modelcontextprotocol/inspector-cli; skipped");

        QString dir = qEnvironmentVariable("KAIROS_MCP_INSPECTOR_DIR");
        if (dir.isEmpty())
            dir = QDir::temp().filePath(QStringLiteral("kairos-mcp-inspector"));
        QDir().mkpath(dir);
        m_cli = dir
            + QStringLiteral("/node_modules/@modelcontextprotocol/inspector-cli/build/cli.js");
        if (!QFileInfo::exists(m_cli)) {
            const Run install = run(npm,
                { QStringLiteral("install"), QStringLiteral("--no-audit"),
                    QStringLiteral("--no-fund"), QStringLiteral("--silent"),
                    QStringLiteral("@modelcontextprotocol/inspector-cli") },
                dir, 300000);
            if (install.exitCode != 0 || !QFileInfo::exists(m_cli))
                QSKIP(
                    qPrintable(QStringLiteral("cannot install @modelcontextprotocol/inspector-cli "
                                              "from the npm registry (offline?): ")
                        + QString::fromUtf8(install.err.left(300))));
        }

        // The server runs with TZ=Europe/Madrid (mcptestutil.h): the profile's zone.
        auto db = openProfileDb(QStringLiteral("seed"));
        QVERIFY(db);
        CalendarService service(*db, QTimeZone("Europe/Madrid"));
        QVERIFY(service.ensureLocalCalendar(QStringLiteral("Local")));
        Event e = timedEvent(QStringLiteral("local"), QStringLiteral("Inspector check"),
            QDateTime(QDate(2026, 12, 8), QTime(10, 0), QTimeZone("Europe/Madrid")), 60);
        QVERIFY(service.store().saveEvent(e));
    }

    void listTools()
    {
        const Run r = inspect({ QStringLiteral("--method"), QStringLiteral("tools/list") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonArray tools
            = QJsonDocument::fromJson(r.out).object().value(QStringLiteral("tools")).toArray();
        QStringList names;
        for (const QJsonValue &t : tools)
            names << t.toObject().value(QStringLiteral("name")).toString();
        QVERIFY2(names.contains(QStringLiteral("list_events")), r.out.constData());
        QVERIFY(names.contains(QStringLiteral("parse_when")));
        QCOMPARE(names.size(), 11);
    }

    void callListEvents()
    {
        const Run r = inspect({ QStringLiteral("--method"), QStringLiteral("tools/call"),
            QStringLiteral("--tool-name"), QStringLiteral("list_events"),
            QStringLiteral("--tool-arg"), QStringLiteral("start=2026-12-01"),
            QStringLiteral("--tool-arg"), QStringLiteral("end=2026-12-31") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject res = QJsonDocument::fromJson(r.out).object();
        QVERIFY2(!res.value(QStringLiteral("isError")).toBool(), r.out.constData());
        const QJsonArray events = res.value(QStringLiteral("structuredContent"))
                                      .toObject()
                                      .value(QStringLiteral("events"))
                                      .toArray();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.at(0).toObject().value(QStringLiteral("start")).toString(),
            QStringLiteral("2026-12-08T10:00:00+01:00"));
    }

    void callParseWhen()
    {
        const Run r = inspect({ QStringLiteral("--method"), QStringLiteral("tools/call"),
            QStringLiteral("--tool-name"), QStringLiteral("parse_when"),
            QStringLiteral("--tool-arg"), QStringLiteral("text=tomorrow at 3pm"),
            QStringLiteral("--tool-arg"), QStringLiteral("now=2026-12-07T10:00:00") });
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject res = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(res.value(QStringLiteral("structuredContent"))
                     .toObject()
                     .value(QStringLiteral("start"))
                     .toString(),
            QStringLiteral("2026-12-08T15:00:00+01:00"));
    }
};

QTEST_GUILESS_MAIN(TestMcpInspector)
#include "tst_mcp_inspector.moc"
