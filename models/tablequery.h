#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantList>

/// One ORDER BY term of a table query.
struct SortKey
{
    QString expression;
    bool ascending = true;
};

/// ORDER BY terms all in one direction: sortKeys({"v.plays", "v.id"}, false).
QList<SortKey> sortKeys(std::initializer_list<const char *> expressions, bool ascending);

/// The SQL of a lazily loaded table: what to select, from where, which rows and in which
/// order. The order must end with a unique key so that LIMIT/OFFSET windows are stable.
/// A window in the second half of the rows is read with the order reversed, which keeps the
/// jump to the last row as cheap as the first.
struct TableQuery
{
    QString columns;
    QString from;
    /// FROM used for counting; defaults to \a from (a sort may force a join order that a
    /// count does not need).
    QString countFrom;
    /// When set, a window is found first on \a keyFrom alone (the tables the conditions and
    /// the order need, so an index can answer it) and only its rows are joined for display:
    /// OFFSET then skips index entries, not joined rows.
    QString keyColumn;
    QString keyFrom;
    QStringList conditions;
    /// A cheaper count with the same parameters, where one exists (a full-text match alone
    /// is counted on the index: its rows and the table's are kept one to one).
    QString countOverride;
    QVariantList parameters;
    QList<SortKey> order;
    /// Statements (without parameters) the loader runs before counting, on its connection:
    /// e.g. a temporary table the conditions read, computed once per reset instead of once
    /// for the count and again for every window.
    QStringList setup;

    QString countSql() const;
    /// SELECT ... LIMIT ? OFFSET ?, the two values bound after \a parameters.
    QString windowSql(bool reversed) const;
    /// The key of a row: keyColumn, else the last term of the order (the unique key every
    /// order ends with).
    QString rowKey() const;
    /// SELECT the columns of the rows whose key is one of \a count ids (bound in that order,
    /// without \a parameters: neither the conditions nor the order apply), in no order.
    QString rowsSql(int count) const;

    bool operator==(const TableQuery &other) const;
    bool operator!=(const TableQuery &other) const { return !(*this == other); }

private:
    QString whereClause() const;
};
