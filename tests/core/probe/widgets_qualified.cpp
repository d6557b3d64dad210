// Build-integrity probe: even with the module-qualified path (the Qt include root is on the
// path for QtCore), a QWidget cannot be built against kairos-core alone: it does not link.
#if __has_include(<QtWidgets/QWidget>)
#include <QtWidgets/QWidget>

int main()
{
    QWidget w;
    return w.isVisible() ? 1 : 0;
}
#else
#error "QtWidgets headers are not installed, so they cannot be used either"
#endif
