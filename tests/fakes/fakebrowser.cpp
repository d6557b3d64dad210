#include "fakebrowser.h"

#include <QNetworkReply>

namespace kairos::fake {

FakeBrowser::FakeBrowser(QObject *parent)
    : QObject(parent)
{
    m_nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_nam.setTransferTimeout(3000); // a listener that never answers must not hang a test
}

void FakeBrowser::open(const QUrl &authorizationUrl)
{
    ++m_opened;
    m_finished = false;
    m_authUrl = authorizationUrl;
    QNetworkReply *reply = m_nam.get(QNetworkRequest(authorizationUrl));
    connect(reply, &QNetworkReply::finished, this, [this, reply]() {
        reply->deleteLater();
        m_lastStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QUrl location = QUrl::fromEncoded(reply->rawHeader("Location"));
        if (m_lastStatus != 302 || !location.isValid()) {
            m_lastPage = reply->readAll();
            m_finished = true;
            Q_EMIT done();
            return;
        }
        m_callbackUrl = rewriteCallback ? rewriteCallback(location) : location;
        if (forgeFirst) {
            visitInOrder(forgeFirst(location) << m_callbackUrl);
            return;
        }
        get(m_callbackUrl);
        if (visitTwice)
            get(m_callbackUrl);
    });
}

void FakeBrowser::visitInOrder(QList<QUrl> urls)
{
    if (urls.isEmpty())
        return;
    const QUrl url = urls.takeFirst();
    if (urls.isEmpty())
        return get(url);
    QNetworkReply *reply = m_nam.get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [this, reply, urls]() {
        reply->deleteLater();
        visitInOrder(urls);
    });
}

void FakeBrowser::get(const QUrl &url)
{
    QNetworkReply *reply = m_nam.get(QNetworkRequest(url));
    connect(reply, &QNetworkReply::finished, this, [this, reply]() {
        reply->deleteLater();
        m_lastStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_lastPage = reply->readAll();
        m_finished = true;
        Q_EMIT done();
    });
}

} // namespace kairos::fake
