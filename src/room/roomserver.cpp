#include "room/roomserver.h"

#include "core/clock.h"
#include "core/logging.h"
#include "core/platform.h"

#include <algorithm>

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QRandomGenerator>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

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

QString peerKey(const QHostAddress &address, quint16 port)
{
    return address.toString() + QLatin1Char('/') + QString::number(port);
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

struct Conn {
    quint64 id = 0;
    QWebSocket *ws = nullptr;
    //! The connection's TCP (or TLS) socket under `ws`: frames go to it directly.
    QPointer<QTcpSocket> tcp;
    //! Plain TCP: frames may go straight to the descriptor when nothing is queued.
    bool direct = false;
    LiveRoom *room = nullptr;
    QString memberKey;
    QString name;
    qint64 memberId = 0;
    bool away = false;
    bool closing = false;
    bool pinged = false;
    bool limitedNotified = false;
    qint64 lastRx = 0;
    double tokens = 0;
    qint64 lastRefill = 0;
};

struct LiveMember {
    MemberRecord rec;
    int devices = 0;
    int away = 0;
    bool calendar = false;

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
};

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
    //! Accepts TCP (or, with TLS, finished TLS handshakes) and sets TCP_NODELAY; `server`
    //! (which never listens itself) does the WebSocket handshake on each socket.
    std::unique_ptr<QTcpServer> listener;
    std::unique_ptr<QWebSocketServer> server;
    QTimer sweepTimer;
    QHash<quint64, Conn *> conns;
    //! TCP sockets in the WebSocket handshake, by peer: accept() finds each one's socket here.
    QHash<QString, QPointer<QTcpSocket>> upgrading;
    QHash<QString, LiveRoom *> rooms;
    quint64 nextId = 1;
    QList<Pending> pending;
    bool flushScheduled = false;
    bool writing = false; //!< a batch is being stored
    //! While a stored batch is fanned out: relayed frames wait in their room's `queued` and
    //! sendQueued() writes them together.
    bool coalescing = false;
    QList<LiveRoom *> queuedRooms;

    ~Private()
    {
        for (Conn *c : std::as_const(conns)) {
            c->ws->disconnect();
            c->ws->abort();
            delete c->ws;
            delete c;
        }
        qDeleteAll(rooms);
    }

    const Limits &limits() const { return options.limits; }

    void send(Conn *c, const QByteArray &frame)
    {
        if (c->closing)
            return;
        writeWire(c, textFrame(frame));
    }

    //! Writes a complete WebSocket frame. On plain TCP with nothing queued it goes straight to
    //! the socket: no copy into Qt's write buffer, no write-notifier round trip through the event
    //! loop, no signals, which was most of the server's cost per recipient when fanning a
    //! message out to a thousand connections. Whatever the kernel does not take is queued in
    //! QTcpSocket behind it, so bytes keep their order with the frames QWebSocket writes itself
    //! (pong, close).
    void writeWire(Conn *c, const QByteArray &wire)
    {
        QTcpSocket *tcp = c->tcp.data();
        if (!tcp) {
            // Not expected (every connection comes through upgrade()): QWebSocket frames each
            // payload again.
            for (qsizetype at = 0; at + 2 <= wire.size();) {
                const quint8 len = quint8(wire.at(at + 1));
                qsizetype header = 2;
                quint64 n = len;
                if (len >= 126) {
                    header = len == 126 ? 4 : 10;
                    n = 0;
                    for (qsizetype i = at + 2; i < at + header; ++i)
                        n = (n << 8) | quint8(wire.at(i));
                }
                c->ws->sendTextMessage(QString::fromUtf8(wire.sliced(at + header, qsizetype(n))));
                at += header + qsizetype(n);
            }
            return;
        }
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
        if (isFatalCode(cs)) {
            qCInfo(lcChat) << "closing connection" << c->id << "after" << cs;
            c->closing = true;
            c->ws->close(QWebSocketProtocol::CloseCodePolicyViolated, cs);
        }
    }

    void upgrade()
    {
        while (listener->hasPendingConnections()) {
            QTcpSocket *socket = listener->nextPendingConnection();
            if (!socket)
                break;
            // Frames are small and latency matters: no Nagle delay (ws and most WebSocket
            // servers do the same). Without it a frame can wait ~40 ms for the peer's
            // delayed ACK.
            socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            upgrading.insert(peerKey(socket->peerAddress(), socket->peerPort()), socket);
            server->handleConnection(socket);
        }
    }

    void accept()
    {
        while (server->hasPendingConnections()) {
            QWebSocket *ws = server->nextPendingConnection();
            if (!ws)
                break;
            ws->setMaxAllowedIncomingFrameSize(quint64(kHardFrameBytes));
            ws->setMaxAllowedIncomingMessageSize(quint64(kHardFrameBytes));
            auto *c = new Conn;
            c->id = nextId++;
            c->ws = ws;
            c->tcp = upgrading.take(peerKey(ws->peerAddress(), ws->peerPort()));
            c->direct = c->tcp && !qobject_cast<QSslSocket *>(c->tcp.data());
            // Sockets whose handshake failed are gone (QPointer); forget them.
            upgrading.removeIf([](const auto &it) { return it.value().isNull(); });
            c->lastRx = nowMs();
            c->lastRefill = c->lastRx;
            c->tokens = limits().burst;
            conns.insert(c->id, c);
            QObject::connect(ws, &QWebSocket::textMessageReceived, q,
                [this, c](const QString &m) { onText(c, m); });
            QObject::connect(ws, &QWebSocket::binaryMessageReceived, q,
                [this, c](const QByteArray &) { onBinary(c); });
            QObject::connect(ws, &QWebSocket::disconnected, q, [this, c]() { drop(c); });
            if (conns.size() > limits().maxConnections) {
                sendError(c, code::ServerFull, QStringLiteral("too many connections"));
                continue;
            }
            Q_EMIT q->connectionCountChanged(int(conns.size()));
        }
    }

    void drop(Conn *c)
    {
        if (!conns.contains(c->id))
            return;
        conns.remove(c->id);
        c->ws->disconnect(q);
        c->ws->deleteLater();
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
            c->limitedNotified = false;
            return true;
        }
        return false;
    }

    void onBinary(Conn *c)
    {
        c->lastRx = nowMs();
        c->pinged = false;
        if (!takeToken(c))
            return rateLimited(c);
        sendError(c, code::BinaryFrame, QStringLiteral("binary frames are not supported"));
    }

    void rateLimited(Conn *c)
    {
        if (c->limitedNotified)
            return;
        c->limitedNotified = true;
        const int retry = int(std::ceil(1000.0 / qMax(0.001, limits().ratePerSec)));
        sendError(c, code::RateLimited, QStringLiteral("too many frames; slow down"), {}, retry);
    }

    void onText(Conn *c, const QString &text)
    {
        if (c->closing)
            return;
        c->lastRx = nowMs();
        c->pinged = false;
        if (!takeToken(c))
            return rateLimited(c);
        if (text.size() > limits().maxFrameBytes)
            return sendError(c, code::TooLarge, QStringLiteral("frame larger than the limit"));
        const QByteArray utf8 = text.toUtf8();
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
            return enqueue(c, f.messageId, f.text, QStringLiteral("proposal"));
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
            r->members.insert(m.key, lm);
            r->keyById.insert(m.id, m.key);
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

    //! False for a closing connection, and for one that has stopped reading (more than
    //! maxBufferedBytes queued): that one is closed so it cannot make the server hold its
    //! frames without bound.
    bool writable(Conn *c)
    {
        if (c->closing)
            return false;
        if ((c->tcp ? c->tcp->bytesToWrite() : c->ws->bytesToWrite()) > limits().maxBufferedBytes) {
            qCWarning(lcChat) << "connection" << c->id << "is not reading; closing it";
            c->closing = true;
            c->ws->abort();
            return false;
        }
        return true;
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
            if (!bytes.isEmpty() && writable(c))
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
            return sendError(c, code::RoomNotFound, QStringLiteral("no such room"), j.room);
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

        c->room = r;
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
        const bool more = l.size() > h.limit;
        if (more) {
            if (h.before >= 0)
                l.removeFirst();
            else
                l.removeLast();
        }
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
        if (auto s = store->setFreeBusy(r->rec.id, c->memberId, json); !s)
            return sendError(c, code::Storage, QStringLiteral("snapshot not stored"));
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
}

RoomServer::~RoomServer()
{
    close();
}

Expected<std::unique_ptr<RoomServer>> RoomServer::create(const QString &dataDir, Options options)
{
    if (!QDir().mkpath(dataDir))
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
    d->server = std::make_unique<QWebSocketServer>(
        d->options.serverName, QWebSocketServer::NonSecureMode);
    d->server->setMaxPendingConnections(1024);
    connect(d->server.get(), &QWebSocketServer::newConnection, this, [this]() { d->accept(); });
    if (secure) {
        auto tls = std::make_unique<QSslServer>();
        tls->setSslConfiguration(*d->options.tls);
        d->listener = std::move(tls);
    } else {
        d->listener = std::make_unique<QTcpServer>();
    }
    d->listener->setMaxPendingConnections(1024);
    connect(d->listener.get(), &QTcpServer::pendingConnectionAvailable, this,
        [this]() { d->upgrade(); });
    if (!d->listener->listen(address, port))
        return makeError(Error::Code::NetworkError, d->listener->errorString());
    if (d->options.limits.sweepIntervalMs > 0)
        d->sweepTimer.start(d->options.limits.sweepIntervalMs);
    qCInfo(lcChat) << "room server listening on" << d->listener->serverAddress().toString()
                   << d->listener->serverPort() << (secure ? "(TLS)" : "");
    return {};
}

void RoomServer::close()
{
    d->sweepTimer.stop();
    if (d->listener)
        d->listener->close();
    d->flushAll();
    const auto all = d->conns.values();
    for (Conn *c : all) {
        c->closing = true;
        c->ws->close(QWebSocketProtocol::CloseCodeGoingAway);
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
    const qint64 now = nowMs();
    const auto all = d->conns.values();
    for (Conn *c : all) {
        if (c->closing)
            continue;
        const qint64 idle = now - c->lastRx;
        if (idle >= d->options.limits.idleTimeoutMs) {
            d->sendError(c, code::IdleTimeout, QStringLiteral("no traffic; closing"));
        } else if (idle >= d->options.limits.pingAfterMs && !c->pinged) {
            c->pinged = true;
            d->send(c, pingFrame(now));
        }
    }
}

RoomStore *RoomServer::store() const
{
    return d->store.get();
}

} // namespace kairos::room
