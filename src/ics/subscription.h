#pragma once

#include "core/expected.h"
#include "ics/icsimport.h"
#include "model/calendar.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
#include <QNetworkReply>

namespace kairos {
class EventStore;
}

namespace kairos::ics {

//! \brief A subscribed feed (webcal:// or https://) kept in a read-only Subscription calendar.
//!
//! refresh() sends a conditional GET (If-None-Match with the last ETag, If-Modified-Since with
//! the last Last-Modified); 304 changes nothing, 200 replaces the calendar's events with the
//! feed's (matched by UID, so local ids stay stable; events gone from the feed are removed).
//! The validators are exposed so the owner can persist them between runs. Periodic refresh is
//! the owner's timer; this class does one refresh at a time.
class Subscription final : public QObject {
    Q_OBJECT
public:
    Subscription(QNetworkAccessManager &nam, EventStore &store, Calendar calendar,
        QObject *parent = nullptr);
    ~Subscription() override;

    //! webcal:// and webcals:// become https://; http(s) stay; anything else is invalid.
    static QUrl feedUrl(const QString &url);
    //! http:// (not webcal://, which becomes https): the feed can be changed on the way.
    static bool isPlaintext(const QString &url);
    //! The URL as it may be shown: without user:password@ and without the query (private feed
    //! addresses carry their token there).
    static QString displayUrl(const QString &url);
    //! A read-only Subscription calendar for a feed URL.
    static Calendar makeCalendar(const QString &id, const QString &name, const QString &url);

    const Calendar &calendar() const { return m_calendar; }
    QByteArray etag() const { return m_etag; }
    QByteArray lastModified() const { return m_lastModified; }
    void setValidators(const QByteArray &etag, const QByteArray &lastModified);
    void setFloatingZone(const QTimeZone &zone) { m_floatingZone = zone; }
    bool isRefreshing() const { return m_reply != nullptr || m_parsing; }
    //! Feeds larger than this are abandoned while downloading (default 50 MB).
    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }
    //! A transfer that stalls this long fails with Timeout (default 60 s), so the next refresh
    //! can run.
    void setTransferTimeoutMs(int ms) { m_timeoutMs = ms; }
    static constexpr qint64 kDefaultMaxBytes = 50LL * 1000 * 1000;

    void refresh();

Q_SIGNALS:
    //! `changed` is false for 304 Not Modified (summary empty then).
    void refreshed(bool changed, const kairos::ics::ImportSummary &summary);
    void failed(const kairos::Error &error);

private:
    void onFinished();
    void apply(
        Expected<ParsedCalendar> parsed, const QByteArray &etag, const QByteArray &lastModified);

    QNetworkAccessManager &m_nam;
    EventStore &m_store;
    Calendar m_calendar;
    QByteArray m_etag;
    QByteArray m_lastModified;
    QTimeZone m_floatingZone = QTimeZone::systemTimeZone();
    QPointer<QNetworkReply> m_reply;
    bool m_parsing = false;
    bool m_tooLarge = false;
    qint64 m_maxBytes = kDefaultMaxBytes;
    int m_timeoutMs = 60000;
};

} // namespace kairos::ics

Q_DECLARE_METATYPE(kairos::ics::ImportSummary)
