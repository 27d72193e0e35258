#pragma once

#include "centralrows.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

#include <atomic>
#include <functional>

class CacheDatabase;

/// Where a cache stands, read from the cache alone (no network): what the status bar shows.
struct SyncStatus
{
    qint64 waiting = 0;   ///< operations not yet confirmed by central (pending + sent)
    qint64 unsent = 0;    ///< of which central has not acknowledged (pending)
    qint64 rejected = 0;  ///< refused by central, waiting for the user
    qint64 conflicts = 0; ///< scalar edits overtaken by someone else's, waiting for the user
    qint64 lastSync = 0;  ///< Unix seconds of the last complete sync, 0 when never
    bool copied = false;  ///< the initial copy is complete
    bool copying = false; ///< an initial copy was started and not finished
    /// The copy is complete, but some of its secondary or search indexes are still to be built
    /// (the catalogue reads and writes meanwhile; sorted views and search are slower, search
    /// may miss rows).
    bool indexing = false;
    QString user; ///< the central user this cache mirrors
    QString role; ///< that user's role at the last sync

    static SyncStatus read(CacheDatabase &cache);
};

/// Brings a cache and the central store together (sync.md): pushes the outbox, copies the
/// user's scope when the cache has none (in keyset pages, resumable after a kill), pulls the
/// change log after the cursor and confirms the operations whose write checkpoint the pull has
/// passed. Synchronous: the app runs it on a worker thread (SyncWorker) with its own cache
/// and central connections; `coulisse-cli sync` runs it directly.
class SyncEngine
{
    Q_DECLARE_TR_FUNCTIONS(SyncEngine)

public:
    struct Settings
    {
        QString conninfo;     ///< libpq URL or key=value string
        QString password;     ///< overrides the string's when not empty
        int pullPage = 5000;  ///< change-log entries per page (one cache transaction)
        int copyPage = 50000; ///< rows per page of the initial copy
        /// Rows a search table indexes per transaction after a copy (the write lock is held
        /// about half a second per 100,000 titles).
        int indexChunk = 100000;
        int pushBatch = 256;     ///< local transactions per apply_ops call
        int pushBatchOps = 2000; ///< and at most this many operations
        /// Settled operations (applied and confirmed, or discarded) stay in the outbox this
        /// long for the record (outbox list), then go; a change request still waiting for its
        /// review stays until it is decided.
        int keepSettledDays = 30;
    };

    /// Indexing comes last, after a copy: the catalogue is complete and current by then.
    enum class Stage { Connecting, Pushing, Copying, Pulling, Confirming, Indexing };
    using Progress = std::function<void(Stage stage, qint64 done, qint64 total)>;

    /// How an error is handled (sync.md): a transient failure is retried later with backoff,
    /// a refusal rejects the operations concerned and the queue goes on, anything else stops
    /// the sync with the message (and is retried later too: nothing is dropped).
    enum class ErrorClass { Retry, Reject, Fail };
    static ErrorClass classify(const QString &sqlState);

    struct Report
    {
        bool ok = false;
        bool retry = false; ///< failed, worth retrying later (network, server restart)
        QString error;
        QString sqlState;
        QString user;
        QString role;
        int pushedTransactions = 0;
        int pushedOps = 0;
        int resentOps = 0;      ///< central had them already (sent before a crash)
        int awaitingReview = 0; ///< became change requests
        int rejected = 0;
        int conflicts = 0;
        int confirmed = 0;
        int reviewed = 0;    ///< change requests of this cache decided by a supervisor since
        bool copied = false; ///< an initial copy ran (or resumed) in this sync
        qint64 copiedRows = 0;
        qint64 pulled = 0;           ///< change-log entries applied
        int removedGames = 0;        ///< games that left the user's scope
        qint64 metricRows = 0;       ///< metric aggregate rows received
        bool metricsChanged = false; ///< the aggregates, campaigns or definitions changed
        qint64 levelRows = 0;        ///< creators' level rows received
        bool levelsChanged = false;  ///< ladders, levels or the distribution changed
        int prunedOps = 0;           ///< settled operations removed from the outbox
        int indexSteps = 0;          ///< indexes built and search chunks indexed after a copy
        /// From the start to the moment the cache was complete and current (every row copied
        /// and pulled, counts right), before the indexes a copy leaves were built.
        qint64 readyMs = 0;
        qint64 elapsedMs = 0;
    };

    SyncEngine(CacheDatabase &cache, const Settings &settings);
    ~SyncEngine();
    SyncEngine(const SyncEngine &) = delete;
    SyncEngine &operator=(const SyncEngine &) = delete;

    /// One full sync: connect (or reuse the connection), push, copy if needed, pull, confirm,
    /// then build what a copy left to index (also when the network failed: that is local).
    Report run(const Progress &progress = {});

    /// The central connection (open after a successful run), e.g. to LISTEN on it.
    QSqlDatabase central() const;
    bool isConnected() const;
    void disconnect();
    /// Thread-safe: the running sync stops at the next page boundary (a retryable outcome).
    void requestStop() { m_stop = true; }

    /// The order in which a copy takes the tables: central's, but the video tags before the
    /// videos, so that each video goes in with its tag count (CopyTally).
    static QList<CentralRows::Table> copyOrder();

    /// The channel central notifies on after every catalogue change.
    static QString notificationChannel() { return QStringLiteral("coulisse_changes"); }

private:
    struct Identity;
    bool connect(Report &report);
    bool readIdentity(Report &report, Identity &identity);
    bool push(Report &report, const Progress &progress);
    bool copy(Report &report, const Identity &identity, const Progress &progress);
    bool pull(Report &report, const Progress &progress);
    bool confirm(Report &report, const Progress &progress);
    bool removeLostGames(Report &report, const Identity &identity);
    bool centralError(Report &report, const QSqlError &error, const QString &context = {});
    bool centralError(Report &report, const QString &sqlState, const QString &message,
                      const QString &context = {});
    bool cacheError(Report &report, const QString &message);
    bool reviewOutcomes(Report &report);
    /// Removes the settled operations older than Settings::keepSettledDays, once a day.
    bool pruneOutbox(Report &report);
    bool copyRequests(Report &report);
    bool syncMetrics(Report &report, const Identity &identity);
    bool syncLevels(Report &report, const Identity &identity);
    bool dropCatalogueIndexes(QString *error);
    bool restoreUniqueIndexes(QString *error);
    bool buildIndexes(Report &report, const Progress &progress);
    bool stopped(Report &report);

    CacheDatabase &m_cache;
    Settings m_settings;
    QString m_connectionName;
    std::atomic<bool> m_stop{false};
};
