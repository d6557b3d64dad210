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
        qint64 idleTimeoutMs = 60000;
        qint64 pingAfterMs = 25000;
        int sweepIntervalMs = 5000; //!< 0: no timer (tests call sweepIdle())
        qint64 maxBufferedBytes = 8 * 1024 * 1024; //!< slow consumer: disconnect above this
    };
    struct Options {
        Limits limits;
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

    int connectionCount() const;
    const Limits &limits() const;
    void setLimits(const Limits &limits);
    //! Pings quiet connections and closes idle ones (also run by a timer).
    void sweepIdle();
    RoomStore *store() const;

Q_SIGNALS:
    void connectionCountChanged(int count);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace kairos::room
