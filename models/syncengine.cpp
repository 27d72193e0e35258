#include "syncengine.h"

#include "cachedatabase.h"
#include "centralconnection.h"
#include "centralrows.h"
#include "copyreader.h"
#include "copytally.h"
#include "levelssync.h"
#include "localops.h"
#include "metricssync.h"
#include "syncstate.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include <charconv>
#include <limits>
#include <sqlite3.h>
#include <vector>

namespace {

using Table = CentralRows::Table;
using Type = CentralRows::Type;

// The search tables are emptied at once (CacheDatabase::clearSearch).
const char *const kCatalogue[] = {"video_tags", "game_tags", "videos", "tags",
                                  "tag_groups", "users",     "games",  "change_requests"};

quint64 xid(const QString &text)
{
    return text.toULongLong();
}

using SyncState::setState;
using SyncState::stateValue;

bool execSql(const QSqlDatabase &db, const QString &sql, QString *error,
             const QVariantList &values = {})
{
    QSqlQuery q(db);
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return false;
    }
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (q.exec())
        return true;
    *error = q.lastError().text();
    return false;
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

QString compact(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// An operation that central has not confirmed: its overlay is applied again after rows are
// refreshed from central.
struct Outstanding
{
    QString key;
    QString kind;
    QJsonObject payload;
    // Sent and applied by central in this transaction (0: not, or not yet): once rows as of a
    // later point are in the cache, they already hold the operation's effect, and replaying it
    // could undo a later change made by someone else.
    quint64 appliedIn = 0;
};

// Replays over rows read from central after every operation it applied so far.
constexpr quint64 kFreshRows = std::numeric_limits<quint64>::max();

QList<Outstanding> loadOutstanding(const QSqlDatabase &db, bool *ok)
{
    QList<Outstanding> list;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    *ok = q.exec(QStringLiteral(
        "SELECT kind, payload, CASE WHEN state = 'sent' AND json_extract(result, '$.status') = "
        "'applied' THEN checkpoint_txid END FROM outbox WHERE state IN ('pending', 'sent') "
        "ORDER BY local_tx, op_id"));
    while (*ok && q.next()) {
        Outstanding op;
        op.kind = q.value(0).toString();
        op.payload = parseObject(q.value(1).toString());
        op.appliedIn = xid(q.value(2).toString());
        op.key = LocalOps::key(op.kind, op.payload);
        if (!op.key.isEmpty())
            list.append(op);
    }
    return list;
}

// Applies the overlays of \a ops (those on \a keys, or all) over rows that are central's as of
// \a rowsAsOf (a cursor: every transaction before it is in): operations central applied
// before that point are already in the rows.
bool replay(const QSqlDatabase &db, const QList<Outstanding> &ops, const QSet<QString> *keys,
            quint64 rowsAsOf, QString *error)
{
    for (const Outstanding &op : ops) {
        if (keys && !keys->contains(op.key))
            continue;
        if (op.appliedIn != 0 && op.appliedIn < rowsAsOf)
            continue;
        if (!LocalOps::apply(db, op.kind, op.payload, error))
            return false;
    }
    return true;
}

// Central's current state of the rows behind some overlay keys.
struct Refresh
{
    QHash<QString, QList<qint64>> tagSets; // "video_tags:12" -> tag ids
    QHash<QString, QJsonObject> rows;      // "tags:5" -> row (missing: deleted)
    QStringList keys;
};

bool sqliteFail(sqlite3 *db, QString *error)
{
    *error = QString::fromUtf8(sqlite3_errmsg(db));
    return false;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Refreshing rows from central (rolling back an overlay, confirming an operation)
// ---------------------------------------------------------------------------------------------

namespace {

// Reads central's current state of the rows behind \a keys. The cache's write lock is not
// held across the network: the caller applies the result in its own transaction.
bool fetchRefresh(const QSqlDatabase &central, const QStringList &keys, Refresh *refresh,
                  QString *error)
{
    refresh->keys = keys;
    QHash<QString, QList<qint64>> idsByTable;
    for (const QString &key : keys)
        idsByTable[key.section(QLatin1Char(':'), 0, 0)].append(
            key.section(QLatin1Char(':'), 1).toLongLong());
    for (auto it = idsByTable.cbegin(); it != idsByTable.cend(); ++it) {
        QStringList ids;
        for (qint64 id : it.value())
            ids.append(QString::number(id));
        const QString array = QLatin1Char('{') + ids.join(QLatin1Char(',')) + QLatin1Char('}');
        QSqlQuery q(central);
        q.setForwardOnly(true);
        const bool tagSet =
            it.key() == QLatin1String("video_tags") || it.key() == QLatin1String("game_tags");
        const QString owner = it.key() == QLatin1String("video_tags") ? QStringLiteral("video_id")
                                                                      : QStringLiteral("game_id");
        q.prepare(tagSet ? QStringLiteral("SELECT %1, tag_id FROM coulisse.%2 WHERE %1 = "
                                          "ANY (?::bigint[])")
                               .arg(owner, it.key())
                         : QStringLiteral("SELECT id, to_jsonb(x)::text FROM coulisse.%1 x "
                                          "WHERE id = ANY (?::bigint[])")
                               .arg(it.key()));
        q.addBindValue(array);
        if (!q.exec()) {
            *error = CentralConnection::describe(q.lastError());
            return false;
        }
        for (qint64 id : it.value()) {
            if (tagSet)
                refresh->tagSets[QStringLiteral("%1:%2").arg(it.key()).arg(id)];
        }
        while (q.next()) {
            const QString key = QStringLiteral("%1:%2").arg(it.key()).arg(q.value(0).toLongLong());
            if (tagSet)
                refresh->tagSets[key].append(q.value(1).toLongLong());
            else
                refresh->rows.insert(key, parseObject(q.value(1).toString()));
        }
    }
    return true;
}

// Writes a refresh into the cache (inside the caller's transaction), then the overlays of the
// operations still outstanding on those rows.
bool applyRefresh(const QSqlDatabase &db, const Refresh &refresh, QString *error)
{
    CentralRows::Writer writer(db);
    for (const QString &key : refresh.keys) {
        const QString table = key.section(QLatin1Char(':'), 0, 0);
        const qint64 id = key.section(QLatin1Char(':'), 1).toLongLong();
        if (refresh.tagSets.contains(key)) {
            if (!LocalOps::replaceTagSet(db, table, id, refresh.tagSets.value(key), error))
                return false;
        } else if (refresh.rows.contains(key)) {
            if (!writer.upsert(table, refresh.rows.value(key), true, error))
                return false;
        } else if (!writer.remove(table, id, 0, error)) {
            return false;
        }
    }
    bool ok = false;
    const QList<Outstanding> outstanding = loadOutstanding(db, &ok);
    const QSet<QString> keySet(refresh.keys.cbegin(), refresh.keys.cend());
    if (!ok) {
        *error = QStringLiteral("cannot read the outbox");
        return false;
    }
    return replay(db, outstanding, &keySet, kFreshRows, error);
}

// Sets the state of operations and refreshes the rows they touched, in one transaction.
bool settle(CacheDatabase &cache, const QStringList &ids, const QString &state,
            const QString &message, const Refresh &refresh, QString *error)
{
    const QSqlDatabase db = cache.database();
    if (!cache.beginImmediate()) {
        *error = cache.errorString();
        return false;
    }
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE outbox SET state = ?, last_error = coalesce(?, "
                                  "last_error), updated_at = ? WHERE op_id = ?"));
    const QVariant reason =
        message.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(message);
    for (const QString &id : ids) {
        update.bindValue(0, state);
        update.bindValue(1, reason);
        update.bindValue(2, now);
        update.bindValue(3, id);
        if (!update.exec()) {
            *error = update.lastError().text();
            cache.rollback();
            return false;
        }
    }
    if (!applyRefresh(db, refresh, error) || !cache.commit()) {
        if (error->isEmpty())
            *error = cache.errorString();
        cache.rollback();
        return false;
    }
    return true;
}

} // namespace

struct SyncEngine::Identity
{
    QString storeId;
    QString user;
    QString role;
    int epoch = 0;
    quint64 horizon = 0;
    bool allGames = true;
    QList<qint64> games;
    QString scope; // "*" or "1,2,3"
    bool needCopy = false;
    bool restartCopy = false; // a copy in progress must start again
    bool otherOwner = false;  // the cache mirrored another store or user
    int schema = 0;
};

// ---------------------------------------------------------------------------------------------

SyncStatus SyncStatus::read(CacheDatabase &cache)
{
    SyncStatus status;
    const QSqlDatabase db = cache.database();
    QSqlQuery q(db);
    if (q.exec(QStringLiteral("SELECT state, count(*) FROM outbox GROUP BY state"))) {
        while (q.next()) {
            const QString state = q.value(0).toString();
            const qint64 n = q.value(1).toLongLong();
            if (state == QLatin1String("pending")) {
                status.waiting += n;
                status.unsent += n;
            } else if (state == QLatin1String("sent")) {
                status.waiting += n;
            } else if (state == QLatin1String("rejected")) {
                status.rejected = n;
            } else if (state == QLatin1String("conflict")) {
                status.conflicts = n;
            }
        }
    }
    status.lastSync = stateValue(db, QStringLiteral("last_sync")).toLongLong();
    status.copied = !stateValue(db, QStringLiteral("cursor_txid")).isEmpty();
    status.user = stateValue(db, QStringLiteral("user"));
    status.role = stateValue(db, QStringLiteral("role"));
    if (q.exec(QStringLiteral("SELECT count(*) FROM copy_progress")) && q.next())
        status.copying = q.value(0).toLongLong() > 0;
    if (q.exec(QStringLiteral("SELECT count(*) FROM sync_state WHERE key IN ('copy_indexes', "
                              "'search_pending')")) &&
        q.next())
        status.indexing = !status.copying && q.value(0).toLongLong() > 0;
    return status;
}

// ---------------------------------------------------------------------------------------------

SyncEngine::SyncEngine(CacheDatabase &cache, const Settings &settings)
    : m_cache(cache)
    , m_settings(settings)
    , m_connectionName(QStringLiteral("coulisse-sync-%1")
                           .arg(QUuid::createUuid().toString(QUuid::WithoutBraces)))
{}

SyncEngine::~SyncEngine()
{
    disconnect();
}

QSqlDatabase SyncEngine::central() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool SyncEngine::isConnected() const
{
    return QSqlDatabase::contains(m_connectionName) && central().isOpen();
}

void SyncEngine::disconnect()
{
    if (QSqlDatabase::contains(m_connectionName))
        CentralConnection::close(m_connectionName);
}

SyncEngine::ErrorClass SyncEngine::classify(const QString &sqlState)
{
    // No SQLSTATE: the connection failed before the server could answer.
    if (sqlState.isEmpty() || sqlState.startsWith(QLatin1String("08")) ||
        sqlState.startsWith(QLatin1String("53")) || sqlState == QLatin1String("40001") ||
        sqlState == QLatin1String("40P01") || sqlState.startsWith(QLatin1String("57P")) ||
        sqlState == QLatin1String("55P03") || sqlState == QLatin1String("57014"))
        return ErrorClass::Retry;
    if (sqlState == QLatin1String("42501") || sqlState.startsWith(QLatin1String("23")) ||
        sqlState.startsWith(QLatin1String("22")) || sqlState == QLatin1String("P0001") ||
        sqlState == QLatin1String("P0002"))
        return ErrorClass::Reject;
    return ErrorClass::Fail;
}

bool SyncEngine::centralError(Report &report, const QSqlError &error, const QString &context)
{
    return centralError(report, CentralConnection::sqlState(error),
                        CentralConnection::describe(error), context);
}

bool SyncEngine::centralError(Report &report, const QString &sqlState, const QString &message,
                              const QString &context)
{
    report.sqlState = sqlState;
    report.error = context.isEmpty() ? message : context + QStringLiteral(": ") + message;
    report.retry = classify(report.sqlState) != ErrorClass::Reject;
    if (classify(report.sqlState) == ErrorClass::Retry)
        disconnect(); // a broken connection is opened afresh next time
    return false;
}

bool SyncEngine::cacheError(Report &report, const QString &message)
{
    m_cache.rollback();
    m_cache.execScript(QStringLiteral("PRAGMA foreign_keys = ON"));
    report.error = tr("The cache could not be written: %1").arg(message);
    report.retry = true;
    return false;
}

bool SyncEngine::stopped(Report &report)
{
    if (!m_stop)
        return false;
    report.error = tr("Sync stopped.");
    report.retry = true;
    return true;
}

SyncEngine::Report SyncEngine::run(const Progress &progress)
{
    QElapsedTimer timer;
    timer.start();
    m_stop = false;
    Report report;
    const auto finish = [&](bool ok) {
        // A copy that stopped halfway leaves checkpoints off.
        m_cache.execScript(QStringLiteral("PRAGMA wal_autocheckpoint = %1")
                               .arg(CacheDatabase::WalAutoCheckpointPages));
        report.ok = ok;
        report.readyMs = timer.elapsed();
        // What a copy left to index is local work: done after a sync, and after one that
        // the network failed, but not when the sync was stopped or the cache failed.
        if (ok) {
            report.ok = buildIndexes(report, progress);
        } else if (report.retry && !m_stop) {
            Report local;
            buildIndexes(local, progress);
            report.indexSteps = local.indexSteps;
        }
        report.elapsedMs = timer.elapsed();
        return report;
    };
    if (progress)
        progress(Stage::Connecting, 0, 0);
    Identity identity;
    if (!connect(report) || !readIdentity(report, identity) || !push(report, progress))
        return finish(false);
    if (identity.needCopy || identity.restartCopy || SyncStatus::read(m_cache).copying) {
        if (!copy(report, identity, progress))
            return finish(false);
    } else if (!removeLostGames(report, identity)) {
        return finish(false);
    }
    if (!copyRequests(report))
        return finish(false);
    if (!pull(report, progress)) {
        if (report.sqlState != QLatin1String("55000"))
            return finish(false);
        // The cursor is older than the pruned change log: copy the scope again.
        identity.restartCopy = true;
        report.error.clear();
        report.sqlState.clear();
        report.retry = false;
        if (!connect(report) || !copy(report, identity, progress) || !pull(report, progress))
            return finish(false);
    }
    if (!confirm(report, progress) || !reviewOutcomes(report) || !pruneOutbox(report) ||
        !syncMetrics(report, identity) || !syncLevels(report, identity))
        return finish(false);
    QString error;
    if (!setState(m_cache.database(), QStringLiteral("last_sync"),
                  QDateTime::currentSecsSinceEpoch(), &error))
        return finish(cacheError(report, error));
    return finish(true);
}

bool SyncEngine::connect(Report &report)
{
    if (isConnected())
        return true;
    QString error;
    const QSqlDatabase db =
        CentralConnection::open(m_settings.conninfo, m_connectionName, &error, m_settings.password);
    if (!db.isOpen()) {
        report.error = error;
        // A refused password or an unknown user does not get better by retrying.
        report.retry = !error.contains(QLatin1String("authentication failed")) &&
                       !error.contains(QLatin1String("no password supplied")) &&
                       !error.contains(QLatin1String("does not exist"));
        if (!report.retry)
            report.sqlState = QStringLiteral("28P01");
        return false;
    }
    return true;
}

bool SyncEngine::readIdentity(Report &report, Identity &identity)
{
    QSqlQuery q(central());
    if (!q.exec(QStringLiteral(
            "SELECT epoch, log_horizon::text, schema_version, store_id::text, session_role, "
            "scope::text, session_user FROM coulisse.sync_info()")))
        return centralError(report, q.lastError());
    if (!q.next())
        return centralError(report, q.lastError());
    identity.epoch = q.value(0).toInt();
    identity.horizon = xid(q.value(1).toString());
    const int schema = q.value(2).toInt();
    identity.storeId = q.value(3).toString();
    identity.role = q.value(4).toString();
    identity.schema = schema;
    identity.allGames = q.value(5).isNull();
    identity.user = q.value(6).toString();
    report.user = identity.user;
    report.role = identity.role;
    if (schema < 3) {
        report.error = tr("The central store has schema version %1; this Coulisse needs 3. Ask an "
                          "administrator to run \"coulisse-cli central migrate\".")
                           .arg(schema);
        return false;
    }
    if (identity.role.isEmpty()) {
        report.error = tr("%1 is not active staff of this central store.").arg(identity.user);
        report.sqlState = QStringLiteral("42501");
        return false;
    }
    if (!identity.allGames) {
        QString list = q.value(5).toString();
        list.remove(QLatin1Char('{')).remove(QLatin1Char('}'));
        for (const QString &id : list.split(QLatin1Char(','), Qt::SkipEmptyParts))
            identity.games.append(id.toLongLong());
        QStringList ids;
        for (qint64 id : std::as_const(identity.games))
            ids.append(QString::number(id));
        identity.scope = ids.join(QLatin1Char(','));
    } else {
        identity.scope = QStringLiteral("*");
    }

    const QSqlDatabase cache = m_cache.database();
    const QString store = stateValue(cache, QStringLiteral("store"));
    const QString user = stateValue(cache, QStringLiteral("user"));
    if (!store.isEmpty() && (store != identity.storeId || user != identity.user)) {
        QSqlQuery waiting(cache);
        if (waiting.exec(QStringLiteral("SELECT (SELECT count(*) FROM outbox WHERE state IN "
                                        "('pending', 'sent', 'rejected', 'conflict')) + "
                                        "(SELECT count(*) FROM saved_reports WHERE dirty)")) &&
            waiting.next() && waiting.value(0).toLongLong() > 0) {
            report.error = tr("This cache holds %n change(s) of %1 that its central store has not "
                              "confirmed. Sign in as %1 to that store to send them, or open "
                              "another cache.",
                              nullptr, int(waiting.value(0).toLongLong()))
                               .arg(user);
            return false;
        }
        identity.otherOwner = true;
        identity.restartCopy = true;
    }
    const QString cursor = stateValue(cache, QStringLiteral("cursor_txid"));
    const int epoch = stateValue(cache, QStringLiteral("epoch")).toInt();
    if (store.isEmpty() || cursor.isEmpty())
        identity.needCopy = true;
    if (!store.isEmpty() && epoch != identity.epoch)
        identity.restartCopy = true; // restored from a backup: everything again
    if (!cursor.isEmpty() && xid(cursor) < identity.horizon)
        identity.restartCopy = true;
    const QString cachedScope = stateValue(cache, QStringLiteral("scope"));
    if (!cursor.isEmpty() && cachedScope != identity.scope) {
        // Games that left the scope are deleted (removeLostGames); new ones need a copy.
        bool gained = identity.allGames && cachedScope != QLatin1String("*");
        const QStringList before = cachedScope.split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (qint64 id : std::as_const(identity.games))
            gained = gained ||
                     (cachedScope != QLatin1String("*") && !before.contains(QString::number(id)));
        if (gained)
            identity.restartCopy = true;
    }
    return true;
}

bool SyncEngine::removeLostGames(Report &report, const Identity &identity)
{
    QString error;
    const QSqlDatabase db = m_cache.database();
    if (identity.allGames)
        return setState(db, QStringLiteral("scope"), identity.scope, &error) ||
               cacheError(report, error);
    QList<qint64> lost;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT id FROM games")))
        return cacheError(report, q.lastError().text());
    while (q.next()) {
        if (!identity.games.contains(q.value(0).toLongLong()))
            lost.append(q.value(0).toLongLong());
    }
    q.finish();
    if (lost.isEmpty() && stateValue(db, QStringLiteral("scope")) == identity.scope)
        return true;
    if (!m_cache.beginImmediate())
        return cacheError(report, m_cache.errorString());
    CentralRows::Writer writer(db);
    for (qint64 game : std::as_const(lost)) {
        if (!writer.removeGame(game, &error))
            return cacheError(report, error);
    }
    if (!setState(db, QStringLiteral("scope"), identity.scope, &error))
        return cacheError(report, error);
    if (!m_cache.commit())
        return cacheError(report, m_cache.errorString());
    report.removedGames += int(lost.size());
    return true;
}

// ---------------------------------------------------------------------------------------------
// Push
// ---------------------------------------------------------------------------------------------

namespace {

struct PushOp
{
    QString id;
    qint64 localTx = 0;
    QString kind;
    QJsonObject payload;
    QVariant base;
};

} // namespace

bool SyncEngine::push(Report &report, const Progress &progress)
{
    const QSqlDatabase db = m_cache.database();
    QString error;
    QString clientId = stateValue(db, QStringLiteral("client_id"));
    if (clientId.isEmpty()) {
        clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (!setState(db, QStringLiteral("client_id"), clientId, &error))
            return cacheError(report, error);
    }
    // Local transactions in order; each one's operations together.
    QList<QList<PushOp>> transactions;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT op_id, local_tx, kind, payload, base_row_version FROM "
                                   "outbox WHERE state = 'pending' ORDER BY local_tx, op_id")))
            return cacheError(report, q.lastError().text());
        while (q.next()) {
            PushOp op{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toString(),
                      parseObject(q.value(3).toString()), q.value(4)};
            if (transactions.isEmpty() || transactions.last().first().localTx != op.localTx)
                transactions.append(QList<PushOp>());
            transactions.last().append(op);
        }
    }
    if (transactions.isEmpty())
        return true;
    qint64 totalOps = 0;
    for (const auto &t : std::as_const(transactions))
        totalOps += t.size();

    QSqlQuery apply(central());
    apply.prepare(QStringLiteral("SELECT coulisse.apply_ops(?::uuid, ?::jsonb)::text"));
    qsizetype next = 0;
    qsizetype isolateUntil = 0; // after a refusal, the batch is sent again one by one
    qint64 sentOps = 0;
    while (next < transactions.size()) {
        if (stopped(report))
            return false;
        qsizetype end = next;
        qint64 ops = 0;
        const qsizetype limit = next < isolateUntil ? 1 : m_settings.pushBatch;
        while (end < transactions.size() && end - next < limit &&
               (end == next || ops + transactions[end].size() <= m_settings.pushBatchOps))
            ops += transactions[end++].size();
        QJsonArray array;
        QHash<QString, const PushOp *> byId;
        for (qsizetype i = next; i < end; ++i) {
            for (const PushOp &op : transactions[i]) {
                QJsonObject o{{QStringLiteral("op_id"), op.id},
                              {QStringLiteral("kind"), op.kind},
                              {QStringLiteral("payload"), op.payload}};
                if (!op.base.isNull())
                    o.insert(QStringLiteral("base_row_version"), op.base.toLongLong());
                array.append(o);
                byId.insert(op.id, &op);
            }
        }
        apply.addBindValue(clientId);
        apply.addBindValue(QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact)));
        const bool sent = apply.exec() && apply.next();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        if (!sent) {
            const QSqlError sqlError = apply.lastError();
            const ErrorClass cls = classify(CentralConnection::sqlState(sqlError));
            if (cls == ErrorClass::Reject && end - next > 1) {
                isolateUntil = end; // find the local transaction that central refuses
                continue;
            }
            const QString message = CentralConnection::describe(sqlError);
            QStringList keys;
            for (auto it = byId.cbegin(); it != byId.cend(); ++it) {
                const QString key = LocalOps::key(it.value()->kind, it.value()->payload);
                if (!key.isEmpty() && !keys.contains(key))
                    keys.append(key);
            }
            if (cls == ErrorClass::Reject) {
                // Refused: the overlay goes (rows refreshed from central), the reason stays.
                Refresh refresh;
                if (!fetchRefresh(central(), keys, &refresh, &error)) {
                    report.error = error;
                    report.retry = true;
                    return false;
                }
                if (!settle(m_cache, byId.keys(), QStringLiteral("rejected"), message, refresh,
                            &error))
                    return cacheError(report, error);
                report.rejected += int(byId.size());
                next = end;
                continue;
            }
            // Not refused, not sent: the operations wait for the next attempt.
            if (m_cache.beginImmediate()) {
                for (auto it = byId.cbegin(); it != byId.cend(); ++it)
                    execSql(db,
                            QStringLiteral("UPDATE outbox SET attempts = attempts + 1, "
                                           "last_error = ?, updated_at = ? WHERE op_id = ?"),
                            &error, {message, now, it.key()});
                m_cache.commit();
            }
            return centralError(report, sqlError, tr("Sending changes failed"));
        }
        const QJsonObject answer = parseObject(apply.value(0).toString());
        apply.finish();
        const QString txid = answer.value(QStringLiteral("txid")).toString();
        QHash<QString, QJsonObject> results;
        for (const QJsonValue &v : answer.value(QStringLiteral("results")).toArray())
            results.insert(v.toObject().value(QStringLiteral("op_id")).toString(), v.toObject());

        if (!m_cache.beginImmediate())
            return cacheError(report, m_cache.errorString());
        CentralRows::Writer writer(db);
        QSet<QString> conflictKeys;
        QSqlQuery record(db);
        record.prepare(QStringLiteral("UPDATE outbox SET state = ?, attempts = attempts + 1, "
                                      "last_error = NULL, checkpoint_txid = ?, result = ?, "
                                      "updated_at = ? WHERE op_id = ?"));
        for (auto it = byId.cbegin(); it != byId.cend(); ++it) {
            const QJsonObject result = results.value(it.key());
            const QString status = result.value(QStringLiteral("status")).toString();
            const bool conflict = status == QLatin1String("conflict");
            if (result.value(QStringLiteral("resent")).toBool())
                ++report.resentOps;
            if (status == QLatin1String("pending"))
                ++report.awaitingReview;
            if (conflict) {
                ++report.conflicts;
                // The overlay gives way to central's row until the user decides.
                const QString key = LocalOps::key(it.value()->kind, it.value()->payload);
                const QString table = key.section(QLatin1Char(':'), 0, 0);
                if (!writer.upsert(table, result.value(QStringLiteral("current")).toObject(), true,
                                   &error))
                    return cacheError(report, error);
                conflictKeys.insert(key);
            }
            record.bindValue(0, conflict ? QStringLiteral("conflict") : QStringLiteral("sent"));
            record.bindValue(1, txid);
            record.bindValue(2, compact(result));
            record.bindValue(3, now);
            record.bindValue(4, it.key());
            if (!record.exec())
                return cacheError(report, record.lastError().text());
        }
        if (!conflictKeys.isEmpty()) {
            bool ok = false;
            const QList<Outstanding> outstanding = loadOutstanding(db, &ok);
            if (!ok || !replay(db, outstanding, &conflictKeys, kFreshRows, &error))
                return cacheError(report, ok ? error : tr("cannot read the outbox"));
        }
        if (!m_cache.commit())
            return cacheError(report, m_cache.errorString());
        report.pushedTransactions += int(end - next);
        report.pushedOps += int(byId.size());
        sentOps += byId.size();
        if (progress)
            progress(Stage::Pushing, sentOps, totalOps);
        next = end;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Initial copy
