#pragma once

#include <QStyledItemDelegate>

/// Edits a rule's tree (RuleTreeModel): the group's kind or the metric and the window from
/// lists, the minimum in a spin box (a rate in percent).
class RuleDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
};
