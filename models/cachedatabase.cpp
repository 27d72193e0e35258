#include "cachedatabase.h"

#include "derivedcounts.h"
#include "searchtext.h"

#include <QAtomicInteger>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <mutex>
#include <sqlite3.h>

namespace {

QAtomicInteger<quint64> s_connectionCounter;

constexpr auto MigrationDir = ":/sql/cache";
constexpr auto DerivedScript = ":/sql/cache/derived.sql";

// Tables that a cache of the latest schema must have; their absence means damage.
const char *const RequiredTables[] = {"meta",           "games",  "tag_groups", "tags",
                                      "game_tags",      "users",  "videos",     "video_tags",
                                      "video_search",   "outbox", "sync_state", "copy_progress",
                                      "change_requests"};

struct Migration
{
    int version = 0;
    QString path;
};

QList<Migration> embeddedMigrations()
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})_[a-z0-9_]+\\.sql$"));
    QList<Migration> list;
    const QDir dir(QString::fromLatin1(MigrationDir));
    for (const QString &name : dir.entryList(QDir::Files, QDir::Name)) {
        const auto match = pattern.match(name);
        if (match.hasMatch())
            list.append({match.captured(1).toInt(), dir.filePath(name)});
    }
    return list;
}

QString readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

quint32 bigEndian32(const char *p)
{
    const auto *u = reinterpret_cast<const unsigned char *>(p);
    return (quint32(u[0]) << 24) | (quint32(u[1]) << 16) | (quint32(u[2]) << 8) | quint32(u[3]);
}

QString nextConnectionName()
{
    return QStringLiteral("coulisse-cache-%1").arg(++s_connectionCounter);
}

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant v = db.driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0)
        return *static_cast<sqlite3 *const *>(v.constData());
    return nullptr;
}

void searchTextFunction(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
        sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
        return;
    }
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    const int bytes = sqlite3_value_bytes(argv[0]);
    const QByteArray body = SearchText::indexBody(QString::fromUtf8(text, bytes)).toUtf8();
    sqlite3_result_text(ctx, body.constData(), int(body.size()), SQLITE_TRANSIENT);
}

// coulisse_search_deferred(): 1 while the connection's writer defers its search entries (the
// flag is owned by the connection and freed with it).
void searchDeferredFunction(sqlite3_context *ctx, int, sqlite3_value **)
{
    sqlite3_result_int(ctx, *static_cast<const int *>(sqlite3_user_data(ctx)));
}

} // namespace

int CacheDatabase::latestSchemaVersion()
{
    const auto list = embeddedMigrations();
    return list.isEmpty() ? 0 : list.last().version;
}

QString CacheDatabase::newerMessage(const QString &shownPath, qint64 fileVersion)
{
    return tr("%1 was written by a newer version of Coulisse (cache schema %2; this version "
              "reads up to %3). It has not been changed. Update Coulisse, or open another cache.")
        .arg(shownPath)
        .arg(fileVersion)
        .arg(latestSchemaVersion());
}

