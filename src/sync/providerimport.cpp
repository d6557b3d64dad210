#include "sync/providerimport.h"

#include "calendar/eventwriter.h"
#include "store/eventstore.h"

#include <QSet>

#include <optional>

namespace kairos::ics {

int attendeeCount(const ParsedCalendar &parsed)
{
    QSet<QString> addresses;
    for (const Event &e : parsed.events) {
        if (!e.organizer.isEmpty())
            addresses.insert(e.organizer.trimmed().toLower());
        for (const Attendee &a : e.attendees)
            addresses.insert(a.email.trimmed().toLower());
    }
    addresses.remove(QString());
    return int(addresses.size());
}

Event withoutAttendees(Event e)
{
    if (e.organizer.isEmpty() && e.attendees.isEmpty())
        return e;
    QStringList lines;
    auto who = [](const QString &name, const QString &email) {
        return name.isEmpty() || name == email ? email : QStringLiteral("%1 <%2>").arg(name, email);
    };
    if (!e.organizer.isEmpty())
        lines << QStringLiteral("Organizer: ") + e.organizer;
    QStringList guests;
    for (const Attendee &a : std::as_const(e.attendees)) {
        if (a.organizer && a.email == e.organizer)
            continue;
        guests << who(a.name, a.email) + (a.optional ? QStringLiteral(" (optional)") : QString());
    }
    if (!guests.isEmpty())
        lines << QStringLiteral("Attendees: ") + guests.join(QStringLiteral(", "));
    if (!lines.isEmpty())
        e.description += (e.description.isEmpty() ? QString() : QStringLiteral("\n\n"))
            + lines.join(QLatin1Char('\n'));
    e.organizer.clear();
    e.attendees.clear();
    return e;
}

ImportSummary importThroughSync(EventWriter &writer, EventStore &store, const QString &calendarId,
    const ParsedCalendar &parsed, bool keepAttendees)
{
    using K = ImportIssue::Kind;
    ImportSummary s;
    s.skipped = parsed.skipped;
    s.notes = parsed.notes;
    const auto storedVersions = [&](const QString &uid) {
        QList<Event> out;
        if (auto r = store.eventsByUid(uid)) {
            for (const Event &e : std::as_const(*r))
                if (e.calendarId == calendarId)
                    out << e;
        }
        return out;
    };
    // Series before their changed occurrences, whatever the file's order.
    QList<const Event *> order;
    for (const Event &e : parsed.events)
        if (!e.originalStart.isValid())
            order << &e;
    for (const Event &e : parsed.events)
        if (e.originalStart.isValid())
            order << &e;
    QSet<QString> seen;
    for (const Event *in : std::as_const(order)) {
        Event e = keepAttendees ? *in : withoutAttendees(*in);
        e.calendarId = calendarId;
        const QString key = importKey(e);
        if (seen.contains(key))
            continue; // the same component twice: the first wins
        seen.insert(key);
        std::optional<Event> old;
        std::optional<Event> master;
        for (const Event &v : storedVersions(e.iCalUid)) {
            if (!v.originalStart.isValid())
                master = v;
            if (v.originalStart.isValid() == e.originalStart.isValid()
                && (!e.originalStart.isValid() || v.originalStart == e.originalStart))
                old = v;
        }
        Expected<Event> written = Error { Error::Code::Internal, {} };
        if (old) {
            if (old->sequence > e.sequence) {
                s.skipped.append({ K::OutdatedSequence, 0, e.iCalUid,
                    QStringLiteral("%1 < %2").arg(e.sequence).arg(old->sequence) });
                continue;
            }
            Event same = e;
            same.id = old->id;
            same.providerId = old->providerId;
            same.etag = old->etag;
            same.recurringEventId = old->recurringEventId;
            same.created = old->created;
            same.updated = old->updated;
            same.sequence = old->sequence;
            if (same == *old) {
                ++s.unchanged;
                continue;
            }
            e.id = old->id;
            e.recurringEventId = old->recurringEventId;
            written = writer.updateEvent(e, {});
            if (written)
                ++s.updated;
        } else if (e.originalStart.isValid() && master) {
            // A changed occurrence: "this event only" of the stored series.
            e.id.clear();
            e.providerId.clear();
            e.recurringEventId = master->id;
            written = writer.updateEvent(e, {});
            if (written)
                ++s.imported;
        } else {
            // A new event (an occurrence whose series is not in the calendar stands alone).
            e.id.clear();
            e.providerId.clear();
            e.recurringEventId.clear();
            e.originalStart = {};
            written = writer.createEvent(e, {});
            if (written)
                ++s.imported;
        }
        if (!written)
            s.skipped.append({ K::NotSent, 0, e.iCalUid, written.error().message });
    }
    return s;
}

} // namespace kairos::ics
