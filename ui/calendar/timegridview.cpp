#include "timegridview.h"

#include "calendar/viewhelpers.h"
#include "core/clock.h"
#include "model/zonedtime.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>

namespace kairos {

namespace {
constexpr int kMinutesPerDay = 24 * 60;
constexpr int kMaxLanes = 4;
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

int wallMinutes(const QDateTime &dt)
{
    const QTime t = dt.time();
    return t.hour() * 60 + t.minute();
}

int floorTo(int minutes, int step)
{
    return minutes - minutes % step;
}

int roundTo(int minutes, int step)
{
    return (minutes + step / 2) / step * step;
}

constexpr int kResizeGrip = 6;
} // namespace

TimeGridView::TimeGridView(QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_first(QDate::currentDate())
    , m_zone(QTimeZone::systemTimeZone())
{
    setObjectName(QStringLiteral("timeGridView"));
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setMouseTracking(true); // the resize cursor on an event's bottom edge
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    const QFontMetrics fm(font());
    m_hourHeight = qMax(48, fm.height() * 3);
    m_axisWidth = qMax(56, fm.horizontalAdvance(ui::shortTime(QTime(22, 0))) + 16);
    m_dayHeaderHeight = fm.height() * 2 + 12;
    m_laneHeight = fm.height() + 6;
    updateScrollRange();
}

TimeGridView::~TimeGridView() = default;

QDateTime TimeGridView::inZone(const QDateTime &dt) const
{
    // The service already hands out times in the viewer's zone; converting again is the
    // expensive part of laying out thousands of events.
    return dt.timeSpec() == Qt::TimeZone && dt.timeZone() == m_zone ? dt : dt.toTimeZone(m_zone);
}

void TimeGridView::setDays(QDate first, int count)
{
    if (first == m_first && count == m_days)
        return;
    m_first = first;
    m_days = qMax(1, count);
    relayout();
}

void TimeGridView::setTimeZone(const QTimeZone &zone)
{
    if (zone == m_zone)
        return;
    m_zone = zone;
    relayout();
}

void TimeGridView::setOccurrences(QList<Occurrence> occurrences)
{
    m_occ = std::move(occurrences);
    m_edit = EditMode::None; // indexes into the old list are stale
    m_editMoved = false;
    m_editOcc = -1;
    relayout();
}

void TimeGridView::setSelectedEventId(const QString &id)
{
    if (id == m_selected)
        return;
    m_selected = id;
    viewport()->update();
    Q_EMIT selectionChanged(id);
}

void TimeGridView::relayout()
{
    m_timed.clear();
    m_allDay.clear();
    m_gaps.clear();
    m_lanes = 0;

    QList<qint64> dayStart(m_days + 1);
    for (int d = 0; d <= m_days; ++d)
        dayStart[d] = startOfDay(m_first.addDays(d), m_zone).toMSecsSinceEpoch();
    const qint64 rangeStart = dayStart.first();
    const qint64 rangeEnd = dayStart.last();
    auto dayOf = [&](qint64 ms) {
        // Days differ in length only around DST changes, so a guess plus a correction is exact.
        int d = int((ms - rangeStart) / kDayMs);
        d = qBound(0, d, m_days - 1);
        while (d > 0 && ms < dayStart[d])
            --d;
        while (d < m_days - 1 && ms >= dayStart[d + 1])
            ++d;
        return d;
    };

    m_look.clear();
    m_look.reserve(m_occ.size());
    for (const Occurrence &o : std::as_const(m_occ)) {
        Look look;
        look.fill = ui::eventFill(o);
        look.text = ui::textOn(look.fill);
        look.title = o.title.isEmpty() ? tr("(No title)") : o.title;
        if (!o.allDay) {
            const QDateTime s = inZone(o.start);
            look.start = ui::shortTime(s.time());
            look.times
                = tr("%1 – %2").arg(ui::shortTime(s.time()), ui::shortTime(inZone(o.end).time()));
        }
        m_look.append(look);
    }
    m_timed.reserve(m_occ.size());
    for (int i = 0; i < m_occ.size(); ++i) {
        const Occurrence &o = m_occ.at(i);
        if (o.allDay) {
            const int first = int(m_first.daysTo(o.startDate));
            const int last = int(m_first.daysTo(o.endDate)) - 1;
            if (last < 0 || first >= m_days)
                continue;
            m_allDay.append({ i, qMax(0, first), qMin(m_days - 1, qMax(first, last)) });
            continue;
        }
        const qint64 s = o.start.toMSecsSinceEpoch();
        const qint64 e = o.end.toMSecsSinceEpoch();
        if (e < rangeStart || s >= rangeEnd || (e == rangeStart && s < e))
            continue;
        if (e - s >= kDayMs) {
            // Long timed events read better as bars, as Google and GNOME Calendar draw them.
            m_allDay.append(
                { i, s < rangeStart ? 0 : dayOf(s), e > rangeEnd ? m_days - 1 : dayOf(e - 1) });
            continue;
        }
        const int startDay = s < rangeStart ? 0 : dayOf(s);
        const int endDay = e >= rangeEnd ? m_days - 1 : dayOf(qMax(s, e - 1));
        const int startMin = s < rangeStart ? 0 : wallMinutes(inZone(o.start));
        const int endMin = e >= rangeEnd ? kMinutesPerDay
            : e == dayStart[endDay + 1]  ? kMinutesPerDay
                                         : wallMinutes(inZone(o.end));
        for (int d = startDay; d <= endDay; ++d) {
            const int top = d == startDay ? startMin : 0;
            int bottom = d == endDay ? endMin : kMinutesPerDay;
            if (bottom < top)
                bottom = top; // a fold: 02:30 CEST → 02:15 CET reads backwards on the wall
            m_timed.append({ i, d, top, bottom });
        }
    }

    // Cluster + column packing per day: items that overlap (transitively) share the width.
    const int minMinutes = (20 * 60 + m_hourHeight - 1) / m_hourHeight;
    std::sort(m_timed.begin(), m_timed.end(), [](const TimedItem &a, const TimedItem &b) {
        if (a.day != b.day)
            return a.day < b.day;
        if (a.top != b.top)
            return a.top < b.top;
        return a.bottom > b.bottom;
    });
    QList<int> columnEnds;
    int clusterBegin = 0;
    int clusterEnd = -1;
    int clusterDay = -1;
    auto closeCluster = [&](int endIndex) {
        for (int k = clusterBegin; k < endIndex; ++k)
            m_timed[k].cols = int(columnEnds.size());
    };
    for (int k = 0; k < m_timed.size(); ++k) {
        TimedItem &it = m_timed[k];
        const int bottom = qMax(it.bottom, it.top + minMinutes);
        if (it.day != clusterDay || it.top >= clusterEnd) {
            closeCluster(k);
            clusterBegin = k;
            clusterDay = it.day;
            clusterEnd = bottom;
            columnEnds.clear();
        }
        int col = 0;
        while (col < columnEnds.size() && columnEnds.at(col) > it.top)
            ++col;
        if (col == columnEnds.size())
            columnEnds.append(bottom);
        else
            columnEnds[col] = bottom;
        it.col = col;
        clusterEnd = qMax(clusterEnd, bottom);
    }
    closeCluster(int(m_timed.size()));

    // All-day lanes: first fit, longer bars first.
    std::sort(m_allDay.begin(), m_allDay.end(), [](const AllDayItem &a, const AllDayItem &b) {
        if (a.firstCol != b.firstCol)
            return a.firstCol < b.firstCol;
        return a.lastCol - a.firstCol > b.lastCol - b.firstCol;
    });
    QList<int> laneEnds;
    for (AllDayItem &it : m_allDay) {
        int lane = 0;
        while (lane < laneEnds.size() && laneEnds.at(lane) >= it.firstCol)
            ++lane;
        if (lane == laneEnds.size())
            laneEnds.append(it.lastCol);
        else
            laneEnds[lane] = it.lastCol;
        it.lane = lane;
    }
    m_lanes = int(laneEnds.size());

    // Wall-clock hours that do not exist (spring forward) are shaded.
    if (m_zone.hasTransitions()) {
        for (int d = 0; d < m_days; ++d) {
            const QTimeZone::OffsetData t
                = m_zone.nextTransition(QDateTime::fromMSecsSinceEpoch(dayStart[d] - 1, Qt::UTC));
            if (!t.atUtc.isValid())
                break;
            const qint64 at = t.atUtc.toMSecsSinceEpoch();
            if (at >= dayStart[d + 1])
                continue;
            const int before
                = m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(at - 1, Qt::UTC));
            if (t.offsetFromUtc <= before)
                continue;
            const int top
                = wallMinutes(QDateTime::fromMSecsSinceEpoch(at + before * 1000LL, Qt::UTC));
            m_gaps.append({ d, top, qMin(kMinutesPerDay, top + (t.offsetFromUtc - before) / 60) });
        }
    }

    updateScrollRange();
    viewport()->update();
}

int TimeGridView::headerHeight() const
{
    return m_dayHeaderHeight + qBound(1, m_lanes, kMaxLanes) * m_laneHeight + 6;
}

double TimeGridView::columnWidth() const
{
    return double(viewport()->width() - m_axisWidth) / m_days;
}

void TimeGridView::setUnderlay(TimeGridUnderlay *underlay)
{
    m_underlay = underlay;
    viewport()->update();
}

QRect TimeGridView::columnRect(int column) const
{
    const double cw = columnWidth();
    const int x = int(m_axisWidth + column * cw);
    const int right = int(m_axisWidth + (column + 1) * cw);
    return QRect(x, bodyTop(), right - x, viewport()->height() - bodyTop());
}

int TimeGridView::yForMinutes(int minutes) const
{
    return bodyTop() + minutes * m_hourHeight / 60 - verticalScrollBar()->value();
}

void TimeGridView::updateScrollRange()
{
    const int visible = viewport()->height() - headerHeight();
    QScrollBar *sb = verticalScrollBar();
    sb->setRange(0, qMax(0, 24 * m_hourHeight - visible));
    sb->setPageStep(qMax(1, visible));
    sb->setSingleStep(m_hourHeight / 2);
}

void TimeGridView::scrollToTime(QTime time)
{
    verticalScrollBar()->setValue((time.hour() * 60 + time.minute()) * m_hourHeight / 60);
}

void TimeGridView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollRange();
    if (!m_initialScrollDone && verticalScrollBar()->maximum() > 0) {
        m_initialScrollDone = true;
        scrollToTime(QTime(8, 0));
    }
}

