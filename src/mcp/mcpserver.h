#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace kairos::mcp {

class CalendarTools;

//! \brief The Model Context Protocol over JSON-RPC 2.0: one message in, at most one out.
//!
//! Methods: initialize (version negotiation: the client's version when supported, else the
//! latest), notifications/initialized, ping, tools/list, tools/call. Errors: -32700 parse
//! error, -32600 invalid request (not an object, wrong "jsonrpc", bad id, batches), -32601
//! method not found, -32602 invalid params (including an unknown tool name). A tool that fails
//! answers a normal result with isError: true. Notifications never get an answer.
//! Transport-free: the stdio transport feeds it lines (stdiotransport.h).
class McpServer {
public:
    explicit McpServer(CalendarTools &tools);

    static QStringList supportedProtocolVersions(); //!< newest first
    static QString serverName() { return QStringLiteral("kairos"); }

    void setServerVersion(const QString &version) { m_version = version; }
    //! The protocol version agreed in initialize (empty before).
    QString protocolVersion() const { return m_protocolVersion; }
    bool isInitialized() const { return m_initialized; }

    //! Handles one newline-delimited message; returns the answer (compact JSON, no newline) or
    //! an empty array when there is none (notifications, responses, blank lines).
    QByteArray handleMessage(const QByteArray &line);

    enum ErrorCode {
        ParseError = -32700,
        InvalidRequest = -32600,
        MethodNotFound = -32601,
        InvalidParams = -32602,
        InternalError = -32603,
    };

private:
    QJsonObject dispatch(const QString &method, const QJsonValue &params, bool &isError);
    QByteArray m_rawResult; //!< a tools/call result, already encoded (set by dispatch)
    QJsonObject initialize(const QJsonObject &params);

    CalendarTools &m_tools;
    QString m_version = QStringLiteral("0.1");
    QString m_protocolVersion;
    bool m_initialized = false;
};

} // namespace kairos::mcp
