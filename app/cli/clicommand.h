#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>

namespace kairos::cli {

//! \brief A `kairos-cli` sub-command. Each lives in its own file and registers itself:
//!
//!     static const bool registered = kairos::cli::registerCommand({
//!         "explain", "Interpret a calendar phrase", &runExplain });
//!
//! `run` receives the arguments after the command name (argv[0] is "kairos-cli <name>") and
//! returns the process exit code. It may start the event loop (QCoreApplication::exec()).
struct Command {
    QString name;
    QString summary;
    std::function<int(const QStringList &args)> run;
};

bool registerCommand(Command command);
const QList<Command> &commands();

//! Writes to stdout / stderr (UTF-8, flushed).
void out(const QString &text);
void err(const QString &text);

} // namespace kairos::cli
