#pragma once

#include "room/roomclient.h"

#include <QPointer>
#include <QTimeZone>
#include <QWidget>

#include <QHash>

#include <functional>
#include <optional>

class QAction;
class QHBoxLayout;
class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QTextBrowser;
class QTimer;
class QVBoxLayout;

namespace kairos {

//! \brief The team room beside the calendar: connection banner, member list with presence and
//! a "Calendar connected" badge, the messages (day separators, own messages distinguished,
//! system messages styled apart, clickable links) and a composer (Enter sends, Shift+Enter
//! starts a new line). Self-contained: give it a RoomClient (not owned) and show it.
//!
//! Object names for tests: connectionBanner, retryButton, memberList, messageView, composer,
//! sendButton, unreadBadge, loadOlderButton, chatNotice. Chips under own messages are links
//! with the scheme kairos-chip in messageView.
class ChatPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChatPanel)
public:
    explicit ChatPanel(room::RoomClient *client, QWidget *parent = nullptr);
    ~ChatPanel() override;

    room::RoomClient *client() const { return m_client; }
    //! The banner text now (empty when the room is connected).
    QString bannerText() const;
    int unreadCount() const;
    //! A standing note under the banner (e.g. "secret kept in memory only"); empty hides it.
    void setNotice(const QString &text);
    QString notice() const;

    //! Called with the composer's text before it is sent; returning false keeps the message
    //! from the room (a slash command answered locally). The composer is cleared either way.
    void setSubmitHook(std::function<bool(const QString &)> hook);
    //! Shows a widget seen only by this user above the composer (confirmation cards, agenda
    //! answers). The panel takes ownership; deleting the widget removes it.
    void addCard(QWidget *card);
    QList<QWidget *> cards() const;
    //! A small link under the next message this user sends from the composer (the one the
    //! submit hook is deciding about): "Add to calendar?". \a action runs when it is clicked,
    //! and the chip goes. Nothing of it reaches the room. Call it from the submit hook; a
    //! message that is not sent drops the chip.
    void addChipToNextMessage(const QString &label, std::function<void()> action);
    //! Chips shown now (for tests): the labels, in message order.
    QStringList chips() const;
    //! The zone meeting proposals are shown in (default: the system's).
    void setDisplayZone(const QTimeZone &zone);
    //! A button for \a action in the panel's header row (e.g. Find a Time…); added once.
    void addHeaderAction(QAction *action);

    //! User-visible text for a protocol error code.
    static QString errorText(const QString &code);

Q_SIGNALS:
    void unreadCountChanged(int count);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void sendComposer();
    void updateBanner();
    void updateUnread();
    void scheduleRender();
    void render();

    QPointer<room::RoomClient> m_client;
    QLabel *m_banner = nullptr;
    QLabel *m_notice = nullptr;
    QWidget *m_cardArea = nullptr;
    QScrollArea *m_cardScroll = nullptr;
    QPointer<QWidget> m_newestCard; //!< scrolled into view when the cards' height changes
    QVBoxLayout *m_cards = nullptr;
    QHBoxLayout *m_header = nullptr;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
    std::function<bool(const QString &)> m_submitHook;
    struct Chip {
        QString label;
        std::function<void()> action;
    };
    std::optional<Chip> m_nextChip;
    QHash<QString, Chip> m_chips; //!< by message id
    QPushButton *m_retry = nullptr;
    QListView *m_members = nullptr;
    QTextBrowser *m_view = nullptr;
    QPlainTextEdit *m_composer = nullptr;
    QPushButton *m_send = nullptr;
    QPushButton *m_older = nullptr;
    QLabel *m_unread = nullptr;
    QTimer *m_tick = nullptr;
    QTimer *m_renderTimer = nullptr;
};

} // namespace kairos