// ---------------------------------------------------------------------------------------------

QList<CentralRows::Table> SyncEngine::copyOrder()
{
    QList<CentralRows::Table> tables = CentralRows::tables();
    const auto at = [&](const char *name) {
        for (qsizetype i = 0; i < tables.size(); ++i) {
            if (tables[i].name == QLatin1String(name))
                return i;
        }
        return qsizetype(-1);
    };
    const qsizetype videos = at("videos");
    const qsizetype videoTags = at("video_tags");
    if (videos >= 0 && videoTags > videos)
        tables.move(videoTags, videos);
    return tables;
}

bool SyncEngine::copy(Report &report, const Identity &identity, const Progress &progress)
{
    const QSqlDatabase db = m_cache.database();
    QString error;
    report.copied = true;
    // Pages of one table may reference rows of a later page: foreign keys are checked once
    // the copy is complete. Until then the derived-data triggers and the secondary indexes of
    // the catalogue are gone (their SQL is kept in sync_state): they are built once at the end,
    // which is much faster than maintaining them row by row.
    const auto begin = [&]() {
        return m_cache.execScript(QStringLiteral("PRAGMA foreign_keys = OFF")) &&
               m_cache.beginImmediate();
    };
    const auto end = [&]() {
        return m_cache.commit() && m_cache.execScript(QStringLiteral("PRAGMA foreign_keys = ON"));
    };
    const auto abandon = [&]() {
        m_cache.rollback();
        m_cache.execScript(QStringLiteral("PRAGMA foreign_keys = ON"));
    };

    QSqlQuery progressRows(db);
    bool fresh = identity.restartCopy;
    if (!fresh) {
        if (!progressRows.exec(QStringLiteral("SELECT count(*) FROM copy_progress")) ||
            !progressRows.next())
            return cacheError(report, progressRows.lastError().text());
        fresh = progressRows.value(0).toLongLong() == 0;
        progressRows.finish();
    }
    if (fresh) {
        // Changes committed after this point are pulled from the log afterwards.
        QSqlQuery snap(central());
        if (!snap.exec(QStringLiteral("SELECT pg_snapshot_xmin(pg_current_snapshot())::text")) ||
            !snap.next())
            return centralError(report, snap.lastError());
        const QString snapshot = snap.value(0).toString();
        if (!begin())
            return cacheError(report, m_cache.errorString());
        // Triggers first: the catalogue's rows go without updating counts and search rows one
        // by one, and the search tables are emptied at once.
        if (!m_cache.dropDerivedTriggers() || !m_cache.clearSearch()) {
            const QString message = m_cache.errorString();
            abandon();
            return cacheError(report, message);
        }
        if (!dropCatalogueIndexes(&error)) {
            abandon();
            return cacheError(report, error);
        }
        for (const char *table : kCatalogue) {
            if (!execSql(db, QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)), &error)) {
                abandon();
                return cacheError(report, error);
            }
        }
        if (identity.otherOwner && !execSql(db, QStringLiteral("DELETE FROM outbox"), &error)) {
            abandon();
            return cacheError(report, error);
        }
        if (!execSql(db, QStringLiteral("DELETE FROM copy_progress"), &error)) {
            abandon();
            return cacheError(report, error);
        }
        for (const Table &t : CentralRows::tables()) {
            if (!execSql(db,
                         QStringLiteral("INSERT INTO copy_progress (tbl, last_id, last_id2, done, "
                                        "snapshot) VALUES (?, 0, 0, 0, ?)"),
                         &error, {t.name, snapshot})) {
                abandon();
                return cacheError(report, error);
            }
        }
        if (!execSql(db,
                     QStringLiteral("DELETE FROM sync_state WHERE key IN ('cursor_txid', "
                                    "'cursor_seq', 'search_pending')"),
                     &error) ||
            !setState(db, QStringLiteral("store"), identity.storeId, &error) ||
            !setState(db, QStringLiteral("user"), identity.user, &error) ||
            !setState(db, QStringLiteral("epoch"), identity.epoch, &error)) {
            abandon();
            return cacheError(report, error);
        }
        if (!end())
            return cacheError(report, m_cache.errorString());
    }
    // Resumed or fresh: no derived-data triggers while rows go in (a newer version of the
    // app may have re-created them since).
    if (!begin())
        return cacheError(report, m_cache.errorString());
    if (!m_cache.dropDerivedTriggers() || !end()) {
        abandon();
        return cacheError(report, m_cache.errorString());
    }

    // A rough total for the progress bar (planner statistics; an editor copies less).
    qint64 total = 0;
    {
        QSqlQuery estimate(central());
        if (estimate.exec(QStringLiteral(
                "SELECT sum(greatest(reltuples, 0))::bigint FROM pg_class WHERE relnamespace = "
                "'coulisse'::regnamespace AND relkind = 'r' AND relname IN ('games', "
                "'tag_groups', 'tags', 'game_tags', 'users', 'videos', 'video_tags')")) &&
            estimate.next())
            total = estimate.value(0).toLongLong();
    }
    qint64 done = 0;
    // No checkpoint after each page: the write-ahead log holds the copy until the indexes are
    // built (buildIndexes checkpoints), instead of every page being written twice meanwhile.
    if (!m_cache.execScript(QStringLiteral("PRAGMA wal_autocheckpoint = 0")))
        return cacheError(report, m_cache.errorString());
    sqlite3 *handle = m_cache.handle();
    QString snapshot;
    // The rows stream through libpq's COPY on a thread of its own while this one writes.
    if (progress)
        progress(Stage::Copying, 0, total);
    CopyReader reader;
    CopyTally tally;
    for (const Table &t : copyOrder()) {
        QSqlQuery state(db);
        state.prepare(QStringLiteral(
            "SELECT last_id, last_id2, done, snapshot FROM copy_progress WHERE tbl = ?"));
        state.addBindValue(t.name);
        if (!state.exec() || !state.next())
            return cacheError(report, tr("the copy's progress is missing for %1").arg(t.name));
        qint64 last1 = state.value(0).toLongLong();
        qint64 last2 = state.value(1).toLongLong();
        const bool tableDone = state.value(2).toBool();
        snapshot = state.value(3).toString();
        state.finish();
        if (tableDone)
            continue;
        if (!reader.isOpen() && !reader.open(m_settings.conninfo, m_settings.password))
            return centralError(report, QString(), reader.errorString());
        QStringList names;
        for (const CentralRows::Column &c : t.columns)
            names.append(c.name);
        // One query per table from where the copy stands, in key order: the cache commits a
        // page at a time, and a copy killed halfway resumes after the last committed key.
        const QString select =
            QStringLiteral("SELECT %1 FROM coulisse.%2 WHERE %3 ORDER BY %4")
                .arg(CentralRows::centralSelectList(t), t.name,
                     t.key2.isEmpty() ? QStringLiteral("%1 > %2").arg(t.key1).arg(last1)
                                      : QStringLiteral("(%1, %2) > (%3, %4)")
                                            .arg(t.key1, t.key2)
                                            .arg(last1)
                                            .arg(last2),
                     t.key2.isEmpty() ? t.key1 : t.key1 + QStringLiteral(", ") + t.key2);
        const CopyTally::Kind kind = CopyTally::kindOf(t.name);
        tally.begin(kind, last1 == 0 && last2 == 0);
        // Videos take their tag count from the video tags this run copied whole before them.
        const bool bindTagCount = kind == CopyTally::Kind::Videos && tally.hasTagCounts();
        const QByteArray insertSql =
            QStringLiteral("INSERT INTO %1 (%2%4) VALUES (%3%5)")
                .arg(t.name, names.join(QStringLiteral(", ")), CentralRows::cachePlaceholders(t),
                     bindTagCount ? QStringLiteral(", tag_count") : QString(),
                     bindTagCount ? QStringLiteral(", ?") : QString())
                .toUtf8();
        const int key1Column = int(names.indexOf(t.key1));
        const int key2Column = t.key2.isEmpty() ? -1 : int(names.indexOf(t.key2));
        const int columns = int(t.columns.size());
        // The integer fields of the row being read, for the tally (0 for NULL).
        std::vector<qint64> ints(static_cast<size_t>(columns), 0);
        const auto columnOf = [&](const char *name) {
            return qMax(0, int(names.indexOf(QLatin1String(name))));
        };
        const int tagColumn = columnOf("tag_id");
        const int videoColumn = columnOf("video_id");
        const int gameColumn = columnOf("game_id");
        const int uploaderColumn = columnOf("uploader_id");
        QList<bool> textColumn;
        for (const CentralRows::Column &c : t.columns)
            textColumn.append(c.type == Type::Text || c.type == Type::Json);
        if (!reader.start(select))
            return centralError(report, reader.sqlState(), reader.errorString());
        if (!begin()) {
            reader.cancel();
            return cacheError(report, m_cache.errorString());
        }
        sqlite3_stmt *insert = nullptr;
        if (sqlite3_prepare_v2(handle, insertSql.constData(), int(insertSql.size()), &insert,
                               nullptr) != SQLITE_OK) {
            sqliteFail(handle, &error);
            reader.cancel();
            abandon();
            return cacheError(report, error);
        }
        const auto fail = [&](const QString &message) {
            sqlite3_finalize(insert);
            reader.cancel();
            abandon();
            return cacheError(report, message);
        };
        const auto commitPage = [&](bool last) {
            return execSql(db,
                           QStringLiteral("UPDATE copy_progress SET last_id = ?, last_id2 = ?, "
                                          "done = ? WHERE tbl = ?"),
                           &error, {last1, last2, last ? 1 : 0, t.name}) &&
                   end();
        };
        qint64 inPage = 0;
        QByteArray batch;
        // A field with escapes is decoded into its column's buffer, which lives until the
        // row's step: SQLite copies text bound SQLITE_STATIC into the record then, not before.
        std::vector<QByteArray> scratch(static_cast<size_t>(columns));
        while (reader.next(&batch)) {
            const char *p = batch.constData();
            const char *const batchEnd = p + batch.size();
            while (p < batchEnd) {
                const char *lineEnd =
                    static_cast<const char *>(memchr(p, '\n', size_t(batchEnd - p)));
                if (!lineEnd)
                    lineEnd = batchEnd;
                int column = 0;
                const char *f = p;
                while (column < columns) {
                    const char *fieldEnd =
                        static_cast<const char *>(memchr(f, '\t', size_t(lineEnd - f)));
                    if (!fieldEnd)
                        fieldEnd = lineEnd;
                    const char *text = nullptr;
                    int size = 0;
                    ints[size_t(column)] = 0;
                    if (!CopyReader::field(f, fieldEnd, &scratch[size_t(column)], &text, &size)) {
                        sqlite3_bind_null(insert, column + 1);
                    } else if (textColumn[column]) {
                        sqlite3_bind_text(insert, column + 1, text, size, SQLITE_STATIC);
                    } else {
                        qint64 value = 0;
                        if (std::from_chars(text, text + size, value).ec != std::errc())
                            return fail(
                                tr("The central store sent a malformed row for %1.").arg(t.name));
                        sqlite3_bind_int64(insert, column + 1, value);
                        ints[size_t(column)] = value;
                        if (column == key1Column)
                            last1 = value;
                        else if (column == key2Column)
                            last2 = value;
                    }
                    ++column;
                    if (fieldEnd == lineEnd)
                        break;
                    f = fieldEnd + 1;
                }
                if (column != columns)
                    return fail(tr("The central store sent a malformed row for %1.").arg(t.name));
                switch (kind) {
                case CopyTally::Kind::VideoTags:
                    tally.addVideoTag(ints[size_t(videoColumn)], ints[size_t(tagColumn)]);
                    break;
                case CopyTally::Kind::GameTags:
                    tally.addGameTag(ints[size_t(tagColumn)]);
                    break;
                case CopyTally::Kind::Videos:
                    tally.addVideo(ints[size_t(gameColumn)], ints[size_t(uploaderColumn)]);
                    if (bindTagCount)
                        sqlite3_bind_int64(insert, columns + 1,
                                           tally.tagCountOf(ints[size_t(key1Column)]));
                    break;
                case CopyTally::Kind::None:
                    break;
                }
                if (sqlite3_step(insert) != SQLITE_DONE) {
                    sqliteFail(handle, &error);
                    return fail(error);
                }
                sqlite3_reset(insert);
                p = lineEnd + 1;
                ++report.copiedRows;
                ++done;
                if (++inPage < m_settings.copyPage)
                    continue;
                // A page is complete: it and where the copy stands, in one transaction.
                if (!commitPage(false))
                    return fail(error.isEmpty() ? m_cache.errorString() : error);
                inPage = 0;
                if (progress)
                    progress(Stage::Copying, done, qMax(total, done));
                if (stopped(report)) {
                    sqlite3_finalize(insert);
                    reader.cancel();
                    return false;
                }
                if (!begin())
                    return fail(m_cache.errorString());
            }
        }
        sqlite3_finalize(insert);
        if (reader.failed()) {
            abandon();
            return centralError(report, reader.sqlState(), reader.errorString(),
                                tr("Copying %1 failed").arg(t.name));
        }
        if (!commitPage(true)) {
            abandon();
            return cacheError(report, error.isEmpty() ? m_cache.errorString() : error);
        }
        tally.end(kind);
        if (progress)
            progress(Stage::Copying, done, qMax(total, done));
    }

    // Complete, in one short transaction: the overlays of unconfirmed edits, the unique
    // indexes (constraints for what follows), the counts, the derived triggers and the cursor
    // at the snapshot. The other indexes and the search tables are built after the pull, a
    // step per transaction (buildIndexes), while the catalogue can be read and edited.
    if (!begin())
        return cacheError(report, m_cache.errorString());
    bool ok = false;
    const QList<Outstanding> outstanding = loadOutstanding(db, &ok);
    if (!ok) {
        abandon();
        return cacheError(report, tr("cannot read the outbox"));
    }
    if (!restoreUniqueIndexes(&error)) {
        abandon();
        return cacheError(report, error);
    }
    // The tallied counts when this run copied every counted row and no edit was made meanwhile
    // (an edit during the copy wrote rows the tally never saw); otherwise counted again.
    if (tally.complete() && outstanding.isEmpty()) {
        if (!tally.write(handle, &error)) {
            abandon();
            return cacheError(report, error);
        }
    } else if (!m_cache.rebuildCounts()) {
        const QString message = m_cache.errorString();
        abandon();
        return cacheError(report, message);
    }
    if (!m_cache.clearSearch() || !m_cache.applyDerivedTriggers()) {
        const QString message = m_cache.errorString();
        abandon();
        return cacheError(report, message);
    }
    // The overlays of unconfirmed edits last: the derived triggers follow them.
    if (!replay(db, outstanding, nullptr, xid(snapshot), &error)) {
        abandon();
        return cacheError(report, error);
    }
    QJsonObject searchPending;
    for (const QString &table : CacheDatabase::searchTables())
        searchPending.insert(table, 0);
    if (!setState(db, QStringLiteral("search_pending"),
                  QString::fromUtf8(QJsonDocument(searchPending).toJson(QJsonDocument::Compact)),
                  &error) ||
        !setState(db, QStringLiteral("cursor_txid"), snapshot, &error) ||
        !setState(db, QStringLiteral("cursor_seq"), 0, &error) ||
        !setState(db, QStringLiteral("scope"), identity.scope, &error) ||
        !setState(db, QStringLiteral("role"), identity.role, &error) ||
        !execSql(db, QStringLiteral("DELETE FROM copy_progress"), &error) ||
        !execSql(db, QStringLiteral("DELETE FROM sync_state WHERE key = 'copy_requests'"),
                 &error)) {
        abandon();
        return cacheError(report, error);
    }
    if (!end())
        return cacheError(report, m_cache.errorString());
    m_cache.execScript(QStringLiteral("PRAGMA wal_autocheckpoint = %1")
                           .arg(CacheDatabase::WalAutoCheckpointPages));
    return true;
}

