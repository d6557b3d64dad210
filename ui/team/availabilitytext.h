#pragma once

#include "scheduling/participant.h"
#include "team/staleness.h"

#include <QCoreApplication>
#include <QString>

namespace kairos {

//! \brief Translated words for the availability structures of src/team (the core never words
//! anything the user reads).
class AvailabilityText {
    Q_DECLARE_TR_FUNCTIONS(AvailabilityText)
public:
    //! "Bob's availability is from 3 days ago", "Carol has not shared availability"; empty when
    //! the snapshot is fresh and covers the window. With `partial`: "… is only known until …".
    static QString note(const team::MemberAvailability &member, const team::Staleness &staleness);
    //! "3 days ago", "5 hours ago", "just now".
    static QString age(const team::Staleness &staleness);
    static QString status(scheduling::BusyStatus status);
    //! "New York" for America/New_York.
    static QString city(const QTimeZone &zone);
};

} // namespace kairos
