// Third-party corpus (tests/ics/corpus: the test files of ical.js, node-ical, python-icalendar,
// libical, plus our own minimal cases): every file is imported through the store, its series
// expanded 1970–2037 (first 500 occurrences of each) and compared with an independent expander
// run here (corpus_reference.py: its own content-line reader, dateutil.rrule, pytz, and
// python3-icalendar for the files' VTIMEZONEs). Then export → re-import → the same occurrences.
// Known reference errors are in corpus/allowlist.txt, one line of justification each.
#include "core/profile.h"
#include "ics/icsexport.h"
#include "ics/icsimport.h"
#include "ics/recurrence.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/testenv.h"
#include "testpaths.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace kairos;

namespace {

const QString kCorpus = QStringLiteral(KAIROS_SOURCE_DIR "/tests/ics/corpus");
const qint64 kFrom
    = QDateTime(QDate(1970, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
const qint64 kTo = QDateTime(QDate(2038, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
constexpr int kCap = 500;

using Series = QMap<QString, QStringList>; // UID → sorted occurrences

QString occurrence(bool allDay, const QDateTime &start, qint64 length)
{
    if (allDay)
        return QStringLiteral("D%1+%2")
            .arg(start.toUTC().date().toString(QStringLiteral("yyyyMMdd")))
            .arg(length);
    return QStringLiteral("%1+%2")
        .arg(start.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")))
        .arg(length);
}

//! The first kCap starts of a series in [1970, 2038), in growing windows (a MINUTELY rule must
//! not be expanded over 68 years).
QList<QDateTime> firstStarts(const Event &master)
{
    QList<QDateTime> out;
    qint64 from = kFrom;
    qint64 span = 366LL * 86400 * 1000;
    while (from < kTo && out.size() < kCap) {
        const qint64 to = qMin(kTo, from + span);
        for (const QDateTime &s : ics::expandRecurrence(master, from, to)) {
            const qint64 ms = s.toMSecsSinceEpoch();
            // Each window takes the starts inside it (the expander also returns occurrences
            // that only overlap the window, and all-day ones a day either side).
            if (ms >= from && ms < to && out.size() < kCap)
                out.append(s);
        }
        from = to;
        span *= 4;
    }
    return out;
}

qint64 lengthOf(const Event &e)
{
    return e.allDay ? e.startDate.daysTo(e.endDate) : e.start.secsTo(e.end);
}

QDateTime startOf(const Event &e)
{
    return e.allDay ? QDateTime(e.startDate, QTime(0, 0), QTimeZone::utc()) : e.start;
}

bool inRange(const QDateTime &s)
{
    return s.toMSecsSinceEpoch() >= kFrom && s.toMSecsSinceEpoch() < kTo;
}

//! What Kairos makes of a calendar's events: the same rules as corpus_reference.py.
Series kairosSeries(const QList<Event> &events)
{
    Series out;
    QHash<QString, const Event *> masters;
    QHash<QString, QMap<qint64, QString>> byUid;
    for (const Event &e : events) {
        if (e.originalStart.isValid())
            continue;
        masters.insert(e.iCalUid, &e);
        QMap<qint64, QString> &occ = byUid[e.iCalUid];
        if (e.isRecurring()) {
            for (const QDateTime &s : firstStarts(e))
                occ.insert(s.toSecsSinceEpoch(), occurrence(e.allDay, s, lengthOf(e)));
        } else if (inRange(startOf(e))) {
            occ.insert(
                startOf(e).toSecsSinceEpoch(), occurrence(e.allDay, startOf(e), lengthOf(e)));
        }
    }
    for (const Event &e : events) {
        if (!e.originalStart.isValid())
            continue;
        QMap<qint64, QString> &occ = byUid[e.iCalUid];
        occ.remove(e.originalStart.toSecsSinceEpoch());
        if (inRange(startOf(e)))
            occ.insert(
                startOf(e).toSecsSinceEpoch(), occurrence(e.allDay, startOf(e), lengthOf(e)));
    }
    // Events without UID get one derived from their text ("kairos-…@import"); the reference
    // has none for them: both sides put them in one list.
    static const QRegularExpression derived(QStringLiteral("^kairos-[0-9a-f]{24}@import$"));
    for (auto it = byUid.cbegin(); it != byUid.cend(); ++it) {
        const QString uid = derived.match(it.key()).hasMatch() ? QString() : it.key();
        QStringList l = out.value(uid) + it->values();
        l.sort();
        out.insert(uid, l);
    }
    return out;
}

Series referenceSeries(const QJsonObject &o)
{
    Series out;
    const QJsonObject s = o.value(QStringLiteral("series")).toObject();
    for (auto it = s.begin(); it != s.end(); ++it) {
        QStringList l;
        for (const QJsonValue &v : it->toArray())
            l.append(v.toString());
        l.sort();
        out.insert(it.key(), l);
    }
    return out;
}

//! Disagreements per UID, a few occurrences each, for the failure message.
QStringList differences(const Series &want, const Series &got, const QSet<QString> &allowed)
{
    QStringList out;
    QSet<QString> uids;
    for (auto it = want.cbegin(); it != want.cend(); ++it)
        uids.insert(it.key());
    for (auto it = got.cbegin(); it != got.cend(); ++it)
        uids.insert(it.key());
    QStringList sorted(uids.begin(), uids.end());
    sorted.sort();
    for (const QString &uid : sorted) {
        const QStringList w = want.value(uid);
        const QStringList g = got.value(uid);
        if (w == g || allowed.contains(uid) || allowed.contains(QStringLiteral("*")))
            continue;
        const QSet<QString> ws(w.begin(), w.end());
        const QSet<QString> gs(g.begin(), g.end());
        QStringList missing(QSet<QString>(ws).subtract(gs).values());
        QStringList extra(QSet<QString>(gs).subtract(ws).values());
        missing.sort();
        extra.sort();
        out.append(
            QStringLiteral("  %1: reference %2, kairos %3; only reference: %4; only kairos: %5")
                .arg(uid)
                .arg(w.size())
                .arg(g.size())
                .arg(QStringList(missing.mid(0, 3)).join(QLatin1Char(' ')))
                .arg(QStringList(extra.mid(0, 3)).join(QLatin1Char(' '))));
    }
    return out;
}

} // namespace

class TestIcsCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void agreesWithReference_data();
    void agreesWithReference();
    void exportReimportSameOccurrences_data() { agreesWithReference_data(); }
    void exportReimportSameOccurrences();
    void cleanupTestCase();

private:
    //! Imports `data` into a new calendar and returns its events.
    QList<Event> importIntoNewCalendar(const QString &path);

    test::TempHome m_home;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<EventStore> m_store;
    QStringList m_files; // relative to kCorpus
    QJsonObject m_reference;
    bool readList(const QString &name, QHash<QString, QSet<QString>> &out);

    QHash<QString, QSet<QString>> m_allowed; // file → UIDs ("*": the whole file)
    //! Kairos defects still open (known-kairos-defects.txt): expected to disagree.
    QHash<QString, QSet<QString>> m_knownDefects;
    QStringList m_knownDisagreeing;
    int m_calendars = 0;
    int m_comparable = 0;
    int m_agree = 0;
    int m_allowListed = 0;
    QStringList m_disagreeing;
};

void TestIcsCorpus::initTestCase()
{
    QDirIterator it(
        kCorpus, { QStringLiteral("*.ics") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        m_files.append(QDir(kCorpus).relativeFilePath(it.next()));
    m_files.sort();
    QVERIFY2(m_files.size() > 250, qPrintable(QString::number(m_files.size())));

    // The reference, once for all files.
    QTemporaryDir tmp;
    const QString out = tmp.filePath(QStringLiteral("reference.json"));
    QProcess py;
    py.setWorkingDirectory(kCorpus);
    py.start(QStringLiteral("/usr/bin/python3"),
        QStringList { QStringLiteral(KAIROS_SOURCE_DIR "/tests/ics/corpus_reference.py"), out }
            + m_files);
    QVERIFY(py.waitForFinished(300000));
    QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    m_reference = QJsonDocument::fromJson(f.readAll()).object();
    QCOMPARE(m_reference.size(), m_files.size());

    // file <TAB> UID or * <TAB> why
    QVERIFY(readList(QStringLiteral("allowlist.txt"), m_allowed));
    QVERIFY(readList(QStringLiteral("known-kairos-defects.txt"), m_knownDefects));

    QVERIFY(m_home.isValid());
    Profile p(QStringLiteral("corpus"));
    QVERIFY(p.ensureDirs());
    auto db = Database::open(p.databasePath(), {}, QStringLiteral("corpus"));
    QVERIFY(db);
    m_db = std::move(*db);
    m_store = std::make_unique<EventStore>(*m_db);
}

bool TestIcsCorpus::readList(const QString &name, QHash<QString, QSet<QString>> &out)
{
    QFile f(kCorpus + QLatin1Char('/') + name);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return false;
    while (!f.atEnd()) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList parts = line.split(QLatin1Char('\t'));
        if (parts.size() != 3 || parts.at(2).trimmed().isEmpty()
            || !m_files.contains(parts.at(0))) {
            qWarning("%s: needs an existing file, a UID and a reason: %s", qPrintable(name),
                qPrintable(line));
            return false;
        }
        out[parts.at(0)].insert(parts.at(1));
    }
    return true;
}

QList<Event> TestIcsCorpus::importIntoNewCalendar(const QString &path)
{
    Calendar c;
    c.id = QStringLiteral("c%1").arg(++m_calendars);
    c.name = c.id;
    if (!m_store->saveCalendar(c))
        return {};
    ics::ImportOptions o;
    o.floatingZone = QTimeZone::utc(); // the reference reads floating times as UTC too
    if (!ics::importCalendarFile(path, *m_store, c.id, o))
        return {};
    return m_store->eventsInCalendar(c.id).valueOr(QList<Event>());
}

void TestIcsCorpus::agreesWithReference_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &f : std::as_const(m_files))
        QTest::newRow(qPrintable(f)) << f;
}

void TestIcsCorpus::agreesWithReference()
{
    QFETCH(QString, file);
    const QJsonObject ref = m_reference.value(file).toObject();
    const QList<Event> events = importIntoNewCalendar(kCorpus + QLatin1Char('/') + file);
    if (!ref.value(QStringLiteral("ok")).toBool()) {
        // Not comparable: the reference cannot read it (damaged on purpose, or beyond
        // python3-icalendar 4). Kairos must still get through it, which it did.
        qInfo("not comparable: %s", qPrintable(ref.value(QStringLiteral("error")).toString()));
        return;
    }
    ++m_comparable;
    const Series want = referenceSeries(ref);
    const Series got = kairosSeries(events);
    const QStringList diffAll = differences(want, got, {});
    const QStringList diff = differences(want, got, m_allowed.value(file));
    const QSet<QString> known = m_knownDefects.value(file);
    const QStringList unknown = differences(want, got, m_allowed.value(file) + known);
    if (diffAll.isEmpty())
        ++m_agree;
    else if (diff.isEmpty())
        ++m_allowListed;
    else if (unknown.isEmpty())
        m_knownDisagreeing.append(file);
    else
        m_disagreeing.append(file);
    // A known Kairos defect that now agrees must leave the list.
    for (const QString &uid : known) {
        const bool agrees
            = uid == QLatin1String("*") ? diff.isEmpty() : want.value(uid) == got.value(uid);
        QVERIFY2(!agrees,
            qPrintable(
                QStringLiteral("agrees now: remove it from known-kairos-defects.txt: ") + uid));
    }
    QVERIFY2(unknown.isEmpty(),
        qPrintable(
            QStringLiteral("disagrees with the reference:\n") + unknown.join(QLatin1Char('\n'))));
}

void TestIcsCorpus::exportReimportSameOccurrences()
{
    QFETCH(QString, file);
    const QList<Event> events = importIntoNewCalendar(kCorpus + QLatin1Char('/') + file);
    ics::ExportOptions o;
    o.stamp = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("out.ics"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(ics::exportCalendar(events, o));
    out.close();
    const QList<Event> again = importIntoNewCalendar(path);
    QCOMPARE(again.size(), events.size());
    const QStringList diff = differences(kairosSeries(events), kairosSeries(again), {});
    QVERIFY2(diff.isEmpty(),
        qPrintable(QStringLiteral("changed by export → import:\n") + diff.join(QLatin1Char('\n'))));
}

void TestIcsCorpus::cleanupTestCase()
{
    qInfo("corpus: %d files, %d comparable, %d agree, %d agree except allow-listed reference "
          "errors, %d disagree by known Kairos defects (%s), %d disagree otherwise%s%s",
        int(m_files.size()), m_comparable, m_agree, m_allowListed, int(m_knownDisagreeing.size()),
        qPrintable(m_knownDisagreeing.join(QLatin1Char(' '))), int(m_disagreeing.size()),
        m_disagreeing.isEmpty() ? "" : ": ", qPrintable(m_disagreeing.join(QLatin1Char(' '))));
}

QTEST_GUILESS_MAIN(TestIcsCorpus)
#include "tst_ics_corpus.moc"
