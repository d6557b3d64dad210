#include "commands/textnorm.h"

#include <QRegularExpression>
#include <QSet>

namespace kairos::commands {

QString languageCode(Language language)
{
    return language == Language::Spanish ? QStringLiteral("es") : QStringLiteral("en");
}

QString foldText(const QString &text)
{
    const QString nfc = text.normalized(QString::NormalizationForm_C);
    QString out;
    out.reserve(nfc.size());
    for (const QChar c : nfc) {
        QChar f = c;
        if (c.unicode() >= 0x80) {
            const QString d = c.decomposition();
            if (!d.isEmpty() && c.decompositionTag() == QChar::Canonical)
                f = d.at(0);
            switch (c.unicode()) {
            case 0x2018:
            case 0x2019:
            case 0x00B4:
                f = QLatin1Char('\'');
                break;
            case 0x201C:
            case 0x201D:
            case 0x00AB:
            case 0x00BB:
                f = QLatin1Char('"');
                break;
            case 0x2013:
            case 0x2014:
                f = QLatin1Char('-');
                break;
            case 0x00A0:
                f = QLatin1Char(' ');
                break;
            default:
                break;
            }
        }
        out.append(f.toLower());
    }
    return out;
}

Language detectLanguage(const QString &text, Language fallback)
{
    // Marker words: frequent in short chat messages, rare in the other language.
    static const QSet<QString> es = [] {
        QSet<QString> s;
        for (const char *w :
            { "el", "la", "los", "las", "de", "del", "que", "una", "un", "con", "para", "por",
                "manana", "hoy", "tengo", "reunion", "llamada", "semana", "cuando", "estamos",
                "libre", "libres", "mi", "programa", "organiza", "reserva", "comida", "viernes",
                "lunes", "martes", "miercoles", "jueves", "sabado", "domingo", "esta", "este",
                "puedo", "podemos", "todos", "fue", "ayer", "y", "muy", "pero", "gracias", "hora",
                "minutos", "durante", "dentro", "media", "tarde", "noche", "proximo", "nos", "es",
                "hay", "se", "lo", "no", "cena", "dia", "vemos", "quien", "pasado", "mediodia",
                "medianoche", "muestrame", "ensename", "mis", "ver", "reuniones", "esto", "eso",
                "tu", "yo", "al", "como", "tal", "donde", "horas", "estan", "ir", "hacer" })
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    static const QSet<QString> en = [] {
        QSet<QString> s;
        for (const char *w : { "the", "a", "an", "with", "on", "at", "what", "my", "is", "are",
                 "schedule", "meeting", "tomorrow", "today", "week", "free", "when", "do", "i",
                 "you", "call", "lunch", "book", "set", "up", "for", "to", "and", "next", "this",
                 "it", "was", "show", "have", "can", "we", "meet", "friday", "monday", "tuesday",
                 "wednesday", "thursday", "saturday", "sunday", "minutes", "hour", "hours", "of",
                 "in", "from", "between", "everyone", "noon", "midnight", "yesterday", "thanks",
                 "great", "please", "morning", "afternoon", "evening", "tonight", "s", "t", "me",
                 "that", "be", "will", "did", "how", "our", "your", "just", "so", "about" })
            s.insert(QString::fromLatin1(w));
        return s;
    }();
    if (text.contains(QChar(0x00BF)) || text.contains(QChar(0x00A1)) || text.contains(QChar(0x00F1))
        || text.contains(QChar(0x00D1)))
        return Language::Spanish;
    static const QRegularExpression word(QStringLiteral("[a-z]+"));
    int nes = 0, nen = 0;
    auto it = word.globalMatch(foldText(text));
    while (it.hasNext()) {
        const QString w = it.next().captured(0);
        nes += es.contains(w) ? 1 : 0;
        nen += en.contains(w) ? 1 : 0;
    }
    // Accented vowels hint at Spanish (short English chat rarely has them).
    static const QRegularExpression accents(
        QStringLiteral("[\\x{00E1}\\x{00E9}\\x{00ED}\\x{00F3}\\x{00FA}]"));
    if (text.toLower().contains(accents))
        ++nes;
    if (nes == nen)
        return fallback;
    return nes > nen ? Language::Spanish : Language::English;
}

} // namespace kairos::commands
