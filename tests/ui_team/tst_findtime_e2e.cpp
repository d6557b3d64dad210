// Issue 6 end to end: three members in a room on a real RoomServer on 127.0.0.1 — Ana on the
// fake Google Calendar, Bo on the fake Microsoft Graph, Cy with only a local calendar. Ana finds
// a time for the three of them from everyone's availability, books it (the event is created on
// Google with invitations and a proposal goes to the room), Bo and Cy see the proposal card and
// add the meeting to their own calendars — once, even when they press the button twice.
#include "calendar/eventdialog.h"
#include "chat/chatpanel.h"
#include "room/embeddedroom.h"
#include "support/mockclock.h"
#include "syncfixture.h"
#include "team/bookingflow.h"
#include "team/findtimecontroller.h"
#include "team/findtimedialog.h"
#include "team/proposalcard.h"
#include "team/publisher.h"
#include "team/sharingsettings.h"
#include "team/teamavailability.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>

using namespace kairos;
using namespace kairos::room;
using namespace kairos::test;

namespace {

const QTimeZone kMadrid("Europe/Madrid");

scheduling::WorkingHours nineToFive()
{
    return scheduling::WorkingHours::weekdays({ scheduling::TimeRange { 9 * 60, 17 * 60 } });
}

//! One member's app: calendar (+ sync engine), room client, availability shared with the room
//! (publisher + the room's TeamAvailability), chat panel, proposal cards.
struct MemberApp {
    QString name;
    QString email;
    CalendarService *calendar = nullptr;
    SyncEngine *engine = nullptr;
    const Profile *profile = nullptr;
    std::unique_ptr<RoomClient> client;
    std::unique_ptr<team::SharingSettings> sharing;
    std::unique_ptr<team::TeamAvailability> team;
    std::unique_ptr<team::AvailabilityPublisher> publisher;
    std::unique_ptr<ChatPanel> panel;
    std::unique_ptr<ProposalActions> actions;
    QPointer<ProposalController> cards;

    void connect(EmbeddedRoom &room, ISecretStore *secrets)
    {
        RoomClient::Config c;
        c.url = room.join().webSocketUrl();
        c.room = room.join().room;
        c.invite = room.join().invite;
        c.name = name;
        c.secrets = secrets;
        c.backoffBaseMs = 20;
        c.random = []() { return 0.0; };
        client = std::make_unique<RoomClient>(c);
        profile->setTimeZoneOverride("Europe/Madrid");
        sharing = std::make_unique<team::SharingSettings>(*profile);
        sharing->setWorkingHours(nineToFive());
        sharing->setEmail(email);
        team = std::make_unique<team::TeamAvailability>();
        team->attach(client.get());
        team::AvailabilityPublisher::Config pc;
        pc.debounceMs = 0;
        publisher = std::make_unique<team::AvailabilityPublisher>(
            client.get(), QStringLiteral("room"), calendar, sharing.get(), team.get(), pc);
        panel = std::make_unique<ChatPanel>(client.get());
        panel->setDisplayZone(calendar->timeZone());
        actions = std::make_unique<ProposalActions>(*calendar);
        actions->setSyncEngine(engine);
        cards = new ProposalController(client.get(), panel.get(), actions.get(), panel.get());
        client->start();
    }
    //! Everyone in the room, as this member's app knows them.
    bool knowsEveryone(int count) const
    {
        const QList<team::MemberAvailability> all = team->members();
        int shared = 0;
        for (const team::MemberAvailability &m : all)
            shared += m.shared ? 1 : 0;
        return shared == count;
    }
};

bool idle(SyncEngine *e)
{
    return QTest::qWaitFor([e]() { return e->pendingWrites() == 0 && !e->isSyncing(); }, 20000);
}

} // namespace