CacheDatabase::Inspection CacheDatabase::inspect(const QString &path)
{
    prepareLibrary();
    Inspection result;
    const QFileInfo info(path);
    if (!info.exists())
        return result;
    result.exists = true;
    const QString shown = QDir::toNativeSeparators(info.absoluteFilePath());
    if (info.isDir()) {
        result.problem = Problem::Failed;
        result.message = tr("%1 is a folder, not a cache file.").arg(shown);
        return result;
    }
    if (info.size() == 0)
        return result; // an empty file is a new cache

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.problem = Problem::Unwritable;
        result.message = tr("Cannot read %1: %2").arg(shown, file.errorString());
        return result;
    }
    const QByteArray header = file.read(100);
    file.close();
    if (header.size() < 100 || !header.startsWith(QByteArrayLiteral("SQLite format 3\0"))) {
        result.problem = Problem::NotADatabase;
        result.message = tr("%1 is not a Coulisse cache: it is not an SQLite database.").arg(shown);
        return result;
    }
    const quint32 headerAppId = bigEndian32(header.constData() + 68);
    const quint32 headerVersion = bigEndian32(header.constData() + 60);
    if (headerAppId == quint32(ApplicationId) && int(headerVersion) > latestSchemaVersion()) {
        result.problem = Problem::Newer;
        result.schemaVersion = int(headerVersion);
        result.message = newerMessage(shown, headerVersion);
        return result;
    }

    // The header can be stale while a WAL file holds newer pages: ask SQLite, read-only.
    // A read-only look at a WAL database creates empty -wal/-shm files; remove what we made.
    const QString walPath = path + QStringLiteral("-wal");
    const QString shmPath = path + QStringLiteral("-shm");
    const bool hadWal = QFileInfo::exists(walPath);
    const bool hadShm = QFileInfo::exists(shmPath);
    const QString name = nextConnectionName();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        auto damaged = [&](const QString &detail) {
            result.problem = Problem::Corrupt;
            result.message =
                tr("%1 is damaged and cannot be opened (%2). It has not been changed; restore "
                   "it from a backup or sync a new cache.")
                    .arg(shown, detail);
        };
        if (!db.open()) {
            damaged(db.lastError().text());
        } else {
            QSqlQuery q(db);
            qint64 appId = 0;
            qint64 version = 0;
            qint64 objects = 0;
            if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next()) {
                damaged(q.lastError().text());
            } else {
                appId = q.value(0).toLongLong();
                if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
                    damaged(q.lastError().text());
                } else {
                    version = q.value(0).toLongLong();
                    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_schema")) || !q.next())
                        damaged(q.lastError().text());
                    else
                        objects = q.value(0).toLongLong();
                }
            }
            if (result.problem == Problem::None) {
                result.schemaVersion = int(version);
                if (appId != ApplicationId && !(appId == 0 && objects == 0)) {
                    result.problem = Problem::NotACache;
                    result.message =
                        tr("%1 is an SQLite database of another application, not a Coulisse "
                           "cache. It has not been changed.")
                            .arg(shown);
                } else if (version > latestSchemaVersion()) {
                    result.problem = Problem::Newer;
                    result.message = newerMessage(shown, version);
                } else if (appId == ApplicationId && version >= 1) {
                    QStringList missing;
                    for (const char *table : RequiredTables) {
                        q.prepare(QStringLiteral(
                            "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?"));
                        q.addBindValue(QString::fromLatin1(table));
                        if (!q.exec() || !q.next())
                            missing.append(QString::fromLatin1(table));
                    }
                    if (!missing.isEmpty())
                        damaged(tr("missing tables: %1").arg(missing.join(QStringLiteral(", "))));
                }
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    if (!hadWal && QFileInfo(walPath).size() == 0 && QFile::remove(walPath) && !hadShm)
        QFile::remove(shmPath);
    return result;
}

CacheDatabase::CacheDatabase()
    : m_connectionName(nextConnectionName())
{}

CacheDatabase::~CacheDatabase()
{
    close();
}

bool CacheDatabase::fail(Problem problem, const QString &message)
{
    m_problem = problem;
    m_error = message;
    return false;
}

bool CacheDatabase::isOpen() const
{
    return m_handle != nullptr;
}

QSqlDatabase CacheDatabase::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

void CacheDatabase::close()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    m_handle = nullptr;
    m_searchDeferred = nullptr;
}

bool CacheDatabase::open(const QString &path, Access access)
{
    prepareLibrary();
    close();
    m_problem = Problem::None;
    m_error.clear();
    m_path = path;
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());

    const Inspection inspection = inspect(path);
    if (inspection.problem != Problem::None)
        return fail(inspection.problem, inspection.message);

    const QFileInfo info(path);
    if (access == Access::ReadWrite) {
        if (inspection.exists && !info.isWritable())
            return fail(
                Problem::Unwritable,
                tr("Cannot write to %1: permission denied. Nothing was changed.").arg(shown));
        const QFileInfo dirInfo(info.absolutePath());
        if (!inspection.exists) {
            if (!QDir().mkpath(info.absolutePath()))
                return fail(Problem::Unwritable,
                            tr("Cannot create the folder %1.")
                                .arg(QDir::toNativeSeparators(info.absolutePath())));
            if (!QFileInfo(info.absolutePath()).isWritable())
                return fail(Problem::Unwritable,
                            tr("Cannot create %1: permission denied.").arg(shown));
        } else if (!dirInfo.isWritable()) {
            // SQLite needs the folder for its -wal and -shm files.
            return fail(Problem::Unwritable,
                        tr("Cannot write to the folder of %1: permission denied. Nothing was "
                           "changed.")
                            .arg(shown));
        }
    } else if (!inspection.exists) {
        return fail(Problem::Failed, tr("%1 does not exist.").arg(shown));
    }

    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000");
        if (access == Access::ReadOnly)
            options += QStringLiteral(";QSQLITE_OPEN_READONLY");
        db.setConnectOptions(options);
        if (!db.open()) {
            const QString detail = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connectionName);
            return fail(Problem::Failed, tr("Cannot open %1: %2").arg(shown, detail));
        }
        m_handle = sqliteHandle(db);
    }
    if (!m_handle) {
        close();
        return fail(Problem::Failed, tr("The SQLite driver did not expose its handle."));
    }
    if (!registerFunctions() || !configure(access)) {
        const Problem p = m_problem == Problem::None ? Problem::Failed : m_problem;
        const QString message = m_error;
        close();
        return fail(p, message);
    }
    if (access == Access::ReadWrite && !migrate()) {
        const QString message = m_error;
        close();
        return fail(Problem::Failed, message);
    }
    if (access == Access::ReadOnly && schemaVersion() < latestSchemaVersion()) {
        close();
        return fail(Problem::Failed,
                    tr("%1 needs an upgrade that a read-only open cannot make.").arg(shown));
    }
    return true;
}

