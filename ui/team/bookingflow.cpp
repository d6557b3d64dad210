#include "team/bookingflow.h"

#include "calendar/calendarservice.h"
#include "calendar/eventdialog.h"
#include "mainwindow.h"
#include "room/roomclient.h"
#include "store/eventstore.h"
#include "sync/syncengine.h"

#include <QUuid>

namespace kairos {

BookingFlow::BookingFlow(CalendarService &calendar, QObject *parent)
    : QObject(parent)
    , m_calendar(calendar)
{ }

BookingFlow::~BookingFlow() = default;

void BookingFlow::setRoom(room::RoomClient *client)
{
    m_room = client;
}

QString BookingFlow::defaultCalendarId() const
{
    const QList<Calendar> calendars = m_calendar.calendars();
    const QStringList syncing = m_sync ? m_sync->accountIds() : QStringList();
    const Calendar *fallback = nullptr;
    for (const Calendar &c : calendars) {
        if (!c.isProvider() || c.readOnly || !syncing.contains(c.accountId))
            continue;
        if (c.primary)
            return c.id;
        if (!fallback)
            fallback = &c;
    }
    return fallback ? fallback->id : CalendarService::localCalendarId();
}

Event BookingFlow::draft(const BookingRequest &request) const
{
    const QTimeZone zone = m_calendar.timeZone();
    Event e;
    e.title = request.title;
    e.location = request.location;
    e.start = request.start.toTimeZone(zone);
    e.end = request.end.toTimeZone(zone);
    e.calendarId = defaultCalendarId();
    e.iCalUid = QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("@kairos");
    for (const BookingParticipant &p : request.participants) {
        if (p.email.trimmed().isEmpty())
            continue;
        Attendee a;
        a.email = p.email.trimmed();
        a.name = p.name;
        a.optional = !p.required;
        e.attendees.append(a);
    }
    return e;
}

EventDialog *BookingFlow::open(const BookingRequest &request, QWidget *parent)
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return m_dialog;
    }
    const Event event = draft(request);
    auto *dialog
        = new EventDialog(event, true, m_calendar.calendars(), m_calendar.timeZone(), parent);
    dialog->setObjectName(QStringLiteral("bookingDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setSendInvitations(!event.attendees.isEmpty());
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog, request]() {
        auto stored = book(dialog->event(), dialog->sendInvitations(), request);
        if (!stored)
            Q_EMIT bookingFailed(errorText(stored.error()));
    });
    dialog->open();
    return dialog;
}

Expected<Event> BookingFlow::book(Event event, bool sendInvitations, const BookingRequest &request)
{
    if (event.iCalUid.isEmpty())
        event.iCalUid
            = QUuid::createUuid().toString(QUuid::WithoutBraces) + QStringLiteral("@kairos");
    bool provider = false;
    if (auto cal = m_calendar.store().calendar(event.calendarId))
        provider = !cal->accountId.isEmpty();
    if (provider && !event.attendees.isEmpty() && event.organizer.isEmpty()) {
        if (auto cal = m_calendar.store().calendar(event.calendarId)) {
            if (auto accounts = m_calendar.store().accounts()) {
                for (const Account &a : *accounts)
                    if (a.id == cal->accountId)
                        event.organizer = a.email;
            }
        }
    }
    WriteOptions options;
    options.sendUpdates = provider && sendInvitations;
    const Expected<Event> stored = m_calendar.createEvent(event, options);
    if (!stored)
        return stored;
    QString proposalId;
    if (m_room) {
        auto sent = m_room->sendProposal(proposalFor(*stored, request).toJson());
        if (sent)
            proposalId = *sent;
        else
            Q_EMIT bookingFailed(
                tr("The meeting was saved, but it could not be posted to the room: %1")
                    .arg(errorText(sent.error())));
    }
    Q_EMIT booked(*stored, proposalId);
    return stored;
}

room::MeetingProposal BookingFlow::proposalFor(
    const Event &event, const BookingRequest &request) const
{
    room::MeetingProposal p;
    p.uid = event.iCalUid;
    p.title = event.title;
    p.location = event.location;
    p.start = event.start.toUTC();
    p.end = event.end.toUTC();
    p.zone = event.start.timeZone().isValid() ? event.start.timeZone() : m_calendar.timeZone();
    p.sequence = event.sequence;
    p.organizerEmail = event.organizer;
    if (m_room)
        p.organizer = m_room->selfName().isEmpty() ? m_room->config().name : m_room->selfName();
    for (const BookingParticipant &bp : request.participants) {
        if (bp.required)
            p.attendees.append(bp.name);
        else
            p.optional.append(bp.name);
    }
    return p;
}

} // namespace kairos
