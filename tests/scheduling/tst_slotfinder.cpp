#include "scheduling/reasontext.h"
#include "scheduling/slotfinder.h"

#include <QTest>

using namespace kairos;
using namespace kairos::scheduling;

namespace {
constexpr qint64 kMin = 60 * 1000;
qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}
TimeRange R(const char *text)
{
    return *TimeRange::parse(QString::fromLatin1(text));
}
Participant person(
    const char *name, const char *zone, const QList<TimeRange> &hours, bool required = true)
{
    Participant p;
    p.name = QString::fromLatin1(name);
    p.zone = QTimeZone(QByteArray(zone));
    p.required = required;
    p.workingHours = WorkingHours::weekdays(hours);
    return p;
}
BusyInterval busy(const char *s, const char *e, BusyStatus st = BusyStatus::Busy)
{
    return { { utc(s), utc(e) }, st };
}
//! Mon 7 Dec 2026 to Sat 12 Dec 2026 (UTC), 60 minutes on a 30-minute grid.
//! Alice (Berlin 09-17 = 08-16Z) and Bob (New York 09-17:30 = 14-22:30Z) meet 14:00-16:00Z.
SlotRequest week()
{
    SlotRequest r;
    r.window = { utc("2026-12-07T00:00:00Z"), utc("2026-12-12T00:00:00Z") };
    r.durationMs = 60 * kMin;
    r.granularityMs = 30 * kMin;
    r.participants = { person("Alice", "Europe/Berlin", { R("09:00-17:00") }),
        person("Bob", "America/New_York", { R("09:00-17:30") }) };
    return r;
}
QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}
QStringList isoList(const QList<qint64> &l)
{
    QStringList out;
    for (qint64 t : l)
        out.append(iso(t));
    return out;
}
SlotResult run(const SlotRequest &r, SlotOptions o = {})
{
    o.listAllFeasible = true;
    auto res = SlotFinder::find(r, o);
    if (!res)
        qFatal("find failed: %s", qPrintable(res.error().message));
    // The interval-algebra view must agree with the grid engine.
    QList<qint64> viaAlgebra;
    const IntervalList common = SlotFinder::commonFreeTime(r, o);
    for (qint64 s = r.window.start; s + r.durationMs <= r.window.end; s += r.granularityMs)
        for (const Interval &i : common)
            if (i.contains(Interval { s, s + r.durationMs }))
                viaAlgebra.append(s);
    if (viaAlgebra != res->feasibleStarts)
        qFatal("algebra and engine disagree");
    return *res;
}
} // namespace

