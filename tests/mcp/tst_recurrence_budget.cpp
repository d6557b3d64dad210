// One recurrence expansion budget per query (#14, M2): 20 events with 5 crafted RRULEs each
// (FREQ=SECONDLY, or HOURLY with a huge COUNT from 2020) cost a bounded number of libical steps
// in a week's listing — in-process, in `kairos-cli agenda` and in MCP list_events — the
// ordinary series still shows, and every cut series is named in a note.
#include "mcptestutil.h"
#include "support/testenv.h"

#include "calendar/calendarservice.h"
#include "ics/recurrence.h"
#include "model/recurrencebudget.h"

#include <QTimeZone>

using namespace kairos;
using namespace kairos::test;

namespace {
const QTimeZone kMadrid("Europe/Madrid");
constexpr int kHostile = 20;
} // namespace

class TestRecurrenceBudget : public QObject {
    Q_OBJECT
private:
    TempHome m_home;
    std::unique_ptr<Database> m_db;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        m_db = openProfileDb(QStringLiteral("seed"));
        QVERIFY(m_db);
        CalendarService service(*m_db, kMadrid);
        QVERIFY(service.ensureLocalCalendar(QStringLiteral("Local")));
        QList<Event> events;
        for (int i = 0; i < kHostile; ++i) {
            Event e = timedEvent(QStringLiteral("local"), QStringLiteral("Hostile %1").arg(i),
                QDateTime(QDate(2020, 1, 1), QTime(10, 0), kMadrid), 30);
            const QString rule = i % 2 == 0 ? QStringLiteral("RRULE:FREQ=SECONDLY;COUNT=900000000")
                                            : QStringLiteral("RRULE:FREQ=HOURLY;COUNT=900000000");
            for (int r = 0; r < 5; ++r)
                e.recurrence << rule + QStringLiteral(";INTERVAL=%1").arg(r + 1);
            events << e;
        }
        Event standup = timedEvent(QStringLiteral("local"), QStringLiteral("Standup"),
            QDateTime(QDate(2026, 1, 5), QTime(9, 0), kMadrid), 15);
        standup.recurrence = { QStringLiteral("RRULE:FREQ=WEEKLY;BYDAY=MO") };
        events << standup;
        QVERIFY(EventStore(*m_db).saveEvents(events));
    }

    void oneBudgetPerQuery()
    {
        CalendarService service(*m_db, kMadrid);
        ics::installRecurrenceExpander(service);
        RecurrenceBudget budget;
        const RecurrenceBudget::Scope scope(&budget);
        const auto occ = service.occurrences(QDate(2026, 12, 7), QDate(2026, 12, 13));
        QVERIFY(occ);
        // Bounded work: the query's budget plus the small per-series minimum.
        QVERIFY2(budget.used
                <= RecurrenceBudget::kQuerySteps + kHostile * RecurrenceBudget::kSeriesMinimum,
            qPrintable(QString::number(budget.used)));
        QVERIFY(budget.used > 0);
        // Every crafted series is named, none silently dropped; the ordinary one is not cut.
        QCOMPARE(budget.cut.size(), kHostile);
        int tooFrequent = 0;
        for (const RecurrenceBudget::Cut &c : budget.cut) {
            QVERIFY(c.title.startsWith(QLatin1String("Hostile")));
            tooFrequent += c.reason == RecurrenceBudget::Reason::TooFrequent;
        }
        QCOMPARE(tooFrequent, kHostile / 2);
        int standups = 0;
        for (const Occurrence &o : *occ)
            standups += o.title == QLatin1String("Standup");
        QCOMPARE(standups, 1);
    }

    //! Every RRULE is expanded (the union, as ical.js and dateutil read it: tst_ics_corpus), but
    //! all the rules of a series share its one share of the budget: five huge rules cost what
    //! one costs.
    void everyRruleSharesTheSeriesBudget()
    {
        Event e = timedEvent(QStringLiteral("local"), QStringLiteral("Two rules"),
            QDateTime(QDate(2026, 12, 1), QTime(9, 0), kMadrid), 30);
        e.id = QStringLiteral("two");
        e.recurrence = { QStringLiteral("RRULE:FREQ=WEEKLY;COUNT=2"),
            QStringLiteral("RRULE:FREQ=DAILY;COUNT=10") };
        const auto starts = ics::expandRecurrence(e,
            QDateTime(QDate(2026, 12, 1), QTime(0, 0), kMadrid).toMSecsSinceEpoch(),
            QDateTime(QDate(2027, 1, 1), QTime(0, 0), kMadrid).toMSecsSinceEpoch());
        QCOMPARE(starts.size(), 10); // Dec 1-10; the weekly Dec 1 and 8 are among them

        Event huge = timedEvent(QStringLiteral("local"), QStringLiteral("Five huge rules"),
            QDateTime(QDate(2020, 1, 1), QTime(10, 0), kMadrid), 30);
        huge.id = QStringLiteral("huge");
        for (int r = 0; r < 5; ++r)
            huge.recurrence
                << QStringLiteral("RRULE:FREQ=HOURLY;COUNT=900000000;INTERVAL=%1").arg(r + 1);
        RecurrenceBudget budget;
        const RecurrenceBudget::Scope scope(&budget);
        ics::expandRecurrence(huge,
            QDateTime(QDate(2026, 12, 7), QTime(0, 0), kMadrid).toMSecsSinceEpoch(),
            QDateTime(QDate(2026, 12, 14), QTime(0, 0), kMadrid).toMSecsSinceEpoch());
        QVERIFY2(budget.used <= RecurrenceBudget::kSeriesSteps,
            qPrintable(QString::number(budget.used)));
        QVERIFY(budget.wasCut(QStringLiteral("huge")));
    }

    void agendaNamesTheCutSeries()
    {
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KAIROS_HOME"), m_home.path());
        env.insert(QStringLiteral("TZ"), QStringLiteral("Europe/Madrid"));
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(KAIROS_CLI_PATH),
            { QStringLiteral("agenda"), QStringLiteral("--from"), QStringLiteral("2026-12-07"),
                QStringLiteral("--to"), QStringLiteral("2026-12-13") });
        QVERIFY(cli.waitForFinished(120000));
        QCOMPARE(cli.exitCode(), 0);
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("2026-12-07  09:00-09:15  Standup")), qPrintable(out));
        QCOMPARE(out.count(QStringLiteral("Note: \"Hostile ")), kHostile);
        QCOMPARE(out.count(QStringLiteral("repeats more often than hourly")), kHostile / 2);
    }

    void listEventsNamesTheCutSeries()
    {
        McpProcess mcp(m_home.path());
        QVERIFY(mcp.started());
        QVERIFY(mcp.initialize().contains(QStringLiteral("result")));
        const QJsonObject r = mcp.call(QStringLiteral("list_events"),
            { { QStringLiteral("start"), QStringLiteral("2026-12-07") },
                { QStringLiteral("end"), QStringLiteral("2026-12-13") } });
        QVERIFY2(!isToolError(r), qPrintable(toolText(r)));
        const QJsonObject s = structured(r);
        QCOMPARE(s.value(QStringLiteral("incomplete_series")).toArray().size(), kHostile);
        QCOMPARE(s.value(QStringLiteral("events")).toArray().size(), 1);
        QCOMPARE(toolText(r).count(QStringLiteral("Note: not every occurrence")), kHostile);
    }
};

QTEST_GUILESS_MAIN(TestRecurrenceBudget)
#include "tst_recurrence_budget.moc"
