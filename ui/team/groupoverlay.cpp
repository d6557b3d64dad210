#include "team/groupoverlay.h"

#include "calendar/viewhelpers.h"
#include "core/clock.h"
#include "scheduling/intervalset.h"
#include "team/availabilitytext.h"
#include "team/staleness.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QRadioButton>

#include <map>

namespace kairos {

using scheduling::BusyStatus;

namespace {
constexpr int kMinutesPerDay = 24 * 60;

QColor outsideHatch(const QPalette &pal)
{
    QColor c = pal.color(QPalette::Text);
    c.setAlpha(55);
    return c;
}
} // namespace

GroupAvailabilityOverlay::GroupAvailabilityOverlay(
    team::TeamAvailability *team, TimeGridView *view, QObject *parent)
    : QObject(parent)
    , m_team(team)
    , m_view(view)
{
    setObjectName(QStringLiteral("groupOverlay"));
    if (m_team)
        connect(m_team, &team::TeamAvailability::changed, this, &GroupAvailabilityOverlay::reload);
    reload();
}

GroupAvailabilityOverlay::~GroupAvailabilityOverlay()
{
    if (m_view && m_view->underlay() == this)
        m_view->setUnderlay(nullptr);
}

void GroupAvailabilityOverlay::setEnabled(bool on)
{
    if (on == m_enabled)
        return;
    m_enabled = on;
    if (m_view)
        m_view->setUnderlay(
            on ? this : (m_view->underlay() == this ? nullptr : m_view->underlay()));
    Q_EMIT changed();
}

void GroupAvailabilityOverlay::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    if (m_view)
        m_view->viewport()->update();
    Q_EMIT changed();
}

QColor GroupAvailabilityOverlay::memberColor(int index)
{
    static const QColor colors[] = { QColor(0x25, 0x63, 0xeb), QColor(0xd9, 0x46, 0x0f),
        QColor(0x05, 0x96, 0x69), QColor(0x93, 0x33, 0xea), QColor(0xdb, 0x27, 0x77),
        QColor(0xca, 0x8a, 0x04), QColor(0x08, 0x91, 0xb2), QColor(0x65, 0xa3, 0x0d) };
    return colors[index % int(std::size(colors))];
}

void GroupAvailabilityOverlay::reload()
{
    m_members = m_team ? m_team->members() : QList<team::MemberAvailability>();
    m_dirty = true;
    if (m_view && m_enabled)
        m_view->viewport()->update();
    Q_EMIT changed();
}

void GroupAvailabilityOverlay::ensureWindow() const
{
    if (!m_view)
        return;
    const QTimeZone zone = m_view->timeZone();
    const QByteArray key = m_view->firstDay().toString(Qt::ISODate).toLatin1() + '/'
        + QByteArray::number(m_view->dayCount()) + '/' + zone.id();
    if (!m_dirty && key == m_windowKey)
        return;
    m_windowKey = key;
    m_dirty = false;
    m_window = Interval::fromDateTimes(m_view->firstDay().startOfDay(zone),
        m_view->firstDay().addDays(m_view->dayCount()).startOfDay(zone));
    m_lanes.clear();
    for (const team::MemberAvailability &m : m_members) {
        Lane lane;
        lane.member = m;
        if (m.shared) {
            for (const scheduling::BusyInterval &b : m.participant.busy) {
                if (b.interval.overlaps(m_window))
                    lane.busy.append({ b.interval.intersected(m_window), b.status });
            }
            if (!m.participant.workingHours.isUnrestricted()) {
                lane.outside = scheduling::complement(
                    m.participant.workingHours.toUtc(m.participant.zone, m_window), m_window);
            }
        }
        m_lanes.append(lane);
    }
}

template <typename Fn> void GroupAvailabilityOverlay::forEachPiece(const Interval &i, Fn fn) const
{
    const QTimeZone zone = m_view->timeZone();
    for (int c = 0; c < m_view->dayCount(); ++c) {
        const QDate day = m_view->firstDay().addDays(c);
        const Interval d
            = Interval::fromDateTimes(day.startOfDay(zone), day.addDays(1).startOfDay(zone));
        const Interval piece = i.intersected(d);
        if (piece.isEmpty())
            continue;
        auto wall = [&](qint64 ms) {
            if (ms >= d.end)
                return kMinutesPerDay;
            if (ms <= d.start)
                return 0;
            const QTime t = QDateTime::fromMSecsSinceEpoch(ms, zone).time();
            return t.hour() * 60 + t.minute();
        };
        const int top = wall(piece.start);
        int bottom = wall(piece.end);
        if (bottom <= top) // a fold (the repeated hour): keep at least the piece's own length
            bottom = qMin(kMinutesPerDay, top + int(qMax<qint64>(1, piece.length() / 60000)));
        fn(c, top, bottom);
    }
}

