#include "core/platform.h"
#include "rawclient.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

//! kairos-server as a separate process: SIGKILL in the middle of a burst, restart on the same
//! data folder, and every acknowledged message is there exactly once.
class TestRoomProcess : public QObject {
    Q_OBJECT

    QTemporaryDir m_tmp;
    QTemporaryDir m_dir { m_tmp.filePath(QStringLiteral("kill")) };

    QString createRoom()
    {
        QProcess p;
        p.start(QStringLiteral(KAIROS_SERVER_EXE),
            { QStringLiteral("create-room"), QStringLiteral("team"), QStringLiteral("--data"),
                m_data.isEmpty() ? m_dir.path() : m_data, QStringLiteral("--host"),
                QStringLiteral("127.0.0.1") });
        if (!p.waitForFinished(10000) || p.exitCode() != 0)
            return {};
        const QString link = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        const QRegularExpression re(QStringLiteral("invite=([A-Za-z0-9_-]+)"));
        return re.match(link).captured(1);
    }

    //! Starts the server on a free port; returns the port (0 on failure).
    QString m_data; //!< data folder (empty: m_dir)

    quint16 startServer(QProcess &p, quint16 port = 0, const QStringList &extra = {})
    {
        p.setProcessChannelMode(QProcess::SeparateChannels);
        // Under AddressSanitizer freed memory waits in a quarantine (256 MB by default) and
        // counts in the RSS the memory test measures: keep it small for the server.
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        QString asan = env.value(QStringLiteral("ASAN_OPTIONS"));
        asan += (asan.isEmpty() ? QString() : QStringLiteral(":"))
            + QStringLiteral("quarantine_size_mb=4:allocator_release_to_os_interval_ms=100");
        env.insert(QStringLiteral("ASAN_OPTIONS"), asan);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(KAIROS_SERVER_EXE),
            QStringList { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                QStringLiteral("--data"), m_data.isEmpty() ? m_dir.path() : m_data,
                QStringLiteral("--rate"), QStringLiteral("0") }
                + extra);
        QByteArray out;
        const QRegularExpression re(QStringLiteral("listening on [^:]+:(\\d+)"));
        for (int i = 0; i < 300; ++i) {
            if (!p.waitForReadyRead(100) && p.state() != QProcess::Running)
                return 0;
            out += p.readAllStandardOutput();
            const auto m = re.match(QString::fromUtf8(out));
            if (m.hasMatch())
                return quint16(m.captured(1).toUInt());
        }
        return 0;
    }

