#pragma once

namespace kairos {

//! \brief Options of a write (create / update / delete) as the user asked for it.
struct WriteOptions {
    bool sendUpdates = false; //!< invite / notify attendees (only when the user asked)
};

} // namespace kairos
