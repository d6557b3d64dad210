// kairos-seed-demo: fills a profile with a realistic week of events (screenshots, manual tests).
// Usage: KAIROS_HOME=/tmp/x kairos-seed-demo [profile] [extra-load-events-this-week]
#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "model/zonedtime.h"
#include "store/database.h"

#include <QCoreApplication>
#include <QRandomGenerator>

using namespace kairos;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    Profile profile(args.value(1, Profile::defaultName()));
    if (!profile.ensureDirs())
        return 1;
    auto db = Database::open(profile.databasePath(), profile.backupDir(), QStringLiteral("seed"));
    if (!db)
        return 1;
    const QTimeZone zone = profile.timeZone();
    CalendarService cal(**db, zone);
    cal.ensureLocalCalendar(QStringLiteral("My calendar"));
    Calendar work;
    work.id = QStringLiteral("work");
    work.name = QStringLiteral("Work");
    work.color = QStringLiteral("#3b82f6");
    cal.saveCalendar(work);
    Calendar family;
    family.id = QStringLiteral("family");
    family.name = QStringLiteral("Family");
    family.color = QStringLiteral("#d97706");
    cal.saveCalendar(family);

    const QDate today = QDate::currentDate();
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    auto timed = [&](const QString &calId, const QString &title, QDate d, QTime s, int minutes,
                     const QString &where = {}, EventStatus st = EventStatus::Confirmed) {
        Event e;
        e.calendarId = calId;
        e.title = title;
        e.location = where;
        e.start = zonedDateTime(d, s, zone);
        e.end = e.start.addSecs(minutes * 60);
        e.status = st;
        cal.createEvent(e);
    };
    auto allDay = [&](const QString &calId, const QString &title, QDate d, int days) {
        Event e;
        e.calendarId = calId;
        e.title = title;
        e.allDay = true;
        e.startDate = d;
        e.endDate = d.addDays(days);
        cal.createEvent(e);
    };
    const QString w = QStringLiteral("work"), l = QStringLiteral("local"),
                  f = QStringLiteral("family");
    for (int i = 0; i < 5; ++i)
        timed(w, QStringLiteral("Standup"), monday.addDays(i), QTime(9, 0), 15);
    timed(
        w, QStringLiteral("Design review"), monday, QTime(10, 0), 90, QStringLiteral("Room Atlas"));
    timed(l, QStringLiteral("1:1 with Ana"), monday, QTime(10, 30), 45);
    timed(w, QStringLiteral("Customer call"), monday, QTime(11, 0), 60, QStringLiteral("Zoom"));
    timed(l, QStringLiteral("Lunch with Marta"), monday.addDays(1), QTime(13, 30), 75,
        QStringLiteral("La Tagliatella"), EventStatus::Tentative);
    timed(w, QStringLiteral("Sprint planning"), monday.addDays(2), QTime(10, 0), 120,
        QStringLiteral("Room Orion"));
    timed(f, QStringLiteral("Dentist"), monday.addDays(2), QTime(17, 30), 45,
        QStringLiteral("Calle Mayor 12"));
    timed(w, QStringLiteral("Release 1.2"), monday.addDays(3), QTime(15, 0), 60);
    timed(w, QStringLiteral("Retro"), monday.addDays(4), QTime(16, 0), 60);
    timed(f, QStringLiteral("Football"), monday.addDays(5), QTime(11, 0), 90,
        QStringLiteral("Parque Norte"));
    allDay(w, QStringLiteral("Team offsite"), monday.addDays(3), 2);
    allDay(f, QStringLiteral("Grandma's birthday"), monday.addDays(6), 1);
    for (int d = -10; d < 25; d += 3)
        timed(w, QStringLiteral("Planning"), today.addDays(d), QTime(14, 0), 60);
    for (int i = 0; i < 6; ++i)
        timed(l, QStringLiteral("Busy %1").arg(i), today.addDays(9), QTime(8 + i, 0), 50);

    const int load = args.value(2).toInt();
    QRandomGenerator rng(42);
    for (int i = 0; i < load; ++i) {
        const QDate d = monday.addDays(rng.bounded(7));
        timed(w, QStringLiteral("Load %1").arg(i), d,
            QTime(7 + rng.bounded(12), rng.bounded(4) * 15), 30 + rng.bounded(4) * 15);
    }
    return 0;
}
