#include "team/sharingsettings.h"

#include "core/profile.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSettings>

namespace kairos::team {

namespace {
const QString kHours = QStringLiteral("availability/working_hours");
const QString kWeeks = QStringLiteral("availability/horizon_weeks");
const QString kEmail = QStringLiteral("availability/email");

QString sharingKey(const QString &roomKey)
{
    // Room keys may contain ':' or '/', which QSettings treats specially: hash them.
    const QByteArray h
        = QCryptographicHash::hash(roomKey.toUtf8(), QCryptographicHash::Sha1).toHex();
    return QStringLiteral("availability/sharing_") + QString::fromLatin1(h.left(16));
}
} // namespace

SharingSettings::SharingSettings(const Profile &profile, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
{ }

scheduling::WorkingHours SharingSettings::defaultWorkingHours()
{
    return scheduling::WorkingHours::weekdays({ scheduling::TimeRange { 9 * 60, 17 * 60 } });
}

scheduling::WorkingHours SharingSettings::workingHours() const
{
    const QString text = m_profile.settings()->value(kHours).toString();
    if (text.isEmpty())
        return defaultWorkingHours();
    if (text == QLatin1String("null"))
        return {}; // unrestricted
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    auto h = scheduling::WorkingHours::fromJson(doc.object(), QStringLiteral("working_hours"));
    return h ? *h : defaultWorkingHours();
}

void SharingSettings::setWorkingHours(const scheduling::WorkingHours &hours)
{
    m_profile.settings()->setValue(kHours,
        hours.isUnrestricted()
            ? QStringLiteral("null")
            : QString::fromUtf8(
                QJsonDocument(hours.toJson().toObject()).toJson(QJsonDocument::Compact)));
    Q_EMIT changed();
}

int SharingSettings::horizonWeeks() const
{
    return qBound(1, m_profile.settings()->value(kWeeks, kDefaultHorizonWeeks).toInt(), 26);
}

void SharingSettings::setHorizonWeeks(int weeks)
{
    m_profile.settings()->setValue(kWeeks, qBound(1, weeks, 26));
    Q_EMIT changed();
}

QString SharingSettings::email() const
{
    return m_profile.settings()->value(kEmail).toString();
}

void SharingSettings::setEmail(const QString &email)
{
    if (email == this->email())
        return;
    m_profile.settings()->setValue(kEmail, email);
    Q_EMIT changed();
}

bool SharingSettings::isSharing(const QString &roomKey) const
{
    return m_profile.settings()->value(sharingKey(roomKey), true).toBool();
}

void SharingSettings::setSharing(const QString &roomKey, bool on)
{
    if (on == isSharing(roomKey))
        return;
    m_profile.settings()->setValue(sharingKey(roomKey), on);
    Q_EMIT sharingChanged(roomKey, on);
}

QTimeZone SharingSettings::zone() const
{
    return m_profile.timeZone();
}

SnapshotOptions SharingSettings::snapshotOptions() const
{
    SnapshotOptions o;
    o.horizonWeeks = horizonWeeks();
    o.zone = zone();
    o.workingHours = workingHours();
    o.email = email();
    return o;
}

} // namespace kairos::team
