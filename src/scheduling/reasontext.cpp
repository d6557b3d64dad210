#include "scheduling/reasontext.h"

#include <QLocale>
#include <QStringList>

namespace kairos::scheduling {

namespace {
using A = ParticipantSlotInfo::Availability;

QString who(const ParticipantSlotInfo &i)
{
    return i.required ? i.name : i.name + QStringLiteral(" (optional)");
}

QString joinNames(const QStringList &names)
{
    if (names.size() <= 1)
        return names.value(0);
    if (names.size() == 2)
        return names[0] + QStringLiteral(" and ") + names[1];
    return names.mid(0, names.size() - 1).join(QStringLiteral(", ")) + QStringLiteral(" and ")
        + names.last();
}

QString localClock(const ParticipantSlotInfo &i)
{
    return QLocale::c().toString(i.localStart, QStringLiteral("HH:mm"));
}
} // namespace

QString zonePlaceName(const QTimeZone &zone)
{
    const QString id = QString::fromLatin1(zone.id());
    if (id.contains(QLatin1Char('/'))) {
        QString city = id.section(QLatin1Char('/'), -1);
        city.replace(QLatin1Char('_'), QLatin1Char(' '));
        return city;
    }
    return id;
}

QString englishShortDateTime(qint64 ms, const QTimeZone &zone)
{
    return QLocale::c().toString(
        QDateTime::fromMSecsSinceEpoch(ms, zone), QStringLiteral("ddd d MMM HH:mm"));
}

QString englishReason(const SlotReason &reason)
{
    QStringList parts;
    QStringList unknown;
    for (const ParticipantSlotInfo &i : reason.participants) {
        switch (i.availability) {
        case A::Busy:
            parts.append(who(i) + QStringLiteral(" busy"));
            break;
        case A::OutOfOffice:
            parts.append(who(i) + QStringLiteral(" out of office"));
            break;
        case A::Tentative:
            parts.append(who(i) + QStringLiteral(" tentative"));
            break;
        case A::Unknown:
            unknown.append(i.name);
            break;
        case A::Free:
            break;
        }
    }
    if (parts.isEmpty())
        parts.append(reason.unknown > 0 ? QStringLiteral("everyone else free")
                                        : QStringLiteral("everyone free"));

    if (reason.everyoneInsideWorkingHours())
        parts.append(QStringLiteral("inside everyone's working hours"));
    for (const ParticipantSlotInfo &i : reason.participants) {
        if (i.availability == A::Unknown)
            continue;
        const QString where = QStringLiteral(" in ") + zonePlaceName(i.localStart.timeZone());
        if (!i.insideWorkingHours)
            parts.append(localClock(i) + QStringLiteral(" for ") + who(i) + where
                + QStringLiteral(", outside working hours"));
        else if (i.atEdgeOfDay)
            parts.append(localClock(i) + QStringLiteral(" for ") + who(i) + where);
    }
    if (!unknown.isEmpty())
        parts.append(joinNames(unknown)
            + (unknown.size() == 1 ? QStringLiteral("'s availability unknown")
                                   : QStringLiteral(": availability unknown")));
    return parts.join(QStringLiteral(", "));
}

QString englishExplanation(const NoSlotExplanation &ex, const QTimeZone &displayZone)
{
    using K = NoSlotExplanation::Kind;
    using C = NoSlotExplanation::Blocker::Cause;
    QString text;
    switch (ex.kind) {
    case K::None:
        return {};
    case K::EmptyWindow:
        return QStringLiteral("the window is shorter than the meeting");
    case K::ParticipantUnavailable: {
        QStringList pieces;
        for (const auto &b : ex.blockers) {
            switch (b.cause) {
            case C::NoWorkingHours:
                pieces.append(b.name + QStringLiteral(" has no working hours in this window"));
                break;
            case C::OutOfOffice:
                pieces.append(b.name + QStringLiteral(" is out of office for all of this window"));
                break;
            case C::Busy:
                pieces.append(b.name
                    + QStringLiteral(" has no free time inside working hours in this window"));
                break;
            }
        }
        text = pieces.join(QStringLiteral("; "));
        break;
    }
    case K::NoCommonWorkingHours:
        text = QStringLiteral("no time in this window when ") + joinNames(ex.participants)
            + (ex.participants.size() == 2 ? QStringLiteral(" are both")
                                           : QStringLiteral(" are all"))
            + QStringLiteral(" inside working hours");
        break;
    case K::NoCommonFreeTime:
        if (ex.participants.size() == 1)
            text = QStringLiteral("no free time in this window for ") + ex.participants.first();
        else
            text = QStringLiteral("no time in this window when ") + joinNames(ex.participants)
                + (ex.participants.size() == 2 ? QStringLiteral(" are both")
                                               : QStringLiteral(" are all"))
                + QStringLiteral(" free inside working hours");
        break;
    }
    if (ex.nearest) {
        text += QStringLiteral("; nearest: ")
            + englishShortDateTime(ex.nearest->interval.start, displayZone) + QStringLiteral(" (")
            + englishReason(ex.nearest->reason) + QLatin1Char(')');
    }
    return text;
}

} // namespace kairos::scheduling