bool CacheDatabase::registerFunctions()
{
    if (sqlite3_create_function_v2(m_handle, "coulisse_search_text", 1,
                                   SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr, &searchTextFunction,
                                   nullptr, nullptr, nullptr) != SQLITE_OK)
        return false;
    // Not deterministic: read on every row, never folded into a prepared statement.
    auto *flag = new int(0);
    if (sqlite3_create_function_v2(m_handle, "coulisse_search_deferred", 0, SQLITE_UTF8, flag,
                                   &searchDeferredFunction, nullptr, nullptr,
                                   [](void *p) { delete static_cast<int *>(p); }) != SQLITE_OK)
        return false; // SQLite called the destructor
    m_searchDeferred = flag;
    return true;
}

void CacheDatabase::deferSearch(bool on)
{
    if (m_searchDeferred)
        *m_searchDeferred = on ? 1 : 0;
}

bool CacheDatabase::flushSearch()
{
    QString script;
    for (const QString &table : searchTables()) {
        script +=
            QStringLiteral(
                "DELETE FROM %1 WHERE rowid IN (SELECT id FROM search_queue WHERE tbl = '%1');"
                "INSERT INTO %1 (rowid, body) SELECT id, body FROM %1_source WHERE id IN "
                "(SELECT id FROM search_queue WHERE tbl = '%1') ORDER BY id;")
                .arg(table);
    }
    script += QStringLiteral("DELETE FROM search_queue;");
    return execScript(script);
}

