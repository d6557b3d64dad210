#include "team/findtimedialog.h"

#include "calendar/viewhelpers.h"
#include "core/clock.h"
#include "model/zonedtime.h"
#include "scheduling/reasontext.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace kairos {

namespace {

using A = scheduling::ParticipantSlotInfo::Availability;
constexpr qint64 kMinute = 60 * 1000;

QString who(const scheduling::ParticipantSlotInfo &i)
{
    return i.required ? i.name : FindTimeDialog::tr("%1 (optional)").arg(i.name);
}

QString names(const QStringList &list)
{
    return QLocale().createSeparatedList(list);
}

} // namespace

// ---- texts made from the structures ---------------------------------------------------------

QString FindTimeDialog::clockText(QTime time)
{
    // The locale's short time without seconds (the C locale's short format has them).
    const QLocale locale;
    QString format = locale.timeFormat(QLocale::ShortFormat);
    format.remove(QLatin1String(":ss")).remove(QLatin1String(".ss"));
    return locale.toString(time, format);
}

QString FindTimeDialog::shortDateTime(qint64 ms, const QTimeZone &zone)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(ms, zone);
    const QLocale locale;
    return tr("%1 %2", "weekday and date, then time: Mon 8 Dec 16:00")
        .arg(locale.toString(dt.date(), QStringLiteral("ddd d MMM")), clockText(dt.time()));
}

QString FindTimeDialog::reasonText(const scheduling::SlotReason &reason)
{
    const QLocale locale;
    QStringList parts;
    QStringList unknown;
    for (const auto &i : reason.participants) {
        switch (i.availability) {
        case A::Busy:
            parts << tr("%1 busy").arg(who(i));
            break;
        case A::OutOfOffice:
            parts << tr("%1 out of office").arg(who(i));
            break;
        case A::Tentative:
            parts << tr("%1 tentative").arg(who(i));
            break;
        case A::Unknown:
            unknown << i.name;
            break;
        case A::Free:
            break;
        }
    }
    if (parts.isEmpty())
        parts << (reason.unknown > 0 ? tr("everyone else free") : tr("everyone free"));
    if (reason.everyoneInsideWorkingHours())
        parts << tr("inside everyone's working hours");
    for (const auto &i : reason.participants) {
        if (i.availability == A::Unknown)
            continue;
        const QString clock = clockText(i.localStart.time());
        const QString place = scheduling::zonePlaceName(i.localStart.timeZone());
        if (!i.insideWorkingHours)
            parts << tr("%1 for %2 in %3, outside working hours").arg(clock, who(i), place);
        else if (i.atEdgeOfDay)
            parts << tr("%1 for %2 in %3").arg(clock, who(i), place);
    }
    if (unknown.size() == 1)
        parts << tr("%1's availability unknown").arg(unknown.first());
    else if (unknown.size() > 1)
        parts << tr("availability unknown for %1").arg(names(unknown));
    return parts.join(tr(", ", "between the parts of a reason"));
}

QString FindTimeDialog::explanationText(
    const scheduling::NoSlotExplanation &ex, const QTimeZone &zone, const QString &window)
{
    using K = scheduling::NoSlotExplanation::Kind;
    using C = scheduling::NoSlotExplanation::Blocker::Cause;
    QString text;
    switch (ex.kind) {
    case K::None:
        return {};
    case K::EmptyWindow:
        return tr("The chosen time span is shorter than the meeting.");
    case K::ParticipantUnavailable: {
        QStringList pieces;
        for (const auto &b : ex.blockers) {
            switch (b.cause) {
            case C::NoWorkingHours:
                pieces << tr("%1 has no working hours %2").arg(b.name, window);
                break;
            case C::OutOfOffice:
                pieces << tr("%1 is out of office all of %2").arg(b.name, window);
                break;
            case C::Busy:
                pieces << tr("%1 has no free time inside working hours %2").arg(b.name, window);
                break;
            }
        }
        text = pieces.join(tr("; "));
        break;
    }
    case K::NoCommonWorkingHours:
        text = ex.participants.size() == 2
            ? tr("No hour %1 when %2 and %3 are both inside working hours")
                  .arg(window, ex.participants.at(0), ex.participants.at(1))
            : tr("No hour %1 when %2 are all inside working hours")
                  .arg(window, names(ex.participants));
        break;
    case K::NoCommonFreeTime:
        if (ex.participants.size() == 1)
            text = tr("No free time %1 for %2").arg(window, ex.participants.first());
        else if (ex.participants.size() == 2)
            text = tr("No hour %1 when %2 and %3 are both free inside working hours")
                       .arg(window, ex.participants.at(0), ex.participants.at(1));
        else
            text = tr("No hour %1 when %2 are all free inside working hours")
                       .arg(window, names(ex.participants));
        break;
    }
    if (ex.nearest)
        text = tr("%1; nearest: %2 (%3)")
                   .arg(text, shortDateTime(ex.nearest->interval.start, zone),
                       reasonText(ex.nearest->reason));
    return text;
}

