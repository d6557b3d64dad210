#include "ics/icscontroller.h"

#include "calendar/calendarservice.h"
#include "core/futures.h"
#include "core/logging.h"
#include "core/profile.h"
#include "ics/dialoghooks.h"
#include "ics/icsdialogs.h"
#include "ics/icsexport.h"
#include "ics/recurrence.h"
#include "ics/subscription.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "model/zonedtime.h"
#include "store/database.h"
#include "store/eventstore.h"
#include "sync/providerimport.h"
#include "sync/syncengine.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QProgressDialog>
#include <QPromise>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSettings>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>
#include <QTimer>
#include <QWidget>

namespace kairos {

namespace {

const QString kSubscriptionsGroup = QStringLiteral("subscriptions");

IcsController::WorkerPollHook g_workerPollHook; // tests only

QString localIcsPath(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &u : urls) {
        if (u.isLocalFile() && u.toLocalFile().endsWith(QLatin1String(".ics"), Qt::CaseInsensitive))
            return u.toLocalFile();
    }
    return {};
}

QString safeFileName(QString name, const QString &fallback)
{
    name.replace(
        QRegularExpression(QStringLiteral("[\\\\/:*?\"<>|\\x00-\\x1f]")), QStringLiteral(" "));
    name = name.simplified();
    if (name.isEmpty())
        name = fallback;
    return name.left(80) + QStringLiteral(".ics");
}

qint64 dayStartMs(QDate day, const QTimeZone &zone)
{
    return startOfDay(day, zone).toMSecsSinceEpoch();
}

//! The options of an import worker: progress (permille of the file) into `promise`, and the
//! Cancel flag polled through the test hook, which counts the polls.
template <typename T>
ics::ImportOptions workerOptions(QPromise<T> &promise, const QTimeZone &zone,
    std::shared_ptr<std::atomic<bool>> cancel, IcsController::WorkerPollHook hook,
    IcsController::ImportPhase phase)
{
    promise.setProgressRange(0, 1000);
    ics::ImportOptions o;
    o.floatingZone = zone;
    o.progress = [&promise](qint64 done, qint64 total) {
        if (total > 0)
            promise.setProgressValue(int(done * 1000 / total));
    };
    o.cancelled = [cancel = std::move(cancel), hook = std::move(hook), phase, polls = 0]() mutable {
        if (hook)
            hook(phase, ++polls);
        return cancel->load();
    };
    return o;
}

//! Shows the worker's progress in `progress`; when `future` has its result, closes the dialog
//! and calls `done` in `context`. Returns the watcher (for more connections).
template <typename T, typename F>
QFutureWatcher<T> *watchImport(
    QObject *context, const QFuture<T> &future, QProgressDialog *progress, F done)
{
    auto *watcher = new QFutureWatcher<T>(progress);
    QObject::connect(
        watcher, &QFutureWatcherBase::progressValueChanged, progress, &QProgressDialog::setValue);
    watcher->setFuture(future);
    onFinished(future, context,
        [progress = QPointer<QProgressDialog>(progress), done = std::move(done)](const T &r) {
            if (progress) {
                progress->hide();
                progress->deleteLater();
            }
            done(r);
        });
    return watcher;
}

} // namespace

IcsController::IcsController(CalendarService &calendar, const Profile &profile, QWidget *window)
    : QObject(window)
    , m_calendar(calendar)
    , m_profile(profile)
    , m_window(window)
    , m_nam(new QNetworkAccessManager(this))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("icsController"));
    m_timer->setInterval(RefreshIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &IcsController::refreshSubscriptions);
    loadSubscriptions();
    m_timer->start();
    // On start: refresh once the window is up.
    QTimer::singleShot(0, this, &IcsController::refreshSubscriptions);
}

IcsController::~IcsController()
{
    // A running import worker stops at its next poll and drops what it staged.
    if (m_cancel)
        m_cancel->store(true);
}

// ---- import -----------------------------------------------------------------------------------

