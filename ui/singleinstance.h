#pragma once

#include "core/expected.h"

#include <QObject>
#include <QString>

class QLocalServer;

namespace kairos {

//! \brief One Kairos window per profile: a second start hands its kairos:// link (or just
//! "show yourself") to the running one over a local socket (QLocalServer: a Unix socket on
//! Linux and macOS, a named pipe on Windows) and exits.
//!
//! The name is derived from the profile's data folder, so two profiles (or two KAIROS_HOME
//! test homes) never meet. A socket left behind by a crashed instance is replaced.
class SingleInstance final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SingleInstance)
public:
    explicit SingleInstance(const QString &key, QObject *parent = nullptr);
    ~SingleInstance() override;

    //! The local socket name for \a key.
    static QString serverName(const QString &key);

    //! Sends \a message (may be empty: "activate") to a running instance. True when one took
    //! it within \a timeoutMs; then this process should exit.
    bool forward(const QString &message, int timeoutMs = 2000) const;
    //! Becomes the running instance: listens for later starts.
    Expected<void> listen();
    bool isListening() const;

Q_SIGNALS:
    //! Another start sent \a message (empty: it only wants the window shown).
    void messageReceived(const QString &message);

private:
    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace kairos
