#pragma once

#include "core/expected.h"
#include "room/memberlistmodel.h"
#include "room/messagelistmodel.h"
#include "room/outbox.h"
#include "room/secretstore.h"

#include <QObject>
#include <QSet>
#include <QSslCertificate>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

class QWebSocket;

namespace kairos::room {

//! \brief A member's connection to a room: joins, keeps the message and member models, keeps
//! an outbox of unacknowledged messages on disk (they survive restarts and are resent on every
//! reconnect; the server deduplicates by client id), catches up from the last seen message,
//! and reconnects with jittered exponential backoff. It watches the connection: after
//! pingAfterMs of silence it pings the server and gives the connection up (then reconnects)
//! when nothing comes back within pongTimeoutMs, likewise a connect or join that hangs. The
//! read marker (the highest `seq` the user has seen) is kept with the outbox, so unread counts
//! survive restarts: a new run catches up from it. Never blocks: everything is signals.
class RoomClient : public QObject {
    Q_OBJECT
public:
    enum class State {
        Idle, //!< not started, or stopped
        Connecting, //!< opening the WebSocket
        Joining, //!< sent join, waiting for welcome
        Online,
        Waiting, //!< disconnected, reconnect scheduled (secondsUntilReconnect())
        Failed, //!< refused for good (bad invite, name taken, ...): lastErrorCode()
    };
    Q_ENUM(State)

    struct Config {
        QUrl url; //!< ws:// or wss://
        QString room;
        QString invite;
        QString name;
        QString device;
        QString outboxPath; //!< SQLite file; empty: in memory (lost on exit)
        ISecretStore *secrets = nullptr; //!< not owned
        int backoffBaseMs = 1000;
        int backoffMaxMs = 60000;
        int offlineAfterFailures = 3;
        //! Separates this room's outbox entries and read marker from others in outboxPath;
        //! default "URL|ROOM|NAMEKEY". The embedded room (ephemeral port) passes a stable one.
        QString scope;
        //! Liveness (times from kairos::Clock): ping after this much silence while online...
        int pingAfterMs = 20000;
        //! ...and give the connection up when nothing at all arrives this long after the ping.
        int pongTimeoutMs = 10000;
        //! A connect + join that takes longer than this is given up (server accepted, then hung).
        int connectTimeoutMs = 15000;
        //! How often the above is checked; 0: no timer (tests call checkLiveness()).
        int livenessCheckMs = 1000;
        //! wss:// only: server certificates accepted even though no CA vouches for them or
        //! they name another host (the room this computer hosts with its own certificate).
        QList<QSslCertificate> trustedCertificates;
        //! Uniform [0,1) for the jitter; default QRandomGenerator.
        std::function<double()> random;
    };

    explicit RoomClient(Config config, QObject *parent = nullptr);
    ~RoomClient() override;

    //! Opens the outbox (loading unsent messages into the model). Call once before start().
    Expected<void> open();
    void start();
    void stop();
    //! Skips the remaining backoff (a "Retry now" button, tests).
    void reconnectNow();
    //! Pings a quiet server, gives up a connection that stopped answering (also run by a timer).
    void checkLiveness();
    //! A ping went out and nothing has come back yet.
    bool awaitingPong() const { return m_pingSentAt > 0; }

    //! Writes a message: to the outbox first, then to the server when online. Returns its id.
    Expected<QString> send(const QString &text);
    //! Posts a meeting proposal (docs/protocol.md, "proposal") through the outbox, like a
    //! message: the room stores it as a message of kind "proposal" whose text is the compact
    //! JSON of \a proposal. Returns its id.
    Expected<QString> sendProposal(const QJsonObject &proposal);
    //! Away (or back). Kept across reconnects: every new connection announces it again.
    void setAway(bool away);
    bool isAway() const { return m_away; }
    //! Publishes this member's free/busy snapshot (docs/protocol.md, `freebusy`); an empty
    //! object withdraws it. False when not online (nothing is queued: publish again on joined()).
    bool sendFreeBusy(const QJsonObject &snapshot);
    //! Asks for the page before the oldest loaded message.
    void loadOlder(int limit = kDefaultHistoryPage);
    bool hasOlder() const { return m_hasOlder; }
    //! Sends an `x-` frame (docs/protocol.md, extension rule): relayed by the server to the
    //! room's other connections with `from` set, not stored. False when not online or when
    //! \a frame's type does not start with "x-".
    bool sendExtension(const QJsonObject &frame);

