#pragma once

#include "team/publisher.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace kairos {

//! \brief One line in the chat panel that says plainly whether this room sees your availability:
//! "Sharing your availability (busy times only) · Turn off" / "Not sharing … · Turn on".
//! Object names: availabilitySharingBar, sharingLabel, sharingToggle.
class SharingBar final : public QWidget {
    Q_OBJECT
public:
    explicit SharingBar(team::AvailabilityPublisher *publisher, QWidget *parent = nullptr);
    QString text() const;

private:
    void update();

    QPointer<team::AvailabilityPublisher> m_publisher;
    QLabel *m_label = nullptr;
    QPushButton *m_toggle = nullptr;
};

} // namespace kairos
