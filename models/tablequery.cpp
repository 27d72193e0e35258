#include "tablequery.h"

QString TableQuery::whereClause() const
{
    if (conditions.isEmpty())
        return {};
    return QStringLiteral(" WHERE (") + conditions.join(QStringLiteral(") AND (")) +
           QLatin1Char(')');
}

QString TableQuery::countSql() const
{
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
    QString sql =
        QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM ") + from + whereClause();
    if (!terms.isEmpty())
        sql += QStringLiteral(" ORDER BY ") + terms.join(QStringLiteral(", "));
    return sql + QStringLiteral(" LIMIT ? OFFSET ?");
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
           conditions == other.conditions && parameters == other.parameters;
}
