// CalendarService: create / update / delete, read-only calendars refused, changed() emitted,
// invisible calendars and cancelled events left out of the views.
#include "calendar/calendarservice.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "support/mockclock.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace kairos;

namespace {
const QTimeZone kMadrid("Europe/Madrid");
const QDate kDay(2026, 11, 23);

Event meeting(const QString &title, const QString &calendarId = CalendarService::localCalendarId(),
    int hour = 9)
{
    Event e;
    e.title = title;
    e.calendarId = calendarId;
    e.start = QDateTime(kDay, QTime(hour, 0), kMadrid);
    e.end = e.start.addSecs(3600);
    return e;
}
} // namespace

class TestCalendarService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void ensureLocalCalendarIsIdempotent();
    void createUpdateDelete();
    void invalidEventsAreRefused();
    void readOnlyCalendarIsRefused();
    void invisibleCalendarsAreExcluded();
    void cancelledEventsAreExcluded();
    void timeZoneChangeIsSignalled();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<CalendarService> m_cal;
    int m_n = 0;
};

void TestCalendarService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    auto db = Database::open(
        m_dir->filePath(QStringLiteral("k.sqlite")), QString(), QStringLiteral("cs%1").arg(++m_n));
    QVERIFY(db);
    m_db = std::move(db.value());
    m_cal = std::make_unique<CalendarService>(*m_db, kMadrid);
    QSignalSpy calendarsChanged(m_cal.get(), &CalendarService::calendarsChanged);
    QVERIFY(m_cal->ensureLocalCalendar(QStringLiteral("Mine")));
    QCOMPARE(calendarsChanged.count(), 1);
}

void TestCalendarService::cleanup()
{
    m_cal.reset();
    m_db.reset();
    m_dir.reset();
}

void TestCalendarService::ensureLocalCalendarIsIdempotent()
{
    QSignalSpy calendarsChanged(m_cal.get(), &CalendarService::calendarsChanged);
    QVERIFY(m_cal->ensureLocalCalendar(QStringLiteral("Other name")));
    QCOMPARE(calendarsChanged.count(), 0);
    QCOMPARE(m_cal->calendars().size(), 1);
    QCOMPARE(m_cal->calendars().first().name, QStringLiteral("Mine"));
    QVERIFY(m_cal->calendars().first().primary);
}

void TestCalendarService::createUpdateDelete()
{
    test::MockClock clock;
    QSignalSpy changed(m_cal.get(), &CalendarService::changed);

    Event e = meeting(QStringLiteral("Plan"));
    e.id = QStringLiteral("ignored"); // create always assigns a new id
    auto created = m_cal->createEvent(e);
    QVERIFY(created);
    QVERIFY(!created->id.isEmpty());
    QVERIFY(created->id != QStringLiteral("ignored"));
    QCOMPARE(created->created, clock.currentDateTimeUtc());
    QCOMPARE(created->updated, clock.currentDateTimeUtc());
    QCOMPARE(changed.count(), 1);
    QCOMPARE(*m_cal->eventCount(), 1);

    // No calendar given: the local one.
    Event loose = meeting(QStringLiteral("Loose"));
    loose.calendarId.clear();
    auto looseCreated = m_cal->createEvent(loose);
    QVERIFY(looseCreated);
    QCOMPARE(looseCreated->calendarId, CalendarService::localCalendarId());
    QCOMPARE(changed.count(), 2);

    clock.advanceSecs(600);
    Event edit = *created;
    edit.title = QStringLiteral("Plan v2");
    edit.end = edit.start.addSecs(5400);
    auto updated = m_cal->updateEvent(edit);
    QVERIFY(updated);
    QCOMPARE(updated->sequence, created->sequence + 1);
    QCOMPARE(updated->created, created->created);
    QCOMPARE(updated->updated, clock.currentDateTimeUtc());
    QCOMPARE(changed.count(), 3);
    auto stored = m_cal->event(created->id);
    QVERIFY(stored);
    QCOMPARE(stored->title, QStringLiteral("Plan v2"));
    QCOMPARE(stored->durationMinutes(), qint64(90));

    auto occ = m_cal->occurrences(kDay, kDay);
    QVERIFY(occ);
    QCOMPARE(occ->size(), 2);

    QVERIFY(m_cal->deleteEvent(created->id));
    QCOMPARE(changed.count(), 4);
    QCOMPARE(m_cal->event(created->id).error().code, Error::Code::NotFound);
    QCOMPARE(m_cal->deleteEvent(created->id).error().code, Error::Code::NotFound);
    Event ghost = *created;
    QCOMPARE(m_cal->updateEvent(ghost).error().code, Error::Code::NotFound);
    QCOMPARE(changed.count(), 4);
    QCOMPARE(*m_cal->eventCount(), 1);
}

void TestCalendarService::invalidEventsAreRefused()
{
    QSignalSpy changed(m_cal.get(), &CalendarService::changed);
    Event backwards = meeting(QStringLiteral("Backwards"));
    backwards.end = backwards.start.addSecs(-60);
    QCOMPARE(m_cal->createEvent(backwards).error().code, Error::Code::InvalidInput);
    QCOMPARE(m_cal->createEvent(meeting(QStringLiteral("x"), QStringLiteral("nope"))).error().code,
        Error::Code::NotFound);
    Event noTimes;
    QCOMPARE(m_cal->createEvent(noTimes).error().code, Error::Code::InvalidInput);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(*m_cal->eventCount(), 0);
}

