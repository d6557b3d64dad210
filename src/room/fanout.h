#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <functional>

namespace kairos::room {

//! \brief Delivers a room's frames to every server that has members of that room connected.
//! The embedded default is in-process; a multi-server deployment implements it with Redis
//! pub/sub (one channel per room). `origin` is the connection that must not get the frame
//! back (0: none); it is only meaningful to the server that published.
class FanOut {
public:
    using Handler = std::function<void(const QByteArray &frame, quint64 origin)>;
    virtual ~FanOut() = default;
    virtual void subscribe(const QString &room, Handler handler) = 0;
    virtual void unsubscribe(const QString &room) = 0;
    virtual void publish(const QString &room, const QByteArray &frame, quint64 origin) = 0;
};

//! Synchronous in-process fan-out: publish() calls the room's handler directly.
class InProcessFanOut final : public FanOut {
public:
    void subscribe(const QString &room, Handler handler) override
    {
        m_handlers.insert(room, std::move(handler));
    }
    void unsubscribe(const QString &room) override { m_handlers.remove(room); }
    void publish(const QString &room, const QByteArray &frame, quint64 origin) override
    {
        const auto it = m_handlers.constFind(room);
        if (it != m_handlers.constEnd())
            it.value()(frame, origin);
    }

private:
    QHash<QString, Handler> m_handlers;
};

} // namespace kairos::room
