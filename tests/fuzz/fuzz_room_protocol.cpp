// libFuzzer target: the room protocol's client-frame decoder and the invite-link parser must
// never crash, hang or accept something invalid, whatever bytes arrive.
#include "room/invitelink.h"
#include "room/protocol.h"

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
        if (f.type == ClientType::Message && !decodeClientFrame(messageFrame(f.messageId, f.text)).ok)
            std::abort();
    } else if (r.error.code.isEmpty()) {
        std::abort();
    }
    (void)InviteLink::parse(QString::fromUtf8(bytes));
    (void)normalizedDisplayName(QString::fromUtf8(bytes));
    return 0;
}
