#include "room/protocol.h"

#include "core/jsonstring.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace kairos::room {

namespace {

QString L(const char *s)
{
    return QString::fromLatin1(s);
}

DecodeResult fail(const char *code, QString text, QString ref = {})
{
    DecodeResult r;
    r.error = ProtocolError { L(code), std::move(text), std::move(ref) };
    return r;
}

//! Integer in [min, max] (JSON numbers are doubles; reject fractions, NaN, huge values).
bool readInt(const QJsonObject &o, const QString &key, qint64 min, qint64 max, qint64 *out)
{
    const QJsonValue v = o.value(key);
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    if (!std::isfinite(d) || d != std::floor(d) || d < double(min) || d > double(max))
        return false;
    *out = qint64(d);
    return true;
}

bool readString(const QJsonObject &o, const QString &key, int minLen, int maxLen, QString *out)
{
    const QJsonValue v = o.value(key);
    if (!v.isString())
        return false;
    const QString s = v.toString();
    if (s.size() < minLen || s.size() > maxLen)
        return false;
    *out = s;
    return true;
}

constexpr qint64 kMaxSeq = qint64(1) << 53;

void appendMessageMembers(QByteArray &out, const RoomMessage &m)
{
    out.append("\"seq\":");
    out.append(QByteArray::number(m.seq));
    out.append(",\"id\":");
    appendJsonString(out, m.id);
    out.append(",\"from\":");
    appendJsonString(out, m.from);
    out.append(",\"text\":");
    appendJsonString(out, m.text);
    out.append(",\"ts\":");
    appendJsonString(out, toIsoUtc(m.ts));
    out.append(",\"kind\":");
    appendJsonString(out, m.kind);
    if (!m.event.isEmpty()) {
        out.append(",\"event\":");
        appendJsonString(out, m.event);
    }
}

} // namespace

QByteArray relayedMessageFrame(const RoomMessage &m)
{
    QByteArray out;
    out.reserve(96 + m.text.size() + m.from.size() + m.id.size());
    out.append("{\"type\":\"message\",");
    appendMessageMembers(out, m);
    out.append('}');
    return out;
}

bool isFatalCode(const QString &c)
{
    static const QStringList fatal = { L(code::UnsupportedVersion), L(code::RoomNotFound),
        L(code::BadInvite), L(code::BadName), L(code::NameTaken), L(code::BadSecret),
        L(code::RoomFull), L(code::ServerFull), L(code::IdleTimeout) };
    return fatal.contains(c);
}

bool isValidClientId(const QString &id)
{
    if (id.isEmpty() || id.size() > kMaxClientIdChars)
        return false;
    for (QChar c : id) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
            || (u >= u'0' && u <= u'9') || u == u'_' || u == u'-';
        if (!ok)
            return false;
    }
    return true;
}

bool isValidRoomName(const QString &name)
{
    if (name.isEmpty() || name.size() > kMaxRoomNameChars)
        return false;
    for (QChar c : name) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z')
            || (u >= u'0' && u <= u'9') || u == u'_' || u == u'-' || u == u'.';
        if (!ok)
            return false;
    }
    return true;
}

QString normalizedDisplayName(const QString &name)
{
    const QString n = name.trimmed().normalized(QString::NormalizationForm_C);
    if (n.isEmpty() || n.size() > kMaxNameChars)
        return {};
    // Invisible format characters (zero-width space U+200B, right-to-left override U+202E,
    // isolates U+2066..., soft hyphen) would make "Ana" and "Ana" + U+200B two members (L5).
    for (QChar c : n) {
        const auto cat = c.category();
        if (cat == QChar::Other_Control || cat == QChar::Separator_Line
            || cat == QChar::Separator_Paragraph || cat == QChar::Other_Format)
            return {};
    }
    return n;
}

