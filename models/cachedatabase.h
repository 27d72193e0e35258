#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

struct sqlite3;

/// One connection to the local SQLite cache of a profile.
///
/// Opening validates the file before anything is written to it (a corrupt file, a file of
/// another application or one written by a newer Coulisse is refused and left untouched),
/// then sets WAL, synchronous=FULL and foreign keys, registers the cache's SQL functions and
/// applies the pending migrations (embedded resources) in one transaction. Each thread opens
/// its own CacheDatabase (Qt's rule: one connection per thread).
class CacheDatabase
{
    Q_DECLARE_TR_FUNCTIONS(CacheDatabase)

public:
    /// Stored in the SQLite header (PRAGMA application_id): "Coul".
    static constexpr int ApplicationId = 0x436F756C;

    /// The highest migration embedded in this build.
    static int latestSchemaVersion();

    /// Process-wide SQLite settings, made before the process's first connection: open() calls
    /// it, and so must a program that uses the C API on its own first. Turns off SQLite's
    /// memory statistics, whose global mutex every allocation took (a quarter of the initial
    /// copy's inserts). Later calls, and calls once SQLite runs, change nothing.
    static void prepareLibrary();

    /// The page cache of every connection (PRAGMA cache_size, KiB).
    static constexpr int PageCacheKiB = 32768;
    /// PRAGMA wal_autocheckpoint of every connection (SQLite's default; an initial copy turns
    /// it off while its pages go in).
    static constexpr int WalAutoCheckpointPages = 1000;

    enum class Problem {
        None,
        NotADatabase, ///< not an SQLite file at all
        NotACache,    ///< an SQLite database of another application
        Newer,        ///< written by a newer Coulisse
        Corrupt,      ///< SQLite reports damage, or the schema is incomplete
        Unwritable,   ///< permission denied
        Failed        ///< any other failure (message says which)
    };

    struct Inspection
    {
        Problem problem = Problem::None;
        bool exists = false;
        int schemaVersion = 0;
        QString message;
    };

    /// Examines \a path read-only; never changes the file.
    static Inspection inspect(const QString &path);

    enum class Access { ReadWrite, ReadOnly };

    CacheDatabase();
    ~CacheDatabase();
    CacheDatabase(const CacheDatabase &) = delete;
    CacheDatabase &operator=(const CacheDatabase &) = delete;

    /// Opens \a path (created when missing, unless ReadOnly) and brings it to the latest
    /// schema. Returns false with problem() and errorString() set; the file is then unchanged.
    bool open(const QString &path, Access access = Access::ReadWrite);
    void close();

    bool isOpen() const;
    QString path() const { return m_path; }
    Problem problem() const { return m_problem; }
    QString errorString() const { return m_error; }
    QSqlDatabase database() const;
    /// The sqlite3 handle of the QSQLITE connection, for the C API (bulk inserts).
    /// The sqlite3 handle behind a QSQLITE connection (null for another driver).
    static sqlite3 *handleOf(const QSqlDatabase &db);
    sqlite3 *handle() const { return m_handle; }
    int schemaVersion() const;

    /// Runs a script of several statements. On failure errorString() names the statement.
    bool execScript(const QString &sql);
    /// BEGIN IMMEDIATE: takes the write lock up front (a deferred BEGIN can fail to upgrade).
    bool beginImmediate();
    bool commit();
    bool rollback();

    /// Starts a bulk load: BEGIN IMMEDIATE and drops the derived_* triggers so that rows
    /// go in at the C API's speed. finishBulkLoad() rebuilds counts and search bodies in one
    /// pass, re-creates the triggers, commits and refreshes the planner statistics.
    bool beginBulkLoad();
    bool finishBulkLoad();
    /// Recomputes every derived count and search body (inside the caller's transaction).
    bool rebuildDerived();
    /// The derived counts only (tag_count, video_count, usage_count), each in one grouped pass.
    bool rebuildCounts();

    /// The full-text tables. Each has a view <table>_source (id, body) giving the body of every
    /// row of its catalogue table; the derived triggers keep the table in step with the view.
    static QStringList searchTables();
    /// Empties every search table at once (drops and re-creates it: a DELETE removes the rows
    /// of an FTS5 table one by one). Inside the caller's transaction.
    bool clearSearch();
    /// Empties \a table and indexes every row of its source again (inside the caller's
    /// transaction).
    bool rebuildSearch(const QString &table);
    /// Indexes in \a table the rows of its source after id \a after, at most \a limit of them,
    /// skipping those it holds already (the derived triggers index rows that change meanwhile).
    /// Sets \a last to the last id covered, or to 0 when no row follows \a after.
    bool indexSearchRows(const QString &table, qint64 after, int limit, qint64 *last);
    /// The search tables still being filled after an initial copy (sync_state
    /// 'search_pending': table -> last id indexed), which integrityProblems() leaves out.
    QStringList pendingSearchTables() const;

    /// While on, the derived triggers queue the rows whose search entry changes (search_queue)
    /// instead of writing it; flushSearch() writes the queued entries, one statement per
    /// search table, and empties the queue. For a writer that changes many rows one statement
    /// at a time (a pull): FTS5 writes a segment at the end of every statement that changes
    /// it. Call flushSearch() before the transaction commits; deferSearch(false) after.
    void deferSearch(bool on);
    bool flushSearch();

    /// Settings for building secondary indexes of large tables (outside a transaction): the
    /// sorter's two worker threads, its runs in temporary files and a small page cache, so
    /// that each sorted run stays in the CPU's caches (a 5M-row index: 1.8 s instead of 7.6 s).
    /// false restores the connection's usual settings.
    bool setIndexBuilding(bool on);
    /// Drops / re-creates the derived_* triggers inside the caller's transaction (a copy in
    /// pages writes each page without them and rebuilds the derived data at the end).
    bool dropDerivedTriggers();
    bool applyDerivedTriggers();

    /// PRAGMA integrity_check plus the consistency of derived data; empty when healthy.
    QStringList integrityProblems();

    QString metaValue(const QString &key, const QString &fallback = {}) const;
    bool setMetaValue(const QString &key, const QString &value);

private:
    bool fail(Problem problem, const QString &message);
    static QString newerMessage(const QString &shownPath, qint64 fileVersion);
    bool configure(Access access);
    bool migrate();
    bool registerFunctions();

    QString m_connectionName;
    QString m_path;
    QString m_error;
    Problem m_problem = Problem::None;
    sqlite3 *m_handle = nullptr;
    int *m_searchDeferred = nullptr; ///< owned by the connection (coulisse_search_deferred)
};
