#include "team/teamcontroller.h"

#include "calendar/calendarservice.h"
#include "calendar/timegridview.h"
#include "chat/chatcontroller.h"
#include "chat/commandassistant.h"
#include "core/profile.h"
#include "mainwindow.h"
#include "settings/settingsdialog.h"
#include "team/availabilitypage.h"
#include "team/groupoverlay.h"
#include "team/sharingbar.h"

#include <QAction>
#include <QMenu>
#include <QSettings>
#include <QVBoxLayout>

namespace kairos {

namespace {
const QString kGroupView = QStringLiteral("availability/group_view");
const QString kGroupMode = QStringLiteral("availability/group_mode");
} // namespace

TeamController::TeamController(MainWindow *window, ChatController *chat, CalendarService *calendar,
    const Profile &profile, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_chat(chat)
    , m_calendar(calendar)
    , m_profile(profile)
{
    m_settings = new team::SharingSettings(profile, this);
    m_team = new team::TeamAvailability(this);
    m_overlay = new GroupAvailabilityOverlay(m_team, window ? window->timeGrid() : nullptr, this);
    if (window) {
        m_legend = new GroupLegend(m_overlay, window);
        window->addTopBar(m_legend);
        m_groupAction = new QAction(tr("&Team Availability"), window);
        m_groupAction->setObjectName(QStringLiteral("groupViewAction"));
        m_groupAction->setCheckable(true);
        m_groupAction->setToolTip(tr("Show the room's availability over the week"));
        if (auto *menu = window->findChild<QMenu *>(QStringLiteral("viewMenu"))) {
            menu->addSeparator();
            menu->addAction(m_groupAction);
        }
        connect(m_groupAction, &QAction::toggled, m_overlay, &GroupAvailabilityOverlay::setEnabled);
        connect(window, &MainWindow::settingsOpening, this, &TeamController::addSettingsPage);
    }
    connect(m_overlay, &GroupAvailabilityOverlay::changed, this, [this]() {
        if (m_groupAction) {
            const QSignalBlocker block(m_groupAction);
            m_groupAction->setChecked(m_overlay->isEnabled());
        }
        auto s = m_profile.settings();
        s->setValue(kGroupView, m_overlay->isEnabled());
        s->setValue(kGroupMode,
            m_overlay->mode() == GroupAvailabilityOverlay::Mode::Combined
                ? QStringLiteral("combined")
                : QStringLiteral("lanes"));
    });
    {
        auto s = m_profile.settings();
        const bool on = s->value(kGroupView, false).toBool();
        const bool combined = s->value(kGroupMode).toString() == QLatin1String("combined");
        m_overlay->setMode(combined ? GroupAvailabilityOverlay::Mode::Combined
                                    : GroupAvailabilityOverlay::Mode::Lanes);
        m_overlay->setEnabled(on);
    }
    if (m_chat) {
        // Chat answers ("Is Bob free at 3?") read the same snapshots.
        QPointer<team::TeamAvailability> team = m_team;
        m_chat->setMemberSource([team]() {
            QList<CommandAssistant::Member> out;
            if (!team)
                return out;
            const QList<team::MemberAvailability> all = team->members();
            for (const team::MemberAvailability &m : all) {
                CommandAssistant::Member c;
                c.name = m.name;
                c.shared = m.shared;
                c.madeAt = m.madeAt;
                c.email = m.email;
                c.participant = m.participant;
                out.append(c);
            }
            return out;
        });
        connect(m_chat, &ChatController::roomChanged, this, &TeamController::onRoomChanged);
        if (m_chat->client())
            onRoomChanged();
    }
}

TeamController::~TeamController()
{
    delete m_publisher;
    delete m_overlay; // before the view forgets it
    m_overlay = nullptr;
}

void TeamController::onRoomChanged()
{
    delete m_publisher;
    delete m_bar;
    room::RoomClient *client = m_chat ? m_chat->client() : nullptr;
    m_team->attach(client);
    if (!client)
        return;
    if (m_calendar) {
        if (!m_snapshotCache)
            m_snapshotCache = std::make_unique<team::SnapshotCache>(m_calendar->database());
        m_team->setCache(m_snapshotCache.get(), m_chat->roomKey());
    }
    m_publisher = new team::AvailabilityPublisher(
        client, m_chat->roomKey(), m_calendar, m_settings, m_team, m_config, this);
    if (QWidget *panel = m_chat->panel()) {
        m_bar = new SharingBar(m_publisher, panel);
        if (auto *layout = qobject_cast<QVBoxLayout *>(panel->layout()))
            layout->insertWidget(qMin(2, layout->count()), m_bar); // under the banner and notice
    }
    // The own snapshot shows in the group view even before the room is joined.
    m_publisher->publishNow();
    Q_EMIT roomChanged();
}

void TeamController::addSettingsPage(SettingsDialog *dialog)
{
    auto *page = new AvailabilityPage(m_settings, dialog);
    dialog->addPage(page, tr("Availability"), [page]() { return page->apply(); });
}

} // namespace kairos
