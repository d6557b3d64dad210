// Storage: versioned migrations, WAL and busy timeout, one transaction per batch, corruption
// handling (keep aside byte for byte, restore the newest valid backup) and backup rotation.
#include "core/error.h"
#include "core/platform.h"
#include "model/account.h"
#include "model/calendar.h"
#include "model/event.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "store/migrations.h"
#include "support/mockclock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#ifdef KAIROS_HAVE_SQLITE3_H
#include <sqlite3.h>
#endif

#if KAIROS_PLATFORM_POSIX
#include <sys/stat.h>
#endif

using namespace kairos;

namespace {

const QString kCalendarId = QStringLiteral("cal");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(bytes) == bytes.size();
}

QList<Event> makeEvents(int n, const QString &tag, const QString &calendarId = kCalendarId)
{
    const QTimeZone madrid("Europe/Madrid");
    const QDateTime base(QDate(2026, 11, 2), QTime(8, 0), madrid);
    QList<Event> out;
    out.reserve(n);
    for (int i = 0; i < n; ++i) {
        Event e;
        e.calendarId = calendarId;
        e.title = tag + QStringLiteral(" #") + QString::number(i);
        e.start = base.addSecs(qint64(i) * 1800);
        e.end = e.start.addSecs(1800);
        out.append(e);
    }
    return out;
}

QString sqlString(Database &db, const QString &sql)
{
    QSqlQuery q(db.db());
    if (!q.exec(sql) || !q.next())
        return QStringLiteral("<error: %1>").arg(q.lastError().text());
    return q.value(0).toString();
}

int eventCount(Database &db)
{
    EventStore store(db);
    auto n = store.eventCount();
    return n ? *n : -1;
}

} // namespace

class TestDatabase : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void freshDatabaseIsAtLatestSchema();
    void reopenIsIdempotent();
    void newerSchemaIsMovedAsideAndNeverOverwritten();
    void failingMigrationRollsBack();
    void walModeAndBusyTimeout();
    void tenThousandEventsAreOneTransaction();
    void invalidEventInBatchStoresNone();
    void corruption_data();
    void corruption();
    void corruptionWithoutBackupStartsEmpty();
    void corruptNewestBackupFallsBackToOlder();
    void backupsRotate();
    void backupIfOlderThanUsesTheClock();
    void backupIsAConsistentCopy();
    void savingCalendarOrAccountKeepsItsEvents();
    void unwritableLocationIsUnavailableNotCorrupt();
    void secondaryConnectionSharesTheFileAndNeverMovesItAside();

private:
    std::unique_ptr<Database> open(const QString &name, const Database::OpenOptions &o = {});
    std::unique_ptr<Database> seed(int events);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    QString m_backups;
    int m_connection = 0;
};

void TestDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_path = m_dir->filePath(QStringLiteral("kairos.sqlite"));
    m_backups = m_dir->filePath(QStringLiteral("backups"));
}

std::unique_ptr<Database> TestDatabase::open(const QString &name, const Database::OpenOptions &o)
{
    auto db = Database::open(m_path, m_backups, name + QString::number(++m_connection), o);
    if (!db) {
        qWarning() << "open failed:" << db.error().codeName() << db.error().message;
        return nullptr;
    }
    return std::move(db.value());
}

//! A database with a calendar and `events` events.
std::unique_ptr<Database> TestDatabase::seed(int events)
{
    auto db = open(QStringLiteral("seed"));
    if (!db)
        return nullptr;
    EventStore store(*db);
    Calendar c;
    c.id = kCalendarId;
    c.name = QStringLiteral("Work");
    if (!store.saveCalendar(c))
        return nullptr;
    QList<Event> list = makeEvents(events, QStringLiteral("seed"));
    if (!store.saveEvents(list))
        return nullptr;
    return db;
}

