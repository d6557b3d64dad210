#pragma once

#include "model/occurrence.h"

#include <QColor>
#include <QDate>
#include <QFontMetrics>
#include <QList>
#include <QTimeZone>
#include <QWidget>

namespace kairos {

//! \brief The month grid: 6 weeks × 7 days, day numbers, event chips and "+N more".
//! Fed with occurrences like TimeGridView.
class MonthView final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MonthView)
public:
    explicit MonthView(QWidget *parent = nullptr);
    ~MonthView() override;

    //! Shows the month containing `day`.
    void setMonth(QDate day);
    QDate month() const { return m_month; }
    QDate firstVisibleDay() const { return m_first; }
    QDate lastVisibleDay() const { return m_first.addDays(41); }

    void setTimeZone(const QTimeZone &zone);
    void setOccurrences(QList<Occurrence> occurrences);

    QString selectedEventId() const { return m_selected; }
    void setSelectedEventId(const QString &id);

    //! Geometry for tests: a day's cell, the chips drawn in it and its "+N more" link.
    QRect cellRect(QDate day) const;
    QList<QRect> chipRects(QDate day) const;
    QStringList chipTexts(QDate day) const;
    int hiddenCount(QDate day) const;
    QRect moreRect(QDate day) const;

Q_SIGNALS:
    void dayRequested(QDate day); //!< "+N more" clicked: show that day
    void createRequested(const QDateTime &start, const QDateTime &end, bool allDay);
    //! `occurrenceStart`: the double-clicked occurrence's start (empty from the keyboard).
    void openRequested(const QString &eventId, const QDateTime &occurrenceStart = QDateTime());
    void selectionChanged(const QString &eventId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    void rebucket();
    int headerHeight() const;
    int chipHeight() const { return m_chipHeight; }
    int chipCapacity() const; //!< chips that fit in a cell, "+N more" included
    int dayIndexAt(const QPoint &pos) const;
    int chipAt(const QPoint &pos, int *dayIndex) const; //!< index into m_occ or -1
    QString chipText(const Occurrence &o) const;
    const QString &elided(int occ, const QFontMetrics &fm, int width, int cellWidth) const;

    QDate m_month;
    QDate m_first;
    QTimeZone m_zone;
    QList<Occurrence> m_occ;
    QList<QList<int>> m_buckets; //!< 42 days → indices into m_occ
    QString m_selected;
    QList<QColor> m_fill; //!< per occurrence, computed with the data
    mutable QList<QString> m_elided; //!< m_label elided to m_elidedWidth
    mutable QList<int> m_elidedWidths;
    QList<QString> m_label; //!< per occurrence, e.g. "09:00 Standup"
    int m_chipHeight = 18;
};

} // namespace kairos
