#pragma once

#include "syncpart.h"

#include <QCoreApplication>

/// The levels half of a sync (cache schema 5, central schema 13): brings the cache's ladder
/// versions, creators' levels and metrics, and the distribution per day level with central's,
/// for every role (the Users page shows levels; the what-if preview works offline).
///
/// The cache keeps the id of the newest level refresh it holds (coulisse.level_refreshes: a
/// refresh, a ladder saved or decided, a backfill). When central has newer ones, the cache takes
/// the creators' rows those wrote and the small tables whole, in one cache transaction read from
/// one central snapshot; when rows left central (or the first time) it takes every row. Nothing
/// new costs one small query.
///
/// Editors take levels without the metrics behind them and without the distribution (central
/// grants them no more); a cache that changes between the two takes everything again.
/// Creators' rows are kept whether or not the cache has their user yet (a scope still being
/// copied): readers join them to users.
class LevelsSync : public SyncPart
{
    Q_DECLARE_TR_FUNCTIONS(LevelsSync)

public:
    struct Result
    {
        bool changed = false;
        bool full = false;
        qint64 rows = 0; ///< creators' rows written
    };

    /// \a owner names the store and user the cache mirrors: another owner's levels are dropped.
    /// \a figures: the metrics and the distribution too (every role but editors).
    LevelsSync(CacheDatabase &cache, const QSqlDatabase &central, const QString &owner,
               bool figures = true);

    bool run(Result *result);
    bool clear();

private:
    bool pull(Result *result);

    bool m_figures = true;
};
