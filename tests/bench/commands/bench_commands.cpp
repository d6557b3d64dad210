// kairos::commands::interpret() per chat message (issue 22: under 50 us). The messages are the
// 1,000 of tests/commands/heldout/heldout.tsv and tests/commands/dev/dev.tsv, each read in its
// own zone, locale and reference time, one message per iteration in turn; plus the longest of
// them alone. Prints the mean time per message (Google Benchmark's "time" column).
#include "commands/intentrecognizer.h"
#include "commands/phraseparser.h"

#include <QFile>
#include <QStringList>

#include <benchmark/benchmark.h>

using namespace kairos::commands;

namespace {

struct Case {
    QString text;
    InterpretOptions options;
};

const QList<Case> &cases()
{
    static const QList<Case> all = [] {
        QList<Case> out;
        for (const char *file : { "/heldout/heldout.tsv", "/dev/dev.tsv" }) {
            QFile f(QStringLiteral(KAIROS_COMMANDS_DATA) + QString::fromLatin1(file));
            if (!f.open(QIODevice::ReadOnly))
                qFatal("cannot open %s", qPrintable(f.fileName()));
            for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
                if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                    continue;
                const QStringList c = line.split(QLatin1Char('\t'));
                Case k;
                k.text = c.value(10);
                k.options.zone = QTimeZone(c.value(2).toUtf8());
                k.options.locale = QLocale(c.value(3));
                k.options.now = QDateTime::fromString(c.value(4), Qt::ISODate);
                k.options.members = { QStringLiteral("Ana"), QStringLiteral("Bob Smith"),
                    QStringLiteral("Lucía"), QStringLiteral("Priya") };
                out.append(k);
            }
        }
        return out;
    }();
    return all;
}

void BM_InterpretEach(benchmark::State &state)
{
    const QList<Case> &all = cases();
    qsizetype i = 0;
    for (auto _ : state) {
        const Case &k = all.at(i);
        benchmark::DoNotOptimize(interpret(k.text, k.options));
        i = (i + 1) % all.size();
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_InterpretEach)->Unit(benchmark::kMicrosecond);

// The date/time phrase parser alone (folding and parsing, no intent rules, no resolution).
void BM_PhraseParserEach(benchmark::State &state)
{
    const QList<Case> &all = cases();
    qsizetype i = 0;
    for (auto _ : state) {
        const Case &k = all.at(i);
        QString masked;
        benchmark::DoNotOptimize(parseDateTimePhrase(foldText(k.text), &masked));
        i = (i + 1) % all.size();
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PhraseParserEach)->Unit(benchmark::kMicrosecond);

void BM_InterpretLongest(benchmark::State &state)
{
    const QList<Case> &all = cases();
    const Case *longest = &all.first();
    for (const Case &k : all)
        if (k.text.size() > longest->text.size())
            longest = &k;
    for (auto _ : state)
        benchmark::DoNotOptimize(interpret(longest->text, longest->options));
    state.SetLabel(longest->text.toStdString());
}
BENCHMARK(BM_InterpretLongest)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
