#pragma once

#include "calendar/calendarservice.h"
#include "core/expected.h"
#include "room/roomclient.h"
#include "team/sharingsettings.h"
#include "team/snapshot.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>

namespace kairos::team {

class TeamAvailability;

//! \brief A single-shot timer the publisher waits on; tests inject a manual one.
class PublishTimer {
public:
    virtual ~PublishTimer() = default;
    virtual void start(int ms) = 0; //!< (re)starts: fires once after \a ms
    virtual void stop() = 0;
    virtual bool isActive() const = 0;
    std::function<void()> onTimeout;
};

//! The QTimer-backed default.
class QtPublishTimer final : public PublishTimer {
public:
    QtPublishTimer();
    void start(int ms) override { m_timer.start(ms); }
    void stop() override { m_timer.stop(); }
    bool isActive() const override { return m_timer.isActive(); }

private:
    QTimer m_timer;
};

using PublishTimerFactory = std::function<std::unique_ptr<PublishTimer>()>;

//! \brief Publishes this member's availability snapshot to one room.
//!
//! On every join (and re-join) it publishes, or — sharing off — withdraws (`{}`), so the server's
//! copy always follows the setting. Calendar changes republish after a quiet `debounceMs`
//! (a sync touching many events publishes once); every `refreshMs` it republishes so the
//! horizon moves on. Identical content is not resent before a refresh is due. The own
//! snapshot also goes to the TeamAvailability (shared or not: it is this user's own data).
class AvailabilityPublisher final : public QObject {
    Q_OBJECT
public:
    using SnapshotSource = std::function<Expected<AvailabilitySnapshot>()>;

    struct Config {
        int debounceMs = 2000;
        int refreshMs = 60 * 60 * 1000;
        PublishTimerFactory timers; //!< default: QtPublishTimer
    };

    //! \a calendar's changed() triggers a debounced republish; \a settings give the options and
    //! the per-room switch (key \a roomKey). None owned; \a team may be null.
    AvailabilityPublisher(room::RoomClient *client, QString roomKey, CalendarService *calendar,
        SharingSettings *settings, TeamAvailability *team, Config config,
        QObject *parent = nullptr);
    AvailabilityPublisher(room::RoomClient *client, QString roomKey, CalendarService *calendar,
        SharingSettings *settings, TeamAvailability *team, QObject *parent = nullptr)
        : AvailabilityPublisher(
            client, std::move(roomKey), calendar, settings, team, Config {}, parent)
    { }
    ~AvailabilityPublisher() override;

    //! Replaces the snapshot source (default: buildSnapshot over the calendar and settings).
    void setSource(SnapshotSource source) { m_source = std::move(source); }

    QString roomKey() const { return m_roomKey; }
    bool isSharing() const;
    //! Turns sharing on (publishes now) or off (withdraws now); remembered per room.
    void setSharing(bool on);

    //! Builds and publishes (or withdraws) right away.
    void publishNow();
    //! A calendar or settings change: publish after the debounce.
    void schedule();
    bool isPending() const;

    int publishCount() const { return m_publishCount; }
    int withdrawCount() const { return m_withdrawCount; }
    std::optional<AvailabilitySnapshot> lastPublished() const { return m_last; }
    //! The last build error (empty when the last build worked).
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void sharingChanged(bool on);
    void published(const kairos::team::AvailabilitySnapshot &snapshot);
    void withdrawn();

private:
    void onJoined();

    QPointer<room::RoomClient> m_client;
    QString m_roomKey;
    QPointer<CalendarService> m_calendar;
    QPointer<SharingSettings> m_settings;
    QPointer<TeamAvailability> m_team;
    Config m_config;
    SnapshotSource m_source;
    std::unique_ptr<PublishTimer> m_debounce;
    std::unique_ptr<PublishTimer> m_refresh;
    std::optional<AvailabilitySnapshot> m_last;
    int m_publishCount = 0;
    int m_withdrawCount = 0;
    bool m_withdrawn = false; //!< withdrawn since the last join / switch
    QString m_lastError;
};

} // namespace kairos::team
