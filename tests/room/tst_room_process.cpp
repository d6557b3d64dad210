#include "rawclient.h"

#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

//! kairos-server as a separate process: SIGKILL in the middle of a burst, restart on the same
//! data folder, and every acknowledged message is there exactly once.
class TestRoomProcess : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    QString createRoom()
    {
        QProcess p;
        p.start(QStringLiteral(KAIROS_SERVER_EXE),
            { QStringLiteral("create-room"), QStringLiteral("team"), QStringLiteral("--data"),
                m_dir.path(), QStringLiteral("--host"), QStringLiteral("127.0.0.1") });
        if (!p.waitForFinished(10000) || p.exitCode() != 0)
            return {};
        const QString link = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
        const QRegularExpression re(QStringLiteral("invite=([A-Za-z0-9_-]+)"));
        return re.match(link).captured(1);
    }

    //! Starts the server on a free port; returns the port (0 on failure).
    quint16 startServer(QProcess &p, quint16 port = 0)
    {
        p.setProcessChannelMode(QProcess::SeparateChannels);
        p.start(QStringLiteral(KAIROS_SERVER_EXE),
            { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                QStringLiteral("--data"), m_dir.path(), QStringLiteral("--rate"),
                QStringLiteral("0") });
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
};

QTEST_GUILESS_MAIN(TestRoomProcess)
#include "tst_room_process.moc"
