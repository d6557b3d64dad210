#include "eventdialog.h"

#include "calendar/viewhelpers.h"
#include "messagebox.h"
#include "providers/providerregistry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimeEdit>
#include <QVBoxLayout>

#include <algorithm>

namespace kairos {

namespace {

QString dateFormat()
{
    return QStringLiteral("ddd d MMM yyyy");
}

constexpr int kReminderDefault = -2;
constexpr int kReminderNone = -1;

QString reminderText(int minutes)
{
    if (minutes == 0)
        return EventDialog::tr("At the start");
    if (minutes % 10080 == 0)
        return EventDialog::tr("%n week(s) before", "", minutes / 10080);
    if (minutes % 1440 == 0)
        return EventDialog::tr("%n day(s) before", "", minutes / 1440);
    if (minutes % 60 == 0)
        return EventDialog::tr("%n hour(s) before", "", minutes / 60);
    return EventDialog::tr("%n minute(s) before", "", minutes);
}

QString noteStyle(bool error)
{
    return error ? QStringLiteral("color: #c53030;") : QStringLiteral("color: #b7791f;");
}

} // namespace

EventDialog::EventDialog(const Event &event, bool isNew, const QList<Calendar> &calendars,
    const QTimeZone &viewerZone, QWidget *parent)
    : QDialog(parent)
    , m_event(event)
    , m_isNew(isNew)
    , m_viewerZone(viewerZone)
{
    setObjectName(QStringLiteral("eventDialog"));
    setWindowTitle(isNew ? tr("New event") : tr("Edit event"));
    m_zone = (!event.allDay && event.start.isValid() && event.start.timeZone().isValid())
        ? event.start.timeZone()
        : viewerZone;
    if (!m_zone.isValid())
        m_zone = viewerZone;

    m_title = new QLineEdit(event.title, this);
    m_title->setObjectName(QStringLiteral("titleEdit"));
    m_title->setPlaceholderText(tr("Add a title"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_title->setFont(big);

    m_allDay = new QCheckBox(tr("All day"), this);
    m_allDay->setObjectName(QStringLiteral("allDayCheck"));
    m_allDay->setChecked(event.allDay);
    m_outOfOffice = new QCheckBox(tr("Out of office"), this);
    m_outOfOffice->setObjectName(QStringLiteral("outOfOfficeCheck"));
    m_outOfOffice->setChecked(event.outOfOffice);

    QString timeFormat = QLocale().timeFormat(QLocale::ShortFormat);
    timeFormat.remove(QRegularExpression(QStringLiteral("[:.]ss?")));
    auto makeDate = [this](const QString &name) {
        auto *e = new QDateEdit(this);
        e->setObjectName(name);
        e->setCalendarPopup(true);
        e->setDisplayFormat(dateFormat());
        return e;
    };
    auto makeTime = [this, &timeFormat](const QString &name) {
        auto *e = new QTimeEdit(this);
        e->setObjectName(name);
        e->setDisplayFormat(timeFormat);
        return e;
    };
    m_startDate = makeDate(QStringLiteral("startDateEdit"));
    m_startTime = makeTime(QStringLiteral("startTimeEdit"));
    m_endDate = makeDate(QStringLiteral("endDateEdit"));
    m_endTime = makeTime(QStringLiteral("endTimeEdit"));
    if (event.allDay) {
        m_startDate->setDate(event.startDate);
        m_endDate->setDate(event.endDate.addDays(-1));
        m_startTime->setTime(QTime(9, 0));
        m_endTime->setTime(QTime(10, 0));
    } else {
        const QDateTime s = event.start.toTimeZone(m_zone);
        const QDateTime e = event.end.toTimeZone(m_zone);
        m_startDate->setDate(s.date());
        m_startTime->setTime(s.time());
        m_endDate->setDate(e.date());
        m_endTime->setTime(e.time());
    }

    m_zoneLabel = new QLabel(this);
    m_zoneLabel->setObjectName(QStringLiteral("zoneLabel"));
    m_zoneLabel->setVisible(m_zone != viewerZone && !event.allDay);
    m_zoneLabel->setText(
        tr("Times are in %1 (the event's time zone).").arg(QString::fromLatin1(m_zone.id())));

    auto makeNote = [this](const QString &name) {
        auto *l = new QLabel(this);
        l->setObjectName(name);
        l->setWordWrap(true);
        l->setVisible(false);
        return l;
    };
    auto makeFold = [this](const QString &name) {
        auto *c = new QComboBox(this);
        c->setObjectName(name);
        c->setVisible(false);
        return c;
    };
    m_startNote = makeNote(QStringLiteral("startDstNote"));
    m_startFold = makeFold(QStringLiteral("startFoldCombo"));
    m_endNote = makeNote(QStringLiteral("endDstNote"));
    m_endFold = makeFold(QStringLiteral("endFoldCombo"));

    m_location = new QLineEdit(event.location, this);
    m_location->setObjectName(QStringLiteral("locationEdit"));
    m_location->setPlaceholderText(tr("Add a location"));
    m_description = new QPlainTextEdit(event.description, this);
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setPlaceholderText(tr("Add a description"));
    m_description->setTabChangesFocus(true);

    // Reminders: the calendar's default, none, or one of the usual times. An event with
    // several keeps them all until another choice is made here.
    m_reminder = new QComboBox(this);
    m_reminder->setObjectName(QStringLiteral("reminderCombo"));
    m_reminder->addItem(tr("Calendar's default"), kReminderDefault);
    m_reminder->addItem(tr("None"), kReminderNone);
    for (int minutes : { 0, 5, 10, 15, 30, 60, 120, 1440, 2880, 10080 })
        m_reminder->addItem(reminderText(minutes), minutes);
    {
        const QList<int> current = normalizeReminders(event.reminders);
        int data = event.defaultReminders || (isNew && current.isEmpty()) ? kReminderDefault
            : current.isEmpty()                                           ? kReminderNone
                                                                          : current.first();
        int index = m_reminder->findData(data);
        if (index < 0) {
            m_reminder->addItem(reminderText(data), data);
            index = m_reminder->count() - 1;
        }
        if (!event.defaultReminders && current.size() > 1)
            m_reminder->setItemText(
                index, tr("%1 (and %n more)", "", int(current.size() - 1)).arg(reminderText(data)));
        m_reminder->setCurrentIndex(index);
        m_reminderIndex = index;
    }
    m_calendar = new QComboBox(this);
    m_calendar->setObjectName(QStringLiteral("calendarCombo"));
    for (const Calendar &c : calendars) {
        if (c.readOnly) {
            if (c.id == event.calendarId)
                m_readOnly = true;
            continue;
        }
        QPixmap swatch(12, 12);
        swatch.fill(Qt::transparent);
        {
            QPainter p(&swatch);
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(c.color));
            p.drawEllipse(0, 0, 12, 12);
        }
        m_calendar->addItem(QIcon(swatch), c.name, c.id);
        m_calendar->setItemData(m_calendar->count() - 1, c.isProvider(), Qt::UserRole + 1);
        // A provider that sets "out of office" itself (Google): shown and kept, not editable.
        const auto caps = capabilitiesFor(c.kind);
        m_calendar->setItemData(
            m_calendar->count() - 1, caps && !caps->writesOutOfOffice, Qt::UserRole + 2);
    }
    const int calIndex = m_calendar->findData(event.calendarId);
    if (calIndex >= 0)
        m_calendar->setCurrentIndex(calIndex);

    QStringList attendeeEmails;
    for (const Attendee &a : event.attendees) {
        if (!a.organizer && !a.self)
            attendeeEmails.append(a.email);
    }
    m_attendees = new QLineEdit(attendeeEmails.join(QStringLiteral(", ")), this);
    m_attendees->setObjectName(QStringLiteral("attendeesEdit"));
    m_attendees->setPlaceholderText(tr("E-mail addresses, separated by commas"));
    m_sendInvitations = new QCheckBox(tr("Send invitations"), this);
    m_sendInvitations->setObjectName(QStringLiteral("sendInvitationsCheck"));
    m_sendInvitations->setToolTip(tr("E-mail the attendees about this change (Google Calendar)"));
    m_sendInvitations->setChecked(false);

    m_validation = new QLabel(this);
    m_validation->setObjectName(QStringLiteral("validationLabel"));
    m_validation->setStyleSheet(noteStyle(true));
    m_validation->setWordWrap(true);
    m_validation->setVisible(false);

    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setDefault(true);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setText(tr("Cancel"));
    cancel->setObjectName(QStringLiteral("cancelButton"));
    // Delete sits apart on the left, away from Save, as a destructive action should.
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_delete->setVisible(!isNew);
    m_delete->setEnabled(!m_readOnly);
    m_delete->setAutoDefault(false);
    connect(m_save, &QPushButton::clicked, this, &QDialog::accept);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_delete, &QPushButton::clicked, this, &EventDialog::confirmDelete);
    m_download = new QPushButton(tr("Add to Apple Calendar…"), this);
    m_download->setObjectName(QStringLiteral("downloadIcsButton"));
    m_download->setIcon(QIcon::fromTheme(QStringLiteral("document-save")));
    m_download->setToolTip(
        tr("Download .ics: saves this event as an invitation file. Opening the file in Apple "
           "Calendar (or Outlook, or Google Calendar) adds the event, and opening a newer file "
           "later updates it instead of adding a second copy."));
    m_download->setVisible(!isNew && !event.id.isEmpty());
    // An occurrence of a series ("this event") stays in its series' calendar.
    if (event.id.isEmpty() && !event.recurringEventId.isEmpty())
        m_calendar->setEnabled(false);
    m_download->setAutoDefault(false);
    connect(m_download, &QPushButton::clicked, this,
        [this]() { Q_EMIT downloadIcsRequested(m_event.id); });

    auto *startRow = new QHBoxLayout;
    startRow->addWidget(m_startDate, 1);
    startRow->addWidget(m_startTime);
    auto *endRow = new QHBoxLayout;
    endRow->addWidget(m_endDate, 1);
    endRow->addWidget(m_endTime);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *flagsRow = new QHBoxLayout;
    flagsRow->addWidget(m_allDay);
    flagsRow->addWidget(m_outOfOffice);
    flagsRow->addStretch(1);
    form->addRow(QString(), flagsRow);
    form->addRow(tr("Starts"), startRow);
    form->addRow(QString(), m_startNote);
    form->addRow(QString(), m_startFold);
    form->addRow(tr("Ends"), endRow);
    form->addRow(QString(), m_endNote);
    form->addRow(QString(), m_endFold);
    form->addRow(QString(), m_zoneLabel);
    form->addRow(tr("Location"), m_location);
    form->addRow(tr("Calendar"), m_calendar);
    form->addRow(tr("Reminder"), m_reminder);
    m_attendeesLabel = new QLabel(tr("Attendees"), this);
    form->addRow(m_attendeesLabel, m_attendees);
    form->addRow(QString(), m_sendInvitations);
    form->addRow(tr("Description"), m_description);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(form);
    layout->addWidget(m_validation);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_delete);
    buttonRow->addWidget(m_download);
    buttonRow->addStretch(1);
    buttonRow->addWidget(buttons);
    layout->addLayout(buttonRow);