namespace {

/// "CREATE [UNIQUE] INDEX name ..." as "CREATE [UNIQUE] INDEX IF NOT EXISTS name ...", so that
/// an index built before an interruption is not built twice.
bool idempotentIndexSql(QString *sql, bool *unique)
{
    static const QRegularExpression create(QStringLiteral("^CREATE\\s+(UNIQUE\\s+)?INDEX\\s+"),
                                           QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = create.match(*sql);
    if (!m.hasMatch())
        return false;
    *unique = m.capturedLength(1) > 0;
    sql->replace(0, int(m.capturedLength()),
                 QStringLiteral("CREATE %1INDEX IF NOT EXISTS ").arg(m.captured(1)));
    return true;
}

QJsonArray keptIndexes(const QSqlDatabase &db)
{
    return QJsonDocument::fromJson(stateValue(db, QStringLiteral("copy_indexes")).toUtf8()).array();
}

bool setKeptIndexes(const QSqlDatabase &db, const QJsonArray &kept, QString *error)
{
    if (kept.isEmpty())
        return execSql(db, QStringLiteral("DELETE FROM sync_state WHERE key = 'copy_indexes'"),
                       error);
    return setState(db, QStringLiteral("copy_indexes"),
                    QString::fromUtf8(QJsonDocument(kept).toJson(QJsonDocument::Compact)), error);
}

QJsonObject pendingSearch(const QSqlDatabase &db)
{
    return QJsonDocument::fromJson(stateValue(db, QStringLiteral("search_pending")).toUtf8())
        .object();
}

} // namespace

bool SyncEngine::dropCatalogueIndexes(QString *error)
{
    // Inside the caller's transaction. The SQL of what is dropped joins what an interrupted
    // copy dropped before, so that the copy that completes re-creates them all.
    const QSqlDatabase db = m_cache.database();
    QJsonArray kept = keptIndexes(db);
    QStringList names;
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND "
                                   "sql IS NOT NULL AND tbl_name IN ('games', 'tag_groups', "
                                   "'tags', 'game_tags', 'users', 'videos', 'video_tags')"))) {
            *error = q.lastError().text();
            return false;
        }
        while (q.next()) {
            names.append(q.value(0).toString());
            if (!kept.contains(q.value(1).toString()))
                kept.append(q.value(1).toString());
        }
    }
    if (!setKeptIndexes(db, kept, error))
        return false;
    for (const QString &name : std::as_const(names)) {
        if (!execSql(db, QStringLiteral("DROP INDEX \"%1\"").arg(name), error))
            return false;
    }
    return true;
}

