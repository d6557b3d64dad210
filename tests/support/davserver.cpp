#include "davserver.h"
#include "testpaths.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QXmlStreamReader>

namespace kairos::test {

namespace {

constexpr int kStartTimeoutMs = 20000;

QString findPython()
{
    // Xandikos is a Debian Python package: its modules are in the system interpreter's path,
    // not in whatever python3 comes first in PATH (pyenv and the like).
    for (const char *p : { "/usr/bin/python3", "/bin/python3" }) {
        if (QFileInfo(QString::fromLatin1(p)).isExecutable())
            return QString::fromLatin1(p);
    }
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(data) == data.size();
}

} // namespace

QByteArray DavServer::Response::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

DavServer::DavServer(Kind kind, QString user, QString password)
    : m_kind(kind)
    , m_user(std::move(user))
    , m_password(std::move(password))
    , m_nam(std::make_unique<QNetworkAccessManager>())
{ }

DavServer::~DavServer()
{
    stop();
}

QString DavServer::name() const
{
    return m_kind == Kind::Radicale ? QStringLiteral("Radicale") : QStringLiteral("Xandikos");
}

QString DavServer::storagePath() const
{
    return m_dir.path() + QStringLiteral("/storage");
}

QUrl DavServer::baseUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(m_port));
}

QUrl DavServer::principalUrl() const
{
    return baseUrl().resolved(QUrl(QLatin1Char('/') + m_user + QLatin1Char('/')));
}

QUrl DavServer::calendarHomeUrl() const
{
    return m_kind == Kind::Radicale ? principalUrl()
                                    : principalUrl().resolved(QUrl(QStringLiteral("calendars/")));
}

QUrl DavServer::calendarUrl(const QString &name) const
{
    return calendarHomeUrl().resolved(QUrl(name + QLatin1Char('/')));
}

void DavServer::writeRadicaleFiles()
{
    const QString dir = m_dir.path();
    // Radicale 3 rights: R/W = collections without a tag (root, principal), r/w = calendars
    // and their objects. Read-only calendars come first: the first matching section wins.
    QByteArray rights;
    for (const QString &ro : std::as_const(m_readOnly)) {
        rights += "[ro-" + ro.toUtf8() + "]\nuser: .+\ncollection: {user}/"
            + QRegularExpression::escape(ro).toUtf8() + "\npermissions: r\n\n";
    }
    rights += "[root]\nuser: .+\ncollection:\npermissions: R\n\n"
              "[principal]\nuser: .+\ncollection: {user}\npermissions: RW\n\n"
              "[calendars]\nuser: .+\ncollection: {user}/[^/]+\npermissions: rw\n";
    writeFile(dir + QStringLiteral("/rights"), rights);
}

QString DavServer::start()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder");
    if (isRunning())
        return {};
    const QString dir = m_dir.path();
    writeFile(
        dir + QStringLiteral("/users"), (m_user + QLatin1Char(':') + m_password).toUtf8() + '\n');
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    if (m_kind == Kind::Radicale) {
        const QString radicale = QStandardPaths::findExecutable(QStringLiteral("radicale"));
        if (radicale.isEmpty())
            return QStringLiteral("radicale is not installed (Debian package 'radicale': run "
                                  "scripts/deps.sh --test)");
        writeRadicaleFiles();
        const QByteArray config = "[server]\nhosts = 127.0.0.1:" + QByteArray::number(m_port)
            + "\n[auth]\ntype = htpasswd\nhtpasswd_filename = " + dir.toUtf8()
            + "/users\nhtpasswd_encryption = plain\ndelay = 0\n"
              "[rights]\ntype = from_file\nfile = "
            + dir.toUtf8() + "/rights\n[storage]\nfilesystem_folder = " + storagePath().toUtf8()
            + "\n[web]\ntype = none\n[logging]\nlevel = info\n";
        writeFile(dir + QStringLiteral("/config"), config);
        m_process->start(radicale, { QStringLiteral("-C"), dir + QStringLiteral("/config") });
    } else {
        const QString xandikos = QStandardPaths::findExecutable(QStringLiteral("xandikos"));
        const QString python = findPython();
        if (xandikos.isEmpty() || python.isEmpty())
            return QStringLiteral("xandikos is not installed (Debian package 'xandikos': run "
                                  "scripts/deps.sh --test)");
        const QString script = QStringLiteral(KAIROS_SOURCE_DIR)
            + QStringLiteral("/tests/support/xandikos_basic.py");
        m_process->start(python,
            { script, QStringLiteral("--directory"), storagePath(), QStringLiteral("--htpasswd"),
                dir + QStringLiteral("/users"), QStringLiteral("--principal"),
                QLatin1Char('/') + m_user + QLatin1Char('/'), QStringLiteral("--port"),
                QString::number(m_port) });
    }
    return waitListening();
}

