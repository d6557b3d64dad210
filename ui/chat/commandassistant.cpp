#include "chat/commandassistant.h"

#include "calendar/calendarservice.h"
#include "calendar/eventdialog.h"
#include "chat/chatpanel.h"
#include "commands/intentrecognizer.h"
#include "core/clock.h"
#include "room/memberlistmodel.h"
#include "scheduling/reasontext.h"
#include "sync/syncengine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace kairos {

namespace {
constexpr int kDefaultMinutes = 60;

QLabel *addLabel(
    QVBoxLayout *layout, QWidget *parent, const QString &objectName, const QString &text)
{
    auto *l = new QLabel(text, parent);
    l->setObjectName(objectName);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    layout->addWidget(l);
    return l;
}

const CommandAssistant::Member *findMember(
    const QList<CommandAssistant::Member> &members, const QString &name)
{
    for (const CommandAssistant::Member &m : members) {
        if (m.name.compare(name, Qt::CaseInsensitive) == 0)
            return &m;
    }
    return nullptr;
}

bool writable(const Calendar &c)
{
    return !c.readOnly && c.kind != CalendarKind::Subscription;
}
} // namespace

CommandAssistant::CommandAssistant(ChatPanel *panel, CalendarService &calendar, QObject *parent)
    : QObject(parent)
    , m_panel(panel)
    , m_calendar(calendar)
{
    panel->setSubmitHook([this](const QString &text) { return handle(text); });
}

CommandAssistant::~CommandAssistant()
{
    if (m_panel)
        m_panel->setSubmitHook({});
}

void CommandAssistant::setSyncEngine(SyncEngine *engine)
{
    m_sync = engine;
}

bool CommandAssistant::calendarConnected() const
{
    const QList<Calendar> calendars = m_calendar.calendars();
    return std::any_of(calendars.cbegin(), calendars.cend(),
        [](const Calendar &c) { return !c.accountId.isEmpty(); });
}

QString CommandAssistant::defaultCalendarId() const
{
    QString fallback;
    const QList<Calendar> calendars = m_calendar.calendars();
    for (const Calendar &c : calendars) {
        if (!c.accountId.isEmpty() && c.primary && writable(c))
            return c.id;
        if (fallback.isEmpty() && !c.accountId.isEmpty() && writable(c))
            fallback = c.id;
    }
    return fallback.isEmpty() ? CalendarService::localCalendarId() : fallback;
}

QList<CommandAssistant::Member> CommandAssistant::members() const
{
    return m_members ? m_members() : QList<Member>();
}

Expected<Event> CommandAssistant::createEvent(const Event &event, bool invite)
{
    const QList<Calendar> calendars = m_calendar.calendars();
    for (const Calendar &c : calendars) {
        if (c.id == event.calendarId && !c.accountId.isEmpty() && m_sync) {
            WriteOptions options;
            options.sendUpdates = invite && !event.attendees.isEmpty();
            return m_sync->createEvent(event, options);
        }
    }
    return m_calendar.createEvent(event);
}

void CommandAssistant::addConnectNote(QVBoxLayout *layout, QWidget *card)
{
    if (calendarConnected())
        return;
    auto *box = new QFrame(card);
    box->setObjectName(QStringLiteral("connectCalendar"));
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    auto *text = new QLabel(tr("Connect your calendar first: link Google Calendar or Outlook in "
                               "Settings → Accounts. Until then Kairos uses the calendar on "
                               "this computer."),
        box);
    text->setObjectName(QStringLiteral("connectCalendarText"));
    text->setWordWrap(true);
    text->setStyleSheet(QStringLiteral("color: #7a4d00;"));
    auto *open = new QPushButton(tr("Open Settings → Accounts"), box);
    open->setObjectName(QStringLiteral("connectCalendarButton"));
    connect(open, &QPushButton::clicked, this, &CommandAssistant::accountSettingsRequested);
    row->addWidget(text, 1);
    row->addWidget(open, 0, Qt::AlignTop);
    layout->addWidget(box);
}

