#include "levelmovesmodel.h"

#include <QBrush>
#include <QColor>

LevelMovesModel::LevelMovesModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void LevelMovesModel::setMoves(const QList<LevelWhatIf::Move> &moves)
{
    beginResetModel();
    m_moves = moves;
    endResetModel();
}

int LevelMovesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_moves.size());
}

int LevelMovesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LevelMovesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_moves.size())
        return {};
    const LevelWhatIf::Move &m = m_moves.at(index.row());
    const int change = m.proposed - m.current;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case CreatorColumn:
            return m.nickname;
        case IdColumn:
            return m.userId;
        case NowColumn:
            return m.current;
        case DraftColumn:
            return m.proposed;
        case ChangeColumn:
            return change > 0 ? tr("▲ up %n", nullptr, change) : tr("▼ down %n", nullptr, -change);
        default:
            return {};
        }
    }
    if (role == SortRole)
        return index.column() == CreatorColumn ? QVariant(m.nickname)
               : index.column() == IdColumn    ? QVariant(m.userId)
               : index.column() == NowColumn   ? QVariant(m.current)
               : index.column() == DraftColumn ? QVariant(m.proposed)
                                               : QVariant(change);
    if (role == Qt::ForegroundRole && index.column() == ChangeColumn)
        return QBrush(change > 0 ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
    if (role == Qt::TextAlignmentRole && index.column() != CreatorColumn)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant LevelMovesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CreatorColumn:
        return tr("Creator");
    case IdColumn:
        return tr("ID");
    case NowColumn:
        return tr("Now");
    case DraftColumn:
        return tr("Draft");
    case ChangeColumn:
        return tr("Change");
    default:
        return {};
    }
}
