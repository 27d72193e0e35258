// The sync engine at scale: the initial copy of a million videos with about five million video
// tags, an incremental pull of 1,000 changes, a push of 10,000 queued operations and a sync with
// nothing to do, next to SQLite's own insert rate on the same disk. Prints figures; asserts
// nothing.
//   bench_sync [--videos N] [--video-tags N] [--changes N] [--repeat N] [--ops N] [--idle N]
//              [--dir DIR] [--durable] [--breakdown] [--cache-mib N] [--runs N]
// A private PostgreSQL (fast mode unless --durable) runs in a temporary directory (or DIR) and
// is stopped at the end; the cache and the reference files live in a temporary directory that
// is removed at the end. --breakdown also loads the same rows into the cache schema without the
// engine (one transaction; pages of 50,000; pages with the indexes built at the end), with the
// derived-data rebuild timed statement by statement: where the initial copy's time goes.
// Other work on the machine skews every figure: the CPU it used while timing is printed.
#include "cachedatabase.h"
#include "cacheeditor.h"
#include "centralconnection.h"
#include "centralrows.h"
#include "centralschema.h"
#include "democentralwriter.h"
#include "privatepostgres.h"
#include "syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStorageInfo>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <functional>
#include <libpq-fe.h>
#include <sqlite3.h>
#include <sys/resource.h>
#include <unistd.h>
#include <vector>

namespace {

QTextStream out(stdout);

using Type = CentralRows::Type;

void figure(const QString &what, const QString &value)
{
    out << what.leftJustified(58) << ' ' << value << '\n';
    out.flush();
}

void heading(const QString &text)
{
    out << '\n' << text << '\n';
    out.flush();
}

struct SummaryRow
{
    QString what;
    QString value;
    QString goal;
};
QList<SummaryRow> summary;

QString number(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

QString rate(qint64 rows, double ms)
{
    return ms > 0 ? number(qint64(rows * 1000.0 / ms)) : QStringLiteral("-");
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/// CPU time of this process (user + system), in milliseconds: the client's share of a run.
double cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

/// CPU time used on the whole machine by processes other than this one and its private
/// server (the postmaster and its children), to tell a quiet run from a disturbed one: the
/// figures are only meaningful when this stays near zero.
class ForeignCpu
{
public:
    explicit ForeignCpu(qint64 postmaster)
        : m_postmaster(postmaster)
    {
        restart();
    }
    void restart()
    {
        m_busy = machineBusyMs();
        m_own = ownMs();
    }
    double ms() const { return (machineBusyMs() - m_busy) - (ownMs() - m_own); }

private:
    static double ticksToMs(qint64 ticks) { return ticks * 1000.0 / sysconf(_SC_CLK_TCK); }
    static double machineBusyMs()
    {
        QFile f(QStringLiteral("/proc/stat"));
        if (!f.open(QIODevice::ReadOnly))
            return 0;
        const QList<QByteArray> v = f.readLine().simplified().split(' ');
        qint64 busy = 0;
        for (int i : {1, 2, 3, 6, 7, 8}) // user nice system irq softirq steal
            busy += i < v.size() ? v[i].toLongLong() : 0;
        return ticksToMs(busy);
    }
    /// utime + stime of the process (and of its reaped children when \a children).
    static qint64 processTicks(const QByteArray &stat, bool children, qint64 *ppid)
    {
        const QList<QByteArray> v = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        // Fields from the state on: state(0) ppid(1) ... utime(11) stime(12) cutime(13)
        // cstime(14).
        if (v.size() < 15)
            return 0;
        *ppid = v[1].toLongLong();
        return v[11].toLongLong() + v[12].toLongLong() +
               (children ? v[13].toLongLong() + v[14].toLongLong() : 0);
    }
    double ownMs() const
    {
        qint64 ticks = 0;
        const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
        for (const QString &pid : pids) {
            bool numeric = false;
            const qint64 id = pid.toLongLong(&numeric);
            if (!numeric || m_postmaster <= 0)
                continue;
            QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            qint64 ppid = 0;
            const qint64 t = processTicks(f.readAll(), id == m_postmaster, &ppid);
            if (id == m_postmaster || ppid == m_postmaster)
                ticks += t;
        }
        return ticksToMs(ticks) + cpuMs();
    }

    qint64 m_postmaster;
    double m_busy = 0;
    double m_own = 0;
};

qint64 postmasterPid(const PrivatePostgres &server)
{
    QFile f(QDir(server.dataDirectory()).filePath(QStringLiteral("postmaster.pid")));
    return f.open(QIODevice::ReadOnly) ? f.readLine().trimmed().toLongLong() : 0;
}

QString foreignText(const ForeignCpu &foreign)
{
    return QStringLiteral("%1 s").arg(qMax(0.0, foreign.ms()) / 1000, 0, 'f', 1);
}

double msSince(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

/// /proc/loadavg's first three fields: other work on the machine skews every figure.
QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2);
}

QString procValue(const QString &file, const QByteArray &key)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
    }
    return {};
}

bool failed(const QString &what, const QString &error)
{
    out << "FAILED: " << what << ": " << error << '\n';
    out.flush();
    return false;
}

bool exec(const QSqlDatabase &db, const QString &sql, QString *error,
          const QVariantList &values = {}, qint64 *affected = nullptr)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // QPSQL prepares on the server (PREPARE), which SET and ANALYZE do not allow.
    if (values.isEmpty() ? !q.exec(sql) : !q.prepare(sql)) {
        *error = q.lastError().text();
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!values.isEmpty() && !q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    if (affected)
        *affected = q.numRowsAffected();
    return true;
}

qint64 scalar(const QSqlDatabase &db, const QString &sql)
{
    QSqlQuery q(db);
    if (q.exec(sql) && q.next())
        return q.value(0).toLongLong();
    return -1;
}

// ---------------------------------------------------------------------------------------------
// The rows of the central store, held in memory column by column (for the SQLite reference)
// ---------------------------------------------------------------------------------------------

struct ColumnData
{
    bool text = false;
    std::vector<qint64> ints;
    std::vector<QByteArray> texts;
    std::vector<char> nulls;
};

struct TableData
{
    const CentralRows::Table *table = nullptr;
    std::vector<ColumnData> columns;
    qint64 rows = 0;
    double readMs = 0; ///< plain QPSQL forward-only read, values converted as the engine does
    double copyMs = 0; ///< libpq COPY (SELECT ...) TO STDOUT of the same rows, received only
};

QString keyOrder(const CentralRows::Table &t)
{
    return t.key2.isEmpty() ? t.key1 : t.key1 + QStringLiteral(", ") + t.key2;
}

QString centralSelect(const CentralRows::Table &t)
{
    return QStringLiteral("SELECT %1 FROM coulisse.%2 ORDER BY %3")
        .arg(CentralRows::centralSelectList(t), t.name, keyOrder(t));
}

bool readTable(const QSqlDatabase &db, const CentralRows::Table &t, TableData *data, QString *error)
{
    data->table = &t;
    data->columns.assign(t.columns.size(), ColumnData());
    for (int i = 0; i < t.columns.size(); ++i)
        data->columns[i].text = t.columns[i].type == Type::Text || t.columns[i].type == Type::Json;
    QElapsedTimer timer;
    timer.start();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(centralSelect(t))) {
        *error = q.lastError().text();
        return false;
    }
    const int n = int(t.columns.size());
    while (q.next()) {
        for (int i = 0; i < n; ++i) {
            ColumnData &c = data->columns[i];
            const QVariant v = q.value(i);
            c.nulls.push_back(v.isNull() ? 1 : 0);
            if (c.text)
                c.texts.push_back(v.isNull() ? QByteArray() : v.toString().toUtf8());
            else
                c.ints.push_back(v.isNull() ? 0 : v.toLongLong());
        }
        ++data->rows;
    }
    if (q.lastError().isValid()) {
        *error = q.lastError().text();
        return false;
    }
    data->readMs = msSince(timer);
    return true;
}

