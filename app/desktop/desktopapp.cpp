#include "desktopapp.h"

#include "calendar/calendarservice.h"
#include "core/logging.h"
#include "core/profile.h"
#include "mainwindow.h"
#include "store/database.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QMessageBox>
#include <QTimer>
#include <QTranslator>

namespace kairos {

namespace {

void installTranslations(QApplication &app, const QString &lang)
{
    const QLocale locale = lang.isEmpty() ? QLocale::system() : QLocale(lang);
    QLocale::setDefault(locale);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        app.installTranslator(qt);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, QStringLiteral("kairos"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        app.installTranslator(ours);
}

} // namespace

int runDesktopApp(QApplication &app)
{
    QApplication::setApplicationName(QStringLiteral("Kairos"));
    QApplication::setOrganizationName(QStringLiteral("Kairos"));
    QApplication::setApplicationDisplayName(QStringLiteral("Kairos"));
    QApplication::setDesktopFileName(QStringLiteral("io.github.kairos.Kairos"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/kairos.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Kairos — team chat and calendars"));
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("profile"),
                       QStringLiteral("Use a separate profile (data, settings, keychain entries)."),
                       QStringLiteral("NAME"), Profile::defaultName() });
    parser.addOption({ QStringLiteral("lang"), QStringLiteral("User interface language (en, es)."),
                       QStringLiteral("LANG") });
    parser.process(app);

    installTranslations(app, parser.value(QStringLiteral("lang")));

    const QString profileName = parser.value(QStringLiteral("profile"));
    if (!Profile::isValidName(profileName)) {
        QMessageBox::critical(nullptr, QObject::tr("Kairos"),
                              QObject::tr("“%1” is not a valid profile name. Use letters, digits, "
                                          "dots, dashes and underscores.")
                                      .arg(profileName));
        return 2;
    }
    static Profile profile(profileName);
    if (auto r = profile.ensureDirs(); !r) {
        QMessageBox::critical(nullptr, QObject::tr("Kairos"),
                              QObject::tr("Kairos cannot create its data folder:\n%1\n\nCheck "
                                          "that the disk is not full and that you may write there.")
                                      .arg(profile.dataDir()));
        return 1;
    }

    auto opened = Database::open(profile.databasePath(), profile.backupDir(), QStringLiteral("main"));
    if (!opened) {
        QMessageBox::critical(nullptr, QObject::tr("Kairos"),
                              QObject::tr("Kairos cannot open its database:\n%1\n\n%2")
                                      .arg(profile.databasePath(), opened.error().message));
        return 1;
    }
    std::unique_ptr<Database> db = std::move(opened.value());

    CalendarService calendar(*db, profile.timeZone());
    calendar.ensureLocalCalendar(QObject::tr("My calendar"));

    MainWindow window(calendar, profile);
    window.show();

    const Database::OpenReport report = db->openReport();
    if (report.recovered) {
        QTimer::singleShot(0, &window, [&window, report]() {
            const QString text = report.restoredBackup.isEmpty()
                    ? QObject::tr("Your calendar database could not be read, so Kairos started "
                                  "with an empty one. The damaged file was kept, untouched, at:\n%1")
                              .arg(QDir::toNativeSeparators(report.quarantinedPath))
                    : QObject::tr("Your calendar database could not be read, so Kairos restored "
                                  "the latest automatic backup (%1). The damaged file was kept, "
                                  "untouched, at:\n%2")
                              .arg(QDir::toNativeSeparators(report.restoredBackup),
                                   QDir::toNativeSeparators(report.quarantinedPath));
            QMessageBox box(QMessageBox::Warning, QObject::tr("Database recovered"), text,
                            QMessageBox::Ok, &window);
            box.setObjectName(QStringLiteral("databaseRecoveredBox"));
            box.setDetailedText(report.reason);
            box.exec();
        });
    }

    // Keep a daily backup, after the window is up so start-up stays fast.
    QTimer::singleShot(3000, &window, [&db]() {
        if (auto r = db->backupIfOlderThan(24 * 3600); !r)
            qCWarning(lcStore) << "automatic backup failed:" << r.error().message;
    });

    return app.exec();
}

} // namespace kairos
