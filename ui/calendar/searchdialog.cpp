#include "calendar/searchdialog.h"

#include "calendar/calendarservice.h"
#include "core/clock.h"
#include "store/eventstore.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kairos {

namespace {

constexpr int kIdRole = Qt::UserRole;
constexpr int kStartRole = Qt::UserRole + 1;
constexpr int kMaxResults = 200;

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

SearchDialog::SearchDialog(CalendarService &calendar, QWidget *parent)
    : QDialog(parent)
    , m_calendar(calendar)
{
    setObjectName(QStringLiteral("searchDialog"));
    setWindowTitle(tr("Find events"));
    auto *layout = new QVBoxLayout(this);
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("searchEdit"));
    m_edit->setPlaceholderText(tr("Search titles, places, notes and people"));
    m_edit->setClearButtonEnabled(true);
    m_edit->installEventFilter(this);
    layout->addWidget(m_edit);
    m_results = new QTreeWidget(this);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setHeaderLabels({ tr("Date"), tr("Event"), tr("Where") });
    m_results->setRootIsDecorated(false);
    m_results->setUniformRowHeights(true);
    m_results->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_results->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_results->header()->setStretchLastSection(false);
    layout->addWidget(m_results);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    layout->addWidget(m_status);
    connect(m_edit, &QLineEdit::textChanged, this, &SearchDialog::search);
    connect(m_results, &QTreeWidget::itemActivated, this, &SearchDialog::activate);
    resize(640, 420);
    search({});
}

int SearchDialog::resultCount() const
{
    return m_results->topLevelItemCount();
}

void SearchDialog::search(const QString &text)
{
    if (m_edit->text() != text) {
        const QSignalBlocker block(m_edit);
        m_edit->setText(text);
    }
    m_results->clear();
    if (text.trimmed().isEmpty()) {
        m_status->setText(tr("Type to search every calendar."));
        return;
    }
    const qint64 now = Clock::instance().currentMSecsSinceEpoch();
    auto found = m_calendar.store().search(text, now, kMaxResults + 1);
    if (!found) {
        m_status->setText(tr("The search failed: %1").arg(found.error().message));
        return;
    }
    QHash<QString, Calendar> calendars;
    for (const Calendar &c : m_calendar.calendars())
        calendars.insert(c.id, c);
    const QTimeZone zone = m_calendar.timeZone();
    const QLocale locale;
    int shown = 0;
    for (const Event &e : std::as_const(*found)) {
        if (shown == kMaxResults)
            break;
        ++shown;
        auto *it = new QTreeWidgetItem(m_results);
        const QDateTime start = e.startIn(zone);
        QString when = e.allDay ? locale.toString(e.startDate, QLocale::ShortFormat)
                                : locale.toString(start, QLocale::ShortFormat);
        if (e.isRecurring())
            when = tr("%1, repeats").arg(when);
        it->setText(0, when);
        it->setText(1, e.title.isEmpty() ? tr("(No title)") : e.title);
        it->setText(2, e.location);
        const Calendar c = calendars.value(e.calendarId);
        it->setIcon(1, swatch(c.color));
        it->setToolTip(1, c.name);
        it->setData(0, kIdRole, e.id);
        it->setData(0, kStartRole, start);
    }
    if (shown > 0)
        m_results->setCurrentItem(m_results->topLevelItem(0));
    m_status->setText(found->size() > kMaxResults
            ? tr("The first %n events found; type more to narrow it down.", "", kMaxResults)
            : shown == 0 ? tr("Nothing found.")
                         : tr("%n event(s) found", "", shown));
}

bool SearchDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Up / Down in the search field move through the results; Enter jumps.
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        const auto *k = static_cast<QKeyEvent *>(event);
        if (k->key() == Qt::Key_Down || k->key() == Qt::Key_Up) {
            const int row = m_results->indexOfTopLevelItem(m_results->currentItem());
            const int next = row + (k->key() == Qt::Key_Down ? 1 : -1);
            if (next >= 0 && next < m_results->topLevelItemCount())
                m_results->setCurrentItem(m_results->topLevelItem(next));
            return true;
        }
        if (k->key() == Qt::Key_Return || k->key() == Qt::Key_Enter) {
            if (QTreeWidgetItem *it = m_results->currentItem())
                activate(it);
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void SearchDialog::activate(QTreeWidgetItem *item)
{
    if (!item)
        return;
    Q_EMIT jumpTo(item->data(0, kIdRole).toString(), item->data(0, kStartRole).toDateTime());
    accept();
}

} // namespace kairos
