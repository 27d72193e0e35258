#include "lazytablemodel.h"

#include <algorithm>

LazyTableModel::LazyTableModel(RowLoader *loader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_loader(loader)
    , m_client(loader->registerClient())
{
    connect(loader, &RowLoader::resetReady, this, &LazyTableModel::onReset);
    connect(loader, &RowLoader::windowReady, this, &LazyTableModel::onWindow);
    connect(loader, &RowLoader::failed, this, &LazyTableModel::onFailed);
}

int LazyTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_count;
}

int LazyTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QHash<int, QByteArray> LazyTableModel::roleNames() const
{
    auto names = QAbstractTableModel::roleNames();
    names.insert(IdRole, QByteArrayLiteral("id"));
    names.insert(RawRole, QByteArrayLiteral("raw"));
    names.insert(LoadedRole, QByteArrayLiteral("loaded"));
    return names;
}

const QVariantList *LazyTableModel::rowAt(int row) const
{
    if (row < 0 || row >= m_count)
        return nullptr;
    const int w = row / WindowSize;
    auto it = m_windows.find(w);
    if (it == m_windows.end()) {
        if (!m_requested.contains(w)) {
            m_pending.insert(w);
            if (!m_flushScheduled) {
                m_flushScheduled = true;
                QMetaObject::invokeMethod(const_cast<LazyTableModel *>(this),
                                          &LazyTableModel::flushRequests, Qt::QueuedConnection);
            }
        }
        return nullptr;
    }
    it->lastUse = ++m_useCounter;
    const int inWindow = row - w * WindowSize;
    return inWindow < it->rows.size() ? &it->rows.at(inWindow) : nullptr;
}

QVariant LazyTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::TextAlignmentRole)
        return QVariant::fromValue(m_columns.at(index.column()).alignment);
    const QVariantList *row = rowAt(index.row());
    if (role == LoadedRole)
        return row != nullptr;
    if (!row)
        return {};
    if (role == IdRole)
        return row->value(0).toLongLong();
    return cellData(*row, index.column(), role);
}

QVariant LazyTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= m_columns.size())
            return {};
        if (role == Qt::DisplayRole)
            return columnTitle(section);
        if (role == Qt::TextAlignmentRole)
            return QVariant::fromValue(m_columns.at(section).alignment);
        return {};
    }
    if (role == Qt::DisplayRole && section >= 0 && section < m_count)
        return section + 1;
    return {};
}

bool LazyTableModel::isSortable(int column) const
{
    return column >= 0 && column < m_columns.size() && m_columns.at(column).sortable;
}

void LazyTableModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column) || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    invalidate();
}

void LazyTableModel::invalidate()
{
    if (m_columns.isEmpty())
        m_columns = columns();
    ++m_generation;
    m_loader->setGeneration(m_client, m_generation);
    m_query = buildQuery();
    m_error.clear();
    m_loader->requestReset(m_client, m_generation, m_query, WindowSize);
    setLoading(true);
}

void LazyTableModel::refresh()
{
    invalidate();
}

void LazyTableModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}

void LazyTableModel::onReset(quint64 client, quint64 generation, int count,
                             const RowLoader::Rows &rows)
{
    if (client != m_client || generation != m_generation)
        return;
    beginResetModel();
    m_windows.clear();
    m_requested.clear();
    m_pending.clear();
    m_count = count;
    if (!rows.isEmpty())
        m_windows.insert(0, {rows, ++m_useCounter});
    endResetModel();
    setLoading(false);
    emit ready();
}

void LazyTableModel::onWindow(quint64 client, quint64 generation, int offset,
                              const RowLoader::Rows &rows)
{
    if (client != m_client || generation != m_generation)
        return;
    const int w = offset / WindowSize;
    m_requested.remove(w);
    if (rows.isEmpty())
        return;
    m_windows.insert(w, {rows, ++m_useCounter});
    evictIfNeeded();
    const int last = std::min(m_count - 1, offset + int(rows.size()) - 1);
    if (last >= offset && !m_columns.isEmpty()) {
        emit dataChanged(index(offset, 0), index(last, int(m_columns.size()) - 1));
        emit rowsLoaded(offset, last);
    }
}

void LazyTableModel::onFailed(quint64 client, quint64 generation, const QString &message)
{
    if (client != m_client || generation != m_generation)
        return;
    m_error = message;
    setLoading(false);
    emit loadFailed(message);
}

void LazyTableModel::flushRequests()
{
    m_flushScheduled = false;
    const QSet<int> pending = std::exchange(m_pending, {});
    for (int w : pending) {
        if (m_requested.contains(w) || m_windows.contains(w))
            continue;
        const int offset = w * WindowSize;
        if (offset >= m_count)
            continue;
        m_requested.insert(w);
        m_loader->requestWindow(m_client, m_generation, m_query, offset,
                                std::min(WindowSize, m_count - offset), m_count);
    }
}

void LazyTableModel::evictIfNeeded()
{
    while (m_windows.size() > MaxWindows) {
        auto oldest = m_windows.begin();
        for (auto it = m_windows.begin(); it != m_windows.end(); ++it) {
            if (it->lastUse < oldest->lastUse)
                oldest = it;
        }
        m_windows.erase(oldest);
    }
}

QString LazyTableModel::cachePath() const
{
    return m_loader->cachePath();
}

QString LazyTableModel::columnKey(int column) const
{
    return m_columns.value(column).key;
}

QVariant LazyTableModel::exportValue(const QVariantList &row, int column) const
{
    return cellData(row, column, Qt::DisplayRole);
}

qint64 LazyTableModel::idAt(int row) const
{
    const QVariantList *values = rowAt(row);
    return values ? values->value(0).toLongLong() : -1;
}

QVariantList LazyTableModel::rowValues(int row) const
{
    const QVariantList *values = rowAt(row);
    return values ? *values : QVariantList();
}

int LazyTableModel::loadedRowOf(qint64 id) const
{
    for (auto it = m_windows.cbegin(); it != m_windows.cend(); ++it) {
        for (int i = 0; i < it->rows.size(); ++i) {
            if (it->rows.at(i).value(0).toLongLong() == id)
                return it.key() * WindowSize + i;
        }
    }
    return -1;
}

void LazyTableModel::prefetch(int first, int last)
{
    first = std::max(0, first);
    last = std::min(m_count - 1, last);
    for (int w = first / WindowSize; w <= last / WindowSize && first <= last; ++w)
        rowAt(w * WindowSize);
}

bool LazyTableModel::isRangeLoaded(int first, int last) const
{
    first = std::max(0, first);
    last = std::min(m_count - 1, last);
    for (int w = first / WindowSize; w <= last / WindowSize && first <= last; ++w) {
        if (!m_windows.contains(w))
            return false;
    }
    return true;
}

void LazyTableModel::relabel()
{
    if (!m_columns.isEmpty())
        emit headerDataChanged(Qt::Horizontal, 0, int(m_columns.size()) - 1);
    if (m_count > 0 && !m_columns.isEmpty())
        emit dataChanged(index(0, 0), index(m_count - 1, int(m_columns.size()) - 1));
}
