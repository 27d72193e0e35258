#include "reviewtablemodel.h"

#include "catalogue.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

namespace {
enum Raw {
    RSeq,
    RId,
    RRequestedAt,
    RAuthor,
    RKind,
    RGame,
    RTarget,
    RAdded,
    RRemoved,
    RFields,
    RStatus,
    RReviewer,
    RQueued,
    RConflict
};

/// "3 h", "2 d": how long a request has waited.
QString age(qint64 seconds)
{
    if (seconds < 3600)
        return ReviewTableModel::tr("%n min", nullptr, int(qMax<qint64>(1, seconds / 60)));
    if (seconds < 86400)
        return ReviewTableModel::tr("%n h", nullptr, int(seconds / 3600));
    return ReviewTableModel::tr("%n d", nullptr, int(seconds / 86400));
}
} // namespace

ReviewTableModel::ReviewTableModel(RowLoader *loader, QObject *parent)
    : LazyTableModel(loader, parent)
{
    setInitialSort(RequestedColumn, Qt::AscendingOrder); // the oldest first
    invalidate();
}

void ReviewTableModel::setFilter(const Filter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidate();
}

void ReviewTableModel::setUser(const QString &user)
{
    if (user == m_user)
        return;
    m_user = user;
    invalidate();
}

QStringList ReviewTableModel::kinds()
{
    return {QStringLiteral("video_tags"), QStringLiteral("game_tags"),
            QStringLiteral("tag_create"), QStringLiteral("tag_update"),
            QStringLiteral("tag_merge"),  QStringLiteral("game_create"),
            QStringLiteral("game_update")};
}

QString ReviewTableModel::kindLabel(const QString &kind)
{
    if (kind == QLatin1String("video_tags"))
        return tr("Video tags");
    if (kind == QLatin1String("game_tags"))
        return tr("Game tags");
    if (kind == QLatin1String("tag_create"))
        return tr("New tag");
    if (kind == QLatin1String("tag_update"))
        return tr("Tag edit");
    if (kind == QLatin1String("tag_merge"))
        return tr("Tag merge");
    if (kind == QLatin1String("game_create"))
        return tr("New game");
    if (kind == QLatin1String("game_update"))
        return tr("Game edit");
    return kind;
}

QString ReviewTableModel::conflictText(const QString &code)
{
    if (code == QLatin1String("video_deleted"))
        return tr("The video was deleted.");
    if (code == QLatin1String("tag_deleted"))
        return tr("The tag was deleted.");
    if (code == QLatin1String("tag_retired"))
        return tr("A tag to add was retired or deleted.");
    if (code == QLatin1String("tag_edited"))
        return tr("The tag was edited since the request.");
    if (code == QLatin1String("into_retired"))
        return tr("The tag to merge into was retired or deleted.");
    if (code == QLatin1String("game_deleted"))
        return tr("The game was deleted.");
    if (code == QLatin1String("game_edited"))
        return tr("The game was edited since the request.");
    if (code == QLatin1String("name_taken"))
        return tr("The name is taken now.");
    return {};
}

QString ReviewTableModel::targetExpression()
{
    return QStringLiteral("CASE c.kind "
                          "WHEN 'video_tags' THEN (SELECT v.title FROM videos v "
                          "  WHERE v.id = json_extract(c.payload, '$.video_id')) "
                          "WHEN 'tag_update' THEN (SELECT t.name FROM tags t "
                          "  WHERE t.id = json_extract(c.payload, '$.tag_id')) "
                          "WHEN 'tag_merge' THEN (SELECT t.name FROM tags t "
                          "  WHERE t.id = json_extract(c.payload, '$.tag_id')) "
                          "WHEN 'tag_create' THEN json_extract(c.payload, '$.name') "
                          "WHEN 'game_create' THEN json_extract(c.payload, '$.name') "
                          "ELSE g.name END");
}

QString ReviewTableModel::queuedDecisionExpression()
{
    // "+c.id": without the unary plus, c.id's text affinity is applied to the comparison and
    // the outbox_review index on json_extract(payload, '$.request_id') cannot be used (every
    // review operation was scanned per request: 2 s for 1,000 decisions over 10,000 requests).
    return QStringLiteral(
        "(SELECT json_extract(o.payload, '$.approve') FROM outbox o WHERE o.kind = 'review' "
        "AND json_extract(o.payload, '$.request_id') = +c.id AND o.state NOT IN "
        "('rejected', 'discarded') LIMIT 1)");
}

