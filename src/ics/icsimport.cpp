#include "ics/icsimport.h"

#include "core/logging.h"
#include "ics/icalptr.h"
#include "ics/icszones.h"
#include "store/eventstore.h"

#include <algorithm>

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QHash>
#include <QMutex>
#include <QPromise>
#include <QRegularExpression>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>
#include <QWaitCondition>

#include <optional>
#include <thread>
#include <utility>

namespace kairos::ics {

QString toString(ImportIssue::Kind kind)
{
    using K = ImportIssue::Kind;
    switch (kind) {
    case K::ParseError:
        return QStringLiteral("parse_error");
    case K::MissingStart:
        return QStringLiteral("missing_start");
    case K::EndBeforeStart:
        return QStringLiteral("end_before_start");
    case K::Unterminated:
        return QStringLiteral("unterminated");
    case K::NotAnEvent:
        return QStringLiteral("not_an_event");
    case K::OutdatedSequence:
        return QStringLiteral("outdated_sequence");
    case K::NotSent:
        return QStringLiteral("not_sent");
    case K::MissingUid:
        return QStringLiteral("missing_uid");
    case K::WindowsTimeZone:
        return QStringLiteral("windows_time_zone");
    case K::UnknownTimeZone:
        return QStringLiteral("unknown_time_zone");
    case K::CustomTimeZone:
        return QStringLiteral("custom_time_zone");
    case K::MissingVTimeZone:
        return QStringLiteral("missing_vtimezone");
    case K::FloatingTime:
        return QStringLiteral("floating_time");
    case K::BrokenFolding:
        return QStringLiteral("broken_folding");
    case K::AllDayEndFixed:
        return QStringLiteral("all_day_end_fixed");
    case K::MalformedProperty:
        return QStringLiteral("malformed_property");
    case K::DuplicateComponent:
        return QStringLiteral("duplicate_component");
    }
    return QStringLiteral("unknown");
}

namespace {

using K = ImportIssue::Kind;

//! "NAME" or "NAME;…" or "NAME:…" at the start of a content line (RFC 5545 §3.1 iana-token /
//! x-name). Lines that do not start like this inside a component are broken folding.
bool looksLikeContentLine(QByteArrayView l)
{
    qsizetype i = 0;
    const qsizetype n = l.size();
    while (i < n) {
        const char c = l.at(i);
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || c == '-') {
            ++i;
            continue;
        }
        return i > 0 && (c == ':' || c == ';');
    }
    return false;
}

bool startsWithNoCase(QByteArrayView l, const char *prefix)
{
    const qsizetype n = qsizetype(qstrlen(prefix));
    return l.size() >= n && qstrnicmp(l.data(), prefix, n) == 0;
}

QByteArray afterColon(const QByteArray &l)
{
    const qsizetype i = l.indexOf(':');
    return i < 0 ? QByteArray() : l.mid(i + 1).trimmed().toUpper();
}

QString stripMailto(const char *v)
{
    QString s = QString::fromUtf8(v ? v : "");
    if (s.startsWith(QLatin1String("mailto:"), Qt::CaseInsensitive))
        s = s.mid(7);
    return s;
}

constexpr qint64 kMaxDurationSecs = 100LL * 366 * 86400;

struct TimeValue {
    bool valid = false;
    bool isDate = false;
    QDate date;
    QDateTime dt;
};

class Parser {
public:
    //! Receives full batches of events (and the rest at the end); returns an error to stop.
    using Sink = std::function<Expected<void>(QList<Event> &batch, QList<EventOrigin> &origins)>;

    Parser(QIODevice &in, const ImportOptions &o, Sink sink = {}, int batchSize = 0)
        : m_in(in)
        , m_options(o)
        , m_sink(std::move(sink))
        , m_batchSize(qMax(1, batchSize))
    {
        m_floating = o.floatingZone.isValid() ? o.floatingZone : QTimeZone::utc();
        if (m_sink)
            m_result.events.reserve(m_batchSize);
    }

    Expected<ParsedCalendar> run()
    {
        initLibical();
        QByteArray logical;
        int logicalLine = 0;
        const qint64 total = m_in.isSequential() ? 0 : m_in.size();
        while (true) {
            QByteArrayView phys;
            const bool eof = !readPhysical(phys);
            if (!eof && (phys.startsWith(' ') || phys.startsWith('\t'))) {
                logical += phys.sliced(1);
                continue;
            }
            if (!eof && !logical.isEmpty() && !phys.isEmpty() && m_chunkActive
                && !looksLikeContentLine(phys)) {
                // "DTSTART" CRLF " :2024…": a fold right after the property name is legal
                // (RFC 5545 §3.1); only the next line tells it from broken folding.
                if (isNameOnly(phys)) {
                    const QByteArray name(phys.data(), phys.size());
                    const int nameLine = m_line;
                    QByteArrayView next;
                    const bool more = readPhysical(next);
                    if (more && (next.startsWith(' ') || next.startsWith('\t'))) {
                        if (!handleLine(logical, logicalLine)) {
                            if (m_sinkError)
                                return *m_sinkError;
                            return makeError(Error::Code::Cancelled);
                        }
                        logical.resize(0);
                        logical += name;
                        logical += next.sliced(1);
                        logicalLine = nameLine;
                        continue;
                    }
                    pushBack(next, more);
                    note(K::BrokenFolding, nameLine, {}, QString::fromUtf8(name.left(40)));
                    logical += name;
                    continue;
                }
                note(K::BrokenFolding, m_line, {},
                    QString::fromUtf8(phys.first(qMin(phys.size(), 40))));
                logical += phys;
                continue;
            }
            if (!logical.isEmpty()) {
                if (!handleLine(logical, logicalLine)) {
                    if (m_sinkError)
                        return *m_sinkError;
                    return makeError(Error::Code::Cancelled);
                }
            }
            if (eof)
                break;
            // Keeps the capacity: no allocation per line.
            logical.resize(0);
            logical += phys;
            logicalLine = m_line;
            if (m_options.progress && (m_line & 0xfff) == 0)
                m_options.progress(m_in.pos(), total);
        }
        if (m_chunkActive)
            skip(K::Unterminated, m_chunkLine, {},
                QStringLiteral("BEGIN:%1 without END").arg(QString::fromLatin1(m_stack.first())));
        if (!parseDeferred()) {
            if (m_sinkError)
                return *m_sinkError;
            return makeError(Error::Code::Cancelled);
        }
        if (!m_sawCalendar)
            return makeError(Error::Code::ParseError, QStringLiteral("no BEGIN:VCALENDAR"));
        for (auto it = m_tzidFirstLine.cbegin(); it != m_tzidFirstLine.cend(); ++it) {
            if (!m_resolver.hasDefinition(it.key())) {
                const auto r = m_resolver.resolve(it.key());
                if (r.kind == ZoneResolver::Kind::Iana || r.kind == ZoneResolver::Kind::Prefixed)
                    note(K::MissingVTimeZone, it.value(), {}, QString::fromUtf8(it.key()));
            }
        }
        if (m_floatingCount > 0)
            note(K::FloatingTime, m_firstFloatingLine, {},
                QStringLiteral("%1 event(s) read in %2")
                    .arg(m_floatingCount)
                    .arg(QString::fromLatin1(m_floating.id())));
        if (m_sink && !m_result.events.isEmpty()) {
            if (auto r = m_sink(m_result.events, m_result.origins); !r)
                return r.error();
            m_result.events.clear();
            m_result.origins.clear();
        }
        if (m_options.progress)
            m_options.progress(total, total);
        return std::move(m_result);
    }

private:
    //! The next physical line without its line break, valid until the next call. Reads the
    //! input in large blocks and cuts lines out of them in place (QIODevice::readLine allocated
    //! a growing buffer for every line: a fifth of the parse time).
    bool readPhysical(QByteArrayView &line)
    {
        if (m_hasPushback) {
            m_hasPushback = false;
            m_current = m_pushback;
            line = m_current;
            return m_pushbackValid;
        }
        while (true) {
            const char *begin = m_block.constData() + m_blockPos;
            const qsizetype avail = m_block.size() - m_blockPos;
            const void *nl = avail > 0 ? memchr(begin, '\n', size_t(avail)) : nullptr;
            qsizetype len = -1;
            if (nl) {
                len = static_cast<const char *>(nl) - begin;
                m_blockPos += len + 1;
            } else if (m_inputDone) {
                if (avail == 0)
                    return false;
                len = avail; // the last line has no line break
                m_blockPos += len;
            }
            if (len >= 0) {
                ++m_line;
                while (len > 0 && (begin[len - 1] == '\r' || begin[len - 1] == '\n'))
                    --len;
                // A UTF-8 byte-order mark before BEGIN:VCALENDAR is not content.
                if (m_line == 1 && len >= 3 && begin[0] == '\xEF' && begin[1] == '\xBB'
                    && begin[2] == '\xBF') {
                    begin += 3;
                    len -= 3;
                }
                line = QByteArrayView(begin, len);
                return true;
            }
            // Move the partial line to the front and read more after it.
            m_block.remove(0, m_blockPos);
            m_blockPos = 0;
            const qsizetype kept = m_block.size();
            m_block.resize(kept + kBlockBytes);
            const qint64 n = m_in.read(m_block.data() + kept, kBlockBytes);
            m_block.resize(kept + qMax<qint64>(0, n));
            if (n <= 0)
                m_inputDone = true;
        }
    }

