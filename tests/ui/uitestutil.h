#pragma once

#include <QApplication>
#include <QMouseEvent>
#include <QWidget>

namespace kairos::test {

//! Sends a synthetic mouse event straight to `w` (viewport coordinates for scroll areas).
//! QTest's mouse helpers differ between Qt versions in what a move carries; this does not.
inline void sendMouse(
    QWidget *w, QEvent::Type type, QPoint pos, Qt::MouseButton button = Qt::LeftButton)
{
    const Qt::MouseButtons buttons = type == QEvent::MouseButtonRelease ? Qt::NoButton
        : type == QEvent::MouseMove                                     ? Qt::MouseButtons(button)
                                                                        : Qt::MouseButtons(button);
    QMouseEvent e(type, QPointF(pos), QPointF(w->mapToGlobal(pos)),
        type == QEvent::MouseMove ? Qt::NoButton : button, buttons, Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

inline void doubleClick(QWidget *w, QPoint pos)
{
    sendMouse(w, QEvent::MouseButtonPress, pos);
    sendMouse(w, QEvent::MouseButtonRelease, pos);
    sendMouse(w, QEvent::MouseButtonDblClick, pos);
    sendMouse(w, QEvent::MouseButtonRelease, pos);
}

inline void click(QWidget *w, QPoint pos)
{
    sendMouse(w, QEvent::MouseButtonPress, pos);
    sendMouse(w, QEvent::MouseButtonRelease, pos);
}

inline void drag(QWidget *w, QPoint from, QPoint to)
{
    sendMouse(w, QEvent::MouseButtonPress, from);
    const QPoint mid = (from + to) / 2;
    sendMouse(w, QEvent::MouseMove, mid);
    sendMouse(w, QEvent::MouseMove, to);
    sendMouse(w, QEvent::MouseButtonRelease, to);
}

} // namespace kairos::test
