#pragma once

#include "model/occurrence.h"

#include <QAbstractScrollArea>
#include <QColor>
#include <QDate>
#include <QFont>
#include <QFontMetrics>
#include <QList>
#include <QTimeZone>

class QPainter;

namespace kairos {

class TimeGridView;

//! \brief Something painted on the time grid under the events (the group availability view):
//! the view calls it after its background and before hour lines and events, and asks it for a
//! tool tip where no event is. Not owned by the view.
class TimeGridUnderlay {
public:
    virtual ~TimeGridUnderlay() = default;
    virtual void paintUnder(QPainter &painter, const TimeGridView &view) = 0;
    //! Tool tip at a viewport point with no event under it; empty: none.
    virtual QString toolTipAt(const QPoint &pos, const TimeGridView &view) const = 0;
};

//! \brief The day / week grid: N day columns, an hour axis, an all-day row and the current-time
//! line, custom-painted. Fed with occurrences (setOccurrences) by whoever owns it, so it can be
//! driven by the CalendarService or, in benchmarks, by a plain list.
//!
//! Vertical positions follow the wall clock of the view's zone, like Google Calendar: on a
//! 23-hour day the missing hour is shaded, on a 25-hour day the repeated hour's events share
//! the slot.
class TimeGridView final : public QAbstractScrollArea {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeGridView)
public:
    explicit TimeGridView(QWidget *parent = nullptr);
    ~TimeGridView() override;

    void setDays(QDate first, int count);
    QDate firstDay() const { return m_first; }
    int dayCount() const { return m_days; }
    QDate lastDay() const { return m_first.addDays(m_days - 1); }

    void setTimeZone(const QTimeZone &zone);
    QTimeZone timeZone() const { return m_zone; }
    void setOccurrences(QList<Occurrence> occurrences);
    const QList<Occurrence> &occurrences() const { return m_occ; }

    QString selectedEventId() const { return m_selected; }
    void setSelectedEventId(const QString &id);

    //! Where the event's pieces are drawn, in viewport coordinates (tests, accessibility).
    QList<QRect> eventRects(const QString &eventId) const;
    //! The viewport point for a wall time on a day (tests drive the mouse with it).
    QPoint pointForTime(QDate day, QTime time) const;
    //! The centre of a day's cell in the all-day row, in viewport coordinates.
    QPoint allDayPoint(QDate day) const;
    void scrollToTime(QTime time);
    int hourHeight() const { return m_hourHeight; }

    //! Paints under the events (nullptr: none). Not owned; call update() when it changes.
    void setUnderlay(TimeGridUnderlay *underlay);
    TimeGridUnderlay *underlay() const { return m_underlay; }
    //! Viewport x-range of a day column (`column` 0..dayCount()-1) and the body's y-range.
    QRect columnRect(int column) const;
    //! Viewport y of a wall-clock time (minutes after midnight, 0..1440) in the body.
    int yForWallMinutes(int minutes) const { return yForMinutes(minutes); }

Q_SIGNALS:
    //! The user asked for a new event over [start, end) (double-click or drag).
    void createRequested(const QDateTime &start, const QDateTime &end, bool allDay);
    //! `occurrenceStart`: the double-clicked occurrence's start (empty from the keyboard).
    void openRequested(const QString &eventId, const QDateTime &occurrenceStart = QDateTime());
    //! The user dragged an event to a new time (move, also across days) or dragged its bottom
    //! edge (resize); both snap to 15 minutes. Timed, writable, non-recurring events only.
    void rescheduleRequested(const QString &eventId, const QDateTime &start, const QDateTime &end);
    void selectionChanged(const QString &eventId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    struct TimedItem {
        int occ; //!< index in m_occ
        int day; //!< column
        int top; //!< wall minutes from the day's midnight
        int bottom;
        int col = 0;
        int cols = 1;
    };
    struct AllDayItem {
        int occ;
        int firstCol;
        int lastCol;
        int lane = 0;
    };
    struct Gap {
        int day;
        int top;
        int bottom;
    };

    void relayout();
    QDateTime inZone(const QDateTime &dt) const;
    void updateScrollRange();
    int headerHeight() const;
    int axisWidth() const { return m_axisWidth; }
    double columnWidth() const;
    int bodyTop() const { return headerHeight(); }
    int yForMinutes(int minutes) const;
    QRect timedRect(const TimedItem &item) const;
    QRect allDayRect(const AllDayItem &item) const;
    int hitEvent(const QPoint &pos) const; //!< index into m_occ or -1
    bool dayAndMinutesAt(const QPoint &pos, int *day, int *minutes) const;
    QDateTime wallToDateTime(int day, int minutes) const;
    void paintHeader(QPainter &p, const QRect &r);
    void paintBody(QPainter &p, const QRect &r);
    void paintTimedEvent(QPainter &p, const TimedItem &item, const QRect &rect);
    void paintPreview(QPainter &p, int day, int from, int to, const QString &text);
    bool canReschedule(int occ) const;
    //! The timed item under `pos` whose bottom edge is within grabbing distance, or -1.
    int resizeHandleAt(const QPoint &pos) const;
    void updateReschedule(const QPoint &pos);

    QDate m_first;
    int m_days = 7;
    QTimeZone m_zone;
    QList<Occurrence> m_occ;
    QList<TimedItem> m_timed;
    QList<AllDayItem> m_allDay;
    QList<Gap> m_gaps;
    //! Per occurrence, computed when the data changes so painting only draws.
    struct Look {
        QColor fill;
        QColor text;
        QString title;
        QString times;
        QString start;
    };
    QList<Look> m_look;
    // Paint-time state, refreshed at the start of each paint.
    QColor m_baseColor;
    QFont m_boldFont;
    QFontMetrics m_fm { QFont() };
    QFontMetrics m_boldFm { QFont() };
    int m_lanes = 0;
    bool m_initialScrollDone = false;
    QString m_selected;
    TimeGridUnderlay *m_underlay = nullptr;

    int m_hourHeight = 48;
    int m_axisWidth = 64;
    int m_dayHeaderHeight = 40;
    int m_laneHeight = 22;

    // Press-drag creation.
    bool m_pressed = false;
    bool m_dragging = false;
    QPoint m_pressPos;
    int m_dragDay = -1;
    int m_dragFrom = 0;
    int m_dragTo = 0;

    // Press-drag move / resize of an existing event.
    enum class EditMode { None, Move, Resize };
    EditMode m_edit = EditMode::None;
    bool m_editMoved = false;
    int m_editOcc = -1;
    int m_editPressDay = 0;
    int m_editPressMinutes = 0;
    QDateTime m_editStart; //!< preview, in the view's zone
    QDateTime m_editEnd;
};

} // namespace kairos
