#include "room/embeddedroom.h"

namespace kairos::room {

Expected<std::unique_ptr<EmbeddedRoom>> EmbeddedRoom::start(const QString &dataDir,
                                                            const QString &roomName,
                                                            const QHostAddress &address,
                                                            quint16 port,
                                                            RoomServer::Options options)
{
    const bool tls = options.tls.has_value();
    auto server = RoomServer::create(dataDir, std::move(options));
    if (!server)
        return server.error();
    auto room = (*server)->createRoom(roomName);
    if (!room)
        return room.error();
    if (auto l = (*server)->listen(address, port); !l)
        return l.error();
    std::unique_ptr<EmbeddedRoom> e(new EmbeddedRoom);
    e->m_server = std::move(*server);
    e->m_link.host = address == QHostAddress(QHostAddress::LocalHost)
            ? QStringLiteral("127.0.0.1")
            : address.toString();
    e->m_link.port = e->m_server->port();
    e->m_link.room = room->name;
    e->m_link.invite = room->invite;
    e->m_link.tls = tls;
    return e;
}

} // namespace kairos::room
