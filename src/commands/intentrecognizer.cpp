// Rule-based intent recognition for chat commands (issue 7). See docs/commands.md for the
// rules in prose; the rule names below are what `kairos-cli explain` prints as "rule".
#include "commands/intentrecognizer.h"

#include "commands/phraseparser.h"
#include "core/logging.h"

#include <QRegularExpression>
#include <QSet>

namespace kairos::commands {

namespace {

QRegularExpression rx(const QString &pattern)
{
    QRegularExpression re(pattern);
    Q_ASSERT(re.isValid());
    return re;
}

struct EventKind {
    const char *key; //!< folded word
    const char *title; //!< display title (UTF-8)
    int minutes; //!< default duration
    int windowFrom = -1, windowTo = -1; //!< meal window in minutes, when no time is given
};

// Default durations and meal windows (docs/commands.md, "Defaults").
const EventKind kKinds[] = {
    { "meeting", "Meeting", 30 },
    { "reunion", "Reunión", 30 },
    { "junta", "Junta", 30 },
    { "call", "Call", 30 },
    { "llamada", "Llamada", 30 },
    { "videollamada", "Videollamada", 30 },
    { "lunch", "Lunch", 60, 12 * 60, 14 * 60 + 30 },
    { "comida", "Comida", 60, 12 * 60, 14 * 60 + 30 },
    { "almuerzo", "Almuerzo", 60, 12 * 60, 14 * 60 + 30 },
    { "breakfast", "Breakfast", 45, 8 * 60, 10 * 60 },
    { "desayuno", "Desayuno", 45, 8 * 60, 10 * 60 },
    { "dinner", "Dinner", 90, 19 * 60, 22 * 60 },
    { "cena", "Cena", 90, 19 * 60, 22 * 60 },
    { "coffee", "Coffee", 30 },
    { "cafe", "Café", 30 },
    { "standup", "Stand-up", 15 },
    { "stand-up", "Stand-up", 15 },
    { "sync", "Sync", 30 },
    { "catch-up", "Catch-up", 30 },
    { "catchup", "Catch-up", 30 },
    { "1:1", "1:1", 30 },
    { "one-on-one", "1:1", 30 },
    { "interview", "Interview", 60 },
    { "entrevista", "Entrevista", 60 },
    { "demo", "Demo", 30 },
    { "review", "Review", 30 },
    { "workshop", "Workshop", 120 },
    { "taller", "Taller", 120 },
    { "session", "Session", 60 },
    { "sesion", "Sesión", 60 },
    { "appointment", "Appointment", 30 },
    { "cita", "Cita", 30 },
    { "retro", "Retro", 60 },
};

const EventKind *findKind(const QString &foldedRest)
{
    static const QRegularExpression word(QStringLiteral("[a-z0-9:\\-]+"));
    auto it = word.globalMatch(foldedRest);
    while (it.hasNext()) {
        const QString w = it.next().captured(0);
        for (const EventKind &k : kKinds) {
            if (w == QLatin1String(k.key) || w == QLatin1String(k.key) + QLatin1Char('s'))
                return &k;
        }
    }
    return nullptr;
}

const QSet<QString> &nameStopWords()
{
    static const QSet<QString> s = [] {
        QSet<QString> set;
        for (const char *w :
            { "about", "regarding", "re", "to", "for", "on", "at", "in", "from", "the", "a", "an",
                "my", "our", "your", "his", "her", "their", "this", "that", "next", "please", "pls",
                "me", "us", "you", "him", "them", "everyone", "everybody", "all", "team", "is",
                "are", "free", "available", "be", "and", "or", "so", "we", "can", "i", "it",
                "anyone", "somebody", "someone", "there", "here", "when", "who", "what", "sobre",
                "para", "el", "la", "los", "las", "de", "del", "en", "por", "favor", "mi", "mis",
                "su", "sus", "nuestro", "nuestra", "acerca", "ti", "ella", "ellos", "ellas",
                "nosotros", "todos", "todas", "equipo", "y", "o", "esta", "estan", "libre",
                "libres", "disponible", "disponibles", "alguien", "quien", "que", "cuando", "se",
                "nos", "usted", "ustedes", "yo", "tu", "es", "to", "discuss", "hablar", "ver", "un",
                "una", "unos", "unas", "let", "lets", "free?", "todo", "mundo" })
            set.insert(QString::fromLatin1(w));
        for (const EventKind &k : kKinds)
            set.insert(QString::fromLatin1(k.key));
        return set;
    }();
    return s;
}

struct Context {
    QString original; //!< NFC text (same length as folded)
    QString folded;
    QString masked; //!< folded with the date/time phrases masked by '#'
    InterpretOptions options;
    Interpretation *out;
};

QString capitalised(const QString &s)
{
    if (s.isEmpty() || s.at(0).isUpper())
        return s;
    return s.at(0).toUpper() + s.mid(1);
}

//! Adds one name, matched against the room members (case- and accent-insensitive, full name
//! or first name); an unknown name is kept as written and flagged.
void addParticipant(Context &c, const QString &typed)
{
    const QString key = foldText(typed);
    QString name;
    if (!c.options.members.isEmpty()) {
        for (const QString &m : c.options.members) {
            const QString fm = foldText(m.trimmed());
            if (fm == key || fm.section(QLatin1Char(' '), 0, 0) == key) {
                name = m.trimmed();
                break;
            }
        }
        if (name.isEmpty() && !c.out->warnings.contains(QStringLiteral("unknown_participant")))
            c.out->warnings.append(QStringLiteral("unknown_participant"));
    }
    if (name.isEmpty())
        name = capitalised(typed);
    if (!c.out->participants.contains(name))
        c.out->participants.append(name);
}

//! Reads a list of names ("Sarah and Bob", "Ana, Luis y María") starting at \a from in the
//! masked text; stops at a date/time phrase, punctuation or a non-name word.
void collectNames(Context &c, qsizetype from, qsizetype to = -1)
{
    static const QRegularExpression token(QStringLiteral("[a-z][a-z'\\-]*|[,&]|[^\\sa-z]"));
    if (to < 0)
        to = c.masked.size();
    QList<std::pair<qsizetype, qsizetype>> current; // word spans of the name being read
    auto flush = [&]() {
        if (current.isEmpty())
            return;
        const QString whole
            = c.original.mid(current.first().first, current.last().second - current.first().first);
        bool matchedWhole = c.options.members.isEmpty();
        if (!matchedWhole) {
            for (const QString &m : c.options.members)
                matchedWhole = matchedWhole || foldText(m.trimmed()) == foldText(whole);
        }
        if (matchedWhole || current.size() == 1) {
            addParticipant(c, whole);
        } else {
            for (const auto &[a, b] : current)
                addParticipant(c, c.original.mid(a, b - a));
        }
        current.clear();
    };
    auto it = token.globalMatch(c.masked.left(to), from);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString w = m.captured(0);
        if (w == QLatin1String(",") || w == QLatin1String("&") || w == QLatin1String("and")
            || w == QLatin1String("y") || w == QLatin1String("e")) {
            flush();
            continue;
        }
        if (!w.at(0).isLetter() || nameStopWords().contains(w))
            break;
        current.append({ m.capturedStart(), m.capturedEnd() });
        if (current.size() > 3)
            break;
    }
    flush();
}

void collectWithNames(Context &c, qsizetype from)
{
    static const QRegularExpression with(QStringLiteral("\\b(?:with|con)\\s+"));
    auto it = with.globalMatch(c.masked, from);
    while (it.hasNext())
        collectNames(c, it.next().capturedEnd());
}

// Leading politeness and addressing that do not change the meaning.
const QRegularExpression &prefixRx()
{
    static const QRegularExpression re = rx(QStringLiteral(
        "^[\\s\\x{00BF}\\x{00A1}]*(?:(?:hey|hi|hello|ok|okay|so|kairos|@kairos|please|pls|oye|"
        "hola|vale|bueno|porfa|por\\s+favor)\\b[\\s,!:.]*)*[\\s\\x{00BF}\\x{00A1}]*"));
    return re;
}

bool matchesNegationOrPast(const QString &masked, QString *rule)
{
    static const QRegularExpression negation = rx(QStringLiteral(
        "\\b(?:not|never|no|nope|nunca|tampoco|ni|cannot|dont|cant|wont|didnt|doesnt|isnt|"
        "arent|wasnt|shouldnt|couldnt)\\b|n't\\b"));
    static const QRegularExpression past = rx(QStringLiteral(
        "\\b(?:yesterday|ayer|anoche|ago|last\\s+(?:week|month|night|time|year|monday|tuesday|"
        "wednesday|thursday|friday|saturday|sunday)|was|were|did|had|went|earlier|fue|fueron|"
        "era|eran|estuvo|estuvimos|estuve|tuve|tuvimos|tuvo|tenia|teniamos|hubo|habia|"
        "programe|programo|programaste|reserve|reservo|reservaste|organice|organizo|agende|"
        "agendo|pasada|pasado)\\b"));
    if (masked.contains(negation)) {
        *rule = QStringLiteral("none.negation");
        return true;
    }
    if (masked.contains(past)) {
        *rule = QStringLiteral("none.past");
        return true;
    }
    return false;
}

enum class Verb { None, Strong, Weak };

//! The schedule rule: an imperative (or a polite request) at the very start of the message.
bool matchSchedule(Context &c, qsizetype start, qsizetype *restPos, bool *strong)
{
    static const QRegularExpression en = rx(QStringLiteral(
        "^(?:(?:can|could|would|will)\\s+you\\s+(?:please\\s+)?|please\\s+|let'?s\\s+|"
        "i\\s+(?:want|need|would\\s+like|'d\\s+like)\\s+to\\s+|i'd\\s+like\\s+to\\s+|"
        "we\\s+(?:need\\s+to|should)\\s+)?(schedule|set\\s+up|setup|arrange|book|plan|organi[sz]e|"
        "create|add|put|make)\\b\\s*"));
    static const QRegularExpression es = rx(QStringLiteral(
        "^(?:(?:puedes|podrias|me\\s+puedes|nos\\s+puedes)\\s+|quiero\\s+|necesito\\s+|"
        "vamos\\s+a\\s+|hay\\s+que\\s+)?(?:me\\s+|nos\\s+)?(programa(?:r|me|nos|s)?|agenda(?:r|me|"
        "nos|s)|"
        "organiza(?:r|me|nos|s)?|reserva(?:r|me|nos|s)?|pon(?:er|me|nos|es)?|crea(?:r|me|s)?|"
        "programemos|organicemos|reservemos|agendemos|anade|anadir|monta(?:r)?)\\b\\s*"));
    static const QRegularExpression agendaVerb
        = rx(QStringLiteral("^(?:me\\s+|nos\\s+)?agenda\\s+"));
    const QString t = c.masked.mid(start);
    QRegularExpressionMatch m = en.match(t);
    if (!m.hasMatch())
        m = es.match(t);
    QString verb;
    if (m.hasMatch()) {
        verb = m.captured(1);
    } else {
        // "agenda" is also a noun ("agenda de hoy"): a verb only before an article or pronoun.
        static const QRegularExpression agendaObj = rx(
            QStringLiteral("^(?:me\\s+|nos\\s+)?agenda\\s+(?=(?:una?|la|el|me|nos|#|\\d)\\b)"));
        m = agendaObj.match(t);
        if (!m.hasMatch())
            return false;
        verb = QStringLiteral("agenda");
    }
    Q_UNUSED(agendaVerb);
    const QString rest = t.mid(m.capturedEnd());
    *restPos = start + m.capturedEnd();
    static const QSet<QString> strongVerbs = { QStringLiteral("schedule"), QStringLiteral("setup"),
        QStringLiteral("arrange"), QStringLiteral("agenda") };
    QString v = verb;
    v.remove(QRegularExpression(QStringLiteral("\\s+")));
    *strong = strongVerbs.contains(v) || v.startsWith(QLatin1String("programa"))
        || v.startsWith(QLatin1String("agenda")) || v == QLatin1String("programemos")
        || v == QLatin1String("agendemos");
    // What follows the verb must look like an object: an article, an event word, "with",
    // a date/time phrase... "Schedule looks tight", "Plan B", "Book club" are not commands.
    static const QRegularExpression object = rx(QStringLiteral(
        "^(?:(?:me|us|nos|for\\s+me|for\\s+us)\\s+)?(?:#|\"|'|a\\b|an\\b|the\\b|another\\b|some\\b|"
        "un\\b|una\\b|unos\\b|otra\\b|otro\\b|la\\b|el\\b|with\\b|con\\b|for\\b|para\\b|"
        "[a-z0-9:\\-]+)"));
    const QRegularExpressionMatch o = object.match(rest);
    if (!o.hasMatch())
        return rest.trimmed().isEmpty() && *strong; // a bare "schedule" fills nothing in
    const EventKind *kind = findKind(rest);
    const QString first = o.captured(0).section(QLatin1Char(' '), -1);
    const bool firstIsWord = !first.isEmpty() && first.at(0).isLetterOrNumber();
    static const QSet<QString> okFirst = {
        QStringLiteral("a"),
        QStringLiteral("an"),
        QStringLiteral("the"),
        QStringLiteral("another"),
        QStringLiteral("some"),
        QStringLiteral("un"),
        QStringLiteral("una"),
        QStringLiteral("unos"),
        QStringLiteral("otra"),
        QStringLiteral("otro"),
        QStringLiteral("la"),
        QStringLiteral("el"),
        QStringLiteral("with"),
        QStringLiteral("con"),
        QStringLiteral("for"),
        QStringLiteral("para"),
        QStringLiteral("me"),
        QStringLiteral("us"),
        QStringLiteral("nos"),
    };
    if (firstIsWord && !okFirst.contains(first) && !(kind && findKind(first) == kind))
        return false;
    if (!*strong && !kind)
        return false;
    if ((first == QLatin1String("the") || first == QLatin1String("la")
            || first == QLatin1String("el"))
        && !kind && !rest.contains(QLatin1Char('#')))
        return false;
    return true;
}

QString joinNames(const QStringList &names, Language lang)
{
    if (names.size() <= 1)
        return names.value(0);
    const QString last = names.last();
    return names.mid(0, names.size() - 1).join(QStringLiteral(", "))
        + (lang == Language::Spanish ? QStringLiteral(" y ") : QStringLiteral(" and ")) + last;
}

void fillSchedule(Context &c, const DateTimePhrase &phrase, qsizetype restPos)
{
    Interpretation &out = *c.out;
    out.intent = Intent::Schedule;
    const QString rest = c.masked.mid(restPos);
    const EventKind *kind = findKind(rest);
    collectWithNames(c, restPos);

    ResolveContext rc;
    rc.now = c.options.now;
    rc.zone = c.options.zone;
    rc.defaultDurationMinutes = kind ? kind->minutes : 30;
    if (kind && kind->windowFrom >= 0 && !phrase.hasTime()) {
        out.dailyWindowFrom = kind->windowFrom;
        out.dailyWindowTo = kind->windowTo;
    }
    if (kind && kind->windowFrom >= 0)
        rc.defaultDayWindow = std::make_pair(
            QTime(0, 0).addSecs(kind->windowFrom * 60), QTime(0, 0).addSecs(kind->windowTo * 60));
    const ResolvedTime r = resolvePhrase(phrase, rc);
    if (r.hasTime) {
        out.start = r.start;
        out.end = r.end;
    } else {
        out.windowStart = r.windowStart;
        out.windowEnd = r.windowEnd;
    }
    out.durationMinutes = r.durationMinutes;
    for (const QString &w : r.warnings)
        if (!out.warnings.contains(w))
            out.warnings.prepend(w);

    // Title: a quoted title wins; then the event word (+ "with" the participants); for a
    // slash command, the words left over; then "Meeting" / "Reunión".
    static const QRegularExpression quoted(
        QStringLiteral("[\"\\x{201C}]([^\"\\x{201D}]+)[\"\\x{201D}]"));
    const QRegularExpressionMatch q = quoted.match(c.original);
    QString base;
    if (q.hasMatch()) {
        out.title = q.captured(1).trimmed();
        return;
    }
    if (out.fromSlashCommand) {
        static const QRegularExpression stop(QStringLiteral("#|\\b(?:with|con)\\b"));
        const qsizetype cut = rest.indexOf(stop);
        QString words = c.original.mid(restPos, cut < 0 ? -1 : cut).trimmed();
        words.remove(QRegularExpression(QStringLiteral("^(?:an?|the|una?|el|la)\\s+"),
            QRegularExpression::CaseInsensitiveOption));
        words.remove(QRegularExpression(QStringLiteral("[\\s,.;:!?]+$")));
        base = capitalised(words);
    }
    if (base.isEmpty() && kind)
        base = QString::fromUtf8(kind->title);
    if (base.isEmpty())
        base = out.language == Language::Spanish ? QStringLiteral("Reunión")
                                                 : QStringLiteral("Meeting");
    if (!out.participants.isEmpty())
        base += (out.language == Language::Spanish ? QStringLiteral(" con ")
                                                   : QStringLiteral(" with "))
            + joinNames(out.participants, out.language);
    out.title = base;
}

void fillWindow(Context &c, const DateTimePhrase &phrase, bool agenda)
{
    Interpretation &out = *c.out;
    ResolveContext rc;
    rc.now = c.options.now;
    rc.zone = c.options.zone;
    rc.defaultDurationMinutes = 30;
    rc.clipWindowToNow = !agenda;
    rc.openWindowIsNextSevenDays = !agenda;
    DateTimePhrase p = phrase;
    if (agenda) {
        // The agenda shows days; a time in an agenda question only picks the day.
        p.time = {};
        p.rangeEnd = {};
        p.midnight = false;
        p.relativeSeconds.reset();
    }
    const ResolvedTime r = resolvePhrase(p, rc);
    if (r.hasTime) {
        out.windowStart = r.start;
        out.windowEnd = r.end;
    } else {
        out.windowStart = r.windowStart;
        out.windowEnd = r.windowEnd;
    }
    if (!agenda)
        out.durationMinutes = r.durationMinutes;
    for (const QString &w : r.warnings)
        if (!out.warnings.contains(w))
            out.warnings.prepend(w);
}

bool matchAgenda(const Context &c, qsizetype start, QString *rule)
{
    const QString t = c.folded.mid(start);
    const QString tm = c.masked.mid(start);
    // What may follow "what do I have" / "qué tengo" for it to be an agenda question.
    static const QRegularExpression tailOk = rx(QStringLiteral(
        "^(?:[\\s#?!.,]|\\b(?:on|my|the|calendar|agenda|schedule|planned|scheduled|booked|for|"
        "going|coming|up|lined|en|mi|la|el|agenda|calendario|para|planeado|programado|previsto|"
        "de|hay|pendiente|apuntado)\\b)*$"));
    struct R {
        const char *name;
        QRegularExpression re;
        bool masked;
        bool checkTail;
    };
    static const QList<R> rules = {
        { "agenda.whats-on-calendar",
            rx(QStringLiteral("^what(?:'s|s|\\s+is)\\s+(?:on\\s+)?(?:in\\s+)?(?:my|the)\\s+(?:"
                              "calendar|agenda|schedule|plate)\\b")),
            false, false },
        { "agenda.whats-on-day",
            rx(QStringLiteral("^what(?:'s|s|\\s+is)\\s+(?:on\\s+|happening\\s+|up\\s+)?(?:for\\s+)?"
                              "#[#\\s]*[?!.]*\\s*$")),
            true, false },
        { "agenda.what-do-i-have",
            rx(QStringLiteral("^what\\s+(?:do|have)\\s+i\\s+(?:have|got)\\b(.*)$")), true, true },
        { "agenda.what-meetings",
            rx(QStringLiteral("^what\\s+(?:meetings|events|calls|appointments|plans)\\s+(?:do|have)"
                              "\\s+i\\s+(?:have|got)\\b")),
            false, false },
        { "agenda.what-does-my-day-look-like",
            rx(QStringLiteral("^what(?:'s|s|\\s+is|\\s+does)\\s+(?:#|my\\s+(?:day|week|morning|"
                              "afternoon|schedule|calendar|agenda))")),
            true, false },
        { "agenda.show-my",
            rx(QStringLiteral(
                "^(?:show|list|give|display|open|check|see)\\s+(?:me\\s+)?(?:#+(?:'s)?\\s+)?(?:"
                "my\\s+|the\\s+)?"
                "(?:#|calendar|agenda|schedule|day|meetings|events|appointments|plans)")),
            true, false },
        { "agenda.my-agenda-for",
            rx(QStringLiteral("^(?:my\\s+|mi\\s+)?(?:calendar|agenda|schedule|calendario)\\s+(?:"
                              "for\\s+|de\\s+|para\\s+|del\\s+)?#[#\\s]*[?!.]*\\s*$")),
            true, false },
        { "agenda.my-agenda",
            rx(QStringLiteral("^(?:my|mi)\\s+(?:calendar|agenda|calendario)\\s*[?!.]*$")), false,
            false },
        { "agenda.do-i-have-anything",
            rx(QStringLiteral("^(?:do|have)\\s+i\\s+(?:have|got)\\s+(?:any(?:thing)?|meetings|"
                              "events|calls|plans)\\b")),
            false, false },
        { "agenda.am-i-busy", rx(QStringLiteral("^am\\s+i\\s+busy\\b")), false, false },
        { "agenda.any-meetings", rx(QStringLiteral("^any\\s+(?:meetings|events|calls)\\b")), false,
            false },
        { "agenda.que-tengo", rx(QStringLiteral("^que\\s+tengo\\b(.*)$")), true, true },
        { "agenda.que-reuniones-tengo",
            rx(QStringLiteral("^que\\s+(?:reuniones|llamadas|citas|eventos|planes)\\s+tengo\\b")),
            false, false },
        { "agenda.que-hay",
            rx(QStringLiteral(
                "^que\\s+hay\\s+(?:en\\s+(?:mi|la)\\s+(?:agenda|calendario)|(?:para\\s+)?#)")),
            true, false },
        { "agenda.muestrame",
            rx(QStringLiteral("^(?:muestrame|ensename|ver|mostrar|muestra|ensena|dame|abre|mira)"
                              "\\s+(?:(?:mi|la)\\s+)?"
                              "(?:agenda|calendario|#|dia|reuniones|citas)")),
            true, false },
        { "agenda.tengo-algo",
            rx(QStringLiteral("^tengo\\s+(?:algo|reuniones|llamadas|citas|planes)\\b")), false,
            false },
        { "agenda.como-tengo",
            rx(QStringLiteral("^como\\s+(?:tengo|esta|va)\\s+(?:la\\s+|mi\\s+)?(?:#|dia|agenda)")),
            true, false },
        { "agenda.estoy-ocupado", rx(QStringLiteral("^estoy\\s+ocupad[oa]\\b")), false, false },
    };
    for (const R &r : rules) {
        const QRegularExpressionMatch m = r.re.match(r.masked ? tm : t);
        if (!m.hasMatch())
            continue;
        if (r.checkTail && !tailOk.match(m.captured(1)).hasMatch())
            continue;
        *rule = QString::fromLatin1(r.name);
        return true;
    }
    return false;
}

bool matchAvailability(Context &c, qsizetype start, QString *rule)
{
    const QString tm = c.masked.mid(start);
    struct R {
        const char *name;
        QRegularExpression re;
        int names; //!< capture group with names, 0 = none
    };
    const QString names
        = QStringLiteral("([a-z][a-z'\\-]*(?:\\s*(?:,|and|&|y)\\s*[a-z][a-z'\\-]*)*)");
    static const QList<R> rules = {
        { "availability.when-is-free",
            rx(QStringLiteral("^when\\s+(?:is|are|will|would)\\s+") + names
                + QStringLiteral("\\s+(?:all\\s+)?(?:be\\s+)?(?:free|available)\\b")),
            1 },
        { "availability.when-can-we-meet",
            rx(QStringLiteral(
                "^when\\s+(?:can|could|should|shall)\\s+(?:we|i|you)\\s+(?:all\\s+)?(?:meet|talk|"
                "sync|"
                "get\\s+together|catch\\s+up|have\\s+a\\s+(?:call|meeting|chat))\\b")),
            0 },
        { "availability.when-works",
            rx(QStringLiteral(
                "^(?:when|what\\s+time)\\s+(?:works|suits|is\\s+good|is\\s+best)\\b")),
            0 },
        { "availability.is-x-free",
            rx(QStringLiteral("^(?:is|are)\\s+") + names
                + QStringLiteral("\\s+(?:free|available)\\b")),
            1 },
        { "availability.am-i-free", rx(QStringLiteral("^am\\s+i\\s+(?:free|available)\\b")), 0 },
        { "availability.who-is-free",
            rx(QStringLiteral("^who(?:'s|s|\\s+is)\\s+(?:free|available)\\b")), 0 },
        { "availability.find-a-time",
            rx(QStringLiteral(
                "^find\\s+(?:us\\s+|me\\s+)?(?:a\\s+)?(?:time|slot|free\\s+time)\\b")),
            0 },
        { "availability.cuando-libres",
            rx(QStringLiteral("^cuando\\s+(?:estamos|estais|estan|esta|estas|estoy)\\s+(?:") + names
                + QStringLiteral("\\s+)?(?:todos\\s+|todas\\s+)?(?:libres?|disponibles?)\\b(?:\\s+")
                + names + QStringLiteral(")?")),
            -1 },
        { "availability.cuando-podemos",
            rx(QStringLiteral(
                "^cuando\\s+(?:podemos|puedo|podriamos|nos\\s+podemos|podeis|pueden)\\s+"
                "(?:todos\\s+)?(?:quedar|reunir(?:nos)?|vernos|ver|hablar|juntarnos|tener|hacer)"
                "\\b")),
            0 },
        { "availability.esta-x-libre",
            rx(QStringLiteral("^(?:esta|estan)\\s+") + names
                + QStringLiteral("\\s+(?:libres?|disponibles?)\\b")),
            1 },
        { "availability.x-esta-libre",
            rx(QStringLiteral("^") + names
                + QStringLiteral("\\s+(?:esta|estan)\\s+(?:libres?|disponibles?)\\b")),
            1 },
        { "availability.quien-esta-libre",
            rx(QStringLiteral("^quien\\s+esta\\s+(?:libre|disponible)\\b")), 0 },
        { "availability.busca-hueco",
            rx(QStringLiteral("^(?:busca|encuentra|buscame|buscanos)\\s+(?:un\\s+)?(?:hueco|"
                              "horario|momento|hora)\\b")),
            0 },
        { "availability.estoy-libre", rx(QStringLiteral("^estoy\\s+libre\\b")), 0 },
    };
    for (const R &r : rules) {
        const QRegularExpressionMatch m = r.re.match(tm);
        if (!m.hasMatch())
            continue;
        QList<int> groups;
        if (r.names > 0)
            groups.append(r.names);
        else if (r.names < 0)
            groups = { 1, 2 };
        bool rejected = false;
        for (int g : groups) {
            if (m.capturedStart(g) < 0)
                continue;
            const QString first
                = m.captured(g).section(QRegularExpression(QStringLiteral("[\\s,&]")), 0, 0);
            static const QSet<QString> pronouns = {
                QStringLiteral("it"),
                QStringLiteral("this"),
                QStringLiteral("that"),
                QStringLiteral("there"),
                QStringLiteral("the"),
                QStringLiteral("these"),
                QStringLiteral("those"),
                QStringLiteral("lunch"),
                QStringLiteral("a"),
                QStringLiteral("an"),
                QStringLiteral("any"),
                QStringLiteral("esto"),
                QStringLiteral("eso"),
                QStringLiteral("el"),
                QStringLiteral("la"),
                QStringLiteral("esta"),
                QStringLiteral("sala"),
                QStringLiteral("room"),
                QStringLiteral("seat"),
                QStringLiteral("shipping"),
                QStringLiteral("entry"),
                QStringLiteral("parking"),
                QStringLiteral("coffee"),
                QStringLiteral("food"),
                QStringLiteral("pizza"),
                QStringLiteral("software"),
                QStringLiteral("wifi"),
            };
            if (pronouns.contains(first)) {
                rejected = true;
                break;
            }
            // Only real names become participants; "everyone", "we", "you" mean the room.
            collectNames(c, start + m.capturedStart(g), start + m.capturedEnd(g));
        }
        if (rejected) {
            c.out->participants.clear();
            c.out->warnings.clear();
            continue;
        }
        collectWithNames(c, start + m.capturedEnd());
        *rule = QString::fromLatin1(r.name);
        return true;
    }
    return false;
}

} // namespace

