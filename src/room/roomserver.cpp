#include "room/roomserver.h"

#include "core/caladdress.h"
#include "core/clock.h"
#include "core/logging.h"
#include "core/platform.h"
#include "room/wsframe.h"

#include <algorithm>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>

#if KAIROS_PLATFORM_POSIX
#include <cerrno>
#include <sys/socket.h>
#endif

namespace kairos::room {

namespace {

QString L(const char *s)
{
    return QString::fromLatin1(s);
}

QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(b.data()), n / 4);
    return b;
}

QString randomToken(int bytes)
{
    return QString::fromLatin1(randomBytes(bytes).toBase64(
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QByteArray hashSecret(const QByteArray &salt, const QString &secret)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(salt);
    h.addData(secret.toUtf8());
    return h.result();
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ b[i]);
    return diff == 0;
}

//! The Server header of the handshake: no version (that is in `welcome`, for members).
constexpr char kPublicServerName[] = "kairos";
//! Connections accepted beyond Limits::maxConnections, so that the ones over the limit are told
//! `server_full` after their handshake instead of being cut off.
constexpr int kHandshakeSlack = 64;

qint64 nowMs()
{
    return Clock::instance().currentMSecsSinceEpoch();
}

struct LiveRoom;

//! An unmasked, unfragmented WebSocket text frame (RFC 6455 §5.2) around `payload`: what a
//! server sends. Built once per relayed message and handed to every recipient as it is.
QByteArray textFrame(const QByteArray &payload)
{
    const quint64 n = quint64(payload.size());
    QByteArray wire;
    wire.reserve(payload.size() + 10);
    wire.append(char(0x81)); // FIN + text
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

//! A token bucket (rates of new members, storage quotas).
struct Bucket {
    double tokens = -1; //!< < 0: full (not used yet)
    qint64 last = 0;

    //! Takes `n` tokens from a bucket of `capacity` refilled at `perSec`; false when there are
    //! not enough (nothing is taken then).
    bool take(double n, double capacity, double perSec, qint64 now)
    {
        if (tokens < 0) {
            tokens = capacity;
            last = now;
        }
        if (now > last) {
            tokens = qMin(capacity, tokens + double(now - last) * perSec / 1000.0);
            last = now;
        }
        if (tokens < n)
            return false;
        tokens -= n;
        return true;
    }
    //! Milliseconds until `n` tokens are there.
    int waitMs(double n, double perSec) const
    {
        return perSec > 0 ? int(std::ceil(qMax(0.0, n - tokens) * 1000.0 / perSec)) : 1000;
    }
};

struct Conn {
    quint64 id = 0;
    QString address; //!< the peer's address (per-address limits)
    bool loopback = false;
    //! The connection's TCP (or TLS) socket; the server speaks WebSocket on it itself
    //! (room/wsframe.h).
    QPointer<QTcpSocket> tcp;
    bool upgraded = false; //!< the WebSocket handshake is done
    QByteArray handshake; //!< the request header so far
    ws::FrameReader reader { kHardFrameBytes, kHardFrameBytes };
    qint64 acceptedAt = 0;
    qint64 closingAt = 0;
    //! Plain TCP: frames may go straight to the descriptor when nothing is queued.
    bool direct = false;
    LiveRoom *room = nullptr;
    QString memberKey;
    QString name;
    qint64 memberId = 0;
    bool away = false;
    bool closing = false;
    bool pinged = false;
    qint64 lastRx = 0;
    double tokens = 0;
    qint64 lastRefill = 0;
};

struct LiveMember {
    MemberRecord rec;
    int devices = 0;
    int away = 0;
    bool calendar = false;
    Bucket quota; //!< bytes of messages this member may still store

    QString status() const
    {
        if (devices == 0)
            return QStringLiteral("offline");
        return away >= devices ? QStringLiteral("away") : QStringLiteral("online");
    }
    MemberInfo info() const { return MemberInfo { rec.name, status(), devices, calendar }; }
};

struct Relayed {
    QByteArray wire; //!< a complete WebSocket frame
    quint64 origin = 0; //!< the connection that sent it (gets no copy)
};

struct LiveRoom {
    RoomRecord rec;
    QList<Relayed> queued; //!< frames of the batch being fanned out (RoomServer::sendQueued)
    QHash<QString, LiveMember> members; // by name key
    QHash<qint64, QString> keyById;
    QHash<quint64, Conn *> conns;
    Bucket newMembers;
    QHash<qint64, qsizetype> snapshotBytes; //!< stored snapshot size by member id
    QHash<QString, qint64> proposalOwners; //!< member id by proposal uid (a cache of the store)
    qint64 snapshotTotal = 0;
};

//! Drops messages from the front (`keepNewest`) or the back until the encoded messages fit in
//! `maxBytes`, keeping at least one. True when it dropped some.
bool trimToBytes(QList<RoomMessage> *list, bool keepNewest, qsizetype maxBytes)
{
    qsizetype total = 0;
    qsizetype keep = 0;
    for (qsizetype i = 0; i < list->size(); ++i) {
        const RoomMessage &m = keepNewest ? list->at(list->size() - 1 - i) : list->at(i);
        total += relayedMessageFrame(m).size() + 1;
        if (keep > 0 && total > maxBytes)
            break;
        ++keep;
    }
    if (keep == list->size())
        return false;
    if (keepNewest)
        list->remove(0, list->size() - keep);
    else
        list->resize(keep);
    return true;
}

struct Pending {
    quint64 connId = 0;
    AppendRequest request;
    QString roomName;
};

} // namespace

struct RoomServer::Private {
    RoomServer *q = nullptr;
    std::unique_ptr<RoomStore> store;
    std::unique_ptr<FanOut> fanOut;
    Options options;
    //! Accepts TCP (or, with TLS, finished TLS handshakes) and sets TCP_NODELAY; the
    //! WebSocket handshake and frames are done here (room/wsframe.h).
    std::unique_ptr<QTcpServer> listener;
    QTimer sweepTimer;
    QTimer deadlineTimer; //!< handshake / join deadlines, every second
    //! Every accepted connection, from its TCP accept on (handshake, join, member).
    QHash<quint64, Conn *> conns;
    QHash<QString, int> connsByAddress;
    QHash<QString, LiveRoom *> rooms;
    quint64 nextId = 1;
    QList<Pending> pending;
    bool flushScheduled = false;
    bool writing = false; //!< a batch is being stored
    //! While a stored batch is fanned out: relayed frames wait in their room's `queued` and
    //! sendQueued() writes them together.
    bool coalescing = false;
    QList<LiveRoom *> queuedRooms;
    //! New members created from each address (Limits::newMembersPerAddressPerHour).
    QHash<QString, Bucket> newMembersByAddress;

    ~Private()
    {
        for (Conn *c : std::as_const(conns)) {
            if (QTcpSocket *tcp = c->tcp.data()) {
                tcp->disconnect();
                tcp->abort();
                delete tcp;
            }
            delete c;
        }
        qDeleteAll(rooms);
    }

    const Limits &limits() const { return options.limits; }

    void send(Conn *c, const QByteArray &frame)
    {
        const QByteArray wire = textFrame(frame);
        if (reserve(c, wire.size()))
            writeWire(c, wire);
    }

    //! The one write budget every write path goes through: false for a closing connection, and
    //! for one that would have more than its budget queued after writing `bytes` (it has
    //! stopped reading, or asks for more than it reads): that one is closed, so that no client
    //! can make the server hold its frames without bound. A write into an empty queue always
    //! goes (a welcome or a history page may be larger than a small budget). Before `join` the
    //! budget is far smaller. The close is queued: nothing is closed or deleted from inside a
    //! write.
    bool reserve(Conn *c, qsizetype bytes)
    {
        if (c->closing)
            return false;
        const qint64 queued = c->tcp ? c->tcp->bytesToWrite() : 0;
        const qint64 budget
            = c->room ? limits().maxBufferedBytes : limits().maxPreJoinBufferedBytes;
        if (queued > 0 && queued + bytes > budget) {
            qCWarning(lcChat) << "connection" << c->id << "is not reading (" << queued
                              << "bytes queued); closing it";
            abortLater(c);
            return false;
        }
        return true;
    }

    //! Marks `c` closing and aborts its socket on the next turn of the event loop.
    void abortLater(Conn *c)
    {
        markClosing(c);
        if (c->tcp)
            QMetaObject::invokeMethod(c->tcp.data(), &QAbstractSocket::abort, Qt::QueuedConnection);
    }

    void markClosing(Conn *c)
    {
        if (!c->closing) {
            c->closing = true;
            c->closingAt = nowMs();
        }
    }

    //! Marks `c` closing and closes it (close frame with `reason`) on the next turn of the
    //! event loop, after what was written before.
    void closeLater(Conn *c, ws::CloseCode code, const QString &reason = {})
    {
        markClosing(c);
        QTcpSocket *tcp = c->tcp.data();
        if (!tcp)
            return;
        QMetaObject::invokeMethod(
            tcp,
            [tcp, code, reason]() {
                tcp->write(ws::closeFrame(code, reason));
                tcp->disconnectFromHost();
            },
            Qt::QueuedConnection);
    }

    //! Writes a complete WebSocket frame. On plain TCP with nothing queued it goes straight to
    //! the socket: no copy into Qt's write buffer, no write-notifier round trip through the event
    //! loop, no signals, which was most of the server's cost per recipient when fanning a
    //! message out to a thousand connections. Whatever the kernel does not take is queued in
    //! QTcpSocket behind it, so bytes keep their order with the frames written through it
    //! (handshake, close).
    void writeWire(Conn *c, const QByteArray &wire)
    {
        QTcpSocket *tcp = c->tcp.data();
        if (!tcp)
            return; // deleted: the connection is being dropped
#if KAIROS_PLATFORM_POSIX // elsewhere (Windows): QTcpSocket::write below
        if (c->direct && tcp->bytesToWrite() == 0
            && tcp->state() == QAbstractSocket::ConnectedState) {
#ifdef MSG_NOSIGNAL
            constexpr int flags = MSG_DONTWAIT | MSG_NOSIGNAL;
#else
            // Qt sets SO_NOSIGPIPE where there is no MSG_NOSIGNAL.
            constexpr int flags = MSG_DONTWAIT;
#endif
            qsizetype done = 0;
            while (done < wire.size()) {
                const auto n = ::send(int(tcp->socketDescriptor()), wire.constData() + done,
                    size_t(wire.size() - done), flags);
                if (n > 0) {
                    done += n;
                    continue;
                }
                if (n < 0 && errno == EINTR)
                    continue;
                if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
                    return; // broken connection: the socket reports it on its next read
                break;
            }
            if (done < wire.size())
                tcp->write(wire.constData() + done, wire.size() - done);
            return;
        }
#endif
        tcp->write(wire);
    }

    void sendError(
        Conn *c, const char *code, const QString &text, const QString &ref = {}, int retryMs = -1)
    {
        const QString cs = L(code);
        send(c, errorFrame(cs, text, ref, retryMs));
        if (isFatalCode(cs) && !c->closing) {
            qCInfo(lcChat) << "closing connection" << c->id << "after" << cs;
            closeLater(c, ws::PolicyViolated, cs);
        }
    }

    //! New TCP (or TLS) connections: each is a Conn from here on, counted against the
    //! connection limits and given the handshake deadline.
    void acceptTcp()
    {
        while (listener->hasPendingConnections()) {
            QTcpSocket *socket = listener->nextPendingConnection();
            if (!socket)
                break;
            const QHostAddress peer = socket->peerAddress();
            const QString address = peer.toString();
            const int perAddress = limits().maxConnectionsPerAddress;
            if ((perAddress > 0 && connsByAddress.value(address) >= perAddress)
                || conns.size() >= limits().maxConnections + kHandshakeSlack) {
                qCInfo(lcChat) << "refusing a connection from" << address << "(too many)";
                socket->abort();
                socket->deleteLater();
                continue;
            }
            // Frames are small and latency matters: no Nagle delay (ws and most WebSocket
            // servers do the same). Without it a frame can wait ~40 ms for the peer's
            // delayed ACK.
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            auto *c = new Conn;
            c->id = nextId++;
            c->tcp = socket;
            c->address = address;
            c->loopback = peer.isLoopback();
            c->direct = !qobject_cast<QSslSocket *>(socket);
            c->acceptedAt = nowMs();
            c->lastRx = c->acceptedAt;
            c->lastRefill = c->acceptedAt;
            c->tokens = limits().burst;
            conns.insert(c->id, c);
            connsByAddress[address] += 1;
            const quint64 id = c->id;
            QObject::connect(socket, &QIODevice::readyRead, q, [this, id]() { onReadable(id); });
            // Queued: a socket can report its disconnection from inside abort() or a write,
            // which may run while a sweep or a fan-out walks the connections; a connection is
            // only ever forgotten and deleted on a later turn of the event loop.
            QObject::connect(
                socket, &QAbstractSocket::disconnected, q, [this, id]() { drop(id); },
                Qt::QueuedConnection);
            // Until then nothing more is written to it (no writes into a closed socket while a
            // fan-out still reaches it); marking it is all that happens synchronously.
            QObject::connect(socket, &QAbstractSocket::disconnected, q, [this, id]() {
                if (Conn *gone = conns.value(id))
                    markClosing(gone);
            });
            if (socket->bytesAvailable() > 0)
                onReadable(id);
        }
    }

    void onReadable(quint64 id)
    {
        Conn *c = conns.value(id);
        if (!c || !c->tcp)
            return;
        const QByteArray data = c->tcp->readAll();
        if (c->closing)
            return; // what a closing connection sends is not read
        if (!c->upgraded)
            return handshake(c, data);
        receive(c, data);
    }

    void handshake(Conn *c, const QByteArray &data)
    {
        c->handshake += data;
        const ws::Handshake h = ws::readHandshake(c->handshake, kPublicServerName);
        if (h.state == ws::Handshake::State::Incomplete)
            return;
        c->tcp->write(h.response);
        if (h.state == ws::Handshake::State::Refuse) {
            qCInfo(lcChat) << "refused a WebSocket handshake from" << c->address << ":"
                           << h.response.left(h.response.indexOf('\r'));
            markClosing(c);
            QTcpSocket *tcp = c->tcp.data();
            QMetaObject::invokeMethod(
                tcp, [tcp]() { tcp->disconnectFromHost(); }, Qt::QueuedConnection);
            return;
        }
        c->upgraded = true;
        const QByteArray rest = c->handshake.mid(h.headerBytes);
        c->handshake = QByteArray();
        int members = 0;
        for (const Conn *o : std::as_const(conns))
            members += o->upgraded ? 1 : 0;
        if (members > limits().maxConnections)
            return sendError(c, code::ServerFull, QStringLiteral("too many connections"));
        Q_EMIT q->connectionCountChanged(int(conns.size()));
        if (!rest.isEmpty())
            receive(c, rest);
    }

    //! Client frames (room/wsframe.h): text messages go to onText, pings are answered, a
    //! close is answered and closes, a protocol error closes with its code.
    void receive(Conn *c, const QByteArray &data)
    {
        const QList<ws::FrameEvent> events = c->reader.feed(data);
        for (const ws::FrameEvent &e : events) {
            if (c->closing)
                return;
            switch (e.kind) {
            case ws::FrameEvent::Kind::Text:
                onText(c, e.payload);
                break;
            case ws::FrameEvent::Kind::Binary:
                onBinary(c);
                break;
            case ws::FrameEvent::Kind::Ping: {
                if (c->room)
                    c->lastRx = nowMs();
                const QByteArray pong = ws::serverFrame(0xA, e.payload);
                if (reserve(c, pong.size()))
                    writeWire(c, pong);
                break;
            }
            case ws::FrameEvent::Kind::Pong:
                if (c->room) {
                    c->lastRx = nowMs();
                    c->pinged = false;
                }
                break;
            case ws::FrameEvent::Kind::Close:
                closeLater(c, e.code ? ws::CloseCode(e.code) : ws::Normal);
                return;
            case ws::FrameEvent::Kind::Error:
                qCInfo(lcChat) << "closing connection" << c->id << "with" << e.code << ":"
                               << e.reason;
                closeLater(c, ws::CloseCode(e.code), e.reason);
                return;
            }
        }
    }

    //! Closes connections that have not finished the WebSocket handshake within
    //! Limits::handshakeTimeoutMs, or not joined within Limits::joinTimeoutMs of their accept,
    //! and aborts those that have been closing for longer than the handshake timeout (a close
    //! waits for queued bytes, which a peer that does not read never takes).
    void checkDeadlines()
    {
        const qint64 now = nowMs();
        const auto ids = conns.keys();
        for (const quint64 id : ids) {
            Conn *c = conns.value(id);
            if (!c)
                continue;
            if (c->closing) {
                if (now - c->closingAt >= limits().handshakeTimeoutMs)
                    abortLater(c);
            } else if (c->room) {
                continue;
            } else if (!c->upgraded && now - c->acceptedAt >= limits().handshakeTimeoutMs) {
                qCInfo(lcChat) << "connection" << c->id << "from" << c->address
                               << "did not finish its handshake in time";
                abortLater(c);
            } else if (c->upgraded && now - c->acceptedAt >= limits().joinTimeoutMs) {
                sendError(c, code::IdleTimeout, QStringLiteral("no join in time; closing"));
            }
        }
    }

    void drop(quint64 id)
    {
        Conn *c = conns.take(id);
        if (!c)
            return;
        if (auto it = connsByAddress.find(c->address); it != connsByAddress.end() && --*it <= 0)
            connsByAddress.erase(it);
        if (QTcpSocket *tcp = c->tcp.data()) {
            tcp->disconnect(q);
            tcp->deleteLater();
        }
        if (LiveRoom *r = c->room) {
            r->conns.remove(c->id);
            auto it = r->members.find(c->memberKey);
            if (it != r->members.end()) {
                const QString before = it->status();
                it->devices = qMax(0, it->devices - 1);
                if (c->away)
                    it->away = qMax(0, it->away - 1);
                publishPresence(r, *it, c->id, before);
            }
        }
        delete c;
        Q_EMIT q->connectionCountChanged(int(conns.size()));
    }

    void publishPresence(LiveRoom *r, const LiveMember &m, quint64 origin, const QString &before)
    {
        Q_UNUSED(before)
        fanOut->publish(r->rec.name, presenceFrame(m.info()), origin);
    }

    bool takeToken(Conn *c)
    {
        const Limits &l = limits();
        if (l.ratePerSec <= 0)
            return true;
        const qint64 now = nowMs();
        if (now > c->lastRefill) {
            c->tokens
                = qMin<double>(l.burst, c->tokens + (now - c->lastRefill) * l.ratePerSec / 1000.0);
            c->lastRefill = now;
        }
        if (c->tokens >= 1.0) {
            c->tokens -= 1.0;
            return true;
        }
        return false;
    }

    //! Activity (idle timeout) counts only for members: before `join` a connection has its
    //! join deadline whatever it sends.
    void touch(Conn *c)
    {
        if (c->room) {
            c->lastRx = nowMs();
            c->pinged = false;
        }
    }

    void onBinary(Conn *c)
    {
        touch(c);
        if (!takeToken(c))
            return rateLimited(c, {});
        sendError(c, code::BinaryFrame, QStringLiteral("binary frames are not supported"));
    }

    //! Every refused frame is answered, with its `ref` (message id, or type) when it has one,
    //! so that a client knows which ones to send again. The write budget bounds what a client
    //! that floods and does not read can cost.
    void rateLimited(Conn *c, const QByteArray &utf8)
    {
        QString ref;
        if (!utf8.isEmpty() && utf8.size() <= limits().maxFrameBytes) {
            const DecodeResult r = decodeClientFrame(utf8);
            ref = !r.ok                        ? r.error.ref
                : !r.frame.messageId.isEmpty() ? r.frame.messageId
                                               : r.frame.typeName;
        }
        const int retry = int(std::ceil(1000.0 / qMax(0.001, limits().ratePerSec)));
        sendError(c, code::RateLimited, QStringLiteral("too many frames; slow down"), ref, retry);
    }

    void onText(Conn *c, const QByteArray &utf8)
    {
        if (c->closing)
            return;
        touch(c);
        if (!takeToken(c))
            return rateLimited(c, utf8);
        if (utf8.size() > limits().maxFrameBytes)
            return sendError(c, code::TooLarge, QStringLiteral("frame larger than the limit"));
        const DecodeResult r = decodeClientFrame(utf8);
        if (!r.ok) {
            const QByteArray c8 = r.error.code.toLatin1();
            return sendError(c, c8.constData(), r.error.text, r.error.ref);
        }
        const ClientFrame &f = r.frame;
        if (f.type == ClientType::Ping)
            return send(c, pongFrame(f.object.value(QLatin1String("t"))));
        if (f.type == ClientType::Join)
            return join(c, f.join);
        if (!c->room)
            return sendError(c, code::NotJoined, QStringLiteral("join first"), f.typeName);
        switch (f.type) {
        case ClientType::Message:
            return enqueue(c, f.messageId, f.text);
        case ClientType::History:
            return history(c, f.history);
        case ClientType::Presence:
            return presence(c, f.away);
        case ClientType::FreeBusy:
            return freeBusy(c, f.object);
        case ClientType::Proposal:
            return proposal(c, f);
        case ClientType::Extension: {
            QJsonObject o = f.object;
            o.insert(QStringLiteral("from"), c->name);
            fanOut->publish(c->room->rec.name, encode(o), c->id);
            return;
        }
        case ClientType::Pong:
        case ClientType::Ping:
        case ClientType::Join:
            return;
        }
    }

    LiveRoom *liveRoom(const QString &name, Error *error)
    {
        if (LiveRoom *r = rooms.value(name))
            return r;
        if (!isValidRoomName(name))
            return nullptr;
        auto rec = store->findRoom(name);
        if (!rec) {
            *error = rec.error();
            return nullptr;
        }
        if (!rec->has_value())
            return nullptr;
        auto members = store->members((*rec)->id);
        if (!members) {
            *error = members.error();
            return nullptr;
        }
        auto fb = store->freeBusy((*rec)->id);
        auto *r = new LiveRoom;
        r->rec = **rec;
        for (const MemberRecord &m : std::as_const(*members)) {
            LiveMember lm;
            lm.rec = m;
            lm.calendar = fb && fb->contains(m.id);
            if (lm.calendar) {
                r->snapshotBytes.insert(m.id, fb->value(m.id).size());
                r->snapshotTotal += fb->value(m.id).size();
            }
            // Keyed by today's nameKey(), not the stored key: the key's folding may have grown
            // since the member was added.
            const QString key = nameKey(m.name);
            lm.rec.key = key;
            r->members.insert(key, lm);
            r->keyById.insert(m.id, key);
        }
        rooms.insert(name, r);
        fanOut->subscribe(name,
            [this, r](const QByteArray &frame, quint64 origin) { deliver(r, frame, origin); });
        return r;
    }

    void deliver(LiveRoom *r, const QByteArray &frame, quint64 origin)
    {
        if (coalescing) {
            if (r->queued.isEmpty())
                queuedRooms.append(r);
            r->queued.append(Relayed { textFrame(frame), origin });
            return;
        }
        relay(r, { Relayed { textFrame(frame), origin } });
    }

    //! Sends `frames` to the room: one write per recipient holding every frame except the
    //! recipient's own. For a stored batch (sendQueued) this shortens the fan-out by as many
    //! writes as there were messages, which is where the server's time goes with a thousand
    //! recipients.
    void relay(LiveRoom *r, const QList<Relayed> &frames)
    {
        QByteArray all;
        for (const Relayed &f : frames)
            all += f.wire; // one frame: shared, not copied
        for (Conn *c : std::as_const(r->conns)) {
            const bool sentSome = std::any_of(frames.cbegin(), frames.cend(),
                [c](const Relayed &f) { return f.origin == c->id; });
            QByteArray others;
            if (sentSome) {
                for (const Relayed &f : frames)
                    if (f.origin != c->id)
                        others += f.wire;
            }
            const QByteArray &bytes = sentSome ? others : all;
            if (!bytes.isEmpty() && reserve(c, bytes.size()))
                writeWire(c, bytes);
        }
    }

    //! Relays what the stored batch queued, room by room.
    void sendQueued()
    {
        for (LiveRoom *r : std::exchange(queuedRooms, {}))
            relay(r, std::exchange(r->queued, {}));
    }

    void join(Conn *c, const JoinRequest &j)
    {
        if (c->room)
            return sendError(c, code::AlreadyJoined, QStringLiteral("already joined"));
        Error err { Error::Code::Internal, {} };
        LiveRoom *r = liveRoom(j.room, &err);
        if (!r) {
            if (!err.message.isEmpty()) {
                qCWarning(lcChat) << "room lookup failed:" << err.message;
                return sendError(c, code::Storage, QStringLiteral("storage unavailable"));
            }
            // Answered like a wrong invite, after the same comparison, so that a client without
            // the invite cannot tell which room names exist (L6).
            static const QByteArray dummy = randomToken(16).toUtf8();
            (void)constantTimeEquals(j.invite.toUtf8(), dummy);
            return sendError(c, code::BadInvite, QStringLiteral("wrong invite key"));
        }
        if (!constantTimeEquals(j.invite.toUtf8(), r->rec.invite.toUtf8()))
            return sendError(c, code::BadInvite, QStringLiteral("wrong invite key"));
        const QString display = normalizedDisplayName(j.name);
        if (display.isEmpty())
            return sendError(c, code::BadName,
                QStringLiteral("a name needs 1-40 characters, no control characters"));
        const QString key = nameKey(display);
        QString issued;
        auto it = r->members.find(key);
        if (it != r->members.end()) {
            if (j.secret.isEmpty())
                return sendError(c, code::NameTaken,
                    QStringLiteral("this name is taken; its secret is required"));
            if (!constantTimeEquals(hashSecret(it->rec.salt, j.secret), it->rec.secretHash))
                return sendError(c, code::BadSecret, QStringLiteral("wrong member secret"));
        } else {
            if (r->members.size() >= limits().maxMembersPerRoom)
                return sendError(c, code::RoomFull, QStringLiteral("the room is full"));
            // Members cost storage and every join's welcome: their creation is rate limited
            // per address and per room.
            // Loopback is the operator's own machine (or a proxy in front of the server): only
            // the room's limit applies to it. A limit <= 0 is no limit.
            const qint64 now = nowMs();
            const double perAddress = limits().newMembersPerAddressPerHour;
            const double perRoom = limits().newMembersPerRoomPerHour;
            const bool byAddressLimited = perAddress > 0 && !c->loopback;
            Bucket probe = newMembersByAddress.value(c->address);
            if (byAddressLimited && !probe.take(1, perAddress, perAddress / 3600.0, now))
                return sendError(c, code::RateLimited,
                    QStringLiteral("too many new members from this address; try later"),
                    QStringLiteral("join"), probe.waitMs(1, perAddress / 3600.0));
            if (perRoom > 0 && !r->newMembers.take(1, perRoom, perRoom / 3600.0, now))
                return sendError(c, code::RateLimited,
                    QStringLiteral("too many new members in this room; try later"),
                    QStringLiteral("join"), r->newMembers.waitMs(1, perRoom / 3600.0));
            if (byAddressLimited)
                newMembersByAddress.insert(c->address, probe);
            issued = randomToken(32);
            MemberRecord m;
            m.name = display;
            m.key = key;
            m.salt = randomBytes(16);
            m.secretHash = hashSecret(m.salt, issued);
            auto added = store->addMember(r->rec.id, m);
            if (!added) {
                qCWarning(lcChat) << "cannot add member:" << added.error().message;
                return sendError(c, code::Storage, QStringLiteral("storage unavailable"));
            }
            LiveMember lm;
            lm.rec = *added;
            it = r->members.insert(key, lm);
            r->keyById.insert(added->id, key);
            qCInfo(lcChat) << "new member" << added->id << "in room" << r->rec.name;
        }

        // History for the welcome.
        const bool catchUp = j.since >= 0;
        const int limit = catchUp ? kMaxHistoryPage : kWelcomeTail;
        auto msgs = catchUp ? store->after(r->rec.id, j.since, limit + 1)
                            : store->tail(r->rec.id, limit + 1);
        auto last = store->lastSeq(r->rec.id);
        if (!msgs || !last)
            return sendError(c, code::Storage, QStringLiteral("storage unavailable"));
        QList<RoomMessage> list = *msgs;
        bool more = false;
        if (list.size() > limit) {
            more = true;
            if (catchUp)
                list.removeLast();
            else
                list.removeFirst();
        }
        if (trimToBytes(&list, !catchUp, limits().maxPageBytes))
            more = true;

        c->room = r;
        touch(c);
        c->memberKey = key;
        c->name = it->rec.name;
        c->memberId = it->rec.id;
        const QString before = it->status();
        it->devices += 1;
        r->conns.insert(c->id, c);

        QJsonArray members;
        for (const LiveMember &m : std::as_const(r->members))
            members.append(memberToJson(m.info()));
        QJsonObject w { { QStringLiteral("type"), QStringLiteral("welcome") },
            { QStringLiteral("v"), qMin(j.version, kProtocolVersion) },
            { QStringLiteral("server"), options.serverName },
            { QStringLiteral("room"), r->rec.name }, { QStringLiteral("name"), c->name },
            { QStringLiteral("members"), members },
            { QStringLiteral("messages"), messagesToJson(list) }, { QStringLiteral("more"), more },
            { QStringLiteral("last"), double(*last) } };
        if (!issued.isEmpty())
            w.insert(QStringLiteral("secret"), issued);
        send(c, encode(w));
        if (auto fb = store->freeBusy(r->rec.id)) {
            for (auto f = fb->cbegin(); f != fb->cend(); ++f) {
                const QString mk = r->keyById.value(f.key());
                QJsonObject o { { QStringLiteral("type"), QStringLiteral("freebusy") },
                    { QStringLiteral("from"), r->members.value(mk).rec.name },
                    { QStringLiteral("snapshot"), QJsonDocument::fromJson(f.value()).object() } };
                send(c, encode(o));
            }
        }
        publishPresence(r, *it, c->id, before);
        if (!issued.isEmpty()) {
            RoomMessage sys;
            sys.id = QStringLiteral("join-") + QString::number(it->rec.id);
            sys.from = it->rec.name;
            sys.text = it->rec.name + QStringLiteral(" joined the room");
            sys.kind = QStringLiteral("system");
            sys.event = QStringLiteral("member_joined");
            sys.ts = Clock::nowUtc();
            pending.append(Pending { 0, AppendRequest { r->rec.id, 0, sys }, r->rec.name });
            scheduleFlush();
        }
    }

    void enqueue(Conn *c, const QString &id, const QString &text,
        const QString &kind = QStringLiteral("user"))
    {
        const double perSec = limits().memberQuotaBytesPerSec;
        if (perSec > 0) {
            auto it = c->room->members.find(c->memberKey);
            const double bytes = double(text.size()) * 2; // UTF-16 units: an upper bound
            if (it != c->room->members.end()
                && !it->quota.take(bytes, double(limits().memberQuotaBytes), perSec, nowMs()))
                return sendError(c, code::Quota,
                    QStringLiteral("this member has stored too much lately; try later"), id,
                    it->quota.waitMs(bytes, perSec));
        }
        RoomMessage m;
        m.id = id;
        m.from = c->name;
        m.text = text;
        m.kind = kind;
        m.ts = Clock::nowUtc();
        pending.append(Pending {
            c->id, AppendRequest { c->room->rec.id, c->memberId, m }, c->room->rec.name });
        scheduleFlush();
    }

    //! A meeting proposal is bound to its sender (M5): its `organizer` is the sender's name
    //! (whatever the frame said), its `organizer_email` must be a plain address, and a `uid`
    //! posted by one member can only be updated by that member.
    void proposal(Conn *c, const ClientFrame &f)
    {
        QJsonObject p = f.object.value(QLatin1String("proposal")).toObject();
        const QString uid = p.value(QLatin1String("uid")).toString().trimmed();
        if (uid.isEmpty() || uid.size() > 255)
            return sendError(c, code::Invalid,
                QStringLiteral("member 'proposal.uid' must be 1-255 characters"), f.messageId);
        const QJsonValue email = p.value(QLatin1String("organizer_email"));
        if (!email.isUndefined()
            && !(email.isString()
                && (email.toString().isEmpty() || isValidCalAddress(email.toString()))))
            return sendError(c, code::Invalid,
                QStringLiteral("member 'proposal.organizer_email' must be an e-mail address"),
                f.messageId);
        LiveRoom *r = c->room;
        auto owner = r->proposalOwners.constFind(uid);
        if (owner == r->proposalOwners.cend()) {
            auto stored = store->proposalOwner(r->rec.id, uid);
            if (!stored)
                return sendError(c, code::Storage, QStringLiteral("storage unavailable"));
            owner = r->proposalOwners.insert(uid, stored->value_or(c->memberId));
        }
        if (*owner != c->memberId)
            return sendError(c, code::Forbidden,
                QStringLiteral("only the member who proposed this meeting can change it"),
                f.messageId);
        p.insert(QStringLiteral("organizer"), c->name);
        const QString text = QString::fromUtf8(encode(p));
        if (text.size() > kMaxTextChars)
            return sendError(c, code::Invalid,
                QStringLiteral("member 'proposal' must be at most 16000 characters"), f.messageId);
        enqueue(c, f.messageId, text, QStringLiteral("proposal"));
    }

    void scheduleFlush()
    {
        if (flushScheduled)
            return;
        flushScheduled = true;
        QTimer::singleShot(0, q, [this]() { flush(); });
    }

    //! Group commit: everything that arrived while the previous batch was being stored (or
    //! during this pass of the event loop) is one transaction. Acks and relays go out only
    //! once the store says the batch is durable.
    void flush()
    {
        flushScheduled = false;
        if (writing || pending.isEmpty())
            return;
        QList<Pending> batch = std::exchange(pending, {});
        QList<AppendRequest> requests;
        requests.reserve(batch.size());
        for (const Pending &p : std::as_const(batch))
            requests.append(p.request);
        writing = true;
        store->appendBatchAsync(std::move(requests),
            [this, batch = std::move(batch)](Expected<QList<AppendResult>> stored) {
                writing = false;
                finish(batch, stored);
                if (!pending.isEmpty())
                    scheduleFlush();
            });
    }

    //! Stores everything pending now (shutdown).
    void flushAll()
    {
        for (int guard = 0; guard < 1000; ++guard) {
            flush();
            store->waitForWrites();
            if (pending.isEmpty() && !writing)
                return;
        }
    }

    void finish(const QList<Pending> &batch, const Expected<QList<AppendResult>> &stored)
    {
        if (!stored) {
            qCWarning(lcChat) << "cannot store" << batch.size()
                              << "messages:" << stored.error().message;
            for (const Pending &p : batch)
                if (Conn *c = conns.value(p.connId))
                    sendError(c, code::Storage, QStringLiteral("message not stored; resend later"),
                        p.request.message.id);
            return;
        }
        coalescing = true;
        for (qsizetype i = 0; i < batch.size(); ++i) {
            const AppendResult &res = stored->at(i);
            if (Conn *c = conns.value(batch[i].connId))
                send(c, ackFrame(res.message.id, res.message.seq, res.message.ts, res.duplicate));
            if (!res.duplicate)
                fanOut->publish(
                    batch[i].roomName, relayedMessageFrame(res.message), batch[i].connId);
        }
        coalescing = false;
        sendQueued();
    }

    void history(Conn *c, const HistoryRequest &h)
    {
        const qint64 roomId = c->room->rec.id;
        auto list = h.before >= 0 ? store->before(roomId, h.before, h.limit + 1)
                                  : store->after(roomId, h.after, h.limit + 1);
        if (!list)
            return sendError(c, code::Storage, QStringLiteral("storage unavailable"));
        QList<RoomMessage> l = *list;
        bool more = l.size() > h.limit;
        if (more) {
            if (h.before >= 0)
                l.removeFirst();
            else
                l.removeLast();
        }
        if (trimToBytes(&l, h.before >= 0, limits().maxPageBytes))
            more = true;
        send(c, historyFrame(l, more));
    }

    void presence(Conn *c, bool away)
    {
        if (c->away == away)
            return;
        LiveRoom *r = c->room;
        auto it = r->members.find(c->memberKey);
        if (it == r->members.end())
            return;
        const QString before = it->status();
        c->away = away;
        it->away += away ? 1 : -1;
        if (it->status() != before)
            publishPresence(r, *it, 0, before);
    }

    void freeBusy(Conn *c, const QJsonObject &frame)
    {
        LiveRoom *r = c->room;
        const QJsonObject snap = frame.value(QLatin1String("snapshot")).toObject();
        const QByteArray json = snap.isEmpty() ? QByteArray() : encode(snap);
        const qsizetype before = r->snapshotBytes.value(c->memberId);
        if (r->snapshotTotal - before + json.size() > limits().maxSnapshotBytesPerRoom)
            return sendError(c, code::Quota,
                QStringLiteral("the room has no room for more availability snapshots"),
                QStringLiteral("snapshot"));
        if (auto s = store->setFreeBusy(r->rec.id, c->memberId, json); !s)
            return sendError(c, code::Storage, QStringLiteral("snapshot not stored"));
        r->snapshotTotal += json.size() - before;
        if (json.isEmpty())
            r->snapshotBytes.remove(c->memberId);
        else
            r->snapshotBytes.insert(c->memberId, json.size());
        auto it = r->members.find(c->memberKey);
        QJsonObject o { { QStringLiteral("type"), QStringLiteral("freebusy") },
            { QStringLiteral("from"), c->name }, { QStringLiteral("snapshot"), snap } };
        fanOut->publish(r->rec.name, encode(o), c->id);
        if (it != r->members.end() && it->calendar != !json.isEmpty()) {
            it->calendar = !json.isEmpty();
            publishPresence(r, *it, 0, it->status());
        }
    }
};

RoomServer::RoomServer(std::unique_ptr<RoomStore> store, std::unique_ptr<FanOut> fanOut,
    Options options, QObject *parent)
    : QObject(parent)
    , d(new Private)
{
    d->q = this;
    d->store = std::move(store);
    d->fanOut = std::move(fanOut);
    d->options = std::move(options);
    connect(&d->sweepTimer, &QTimer::timeout, this, [this]() { sweepIdle(); });
    connect(&d->deadlineTimer, &QTimer::timeout, this, [this]() { d->checkDeadlines(); });
}

RoomServer::~RoomServer()
{
    close();
}

Expected<std::unique_ptr<RoomServer>> RoomServer::create(const QString &dataDir, Options options)
{
    // Invite keys, messages and e-mails: the folder is its owner's only (L9).
    const bool existed = QFileInfo::exists(dataDir);
    if (!QDir().mkpath(dataDir)
        || (!existed
            && !QFile::setPermissions(
                dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)))
        return makeError(
            Error::Code::StorageUnavailable, QStringLiteral("cannot create ") + dataDir);
    auto store = SqliteRoomStore::open(QDir(dataDir).filePath(QStringLiteral("rooms.sqlite")));
    if (!store)
        return store.error();
    return std::make_unique<RoomServer>(
        std::move(*store), std::make_unique<InProcessFanOut>(), std::move(options));
}

Expected<void> RoomServer::listen(const QHostAddress &address, quint16 port)
{
    const bool secure = d->options.tls.has_value();
    if (secure) {
        auto tls = std::make_unique<QSslServer>();
        tls->setSslConfiguration(*d->options.tls);
        d->listener = std::move(tls);
    } else {
        d->listener = std::make_unique<QTcpServer>();
    }
    d->listener->setMaxPendingConnections(1024);
    connect(d->listener.get(), &QTcpServer::pendingConnectionAvailable, this,
        [this]() { d->acceptTcp(); });
    if (!d->listener->listen(address, port))
        return makeError(Error::Code::NetworkError, d->listener->errorString());
    if (d->options.limits.sweepIntervalMs > 0) {
        d->sweepTimer.start(d->options.limits.sweepIntervalMs);
        d->deadlineTimer.start(1000);
    }
    qCInfo(lcChat) << "room server listening on" << d->listener->serverAddress().toString()
                   << d->listener->serverPort() << (secure ? "(TLS)" : "");
    return {};
}

void RoomServer::close()
{
    d->sweepTimer.stop();
    d->deadlineTimer.stop();
    if (d->listener)
        d->listener->close();
    d->flushAll();
    const auto ids = d->conns.keys();
    for (const quint64 id : ids) {
        Conn *c = d->conns.value(id);
        if (!c || c->closing)
            continue;
        if (!c->upgraded) {
            d->abortLater(c);
            continue;
        }
        d->closeLater(c, ws::GoingAway);
    }
}

bool RoomServer::isListening() const
{
    return d->listener && d->listener->isListening();
}

quint16 RoomServer::port() const
{
    return d->listener ? d->listener->serverPort() : 0;
}

QHostAddress RoomServer::address() const
{
    return d->listener ? d->listener->serverAddress() : QHostAddress();
}

bool RoomServer::isSecure() const
{
    return d->options.tls.has_value();
}

Expected<RoomRecord> RoomServer::createRoom(const QString &name)
{
    if (!isValidRoomName(name))
        return makeError(
            Error::Code::InvalidInput, QStringLiteral("a room name is 1-64 of A-Z a-z 0-9 . _ -"));
    auto existing = d->store->findRoom(name);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return **existing;
    auto count = d->store->roomCount();
    if (!count)
        return count.error();
    if (*count >= d->options.limits.maxRooms)
        return makeError(Error::Code::Conflict, QStringLiteral("the server has its maximum rooms"));
    return d->store->createRoom(name, randomToken(16));
}

namespace {

Expected<std::pair<RoomRecord, MemberRecord>> findMember(
    RoomStore *store, const QString &room, const QString &name)
{
    auto rec = store->findRoom(room);
    if (!rec)
        return rec.error();
    if (!rec->has_value())
        return makeError(Error::Code::NotFound, QStringLiteral("no room named ") + room);
    auto members = store->members((*rec)->id);
    if (!members)
        return members.error();
    const QString key = nameKey(name);
    for (const MemberRecord &m : std::as_const(*members))
        if (nameKey(m.name) == key)
            return std::pair { **rec, m };
    return makeError(Error::Code::NotFound,
        QStringLiteral("no member named ") + name + QStringLiteral(" in ") + room);
}

} // namespace

Expected<RoomRecord> RoomServer::rotateInvite(const QString &room)
{
    auto rec = d->store->findRoom(room);
    if (!rec)
        return rec.error();
    if (!rec->has_value())
        return makeError(Error::Code::NotFound, QStringLiteral("no room named ") + room);
    RoomRecord r = **rec;
    r.invite = randomToken(16);
    if (auto s = d->store->setInvite(r.id, r.invite); !s)
        return s.error();
    if (LiveRoom *live = d->rooms.value(room))
        live->rec.invite = r.invite;
    return r;
}

Expected<void> RoomServer::removeMember(const QString &room, const QString &name)
{
    auto found = findMember(d->store.get(), room, name);
    if (!found)
        return found.error();
    const auto &[r, m] = *found;
    if (auto s = d->store->removeMember(r.id, m.id); !s)
        return s.error();
    if (LiveRoom *live = d->rooms.value(room)) {
        // Its connections leave the room now, not when their close completes (a peer that does
        // not read keeps it open until the close deadline): they get nothing more, and a new
        // member who takes the name meanwhile is not counted down by their drop.
        const auto connIds = live->conns.keys();
        for (const quint64 id : connIds) {
            Conn *c = live->conns.value(id);
            if (c->memberId != m.id)
                continue;
            d->closeLater(c, ws::PolicyViolated, QStringLiteral("removed"));
            live->conns.remove(id);
            c->room = nullptr;
            c->memberKey.clear();
        }
        if (auto it = live->members.find(nameKey(m.name)); it != live->members.end()) {
            LiveMember gone = *it; // the others see it go offline
            gone.devices = 0;
            gone.away = 0;
            d->publishPresence(live, gone, 0, it->status());
            live->members.erase(it);
        }
        live->keyById.remove(m.id);
        live->snapshotTotal -= live->snapshotBytes.take(m.id);
    }
    return {};
}

Expected<QString> RoomServer::resetSecret(const QString &room, const QString &name)
{
    auto found = findMember(d->store.get(), room, name);
    if (!found)
        return found.error();
    const auto &[r, m] = *found;
    const QString secret = randomToken(32);
    const QByteArray salt = randomBytes(16);
    const QByteArray hash = hashSecret(salt, secret);
    if (auto s = d->store->setMemberSecret(m.id, salt, hash); !s)
        return s.error();
    if (LiveRoom *live = d->rooms.value(room)) {
        auto it = live->members.find(nameKey(m.name));
        if (it != live->members.end()) {
            it->rec.salt = salt;
            it->rec.secretHash = hash;
        }
        for (Conn *c : std::as_const(live->conns))
            if (c->memberId == m.id)
                d->closeLater(c, ws::PolicyViolated, QStringLiteral("secret reset"));
    }
    return secret;
}

int RoomServer::connectionCount() const
{
    return int(d->conns.size());
}

const RoomServer::Limits &RoomServer::limits() const
{
    return d->options.limits;
}

void RoomServer::setLimits(const Limits &limits)
{
    d->options.limits = limits;
}

void RoomServer::sweepIdle()
{
    d->checkDeadlines();
    const qint64 now = nowMs();
    // By id: a connection closed here may take others with it (its presence is relayed to
    // them), and those are looked up again, never reached through a stale pointer.
    const auto ids = d->conns.keys();
    for (const quint64 id : ids) {
        Conn *c = d->conns.value(id);
        if (!c || c->closing || !c->room)
            continue;
        const qint64 idle = now - c->lastRx;
        if (idle >= d->options.limits.idleTimeoutMs) {
            d->sendError(c, code::IdleTimeout, QStringLiteral("no traffic; closing"));
        } else if (idle >= d->options.limits.pingAfterMs && !c->pinged) {
            c->pinged = true;
            d->send(c, pingFrame(now));
        }
    }
    // Forget the per-address member buckets that have refilled.
    const double perAddress = d->options.limits.newMembersPerAddressPerHour;
    d->newMembersByAddress.removeIf([&](const auto &it) {
        const Bucket &b = it.value();
        return b.tokens + double(now - b.last) * perAddress / 3600.0 / 1000.0 >= perAddress;
    });
}

RoomStore *RoomServer::store() const
{
    return d->store.get();
}

} // namespace kairos::room
