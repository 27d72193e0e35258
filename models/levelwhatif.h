#pragma once

#include "levelladder.h"

#include <QCoreApplication>
#include <QSqlDatabase>

/// The what-if preview of a ladder (docs/levels.md): every creator's metrics as of the cache's
/// last sync, placed under a draft ladder, against the level they have now. Saving the draft
/// places them alike centrally (the same metrics and the same arithmetic): the preview is what
/// a save gives.
class LevelWhatIf
{
    Q_DECLARE_TR_FUNCTIONS(LevelWhatIf)

public:
    struct Move
    {
        qint64 userId = 0;
        QString nickname;
        int current = 0;
        int proposed = 0;
        double progress = 0; ///< under the draft, towards its next level
    };

    struct Result
    {
        int creators = 0;
        int up = 0;
        int down = 0;
        QList<int> current;  ///< creators per level now (index = level)
        QList<int> proposed; ///< creators per level under the draft
        QList<Move> moves;   ///< the creators whose level changes, by user ID
    };

    /// Reads every creator's metrics from the cache (once; evaluate() is then fast).
    bool load(const QSqlDatabase &cache);
    bool isLoaded() const { return m_loaded; }
    int creatorCount() const { return int(m_ids.size()); }

    /// \a ladder must be valid.
    Result evaluate(const LevelLadder &ladder) const;
    /// The creator's metrics as LevelLadder reads them.
    LevelLadder::Stats stats(int index) const;

    QString errorString() const { return m_error; }

private:
    static int column(const QString &key);

    bool m_loaded = false;
    QList<qint64> m_ids;
    QStringList m_nicknames;
    QList<int> m_levels;
    QList<double> m_values; ///< per creator, every metric:window (see column())
    QString m_error;
};