    //! The line readPhysical() returned last is read again by the next call (a copy: the
    //! block it points into may move). `valid` false: it was the end of the input.
    void pushBack(QByteArrayView line, bool valid = true)
    {
        m_pushback = QByteArray(line.data(), line.size());
        m_pushbackValid = valid;
        m_hasPushback = true;
    }

    //! "DTSTART": a property name alone on its line.
    static bool isNameOnly(QByteArrayView l)
    {
        for (const char c : l) {
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-'))
                return false;
        }
        return !l.isEmpty();
    }

    void skip(K kind, int line, const QString &uid, const QString &detail)
    {
        m_result.skipped.append({ kind, line, uid, detail });
    }
    void note(K kind, int line, const QString &uid, const QString &detail)
    {
        m_result.notes.append({ kind, line, uid, detail });
    }

    //! Returns false when cancelled.
    bool handleLine(const QByteArray &l, int line)
    {
        if (!m_inCalendar) {
            if (startsWithNoCase(l, "BEGIN:") && afterColon(l) == "VCALENDAR") {
                m_inCalendar = m_sawCalendar = true;
            }
            return true;
        }
        const bool isBegin = startsWithNoCase(l, "BEGIN:");
        const bool isEnd = !isBegin && startsWithNoCase(l, "END:");
        if (!m_chunkActive) {
            if (isBegin) {
                m_chunkActive = true;
                m_chunkBroken.clear();
                m_chunkLine = line;
                m_stack = { afterColon(l) };
                m_chunk.resize(0);
                m_chunkLines.resize(0);
                appendToChunk(l, line);
            } else if (isEnd) {
                if (afterColon(l) == "VCALENDAR")
                    m_inCalendar = false;
            } else if (startsWithNoCase(l, "METHOD:")) {
                m_result.method = afterColon(l);
            } else if (startsWithNoCase(l, "X-WR-CALNAME:")) {
                m_result.name = QString::fromUtf8(l.mid(13)).trimmed();
            }
            return true;
        }
        if (isBegin) {
            const QByteArray name = afterColon(l);
            if (name == "VEVENT" || name == "VTODO" || name == "VJOURNAL" || name == "VTIMEZONE"
                || name == "VFREEBUSY") {
                if (m_stack.first() != "VTIMEZONE" || (name != "STANDARD" && name != "DAYLIGHT")) {
                    // A new top-level component while one is open: the open one never ended.
                    skip(K::Unterminated, m_chunkLine, uidInChunk(),
                        QStringLiteral("BEGIN:%1 without END before line %2")
                            .arg(QString::fromLatin1(m_stack.first()))
                            .arg(line));
                    m_chunkLine = line;
                    m_chunkBroken.clear();
                    m_stack = { name };
                    m_chunk.resize(0);
                    m_chunkLines.resize(0);
                    appendToChunk(l, line);
                    return true;
                }
            }
            m_stack.append(name);
        } else if (isEnd) {
            const QByteArray name = afterColon(l);
            if (name == "VCALENDAR") {
                skip(K::Unterminated, m_chunkLine, uidInChunk(),
                    QStringLiteral("BEGIN:%1 without END")
                        .arg(QString::fromLatin1(m_stack.first())));
                m_chunkActive = false;
                m_inCalendar = false;
                return true;
            }
            if (m_stack.last() != name) {
                if (m_chunkBroken.isEmpty())
                    m_chunkBroken
                        = QStringLiteral("line %1: END:%2 does not match BEGIN:%3")
                              .arg(line)
                              .arg(QString::fromLatin1(name), QString::fromLatin1(m_stack.last()));
                while (!m_stack.isEmpty() && m_stack.last() != name)
                    m_stack.removeLast();
            }
            if (!m_stack.isEmpty())
                m_stack.removeLast();
            appendToChunk(l, line);
            if (m_stack.isEmpty()) {
                m_chunkActive = false;
                return dispatch(name);
            }
            return true;
        }
        appendToChunk(l, line);
        return true;
    }

    void appendToChunk(const QByteArray &l, int line)
    {
        m_chunk += l;
        m_chunk += "\r\n";
        m_chunkLines.append(line);
    }

    //! The physical line of the `nth` (0-based) property called `name` in the current
    //! component, or the component's first line.
    int lineOfProperty(QByteArrayView name, int nth = 0) const
    {
        const auto [index, text] = findProperty(name, nth);
        if (index < 0 || index >= m_chunkLines.size())
            return m_chunkLine;
        return m_chunkLines.at(index);
    }

    //! The index among the current component's lines and the text of its `nth` (0-based)
    //! property called `name`; index -1 when there is none.
    std::pair<int, QByteArrayView> findProperty(QByteArrayView name, int nth) const
    {
        qsizetype pos = 0;
        int index = 0;
        while (pos < m_chunk.size()) {
            const qsizetype eol = m_chunk.indexOf("\r\n", pos);
            const qsizetype end = eol < 0 ? m_chunk.size() : eol;
            const QByteArrayView l(m_chunk.constData() + pos, end - pos);
            if (l.size() > name.size() && qstrnicmp(l.data(), name.data(), name.size()) == 0
                && (l.at(name.size()) == ':' || l.at(name.size()) == ';') && nth-- == 0)
                return { index, l };
            ++index;
            pos = end + 2;
        }
        return { -1, {} };
    }

