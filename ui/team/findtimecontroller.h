#pragma once

#include "team/bookingflow.h"
#include "team/findtimedialog.h"
#include "team/proposalcard.h"
#include "team/teamavailability.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QWidget;

namespace kairos {

class CalendarService;
class ChatPanel;
class SyncEngine;

namespace room {
class RoomClient;
}

//! \brief Find a time in the desktop app: the "Find a Time…" action (menu, toolbar, chat
//! panel), the dialog, booking (BookingFlow) and the proposal cards (ProposalController on
//! the current chat panel).
//!
//! Members come from a source function (the room's availability); without one, the room's
//! member list is used with this user's own busy times from the calendar.
class FindTimeController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindTimeController)
public:
    using MemberSource = std::function<QList<FindTimeMember>()>;

    FindTimeController(CalendarService &calendar, QWidget *window, QObject *parent = nullptr);
    ~FindTimeController() override;

    void setSyncEngine(SyncEngine *engine);
    //! The room and its panel changed (ChatController::roomChanged): proposals are posted to
    //! \a client and shown as cards on \a panel. Either may be null.
    void setRoom(room::RoomClient *client, ChatPanel *panel);
    void setMemberSource(MemberSource source) { m_source = std::move(source); }
    //! Call when the source's data changed: an open dialog refreshes.
    void membersChanged();

    //! "Find a Time…" (objectName findTimeAction, Ctrl+Shift+F).
    QAction *action() const { return m_action; }
    BookingFlow *bookingFlow() const { return m_booking; }
    ProposalActions *proposalActions() const { return m_actions; }
    ProposalController *proposals() const { return m_proposals; }
    FindTimeDialog *dialog() const { return m_dialog; }

    QList<FindTimeMember> members() const;
    //! The room's availability (team::TeamAvailability::members()) as Find a time takes it.
    static QList<FindTimeMember> membersFrom(const QList<team::MemberAvailability> &members);
    //! This user as a member, from their own calendar: busy times of the calendars that count
    //! for availability (free and cancelled events left out, tentative marked) for 8 weeks from
    //! now, in the calendar's zone, with \a hours.
    static FindTimeMember ownMember(const CalendarService &calendar, const QString &name,
        const scheduling::WorkingHours &hours);
    //! Opens the dialog (or raises the open one).
    FindTimeDialog *open();

private:
    QList<FindTimeMember> defaultMembers() const;

    CalendarService &m_calendar;
    QPointer<QWidget> m_window;
    QAction *m_action = nullptr;
    BookingFlow *m_booking = nullptr;
    ProposalActions *m_actions = nullptr;
    QPointer<ProposalController> m_proposals;
    QPointer<room::RoomClient> m_client;
    QPointer<FindTimeDialog> m_dialog;
    MemberSource m_source;
};

} // namespace kairos
