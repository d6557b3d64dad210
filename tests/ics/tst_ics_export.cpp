// Export: RFC 5545 shape (CRLF, folding ≤ 75 octets without splitting UTF-8, PRODID, VERSION,
// DTSTAMP, UID, VTIMEZONE per TZID), interoperability with python3-icalendar, iTIP, VFREEBUSY.
#include "ics/icsexport.h"
#include "icsfixtures.h"
#include "testpaths.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>
#include <QTemporaryDir>
#include <QTest>

using namespace kairos;

namespace {

const QDateTime kStamp(QDate(2024, 5, 1), QTime(12, 0), QTimeZone::utc());

QByteArray exported()
{
    ics::ExportOptions o;
    o.stamp = kStamp;
    return ics::exportCalendar(test::sampleEvents(), o);
}

QList<QByteArray> physicalLines(const QByteArray &text)
{
    QList<QByteArray> lines = text.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

//! Unfolded content lines.
QList<QByteArray> contentLines(QByteArray text)
{
    text.replace("\r\n ", "");
    QList<QByteArray> out = text.split('\n');
    for (QByteArray &l : out)
        l = l.trimmed();
    out.removeAll(QByteArray());
    return out;
}

} // namespace

class TestIcsExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rfcLineShape();
    void requiredProperties();
    void vtimezoneForEveryTzid();
    void allDayAndRecurrence();
    void readByPythonIcalendar();
    void itipRequestAndCancel();
    void freeBusy();
};

