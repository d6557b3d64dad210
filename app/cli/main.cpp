// kairos-cli: headless Kairos (agenda, export, import, explain, find-time, mcp, ...).
#include "clicommand.h"

#include <QCoreApplication>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

namespace kairos::cli {

namespace {
QList<Command> &registry()
{
    static QList<Command> list;
    return list;
}
} // namespace

bool registerCommand(Command command)
{
    registry().append(std::move(command));
    return true;
}

const QList<Command> &commands()
{
    std::sort(registry().begin(), registry().end(),
        [](const Command &a, const Command &b) { return a.name < b.name; });
    return registry();
}

void out(const QString &text)
{
    const QByteArray b = text.toUtf8();
    fwrite(b.constData(), 1, size_t(b.size()), stdout);
    fflush(stdout);
}

void err(const QString &text)
{
    const QByteArray b = text.toUtf8();
    fwrite(b.constData(), 1, size_t(b.size()), stderr);
    fflush(stderr);
}

std::optional<OpenProfile> openProfile(
    const QString &name, const QString &connection, int &exitCode)
{
    if (!Profile::isValidName(name)) {
        err(QCoreApplication::translate("cli", "kairos-cli: invalid profile name '%1'\n")
                .arg(name));
        exitCode = 2;
        return std::nullopt;
    }
    Profile profile(name);
    if (auto r = profile.ensureDirs(); !r) {
        err(QStringLiteral("kairos-cli: %1\n").arg(r.error().message));
        exitCode = 1;
        return std::nullopt;
    }
    auto db = Database::open(profile.databasePath(), profile.backupDir(), connection);
    if (!db) {
        err(QCoreApplication::translate("cli", "kairos-cli: cannot open the database: %1\n")
                .arg(db.error().message));
        exitCode = 1;
        return std::nullopt;
    }
    return OpenProfile { std::move(profile), std::move(*db) };
}

} // namespace kairos::cli

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Kairos"));
    QCoreApplication::setOrganizationName(QStringLiteral("Kairos"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KAIROS_VERSION));

    using namespace kairos::cli;
    QStringList args = QCoreApplication::arguments();
    const QString self = args.isEmpty() ? QStringLiteral("kairos-cli") : args.takeFirst();
    auto usage = [&]() {
        QString text = QStringLiteral("Usage: kairos-cli COMMAND [options]\n\nCommands:\n");
        for (const Command &c : commands())
            text += QStringLiteral("  %1  %2\n").arg(c.name, -12).arg(c.summary);
        text += QStringLiteral("\nRun 'kairos-cli COMMAND --help' for a command's options.\n");
        return text;
    };
    if (args.isEmpty() || args.first() == QLatin1String("--help")
        || args.first() == QLatin1String("-h")) {
        out(usage());
        return args.isEmpty() ? 2 : 0;
    }
    if (args.first() == QLatin1String("--version")) {
        out(QStringLiteral("kairos-cli %1\n").arg(QCoreApplication::applicationVersion()));
        return 0;
    }
    const QString name = args.takeFirst();
    for (const Command &c : commands()) {
        if (c.name == name) {
            args.prepend(self + QLatin1Char(' ') + name);
            return c.run(args);
        }
    }
    err(QStringLiteral("kairos-cli: unknown command '%1'\n\n").arg(name) + usage());
    return 2;
}