    QString uidInChunk() const
    {
        const qsizetype i = m_chunk.indexOf("\r\nUID:");
        if (i < 0)
            return {};
        const qsizetype e = m_chunk.indexOf("\r\n", i + 6);
        return QString::fromUtf8(m_chunk.mid(i + 6, e - i - 6));
    }

    //! scanCalendar(): the component's structure was checked, its content is not parsed.
    bool count(const QByteArray &name)
    {
        if (name == "VTIMEZONE")
            return true;
        if (name != "VEVENT") {
            skip(K::NotAnEvent, m_chunkLine, uidInChunk(), QString::fromLatin1(name));
            return true;
        }
        ++m_result.components;
        if (!m_chunkBroken.isEmpty())
            skip(K::Unterminated, m_chunkLine, uidInChunk(), m_chunkBroken);
        else
            ++m_result.eventCount;
        m_result.attendeeLines
            += int(m_chunk.count("\r\nATTENDEE") + m_chunk.count("\r\nORGANIZER"));
        if ((m_result.components & 0x1ff) == 0 && m_options.cancelled && m_options.cancelled())
            return false;
        return true;
    }

    bool dispatch(const QByteArray &name)
    {
        if (m_countOnly)
            return count(name);
        if (name == "VTIMEZONE") {
            if (icalcomponent *c = icalparser_parse_string(m_chunk.constData())) {
                if (icalcomponent_isa(c) == ICAL_VTIMEZONE_COMPONENT)
                    m_resolver.addDefinition(c);
                else
                    icalcomponent_free(c);
            }
            return true;
        }
        if (name != "VEVENT") {
            skip(K::NotAnEvent, m_chunkLine, uidInChunk(), QString::fromLatin1(name));
            return true;
        }
        ++m_result.components;
        if (!m_chunkBroken.isEmpty()) {
            skip(K::Unterminated, m_chunkLine, uidInChunk(), m_chunkBroken);
        } else if (usesZoneNotYetDefined()) {
            // Its VTIMEZONE may come later in the file (order does not matter in RFC 5545):
            // read it at the end.
            m_deferred.append({ m_chunk, m_chunkLine, m_chunkLines });
        } else {
            parseEvent();
        }
        return afterEvent();
    }

    void parseEvent()
    {
        ComponentPtr c(icalparser_parse_string(m_chunk.constData()));
        if (!c || icalcomponent_isa(c.get()) != ICAL_VEVENT_COMPONENT)
            skip(K::ParseError, m_chunkLine, uidInChunk(), QStringLiteral("not a VEVENT"));
        else
            mapEvent(c.get());
    }

    //! True when a TZID of the current VEVENT is neither a zone we know nor defined by a
    //! VTIMEZONE read so far.
    bool usesZoneNotYetDefined()
    {
        for (qsizetype i = m_chunk.indexOf("TZID="); i >= 0; i = m_chunk.indexOf("TZID=", i + 5)) {
            qsizetype b = i + 5;
            qsizetype e;
            if (b < m_chunk.size() && m_chunk.at(b) == '"') {
                ++b;
                e = m_chunk.indexOf('"', b);
            } else {
                e = b;
                while (e < m_chunk.size() && m_chunk.at(e) != ':' && m_chunk.at(e) != ';'
                    && m_chunk.at(e) != '\r')
                    ++e;
            }
            if (e < 0)
                return false;
            const QByteArray tzid = m_chunk.mid(b, e - b);
            if (!m_resolver.hasDefinition(tzid)
                && m_resolver.resolve(tzid).kind == ZoneResolver::Kind::Unknown)
                return true;
        }
        return false;
    }

    //! The VEVENTs that waited for a VTIMEZONE further down the file.
    bool parseDeferred()
    {
        const QList<Deferred> deferred = std::exchange(m_deferred, {});
        for (const Deferred &d : deferred) {
            m_chunk = d.text;
            m_chunkLine = d.line;
            m_chunkLines = d.lines;
            parseEvent();
            if (!afterEvent())
                return false;
        }
        return true;
    }

    bool afterEvent()
    {
        if (m_sink && m_result.events.size() >= m_batchSize) {
            if (auto r = m_sink(m_result.events, m_result.origins); !r) {
                m_sinkError = r.error();
                return false;
            }
            m_result.events.clear(); // keeps the capacity for the next batch
            m_result.origins.clear();
        }
        if ((m_result.components & 0x1ff) == 0 && m_options.cancelled && m_options.cancelled())
            return false;
        return true;
    }

    TimeValue readTime(icalproperty *p, icaltimetype t)
    {
        TimeValue v;
        if (icaltime_is_null_time(t) || !icaltime_is_valid_time(t))
            return v;
        const QDate d = dateOf(t);
        if (!d.isValid())
            return v;
        v.valid = true;
        if (t.is_date) {
            v.isDate = true;
            v.date = d;
            return v;
        }
        // libical accepts "T657955"; a time of day out of range is no time (fuzzing found
        // such a DTSTART turning into an event without a valid start).
        if (t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59 || t.second < 0
            || t.second > 60)
            return {};
        const QTime tm(t.hour, t.minute, qMin(t.second, 59)); // 60: a leap second
        icalparameter *tzp = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
        if (tzp) {
            const QByteArray tzid(icalparameter_get_tzid(tzp));
            if (!m_tzidFirstLine.contains(tzid))
                m_tzidFirstLine.insert(tzid, m_chunkLine);
            const auto r = m_resolver.resolve(tzid);
            switch (r.kind) {
            case ZoneResolver::Kind::CustomDefinition: {
                icaltimetype w = t;
                w.zone = nullptr;
                const qint64 secs = qint64(icaltime_as_timet_with_zone(w, r.custom));
                v.dt = QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc());
                noteZoneOnce(K::CustomTimeZone, tzid, QString::fromUtf8(tzid));
                return v;
            }
            case ZoneResolver::Kind::Unknown:
                noteZoneOnce(K::UnknownTimeZone, tzid, QString::fromUtf8(tzid));
                v.dt = QDateTime(d, tm, QTimeZone::utc());
                return v;
            case ZoneResolver::Kind::Windows:
                noteZoneOnce(K::WindowsTimeZone, tzid,
                    QString::fromUtf8(tzid) + QStringLiteral(" → ")
                        + QString::fromLatin1(r.zone.id()));
                break;
            default:
                break;
            }
            v.dt = r.kind == ZoneResolver::Kind::Utc ? QDateTime(d, tm, QTimeZone::utc())
                                                     : wallTimeIn(d, tm, r.zone);
            return v;
        }
        if (icaltime_is_utc(t)) {
            v.dt = QDateTime(d, tm, QTimeZone::utc());
            return v;
        }
        if (m_floatingCount++ == 0)
            m_firstFloatingLine = m_chunkLine;
        v.dt = wallTimeIn(d, tm, m_floating);
        return v;
    }

