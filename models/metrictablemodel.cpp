#include "metrictablemodel.h"

#include "csvwriter.h"

#include <QBrush>
#include <QColor>
#include <QIODevice>

#include <cmath>

MetricTableModel::MetricTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MetricTableModel::setTable(const QString &rowTitle, const QStringList &rows,
                                const QList<bool> &incomplete, const QList<Column> &columns)
{
    beginResetModel();
    m_rowTitle = rowTitle;
    m_rows = rows;
    m_incomplete = incomplete;
    m_columns = columns;
    for (Column &c : m_columns)
        c.values.resize(m_rows.size(), qQNaN());
    m_incomplete.resize(m_rows.size(), false);
    endResetModel();
}

void MetricTableModel::setSeries(const QList<MetricStore::Series> &series,
                                 MetricStore::Granularity g, const QStringList &titles)
{
    QStringList rows;
    QList<bool> incomplete;
    QList<Column> columns;
    for (qsizetype s = 0; s < series.size(); ++s) {
        Column c{titles.value(s), MetricStore::unitOf(series[s].metric), {}};
        for (const MetricStore::Point &p : series[s].points) {
            c.values.append(p.value);
            if (s == 0) {
                rows.append(MetricStore::periodLabel(p.period, g));
                incomplete.append(p.incomplete);
            }
        }
        columns.append(c);
    }
    setTable(tr("Period"), rows, incomplete, columns);
}

int MetricTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MetricTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size()) + 2;
}

double MetricTableModel::value(int row, int column) const
{
    if (column < 0 || column >= m_columns.size() || row < 0 || row >= m_rows.size())
        return qQNaN();
    return m_columns[column].values[row];
}

QVariant MetricTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const bool last = column == columnCount() - 1;
    switch (role) {
    case Qt::DisplayRole:
        if (column == 0)
            return m_rows[row];
        if (last)
            return m_incomplete[row] ? tr("Partial") : tr("Complete");
        return MetricStore::format(value(row, column - 1), m_columns[column - 1].unit);
    case Qt::EditRole:
        if (column == 0)
            return m_rows[row];
        if (last)
            return !m_incomplete[row];
        return value(row, column - 1);
    case Qt::TextAlignmentRole:
        return column == 0 || last ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                   : int(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        return m_incomplete[row] ? QVariant(QBrush(QColor(0x80, 0x80, 0x80))) : QVariant();
    case Qt::ToolTipRole:
        return m_incomplete[row] ? tr("Incomplete period: it reaches past the selected range or "
                                      "the newest complete day of data.")
                                 : QVariant();
    default:
        return {};
    }
}

QVariant MetricTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole || orientation != Qt::Horizontal || section < 0 ||
        section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section == 0)
        return m_rowTitle;
    if (section == columnCount() - 1)
        return tr("Data");
    return m_columns[section - 1].title;
}

bool MetricTableModel::writeCsv(QIODevice *device) const
{
    CsvWriter csv(device);
    QStringList header{m_rowTitle};
    for (const Column &c : m_columns)
        header.append(c.title);
    header.append(tr("Complete"));
    csv.writeRow(header);
    for (int r = 0; r < m_rows.size(); ++r) {
        QStringList fields{m_rows[r]};
        for (const Column &c : m_columns) {
            const double v = c.values[r];
            fields.append(std::isnan(v) ? QString() : QString::number(v, 'g', 12));
        }
        fields.append(m_incomplete[r] ? QStringLiteral("no") : QStringLiteral("yes"));
        csv.writeRow(fields);
    }
    return csv.isOk();
}

QString MetricTableModel::toText() const
{
    QStringList lines;
    for (int r = -1; r < rowCount(); ++r) {
        QStringList fields;
        for (int c = 0; c < columnCount(); ++c)
            fields.append(r < 0 ? headerData(c, Qt::Horizontal).toString()
                                : data(index(r, c)).toString());
        lines.append(fields.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
