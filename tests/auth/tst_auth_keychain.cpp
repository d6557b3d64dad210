// Against the real keychain (gnome-keyring under dbus-run-session in CI; label KEYCHAIN):
// two profiles never see each other's tokens, and no token ever reaches a file or a log.
#include "authfixture.h"
#include "authtestutil.h"
#include "support/mockclock.h"

#include <QDirIterator>
#include <QLoggingCategory>
#include <QMutex>
#include <QRandomGenerator>
#include <QtTest>

using namespace kairos;
using namespace kairos::test;

namespace {

QMutex logMutex;
QStringList capturedLog;
QtMessageHandler previousHandler = nullptr;

void captureMessages(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    {
        QMutexLocker lock(&logMutex);
        capturedLog.append(
            QString::fromLatin1(ctx.category ? ctx.category : "") + QLatin1Char(' ') + msg);
    }
    if (previousHandler && type != QtDebugMsg)
        previousHandler(type, ctx, msg);
}

template <typename T> T result(const QFuture<T> &f)
{
    if (!waitFor(f, 30000))
        qFatal("future did not finish");
    return f.result();
}

} // namespace

class TestAuthKeychain : public QObject {
    Q_OBJECT

    QString suffix = QString::number(QRandomGenerator::global()->generate(), 16);

private Q_SLOTS:
    void twoProfilesAreIsolated()
    {
        TempHome home;
        QtKeychainVault aliceVault(Profile(QStringLiteral("alice-") + suffix));
        QtKeychainVault bobVault(Profile(QStringLiteral("bob-") + suffix));
        AuthFixture alice(aliceVault, QStringLiteral("alice-") + suffix);
        AuthFixture bob(bobVault, QStringLiteral("bob-") + suffix);
        alice.google.setEmail(QStringLiteral("alice@example.com"));
        bob.google.setEmail(QStringLiteral("bob@example.com"));
        const auto a = alice.runConnect(Provider::Google);
        QVERIFY2(a.hasValue(), qPrintable(a.hasValue() ? QString() : a.error().message));
        const auto b = bob.runConnect(Provider::Google);
        QVERIFY(b.hasValue());

        // Each profile's keychain service holds only its own entry.
        const QString aliceKey = ITokenVault::tokenKey(QStringLiteral("google"), a->id);
        const QString bobKey = ITokenVault::tokenKey(QStringLiteral("google"), b->id);
        QVERIFY(result(aliceVault.read(aliceKey)).hasValue());
        QCOMPARE(result(bobVault.read(aliceKey)).error().code, Error::Code::NotFound);
        QCOMPARE(result(aliceVault.read(bobKey)).error().code, Error::Code::NotFound);
        QCOMPARE(alice.manager->accounts().size(), 1);
        QCOMPARE(bob.manager->accounts().size(), 1);
        QCOMPARE(alice.manager->accounts().first().email, QStringLiteral("alice@example.com"));
        // Bob's request path cannot use Alice's account.
        QCOMPARE(
            result(bob.manager->client()->get(a->id, QUrl(QStringLiteral("ping")))).error().code,
            Error::Code::NotFound);
        QCOMPARE(
            result(alice.manager->client()->get(a->id, QUrl(QStringLiteral("ping"))))->status, 200);

        QVERIFY(result(alice.manager->disconnectAccount(a->id)).hasValue());
        QCOMPARE(result(aliceVault.read(aliceKey)).error().code, Error::Code::NotFound);
        QCOMPARE(
            result(bob.manager->client()->get(b->id, QUrl(QStringLiteral("ping"))))->status, 200);
        QVERIFY(result(bob.manager->disconnectAccount(b->id)).hasValue());
    }

    void noTokenInAnyFileOrLog()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        previousHandler = qInstallMessageHandler(captureMessages);
        TempHome home;
        MockClock clock;
        const QString name = QStringLiteral("sec-") + suffix;
        QtKeychainVault vault { Profile(name) };
        QStringList tokens;
        {
            AuthFixture f(vault, name);
            const auto g = f.runConnect(Provider::Google);
            QVERIFY(g.hasValue());
            const auto m = f.runConnect(Provider::Microsoft);
            QVERIFY(m.hasValue());
            for (const QString &id : { g->id, m->id }) {
                for (int i = 0; i < 5; ++i)
                    QCOMPARE(
                        result(f.manager->client()->get(id, QUrl(QStringLiteral("ping"))))->status,
                        200);
            }
            clock.advanceSecs(2 * 3600); // force refreshes (and a Microsoft rotation)
            for (const QString &id : { g->id, m->id }) {
                QCOMPARE(result(f.manager->client()->get(id, QUrl(QStringLiteral("ping"))))->status,
                    200);
            }
            QCOMPARE(f.google.refreshes(), 1);
            QCOMPARE(f.microsoft.refreshes(), 1);
            QVERIFY(result(f.manager->disconnectAccount(g->id)).hasValue());
            QVERIFY(result(f.manager->disconnectAccount(m->id)).hasValue());
            QCOMPARE(f.google.revocations(), 1);
            tokens = f.google.issuedTokens() + f.microsoft.issuedTokens();
            f.db.reset();
        }
        qInstallMessageHandler(previousHandler);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY(tokens.size() >= 6);

        QStringList needles;
        for (const QString &t : std::as_const(tokens)) {
            needles << t << QString::fromLatin1(QUrl::toPercentEncoding(t));
            needles << t.mid(3, 20); // a fragment, e.g. a truncated log line
        }
        const Profile profile(name);
        int files = 0;
        for (const QString &root : { profile.dataDir(), profile.configDir(), home.path() }) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile file(it.next());
                QVERIFY(file.open(QIODevice::ReadOnly));
                const QByteArray data = file.readAll();
                ++files;
                for (const QString &n : std::as_const(needles))
                    QVERIFY2(!data.contains(n.toUtf8()), qPrintable(file.fileName()));
            }
        }
        QVERIFY(files > 0); // the SQLite database at least
        QMutexLocker lock(&logMutex);
        QVERIFY(capturedLog.size() >= 4); // the connect / disconnect lines at least
        const QString log = capturedLog.join(QLatin1Char('\n'));
        for (const QString &n : std::as_const(needles))
            QVERIFY2(!log.contains(n), qPrintable(QStringLiteral("token in the log")));
    }
};

QTEST_GUILESS_MAIN(TestAuthKeychain)
#include "tst_auth_keychain.moc"