void TimeGridView::scrollContentsBy(int, int)
{
    viewport()->update();
}

QRect TimeGridView::timedRect(const TimedItem &item) const
{
    const double cw = columnWidth();
    const double x0 = m_axisWidth + item.day * cw;
    const double usable = qMax(4.0, cw - 8); // leave a strip to click into a busy day
    const double w = usable / item.cols;
    const int top = yForMinutes(item.top);
    const int bottom = qMax(yForMinutes(item.bottom), top + 20);
    const int x = int(x0 + 1 + item.col * w);
    const int right = int(x0 + 1 + (item.col + 1) * w);
    return QRect(x, top + 1, qMax(2, right - x - 1), bottom - top - 2);
}

QRect TimeGridView::allDayRect(const AllDayItem &item) const
{
    const double cw = columnWidth();
    const int x = int(m_axisWidth + item.firstCol * cw) + 2;
    const int right = int(m_axisWidth + (item.lastCol + 1) * cw) - 3;
    return QRect(x, m_dayHeaderHeight + 2 + item.lane * m_laneHeight, right - x, m_laneHeight - 3);
}

QList<QRect> TimeGridView::eventRects(const QString &eventId) const
{
    QList<QRect> out;
    for (const AllDayItem &it : m_allDay) {
        if (it.lane < kMaxLanes && m_occ.at(it.occ).eventId == eventId)
            out << allDayRect(it);
    }
    for (const TimedItem &it : m_timed) {
        if (m_occ.at(it.occ).eventId == eventId)
            out << timedRect(it);
    }
    return out;
}