namespace {

//! Letters of other scripts that look like Latin ones, folded to the Latin letter (after case
//! folding): the part of Unicode's confusables (UTS #39) that matters for names.
char16_t latinLookAlike(char16_t c)
{
    switch (c) {
    // Cyrillic
    case 0x0430:
        return u'a';
    case 0x0432:
        return u'b'; // в (small caps look: В)
    case 0x0435:
        return u'e';
    case 0x0451:
        return u'e'; // ё
    case 0x043a:
        return u'k';
    case 0x043c:
        return u'm';
    case 0x043d:
        return u'h';
    case 0x043e:
        return u'o';
    case 0x0440:
        return u'p';
    case 0x0441:
        return u'c';
    case 0x0442:
        return u't';
    case 0x0443:
        return u'y';
    case 0x0445:
        return u'x';
    case 0x0455:
        return u's';
    case 0x0456:
        return u'i';
    case 0x0457:
        return u'i';
    case 0x0458:
        return u'j';
    case 0x04bb:
        return u'h';
    case 0x0501:
        return u'd';
    case 0x051b:
        return u'q';
    case 0x051d:
        return u'w';
    // Greek
    case 0x03b1:
        return u'a';
    case 0x03b2:
        return u'b';
    case 0x03b5:
        return u'e';
    case 0x03b7:
        return u'n';
    case 0x03b9:
        return u'i';
    case 0x03ba:
        return u'k';
    case 0x03bc:
        return u'u';
    case 0x03bd:
        return u'v';
    case 0x03bf:
        return u'o';
    case 0x03c1:
        return u'p';
    case 0x03c4:
        return u't';
    case 0x03c5:
        return u'u';
    case 0x03c7:
        return u'x';
    case 0x03c9:
        return u'w';
    // Latin look-alikes of Latin letters
    case 0x0131:
        return u'i'; // dotless i
    case 0x0269:
        return u'i';
    case 0x0261:
        return u'g';
    case 0x01c0:
        return u'l';
    default:
        return 0;
    }
}

} // namespace

QString nameKey(const QString &name)
{
    // NFKC folds compatibility forms (full-width letters, ligatures), case folding the case;
    // then letters of other scripts that look like Latin ones, digits that look like letters
    // (0/o, 1/l) and I/l are made one, so that a look-alike of a member's name is that name
    // (name_taken) instead of a second member who reads the same.
    QString key = name.trimmed().normalized(QString::NormalizationForm_KC).toCaseFolded();
    for (QChar &ch : key) {
        if (const char16_t latin = latinLookAlike(ch.unicode()))
            ch = QChar(latin);
        else if (ch == u'0')
            ch = u'o';
        else if (ch == u'1' || ch == u'i')
            ch = u'l';
    }
    return key.replace(QLatin1String("rn"), QLatin1String("m"));
}

