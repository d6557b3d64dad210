#include "ics/icsdialogs.h"

#include "ics/subscription.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kairos {

namespace {

QDialogButtonBox *okCancel(QDialog *d, const QString &okText)
{
    auto *b = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, d);
    b->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    b->button(QDialogButtonBox::Ok)->setText(okText);
    b->button(QDialogButtonBox::Cancel)
        ->setText(QCoreApplication::translate("kairos::IcsDialogs", "Cancel"));
    QObject::connect(b, &QDialogButtonBox::accepted, d, &QDialog::accept);
    QObject::connect(b, &QDialogButtonBox::rejected, d, &QDialog::reject);
    return b;
}

QDateEdit *dateEdit(QWidget *parent, QDate date, const QString &name)
{
    auto *e = new QDateEdit(date, parent);
    e->setObjectName(name);
    e->setCalendarPopup(true);
    e->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    return e;
}

} // namespace

QString importIssueText(const ics::ImportIssue &issue)
{
    using K = ics::ImportIssue::Kind;
    switch (issue.kind) {
    case K::ParseError:
        return QCoreApplication::translate("kairos::IcsDialogs", "the entry could not be read");
    case K::MissingStart:
        return QCoreApplication::translate(
            "kairos::IcsDialogs", "the event has no valid start time");
    case K::EndBeforeStart:
        return QCoreApplication::translate("kairos::IcsDialogs", "the event ends before it starts");
    case K::Unterminated:
        return QCoreApplication::translate(
            "kairos::IcsDialogs", "the entry is cut off (BEGIN without END)");
    case K::NotAnEvent:
        return QCoreApplication::translate(
            "kairos::IcsDialogs", "not an event (tasks and journal entries are not imported)");
    case K::OutdatedSequence:
        return QCoreApplication::translate(
            "kairos::IcsDialogs", "the calendar already has a newer version of this event");
    case K::NotSent:
        return QCoreApplication::translate(
            "kairos::IcsDialogs", "it could not be added to this Google or Outlook calendar (%1)")
            .arg(issue.detail);
    case K::MissingUid:
        return QCoreApplication::translate(
            "kairos::IcsDialogs", "the event had no identifier; one was made from its contents");
    case K::WindowsTimeZone:
        return QCoreApplication::translate(
            "kairos::IcsDialogs", "a Windows time-zone name was converted to its standard name");
    case K::UnknownTimeZone:
        return QCoreApplication::translate(
            "kairos::IcsDialogs", "unknown time zone: the times were read as UTC");
    case K::CustomTimeZone:
        return QCoreApplication::translate("kairos::IcsDialogs",
            "a time zone defined only in the file: the times were converted to UTC");
    case K::MissingVTimeZone:
        return QCoreApplication::translate("kairos::IcsDialogs",
            "the file does not describe its time zone; the standard zone of that name "
            "was used");
    case K::FloatingTime:
        return QCoreApplication::translate(
            "kairos::IcsDialogs", "the times had no time zone and were read in yours");
    case K::BrokenFolding:
        return QCoreApplication::translate("kairos::IcsDialogs", "a badly wrapped line was joined");
    case K::AllDayEndFixed:
        return QCoreApplication::translate(
            "kairos::IcsDialogs", "an all-day event without a valid end was given one day");
    case K::MalformedProperty:
        return QCoreApplication::translate(
            "kairos::IcsDialogs", "a value that could not be read was left out (%1)")
            .arg(issue.detail);
    case K::DuplicateComponent:
        return QCoreApplication::translate("kairos::IcsDialogs",
            "the file has this event more than once; the newest version was kept (%1)")
            .arg(issue.detail);
    }
    return QCoreApplication::translate("kairos::IcsDialogs", "unknown problem");
}

// ---- ImportTargetDialog -----------------------------------------------------------------

