#pragma once

#include "fakehttpserver.h"

#include <QJsonArray>
#include <QMap>
#include <QRandomGenerator>
#include <QSet>

#include <optional>

namespace kairos::fake {

//! \brief Random faults for the provider fakes: each API request gets one with probability
//! `rate` (401 with the access token revoked, 410 on list requests, 429 + Retry-After, 500,
//! 503, slow answers, and "applied but the answer was lost" on writes). Deterministic: seeded.
struct RandomFaults {
    double rate = 0.0;
    quint32 seed = 1;
    int slowMs = 30;
};

//! \brief Common state of the provider fakes: bearer tokens (with a refresh endpoint at
//! POST /token), change counter, latency, random faults, dropped connections.
class FakeProviderBase : public FakeHttpServer {
    Q_OBJECT
public:
    explicit FakeProviderBase(QObject *parent = nullptr);

    //! The access token requests must carry (Authorization: Bearer …).
    QString accessToken() const { return m_access; }
    //! The refresh token /token accepts now ("fake-refresh" unless rotation is on).
    QString refreshToken() const { return m_refresh; }
    QUrl tokenUrl() const { return url(QStringLiteral("/token")); }
    //! The next request gets 401 until the client refreshes at /token.
    void revokeAccessToken()
    {
        m_access = QStringLiteral("at-") + QString::number(++m_tokenSerial);
        m_accessValid = false;
    }
    void setLatencyMs(int ms) { m_latencyMs = ms; }
    void setRandomFaults(const RandomFaults &f);
    int refreshes() const { return m_refreshes; }
    //! Microsoft's behaviour: every refresh issues a new refresh token (and access token) and
    //! the one presented stops working; presenting it again is refused with invalid_grant.
    void setRotateRefreshTokens(bool on) { m_rotate = on; }
    //! Refresh attempts with a refresh token that had already been rotated away.
    int refreshTokenReuses() const { return m_reuses; }
    int apiRequests() const { return m_apiRequests; }
    QStringList rejections() const { return m_rejections; }
    int faultsInjected() const { return m_faultsInjected; }

protected:
    //! Checks the bearer and applies faults; returns true with `out` set when the request is
    //! answered here. `write` = the handler changes state; `listing` = a sync listing.
    bool preflight(const HttpRequest &r, bool listing, HttpResponse &out, bool *loseAnswer);
    HttpResponse finish(HttpResponse r, bool loseAnswer);
    void reject(const QString &why) { m_rejections << why; }
    virtual HttpResponse goneResponse() const = 0;

    qint64 m_seq = 0;
    int m_latencyMs = 0;

private:
    HttpResponse token(const HttpRequest &r);
    QString m_access = QStringLiteral("at-0");
    QString m_refresh = QStringLiteral("fake-refresh");
    QStringList m_rotatedAway;
    bool m_rotate = false;
    int m_reuses = 0;
    bool m_accessValid = true;
    int m_tokenSerial = 0;
    int m_refreshes = 0;
    int m_apiRequests = 0;
    int m_faultsInjected = 0;
    RandomFaults m_faults;
    QRandomGenerator m_rng;
    QStringList m_rejections;
};

//! \brief A stateful fake of Google Calendar API v3 under /calendar/v3/: calendarList,
//! events list (paging with maxResults ≤ 2500, singleEvents=false, syncToken incremental with
//! tombstones as status "cancelled", 410 fullSyncRequired after invalidateSyncTokens, 400 for
//! forbidden parameter combinations), insert (client-chosen base32hex ids, 409 on reuse),
//! patch / delete with If-Match (412), instance ids "<master>_<yyyyMMddTHHmmssZ>" creating
//! exceptions, get. Events are JSON objects in Google's format.
class FakeGoogleServer final : public FakeProviderBase {
    Q_OBJECT
public:
    explicit FakeGoogleServer(QObject *parent = nullptr);

    QUrl apiBase() const { return url(QStringLiteral("/calendar/v3/")); }

    void addCalendar(const QString &id, const QString &summary,
        const QString &color = QStringLiteral("#9fe1e7"),
        const QString &accessRole = QStringLiteral("owner"),
        const QString &timeZone = QStringLiteral("Europe/Madrid"));
    void removeCalendar(const QString &id);
    //! The calendar's defaultReminders ("popup", these minutes); new calendars have 10.
    void setDefaultReminders(const QString &calendarId, const QList<int> &minutes);
    //! Why Google would refuse this body's reminders (empty: it would not): useDefault with
    //! overrides, more than five, a method other than popup / email, minutes out of 0..40320.
    static QString badReminders(const QJsonObject &body);
    //! Inserts or replaces (remote change): assigns etag, updated, iCalUID when missing.
    QJsonObject putEvent(const QString &calendarId, QJsonObject event);
    void deleteEvent(const QString &calendarId, const QString &eventId);
    //! Live events (not deleted; cancelled exceptions included).
    QList<QJsonObject> events(const QString &calendarId) const;
    std::optional<QJsonObject> event(const QString &calendarId, const QString &eventId) const;
    QStringList calendarIds() const { return m_cals.keys(); }
    //! Every sync token of the calendar expires (next incremental list → 410).
    void invalidateSyncTokens(const QString &calendarId);
    //! How many writes asked for invitations (sendUpdates=all).
    int notificationsSent() const { return m_notifications; }
    //! Adds `count` simple events (bench / load), ids "e<n>", cheap.
    void seed(const QString &calendarId, int count, const QDateTime &firstStart);

protected:
    HttpResponse goneResponse() const override;

private:
    struct Stored {
        QJsonObject json;
        qint64 seq = 0;
        bool deleted = false;
    };
    struct Cal {
        QJsonObject meta;
        QMap<QString, Stored> events;
        int epoch = 0;
    };
    HttpResponse handle(const HttpRequest &r);
    HttpResponse list(const HttpRequest &r, Cal &cal);
    HttpResponse calendarList(const HttpRequest &r);
    HttpResponse error(int status, const QString &reason, const QString &message);
    QJsonObject store(Cal &cal, QJsonObject e);

