#include "chat/commandassistant.h"

#include "calendar/calendarservice.h"
#include "calendar/eventdialog.h"
#include "chat/chatpanel.h"
#include "commands/intentrecognizer.h"
#include "core/clock.h"
#include "room/memberlistmodel.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

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
    Event event;
    event.calendarId = CalendarService::localCalendarId();
    event.title = in.title.isEmpty() ? tr("Meeting") : in.title;
    const int minutes = in.durationMinutes > 0 ? in.durationMinutes : kDefaultMinutes;
    const bool suggested = !in.hasTime();
    event.start = (in.hasTime() ? in.start : in.windowStart).toTimeZone(zone);
    event.end = in.hasTime() && in.end.isValid() ? in.end.toTimeZone(zone)
                                                 : event.start.addSecs(qint64(minutes) * 60);
    if (!in.participants.isEmpty())
        event.description = tr("With %1").arg(QLocale().createSeparatedList(in.participants));
    QString calendarName = tr("My calendar");
    const QList<Calendar> calendars = m_calendar.calendars();
    for (const Calendar &c : calendars) {
        if (c.id == event.calendarId)
            calendarName = c.name;
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
        const QLocale locale;
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
    addLabel(layout, card, QStringLiteral("cardParticipants"),
        in.participants.isEmpty()
            ? tr("Participants: just you")
            : tr("Participants: %1").arg(QLocale().createSeparatedList(in.participants)));
    addLabel(layout, card, QStringLiteral("cardCalendar"), tr("Calendar: %1").arg(calendarName));
    QStringList warnings;
    for (const QString &w : in.warnings) {
        if (w == QLatin1String("in_the_past"))
            warnings << tr("This time is in the past.");
        else if (w == QLatin1String("dst_gap"))
            warnings << tr("This time does not exist on that day (clocks change).");
        else if (w == QLatin1String("dst_fold"))
            warnings << tr("This time happens twice on that day (clocks change).");
        else if (w == QLatin1String("invalid_date"))
            warnings << tr("This date does not exist.");
        else if (w == QLatin1String("unknown_participant"))
            warnings << tr("Someone named is not a member of this room.");
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

    const auto done = [this, card, layout, create, edit](const Event &stored) {
        create->hide();
        edit->hide();
        addLabel(layout, card, QStringLiteral("cardResult"),
            tr("Added “%1” to your calendar.").arg(stored.title));
        Q_EMIT eventCreated(stored.id);
    };
    connect(create, &QPushButton::clicked, card, [this, event, done, layout, card]() {
        auto stored = m_calendar.createEvent(event);
        if (!stored) {
            addLabel(layout, card, QStringLiteral("cardResult"),
                tr("The event could not be created: %1").arg(stored.error().message));
            return;
        }
        done(*stored);
    });
    connect(edit, &QPushButton::clicked, card, [this, event, done, card]() {
        Event draft = event;
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
            auto stored = m_calendar.createEvent(dialog->event());
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
