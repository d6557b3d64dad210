// Build-integrity probe (never part of the normal build): code that links only kairos-core
// must not be able to include QtWidgets. tests/core/CMakeLists.txt expects this to fail.
#include <QWidget>

int main()
{
    QWidget w;
    return w.isVisible() ? 1 : 0;
}
