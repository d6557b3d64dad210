// The cross-process refresh lock (src/auth/refreshlock.h): two AuthorizedClients with their
// own vault handles on one backing store and one lock folder — as the desktop app and
// kairos-cli mcp are on one profile — refresh a Microsoft account (rotating refresh tokens)
// at the same moment: one refresh request, both get a working token.
#include "auth/refreshlock.h"
#include "authfixture.h"
#include "authtestutil.h"
#include "support/inmemoryvault.h"
#include "support/mockclock.h"

#include <QFile>
#include <QLockFile>
#include <QSysInfo>
#include <QtTest>

using namespace kairos;
using namespace kairos::test;

namespace {

//! Another process's handle on the same keychain: its own object, the same entries.
class VaultHandle final : public ITokenVault {
public:
    explicit VaultHandle(InMemoryVault &store)
        : m_store(store)
    { }
    QFuture<Expected<QByteArray>> read(const QString &key) override { return m_store.read(key); }
    QFuture<Expected<void>> write(const QString &key, const QByteArray &secret) override
    {
        return m_store.write(key, secret);
    }
    QFuture<Expected<void>> remove(const QString &key) override { return m_store.remove(key); }

private:
    InMemoryVault &m_store;
};

template <typename T> T result(const QFuture<T> &f)
{
    if (!waitFor(f, 15000))
        qFatal("future did not finish");
    return f.result();
}

} // namespace

