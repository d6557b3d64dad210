#include "room/roomclient.h"

#include "core/clock.h"
#include "core/logging.h"
#include "room/outbox.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSslConfiguration>
#include <QSslError>
#include <QUuid>
#include <QWebSocket>

#include <algorithm>
#include <cmath>

namespace kairos::room {

RoomClient::RoomClient(Config config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{
    if (!m_config.random)
        m_config.random = []() { return QRandomGenerator::global()->generateDouble(); };
    m_reconnectTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, [this]() { connectNow(); });
    connect(&m_retryTimer, &QTimer::timeout, this, [this]() { flushOutbox(); });
    connect(&m_livenessTimer, &QTimer::timeout, this, [this]() { checkLiveness(); });
    const QString key = nameKey(m_config.name);
    m_messages.setSelfKey(key);
    m_members.setSelfKey(key);
    m_selfName = normalizedDisplayName(m_config.name);
}

RoomClient::~RoomClient()
{
    if (m_ws) {
        m_ws->disconnect(this);
        m_ws->abort();
        delete m_ws;
    }
}

Expected<void> RoomClient::open()
{
    const QString scope = !m_config.scope.isEmpty() ? m_config.scope
                                                    : m_config.url.toString() + QLatin1Char('|')
            + m_config.room + QLatin1Char('|') + nameKey(m_config.name);
    auto ob = Outbox::open(m_config.outboxPath, scope);
    if (!ob)
        return ob.error();
    m_outbox = std::move(*ob);
    m_readSeq = m_outbox->readSeq();
    for (const Outbox::Entry &e : m_outbox->entries()) {
        RoomMessage m;
        m.id = e.id;
        m.from = m_selfName;
        m.text = e.text;
        m.ts = e.created;
        m.kind = e.kind;
        m_messages.addPending(m);
    }
    return {};
}

void RoomClient::setState(State s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
}

QString RoomClient::secretKey() const
{
    return QStringLiteral("room/") + m_config.url.host() + QLatin1Char(':')
        + QString::number(m_config.url.port()) + QLatin1Char('/') + m_config.room + QLatin1Char('/')
        + nameKey(m_config.name);
}

void RoomClient::start()
{
    if (m_started)
        return;
    if (!m_outbox) {
        if (auto r = open(); !r) {
            m_lastErrorCode = QStringLiteral("outbox");
            m_lastErrorText = r.error().message;
            setState(State::Failed);
            return;
        }
    }
    m_started = true;
    if (m_config.livenessCheckMs > 0)
        m_livenessTimer.start(m_config.livenessCheckMs);
    if (!m_config.secrets) {
        connectNow();
        return;
    }
    setState(State::Connecting);
    m_config.secrets->readSecret(secretKey(), [this](Expected<QString> s) {
        if (s)
            m_secret = *s;
        else if (s.error().code != Error::Code::NotFound)
            qCWarning(lcChat) << "cannot read the member secret:" << s.error().codeName();
        if (m_started)
            connectNow();
    });
}

void RoomClient::stop()
{
    m_started = false;
    m_reconnectTimer.stop();
    m_retryTimer.stop();
    m_livenessTimer.stop();
    if (m_ws) {
        m_ws->disconnect(this);
        m_ws->close(QWebSocketProtocol::CloseCodeGoingAway);
        m_ws->deleteLater();
        m_ws = nullptr;
    }
    m_inFlight.clear();
    m_members.markAllOffline();
    setState(State::Idle);
}

void RoomClient::reconnectNow()
{
    if (!m_started || m_state != State::Waiting)
        return;
    m_reconnectTimer.stop();
    connectNow();
}

void RoomClient::connectNow()
{
    if (m_ws) {
        m_ws->disconnect(this);
        m_ws->abort();
        m_ws->deleteLater();
    }
    m_inFlight.clear();
    m_historyOlder.clear();
    m_pingSentAt = 0;
    m_attemptAt = Clock::instance().currentMSecsSinceEpoch();
    m_lastRx = m_attemptAt;
    m_ws = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    QWebSocket *ws = m_ws;
    // What a server may send at most (L8): a welcome or history page is about 1 MiB, a
    // snapshot under 64 KiB; Qt's default would be about 2 GiB.
    ws->setMaxAllowedIncomingFrameSize(quint64(kMaxServerFrameBytes));
    ws->setMaxAllowedIncomingMessageSize(quint64(kMaxServerFrameBytes));
    connect(ws, &QWebSocket::connected, this, [this]() { onConnected(); });
    connect(ws, &QWebSocket::disconnected, this, [this]() { onDisconnected(); });
    connect(ws, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this, ws](QAbstractSocket::SocketError) {
            if (ws == m_ws && ws->state() == QAbstractSocket::UnconnectedState)
                onDisconnected();
        });
    connect(ws, &QWebSocket::textMessageReceived, this, [this](const QString &t) { onText(t); });
    if (!m_config.trustedCertificates.isEmpty()) {
        connect(ws, &QWebSocket::sslErrors, this, [this, ws](const QList<QSslError> &errors) {
            // Every complaint must be about a certificate we were told to trust.
            const bool trusted
                = std::all_of(errors.cbegin(), errors.cend(), [this](const QSslError &e) {
                      return !e.certificate().isNull()
                          && m_config.trustedCertificates.contains(e.certificate());
                  });
            if (trusted)
                ws->ignoreSslErrors();
            else
                qCWarning(lcChat) << "room server certificate refused:" << errors.size()
                                  << "TLS errors";
        });
    }
    setState(State::Connecting);
    ws->open(m_config.url);
}

