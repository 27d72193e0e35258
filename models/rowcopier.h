#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

/// Streams the rows of a central query into a prepared cache insert through SQLite's C API
/// (the metrics and levels halves of a sync). Column types, one letter each: 't' text,
/// 'n' text or NULL, 'i' integer, 'r' real (NULL stays NULL whatever the type).
class RowCopier
{
public:
    /// A central table copied whole or in part: its select, the cache's insert, the types.
    struct Table
    {
        const char *select;
        const char *insert;
        const char *types;
    };

    RowCopier(const QSqlDatabase &central, const QSqlDatabase &cache);

    /// Copies \a table's select with \a where appended.
    bool copy(const Table &table, const QString &where, qint64 *rows)
    {
        return copy(QLatin1String(table.select) + where, table.insert, table.types, rows);
    }

    /// Adds the rows copied to \a rows. On failure centralError() is set when central failed,
    /// else the cache did; errorString() says what.
    bool copy(const QString &select, const char *insert, const char *types, qint64 *rows);

    QSqlError centralError() const { return m_centralError; }
    QString errorString() const { return m_error; }

private:
    QSqlDatabase m_central;
    QSqlDatabase m_cache;
    QSqlError m_centralError;
    QString m_error;
};