QPoint TimeGridView::pointForTime(QDate day, QTime time) const
{
    const int d = int(m_first.daysTo(day));
    const int x = int(m_axisWidth + (d + 0.5) * columnWidth());
    return QPoint(x, yForMinutes(time.hour() * 60 + time.minute()));
}

QPoint TimeGridView::allDayPoint(QDate day) const
{
    const int d = int(m_first.daysTo(day));
    return QPoint(
        int(m_axisWidth + (d + 0.5) * columnWidth()), m_dayHeaderHeight + m_laneHeight / 2);
}

int TimeGridView::hitEvent(const QPoint &pos) const
{
    if (pos.y() < bodyTop()) {
        for (const AllDayItem &it : m_allDay) {
            if (it.lane < kMaxLanes && allDayRect(it).contains(pos))
                return it.occ;
        }
        return -1;
    }
    for (qsizetype k = m_timed.size() - 1; k >= 0; --k) {
        if (timedRect(m_timed.at(k)).contains(pos))
            return m_timed.at(k).occ;
    }
    return -1;
}

bool TimeGridView::dayAndMinutesAt(const QPoint &pos, int *day, int *minutes) const
{
    if (pos.x() < m_axisWidth)
        return false;
    *day = qBound(0, int((pos.x() - m_axisWidth) / columnWidth()), m_days - 1);
    const int y = pos.y() - bodyTop() + verticalScrollBar()->value();
    *minutes = qBound(0, y * 60 / m_hourHeight, kMinutesPerDay);
    return true;
}

