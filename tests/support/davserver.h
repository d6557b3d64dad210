#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;

namespace kairos::test {

//! \brief A real CalDAV server for a test: Radicale or Xandikos from the Debian packages
//! (scripts/deps.sh --test), on 127.0.0.1 with a free port, a temporary storage folder and one
//! htpasswd user. Stopped (and its folder removed) when the object dies.
//!
//! Radicale runs with htpasswd (plain) auth and a from_file rights file that the fixture can
//! rewrite while it runs (Radicale reads it on every request): setReadOnly() turns a calendar
//! read-only for the user. Xandikos has no authentication of its own (its docs put it behind
//! an authenticating proxy): tests/support/xandikos_basic.py serves it with a Basic-auth
//! middleware in the same process; Xandikos has no per-calendar rights, so setReadOnly() fails
//! there.
//!
//! A missing binary is an error (start() says what to install), never a skip.
class DavServer {
public:
    enum class Kind { Radicale, Xandikos };

    struct Response {
        int status = 0; //!< 0: no answer
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray &name) const;
    };

    explicit DavServer(Kind kind, QString user = QStringLiteral("alice"),
        QString password = QStringLiteral("secret"));
    ~DavServer();
    DavServer(const DavServer &) = delete;
    DavServer &operator=(const DavServer &) = delete;

    //! Starts the server and waits until it listens. Empty on success, else what went wrong
    //! (missing package, the server's output).
    QString start();
    //! Stops the server (the storage stays; start() again serves it on the same port).
    void stop();
    bool isRunning() const;

    Kind kind() const { return m_kind; }
    QString name() const;
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    quint16 port() const { return m_port; }
    //! http://127.0.0.1:PORT/
    QUrl baseUrl() const;
    //! The user's principal URL and calendar home (Radicale: both /user/; Xandikos:
    //! /user/ and /user/calendars/).
    QUrl principalUrl() const;
    QUrl calendarHomeUrl() const;
    //! The URL of calendar collection `name` under the home (with a trailing slash).
    QUrl calendarUrl(const QString &name) const;
    QString storagePath() const;

    // ---- another client's view: plain HTTP with the user's credentials (blocking, tests) ----
    Response request(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {});
    //! MKCALENDAR `name` under the home, with a display name, colour and component set.
    bool makeCalendar(const QString &name, const QString &displayName,
        const QString &color = QString(), const QByteArray &components = "VEVENT");
    //! PUT of an iCalendar object; returns the status (201/204) and the new ETag in `etag`.
    int putObject(const QUrl &url, const QByteArray &ics, const QByteArray &ifMatch = {},
        QByteArray *etag = nullptr);
    int deleteObject(const QUrl &url, const QByteArray &ifMatch = {});
    //! GET of an object: body, or empty when the status is not 200.
    QByteArray getObject(const QUrl &url, QByteArray *etag = nullptr);
    //! The hrefs of the calendar's objects (PROPFIND Depth 1).
    QStringList objectHrefs(const QUrl &calendar);

    //! Radicale: the user may read but no longer write calendar `name`. Xandikos: false.
    bool setReadOnly(const QString &name);

private:
    void writeRadicaleFiles();
    QString waitListening();

    Kind m_kind;
    QString m_user;
    QString m_password;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QStringList m_readOnly;
    std::unique_ptr<QNetworkAccessManager> m_nam;
};

} // namespace kairos::test
