#include "monthview.h"

#include "calendar/viewhelpers.h"
#include "core/clock.h"
#include "model/zonedtime.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

namespace kairos {

namespace {
constexpr int kDays = 42;
}

MonthView::MonthView(QWidget *parent)
    : QWidget(parent)
    , m_zone(QTimeZone::systemTimeZone())
    , m_buckets(kDays)
{
    setObjectName(QStringLiteral("monthView"));
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_chipHeight = fontMetrics().height() + 4;
    setMonth(QDate::currentDate());
}

MonthView::~MonthView() = default;

const QString &MonthView::elided(int occ, const QFontMetrics &fm, int width, int cellWidth) const
{
    // Elision is a costly part of painting a month; cache it per occurrence and width.
    Q_UNUSED(cellWidth);
    if (m_elided.size() != m_occ.size()) {
        m_elided = QList<QString>(m_occ.size());
        m_elidedWidths = QList<int>(m_occ.size(), -1);
    }
    QString &text = m_elided[occ];
    if (m_elidedWidths.at(occ) != width) {
        text = fm.elidedText(m_label.at(occ), Qt::ElideRight, width);
        m_elidedWidths[occ] = width;
    }
    return text;
}

void MonthView::setMonth(QDate day)
{
    const QDate month(day.year(), day.month(), 1);
    const QDate first = ui::weekStart(month);
    if (month == m_month && first == m_first)
        return;
    m_month = month;
    m_first = first;
    rebucket();
}

void MonthView::setTimeZone(const QTimeZone &zone)
{
    if (zone == m_zone)
        return;
    m_zone = zone;
    rebucket();
}

void MonthView::setOccurrences(QList<Occurrence> occurrences)
{
    m_occ = std::move(occurrences);
    rebucket();
}

void MonthView::setSelectedEventId(const QString &id)
{
    if (id == m_selected)
        return;
    m_selected = id;
    update();
    Q_EMIT selectionChanged(id);
}

void MonthView::rebucket()
{
    for (QList<int> &b : m_buckets)
        b.clear();
    m_fill.clear();
    m_label.clear();
    m_elided.clear();
    m_elidedWidths.clear();
    m_fill.reserve(m_occ.size());
    m_label.reserve(m_occ.size());
    for (const Occurrence &o : std::as_const(m_occ)) {
        m_fill.append(ui::eventFill(o));
        m_label.append(chipText(o));
    }
    for (int i = 0; i < m_occ.size(); ++i) {
        const Occurrence &o = m_occ.at(i);
        int first, last;
        if (o.allDay) {
            first = int(m_first.daysTo(o.startDate));
            last = int(m_first.daysTo(o.endDate)) - 1;
        } else {
            const QDateTime s = o.start.toTimeZone(m_zone);
            const QDateTime e = o.end.toTimeZone(m_zone);
            first = int(m_first.daysTo(s.date()));
            // An event ending at midnight does not show on the next day.
            last = e > s ? int(m_first.daysTo(e.addMSecs(-1).date())) : first;
        }
        first = qMax(first, 0);
        last = qMin(qMax(first, last), kDays - 1);
        for (int d = first; d <= last; ++d)
            m_buckets[d].append(i);
    }
    // The service sorts all-day first, then by start; a plain list may not be sorted.
    for (QList<int> &b : m_buckets) {
        std::stable_sort(b.begin(), b.end(), [this](int a, int c) {
            const Occurrence &x = m_occ.at(a);
            const Occurrence &y = m_occ.at(c);
            if (x.allDay != y.allDay)
                return x.allDay;
            return x.start < y.start;
        });
    }
    update();
}

int MonthView::headerHeight() const
{
    return fontMetrics().height() + 10;
}

QRect MonthView::cellRect(QDate day) const
{
    const int index = int(m_first.daysTo(day));
    if (index < 0 || index >= kDays)
        return {};
    const int top = headerHeight();
    const int row = index / 7, col = index % 7;
    const int x0 = col * width() / 7, x1 = (col + 1) * width() / 7;
    const int y0 = top + row * (height() - top) / 6, y1 = top + (row + 1) * (height() - top) / 6;
    return QRect(x0, y0, x1 - x0, y1 - y0);
}

int MonthView::chipCapacity() const
{
    const int cellH = (height() - headerHeight()) / 6;
    return qMax(1, (cellH - m_chipHeight - 6) / m_chipHeight);
}

QList<QRect> MonthView::chipRects(QDate day) const
{
    QList<QRect> out;
    const int index = int(m_first.daysTo(day));
    if (index < 0 || index >= kDays)
        return out;
    const QRect cell = cellRect(day);
    const int count = int(m_buckets.at(index).size());
    const int cap = chipCapacity();
    const int shown = count > cap ? cap - 1 : count;
    for (int k = 0; k < shown; ++k)
        out << QRect(cell.left() + 3, cell.top() + m_chipHeight + 4 + k * m_chipHeight,
            cell.width() - 6, m_chipHeight - 2);
    return out;
}

QString MonthView::chipText(const Occurrence &o) const
{
    const QString title = o.title.isEmpty() ? tr("(No title)") : o.title;
    if (o.allDay)
        return title;
    return ui::shortTime(o.start.toTimeZone(m_zone).time()) + QLatin1Char(' ') + title;
}

QStringList MonthView::chipTexts(QDate day) const
{
    QStringList out;
    const int index = int(m_first.daysTo(day));
    const qsizetype shown = chipRects(day).size();
    for (qsizetype k = 0; k < shown; ++k)
        out << m_label.at(m_buckets.at(index).at(k));
    return out;
}

int MonthView::hiddenCount(QDate day) const
{
    const int index = int(m_first.daysTo(day));
    if (index < 0 || index >= kDays)
        return 0;
    return int(m_buckets.at(index).size() - chipRects(day).size());
}

QRect MonthView::moreRect(QDate day) const
{
    if (hiddenCount(day) == 0)
        return {};
    const QRect cell = cellRect(day);
    const int k = chipCapacity() - 1;
    return QRect(cell.left() + 3, cell.top() + m_chipHeight + 4 + k * m_chipHeight,
        cell.width() - 6, m_chipHeight - 2);
}

void MonthView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    const QPalette &pal = palette();
    const QLocale locale;
    p.fillRect(rect(), pal.base());