QString ReviewTableModel::conflictExpression()
{
    // Only for requests still waiting: a decided request's target has moved on by design.
    return QStringLiteral(
        "CASE WHEN c.status <> 'pending' THEN '' "
        "WHEN c.kind = 'video_tags' AND NOT EXISTS (SELECT 1 FROM videos v "
        "  WHERE v.id = json_extract(c.payload, '$.video_id')) THEN 'video_deleted' "
        "WHEN c.kind IN ('video_tags', 'game_tags') AND EXISTS (SELECT 1 FROM "
        "  json_each(c.payload, '$.add') a LEFT JOIN tags t ON t.id = a.value "
        "  WHERE t.id IS NULL OR t.status <> 'active') THEN 'tag_retired' "
        "WHEN c.kind IN ('tag_update', 'tag_merge') AND NOT EXISTS (SELECT 1 FROM tags t "
        "  WHERE t.id = json_extract(c.payload, '$.tag_id')) THEN 'tag_deleted' "
        "WHEN c.kind = 'tag_update' AND c.base_row_version IS NOT NULL AND (SELECT t.row_version "
        "  FROM tags t WHERE t.id = json_extract(c.payload, '$.tag_id')) <> c.base_row_version "
        "  THEN 'tag_edited' "
        "WHEN c.kind = 'tag_merge' AND coalesce((SELECT t.status FROM tags t "
        "  WHERE t.id = json_extract(c.payload, '$.into')), '') <> 'active' THEN 'into_retired' "
        "WHEN c.kind IN ('game_update', 'game_tags') AND g.id IS NULL THEN 'game_deleted' "
        "WHEN c.kind = 'game_update' AND c.base_row_version IS NOT NULL "
        "  AND g.row_version <> c.base_row_version THEN 'game_edited' "
        "WHEN c.kind = 'tag_create' AND EXISTS (SELECT 1 FROM tags t WHERE t.group_id = "
        "  json_extract(c.payload, '$.group_id') AND t.name = json_extract(c.payload, '$.name')) "
        "  THEN 'name_taken' "
        "WHEN c.kind = 'game_create' AND EXISTS (SELECT 1 FROM games x "
        "  WHERE x.name = json_extract(c.payload, '$.name')) THEN 'name_taken' "
        "ELSE '' END");
}

QList<LazyTableModel::ColumnSpec> ReviewTableModel::columns() const
{
    const Qt::Alignment left = Qt::AlignLeft | Qt::AlignVCenter;
    return {
        {QStringLiteral("requested"), left, true}, {QStringLiteral("author"), left, true},
        {QStringLiteral("kind"), left, true},      {QStringLiteral("game"), left, true},
        {QStringLiteral("target"), left, true},    {QStringLiteral("change"), left, false},
        {QStringLiteral("state"), left, true},
    };
}

QString ReviewTableModel::columnTitle(int column) const
{
    switch (column) {
    case RequestedColumn:
        return tr("Waiting");
    case AuthorColumn:
        return tr("Author");
    case KindColumn:
        return tr("Kind");
    case GameColumn:
        return tr("Game");
    case TargetColumn:
        return tr("Affects");
    case ChangeColumn:
        return tr("Change");
    case StateColumn:
        return tr("State");
    default:
        return {};
    }
}