    //! A property libical could not read (it left an X-LIC-ERROR: "Can't parse as RECUR value
    //! in RRULE property. Removing entire property: FREQ=…"): reported with its line.
    void noteMalformed(const QString &error)
    {
        static const QRegularExpression property(QStringLiteral(" (?:in|for) ([A-Z-]+) property"));
        const QRegularExpressionMatch m = property.match(error);
        int line = m_chunkLine;
        if (m.hasMatch()) {
            const QByteArray name = m.captured(1).toLatin1();
            const qsizetype colon = error.lastIndexOf(QLatin1String(": "));
            const QByteArray value = colon < 0 ? QByteArray() : error.mid(colon + 2).toUtf8();
            line = lineOfProperty(name);
            for (int nth = 0; !value.isEmpty(); ++nth) {
                const int l = lineOfProperty(name, nth);
                if (l == m_chunkLine)
                    break;
                if (propertyText(name, nth).contains(value)) {
                    line = l;
                    break;
                }
            }
        }
        note(K::MalformedProperty, line, {}, error);
    }

    //! The text of the `nth` property called `name` in the current component.
    QByteArray propertyText(QByteArrayView name, int nth) const
    {
        return findProperty(name, nth).second.toByteArray();
    }

    void noteZoneOnce(K kind, const QByteArray &tzid, const QString &detail)
    {
        if (m_zoneNoted.contains(tzid))
            return;
        m_zoneNoted.insert(tzid);
        note(kind, m_chunkLine, {}, detail);
    }

    //! EXDATE / RDATE with their zone mapped to IANA (or UTC), one value per line.
    //! An RDATE;VALUE=PERIOD keeps its period (RFC 5545 §3.8.5.2): `period` gets its start and
    //! end, and the line is written back as a period.
    QString recurrenceLine(icalproperty *p, bool exdate, std::pair<QDateTime, QDateTime> *period)
    {
        icaltimetype t;
        icalperiodtype span = icalperiodtype_null_period();
        if (exdate) {
            t = icalproperty_get_exdate(p);
        } else {
            const icaldatetimeperiodtype v = icalproperty_get_rdate(p);
            t = icaltime_is_null_time(v.time) ? v.period.start : v.time;
            if (icaltime_is_null_time(v.time) && !icalperiodtype_is_null_period(v.period))
                span = v.period;
        }
        const TimeValue tv = readTime(p, t);
        if (!tv.valid)
            return {};
        if (!icaltime_is_null_time(span.start) && !tv.isDate) {
            QDateTime endDt;
            if (!icaltime_is_null_time(span.end)) {
                const TimeValue te = readTime(p, span.end);
                if (te.valid && !te.isDate)
                    endDt = te.dt;
            } else if (!icaldurationtype_is_null_duration(span.duration)) {
                endDt = tv.dt.addSecs(icaldurationtype_as_int(span.duration));
            }
            if (endDt.isValid() && endDt >= tv.dt) {
                *period = { tv.dt, endDt };
                const QByteArray tzid = exportZoneId(tv.dt);
                icaldatetimeperiodtype v;
                v.time = icaltime_null_time();
                v.period = icalperiodtype_null_period();
                v.period.start = toIcalTime(tv.dt, tzid);
                v.period.end = toIcalTime(endDt.toTimeZone(tv.dt.timeZone()), tzid);
                icalproperty *out = icalproperty_new_rdate(v);
                icalproperty_add_parameter(out, icalparameter_new_value(ICAL_VALUE_PERIOD));
                if (!tzid.isEmpty())
                    icalproperty_add_parameter(out, icalparameter_new_tzid(tzid.constData()));
                const QString line = QString::fromUtf8(propertyLine(out));
                icalproperty_free(out);
                return line;
            }
        }
        icalproperty *out;
        if (tv.isDate) {
            out = exdate ? icalproperty_new_exdate(toIcalDate(tv.date)) : nullptr;
            if (!out) {
                icaldatetimeperiodtype v;
                v.time = toIcalDate(tv.date);
                v.period = icalperiodtype_null_period();
                out = icalproperty_new_rdate(v);
            }
        } else {
            const QByteArray tzid = exportZoneId(tv.dt);
            const icaltimetype w = toIcalTime(tv.dt, tzid);
            if (exdate) {
                out = icalproperty_new_exdate(w);
            } else {
                icaldatetimeperiodtype v;
                v.time = w;
                v.period = icalperiodtype_null_period();
                out = icalproperty_new_rdate(v);
            }
            if (!tzid.isEmpty())
                icalproperty_add_parameter(out, icalparameter_new_tzid(tzid.constData()));
        }
        const QString line = QString::fromUtf8(propertyLine(out));
        icalproperty_free(out);
        return line;
    }

    //! The event's display (and audio) alarms as minutes before its start: TRIGGER relative
    //! to the start or (RELATED=END) the end, or an absolute UTC time. E-mail and procedure
    //! alarms are not this computer's to ring; alarms after the start ring at the start.
    static QList<int> alarmsOf(icalcomponent *c, const Event &e)
    {
        QList<int> out;
        for (icalcomponent *a = icalcomponent_get_first_component(c, ICAL_VALARM_COMPONENT); a;
             a = icalcomponent_get_next_component(c, ICAL_VALARM_COMPONENT)) {
            if (icalproperty *act = icalcomponent_get_first_property(a, ICAL_ACTION_PROPERTY)) {
                const icalproperty_action k = icalproperty_get_action(act);
                if (k != ICAL_ACTION_DISPLAY && k != ICAL_ACTION_AUDIO)
                    continue;
            }
            icalproperty *tp = icalcomponent_get_first_property(a, ICAL_TRIGGER_PROPERTY);
            if (!tp)
                continue;
            const icaltriggertype t = icalproperty_get_trigger(tp);
            qint64 beforeSecs;
            if (!icaltime_is_null_time(t.time)) {
                if (e.allDay)
                    continue;
                const qint64 at
                    = qint64(icaltime_as_timet_with_zone(t.time, icaltimezone_get_utc_timezone()));
                beforeSecs = e.start.toSecsSinceEpoch() - at;
            } else {
                beforeSecs = -qint64(icaldurationtype_as_int(t.duration));
                icalparameter *rel = icalproperty_get_first_parameter(tp, ICAL_RELATED_PARAMETER);
                if (rel && icalparameter_get_related(rel) == ICAL_RELATED_END)
                    beforeSecs -= e.durationMinutes() * 60;
            }
            out << int(std::clamp<qint64>((beforeSecs + 59) / 60, 0, kMaxReminderMinutes));
        }
        return normalizeReminders(out);
    }

