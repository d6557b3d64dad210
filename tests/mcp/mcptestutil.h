#pragma once
// Helpers for driving `kairos-cli mcp` over stdio and seeding its profile (tests/mcp).

#include "core/profile.h"
#include "model/zonedtime.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

namespace kairos::test {

//! \brief One `kairos-cli mcp` process and a line-oriented JSON-RPC client for it.
class McpProcess {
public:
    explicit McpProcess(const QString &home, const QStringList &extraArgs = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KAIROS_HOME"), home);
        // The profile's zone is the system zone unless overridden in Settings.
        env.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Madrid"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("kairos.*.debug=true"));
        m_proc.setProcessEnvironment(env);
        m_proc.setProcessChannelMode(QProcess::SeparateChannels);
        m_proc.start(
            QStringLiteral(KAIROS_CLI_PATH), QStringList { QStringLiteral("mcp") } + extraArgs);
    }
    ~McpProcess()
    {
        if (m_proc.state() != QProcess::NotRunning) {
            m_proc.closeWriteChannel();
            if (!m_proc.waitForFinished(5000)) {
                m_proc.kill();
                m_proc.waitForFinished(2000);
            }
        }
    }
    bool started() { return m_proc.waitForStarted(10000); }
    QProcess &process() { return m_proc; }

    void sendRaw(const QByteArray &line)
    {
        m_proc.write(line);
        if (!line.endsWith('\n'))
            m_proc.write("\n");
    }
    void notify(const QString &method, const QJsonObject &params = {})
    {
        QJsonObject m { { QStringLiteral("jsonrpc"), QStringLiteral("2.0") },
            { QStringLiteral("method"), method } };
        if (!params.isEmpty())
            m.insert(QStringLiteral("params"), params);
        sendRaw(QJsonDocument(m).toJson(QJsonDocument::Compact));
    }
    int send(const QString &method, const QJsonObject &params = {})
    {
        const int id = ++m_nextId;
        QJsonObject m { { QStringLiteral("jsonrpc"), QStringLiteral("2.0") },
            { QStringLiteral("id"), id }, { QStringLiteral("method"), method } };
        m.insert(QStringLiteral("params"), params);
        sendRaw(QJsonDocument(m).toJson(QJsonDocument::Compact));
        return id;
    }
    //! The next line on stdout (every one must be a JSON object), or {} on timeout.
    QJsonObject readMessage(int timeoutMs = 15000)
    {
        QDeadlineTimer deadline(timeoutMs);
        while (!m_proc.canReadLine()) {
            if (deadline.hasExpired() || m_proc.state() == QProcess::NotRunning)
                return {};
            m_proc.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())));
        }
        const QByteArray line = m_proc.readLine();
        m_stdoutLines << line;
        QJsonParseError e;
        const QJsonDocument d = QJsonDocument::fromJson(line, &e);
        if (e.error != QJsonParseError::NoError || !d.isObject()) {
            m_badLines << line;
            return {};
        }
        return d.object();
    }
    //! Sends a request and returns its response (skips nothing: responses come in order).
    QJsonObject request(const QString &method, const QJsonObject &params = {})
    {
        const int id = send(method, params);
        const QJsonObject r = readMessage();
        if (r.value(QStringLiteral("id")).toInt() != id)
            qWarning() << "unexpected response" << r << "for id" << id;
        return r;
    }
    QJsonObject initialize(const QString &version = QStringLiteral("2025-11-25"))
    {
        const QJsonObject r = request(QStringLiteral("initialize"),
            { { QStringLiteral("protocolVersion"), version },
                { QStringLiteral("capabilities"), QJsonObject() },
                { QStringLiteral("clientInfo"),
                    QJsonObject { { QStringLiteral("name"), QStringLiteral("tst") },
                        { QStringLiteral("version"), QStringLiteral("1") } } } });
        notify(QStringLiteral("notifications/initialized"));
        return r;
    }
    //! tools/call → the CallToolResult ({} if the call failed at the protocol level).
    QJsonObject call(const QString &tool, const QJsonObject &arguments = {})
    {
        const QJsonObject r = request(QStringLiteral("tools/call"),
            { { QStringLiteral("name"), tool }, { QStringLiteral("arguments"), arguments } });
        m_lastResponse = r;
        return r.value(QStringLiteral("result")).toObject();
    }
    QJsonObject lastResponse() const { return m_lastResponse; }
    const QList<QByteArray> &badLines() const { return m_badLines; }
    const QList<QByteArray> &stdoutLines() const { return m_stdoutLines; }

private:
    QProcess m_proc;
    int m_nextId = 0;
    QList<QByteArray> m_badLines;
    QList<QByteArray> m_stdoutLines;
    QJsonObject m_lastResponse;
};

inline bool isToolError(const QJsonObject &result)
{
    return result.value(QStringLiteral("isError")).toBool();
}
inline QString toolText(const QJsonObject &result)
{
    return result.value(QStringLiteral("content"))
        .toArray()
        .at(0)
        .toObject()
        .value(QStringLiteral("text"))
        .toString();
}
inline QJsonObject structured(const QJsonObject &result)
{
    return result.value(QStringLiteral("structuredContent")).toObject();
}

//! Opens the default profile's database under KAIROS_HOME (the caller's TempHome).
inline std::unique_ptr<Database> openProfileDb(const QString &connection)
{
    Profile profile;
    if (!profile.ensureDirs())
        return {};
    auto db = Database::open(profile.databasePath(), profile.backupDir(), connection);
    return db ? std::move(*db) : nullptr;
}

inline Event timedEvent(
    const QString &calendarId, const QString &title, const QDateTime &start, int minutes)
{
    Event e;
    e.calendarId = calendarId;
    e.title = title;
    e.start = start;
    e.end = start.addSecs(qint64(minutes) * 60);
    return e;
}

} // namespace kairos::test
