#include "settings/accountspage.h"

#include "auth/accountmanager.h"
#include "core/futures.h"
#include "messagebox.h"
#include "settings/caldavaccountdialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kairos {

namespace {
enum Column { EmailColumn, ProviderColumn, StatusColumn, SyncedColumn };
}

AccountsPage::AccountsPage(AccountManager &manager, QWidget *parent)
    : QWidget(parent)
    , m_manager(manager)
{
    auto *layout = new QVBoxLayout(this);

    auto *buttons = new QHBoxLayout;
    m_connectGoogle = new QPushButton(tr("Connect Google Calendar"), this);
    m_connectGoogle->setObjectName(QStringLiteral("connectGoogleButton"));
    m_connectMicrosoft = new QPushButton(tr("Connect Outlook"), this);
    m_connectMicrosoft->setObjectName(QStringLiteral("connectMicrosoftButton"));
    m_connectCalDav = new QPushButton(tr("Add CalDAV account…"), this);
    m_connectCalDav->setObjectName(QStringLiteral("connectCalDavButton"));
    m_connectCalDav->setToolTip(tr("iCloud, Fastmail, Nextcloud or any CalDAV server"));
    buttons->addWidget(m_connectGoogle);
    buttons->addWidget(m_connectMicrosoft);
    buttons->addWidget(m_connectCalDav);
    buttons->addStretch();
    layout->addLayout(buttons);

    m_googleUnavailable = new QLabel(tr("This build has no Google client ID — see README."), this);
    m_googleUnavailable->setObjectName(QStringLiteral("googleUnavailableLabel"));
    m_microsoftUnavailable
        = new QLabel(tr("This build has no Microsoft client ID — see README."), this);
    m_microsoftUnavailable->setObjectName(QStringLiteral("microsoftUnavailableLabel"));
    layout->addWidget(m_googleUnavailable);
    layout->addWidget(m_microsoftUnavailable);

    auto *waitRow = new QHBoxLayout;
    m_waiting = new QLabel(tr("Waiting for you to sign in with your browser…"), this);
    m_waiting->setObjectName(QStringLiteral("waitingLabel"));
    m_cancel = new QPushButton(tr("Cancel"), this);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    waitRow->addWidget(m_waiting);
    waitRow->addWidget(m_cancel);
    waitRow->addStretch();
    layout->addLayout(waitRow);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("accountList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({ tr("Account"), tr("Provider"), tr("Status") });
    m_list->header()->setSectionResizeMode(EmailColumn, QHeaderView::Stretch);
    layout->addWidget(m_list, 1);

    auto *rowButtons = new QHBoxLayout;
    m_reconnect = new QPushButton(tr("Reconnect"), this);
    m_reconnect->setObjectName(QStringLiteral("reconnectButton"));
    m_disconnect = new QPushButton(tr("Disconnect…"), this);
    m_disconnect->setObjectName(QStringLiteral("disconnectButton"));
    rowButtons->addStretch();
    rowButtons->addWidget(m_reconnect);
    rowButtons->addWidget(m_disconnect);
    layout->addLayout(rowButtons);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setTextFormat(Qt::PlainText); // carries the provider's error text
    m_message->setWordWrap(true);
    layout->addWidget(m_message);

    connect(m_connectGoogle, &QPushButton::clicked, this, [this]() {
        m_message->clear();
        m_manager.connectProvider(Provider::Google);
        updateButtons();
    });
    connect(m_connectMicrosoft, &QPushButton::clicked, this, [this]() {
        m_message->clear();
        m_manager.connectProvider(Provider::Microsoft);
        updateButtons();
    });
    connect(m_connectCalDav, &QPushButton::clicked, this, [this]() {
        m_message->clear();
        openPasswordDialog(QString());
    });
    connect(m_cancel, &QPushButton::clicked, this, [this]() { m_manager.cancelConnect(); });
    connect(m_reconnect, &QPushButton::clicked, this, [this]() {
        if (const QString id = selectedId(); !id.isEmpty()) {
            m_message->clear();
            const auto a = m_manager.account(id);
            if (a && m_manager.providerConfig(a->provider).usesPassword())
                openPasswordDialog(id); // no browser: the password is asked here
            else
                m_manager.reconnect(id);
            updateButtons();
        }
    });
    connect(m_disconnect, &QPushButton::clicked, this, [this]() {
        const QString id = selectedId();
        const auto account = m_manager.account(id);
        if (!account)
            return;
        const bool go = m_confirm ? m_confirm(account->email)
                                  : MessageBox::question(this, tr("Disconnect account"),
                                        tr("Disconnect %1? Kairos revokes its access, deletes "
                                           "its sign-in from the keychain and removes its "
                                           "calendars and events from this computer.")
                                            .arg(account->email),
                                        QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
                == QMessageBox::Yes;
        if (!go)
            return;
        onFinished(m_manager.disconnectAccount(id), this, [this](const Expected<void> &r) {
            if (!r)
                m_message->setText(r.error().code == Error::Code::KeychainUnavailable
                        ? tr("No keychain service answered, so the sign-in could not "
                             "be deleted. Start your keyring (e.g. GNOME Keyring or "
                             "KWallet) and try again.")
                        : tr("Could not disconnect: %1").arg(r.error().message));
        });
    });
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &AccountsPage::updateButtons);
    connect(&m_manager, &AccountManager::accountsChanged, this, &AccountsPage::rebuild);
    connect(&m_manager, &AccountManager::accountStatusChanged, this, &AccountsPage::rebuild);
    connect(&m_manager, &AccountManager::connectFinished, this, [this](const Expected<Account> &r) {
        onConnectFinished(r ? QString() : r.error().message, r ? QString() : r.error().codeName());
    });
    rebuild();
}

AccountsPage::~AccountsPage() = default;

CalDavAccountDialog *AccountsPage::openPasswordDialog(const QString &accountId)
{
    auto *dialog = new CalDavAccountDialog(m_manager, accountId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
    return dialog;
}

QString AccountsPage::providerLabel(Provider provider)
{
    switch (provider) {
    case Provider::Google:
        return tr("Google");
    case Provider::Microsoft:
        return tr("Outlook");
    case Provider::CalDav:
        return tr("CalDAV");
    }
    return {};
}

QString AccountsPage::statusText(Account::Status status)
{
    switch (status) {
    case Account::Status::Connected:
        return tr("Connected");
    case Account::Status::Refreshing:
        return tr("Refreshing…");
    case Account::Status::NeedsReconnect:
        return tr("Reconnect needed");
    case Account::Status::Offline:
        return tr("Offline");
    }
    return {};
}

QString AccountsPage::reasonText(const QString &reason)
{
    if (reason.isEmpty())
        return {};
    if (reason == QLatin1String("no_stored_token"))
        return tr("its sign-in is missing from the keychain");
    if (reason == QLatin1String("unreadable_stored_token"))
        return tr("its sign-in in the keychain is damaged");
    if (reason.contains(QLatin1String("AADSTS700082"))
        || reason.contains(QLatin1String("AADSTS70008")))
        return tr("the sign-in expired after a long time unused");
    if (reason.startsWith(QLatin1String("interaction_required"))
        || reason.startsWith(QLatin1String("consent_required")))
        return tr("the provider asks you to sign in again");
    if (reason.startsWith(QLatin1String("invalid_grant")))
        return tr("access was revoked or has expired");
    if (reason == QLatin1String("invalid_credentials"))
        return tr("the server refused the password (changed or revoked)");
    return tr("the provider refused the sign-in");
}

void AccountsPage::setLastSyncedText(std::function<QString(const QString &)> text)
{
    m_lastSynced = std::move(text);
    m_list->setHeaderLabels(m_lastSynced
            ? QStringList { tr("Account"), tr("Provider"), tr("Status"), tr("Last synced") }
            : QStringList { tr("Account"), tr("Provider"), tr("Status") });
    rebuild();
}

void AccountsPage::rebuild()
{
    const QString selected = selectedId();
    m_list->clear();
    for (const Account &a : m_manager.accounts()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(EmailColumn, Qt::UserRole, a.id);
        item->setText(EmailColumn, a.email);
        item->setText(ProviderColumn, providerLabel(a.provider));
        QString status = statusText(a.status);
        if (a.status == Account::Status::NeedsReconnect && !a.statusReason.isEmpty())
            status = tr("%1: %2").arg(status, reasonText(a.statusReason));
        item->setText(StatusColumn, status);
        item->setToolTip(StatusColumn, status);
        if (m_lastSynced) {
            const QString synced = m_lastSynced(a.id);
            item->setText(SyncedColumn, synced);
            item->setToolTip(SyncedColumn, synced);
        }
        if (a.id == selected)
            item->setSelected(true);
    }
    updateButtons();
}

void AccountsPage::updateButtons()
{
    const bool busy = m_manager.isConnecting();
    const bool google = m_manager.isConfigured(Provider::Google);
    const bool microsoft = m_manager.isConfigured(Provider::Microsoft);
    m_connectGoogle->setEnabled(google && !busy);
    m_connectMicrosoft->setEnabled(microsoft && !busy);
    m_connectGoogle->setToolTip(google ? QString() : m_googleUnavailable->text());
    m_connectMicrosoft->setToolTip(microsoft ? QString() : m_microsoftUnavailable->text());
    m_googleUnavailable->setVisible(!google);
    m_microsoftUnavailable->setVisible(!microsoft);
    m_waiting->setVisible(busy);
    m_cancel->setVisible(busy);
    const bool hasSelection = !selectedId().isEmpty();
    m_reconnect->setEnabled(hasSelection && !busy);
    m_connectCalDav->setEnabled(!busy);
    m_disconnect->setEnabled(hasSelection && !busy);
}

void AccountsPage::onConnectFinished(const QString &error, const QString &codeName)
{
    updateButtons();
    if (error.isEmpty() && codeName.isEmpty()) {
        m_message->setText(tr("Account connected."));
        return;
    }
    if (codeName == QLatin1String("keychain_unavailable"))
        m_message->setText(
            tr("No keychain service answered (%1). Kairos keeps sign-ins only in the "
               "system keychain, so nothing was saved. Start GNOME Keyring, KWallet or "
               "another Secret Service and try again.")
                .arg(error));
    else if (codeName == QLatin1String("cancelled"))
        m_message->setText(error.startsWith(QLatin1String("access_denied"))
                ? tr("Access was not granted in the browser.")
                : tr("Sign-in cancelled."));
    else if (codeName == QLatin1String("timeout"))
        m_message->setText(tr("The sign-in timed out. Try again."));
    else if (codeName == QLatin1String("conflict"))
        m_message->setText(tr(
            "You signed in as a different account. Reconnect with the account shown in the list."));
    else if (codeName == QLatin1String("not_configured"))
        m_message->setText(tr("This build has no client ID for that provider — see README."));
    else
        m_message->setText(tr("Could not connect: %1").arg(error));
}

QString AccountsPage::selectedId() const
{
    const auto items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(EmailColumn, Qt::UserRole).toString();
}

} // namespace kairos
