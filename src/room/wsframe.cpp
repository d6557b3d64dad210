#include "room/wsframe.h"

#include <QCryptographicHash>

namespace kairos::room::ws {

namespace {

QByteArray refusal(
    int status, const char *text, const QByteArray &serverName, const QByteArray &extraHeaders = {})
{
    const QByteArray body = QByteArray(text) + '\n';
    QByteArray r = "HTTP/1.1 " + QByteArray::number(status) + ' ';
    switch (status) {
    case 405:
        r += "Method Not Allowed";
        break;
    case 426:
        r += "Upgrade Required";
        break;
    case 431:
        r += "Request Header Fields Too Large";
        break;
    default:
        r += "Bad Request";
        break;
    }
    r += "\r\nServer: " + serverName + "\r\nConnection: close\r\nContent-Type: text/plain\r\n"
        + extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return r;
}

//! True when the comma-separated header value `list` holds `token` (case-insensitive).
bool hasToken(const QByteArray &list, const char *token)
{
    for (const QByteArray &t : list.split(','))
        if (t.trimmed().compare(token, Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

} // namespace

Handshake readHandshake(const QByteArray &data, const QByteArray &serverName)
{
    Handshake h;
    const qsizetype end = data.indexOf("\r\n\r\n");
    if (end < 0 || end + 4 > kMaxHandshakeBytes) {
        if (data.size() > kMaxHandshakeBytes || end >= 0) {
            h.state = Handshake::State::Refuse;
            h.response = refusal(431, "request header too large", serverName);
        }
        return h;
    }
    h.headerBytes = end + 4;
    h.state = Handshake::State::Refuse;
    const QList<QByteArray> lines = data.left(end).split('\n');
    const QList<QByteArray> request = lines.first().trimmed().split(' ');
    if (request.size() != 3 || !request.at(2).startsWith("HTTP/1.") || request.at(2) == "HTTP/1.0"
        || !request.at(1).startsWith('/')) {
        h.response = refusal(400, "not an HTTP/1.1 request", serverName);
        return h;
    }
    if (request.at(0) != "GET") {
        h.response = refusal(405, "a WebSocket handshake is a GET", serverName, "Allow: GET\r\n");
        return h;
    }
    QByteArray host, upgrade, connection, version, key;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).endsWith('\r') ? lines.at(i).chopped(1) : lines.at(i);
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            h.response = refusal(400, "malformed header line", serverName);
            return h;
        }
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "host")
            host = value;
        else if (name == "upgrade")
            upgrade = value;
        else if (name == "connection")
            connection = value;
        else if (name == "sec-websocket-version")
            version = value;
        else if (name == "sec-websocket-key")
            key = value;
    }
    if (host.isEmpty() || !hasToken(upgrade, "websocket") || !hasToken(connection, "upgrade")) {
        h.response = refusal(400, "not a WebSocket handshake", serverName);
        return h;
    }
    if (version != "13") {
        h.response = refusal(426, "WebSocket version 13 only", serverName,
            "Sec-WebSocket-Version: 13\r\nUpgrade: websocket\r\n");
        return h;
    }
    const auto decoded
        = QByteArray::fromBase64Encoding(key, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || decoded.decoded.size() != 16) {
        h.response = refusal(400, "bad Sec-WebSocket-Key", serverName);
        return h;
    }
    const QByteArray accept = QCryptographicHash::hash(
        QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"), QCryptographicHash::Sha1)
                                  .toBase64();
    h.state = Handshake::State::Upgrade;
    h.response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: "
                 "Upgrade\r\nSec-WebSocket-Accept: "
        + accept + "\r\nServer: " + serverName + "\r\n\r\n";
    return h;
}

FrameReader::FrameReader(qsizetype maxFrameBytes, qsizetype maxMessageBytes)
    : m_maxFrame(maxFrameBytes)
    , m_maxMessage(maxMessageBytes)
{ }

FrameEvent FrameReader::fail(quint16 code, const QString &reason)
{
    m_failed = true;
    m_buffer.clear();
    m_message.clear();
    m_at = 0;
    return FrameEvent { FrameEvent::Kind::Error, {}, code, reason };
}

QList<FrameEvent> FrameReader::feed(const QByteArray &data)
{
    QList<FrameEvent> out;
    if (m_failed)
        return out;
    m_buffer.append(data);
    for (;;) {
        const qsizetype avail = m_buffer.size() - m_at;
        if (avail < 2)
            break;
        const auto *p = reinterpret_cast<const quint8 *>(m_buffer.constData()) + m_at;
        const bool fin = p[0] & 0x80;
        const int opcode = p[0] & 0x0F;
        const bool control = opcode & 0x08;
        const quint64 len7 = p[1] & 0x7F;
        if (p[0] & 0x70) {
            out.append(fail(ProtocolError, QStringLiteral("reserved bits set")));
            return out;
        }
        if (opcode != 0x0 && opcode != 0x1 && opcode != 0x2 && opcode != 0x8 && opcode != 0x9
            && opcode != 0xA) {
            out.append(fail(ProtocolError, QStringLiteral("unknown opcode")));
            return out;
        }
        if (!(p[1] & 0x80)) {
            out.append(fail(ProtocolError, QStringLiteral("client frames must be masked")));
            return out;
        }
        if (control && (!fin || len7 > 125)) {
            out.append(fail(ProtocolError,
                QStringLiteral("control frames are unfragmented, at most 125 bytes")));
            return out;
        }
        const int lengthBytes = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
        if (avail < 2 + lengthBytes)
            break;
        quint64 len = len7;
        if (lengthBytes > 0) {
            len = 0;
            for (int i = 0; i < lengthBytes; ++i)
                len = (len << 8) | p[2 + i];
            if (len >> 63) {
                out.append(fail(ProtocolError, QStringLiteral("bad payload length")));
                return out;
            }
        }
        if (len > quint64(m_maxFrame)) {
            out.append(fail(TooBig, QStringLiteral("frame larger than the limit")));
            return out;
        }
        if (!control) {
            if (opcode == 0 && m_messageOpcode == 0) {
                out.append(fail(ProtocolError, QStringLiteral("continuation without a message")));
                return out;
            }
            if (opcode != 0 && m_messageOpcode != 0) {
                out.append(
                    fail(ProtocolError, QStringLiteral("a new message inside a fragmented one")));
                return out;
            }
            if (quint64(opcode == 0 ? m_message.size() : 0) + len > quint64(m_maxMessage)) {
                out.append(fail(TooBig, QStringLiteral("message larger than the limit")));
                return out;
            }
        }
        const qsizetype header = 2 + lengthBytes + 4;
        if (quint64(avail) < quint64(header) + len)
            break;
        const quint8 *mask = p + 2 + lengthBytes;
        QByteArray payload(qsizetype(len), Qt::Uninitialized);
        for (qsizetype i = 0; i < qsizetype(len); ++i)
            payload[i] = char(p[header + i] ^ mask[i % 4]);
        m_at += header + qsizetype(len);

        if (opcode == 0x8) {
            if (payload.size() == 1) {
                out.append(fail(ProtocolError, QStringLiteral("close payload of one byte")));
                return out;
            }
            FrameEvent e { FrameEvent::Kind::Close, {}, 0, {} };
            if (payload.size() >= 2) {
                e.code = quint16((quint8(payload[0]) << 8) | quint8(payload[1]));
                const bool known = (e.code >= 1000 && e.code <= 1003)
                    || (e.code >= 1007 && e.code <= 1011) || (e.code >= 3000 && e.code <= 4999);
                if (!known) {
                    out.append(fail(ProtocolError, QStringLiteral("invalid close code")));
                    return out;
                }
                const QByteArray reason = payload.mid(2);
                if (!isValidUtf8(reason)) {
                    out.append(fail(InvalidData, QStringLiteral("close reason is not UTF-8")));
                    return out;
                }
                e.reason = QString::fromUtf8(reason);
            }
            out.append(e);
            m_failed = true; // nothing is read after a close
            return out;
        }
        if (opcode == 0x9 || opcode == 0xA) {
            out.append(FrameEvent {
                opcode == 0x9 ? FrameEvent::Kind::Ping : FrameEvent::Kind::Pong, payload, 0, {} });
            continue;
        }
        int messageOpcode = opcode;
        QByteArray message;
        if (opcode == 0) {
            messageOpcode = m_messageOpcode;
            m_message.append(payload);
            if (fin)
                message = std::exchange(m_message, {});
        } else if (fin) {
            message = std::move(payload);
        } else {
            m_message = std::move(payload);
        }
        if (!fin) {
            m_messageOpcode = messageOpcode;
            continue;
        }
        m_messageOpcode = 0;
        if (messageOpcode == 0x1) {
            if (!isValidUtf8(message)) {
                out.append(fail(InvalidData, QStringLiteral("text message is not UTF-8")));
                return out;
            }
            out.append(FrameEvent { FrameEvent::Kind::Text, std::move(message), 0, {} });
        } else {
            out.append(FrameEvent { FrameEvent::Kind::Binary, std::move(message), 0, {} });
        }
    }
    if (m_at == m_buffer.size()) {
        m_buffer.clear();
        m_at = 0;
    } else if (m_at > 65536) {
        m_buffer.remove(0, m_at);
        m_at = 0;
    }
    return out;
}

QByteArray serverFrame(quint8 opcode, const QByteArray &payload)
{
    const quint64 n = quint64(payload.size());
    QByteArray wire;
    wire.reserve(payload.size() + 10);
    wire.append(char(0x80 | opcode));
    if (n < 126) {
        wire.append(char(n));
    } else if (n <= 0xFFFF) {
        wire.append(char(126));
        wire.append(char(n >> 8));
        wire.append(char(n & 0xFF));
    } else {
        wire.append(char(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            wire.append(char((n >> shift) & 0xFF));
    }
    wire.append(payload);
    return wire;
}

QByteArray closeFrame(quint16 code, const QString &reason)
{
    QByteArray payload;
    payload.append(char(code >> 8));
    payload.append(char(code & 0xFF));
    QByteArray r = reason.toUtf8();
    if (r.size() > 123) {
        r.truncate(123);
        while (!r.isEmpty() && !isValidUtf8(r))
            r.chop(1);
    }
    payload.append(r);
    return serverFrame(0x8, payload);
}

bool isValidUtf8(const QByteArray &bytes)
{
    const auto *s = reinterpret_cast<const quint8 *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const quint8 c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int more = 0;
        quint32 cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            more = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            more = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            more = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (i + more >= n)
            return false;
        for (int k = 1; k <= more; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((more == 2 && cp < 0x800) || (more == 3 && cp < 0x10000) || cp > 0x10FFFF
            || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += more + 1;
    }
    return true;
}

} // namespace kairos::room::ws
