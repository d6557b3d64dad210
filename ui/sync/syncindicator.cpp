#include "syncindicator.h"

#include "auth/accountmanager.h"
#include "core/clock.h"
#include "store/eventstore.h"
#include "sync/syncengine.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>

namespace kairos {

SyncIndicator::SyncIndicator(SyncEngine &engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_busy(new QProgressBar(this))
    , m_label(new QLabel(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("syncIndicator"));
    m_busy->setObjectName(QStringLiteral("syncBusy"));
    m_busy->setRange(0, 0); // busy
    m_busy->setTextVisible(false);
    m_busy->setMaximumSize(60, 12);
    m_busy->setVisible(false);
    m_label->setObjectName(QStringLiteral("syncLabel"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_busy);
    layout->addWidget(m_label);

    connect(&engine, &SyncEngine::syncStarted, this, &SyncIndicator::onStarted);
    connect(&engine, &SyncEngine::syncProgress, this, &SyncIndicator::onProgress);
    connect(&engine, &SyncEngine::idle, this, &SyncIndicator::updateIdle);
    connect(&engine, &SyncEngine::syncFinished, this, [this]() {
        if (!m_engine.isSyncing())
            updateIdle();
    });
    m_tick->setInterval(30 * 1000);
    connect(m_tick, &QTimer::timeout, this, [this]() {
        if (!m_engine.isSyncing())
            updateIdle();
    });
    m_tick->start();
    updateIdle();
}

SyncIndicator::~SyncIndicator() = default;

QString SyncIndicator::text() const
{
    return m_label->text();
}

QString SyncIndicator::accountName(const QString &accountId) const
{
    if (m_accounts) {
        if (const auto a = m_accounts->account(accountId); a && !a->email.isEmpty())
            return a->email;
    }
    if (m_store) {
        if (const auto all = m_store->accounts()) {
            for (const Account &a : *all) {
                if (a.id == accountId && !a.email.isEmpty())
                    return a.email;
            }
        }
    }
    return accountId;
}

void SyncIndicator::onStarted(const QString &accountId)
{
    setVisible(true);
    m_busy->setVisible(true);
    m_label->setText(tr("Syncing %1…").arg(accountName(accountId)));
    m_label->setToolTip(QString());
}

void SyncIndicator::onProgress(const QString &accountId, int done, int total)
{
    m_busy->setVisible(true);
    m_label->setText(tr("Syncing %1… %2/%3").arg(accountName(accountId)).arg(done).arg(total));
}

QString SyncIndicator::errorText(const QString &code)
{
    if (code == QLatin1String("network_error") || code == QLatin1String("timeout"))
        return tr("You seem to be offline; Kairos will sync when the network is back.");
    if (code == QLatin1String("unauthorised") || code == QLatin1String("needs_reconnect"))
        return tr("The account needs to be reconnected.");
    if (code == QLatin1String("rate_limited"))
        return tr("The calendar service asked Kairos to slow down; it will retry shortly.");
    if (code == QLatin1String("server_error"))
        return tr("The calendar service had a problem; Kairos will retry shortly.");
    if (code == QLatin1String("keychain_unavailable") || code == QLatin1String("keychain_error"))
        return tr("Kairos cannot read the account's sign-in from the keychain.");
    return tr("Sync failed (%1); Kairos will retry shortly.").arg(code);
}

QString SyncIndicator::agoText(const QDateTime &when)
{
    const qint64 secs = when.secsTo(Clock::nowUtc());
    if (secs < 60)
        return tr("Synced just now");
    if (secs < 3600)
        return tr("Synced %n min ago", nullptr, int(secs / 60));
    if (secs < 24 * 3600)
        return tr("Synced %n h ago", nullptr, int(secs / 3600));
    return tr("Synced on %1").arg(QLocale().toString(when.toLocalTime(), QLocale::ShortFormat));
}

void SyncIndicator::updateIdle()
{
    if (m_engine.isSyncing())
        return;
    m_busy->setVisible(false);
    const QStringList ids = m_engine.accountIds();
    QStringList errors;
    QDateTime oldest;
    for (const QString &id : ids) {
        const QString error = m_engine.lastError(id);
        if (!error.isEmpty())
            errors.append(accountName(id) + QStringLiteral(": ") + errorText(error));
        const QDateTime when = m_engine.lastSynced(id);
        if (when.isValid() && (!oldest.isValid() || when < oldest))
            oldest = when;
    }
    setVisible(!ids.isEmpty());
    if (!errors.isEmpty()) {
        m_label->setText(errors.constFirst());
        m_label->setToolTip(errors.join(QLatin1Char('\n')));
    } else if (oldest.isValid()) {
        m_label->setText(agoText(oldest));
        m_label->setToolTip(QString());
    } else {
        m_label->setText(tr("Not synced yet"));
        m_label->setToolTip(QString());
    }
}

} // namespace kairos
