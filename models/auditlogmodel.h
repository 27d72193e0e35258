#pragma once

#include "auditlog.h"

#include <QAbstractTableModel>

class CentralClient;

/// The audit log as a table, newest first, read from the central store through a
/// CentralClient in pages of PageSize entries as the view scrolls (fetchMore). Nothing here
/// blocks: a page arrives as a queued reply; replies for an older filter are dropped.
class AuditLogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        AtColumn,
        ActorColumn,
        TableColumn,
        OperationColumn,
        ObjectColumn,
        ChangeColumn,
        ColumnCount
    };
    enum Role { IdRole = Qt::UserRole + 1 };

    static constexpr int PageSize = 200;

    explicit AuditLogModel(CentralClient *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    AuditLog::Filter filter() const { return m_filter; }
    /// Reads from the newest entry with \a filter.
    void setFilter(const AuditLog::Filter &filter);
    /// Reads again from the newest entry.
    void reload();
    /// Empties the table (signed out); nothing is read until setFilter() or reload().
    void clear();

    const AuditLog::Entry &entry(int row) const { return m_entries.at(row); }
    bool isLoading() const { return m_loading; }
    /// All entries matching the filter are in.
    bool atEnd() const { return m_atEnd; }
    QString errorString() const { return m_error; }
    /// Emits dataChanged and headerDataChanged (on a language change).
    void relabel();

signals:
    void loadingChanged(bool loading);
    /// A page arrived (the first after setFilter() too, even when empty).
    void pageLoaded();
    void loadFailed(const QString &message);

private:
    void requestPage();
    void setLoading(bool loading);

    CentralClient *m_client;
    AuditLog::Filter m_filter;
    QList<AuditLog::Entry> m_entries;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_atEnd = true;
    QString m_error;
};
