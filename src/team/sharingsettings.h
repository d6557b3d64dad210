#pragma once

#include "scheduling/workinghours.h"
#include "team/snapshotbuilder.h"

#include <QObject>
#include <QString>
#include <QTimeZone>

namespace kairos {
class Profile;
}

namespace kairos::team {

//! \brief Per-profile availability settings (QSettings group [availability]; nothing secret):
//! working hours, horizon, whether to share an e-mail, and sharing on/off per room.
//!
//! Sharing is ON by default for every room. Working hours default to Mon–Fri 09:00–17:00 in
//! the profile's zone.
class SharingSettings final : public QObject {
    Q_OBJECT
public:
    explicit SharingSettings(const Profile &profile, QObject *parent = nullptr);

    static scheduling::WorkingHours defaultWorkingHours();

    scheduling::WorkingHours workingHours() const;
    void setWorkingHours(const scheduling::WorkingHours &hours);

    int horizonWeeks() const;
    void setHorizonWeeks(int weeks); //!< clamped to 1..26

    //! The calendar e-mail to share (empty: none). Set by the app from the connected account.
    QString email() const;
    void setEmail(const QString &email);

    //! `roomKey` identifies a room per profile (the chat controller's room id).
    bool isSharing(const QString &roomKey) const;
    void setSharing(const QString &roomKey, bool on);

    QTimeZone zone() const;
    //! The snapshot options these settings give (zone, hours, horizon, e-mail; `now` unset).
    SnapshotOptions snapshotOptions() const;

Q_SIGNALS:
    //! Working hours, horizon or e-mail changed: republish.
    void changed();
    void sharingChanged(const QString &roomKey, bool on);

private:
    const Profile &m_profile;
};

} // namespace kairos::team
