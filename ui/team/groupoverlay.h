#pragma once

#include "calendar/timegridview.h"
#include "team/teamavailability.h"

#include <QColor>
#include <QObject>
#include <QPointer>
#include <QWidget>

class QButtonGroup;
class QCheckBox;
class QHBoxLayout;
class QLabel;
class QRadioButton;

namespace kairos {

//! \brief The group view: paints the room's availability under the week grid's events, in the
//! viewer's zone — one lane per member (busy filled in the member's colour, tentative striped,
//! out of office dark, outside working hours hatched, no snapshot dotted grey), or a combined
//! shading of how many members are busy (outside someone's working hours hatched). Hovering
//! says whose lane it is, their local time and their status.
class GroupAvailabilityOverlay final : public QObject, public TimeGridUnderlay {
    Q_OBJECT
public:
    enum class Mode { Lanes, Combined };
    Q_ENUM(Mode)

    GroupAvailabilityOverlay(
        team::TeamAvailability *team, TimeGridView *view, QObject *parent = nullptr);
    ~GroupAvailabilityOverlay() override;

    //! Shows (installs itself as the view's underlay) or hides the overlay.
    void setEnabled(bool on);
    bool isEnabled() const { return m_enabled; }
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }

    //! The members painted, in lane order.
    QList<team::MemberAvailability> members() const { return m_members; }
    static QColor memberColor(int index);
    //! Viewport rectangle of member \a member's lane in day column \a column (Lanes mode).
    QRect laneRect(int column, int member) const;
    //! The instant under a viewport point (invalid outside the body).
    QDateTime timeAt(const QPoint &pos) const;
    //! Lane index under a point (Lanes mode), or -1.
    int memberAt(const QPoint &pos) const;
    //! Members busy (busy / out of office) at an instant.
    QStringList busyAt(qint64 ms) const;

    void paintUnder(QPainter &painter, const TimeGridView &view) override;
    QString toolTipAt(const QPoint &pos, const TimeGridView &view) const override;

Q_SIGNALS:
    void changed();

private:
    struct Lane {
        team::MemberAvailability member;
        QList<scheduling::BusyInterval> busy; //!< clipped to the window
        QList<Interval> outside; //!< outside working hours in the window
    };
    void reload();
    void ensureWindow() const;
    //! Calls fn(column, topMinutes, bottomMinutes) for each day piece of an interval.
    template <typename Fn> void forEachPiece(const Interval &i, Fn fn) const;

    QPointer<team::TeamAvailability> m_team;
    QPointer<TimeGridView> m_view;
    bool m_enabled = false;
    Mode m_mode = Mode::Lanes;
    QList<team::MemberAvailability> m_members;
    mutable QList<Lane> m_lanes;
    mutable Interval m_window;
    mutable QByteArray m_windowKey;
    mutable bool m_dirty = true;
};

//! \brief The bar above the grid: the group-view switch, lanes / combined, a legend with each
//! member's colour, and the stale / missing notes.
//!
//! Object names: groupViewToggle, groupModeLanes, groupModeCombined, groupLegendMembers,
//! groupNotes.
class GroupLegend final : public QWidget {
    Q_OBJECT
public:
    GroupLegend(GroupAvailabilityOverlay *overlay, QWidget *parent = nullptr);
    QString notesText() const;

private:
    void rebuild();

    QPointer<GroupAvailabilityOverlay> m_overlay;
    QCheckBox *m_toggle = nullptr;
    QRadioButton *m_lanes = nullptr;
    QRadioButton *m_combined = nullptr;
    QWidget *m_details = nullptr;
    QHBoxLayout *m_memberRow = nullptr;
    QLabel *m_notes = nullptr;
};

} // namespace kairos
