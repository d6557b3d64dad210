#include "support/mockclock.h"
#include "support/testenv.h"

#include "calendar/calendarservice.h"
#include "calendar/timegridview.h"
#include "chat/chatcontroller.h"
#include "chat/chatpanel.h"
#include "core/profile.h"
#include "mainwindow.h"
#include "settings/settingsdialog.h"
#include "store/database.h"
#include "team/availabilitypage.h"
#include "team/availabilitytext.h"
#include "team/groupoverlay.h"
#include "team/sharingbar.h"
#include "team/teamcontroller.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QVBoxLayout>

using namespace kairos;
using namespace kairos::team;
using scheduling::BusyStatus;

namespace {
const QTimeZone kBerlin("Europe/Berlin");
const QTimeZone kNewYork("America/New_York");

QDateTime berlin(int d, int h, int m = 0)
{
    return QDateTime(QDate(2026, 11, d), QTime(h, m), kBerlin);
}

QJsonObject frame(const QString &from, const AvailabilitySnapshot &s)
{
    return { { QStringLiteral("type"), QStringLiteral("freebusy") },
        { QStringLiteral("from"), from }, { QStringLiteral("snapshot"), toJson(s) } };
}

QString shotPath(const QString &name)
{
    const QString dir = qEnvironmentVariable("KAIROS_SCREENSHOT_DIR", QDir::tempPath());
    return dir + QLatin1Char('/') + name;
}
} // namespace

class TstTeamUi : public QObject {
    Q_OBJECT

    std::unique_ptr<test::TempHome> m_home;
    std::unique_ptr<test::MockClock> m_clock;
    std::unique_ptr<Profile> m_profile;

    //! Ana (self, Berlin), Bob (New York, 3 days old), Carol (no snapshot).
    void fill(TeamAvailability &team)
    {
        team.setSelfName(QStringLiteral("Ana"));
        AvailabilitySnapshot ana;
        ana.madeAt = m_clock->currentDateTimeUtc();
        ana.zone = kBerlin;
        ana.horizon = Interval::fromDateTimes(berlin(21, 0), berlin(21, 0).addDays(56));
        ana.workingHours = SharingSettings::defaultWorkingHours();
        ana.busy = { { Interval::fromDateTimes(berlin(23, 10), berlin(23, 12)), BusyStatus::Busy },
            { Interval::fromDateTimes(berlin(24, 14), berlin(24, 15)), BusyStatus::Tentative } };
        team.setOwnSnapshot(ana);
        AvailabilitySnapshot bob;
        bob.madeAt = m_clock->currentDateTimeUtc().addDays(-3);
        bob.zone = kNewYork;
        bob.horizon = ana.horizon;
        bob.workingHours = SharingSettings::defaultWorkingHours();
        bob.busy = { { Interval::fromDateTimes(berlin(23, 15), berlin(23, 17)), BusyStatus::Busy },
            { Interval::fromDateTimes(berlin(25, 0), berlin(26, 0)), BusyStatus::OutOfOffice } };
        QVERIFY(team.applyFrame(frame(QStringLiteral("Bob"), bob)));
        QVERIFY(
            team.applyFrame(QJsonObject { { QStringLiteral("type"), QStringLiteral("freebusy") },
                { QStringLiteral("from"), QStringLiteral("Carol") },
                { QStringLiteral("snapshot"), QJsonObject() } }));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        qRegisterMetaType<kairos::SettingsDialog *>();
    }
    void init()
    {
        m_home = std::make_unique<test::TempHome>();
        m_clock = std::make_unique<test::MockClock>(); // Sat 21 Nov 2026 12:00 UTC
        m_profile = std::make_unique<Profile>(QStringLiteral("ui"));
        QVERIFY(m_profile->ensureDirs());
        m_profile->setTimeZoneOverride("Europe/Berlin");
    }
    void cleanup()
    {
        m_profile.reset();
        m_clock.reset();
        m_home.reset();
    }

