#pragma once
// Shared set-up of the sync tests: a temporary profile database, an in-memory vault holding a
// token the fake accepts, AuthorizedClient pointed at a fake Google or Graph server, and a
// SyncEngine. No sleeps: waits are QTRY_* on signals and state.

#include "auth/authorizedclient.h"
#include "auth/providerconfig.h"
#include "auth/tokenset.h"
#include "auth/tokenvault.h"
#include "calendar/calendarservice.h"
#include "core/clock.h"
#include "core/profile.h"
#include "fakegoogleserver.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/inmemoryvault.h"
#include "support/testenv.h"
#include "sync/syncengine.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace kairos::test {

struct SyncFixture {
    explicit SyncFixture(Provider provider, const QString &name = QStringLiteral("sync"))
        : provider(provider)
        , profile(name)
    {
        QVERIFY(profile.ensureDirs().hasValue());
        auto opened
            = Database::open(profile.databasePath(), QString(), QStringLiteral("sync-") + name);
        QVERIFY(opened.hasValue());
        db = std::move(*opened);
        store = std::make_unique<EventStore>(*db);
        server = provider == Provider::Google ? static_cast<fake::FakeProviderBase *>(&google)
                                              : static_cast<fake::FakeProviderBase *>(&graph);
        QVERIFY(server->listen());
        account.id
            = provider == Provider::Google ? QStringLiteral("acc-g") : QStringLiteral("acc-m");
        account.provider = provider;
        account.email = QStringLiteral("me@example.com");
        account.connectedAt = Clock::nowUtc();
        QVERIFY(store->saveAccount(account).hasValue());
        TokenSet t;
        t.accessToken = server->accessToken();
        t.refreshToken = server->refreshToken();
        t.expiresAt = Clock::nowUtc().addSecs(3600 * 24 * 365);
        auto w = vault.write(ITokenVault::tokenKey(toString(provider), account.id), t.toJson());
        QTRY_VERIFY(w.isFinished());
        client = std::make_unique<AuthorizedClient>(vault);
        client->setBackoff([](int, qint64) { return 1; });
        client->setRequestTimeoutMs(5000);
        ProviderConfig c = ProviderConfig::load(provider, {}, {});
        c.clientId = QStringLiteral("client");
        c.clientSecret = provider == Provider::Google ? QStringLiteral("secret") : QString();
        c.tokenUrl = server->tokenUrl();
        c.apiBase = provider == Provider::Google ? google.apiBase() : graph.apiBase();
        client->addAccount(account.id, c);
        service = std::make_unique<CalendarService>(*db, QTimeZone("Europe/Madrid"));
        makeEngine();
    }

    void makeEngine()
    {
        engine.reset();
        engine = std::make_unique<SyncEngine>(*db, *client);
        engine->setSyncInterval(0);
        engine->setCalendarService(service.get());
        engine->addAccount(account);
    }

    //! One run to its end; returns whether it went well.
    bool sync(int ms = 20000)
    {
        QSignalSpy spy(engine.get(), &SyncEngine::syncFinished);
        engine->syncAccount(account.id);
        if (!spy.wait(ms) && spy.isEmpty())
            return false;
        // A write made during the run starts another one; wait for quiet.
        QDeadlineTimer deadline(ms);
        while (engine->isSyncing() && !deadline.hasExpired())
            QTest::qWait(2);
        return spy.last().at(1).toBool();
    }

    QString calId(const QString &providerCal) const
    {
        return account.id + QLatin1Char(':') + providerCal;
    }
    QString eventId(const QString &providerCal, const QString &pid) const
    {
        return calId(providerCal) + QLatin1Char('/') + pid;
    }

    int requestsTo(const QString &pathPart) const
    {
        int n = 0;
        for (const auto &r : server->requests())
            n += r.path.contains(pathPart) ? 1 : 0;
        return n;
    }

    Provider provider;
    TempHome home;
    Profile profile;
    std::unique_ptr<Database> db;
    std::unique_ptr<EventStore> store;
    InMemoryVault vault;
    fake::FakeGoogleServer google;
    fake::FakeGraphServer graph;
    fake::FakeProviderBase *server = nullptr;
    Account account;
    std::unique_ptr<AuthorizedClient> client;
    std::unique_ptr<CalendarService> service;
    std::unique_ptr<SyncEngine> engine;
};

inline QByteArray icsStamp(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toUtf8();
}

//! An .ics file for the provider-import tests: a plain event, a weekly series (COUNT=4) and,
//! with `withOverride`, a changed occurrence of the second week that comes before its series.
inline QByteArray teamImportFile(
    const QDateTime &first, const QByteArray &plainTitle, bool withOverride)
{
    const QDateTime second = first.addDays(7);
    QByteArray ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n";
    if (withOverride)
        ics += "BEGIN:VEVENT\r\nUID:series@example.com\r\nDTSTAMP:20240101T000000Z\r\n"
               "RECURRENCE-ID:"
            + icsStamp(second) + "\r\nDTSTART:" + icsStamp(second.addSecs(3600)) + "\r\nDTEND:"
            + icsStamp(second.addSecs(5400)) + "\r\nSUMMARY:Series (moved)\r\nEND:VEVENT\r\n";
    ics += "BEGIN:VEVENT\r\nUID:series@example.com\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:"
        + icsStamp(first) + "\r\nDTEND:" + icsStamp(first.addSecs(1800))
        + "\r\nRRULE:FREQ=WEEKLY;COUNT=4\r\nSUMMARY:Series\r\nEND:VEVENT\r\n"
          "BEGIN:VEVENT\r\nUID:plain@example.com\r\nDTSTAMP:20240101T000000Z\r\nDTSTART:"
        + icsStamp(first.addSecs(5 * 3600)) + "\r\nDTEND:" + icsStamp(first.addSecs(6 * 3600))
        + "\r\nSUMMARY:" + plainTitle + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    return ics;
}

inline QJsonObject gEvent(const QString &title, const QDateTime &start, int minutes = 60,
    const QStringList &recurrence = {})
{
    const QString zone = start.timeSpec() == Qt::TimeZone
        ? QString::fromLatin1(start.timeZone().id())
        : QStringLiteral("UTC");
    QJsonObject o { { QStringLiteral("summary"), title },
        { QStringLiteral("start"),
            QJsonObject { { QStringLiteral("dateTime"), start.toString(Qt::ISODate) },
                { QStringLiteral("timeZone"), zone } } },
        { QStringLiteral("end"),
            QJsonObject {
                { QStringLiteral("dateTime"), start.addSecs(minutes * 60).toString(Qt::ISODate) },
                { QStringLiteral("timeZone"), zone } } } };
    if (!recurrence.isEmpty())
        o.insert(QStringLiteral("recurrence"), QJsonArray::fromStringList(recurrence));
    return o;
}

inline QJsonObject msEvent(const QString &title, const QDateTime &start, int minutes = 60)
{
    const QString f = QStringLiteral("yyyy-MM-dd'T'HH:mm:ss");
    return QJsonObject { { QStringLiteral("subject"), title },
        { QStringLiteral("start"),
            QJsonObject { { QStringLiteral("dateTime"), start.toUTC().toString(f) },
                { QStringLiteral("timeZone"), QStringLiteral("UTC") } } },
        { QStringLiteral("end"),
            QJsonObject {
                { QStringLiteral("dateTime"), start.toUTC().addSecs(minutes * 60).toString(f) },
                { QStringLiteral("timeZone"), QStringLiteral("UTC") } } } };
}

} // namespace kairos::test
