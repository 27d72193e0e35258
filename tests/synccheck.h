#pragma once

#include <QSqlDatabase>
#include <QString>

class CacheDatabase;
class TestStore;

/// Helpers of the sync tests: a seeded central store and the comparison of a cache with it.
namespace SyncCheck {

/// Loads the demo catalogue (\a videos videos) into \a store's empty central store. Returns an
/// error message, empty when done.
QString seed(TestStore &store, qint64 videos, quint64 seed = 7);

/// Compares every synced table of \a cache with what \a central (a connection as the cache's
/// user: row-level security gives that user's scope) holds. Empty when they are equal,
/// otherwise the first difference.
QString compare(CacheDatabase &cache, const QSqlDatabase &central);

/// PRAGMA integrity_check and derived data of the cache; empty when healthy.
QString health(CacheDatabase &cache);

} // namespace SyncCheck