QStringList CommandAssistant::memberNames() const
{
    QStringList names;
    if (!m_panel || !m_panel->client())
        return names;
    const room::MemberListModel *members = m_panel->client()->members();
    for (int i = 0; i < members->rowCount(); ++i) {
        const QModelIndex index = members->index(i, 0);
        if (!index.data(room::MemberListModel::SelfRole).toBool())
            names << index.data(room::MemberListModel::NameRole).toString();
    }
    return names;
}

bool CommandAssistant::handle(const QString &text)
{
    commands::InterpretOptions options;
    options.now = Clock::nowUtc();
    options.zone = m_calendar.timeZone();
    options.members = memberNames();
    const commands::Interpretation in = commands::interpret(text, options);
    const bool slash = in.fromSlashCommand || text.trimmed().startsWith(QLatin1Char('/'));
    switch (in.intent) {
    case commands::Intent::Schedule:
        showScheduleCard(in);
        break;
    case commands::Intent::Agenda:
        showAgenda(in);
        break;
    case commands::Intent::Help:
        showHelp();
        break;
    case commands::Intent::Availability:
    case commands::Intent::None:
        break;
    }
    return !slash;
}

QFrame *CommandAssistant::makeCard(const QString &objectName)
{
    auto *card = new QFrame;
    card->setObjectName(objectName);
    card->setFrameShape(QFrame::StyledPanel);
    card->setAutoFillBackground(true);
    QPalette p = card->palette();
    p.setColor(QPalette::Window, QColor(0xee, 0xf3, 0xfc));
    card->setPalette(p);
    return card;
}

