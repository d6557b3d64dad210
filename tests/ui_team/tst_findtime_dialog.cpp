// Find a time: suggestions with reasons translated from the structures, notes for stale and
// missing availability, the explanation when nothing fits, and what "Book…" hands on.
#include "scheduling/reasontext.h"
#include "support/mockclock.h"
#include "team/findtimedialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTranslator>

using namespace kairos;
using namespace kairos::scheduling;

namespace {

//! Marks every FindTimeDialog string it translates: «text». Proves the UI goes through tr().
class MarkingTranslator final : public QTranslator {
public:
    QString translate(
        const char *context, const char *source, const char *disambiguation, int n) const override
    {
        Q_UNUSED(disambiguation)
        Q_UNUSED(n)
        if (QByteArray(context) != "kairos::FindTimeDialog")
            return {};
        const QString s = QString::fromUtf8(source);
        if (s == QLatin1String("%1 %2") || s == QLatin1String(", ")
            || s.startsWith(QLatin1Char('%')))
            return {};
        return QStringLiteral("«") + s + QStringLiteral("»");
    }
    bool isEmpty() const override { return false; }
};

WorkingHours hours(int fromH, int toH)
{
    return WorkingHours::weekdays({ TimeRange { fromH * 60, toH * 60 } });
}

BusyInterval busy(const QDateTime &s, int minutes)
{
    return BusyInterval { Interval::fromDateTimes(s, s.addSecs(minutes * 60)), BusyStatus::Busy };
}

} // namespace

class TstFindTimeDialog : public QObject {
    Q_OBJECT

    const QTimeZone m_berlin { "Europe/Berlin" };
    const QTimeZone m_newYork { "America/New_York" };
    // Monday 7 Dec 2026, 08:00 in Berlin.
    std::unique_ptr<test::MockClock> m_clock;

    QList<FindTimeMember> team() const
    {
        const QDateTime now = Clock::nowUtc();
        FindTimeMember alice;
        alice.name = QStringLiteral("Alice");
        alice.self = true;
        alice.shared = true;
        alice.madeAt = now;
        alice.participant.zone = m_berlin;
        alice.participant.workingHours = hours(9, 18);
        alice.participant.email = QStringLiteral("alice@example.org");
        // Alice is busy Monday 09:00-15:00 Berlin.
        alice.participant.busy << busy(QDateTime(QDate(2026, 12, 7), QTime(9, 0), m_berlin), 360);
        FindTimeMember bob;
        bob.name = QStringLiteral("Bob");
        bob.shared = true;
        bob.madeAt = now.addDays(-3);
        bob.participant.zone = m_newYork;
        bob.participant.workingHours = hours(9, 18);
        bob.participant.email = QStringLiteral("bob@example.org");
        FindTimeMember dana;
        dana.name = QStringLiteral("Dana");
        dana.shared = true;
        dana.madeAt = now.addSecs(-600);
        dana.participant.zone = m_berlin;
        dana.participant.workingHours = hours(8, 20);
        // Dana (optional) is busy Monday 15:00-17:00 Berlin.
        dana.participant.busy << busy(QDateTime(QDate(2026, 12, 7), QTime(15, 0), m_berlin), 120);
        FindTimeMember carol;
        carol.name = QStringLiteral("Carol");
        carol.shared = false;
        carol.participant.availabilityKnown = false;
        return { alice, bob, dana, carol };
    }

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void init()
    {
        m_clock = std::make_unique<test::MockClock>(
            QDateTime(QDate(2026, 12, 7), QTime(8, 0), m_berlin));
    }
    void cleanup() { m_clock.reset(); }

