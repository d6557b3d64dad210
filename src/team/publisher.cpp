#include "team/publisher.h"

#include "calendar/calendarservice.h"
#include "core/logging.h"
#include "room/roomclient.h"
#include "team/snapshotbuilder.h"
#include "team/teamavailability.h"

namespace kairos::team {

QtPublishTimer::QtPublishTimer()
{
    m_timer.setSingleShot(true);
    QObject::connect(&m_timer, &QTimer::timeout, [this]() {
        if (onTimeout)
            onTimeout();
    });
}

namespace {
//! Same content apart from when it was made.
bool sameContent(AvailabilitySnapshot a, AvailabilitySnapshot b)
{
    a.madeAt = b.madeAt;
    return a == b;
}
} // namespace

AvailabilityPublisher::AvailabilityPublisher(room::RoomClient *client, QString roomKey,
    CalendarService *calendar, SharingSettings *settings, TeamAvailability *team, Config config,
    QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_roomKey(std::move(roomKey))
    , m_calendar(calendar)
    , m_settings(settings)
    , m_team(team)
    , m_config(std::move(config))
{
    const PublishTimerFactory factory = m_config.timers
        ? m_config.timers
        : PublishTimerFactory([]() { return std::make_unique<QtPublishTimer>(); });
    m_debounce = factory();
    m_refresh = factory();
    m_debounce->onTimeout = [this]() { publishNow(); };
    m_refresh->onTimeout = [this]() {
        m_last.reset(); // a refresh always goes out: the horizon has moved
        publishNow();
    };
    m_source = [this]() -> Expected<AvailabilitySnapshot> {
        if (!m_calendar || !m_settings)
            return makeError(Error::Code::NotConfigured, QStringLiteral("no calendar"));
        return buildSnapshot(*m_calendar, m_settings->snapshotOptions());
    };
    if (m_client)
        connect(m_client, &room::RoomClient::joined, this, &AvailabilityPublisher::onJoined);
    if (m_calendar)
        connect(m_calendar, &CalendarService::changed, this, &AvailabilityPublisher::schedule);
    if (m_settings) {
        connect(m_settings, &SharingSettings::changed, this, &AvailabilityPublisher::schedule);
        connect(m_settings, &SharingSettings::sharingChanged, this,
            [this](const QString &key, bool on) {
                if (key != m_roomKey)
                    return;
                m_last.reset();
                m_withdrawn = false;
                publishNow();
                Q_EMIT sharingChanged(on);
            });
    }
}

AvailabilityPublisher::~AvailabilityPublisher() = default;

bool AvailabilityPublisher::isSharing() const
{
    return !m_settings || m_settings->isSharing(m_roomKey);
}

void AvailabilityPublisher::setSharing(bool on)
{
    if (m_settings)
        m_settings->setSharing(m_roomKey, on); // → sharingChanged → publishNow
}

void AvailabilityPublisher::schedule()
{
    m_debounce->start(m_config.debounceMs);
}

bool AvailabilityPublisher::isPending() const
{
    return m_debounce->isActive();
}

void AvailabilityPublisher::onJoined()
{
    m_last.reset(); // the server may have lost it, or another device replaced it
    m_withdrawn = false;
    publishNow();
}

void AvailabilityPublisher::publishNow()
{
    m_debounce->stop();
    m_refresh->start(m_config.refreshMs);
    auto built = m_source();
    if (!built) {
        m_lastError = built.error().message;
        qCWarning(lcScheduling) << "availability snapshot not built:" << m_lastError;
        return;
    }
    m_lastError.clear();
    if (m_team)
        m_team->setOwnSnapshot(*built);
    if (!m_client)
        return;
    if (!isSharing()) {
        if (m_withdrawn)
            return;
        if (m_client->sendFreeBusy(QJsonObject())) {
            m_withdrawn = true;
            ++m_withdrawCount;
            m_last.reset();
            Q_EMIT withdrawn();
        }
        return;
    }
    if (m_last && sameContent(*m_last, *built))
        return;
    if (m_client->sendFreeBusy(toJson(*built))) {
        m_last = *built;
        ++m_publishCount;
        qCDebug(lcScheduling) << "published availability:" << built->busy.size()
                              << "busy intervals";
        Q_EMIT published(*built);
    }
}

} // namespace kairos::team
