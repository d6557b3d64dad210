// No Secret Service: the vault must say so clearly, and must never fall back to plaintext.
#include "auth/tokenvault.h"
#include "authtestutil.h"
#include "support/testenv.h"

#include <qt6keychain/keychain.h>

#include <QDir>
#include <QDirIterator>
#include <QtTest>

using namespace kairos;
using kairos::test::waitFor;

class TestKeychainUnavailable : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // A bus address nobody listens on: libsecret cannot reach any Secret Service.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/kairos-test-bus");
    }

    void mapErrorNamesWhatIsMissing()
    {
        const Error e
            = QtKeychainVault::mapError(QKeychain::NoBackendAvailable, QStringLiteral("x"));
        QCOMPARE(e.code, Error::Code::KeychainUnavailable);
        QVERIFY(e.message.contains(QLatin1String("Secret Service")));
        QCOMPARE(
            QtKeychainVault::mapError(QKeychain::EntryNotFound, {}).code, Error::Code::NotFound);
        QCOMPARE(QtKeychainVault::mapError(QKeychain::OtherError,
                     QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY"))
                     .code,
            Error::Code::KeychainUnavailable);
        QCOMPARE(
            QtKeychainVault::mapError(QKeychain::AccessDeniedByUser, QStringLiteral("no")).code,
            Error::Code::KeychainError);
    }

    void writeFailsWithoutPlaintextFallback()
    {
        kairos::test::TempHome home;
        QtKeychainVault vault(QStringLiteral("kairos/unavailable-test"));
        vault.setTimeoutMs(15000);
        auto f = vault.write(
            QStringLiteral("google/a/token"), QByteArrayLiteral("SECRET-PLAINTEXT-CHECK"));
        QVERIFY(waitFor(f, 20000));
        const auto r = f.result();
        QVERIFY(!r.hasValue());
        QVERIFY2(r.error().code == Error::Code::KeychainUnavailable, qPrintable(r.error().message));
        QVERIFY(!r.error().message.isEmpty());
        // Nothing was written anywhere under the temporary home.
        QDirIterator it(home.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(!file.readAll().contains("SECRET-PLAINTEXT-CHECK"));
        }
    }
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "tst_keychain_unavailable.moc"
