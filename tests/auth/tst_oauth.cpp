// The OAuth loopback flow, the authorised request path and account lifecycle, end to end
// against the strict fake authorization server (InMemoryVault: the keychain has its own tests).
#include "authfixture.h"
#include "authtestutil.h"
#include "core/platform.h"
#include "support/inmemoryvault.h"
#include "support/mockclock.h"

#include <QFile>
#include <QJsonObject>
#include <QTcpSocket>
#include <QtTest>

using namespace kairos;
using namespace kairos::test;

namespace {

//! Is something listening on `port`, and on which address? Reads /proc/net/tcp (Linux; elsewhere
//! nothing is known and the tests rely on the connection probes).
QStringList listenersOn([[maybe_unused]] quint16 port)
{
    QStringList out;
#if KAIROS_PLATFORM_LINUX
    for (const char *file : { "/proc/net/tcp", "/proc/net/tcp6" }) {
        QFile f(QString::fromLatin1(file));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = f.readAll().split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> cols = line.simplified().split(' ');
            if (cols.size() < 4 || cols.at(3) != "0A") // 0A = LISTEN
                continue;
            const QList<QByteArray> local = cols.at(1).split(':');
            if (local.size() == 2 && local.at(1).toUShort(nullptr, 16) == port)
                out.append(QString::fromLatin1(local.at(0)));
        }
    }
#endif
    return out;
}