    void suggestionsWithReasonsFromTheStructures()
    {
        FindTimeDialog dialog(team(), m_berlin);
        dialog.setRole(QStringLiteral("Dana"), FindTimeDialog::Role::Optional);
        dialog.setDurationMinutes(60);
        dialog.setGranularityMinutes(30);
        dialog.setWindow(FindTimeDialog::Window::ThisWeek);
        dialog.recompute();
        const SlotResult &r = dialog.result();
        QVERIFY(!r.suggestions.isEmpty());
        auto *list = dialog.findChild<QListWidget *>(QStringLiteral("suggestionList"));
        QVERIFY(list);
        QCOMPARE(list->count(), r.suggestions.size());
        // Without a translation the words equal the English rendering of the same structure.
        for (int i = 0; i < r.suggestions.size(); ++i) {
            const QString reason = FindTimeDialog::reasonText(r.suggestions[i].reason);
            QCOMPARE(reason, englishReason(r.suggestions[i].reason));
            QVERIFY2(list->item(i)->text().endsWith(reason), qPrintable(list->item(i)->text()));
        }
        // Bob in New York: 09:00-18:00 there is 15:00-24:00 in Berlin; Alice is busy until 15:00
        // on Monday and Dana (optional) then: the best Monday slot is 17:00 Berlin.
        const Slot &first = r.suggestions.first();
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(first.interval.start, m_berlin),
            QDateTime(QDate(2026, 12, 7), QTime(17, 0), m_berlin));
        QVERIFY2(list->item(0)->text().startsWith(
                     FindTimeDialog::shortDateTime(first.interval.start, m_berlin)),
            qPrintable(list->item(0)->text()));
        QVERIFY2(list->item(0)->text().contains(QLatin1String("Carol's availability unknown")),
            qPrintable(list->item(0)->text()));
        QVERIFY(dialog.explanationText().isEmpty());
        auto *book = dialog.findChild<QPushButton *>(QStringLiteral("bookButton"));
        QVERIFY(book && book->isEnabled());

