// Start at login: the XDG autostart entry is written, read back and removed; a desktop that
// switched it off (Hidden=true) reads as off.
#include "core/autostart.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace kairos;

class TestAutostart : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void xdgEntry()
    {
        QTemporaryDir dir;
        XdgAutostart a(QStringLiteral("/opt/kairos/bin/kairos --profile work"), dir.path());
        QVERIFY(a.isSupported());
        QVERIFY(!a.isEnabled());
        QVERIFY(a.setEnabled(true));
        QVERIFY(a.isEnabled());
        QCOMPARE(a.entryPath(),
            dir.path() + QStringLiteral("/autostart/io.github.kairos.Kairos.desktop"));
        QFile f(a.entryPath());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.startsWith("[Desktop Entry]\n"));
        QVERIFY(text.contains("\nType=Application\n"));
        QVERIFY(text.contains("\nExec=/opt/kairos/bin/kairos --profile work\n"));
        f.close();
        // Switched off by the desktop's own settings.
        QVERIFY(f.open(QIODevice::Append));
        f.write("Hidden=true\n");
        f.close();
        QVERIFY(!a.isEnabled());
        QVERIFY(a.setEnabled(false));
        QVERIFY(!QFile::exists(a.entryPath()));
        QVERIFY(a.setEnabled(false)); // already off: fine
        // A folder that cannot be created (a file stands where it would be): a clear error,
        // nothing half-written.
        QFile blocker(dir.path() + QStringLiteral("/not-a-folder"));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        XdgAutostart bad(QStringLiteral("kairos"), blocker.fileName());
        auto r = bad.setEnabled(true);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QStringLiteral("cannot create")));
    }
};

QTEST_GUILESS_MAIN(TestAutostart)
#include "tst_autostart.moc"
