#pragma once

#include "calendar/eventdialog.h"
#include "core/expected.h"
#include "model/event.h"
#include "room/proposal.h"
#include "room/roomclient.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

namespace kairos {

class CalendarService;
class SyncEngine;

//! One person a meeting is booked with (the organiser is not listed).
struct BookingParticipant {
    QString name; //!< display name in the room
    QString email; //!< their calendar address when they shared it (may be empty)
    bool required = true;
};

//! What to book: a slot found by Find a time, or a "Book" button on a chat answer.
struct BookingRequest {
    QString title;
    QDateTime start; //!< any zone; the dialog shows it in the organiser's zone
    QDateTime end;
    QList<BookingParticipant> participants;
    QString location;
};

//! \brief Books a meeting for the room (issue 6): opens the event dialog prefilled (title,
//! start / end, the attendees' e-mails where members shared them, the organiser's provider
//! calendar when one is connected, else the local calendar, "Send invitations" ticked); Save
//! creates the event — on a provider calendar through the sync engine with invitations
//! (sendUpdates) — and posts a `proposal` (room::MeetingProposal) to the room, which every
//! member sees as a card with "Add to my calendar" and "Download .ics".
//!
//! Reusable: Find a time and the chat's "Book" buttons both call open(). Tests may call book()
//! directly with the event the dialog would return.
class BookingFlow final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BookingFlow)
public:
    explicit BookingFlow(CalendarService &calendar, QObject *parent = nullptr);
    ~BookingFlow() override;

    //! Provider calendars are written through \a engine (may be null: local only).
    void setSyncEngine(SyncEngine *engine) { m_sync = engine; }
    SyncEngine *syncEngine() const { return m_sync; }
    //! The room proposals are posted to (may be null: the event is still created).
    void setRoom(room::RoomClient *client);
    room::RoomClient *room() const { return m_room; }

    //! The organiser's primary writable calendar of a connected account, else the first
    //! writable provider calendar, else the local calendar.
    QString defaultCalendarId() const;
    //! The event the dialog starts with (a fresh UID; calendar = defaultCalendarId()).
    Event draft(const BookingRequest &request) const;

    //! Opens the prefilled event dialog (object name "bookingDialog", deleted on close) and
    //! books the meeting when it is saved. Only one at a time: a second call raises it.
    EventDialog *open(const BookingRequest &request, QWidget *parent);
    EventDialog *dialog() const { return m_dialog; }

    //! Creates \a event (provider calendars through the sync engine, with invitations when
    //! \a sendInvitations), then posts the proposal to the room.
    Expected<Event> book(Event event, bool sendInvitations, const BookingRequest &request);

    //! The proposal for a booked event: names from the request, the organiser from the room.
    room::MeetingProposal proposalFor(const Event &event, const BookingRequest &request) const;

Q_SIGNALS:
    //! The event was stored; \a proposalId is the room message id ("" when no room).
    void booked(const kairos::Event &event, const QString &proposalId);
    //! Saving failed: \a text is for the user.
    void bookingFailed(const QString &text);

private:
    CalendarService &m_calendar;
    SyncEngine *m_sync = nullptr;
    QPointer<room::RoomClient> m_room;
    QPointer<EventDialog> m_dialog;
};

} // namespace kairos

Q_DECLARE_METATYPE(kairos::BookingRequest)