void IcsController::importInteractive()
{
    const QString path = FileDialog::getOpenFileName(m_window, tr("Import calendar file"),
        QStandardPaths::writableLocation(QStandardPaths::DownloadLocation),
        tr("iCalendar files (*.ics);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void IcsController::setWorkerPollHook(WorkerPollHook hook)
{
    g_workerPollHook = std::move(hook);
}

QProgressDialog *IcsController::makeProgressDialog(const QString &label)
{
    auto *progress = new QProgressDialog(label, tr("Cancel"), 0, 1000, m_window);
    progress->setObjectName(QStringLiteral("importProgressDialog"));
    progress->setWindowTitle(tr("Import calendar file"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400); // small files never flash a dialog
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setValue(0);
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    connect(progress, &QProgressDialog::canceled, progress, [progress, cancel]() {
        // The worker sees it at its next poll, drops what it staged and returns.
        cancel->store(true);
        progress->setLabelText(tr("Cancelling…"));
    });
    return progress;
}

void IcsController::importFile(const QString &path)
{
    if (m_importing) {
        Q_EMIT statusMessage(tr("An import is already running."), 4000);
        return;
    }
    m_importing = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    // Pass 1: what the file holds (counts, skipped entries, notes), without keeping events.
    const QTimeZone zone = m_calendar.timeZone();
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    const WorkerPollHook hook = g_workerPollHook;
    QFuture<Expected<ics::ParsedCalendar>> future = QtConcurrent::run(
        [path, zone, cancel, hook](QPromise<Expected<ics::ParsedCalendar>> &promise) {
            promise.addResult(ics::scanCalendarFile(
                path, workerOptions(promise, zone, cancel, hook, ImportPhase::Scan)));
        });
    watchImport(this, future,
        makeProgressDialog(tr("Reading “%1”…").arg(QFileInfo(path).fileName())),
        [this, path](const Expected<ics::ParsedCalendar> &scan) { onScanned(path, scan); });
}

void IcsController::finishImport(bool applied)
{
    m_importing = false;
    Q_EMIT importFinished(applied);
}

void IcsController::onScanned(const QString &path, const Expected<ics::ParsedCalendar> &scan)
{
    const QString fileName = QFileInfo(path).fileName();
    if (!scan) {
        if (scan.error().code == Error::Code::Cancelled) {
            Q_EMIT statusMessage(tr("Import cancelled. The calendar is unchanged."), 4000);
        } else if (scan.error().code == Error::Code::NotFound) {
            MessageBox::warning(m_window, tr("Import calendar file"),
                tr("“%1” could not be opened.").arg(fileName));
        } else {
            MessageBox::warning(m_window, tr("Import calendar file"),
                tr("“%1” is not a calendar file (.ics): it holds no calendar data.").arg(fileName));
        }
        return finishImport(false);
    }
    m_lastScan = *scan;

    // A Google or Microsoft calendar only with the sync engine of its account: its events must
    // go through the outbox to reach the provider (startProviderImport).
    QList<Calendar> writable;
    bool providerCalendarsLeftOut = false;
    for (const Calendar &c : m_calendar.calendars()) {
        if (c.readOnly)
            continue;
        if (!c.accountId.isEmpty() && !(m_sync && m_sync->accountIds().contains(c.accountId)))
            providerCalendarsLeftOut = true;
        else
            writable << c;
    }
    if (writable.isEmpty()) {
        MessageBox::warning(m_window, tr("Import calendar file"),
            tr("There is no calendar you can add events to."));
        return finishImport(false);
    }
    ImportTargetDialog target(writable, CalendarService::localCalendarId(), fileName,
        scan->eventCount, int(scan->skipped.size()), providerCalendarsLeftOut, m_window,
        scan->attendeeLines);
    if (DialogRunner::run(target) != QDialog::Accepted) {
        Q_EMIT statusMessage(tr("Import cancelled. The calendar is unchanged."), 4000);
        return finishImport(false);
    }
    Calendar chosen;
    for (const Calendar &c : std::as_const(writable)) {
        if (c.id == target.calendarId())
            chosen = c;
    }
    startStore(path, chosen, target.keepAttendees());
}

void IcsController::startStore(const QString &path, const Calendar &target, bool keepAttendees)
{
    if (!target.accountId.isEmpty())
        return startProviderImport(path, target, keepAttendees);
    // Pass 2: parse again and store in batches through a staging table, on the pool. The
    // worker opens its own connection: a QSqlDatabase belongs to the thread that opened it.
    static std::atomic<int> connections { 0 };
    const QString connection = QStringLiteral("ics-import-%1").arg(++connections);
    const QString dbPath = m_calendar.database().path();
    const QString calendarId = target.id;
    const QTimeZone zone = m_calendar.timeZone();
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    const WorkerPollHook hook = g_workerPollHook;
    QFuture<Expected<ics::ImportSummary>> future
        = QtConcurrent::run([path, dbPath, connection, calendarId, zone, cancel, hook](
                                QPromise<Expected<ics::ImportSummary>> &promise) {
              Database::OpenOptions options;
              options.secondary = true;
              auto db = Database::open(dbPath, QString(), connection, options);
              if (!db) {
                  promise.addResult(db.error());
                  return;
              }
              EventStore store(**db);
              promise.addResult(ics::importCalendarFile(path, store, calendarId,
                  workerOptions(promise, zone, cancel, hook, ImportPhase::Store)));
          });
    QProgressDialog *progress
        = makeProgressDialog(tr("Importing “%1”…").arg(QFileInfo(path).fileName()));
    auto *watcher = watchImport(this, future, progress,
        [this, path](const Expected<ics::ImportSummary> &stored) { onStored(path, stored); });
    connect(watcher, &QFutureWatcherBase::progressValueChanged, progress,
        [progress, cancel](int value) {
            if (value >= 1000 && !cancel->load()) {
                // All read: only the final transaction is left, and it cannot be stopped.
                progress->setCancelButton(nullptr);
                progress->setRange(0, 0);
                progress->setLabelText(tr("Saving the events…"));
            }
        });
}

void IcsController::setSyncEngine(SyncEngine *engine)
{
    m_sync = engine;
}

void IcsController::startProviderImport(
    const QString &path, const Calendar &target, bool keepAttendees)
{
    // Parsed on the pool (progress, Cancel), then each event goes through the sync engine on
    // this thread, as if entered in the event dialog: stored at once, queued in the outbox,
    // sent in the background. Files for a provider's calendar are the size people type or
    // receive (each event is one request to Google or Microsoft), so the events are held.
    const QTimeZone zone = m_calendar.timeZone();
    const std::shared_ptr<std::atomic<bool>> cancel = m_cancel;
    const WorkerPollHook hook = g_workerPollHook;
    QFuture<Expected<ics::ParsedCalendar>> future = QtConcurrent::run(
        [path, zone, cancel, hook](QPromise<Expected<ics::ParsedCalendar>> &promise) {
            promise.addResult(ics::parseCalendarFile(
                path, workerOptions(promise, zone, cancel, hook, ImportPhase::Store)));
        });
    watchImport(this, future,
        makeProgressDialog(tr("Importing “%1”…").arg(QFileInfo(path).fileName())),
        [this, path, target, keepAttendees](const Expected<ics::ParsedCalendar> &parsed) {
            if (!parsed)
                return onStored(path, parsed.error());
            if (!m_sync)
                return onStored(
                    path, Error { Error::Code::NotConfigured, QStringLiteral("no sync engine") });
            onStored(path,
                ics::importThroughSync(
                    *m_sync, m_calendar.store(), target.id, *parsed, keepAttendees));
        });
}

void IcsController::onStored(const QString &path, const Expected<ics::ImportSummary> &stored)
{
    const QString fileName = QFileInfo(path).fileName();
    if (!stored) {
        if (stored.error().code == Error::Code::Cancelled) {
            Q_EMIT statusMessage(tr("Import cancelled. The calendar is unchanged."), 4000);
        } else {
            qCWarning(lcIcs) << "import failed:" << stored.error().codeName();
            MessageBox::warning(m_window, tr("Import calendar file"),
                tr("Nothing was imported: %1").arg(errorText(stored.error())));
        }
        return finishImport(false);
    }
    m_lastSummary = *stored;
    m_calendar.notifyChanged();
    Q_EMIT statusMessage(
        tr("Imported “%1”: %n new event(s)", nullptr, stored->imported).arg(fileName), 6000);
    ImportReportDialog report(*stored, fileName, m_window);
    DialogRunner::run(report);
    finishImport(true);
}

// ---- export -----------------------------------------------------------------------------------

QString IcsController::askSavePath(
    const QString &caption, const QString &suggestedName, QWidget *parent)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QString path = FileDialog::getSaveFileName(parent ? parent : m_window.data(), caption,
        QDir(dir).filePath(suggestedName), tr("iCalendar files (*.ics)"));
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".ics");
    return path;
}

bool IcsController::writeFile(const QString &path, const QByteArray &data)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        MessageBox::warning(m_window, tr("Could not save the file"),
            tr("“%1” could not be written: %2")
                .arg(QDir::toNativeSeparators(path), file.errorString()));
        return false;
    }
    return true;
}