QRect GroupAvailabilityOverlay::laneRect(int column, int member) const
{
    if (!m_view || m_members.isEmpty())
        return {};
    const QRect col = m_view->columnRect(column).adjusted(1, 0, 0, 0);
    const int n = int(m_members.size());
    const int x0 = col.x() + col.width() * member / n;
    const int x1 = col.x() + col.width() * (member + 1) / n;
    const int top = m_view->yForWallMinutes(0);
    return QRect(x0, top, x1 - x0, m_view->yForWallMinutes(kMinutesPerDay) - top);
}

void GroupAvailabilityOverlay::paintUnder(QPainter &p, const TimeGridView &view)
{
    if (!m_enabled || m_members.isEmpty())
        return;
    ensureWindow();
    const QPalette &pal = view.palette();
    auto yOf = [&](int minutes) { return view.yForWallMinutes(minutes); };
    p.setPen(Qt::NoPen);

    if (m_mode == Mode::Lanes) {
        for (int li = 0; li < m_lanes.size(); ++li) {
            const Lane &lane = m_lanes.at(li);
            const QColor color = memberColor(li);
            for (int c = 0; c < view.dayCount(); ++c) {
                const QRect lr = laneRect(c, li);
                if (!lane.member.shared) {
                    QColor g = pal.color(QPalette::Mid);
                    g.setAlpha(70);
                    p.fillRect(lr, QBrush(g, Qt::Dense6Pattern));
                    continue;
                }
                QColor wash = color;
                wash.setAlpha(14);
                p.fillRect(lr, wash);
            }
            if (!lane.member.shared)
                continue;
            for (const Interval &o : lane.outside) {
                forEachPiece(o, [&](int c, int top, int bottom) {
                    const QRect lr = laneRect(c, li);
                    const QRect r(lr.x(), yOf(top), lr.width(), yOf(bottom) - yOf(top));
                    QColor shade = pal.color(QPalette::Mid);
                    shade.setAlpha(40);
                    p.fillRect(r, shade);
                    p.fillRect(r, QBrush(outsideHatch(pal), Qt::BDiagPattern));
                });
            }
            for (const scheduling::BusyInterval &b : lane.busy) {
                forEachPiece(b.interval, [&](int c, int top, int bottom) {
                    const QRect lr = laneRect(c, li).adjusted(1, 0, -1, 0);
                    const QRect r(lr.x(), yOf(top), lr.width(), qMax(2, yOf(bottom) - yOf(top)));
                    QColor fill = color;
                    switch (b.status) {
                    case BusyStatus::Busy:
                        fill.setAlpha(150);
                        p.fillRect(r, fill);
                        break;
                    case BusyStatus::Tentative:
                        fill.setAlpha(60);
                        p.fillRect(r, fill);
                        fill.setAlpha(170);
                        p.fillRect(r, QBrush(fill, Qt::FDiagPattern));
                        break;
                    case BusyStatus::OutOfOffice:
                        fill = fill.darker(170);
                        fill.setAlpha(200);
                        p.fillRect(r, fill);
                        break;
                    }
                });
            }
        }
        // Lane separators.
        QColor sep = pal.color(QPalette::Mid);
        sep.setAlpha(60);
        p.setPen(sep);
        for (int c = 0; c < view.dayCount(); ++c) {
            for (int li = 1; li < m_lanes.size(); ++li) {
                const QRect lr = laneRect(c, li);
                p.drawLine(lr.left(), lr.top(), lr.left(), lr.bottom());
            }
        }
        return;
    }

    // Combined: how many shared members are busy, as one shading; someone outside hours hatched.
    int shared = 0;
    std::map<qint64, int> delta;
    QList<Interval> outsideAny;
    for (const Lane &lane : std::as_const(m_lanes)) {
        if (!lane.member.shared)
            continue;
        ++shared;
        scheduling::IntervalList hard;
        for (const scheduling::BusyInterval &b : lane.busy) {
            if (b.status != BusyStatus::Tentative)
                hard.append(b.interval);
        }
        for (const Interval &i : scheduling::normalized(hard)) {
            delta[i.start] += 1;
            delta[i.end] -= 1;
        }
        outsideAny = scheduling::unite(outsideAny, lane.outside);
    }
    if (shared == 0)
        return;
    for (const Interval &o : std::as_const(outsideAny)) {
        forEachPiece(o, [&](int c, int top, int bottom) {
            const QRect col = view.columnRect(c);
            p.fillRect(QRect(col.x(), yOf(top), col.width(), yOf(bottom) - yOf(top)),
                QBrush(outsideHatch(pal), Qt::BDiagPattern));
        });
    }
    const QColor base = pal.color(QPalette::Highlight);
    int count = 0;
    qint64 from = 0;
    for (const auto &[t, d] : delta) {
        if (count > 0 && t > from) {
            QColor fill = base;
            fill.setAlpha(25 + 150 * count / shared);
            forEachPiece({ from, t }, [&](int c, int top, int bottom) {
                const QRect col = view.columnRect(c).adjusted(1, 0, 0, 0);
                p.fillRect(
                    QRect(col.x(), yOf(top), col.width(), qMax(2, yOf(bottom) - yOf(top))), fill);
            });
        }
        count += d;
        from = t;
    }
}

