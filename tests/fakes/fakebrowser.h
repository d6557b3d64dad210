#pragma once

#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

#include <functional>

namespace kairos::fake {

//! \brief The "system browser" of OAuth tests: GETs the authorization URL, follows the
//! provider's redirect to the loopback listener (optionally rewritten first, to forge a state
//! or a path), and keeps the page the app showed.
class FakeBrowser : public QObject {
    Q_OBJECT

public:
    explicit FakeBrowser(QObject *parent = nullptr);

    //! Called with the loopback URL before it is visited; return what to visit instead.
    std::function<QUrl(const QUrl &)> rewriteCallback;
    //! Visit the callback twice (the second visit must not be accepted).
    bool visitTwice = false;
    //! Called with the real loopback URL: URLs to visit first, one after the other, before it
    //! (what a hostile local page that found the port would send).
    std::function<QList<QUrl>(const QUrl &)> forgeFirst;

    void open(const QUrl &authorizationUrl);
    void get(const QUrl &url);

    int opened() const { return m_opened; }
    QUrl lastAuthorizationUrl() const { return m_authUrl; }
    QUrl lastCallbackUrl() const { return m_callbackUrl; }
    int lastStatus() const { return m_lastStatus; }
    QByteArray lastPage() const { return m_lastPage; }
    bool finished() const { return m_finished; }

Q_SIGNALS:
    void done();

private:
    void visitInOrder(QList<QUrl> urls);

    QNetworkAccessManager m_nam;
    int m_opened = 0;
    QUrl m_authUrl;
    QUrl m_callbackUrl;
    int m_lastStatus = 0;
    QByteArray m_lastPage;
    bool m_finished = false;
};

} // namespace kairos::fake
