// Rule-based intent recognition for chat commands (issue 7). See docs/commands.md for the
// rules in prose; the rule names below are what `kairos-cli explain` prints as "rule".
#include "commands/intentrecognizer.h"

#include "commands/phraseparser.h"
#include "core/logging.h"

#include <QHash>
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
    { "retrospective", "Retrospective", 60 },
    { "retrospectiva", "Retrospectiva", 60 },
    { "huddle", "Huddle", 15 },
    { "offsite", "Offsite", 240 },
    { "webinar", "Webinar", 60 },
    { "training", "Training", 60 },
    { "formacion", "Formación", 60 },
    { "kickoff", "Kickoff", 60 },
    { "kick-off", "Kickoff", 60 },
    { "all-hands", "All-hands", 60 },
    { "presentation", "Presentation", 60 },
    { "presentacion", "Presentación", 60 },
    { "tutoria", "Tutoría", 60 },
    { "quedada", "Quedada", 60 },
    { "charla", "Charla", 30 },
    { "clase", "Clase", 60 },
    { "seminar", "Seminar", 60 },
    { "seminario", "Seminario", 60 },
    { "brainstorm", "Brainstorm", 60 },
    { "debrief", "Debrief", 30 },
    { "check-in", "Check-in", 30 },
    { "onboarding", "Onboarding", 60 },
    { "revision", "Revisión", 30 },
    { "visita", "Visita", 60 },
};