/// Receives COPY (query) TO STDOUT through libpq; returns the rows, -1 on failure.
qint64 copyOut(PGconn *conn, const QString &query, double *ms, QString *error)
{
    QElapsedTimer timer;
    timer.start();
    const QByteArray sql = QStringLiteral("COPY (%1) TO STDOUT").arg(query).toUtf8();
    PGresult *result = PQexec(conn, sql.constData());
    if (PQresultStatus(result) != PGRES_COPY_OUT) {
        *error = QString::fromUtf8(PQerrorMessage(conn));
        PQclear(result);
        return -1;
    }
    PQclear(result);
    qint64 rows = 0;
    char *buffer = nullptr;
    int length = 0;
    while ((length = PQgetCopyData(conn, &buffer, 0)) > 0) {
        ++rows; // one row per buffer in text format
        PQfreemem(buffer);
    }
    result = PQgetResult(conn);
    const bool ok = length == -1 && PQresultStatus(result) == PGRES_COMMAND_OK;
    if (!ok)
        *error = QString::fromUtf8(PQerrorMessage(conn));
    PQclear(result);
    while ((result = PQgetResult(conn)))
        PQclear(result);
    *ms = msSince(timer);
    return ok ? rows : -1;
}

// ---------------------------------------------------------------------------------------------
// SQLite through the C API
// ---------------------------------------------------------------------------------------------

bool sqliteExec(sqlite3 *db, const QString &sql, QString *error)
{
    char *message = nullptr;
    if (sqlite3_exec(db, sql.toUtf8().constData(), nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    *error = QString::fromUtf8(message ? message : sqlite3_errmsg(db));
    sqlite3_free(message);
    return false;
}

/// Inserts every row of \a data with one prepared statement (binding as the sync engine does);
/// inside the caller's transaction.
bool insertRows(sqlite3 *db, const QString &table, const QString &placeholders,
                const TableData &data, QString *error, qint64 pageRows = 0,
                const std::function<bool()> &pageBoundary = {})
{
    QStringList names;
    for (const CentralRows::Column &c : data.table->columns)
        names.append(c.name);
    const QByteArray sql = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                               .arg(table, names.join(QStringLiteral(", ")), placeholders)
                               .toUtf8();
    sqlite3_stmt *insert = nullptr;
    if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &insert, nullptr) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    const int n = int(data.columns.size());
    bool ok = true;
    for (qint64 r = 0; ok && r < data.rows; ++r) {
        for (int i = 0; i < n; ++i) {
            const ColumnData &c = data.columns[i];
            if (c.nulls[r])
                sqlite3_bind_null(insert, i + 1);
            else if (c.text)
                sqlite3_bind_text(insert, i + 1, c.texts[r].constData(), int(c.texts[r].size()),
                                  SQLITE_STATIC);
            else
                sqlite3_bind_int64(insert, i + 1, c.ints[r]);
        }
        ok = sqlite3_step(insert) == SQLITE_DONE;
        sqlite3_reset(insert);
        if (ok && pageRows > 0 && (r + 1) % pageRows == 0 && !pageBoundary()) {
            sqlite3_finalize(insert);
            *error = QStringLiteral("page boundary");
            return false;
        }
    }
    if (!ok)
        *error = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(insert);
    return ok;
}

QString plainPlaceholders(const CentralRows::Table &t)
{
    QStringList list;
    for (int i = 0; i < t.columns.size(); ++i)
        list.append(QStringLiteral("?"));
    return list.join(QStringLiteral(", "));
}

/// The reference: the same rows into plain tables (primary keys only, no secondary index, no
/// trigger, no CHECK), one transaction, prepared statements and sqlite3_bind_*.
bool reference(const QString &path, const std::vector<TableData> &tables, double *totalMs,
               QList<double> *tableMs, QString *error)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_close(db);
        return false;
    }
    // The cache's own settings (CacheDatabase::configure): WAL, synchronous FULL, 32 MiB.
    bool ok = sqliteExec(db,
                         QStringLiteral("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; "
                                        "PRAGMA cache_size = -32768; PRAGMA temp_store = MEMORY;"),
                         error);
    for (const TableData &d : tables) {
        if (!ok)
            break;
        const CentralRows::Table &t = *d.table;
        QStringList columns;
        for (const CentralRows::Column &c : t.columns) {
            const bool text = c.type == Type::Text || c.type == Type::Json;
            columns.append(c.name + (text ? QStringLiteral(" TEXT") : QStringLiteral(" INTEGER")) +
                           (t.key2.isEmpty() && c.name == t.key1 ? QStringLiteral(" PRIMARY KEY")
                                                                 : QString()));
        }
        if (!t.key2.isEmpty())
            columns.append(QStringLiteral("PRIMARY KEY (%1, %2)").arg(t.key1, t.key2));
        ok = sqliteExec(db,
                        QStringLiteral("CREATE TABLE %1 (%2)%3")
                            .arg(t.name, columns.join(QStringLiteral(", ")),
                                 t.key2.isEmpty() ? QString() : QStringLiteral(" WITHOUT ROWID")),
                        error);
    }
    QElapsedTimer timer;
    timer.start();
    ok = ok && sqliteExec(db, QStringLiteral("BEGIN IMMEDIATE"), error);
    for (const TableData &d : tables) {
        if (!ok)
            break;
        QElapsedTimer t;
        t.start();
        ok = insertRows(db, d.table->name, plainPlaceholders(*d.table), d, error);
        tableMs->append(msSince(t));
    }
    ok = ok && sqliteExec(db, QStringLiteral("COMMIT"), error);
    *totalMs = msSince(timer);
    sqlite3_close(db);
    return ok;
}

// ---------------------------------------------------------------------------------------------
// Where the copy's time goes: the same rows into a real cache schema, outside the engine
// ---------------------------------------------------------------------------------------------

/// CacheDatabase::rebuildDerived step by step, each step timed: the counts, then each search
/// table.
bool rebuildTimed(CacheDatabase &cache, const QString &label)
{
    QElapsedTimer t;
    t.start();
    if (!cache.rebuildCounts())
        return failed(label + QStringLiteral("counts"), cache.errorString());
    figure(label + QStringLiteral("  counts (DerivedCounts)"),
           QStringLiteral("%1 s").arg(msSince(t) / 1000, 0, 'f', 2));
    for (const QString &table : CacheDatabase::searchTables()) {
        t.restart();
        if (!cache.rebuildSearch(table))
            return failed(label + table, cache.errorString());
        figure(label + QStringLiteral("  %1, with 'optimize'").arg(table),
               QStringLiteral("%1 s").arg(msSince(t) / 1000, 0, 'f', 2));
    }
    return true;
}

enum class LoadMode {
    OneTransaction, ///< as the demo cache writer: triggers off, one transaction
    EnginePages,    ///< a commit every 50,000 rows, triggers re-created and dropped per page
    DeferIndexes    ///< pages of 50,000 as well, but secondary indexes are built at the end
};

