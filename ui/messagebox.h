#pragma once

#include <QMessageBox>

namespace kairos {

//! \brief QMessageBox with a test hook, in the style of KeePassXC gui/MessageBox.h.
//!
//! Tests call setNextAnswer(); the next question / warning / critical returns that answer at
//! once without showing anything, so confirmations never block an offscreen test.
class MessageBox {
public:
    using Button = QMessageBox::StandardButton;
    using Buttons = QMessageBox::StandardButtons;

    static Button question(QWidget *parent, const QString &title, const QString &text,
        Buttons buttons = QMessageBox::Yes | QMessageBox::No,
        Button defaultButton = QMessageBox::NoButton);
    static Button warning(QWidget *parent, const QString &title, const QString &text,
        Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::NoButton);
    static Button critical(QWidget *parent, const QString &title, const QString &text,
        Buttons buttons = QMessageBox::Ok, Button defaultButton = QMessageBox::NoButton);

    //! Test hook: the next call returns `answer` without showing a box.
    static void setNextAnswer(Button answer);
    //! How many boxes were asked for (shown or answered by the hook) since start-up.
    static int callCount();
    //! The text of the last box asked for.
    static QString lastText();

private:
    static Button ask(QMessageBox::Icon icon, QWidget *parent, const QString &title,
        const QString &text, Buttons buttons, Button defaultButton);
};

} // namespace kairos