QDateTime TimeGridView::wallToDateTime(int day, int minutes) const
{
    const QDate date = m_first.addDays(day);
    if (minutes >= kMinutesPerDay)
        return startOfDay(date.addDays(1), m_zone);
    return zonedDateTime(date, QTime(minutes / 60, minutes % 60), m_zone);
}

void TimeGridView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QRect all = viewport()->rect();
    const int header = headerHeight();
    p.save();
    p.setClipRect(QRect(0, header, all.width(), all.height() - header));
    paintBody(p, all);
    p.restore();
    paintHeader(p, QRect(0, 0, all.width(), header));
}

void TimeGridView::paintHeader(QPainter &p, const QRect &r)
{
    const QPalette &pal = palette();
    const QLocale locale;
    const double cw = columnWidth();
    const QDate today = Clock::nowUtc().toTimeZone(m_zone).date();
    p.fillRect(r, pal.window());
    QColor line = pal.color(QPalette::Mid);
    line.setAlpha(110);

    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 1.35);
    const QFontMetrics smallFm(small);

    for (int d = 0; d < m_days; ++d) {
        const QDate date = m_first.addDays(d);
        const int x = int(m_axisWidth + d * cw);
        const int w = int(m_axisWidth + (d + 1) * cw) - x;
        const bool isToday = date == today;
        const QColor accent = pal.color(QPalette::Highlight);
        p.setFont(small);
        p.setPen(isToday ? accent : pal.color(QPalette::PlaceholderText));
        const QRect nameRect(x, 4, w, smallFm.height());
        p.drawText(nameRect, Qt::AlignHCenter | Qt::AlignTop,
            locale.dayName(date.dayOfWeek(), QLocale::ShortFormat).toUpper());
        p.setFont(big);
        const QFontMetrics bigFm(big);
        const QRect numRect(x, nameRect.bottom() + 2, w, bigFm.height());
        if (isToday) {
            const int dia = bigFm.height() + 2;
            const QRect circle(
                numRect.center().x() - dia / 2, numRect.center().y() - dia / 2, dia, dia);
            p.setRenderHint(QPainter::Antialiasing, true);
            p.setPen(Qt::NoPen);
            p.setBrush(accent);
            p.drawEllipse(circle);
            p.setRenderHint(QPainter::Antialiasing, false);
            p.setPen(pal.color(QPalette::HighlightedText));
        } else {
            p.setPen(pal.color(QPalette::WindowText));
        }
        p.drawText(numRect, Qt::AlignCenter, QString::number(date.day()));
        p.setPen(line);
        p.drawLine(x, m_dayHeaderHeight, x, r.bottom());
    }

    // The zone's abbreviation in the corner, so the user knows which clock the axis follows.
    p.setFont(small);
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRect(0, m_dayHeaderHeight, m_axisWidth - 6, m_laneHeight),
        Qt::AlignRight | Qt::AlignVCenter,
        m_zone.abbreviation(
            QDateTime::fromMSecsSinceEpoch(Clock::nowUtc().toMSecsSinceEpoch(), m_zone)));

    // All-day bars.
    p.setFont(small);
    QList<int> hidden(m_days, 0);
    for (const AllDayItem &it : m_allDay) {
        if (it.lane >= kMaxLanes) {
            for (int d = it.firstCol; d <= it.lastCol; ++d)
                ++hidden[d];
            continue;
        }
        const Occurrence &o = m_occ.at(it.occ);
        const Look &look = m_look.at(it.occ);
        const QRect rect = allDayRect(it);
        const QColor &fill = look.fill;
        const bool sel = o.eventId == m_selected;
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(sel ? QPen(fill.darker(170), 2) : QPen(Qt::NoPen));
        p.setBrush(fill);
        p.drawRoundedRect(rect, 4, 4);
        if (o.status == EventStatus::Tentative) {
            p.setBrush(QBrush(fill.darker(125), Qt::BDiagPattern));
            p.drawRoundedRect(rect, 4, 4);
        }
        p.setRenderHint(QPainter::Antialiasing, false);
        p.setPen(look.text);
        QString text = look.title;
        if (!o.allDay)
            text = look.start + QLatin1Char(' ') + look.title;
        p.drawText(rect.adjusted(6, 0, -4, 0), Qt::AlignLeft | Qt::AlignVCenter,
            smallFm.elidedText(text, Qt::ElideRight, rect.width() - 10));
    }
    for (int d = 0; d < m_days; ++d) {
        if (hidden.at(d) == 0)
            continue;
        const int x = int(m_axisWidth + d * cw);
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRect(x + 4, r.bottom() - m_laneHeight, int(cw) - 8, m_laneHeight),
            Qt::AlignRight | Qt::AlignVCenter, tr("+%n more", nullptr, hidden.at(d)));
    }

    p.setPen(pal.color(QPalette::Mid));
    p.drawLine(0, r.bottom(), r.right(), r.bottom());
}

