#pragma once

#include "core/expected.h"
#include "room/invitelink.h"
#include "room/roomserver.h"

#include <memory>

namespace kairos::room {

//! \brief The room the desktop app hosts in-process when no room is configured: a RoomServer
//! on 127.0.0.1 (ephemeral port unless given) over `<dataDir>/rooms.sqlite`, with a default
//! room. join() is what a RoomClient needs to connect.
class EmbeddedRoom {
public:
    static Expected<std::unique_ptr<EmbeddedRoom>>
    start(const QString &dataDir, const QString &roomName = QStringLiteral("team"),
          const QHostAddress &address = QHostAddress(QHostAddress::LocalHost), quint16 port = 0,
          RoomServer::Options options = {});

    InviteLink join() const { return m_link; }
    RoomServer *server() const { return m_server.get(); }

private:
    EmbeddedRoom() = default;
    std::unique_ptr<RoomServer> m_server;
    InviteLink m_link;
};

} // namespace kairos::room