    State state() const { return m_state; }
    //! Reconnecting for a while: the UI says "You are offline".
    bool isOffline() const;
    int secondsUntilReconnect() const;
    qint64 reconnectDelayMs() const { return m_lastDelayMs; }
    int failures() const { return m_failures; }
    QString lastErrorCode() const { return m_lastErrorCode; }
    QString lastErrorText() const { return m_lastErrorText; }
    QString selfName() const { return m_selfName; }
    const Config &config() const { return m_config; }
    int outboxSize() const;
    int unreadCount() const { return m_unread; }
    //! Everything loaded has been seen: unread count 0, read marker saved.
    void markAllRead();
    //! The highest seq the user has seen (-1: this member never joined this room).
    qint64 readSeq() const { return m_readSeq; }
    QString serverName() const { return m_serverName; }

    MessageListModel *messages() { return &m_messages; }
    MemberListModel *members() { return &m_members; }

    //! The jittered exponential delay before reconnect attempt `failures` (1-based).
    static qint64 backoffDelayMs(int failures, int baseMs, int maxMs, double random01);

Q_SIGNALS:
    void stateChanged(kairos::room::RoomClient::State state);
    void reconnectScheduled(qint64 delayMs);
    void joined();
    void messageReceived(const kairos::room::RoomMessage &message);
    void acknowledged(const QString &id, qint64 seq);
    void errorReceived(const QString &code, const QString &text);
    void unreadCountChanged(int count);
    void outboxChanged(int size);
    //! freebusy / proposal / x- frames, for the scheduling code.
    void extensionFrame(const QJsonObject &frame);

private:
    Expected<QString> enqueue(const QString &text, const QString &kind);
    static QByteArray outboxFrame(const Outbox::Entry &e);
    void setState(State s);
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void handleWelcome(const QJsonObject &o);
    void handleError(const QJsonObject &o);
    void scheduleReconnect();
    void flushOutbox();
    void sendFrame(const QByteArray &frame);
    QString secretKey() const;
    void takeMessage(const RoomMessage &m);
    void connectionDead(const char *why);
    void requestHistory(const HistoryRequest &h);
    void saveReadSeq(qint64 seq);

    Config m_config;
    std::unique_ptr<Outbox> m_outbox;
    QWebSocket *m_ws = nullptr;
    QTimer m_reconnectTimer;
    QTimer m_retryTimer;
    QTimer m_livenessTimer;
    qint64 m_lastRx = 0; //!< Clock ms of the last frame from the server (or of connecting)
    qint64 m_pingSentAt = 0; //!< 0: no ping outstanding
    qint64 m_attemptAt = 0; //!< Clock ms the current connect attempt started
    qint64 m_joinSince = -1; //!< `since` of the current join
    qint64 m_readSeq = -1;
    bool m_away = false;
    QList<bool> m_historyOlder; //!< outstanding history requests: true = an older page
    State m_state = State::Idle;
    bool m_started = false;
    int m_failures = 0;
    qint64 m_reconnectAt = 0;
    qint64 m_lastDelayMs = 0;
    QString m_secret;
    QString m_selfName;
    QString m_lastErrorCode;
    QString m_lastErrorText;
    QString m_serverName;
    QSet<QString> m_inFlight;
    qint64 m_lastSeq = 0;
    bool m_hasOlder = false;
    int m_unread = 0;
    MessageListModel m_messages;
    MemberListModel m_members;
};

} // namespace kairos::room
