#pragma once

#include "core/expected.h"
#include "scheduling/slotfinder.h"

#include <QByteArray>
#include <QJsonObject>
#include <QTimeZone>

namespace kairos::scheduling {

//! \brief A find-time request as read from JSON (kairos-cli find-time --input, docs/scheduling.md).
struct FindTimeInput {
    SlotRequest request;
    SlotOptions options;
};

//! Parses the find-time input document. Errors are Error::Code::InvalidInput (or ParseError for
//! malformed JSON) with a message that starts with the offending field's path, e.g.
//! "participants[1].busy[0].end: expected an ISO-8601 date-time with an offset".
//! The display zone is "display_time_zone" if given, else the window start's UTC offset.
Expected<FindTimeInput> parseFindTimeInput(const QByteArray &json);

//! ISO-8601 with the offset of `zone` ("2026-12-08T16:00:00+01:00").
QString isoDateTime(qint64 msecsSinceEpoch, const QTimeZone &zone);

//! {"start", "end", "attendees", "reason", "feasible", "participants": [...]} for one slot.
QJsonObject slotToJson(const Slot &slot, const QTimeZone &displayZone);
//! The whole result: {"status": "ok"|"none", "slots": [...], "explanation": {...}}. With
//! `allSlots` (one per feasible start, in time order) "slots" lists those instead of the
//! ranked suggestions.
QJsonObject resultToJson(
    const SlotResult &result, const QTimeZone &displayZone, const QList<Slot> *allSlots = nullptr);

} // namespace kairos::scheduling
