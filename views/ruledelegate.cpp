#include "ruledelegate.h"

#include "levelladder.h"
#include "ruletreemodel.h"

#include <QComboBox>
#include <QDoubleSpinBox>

namespace {

bool isRate(const QModelIndex &index)
{
    return index.siblingAtColumn(RuleTreeModel::ConditionColumn).data(Qt::EditRole).toString() ==
           QLatin1String("featured_rate");
}

} // namespace

QWidget *RuleDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                    const QModelIndex &index) const
{
    const auto *model = qobject_cast<const RuleTreeModel *>(index.model());
    if (!model)
        return nullptr;
    if (index.column() == RuleTreeModel::ConditionColumn) {
        auto *combo = new QComboBox(parent);
        if (model->isGroup(index)) {
            combo->addItem(RuleTreeModel::tr("All of these"), QStringLiteral("all"));
            combo->addItem(RuleTreeModel::tr("Any of these"), QStringLiteral("any"));
        } else {
            for (const QString &metric : LevelLadder::metrics())
                combo->addItem(LevelLadder::metricName(metric), metric);
        }
        return combo;
    }
    if (index.column() == RuleTreeModel::WindowColumn) {
        auto *combo = new QComboBox(parent);
        for (int window : LevelLadder::windows())
            combo->addItem(LevelLadder::windowName(window), window);
        return combo;
    }
    auto *spin = new QDoubleSpinBox(parent);
    if (isRate(index)) {
        spin->setRange(0, 100);
        spin->setDecimals(1);
        spin->setSuffix(QStringLiteral(" %"));
    } else {
        spin->setRange(0, 1e15); // the largest minimum a ladder takes
        spin->setDecimals(0);
    }
    return spin;
}

void RuleDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QVariant value = index.data(Qt::EditRole);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        combo->setCurrentIndex(std::max(0, combo->findData(value)));
    } else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
        spin->setValue(isRate(index) ? value.toDouble() * 100 : value.toDouble());
        // What the box showed at first: closing it unchanged leaves the value as it was (the
        // box rounds to its decimals).
        spin->setProperty("shown", spin->value());
    }
}

void RuleDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                const QModelIndex &index) const
{
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        model->setData(index, combo->currentData());
    } else if (auto *spin = qobject_cast<QDoubleSpinBox *>(editor)) {
        if (spin->value() == spin->property("shown").toDouble())
            return;
        // A percentage with one decimal is a rate with three: written through its decimal
        // text (0.9 % is 0.009, not 0.009000000000000001).
        model->setData(index, isRate(index)
                                  ? QString::number(spin->value() / 100, 'f', 3).toDouble()
                                  : spin->value());
    }
}
