#include "reminders/reminderswindow.h"

#include "core/clock.h"
#include "reminders/reminderscontroller.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kairos {

namespace {

constexpr int kKeyRole = Qt::UserRole;
constexpr int kEventRole = Qt::UserRole + 1;
constexpr int kStartRole = Qt::UserRole + 2;

} // namespace

RemindersWindow::RemindersWindow(ReminderService &service, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_service(service)
{
    setObjectName(QStringLiteral("remindersWindow"));
    setWindowTitle(tr("Reminders"));
    auto *layout = new QVBoxLayout(this);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("remindersList"));
    m_list->setHeaderLabels({ tr("Event"), tr("When"), tr("Status") });
    m_list->setRootIsDecorated(false);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(false);
    layout->addWidget(m_list);
    m_empty = new QLabel(tr("No reminders right now."), this);
    m_empty->setObjectName(QStringLiteral("remindersEmptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_empty);

    auto *buttons = new QHBoxLayout;
    m_open = new QPushButton(tr("&Open"), this);
    m_open->setObjectName(QStringLiteral("openReminderButton"));
    m_snooze = new QToolButton(this);
    m_snooze->setObjectName(QStringLiteral("snoozeReminderButton"));
    m_snooze->setText(tr("&Snooze"));
    m_snooze->setPopupMode(QToolButton::InstantPopup);
    m_snooze->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *menu = new QMenu(m_snooze);
    menu->setObjectName(QStringLiteral("snoozeMenu"));
    for (int minutes : { 5, 10, 15, 30, 60 }) {
        QAction *a = menu->addAction(
            minutes < 60 ? tr("%n minute(s)", "", minutes) : tr("%n hour(s)", "", minutes / 60));
        a->setObjectName(QStringLiteral("snooze%1Action").arg(minutes));
        connect(a, &QAction::triggered, this, [this, minutes]() { snoozeSelected(minutes); });
    }
    m_snooze->setMenu(menu);
    m_dismiss = new QPushButton(tr("&Dismiss"), this);
    m_dismiss->setObjectName(QStringLiteral("dismissReminderButton"));
    m_dismissAll = new QPushButton(tr("Dismiss &All"), this);
    m_dismissAll->setObjectName(QStringLiteral("dismissAllRemindersButton"));
    buttons->addWidget(m_open);
    buttons->addWidget(m_snooze);
    buttons->addStretch();
    buttons->addWidget(m_dismiss);
    buttons->addWidget(m_dismissAll);
    layout->addLayout(buttons);

    connect(m_open, &QPushButton::clicked, this, [this]() {
        const QTreeWidgetItem *it = m_list->currentItem();
        if (it)
            Q_EMIT openEvent(
                it->data(0, kEventRole).toString(), it->data(0, kStartRole).toDateTime());
    });
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *it) {
        Q_EMIT openEvent(it->data(0, kEventRole).toString(), it->data(0, kStartRole).toDateTime());
    });
    connect(m_dismiss, &QPushButton::clicked, this, &RemindersWindow::dismissSelected);
    connect(m_dismissAll, &QPushButton::clicked, this, [this]() {
        if (auto r = m_service.dismissAll(); !r)
            report(r.error());
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &RemindersWindow::updateButtons);
    connect(&m_service, &ReminderService::activeChanged, this, &RemindersWindow::reload);
    resize(560, 300);
    reload();
}

QString RemindersWindow::selectedKey() const
{
    const QTreeWidgetItem *it = m_list->currentItem();
    return it ? it->data(0, kKeyRole).toString() : QString();
}

void RemindersWindow::reload()
{
    const QString keep = selectedKey();
    m_list->clear();
    const QDateTime now = Clock::nowUtc();
    const QLocale locale;
    QTreeWidgetItem *select = nullptr;
    const QList<DueReminder> active = m_service.active();
    for (const DueReminder &r : active) {
        auto *it = new QTreeWidgetItem(m_list);
        it->setText(0, r.title.isEmpty() ? tr("(No title)") : r.title);
        const QString when = r.allDay ? locale.toString(r.start.date(), QLocale::ShortFormat)
                                      : locale.toString(r.start, QLocale::ShortFormat);
        it->setText(1, r.location.isEmpty() ? when : when + QStringLiteral(" · ") + r.location);
        it->setText(2,
            r.missed ? tr("Missed — %1").arg(RemindersController::whenText(r, now))
                     : RemindersController::whenText(r, now));
        it->setData(0, kKeyRole, r.key);
        it->setData(0, kEventRole, r.eventId);
        it->setData(0, kStartRole, r.start);
        if (r.key == keep)
            select = it;
    }
    if (!select && m_list->topLevelItemCount() > 0)
        select = m_list->topLevelItem(0);
    if (select)
        m_list->setCurrentItem(select);
    m_empty->setVisible(active.isEmpty());
    m_list->setVisible(!active.isEmpty());
    updateButtons();
}

void RemindersWindow::updateButtons()
{
    const bool any = m_list->currentItem() != nullptr;
    m_open->setEnabled(any);
    m_snooze->setEnabled(any);
    m_dismiss->setEnabled(any);
    m_dismissAll->setEnabled(m_list->topLevelItemCount() > 0);
}

void RemindersWindow::snoozeSelected(int minutes)
{
    const QString key = selectedKey();
    if (key.isEmpty())
        return;
    if (auto r = m_service.snooze(key, minutes); !r)
        report(r.error());
}

void RemindersWindow::dismissSelected()
{
    const QString key = selectedKey();
    if (key.isEmpty())
        return;
    if (auto r = m_service.dismiss(key); !r)
        report(r.error());
}

void RemindersWindow::report(const Error &e)
{
    QMessageBox::warning(this, tr("Reminders"),
        tr("Kairos could not save what happened to this reminder; it may come back after a "
           "restart.\n\n%1")
            .arg(e.message));
}

} // namespace kairos