void IcsController::exportInteractive(QDate suggestedFrom, QDate suggestedTo)
{
    const QList<Calendar> calendars = m_calendar.calendars();
    ExportDialog dialog(calendars, suggestedFrom, suggestedTo, m_window);
    if (DialogRunner::run(dialog) != QDialog::Accepted)
        return;
    const QTimeZone zone = m_calendar.timeZone();
    Expected<QList<Event>> events = QList<Event>();
    ics::ExportOptions options;
    QString suggested = tr("calendar");
    if (dialog.wholeCalendar()) {
        events = m_calendar.store().eventsInCalendar(dialog.calendarId());
        for (const Calendar &c : calendars) {
            if (c.id == dialog.calendarId()) {
                options.calendarName = c.name;
                suggested = c.name;
            }
        }
    } else {
        const QStringList ids
            = dialog.calendarId().isEmpty() ? QStringList() : QStringList { dialog.calendarId() };
        events = ics::eventsForExport(m_calendar.store(), dayStartMs(dialog.from(), zone),
            dayStartMs(dialog.to().addDays(1), zone), ids);
        suggested
            = tr("calendar %1 to %2")
                  .arg(dialog.from().toString(Qt::ISODate), dialog.to().toString(Qt::ISODate));
    }
    if (!events) {
        MessageBox::warning(m_window, tr("Export calendar"), errorText(events.error()));
        return;
    }
    const QString path
        = askSavePath(tr("Export calendar"), safeFileName(suggested, tr("calendar")), nullptr);
    if (path.isEmpty())
        return;
    if (writeFile(path, ics::exportCalendar(*events, options)))
        Q_EMIT statusMessage(tr("Exported %n event(s) to “%1”", nullptr, int(events->size()))
                                 .arg(QFileInfo(path).fileName()),
            6000);
}