    // Weekday names.
    const int top = headerHeight();
    p.fillRect(QRect(0, 0, width(), top), pal.window());
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.85);
    p.setFont(small);
    p.setPen(pal.color(QPalette::PlaceholderText));
    for (int c = 0; c < 7; ++c) {
        const QDate d = m_first.addDays(c);
        p.drawText(QRect(c * width() / 7, 0, width() / 7, top), Qt::AlignCenter,
            locale.dayName(d.dayOfWeek(), QLocale::ShortFormat).toUpper());
    }

    const QDate today = Clock::nowUtc().toTimeZone(m_zone).date();
    QColor grid = pal.color(QPalette::Mid);
    grid.setAlpha(110);
    QColor otherMonthBg = pal.color(QPalette::Window);
    otherMonthBg.setAlpha(120);
    {
        // Days of the neighbouring months, shaded in as few fills as possible: every large
        // fill may be handed to the raster engine's thread pool, which costs more than it
        // saves on a busy machine.
        const QDate firstOfMonth = m_month;
        const QDate lastOfMonth = m_month.addMonths(1).addDays(-1);
        const int lead = int(m_first.daysTo(firstOfMonth));
        if (lead > 0)
            p.fillRect(cellRect(m_first).united(cellRect(m_first.addDays(lead - 1))), otherMonthBg);
        const int trailStart = int(m_first.daysTo(lastOfMonth)) + 1;
        for (int i = trailStart; i < kDays;) {
            const int rowEnd = qMin(kDays - 1, (i / 7) * 7 + 6);
            p.fillRect(cellRect(m_first.addDays(i)).united(cellRect(m_first.addDays(rowEnd))),
                otherMonthBg);
            i = rowEnd + 1;
        }
    }
    const QFontMetrics fm(font());
    const QFontMetrics smallFm(small);
    const int cap = chipCapacity();
    const QColor accent = pal.color(QPalette::Highlight);

    for (int i = 0; i < kDays; ++i) {
        const QDate day = m_first.addDays(i);
        const QRect cell = cellRect(day);
        const bool inMonth = day.month() == m_month.month();
        p.setPen(grid);
        p.drawLine(cell.topLeft(), cell.topRight());
        p.drawLine(cell.topLeft(), cell.bottomLeft());

        // Day number, today in a filled circle; the first of a month also names the month.
        p.setFont(small);
        const QString number = day.day() == 1 ? locale.toString(day, QStringLiteral("d MMM"))
                                              : QString::number(day.day());
        const QRect numRect(cell.left() + 4, cell.top() + 3, cell.width() - 8, m_chipHeight);
        if (day == today) {
            const int w = qMax(m_chipHeight, smallFm.horizontalAdvance(number) + 10);
            const QRect pill(numRect.left(), numRect.top(), w, m_chipHeight);
            p.setRenderHint(QPainter::Antialiasing, true);
            p.setPen(Qt::NoPen);
            p.setBrush(accent);
            p.drawRoundedRect(pill, m_chipHeight / 2.0, m_chipHeight / 2.0);
            p.setRenderHint(QPainter::Antialiasing, false);
            p.setPen(pal.color(QPalette::HighlightedText));
            p.drawText(pill, Qt::AlignCenter, number);
        } else {
            QColor c = pal.color(QPalette::WindowText);
            if (!inMonth)
                c = pal.color(QPalette::PlaceholderText);
            p.setPen(c);
            p.drawText(numRect, Qt::AlignLeft | Qt::AlignVCenter, number);
        }

        // Chips.
        const QList<int> &bucket = m_buckets.at(i);
        if (bucket.isEmpty())
            continue;
        const int count = int(bucket.size());
        const int shown = count > cap ? cap - 1 : count;
        p.setFont(small);
        for (int k = 0; k < shown; ++k) {
            const Occurrence &o = m_occ.at(bucket.at(k));
            const QRect chip(cell.left() + 3, cell.top() + m_chipHeight + 4 + k * m_chipHeight,
                cell.width() - 6, m_chipHeight - 2);
            const QColor &fill = m_fill.at(bucket.at(k));
            const bool sel = o.eventId == m_selected;
            QColor textColor = pal.color(QPalette::Text);
            if (o.allDay) {
                p.setPen(sel ? QPen(fill.darker(170), 2) : QPen(Qt::NoPen));
                p.setBrush(fill);
                p.drawRect(chip);
                textColor = ui::textOn(fill);
            } else {
                if (sel) {
                    QColor bg = fill;
                    bg.setAlpha(60);
                    p.fillRect(chip, bg);
                }
                p.setRenderHint(QPainter::Antialiasing, true);
                p.setPen(Qt::NoPen);
                p.setBrush(fill);
                p.drawEllipse(QPointF(chip.left() + 5, chip.center().y() + 0.5), 3.5, 3.5);
                p.setRenderHint(QPainter::Antialiasing, false);
            }
            if (o.status == EventStatus::Tentative && !o.allDay)
                textColor = pal.color(QPalette::PlaceholderText);
            p.setPen(textColor);
            const QRect textRect = chip.adjusted(o.allDay ? 4 : 12, 0, -2, 0);
            p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                elided(bucket.at(k), smallFm, textRect.width(), cell.width()));
        }
        if (shown < count) {
            const QRect more(cell.left() + 3, cell.top() + m_chipHeight + 4 + shown * m_chipHeight,
                cell.width() - 6, m_chipHeight - 2);
            p.setPen(pal.color(QPalette::Link));
            p.drawText(more.adjusted(4, 0, 0, 0), Qt::AlignLeft | Qt::AlignVCenter,
                tr("+%n more", nullptr, count - shown));
        }
    }
}

