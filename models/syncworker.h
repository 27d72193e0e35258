#pragma once

#include "syncengine.h"

#include <QDateTime>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QThread>

class SyncWorkerRunner;

/// Where the background sync stands, as the status bar shows it.
struct SyncState
{
    enum Kind {
        SignedOut,   ///< no credentials yet: nothing to sync with
        Offline,     ///< the user works offline: no connection, no timer
        Idle,        ///< online, the last sync succeeded
        Syncing,     ///< a sync runs: stage, done, total
        Error,       ///< the last sync failed: message, and nextRetry when one is planned
        SignInNeeded ///< central refused the password: waits for new credentials
    };
    Kind kind = SignedOut;
    SyncEngine::Stage stage = SyncEngine::Stage::Connecting;
    qint64 done = 0;
    qint64 total = 0; ///< 0: unknown (a busy indicator)
    QString message;
    QDateTime nextRetry; ///< invalid when no retry is planned
};
Q_DECLARE_METATYPE(SyncState)
Q_DECLARE_METATYPE(SyncEngine::Report)

/// Runs the SyncEngine in the background (sync.md): on start, every interval, when central
/// notifies a change (LISTEN coulisse_changes, debounced), on demand, and after a failure with
/// exponential backoff and jitter. A refused password stops the retries and asks to sign in
/// again; working offline closes the connection until the user goes back online.
///
/// The worker owns a QThread and an inner object living there, which opens its own cache and
/// central connections on that thread: nothing here waits for the network or the cache's write
/// lock. Signals arrive queued in the thread that created the worker. Slots may be called from
/// that thread at any time; they are forwarded to the worker thread.
class SyncWorker : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        int intervalMs = 60000;  ///< periodic sync while online (0: none)
        int debounceMs = 300;    ///< a burst of notifications makes one sync
        int firstRetryMs = 2000; ///< first retry after a failure, doubled each time…
        int maxRetryMs = 300000; ///< …up to this; each delay is multiplied by 0.5–1.5
        /// After a sync that left operations sent but unconfirmed (central's watermark had not
        /// passed them yet), another sync soon, doubling up to the interval.
        int settleMs = 500;
    };

    /// Nothing runs until start(). \a cachePath is opened again on the worker thread.
    explicit SyncWorker(const QString &cachePath, QObject *parent = nullptr);
    SyncWorker(const QString &cachePath, const Options &options, QObject *parent = nullptr);
    /// Stops a running sync at its next page boundary, then ends the thread.
    ~SyncWorker() override;

    QString cachePath() const { return m_cachePath; }
    /// The last state reported (updated before stateChanged is emitted).
    SyncState state() const { return m_state; }
    bool isOffline() const { return m_offline; }
    bool hasCredentials() const { return !m_conninfo.isEmpty(); }
    /// The connection string given to setCredentials (never holds the password).
    QString conninfo() const { return m_conninfo; }
    /// Completed sync runs (ok or not), for tests and diagnostics.
    int runs() const { return m_runs; }

    static void registerMetaTypes();

public slots:
    /// Opens the worker's cache connection and syncs at once when signed in and online.
    void start();
    /// Signs in: the next syncs use \a conninfo (libpq URL or key=value) with \a password
    /// (empty: the string's, PGPASSWORD or ~/.pgpass). Syncs at once when started and online.
    void setCredentials(const QString &conninfo, const QString &password);
    /// Forgets the credentials and closes the connection.
    void signOut();
    /// Syncs as soon as the worker is free (a running sync is not interrupted).
    void syncNow();
    /// Offline: stops a running sync, closes the connection, no timer or notification syncs.
    /// Back online: syncs at once.
    void setOffline(bool offline);

signals:
    void stateChanged(const SyncState &state);
    /// Central refused the password (SQLSTATE 28P01): no more retries until setCredentials().
    void signInNeeded(const QString &message);
    /// A sync run ended, successful or not.
    void finished(const SyncEngine::Report &report);
    /// A sync wrote rows into the cache: views showing them should read them again.
    void cacheChanged();

private:
    void onState(const SyncState &state);
    void onFinished(const SyncEngine::Report &report);

    QString m_cachePath;
    QThread m_thread;
    SyncWorkerRunner *m_runner = nullptr;
    SyncState m_state;
    QString m_conninfo;
    bool m_offline = false;
    int m_runs = 0;
};
