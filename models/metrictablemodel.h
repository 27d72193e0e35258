#pragma once

#include "metricstore.h"

#include <QAbstractTableModel>

class QIODevice;

/// What a chart panel shows, as a table: a row per period (or per category), a column per
/// series, and whether the period is complete. The panel's table view, its CSV export and
/// clipboard copy, `coulisse-cli report` and the correctness tests read the same model.
/// Qt::DisplayRole is formatted for people; Qt::EditRole holds the raw number (NaN: no data).
class MetricTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    struct Column
    {
        QString title;
        MetricStore::Unit unit = MetricStore::Unit::Count;
        QList<double> values;
    };

    explicit MetricTableModel(QObject *parent = nullptr);

    /// Replaces the table: \a rows labels, whether each is complete, and the columns (each
    /// with one value per row).
    void setTable(const QString &rowTitle, const QStringList &rows, const QList<bool> &incomplete,
                  const QList<Column> &columns);
    /// Fills the table from series of one granularity (a column per series).
    void setSeries(const QList<MetricStore::Series> &series, MetricStore::Granularity g,
                   const QStringList &titles);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The raw value of \a column (0-based among the value columns) at \a row.
    double value(int row, int column) const;
    bool isIncomplete(int row) const { return m_incomplete.value(row); }
    QString rowLabel(int row) const { return m_rows.value(row); }
    QList<Column> columns() const { return m_columns; }

    /// The table as CSV (raw numbers, a "complete" column).
    bool writeCsv(QIODevice *device) const;
    /// The table as tab-separated text (formatted), for the clipboard.
    QString toText() const;

private:
    QString m_rowTitle;
    QStringList m_rows;
    QList<bool> m_incomplete;
    QList<Column> m_columns;
};
