// The held-out evaluation of chat commands (issue 22).
//
// heldout/heldout.tsv is a frozen set of messages generated from a vocabulary the interpreter was
// not written against (heldout/README.md); dev/dev.tsv is the development set. Each message has
// the intent and strength its writer meant and, for schedule messages, the start.
//   - chronoReference (held-out set): chrono-node (npm, installed by scripts/deps.sh --test into
//     tests/commands/chrono) reads every message independently; where it disagrees with the
//     generated start, the message must fall in one of the reviewed classes of
//     chrono/chrono_wrong.tsv, and every class must be needed.
//   - figures: intent precision/recall, exact-start agreement, ordinary chat that stays none,
//     agreement with chrono, per set; printed, and the targets of docs/commands.md checked.
#include "commands/intentrecognizer.h"
#include "commands/phraseparser.h"

#include <QFile>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace kairos::commands;

namespace {

struct Message {
    QString id, lang, zone, locale, category, intent, mode, start, title, text;
    QDateTime now;
};

QList<Message> loadSet(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    QList<Message> out;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList c = line.split(QLatin1Char('\t'));
        if (c.size() != 11)
            qFatal("%s: bad line %s", qPrintable(path), qPrintable(line));
        Message m { c[0], c[1], c[2], c[3], c[5], c[6], c[7], c[8], c[9], c[10], {} };
        m.now = QDateTime::fromString(c[4], Qt::ISODate);
        out.append(m);
    }
    return out;
}

//! chrono-node's start for each message id ("-" when it finds no time).
QMap<QString, QString> chronoStarts(const QString &setPath, QString *error)
{
    static QMap<QString, QMap<QString, QString>> cache; // node takes a second or two per set
    if (cache.contains(setPath))
        return cache.value(setPath);
    const QString dir = QStringLiteral(KAIROS_CHRONO_DIR);
    if (!QFile::exists(dir + QStringLiteral("/node_modules/chrono-node/package.json"))) {
        *error = QStringLiteral("chrono-node is not installed in %1: run scripts/deps.sh --test")
                     .arg(dir);
        return {};
    }
    const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (node.isEmpty()) {
        *error = QStringLiteral("node is not installed: run scripts/deps.sh --test");
        return {};
    }
    QProcess p;
    p.setWorkingDirectory(dir);
    p.start(node, { dir + QStringLiteral("/reference.mjs"), setPath });
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        *error = QStringLiteral("reference.mjs failed: ")
            + QString::fromUtf8(p.readAllStandardError());
        return {};
    }
    QMap<QString, QString> out;
    for (const QString &line :
        QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        if (!line.isEmpty())
            out.insert(line.section(QLatin1Char('\t'), 0, 0), line.section(QLatin1Char('\t'), 1));
    }
    cache.insert(setPath, out);
    return out;
}

struct ChronoClass {
    QString name;
    QRegularExpression locale, text;
};

QList<ChronoClass> loadClasses()
{
    QFile f(QStringLiteral(KAIROS_CHRONO_DIR "/chrono_wrong.tsv"));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open chrono_wrong.tsv");
    QList<ChronoClass> out;
    for (const QString &line : QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'))) {
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList c = line.split(QLatin1Char('\t'));
        if (c.size() != 4 || c[3].trimmed().isEmpty())
            qFatal("chrono_wrong.tsv: a class needs a name, two patterns and a justification: %s",
                qPrintable(line));
        ChronoClass k { c[0], QRegularExpression(c[1]),
            QRegularExpression(c[2],
                QRegularExpression::CaseInsensitiveOption
                    | QRegularExpression::UseUnicodePropertiesOption) };
        if (!k.locale.isValid() || !k.text.isValid())
            qFatal("chrono_wrong.tsv: bad pattern in %s", qPrintable(c[0]));
        out.append(k);
    }
    return out;
}

Interpretation interpretMessage(const Message &m)
{
    InterpretOptions o;
    o.now = m.now;
    o.zone = QTimeZone(m.zone.toUtf8());
    o.locale = QLocale(m.locale);
    return interpret(m.text, o);
}

struct Figures {
    int scheduleRows = 0, found = 0, predictedSchedule = 0, truePositive = 0, exactStart = 0;
    int modeRight = 0, titled = 0, titleRight = 0;
    int chatRows = 0, chatNone = 0, chatSuggestOnly = 0;
    int chronoAgree = 0;
    int parserStart = 0; //!< the date/time parser alone (resolvePhrase), whatever the intent
    double precision() const
    {
        return predictedSchedule ? 100.0 * truePositive / predictedSchedule : 0;
    }
    double recall() const { return scheduleRows ? 100.0 * found / scheduleRows : 0; }
    double startRate() const { return scheduleRows ? 100.0 * exactStart / scheduleRows : 0; }
    double chatOk() const { return chatRows ? 100.0 * (chatNone + chatSuggestOnly) / chatRows : 0; }
};

