// kairos-cli find-time --input FILE.json [--all] [--json]: the group slot finder on a file.
// Exit codes: 0 slots found, 1 nothing fits (the explanation is printed), 2 bad input.
#include "clicommand.h"

#include "scheduling/findtimejson.h"
#include "scheduling/reasontext.h"
#include "scheduling/slotfinder.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonDocument>

namespace {

using namespace kairos::scheduling;

QString slotLine(const Slot &slot, const QTimeZone &zone)
{
    return isoDateTime(slot.interval.start, zone) + QStringLiteral("  ")
        + isoDateTime(slot.interval.end, zone) + QStringLiteral("  [")
        + slot.attendees().join(QStringLiteral(", ")) + QStringLiteral("]  ")
        + englishReason(slot.reason) + QLatin1Char('\n');
}

int runFindTime(const QStringList &args)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Find meeting times for a group from a JSON file (format: docs/scheduling.md).\n"
        "Exit codes: 0 slots found, 1 nothing fits, 2 bad input."));
    p.addHelpOption();
    p.addOption({ QStringLiteral("input"), QStringLiteral("The request file (- for stdin)."),
        QStringLiteral("FILE") });
    p.addOption({ QStringLiteral("all"),
        QStringLiteral("List every feasible start on the grid, in time order.") });
    p.addOption({ QStringLiteral("json"), QStringLiteral("Print JSON.") });
    if (!p.parse(args)) {
        kairos::cli::err(QStringLiteral("kairos-cli find-time: %1\n").arg(p.errorText()));
        return 2;
    }
    if (p.isSet(QStringLiteral("help"))) {
        kairos::cli::out(p.helpText());
        return 0;
    }
    if (!p.isSet(QStringLiteral("input"))) {
        kairos::cli::err(QStringLiteral("kairos-cli find-time: --input FILE is required\n"));
        return 2;
    }
    const QString path = p.value(QStringLiteral("input"));
    QFile file;
    const bool opened = path == QLatin1String("-")
        ? file.open(stdin, QIODevice::ReadOnly)
        : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        kairos::cli::err(QStringLiteral("kairos-cli find-time: cannot read %1: %2\n")
                             .arg(path, file.errorString()));
        return 2;
    }
    auto input = parseFindTimeInput(file.readAll());
    if (!input) {
        kairos::cli::err(QStringLiteral("kairos-cli find-time: %1\n").arg(input.error().message));
        return 2;
    }
    const bool all = p.isSet(QStringLiteral("all"));
    input->options.listAllFeasible = all;
    auto result = SlotFinder::find(input->request, input->options);
    if (!result) {
        kairos::cli::err(QStringLiteral("kairos-cli find-time: %1\n").arg(result.error().message));
        return 2;
    }
    const QTimeZone zone = input->options.displayZone;
    QList<Slot> allSlots;
    if (all) {
        const QList<SlotReason> reasons
            = SlotFinder::describe(input->request, result->feasibleStarts, input->options);
        for (qsizetype i = 0; i < reasons.size(); ++i) {
            const qint64 s = result->feasibleStarts[i];
            allSlots.append(Slot { { s, s + input->request.durationMs }, reasons[i] });
        }
    }
    const bool none = result->explanation.kind != NoSlotExplanation::Kind::None;
    if (p.isSet(QStringLiteral("json"))) {
        kairos::cli::out(
            QString::fromUtf8(QJsonDocument(resultToJson(*result, zone, all ? &allSlots : nullptr))
                                  .toJson(QJsonDocument::Indented)));
    } else if (none) {
        kairos::cli::out(QStringLiteral("No slot fits: %1\n")
                             .arg(englishExplanation(result->explanation, zone)));
    } else {
        const QList<Slot> &slots = all ? allSlots : result->suggestions;
        QString text;
        for (qsizetype i = 0; i < slots.size(); ++i)
            text
                += (all ? QString() : QStringLiteral("%1. ").arg(i + 1)) + slotLine(slots[i], zone);
        kairos::cli::out(text);
    }
    return none ? 1 : 0;
}

const bool registered = kairos::cli::registerCommand({ QStringLiteral("find-time"),
    QStringLiteral("Find meeting times for a group (JSON input)"), &runFindTime });

} // namespace
