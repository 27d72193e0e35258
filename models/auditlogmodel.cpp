#include "auditlogmodel.h"

#include "centralclient.h"

#include <QLocale>

namespace {

struct Page
{
    bool ok = false;
    QString error;
    QList<AuditLog::Entry> entries;
};

} // namespace

AuditLogModel::AuditLogModel(CentralClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditLog::Entry &e = m_entries.at(index.row());
    if (role == IdRole)
        return e.id;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case AtColumn:
            return QLocale().toString(e.at.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        case ActorColumn:
            return e.actor;
        case TableColumn:
            return AuditLog::tableLabel(e.table);
        case OperationColumn:
            return AuditLog::operationLabel(e.op);
        case ObjectColumn:
            return AuditLog::objectLabel(e);
        case ChangeColumn:
            return AuditLog::summary(e);
        }
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == AtColumn)
            return QLocale().toString(e.at.toLocalTime(), QLocale::LongFormat);
        if (index.column() == ChangeColumn)
            return AuditLog::summary(e);
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case AtColumn:
        return tr("When");
    case ActorColumn:
        return tr("Who");
    case TableColumn:
        return tr("Table");
    case OperationColumn:
        return tr("Action");
    case ObjectColumn:
        return tr("Object");
    case ChangeColumn:
        return tr("Change");
    }
    return {};
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && !m_loading && m_error.isEmpty();
}

void AuditLogModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage();
}

void AuditLogModel::setFilter(const AuditLog::Filter &filter)
{
    m_filter = filter;
    reload();
}

void AuditLogModel::reload()
{
    clear();
    m_atEnd = false;
    requestPage();
}

void AuditLogModel::clear()
{
    ++m_generation;
    beginResetModel();
    m_entries.clear();
    m_atEnd = true;
    m_error.clear();
    endResetModel();
    setLoading(false);
}

void AuditLogModel::relabel()
{
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void AuditLogModel::requestPage()
{
    const quint64 generation = m_generation;
    const AuditLog::Filter filter = m_filter;
    const qint64 before = m_entries.isEmpty() ? 0 : m_entries.constLast().id;
    setLoading(true);
    m_client->call(
        this,
        [filter, before](CentralClient::Session &session) {
            Page page;
            if (!session.isOpen())
                page.error = session.error;
            else
                page.ok = AuditLog::fetch(session.db, filter, before, PageSize, &page.entries,
                                          &page.error);
            return page;
        },
        [this, generation](const Page &page) {
            if (generation != m_generation)
                return; // an older filter's page
            if (!page.ok) {
                m_error = page.error;
                setLoading(false);
                emit loadFailed(page.error);
                return;
            }
            // Still "loading" while the rows go in: a view asking for more on rowsInserted
            // must wait for this page's last id.
            m_atEnd = page.entries.size() < PageSize;
            if (!page.entries.isEmpty()) {
                const int first = int(m_entries.size());
                beginInsertRows({}, first, first + int(page.entries.size()) - 1);
                m_entries.append(page.entries);
                endInsertRows();
            }
            setLoading(false);
            emit pageLoaded();
        });
}

void AuditLogModel::setLoading(bool loading)
{
    if (m_loading == loading)
        return;
    m_loading = loading;
    emit loadingChanged(loading);
}
