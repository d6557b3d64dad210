// Calendar commands in the composer: cards for the sender only, Create, Dismiss, agenda.
#include "calendar/calendarservice.h"
#include "chat/chatpanel.h"
#include "chat/commandassistant.h"
#include "core/clock.h"
#include "core/profile.h"
#include "model/zonedtime.h"
#include "room/embeddedroom.h"
#include "room/messagelistmodel.h"
#include "scheduling/workinghours.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/mockclock.h"
#include "support/testenv.h"
#include "team/bookingflow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QFrame>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>

#include <optional>

static QStringList userTexts(kairos::room::RoomClient *c)
{
    QStringList texts;
    const auto *m = c->messages();
    for (int i = 0; i < m->rowCount(); ++i) {
        const QModelIndex index = m->index(i, 0);
        if (index.data(kairos::room::MessageListModel::KindRole).toString()
            == QLatin1String("user"))
            texts << index.data(kairos::room::MessageListModel::TextRole).toString();
    }
    return texts;
}

using namespace kairos;
using namespace kairos::room;
using namespace kairos::test;

class TstChatCommands : public QObject {
    Q_OBJECT

    const QTimeZone m_madrid { "Europe/Madrid" };
    std::unique_ptr<TempHome> m_home;
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CalendarService> m_calendar;
    std::unique_ptr<EmbeddedRoom> m_room;
    MemorySecretStore m_secrets;
    std::unique_ptr<RoomClient> m_ana;
    std::unique_ptr<RoomClient> m_bo;
    std::unique_ptr<ChatPanel> m_panel;
    std::unique_ptr<ChatPanel> m_boPanel;
    std::unique_ptr<CommandAssistant> m_assistant;
    std::unique_ptr<CommandAssistant> m_boAssistant;
    int m_run = 0;

    std::unique_ptr<RoomClient> makeClient(const QString &name)
    {
        RoomClient::Config c;
        c.url = m_room->join().webSocketUrl();
        c.room = m_room->join().room;
        c.invite = m_room->join().invite;
        c.name = name;
        c.secrets = &m_secrets;
        c.backoffBaseMs = 20;
        c.random = []() { return 0.0; };
        return std::make_unique<RoomClient>(c);
    }
    static bool online(RoomClient *c)
    {
        return QTest::qWaitFor([c]() { return c->state() == RoomClient::State::Online; }, 5000);
    }
    void type(const QString &text)
    {
        auto *composer = m_panel->findChild<QPlainTextEdit *>(QStringLiteral("composer"));
        QVERIFY(composer);
        composer->setFocus();
        composer->setPlainText(text);
        QTest::keyClick(composer, Qt::Key_Return);
    }
    QFrame *card(ChatPanel *panel, const QString &name)
    {
        const QList<QWidget *> cards = panel->cards();
        for (QWidget *w : cards) {
            if (w->objectName() == name)
                return qobject_cast<QFrame *>(w);
        }
        return nullptr;
    }
    //! Saves a picture of \a card under $KAIROS_SCREENSHOT_DIR (when set) for review.
    static bool grabCard(QWidget *card, const QString &name)
    {
        const QString dir = qEnvironmentVariable("KAIROS_SCREENSHOT_DIR");
        if (dir.isEmpty())
            return true;
        return card->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
    }
    static QString label(QWidget *card, const QString &name)
    {
        auto *l = card->findChild<QLabel *>(name);
        return l ? l->text() : QString();
    }

    static CommandAssistant::Member member(const QString &name, const QByteArray &zone,
        const QString &email = QString(), bool shared = true)
    {
        CommandAssistant::Member m;
        m.name = name;
        m.shared = shared;
        m.email = email;
        m.madeAt = Clock::nowUtc().addSecs(-600);
        m.participant.name = name;
        m.participant.zone = QTimeZone(zone);
        m.participant.email = email;
        m.participant.availabilityKnown = shared;
        return m;
    }

