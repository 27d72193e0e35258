#include "levelssync.h"

#include "cachedatabase.h"
#include "syncstate.h"

#include <QSqlQuery>
#include <QVariant>

namespace {

const char *const kTables[] = {"level_ladders", "creator_levels", "level_distribution",
                               "level_refreshes"};

const RowCopier::Table kLadders{
    "SELECT version, ladder::text, note, state, created_by, "
    "extract(epoch FROM created_at)::bigint, coalesce(decided_by, ''), "
    "extract(epoch FROM decided_at)::bigint, extract(epoch FROM activated_at)::bigint, "
    "decision_note FROM coulisse.level_ladders",
    "INSERT INTO level_ladders (version, ladder, note, state, created_by, created_at, decided_by, "
    "decided_at, activated_at, decision_note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "ittttitiit"};
const RowCopier::Table kDistribution{
    "SELECT day::text, ladder_version, level, creators FROM coulisse.level_distribution",
    "INSERT INTO level_distribution (day, ladder_version, level, creators) VALUES (?, ?, ?, ?)",
    "tiii"};
const RowCopier::Table kRefreshes{
    "SELECT id, kind, extract(epoch FROM at)::bigint, by_user, as_of::text, ladder_version, "
    "creators, changed FROM coulisse.level_refreshes",
    "INSERT INTO level_refreshes (id, kind, at, by_user, as_of, ladder_version, creators, "
    "changed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "itittiii"};
const RowCopier::Table kLevels{
    "SELECT user_id, level, progress, ladder_version, stats::text FROM coulisse.creator_levels",
    "INSERT OR REPLACE INTO creator_levels (user_id, level, progress, ladder_version, stats) "
    "VALUES (?, ?, ?, ?, ?)",
    "iirit"};
// What an editor may read: the level without the metrics.
const RowCopier::Table kLevelsOnly{
    "SELECT user_id, level, progress, ladder_version, '{}' FROM coulisse.creator_levels",
    kLevels.insert, kLevels.types};

} // namespace

LevelsSync::LevelsSync(CacheDatabase &cache, const QSqlDatabase &central, const QString &owner,
                       bool figures)
    : SyncPart(cache, central, figures ? owner : owner + QStringLiteral("/levels-only"))
    , m_figures(figures)
{}

bool LevelsSync::clear()
{
    if (!m_cache.beginImmediate())
        return cache(m_cache.errorString());
    QSqlQuery q(m_cache.database());
    for (const char *t : kTables) {
        if (!q.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(t)))) {
            const QString error = q.lastError().text();
            m_cache.rollback();
            return cache(error);
        }
    }
    if (!q.exec(QStringLiteral("DELETE FROM sync_state WHERE key LIKE 'levels\\_%' ESCAPE '\\'"))) {
        const QString error = q.lastError().text();
        m_cache.rollback();
        return cache(error);
    }
    return m_cache.commit() || cache(m_cache.errorString());
}

bool LevelsSync::run(Result *result)
{
    *result = {};
    const QString cachedOwner =
        SyncState::stateValue(m_cache.database(), QStringLiteral("levels_owner"));
    if (!cachedOwner.isEmpty() && cachedOwner != m_owner && !clear())
        return false;
    return onSnapshot([this, result] { return pull(result); });
}

bool LevelsSync::pull(Result *result)
{
    const QSqlDatabase db = m_cache.database();
    QSqlQuery q(m_central);
    if (!q.exec(QStringLiteral("SELECT coalesce(max(id), 0), "
                               "coalesce(max(id) FILTER (WHERE full_sync), 0) "
                               "FROM coulisse.level_refreshes")) ||
        !q.next())
        return central(q.lastError());
    const qint64 newest = q.value(0).toLongLong();
    const qint64 lastFull = q.value(1).toLongLong();
    q.finish();
    const QString cursorText = SyncState::stateValue(db, QStringLiteral("levels_refresh"));
    const qint64 cursor = cursorText.toLongLong();
    if (!cursorText.isEmpty() && newest == cursor)
        return true;

    // Central started again from nothing (newest < cursor), rows left it, or the first time.
    const bool full = cursorText.isEmpty() || lastFull > cursor || newest < cursor;
    if (!m_cache.beginImmediate())
        return cache(m_cache.errorString());
    const auto fail = [this] {
        m_cache.rollback();
        return false;
    };
    QSqlQuery w(db);
    for (const char *t : kTables) {
        if ((full || qstrcmp(t, "creator_levels") != 0) &&
            !w.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1String(t))))
            return cache(w.lastError().text()) || fail();
    }
    RowCopier copier(m_central, db);
    qint64 small = 0;
    const QString after = full ? QString() : QStringLiteral(" WHERE refresh_id > %1").arg(cursor);
    const bool copied = copier.copy(kLadders, {}, &small) &&
                        (!m_figures || copier.copy(kDistribution, {}, &small)) &&
                        copier.copy(kRefreshes, {}, &small) &&
                        copier.copy(m_figures ? kLevels : kLevelsOnly, after, &result->rows);
    if (!copied) {
        if (copier.centralError().isValid())
            central(copier.centralError());
        else
            cache(copier.errorString());
        return fail();
    }
    QString error;
    for (const auto &[key, value] :
         {std::pair{QStringLiteral("levels_refresh"), QString::number(newest)},
          std::pair{QStringLiteral("levels_owner"), m_owner}}) {
        if (!SyncState::setState(db, key, value, &error))
            return cache(error) || fail();
    }
    if (!m_cache.commit())
        return cache(m_cache.errorString()) || fail();
    result->changed = true;
    result->full = full;
    return true;
}