void RoomClient::onConnected()
{
    JoinRequest j;
    j.version = kProtocolVersion;
    j.room = m_config.room;
    j.invite = m_config.invite;
    j.name = m_config.name;
    j.secret = m_secret;
    j.device = m_config.device;
    // Reconnecting: catch up from the last message we have. A new run: from the read marker,
    // so what arrived while the app was closed comes in (and counts as unread).
    j.since = m_messages.lastSeq() > 0 ? m_lastSeq : (m_readSeq > 0 ? m_readSeq : -1);
    m_joinSince = j.since;
    setState(State::Joining);
    sendFrame(joinFrame(j));
}

void RoomClient::checkLiveness()
{
    if (!m_started || !m_ws)
        return;
    const qint64 now = Clock::instance().currentMSecsSinceEpoch();
    switch (m_state) {
    case State::Connecting:
    case State::Joining:
        if (now - m_attemptAt >= m_config.connectTimeoutMs)
            connectionDead("no answer to connect/join");
        return;
    case State::Online:
        if (m_pingSentAt > 0) {
            if (now - m_pingSentAt >= m_config.pongTimeoutMs)
                connectionDead("no answer to ping");
        } else if (now - m_lastRx >= m_config.pingAfterMs) {
            m_pingSentAt = now;
            sendFrame(pingFrame(now));
        }
        return;
    case State::Idle:
    case State::Waiting:
    case State::Failed:
        return;
    }
}

void RoomClient::connectionDead(const char *why)
{
    qCInfo(lcChat) << "room connection is dead:" << why;
    if (m_ws) {
        m_ws->disconnect(this);
        m_ws->abort();
        m_ws->deleteLater();
        m_ws = nullptr;
    }
    m_pingSentAt = 0;
    m_inFlight.clear();
    m_members.markAllOffline();
    scheduleReconnect();
}

void RoomClient::onDisconnected()
{
    if (!m_started || m_state == State::Waiting || m_state == State::Failed
        || m_state == State::Idle)
        return;
    m_inFlight.clear();
    m_members.markAllOffline();
    scheduleReconnect();
}

qint64 RoomClient::backoffDelayMs(int failures, int baseMs, int maxMs, double random01)
{
    const int exp = qBound(0, failures - 1, 30);
    const double full = qMin<double>(maxMs, double(baseMs) * std::pow(2.0, exp));
    // "Equal jitter": half fixed, half random, so the delay grows but clients spread out.
    return qint64(full / 2 + random01 * full / 2);
}