QString FindTimeDialog::availabilityNote(const FindTimeMember &m, const QDateTime &now)
{
    if (!m.shared)
        return tr("%1 has not shared availability").arg(m.name);
    if (!m.madeAt.isValid())
        return {};
    const qint64 secs = m.madeAt.secsTo(now);
    if (secs >= 2 * 24 * 3600)
        return tr("availability from %n day(s) ago", nullptr, int(secs / (24 * 3600)));
    if (secs >= 12 * 3600)
        return tr("availability from %n hour(s) ago", nullptr, int(secs / 3600));
    return {};
}

// ---- the dialog -----------------------------------------------------------------------------

FindTimeDialog::FindTimeDialog(
    const QList<FindTimeMember> &members, const QTimeZone &viewerZone, QWidget *parent)
    : QDialog(parent)
    , m_zone(viewerZone)
{
    setObjectName(QStringLiteral("findTimeDialog"));
    setWindowTitle(tr("Find a time"));
    auto *layout = new QVBoxLayout(this);

    auto *form = new QFormLayout;
    m_title = new QLineEdit(tr("Meeting"), this);
    m_title->setObjectName(QStringLiteral("titleEdit"));
    form->addRow(tr("Title"), m_title);

    m_duration = new QComboBox(this);
    m_duration->setObjectName(QStringLiteral("durationCombo"));
    for (int m : { 15, 30, 45, 60, 90, 120, 180 })
        m_duration->addItem(
            m < 60 || m % 60 ? tr("%n minute(s)", nullptr, m) : tr("%n hour(s)", nullptr, m / 60),
            m);
    m_duration->setCurrentIndex(m_duration->findData(60));

    m_granularity = new QComboBox(this);
    m_granularity->setObjectName(QStringLiteral("granularityCombo"));
    for (int m : { 15, 30, 60 })
        m_granularity->addItem(tr("every %n minute(s)", nullptr, m), m);
    m_granularity->setCurrentIndex(m_granularity->findData(30));
    auto *durationRow = new QHBoxLayout;
    durationRow->addWidget(m_duration);
    durationRow->addWidget(new QLabel(tr("starting"), this));
    durationRow->addWidget(m_granularity);
    durationRow->addStretch(1);
    form->addRow(tr("Duration"), durationRow);

    m_window = new QComboBox(this);
    m_window->setObjectName(QStringLiteral("windowCombo"));
    m_window->addItem(tr("This week"), int(Window::ThisWeek));
    m_window->addItem(tr("Next week"), int(Window::NextWeek));
    m_window->addItem(tr("Custom range"), int(Window::Custom));
    const QDate today = Clock::nowUtc().toTimeZone(m_zone).date();
    m_from = new QDateEdit(today, this);
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_from->setCalendarPopup(true);
    m_to = new QDateEdit(today.addDays(6), this);
    m_to->setObjectName(QStringLiteral("toDate"));
    m_to->setCalendarPopup(true);
    auto *windowRow = new QHBoxLayout;
    windowRow->addWidget(m_window);
    windowRow->addWidget(m_from);
    windowRow->addWidget(new QLabel(tr("to"), this));
    windowRow->addWidget(m_to);
    windowRow->addStretch(1);
    form->addRow(tr("When"), windowRow);
    layout->addLayout(form);

    auto *peopleLabel = new QLabel(tr("Who"), this);
    layout->addWidget(peopleLabel);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("memberTable"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({ tr("Member"), tr("Attendance"), tr("Availability") });
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMinimumHeight(120);
    peopleLabel->setBuddy(m_table);
    layout->addWidget(m_table, 1);

    auto *suggestionsLabel = new QLabel(tr("Suggestions"), this);
    layout->addWidget(suggestionsLabel);
    m_zoneNote = new QLabel(this);
    m_zoneNote->setObjectName(QStringLiteral("zoneNote"));
    m_zoneNote->setText(tr("Times in %1").arg(scheduling::zonePlaceName(m_zone)));
    QFont small = m_zoneNote->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_zoneNote->setFont(small);
    layout->addWidget(m_zoneNote);
    m_suggestions = new QListWidget(this);
    m_suggestions->setObjectName(QStringLiteral("suggestionList"));
    m_suggestions->setWordWrap(true);
    m_suggestions->setMinimumHeight(140);
    suggestionsLabel->setBuddy(m_suggestions);
    layout->addWidget(m_suggestions, 2);
    m_explanation = new QLabel(this);
    m_explanation->setObjectName(QStringLiteral("explanationLabel"));
    m_explanation->setTextFormat(Qt::PlainText);
    m_explanation->setWordWrap(true);
    m_explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_explanation->setVisible(false);
    layout->addWidget(m_explanation);

    auto *buttons = new QDialogButtonBox(this);
    m_book = buttons->addButton(tr("Book…"), QDialogButtonBox::AcceptRole);
    m_book->setObjectName(QStringLiteral("bookButton"));
    m_book->setEnabled(false);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    layout->addWidget(buttons);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &FindTimeDialog::recompute);
    connect(m_duration, &QComboBox::currentIndexChanged, this, &FindTimeDialog::scheduleRecompute);
    connect(
        m_granularity, &QComboBox::currentIndexChanged, this, &FindTimeDialog::scheduleRecompute);
    connect(m_window, &QComboBox::currentIndexChanged, this, [this]() {
        updateWindowWidgets();
        scheduleRecompute();
    });
    connect(m_from, &QDateEdit::dateChanged, this, &FindTimeDialog::scheduleRecompute);
    connect(m_to, &QDateEdit::dateChanged, this, &FindTimeDialog::scheduleRecompute);
    connect(m_suggestions, &QListWidget::currentRowChanged, this,
        [this](int row) { m_book->setEnabled(row >= 0 && row < m_result.suggestions.size()); });
    connect(m_suggestions, &QListWidget::itemDoubleClicked, m_book, &QPushButton::click);
    connect(m_book, &QPushButton::clicked, this, [this]() {
        const int row = m_suggestions->currentRow();
        if (row < 0 || row >= m_result.suggestions.size())
            return;
        Q_EMIT bookRequested(bookingFor(row));
        accept();
    });
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    m_members = members;
    rebuildTable();
    updateWindowWidgets();
    resize(640, 620);
    recompute();
}