private Q_SLOTS:
    void killedMidBurstLosesNothingAcknowledged()
    {
        QVERIFY(m_dir.isValid());
        const QString invite = createRoom();
        QVERIFY(!invite.isEmpty());
        QProcess server;
        const quint16 port = startServer(server);
        QVERIFY(port != 0);
        const QUrl url(QStringLiteral("ws://127.0.0.1:%1/").arg(port));

        auto join = [&](RawClient &c, const QString &name) {
            c.sendJson({ { QStringLiteral("type"), QStringLiteral("join") },
                { QStringLiteral("v"), 1 }, { QStringLiteral("room"), QStringLiteral("team") },
                { QStringLiteral("invite"), invite }, { QStringLiteral("name"), name } });
            return QTest::qWaitFor([&]() { return c.count(QStringLiteral("welcome")) == 1; }, 5000);
        };
        RawClient a(url);
        QVERIFY(a.waitConnected());
        QVERIFY(join(a, QStringLiteral("Ana")));

        // A burst of 2000 messages; SIGKILL as soon as some are acknowledged, while the rest
        // are still being written and stored.
        const int total = 2000;
        bool killed = false;
        for (int i = 0; i < total; ++i) {
            a.sendJson({ { QStringLiteral("type"), QStringLiteral("message") },
                { QStringLiteral("id"), QStringLiteral("b%1").arg(i) },
                { QStringLiteral("text"), QStringLiteral("burst %1").arg(i) } });
            if (i % 25 == 24) {
                QCoreApplication::processEvents();
                if (!killed && a.count(QStringLiteral("ack")) >= 100) {
                    server.kill(); // SIGKILL (TerminateProcess on Windows)
                    killed = true;
                }
            }
        }
        if (!killed)
            server.kill();
        // An early kill may already have been reaped by the processEvents() calls above.
        QVERIFY(server.state() == QProcess::NotRunning || server.waitForFinished(30000));
        QTRY_VERIFY(a.closed);
        QSet<QString> acked;
        for (const QJsonObject &o : a.ofType(QStringLiteral("ack")))
            acked.insert(o.value(QLatin1String("id")).toString());
        qInfo() << "acknowledged before SIGKILL:" << acked.size() << "of" << total;
        QVERIFY(acked.size() < total); // the kill really was mid-burst

        QProcess again;
        const quint16 port2 = startServer(again);
        QVERIFY(port2 != 0);
        RawClient b(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port2)));
        QVERIFY(b.waitConnected());
        QVERIFY(join(b, QStringLiteral("Bo")));
        // Page through the whole history.
        QHash<QString, int> seen;
        qint64 after = 0;
        for (;;) {
            const int n = b.count(QStringLiteral("history"));
            b.sendJson({ { QStringLiteral("type"), QStringLiteral("history") },
                { QStringLiteral("after"), double(after) }, { QStringLiteral("limit"), 200 } });
            QTRY_COMPARE(b.count(QStringLiteral("history")), n + 1);
            const QJsonObject h = b.last(QStringLiteral("history"));
            for (const QJsonValue &v : h.value(QLatin1String("messages")).toArray()) {
                const QJsonObject m = v.toObject();
                if (m.value(QLatin1String("kind")).toString() == QLatin1String("user"))
                    seen[m.value(QLatin1String("id")).toString()] += 1;
                after = qMax<qint64>(after, m.value(QLatin1String("seq")).toInteger());
            }
            if (!h.value(QLatin1String("more")).toBool())
                break;
        }
        for (const QString &id : std::as_const(acked))
            QVERIFY2(seen.value(id) == 1, qPrintable(id));
        for (auto it = seen.cbegin(); it != seen.cend(); ++it)
            QCOMPARE(it.value(), 1);

        // Resending the whole burst after the restart stores only what was missing.
        RawClient a2(QUrl(QStringLiteral("ws://127.0.0.1:%1/").arg(port2)));
        QVERIFY(a2.waitConnected());
        a2.sendJson({ { QStringLiteral("type"), QStringLiteral("join") },
            { QStringLiteral("v"), 1 }, { QStringLiteral("room"), QStringLiteral("team") },
            { QStringLiteral("invite"), invite }, { QStringLiteral("name"), QStringLiteral("Ana") },
            { QStringLiteral("secret"),
                a.last(QStringLiteral("welcome")).value(QLatin1String("secret")) } });
        QTRY_COMPARE(a2.count(QStringLiteral("welcome")), 1);
        for (int i = 0; i < total; ++i)
            a2.sendJson({ { QStringLiteral("type"), QStringLiteral("message") },
                { QStringLiteral("id"), QStringLiteral("b%1").arg(i) },
                { QStringLiteral("text"), QStringLiteral("burst %1").arg(i) } });
        QTRY_COMPARE_WITH_TIMEOUT(a2.count(QStringLiteral("ack")), total, 30000);
        int dups = 0;
        for (const QJsonObject &o : a2.ofType(QStringLiteral("ack")))
            dups += o.value(QLatin1String("dup")).toBool() ? 1 : 0;
        QCOMPARE(dups, int(seen.size()));

        again.terminate(); // SIGTERM: clean stop
        QVERIFY(again.waitForFinished(30000));
        QCOMPARE(again.exitStatus(), QProcess::NormalExit);
        QCOMPARE(again.exitCode(), 0);
    }

    //! M6: ws:// off loopback only with --insecure-plain, and the reason is given.
    void plainTextOffLoopbackIsRefused()
    {
        QTemporaryDir dir(m_tmp.filePath(QStringLiteral("plain")));
        QProcess p;
        p.start(QStringLiteral(KAIROS_SERVER_EXE),
            { QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"), QStringLiteral("--data"),
                dir.path() });
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        const QString why = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(why.contains(QLatin1String("without TLS"))
                && why.contains(QLatin1String("--insecure-plain")),
            qPrintable(why));
        m_data = dir.path();
        auto restore = qScopeGuard([this]() { m_data.clear(); });
        QProcess ok;
        QVERIFY(startServer(ok, 0, { QStringLiteral("--insecure-plain") }) != 0);
        ok.kill();
        ok.waitForFinished(5000);
    }

    //! M6 / L9: rotate-invite prints a new link, the old invite stops working; the data folder
    //! and database are the owner's only.
    void rotateInviteFromTheCommandLine()
    {
        QTemporaryDir dir(m_tmp.filePath(QStringLiteral("rotate")));
        m_data = dir.path() + QStringLiteral("/data");
        auto restore = qScopeGuard([this]() { m_data.clear(); });
        const QString oldInvite = createRoom();
        QVERIFY(!oldInvite.isEmpty());
        const auto others = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFileInfo(m_data).permissions() & others, QFileDevice::Permissions());
        QCOMPARE(QFileInfo(m_data + QStringLiteral("/rooms.sqlite")).permissions() & others,
            QFileDevice::Permissions());
        QProcess rot;
        rot.start(QStringLiteral(KAIROS_SERVER_EXE),
            { QStringLiteral("rotate-invite"), QStringLiteral("team"), QStringLiteral("--data"),
                m_data, QStringLiteral("--host"), QStringLiteral("127.0.0.1") });
        QVERIFY(rot.waitForFinished(10000));
        QCOMPARE(rot.exitCode(), 0);
        const QRegularExpression re(QStringLiteral("invite=([A-Za-z0-9_-]+)"));
        const QString newInvite
            = re.match(QString::fromUtf8(rot.readAllStandardOutput())).captured(1);
        QVERIFY(!newInvite.isEmpty());
        QVERIFY(newInvite != oldInvite);
        QProcess unknown;
        unknown.start(QStringLiteral(KAIROS_SERVER_EXE),
            { QStringLiteral("remove-member"), QStringLiteral("team"), QStringLiteral("Nobody"),
                QStringLiteral("--data"), m_data });
        QVERIFY(unknown.waitForFinished(10000));
        QCOMPARE(unknown.exitCode(), 1);

        QProcess server;
        const quint16 port = startServer(server);
        QVERIFY(port != 0);
        auto stop = qScopeGuard([&]() {
            server.kill();
            server.waitForFinished(5000);
        });
        const QUrl url(QStringLiteral("ws://127.0.0.1:%1/").arg(port));
        auto joinWith = [&](RawClient &c, const QString &invite) {
            c.sendJson({ { QStringLiteral("type"), QStringLiteral("join") },
                { QStringLiteral("v"), 1 }, { QStringLiteral("room"), QStringLiteral("team") },
                { QStringLiteral("invite"), invite },
                { QStringLiteral("name"), QStringLiteral("Ana") } });
        };
        RawClient old(url);
        QVERIFY(old.waitConnected());
        joinWith(old, oldInvite);
        QTRY_COMPARE(old.errorCodes(), QStringList { QStringLiteral("bad_invite") });
        RawClient fresh(url);
        QVERIFY(fresh.waitConnected());
        joinWith(fresh, newInvite);
        QTRY_COMPARE(fresh.count(QStringLiteral("welcome")), 1);
    }

    //! A field of /proc/<pid>/status in KiB; -1 where there is no /proc (the test says so).
    static qint64 statusKiB(qint64 pid, const char *field)
    {
#if KAIROS_PLATFORM_LINUX
        QFile f(QStringLiteral("/proc/%1/status").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        const QRegularExpression re(QString::fromLatin1(field) + QStringLiteral(":\\s+(\\d+)"));
        return re.match(QString::fromLatin1(f.readAll())).captured(1).toLongLong();
#else
        Q_UNUSED(pid)
        Q_UNUSED(field)
        return -1;
#endif
    }

    //! H2 (security review 2026-12): clients that never read cannot make the server hold
    //! what it writes to them. 25 connections send 40 pings with a 60 KB `t` before joining (and
    //! then join), 25 members ask for far more history than they read. With a write budget of 1 MiB
    //! per member (--max-buffered-kib 1024), 64 KiB before join, history pages of at most 1 MiB and
    //! `t` at most 64 characters, the server's peak RSS grows by less than 25 x 1 MiB + 25 x 64 KiB
    //! + 16 MiB (measured: about 6 MB); it used to queue every reply (measured: 60-90 MB here,
    //! without bound in general).
    void nonReadingClientsCannotGrowTheServer()
    {
#if !KAIROS_PLATFORM_LINUX
        QSKIP("measures the server's RSS in /proc (Linux only)");
#endif
        QTemporaryDir dir(m_tmp.filePath(QStringLiteral("flood")));
        m_data = dir.path();
        auto restore = qScopeGuard([this]() { m_data.clear(); });
        const QString invite = createRoom();
        QVERIFY(!invite.isEmpty());
        QProcess server;
        const quint16 port = startServer(
            server, 0, { QStringLiteral("--max-buffered-kib"), QStringLiteral("1024") });
        QVERIFY(port != 0);
        auto stop = qScopeGuard([&]() {
            server.kill();
            server.waitForFinished(5000);
        });
        const QUrl url(QStringLiteral("ws://127.0.0.1:%1/").arg(port));
        auto joinObj = [&](const QString &name) {
            return QJsonObject { { QStringLiteral("type"), QStringLiteral("join") },
                { QStringLiteral("v"), 1 }, { QStringLiteral("room"), QStringLiteral("team") },
                { QStringLiteral("invite"), invite }, { QStringLiteral("name"), name } };
        };
        auto frame = [](const QJsonObject &o) {
            return rawws::clientFrame(QJsonDocument(o).toJson(QJsonDocument::Compact));
        };

        RawClient w(url);
        QVERIFY(w.waitConnected());
        w.sendJson(joinObj(QStringLiteral("Writer")));
        QTRY_COMPARE(w.count(QStringLiteral("welcome")), 1);
        const QString big(16000, QLatin1Char('x'));
        for (int i = 0; i < 100; ++i)
            w.sendJson({ { QStringLiteral("type"), QStringLiteral("message") },
                { QStringLiteral("id"), QStringLiteral("b%1").arg(i) },
                { QStringLiteral("text"), big } });
        QTRY_COMPARE_WITH_TIMEOUT(w.count(QStringLiteral("ack")), 100, 30000);
        RawClient observer(url);
        QVERIFY(observer.waitConnected());
        observer.sendJson(joinObj(QStringLiteral("Observer")));
        QTRY_COMPARE_WITH_TIMEOUT(observer.count(QStringLiteral("welcome")), 1, 10000);
        const qint64 baseline = statusKiB(server.processId(), "VmRSS");
        QVERIFY(baseline > 0);

        std::vector<std::unique_ptr<QTcpSocket>> clients;
        const QByteArray ping = frame({ { QStringLiteral("type"), QStringLiteral("ping") },
            { QStringLiteral("t"), QString(60000, QLatin1Char('t')) } });
        for (int i = 0; i < 25; ++i) {
            QByteArray seen;
            auto s = rawws::connectAndUpgrade(port, &seen, 4096);
            QVERIFY(s);
            s->setReadBufferSize(4096);
            for (int k = 0; k < 40; ++k)
                s->write(ping);
            s->write(frame(joinObj(QStringLiteral("Pinger%1").arg(i))));
            clients.push_back(std::move(s));
        }
        const QByteArray page = frame({ { QStringLiteral("type"), QStringLiteral("history") },
            { QStringLiteral("before"), 1e9 }, { QStringLiteral("limit"), 200 } });
        for (int i = 0; i < 25; ++i) {
            QByteArray seen;
            auto s = rawws::connectAndUpgrade(port, &seen);
            QVERIFY(s);
            s->write(frame(joinObj(QStringLiteral("Reader%1").arg(i))));
            QTcpSocket *raw = s.get();
            QVERIFY(QTest::qWaitFor(
                [&]() { return (seen += raw->readAll()).contains("\"type\":\"welcome\""); },
                10000));
            s->setReadBufferSize(4096);
            for (int k = 0; k < 8; ++k)
                s->write(page);
            s->write(frame({ { QStringLiteral("type"), QStringLiteral("message") },
                { QStringLiteral("id"), QStringLiteral("sync%1").arg(i) },
                { QStringLiteral("text"), QStringLiteral("Reader%1 done").arg(i) } }));
            clients.push_back(std::move(s));
        }
        // The server has handled everything once the observer has seen each pinger join and
        // each reader either send its last message or go offline (closed by the server).
        auto seenAll = [&]() {
            QSet<QString> done;
            for (const QJsonObject &o : std::as_const(observer.frames)) {
                const QString type = o.value(QLatin1String("type")).toString();
                const QString name = o.value(QLatin1String("name")).toString();
                if (type == QLatin1String("presence") && name.startsWith(QLatin1String("Pinger")))
                    done.insert(name);
                if (type == QLatin1String("presence") && name.startsWith(QLatin1String("Reader"))
                    && o.value(QLatin1String("status")).toString() == QLatin1String("offline"))
                    done.insert(name);
                if (type == QLatin1String("message")
                    && o.value(QLatin1String("text")).toString().endsWith(QLatin1String(" done")))
                    done.insert(o.value(QLatin1String("from")).toString());
            }
            return done.size() == 50;
        };
        QTRY_VERIFY_WITH_TIMEOUT(seenAll(), 60000);
        const qint64 after = statusKiB(server.processId(), "VmRSS");
        const qint64 peak = statusKiB(server.processId(), "VmHWM");
        qInfo("server RSS: %lld KiB before the flood, %lld KiB after, peak %lld KiB", baseline,
            after, peak);
        // The bound: each member's budget, each pre-join budget, 16 MiB for everything else.
        const qint64 boundKiB = 25 * 1024 + 25 * 64 + 16 * 1024;
        QVERIFY2(
            after - baseline < boundKiB, "the server holds what non-reading clients asked for");
        QVERIFY2(peak - baseline < boundKiB, "the server held what non-reading clients asked for");
        // Still serving.
        w.sendJson({ { QStringLiteral("type"), QStringLiteral("message") },
            { QStringLiteral("id"), QStringLiteral("end") },
            { QStringLiteral("text"), QStringLiteral("end") } });
        QTRY_COMPARE(w.count(QStringLiteral("ack")), 101);
    }
};

QTEST_GUILESS_MAIN(TestRoomProcess)
#include "tst_room_process.moc"