    void mapEvent(icalcomponent *c)
    {
        Event e;
        TimeValue start, end, recurrenceId;
        icaldurationtype duration = icaldurationtype_null_duration();
        bool hasDuration = false;
        int dtstarts = 0;
        int rdates = 0;
        int exdates = 0;
        QDateTime stamp;
        QStringList errors;
        QStringList malformed;
        QStringList exLines;
        QList<std::pair<QDateTime, QDateTime>> periods; // RDATE;VALUE=PERIOD
        for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_ANY_PROPERTY); p;
             p = icalcomponent_get_next_property(c, ICAL_ANY_PROPERTY)) {
            switch (icalproperty_isa(p)) {
            case ICAL_UID_PROPERTY:
                e.iCalUid = QString::fromUtf8(icalproperty_get_uid(p));
                break;
            case ICAL_SUMMARY_PROPERTY:
                e.title = QString::fromUtf8(icalproperty_get_summary(p));
                break;
            case ICAL_LOCATION_PROPERTY:
                e.location = QString::fromUtf8(icalproperty_get_location(p));
                break;
            case ICAL_DESCRIPTION_PROPERTY:
                e.description = QString::fromUtf8(icalproperty_get_description(p));
                break;
            case ICAL_DTSTART_PROPERTY:
                if (++dtstarts > 1) {
                    note(K::MalformedProperty, lineOfProperty("DTSTART", dtstarts - 1), {},
                        QStringLiteral("a second DTSTART (ignored): ")
                            + QString::fromUtf8(icalproperty_get_value_as_string(p)));
                    break;
                }
                start = readTime(p, icalproperty_get_dtstart(p));
                break;
            case ICAL_DTEND_PROPERTY:
                end = readTime(p, icalproperty_get_dtend(p));
                if (!end.valid)
                    note(K::MalformedProperty, lineOfProperty("DTEND"), {},
                        QStringLiteral("DTEND could not be read (ignored): ")
                            + QString::fromUtf8(icalproperty_get_value_as_string(p)));
                break;
            case ICAL_DURATION_PROPERTY:
                duration = icalproperty_get_duration(p);
                hasDuration = true;
                // 'P999999999999999999W' overflows: no calendar lasts a century.
                if (const qint64 secs = qint64(duration.weeks) * 7 * 86400
                        + qint64(duration.days) * 86400 + qint64(duration.hours) * 3600
                        + qint64(duration.minutes) * 60 + qint64(duration.seconds);
                    secs > kMaxDurationSecs) {
                    note(K::MalformedProperty, lineOfProperty("DURATION"), {},
                        QStringLiteral("DURATION too long (ignored): ")
                            + QString::fromUtf8(icalproperty_get_value_as_string(p)));
                    hasDuration = false;
                }
                break;
            case ICAL_RECURRENCEID_PROPERTY:
                recurrenceId = readTime(p, icalproperty_get_recurrenceid(p));
                break;
            case ICAL_RRULE_PROPERTY:
            case ICAL_EXRULE_PROPERTY:
                e.recurrence.append(QString::fromUtf8(propertyLine(p)));
                break;
            case ICAL_RDATE_PROPERTY:
            case ICAL_EXDATE_PROPERTY: {
                std::pair<QDateTime, QDateTime> period;
                const bool exdate = icalproperty_isa(p) == ICAL_EXDATE_PROPERTY;
                const QString l = recurrenceLine(p, exdate, &period);
                if (!l.isEmpty())
                    exLines.append(l);
                else
                    note(K::MalformedProperty,
                        lineOfProperty(exdate ? "EXDATE" : "RDATE", exdate ? exdates : rdates), {},
                        QStringLiteral("%1 could not be read (ignored): %2")
                            .arg(QLatin1String(exdate ? "EXDATE" : "RDATE"),
                                QString::fromUtf8(icalproperty_get_value_as_string(p))));
                ++(exdate ? exdates : rdates);
                if (period.first.isValid())
                    periods.append(period);
                break;
            }
            case ICAL_STATUS_PROPERTY: {
                const icalproperty_status s = icalproperty_get_status(p);
                e.status = s == ICAL_STATUS_CANCELLED ? EventStatus::Cancelled
                    : s == ICAL_STATUS_TENTATIVE      ? EventStatus::Tentative
                                                      : EventStatus::Confirmed;
                break;
            }
            case ICAL_TRANSP_PROPERTY:
                e.transparency = icalproperty_get_transp(p) == ICAL_TRANSP_TRANSPARENT
                    ? Transparency::Transparent
                    : Transparency::Opaque;
                break;
            case ICAL_SEQUENCE_PROPERTY:
                e.sequence = icalproperty_get_sequence(p);
                break;
            case ICAL_DTSTAMP_PROPERTY: {
                const TimeValue t = readTime(p, icalproperty_get_dtstamp(p));
                if (t.valid && !t.isDate)
                    stamp = t.dt.toUTC();
                break;
            }
            case ICAL_CREATED_PROPERTY: {
                const TimeValue t = readTime(p, icalproperty_get_created(p));
                if (t.valid && !t.isDate)
                    e.created = t.dt.toUTC(); // Qt::UTC: no per-value allocation
                break;
            }
            case ICAL_LASTMODIFIED_PROPERTY: {
                const TimeValue t = readTime(p, icalproperty_get_lastmodified(p));
                if (t.valid && !t.isDate)
                    e.updated = t.dt.toUTC();
                break;
            }
            case ICAL_ORGANIZER_PROPERTY:
                e.organizer = stripMailto(icalproperty_get_organizer(p));
                break;
            case ICAL_ATTENDEE_PROPERTY: {
                Attendee a;
                a.email = stripMailto(icalproperty_get_attendee(p));
                if (icalparameter *cn = icalproperty_get_first_parameter(p, ICAL_CN_PARAMETER))
                    a.name = QString::fromUtf8(icalparameter_get_cn(cn));
                if (icalparameter *ps
                    = icalproperty_get_first_parameter(p, ICAL_PARTSTAT_PARAMETER)) {
                    switch (icalparameter_get_partstat(ps)) {
                    case ICAL_PARTSTAT_ACCEPTED:
                        a.response = Attendee::Response::Accepted;
                        break;
                    case ICAL_PARTSTAT_DECLINED:
                        a.response = Attendee::Response::Declined;
                        break;
                    case ICAL_PARTSTAT_TENTATIVE:
                        a.response = Attendee::Response::Tentative;
                        break;
                    default:
                        break;
                    }
                }
                if (icalparameter *r = icalproperty_get_first_parameter(p, ICAL_ROLE_PARAMETER))
                    a.optional = icalparameter_get_role(r) == ICAL_ROLE_OPTPARTICIPANT
                        || icalparameter_get_role(r) == ICAL_ROLE_NONPARTICIPANT;
                e.attendees.append(a);
                break;
            }
            case ICAL_XLICERROR_PROPERTY: {
                const QString error = QString::fromUtf8(icalproperty_get_xlicerror(p));
                errors.append(error);
                malformed.append(error);
                break;
            }
            default:
                break;
            }
        }
        e.recurrence += exLines;
        for (const QString &error : std::as_const(malformed))
            noteMalformed(error);

        if (e.iCalUid.isEmpty()) {
            e.iCalUid = QStringLiteral("kairos-")
                + QString::fromLatin1(
                    QCryptographicHash::hash(m_chunk, QCryptographicHash::Sha1).toHex().left(24))
                + QStringLiteral("@import");
            note(K::MissingUid, m_chunkLine, e.iCalUid, {});
        }
        if (!start.valid) {
            skip(K::MissingStart, m_chunkLine, e.iCalUid, errors.join(QStringLiteral("; ")));
            return;
        }
        for (Attendee &a : e.attendees)
            a.organizer
                = !e.organizer.isEmpty() && a.email.compare(e.organizer, Qt::CaseInsensitive) == 0;
        if (m_result.method == "CANCEL")
            e.status = EventStatus::Cancelled;

        if (start.isDate) {
            e.allDay = true;
            e.startDate = start.date;
            if (end.valid)
                e.endDate = end.isDate ? end.date : end.dt.date();
            else if (hasDuration)
                e.endDate = start.date.addDays(qMax(1, icaldurationtype_as_int(duration) / 86400));
            else
                e.endDate = start.date.addDays(1);
            if (e.endDate <= e.startDate) {
                if (end.valid)
                    note(K::AllDayEndFixed, m_chunkLine, e.iCalUid, {});
                e.endDate = e.startDate.addDays(1);
            }
        } else {
            e.start = start.dt;
            if (end.valid)
                e.end
                    = end.isDate ? wallTimeIn(end.date, QTime(0, 0), start.dt.timeZone()) : end.dt;
            else if (hasDuration)
                e.end = start.dt.addSecs(icaldurationtype_as_int(duration));
            else
                e.end = start.dt;
            if (e.end < e.start) {
                skip(K::EndBeforeStart, m_chunkLine, e.iCalUid, {});
                return;
            }
        }
        e.reminders = alarmsOf(c, e);
        if (recurrenceId.valid) {
            // A changed occurrence is one occurrence: an RRULE / RDATE on it (libical's
            // 2446.ics, khal's RANGE=THISANDFUTURE) would make a second series of it.
            e.recurrence.clear();
            // An all-day instance names its day; Exchange writes it as midnight in a zone
            // (RECURRENCE-ID;TZID=W. Europe Standard Time:20260226T000000): that wall day.
            e.originalStart = recurrenceId.isDate
                ? QDateTime(recurrenceId.date, QTime(0, 0), QTimeZone::utc())
                : start.isDate ? QDateTime(recurrenceId.dt.date(), QTime(0, 0), QTimeZone::utc())
                               : recurrenceId.dt;
        }
        // An RDATE period longer or shorter than the event is an instance of its own length:
        // a changed occurrence (RECURRENCE-ID = the period's start) carries it to every view,
        // while the RDATE keeps the period for the export. A changed occurrence the file
        // itself has for that instant wins over it (EventOrigin::generated).
        QList<Event> periodInstances;
        if (!e.allDay && !recurrenceId.valid) {
            const qint64 length = e.start.secsTo(e.end);
            for (const auto &[from, to] : std::as_const(periods)) {
                if (from.secsTo(to) == length)
                    continue;
                Event inst = e;
                inst.recurrence.clear();
                inst.start = from.toTimeZone(e.start.timeZone());
                inst.end = to.toTimeZone(e.start.timeZone());
                inst.originalStart = inst.start;
                periodInstances.append(std::move(inst));
            }
        }
        m_result.attendeeLines += int(e.attendees.size()) + (e.organizer.isEmpty() ? 0 : 1);
        m_result.events.append(std::move(e));
        m_result.origins.append({ m_chunkLine, stamp });
        ++m_result.eventCount;
        for (Event &inst : periodInstances) {
            m_result.events.append(std::move(inst));
            m_result.origins.append({ m_chunkLine, stamp, true });
            ++m_result.eventCount;
        }
    }

