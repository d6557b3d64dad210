#include "fakehttpserver.h"

#include <QTcpSocket>
#include <QTimer>

#include <utility>

namespace kairos::fake {

QUrlQuery HttpRequest::form() const
{
    // '+' means space in forms; QUrlQuery does not know that.
    QByteArray b = body;
    b.replace('+', ' ');
    return QUrlQuery(QString::fromLatin1(b));
}

QString HttpRequest::formValue(const QString &key) const
{
    return form().queryItemValue(key, QUrl::FullyDecoded);
}

bool HttpRequest::hasFormValue(const QString &key) const
{
    return form().hasQueryItem(key);
}

QString HttpRequest::bearer() const
{
    const QByteArray a = header("authorization");
    if (!a.startsWith("Bearer "))
        return {};
    return QString::fromLatin1(a.mid(7).trimmed());
}

HttpResponse HttpResponse::json(int status, const QJsonObject &o)
{
    return json(status, QJsonDocument(o));
}

HttpResponse HttpResponse::json(int status, const QJsonDocument &doc)
{
    HttpResponse r;
    r.status = status;
    r.body = doc.toJson(QJsonDocument::Compact);
    r.header("Content-Type", "application/json; charset=utf-8");
    return r;
}

HttpResponse HttpResponse::text(int status, const QByteArray &body, const QByteArray &contentType)
{
    HttpResponse r;
    r.status = status;
    r.body = body;
    r.header("Content-Type", contentType);
    return r;
}

HttpResponse HttpResponse::redirect(const QUrl &location, int status)
{
    HttpResponse r;
    r.status = status;
    r.header("Location", location.toEncoded());
    return r;
}

HttpResponse HttpResponse::oauthError(int status, const QString &error, const QString &description)
{
    QJsonObject o { { QStringLiteral("error"), error } };
    if (!description.isEmpty())
        o.insert(QStringLiteral("error_description"), description);
    return json(status, o);
}

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
}

FakeHttpServer::~FakeHttpServer()
{
    // Sockets are children of m_server, which outlives the members their slots use.
    const auto sockets = m_server.findChildren<QTcpSocket *>();
    for (QTcpSocket *s : sockets) {
        s->disconnect(this);
        delete s;
    }
}

bool FakeHttpServer::listen()
{
    return m_server.listen(QHostAddress::LocalHost, 0);
}

bool FakeHttpServer::listen(quint16 port)
{
    return m_server.listen(QHostAddress::LocalHost, port);
}

QUrl FakeHttpServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port()));
}

QUrl FakeHttpServer::url(const QString &pathAndQuery) const
{
    return QUrl(baseUrl().toString() + pathAndQuery);
}

void FakeHttpServer::route(const QByteArray &method, const QString &path, Handler handler)
{
    m_routes.append({ method, path, false, std::move(handler) });
}

void FakeHttpServer::routePrefix(const QByteArray &method, const QString &prefix, Handler handler)
{
    m_routes.append({ method, prefix, true, std::move(handler) });
}

void FakeHttpServer::addFault(const QString &pathPrefix, Fault fault)
{
    m_faults.append({ pathPrefix, std::move(fault) });
}

int FakeHttpServer::requestCount(const QString &path) const
{
    int n = 0;
    for (const HttpRequest &r : m_log)
        n += r.path == path ? 1 : 0;
    return n;
}

void FakeHttpServer::dropHeldConnections()
{
    for (const QPointer<QTcpSocket> &s : std::as_const(m_held)) {
        if (s)
            s->abort();
    }
    m_held.clear();
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket]() {
            m_buffers.remove(socket);
            socket->deleteLater();
        });
    }
}

void FakeHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buf = m_buffers[socket];
    buf += socket->readAll();
    for (;;) {
        const qsizetype headEnd = buf.indexOf("\r\n\r\n");
        if (headEnd < 0)
            return;
        const QList<QByteArray> lines = buf.left(headEnd).split('\n');
        HttpRequest req;
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        req.method = first.value(0);
        req.url = QUrl::fromEncoded(first.value(1));
        req.path = req.url.path();
        req.query = QUrlQuery(req.url.query(QUrl::FullyEncoded));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon > 0)
                req.headers.insert(
                    line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qsizetype length = req.header("content-length").toLongLong();
        if (buf.size() < headEnd + 4 + length)
            return;
        req.body = buf.mid(headEnd + 4, length);
        buf.remove(0, headEnd + 4 + length);
        dispatch(socket, std::move(req));
    }
}

void FakeHttpServer::dispatch(QTcpSocket *socket, HttpRequest request)
{
    m_log.append(request);
    ++m_inFlight;
    m_maxInFlight = std::max(m_maxInFlight, m_inFlight);
    Q_EMIT requestReceived(request);
    const bool keepAlive = request.header("connection").toLower() != "close";

    HttpResponse response;
    bool answered = false;
    int extraDelay = 0;
    bool never = false;
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        Fault2 &f = m_faults[i];
        if (!request.path.startsWith(f.prefix))
            continue;
        extraDelay = f.fault.delayMs;
        never = f.fault.neverAnswer;
        if (f.fault.status != 0) {
            response.status = f.fault.status;
            response.body = f.fault.body;
            response.headers = f.fault.headers;
            answered = true;
        }
        if (f.fault.times > 0 && --f.fault.times == 0)
            m_faults.removeAt(i);
        break;
    }
    if (!answered) {
        const Route *match = nullptr;
        for (const Route &r : std::as_const(m_routes)) {
            if ((r.method == "*" || r.method == request.method) && !r.prefix
                && r.path == request.path) {
                match = &r;
                break;
            }
        }
        if (!match) {
            for (const Route &r : std::as_const(m_routes)) {
                if ((r.method == "*" || r.method == request.method) && r.prefix
                    && request.path.startsWith(r.path)) {
                    match = &r;
                    break;
                }
            }
        }
        response = match ? match->handler(request)
                         : HttpResponse::text(404, "no route for " + request.path.toUtf8());
    }
    if (never || response.neverAnswer) {
        m_held.append(socket);
        return; // counted in flight for good: the client has to time out
    }
    if (!m_gatePrefix.isEmpty() && request.path.startsWith(m_gatePrefix)) {
        m_gated.append({ QPointer<QTcpSocket>(socket), response, keepAlive });
        return;
    }
    const int delay = extraDelay + response.delayMs;
    if (delay > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(delay, this, [this, guard, response, keepAlive]() {
            if (guard)
                send(guard, response, keepAlive);
            else
                --m_inFlight;
        });
        return;
    }
    send(socket, response, keepAlive);
}

void FakeHttpServer::openGate()
{
    m_gatePrefix.clear();
    const QList<Gated> gated = std::exchange(m_gated, {});
    for (const Gated &g : gated) {
        if (g.socket)
            send(g.socket, g.response, g.keepAlive);
        else
            --m_inFlight;
    }
}

void FakeHttpServer::send(QTcpSocket *socket, const HttpResponse &response, bool keepAlive)
{
    --m_inFlight;
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + " Fake\r\n";
    for (const auto &h : response.headers)
        out += h.first + ": " + h.second + "\r\n";
    out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n";
    out += "\r\n" + response.body;
    socket->write(out);
    if (!keepAlive)
        socket->disconnectFromHost();
}

} // namespace kairos::fake
