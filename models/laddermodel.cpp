#include "laddermodel.h"

#include <QJsonArray>
#include <QRegularExpression>

LadderModel::LadderModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void LadderModel::setLadder(const LevelLadder &ladder)
{
    beginResetModel();
    m_levels = ladder.levels();
    endResetModel();
}

LevelLadder LadderModel::ladder() const
{
    QJsonArray levels;
    for (const LevelLadder::Level &l : m_levels) {
        QJsonObject level{{QStringLiteral("level"), l.level},
                          {QStringLiteral("name_zh"), l.nameZh},
                          {QStringLiteral("name_en"), l.nameEn},
                          {QStringLiteral("resources"), QJsonArray::fromStringList(l.resources)},
                          {QStringLiteral("rule"), l.rule}};
        levels.append(level);
    }
    return LevelLadder::fromJson({{QStringLiteral("levels"), levels}});
}

QJsonObject LadderModel::rule(int row) const
{
    return row >= 0 && row < m_levels.size() ? m_levels.at(row).rule : QJsonObject();
}

void LadderModel::setRule(int row, const QJsonObject &rule)
{
    if (row < 0 || row >= m_levels.size() || m_levels.at(row).rule == rule)
        return;
    m_levels[row].rule = rule;
    emit dataChanged(index(row, RuleColumn), index(row, RuleColumn));
    emit edited();
}

void LadderModel::addLevel()
{
    const int row = int(m_levels.size());
    beginInsertRows({}, row, row);
    LevelLadder::Level level;
    level.level = row + 1;
    level.nameZh = QStringLiteral("等级 %1").arg(row + 1);  // the Chinese name: data, not UI
    level.nameEn = QStringLiteral("Level %1").arg(row + 1); // the English name: data, not UI
    level.rule = {{QStringLiteral("metric"), QStringLiteral("videos")},
                  {QStringLiteral("window"), 0},
                  {QStringLiteral("min"), 1}};
    m_levels.append(level);
    endInsertRows();
    emit edited();
}

void LadderModel::removeTopLevel()
{
    if (m_levels.isEmpty())
        return;
    const int row = int(m_levels.size()) - 1;
    beginRemoveRows({}, row, row);
    m_levels.removeLast();
    endRemoveRows();
    emit edited();
}

void LadderModel::setReadOnly(bool readOnly)
{
    if (m_readOnly == readOnly)
        return;
    m_readOnly = readOnly;
    if (!m_levels.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int LadderModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_levels.size());
}

int LadderModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LadderModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_levels.size())
        return {};
    const LevelLadder::Level &l = m_levels.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case LevelColumn:
            return l.level;
        case NameZhColumn:
            return l.nameZh;
        case NameEnColumn:
            return l.nameEn;
        case ResourcesColumn:
            return l.resources.join(QStringLiteral("; "));
        case RuleColumn:
            return LevelLadder::describe(l.rule);
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == RuleColumn)
        return LevelLadder::describe(l.rule);
    if (role == Qt::ToolTipRole && index.column() == ResourcesColumn)
        return tr("What the level grants, separated by semicolons");
    if (role == Qt::TextAlignmentRole && index.column() == LevelColumn)
        return int(Qt::AlignCenter);
    return {};
}

QVariant LadderModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LevelColumn:
        return tr("Level");
    case NameZhColumn:
        return tr("Name (Chinese)");
    case NameEnColumn:
        return tr("Name (English)");
    case ResourcesColumn:
        return tr("Resources");
    case RuleColumn:
        return tr("Rule");
    default:
        return {};
    }
}

bool LadderModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    LevelLadder::Level &l = m_levels[index.row()];
    const QString text = value.toString().trimmed();
    switch (index.column()) {
    case NameZhColumn:
        if (text == l.nameZh)
            return true;
        l.nameZh = text;
        break;
    case NameEnColumn:
        if (text == l.nameEn)
            return true;
        l.nameEn = text;
        break;
    case ResourcesColumn: {
        QStringList resources;
        for (const QString &r : text.split(QRegularExpression(QStringLiteral("[;；\\n]"))))
            if (!r.trimmed().isEmpty())
                resources.append(r.trimmed());
        if (resources == l.resources)
            return true;
        l.resources = resources;
        break;
    }
    default:
        return false;
    }
    emit dataChanged(index, index);
    emit edited();
    return true;
}

Qt::ItemFlags LadderModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    if (!m_readOnly && (index.column() == NameZhColumn || index.column() == NameEnColumn ||
                        index.column() == ResourcesColumn))
        f |= Qt::ItemIsEditable;
    return f;
}
