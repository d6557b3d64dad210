#pragma once

#include <QByteArray>
#include <QStringView>

namespace kairos {

//! Appends \a s to \a out as a JSON string literal: UTF-8, with quotes, backslashes and control
//! characters escaped (RFC 8259; \b \f \n \r \t short, the rest as \u00XX). For code that
//! writes large or frequent JSON directly instead of through QJsonDocument (room frames, MCP
//! listings).
void appendJsonString(QByteArray &out, QStringView s);

} // namespace kairos
