#include "providers/caldav/davxml.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace kairos::caldav {

namespace {

QString clarkOf(const QXmlStreamReader &x)
{
    return QLatin1Char('{') + x.namespaceUri().toString() + QLatin1Char('}') + x.name().toString();
}

bool is(const QXmlStreamReader &x, const char *ns, const char *local)
{
    return x.name() == QLatin1String(local) && x.namespaceUri() == QLatin1String(ns);
}

//! Reads the element the reader is on (a property) to its end.
DavProp readProp(QXmlStreamReader &x)
{
    DavProp p;
    int depth = 1;
    QString href;
    bool inHref = false;
    while (depth > 0 && !x.atEnd()) {
        x.readNext();
        if (x.isStartElement()) {
            ++depth;
            p.descendants.append(clarkOf(x));
            if (is(x, kDav, "href")) {
                inHref = true;
                href.clear();
            } else if (is(x, kCalDav, "comp")) {
                p.compNames.append(x.attributes().value(QLatin1String("name")).toString());
            }
        } else if (x.isEndElement()) {
            --depth;
            if (inHref && is(x, kDav, "href")) {
                inHref = false;
                p.hrefs.append(href.trimmed());
            }
        } else if (x.isCharacters()) {
            if (inHref)
                href += x.text();
            else
                p.text += x.text();
        }
    }
    // Text-only properties (displayname, getetag, calendar-data) keep their text as sent,
    // except surrounding white space of pretty-printed XML around child elements.
    if (!p.descendants.isEmpty())
        p.text = p.text.trimmed();
    return p;
}

int parseStatusLine(const QString &line)
{
    // "HTTP/1.1 404 Not Found"
    const QStringList parts = line.trimmed().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return parts.size() >= 2 ? parts.at(1).toInt() : 0;
}

void readPropstat(QXmlStreamReader &x, DavResponse &r)
{
    QHash<QString, DavProp> props;
    int status = 200;
    while (x.readNextStartElement()) {
        if (is(x, kDav, "prop")) {
            while (x.readNextStartElement()) {
                const QString name = clarkOf(x);
                props.insert(name, readProp(x));
            }
        } else if (is(x, kDav, "status")) {
            status = parseStatusLine(x.readElementText());
        } else {
            x.skipCurrentElement();
        }
    }
    if (status >= 200 && status < 300) {
        r.props.insert(props);
    } else {
        for (auto it = props.cbegin(); it != props.cend(); ++it)
            r.missing.append(it.key());
    }
}

DavResponse readResponse(QXmlStreamReader &x)
{
    DavResponse r;
    while (x.readNextStartElement()) {
        if (is(x, kDav, "href") && r.href.isEmpty()) {
            r.href = x.readElementText().trimmed();
        } else if (is(x, kDav, "status")) {
            r.status = parseStatusLine(x.readElementText());
        } else if (is(x, kDav, "propstat")) {
            readPropstat(x, r);
        } else {
            x.skipCurrentElement();
        }
    }
    return r;
}

void writeProps(QXmlStreamWriter &w, const QStringList &props)
{
    w.writeStartElement(QLatin1String(kDav), QStringLiteral("prop"));
    for (const QString &p : props) {
        const qsizetype close = p.indexOf(QLatin1Char('}'));
        w.writeEmptyElement(p.mid(1, close - 1), p.mid(close + 1));
    }
    w.writeEndElement();
}

QXmlStreamWriter &startDocument(QXmlStreamWriter &w)
{
    w.writeStartDocument();
    w.writeNamespace(QLatin1String(kDav), QStringLiteral("D"));
    w.writeNamespace(QLatin1String(kCalDav), QStringLiteral("C"));
    w.writeNamespace(QLatin1String(kCalServer), QStringLiteral("CS"));
    w.writeNamespace(QLatin1String(kApple), QStringLiteral("A"));
    return w;
}

} // namespace

QString clark(const char *ns, const char *local)
{
    return QLatin1Char('{') + QLatin1String(ns) + QLatin1Char('}') + QLatin1String(local);
}

Expected<MultiStatus> parseMultiStatus(const QByteArray &xml)
{
    QXmlStreamReader x(xml);
    MultiStatus ms;
    if (!x.readNextStartElement() || !is(x, kDav, "multistatus")) {
        return makeError(Error::Code::ProtocolError,
            QStringLiteral("not a WebDAV multistatus: %1")
                .arg(x.hasError() ? x.errorString() : QString::fromUtf8(xml.left(200))));
    }
    while (x.readNextStartElement()) {
        if (is(x, kDav, "response"))
            ms.responses.append(readResponse(x));
        else if (is(x, kDav, "sync-token"))
            ms.syncToken = x.readElementText().trimmed();
        else
            x.skipCurrentElement();
    }
    if (x.hasError() && x.error() != QXmlStreamReader::PrematureEndOfDocumentError) {
        return makeError(Error::Code::ProtocolError,
            QStringLiteral("bad multistatus XML at line %1: %2")
                .arg(x.lineNumber())
                .arg(x.errorString()));
    }
    if (x.error() == QXmlStreamReader::PrematureEndOfDocumentError)
        return makeError(Error::Code::ProtocolError, QStringLiteral("truncated multistatus"));
    return ms;
}

QStringList parseErrorConditions(const QByteArray &xml)
{
    QStringList out;
    QXmlStreamReader x(xml);
    if (!x.readNextStartElement() || !is(x, kDav, "error"))
        return out;
    while (x.readNextStartElement()) {
        out.append(clarkOf(x));
        x.skipCurrentElement();
    }
    return out;
}

QByteArray propfindBody(const QStringList &props)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    startDocument(w);
    w.writeStartElement(QLatin1String(kDav), QStringLiteral("propfind"));
    writeProps(w, props);
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

QByteArray syncCollectionBody(const QString &token)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    startDocument(w);
    w.writeStartElement(QLatin1String(kDav), QStringLiteral("sync-collection"));
    w.writeTextElement(QLatin1String(kDav), QStringLiteral("sync-token"), token);
    w.writeTextElement(QLatin1String(kDav), QStringLiteral("sync-level"), QStringLiteral("1"));
    writeProps(w, { clark(kDav, "getetag") });
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

QByteArray multigetBody(const QStringList &hrefs)
{
    QByteArray out;
    QXmlStreamWriter w(&out);
    startDocument(w);
    w.writeStartElement(QLatin1String(kCalDav), QStringLiteral("calendar-multiget"));
    writeProps(w, { clark(kDav, "getetag"), clark(kCalDav, "calendar-data") });
    for (const QString &h : hrefs)
        w.writeTextElement(QLatin1String(kDav), QStringLiteral("href"), h);
    w.writeEndElement();
    w.writeEndDocument();
    return out;
}

} // namespace kairos::caldav
