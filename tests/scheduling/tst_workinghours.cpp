#include "model/zonedtime.h"
#include "scheduling/workinghours.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace kairos;
using namespace kairos::scheduling;

namespace {
qint64 utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}
Interval span(const char *a, const char *b)
{
    return { utc(a), utc(b) };
}
TimeRange R(const char *text)
{
    return *TimeRange::parse(QString::fromLatin1(text));
}
WorkingHours everyDay(const QList<TimeRange> &ranges)
{
    WorkingHours h = WorkingHours::none();
    for (int d = Qt::Monday; d <= Qt::Sunday; ++d)
        h.setRanges(Qt::DayOfWeek(d), ranges);
    return h;
}
WorkingHours oneDay(Qt::DayOfWeek day, const QList<TimeRange> &ranges)
{
    WorkingHours h = WorkingHours::none();
    h.setRanges(day, ranges);
    return h;
}
QTimeZone Z(const char *id)
{
    return QTimeZone(QByteArray(id));
}
QString show(const IntervalList &l)
{
    QStringList s;
    for (const Interval &i : l)
        s.append(i.startUtc().toString(Qt::ISODate) + QLatin1Char('/')
            + i.endUtc().toString(Qt::ISODate));
    return s.join(QLatin1Char(' '));
}
} // namespace

#define COMPARE_HOURS(actual, expected) QCOMPARE(show(actual), show(expected))

