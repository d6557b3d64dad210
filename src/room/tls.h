#pragma once

#include "core/expected.h"

#include <QSslConfiguration>

namespace kairos::room {

//! The server side TLS configuration from a PEM certificate chain and its RSA or EC private
//! key (kairos-server --tls-cert/--tls-key, "Host a room on this computer"). Errors:
//! NotFound (a file cannot be read), InvalidInput (not PEM, or no certificate / key in it).
Expected<QSslConfiguration> loadServerTls(const QString &certPath, const QString &keyPath);

} // namespace kairos::room