public:
    //! Count VEVENTs instead of parsing them (scanCalendar()).
    void setCountOnly(bool on) { m_countOnly = on; }

private:
    struct Deferred {
        QByteArray text;
        int line = 0;
        QList<int> lines;
    };
    QList<Deferred> m_deferred;
    bool m_countOnly = false;
    QIODevice &m_in;
    QByteArray m_pushback;
    QByteArray m_current;
    bool m_hasPushback = false;
    bool m_pushbackValid = false;
    static constexpr qsizetype kBlockBytes = 256 * 1024;
    QByteArray m_block; //!< input read so far and not yet cut into lines
    qsizetype m_blockPos = 0;
    bool m_inputDone = false;
    const ImportOptions &m_options;
    Sink m_sink;
    int m_batchSize;
    std::optional<Error> m_sinkError;
    QTimeZone m_floating;
    ParsedCalendar m_result;
    ZoneResolver m_resolver;
    int m_line = 0;
    bool m_inCalendar = false;
    bool m_sawCalendar = false;
    bool m_chunkActive = false;
    int m_chunkLine = 0;
    QString m_chunkBroken;
    QList<QByteArray> m_stack;
    QByteArray m_chunk;
    QList<int> m_chunkLines; //!< physical line of each logical line of m_chunk
    QHash<QByteArray, int> m_tzidFirstLine;
    QSet<QByteArray> m_zoneNoted;
    int m_floatingCount = 0;
    int m_firstFloatingLine = 0;
};

} // namespace

QString importKey(const QString &iCalUid, std::optional<qint64> originalStartMs)
{
    return originalStartMs ? iCalUid + QLatin1Char('#') + QString::number(*originalStartMs)
                           : iCalUid;
}

QString importKey(const Event &e)
{
    return importKey(e.iCalUid,
        e.originalStart.isValid() ? std::optional(e.originalStart.toMSecsSinceEpoch())
                                  : std::nullopt);
}

Expected<ParsedCalendar> parseCalendar(QIODevice &in, const ImportOptions &options)
{
    Parser p(in, options);
    return p.run();
}

Expected<ParsedCalendar> parseCalendar(const QByteArray &data, const ImportOptions &options)
{
    QByteArray copy = data; // QBuffer needs a non-const array; implicitly shared, no copy
    QBuffer buf(&copy);
    buf.open(QIODevice::ReadOnly);
    return parseCalendar(buf, options);
}

Expected<ParsedCalendar> parseCalendarFile(const QString &path, const ImportOptions &options)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound, path + QStringLiteral(": ") + f.errorString());
    return parseCalendar(f, options);
}

Expected<ParsedCalendar> scanCalendar(QIODevice &in, const ImportOptions &options)
{
    Parser p(in, options);
    p.setCountOnly(true);
    return p.run();
}

Expected<ParsedCalendar> scanCalendarFile(const QString &path, const ImportOptions &options)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound, path + QStringLiteral(": ") + f.errorString());
    return scanCalendar(f, options);
}

QFuture<Expected<ParsedCalendar>> parseCalendarFileAsync(
    const QString &path, const QTimeZone &floatingZone)
{
    return QtConcurrent::run([path, floatingZone](QPromise<Expected<ParsedCalendar>> &promise) {
        promise.setProgressRange(0, 1000);
        ImportOptions o;
        o.floatingZone = floatingZone;
        o.progress = [&promise](qint64 done, qint64 total) {
            if (total > 0)
                promise.setProgressValue(int(done * 1000 / total));
        };
        o.cancelled = [&promise] { return promise.isCanceled(); };
        promise.addResult(parseCalendarFile(path, o));
    });
}

namespace {

//! Matches incoming events against the calendar (UID + RECURRENCE-ID) batch by batch and
//! stages them; commit() moves them into the calendar in one transaction.
class StagedImport {
public:
    StagedImport(EventStore &store, const QString &calendarId, const ApplyOptions &options)
        : m_store(store)
        , m_calendarId(calendarId)
        , m_options(options)
    { }
    ~StagedImport()
    {
        if (m_staging)
            m_store.dropStaging();
    }

