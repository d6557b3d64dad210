#include "ics/subscription.h"

#include "core/logging.h"
#include "store/eventstore.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace kairos::ics {

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
    if (m_reply)
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
    m_reply = m_nam.get(req);
    connect(m_reply, &QNetworkReply::finished, this, &Subscription::onFinished);
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
    if (reply->error() != QNetworkReply::NoError || status != 200) {
        Q_EMIT failed(
            makeError(status >= 500 ? Error::Code::ServerError : Error::Code::NetworkError,
                QStringLiteral("HTTP %1: %2").arg(status).arg(reply->errorString())));
        return;
    }
    const QByteArray body = reply->readAll();
    ImportOptions o;
    o.floatingZone = m_floatingZone;
    auto parsed = parseCalendar(body, o);
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
    m_etag = reply->rawHeader("ETag");
    m_lastModified = reply->rawHeader("Last-Modified");
    Q_EMIT refreshed(true, *r);
}

} // namespace kairos::ics
