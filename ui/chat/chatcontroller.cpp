#include "chat/chatcontroller.h"

#include "chat/chatpanel.h"
#include "chat/commandassistant.h"
#include "chat/vaultsecretstore.h"
#include "core/logging.h"
#include "core/profile.h"
#include "mainwindow.h"
#include "room/protocol.h"
#include "room/tls.h"
#include "team/bookingflow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QNetworkInterface>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSslCertificate>
#include <QSslKey>
#include <QVBoxLayout>

namespace kairos {

namespace {

const auto kLinkKey = QStringLiteral("room/link");
const auto kNameKey = QStringLiteral("room/name");
const auto kHostAddressKey = QStringLiteral("room/host/address");
const auto kHostPortKey = QStringLiteral("room/host/port");
const auto kHostCertKey = QStringLiteral("room/host/tlsCert");
const auto kHostKeyKey = QStringLiteral("room/host/tlsKey");
constexpr quint16 kDefaultHostPort = 7373;

QString osUserName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    if (name.isEmpty())
        name = QDir::home().dirName();
    return name;
}

QString keyPrefix(const QString &host, quint16 port)
{
    return QStringLiteral("room/") + host + QLatin1Char(':') + QString::number(port)
        + QLatin1Char('/');
}

//! Paste an invite link, choose a display name.
} // namespace

class RoomJoinDialog final : public QDialog {
    Q_OBJECT
public:
    RoomJoinDialog(const QString &initialLink, const QString &initialName, QWidget *parent)
        : QDialog(parent)
    {
        setObjectName(QStringLiteral("joinRoomDialog"));
        setWindowTitle(tr("Join a Room"));
        auto *layout = new QVBoxLayout(this);
        auto *intro = new QLabel(tr("Paste the invite link you were given. It looks like "
                                    "kairos://host:port/room?invite=KEY."),
            this);
        intro->setWordWrap(true);
        layout->addWidget(intro);
        auto *form = new QFormLayout;
        m_link = new QLineEdit(initialLink, this);
        m_link->setObjectName(QStringLiteral("inviteLinkEdit"));
        m_link->setPlaceholderText(QStringLiteral("kairos://192.168.1.20:7373/team?invite=…"));
        m_name = new QLineEdit(initialName, this);
        m_name->setObjectName(QStringLiteral("displayNameEdit"));
        form->addRow(tr("Invite link:"), m_link);
        form->addRow(tr("Display name:"), m_name);
        layout->addLayout(form);
        m_error = new QLabel(this);
        m_error->setObjectName(QStringLiteral("joinError"));
        m_error->setWordWrap(true);
        m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_error->setVisible(false);
        layout->addWidget(m_error);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        buttons->button(QDialogButtonBox::Ok)->setText(tr("Join"));
        connect(buttons, &QDialogButtonBox::accepted, this, [this]() {
            if (!room::InviteLink::parse(link().trimmed())) {
                showError(tr("This is not a Kairos invite link."));
                return;
            }
            if (name().trimmed().isEmpty()) {
                showError(tr("Choose a display name."));
                return;
            }
            accept();
        });
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        layout->addWidget(buttons);
        resize(520, sizeHint().height());
    }
    QString link() const { return m_link->text().trimmed(); }
    QString name() const { return m_name->text().trimmed(); }

private:
    void showError(const QString &text)
    {
        m_error->setText(text);
        m_error->setVisible(true);
    }
    QLineEdit *m_link;
    QLineEdit *m_name;
    QLabel *m_error;
};