        // A slot that is late for Bob names his local time.
        SlotReason late = SlotFinder::describe(dialog.request(),
            QDateTime(QDate(2026, 12, 7), QTime(23, 0), m_berlin).toMSecsSinceEpoch());
        QVERIFY2(
            FindTimeDialog::reasonText(late).contains(QLatin1String("17:00 for Bob in New York")),
            qPrintable(FindTimeDialog::reasonText(late)));
        // Monday 15:30: Dana (optional) is busy.
        SlotReason danaBusy = SlotFinder::describe(dialog.request(),
            QDateTime(QDate(2026, 12, 7), QTime(15, 30), m_berlin).toMSecsSinceEpoch());
        QVERIFY2(
            FindTimeDialog::reasonText(danaBusy).startsWith(QLatin1String("Dana (optional) busy")),
            qPrintable(FindTimeDialog::reasonText(danaBusy)));
    }

    void reasonsGoThroughTheTranslator()
    {
        MarkingTranslator marking;
        QVERIFY(QCoreApplication::installTranslator(&marking));
        FindTimeDialog dialog(team(), m_berlin);
        dialog.setRole(QStringLiteral("Carol"), FindTimeDialog::Role::NotInvited);
        dialog.setRole(QStringLiteral("Dana"), FindTimeDialog::Role::NotInvited);
        dialog.setDurationMinutes(60);
        dialog.recompute();
        const QStringList texts = dialog.suggestionTexts();
        QCoreApplication::removeTranslator(&marking);
        QVERIFY(!texts.isEmpty());
        QVERIFY2(texts.first().contains(QStringLiteral("«everyone free»"))
                && texts.first().contains(QStringLiteral("«inside everyone's working hours»")),
            qPrintable(texts.first()));
    }

    void notesForStaleAndMissingAvailability()
    {
        FindTimeDialog dialog(team(), m_berlin);
        auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("memberTable"));
        QVERIFY(table);
        QCOMPARE(table->rowCount(), 4);
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Alice (you)"));
        QVERIFY2(table->item(1, 2)->text().contains(QLatin1String("3 day")),
            qPrintable(table->item(1, 2)->text()));
        QVERIFY(table->item(2, 2)->text().contains(QLatin1String("Berlin")));
        QCOMPARE(table->item(3, 2)->text(), QStringLiteral("Carol has not shared availability"));
        auto *role = dialog.findChild<QComboBox *>(QStringLiteral("role:Carol"));
        QVERIFY(role);
        // Carol is no constraint but named as unknown; not inviting her removes the mention.
        role->setCurrentIndex(role->findData(int(FindTimeDialog::Role::NotInvited)));
        dialog.recompute();
        QVERIFY(!dialog.suggestionTexts().isEmpty());
        QVERIFY(!dialog.suggestionTexts().first().contains(QLatin1String("Carol")));
    }

    void explanationWhenNothingFits()
    {
        QList<FindTimeMember> members = team();
        members[0].participant.workingHours = hours(9, 12); // Alice: mornings in Berlin
        members[1].participant.workingHours = hours(9, 12); // Bob: mornings in New York
        FindTimeDialog dialog(members, m_berlin);
        dialog.setRole(QStringLiteral("Dana"), FindTimeDialog::Role::NotInvited);
        dialog.setRole(QStringLiteral("Carol"), FindTimeDialog::Role::NotInvited);
        dialog.setWindow(FindTimeDialog::Window::NextWeek);
        dialog.recompute();
        QVERIFY(dialog.result().suggestions.isEmpty());
        QCOMPARE(dialog.findChild<QListWidget *>(QStringLiteral("suggestionList"))->count(), 0);
        const QString text = dialog.explanationText();
        QVERIFY2(text.startsWith(QLatin1String(
                     "No hour next week when Alice and Bob are both inside working hours; "
                     "nearest: Mon 14 Dec ")),
            qPrintable(text));
        QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("bookButton"))->isEnabled());
        // The same structure in English from the core, apart from the window's wording.
        QVERIFY(englishExplanation(dialog.result().explanation, m_berlin)
                    .startsWith(QLatin1String("no time in this window when Alice and Bob")));

        // Nobody invited: say what to do.
        dialog.setRole(QStringLiteral("Alice"), FindTimeDialog::Role::NotInvited);
        dialog.setRole(QStringLiteral("Bob"), FindTimeDialog::Role::NotInvited);
        dialog.recompute();
        QCOMPARE(dialog.explanationText(), QStringLiteral("Choose who the meeting is for."));
    }

    void windowNeverStartsInThePast()
    {
        m_clock->set(QDateTime(QDate(2026, 12, 9), QTime(10, 10), m_berlin)); // Wednesday
        FindTimeDialog dialog(team(), m_berlin);
        dialog.setGranularityMinutes(30);
        dialog.setWindow(FindTimeDialog::Window::ThisWeek);
        const auto r = dialog.request();
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(r.window.start, m_berlin),
            QDateTime(QDate(2026, 12, 9), QTime(10, 30), m_berlin));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(r.window.end, m_berlin),
            QDateTime(QDate(2026, 12, 14), QTime(0, 0), m_berlin));
        dialog.setCustomRange(QDate(2026, 12, 21), QDate(2026, 12, 22));
        QCOMPARE(QDateTime::fromMSecsSinceEpoch(dialog.request().window.end, m_berlin),
            QDateTime(QDate(2026, 12, 23), QTime(0, 0), m_berlin));
    }

    void bookHandsOnTheSlotAndTheOthers()
    {
        FindTimeDialog dialog(team(), m_berlin);
        dialog.setMeetingTitle(QStringLiteral("Design review"));
        dialog.setRole(QStringLiteral("Dana"), FindTimeDialog::Role::Optional);
        dialog.recompute();
        QSignalSpy spy(&dialog, &FindTimeDialog::bookRequested);
        dialog.findChild<QPushButton *>(QStringLiteral("bookButton"))->click();
        QCOMPARE(spy.size(), 1);
        const auto b = spy.first().first().value<BookingRequest>();
        QCOMPARE(b.title, QStringLiteral("Design review"));
        QCOMPARE(b.start.toMSecsSinceEpoch(), dialog.result().suggestions.first().interval.start);
        QCOMPARE(b.participants.size(), 3); // not Alice herself
        QCOMPARE(b.participants[0].name, QStringLiteral("Bob"));
        QCOMPARE(b.participants[0].email, QStringLiteral("bob@example.org"));
        QVERIFY(b.participants[0].required);
        QCOMPARE(b.participants[1].name, QStringLiteral("Dana"));
        QVERIFY(!b.participants[1].required);
        QVERIFY(b.participants[2].email.isEmpty());
    }

    void screenshot()
    {
        FindTimeDialog dialog(team(), m_berlin);
        dialog.setMeetingTitle(QStringLiteral("Design review"));
        dialog.setRole(QStringLiteral("Dana"), FindTimeDialog::Role::Optional);
        dialog.show();
        dialog.recompute();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString dir = qEnvironmentVariable("KAIROS_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/findtime-dialog.png")));
        QList<FindTimeMember> members = team();
        members[0].participant.workingHours = hours(9, 12);
        members[1].participant.workingHours = hours(9, 12);
        dialog.setMembers(members);
        dialog.setRole(QStringLiteral("Dana"), FindTimeDialog::Role::NotInvited);
        dialog.recompute();
        if (!dir.isEmpty())
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/findtime-nothing-fits.png")));
    }
};

QTEST_MAIN(TstFindTimeDialog)
#include "tst_findtime_dialog.moc"