void TimeGridView::paintBody(QPainter &p, const QRect &r)
{
    const QPalette &pal = palette();
    const double cw = columnWidth();
    const int header = headerHeight();
    const QDateTime now = Clock::nowUtc().toTimeZone(m_zone);
    const int todayCol = int(m_first.daysTo(now.date()));

    p.fillRect(r, pal.base());
    if (todayCol >= 0 && todayCol < m_days) {
        QColor tint = pal.color(QPalette::Highlight);
        tint.setAlpha(14);
        const int x = int(m_axisWidth + todayCol * cw);
        p.fillRect(QRect(x, header, int(m_axisWidth + (todayCol + 1) * cw) - x, r.height()), tint);
    }
    for (const Gap &g : m_gaps) {
        const int x = int(m_axisWidth + g.day * cw);
        const QRect gr(x, yForMinutes(g.top), int(m_axisWidth + (g.day + 1) * cw) - x,
            yForMinutes(g.bottom) - yForMinutes(g.top));
        QColor c = pal.color(QPalette::Mid);
        c.setAlpha(90);
        p.fillRect(gr, QBrush(c, Qt::BDiagPattern));
    }

    if (m_underlay) {
        p.save();
        p.setClipRect(QRect(m_axisWidth, header, r.width() - m_axisWidth, r.height() - header));
        m_underlay->paintUnder(p, *this);
        p.restore();
    }

    // Hour lines and labels.
    QColor hourLine = pal.color(QPalette::Mid);
    hourLine.setAlpha(90);
    QColor halfLine = hourLine;
    halfLine.setAlpha(40);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.8);
    p.setFont(small);
    const QFontMetrics fm(small);
    const int scroll = verticalScrollBar()->value();
    const int firstHour = qMax(0, scroll / m_hourHeight);
    const int lastHour = qMin(24, (scroll + r.height()) / m_hourHeight + 1);
    for (int h = firstHour; h <= lastHour; ++h) {
        const int y = yForMinutes(h * 60);
        p.setPen(hourLine);
        p.drawLine(m_axisWidth - 6, y, r.right(), y);
        p.setPen(halfLine);
        const int yh = yForMinutes(h * 60 + 30);
        p.drawLine(m_axisWidth, yh, r.right(), yh);
        if (h > 0 && h < 24) {
            p.setPen(pal.color(QPalette::PlaceholderText));
            p.drawText(QRect(0, y - fm.height() / 2, m_axisWidth - 10, fm.height()),
                Qt::AlignRight | Qt::AlignVCenter, ui::shortTime(QTime(h, 0)));
        }
    }
    p.setPen(hourLine);
    for (int d = 0; d < m_days; ++d) {
        const int x = int(m_axisWidth + d * cw);
        p.drawLine(x, header, x, r.bottom());
    }

    // Events, then the drag preview and the current-time line on top.
    const int visibleTop = scroll * 60 / m_hourHeight - 60;
    const int visibleBottom = (scroll + r.height()) * 60 / m_hourHeight;
    p.setFont(font());
    m_baseColor = pal.color(QPalette::Base);
    m_boldFont = font();
    m_boldFont.setBold(true);
    m_fm = QFontMetrics(font());
    m_boldFm = QFontMetrics(m_boldFont);
    for (const TimedItem &it : m_timed) {
        if (it.bottom < visibleTop || it.top > visibleBottom)
            continue;
        paintTimedEvent(p, it, timedRect(it));
    }

    if (m_dragging) {
        paintPreview(p, m_dragDay, m_dragFrom, m_dragTo,
            tr("%1 – %2").arg(ui::shortTime(wallToDateTime(m_dragDay, m_dragFrom).time()),
                ui::shortTime(wallToDateTime(m_dragDay, m_dragTo).time())));
    }
    if (m_edit != EditMode::None && m_editMoved) {
        // The event's new place, one piece per day it touches.
        const QString text
            = tr("%1 – %2").arg(ui::shortTime(m_editStart.time()), ui::shortTime(m_editEnd.time()));
        for (int d = 0; d < m_days; ++d) {
            const QDateTime dayStart = startOfDay(m_first.addDays(d), m_zone);
            const QDateTime dayEnd = startOfDay(m_first.addDays(d + 1), m_zone);
            if (m_editEnd <= dayStart || m_editStart >= dayEnd)
                continue;
            const int from = m_editStart <= dayStart ? 0 : wallMinutes(m_editStart);
            const int to = m_editEnd >= dayEnd ? kMinutesPerDay : wallMinutes(m_editEnd);
            paintPreview(p, d, from, qMax(from + 15, to), text);
        }
    }

    if (todayCol >= 0 && todayCol < m_days) {
        const int y = yForMinutes(wallMinutes(now));
        const int x = int(m_axisWidth + todayCol * cw);
        const int right = int(m_axisWidth + (todayCol + 1) * cw);
        const QColor red(0xe5, 0x3e, 0x3e);
        p.setRenderHint(QPainter::Antialiasing, true);
        p.setPen(QPen(red, 2));
        p.drawLine(x, y, right, y);
        p.setPen(Qt::NoPen);
        p.setBrush(red);
        p.drawEllipse(QPoint(x, y), 5, 5);
        p.setRenderHint(QPainter::Antialiasing, false);
    }
}

