// libFuzzer target: `kairos-cli mcp`'s JSON-RPC path and the tools' argument handling must
// never crash or hang, and every answer must be one JSON-RPC 2.0 object, whatever a client (or
// a model steered by hostile calendar text) sends. The first byte picks a mode: a raw line, or
// the rest of the input as the `arguments` of one tool (structure-aware: reaches the schema
// check and the tools behind it). The scratch profile's events are cleared now and then.
#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "mcp/calendartools.h"
#include "mcp/mcpserver.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace kairos;

namespace {

struct Scratch {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<mcp::CalendarTools> tools;
    std::unique_ptr<mcp::McpServer> server;
    int runs = 0;
    Scratch()
    {
        qputenv("KAIROS_HOME", dir.path().toUtf8());
        Profile profile;
        if (!profile.ensureDirs())
            std::abort();
        auto r
            = Database::open(profile.databasePath(), profile.backupDir(), QStringLiteral("fuzz"));
        if (!r)
            std::abort();
        db = std::move(*r);
        QSqlQuery q(db->db());
        q.exec(QStringLiteral("PRAGMA synchronous=OFF"));
        tools = std::make_unique<mcp::CalendarTools>(profile, *db, QTimeZone("Europe/Madrid"));
        if (!tools->service().ensureLocalCalendar(QStringLiteral("Local")))
            std::abort();
        server = std::make_unique<mcp::McpServer>(*tools);
        server->handleMessage(
            R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-11-25"}})");
    }
};

Scratch &scratch()
{
    static int argc = 1;
    static char name[] = "fuzz_mcp_server";
    static char *argv[] = { name, nullptr };
    static QCoreApplication app(argc, argv); // QTimeZone and QSql want an application
    static Scratch s;
    return s;
}

const char *const kTools[] = { "list_calendars", "list_events", "get_event", "create_event",
    "update_event", "delete_event", "free_busy", "find_meeting_times", "export_ics", "parse_when" };

void checkAnswer(const QByteArray &answer)
{
    if (answer.isEmpty())
        return;
    QJsonParseError e;
    const QJsonDocument d = QJsonDocument::fromJson(answer, &e);
    if (e.error != QJsonParseError::NoError || !d.isObject())
        std::abort();
    const QJsonObject o = d.object();
    if (o.value(QLatin1String("jsonrpc")).toString() != QLatin1String("2.0"))
        std::abort();
    if (o.contains(QLatin1String("result")) == o.contains(QLatin1String("error")))
        std::abort();
    if (o.contains(QLatin1String("error"))
        && !o.value(QLatin1String("error")).toObject().value(QLatin1String("code")).isDouble())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Scratch &s = scratch();
    if (size == 0)
        return 0;
    const QByteArray rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    const unsigned mode = data[0] % 16;
    if (mode < 6) {
        // Raw lines, as the stdio transport hands them over.
        for (const QByteArray &line : rest.split('\n'))
            checkAnswer(s.server->handleMessage(line));
    } else {
        const char *tool = kTools[(mode - 6) % (sizeof kTools / sizeof *kTools)];
        const QByteArray call
            = QByteArrayLiteral(
                  R"({"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":")")
            + tool + QByteArrayLiteral(R"(","arguments":)") + rest + QByteArrayLiteral("}}");
        const QByteArray answer = s.server->handleMessage(call);
        checkAnswer(answer);
        const QJsonObject o = QJsonDocument::fromJson(answer).object();
        if (o.contains(QLatin1String("result"))
            && !o.value(QLatin1String("result"))
                    .toObject()
                    .value(QLatin1String("content"))
                    .isArray())
            std::abort();
    }
    if (++s.runs % 256 == 0) {
        QSqlQuery q(s.db->db());
        q.exec(QStringLiteral("DELETE FROM events"));
    }
    return 0;
}