ImportTargetDialog::ImportTargetDialog(const QList<Calendar> &writable, const QString &preferredId,
    const QString &fileName, int eventCount, int skippedCount, bool providerCalendarsLeftOut,
    QWidget *parent, int attendeeCount)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("importTargetDialog"));
    setWindowTitle(QCoreApplication::translate("kairos::IcsDialogs", "Import calendar file"));
    auto *text = new QLabel(this);
    text->setWordWrap(true);
    QString what = QCoreApplication::translate(
        "kairos::IcsDialogs", "Events in “%1”: %n.", nullptr, eventCount)
                       .arg(QFileInfo(fileName).fileName());
    if (skippedCount > 0)
        what += QLatin1Char(' ')
            + QCoreApplication::translate("kairos::IcsDialogs",
                "Entries that cannot be imported: %n (the report lists them).", nullptr,
                skippedCount);
    text->setText(what);
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("targetCalendarCombo"));
    for (const Calendar &c : writable)
        m_combo->addItem(c.name, c.id);
    m_combo->setCurrentIndex(qMax(0, m_combo->findData(preferredId)));
    auto *form = new QFormLayout;
    form->addRow(tr("Import into"), m_combo);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(form);
    if (providerCalendarsLeftOut) {
        auto *note = new QLabel(tr("Calendars of Google or Outlook accounts that are not connected "
                                   "are not listed: reconnect the account in Settings → Accounts "
                                   "to import into them."),
            this);
        note->setObjectName(QStringLiteral("providerCalendarsNote"));
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    // A file's attendees reach real people through a provider calendar: off unless chosen.
    m_keepAttendees = new QCheckBox(tr("Keep the %n attendee(s) listed in the file: Outlook will "
                                       "invite them by e-mail and Google adds the event to their "
                                       "calendars. Otherwise they are kept in the description.",
                                        nullptr, attendeeCount),
        this);
    m_keepAttendees->setObjectName(QStringLiteral("keepAttendeesCheck"));
    m_keepAttendees->setChecked(false);
    layout->addWidget(m_keepAttendees);
    QSet<QString> providerIds;
    for (const Calendar &c : writable)
        if (!c.accountId.isEmpty())
            providerIds.insert(c.id);
    auto update = [this, providerIds, attendeeCount]() {
        m_keepAttendees->setVisible(attendeeCount > 0 && providerIds.contains(calendarId()));
    };
    connect(m_combo, &QComboBox::currentIndexChanged, this, update);
    update();
    auto *buttons = okCancel(this, tr("Import"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_combo->count() > 0 && eventCount > 0);
    layout->addWidget(buttons);
}

QString ImportTargetDialog::calendarId() const
{
    return m_combo->currentData().toString();
}

bool ImportTargetDialog::keepAttendees() const
{
    return m_keepAttendees->isVisibleTo(this) && m_keepAttendees->isChecked();
}

// ---- ImportReportDialog -----------------------------------------------------------------

ImportReportDialog::ImportReportDialog(
    const ics::ImportSummary &s, const QString &fileName, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("importReportDialog"));
    setWindowTitle(tr("Import finished"));
    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(this);
    summary->setObjectName(QStringLiteral("importSummaryLabel"));
    summary->setWordWrap(true);
    const QString head = QFileInfo(fileName).fileName();
    QStringList parts;
    parts << QCoreApplication::translate("kairos::IcsDialogs", "%n imported", nullptr, s.imported)
          << QCoreApplication::translate("kairos::IcsDialogs", "%n updated", nullptr, s.updated)
          << QCoreApplication::translate("kairos::IcsDialogs", "%n unchanged", nullptr, s.unchanged)
          << QCoreApplication::translate(
                 "kairos::IcsDialogs", "%n skipped", nullptr, int(s.skipped.size()));
    summary->setText(tr("%1: %2.").arg(head, parts.join(tr(", "))));
    layout->addWidget(summary);
    m_text = summary->text();

    auto makeList = [this, layout](const QList<ics::ImportIssue> &issues, const QString &title,
                        const QString &name) {
        if (issues.isEmpty())
            return;
        auto *label = new QLabel(title, this);
        layout->addWidget(label);
        auto *list = new QTreeWidget(this);
        list->setObjectName(name);
        list->setRootIsDecorated(false);
        list->setHeaderLabels({ tr("Line"), tr("Reason"), tr("Event") });
        list->header()->setSectionResizeMode(1, QHeaderView::Stretch);
        m_text += QLatin1Char('\n') + title;
        for (const ics::ImportIssue &i : issues) {
            auto *item = new QTreeWidgetItem(list);
            item->setText(0, i.line > 0 ? QString::number(i.line) : QString());
            item->setText(1, importIssueText(i));
            item->setText(2, i.uid);
            item->setToolTip(1, i.detail);
            m_text += QLatin1Char('\n')
                + tr("Line %1: %2").arg(QString::number(i.line), importIssueText(i));
        }
        layout->addWidget(list, 1);
    };
    makeList(s.skipped, tr("Not imported:"), QStringLiteral("skippedList"));
    makeList(s.notes, tr("Notes:"), QStringLiteral("notesList"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    layout->addWidget(buttons);
    resize(560, s.skipped.isEmpty() && s.notes.isEmpty() ? 140 : 380);
}

// ---- ExportDialog -------------------------------------------------------------------------

ExportDialog::ExportDialog(const QList<Calendar> &calendars, QDate from, QDate to, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("exportDialog"));
    setWindowTitle(tr("Export calendar"));
    m_whole = new QRadioButton(tr("A whole calendar"), this);
    m_whole->setObjectName(QStringLiteral("wholeCalendarRadio"));
    m_range = new QRadioButton(tr("Events in a date range"), this);
    m_range->setObjectName(QStringLiteral("dateRangeRadio"));
    m_whole->setChecked(true);
    m_calendar = new QComboBox(this);
    m_calendar->setObjectName(QStringLiteral("exportCalendarCombo"));
    m_calendar->addItem(tr("All calendars"), QString());
    for (const Calendar &c : calendars)
        m_calendar->addItem(c.name, c.id);
    m_calendar->setCurrentIndex(calendars.isEmpty() ? 0 : 1);
    m_from = dateEdit(this, from, QStringLiteral("exportFromDate"));
    m_to = dateEdit(this, to, QStringLiteral("exportToDate"));
    auto *form = new QFormLayout;
    form->addRow(m_whole);
    form->addRow(m_range);
    form->addRow(tr("Calendar"), m_calendar);
    form->addRow(tr("From"), m_from);
    form->addRow(tr("To"), m_to);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    m_buttons = okCancel(this, tr("Export…"));
    layout->addWidget(m_buttons);
    connect(m_whole, &QRadioButton::toggled, this, &ExportDialog::updateState);
    connect(m_calendar, &QComboBox::currentIndexChanged, this, &ExportDialog::updateState);
    connect(m_from, &QDateEdit::dateChanged, this, &ExportDialog::updateState);
    connect(m_to, &QDateEdit::dateChanged, this, &ExportDialog::updateState);
    updateState();
}

void ExportDialog::updateState()
{
    const bool range = m_range->isChecked();
    m_from->setEnabled(range);
    m_to->setEnabled(range);
    const bool ok = range ? m_from->date() <= m_to->date() : !calendarId().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

bool ExportDialog::wholeCalendar() const
{
    return m_whole->isChecked();
}

QString ExportDialog::calendarId() const
{
    return m_calendar->currentData().toString();
}

QDate ExportDialog::from() const
{
    return m_from->date();
}

QDate ExportDialog::to() const
{
    return m_to->date();
}

// ---- FreeBusyDialog ----------------------------------------------------------------------

FreeBusyDialog::FreeBusyDialog(QDate from, QDate to, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("freeBusyDialog"));
    setWindowTitle(tr("Export free/busy"));
    auto *hint = new QLabel(tr("Writes when you are busy, without titles or details, for "
                               "people outside your team."),
        this);
    hint->setWordWrap(true);
    m_from = dateEdit(this, from, QStringLiteral("freeBusyFromDate"));
    m_to = dateEdit(this, to, QStringLiteral("freeBusyToDate"));
    auto *form = new QFormLayout;
    form->addRow(tr("From"), m_from);
    form->addRow(tr("To"), m_to);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form);
    auto *buttons = okCancel(this, tr("Export…"));
    layout->addWidget(buttons);
    auto check = [this, buttons]() {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(m_from->date() <= m_to->date());
    };
    connect(m_from, &QDateEdit::dateChanged, this, check);
    connect(m_to, &QDateEdit::dateChanged, this, check);
}

