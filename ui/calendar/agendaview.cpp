#include "calendar/agendaview.h"

#include "calendar/calendarservice.h"
#include "core/clock.h"

#include <QHeaderView>
#include <QLocale>
#include <QPainter>
#include <QScrollBar>

namespace kairos {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kStartRole = Qt::UserRole + 1;

QIcon swatch(const QString &color)
{
    QPixmap p(12, 12);
    p.fill(Qt::transparent);
    QPainter painter(&p);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(color));
    painter.drawEllipse(1, 1, 10, 10);
    return QIcon(p);
}

} // namespace

AgendaView::AgendaView(CalendarService &calendar, QWidget *parent)
    : QTreeWidget(parent)
    , m_calendar(calendar)
{
    setObjectName(QStringLiteral("agendaView"));
    setColumnCount(3);
    setHeaderHidden(true);
    setRootIsDecorated(false);
    setUniformRowHeights(false);
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(1, QHeaderView::Stretch);
    header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    header()->setStretchLastSection(false);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &AgendaView::maybeLoadMore);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this, &AgendaView::maybeLoadMore);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *it) {
        const QString id = it->data(0, kIdRole).toString();
        if (!id.isEmpty())
            Q_EMIT openRequested(id, it->data(0, kStartRole).toDateTime());
    });
    connect(this, &QTreeWidget::currentItemChanged, this,
        [this]() { Q_EMIT selectionChanged(selectedEventId()); });
}

void AgendaView::setStart(QDate first)
{
    if (first == m_first && m_days > 0)
        return reload();
    m_first = first;
    m_days = 0;
    clear();
    loadMore();
}

void AgendaView::reload()
{
    const QString keep = selectedEventId();
    const int scroll = verticalScrollBar()->value();
    const int days = std::max(m_days, kChunkDays);
    clear();
    m_days = 0;
    m_loading = true;
    append(m_first, m_first.addDays(days - 1));
    m_days = days;
    m_loading = false;
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (!keep.isEmpty() && topLevelItem(i)->data(0, kIdRole).toString() == keep) {
            setCurrentItem(topLevelItem(i));
            break;
        }
    }
    verticalScrollBar()->setValue(scroll);
}

void AgendaView::loadMore()
{
    if (!m_first.isValid() || m_loading)
        return;
    m_loading = true;
    const QDate from = m_first.addDays(m_days);
    append(from, from.addDays(kChunkDays - 1));
    m_days += kChunkDays;
    m_loading = false;
}

void AgendaView::maybeLoadMore()
{
    if (m_loading || !m_first.isValid())
        return;
    const QScrollBar *bar = verticalScrollBar();
    const bool nearEnd = bar->value() >= bar->maximum() - bar->pageStep() / 2;
    // A quiet calendar fills no screen: look further, up to a year ahead.
    if (nearEnd && (bar->maximum() > 0 || m_days < kMaxEmptyLookAheadDays))
        loadMore();
}

void AgendaView::append(QDate from, QDate to)
{
    auto result = m_calendar.occurrences(from, to);
    if (!result)
        return;
    const QTimeZone zone = m_calendar.timeZone();
    const QLocale locale;
    // Each day the occurrence covers, within [from, to].
    QMap<QDate, QList<const Occurrence *>> byDay;
    for (const Occurrence &o : std::as_const(*result)) {
        QDate d = o.allDay ? o.startDate : o.start.toTimeZone(zone).date();
        QDate last = o.allDay ? o.endDate.addDays(-1) : o.end.toTimeZone(zone).addMSecs(-1).date();
        if (last < d)
            last = d;
        for (d = std::max(d, from); d <= std::min(last, to); d = d.addDays(1))
            byDay[d] << &o;
    }
    const QDate today = Clock::nowUtc().toTimeZone(zone).date();
    for (auto it = byDay.cbegin(); it != byDay.cend(); ++it) {
        auto *header = new QTreeWidgetItem(this);
        QString day = locale.toString(it.key(), QLocale::LongFormat);
        if (it.key() == today)
            day = tr("Today — %1").arg(day);
        else if (it.key() == today.addDays(1))
            day = tr("Tomorrow — %1").arg(day);
        header->setText(0, day);
        header->setFirstColumnSpanned(true);
        header->setFlags(Qt::ItemIsEnabled);
        QFont f = font();
        f.setBold(true);
        header->setFont(0, f);
        for (const Occurrence *o : it.value()) {
            auto *row = new QTreeWidgetItem(this);
            if (o->allDay)
                row->setText(0, tr("All day"));
            else
                row->setText(0,
                    QStringLiteral("%1 – %2").arg(
                        locale.toString(o->start.toTimeZone(zone).time(), QLocale::ShortFormat),
                        locale.toString(o->end.toTimeZone(zone).time(), QLocale::ShortFormat)));
            row->setText(1, o->title.isEmpty() ? tr("(No title)") : o->title);
            row->setIcon(1, swatch(o->color));
            row->setText(2, o->location);
            row->setData(0, kIdRole, o->eventId);
            row->setData(0, kStartRole, o->recurring ? o->start : QDateTime());
        }
    }
}

QString AgendaView::selectedEventId() const
{
    const QTreeWidgetItem *it = currentItem();
    return it ? it->data(0, kIdRole).toString() : QString();
}

int AgendaView::eventRowCount() const
{
    int n = 0;
    for (int i = 0; i < topLevelItemCount(); ++i)
        n += topLevelItem(i)->data(0, kIdRole).toString().isEmpty() ? 0 : 1;
    return n;
}

} // namespace kairos