class TestRefreshLock : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<Account::Status>(); }

    void lockPathIsPerAccountAndSafe()
    {
        QCOMPARE(RefreshLock::lockPath(QStringLiteral("/d"), QStringLiteral("ab-1.x_Y")),
            QStringLiteral("/d/refresh-ab-1.x_Y.lock"));
        QCOMPARE(RefreshLock::lockPath(QStringLiteral("/d"), QStringLiteral("../a/b c")),
            QStringLiteral("/d/refresh-.._a_b_c.lock"));
    }

    void lockIsExclusiveAndNeverBlocks()
    {
        QTemporaryDir dir;
        RefreshLock a(dir.path(), QStringLiteral("acc"));
        RefreshLock b(dir.path(), QStringLiteral("acc"));
        RefreshLock other(dir.path(), QStringLiteral("other"));
        std::optional<Expected<void>> ra, rb, ro;
        a.acquire(1000, [&](const Expected<void> &r) { ra = r; });
        QVERIFY(ra && ra->hasValue());
        QVERIFY(QFile::exists(a.path()));
        other.acquire(1000, [&](const Expected<void> &r) { ro = r; });
        QVERIFY(ro && ro->hasValue()); // per account

        QElapsedTimer t;
        t.start();
        b.setRetryIntervalMs(10);
        b.acquire(60000, [&](const Expected<void> &r) { rb = r; });
        QVERIFY(!rb); // waits on a timer, not in the call
        QVERIFY(t.elapsed() < 500);
        QTest::qWait(50);
        QVERIFY(!rb);
        a.release();
        QTRY_VERIFY(rb.has_value());
        QVERIFY(rb->hasValue());
        QVERIFY(b.isLocked());

        // Held past the deadline → Timeout.
        RefreshLock c(dir.path(), QStringLiteral("acc"));
        c.setRetryIntervalMs(10);
        std::optional<Expected<void>> rc;
        c.acquire(100, [&](const Expected<void> &r) { rc = r; });
        QTRY_VERIFY(rc.has_value());
        QCOMPARE(rc->error().code, Error::Code::Timeout);
    }

    void staleLockOfADeadProcessIsTakenOver()
    {
        QTemporaryDir dir;
        const QString path = RefreshLock::lockPath(dir.path(), QStringLiteral("acc"));
        {
            // What QLockFile leaves behind when its process is killed: pid, app, host.
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("4194300\nkairos\n" + QSysInfo::machineHostName().toUtf8() + "\n");
        }
        RefreshLock lock(dir.path(), QStringLiteral("acc"));
        std::optional<Expected<void>> r;
        lock.acquire(2000, [&](const Expected<void> &x) { r = x; });
        QTRY_VERIFY(r.has_value());
        QVERIFY2(r->hasValue(), qPrintable(r->hasValue() ? QString() : r->error().message));
    }

    void twoClientsRefreshingAtOnceMakeOneRefresh()
    {
        TempHome home;
        MockClock clock;
        InMemoryVault store;
        AuthFixture f(store);
        const auto a = f.runConnect(Provider::Microsoft);
        QVERIFY(a.hasValue());
        const QString firstRefresh = f.microsoft.currentRefreshToken();
        QCOMPARE(f.microsoft.refreshes(), 0);

        VaultHandle vault1(store), vault2(store);
        AuthorizedClient c1(vault1), c2(vault2);
        for (AuthorizedClient *c : { &c1, &c2 }) {
            c->setRefreshLockDir(f.profile.dataDir());
            c->addAccount(a->id, configFor(f.microsoft));
        }
        clock.advanceSecs(2 * 3600); // everyone agrees the access token has expired

        QList<QFuture<Expected<ApiResponse>>> calls;
        for (int i = 0; i < 5; ++i) {
            calls.append(c1.get(a->id, QUrl(QStringLiteral("events/a%1").arg(i))));
            calls.append(c2.get(a->id, QUrl(QStringLiteral("events/b%1").arg(i))));
        }
        for (const auto &c : std::as_const(calls)) {
            const auto r = result(c);
            QVERIFY2(r.hasValue(), qPrintable(r.hasValue() ? QString() : r.error().message));
            QCOMPARE(r->status, 200);
        }
        QCOMPARE(f.microsoft.refreshes(), 1);
        QCOMPARE(c1.refreshCount(a->id) + c2.refreshCount(a->id), 1);
        QCOMPARE(c1.adoptedCount(a->id) + c2.adoptedCount(a->id), 1);
        QCOMPARE(int(c1.status(a->id)), int(Account::Status::Connected));
        QCOMPARE(int(c2.status(a->id)), int(Account::Status::Connected));
        const auto stored = TokenSet::fromJson(
            store.value(ITokenVault::tokenKey(QStringLiteral("microsoft"), a->id)));
        QVERIFY(stored);
        QVERIFY(stored->refreshToken != firstRefresh);
        QCOMPARE(stored->refreshToken, f.microsoft.currentRefreshToken());
        QVERIFY(f.microsoft.isRefreshTokenValid(stored->refreshToken));
        QVERIFY(!QFile::exists(RefreshLock::lockPath(f.profile.dataDir(), a->id)));

        // Next expiry: the other client refreshes with the rotated token, not its old copy.
        clock.advanceSecs(2 * 3600);
        for (AuthorizedClient *c : { &c2, &c1 }) {
            const auto r = result(c->get(a->id, QUrl(QStringLiteral("events/again"))));
            QVERIFY2(r.hasValue(), qPrintable(r.hasValue() ? QString() : r.error().message));
            QCOMPARE(r->status, 200);
        }
        QCOMPARE(f.microsoft.refreshes(), 2);
        QCOMPARE(int(c1.status(a->id)), int(Account::Status::Connected));
        QCOMPARE(int(c2.status(a->id)), int(Account::Status::Connected));
    }

    void withoutTheLockTheRotatedTokenIsUsedTwice()
    {
        // What the lock prevents: both refresh with the same refresh token; the second is
        // refused (Microsoft: the token was rotated away) and that process must reconnect.
        TempHome home;
        MockClock clock;
        InMemoryVault store;
        AuthFixture f(store);
        const auto a = f.runConnect(Provider::Microsoft);
        QVERIFY(a.hasValue());
        VaultHandle vault1(store), vault2(store);
        AuthorizedClient c1(vault1), c2(vault2);
        for (AuthorizedClient *c : { &c1, &c2 })
            c->addAccount(a->id, configFor(f.microsoft));
        clock.advanceSecs(2 * 3600);
        const auto f1 = c1.get(a->id, QUrl(QStringLiteral("events/1")));
        const auto f2 = c2.get(a->id, QUrl(QStringLiteral("events/2")));
        const auto r1 = result(f1);
        const auto r2 = result(f2);
        QCOMPARE(f.microsoft.refreshes(), 2);
        QVERIFY(!r1.hasValue() || !r2.hasValue());
    }

    void lockHeldTooLongFailsWithoutRefreshing()
    {
        TempHome home;
        MockClock clock;
        InMemoryVault store;
        AuthFixture f(store);
        const auto a = f.runConnect(Provider::Microsoft);
        QVERIFY(a.hasValue());
        QLockFile other(RefreshLock::lockPath(f.profile.dataDir(), a->id));
        QVERIFY(other.tryLock(0));

        VaultHandle vault(store);
        AuthorizedClient c(vault);
        c.setRefreshLockDir(f.profile.dataDir());
        c.setRefreshLockWaitMs(200);
        c.addAccount(a->id, configFor(f.microsoft));
        clock.advanceSecs(2 * 3600);
        const auto r = result(c.get(a->id, QUrl(QStringLiteral("events/1"))));
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, Error::Code::Timeout);
        QCOMPARE(f.microsoft.refreshes(), 0);
        QCOMPARE(int(c.status(a->id)), int(Account::Status::Connected));

        other.unlock(); // the next call goes through
        const auto again = result(c.get(a->id, QUrl(QStringLiteral("events/2"))));
        QVERIFY(again.hasValue());
        QCOMPARE(f.microsoft.refreshes(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRefreshLock)
#include "tst_refreshlock.moc"
