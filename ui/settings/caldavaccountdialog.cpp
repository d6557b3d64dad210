#include "settings/caldavaccountdialog.h"

#include "auth/accountmanager.h"
#include "core/futures.h"
#include "providers/caldav/caldavsignin.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kairos {

namespace {

const CalDavPreset *presetById(const QString &id)
{
    for (const CalDavPreset &p : calDavPresets()) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

} // namespace

CalDavAccountDialog::CalDavAccountDialog(
    AccountManager &manager, const QString &reconnectAccountId, QWidget *parent)
    : QDialog(parent)
    , m_manager(manager)
    , m_reconnectId(reconnectAccountId)
{
    setObjectName(QStringLiteral("calDavAccountDialog"));
    setWindowTitle(
        m_reconnectId.isEmpty() ? tr("Add CalDAV account") : tr("Reconnect CalDAV account"));

    auto *intro = new QLabel(tr("Connect a calendar that speaks CalDAV: iCloud, Fastmail, "
                                "Nextcloud or any other CalDAV server. The password is kept "
                                "only in the system keychain."),
        this);
    intro->setWordWrap(true);

    m_service = new QComboBox(this);
    m_service->setObjectName(QStringLiteral("serviceCombo"));
    m_service->addItem(tr("iCloud"), QStringLiteral("icloud"));
    m_service->addItem(tr("Fastmail"), QStringLiteral("fastmail"));
    m_service->addItem(tr("Nextcloud"), QStringLiteral("nextcloud"));
    m_service->addItem(tr("Other CalDAV server"), QStringLiteral("other"));

    m_server = new QLineEdit(this);
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_user = new QLineEdit(this);
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);

    m_help = new QLabel(this);
    m_help->setObjectName(QStringLiteral("helpLabel"));
    m_help->setWordWrap(true);
    m_help->setOpenExternalLinks(true);
    m_help->setTextFormat(Qt::RichText);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Service:"), m_service);
    m_serverLabel = new QLabel(tr("Server:"), this);
    form->addRow(m_serverLabel, m_server);
    m_userLabel = new QLabel(this);
    form->addRow(m_userLabel, m_user);
    m_passwordLabel = new QLabel(this);
    form->addRow(m_passwordLabel, m_password);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *connectButton = m_buttons->addButton(tr("Connect"), QDialogButtonBox::AcceptRole);
    connectButton->setObjectName(QStringLiteral("connectButton"));
    connectButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_help);
    layout->addWidget(m_status);
    layout->addStretch();
    layout->addWidget(m_buttons);

    connect(m_service, &QComboBox::currentIndexChanged, this, &CalDavAccountDialog::presetChanged);
    for (QLineEdit *e : { m_server, m_user, m_password })
        connect(e, &QLineEdit::textChanged, this, &CalDavAccountDialog::updateButtons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CalDavAccountDialog::connectAccount);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    if (const auto a = m_manager.account(m_reconnectId)) {
        // Reconnect: the account's server (its calendar home) and user; only the password.
        QString service = QStringLiteral("other");
        for (const CalDavPreset &p : calDavPresets()) {
            if (!p.server.isEmpty() && QUrl(a->serverUrl).host().endsWith(QUrl(p.server).host()))
                service = p.id;
        }
        m_service->setCurrentIndex(m_service->findData(service));
        m_service->setEnabled(false);
        m_server->setText(a->serverUrl);
        m_user->setText(a->email);
        m_user->setReadOnly(true);
    }
    presetChanged();
    resize(520, sizeHint().height());
}

CalDavAccountDialog::~CalDavAccountDialog() = default;

