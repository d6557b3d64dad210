#pragma once

#include "core/expected.h"

#include <QString>
#include <QUrl>

namespace kairos::room {

//! \brief `kairos://HOST:PORT/ROOM?invite=KEY[&tls=1]` (docs/protocol.md, "Invite links").
struct InviteLink {
    QString host;
    quint16 port = 0;
    QString room;
    QString invite;
    bool tls = false;

    QString toString() const;
    //! The WebSocket URL to connect to: ws://HOST:PORT/ or wss://HOST:PORT/.
    QUrl webSocketUrl() const;
    static Expected<InviteLink> parse(const QString &text);
};

} // namespace kairos::room
