#pragma once

#include "chat/chatcontroller.h"
#include "mainwindow.h"
#include "team/groupoverlay.h"
#include "team/publisher.h"
#include "team/sharingbar.h"
#include "team/sharingsettings.h"
#include "team/teamavailability.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QAction;

namespace kairos {

class CalendarService;
class Profile;
class SettingsDialog;

//! \brief Wires availability sharing into the running app (issue 6): for the chat controller's
//! room a TeamAvailability (what everyone shared) and an AvailabilityPublisher (what this user
//! shares), the sharing line in the chat panel, Settings → Availability, and the group view
//! (View → Team Availability, the legend above the grid, the overlay under the week's events).
//!
//! Object names: groupViewAction (View menu), plus those of SharingBar, GroupLegend and
//! AvailabilityPage.
class TeamController final : public QObject {
    Q_OBJECT
public:
    TeamController(MainWindow *window, ChatController *chat, CalendarService *calendar,
        const Profile &profile, QObject *parent = nullptr);
    ~TeamController() override;

    team::TeamAvailability *availability() const { return m_team; }
    team::AvailabilityPublisher *publisher() const { return m_publisher; }
    team::SharingSettings *settings() const { return m_settings; }
    GroupAvailabilityOverlay *overlay() const { return m_overlay; }
    GroupLegend *legend() const { return m_legend; }
    SharingBar *sharingBar() const { return m_bar; }
    QAction *groupViewAction() const { return m_groupAction; }

    //! Replaces the publisher's timers (tests). Applies to publishers made after the call.
    void setPublisherConfig(team::AvailabilityPublisher::Config config)
    {
        m_config = std::move(config);
    }

Q_SIGNALS:
    //! A new room's availability is in place (availability() now follows it).
    void roomChanged();

private:
    void onRoomChanged();
    void addSettingsPage(SettingsDialog *dialog);

    QPointer<MainWindow> m_window;
    QPointer<ChatController> m_chat;
    CalendarService *m_calendar;
    const Profile &m_profile;
    team::SharingSettings *m_settings = nullptr;
    team::TeamAvailability *m_team = nullptr;
    std::unique_ptr<team::SnapshotCache> m_snapshotCache;
    QPointer<team::AvailabilityPublisher> m_publisher;
    QPointer<SharingBar> m_bar;
    GroupAvailabilityOverlay *m_overlay = nullptr;
    QPointer<GroupLegend> m_legend;
    QAction *m_groupAction = nullptr;
    team::AvailabilityPublisher::Config m_config;
};

} // namespace kairos
