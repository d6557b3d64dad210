#pragma once

#include "core/expected.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

//! WebDAV / CalDAV XML: request bodies and the 207 Multi-Status parser (RFC 4918 §14.16,
//! RFC 4791, RFC 6578), with QXmlStreamReader / QXmlStreamWriter only. Names are Clark
//! notation: "{DAV:}getetag", "{urn:ietf:params:xml:ns:caldav}calendar-data".
namespace kairos::caldav {

inline constexpr char kDav[] = "DAV:";
inline constexpr char kCalDav[] = "urn:ietf:params:xml:ns:caldav";
inline constexpr char kCalServer[] = "http://calendarserver.org/ns/";
inline constexpr char kApple[] = "http://apple.com/ns/ical/";

QString clark(const char *ns, const char *local);

//! \brief One property as a server returned it, reduced to what a client needs: its text, the
//! <href>s inside it (current-user-principal, calendar-home-set), the names of every element
//! inside it (resourcetype, current-user-privilege-set, supported-report-set) and the `name`
//! attributes of CalDAV <comp> elements (supported-calendar-component-set).
struct DavProp {
    QString text;
    QStringList hrefs;
    QStringList descendants;
    QStringList compNames;

    bool has(const QString &clarkName) const { return descendants.contains(clarkName); }
};

//! \brief One <response> of a multistatus.
struct DavResponse {
    QString href; //!< as sent (percent-encoded path or absolute URL)
    int status = 0; //!< the response's own <status> (e.g. 404 of a removed member), else 0
    QHash<QString, DavProp> props; //!< properties found (propstat 2xx)
    QStringList missing; //!< properties the server does not have (propstat 404 / 403)

    bool hasProp(const QString &clarkName) const { return props.contains(clarkName); }
    QString text(const QString &clarkName) const { return props.value(clarkName).text; }
};

struct MultiStatus {
    QList<DavResponse> responses;
    QString syncToken; //!< RFC 6578 <sync-token> of the multistatus (sync-collection)
};

//! Parses a 207 body. Fails (ProtocolError) when it is not XML or has no multistatus.
Expected<MultiStatus> parseMultiStatus(const QByteArray &xml);
//! The names of the elements of a DAV:error body (e.g. "{DAV:}valid-sync-token").
QStringList parseErrorConditions(const QByteArray &xml);

//! PROPFIND asking for `props` (Clark names).
QByteArray propfindBody(const QStringList &props);
//! RFC 6578 sync-collection REPORT (sync-level 1, getetag). Empty token: initial sync.
QByteArray syncCollectionBody(const QString &token);
//! RFC 4791 §7.9 calendar-multiget of getetag + calendar-data for `hrefs`.
QByteArray multigetBody(const QStringList &hrefs);

} // namespace kairos::caldav