    if (m_readOnly) {
        for (QWidget *w : { static_cast<QWidget *>(m_title), static_cast<QWidget *>(m_allDay),
                 static_cast<QWidget *>(m_outOfOffice), static_cast<QWidget *>(m_startDate),
                 static_cast<QWidget *>(m_startTime), static_cast<QWidget *>(m_endDate),
                 static_cast<QWidget *>(m_endTime), static_cast<QWidget *>(m_location),
                 static_cast<QWidget *>(m_calendar), static_cast<QWidget *>(m_reminder),
                 static_cast<QWidget *>(m_attendees), static_cast<QWidget *>(m_sendInvitations) })
            w->setEnabled(false);
        m_description->setReadOnly(true);
    }

    // Moving the start keeps the duration, as every calendar app does.
    QDateTime lastStart(m_startDate->date(), m_startTime->time());
    auto keepDuration = [this, lastStart]() mutable {
        const QDateTime now(m_startDate->date(), m_startTime->time());
        const qint64 delta = lastStart.secsTo(now);
        lastStart = now;
        if (delta == 0)
            return;
        const QDateTime end = QDateTime(m_endDate->date(), m_endTime->time()).addSecs(delta);
        const QSignalBlocker b1(m_endDate), b2(m_endTime);
        m_endDate->setDate(end.date());
        m_endTime->setTime(end.time());
    };
    connect(m_startDate, &QDateEdit::dateChanged, this, [this, keepDuration]() mutable {
        keepDuration();
        updateState();
    });
    connect(m_startTime, &QTimeEdit::timeChanged, this, [this, keepDuration]() mutable {
        keepDuration();
        updateState();
    });
    connect(m_endDate, &QDateEdit::dateChanged, this, &EventDialog::updateState);
    connect(m_endTime, &QTimeEdit::timeChanged, this, &EventDialog::updateState);
    connect(m_allDay, &QCheckBox::toggled, this, &EventDialog::updateState);
    connect(m_startFold, &QComboBox::currentIndexChanged, this, &EventDialog::updateState);
    connect(m_endFold, &QComboBox::currentIndexChanged, this, &EventDialog::updateState);
    connect(m_calendar, &QComboBox::currentIndexChanged, this, &EventDialog::updateState);
    connect(m_attendees, &QLineEdit::textChanged, this, &EventDialog::updateState);