//! Explicit opt-in to open the room to the local network.
class RoomHostDialog final : public QDialog {
    Q_OBJECT
public:
    explicit RoomHostDialog(QWidget *parent)
        : QDialog(parent)
    {
        setObjectName(QStringLiteral("hostRoomDialog"));
        setWindowTitle(tr("Host a Room on This Computer"));
        auto *layout = new QVBoxLayout(this);
        auto *warning = new QLabel(
            tr("<b>Anyone on this network who has the invite link can join the room and "
               "read its history.</b> Without a TLS certificate, messages travel "
               "unencrypted. Only do this on a network you trust, and keep Kairos "
               "running while others use the room."),
            this);
        warning->setObjectName(QStringLiteral("hostWarning"));
        warning->setWordWrap(true);
        layout->addWidget(warning);
        auto *form = new QFormLayout;
        m_address = new QComboBox(this);
        m_address->setObjectName(QStringLiteral("hostAddressCombo"));
        const QList<QHostAddress> all = QNetworkInterface::allAddresses();
        for (const QHostAddress &a : all) {
            if (!a.isLoopback() && a.protocol() == QAbstractSocket::IPv4Protocol)
                m_address->addItem(a.toString());
        }
        for (const QHostAddress &a : all) {
            if (!a.isLoopback() && !a.isLinkLocal()
                && a.protocol() == QAbstractSocket::IPv6Protocol)
                m_address->addItem(a.toString());
        }
        m_port = new QSpinBox(this);
        m_port->setObjectName(QStringLiteral("hostPortSpin"));
        m_port->setRange(1024, 65535);
        m_port->setValue(kDefaultHostPort);
        m_cert = new QLineEdit(this);
        m_cert->setObjectName(QStringLiteral("tlsCertEdit"));
        m_cert->setPlaceholderText(tr("Optional — PEM file"));
        m_key = new QLineEdit(this);
        m_key->setObjectName(QStringLiteral("tlsKeyEdit"));
        m_key->setPlaceholderText(tr("Optional — PEM file"));
        form->addRow(tr("Network address:"), m_address);
        form->addRow(tr("Port:"), m_port);
        form->addRow(tr("TLS certificate:"), withBrowse(m_cert));
        form->addRow(tr("TLS private key:"), withBrowse(m_key));
        layout->addLayout(form);
        m_error = new QLabel(this);
        m_error->setObjectName(QStringLiteral("hostError"));
        m_error->setWordWrap(true);
        m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
        m_error->setVisible(m_address->count() == 0);
        m_error->setText(tr("This computer has no network address other than its own."));
        layout->addWidget(m_error);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        buttons->button(QDialogButtonBox::Ok)->setText(tr("Open to the Network"));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(m_address->count() > 0);
        connect(buttons, &QDialogButtonBox::accepted, this, [this]() {
            if (tlsCert().isEmpty() != tlsKey().isEmpty()) {
                showError(tr("Give both the certificate and its private key, or neither."));
                return;
            }
            if (!tlsCert().isEmpty() && !room::loadServerTls(tlsCert(), tlsKey())) {
                showError(tr("The certificate or the key could not be read (PEM expected)."));
                return;
            }
            accept();
        });
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        layout->addWidget(buttons);
        resize(560, sizeHint().height());
    }
    QHostAddress address() const { return QHostAddress(m_address->currentText()); }
    quint16 port() const { return quint16(m_port->value()); }
    QString tlsCert() const { return m_cert->text().trimmed(); }
    QString tlsKey() const { return m_key->text().trimmed(); }

private:
    QWidget *withBrowse(QLineEdit *edit)
    {
        auto *row = new QWidget(this);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(edit, 1);
        auto *browse = new QPushButton(tr("Browse…"), row);
        connect(browse, &QPushButton::clicked, this, [this, edit]() {
            const QString f = QFileDialog::getOpenFileName(
                this, tr("Choose a PEM file"), edit->text(), tr("PEM files (*.pem *.crt *.key)"));
            if (!f.isEmpty())
                edit->setText(f);
        });
        h->addWidget(browse);
        return row;
    }
    void showError(const QString &text)
    {
        m_error->setText(text);
        m_error->setVisible(true);
    }
    QComboBox *m_address;
    QSpinBox *m_port;
    QLineEdit *m_cert;
    QLineEdit *m_key;
    QLabel *m_error;
};