bool SyncEngine::restoreUniqueIndexes(QString *error)
{
    // Inside the copy's last transaction: the unique indexes are constraints that every write
    // after the copy must meet (they are on the small tables, and cost nothing to build).
    const QSqlDatabase db = m_cache.database();
    QJsonArray rest;
    for (const QJsonValue &v : keptIndexes(db)) {
        QString sql = v.toString();
        bool unique = false;
        if (!idempotentIndexSql(&sql, &unique)) {
            *error = tr("cannot re-create an index: %1").arg(v.toString());
            return false;
        }
        if (!unique) {
            rest.append(v);
            continue;
        }
        if (!execSql(db, sql, error))
            return false;
    }
    return setKeptIndexes(db, rest, error);
}

bool SyncEngine::buildIndexes(Report &report, const Progress &progress)
{
    const QSqlDatabase db = m_cache.database();
    QJsonArray indexes = keptIndexes(db);
    QJsonObject search = pendingSearch(db);
    // A copy still under way keeps its indexes dropped until it completes.
    if ((indexes.isEmpty() && search.isEmpty()) || SyncStatus::read(m_cache).copying)
        return true;
    // A step is one index or one chunk of a search table: the total counts the chunks that
    // the rows still to index make.
    qint64 total = indexes.size();
    QStringList tables;
    for (const QString &table : CacheDatabase::searchTables()) {
        if (!search.contains(table))
            continue;
        tables.append(table);
        QSqlQuery count(db);
        if (!count.exec(QStringLiteral("SELECT count(*) FROM %1_source WHERE id > %2")
                            .arg(table)
                            .arg(qint64(search.value(table).toDouble()))) ||
            !count.next())
            return cacheError(report, count.lastError().text());
        total += count.value(0).toLongLong() / qMax(1, m_settings.indexChunk) + 1;
    }
    qint64 done = 0;
    if (progress)
        progress(Stage::Indexing, done, total);
    // One checkpoint at the end, as for the copy's pages. Whatever way this returns, the
    // connection gets its usual settings back (after a rollback: temp_store cannot change
    // inside a transaction).
    const auto restore = qScopeGuard([this] {
        m_cache.rollback();
        m_cache.setIndexBuilding(false);
        m_cache.execScript(QStringLiteral("PRAGMA wal_autocheckpoint = %1")
                               .arg(CacheDatabase::WalAutoCheckpointPages));
    });
    if (!m_cache.setIndexBuilding(true) ||
        !m_cache.execScript(QStringLiteral("PRAGMA wal_autocheckpoint = 0")))
        return cacheError(report, m_cache.errorString());
    QString error;
    const auto step = [&]() {
        ++report.indexSteps;
        ++done;
        if (progress)
            progress(Stage::Indexing, qMin(done, total), total);
    };
    while (!indexes.isEmpty()) {
        if (stopped(report))
            return false;
        QString sql = indexes.first().toString();
        bool unique = false;
        if (!idempotentIndexSql(&sql, &unique))
            return cacheError(report,
                              tr("cannot re-create an index: %1").arg(indexes.first().toString()));
        indexes.removeFirst();
        if (!m_cache.beginImmediate())
            return cacheError(report, m_cache.errorString());
        if (!execSql(db, sql, &error) || !setKeptIndexes(db, indexes, &error))
            return cacheError(report, error);
        if (!m_cache.commit())
            return cacheError(report, m_cache.errorString());
        step();
    }
    for (const QString &table : std::as_const(tables)) {
        qint64 after = qint64(search.value(table).toDouble());
        for (;;) {
            if (stopped(report))
                return false;
            if (!m_cache.beginImmediate())
                return cacheError(report, m_cache.errorString());
            qint64 last = 0;
            if (!m_cache.indexSearchRows(table, after, m_settings.indexChunk, &last))
                return cacheError(report, m_cache.errorString());
            if (last == 0) {
                // Complete: its segments merged into one, which searches read fastest.
                search.remove(table);
                if (!execSql(db,
                             QStringLiteral("INSERT INTO %1 (%1) VALUES ('optimize')").arg(table),
                             &error))
                    return cacheError(report, error);
            } else {
                after = last;
                search.insert(table, double(last));
            }
            const bool saved =
                search.isEmpty()
                    ? execSql(db,
                              QStringLiteral("DELETE FROM sync_state WHERE key = 'search_pending'"),
                              &error)
                    : setState(
                          db, QStringLiteral("search_pending"),
                          QString::fromUtf8(QJsonDocument(search).toJson(QJsonDocument::Compact)),
                          &error);
            if (!saved)
                return cacheError(report, error);
            if (!m_cache.commit())
                return cacheError(report, m_cache.errorString());
            step();
            if (last == 0)
                break;
        }
    }
    m_cache.setIndexBuilding(false);
    // Statistics for the planner, and the write-ahead log given back to the disk.
    m_cache.execScript(QStringLiteral("PRAGMA analysis_limit = 1000; ANALYZE; PRAGMA optimize; "
                                      "PRAGMA wal_checkpoint(TRUNCATE);"));
    return true;
}

