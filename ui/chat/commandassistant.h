#pragma once

#include "commands/interpretation.h"

#include <QObject>
#include <QPointer>

class QFrame;

namespace kairos {

class CalendarService;
class ChatPanel;

//! \brief Calendar commands in the composer (issue 7, UI side).
//!
//! Every message is read with kairos::commands::interpret() in the profile's zone against
//! the room's member names. It is still sent as typed unless it was a slash command. A
//! schedule phrase shows a confirmation card to the sender only ("scheduleCard": exact title,
//! day and time in the sender's zone, duration, participants, target calendar; Create / Edit…
//! / Dismiss); an agenda phrase shows a compact agenda ("agendaCard"). Nothing of this
//! reaches the room.
class CommandAssistant final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CommandAssistant)
public:
    CommandAssistant(ChatPanel *panel, CalendarService &calendar, QObject *parent = nullptr);
    ~CommandAssistant() override;

    //! Reads \a text; returns whether it should be sent to the room.
    bool handle(const QString &text);

Q_SIGNALS:
    //! The card's Create (or Edit… then Save) stored an event.
    void eventCreated(const QString &eventId);

private:
    QStringList memberNames() const;
    void showScheduleCard(const commands::Interpretation &in);
    void showAgenda(const commands::Interpretation &in);
    void showHelp();
    QFrame *makeCard(const QString &objectName);

    QPointer<ChatPanel> m_panel;
    CalendarService &m_calendar;
};

} // namespace kairos
