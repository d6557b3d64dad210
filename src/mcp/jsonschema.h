#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace kairos::mcp {

//! \brief Checks a JSON value against the subset of JSON Schema the tool schemas use: "type"
//! (string, integer, number, boolean, object, array; or a list of them), "properties",
//! "required", "additionalProperties": false, "enum", "items", "minimum", "maximum",
//! "minLength", "minItems", "maxItems".
//!
//! Returns an empty string when `value` conforms, else the first problem, prefixed with the
//! path of the offending field ("attendees[1].email: expected a string").
QString validateJson(const QJsonValue &value, const QJsonObject &schema, const QString &path = {});

} // namespace kairos::mcp