void RoomClient::scheduleReconnect()
{
    ++m_failures;
    m_lastDelayMs = backoffDelayMs(
        m_failures, m_config.backoffBaseMs, m_config.backoffMaxMs, m_config.random());
    m_reconnectAt = Clock::instance().currentMSecsSinceEpoch() + m_lastDelayMs;
    qCInfo(lcChat) << "room connection lost; reconnecting in" << m_lastDelayMs << "ms";
    m_reconnectTimer.start(int(m_lastDelayMs));
    setState(State::Waiting);
    Q_EMIT reconnectScheduled(m_lastDelayMs);
}

bool RoomClient::isOffline() const
{
    return m_state == State::Failed
        || ((m_state == State::Waiting || m_state == State::Connecting || m_state == State::Joining)
            && m_failures >= m_config.offlineAfterFailures);
}

int RoomClient::secondsUntilReconnect() const
{
    if (m_state != State::Waiting)
        return 0;
    const qint64 left = m_reconnectAt - Clock::instance().currentMSecsSinceEpoch();
    return left <= 0 ? 0 : int((left + 999) / 1000);
}

int RoomClient::outboxSize() const
{
    return m_outbox ? m_outbox->size() : 0;
}

void RoomClient::saveReadSeq(qint64 seq)
{
    m_readSeq = seq;
    if (m_outbox)
        if (auto r = m_outbox->setReadSeq(seq); !r)
            qCWarning(lcChat) << "cannot save the read marker:" << r.error().message;
}

void RoomClient::markAllRead()
{
    if (m_lastSeq > m_readSeq)
        saveReadSeq(m_lastSeq);
    if (m_unread == 0)
        return;
    m_unread = 0;
    Q_EMIT unreadCountChanged(0);
}

Expected<QString> RoomClient::send(const QString &text)
{
    if (text.trimmed().isEmpty() || text.size() > kMaxTextChars)
        return makeError(Error::Code::InvalidInput, QStringLiteral("1-16000 characters"));
    return enqueue(text, QStringLiteral("user"));
}

Expected<QString> RoomClient::sendProposal(const QJsonObject &proposal)
{
    const QString text = QString::fromUtf8(encode(proposal));
    if (proposal.isEmpty() || text.size() > kMaxTextChars)
        return makeError(Error::Code::InvalidInput, QStringLiteral("proposal: 1-16000 characters"));
    return enqueue(text, QStringLiteral("proposal"));
}

Expected<QString> RoomClient::enqueue(const QString &text, const QString &kind)
{
    if (!m_outbox)
        if (auto r = open(); !r)
            return r.error();
    Outbox::Entry e { QUuid::createUuid().toString(QUuid::WithoutBraces), text, Clock::nowUtc(),
        kind };
    if (auto r = m_outbox->add(e); !r)
        return r.error();
    RoomMessage m;
    m.id = e.id;
    m.from = m_selfName;
    m.text = text;
    m.ts = e.created;
    m.kind = kind;
    m_messages.addPending(m);
    Q_EMIT outboxChanged(m_outbox->size());
    if (m_state == State::Online) {
        m_inFlight.insert(e.id);
        sendFrame(outboxFrame(e));
    }
    return e.id;
}

QByteArray RoomClient::outboxFrame(const Outbox::Entry &e)
{
    if (e.kind == QLatin1String("proposal"))
        return proposalFrame(e.id, QJsonDocument::fromJson(e.text.toUtf8()).object());
    return messageFrame(e.id, e.text);
}

void RoomClient::setAway(bool away)
{
    if (m_away == away)
        return;
    m_away = away;
    if (m_state == State::Online)
        sendFrame(presenceRequestFrame(away));
}

bool RoomClient::sendFreeBusy(const QJsonObject &snapshot)
{
    if (m_state != State::Online)
        return false;
    sendFrame(encode(QJsonObject { { QStringLiteral("type"), QStringLiteral("freebusy") },
        { QStringLiteral("snapshot"), snapshot } }));
    return true;
}

void RoomClient::loadOlder(int limit)
{
    if (m_state != State::Online || !m_hasOlder)
        return;
    HistoryRequest h;
    h.before = m_messages.firstSeq();
    h.limit = qBound(1, limit, kMaxHistoryPage);
    requestHistory(h);
}

