#include "viewhelpers.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTextDocument>

namespace kairos::ui {

QColor eventFill(const Occurrence &o)
{
    QColor c(o.color);
    if (!c.isValid())
        c = QColor(0x3b, 0x82, 0xf6);
    if (o.status == EventStatus::Tentative || o.transparency == Transparency::Transparent)
        c = c.lighter(160);
    return c;
}

QColor textOn(const QColor &fill)
{
    // Relative luminance (sRGB approximation) decides black or white text.
    const double l = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF();
    return l > 0.6 ? QColor(0x1f, 0x29, 0x37) : QColor(Qt::white);
}

QString shortTime(const QTime &t)
{
    // Some locales' short format carries seconds (C: "HH:mm:ss"); a calendar never shows them.
    thread_local QString cachedLocale;
    thread_local QString cachedFormat;
    const QLocale locale;
    if (cachedLocale != locale.name() || cachedFormat.isEmpty()) {
        cachedLocale = locale.name();
        QString f = locale.timeFormat(QLocale::ShortFormat);
        f.remove(QRegularExpression(QStringLiteral("[:.]ss?")));
        cachedFormat = f.trimmed();
    }
    return locale.toString(t, cachedFormat);
}

QDate weekStart(QDate d)
{
    const int first = int(QLocale().firstDayOfWeek());
    const int back = (d.dayOfWeek() - first + 7) % 7;
    return d.addDays(-back);
}

QString rangeTitle(QDate first, QDate last)
{
    const QLocale l;
    //: Separator between the two ends of a date range in the title bar.
    const QString dash = QCoreApplication::translate("kairos::ui", "%1 – %2");
    if (first == last)
        return l.toString(first, QStringLiteral("dddd d MMMM yyyy"));
    if (first.year() != last.year())
        return dash.arg(l.toString(first, QStringLiteral("d MMM yyyy")),
            l.toString(last, QStringLiteral("d MMM yyyy")));
    if (first.month() != last.month())
        return dash.arg(l.toString(first, QStringLiteral("d MMM")),
            l.toString(last, QStringLiteral("d MMM yyyy")));
    return dash.arg(QString::number(first.day()), l.toString(last, QStringLiteral("d MMM yyyy")));
}

QString plainToolTip(const QString &text)
{
    return text.isEmpty() ? QString() : Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal);
}

QString occurrenceToolTip(const Occurrence &o)
{
    const QLocale l;
    const QString title
        = o.title.isEmpty() ? QCoreApplication::translate("kairos::ui", "(No title)") : o.title;
    QString when;
    if (o.allDay) {
        const QDate last = o.endDate.addDays(-1);
        when = last == o.startDate ? l.toString(o.startDate, QLocale::LongFormat)
                                   : QCoreApplication::translate("kairos::ui", "%1 – %2")
                                         .arg(l.toString(o.startDate, QLocale::ShortFormat),
                                             l.toString(last, QLocale::ShortFormat));
    } else if (o.start.date() == o.end.date()) {
        when = l.toString(o.start.date(), QLocale::ShortFormat) + QLatin1Char(' ')
            + QCoreApplication::translate("kairos::ui", "%1 – %2")
                  .arg(shortTime(o.start.time()), shortTime(o.end.time()));
    } else {
        when = QCoreApplication::translate("kairos::ui", "%1 – %2")
                   .arg(l.toString(o.start, QLocale::ShortFormat),
                       l.toString(o.end, QLocale::ShortFormat));
    }
    QString tip = QStringLiteral("<b>") + title.toHtmlEscaped() + QStringLiteral("</b><br>")
        + when.toHtmlEscaped();
    if (!o.location.isEmpty())
        tip += QStringLiteral("<br>") + o.location.toHtmlEscaped();
    if (o.status == EventStatus::Tentative)
        tip += QStringLiteral("<br><i>")
            + QCoreApplication::translate("kairos::ui", "Tentative").toHtmlEscaped()
            + QStringLiteral("</i>");
    return tip;
}

} // namespace kairos::ui
