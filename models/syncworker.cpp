#include "syncworker.h"

#include "cachedatabase.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QMutexLocker>
#include <QPointer>
#include <QRandomGenerator>
#include <QSqlDriver>
#include <QTimer>

#include <atomic>
#include <memory>

/// Lives in the worker's thread: owns the thread's cache connection, the sync engine (and so
/// the central connection) and the timers.
class SyncWorkerRunner : public QObject
{
    Q_OBJECT

public:
    SyncWorkerRunner(const QString &path, const SyncWorker::Options &options)
        : m_path(path)
        , m_options(options)
        , m_backoffMs(options.firstRetryMs)
        , m_settleMs(options.settleMs)
    {}

    ~SyncWorkerRunner() override
    {
        // The engine closes its central connection; then the cache closes (this thread's).
        QMutexLocker lock(&m_engineMutex);
        m_engine.reset();
        m_cache.reset();
    }

    /// Thread-safe: a running sync stops at its next page boundary. Cleared by the next
    /// queued command (setOffline, signOut, setCredentials) handled after the sync.
    void interrupt()
    {
        m_interrupt = true;
        QMutexLocker lock(&m_engineMutex);
        if (m_engine)
            m_engine->requestStop();
    }

    void start()
    {
        if (m_started)
            return;
        m_started = true;
        // Timers are created here so that they belong to this thread.
        m_interval = new QTimer(this);
        m_interval->setInterval(m_options.intervalMs);
        connect(m_interval, &QTimer::timeout, this, [this] {
            if (!m_retry->isActive()) // a planned retry keeps its backoff
                sync();
        });
        m_retry = singleShot();
        m_debounce = singleShot();
        m_debounce->setInterval(m_options.debounceMs);
        m_settle = singleShot();
        if (m_options.intervalMs > 0)
            m_interval->start();
        if (!openCache())
            return;
        if (m_offline)
            report(SyncState::Offline);
        else if (m_conninfo.isEmpty())
            report(SyncState::SignedOut);
        else
            sync();
    }

    void setCredentials(const QString &conninfo, const QString &password)
    {
        m_interrupt = false;
        dropEngine();
        m_conninfo = conninfo;
        m_password = password;
        m_signInNeeded = false;
        m_backoffMs = m_options.firstRetryMs;
        stopTimers();
        resume();
    }

    void setOffline(bool offline)
    {
        m_interrupt = false;
        m_offline = offline;
        if (offline) {
            stopTimers();
            QMutexLocker lock(&m_engineMutex);
            if (m_engine)
                m_engine->disconnect();
        }
        resume();
    }

    /// After new credentials or the offline switch: say where things stand, or sync.
    void resume()
    {
        if (!m_started)
            return;
        if (m_offline)
            report(SyncState::Offline);
        else if (m_conninfo.isEmpty())
            report(SyncState::SignedOut);
        else
            sync();
    }

