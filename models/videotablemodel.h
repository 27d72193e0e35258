#pragma once

#include "lazytablemodel.h"

/// The videos of the cache, filtered and sorted in SQL, read lazily.
class VideoTableModel : public LazyTableModel
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        TitleColumn,
        GameColumn,
        UploaderColumn,
        SourceColumn,
        DurationColumn,
        PublishedColumn,
        FeaturedColumn,
        PlaysColumn,
        TagsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    struct Filter
    {
        QString search; ///< full-text over titles
        qint64 gameId = 0;
        qint64 tagId = 0;
        qint64 uploaderId = 0;
        QString source; ///< pc_recorder, mobile_recorder, web_upload or empty
        bool featuredOnly = false;
        bool untaggedOnly = false;
        /// A tag expression's set of video ids (TagExpression::sqlVideoSet): computed once into
        /// a temporary table of the loader's connection when the rows are (re)read.
        QString tagSet;
        bool tagSetNegated = false;
        /// Only videos whose tag changes in this cache are not settled yet: waiting to be
        /// sent, waiting for a supervisor's approval, refused or in conflict.
        bool myChangesOnly = false;

        bool operator==(const Filter &o) const
        {
            return search == o.search && gameId == o.gameId && tagId == o.tagId &&
                   tagSet == o.tagSet && tagSetNegated == o.tagSetNegated &&
                   myChangesOnly == o.myChangesOnly && uploaderId == o.uploaderId &&
                   source == o.source && featuredOnly == o.featuredOnly &&
                   untaggedOnly == o.untaggedOnly;
        }
        bool isEmpty() const { return *this == Filter(); }
    };

    explicit VideoTableModel(RowLoader *loader, QObject *parent = nullptr);

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