    Expected<void> begin()
    {
        auto cal = m_store.calendar(m_calendarId);
        if (!cal)
            return cal.error();
        if (cal->readOnly && !m_options.allowReadOnly)
            return makeError(Error::Code::ReadOnly, cal->name);
        // Writing a provider's calendar goes through the sync engine's outbox (the desktop
        // import does that); stored here, the events would never reach Google or Microsoft.
        if (!cal->accountId.isEmpty())
            return makeError(Error::Code::ReadOnly,
                QStringLiteral("“%1” belongs to a Google or Microsoft account: its events must go "
                               "through the sync engine (ics::importThroughSync)")
                    .arg(cal->name));
        auto keys = m_store.eventKeys(m_calendarId);
        if (!keys)
            return keys.error();
        m_existing.reserve(keys->size());
        for (EventStore::EventKey &k : *keys) {
            const QString key = importKey(
                k.iCalUid, k.hasOriginalStart ? std::optional(k.originalStartMs) : std::nullopt);
            m_existing.insert(key, { std::move(k.id), k.sequence });
        }
        if (auto r = m_store.beginStaging(); !r)
            return r;
        m_staging = true;
        return {};
    }

    //! Stages one batch (one transaction). `batch` is consumed; `origins` (parallel, may be
    //! empty) say where each event was in the file.
    Expected<void> add(QList<Event> &batch, const QList<EventOrigin> &origins)
    {
        QList<Event> toStage;
        toStage.reserve(batch.size());
        QList<qsizetype> compare; // indexes into toStage of events that exist already
        QHash<QString, qsizetype> stagedHere; // key → index into toStage
        for (qsizetype i = 0; i < batch.size(); ++i) {
            Event &in = batch[i];
            const EventOrigin origin = i < origins.size() ? origins.at(i) : EventOrigin {};
            QString key = importKey(in);
            auto seen = m_seen.find(key);
            if (seen != m_seen.end()) {
                // The same component twice in one file: the highest SEQUENCE, then the latest
                // DTSTAMP wins (the first on a tie), and the report says which was kept.
                bool newer = false;
                bool report = true;
                if (seen->generated || origin.generated) {
                    // An instance made from an RDATE period and the file's own changed
                    // occurrence of that instant: the file's wins, without a word.
                    if (origin.generated)
                        continue;
                    seen->generated = false;
                    newer = true;
                    report = false;
                } else {
                    newer = in.sequence != seen->sequence
                        ? in.sequence > seen->sequence
                        : (origin.stamp.isValid()
                            && (!seen->stamp.isValid() || origin.stamp > seen->stamp));
                }
                const QString detail = newer
                    ? QStringLiteral("line %1 (SEQUENCE %2) replaces line %3 (SEQUENCE %4)")
                    : QStringLiteral(
                        "line %1 (SEQUENCE %2) ignored: line %3 (SEQUENCE %4) is newer");
                if (report)
                    m_summary.notes.append({ K::DuplicateComponent, origin.line, in.iCalUid,
                        detail.arg(origin.line)
                            .arg(in.sequence)
                            .arg(seen->line)
                            .arg(seen->sequence) });
                if (!newer)
                    continue;
            }
            if (seen != m_seen.end() && seen->id.isEmpty()) {
                // The earlier one was older than the calendar's: this one is judged afresh.
                m_seen.erase(seen);
                seen = m_seen.end();
            }
            if (seen != m_seen.end()) {
                seen->sequence = in.sequence;
                seen->stamp = origin.stamp;
                seen->line = origin.line;
                Event e = std::move(in);
                e.calendarId = m_calendarId;
                e.id = seen->id;
                if (e.originalStart.isValid())
                    e.recurringEventId = masterIdFor(e.iCalUid);
                if (auto here = stagedHere.constFind(key); here != stagedHere.constEnd()) {
                    toStage[*here] = std::move(e);
                } else {
                    // Staged by an earlier batch (staging replaces by id), or left out as
                    // unchanged: now it changes.
                    if (seen->unchanged) {
                        seen->unchanged = false;
                        --m_summary.unchanged;
                        ++m_summary.updated;
                    }
                    stagedHere.insert(key, toStage.size());
                    toStage.append(std::move(e));
                }
                continue;
            }
            seen = m_seen.insert(
                key, { in.sequence, origin.stamp, origin.line, {}, false, origin.generated });
            const bool isOverride = in.originalStart.isValid();
            Event e = std::move(in);
            e.calendarId = m_calendarId;
            if (isOverride)
                e.recurringEventId = masterIdFor(e.iCalUid);
            else
                m_mastersSeen.insert(e.iCalUid);
            auto old = m_existing.constFind(key);
            if (old != m_existing.constEnd()) {
                if (old->sequence > e.sequence) {
                    m_summary.skipped.append({ K::OutdatedSequence, origin.line, e.iCalUid,
                        QStringLiteral("%1 < %2").arg(e.sequence).arg(old->sequence) });
                    continue;
                }
                e.id = old->id;
                compare.append(toStage.size());
            } else {
                e.id = isOverride ? Event::newId() : masterIdFor(e.iCalUid);
                ++m_summary.imported;
            }
            seen->id = e.id;
            stagedHere.insert(key, toStage.size());
            toStage.append(std::move(e));
        }
        batch.clear();
        if (!compare.isEmpty()) {
            QStringList ids;
            ids.reserve(compare.size());
            for (qsizetype i : std::as_const(compare))
                ids << toStage.at(i).id;
            auto olds = m_store.eventsByIds(ids);
            if (!olds)
                return olds.error();
            QHash<QString, const Event *> byId;
            for (const Event &o : std::as_const(*olds))
                byId.insert(o.id, &o);
            QList<qsizetype> same;
            for (qsizetype i : std::as_const(compare)) {
                Event &e = toStage[i];
                const Event *old = byId.value(e.id);
                if (!old) {
                    ++m_summary.updated;
                    continue;
                }
                e.providerId = old->providerId;
                e.etag = old->etag;
                if (!e.created.isValid())
                    e.created = old->created;
                if (!e.updated.isValid())
                    e.updated = old->updated;
                if (e == *old) {
                    same.append(i);
                } else if (e.originalStart.isValid() && !m_mastersSeen.contains(e.iCalUid)
                    && !m_existing.contains(e.iCalUid)) {
                    // Its master is not known yet (it may come later in the file): compare
                    // without the link, and stage it so the link is right either way.
                    Event unlinked = e;
                    unlinked.recurringEventId = old->recurringEventId;
                    if (unlinked == *old)
                        ++m_summary.unchanged;
                    else
                        ++m_summary.updated;
                } else {
                    ++m_summary.updated;
                }
            }
            m_summary.unchanged += int(same.size());
            for (auto it = same.crbegin(); it != same.crend(); ++it) {
                m_seen[importKey(toStage.at(*it))].unchanged = true;
                toStage.removeAt(*it);
            }
        }
        if (toStage.isEmpty())
            return {};
        return m_store.stageEvents(toStage);
    }