QUrl withQueryItem(QUrl url, const QString &key, const QString &value)
{
    QUrlQuery q(url);
    q.removeAllQueryItems(key);
    q.addQueryItem(key, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    url.setQuery(q.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return url;
}

template <typename T> T result(const QFuture<T> &f)
{
    if (!waitFor(f, 15000))
        qFatal("future did not finish");
    return f.result();
}

} // namespace

class TestOAuth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<Account::Status>(); }

    void connectSucceeds_data()
    {
        QTest::addColumn<int>("provider");
        QTest::newRow("google") << int(Provider::Google);
        QTest::newRow("microsoft") << int(Provider::Microsoft);
    }
    void connectSucceeds()
    {
        QFETCH(int, provider);
        const Provider p = Provider(provider);
        TempHome home;
        InMemoryVault vault;
        AuthFixture f(vault);
        f.server(p).setEmail(QStringLiteral("ana@example.com"));

        const auto r = f.runConnect(p);
        QVERIFY2(r.hasValue(),
            qPrintable(r.hasValue() ? QString() : r.error().message + f.server(p).lastRejection()));
        QCOMPARE(r->email, QStringLiteral("ana@example.com"));
        QCOMPARE(int(r->provider), int(p));
        QCOMPARE(f.server(p).codeExchanges(), 1);
        QVERIFY(f.browser.lastPage().contains("Kairos is connected"));
        // Authorization request: PKCE S256, 256-bit state, provider extras.
        const QUrlQuery auth(f.browser.lastAuthorizationUrl());
        QCOMPARE(
            auth.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
        QCOMPARE(auth.queryItemValue(QStringLiteral("state")).size(), 43);
        if (p == Provider::Google)
            QCOMPARE(auth.queryItemValue(QStringLiteral("access_type")), QStringLiteral("offline"));

        // Tokens are in the vault under provider/account, metadata in SQLite.
        const QString key = ITokenVault::tokenKey(toString(p), r->id);
        QVERIFY(vault.contains(key));
        const auto tokens = TokenSet::fromJson(vault.value(key));
        QVERIFY(tokens && tokens->accessToken.startsWith(QLatin1String("at-")));
        QCOMPARE(tokens->refreshToken, f.server(p).currentRefreshToken());
        const auto stored = f.store->accounts();
        QVERIFY(stored.hasValue());
        QCOMPARE(stored->size(), 1);
        QCOMPARE(stored->first().email, QStringLiteral("ana@example.com"));
        QCOMPARE(int(stored->first().status), int(Account::Status::Connected));
        QVERIFY(!f.manager->isConnecting());

        // And it works for API calls.
        const auto api = result(f.manager->client()->get(r->id, QUrl(QStringLiteral("ping"))));
        QVERIFY(api.hasValue());
        QCOMPARE(api->status, 200);
    }

    void listenerIsLoopbackOnlyAndClosedAfterwards()
    {
        TempHome home;
        InMemoryVault vault;
        AuthFixture f(vault);
        quint16 port = 0;
        QStringList boundTo;
        QObject ctx;
        connect(f.manager.get(), &AccountManager::authorizeWithBrowser, &ctx, [&]() {
            port = f.manager->currentFlow()->listenPort();
            boundTo = listenersOn(port);
        });
        QVERIFY(f.runConnect(Provider::Google).hasValue());
        QVERIFY(port != 0);
#if KAIROS_PLATFORM_LINUX
        QCOMPARE(boundTo, QStringList { QStringLiteral("0100007F") }); // 127.0.0.1 only
#endif
        QVERIFY(listenersOn(port).isEmpty());
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!probe.waitForConnected(1000));
    }

    void accessDenied()
    {
        TempHome home;
        InMemoryVault vault;
        AuthFixture f(vault);
        f.google.setDenyNextAuthorization(true);
        const auto r = f.runConnect(Provider::Google);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::Cancelled);
        QVERIFY(r.error().message.startsWith(QLatin1String("access_denied")));
        QCOMPARE(f.google.codeExchanges(), 0);
        QVERIFY(f.manager->accounts().isEmpty());
        QVERIFY(vault.keys().isEmpty());
    }

    void stateMismatchIsIgnored()
    {
        // A callback with a forged state is not the sign-in: ignored, the flow keeps waiting
        // for the real one (here none comes: timeout), and no code is redeemed.
        TempHome home;
        InMemoryVault vault;
        AuthFixture f(vault);
        f.manager->setFlowTimeouts(700, 500);
        f.browser.rewriteCallback = [](const QUrl &u) {
            return withQueryItem(u, QStringLiteral("state"), QStringLiteral("forged-state"));
        };
        const auto r = f.runConnect(Provider::Google);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::Timeout);
        QCOMPARE(f.google.codeExchanges(), 0);
        QVERIFY(vault.keys().isEmpty());
    }

    void forgedCallbacksDoNotStopTheSignIn()
    {
        // A local page that found the port sends an error (no state, then a wrong one) and a
        // forged code before the browser comes back: all ignored, the real callback connects.
        TempHome home;
        InMemoryVault vault;
        AuthFixture f(vault);
        int ignored = -1;
        QObject ctx;
        connect(f.manager.get(), &AccountManager::authorizeWithBrowser, &ctx, [&]() {
            OAuthFlow *flow = f.manager->currentFlow();
            connect(flow, &OAuthFlow::callbackReceived, &ctx,
                [&ignored, flow]() { ignored = flow->ignoredCallbacks(); });
        });
        f.browser.forgeFirst = [](const QUrl &real) {
            QUrl base = real;
            base.setQuery(QString());
            QUrl noState = base;
            noState.setQuery(QStringLiteral("error=access_denied&error_description=%3Cb%3Epwn"));
            QUrl wrongState = base;
            wrongState.setQuery(QStringLiteral("error=server_error&state=nope"));
            QUrl forgedCode = base;
            forgedCode.setQuery(QStringLiteral("code=evil&state=forged"));
            return QList<QUrl> { noState, wrongState, forgedCode };
        };
        const auto r = f.runConnect(Provider::Google);
        QVERIFY2(r.hasValue(), r.hasValue() ? "" : qPrintable(r.error().message));
        QCOMPARE(ignored, 3);
        QCOMPARE(f.google.codeExchanges(), 1);
        QCOMPARE(f.manager->accounts().size(), 1);
    }

    void bearerStaysWithItsOrigin()
    {
        // A 302 to another origin, or an absolute URL of one (a Graph nextLink / deltaLink),
        // never gets the token.
        TempHome home;
        InMemoryVault vault;
        AuthFixture f(vault);
        const auto acc = f.runConnect(Provider::Google);
        QVERIFY(acc.hasValue());
        fake::FakeHttpServer other;
        QVERIFY(other.listen());
        other.routePrefix("*", QStringLiteral("/"),
            [](const fake::HttpRequest &) { return fake::HttpResponse::json(200, QJsonObject()); });
        f.google.route("GET", QStringLiteral("/api/moved"), [&other](const fake::HttpRequest &) {
            return fake::HttpResponse::redirect(other.url(QStringLiteral("/steal")));
        });
        const auto moved = result(f.manager->client()->get(acc->id, QUrl(QStringLiteral("moved"))));
        QVERIFY(!moved.hasValue() || moved->status == 302);
        const auto absolute = result(
            f.manager->client()->get(acc->id, other.url(QStringLiteral("/next?$skiptoken=1"))));
        QVERIFY(!absolute.hasValue());
        QVERIFY2(absolute.error().message.contains(QStringLiteral("not the API's origin")),
            qPrintable(absolute.error().message));
        for (const fake::HttpRequest &r : other.requests())
            QVERIFY2(r.bearer().isEmpty(), qPrintable(r.path));
        QCOMPARE(other.requests().size(), 0);
        // The API's own absolute URLs still work.
        const auto same = result(f.manager->client()->get(
            acc->id, f.google.apiBase().resolved(QUrl(QStringLiteral("ping")))));
        QVERIFY(same.hasValue());
        QCOMPARE(same->status, 200);
        QVERIFY(
            AuthorizedClient::sameOrigin(QUrl(QStringLiteral("https://graph.microsoft.com/v1.0/x")),
                QUrl(QStringLiteral("HTTPS://Graph.Microsoft.com:443/v1.0/"))));
        QVERIFY(!AuthorizedClient::sameOrigin(QUrl(QStringLiteral("https://graph.microsoft.com/")),
            QUrl(QStringLiteral("http://graph.microsoft.com/"))));
        // CalDAV passwords: the API's parent domain over https, nothing wider.
        const QUrl icloud(QStringLiteral("https://caldav.icloud.com/"));
        QVERIFY(AuthorizedClient::passwordSibling(
            QUrl(QStringLiteral("https://p42-caldav.icloud.com/123/calendars/")), icloud));
        QVERIFY(!AuthorizedClient::passwordSibling(
            QUrl(QStringLiteral("http://p42-caldav.icloud.com/")), icloud));
        QVERIFY(!AuthorizedClient::passwordSibling(
            QUrl(QStringLiteral("https://evil-icloud.com/")), icloud));
        QVERIFY(!AuthorizedClient::passwordSibling(QUrl(QStringLiteral("https://example.com/")),
            QUrl(QStringLiteral("https://dav.com/"))));
    }

    void replayedCodeIsRejected()
    {
        TempHome home;
        InMemoryVault vault;
        AuthFixture f(vault);
        QVERIFY(f.runConnect(Provider::Google).hasValue());
        const QString oldCode = f.google.lastCode();
        f.browser.rewriteCallback = [oldCode](const QUrl &u) {
            return withQueryItem(u, QStringLiteral("code"), oldCode);
        };
        const auto r = f.runConnect(Provider::Google);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::ProtocolError);
        QVERIFY(r.error().message.startsWith(QLatin1String("invalid_grant")));
        QCOMPARE(f.google.lastRejection(), QStringLiteral("code already used"));
    }

    void callbackToWrongPathIsIgnored()
    {
        TempHome home;
        InMemoryVault vault;
        AuthFixture f(vault);
        f.manager->setFlowTimeouts(700, 500);
        f.browser.rewriteCallback = [](QUrl u) {
            u.setPath(QStringLiteral("/elsewhere"));
            return u;
        };
        const auto r = f.runConnect(Provider::Google);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::Timeout);
        QCOMPARE(f.google.codeExchanges(), 0);
    }

    void tokenEndpointFailures_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("never");
        QTest::addColumn<int>("expected");
        QTest::newRow("400") << 400 << false << int(Error::Code::ProtocolError);
        QTest::newRow("500") << 500 << false << int(Error::Code::ServerError);
        QTest::newRow("never") << 0 << true << int(Error::Code::Timeout);
    }
    void tokenEndpointFailures()
    {
        QFETCH(int, status);
        QFETCH(bool, never);
        QFETCH(int, expected);
        TempHome home;
        InMemoryVault vault;
        AuthFixture f(vault);
        f.manager->setFlowTimeouts(3000, 400);
        fake::Fault fault;
        fault.status = status;
        fault.body = R"({"error":"invalid_request","error_description":"bad"})";
        fault.neverAnswer = never;
        f.google.addFault(QStringLiteral("/token"), fault);
        const auto r = f.runConnect(Provider::Google);
        QVERIFY(!r.hasValue());
        QCOMPARE(int(r.error().code), expected);
        QVERIFY(f.manager->accounts().isEmpty());
        QVERIFY(vault.keys().isEmpty());
        QVERIFY(!f.manager->isConnecting());
    }

    void cancelClosesTheListener()
    {
        TempHome home;
        InMemoryVault vault;
        AuthFixture f(vault);
        QObject::disconnect(
            f.manager.get(), &AccountManager::authorizeWithBrowser, &f.browser, nullptr);
        quint16 port = 0;
        QObject ctx;
        connect(f.manager.get(), &AccountManager::authorizeWithBrowser, &ctx, [&]() {
            port = f.manager->currentFlow()->listenPort();
            QTimer::singleShot(10, f.manager.get(), [&]() { f.manager->cancelConnect(); });
        });
        const auto r = f.runConnect(Provider::Microsoft);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::Cancelled);
        QVERIFY(port != 0);
        QVERIFY(listenersOn(port).isEmpty());
    }

    void notConfigured()
    {
        TempHome home;
        InMemoryVault vault;
        AuthFixture f(vault);
        ProviderConfig c = f.manager->providerConfig(Provider::Google);
        c.clientId.clear();
        f.manager->setProviderConfig(c);
        QVERIFY(!f.manager->isConfigured(Provider::Google));
        const auto r = f.runConnect(Provider::Google);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::NotConfigured);
    }

    void fiftyConcurrentCallsMakeOneRefresh_data()
    {
        connectSucceeds_data();
    }
    void fiftyConcurrentCallsMakeOneRefresh()
    {
        QFETCH(int, provider);
        const Provider p = Provider(provider);
        TempHome home;
        MockClock clock;
        InMemoryVault vault;
        AuthFixture f(vault);
        const auto a = f.runConnect(p);
        QVERIFY(a.hasValue());
        const QString oldRefresh = f.server(p).currentRefreshToken();
        clock.advanceSecs(2 * 3600); // both sides agree the access token has expired

        QList<QFuture<Expected<ApiResponse>>> calls;
        for (int i = 0; i < 50; ++i)
            calls.append(f.manager->client()->get(a->id, QUrl(QStringLiteral("events/%1").arg(i))));
        for (const auto &c : std::as_const(calls)) {
            const auto r = result(c);
            QVERIFY2(r.hasValue(), qPrintable(r.hasValue() ? QString() : r.error().message));
            QCOMPARE(r->status, 200);
        }
        QCOMPARE(f.server(p).refreshes(), 1);
        QCOMPARE(f.manager->client()->refreshCount(a->id), 1);
        QVERIFY(f.server(p).maxInFlight() <= 4);
        // The new tokens were stored at once; Microsoft rotated the refresh token.
        const auto stored
            = TokenSet::fromJson(vault.value(ITokenVault::tokenKey(toString(p), a->id)));
        QVERIFY(stored);
        if (p == Provider::Microsoft) {
            QVERIFY(stored->refreshToken != oldRefresh);
            QCOMPARE(stored->refreshToken, f.server(p).currentRefreshToken());
            QVERIFY(!f.server(p).isRefreshTokenValid(oldRefresh));
        } else {
            QCOMPARE(stored->refreshToken, oldRefresh);
        }
        QCOMPARE(int(f.manager->account(a->id)->status), int(Account::Status::Connected));
    }

    void unauthorisedRefreshesOnceAndRetriesOnce()
    {
        TempHome home;
        InMemoryVault vault;
        AuthFixture f(vault);
        const auto a = f.runConnect(Provider::Google);
        QVERIFY(a.hasValue());
        f.google.invalidateAccessTokens(); // server-side: the cached token is no longer good
        const int apiBefore = f.google.apiCalls();
        const auto r = result(f.manager->client()->get(a->id, QUrl(QStringLiteral("ping"))));
        QVERIFY(r.hasValue());
        QCOMPARE(r->status, 200);
        QCOMPARE(f.google.refreshes(), 1);
        QCOMPARE(f.google.apiCalls() - apiBefore, 2);

        // A server that keeps saying 401: one refresh, one retry, then Unauthorised; no loop.
        fake::Fault fault;
        fault.status = 401;
        f.google.addFault(QStringLiteral("/api/"), fault);
        const auto r2 = result(f.manager->client()->get(a->id, QUrl(QStringLiteral("ping"))));
        QVERIFY(!r2.hasValue());
        QCOMPARE(r2.error().code, Error::Code::Unauthorised);
        QCOMPARE(f.google.refreshes(), 2);
    }

    void invalidGrantNeedsReconnect_data()
    {
        connectSucceeds_data();
    }
    void invalidGrantNeedsReconnect()
    {
        QFETCH(int, provider);
        const Provider p = Provider(provider);
        TempHome home;
        MockClock clock;
        InMemoryVault vault;
        AuthFixture f(vault);
        const auto a = f.runConnect(p);
        QVERIFY(a.hasValue());
        f.server(p).revokeAllRefreshTokens();
        clock.advanceSecs(2 * 3600);
        QSignalSpy status(f.manager.get(), &AccountManager::accountStatusChanged);

        QList<QFuture<Expected<ApiResponse>>> calls;
        for (int i = 0; i < 10; ++i)
            calls.append(f.manager->client()->get(a->id, QUrl(QStringLiteral("ping"))));
        for (const auto &c : std::as_const(calls)) {
            const auto r = result(c);
            QVERIFY(!r.hasValue());
            QCOMPARE(r.error().code, Error::Code::NeedsReconnect);
        }
        QCOMPARE(f.server(p).refreshes(), 1);
        const auto acc = f.manager->account(a->id);
        QCOMPARE(int(acc->status), int(Account::Status::NeedsReconnect));
        QVERIFY(acc->statusReason.startsWith(QLatin1String("invalid_grant")));
        if (p == Provider::Microsoft)
            QVERIFY(acc->statusReason.contains(QLatin1String("AADSTS700082")));
        QVERIFY(!status.isEmpty());
        QCOMPARE(int(status.last().at(1).value<Account::Status>()),
            int(Account::Status::NeedsReconnect));
        // Persisted, so a restart shows it too.
        QCOMPARE(int(f.store->accounts()->first().status), int(Account::Status::NeedsReconnect));
        // No loop: later calls fail at once without touching the token endpoint.
        const auto again = result(f.manager->client()->get(a->id, QUrl(QStringLiteral("ping"))));
        QCOMPARE(again.error().code, Error::Code::NeedsReconnect);
        QCOMPARE(f.server(p).refreshes(), 1);

        // Reconnect keeps the account (and its data) and makes it work again.
        Calendar cal;
        cal.id = QStringLiteral("cal-1");
        cal.accountId = a->id;
        cal.kind = p == Provider::Google ? CalendarKind::Google : CalendarKind::Microsoft;
        cal.name = QStringLiteral("Work");
        QVERIFY(f.store->saveCalendar(cal).hasValue());
        const auto re = f.runConnect(p, a->id);
        QVERIFY2(re.hasValue(), qPrintable(re.hasValue() ? QString() : re.error().message));
        QCOMPARE(re->id, a->id);
        QCOMPARE(int(f.manager->account(a->id)->status), int(Account::Status::Connected));
        QVERIFY(f.store->calendar(QStringLiteral("cal-1")).hasValue());
        const auto ok = result(f.manager->client()->get(a->id, QUrl(QStringLiteral("ping"))));
        QVERIFY(ok.hasValue());
        QCOMPARE(ok->status, 200);
    }

    void reconnectAsAnotherAccountIsRefused()
    {
        TempHome home;
        InMemoryVault vault;
        AuthFixture f(vault);
        const auto a = f.runConnect(Provider::Google);
        QVERIFY(a.hasValue());
        f.google.setEmail(QStringLiteral("other@example.com"));
        const auto r = f.runConnect(Provider::Google, a->id);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::Conflict);
        QCOMPARE(f.manager->accounts().size(), 1);
    }

    void retryAfterIsHonoured()
    {
        TempHome home;
        InMemoryVault vault;
        AuthFixture f(vault);
        const auto a = f.runConnect(Provider::Microsoft);
        QVERIFY(a.hasValue());
        QList<qint64> seen;
        f.manager->client()->setBackoff([&seen](int, qint64 retryAfterMs) {
            seen.append(retryAfterMs);
            return 5;
        });
        fake::Fault fault;
        fault.status = 429;
        fault.headers = { { "Retry-After", "3" } };
        fault.times = 2;
        f.microsoft.addFault(QStringLiteral("/api/"), fault);
        fake::Fault busy;
        busy.status = 503;
        busy.times = 1;
        f.microsoft.addFault(QStringLiteral("/api/"), busy);
        auto req = ApiRequest::patch(QUrl(QStringLiteral("me/events/1")),
            QJsonDocument(QJsonObject { { QStringLiteral("subject"), QStringLiteral("x") } }));
        req.header("If-Match", "W/\"etag-1\"").header("Prefer", "outlook.timezone=\"UTC\"");
        const auto r = result(f.manager->client()->send(a->id, req));
        QVERIFY(r.hasValue());
        QCOMPARE(r->status, 200);
        QCOMPARE(seen, (QList<qint64> { 3000, 3000, -1 }));
        const QJsonObject echo = r->json().object();
        QCOMPARE(echo.value(QStringLiteral("method")).toString(), QStringLiteral("PATCH"));
        QCOMPARE(echo.value(QStringLiteral("headers"))
                     .toObject()
                     .value(QStringLiteral("if-match"))
                     .toString(),
            QStringLiteral("W/\"etag-1\""));
        QCOMPARE(echo.value(QStringLiteral("headers"))
                     .toObject()
                     .value(QStringLiteral("prefer"))
                     .toString(),
            QStringLiteral("outlook.timezone=\"UTC\""));

        // Exhausted retries → RateLimited.
        f.manager->client()->setMaxRetries(2);
        fake::Fault always;
        always.status = 429;
        f.microsoft.addFault(QStringLiteral("/api/"), always);
        const auto limited = result(f.manager->client()->get(a->id, QUrl(QStringLiteral("ping"))));
        QVERIFY(!limited.hasValue());
        QCOMPARE(limited.error().code, Error::Code::RateLimited);
    }

    void retryAfterParsing()
    {
        MockClock clock(QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC));
        QCOMPARE(AuthorizedClient::parseRetryAfter("7"), 7000);
        QCOMPARE(AuthorizedClient::parseRetryAfter("Sat, 21 Nov 2026 12:00:30 GMT"), 30000);
        QCOMPARE(AuthorizedClient::parseRetryAfter(""), -1);
        QCOMPARE(AuthorizedClient::parseRetryAfter("soon"), -1);
        for (int attempt = 1; attempt <= 10; ++attempt) {
            const int d = AuthorizedClient::defaultBackoff(attempt, -1);
            QVERIFY(d >= 0 && d <= 60000);
        }
        const int withHeader = AuthorizedClient::defaultBackoff(1, 2000);
        QVERIFY(withHeader >= 2000 && withHeader <= 2400);
    }

    void disconnectRevokesAndRemovesEverything()
    {
        TempHome home;
        InMemoryVault vault;
        AuthFixture f(vault);
        const auto a = f.runConnect(Provider::Google);
        QVERIFY(a.hasValue());
        const QString refresh = f.google.currentRefreshToken();
        Calendar cal;
        cal.id = QStringLiteral("cal-g");
        cal.accountId = a->id;
        cal.kind = CalendarKind::Google;
        cal.name = QStringLiteral("Personal");
        QVERIFY(f.store->saveCalendar(cal).hasValue());

        const auto r = result(f.manager->disconnectAccount(a->id));
        QVERIFY(r.hasValue());
        QCOMPARE(f.google.revocations(), 1);
        QVERIFY(!f.google.isRefreshTokenValid(refresh));
        QVERIFY(vault.keys().isEmpty());
        QVERIFY(f.manager->accounts().isEmpty());
        QVERIFY(f.store->accounts()->isEmpty());
        QVERIFY(!f.store->calendar(QStringLiteral("cal-g")).hasValue());
        const auto after = result(f.manager->client()->get(a->id, QUrl(QStringLiteral("ping"))));
        QCOMPARE(after.error().code, Error::Code::NotFound);
    }

    void keychainUnavailableSavesNothing()
    {
        TempHome home;
        InMemoryVault vault;
        vault.setUnavailable(true);
        AuthFixture f(vault);
        const auto r = f.runConnect(Provider::Google);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::KeychainUnavailable);
        QVERIFY(f.manager->accounts().isEmpty());
        QVERIFY(f.store->accounts()->isEmpty());
    }

    void providerConfigSources()
    {
        const QHash<QString, QString> env { { QStringLiteral("KAIROS_GOOGLE_CLIENT_ID"),
                                                QStringLiteral("env-id") },
            { QStringLiteral("KAIROS_GOOGLE_TOKEN_URL"), QStringLiteral("http://127.0.0.1:9/t") } };
        const auto file
            = ProviderConfig::parseEnvFile("# comment\nKAIROS_GOOGLE_CLIENT_ID=file-id\n"
                                           "KAIROS_GOOGLE_CLIENT_SECRET=\"GOCSPX-a+b\"\n"
                                           "export KAIROS_MICROSOFT_TENANT=organizations\n");
        const ProviderConfig g = ProviderConfig::load(Provider::Google, env, file);
        QCOMPARE(g.clientId, QStringLiteral("env-id")); // the environment wins
        QCOMPARE(g.clientSecret, QStringLiteral("GOCSPX-a+b"));
        QCOMPARE(g.tokenUrl, QUrl(QStringLiteral("http://127.0.0.1:9/t")));
        QCOMPARE(
            g.authorizeUrl, QUrl(QStringLiteral("https://accounts.google.com/o/oauth2/v2/auth")));
        QVERIFY(g.scope.contains(QLatin1String("calendar.events")));
        const ProviderConfig m = ProviderConfig::load(Provider::Microsoft, {}, file);
        QVERIFY(!m.isConfigured());
        QCOMPARE(m.tenant, QStringLiteral("organizations"));
        QCOMPARE(m.tokenUrl,
            QUrl(QStringLiteral(
                "https://login.microsoftonline.com/organizations/oauth2/v2.0/token")));
        QVERIFY(m.clientSecret.isEmpty());
        QVERIFY(m.revokeUrl.isEmpty());
        QCOMPARE(
            m.scope, QStringLiteral("openid profile offline_access User.Read Calendars.ReadWrite"));
    }

    void endpointOverridesMustBeSafe()
    {
        // Tokens go where these point: an override over plain http to another host (say from
        // an MCP client's "env" block copied from the web) is ignored, the default kept.
        const QHash<QString, QString> env {
            { QStringLiteral("KAIROS_GOOGLE_TOKEN_URL"), QStringLiteral("http://evil.example/t") },
            { QStringLiteral("KAIROS_GOOGLE_API_BASE"), QStringLiteral("ftp://evil.example/") },
            { QStringLiteral("KAIROS_GOOGLE_USERINFO_URL"),
                QStringLiteral("https://proxy.example/userinfo") },
            { QStringLiteral("KAIROS_GOOGLE_AUTH_URL"), QStringLiteral("http://localhost:8/a") },
        };
        const ProviderConfig g = ProviderConfig::load(Provider::Google, env, {});
        QCOMPARE(g.tokenUrl, QUrl(QStringLiteral("https://oauth2.googleapis.com/token")));
        QCOMPARE(g.apiBase, QUrl(QStringLiteral("https://www.googleapis.com/calendar/v3/")));
        QCOMPARE(g.userInfoUrl, QUrl(QStringLiteral("https://proxy.example/userinfo")));
        QCOMPARE(g.authorizeUrl, QUrl(QStringLiteral("http://localhost:8/a")));
        QVERIFY(ProviderConfig::isAllowedEndpoint(QUrl(QStringLiteral("http://127.0.0.2:5/"))));
        QVERIFY(ProviderConfig::isAllowedEndpoint(QUrl(QStringLiteral("http://[::1]:5/"))));
        QVERIFY(!ProviderConfig::isAllowedEndpoint(QUrl(QStringLiteral("http://10.0.0.1/"))));
        QVERIFY(!ProviderConfig::isAllowedEndpoint(QUrl(QStringLiteral("file:///etc/x"))));
    }
};

QTEST_GUILESS_MAIN(TestOAuth)
#include "tst_oauth.moc"
