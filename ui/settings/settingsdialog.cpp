#include "settingsdialog.h"

#include "calendar/calendarservice.h"
#include "core/profile.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace kairos {

SettingsDialog::SettingsDialog(const Profile &profile, CalendarService &calendar, QWidget *parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_calendar(calendar)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("settingsTabs"));

    auto *general = new QWidget(m_tabs);
    general->setObjectName(QStringLiteral("generalPage"));
    m_timeZone = new QComboBox(general);
    m_timeZone->setObjectName(QStringLiteral("timeZoneCombo"));
    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    m_timeZone->addItem(
        tr("System default (%1)").arg(QString::fromLatin1(QTimeZone::systemTimeZoneId())),
        QByteArray());
    const QList<QByteArray> ids = QTimeZone::availableTimeZoneIds();
    for (const QByteArray &id : ids) {
        // Skip the legacy aliases ("EST5EDT", "Etc/GMT+3") that only confuse a zone picker.
        if (!id.contains('/') || id.startsWith("Etc/"))
            continue;
        m_timeZone->addItem(QString::fromLatin1(id), id);
    }
    // Type any part of a name ("york", "madrid") to find it.
    m_timeZone->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_timeZone->completer()->setFilterMode(Qt::MatchContains);
    m_timeZone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    const int current = m_timeZone->findData(profile.timeZoneOverride());
    m_timeZone->setCurrentIndex(qMax(0, current));

    auto *hint = new QLabel(tr("Events are shown in this time zone. Each event keeps the zone it "
                               "was created in."),
        general);
    hint->setWordWrap(true);
    hint->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    auto *form = new QFormLayout(general);
    form->addRow(tr("Time zone"), m_timeZone);
    form->addRow(QString(), hint);
    m_tabs->addTab(general, tr("General"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    buttons->button(QDialogButtonBox::Ok)->setText(tr("OK"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this]() {
        for (const auto &[page, pageApply] : std::as_const(m_pageApply)) {
            if (!pageApply()) {
                m_tabs->setCurrentWidget(page);
                return;
            }
        }
        apply();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(520, 320);
}

SettingsDialog::~SettingsDialog() = default;

void SettingsDialog::addPage(QWidget *page, const QString &title, std::function<bool()> apply)
{
    m_tabs->addTab(page, title);
    if (apply)
        m_pageApply.append({ page, std::move(apply) });
}

void SettingsDialog::apply()
{
    // The edit text wins when it names a zone the list does not hold by exact index.
    int index = m_timeZone->findText(m_timeZone->currentText(), Qt::MatchFixedString);
    if (index < 0)
        index = m_timeZone->currentIndex();
    const QByteArray id = m_timeZone->itemData(index).toByteArray();
    m_profile.setTimeZoneOverride(id);
    m_calendar.setTimeZone(m_profile.timeZone());
}

} // namespace kairos
