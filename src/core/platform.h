#pragma once
// Which operating-system APIs this build may use outside Qt. Every include of a POSIX, Linux,
// macOS or Windows header under src/, app/, ui/ and tests/ sits behind one of these macros (or a
// Q_OS_* test) with a portable, Qt-only fallback beside it; tests/portability checks that no
// new unguarded use gets in. Configuring with -DKAIROS_PORTABLE_ONLY=ON sets every macro to 0,
// so the fallbacks are compiled (and tested) on this platform too.
#include <QtGlobal>

#if defined(KAIROS_PORTABLE_ONLY) && KAIROS_PORTABLE_ONLY
#define KAIROS_PLATFORM_POSIX 0
#define KAIROS_PLATFORM_LINUX 0
#else
//! POSIX sockets, signals and file descriptors (Linux, macOS, the BSDs).
#if defined(Q_OS_UNIX)
#define KAIROS_PLATFORM_POSIX 1
#else
#define KAIROS_PLATFORM_POSIX 0
#endif
//! Linux only: /proc, CLOCK_BOOTTIME.
#if defined(Q_OS_LINUX)
#define KAIROS_PLATFORM_LINUX 1
#else
#define KAIROS_PLATFORM_LINUX 0
#endif
#endif
