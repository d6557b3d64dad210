#pragma once

#include <QString>

#include <functional>

class QDialog;
class QWidget;

namespace kairos {

//! \brief QFileDialog with a test hook, like MessageBox: tests queue the next answer and no
//! native dialog is shown, so the import / export flows run offscreen.
class FileDialog {
public:
    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &dir = {},
        const QString &filter = {});
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &dir = {},
        const QString &filter = {});

    //! Test hook: the next open / save call returns `path` at once ("" = the user cancelled).
    static void setNextOpenFileName(const QString &path);
    static void setNextSaveFileName(const QString &path);
    //! How many dialogs were asked for since start-up.
    static int callCount();
};

//! \brief Runs a modal dialog with exec(), or — when a test installed a hook — hands the
//! dialog to the hook instead (it fills widgets by objectName and returns the result code).
//! Used for every dialog of the .ics flows (target chooser, report, export, subscribe).
class DialogRunner {
public:
    using Hook = std::function<int(QDialog &)>;
    static int run(QDialog &dialog);
    //! Installs (or clears, with {}) the hook for all following dialogs.
    static void setHook(Hook hook);
};

} // namespace kairos
