#include "videotablemodel.h"

#include "catalogue.h"
#include "searchtext.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace {
enum Raw {
    RId,
    RTitle,
    RGame,
    RGameEn,
    RUploader,
    RSource,
    RDuration,
    RPublished,
    RFeatured,
    RPlays,
    RTagCount,
    RGameId,
    RUploaderId
};

const QString Columns = QStringLiteral(
    "v.id, v.title, g.name, g.name_en, u.nickname, v.source, v.duration_s, v.published_at, "
    "v.featured, v.plays, v.tag_count, v.game_id, v.uploader_id");
const QString From = QStringLiteral(
    "videos v JOIN games g ON g.id = v.game_id LEFT JOIN users u ON u.id = v.uploader_id");
} // namespace

VideoTableModel::VideoTableModel(RowLoader *loader, QObject *parent)
    : LazyTableModel(loader, parent)
{
    setInitialSort(PublishedColumn, Qt::DescendingOrder);
    invalidate();
}

void VideoTableModel::setFilter(const Filter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidate();
}

QList<LazyTableModel::ColumnSpec> VideoTableModel::columns() const
{
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    const Qt::Alignment left = Qt::AlignLeft | Qt::AlignVCenter;
    return {
        {QStringLiteral("id"), right, true},
        {QStringLiteral("title"), left, true},
        {QStringLiteral("game"), left, true},
        {QStringLiteral("uploader"), left, false},
        {QStringLiteral("source"), left, true},
        {QStringLiteral("duration"), right, true},
        {QStringLiteral("published"), left, true},
        {QStringLiteral("featured"), Qt::AlignCenter, true},
        {QStringLiteral("plays"), right, true},
        {QStringLiteral("tags"), right, true},
    };
}

QString VideoTableModel::columnTitle(int column) const
{
    switch (column) {
    case IdColumn:
        return tr("ID");
    case TitleColumn:
        return tr("Title");
    case GameColumn:
        return tr("Game");
    case UploaderColumn:
        return tr("Uploader");
    case SourceColumn:
        return tr("Source");
    case DurationColumn:
        return tr("Duration");
    case PublishedColumn:
        return tr("Published");
    case FeaturedColumn:
        return tr("Featured");
    case PlaysColumn:
        return tr("Plays");
    case TagsColumn:
        return tr("Tags");
    default:
        return {};
    }
}

TableQuery VideoTableModel::buildQuery() const
{
    TableQuery q;
    q.columns = Columns;
    q.from = From;
    q.countFrom = QStringLiteral("videos v");
    q.keyColumn = QStringLiteral("v.id");
    q.keyFrom = QStringLiteral("videos v");
    const QString match = SearchText::matchExpression(m_filter.search);
    if (!match.isEmpty()) {
        q.conditions.append(
            QStringLiteral("v.id IN (SELECT rowid FROM video_search WHERE video_search MATCH ?)"));
        q.parameters.append(match);
    }
    if (m_filter.gameId > 0) {
        q.conditions.append(QStringLiteral("v.game_id = ?"));
        q.parameters.append(m_filter.gameId);
    }
    if (m_filter.tagId > 0) {
        q.conditions.append(
            QStringLiteral("v.id IN (SELECT video_id FROM video_tags WHERE tag_id = ?)"));
        q.parameters.append(m_filter.tagId);
    }
    // The tag expression's videos, computed once per reset (count and windows read the table).
    const QString tagTable = QStringLiteral("temp.tag_set_%1").arg(quintptr(this), 0, 16);
    if (!m_filter.tagSet.isEmpty()) {
        q.setup = {QStringLiteral("DROP TABLE IF EXISTS %1").arg(tagTable),
                   QStringLiteral("CREATE TABLE %1 (video_id INTEGER PRIMARY KEY)").arg(tagTable),
                   QStringLiteral("INSERT OR IGNORE INTO %1 %2").arg(tagTable, m_filter.tagSet)};
        q.conditions.append(
            QStringLiteral("v.id %1 (SELECT video_id FROM %2)")
                .arg(m_filter.tagSetNegated ? QStringLiteral("NOT IN") : QStringLiteral("IN"),
                     tagTable));
    }
    if (m_filter.myChangesOnly)
        q.conditions.append(QStringLiteral(
            "v.id IN (SELECT json_extract(payload, '$.video_id') FROM outbox WHERE kind = "
            "'video_tags' AND (state IN ('pending', 'sent', 'rejected', 'conflict') OR (state = "
            "'applied' AND json_extract(result, '$.status') = 'pending' AND "
            "coalesce(json_extract(result, '$.review.status'), '') <> 'approved')))"));
    if (m_filter.uploaderId > 0) {
        q.conditions.append(QStringLiteral("v.uploader_id = ?"));
        q.parameters.append(m_filter.uploaderId);
    }
    if (!m_filter.source.isEmpty()) {
        q.conditions.append(QStringLiteral("v.source = ?"));
        q.parameters.append(m_filter.source);
    }
    if (m_filter.featuredOnly)
        q.conditions.append(QStringLiteral("v.featured = 1"));
    if (m_filter.untaggedOnly)
        q.conditions.append(QStringLiteral("v.tag_count = 0"));

    if (!m_filter.tagSet.isEmpty() && q.conditions.size() == 1)
        q.countOverride =
            m_filter.tagSetNegated
                ? QStringLiteral("SELECT (SELECT count(*) FROM videos) - (SELECT count(*) FROM %1)")
                      .arg(tagTable)
                : QStringLiteral("SELECT count(*) FROM %1").arg(tagTable);
    if (!match.isEmpty() && q.conditions.size() == 1)
        q.countOverride =
            QStringLiteral("SELECT count(*) FROM video_search WHERE video_search MATCH ?");
    const bool asc = sortOrder() == Qt::AscendingOrder;
    auto keys = [asc](std::initializer_list<const char *> exprs) {
        return sortKeys(exprs, asc);
    };
    switch (sortColumn()) {
    case IdColumn:
        q.order = keys({"v.id"});
        break;
    case TitleColumn:
        q.order = keys({"v.title", "v.id"});
        break;
    case GameColumn:
        // Walk games by name and each game's videos by index: CROSS JOIN fixes that join
        // order in SQLite, so no million-row sort is needed.
        q.keyFrom = QStringLiteral("games g CROSS JOIN videos v ON v.game_id = g.id");
        q.order = keys({"g.name", "v.published_at", "v.id"});
        break;
    case SourceColumn:
        q.order = keys({"v.source", "v.published_at", "v.id"});
        break;
    case DurationColumn:
        q.order = keys({"v.duration_s", "v.id"});
        break;
    case FeaturedColumn:
        q.order = keys({"v.featured", "v.published_at", "v.id"});
        break;
    case PlaysColumn:
        q.order = keys({"v.plays", "v.id"});
        break;
    case TagsColumn:
        q.order = keys({"v.tag_count", "v.published_at", "v.id"});
        break;
    case PublishedColumn:
    default:
        q.order = keys({"v.published_at", "v.id"});
        break;
    }
    return q;
}