QDateTime GroupAvailabilityOverlay::timeAt(const QPoint &pos) const
{
    if (!m_view)
        return {};
    for (int c = 0; c < m_view->dayCount(); ++c) {
        const QRect col = m_view->columnRect(c);
        if (pos.x() < col.left() || pos.x() > col.right() || pos.y() < col.top())
            continue;
        const int y0 = m_view->yForWallMinutes(0);
        const int minutes
            = qBound(0, (pos.y() - y0) * 60 / m_view->hourHeight(), kMinutesPerDay - 1);
        return QDateTime(
            m_view->firstDay().addDays(c), QTime(minutes / 60, minutes % 60), m_view->timeZone());
    }
    return {};
}

int GroupAvailabilityOverlay::memberAt(const QPoint &pos) const
{
    if (!m_view || m_mode != Mode::Lanes)
        return -1;
    for (int c = 0; c < m_view->dayCount(); ++c) {
        for (int li = 0; li < m_members.size(); ++li) {
            const QRect r = laneRect(c, li);
            if (pos.x() >= r.left() && pos.x() <= r.right())
                return li;
        }
    }
    return -1;
}

QStringList GroupAvailabilityOverlay::busyAt(qint64 ms) const
{
    QStringList out;
    for (const team::MemberAvailability &m : m_members) {
        for (const scheduling::BusyInterval &b : m.participant.busy) {
            if (b.interval.contains(ms) && b.status != BusyStatus::Tentative) {
                out << m.name;
                break;
            }
        }
    }
    return out;
}

QString GroupAvailabilityOverlay::toolTipAt(const QPoint &pos, const TimeGridView &) const
{
    if (!m_enabled)
        return {};
    const QDateTime at = timeAt(pos);
    if (!at.isValid())
        return {};
    ensureWindow();
    const qint64 ms = at.toMSecsSinceEpoch();
    const QDateTime now = Clock::nowUtc();
    auto describe = [&](int li) {
        const Lane &lane = m_lanes.at(li);
        const team::MemberAvailability &m = lane.member;
        const QString note = AvailabilityText::note(m, team::staleness(m, now));
        if (!m.shared)
            return note;
        QString state = tr("free");
        for (const scheduling::BusyInterval &b : m.participant.busy) {
            if (b.interval.contains(ms)) {
                state = AvailabilityText::status(b.status);
                break;
            }
        }
        bool outside = false;
        for (const Interval &o : lane.outside)
            outside = outside || o.contains(ms);
        if (outside)
            state = tr("%1, outside working hours").arg(state);
        const QDateTime local = at.toTimeZone(m.participant.zone);
        const QString time = QLocale().toString(local, QStringLiteral("ddd HH:mm"));
        QString line = tr("%1 — %2 in %3: %4")
                           .arg(m.name, time, AvailabilityText::city(m.participant.zone), state);
        if (!note.isEmpty())
            line += QLatin1Char('\n') + note;
        return line;
    };
    if (m_mode == Mode::Lanes) {
        const int li = memberAt(pos);
        return li >= 0 && li < m_lanes.size() ? describe(li) : QString();
    }
    QStringList lines;
    const QStringList busy = busyAt(ms);
    int shared = 0;
    for (const team::MemberAvailability &m : m_members)
        shared += m.shared ? 1 : 0;
    lines << tr("%1 of %2 busy").arg(busy.size()).arg(shared)
            + (busy.isEmpty() ? QString() : QStringLiteral(": ") + busy.join(QStringLiteral(", ")));
    for (int li = 0; li < m_lanes.size(); ++li)
        lines << describe(li);
    return lines.join(QLatin1Char('\n'));
}

// --- legend ---