QString modeOf(const Interpretation &i)
{
    if (i.intent != Intent::Schedule)
        return QStringLiteral("none");
    return i.suggestion ? QStringLiteral("suggest") : QStringLiteral("confirm");
}

Figures measure(const QList<Message> &set, const QMap<QString, QString> &chrono, bool verbose)
{
    Figures f;
    for (const Message &m : set) {
        const Interpretation i = interpretMessage(m);
        const bool predicted = i.intent == Intent::Schedule;
        const QString start = i.hasTime() ? isoWithOffset(i.start) : QStringLiteral("-");
        if (predicted)
            ++f.predictedSchedule;
        if (m.intent == QLatin1String("schedule")) {
            ++f.scheduleRows;
            if (predicted) {
                ++f.found;
                ++f.truePositive;
            }
            if (predicted && start == m.start)
                ++f.exactStart;
            else if (verbose)
                qInfo("START %s: %s → %s (expected %s)", qPrintable(m.id), qPrintable(m.text),
                    i.toJson().constData(), qPrintable(m.start));
            {
                ResolveContext rc;
                rc.now = m.now;
                rc.zone = QTimeZone(m.zone.toUtf8());
                PhraseOptions po;
                po.monthFirst = localeIsMonthFirst(QLocale(m.locale));
                const ResolvedTime r
                    = resolvePhrase(parseDateTimePhrase(foldText(m.text), nullptr, po), rc);
                if (r.hasTime && isoWithOffset(r.start) == m.start)
                    ++f.parserStart;
            }
            if (modeOf(i) == m.mode)
                ++f.modeRight;
            else if (verbose)
                qInfo("MODE %s: %s → %s (expected %s)", qPrintable(m.id), qPrintable(m.text),
                    qPrintable(modeOf(i)), qPrintable(m.mode));
            if (start == chrono.value(m.id))
                ++f.chronoAgree;
            if (m.title != QLatin1String("-")) {
                ++f.titled;
                if (i.title == m.title)
                    ++f.titleRight;
                else if (verbose)
                    qInfo("TITLE %s: %s → %s (expected %s)", qPrintable(m.id), qPrintable(m.text),
                        qPrintable(i.title), qPrintable(m.title));
            }
        } else {
            ++f.chatRows;
            if (i.intent == Intent::None)
                ++f.chatNone;
            else if (modeOf(i) == QLatin1String("suggest"))
                ++f.chatSuggestOnly;
            else if (verbose)
                qInfo("CHAT %s: %s → %s", qPrintable(m.id), qPrintable(m.text),
                    i.toJson().constData());
        }
    }
    return f;
}

void report(const char *name, const Figures &f)
{
    qInfo("%s: intent precision %.1f %% (%d/%d), recall %.1f %% (%d/%d); exact start %.1f %% "
          "(%d/%d); mode %d/%d; title %d/%d; ordinary chat none %d, suggest-only %d, card %d of "
          "%d (%.1f %% no card); agreement with chrono %d/%d; date/time parser alone: exact start "
          "%d/%d",
        name, f.precision(), f.truePositive, f.predictedSchedule, f.recall(), f.found,
        f.scheduleRows, f.startRate(), f.exactStart, f.scheduleRows, f.modeRight, f.scheduleRows,
        f.titleRight, f.titled, f.chatNone, f.chatSuggestOnly,
        f.chatRows - f.chatNone - f.chatSuggestOnly, f.chatRows, f.chatOk(), f.chronoAgree,
        f.scheduleRows, f.parserStart, f.scheduleRows);
}

const QString kHeldout = QStringLiteral(KAIROS_COMMANDS_DATA "/heldout/heldout.tsv");
const QString kDev = QStringLiteral(KAIROS_COMMANDS_DATA "/dev/dev.tsv");

} // namespace

class TestHeldout : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sets();
    void chronoReference();
    void figures();
    void midnight();
};

void TestHeldout::sets()
{
    for (const QString &path : { kHeldout, kDev }) {
        const QList<Message> set = loadSet(path);
        int es = 0, schedule = 0, chat = 0;
        QSet<QString> zones;
        for (const Message &m : set) {
            es += m.lang == QLatin1String("es");
            schedule += m.intent == QLatin1String("schedule");
            chat += m.category.startsWith(QLatin1String("chat"));
            zones.insert(m.zone);
            QVERIFY2(m.now.isValid() && QTimeZone(m.zone.toUtf8()).isValid(), qPrintable(m.id));
            if (m.intent == QLatin1String("schedule"))
                QVERIFY2(QDateTime::fromString(m.start, Qt::ISODate).isValid(), qPrintable(m.id));
        }
        QVERIFY(set.size() >= 400);
        QCOMPARE(es * 2, int(set.size()));
        QVERIFY(schedule >= 300 && chat >= 100);
        QCOMPARE(zones.size(), 2);
    }
}

