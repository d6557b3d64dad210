// kairos-server: hosts team rooms headlessly (docs/server.md, docs/protocol.md).
#include "core/logging.h"
#include "core/platform.h"
#include "room/invitelink.h"
#include "room/roomserver.h"
#include "room/tls.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>

#include <csignal>
#include <cstdio>

#if KAIROS_PLATFORM_POSIX
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#else
#include <QTimer>

#include <atomic>
#endif

using namespace kairos;
using namespace kairos::room;

namespace {

#if KAIROS_PLATFORM_POSIX
int s_signalFd[2] = { -1, -1 };

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(s_signalFd[0], &c, 1);
}
#else
std::atomic<bool> s_stopRequested { false };
static_assert(std::atomic<bool>::is_always_lock_free);

void onSignal(int)
{
    s_stopRequested.store(true);
}
#endif

void out(const QString &s)
{
    std::fputs(qPrintable(s + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

void err(const QString &s)
{
    std::fputs(qPrintable(s + QLatin1Char('\n')), stderr);
    std::fflush(stderr);
}

void logToStdout(QtMsgType type, const QMessageLogContext &ctx, const QString &msg)
{
    const char *level = type == QtDebugMsg ? "debug"
        : type == QtInfoMsg                ? "info"
        : type == QtWarningMsg             ? "warning"
                                           : "error";
    std::fprintf(stdout, "%s %s %s: %s\n",
        qPrintable(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)), level,
        ctx.category ? ctx.category : "default", qPrintable(msg));
    std::fflush(stdout);
}

QString defaultDataDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + QStringLiteral("/kairos-server");
}

bool parseListen(const QString &s, QHostAddress *addr, quint16 *port)
{
    const int colon = s.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = s.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = s.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return false;
    if (host == QLatin1String("*") || host.isEmpty())
        *addr = QHostAddress(QHostAddress::Any);
    else if (host == QLatin1String("localhost"))
        *addr = QHostAddress(QHostAddress::LocalHost);
    else if (!addr->setAddress(host))
        return false;
    *port = quint16(p);
    return true;
}

int createRoom(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Creates a room and prints its invite link."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("create-room"), QStringLiteral("the command"));
    p.addPositionalArgument(
        QStringLiteral("NAME"), QStringLiteral("room name (A-Z a-z 0-9 . _ -)"));
    p.addOption({ QStringLiteral("data"), QStringLiteral("data folder"), QStringLiteral("DIR"),
        defaultDataDir() });
    p.addOption({ QStringLiteral("host"), QStringLiteral("host name for the link"),
        QStringLiteral("HOST"), QHostInfo::localHostName() });
    p.addOption({ QStringLiteral("port"), QStringLiteral("port for the link"),
        QStringLiteral("PORT"), QStringLiteral("8765") });
    p.addOption({ QStringLiteral("tls"), QStringLiteral("the server uses TLS (wss://)") });
    p.process(args);
    const QStringList pos = p.positionalArguments();
    if (pos.size() != 2) {
        err(QStringLiteral(
            "usage: kairos-server create-room NAME [--data DIR] [--host H] [--port P]"));
        return 2;
    }
    auto server = RoomServer::create(p.value(QStringLiteral("data")), {});
    if (!server) {
        err(QStringLiteral("cannot open the data folder: ") + server.error().message);
        return 1;
    }
    auto room = (*server)->createRoom(pos.at(1));
    if (!room) {
        err(QStringLiteral("cannot create the room: ") + room.error().message);
        return 1;
    }
    InviteLink link;
    link.host = p.value(QStringLiteral("host"));
    link.port = quint16(p.value(QStringLiteral("port")).toUInt());
    link.room = room->name;
    link.invite = room->invite;
    link.tls = p.isSet(QStringLiteral("tls"));
    out(link.toString());
    return 0;
}

//! rotate-invite ROOM / remove-member ROOM NAME / reset-secret ROOM NAME.
int administer(const QStringList &args)
{
    const QString command = args.value(1);
    const bool needsName = command != QLatin1String("rotate-invite");
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Room administration (docs/server.md)."));
    p.addHelpOption();
    p.addPositionalArgument(command, QStringLiteral("the command"));
    p.addPositionalArgument(QStringLiteral("ROOM"), QStringLiteral("room name"));
    if (needsName)
        p.addPositionalArgument(QStringLiteral("NAME"), QStringLiteral("member name"));
    p.addOption({ QStringLiteral("data"), QStringLiteral("data folder"), QStringLiteral("DIR"),
        defaultDataDir() });
    p.addOption({ QStringLiteral("host"), QStringLiteral("host name for the link"),
        QStringLiteral("HOST"), QHostInfo::localHostName() });
    p.addOption({ QStringLiteral("port"), QStringLiteral("port for the link"),
        QStringLiteral("PORT"), QStringLiteral("8765") });
    p.addOption({ QStringLiteral("tls"), QStringLiteral("the server uses TLS (wss://)") });
    p.process(args);
    const QStringList pos = p.positionalArguments();
    if (pos.size() != (needsName ? 3 : 2)) {
        err(QStringLiteral("usage: kairos-server %1 ROOM%2 [--data DIR]")
                .arg(command, needsName ? QStringLiteral(" NAME") : QString()));
        return 2;
    }
    const QString dataDir = p.value(QStringLiteral("data"));
    if (!QFileInfo::exists(QDir(dataDir).filePath(QStringLiteral("rooms.sqlite")))) {
        err(QStringLiteral("no room database in ") + dataDir);
        return 1;
    }
    auto server = RoomServer::create(dataDir, {});
    if (!server) {
        err(QStringLiteral("cannot open the data folder: ") + server.error().message);
        return 1;
    }
    const QString restart = QStringLiteral(
        "A running kairos-server keeps what it has loaded: restart it for this to take effect "
        "there (systemctl restart kairos-server).");
    if (command == QLatin1String("rotate-invite")) {
        auto room = (*server)->rotateInvite(pos.at(1));
        if (!room) {
            err(QStringLiteral("cannot rotate the invite: ") + room.error().message);
            return 1;
        }
        InviteLink link;
        link.host = p.value(QStringLiteral("host"));
        link.port = quint16(p.value(QStringLiteral("port")).toUInt());
        link.room = room->name;
        link.invite = room->invite;
        link.tls = p.isSet(QStringLiteral("tls"));
        out(link.toString());
        err(QStringLiteral("The old invite no longer lets anyone join; members keep their "
                           "secrets. ")
            + restart);
        return 0;
    }
    if (command == QLatin1String("remove-member")) {
        auto removed = (*server)->removeMember(pos.at(1), pos.at(2));
        if (!removed) {
            err(QStringLiteral("cannot remove the member: ") + removed.error().message);
            return 1;
        }
        err(QStringLiteral("Removed %1 from %2 (their messages stay). The name is free again; "
                           "rotate the invite too if they have it. ")
                .arg(pos.at(2), pos.at(1))
            + restart);
        return 0;
    }
    auto secret = (*server)->resetSecret(pos.at(1), pos.at(2));
    if (!secret) {
        err(QStringLiteral("cannot reset the secret: ") + secret.error().message);
        return 1;
    }
    out(*secret);
    err(QStringLiteral("Give this secret to %1 (Join a room → their name and this secret); the "
                       "old one no longer works. ")
            .arg(pos.at(2))
        + restart);
    return 0;
}

//! True for addresses that never leave this machine.
bool isLoopbackOnly(const QHostAddress &a)
{
    return a.isLoopback();
}

} // namespace