class TestSlotFinder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void feasibleStartsAndBestSlot()
    {
        const SlotResult res = run(week());
        QCOMPARE(res.explanation.kind, NoSlotExplanation::Kind::None);
        QCOMPARE(res.feasibleStarts.size(), 15); // 14:00, 14:30, 15:00 on five days
        QCOMPARE(iso(res.feasibleStarts.first()), QStringLiteral("2026-12-07T14:00:00Z"));
        QCOMPARE(iso(res.feasibleStarts.last()), QStringLiteral("2026-12-11T15:00:00Z"));
        // 14:00Z is 09:00 for Bob (edge of his day), 15:00Z ends at 17:00 for Alice: 14:30Z wins.
        QCOMPARE(res.suggestions.size(), 5);
        QCOMPARE(iso(res.suggestions[0].interval.start), QStringLiteral("2026-12-07T14:30:00Z"));
        QCOMPARE(englishReason(res.suggestions[0].reason),
            QStringLiteral("everyone free, inside everyone's working hours"));
        QCOMPARE(res.suggestions[0].attendees(),
            (QStringList { QStringLiteral("Alice"), QStringLiteral("Bob") }));
        // Suggestions don't overlap: the next one is Tuesday's.
        QCOMPARE(iso(res.suggestions[1].interval.start), QStringLiteral("2026-12-08T14:30:00Z"));
        for (const Slot &s : res.suggestions)
            QVERIFY(s.reason.feasible);
    }
    void edgeOfDayReasonShowsLocalTime()
    {
        SlotRequest r = week();
        r.participants[1].workingHours = WorkingHours::weekdays({ R("09:00-18:00") });
        r.durationMs = 15 * kMin;
        // 22:30Z is 17:30 in New York, 23:30 in Berlin (outside Alice's hours).
        SlotReason reason = SlotFinder::describe(r, utc("2026-12-07T22:30:00Z"));
        QCOMPARE(reason.participants[1].localStart.toString(QStringLiteral("HH:mm")),
            QStringLiteral("17:30"));
        QVERIFY(reason.participants[1].atEdgeOfDay);
        QVERIFY(!reason.participants[0].insideWorkingHours);
        QVERIFY(!reason.feasible);
        QCOMPARE(englishReason(reason),
            QStringLiteral("everyone free, 23:30 for Alice in Berlin, outside working hours, 17:30 "
                           "for Bob in New York"));
        r.participants.removeFirst();
        QCOMPARE(englishReason(SlotFinder::describe(r, utc("2026-12-07T22:30:00Z"))),
            QStringLiteral(
                "everyone free, inside everyone's working hours, 17:30 for Bob in New York"));
    }
    void optionalAttendeesRankBelowRequired()
    {
        SlotRequest r = week();
        Participant dana = person("Dana", "Europe/London", { R("09:00-17:00") }, false);
        dana.busy = { busy("2026-12-07T14:00:00Z", "2026-12-07T16:00:00Z") };
        r.participants.append(dana);
        const SlotResult res = run(r);
        QCOMPARE(res.feasibleStarts.size(), 15); // optional people never make a slot infeasible
        QCOMPARE(iso(res.suggestions[0].interval.start), QStringLiteral("2026-12-08T14:30:00Z"));
        const SlotReason monday = SlotFinder::describe(r, utc("2026-12-07T14:30:00Z"));
        QVERIFY(monday.feasible);
        QCOMPARE(monday.optionalNotFree, 1);
        QCOMPARE(englishReason(monday),
            QStringLiteral("Dana (optional) busy, inside everyone's working hours"));
        // Busy all week: Monday comes back first, with the reason saying so.
        r.participants[2].busy = { busy("2026-12-07T00:00:00Z", "2026-12-12T00:00:00Z") };
        const SlotResult all = run(r);
        QCOMPARE(iso(all.suggestions[0].interval.start), QStringLiteral("2026-12-07T14:30:00Z"));
        QCOMPARE(englishReason(all.suggestions[0].reason),
            QStringLiteral("Dana (optional) busy, inside everyone's working hours"));
        QCOMPARE(all.suggestions[0].attendees(),
            (QStringList { QStringLiteral("Alice"), QStringLiteral("Bob") }));
    }
    void optionalOutsideHoursRanksBelowInside()
    {
        SlotRequest r = week();
        // Eve in Tokyo is optional; her hours never meet the others', so every slot has her
        // outside.
        r.participants.append(person("Eve", "Asia/Tokyo", { R("09:00-17:00") }, false));
        const SlotResult res = run(r);
        QCOMPARE(res.feasibleStarts.size(), 15);
        QCOMPARE(res.suggestions[0].reason.optionalOutsideHours, 1);
        QVERIFY(
            englishReason(res.suggestions[0].reason)
                .contains(QStringLiteral("for Eve (optional) in Tokyo, outside working hours")));
    }
    void rankingOrder()
    {
        // Monday offers only edge-of-day slots; Tuesday a comfortable one. Sooner (by day) wins
        // over the edge rule; within a day the edge rule wins over earlier.
        SlotRequest r = week();
        r.durationMs = 30 * kMin;
        // Monday free: 14:00 (09:00 for Bob), 14:30, 15:00, 15:30 (ends 17:00 for Alice).
        const SlotResult free = run(r);
        QCOMPARE(iso(free.suggestions[0].interval.start), QStringLiteral("2026-12-07T14:30:00Z"));
        QCOMPARE(iso(free.suggestions[1].interval.start), QStringLiteral("2026-12-07T15:00:00Z"));
        QCOMPARE(iso(free.suggestions[2].interval.start), QStringLiteral("2026-12-07T14:00:00Z"));
        // Only edge slots left on Monday: they still come before Tuesday.
        r.participants[1].busy = { busy("2026-12-07T14:30:00Z", "2026-12-07T15:30:00Z") };
        const SlotResult res = run(r);
        QCOMPARE(iso(res.suggestions[0].interval.start), QStringLiteral("2026-12-07T14:00:00Z"));
        QCOMPARE(res.suggestions[0].reason.atEdgeOfDay, 1);
        QCOMPARE(iso(res.suggestions[1].interval.start), QStringLiteral("2026-12-07T15:30:00Z"));
        QCOMPARE(iso(res.suggestions[2].interval.start), QStringLiteral("2026-12-08T14:30:00Z"));
        // A slot needing a tentative required person ranks below any slot without.
        SlotRequest t = week();
        t.participants[1].busy
            = { busy("2026-12-07T00:00:00Z", "2026-12-08T00:00:00Z", BusyStatus::Tentative) };
        const SlotResult tr = run(t);
        QCOMPARE(tr.feasibleStarts.size(), 15); // tentative is soft by default
        QCOMPARE(iso(tr.suggestions[0].interval.start), QStringLiteral("2026-12-08T14:30:00Z"));
        QCOMPARE(englishReason(SlotFinder::describe(t, utc("2026-12-07T14:30:00Z"))),
            QStringLiteral("Bob tentative, inside everyone's working hours"));
        SlotOptions blocking;
        blocking.tentativeBlocks = true;
        QCOMPARE(run(t, blocking).feasibleStarts.size(), 12);
    }
    void unknownAvailability()
    {
        SlotRequest r = week();
        Participant carol = person("Carol", "Asia/Tokyo", { R("09:00-17:00") });
        carol.availabilityKnown = false;
        r.participants.append(carol);
        const SlotResult res = run(r);
        QCOMPARE(res.feasibleStarts.size(), 15); // Carol is not a constraint
        QCOMPARE(res.suggestions[0].reason.unknown, 1);
        QCOMPARE(englishReason(res.suggestions[0].reason),
            QStringLiteral("everyone else free, inside everyone's working hours, Carol's "
                           "availability unknown"));
        QVERIFY(res.suggestions[0].attendees().contains(QStringLiteral("Carol")));
        QCOMPARE(res.suggestions[0].reason.participants[2].availability,
            ParticipantSlotInfo::Availability::Unknown);
    }
    void outOfOfficeExplanation()
    {
        SlotRequest r = week();
        r.participants[0].busy
            = { busy("2026-12-06T00:00:00Z", "2026-12-13T00:00:00Z", BusyStatus::OutOfOffice) };
        const SlotResult res = run(r);
        QVERIFY(res.feasibleStarts.isEmpty());
        QVERIFY(res.suggestions.isEmpty());
        QCOMPARE(res.explanation.kind, NoSlotExplanation::Kind::ParticipantUnavailable);
        QCOMPARE(res.explanation.blockers.size(), 1);
        QCOMPARE(res.explanation.blockers[0].cause, NoSlotExplanation::Blocker::Cause::OutOfOffice);
        QVERIFY(res.explanation.nearest);
        QCOMPARE(englishExplanation(res.explanation, QTimeZone::utc()),
            QStringLiteral(
                "Alice is out of office for all of this window; nearest: Mon 7 Dec 14:30 "
                "(Alice out of office, inside everyone's working hours)"));
    }
    void noCommonWorkingHoursExplanation()
    {
        SlotRequest r = week();
        r.participants[0].workingHours = WorkingHours::weekdays({ R("09:00-12:00") }); // 08-11Z
        r.participants.append(person("Kenji", "Asia/Tokyo", { R("09:00-17:00") })); // 00-08Z
        const SlotResult res = run(r);
        QCOMPARE(res.explanation.kind, NoSlotExplanation::Kind::NoCommonWorkingHours);
        QCOMPARE(res.explanation.participants,
            (QStringList { QStringLiteral("Alice"), QStringLiteral("Bob") }));
        const QString text
            = englishExplanation(res.explanation, QTimeZone(QByteArray("Europe/Berlin")));
        QVERIFY2(text.startsWith(QStringLiteral("no time in this window when Alice and Bob are "
                                                "both inside working hours; nearest: Mon 7 Dec ")),
            qPrintable(text));
    }
    void noCommonFreeTimeExplanation()
    {
        SlotRequest r = week();
        for (int d = 7; d <= 11; ++d) {
            const QDate day(2026, 12, d);
            r.participants[1].busy.append(
                { { QDateTime(day, QTime(14, 0), Qt::UTC).toMSecsSinceEpoch(),
                      QDateTime(day, QTime(15, 30), Qt::UTC).toMSecsSinceEpoch() },
                    BusyStatus::Busy });
        }
        const SlotResult res = run(r);
        QCOMPARE(res.explanation.kind, NoSlotExplanation::Kind::NoCommonFreeTime);
        QVERIFY(res.explanation.nearest);
        QCOMPARE(res.explanation.nearest->reason.requiredUnavailable, 1);
        QCOMPARE(englishExplanation(res.explanation, QTimeZone::utc()),
            QStringLiteral(
                "no time in this window when Alice and Bob are both free inside working hours; "
                "nearest: Mon 7 Dec 14:30 (Bob busy, inside everyone's working hours)"));
    }
    void emptyWindowAndBadRequests()
    {
        SlotRequest r = week();
        r.window.end = r.window.start + 30 * kMin;
        auto res = SlotFinder::find(r);
        QVERIFY(res);
        QCOMPARE(res->explanation.kind, NoSlotExplanation::Kind::EmptyWindow);
        r = week();
        r.durationMs = 0;
        QCOMPARE(SlotFinder::find(r).error().code, Error::Code::InvalidInput);
        r = week();
        r.participants[0].zone = QTimeZone();
        QVERIFY(SlotFinder::find(r).error().message.startsWith(
            QStringLiteral("participants[0].time_zone")));
    }
    void dstWeekNewYorkBerlin()
    {
        // New York springs forward on 8 Mar 2026, Berlin only on 29 Mar: for those weeks the
        // overlap is an hour longer (13-16Z instead of 14-16Z).
        SlotRequest r;
        r.window = { utc("2026-03-06T00:00:00Z"), utc("2026-03-10T00:00:00Z") };
        r.durationMs = 60 * kMin;
        r.granularityMs = 60 * kMin;
        r.participants = { person("Alice", "Europe/Berlin", { R("09:00-17:00") }),
            person("Bob", "America/New_York", { R("09:00-17:00") }) };
        QCOMPARE(isoList(run(r).feasibleStarts),
            (QStringList { QStringLiteral("2026-03-06T14:00:00Z"),
                QStringLiteral("2026-03-06T15:00:00Z"), QStringLiteral("2026-03-09T13:00:00Z"),
                QStringLiteral("2026-03-09T14:00:00Z"), QStringLiteral("2026-03-09T15:00:00Z") }));
    }
    void quarterHourZonesAndLordHowe()
    {
        // Kathmandu (+05:45) 09:00-18:00 = 03:15-12:15Z; Lord Howe in summer (+11) 13:00-18:00 =
        // 02:00-07:00Z; Kolkata (+05:30) 09:00-17:00 = 03:30-11:30Z. Common: 03:30-07:00Z.
        SlotRequest r;
        r.window = { utc("2026-12-07T00:00:00Z"), utc("2026-12-08T00:00:00Z") };
        r.durationMs = 90 * kMin;
        r.granularityMs = 15 * kMin;
        r.participants = { person("Anil", "Asia/Kathmandu", { R("09:00-18:00") }),
            person("Lee", "Australia/Lord_Howe", { R("13:00-18:00") }),
            person("Priya", "Asia/Kolkata", { R("09:00-17:00") }) };
        const SlotResult res = run(r);
        QCOMPARE(iso(res.feasibleStarts.first()), QStringLiteral("2026-12-07T03:30:00Z"));
        QCOMPARE(iso(res.feasibleStarts.last()), QStringLiteral("2026-12-07T05:30:00Z"));
        QCOMPARE(res.feasibleStarts.size(), 9);
        const SlotReason reason = res.suggestions[0].reason;
        QCOMPARE(reason.participants[0].localStart.offsetFromUtc(), 5 * 3600 + 45 * 60);
    }
    void dateLineKiritimatiApia()
    {
        // Kiritimati (+14) Monday 09:00-11:00 is Sunday 19:00-21:00Z; Honolulu (-10) Sunday
        // 09:00-11:00 is the same UTC span: same instant, different weekdays.
        SlotRequest r;
        r.window = { utc("2026-12-06T00:00:00Z"), utc("2026-12-08T00:00:00Z") };
        r.durationMs = 60 * kMin;
        r.granularityMs = 60 * kMin;
        Participant k = person("Kiri", "Pacific/Kiritimati", {});
        k.workingHours = WorkingHours::none();
        k.workingHours.setRanges(Qt::Monday, { R("09:00-11:00") });
        Participant h = person("Hana", "Pacific/Honolulu", {});
        h.workingHours = WorkingHours::none();
        h.workingHours.setRanges(Qt::Sunday, { R("09:00-11:00") });
        r.participants = { k, h };
        QCOMPARE(isoList(run(r).feasibleStarts),
            (QStringList {
                QStringLiteral("2026-12-06T19:00:00Z"), QStringLiteral("2026-12-06T20:00:00Z") }));
        // Apia skipped Friday 30 Dec 2011: Friday-only hours give nothing that week.
        SlotRequest a;
        a.window = { utc("2011-12-26T00:00:00Z"), utc("2012-01-02T00:00:00Z") };
        Participant s = person("Sefo", "Pacific/Apia", {});
        s.workingHours = WorkingHours::none();
        s.workingHours.setRanges(Qt::Friday, { R("09:00-17:00") });
        a.participants = { s };
        const SlotResult res = run(a);
        QVERIFY(res.feasibleStarts.isEmpty());
        QCOMPARE(res.explanation.kind, NoSlotExplanation::Kind::ParticipantUnavailable);
        QCOMPARE(
            res.explanation.blockers[0].cause, NoSlotExplanation::Blocker::Cause::NoWorkingHours);
    }
};

QTEST_GUILESS_MAIN(TestSlotFinder)
#include "tst_slotfinder.moc"