/// PRAGMA cache_size for --cache-mib (0: leave the cache's own).
bool setCacheSize(CacheDatabase &cache, int mib)
{
    return mib <= 0 ||
           cache.execScript(QStringLiteral("PRAGMA cache_size = -%1").arg(qint64(mib) * 1024));
}

bool cacheSchemaLoad(const QString &path, const std::vector<TableData> &tables, LoadMode mode,
                     int cacheMib)
{
    QString error;
    CacheDatabase cache;
    if (!cache.open(path) || !setCacheSize(cache, cacheMib))
        return failed(QStringLiteral("open %1").arg(path), cache.errorString());
    const QString label = mode == LoadMode::OneTransaction ? QStringLiteral("one transaction: ")
                          : mode == LoadMode::EnginePages
                              ? QStringLiteral("pages of 50,000: ")
                              : QStringLiteral("pages, indexes built after: ");
    const bool deferIndexes = mode == LoadMode::DeferIndexes;
    QElapsedTimer total;
    total.start();
    if (!cache.execScript(QStringLiteral("PRAGMA foreign_keys = OFF")) || !cache.beginBulkLoad())
        return failed(label, cache.errorString());
    QStringList indexes;
    if (deferIndexes) {
        QSqlQuery q(cache.database());
        q.exec(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql "
                              "IS NOT NULL AND tbl_name IN ('games', 'tag_groups', 'tags', "
                              "'game_tags', 'users', 'videos', 'video_tags')"));
        QString drop;
        while (q.next()) {
            drop += QStringLiteral("DROP INDEX \"%1\";").arg(q.value(0).toString());
            indexes.append(q.value(1).toString());
        }
        q.finish();
        if (!cache.execScript(drop))
            return failed(label, cache.errorString());
    }
    // What the engine does between two pages (SyncEngine::copy's end() and begin()).
    const auto page = [&cache] {
        return cache.applyDerivedTriggers() && cache.commit() && cache.beginImmediate() &&
               cache.dropDerivedTriggers();
    };
    qint64 rows = 0;
    double insertMs = 0;
    for (const TableData &d : tables) {
        QElapsedTimer t;
        t.start();
        if (!insertRows(cache.handle(), d.table->name, CentralRows::cachePlaceholders(*d.table), d,
                        &error, mode == LoadMode::OneTransaction ? 0 : 50000, page))
            return failed(label + d.table->name, error + QLatin1Char(' ') + cache.errorString());
        if (mode != LoadMode::OneTransaction && !page())
            return failed(label + d.table->name, cache.errorString());
        const double ms = msSince(t);
        insertMs += ms;
        rows += d.rows;
        if (d.rows >= 100000)
            figure(label + QStringLiteral("insert %1").arg(d.table->name),
                   QStringLiteral("%1 rows in %2 s (%3 rows/s)")
                       .arg(number(d.rows))
                       .arg(ms / 1000, 0, 'f', 2)
                       .arg(rate(d.rows, ms)));
    }
    figure(label + QStringLiteral("insert, all tables"),
           QStringLiteral("%1 rows in %2 s (%3 rows/s)")
               .arg(number(rows))
               .arg(insertMs / 1000, 0, 'f', 2)
               .arg(rate(rows, insertMs)));
    if (mode == LoadMode::EnginePages) {
        // The rest is what OneTransaction measures.
        cache.applyDerivedTriggers();
        cache.commit();
        cache.close();
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(path + suffix);
        return true;
    }
    if (deferIndexes) {
        QElapsedTimer t;
        t.start();
        if (!cache.execScript(indexes.join(QStringLiteral(";\n"))))
            return failed(label + QStringLiteral("indexes"), cache.errorString());
        figure(label + QStringLiteral("CREATE INDEX x %1").arg(indexes.size()),
               QStringLiteral("%1 s").arg(msSince(t) / 1000, 0, 'f', 2));
    } else {
        // The search-body function alone, without FTS5 (the video_search rebuild includes it).
        QElapsedTimer f;
        f.start();
        QSqlQuery q(cache.database());
        if (q.exec(QStringLiteral("SELECT sum(length(coulisse_search_text(title))) FROM videos")) &&
            q.next())
            figure(label + QStringLiteral("  coulisse_search_text(title) alone, no FTS"),
                   QStringLiteral("%1 s").arg(msSince(f) / 1000, 0, 'f', 2));
    }
    QElapsedTimer t;
    t.start();
    if (!rebuildTimed(cache, label))
        return false;
    figure(label + QStringLiteral("rebuildDerived (counts, full-text)"),
           QStringLiteral("%1 s").arg(msSince(t) / 1000, 0, 'f', 2));
    t.restart();
    if (!cache.applyDerivedTriggers() || !cache.commit())
        return failed(label + QStringLiteral("commit"), cache.errorString());
    figure(label + QStringLiteral("triggers + COMMIT"),
           QStringLiteral("%1 s").arg(msSince(t) / 1000, 0, 'f', 2));
    t.restart();
    cache.execScript(QStringLiteral("PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA optimize;"));
    figure(label + QStringLiteral("ANALYZE"),
           QStringLiteral("%1 s").arg(msSince(t) / 1000, 0, 'f', 2));
    const double all = msSince(total);
    figure(label + QStringLiteral("total"),
           QStringLiteral("%1 s (%2 rows/s)").arg(all / 1000, 0, 'f', 2).arg(rate(rows, all)));
    cache.close();
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    return true;
}

// ---------------------------------------------------------------------------------------------
// The central store
// ---------------------------------------------------------------------------------------------

/// Brings video_tags to about \a target rows with more general tags per video (the demo data
/// has ~2.8 per video), loaded like CentralLoader does (replica mode: no per-row audit or
/// change log; the cache has not copied anything yet).
bool topUpVideoTags(const QSqlDatabase &db, qint64 videos, qint64 current, qint64 target,
                    QString *error)
{
    if (target <= current || videos <= 0)
        return true;
    QSqlDatabase conn = db;
    if (!conn.transaction()) {
        *error = conn.lastError().text();
        return false;
    }
    if (!exec(db, QStringLiteral("SET LOCAL session_replication_role = replica"), error)) {
        conn.rollback();
        return false;
    }
    // Pairs already there are skipped: a second pass makes up for them.
    for (int pass = 0; pass < 3 && current < target - target / 200; ++pass) {
        const double per = double(target - current) / double(videos);
        const qint64 whole = qint64(per);
        const qint64 fractionPpm = qint64((per - double(whole)) * 1e6);
        const QString sql =
            QStringLiteral(
                "INSERT INTO coulisse.video_tags (video_id, tag_id) "
                "SELECT v.id, g.ids[1 + ((v.id * 7919 + (k + %3) * 104729) %% "
                "  cardinality(g.ids))::int] "
                "FROM coulisse.videos v "
                "CROSS JOIN (SELECT array_agg(t.id ORDER BY t.id) AS ids FROM coulisse.tags t "
                "  JOIN coulisse.tag_groups grp ON grp.id = t.group_id "
                "  WHERE grp.kind = 'general' AND t.status = 'active') g "
                "CROSS JOIN LATERAL generate_series(0, %1 - 1 + CASE WHEN (v.id * %4) %% "
                "  1000000 < %2 THEN 1 ELSE 0 END) k "
                "ON CONFLICT DO NOTHING")
                .arg(whole)
                .arg(fractionPpm)
                .arg(pass * 5)
                .arg(2654435761LL + pass * 40503LL)
                .replace(QStringLiteral("%%"), QStringLiteral("%"));
        qint64 added = 0;
        if (!exec(db, sql, error, {}, &added)) {
            conn.rollback();
            return false;
        }
        current += added;
    }
    if (!conn.commit()) {
        *error = conn.lastError().text();
        return false;
    }
    return exec(db, QStringLiteral("ANALYZE coulisse.video_tags"), error);
}

