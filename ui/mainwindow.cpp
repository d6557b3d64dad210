#include "mainwindow.h"

#include "calendar/calendarservice.h"
#include "core/profile.h"

#include <QLabel>

namespace kairos {

MainWindow::MainWindow(CalendarService &calendar, const Profile &profile, QWidget *parent)
    : QMainWindow(parent), m_calendar(calendar), m_profile(profile)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Kairos"));
    auto *label = new QLabel(tr("%n event(s)", nullptr, m_calendar.eventCount().valueOr(0)), this);
    setCentralWidget(label);
    resize(1200, 800);
}

MainWindow::~MainWindow() = default;

} // namespace kairos