FindTimeDialog::~FindTimeDialog() = default;

void FindTimeDialog::setMembers(const QList<FindTimeMember> &members)
{
    QHash<QString, Role> roles;
    for (const FindTimeMember &m : std::as_const(m_members))
        roles.insert(m.name, role(m.name));
    m_members = members;
    rebuildTable();
    for (auto it = roles.cbegin(); it != roles.cend(); ++it)
        setRole(it.key(), it.value());
    scheduleRecompute();
}

void FindTimeDialog::rebuildTable()
{
    const QDateTime now = Clock::nowUtc();
    m_table->setRowCount(int(m_members.size()));
    for (int row = 0; row < m_members.size(); ++row) {
        const FindTimeMember &m = m_members.at(row);
        auto *name = new QTableWidgetItem(m.self ? tr("%1 (you)").arg(m.name) : m.name);
        m_table->setItem(row, 0, name);
        auto *combo = new QComboBox(m_table);
        combo->setObjectName(QStringLiteral("role:") + m.name);
        combo->addItem(tr("Required"), int(Role::Required));
        combo->addItem(tr("Optional"), int(Role::Optional));
        combo->addItem(tr("Not invited"), int(Role::NotInvited));
        combo->setAccessibleName(tr("Attendance of %1").arg(m.name));
        connect(combo, &QComboBox::currentIndexChanged, this, &FindTimeDialog::scheduleRecompute);
        m_table->setCellWidget(row, 1, combo);
        QString note = availabilityNote(m, now);
        if (note.isEmpty())
            note = tr("shared (%1)").arg(scheduling::zonePlaceName(m.participant.zone));
        auto *noteItem = new QTableWidgetItem(note);
        if (!m.shared || !availabilityNote(m, now).isEmpty())
            noteItem->setForeground(QColor(0x9a, 0x5b, 0x00));
        m_table->setItem(row, 2, noteItem);
    }
    m_table->resizeColumnsToContents();
}

