#include "chat/chatpanel.h"

#include "calendar/viewhelpers.h"
#include "room/memberlistmodel.h"
#include "room/messagelistmodel.h"
#include "room/proposal.h"
#include "team/proposalcard.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTextBrowser>
#include <QTimer>
#include <QTimeZone>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

namespace kairos {

namespace {

//! Members: a presence dot, the name, and a "Calendar connected" badge.
class MemberDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(
        QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString status = index.data(room::MemberListModel::StatusRole).toString();
        const bool calendar = index.data(room::MemberListModel::CalendarRole).toBool();
        const bool self = index.data(room::MemberListModel::SelfRole).toBool();
        QString name = index.data(room::MemberListModel::NameRole).toString();
        if (self)
            name = ChatPanel::tr("%1 (you)").arg(name);
        opt.text.clear();
        QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &opt, p, opt.widget);
        p->save();
        p->setRenderHint(QPainter::Antialiasing);
        const QColor dot = status == QLatin1String("online") ? QColor(0x2e, 0xa0, 0x43)
            : status == QLatin1String("away")                ? QColor(0xd2, 0x99, 0x22)
                                                             : QColor(0x9a, 0x9a, 0x9a);
        const QRect r = opt.rect.adjusted(6, 0, -6, 0);
        p->setBrush(dot);
        p->setPen(Qt::NoPen);
        p->drawEllipse(QPoint(r.left() + 5, r.center().y()), 4, 4);
        p->setPen(opt.palette.color(
            status == QLatin1String("offline") ? QPalette::PlaceholderText : QPalette::Text));
        QRect textRect = r.adjusted(16, 0, 0, 0);
        if (calendar) {
            QFont small = opt.font;
            small.setPointSizeF(small.pointSizeF() * 0.8);
            const QString badge = ChatPanel::tr("Calendar connected");
            const int w = QFontMetrics(small).horizontalAdvance(badge) + 8;
            const int nameWidth = QFontMetrics(opt.font).horizontalAdvance(name);
            if (textRect.width() - w - 4 < qMin(nameWidth, 90)) {
                // A narrow list: the name comes first, the badge shrinks to a calendar glyph
                // (the tooltip says what it means).
                const QRect gr(textRect.right() - 13, r.center().y() - 7, 13, 14);
                p->setPen(opt.palette.color(QPalette::Mid));
                p->setBrush(opt.palette.color(QPalette::Base));
                p->drawRoundedRect(gr, 2, 2);
                p->setPen(Qt::NoPen);
                p->setBrush(QColor(0x2e, 0x7d, 0xd2));
                p->drawRect(gr.left() + 1, gr.top() + 1, gr.width() - 1, 4);
                textRect.setRight(gr.left() - 4);
                p->setPen(opt.palette.color(QPalette::Text));
                p->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                    QFontMetrics(opt.font).elidedText(name, Qt::ElideRight, textRect.width()));
                p->restore();
                return;
            }
            const QRect br(textRect.right() - w, r.center().y() - 8, w, 16);
            p->setFont(small);
            p->setBrush(opt.palette.color(QPalette::AlternateBase));
            p->setPen(opt.palette.color(QPalette::Mid));
            p->drawRoundedRect(br, 4, 4);
            p->setPen(opt.palette.color(QPalette::Text));
            p->drawText(br, Qt::AlignCenter, badge);
            p->setFont(opt.font);
            textRect.setRight(br.left() - 4);
        }
        p->setPen(opt.palette.color(QPalette::Text));
        p->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
            QFontMetrics(opt.font).elidedText(name, Qt::ElideRight, textRect.width()));
        p->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        s.setHeight(qMax(s.height(), 24));
        return s;
    }

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override
    {
        if (event && event->type() == QEvent::ToolTip
            && index.data(room::MemberListModel::CalendarRole).toBool()) {
            QToolTip::showText(event->globalPos(),
                ui::plainToolTip(ChatPanel::tr("%1 · Calendar connected")
                                     .arg(index.data(room::MemberListModel::NameRole).toString())),
                view);
            return true;
        }
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    }
};

