#include "store/migrations.h"

namespace kairos::store {

QString attendeeSearchText(const QString &column)
{
    // The attendees column is JSON ([{"email": …, "name": …}, …]): index the names and
    // addresses, not the keys.
    return QStringLiteral("(SELECT group_concat(coalesce(json_extract(value, '$.name'), '') || ' "
                          "' || coalesce(json_extract(value, '$.email'), ''), ' ') FROM "
                          "json_each(")
        + column + QStringLiteral("))");
}

const QList<QStringList> &migrations()
{
    static const QList<QStringList> list = {
        // 1: accounts (metadata only — tokens live in the keychain), calendars, events.
        {
            QStringLiteral(R"(CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT))"),
            QStringLiteral(R"(CREATE TABLE accounts (
                    id TEXT PRIMARY KEY,
                    provider TEXT NOT NULL,
                    email TEXT NOT NULL,
                    display_name TEXT NOT NULL DEFAULT '',
                    status TEXT NOT NULL DEFAULT 'connected',
                    status_reason TEXT NOT NULL DEFAULT '',
                    connected_at INTEGER,
                    last_synced_at INTEGER))"),
            QStringLiteral(R"(CREATE TABLE calendars (
                    id TEXT PRIMARY KEY,
                    account_id TEXT REFERENCES accounts(id) ON DELETE CASCADE,
                    provider_id TEXT NOT NULL DEFAULT '',
                    kind TEXT NOT NULL,
                    name TEXT NOT NULL,
                    color TEXT NOT NULL DEFAULT '#3b82f6',
                    time_zone TEXT NOT NULL DEFAULT '',
                    read_only INTEGER NOT NULL DEFAULT 0,
                    is_primary INTEGER NOT NULL DEFAULT 0,
                    visible INTEGER NOT NULL DEFAULT 1,
                    counts_for_availability INTEGER NOT NULL DEFAULT 1,
                    source_url TEXT NOT NULL DEFAULT '',
                    sort_order INTEGER NOT NULL DEFAULT 0))"),
            // Times: UTC milliseconds plus the IANA zone the event was written in, so
            // both the instant and the organiser's wall clock survive. All-day events
            // keep ISO dates. range_*_ms bound every occurrence (for queries).
            QStringLiteral(R"(CREATE TABLE events (
                    id TEXT PRIMARY KEY,
                    calendar_id TEXT NOT NULL REFERENCES calendars(id) ON DELETE CASCADE,
                    provider_id TEXT NOT NULL DEFAULT '',
                    etag TEXT NOT NULL DEFAULT '',
                    ical_uid TEXT NOT NULL DEFAULT '',
                    sequence INTEGER NOT NULL DEFAULT 0,
                    title TEXT NOT NULL DEFAULT '',
                    location TEXT NOT NULL DEFAULT '',
                    description TEXT NOT NULL DEFAULT '',
                    all_day INTEGER NOT NULL DEFAULT 0,
                    start_ms INTEGER,
                    start_tz TEXT NOT NULL DEFAULT '',
                    end_ms INTEGER,
                    end_tz TEXT NOT NULL DEFAULT '',
                    start_date TEXT NOT NULL DEFAULT '',
                    end_date TEXT NOT NULL DEFAULT '',
                    recurrence TEXT NOT NULL DEFAULT '',
                    recurring_event_id TEXT NOT NULL DEFAULT '',
                    original_start_ms INTEGER,
                    original_start_tz TEXT NOT NULL DEFAULT '',
                    attendees TEXT NOT NULL DEFAULT '[]',
                    organizer TEXT NOT NULL DEFAULT '',
                    status TEXT NOT NULL DEFAULT 'confirmed',
                    transparency TEXT NOT NULL DEFAULT 'opaque',
                    created_ms INTEGER,
                    updated_ms INTEGER,
                    range_start_ms INTEGER NOT NULL,
                    range_end_ms INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX events_by_range ON events(range_start_ms, range_end_ms)"),
            QStringLiteral("CREATE INDEX events_by_calendar ON events(calendar_id)"),
            QStringLiteral("CREATE INDEX events_by_uid ON events(ical_uid)"),
        },
        // 2: two-way sync with Google / Microsoft: per-calendar sync state (sync token or delta
        // link and its window), the persistent outbox of local writes, and conflicts.
        {
            QStringLiteral(R"(CREATE TABLE sync_state (
                    calendar_id TEXT PRIMARY KEY REFERENCES calendars(id) ON DELETE CASCADE,
                    token TEXT NOT NULL DEFAULT '',
                    window_start_ms INTEGER,
                    window_end_ms INTEGER,
                    last_full_sync_ms INTEGER,
                    last_sync_ms INTEGER))"),
            QStringLiteral(R"(CREATE TABLE sync_outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    account_id TEXT NOT NULL,
                    calendar_id TEXT NOT NULL,
                    event_id TEXT NOT NULL,
                    op TEXT NOT NULL,
                    provider_id TEXT NOT NULL DEFAULT '',
                    etag TEXT NOT NULL DEFAULT '',
                    client_key TEXT NOT NULL DEFAULT '',
                    payload TEXT NOT NULL DEFAULT '{}',
                    send_updates INTEGER NOT NULL DEFAULT 0,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    last_error TEXT NOT NULL DEFAULT '',
                    created_ms INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX sync_outbox_by_account ON sync_outbox(account_id, id)"),
            QStringLiteral("CREATE INDEX sync_outbox_by_event ON sync_outbox(event_id)"),
            QStringLiteral(R"(CREATE TABLE sync_conflicts (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    account_id TEXT NOT NULL,
                    calendar_id TEXT NOT NULL,
                    event_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    local_event TEXT NOT NULL DEFAULT '{}',
                    server_event TEXT NOT NULL DEFAULT '{}',
                    created_ms INTEGER NOT NULL,
                    resolved INTEGER NOT NULL DEFAULT 0))"),
        },
        // 3: the changed occurrences of a series are looked up by their series (listing a month
        // asks for hundreds of series at once).
        {
            QStringLiteral("CREATE INDEX events_by_series ON events(recurring_event_id)"),
        },
        // 4: out-of-office events (Google eventType "outOfOffice", Graph showAs "oof"), shared
        // with the team as out of office rather than busy.
        {
            QStringLiteral(
                "ALTER TABLE events ADD COLUMN out_of_office INTEGER NOT NULL DEFAULT 0"),
        },
        // 5: the room members' latest availability snapshots (busy intervals, working hours,
        // zone — what the room already shares), for the next start and for kairos-cli mcp.
        {
            QStringLiteral(R"(CREATE TABLE team_snapshots (
                    room_key TEXT NOT NULL,
                    member TEXT NOT NULL,
                    snapshot TEXT NOT NULL,
                    received_ms INTEGER NOT NULL,
                    PRIMARY KEY (room_key, member)))"),
        },
        // 6: accounts on a server of their own (CalDAV): the calendar home URL.
        {
                QStringLiteral(
                        "ALTER TABLE accounts ADD COLUMN server_url TEXT NOT NULL DEFAULT ''"),
        },
        // 7: reminders (display alarms, minutes before the start, "10,30"); an event may use its
        // calendar's default reminders instead (Google reminders.useDefault).
        {
            QStringLiteral("ALTER TABLE events ADD COLUMN reminders TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE events ADD COLUMN reminders_default INTEGER NOT NULL "
                           "DEFAULT 0"),
            QStringLiteral("ALTER TABLE calendars ADD COLUMN default_reminders TEXT NOT NULL "
                           "DEFAULT ''"),
        },
        // 8: what became of each reminder that rang (ReminderService): active (shown, waiting
        // for the user), snoozed until a time, or dismissed — so a restart neither repeats nor
        // forgets one. Keyed by event, occurrence start and minutes before.
        {
            QStringLiteral(R"(CREATE TABLE reminder_state (
                    alarm_key TEXT PRIMARY KEY,
                    event_id TEXT NOT NULL,
                    occurrence_ms INTEGER NOT NULL,
                    minutes INTEGER NOT NULL,
                    due_ms INTEGER NOT NULL,
                    state TEXT NOT NULL,
                    snooze_until_ms INTEGER,
                    missed INTEGER NOT NULL DEFAULT 0,
                    updated_ms INTEGER NOT NULL))"),
            QStringLiteral("CREATE INDEX reminder_state_by_state ON reminder_state(state)"),
        },
        // 9: full-text search (Ctrl+F) over title, location, description and attendees (names
        // and e-mails), accents folded. The index's rowid is the event row's; triggers keep it
        // in step with every write (sync, imports, the dialog). INSERT OR REPLACE deletes the
        // old row without firing DELETE triggers, hence the BEFORE INSERT one.
        {
            QStringLiteral("CREATE VIRTUAL TABLE events_fts USING fts5(title, location, "
                           "description, attendees, tokenize = 'unicode61 remove_diacritics "
                           "2')"),
            QStringLiteral("INSERT INTO events_fts (rowid, title, location, description, "
                           "attendees) SELECT rowid, title, location, description, ")
                + store::attendeeSearchText(QStringLiteral("attendees"))
                + QStringLiteral(" FROM events"),
            QStringLiteral("CREATE TRIGGER events_fts_replace BEFORE INSERT ON events BEGIN "
                           "DELETE FROM events_fts WHERE rowid IN (SELECT rowid FROM events "
                           "WHERE id = new.id); END"),
            QStringLiteral("CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN "
                           "INSERT INTO events_fts (rowid, title, location, description, "
                           "attendees) VALUES (new.rowid, new.title, new.location, "
                           "new.description, ")
                + store::attendeeSearchText(QStringLiteral("new.attendees"))
                + QStringLiteral("); END"),
            QStringLiteral("CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN "
                           "DELETE FROM events_fts WHERE rowid = old.rowid; END"),
            QStringLiteral("CREATE TRIGGER events_fts_update AFTER UPDATE ON events BEGIN "
                           "DELETE FROM events_fts WHERE rowid = old.rowid; "
                           "INSERT INTO events_fts (rowid, title, location, description, "
                           "attendees) VALUES (new.rowid, new.title, new.location, "
                           "new.description, ")
                + store::attendeeSearchText(QStringLiteral("new.attendees"))
                + QStringLiteral("); END"),
        },
    };
    return list;
}

} // namespace kairos::store