ChatController::ChatController(
    QMainWindow *window, const Profile &profile, ITokenVault *vault, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_profile(profile)
{
    m_secrets = new VaultSecretStore(vault, this);
    // The embedded room listens on an ephemeral port: its members' secrets are kept under a
    // stable key ("room/local/ROOM/NAME") so that they survive a restart.
    m_secrets->setKeyMapper([this](const QString &key) -> QString {
        if (!m_ownPrefix.isEmpty() && key.startsWith(m_ownPrefix))
            return QStringLiteral("room/local/") + key.mid(m_ownPrefix.size());
        return key;
    });
    connect(
        m_secrets, &VaultSecretStore::memoryFallbackChanged, this, &ChatController::updateNotice);
    m_awayTimer.setSingleShot(true);
    m_awayTimer.setInterval(5 * 60 * 1000);
    connect(&m_awayTimer, &QTimer::timeout, this, [this]() {
        m_away = true;
        if (m_client)
            m_client->setAway(true);
    });
    connect(
        qApp, &QGuiApplication::applicationStateChanged, this, [this](Qt::ApplicationState state) {
            setApplicationActive(state == Qt::ApplicationActive);
        });
    buildUi();
}

void ChatController::setApplicationActive(bool active)
{
    if (!active) {
        if (!m_away && !m_awayTimer.isActive())
            m_awayTimer.start();
        return;
    }
    m_awayTimer.stop();
    m_away = false;
    if (m_client)
        m_client->setAway(false);
}

ChatController::~ChatController()
{
    stopClient();
    m_embedded.reset();
    // The window may outlive this controller (tests start a new one on the same window): take
    // the dock, its View → Chat action and the Room menu away with it.
    delete m_roomMenu;
    delete m_dock;
}

void ChatController::buildUi()
{
    m_dock = new QDockWidget(tr("Chat"), m_window);
    m_dock->setObjectName(QStringLiteral("chatDock"));
    m_dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    m_dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_window->resizeDocks({ m_dock }, { 460 }, Qt::Horizontal);

    m_toggle = m_dock->toggleViewAction();
    m_toggle->setObjectName(QStringLiteral("chatToggleAction"));
    m_toggle->setText(tr("&Chat"));
    m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_toggle->setShortcutContext(Qt::WindowShortcut);
    m_window->addAction(m_toggle);
    QMenu *view = m_window->findChild<QMenu *>(QStringLiteral("viewMenu"));
    if (view) {
        view->addSeparator();
        view->addAction(m_toggle);
    }

    m_roomMenu = new QMenu(tr("&Room"), m_window);
    m_roomMenu->setObjectName(QStringLiteral("roomMenu"));
    QAction *join
        = m_roomMenu->addAction(tr("&Join a Room…"), this, &ChatController::showJoinDialog);
    join->setObjectName(QStringLiteral("joinRoomAction"));
    QAction *host = m_roomMenu->addAction(
        tr("&Host a Room on This Computer…"), this, &ChatController::showHostDialog);
    host->setObjectName(QStringLiteral("hostRoomAction"));
    QAction *rename = m_roomMenu->addAction(
        tr("Change &Display Name…"), this, &ChatController::showRenameDialog);
    rename->setObjectName(QStringLiteral("renameAction"));
    m_roomMenu->addSeparator();
    m_leave = m_roomMenu->addAction(tr("&Leave Room"), this, [this]() {
        if (auto r = leaveRoom(); !r)
            QMessageBox::warning(m_window, tr("Leave Room"), errorText(r.error()));
    });
    m_leave->setObjectName(QStringLiteral("leaveRoomAction"));
    // After View (before the menus that follow it, e.g. Help).
    const QList<QAction *> menus = m_window->menuBar()->actions();
    const qsizetype at = view ? menus.indexOf(view->menuAction()) : -1;
    if (at >= 0 && at + 1 < menus.size())
        m_window->menuBar()->insertMenu(menus.at(at + 1), m_roomMenu);
    else
        m_window->menuBar()->addMenu(m_roomMenu);
}

QString ChatController::displayName() const
{
    const QString name = m_profile.settings()->value(kNameKey).toString().trimmed();
    return name.isEmpty() ? osUserName() : name;
}

QString ChatController::configuredLink() const
{
    return m_profile.settings()->value(kLinkKey).toString();
}

QString ChatController::invitation() const
{
    return m_embedded && m_hostingOnNetwork ? m_embedded->join().toString() : QString();
}

QString ChatController::errorText(const Error &error)
{
    switch (error.code) {
    case Error::Code::InvalidInput:
        return tr("This is not a Kairos invite link.");
    default:
        return tr("The room could not be started: %1").arg(error.message);
    }
}

void ChatController::start()
{
    const QString link = configuredLink();
    if (!link.isEmpty()) {
        if (auto parsed = room::InviteLink::parse(link)) {
            connectTo(*parsed, displayName(), false);
            return;
        }
        qCWarning(lcChat) << "ignoring the configured room: not an invite link";
    }
    if (const auto host = savedHostOptions()) {
        // Opened to the network last time: again, on the same address and port.
        if (auto r = startHosting(*host); r)
            return;
        else
            m_hostError = r.error().message;
        qCWarning(lcChat) << "cannot host the room on the network as last time:" << m_hostError;
    }
    if (auto r = startEmbedded(QHostAddress(QHostAddress::LocalHost), 0, std::nullopt); !r) {
        m_startError = errorText(r.error());
        qCWarning(lcChat) << "embedded room failed:" << r.error().message;
        updateNotice();
    }
}

Expected<void> ChatController::startEmbedded(
    const QHostAddress &address, quint16 port, std::optional<QSslConfiguration> tls)
{
    stopClient();
    m_embedded.reset();
    m_ownPrefix.clear();
    room::RoomServer::Options options;
    options.tls = std::move(tls);
    auto started = room::EmbeddedRoom::start(m_profile.dataDir() + QStringLiteral("/room"),
        QStringLiteral("team"), address, port, std::move(options));
    if (!started)
        return started.error();
    m_embedded = std::move(*started);
    m_startError.clear();
    const room::InviteLink link = m_embedded->join();
    m_ownPrefix = keyPrefix(link.host, link.port);
    connectTo(link, displayName(), true);
    return {};
}

void ChatController::connectTo(const room::InviteLink &link, const QString &name, bool ownRoom)
{
    stopClient();
    room::RoomClient::Config c;
    c.url = link.webSocketUrl();
    c.room = link.room;
    c.invite = link.invite;
    c.name = name;
    c.device = QStringLiteral("desktop");
    c.secrets = m_secrets;
    if (ownRoom && m_embedded && link.tls && m_tls)
        c.trustedCertificates = m_tls->localCertificateChain().mid(0, 1);
    const QString id = ownRoom ? QStringLiteral("local")
                               : QString::fromLatin1(QCryptographicHash::hash(
                                   (link.host + QLatin1Char(':') + QString::number(link.port)
                                       + QLatin1Char('/') + link.room)
                                       .toUtf8(),
                                   QCryptographicHash::Sha1)
                                                         .toHex()
                                                         .left(12));
    c.outboxPath
        = m_profile.dataDir() + QStringLiteral("/room-outbox-") + id + QStringLiteral(".sqlite");
    // The room this computer hosts may change port between runs: keep its outbox and read
    // marker under a stable scope.
    if (ownRoom)
        c.scope = QStringLiteral("local|") + link.room + QLatin1Char('|') + room::nameKey(name);
    m_roomKey = id;
    m_client = std::make_unique<room::RoomClient>(c);
    if (auto r = m_client->open(); !r) {
        qCWarning(lcChat) << "outbox unavailable, keeping it in memory:" << r.error().message;
        c.outboxPath.clear();
        m_client = std::make_unique<room::RoomClient>(c);
        (void)m_client->open();
    }
    m_panel = new ChatPanel(m_client.get(), m_dock);
    if (m_calendar) {
        m_assistant = new CommandAssistant(m_panel, *m_calendar, this);
        m_assistant->setMemberSource(m_memberSource);
        m_assistant->setBookingFlow(m_booking);
        // Provider writes go through the calendar service's writer (the sync engine);
        // "Connect your calendar first" opens Settings → Accounts.
        if (auto *main = qobject_cast<MainWindow *>(m_window)) {
            connect(m_assistant, &CommandAssistant::accountSettingsRequested, main,
                &MainWindow::showAccountSettings);
        }
    }
    m_dock->setWidget(m_panel);
    if (!m_sized) { // the first panel: give the calendar most of the window
        m_sized = true;
        m_window->resizeDocks({ m_dock }, { 460 }, Qt::Horizontal);
    }
    m_dock->setWindowTitle(ownRoom && !m_hostingOnNetwork
            ? tr("Chat — %1 (this computer)").arg(link.room)
            : tr("Chat — %1").arg(link.room));
    m_leave->setEnabled(!ownRoom || m_hostingOnNetwork);
    connect(m_client.get(), &room::RoomClient::errorReceived, this, [this](const QString &code) {
        if (code == QLatin1String(room::code::NameTaken))
            updateNotice();
    });
    m_client->setAway(m_away);
    m_client->start();
    updateNotice();
    Q_EMIT roomChanged();
}

void ChatController::setMemberSource(CommandAssistant::MemberSource source)
{
    m_memberSource = std::move(source);
    if (m_assistant)
        m_assistant->setMemberSource(m_memberSource);
}

void ChatController::setBookingFlow(BookingFlow *flow)
{
    m_booking = flow;
    if (m_assistant)
        m_assistant->setBookingFlow(flow);
}

void ChatController::stopClient()
{
    delete m_assistant; // before the panel it hooks into
    if (m_panel) {
        m_dock->setWidget(nullptr);
        delete m_panel;
    }
    if (m_client) {
        m_client->stop();
        m_client.reset();
    }
}

void ChatController::updateNotice()
{
    if (!m_panel) {
        if (!m_startError.isEmpty()) {
            auto *label = new QLabel(m_startError, m_dock);
            label->setObjectName(QStringLiteral("chatStartError"));
            label->setWordWrap(true);
            label->setAlignment(Qt::AlignCenter);
            m_dock->setWidget(label);
        }
        return;
    }
    QStringList notes;
    if (m_secrets->usingMemoryFallback())
        notes << tr("No keychain is available: your member secret is kept in memory for this "
                    "session only. After a restart this name may be refused in this room.");
    if (m_client && m_client->lastErrorCode() == QLatin1String(room::code::NameTaken))
        notes << tr("Pick another name with Room → Change Display Name….");
    if (!m_hostError.isEmpty())
        notes << tr("The room could not be opened to the network as last time (%1). It is on "
                    "this computer only for now. Kairos tries again at the next start; to try "
                    "now, use Room → Host a Room on This Computer…")
                     .arg(m_hostError);
    if (m_hostingOnNetwork && m_embedded)
        notes << tr("This room is open to the network. Invite link: %1")
                     .arg(m_embedded->join().toString());
    m_panel->setNotice(notes.join(QLatin1Char('\n')));
}

Expected<void> ChatController::joinRoom(const QString &text, const QString &name)
{
    auto link = room::InviteLink::parse(text.trimmed());
    if (!link)
        return makeError(Error::Code::InvalidInput, link.error().message);
    {
        auto settings = m_profile.settings();
        settings->setValue(kLinkKey, link->toString());
        settings->setValue(kNameKey, name.trimmed());
    }
    // A room elsewhere: this computer stops hosting.
    forgetHosting();
    m_embedded.reset();
    m_ownPrefix.clear();
    m_hostingOnNetwork = false;
    connectTo(*link, name.trimmed().isEmpty() ? displayName() : name.trimmed(), false);
    return {};
}

std::optional<ChatController::HostOptions> ChatController::savedHostOptions() const
{
    const auto settings = m_profile.settings();
    const QString address = settings->value(kHostAddressKey).toString();
    if (address.isEmpty())
        return std::nullopt;
    HostOptions o;
    o.address = QHostAddress(address);
    o.port = quint16(settings->value(kHostPortKey).toUInt());
    o.tlsCert = settings->value(kHostCertKey).toString();
    o.tlsKey = settings->value(kHostKeyKey).toString();
    return o;
}

void ChatController::forgetHosting()
{
    auto settings = m_profile.settings();
    for (const QString &k : { kHostAddressKey, kHostPortKey, kHostCertKey, kHostKeyKey })
        settings->remove(k);
    m_hostingOnNetwork = false;
    m_hostError.clear();
}

Expected<void> ChatController::startHosting(const HostOptions &options)
{
    std::optional<QSslConfiguration> tls;
    if (!options.tlsCert.isEmpty() || !options.tlsKey.isEmpty()) {
        auto loaded = room::loadServerTls(options.tlsCert, options.tlsKey);
        if (!loaded)
            return loaded.error();
        tls = *loaded;
    }
    m_hostingOnNetwork = true;
    m_tls = tls;
    if (auto r = startEmbedded(options.address, options.port, std::move(tls)); !r) {
        m_hostingOnNetwork = false;
        m_tls.reset();
        return r.error();
    }
    m_hostError.clear();
    updateNotice();
    return {};
}

Expected<void> ChatController::hostRoom(const HostOptions &options)
{
    if (auto r = startHosting(options); !r) {
        if (!m_client) // keep a working chat: back to the room on this computer only
            (void)startEmbedded(QHostAddress(QHostAddress::LocalHost), 0, std::nullopt);
        return r.error();
    }
    auto settings = m_profile.settings();
    settings->remove(kLinkKey);
    settings->setValue(kHostAddressKey, options.address.toString());
    // The port actually bound, so that the invite link stays valid across restarts.
    settings->setValue(kHostPortKey, m_embedded->join().port);
    settings->setValue(kHostCertKey, options.tlsCert);
    settings->setValue(kHostKeyKey, options.tlsKey);
    return {};
}

Expected<void> ChatController::leaveRoom()
{
    m_profile.settings()->remove(kLinkKey);
    forgetHosting();
    m_tls.reset();
    return startEmbedded(QHostAddress(QHostAddress::LocalHost), 0, std::nullopt);
}

Expected<void> ChatController::rename(const QString &name)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return makeError(Error::Code::InvalidInput, QStringLiteral("empty name"));
    m_profile.settings()->setValue(kNameKey, trimmed);
    const QString link = configuredLink();
    if (!link.isEmpty())
        return joinRoom(link, trimmed);
    if (m_embedded)
        connectTo(m_embedded->join(), trimmed, true);
    return {};
}