DecodeResult decodeClientFrame(const QByteArray &utf8)
{
    if (utf8.size() > kMaxFrameBytes)
        return fail(code::TooLarge, QStringLiteral("frame larger than 64 KiB"));
    QJsonParseError perr;
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &perr);
    if (perr.error != QJsonParseError::NoError || !doc.isObject())
        return fail(code::BadJson,
            perr.error != QJsonParseError::NoError
                ? QStringLiteral("not JSON: ") + perr.errorString()
                : QStringLiteral("a frame must be a JSON object"));
    const QJsonObject o = doc.object();
    const QJsonValue tv = o.value(QLatin1String("type"));
    if (!tv.isString() || tv.toString().isEmpty() || tv.toString().size() > 64)
        return fail(code::Invalid, QStringLiteral("missing or invalid member 'type'"),
            QStringLiteral("type"));
    const QString type = tv.toString();

    DecodeResult r;
    r.ok = true;
    r.frame.typeName = type;
    r.frame.object = o;
    ClientFrame &f = r.frame;

    if (type == QLatin1String("join")) {
        f.type = ClientType::Join;
        qint64 v = 0;
        if (!readInt(o, QStringLiteral("v"), 1, 1 << 20, &v))
            return fail(code::UnsupportedVersion,
                QStringLiteral("member 'v' must be a protocol version >= 1"), QStringLiteral("v"));
        f.join.version = int(v);
        if (!readString(o, QStringLiteral("room"), 1, kMaxRoomNameChars, &f.join.room))
            return fail(
                code::Invalid, QStringLiteral("member 'room' is required"), QStringLiteral("room"));
        if (!readString(o, QStringLiteral("invite"), 1, 256, &f.join.invite))
            return fail(code::Invalid, QStringLiteral("member 'invite' is required"),
                QStringLiteral("invite"));
        if (!readString(o, QStringLiteral("name"), 0, 256, &f.join.name))
            return fail(
                code::Invalid, QStringLiteral("member 'name' is required"), QStringLiteral("name"));
        if (o.contains(QLatin1String("secret"))
            && !readString(o, QStringLiteral("secret"), 0, 256, &f.join.secret))
            return fail(code::Invalid, QStringLiteral("member 'secret' must be a string"),
                QStringLiteral("secret"));
        if (o.contains(QLatin1String("device"))
            && !readString(o, QStringLiteral("device"), 0, kMaxDeviceChars, &f.join.device))
            return fail(code::Invalid, QStringLiteral("member 'device' must be a short string"),
                QStringLiteral("device"));
        if (o.contains(QLatin1String("since"))
            && !readInt(o, QStringLiteral("since"), 0, kMaxSeq, &f.join.since))
            return fail(code::Invalid, QStringLiteral("member 'since' must be a seq"),
                QStringLiteral("since"));
    } else if (type == QLatin1String("message")) {
        f.type = ClientType::Message;
        const QJsonValue idv = o.value(QLatin1String("id"));
        if (!idv.isString() || !isValidClientId(idv.toString()))
            return fail(code::Invalid,
                QStringLiteral("member 'id' must be 1-64 characters of A-Z a-z 0-9 _ -"),
                QStringLiteral("id"));
        f.messageId = idv.toString();
        const QJsonValue tx = o.value(QLatin1String("text"));
        if (!tx.isString() || tx.toString().isEmpty() || tx.toString().size() > kMaxTextChars)
            return fail(code::Invalid, QStringLiteral("member 'text' must be 1-16000 characters"),
                f.messageId);
        f.text = tx.toString();
    } else if (type == QLatin1String("history")) {
        f.type = ClientType::History;
        const bool hasBefore = o.contains(QLatin1String("before"));
        const bool hasAfter = o.contains(QLatin1String("after"));
        if (hasBefore == hasAfter)
            return fail(code::Invalid, QStringLiteral("exactly one of 'before' / 'after'"),
                QStringLiteral("before"));
        if (hasBefore && !readInt(o, QStringLiteral("before"), 0, kMaxSeq, &f.history.before))
            return fail(
                code::Invalid, QStringLiteral("'before' must be a seq"), QStringLiteral("before"));
        if (hasAfter && !readInt(o, QStringLiteral("after"), 0, kMaxSeq, &f.history.after))
            return fail(
                code::Invalid, QStringLiteral("'after' must be a seq"), QStringLiteral("after"));
        if (o.contains(QLatin1String("limit"))) {
            qint64 limit = 0;
            if (!readInt(o, QStringLiteral("limit"), 1, kMaxHistoryPage, &limit))
                return fail(code::Invalid, QStringLiteral("'limit' must be 1-200"),
                    QStringLiteral("limit"));
            f.history.limit = int(limit);
        }
    } else if (type == QLatin1String("presence")) {
        f.type = ClientType::Presence;
        const QString s = o.value(QLatin1String("status")).toString();
        if (s != QLatin1String("online") && s != QLatin1String("away"))
            return fail(code::Invalid, QStringLiteral("'status' must be online or away"),
                QStringLiteral("status"));
        f.away = s == QLatin1String("away");
    } else if (type == QLatin1String("ping")) {
        f.type = ClientType::Ping;
        // `t` comes back in the pong: small, so that pings cannot make the server write much.
        const QJsonValue t = o.value(QLatin1String("t"));
        if (!t.isUndefined() && !t.isDouble()
            && !(t.isString() && t.toString().size() <= kMaxPingTokenChars))
            return fail(code::Invalid,
                QStringLiteral("member 't' must be a number or a string of at most 64 characters"),
                QStringLiteral("t"));
    } else if (type == QLatin1String("pong")) {
        f.type = ClientType::Pong;
    } else if (type == QLatin1String("freebusy")) {
        f.type = ClientType::FreeBusy;
        if (!o.value(QLatin1String("snapshot")).isObject())
            return fail(code::Invalid, QStringLiteral("'snapshot' must be an object"),
                QStringLiteral("snapshot"));
    } else if (type == QLatin1String("proposal")) {
        // Stored like a message of kind "proposal" whose text is the compact JSON of `proposal`.
        f.type = ClientType::Proposal;
        const QJsonValue idv = o.value(QLatin1String("id"));
        if (!idv.isString() || !isValidClientId(idv.toString()))
            return fail(code::Invalid,
                QStringLiteral("member 'id' must be 1-64 characters of A-Z a-z 0-9 _ -"),
                QStringLiteral("id"));
        f.messageId = idv.toString();
        const QJsonValue pv = o.value(QLatin1String("proposal"));
        if (!pv.isObject() || pv.toObject().isEmpty())
            return fail(
                code::Invalid, QStringLiteral("member 'proposal' must be an object"), f.messageId);
        f.text = QString::fromUtf8(encode(pv.toObject()));
        if (f.text.size() > kMaxTextChars)
            return fail(code::Invalid,
                QStringLiteral("member 'proposal' must be at most 16000 characters"), f.messageId);
    } else if (type.startsWith(QLatin1String("x-")) && type.size() > 2) {
        f.type = ClientType::Extension;
    } else {
        return fail(code::UnknownType, QStringLiteral("unknown type"), type);
    }
    return r;
}