void TimeGridView::paintPreview(QPainter &p, int day, int from, int to, const QString &text)
{
    const double cw = columnWidth();
    const QPalette &pal = palette();
    const int x = int(m_axisWidth + day * cw) + 1;
    const QRect dr(x, yForMinutes(from), int(cw) - 8, yForMinutes(to) - yForMinutes(from));
    QColor c = pal.color(QPalette::Highlight);
    p.setPen(c);
    c.setAlpha(70);
    p.setBrush(c);
    p.drawRoundedRect(dr, 4, 4);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(dr.adjusted(6, 2, -4, -2), Qt::AlignLeft | Qt::AlignTop, text);
}

bool TimeGridView::canReschedule(int occ) const
{
    if (occ < 0 || occ >= m_occ.size())
        return false;
    const Occurrence &o = m_occ.at(occ);
    return !o.allDay && !o.readOnly && !o.recurring;
}

int TimeGridView::resizeHandleAt(const QPoint &pos) const
{
    if (pos.y() < bodyTop())
        return -1;
    for (qsizetype k = m_timed.size() - 1; k >= 0; --k) {
        const QRect r = timedRect(m_timed.at(k));
        if (r.contains(pos)) {
            const int occ = m_timed.at(k).occ;
            return pos.y() >= r.bottom() - kResizeGrip && canReschedule(occ) ? occ : -1;
        }
    }
    return -1;
}

void TimeGridView::updateReschedule(const QPoint &pos)
{
    const Occurrence &o = m_occ.at(m_editOcc);
    const QDateTime start = inZone(o.start);
    const QDateTime end = inZone(o.end);
    int day = 0, minutes = 0;
    if (!dayAndMinutesAt(pos, &day, &minutes)) {
        day = 0;
        minutes
            = qBound(0, (pos.y() - bodyTop() + verticalScrollBar()->value()) * 60 / m_hourHeight,
                kMinutesPerDay);
    }
    if (m_edit == EditMode::Move) {
        int wall = roundTo(wallMinutes(start) + minutes - m_editPressMinutes, 15);
        QDate date = start.date().addDays(day - m_editPressDay);
        while (wall < 0) {
            wall += kMinutesPerDay;
            date = date.addDays(-1);
        }
        while (wall >= kMinutesPerDay) {
            wall -= kMinutesPerDay;
            date = date.addDays(1);
        }
        m_editStart = zonedDateTime(date, QTime(wall / 60, wall % 60), m_zone);
        m_editEnd = m_editStart.addSecs(start.secsTo(end));
    } else {
        m_editStart = start;
        QDateTime newEnd = wallToDateTime(day, roundTo(minutes, 15));
        if (newEnd < start.addSecs(15 * 60))
            newEnd = start.addSecs(15 * 60);
        m_editEnd = newEnd;
    }
}

