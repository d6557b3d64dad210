// Calendar commands in the composer: cards for the sender only, Create, Dismiss, agenda.
#include "calendar/calendarservice.h"
#include "chat/chatpanel.h"
#include "chat/commandassistant.h"
#include "core/profile.h"
#include "model/zonedtime.h"
#include "room/embeddedroom.h"
#include "room/messagelistmodel.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/mockclock.h"
#include "support/testenv.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>

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
};

QTEST_MAIN(TstChatCommands)
#include "tst_chatcommands.moc"
