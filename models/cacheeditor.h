#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

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
    };

    /// Adds and removes tags of a video. A tag must be active (for adding) and belong to the
    /// general library or to the library of the video's game.
    Result tagVideo(qint64 videoId, const QList<qint64> &add, const QList<qint64> &remove);

    /// A tag usable on \a videoId by id or by name (Chinese or English, case-insensitive for
    /// English); 0 with \a error set when there is none or more than one.
    qint64 resolveTag(qint64 videoId, const QString &idOrName, QString *error);

    /// A UUIDv7: 48 bits of Unix milliseconds, then random bits; sorts by creation time.
    static QString newOperationId();

private:
    CacheDatabase &m_cache;
};
