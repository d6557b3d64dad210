// Two `kairos-cli mcp` processes on one profile whose Microsoft access token has expired, against
// a Graph fake that rotates refresh tokens the way Microsoft does (issue 9): both need a token at
// the same moment. The cross-process refresh lock must make exactly one refresh; the other
// process adopts the rotated token from the keychain instead of presenting the old refresh token
// (which Microsoft would refuse, and which would force the user to sign in again).
// Real keychain (gnome-keyring under scripts/with-keyring.sh): labelled KEYCHAIN.
#include "mcptestutil.h"
#include "support/testenv.h"

#include "auth/tokenset.h"
#include "auth/tokenvault.h"
#include "core/clock.h"
#include "fakegoogleserver.h"

#include <QRandomGenerator>
#include <QThread>

using namespace kairos;
using namespace kairos::test;

namespace {

//! The Graph fake on a thread of its own: the test's thread blocks while it waits for the MCP
//! processes' answers, and the fake must keep answering them meanwhile.
class GraphThread {
public:
    GraphThread()
    {
        m_anchor.moveToThread(&m_thread);
        m_thread.start();
        run([this]() {
            m_graph = new fake::FakeGraphServer;
            m_graph->setRotateRefreshTokens(true);
            m_graph->addCalendar(QStringLiteral("cal-work"), QStringLiteral("Work"),
                QStringLiteral("#0078d4"), true, true);
            m_graph->seed(QStringLiteral("cal-work"), 20,
                QDateTime(QDate::currentDate(), QTime(9, 0), QTimeZone("Europe/Madrid")));
            m_listening = m_graph->listen();
        });
    }
    ~GraphThread()
    {
        run([this]() { delete m_graph; });
        m_thread.quit();
        m_thread.wait();
    }
    bool listening() const { return m_listening; }
    //! Runs `f` on the server's thread and waits for it.
    template <typename F> void run(F f)
    {
        QMetaObject::invokeMethod(&m_anchor, f, Qt::BlockingQueuedConnection);
    }
    fake::FakeGraphServer *operator->() { return m_graph; }

private:
    QThread m_thread;
    QObject m_anchor;
    fake::FakeGraphServer *m_graph = nullptr;
    bool m_listening = false;
};

} // namespace

