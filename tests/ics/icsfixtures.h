#pragma once
// Shared events for the iCalendar tests: awkward text, zones with DST, recurrence with
// exceptions and an overridden instance, all-day and multi-day events.
#include "model/event.h"

#include <QTimeZone>

namespace kairos::test {

inline QList<Event> sampleEvents()
{
    const QTimeZone madrid("Europe/Madrid");
    const QTimeZone ny("America/New_York");
    const QTimeZone lordHowe("Australia/Lord_Howe");
    QList<Event> out;

    Event a;
    a.id = QStringLiteral("a");
    a.iCalUid = QStringLiteral("a-1@kairos.test");
    a.title = QStringLiteral("Café con Íñigo; budget, Q3 — 日本語 ✓");
    a.location = QStringLiteral("Sala 3, planta 2; Calle Mayor 1\nMadrid");
    a.description = QStringLiteral("Line one, with commas; and semicolons\nLine two \\ backslash\n")
        + QStringLiteral("Long: ") + QString(12, QChar(0x00F1))
        + QStringLiteral("€€€€€ 日本語のテキスト ") + QStringLiteral("0123456789").repeated(12);
    a.start = QDateTime(QDate(2024, 3, 29), QTime(10, 30), madrid);
    a.end = QDateTime(QDate(2024, 3, 29), QTime(11, 45), madrid);
    a.organizer = QStringLiteral("ana@example.com");
    a.attendees = { { QStringLiteral("ana@example.com"), QStringLiteral("Ana Pérez"),
                        Attendee::Response::Accepted, false, true, false },
        { QStringLiteral("bob@example.org"), QStringLiteral("Bob, Jr."),
            Attendee::Response::Tentative, true, false, false },
        { QStringLiteral("carla@example.net"), QString(), Attendee::Response::NeedsAction, false,
            false, false } };
    a.sequence = 2;
    a.created = QDateTime(QDate(2024, 3, 1), QTime(8, 0), QTimeZone::utc());
    a.updated = QDateTime(QDate(2024, 3, 2), QTime(9, 15, 30), QTimeZone::utc());
    a.reminders = { 10, 60 };
    out << a;

    // Weekly series in New York across the March DST change, one EXDATE, one moved instance.
    Event m;
    m.id = QStringLiteral("m");
    m.iCalUid = QStringLiteral("series-ny@kairos.test");
    m.title = QStringLiteral("Weekly sync");
    m.start = QDateTime(QDate(2024, 2, 26), QTime(9, 0), ny);
    m.end = QDateTime(QDate(2024, 2, 26), QTime(9, 30), ny);
    m.recurrence = { QStringLiteral("RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=MO"),
        QStringLiteral("EXDATE;TZID=America/New_York:20240318T090000") };
    m.reminders = { 0 };
    out << m;
    Event o = m;
    o.id = QStringLiteral("o");
    o.recurrence.clear();
    o.recurringEventId = m.id;
    o.originalStart = QDateTime(QDate(2024, 3, 11), QTime(9, 0), ny);
    o.start = QDateTime(QDate(2024, 3, 12), QTime(14, 0), ny);
    o.end = QDateTime(QDate(2024, 3, 12), QTime(15, 0), ny);
    o.title = QStringLiteral("Weekly sync (moved)");
    out << o;

    Event d;
    d.id = QStringLiteral("d");
    d.iCalUid = QStringLiteral("holiday@kairos.test");
    d.title = QStringLiteral("Día de la Hispanidad");
    d.allDay = true;
    d.startDate = QDate(2024, 10, 12);
    d.endDate = QDate(2024, 10, 13);
    d.transparency = Transparency::Transparent;
    out << d;

    Event trip;
    trip.id = QStringLiteral("t");
    trip.iCalUid = QStringLiteral("trip@kairos.test");
    trip.title = QStringLiteral("Conference (3 days)");
    trip.allDay = true;
    trip.startDate = QDate(2024, 10, 30);
    trip.endDate = QDate(2024, 11, 2);
    trip.status = EventStatus::Tentative;
    out << trip;

    Event night;
    night.id = QStringLiteral("n");
    night.iCalUid = QStringLiteral("night@kairos.test");
    night.title = QStringLiteral("Overnight release across the Lord Howe DST change");
    night.start = QDateTime(QDate(2024, 4, 6), QTime(22, 0), lordHowe);
    night.end = QDateTime(QDate(2024, 4, 8), QTime(6, 0), lordHowe);
    out << night;

    Event bday;
    bday.id = QStringLiteral("b");
    bday.iCalUid = QStringLiteral("bday@kairos.test");
    bday.title = QStringLiteral("Birthday");
    bday.allDay = true;
    bday.startDate = QDate(2020, 7, 14);
    bday.endDate = QDate(2020, 7, 15);
    bday.recurrence = { QStringLiteral("RRULE:FREQ=YEARLY") };
    bday.transparency = Transparency::Transparent;
    out << bday;

    Event utc;
    utc.id = QStringLiteral("u");
    utc.iCalUid = QStringLiteral("utc@kairos.test");
    utc.title = QStringLiteral("Server maintenance");
    utc.start = QDateTime(QDate(2024, 6, 1), QTime(2, 0), QTimeZone::utc());
    utc.end = QDateTime(QDate(2024, 6, 1), QTime(4, 0), QTimeZone::utc());
    utc.status = EventStatus::Cancelled;
    out << utc;
    return out;
}

} // namespace kairos::test