QString linkified(const QString &text)
{
    static const QRegularExpression url(QStringLiteral(R"((https?://[^\s<>"]+))"));
    QString out;
    qsizetype pos = 0;
    auto it = url.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += text.mid(pos, m.capturedStart() - pos).toHtmlEscaped();
        const QString u = m.captured(1);
        out += QStringLiteral("<a href=\"") + u.toHtmlEscaped() + QStringLiteral("\">")
            + u.toHtmlEscaped() + QStringLiteral("</a>");
        pos = m.capturedEnd();
    }
    out += text.mid(pos).toHtmlEscaped();
    out.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return out;
}

} // namespace

ChatPanel::ChatPanel(room::RoomClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(QStringLiteral("chatPanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *bannerRow = new QWidget(this);
    bannerRow->setObjectName(QStringLiteral("connectionBannerRow"));
    auto *bannerLayout = new QHBoxLayout(bannerRow);
    bannerLayout->setContentsMargins(8, 4, 8, 4);
    m_banner = new QLabel(bannerRow);
    m_banner->setObjectName(QStringLiteral("connectionBanner"));
    m_banner->setWordWrap(true);
    m_retry = new QPushButton(tr("Retry now"), bannerRow);
    m_retry->setObjectName(QStringLiteral("retryButton"));
    bannerLayout->addWidget(m_banner, 1);
    bannerLayout->addWidget(m_retry);
    bannerRow->setAutoFillBackground(true);
    QPalette bp = bannerRow->palette();
    bp.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    bp.setColor(QPalette::WindowText, QColor(0x5c, 0x45, 0x00));
    bannerRow->setPalette(bp);
    layout->addWidget(bannerRow);

    m_notice = new QLabel(this);
    m_notice->setObjectName(QStringLiteral("chatNotice"));
    m_notice->setWordWrap(true);
    m_notice->setContentsMargins(8, 4, 8, 4);
    m_notice->setVisible(false);
    layout->addWidget(m_notice);

    auto *split = new QSplitter(Qt::Horizontal, this);
    m_members = new QListView(split);
    m_members->setObjectName(QStringLiteral("memberList"));
    m_members->setItemDelegate(new MemberDelegate(m_members));
    m_members->setModel(client->members());
    m_members->setSelectionMode(QAbstractItemView::NoSelection);
    m_members->setAccessibleName(tr("Members"));

    auto *right = new QWidget(split);
    auto *rl = new QVBoxLayout(right);
    rl->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    m_header = top;
    m_older = new QPushButton(tr("Load older messages"), right);
    m_older->setObjectName(QStringLiteral("loadOlderButton"));
    m_unread = new QLabel(right);
    m_unread->setObjectName(QStringLiteral("unreadBadge"));
    top->addWidget(m_older);
    top->addStretch(1);
    top->addWidget(m_unread);
    rl->addLayout(top);
    m_view = new QTextBrowser(right);
    m_view->setObjectName(QStringLiteral("messageView"));
    m_view->setOpenExternalLinks(true);
    // Links open here: web links in the browser, chips (kairos-chip:ID) run their action.
    m_view->setOpenLinks(false);
    connect(m_view, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() != QLatin1String("kairos-chip")) {
            QDesktopServices::openUrl(url);
            return;
        }
        const auto it = m_chips.constFind(url.path());
        if (it == m_chips.constEnd())
            return;
        const std::function<void()> action = it->action;
        m_chips.remove(url.path());
        scheduleRender();
        if (action)
            action();
    });
    m_view->setAccessibleName(tr("Messages"));
    rl->addWidget(m_view, 1);
    m_cardArea = new QWidget(right);
    m_cardArea->setObjectName(QStringLiteral("cardArea"));
    m_cards = new QVBoxLayout(m_cardArea);
    m_cards->setContentsMargins(0, 0, 0, 0);
    m_cardArea->setVisible(false);
    // Cards scroll when there are more than fit (at most 60 % of the panel's height), so that
    // neither they nor the messages get squeezed unreadable in a narrow dock.
    m_cardScroll = new QScrollArea(right);
    m_cardScroll->setObjectName(QStringLiteral("cardScroll"));
    m_cardScroll->setWidgetResizable(true);
    m_cardScroll->setFrameShape(QFrame::NoFrame);
    m_cardScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_cardScroll->setWidget(m_cardArea);
    m_cardScroll->setVisible(false);
    rl->addWidget(m_cardScroll);
    connect(m_cardScroll->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this]() {
        if (m_newestCard)
            m_cardScroll->ensureWidgetVisible(m_newestCard, 0, 0);
    });
    auto *composerRow = new QHBoxLayout;
    m_composer = new QPlainTextEdit(right);
    m_composer->setObjectName(QStringLiteral("composer"));
    m_composer->setPlaceholderText(tr("Write a message — Enter sends, Shift+Enter for a new line"));
    m_composer->setMaximumHeight(90);
    m_composer->setTabChangesFocus(true);
    m_composer->installEventFilter(this);
    m_send = new QPushButton(tr("Send"), right);
    m_send->setObjectName(QStringLiteral("sendButton"));
    composerRow->addWidget(m_composer, 1);
    composerRow->addWidget(m_send);
    rl->addLayout(composerRow);
    split->addWidget(m_members);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({ 140, 360 }); // members narrow, messages take the rest
    m_members->setMinimumWidth(100);
    layout->addWidget(split, 1);

    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    m_renderTimer = new QTimer(this);
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(0);

    connect(m_send, &QPushButton::clicked, this, [this]() { sendComposer(); });
    connect(m_retry, &QPushButton::clicked, this, [this]() {
        if (m_client)
            m_client->reconnectNow();
    });
    connect(m_older, &QPushButton::clicked, this, [this]() {
        if (m_client)
            m_client->loadOlder();
    });
    connect(m_tick, &QTimer::timeout, this, [this]() { updateBanner(); });
    connect(m_renderTimer, &QTimer::timeout, this, [this]() { render(); });
    connect(client, &room::RoomClient::stateChanged, this, [this]() { updateBanner(); });
    connect(client, &room::RoomClient::reconnectScheduled, this, [this]() { updateBanner(); });
    connect(client, &room::RoomClient::unreadCountChanged, this, [this]() { updateUnread(); });
    auto *messages = client->messages();
    connect(messages, &QAbstractItemModel::rowsInserted, this, [this]() { scheduleRender(); });
    connect(messages, &QAbstractItemModel::rowsRemoved, this, [this]() { scheduleRender(); });
    connect(messages, &QAbstractItemModel::rowsMoved, this, [this]() { scheduleRender(); });
    connect(messages, &QAbstractItemModel::dataChanged, this, [this]() { scheduleRender(); });
    connect(messages, &QAbstractItemModel::modelReset, this, [this]() { scheduleRender(); });
    updateBanner();
    updateUnread();
    render();
}