void CacheDatabase::prepareLibrary()
{
    static std::once_flag once;
    // SQLITE_MISUSE when SQLite was initialised before: harmless, the statistics stay on.
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

bool CacheDatabase::configure(Access access)
{
    // WAL lets the UI's reader threads run while the writer commits; FULL sync because the
    // outbox lives in this file and unsynced work must survive a power cut.
    QString script = QStringLiteral("PRAGMA foreign_keys = ON;"
                                    "PRAGMA synchronous = FULL;"
                                    "PRAGMA cache_size = -%1;"
                                    "PRAGMA temp_store = MEMORY;"
                                    "PRAGMA wal_autocheckpoint = %2;")
                         .arg(PageCacheKiB)
                         .arg(WalAutoCheckpointPages);
    if (access == Access::ReadWrite)
        script.prepend(QStringLiteral("PRAGMA journal_mode = WAL;"));
    return execScript(script);
}

int CacheDatabase::schemaVersion() const
{
    QSqlQuery q(database());
    if (q.exec(QStringLiteral("PRAGMA user_version")) && q.next())
        return q.value(0).toInt();
    return -1;
}

bool CacheDatabase::execScript(const QString &sql)
{
    if (!m_handle)
        return fail(Problem::Failed, tr("The cache is not open."));
    char *message = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_exec(m_handle, utf8.constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const QString detail =
            message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(message);
        const Problem p = (rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB)  ? Problem::Corrupt
                          : (rc == SQLITE_READONLY || rc == SQLITE_PERM) ? Problem::Unwritable
                                                                         : Problem::Failed;
        return fail(p, tr("SQLite error: %1").arg(detail));
    }
    return true;
}

bool CacheDatabase::beginImmediate()
{
    return execScript(QStringLiteral("BEGIN IMMEDIATE"));
}

bool CacheDatabase::commit()
{
    return execScript(QStringLiteral("COMMIT"));
}

bool CacheDatabase::rollback()
{
    if (m_handle && sqlite3_get_autocommit(m_handle))
        return true; // nothing to roll back (SQLite may already have rolled back on error)
    return execScript(QStringLiteral("ROLLBACK"));
}

bool CacheDatabase::migrate()
{
    const int current = schemaVersion();
    const QList<Migration> migrations = embeddedMigrations();
    const int latest = migrations.isEmpty() ? 0 : migrations.last().version;
    if (current == latest)
        return true;
    if (!beginImmediate())
        return false;
    for (const Migration &m : migrations) {
        if (m.version <= current)
            continue;
        const QString sql = readResource(m.path);
        if (sql.isEmpty() || !execScript(sql)) {
            const QString detail = m_error;
            rollback();
            return fail(Problem::Failed, tr("Migration %1 failed: %2").arg(m.version).arg(detail));
        }
    }
    // Derived triggers are (re)created from the current script after every migration run.
    const bool ok = dropDerivedTriggers() && applyDerivedTriggers() &&
                    execScript(QStringLiteral("PRAGMA application_id = %1;"
                                              "PRAGMA user_version = %2;")
                                   .arg(ApplicationId)
                                   .arg(latest)) &&
                    setMetaValue(QStringLiteral("created_by"),
                                 metaValue(QStringLiteral("created_by"),
                                           QStringLiteral("Coulisse " COULISSE_VERSION))) &&
                    commit();
    if (!ok) {
        const QString detail = m_error;
        rollback();
        return fail(Problem::Failed, tr("Migration failed: %1").arg(detail));
    }
    return true;
}

bool CacheDatabase::dropDerivedTriggers()
{
    QStringList names;
    {
        QSqlQuery q(database());
        if (!q.exec(QStringLiteral(
                "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'derived\\_%' "
                "ESCAPE '\\'")))
            return fail(Problem::Failed, q.lastError().text());
        while (q.next())
            names.append(q.value(0).toString());
    }
    QString script;
    for (const QString &name : names)
        script += QStringLiteral("DROP TRIGGER \"%1\";").arg(name);
    return script.isEmpty() || execScript(script);
}

bool CacheDatabase::applyDerivedTriggers()
{
    const QString sql = readResource(QString::fromLatin1(DerivedScript));
    if (sql.isEmpty())
        return fail(Problem::Failed, tr("The derived-data script is missing from this build."));
    return execScript(sql);
}

bool CacheDatabase::beginBulkLoad()
{
    if (!beginImmediate())
        return false;
    if (!dropDerivedTriggers()) {
        rollback();
        return false;
    }
    return true;
}

bool CacheDatabase::finishBulkLoad()
{
    if (!rebuildDerived() || !applyDerivedTriggers() || !commit()) {
        const QString detail = m_error;
        rollback();
        return fail(Problem::Failed, detail);
    }
    return execScript(QStringLiteral("ANALYZE; PRAGMA optimize;"));
}

bool CacheDatabase::rebuildDerived()
{
    if (!rebuildCounts())
        return false;
    for (const QString &table : searchTables()) {
        if (!rebuildSearch(table))
            return false;
    }
    return true;
}

bool CacheDatabase::rebuildCounts()
{
    QString error;
    if (!m_handle || !DerivedCounts::rebuild(m_handle, &error))
        return fail(Problem::Failed, m_handle ? error : tr("The cache is not open."));
    return true;
}

QStringList CacheDatabase::searchTables()
{
    return {QStringLiteral("video_search"), QStringLiteral("game_search"),
            QStringLiteral("tag_search"), QStringLiteral("user_search")};
}

bool CacheDatabase::rebuildSearch(const QString &table)
{
    if (!searchTables().contains(table))
        return fail(Problem::Failed, tr("%1 is not a search table.").arg(table));
    // In id order: FTS5 flushes its pending terms whenever a rowid goes backwards (the
    // planner could otherwise read a covering index in text order: 13 s instead of 3 s for
    // a million titles). 'optimize' then merges the segments into one.
    return execScript(QStringLiteral("DELETE FROM %1;"
                                     "INSERT INTO %1 (rowid, body) SELECT id, body FROM "
                                     "%1_source ORDER BY id;"
                                     "INSERT INTO %1 (%1) VALUES ('optimize');")
                          .arg(table));
}

bool CacheDatabase::clearSearch()
{
    QStringList tables = searchTables();
    QString script;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND "
                               "sql LIKE 'CREATE VIRTUAL TABLE%'")))
        return fail(Problem::Failed, q.lastError().text());
    while (q.next()) {
        if (tables.removeAll(q.value(0).toString()) > 0)
            script += QStringLiteral("DROP TABLE %1;\n%2;\n")
                          .arg(q.value(0).toString(), q.value(1).toString());
    }
    q.finish();
    if (!tables.isEmpty())
        return fail(Problem::Corrupt, tr("The search table %1 is missing.").arg(tables.first()));
    return execScript(script);
}

