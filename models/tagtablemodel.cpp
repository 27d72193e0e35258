#include "tagtablemodel.h"

#include "catalogue.h"
#include "searchtext.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace {
enum Raw {
    RId,
    RName,
    RNameEn,
    RAliases,
    RGroupKind,
    RGroupCode,
    RGroupName,
    RGroupNameEn,
    RLibrary,
    RLibraryEn,
    RStatus,
    RUses,
    RGroupId
};
}

TagTableModel::TagTableModel(RowLoader *loader, QObject *parent)
    : LazyTableModel(loader, parent)
{
    setInitialSort(UsesColumn, Qt::DescendingOrder);
    invalidate();
}

void TagTableModel::setFilter(const Filter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidate();
}

QList<LazyTableModel::ColumnSpec> TagTableModel::columns() const
{
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    const Qt::Alignment left = Qt::AlignLeft | Qt::AlignVCenter;
    return {
        {QStringLiteral("id"), right, true},     {QStringLiteral("name"), left, true},
        {QStringLiteral("name_en"), left, true}, {QStringLiteral("aliases"), left, false},
        {QStringLiteral("group"), left, true},   {QStringLiteral("status"), left, true},
        {QStringLiteral("uses"), right, true},
    };
}

QString TagTableModel::columnTitle(int column) const
{
    switch (column) {
    case IdColumn:
        return tr("ID");
    case NameColumn:
        return tr("Name");
    case EnglishNameColumn:
        return tr("English name");
    case AliasesColumn:
        return tr("Aliases");
    case GroupColumn:
        return tr("Group");
    case StatusColumn:
        return tr("Status");
    case UsesColumn:
        return tr("Uses");
    default:
        return {};
    }
}

TableQuery TagTableModel::buildQuery() const
{
    TableQuery q;
    q.columns = QStringLiteral(
        "t.id, t.name, t.name_en, "
        "(SELECT group_concat(value, ', ') FROM json_each(t.aliases)), "
        "grp.kind, grp.code, grp.name, grp.name_en, lib.name, lib.name_en, t.status, "
        "t.usage_count, t.group_id");
    q.from = QStringLiteral("tags t JOIN tag_groups grp ON grp.id = t.group_id "
                            "LEFT JOIN tag_groups lib ON lib.id = grp.parent_id");
    q.countFrom = QStringLiteral("tags t JOIN tag_groups grp ON grp.id = t.group_id");
    const QString match = SearchText::matchExpression(m_filter.search);
    if (!match.isEmpty()) {
        q.conditions.append(
            QStringLiteral("t.id IN (SELECT rowid FROM tag_search WHERE tag_search MATCH ?)"));
        q.parameters.append(match);
    }
    if (!m_filter.groupIds.isEmpty()) {
        QStringList marks;
        for (qint64 id : m_filter.groupIds) {
            marks.append(QStringLiteral("?"));
            q.parameters.append(id);
        }
        q.conditions.append(QStringLiteral("t.group_id IN (%1)").arg(marks.join(QLatin1Char(','))));
    }
    if (!m_filter.groupKind.isEmpty()) {
        // A game library's tags live in its categories.
        q.conditions.append(m_filter.groupKind == QLatin1String("library")
                                ? QStringLiteral("grp.kind = 'category'")
                                : QStringLiteral("grp.kind = ?"));
        if (m_filter.groupKind != QLatin1String("library"))
            q.parameters.append(m_filter.groupKind);
    }
    if (!m_filter.status.isEmpty()) {
        q.conditions.append(QStringLiteral("t.status = ?"));
        q.parameters.append(m_filter.status);
    }
    if (m_filter.unusedOnly)
        q.conditions.append(QStringLiteral("t.usage_count = 0"));

    const bool asc = sortOrder() == Qt::AscendingOrder;
    auto keys = [asc](std::initializer_list<const char *> exprs) {
        return sortKeys(exprs, asc);
    };
    switch (sortColumn()) {
    case IdColumn:
        q.order = keys({"t.id"});
        break;
    case NameColumn:
        q.order = keys({"t.name", "t.id"});
        break;
    case EnglishNameColumn:
        q.order = keys({"t.name_en COLLATE NOCASE", "t.id"});
        break;
    case GroupColumn:
        q.order = keys({"lib.name", "grp.position", "t.id"});
        break;
    case StatusColumn:
        q.order = keys({"t.status", "t.id"});
        break;
    case UsesColumn:
    default:
        q.order = keys({"t.usage_count", "t.id"});
        break;
    }
    return q;
}

QVariant TagTableModel::cellData(const QVariantList &row, int column, int role) const
{
    if (role == RawRole) {
        static const Raw rawOf[] = {RId, RName, RNameEn, RAliases, RGroupId, RStatus, RUses};
        return column >= 0 && column < ColumnCount ? row.value(rawOf[column]) : QVariant();
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (column) {
        case IdColumn:
            return row.value(RId);
        case NameColumn:
            return row.value(RName);
        case EnglishNameColumn:
            return row.value(RNameEn);
        case AliasesColumn:
            return row.value(RAliases).toString();
        case GroupColumn: {
            const QString kind = row.value(RGroupKind).toString();
            const QString code = row.value(RGroupCode).toString();
            if (kind == QLatin1String("dimension"))
                return Catalogue::Labels::dimension(code);
            if (kind == QLatin1String("general"))
                return Catalogue::Labels::groupKind(kind);
            if (kind == QLatin1String("category"))
                return Catalogue::Labels::name(row.value(RLibrary).toString(),
                                               row.value(RLibraryEn).toString()) +
                       QStringLiteral(" · ") + Catalogue::Labels::category(code);
            return Catalogue::Labels::name(row.value(RGroupName).toString(),
                                           row.value(RGroupNameEn).toString());
        }
        case StatusColumn:
            return Catalogue::Labels::status(row.value(RStatus).toString());
        case UsesColumn:
            return QLocale().toString(row.value(RUses).toLongLong());
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole) {
        static const QBrush muted(QColor(0x80, 0x80, 0x80));
        if (row.value(RStatus).toString() == QLatin1String("retired"))
            return muted;
        if (column == UsesColumn && row.value(RUses).toLongLong() == 0)
            return muted;
    }
    return {};
}

QVariant TagTableModel::exportValue(const QVariantList &row, int column) const
{
    switch (column) {
    case IdColumn:
    case UsesColumn:
        return cellData(row, column, RawRole).toLongLong();
    default:
        return cellData(row, column, Qt::DisplayRole);
    }
}
