#include "ics/dialoghooks.h"

#include <QDialog>
#include <QFileDialog>

#include <optional>

namespace kairos {

namespace {
std::optional<QString> g_nextOpen;
std::optional<QString> g_nextSave;
int g_fileCalls = 0;
DialogRunner::Hook g_hook;
} // namespace

QString FileDialog::getOpenFileName(
    QWidget *parent, const QString &caption, const QString &dir, const QString &filter)
{
    ++g_fileCalls;
    if (g_nextOpen) {
        const QString path = *g_nextOpen;
        g_nextOpen.reset();
        return path;
    }
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString FileDialog::getSaveFileName(
    QWidget *parent, const QString &caption, const QString &dir, const QString &filter)
{
    ++g_fileCalls;
    if (g_nextSave) {
        const QString path = *g_nextSave;
        g_nextSave.reset();
        return path;
    }
    return QFileDialog::getSaveFileName(parent, caption, dir, filter);
}

void FileDialog::setNextOpenFileName(const QString &path)
{
    g_nextOpen = path;
}

void FileDialog::setNextSaveFileName(const QString &path)
{
    g_nextSave = path;
}

int FileDialog::callCount()
{
    return g_fileCalls;
}

int DialogRunner::run(QDialog &dialog)
{
    if (g_hook)
        return g_hook(dialog);
    return dialog.exec();
}

void DialogRunner::setHook(Hook hook)
{
    g_hook = std::move(hook);
}

} // namespace kairos
