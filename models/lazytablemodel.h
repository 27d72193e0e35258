#pragma once

#include "rowloader.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSet>

/// Base of the catalogue tables: a QAbstractTableModel over a TableQuery whose rows are read
/// in windows by a RowLoader, never all at once. data() never touches the database: a row
/// that is not loaded yet shows empty and its window is requested; when it arrives the model
/// emits dataChanged. Sorting re-runs the query in SQL (every sortable column is indexed).
class LazyTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Role {
        IdRole = Qt::UserRole + 1, ///< the row's primary key (qint64)
        RawRole,                   ///< the unformatted value of the cell
        LoadedRole,                ///< whether the row's window is loaded
    };
    Q_ENUM(Role)

    static constexpr int WindowSize = 256;
    static constexpr int MaxWindows = 48;

    explicit LazyTableModel(RowLoader *loader, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    virtual bool isSortable(int column) const;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    /// Re-reads the rows (after the cache changed); the query stays as it is.
    void refresh();
    bool isLoading() const { return m_loading; }
    QString errorString() const { return m_error; }
    /// The primary key of \a row, or -1 while its window is not loaded.
    qint64 idAt(int row) const;
    /// The raw values of \a row, or an empty list while its window is not loaded.
    QVariantList rowValues(int row) const;
    /// The row holding \a id among the loaded windows, or -1.
    int loadedRowOf(qint64 id) const;
    /// Ensures the windows covering [first, last] are requested (selection of many rows).
    void prefetch(int first, int last);
    bool isRangeLoaded(int first, int last) const;
    /// Emits dataChanged for the loaded rows and headerDataChanged: call on a language change.
    void relabel();

    /// The cache file the rows come from.
    QString cachePath() const;
    /// The query of the rows shown (filters and sort), for TableExporter.
    TableQuery currentQuery() const { return m_query; }
    /// The stable name of \a column (JSON keys of an export).
    QString columnKey(int column) const;
    /// The value an export writes for \a column of a row of the query: as shown, except that
    /// subclasses give numbers as numbers and times as ISO 8601. Thread-safe (no state).
    virtual QVariant exportValue(const QVariantList &row, int column) const;

signals:
    /// The query was (re)counted and its first rows are in.
    void ready();
    void loadingChanged(bool loading);
    void loadFailed(const QString &message);
    /// A window of rows arrived.
    void rowsLoaded(int first, int last);

protected:
    struct ColumnSpec
    {
        QString key; ///< stable name, for settings
        Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter;
        bool sortable = true;
    };

    /// The columns, in view order.
    virtual QList<ColumnSpec> columns() const = 0;
    virtual QString columnTitle(int column) const = 0;
    /// The query for the current filters and sort.
    virtual TableQuery buildQuery() const = 0;
    /// The cell's value for \a role from a row of the query's columns.
    virtual QVariant cellData(const QVariantList &row, int column, int role) const = 0;

    /// Call when a filter changed: re-counts and re-reads with the new query.
    void invalidate();

private:
    void onReset(quint64 client, quint64 generation, int count, const RowLoader::Rows &rows);
    void onWindow(quint64 client, quint64 generation, int offset, const RowLoader::Rows &rows);
    void onFailed(quint64 client, quint64 generation, const QString &message);
    void flushRequests();
    void setLoading(bool loading);
    void evictIfNeeded();
    const QVariantList *rowAt(int row) const;

    RowLoader *m_loader;
    quint64 m_client = 0;
    quint64 m_generation = 0;
    TableQuery m_query;
    int m_count = 0;
    bool m_loading = false;
    bool m_started = false;
    QString m_error;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    QList<ColumnSpec> m_columns;

    struct Window
    {
        RowLoader::Rows rows;
        quint64 lastUse = 0;
    };
    mutable QHash<int, Window> m_windows;
    mutable QSet<int> m_requested;
    mutable QSet<int> m_pending;
    mutable bool m_flushScheduled = false;
    mutable quint64 m_useCounter = 0;

protected:
    /// Subclasses set the initial sort before the first invalidate().
    void setInitialSort(int column, Qt::SortOrder order)
    {
        m_sortColumn = column;
        m_sortOrder = order;
    }
};
