#pragma once

#include <QString>

namespace kairos {

//! \brief A failure the core reports. `ui/` maps the code to translated text;
//! `message` is detail for logs and for the "details" part of an error dialog.
struct Error {
    //! Codes are grouped in bands by severity, like libQuotient's BaseJob::Status.
    enum class Code {
        // 1xx: bad input from a user or a file
        InvalidInput = 100,
        ParseError,
        NotFound,
        Conflict,
        ReadOnly,
        // 2xx: storage
        StorageUnavailable = 200,
        StorageCorrupt,
        MigrationFailed,
        WriteFailed,
        // 3xx: network and providers
        NetworkError = 300,
        Timeout,
        Unauthorised,
        NeedsReconnect,
        RateLimited,
        ServerError,
        ProtocolError,
        // 4xx: system services
        KeychainUnavailable = 400,
        KeychainError,
        NotConfigured,
        Cancelled,
        // 9xx
        Internal = 900,
    };

    Code code = Code::Internal;
    QString message;

    static Error make(Code code, QString message = {}) { return Error { code, std::move(message) }; }
    //! A stable machine name for the code, e.g. "storage_corrupt".
    QString codeName() const;
};

} // namespace kairos
