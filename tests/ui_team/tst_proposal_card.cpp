// The meeting proposal card: what it shows (viewer's zone, organiser's time), "Add to my
// calendar" once only (matched by UID), "Download .ics" (iTIP REQUEST), and the cards a room's
// members get when someone books through BookingFlow.
#include "calendar/calendarservice.h"
#include "calendar/viewhelpers.h"
#include "chat/chatpanel.h"
#include "core/profile.h"
#include "ics/dialoghooks.h"
#include "room/embeddedroom.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/mockclock.h"
#include "support/testenv.h"
#include "team/bookingflow.h"
#include "team/proposalcard.h"

#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

using namespace kairos;
using namespace kairos::room;
using namespace kairos::test;

class TstProposalCard : public QObject {
    Q_OBJECT

    const QTimeZone m_madrid { "Europe/Madrid" };
    const QTimeZone m_newYork { "America/New_York" };
    std::unique_ptr<TempHome> m_home;
    std::unique_ptr<MockClock> m_clock;
    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CalendarService> m_calendar;
    int m_run = 0;

    MeetingProposal proposal() const
    {
        MeetingProposal p;
        p.uid = QStringLiteral("3f1c-review@kairos");
        p.title = QStringLiteral("Design review");
        p.start = QDateTime(QDate(2026, 12, 8), QTime(15, 0), Qt::UTC);
        p.end = QDateTime(QDate(2026, 12, 8), QTime(16, 0), Qt::UTC);
        p.zone = m_newYork;
        p.organizer = QStringLiteral("Ana");
        p.organizerEmail = QStringLiteral("ana@example.org");
        p.attendees = { QStringLiteral("Bob"), QStringLiteral("Cy") };
        p.optional = { QStringLiteral("Dana") };
        p.sequence = 2;
        return p;
    }
    static QString label(QWidget *card, const QString &name)
    {
        auto *l = card->findChild<QLabel *>(name);
        return l && l->isVisibleTo(card) ? l->text() : QString();
    }
    static QPushButton *button(QWidget *card, const QString &name)
    {
        return card->findChild<QPushButton *>(name);
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void init()
    {
        m_home = std::make_unique<TempHome>();
        m_clock = std::make_unique<MockClock>(QDateTime(QDate(2026, 12, 7), QTime(8, 0), Qt::UTC));
        m_profile = std::make_unique<Profile>(QStringLiteral("card"));
        QVERIFY(m_profile->ensureDirs());
        auto db = Database::open(m_profile->databasePath(), m_profile->backupDir(),
            QStringLiteral("card%1").arg(++m_run));
        QVERIFY(db);
        m_db = std::move(db.value());
        m_calendar = std::make_unique<CalendarService>(*m_db, m_madrid);
        QVERIFY(m_calendar->ensureLocalCalendar(QStringLiteral("My calendar")));
    }
    void cleanup()
    {
        m_calendar.reset();
        m_db.reset();
        m_profile.reset();
        m_clock.reset();
        m_home.reset();
    }

    void showsTheMeetingInTheViewersZone()
    {
        ProposalActions actions(*m_calendar);
        ProposalCard card(proposal(), &actions, m_madrid);
        QCOMPARE(label(&card, QStringLiteral("proposalTitle")), QStringLiteral("Design review"));
        QCOMPARE(
            label(&card, QStringLiteral("proposalTime")), QStringLiteral("Tue 8 Dec, 16:00–17:00"));
        QCOMPARE(label(&card, QStringLiteral("proposalOrganizerTime")),
            QStringLiteral("Tue 8 Dec, 10:00–11:00 for Ana (New York)"));
        QCOMPARE(
            label(&card, QStringLiteral("proposalOrganizer")), QStringLiteral("Organiser: Ana"));
        QCOMPARE(label(&card, QStringLiteral("proposalAttendees")),
            QStringLiteral("Attendees: Bob, Cy and Dana (optional)"));
        // The same clock as the organiser: no second time.
        ProposalCard sameZone(proposal(), &actions, m_newYork);
        QCOMPARE(label(&sameZone, QStringLiteral("proposalOrganizerTime")), QString());
        QCOMPARE(label(&sameZone, QStringLiteral("proposalTime")),
            QStringLiteral("Tue 8 Dec, 10:00–11:00"));
    }

    void remoteTextIsPlainText()
    {
        // Everything on a card comes from another member: markup shows as typed.
        MeetingProposal p = proposal();
        p.title = QStringLiteral("<b>Pay</b> <img src=\"/etc/passwd\">");
        p.organizer = QStringLiteral("<i>The boss</i><br>Organiser: CEO");
        p.attendees = { QStringLiteral("<a href=\"x\">Bob</a>") };
        ProposalActions actions(*m_calendar);
        ProposalCard card(p, &actions, m_madrid);
        for (const QString &name :
            { QStringLiteral("proposalTitle"), QStringLiteral("proposalOrganizer"),
                QStringLiteral("proposalOrganizerTime"), QStringLiteral("proposalAttendees") }) {
            auto *l = card.findChild<QLabel *>(name);
            QVERIFY2(l, qPrintable(name));
            QCOMPARE(l->textFormat(), Qt::PlainText);
        }
        QCOMPARE(label(&card, QStringLiteral("proposalTitle")), p.title);
        QCOMPARE(label(&card, QStringLiteral("proposalOrganizer")),
            QStringLiteral("Organiser: <i>The boss</i><br>Organiser: CEO"));
        // Tool tips (member names, find-time attendees) are escaped into a paragraph.
        const QString tip = ui::plainToolTip(QStringLiteral("<b>Ana</b> <img src=x>"));
        QVERIFY2(tip.contains(QStringLiteral("&lt;b&gt;Ana&lt;/b&gt; &lt;img src=x&gt;")),
            qPrintable(tip));
        QVERIFY(!tip.contains(QStringLiteral("<b>")));
        QVERIFY(Qt::mightBeRichText(tip)); // so Qt renders the escapes, not "&lt;"
        QCOMPARE(ui::plainToolTip(QString()), QString());
    }

    void addToMyCalendarOnce()
    {
        ProposalActions actions(*m_calendar);
        QCOMPARE(actions.targetCalendarId(), CalendarService::localCalendarId());
        ProposalCard card(proposal(), &actions, m_madrid);
        button(&card, QStringLiteral("addToCalendarButton"))->click();
        QCOMPARE(card.resultText(), QStringLiteral("Added to My calendar."));
        auto stored = m_calendar->store().eventsByUid(proposal().uid);
        QVERIFY(stored);
        QCOMPARE(stored->size(), 1);
        const Event e = stored->first();
        QCOMPARE(e.title, QStringLiteral("Design review"));
        QCOMPARE(e.start.toUTC(), proposal().start);
        QCOMPARE(e.end.toUTC(), proposal().end);
        QCOMPARE(e.start.timeZone(), m_newYork); // the organiser's zone is kept
        QCOMPARE(e.sequence, 2);
        QCOMPARE(e.calendarId, CalendarService::localCalendarId());

        button(&card, QStringLiteral("addToCalendarButton"))->click();
        QCOMPARE(card.resultText(), QStringLiteral("Already in your calendar (My calendar)."));
        // A fresh card (another run of the app) finds it too.
        ProposalCard again(proposal(), &actions, m_madrid);
        button(&again, QStringLiteral("addToCalendarButton"))->click();
        QCOMPARE(again.resultText(), QStringLiteral("Already in your calendar (My calendar)."));
        QCOMPARE(m_calendar->store().eventsByUid(proposal().uid)->size(), 1);
        QCOMPARE(*m_calendar->eventCount(), 1);

        // Same title and time under another UID (a provider renamed it): still the same meeting.
        MeetingProposal renamed = proposal();
        renamed.uid = QStringLiteral("other@example.com");
        QVERIFY(actions.existing(renamed).has_value());
    }

    void downloadIcsWritesAnInvitation()
    {
        ProposalActions actions(*m_calendar);
        ProposalCard card(proposal(), &actions, m_madrid);
        const QString path = m_home->path() + QStringLiteral("/review.ics");
        FileDialog::setNextSaveFileName(path);
        button(&card, QStringLiteral("downloadIcsButton"))->click();
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray ics = f.readAll();
        QVERIFY(ics.contains("METHOD:REQUEST\r\n"));
        QVERIFY(ics.contains("UID:3f1c-review@kairos\r\n"));
        QVERIFY(ics.contains("SEQUENCE:2\r\n"));
        QVERIFY(ics.contains("SUMMARY:Design review\r\n"));
        QVERIFY(ics.contains("DTSTART;TZID=America/New_York:20261208T100000\r\n"));
        QVERIFY(ics.contains("mailto:ana@example.org"));
        QVERIFY(ics.contains("BEGIN:VTIMEZONE"));
        // Cancelled: nothing written, nothing said.
        FileDialog::setNextSaveFileName(QString());
        QVERIFY(!actions.downloadIcs(proposal(), nullptr));
        // Nothing was added to the calendar by downloading.
        QCOMPARE(*m_calendar->eventCount(), 0);
    }

    void cardsForUpcomingMeetingsOnly()
    {
        RoomClient::Config c;
        c.url = QUrl(QStringLiteral("ws://127.0.0.1:1/"));
        c.room = QStringLiteral("team");
        c.name = QStringLiteral("Bob");
        RoomClient client(c); // never started: messages are fed to its model directly
        ChatPanel panel(&client);
        panel.setDisplayZone(m_madrid);
        ProposalActions actions(*m_calendar);
        ProposalController cards(&client, &panel, &actions);
        qint64 seq = 0;
        auto post = [&](const QString &text) {
            RoomMessage m;
            m.seq = ++seq;
            m.id = QStringLiteral("m%1").arg(seq);
            m.from = QStringLiteral("Ana");
            m.kind = QStringLiteral("proposal");
            m.text = text;
            m.ts = Clock::nowUtc();
            QVERIFY(client.messages()->insertMessage(m));
        };
        auto json = [](const MeetingProposal &p) {
            return QString::fromUtf8(QJsonDocument(p.toJson()).toJson(QJsonDocument::Compact));
        };
        MeetingProposal over = proposal();
        over.uid = QStringLiteral("over");
        over.start = Clock::nowUtc().addSecs(-7200);
        over.end = Clock::nowUtc().addSecs(-3600);
        post(json(over));
        post(QStringLiteral("{\"uid\":\"x\",\"start\":\"yesterday\"}"));
        QCOMPARE(cards.cards().size(), 0);
        for (int i = 1; i <= 4; ++i) {
            MeetingProposal p = proposal();
            p.uid = QStringLiteral("u%1").arg(i);
            p.title = QStringLiteral("Meeting %1").arg(i);
            post(json(p));
        }
        QCOMPARE(cards.cards().size(), ProposalController::kMaxCards);
        QVERIFY(!cards.card(QStringLiteral("u1")));
        QVERIFY(cards.card(QStringLiteral("u4")));
        // A later version of a meeting (higher sequence) updates its card; an older one not.
        MeetingProposal moved = proposal();
        moved.uid = QStringLiteral("u4");
        moved.title = QStringLiteral("Meeting 4, moved");
        moved.sequence = 3;
        post(json(moved));
        moved.title = QStringLiteral("stale copy");
        moved.sequence = 1;
        post(json(moved));
        QCOMPARE(cards.cards().size(), ProposalController::kMaxCards);
        QCOMPARE(label(cards.card(QStringLiteral("u4")), QStringLiteral("proposalTitle")),
            QStringLiteral("Meeting 4, moved"));
        // The stream names every proposal, and says so when one cannot be read.
        QTRY_VERIFY(panel.findChild<QTextBrowser *>(QStringLiteral("messageView"))
                        ->toPlainText()
                        .contains(QStringLiteral("Ana sent a meeting proposal this version "
                                                 "cannot show.")));
        QVERIFY(panel.findChild<QTextBrowser *>(QStringLiteral("messageView"))
                    ->toPlainText()
                    .contains(QStringLiteral("Ana proposed a meeting: “Meeting 1”")));
    }

    void bookingPostsACardToEveryone()
    {
        RoomServer::Options o;
        o.limits.sweepIntervalMs = 0;
        auto r = EmbeddedRoom::start(m_profile->dataDir() + QStringLiteral("/room"),
            QStringLiteral("team"), QHostAddress(QHostAddress::LocalHost), 0, o);
        QVERIFY(r);
        std::unique_ptr<EmbeddedRoom> room = std::move(*r);
        MemorySecretStore secrets;
        auto make = [&](const QString &name) {
            RoomClient::Config c;
            c.url = room->join().webSocketUrl();
            c.room = room->join().room;
            c.invite = room->join().invite;
            c.name = name;
            c.secrets = &secrets;
            c.backoffBaseMs = 20;
            c.random = []() { return 0.0; };
            return std::make_unique<RoomClient>(c);
        };
        auto ana = make(QStringLiteral("Ana"));
        auto bob = make(QStringLiteral("Bob"));
        ana->start();
        bob->start();
        QTRY_COMPARE(ana->state(), RoomClient::State::Online);
        QTRY_COMPARE(bob->state(), RoomClient::State::Online);
        ChatPanel anaPanel(ana.get());
        ChatPanel bobPanel(bob.get());
        bobPanel.setDisplayZone(m_madrid);
        ProposalActions actions(*m_calendar);
        auto *anaCards = new ProposalController(ana.get(), &anaPanel, &actions, &anaPanel);
        auto *bobCards = new ProposalController(bob.get(), &bobPanel, &actions, &bobPanel);

        BookingFlow flow(*m_calendar);
        flow.setRoom(ana.get());
        BookingRequest request;
        request.title = QStringLiteral("Design review");
        request.start = QDateTime(QDate(2026, 12, 8), QTime(16, 0), m_madrid);
        request.end = request.start.addSecs(3600);
        request.participants
            = { { QStringLiteral("Bob"), QStringLiteral("bob@example.org"), true } };
        const Event draft = flow.draft(request);
        QCOMPARE(draft.calendarId, CalendarService::localCalendarId());
        QVERIFY(draft.iCalUid.endsWith(QLatin1String("@kairos")));
        QCOMPARE(draft.attendees.size(), 1);
        QCOMPARE(draft.attendees.first().email, QStringLiteral("bob@example.org"));
        auto booked = flow.book(draft, false, request);
        QVERIFY(booked);
        // The organiser sees the card at once; Bob when the room relays it.
        QCOMPARE(anaCards->cards().size(), 1);
        QTRY_COMPARE(bobCards->cards().size(), 1);
        ProposalCard *card = bobCards->card(draft.iCalUid);
        QVERIFY(card);
        QCOMPARE(card->proposal().organizer, QStringLiteral("Ana"));
        QCOMPARE(card->proposal().attendees, QStringList { QStringLiteral("Bob") });
        QCOMPARE(card->proposal().start, request.start.toUTC());
        QCOMPARE(card->proposal().zone, m_madrid);
        auto *view = bobPanel.findChild<QTextBrowser *>(QStringLiteral("messageView"));
        QTRY_VERIFY2(view->toPlainText().contains(QStringLiteral(
                         "Ana proposed a meeting: “Design review”, Tue 8 Dec, 16:00–17:00.")),
            qPrintable(view->toPlainText()));
        // Ana's own card finds her event: no second copy.
        button(anaCards->card(draft.iCalUid), QStringLiteral("addToCalendarButton"))->click();
        QVERIFY(anaCards->card(draft.iCalUid)->resultText().startsWith(QLatin1String("Already")));
        QCOMPARE(m_calendar->store().eventsByUid(draft.iCalUid)->size(), 1);

        const QString dir = qEnvironmentVariable("KAIROS_SCREENSHOT_DIR");
        if (!dir.isEmpty()) {
            bobPanel.resize(520, 640);
            bobPanel.show();
            QVERIFY(QTest::qWaitForWindowExposed(&bobPanel));
            QCoreApplication::processEvents();
            QVERIFY(bobPanel.grab().save(dir + QStringLiteral("/proposal-card.png")));
        }

        // Dismissed: gone, and a re-delivery (history after a reconnect) does not bring it back.
        button(card, QStringLiteral("dismissButton"))->click();
        QTRY_COMPARE(bobCards->cards().size(), 0);
        bob->stop();
        bob->start();
        // The welcome's messages are taken before the client reports Online.
        QTRY_COMPARE(bob->state(), RoomClient::State::Online);
        QCOMPARE(bobCards->cards().size(), 0);
        delete anaCards;
        delete bobCards;
    }
};

QTEST_MAIN(TstProposalCard)
#include "tst_proposal_card.moc"