void IcsController::exportFreeBusyInteractive(QDate suggestedFrom, QDate suggestedTo)
{
    FreeBusyDialog dialog(suggestedFrom, suggestedTo, m_window);
    if (DialogRunner::run(dialog) != QDialog::Accepted)
        return;
    const QTimeZone zone = m_calendar.timeZone();
    const qint64 from = dayStartMs(dialog.from(), zone);
    const qint64 to = dayStartMs(dialog.to().addDays(1), zone);
    QStringList ids;
    for (const Calendar &c : m_calendar.calendars()) {
        if (c.countsForAvailability)
            ids << c.id;
    }
    auto events = ids.isEmpty() ? Expected<QList<Event>>(QList<Event>())
                                : ics::eventsForExport(m_calendar.store(), from, to, ids);
    if (!events) {
        MessageBox::warning(m_window, tr("Export free/busy"), errorText(events.error()));
        return;
    }
    const QByteArray data = ics::exportFreeBusy(*events, from, to, zone, {}, {},
        ics::makeRecurrenceExpander(ics::storeOverrideLookup(m_calendar.store())));
    const QString path = askSavePath(tr("Export free/busy"),
        safeFileName(tr("free-busy %1").arg(dialog.from().toString(Qt::ISODate)), tr("free-busy")),
        nullptr);
    if (path.isEmpty())
        return;
    if (writeFile(path, data))
        Q_EMIT statusMessage(tr("Free/busy saved to “%1”").arg(QFileInfo(path).fileName()), 6000);
}

