#pragma once

#include <QUrl>

namespace kairos {

//! The first video-meeting link (Google Meet, Zoom, Microsoft Teams, Webex, Jitsi, Whereby) in
//! an event's location or description, for a "Join" button. Invalid when there is none; other
//! links (documents, agendas) are not meetings and are not returned.
QUrl meetingLink(const QString &location, const QString &description);

} // namespace kairos