class TestMcpRefresh : public QObject {
    Q_OBJECT
private:
    template <typename T> static T get(const QFuture<T> &f)
    {
        QDeadlineTimer deadline(30000);
        while (!f.isFinished() && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        if (!f.isFinished())
            qFatal("keychain future did not finish");
        return f.result();
    }

private Q_SLOTS:
    void twoProcessesRefreshOnce()
    {
        TempHome home;
        const QString name
            = QStringLiteral("mcp-") + QString::number(QRandomGenerator::global()->generate(), 16);
        Profile profile(name);
        QVERIFY(profile.ensureDirs().hasValue());

        GraphThread graph;
        QVERIFY(graph.listening());
        QString firstRefresh, accessToken, tokenUrl, apiBase;
        graph.run([&]() {
            firstRefresh = graph->refreshToken();
            accessToken = graph->accessToken();
            tokenUrl = graph->tokenUrl().toString();
            apiBase = graph->apiBase().toString();
        });

        Account account;
        account.id = QStringLiteral("acc-m");
        account.provider = Provider::Microsoft;
        account.email = QStringLiteral("me@example.com");
        account.status = Account::Status::Connected;
        account.connectedAt = Clock::nowUtc();
        {
            auto db = Database::open(
                profile.databasePath(), profile.backupDir(), QStringLiteral("refresh-seed"));
            QVERIFY(db.hasValue());
            EventStore store(**db);
            QVERIFY(store.saveAccount(account).hasValue());
        }
        // The access token is still accepted by the server, but both processes believe it has
        // expired: each wants a refresh before its first request.
        QtKeychainVault vault(profile);
        const QString key = ITokenVault::tokenKey(QStringLiteral("microsoft"), account.id);
        TokenSet t;
        t.accessToken = accessToken;
        t.refreshToken = firstRefresh;
        t.expiresAt = Clock::nowUtc().addSecs(-3600);
        const auto w = get(vault.write(key, t.toJson()));
        QVERIFY2(w.hasValue(), qPrintable(w.hasValue() ? QString() : w.error().message));

        qputenv("KAIROS_MICROSOFT_CLIENT_ID", "client");
        qputenv("KAIROS_MICROSOFT_TOKEN_URL", tokenUrl.toUtf8());
        qputenv("KAIROS_MICROSOFT_API_BASE", apiBase.toUtf8());
        const QStringList args { QStringLiteral("--profile"), name };
        McpProcess a(home.path(), args);
        McpProcess b(home.path(), args);
        QVERIFY(a.started());
        QVERIFY(b.started());
        QVERIFY(a.initialize().contains(QStringLiteral("result")));
        QVERIFY(b.initialize().contains(QStringLiteral("result")));

        // Both at once: each process syncs the account, which needs a fresh token.
        const QJsonObject call { { QStringLiteral("name"), QStringLiteral("sync_calendars") },
            { QStringLiteral("arguments"), QJsonObject {} } };
        // The token endpoint keeps its answer back until both processes are inside the
        // refresh path: one waiting at the fake, the other at the lock (without the lock, both
        // would be at the fake, and the second would present a rotated-away token).
        graph.run([&]() { graph->closeGate(QStringLiteral("/token")); });
        a.send(QStringLiteral("tools/call"), call);
        b.send(QStringLiteral("tools/call"), call);
        QByteArray errA, errB;
        int gated = 0;
        const QByteArray wants = "taking the refresh lock for \"acc-m\"";
        QTRY_VERIFY_WITH_TIMEOUT(
            [&]() {
                errA += a.process().readAllStandardError();
                errB += b.process().readAllStandardError();
                graph.run([&]() { gated = graph->gatedRequests(); });
                return gated >= 1 && errA.contains(wants) && errB.contains(wants);
            }(),
            30000);
        graph.run([&]() { graph->openGate(); });
        for (McpProcess *p : { &a, &b }) {
            const QJsonObject r = p->readMessage(60000);
            const QJsonObject res = r.value(QStringLiteral("result")).toObject();
            QVERIFY2(!res.isEmpty() && !isToolError(res),
                qPrintable(QString::fromUtf8(QJsonDocument(r).toJson())
                    + QString::fromUtf8(p == &a ? errA : errB)
                    + QString::fromUtf8(p->process().readAllStandardError())));
        }

        int refreshes = 0, reuses = 0;
        QString currentRefresh;
        graph.run([&]() {
            refreshes = graph->refreshes();
            reuses = graph->refreshTokenReuses();
            currentRefresh = graph->refreshToken();
        });
        QCOMPARE(refreshes, 1);
        QCOMPARE(reuses, 0);
        QVERIFY(currentRefresh != firstRefresh);
        // The rotated token is what the keychain holds now, for the desktop app too.
        const auto stored = get(vault.read(key));
        QVERIFY(stored.hasValue());
        const auto tokens = TokenSet::fromJson(*stored);
        QVERIFY(tokens);
        QCOMPARE(tokens->refreshToken, currentRefresh);
        QVERIFY(tokens->expiresAt > Clock::nowUtc());
        // Both processes synced the account's calendars with the new token.
        auto db = Database::open(
            profile.databasePath(), profile.backupDir(), QStringLiteral("refresh-check"));
        QVERIFY(db.hasValue());
        EventStore store(**db);
        const auto cals = store.calendars();
        QVERIFY(cals.hasValue());
        int graphCalendars = 0;
        for (const Calendar &c : *cals)
            graphCalendars += c.accountId == account.id ? 1 : 0;
        QCOMPARE(graphCalendars, 1);
        const auto events = store.eventsInRange(Clock::nowUtc().addDays(-30).toMSecsSinceEpoch(),
            Clock::nowUtc().addDays(60).toMSecsSinceEpoch(), {});
        QVERIFY(events.hasValue());
        QVERIFY(events->size() > 0);
        const auto after = store.accounts();
        QVERIFY(after.hasValue());
        for (const Account &x : *after)
            if (x.id == account.id)
                QCOMPARE(int(x.status), int(Account::Status::Connected));
        QVERIFY(get(vault.remove(key)).hasValue());
    }
};

QTEST_GUILESS_MAIN(TestMcpRefresh)
#include "tst_mcp_refresh.moc"
