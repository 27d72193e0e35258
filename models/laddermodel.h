#pragma once

#include "levelladder.h"

#include <QAbstractTableModel>

/// The levels of a ladder being edited (the Levels page): names in Chinese and English and the
/// resources are edited in place; the rule is shown in words and edited beside (RuleTreeModel).
class LadderModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        LevelColumn,
        NameZhColumn,
        NameEnColumn,
        ResourcesColumn,
        RuleColumn,
        ColumnCount
    };

    explicit LadderModel(QObject *parent = nullptr);

    void setLadder(const LevelLadder &ladder);
    /// The levels as a ladder (check isValid()).
    LevelLadder ladder() const;
    int levelCount() const { return int(m_levels.size()); }
    QJsonObject rule(int row) const;
    void setRule(int row, const QJsonObject &rule);
    /// Adds a level above the top one (one video of all time, to be edited).
    void addLevel();
    /// Removes the top level (levels are numbered in order).
    void removeTopLevel();
    void setReadOnly(bool readOnly);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

signals:
    /// Any edit.
    void edited();

private:
    QList<LevelLadder::Level> m_levels;
    bool m_readOnly = false;
};