QVariant VideoTableModel::cellData(const QVariantList &row, int column, int role) const
{
    if (role == RawRole) {
        static const Raw rawOf[] = {RId,       RTitle,     RGameId,   RUploaderId, RSource,
                                    RDuration, RPublished, RFeatured, RPlays,      RTagCount};
        return column >= 0 && column < ColumnCount ? row.value(rawOf[column]) : QVariant();
    }
    if (role == Qt::DisplayRole) {
        switch (column) {
        case IdColumn:
            return row.value(RId);
        case TitleColumn:
            return row.value(RTitle);
        case GameColumn:
            return Catalogue::Labels::name(row.value(RGame).toString(),
                                           row.value(RGameEn).toString());
        case UploaderColumn:
            return row.value(RUploader).isNull() ? tr("(deleted user)") : row.value(RUploader);
        case SourceColumn:
            return Catalogue::Labels::source(row.value(RSource).toString());
        case DurationColumn:
            return Catalogue::Labels::duration(row.value(RDuration).toInt());
        case PublishedColumn:
            return Catalogue::Labels::dateTime(row.value(RPublished).toLongLong());
        case FeaturedColumn:
            return row.value(RFeatured).toInt() ? QStringLiteral("★") : QString();
        case PlaysColumn:
            return QLocale().toString(row.value(RPlays).toLongLong());
        case TagsColumn:
            return row.value(RTagCount).toInt() == 0
                       ? tr("untagged")
                       : QLocale().toString(row.value(RTagCount).toInt());
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        if (column == TitleColumn)
            return row.value(RTitle);
        if (column == FeaturedColumn && row.value(RFeatured).toInt())
            return tr("Featured video");
        if (column == TagsColumn && row.value(RTagCount).toInt() == 0)
            return tr("This video has no tags yet");
        return {};
    }
    if (role == Qt::ForegroundRole) {
        static const QBrush muted(QColor(0x80, 0x80, 0x80));
        static const QBrush star(QColor(0xD9, 0x8E, 0x04));
        if (column == TagsColumn && row.value(RTagCount).toInt() == 0)
            return muted;
        if (column == FeaturedColumn)
            return star;
        if (column == UploaderColumn && row.value(RUploader).isNull())
            return muted;
        return {};
    }
    return {};
}

QVariant VideoTableModel::exportValue(const QVariantList &row, int column) const
{
    const QVariant raw = cellData(row, column, RawRole);
    switch (column) {
    case IdColumn:
    case DurationColumn:
    case PlaysColumn:
    case TagsColumn:
        return raw.toLongLong();
    case PublishedColumn:
        return Catalogue::Labels::isoDateTime(raw.toLongLong());
    case FeaturedColumn:
        return raw.toInt() != 0;
    case UploaderColumn:
        return row.value(RUploader);
    default:
        return cellData(row, column, Qt::DisplayRole);
    }
}
