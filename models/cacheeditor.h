#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>

class CacheDatabase;

/// Records a user's edits in the cache: the optimistic change to the cached rows and its
/// outbox operation, in one BEGIN IMMEDIATE transaction (sync.md). Nothing waits for the
/// network; the sync engine sends the outbox later. The app and `coulisse-cli tag` use it, so
/// a scripted edit is exactly an edit made in the window.
class CacheEditor
{
    Q_DECLARE_TR_FUNCTIONS(CacheEditor)

public:
    explicit CacheEditor(CacheDatabase &cache);

    struct Result
    {
        bool ok = false;
        bool changed = false; ///< false: the video had these tags already (no operation)
        QString opId;
        QList<qint64> added;
        QList<qint64> removed;
        QString error;
        qint64 videoId = 0; ///< tagVideos(): the video this change is about
    };

    /// Tags to add to and remove from one video.
    struct TagChange
    {
        qint64 videoId = 0;
        QList<qint64> add;
        QList<qint64> remove;
    };
    struct BulkResult
    {
        bool ok = false;
        QString error;
        /// The videos that changed, each with what was added and removed (videos that had
        /// the tags already are left out).
        QList<Result> changes;
    };

    /// Adds and removes tags of a video. A tag must be active (for adding) and belong to the
    /// general library or to the library of the video's game.
    Result tagVideo(qint64 videoId, const QList<qint64> &add, const QList<qint64> &remove);
    /// Several videos in one transaction and one local transaction (central applies them
    /// together): all or nothing; a tag that cannot go on one of the videos refuses the whole.
    BulkResult tagVideos(const QList<TagChange> &changes);

    /// Edits a tag's fields (name, name_en, aliases, status) or a game's (also introduction,
    /// developer, released). The operation carries the cached row_version: if central's row
    /// moved on meanwhile, it comes back as a conflict instead of overwriting.
    Result editTag(qint64 tagId, const QJsonObject &fields);
    Result editGame(qint64 gameId, const QJsonObject &fields);

    /// Proposes a new tag in a group (a game-tag dimension, the general library or a category
    /// of a game's library). It has no id until central gives it one: the tag appears in the
    /// cache with the sync that follows.
    Result createTag(qint64 groupId, const QString &name, const QString &nameEn = {},
                     const QStringList &aliases = {});
    /// Proposes a new game: \a fields holds name (required), name_en, aliases, introduction,
    /// developer, released (a year); \a tags its game tags (tags of the dimensions). It appears
    /// in the cache once central has created it (with its dedicated library).
    Result createGame(const QJsonObject &fields, const QList<qint64> &tags = {});
    /// Adds and removes game tags (active tags of the game-tag dimensions) of a game.
    Result tagGame(qint64 gameId, const QList<qint64> &add, const QList<qint64> &remove);
    /// Merges tag \a from into \a into: what carries \a from carries \a into instead, the
    /// names of \a from become aliases of \a into and \a from is retired. Central does it (the
    /// cache shows it after the next sync); \a into must fit everything that carries \a from.
    Result mergeTag(qint64 from, qint64 into);

    struct ReviewResult
    {
        bool ok = false;
        QString error;     ///< why nothing was queued (all or nothing)
        QStringList opIds; ///< one operation per request, each its own local transaction
    };
    /// A supervisor's decision on change requests of the review queue (ids of
    /// change_requests): approve, or reject with \a comment (required). Each decision is an
    /// operation of its own, so that one refused by central (decided by someone else first)
    /// does not hold back the others. Refused here, with nothing queued, when the user is not
    /// a supervisor, a request is theirs, no longer pending, or already decided in this cache.
    ReviewResult review(const QStringList &requestIds, bool approve, const QString &comment = {});

    /// Takes back an operation that has not left the cache yet (state pending): it is marked
    /// discarded. For creations and merges, which have no overlay in the cache, that undoes
    /// them; an operation already sent cannot be taken back (the error says so).
    Result withdraw(const QString &opId);

    /// What to do with a change central refused (rejected) or found overtaken (conflict).
    enum class Resolution {
        KeepMine,   ///< conflict: send my values again, against central's current version
        TakeTheirs, ///< conflict: central's values stay (the cache shows them already)
        Edit,       ///< conflict: send edited values against central's current version
        Retry,      ///< rejected: send the same operation again
        Discard     ///< rejected: give it up
    };
    /// Decides about a rejected or conflicting operation. KeepMine, Edit and Retry queue an
    /// operation (result.opId); TakeTheirs and Discard mark it discarded (kept for the record).
    Result resolve(const QString &opId, Resolution how, const QJsonObject &edited = {});

    /// A tag usable on \a videoId by id or by name (Chinese or English, case-insensitive for
    /// English); 0 with \a error set when there is none or more than one.
    qint64 resolveTag(qint64 videoId, const QString &idOrName, QString *error);

    /// A UUIDv7: 48 bits of Unix milliseconds, then random bits; sorts by creation time.
    static QString newOperationId();

private:
    /// The overlay and the outbox row of one operation (inside the caller's transaction).
    QString enqueue(const QString &kind, const QJsonObject &payload, const QVariant &base,
                    QString *error, qint64 *sharedTx = nullptr);
    Result editRow(const QString &kind, qint64 id, const QJsonObject &fields);
    /// One operation in its own transaction: \a build (inside it) returns why the operation
    /// cannot be made, or fills the payload (an empty payload: nothing to do, nothing queued)
    /// and, for a scalar edit, the row version it builds on.
    using Build = std::function<QString(QJsonObject *payload, QVariant *base, Result *result)>;
    Result queueOne(const QString &kind, const Build &build);
    /// Whether \a tags are active game tags (on \a gameId: which of them it carries).
    bool checkGameTags(const QList<qint64> &tags, QList<qint64> *carried, QString *problem,
                       qint64 gameId = 0);

    CacheDatabase &m_cache;
};