class TstFindTimeEndToEnd : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void threeMembersFindBookAndAdd()
    {
        // Monday 7 December 2026, 08:00 in Madrid.
        MockClock clock(QDateTime(QDate(2026, 12, 7), QTime(8, 0), kMadrid));
        const QDate monday(2026, 12, 7);

        // Ana: Google. Busy Monday 09:00-12:00.
        SyncFixture ana(Provider::Google, QStringLiteral("ana"));
        ana.google.addCalendar(QStringLiteral("ana-primary"), QStringLiteral("Ana"));
        ana.google.putEvent(QStringLiteral("ana-primary"),
            gEvent(QStringLiteral("Dentist"), QDateTime(monday, QTime(9, 0), kMadrid), 180));
        QVERIFY(ana.sync());
        // Bo: Microsoft. Busy Monday 13:00-15:00 Madrid (12:00-14:00 UTC).
        SyncFixture bo(Provider::Microsoft, QStringLiteral("bo"));
        bo.graph.addCalendar(QStringLiteral("bo-cal"), QStringLiteral("Calendar"),
            QStringLiteral("#e3008c"), true, true);
        bo.graph.putEvent(QStringLiteral("bo-cal"),
            msEvent(QStringLiteral("Workshop"), QDateTime(monday, QTime(13, 0), kMadrid), 120));
        QVERIFY(bo.sync());
        // Cy: a local calendar only. Busy Monday 15:00-16:00.
        TempHome cyHome;
        Profile cyProfile(QStringLiteral("cy"));
        QVERIFY(cyProfile.ensureDirs());
        auto cyDb = Database::open(cyProfile.databasePath(), QString(), QStringLiteral("e2e-cy"));
        QVERIFY(cyDb);
        CalendarService cyCalendar(**cyDb, kMadrid);
        QVERIFY(cyCalendar.ensureLocalCalendar(QStringLiteral("My calendar")));
        Event lunch;
        lunch.calendarId = CalendarService::localCalendarId();
        lunch.title = QStringLiteral("Call");
        lunch.start = QDateTime(monday, QTime(15, 0), kMadrid);
        lunch.end = lunch.start.addSecs(3600);
        QVERIFY(cyCalendar.createEvent(lunch));

        // The room, on a real server on 127.0.0.1.
        TempHome roomHome;
        RoomServer::Options o;
        o.limits.sweepIntervalMs = 0;
        auto started = EmbeddedRoom::start(roomHome.path() + QStringLiteral("/room"),
            QStringLiteral("team"), QHostAddress(QHostAddress::LocalHost), 0, o);
        QVERIFY(started);
        std::unique_ptr<EmbeddedRoom> room = std::move(*started);
        MemorySecretStore secrets;
        MemberApp a { QStringLiteral("Ana"), QStringLiteral("me@example.com"), ana.service.get(),
            ana.engine.get(), &ana.profile };
        MemberApp b { QStringLiteral("Bo"), QStringLiteral("bo@example.org"), bo.service.get(),
            bo.engine.get(), &bo.profile };
        MemberApp c { QStringLiteral("Cy"), QStringLiteral("cy@example.org"), &cyCalendar, nullptr,
            &cyProfile };
        for (MemberApp *m : { &a, &b, &c })
            m->connect(*room, &secrets);
        for (MemberApp *m : { &a, &b, &c })
            QTRY_COMPARE(m->client->state(), RoomClient::State::Online);

        // Everyone publishes availability (busy times only) on joining; each app learns the
        // others' from the room.
        for (MemberApp *m : { &a, &b, &c })
            QTRY_VERIFY(m->knowsEveryone(3));
        QVERIFY(b.publisher->publishCount() >= 1);

        // Ana finds a time from what the room shared: 12:00-13:00 Madrid is the first hour all
        // three are free.
        const QList<FindTimeMember> members = FindTimeController::membersFrom(a.team->members());
        QCOMPARE(members.size(), 3);
        QVERIFY(members[0].self);
        QCOMPARE(members[0].name, QStringLiteral("Ana"));
        const auto member = [&members](const QString &name) {
            for (const FindTimeMember &m : members)
                if (m.name == name)
                    return m;
            return FindTimeMember {};
        };
        QCOMPARE(member(QStringLiteral("Bo")).participant.busy.size(), 1); // no title, just busy
        QCOMPARE(member(QStringLiteral("Bo")).participant.email, QStringLiteral("bo@example.org"));
        QCOMPARE(member(QStringLiteral("Cy")).participant.email, QStringLiteral("cy@example.org"));
        QVERIFY(member(QStringLiteral("Cy")).shared);
        FindTimeDialog dialog(members, kMadrid);
        dialog.setMeetingTitle(QStringLiteral("Planning"));
        dialog.setDurationMinutes(60);
        dialog.setWindow(FindTimeDialog::Window::ThisWeek);
        dialog.recompute();
        QVERIFY(!dialog.result().suggestions.isEmpty());
        const scheduling::Slot slot = dialog.result().suggestions.first();
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(slot.interval.start, kMadrid),
            QDateTime(monday, QTime(12, 0), kMadrid));
        QVERIFY(slot.reason.feasible);
        QCOMPARE(dialog.suggestionTexts().first(),
            QStringLiteral(
                "Mon 7 Dec 12:00–13:00 — everyone free, inside everyone's working hours"));

        // Book…: the event dialog opens prefilled on Ana's Google calendar, with invitations.
        BookingFlow flow(*ana.service);
        flow.setSyncEngine(ana.engine.get());
        flow.setRoom(a.client.get());
        QObject::connect(&dialog, &FindTimeDialog::bookRequested, &flow,
            [&flow](const BookingRequest &r) { flow.open(r, nullptr); });
        QSignalSpy booked(&flow, &BookingFlow::booked);
        dialog.findChild<QPushButton *>(QStringLiteral("bookButton"))->click();
        EventDialog *ed = flow.dialog();
        QVERIFY(ed);
        QCOMPARE(ed->objectName(), QStringLiteral("bookingDialog"));
        QCOMPARE(ed->findChild<QLineEdit *>(QStringLiteral("titleEdit"))->text(),
            QStringLiteral("Planning"));
        QCOMPARE(
            ed->findChild<QComboBox *>(QStringLiteral("calendarCombo"))->currentData().toString(),
            ana.calId(QStringLiteral("ana-primary")));
        QStringList invited = ed->findChild<QLineEdit *>(QStringLiteral("attendeesEdit"))
                                  ->text()
                                  .split(QStringLiteral(", "));
        invited.sort();
        QCOMPARE(invited,
            (QStringList { QStringLiteral("bo@example.org"), QStringLiteral("cy@example.org") }));
        QVERIFY(ed->findChild<QCheckBox *>(QStringLiteral("sendInvitationsCheck"))->isChecked());
        ed->findChild<QPushButton *>(QStringLiteral("saveButton"))->click();
        QCOMPARE(booked.size(), 1);
        const Event event = booked.first().first().value<Event>();
        QVERIFY(!booked.first().at(1).toString().isEmpty());

        // On Google: created once, with both attendees, invitations sent, our UID.
        QVERIFY(idle(ana.engine.get()));
        QJsonObject onGoogle;
        for (const QJsonObject &e : ana.google.events(QStringLiteral("ana-primary")))
            if (e.value(QLatin1String("summary")).toString() == QLatin1String("Planning"))
                onGoogle = e;
        QVERIFY(!onGoogle.isEmpty());
        QCOMPARE(onGoogle.value(QLatin1String("iCalUID")).toString(), event.iCalUid);
        QCOMPARE(onGoogle.value(QLatin1String("attendees")).toArray().size(), 2);
        QCOMPARE(ana.google.notificationsSent(), 1);

        // Everyone sees the proposal, the organiser included.
        for (MemberApp *m : { &a, &b, &c })
            QTRY_VERIFY(m->cards && m->cards->card(event.iCalUid));
        ProposalCard *cyCard = c.cards->card(event.iCalUid);
        QCOMPARE(cyCard->proposal().organizer, QStringLiteral("Ana"));
        QStringList attendees = cyCard->proposal().attendees;
        attendees.sort();
        QCOMPARE(attendees, (QStringList { QStringLiteral("Bo"), QStringLiteral("Cy") }));
        QCOMPARE(cyCard->proposal().start, QDateTime(monday, QTime(11, 0), Qt::UTC));

        // Cy adds it to the local calendar; twice is still once.
        auto *cyAdd = cyCard->findChild<QPushButton *>(QStringLiteral("addToCalendarButton"));
        cyAdd->click();
        QCOMPARE(cyCard->resultText(), QStringLiteral("Added to My calendar."));
        cyAdd->click();
        QCOMPARE(cyCard->resultText(), QStringLiteral("Already in your calendar (My calendar)."));
        auto cyCopies = cyCalendar.store().eventsByUid(event.iCalUid);
        QVERIFY(cyCopies);
        QCOMPARE(cyCopies->size(), 1);
        QCOMPARE(cyCopies->first().start.toUTC(), event.start.toUTC());

        // Bo adds it to his Outlook calendar (through the sync engine); twice is still once,
        // also after Graph has given the event its own UID.
        ProposalCard *boCard = b.cards->card(event.iCalUid);
        auto *boAdd = boCard->findChild<QPushButton *>(QStringLiteral("addToCalendarButton"));
        boAdd->click();
        QCOMPARE(boCard->resultText(), QStringLiteral("Added to Calendar."));
        QVERIFY(idle(bo.engine.get()));
        QVERIFY(bo.sync());
        boAdd->click();
        QCOMPARE(boCard->resultText(), QStringLiteral("Already in your calendar (Calendar)."));
        QVERIFY(idle(bo.engine.get()));
        int onGraph = 0;
        for (const QJsonObject &e : bo.graph.events(QStringLiteral("bo-cal")))
            onGraph += e.value(QLatin1String("subject")).toString() == QLatin1String("Planning");
        QCOMPARE(onGraph, 1);

        // Ana's own card: her booked event is already there.
        ProposalCard *anaCard = a.cards->card(event.iCalUid);
        anaCard->findChild<QPushButton *>(QStringLiteral("addToCalendarButton"))->click();
        QCOMPARE(anaCard->resultText(), QStringLiteral("Already in your calendar (Ana)."));
        QVERIFY(idle(ana.engine.get()));
        int onAnaGoogle = 0;
        for (const QJsonObject &e : ana.google.events(QStringLiteral("ana-primary")))
            onAnaGoogle
                += e.value(QLatin1String("summary")).toString() == QLatin1String("Planning");
        QCOMPARE(onAnaGoogle, 1);

        for (MemberApp *m : { &a, &b, &c }) {
            m->panel.reset();
            m->publisher.reset();
            m->team.reset();
            m->client.reset();
        }
    }
};

QTEST_MAIN(TstFindTimeEndToEnd)
#include "tst_findtime_e2e.moc"
