#pragma once

#include <QAbstractItemModel>
#include <QJsonObject>

#include <memory>
#include <vector>

/// One level's rule as an editable tree (the Levels page): groups "all of" / "any of" hold
/// criteria and groups; a criterion is a metric over a window with a minimum. Columns:
/// condition (the group's kind or the metric), window, minimum. The Edit role takes and gives
/// the codes ("all", "plays", 30, 0.2).
class RuleTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { ConditionColumn, WindowColumn, MinimumColumn, ColumnCount };

    explicit RuleTreeModel(QObject *parent = nullptr);
    ~RuleTreeModel() override;

    void setRule(const QJsonObject &rule);
    QJsonObject rule() const;
    void setReadOnly(bool readOnly);
    bool isGroup(const QModelIndex &index) const;

    /// Adds a criterion (plays in 30 days ≥ 1) to the group at \a at, or beside the criterion at
    /// \a at (a lone criterion becomes an "all of" group). Returns the new row's index.
    QModelIndex addCriterion(const QModelIndex &at);
    /// Adds an "any of" group holding one criterion, where addCriterion() would.
    QModelIndex addGroup(const QModelIndex &at);
    /// Removes the node at \a index; a group left empty goes too. The rule's last criterion
    /// stays (a level has a rule).
    bool remove(const QModelIndex &index);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

signals:
    void edited();

private:
    struct Node
    {
        enum Kind { All, Any, Criterion };
        Kind kind = Criterion;
        QString metric = QStringLiteral("plays");
        int window = 30;
        double min = 1;
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
    };

    static std::unique_ptr<Node> read(const QJsonObject &rule, Node *parent);
    static QJsonObject write(const Node &node);
    Node *node(const QModelIndex &index) const;
    QModelIndex indexOf(Node *node) const;
    /// Where a new node goes for \a at: the group itself, or the criterion's group (a top
    /// criterion is wrapped in an "all of" group first).
    Node *groupFor(const QModelIndex &at);

    std::unique_ptr<Node> m_root; ///< invisible; its one child is the rule
    bool m_readOnly = false;
};
