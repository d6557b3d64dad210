#pragma once

#include "scheduling/slotfinder.h"

#include <QString>
#include <QTimeZone>

namespace kairos::scheduling {

//! \file
//! English renderings of the structured results, for kairos-cli, logs and tests. The desktop UI
//! does not use these: it builds translated (tr()) text from the same structures.

//! The one-line reason of a slot: "everyone free, inside everyone's working hours",
//! "Dana (optional) busy", "17:30 for Bob in New York".
QString englishReason(const SlotReason &reason);

//! Why nothing fits, with the nearest candidate: "no time in this window when Alice and Bob are
//! both inside working hours; nearest: Mon 8 Dec 16:00 (outside Bob's working hours)".
QString englishExplanation(const NoSlotExplanation &explanation, const QTimeZone &displayZone);

//! "Mon 8 Dec 16:00" in `zone`.
QString englishShortDateTime(qint64 msecsSinceEpoch, const QTimeZone &zone);

//! "New York" for America/New_York, "Kolkata" for Asia/Kolkata, "UTC+05:45" for offset zones.
QString zonePlaceName(const QTimeZone &zone);

} // namespace kairos::scheduling
