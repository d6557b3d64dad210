#pragma once

#include <QDateTime>
#include <QDialog>

class QLabel;
class QLineEdit;
class QTreeWidget;
class QTreeWidgetItem;

namespace kairos {

class CalendarService;

//! \brief Find (Ctrl+F): every calendar's events by title, location, description and attendees
//! (the store's full-text index), as a list with dates, upcoming first. Enter or a double
//! click jumps to the event.
class SearchDialog final : public QDialog {
    Q_OBJECT
public:
    explicit SearchDialog(CalendarService &calendar, QWidget *parent = nullptr);
    //! Runs the search for `text` now (typing does it too).
    void search(const QString &text);
    int resultCount() const;

Q_SIGNALS:
    //! Show this event (its first occurrence for a series: `start`).
    void jumpTo(const QString &eventId, const QDateTime &start);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void activate(QTreeWidgetItem *item);

    CalendarService &m_calendar;
    QLineEdit *m_edit;
    QTreeWidget *m_results;
    QLabel *m_status;
};

} // namespace kairos
