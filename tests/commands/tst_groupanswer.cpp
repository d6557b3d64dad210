// Group answers of chat commands: the best lunch slot in everyone's own zone, and the
// availability answer (check / ranked slots, stale and missing snapshots, JSON round trip).
#include "commands/groupanswer.h"
#include "commands/intentrecognizer.h"
#include "model/zonedtime.h"

#include <QTest>

using namespace kairos;
using namespace kairos::commands;

namespace {

const QTimeZone kMadrid("Europe/Madrid");
const QTimeZone kLondon("Europe/London");
const QTimeZone kNewYork("America/New_York");

QDateTime at(QDate d, int h, int m, const QTimeZone &z)
{
    return zonedDateTime(d, QTime(h, m), z);
}

MemberState member(const QString &name, const QTimeZone &zone, QList<Interval> busy,
    const QDateTime &madeAt = QDateTime())
{
    MemberState m;
    m.shared = true;
    m.madeAt = madeAt;
    m.participant.name = name;
    m.participant.zone = zone;
    for (const Interval &i : busy)
        m.participant.busy.append({ i, scheduling::BusyStatus::Busy });
    return m;
}

Interval span(const QDateTime &a, const QDateTime &b)
{
    return Interval::fromDateTimes(a, b);
}

} // namespace

class TstGroupAnswer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Lunch 12:00-14:30 in each one's zone: Ana (Madrid) and John (London) overlap only
    // 13:00-14:30 Madrid time; John is busy 13:00-13:30 Madrid, so 13:30-14:30 is the slot.
    void lunchInEveryonesOwnZone()
    {
        const QDate friday(2026, 11, 27);
        QList<scheduling::Participant> people {
            member(QStringLiteral("Ana"), kMadrid,
                { span(at(friday, 12, 0, kMadrid), at(friday, 12, 30, kMadrid)) })
                .participant,
            member(QStringLiteral("John"), kLondon,
                { span(at(friday, 12, 0, kLondon), at(friday, 12, 30, kLondon)) })
                .participant,
        };
        auto r = findInDailyWindow(people, at(friday, 0, 0, kMadrid),
            at(friday.addDays(1), 0, 0, kMadrid), 60, 12 * 60, 14 * 60 + 30, kMadrid);
        QVERIFY(r);
        QVERIFY(!r->suggestions.isEmpty());
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(r->suggestions.first().interval.start, kMadrid),
            at(friday, 13, 30, kMadrid));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(r->suggestions.first().interval.end, kMadrid),
            at(friday, 14, 30, kMadrid));
    }

    // With everyone free, the best lunch keeps away from the window's edges: 12:30-13:30.
    void lunchAwayFromEdges()
    {
        const QDate friday(2026, 11, 27);
        QList<scheduling::Participant> people {
            member(QStringLiteral("Ana"), kMadrid, {}).participant,
            member(QStringLiteral("Juan"), kMadrid, {}).participant
        };
        auto r = findInDailyWindow(people, at(friday, 0, 0, kMadrid),
            at(friday.addDays(1), 0, 0, kMadrid), 60, 12 * 60, 14 * 60 + 30, kMadrid);
        QVERIFY(r && !r->suggestions.isEmpty());
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(r->suggestions.first().interval.start, kMadrid),
            at(friday, 12, 30, kMadrid));
    }

    // New York's lunch never overlaps Madrid's: nothing fits, and the answer says why.
    void lunchNoOverlap()
    {
        const QDate friday(2026, 11, 27);
        QList<scheduling::Participant> people {
            member(QStringLiteral("Ana"), kMadrid, {}).participant,
            member(QStringLiteral("Bob"), kNewYork, {}).participant
        };
        auto r = findInDailyWindow(people, at(friday, 0, 0, kMadrid),
            at(friday.addDays(1), 0, 0, kMadrid), 60, 12 * 60, 14 * 60 + 30, kMadrid);
        QVERIFY(r);
        QVERIFY(r->suggestions.isEmpty());
        QCOMPARE(r->explanation.kind, scheduling::NoSlotExplanation::Kind::NoCommonWorkingHours);
    }

    // "Is Bob free at 3 tomorrow?": a check, Bob busy; Carla named but without a snapshot.
    void checkAnswer()
    {
        const QDateTime now = at(QDate(2026, 11, 24), 10, 0, kMadrid);
        InterpretOptions o;
        o.now = now;
        o.zone = kMadrid;
        o.members = { QStringLiteral("Bob"), QStringLiteral("Carla") };
        const Interpretation in = interpret(QStringLiteral("Is Bob free at 3 tomorrow?"), o);
        const QDate wed(2026, 11, 25);
        QList<MemberState> members { member(QStringLiteral("Ana"), kMadrid, {}, now),
            member(QStringLiteral("Bob"), kLondon,
                { span(at(wed, 13, 30, kLondon), at(wed, 14, 30, kLondon)) }, now.addDays(-3)) };
        auto a = answerAvailability(in, members, QStringLiteral("Ana"), now, kMadrid);
        QVERIFY(a);
        QCOMPARE(a->kind, AvailabilityAnswer::Kind::Check);
        QCOMPARE(a->participants, QStringList { QStringLiteral("Bob") });
        QCOMPARE(a->people.size(), 1);
        QCOMPARE(a->people.first().availability, QStringLiteral("busy"));
        QVERIFY(!a->allFree());
        QCOMPARE(a->start, at(wed, 15, 0, kMadrid));
        QCOMPARE(a->stale.size(), 1);
        QCOMPARE(a->stale.first().name, QStringLiteral("Bob"));

        const auto back = AvailabilityAnswer::fromJson(a->toJson());
        QVERIFY(back);
        QCOMPARE(back->toJson(), a->toJson());
        QCOMPARE(back->start, a->start);
    }

    // "When can we meet tomorrow?": the room (asker included), ranked slots, missing members.
    void slotsAnswer()
    {
        const QDateTime now = at(QDate(2026, 11, 24), 10, 0, kMadrid);
        InterpretOptions o;
        o.now = now;
        o.zone = kMadrid;
        const Interpretation in = interpret(QStringLiteral("When can we meet tomorrow?"), o);
        const QDate wed(2026, 11, 25);
        MemberState ana = member(QStringLiteral("Ana"), kMadrid,
            { span(at(wed, 0, 0, kMadrid), at(wed, 10, 0, kMadrid)) }, now);
        MemberState bob = member(QStringLiteral("Bob"), kMadrid,
            { span(at(wed, 10, 0, kMadrid), at(wed, 11, 0, kMadrid)) }, now);
        MemberState carla;
        carla.participant.name = QStringLiteral("Carla");
        auto a = answerAvailability(in, { ana, bob, carla }, QStringLiteral("Ana"), now, kMadrid);
        QVERIFY(a);
        QCOMPARE(a->kind, AvailabilityAnswer::Kind::Slots);
        QCOMPARE(a->participants,
            (QStringList {
                QStringLiteral("Ana"), QStringLiteral("Bob"), QStringLiteral("Carla") }));
        QCOMPARE(a->missing, QStringList { QStringLiteral("Carla") });
        QVERIFY(!a->slots.isEmpty());
        QCOMPARE(a->slots.first().start, at(wed, 11, 0, kMadrid));
        QVERIFY(a->slots.first().everyoneFree());
        QCOMPARE(a->slots.first().unknown, QStringList { QStringLiteral("Carla") });
        const auto back = AvailabilityAnswer::fromJson(a->toJson());
        QVERIFY(back);
        QCOMPARE(back->toJson(), a->toJson());
    }

    // Nobody shared working hours: no 00:00 suggestion, the day starts at 09:00.
    void defaultHoursForSlots()
    {
        const QDateTime now = at(QDate(2026, 11, 24), 10, 0, kMadrid);
        InterpretOptions o;
        o.now = now;
        o.zone = kMadrid;
        const Interpretation in = interpret(QStringLiteral("When can we meet tomorrow?"), o);
        auto a = answerAvailability(in,
            { member(QStringLiteral("Ana"), kMadrid, {}, now),
                member(QStringLiteral("Bob"), kLondon, {}, now) },
            QStringLiteral("Ana"), now, kMadrid);
        QVERIFY(a && !a->slots.isEmpty());
        // 09:00 London is 10:00 Madrid; the first half hour is the edge of Bob's day, ranked
        // lower: 10:30.
        QCOMPARE(a->slots.first().start, at(QDate(2026, 11, 25), 10, 30, kMadrid));
    }

    void rejectsBadJson()
    {
        QVERIFY(!AvailabilityAnswer::fromJson({}));
        QVERIFY(!AvailabilityAnswer::fromJson({ { QStringLiteral("kind"), QStringLiteral("check") },
            { QStringLiteral("id"), QStringLiteral("x") } }));
        QVERIFY(!AvailabilityAnswer::fromJson({ { QStringLiteral("kind"), QStringLiteral("nope") },
            { QStringLiteral("id"), QStringLiteral("x") } }));
    }
};

QTEST_GUILESS_MAIN(TstGroupAnswer)
#include "tst_groupanswer.moc"