// ---------------------------------------------------------------------------------------------
// Pull
// ---------------------------------------------------------------------------------------------

bool SyncEngine::pull(Report &report, const Progress &progress)
{
    const QSqlDatabase db = m_cache.database();
    QString error;
    QString txid = stateValue(db, QStringLiteral("cursor_txid"));
    qint64 seq = stateValue(db, QStringLiteral("cursor_seq")).toLongLong();
    if (txid.isEmpty()) {
        report.error = tr("The cache has no sync cursor.");
        return false;
    }
    bool ok = false;
    const QList<Outstanding> outstanding = loadOutstanding(db, &ok);
    if (!ok)
        return cacheError(report, tr("cannot read the outbox"));
    QSet<QString> outstandingKeys;
    for (const Outstanding &op : outstanding)
        outstandingKeys.insert(op.key);

    struct Entry
    {
        QString tbl;
        QChar op;
        qint64 pk1;
        qint64 pk2;
        QString data;
    };
    QSqlQuery q(central());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT txid::text, seq, tbl, op::text, pk1, pk2, data::text "
                             "FROM coulisse.pull_changes(?::xid8, ?, ?)"));
    CentralRows::Writer writer(db);
    for (;;) {
        if (stopped(report))
            return false;
        q.addBindValue(txid);
        q.addBindValue(seq);
        q.addBindValue(m_settings.pullPage);
        if (!q.exec())
            return centralError(report, q.lastError(), tr("Receiving changes failed"));
        QList<Entry> entries;
        QString nextTxid;
        qint64 nextSeq = 0;
        while (q.next()) {
            const QString op = q.value(3).toString();
            if (op == QLatin1String("W")) {
                nextTxid = q.value(0).toString();
                nextSeq = q.value(1).toLongLong();
                continue;
            }
            entries.append({q.value(2).toString(), op.at(0), q.value(4).toLongLong(),
                            q.value(5).toLongLong(), q.value(6).toString()});
        }
        if (q.lastError().isValid())
            return centralError(report, q.lastError(), tr("Receiving changes failed"));
        q.finish();
        if (nextTxid.isEmpty()) {
            report.error = tr("The central store sent a page of changes without its cursor.");
            return false;
        }
        if (entries.isEmpty() && nextTxid == txid && nextSeq == seq)
            break; // nothing new, not even the watermark
        if (!m_cache.beginImmediate())
            return cacheError(report, m_cache.errorString());
        // The page's search entries are written at its end, one statement per search table.
        m_cache.deferSearch(true);
        const auto undefer = qScopeGuard([this] { m_cache.deferSearch(false); });
        // Rows of one page may arrive child first (a video before its new game in another
        // transaction of the same page): keys are checked at commit.
        if (!execSql(db, QStringLiteral("PRAGMA defer_foreign_keys = ON"), &error))
            return cacheError(report, error);
        QSet<QString> touched;
        for (const Entry &e : std::as_const(entries)) {
            const bool removed = e.op == QLatin1Char('D');
            if (removed ? !writer.remove(e.tbl, e.pk1, e.pk2, &error)
                        : !writer.upsert(e.tbl, parseObject(e.data), false, &error))
                return cacheError(report, error);
            if (!outstandingKeys.isEmpty()) {
                const QString key = e.tbl == QLatin1String("videos")
                                        ? QStringLiteral("video_tags:%1").arg(e.pk1)
                                        : QStringLiteral("%1:%2").arg(e.tbl).arg(e.pk1);
                if (outstandingKeys.contains(key))
                    touched.insert(key);
            }
        }
        if (!touched.isEmpty() && !replay(db, outstanding, &touched, xid(nextTxid), &error))
            return cacheError(report, error);
        if (!m_cache.flushSearch())
            return cacheError(report, m_cache.errorString());
        if (!setState(db, QStringLiteral("cursor_txid"), nextTxid, &error) ||
            !setState(db, QStringLiteral("cursor_seq"), nextSeq, &error))
            return cacheError(report, error);
        if (!m_cache.commit())
            return cacheError(report, m_cache.errorString());
        report.pulled += entries.size();
        txid = nextTxid;
        seq = nextSeq;
        if (progress)
            progress(Stage::Pulling, report.pulled, 0);
        if (entries.size() < m_settings.pullPage)
            break;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Write checkpoints
// ---------------------------------------------------------------------------------------------

bool SyncEngine::confirm(Report &report, const Progress &progress)
{
    const QSqlDatabase db = m_cache.database();
    const QString cursorText = stateValue(db, QStringLiteral("cursor_txid"));
    const quint64 cursor = xid(cursorText);
    QString error;
    // The pull has passed the transaction that applied the operation: the rows it pulled
    // include the operation's effect (and the pull no longer replayed it), so it is done.
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "UPDATE outbox SET state = 'applied', updated_at = ? WHERE state = 'sent' AND "
            "json_extract(result, '$.status') = 'applied' AND "
            "CAST(checkpoint_txid AS INTEGER) < CAST(? AS INTEGER)"));
        q.addBindValue(QDateTime::currentSecsSinceEpoch());
        q.addBindValue(cursorText);
        if (!q.exec())
            return cacheError(report, q.lastError().text());
        report.confirmed += q.numRowsAffected();
    }
    // The others (change requests waiting for review): their overlay goes, the rows become
    // central's again.
    QStringList due;
    QStringList keys;
    QSet<QString> keySet;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral(
                "SELECT op_id, kind, payload, checkpoint_txid FROM outbox WHERE state = 'sent'")))
            return cacheError(report, q.lastError().text());
        while (q.next()) {
            if (xid(q.value(3).toString()) >= cursor)
                continue;
            due.append(q.value(0).toString());
            const QString key =
                LocalOps::key(q.value(1).toString(), parseObject(q.value(2).toString()));
            if (!key.isEmpty() && !keySet.contains(key)) {
                keySet.insert(key);
                keys.append(key);
            }
        }
    }
    if (due.isEmpty())
        return true;
    if (progress)
        progress(Stage::Confirming, 0, due.size());
    Refresh refresh;
    if (!fetchRefresh(central(), keys, &refresh, &error)) {
        report.error = error;
        report.retry = true;
        return false;
    }
    if (!settle(m_cache, due, QStringLiteral("applied"), {}, refresh, &error))
        return cacheError(report, error);
    report.confirmed += int(due.size());
    return true;
}

