// kairos-shots: the screenshots in docs/screenshots/ of issue 16's features, taken from the real
// widgets over a seeded profile (not a test).
//   kairos-shots widgets OUTDIR   agenda, find, reminders window, tray menu (QWidget::grab)
//   kairos-shots notify [SECONDS] rings one reminder through org.freedesktop.Notifications on
//                                 the session bus and stays up SECONDS (scripts/screenshots.sh
//                                 runs it under Xvfb with dunst and captures the screen)
#include "calendar/calendarservice.h"
#include "calendar/reminderservice.h"
#include "calendar/searchdialog.h"
#include "core/profile.h"
#include "ics/recurrence.h"
#include "mainwindow.h"
#include "model/zonedtime.h"
#include "notify/notifier.h"
#include "reminders/reminderscontroller.h"
#include "reminders/reminderswindow.h"
#include "store/database.h"
#include "tray/traycontroller.h"

#include <QApplication>
#include <QDir>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>
#include <QTranslator>

using namespace kairos;

namespace {

void seed(CalendarService &cal)
{
    cal.ensureLocalCalendar(QStringLiteral("My calendar"));
    Calendar work;
    work.id = QStringLiteral("work");
    work.name = QStringLiteral("Work");
    work.color = QStringLiteral("#3b82f6");
    work.defaultReminders = { 10 };
    cal.saveCalendar(work);
    Calendar family;
    family.id = QStringLiteral("family");
    family.name = QStringLiteral("Family");
    family.color = QStringLiteral("#d97706");
    cal.saveCalendar(family);
    const QTimeZone zone = cal.timeZone();
    const QDateTime now = QDateTime::currentDateTime(zone);
    const QDate today = now.date();
    auto add = [&](const QString &calId, const QString &title, QDate d, QTime s, int minutes,
                   const QString &where = {}, const QString &notes = {}, QList<int> rem = {}) {
        Event e;
        e.calendarId = calId;
        e.title = title;
        e.location = where;
        e.description = notes;
        e.start = zonedDateTime(d, s, zone);
        e.end = e.start.addSecs(minutes * 60);
        e.reminders = rem;
        cal.createEvent(e);
    };
    const QString meet = QStringLiteral("Join: https://meet.google.com/kai-ros-demo");
    add(QStringLiteral("work"), QStringLiteral("Design review"), today, QTime(10, 0), 60,
        QStringLiteral("Sala 2"), meet, { 10 });
    add(QStringLiteral("work"), QStringLiteral("1:1 with Ana"), today, QTime(12, 30), 30);
    add(QStringLiteral("family"), QStringLiteral("Pick up Leo"), today, QTime(17, 0), 30,
        QStringLiteral("Colegio San José"));
    add(QStringLiteral("work"), QStringLiteral("Budget review Q1"), today.addDays(1), QTime(9, 30),
        60, QStringLiteral("Room 4"));
    add(QStringLiteral("work"), QStringLiteral("Customer call — Acme"), today.addDays(1),
        QTime(15, 0), 45, {}, QStringLiteral("https://acme.zoom.us/j/123"));
    add(QStringLiteral("family"), QStringLiteral("Dentist"), today.addDays(2), QTime(8, 30), 45,
        QStringLiteral("Clínica Dental Sol"));
    add(QStringLiteral("work"), QStringLiteral("Sprint planning"), today.addDays(3), QTime(10, 0),
        90);
    add(QStringLiteral("work"), QStringLiteral("Budget review Q2"), today.addDays(8), QTime(11, 0),
        60, QStringLiteral("Room 4"));
    add(QStringLiteral("work"), QStringLiteral("Team offsite"), today.addDays(12), QTime(9, 0), 480,
        QStringLiteral("Segovia"));
    add(QStringLiteral("work"), QStringLiteral("Budget review (last year)"), today.addDays(-200),
        QTime(11, 0), 60);
    // Rang while asleep (widgets mode looks back three hours).
    add(QStringLiteral("work"), QStringLiteral("Stand-up"), now.addSecs(-5400).date(),
        now.addSecs(-5400).time(), 15, QStringLiteral("Room 4"), {}, { 15 });
    add(QStringLiteral("family"), QStringLiteral("Call Grandma"), now.addSecs(900).date(),
        now.addSecs(900).time(), 30, {}, {}, { 30 });
    // The reminder that rings in notify mode: starts in ten minutes, reminds ten before.
    add(QStringLiteral("work"), QStringLiteral("Weekly sync"), now.addSecs(600).date(),
        now.addSecs(600).time(), 30, QStringLiteral("Room 4"), meet, { 10 });
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QTranslator english;
    if (english.load(QStringLiteral("kairos_en"), QStringLiteral(":/i18n")))
        app.installTranslator(&english);
    const QStringList args = app.arguments();
    const QString mode = args.value(1);
    QTemporaryDir home;
    qputenv("KAIROS_HOME", home.path().toUtf8());
    Profile profile(QStringLiteral("shots"));
    (void)profile.ensureDirs();
    auto db = Database::open(profile.databasePath(), {}, QStringLiteral("shots"));
    if (!db)
        return 1;
    CalendarService cal(**db, QTimeZone("Europe/Madrid"));
    ics::installRecurrenceExpander(cal);
    seed(cal);
    ReminderService reminders(cal);

    if (mode == QLatin1String("notify")) {
        auto notifier = Notifier::create(nullptr);
        RemindersController ui(reminders, cal, notifier.get(), nullptr);
        if (!notifier->isAvailable())
            qWarning("kairos-shots: no notification server on the session bus");
        if (!reminders.start())
            return 1;
        QTimer::singleShot(
            args.value(2, QStringLiteral("4")).toInt() * 1000, &app, &QCoreApplication::quit);
        return app.exec();
    }
    if (mode != QLatin1String("widgets") || args.size() < 3)
        return 2;
    const QDir out(args.at(2));
    MainWindow window(cal, profile);
    window.resize(1200, 760);
    window.show();
    window.setView(MainWindow::View::Agenda);
    app.processEvents();
    window.grab().save(out.filePath(QStringLiteral("agenda.png")));

    window.setView(MainWindow::View::Week);
    SearchDialog *search = window.showSearch();
    search->findChild<QLineEdit *>(QStringLiteral("searchEdit"))->setText(QStringLiteral("budget"));
    app.processEvents();
    search->grab().save(out.filePath(QStringLiteral("search.png")));
    search->close();

    // Reminders that came due while the laptop was asleep (the last check: three hours ago).
    {
        QSqlQuery q((*db)->db());
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO meta (key, value) VALUES "
                                 "('reminders_checked_ms', ?)"));
        q.addBindValue(QString::number(QDateTime::currentMSecsSinceEpoch() - 3 * 3600 * 1000));
        q.exec();
    }
    (void)reminders.start();
    RemindersController ui(reminders, cal, nullptr, &window);
    ui.window()->show();
    app.processEvents();
    ui.window()->grab().save(out.filePath(QStringLiteral("reminders-window.png")));

    const std::unique_ptr<QSettings> settings = profile.settings();
    TrayController tray(window, cal, *settings, false);
    tray.setUnreadCount(3);
    tray.menu()->popup(QPoint(100, 100));
    app.processEvents();
    tray.menu()->grab().save(out.filePath(QStringLiteral("tray-menu.png")));
    return 0;
}
