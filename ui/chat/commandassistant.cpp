#include "chat/commandassistant.h"

#include "calendar/calendarservice.h"
#include "calendar/eventdialog.h"
#include "chat/chatpanel.h"
#include "commands/intentrecognizer.h"
#include "core/clock.h"
#include "model/zonedtime.h"
#include "room/memberlistmodel.h"
#include "room/roomclient.h"
#include "scheduling/reasontext.h"
#include "team/bookingflow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSet>
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

//! A wall-clock time in the user's locale without seconds (the C locale's short format has
//! them).
QString clockText(QTime time)
{
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QLatin1String(":ss")).remove(QLatin1String(".ss"));
    return locale.toString(time, format);
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
    if (room::RoomClient *client = panel->client())
        connect(
            client, &room::RoomClient::extensionFrame, this, &CommandAssistant::onExtensionFrame);
}

CommandAssistant::~CommandAssistant()
{
    if (m_panel)
        m_panel->setSubmitHook({});
}

void CommandAssistant::setBookingFlow(BookingFlow *flow)
{
    m_booking = flow;
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
    WriteOptions options;
    options.sendUpdates = invite && !event.attendees.isEmpty();
    return m_calendar.createEvent(event, options);
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
    options.locale = QLocale(); // the profile's language and region (numeric date order)
    const commands::Interpretation in = commands::interpret(text, options);
    const bool slash = in.fromSlashCommand || text.trimmed().startsWith(QLatin1Char('/'));
    switch (in.intent) {
    case commands::Intent::Schedule:
        if (in.suggestion && !slash && m_panel) {
            // Looks like an event but was not asked for: a chip under the sender's own
            // message, the card only when it is clicked.
            m_panel->addChipToNextMessage(
                tr("Add to calendar?"), [self = QPointer<CommandAssistant>(this), in]() {
                    if (self)
                        self->showScheduleCard(in);
                });
        } else {
            showScheduleCard(in);
        }
        break;
    case commands::Intent::Agenda:
        showAgenda(in);
        break;
    case commands::Intent::Help:
        showHelp();
        break;
    case commands::Intent::Availability:
        answerAvailability(in, text);
        break;
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

    const QString suggestion = suggested ? pickSlot(in, event) : QString();

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
                               clockText(event.start.time()), clockText(event.end.time()),
                               QString::fromUtf8(zone.id()));
        if (suggested && suggestion.isEmpty())
            when += QLatin1Char(' ') + tr("— no time was given; change it with Edit…");
        addLabel(layout, card, QStringLiteral("cardWhen"), when);
        if (!suggestion.isEmpty())
            addLabel(layout, card, QStringLiteral("cardSuggestion"), suggestion);
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
            ? clockText(s.time())
            : locale.toString(s, QStringLiteral("ddd ")) + clockText(s.time());
        people << tr("%1 — %2–%3 their time (%4)")
                      .arg(member->name, from, clockText(e.time()),
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
                            .arg(clockText(event.start.time()));
        else if (w == QLatin1String("dst_fold"))
            warnings << tr("This time happens twice on that day (the clocks go back); the "
                           "card uses the first one.");
        else if (w == QLatin1String("invalid_date"))
            warnings << tr("This date does not exist.");
        else if (w == QLatin1String("unknown_participant"))
            warnings << tr("Someone you named is not a member of this room.");
        else if (w == QLatin1String("day_assumed"))
            warnings << tr("No day was given, so the first day of that week was picked. Check "
                           "it, or change it with Edit….");
        else if (w == QLatin1String("ambiguous_date"))
            warnings << tr("The date you wrote can be read two ways.");
    }
    if (!warnings.isEmpty()) {
        auto *w = addLabel(
            layout, card, QStringLiteral("cardWarnings"), warnings.join(QLatin1Char(' ')));
        w->setStyleSheet(QStringLiteral("color: #b3261e;"));
    }
    if (in.alternativeStart.isValid()) {
        // The other reading of a numeric date ("4/6"), one click away: the card is shown again
        // with it (and offers this one back).
        auto *other
            = new QPushButton(tr("Use %1 instead")
                                  .arg(locale.toString(in.alternativeStart.toTimeZone(zone).date(),
                                      QLocale::LongFormat)),
                card);
        other->setObjectName(QStringLiteral("cardAlternativeButton"));
        layout->addWidget(other, 0, Qt::AlignLeft);
        connect(other, &QPushButton::clicked, card, [this, card, in]() {
            commands::Interpretation swapped = in;
            if (in.hasTime()) {
                swapped.start = in.alternativeStart;
                swapped.end = in.alternativeEnd;
            } else {
                swapped.windowStart = in.alternativeStart;
                swapped.windowEnd = in.alternativeEnd;
            }
            swapped.alternativeStart = in.hasTime() ? in.start : in.windowStart;
            swapped.alternativeEnd = in.hasTime() ? in.end : in.windowEnd;
            card->hide();
            card->deleteLater();
            showScheduleCard(swapped);
        });
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
                             .arg(clockText(o.start.toTimeZone(zone).time()),
                                 clockText(o.end.toTimeZone(zone).time()), title);
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
        tr("Calendar commands (only you see the cards; free times go to the room):\n"
           "  Schedule a meeting tomorrow at 3pm — a card to create the event\n"
           "  What do I have tomorrow? — your agenda\n"
           "  When can we meet? / Is Bob free at 3? — free times, posted to the room\n"
           "  /schedule, /agenda, /free, /help — explicit commands, not sent to the room"));
    auto *close = new QPushButton(tr("Dismiss"), card);
    close->setObjectName(QStringLiteral("dismissButton"));
    connect(close, &QPushButton::clicked, card, &QObject::deleteLater);
    layout->addWidget(close, 0, Qt::AlignRight);
    m_panel->addCard(card);
}

