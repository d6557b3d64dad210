#pragma once

#include "chat/chatpanel.h"
#include "chat/commandassistant.h"
#include "core/expected.h"
#include "room/embeddedroom.h"
#include "room/roomclient.h"

#include <QDockWidget>
#include <QHostAddress>
#include <QMenu>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>

#include <memory>
#include <optional>

class QAction;

class QMainWindow;

namespace kairos {

class BookingFlow;
class CalendarService;
class ITokenVault;
class Profile;
class VaultSecretStore;

//! \brief Puts the team room into the main window (issue 5, "embedded default").
//!
//! With no room in the profile settings it hosts an EmbeddedRoom on 127.0.0.1 (data in
//! `<profile data>/room`) and joins it with the profile's display name. The ChatPanel lives in
//! a dock on the right ("chatDock"), toggled by View → Chat (Ctrl+Shift+C). A Room menu
//! ("roomMenu") offers Join a room…, Host a room on this computer… and Leave room.
//!
//! Member secrets go to the keychain through VaultSecretStore; without a keychain they stay in
//! memory for the session (the panel says so). Settings keep the invite link and display name
//! under [room], never the secret.
class ChatController final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatController)
public:
    //! \a vault may be null (secrets in memory only). Nothing starts until start().
    ChatController(
        QMainWindow *window, const Profile &profile, ITokenVault *vault, QObject *parent = nullptr);
    ~ChatController() override;

    //! Calendar commands in the composer (cards, agenda) act on \a calendar. Call before start().
    void setCalendar(CalendarService *calendar) { m_calendar = calendar; }
    CommandAssistant *commandAssistant() const { return m_assistant; }
    //! The room's availability for the calendar commands (zones on the cards, the scheduler
    //! behind availability answers and "Book lunch"); kept for every room joined later.
    void setMemberSource(CommandAssistant::MemberSource source);
    //! The booking flow behind the Book buttons of availability answers (may be null).
    void setBookingFlow(BookingFlow *flow);

    //! Joins the room in the settings, or starts the embedded one.
    void start();

    //! The display name: settings, else the OS user name.
    QString displayName() const;
    //! The configured room's invite link (empty: the embedded room).
    QString configuredLink() const;

    //! Joins \a link as \a name and remembers both in the profile settings.
    Expected<void> joinRoom(const QString &link, const QString &name);
    //! Where this computer hosts its room on the network.
    struct HostOptions {
        QHostAddress address;
        quint16 port = 0; //!< 0: any free port (the one chosen is remembered)
        QString tlsCert; //!< PEM files; both empty: no TLS
        QString tlsKey;
    };
    //! Reopens the embedded room on the network (TLS when certificate files are given) and
    //! joins it; remembers the choice in the profile settings, so the next start hosts it
    //! again (same address and port, so the invite link stays valid). The invite link to share
    //! is invitation(). Errors: unreadable certificate or key, address not available.
    Expected<void> hostRoom(const HostOptions &options);
    //! The remembered network hosting (nullopt: the room is on this computer only).
    std::optional<HostOptions> savedHostOptions() const;
    //! Forgets the configured room (or the network hosting) and goes back to the embedded one
    //! on 127.0.0.1.
    Expected<void> leaveRoom();

    //! The invite link of the room this computer hosts (empty when it hosts none).
    QString invitation() const;
    bool isHostingOnNetwork() const { return m_hostingOnNetwork; }

    room::RoomClient *client() const { return m_client.get(); }
    //! A stable id of the current room in this profile ("local" for the embedded one), for
    //! per-room settings such as availability sharing.
    QString roomKey() const { return m_roomKey; }
    room::EmbeddedRoom *embeddedRoom() const { return m_embedded.get(); }
    ChatPanel *panel() const { return m_panel; }
    QDockWidget *dock() const { return m_dock; }
    QAction *toggleAction() const { return m_toggle; }
    QMenu *roomMenu() const { return m_roomMenu; }
    VaultSecretStore *secretStore() const { return m_secrets; }

    //! Saves \a name as the display name and joins the current room again under it.
    Expected<void> rename(const QString &name);

    void showJoinDialog();
    //! A kairos:// invite link opened from the desktop, the command line or a second start:
    //! the Join a Room dialog with the link filled in (the user checks the display name and
    //! presses Join).
    void openInviteLink(const QString &link);
    void showRenameDialog();
    void showHostDialog();

    //! With Kairos in the background this long, the member shows as away in the room
    //! (default 5 minutes); back to online as soon as it is active again.
    void setAwayAfterMs(int ms) { m_awayTimer.setInterval(ms); }
    //! Wired to QGuiApplication::applicationStateChanged; tests call it directly.
    void setApplicationActive(bool active);

    //! Text for a failure to start or join, for message boxes.
    static QString errorText(const Error &error);

Q_SIGNALS:
    void roomChanged();

private:
    void buildUi();
    Expected<void> startEmbedded(
        const QHostAddress &address, quint16 port, std::optional<QSslConfiguration> tls);
    Expected<void> startHosting(const HostOptions &options);
    void forgetHosting();
    void connectTo(const room::InviteLink &link, const QString &name, bool ownRoom);
    void runJoinDialog(const QString &link);
    void stopClient();
    void updateNotice();

    QMainWindow *m_window;
    const Profile &m_profile;
    VaultSecretStore *m_secrets = nullptr;
    std::unique_ptr<room::EmbeddedRoom> m_embedded;
    std::unique_ptr<room::RoomClient> m_client;
    QPointer<ChatPanel> m_panel;
    CalendarService *m_calendar = nullptr;
    QPointer<CommandAssistant> m_assistant;
    CommandAssistant::MemberSource m_memberSource;
    QPointer<BookingFlow> m_booking;
    QPointer<QDockWidget> m_dock; //!< owned by the window; removed with this controller
    QAction *m_toggle = nullptr;
    QPointer<QMenu> m_roomMenu; //!< likewise
    QAction *m_leave = nullptr;
    QString m_ownPrefix; //!< "room/HOST:PORT/" of the room this computer hosts
    bool m_hostingOnNetwork = false;
    bool m_sized = false;
    QString m_startError;
    QString m_hostError; //!< the remembered network hosting could not be restored
    std::optional<QSslConfiguration> m_tls; //!< of the room hosted on the network
    QString m_roomKey;
    QTimer m_awayTimer;
    bool m_away = false;
};

} // namespace kairos
