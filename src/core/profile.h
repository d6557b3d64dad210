#pragma once

#include "core/expected.h"

#include <QString>
#include <QTimeZone>

#include <memory>

class QSettings;

namespace kairos {

//! \brief A person's separate world on a machine: data folder (SQLite, backups), config folder
//! (settings, kairos.env) and keychain namespace. `--profile NAME` selects one.
//!
//! Folders are `<AppDataLocation>/profiles/<name>` and `<AppConfigLocation>/profiles/<name>`,
//! or under `$KAIROS_HOME/<name>/{data,config}` when that variable is set (tests, portable use).
class Profile {
public:
    explicit Profile(QString name = defaultName());

    static QString defaultName() { return QStringLiteral("default"); }
    //! Profile names are file-system and keychain safe: letters, digits, '-', '_', '.'.
    static bool isValidName(const QString &name);

    QString name() const { return m_name; }
    QString dataDir() const { return m_dataDir; }
    QString configDir() const { return m_configDir; }
    QString databasePath() const;
    QString backupDir() const;
    QString settingsPath() const;
    //! The keychain service all of this profile's secrets live under: "kairos/<profile>".
    QString keychainService() const;

    //! Creates the folders (private to the user). Fails with StorageUnavailable.
    Expected<void> ensureDirs() const;

    //! The profile's time zone: the Settings override, else the system zone.
    QTimeZone timeZone() const;
    //! Empty id = follow the system zone.
    void setTimeZoneOverride(const QByteArray &ianaId) const;
    QByteArray timeZoneOverride() const;

    //! A QSettings on this profile's INI file (never used for secrets).
    std::unique_ptr<QSettings> settings() const;

private:
    QString m_name;
    QString m_dataDir;
    QString m_configDir;
};

} // namespace kairos
