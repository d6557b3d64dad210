#pragma once

#include <QString>

namespace kairos {

//! True for an e-mail address that may become an iCalendar CAL-ADDRESS (`mailto:` + it) or an
//! attendee: 3-254 characters, exactly one `@` with 1-64 characters before it and a domain of
//! dot-separated labels after it, and no whitespace, control or format characters and none of
//! `; : , " < > \ ( ) [ ]`. libical does not escape CAL-ADDRESS values, so without this an
//! address from a room or a file could add lines (CR/LF) or parameters (`;`) to an exported
//! .ics (security review 2026-12, M5).
bool isValidCalAddress(const QString &email);

} // namespace kairos
