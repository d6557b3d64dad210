// The real keychain path: QtKeychainVault against the Secret Service (gnome-keyring in CI,
// started by scripts/test.sh inside dbus-run-session). Labelled KEYCHAIN.
#include "auth/tokenvault.h"
#include "authtestutil.h"
#include "core/profile.h"
#include "support/testenv.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace kairos;
using kairos::test::waitFor;

class TestKeychain : public QObject {
    Q_OBJECT

private:
    QString suffix = QString::number(QRandomGenerator::global()->generate(), 16);

    template <typename T> static T get(const QFuture<T> &f)
    {
        if (!waitFor(f, 30000))
            qFatal("keychain future did not finish");
        return f.result();
    }

private Q_SLOTS:
    void roundTrip()
    {
        kairos::test::TempHome home;
        Profile profile(QStringLiteral("kc-") + suffix);
        QtKeychainVault vault(profile);
        QCOMPARE(vault.service(), QStringLiteral("kairos/kc-") + suffix);
        const QString key
            = ITokenVault::tokenKey(QStringLiteral("google"), QStringLiteral("acct1"));
        QCOMPARE(key, QStringLiteral("google/acct1/token"));

        const auto w1 = get(vault.write(key, QByteArrayLiteral("{\"refresh_token\":\"one\"}")));
        QVERIFY2(w1.hasValue(), qPrintable(w1.hasValue() ? QString() : w1.error().message));
        auto r1 = get(vault.read(key));
        QVERIFY2(r1.hasValue(), qPrintable(r1.hasValue() ? QString() : r1.error().message));
        QCOMPARE(*r1, QByteArrayLiteral("{\"refresh_token\":\"one\"}"));

        QVERIFY(get(vault.write(key, QByteArrayLiteral("two+/=\xc3\xa9"))).hasValue());
        auto r2 = get(vault.read(key));
        QVERIFY(r2.hasValue());
        QCOMPARE(*r2, QByteArrayLiteral("two+/=\xc3\xa9"));

        QVERIFY(get(vault.remove(key)).hasValue());
        auto r3 = get(vault.read(key));
        QVERIFY(!r3.hasValue());
        QCOMPARE(r3.error().code, Error::Code::NotFound);
        // Removing what is not there is fine (disconnect is idempotent).
        QVERIFY(get(vault.remove(key)).hasValue());
    }

    void profilesAreIsolated()
    {
        kairos::test::TempHome home;
        QtKeychainVault alice(Profile(QStringLiteral("alice-") + suffix));
        QtKeychainVault bob(Profile(QStringLiteral("bob-") + suffix));
        const QString key
            = ITokenVault::tokenKey(QStringLiteral("microsoft"), QStringLiteral("same"));

        QVERIFY(get(alice.write(key, QByteArrayLiteral("alice-secret"))).hasValue());
        auto bobRead = get(bob.read(key));
        QVERIFY(!bobRead.hasValue());
        QCOMPARE(bobRead.error().code, Error::Code::NotFound);

        QVERIFY(get(bob.write(key, QByteArrayLiteral("bob-secret"))).hasValue());
        QCOMPARE(*get(alice.read(key)), QByteArrayLiteral("alice-secret"));
        QCOMPARE(*get(bob.read(key)), QByteArrayLiteral("bob-secret"));

        QVERIFY(get(bob.remove(key)).hasValue());
        QCOMPARE(*get(alice.read(key)), QByteArrayLiteral("alice-secret"));
        QVERIFY(get(alice.remove(key)).hasValue());
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