void RoomClient::requestHistory(const HistoryRequest &h)
{
    m_historyOlder.append(h.before >= 0);
    sendFrame(historyRequestFrame(h));
}

bool RoomClient::sendExtension(const QJsonObject &frame)
{
    if (m_state != State::Online
        || !frame.value(QLatin1String("type")).toString().startsWith(QLatin1String("x-")))
        return false;
    const QByteArray bytes = encode(frame);
    if (bytes.size() > kMaxFrameBytes)
        return false;
    sendFrame(bytes);
    return true;
}

void RoomClient::sendFrame(const QByteArray &frame)
{
    if (m_ws)
        m_ws->sendTextMessage(QString::fromUtf8(frame));
}

void RoomClient::flushOutbox()
{
    if (m_state != State::Online || !m_outbox)
        return;
    for (const Outbox::Entry &e : m_outbox->entries()) {
        if (m_inFlight.contains(e.id))
            continue;
        m_inFlight.insert(e.id);
        sendFrame(outboxFrame(e));
    }
}

void RoomClient::takeMessage(const RoomMessage &m)
{
    m_lastSeq = qMax(m_lastSeq, m.seq);
    const bool authored = m.kind == QLatin1String("user") || m.kind == QLatin1String("proposal");
    const bool own = authored && nameKey(m.from) == nameKey(m_config.name);
    if (own && m_outbox && !m.id.isEmpty()) {
        // Our own message, stored already (ack lost, or sent from this outbox by another run).
        for (const Outbox::Entry &e : m_outbox->entries()) {
            if (e.id == m.id) {
                m_outbox->remove(m.id);
                m_inFlight.remove(m.id);
                Q_EMIT outboxChanged(m_outbox->size());
                break;
            }
        }
    }
    if (!m_messages.insertMessage(m))
        return;
    // Unread: other members' messages after the read marker (whether they arrive live, in
    // the welcome of a new run or in a catch-up after a reconnect).
    if (m.seq > m_readSeq && !own && authored) {
        ++m_unread;
        Q_EMIT unreadCountChanged(m_unread);
    }
    Q_EMIT messageReceived(m);
}

void RoomClient::onText(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (!doc.isObject())
        return;
    m_lastRx = Clock::instance().currentMSecsSinceEpoch();
    m_pingSentAt = 0; // anything from the server proves the connection alive
    const QJsonObject o = doc.object();
    const QString type = o.value(QLatin1String("type")).toString();
    if (type == QLatin1String("message")) {
        RoomMessage m;
        if (messageFromJson(o, &m))
            takeMessage(m);
    } else if (type == QLatin1String("ack")) {
        const QString id = o.value(QLatin1String("id")).toString();
        const qint64 seq = qint64(o.value(QLatin1String("seq")).toDouble());
        QDateTime ts
            = QDateTime::fromString(o.value(QLatin1String("ts")).toString(), Qt::ISODateWithMs);
        m_inFlight.remove(id);
        if (m_outbox) {
            m_outbox->remove(id);
            Q_EMIT outboxChanged(m_outbox->size());
        }
        m_lastSeq = qMax(m_lastSeq, seq);
        m_messages.acknowledge(id, seq, ts.toUTC());
        Q_EMIT acknowledged(id, seq);
    } else if (type == QLatin1String("welcome")) {
        handleWelcome(o);
    } else if (type == QLatin1String("presence")) {
        m_members.update(memberFromJson(o));
    } else if (type == QLatin1String("history")) {
        const QJsonArray arr = o.value(QLatin1String("messages")).toArray();
        const bool older = !m_historyOlder.isEmpty() && m_historyOlder.takeFirst();
        for (const QJsonValue &v : arr) {
            RoomMessage m;
            if (messageFromJson(v.toObject(), &m))
                takeMessage(m);
        }
        const bool more = o.value(QLatin1String("more")).toBool();
        if (older) {
            m_hasOlder = more;
        } else if (more) { // catching up forward
            HistoryRequest h;
            h.after = m_lastSeq;
            h.limit = kMaxHistoryPage;
            requestHistory(h);
        }
    } else if (type == QLatin1String("error")) {
        handleError(o);
    } else if (type == QLatin1String("ping")) {
        sendFrame(pongFrame(o.value(QLatin1String("t"))));
    } else if (type == QLatin1String("freebusy") || type == QLatin1String("proposal")
        || type.startsWith(QLatin1String("x-"))) {
        Q_EMIT extensionFrame(o);
    }
    // Anything else: ignored (extension rule).
}

