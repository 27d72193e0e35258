#pragma once

#include "lazytablemodel.h"

/// The platform's users (creators and viewers), with a creator's growth level and progress
/// towards the next (from the cache's creator_levels).
class UserTableModel : public LazyTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        NicknameColumn,
        KindColumn,
        CreatorLevelColumn, ///< the growth ladder's level (creators; docs/levels.md)
        ProgressColumn,     ///< towards the next level
        RegisteredColumn,
        ChannelColumn,
        PlatformColumn,
        DeviceColumn,
        OsColumn,
        LevelColumn,
        VipColumn,
        VideosColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    struct Filter
    {
        QString search;
        QString kind;     ///< creator, viewer or empty
        QString platform; ///< web, app, pc or empty
        QString channel;
        bool vipOnly = false;
        bool operator==(const Filter &o) const
        {
            return search == o.search && kind == o.kind && platform == o.platform &&
                   channel == o.channel && vipOnly == o.vipOnly;
        }
    };

    explicit UserTableModel(RowLoader *loader, QObject *parent = nullptr);

    Filter filter() const { return m_filter; }
    void setFilter(const Filter &filter);

protected:
    QList<ColumnSpec> columns() const override;
    QString columnTitle(int column) const override;
    TableQuery buildQuery() const override;
    QVariant cellData(const QVariantList &row, int column, int role) const override;

public:
    QVariant exportValue(const QVariantList &row, int column) const override;

private:
    /// The position of a column's value in the query's row.
    static int rawIndex(int column);

    Filter m_filter;
};
