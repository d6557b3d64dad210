// Data-driven tests of the chat-command interpretation (issue 7).
//
// phrases.tsv: one row per phrase with the expected JSON, worked out by hand from the rules
// in docs/commands.md. negatives.tsv: ordinary messages that must give "intent": "none".
// Directives in the files set the context for the rows that follow:
//   @now ISO-8601      reference time          @tz ZONE           sender's zone
//   @language en|es    expected "language" when a row leaves it out
//   @lang en|es|auto   forced language (--lang), auto = detect
//   @members A,B       room members ("-" = none)
//   @locale NAME       the sender's locale (numeric date order), "C" = day first (default)
// A row's expected object is compared key by key with the interpretation, except "rule"
// (compared only when the row gives it). Rows may leave out "language" (the @language value)
// and, for schedule/availability, "participants" (meaning []).
#include "commands/intentrecognizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>

using namespace kairos::commands;

namespace {

struct Row {
    QString name, text;
    QDateTime now;
    QByteArray zone;
    QString lang, language;
    QStringList members;
    QString locale = QStringLiteral("C");
    QJsonObject expected;
};

QList<Row> loadRows(const QString &file, bool negatives)
{
    QFile f(QStringLiteral(KAIROS_COMMANDS_DATA "/") + file);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(f.fileName()));
    Row ctx;
    ctx.now = QDateTime::fromString(QStringLiteral("2026-11-24T10:00:00+01:00"), Qt::ISODate);
    ctx.zone = "Europe/Madrid";
    ctx.lang = QStringLiteral("auto");
    ctx.language = QStringLiteral("en");
    QList<Row> rows;
    int lineNo = 0;
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        ++lineNo;
        if (line.trimmed().isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (line.startsWith(QLatin1Char('@'))) {
            const QString key = line.section(QLatin1Char(' '), 0, 0);
            const QString value = line.section(QLatin1Char(' '), 1).trimmed();
            if (key == QLatin1String("@now"))
                ctx.now = QDateTime::fromString(value, Qt::ISODate);
            else if (key == QLatin1String("@tz"))
                ctx.zone = value.toUtf8();
            else if (key == QLatin1String("@lang"))
                ctx.lang = value;
            else if (key == QLatin1String("@language"))
                ctx.language = value;
            else if (key == QLatin1String("@locale"))
                ctx.locale = value;
            else if (key == QLatin1String("@members"))
                ctx.members
                    = value == QLatin1String("-") ? QStringList() : value.split(QLatin1Char(','));
            else
                qFatal("%s:%d: unknown directive", qPrintable(file), lineNo);
            continue;
        }
        const QStringList cols = line.split(QLatin1Char('\t'));
        Row r = ctx;
        r.name = cols.value(0);
        r.text = cols.value(1);
        if (negatives) {
            r.expected = { { QStringLiteral("intent"), QStringLiteral("none") } };
        } else {
            QJsonParseError err;
            const QJsonDocument d = QJsonDocument::fromJson(cols.value(2).toUtf8(), &err);
            if (cols.size() != 3 || !d.isObject())
                qFatal(
                    "%s:%d: bad row (%s)", qPrintable(file), lineNo, qPrintable(err.errorString()));
            r.expected = d.object();
        }
        rows.append(r);
    }
    return rows;
}

Interpretation run(const Row &r)
{
    InterpretOptions o;
    o.now = r.now;
    o.zone = QTimeZone(r.zone);
    o.members = r.members;
    o.locale = QLocale(r.locale);
    if (r.lang == QLatin1String("en"))
        o.language = Language::English;
    else if (r.lang == QLatin1String("es"))
        o.language = Language::Spanish;
    return interpret(r.text, o);
}

void addRows(const QList<Row> &rows)
{
    QTest::addColumn<int>("index");
    QSet<QString> seen;
    for (int i = 0; i < rows.size(); ++i) {
        if (seen.contains(rows[i].name))
            qFatal("duplicate row name %s", qPrintable(rows[i].name));
        seen.insert(rows[i].name);
        QTest::newRow(rows[i].name.toUtf8().constData()) << i;
    }
}

} // namespace