void RoomClient::handleWelcome(const QJsonObject &o)
{
    m_failures = 0;
    m_serverName = o.value(QLatin1String("server")).toString();
    m_selfName = o.value(QLatin1String("name")).toString(m_selfName);
    const QString secret = o.value(QLatin1String("secret")).toString();
    if (!secret.isEmpty()) {
        m_secret = secret;
        if (m_config.secrets)
            m_config.secrets->writeSecret(secretKey(), secret, [](Expected<void> r) {
                if (!r)
                    qCWarning(lcChat) << "cannot keep the member secret:" << r.error().codeName();
            });
    }
    QList<MemberInfo> members;
    const QJsonArray ma = o.value(QLatin1String("members")).toArray();
    for (const QJsonValue &v : ma)
        members.append(memberFromJson(v.toObject()));
    m_members.setMembers(members);
    const qint64 last = qint64(o.value(QLatin1String("last")).toDouble());
    // First join: the room's past is not "unread". A marker beyond the room's last message
    // means the room was recreated: start over from it.
    if (m_readSeq < 0 || m_readSeq > last)
        saveReadSeq(last);
    const bool catchingUp = m_joinSince >= 0;
    const bool newRun = catchingUp && m_messages.lastSeq() <= 0;
    const QJsonArray arr = o.value(QLatin1String("messages")).toArray();
    for (const QJsonValue &v : arr) {
        RoomMessage m;
        if (messageFromJson(v.toObject(), &m))
            takeMessage(m);
    }
    const bool more = o.value(QLatin1String("more")).toBool();
    if (catchingUp && more) {
        HistoryRequest h;
        h.after = m_lastSeq;
        h.limit = kMaxHistoryPage;
        requestHistory(h);
    } else if (!catchingUp) {
        m_hasOlder = more;
    }
    if (newRun) {
        // A new run caught up from the read marker: load the page before it as context.
        HistoryRequest h;
        h.before = m_joinSince + 1;
        h.limit = kWelcomeTail;
        requestHistory(h);
    }
    m_lastErrorCode.clear();
    m_lastErrorText.clear();
    setState(State::Online);
    if (m_away) // a new connection starts online; keep what the user is
        sendFrame(presenceRequestFrame(true));
    Q_EMIT joined();
    flushOutbox();
}

void RoomClient::handleError(const QJsonObject &o)
{
    const QString c = o.value(QLatin1String("code")).toString();
    const QString text = o.value(QLatin1String("text")).toString();
    const QString ref = o.value(QLatin1String("ref")).toString();
    m_lastErrorCode = c;
    m_lastErrorText = text;
    Q_EMIT errorReceived(c, text);
    if (c == QLatin1String(code::RateLimited)) {
        // Frames were dropped; resend whatever is still unacknowledged after the pause.
        m_inFlight.clear();
        m_retryTimer.start(qMax(50, o.value(QLatin1String("retryMs")).toInt(1000)));
        return;
    }
    if (c == QLatin1String(code::Storage)) {
        if (ref.isEmpty()) // a history request failed
            m_historyOlder.clear();
        m_inFlight.remove(ref);
        m_retryTimer.start(1000);
        return;
    }
    if (c == QLatin1String(code::IdleTimeout) || c == QLatin1String(code::ServerFull))
        return; // the server closes; we reconnect
    if (isFatalCode(c)) {
        qCWarning(lcChat) << "room refused the join:" << c;
        m_reconnectTimer.stop();
        setState(State::Failed);
        if (m_ws) {
            m_ws->disconnect(this);
            m_ws->close();
            m_ws->deleteLater();
            m_ws = nullptr;
        }
        m_members.markAllOffline();
    }
}

} // namespace kairos::room
