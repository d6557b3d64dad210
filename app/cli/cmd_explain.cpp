// kairos-cli explain "TEXT" --now ISO-8601 --tz ZONE [--lang en|es] [--locale en_US]
// [--members "Ann,Bob"]:
// prints how a chat message would be read (issue 7). The JSON format is in docs/commands.md.
#include "clicommand.h"

#include "commands/intentrecognizer.h"

#include <QCommandLineParser>
#include <QTimeZone>

namespace {

int runExplain(const QStringList &args)
{
    using namespace kairos;
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("Interpret a chat message as a calendar command."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("text"), QStringLiteral("The message."));
    p.addOption({ QStringLiteral("now"), QStringLiteral("Reference time, ISO-8601 (default: now)."),
        QStringLiteral("ISO") });
    p.addOption({ QStringLiteral("tz"),
        QStringLiteral("Sender's IANA time zone (default: system)."), QStringLiteral("ZONE") });
    p.addOption({ QStringLiteral("lang"), QStringLiteral("Force the language: en or es."),
        QStringLiteral("LANG") });
    p.addOption({ QStringLiteral("locale"),
        QStringLiteral("Sender's locale, e.g. en_US (numeric dates month first) or es_ES "
                       "(default: day first)."),
        QStringLiteral("LOCALE") });
    p.addOption({ QStringLiteral("members"), QStringLiteral("Room members, comma separated."),
        QStringLiteral("NAMES") });
    p.process(args);

    if (p.positionalArguments().size() != 1) {
        cli::err(QStringLiteral("kairos-cli explain: expected exactly one TEXT argument\n"));
        return 2;
    }
    commands::InterpretOptions o;
    o.zone = QTimeZone::systemTimeZone();
    if (p.isSet(QStringLiteral("tz"))) {
        o.zone = QTimeZone(p.value(QStringLiteral("tz")).toUtf8());
        if (!o.zone.isValid()) {
            cli::err(QStringLiteral("kairos-cli explain: unknown time zone '%1'\n")
                         .arg(p.value(QStringLiteral("tz"))));
            return 2;
        }
    }
    o.now = QDateTime::currentDateTimeUtc();
    if (p.isSet(QStringLiteral("now"))) {
        const QString s = p.value(QStringLiteral("now"));
        o.now = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!o.now.isValid()) {
            cli::err(QStringLiteral("kairos-cli explain: invalid --now '%1'\n").arg(s));
            return 2;
        }
        // A --now without an offset is a wall time in --tz.
        if (o.now.timeSpec() == Qt::LocalTime)
            o.now = QDateTime(o.now.date(), o.now.time(), o.zone);
    }
    if (p.isSet(QStringLiteral("lang"))) {
        const QString l = p.value(QStringLiteral("lang"));
        if (l == QLatin1String("en"))
            o.language = commands::Language::English;
        else if (l == QLatin1String("es"))
            o.language = commands::Language::Spanish;
        else {
            cli::err(QStringLiteral("kairos-cli explain: --lang must be en or es\n"));
            return 2;
        }
    }
    if (p.isSet(QStringLiteral("locale"))) {
        const QString l = p.value(QStringLiteral("locale"));
        o.locale = QLocale(l);
        if (o.locale.language() == QLocale::C && l != QLatin1String("C")) {
            cli::err(QStringLiteral("kairos-cli explain: unknown locale '%1'\n").arg(l));
            return 2;
        }
    }
    for (const QString &m :
        p.value(QStringLiteral("members")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!m.trimmed().isEmpty())
            o.members.append(m.trimmed());

    const commands::Interpretation i = commands::interpret(p.positionalArguments().constFirst(), o);
    cli::out(QString::fromUtf8(i.toJson()) + QLatin1Char('\n'));
    return 0;
}

const bool registered = kairos::cli::registerCommand({ QStringLiteral("explain"),
    QStringLiteral("Interpret a chat message as a calendar command"), &runExplain });

} // namespace