    Expected<ImportSummary> commit()
    {
        QStringList gone;
        if (m_options.removeMissing) {
            for (auto it = m_existing.cbegin(); it != m_existing.cend(); ++it) {
                if (!m_seen.contains(it.key()))
                    gone.append(it->id);
            }
        }
        // Overrides whose master is neither in the file nor in the calendar.
        QStringList orphanMasters;
        for (auto it = m_masterIds.cbegin(); it != m_masterIds.cend(); ++it) {
            if (!m_mastersSeen.contains(it.key()) && !m_existing.contains(it.key()))
                orphanMasters.append(it.value());
        }
        if (auto r = m_store.commitStaging(gone, orphanMasters); !r)
            return r.error();
        m_staging = false;
        m_summary.removed = int(gone.size());
        qCDebug(lcIcs) << "import into" << m_calendarId << ":" << m_summary.imported << "new,"
                       << m_summary.updated << "updated," << m_summary.unchanged << "unchanged,"
                       << m_summary.skipped.size() << "skipped";
        return std::move(m_summary);
    }

    ImportSummary &summary() { return m_summary; }

private:
    struct Known {
        QString id;
        int sequence = 0;
    };

    //! The local id of the series `uid`: the stored master's, or one chosen now (an override
    //! may come before its master in the file).
    QString masterIdFor(const QString &uid)
    {
        auto it = m_masterIds.constFind(uid);
        if (it != m_masterIds.constEnd())
            return *it;
        auto old = m_existing.constFind(uid);
        return *m_masterIds.insert(uid, old != m_existing.constEnd() ? old->id : Event::newId());
    }

    EventStore &m_store;
    const QString m_calendarId;
    const ApplyOptions m_options;
    QHash<QString, Known> m_existing; // key → stored id and sequence
    QHash<QString, QString> m_masterIds; // uid → local id of the master
    QSet<QString> m_mastersSeen;
    struct Seen {
        int sequence = 0;
        QDateTime stamp;
        int line = 0;
        QString id; //!< local id it was staged with (empty: skipped)
        bool unchanged = false; //!< identical to the stored event, not staged
        bool generated = false; //!< made from an RDATE period
    };
    QHash<QString, Seen> m_seen; // key → the version of the file kept so far
    ImportSummary m_summary;
    bool m_staging = false;
};

} // namespace

Expected<ImportSummary> applyImport(EventStore &store, const QString &calendarId,
    const ParsedCalendar &parsed, const ApplyOptions &options)
{
    StagedImport imp(store, calendarId, options);
    if (auto r = imp.begin(); !r)
        return r.error();
    imp.summary().skipped = parsed.skipped;
    imp.summary().notes = parsed.notes;
    QList<Event> all = parsed.events; // shared until add() detaches it
    if (auto r = imp.add(all, parsed.origins); !r)
        return r.error();
    return imp.commit();
}

namespace {

struct ParsedBatch {
    QList<Event> events;
    QList<EventOrigin> origins;
};

//! Batches handed from the parsing thread to the storing one. At most `capacity` wait, so
//! memory stays a few batches whatever the file's size.
class BatchQueue {
public:
    explicit BatchQueue(int capacity)
        : m_capacity(capacity)
    { }

    //! Parser side: blocks while the queue is full. False when the consumer has stopped.
    bool push(ParsedBatch batch)
    {
        QMutexLocker lock(&m_mutex);
        while (m_batches.size() >= m_capacity && !m_stopped)
            m_notFull.wait(&m_mutex);
        if (m_stopped)
            return false;
        m_batches.append(std::move(batch));
        m_notEmpty.wakeOne();
        return true;
    }
    void setProgress(qint64 done, qint64 total)
    {
        QMutexLocker lock(&m_mutex);
        m_done = done;
        m_total = total;
    }
    //! Parser side, at the end (done or failed).
    void finish()
    {
        QMutexLocker lock(&m_mutex);
        m_finished = true;
        m_notEmpty.wakeOne();
    }

    //! Store side: the next batch, or nothing when the parser has finished and all are taken.
    std::optional<ParsedBatch> pop(qint64 *done, qint64 *total)
    {
        QMutexLocker lock(&m_mutex);
        while (m_batches.isEmpty() && !m_finished)
            m_notEmpty.wait(&m_mutex);
        *done = m_done;
        *total = m_total;
        if (m_batches.isEmpty())
            return std::nullopt;
        ParsedBatch b = m_batches.takeFirst();
        m_notFull.wakeOne();
        return b;
    }
    //! Store side: stop the parser (error or cancellation); it sees it at its next batch.
    void stop()
    {
        QMutexLocker lock(&m_mutex);
        m_stopped = true;
        m_notFull.wakeOne();
    }
    bool stopped() const
    {
        QMutexLocker lock(&m_mutex);
        return m_stopped;
    }

private:
    const int m_capacity;
    mutable QMutex m_mutex;
    QWaitCondition m_notEmpty;
    QWaitCondition m_notFull;
    QList<ParsedBatch> m_batches;
    qint64 m_done = 0;
    qint64 m_total = 0;
    bool m_finished = false;
    bool m_stopped = false;
};

} // namespace

Expected<ImportSummary> importCalendar(QIODevice &in, EventStore &store, const QString &calendarId,
    const ImportOptions &options, const ApplyOptions &apply, int batchSize)
{
    StagedImport imp(store, calendarId, apply);
    if (auto r = imp.begin(); !r)
        return r.error();

    // Two stages on two threads: this one stores (the database connection belongs to it), a
    // helper thread reads and parses. The caller's progress and cancelled callbacks run here.
    BatchQueue queue(2);
    ImportOptions parseOptions = options;
    parseOptions.progress = [&queue](qint64 done, qint64 total) { queue.setProgress(done, total); };
    parseOptions.cancelled = [&queue]() { return queue.stopped(); };
    std::optional<Expected<ParsedCalendar>> parsed;
    std::thread parser([&]() {
        Parser p(
            in, parseOptions,
            [&queue, batchSize](
                QList<Event> &batch, QList<EventOrigin> &origins) -> Expected<void> {
                if (!queue.push({ std::exchange(batch, {}), std::exchange(origins, {}) }))
                    return makeError(Error::Code::Cancelled);
                batch.reserve(batchSize);
                origins.reserve(batchSize);
                return {};
            },
            batchSize);
        parsed = p.run();
        queue.finish();
    });
    std::optional<Error> failed;
    qint64 done = 0;
    qint64 total = 0;
    while (auto batch = queue.pop(&done, &total)) {
        if (!failed) {
            if (options.cancelled && options.cancelled())
                failed = Error { Error::Code::Cancelled, {} };
            else if (auto r = imp.add(batch->events, batch->origins); !r)
                failed = r.error();
            else if (options.progress)
                options.progress(done, total);
            if (failed)
                queue.stop();
        }
    }
    parser.join();
    if (failed)
        return *failed;
    if (!*parsed)
        return parsed->error();
    if (options.cancelled && options.cancelled())
        return makeError(Error::Code::Cancelled);
    if (options.progress)
        options.progress(total, total);
    imp.summary().skipped = (*parsed)->skipped + imp.summary().skipped;
    imp.summary().notes = (*parsed)->notes + imp.summary().notes;
    return imp.commit();
}

Expected<ImportSummary> importCalendarFile(const QString &path, EventStore &store,
    const QString &calendarId, const ImportOptions &options, const ApplyOptions &apply,
    int batchSize)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(Error::Code::NotFound, path + QStringLiteral(": ") + f.errorString());
    return importCalendar(f, store, calendarId, options, apply, batchSize);
}

} // namespace kairos::ics
