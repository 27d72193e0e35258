#pragma once

#include "centrallevels.h"

#include <QDate>
#include <QList>
#include <QSqlDatabase>

/// What the cache holds of creator levels (synced by LevelsSync): the ladder's versions, the
/// distribution per day and the day the creators' metrics are as of. Reads on the caller's
/// connection.
class CacheLevels
{
public:
    struct Day
    {
        QDate day;
        int version = 0;
        QList<int> creators; ///< index = level
    };

    /// Newest first. A failure is said in \a error (when given) and gives nothing.
    static QList<CentralLevels::Ladder> ladders(const QSqlDatabase &cache,
                                                QString *error = nullptr);
    /// One entry per day, under the newest version that placed it.
    static QList<Day> distribution(const QSqlDatabase &cache, QString *error = nullptr);
    /// The day of the newest refresh; invalid before the first.
    static QDate asOf(const QSqlDatabase &cache);
};
