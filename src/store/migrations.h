#pragma once

#include <QStringList>

namespace kairos::store {

//! \brief The schema, as an append-only list of migrations. Migration i (0-based) takes the
//! database from `PRAGMA user_version` i to i+1. Never edit a released migration; add one.
const QList<QStringList> &migrations();

//! SQL that turns an attendees JSON column into "name e-mail name e-mail …" for the search index.
QString attendeeSearchText(const QString &column);

inline int latestSchemaVersion()
{
    return int(migrations().size());
}

} // namespace kairos::store
