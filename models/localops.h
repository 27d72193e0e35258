#pragma once

#include <QJsonObject>
#include <QList>
#include <QSqlDatabase>
#include <QString>

/// The effect of an outbox operation on the cached rows: the optimistic overlay that the
/// cache shows until central confirms or refuses the operation. CacheEditor applies it when
/// the user edits; the sync engine applies it again after refreshing rows from central, for
/// the operations central has not confirmed yet.
///
/// Kinds: video_tags {video_id, add[], remove[]}, game_tags {game_id, add[], remove[]},
/// tag_update {tag_id, name?, name_en?, aliases?, status?}, game_update {game_id, name?,
/// name_en?, aliases?, introduction?, developer?, released?, status?}. Creations (tag_create,
/// game_create) have no overlay: the row appears when central has given it an id.
class LocalOps
{
public:
    /// What an operation changes: "video_tags:12" (the tag set of video 12), "game_tags:3",
    /// "tags:5" (tag 5's row), "games:7"; empty when the kind has no overlay.
    static QString key(const QString &kind, const QJsonObject &payload);

    /// Applies the overlay inside the caller's transaction. Idempotent.
    static bool apply(const QSqlDatabase &db, const QString &kind, const QJsonObject &payload,
                      QString *error);

    /// Makes \a tags the tag set of video or game \a owner (\a kind video_tags or game_tags),
    /// as central holds it, inside the caller's transaction. Tags or owners missing from the
    /// cache are skipped, as for an overlay.
    static bool replaceTagSet(const QSqlDatabase &db, const QString &kind, qint64 owner,
                              const QList<qint64> &tags, QString *error);
};