void TimeGridView::paintTimedEvent(QPainter &p, const TimedItem &item, const QRect &rect)
{
    const Occurrence &o = m_occ.at(item.occ);
    const Look &look = m_look.at(item.occ);
    const bool selected = o.eventId == m_selected;
    const bool tentative = o.status == EventStatus::Tentative;
    if (rect.width() <= 12 || rect.height() <= 8) {
        // Slivers in a crowded day: a plain fill is all that can be seen, and it is cheap.
        p.fillRect(rect.adjusted(0, 0, -1, -1), selected ? look.fill.darker(150) : look.fill);
        return;
    }
    p.setRenderHint(QPainter::Antialiasing, true);
    // A base-coloured outline keeps side-by-side and stacked events apart.
    p.setPen(selected ? QPen(look.fill.darker(180), 2) : QPen(m_baseColor, 1));
    p.setBrush(look.fill);
    p.drawRoundedRect(rect, 4, 4);
    if (tentative) {
        p.setPen(Qt::NoPen);
        p.setBrush(QBrush(look.fill.darker(125), Qt::BDiagPattern));
        p.drawRoundedRect(rect, 4, 4);
    }
    p.setRenderHint(QPainter::Antialiasing, false);
    if (rect.width() < 28 || rect.height() < 14)
        return;

    const QRect inner = rect.adjusted(5, 2, -3, -2);
    const QFontMetrics &fm = m_fm;
    const int lineH = fm.height();
    p.setPen(look.text);
    if (inner.height() < 2 * lineH) {
        // One line: "Title, 9:00".
        p.setFont(font());
        p.drawText(inner, Qt::AlignLeft | Qt::AlignTop,
            fm.elidedText(tr("%1, %2").arg(look.title, look.start), Qt::ElideRight, inner.width()));
        return;
    }
    p.setFont(m_boldFont);
    p.drawText(QRect(inner.left(), inner.top(), inner.width(), lineH), Qt::AlignLeft | Qt::AlignTop,
        m_boldFm.elidedText(look.title, Qt::ElideRight, inner.width()));
    p.setFont(font());
    int y = inner.top() + lineH;
    p.drawText(QRect(inner.left(), y, inner.width(), lineH), Qt::AlignLeft | Qt::AlignTop,
        fm.elidedText(look.times, Qt::ElideRight, inner.width()));
    y += lineH;
    if (!o.location.isEmpty() && y + lineH <= inner.bottom() + 1)
        p.drawText(QRect(inner.left(), y, inner.width(), lineH), Qt::AlignLeft | Qt::AlignTop,
            fm.elidedText(o.location, Qt::ElideRight, inner.width()));
}

void TimeGridView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    setFocus(Qt::MouseFocusReason);
    const QPoint pos = event->position().toPoint();
    const int hit = hitEvent(pos);
    if (hit >= 0) {
        setSelectedEventId(m_occ.at(hit).eventId);
        if (pos.y() >= bodyTop() && canReschedule(hit)) {
            const int handle = resizeHandleAt(pos);
            m_edit = handle == hit ? EditMode::Resize : EditMode::Move;
            m_editMoved = false;
            m_editOcc = hit;
            m_pressPos = pos;
            dayAndMinutesAt(pos, &m_editPressDay, &m_editPressMinutes);
        }
        return;
    }
    int day = 0, minutes = 0;
    if (pos.y() >= bodyTop() && dayAndMinutesAt(pos, &day, &minutes)) {
        m_pressed = true;
        m_pressPos = pos;
        m_dragDay = day;
        m_dragFrom = floorTo(qMin(minutes, kMinutesPerDay - 15), 15);
        m_dragTo = m_dragFrom + 15;
    }
}

