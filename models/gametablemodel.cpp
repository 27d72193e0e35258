#include "gametablemodel.h"

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
    RDeveloper,
    RReleased,
    RGenre,
    RGenreEn,
    RTerminal,
    RTerminalEn,
    RVideos,
    RLibrary,
    RStatus
};

QString dimensionList(const char *code, const char *nameExpr)
{
    return QStringLiteral("(SELECT group_concat(%2, ' / ') FROM game_tags gt "
                          "JOIN tags t ON t.id = gt.tag_id "
                          "JOIN tag_groups d ON d.id = t.group_id "
                          "WHERE gt.game_id = g.id AND d.kind = 'dimension' AND d.code = '%1')")
        .arg(QString::fromLatin1(code), QString::fromLatin1(nameExpr));
}
} // namespace

GameTableModel::GameTableModel(RowLoader *loader, QObject *parent)
    : LazyTableModel(loader, parent)
{
    setInitialSort(VideosColumn, Qt::DescendingOrder);
    invalidate();
}

void GameTableModel::setFilter(const Filter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidate();
}

QList<LazyTableModel::ColumnSpec> GameTableModel::columns() const
{
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    const Qt::Alignment left = Qt::AlignLeft | Qt::AlignVCenter;
    return {
        {QStringLiteral("id"), right, true},       {QStringLiteral("name"), left, true},
        {QStringLiteral("name_en"), left, true},   {QStringLiteral("developer"), left, true},
        {QStringLiteral("released"), right, true}, {QStringLiteral("genre"), left, true},
        {QStringLiteral("terminal"), left, true},  {QStringLiteral("videos"), right, true},
        {QStringLiteral("library"), right, true},  {QStringLiteral("status"), left, true},
    };
}

QString GameTableModel::columnTitle(int column) const
{
    switch (column) {
    case IdColumn:
        return tr("ID");
    case NameColumn:
        return tr("Name");
    case EnglishNameColumn:
        return tr("English name");
    case DeveloperColumn:
        return tr("Developer");
    case ReleasedColumn:
        return tr("Released");
    case GenreColumn:
        return tr("Genre");
    case TerminalColumn:
        return tr("Terminals");
    case VideosColumn:
        return tr("Videos");
    case LibraryColumn:
        return tr("Library tags");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

TableQuery GameTableModel::buildQuery() const
{
    TableQuery q;
    q.columns = QStringLiteral("g.id, g.name, g.name_en, g.developer, g.released, ") +
                dimensionList("genre", "t.name") + QStringLiteral(", ") +
                dimensionList("genre", "coalesce(nullif(t.name_en, ''), t.name)") +
                QStringLiteral(", ") + dimensionList("terminal", "t.name") + QStringLiteral(", ") +
                dimensionList("terminal", "coalesce(nullif(t.name_en, ''), t.name)") +
                QStringLiteral(", g.video_count, "
                               "(SELECT count(*) FROM tags t JOIN tag_groups c "
                               "ON c.id = t.group_id WHERE c.game_id = g.id), g.status");
    q.from = QStringLiteral("games g");
    const QString match = SearchText::matchExpression(m_filter.search);
    if (!match.isEmpty()) {
        q.conditions.append(
            QStringLiteral("g.id IN (SELECT rowid FROM game_search WHERE game_search MATCH ?)"));
        q.parameters.append(match);
    }
    if (!m_filter.status.isEmpty()) {
        q.conditions.append(QStringLiteral("g.status = ?"));
        q.parameters.append(m_filter.status);
    }
    if (m_filter.tagId > 0) {
        q.conditions.append(
            QStringLiteral("g.id IN (SELECT game_id FROM game_tags WHERE tag_id = ?)"));
        q.parameters.append(m_filter.tagId);
    }
    const bool asc = sortOrder() == Qt::AscendingOrder;
    auto keys = [asc](std::initializer_list<const char *> exprs) {
        return sortKeys(exprs, asc);
    };
    switch (sortColumn()) {
    case IdColumn:
        q.order = keys({"g.id"});
        break;
    case NameColumn:
        q.order = keys({"g.name", "g.id"});
        break;
    case EnglishNameColumn:
        q.order = keys({"g.name_en COLLATE NOCASE", "g.id"});
        break;
    case DeveloperColumn:
        q.order = keys({"g.developer", "g.id"});
        break;
    case ReleasedColumn:
        q.order = keys({"g.released", "g.id"});
        break;
    case GenreColumn:
        q.order = keys({"6", "g.id"});
        break;
    case TerminalColumn:
        q.order = keys({"8", "g.id"});
        break;
    case LibraryColumn:
        q.order = keys({"11", "g.id"});
        break;
    case StatusColumn:
        q.order = keys({"g.status", "g.id"});
        break;
    case VideosColumn:
    default:
        q.order = keys({"g.video_count", "g.id"});
        break;
    }
    return q;
}

QVariant GameTableModel::cellData(const QVariantList &row, int column, int role) const
{
    const bool english = Catalogue::Labels::englishNames();
    if (role == RawRole) {
        static const Raw rawOf[] = {RId,    RName,     RNameEn, RDeveloper, RReleased,
                                    RGenre, RTerminal, RVideos, RLibrary,   RStatus};
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
        case DeveloperColumn:
            return row.value(RDeveloper);
        case ReleasedColumn:
            return row.value(RReleased).isNull() ? QVariant() : row.value(RReleased);
        case GenreColumn:
            return row.value(english ? RGenreEn : RGenre);
        case TerminalColumn:
            return row.value(english ? RTerminalEn : RTerminal);
        case VideosColumn:
            return QLocale().toString(row.value(RVideos).toLongLong());
        case LibraryColumn:
            return QLocale().toString(row.value(RLibrary).toLongLong());
        case StatusColumn:
            return Catalogue::Labels::status(row.value(RStatus).toString());
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && row.value(RStatus).toString() == QLatin1String("retired")) {
        static const QBrush muted(QColor(0x80, 0x80, 0x80));
        return muted;
    }
    return {};
}

QVariant GameTableModel::exportValue(const QVariantList &row, int column) const
{
    switch (column) {
    case IdColumn:
    case VideosColumn:
    case LibraryColumn:
        return cellData(row, column, RawRole).toLongLong();
    case ReleasedColumn: {
        const QVariant year = cellData(row, column, RawRole);
        return year.isNull() ? QVariant() : QVariant(year.toLongLong());
    }
    default:
        return cellData(row, column, Qt::DisplayRole);
    }
}
