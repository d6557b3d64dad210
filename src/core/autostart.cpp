#include "core/autostart.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace kairos {

#if !defined(Q_OS_UNIX) || defined(Q_OS_MACOS)
namespace {

class Unsupported final : public Autostart {
public:
    bool isSupported() const override { return false; }
    bool isEnabled() const override { return false; }
    Expected<void> setEnabled(bool) override
    {
        return makeError(Error::Code::InvalidInput,
            QStringLiteral("starting at login is not available on this system yet"));
    }
};

} // namespace
#endif

std::unique_ptr<Autostart> Autostart::platform(const QString &command)
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    return std::make_unique<XdgAutostart>(command);
#else
    Q_UNUSED(command)
    return std::make_unique<Unsupported>();
#endif
}

XdgAutostart::XdgAutostart(QString command, QString configHome)
    : m_command(std::move(command))
    , m_configHome(std::move(configHome))
{
    if (m_configHome.isEmpty())
        m_configHome = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
}

QString XdgAutostart::entryPath() const
{
    return m_configHome + QStringLiteral("/autostart/io.github.kairos.Kairos.desktop");
}

bool XdgAutostart::isEnabled() const
{
    QFile f(entryPath());
    if (!f.open(QIODevice::ReadOnly))
        return false;
    // The user (or a desktop's settings) may have switched it off without removing it.
    const QByteArray text = f.readAll();
    return !text.contains("\nHidden=true") && !text.contains("\nX-GNOME-Autostart-enabled=false");
}

Expected<void> XdgAutostart::setEnabled(bool on)
{
    const QString path = entryPath();
    if (!on) {
        if (QFile::exists(path) && !QFile::remove(path))
            return makeError(Error::Code::WriteFailed, QStringLiteral("cannot remove ") + path);
        return {};
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return makeError(Error::Code::WriteFailed,
            QStringLiteral("cannot create ") + QFileInfo(path).absolutePath());
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return makeError(Error::Code::WriteFailed, f.errorString());
    f.write("[Desktop Entry]\nType=Application\nName=Kairos\nComment=Team calendar and chat\n"
            "Icon=io.github.kairos.Kairos\nExec=");
    f.write(m_command.toUtf8());
    f.write("\nTerminal=false\nX-GNOME-Autostart-enabled=true\n");
    if (!f.commit())
        return makeError(Error::Code::WriteFailed, f.errorString());
    return {};
}

} // namespace kairos
