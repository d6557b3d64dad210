// The date/time phrase parser. The grammar and the ambiguity rules it implements are written
// down in docs/commands.md; keep the two in step.
//
// Matching runs on folded text (lower case, no accents: foldText()), one pattern family at a
// time, most specific first. A matched span is masked with '#' so a later, looser pattern
// cannot reuse its words ("pasado mañana" is never also "mañana"; "por la mañana" is a part of
// the day, not "tomorrow"; "in 2 hours" is relative, not a duration).
#include "commands/phraseparser.h"

#include "model/zonedtime.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace kairos::commands {

namespace {

const QString kMonths = QStringLiteral(
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|"
    "noviembre|diciembre|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|ene|abr|ago|dic");

const QString kWeekdays = QStringLiteral("monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                                         "lunes|martes|miercoles|jueves|viernes|sabado|domingo");

const QString kNumber = QStringLiteral(
    "(\\d+(?:[.,]\\d+)?|cuarenta y cinco|forty[- ]five|an?|one|two|three|four|five|six|ten|"
    "fifteen|twenty|thirty|ninety|una|uno|un|dos|tres|cuatro|cinco|seis|diez|quince|veinte|"
    "treinta|noventa)");

int monthNumber(const QString &m)
{
    static const QHash<QString, int> months = [] {
        QHash<QString, int> h;
        const char *en[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
            "nov", "dec" };
        const char *es[] = { "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct",
            "nov", "dic" };
        for (int i = 0; i < 12; ++i) {
            h.insert(QString::fromLatin1(en[i]), i + 1);
            h.insert(QString::fromLatin1(es[i]), i + 1);
        }
        return h;
    }();
    if (m == QLatin1String("setiembre"))
        return 9;
    return months.value(m.left(3), 0);
}

int weekdayNumber(const QString &w)
{
    static const QHash<QString, int> days = [] {
        QHash<QString, int> h;
        const char *names[] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo" };
        for (int i = 0; i < 14; ++i)
            h.insert(QString::fromLatin1(names[i]), i % 7 + 1);
        const std::pair<const char *, int> abbreviations[]
            = { { "mon", 1 }, { "tue", 2 }, { "tues", 2 }, { "wed", 3 }, { "thu", 4 },
                  { "thur", 4 }, { "thurs", 4 }, { "fri", 5 }, { "sat", 6 }, { "sun", 7 } };
        for (const auto &[n, d] : abbreviations)
            h.insert(QString::fromLatin1(n), d);
        return h;
    }();
    return days.value(w, 0);
}

double numberValue(const QString &s)
{
    static const QHash<QString, double> words = [] {
        QHash<QString, double> h;
        const std::pair<const char *, double> list[] = {
            { "a", 1 },
            { "an", 1 },
            { "one", 1 },
            { "una", 1 },
            { "uno", 1 },
            { "un", 1 },
            { "two", 2 },
            { "dos", 2 },
            { "three", 3 },
            { "tres", 3 },
            { "four", 4 },
            { "cuatro", 4 },
            { "five", 5 },
            { "cinco", 5 },
            { "six", 6 },
            { "seis", 6 },
            { "ten", 10 },
            { "diez", 10 },
            { "fifteen", 15 },
            { "quince", 15 },
            { "twenty", 20 },
            { "veinte", 20 },
            { "thirty", 30 },
            { "treinta", 30 },
            { "ninety", 90 },
            { "noventa", 90 },
            { "forty-five", 45 },
            { "forty five", 45 },
            { "cuarenta y cinco", 45 },
        };
        for (const auto &[w, v] : list)
            h.insert(QString::fromLatin1(w), v);
        return h;
    }();
    if (words.contains(s))
        return words.value(s);
    QString n = s;
    n.replace(QLatin1Char(','), QLatin1Char('.'));
    return n.toDouble();
}

//! Hours written as words ("three", "tres", "una"): 1-12, 0 when \a w is not one.
int hourWord(const QString &w)
{
    static const QHash<QString, int> hours = [] {
        QHash<QString, int> h;
        const char *en[] = { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve" };
        const char *es[] = { "una", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho",
            "nueve", "diez", "once", "doce" };
        for (int i = 0; i < 12; ++i) {
            h.insert(QString::fromLatin1(en[i]), i + 1);
            h.insert(QString::fromLatin1(es[i]), i + 1);
        }
        h.insert(QStringLiteral("uno"), 1);
        return h;
    }();
    return hours.value(w, 0);
}

const QString kHourWordsEn
    = QStringLiteral("one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve");
const QString kHourWordsEs
    = QStringLiteral("una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce");

//! "3" or "three" → "3" (empty when neither).
QString hourDigits(const QString &s)
{
    if (!s.isEmpty() && s.at(0).isDigit())
        return s;
    const int h = hourWord(s);
    return h > 0 ? QString::number(h) : QString();
}

//! Seconds per unit; 0 if \a unit is not a time unit.
qint64 unitSeconds(const QString &unit)
{
    if (unit.startsWith(QLatin1String("min")) || unit == QLatin1String("m"))
        return 60;
    if (unit.startsWith(QLatin1Char('h')))
        return 3600;
    if (unit.startsWith(QLatin1Char('d')))
        return 86400;
    if (unit.startsWith(QLatin1String("week")) || unit.startsWith(QLatin1String("semana")))
        return 7 * 86400;
    return 0;
}

ClockTime::Meridiem meridiemOf(const QString &s)
{
    if (s.startsWith(QLatin1Char('a')))
        return ClockTime::Meridiem::Am;
    if (s.startsWith(QLatin1Char('p')))
        return ClockTime::Meridiem::Pm;
    return ClockTime::Meridiem::None;
}

//! Builds a ClockTime from captured hour / minute / meridiem texts; invalid if out of range.
ClockTime makeTime(const QString &h, const QString &m, const QString &mer)
{
    ClockTime t;
    const int hour = h.toInt();
    const int minute = m.isEmpty() ? 0 : m.toInt();
    t.meridiem = meridiemOf(mer);
    if (minute > 59 || hour > 23
        || (t.meridiem != ClockTime::Meridiem::None && (hour < 1 || hour > 12)))
        return {};
    t.hour = hour;
    t.minute = minute;
    // "08:30", "00:15" and "15:00" are 24-hour clock readings: no am/pm guessing.
    t.literal = t.meridiem == ClockTime::Meridiem::None
        && (hour >= 13 || hour == 0 || (h.size() == 2 && h.startsWith(QLatin1Char('0'))));
    return t;
}

QRegularExpression rx(const QString &pattern)
{
    QRegularExpression re(pattern);
    Q_ASSERT(re.isValid());
    return re;
}

class Scanner {
public:
    Scanner(const QString &folded, DateTimePhrase &p)
        : m_text(folded)
        , m_p(p)
    { }

    //! Calls \a handler for each match on unused text; a handler returning true uses the span.
    template <typename F> void scan(const QRegularExpression &re, F handler)
    {
        qsizetype from = 0;
        while (from <= m_text.size()) {
            const QRegularExpressionMatch m = re.match(m_text, from);
            if (!m.hasMatch())
                break;
            if (handler(m)) {
                for (qsizetype i = m.capturedStart(); i < m.capturedEnd(); ++i)
                    m_text[i] = QLatin1Char('#');
                m_p.spans.append({ m.capturedStart(), m.capturedEnd() });
                from = m.capturedEnd();
            } else {
                from = m.capturedStart() + 1;
            }
        }
    }
    const QString &text() const { return m_text; }

private:
    QString m_text;
    DateTimePhrase &m_p;
};

void setDate(DateTimePhrase &p, int y, int m, int d)
{
    if (p.day != DateTimePhrase::Day::None)
        return;
    p.day = DateTimePhrase::Day::Date;
    p.year = y;
    p.month = m;
    p.dayOfMonth = d;
}

void setDay(DateTimePhrase &p, DateTimePhrase::Day day, int offset = 0)
{
    if (p.day != DateTimePhrase::Day::None)
        return;
    p.day = day;
    p.offsetDays = offset;
}

PartOfDay partFromWord(const QString &w)
{
    if (w == QLatin1String("morning") || w == QLatin1String("manana"))
        return PartOfDay::Morning;
    if (w == QLatin1String("afternoon") || w == QLatin1String("tarde"))
        return PartOfDay::Afternoon;
    if (w == QLatin1String("madrugada"))
        return PartOfDay::Early;
    return PartOfDay::Evening; // evening, night, noche
}

} // namespace

bool localeIsMonthFirst(const QLocale &locale)
{
    if (locale.language() == QLocale::C)
        return false;
    const QString f = locale.dateFormat(QLocale::ShortFormat);
    const qsizetype d = f.indexOf(QLatin1Char('d'));
    const qsizetype m = f.indexOf(QLatin1Char('M'));
    const qsizetype y = f.indexOf(QLatin1Char('y'));
    return m >= 0 && d >= 0 && m < d && !(y >= 0 && y < m);
}

DateTimePhrase parseDateTimePhrase(
    const QString &folded, QString *masked, const PhraseOptions &options)
{
    using Day = DateTimePhrase::Day;
    DateTimePhrase p;
    Scanner s(folded, p);

    // 0. Spans of days and months: "in the next 2 weeks", "over the next 3 days", "en los
    // próximos 3 días", "durante las próximas dos semanas"; "this month", "el mes que viene".
    static const QRegularExpression nextDays = rx(
        QStringLiteral("\\b(?:(?:in|within|over|during|for)\\s+)?the\\s+(?:next|coming)\\s+")
        + kNumber
        + QStringLiteral(
            "\\s+(days?|weeks?)\\b|\\b(?:(?:en|durante)\\s+)?(?:los|las)\\s+(?:proximos|proximas|"
            "siguientes)\\s+")
        + kNumber + QStringLiteral("\\s+(dias|semanas)\\b"));
    s.scan(nextDays, [&](const QRegularExpressionMatch &m) {
        const bool es = m.capturedStart(3) >= 0;
        const double n = numberValue(m.captured(es ? 3 : 1));
        const QString unit = m.captured(es ? 4 : 2);
        const int days = int(n)
            * (unit.startsWith(QLatin1Char('w')) || unit.startsWith(QLatin1Char('s')) ? 7 : 1);
        if (days <= 0 || days > 366 || p.nextDays > 0)
            return false;
        p.nextDays = days;
        return true;
    });
    static const QRegularExpression month = rx(QStringLiteral(
        "\\b(?:(?:this|my)\\s+month|(?:este|mi)\\s+mes|(?:next|the\\s+coming)\\s+month|"
        "(?:el\\s+)?mes\\s+que\\s+viene|(?:el\\s+)?(?:proximo|siguiente)\\s+mes|"
        "el\\s+mes\\s+(?:proximo|siguiente))\\b"));
    s.scan(month, [&](const QRegularExpressionMatch &m) {
        if (p.monthOffset)
            return true;
        const QString w = m.captured(0);
        const bool current = w.startsWith(QLatin1String("this"))
            || w.startsWith(QLatin1String("este")) || w.startsWith(QLatin1String("my"))
            || w.startsWith(QLatin1String("mi "));
        p.monthOffset = current ? 0 : 1;
        return true;
    });

    // 1. Relative: "in 2 hours", "en 30 minutos", "dentro de una hora", "in 3 days".
    static const QRegularExpression relative
        = rx(QStringLiteral("(?<![-'])\\b(?:in|en|dentro\\s+de)\\s+(?:") + kNumber
            + QStringLiteral("\\s*(hours?|hrs?|h|horas?|minutes?|mins?|minutos?|days?|dias?|"
                             "weeks?|semanas?)(\\s+(?:and\\s+a\\s+half|y\\s+media))?|"
                             "(half\\s+an\\s+hour|media\\s+hora))\\b"));
    s.scan(relative, [&](const QRegularExpressionMatch &m) {
        if (p.relativeSeconds || p.day != Day::None)
            return false;
        if (!m.captured(4).isEmpty()) {
            p.relativeSeconds = 1800;
            return true;
        }
        const qint64 unit = unitSeconds(m.captured(2));
        double n = numberValue(m.captured(1));
        if (!m.captured(3).isEmpty())
            n += 0.5;
        if (unit >= 86400) {
            setDay(p, Day::InDays, int(n * double(unit / 86400)));
            return true;
        }
        p.relativeSeconds = qint64(n * double(unit));
        return true;
    });

    // "3 days from now", "two hours from now".
    static const QRegularExpression fromNow = rx(QStringLiteral("\\b") + kNumber
        + QStringLiteral("\\s*(hours?|minutes?|mins?|days?|weeks?)\\s+from\\s+now\\b"));
    s.scan(fromNow, [&](const QRegularExpressionMatch &m) {
        if (p.relativeSeconds || p.day != Day::None)
            return false;
        const qint64 unit = unitSeconds(m.captured(2));
        const double n = numberValue(m.captured(1));
        if (unit >= 86400)
            setDay(p, Day::InDays, int(n * double(unit / 86400)));
        else
            p.relativeSeconds = qint64(n * double(unit));
        return true;
    });

    // "5.45pm", "6.00 p.m.": a dotted time with am/pm needs no "at".
    static const QRegularExpression dotMeridiem
        = rx(QStringLiteral("\\b(\\d{1,2})\\.(\\d{2})\\s*(am|pm|a\\.m\\.?|p\\.m\\.?)(?![a-z])"));
    s.scan(dotMeridiem, [&](const QRegularExpressionMatch &m) {
        if (p.time.isValid())
            return false;
        const ClockTime t = makeTime(m.captured(1), m.captured(2), m.captured(3));
        if (!t.isValid())
            return false;
        p.time = t;
        return true;
    });

    // 1b. European hour forms that would otherwise read as durations: "a las 15h",
    // "at 9h30", "a las 15.30", "at 3.30pm" (a time marker comes first, so never "15 hours").
    static const QRegularExpression hourH = rx(QStringLiteral(
        "(?:\\b(?:at|around|a\\s+las?|sobre\\s+las?|hacia\\s+las?)\\s+|@\\s*)(\\d{1,2})"
        "(?:\\s*h\\s*(\\d{2})?|\\.(\\d{2})\\s*(am|pm|a\\.m\\.?|p\\.m\\.?)?)(?![a-z0-9])"));
    s.scan(hourH, [&](const QRegularExpressionMatch &m) {
        if (p.time.isValid())
            return false;
        const bool dotted = m.capturedStart(3) >= 0;
        ClockTime t
            = makeTime(m.captured(1), dotted ? m.captured(3) : m.captured(2), m.captured(4));
        if (!t.isValid())
            return false;
        // "15h" is a 24-hour reading; "3.30" follows the bare-hour rule like "3:30".
        if (!dotted)
            t.literal = true;
        p.time = t;
        return true;
    });

    // 2. Durations.
    auto setDuration = [&](int minutes) {
        if (p.durationMinutes || minutes <= 0)
            return false;
        p.durationMinutes = minutes;
        return true;
    };
    static const QRegularExpression hm
        = rx(QStringLiteral("\\b(?:for\\s+|durante\\s+|de\\s+)?(\\d{1,2})\\s*h\\s*(\\d{1,2})\\s*(?:"
                            "m|mins?|minutos?)?\\b"));
    s.scan(hm, [&](const QRegularExpressionMatch &m) {
        return setDuration(m.captured(1).toInt() * 60 + m.captured(2).toInt());
    });
    static const QRegularExpression hourAndHalf = rx(QStringLiteral(
        "\\b(?:for\\s+|durante\\s+|por\\s+|de\\s+)?(?:an?\\s+|one\\s+|una\\s+|1\\s+)?"
        "(?:hour|hora)\\s+(?:and\\s+a\\s+half|y\\s+media)\\b"));
    s.scan(hourAndHalf, [&](const QRegularExpressionMatch &) { return setDuration(90); });
    static const QRegularExpression halfHour = rx(QStringLiteral(
        "\\b(?:for\\s+|durante\\s+|por\\s+|de\\s+)?(?:half\\s+an\\s+hour|a\\s+half[- ]hour|"
        "half[- ]hour|media\\s+hora)\\b"));
    s.scan(halfHour, [&](const QRegularExpressionMatch &) { return setDuration(30); });
    static const QRegularExpression quarterHour = rx(QStringLiteral(
        "\\b(?:for\\s+|durante\\s+|por\\s+|de\\s+)?(?:a\\s+)?(?:quarter\\s+of\\s+an\\s+hour|"
        "cuarto\\s+de\\s+hora)\\b"));
    s.scan(quarterHour, [&](const QRegularExpressionMatch &) { return setDuration(15); });
    // Digits take any unit ("90m", "2h"); number words need a full unit word, so the "a" of
    // "Am I free" is never "a minute".
    static const QRegularExpression amount = rx(
        QStringLiteral("\\b(?:for\\s+|durante\\s+|por\\s+|de\\s+)?(\\d+(?:[.,]\\d+)?)\\s*-?\\s*"
                       "(hours?|hrs?|h|horas?|minutes?|mins?|m|minutos?)\\b"));
    static const QRegularExpression amountWords
        = rx(QStringLiteral("\\b(?:for\\s+|durante\\s+|por\\s+|de\\s+)?") + kNumber
            + QStringLiteral("(?:\\s+|-)(hours?|hrs?|horas?|minutes?|mins?|minutos?)\\b"));
    for (const QRegularExpression *re : { &amount, &amountWords }) {
        s.scan(*re, [&](const QRegularExpressionMatch &m) {
            return setDuration(
                int(numberValue(m.captured(1)) * double(unitSeconds(m.captured(2))) / 60.0));
        });
    }

    // 3. Dates.
    static const QRegularExpression iso
        = rx(QStringLiteral("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b"));
    s.scan(iso, [&](const QRegularExpressionMatch &m) {
        setDate(p, m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
        return true;
    });
    // Numeric dates follow the locale: day first (28/11) or month first (11/28, en_US). When
    // the locale's order cannot be right (a "month" over 12) the other order is used; when
    // both orders are dates ("4/6") the locale's is used and the other is kept as the
    // alternative (ambiguous_date).
    static const QRegularExpression numeric
        = rx(QStringLiteral("\\b(?:el\\s+|on\\s+)?(\\d{1,2})/(\\d{1,2})(?:/(\\d{4}|\\d{2}))?\\b"));
    s.scan(numeric, [&](const QRegularExpressionMatch &m) {
        const int a = m.captured(1).toInt(), b = m.captured(2).toInt();
        int y = m.captured(3).toInt();
        if (y > 0 && y < 100)
            y += 2000;
        int d = options.monthFirst ? b : a, mo = options.monthFirst ? a : b;
        if (mo > 12 && d <= 12)
            std::swap(d, mo);
        if (mo < 1 || mo > 12 || d < 1 || d > 31)
            return false;
        setDate(p, y, mo, d);
        if (a != b && a <= 12 && b <= 12) {
            p.ambiguousDate = true;
            p.altMonth = d;
            p.altDay = mo;
        }
        return true;
    });
    static const QRegularExpression spanishDate
        = rx(QStringLiteral("\\b(?:el\\s+)?(?:dia\\s+)?(\\d{1,2})\\s+de\\s+(") + kMonths
            + QStringLiteral(")\\b(?:\\s+(?:de|del)\\s+(\\d{4})\\b)?"));
    static const QRegularExpression dayMonth
        = rx(QStringLiteral("\\b(?:on\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(")
            + kMonths + QStringLiteral(")\\b\\.?(?:,?\\s+(\\d{4})\\b)?"));
    for (const QRegularExpression *re : { &spanishDate, &dayMonth }) {
        s.scan(*re, [&](const QRegularExpressionMatch &m) {
            const int d = m.captured(1).toInt();
            if (d < 1 || d > 31)
                return false;
            setDate(p, m.captured(3).toInt(), monthNumber(m.captured(2)), d);
            return true;
        });
    }
    static const QRegularExpression monthDay = rx(QStringLiteral("\\b(?:on\\s+)?(") + kMonths
        + QStringLiteral(")\\.?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?"
                         "(?!\\s*(?::\\d|am\\b|pm\\b|a\\.m|p\\.m|h\\b|hours?\\b|hrs?\\b|min))"));
    s.scan(monthDay, [&](const QRegularExpressionMatch &m) {
        const int d = m.captured(2).toInt();
        if (d < 1 || d > 31)
            return false;
        setDate(p, m.captured(3).toInt(), monthNumber(m.captured(1)), d);
        return true;
    });

    // A day of the month alone: "the 28th", "on the 28th", "Friday the 27th", "el 28",
    // "el día 28", "el viernes 27". A bare number needs "on the" / "el" / "día" / a weekday.
    static const QRegularExpression dayOnlyEn = rx(QStringLiteral("\\b(?:(?:") + kWeekdays
        + QStringLiteral(
            ")\\s+)?(on\\s+the\\s+|the\\s+|on\\s+)(\\d{1,2})(st|nd|rd|th)?\\b"
            "(?!\\s*(?:[:./]\\d|%|am\\b|pm\\b|a\\.m|p\\.m|o'?clock|h\\b|hours?\\b|hrs?\\b|"
            "min|people|floor|time|minutes?\\b))"));
    s.scan(dayOnlyEn, [&](const QRegularExpressionMatch &m) {
        const int d = m.captured(2).toInt();
        const bool onThe = m.captured(1).startsWith(QLatin1String("on the"));
        if (d < 1 || d > 31 || p.day != Day::None || (m.captured(3).isEmpty() && !onThe))
            return false;
        setDate(p, 0, 0, d);
        return true;
    });
    static const QRegularExpression dayOnlyEs = rx(QStringLiteral("\\b(?:el\\s+)?(?:(?:")
        + kWeekdays
        + QStringLiteral(")\\s+|dia\\s+|(el)\\s+)(?:dia\\s+)?(\\d{1,2})\\b"
                         "(?!\\s*(?:[:./,]\\d|%|h\\b|horas?\\b|hrs?\\b|min|minutos?\\b|personas\\b|"
                         "de\\b|del\\b|am\\b|pm\\b))"));
    s.scan(dayOnlyEs, [&](const QRegularExpressionMatch &m) {
        const int d = m.captured(2).toInt();
        if (d < 1 || d > 31 || p.day != Day::None)
            return false;
        setDate(p, 0, 0, d);
        return true;
    });

    // 4. Named days, with the parts of the day that carry their own day.
    static const QRegularExpression dayAfter
        = rx(QStringLiteral("\\b(?:(?:the\\s+)?day\\s+after\\s+tomorrow|pasado\\s+manana)\\b"));
    s.scan(dayAfter, [&](const QRegularExpressionMatch &) {
        setDay(p, Day::DayAfterTomorrow, 2);
        return true;
    });
    static const QRegularExpression thisPart = rx(QStringLiteral(
        "\\b(?:this\\s+(morning|afternoon|evening)|esta\\s+(manana|tarde|noche)|(tonight))\\b"));
    s.scan(thisPart, [&](const QRegularExpressionMatch &m) {
        setDay(p, Day::Today);
        if (p.part == PartOfDay::None)
            p.part = m.captured(3).isEmpty() ? partFromWord(m.captured(1) + m.captured(2))
                                             : PartOfDay::Evening;
        return true;
    });
    static const QRegularExpression partEs
        = rx(QStringLiteral("\\b(?:por|de|en|a)\\s+la\\s+(manana|tarde|noche|madrugada)\\b"));
    static const QRegularExpression partEn
        = rx(QStringLiteral("\\b(?:in\\s+the\\s+|at\\s+)?(morning|afternoon|evening|night)\\b"));
    for (const QRegularExpression *re : { &partEs, &partEn }) {
        s.scan(*re, [&](const QRegularExpressionMatch &m) {
            if (p.part == PartOfDay::None)
                p.part = partFromWord(m.captured(1));
            return true;
        });
    }
    static const QRegularExpression tomorrow
        = rx(QStringLiteral("\\b(?:tomorrow|tmrw|tmr|manana)\\b"));
    s.scan(tomorrow, [&](const QRegularExpressionMatch &) {
        setDay(p, Day::Tomorrow, 1);
        return true;
    });
    static const QRegularExpression today = rx(QStringLiteral("\\b(?:today|hoy)\\b"));
    s.scan(today, [&](const QRegularExpressionMatch &) {
        setDay(p, Day::Today);
        return true;
    });

    // 5. Weekends, weeks, then weekdays (a weekday with a week phrase is that day of that
    // week). "next weekend" is the weekend of next week, like "next Friday".
    static const QRegularExpression weekend = rx(QStringLiteral(
        "\\b(?:(this\\s+coming|coming|this|next|the|over\\s+the|on\\s+the|for\\s+the|este|"
        "el\\s+proximo|el\\s+siguiente|proximo|el)\\s+)?(weekend|fin\\s+de\\s+semana|finde)"
        "(?:\\s+(que\\s+viene|proximo|siguiente))?\\b"));
    s.scan(weekend, [&](const QRegularExpressionMatch &m) {
        if (p.weekend || p.week != DateTimePhrase::Week::None)
            return true;
        const QString pre = m.captured(1);
        p.weekend = true;
        p.week = pre == QLatin1String("next") || pre.contains(QLatin1String("proximo"))
                || pre.contains(QLatin1String("siguiente")) || !m.captured(3).isEmpty()
            ? DateTimePhrase::Week::Next
            : DateTimePhrase::Week::This;
        return true;
    });
    static const QRegularExpression thisWeek
        = rx(QStringLiteral("\\b(?:this\\s+week|esta\\s+semana|my\\s+week|mi\\s+semana)\\b"));
    s.scan(thisWeek, [&](const QRegularExpressionMatch &) {
        if (p.week == DateTimePhrase::Week::None)
            p.week = DateTimePhrase::Week::This;
        return true;
    });
    static const QRegularExpression nextWeek
        = rx(QStringLiteral("\\b(?:next\\s+week|(?:la\\s+)?semana\\s+que\\s+viene|(?:la\\s+)?(?:"
                            "proxima|siguiente)\\s+semana|"
                            "(?:la\\s+)?semana\\s+(?:proxima|siguiente))\\b"));
    s.scan(nextWeek, [&](const QRegularExpressionMatch &) {
        if (p.week == DateTimePhrase::Week::None)
            p.week = DateTimePhrase::Week::Next;
        return true;
    });
    static const QRegularExpression weekday = rx(
        QStringLiteral("\\b(?:(this\\s+coming|coming|this|next|on|el\\s+proximo|el\\s+siguiente|"
                       "proximo|este|el)\\s+)?(")
        + kWeekdays + QStringLiteral(")(?:\\s+(que\\s+viene|proximo))?\\b"));
    // Abbreviations: "Fri", "on Tue.", "Thurs 3pm"; "sat" and "sun" only after this / next /
    // on, as they are also words.
    static const QRegularExpression weekdayShort = rx(QStringLiteral(
        "\\b(?:(this\\s+coming|coming|this|next|on)\\s+)?(mon|tues?|wed|thu(?:rs?)?|fri)\\b\\.?()|"
        "\\b(?:(this\\s+coming|coming|this|next|on)\\s+)(sat|sun)\\b\\.?()"));
    const auto onWeekday = [&](const QString &pre, const QString &name, const QString &post) {
        if (p.day == Day::Weekday)
            return true;
        if (p.day != Day::None)
            return true; // "el lunes 30 de noviembre": the date wins
        p.day = Day::Weekday;
        p.weekday = weekdayNumber(name);
        if (pre == QLatin1String("next"))
            p.weekdayMode = DateTimePhrase::WeekdayMode::NextWeek;
        else if (pre.contains(QLatin1String("proximo")) || pre.contains(QLatin1String("siguiente"))
            || !post.isEmpty())
            p.weekdayMode = DateTimePhrase::WeekdayMode::AfterToday;
        return true;
    };
    s.scan(weekday, [&](const QRegularExpressionMatch &m) {
        return onWeekday(m.captured(1), m.captured(2), m.captured(3));
    });
    s.scan(weekdayShort, [&](const QRegularExpressionMatch &m) {
        const bool second = m.capturedStart(5) >= 0;
        return onWeekday(m.captured(second ? 4 : 1), m.captured(second ? 5 : 2), QString());
    });

    // 6. Times: noon / midnight, ranges, then single times.
    static const QRegularExpression noon
        = rx(QStringLiteral("\\b(?:at\\s+|a\\s+|al\\s+|around\\s+)?(?:12\\s+)?(noon|midday|"
                            "mediodia|midnight|medianoche)\\b"));
    s.scan(noon, [&](const QRegularExpressionMatch &m) {
        if (p.time.isValid() || p.midnight)
            return true;
        const QString w = m.captured(1);
        if (w == QLatin1String("midnight") || w == QLatin1String("medianoche")) {
            p.midnight = true;
        } else {
            p.time.hour = 12;
            p.time.literal = true;
        }
        return true;
    });
    const QString t1 = QStringLiteral("(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.?|p\\.m\\.?)?");
    const QString t2
        = QStringLiteral("(\\d{1,2})(?::(\\d{2}))?\\s*(am|pm|a\\.m\\.?|p\\.m\\.?)?(?![a-z0-9])");
    static const QRegularExpression fromTo
        = rx(QStringLiteral("\\b(?:from|de|desde)\\s+(?:las?\\s+)?") + t1
            + QStringLiteral("(?:\\s*-\\s*|\\s+(?:to|till|until|a|hasta)\\s+(?:las?\\s+)?)") + t2);
    static const QRegularExpression between
        = rx(QStringLiteral("\\b(?:between|entre)\\s+(?:las?\\s+)?") + t1
            + QStringLiteral("\\s+(?:and|y)\\s+(?:las?\\s+)?") + t2);
    static const QRegularExpression dash = rx(QStringLiteral("\\b(?:at\\s+|a\\s+las?\\s+)?") + t1
        + QStringLiteral("\\s*(?:-|\\bto\\b)\\s*") + t2);
    for (const QRegularExpression *re : { &fromTo, &between, &dash }) {
        const bool needsMarker = re == &dash;
        s.scan(*re, [&](const QRegularExpressionMatch &m) {
            if (p.time.isValid() || p.midnight)
                return false;
            if (needsMarker && m.captured(2).isEmpty() && m.captured(3).isEmpty()
                && m.captured(5).isEmpty() && m.captured(6).isEmpty())
                return false;
            const ClockTime a = makeTime(m.captured(1), m.captured(2), m.captured(3));
            const ClockTime b = makeTime(m.captured(4), m.captured(5), m.captured(6));
            if (!a.isValid() || !b.isValid())
                return false;
            p.time = a;
            p.rangeEnd = b;
            return true;
        });
    }
    static const QRegularExpression meridiem
        = rx(QStringLiteral("\\b(?:at\\s+|@\\s*|a\\s+las?\\s+|around\\s+|sobre\\s+las?\\s+|by\\s+)?"
                            "(\\d{1,2})(?::(\\d{2}))?"
                            "\\s*(am|pm|a\\.m\\.?|p\\.m\\.?)(?![a-z])"));
    static const QRegularExpression colon = rx(QStringLiteral(
        "(?:\\b(?:at|around|a\\s+las?|sobre\\s+las?)\\s+|@\\s*|\\b)(\\d{1,2}):(\\d{2})\\b()"));
    for (const QRegularExpression *re : { &meridiem, &colon }) {
        s.scan(*re, [&](const QRegularExpressionMatch &m) {
            if (p.time.isValid() || p.midnight)
                return false;
            const ClockTime t = makeTime(m.captured(1), m.captured(2), m.captured(3));
            if (!t.isValid())
                return false;
            p.time = t;
            return true;
        });
    }
    static const QRegularExpression yMedia
        = rx(QStringLiteral("\\b(?:a\\s+las?\\s+|sobre\\s+las?\\s+|hacia\\s+las?\\s+)(\\d{1,2}|")
            + kHourWordsEs + QStringLiteral(")\\s+(y\\s+media|y\\s+cuarto|menos\\s+cuarto)\\b"));
    s.scan(yMedia, [&](const QRegularExpressionMatch &m) {
        if (p.time.isValid() || p.midnight)
            return false;
        ClockTime t = makeTime(hourDigits(m.captured(1)), QString(), QString());
        if (!t.isValid() || t.hour > 12)
            return false;
        const QString q = m.captured(2);
        if (q.endsWith(QLatin1String("media")))
            t.minute = 30;
        else if (q.startsWith(QLatin1Char('y')))
            t.minute = 15;
        else {
            t.hour = t.hour == 1 ? 12 : t.hour - 1;
            t.minute = 45;
        }
        p.time = t;
        return true;
    });
    static const QRegularExpression past
        = rx(QStringLiteral(
                 "\\b(?:at\\s+|around\\s+)?(?:a\\s+)?(half|quarter)\\s+(past|to)\\s+(\\d{1,2}|")
            + kHourWordsEn + QStringLiteral(")\\b"));
    s.scan(past, [&](const QRegularExpressionMatch &m) {
        if (p.time.isValid() || p.midnight)
            return false;
        ClockTime t = makeTime(hourDigits(m.captured(3)), QString(), QString());
        if (!t.isValid() || t.hour > 12 || t.hour < 1)
            return false;
        if (m.captured(2) == QLatin1String("past")) {
            t.minute = m.captured(1) == QLatin1String("half") ? 30 : 15;
        } else if (m.captured(1) == QLatin1String("quarter")) {
            t.hour = t.hour == 1 ? 12 : t.hour - 1;
            t.minute = 45;
        } else {
            return false;
        }
        p.time = t;
        return true;
    });
    // British "at half 6" (half past six).
    static const QRegularExpression halfBritish = rx(QStringLiteral("\\bat\\s+half\\s+(\\d{1,2}|")
        + kHourWordsEn + QStringLiteral(")\\b(?!\\s*(?:[:.]\\d|am\\b|pm\\b|hours?\\b))"));
    s.scan(halfBritish, [&](const QRegularExpressionMatch &m) {
        if (p.time.isValid() || p.midnight)
            return false;
        ClockTime t = makeTime(hourDigits(m.captured(1)), QString(), QString());
        if (!t.isValid() || t.hour > 12 || t.hour < 1)
            return false;
        t.minute = 30;
        p.time = t;
        return true;
    });
    static const QRegularExpression atHour = rx(QStringLiteral(
        "(?:\\b(?:at|around|a\\s+las?|sobre\\s+las?|hacia\\s+las?)\\s+|@\\s*)(\\d{1,2})"
        "(?:\\s*o'?clock)?\\b(?!\\s*(?:[/"
        ":%]|\\.\\d|h\\b|hours?\\b|hrs?\\b|min|horas?\\b|minutos?\\b|"
        "days?\\b|dias?\\b|people\\b|personas\\b))"));
    static const QRegularExpression oclock = rx(QStringLiteral("\\b(\\d{1,2})\\s*o'?clock\\b"));
    for (const QRegularExpression *re : { &atHour, &oclock }) {
        s.scan(*re, [&](const QRegularExpressionMatch &m) {
            if (p.time.isValid() || p.midnight)
                return false;
            const ClockTime t = makeTime(m.captured(1), QString(), QString());
            if (!t.isValid())
                return false;
            p.time = t;
            return true;
        });
    }

    // Hours as words, after a time marker: "at three", "at three thirty", "at eleven am",
    // "at five o'clock", "a las tres", "a la una", "a las cinco en punto".
    static const QRegularExpression wordsEn
        = rx(QStringLiteral("\\b(?:at|around|by)\\s+(") + kHourWordsEn
            + QStringLiteral(")(?:\\s+(o'?clock|fifteen|thirty|forty[- ]five))?"
                             "(?:\\s*(am|pm|a\\.m\\.?|p\\.m\\.?))?(?![a-z0-9'])"
                             "(?!\\s+(?:of|point|another|people|minutes?|hours?)\\b)"));
    static const QRegularExpression wordsEs = rx(QStringLiteral("\\b(?:a|sobre|hacia)\\s+las?\\s+(")
        + kHourWordsEs
        + QStringLiteral(")(?:\\s+(en\\s+punto))?()\\b(?!\\s+(?:horas?|minutos?|personas)\\b)"));
    for (const QRegularExpression *re : { &wordsEn, &wordsEs }) {
        s.scan(*re, [&](const QRegularExpressionMatch &m) {
            if (p.time.isValid() || p.midnight)
                return false;
            const QString mins = m.captured(2);
            const int minute = mins == QLatin1String("fifteen") ? 15
                : mins == QLatin1String("thirty")               ? 30
                : mins.startsWith(QLatin1String("forty"))       ? 45
                                                                : 0;
            const ClockTime t
                = makeTime(hourDigits(m.captured(1)), QString::number(minute), m.captured(3));
            if (!t.isValid())
                return false;
            p.time = t;
            return true;
        });
    }

    if (masked)
        *masked = s.text();
    return p;
}

int clockMinutes(const ClockTime &t, PartOfDay part)
{
    int h = t.hour;
    if (!t.literal) {
        switch (t.meridiem) {
        case ClockTime::Meridiem::Am:
            h = h == 12 ? 0 : h;
            break;
        case ClockTime::Meridiem::Pm:
            h = h < 12 ? h + 12 : h;
            break;
        case ClockTime::Meridiem::None:
            if (part == PartOfDay::Morning || part == PartOfDay::Early)
                h = (h == 12 && part == PartOfDay::Early) ? 0 : h;
            else if (part == PartOfDay::Afternoon || part == PartOfDay::Evening)
                h = h < 12 ? h + 12 : h;
            else if (h >= 1 && h <= 6)
                h += 12; // "at 3" = 15:00: meetings at 3 a.m. are the rare case
            break;
        }
    }
    return h * 60 + t.minute;
}

namespace {

std::pair<int, int> partWindow(PartOfDay part)
{
    switch (part) {
    case PartOfDay::Early:
        return { 0, 6 * 60 };
    case PartOfDay::Morning:
        return { 9 * 60, 12 * 60 };
    case PartOfDay::Afternoon:
        return { 12 * 60, 18 * 60 };
    case PartOfDay::Evening:
        return { 18 * 60, 22 * 60 };
    case PartOfDay::None:
        break;
    }
    return { 0, 24 * 60 };
}

struct Local {
    QDateTime at;
    LocalTimeResolution::Kind kind = LocalTimeResolution::Kind::Normal;
};

Local localAt(QDate date, int minutes, const QTimeZone &zone)
{
    date = date.addDays(minutes / (24 * 60));
    minutes %= 24 * 60;
    const LocalTimeResolution r = resolveLocalTime(date, QTime(minutes / 60, minutes % 60), zone);
    return { r.resolved, r.kind };
}

void noteDst(LocalTimeResolution::Kind kind, QStringList &warnings)
{
    const QString w = kind == LocalTimeResolution::Kind::Gap ? QStringLiteral("dst_gap")
        : kind == LocalTimeResolution::Kind::Fold            ? QStringLiteral("dst_fold")
                                                             : QString();
    if (!w.isEmpty() && !warnings.contains(w))
        warnings.append(w);
}

void addPast(QStringList &warnings)
{
    if (!warnings.contains(QStringLiteral("in_the_past")))
        warnings.prepend(QStringLiteral("in_the_past"));
}

} // namespace

ResolvedTime resolvePhrase(const DateTimePhrase &p, const ResolveContext &ctx)
{
    using Day = DateTimePhrase::Day;
    ResolvedTime r;
    const QTimeZone &zone = ctx.zone;
    const QDateTime now = ctx.now.toTimeZone(zone);
    const QDate today = now.date();
    const int duration = p.durationMinutes.value_or(ctx.defaultDurationMinutes);

    // Relative times are absolute offsets from now: never in the past, never in a gap.
    if (p.relativeSeconds) {
        r.hasTime = true;
        r.start = now.addSecs(*p.relativeSeconds);
        r.end = r.start.addSecs(qint64(duration) * 60);
        r.durationMinutes = duration;
        return r;
    }

    // Start and end of the time of day, in minutes since the day's midnight (may pass 24:00).
    int startMin = -1, endMin = -1;
    if (p.midnight) {
        // Midnight is 00:00 at the start of the named day, as chrono, Google Calendar and
        // Outlook read "tomorrow at midnight"; with no day, or "tonight at midnight", the
        // coming midnight at the end of the day.
        startMin = p.hasDay() && p.part != PartOfDay::Evening ? 0 : 24 * 60;
    } else if (p.time.isValid()) {
        if (p.rangeEnd.isValid()) {
            ClockTime a = p.time;
            const ClockTime &b = p.rangeEnd;
            endMin = clockMinutes(b, p.part);
            if (!a.literal && a.meridiem == ClockTime::Meridiem::None
                && b.meridiem != ClockTime::Meridiem::None) {
                // "2-4pm": the start takes the end's am/pm unless that puts it after the end
                // ("11-1pm" is 11 a.m. to 1 p.m.).
                a.meridiem = b.meridiem;
                startMin = clockMinutes(a, p.part);
                if (startMin >= endMin) {
                    a.meridiem = b.meridiem == ClockTime::Meridiem::Am ? ClockTime::Meridiem::Pm
                                                                       : ClockTime::Meridiem::Am;
                    startMin = clockMinutes(a, p.part);
                }
            } else {
                startMin = clockMinutes(a, p.part);
                if (endMin <= startMin && !b.literal && b.meridiem == ClockTime::Meridiem::None
                    && endMin < 12 * 60)
                    endMin += 12 * 60;
            }
            if (endMin <= startMin)
                endMin += 24 * 60; // "from 11pm to 1am"
        } else {
            startMin = clockMinutes(p.time, p.part);
        }
    }
    const bool hasTime = startMin >= 0;

    // The window a day stands for when no time is given.
    std::pair<int, int> dayWindow = partWindow(p.part);
    if (p.part == PartOfDay::None && ctx.defaultDayWindow) {
        const auto &[a, b] = *ctx.defaultDayWindow;
        dayWindow = { a.msecsSinceStartOfDay() / 60000, b.msecsSinceStartOfDay() / 60000 };
    }
    const bool narrowWindow = p.part != PartOfDay::None || ctx.defaultDayWindow.has_value();
    // Is anything of this candidate day still ahead of now?
    auto stillAhead = [&](QDate d) {
        if (hasTime)
            return localAt(d, startMin, zone).at > now;
        return localAt(d, dayWindow.second, zone).at > now;
    };

    QDate date;
    bool dayGiven = true;
    switch (p.day) {
    case Day::Today:
    case Day::Tomorrow:
    case Day::DayAfterTomorrow:
    case Day::InDays:
        date = today.addDays(p.day == Day::InDays ? p.offsetDays
                : p.day == Day::Today             ? 0
                : p.day == Day::Tomorrow          ? 1
                                                  : 2);
        break;
    case Day::Date:
        if (p.month == 0) {
            // A day of the month alone ("the 28th", "el 28") is its next occurrence, today
            // included; months without that day are skipped ("the 31st" in November → Dec 31).
            QDate first(today.year(), today.month(), 1);
            for (int i = 0; i <= 12 && !date.isValid(); ++i) {
                const QDate m = first.addMonths(i);
                const QDate d(m.year(), m.month(), p.dayOfMonth);
                if (d.isValid() && d >= today)
                    date = d;
            }
        } else if (p.year > 0) {
            date = QDate(p.year, p.month, p.dayOfMonth);
        } else {
            // A date without a year is its next occurrence, today included (Feb 29 → the
            // next leap year).
            for (int y = today.year(); y <= today.year() + 8 && !date.isValid(); ++y) {
                const QDate d(y, p.month, p.dayOfMonth);
                if (d.isValid() && d >= today)
                    date = d;
            }
        }
        if (!date.isValid()) {
            r.warnings.append(QStringLiteral("invalid_date"));
            dayGiven = false;
        }
        break;
    case Day::Weekday: {
        const int dow = today.dayOfWeek();
        if (p.week != DateTimePhrase::Week::None) {
            const QDate monday
                = today.addDays(1 - dow + (p.week == DateTimePhrase::Week::Next ? 7 : 0));
            date = monday.addDays(p.weekday - 1);
        } else if (p.weekdayMode == DateTimePhrase::WeekdayMode::NextWeek) {
            date = today.addDays(8 - dow + p.weekday - 1);
        } else {
            int delta = (p.weekday - dow + 7) % 7;
            // The nearest weekday is today only while the time (or the window) is still ahead.
            if (delta == 0
                && (p.weekdayMode == DateTimePhrase::WeekdayMode::AfterToday || !stillAhead(today)))
                delta = 7;
            date = today.addDays(delta);
        }
        break;
    }
    case Day::None:
        dayGiven = false;
        break;
    }

    // The days a week phrase stands for: Monday-Sunday, or Saturday-Sunday for a weekend.
    // A month or "the next N days" span the same way.
    QDate weekFirst = today.addDays(1 - today.dayOfWeek()
        + (p.week == DateTimePhrase::Week::Next ? 7 : 0) + (p.weekend ? 5 : 0));
    QDate weekEnd = weekFirst.addDays(p.weekend ? 2 : 7); // exclusive
    const bool span = p.week != DateTimePhrase::Week::None || p.monthOffset || p.nextDays > 0;
    if (p.week == DateTimePhrase::Week::None && p.monthOffset) {
        weekFirst = QDate(today.year(), today.month(), 1).addMonths(*p.monthOffset);
        weekEnd = weekFirst.addMonths(1);
    } else if (p.week == DateTimePhrase::Week::None && p.nextDays > 0) {
        weekFirst = today;
        weekEnd = today.addDays(p.nextDays);
    }

    if (hasTime) {
        if (!dayGiven && span) {
            // "next week at 3", "this weekend at 11": the first day of that span on which the
            // time is still ahead; the card says the day was picked ("day_assumed").
            date = std::max(weekFirst, today);
            while (date < weekEnd.addDays(-1) && !stillAhead(date))
                date = date.addDays(1);
            r.warnings.append(QStringLiteral("day_assumed"));
        } else if (!dayGiven) {
            // No day said: today if the time is still ahead, otherwise tomorrow.
            date = stillAhead(today) ? today : today.addDays(1);
        }
        const Local s = localAt(date, startMin, zone);
        r.hasTime = true;
        r.start = s.at;
        noteDst(s.kind, r.warnings);
        if (endMin >= 0) {
            const Local e = localAt(date, endMin, zone);
            r.end = e.at;
            noteDst(e.kind, r.warnings);
            r.durationMinutes = int(r.start.secsTo(r.end) / 60);
        } else {
            r.end = r.start.addSecs(qint64(duration) * 60);
            r.durationMinutes = duration;
        }
        if (r.start < now)
            addPast(r.warnings);
        return r;
    }

    r.durationMinutes = duration;
    if (dayGiven) {
        if (narrowWindow) {
            r.windowStart = localAt(date, dayWindow.first, zone).at;
            r.windowEnd = localAt(date, dayWindow.second, zone).at;
        } else {
            r.windowStart = startOfDay(date, zone);
            r.windowEnd = startOfDay(date.addDays(1), zone);
        }
    } else if (span) {
        r.windowStart = startOfDay(weekFirst, zone);
        r.windowEnd = startOfDay(weekEnd, zone);
    } else if (narrowWindow) {
        // "in the afternoon", "book lunch": today's window if it has not ended, else tomorrow's.
        date = stillAhead(today) ? today : today.addDays(1);
        r.windowStart = localAt(date, dayWindow.first, zone).at;
        r.windowEnd = localAt(date, dayWindow.second, zone).at;
    } else if (ctx.openWindowIsNextSevenDays) {
        r.windowStart = now;
        r.windowEnd = now.addDays(7);
    } else {
        r.windowStart = startOfDay(today, zone);
        r.windowEnd = startOfDay(today.addDays(1), zone);
    }
    if (ctx.clipWindowToNow) {
        if (r.windowEnd <= now)
            addPast(r.warnings);
        else if (r.windowStart < now)
            r.windowStart = now;
    }
    return r;
}

QString isoWithOffset(const QDateTime &t)
{
    const int off = t.offsetFromUtc();
    const int a = qAbs(off) / 60;
    return t.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss"))
        + (off < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        + QStringLiteral("%1:%2")
              .arg(a / 60, 2, 10, QLatin1Char('0'))
              .arg(a % 60, 2, 10, QLatin1Char('0'));
}

} // namespace kairos::commands