// Metrics (supervisors, product managers, admins): saved reports out, aggregates in. An
// editor's cache holds none (a role taken away takes them away).
bool SyncEngine::syncMetrics(Report &report, const Identity &identity)
{
    MetricsSync metrics(m_cache, central(), identity.storeId + QLatin1Char('/') + identity.user);
    const bool reads = identity.role == QLatin1String("supervisor") ||
                       identity.role == QLatin1String("pm") ||
                       identity.role == QLatin1String("admin");
    if (identity.schema < 9)
        return true; // an older central store has no metrics to sync
    MetricsSync::Result result;
    if (reads ? metrics.run(&result) : metrics.clear()) {
        report.metricRows = result.rows;
        report.metricsChanged = result.changed;
        return true;
    }
    if (metrics.centralError().isValid())
        return centralError(report, metrics.centralError(), tr("Receiving the metrics failed"));
    return cacheError(report, metrics.errorString());
}

// Levels (every role): ladders, creators' levels and metrics, the distribution per day.
bool SyncEngine::syncLevels(Report &report, const Identity &identity)
{
    if (identity.schema < 13)
        return true; // an older central store has no levels
    // Editors see levels, not the metrics behind them (central grants them no more).
    LevelsSync levels(m_cache, central(), identity.storeId + QLatin1Char('/') + identity.user,
                      identity.role != QLatin1String("editor"));
    LevelsSync::Result result;
    if (levels.run(&result)) {
        report.levelRows = result.rows;
        report.levelsChanged = result.changed;
        return true;
    }
    if (levels.centralError().isValid())
        return centralError(report, levels.centralError(), tr("Receiving the levels failed"));
    return cacheError(report, levels.errorString());
}