void TestDatabase::freshDatabaseIsAtLatestSchema()
{
    auto db = open(QStringLiteral("fresh"));
    QVERIFY(db);
    QCOMPARE(db->schemaVersion(), store::latestSchemaVersion());
    QVERIFY(!db->openReport().recovered);
    QCOMPARE(sqlString(*db,
                 QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name IN "
                                "('accounts','calendars','events')")),
        QStringLiteral("3"));
    QCOMPARE(db->committedTransactions(), store::latestSchemaVersion()); // one per migration
}

void TestDatabase::reopenIsIdempotent()
{
    {
        auto db = seed(3);
        QVERIFY(db);
    }
    for (int i = 0; i < 3; ++i) {
        auto db = open(QStringLiteral("reopen"));
        QVERIFY(db);
        QCOMPARE(db->schemaVersion(), store::latestSchemaVersion());
        QCOMPARE(db->committedTransactions(), 0); // nothing to migrate
        QVERIFY(!db->openReport().recovered);
        QCOMPARE(eventCount(*db), 3);
    }
    QCOMPARE(QDir(m_dir->path()).entryList({ QStringLiteral("*.corrupt-*") }).size(), 0);
}

void TestDatabase::newerSchemaIsMovedAsideAndNeverOverwritten()
{
    test::MockClock clock;
    QString backup;
    {
        auto db = seed(2);
        QVERIFY(db);
        auto b = db->backup();
        QVERIFY(b);
        backup = *b;
        QList<Event> more = makeEvents(5, QStringLiteral("after backup"));
        QVERIFY(EventStore(*db).saveEvents(more));
        QSqlQuery q(db->db());
        QVERIFY(
            q.exec(QStringLiteral("PRAGMA user_version=%1").arg(store::latestSchemaVersion() + 7)));
    }
    const QByteArray before = readAll(m_path);
    QVERIFY(!before.isEmpty());
    clock.advanceSecs(60);

    auto db = open(QStringLiteral("newer"));
    QVERIFY(db);
    const auto &report = db->openReport();
    QVERIFY(report.recovered);
    QVERIFY(report.newerSchema);
    QVERIFY(report.reason.contains(QStringLiteral("newer")));
    QCOMPARE(report.restoredBackup, backup);
    QCOMPARE(readAll(report.quarantinedPath), before);
    QCOMPARE(db->schemaVersion(), store::latestSchemaVersion());
    QCOMPARE(eventCount(*db), 2);
}

