// Read first (-include) by compile_platform_files.py's strict-POSIX pass. libstdc++ on glibc
// needs _GNU_SOURCE for itself (g++ always defines it), so the C++ library and Qt are read with
// it here; then the GNU and BSD extensions are switched off, and every system header the checked
// file includes afterwards (<sys/socket.h>, <unistd.h>, ...) declares POSIX.1-2008 only.
#include <bits/stdc++.h>

#include <QtCore/QtCore>
#include <QtNetwork/QtNetwork>

#undef _GNU_SOURCE
#undef _DEFAULT_SOURCE
#undef __USE_GNU
#undef __USE_MISC
