#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QAction;
class QMainWindow;

namespace kairos {

//! \brief Help → About Kairos: the version (QCoreApplication::applicationVersion(), set from
//! the one version in CMake) and the libraries Kairos is built on, each with its licence.
class AboutDialog final : public QDialog {
    Q_OBJECT
public:
    struct Component {
        QString name;
        QString version; //!< the one this build runs with (empty: not known at run time)
        QString licence; //!< SPDX expression
        QString url; //!< where the licence and the source are
    };
    //! Qt, QtKeychain, libical and SQLite, with the versions this process uses.
    static QList<Component> components();

    explicit AboutDialog(QWidget *parent = nullptr);
};

//! Adds a Help menu ("helpMenu") with About Kairos ("aboutAction") and About Qt to \a window.
QAction *addHelpMenu(QMainWindow *window);

} // namespace kairos
