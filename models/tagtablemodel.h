#pragma once

#include "lazytablemodel.h"

/// The tags of the tag library, for one group (and its categories) or all of them.
class TagTableModel : public LazyTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        NameColumn,
        EnglishNameColumn,
        AliasesColumn,
        GroupColumn,
        StatusColumn,
        UsesColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    struct Filter
    {
        QString search;
        QList<qint64> groupIds; ///< tags of these groups; empty for all groups
        QString groupKind;      ///< dimension, general, library: all tags of that kind
        QString status;         ///< active, retired or empty
        bool unusedOnly = false;
        bool operator==(const Filter &o) const
        {
            return search == o.search && groupIds == o.groupIds && groupKind == o.groupKind &&
                   status == o.status && unusedOnly == o.unusedOnly;
        }
    };

    explicit TagTableModel(RowLoader *loader, QObject *parent = nullptr);

    Filter filter() const { return m_filter; }
    void setFilter(const Filter &filter);

protected:
    QList<ColumnSpec> columns() const override;
    QString columnTitle(int column) const override;
    TableQuery buildQuery() const override;
    QVariant cellData(const QVariantList &row, int column, int role) const override;

public:
    QVariant exportValue(const QVariantList &row, int column) const override;

protected:
private:
    Filter m_filter;
};
