#pragma once

#include "lazytablemodel.h"

/// The games of the catalogue with their main game tags and usage.
class GameTableModel : public LazyTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        NameColumn,
        EnglishNameColumn,
        DeveloperColumn,
        ReleasedColumn,
        GenreColumn,
        TerminalColumn,
        VideosColumn,
        LibraryColumn,
        StatusColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    struct Filter
    {
        QString search;
        QString status;   ///< active, retired or empty for all
        qint64 tagId = 0; ///< games carrying this game tag
        bool operator==(const Filter &o) const
        {
            return search == o.search && status == o.status && tagId == o.tagId;
        }
    };

    explicit GameTableModel(RowLoader *loader, QObject *parent = nullptr);

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