Interpretation interpret(const QString &text, const InterpretOptions &options)
{
    Interpretation out;
    Context c;
    c.original = text.normalized(QString::NormalizationForm_C);
    c.options = options;
    c.out = &out;

    // Slash commands force the intent; the rest of the line is read as usual.
    static const QRegularExpression slash(
        QStringLiteral("^\\s*/(schedule|programar|agendar|agenda|free|libre|help|ayuda)\\b\\s*"));
    const QRegularExpressionMatch sm = slash.match(foldText(c.original));
    QString command;
    qsizetype bodyStart = 0;
    if (sm.hasMatch()) {
        command = sm.captured(1);
        bodyStart = sm.capturedEnd();
        out.fromSlashCommand = true;
    }
    const bool spanishAlias = command == QLatin1String("programar")
        || command == QLatin1String("agendar") || command == QLatin1String("libre")
        || command == QLatin1String("ayuda");
    out.language = options.language.value_or(detectLanguage(
        c.original.mid(bodyStart), spanishAlias ? Language::Spanish : Language::English));

    c.folded = foldText(c.original);
    const DateTimePhrase phrase = parseDateTimePhrase(c.folded, &c.masked);
    // The body of a slash command starts after the command; the mask keeps its length.
    if (bodyStart > 0) {
        for (qsizetype i = 0; i < bodyStart; ++i)
            c.masked[i] = QLatin1Char(' ');
    }

    if (!command.isEmpty()) {
        out.rule = QStringLiteral("slash./") + command;
        if (command == QLatin1String("help") || command == QLatin1String("ayuda")) {
            out.intent = Intent::Help;
        } else if (command == QLatin1String("schedule") || command == QLatin1String("programar")
            || command == QLatin1String("agendar")) {
            fillSchedule(c, phrase, bodyStart);
        } else if (command == QLatin1String("agenda")) {
            out.intent = Intent::Agenda;
            fillWindow(c, phrase, true);
        } else {
            out.intent = Intent::Availability;
            collectWithNames(c, bodyStart);
            if (out.participants.isEmpty())
                collectNames(c, bodyStart);
            fillWindow(c, phrase, false);
        }
        return out;
    }

    const qsizetype start = prefixRx().match(c.folded).capturedEnd();
    QString rule;
    if (matchesNegationOrPast(c.masked.mid(start), &rule)) {
        out.rule = rule;
        return out;
    }
    qsizetype restPos = 0;
    bool strong = false;
    if (matchSchedule(c, start, &restPos, &strong)) {
        out.rule = strong ? QStringLiteral("schedule.verb") : QStringLiteral("schedule.verb+event");
        fillSchedule(c, phrase, restPos);
        return out;
    }
    if (matchAgenda(c, start, &rule)) {
        out.intent = Intent::Agenda;
        out.rule = rule;
        fillWindow(c, phrase, true);
        return out;
    }
    if (matchAvailability(c, start, &rule)) {
        out.intent = Intent::Availability;
        out.rule = rule;
        fillWindow(c, phrase, false);
        return out;
    }
    out.participants.clear();
    out.warnings.clear();
    out.rule = QStringLiteral("none.no-rule");
    qCDebug(lcCommands) << "no command rule matched";
    return out;
}

} // namespace kairos::commands
