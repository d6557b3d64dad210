#pragma once

#include <QMainWindow>

namespace kairos {
class CalendarService;
class Profile;

//! \brief The Kairos main window.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    MainWindow(CalendarService &calendar, const Profile &profile, QWidget *parent = nullptr);
    ~MainWindow() override;

private:
    CalendarService &m_calendar;
    const Profile &m_profile;
};

} // namespace kairos
