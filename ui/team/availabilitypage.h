#pragma once

#include "team/sharingsettings.h"

#include <QPointer>
#include <QWidget>

#include <array>

class QLabel;
class QLineEdit;
class QSpinBox;

namespace kairos {

//! \brief Settings → Availability: working hours per weekday (several ranges a day, "09:00-12:00,
//! 13:00-17:00"; empty = not working), how many weeks ahead to share. Saved on OK (apply()).
//! Object names: availabilityPage, hours_mon … hours_sun, horizonWeeks, resetHours, hoursError.
class AvailabilityPage final : public QWidget {
    Q_OBJECT
public:
    explicit AvailabilityPage(team::SharingSettings *settings, QWidget *parent = nullptr);

    //! Validates and saves. False (nothing saved, the error shown) when a day cannot be read.
    bool apply();
    //! Reads the editors; on error returns it and names the day.
    Expected<scheduling::WorkingHours> hours() const;
    QString errorText() const;

private:
    void load(const scheduling::WorkingHours &hours);
    void validate();

    QPointer<team::SharingSettings> m_settings;
    std::array<QLineEdit *, 7> m_days {};
    QSpinBox *m_weeks = nullptr;
    QLabel *m_error = nullptr;
};

} // namespace kairos
