#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>

/// Tag suggestions for a video, computed from the cache alone (offline). A tag that applies to
/// the video (active, of the general library or of its game's library, not on the video yet)
/// scores from three sources:
///   - its name, English name or an alias appears in the title;
///   - it co-occurs with the video's current tags within the same game, ranked by lift
///     (how much more often than chance), shrunk towards zero for rare pairs, so a tag that is
///     merely everywhere does not win;
///   - it is among the game's most used tags (a small prior, the whole score of an untagged
///     video without a telling title).
/// The statistics of a game are read once (all its videos' tags) and kept until invalidate().
class TagRecommender
{
    Q_DECLARE_TR_FUNCTIONS(TagRecommender)

public:
    enum Reason { InTitle = 0x1, GoesWith = 0x2, Popular = 0x4 };
    Q_DECLARE_FLAGS(Reasons, Reason)

    struct Suggestion
    {
        qint64 tagId = 0;
        QString name;
        double score = 0;
        Reasons reasons;
        qint64 goesWith = 0; ///< the current tag it co-occurs with most (GoesWith)
    };

    /// What is known of the video to suggest for.
    struct Video
    {
        qint64 gameId = 0;
        QString title;
        QList<qint64> tags;
        /// Leave-one-out: tags of this video are taken out of the game's statistics first
        /// (the video's own tags as the cache holds them), so that an evaluation does not see
        /// the answer.
        qint64 excludeVideo = 0;
        QList<qint64> excludeTags;
        /// Rank by popularity in the game only (a baseline for evaluate()).
        bool popularityOnly = false;
    };

    explicit TagRecommender(const QSqlDatabase &db);
    ~TagRecommender();

    /// Suggestions for a cached video (its game, title and tags as the cache holds them).
    QList<Suggestion> recommend(qint64 videoId, int limit = 9);
    QList<Suggestion> recommend(const Video &video, int limit = 9);

    /// Drops the statistics of a game (0: of all games), e.g. after the cache changed.
    void invalidate(qint64 gameId = 0);

    /// Held-out evaluation on the cache's own tagged videos (a deterministic sample of
    /// videos with at least two tags, each left out of the statistics while it is scored).
    struct Evaluation
    {
        int videos = 0;
        /// One tag of each video hidden, the others kept: share of videos whose hidden tag
        /// is the first suggestion, among the first three, among the first five.
        double oneHiddenAt1 = 0;
        double oneHiddenAt3 = 0;
        double oneHiddenAt5 = 0;
        /// All tags hidden (a video of the editors' queue, only its title and game known):
        /// precision of the first three suggestions, recall of the first five.
        double untaggedPrecisionAt3 = 0;
        double untaggedRecallAt5 = 0;
        /// The same "one hidden, among the first five" ranking by popularity in the game only.
        double popularityOnlyAt5 = 0;
    };
    Evaluation evaluate(int videos);

    /// A short text for a suggestion's reasons ("in the title", "often with 教程").
    QString explain(const Suggestion &suggestion) const;

    QString errorString() const { return m_error; }

private:
    struct Game;
    const Game *game(qint64 gameId);

    QSqlDatabase m_db;
    QHash<qint64, std::shared_ptr<Game>> m_games;
    QHash<qint64, QString> m_names; ///< tag names for explain()
    QString m_error;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(TagRecommender::Reasons)
