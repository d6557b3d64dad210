#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

//! \file The room protocol, version 1 (docs/protocol.md): limits, error codes, the decoder for
//! client frames (strict: types, sizes, required members) and encoders for every frame.
namespace kairos::room {

inline constexpr int kProtocolVersion = 1;
inline constexpr qsizetype kMaxFrameBytes = 64 * 1024;
//! Frames and messages above this are refused by the WebSocket layer from their header, before
//! their payload is read (close 1009): just above kMaxFrameBytes.
inline constexpr qsizetype kHardFrameBytes = kMaxFrameBytes + 1024;
//! What the client accepts from a server in one frame or message (a welcome or history page
//! is at most about 1 MiB).
inline constexpr qsizetype kMaxServerFrameBytes = 4 * 1024 * 1024;
inline constexpr int kMaxTextChars = 16000;
inline constexpr int kMaxNameChars = 40;
inline constexpr int kMaxRoomNameChars = 64;
inline constexpr int kMaxClientIdChars = 64;
inline constexpr int kMaxDeviceChars = 64;
inline constexpr int kMaxHistoryPage = 200;
inline constexpr int kDefaultHistoryPage = 50;
inline constexpr int kWelcomeTail = 50;
//! A ping's `t` is echoed in the pong: a number or a string of at most this many characters.
inline constexpr int kMaxPingTokenChars = 64;

//! Stable error codes (the `code` member of an `error` frame).
namespace code {
inline constexpr char BadJson[] = "bad_json";
inline constexpr char BinaryFrame[] = "binary_frame";
inline constexpr char TooLarge[] = "too_large";
inline constexpr char Invalid[] = "invalid";
inline constexpr char UnknownType[] = "unknown_type";
inline constexpr char NotJoined[] = "not_joined";
inline constexpr char AlreadyJoined[] = "already_joined";
inline constexpr char RateLimited[] = "rate_limited";
inline constexpr char UnsupportedVersion[] = "unsupported_version";
inline constexpr char RoomNotFound[] = "room_not_found";
inline constexpr char BadInvite[] = "bad_invite";
inline constexpr char BadName[] = "bad_name";
inline constexpr char NameTaken[] = "name_taken";
inline constexpr char BadSecret[] = "bad_secret";
inline constexpr char RoomFull[] = "room_full";
inline constexpr char ServerFull[] = "server_full";
inline constexpr char IdleTimeout[] = "idle_timeout";
inline constexpr char Storage[] = "storage";
inline constexpr char Quota[] = "quota";
inline constexpr char Forbidden[] = "forbidden";
} // namespace code

//! True for the codes after which the server closes the connection.
bool isFatalCode(const QString &code);

struct ProtocolError {
    QString code;
    QString text; //!< English detail for logs
    QString ref; //!< offending member, type or message id
};

enum class ClientType {
    Join,
    Message,
    History,
    Presence,
    Ping,
    Pong,
    FreeBusy,
    Proposal,
    Extension
};

struct JoinRequest {
    int version = 0;
    QString room;
    QString invite;
    QString name;
    QString secret;
    QString device;
    qint64 since = -1;
};

struct HistoryRequest {
    qint64 before = -1;
    qint64 after = -1;
    int limit = kDefaultHistoryPage;
};

//! A decoded, validated client→server frame. Only the part matching `type` is filled.
struct ClientFrame {
    ClientType type = ClientType::Ping;
    QString typeName;
    JoinRequest join;
    QString messageId;
    QString text; //!< message text (proposal: the compact JSON of its `proposal` object)
    HistoryRequest history;
    bool away = false; //!< presence
    QJsonObject object; //!< the whole frame (ping `t`, freebusy snapshot, extension frames)
};

struct DecodeResult {
    bool ok = false;
    ClientFrame frame;
    ProtocolError error;
};

//! Decodes one text frame (UTF-8) from a client. Never throws; every failure is an error code.
DecodeResult decodeClientFrame(const QByteArray &utf8);

//! A stored room message as it travels to clients.
struct RoomMessage {
    qint64 seq = 0;
    QString id; //!< client id
    QString from;
    QString text;
    QDateTime ts;
    QString kind = QStringLiteral("user"); //!< "user", "system" or "proposal" (text: JSON)
    QString event; //!< system messages: "member_joined", ...

    bool operator==(const RoomMessage &) const = default;
};

struct MemberInfo {
    QString name;
    QString status; //!< online / away / offline
    int devices = 0;
    bool calendar = false;
};

// --- validation helpers (shared by server and client) ---
bool isValidClientId(const QString &id);
bool isValidRoomName(const QString &name);
//! Trims; returns empty when the name is not acceptable: empty, over 40 characters, or with
//! control, line/paragraph separator or invisible format (Cf) characters.
QString normalizedDisplayName(const QString &name);
//! The identity key of a display name: NFKC, case folded, and look-alikes folded together
//! (Cyrillic/Greek letters that look Latin, 0/o, 1/l/i, rn/m): two names with one key are one
//! member.
QString nameKey(const QString &name);

// --- encoders ---
QByteArray encode(const QJsonObject &object);
QJsonObject messageToJson(const RoomMessage &m);
//! Parses a message object from the server; false when it is not a valid message.
bool messageFromJson(const QJsonObject &o, RoomMessage *out);
QJsonArray messagesToJson(const QList<RoomMessage> &list);
QJsonObject memberToJson(const MemberInfo &m);
MemberInfo memberFromJson(const QJsonObject &o);

QByteArray errorFrame(
    const QString &code, const QString &text, const QString &ref = {}, int retryMs = -1);
//! The `message` frame the server relays: the same members as messageToJson(), written
//! directly (once per message, then shared by every recipient).
QByteArray relayedMessageFrame(const RoomMessage &message);
QByteArray ackFrame(const QString &id, qint64 seq, const QDateTime &ts, bool duplicate);
QByteArray presenceFrame(const MemberInfo &m);
QByteArray historyFrame(const QList<RoomMessage> &messages, bool more);
QByteArray pingFrame(qint64 t);
QByteArray pongFrame(const QJsonValue &t);

// client → server
QByteArray joinFrame(const JoinRequest &join);
QByteArray messageFrame(const QString &id, const QString &text);
//! A meeting proposal (docs/protocol.md, "proposal"): stored as a message of kind "proposal".
QByteArray proposalFrame(const QString &id, const QJsonObject &proposal);
QByteArray historyRequestFrame(const HistoryRequest &request);
QByteArray presenceRequestFrame(bool away);

QString toIsoUtc(const QDateTime &dt);

} // namespace kairos::room
