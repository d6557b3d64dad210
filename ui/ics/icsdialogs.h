#pragma once

#include "ics/icsimport.h"
#include "model/calendar.h"

#include <QDate>
#include <QDialog>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace kairos {

//! Plain words for something the importer noticed (a skipped component or a note).
QString importIssueText(const ics::ImportIssue &issue);

//! \brief "Import N events from file.ics into [calendar]". objectNames: importTargetDialog,
//! targetCalendarCombo.
class ImportTargetDialog final : public QDialog {
    Q_OBJECT
public:
    ImportTargetDialog(const QList<Calendar> &writable, const QString &preferredId,
        const QString &fileName, int eventCount, int skippedCount,
        bool providerCalendarsLeftOut = false, QWidget *parent = nullptr, int attendeeCount = 0);
    QString calendarId() const;
    //! Send the file's attendees to a Google / Outlook calendar (checkbox keepAttendeesCheck,
    //! shown for those calendars when the file has attendees; off by default).
    bool keepAttendees() const;

private:
    QComboBox *m_combo;
    QCheckBox *m_keepAttendees = nullptr;
};

//! \brief What an import did: imported / updated / unchanged / skipped (line and reason) and
//! notes. objectNames: importReportDialog, importSummaryLabel, skippedList, notesList.
class ImportReportDialog final : public QDialog {
    Q_OBJECT
public:
    ImportReportDialog(
        const ics::ImportSummary &summary, const QString &fileName, QWidget *parent = nullptr);
    //! Everything the dialog says, as plain text (tests, copy to clipboard).
    QString reportText() const { return m_text; }

private:
    QString m_text;
};

//! \brief File → Export: a whole calendar, or every calendar (or one) over a date range.
//! objectNames: exportDialog, wholeCalendarRadio, dateRangeRadio, exportCalendarCombo,
//! exportFromDate, exportToDate.
class ExportDialog final : public QDialog {
    Q_OBJECT
public:
    ExportDialog(const QList<Calendar> &calendars, QDate from, QDate to, QWidget *parent = nullptr);
    bool wholeCalendar() const;
    //! Empty = all calendars (date range only).
    QString calendarId() const;
    QDate from() const;
    QDate to() const;

private:
    void updateState();
    QRadioButton *m_whole;
    QRadioButton *m_range;
    QComboBox *m_calendar;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QDialogButtonBox *m_buttons;
};

//! \brief File → Export free/busy: a date range. objectNames: freeBusyDialog, freeBusyFromDate,
//! freeBusyToDate.
class FreeBusyDialog final : public QDialog {
    Q_OBJECT
public:
    FreeBusyDialog(QDate from, QDate to, QWidget *parent = nullptr);
    QDate from() const;
    QDate to() const;

private:
    QDateEdit *m_from;
    QDateEdit *m_to;
};

//! \brief File → Subscribe to calendar: a webcal:// or https:// URL and a name.
//! objectNames: subscribeDialog, subscribeUrlEdit, subscribeNameEdit, subscribeHint.
class SubscribeDialog final : public QDialog {
    Q_OBJECT
public:
    explicit SubscribeDialog(QWidget *parent = nullptr);
    QString url() const;
    QString name() const;

private:
    void updateState();
    QLineEdit *m_url;
    QLineEdit *m_name;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace kairos
