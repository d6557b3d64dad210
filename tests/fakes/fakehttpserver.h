#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QTcpSocket;

namespace kairos::fake {

//! \brief One parsed HTTP/1.1 request.
struct HttpRequest {
    QByteArray method;
    QUrl url; //!< path + query as sent
    QString path;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; //!< names lower-cased
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    //! The body as application/x-www-form-urlencoded (values fully decoded).
    QUrlQuery form() const;
    QString formValue(const QString &key) const;
    bool hasFormValue(const QString &key) const;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    //! The token of "Authorization: Bearer <token>", or empty.
    QString bearer() const;
};

//! \brief A response. `neverAnswer` holds the connection open without a byte (timeouts);
//! `delayMs` answers later (concurrency and slow servers).
struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    int delayMs = 0;
    bool neverAnswer = false;

    HttpResponse &header(const QByteArray &name, const QByteArray &value)
    {
        headers.append({ name, value });
        return *this;
    }
    static HttpResponse json(int status, const QJsonObject &o);
    static HttpResponse json(int status, const QJsonDocument &doc);
    static HttpResponse text(int status, const QByteArray &body,
        const QByteArray &contentType = "text/plain; charset=utf-8");
    static HttpResponse redirect(const QUrl &location, int status = 302);
    //! {"error": error, "error_description": description} (OAuth style).
    static HttpResponse oauthError(
        int status, const QString &error, const QString &description = {});
};

//! \brief An injected fault for requests whose path matches: answered instead of the route
//! (`status` / `body` / headers), after `delayMs`, or never. `times` < 0 = every time.
struct Fault {
    int status = 0; //!< 0 = call the route, but still apply delay / neverAnswer
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int delayMs = 0;
    bool neverAnswer = false;
    int times = -1;
};

//! \brief A small HTTP/1.1 server on 127.0.0.1, port 0, for tests: exact-path and prefix
//! routes per method, keep-alive, JSON helpers, fault injection, a request log and a measure of
//! concurrency. Reused by the OAuth, Google Calendar and Graph fakes.
class FakeHttpServer : public QObject {
    Q_OBJECT

public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    //! Listens on 127.0.0.1 with an ephemeral port. Returns false on failure.
    bool listen();
    //! Listens on 127.0.0.1:`port` (standalone fakes; 0 = ephemeral).
    bool listen(quint16 port);
    quint16 port() const { return m_server.serverPort(); }
    QUrl baseUrl() const;
    QUrl url(const QString &pathAndQuery) const;

    //! `method` "*" matches any method. Exact path match.
    void route(const QByteArray &method, const QString &path, Handler handler);
    //! Matches every path that starts with `prefix` (after exact routes).
    void routePrefix(const QByteArray &method, const QString &prefix, Handler handler);

    void addFault(const QString &pathPrefix, Fault fault);
    void clearFaults() { m_faults.clear(); }

    const QList<HttpRequest> &requests() const { return m_log; }
    int requestCount(const QString &path) const;
    void clearLog() { m_log.clear(); }
    int inFlight() const { return m_inFlight; }
    int maxInFlight() const { return m_maxInFlight; }
    void resetMaxInFlight() { m_maxInFlight = m_inFlight; }
    //! Drops every held (never-answered) connection.
    void dropHeldConnections();
    //! Requests whose path starts with `pathPrefix` are handled at once but their answers are
    //! kept back until openGate() — so a test can have several clients in flight at one point.
    void closeGate(const QString &pathPrefix) { m_gatePrefix = pathPrefix; }
    int gatedRequests() const { return int(m_gated.size()); }
    //! Sends the answers kept back and lets later requests through.
    void openGate();

Q_SIGNALS:
    void requestReceived(const kairos::fake::HttpRequest &request);

private:
    struct Route {
        QByteArray method;
        QString path;
        bool prefix = false;
        Handler handler;
    };
    struct Fault2 {
        QString prefix;
        Fault fault;
    };
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void dispatch(QTcpSocket *socket, HttpRequest request);
    void send(QTcpSocket *socket, const HttpResponse &response, bool keepAlive);

    QTcpServer m_server;
    QList<Route> m_routes;
    QList<Fault2> m_faults;
    QList<HttpRequest> m_log;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QPointer<QTcpSocket>> m_held;
    struct Gated {
        QPointer<QTcpSocket> socket;
        HttpResponse response;
        bool keepAlive = true;
    };
    QString m_gatePrefix;
    QList<Gated> m_gated;
    int m_inFlight = 0;
    int m_maxInFlight = 0;
};

} // namespace kairos::fake
