#pragma once

#include "core/profile.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

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

//! A profile whose folders exist and whose database is open.
struct OpenProfile {
    Profile profile;
    std::unique_ptr<Database> db;
};

//! Checks the profile name, creates the profile's folders and opens its database (`connection`
//! names the QtSql connection). On failure prints why to stderr and sets `exitCode` (2 for an
//! invalid name, 1 otherwise).
std::optional<OpenProfile> openProfile(
    const QString &name, const QString &connection, int &exitCode);

} // namespace kairos::cli
