#pragma once

#include <QString>

#include <unordered_map>
#include <utility>
#include <vector>

struct sqlite3;

/// The derived counts of the catalogue, tallied from the rows an initial copy inserts, so that
/// the copy's last transaction need not read the tables again (DerivedCounts does, for a copy
/// that resumed). The copy takes the video tags before the videos: each video is inserted with
/// its tag_count; the counts of games, users and tags are written at the end.
///
/// The tally is exact only when this run inserted every row of video_tags, game_tags and videos
/// and nothing else wrote them (no edit was made during the copy): complete() says so.
class CopyTally
{
public:
    enum class Kind { None, VideoTags, GameTags, Videos };
    static Kind kindOf(const QString &table);

    /// A table's copy starts; \a whole when it starts from its first row.
    void begin(Kind kind, bool whole);
    /// Its last row went in.
    void end(Kind kind);

    void addVideoTag(qint64 video, qint64 tag);
    void addGameTag(qint64 tag);
    /// \a uploader 0: none.
    void addVideo(qint64 game, qint64 uploader);
    /// The video tags were copied whole in this run: tagCountOf() knows every video.
    bool hasTagCounts() const { return m_videoTags.whole && m_videoTags.done; }
    /// The tags of \a video; videos come in id order, as the video tags did.
    qint64 tagCountOf(qint64 video);

    /// Every tallied table copied whole in this run.
    bool complete() const;
    /// Writes games.video_count, users.video_count and tags.usage_count (rows copied with 0).
    bool write(sqlite3 *db, QString *error) const;

private:
    struct Table
    {
        bool whole = false;
        bool done = false;
    };
    Table m_videoTags;
    Table m_gameTags;
    Table m_videos;
    std::vector<std::pair<qint64, qint64>> m_tagsOfVideo; ///< (video, tags), ascending
    size_t m_cursor = 0;
    std::unordered_map<qint64, qint64> m_videosOfGame;
    std::unordered_map<qint64, qint64> m_videosOfUser;
    std::unordered_map<qint64, qint64> m_usesOfTag;
};