    updateState();
    // An existing event stored at the second of two equal wall times keeps that choice.
    if (!event.allDay && !isNew) {
        if (m_startFold->count() == 2
            && m_startFold->itemData(1).toLongLong() == event.start.toMSecsSinceEpoch())
            m_startFold->setCurrentIndex(1);
        if (m_endFold->count() == 2
            && m_endFold->itemData(1).toLongLong() == event.end.toMSecsSinceEpoch())
            m_endFold->setCurrentIndex(1);
    }
    m_title->setFocus();
    resize(qMax(sizeHint().width(), 460), sizeHint().height());
}

EventDialog::~EventDialog() = default;

QString EventDialog::offsetText(const QDateTime &dt) const
{
    const int offset = m_zone.offsetFromUtc(dt);
    const int abs = qAbs(offset);
    QString text = QStringLiteral("UTC") + (offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        + QString::number(abs / 3600);
    if (abs % 3600)
        text += QLatin1Char(':')
            + QStringLiteral("%1").arg((abs % 3600) / 60, 2, 10, QLatin1Char('0'));
    return text;
}

void EventDialog::updateNote(const LocalTimeResolution &r, QDate date, QTime time, bool isStart,
    QLabel *note, QComboBox *foldChoice)
{
    const QLocale locale;
    const QString zoneName = QString::fromLatin1(m_zone.id());
    const QString dateText = locale.toString(date, QStringLiteral("d MMM yyyy"));
    if (r.kind == LocalTimeResolution::Kind::Gap) {
        const QString text = isStart
            ? tr("%1 does not exist on %2 in %3 (clocks go forward); the event will start at %4.")
            : tr("%1 does not exist on %2 in %3 (clocks go forward); the event will end at %4.");
        note->setText(
            text.arg(ui::shortTime(time), dateText, zoneName, ui::shortTime(r.resolved.time())));
        note->setStyleSheet(noteStyle(false));
        note->setVisible(true);
        foldChoice->setVisible(false);
        return;
    }
    if (r.kind == LocalTimeResolution::Kind::Fold) {
        note->setText(tr("%1 happens twice on %2 in %3 (clocks go back). Which one?")
                          .arg(ui::shortTime(time), dateText, zoneName));
        note->setStyleSheet(noteStyle(false));
        note->setVisible(true);
        auto label = [this](const QDateTime &dt) {
            const QString abbrev = m_zone.abbreviation(dt);
            // Zones without letters (Australia/Lord_Howe: "+11") read better as offsets only.
            const bool numeric = abbrev.isEmpty() || abbrev.startsWith(QLatin1Char('+'))
                || abbrev.startsWith(QLatin1Char('-'));
            return numeric ? offsetText(dt) : tr("%1, %2").arg(abbrev, offsetText(dt));
        };
        const QString first = tr("first %1 (%2)").arg(ui::shortTime(time), label(r.resolved));
        const QString second = tr("second %1 (%2)").arg(ui::shortTime(time), label(r.alternative));
        const int keep = foldChoice->count() == 2 ? foldChoice->currentIndex() : 0;
        const QSignalBlocker block(foldChoice);
        foldChoice->clear();
        foldChoice->addItem(first, r.resolved.toMSecsSinceEpoch());
        foldChoice->addItem(second, r.alternative.toMSecsSinceEpoch());
        foldChoice->setCurrentIndex(qMax(0, keep));
        foldChoice->setVisible(true);
        return;
    }
    note->setVisible(false);
    if (foldChoice->count()) {
        const QSignalBlocker block(foldChoice);
        foldChoice->clear();
    }
    foldChoice->setVisible(false);
}

QDateTime EventDialog::chosen(const LocalTimeResolution &r, const QComboBox *foldChoice) const
{
    if (r.kind == LocalTimeResolution::Kind::Fold && foldChoice->currentIndex() == 1)
        return r.alternative;
    return r.resolved;
}

void EventDialog::updateState()
{
    const bool allDay = m_allDay->isChecked();
    m_startTime->setVisible(!allDay);
    m_endTime->setVisible(!allDay);
    m_zoneLabel->setVisible(!allDay && m_zone != m_viewerZone);

    QString error;
    if (allDay) {
        for (QLabel *l : { m_startNote, m_endNote })
            l->setVisible(false);
        for (QComboBox *c : { m_startFold, m_endFold })
            c->setVisible(false);
        if (m_endDate->date() < m_startDate->date())
            error = tr("The event ends before it starts: pick an end date on or after the start.");
    } else {
        const LocalTimeResolution rs
            = resolveLocalTime(m_startDate->date(), m_startTime->time(), m_zone);
        const LocalTimeResolution re
            = resolveLocalTime(m_endDate->date(), m_endTime->time(), m_zone);
        updateNote(rs, m_startDate->date(), m_startTime->time(), true, m_startNote, m_startFold);
        updateNote(re, m_endDate->date(), m_endTime->time(), false, m_endNote, m_endFold);
        if (rs.kind == LocalTimeResolution::Kind::Invalid
            || re.kind == LocalTimeResolution::Kind::Invalid)
            error = tr("Enter a valid start and end.");
        else if (chosen(re, m_endFold) < chosen(rs, m_startFold))
            error = tr("The event ends before it starts: pick an end after the start.");
    }
    const bool provider = isProviderCalendar();
    const bool google = m_calendar->currentData(Qt::UserRole + 2).toBool();
    m_outOfOffice->setEnabled(!m_readOnly && !google);
    m_outOfOffice->setToolTip(google
            ? tr("Google Calendar sets out of office itself: set it there, and Kairos shows it "
                 "after the next sync.")
            : tr("Your team sees this time as out of office, not just busy."));
    if (google)
        m_outOfOffice->setChecked(m_event.outOfOffice);
    m_attendeesLabel->setVisible(provider);
    m_attendees->setVisible(provider);
    m_sendInvitations->setVisible(provider);
    if (error.isEmpty() && provider) {
        static const QRegularExpression mail(
            QStringLiteral("^[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+$"));
        const QStringList parts = m_attendees->text().split(QLatin1Char(','));
        for (const QString &part : parts) {
            const QString address = part.trimmed();
            if (!address.isEmpty() && !mail.match(address).hasMatch()) {
                error = tr("“%1” is not an e-mail address.").arg(address);
                break;
            }
        }
    }
    if (m_calendar->count() == 0)
        error = tr("There is no calendar you can write to.");
    m_validation->setText(error);
    m_validation->setVisible(!error.isEmpty());
    m_save->setEnabled(error.isEmpty() && !m_readOnly);
}

Event EventDialog::event() const
{
    Event e = m_event;
    e.title = m_title->text().trimmed();
    e.location = m_location->text().trimmed();
    e.description = m_description->toPlainText();
    e.calendarId = m_calendar->currentData().toString();
    e.outOfOffice = m_outOfOffice->isEnabled() ? m_outOfOffice->isChecked() : m_event.outOfOffice;
    if (e.outOfOffice)
        e.transparency = Transparency::Opaque;
    if (m_reminder->currentIndex() != m_reminderIndex || m_isNew) {
        const int choice = m_reminder->currentData().toInt();
        e.defaultReminders = choice == kReminderDefault;
        e.reminders = choice >= 0 ? QList<int> { choice } : QList<int>();
    }
    if (isProviderCalendar()) {
        QList<Attendee> kept;
        for (const Attendee &a : std::as_const(e.attendees)) {
            if (a.organizer || a.self)
                kept.append(a);
        }
        const QStringList parts = m_attendees->text().split(QLatin1Char(','));
        for (const QString &part : parts) {
            const QString address = part.trimmed();
            if (address.isEmpty())
                continue;
            auto old = std::find_if(
                e.attendees.cbegin(), e.attendees.cend(), [&address](const Attendee &a) {
                    return a.email.compare(address, Qt::CaseInsensitive) == 0;
                });
            if (old != e.attendees.cend()) {
                if (!old->organizer && !old->self)
                    kept.append(*old);
            } else {
                Attendee a;
                a.email = address;
                kept.append(a);
            }
        }
        e.attendees = kept;
    }
    e.allDay = m_allDay->isChecked();
    if (e.allDay) {
        e.startDate = m_startDate->date();
        e.endDate = m_endDate->date().addDays(1);
        e.start = e.end = QDateTime();
    } else {
        e.start = chosen(
            resolveLocalTime(m_startDate->date(), m_startTime->time(), m_zone), m_startFold);
        e.end = chosen(resolveLocalTime(m_endDate->date(), m_endTime->time(), m_zone), m_endFold);
        e.startDate = e.endDate = QDate();
    }
    return e;
}

bool EventDialog::isProviderCalendar() const
{
    return m_calendar->currentData(Qt::UserRole + 1).toBool();
}

void EventDialog::setSendInvitations(bool send)
{
    m_sendInvitations->setChecked(send);
}

bool EventDialog::sendInvitations() const
{
    return isProviderCalendar() && m_sendInvitations->isChecked();
}

void EventDialog::confirmDelete()
{
    const QString title = m_event.title.isEmpty() ? tr("(No title)") : m_event.title;
    if (MessageBox::question(this, tr("Delete event"),
            tr("Delete “%1”? This cannot be undone.").arg(title),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        == QMessageBox::Yes)
        done(DeleteResult);
}

} // namespace kairos
