#include "team/sharingbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace kairos {

SharingBar::SharingBar(team::AvailabilityPublisher *publisher, QWidget *parent)
    : QWidget(parent)
    , m_publisher(publisher)
{
    setObjectName(QStringLiteral("availabilitySharingBar"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 2, 8, 2);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("sharingLabel"));
    m_label->setWordWrap(true);
    m_toggle = new QPushButton(this);
    m_toggle->setObjectName(QStringLiteral("sharingToggle"));
    m_toggle->setFlat(true);
    m_toggle->setCursor(Qt::PointingHandCursor);
    m_toggle->setStyleSheet(QStringLiteral("color: palette(link); text-decoration: underline;"));
    layout->addWidget(m_label, 1);
    layout->addWidget(m_toggle);
    connect(m_toggle, &QPushButton::clicked, this, [this]() {
        if (m_publisher)
            m_publisher->setSharing(!m_publisher->isSharing());
    });
    if (m_publisher) {
        connect(
            m_publisher, &team::AvailabilityPublisher::sharingChanged, this, &SharingBar::update);
    }
    update();
}

QString SharingBar::text() const
{
    return m_label->text();
}

void SharingBar::update()
{
    const bool on = !m_publisher || m_publisher->isSharing();
    m_label->setText(on ? tr("Sharing your availability (busy times only)")
                        : tr("Not sharing your availability in this room"));
    m_label->setToolTip(on ? tr("Members of this room see when you are busy — never titles, places "
                                "or attendees — and your working hours and time zone.")
                           : tr("Members of this room cannot see when you are free."));
    m_toggle->setText(on ? tr("Turn off") : tr("Turn on"));
    m_toggle->setAccessibleName(on ? tr("Stop sharing your availability with this room")
                                   : tr("Share your availability with this room"));
}

} // namespace kairos
