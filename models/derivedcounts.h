#pragma once

#include <QList>
#include <QString>

struct sqlite3;

/// The cache's derived counts, computed from the catalogue rows in one sequential pass per
/// source table: videos.tag_count (rows in video_tags), games.video_count and
/// users.video_count (videos of the game, uploaded by the user) and tags.usage_count (videos
/// and games carrying the tag). No pass needs a secondary index or sorts a large table, so the
/// counts are right as soon as an initial copy's rows are in, before its indexes are built
/// (SQLite's GROUP BY on an unindexed column sorts every row: 8 s for five million video tags).
/// The derived_* triggers keep the counts in step afterwards.
class DerivedCounts
{
public:
    struct Mismatch
    {
        QString column; ///< "videos.tag_count"
        qint64 rows = 0;
    };

    /// Writes every count that differs (inside the caller's transaction); a healthy cache is
    /// left unchanged.
    static bool rebuild(sqlite3 *db, QString *error);
    /// The counts that differ, per column (empty when all are right). Reads only.
    static bool check(sqlite3 *db, QList<Mismatch> *mismatches, QString *error);
};