QString toIsoUtc(const QDateTime &dt)
{
    return dt.toUTC().toString(Qt::ISODateWithMs);
}

QByteArray encode(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject messageToJson(const RoomMessage &m)
{
    QJsonObject o { { QStringLiteral("type"), QStringLiteral("message") },
        { QStringLiteral("seq"), double(m.seq) }, { QStringLiteral("id"), m.id },
        { QStringLiteral("from"), m.from }, { QStringLiteral("text"), m.text },
        { QStringLiteral("ts"), toIsoUtc(m.ts) }, { QStringLiteral("kind"), m.kind } };
    if (!m.event.isEmpty())
        o.insert(QStringLiteral("event"), m.event);
    return o;
}

bool messageFromJson(const QJsonObject &o, RoomMessage *out)
{
    qint64 seq = 0;
    if (!readInt(o, QStringLiteral("seq"), 0, kMaxSeq, &seq))
        return false;
    const QJsonValue from = o.value(QLatin1String("from"));
    const QJsonValue text = o.value(QLatin1String("text"));
    if (!from.isString() || !text.isString())
        return false;
    RoomMessage m;
    m.seq = seq;
    m.id = o.value(QLatin1String("id")).toString();
    m.from = from.toString();
    m.text = text.toString();
    m.ts = QDateTime::fromString(o.value(QLatin1String("ts")).toString(), Qt::ISODateWithMs);
    if (!m.ts.isValid())
        m.ts = QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
    m.ts = m.ts.toUTC();
    m.kind = o.value(QLatin1String("kind")).toString(QStringLiteral("user"));
    m.event = o.value(QLatin1String("event")).toString();
    *out = m;
    return true;
}

QJsonArray messagesToJson(const QList<RoomMessage> &list)
{
    QJsonArray a;
    for (const RoomMessage &m : list)
        a.append(messageToJson(m));
    return a;
}

QJsonObject memberToJson(const MemberInfo &m)
{
    return QJsonObject { { QStringLiteral("name"), m.name }, { QStringLiteral("status"), m.status },
        { QStringLiteral("devices"), m.devices }, { QStringLiteral("calendar"), m.calendar } };
}

MemberInfo memberFromJson(const QJsonObject &o)
{
    MemberInfo m;
    m.name = o.value(QLatin1String("name")).toString();
    m.status = o.value(QLatin1String("status")).toString(QStringLiteral("offline"));
    m.devices = o.value(QLatin1String("devices")).toInt();
    m.calendar = o.value(QLatin1String("calendar")).toBool();
    return m;
}

QByteArray errorFrame(const QString &c, const QString &text, const QString &ref, int retryMs)
{
    QJsonObject o { { QStringLiteral("type"), QStringLiteral("error") },
        { QStringLiteral("code"), c }, { QStringLiteral("text"), text },
        { QStringLiteral("fatal"), isFatalCode(c) } };
    if (!ref.isEmpty())
        o.insert(QStringLiteral("ref"), ref);
    if (retryMs >= 0)
        o.insert(QStringLiteral("retryMs"), retryMs);
    return encode(o);
}

QByteArray ackFrame(const QString &id, qint64 seq, const QDateTime &ts, bool duplicate)
{
    QByteArray out;
    out.reserve(128);
    out.append("{\"type\":\"ack\",\"id\":");
    appendJsonString(out, id);
    out.append(",\"seq\":");
    out.append(QByteArray::number(seq));
    out.append(",\"ts\":");
    appendJsonString(out, toIsoUtc(ts));
    if (duplicate)
        out.append(",\"dup\":true");
    out.append('}');
    return out;
}

QByteArray presenceFrame(const MemberInfo &m)
{
    QJsonObject o = memberToJson(m);
    o.insert(QStringLiteral("type"), QStringLiteral("presence"));
    return encode(o);
}

QByteArray historyFrame(const QList<RoomMessage> &messages, bool more)
{
    QByteArray out("{\"type\":\"history\",\"messages\":[");
    for (qsizetype i = 0; i < messages.size(); ++i) {
        if (i > 0)
            out.append(',');
        out.append("{\"type\":\"message\",");
        appendMessageMembers(out, messages[i]);
        out.append('}');
    }
    out.append(more ? "],\"more\":true}" : "],\"more\":false}");
    return out;
}

QByteArray pingFrame(qint64 t)
{
    return encode(QJsonObject {
        { QStringLiteral("type"), QStringLiteral("ping") }, { QStringLiteral("t"), double(t) } });
}

QByteArray pongFrame(const QJsonValue &t)
{
    QJsonObject o { { QStringLiteral("type"), QStringLiteral("pong") } };
    if (!t.isUndefined())
        o.insert(QStringLiteral("t"), t);
    return encode(o);
}

QByteArray joinFrame(const JoinRequest &j)
{
    QJsonObject o { { QStringLiteral("type"), QStringLiteral("join") },
        { QStringLiteral("v"), j.version > 0 ? j.version : kProtocolVersion },
        { QStringLiteral("room"), j.room }, { QStringLiteral("invite"), j.invite },
        { QStringLiteral("name"), j.name } };
    if (!j.secret.isEmpty())
        o.insert(QStringLiteral("secret"), j.secret);
    if (!j.device.isEmpty())
        o.insert(QStringLiteral("device"), j.device);
    if (j.since >= 0)
        o.insert(QStringLiteral("since"), double(j.since));
    return encode(o);
}

QByteArray messageFrame(const QString &id, const QString &text)
{
    return encode(QJsonObject { { QStringLiteral("type"), QStringLiteral("message") },
        { QStringLiteral("id"), id }, { QStringLiteral("text"), text } });
}

QByteArray proposalFrame(const QString &id, const QJsonObject &proposal)
{
    return encode(QJsonObject { { QStringLiteral("type"), QStringLiteral("proposal") },
        { QStringLiteral("id"), id }, { QStringLiteral("proposal"), proposal } });
}

QByteArray historyRequestFrame(const HistoryRequest &r)
{
    QJsonObject o { { QStringLiteral("type"), QStringLiteral("history") },
        { QStringLiteral("limit"), r.limit } };
    if (r.before >= 0)
        o.insert(QStringLiteral("before"), double(r.before));
    else
        o.insert(QStringLiteral("after"), double(qMax<qint64>(0, r.after)));
    return encode(o);
}

QByteArray presenceRequestFrame(bool away)
{
    return encode(QJsonObject { { QStringLiteral("type"), QStringLiteral("presence") },
        { QStringLiteral("status"), away ? QStringLiteral("away") : QStringLiteral("online") } });
}

} // namespace kairos::room
