#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "store/migrations.h"
#include "support/testenv.h"

#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using namespace kairos;

class TestStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void migratesAndRoundTrips();
    void newIdsAreVersion4Uuids();
    void remindersMigrateAndRoundTrip();
    void fullTextSearch();
};

void TestStore::fullTextSearch()
{
    // Events stored before the index existed are found after the migration; writes of every
    // kind (save, replace, staged import, delete, calendar removal) keep the index in step.
    test::TempHome home;
    Profile profile(QStringLiteral("fts"));
    QVERIFY(profile.ensureDirs());
    const QList<QStringList> v7 = store::migrations().mid(0, 7);
    Database::OpenOptions old;
    old.migrations = &v7;
    {
        auto db = Database::open(profile.databasePath(), {}, QStringLiteral("v7"), old);
        QVERIFY(db);
        QSqlQuery q((*db)->db());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO calendars (id, kind, name) VALUES "
                                      "('local', 'local', 'Local')")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO events (id, calendar_id, title, start_ms, start_tz, end_ms, end_tz, "
            "attendees, range_start_ms, range_end_ms) VALUES ('old', 'local', 'Revisión anual', "
            "1, 'UTC', 2, 'UTC', '[{\"email\":\"zoe@example.com\",\"name\":\"Zoë Ortega\","
            "\"response\":\"accepted\"}]', 1, 2)")));
    }
    auto db = Database::open(profile.databasePath(), {}, QStringLiteral("v8"));
    QVERIFY(db);
    EventStore store(**db);
    auto ids = [&store](const QString &text, qint64 around = 0) {
        QStringList out;
        const auto r = store.search(text, around);
        if (!r)
            qWarning() << r.error().message;
        for (const Event &e : r.valueOr(QList<Event>()))
            out << e.title;
        return out;
    };
    QCOMPARE(ids(QStringLiteral("revision")), QStringList { QStringLiteral("Revisión anual") });
    QCOMPARE(ids(QStringLiteral("zoe ortega")), QStringList { QStringLiteral("Revisión anual") });
    QCOMPARE(ids(QStringLiteral("zoe@example")), QStringList { QStringLiteral("Revisión anual") });
    QVERIFY(ids(QStringLiteral("accepted")).isEmpty()); // JSON keys and values are not text
    QVERIFY(ids(QStringLiteral("email")).isEmpty());

    const QTimeZone madrid("Europe/Madrid");
    auto make = [&](const QString &title, int day) {
        Event e;
        e.calendarId = QStringLiteral("local");
        e.title = title;
        e.start = QDateTime(QDate(2026, 11, day), QTime(9, 0), madrid);
        e.end = e.start.addSecs(3600);
        return e;
    };
    Event a = make(QStringLiteral("Planning Q1"), 10);
    a.location = QStringLiteral("Sala Mayor");
    Event b = make(QStringLiteral("Planning Q2"), 20);
    b.description = QStringLiteral("Budget \"draft\" (v2)");
    Event c = make(QStringLiteral("Planificación"), 30);
    QVERIFY(store.saveEvent(a));
    QVERIFY(store.saveEvent(b));
    QVERIFY(store.saveEvent(c));
    // Prefixes, every word, accents folded; nearest to "now" (the 21st) first: upcoming c,
    // then past b before a.
    const qint64 now = QDateTime(QDate(2026, 11, 21), QTime(0, 0), madrid).toMSecsSinceEpoch();
    QCOMPARE(ids(QStringLiteral("plan"), now),
        (QStringList { QStringLiteral("Planificación"), QStringLiteral("Planning Q2"),
            QStringLiteral("Planning Q1") }));
    QCOMPARE(ids(QStringLiteral("PLANIFICACION")), QStringList { QStringLiteral("Planificación") });
    QCOMPARE(ids(QStringLiteral("planning q1")), QStringList { QStringLiteral("Planning Q1") });
    QCOMPARE(ids(QStringLiteral("mayor")), QStringList { QStringLiteral("Planning Q1") });
    QCOMPARE(ids(QStringLiteral("\"draft\"")), QStringList { QStringLiteral("Planning Q2") });
    // Input FTS5 would choke on is words, not syntax.
    QVERIFY(ids(QStringLiteral("AND OR NOT")).isEmpty());
    QVERIFY(ids(QStringLiteral("( * \" -")).isEmpty());
    QVERIFY(ids(QStringLiteral("   ")).isEmpty());
    // "-q2" is a word to find, not a NOT.
    QCOMPARE(ids(QStringLiteral("planning -q2")), QStringList { QStringLiteral("Planning Q2") });

    // Replace (INSERT OR REPLACE): the old words go, the new ones come.
    a.title = QStringLiteral("Retro");
    QVERIFY(store.saveEvent(a));
    QCOMPARE(ids(QStringLiteral("planning")), QStringList { QStringLiteral("Planning Q2") });
    QCOMPARE(ids(QStringLiteral("retro")), QStringList { QStringLiteral("Retro") });
    QVERIFY(store.removeEvents({ b.id }));
    QVERIFY(ids(QStringLiteral("planning")).isEmpty());
    // A staged import is indexed when it is committed.
    QVERIFY(store.beginStaging());
    QList<Event> staged { make(QStringLiteral("Imported offsite"), 12) };
    QVERIFY(store.stageEvents(staged));
    QVERIFY(ids(QStringLiteral("offsite")).isEmpty());
    QVERIFY(store.commitStaging());
    QCOMPARE(ids(QStringLiteral("offsite")), QStringList { QStringLiteral("Imported offsite") });
    // Removing the calendar removes its events from the index.
    QVERIFY(store.removeCalendar(QStringLiteral("local")));
    for (const QString &w : { QStringLiteral("offsite"), QStringLiteral("retro"),
             QStringLiteral("planificacion"), QStringLiteral("revision") })
        QVERIFY(ids(w).isEmpty());
    QSqlQuery q((*db)->db());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM events_fts")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