    /// One sync, now, unless something rules it out (signed out, offline, sign-in needed).
    void sync()
    {
        if (!m_started || m_offline)
            return;
        if (m_conninfo.isEmpty()) {
            report(SyncState::SignedOut);
            return;
        }
        if (m_signInNeeded) {
            report(SyncState::SignInNeeded, m_lastError);
            return;
        }
        if (!openCache())
            return;
        stopTimers();
        {
            QMutexLocker lock(&m_engineMutex);
            if (!m_engine) {
                SyncEngine::Settings settings;
                settings.conninfo = m_conninfo;
                settings.password = m_password;
                m_engine = std::make_unique<SyncEngine>(*m_cache, settings);
            }
        }
        QElapsedTimer sinceProgress;
        sinceProgress.start();
        SyncEngine::Stage lastStage = SyncEngine::Stage::Connecting;
        SyncState progress;
        progress.kind = SyncState::Syncing;
        emit stateChanged(progress);
        const SyncEngine::Report result =
            m_engine->run([&](SyncEngine::Stage stage, qint64 done, qint64 total) {
                // run() clears the engine's stop flag when it starts: ask again.
                if (m_interrupt)
                    m_engine->requestStop();
                // The copy is complete and current once indexing starts: show the catalogue.
                if (stage == SyncEngine::Stage::Indexing && lastStage != stage)
                    emit cacheChanged();
                if (stage == lastStage && sinceProgress.elapsed() < 100 && done != total)
                    return;
                lastStage = stage;
                sinceProgress.restart();
                progress.stage = stage;
                progress.done = done;
                progress.total = total;
                emit stateChanged(progress);
            });
        emit finished(result);
        if (result.pulled > 0 || result.copiedRows > 0 || result.copied || result.confirmed > 0 ||
            result.rejected > 0 || result.conflicts > 0 || result.removedGames > 0)
            emit cacheChanged();
        if (m_interrupt) // going offline, signing out or quitting: the command says what next
            return;
        if (result.ok) {
            m_backoffMs = m_options.firstRetryMs;
            m_lastError.clear();
            listen();
            report(SyncState::Idle);
            // Operations sent but not confirmed yet: central's watermark had not passed them.
            if (SyncStatus::read(*m_cache).waiting > 0) {
                m_settle->start(m_settleMs);
                m_settleMs =
                    qMin(m_settleMs * 2, m_options.intervalMs > 0 ? m_options.intervalMs : 60000);
            } else {
                m_settleMs = m_options.settleMs;
            }
            return;
        }
        m_lastError = result.error;
        if (result.sqlState == QLatin1String("28P01")) {
            m_signInNeeded = true;
            QMutexLocker lock(&m_engineMutex);
            m_engine->disconnect();
            lock.unlock();
            report(SyncState::SignInNeeded, result.error);
            emit signInNeeded(result.error);
            return;
        }
        if (result.retry) {
            const double jitter = 0.5 + QRandomGenerator::global()->generateDouble();
            const int delay = qMax(1, int(m_backoffMs * jitter));
            m_backoffMs = int(qMin<qint64>(qint64(m_backoffMs) * 2, m_options.maxRetryMs));
            m_retry->start(delay);
            report(SyncState::Error, result.error, QDateTime::currentDateTime().addMSecs(delay));
            return;
        }
        // Not worth retrying on a timer (the user or an administrator must act); the periodic
        // sync still tries now and then.
        report(SyncState::Error, result.error);
    }

    void syncSoon()
    {
        if (m_started && !m_offline && !m_conninfo.isEmpty())
            m_debounce->start();
    }

signals:
    void stateChanged(const SyncState &state);
    void signInNeeded(const QString &message);
    void finished(const SyncEngine::Report &report);
    void cacheChanged();

private:
    QTimer *singleShot()
    {
        auto *timer = new QTimer(this);
        timer->setSingleShot(true);
        connect(timer, &QTimer::timeout, this, &SyncWorkerRunner::sync);
        return timer;
    }

    void stopTimers()
    {
        if (!m_started)
            return;
        m_retry->stop();
        m_debounce->stop();
        m_settle->stop();
    }

    bool openCache()
    {
        if (m_cache)
            return true;
        auto cache = std::make_unique<CacheDatabase>();
        if (!cache->open(m_path)) {
            report(SyncState::Error, cache->errorString());
            return false;
        }
        m_cache = std::move(cache);
        return true;
    }

    void dropEngine()
    {
        QMutexLocker lock(&m_engineMutex);
        m_engine.reset();
    }

    /// LISTEN on the engine's central connection, once per connection.
    void listen()
    {
        QSqlDriver *driver = m_engine->central().driver();
        if (!driver || driver == m_listening)
            return;
        if (!driver->subscribeToNotification(SyncEngine::notificationChannel())) {
            qWarning("Cannot listen to central's notifications: %s",
                     qPrintable(driver->lastError().text()));
            return;
        }
        m_listening = driver;
        connect(driver, &QSqlDriver::notification, this,
                [this](const QString &, QSqlDriver::NotificationSource source, const QVariant &) {
                    // Our own pushes notify too; the sync that sent them pulls them already.
                    if (source != QSqlDriver::SelfSource)
                        syncSoon();
                });
    }

