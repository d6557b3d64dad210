#include "core/error.h"

namespace kairos {

QString Error::codeName() const
{
    switch (code) {
    case Code::InvalidInput: return QStringLiteral("invalid_input");
    case Code::ParseError: return QStringLiteral("parse_error");
    case Code::NotFound: return QStringLiteral("not_found");
    case Code::Conflict: return QStringLiteral("conflict");
    case Code::ReadOnly: return QStringLiteral("read_only");
    case Code::StorageUnavailable: return QStringLiteral("storage_unavailable");
    case Code::StorageCorrupt: return QStringLiteral("storage_corrupt");
    case Code::MigrationFailed: return QStringLiteral("migration_failed");
    case Code::WriteFailed: return QStringLiteral("write_failed");
    case Code::NetworkError: return QStringLiteral("network_error");
    case Code::Timeout: return QStringLiteral("timeout");
    case Code::Unauthorised: return QStringLiteral("unauthorised");
    case Code::NeedsReconnect: return QStringLiteral("needs_reconnect");
    case Code::RateLimited: return QStringLiteral("rate_limited");
    case Code::ServerError: return QStringLiteral("server_error");
    case Code::ProtocolError: return QStringLiteral("protocol_error");
    case Code::KeychainUnavailable: return QStringLiteral("keychain_unavailable");
    case Code::KeychainError: return QStringLiteral("keychain_error");
    case Code::NotConfigured: return QStringLiteral("not_configured");
    case Code::Cancelled: return QStringLiteral("cancelled");
    case Code::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

} // namespace kairos