    void overlayPaintsLanes()
    {
        TeamAvailability team;
        fill(team);
        // Carol is a member who never shared: she shows through the member list in the app; here
        // the model knows only snapshot holders, so check her as a missing member directly.
        QCOMPARE(team.members().size(), 2);

        QWidget host;
        auto *layout = new QVBoxLayout(&host);
        TimeGridView view;
        view.setObjectName(QStringLiteral("timeGrid"));
        view.setTimeZone(kBerlin);
        view.setDays(QDate(2026, 11, 23), 7);
        GroupAvailabilityOverlay overlay(&team, &view);
        GroupLegend legend(&overlay);
        layout->addWidget(&legend);
        layout->addWidget(&view);
        host.resize(1100, 800);
        host.show();
        QVERIFY(QTest::qWaitForWindowExposed(&host));
        view.scrollToTime(QTime(8, 0));

        auto *toggle = legend.findChild<QCheckBox *>(QStringLiteral("groupViewToggle"));
        QVERIFY(toggle);
        QVERIFY(!overlay.isEnabled());
        QVERIFY(!view.underlay());
        toggle->click();
        QVERIFY(overlay.isEnabled());
        QCOMPARE(view.underlay(), &overlay);
        QVERIFY(legend.findChild<QRadioButton *>(QStringLiteral("groupModeLanes"))->isChecked());
        QCOMPARE(overlay.members().size(), 2);
        QCOMPARE(overlay.members().at(0).name, QStringLiteral("Ana"));

        const QImage img = view.viewport()->grab().toImage();
        QVERIFY(img.save(shotPath(QStringLiteral("team-lanes.png"))));
        auto colorAt = [&](int column, int member, QTime t) {
            const QRect lane = overlay.laneRect(column, member);
            const int y = view.pointForTime(QDate(2026, 11, 23).addDays(column), t).y();
            return img.pixelColor(lane.center().x(), y);
        };
        const QColor base = view.palette().color(QPalette::Base);
        // Ana busy Mon 10-12: her lane is her colour, Bob's lane is not busy then.
        const QColor anaBusy = colorAt(0, 0, QTime(11, 0));
        QVERIFY2(anaBusy.blue() > anaBusy.red() + 40, qPrintable(anaBusy.name()));
        const QColor bobFree = colorAt(0, 1, QTime(11, 0));
        QVERIFY2(qAbs(bobFree.lightness() - base.lightness()) < 40, qPrintable(bobFree.name()));
        // Bob busy Mon 15-17 Berlin, in his colour (orange).
        const QColor bobBusy = colorAt(0, 1, QTime(16, 0));
        QVERIFY2(bobBusy.red() > bobBusy.blue() + 40, qPrintable(bobBusy.name()));
        // Bob out of office all Wednesday: dark.
        QVERIFY(colorAt(2, 1, QTime(12, 0)).lightness() < bobBusy.lightness() - 30);

        // Hover: whose lane, their local time and status, and how old the snapshot is.
        const QPoint bobAt16(overlay.laneRect(0, 1).center().x(),
            view.pointForTime(QDate(2026, 11, 23), QTime(16, 0)).y() + 2);
        const QString tip = overlay.toolTipAt(bobAt16, view);
        QVERIFY2(tip.contains(QStringLiteral("Bob")) && tip.contains(QStringLiteral("Mon 10:0"))
                && tip.contains(QStringLiteral("New York")) && tip.contains(QStringLiteral("busy")),
            qPrintable(tip));
        QVERIFY2(
            tip.contains(QStringLiteral("Bob's availability is from 3 days ago")), qPrintable(tip));
        const QPoint anaAt8(overlay.laneRect(0, 0).center().x(),
            view.pointForTime(QDate(2026, 11, 23), QTime(8, 0)).y() + 2);
        QVERIFY2(overlay.toolTipAt(anaAt8, view).contains(QStringLiteral("outside working hours")),
            qPrintable(overlay.toolTipAt(anaAt8, view)));

        // Notes: stale snapshot called out.
        QVERIFY2(
            legend.notesText().contains(QStringLiteral("Bob's availability is from 3 days ago")),
            qPrintable(legend.notesText()));
        QVERIFY(legend.findChild<QLabel *>(QStringLiteral("groupNotes"))->isVisible());

        // Combined: the darkest where both are busy is not needed; one busy shades the column.
        legend.findChild<QRadioButton *>(QStringLiteral("groupModeCombined"))->click();
        QCOMPARE(overlay.mode(), GroupAvailabilityOverlay::Mode::Combined);
        const QImage comb = view.viewport()->grab().toImage();
        QVERIFY(comb.save(shotPath(QStringLiteral("team-combined.png"))));
        const QRect col = view.columnRect(0);
        const QColor oneBusy = comb.pixelColor(
            col.center().x(), view.pointForTime(QDate(2026, 11, 23), QTime(11, 0)).y());
        const QColor noneBusy = comb.pixelColor(
            col.center().x(), view.pointForTime(QDate(2026, 11, 23), QTime(13, 30)).y());
        QVERIFY2(oneBusy.lightness() < noneBusy.lightness() - 15,
            qPrintable(oneBusy.name() + QLatin1Char(' ') + noneBusy.name()));
        QCOMPARE(overlay.busyAt(berlin(23, 11).toMSecsSinceEpoch()),
            QStringList { QStringLiteral("Ana") });
        const QString ctip = overlay.toolTipAt(
            QPoint(col.center().x(), view.pointForTime(QDate(2026, 11, 23), QTime(11, 0)).y() + 2),
            view);
        QVERIFY2(ctip.startsWith(QStringLiteral("1 of 2 busy: Ana")), qPrintable(ctip));

        // Legend + view together, for looking at.
        legend.findChild<QRadioButton *>(QStringLiteral("groupModeLanes"))->click();
        QTRY_VERIFY(legend.findChild<QLabel *>(QStringLiteral("legendMember"))
            && legend.findChild<QLabel *>(QStringLiteral("legendMember"))->isVisible());
        QStringList names;
        for (QLabel *l : legend.findChildren<QLabel *>(QStringLiteral("legendMember")))
            names << l->text();
        QCOMPARE(names, (QStringList { QStringLiteral("Ana (you)"), QStringLiteral("Bob") }));
        QVERIFY(host.grab().save(shotPath(QStringLiteral("team-groupview.png"))));

        toggle->click();
        QVERIFY(!view.underlay());
    }

