#include "team/staleness.h"

namespace kairos::team {

Staleness staleness(const MemberAvailability &member, const QDateTime &now,
    const QDateTime &windowEnd, qint64 staleAfterSecs)
{
    Staleness s;
    if (!member.shared || !member.madeAt.isValid())
        return s;
    s.ageSecs = qMax<qint64>(0, member.madeAt.secsTo(now));
    s.days = int(s.ageSecs / 86400);
    s.hours = int(s.ageSecs / 3600);
    s.kind = s.ageSecs > staleAfterSecs ? Staleness::Kind::Stale : Staleness::Kind::Fresh;
    if (!member.horizon.isEmpty()) {
        s.knownUntil = member.horizon.endUtc();
        s.partial = windowEnd.isValid() && windowEnd.toMSecsSinceEpoch() > member.horizon.end;
    }
    return s;
}

} // namespace kairos::team