QString describeRun(const SyncEngine::Report &r)
{
    return QStringLiteral("ok=%1 pushed=%2 pulled=%3 confirmed=%4 copied=%5%6")
        .arg(r.ok ? QStringLiteral("yes") : QStringLiteral("NO"))
        .arg(r.pushedOps)
        .arg(r.pulled)
        .arg(r.confirmed)
        .arg(r.copiedRows)
        .arg(r.ok ? QString() : QStringLiteral(" error: ") + r.error);
}

} // namespace

/// What SyncEngine::copy does after its last page, and the index steps after it, one by one
/// on a copy of a filled cache (--finish-only): secondary indexes dropped and search tables
/// emptied first, then the counts, each index (SyncEngine's settings for them) and each search
/// table in chunks, the checkpoint.
bool finishOnly(const QString &source)
{
    QTemporaryDir work;
    const QString path = QDir(work.path()).filePath(QStringLiteral("finish.sqlite"));
    if (!work.isValid() || !QFile::copy(source, path))
        return failed(QStringLiteral("copy of %1").arg(source), QStringLiteral("cannot copy"));
    CacheDatabase cache;
    if (!cache.open(path))
        return failed(path, cache.errorString());
    QSqlQuery q(cache.database());
    q.exec(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS "
                          "NOT NULL AND tbl_name IN ('games', 'tag_groups', 'tags', 'game_tags', "
                          "'users', 'videos', 'video_tags')"));
    QString drop;
    QStringList indexes;
    while (q.next()) {
        drop += QStringLiteral("DROP INDEX \"%1\";").arg(q.value(0).toString());
        indexes.append(q.value(1).toString());
    }
    q.finish();
    if (!cache.beginImmediate() || !cache.dropDerivedTriggers() || !cache.execScript(drop) ||
        !cache.clearSearch() ||
        !cache.execScript(QStringLiteral("UPDATE videos SET tag_count = 0; "
                                         "UPDATE users SET video_count = 0;"
                                         "UPDATE games SET video_count = 0;"
                                         "UPDATE tags SET usage_count = 0")) ||
        !cache.commit() || !cache.execScript(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")))
        return failed(QStringLiteral("drop"), cache.errorString());
    const QString label = QStringLiteral("finish: ");
    QElapsedTimer all;
    all.start();
    QElapsedTimer t;
    t.start();
    if (!cache.beginImmediate() || !cache.rebuildCounts() || !cache.applyDerivedTriggers() ||
        !cache.commit())
        return failed(label + QStringLiteral("counts"), cache.errorString());
    figure(label + QStringLiteral("counts, triggers, COMMIT (the copy's completion)"),
           QStringLiteral("%1 s").arg(msSince(t) / 1000, 0, 'f', 2));
    if (!cache.setIndexBuilding(true))
        return failed(label, cache.errorString());
    double indexMs = 0;
    for (const QString &sql : std::as_const(indexes)) {
        t.restart();
        if (!cache.beginImmediate() || !cache.execScript(sql) || !cache.commit())
            return failed(label + sql, cache.errorString());
        const double ms = msSince(t);
        indexMs += ms;
        if (ms >= 200)
            figure(label + QStringLiteral("  ") + sql.section(QLatin1Char(' '), 0, 3),
                   QStringLiteral("%1 s").arg(ms / 1000, 0, 'f', 2));
    }
    figure(label + QStringLiteral("CREATE INDEX x %1, one transaction each").arg(indexes.size()),
           QStringLiteral("%1 s").arg(indexMs / 1000, 0, 'f', 2));
    for (const QString &table : CacheDatabase::searchTables()) {
        t.restart();
        qint64 after = 0;
        int chunks = 0;
        double longest = 0;
        for (;;) {
            QElapsedTimer c;
            c.start();
            qint64 last = 0;
            if (!cache.beginImmediate() || !cache.indexSearchRows(table, after, 100000, &last) ||
                (last == 0 &&
                 !cache.execScript(
                     QStringLiteral("INSERT INTO %1 (%1) VALUES ('optimize')").arg(table))) ||
                !cache.commit())
                return failed(label + table, cache.errorString());
            longest = qMax(longest, msSince(c));
            ++chunks;
            if (last == 0)
                break;
            after = last;
        }
        figure(label + QStringLiteral("%1 (%2 chunks of 100,000, the longest %3 s)")
                           .arg(table)
                           .arg(chunks)
                           .arg(longest / 1000, 0, 'f', 2),
               QStringLiteral("%1 s").arg(msSince(t) / 1000, 0, 'f', 2));
    }
    cache.setIndexBuilding(false);
    t.restart();
    cache.execScript(QStringLiteral("PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA optimize; "
                                    "PRAGMA wal_checkpoint(TRUNCATE);"));
    figure(label + QStringLiteral("ANALYZE, checkpoint"),
           QStringLiteral("%1 s").arg(msSince(t) / 1000, 0, 'f', 2));
    figure(label + QStringLiteral("all"),
           QStringLiteral("%1 s").arg(msSince(all) / 1000, 0, 'f', 2));
    const QStringList problems = cache.integrityProblems();
    figure(label + QStringLiteral("cache check"),
           problems.isEmpty() ? QStringLiteral("ok") : problems.join(QStringLiteral("; ")));
    return true;
}

int main(int argc, char *argv[])
{
    // The reference and the cache run with the same process-wide SQLite settings as the app.
    CacheDatabase::prepareLibrary();
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("videos"), QStringLiteral("Videos in the central store."),
                      QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("video-tags"),
                      QStringLiteral("Video tags in the central store (topped up with general "
                                     "tags; default 5 per video, 0: the demo data's own)."),
                      QStringLiteral("N"), QStringLiteral("-1")});
    parser.addOption({QStringLiteral("changes"), QStringLiteral("Changes per incremental pull."),
                      QStringLiteral("N"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("repeat"),
                      QStringLiteral("Pulls of each kind (tags added, titles edited, tags "
                                     "removed)."),
                      QStringLiteral("N"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("ops"), QStringLiteral("Queued operations to push."),
                      QStringLiteral("N"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("idle"), QStringLiteral("Syncs with nothing to do."),
                      QStringLiteral("N"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("dir"),
                      QStringLiteral("Private server directory (kept running when given)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("durable"),
                      QStringLiteral("Run the server with fsync on (default: fast mode).")});
    parser.addOption({QStringLiteral("breakdown"),
                      QStringLiteral("Also load the same rows into the cache schema without "
                                     "the engine: where the initial copy's time goes.")});
    parser.addOption({QStringLiteral("cache-mib"),
                      QStringLiteral("SQLite page cache of the cache connections, MiB (default: "
                                     "the cache's own, 32)."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("finish-only"),
                      QStringLiteral("Only time what an initial copy does after its last page "
                                     "and the index steps after it, on a copy of FILE, a "
                                     "filled cache; no server."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("runs"),
                      QStringLiteral("Runs of the reference and of the initial copy; the best "
                                     "of each counts."),
                      QStringLiteral("N"), QStringLiteral("3")});
    parser.process(app);
    if (parser.isSet(QStringLiteral("finish-only")))
        return finishOnly(parser.value(QStringLiteral("finish-only"))) ? 0 : 1;
    const qint64 videos = parser.value(QStringLiteral("videos")).toLongLong();
    qint64 targetTags = parser.value(QStringLiteral("video-tags")).toLongLong();
    if (targetTags < 0)
        targetTags = 5 * videos;
    const qint64 changes = parser.value(QStringLiteral("changes")).toLongLong();
    const int repeat = parser.value(QStringLiteral("repeat")).toInt();
    const qint64 ops = parser.value(QStringLiteral("ops")).toLongLong();
    const int idleRuns = parser.value(QStringLiteral("idle")).toInt();
    const int cacheMib = parser.value(QStringLiteral("cache-mib")).toInt();
    const int runs = qMax(1, parser.value(QStringLiteral("runs")).toInt());

    QTemporaryDir serverTemp;
    QTemporaryDir work;
    if (!serverTemp.isValid() || !work.isValid()) {
        out << "Cannot create a temporary directory.\n";
        return 1;
    }
    const QString serverDir = parser.isSet(QStringLiteral("dir"))
                                  ? parser.value(QStringLiteral("dir"))
                                  : serverTemp.path();
    PrivatePostgres server(serverDir);
    server.setDurable(parser.isSet(QStringLiteral("durable")));
    if (!server.start()) {
        out << server.errorString() << '\n';
        return 1;
    }

    ForeignCpu foreign(postmasterPid(server));
    QStringList disturbance; // CPU used by other processes during each timed part
    const QStorageInfo disk(work.path());
    out << "Sync benchmark\n";
    figure(QStringLiteral("date"), QDateTime::currentDateTime().toString(Qt::ISODate));
    figure(QStringLiteral("machine"),
           QStringLiteral("%1 logical cores, %2, %3 RAM")
               .arg(QThread::idealThreadCount())
               .arg(procValue(QStringLiteral("/proc/cpuinfo"), "model name"),
                    procValue(QStringLiteral("/proc/meminfo"), "MemTotal")));
    figure(QStringLiteral("system"),
           QStringLiteral("%1, kernel %2")
               .arg(QSysInfo::prettyProductName(), QSysInfo::kernelVersion()));
    figure(QStringLiteral("disk of the cache and the reference"),
           QStringLiteral("%1 (%2) at %3")
               .arg(QString::fromUtf8(disk.device()), QString::fromUtf8(disk.fileSystemType()),
                    work.path()));
    figure(QStringLiteral("load average at the start (1, 5, 15 min)"), loadAverage());
    if (cacheMib > 0)
        figure(QStringLiteral("SQLite page cache of the cache connections"),
               QStringLiteral("%1 MiB (--cache-mib)").arg(cacheMib));
    figure(QStringLiteral("Qt / SQLite"),
           QStringLiteral("%1 / %2").arg(QString::fromLatin1(qVersion()),
                                         QString::fromLatin1(sqlite3_libversion())));

    const QString database =
        QStringLiteral("bench_sync_%1").arg(QDateTime::currentSecsSinceEpoch());
    const QString url = server.connectionString(database);
    const QString supervisorUrl =
        server.connectionString(database, QStringLiteral("demo_supervisor"));
    const QString supervisorPassword = QStringLiteral("coulisse-supervisor");
    QString error;
    int code = 1;
    [&] {
        bool created = false;
        if (!CentralSchema::createDatabaseIfMissing(url, &created, &error))
            return failed(QStringLiteral("create the database"), error);
        QSqlDatabase installer = CentralConnection::open(url, QStringLiteral("installer"), &error);
        if (!installer.isOpen())
            return failed(QStringLiteral("connect"), error);
        {
            QSqlQuery v(installer);
            if (v.exec(QStringLiteral("SHOW server_version")) && v.next())
                figure(QStringLiteral("PostgreSQL (private instance)"),
                       QStringLiteral("%1, %2").arg(
                           v.value(0).toString(),
                           parser.isSet(QStringLiteral("durable"))
                               ? QStringLiteral("durable")
                               : QStringLiteral("fast mode: fsync, synchronous_commit and "
                                                "full_page_writes off")));
        }
        const CentralSchema::Result schema = CentralSchema::migrate(installer);
        if (!schema.ok)
            return failed(QStringLiteral("migrate"), schema.error);

        // --- The central store --------------------------------------------------------------
        heading(QStringLiteral("Central store"));
        DemoDataOptions options;
        options.videos = videos;
        QElapsedTimer timer;
        timer.start();
        const DemoCentralWriter::Result seeded = DemoCentralWriter::write(installer, options);
        if (!seeded.ok)
            return failed(QStringLiteral("seed"), seeded.error);
        figure(QStringLiteral("seed: videos / video tags / users (demo data)"),
               QStringLiteral("%1 / %2 / %3 in %4 s")
                   .arg(number(seeded.counts.videos), number(seeded.counts.videoTags),
                        number(seeded.counts.users))
                   .arg(timer.elapsed() / 1000.0, 0, 'f', 1));
        timer.restart();
        if (!topUpVideoTags(installer, seeded.counts.videos, seeded.counts.videoTags, targetTags,
                            &error))
            return failed(QStringLiteral("top up video tags"), error);
        const qint64 videoTags =
            scalar(installer, QStringLiteral("SELECT count(*) FROM coulisse.video_tags"));
        if (videoTags > seeded.counts.videoTags)
            figure(QStringLiteral("seed: video tags topped up with general tags"),
                   QStringLiteral("%1 (+%2) in %3 s")
                       .arg(number(videoTags), number(videoTags - seeded.counts.videoTags))
                       .arg(timer.elapsed() / 1000.0, 0, 'f', 1));

        QSqlDatabase supervisor = CentralConnection::open(
            supervisorUrl, QStringLiteral("supervisor"), &error, supervisorPassword);
        if (!supervisor.isOpen())
            return failed(QStringLiteral("supervisor"), error);

        // --- Reading the same rows without the engine ----------------------------------------
        heading(QStringLiteral("Reading the rows from PostgreSQL (as demo_supervisor, no engine)"));
        std::vector<TableData> tables(CentralRows::tables().size());
        qint64 totalRows = 0;
        double readMs = 0;
        double copyMs = 0;
        for (qsizetype i = 0; i < CentralRows::tables().size(); ++i) {
            const CentralRows::Table &t = CentralRows::tables()[i];
            if (!readTable(supervisor, t, &tables[i], &error))
                return failed(QStringLiteral("read %1").arg(t.name), error);
            const qint64 copied = copyOut(CentralConnection::handle(supervisor), centralSelect(t),
                                          &tables[i].copyMs, &error);
            if (copied != tables[i].rows)
                return failed(QStringLiteral("COPY %1").arg(t.name),
                              error.isEmpty() ? QStringLiteral("%1 rows").arg(copied) : error);
            totalRows += tables[i].rows;
            readMs += tables[i].readMs;
            copyMs += tables[i].copyMs;
            if (tables[i].rows >= 100000) {
                figure(QStringLiteral("QPSQL forward-only read: %1").arg(t.name),
                       QStringLiteral("%1 rows in %2 s (%3 rows/s)")
                           .arg(number(tables[i].rows))
                           .arg(tables[i].readMs / 1000, 0, 'f', 2)
                           .arg(rate(tables[i].rows, tables[i].readMs)));
                figure(QStringLiteral("libpq COPY TO STDOUT: %1").arg(t.name),
                       QStringLiteral("%1 rows in %2 s (%3 rows/s)")
                           .arg(number(tables[i].rows))
                           .arg(tables[i].copyMs / 1000, 0, 'f', 2)
                           .arg(rate(tables[i].rows, tables[i].copyMs)));
            }
        }
        figure(QStringLiteral("QPSQL forward-only read, all 7 tables"),
               QStringLiteral("%1 rows in %2 s (%3 rows/s)")
                   .arg(number(totalRows))
                   .arg(readMs / 1000, 0, 'f', 2)
                   .arg(rate(totalRows, readMs)));
        figure(QStringLiteral("libpq COPY TO STDOUT, all 7 tables"),
               QStringLiteral("%1 rows in %2 s (%3 rows/s)")
                   .arg(number(totalRows))
                   .arg(copyMs / 1000, 0, 'f', 2)
                   .arg(rate(totalRows, copyMs)));

        // --- 1. The reference ----------------------------------------------------------------
        heading(QStringLiteral("1. Reference: SQLite C API, the same rows, one transaction"));
        double referenceMs = 0;
        QList<double> referenceTableMs;
        const QString referencePath =
            QDir(work.path()).filePath(QStringLiteral("reference.sqlite"));
        foreign.restart();
        // The best of several runs: this VM's disk and neighbours slow single runs by up to
        // half (4.3 s and 7.7 s on one day); the copy is measured the same way.
        for (int run = 0; run < runs; ++run) {
            double ms = 0;
            QList<double> tableMs;
            if (!reference(referencePath, tables, &ms, &tableMs, &error))
                return failed(QStringLiteral("reference"), error);
            figure(QStringLiteral("reference: run %1 of %2").arg(run + 1).arg(runs),
                   QStringLiteral("%1 s").arg(ms / 1000, 0, 'f', 2));
            if (run == 0 || ms < referenceMs) {
                referenceMs = ms;
                referenceTableMs = tableMs;
            }
            for (const QString &suffix :
                 {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(referencePath + suffix);
        }
        for (qsizetype i = 0; i < qsizetype(tables.size()); ++i) {
            if (tables[i].rows >= 100000)
                figure(QStringLiteral("reference: %1 (%2)")
                           .arg(tables[i].table->name, tables[i].table->key2.isEmpty()
                                                           ? QStringLiteral("INTEGER PRIMARY KEY")
                                                           : QStringLiteral("WITHOUT ROWID")),
                       QStringLiteral("%1 rows in %2 s (%3 rows/s)")
                           .arg(number(tables[i].rows))
                           .arg(referenceTableMs[i] / 1000, 0, 'f', 2)
                           .arg(rate(tables[i].rows, referenceTableMs[i])));
        }
        const double referenceRate = totalRows * 1000.0 / referenceMs;
        disturbance.append(QStringLiteral("reference %1").arg(foreignText(foreign)));
        figure(QStringLiteral("reference: all rows, BEGIN to COMMIT (best run)"),
               QStringLiteral("%1 rows in %2 s: %3 rows/s")
                   .arg(number(totalRows))
                   .arg(referenceMs / 1000, 0, 'f', 2)
                   .arg(rate(totalRows, referenceMs)));
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(referencePath + suffix);
        summary.append({QStringLiteral("SQLite C API reference (%1 rows, primary keys only, one "
                                       "transaction)")
                            .arg(number(totalRows)),
                        QStringLiteral("%1 rows/s (%2 s)")
                            .arg(rate(totalRows, referenceMs))
                            .arg(referenceMs / 1000, 0, 'f', 1),
                        QStringLiteral("reference")});

        if (parser.isSet(QStringLiteral("breakdown"))) {
            heading(QStringLiteral("Breakdown: the same rows into the cache schema, no engine"));
            const QString path = QDir(work.path()).filePath(QStringLiteral("breakdown.sqlite"));
            if (!cacheSchemaLoad(path, tables, LoadMode::OneTransaction, cacheMib) ||
                !cacheSchemaLoad(path, tables, LoadMode::EnginePages, cacheMib) ||
                !cacheSchemaLoad(path, tables, LoadMode::DeferIndexes, cacheMib))
                return false;
        }
        std::vector<TableData>().swap(tables); // the engine's run starts without them

        // --- 2. Initial copy -----------------------------------------------------------------
        heading(QStringLiteral("2. Initial copy (SyncEngine::run on an empty cache, as "
                               "demo_supervisor)"));
        SyncEngine::Settings settings;
        settings.conninfo = supervisorUrl;
        settings.password = supervisorPassword;
        // Copies before the one kept for the rest of the program, each into a cache of its own
        // then removed; the best end-to-end time of all counts.
        QList<double> readyMs;
        for (int run = 1; run < runs; ++run) {
            const QString path =
                QDir(work.path()).filePath(QStringLiteral("cache-%1.sqlite").arg(run));
            {
                CacheDatabase scratch;
                if (!scratch.open(path) || !setCacheSize(scratch, cacheMib))
                    return failed(QStringLiteral("cache"), scratch.errorString());
                SyncEngine once(scratch, settings);
                const SyncEngine::Report r = once.run();
                if (!r.ok)
                    return failed(QStringLiteral("initial copy"), r.error);
                readyMs.append(double(r.readyMs));
                figure(QStringLiteral("initial copy: run %1 of %2").arg(run).arg(runs),
                       QStringLiteral("%1 s end to end (indexes: %2 s more)")
                           .arg(r.readyMs / 1000.0, 0, 'f', 2)
                           .arg((r.elapsedMs - r.readyMs) / 1000.0, 0, 'f', 1));
            }
            for (const QString &suffix :
                 {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QFile::remove(path + suffix);
        }
        CacheDatabase cache;
        const QString cachePath = QDir(work.path()).filePath(QStringLiteral("cache.sqlite"));
        if (!cache.open(cachePath) || !setCacheSize(cache, cacheMib))
            return failed(QStringLiteral("cache"), cache.errorString());
        SyncEngine engine(cache, settings);
        struct Mark
        {
            SyncEngine::Stage stage;
            qint64 done;
            double ms;
            double cpu; ///< cpuMs() then
        };
        QList<Mark> marks;
        QElapsedTimer runTimer;
        const auto record = [&](SyncEngine::Stage stage, qint64 done, qint64) {
            marks.append({stage, done, msSince(runTimer), cpuMs()});
        };
        runTimer.start();
        foreign.restart();
        double cpu = cpuMs();
        SyncEngine::Report copy = engine.run(record);
        const double copyCpu = cpuMs() - cpu;
        disturbance.append(QStringLiteral("initial copy %1").arg(foreignText(foreign)));
        if (!copy.ok)
            return failed(QStringLiteral("initial copy"), copy.error);
        // End to end: from the start of the sync to a complete, current catalogue (every row
        // copied, counts right, the changes made meanwhile pulled); the secondary and search
        // indexes are built after that, a step per transaction, and timed apart.
        figure(QStringLiteral("initial copy: run %1 of %1 (kept)").arg(runs),
               QStringLiteral("%1 s end to end").arg(copy.readyMs / 1000.0, 0, 'f', 2));
        readyMs.append(double(copy.readyMs));
        const double copySeconds = *std::min_element(readyMs.begin(), readyMs.end()) / 1000.0;
        const double copyRate = copy.copiedRows / copySeconds;
        figure(QStringLiteral("initial copy: rows (Report.copiedRows)"), number(copy.copiedRows));
        figure(QStringLiteral("initial copy: time, end to end (Report.readyMs, best run)"),
               QStringLiteral("%1 s").arg(copySeconds, 0, 'f', 1));
        figure(QStringLiteral("initial copy: rows per second"), number(qint64(copyRate)));
        figure(QStringLiteral("initial copy: ratio to the SQLite reference"),
               QStringLiteral("%1 (goal: at least 0.50)").arg(copyRate / referenceRate, 0, 'f', 2));
        figure(QStringLiteral("indexes and search index built after it (%1 steps)")
                   .arg(copy.indexSteps),
               QStringLiteral("%1 s (the sync's end: %2 s)")
                   .arg((copy.elapsedMs - copy.readyMs) / 1000.0, 0, 'f', 1)
                   .arg(copy.elapsedMs / 1000.0, 0, 'f', 1));
        figure(QStringLiteral("the whole sync: CPU time of this process (the client)"),
               QStringLiteral("%1 s of %2 s")
                   .arg(copyCpu / 1000, 0, 'f', 1)
                   .arg(copy.elapsedMs / 1000.0, 0, 'f', 1));
        // Where the time went, from the progress callback (after each page's commit).
        {
            double last = 0; // when the previous table's last page was committed
            for (const Mark &m : std::as_const(marks)) {
                if (m.stage == SyncEngine::Stage::Copying) {
                    last = m.ms;
                    break;
                }
            }
            figure(QStringLiteral("initial copy: before its first row (connect, push, set up)"),
                   QStringLiteral("%1 s").arg(last / 1000, 0, 'f', 2));
            qint64 boundary = 0;
            QSqlQuery count(cache.database());
            for (const CentralRows::Table &t : SyncEngine::copyOrder()) {
                count.exec(QStringLiteral("SELECT count(*) FROM %1").arg(t.name));
                count.next();
                const qint64 rows = count.value(0).toLongLong();
                boundary += rows;
                double end = last;
                for (const Mark &m : std::as_const(marks)) {
                    if (m.stage == SyncEngine::Stage::Copying && m.done <= boundary)
                        end = m.ms;
                }
                if (rows >= 100000)
                    figure(QStringLiteral("initial copy: %1 pages (read + insert + commit)")
                               .arg(t.name),
                           QStringLiteral("%1 rows in %2 s (%3 rows/s)")
                               .arg(number(rows))
                               .arg((end - last) / 1000, 0, 'f', 2)
                               .arg(rate(rows, end - last)));
                last = end;
            }
            figure(QStringLiteral("initial copy: after the last page (completion, pull)"),
                   QStringLiteral("%1 s").arg((copy.readyMs - last) / 1000, 0, 'f', 2));
            // Each index step: the time since the previous one.
            double previous = copy.readyMs;
            QList<double> steps;
            for (const Mark &m : std::as_const(marks)) {
                if (m.stage != SyncEngine::Stage::Indexing || m.done == 0)
                    continue;
                steps.append(m.ms - previous);
                previous = m.ms;
            }
            if (!steps.isEmpty()) {
                std::sort(steps.begin(), steps.end());
                figure(QStringLiteral("index steps: longest, median (the write lock's hold)"),
                       QStringLiteral("%1 s, %2 s")
                           .arg(steps.last() / 1000, 0, 'f', 2)
                           .arg(steps.at(steps.size() / 2) / 1000, 0, 'f', 2));
            }
        }
        figure(
            QStringLiteral("cache file size after the copy"),
            QStringLiteral("%1 MiB (+ WAL %2 MiB)")
                .arg(QFileInfo(cachePath).size() / 1048576.0, 0, 'f', 0)
                .arg(QFileInfo(cachePath + QStringLiteral("-wal")).size() / 1048576.0, 0, 'f', 0));
        summary.append({QStringLiteral("initial copy: %1 rows (%2 videos, %3 video tags, games, "
                                       "tags, users)")
                            .arg(number(copy.copiedRows), number(videos), number(videoTags)),
                        QStringLiteral("%1 s, %2 rows/s, %3 of the reference")
                            .arg(copySeconds, 0, 'f', 1)
                            .arg(number(qint64(copyRate)))
                            .arg(copyRate / referenceRate, 0, 'f', 2),
                        QStringLiteral(">= 0.50 of the reference")});

        // --- 3. Incremental pulls ------------------------------------------------------------
        heading(QStringLiteral("3. Incremental pull of %1 changes (one SyncEngine::run on the "
                               "synced cache, engine reused)")
                    .arg(number(changes)));
        const QStringList kinds = {QStringLiteral("video tags added (supervisor)"),
                                   QStringLiteral("video titles edited (installer)"),
                                   QStringLiteral("video tags removed (supervisor)")};
        QList<double> pullMs;
        QList<double> pullByKind[3];
        qint64 from = 1;
        foreign.restart();
        for (int rep = 0; rep < repeat; ++rep) {
            for (int kind = 0; kind < 3; ++kind) {
                const qint64 to = from + changes - 1;
                qint64 affected = 0;
                bool ok = false;
                if (kind == 0)
                    ok = exec(supervisor,
                              QStringLiteral(
                                  "INSERT INTO coulisse.video_tags (video_id, tag_id) "
                                  "SELECT v.id, (SELECT t.id FROM coulisse.tags t JOIN "
                                  "coulisse.tag_groups g ON g.id = t.group_id WHERE g.kind = "
                                  "'general' AND t.status = 'active' AND NOT EXISTS (SELECT FROM "
                                  "coulisse.video_tags x WHERE x.video_id = v.id AND x.tag_id = "
                                  "t.id) ORDER BY t.id LIMIT 1) "
                                  "FROM coulisse.videos v WHERE v.id BETWEEN ? AND ?"),
                              &error, {from, to}, &affected);
                else if (kind == 1)
                    ok = exec(installer,
                              QStringLiteral("UPDATE coulisse.videos SET title = title || ' #' || "
                                             "? WHERE id BETWEEN ? AND ?"),
                              &error, {rep + 1, from, to}, &affected);
                else
                    ok = exec(supervisor,
                              QStringLiteral(
                                  "DELETE FROM coulisse.video_tags x USING (SELECT video_id, "
                                  "min(tag_id) AS tag_id FROM coulisse.video_tags WHERE video_id "
                                  "BETWEEN ? AND ? GROUP BY video_id) d WHERE x.video_id = "
                                  "d.video_id AND x.tag_id = d.tag_id"),
                              &error, {from, to}, &affected);
                if (!ok)
                    return failed(kinds[kind], error);
                from = to + 1;
                cpu = cpuMs();
                const SyncEngine::Report r = engine.run();
                cpu = cpuMs() - cpu;
                if (!r.ok)
                    return failed(QStringLiteral("pull"), r.error);
                pullMs.append(r.elapsedMs);
                pullByKind[kind].append(r.elapsedMs);
                figure(QStringLiteral("pull #%1: %2").arg(pullMs.size()).arg(kinds[kind]),
                       QStringLiteral("%1 changes made, %2 pulled: %3 ms (client CPU %4 ms)")
                           .arg(affected)
                           .arg(r.pulled)
                           .arg(r.elapsedMs)
                           .arg(cpu, 0, 'f', 0));
            }
        }
        for (int kind = 0; kind < 3; ++kind)
            figure(QStringLiteral("pull: median, %1").arg(kinds[kind]),
                   QStringLiteral("%1 ms").arg(median(pullByKind[kind]), 0, 'f', 0));
        disturbance.append(QStringLiteral("pulls %1").arg(foreignText(foreign)));
        figure(QStringLiteral("pull of %1 changes: median of %2 runs")
                   .arg(number(changes))
                   .arg(pullMs.size()),
               QStringLiteral("%1 ms (min %2, max %3; goal < 100 ms)")
                   .arg(median(pullMs), 0, 'f', 0)
                   .arg(*std::min_element(pullMs.cbegin(), pullMs.cend()), 0, 'f', 0)
                   .arg(*std::max_element(pullMs.cbegin(), pullMs.cend()), 0, 'f', 0));
        summary.append({QStringLiteral("incremental pull of %1 changes (median of %2 of each kind)")
                            .arg(number(changes))
                            .arg(repeat),
                        QStringLiteral("tags added %1 ms, titles edited %2 ms, tags removed %3 ms")
                            .arg(median(pullByKind[0]), 0, 'f', 0)
                            .arg(median(pullByKind[1]), 0, 'f', 0)
                            .arg(median(pullByKind[2]), 0, 'f', 0),
                        QStringLiteral("< 100 ms each")});

        // --- 4. Push ------------------------------------------------------------------------
        heading(QStringLiteral("4. Push of %1 queued operations").arg(number(ops)));
        QList<QPair<qint64, qint64>> edits;
        {
            QSqlQuery q(cache.database());
            q.setForwardOnly(true);
            q.prepare(QStringLiteral(
                "SELECT v.id, (SELECT t.id FROM tags t JOIN tag_groups g ON g.id = t.group_id "
                "WHERE g.kind = 'general' AND t.status = 'active' AND NOT EXISTS (SELECT 1 FROM "
                "video_tags x WHERE x.video_id = v.id AND x.tag_id = t.id) ORDER BY t.id LIMIT 1) "
                "FROM videos v WHERE v.id >= ? ORDER BY v.id LIMIT ?"));
            q.addBindValue(from);
            q.addBindValue(ops);
            if (!q.exec())
                return failed(QStringLiteral("choose edits"), q.lastError().text());
            while (q.next()) {
                if (!q.value(1).isNull())
                    edits.append({q.value(0).toLongLong(), q.value(1).toLongLong()});
            }
        }
        CacheEditor editor(cache);
        timer.restart();
        for (const auto &[video, tag] : std::as_const(edits)) {
            const CacheEditor::Result r = editor.tagVideo(video, {tag}, {});
            if (!r.ok || !r.changed)
                return failed(QStringLiteral("tagVideo %1 +%2").arg(video).arg(tag), r.error);
        }
        const double queueMs = timer.elapsed();
        figure(QStringLiteral("queued offline: CacheEditor::tagVideo calls (not timed below)"),
               QStringLiteral("%1 in %2 s (%3 ms each, one FULL-sync transaction each)")
                   .arg(number(edits.size()))
                   .arg(queueMs / 1000, 0, 'f', 1)
                   .arg(queueMs / qMax<qsizetype>(1, edits.size()), 0, 'f', 2));
        marks.clear();
        foreign.restart();
        cpu = cpuMs();
        runTimer.restart();
        const SyncEngine::Report push = engine.run(record);
        const double pushCpu = cpuMs() - cpu;
        disturbance.append(QStringLiteral("push %1").arg(foreignText(foreign)));
        if (!push.ok)
            return failed(QStringLiteral("push"), push.error);
        // Stages from the progress callback: the last Pushing mark ends the send, the
        // Confirming mark starts the confirmation (the pull runs in between).
        Mark sent{SyncEngine::Stage::Pushing, 0, 0, cpu};
        Mark confirming{SyncEngine::Stage::Confirming, 0, double(push.elapsedMs), cpu + pushCpu};
        for (const Mark &m : std::as_const(marks)) {
            if (m.stage == SyncEngine::Stage::Pushing)
                sent = m;
            if (m.stage == SyncEngine::Stage::Confirming)
                confirming = m;
        }
        figure(QStringLiteral("push: one SyncEngine::run"),
               QStringLiteral("%1 ms (goal < 2,000 ms): %2 ops in %3 local transactions "
                              "sent, %4 pulled back, %5 confirmed")
                   .arg(push.elapsedMs)
                   .arg(push.pushedOps)
                   .arg(push.pushedTransactions)
                   .arg(push.pulled)
                   .arg(push.confirmed));
        figure(QStringLiteral("push: CPU time of this process (the client)"),
               QStringLiteral("%1 ms of %2 ms").arg(pushCpu, 0, 'f', 0).arg(push.elapsedMs));
        figure(QStringLiteral("push: send (apply_ops calls), wall / client CPU"),
               QStringLiteral("%1 / %2 ms").arg(sent.ms, 0, 'f', 0).arg(sent.cpu - cpu, 0, 'f', 0));
        figure(QStringLiteral("push: pull back, wall / client CPU"),
               QStringLiteral("%1 / %2 ms")
                   .arg(confirming.ms - sent.ms, 0, 'f', 0)
                   .arg(confirming.cpu - sent.cpu, 0, 'f', 0));
        figure(QStringLiteral("push: confirm (refresh and settle), wall / client CPU"),
               QStringLiteral("%1 / %2 ms")
                   .arg(push.elapsedMs - confirming.ms, 0, 'f', 0)
                   .arg(cpu + pushCpu - confirming.cpu, 0, 'f', 0));
        summary.append({QStringLiteral("push of %1 queued operations (send, pull back, confirm)")
                            .arg(number(push.pushedOps)),
                        QStringLiteral("%1 ms").arg(push.elapsedMs), QStringLiteral("< 2 s")});

        // --- 5. Nothing to do ------------------------------------------------------------------
        heading(QStringLiteral("5. Sync with nothing to do (engine reused, connection kept)"));
        QList<double> idle;
        foreign.restart();
        for (int i = 0; i < idleRuns; ++i) {
            QElapsedTimer t;
            t.start();
            const SyncEngine::Report r = engine.run();
            const double ms = msSince(t);
            if (!r.ok || r.pulled != 0 || r.pushedOps != 0)
                return failed(QStringLiteral("idle sync"), describeRun(r));
            idle.append(ms);
        }
        disturbance.append(QStringLiteral("idle syncs %1").arg(foreignText(foreign)));
        if (!idle.isEmpty()) {
            figure(QStringLiteral("idle sync: median of %1 runs").arg(idle.size()),
                   QStringLiteral("%1 ms (min %2, max %3; goal < 20 ms)")
                       .arg(median(idle), 0, 'f', 1)
                       .arg(*std::min_element(idle.cbegin(), idle.cend()), 0, 'f', 1)
                       .arg(*std::max_element(idle.cbegin(), idle.cend()), 0, 'f', 1));
            summary.append(
                {QStringLiteral("sync with nothing to do (median of %1)").arg(idle.size()),
                 QStringLiteral("%1 ms").arg(median(idle), 0, 'f', 1), QStringLiteral("< 20 ms")});
        }
        engine.disconnect();
        cache.close();
        supervisor.close();
        installer.close();
        code = 0;
        return true;
    }();
    CentralConnection::close(QStringLiteral("supervisor"));
    CentralConnection::close(QStringLiteral("installer"));

    figure(QStringLiteral("load average at the end (1, 5, 15 min)"), loadAverage());
    figure(QStringLiteral("CPU used by other processes while timing"),
           disturbance.join(QStringLiteral(", ")) + QStringLiteral(" (0 on a quiet machine)"));
    if (!summary.isEmpty()) {
        heading(QStringLiteral("Summary"));
        out << "| what | figure | goal |\n|---|---|---|\n";
        for (const SummaryRow &row : std::as_const(summary))
            out << "| " << row.what << " | " << row.value << " | " << row.goal << " |\n";
        out.flush();
    }
    if (!parser.isSet(QStringLiteral("dir")) && !server.stop())
        out << server.errorString() << '\n';
    return code;
}