ChatPanel::~ChatPanel() = default;

QString ChatPanel::errorText(const QString &code)
{
    if (code == QLatin1String("bad_invite"))
        return tr("The invite key is not valid for this room. Ask for a new invite link.");
    if (code == QLatin1String("name_taken"))
        return tr("This name is already used in the room. Choose another name.");
    if (code == QLatin1String("bad_secret"))
        return tr("This name belongs to someone else in the room, or this device lost its key. "
                  "Choose another name.");
    if (code == QLatin1String("room_not_found"))
        return tr("This room does not exist on the server.");
    if (code == QLatin1String("bad_name"))
        return tr("Choose a display name of 1 to 40 characters.");
    if (code == QLatin1String("unsupported_version"))
        return tr("The room server is too old or too new for this version of Kairos.");
    if (code == QLatin1String("room_full"))
        return tr("The room is full.");
    if (code == QLatin1String("server_full"))
        return tr("The room server is busy.");
    if (code == QLatin1String("rate_limited"))
        return tr("You are sending too fast; your messages will go out in a moment.");
    if (code == QLatin1String("outbox"))
        return tr("Unsent messages cannot be saved on this computer.");
    return tr("The room reported an error (%1).").arg(code);
}

QString ChatPanel::bannerText() const
{
    return m_banner->parentWidget()->isVisibleTo(this) ? m_banner->text() : QString();
}

int ChatPanel::unreadCount() const
{
    return m_client ? m_client->unreadCount() : 0;
}

