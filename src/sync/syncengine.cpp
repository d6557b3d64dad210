#include "sync/syncengine.h"

#include "calendar/calendarservice.h"
#include "core/clock.h"
#include "core/logging.h"
#include "providers/eventjson.h"
#include "providers/providerregistry.h"
#include "store/database.h"
#include "store/eventstore.h"

#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

namespace kairos {

namespace {

//! The local id of a provisional event whose provider id the server assigns on create.
QString provisionalProviderId(const QString &clientKey)
{
    return QStringLiteral("pending-") + clientKey;
}

QString calendarLocalId(const QString &accountId, const QString &providerCalId)
{
    return accountId + QLatin1Char(':') + providerCalId;
}

} // namespace

SyncEngine::SyncEngine(Database &db, AuthorizedClient &client, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_client(client)
    , m_store(std::make_unique<EventStore>(db))
    , m_sync(db)
{
    m_timer.setInterval(m_interval);
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_timer.start();
}

SyncEngine::~SyncEngine()
{
    if (m_service && m_service->eventWriter() == this)
        m_service->setEventWriter(nullptr);
}

void SyncEngine::setCalendarService(CalendarService *service)
{
    if (m_service && m_service != service && m_service->eventWriter() == this)
        m_service->setEventWriter(nullptr);
    m_service = service;
    if (service)
        service->setEventWriter(this);
}

ProviderCapabilities SyncEngine::capabilitiesOf(const Calendar &cal) const
{
    if (auto st = m_accounts.value(cal.accountId))
        return st->client->capabilities();
    return capabilitiesFor(cal.kind).value_or(ProviderCapabilities {});
}

void SyncEngine::setSyncInterval(int ms)
{
    m_interval = ms;
    m_timer.stop();
    if (ms > 0) {
        m_timer.setInterval(ms);
        m_timer.start();
    }
}

void SyncEngine::addAccount(const Account &account)
{
    auto st = std::make_shared<AccountState>();
    st->account = account;
    st->lastSynced = account.lastSyncedAt;
    st->client = makeProviderClient(account.provider, m_client, account.id);
    if (!st->client) {
        qCWarning(lcSync) << "no provider client for account" << account.id;
        return;
    }
    st->retryTimer = new QTimer(this);
    st->retryTimer->setSingleShot(true);
    const QString id = account.id;
    connect(st->retryTimer, &QTimer::timeout, this, [this, id]() { syncAccount(id); });
    m_accounts.insert(account.id, st);
}

void SyncEngine::removeAccount(const QString &accountId)
{
    auto st = m_accounts.take(accountId);
    if (st && st->retryTimer)
        st->retryTimer->deleteLater();
}

bool SyncEngine::isSyncing() const
{
    for (const auto &st : m_accounts) {
        if (st->running)
            return true;
    }
    return false;
}

bool SyncEngine::isSyncing(const QString &accountId) const
{
    auto st = m_accounts.value(accountId);
    return st && st->running;
}

QDateTime SyncEngine::lastSynced(const QString &accountId) const
{
    auto st = m_accounts.value(accountId);
    return st ? st->lastSynced : QDateTime();
}

QString SyncEngine::lastError(const QString &accountId) const
{
    auto st = m_accounts.value(accountId);
    return st ? st->lastError : QString();
}

int SyncEngine::requestCount(const QString &accountId) const
{
    auto st = m_accounts.value(accountId);
    return st ? st->client->requestCount() : 0;
}

bool SyncEngine::retryable(const Error &e)
{
    switch (e.code) {
    case Error::Code::NetworkError:
    case Error::Code::Timeout:
    case Error::Code::RateLimited:
    case Error::Code::ServerError:
    case Error::Code::Unauthorised:
    case Error::Code::KeychainUnavailable:
    case Error::Code::NeedsReconnect:
        return true;
    default:
        return false;
    }
}

void SyncEngine::changed()
{
    if (m_service)
        m_service->notifyChanged();
}

// ---- runs ------------------------------------------------------------------------------

void SyncEngine::syncNow()
{
    const auto ids = m_accounts.keys();
    for (const QString &id : ids)
        syncAccount(id);
}

void SyncEngine::onApplicationActivated()
{
    const QDateTime now = Clock::nowUtc();
    for (auto it = m_accounts.cbegin(); it != m_accounts.cend(); ++it) {
        if (!it.value()->lastSynced.isValid() || it.value()->lastSynced.secsTo(now) > 60)
            syncAccount(it.key());
    }
}

void SyncEngine::onNetworkOnline()
{
    syncNow();
}

void SyncEngine::syncAccount(const QString &accountId)
{
    auto st = m_accounts.value(accountId);
    if (!st)
        return;
    if (st->running) {
        st->again = true;
        return;
    }
    startRun(accountId);
}

void SyncEngine::startRun(const QString &accountId)
{
    auto st = m_accounts.value(accountId);
    st->running = true;
    st->again = false;
    st->runOk = true;
    st->runError.clear();
    st->calendarsDone = 0;
    st->calendarsTotal = 0;
    st->retryTimer->stop();
    qCDebug(lcSync) << "sync start" << accountId;
    Q_EMIT syncStarted(accountId);
    QPointer<SyncEngine> self(this);
    flush(accountId, [self, accountId](bool) {
        if (self)
            self->afterFlush(accountId);
    });
}

void SyncEngine::afterFlush(const QString &accountId)
{
    auto st = m_accounts.value(accountId);
    if (!st)
        return;
    QPointer<SyncEngine> self(this);
    st->client->listCalendars([self, accountId](Expected<QList<RemoteCalendar>> r) {
        if (!self)
            return;
        auto st = self->m_accounts.value(accountId);
        if (!st)
            return;
        if (!r)
            return self->finishRun(accountId, false, r.error().codeName());
        const ProviderEntry *entry = providerEntry(st->account.provider);
        const CalendarKind kind = entry ? entry->calendarKind : CalendarKind::Local;
        auto existing = self->m_store->calendars();
        QHash<QString, Calendar> known;
        if (existing) {
            for (const Calendar &c : *existing) {
                if (c.accountId == accountId)
                    known.insert(c.id, c);
            }
        }
        QList<Calendar> cals;
        bool calendarsChanged = false;
        for (const RemoteCalendar &rc : *r) {
            Calendar c;
            const QString id = calendarLocalId(accountId, rc.providerId);
            if (known.contains(id)) {
                c = known.take(id);
            } else {
                c.id = id;
                c.accountId = accountId;
                c.providerId = rc.providerId;
                c.kind = kind;
                c.visible = true;
                c.countsForAvailability = rc.owned || rc.primary;
                if (!rc.color.isEmpty())
                    c.color = rc.color;
            }
            Calendar before = c;
            c.name = rc.name;
            c.timeZone = rc.timeZone;
            c.readOnly = rc.readOnly;
            c.primary = rc.primary;
            if (rc.defaultReminders) // the provider's own defaults are what useDefault means
                c.defaultReminders = *rc.defaultReminders;
            if (c.color.isEmpty() && !rc.color.isEmpty())
                c.color = rc.color;
            if (!(before == c) || !existing || !existing->contains(c)) {
                self->m_store->saveCalendar(c);
                calendarsChanged = true;
            }
            cals << c;
        }
        for (const Calendar &gone : std::as_const(known)) {
            self->m_sync.removeOpsForCalendar(gone.id);
            self->m_store->removeCalendar(gone.id);
            calendarsChanged = true;
        }
        if (calendarsChanged) {
            // CalendarService caches the list: reload it (views, availability set).
            if (self->m_service)
                self->m_service->notifyCalendarsChanged();
            Q_EMIT self->calendarsChanged();
        }
        st->calendarsTotal = int(cals.size());
        st->calendarsDone = 0;
        Q_EMIT self->syncProgress(accountId, 0, st->calendarsTotal);
        if (cals.isEmpty())
            return self->finishRun(accountId, true, {});
        for (const Calendar &c : std::as_const(cals))
            self->pullCalendar(accountId, c, false);
    });
}

void SyncEngine::pullCalendar(const QString &accountId, const Calendar &cal, bool retriedAfterGone)
{
    auto st = m_accounts.value(accountId);
    if (!st)
        return;
    auto state = m_sync.state(cal.id);
    SyncStore::State s = state ? *state : SyncStore::State {};
    const ProviderCapabilities caps = st->client->capabilities();
    qint64 winStart = 0, winEnd = 0;
    if (const auto window = st->client->syncWindow(Clock::nowUtc())) {
        const auto &[from, to] = *window;
        winStart = from.toMSecsSinceEpoch();
        winEnd = to.toMSecsSinceEpoch();
        // The window moves forward as time passes: a week off → sync the new window fully.
        if (!s.token.isEmpty() && qAbs(s.windowStartMs - winStart) > 7LL * 86400 * 1000)
            s.token.clear();
    }
    const bool full = s.token.isEmpty();
    auto seen = full ? std::make_shared<QSet<QString>>() : std::shared_ptr<QSet<QString>>();
    RemoteCalendar rc;
    rc.providerId = cal.providerId;
    rc.timeZone = cal.timeZone;
    QPointer<SyncEngine> self(this);
    st->client->pull(
        rc, s.token,
        [self, cal, caps, seen](ChangePage page) {
            if (self)
                self->storePage(cal, caps, std::move(page), seen.get());
        },
        [self, accountId, cal, full, seen, winStart, winEnd, retriedAfterGone](
            Expected<PullResult> r) {
            if (!self)
                return;
            auto st = self->m_accounts.value(accountId);
            if (!st)
                return;
            if (r && r->gone) {
                qCInfo(lcSync) << "sync token expired; full sync of" << cal.id;
                self->m_sync.dropCache(cal.id);
                self->m_sync.clearState(cal.id);
                self->changed();
                if (!retriedAfterGone)
                    return self->pullCalendar(accountId, cal, true);
                st->runOk = false;
                st->runError = QStringLiteral("sync_token_expired");
            } else if (!r) {
                st->runOk = false;
                st->runError = r.error().codeName();
            } else {
                if (full) {
                    // Whatever the full listing did not mention is gone at the provider.
                    auto ids = self->m_sync.eventIds(cal.id);
                    auto pending = self->m_sync.pendingEventIds(cal.id);
                    QStringList stale;
                    if (ids && pending) {
                        for (const QString &id : *ids) {
                            if (!seen->contains(id) && !pending->contains(id))
                                stale << id;
                        }
                    }
                    if (!stale.isEmpty()) {
                        self->m_store->removeEvents(stale);
                        self->changed();
                    }
                }
                SyncStore::State ns;
                ns.token = r->nextToken;
                ns.windowStartMs = winStart;
                ns.windowEndMs = winEnd;
                self->m_sync.saveState(cal.id, ns, full);
            }
            ++st->calendarsDone;
            Q_EMIT self->syncProgress(accountId, st->calendarsDone, st->calendarsTotal);
            if (st->calendarsDone == st->calendarsTotal)
                self->finishRun(accountId, st->runOk, st->runError);
        });
}

void SyncEngine::storePage(
    const Calendar &cal, const ProviderCapabilities &caps, ChangePage page, QSet<QString> *seen)
{
    QElapsedTimer t;
    t.start();
    auto pendingR = m_sync.pendingEventIds(cal.id);
    const QSet<QString> pending = pendingR ? *pendingR : QSet<QString>();
    // Instances of a series expanded here share their master's iCalUID (the expander finds
    // overridden and cancelled instances by it), but Google lists a cancelled instance
    // without one.
    const bool seriesHere = caps.expandsRecurrenceLocally;
    QHash<QString, QString> masterUids;
    if (seriesHere) {
        for (const Event &e : std::as_const(page.upserts)) {
            if (e.isRecurring() && !e.iCalUid.isEmpty())
                masterUids.insert(e.providerId, e.iCalUid);
        }
    }
    QList<Event> upserts;
    upserts.reserve(page.upserts.size());
    for (Event &e : page.upserts) {
        e.calendarId = cal.id;
        e.id = localIdFor(cal.id, e.providerId);
        if (seen)
            seen->insert(e.id);
        if (seriesHere && !e.recurringEventId.isEmpty()) {
            auto uid = masterUids.constFind(e.recurringEventId);
            if (uid == masterUids.constEnd()) {
                auto master = m_store->event(localIdFor(cal.id, e.recurringEventId));
                uid = masterUids.insert(e.recurringEventId, master ? master->iCalUid : e.iCalUid);
            }
            if (!uid->isEmpty())
                e.iCalUid = *uid;
            e.recurringEventId = localIdFor(cal.id, e.recurringEventId);
        }
        if (pending.contains(e.id))
            continue; // a local write is queued: it wins until the server answers it
        if (!e.isValid()) {
            qCWarning(lcSync) << "skipping an event without a valid span" << e.id;
            continue;
        }
        upserts << std::move(e);
    }
    QStringList removed;
    for (const QString &pid : std::as_const(page.removed)) {
        const QString id = localIdFor(cal.id, pid);
        if (!pending.contains(id))
            removed << id;
    }
    if (!page.replacedSeries.isEmpty()) {
        // Series the page carries whole: an exception it no longer lists was removed there.
        QSet<QString> kept;
        for (const Event &e : std::as_const(upserts))
            kept.insert(e.id);
        for (const QString &pid : std::as_const(page.replacedSeries)) {
            const auto exceptions = m_sync.exceptionIds(localIdFor(cal.id, pid));
            if (!exceptions)
                continue;
            for (const QString &id : *exceptions) {
                if (!kept.contains(id) && !pending.contains(id))
                    removed << id;
            }
        }
    }
    if (!upserts.isEmpty()) {
        if (auto r = m_store->saveEvents(upserts); !r)
            qCWarning(lcSync) << "storing a page failed:" << r.error().message;
    }
    if (!removed.isEmpty())
        m_store->removeEvents(removed);
    m_storeNs += t.nsecsElapsed();
    if (!upserts.isEmpty() || !removed.isEmpty())
        changed();
}

void SyncEngine::finishRun(const QString &accountId, bool ok, const QString &error)
{
    auto st = m_accounts.value(accountId);
    if (!st)
        return;
    QPointer<SyncEngine> self(this);
    // Writes made while pulling go out now rather than at the next run.
    flush(accountId, [self, accountId, ok, error](bool flushed) {
        if (!self)
            return;
        auto st = self->m_accounts.value(accountId);
        if (!st)
            return;
        st->running = false;
        st->lastError = ok ? QString() : error;
        if (ok) {
            st->lastSynced = Clock::nowUtc();
            st->retryAttempt = 0;
            auto accs = self->m_store->accounts();
            if (accs) {
                for (Account a : *accs) {
                    if (a.id == accountId) {
                        a.lastSyncedAt = st->lastSynced;
                        self->m_store->saveAccount(a);
                    }
                }
            }
        }
        if (!ok || !flushed) {
            // Jittered exponential backoff for the next attempt (Retry-After is honoured by
            // AuthorizedClient for each request; this spaces whole runs).
            const int attempt = ++st->retryAttempt;
            const int base = qMin(300000, 5000 * (1 << qMin(attempt, 6)));
            st->retryTimer->start(
                base / 2 + int(QRandomGenerator::global()->bounded(base / 2 + 1)));
        }
        qCDebug(lcSync) << "sync end" << accountId << ok << error;
        Q_EMIT self->syncFinished(accountId, ok && flushed,
            ok ? (flushed ? QString() : QStringLiteral("outbox_pending")) : error);
        if (st->again) {
            self->startRun(accountId);
            return;
        }
        if (!self->isSyncing())
            Q_EMIT self->idle();
    });
}

// ---- local writes ----------------------------------------------------------------------

Expected<Calendar> SyncEngine::providerCalendar(const QString &calendarId) const
{
    auto c = m_store->calendar(calendarId);
    if (!c)
        return c.error();
    if (c->readOnly)
        return makeError(Error::Code::ReadOnly, c->name);
    return c;
}

QString SyncEngine::accountOf(const QString &calendarId) const
{
    auto c = m_store->calendar(calendarId);
    return c ? c->accountId : QString();
}

Expected<Event> SyncEngine::createEvent(Event e, const WriteOptions &options)
{
    auto cal = providerCalendar(e.calendarId);
    if (!cal)
        return cal.error();
    if (!e.isValid())
        return makeError(
            Error::Code::InvalidInput, QStringLiteral("the event ends before it starts"));
    if (cal->accountId.isEmpty() || !m_accounts.contains(cal->accountId)) {
        // A local calendar: nothing to sync.
        e.id.clear();
        e.created = e.updated = Clock::nowUtc();
        if (auto r = m_store->saveEvent(e); !r)
            return r.error();
        changed();
        return e;
    }
    auto st = m_accounts.value(cal->accountId);
    OutboxOp op;
    op.accountId = cal->accountId;
    op.calendarId = cal->id;
    op.kind = OutboxOp::Kind::Create;
    op.clientKey = st->client->newClientKey();
    op.sendUpdates = options.sendUpdates;
    e.created = e.updated = Clock::nowUtc();
    e.etag.clear();
    if (st->client->capabilities().clientAssignsIds) {
        e.providerId = op.clientKey;
        e.id = localIdFor(cal->id, e.providerId);
    } else {
        // The server assigns the id: a provisional one until it answers (eventIdChanged()).
        e.providerId.clear();
        e.id = localIdFor(cal->id, provisionalProviderId(op.clientKey));
    }
    op.eventId = e.id;
    op.providerId = e.providerId;
    op.payload = e;
    // The outbox first: if we crash before the row below, the write still goes out.
    if (auto r = m_sync.enqueue(op); !r)
        return r.error();
    if (auto r = m_store->saveEvent(e); !r)
        return r.error();
    changed();
    Q_EMIT pendingWritesChanged(pendingWrites());
    syncAccount(cal->accountId);
    return e;
}

Expected<Event> SyncEngine::updateEvent(Event e, const WriteOptions &options)
{
    auto cal = providerCalendar(e.calendarId);
    if (!cal)
        return cal.error();
    if (!e.isValid())
        return makeError(
            Error::Code::InvalidInput, QStringLiteral("the event ends before it starts"));
    std::optional<Event> old;
    if (!e.id.isEmpty()) {
        if (auto o = m_store->event(e.id))
            old = *o;
    }
    Event wire = e;
    if (!old && !e.recurringEventId.isEmpty() && e.originalStart.isValid()) {
        // "This event only" of a series the first time: the provider's instance id.
        auto master = m_store->event(e.recurringEventId);
        if (!master)
            return master.error();
        // An account not in the engine (written locally below) still gets the provider's id.
        std::unique_ptr<ProviderClient> spare;
        ProviderClient *client = nullptr;
        if (auto st = m_accounts.value(cal->accountId))
            client = st->client.get();
        else if (const ProviderEntry *entry = providerEntry(cal->kind))
            client = (spare = entry->make(m_client, cal->accountId)).get();
        if (client)
            e.providerId = client->instanceId(master->providerId, e);
        if (e.providerId.isEmpty())
            return makeError(Error::Code::InvalidInput, QStringLiteral("no instance id"));
        e.id = localIdFor(cal->id, e.providerId);
        e.iCalUid = master->iCalUid;
        e.etag.clear();
        wire = e;
        wire.recurringEventId = master->providerId;
    } else if (!old) {
        return makeError(Error::Code::NotFound, QStringLiteral("event ") + e.id);
    } else {
        e.providerId = old->providerId;
        e.etag = old->etag;
        e.created = old->created;
        e.sequence = old->sequence + 1;
        e.iCalUid = old->iCalUid;
        wire = e;
        if (!e.recurringEventId.isEmpty()) {
            auto master = m_store->event(e.recurringEventId);
            wire.recurringEventId = master ? master->providerId : QString();
        }
    }
    e.updated = Clock::nowUtc();
    wire.updated = e.updated;
    if (cal->accountId.isEmpty() || !m_accounts.contains(cal->accountId)) {
        if (auto r = m_store->saveEvent(e); !r)
            return r.error();
        changed();
        return e;
    }
    OutboxOp op;
    op.accountId = cal->accountId;
    op.calendarId = cal->id;
    op.eventId = e.id;
    op.kind = OutboxOp::Kind::Update;
    op.providerId = e.providerId;
    op.etag = e.etag;
    op.payload = wire;
    op.sendUpdates = options.sendUpdates;
    if (auto r = m_sync.enqueue(op); !r)
        return r.error();
    if (auto r = m_store->saveEvent(e); !r)
        return r.error();
    changed();
    Q_EMIT pendingWritesChanged(pendingWrites());
    syncAccount(cal->accountId);
    return e;
}

Expected<void> SyncEngine::deleteEvent(const QString &eventId, const WriteOptions &options)
{
    auto old = m_store->event(eventId);
    if (!old)
        return old.error();
    auto cal = providerCalendar(old->calendarId);
    if (!cal)
        return cal.error();
    if (!cal->accountId.isEmpty() && m_accounts.contains(cal->accountId)) {
        OutboxOp op;
        op.accountId = cal->accountId;
        op.calendarId = cal->id;
        op.eventId = eventId;
        op.kind = OutboxOp::Kind::Delete;
        op.providerId = old->providerId;
        op.etag = old->etag;
        op.payload = *old;
        op.sendUpdates = options.sendUpdates;
        if (auto r = m_sync.enqueue(op); !r)
            return r.error();
    }
    if (auto r = m_store->removeEvents({ eventId }); !r)
        return r;
    changed();
    if (!cal->accountId.isEmpty() && m_accounts.contains(cal->accountId)) {
        Q_EMIT pendingWritesChanged(pendingWrites());
        syncAccount(cal->accountId);
    }
    return {};
}

int SyncEngine::pendingWrites(const QString &accountId) const
{
    auto r = const_cast<SyncStore &>(m_sync).pendingCount(accountId);
    return r ? *r : 0;
}

QList<SyncConflict> SyncEngine::conflicts() const
{
    auto r = const_cast<SyncStore &>(m_sync).conflicts();
    return r ? *r : QList<SyncConflict>();
}

Expected<void> SyncEngine::dismissConflict(qint64 id)
{
    return m_sync.resolveConflict(id);
}

Expected<void> SyncEngine::reapplyConflict(qint64 conflictId, const WriteOptions &options)
{
    auto all = m_sync.conflicts();
    if (!all)
        return all.error();
    const auto it = std::find_if(all->cbegin(), all->cend(),
        [conflictId](const SyncConflict &c) { return c.id == conflictId; });
    if (it == all->cend())
        return makeError(Error::Code::NotFound, QStringLiteral("conflict %1").arg(conflictId));
    const SyncConflict c = *it;
    if (c.kind == QLatin1String("rejected"))
        return makeError(Error::Code::InvalidInput, QStringLiteral("the server refused this edit"));
    auto cal = providerCalendar(c.calendarId);
    if (!cal)
        return cal.error();
    if (cal->accountId.isEmpty() || !m_accounts.contains(cal->accountId))
        return makeError(Error::Code::NotFound, QStringLiteral("account ") + cal->accountId);
    const bool seriesHere = capabilitiesOf(*cal).expandsRecurrenceLocally;
    const bool userDeleted = c.local.status == EventStatus::Cancelled;

    if (c.kind == QLatin1String("deleted_on_server")) {
        // Gone there: the edit comes back as a new event (a deletion needs nothing).
        if (!userDeleted) {
            if (!c.local.recurringEventId.isEmpty())
                return makeError(Error::Code::InvalidInput,
                    QStringLiteral("an occurrence of a series that no longer exists"));
            Event e = c.local;
            e.id.clear();
            e.providerId.clear();
            e.etag.clear();
            e.iCalUid.clear();
            e.calendarId = cal->id;
            if (auto r = createEvent(e, options); !r)
                return r.error();
        }
        return m_sync.resolveConflict(conflictId);
    }

    // Changed there: the edit again, on top of the version the dialog showed (its etag). If the
    // server moved on once more since, the answer is another 412 and another conflict.
    OutboxOp op;
    op.accountId = cal->accountId;
    op.calendarId = cal->id;
    op.eventId = c.eventId;
    op.providerId = c.server.providerId.isEmpty() ? c.local.providerId : c.server.providerId;
    op.etag = c.server.etag;
    op.sendUpdates = options.sendUpdates;
    // One instance of a series expanded here (Google) is cancelled by an update; everything
    // else is a delete.
    const bool asDelete = userDeleted && !(seriesHere && !c.local.recurringEventId.isEmpty());
    op.kind = asDelete ? OutboxOp::Kind::Delete : OutboxOp::Kind::Update;
    op.payload = c.local;
    op.payload.providerId = op.providerId;
    op.payload.etag = op.etag;
    if (auto r = m_sync.enqueue(op); !r)
        return r.error();
    if (asDelete) {
        if (auto r = m_store->removeEvents({ c.eventId }); !r)
            return r;
    } else {
        Event local = c.local;
        local.id = c.eventId;
        local.calendarId = cal->id;
        local.providerId = op.providerId;
        local.etag = op.etag;
        if (seriesHere && !local.recurringEventId.isEmpty())
            local.recurringEventId = localIdFor(cal->id, local.recurringEventId);
        local.updated = Clock::nowUtc();
        if (auto r = m_store->saveEvent(local); !r)
            return r.error();
    }
    if (auto r = m_sync.resolveConflict(conflictId); !r)
        return r;
    changed();
    Q_EMIT pendingWritesChanged(pendingWrites());
    syncAccount(cal->accountId);
    return {};
}

// ---- outbox ----------------------------------------------------------------------------

void SyncEngine::flush(const QString &accountId, std::function<void(bool)> done)
{
    auto st = m_accounts.value(accountId);
    if (!st)
        return done(false);
    st->flushWaiters << std::move(done);
    if (st->flushing)
        return;
    st->flushing = true;
    flushNext(accountId);
}

void SyncEngine::finishFlush(const QString &accountId, bool ok)
{
    auto st = m_accounts.value(accountId);
    if (!st)
        return;
    st->flushing = false;
    const auto waiters = std::exchange(st->flushWaiters, {});
    Q_EMIT pendingWritesChanged(pendingWrites());
    for (const auto &w : waiters)
        w(ok);
}

void SyncEngine::flushNext(const QString &accountId)
{
    auto next = m_sync.nextOp(accountId);
    if (!next)
        return finishFlush(accountId, false);
    if (!next->has_value())
        return finishFlush(accountId, true);
    execute(accountId, **next);
}

void SyncEngine::execute(const QString &accountId, const OutboxOp &op)
{
    auto st = m_accounts.value(accountId);
    auto cal = m_store->calendar(op.calendarId);
    if (!cal) {
        m_sync.removeOp(op.id);
        return flushNext(accountId);
    }
    ProviderClient *client = st->client.get();
    QPointer<SyncEngine> self(this);
    const QString calPid = cal->providerId;
    WriteOptions wo;
    wo.sendUpdates = op.sendUpdates;
    switch (op.kind) {
    case OutboxOp::Kind::Create:
        client->create(
            calPid, op.payload, op.clientKey, wo, [self, accountId, op, calPid](Expected<Event> r) {
                if (!self)
                    return;
                if (r)
                    return self->opSucceeded(accountId, op, *r);
                if (r.error().code == Error::Code::Conflict) {
                    // 409: an earlier attempt got through; read what the server has.
                    auto st = self->m_accounts.value(accountId);
                    if (!st)
                        return;
                    st->client->fetch(
                        calPid, op.providerId, [self, accountId, op](Expected<Event> f) {
                            if (!self)
                                return;
                            if (f)
                                return self->opSucceeded(accountId, op, *f);
                            if (retryable(f.error()))
                                return self->opRetryLater(accountId, op, f.error());
                            // The id is taken but the event is gone: it was created, then
                            // deleted on the server (Google keeps deleted ids). Retrying can
                            // never succeed; say so like any other edit of a deleted event.
                            self->opConflict(accountId, op,
                                f.error().code == Error::Code::NotFound
                                    ? QStringLiteral("deleted_on_server")
                                    : QStringLiteral("rejected"));
                        });
                    return;
                }
                if (retryable(r.error()))
                    return self->opRetryLater(accountId, op, r.error());
                self->opConflict(accountId, op, QStringLiteral("rejected"));
            });
        return;
    case OutboxOp::Kind::Update: {
        Event wire = op.payload;
        wire.providerId = op.providerId;
        client->update(calPid, wire, op.etag, wo, [self, accountId, op](Expected<Event> r) {
            if (!self)
                return;
            if (r)
                return self->opSucceeded(accountId, op, *r);
            if (retryable(r.error()))
                return self->opRetryLater(accountId, op, r.error());
            if (r.error().code == Error::Code::Conflict)
                return self->opConflict(accountId, op, QStringLiteral("changed_on_server"));
            if (r.error().code == Error::Code::NotFound)
                return self->opConflict(accountId, op, QStringLiteral("deleted_on_server"));
            self->opConflict(accountId, op, QStringLiteral("rejected"));
        });
        return;
    }
    case OutboxOp::Kind::Delete:
        if (op.providerId.isEmpty()) {
            m_sync.removeOp(op.id);
            return flushNext(accountId);
        }
        client->remove(calPid, op.providerId, op.etag, wo, [self, accountId, op](Expected<void> r) {
            if (!self)
                return;
            if (r || r.error().code == Error::Code::NotFound)
                return self->opSucceeded(accountId, op, std::nullopt);
            if (retryable(r.error()))
                return self->opRetryLater(accountId, op, r.error());
            if (r.error().code == Error::Code::Conflict)
                return self->opConflict(accountId, op, QStringLiteral("changed_on_server"));
            self->opConflict(accountId, op, QStringLiteral("rejected"));
        });
        return;
    }
}

void SyncEngine::storeServerEvent(const Calendar &cal, Event server, const QString &localId)
{
    server.calendarId = cal.id;
    server.id = localId;
    const bool seriesHere = capabilitiesOf(cal).expandsRecurrenceLocally;
    if (seriesHere && !server.recurringEventId.isEmpty())
        server.recurringEventId = localIdFor(cal.id, server.recurringEventId);
    if (server.status == EventStatus::Cancelled && server.recurringEventId.isEmpty()) {
        m_store->removeEvents({ localId });
        return;
    }
    if (!seriesHere && server.isRecurring()) {
        // A series the provider expands (Graph): calendarView lists its occurrences, which
        // the next pull stores; the master itself is not kept (it would show twice).
        m_store->removeEvents({ localId });
        return;
    }
    if (server.isValid())
        m_store->saveEvent(server);
}

void SyncEngine::opSucceeded(
    const QString &accountId, const OutboxOp &op, const std::optional<Event> &server)
{
    auto cal = m_store->calendar(op.calendarId);
    QString localId = op.eventId;
    if (server && cal) {
        const QString finalId = localIdFor(cal->id, server->providerId);
        if (finalId != localId) {
            // The server assigned the id (Graph): the event takes it.
            m_sync.renameEvent(localId, finalId, server->providerId, server->etag);
            Q_EMIT eventIdChanged(localId, finalId);
            localId = finalId;
        }
        m_sync.rebaseLaterOps(op.id, localId, localId, server->providerId, server->etag);
        auto later = m_sync.hasLaterOps(op.id, localId);
        if (later && !*later) {
            storeServerEvent(*cal, *server, localId);
            if (!capabilitiesOf(*cal).expandsRecurrenceLocally && server->isRecurring()) {
                // Its occurrences come with a pull: make sure one follows.
                if (auto st = m_accounts.value(accountId); st && st->running)
                    st->again = true;
            }
        }
    }
    m_sync.removeOp(op.id);
    changed();
    flushNext(accountId);
}

void SyncEngine::opConflict(const QString &accountId, const OutboxOp &op, const QString &kind)
{
    auto st = m_accounts.value(accountId);
    auto cal = m_store->calendar(op.calendarId);
    if (!st || !cal)
        return finishFlush(accountId, false);
    QPointer<SyncEngine> self(this);
    const Calendar c = *cal;
    st->client->fetch(
        c.providerId, op.providerId, [self, accountId, op, kind, c](Expected<Event> f) {
            if (!self)
                return;
            if (!f && f.error().code != Error::Code::NotFound)
                return self->opRetryLater(accountId, op, f.error());
            if (f && op.kind != OutboxOp::Kind::Delete && sameUserFields(*f, op.payload)) {
                // The server already has this edit (an earlier attempt's answer was lost).
                return self->opSucceeded(accountId, op, *f);
            }
            SyncConflict conflict;
            conflict.accountId = accountId;
            conflict.calendarId = op.calendarId;
            conflict.eventId = op.eventId;
            conflict.local = op.payload;
            if (f) {
                conflict.kind = kind == QLatin1String("deleted_on_server")
                    ? QStringLiteral("changed_on_server")
                    : kind;
                conflict.server = *f;
                self->storeServerEvent(c, *f, self->localIdFor(c.id, f->providerId));
            } else {
                conflict.kind = QStringLiteral("deleted_on_server");
                self->m_store->removeEvents({ op.eventId });
            }
            // Later edits of the same event were made on the version the server refused.
            OutboxOp::Kind lastKind = op.kind;
            auto later = self->m_sync.ops(accountId);
            if (later) {
                for (const OutboxOp &o : *later) {
                    if (o.eventId == op.eventId && o.id > op.id) {
                        conflict.local = o.payload;
                        lastKind = o.kind;
                    }
                }
            }
            // The user's last word was "delete": kept as a cancelled event.
            if (lastKind == OutboxOp::Kind::Delete)
                conflict.local.status = EventStatus::Cancelled;
            self->m_sync.removeOpsForEvent(op.eventId);
            auto id = self->m_sync.addConflict(conflict);
            qCInfo(lcSync) << "conflict" << conflict.kind << "on" << op.eventId;
            self->changed();
            if (id)
                Q_EMIT self->conflictAdded(*id, op.eventId);
            self->flushNext(accountId);
        });
}

void SyncEngine::opRetryLater(const QString &accountId, const OutboxOp &op, const Error &e)
{
    m_sync.markFailed(op.id, e.codeName());
    qCDebug(lcSync) << "write deferred" << op.eventId << e.codeName();
    finishFlush(accountId, false);
}

} // namespace kairos
