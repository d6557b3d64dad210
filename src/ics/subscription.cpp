#include "ics/subscription.h"

#include "core/logging.h"
#include "store/eventstore.h"

#include <QFutureWatcher>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QtConcurrent/QtConcurrentRun>

namespace kairos::ics {

namespace {

//! Qt's error text names the URL, with any user:password@ and ?token= in it: shown instead as
//! Subscription::displayUrl() (the status bar, logs).
QString withoutSecrets(const QNetworkReply *reply)
{
    QString text = reply->errorString();
    const QUrl url = reply->request().url();
    const QString shown = Subscription::displayUrl(url.toString());
    for (const QString &form :
        { url.toString(), url.toDisplayString(), QString::fromUtf8(url.toEncoded()) })
        if (!form.isEmpty())
            text.replace(form, shown);
    return text;
}

} // namespace

Subscription::Subscription(
    QNetworkAccessManager &nam, EventStore &store, Calendar calendar, QObject *parent)
    : QObject(parent)
    , m_nam(nam)
    , m_store(store)
    , m_calendar(std::move(calendar))
{ }

Subscription::~Subscription()
{
    if (m_reply)
        m_reply->abort();
}

QUrl Subscription::feedUrl(const QString &url)
{
    QUrl u(url.trimmed());
    const QString scheme = u.scheme().toLower();
    if (scheme == QLatin1String("webcal") || scheme == QLatin1String("webcals"))
        u.setScheme(QStringLiteral("https"));
    else if (scheme != QLatin1String("https") && scheme != QLatin1String("http"))
        return {};
    return u.isValid() && !u.host().isEmpty() ? u : QUrl();
}

bool Subscription::isPlaintext(const QString &url)
{
    return QUrl(url.trimmed()).scheme().compare(QLatin1String("http"), Qt::CaseInsensitive) == 0;
}

QString Subscription::displayUrl(const QString &url)
{
    const QUrl u(url.trimmed());
    if (!u.isValid())
        return QString();
    return u.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment).toString();
}

Calendar Subscription::makeCalendar(const QString &id, const QString &name, const QString &url)
{
    Calendar c;
    c.id = id;
    c.kind = CalendarKind::Subscription;
    c.name = name;
    c.readOnly = true;
    c.countsForAvailability = false;
    c.sourceUrl = url;
    return c;
}

void Subscription::setValidators(const QByteArray &etag, const QByteArray &lastModified)
{
    m_etag = etag;
    m_lastModified = lastModified;
}

void Subscription::refresh()
{
    if (m_reply || m_parsing)
        return;
    const QUrl url = feedUrl(m_calendar.sourceUrl);
    if (!url.isValid()) {
        Q_EMIT failed(makeError(Error::Code::InvalidInput, m_calendar.sourceUrl));
        return;
    }
    QNetworkRequest req(url);
    req.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setRawHeader("Accept", "text/calendar, */*;q=0.5");
    if (!m_etag.isEmpty())
        req.setRawHeader("If-None-Match", m_etag);
    if (!m_lastModified.isEmpty())
        req.setRawHeader("If-Modified-Since", m_lastModified);
    req.setTransferTimeout(m_timeoutMs);
    m_tooLarge = false;
    m_reply = m_nam.get(req);
    connect(m_reply, &QNetworkReply::finished, this, &Subscription::onFinished);
    QNetworkReply *reply = m_reply;
    connect(m_reply, &QNetworkReply::downloadProgress, this,
        [this, reply](qint64 received, qint64 total) {
            if (m_tooLarge || (received <= m_maxBytes && total <= m_maxBytes))
                return;
            m_tooLarge = true;
            reply->abort();
        });
}

void Subscription::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    if (!reply)
        return;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 304) {
        qCDebug(lcIcs) << "feed" << m_calendar.id << "not modified";
        Q_EMIT refreshed(false, {});
        return;
    }
    if (m_tooLarge) {
        Q_EMIT failed(makeError(Error::Code::InvalidInput,
            QStringLiteral("the feed is larger than %1 MB; it was not downloaded")
                .arg(m_maxBytes / 1000000.0, 0, 'g', 3)));
        return;
    }
    if (reply->error() == QNetworkReply::OperationCanceledError) {
        Q_EMIT failed(makeError(Error::Code::Timeout,
            QStringLiteral("the feed did not answer within %1 s").arg(m_timeoutMs / 1000.0)));
        return;
    }
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        Q_EMIT failed(
            makeError(status >= 500 ? Error::Code::ServerError : Error::Code::NetworkError,
                QStringLiteral("HTTP %1: %2").arg(status).arg(withoutSecrets(reply))));
        return;
    }
    const QByteArray body = reply->readAll();
    ImportOptions o;
    o.floatingZone = m_floatingZone;
    // Parsed on the pool (a large feed takes seconds); stored here, on the store's thread.
    m_parsing = true;
    auto *watcher = new QFutureWatcher<Expected<ParsedCalendar>>(this);
    const QByteArray etag = reply->rawHeader("ETag");
    const QByteArray lastModified = reply->rawHeader("Last-Modified");
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, etag, lastModified]() {
        watcher->deleteLater();
        m_parsing = false;
        apply(watcher->result(), etag, lastModified);
    });
    watcher->setFuture(QtConcurrent::run([body, o]() { return parseCalendar(body, o); }));
}

void Subscription::apply(
    Expected<ParsedCalendar> parsed, const QByteArray &etag, const QByteArray &lastModified)
{
    if (!parsed) {
        Q_EMIT failed(parsed.error());
        return;
    }
    ApplyOptions a;
    a.allowReadOnly = true;
    a.removeMissing = true;
    auto r = applyImport(m_store, m_calendar.id, *parsed, a);
    if (!r) {
        Q_EMIT failed(r.error());
        return;
    }
    // Remember the validators only once the content is stored.
    m_etag = etag;
    m_lastModified = lastModified;
    Q_EMIT refreshed(true, *r);
}

} // namespace kairos::ics
