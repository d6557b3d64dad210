#include "settings/calendarspage.h"

#include "calendar/calendarservice.h"
#include "core/autostart.h"
#include "messagebox.h"

#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kairos {

namespace {

QString reminderLabel(int minutes)
{
    if (minutes < 0)
        return CalendarsPage::tr("None");
    if (minutes == 0)
        return CalendarsPage::tr("At the start");
    if (minutes % 1440 == 0)
        return CalendarsPage::tr("%n day(s) before", "", minutes / 1440);
    if (minutes % 60 == 0)
        return CalendarsPage::tr("%n hour(s) before", "", minutes / 60);
    return CalendarsPage::tr("%n minute(s) before", "", minutes);
}

} // namespace

CalendarsPage::CalendarsPage(CalendarService &calendar, QWidget *parent)
    : QWidget(parent)
    , m_calendar(calendar)
{
    setObjectName(QStringLiteral("calendarsPage"));
    m_original = m_calendar.calendars();
    m_edited = m_original;
    auto *layout = new QVBoxLayout(this);
    auto *intro
        = new QLabel(tr("Each calendar's colour, and the reminder its new events get."), this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(int(m_edited.size()), 3, this);
    m_table->setObjectName(QStringLiteral("calendarsTable"));
    m_table->setHorizontalHeaderLabels({ tr("Calendar"), tr("Colour"), tr("Default reminder") });
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int row = 0; row < m_edited.size(); ++row) {
        const Calendar &c = m_edited.at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(c.name));
        auto *color = new QPushButton(m_table);
        color->setObjectName(QStringLiteral("colorButton_") + c.id);
        color->setToolTip(tr("Choose the colour of “%1”").arg(c.name));
        connect(color, &QPushButton::clicked, this, [this, row]() { pickColor(row); });
        m_table->setCellWidget(row, 1, color);
        paintColorButton(row);
        auto *reminder = new QComboBox(m_table);
        reminder->setObjectName(QStringLiteral("defaultReminderCombo_") + c.id);
        const int current = c.defaultReminders.isEmpty() ? -1 : c.defaultReminders.first();
        for (int m : { -1, 0, 5, 10, 15, 30, 60, 120, 1440 })
            reminder->addItem(reminderLabel(m), m);
        if (reminder->findData(current) < 0)
            reminder->addItem(reminderLabel(current), current);
        reminder->setCurrentIndex(reminder->findData(current));
        if (c.kind == CalendarKind::Google || c.readOnly) {
            reminder->setEnabled(false);
            reminder->setToolTip(c.kind == CalendarKind::Google
                    ? tr("Google's default for this calendar; change it in Google Calendar.")
                    : tr("This calendar is read-only."));
        }
        connect(reminder, &QComboBox::currentIndexChanged, this, [this, row, reminder]() {
            const int m = reminder->currentData().toInt();
            m_edited[row].defaultReminders = m < 0 ? QList<int>() : QList<int> { m };
        });
        m_table->setCellWidget(row, 2, reminder);
    }
    layout->addWidget(m_table);
}

void CalendarsPage::paintColorButton(int row)
{
    auto *button = qobject_cast<QPushButton *>(m_table->cellWidget(row, 1));
    if (!button)
        return;
    QPixmap p(28, 14);
    p.fill(QColor(m_edited.at(row).color));
    button->setIcon(QIcon(p));
    button->setText(m_edited.at(row).color);
}

void CalendarsPage::pickColor(int row)
{
    const QColor chosen = QColorDialog::getColor(
        QColor(m_edited.at(row).color), this, tr("Colour of “%1”").arg(m_edited.at(row).name));
    if (!chosen.isValid())
        return;
    m_edited[row].color = chosen.name();
    paintColorButton(row);
}

void CalendarsPage::setColor(const QString &calendarId, const QString &color)
{
    for (int row = 0; row < m_edited.size(); ++row) {
        if (m_edited.at(row).id == calendarId) {
            m_edited[row].color = color;
            paintColorButton(row);
        }
    }
}

void CalendarsPage::setAutostart(Autostart *autostart)
{
    m_autostart = autostart;
    if (!m_autostart || !m_autostart->isSupported() || m_startAtLogin)
        return;
    m_startAtLogin = new QCheckBox(tr("Start Kairos when I log in"), this);
    m_startAtLogin->setObjectName(QStringLiteral("startAtLoginCheck"));
    m_startAtLogin->setChecked(m_autostart->isEnabled());
    layout()->addWidget(m_startAtLogin);
}

bool CalendarsPage::apply()
{
    if (m_startAtLogin && m_startAtLogin->isChecked() != m_autostart->isEnabled()) {
        if (auto r = m_autostart->setEnabled(m_startAtLogin->isChecked()); !r) {
            MessageBox::warning(this, tr("Calendar & reminders"),
                tr("Kairos could not change whether it starts at login: %1")
                    .arg(r.error().message));
            return false;
        }
    }
    bool changed = false;
    const auto announce = [this, &changed]() {
        if (!changed)
            return;
        m_calendar.notifyCalendarsChanged(); // the calendar list's swatches
        m_calendar.notifyChanged(); // the views' colours, the reminders' defaults
    };
    for (int row = 0; row < m_edited.size(); ++row) {
        if (m_edited.at(row) == m_original.at(row))
            continue;
        if (auto r = m_calendar.saveCalendar(m_edited.at(row)); !r) {
            MessageBox::warning(this, tr("Calendar & reminders"),
                tr("“%1” could not be saved: %2").arg(m_edited.at(row).name, r.error().message));
            announce();
            return false;
        }
        m_original[row] = m_edited.at(row);
        changed = true;
    }
    announce();
    return true;
}

} // namespace kairos
