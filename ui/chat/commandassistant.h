#pragma once

#include "commands/groupanswer.h"
#include "commands/interpretation.h"
#include "core/expected.h"
#include "model/event.h"
#include "scheduling/participant.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <functional>

class QFrame;
class QVBoxLayout;

namespace kairos {

class BookingFlow;
class CalendarService;
class ChatPanel;

//! \brief Calendar commands in the composer (issue 7, UI side).
//!
//! Every message is read with kairos::commands::interpret() in the profile's zone against
//! the room's member names. It is still sent as typed unless it was a slash command. A
//! schedule phrase shows a confirmation card to the sender only ("scheduleCard": exact title,
//! day and time in the sender's zone, duration, participants matched to room members with
//! each one's local time when it differs, the target calendar picker; Create / Edit… /
//! Dismiss); an agenda phrase shows a compact agenda ("agendaCard"). Nothing of this reaches
//! the room. With no calendar account connected, the cards carry "Connect your calendar
//! first" with a button that asks for Settings → Accounts (accountSettingsRequested()); the
//! local calendar still works.
class CommandAssistant final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandAssistant)
public:
    //! What the assistant knows of one room member's shared availability (the room's
    //! availability snapshots: kairos::team::TeamAvailability).
    struct Member {
        QString name;
        bool shared = false; //!< has a snapshot
        QDateTime madeAt; //!< when the snapshot was made
        QString email; //!< calendar e-mail, when shared
        scheduling::Participant participant; //!< zone, working hours, busy intervals
    };
    using MemberSource = std::function<QList<Member>()>;

    CommandAssistant(ChatPanel *panel, CalendarService &calendar, QObject *parent = nullptr);
    ~CommandAssistant() override;

    //! Reads \a text; returns whether it should be sent to the room.
    bool handle(const QString &text);

    //! The room's availability snapshots (zones for the card, free/busy for the scheduler).
    void setMemberSource(MemberSource source) { m_members = std::move(source); }
    //! Book buttons on availability answers go through \a flow (prefilled dialog → create with
    //! invitations → meeting proposal to the room); without one they open the event dialog.
    void setBookingFlow(BookingFlow *flow);
    //! A calendar of a connected account (Google / Microsoft) exists.
    bool calendarConnected() const;

    //! Stores \a event: through the sync engine for a provider calendar (\a invite sends
    //! invitations), else in the local store.
    Expected<Event> createEvent(const Event &event, bool invite);

    //! Availability answers (room-visible "availabilityCard"s) shown in this panel.
    static constexpr char kAnswerFrame[] = "x-availability";

Q_SIGNALS:
    //! The card's Create (or Edit… then Save) stored an event.
    void eventCreated(const QString &eventId);
    //! "Open Settings → Accounts" on a "Connect your calendar first" note.
    void accountSettingsRequested();

private:
    QStringList memberNames() const;
    QList<Member> members() const;
    void showScheduleCard(const commands::Interpretation &in);
    void showAgenda(const commands::Interpretation &in);
    void showHelp();
    //! Answers an availability question from the room's snapshots and posts it to the room.
    void answerAvailability(const commands::Interpretation &in, const QString &text);
    //! The room-visible answer card, with a Book button per slot.
    void showAvailabilityAnswer(const commands::AvailabilityAnswer &answer);
    void onExtensionFrame(const QJsonObject &frame);
    //! Opens the event dialog prefilled with \a draft; Save creates it (invitations as ticked).
    void openBooking(
        const Event &draft, QWidget *card, const std::function<void(const Event &)> &done);
    QString selfName() const;
    //! The room's snapshots for the scheduler; this user's own entry from the member source,
    //! else built from the local calendar over [from, to). \a forRoom (an answer posted to the
    //! room): a user who turned sharing off stays "not shared" instead.
    QList<commands::MemberState> memberStates(
        const QDateTime &from, const QDateTime &to, bool forRoom) const;
    //! Picks the best slot for a schedule card without a time (a meal's daily window in each
    //! one's zone, or everyone's working hours); sets \a event's times and returns the note.
    QString pickSlot(const commands::Interpretation &in, Event &event) const;
    QFrame *makeCard(const QString &objectName);
    //! Adds "Connect your calendar first" with its button to \a layout when no account is
    //! connected.
    void addConnectNote(QVBoxLayout *layout, QWidget *card);
    //! The calendar a new event goes to by default: the connected account's primary
    //! calendar, else the local one.
    QString defaultCalendarId() const;

    QPointer<ChatPanel> m_panel;
    CalendarService &m_calendar;
    QPointer<BookingFlow> m_booking;
    MemberSource m_members;
};

} // namespace kairos