QString CommandAssistant::selfName() const
{
    return m_panel && m_panel->client() ? m_panel->client()->selfName() : QString();
}

QList<commands::MemberState> CommandAssistant::memberStates(
    const QDateTime &from, const QDateTime &to, bool forRoom) const
{
    QList<commands::MemberState> out;
    const QString self = selfName();
    bool haveSelf = false;
    const QList<Member> list = members();
    for (const Member &m : list) {
        commands::MemberState st;
        st.participant = m.participant;
        st.participant.name = m.name;
        st.participant.availabilityKnown = m.shared;
        st.shared = m.shared;
        st.madeAt = m.madeAt;
        // Sharing turned off: what goes to the room must not reveal this user's busy times.
        haveSelf
            = haveSelf || (m.name.compare(self, Qt::CaseInsensitive) == 0 && (m.shared || forRoom));
        out << st;
    }
    // Room members the source does not know (or no source at all): not shared.
    const QStringList roomNames = memberNames();
    for (const QString &name : roomNames) {
        const bool known
            = std::any_of(out.cbegin(), out.cend(), [&](const commands::MemberState &m) {
                  return m.participant.name.compare(name, Qt::CaseInsensitive) == 0;
              });
        if (!known) {
            commands::MemberState st;
            st.participant.name = name;
            st.participant.availabilityKnown = false;
            out << st;
        }
    }
    if (!haveSelf && !self.isEmpty()) {
        // This user's own busy times straight from the calendars that count for availability.
        commands::MemberState st;
        st.shared = true;
        st.madeAt = Clock::nowUtc();
        st.participant.name = self;
        st.participant.zone = m_calendar.timeZone();
        QSet<QString> counted;
        const QList<Calendar> calendars = m_calendar.calendars();
        for (const Calendar &c : calendars) {
            if (c.countsForAvailability)
                counted.insert(c.id);
        }
        auto occurrences
            = m_calendar.occurrencesBetween(from.toMSecsSinceEpoch(), to.toMSecsSinceEpoch());
        if (occurrences) {
            for (const Occurrence &o : *occurrences) {
                if (o.allDay || o.transparency == Transparency::Transparent
                    || o.status == EventStatus::Cancelled || !counted.contains(o.calendarId))
                    continue;
                st.participant.busy.append({ o.interval(),
                    o.status == EventStatus::Tentative ? scheduling::BusyStatus::Tentative
                                                       : scheduling::BusyStatus::Busy });
            }
        }
        out.erase(std::remove_if(out.begin(), out.end(),
                      [&](const commands::MemberState &m) {
                          return m.participant.name.compare(self, Qt::CaseInsensitive) == 0;
                      }),
            out.end());
        out.prepend(st);
    }
    return out;
}

