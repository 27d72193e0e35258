#include "usertablemodel.h"

#include "catalogue.h"
#include "levelladder.h"
#include "searchtext.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

namespace {
enum Raw {
    RId,
    RNickname,
    RKind,
    RRegistered,
    RChannel,
    RPlatform,
    RDevice,
    ROs,
    RLevel,
    RVip,
    RVideos,
    RCreatorLevel,
    RProgress,
    RNameZh,
    RNameEn,
    RLevels
};
}

int UserTableModel::rawIndex(int column)
{
    static const int kRaw[ColumnCount] = {
        RId,       RNickname, RKind, RCreatorLevel, RProgress, RRegistered, RChannel,
        RPlatform, RDevice,   ROs,   RLevel,        RVip,      RVideos};
    return kRaw[column];
}

UserTableModel::UserTableModel(RowLoader *loader, QObject *parent)
    : LazyTableModel(loader, parent)
{
    setInitialSort(RegisteredColumn, Qt::DescendingOrder);
    invalidate();
}

void UserTableModel::setFilter(const Filter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    invalidate();
}

QList<LazyTableModel::ColumnSpec> UserTableModel::columns() const
{
    const Qt::Alignment right = Qt::AlignRight | Qt::AlignVCenter;
    const Qt::Alignment left = Qt::AlignLeft | Qt::AlignVCenter;
    return {
        {QStringLiteral("id"), right, true},       {QStringLiteral("nickname"), left, true},
        {QStringLiteral("kind"), left, true},      {QStringLiteral("creator_level"), left, true},
        {QStringLiteral("progress"), right, true}, {QStringLiteral("registered"), left, true},
        {QStringLiteral("channel"), left, true},   {QStringLiteral("platform"), left, true},
        {QStringLiteral("device"), left, true},    {QStringLiteral("os"), left, true},
        {QStringLiteral("level"), right, true},    {QStringLiteral("vip"), Qt::AlignCenter, true},
        {QStringLiteral("videos"), right, true},
    };
}

QString UserTableModel::columnTitle(int column) const
{
    switch (column) {
    case IdColumn:
        return tr("ID");
    case NicknameColumn:
        return tr("Nickname");
    case KindColumn:
        return tr("Kind");
    case RegisteredColumn:
        return tr("Registered");
    case ChannelColumn:
        return tr("Channel");
    case PlatformColumn:
        return tr("Platform");
    case DeviceColumn:
        return tr("Device");
    case OsColumn:
        return tr("OS");
    case LevelColumn:
        return tr("Account Level");
    case CreatorLevelColumn:
        return tr("Creator Level");
    case ProgressColumn:
        return tr("To Next Level");
    case VipColumn:
        return tr("VIP");
    case VideosColumn:
        return tr("Videos");
    default:
        return {};
    }
}

TableQuery UserTableModel::buildQuery() const
{
    TableQuery q;
    q.columns = QStringLiteral("u.id, u.nickname, u.kind, u.registered_at, u.channel, u.platform, "
                               "u.device_model, u.os, u.level, u.vip, u.video_count, cl.level, "
                               "cl.progress, CASE WHEN cl.level > 0 THEN json_extract(ll.ladder, "
                               "'$.levels[' || (cl.level - 1) || '].name_zh') END, "
                               "CASE WHEN cl.level > 0 THEN json_extract(ll.ladder, '$.levels[' "
                               "|| (cl.level - 1) || '].name_en') END, "
                               "json_array_length(ll.ladder, '$.levels')");
    q.from = QStringLiteral("users u LEFT JOIN creator_levels cl ON cl.user_id = u.id "
                            "LEFT JOIN level_ladders ll ON ll.version = cl.ladder_version");
    q.keyColumn = QStringLiteral("u.id");
    const QString match = SearchText::matchExpression(m_filter.search);
    if (!match.isEmpty()) {
        q.conditions.append(
            QStringLiteral("u.id IN (SELECT rowid FROM user_search WHERE user_search MATCH ?)"));
        q.parameters.append(match);
    }
    const std::pair<const char *, QString> equals[] = {
        {"u.kind = ?", m_filter.kind},
        {"u.platform = ?", m_filter.platform},
        {"u.channel = ?", m_filter.channel},
    };
    for (const auto &[condition, value] : equals) {
        if (!value.isEmpty()) {
            q.conditions.append(QString::fromLatin1(condition));
            q.parameters.append(value);
        }
    }
    if (m_filter.vipOnly)
        q.conditions.append(QStringLiteral("u.vip = 1"));

    if (!match.isEmpty() && q.conditions.size() == 1)
        q.countOverride =
            QStringLiteral("SELECT count(*) FROM user_search WHERE user_search MATCH ?");
    const bool asc = sortOrder() == Qt::AscendingOrder;
    auto keys = [asc](std::initializer_list<const char *> exprs) {
        return sortKeys(exprs, asc);
    };
    switch (sortColumn()) {
    case IdColumn:
        q.order = keys({"u.id"});
        break;
    case NicknameColumn:
        q.order = keys({"u.nickname", "u.id"});
        break;
    case KindColumn:
        q.order = keys({"u.kind", "u.registered_at", "u.id"});
        break;
    case ChannelColumn:
        q.order = keys({"u.channel", "u.registered_at", "u.id"});
        break;
    case PlatformColumn:
        q.order = keys({"u.platform", "u.registered_at", "u.id"});
        break;
    case DeviceColumn:
        q.order = keys({"u.device_model", "u.id"});
        break;
    case OsColumn:
        q.order = keys({"u.os", "u.id"});
        break;
    case LevelColumn:
        q.order = keys({"u.level", "u.id"});
        break;
    case VipColumn:
        q.order = keys({"u.vip", "u.registered_at", "u.id"});
        break;
    case VideosColumn:
        q.order = keys({"u.video_count", "u.id"});
        break;
    case CreatorLevelColumn:
        q.order = keys({"coalesce(cl.level, -1)", "coalesce(cl.progress, -1)", "u.id"});
        break;
    case ProgressColumn:
        q.order = keys({"coalesce(cl.progress, -1)", "coalesce(cl.level, -1)", "u.id"});
        break;
    case RegisteredColumn:
    default:
        q.order = keys({"u.registered_at", "u.id"});
        break;
    }
    return q;
}

