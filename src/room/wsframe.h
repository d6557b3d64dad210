#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

//! \file The server side of RFC 6455 that kairos-server does itself instead of QWebSocket
//! (docs/protocol.md, "WebSocket layer"): the opening handshake and an incremental reader of
//! client frames. Both are pure (bytes in, results out) so that they can be tested and fuzzed
//! without sockets.
namespace kairos::room::ws {

//! Close codes (RFC 6455 §7.4.1).
enum CloseCode : quint16 {
    Normal = 1000,
    GoingAway = 1001,
    ProtocolError = 1002,
    InvalidData = 1007,
    PolicyViolated = 1008,
    TooBig = 1009,
};

//! The longest request header the handshake reads.
inline constexpr qsizetype kMaxHandshakeBytes = 8192;

struct Handshake {
    enum class State { Incomplete, Upgrade, Refuse };
    State state = State::Incomplete;
    qsizetype headerBytes = 0; //!< bytes of the request header (what follows is frames)
    QByteArray response; //!< 101 Switching Protocols, or an HTTP 4xx refusal
};

//! Reads an opening handshake from the start of `data`. Incomplete until the header's blank
//! line (or more than kMaxHandshakeBytes); then either the 101 response to send, or a 4xx one
//! (400 malformed, 405 not GET, 426 wrong version, 431 header too large) after which the
//! connection is closed. `serverName` goes into the Server header.
Handshake readHandshake(const QByteArray &data, const QByteArray &serverName);

//! What the reader found in the client's bytes.
struct FrameEvent {
    enum class Kind { Text, Binary, Ping, Pong, Close, Error };
    Kind kind = Kind::Text;
    QByteArray payload; //!< Text: a complete message, valid UTF-8; Ping/Pong: the payload
    quint16 code = 0; //!< Close: the peer's code (0: none); Error: the code to close with
    QString reason; //!< Close: the peer's reason; Error: what was wrong
};

//! An incremental reader of client frames (RFC 6455 §5): every frame must be masked (else
//! 1002), RSV bits clear, known opcodes, control frames unfragmented and ≤ 125 bytes; a frame
//! longer than maxFrameBytes or a message longer than maxMessageBytes is refused from its
//! header, before its payload is read (1009). A text message is checked as UTF-8 once it is
//! whole, so a character split between two fragments is fine (QWebSocket in Qt 6.4 refuses
//! that with 1007). After an Error the reader stops.
class FrameReader {
public:
    FrameReader(qsizetype maxFrameBytes, qsizetype maxMessageBytes);

    //! Appends `data` and returns what it completes.
    QList<FrameEvent> feed(const QByteArray &data);
    bool failed() const { return m_failed; }
    //! Bytes held: an unfinished frame plus an unfinished message.
    qsizetype buffered() const { return m_buffer.size() - m_at + m_message.size(); }

private:
    FrameEvent fail(quint16 code, const QString &reason);

    qsizetype m_maxFrame;
    qsizetype m_maxMessage;
    QByteArray m_buffer;
    qsizetype m_at = 0;
    QByteArray m_message; //!< the fragments so far of a fragmented message
    int m_messageOpcode = 0; //!< 0: no message in progress
    bool m_failed = false;
};

//! A server frame (unmasked, FIN) with `opcode` and `payload`.
QByteArray serverFrame(quint8 opcode, const QByteArray &payload);
//! A close frame with `code` and a reason (cut to fit a control frame).
QByteArray closeFrame(quint16 code, const QString &reason = {});
//! True when `bytes` is valid UTF-8 (no overlongs, surrogates or code points above U+10FFFF).
bool isValidUtf8(const QByteArray &bytes);

} // namespace kairos::room::ws