void FindTimeDialog::setRole(const QString &name, Role r)
{
    if (auto *combo = m_table->findChild<QComboBox *>(QStringLiteral("role:") + name))
        combo->setCurrentIndex(combo->findData(int(r)));
}

FindTimeDialog::Role FindTimeDialog::role(const QString &name) const
{
    if (auto *combo = m_table->findChild<QComboBox *>(QStringLiteral("role:") + name))
        return Role(combo->currentData().toInt());
    return Role::NotInvited;
}

void FindTimeDialog::setDurationMinutes(int minutes)
{
    int i = m_duration->findData(minutes);
    if (i < 0) {
        m_duration->addItem(tr("%n minute(s)", nullptr, minutes), minutes);
        i = m_duration->count() - 1;
    }
    m_duration->setCurrentIndex(i);
}

void FindTimeDialog::setGranularityMinutes(int minutes)
{
    int i = m_granularity->findData(minutes);
    if (i < 0) {
        m_granularity->addItem(tr("every %n minute(s)", nullptr, minutes), minutes);
        i = m_granularity->count() - 1;
    }
    m_granularity->setCurrentIndex(i);
}

void FindTimeDialog::setWindow(Window w)
{
    m_window->setCurrentIndex(m_window->findData(int(w)));
}

void FindTimeDialog::setCustomRange(QDate from, QDate to)
{
    m_from->setDate(from);
    m_to->setDate(to);
    setWindow(Window::Custom);
}

void FindTimeDialog::setMeetingTitle(const QString &title)
{
    m_title->setText(title);
}

void FindTimeDialog::updateWindowWidgets()
{
    const Window w = Window(m_window->currentData().toInt());
    const bool custom = w == Window::Custom;
    m_from->setEnabled(custom);
    m_to->setEnabled(custom);
    if (!custom) {
        const Interval iv = window();
        QSignalBlocker a(m_from);
        QSignalBlocker b(m_to);
        m_from->setDate(QDateTime::fromMSecsSinceEpoch(iv.start, m_zone).date());
        m_to->setDate(QDateTime::fromMSecsSinceEpoch(iv.end - 1, m_zone).date());
    }
}

void FindTimeDialog::scheduleRecompute()
{
    m_timer->start();
}

Interval FindTimeDialog::window() const
{
    const QDateTime now = Clock::nowUtc().toTimeZone(m_zone);
    const QDate today = now.date();
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    QDateTime from;
    QDateTime to;
    switch (Window(m_window->currentData().toInt())) {
    case Window::ThisWeek:
        from = startOfDay(monday, m_zone);
        to = startOfDay(monday.addDays(7), m_zone);
        break;
    case Window::NextWeek:
        from = startOfDay(monday.addDays(7), m_zone);
        to = startOfDay(monday.addDays(14), m_zone);
        break;
    case Window::Custom:
        from = startOfDay(m_from->date(), m_zone);
        to = startOfDay(m_to->date().addDays(1), m_zone);
        break;
    }
    // Never in the past: start at the next step of the grid from now, counted from the
    // window's own midnight so the suggestions fall on round local times.
    const qint64 step = qMax<qint64>(1, m_granularity->currentData().toInt()) * kMinute;
    qint64 start = from.toMSecsSinceEpoch();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    if (start < nowMs)
        start += ((nowMs - start + step - 1) / step) * step;
    return Interval { start, qMax(start, to.toMSecsSinceEpoch()) };
}

