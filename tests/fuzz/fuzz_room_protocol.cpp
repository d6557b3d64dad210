// libFuzzer target: the room protocol's client-frame decoder, the server's WebSocket layer
// (handshake and frame reader), the invite-link parser, names and CAL-ADDRESS checks must
// never crash, hang or accept something invalid, whatever bytes arrive.
#include "core/caladdress.h"
#include "room/invitelink.h"
#include "room/protocol.h"
#include "room/wsframe.h"

#include <cstdint>
#include <cstdlib>

using namespace kairos::room;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const DecodeResult r = decodeClientFrame(bytes);
    if (r.ok) {
        // Invariants of an accepted frame.
        const ClientFrame &f = r.frame;
        if (f.type == ClientType::Message
            && (!isValidClientId(f.messageId) || f.text.isEmpty() || f.text.size() > kMaxTextChars))
            std::abort();
        if (f.type == ClientType::Join && f.join.version < 1)
            std::abort();
        if (f.type == ClientType::History
            && (f.history.limit < 1 || f.history.limit > kMaxHistoryPage))
            std::abort();
        // Re-encoding what was accepted stays decodable.
        if (f.type == ClientType::Message
            && !decodeClientFrame(messageFrame(f.messageId, f.text)).ok)
            std::abort();
    } else if (r.error.code.isEmpty()) {
        std::abort();
    }
    (void)InviteLink::parse(QString::fromUtf8(bytes));
    const QString text = QString::fromUtf8(bytes);
    (void)normalizedDisplayName(text);
    (void)nameKey(text);
    if (isValidCalAddress(text)
        && (text.contains(QLatin1Char('\r')) || text.contains(QLatin1Char('\n'))
            || text.contains(QLatin1Char(';')) || text.contains(QLatin1Char(':'))))
        std::abort();

    // The WebSocket layer: a handshake, then the same bytes as frames, whole and split at a
    // point chosen by the first byte; both readings must agree.
    const ws::Handshake h = ws::readHandshake(bytes, "kairos");
    if (h.state == ws::Handshake::State::Upgrade
        && (h.headerBytes <= 0 || h.headerBytes > bytes.size()
            || !h.response.startsWith("HTTP/1.1 101 ")))
        std::abort();
    if (h.state == ws::Handshake::State::Refuse && !h.response.startsWith("HTTP/1.1 4"))
        std::abort();
    ws::FrameReader whole(kHardFrameBytes, kHardFrameBytes);
    const QList<ws::FrameEvent> a = whole.feed(bytes);
    ws::FrameReader parts(kHardFrameBytes, kHardFrameBytes);
    const qsizetype cut = bytes.isEmpty() ? 0 : quint8(bytes[0]) % (bytes.size() + 1);
    QList<ws::FrameEvent> b = parts.feed(bytes.left(cut));
    b += parts.feed(bytes.mid(cut));
    if (a.size() != b.size())
        std::abort();
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].kind != b[i].kind || a[i].payload != b[i].payload || a[i].code != b[i].code)
            std::abort();
        if (a[i].kind == ws::FrameEvent::Kind::Text && !ws::isValidUtf8(a[i].payload))
            std::abort();
        if (a[i].payload.size() > kHardFrameBytes)
            std::abort();
    }
    return 0;
}