void ChatPanel::updateBanner()
{
    if (!m_client)
        return;
    using State = room::RoomClient::State;
    const State s = m_client->state();
    QString text;
    bool retry = false;
    switch (s) {
    case State::Online:
        break;
    case State::Idle:
        text = tr("Not connected to the room.");
        break;
    case State::Connecting:
    case State::Joining:
        text = m_client->isOffline()
            ? tr("You are offline — messages will be sent when the room is back")
            : tr("Connecting to the room…");
        break;
    case State::Waiting: {
        retry = true;
        const int secs = m_client->secondsUntilReconnect();
        text = m_client->isOffline()
            ? tr("You are offline — messages will be sent when the room is back")
            : tr("Reconnecting in %1 s…").arg(secs);
        break;
    }
    case State::Failed:
        text = errorText(m_client->lastErrorCode());
        break;
    }
    m_banner->setText(text);
    m_banner->parentWidget()->setVisible(!text.isEmpty());
    m_retry->setVisible(retry);
    if (s == State::Waiting)
        m_tick->start();
    else
        m_tick->stop();
    m_older->setVisible(s == State::Online && m_client->hasOlder());
}

void ChatPanel::updateUnread()
{
    const int n = unreadCount();
    m_unread->setText(n > 0 ? tr("%n unread", nullptr, n) : QString());
    m_unread->setVisible(n > 0);
    Q_EMIT unreadCountChanged(n);
}

bool ChatPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_composer) {
        if (event->type() == QEvent::KeyPress) {
            auto *k = static_cast<QKeyEvent *>(event);
            if ((k->key() == Qt::Key_Return || k->key() == Qt::Key_Enter)
                && !(k->modifiers() & Qt::ShiftModifier)) {
                sendComposer();
                return true;
            }
        } else if (event->type() == QEvent::FocusIn && m_client) {
            m_client->markAllRead();
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ChatPanel::setNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

QString ChatPanel::notice() const
{
    return m_notice->isVisibleTo(this) ? m_notice->text() : QString();
}

void ChatPanel::setSubmitHook(std::function<bool(const QString &)> hook)
{
    m_submitHook = std::move(hook);
}

void ChatPanel::addCard(QWidget *card)
{
    card->setParent(m_cardArea);
    m_cards->addWidget(card);
    m_cardArea->setVisible(true);
    m_cardScroll->setVisible(true);
    // The newest card in view once the layout has made room for it.
    m_newestCard = card;
    connect(card, &QObject::destroyed, this, [this]() {
        // The layout item is gone once the widget is: hide the area when nothing is left.
        QTimer::singleShot(0, this, [this]() {
            m_cardArea->setVisible(m_cards->count() > 0);
            m_cardScroll->setVisible(m_cards->count() > 0);
        });
    });
}

void ChatPanel::setDisplayZone(const QTimeZone &zone)
{
    m_zone = zone;
    scheduleRender();
}

void ChatPanel::addHeaderAction(QAction *action)
{
    for (const QToolButton *b : findChildren<QToolButton *>())
        if (b->defaultAction() == action)
            return;
    auto *button = new QToolButton(this);
    button->setObjectName(action->objectName().isEmpty()
            ? QString()
            : action->objectName().replace(QLatin1String("Action"), QLatin1String("Button")));
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_header->insertWidget(0, button);
}

QList<QWidget *> ChatPanel::cards() const
{
    QList<QWidget *> list;
    for (int i = 0; i < m_cards->count(); ++i) {
        if (QWidget *w = m_cards->itemAt(i)->widget())
            list << w;
    }
    return list;
}

void ChatPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_cardScroll->setMaximumHeight(std::max(120, height() * 6 / 10));
}

void ChatPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    updateBanner();
}

void ChatPanel::sendComposer()
{
    if (!m_client)
        return;
    const QString text = m_composer->toPlainText();
    if (text.trimmed().isEmpty())
        return;
    m_nextChip.reset();
    if (m_submitHook && !m_submitHook(text)) {
        m_nextChip.reset();
        m_composer->clear(); // a slash command: answered locally, not sent to the room
        return;
    }
    auto id = m_client->send(text);
    if (id && m_nextChip) {
        m_chips.insert(*id, *m_nextChip);
        scheduleRender();
    }
    m_nextChip.reset();
    if (!id) {
        m_banner->setText(tr("The message could not be saved: %1").arg(id.error().message));
        m_banner->parentWidget()->setVisible(true);
        return;
    }
    m_composer->clear();
    m_client->markAllRead();
}

void ChatPanel::addChipToNextMessage(const QString &label, std::function<void()> action)
{
    m_nextChip = Chip { label, std::move(action) };
}