class TestPhrases : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void phrases_data();
    void phrases();
    void negatives_data();
    void negatives();
    void counts();
    void cliExplain_data();
    void cliExplain();

private:
    QList<Row> m_rows, m_negatives;
};

void TestPhrases::initTestCase()
{
    m_rows = loadRows(QStringLiteral("phrases.tsv"), false);
    m_negatives = loadRows(QStringLiteral("negatives.tsv"), true);
}

void TestPhrases::phrases_data()
{
    addRows(loadRows(QStringLiteral("phrases.tsv"), false));
}

void TestPhrases::phrases()
{
    QFETCH(int, index);
    const Row &r = m_rows.at(index);
    QVERIFY2(r.now.isValid() && QTimeZone(r.zone).isValid(), "bad context");
    QJsonObject actual = run(r).toJsonObject();
    QJsonObject expected = r.expected;
    if (!expected.contains(QStringLiteral("rule")))
        actual.remove(QStringLiteral("rule"));
    if (!expected.contains(QStringLiteral("language")))
        expected.insert(QStringLiteral("language"), r.language);
    const QString intent = expected.value(QStringLiteral("intent")).toString();
    if ((intent == QLatin1String("schedule") || intent == QLatin1String("availability"))
        && !expected.contains(QStringLiteral("participants")))
        expected.insert(QStringLiteral("participants"), QJsonArray());
    const QByteArray a = QJsonDocument(actual).toJson(QJsonDocument::Compact);
    const QByteArray e = QJsonDocument(expected).toJson(QJsonDocument::Compact);
    QCOMPARE(a, e);
}

void TestPhrases::negatives_data()
{
    addRows(loadRows(QStringLiteral("negatives.tsv"), true));
}

void TestPhrases::negatives()
{
    QFETCH(int, index);
    const Row &r = m_negatives.at(index);
    const Interpretation i = run(r);
    QVERIFY2(i.intent == Intent::None,
        qPrintable(r.text + QStringLiteral(" → ") + QString::fromUtf8(i.toJson())));
}

void TestPhrases::counts()
{
    int en = 0, es = 0;
    for (const Row &r : m_rows) {
        const QString l = r.expected.value(QStringLiteral("language")).toString(r.language);
        (l == QLatin1String("es") ? es : en)++;
    }
    qInfo("phrases: %d English, %d Spanish; negatives: %d", en, es, int(m_negatives.size()));
    QVERIFY(m_rows.size() >= 300);
    QVERIFY(m_negatives.size() >= 50);
}