QString FindTimeDialog::windowPhrase() const
{
    switch (Window(m_window->currentData().toInt())) {
    case Window::ThisWeek:
        return tr("this week");
    case Window::NextWeek:
        return tr("next week");
    case Window::Custom:
        break;
    }
    return tr("in this range");
}

QList<int> FindTimeDialog::invited() const
{
    QList<int> out;
    for (int i = 0; i < m_members.size(); ++i)
        if (role(m_members.at(i).name) != Role::NotInvited)
            out << i;
    return out;
}

scheduling::SlotRequest FindTimeDialog::request() const
{
    scheduling::SlotRequest r;
    r.window = window();
    r.durationMs = qint64(m_duration->currentData().toInt()) * kMinute;
    r.granularityMs = qint64(m_granularity->currentData().toInt()) * kMinute;
    for (int i : invited()) {
        const FindTimeMember &m = m_members.at(i);
        scheduling::Participant p = m.participant;
        p.name = m.name;
        p.required = role(m.name) == Role::Required;
        p.availabilityKnown = m.shared && p.availabilityKnown;
        r.participants << p;
    }
    return r;
}

void FindTimeDialog::recompute()
{
    m_timer->stop();
    m_lastRequest = request();
    m_lastInvited = invited();
    scheduling::SlotOptions options;
    options.displayZone = m_zone;
    m_suggestions->clear();
    m_book->setEnabled(false);
    if (m_lastRequest.participants.isEmpty()) {
        m_result = {};
        m_explanation->setText(tr("Choose who the meeting is for."));
        m_explanation->setVisible(true);
        return;
    }
    auto found = scheduling::SlotFinder::find(m_lastRequest, options);
    if (!found) {
        m_result = {};
        m_explanation->setText(tr("No times could be computed: %1").arg(found.error().message));
        m_explanation->setVisible(true);
        return;
    }
    m_result = *found;
    const QLocale locale;
    for (const scheduling::Slot &s : std::as_const(m_result.suggestions)) {
        const QDateTime end = QDateTime::fromMSecsSinceEpoch(s.interval.end, m_zone);
        const QString when
            = tr("%1–%2", "slot start and end time")
                  .arg(shortDateTime(s.interval.start, m_zone), clockText(end.time()));
        auto *item = new QListWidgetItem(tr("%1 — %2").arg(when, reasonText(s.reason)));
        item->setToolTip(ui::plainToolTip(tr("Can attend: %1").arg(names(s.attendees()))));
        m_suggestions->addItem(item);
    }
    const QString ex = explanationText(m_result.explanation, m_zone, windowPhrase());
    m_explanation->setText(ex);
    m_explanation->setVisible(!ex.isEmpty());
    if (m_suggestions->count() > 0)
        m_suggestions->setCurrentRow(0);
}

QStringList FindTimeDialog::suggestionTexts() const
{
    QStringList out;
    for (int i = 0; i < m_suggestions->count(); ++i)
        out << m_suggestions->item(i)->text();
    return out;
}

QString FindTimeDialog::explanationText() const
{
    return m_explanation->isVisibleTo(this) ? m_explanation->text() : QString();
}

BookingRequest FindTimeDialog::bookingFor(int index) const
{
    BookingRequest b;
    if (index < 0 || index >= m_result.suggestions.size())
        return b;
    const scheduling::Slot &s = m_result.suggestions.at(index);
    b.title = m_title->text().trimmed();
    b.start = QDateTime::fromMSecsSinceEpoch(s.interval.start, m_zone);
    b.end = QDateTime::fromMSecsSinceEpoch(s.interval.end, m_zone);
    for (int i : m_lastInvited) {
        const FindTimeMember &m = m_members.at(i);
        if (m.self)
            continue;
        b.participants << BookingParticipant { m.name, m.participant.email,
            role(m.name) == Role::Required };
    }
    return b;
}

} // namespace kairos