bool CacheDatabase::indexSearchRows(const QString &table, qint64 after, int limit, qint64 *last)
{
    if (!searchTables().contains(table))
        return fail(Problem::Failed, tr("%1 is not a search table.").arg(table));
    *last = 0;
    QSqlQuery q(database());
    // The view's body is not evaluated for the rows this skips.
    q.prepare(QStringLiteral("SELECT max(id) FROM (SELECT id FROM %1_source WHERE id > ? "
                             "ORDER BY id LIMIT ?)")
                  .arg(table));
    q.addBindValue(after);
    q.addBindValue(qMax(1, limit));
    if (!q.exec() || !q.next())
        return fail(Problem::Failed, q.lastError().text());
    if (q.value(0).isNull())
        return true;
    const qint64 upTo = q.value(0).toLongLong();
    q.finish();
    q.prepare(QStringLiteral("INSERT INTO %1 (rowid, body) SELECT id, body FROM %1_source "
                             "WHERE id > :after AND id <= :upto AND id NOT IN (SELECT rowid "
                             "FROM %1 WHERE rowid > :after AND rowid <= :upto) ORDER BY id")
                  .arg(table));
    q.bindValue(QStringLiteral(":after"), after);
    q.bindValue(QStringLiteral(":upto"), upTo);
    if (!q.exec())
        return fail(Problem::Failed, q.lastError().text());
    *last = upTo;
    return true;
}

QStringList CacheDatabase::pendingSearchTables() const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("SELECT value FROM sync_state WHERE key = 'search_pending'")) ||
        !q.next())
        return {};
    return QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object().keys();
}

bool CacheDatabase::setIndexBuilding(bool on)
{
    // temp_store cannot change inside a transaction; cache_size sets the sorter's run size.
    return execScript(on ? QStringLiteral("PRAGMA temp_store = FILE; PRAGMA threads = 2; "
                                          "PRAGMA cache_size = -2048;")
                         : QStringLiteral("PRAGMA temp_store = MEMORY; PRAGMA threads = 0; "
                                          "PRAGMA cache_size = -%1;")
                               .arg(PageCacheKiB));
}

QStringList CacheDatabase::integrityProblems()
{
    QStringList problems;
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check"))) {
        problems.append(q.lastError().text());
        return problems;
    }
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QLatin1String("ok"))
            problems.append(line);
    }
    if (!q.exec(QStringLiteral("PRAGMA foreign_key_check")))
        problems.append(q.lastError().text());
    else if (q.next())
        problems.append(tr("Foreign key violation in table %1").arg(q.value(0).toString()));

    QList<DerivedCounts::Mismatch> mismatches;
    QString error;
    if (!DerivedCounts::check(m_handle, &mismatches, &error))
        problems.append(error);
    for (const DerivedCounts::Mismatch &m : std::as_const(mismatches))
        problems.append(tr("Derived data out of step: %1 (%2 rows)").arg(m.column).arg(m.rows));
    if (q.exec(QStringLiteral("SELECT count(*) FROM search_queue")) && q.next() &&
        q.value(0).toLongLong() > 0)
        problems.append(
            tr("Search entries queued but never written (%1 rows)").arg(q.value(0).toLongLong()));
    // Every row's body indexed once, as its source view gives it (a search table still being
    // filled after a copy is left out).
    const QStringList pending = pendingSearchTables();
    for (const QString &table : searchTables()) {
        if (pending.contains(table))
            continue;
        if (!q.exec(QStringLiteral("SELECT (SELECT count(*) FROM %1_source s WHERE NOT EXISTS "
                                   "(SELECT 1 FROM %1 f WHERE f.rowid = s.id AND f.body = "
                                   "s.body)) + (SELECT count(*) FROM %1) - (SELECT count(*) "
                                   "FROM %1_source)")
                        .arg(table)) ||
            !q.next()) {
            problems.append(q.lastError().text());
            continue;
        }
        if (q.value(0).toLongLong() != 0)
            problems.append(tr("Derived data out of step: %1 (%2 rows)")
                                .arg(table)
                                .arg(q.value(0).toLongLong()));
    }
    return problems;
}

QString CacheDatabase::metaValue(const QString &key, const QString &fallback) const
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    q.addBindValue(key);
    if (q.exec() && q.next())
        return q.value(0).toString();
    return fallback;
}

bool CacheDatabase::setMetaValue(const QString &key, const QString &value)
{
    QSqlQuery q(database());
    q.prepare(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    q.addBindValue(key);
    q.addBindValue(value);
    if (!q.exec())
        return fail(Problem::Failed, q.lastError().text());
    return true;
}

sqlite3 *CacheDatabase::handleOf(const QSqlDatabase &db)
{
    return sqliteHandle(db);
}
