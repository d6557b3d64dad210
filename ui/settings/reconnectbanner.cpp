#include "settings/reconnectbanner.h"

#include "auth/accountmanager.h"
#include "auth/tokenvault.h"
#include "core/futures.h"
#include "settings/accountspage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace kairos {

ReconnectBanner::ReconnectBanner(AccountManager &manager, QWidget *parent)
    : QFrame(parent)
    , m_manager(manager)
{
    setObjectName(QStringLiteral("reconnectBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, QColor(0xfd, 0xf3, 0xd0));
    pal.setColor(QPalette::WindowText, QColor(0x5c, 0x40, 0x00));
    setPalette(pal);

    auto *icon = new QLabel(this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(20, 20));
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("reconnectBannerLabel"));
    m_label->setWordWrap(true);
    m_reconnect = new QPushButton(tr("Reconnect"), this);
    m_reconnect->setObjectName(QStringLiteral("bannerReconnectButton"));
    m_dismiss = new QPushButton(tr("Dismiss"), this);
    m_dismiss->setObjectName(QStringLiteral("bannerDismissButton"));
    m_dismiss->setFlat(true);
    m_dismiss->setToolTip(tr("Hide this message until the account's status changes"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(icon);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_reconnect);
    layout->addWidget(m_dismiss);

    connect(m_reconnect, &QPushButton::clicked, this, [this]() {
        if (!m_accountId.isEmpty() && !m_manager.isConnecting()) {
            m_manager.reconnect(m_accountId);
            refreshState();
        }
    });
    connect(m_dismiss, &QPushButton::clicked, this, [this]() {
        if (!m_keychainProblem.isEmpty()) {
            m_keychainProblem.clear();
        } else if (const auto a = m_manager.account(m_accountId)) {
            m_dismissed.insert(a->id + QLatin1Char('|') + a->statusReason);
        }
        refreshState();
    });
    connect(&m_manager, &AccountManager::accountsChanged, this, &ReconnectBanner::refreshState);
    connect(
        &m_manager, &AccountManager::accountStatusChanged, this, &ReconnectBanner::refreshState);
    connect(&m_manager, &AccountManager::connectStarted, this, &ReconnectBanner::refreshState);
    connect(&m_manager, &AccountManager::connectFinished, this, [this](const Expected<Account> &r) {
        if (!r && r.error().code == Error::Code::KeychainUnavailable)
            setKeychainProblem(r.error().message);
        else if (r)
            m_keychainProblem.clear();
        refreshState();
    });
    refreshState();
}

ReconnectBanner::~ReconnectBanner() = default;

void ReconnectBanner::probeKeychain(ITokenVault &vault)
{
    const QList<Account> accounts = m_manager.accounts();
    if (accounts.isEmpty())
        return;
    const Account &a = accounts.first();
    onFinished(vault.read(ITokenVault::tokenKey(toString(a.provider), a.id)), this,
        [this](const Expected<QByteArray> &r) {
            if (!r && r.error().code == Error::Code::KeychainUnavailable)
                setKeychainProblem(r.error().message);
        });
}

void ReconnectBanner::setKeychainProblem(const QString &detail)
{
    m_keychainProblem = detail.isEmpty() ? QString() : detail;
    refreshState();
}

QString ReconnectBanner::text() const
{
    return m_label->text();
}

void ReconnectBanner::refreshState()
{
    m_accountId.clear();
    if (!m_keychainProblem.isEmpty()) {
        m_label->setText(tr("No keychain service answered (%1), so Kairos cannot read or "
                            "save your sign-ins. Start GNOME Keyring, KWallet or another "
                            "Secret Service and restart Kairos.")
                             .arg(m_keychainProblem));
        m_reconnect->hide();
        setVisible(true);
        return;
    }
    QList<Account> waiting;
    for (const Account &a : m_manager.accounts()) {
        if (a.status == Account::Status::NeedsReconnect
            && !m_dismissed.contains(a.id + QLatin1Char('|') + a.statusReason))
            waiting << a;
    }
    // Forget dismissals of accounts that are fine again, so a new problem shows.
    for (const Account &a : m_manager.accounts()) {
        if (a.status == Account::Status::Connected) {
            const QString prefix = a.id + QLatin1Char('|');
            m_dismissed.removeIf([&prefix](const QString &k) { return k.startsWith(prefix); });
        }
    }
    if (waiting.isEmpty()) {
        m_label->clear();
        setVisible(false);
        return;
    }
    const Account &a = waiting.first();
    m_accountId = a.id;
    const QString provider = AccountsPage::providerLabel(a.provider);
    const QString reason = AccountsPage::reasonText(a.statusReason);
    QString text = reason.isEmpty()
        ? tr("Your %1 account %2 needs to be reconnected.").arg(provider, a.email)
        : tr("Your %1 account %2 needs to be reconnected: %3").arg(provider, a.email, reason);
    if (waiting.size() > 1)
        text += QLatin1Char(' ') + tr("(%n more account(s) too)", nullptr, int(waiting.size() - 1));
    m_label->setText(text);
    m_reconnect->show();
    m_reconnect->setEnabled(!m_manager.isConnecting());
    m_reconnect->setText(
        m_manager.isConnecting() ? tr("Waiting for the browser…") : tr("Reconnect"));
    setVisible(true);
}

} // namespace kairos
