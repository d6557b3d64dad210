// kairos: the desktop app.
#include "desktopapp.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    return kairos::runDesktopApp(app);
}