const EventKind *findKind(const QString &foldedRest)
{
    // Each event word and its plural, looked up per word of the text.
    static const QHash<QString, const EventKind *> byWord = [] {
        QHash<QString, const EventKind *> h;
        for (const EventKind &k : kKinds) {
            const QString key = QString::fromLatin1(k.key);
            if (!h.contains(key))
                h.insert(key, &k);
            if (!h.contains(key + QLatin1Char('s')))
                h.insert(key + QLatin1Char('s'), &k);
        }
        return h;
    }();
    const auto isWordChar = [](QChar ch) {
        return (ch >= QLatin1Char('a') && ch <= QLatin1Char('z'))
            || (ch >= QLatin1Char('0') && ch <= QLatin1Char('9')) || ch == QLatin1Char(':')
            || ch == QLatin1Char('-');
    };
    const qsizetype n = foldedRest.size();
    qsizetype i = 0;
    while (i < n) {
        while (i < n && !isWordChar(foldedRest.at(i)))
            ++i;
        const qsizetype from = i;
        while (i < n && isWordChar(foldedRest.at(i)))
            ++i;
        if (i > from) {
            const auto it
                = byWord.constFind(QStringView(foldedRest).mid(from, i - from).toString());
            if (it != byWord.constEnd())
                return it.value();
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

bool matchesNegationOrPast(const QString &masked, Language language, QString *rule)
{
    static const QRegularExpression negation = rx(QStringLiteral(
        "\\b(?:not|never|no|nope|nunca|tampoco|ni|cannot|dont|cant|wont|didnt|doesnt|isnt|"
        "arent|wasnt|shouldnt|couldnt)\\b|n't\\b"));
    static const QRegularExpression past = rx(QStringLiteral(
        "\\b(?:yesterday|ayer|anoche|ago|last\\s+(?:week|month|night|time|year|monday|tuesday|"
        "wednesday|thursday|friday|saturday|sunday)|was|were|did|had|went|earlier|fue|fueron|"
        "era|eran|estuvo|estuvimos|estuve|tuve|tuvimos|tuvo|tenia|teniamos|hubo|habia|"
        "programe|programo|programaste|reservo|reservaste|organice|organizo|agende|"
        "agendo|pasada|pasado)\\b"));
    // "why don't we …?" is a proposal, not a negation.
    static const QRegularExpression whyNot = rx(QStringLiteral("^why\\s+(?:don'?t|not)\\b"));
    if (masked.contains(negation) && !masked.contains(whyNot)) {
        *rule = QStringLiteral("none.negation");
        return true;
    }
    // "reservé" folds to the English imperative "reserve": past only in Spanish.
    static const QRegularExpression reservePast = rx(QStringLiteral("\\breserve\\b"));
    if (masked.contains(past) || (language == Language::Spanish && masked.contains(reservePast))) {
        *rule = QStringLiteral("none.past");
        return true;
    }
    return false;
}

//! How the schedule rule matched: the title comes from the words for a strong verb, for a
//! weak verb whose object is not an event word, and for a room ("book a room for …").
enum class TitleFrom { Kind, Words, Room, Slash, Lead };

//! A room as the object of a weak verb: "a room", "the boardroom", "una sala", "el aula 3".
const QRegularExpression &roomRx()
{
    static const QRegularExpression re = rx(QStringLiteral(
        "^(?:(?:me|us|nos)\\s+)?(?:(?:an?|the|una?|el|la)\\s+)?(?:(?:small|big|large|quiet|"
        "meeting|conference|pequena|grande)\\s+)*(?:room|boardroom|sala|aula|despacho)\\b"
        "(?:\\s+(?:de\\s+(?:juntas|reuniones)|grande|pequena|\\d+))*"));
    return re;
}

//! The schedule rule: an imperative (or a polite request) at the very start of the message.
bool matchSchedule(Context &c, const DateTimePhrase &phrase, qsizetype start, qsizetype *restPos,
    bool *strong, TitleFrom *titleFrom)
{
    static const QRegularExpression en = rx(QStringLiteral(
        "^(?:(?:can|could|would|will)\\s+you\\s+(?:please\\s+)?|please\\s+|let'?s\\s+|"
        "i\\s+(?:want|need|would\\s+like|'d\\s+like)\\s+to\\s+|i'd\\s+like\\s+to\\s+|"
        "we\\s+(?:need\\s+to|should)\\s+)?(schedule|set\\s+up|setup|arrange|pencil\\s+in|book|"
        "reserve|plan|organi[sz]e|create|add|put|make)\\b\\s*"));
    static const QRegularExpression es = rx(QStringLiteral(
        "^(?:(?:puedes|podrias|me\\s+puedes|nos\\s+puedes)\\s+|quiero\\s+(?:que\\s+)?|"
        "necesito\\s+(?:que\\s+)?|vamos\\s+a\\s+|hay\\s+que\\s+)?(?:me\\s+|nos\\s+)?("
        "programa(?:r|me|nos|s)?|programes|agenda(?:r|me|nos|s)|agendes|"
        "organiza(?:r|me|nos|s)?|organices|reserva(?:r|me|nos|s)?|reserves|pon(?:er|me|nos|es)?|"
        "crea(?:r|me|s)?|apunta(?:r|me|nos)?|apuntes|anota(?:r|me|nos)?|anotes|"
        "planifica(?:r|me|nos)?|planifiques|"
        "programemos|organicemos|reservemos|agendemos|anade|anadir|monta(?:r|me|nos)?|montes)"
        "\\b\\s*"));
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
    const QString rest = t.mid(m.capturedEnd());
    *restPos = start + m.capturedEnd();
    QString v = verb;
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    v.remove(spaces);
    static const QRegularExpression strongRx = rx(QStringLiteral(
        "^(?:schedule|setup|arrange|pencilin|agenda\\w*|programa\\w*|programe\\w*|apunta\\w*|"
        "apuntes|anota\\w*|anotes)$"));
    *strong = strongRx.match(v).hasMatch();
    // Weak verbs that may take any object when a time is given ("plan the investor update at
    // 3"); put, make, add, create and their Spanish forms need an event word or a room.
    static const QRegularExpression planningVerb = rx(QStringLiteral(
        "^(?:book|reserve|plan|organi[sz]e|reserva\\w*|reserves|organiza\\w*|organices|"
        "planifica\\w*|planifiques|monta\\w*|montes)$"));
    *titleFrom = TitleFrom::Kind;

    // "book a room", "reserva una sala": the room is the object; the title comes after "for".
    if (roomRx().match(rest).hasMatch()) {
        *titleFrom = TitleFrom::Room;
        return true;
    }
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
    // Words that make the verb a noun or the sentence a statement ("Schedule looks tight at
    // 3", "Plan is to leave at 5") or the object something that is not an event ("Book a
    // flight at 9", "Make sure you are there at 3").
    static const QSet<QString> notAnObject = {
        QStringLiteral("looks"),
        QStringLiteral("is"),
        QStringLiteral("are"),
        QStringLiteral("was"),
        QStringLiteral("seems"),
        QStringLiteral("has"),
        QStringLiteral("changed"),
        QStringLiteral("conflicts"),
        QStringLiteral("sure"),
        QStringLiteral("it"),
        QStringLiteral("sense"),
        QStringLiteral("up"),
        QStringLiteral("out"),
        QStringLiteral("b"),
        QStringLiteral("club"),
        QStringLiteral("esta"),
        QStringLiteral("es"),
        QStringLiteral("era"),
        QStringLiteral("lo"),
    };
    static const QRegularExpression travel = rx(QStringLiteral(
        "^(?:(?:me|us|nos)\\s+)?(?:(?:an?|the|my|our|una?|el|la|mi|los|las|unos|unas)\\s+)?"
        "(?:flights?|trains?|hotel|taxi|cab|uber|tickets?|car|vuelos?|tren|billetes?|coche|"
        "entradas?)\\b"));
    const bool anyObjectWithTime = phrase.hasTime() && firstIsWord && !notAnObject.contains(first)
        && !travel.match(rest).hasMatch() && (*strong || planningVerb.match(v).hasMatch());
    if (!anyObjectWithTime) {
        if (firstIsWord && !okFirst.contains(first) && !(kind && findKind(first) == kind))
            return false;
        if (!*strong && !kind)
            return false;
        if ((first == QLatin1String("the") || first == QLatin1String("la")
                || first == QLatin1String("el"))
            && !kind && !rest.contains(QLatin1Char('#')))
            return false;
    }
    *titleFrom = TitleFrom::Words;
    return true;
}

//! Looks like an event but is not phrased as a command: a proposal ("can we do … at 3?",
//! "let's meet Friday at 5", "¿quedamos mañana a las 6?") or an event word with a day and a
//! time ("Design review on Dec 3 at 4pm", "Llamada con Ana el 3/12 a las 5").
bool matchSuggestion(
    Context &c, const DateTimePhrase &phrase, qsizetype start, QString *rule, TitleFrom *titleFrom)
{
    if (!phrase.hasTime())
        return false;
    const QString t = c.masked.mid(start);
    // Reported speech is about someone else's plan ("Ana said she'd schedule …", "Juan dijo
    // que …"), not a suggestion to this user.
    static const QRegularExpression reported = rx(QStringLiteral(
        "\\b(?:said|says|told|tells|mentioned|thinks|wants|wanted|asked|heard|dijo|dice|"
        "comento|cree|quiere|queria|pregunto|conto)\\b"));
    if (t.contains(reported))
        return false;
    static const QRegularExpression proposal = rx(QStringLiteral(
        "^(?:(?:can|could|shall|should)\\s+we|we\\s+could|let'?s|lets|how\\s+about|"
        "what\\s+about|(?:do\\s+you\\s+)?want\\s+to|wanna|why\\s+(?:don'?t|not)\\s+we|maybe|"
        "are\\s+you\\s+(?:free|around|up)\\s+for|"
        "quedamos|hacemos|nos\\s+vemos|nos\\s+reunimos|nos\\s+juntamos|que\\s+tal|"
        "(?:te|os|le|les)\\s+(?:parece|viene|va)|podriamos|podemos|hagamos|tomamos|comemos|"
        "cenamos|desayunamos|movemos|y\\s+si|quedamos|vemonos|veamonos|reunamonos|quieres|"
        "quereis)\\b"));
    if (proposal.match(t).hasMatch()) {
        *rule = QStringLiteral("suggest.proposal");
        *titleFrom = TitleFrom::Kind;
        return true;
    }
    if (phrase.hasDay() && findKind(t)) {
        *rule = QStringLiteral("suggest.event");
        *titleFrom = TitleFrom::Lead;
        return true;
    }
    return false;
}

QString joinNames(const QStringList &names, Language lang)
{
    if (names.size() <= 1)
        return names.value(0);
    const QString last = names.last();
    return names.mid(0, names.size() - 1).join(QStringLiteral(", "))
        + (lang == Language::Spanish ? QStringLiteral(" y ") : QStringLiteral(" and ")) + last;
}

//! The words of a title from \a from to the first date/time phrase, "with"/"con" or the end
//! of the clause, without a leading article or trailing prepositions; empty when none.
QString titleWords(const Context &c, qsizetype from, TitleFrom how)
{
    static const QRegularExpression stop(
        QStringLiteral("#|\\b(?:with|con)\\b|[?!;.]|,|\\s-\\s|\\s\\x{2014}\\s"));
    const QString rest = c.masked.mid(from);
    const qsizetype cut = rest.indexOf(stop);
    QString words = c.original.mid(from, cut < 0 ? -1 : cut);
    if (how == TitleFrom::Room) {
        const QRegularExpressionMatch r = roomRx().match(c.masked.mid(from));
        if (!r.hasMatch() || r.capturedEnd() > words.size())
            return {};
        words = words.mid(r.capturedEnd());
        static const QRegularExpression forRx(
            QStringLiteral("^\\s*(?:for|para)\\s+"), QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch f = forRx.match(words);
        if (!f.hasMatch())
            return {};
        words = words.mid(f.capturedEnd());
    }
    if (how == TitleFrom::Lead) {
        static const QRegularExpression label(
            QStringLiteral(
                "^\\s*(?:reminder|recordatorio|fyi|ojo|note|nota|heads\\s+up|aviso)\\b[\\s:,-]*"),
            QRegularExpression::CaseInsensitiveOption);
        words.remove(label);
    }
    static const QRegularExpression lead(
        QStringLiteral("^\\s*(?:(?:me|us|nos|for\\s+me|for\\s+us)\\s+)?"
                       "(?:(?:an?|the|una?|el|la|los|las|another|otra|otro)\\s+)?"),
        QRegularExpression::CaseInsensitiveOption);
    words.remove(lead);
    static const QRegularExpression tail(
        QStringLiteral("(?:[\\s,.;:!?@]+|\\s+(?:on|at|for|in|this|next|el|la|las|a|para|de|del|"
                       "este|esta|por|sobre)\\b)+\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    words.remove(tail);
    return words.trimmed();
}

void resolveInto(Context &c, const DateTimePhrase &phrase, const ResolveContext &rc, bool window)
{
    Interpretation &out = *c.out;
    const ResolvedTime r = resolvePhrase(phrase, rc);
    if (r.hasTime && !window) {
        out.start = r.start;
        out.end = r.end;
    } else if (r.hasTime) {
        out.windowStart = r.start;
        out.windowEnd = r.end;
    } else {
        out.windowStart = r.windowStart;
        out.windowEnd = r.windowEnd;
    }
    out.durationMinutes = r.durationMinutes;
    for (const QString &w : r.warnings)
        if (!out.warnings.contains(w))
            out.warnings.prepend(w);
    if (phrase.ambiguousDate && phrase.day == DateTimePhrase::Day::Date) {
        DateTimePhrase other = phrase;
        other.month = phrase.altMonth;
        other.dayOfMonth = phrase.altDay;
        const ResolvedTime a = resolvePhrase(other, rc);
        out.alternativeStart = a.hasTime ? a.start : a.windowStart;
        out.alternativeEnd = a.hasTime ? a.end : a.windowEnd;
        if (out.alternativeStart.isValid()
            && !out.warnings.contains(QStringLiteral("ambiguous_date")))
            out.warnings.append(QStringLiteral("ambiguous_date"));
    }
}

void fillSchedule(Context &c, const DateTimePhrase &phrase, qsizetype restPos, TitleFrom how)
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
    resolveInto(c, phrase, rc, false);

    // Title: a quoted title wins; then the words (slash commands, strong verbs, a weak verb
    // with an object that is not an event word, a room's "for …", a noun-led event); then the
    // event word (+ "with" the participants); then "Meeting" / "Reunión".
    static const QRegularExpression quoted(
        QStringLiteral("[\"\\x{201C}]([^\"\\x{201D}]+)[\"\\x{201D}]"));
    const QRegularExpressionMatch q = quoted.match(c.original);
    QString base;
    if (q.hasMatch()) {
        out.title = q.captured(1).trimmed();
        return;
    }
    if (how != TitleFrom::Kind) {
        const QString words = titleWords(c, restPos, how);
        // A lead that is only an event word keeps the event's display title.
        const bool onlyKind = kind && findKind(foldText(words)) == kind
            && foldText(words).split(QLatin1Char(' '), Qt::SkipEmptyParts).size() == 1;
        const bool leadOk = how != TitleFrom::Lead
            || (kind && findKind(foldText(words)) && words.count(QLatin1Char(' ')) < 6);
        if (!words.isEmpty() && !onlyKind && leadOk)
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
    resolveInto(c, p, rc, true);
    if (agenda)
        out.durationMinutes = 0;
}

//! The first word of \a t (letters and apostrophes), for cheap checks before the rules.
QStringView firstWord(const QString &t)
{
    qsizetype i = 0;
    while (i < t.size() && (t.at(i).isLetter() || t.at(i) == QLatin1Char('\'')))
        ++i;
    return QStringView(t).left(i);
}

bool matchAgenda(const Context &c, qsizetype start, QString *rule)
{
    // Every agenda rule is anchored at one of these first words.
    static const QSet<QString> firstWords = [] {
        QSet<QString> set;
        for (const char *w : { "what", "what's", "whats", "show", "list", "give", "display", "open",
                 "check", "see", "my", "mi", "calendar", "agenda", "schedule", "calendario", "do",
                 "have", "am", "any", "que", "muestrame", "ensename", "ver", "mostrar", "muestra",
                 "ensena", "dame", "abre", "mira", "tengo", "como", "estoy" })
            set.insert(QString::fromLatin1(w));
        return set;
    }();
    if (!firstWords.contains(firstWord(c.masked.mid(start)).toString()))
        return false;
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
    // Every availability rule starts with one of these words, or names "X is free" in Spanish.
    static const QSet<QString> firstWords = [] {
        QSet<QString> set;
        for (const char *w :
            { "when", "what", "is", "are", "am", "who", "who's", "whos", "find", "cuando", "esta",
                "estan", "quien", "busca", "encuentra", "buscame", "buscanos", "estoy" })
            set.insert(QString::fromLatin1(w));
        return set;
    }();
    static const QRegularExpression libre = rx(QStringLiteral("\\b(?:libres?|disponibles?)\\b"));
    if (!firstWords.contains(firstWord(tm).toString()) && !tm.contains(libre))
        return false;
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
    static const QRegularExpression nameSeparator(QStringLiteral("[\\s,&]"));
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
            const QString first = m.captured(g).section(nameSeparator, 0, 0);
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
    PhraseOptions po;
    po.monthFirst = localeIsMonthFirst(options.locale);
    const DateTimePhrase phrase = parseDateTimePhrase(c.folded, &c.masked, po);
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
            fillSchedule(c, phrase, bodyStart, TitleFrom::Slash);
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
    if (matchesNegationOrPast(c.masked.mid(start), out.language, &rule)) {
        out.rule = rule;
        return out;
    }
    qsizetype restPos = 0;
    bool strong = false;
    TitleFrom how = TitleFrom::Kind;
    if (matchSchedule(c, phrase, start, &restPos, &strong, &how)) {
        out.rule = strong                     ? QStringLiteral("schedule.verb")
            : how == TitleFrom::Room          ? QStringLiteral("schedule.verb+room")
            : findKind(c.masked.mid(restPos)) ? QStringLiteral("schedule.verb+event")
                                              : QStringLiteral("schedule.verb+object");
        fillSchedule(c, phrase, restPos, how);
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
    if (matchSuggestion(c, phrase, start, &rule, &how)) {
        out.rule = rule;
        out.suggestion = true;
        fillSchedule(c, phrase, start, how);
        return out;
    }
    out.participants.clear();
    out.warnings.clear();
    out.rule = QStringLiteral("none.no-rule");
    qCDebug(lcCommands) << "no command rule matched";
    return out;
}

} // namespace kairos::commands
