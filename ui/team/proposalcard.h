#pragma once

#include "core/expected.h"
#include "model/event.h"
#include "room/proposal.h"

#include <QFrame>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimeZone>

#include <optional>

class QLabel;
class QPushButton;

namespace kairos {

class CalendarService;
class ChatPanel;
class SyncEngine;

namespace room {
class RoomClient;
struct RoomMessage;
} // namespace room

//! \brief What a member can do with a meeting proposal: add it to their own calendar (once —
//! matched by UID) or save it as an iTIP invitation file for Apple Calendar and the like.
class ProposalActions final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProposalActions)
public:
    explicit ProposalActions(CalendarService &calendar, QObject *parent = nullptr);
    ~ProposalActions() override;

    void setSyncEngine(SyncEngine *engine) { m_sync = engine; }
    CalendarService &calendar() const { return m_calendar; }

    //! The member's default calendar: the primary writable calendar of a connected account,
    //! else the first writable provider calendar, else the local calendar.
    QString targetCalendarId() const;
    //! The member's copy of the meeting, if they have one already: same UID in any calendar,
    //! or (a provider that renamed the UID) an event with the same title at the same time.
    std::optional<Event> existing(const room::MeetingProposal &proposal) const;

    struct AddResult {
        Event event;
        bool alreadyThere = false; //!< nothing was created
    };
    //! Adds the meeting to targetCalendarId() unless existing() finds it.
    Expected<AddResult> addToCalendar(const room::MeetingProposal &proposal);

    //! The event the proposal describes (UID, times in the organiser's zone, organiser).
    static Event eventFor(const room::MeetingProposal &proposal);
    //! An iTIP METHOD:REQUEST file for the proposal (stable UID and SEQUENCE: a later file
    //! updates the copy in Apple Calendar instead of adding a second one).
    static QByteArray invitationFile(
        const room::MeetingProposal &proposal, const QDateTime &stamp = {});
    //! Asks where to save the file (FileDialog), writes it. False when cancelled or failed.
    bool downloadIcs(const room::MeetingProposal &proposal, QWidget *parent);

Q_SIGNALS:
    void statusMessage(const QString &text, int timeoutMs);

private:
    CalendarService &m_calendar;
    SyncEngine *m_sync = nullptr;
};

//! \brief A meeting proposal in the chat, for every member (the organiser too): title, time in
//! the viewer's zone (and the organiser's local time when it differs), organiser, attendees,
//! and "Add to my calendar" / "Download .ics" / "Dismiss".
//!
//! Object names: proposalCard, proposalTitle, proposalTime, proposalOrganizerTime,
//! proposalOrganizer, proposalAttendees, addToCalendarButton, downloadIcsButton,
//! dismissButton, proposalResult.
class ProposalCard final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProposalCard)
public:
    ProposalCard(const room::MeetingProposal &proposal, ProposalActions *actions,
        const QTimeZone &viewerZone, QWidget *parent = nullptr);
    ~ProposalCard() override;

    const room::MeetingProposal &proposal() const { return m_proposal; }
    //! A newer version (higher sequence) of the same meeting.
    void setProposal(const room::MeetingProposal &proposal);
    QString resultText() const;

    //! "Mon 8 Dec, 16:00–17:00" for [start, end) in \a zone.
    static QString timeText(const QDateTime &start, const QDateTime &end, const QTimeZone &zone);

private:
    void fill();
    void add();
    void showResult(const QString &text, bool error = false);

    room::MeetingProposal m_proposal;
    QPointer<ProposalActions> m_actions;
    QTimeZone m_zone;
    QLabel *m_title = nullptr;
    QLabel *m_time = nullptr;
    QLabel *m_organizerTime = nullptr;
    QLabel *m_organizer = nullptr;
    QLabel *m_attendees = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_download = nullptr;
};

//! \brief Watches a room for proposals (messages of kind "proposal", live and from history)
//! and shows one ProposalCard per meeting (by UID; a higher SEQUENCE updates the card) in
//! the chat panel, for meetings that have not ended yet — at most kMaxCards, the newest
//! (older proposals stay as a line in the message stream).
class ProposalController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProposalController)
public:
    ProposalController(room::RoomClient *client, ChatPanel *panel, ProposalActions *actions,
        QObject *parent = nullptr);
    ~ProposalController() override;

    static constexpr int kMaxCards = 3;

    ProposalCard *card(const QString &uid) const { return m_cards.value(uid); }
    QList<ProposalCard *> cards() const;

private:
    void take(const room::RoomMessage &message);

    QPointer<room::RoomClient> m_client;
    QPointer<ChatPanel> m_panel;
    QPointer<ProposalActions> m_actions;
    QHash<QString, QPointer<ProposalCard>> m_cards;
    QStringList m_order; //!< uids of the cards shown, oldest first
    QSet<QString> m_dismissed;
};

} // namespace kairos