void TestPhrases::cliExplain_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("expected");
    const QStringList madrid
        = { QStringLiteral("--now"), QStringLiteral("2026-11-24T10:00:00+01:00"),
              QStringLiteral("--tz"), QStringLiteral("Europe/Madrid") };
    QTest::newRow("schedule")
        << (QStringList { QStringLiteral("Schedule a meeting tomorrow at 3pm") } + madrid)
        << QByteArray("{\"intent\": \"schedule\", \"title\": \"Meeting\", \"start\": "
                      "\"2026-11-25T15:00:00+01:00\", \"end\": \"2026-11-25T15:30:00+01:00\", "
                      "\"duration_minutes\": 30, \"participants\": [], \"language\": \"en\", "
                      "\"rule\": \"schedule.verb\"}\n");
    QTest::newRow("lunch window members")
        << (QStringList { QStringLiteral("Reserva una comida con juan el viernes"),
                QStringLiteral("--members"), QStringLiteral("Ann, Juan Pérez") }
               + madrid)
        << QByteArray("{\"intent\": \"schedule\", \"title\": \"Comida con Juan Pérez\", "
                      "\"duration_minutes\": 60, \"window\": {\"start\": "
                      "\"2026-11-27T12:00:00+01:00\", \"end\": \"2026-11-27T14:30:00+01:00\"}, "
                      "\"participants\": [\"Juan Pérez\"], \"language\": \"es\", \"rule\": "
                      "\"schedule.verb+event\"}\n");
    QTest::newRow("agenda")
        << (QStringList { QStringLiteral("¿Qué tengo hoy?") } + madrid)
        << QByteArray(
               "{\"intent\": \"agenda\", \"window\": {\"start\": \"2026-11-24T00:00:00+01:00\", "
               "\"end\": \"2026-11-25T00:00:00+01:00\"}, \"language\": \"es\", \"rule\": "
               "\"agenda.que-tengo\"}\n");
    QTest::newRow("availability")
        << (QStringList { QStringLiteral("Is Bob free at 3 tomorrow?") } + madrid)
        << QByteArray("{\"intent\": \"availability\", \"duration_minutes\": 30, \"window\": "
                      "{\"start\": \"2026-11-25T15:00:00+01:00\", \"end\": "
                      "\"2026-11-25T15:30:00+01:00\"}, "
                      "\"participants\": [\"Bob\"], \"language\": \"en\", \"rule\": "
                      "\"availability.is-x-free\"}\n");
    QTest::newRow("none forced es")
        << (QStringList { QStringLiteral("the meeting was great"), QStringLiteral("--lang"),
                QStringLiteral("es") }
               + madrid)
        << QByteArray("{\"intent\": \"none\", \"language\": \"es\", \"rule\": \"none.past\"}\n");
    QTest::newRow("suggest")
        << (QStringList { QStringLiteral("Let's meet Friday at 5") } + madrid)
        << QByteArray("{\"intent\": \"schedule\", \"mode\": \"suggest\", \"title\": \"Meeting\", "
                      "\"start\": \"2026-11-27T17:00:00+01:00\", \"end\": "
                      "\"2026-11-27T17:30:00+01:00\", \"duration_minutes\": 30, "
                      "\"participants\": [], \"language\": \"en\", \"rule\": "
                      "\"suggest.proposal\"}\n");
    QTest::newRow("locale en_US ambiguous")
        << QStringList { QStringLiteral("Schedule a meeting on 12/10 at 3pm"),
               QStringLiteral("--now"), QStringLiteral("2026-12-03T16:30:00-05:00"),
               QStringLiteral("--tz"), QStringLiteral("America/New_York"),
               QStringLiteral("--locale"), QStringLiteral("en_US") }
        << QByteArray("{\"intent\": \"schedule\", \"title\": \"Meeting\", \"start\": "
                      "\"2026-12-10T15:00:00-05:00\", \"end\": \"2026-12-10T15:30:00-05:00\", "
                      "\"duration_minutes\": 30, \"participants\": [], \"language\": \"en\", "
                      "\"warnings\": [\"ambiguous_date\"], \"alternative\": {\"start\": "
                      "\"2027-10-12T15:00:00-04:00\", \"end\": \"2027-10-12T15:30:00-04:00\"}, "
                      "\"rule\": \"schedule.verb\"}\n");
    QTest::newRow("dst gap")
        << QStringList { QStringLiteral("Schedule a meeting on March 29 at 2:30am"),
               QStringLiteral("--now"), QStringLiteral("2026-03-27T10:00:00+01:00"),
               QStringLiteral("--tz"), QStringLiteral("Europe/Madrid") }
        << QByteArray("{\"intent\": \"schedule\", \"title\": \"Meeting\", \"start\": "
                      "\"2026-03-29T03:30:00+02:00\", \"end\": \"2026-03-29T04:00:00+02:00\", "
                      "\"duration_minutes\": 30, \"participants\": [], \"language\": \"en\", "
                      "\"warnings\": [\"dst_gap\"], \"rule\": \"schedule.verb\"}\n");
}

void TestPhrases::cliExplain()
{
    QFETCH(QStringList, args);
    QFETCH(QByteArray, expected);
    QProcess p;
    p.start(QStringLiteral(KAIROS_CLI_PATH), QStringList { QStringLiteral("explain") } + args);
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(p.readAllStandardOutput(), expected);
}

QTEST_GUILESS_MAIN(TestPhrases)
#include "tst_phrases.moc"