bool SyncEngine::copyRequests(Report &report)
{
    // A cache copied before change requests were synced (schema 3) gets them once; the pulls
    // that follow keep them current (row versions decide between the two).
    const QSqlDatabase db = m_cache.database();
    if (stateValue(db, QStringLiteral("copy_requests")).isEmpty())
        return true;
    QSqlQuery central(this->central());
    central.setForwardOnly(true);
    if (!central.exec(QStringLiteral(
            "SELECT to_jsonb(x)::text FROM coulisse.change_requests x ORDER BY x.seq")))
        return centralError(report, central.lastError(), tr("Reading change requests failed"));
    if (!m_cache.beginImmediate())
        return cacheError(report, m_cache.errorString());
    CentralRows::Writer writer(db);
    QString error;
    while (central.next()) {
        if (!writer.upsert(QStringLiteral("change_requests"),
                           parseObject(central.value(0).toString()), false, &error)) {
            m_cache.rollback();
            return cacheError(report, error);
        }
    }
    if (!execSql(db, QStringLiteral("DELETE FROM sync_state WHERE key = 'copy_requests'"),
                 &error) ||
        !m_cache.commit()) {
        m_cache.rollback();
        return cacheError(report, error.isEmpty() ? m_cache.errorString() : error);
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Review outcomes
// ---------------------------------------------------------------------------------------------

bool SyncEngine::pruneOutbox(Report &report)
{
    const QSqlDatabase db = m_cache.database();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    // Once a day is enough, and keeps the idle sync to its few queries.
    if (now - stateValue(db, QStringLiteral("outbox_pruned_at")).toLongLong() < 86400)
        return true;
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "DELETE FROM outbox WHERE state IN ('applied', 'discarded') AND updated_at < ? AND NOT "
        "(state = 'applied' AND json_extract(result, '$.status') = 'pending' AND "
        "json_extract(result, '$.review') IS NULL)"));
    q.addBindValue(now - qint64(m_settings.keepSettledDays) * 86400);
    if (!q.exec())
        return cacheError(report, q.lastError().text());
    report.prunedOps = q.numRowsAffected();
    QString error;
    if (!setState(db, QStringLiteral("outbox_pruned_at"), now, &error))
        return cacheError(report, error);
    return true;
}