QString CommandAssistant::pickSlot(const commands::Interpretation &in, Event &event) const
{
    const bool meal = in.dailyWindowFrom >= 0 && in.dailyWindowTo > in.dailyWindowFrom;
    if (!in.hasWindow() || (!meal && in.participants.isEmpty()))
        return QString();
    const QTimeZone zone = m_calendar.timeZone();
    const QDateTime now = Clock::nowUtc().toTimeZone(zone);
    // A meal's window is read in each person's own zone: search the whole days around it.
    QDateTime from = in.windowStart.toTimeZone(zone);
    QDateTime to = in.windowEnd.toTimeZone(zone);
    if (meal) {
        from = startOfDay(from.date(), zone);
        to = startOfDay(to.addMSecs(-1).date().addDays(1), zone);
    }
    from = std::max(from, now);
    if (from >= to)
        return QString();
    const QList<commands::MemberState> states = memberStates(from, to, false);
    QStringList names { selfName() };
    names << in.participants;
    QList<scheduling::Participant> people;
    QStringList unknown;
    for (const QString &name : std::as_const(names)) {
        if (name.isEmpty())
            continue;
        const auto it
            = std::find_if(states.cbegin(), states.cend(), [&](const commands::MemberState &m) {
                  return m.participant.name.compare(name, Qt::CaseInsensitive) == 0;
              });
        scheduling::Participant p;
        if (it != states.cend() && it->shared) {
            p = it->participant;
        } else {
            p.name = name;
            p.availabilityKnown = false;
            unknown << name;
        }
        people << p;
    }
    const int minutes = in.durationMinutes > 0 ? in.durationMinutes : kDefaultMinutes;
    // A meal: its daily window in each one's own zone. Otherwise everyone's working hours.
    const Expected<scheduling::SlotResult> found = meal
        ? commands::findInDailyWindow(
            people, from, to, minutes, in.dailyWindowFrom, in.dailyWindowTo, zone, 1)
        : [&]() {
              scheduling::SlotRequest request;
              const QTime t = from.time();
              const QDateTime start = from.addMSecs(-qint64(t.second()) * 1000 - t.msec()
                  + qint64((15 - t.minute() % 15) % 15) * 60000);
              request.window = Interval::fromDateTimes(start, std::max(start, to));
              request.durationMs = qint64(minutes) * 60000;
              request.participants = people;
              commands::applyDefaultWorkingHours(request.participants);
              scheduling::SlotOptions options;
              options.maxSuggestions = 1;
              options.displayZone = zone;
              return scheduling::SlotFinder::find(request, options);
          }();
    const QLocale locale;
    const QString window = meal
        ? tr("%1–%2").arg(clockText(QTime(0, 0).addSecs(in.dailyWindowFrom * 60)),
            clockText(QTime(0, 0).addSecs(in.dailyWindowTo * 60)))
        : QString();
    QString note;
    if (found && !found->suggestions.isEmpty()) {
        const Interval slot = found->suggestions.first().interval;
        event.start = QDateTime::fromMSecsSinceEpoch(slot.start, zone);
        event.end = QDateTime::fromMSecsSinceEpoch(slot.end, zone);
        note = meal ? tr("Picked the best time when everyone named is free, between %1 in each "
                         "person's own time zone.")
                          .arg(window)
                    : tr("Picked the best time when everyone named is free and inside working "
                         "hours.");
    } else {
        note = meal ? tr("No time between %1 (in each person's own time zone) suits everyone "
                         "named; the card shows the start of the window. Change it with Edit….")
                          .arg(window)
                    : tr("No time in that window suits everyone named; the card shows its "
                         "start. Change it with Edit….");
    }
    if (!unknown.isEmpty())
        note += QLatin1Char(' ')
            + tr("Not known: %1 (no shared availability).")
                  .arg(locale.createSeparatedList(unknown));
    return note;
}

void CommandAssistant::openBooking(
    const Event &draft, QWidget *card, const std::function<void(const Event &)> &done)
{
    auto *dialog = new EventDialog(
        draft, true, m_calendar.calendars(), m_calendar.timeZone(), card->window());
    dialog->setObjectName(QStringLiteral("chatEventDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, card, [this, dialog, done, card]() {
        auto stored = createEvent(dialog->event(), dialog->sendInvitations());
        if (stored) {
            done(*stored);
            return;
        }
        if (auto *layout = qobject_cast<QVBoxLayout *>(card->layout()))
            addLabel(layout, card, QStringLiteral("cardResult"),
                tr("The event could not be created: %1").arg(stored.error().message));
    });
    dialog->open();
}

