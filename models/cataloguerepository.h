#pragma once

#include "tagexpression.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

/// Read access to the cache for the detail panes and filters: single rows by key and small
/// lists. Queries here are indexed lookups; the big tables go through the lazy models.
class CatalogueRepository
{
    Q_DECLARE_TR_FUNCTIONS(CatalogueRepository)

public:
    struct TagRef
    {
        qint64 id = 0;
        QString name;
        QString nameEn;
        QString groupKind; ///< dimension, general, category
        QString groupCode; ///< dimension code or category code
        QString status;
        qint64 uses = 0;
        QString gameName; ///< the game of a dedicated library's tag
        QString gameNameEn;
    };

    struct GameRef
    {
        qint64 id = 0;
        QString name;
        QString nameEn;
    };

    struct VideoDetail
    {
        qint64 id = 0;
        QString title;
        qint64 gameId = 0;
        QString gameName;
        QString gameNameEn;
        qint64 uploaderId = 0;
        QString uploader;
        QString source;
        int durationSeconds = 0;
        qint64 publishedAt = 0;
        bool featured = false;
        qint64 plays = 0;
        qint64 rowVersion = 0;
        QList<TagRef> tags;
    };

    struct GameDetail
    {
        qint64 id = 0;
        QString name;
        QString nameEn;
        QStringList aliases;
        QString introduction;
        QString developer;
        int released = 0;
        QString status;
        qint64 videos = 0;
        QList<TagRef> gameTags;                       ///< by dimension
        QList<TagRef> libraryTags;                    ///< the dedicated library, most used first
        QList<QPair<QString, qint64>> videosPerMonth; ///< "yyyy-MM", count (project time zone)
    };

    struct TagDetail
    {
        qint64 id = 0;
        QString name;
        QString nameEn;
        QStringList aliases;
        QString status;
        qint64 uses = 0;
        qint64 groupId = 0;
        QString groupKind;
        QString groupCode;
        QString groupName;
        QString groupNameEn;
        QString libraryName; ///< the game of a dedicated library's category
        QString libraryNameEn;
        qint64 createdAt = 0;
        QList<GameRef> games; ///< games carrying a game tag
    };

    struct UserDetail
    {
        qint64 id = 0;
        QString nickname;
        QString kind;
        qint64 registeredAt = 0;
        QString channel;
        QString platform;
        QString deviceModel;
        QString os;
        int level = 0;
        bool vip = false;
        qint64 videos = 0;
        qint64 plays = 0;
        QList<QPair<qint64, QString>> recentVideos; ///< id, title
        /// A creator's growth level (-1: none synced), progress towards the next, their
        /// metrics (JSON) and the ladder version (JSON) that placed them.
        int creatorLevel = -1;
        double levelProgress = 0;
        QString levelStats;
        QString ladder;
    };

    struct Totals
    {
        qint64 videos = 0;
        qint64 games = 0;
        qint64 tags = 0;
        qint64 users = 0;
        qint64 untagged = 0;
    };

    explicit CatalogueRepository(QSqlDatabase db);

    QString errorString() const { return m_error; }

    std::optional<VideoDetail> video(qint64 id);
    std::optional<GameDetail> game(qint64 id);
    std::optional<TagDetail> tag(qint64 id);
    std::optional<UserDetail> user(qint64 id);

    QList<GameRef> games();
    /// Every tag with the label of its group, for completion ("亚索 — 英雄联盟 · 角色").
    QList<TagRef> allTags();
    /// Active tags that may go on a video of \a gameId (the general library and the game's
    /// library), most used first, each with its aliases.
    QList<TagRef> usableTags(qint64 gameId, QHash<qint64, QStringList> *aliases = nullptr);

    /// Where a user's latest tag edit of a video stands (from the outbox).
    struct ChangeState
    {
        enum Kind {
            None,
            Waiting,
            PendingApproval,
            Applied,
            Approved,
            Refused,
            Rejected,
            Conflict
        };
        Kind kind = None;
        /// Rejected or Conflict: the reason; Approved or Refused (by a reviewer): the
        /// reviewer's comment.
        QString detail;
        QString reviewer;
    };
    ChangeState videoChangeState(qint64 videoId);

    /// One change request of the review queue, as a before/after the reviewer can judge.
    struct ReviewDetail
    {
        struct Chip
        {
            qint64 id = 0;
            QString name; ///< "#id" for a tag the cache no longer has
            QString status;
            bool present = false; ///< the video or game carries it already
        };
        struct Field
        {
            QString field;
            QString before;
            QString after;
        };
        qint64 seq = 0;
        QString id;
        QString kind;
        QString author;
        qint64 requestedAt = 0;
        QString note;
        QString status;
        QString reviewer;
        qint64 reviewedAt = 0;
        QString comment;
        QString gameName;
        QString target;
        QString conflict; ///< ReviewTableModel::conflictExpression()'s code
        QVariant queued;  ///< the decision queued in this cache (bool), null when none
        QList<Chip> added;
        QList<Chip> removed;
        QList<Field> fields;
        QString mergeInto;
    };
    std::optional<ReviewDetail> reviewRequest(qint64 seq);
    /// Authors with requests in the cache, and the number still waiting for a decision made
    /// by someone other than \a user.
    QStringList reviewAuthors();
    int reviewWaiting(const QString &user);

    /// Parses a tag expression and looks its names up (see TagExpression); false with
    /// \a error set when it is not valid or names a tag the cache does not have.
    bool tagExpression(const QString &text, TagExpression *expression, TagExpression::Error *error);
    std::optional<Totals> totals();

private:
    bool check(bool ok, const class QSqlQuery &q);

    QSqlDatabase m_db;
    QString m_error;
};