void ChatController::showRenameDialog()
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("Change Display Name"),
        tr("Your name in the room:"), QLineEdit::Normal, displayName(), &ok);
    if (ok && !name.trimmed().isEmpty())
        (void)rename(name);
}

void ChatController::showJoinDialog()
{
    runJoinDialog(configuredLink());
}

void ChatController::openInviteLink(const QString &link)
{
    runJoinDialog(link.trimmed());
}

void ChatController::runJoinDialog(const QString &link)
{
    RoomJoinDialog dialog(link, displayName(), m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto r = joinRoom(dialog.link(), dialog.name()); !r)
        QMessageBox::warning(m_window, tr("Join a Room"), errorText(r.error()));
}

void ChatController::showHostDialog()
{
    RoomHostDialog dialog(m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (auto r = hostRoom({ dialog.address(), dialog.port(), dialog.tlsCert(), dialog.tlsKey() });
        !r) {
        QMessageBox::warning(m_window, tr("Host a Room on This Computer"), errorText(r.error()));
        return;
    }
    QDialog shown(m_window);
    shown.setObjectName(QStringLiteral("inviteDialog"));
    shown.setWindowTitle(tr("Invite Link"));
    auto *layout = new QVBoxLayout(&shown);
    layout->addWidget(new QLabel(tr("Send this link to the people you want in the room:"), &shown));
    auto *row = new QHBoxLayout;
    auto *field = new QLineEdit(invitation(), &shown);
    field->setObjectName(QStringLiteral("inviteLinkField"));
    field->setReadOnly(true);
    field->setMinimumWidth(420);
    auto *copy = new QPushButton(tr("Copy"), &shown);
    copy->setObjectName(QStringLiteral("copyInviteButton"));
    connect(copy, &QPushButton::clicked, &shown,
        [field]() { QApplication::clipboard()->setText(field->text()); });
    row->addWidget(field, 1);
    row->addWidget(copy);
    layout->addLayout(row);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &shown);
    connect(buttons, &QDialogButtonBox::rejected, &shown, &QDialog::reject);
    layout->addWidget(buttons);
    shown.exec();
}

} // namespace kairos

#include "chatcontroller.moc"
