#pragma once

#include "core/profile.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <functional>
#include <memory>

namespace kairos {
class CalendarService;
class Database;
class SyncEngine;
struct Account;
struct Calendar;
struct Event;
} // namespace kairos

namespace kairos::mcp {

//! \brief One MCP tool as tools/list shows it.
struct ToolDefinition {
    QString name;
    QString title;
    QString description;
    QJsonObject inputSchema;
    QJsonObject outputSchema; //!< empty: none advertised
    bool readOnly = true;
    bool destructive = false;
    bool idempotent = true;
    //! The tool reaches people or services outside the profile (providers, attendees).
    bool openWorld = false;

    QJsonObject toJson() const;
};

//! \brief What a tool call produced: structured data and readable text, or a tool error.
struct ToolResult {
    QJsonObject structured;
    //! Pre-encoded structuredContent (compact JSON of an object); when set, `structured` is
    //! ignored. Large listings are written straight to text (mcp/jsonwriter.h).
    QByteArray structuredJson;
    QString text;
    bool isError = false;
    //! Append the structured JSON to the text (MCP's advice for older clients). Large listings
    //! carry a readable summary instead.
    bool textIncludesJson = true;

    static ToolResult error(const QString &message);
    //! The structured content as an object, whichever way it was given.
    QJsonObject structuredObject() const;
    //! The MCP CallToolResult object ({content, structuredContent, isError}).
    QJsonObject toJson() const;
    //! The same, encoded as compact JSON (without a detour through QJsonObject).
    QByteArray toJsonBytes() const;
};

//! \brief The calendar tools of `kairos-cli mcp` (docs/mcp.md), on one profile's SQLite cache.
//!
//! Reads come from the store (occurrences of recurring series expanded with libical); writes go
//! through CalendarService for the local calendar. Provider calendars (Google / Microsoft) are
//! written through the SyncEngine's persistent outbox (setSyncEngine(); without one, writes to
//! them are refused with a tool error); with no account connected the error says how to
//! connect one. Calendar text (titles, descriptions, locations) is only ever returned inside
//! data fields. Times are ISO-8601 with the offset of the profile's zone.
class CalendarTools {
public:
    CalendarTools(Profile profile, Database &db, QTimeZone zone);
    ~CalendarTools();
    CalendarTools(const CalendarTools &) = delete;
    CalendarTools &operator=(const CalendarTools &) = delete;

    const QList<ToolDefinition> &definitions() const { return m_defs; }
    const ToolDefinition *definition(const QString &name) const;
    //! Validates `arguments` against the tool's input schema, then runs it. Unknown names must
    //! be rejected by the caller (definition() == nullptr).
    ToolResult call(const QString &name, const QJsonObject &arguments);

    QTimeZone timeZone() const { return m_zone; }
    //! The profile's sync engine (its accounts added): provider writes go to its outbox
    //! (send_invitations → WriteOptions::sendUpdates) and sync_calendars runs syncNow().
    //! Also makes `engine` the writer of service(), so writes to its calendars reach the outbox.
    void setSyncEngine(SyncEngine *engine);
    //! Called for an account that is in the database but not in the sync engine (connected by
    //! the desktop app after this server started): adds it to the engine; false = cannot.
    void setAccountAdder(std::function<bool(const Account &)> adder)
    {
        m_addAccount = std::move(adder);
    }
    //! How long sync_calendars waits for the runs to finish (default 60 s).
    void setSyncTimeoutMs(int ms) { m_syncTimeoutMs = ms; }
    CalendarService &service() { return *m_service; }

private:
    struct Impl;
    Profile m_profile;
    Database &m_db;
    QTimeZone m_zone;
    std::unique_ptr<CalendarService> m_service;
    QList<ToolDefinition> m_defs;
    SyncEngine *m_sync = nullptr;
    std::function<bool(const Account &)> m_addAccount;
    int m_syncTimeoutMs = 60000;
};

} // namespace kairos::mcp
