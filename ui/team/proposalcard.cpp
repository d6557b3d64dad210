#include "team/proposalcard.h"

#include "calendar/calendarservice.h"
#include "chat/chatpanel.h"
#include "core/clock.h"
#include "ics/dialoghooks.h"
#include "ics/icsexport.h"
#include "mainwindow.h"
#include "room/roomclient.h"
#include "scheduling/reasontext.h"
#include "store/eventstore.h"
#include "sync/syncengine.h"
#include "team/findtimedialog.h"

#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace kairos {

namespace {

QString fileNameFor(const QString &title)
{
    QString name = title.trimmed();
    static const QString bad = QStringLiteral("/\\:*?\"<>|");
    for (QChar &c : name)
        if (bad.contains(c) || c.category() == QChar::Other_Control)
            c = QLatin1Char('_');
    if (name.isEmpty())
        name = ProposalCard::tr("meeting");
    return name.left(80) + QStringLiteral(".ics");
}

} // namespace

// ---------------------------------------------------------------------------------------------

ProposalActions::ProposalActions(CalendarService &calendar, QObject *parent)
    : QObject(parent)
    , m_calendar(calendar)
{ }

ProposalActions::~ProposalActions() = default;

QString ProposalActions::targetCalendarId() const
{
    const QStringList syncing = m_sync ? m_sync->accountIds() : QStringList();
    QString fallback;
    for (const Calendar &c : m_calendar.calendars()) {
        if (!c.isProvider() || c.readOnly || !syncing.contains(c.accountId))
            continue;
        if (c.primary)
            return c.id;
        if (fallback.isEmpty())
            fallback = c.id;
    }
    return fallback.isEmpty() ? CalendarService::localCalendarId() : fallback;
}

std::optional<Event> ProposalActions::existing(const room::MeetingProposal &p) const
{
    if (auto same = m_calendar.store().eventsByUid(p.uid)) {
        for (const Event &e : std::as_const(*same))
            if (e.status != EventStatus::Cancelled && e.recurringEventId.isEmpty())
                return e;
    }
    // Providers that assign their own UID (Microsoft Graph) rename our copy after a sync:
    // the same title at the same time is the same meeting.
    auto around = m_calendar.occurrencesBetween(
        p.start.toMSecsSinceEpoch(), p.end.toMSecsSinceEpoch(), false);
    if (around) {
        for (const Occurrence &o : std::as_const(*around)) {
            if (!o.allDay && o.title == p.title && o.start.toUTC() == p.start
                && o.end.toUTC() == p.end && o.status != EventStatus::Cancelled) {
                if (auto e = m_calendar.event(o.eventId))
                    return *e;
            }
        }
    }
    return std::nullopt;
}

Event ProposalActions::eventFor(const room::MeetingProposal &p)
{
    Event e;
    e.iCalUid = p.uid;
    e.title = p.title;
    e.location = p.location;
    e.start = p.start.toTimeZone(p.zone);
    e.end = p.end.toTimeZone(p.zone);
    e.sequence = p.sequence;
    e.organizer = p.organizerEmail;
    QStringList names = p.attendees;
    for (const QString &n : p.optional)
        names << ProposalCard::tr("%1 (optional)").arg(n);
    e.description = names.isEmpty()
        ? ProposalCard::tr("Proposed by %1 in the team room.").arg(p.organizer)
        : ProposalCard::tr("Proposed by %1 in the team room. Attendees: %2.")
              .arg(p.organizer, QLocale().createSeparatedList(names));
    return e;
}

Expected<ProposalActions::AddResult> ProposalActions::addToCalendar(const room::MeetingProposal &p)
{
    if (auto found = existing(p))
        return AddResult { *found, true };
    Event e = eventFor(p);
    e.calendarId = targetCalendarId();
    const Expected<Event> stored = m_calendar.createEvent(e);
    if (!stored)
        return stored.error();
    return AddResult { *stored, false };
}

QByteArray ProposalActions::invitationFile(const room::MeetingProposal &p, const QDateTime &stamp)
{
    return ics::itipRequest({ eventFor(p) }, stamp);
}