    void report(SyncState::Kind kind, const QString &message = {}, const QDateTime &retry = {})
    {
        SyncState state;
        state.kind = kind;
        state.message = message;
        state.nextRetry = retry;
        emit stateChanged(state);
    }

    QString m_path;
    SyncWorker::Options m_options;
    std::unique_ptr<CacheDatabase> m_cache;
    QMutex m_engineMutex; // guards m_engine's lifetime against interrupt() from the UI thread
    std::unique_ptr<SyncEngine> m_engine;
    std::atomic<bool> m_interrupt{false};
    QString m_conninfo;
    QString m_password;
    QString m_lastError;
    bool m_started = false;
    bool m_offline = false;
    bool m_signInNeeded = false;
    int m_backoffMs;
    int m_settleMs;
    QTimer *m_interval = nullptr;
    QTimer *m_retry = nullptr;
    QTimer *m_debounce = nullptr;
    QTimer *m_settle = nullptr;
    QPointer<QSqlDriver> m_listening;
};

SyncWorker::SyncWorker(const QString &cachePath, QObject *parent)
    : SyncWorker(cachePath, Options(), parent)
{}

SyncWorker::SyncWorker(const QString &cachePath, const Options &options, QObject *parent)
    : QObject(parent)
    , m_cachePath(cachePath)
{
    registerMetaTypes();
    m_thread.setObjectName(QStringLiteral("SyncWorker"));
    m_runner = new SyncWorkerRunner(cachePath, options);
    m_runner->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_runner, &QObject::deleteLater);
    connect(m_runner, &SyncWorkerRunner::stateChanged, this, &SyncWorker::onState);
    connect(m_runner, &SyncWorkerRunner::finished, this, &SyncWorker::onFinished);
    connect(m_runner, &SyncWorkerRunner::signInNeeded, this, &SyncWorker::signInNeeded);
    connect(m_runner, &SyncWorkerRunner::cacheChanged, this, &SyncWorker::cacheChanged);
    m_thread.start();
}

SyncWorker::~SyncWorker()
{
    m_runner->interrupt();
    m_thread.quit();
    m_thread.wait();
}

void SyncWorker::registerMetaTypes()
{
    qRegisterMetaType<SyncState>();
    qRegisterMetaType<SyncEngine::Report>();
}

void SyncWorker::start()
{
    QMetaObject::invokeMethod(m_runner, &SyncWorkerRunner::start, Qt::QueuedConnection);
}

void SyncWorker::setCredentials(const QString &conninfo, const QString &password)
{
    m_conninfo = conninfo;
    m_runner->interrupt(); // a sync with the old credentials is of no use
    QMetaObject::invokeMethod(
        m_runner, [r = m_runner, conninfo, password] { r->setCredentials(conninfo, password); },
        Qt::QueuedConnection);
}

void SyncWorker::signOut()
{
    setCredentials({}, {});
}

void SyncWorker::syncNow()
{
    QMetaObject::invokeMethod(m_runner, &SyncWorkerRunner::sync, Qt::QueuedConnection);
}

void SyncWorker::setOffline(bool offline)
{
    m_offline = offline;
    if (offline)
        m_runner->interrupt();
    QMetaObject::invokeMethod(
        m_runner, [r = m_runner, offline] { r->setOffline(offline); }, Qt::QueuedConnection);
}

void SyncWorker::onState(const SyncState &state)
{
    m_state = state;
    emit stateChanged(state);
}

void SyncWorker::onFinished(const SyncEngine::Report &report)
{
    ++m_runs;
    emit finished(report);
}

#include "syncworker.moc"