void TestCalendarService::readOnlyCalendarIsRefused()
{
    Calendar feed;
    feed.id = QStringLiteral("feed");
    feed.kind = CalendarKind::Subscription;
    feed.name = QStringLiteral("Holidays");
    feed.readOnly = true;
    QVERIFY(m_cal->saveCalendar(feed));
    // Events arrive in a read-only calendar through sync/import, straight into the store.
    Event synced = meeting(QStringLiteral("Holiday"), feed.id);
    QVERIFY(m_cal->store().saveEvent(synced));

    QSignalSpy changed(m_cal.get(), &CalendarService::changed);
    QCOMPARE(m_cal->createEvent(meeting(QStringLiteral("Mine"), feed.id)).error().code,
        Error::Code::ReadOnly);
    Event edit = synced;
    edit.title = QStringLiteral("Edited");
    QCOMPARE(m_cal->updateEvent(edit).error().code, Error::Code::ReadOnly);
    QCOMPARE(m_cal->deleteEvent(synced.id).error().code, Error::Code::ReadOnly);
    // Moving a local event into the read-only calendar is refused too.
    auto local = m_cal->createEvent(meeting(QStringLiteral("Local")));
    QVERIFY(local);
    QCOMPARE(changed.count(), 1);
    Event move = *local;
    move.calendarId = feed.id;
    QCOMPARE(m_cal->updateEvent(move).error().code, Error::Code::ReadOnly);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(m_cal->event(synced.id)->title, QStringLiteral("Holiday"));
    QCOMPARE(m_cal->event(local->id)->calendarId, CalendarService::localCalendarId());

    auto occ = m_cal->occurrences(kDay, kDay);
    QVERIFY(occ);
    QCOMPARE(occ->size(), 2);
    for (const Occurrence &o : std::as_const(*occ))
        QCOMPARE(o.readOnly, o.calendarId == feed.id);
}

void TestCalendarService::invisibleCalendarsAreExcluded()
{
    Calendar hidden;
    hidden.id = QStringLiteral("hidden");
    hidden.name = QStringLiteral("Hidden");
    hidden.visible = false;
    QSignalSpy calendarsChanged(m_cal.get(), &CalendarService::calendarsChanged);
    QSignalSpy changed(m_cal.get(), &CalendarService::changed);
    QVERIFY(m_cal->saveCalendar(hidden));
    QCOMPARE(calendarsChanged.count(), 1);
    QCOMPARE(changed.count(), 1);
    QVERIFY(m_cal->createEvent(meeting(QStringLiteral("Seen"))));
    QVERIFY(m_cal->createEvent(meeting(QStringLiteral("Unseen"), hidden.id, 11)));

    auto occ = m_cal->occurrences(kDay, kDay);
    QVERIFY(occ);
    QCOMPARE(occ->size(), 1);
    QCOMPARE(occ->first().title, QStringLiteral("Seen"));

    const qint64 from = QDateTime(kDay, QTime(0, 0), kMadrid).toMSecsSinceEpoch();
    auto all = m_cal->occurrencesBetween(from, from + 24 * 3600 * 1000LL, false);
    QVERIFY(all);
    QCOMPARE(all->size(), 2);

    hidden.visible = true;
    QVERIFY(m_cal->saveCalendar(hidden));
    QCOMPARE(m_cal->occurrences(kDay, kDay)->size(), 2);
}

void TestCalendarService::cancelledEventsAreExcluded()
{
    Event cancelled = meeting(QStringLiteral("Called off"));
    cancelled.status = EventStatus::Cancelled;
    QVERIFY(m_cal->createEvent(cancelled));
    Event tentative = meeting(QStringLiteral("Maybe"), CalendarService::localCalendarId(), 10);
    tentative.status = EventStatus::Tentative;
    tentative.transparency = Transparency::Transparent;
    QVERIFY(m_cal->createEvent(tentative));
    auto occ = m_cal->occurrences(kDay, kDay);
    QVERIFY(occ);
    QCOMPARE(occ->size(), 1);
    QCOMPARE(occ->first().title, QStringLiteral("Maybe"));
    QVERIFY(occ->first().status == EventStatus::Tentative);
    QVERIFY(occ->first().transparency == Transparency::Transparent);
    QCOMPARE(*m_cal->eventCount(), 2); // kept in the store, only hidden from views
}

void TestCalendarService::timeZoneChangeIsSignalled()
{
    QVERIFY(m_cal->createEvent(meeting(QStringLiteral("Standup"))));
    QSignalSpy zoneChanged(m_cal.get(), &CalendarService::timeZoneChanged);
    QSignalSpy changed(m_cal.get(), &CalendarService::changed);
    m_cal->setTimeZone(kMadrid); // same zone: nothing
    QCOMPARE(zoneChanged.count(), 0);
    const QTimeZone ny("America/New_York");
    m_cal->setTimeZone(ny);
    QCOMPARE(zoneChanged.count(), 1);
    QCOMPARE(changed.count(), 1);
    auto occ = m_cal->occurrences(kDay, kDay);
    QVERIFY(occ);
    QCOMPARE(occ->size(), 1);
    QCOMPARE(occ->first().start.time(), QTime(3, 0)); // 09:00 Madrid
}

QTEST_GUILESS_MAIN(TestCalendarService)
#include "tst_calendarservice.moc"
