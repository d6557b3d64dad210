// libFuzzer target: .ics import must never crash, hang or hand back an event without a valid
// time span, whatever bytes the file holds; and what it accepted must export to a file that
// imports again. One input in four also goes through the staged store path (batches of 3)
// into a scratch database, then the calendar is emptied.
#include "ics/icsexport.h"
#include "ics/icsimport.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>
#include <memory>

using namespace kairos;

namespace {

struct Scratch {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<EventStore> store;
    Scratch()
    {
        auto r = Database::open(
            dir.filePath(QStringLiteral("fuzz.sqlite")), QString(), QStringLiteral("fuzz"));
        if (!r)
            std::abort();
        db = std::move(*r);
        QSqlQuery q(db->db());
        q.exec(QStringLiteral("PRAGMA synchronous=OFF"));
        store = std::make_unique<EventStore>(*db);
        Calendar c;
        c.id = QStringLiteral("local");
        c.name = QStringLiteral("Local");
        if (!store->saveCalendar(c))
            std::abort();
    }
};

Scratch &scratch()
{
    static int argc = 1;
    static char name[] = "fuzz_ics_import";
    static char *argv[] = { name, nullptr };
    static QCoreApplication app(argc, argv); // QTimeZone and QSql want an application
    static Scratch s;
    return s;
}

void checkEvents(const QList<Event> &events)
{
    for (const Event &e : events) {
        if (!e.isValid() || e.iCalUid.isEmpty())
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Scratch &s = scratch();
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    ics::ImportOptions o;
    o.floatingZone = QTimeZone("Europe/Madrid");
    auto parsed = ics::parseCalendar(bytes, o);
    if (!parsed) {
        if (parsed.error().code != Error::Code::ParseError)
            std::abort();
    } else {
        checkEvents(parsed->events);
        if (parsed->events.size() + parsed->skipped.size() < qsizetype(parsed->components))
            std::abort(); // every VEVENT is either imported or listed as skipped
        // What was accepted exports, and the export reads back with as many events.
        const QByteArray again = ics::exportCalendar(parsed->events);
        auto reparsed = ics::parseCalendar(again, o);
        if (!reparsed || reparsed->events.size() != parsed->events.size())
            std::abort();
        checkEvents(reparsed->events);
    }

    // The staged store path: all or nothing, never a half-written calendar. SQLite is slow
    // next to the parser, so only for inputs whose first byte's low bits are 0 (1 in 4).
    if (size == 0 || (data[0] & 3) != 0)
        return 0;
    QByteArray copy = bytes;
    QBuffer buf(&copy);
    buf.open(QIODevice::ReadOnly);
    auto imported = ics::importCalendar(buf, *s.store, QStringLiteral("local"), o, {}, 3);
    const int count = s.store->eventCount().value();
    if (!imported && count != 0)
        std::abort();
    if (imported && parsed && count > int(parsed->events.size()))
        std::abort();
    QSqlQuery q(s.db->db());
    q.exec(QStringLiteral("DELETE FROM events"));
    return 0;
}
