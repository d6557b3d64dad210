#include "aboutdialog.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <libical/ical.h>
#include <sqlite3.h>

#ifndef KAIROS_QTKEYCHAIN_VERSION
#define KAIROS_QTKEYCHAIN_VERSION ""
#endif

namespace kairos {

QList<AboutDialog::Component> AboutDialog::components()
{
    return {
        { QStringLiteral("Qt"), QString::fromLatin1(qVersion()),
            QStringLiteral("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only"),
            QStringLiteral("https://www.qt.io/licensing/open-source-lgpl-obligations") },
        { QStringLiteral("QtKeychain"), QString::fromLatin1(KAIROS_QTKEYCHAIN_VERSION),
            QStringLiteral("BSD-3-Clause"),
            QStringLiteral("https://github.com/frankosterfeld/qtkeychain") },
        { QStringLiteral("libical"), QString::fromLatin1(ICAL_VERSION),
            QStringLiteral("LGPL-2.1-only OR MPL-2.0"),
            QStringLiteral("https://github.com/libical/libical") },
        { QStringLiteral("SQLite"), QString::fromLatin1(sqlite3_libversion()),
            QStringLiteral("blessing (public domain)"),
            QStringLiteral("https://sqlite.org/copyright.html") },
    };
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About Kairos"));
    auto *layout = new QVBoxLayout(this);

    auto *title = new QLabel(this);
    title->setObjectName(QStringLiteral("aboutVersion"));
    title->setText(QStringLiteral("<h2>Kairos %1</h2>")
                       .arg(QCoreApplication::applicationVersion().toHtmlEscaped()));
    layout->addWidget(title);
    auto *summary = new QLabel(
        tr("Team chat and calendars: Google, Outlook, local and .ics. Kairos is free software "
           "under the MIT licence."),
        this);
    summary->setWordWrap(true);
    layout->addWidget(summary);

    QString html = QStringLiteral("<p>%1</p><table cellspacing=\"0\" cellpadding=\"3\">")
                       .arg(tr("Kairos is built on these libraries, each under its own licence:")
                                .toHtmlEscaped());
    html += QStringLiteral("<tr><th align=\"left\">%1</th><th align=\"left\">%2</th>"
                           "<th align=\"left\">%3</th></tr>")
                .arg(tr("Library"), tr("Version"), tr("Licence"));
    const QList<Component> list = components();
    for (const Component &c : list) {
        html += QStringLiteral("<tr><td><a href=\"%1\">%2</a></td><td>%3</td><td>%4</td></tr>")
                    .arg(c.url.toHtmlEscaped(), c.name.toHtmlEscaped(),
                        c.version.isEmpty() ? QStringLiteral("—") : c.version.toHtmlEscaped(),
                        c.licence.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    auto *libraries = new QTextBrowser(this);
    libraries->setObjectName(QStringLiteral("aboutLibraries"));
    libraries->setOpenExternalLinks(true);
    libraries->setHtml(html);
    layout->addWidget(libraries);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(560, 380);
}

QAction *addHelpMenu(QMainWindow *window)
{
    QMenu *help = window->menuBar()->addMenu(AboutDialog::tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *about = help->addAction(AboutDialog::tr("&About Kairos"));
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
    QObject::connect(about, &QAction::triggered, window, [window]() {
        AboutDialog dialog(window);
        dialog.exec();
    });
    QAction *aboutQt = help->addAction(AboutDialog::tr("About &Qt"));
    aboutQt->setObjectName(QStringLiteral("aboutQtAction"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    QObject::connect(aboutQt, &QAction::triggered, window, []() { QApplication::aboutQt(); });
    return about;
}

} // namespace kairos
