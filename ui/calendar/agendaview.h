#pragma once

#include <QDate>
#include <QDateTime>
#include <QTreeWidget>

namespace kairos {

class CalendarService;

//! \brief The agenda (Ctrl+4): upcoming events grouped by day from a first day on; scrolling
//! near the end loads the next weeks (infinite scroll). Days without events are left out.
//! Enter or a double click opens the event.
class AgendaView final : public QTreeWidget {
    Q_OBJECT
public:
    static constexpr int kChunkDays = 28;
    static constexpr int kMaxEmptyLookAheadDays = 366;

    explicit AgendaView(CalendarService &calendar, QWidget *parent = nullptr);
    //! Shows from `first` on (kChunkDays, more as the user scrolls). Keeps how far it had
    //! loaded when `first` does not change (a refresh after an edit).
    void setStart(QDate first);
    QDate start() const { return m_first; }
    int loadedDays() const { return m_days; }
    //! Loads the next kChunkDays.
    void loadMore();
    //! Reads the events again for the days loaded so far.
    void reload();
    QString selectedEventId() const;
    int eventRowCount() const;

Q_SIGNALS:
    void openRequested(const QString &eventId, const QDateTime &occurrenceStart);
    void selectionChanged(const QString &eventId);

private:
    void append(QDate from, QDate to);
    void maybeLoadMore();

    CalendarService &m_calendar;
    QDate m_first;
    int m_days = 0;
    bool m_loading = false;
};

} // namespace kairos