void CalDavAccountDialog::presetChanged()
{
    const QString id = m_service->currentData().toString();
    const CalDavPreset *preset = presetById(id);
    const bool fixedServer = preset && !preset->server.isEmpty();
    if (m_reconnectId.isEmpty()) {
        if (fixedServer) {
            m_server->setText(preset->server);
        } else {
            // Leaving iCloud / Fastmail: their server is not the one to type over.
            for (const CalDavPreset &p : calDavPresets()) {
                if (!p.server.isEmpty() && m_server->text() == p.server)
                    m_server->clear();
            }
        }
    }
    m_server->setReadOnly(fixedServer || !m_reconnectId.isEmpty());
    m_server->setPlaceholderText(id == QLatin1String("nextcloud")
            ? tr("https://cloud.example.com")
            : tr("https://dav.example.com or dav.example.com"));

    if (id == QLatin1String("icloud")) {
        m_userLabel->setText(tr("Apple ID:"));
        m_user->setPlaceholderText(tr("name@icloud.com"));
        m_passwordLabel->setText(tr("App-specific password:"));
        m_help->setText(tr("iCloud needs an app-specific password, not your Apple ID "
                           "password. Make one at account.apple.com → Sign-In and Security → "
                           "App-Specific Passwords (<a href=\"%1\">how</a>).")
                            .arg(preset->passwordHelp.toString()));
    } else if (id == QLatin1String("fastmail")) {
        m_userLabel->setText(tr("Fastmail address:"));
        m_user->setPlaceholderText(tr("name@fastmail.com"));
        m_passwordLabel->setText(tr("App password:"));
        m_help->setText(tr("Make an app password with calendar (CalDAV) access in Fastmail: "
                           "Settings → Privacy & Security → App passwords."));
    } else if (id == QLatin1String("nextcloud")) {
        m_userLabel->setText(tr("User name:"));
        m_user->setPlaceholderText(QString());
        m_passwordLabel->setText(tr("App password:"));
        m_help->setText(tr("Your Nextcloud address, as in the browser. An app password "
                           "(Personal settings → Security → Devices & sessions) is safer than "
                           "your own password."));
    } else {
        m_userLabel->setText(tr("User name:"));
        m_user->setPlaceholderText(QString());
        m_passwordLabel->setText(tr("Password:"));
        m_help->setText(tr("The server's address; Kairos finds the calendars on it "
                           "(/.well-known/caldav, DNS SRV records)."));
    }
    updateButtons();
    // The labels changed width: lay the form out again now, not at the next event.
    if (layout())
        layout()->activate();
}

void CalDavAccountDialog::updateButtons()
{
    const bool ready = !m_server->text().trimmed().isEmpty() && !m_user->text().trimmed().isEmpty()
        && !m_password->text().isEmpty();
    if (QPushButton *b = findChild<QPushButton *>(QStringLiteral("connectButton")))
        b->setEnabled(ready && !m_busy);
    m_service->setEnabled(!m_busy && m_reconnectId.isEmpty());
    m_password->setEnabled(!m_busy);
    m_user->setEnabled(!m_busy);
    m_server->setEnabled(!m_busy);
}

QString CalDavAccountDialog::errorText(const Error &error)
{
    switch (error.code) {
    case Error::Code::NeedsReconnect:
    case Error::Code::Unauthorised:
        return tr("The server refused the user name or password. For iCloud and Fastmail, use "
                  "an app-specific password.");
    case Error::Code::NetworkError:
    case Error::Code::Timeout:
        return tr("Could not reach the server. Check the address and your connection.");
    case Error::Code::KeychainUnavailable:
        return tr("No keychain service answered, so the password could not be stored. Start "
                  "GNOME Keyring, KWallet or another Secret Service and try again.");
    case Error::Code::InvalidInput:
        return tr("Check the address: %1").arg(error.message);
    default:
        return tr("No CalDAV calendars were found there (%1).").arg(error.message);
    }
}

void CalDavAccountDialog::connectAccount()
{
    CalDavSignIn in;
    in.server = m_server->text().trimmed();
    in.user = m_user->text().trimmed();
    in.password = m_password->text();
    in.reconnectAccountId = m_reconnectId;
    in.dnsLookup = m_dns;
    m_busy = true;
    m_status->setText(tr("Connecting…"));
    updateButtons();
    onFinished(connectCalDav(m_manager, in), this, [this](const Expected<Account> &r) {
        m_busy = false;
        updateButtons();
        if (!r) {
            m_status->setText(errorText(r.error()));
            return;
        }
        m_account = *r;
        m_status->setText(tr("Connected."));
        accept();
    });
}

} // namespace kairos