class TestWorkingHours : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parseRanges()
    {
        QCOMPARE(R("09:00-17:30"), (TimeRange { 540, 1050 }));
        QCOMPARE(R("22:00-02:00"), (TimeRange { 1320, 1560 }));
        QVERIFY(R("22:00-02:00").isOvernight());
        QCOMPARE(R("22:00-02:00").toString(), QStringLiteral("22:00-02:00"));
        QCOMPARE(R("18:00-24:00"), (TimeRange { 1080, 1440 }));
        QCOMPARE(R("00:00-24:00").toString(), QStringLiteral("00:00-24:00"));
        for (const char *bad :
            { "09:00-09:00", "24:00-01:00", "9-17", "25:00-26:00", "09:60-10:00", "09:00", "" })
            QVERIFY2(!TimeRange::parse(QString::fromLatin1(bad)), bad);
    }
    void jsonErrorsNameTheField()
    {
        auto j = [](const char *text) { return QJsonDocument::fromJson(text).object(); };
        auto ok = WorkingHours::fromJson(
            j(R"({"mon":["09:00-12:00","13:00-17:30"],"sat":[]})"), QStringLiteral("wh"));
        QVERIFY(ok);
        QCOMPARE(ok->ranges(Qt::Monday).size(), 2);
        QVERIFY(ok->ranges(Qt::Tuesday).isEmpty());
        QVERIFY(!ok->isUnrestricted());
        QCOMPARE(WorkingHours::fromJson(ok->toJson(), QStringLiteral("wh"))->ranges(Qt::Monday),
            ok->ranges(Qt::Monday));
        auto bad = WorkingHours::fromJson(j(R"({"mon":["09:00-17:00"],"tue":["09:00-17:00", 5]})"),
            QStringLiteral("p[0].working_hours"));
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.startsWith(QStringLiteral("p[0].working_hours.tue[1]:")),
            qPrintable(bad.error().message));
        auto badDay
            = WorkingHours::fromJson(j(R"({"monday":["09:00-17:00"]})"), QStringLiteral("wh"));
        QVERIFY(badDay.error().message.startsWith(QStringLiteral("wh.monday:")));
        auto badRange
            = WorkingHours::fromJson(j(R"({"fri":["17:00-17:00"]})"), QStringLiteral("wh"));
        QVERIFY(badRange.error().message.startsWith(QStringLiteral("wh.fri[0]:")));
    }
    void unrestrictedAndNone()
    {
        const Interval w = span("2026-12-07T00:00:00Z", "2026-12-08T00:00:00Z");
        COMPARE_HOURS(WorkingHours().toUtc(Z("Europe/Berlin"), w), IntervalList { w });
        QVERIFY(WorkingHours::none().toUtc(Z("Europe/Berlin"), w).isEmpty());
    }
    void halfAndQuarterHourOffsets()
    {
        const Interval w = span("2026-12-07T00:00:00Z", "2026-12-08T00:00:00Z"); // Monday
        const WorkingHours h = WorkingHours::weekdays({ R("09:00-12:00"), R("13:00-17:30") });
        COMPARE_HOURS(h.toUtc(Z("Europe/Berlin"), w),
            (IntervalList { span("2026-12-07T08:00:00Z", "2026-12-07T11:00:00Z"),
                span("2026-12-07T12:00:00Z", "2026-12-07T16:30:00Z") }));
        COMPARE_HOURS(h.toUtc(Z("Asia/Kolkata"), w),
            (IntervalList { span("2026-12-07T03:30:00Z", "2026-12-07T06:30:00Z"),
                span("2026-12-07T07:30:00Z", "2026-12-07T12:00:00Z") }));
        COMPARE_HOURS(h.toUtc(Z("Asia/Kathmandu"), w),
            (IntervalList { span("2026-12-07T03:15:00Z", "2026-12-07T06:15:00Z"),
                span("2026-12-07T07:15:00Z", "2026-12-07T11:45:00Z") }));
    }
    void dateLineKiritimati()
    {
        // UTC+14: Monday 09:00-17:00 is Sunday 19:00Z to Monday 03:00Z; Saturday's hours don't
        // exist.
        const Interval w = span("2026-12-06T00:00:00Z", "2026-12-08T00:00:00Z");
        COMPARE_HOURS(
            WorkingHours::weekdays({ R("09:00-17:00") }).toUtc(Z("Pacific/Kiritimati"), w),
            (IntervalList { span("2026-12-06T19:00:00Z", "2026-12-07T03:00:00Z"),
                span("2026-12-07T19:00:00Z", "2026-12-08T00:00:00Z") }));
    }
    void dateLineApiaSkippedDay()
    {
        // Samoa skipped Friday 30 Dec 2011: Thursday at UTC-10, then Saturday at UTC+14.
        const Interval w = span("2011-12-29T00:00:00Z", "2012-01-01T00:00:00Z");
        COMPARE_HOURS(everyDay({ R("09:00-17:00") }).toUtc(Z("Pacific/Apia"), w),
            (IntervalList { span("2011-12-29T00:00:00Z", "2011-12-29T03:00:00Z"),
                span("2011-12-29T19:00:00Z", "2011-12-30T03:00:00Z"),
                span("2011-12-30T19:00:00Z", "2011-12-31T03:00:00Z"),
                span("2011-12-31T19:00:00Z", "2012-01-01T00:00:00Z") }));
        QVERIFY(oneDay(Qt::Friday, { R("00:00-24:00") }).toUtc(Z("Pacific/Apia"), w).isEmpty());
    }
    void newYorkDstWeek()
    {
        // Spring forward on Sunday 8 Mar 2026: Friday is EST (-5), Monday EDT (-4).
        const Interval w = span("2026-03-06T00:00:00Z", "2026-03-10T00:00:00Z");
        COMPARE_HOURS(WorkingHours::weekdays({ R("09:00-17:00") }).toUtc(Z("America/New_York"), w),
            (IntervalList { span("2026-03-06T14:00:00Z", "2026-03-06T22:00:00Z"),
                span("2026-03-09T13:00:00Z", "2026-03-09T21:00:00Z") }));
    }
    void gapBoundarySnapsToTransition()
    {
        // New York 8 Mar 2026: 02:00 EST (07:00Z) jumps to 03:00 EDT. "02:30-06:00" starts at the
        // transition; "01:00-02:30" ends there. (resolveLocalTime would shift 02:30 to 03:30.)
        const Interval w = span("2026-03-08T00:00:00Z", "2026-03-09T00:00:00Z");
        const QTimeZone ny = Z("America/New_York");
        COMPARE_HOURS(oneDay(Qt::Sunday, { R("02:30-06:00") }).toUtc(ny, w),
            IntervalList { span("2026-03-08T07:00:00Z", "2026-03-08T10:00:00Z") });
        COMPARE_HOURS(oneDay(Qt::Sunday, { R("01:00-02:30") }).toUtc(ny, w),
            IntervalList { span("2026-03-08T06:00:00Z", "2026-03-08T07:00:00Z") });
        QCOMPARE(resolveLocalTime(QDate(2026, 3, 8), QTime(2, 30), ny).resolved.toMSecsSinceEpoch(),
            utc("2026-03-08T07:30:00Z"));
        // A whole day on the short day is 23 hours.
        QCOMPARE(totalLength(
                     oneDay(Qt::Sunday, { R("00:00-24:00") })
                         .toUtc(ny, { utc("2026-03-07T00:00:00Z"), utc("2026-03-10T00:00:00Z") })),
            qint64(23) * 3600 * 1000);
    }
    void foldCountsTwice()
    {
        // Berlin 25 Oct 2026: 03:00 CEST (01:00Z) goes back to 02:00 CET. An overnight Saturday
        // range "22:00-04:00" is 7 real hours.
        const Interval w = span("2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z");
        COMPARE_HOURS(oneDay(Qt::Saturday, { R("22:00-04:00") }).toUtc(Z("Europe/Berlin"), w),
            IntervalList { span("2026-10-24T20:00:00Z", "2026-10-25T03:00:00Z") });
        // New York 1 Nov 2026, 02:00 EDT (06:00Z) goes back to 01:00 EST: "00:00-01:30" ends at the
        // first 01:30 and covers 01:00-01:30 again after the change.
        COMPARE_HOURS(oneDay(Qt::Sunday, { R("00:00-01:30") })
                          .toUtc(Z("America/New_York"),
                              { utc("2026-11-01T00:00:00Z"), utc("2026-11-02T00:00:00Z") }),
            (IntervalList { span("2026-11-01T04:00:00Z", "2026-11-01T05:30:00Z"),
                span("2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z") }));
    }
    void lordHoweHalfHourShifts()
    {
        const QTimeZone lh = Z("Australia/Lord_Howe");
        // Forward 4 Oct 2026 02:00 (+10:30) to 02:30 (+11), at 3 Oct 15:30Z.
        const Interval w = span("2026-10-03T00:00:00Z", "2026-10-05T00:00:00Z");
        COMPARE_HOURS(oneDay(Qt::Sunday, { R("01:00-04:00") }).toUtc(lh, w),
            IntervalList { span("2026-10-03T14:30:00Z", "2026-10-03T17:00:00Z") });
        COMPARE_HOURS(oneDay(Qt::Sunday, { R("02:15-05:00") }).toUtc(lh, w),
            IntervalList { span("2026-10-03T15:30:00Z", "2026-10-03T18:00:00Z") });
        // Back 5 Apr 2026 02:00 (+11) to 01:30 (+10:30), at 4 Apr 15:00Z.
        COMPARE_HOURS(oneDay(Qt::Sunday, { R("00:00-01:45") })
                          .toUtc(lh, { utc("2026-04-04T00:00:00Z"), utc("2026-04-06T00:00:00Z") }),
            (IntervalList { span("2026-04-04T13:00:00Z", "2026-04-04T14:45:00Z"),
                span("2026-04-04T15:00:00Z", "2026-04-04T15:15:00Z") }));
        // A normal Monday in summer (+11).
        COMPARE_HOURS(WorkingHours::weekdays({ R("09:00-17:00") })
                          .toUtc(lh, { utc("2026-12-06T12:00:00Z"), utc("2026-12-07T12:00:00Z") }),
            IntervalList { span("2026-12-06T22:00:00Z", "2026-12-07T06:00:00Z") });
    }
    void overnightRange()
    {
        // Friday "22:00-02:00" in Berlin (CET) runs into Saturday.
        const Interval w = span("2026-12-11T00:00:00Z", "2026-12-13T00:00:00Z");
        COMPARE_HOURS(oneDay(Qt::Friday, { R("22:00-02:00") }).toUtc(Z("Europe/Berlin"), w),
            IntervalList { span("2026-12-11T21:00:00Z", "2026-12-12T01:00:00Z") });
    }
    void agreesWithResolveLocalTimeOnOrdinaryDays()
    {
        // Away from clock changes a range is exactly [resolveLocalTime(start),
        // resolveLocalTime(end)).
        const WorkingHours h = everyDay({ R("09:00-17:45") });
        for (const char *zone :
            { "Europe/Berlin", "America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe",
                "Pacific/Apia", "Pacific/Kiritimati", "America/St_Johns" }) {
            const QTimeZone z = Z(zone);
            for (QDate d(2026, 1, 1); d < QDate(2027, 1, 1); d = d.addDays(1)) {
                const auto s = resolveLocalTime(d, QTime(9, 0), z);
                const auto e = resolveLocalTime(d, QTime(17, 45), z);
                if (s.kind != LocalTimeResolution::Kind::Normal
                    || e.kind != LocalTimeResolution::Kind::Normal)
                    continue;
                const Interval expected = Interval::fromDateTimes(s.resolved, e.resolved);
                const IntervalList got
                    = h.toUtc(z, { expected.start - 3600 * 1000, expected.end + 3600 * 1000 });
                QVERIFY2(got == IntervalList { expected },
                    qPrintable(QString::fromLatin1(zone) + QLatin1Char(' ')
                        + d.toString(Qt::ISODate) + QLatin1Char(' ') + show(got)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestWorkingHours)
#include "tst_workinghours.moc"