QString DavServer::waitListening()
{
    if (!m_process->waitForStarted(kStartTimeoutMs))
        return name() + QStringLiteral(" did not start: ") + m_process->errorString();
    // Radicale logs "Listening on '[127.0.0.1]:PORT'", the Xandikos wrapper
    // "Listening on 127.0.0.1:PORT"; both only once the socket is bound.
    static const QRegularExpression listening(
        QStringLiteral("Listening on '?\\[?127\\.0\\.0\\.1\\]?:(\\d+)"));
    QByteArray output;
    QDeadlineTimer deadline(kStartTimeoutMs);
    while (!deadline.hasExpired()) {
        if (!m_process->waitForReadyRead(int(std::max<qint64>(1, deadline.remainingTime())))) {
            if (m_process->state() == QProcess::NotRunning)
                break;
            continue;
        }
        output += m_process->readAll();
        const auto m = listening.match(QString::fromUtf8(output));
        if (m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt());
            // Keep draining the output so the server never blocks on a full pipe.
            QObject::connect(m_process.get(), &QProcess::readyRead, m_process.get(),
                [p = m_process.get()]() { p->readAll(); });
            return {};
        }
    }
    output += m_process->readAll();
    const QString why
        = name() + QStringLiteral(" is not listening: ") + QString::fromUtf8(output.right(2000));
    stop();
    return why;
}

void DavServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(10000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

bool DavServer::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

DavServer::Response DavServer::request(const QByteArray &method, const QUrl &url,
    const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest req(url);
    req.setRawHeader(
        "Authorization", "Basic " + (m_user + QLatin1Char(':') + m_password).toUtf8().toBase64());
    req.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setTransferTimeout(15000);
    for (const auto &h : headers)
        req.setRawHeader(h.first, h.second);
    QNetworkReply *reply = m_nam->sendCustomRequest(req, method, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(20000);
    Response r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto &h : reply->rawHeaderPairs())
        r.headers.append({ h.first, h.second });
    reply->deleteLater();
    return r;
}

bool DavServer::makeCalendar(const QString &name, const QString &displayName, const QString &color,
    const QByteArray &components)
{
    QByteArray comps;
    for (const QByteArray &c : components.split(','))
        comps += "<C:comp name=\"" + c.trimmed() + "\"/>";
    QByteArray body = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<C:mkcalendar xmlns:D=\"DAV:\" xmlns:C=\"urn:ietf:params:xml:ns:caldav\" "
                      "xmlns:A=\"http://apple.com/ns/ical/\"><D:set><D:prop><D:displayname>"
        + displayName.toHtmlEscaped().toUtf8() + "</D:displayname>";
    if (!color.isEmpty())
        body += "<A:calendar-color>" + color.toUtf8() + "</A:calendar-color>";
    body += "<C:supported-calendar-component-set>" + comps
        + "</C:supported-calendar-component-set></D:prop></D:set></C:mkcalendar>";
    const Response r = request("MKCALENDAR", calendarUrl(name), body,
        { { "Content-Type", "application/xml; charset=utf-8" } });
    if (r.status != 201) {
        qWarning("MKCALENDAR %s: %d %s", qPrintable(name), r.status, r.body.constData());
        return false;
    }
    if (color.isEmpty())
        return true;
    // Xandikos 0.2.8 ignores properties in MKCALENDAR other than the name; set the colour the
    // way Apple Calendar does, with PROPPATCH (Radicale takes both).
    const Response p = request("PROPPATCH", calendarUrl(name),
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<D:propertyupdate xmlns:D=\"DAV:\" "
        "xmlns:A=\"http://apple.com/ns/ical/\"><D:set><D:prop><A:calendar-color>"
            + color.toUtf8() + "</A:calendar-color></D:prop></D:set></D:propertyupdate>",
        { { "Content-Type", "application/xml; charset=utf-8" } });
    if (p.status != 207)
        qWarning("PROPPATCH %s: %d %s", qPrintable(name), p.status, p.body.constData());
    return p.status == 207;
}

int DavServer::putObject(
    const QUrl &url, const QByteArray &ics, const QByteArray &ifMatch, QByteArray *etag)
{
    QList<QPair<QByteArray, QByteArray>> headers { { "Content-Type",
        "text/calendar; charset=utf-8" } };
    if (!ifMatch.isEmpty())
        headers.append({ "If-Match", ifMatch });
    const Response r = request("PUT", url, ics, headers);
    if (etag)
        *etag = r.header("ETag");
    return r.status;
}

int DavServer::deleteObject(const QUrl &url, const QByteArray &ifMatch)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!ifMatch.isEmpty())
        headers.append({ "If-Match", ifMatch });
    return request("DELETE", url, {}, headers).status;
}

QByteArray DavServer::getObject(const QUrl &url, QByteArray *etag)
{
    const Response r = request("GET", url);
    if (etag)
        *etag = r.header("ETag");
    return r.status == 200 ? r.body : QByteArray();
}

QStringList DavServer::objectHrefs(const QUrl &calendar)
{
    const Response r = request("PROPFIND", calendar,
        "<?xml version=\"1.0\"?><D:propfind "
        "xmlns:D=\"DAV:\"><D:prop><D:getetag/></D:prop></D:propfind>",
        { { "Depth", "1" }, { "Content-Type", "application/xml" } });
    QStringList hrefs;
    QXmlStreamReader xml(r.body);
    while (!xml.atEnd() && !xml.hasError()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("href")
            && xml.namespaceUri() == QLatin1String("DAV:")) {
            const QString href = xml.readElementText();
            if (!href.endsWith(QLatin1Char('/')))
                hrefs.append(href);
        }
    }
    return hrefs;
}

bool DavServer::setReadOnly(const QString &name)
{
    if (m_kind != Kind::Radicale)
        return false;
    if (!m_readOnly.contains(name))
        m_readOnly.append(name);
    writeRadicaleFiles();
    return true;
}

} // namespace kairos::test
