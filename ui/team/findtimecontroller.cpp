#include "team/findtimecontroller.h"

#include "calendar/calendarservice.h"
#include "chat/chatpanel.h"
#include "core/clock.h"
#include "room/roomclient.h"
#include "scheduling/workinghours.h"

#include <QAction>
#include <QMessageBox>
#include <QWidget>

namespace kairos {

FindTimeController::FindTimeController(CalendarService &calendar, QWidget *window, QObject *parent)
    : QObject(parent)
    , m_calendar(calendar)
    , m_window(window)
{
    m_booking = new BookingFlow(calendar, this);
    m_actions = new ProposalActions(calendar, this);
    m_action = new QAction(tr("&Find a Time…"), this);
    m_action->setObjectName(QStringLiteral("findTimeAction"));
    m_action->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_action->setShortcutContext(Qt::WindowShortcut);
    m_action->setToolTip(tr("Find a time that suits the room's members"));
    connect(m_action, &QAction::triggered, this, [this]() { open(); });
    connect(m_booking, &BookingFlow::bookingFailed, this, [this](const QString &text) {
        QMessageBox::warning(m_window, tr("Book a meeting"), text);
    });
}

FindTimeController::~FindTimeController() = default;

void FindTimeController::setSyncEngine(SyncEngine *engine)
{
    m_booking->setSyncEngine(engine);
    m_actions->setSyncEngine(engine);
}

void FindTimeController::setRoom(room::RoomClient *client, ChatPanel *panel)
{
    m_client = client;
    m_booking->setRoom(client);
    delete m_proposals;
    if (client && panel) {
        m_proposals = new ProposalController(client, panel, m_actions, panel);
        panel->addHeaderAction(m_action);
        panel->setDisplayZone(m_calendar.timeZone());
    }
}

QList<FindTimeMember> FindTimeController::members() const
{
    return m_source ? m_source() : defaultMembers();
}

void FindTimeController::membersChanged()
{
    if (m_dialog)
        m_dialog->setMembers(members());
}

QList<FindTimeMember> FindTimeController::membersFrom(
    const QList<team::MemberAvailability> &members)
{
    QList<FindTimeMember> out;
    for (const team::MemberAvailability &m : members) {
        FindTimeMember f;
        f.name = m.name;
        f.participant = m.participant;
        f.participant.name = m.name;
        if (f.participant.email.isEmpty())
            f.participant.email = m.email;
        f.shared = m.shared;
        f.madeAt = m.madeAt;
        f.self = m.self;
        out.append(f);
    }
    return out;
}

FindTimeMember FindTimeController::ownMember(
    const CalendarService &calendar, const QString &name, const scheduling::WorkingHours &hours)
{
    const QDateTime now = Clock::nowUtc();
    FindTimeMember self;
    self.self = true;
    self.shared = true;
    self.madeAt = now;
    self.name = name;
    self.participant.name = name;
    self.participant.zone = calendar.timeZone();
    self.participant.workingHours = hours;
    QSet<QString> counting;
    for (const Calendar &c : calendar.calendars())
        if (c.countsForAvailability)
            counting.insert(c.id);
    const qint64 from = now.toMSecsSinceEpoch();
    if (auto occ = calendar.occurrencesBetween(from, from + 8LL * 7 * 24 * 3600 * 1000, false)) {
        for (const Occurrence &o : std::as_const(*occ)) {
            if (!counting.contains(o.calendarId) || o.transparency == Transparency::Transparent
                || o.status == EventStatus::Cancelled)
                continue;
            scheduling::BusyInterval b;
            b.interval = o.interval();
            b.status = o.status == EventStatus::Tentative ? scheduling::BusyStatus::Tentative
                                                          : scheduling::BusyStatus::Busy;
            self.participant.busy << b;
        }
    }
    return self;
}

QList<FindTimeMember> FindTimeController::defaultMembers() const
{
    const QString selfName = m_client
        ? (m_client->selfName().isEmpty() ? m_client->config().name : m_client->selfName())
        : tr("You");
    QList<FindTimeMember> out { ownMember(m_calendar, selfName,
        scheduling::WorkingHours::weekdays({ scheduling::TimeRange { 9 * 60, 17 * 60 } })) };
    if (m_client) {
        const auto *list = m_client->members();
        for (int i = 0; i < list->rowCount(); ++i) {
            const room::MemberInfo &m = list->member(i);
            if (room::nameKey(m.name) == room::nameKey(selfName))
                continue;
            FindTimeMember other;
            other.name = m.name;
            other.shared = false;
            other.participant.name = m.name;
            other.participant.availabilityKnown = false;
            out << other;
        }
    }
    return out;
}

FindTimeDialog *FindTimeController::open()
{
    if (m_dialog) {
        m_dialog->raise();
        m_dialog->activateWindow();
        return m_dialog;
    }
    auto *dialog = new FindTimeDialog(members(), m_calendar.timeZone(), m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &FindTimeDialog::bookRequested, this,
        [this](const BookingRequest &request) { m_booking->open(request, m_window); });
    dialog->show();
    return dialog;
}

} // namespace kairos