bool ProposalActions::downloadIcs(const room::MeetingProposal &p, QWidget *parent)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = FileDialog::getSaveFileName(parent, ProposalCard::tr("Download .ics"),
        QDir(dir).filePath(fileNameFor(p.title)), ProposalCard::tr("iCalendar files (*.ics)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".ics");
    const QByteArray data = invitationFile(p);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        Q_EMIT statusMessage(ProposalCard::tr("“%1” could not be written: %2")
                                 .arg(QDir::toNativeSeparators(path), file.errorString()),
            8000);
        return false;
    }
    Q_EMIT statusMessage(ProposalCard::tr("Saved “%1”. Open it in Apple Calendar, Outlook or "
                                          "Google Calendar to add the meeting.")
                             .arg(QFileInfo(path).fileName()),
        8000);
    return true;
}

// ---------------------------------------------------------------------------------------------

ProposalCard::ProposalCard(const room::MeetingProposal &proposal, ProposalActions *actions,
    const QTimeZone &viewerZone, QWidget *parent)
    : QFrame(parent)
    , m_proposal(proposal)
    , m_actions(actions)
    , m_zone(viewerZone)
{
    setObjectName(QStringLiteral("proposalCard"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(0xee, 0xf6, 0xee));
    setPalette(pal);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    layout->setSpacing(3);
    auto label = [this, layout](const QString &name) {
        auto *l = new QLabel(this);
        l->setObjectName(name);
        l->setTextFormat(Qt::PlainText); // titles and names come from other members
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(l);
        return l;
    };
    auto *heading = label(QStringLiteral("proposalHeading"));
    heading->setText(tr("Meeting proposal"));
    QFont small = heading->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    heading->setFont(small);
    m_title = label(QStringLiteral("proposalTitle"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_time = label(QStringLiteral("proposalTime"));
    m_organizerTime = label(QStringLiteral("proposalOrganizerTime"));
    m_organizer = label(QStringLiteral("proposalOrganizer"));
    m_attendees = label(QStringLiteral("proposalAttendees"));
    m_result = label(QStringLiteral("proposalResult"));
    m_result->setVisible(false);

    auto *buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add to my calendar"), this);
    m_add->setObjectName(QStringLiteral("addToCalendarButton"));
    m_download = new QPushButton(tr("Download .ics"), this);
    m_download->setObjectName(QStringLiteral("downloadIcsButton"));
    m_download->setToolTip(tr("An invitation file for Apple Calendar, Outlook and others"));
    auto *dismiss = new QPushButton(tr("Dismiss"), this);
    dismiss->setObjectName(QStringLiteral("dismissButton"));
    buttons->addWidget(m_add);
    buttons->addWidget(m_download);
    buttons->addStretch(1);
    buttons->addWidget(dismiss);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, [this]() { add(); });
    connect(m_download, &QPushButton::clicked, this, [this]() {
        if (m_actions)
            m_actions->downloadIcs(m_proposal, window());
    });
    connect(dismiss, &QPushButton::clicked, this, &QObject::deleteLater);
    fill();
}

ProposalCard::~ProposalCard() = default;

QString ProposalCard::timeText(const QDateTime &start, const QDateTime &end, const QTimeZone &zone)
{
    const QLocale locale;
    const QDateTime s = start.toTimeZone(zone);
    const QDateTime e = end.toTimeZone(zone);
    const QString day = locale.toString(s.date(), QStringLiteral("ddd d MMM"));
    const QString from = FindTimeDialog::clockText(s.time());
    const QString to = FindTimeDialog::clockText(e.time());
    if (s.date() == e.date() || (e.time() == QTime(0, 0) && s.date().addDays(1) == e.date()))
        return tr("%1, %2–%3").arg(day, from, to);
    return tr("%1, %2 – %3, %4")
        .arg(day, from, locale.toString(e.date(), QStringLiteral("ddd d MMM")), to);
}

void ProposalCard::setProposal(const room::MeetingProposal &proposal)
{
    m_proposal = proposal;
    fill();
}

void ProposalCard::fill()
{
    const room::MeetingProposal &p = m_proposal;
    m_title->setText(p.title.isEmpty() ? tr("(No title)") : p.title);
    m_time->setText(timeText(p.start, p.end, m_zone));
    const bool sameClock = p.zone.offsetFromUtc(p.start) == m_zone.offsetFromUtc(p.start)
        && p.zone.offsetFromUtc(p.end) == m_zone.offsetFromUtc(p.end);
    m_organizerTime->setVisible(!sameClock);
    if (!sameClock)
        m_organizerTime->setText(tr("%1 for %2 (%3)")
                                     .arg(timeText(p.start, p.end, p.zone), p.organizer,
                                         scheduling::zonePlaceName(p.zone)));
    m_organizer->setText(tr("Organiser: %1").arg(p.organizer));
    QStringList names = p.attendees;
    for (const QString &n : p.optional)
        names << tr("%1 (optional)").arg(n);
    m_attendees->setText(names.isEmpty()
            ? tr("Attendees: none named")
            : tr("Attendees: %1").arg(QLocale().createSeparatedList(names)));
    setAccessibleName(tr("Meeting proposal: %1").arg(m_title->text()));
}

void ProposalCard::add()
{
    if (!m_actions)
        return;
    auto r = m_actions->addToCalendar(m_proposal);
    if (!r) {
        showResult(tr("The meeting could not be added: %1").arg(errorText(r.error())), true);
        return;
    }
    const QString calendarName = [&]() {
        for (const Calendar &c : m_actions->calendar().calendars())
            if (c.id == r->event.calendarId)
                return c.name;
        return QString();
    }();
    showResult(r->alreadyThere ? tr("Already in your calendar (%1).").arg(calendarName)
                               : tr("Added to %1.").arg(calendarName));
}

void ProposalCard::showResult(const QString &text, bool error)
{
    m_result->setText(text);
    m_result->setStyleSheet(error ? QStringLiteral("color: #b3261e;") : QString());
    m_result->setVisible(true);
}

QString ProposalCard::resultText() const
{
    return m_result->isVisibleTo(this) ? m_result->text() : QString();
}

// ---------------------------------------------------------------------------------------------

ProposalController::ProposalController(
    room::RoomClient *client, ChatPanel *panel, ProposalActions *actions, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_panel(panel)
    , m_actions(actions)
{
    const auto *model = client->messages();
    for (int i = 0; i < model->rowCount(); ++i)
        take(model->row(i).message);
    // Own proposals show at once (pending in the outbox); others as they arrive.
    connect(model, &QAbstractItemModel::rowsInserted, this,
        [this](const QModelIndex &, int first, int last) {
            if (!m_client)
                return;
            for (int i = first; i <= last; ++i)
                take(m_client->messages()->row(i).message);
        });
}

ProposalController::~ProposalController() = default;

QList<ProposalCard *> ProposalController::cards() const
{
    QList<ProposalCard *> list;
    for (const auto &c : m_cards)
        if (c)
            list << c;
    return list;
}

void ProposalController::take(const room::RoomMessage &message)
{
    if (message.kind != QLatin1String("proposal") || !m_panel || !m_actions)
        return;
    auto p = room::MeetingProposal::fromMessageText(message.text);
    if (!p || m_dismissed.contains(p->uid))
        return;
    // The organiser is who sent it (the server sets `from`), whatever the proposal says.
    p->organizer = message.from;
    if (p->end <= Clock::nowUtc())
        return; // over: no card
    if (ProposalCard *existing = m_cards.value(p->uid)) {
        // Only its organiser updates a card: another member reusing the uid is ignored.
        if (p->sequence >= existing->proposal().sequence
            && existing->proposal().organizer == message.from)
            existing->setProposal(*p);
        return;
    }
    auto *card = new ProposalCard(*p, m_actions, m_actions->calendar().timeZone());
    const QString uid = p->uid;
    m_cards.insert(uid, card);
    m_order.append(uid);
    connect(card, &QObject::destroyed, this, [this, uid]() {
        m_cards.remove(uid);
        m_order.removeAll(uid);
        m_dismissed.insert(uid);
    });
    m_panel->addCard(card);
    while (m_order.size() > kMaxCards) {
        const QString oldest = m_order.takeFirst();
        if (ProposalCard *old = m_cards.take(oldest))
            delete old;
    }
}

} // namespace kairos