void TimeGridView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_edit != EditMode::None) {
        if (!m_editMoved
            && (pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
            return;
        m_editMoved = true;
        updateReschedule(pos);
        viewport()->setCursor(
            m_edit == EditMode::Resize ? Qt::SizeVerCursor : Qt::ClosedHandCursor);
        viewport()->update();
        return;
    }
    if (!m_pressed) {
        if (event->buttons() == Qt::NoButton) {
            if (resizeHandleAt(pos) >= 0)
                viewport()->setCursor(Qt::SizeVerCursor);
            else
                viewport()->unsetCursor();
        }
        return QAbstractScrollArea::mouseMoveEvent(event);
    }
    if (!m_dragging && (pos - m_pressPos).manhattanLength() < QApplication::startDragDistance())
        return;
    m_dragging = true;
    int day = 0, minutes = 0, anchorDay = 0, anchor = 0;
    dayAndMinutesAt(QPoint(m_pressPos.x(), pos.y()), &day, &minutes);
    dayAndMinutesAt(m_pressPos, &anchorDay, &anchor);
    anchor = floorTo(qMin(anchor, kMinutesPerDay - 15), 15);
    if (minutes >= anchor) {
        m_dragFrom = anchor;
        m_dragTo = qMin(kMinutesPerDay, qMax(anchor + 15, (minutes + 14) / 15 * 15));
    } else {
        m_dragFrom = floorTo(minutes, 15);
        m_dragTo = anchor + 15;
    }
    viewport()->update();
}

void TimeGridView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mouseReleaseEvent(event);
    if (m_edit != EditMode::None) {
        const bool moved = m_editMoved;
        m_edit = EditMode::None;
        m_editMoved = false;
        viewport()->unsetCursor();
        viewport()->update();
        if (moved && m_editOcc >= 0 && m_editOcc < m_occ.size()) {
            const Occurrence &o = m_occ.at(m_editOcc);
            if (m_editStart != o.start || m_editEnd != o.end)
                Q_EMIT rescheduleRequested(o.eventId, m_editStart, m_editEnd);
        }
        m_editOcc = -1;
        return;
    }
    const bool dragged = m_dragging;
    const bool pressed = m_pressed;
    m_pressed = m_dragging = false;
    if (dragged) {
        viewport()->update();
        Q_EMIT createRequested(
            wallToDateTime(m_dragDay, m_dragFrom), wallToDateTime(m_dragDay, m_dragTo), false);
    } else if (pressed) {
        setSelectedEventId(QString());
    }
}

void TimeGridView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_pressed = m_dragging = false;
    m_edit = EditMode::None;
    m_editMoved = false;
    const QPoint pos = event->position().toPoint();
    const int hit = hitEvent(pos);
    if (hit >= 0) {
        setSelectedEventId(m_occ.at(hit).eventId);
        Q_EMIT openRequested(m_occ.at(hit).eventId, m_occ.at(hit).start);
        return;
    }
    int day = 0, minutes = 0;
    if (!dayAndMinutesAt(pos, &day, &minutes))
        return;
    if (pos.y() < bodyTop()) {
        if (pos.y() >= m_dayHeaderHeight) {
            const QDate date = m_first.addDays(day);
            Q_EMIT createRequested(
                startOfDay(date, m_zone), startOfDay(date.addDays(1), m_zone), true);
        }
        return;
    }
    const int slot = floorTo(qMin(minutes, kMinutesPerDay - 60), 30);
    Q_EMIT createRequested(wallToDateTime(day, slot), wallToDateTime(day, slot + 60), false);
}

void TimeGridView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && !m_selected.isEmpty()) {
        Q_EMIT openRequested(m_selected);
        return;
    }
    if (event->key() == Qt::Key_Escape && !m_selected.isEmpty()) {
        setSelectedEventId(QString());
        return;
    }
    QAbstractScrollArea::keyPressEvent(event);
}

bool TimeGridView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int hit = hitEvent(help->pos());
        const QString under
            = hit < 0 && m_underlay ? m_underlay->toolTipAt(help->pos(), *this) : QString();
        if (hit >= 0)
            QToolTip::showText(help->globalPos(),
                ui::plainToolTip(ui::occurrenceToolTip(m_occ.at(hit))), viewport());
        else if (!under.isEmpty())
            QToolTip::showText(help->globalPos(), ui::plainToolTip(under), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace kairos