TableQuery ReviewTableModel::buildQuery() const
{
    TableQuery q;
    q.columns =
        QStringLiteral(
            "c.seq, c.id, c.requested_at, c.requested_by, c.kind, coalesce(g.name, ''), %1, "
            "coalesce(json_array_length(c.payload, '$.add'), 0), "
            "coalesce(json_array_length(c.payload, '$.remove'), 0), "
            "(SELECT group_concat(key, ', ') FROM json_each(c.payload) WHERE key NOT IN "
            "('tag_id', 'game_id', 'video_id', 'group_id', 'add', 'remove', 'into', 'tags')), "
            "c.status, coalesce(c.reviewed_by, ''), %2, %3")
            .arg(targetExpression(), queuedDecisionExpression(), conflictExpression());
    q.from = QStringLiteral("change_requests c LEFT JOIN games g ON g.id = c.game_id");
    q.conditions.append(m_filter.decided ? QStringLiteral("c.status <> 'pending'")
                                         : QStringLiteral("c.status = 'pending'"));
    if (!m_filter.author.isEmpty()) {
        q.conditions.append(QStringLiteral("c.requested_by = ?"));
        q.parameters.append(m_filter.author);
    }
    if (m_filter.gameId > 0) {
        q.conditions.append(QStringLiteral("c.game_id = ?"));
        q.parameters.append(m_filter.gameId);
    }
    if (!m_filter.kind.isEmpty()) {
        q.conditions.append(QStringLiteral("c.kind = ?"));
        q.parameters.append(m_filter.kind);
    }
    if (m_filter.minAgeS > 0) {
        q.conditions.append(QStringLiteral("c.requested_at <= ?"));
        q.parameters.append(QDateTime::currentSecsSinceEpoch() - m_filter.minAgeS);
    }
    const QString search = m_filter.search.trimmed();
    if (!search.isEmpty()) {
        q.conditions.append(
            QStringLiteral("instr(lower(coalesce(%1, '')), lower(?)) > 0").arg(targetExpression()));
        q.parameters.append(search);
    }
    const bool asc = sortOrder() == Qt::AscendingOrder;
    auto keys = [asc](std::initializer_list<const char *> exprs) {
        return sortKeys(exprs, asc);
    };
    switch (sortColumn()) {
    case AuthorColumn:
        q.order = keys({"c.requested_by", "c.seq"});
        break;
    case KindColumn:
        q.order = keys({"c.kind", "c.seq"});
        break;
    case GameColumn:
        q.order = keys({"6", "c.seq"});
        break;
    case TargetColumn:
        q.order = keys({"7", "c.seq"});
        break;
    case StateColumn:
        q.order = keys({"c.status", "c.seq"});
        break;
    case RequestedColumn:
    default:
        q.order = keys({"c.requested_at", "c.seq"});
        break;
    }
    return q;
}

QVariant ReviewTableModel::cellData(const QVariantList &row, int column, int role) const
{
    const QString conflict = row.value(RConflict).toString();
    const QVariant queued = row.value(RQueued);
    const QString status = row.value(RStatus).toString();
    switch (role) {
    case RequestIdRole:
        return row.value(RId);
    case OwnRole:
        return !m_user.isEmpty() && row.value(RAuthor).toString() == m_user;
    case PendingRole:
        return status == QLatin1String("pending") && queued.isNull();
    case ConflictRole:
        return conflict;
    case RawRole:
        return column == RequestedColumn ? row.value(RRequestedAt) : QVariant();
    default:
        break;
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (column) {
        case RequestedColumn: {
            const qint64 at = row.value(RRequestedAt).toLongLong();
            if (role == Qt::ToolTipRole)
                return Catalogue::Labels::dateTime(at);
            return age(QDateTime::currentSecsSinceEpoch() - at);
        }
        case AuthorColumn:
            return row.value(RAuthor);
        case KindColumn:
            return kindLabel(row.value(RKind).toString());
        case GameColumn:
            return row.value(RGame);
        case TargetColumn:
            return row.value(RTarget);
        case ChangeColumn: {
            const int added = row.value(RAdded).toInt();
            const int removed = row.value(RRemoved).toInt();
            QStringList parts;
            if (added > 0)
                parts.append(tr("+%n tag(s)", nullptr, added));
            if (removed > 0)
                parts.append(tr("−%n tag(s)", nullptr, removed));
            const QString fields = row.value(RFields).toString();
            if (!fields.isEmpty())
                parts.append(fields);
            return parts.join(QStringLiteral(" · "));
        }
        case StateColumn:
            if (status == QLatin1String("pending")) {
                if (!queued.isNull())
                    return queued.toBool() ? tr("Approval waiting to sync")
                                           : tr("Rejection waiting to sync");
                if (!conflict.isEmpty())
                    return role == Qt::ToolTipRole ? conflictText(conflict) : tr("Conflict");
                return row.value(RAuthor).toString() == m_user ? tr("Yours, waiting")
                                                               : tr("Waiting");
            }
            if (status == QLatin1String("approved"))
                return tr("Approved by %1").arg(row.value(RReviewer).toString());
            if (status == QLatin1String("rejected"))
                return tr("Rejected by %1").arg(row.value(RReviewer).toString());
            return tr("Conflict on approval (%1)").arg(row.value(RReviewer).toString());
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && column == StateColumn) {
        if (!conflict.isEmpty() && queued.isNull())
            return QBrush(QColor(0xb4, 0x53, 0x09));
        if (!queued.isNull())
            return QBrush(QColor(0x1d, 0x4e, 0xd8));
    }
    return {};
}
