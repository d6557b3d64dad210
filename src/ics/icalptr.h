#pragma once

#include <libical/ical.h>

#include <QByteArray>

#include <cstdlib>
#include <memory>

namespace kairos::ics {

//! \brief Owning pointers for libical objects (internal to src/ics).
struct IcalComponentDeleter {
    void operator()(icalcomponent *c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, IcalComponentDeleter>;

//! A component serialised by libical (CRLF, folding, escaping), as bytes.
inline QByteArray componentText(icalcomponent *c)
{
    char *s = icalcomponent_as_ical_string_r(c);
    QByteArray out(s);
    std::free(s);
    return out;
}

//! A property serialised by libical, without its trailing CRLF and unfolded.
inline QByteArray propertyLine(icalproperty *p)
{
    char *s = icalproperty_as_ical_string_r(p);
    QByteArray out(s);
    std::free(s);
    out.replace("\r\n ", "");
    while (out.endsWith('\n') || out.endsWith('\r'))
        out.chop(1);
    return out;
}

//! Call once before using libical: errors are reported, never fatal.
void initLibical();

} // namespace kairos::ics
