#include "core/caladdress.h"

#include <QList>
#include <QStringView>

namespace kairos {

bool isValidCalAddress(const QString &email)
{
    if (email.size() < 3 || email.size() > 254)
        return false;
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    if (at < 1 || at > 64 || email.indexOf(QLatin1Char('@'), at + 1) >= 0 || at == email.size() - 1)
        return false;
    for (const QChar ch : email) {
        const ushort u = ch.unicode();
        if (u <= 0x20 || u == 0x7F || ch.isSpace() || ch.category() == QChar::Other_Control
            || ch.category() == QChar::Other_Format || ch.category() == QChar::Other_Surrogate
            || ch.category() == QChar::Separator_Line
            || ch.category() == QChar::Separator_Paragraph)
            return false;
        switch (u) {
        case ';':
        case ':':
        case ',':
        case '"':
        case '<':
        case '>':
        case '\\':
        case '(':
        case ')':
        case '[':
        case ']':
            return false;
        default:
            break;
        }
    }
    const QString domain = email.mid(at + 1);
    for (const QStringView label : QStringView(domain).split(QLatin1Char('.'))) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-'))
            || label.endsWith(QLatin1Char('-')))
            return false;
    }
    const QStringView local = QStringView(email).left(at);
    return !local.startsWith(QLatin1Char('.')) && !local.endsWith(QLatin1Char('.'))
        && !local.contains(QLatin1String(".."));
}

} // namespace kairos