void TestStore::remindersMigrateAndRoundTrip()
{
    // A profile from before reminders (schema 5) gains them: old events have none, new ones keep
    // theirs (sorted, unique, bounded), as do calendars' defaults; staged imports carry them too.
    test::TempHome home;
    Profile profile(QStringLiteral("rem"));
    QVERIFY(profile.ensureDirs());
    const QTimeZone madrid("Europe/Madrid");
    const QList<QStringList> v5 = store::migrations().mid(0, 5);
    Database::OpenOptions old;
    old.migrations = &v5;
    Event before;
    before.calendarId = QStringLiteral("local");
    before.title = QStringLiteral("Before");
    before.start = QDateTime(QDate(2026, 11, 23), QTime(9, 0), madrid);
    before.end = before.start.addSecs(1800);
    {
        auto db = Database::open(profile.databasePath(), {}, QStringLiteral("v5"), old);
        QVERIFY(db);
        QCOMPARE((*db)->schemaVersion(), 5);
        QSqlQuery q((*db)->db());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO calendars (id, kind, name) VALUES "
                                      "('local', 'local', 'Local')")));
        QVERIFY(q.exec(QStringLiteral(
            "INSERT INTO events (id, calendar_id, title, start_ms, start_tz, end_ms, end_tz, "
            "range_start_ms, range_end_ms) VALUES ('old', 'local', 'Before', 1, 'UTC', 2, 'UTC', "
            "1, 2)")));
    }
    auto db = Database::open(profile.databasePath(), {}, QStringLiteral("v6"));
    QVERIFY(db);
    QCOMPARE((*db)->schemaVersion(), store::latestSchemaVersion());
    EventStore store(**db);
    const Event old1 = store.event(QStringLiteral("old")).value();
    QVERIFY(old1.reminders.isEmpty());
    QVERIFY(!old1.defaultReminders);
    QVERIFY(store.calendar(QStringLiteral("local"))->defaultReminders.isEmpty());

    Event e = before;
    e.reminders = { 60, 10, 10, -5, 50000, 0 };
    QVERIFY(store.saveEvent(e));
    QCOMPARE(store.event(e.id)->reminders, (QList<int> { 0, 10, 60 }));
    Event d = before;
    d.defaultReminders = true;
    QVERIFY(store.saveEvent(d));
    QVERIFY(store.event(d.id)->defaultReminders);
    Calendar c = store.calendar(QStringLiteral("local")).value();
    c.defaultReminders = { 30, 5 };
    QVERIFY(store.saveCalendar(c));
    QCOMPARE(store.calendar(QStringLiteral("local"))->defaultReminders, (QList<int> { 5, 30 }));
    QCOMPARE(store.event(d.id)->effectiveReminders(
                 store.calendar(QStringLiteral("local"))->defaultReminders),
        (QList<int> { 5, 30 }));

    QVERIFY(store.beginStaging());
    QList<Event> staged { before };
    staged.first().reminders = { 15 };
    QVERIFY(store.stageEvents(staged));
    QVERIFY(store.commitStaging());
    QCOMPARE(store.event(staged.first().id)->reminders, QList<int> { 15 });
}

void TestStore::newIdsAreVersion4Uuids()
{
    QSet<QString> seen;
    for (int i = 0; i < 10000; ++i) {
        const QString id = Event::newId();
        const QUuid u = QUuid::fromString(id);
        QVERIFY2(!u.isNull(), qPrintable(id));
        QCOMPARE(u.version(), QUuid::Random);
        QCOMPARE(u.variant(), QUuid::DCE);
        QCOMPARE(u.toString(QUuid::WithoutBraces), id);
        seen.insert(id);
    }
    QCOMPARE(seen.size(), 10000);
}

void TestStore::migratesAndRoundTrips()
{
    test::TempHome home;
    Profile profile(QStringLiteral("alice"));
    QVERIFY(profile.ensureDirs());
    const QTimeZone madrid("Europe/Madrid");
    QString id;
    {
        auto db = Database::open(profile.databasePath(), profile.backupDir(), QStringLiteral("t1"));
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message));
        QCOMPARE((*db)->schemaVersion(), store::latestSchemaVersion());
        CalendarService cal(**db, madrid);
        QVERIFY(cal.ensureLocalCalendar(QStringLiteral("Mine")));
        QSignalSpy changed(&cal, &CalendarService::changed);
        Event e;
        e.title = QStringLiteral("Standup ñ");
        e.start = QDateTime(QDate(2026, 11, 23), QTime(9, 0), madrid);
        e.end = QDateTime(QDate(2026, 11, 23), QTime(9, 15), madrid);
        auto created = cal.createEvent(e);
        QVERIFY(created);
        QCOMPARE(changed.count(), 1);
        id = created->id;
    }
    auto db = Database::open(profile.databasePath(), profile.backupDir(), QStringLiteral("t2"));
    QVERIFY(db);
    CalendarService cal(**db, QTimeZone("America/New_York"));
    auto occ = cal.occurrences(QDate(2026, 11, 23), QDate(2026, 11, 23));
    QVERIFY(occ);
    QCOMPARE(occ->size(), 1);
    QCOMPARE(occ->first().title, QStringLiteral("Standup ñ"));
    QCOMPARE(occ->first().start.time(), QTime(3, 0)); // 09:00 Madrid = 03:00 New York
    auto stored = cal.event(id);
    QVERIFY(stored);
    QCOMPARE(stored->start.timeZone().id(), QByteArray("Europe/Madrid"));
    QCOMPARE(stored->start.time(), QTime(9, 0));
}

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