    void missingMemberNote()
    {
        MemberAvailability carol;
        carol.name = QStringLiteral("Carol");
        QCOMPARE(AvailabilityText::note(carol, staleness(carol, m_clock->currentDateTimeUtc())),
            QStringLiteral("Carol has not shared availability"));
        MemberAvailability bob;
        bob.name = QStringLiteral("Bob");
        bob.shared = true;
        bob.madeAt = m_clock->currentDateTimeUtc().addDays(-1);
        QCOMPARE(AvailabilityText::note(bob, staleness(bob, m_clock->currentDateTimeUtc())),
            QStringLiteral("Bob's availability is from 1 day ago"));
        bob.madeAt = m_clock->currentDateTimeUtc().addSecs(-3600);
        QVERIFY(
            AvailabilityText::note(bob, staleness(bob, m_clock->currentDateTimeUtc())).isEmpty());
    }

    void workingHoursPage()
    {
        SharingSettings settings(*m_profile);
        AvailabilityPage page(&settings);
        page.show();
        auto *mon = page.findChild<QLineEdit *>(QStringLiteral("hours_mon"));
        auto *sat = page.findChild<QLineEdit *>(QStringLiteral("hours_sat"));
        QVERIFY(mon && sat);
        QCOMPARE(mon->text(), QStringLiteral("09:00-17:00"));
        QVERIFY(sat->text().isEmpty());
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        QVERIFY(page.grab().save(shotPath(QStringLiteral("team-settings.png"))));

        mon->setText(QStringLiteral("08:00-12:00, 13:00-17:30"));
        sat->setText(QStringLiteral("10:00–14:00")); // an en dash is read too
        QVERIFY(page.apply());
        scheduling::WorkingHours want = SharingSettings::defaultWorkingHours();
        want.setRanges(Qt::Monday, { { 8 * 60, 12 * 60 }, { 13 * 60, 17 * 60 + 30 } });
        want.setRanges(Qt::Saturday, { { 10 * 60, 14 * 60 } });
        QCOMPARE(SharingSettings(*m_profile).workingHours(), want);

        // Bad input: a clear message naming the day, and nothing saved.
        mon->setText(QStringLiteral("9-5"));
        QVERIFY(!page.apply());
        QVERIFY2(page.errorText().contains(QStringLiteral("Monday"))
                && page.errorText().contains(QStringLiteral("9-5")),
            qPrintable(page.errorText()));
        QCOMPARE(SharingSettings(*m_profile).workingHours(), want);
    }

