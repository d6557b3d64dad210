#pragma once

#include "model/calendar.h"

#include <QWidget>

class QCheckBox;
class QTableWidget;

namespace kairos {

class Autostart;
class CalendarService;

//! \brief Settings → Calendar & reminders: each calendar's colour and default reminder (what a
//! new event there gets, and what "Calendar's default" means). Google calendars show Google's
//! default reminders, which are changed in Google Calendar. Written on apply().
class CalendarsPage final : public QWidget {
    Q_OBJECT
public:
    explicit CalendarsPage(CalendarService &calendar, QWidget *parent = nullptr);
    //! Saves the changed calendars; false (with a message) if one could not be saved.
    bool apply();
    //! The calendars as they would be saved.
    QList<Calendar> edited() const { return m_edited; }
    //! Offers "Start Kairos when I log in" (when the platform supports it); not owned.
    void setAutostart(Autostart *autostart);
    //! Sets a calendar's colour as the colour button would (tests).
    void setColor(const QString &calendarId, const QString &color);

private:
    void pickColor(int row);
    void paintColorButton(int row);

    CalendarService &m_calendar;
    QList<Calendar> m_original;
    QList<Calendar> m_edited;
    QTableWidget *m_table;
    Autostart *m_autostart = nullptr;
    QCheckBox *m_startAtLogin = nullptr;
};

} // namespace kairos
