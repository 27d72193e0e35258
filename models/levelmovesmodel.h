#pragma once

#include "levelwhatif.h"

#include <QAbstractTableModel>

/// The creators a draft ladder moves (the what-if preview): creator, ID, level now, level under
/// the draft, and the direction. SortRole gives numbers for numeric columns.
class LevelMovesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { CreatorColumn, IdColumn, NowColumn, DraftColumn, ChangeColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 }; ///< the column's value to sort by

    explicit LevelMovesModel(QObject *parent = nullptr);

    void setMoves(const QList<LevelWhatIf::Move> &moves);
    const QList<LevelWhatIf::Move> &moves() const { return m_moves; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<LevelWhatIf::Move> m_moves;
};