    //! The room as both clients see it: Ana and Bob shared (Bob in London, busy Wednesday
    //! 09:00-10:00 London and with a snapshot from 3 days ago), Carla has not shared.
    QList<CommandAssistant::Member> roomSnapshots() const
    {
        CommandAssistant::Member ana = member(QStringLiteral("Ana"), "Europe/Madrid");
        ana.participant.workingHours
            = scheduling::WorkingHours::weekdays({ scheduling::TimeRange { 9 * 60, 18 * 60 } });
        CommandAssistant::Member bob
            = member(QStringLiteral("Bob"), "Europe/London", QStringLiteral("bob@example.com"));
        bob.madeAt = Clock::nowUtc().addDays(-3);
        bob.participant.workingHours
            = scheduling::WorkingHours::weekdays({ scheduling::TimeRange { 9 * 60, 17 * 60 } });
        const QDate wed(2026, 11, 25);
        const QTimeZone london("Europe/London");
        bob.participant.busy.append(
            { Interval::fromDateTimes(zonedDateTime(wed, QTime(9, 0), london),
                  zonedDateTime(wed, QTime(10, 0), london)),
                scheduling::BusyStatus::Busy });
        CommandAssistant::Member carla = member(QStringLiteral("Carla"), "UTC", {}, false);
        return { ana, bob, carla };
    }
    void startBobAssistant()
    {
        m_boAssistant = std::make_unique<CommandAssistant>(m_boPanel.get(), *m_calendar);
        m_boAssistant->setMemberSource([this]() { return roomSnapshots(); });
        m_assistant->setMemberSource([this]() { return roomSnapshots(); });
        m_boPanel->resize(700, 700);
        m_boPanel->show();
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void init()
    {
        m_home = std::make_unique<TempHome>();
        // Saturday 21 Nov 2026, 13:00 in Madrid.
        m_clock
            = std::make_unique<MockClock>(QDateTime(QDate(2026, 11, 21), QTime(12, 0), Qt::UTC));
        m_profile = std::make_unique<Profile>(QStringLiteral("cmd"));
        QVERIFY(m_profile->ensureDirs());
        auto db = Database::open(m_profile->databasePath(), m_profile->backupDir(),
            QStringLiteral("chatcmd%1").arg(++m_run));
        QVERIFY(db);
        m_db = std::move(db.value());
        m_calendar = std::make_unique<CalendarService>(*m_db, m_madrid);
        QVERIFY(m_calendar->ensureLocalCalendar(QStringLiteral("My calendar")));

        RoomServer::Options o;
        o.limits.sweepIntervalMs = 0;
        auto r = EmbeddedRoom::start(m_profile->dataDir() + QStringLiteral("/room"),
            QStringLiteral("team"), QHostAddress(QHostAddress::LocalHost), 0, o);
        QVERIFY(r);
        m_room = std::move(*r);
        m_ana = makeClient(QStringLiteral("Ana"));
        m_bo = makeClient(QStringLiteral("Bob"));
        m_panel = std::make_unique<ChatPanel>(m_ana.get());
        m_boPanel = std::make_unique<ChatPanel>(m_bo.get());
        m_assistant = std::make_unique<CommandAssistant>(m_panel.get(), *m_calendar);
        m_panel->resize(700, 600);
        m_panel->show();
        m_ana->start();
        m_bo->start();
        QVERIFY(online(m_ana.get()));
        QVERIFY(online(m_bo.get()));
    }
    void cleanup()
    {
        m_assistant.reset();
        m_boAssistant.reset();
        m_panel.reset();
        m_boPanel.reset();
        m_ana.reset();
        m_bo.reset();
        m_room.reset();
        m_calendar.reset();
        m_db.reset();
        m_profile.reset();
        m_clock.reset();
        m_home.reset();
    }

    void scheduleCardForSenderOnly()
    {
        type(QStringLiteral("Schedule a meeting with Bob tomorrow at 3pm"));
        QFrame *c = card(m_panel.get(), QStringLiteral("scheduleCard"));
        QVERIFY(c);
        QCOMPARE(label(c, QStringLiteral("cardTitle")), QStringLiteral("Meeting with Bob"));
        QVERIFY2(label(c, QStringLiteral("cardWhen")).contains(QStringLiteral("22 November 2026")),
            qPrintable(label(c, QStringLiteral("cardWhen"))));
        QVERIFY(label(c, QStringLiteral("cardWhen")).contains(QStringLiteral("15:00")));
        QVERIFY(label(c, QStringLiteral("cardWhen")).contains(QStringLiteral("Europe/Madrid")));
        QCOMPARE(label(c, QStringLiteral("cardDuration")), QStringLiteral("Duration: 30 min"));
        QVERIFY(label(c, QStringLiteral("cardParticipants")).contains(QStringLiteral("Bob")));
        QVERIFY(c->findChild<QComboBox *>(QStringLiteral("calendarPicker"))
                    ->currentText()
                    .contains(QStringLiteral("My calendar")));

        // The message went to the room as typed; the other member sees only the message.
        QTRY_COMPARE(userTexts(m_bo.get()),
            QStringList { QStringLiteral("Schedule a meeting with Bob tomorrow at 3pm") });
        QVERIFY(m_boPanel->cards().isEmpty());
        QTRY_COMPARE(userTexts(m_ana.get()).size(), 1);
    }

    void createMakesTheEvent()
    {
        type(QStringLiteral("Schedule a meeting tomorrow at 3pm"));
        QFrame *c = card(m_panel.get(), QStringLiteral("scheduleCard"));
        QVERIFY(c);
        QCOMPARE(m_calendar->eventCount().value(), 0);
        QTest::mouseClick(
            c->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
        QCOMPARE(m_calendar->eventCount().value(), 1);
        auto occ = m_calendar->occurrences(QDate(2026, 11, 22), QDate(2026, 11, 22));
        QVERIFY(occ);
        QCOMPARE(occ->size(), 1);
        QCOMPARE(occ->first().title, QStringLiteral("Meeting"));
        QCOMPARE(occ->first().start, zonedDateTime(QDate(2026, 11, 22), QTime(15, 0), m_madrid));
        QCOMPARE(occ->first().end,
            zonedDateTime(QDate(2026, 11, 22), QTime(15, 30), m_madrid)); // default 30 min
        QVERIFY(label(c, QStringLiteral("cardResult")).contains(QStringLiteral("Meeting")));
    }

    void dismissLeavesNoTrace()
    {
        type(QStringLiteral("Book lunch with Bob on Friday at 1pm"));
        QPointer<QFrame> c = card(m_panel.get(), QStringLiteral("scheduleCard"));
        QVERIFY(c);
        QTest::mouseClick(
            c->findChild<QPushButton *>(QStringLiteral("dismissButton")), Qt::LeftButton);
        QTRY_VERIFY(c.isNull());
        QTRY_VERIFY(m_panel->cards().isEmpty());
        QTRY_VERIFY(!m_panel->findChild<QWidget *>(QStringLiteral("cardArea"))->isVisible());
        QCOMPARE(m_calendar->eventCount().value(), 0);
        auto *view = m_panel->findChild<QTextBrowser *>(QStringLiteral("messageView"));
        QTRY_COMPARE(userTexts(m_ana.get()).size(), 1); // the message itself, nothing else
        QVERIFY(!view->toPlainText().contains(QStringLiteral("Create")));
    }

    void ordinaryChatShowsNoCard()
    {
        type(QStringLiteral("the meeting was great"));
        QVERIFY(m_panel->cards().isEmpty());
        QTRY_COMPARE(userTexts(m_bo.get()).size(), 1);
    }

    void agendaRendersForSenderOnly()
    {
        Event e;
        e.calendarId = CalendarService::localCalendarId();
        e.title = QStringLiteral("Dentist");
        e.start = zonedDateTime(QDate(2026, 11, 22), QTime(10, 0), m_madrid);
        e.end = e.start.addSecs(3600);
        QVERIFY(m_calendar->createEvent(e));
        type(QStringLiteral("What do I have tomorrow?"));
        QFrame *c = card(m_panel.get(), QStringLiteral("agendaCard"));
        QVERIFY(c);
        QVERIFY(label(c, QStringLiteral("agendaHeading")).contains(QStringLiteral("22 November")));
        const QString list = label(c, QStringLiteral("agendaList"));
        QVERIFY2(list.contains(QStringLiteral("10:00")) && list.contains(QStringLiteral("Dentist")),
            qPrintable(list));
        QVERIFY(m_boPanel->cards().isEmpty());
        QTRY_COMPARE(userTexts(m_bo.get()).size(), 1);
    }

    // Participants are matched to room members; a member in another zone gets their own time.
    void cardShowsParticipantsLocalTimes()
    {
        m_assistant->setMemberSource([]() {
            return QList<CommandAssistant::Member> { member(QStringLiteral("Ana"), "Europe/Madrid"),
                member(
                    QStringLiteral("Bob"), "America/New_York", QStringLiteral("bob@example.com")) };
        });
        type(QStringLiteral("Set up a call with Bob tomorrow at 3pm"));
        QFrame *c = card(m_panel.get(), QStringLiteral("scheduleCard"));
        QVERIFY(c);
        const QString people = label(c, QStringLiteral("cardParticipants"));
        QVERIFY2(people.contains(QStringLiteral("Bob — 09:00–09:30 their time (New York)")),
            qPrintable(people));
        // Same offset: no local time repeated.
        m_assistant->setMemberSource([]() {
            return QList<CommandAssistant::Member> { member(
                QStringLiteral("Bob"), "Europe/Paris") };
        });
        type(QStringLiteral("Set up a call with Bob on Monday at 10am"));
        QFrame *second = nullptr;
        for (QWidget *w : m_panel->cards())
            second = w->objectName() == QLatin1String("scheduleCard") ? qobject_cast<QFrame *>(w)
                                                                      : second;
        QVERIFY(second && second != c);
        QCOMPARE(
            label(second, QStringLiteral("cardParticipants")), QStringLiteral("Participants: Bob"));
        QVERIFY(grabCard(c, QStringLiteral("schedule-card-local-times")));
    }

    // The calendar picker: a connected account's primary calendar first; Create writes there.
    // Invitations are offered (unticked) only for a provider calendar with attendees.
    void createIntoChosenCalendar()
    {
        Account account;
        account.id = QStringLiteral("acc-1");
        account.email = QStringLiteral("ana@example.com");
        account.connectedAt = Clock::nowUtc();
        QVERIFY(m_calendar->store().saveAccount(account));
        Calendar work;
        work.id = QStringLiteral("google-work");
        work.accountId = QStringLiteral("acc-1");
        work.providerId = QStringLiteral("ana@example.com");
        work.kind = CalendarKind::Google;
        work.name = QStringLiteral("ana@example.com");
        work.primary = true;
        QVERIFY(m_calendar->saveCalendar(work));
        m_assistant->setMemberSource([]() {
            return QList<CommandAssistant::Member> { member(
                QStringLiteral("Bob"), "Europe/London", QStringLiteral("bob@example.com")) };
        });
        type(QStringLiteral("Schedule a meeting with Bob tomorrow at 3pm"));
        QFrame *c = card(m_panel.get(), QStringLiteral("scheduleCard"));
        QVERIFY(c);
        QVERIFY(!c->findChild<QWidget *>(QStringLiteral("connectCalendar"))); // connected
        auto *picker = c->findChild<QComboBox *>(QStringLiteral("calendarPicker"));
        QVERIFY(picker);
        QCOMPARE(picker->count(), 2);
        QCOMPARE(picker->currentData().toString(), work.id);
        QCOMPARE(picker->currentText(), QStringLiteral("ana@example.com (Google)"));
        auto *invite = c->findChild<QCheckBox *>(QStringLiteral("sendInvitationsCheck"));
        QVERIFY(invite && invite->isVisible() && !invite->isChecked());
        QVERIFY(invite->text().contains(QStringLiteral("bob@example.com")));
        QVERIFY(label(c, QStringLiteral("cardParticipants")).contains(QStringLiteral("14:00")));
        QVERIFY(grabCard(c, QStringLiteral("schedule-card-calendar-picker")));
        picker->setCurrentIndex(picker->findData(CalendarService::localCalendarId()));
        QVERIFY(!invite->isVisible());
        QCOMPARE(picker->currentText(), QStringLiteral("My calendar (this computer)"));
        picker->setCurrentIndex(picker->findData(work.id));
        QTest::mouseClick(
            c->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
        auto occ = m_calendar->occurrences(QDate(2026, 11, 22), QDate(2026, 11, 22));
        QVERIFY(occ);
        QCOMPARE(occ->size(), 1);
        auto stored = m_calendar->event(occ->first().eventId);
        QVERIFY(stored);
        QCOMPARE(stored->calendarId, work.id);
        QCOMPARE(stored->attendees.size(), 1);
        QCOMPARE(stored->attendees.first().email, QStringLiteral("bob@example.com"));
    }

    // No account connected: the card says so and offers Settings → Accounts.
    void connectFirstNote()
    {
        QSignalSpy asked(m_assistant.get(), &CommandAssistant::accountSettingsRequested);
        type(QStringLiteral("What do I have today?"));
        QFrame *c = card(m_panel.get(), QStringLiteral("agendaCard"));
        QVERIFY(c);
        QVERIFY(label(c, QStringLiteral("connectCalendarText"))
                    .startsWith(QStringLiteral("Connect your calendar first")));
        QTest::mouseClick(
            c->findChild<QPushButton *>(QStringLiteral("connectCalendarButton")), Qt::LeftButton);
        QCOMPARE(asked.size(), 1);
        QVERIFY(grabCard(c, QStringLiteral("agenda-card-connect-first")));
    }

    // "When can we meet on Wednesday?" is a team question: the ranked answer is posted to the
    // room, every client shows it with Book buttons, and it says whose availability is stale
    // or missing.
    void availabilityAnswerInRoomForAll()
    {
        startBobAssistant();
        type(QStringLiteral("When can we meet on Wednesday?"));
        QFrame *mine = card(m_panel.get(), QStringLiteral("availabilityCard"));
        QVERIFY(mine);
        QTRY_VERIFY(card(m_boPanel.get(), QStringLiteral("availabilityCard")));
        QFrame *theirs = card(m_boPanel.get(), QStringLiteral("availabilityCard"));
        QCOMPARE(theirs->property("answerId"), mine->property("answerId"));
        QCOMPARE(label(mine, QStringLiteral("availabilityHeading")),
            QStringLiteral("You asked the room: “When can we meet on Wednesday?”"));
        QCOMPARE(label(theirs, QStringLiteral("availabilityHeading")),
            QStringLiteral("Ana asked the room: “When can we meet on Wednesday?”"));
        for (QFrame *c : { mine, theirs }) {
            const QList<QLabel *> slots
                = c->findChildren<QLabel *>(QStringLiteral("availabilitySlot"));
            QCOMPARE(slots.size(), 3);
            // Ana 09:00-18:00 Madrid and Bob 09:00-17:00 London, Bob busy until 10:00 London:
            // the first slot everyone is free in is 11:00 Madrid.
            QVERIFY2(slots.first()->text().startsWith(QStringLiteral("Wed 25 Nov 11:00–11:30")),
                qPrintable(slots.first()->text()));
            // Bob's own clock is given to the others, not to Bob.
            QVERIFY2(slots.first()->text().endsWith(c == mine
                             ? QStringLiteral(
                                 "everyone else free; unknown: Carla; 10:00 for Bob (London)")
                             : QStringLiteral("everyone else free; unknown: Carla")),
                qPrintable(slots.first()->text()));
            QCOMPARE(c->findChildren<QPushButton *>(QStringLiteral("bookButton")).size(), 3);
            const QString notes = label(c, QStringLiteral("availabilityNotes"));
            QVERIFY2(
                notes.contains(c == mine ? QStringLiteral("Bob's availability is from 3 days ago.")
                                         : QStringLiteral("Your availability is from 3 days ago."))
                    && notes.contains(QStringLiteral("Carla has not shared availability.")),
                qPrintable(notes));
        }
        QVERIFY(grabCard(theirs, QStringLiteral("availability-card-room")));
        QVERIFY(grabCard(m_boPanel.get(), QStringLiteral("chat-panel-availability-bob")));
        // The question itself went to the room as typed.
        QTRY_COMPARE(userTexts(m_bo.get()),
            QStringList { QStringLiteral("When can we meet on Wednesday?") });

        // Bob books the first slot: the event dialog opens prefilled; saving creates it.
        QTest::mouseClick(theirs->findChildren<QPushButton *>(QStringLiteral("bookButton")).first(),
            Qt::LeftButton);
        auto *dialog = m_boPanel->window()->findChild<QDialog *>(QStringLiteral("chatEventDialog"));
        QVERIFY(dialog);
        dialog->accept();
        QCOMPARE(m_calendar->eventCount().value(), 1);
        auto occ = m_calendar->occurrences(QDate(2026, 11, 25), QDate(2026, 11, 25));
        QVERIFY(occ && occ->size() == 1);
        // The answer is about the room: Ana asked, Carla is in it (availability unknown).
        QCOMPARE(occ->first().title, QStringLiteral("Meeting with Ana and Carla"));
        QCOMPARE(occ->first().start, zonedDateTime(QDate(2026, 11, 25), QTime(11, 0), m_madrid));
    }

    // With the team's booking flow, Book opens its prefilled dialog; saving creates the event
    // and posts a meeting proposal to the room.
    void bookThroughBookingFlowPostsProposal()
    {
        startBobAssistant();
        BookingFlow flow(*m_calendar);
        flow.setRoom(m_bo.get());
        m_boAssistant->setBookingFlow(&flow);
        type(QStringLiteral("When can we meet on Wednesday?"));
        QTRY_VERIFY(card(m_boPanel.get(), QStringLiteral("availabilityCard")));
        QFrame *theirs = card(m_boPanel.get(), QStringLiteral("availabilityCard"));
        QPushButton *book
            = theirs->findChildren<QPushButton *>(QStringLiteral("bookButton")).first();
        QTest::mouseClick(book, Qt::LeftButton);
        QVERIFY(flow.dialog());
        QCOMPARE(flow.dialog()->objectName(), QStringLiteral("bookingDialog"));
        QCOMPARE(flow.dialog()->event().title, QStringLiteral("Meeting with Ana and Carla"));
        QCOMPARE(flow.dialog()->event().start,
            zonedDateTime(QDate(2026, 11, 25), QTime(11, 0), m_madrid));
        flow.dialog()->accept();
        QCOMPARE(m_calendar->eventCount().value(), 1);
        QTRY_VERIFY(!book->isEnabled());
        QCOMPARE(book->text(), QStringLiteral("Booked"));
        // Ana's client receives the proposal as a room message.
        QTRY_VERIFY([this]() {
            const auto *m = m_ana->messages();
            for (int i = 0; i < m->rowCount(); ++i) {
                if (m->index(i, 0).data(MessageListModel::KindRole).toString()
                    == QLatin1String("proposal"))
                    return true;
            }
            return false;
        }());
    }

    // "Is Bob free at 10 on Wednesday?" answers yes / no with the reason, in the room.
    void isBobFreeAnswersYesNo()
    {
        startBobAssistant();
        type(QStringLiteral("Is Bob free at 10 on Wednesday?"));
        QFrame *mine = card(m_panel.get(), QStringLiteral("availabilityCard"));
        QVERIFY(mine);
        QCOMPARE(label(mine, QStringLiteral("availabilityCheck")),
            QStringLiteral("No — Bob is busy then.")); // 09:00-10:00 London
        QVERIFY(mine->findChildren<QPushButton *>(QStringLiteral("bookButton")).isEmpty());
        QTRY_VERIFY(card(m_boPanel.get(), QStringLiteral("availabilityCard")));
        QCOMPARE(label(card(m_boPanel.get(), QStringLiteral("availabilityCard")),
                     QStringLiteral("availabilityCheck")),
            QStringLiteral("No — you are busy then."));
        QVERIFY(grabCard(mine, QStringLiteral("availability-card-check")));

        type(QStringLiteral("¿Está Bob libre el miércoles a las 12?"));
        QTRY_COMPARE(m_panel->findChildren<QFrame *>(QStringLiteral("availabilityCard")).size(), 2);
        QFrame *second = m_panel->findChildren<QFrame *>(QStringLiteral("availabilityCard")).last();
        QCOMPARE(label(second, QStringLiteral("availabilityCheck")),
            QStringLiteral("Yes — Bob is free then."));
        QCOMPARE(second->findChildren<QPushButton *>(QStringLiteral("bookButton")).size(), 1);
    }

    // "Book lunch with Bob on Friday": the best lunch time for both, 12:00-14:30 in each one's
    // own zone. Ana (Madrid) is busy 12:00-12:30, Bob (London) 12:00-12:30 London time.
    void bookLunchPicksTheSlot()
    {
        const QDate friday(2026, 11, 27);
        Event busy;
        busy.calendarId = CalendarService::localCalendarId();
        busy.title = QStringLiteral("Dentist");
        busy.start = zonedDateTime(friday, QTime(12, 0), m_madrid);
        busy.end = zonedDateTime(friday, QTime(12, 30), m_madrid);
        QVERIFY(m_calendar->createEvent(busy));
        m_assistant->setMemberSource([friday]() {
            CommandAssistant::Member bob
                = member(QStringLiteral("Bob"), "Europe/London", QStringLiteral("bob@example.com"));
            const QTimeZone london("Europe/London");
            bob.participant.busy.append(
                { Interval::fromDateTimes(zonedDateTime(friday, QTime(12, 0), london),
                      zonedDateTime(friday, QTime(12, 30), london)),
                    scheduling::BusyStatus::Busy });
            return QList<CommandAssistant::Member> { bob }; // Ana's own: from her calendar
        });
        type(QStringLiteral("Book lunch with Bob on Friday"));
        QFrame *c = card(m_panel.get(), QStringLiteral("scheduleCard"));
        QVERIFY(c);
        const QString when = label(c, QStringLiteral("cardWhen"));
        QVERIFY2(when.contains(QStringLiteral("27 November 2026"))
                && when.contains(QStringLiteral("13:30–14:30")),
            qPrintable(when));
        QVERIFY(label(c, QStringLiteral("cardSuggestion"))
                    .startsWith(QStringLiteral("Picked the best time")));
        QVERIFY(label(c, QStringLiteral("cardParticipants"))
                    .contains(QStringLiteral("12:30–13:30 their time (London)")));
        QVERIFY(grabCard(c, QStringLiteral("schedule-card-book-lunch")));
        QTest::mouseClick(
            c->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
        auto occ = m_calendar->occurrences(friday, friday);
        QVERIFY(occ && occ->size() == 2);
        QCOMPARE(occ->last().title, QStringLiteral("Lunch with Bob"));
        QCOMPARE(occ->last().start, zonedDateTime(friday, QTime(13, 30), m_madrid));

        // Spanish, same rule; now Ana's 13:30 lunch leaves no common time: the card says so
        // and shows the window's start.
        type(QStringLiteral("Reserva una comida con Bob el viernes"));
        QTRY_COMPARE(m_panel->findChildren<QFrame *>(QStringLiteral("scheduleCard")).size(), 2);
        QFrame *es = m_panel->findChildren<QFrame *>(QStringLiteral("scheduleCard")).last();
        QVERIFY2(label(es, QStringLiteral("cardWhen")).contains(QStringLiteral("12:00–13:00")),
            qPrintable(label(es, QStringLiteral("cardWhen"))));
        QVERIFY2(label(es, QStringLiteral("cardSuggestion"))
                     .startsWith(QStringLiteral("No time between 12:00–14:30")),
            qPrintable(label(es, QStringLiteral("cardSuggestion"))));
    }

    // "/libre" and "¿Cuándo estamos todos libres…?": the answer reaches the room; the slash
    // command itself does not.
    void slashFreeAndSpanish()
    {
        startBobAssistant();
        type(QStringLiteral("/libre el miércoles"));
        QTRY_VERIFY(card(m_boPanel.get(), QStringLiteral("availabilityCard")));
        QVERIFY(userTexts(m_bo.get()).isEmpty());
        type(QStringLiteral("¿Cuándo estamos todos libres la semana que viene?"));
        QTRY_COMPARE(
            m_boPanel->findChildren<QFrame *>(QStringLiteral("availabilityCard")).size(), 2);
        QFrame *c = m_boPanel->findChildren<QFrame *>(QStringLiteral("availabilityCard")).last();
        QVERIFY(!c->findChildren<QPushButton *>(QStringLiteral("bookButton")).isEmpty());
        QTRY_COMPARE(userTexts(m_bo.get()),
            QStringList { QStringLiteral("¿Cuándo estamos todos libres la semana que viene?") });
    }

    void slashCommandIsNotSent()
    {
        type(QStringLiteral("/agenda today"));
        QVERIFY(card(m_panel.get(), QStringLiteral("agendaCard")));
        QVERIFY(
            label(card(m_panel.get(), QStringLiteral("agendaCard")), QStringLiteral("agendaList"))
                .contains(QStringLiteral("Nothing")));
        // A later ordinary message arrives first and alone: the slash command never left.
        type(QStringLiteral("hello"));
        QTRY_COMPARE(userTexts(m_bo.get()), QStringList { QStringLiteral("hello") });
    }

    //! Where the "Add to calendar?" chip (a kairos-chip: link) is drawn in the message view.
    static std::optional<QPoint> chipPoint(QTextBrowser *view)
    {
        QTextDocument *doc = view->document();
        for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                const QTextFragment f = it.fragment();
                if (f.charFormat().anchorHref().startsWith(QLatin1String("kairos-chip:"))) {
                    QTextCursor c(doc);
                    c.setPosition(f.position() + f.length() / 2);
                    return view->cursorRect(c).center();
                }
            }
        }
        return std::nullopt;
    }

    // Issue 22: a message that looks like an event gets a chip under the sender's own message,
    // not a card; the card opens from the chip. The room sees only the message.
    void suggestionChipOnOwnMessage()
    {
        type(QStringLiteral("Can we do the budget review tomorrow at 4pm?"));
        QVERIFY(m_panel->cards().isEmpty());
        QTRY_COMPARE(userTexts(m_bo.get()),
            QStringList { QStringLiteral("Can we do the budget review tomorrow at 4pm?") });
        QCOMPARE(m_panel->chips(), QStringList { QStringLiteral("Add to calendar?") });
        QVERIFY(m_boPanel->chips().isEmpty());
        auto *view = m_panel->findChild<QTextBrowser *>(QStringLiteral("messageView"));
        QVERIFY(view);
        QTRY_VERIFY(chipPoint(view).has_value());
        QVERIFY(view->toPlainText().contains(QStringLiteral("Add to calendar?")));
        auto *boView = m_boPanel->findChild<QTextBrowser *>(QStringLiteral("messageView"));
        QTRY_VERIFY(boView->toPlainText().contains(QStringLiteral("budget review")));
        QVERIFY(!boView->toPlainText().contains(QStringLiteral("Add to calendar?")));
        grabCard(m_panel.get(), QStringLiteral("chat-suggestion-chip"));

        const QPoint at = *chipPoint(view);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QFrame *c = card(m_panel.get(), QStringLiteral("scheduleCard"));
        QVERIFY(c);
        QCOMPARE(label(c, QStringLiteral("cardTitle")), QStringLiteral("Review"));
        QVERIFY2(label(c, QStringLiteral("cardWhen")).contains(QStringLiteral("22 November 2026")),
            qPrintable(label(c, QStringLiteral("cardWhen"))));
        QVERIFY(label(c, QStringLiteral("cardWhen")).contains(QStringLiteral("16:00")));
        QVERIFY(m_panel->chips().isEmpty()); // the chip goes once used
        QTRY_VERIFY(!chipPoint(view).has_value());
    }

    void ordinaryChatWithATimeHasNoChip()
    {
        type(QStringLiteral("The train leaves at 9 tomorrow"));
        QTRY_COMPARE(userTexts(m_bo.get()).size(), 1);
        QVERIFY(m_panel->cards().isEmpty());
        QVERIFY(m_panel->chips().isEmpty());
    }

    // A numeric date that reads two ways: the card uses the locale's order (en_GB: day
    // first) and offers the other reading in words, one click away.
    void ambiguousDateOffersTheOtherReading()
    {
        type(QStringLiteral("Schedule a meeting on 4/12 at 10"));
        QFrame *c = card(m_panel.get(), QStringLiteral("scheduleCard"));
        QVERIFY(c);
        QVERIFY2(label(c, QStringLiteral("cardWhen")).contains(QStringLiteral("4 December 2026")),
            qPrintable(label(c, QStringLiteral("cardWhen"))));
        QVERIFY(label(c, QStringLiteral("cardWarnings")).contains(QStringLiteral("two ways")));
        auto *other = c->findChild<QPushButton *>(QStringLiteral("cardAlternativeButton"));
        QVERIFY(other);
        QVERIFY2(
            other->text().contains(QStringLiteral("12 April 2027")), qPrintable(other->text()));
        grabCard(c, QStringLiteral("chat-ambiguous-date"));
        QTest::mouseClick(other, Qt::LeftButton);
        QTRY_COMPARE(m_panel->cards().size(), 1);
        QFrame *swapped = card(m_panel.get(), QStringLiteral("scheduleCard"));
        QVERIFY(swapped && swapped != c);
        QVERIFY2(
            label(swapped, QStringLiteral("cardWhen")).contains(QStringLiteral("12 April 2027")),
            qPrintable(label(swapped, QStringLiteral("cardWhen"))));
        auto *back = swapped->findChild<QPushButton *>(QStringLiteral("cardAlternativeButton"));
        QVERIFY(back && back->text().contains(QStringLiteral("4 December 2026")));
        QTest::mouseClick(
            swapped->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
        auto occ = m_calendar->occurrences(QDate(2027, 4, 12), QDate(2027, 4, 12));
        QVERIFY(occ);
        QCOMPARE(occ->size(), 1);
        QCOMPARE(occ->first().start, zonedDateTime(QDate(2027, 4, 12), QTime(10, 0), m_madrid));
    }
};

QTEST_MAIN(TstChatCommands)
#include "tst_chatcommands.moc"
