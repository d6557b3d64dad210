#include "calendar/meetinglink.h"

#include <QRegularExpression>

namespace kairos {

namespace {

bool isMeetingHost(const QString &host)
{
    static const char *const exact[] = { "meet.google.com", "teams.microsoft.com", "teams.live.com",
        "meet.jit.si", "whereby.com", "app.chime.aws", "meet.goto.com" };
    static const char *const suffixes[] = { ".zoom.us", ".webex.com", ".zoomgov.com" };
    const QString h = host.toLower();
    for (const char *e : exact) {
        if (h == QLatin1String(e))
            return true;
    }
    if (h == QLatin1String("zoom.us"))
        return true;
    for (const char *s : suffixes) {
        if (h.endsWith(QLatin1String(s)))
            return true;
    }
    return false;
}

} // namespace

QUrl meetingLink(const QString &location, const QString &description)
{
    static const QRegularExpression url(QStringLiteral("https://[^\\s<>\"')\\]]+"));
    for (const QString *text : { &location, &description }) {
        auto it = url.globalMatch(*text);
        while (it.hasNext()) {
            QString s = it.next().captured();
            while (s.endsWith(QLatin1Char('.')) || s.endsWith(QLatin1Char(',')))
                s.chop(1);
            const QUrl u(s, QUrl::StrictMode);
            if (u.isValid() && isMeetingHost(u.host()))
                return u;
        }
    }
    return {};
}

} // namespace kairos