void CommandAssistant::answerAvailability(const commands::Interpretation &in, const QString &text)
{
    if (!m_panel || !m_panel->client())
        return;
    const QTimeZone zone = m_calendar.timeZone();
    const QDateTime now = Clock::nowUtc().toTimeZone(zone);
    const QDateTime to = in.windowEnd.isValid() ? in.windowEnd : now.addDays(7);
    auto answer
        = commands::answerAvailability(in, memberStates(now, to, true), selfName(), now, zone);
    if (!answer) {
        QFrame *card = makeCard(QStringLiteral("availabilityError"));
        auto *layout = new QVBoxLayout(card);
        addLabel(layout, card, QStringLiteral("availabilityText"),
            tr("Free times could not be worked out: %1").arg(answer.error().message));
        auto *close = new QPushButton(tr("Dismiss"), card);
        close->setObjectName(QStringLiteral("dismissButton"));
        connect(close, &QPushButton::clicked, card, &QObject::deleteLater);
        layout->addWidget(close, 0, Qt::AlignRight);
        m_panel->addCard(card);
        return;
    }
    answer->question = text.trimmed().left(500);
    // A team question: the answer goes to the whole room (relayed, docs/protocol.md).
    const QJsonObject frame { { QStringLiteral("type"), QLatin1String(kAnswerFrame) },
        { QStringLiteral("answer"), answer->toJson() } };
    const bool posted = m_panel->client()->sendExtension(frame);
    showAvailabilityAnswer(*answer);
    if (!posted) {
        if (QWidget *card = m_panel->cards().value(m_panel->cards().size() - 1)) {
            if (auto *layout = qobject_cast<QVBoxLayout *>(card->layout()))
                addLabel(layout, card, QStringLiteral("availabilityNotPosted"),
                    tr("The room is not connected, so only you can see this answer."));
        }
    }
    if (!calendarConnected()) {
        QFrame *card = makeCard(QStringLiteral("connectCalendarCard"));
        auto *layout = new QVBoxLayout(card);
        addConnectNote(layout, card);
        auto *close = new QPushButton(tr("Dismiss"), card);
        close->setObjectName(QStringLiteral("dismissButton"));
        connect(close, &QPushButton::clicked, card, &QObject::deleteLater);
        layout->addWidget(close, 0, Qt::AlignRight);
        m_panel->addCard(card);
    }
}

void CommandAssistant::onExtensionFrame(const QJsonObject &frame)
{
    if (frame.value(QLatin1String("type")).toString() != QLatin1String(kAnswerFrame))
        return;
    auto answer
        = commands::AvailabilityAnswer::fromJson(frame.value(QLatin1String("answer")).toObject());
    if (!answer)
        return;
    // The server names the sender; an answer cannot speak for someone else.
    answer->asker = frame.value(QLatin1String("from")).toString(answer->asker);
    showAvailabilityAnswer(*answer);
}

