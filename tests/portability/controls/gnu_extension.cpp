// Control for compile_platform_files.py: compiles as the build compiles, and must NOT compile
// in the strict-POSIX pass (accept4 is a GNU extension), or that pass proves nothing.
#include "core/platform.h"

#if KAIROS_PLATFORM_POSIX
#include <sys/socket.h>

int acceptOne(int fd)
{
    return accept4(fd, nullptr, nullptr, SOCK_CLOEXEC);
}
#endif
