#pragma once

#include "core/expected.h"
#include "model/event.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

//! One CalDAV calendar object resource ⇄ Kairos events. A resource is one VCALENDAR with one
//! UID: a plain event, or a recurring series with its overridden instances (RFC 4791 §4.1).
//! The iCalendar text is the source of truth: reading goes through the .ics importer
//! (libical), and writing changes only what Kairos models inside the server's own text, so
//! alarms, categories, X- properties and components Kairos does not know survive an edit.
namespace kairos::caldav {

//! The last path segment of an href or URL ("…/work/abc.ics" → "abc.ics"), still
//! percent-encoded as on the wire. This is the provider id of the resource's master.
QString resourceName(const QString &href);
//! The provider id of an overridden instance: "<object name>#<RECURRENCE-ID in UTC ms>".
QString instanceProviderId(const QString &resourceName, const QDateTime &originalStart);

//! Reads a resource: its events with providerId (master: the object name; overrides:
//! instanceProviderId()), recurringEventId of overrides = the object name, and `etag` on every
//! one of them (the resource's ETag: one version for the series). Fails (ProtocolError) when
//! the text holds no VCALENDAR; components that are not events (VTODO) are left out.
Expected<QList<Event>> eventsFromObject(const QByteArray &ics, const QString &resourceName,
    const QString &etag, const QTimeZone &floatingZone = QTimeZone::systemTimeZone());

//! A new resource holding `events` (a master first, then its overrides; one UID).
QByteArray newObject(const QList<Event> &events);

//! Writes `changed` into the resource text `original`: the master (no recurringEventId) or
//! the instance with its RECURRENCE-ID is replaced, or added when the resource has none yet.
//! What Kairos does not model in the replaced component (VALARMs, CATEGORIES, CLASS, URL,
//! X- properties, …) is kept. A master whose times or rule changed keeps its overrides (the
//! server's and other clients' business, as in RFC 5545).
Expected<QByteArray> mergeIntoObject(const QByteArray &original, const Event &changed);

//! Removes one occurrence of the series in `original`: an EXDATE on the master and its
//! override component (if any) dropped.
Expected<QByteArray> excludeOccurrence(
    const QByteArray &original, const QDateTime &originalStart, bool allDay);

} // namespace kairos::caldav