void CommandAssistant::showAvailabilityAnswer(const commands::AvailabilityAnswer &a)
{
    if (!m_panel)
        return;
    const QTimeZone zone = m_calendar.timeZone();
    const QLocale locale;
    const QString me = selfName();
    const auto dayTime = [&](const QDateTime &t) -> QString {
        const QDateTime l = t.toTimeZone(zone);
        return locale.toString(l.date(), QStringLiteral("ddd d MMM")) + QLatin1Char(' ')
            + clockText(l.time());
    };
    const auto range = [&](const QDateTime &s, const QDateTime &e) -> QString {
        return tr("%1–%2").arg(dayTime(s), clockText(e.toTimeZone(zone).time()));
    };
    const auto list = [&](const QStringList &names) {
        QStringList shown;
        for (const QString &n : names)
            shown << (n.compare(me, Qt::CaseInsensitive) == 0 ? tr("you") : n);
        return locale.createSeparatedList(shown);
    };
    const auto reason = [&](const commands::AvailabilityAnswer::Slot &s) -> QString {
        QStringList parts;
        if (s.everyoneFree())
            parts << (s.unknown.isEmpty() ? tr("everyone free") : tr("everyone else free"));
        if (!s.busy.isEmpty())
            parts << tr("busy: %1").arg(list(s.busy));
        if (!s.outOfOffice.isEmpty())
            parts << tr("out of office: %1").arg(list(s.outOfOffice));
        if (!s.tentative.isEmpty())
            parts << tr("tentative: %1").arg(list(s.tentative));
        if (!s.outsideHours.isEmpty())
            parts << tr("outside working hours: %1").arg(list(s.outsideHours));
        if (!s.unknown.isEmpty())
            parts << tr("unknown: %1").arg(list(s.unknown));
        // Local times of the people whose clocks differ from the viewer's at that moment.
        for (const auto &[name, id] : a.zones) {
            const QTimeZone theirs(id);
            if (name.compare(me, Qt::CaseInsensitive) == 0 || !theirs.isValid()
                || theirs.offsetFromUtc(s.start) == zone.offsetFromUtc(s.start))
                continue;
            parts << tr("%1 for %2 (%3)")
                         .arg(clockText(s.start.toTimeZone(theirs).time()), name,
                             scheduling::zonePlaceName(theirs));
        }
        return parts.join(QStringLiteral("; "));
    };
    // What a Book button books: the asked title with the people the answer is about (the
    // asker included when it is someone else), their shared e-mails as attendees.
    QStringList others;
    for (const QString &n : a.participants) {
        if (n.compare(me, Qt::CaseInsensitive) != 0)
            others << n;
    }
    if (a.asker.compare(me, Qt::CaseInsensitive) != 0 && !others.contains(a.asker))
        others.prepend(a.asker);
    const QList<Member> roomMembers = members();
    const QString title = others.isEmpty()
        ? a.title
        : tr("%1 with %2").arg(a.title, QLocale().createSeparatedList(others));
    const auto draftFor
        = [this, title, others, roomMembers](const QDateTime &s, const QDateTime &e) {
              Event draft;
              draft.calendarId = defaultCalendarId();
              draft.title = title;
              draft.start = s.toTimeZone(m_calendar.timeZone());
              draft.end = e.toTimeZone(m_calendar.timeZone());
              for (const QString &n : others) {
                  const Member *m = findMember(roomMembers, n);
                  if (m && !m->email.isEmpty()) {
                      Attendee at;
                      at.email = m->email;
                      at.name = m->name;
                      draft.attendees << at;
                  }
              }
              return draft;
          };

    QFrame *card = makeCard(QStringLiteral("availabilityCard"));
    card->setProperty("answerId", a.id);
    auto *layout = new QVBoxLayout(card);
    const bool own = a.asker.compare(me, Qt::CaseInsensitive) == 0;
    auto *heading = addLabel(layout, card, QStringLiteral("availabilityHeading"),
        own ? tr("You asked the room: “%1”").arg(a.question)
            : tr("%1 asked the room: “%2”").arg(a.asker, a.question));
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    const auto addBook = [this, card, draftFor, title, others, roomMembers](
                             QHBoxLayout *row, const QDateTime &s, const QDateTime &e) {
        auto *book = new QPushButton(tr("Book"), card);
        book->setObjectName(QStringLiteral("bookButton"));
        book->setProperty("slotStart", s);
        connect(book, &QPushButton::clicked, card,
            [this, card, draftFor, title, others, roomMembers, s, e, book]() {
                const auto booked = [this, book, card](const Event &stored) {
                    book->setEnabled(false);
                    book->setText(tr("Booked"));
                    if (auto *layout = qobject_cast<QVBoxLayout *>(card->layout()))
                        addLabel(layout, card, QStringLiteral("cardResult"),
                            tr("Added “%1” to your calendar.").arg(stored.title));
                    Q_EMIT eventCreated(stored.id);
                };
                if (!m_booking) {
                    openBooking(draftFor(s, e), card, booked);
                    return;
                }
                // The team's booking flow: the prefilled dialog, then a proposal card in the
                // room for everyone to add.
                BookingRequest request;
                request.title = title;
                request.start = s;
                request.end = e;
                for (const QString &n : others) {
                    const Member *m = findMember(roomMembers, n);
                    request.participants.append(
                        { m ? m->name : n, m ? m->email : QString(), true });
                }
                EventDialog *dialog = m_booking->open(request, card->window());
                auto connection = std::make_shared<QMetaObject::Connection>();
                *connection = connect(m_booking, &BookingFlow::booked, card,
                    [connection, booked](const Event &stored, const QString &) {
                        QObject::disconnect(*connection);
                        booked(stored);
                    });
                if (dialog)
                    connect(dialog, &QDialog::rejected, card,
                        [connection]() { QObject::disconnect(*connection); });
            });
        row->addWidget(book, 0, Qt::AlignTop);
    };

    if (a.kind == commands::AvailabilityAnswer::Kind::Check) {
        QStringList lines;
        for (const commands::AvailabilityAnswer::Person &p : a.people) {
            const bool you = p.name.compare(me, Qt::CaseInsensitive) == 0;
            if (p.availability == QLatin1String("unknown"))
                lines << (you ? tr("Unknown — you have not shared availability.")
                              : tr("Unknown — %1 has not shared availability.").arg(p.name));
            else if (p.availability == QLatin1String("busy"))
                lines << (you ? tr("No — you are busy then.")
                              : tr("No — %1 is busy then.").arg(p.name));
            else if (p.availability == QLatin1String("out_of_office"))
                lines << (you ? tr("No — you are out of office then.")
                              : tr("No — %1 is out of office then.").arg(p.name));
            else if (!p.insideWorkingHours)
                lines << (you ? tr("No — that is outside your working hours.")
                              : tr("No — that is outside %1's working hours.").arg(p.name));
            else if (p.availability == QLatin1String("tentative"))
                lines << (you ? tr("Maybe — you have something tentative then.")
                              : tr("Maybe — %1 has something tentative then.").arg(p.name));
            else
                lines << (you ? tr("Yes — you are free then.")
                              : tr("Yes — %1 is free then.").arg(p.name));
        }
        addLabel(layout, card, QStringLiteral("availabilityWhen"), range(a.start, a.end));
        auto *row = new QHBoxLayout;
        auto *text = addLabel(
            layout, card, QStringLiteral("availabilityCheck"), lines.join(QLatin1Char('\n')));
        layout->removeWidget(text);
        row->addWidget(text, 1);
        if (a.allFree() && !a.people.isEmpty())
            addBook(row, a.start, a.end);
        layout->addLayout(row);
    } else {
        addLabel(layout, card, QStringLiteral("availabilityIntro"),
            tr("Free times for %1 (%2 min), in your time zone:")
                .arg(list(a.participants))
                .arg(a.durationMinutes));
        for (const commands::AvailabilityAnswer::Slot &s : a.slots) {
            auto *row = new QHBoxLayout;
            auto *text = new QLabel(tr("%1 — %2").arg(range(s.start, s.end), reason(s)), card);
            text->setObjectName(QStringLiteral("availabilitySlot"));
            text->setWordWrap(true);
            text->setTextFormat(Qt::PlainText);
            row->addWidget(text, 1);
            addBook(row, s.start, s.end);
            layout->addLayout(row);
        }
        if (a.slots.isEmpty()) {
            QString why;
            if (a.nothing == QLatin1String("empty_window"))
                why = tr("No time fits: the window is too short or already over.");
            else if (a.nothing == QLatin1String("participant_unavailable"))
                why = tr("No time fits: %1 has no free time in this window.").arg(list(a.blockers));
            else if (a.nothing == QLatin1String("no_common_working_hours"))
                why = tr("No time fits: the working hours of %1 never overlap in this window.")
                          .arg(list(a.blockers));
            else
                why = tr("No time fits: someone among %1 is always busy when the others are free.")
                          .arg(list(a.blockers));
            if (a.nearest)
                why += QLatin1Char(' ')
                    + tr("Closest: %1 (%2).")
                          .arg(range(a.nearest->start, a.nearest->end), reason(*a.nearest));
            addLabel(layout, card, QStringLiteral("availabilityNothing"), why);
        }
    }
    QStringList notes;
    const QDateTime now = Clock::nowUtc();
    for (const commands::AvailabilityAnswer::Stale &s : a.stale) {
        const qint64 hours = std::max<qint64>(1, s.madeAt.secsTo(now) / 3600);
        const qint64 days = hours / 24;
        const QString age = days >= 2 ? tr("%1 days").arg(days)
            : days == 1               ? tr("1 day")
            : hours == 1              ? tr("1 hour")
                                      : tr("%1 hours").arg(hours);
        notes << (s.name.compare(me, Qt::CaseInsensitive) == 0
                ? tr("Your availability is from %1 ago.").arg(age)
                : tr("%1's availability is from %2 ago.").arg(s.name, age));
    }
    for (const QString &n : a.missing)
        notes << (n.compare(me, Qt::CaseInsensitive) == 0
                ? tr("You have not shared availability.")
                : tr("%1 has not shared availability.").arg(n));
    if (!notes.isEmpty()) {
        auto *l = addLabel(
            layout, card, QStringLiteral("availabilityNotes"), notes.join(QLatin1Char(' ')));
        l->setStyleSheet(QStringLiteral("color: #7a4d00;"));
    }
    auto *close = new QPushButton(tr("Dismiss"), card);
    close->setObjectName(QStringLiteral("dismissButton"));
    connect(close, &QPushButton::clicked, card, &QObject::deleteLater);
    layout->addWidget(close, 0, Qt::AlignRight);
    m_panel->addCard(card);
}

} // namespace kairos