QVariant UserTableModel::cellData(const QVariantList &row, int column, int role) const
{
    if (role == RawRole)
        return column >= 0 && column < ColumnCount ? row.value(rawIndex(column)) : QVariant();
    if (role == Qt::DisplayRole) {
        switch (column) {
        case IdColumn:
            return row.value(RId);
        case NicknameColumn:
            return row.value(RNickname);
        case KindColumn:
            return Catalogue::Labels::userKind(row.value(RKind).toString());
        case RegisteredColumn:
            return Catalogue::Labels::date(row.value(RRegistered).toLongLong());
        case ChannelColumn:
            return Catalogue::Labels::channel(row.value(RChannel).toString());
        case PlatformColumn:
            return Catalogue::Labels::platform(row.value(RPlatform).toString());
        case DeviceColumn:
            return row.value(RDevice);
        case OsColumn:
            return row.value(ROs);
        case LevelColumn:
            return row.value(RLevel);
        case VipColumn:
            return row.value(RVip).toInt() ? tr("VIP") : QString();
        case VideosColumn:
            return QLocale().toString(row.value(RVideos).toLongLong());
        case CreatorLevelColumn: {
            if (row.value(RCreatorLevel).isNull())
                return {};
            const int level = row.value(RCreatorLevel).toInt();
            const QString name = LevelLadder::levelName(row.value(RNameZh).toString(),
                                                        row.value(RNameEn).toString());
            return level == 0       ? tr("Not yet on the ladder")
                   : name.isEmpty() ? tr("Level %1").arg(level)
                                    : tr("%1 · %2").arg(level).arg(name);
        }
        case ProgressColumn:
            if (row.value(RProgress).isNull())
                return {};
            if (row.value(RCreatorLevel).toInt() >= row.value(RLevels).toInt() &&
                row.value(RLevels).toInt() > 0)
                return tr("Top level");
            // Rounded down: 100 % only once the next level's rule holds.
            return QLocale().toString(LevelLadder::percent(row.value(RProgress).toDouble())) +
                   QLocale().percent();
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && column == ProgressColumn && !row.value(RProgress).isNull())
        return tr("How far the creator is towards the next level's rule, from 0 to 100 %");
    if (role == Qt::ForegroundRole && column == VipColumn) {
        static const QBrush gold(QColor(0xB8, 0x86, 0x0B));
        return gold;
    }
    return {};
}

QVariant UserTableModel::exportValue(const QVariantList &row, int column) const
{
    switch (column) {
    case IdColumn:
    case LevelColumn:
    case VideosColumn:
        return cellData(row, column, RawRole).toLongLong();
    case CreatorLevelColumn:
        return row.value(RCreatorLevel).isNull() ? QVariant() : row.value(RCreatorLevel);
    case ProgressColumn:
        return row.value(RProgress).isNull() ? QVariant() : row.value(RProgress).toDouble();
    case RegisteredColumn:
        return Catalogue::Labels::isoDateTime(row.value(RRegistered).toLongLong());
    case VipColumn:
        return row.value(RVip).toInt() != 0;
    default:
        return cellData(row, column, Qt::DisplayRole);
    }
}
