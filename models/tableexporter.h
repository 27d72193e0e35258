#pragma once

#include "tablequery.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

#include <atomic>
#include <functional>

class LazyTableModel;

/// Writes a catalogue table as the user sees it: every row of the model's current query (its
/// filters and its sort), or only the selected rows, in the view's order, to CSV (UTF-8 with a
/// byte order mark, the column titles as header, for spreadsheet programs) or JSON (an array
/// of objects keyed by the columns' stable names, for scripts). Values are the model's export
/// values: numbers as numbers, times as ISO 8601 with their offset, names as shown. A CSV
/// text cell that a spreadsheet would take for a formula (it starts with =, +, -, @, a tab or
/// a carriage return) is written with a leading apostrophe.
///
/// The constructor takes what it needs from the model (in the model's thread); write() reads
/// the cache on a connection of its own and may run on any thread while the model lives.
class TableExporter
{
    Q_DECLARE_TR_FUNCTIONS(TableExporter)

public:
    enum class Format { Csv, Json };

    struct Result
    {
        bool ok = false;
        bool cancelled = false;
        QString error;
        qint64 rows = 0;
    };

    using Progress = std::function<void(qint64 rows)>;

    explicit TableExporter(const LazyTableModel *model);

    /// Only the rows with these ids (the selection, collected in the view's order when it
    /// was made), written in this order as they are when write() reads them: a sync that
    /// lands meanwhile cannot shift the export onto other rows. Rows deleted since are left
    /// out; rows changed since are written as they are now, even out of the filter.
    void setIds(QList<qint64> ids)
    {
        m_ids = std::move(ids);
        m_selection = true;
    }
    /// The text a CSV cell holds for \a value: booleans as true/false, NULL as empty, and an
    /// apostrophe before text that a spreadsheet would run as a formula.
    static QString csvText(const QVariant &value);
    /// The format a path's extension names (.json, else CSV).
    static Format formatOf(const QString &path);

    /// Writes to \a path (replaced only when the export succeeded); \a cancel stops it.
    Result write(const QString &cachePath, const QString &path, Format format,
                 const std::atomic_bool *cancel = nullptr, const Progress &progress = {}) const;

private:
    const LazyTableModel *m_model;
    TableQuery m_query;
    QList<qint64> m_ids;
    bool m_selection = false; ///< false: every row of the query
    QStringList m_titles;
    QStringList m_keys;
};