    void appPublishesAndShowsSharing()
    {
        // The desktop wiring: MainWindow + ChatController (embedded room) + TeamController.
        auto db = Database::open(
            m_profile->databasePath(), m_profile->backupDir(), QStringLiteral("teamui"));
        QVERIFY(db);
        CalendarService calendar(**db, kBerlin);
        QVERIFY(calendar.ensureLocalCalendar(QStringLiteral("Mine")));
        Event e;
        e.calendarId = CalendarService::localCalendarId();
        e.title = QStringLiteral("Dentist");
        e.start = berlin(23, 10);
        e.end = berlin(23, 11);
        QVERIFY(calendar.createEvent(e));
        MainWindow window(calendar, *m_profile);
        window.resize(1400, 900);
        ChatController chat(&window, *m_profile, nullptr);
        chat.setCalendar(&calendar);
        TeamController team(&window, &chat, &calendar, *m_profile);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        chat.start();
        QTRY_VERIFY(chat.client() && chat.client()->state() == room::RoomClient::State::Online);
        QTRY_COMPARE(team.publisher()->publishCount(), 1);
        QCOMPARE(team.publisher()->lastPublished()->busy.size(), 1);
        auto self = team.availability()->member(chat.client()->selfName());
        QVERIFY(self && self->self && self->shared);

        // The chat panel says it plainly, and turning it off withdraws.
        auto *bar = chat.panel()->findChild<SharingBar *>(QStringLiteral("availabilitySharingBar"));
        QVERIFY(bar);
        QCOMPARE(bar->text(), QStringLiteral("Sharing your availability (busy times only)"));
        auto *toggle = bar->findChild<QPushButton *>(QStringLiteral("sharingToggle"));
        QCOMPARE(toggle->text(), QStringLiteral("Turn off"));
        QVERIFY(window.grab().save(shotPath(QStringLiteral("team-chatbar.png"))));
        toggle->click();
        QCOMPARE(team.publisher()->withdrawCount(), 1);
        QCOMPARE(bar->text(), QStringLiteral("Not sharing your availability in this room"));
        QCOMPARE(toggle->text(), QStringLiteral("Turn on"));
        QVERIFY(!SharingSettings(*m_profile).isSharing(chat.roomKey()));
        toggle->click();
        QCOMPARE(team.publisher()->publishCount(), 2);

        // View → Team Availability turns the overlay on.
        QAction *action = window.findChild<QAction *>(QStringLiteral("groupViewAction"));
        QVERIFY(action);
        action->trigger();
        QVERIFY(team.overlay()->isEnabled());
        QCOMPARE(window.timeGrid()->underlay(), team.overlay());
        QVERIFY(team.legend()->isVisible());

        // Settings has the Availability page; OK saves it.
        QSignalSpy opening(&window, &MainWindow::settingsOpening);
        window.showSettings();
        QCOMPARE(opening.size(), 1);
        auto *dialog = opening.at(0).at(0).value<SettingsDialog *>();
        QVERIFY(dialog);
        auto *page = dialog->findChild<AvailabilityPage *>(QStringLiteral("availabilityPage"));
        QVERIFY(page);
        page->findChild<QLineEdit *>(QStringLiteral("hours_fri"))->setText(QStringLiteral("abc"));
        dialog->findChild<QPushButton *>(QStringLiteral("okButton"))->click();
        QVERIFY(dialog->isVisible()); // kept open: Friday cannot be read
        QCOMPARE(dialog->tabs()->currentWidget(), page);
        page->findChild<QLineEdit *>(QStringLiteral("hours_fri"))
            ->setText(QStringLiteral("09:00-13:00"));
        dialog->findChild<QPushButton *>(QStringLiteral("okButton"))->click();
        QTRY_VERIFY(!dialog->isVisible());
        QCOMPARE(SharingSettings(*m_profile).workingHours().ranges(Qt::Friday).size(), 1);
        QVERIFY(team.publisher()->isPending()); // republished after the debounce
    }
};

QTEST_MAIN(TstTeamUi)
#include "tst_team_ui.moc"