int MonthView::dayIndexAt(const QPoint &pos) const
{
    const int top = headerHeight();
    if (pos.y() < top || width() <= 0 || height() <= top)
        return -1;
    const int col = qBound(0, pos.x() * 7 / width(), 6);
    const int row = qBound(0, (pos.y() - top) * 6 / (height() - top), 5);
    return row * 7 + col;
}

int MonthView::chipAt(const QPoint &pos, int *dayIndex) const
{
    const int index = dayIndexAt(pos);
    *dayIndex = index;
    if (index < 0)
        return -1;
    const QList<QRect> chips = chipRects(m_first.addDays(index));
    for (qsizetype k = 0; k < chips.size(); ++k) {
        if (chips.at(k).contains(pos))
            return m_buckets.at(index).at(k);
    }
    return -1;
}

void MonthView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    setFocus(Qt::MouseFocusReason);
    const QPoint pos = event->position().toPoint();
    int index = -1;
    const int hit = chipAt(pos, &index);
    if (hit >= 0) {
        setSelectedEventId(m_occ.at(hit).eventId);
        return;
    }
    if (index >= 0) {
        const QDate day = m_first.addDays(index);
        if (moreRect(day).contains(pos)) {
            Q_EMIT dayRequested(day);
            return;
        }
    }
    setSelectedEventId(QString());
}

void MonthView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    const QPoint pos = event->position().toPoint();
    int index = -1;
    const int hit = chipAt(pos, &index);
    if (hit >= 0) {
        Q_EMIT openRequested(m_occ.at(hit).eventId, m_occ.at(hit).start);
        return;
    }
    if (index < 0)
        return;
    const QDate day = m_first.addDays(index);
    if (moreRect(day).contains(pos))
        return;
    // A new event on that day; the dialog lets the user switch between all-day and timed.
    Q_EMIT createRequested(startOfDay(day, m_zone), startOfDay(day.addDays(1), m_zone), true);
}

void MonthView::keyPressEvent(QKeyEvent *event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter)
        && !m_selected.isEmpty()) {
        Q_EMIT openRequested(m_selected);
        return;
    }
    QWidget::keyPressEvent(event);
}

bool MonthView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        int index = -1;
        const int hit = chipAt(help->pos(), &index);
        if (hit >= 0)
            QToolTip::showText(help->globalPos(), ui::occurrenceToolTip(m_occ.at(hit)), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace kairos
