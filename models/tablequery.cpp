#include "tablequery.h"

QList<SortKey> sortKeys(std::initializer_list<const char *> expressions, bool ascending)
{
    QList<SortKey> keys;
    for (const char *e : expressions)
        keys.append({QString::fromLatin1(e), ascending});
    return keys;
}

QString TableQuery::whereClause() const
{
    if (conditions.isEmpty())
        return {};
    return QStringLiteral(" WHERE (") + conditions.join(QStringLiteral(") AND (")) +
           QLatin1Char(')');
}

QString TableQuery::countSql() const
{
    if (!countOverride.isEmpty())
        return countOverride;
    return QStringLiteral("SELECT count(*) FROM ") + (countFrom.isEmpty() ? from : countFrom) +
           whereClause();
}

QString TableQuery::windowSql(bool reversed) const
{
    QStringList terms;
    for (const SortKey &key : order) {
        const bool ascending = key.ascending != reversed;
        terms.append(key.expression +
                     (ascending ? QStringLiteral(" ASC") : QStringLiteral(" DESC")));
    }
    const QString orderBy = terms.isEmpty()
                                ? QString()
                                : QStringLiteral(" ORDER BY ") + terms.join(QStringLiteral(", "));
    if (keyColumn.isEmpty())
        return QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM ") + from +
               whereClause() + orderBy + QStringLiteral(" LIMIT ? OFFSET ?");
    // CROSS JOIN keeps the window as the outer loop: each of its rows is looked up by key.
    return QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM (SELECT ") + keyColumn +
           QStringLiteral(" AS window_key FROM ") + (keyFrom.isEmpty() ? from : keyFrom) +
           whereClause() + orderBy + QStringLiteral(" LIMIT ? OFFSET ?) AS w CROSS JOIN ") + from +
           QStringLiteral(" WHERE ") + keyColumn + QStringLiteral(" = w.window_key") + orderBy;
}

QString TableQuery::rowKey() const
{
    if (!keyColumn.isEmpty() || order.isEmpty())
        return keyColumn;
    return order.last().expression;
}

QString TableQuery::rowsSql(int count) const
{
    QStringList marks;
    marks.reserve(count);
    for (int i = 0; i < count; ++i)
        marks.append(QStringLiteral("?"));
    return QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM ") + from +
           QStringLiteral(" WHERE ") + rowKey() + QStringLiteral(" IN (") +
           marks.join(QLatin1Char(',')) + QLatin1Char(')');
}

bool TableQuery::operator==(const TableQuery &other) const
{
    if (order.size() != other.order.size())
        return false;
    for (int i = 0; i < order.size(); ++i) {
        if (order[i].expression != other.order[i].expression ||
            order[i].ascending != other.order[i].ascending)
            return false;
    }
    return columns == other.columns && from == other.from && countFrom == other.countFrom &&
           keyColumn == other.keyColumn && keyFrom == other.keyFrom &&
           countOverride == other.countOverride && conditions == other.conditions &&
           parameters == other.parameters && setup == other.setup;
}
