// Build-integrity control: the same setup as the QtWidgets probes, with only QtCore and the
// core library. It must build, so that the probes fail because of QtWidgets and nothing else.
#include "core/clock.h"

#include <QString>

int main()
{
    return kairos::Clock::nowUtc().isValid() && !QString().isNull() ? 1 : 0;
}
