#include "team/availabilitypage.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace kairos {

using scheduling::TimeRange;
using scheduling::WorkingHours;

AvailabilityPage::AvailabilityPage(team::SharingSettings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("availabilityPage"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Your working hours, in your time zone. Rooms you share your "
                                "availability with see them with your busy times (never titles). "
                                "Several ranges a day: 09:00-12:00, 13:00-17:00. Leave a day "
                                "empty when you do not work."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    for (int d = Qt::Monday; d <= Qt::Sunday; ++d) {
        auto *edit = new QLineEdit(this);
        edit->setObjectName(QStringLiteral("hours_") + scheduling::weekdayKey(Qt::DayOfWeek(d)));
        edit->setPlaceholderText(tr("Not working"));
        connect(edit, &QLineEdit::textChanged, this, &AvailabilityPage::validate);
        m_days[size_t(d - 1)] = edit;
        form->addRow(QLocale().dayName(d, QLocale::LongFormat), edit);
    }
    m_weeks = new QSpinBox(this);
    m_weeks->setObjectName(QStringLiteral("horizonWeeks"));
    m_weeks->setRange(1, 26);
    m_weeks->setSuffix(tr(" weeks"));
    form->addRow(tr("Share busy times for the next"), m_weeks);
    layout->addLayout(form);
    auto *reset = new QPushButton(tr("Reset to Monday–Friday 09:00–17:00"), this);
    reset->setObjectName(QStringLiteral("resetHours"));
    connect(reset, &QPushButton::clicked, this,
        [this]() { load(team::SharingSettings::defaultWorkingHours()); });
    layout->addWidget(reset, 0, Qt::AlignLeft);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("hoursError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b91c1c;"));
    layout->addWidget(m_error);
    layout->addStretch(1);

    if (m_settings) {
        load(m_settings->workingHours());
        m_weeks->setValue(m_settings->horizonWeeks());
    } else {
        load(team::SharingSettings::defaultWorkingHours());
        m_weeks->setValue(team::kDefaultHorizonWeeks);
    }
}

void AvailabilityPage::load(const WorkingHours &hours)
{
    for (int d = Qt::Monday; d <= Qt::Sunday; ++d) {
        QStringList parts;
        if (hours.isUnrestricted()) {
            parts << QStringLiteral("00:00-24:00");
        } else {
            for (const TimeRange &r : hours.ranges(Qt::DayOfWeek(d)))
                parts << r.toString();
        }
        m_days[size_t(d - 1)]->setText(parts.join(QStringLiteral(", ")));
    }
    validate();
}

Expected<WorkingHours> AvailabilityPage::hours() const
{
    WorkingHours h = WorkingHours::none();
    for (int d = Qt::Monday; d <= Qt::Sunday; ++d) {
        const QString text = m_days[size_t(d - 1)]->text();
        QList<TimeRange> ranges;
        const QStringList parts
            = text.split(QRegularExpression(QStringLiteral("[,;]")), Qt::SkipEmptyParts);
        for (const QString &part : parts) {
            const QString t = part.simplified()
                                  .remove(QLatin1Char(' '))
                                  .replace(QChar(0x2013), QLatin1Char('-'));
            auto r = TimeRange::parse(t);
            if (!r)
                return makeError(Error::Code::InvalidInput,
                    tr("%1: “%2” is not a time range. Write it like 09:00-17:00; separate several "
                       "with commas.")
                        .arg(QLocale().dayName(d, QLocale::LongFormat), part.trimmed()));
            ranges << *r;
        }
        h.setRanges(Qt::DayOfWeek(d), ranges);
    }
    return h;
}

QString AvailabilityPage::errorText() const
{
    return m_error->text();
}

void AvailabilityPage::validate()
{
    auto h = hours();
    m_error->setText(h ? QString() : h.error().message);
}

bool AvailabilityPage::apply()
{
    auto h = hours();
    if (!h) {
        m_error->setText(h.error().message);
        return false;
    }
    if (m_settings) {
        if (!(*h == m_settings->workingHours()))
            m_settings->setWorkingHours(*h);
        if (m_weeks->value() != m_settings->horizonWeeks())
            m_settings->setHorizonWeeks(m_weeks->value());
    }
    return true;
}

} // namespace kairos
