#include "derivedcounts.h"

#include <algorithm>
#include <sqlite3.h>
#include <unordered_map>
#include <utility>
#include <vector>

namespace {

using Tally = std::vector<std::pair<qint64, qint64>>; ///< (id, count), ascending ids
using Counts = std::unordered_map<qint64, qint64>;

/// A prepared statement finalized on every way out.
class Statement
{
public:
    ~Statement() { sqlite3_finalize(m_statement); }
    bool prepare(sqlite3 *db, const QByteArray &sql, QString *error)
    {
        if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &m_statement, nullptr) ==
            SQLITE_OK)
            return true;
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        return false;
    }
    sqlite3_stmt *get() const { return m_statement; }

private:
    sqlite3_stmt *m_statement = nullptr;
};

bool stepFailed(sqlite3 *db, int rc, QString *error)
{
    if (rc == SQLITE_DONE)
        return false;
    *error = QString::fromUtf8(sqlite3_errmsg(db));
    return true;
}

Tally sorted(const Counts &counts)
{
    Tally tally(counts.begin(), counts.end());
    std::sort(tally.begin(), tally.end());
    return tally;
}

/// One count per row for each column of \a sql (its N columns feed counts[0..N-1]); NULL keys
/// count nowhere. A single sequential pass, whatever indexes exist.
bool countColumns(sqlite3 *db, const QByteArray &sql, std::vector<Counts *> counts, QString *error)
{
    Statement s;
    if (!s.prepare(db, sql, error))
        return false;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
        for (size_t c = 0; c < counts.size(); ++c) {
            if (sqlite3_column_type(s.get(), int(c)) != SQLITE_NULL)
                ++(*counts[c])[sqlite3_column_int64(s.get(), int(c))];
        }
    }
    return !stepFailed(db, rc, error);
}

/// The video tags in their primary key's order (no sort): the tags of each video come
/// together, which counts them without a hash; the tags' counts go into \a byTag.
bool countVideoTags(sqlite3 *db, Tally *byVideo, Counts *byTag, QString *error)
{
    Statement s;
    if (!s.prepare(db, "SELECT video_id, tag_id FROM video_tags ORDER BY video_id", error))
        return false;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
        const qint64 video = sqlite3_column_int64(s.get(), 0);
        if (byVideo->empty() || byVideo->back().first != video)
            byVideo->emplace_back(video, 0);
        ++byVideo->back().second;
        ++(*byTag)[sqlite3_column_int64(s.get(), 1)];
    }
    return !stepFailed(db, rc, error);
}

/// The rows of \a table whose \a column differs from \a tally (0 for ids it lacks), with the
/// value they should hold: the table in id order merged with the tally.
bool differing(sqlite3 *db, const char *table, const char *column, const Tally &tally, Tally *diffs,
               QString *error)
{
    Statement s;
    if (!s.prepare(db, QByteArray("SELECT id, ") + column + " FROM " + table + " ORDER BY id",
                   error))
        return false;
    auto it = tally.begin();
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
        const qint64 id = sqlite3_column_int64(s.get(), 0);
        while (it != tally.end() && it->first < id)
            ++it;
        const qint64 expected = it != tally.end() && it->first == id ? it->second : 0;
        if (sqlite3_column_int64(s.get(), 1) != expected)
            diffs->emplace_back(id, expected);
    }
    return !stepFailed(db, rc, error);
}

struct Column
{
    const char *table;
    const char *column;
    Tally tally;
};

/// Every derived count as the catalogue rows give it.
bool tallies(sqlite3 *db, std::vector<Column> *columns, QString *error)
{
    Tally tagCounts;
    Counts byGame;
    Counts byUploader;
    Counts byTag;
    if (!countVideoTags(db, &tagCounts, &byTag, error) ||
        !countColumns(db, "SELECT game_id, uploader_id FROM videos", {&byGame, &byUploader},
                      error) ||
        !countColumns(db, "SELECT tag_id FROM game_tags", {&byTag}, error))
        return false;
    columns->push_back({"videos", "tag_count", std::move(tagCounts)});
    columns->push_back({"games", "video_count", sorted(byGame)});
    columns->push_back({"users", "video_count", sorted(byUploader)});
    columns->push_back({"tags", "usage_count", sorted(byTag)});
    return true;
}

} // namespace

bool DerivedCounts::rebuild(sqlite3 *db, QString *error)
{
    std::vector<Column> columns;
    if (!tallies(db, &columns, error))
        return false;
    for (const Column &c : columns) {
        // Read first, then write: no update runs under the open read of the same table.
        Tally diffs;
        if (!differing(db, c.table, c.column, c.tally, &diffs, error))
            return false;
        if (diffs.empty())
            continue;
        Statement update;
        if (!update.prepare(
                db, QByteArray("UPDATE ") + c.table + " SET " + c.column + " = ?1 WHERE id = ?2",
                error))
            return false;
        for (const auto &[id, value] : diffs) {
            sqlite3_bind_int64(update.get(), 1, value);
            sqlite3_bind_int64(update.get(), 2, id);
            if (stepFailed(db, sqlite3_step(update.get()), error))
                return false;
            sqlite3_reset(update.get());
        }
    }
    return true;
}

bool DerivedCounts::check(sqlite3 *db, QList<Mismatch> *mismatches, QString *error)
{
    std::vector<Column> columns;
    if (!tallies(db, &columns, error))
        return false;
    for (const Column &c : columns) {
        Tally diffs;
        if (!differing(db, c.table, c.column, c.tally, &diffs, error))
            return false;
        if (!diffs.empty())
            mismatches->append(
                {QString::fromLatin1(c.table) + QLatin1Char('.') + QString::fromLatin1(c.column),
                 qint64(diffs.size())});
    }
    return true;
}