int main(int argc, char **argv)
{
    // Qt's own event dispatcher: with thousands of sockets, GLib's keeps socket notifiers in
    // lists it walks whenever one is switched on or off (every write).
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("kairos-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KAIROS_VERSION));
    const QStringList args = app.arguments();
    // Files the server creates (its database) are for its own user only. Elsewhere the data
    // folder and the database get owner-only permissions explicitly (RoomServer::create,
    // SqliteRoomStore::open).
#if KAIROS_PLATFORM_POSIX
    ::umask(077);
#endif
    if (args.size() > 1 && args.at(1) == QLatin1String("create-room"))
        return createRoom(args);
    if (args.size() > 1
        && (args.at(1) == QLatin1String("rotate-invite")
            || args.at(1) == QLatin1String("remove-member")
            || args.at(1) == QLatin1String("reset-secret")))
        return administer(args);

    qInstallMessageHandler(logToStdout);
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Kairos room server"));
    p.addHelpOption();
    p.addVersionOption();
    p.addOption({ QStringLiteral("listen"), QStringLiteral("address and port, e.g. 0.0.0.0:8765"),
        QStringLiteral("ADDR:PORT"), QStringLiteral("127.0.0.1:8765") });
    p.addOption({ QStringLiteral("data"), QStringLiteral("data folder"), QStringLiteral("DIR"),
        defaultDataDir() });
    p.addOption({ QStringLiteral("tls-cert"), QStringLiteral("PEM certificate (chain)"),
        QStringLiteral("FILE") });
    p.addOption(
        { QStringLiteral("tls-key"), QStringLiteral("PEM private key"), QStringLiteral("FILE") });
    p.addOption({ QStringLiteral("rate"), QStringLiteral("frames/s per connection (0: no limit)"),
        QStringLiteral("N"), QStringLiteral("20") });
    p.addOption({ QStringLiteral("burst"), QStringLiteral("burst per connection"),
        QStringLiteral("N"), QStringLiteral("40") });
    p.addOption({ QStringLiteral("max-connections"), QStringLiteral("connection limit"),
        QStringLiteral("N"), QStringLiteral("10000") });
    p.addOption({ QStringLiteral("insecure-plain"),
        QStringLiteral("serve ws:// (no TLS) on an address other than loopback, e.g. behind a "
                       "TLS proxy on the same network segment") });
    p.addOption({ QStringLiteral("max-per-address"),
        QStringLiteral("connections from one address (0: no limit)"), QStringLiteral("N"),
        QStringLiteral("200") });
    p.addOption({ QStringLiteral("max-buffered-kib"),
        QStringLiteral("write budget of a member's connection: one that has more queued is "
                       "closed (it is not reading)"),
        QStringLiteral("KIB"), QStringLiteral("8192") });
    p.addOption({ QStringLiteral("new-members-per-hour"),
        QStringLiteral("new members a room may get per hour (0: no limit)"), QStringLiteral("N"),
        QStringLiteral("200") });
    p.addOption({ QStringLiteral("new-members-per-address"),
        QStringLiteral("new members one address may create per hour (0: no limit)"),
        QStringLiteral("N"), QStringLiteral("20") });
    p.addOption({ QStringLiteral("durability"), QStringLiteral("full (fsync each batch) or normal"),
        QStringLiteral("MODE"), QStringLiteral("full") });
    p.process(app);

    QHostAddress addr;
    quint16 port = 0;
    if (!parseListen(p.value(QStringLiteral("listen")), &addr, &port)) {
        err(QStringLiteral("--listen wants ADDR:PORT, e.g. 127.0.0.1:8765"));
        return 2;
    }
    RoomServer::Options opts;
    opts.serverName = QStringLiteral("kairos-server/") + QStringLiteral(KAIROS_VERSION);
    opts.limits.ratePerSec = p.value(QStringLiteral("rate")).toDouble();
    opts.limits.burst = qMax(1, p.value(QStringLiteral("burst")).toInt());
    opts.limits.maxConnections = qMax(1, p.value(QStringLiteral("max-connections")).toInt());
    opts.limits.maxConnectionsPerAddress = p.value(QStringLiteral("max-per-address")).toInt();
    opts.limits.maxBufferedBytes
        = qMax<qint64>(64, p.value(QStringLiteral("max-buffered-kib")).toLongLong()) * 1024;
    opts.limits.newMembersPerRoomPerHour = p.value(QStringLiteral("new-members-per-hour")).toInt();
    opts.limits.newMembersPerAddressPerHour
        = p.value(QStringLiteral("new-members-per-address")).toInt();
    const bool wantTls = p.isSet(QStringLiteral("tls-cert")) || p.isSet(QStringLiteral("tls-key"));
    if (wantTls) {
        auto tls = loadServerTls(
            p.value(QStringLiteral("tls-cert")), p.value(QStringLiteral("tls-key")));
        if (!tls) {
            err(QStringLiteral("cannot use --tls-cert / --tls-key: ") + tls.error().message);
            return 2;
        }
        opts.tls = *tls;
    }

    if (!opts.tls && !isLoopbackOnly(addr) && !p.isSet(QStringLiteral("insecure-plain"))) {
        err(QStringLiteral(
            "refusing to serve %1 without TLS: invite keys and member secrets would cross the "
            "network in plain text, and anyone who reads one can join the room or speak as that "
            "member. Give --tls-cert and --tls-key (docs/server.md), listen on 127.0.0.1 behind "
            "a TLS proxy, or pass --insecure-plain if you accept that.")
                .arg(addr.toString()));
        return 2;
    }
    const QString dataDir = p.value(QStringLiteral("data"));
    if (!QDir().mkpath(dataDir)
        || !QFile::setPermissions(
            dataDir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)) {
        err(QStringLiteral("cannot create the data folder ") + dataDir);
        return 1;
    }
    const auto durability = p.value(QStringLiteral("durability")) == QLatin1String("normal")
        ? SqliteRoomStore::Durability::Normal
        : SqliteRoomStore::Durability::Full;
    auto store
        = SqliteRoomStore::open(QDir(dataDir).filePath(QStringLiteral("rooms.sqlite")), durability);
    if (!store) {
        err(QStringLiteral("cannot open the room database: ") + store.error().message);
        return 1;
    }
    RoomServer server(std::move(*store), std::make_unique<InProcessFanOut>(), opts);
    if (auto l = server.listen(addr, port); !l) {
        err(QStringLiteral("cannot listen: ") + l.error().message);
        return 1;
    }
    // The "listening" line is what scripts and tests wait for (with the real port).
    out(QStringLiteral("listening on %1:%2").arg(server.address().toString()).arg(server.port()));

    auto stop = [&]() {
        qCInfo(lcChat) << "stopping";
        server.close();
        app.quit();
    };
#if KAIROS_PLATFORM_POSIX
    // SIGTERM / SIGINT: the handler writes a byte to a socket pair, the event loop stops.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalFd) != 0) {
        err(QStringLiteral("socketpair failed"));
        return 1;
    }
    QSocketNotifier notifier(s_signalFd[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &app, [&]() {
        char c;
        [[maybe_unused]] const auto n = ::read(s_signalFd[1], &c, 1);
        stop();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
#else
    // Elsewhere (Windows: Ctrl+C, Ctrl+Break): ISO C signals set a flag the event loop polls.
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    QTimer stopPoll;
    QObject::connect(&stopPoll, &QTimer::timeout, &app, [&]() {
        if (s_stopRequested.load())
            stop();
    });
    stopPoll.start(200);
#endif
    const int rc = app.exec();
    out(QStringLiteral("stopped"));
    return rc;
}
