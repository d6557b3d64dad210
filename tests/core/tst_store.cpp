#include "calendar/calendarservice.h"
#include "core/profile.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "store/migrations.h"
#include "support/testenv.h"

#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace kairos;

class TestStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void migratesAndRoundTrips();
    void newIdsAreVersion4Uuids();
};

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
