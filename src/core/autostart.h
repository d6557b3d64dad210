#pragma once

#include "core/expected.h"

#include <QString>

#include <memory>

namespace kairos {

//! \brief Start Kairos when the user logs in. One interface; the platform's way behind it:
//! an XDG autostart entry on Linux and other freedesktop systems (others: not offered yet).
class Autostart {
public:
    virtual ~Autostart() = default;
    //! False where this platform's way is not implemented: the setting is then hidden.
    virtual bool isSupported() const = 0;
    virtual bool isEnabled() const = 0;
    virtual Expected<void> setEnabled(bool on) = 0;

    //! This platform's autostart; `command` is what to run (the app's path and arguments).
    static std::unique_ptr<Autostart> platform(const QString &command);
};

//! \brief $XDG_CONFIG_HOME/autostart/io.github.kairos.Kairos.desktop (freedesktop Desktop
//! Application Autostart Specification): written to enable, removed to disable.
class XdgAutostart final : public Autostart {
public:
    explicit XdgAutostart(QString command, QString configHome = {});
    bool isSupported() const override { return true; }
    bool isEnabled() const override;
    Expected<void> setEnabled(bool on) override;
    QString entryPath() const;

private:
    QString m_command;
    QString m_configHome;
};

} // namespace kairos