void TestHeldout::chronoReference()
{
    const QString path = kHeldout;
    QString error;
    const QMap<QString, QString> chrono = chronoStarts(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QList<ChronoClass> classes = loadClasses();
    QMap<QString, int> used;
    QStringList unexplained;
    int agree = 0, rows = 0;
    for (const Message &m : loadSet(path)) {
        QVERIFY2(chrono.contains(m.id), qPrintable(m.id));
        if (m.intent != QLatin1String("schedule"))
            continue;
        ++rows;
        if (chrono.value(m.id) == m.start) {
            ++agree;
            continue;
        }
        bool explained = false;
        for (const ChronoClass &k : classes) {
            if (k.locale.match(m.locale).hasMatch() && k.text.match(m.text).hasMatch()) {
                ++used[k.name];
                explained = true;
                break;
            }
        }
        if (!explained)
            unexplained << m.id + QStringLiteral(": ") + m.text + QStringLiteral(" — expected ")
                    + m.start + QStringLiteral(", chrono ") + chrono.value(m.id);
    }
    qInfo("chrono agrees with the generated start on %d of %d schedule messages; reviewed "
          "classes explain the rest:",
        agree, rows);
    for (auto it = used.cbegin(); it != used.cend(); ++it)
        qInfo("  %s: %d", qPrintable(it.key()), it.value());
    QVERIFY2(unexplained.isEmpty(), qPrintable(unexplained.join(QLatin1Char('\n'))));
    for (const ChronoClass &k : classes)
        QVERIFY2(used.value(k.name) > 0, qPrintable(k.name + QStringLiteral(" is not needed")));
}

void TestHeldout::figures()
{
    QString error;
    const QMap<QString, QString> chronoHeld = chronoStarts(kHeldout, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QMap<QString, QString> chronoDev = chronoStarts(kDev, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const bool verbose = qEnvironmentVariableIsSet("KAIROS_HELDOUT_VERBOSE");
    const Figures dev = measure(loadSet(kDev), chronoDev, verbose);
    report("dev", dev);
    const Figures held = measure(loadSet(kHeldout), chronoHeld, false);
    report("held-out", held);
    // The targets of issue 22 (docs/commands.md, "Held-out evaluation").
    for (const Figures *f : { &dev, &held }) {
        QVERIFY2(f->startRate() >= 95.0, "exact start on schedule messages below 95 %");
        QVERIFY2(f->chatOk() >= 98.0, "ordinary chat with a card above 2 %");
    }
}

// Midnight (docs/commands.md, rule 7): the start of the named day, as chrono-node reads it.
void TestHeldout::midnight()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("midnight.tsv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QStringList texts = { QStringLiteral("Schedule a call tomorrow at midnight"),
        QStringLiteral("Schedule a call at midnight on Friday"),
        QStringLiteral("Schedule a call on Dec 3 at midnight") };
    QList<Message> set;
    for (int i = 0; i < texts.size(); ++i) {
        Message m { QStringLiteral("m%1").arg(i), QStringLiteral("en"),
            QStringLiteral("Europe/Madrid"), QStringLiteral("en_GB"), QStringLiteral("test"),
            QStringLiteral("schedule"), QStringLiteral("confirm"), QString(), QStringLiteral("-"),
            texts[i],
            QDateTime::fromString(QStringLiteral("2026-11-24T10:00:00+01:00"), Qt::ISODate) };
        set.append(m);
        f.write(QStringLiteral("%1\ten\tEurope/Madrid\ten_GB\t2026-11-24T10:00:00+01:00\ttest\t"
                               "schedule\tconfirm\t-\t-\t%2\n")
                    .arg(m.id, m.text)
                    .toUtf8());
    }
    f.close();
    QString error;
    const QMap<QString, QString> chrono = chronoStarts(path, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QStringList expected = { QStringLiteral("2026-11-25T00:00:00+01:00"),
        QStringLiteral("2026-11-27T00:00:00+01:00"), QStringLiteral("2026-12-03T00:00:00+01:00") };
    for (int i = 0; i < set.size(); ++i) {
        const Interpretation in = interpretMessage(set[i]);
        QCOMPARE(isoWithOffset(in.start), expected[i]);
        QCOMPARE(chrono.value(set[i].id), expected[i]);
    }
}

QTEST_GUILESS_MAIN(TestHeldout)
#include "tst_heldout.moc"