void TestDatabase::failingMigrationRollsBack()
{
    {
        auto db = seed(4);
        QVERIFY(db);
    }
    const int latest = store::latestSchemaVersion();
    QList<QStringList> broken = store::migrations();
    broken.append({ QStringLiteral("CREATE TABLE extra (a INTEGER)"),
        QStringLiteral("INSERT INTO extra VALUES (1)"),
        QStringLiteral("INSERT INTO no_such_table VALUES (1)") });
    Database::OpenOptions options;
    options.migrations = &broken;
    {
        auto r = Database::open(m_path, m_backups, QStringLiteral("broken"), options);
        QVERIFY(!r);
        QCOMPARE(r.error().code, Error::Code::MigrationFailed);
        QVERIFY2(r.error().message.contains(QStringLiteral("migration %1").arg(latest + 1)),
            qPrintable(r.error().message));
    }
    // Not treated as corruption: the file stays where it is, at its old version, intact.
    QCOMPARE(QDir(m_dir->path()).entryList({ QStringLiteral("*.corrupt-*") }).size(), 0);
    auto db = open(QStringLiteral("after"));
    QVERIFY(db);
    QVERIFY(!db->openReport().recovered);
    QCOMPARE(db->schemaVersion(), latest);
    QCOMPARE(
        sqlString(*db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'extra'")),
        QStringLiteral("0"));
    QCOMPARE(eventCount(*db), 4);

    // A good next migration applies on top.
    QList<QStringList> next = store::migrations();
    next.append({ QStringLiteral("CREATE TABLE extra (a INTEGER)") });
    options.migrations = &next;
    db.reset();
    auto upgraded = open(QStringLiteral("upgraded"), options);
    QVERIFY(upgraded);
    QCOMPARE(upgraded->schemaVersion(), latest + 1);
}

void TestDatabase::walModeAndBusyTimeout()
{
    auto writer = seed(1);
    QVERIFY(writer);
    QCOMPARE(sqlString(*writer, QStringLiteral("PRAGMA journal_mode")), QStringLiteral("wal"));
    QCOMPARE(sqlString(*writer, QStringLiteral("PRAGMA busy_timeout")), QStringLiteral("5000"));
    QCOMPARE(sqlString(*writer, QStringLiteral("PRAGMA foreign_keys")), QStringLiteral("1"));

    Database::OpenOptions shortWait;
    shortWait.busyTimeoutMs = 150;
    auto other = open(QStringLiteral("other"), shortWait);
    QVERIFY(other);
    QCOMPARE(sqlString(*other, QStringLiteral("PRAGMA busy_timeout")), QStringLiteral("150"));

    // A writer holds the write lock: in WAL mode readers still read the last commit...
    QVERIFY(writer->db().transaction());
    {
        QSqlQuery q(writer->db());
        QVERIFY(q.exec(QStringLiteral("INSERT INTO events (id, calendar_id, range_start_ms, "
                                      "range_end_ms) VALUES ('x', 'cal', 0, 1)")));
    }
    QCOMPARE(eventCount(*other), 1);
    // ...and a second writer waits for the busy timeout before giving up.
    QElapsedTimer t;
    t.start();
    QSqlQuery w(other->db());
    QVERIFY(!w.exec(QStringLiteral("INSERT INTO events (id, calendar_id, range_start_ms, "
                                   "range_end_ms) VALUES ('y', 'cal', 0, 1)")));
    QVERIFY2(t.elapsed() >= 100, qPrintable(QString::number(t.elapsed())));
    QVERIFY2(w.lastError().text().contains(QStringLiteral("locked"), Qt::CaseInsensitive),
        qPrintable(w.lastError().text()));
    w.finish();
    QVERIFY(writer->db().commit());
    QCOMPARE(eventCount(*other), 2);
}

#ifdef KAIROS_HAVE_SQLITE3_H
namespace {
int countCommit(void *counter)
{
    ++*static_cast<int *>(counter);
    return 0;
}
} // namespace
#endif

void TestDatabase::tenThousandEventsAreOneTransaction()
{
    auto db = seed(0);
    QVERIFY(db);
    int sqliteCommits = 0;
#ifdef KAIROS_HAVE_SQLITE3_H
    // Count commits as SQLite sees them, so autocommitted statements would show too.
    const QVariant handle = db->db().driver()->handle();
    QCOMPARE(handle.typeName(), "sqlite3*");
    sqlite3 *raw = *static_cast<sqlite3 *const *>(handle.constData());
    QVERIFY(raw);
    sqlite3_commit_hook(raw, countCommit, &sqliteCommits);
#endif
    const int before = db->committedTransactions();
    QList<Event> events = makeEvents(10000, QStringLiteral("bulk"));
    QElapsedTimer t;
    t.start();
    auto r = EventStore(*db).saveEvents(events);
    const qint64 ms = t.elapsed();
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    qInfo("saving 10,000 events in one transaction took %lld ms", ms);
    QCOMPARE(db->committedTransactions() - before, 1);
#ifdef KAIROS_HAVE_SQLITE3_H
    sqlite3_commit_hook(raw, nullptr, nullptr);
    QCOMPARE(sqliteCommits, 1);
#else
    Q_UNUSED(sqliteCommits)
#endif
    QCOMPARE(eventCount(*db), 10000);
    for (const Event &e : std::as_const(events))
        QVERIFY(!e.id.isEmpty());
    QVERIFY2(ms < 60000, "saving 10,000 events must complete (generous bound, not a benchmark)");
}

void TestDatabase::invalidEventInBatchStoresNone()
{
    auto db = seed(0);
    QVERIFY(db);
    EventStore store(*db);
    const int commits = db->committedTransactions();

    // Invalid in the model: ends before it starts.
    QList<Event> batch = makeEvents(10000, QStringLiteral("batch"));
    batch[5000].end = batch[5000].start.addSecs(-60);
    auto r = store.saveEvents(batch);
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::InvalidInput);
    QCOMPARE(eventCount(*db), 0);
    QVERIFY(batch.first().id.isEmpty()); // no ids handed out for a batch that did not commit

    // Rejected by SQLite half way (unknown calendar: foreign key): the transaction rolls back.
    batch = makeEvents(10000, QStringLiteral("batch"));
    batch[7000].calendarId = QStringLiteral("no-such-calendar");
    r = store.saveEvents(batch);
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::WriteFailed);
    QCOMPARE(eventCount(*db), 0);
    QVERIFY(batch.first().id.isEmpty());
    QCOMPARE(db->committedTransactions(), commits);

    // The connection is usable afterwards.
    batch = makeEvents(3, QStringLiteral("ok"));
    QVERIFY(store.saveEvents(batch));
    QCOMPARE(eventCount(*db), 3);
}

