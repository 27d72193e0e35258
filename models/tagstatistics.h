#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>

/// The tag statistics of a cache, computed in SQL (a few seconds on a million videos: run it
/// off the GUI thread, on a connection of its own): how much of the catalogue is tagged, how
/// many optional tags videos carry, how uses spread over tags (Pareto), how often each kind of
/// library is used overall and per game, which tags nobody uses and which retired tags are
/// still in use. "Optional" tags are all but the game's default tags.
class TagStatistics
{
    Q_DECLARE_TR_FUNCTIONS(TagStatistics)

public:
    struct TagUse
    {
        qint64 id = 0;
        QString name;
        QString nameEn;
        QString groupKind;
        QString groupCode;
        QString gameName;
        QString gameNameEn;
        qint64 uses = 0;
    };
    struct CategoryRate
    {
        QString code;      ///< general, default, character, item, mode
        qint64 videos = 0; ///< videos carrying at least one tag of this kind
    };
    struct GameRate
    {
        qint64 id = 0;
        QString name;
        QString nameEn;
        qint64 videos = 0;
        qint64 tagged = 0;
        double tagsPerVideo = 0;
    };

    qint64 videos = 0;
    qint64 tagged = 0;
    /// optionalTags[n]: videos with n optional tags (the last entry: that many or more).
    QList<qint64> optionalTags;
    /// Video tags (general and games' libraries) by uses, most used first.
    QList<TagUse> uses;
    QList<CategoryRate> categories;
    QList<GameRate> games;
    QList<TagUse> unused;       ///< active, on nothing
    QList<TagUse> retiredInUse; ///< retired, still on videos or games

    /// Reads everything from \a db; false with \a error set on a database error.
    bool compute(const QSqlDatabase &db, QString *error);

    /// Share of all uses held by the most used \a share of the tags (0..1 each), e.g. how
    /// much the top fifth of the tags carries.
    double topShare(double share) const;

    static constexpr int kHistogramMax = 8;
};