QDate FreeBusyDialog::from() const
{
    return m_from->date();
}

QDate FreeBusyDialog::to() const
{
    return m_to->date();
}

// ---- SubscribeDialog -----------------------------------------------------------------------

SubscribeDialog::SubscribeDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("subscribeDialog"));
    setWindowTitle(tr("Subscribe to calendar"));
    m_url = new QLineEdit(this);
    m_url->setObjectName(QStringLiteral("subscribeUrlEdit"));
    m_url->setPlaceholderText(tr("webcal://example.com/holidays.ics"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("subscribeNameEdit"));
    m_name->setPlaceholderText(tr("Name in the calendar list"));
    m_hint = new QLabel(tr("A subscribed calendar is read-only and is refreshed every "
                           "30 minutes."),
        this);
    m_hint->setObjectName(QStringLiteral("subscribeHint"));
    m_hint->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Address"), m_url);
    form->addRow(tr("Name"), m_name);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    m_buttons = okCancel(this, tr("Subscribe"));
    layout->addWidget(m_buttons);
    connect(m_url, &QLineEdit::textChanged, this, &SubscribeDialog::updateState);
    updateState();
    resize(480, sizeHint().height());
}

void SubscribeDialog::updateState()
{
    const bool ok = ics::Subscription::feedUrl(m_url->text().trimmed()).isValid();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

QString SubscribeDialog::url() const
{
    return m_url->text().trimmed();
}

QString SubscribeDialog::name() const
{
    const QString n = m_name->text().trimmed();
    if (!n.isEmpty())
        return n;
    const QUrl u = ics::Subscription::feedUrl(url());
    const QString file = QFileInfo(u.path()).completeBaseName();
    return file.isEmpty() ? u.host() : file;
}

} // namespace kairos
