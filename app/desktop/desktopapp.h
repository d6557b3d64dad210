#pragma once

class QApplication;

namespace kairos {
//! Parses the command line, opens the profile and shows the main window; returns exit code.
int runDesktopApp(QApplication &app);
} // namespace kairos