    QMap<QString, Cal> m_cals;
    int m_notifications = 0;
};

//! \brief A stateful fake of Microsoft Graph v1.0 under /v1.0/: me/calendars,
//! me/calendars/{id}/calendarView/delta (startDateTime/endDateTime required on the first
//! request only, Prefer outlook.timezone="UTC" required, $select & co refused, nextLink /
//! deltaLink, @removed, 410 syncStateNotFound after invalidateDeltaLinks), events create with
//! transactionId de-duplication, PATCH / DELETE me/events/{id} with If-Match (412), GET.
//!
//! Recurring series as Graph has them: a `seriesMaster` carrying `recurrence`
//! (patternedRecurrence: daily / weekly with daysOfWeek / absoluteMonthly; range endDate,
//! numbered or noEnd; times in UTC) is stored, and calendarView/delta lists its expanded
//! `occurrence`s and `exception`s (id, seriesMasterId, originalStart), never the master.
//! PATCH on an occurrence turns it into an exception (same id); DELETE on one cancels it
//! (delta: @removed); changing the master's pattern or times drops its exceptions (as
//! Exchange does); deleting the master removes every instance.
class FakeGraphServer final : public FakeProviderBase {
    Q_OBJECT
public:
    explicit FakeGraphServer(QObject *parent = nullptr);

    QUrl apiBase() const { return url(QStringLiteral("/v1.0/")); }

    void addCalendar(const QString &id, const QString &name,
        const QString &hexColor = QStringLiteral("#e3008c"), bool canEdit = true,
        bool isDefault = false);
    //! Inserts or replaces (remote change). With `recurrence` it is a series master.
    QJsonObject putEvent(const QString &calendarId, QJsonObject event);
    //! Removes a single event, a whole series (master id) or one instance (cancels it).
    void deleteEvent(const QString &eventId);
    //! Changes fields of one instance of a series (it becomes an exception).
    std::optional<QJsonObject> patchInstance(const QString &instanceId, const QJsonObject &fields);
    //! Stored events: single instances and series masters (not their instances).
    QList<QJsonObject> events(const QString &calendarId) const;
    //! What calendarView shows for [fromMs, toMs): singles, occurrences and exceptions.
    QList<QJsonObject> viewEvents(const QString &calendarId, qint64 fromMs, qint64 toMs) const;
    //! Any live event by id: single, master or instance.
    std::optional<QJsonObject> event(const QString &eventId) const;
    QStringList calendarIds() const { return m_cals.keys(); }
    void invalidateDeltaLinks(const QString &calendarId);
    void seed(const QString &calendarId, int count, const QDateTime &firstStart);
    int maxPageSizeSeen() const { return m_maxPageSize; }
    //! Why Graph would refuse this body's reminder fields (empty: it would not): isReminderOn
    //! not a Boolean, reminderMinutesBeforeStart not a non-negative integer.
    static QString badReminder(const QJsonObject &body);

protected:
    HttpResponse goneResponse() const override;

private:
    struct Stored {
        QJsonObject json;
        QString calendarId;
        qint64 seq = 0;
        bool deleted = false;
        bool master = false; //!< a seriesMaster: not listed by calendarView
    };
    struct Series {
        QMap<qint64, QJsonObject> overrides; //!< original start (ms) → changed fields
        QSet<qint64> cancelled;
        QSet<QString> instances;
    };
    HttpResponse handle(const HttpRequest &r);
    HttpResponse delta(const HttpRequest &r, const QString &calendarId);
    HttpResponse error(int status, const QString &code, const QString &message);
    QJsonObject store(const QString &calendarId, QJsonObject e);
    //! Stores a master (new or changed) and re-expands its instances.
    QJsonObject storeMaster(const QString &calendarId, QJsonObject e);
    //! Brings the stored instances of a series in line with its master, overrides and
    //! cancellations: changed instances get a new change key, vanished ones are deleted.
    void materialize(const QString &masterId);
    void removeEvent(const QString &eventId);
    QJsonObject patchStored(const QString &eventId, const QJsonObject &body);

    QMap<QString, QJsonObject> m_cals;
    QHash<QString, int> m_epoch;
    QMap<QString, Stored> m_events; // by id
    QHash<QString, QString> m_transactions; // transactionId -> event id
    QHash<QString, Series> m_series; // master id -> its exceptions and instances
    int m_maxPageSize = 0;
};

} // namespace kairos::fake
