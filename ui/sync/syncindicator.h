#pragma once

#include <QDateTime>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;

namespace kairos {

class AccountManager;
class EventStore;
class SyncEngine;

//! \brief Status-bar indicator of calendar sync: a busy bar and "Syncing ann@example.com… 3/8"
//! while a run is going, "Synced 2 min ago" or the last error in plain words afterwards.
class SyncIndicator final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncIndicator)
public:
    SyncIndicator(SyncEngine &engine, QWidget *parent = nullptr);
    ~SyncIndicator() override;

    void setAccountManager(AccountManager *accounts) { m_accounts = accounts; }
    //! Where account e-mails are read when there is no AccountManager.
    void setEventStore(EventStore *store) { m_store = store; }
    QString text() const;
    //! Plain words for an engine error code ("network_error" …).
    static QString errorText(const QString &code);
    //! "just now", "2 min ago", "3 h ago", or a date.
    static QString agoText(const QDateTime &when);

private:
    void onStarted(const QString &accountId);
    void onProgress(const QString &accountId, int done, int total);
    void updateIdle();
    QString accountName(const QString &accountId) const;

    SyncEngine &m_engine;
    AccountManager *m_accounts = nullptr;
    EventStore *m_store = nullptr;
    QProgressBar *m_busy;
    QLabel *m_label;
    QTimer *m_tick;
};

} // namespace kairos
