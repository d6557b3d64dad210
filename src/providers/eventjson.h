#pragma once

#include "model/event.h"

#include <QJsonObject>

namespace kairos {

//! Kairos' own lossless JSON form of an Event (outbox payloads, conflict records, the CLI).
QJsonObject eventToJson(const Event &e);
Event eventFromJson(const QJsonObject &o);

//! True when the fields a user edits are equal (title, place, notes, times, recurrence,
//! attendees' e-mails, status, transparency). Not reminders: Outlook keeps one of several, so
//! they may differ on the server without anybody having changed them.. Used to recognise a write
//! the server already has.
bool sameUserFields(const Event &a, const Event &b);

} // namespace kairos
