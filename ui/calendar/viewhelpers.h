#pragma once

#include "model/occurrence.h"

#include <QColor>
#include <QDate>
#include <QLocale>
#include <QString>

namespace kairos::ui {

//! The fill colour of an occurrence: its calendar's colour, lighter when tentative.
QColor eventFill(const Occurrence &o);
//! Text colour readable on `fill`.
QColor textOn(const QColor &fill);
//! A short time in the default locale ("9:00 AM" / "9:00").
QString shortTime(const QTime &t);
//! The first day of the week containing `d`, in the default locale's convention.
QDate weekStart(QDate d);
//! "16 – 22 Nov 2026", "30 Nov – 6 Dec 2026", "28 Dec 2026 – 3 Jan 2027".
QString rangeTitle(QDate first, QDate last);
//! Tool-tip text for an occurrence.
QString occurrenceToolTip(const Occurrence &o);
//! `text` as a tool tip that is never read as rich text (Qt guesses, and remote text — room
//! member names, feed titles — must not bring its own markup): escaped, in a paragraph.
QString plainToolTip(const QString &text);

} // namespace kairos::ui
