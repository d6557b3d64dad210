#pragma once

#include "model/calendar.h"
#include "model/event.h"
#include "model/zonedtime.h"

#include <QDialog>
#include <QTimeZone>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimeEdit;

namespace kairos {

//! \brief Create or edit one event: title, all-day, start / end, location, description and
//! calendar, with inline validation and explicit handling of DST gaps and folds.
//!
//! Times are edited in the event's own zone (a New York meeting stays in New York time when
//! viewed from Madrid; the zone is then shown). New events use the viewer's zone.
class EventDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventDialog)
public:
    //! QDialog::done() code when the user deleted the event (after confirming).
    static constexpr int DeleteResult = 2;

    EventDialog(const Event &event, bool isNew, const QList<Calendar> &calendars,
        const QTimeZone &viewerZone, QWidget *parent = nullptr);
    ~EventDialog() override;

    bool isNew() const { return m_isNew; }
    //! The edited event (valid when Save is enabled).
    Event event() const;
    QTimeZone eventZone() const { return m_zone; }
    //! The chosen calendar belongs to a connected account (Google / Microsoft).
    bool isProviderCalendar() const;
    //! "Send invitations" is ticked (only meaningful for provider calendars).
    bool sendInvitations() const;
    //! Ticks or clears "Send invitations" (a booked meeting starts with it ticked).
    void setSendInvitations(bool send);

Q_SIGNALS:
    //! "Download .ics / Add to Apple Calendar" for the stored event (existing events only).
    void downloadIcsRequested(const QString &eventId);

private:
    void updateState();
    void updateNote(const LocalTimeResolution &r, QDate date, QTime time, bool isStart,
        QLabel *note, QComboBox *foldChoice);
    QDateTime chosen(const LocalTimeResolution &r, const QComboBox *foldChoice) const;
    QString offsetText(const QDateTime &dt) const;
    void confirmDelete();

    Event m_event;
    bool m_isNew;
    QTimeZone m_zone;
    QTimeZone m_viewerZone;
    bool m_readOnly = false;

    QLineEdit *m_title;
    QCheckBox *m_allDay;
    //! Shared with the team as out of office rather than busy. Google calendars: shown, not
    //! editable (Google sets it with its own event type, in its own app).
    QCheckBox *m_outOfOffice;
    QDateEdit *m_startDate;
    QTimeEdit *m_startTime;
    QDateEdit *m_endDate;
    QTimeEdit *m_endTime;
    QLabel *m_zoneLabel;
    QLabel *m_startNote;
    QComboBox *m_startFold;
    QLabel *m_endNote;
    QComboBox *m_endFold;
    QLineEdit *m_location;
    QPlainTextEdit *m_description;
    QComboBox *m_calendar;
    QComboBox *m_reminder;
    int m_reminderIndex = 0; //!< the choice the dialog opened with
    QLabel *m_attendeesLabel;
    QLineEdit *m_attendees;
    QCheckBox *m_sendInvitations;
    QLabel *m_validation;
    QPushButton *m_save;
    QPushButton *m_delete;
    QPushButton *m_download;
};

} // namespace kairos