void TestIcsExport::rfcLineShape()
{
    const QByteArray text = exported();
    QVERIFY(text.startsWith("BEGIN:VCALENDAR\r\n"));
    QVERIFY(text.endsWith("END:VCALENDAR\r\n"));
    int folded = 0;
    int multiByteFolds = 0;
    for (const QByteArray &l : physicalLines(text)) {
        QVERIFY2(l.endsWith('\r'), "every line ends in CRLF");
        const QByteArray body = l.left(l.size() - 1);
        QVERIFY2(body.size() <= 75, body.constData());
        QVERIFY(!body.contains('\r'));
        // Each physical line is valid UTF-8 on its own: no character was split by folding.
        QStringDecoder dec(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString s = dec(body);
        QVERIFY2(!dec.hasError(), body.constData());
        Q_UNUSED(s);
        if (body.startsWith(' ')) {
            ++folded;
            if (uchar(body.at(1)) >= 0x80)
                ++multiByteFolds;
        }
    }
    QVERIFY(folded > 3); // the long description and the VTIMEZONE lines were folded
    QVERIFY(text.contains("\\;") && text.contains("\\,") && text.contains("\\n"));
}

void TestIcsExport::requiredProperties()
{
    const QList<QByteArray> lines = contentLines(exported());
    QVERIFY(lines.contains("VERSION:2.0"));
    QVERIFY(std::any_of(lines.begin(), lines.end(),
        [](const QByteArray &l) { return l.startsWith("PRODID:-//Kairos//"); }));
    int events = 0;
    bool uid = false, stamp = false;
    for (const QByteArray &l : lines) {
        if (l == "BEGIN:VEVENT") {
            ++events;
            uid = stamp = false;
        } else if (l.startsWith("UID:")) {
            uid = true;
        } else if (l == "DTSTAMP:20240501T120000Z") {
            stamp = true;
        } else if (l == "END:VEVENT") {
            QVERIFY(uid && stamp);
        }
    }
    QCOMPARE(events, test::sampleEvents().size());
    QVERIFY(lines.contains("TRANSP:TRANSPARENT"));
    QVERIFY(lines.contains("STATUS:TENTATIVE"));
    QVERIFY(lines.contains("STATUS:CANCELLED"));
    QVERIFY(lines.contains("ORGANIZER;CN=Ana Pérez:mailto:ana@example.com"));
    QVERIFY(lines.contains("SEQUENCE:2"));
}

void TestIcsExport::vtimezoneForEveryTzid()
{
    const QList<QByteArray> lines = contentLines(exported());
    static const QRegularExpression re(QStringLiteral(";TZID=([^:;]+)"));
    QSet<QString> used, defined;
    for (const QByteArray &l : lines) {
        auto m = re.match(QString::fromUtf8(l));
        if (m.hasMatch())
            used.insert(m.captured(1));
        if (l.startsWith("TZID:"))
            defined.insert(QString::fromUtf8(l.mid(5)));
    }
    QCOMPARE(used,
        QSet<QString>({ QStringLiteral("Europe/Madrid"), QStringLiteral("America/New_York"),
            QStringLiteral("Australia/Lord_Howe") }));
    QCOMPARE(defined, used); // plain IANA names, one VTIMEZONE each, no libical prefix
    QVERIFY(lines.contains("DTSTART;TZID=Europe/Madrid:20240329T103000"));
    QVERIFY(lines.contains("DTSTART:20240601T020000Z"));
}

void TestIcsExport::allDayAndRecurrence()
{
    const QList<QByteArray> lines = contentLines(exported());
    QVERIFY(lines.contains("DTSTART;VALUE=DATE:20241012"));
    QVERIFY(lines.contains("DTEND;VALUE=DATE:20241013"));
    QVERIFY(lines.contains("RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=MO"));
    QVERIFY(lines.contains("EXDATE;TZID=America/New_York:20240318T090000"));
    QVERIFY(lines.contains("RECURRENCE-ID;TZID=America/New_York:20240311T090000"));
    QVERIFY(lines.contains("RRULE:FREQ=YEARLY"));
}

void TestIcsExport::readByPythonIcalendar()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("out.ics"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(exported());
    f.close();
    QProcess py;
    py.start(QStringLiteral("/usr/bin/python3"),
        { QStringLiteral(KAIROS_SOURCE_DIR "/tests/ics/check_with_python.py"), path });
    QVERIFY(py.waitForFinished(60000));
    QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
    const QJsonObject o = QJsonDocument::fromJson(py.readAllStandardOutput()).object();
    QCOMPARE(o.value(QStringLiteral("version")).toString(), QStringLiteral("2.0"));
    const QJsonArray evs = o.value(QStringLiteral("events")).toArray();
    const QList<Event> src = test::sampleEvents();
    QCOMPARE(evs.size(), src.size());
    for (int i = 0; i < src.size(); ++i) {
        const Event &e = src.at(i);
        const QJsonObject j = evs.at(i).toObject();
        QCOMPARE(j.value(QStringLiteral("summary")).toString(), e.title);
        QCOMPARE(j.value(QStringLiteral("description")).toString(), e.description);
        QVERIFY(j.value(QStringLiteral("dtstamp")).toBool());
        if (e.allDay) {
            QCOMPARE(j.value(QStringLiteral("start")).toString(),
                e.startDate.toString(QStringLiteral("yyyyMMdd")));
            QCOMPARE(j.value(QStringLiteral("end")).toString(),
                e.endDate.toString(QStringLiteral("yyyyMMdd")));
        } else {
            QCOMPARE(j.value(QStringLiteral("start")).toString(),
                e.start.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")));
            QCOMPARE(j.value(QStringLiteral("end")).toString(),
                e.end.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")));
        }
        if (e.isRecurring()) {
            const QString rrule = e.recurrence.first().mid(6);
            QCOMPARE(j.value(QStringLiteral("rrule")).toString().split(QLatin1Char(';')).size(),
                rrule.split(QLatin1Char(';')).size());
            for (const QString &part : rrule.split(QLatin1Char(';')))
                QVERIFY2(
                    j.value(QStringLiteral("rrule")).toString().contains(part), qPrintable(part));
        }
        // VALARMs as python3-icalendar reads them: display alarms, minutes before the start.
        QList<int> alarms;
        for (const auto &a : j.value(QStringLiteral("alarms")).toArray()) {
            QCOMPARE(
                a.toObject().value(QStringLiteral("action")).toString(), QStringLiteral("DISPLAY"));
            alarms << a.toObject().value(QStringLiteral("minutes_before")).toInt();
        }
        QCOMPARE(alarms, e.reminders);
        if (e.originalStart.isValid())
            QCOMPARE(j.value(QStringLiteral("recurrence_id")).toString(),
                e.originalStart.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")));
    }
    QSet<QString> defined;
    for (const auto &v : o.value(QStringLiteral("vtimezones")).toArray())
        defined.insert(v.toString());
    for (const auto &v : o.value(QStringLiteral("tzids_used")).toArray())
        QVERIFY2(defined.contains(v.toString()), qPrintable(v.toString()));
}

void TestIcsExport::itipRequestAndCancel()
{
    QList<Event> series = test::sampleEvents().mid(1, 2); // master + overridden instance
    const QList<QByteArray> req = contentLines(ics::itipRequest(series, kStamp));
    QVERIFY(req.contains("METHOD:REQUEST"));
    QVERIFY(req.contains("UID:series-ny@kairos.test"));
    QVERIFY(req.contains("SEQUENCE:0"));
    series[0].sequence = 3; // the calendar service raises it on every update
    series[1].sequence = 3;
    const QList<QByteArray> moved = contentLines(ics::itipRequest(series, kStamp));
    QVERIFY(moved.contains("SEQUENCE:3"));
    QVERIFY(moved.contains("UID:series-ny@kairos.test"));
    const QList<QByteArray> cancel = contentLines(ics::itipCancel(series, kStamp));
    QVERIFY(cancel.contains("METHOD:CANCEL"));
    QVERIFY(cancel.contains("STATUS:CANCELLED"));
    QVERIFY(cancel.contains("SEQUENCE:4"));
    QVERIFY(!cancel.contains("STATUS:CONFIRMED"));
}

void TestIcsExport::freeBusy()
{
    const QTimeZone madrid("Europe/Madrid");
    const qint64 from
        = QDateTime(QDate(2024, 3, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const qint64 to
        = QDateTime(QDate(2024, 12, 31), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    const QByteArray text = ics::exportFreeBusy(
        test::sampleEvents(), from, to, madrid, QStringLiteral("ana@example.com"), kStamp);
    const QList<QByteArray> lines = contentLines(text);
    QVERIFY(lines.contains("BEGIN:VFREEBUSY"));
    QVERIFY(std::any_of(
        lines.begin(), lines.end(), [](const QByteArray &l) { return l.startsWith("UID:"); }));
    QVERIFY(lines.contains("DTSTAMP:20240501T120000Z"));
    QVERIFY(!text.contains("SUMMARY") && !text.contains("Weekly") && !text.contains("TZID"));
    QList<QByteArray> busy, tentative;
    for (const QByteArray &l : lines) {
        if (l.startsWith("FREEBUSY;FBTYPE=BUSY:"))
            busy << l.mid(21);
        else if (l.startsWith("FREEBUSY;FBTYPE=BUSY-TENTATIVE:"))
            tentative << l.mid(31);
    }
    // Café (1) + weekly from 1 March: 7 - 1 EXDATE (the moved one at its new time) + overnight.
    // Holiday and birthday are transparent, the maintenance is cancelled.
    QCOMPARE(busy.size(), 1 + 6 + 1);
    QVERIFY(busy.contains("20240312T180000Z/20240312T190000Z")); // the moved instance, EDT
    QVERIFY(!busy.contains("20240311T130000Z/20240311T133000Z")); // its original slot
    QVERIFY(busy.contains("20240304T140000Z/20240304T143000Z")); // 09:00 EST
    QVERIFY(busy.contains("20240325T130000Z/20240325T133000Z")); // 09:00 EDT
    QCOMPARE(tentative.size(), 1); // the conference, days in Madrid
    QCOMPARE(tentative.first(), QByteArray("20241029T230000Z/20241101T230000Z"));
    for (const QByteArray &p : busy + tentative)
        QVERIFY(p.endsWith('Z') && p.contains("Z/"));
}

QTEST_GUILESS_MAIN(TestIcsExport)
#include "tst_ics_export.moc"
