// Control for compile_platform_files.py: compiles as the build compiles (Linux), and must NOT
// compile in the portable pass (no fallback for the POSIX-only function), or that pass proves
// nothing.
#include "core/platform.h"

#if KAIROS_PLATFORM_POSIX
static int clockTicks()
{
    return 100;
}
#endif

int ticks()
{
    return clockTicks();
}