void CommandAssistant::showScheduleCard(const commands::Interpretation &in)
{
    if (!m_panel)
        return;
    const QTimeZone zone = m_calendar.timeZone();
    const QLocale locale;
    const QList<Member> roomMembers = members();
    Event event;
    event.calendarId = defaultCalendarId();
    event.title = in.title.isEmpty() ? tr("Meeting") : in.title;
    const int minutes = in.durationMinutes > 0 ? in.durationMinutes : kDefaultMinutes;
    const bool suggested = !in.hasTime();
    event.start = (in.hasTime() ? in.start : in.windowStart).toTimeZone(zone);
    event.end = in.hasTime() && in.end.isValid() ? in.end.toTimeZone(zone)
                                                 : event.start.addSecs(qint64(minutes) * 60);
    if (!in.participants.isEmpty())
        event.description = tr("With %1").arg(locale.createSeparatedList(in.participants));
    // Participants who shared a calendar e-mail become attendees (invited only when asked).
    for (const QString &name : in.participants) {
        const Member *m = findMember(roomMembers, name);
        if (m && !m->email.isEmpty()) {
            Attendee a;
            a.email = m->email;
            a.name = m->name;
            event.attendees.append(a);
        }
    }

    QFrame *card = makeCard(QStringLiteral("scheduleCard"));
    auto *layout = new QVBoxLayout(card);
    auto *heading = addLabel(layout, card, QStringLiteral("cardHeading"),
        tr("Only you can see this. Create this event?"));
    heading->setStyleSheet(QStringLiteral("color: #555;"));
    auto *title = addLabel(layout, card, QStringLiteral("cardTitle"), event.title);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    if (event.start.isValid()) {
        QString when = tr("%1, %2–%3 (%4)")
                           .arg(locale.toString(event.start.date(), QLocale::LongFormat),
                               locale.toString(event.start.time(), QLocale::ShortFormat),
                               locale.toString(event.end.time(), QLocale::ShortFormat),
                               QString::fromUtf8(zone.id()));
        if (suggested)
            when += QLatin1Char(' ') + tr("— no time was given; change it with Edit…");
        addLabel(layout, card, QStringLiteral("cardWhen"), when);
    } else {
        addLabel(layout, card, QStringLiteral("cardWhen"),
            tr("No day or time was given — choose them with Edit…"));
    }
    const qint64 span = event.start.isValid() ? event.start.secsTo(event.end) / 60 : minutes;
    const int h = int(span / 60);
    const int m = int(span % 60);
    const QString duration = h == 0 ? tr("%1 min").arg(m)
        : m == 0                    ? tr("%1 h").arg(h)
                                    : tr("%1 h %2 min").arg(h).arg(m);
    addLabel(layout, card, QStringLiteral("cardDuration"), tr("Duration: %1").arg(duration));

    // Participants, matched to room members, with their own wall-clock time when their zone's
    // offset differs from the sender's at that moment.
    QStringList people;
    for (const QString &name : in.participants) {
        const Member *member = findMember(roomMembers, name);
        if (!member) {
            people << (m_members ? tr("%1 (not a member of this room)").arg(name) : name);
            continue;
        }
        if (!member->shared) {
            people << tr("%1 (has not shared availability; their time zone is unknown)")
                          .arg(member->name);
            continue;
        }
        const QTimeZone theirs = member->participant.zone;
        if (!event.start.isValid() || !theirs.isValid()
            || theirs.offsetFromUtc(event.start) == event.start.offsetFromUtc()) {
            people << member->name;
            continue;
        }
        const QDateTime s = event.start.toTimeZone(theirs);
        const QDateTime e = event.end.toTimeZone(theirs);
        const QString from = s.date() == event.start.date()
            ? locale.toString(s.time(), QLocale::ShortFormat)
            : locale.toString(s, QStringLiteral("ddd "))
                + locale.toString(s.time(), QLocale::ShortFormat);
        people << tr("%1 — %2–%3 their time (%4)")
                      .arg(member->name, from, locale.toString(e.time(), QLocale::ShortFormat),
                          scheduling::zonePlaceName(theirs));
    }
    addLabel(layout, card, QStringLiteral("cardParticipants"),
        people.isEmpty() ? tr("Participants: just you")
                         : tr("Participants: %1").arg(people.join(QStringLiteral("; "))));

    // Target calendar: every calendar the user may write to, the connected one first.
    auto *calendarRow = new QHBoxLayout;
    auto *calendarLabel = new QLabel(tr("Calendar:"), card);
    calendarLabel->setObjectName(QStringLiteral("cardCalendar"));
    auto *picker = new QComboBox(card);
    picker->setObjectName(QStringLiteral("calendarPicker"));
    picker->setAccessibleName(tr("Calendar"));
    const QList<Calendar> calendars = m_calendar.calendars();
    for (const Calendar &c : calendars) {
        if (!writable(c))
            continue;
        const QString where = c.kind == CalendarKind::Google ? tr("%1 (Google)").arg(c.name)
            : c.kind == CalendarKind::Microsoft              ? tr("%1 (Outlook)").arg(c.name)
                                                             : tr("%1 (this computer)").arg(c.name);
        picker->addItem(where, c.id);
    }
    picker->setCurrentIndex(std::max(0, picker->findData(event.calendarId)));
    calendarRow->addWidget(calendarLabel);
    calendarRow->addWidget(picker, 1);
    layout->addLayout(calendarRow);
    auto *invite = new QCheckBox(card);
    invite->setObjectName(QStringLiteral("sendInvitationsCheck"));
    invite->setChecked(false); // invitations leave only when asked
    layout->addWidget(invite);
    const auto calendarChanged = [this, picker, calendarLabel, invite, event]() {
        const QString id = picker->currentData().toString();
        bool provider = false;
        QString name = picker->currentText();
        const QList<Calendar> all = m_calendar.calendars();
        for (const Calendar &c : all) {
            if (c.id == id) {
                provider = !c.accountId.isEmpty();
                name = c.name;
            }
        }
        calendarLabel->setAccessibleName(tr("Calendar: %1").arg(name));
        QStringList emails;
        for (const Attendee &a : event.attendees)
            emails << a.email;
        invite->setText(tr("Send invitations to %1").arg(QLocale().createSeparatedList(emails)));
        invite->setVisible(provider && !emails.isEmpty());
        if (!invite->isVisible())
            invite->setChecked(false);
    };
    connect(picker, &QComboBox::currentIndexChanged, card, calendarChanged);
    calendarChanged();
    addConnectNote(layout, card);

    QStringList warnings;
    for (const QString &w : in.warnings) {
        if (w == QLatin1String("in_the_past"))
            warnings << tr("This time is in the past.");
        else if (w == QLatin1String("dst_gap"))
            warnings << tr("The time you wrote does not exist on that day (the clocks go "
                           "forward); the card shows the first time that does, %1. Check it, "
                           "or change it with Edit….")
                            .arg(locale.toString(event.start.time(), QLocale::ShortFormat));
        else if (w == QLatin1String("dst_fold"))
            warnings << tr("This time happens twice on that day (the clocks go back); the "
                           "card uses the first one.");
        else if (w == QLatin1String("invalid_date"))
            warnings << tr("This date does not exist.");
        else if (w == QLatin1String("unknown_participant"))
            warnings << tr("Someone named is not a member of this room.");
        else if (w == QLatin1String("day_assumed"))
            warnings << tr("No day was given, so the first day of that week was picked. Check "
                           "it, or change it with Edit….");
    }
    if (!warnings.isEmpty()) {
        auto *w = addLabel(
            layout, card, QStringLiteral("cardWarnings"), warnings.join(QLatin1Char(' ')));
        w->setStyleSheet(QStringLiteral("color: #b3261e;"));
    }
    auto *buttons = new QHBoxLayout;
    auto *create = new QPushButton(tr("Create"), card);
    create->setObjectName(QStringLiteral("createButton"));
    create->setEnabled(event.start.isValid());
    auto *edit = new QPushButton(tr("Edit…"), card);
    edit->setObjectName(QStringLiteral("editButton"));
    auto *dismiss = new QPushButton(tr("Dismiss"), card);
    dismiss->setObjectName(QStringLiteral("dismissButton"));
    buttons->addStretch(1);
    buttons->addWidget(create);
    buttons->addWidget(edit);
    buttons->addWidget(dismiss);
    layout->addLayout(buttons);

    const auto done = [this, card, layout, create, edit, picker, invite](const Event &stored) {
        create->hide();
        edit->hide();
        picker->setEnabled(false);
        invite->setEnabled(false);
        addLabel(layout, card, QStringLiteral("cardResult"),
            tr("Added “%1” to your calendar.").arg(stored.title));
        Q_EMIT eventCreated(stored.id);
    };
    connect(
        create, &QPushButton::clicked, card, [this, event, done, layout, card, picker, invite]() {
            Event e = event;
            e.calendarId = picker->currentData().toString();
            auto stored = createEvent(e, invite->isChecked());
            if (!stored) {
                addLabel(layout, card, QStringLiteral("cardResult"),
                    tr("The event could not be created: %1").arg(stored.error().message));
                return;
            }
            done(*stored);
        });
    connect(edit, &QPushButton::clicked, card, [this, event, done, card, picker]() {
        Event draft = event;
        draft.calendarId = picker->currentData().toString();
        if (!draft.start.isValid()) {
            const QDateTime now = Clock::nowUtc().toTimeZone(m_calendar.timeZone());
            draft.start
                = QDateTime(now.date(), QTime(now.time().hour(), 0), now.timeZone()).addSecs(3600);
            draft.end = draft.start.addSecs(kDefaultMinutes * 60);
        }
        auto *dialog = new EventDialog(
            draft, true, m_calendar.calendars(), m_calendar.timeZone(), card->window());
        dialog->setObjectName(QStringLiteral("chatEventDialog"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, card, [this, dialog, done, card]() {
            auto stored = createEvent(dialog->event(), dialog->sendInvitations());
            if (stored)
                done(*stored);
            else
                addLabel(qobject_cast<QVBoxLayout *>(card->layout()), card,
                    QStringLiteral("cardResult"),
                    tr("The event could not be created: %1").arg(stored.error().message));
        });
        dialog->open();
    });
    connect(dismiss, &QPushButton::clicked, card, &QObject::deleteLater);
    m_panel->addCard(card);
}

void CommandAssistant::showAgenda(const commands::Interpretation &in)
{
    if (!m_panel)
        return;
    const QTimeZone zone = m_calendar.timeZone();
    const QDateTime now = Clock::nowUtc().toTimeZone(zone);
    const QDateTime from = in.hasWindow() ? in.windowStart.toTimeZone(zone)
                                          : QDateTime(now.date(), QTime(0, 0), zone);
    const QDateTime to = in.hasWindow() && in.windowEnd.isValid() ? in.windowEnd.toTimeZone(zone)
                                                                  : from.addDays(1);
    QFrame *card = makeCard(QStringLiteral("agendaCard"));
    auto *layout = new QVBoxLayout(card);
    const QLocale locale;
    const QDate last = to.addMSecs(-1).date();
    const QString range = from.date() == last
        ? locale.toString(from.date(), QLocale::LongFormat)
        : tr("%1 – %2").arg(locale.toString(from.date(), QLocale::ShortFormat),
            locale.toString(last, QLocale::ShortFormat));
    auto *heading = addLabel(layout, card, QStringLiteral("agendaHeading"),
        tr("Your agenda, %1 (only you can see this)").arg(range));
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    auto occurrences
        = m_calendar.occurrencesBetween(from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch());
    QStringList lines;
    if (!occurrences) {
        lines << tr("Your calendar could not be read: %1").arg(occurrences.error().message);
    } else {
        QDate day;
        for (const Occurrence &o : *occurrences) {
            const QDate d = o.allDay ? o.startDate : o.start.toTimeZone(zone).date();
            if (from.date() != last && d != day) {
                day = d;
                lines << locale.toString(d, QStringLiteral("dddd d MMM"));
            }
            const QString title = o.title.isEmpty() ? tr("(No title)") : o.title;
            if (o.allDay)
                lines << tr("  All day  %1").arg(title);
            else
                lines << tr("  %1–%2  %3")
                             .arg(locale.toString(
                                      o.start.toTimeZone(zone).time(), QLocale::ShortFormat),
                                 locale.toString(
                                     o.end.toTimeZone(zone).time(), QLocale::ShortFormat),
                                 title);
        }
        if (occurrences->isEmpty())
            lines << tr("Nothing on your calendar.");
    }
    addLabel(layout, card, QStringLiteral("agendaList"), lines.join(QLatin1Char('\n')));
    addConnectNote(layout, card);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    auto *close = new QPushButton(tr("Dismiss"), card);
    close->setObjectName(QStringLiteral("dismissButton"));
    connect(close, &QPushButton::clicked, card, &QObject::deleteLater);
    row->addWidget(close);
    layout->addLayout(row);
    m_panel->addCard(card);
}

void CommandAssistant::showHelp()
{
    if (!m_panel)
        return;
    QFrame *card = makeCard(QStringLiteral("helpCard"));
    auto *layout = new QVBoxLayout(card);
    addLabel(layout, card, QStringLiteral("helpText"),
        tr("Calendar commands (only you see the answers):\n"
           "  Schedule a meeting tomorrow at 3pm — a card to create the event\n"
           "  What do I have tomorrow? — your agenda\n"
           "  /schedule, /agenda, /free, /help — explicit commands, not sent to the room"));
    auto *close = new QPushButton(tr("Dismiss"), card);
    close->setObjectName(QStringLiteral("dismissButton"));
    connect(close, &QPushButton::clicked, card, &QObject::deleteLater);
    layout->addWidget(close, 0, Qt::AlignRight);
    m_panel->addCard(card);
}

} // namespace kairos
