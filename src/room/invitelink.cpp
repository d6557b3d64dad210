#include "room/invitelink.h"

#include "room/protocol.h"

#include <QUrlQuery>

namespace kairos::room {

QString InviteLink::toString() const
{
    QUrl u;
    u.setScheme(QStringLiteral("kairos"));
    u.setHost(host);
    u.setPort(port);
    u.setPath(QLatin1Char('/') + room);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("invite"), invite);
    if (tls)
        q.addQueryItem(QStringLiteral("tls"), QStringLiteral("1"));
    u.setQuery(q);
    return u.toString(QUrl::FullyEncoded);
}

QUrl InviteLink::webSocketUrl() const
{
    QUrl u;
    u.setScheme(tls ? QStringLiteral("wss") : QStringLiteral("ws"));
    u.setHost(host);
    u.setPort(port);
    u.setPath(QStringLiteral("/"));
    return u;
}

Expected<InviteLink> InviteLink::parse(const QString &text)
{
    const QUrl u(text.trimmed(), QUrl::StrictMode);
    if (!u.isValid() || u.scheme() != QLatin1String("kairos") || u.host().isEmpty())
        return makeError(Error::Code::InvalidInput, QStringLiteral("not a kairos:// invite link"));
    InviteLink l;
    l.host = u.host();
    const int port = u.port(-1);
    if (port <= 0 || port > 65535)
        return makeError(Error::Code::InvalidInput, QStringLiteral("the link has no port"));
    l.port = quint16(port);
    l.room = u.path().mid(1);
    if (!isValidRoomName(l.room))
        return makeError(Error::Code::InvalidInput, QStringLiteral("the link has no room name"));
    const QUrlQuery q(u);
    l.invite = q.queryItemValue(QStringLiteral("invite"), QUrl::FullyDecoded);
    if (l.invite.isEmpty())
        return makeError(Error::Code::InvalidInput, QStringLiteral("the link has no invite key"));
    l.tls = q.queryItemValue(QStringLiteral("tls")) == QLatin1String("1");
    return l;
}

} // namespace kairos::room