void IcsController::saveInvitation(const QString &eventId, QWidget *parent)
{
    auto event = m_calendar.event(eventId);
    if (!event) {
        MessageBox::warning(parent, tr("Download .ics"), errorText(event.error()));
        return;
    }
    Event master = *event;
    if (!master.recurringEventId.isEmpty()) {
        if (auto m = m_calendar.event(master.recurringEventId))
            master = *m;
    }
    QList<Event> series { master };
    if (!master.iCalUid.isEmpty()) {
        if (auto same = m_calendar.store().eventsByUid(master.iCalUid)) {
            for (const Event &e : std::as_const(*same)) {
                if (e.id != master.id && e.calendarId == master.calendarId
                    && e.recurringEventId == master.id)
                    series << e;
            }
        }
    }
    const QString path
        = askSavePath(tr("Download .ics"), safeFileName(master.title, tr("event")), parent);
    if (path.isEmpty())
        return;
    if (writeFile(path, ics::itipRequest(series)))
        Q_EMIT statusMessage(tr("Saved “%1”. Open it in Apple Calendar, Outlook or Google "
                                "Calendar to add the event.")
                                 .arg(QFileInfo(path).fileName()),
            8000);
}

// ---- subscriptions -------------------------------------------------------------------------

void IcsController::loadSubscriptions()
{
    for (const Calendar &c : m_calendar.calendars()) {
        if (c.kind == CalendarKind::Subscription && !m_subscriptions.contains(c.id))
            addSubscription(c);
    }
}

ics::Subscription *IcsController::addSubscription(const Calendar &calendar)
{
    auto *sub = new ics::Subscription(*m_nam, m_calendar.store(), calendar, this);
    sub->setFloatingZone(m_calendar.timeZone());
    {
        const auto settings = m_profile.settings();
        settings->beginGroup(kSubscriptionsGroup + QLatin1Char('/') + calendar.id);
        sub->setValidators(settings->value(QStringLiteral("etag")).toByteArray(),
            settings->value(QStringLiteral("lastModified")).toByteArray());
        settings->endGroup();
    }
    const QString id = calendar.id;
    connect(sub, &ics::Subscription::refreshed, this,
        [this, sub, id](bool changed, const ics::ImportSummary &) {
            {
                const auto settings = m_profile.settings();
                settings->beginGroup(kSubscriptionsGroup + QLatin1Char('/') + id);
                settings->setValue(QStringLiteral("etag"), sub->etag());
                settings->setValue(QStringLiteral("lastModified"), sub->lastModified());
                settings->endGroup();
            }
            if (changed) {
                m_calendar.notifyChanged();
                Q_EMIT statusMessage(tr("“%1” is up to date").arg(sub->calendar().name), 4000);
            }
            Q_EMIT subscriptionRefreshed(id, changed);
        });
    connect(sub, &ics::Subscription::failed, this, [this, sub, id](const Error &error) {
        const QString text = tr("Could not refresh “%1”: %2")
                                 .arg(sub->calendar().name, subscriptionErrorText(error));
        qCWarning(lcIcs) << "subscription" << id << "failed:" << error.codeName();
        Q_EMIT statusMessage(text, 0);
        Q_EMIT subscriptionFailed(id, text);
    });
    m_subscriptions.insert(id, sub);
    return sub;
}

void IcsController::refreshSubscriptions()
{
    loadSubscriptions();
    for (ics::Subscription *sub : std::as_const(m_subscriptions))
        sub->refresh();
}