bool SyncEngine::reviewOutcomes(Report &report)
{
    // This cache's change requests still waiting for a supervisor, as far as it knows. The
    // decision (and the reviewer's comment) is kept in the operation's result: the editor sees
    // it where they work. An approved change reaches the rows through the pull.
    const QSqlDatabase db = m_cache.database();
    QStringList waiting;
    {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT op_id FROM outbox WHERE state = 'applied' AND "
                                   "json_extract(result, '$.status') = 'pending' AND "
                                   "json_extract(result, '$.review') IS NULL LIMIT 5000")))
            return cacheError(report, q.lastError().text());
        while (q.next())
            waiting.append(q.value(0).toString());
    }
    if (waiting.isEmpty())
        return true;
    QSqlQuery central(this->central());
    central.setForwardOnly(true);
    central.prepare(QStringLiteral(
        "SELECT id::text, status, review_comment, coalesce(reviewed_by, ''), "
        "coalesce(floor(extract(epoch FROM reviewed_at))::bigint, 0) FROM coulisse.change_requests "
        "WHERE id = ANY (?::uuid[]) AND status <> 'pending'"));
    central.addBindValue(QLatin1Char('{') + waiting.join(QLatin1Char(',')) + QLatin1Char('}'));
    if (!central.exec())
        return centralError(report, central.lastError(), tr("Reading review decisions failed"));
    struct Decision
    {
        QString op, status, comment, by;
        qint64 at;
    };
    QList<Decision> decisions;
    while (central.next())
        decisions.append({central.value(0).toString(), central.value(1).toString(),
                          central.value(2).toString(), central.value(3).toString(),
                          central.value(4).toLongLong()});
    if (decisions.isEmpty())
        return true;
    if (!m_cache.beginImmediate())
        return cacheError(report, m_cache.errorString());
    QSqlQuery update(db);
    update.prepare(QStringLiteral(
        "UPDATE outbox SET result = json_set(result, '$.review', json_object('status', ?, "
        "'comment', ?, 'by', ?, 'at', ?)), updated_at = ? WHERE op_id = ?"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    for (const Decision &d : std::as_const(decisions)) {
        for (const QVariant &v : QVariantList{d.status, d.comment, d.by, d.at, now, d.op})
            update.addBindValue(v);
        if (!update.exec()) {
            const QString message = update.lastError().text();
            m_cache.rollback();
            return cacheError(report, message);
        }
    }
    if (!m_cache.commit())
        return cacheError(report, m_cache.errorString());
    report.reviewed += int(decisions.size());
    return true;
}
