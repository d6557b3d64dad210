#include "conflictsdialog.h"

#include "mainwindow.h"
#include "messagebox.h"
#include "sync/syncengine.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace kairos {

namespace {

QString whenText(const Event &e)
{
    const QLocale locale;
    if (e.allDay)
        return locale.toString(e.startDate, QLocale::LongFormat);
    return locale.toString(e.start, QLocale::LongFormat);
}

} // namespace

ConflictsDialog::ConflictsDialog(SyncEngine &engine, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_list(new QListWidget(this))
    , m_details(new QLabel(this))
    , m_keepServer(nullptr)
    , m_reapply(nullptr)
{
    setObjectName(QStringLiteral("conflictsDialog"));
    setWindowTitle(tr("Sync conflicts"));
    setModal(false);
    m_list->setObjectName(QStringLiteral("conflictList"));
    m_details->setObjectName(QStringLiteral("conflictDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_keepServer = buttons->addButton(tr("Keep server version"), QDialogButtonBox::ActionRole);
    m_keepServer->setObjectName(QStringLiteral("keepServerButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_keepServer, &QPushButton::clicked, this, [this]() {
        QListWidgetItem *item = m_list->currentItem();
        if (!item)
            return;
        (void)m_engine.dismissConflict(item->data(Qt::UserRole).toLongLong());
        reload();
    });
    m_reapply = buttons->addButton(tr("Reapply my edit"), QDialogButtonBox::ActionRole);
    m_reapply->setObjectName(QStringLiteral("reapplyButton"));
    m_reapply->setToolTip(tr("Send your edit again, on top of the server's version shown here"));
    connect(m_reapply, &QPushButton::clicked, this, [this]() {
        QListWidgetItem *item = m_list->currentItem();
        if (!item)
            return;
        if (auto r = m_engine.reapplyConflict(item->data(Qt::UserRole).toLongLong()); !r)
            MessageBox::warning(this, tr("Could not reapply your edit"), errorText(r.error()));
        reload();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &ConflictsDialog::showCurrent);
    connect(&engine, &SyncEngine::conflictAdded, this, &ConflictsDialog::reload);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list);
    layout->addWidget(m_details, 1);
    layout->addWidget(buttons);
    resize(520, 380);
    reload();
}

ConflictsDialog::~ConflictsDialog() = default;

void ConflictsDialog::reload()
{
    m_list->clear();
    const QList<SyncConflict> all = m_engine.conflicts();
    for (const SyncConflict &c : all) {
        const QString title = c.local.title.isEmpty() ? tr("(No title)") : c.local.title;
        auto *item = new QListWidgetItem(title, m_list);
        item->setData(Qt::UserRole, c.id);
        item->setData(Qt::UserRole + 1, c.kind);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    showCurrent();
}

void ConflictsDialog::showCurrent()
{
    QListWidgetItem *item = m_list->currentItem();
    m_keepServer->setEnabled(item != nullptr);
    m_reapply->setEnabled(
        item && item->data(Qt::UserRole + 1).toString() != QLatin1String("rejected"));
    if (!item) {
        m_details->setText(tr("There are no sync conflicts."));
        return;
    }
    const qint64 id = item->data(Qt::UserRole).toLongLong();
    const QList<SyncConflict> all = m_engine.conflicts();
    for (const SyncConflict &c : all) {
        if (c.id != id)
            continue;
        QString text;
        if (c.kind == QLatin1String("deleted_on_server")) {
            text = tr("This event was deleted on the server since you loaded it. Your edit was "
                      "kept aside and was not sent.");
        } else if (c.kind == QLatin1String("rejected")) {
            text = tr("The server refused your edit of this event. Your edit was kept aside; "
                      "the server's version is shown.");
        } else {
            text = tr("This event was changed on the server since you loaded it. Your edit was "
                      "kept aside; the server's version is shown.")
                + QStringLiteral("\n\n")
                + tr("Server's version: “%1”, %2")
                      .arg(c.server.title.isEmpty() ? tr("(No title)") : c.server.title,
                          whenText(c.server));
            if (!c.server.location.isEmpty())
                text += QStringLiteral("\n") + tr("Location: %1").arg(c.server.location);
        }
        text += QStringLiteral("\n\n");
        if (c.local.status == EventStatus::Cancelled)
            text += tr("You deleted it.");
        else
            text += tr("Your edit: “%1”, %2")
                        .arg(c.local.title.isEmpty() ? tr("(No title)") : c.local.title,
                            whenText(c.local));
        m_details->setText(text);
        return;
    }
}

} // namespace kairos