QString IcsController::subscriptionErrorText(const Error &error)
{
    switch (error.code) {
    case Error::Code::InvalidInput:
        return tr("the address is not a webcal:// or https:// link");
    case Error::Code::ParseError:
        return tr("the address does not lead to a calendar file");
    case Error::Code::ServerError:
        return tr("the server has a problem; Kairos will try again later");
    case Error::Code::Timeout:
        return tr("the server did not answer in time");
    case Error::Code::NetworkError: {
        const QString m = error.message;
        if (m.startsWith(QLatin1String("HTTP 404")) || m.startsWith(QLatin1String("HTTP 410")))
            return tr("the calendar is no longer at that address");
        if (m.startsWith(QLatin1String("HTTP 401")) || m.startsWith(QLatin1String("HTTP 403")))
            return tr("the server does not let Kairos read this calendar");
        if (m.startsWith(QLatin1String("HTTP 0")))
            return tr("the server could not be reached; check your connection");
        return tr("the server answered with an error");
    }
    default:
        break;
    }
    return errorText(error);
}

void IcsController::subscribeInteractive()
{
    SubscribeDialog dialog(m_window);
    if (DialogRunner::run(dialog) != QDialog::Accepted)
        return;
    auto r = subscribe(dialog.url(), dialog.name());
    if (!r)
        MessageBox::warning(
            m_window, tr("Subscribe to calendar"), subscriptionErrorText(r.error()));
}

Expected<QString> IcsController::subscribe(const QString &url, const QString &name)
{
    if (!ics::Subscription::feedUrl(url).isValid())
        return makeError(Error::Code::InvalidInput, url);
    Calendar c = ics::Subscription::makeCalendar(Event::newId(), name, url);
    static const char *const palette[] = { "#8b5cf6", "#10b981", "#f59e0b", "#ec4899", "#0ea5e9" };
    c.color = QString::fromLatin1(palette[m_subscriptions.size() % 5]);
    if (auto r = m_calendar.saveCalendar(c); !r)
        return r.error();
    addSubscription(c)->refresh();
    if (ics::Subscription::isPlaintext(url))
        Q_EMIT statusMessage(tr("Subscribed to “%1” over http://: anyone on the way can change "
                                "its events. Use https:// if the site offers it.")
                                 .arg(name),
            0);
    else
        Q_EMIT statusMessage(tr("Subscribed to “%1”; loading its events…").arg(name), 4000);
    return c.id;
}

void IcsController::unsubscribe(const QString &calendarId)
{
    ics::Subscription *sub = m_subscriptions.value(calendarId);
    if (!sub)
        return;
    const QString name = sub->calendar().name;
    if (MessageBox::question(m_window, tr("Unsubscribe"),
            tr("Unsubscribe from “%1”? Its events are removed from Kairos.").arg(name),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
        != QMessageBox::Yes)
        return;
    m_subscriptions.remove(calendarId);
    sub->deleteLater();
    if (auto r = m_calendar.removeCalendar(calendarId); !r) {
        MessageBox::warning(m_window, tr("Unsubscribe"), errorText(r.error()));
        return;
    }
    m_profile.settings()->remove(kSubscriptionsGroup + QLatin1Char('/') + calendarId);
    Q_EMIT statusMessage(tr("Unsubscribed from “%1”").arg(name), 4000);
}

// ---- drag and drop ------------------------------------------------------------------------

void IcsController::installDropTarget(QWidget *target)
{
    target->setAcceptDrops(true);
    target->installEventFilter(this);
}

bool IcsController::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *e = static_cast<QDragMoveEvent *>(event);
        if (!localIcsPath(e->mimeData()).isEmpty()) {
            e->acceptProposedAction();
            return true;
        }
        break;
    }
    case QEvent::Drop: {
        auto *e = static_cast<QDropEvent *>(event);
        const QString path = localIcsPath(e->mimeData());
        if (!path.isEmpty()) {
            e->acceptProposedAction();
            // After the drop returns: the import shows dialogs.
            QTimer::singleShot(0, this, [this, path]() { importFile(path); });
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace kairos
