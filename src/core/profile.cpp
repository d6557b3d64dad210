#include "core/profile.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

namespace kairos {

Profile::Profile(QString name) : m_name(std::move(name))
{
    const QString home = qEnvironmentVariable("KAIROS_HOME");
    if (!home.isEmpty()) {
        m_dataDir = QDir(home).filePath(m_name + QStringLiteral("/data"));
        m_configDir = QDir(home).filePath(m_name + QStringLiteral("/config"));
    } else {
        const QString data = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
        const QString config
                = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
        m_dataDir = QDir(data).filePath(QStringLiteral("kairos/profiles/") + m_name);
        m_configDir = QDir(config).filePath(QStringLiteral("kairos/profiles/") + m_name);
    }
}

bool Profile::isValidName(const QString &name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$"));
    return re.match(name).hasMatch();
}

QString Profile::databasePath() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("kairos.sqlite"));
}

QString Profile::backupDir() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("backups"));
}

QString Profile::settingsPath() const
{
    return QDir(m_configDir).filePath(QStringLiteral("settings.ini"));
}

QString Profile::keychainService() const
{
    return QStringLiteral("kairos/") + m_name;
}

Expected<void> Profile::ensureDirs() const
{
    for (const QString &dir : { m_dataDir, m_configDir, backupDir() }) {
        if (!QDir().mkpath(dir))
            return makeError(Error::Code::StorageUnavailable, QStringLiteral("cannot create ") + dir);
        QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner
                                           | QFileDevice::ExeOwner);
    }
    return {};
}

std::unique_ptr<QSettings> Profile::settings() const
{
    return std::make_unique<QSettings>(settingsPath(), QSettings::IniFormat);
}

QByteArray Profile::timeZoneOverride() const
{
    return settings()->value(QStringLiteral("profile/timeZone")).toByteArray();
}

void Profile::setTimeZoneOverride(const QByteArray &ianaId) const
{
    auto s = settings();
    if (ianaId.isEmpty())
        s->remove(QStringLiteral("profile/timeZone"));
    else
        s->setValue(QStringLiteral("profile/timeZone"), QString::fromLatin1(ianaId));
}

QTimeZone Profile::timeZone() const
{
    const QByteArray id = timeZoneOverride();
    if (!id.isEmpty()) {
        QTimeZone tz(id);
        if (tz.isValid())
            return tz;
    }
    return QTimeZone::systemTimeZone();
}

} // namespace kairos