QStringList ChatPanel::chips() const
{
    QStringList labels;
    if (!m_client)
        return labels;
    const auto *model = m_client->messages();
    for (int i = 0; i < model->rowCount(); ++i) {
        const auto it = m_chips.constFind(model->row(i).message.id);
        if (it != m_chips.constEnd())
            labels << it->label;
    }
    return labels;
}

void ChatPanel::scheduleRender()
{
    m_renderTimer->start();
}

void ChatPanel::render()
{
    if (!m_client)
        return;
    const auto *model = m_client->messages();
    const QLocale locale;
    QScrollBar *bar = m_view->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum() - 4;
    QString html
        = QStringLiteral("<style>"
                         ".day{color:#777;text-align:center;margin:8px 0 4px 0;font-size:small;}"
                         ".sys{color:#777;font-style:italic;text-align:center;font-size:small;}"
                         ".own{background:#e7f0fd;margin-left:40px;}"
                         ".other{margin-right:40px;}"
                         ".who{font-weight:bold;} .time{color:#888;font-size:small;}"
                         ".pending{color:#999;font-size:small;}"
                         ".proposal{color:#1e6b34;margin:6px 0;}"
                         "a.chip{color:#1a56c4;background-color:#ffffff;text-decoration:none;"
                         "font-size:small;}"
                         "</style>");
    QDate lastDay;
    for (int i = 0; i < model->rowCount(); ++i) {
        const auto &row = model->row(i);
        const QDateTime local = row.message.ts.toLocalTime();
        if (local.date() != lastDay) {
            lastDay = local.date();
            const QDate today = QDate::currentDate();
            const QString label = lastDay == today ? tr("Today")
                : lastDay == today.addDays(-1)     ? tr("Yesterday")
                                                   : locale.toString(lastDay, QLocale::LongFormat);
            html += QStringLiteral("<p class=\"day\">— ") + label.toHtmlEscaped()
                + QStringLiteral(" —</p>");
        }
        if (row.message.kind == QLatin1String("system")) {
            QString text = row.message.text;
            if (row.message.event == QLatin1String("member_joined"))
                text = tr("%1 joined the room").arg(row.message.from);
            html += QStringLiteral("<p class=\"sys\">") + text.toHtmlEscaped()
                + QStringLiteral("</p>");
            continue;
        }
        const QString who = row.own ? tr("You") : row.message.from;
        if (row.message.kind == QLatin1String("proposal")) {
            // The card with its buttons sits above the composer; the stream notes it in order.
            const auto p = room::MeetingProposal::fromMessageText(row.message.text);
            const QString text = !p
                ? tr("%1 sent a meeting proposal this version cannot show.").arg(who)
                : row.own
                ? tr("You proposed a meeting: “%1”, %2.")
                      .arg(p->title, ProposalCard::timeText(p->start, p->end, m_zone))
                : tr("%1 proposed a meeting: “%2”, %3.")
                      .arg(who, p->title, ProposalCard::timeText(p->start, p->end, m_zone));
            html += QStringLiteral("<p class=\"proposal\">") + text.toHtmlEscaped()
                + QStringLiteral("</p>");
            continue;
        }
        html += QStringLiteral("<table width=\"100%\" cellpadding=\"4\" class=\"")
            + (row.own ? QStringLiteral("own") : QStringLiteral("other"))
            + QStringLiteral("\"><tr><td><span class=\"who\">") + who.toHtmlEscaped()
            + QStringLiteral("</span> <span class=\"time\">")
            + locale.toString(local.time(), QLocale::ShortFormat).toHtmlEscaped()
            + QStringLiteral("</span>");
        if (row.pending)
            html += QStringLiteral(" <span class=\"pending\">") + tr("Sending…").toHtmlEscaped()
                + QStringLiteral("</span>");
        html += QStringLiteral("<br>") + linkified(row.message.text);
        if (row.own) {
            const auto chip = m_chips.constFind(row.message.id);
            if (chip != m_chips.constEnd())
                html += QStringLiteral("<br><a class=\"chip\" href=\"kairos-chip:")
                    + row.message.id.toHtmlEscaped() + QStringLiteral("\">&nbsp;")
                    + chip->label.toHtmlEscaped() + QStringLiteral("&nbsp;</a>");
        }
        html += QStringLiteral("</td></tr></table>");
    }
    m_view->setHtml(html);
    if (atBottom)
        bar->setValue(bar->maximum());
    updateBanner();
}

} // namespace kairos
