#pragma once

#include "syncpart.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

class CacheDatabase;

/// The metrics half of a sync (cache schema 4, central schema 9): sends the user's saved
/// reports that changed offline, then brings the cache's aggregates, definitions, campaigns
/// and refresh history level with central's, so that the charts work offline.
///
/// The cache keeps the id of the newest refresh it holds. When central has newer ones, the
/// cache deletes the keys those refreshes cleared (coulisse.metric_cleared) and takes the rows
/// they wrote, in one cache transaction read from one central snapshot; after a full refresh
/// (or the first time) it takes everything. Nothing new costs one small query.
class MetricsSync : public SyncPart
{
    Q_DECLARE_TR_FUNCTIONS(MetricsSync)

public:
    struct Result
    {
        bool changed = false; ///< the aggregates or campaigns changed
        bool full = false;    ///< everything was taken again
        qint64 rows = 0;      ///< aggregate rows written
        int reportsSent = 0;
        int reportsReceived = 0;
    };

    /// \a owner names the store and user the cache mirrors: another owner's aggregates and
    /// reports are dropped first.
    MetricsSync(CacheDatabase &cache, const QSqlDatabase &central, const QString &owner);

    bool run(Result *result);
    /// Drops everything metric-related from the cache (an editor's cache holds none).
    bool clear();

private:
    bool pushReports(Result *result);
    bool pullReports(Result *result);
    bool pullAggregates(Result *result);
    bool replaceSmallTables();
    bool deleteCleared(qint64 after);
};