GroupLegend::GroupLegend(GroupAvailabilityOverlay *overlay, QWidget *parent)
    : QWidget(parent)
    , m_overlay(overlay)
{
    setObjectName(QStringLiteral("groupLegend"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 2, 8, 2);
    outer->setSpacing(2);
    auto *row = new QHBoxLayout;
    m_toggle = new QCheckBox(tr("Show the team's availability"), this);
    m_toggle->setObjectName(QStringLiteral("groupViewToggle"));
    row->addWidget(m_toggle);
    m_details = new QWidget(this);
    auto *dl = new QHBoxLayout(m_details);
    dl->setContentsMargins(0, 0, 0, 0);
    m_lanes = new QRadioButton(tr("One lane per member"), m_details);
    m_lanes->setObjectName(QStringLiteral("groupModeLanes"));
    m_combined = new QRadioButton(tr("How many are busy"), m_details);
    m_combined->setObjectName(QStringLiteral("groupModeCombined"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_lanes);
    group->addButton(m_combined);
    dl->addWidget(m_lanes);
    dl->addWidget(m_combined);
    dl->addSpacing(12);
    auto *members = new QWidget(m_details);
    members->setObjectName(QStringLiteral("groupLegendMembers"));
    m_memberRow = new QHBoxLayout(members);
    m_memberRow->setContentsMargins(0, 0, 0, 0);
    dl->addWidget(members);
    dl->addStretch(1);
    row->addWidget(m_details, 1);
    outer->addLayout(row);
    m_notes = new QLabel(this);
    m_notes->setObjectName(QStringLiteral("groupNotes"));
    m_notes->setTextFormat(Qt::PlainText);
    m_notes->setWordWrap(true);
    m_notes->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
    outer->addWidget(m_notes);

    connect(m_toggle, &QCheckBox::toggled, this, [this](bool on) {
        if (m_overlay)
            m_overlay->setEnabled(on);
    });
    connect(m_lanes, &QRadioButton::toggled, this, [this](bool on) {
        if (m_overlay && on)
            m_overlay->setMode(GroupAvailabilityOverlay::Mode::Lanes);
    });
    connect(m_combined, &QRadioButton::toggled, this, [this](bool on) {
        if (m_overlay && on)
            m_overlay->setMode(GroupAvailabilityOverlay::Mode::Combined);
    });
    if (m_overlay)
        connect(m_overlay, &GroupAvailabilityOverlay::changed, this, &GroupLegend::rebuild);
    rebuild();
}

QString GroupLegend::notesText() const
{
    return m_notes->text();
}

void GroupLegend::rebuild()
{
    const bool on = m_overlay && m_overlay->isEnabled();
    const bool lanes = !m_overlay || m_overlay->mode() == GroupAvailabilityOverlay::Mode::Lanes;
    {
        const QSignalBlocker b1(m_toggle);
        const QSignalBlocker b2(m_lanes);
        const QSignalBlocker b3(m_combined);
        m_toggle->setChecked(on);
        m_lanes->setChecked(lanes);
        m_combined->setChecked(!lanes);
    }
    m_details->setVisible(on);
    while (QLayoutItem *item = m_memberRow->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QList<team::MemberAvailability> members
        = m_overlay ? m_overlay->members() : QList<team::MemberAvailability>();
    QStringList notes;
    const QDateTime now = Clock::nowUtc();
    for (int i = 0; i < members.size(); ++i) {
        const team::MemberAvailability &m = members.at(i);
        const QString note = AvailabilityText::note(m, team::staleness(m, now));
        if (!note.isEmpty())
            notes << note;
        if (!lanes)
            continue;
        QPixmap swatch(12, 12);
        swatch.fill(m.shared ? GroupAvailabilityOverlay::memberColor(i) : QColor(Qt::lightGray));
        auto *icon = new QLabel;
        icon->setPixmap(swatch);
        auto *name = new QLabel(m.self ? tr("%1 (you)").arg(m.name) : m.name);
        name->setObjectName(QStringLiteral("legendMember"));
        name->setTextFormat(Qt::PlainText); // the name is the member's own text
        name->setToolTip(ui::plainToolTip(note));
        m_memberRow->addWidget(icon);
        m_memberRow->addWidget(name);
        m_memberRow->addSpacing(8);
    }
    if (!lanes) {
        auto *key
            = new QLabel(tr("Darker: more people busy. Hatched: outside someone's working hours."));
        m_memberRow->addWidget(key);
    } else {
        auto *key = new QLabel(
            tr("Striped: tentative · dark: out of office · hatched: outside working hours"));
        key->setStyleSheet(QStringLiteral("color: palette(placeholder-text);"));
        m_memberRow->addWidget(key);
    }
    m_notes->setText(notes.join(QStringLiteral(" · ")));
    m_notes->setVisible(on && !notes.isEmpty());
}

} // namespace kairos
