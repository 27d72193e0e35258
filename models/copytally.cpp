#include "copytally.h"

#include <sqlite3.h>

CopyTally::Kind CopyTally::kindOf(const QString &table)
{
    if (table == QLatin1String("video_tags"))
        return Kind::VideoTags;
    if (table == QLatin1String("game_tags"))
        return Kind::GameTags;
    if (table == QLatin1String("videos"))
        return Kind::Videos;
    return Kind::None;
}

void CopyTally::begin(Kind kind, bool whole)
{
    switch (kind) {
    case Kind::VideoTags:
        m_videoTags = {whole, false};
        m_tagsOfVideo.clear();
        m_cursor = 0;
        break;
    case Kind::GameTags:
        m_gameTags = {whole, false};
        break;
    case Kind::Videos:
        m_videos = {whole, false};
        m_videosOfGame.clear();
        m_videosOfUser.clear();
        break;
    case Kind::None:
        break;
    }
}

void CopyTally::end(Kind kind)
{
    switch (kind) {
    case Kind::VideoTags:
        m_videoTags.done = true;
        break;
    case Kind::GameTags:
        m_gameTags.done = true;
        break;
    case Kind::Videos:
        m_videos.done = true;
        break;
    case Kind::None:
        break;
    }
}

void CopyTally::addVideoTag(qint64 video, qint64 tag)
{
    if (m_tagsOfVideo.empty() || m_tagsOfVideo.back().first != video)
        m_tagsOfVideo.emplace_back(video, 0);
    ++m_tagsOfVideo.back().second;
    ++m_usesOfTag[tag];
}

void CopyTally::addGameTag(qint64 tag)
{
    ++m_usesOfTag[tag];
}

void CopyTally::addVideo(qint64 game, qint64 uploader)
{
    ++m_videosOfGame[game];
    if (uploader != 0)
        ++m_videosOfUser[uploader];
}

qint64 CopyTally::tagCountOf(qint64 video)
{
    while (m_cursor < m_tagsOfVideo.size() && m_tagsOfVideo[m_cursor].first < video)
        ++m_cursor;
    return m_cursor < m_tagsOfVideo.size() && m_tagsOfVideo[m_cursor].first == video
               ? m_tagsOfVideo[m_cursor].second
               : 0;
}

bool CopyTally::complete() const
{
    for (const Table &t : {m_videoTags, m_gameTags, m_videos}) {
        if (!t.whole || !t.done)
            return false;
    }
    return true;
}

bool CopyTally::write(sqlite3 *db, QString *error) const
{
    const std::pair<const char *, const std::unordered_map<qint64, qint64> *> columns[] = {
        {"UPDATE games SET video_count = ?1 WHERE id = ?2", &m_videosOfGame},
        {"UPDATE users SET video_count = ?1 WHERE id = ?2", &m_videosOfUser},
        {"UPDATE tags SET usage_count = ?1 WHERE id = ?2", &m_usesOfTag},
    };
    for (const auto &[sql, counts] : columns) {
        sqlite3_stmt *update = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &update, nullptr) != SQLITE_OK) {
            *error = QString::fromUtf8(sqlite3_errmsg(db));
            return false;
        }
        for (const auto &[id, n] : *counts) {
            sqlite3_bind_int64(update, 1, n);
            sqlite3_bind_int64(update, 2, id);
            if (sqlite3_step(update) != SQLITE_DONE) {
                *error = QString::fromUtf8(sqlite3_errmsg(db));
                sqlite3_finalize(update);
                return false;
            }
            sqlite3_reset(update);
        }
        sqlite3_finalize(update);
    }
    return true;
}