void TestDatabase::corruption_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("garbage") << QStringLiteral("garbage");
    QTest::newRow("truncated") << QStringLiteral("truncated");
    QTest::newRow("zeroed header") << QStringLiteral("zeroHeader");
    QTest::newRow("zeroed page") << QStringLiteral("zeroPage");
    QTest::newRow("bad magic") << QStringLiteral("badMagic");
    QTest::newRow("directory") << QStringLiteral("directory");
    QTest::newRow("unreadable") << QStringLiteral("unreadable");
    // Unreadable in ways that hold even for root: SQLite would block reading a FIFO, and a
    // dangling symlink would make it create a file somewhere else.
#if KAIROS_PLATFORM_POSIX
    QTest::newRow("fifo") << QStringLiteral("fifo");
#endif
    QTest::newRow("dangling symlink") << QStringLiteral("symlink");
}

void TestDatabase::corruption()
{
    QFETCH(QString, damage);
    test::MockClock clock;
    QString backup;
    {
        auto db = seed(300);
        QVERIFY(db);
        auto b = db->backup();
        QVERIFY(b);
        backup = *b;
        QList<Event> more = makeEvents(50, QStringLiteral("after backup"));
        QVERIFY(EventStore(*db).saveEvents(more));
        QCOMPARE(eventCount(*db), 350);
    }
    QVERIFY(!QFile::exists(m_path + QStringLiteral("-wal")));
    QByteArray bytes = readAll(m_path);
    QVERIFY(bytes.size() > 8192);

    if (damage == QLatin1String("garbage")) {
        QByteArray junk;
        for (int i = 0; i < 20000; ++i)
            junk.append(char((i * 7919) % 251));
        bytes = junk;
        QVERIFY(writeAll(m_path, bytes));
    } else if (damage == QLatin1String("truncated")) {
        bytes.truncate(bytes.size() / 3 + 123);
        QVERIFY(writeAll(m_path, bytes));
    } else if (damage == QLatin1String("zeroHeader")) {
        bytes.replace(0, 100, QByteArray(100, '\0'));
        QVERIFY(writeAll(m_path, bytes));
    } else if (damage == QLatin1String("zeroPage")) {
        const int pageSize = (uchar(bytes[16]) << 8) | uchar(bytes[17]);
        QVERIFY(pageSize >= 512);
        // Wipe a page in the middle of the events table.
        const int page = int(bytes.size() / pageSize) / 2;
        bytes.replace(qsizetype(page) * pageSize, pageSize, QByteArray(pageSize, '\0'));
        QVERIFY(writeAll(m_path, bytes));
    } else if (damage == QLatin1String("badMagic")) {
        bytes.replace(0, 16, "Not SQLite 3 !!");
        QVERIFY(writeAll(m_path, bytes));
    } else if (damage == QLatin1String("directory")) {
        QVERIFY(QFile::remove(m_path));
        QVERIFY(QDir().mkpath(m_path + QStringLiteral("/inside")));
        QVERIFY(writeAll(m_path + QStringLiteral("/inside/note.txt"), "keep me"));
#if KAIROS_PLATFORM_POSIX
    } else if (damage == QLatin1String("fifo")) {
        QVERIFY(QFile::remove(m_path));
        QCOMPARE(::mkfifo(QFile::encodeName(m_path).constData(), 0600), 0);
#endif
    } else if (damage == QLatin1String("symlink")) {
        QVERIFY(QFile::remove(m_path));
        QVERIFY(QFile::link(m_dir->filePath(QStringLiteral("gone/elsewhere.sqlite")), m_path));
    } else if (damage == QLatin1String("unreadable")) {
        QVERIFY(QFile::setPermissions(m_path, QFileDevice::Permissions()));
        QFile probe(m_path);
        if (probe.open(QIODevice::ReadOnly)) {
            QFile::setPermissions(m_path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            QSKIP("running as root: permissions do not make a file unreadable");
        }
    }
    clock.advanceSecs(3600);

    auto db = open(QStringLiteral("recover"));
    QVERIFY(db);
    const Database::OpenReport report = db->openReport();
    QVERIFY(report.recovered);
    QVERIFY(!report.reason.isEmpty());
    qInfo() << damage << "->" << report.reason;
    QCOMPARE(report.restoredBackup, backup);
    QCOMPARE(report.quarantinedPath,
        m_path + QStringLiteral(".corrupt-")
            + clock.currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz")));
    if (damage == QLatin1String("fifo")) {
#if KAIROS_PLATFORM_POSIX
        struct stat st { };
        QCOMPARE(::lstat(QFile::encodeName(report.quarantinedPath).constData(), &st), 0);
        QVERIFY(S_ISFIFO(st.st_mode));
#endif
    } else if (damage == QLatin1String("symlink")) {
        QCOMPARE(QFileInfo(report.quarantinedPath).symLinkTarget(),
            m_dir->filePath(QStringLiteral("gone/elsewhere.sqlite")));
        QVERIFY(!QFileInfo::exists(m_dir->filePath(QStringLiteral("gone"))));
    } else if (damage == QLatin1String("directory")) {
        QVERIFY(QFileInfo(report.quarantinedPath).isDir());
        QCOMPARE(readAll(report.quarantinedPath + QStringLiteral("/inside/note.txt")),
            QByteArray("keep me"));
    } else {
        if (damage == QLatin1String("unreadable")) {
            QVERIFY(QFile::setPermissions(
                report.quarantinedPath, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        }
        QCOMPARE(readAll(report.quarantinedPath), bytes); // byte for byte as it was
    }
    // The restored copy is the backup, complete and healthy; new writes work.
    QCOMPARE(sqlString(*db, QStringLiteral("PRAGMA quick_check")), QStringLiteral("ok"));
    QCOMPARE(eventCount(*db), 300);
    QList<Event> more = makeEvents(2, QStringLiteral("after recovery"));
    QVERIFY(EventStore(*db).saveEvents(more));

    // Reopening later finds a healthy database: nothing more is moved aside.
    db.reset();
    auto again = open(QStringLiteral("again"));
    QVERIFY(again);
    QVERIFY(!again->openReport().recovered);
    QCOMPARE(eventCount(*again), 302);
}

void TestDatabase::corruptionWithoutBackupStartsEmpty()
{
    {
        auto db = seed(10);
        QVERIFY(db);
    }
    const QByteArray junk(5000, 'x');
    QVERIFY(writeAll(m_path, junk));
    auto db = open(QStringLiteral("nobackup"));
    QVERIFY(db);
    QVERIFY(db->openReport().recovered);
    QVERIFY(db->openReport().restoredBackup.isEmpty());
    QCOMPARE(readAll(db->openReport().quarantinedPath), junk);
    QCOMPARE(db->schemaVersion(), store::latestSchemaVersion());
    QCOMPARE(eventCount(*db), 0);
}

void TestDatabase::corruptNewestBackupFallsBackToOlder()
{
    test::MockClock clock;
    QString older, newer;
    {
        auto db = seed(5);
        QVERIFY(db);
        older = *db->backup();
        clock.advanceSecs(3600);
        QList<Event> more = makeEvents(5, QStringLiteral("second"));
        QVERIFY(EventStore(*db).saveEvents(more));
        newer = *db->backup();
        QCOMPARE(db->backups(), QStringList({ newer, older }));
    }
    QVERIFY(writeAll(newer, QByteArray(4096, 'z')));
    QVERIFY(writeAll(m_path, QByteArray(4096, 'y')));
    clock.advanceSecs(60);
    auto db = open(QStringLiteral("fallback"));
    QVERIFY(db);
    QCOMPARE(db->openReport().restoredBackup, older);
    QCOMPARE(eventCount(*db), 5);
    QCOMPARE(readAll(newer), QByteArray(4096, 'z')); // a bad backup is not touched either
}

void TestDatabase::backupsRotate()
{
    test::MockClock clock;
    auto db = seed(3);
    QVERIFY(db);
    QStringList made;
    for (int i = 0; i < 7; ++i) {
        auto b = db->backup(3);
        QVERIFY(b);
        made.prepend(*b);
        clock.advanceSecs(3600);
    }
    QCOMPARE(db->backups(), made.mid(0, 3));
    QCOMPARE(QDir(m_backups).entryList(QDir::Files).size(), 3);

    // Two backups in the same millisecond get distinct names, and the later one sorts first.
    auto first = db->backup(10);
    auto second = db->backup(10);
    QVERIFY(first && second);
    QVERIFY(*first != *second);
    QCOMPARE(db->backups().mid(0, 2), QStringList({ *second, *first }));
    QCOMPARE(Database::backupTime(*first), clock.currentDateTimeUtc());
    QCOMPARE(Database::backupTime(*second), clock.currentDateTimeUtc());
    QVERIFY(!Database::backupTime(QStringLiteral("/x/notes.sqlite")).isValid());
}

void TestDatabase::backupIfOlderThanUsesTheClock()
{
    test::MockClock clock;
    auto db = seed(3);
    QVERIFY(db);
    const qint64 day = 24 * 3600;
    QVERIFY(db->backupIfOlderThan(day));
    QCOMPARE(db->backups().size(), 1);
    clock.advanceSecs(day - 60);
    QVERIFY(db->backupIfOlderThan(day));
    QCOMPARE(db->backups().size(), 1); // still fresh by the (mock) clock
    clock.advanceSecs(120);
    QVERIFY(db->backupIfOlderThan(day, 2));
    QCOMPARE(db->backups().size(), 2);
    clock.advanceSecs(2 * day);
    QVERIFY(db->backupIfOlderThan(day, 2));
    QCOMPARE(db->backups().size(), 2); // rotated
    QCOMPARE(Database::backupTime(db->backups().first()), clock.currentDateTimeUtc());
    // The clock went back (e.g. fixed by NTP): take a new one instead of waiting.
    clock.advanceSecs(-10 * day);
    QVERIFY(db->backupIfOlderThan(day, 5));
    QCOMPARE(db->backups().size(), 3);
}

void TestDatabase::backupIsAConsistentCopy()
{
    auto db = seed(123);
    QVERIFY(db);
    auto b = db->backup();
    QVERIFY(b);
    auto copy = Database::open(*b, QString(), QStringLiteral("copy"));
    QVERIFY(copy);
    QVERIFY(!(*copy)->openReport().recovered);
    QCOMPARE(eventCount(**copy), 123);
}

void TestDatabase::savingCalendarOrAccountKeepsItsEvents()
{
    // Regression: INSERT OR REPLACE deleted the row first and ON DELETE CASCADE took the
    // calendar's events (and an account's calendars) with it.
    auto db = seed(0);
    QVERIFY(db);
    EventStore store(*db);
    Account a;
    a.id = QStringLiteral("acc");
    a.provider = Provider::Google;
    a.email = QStringLiteral("ana@example.com");
    QVERIFY(store.saveAccount(a));
    Calendar c;
    c.id = QStringLiteral("gcal");
    c.accountId = a.id;
    c.kind = CalendarKind::Google;
    c.name = QStringLiteral("Ana");
    QVERIFY(store.saveCalendar(c));
    QList<Event> events = makeEvents(4, QStringLiteral("g"), c.id);
    QVERIFY(store.saveEvents(events));

    c.name = QStringLiteral("Ana (renamed)");
    c.visible = false;
    QVERIFY(store.saveCalendar(c));
    a.displayName = QStringLiteral("Ana B.");
    QVERIFY(store.saveAccount(a));
    QCOMPARE(store.calendar(c.id)->name, QStringLiteral("Ana (renamed)"));
    QVERIFY(!store.calendar(c.id)->visible);
    QCOMPARE(store.eventsInCalendar(c.id)->size(), 4);
    QCOMPARE(store.accounts()->first().displayName, QStringLiteral("Ana B."));

    QVERIFY(store.removeAccount(a.id)); // removing still cascades
    QCOMPARE(store.eventsInCalendar(c.id)->size(), 0);
    QCOMPARE(store.calendar(c.id).error().code, Error::Code::NotFound);
}

void TestDatabase::unwritableLocationIsUnavailableNotCorrupt()
{
    // The parent "folder" is a file: nothing can be created there, and nothing is moved aside.
    const QString blocker = m_dir->filePath(QStringLiteral("file"));
    QVERIFY(writeAll(blocker, "x"));
    auto r = Database::open(
        blocker + QStringLiteral("/kairos.sqlite"), QString(), QStringLiteral("unwritable"));
    QVERIFY(!r);
    QCOMPARE(r.error().code, Error::Code::StorageUnavailable);
    QCOMPARE(readAll(blocker), QByteArray("x"));
    QCOMPARE(QDir(m_dir->path()).entryList({ QStringLiteral("*.corrupt-*") }).size(), 0);
}

void TestDatabase::secondaryConnectionSharesTheFileAndNeverMovesItAside()
{
    Database::OpenOptions secondary;
    secondary.secondary = true;
    // No database yet: an error, and no file is created.
    QVERIFY(!open(QStringLiteral("second"), secondary));
    QVERIFY(!QFileInfo::exists(m_path));

    auto first = seed(20);
    QVERIFY(first);
    auto second = open(QStringLiteral("second"), secondary);
    QVERIFY(second);
    QCOMPARE(second->schemaVersion(), first->schemaVersion());
    QCOMPARE(eventCount(*second), 20);
    // What one connection commits, the other reads.
    QList<Event> more = makeEvents(5, QStringLiteral("second"));
    QVERIFY(EventStore(*second).saveEvents(more));
    QCOMPARE(eventCount(*first), 25);
    second.reset();
    first.reset();

    // A damaged file: the secondary connection fails and leaves it where it is, byte for byte
    // (the first connection would still be using it).
    QByteArray bytes = readAll(m_path);
    bytes.replace(0, 16, "Not SQLite 3 !!");
    QVERIFY(writeAll(m_path, bytes));
    QVERIFY(!open(QStringLiteral("second"), secondary));
    QCOMPARE(readAll(m_path), bytes);
    QCOMPARE(QDir(m_dir->path()).entryList({ QStringLiteral("*.corrupt-*") }), QStringList());
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
