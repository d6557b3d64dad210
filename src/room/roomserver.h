#pragma once

#include "core/expected.h"
#include "room/fanout.h"
#include "room/protocol.h"
#include "room/roomstore.h"

#include <QHostAddress>
#include <QObject>
#include <QSslConfiguration>

#include <memory>
#include <optional>

class QWebSocket;
class QWebSocketServer;
class QTimer;

namespace kairos::room {

//! \brief The room server: rooms, members, history and presence over QWebSocketServer.
//!
//! Every message is stored through RoomStore (in batches: everything that arrived in one pass
//! of the event loop is one transaction) before it is acknowledged and published through
//! FanOut. Every bad input gets an error frame (docs/protocol.md) and never affects other
//! connections. Time (rate limits, idle timeouts, timestamps) comes from kairos::Clock.
class RoomServer : public QObject {
    Q_OBJECT
public:
    struct Limits {
        qsizetype maxFrameBytes = kMaxFrameBytes;
        double ratePerSec = 20; //!< frames per second per connection; <= 0: unlimited
        int burst = 40;
        int maxRooms = 1000;
        int maxMembersPerRoom = 5000;
        int maxConnections = 10000;
        //! Connections (handshaking, joining or joined) from one address; <= 0: no limit.
        int maxConnectionsPerAddress = 200;
        //! A TCP connection without a complete WebSocket handshake after this is closed, and
        //! one that has not joined this long after its accept too (pings do not count).
        qint64 handshakeTimeoutMs = 10000;
        qint64 joinTimeoutMs = 30000;
        qint64 idleTimeoutMs = 60000;
        qint64 pingAfterMs = 25000;
        int sweepIntervalMs = 5000; //!< 0: no timer (tests call sweepIdle())
        //! Write budget of a joined connection: every write (reply, relay, history, welcome,
        //! snapshot burst) that would leave more than this queued closes the connection.
        qint64 maxBufferedBytes = 8 * 1024 * 1024;
        //! The same budget before `join` (pongs and errors only).
        qint64 maxPreJoinBufferedBytes = 64 * 1024;
        //! A history page (and the welcome's messages) holds at most this many bytes of
        //! messages (always at least one message); `more` says the rest.
        qsizetype maxPageBytes = 1024 * 1024;
        //! New members one address (not loopback) may create per hour, and one room may get
        //! per hour; <= 0: no limit.
        int newMembersPerAddressPerHour = 20;
        int newMembersPerRoomPerHour = 200;
        //! Stored freebusy snapshots of a room, all members together.
        qint64 maxSnapshotBytesPerRoom = 4 * 1024 * 1024;
        //! Per-member storage quota for messages and proposals: a bucket of this many bytes,
        //! refilled at memberQuotaBytesPerSec (<= 0: no quota).
        qint64 memberQuotaBytes = 4 * 1024 * 1024;
        double memberQuotaBytesPerSec = 4096;
    };
    struct Options {
        Limits limits;
        //! Sent to members in `welcome` (the handshake's Server header says only "kairos").
        QString serverName = QStringLiteral("kairos-server/0.1.0");
        std::optional<QSslConfiguration> tls;
    };

    RoomServer(std::unique_ptr<RoomStore> store, std::unique_ptr<FanOut> fanOut, Options options,
        QObject *parent = nullptr);
    ~RoomServer() override;

    //! SQLite store at `<dataDir>/rooms.sqlite` and the in-process fan-out.
    static Expected<std::unique_ptr<RoomServer>> create(const QString &dataDir, Options options);

    Expected<void> listen(const QHostAddress &address, quint16 port);
    void close();
    bool isListening() const;
    quint16 port() const;
    QHostAddress address() const;
    bool isSecure() const;

    //! Creates a room with a fresh invite key, or returns the existing one.
    Expected<RoomRecord> createRoom(const QString &name);

    //! Administration (kairos-server rotate-invite / remove-member / reset-secret). They
    //! change the store and, when this server has the room loaded, take effect at once: a
    //! removed member's connections are closed, a new invite or secret is needed for the next
    //! join.
    Expected<RoomRecord> rotateInvite(const QString &room);
    Expected<void> removeMember(const QString &room, const QString &name);
    //! Returns the member's new secret.
    Expected<QString> resetSecret(const QString &room, const QString &name);

    int connectionCount() const;
    const Limits &limits() const;
    void setLimits(const Limits &limits);
    //! Pings quiet members, closes idle ones and connections past their handshake or join
    //! deadline (also run by timers: deadlines every second, the rest every sweepIntervalMs).
    void sweepIdle();
    RoomStore *store() const;

Q_SIGNALS:
    void connectionCountChanged(int count);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace kairos::room
