#include "ruletreemodel.h"

#include "levelladder.h"

#include <QJsonArray>
#include <QLocale>

RuleTreeModel::RuleTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

RuleTreeModel::~RuleTreeModel() = default;

std::unique_ptr<RuleTreeModel::Node> RuleTreeModel::read(const QJsonObject &rule, Node *parent)
{
    auto node = std::make_unique<Node>();
    node->parent = parent;
    for (const char *kind : {"all", "any"}) {
        if (!rule.contains(QLatin1String(kind)))
            continue;
        node->kind = kind[1] == 'l' ? Node::All : Node::Any;
        for (const QJsonValue &part : rule.value(QLatin1String(kind)).toArray())
            node->children.push_back(read(part.toObject(), node.get()));
        return node;
    }
    node->metric = rule.value(QLatin1String("metric")).toString();
    node->window = rule.value(QLatin1String("window")).toInt();
    node->min = rule.value(QLatin1String("min")).toDouble();
    return node;
}

QJsonObject RuleTreeModel::write(const Node &node)
{
    if (node.kind == Node::Criterion)
        return {{QStringLiteral("metric"), node.metric},
                {QStringLiteral("window"), node.window},
                {QStringLiteral("min"), node.min}};
    QJsonArray parts;
    for (const auto &child : node.children)
        parts.append(write(*child));
    return {{node.kind == Node::All ? QStringLiteral("all") : QStringLiteral("any"), parts}};
}

void RuleTreeModel::setRule(const QJsonObject &rule)
{
    beginResetModel();
    m_root->children.clear();
    if (!rule.isEmpty())
        m_root->children.push_back(read(rule, m_root.get()));
    endResetModel();
}

QJsonObject RuleTreeModel::rule() const
{
    return m_root->children.empty() ? QJsonObject() : write(*m_root->children.front());
}

void RuleTreeModel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
}

RuleTreeModel::Node *RuleTreeModel::node(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex RuleTreeModel::indexOf(Node *n) const
{
    if (!n || n == m_root.get() || !n->parent)
        return {};
    const auto &siblings = n->parent->children;
    for (size_t i = 0; i < siblings.size(); ++i) {
        if (siblings[i].get() == n)
            return createIndex(int(i), 0, n);
    }
    return {};
}

bool RuleTreeModel::isGroup(const QModelIndex &index) const
{
    return index.isValid() && node(index)->kind != Node::Criterion;
}

RuleTreeModel::Node *RuleTreeModel::groupFor(const QModelIndex &at)
{
    Node *n = at.isValid() ? node(at) : nullptr;
    if (!n) {
        if (m_root->children.empty())
            return m_root.get();
        n = m_root->children.front().get();
    }
    if (n->kind != Node::Criterion)
        return n;
    if (n->parent != m_root.get())
        return n->parent;
    // A lone criterion: it becomes the first part of an "all of" group.
    auto group = std::make_unique<Node>();
    group->kind = Node::All;
    group->parent = m_root.get();
    std::unique_ptr<Node> criterion = std::move(m_root->children.front());
    criterion->parent = group.get();
    group->children.push_back(std::move(criterion));
    m_root->children.front() = std::move(group);
    return m_root->children.front().get();
}

QModelIndex RuleTreeModel::addCriterion(const QModelIndex &at)
{
    if (m_readOnly)
        return {};
    beginResetModel();
    Node *group = groupFor(at);
    auto criterion = std::make_unique<Node>();
    criterion->parent = group;
    Node *added = criterion.get();
    group->children.push_back(std::move(criterion));
    endResetModel();
    emit edited();
    return indexOf(added);
}

QModelIndex RuleTreeModel::addGroup(const QModelIndex &at)
{
    if (m_readOnly)
        return {};
    beginResetModel();
    Node *parent = groupFor(at);
    auto group = std::make_unique<Node>();
    group->kind = Node::Any;
    group->parent = parent;
    auto criterion = std::make_unique<Node>();
    criterion->parent = group.get();
    group->children.push_back(std::move(criterion));
    Node *added = group.get();
    parent->children.push_back(std::move(group));
    endResetModel();
    emit edited();
    return indexOf(added);
}

bool RuleTreeModel::remove(const QModelIndex &index)
{
    if (m_readOnly || !index.isValid())
        return false;
    Node *n = node(index);
    // Climb while the node is its group's only part: the group would be left empty.
    while (n->parent != m_root.get() && n->parent->children.size() == 1)
        n = n->parent;
    if (n->parent == m_root.get())
        return false; // the whole rule: a level keeps one
    beginResetModel();
    auto &siblings = n->parent->children;
    for (auto it = siblings.begin(); it != siblings.end(); ++it) {
        if (it->get() == n) {
            siblings.erase(it);
            break;
        }
    }
    endResetModel();
    emit edited();
    return true;
}

QModelIndex RuleTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    Node *p = node(parent);
    if (row < 0 || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex RuleTreeModel::parent(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    return indexOf(node(index)->parent);
}

int RuleTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(node(parent)->children.size());
}

int RuleTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant RuleTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *n = node(index);
    const bool rate = n->metric == QLatin1String("featured_rate");
    if (role == Qt::EditRole) {
        if (n->kind != Node::Criterion)
            return index.column() == ConditionColumn
                       ? QVariant(n->kind == Node::All ? QStringLiteral("all")
                                                       : QStringLiteral("any"))
                       : QVariant();
        switch (index.column()) {
        case ConditionColumn:
            return n->metric;
        case WindowColumn:
            return n->window;
        case MinimumColumn:
            return n->min;
        default:
            return {};
        }
    }
    if (role == Qt::DisplayRole) {
        if (n->kind != Node::Criterion)
            return index.column() == ConditionColumn
                       ? QVariant(n->kind == Node::All ? tr("All of these") : tr("Any of these"))
                       : QVariant();
        switch (index.column()) {
        case ConditionColumn:
            return LevelLadder::metricName(n->metric);
        case WindowColumn:
            return LevelLadder::windowName(n->window);
        case MinimumColumn:
            return rate ? QLocale().toString(n->min * 100, 'g', 4) + QLocale().percent()
                        : tr("≥ %1").arg(QLocale().toString(n->min, 'g', 12));
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && n->kind != Node::Criterion && index.column() == 0)
        return n->kind == Node::All ? tr("Every condition below must hold")
                                    : tr("At least one condition below must hold");
    return {};
}

QVariant RuleTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ConditionColumn:
        return tr("Condition");
    case WindowColumn:
        return tr("Over");
    case MinimumColumn:
        return tr("At least");
    default:
        return {};
    }
}

bool RuleTreeModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || !(flags(index) & Qt::ItemIsEditable))
        return false;
    Node *n = node(index);
    if (n->kind != Node::Criterion) {
        const QString kind = value.toString();
        if (kind != QLatin1String("all") && kind != QLatin1String("any"))
            return false;
        n->kind = kind == QLatin1String("all") ? Node::All : Node::Any;
    } else if (index.column() == ConditionColumn) {
        if (!LevelLadder::metrics().contains(value.toString()))
            return false;
        n->metric = value.toString();
        if (n->metric == QLatin1String("featured_rate"))
            n->min = std::min(n->min, 1.0);
    } else if (index.column() == WindowColumn) {
        if (!LevelLadder::windows().contains(value.toInt()))
            return false;
        n->window = value.toInt();
    } else {
        bool ok = false;
        const double min = value.toDouble(&ok);
        if (!ok || min < 0 || (n->metric == QLatin1String("featured_rate") && min > 1))
            return false;
        n->min = min;
    }
    emit dataChanged(this->index(index.row(), 0, index.parent()),
                     this->index(index.row(), ColumnCount - 1, index.parent()));
    emit edited();
    return true;
}

Qt::ItemFlags RuleTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsSelectable | Qt::ItemIsEnabled;
    const bool group = node(index)->kind != Node::Criterion;
    if (!m_readOnly && (!group || index.column() == ConditionColumn))
        f |= Qt::ItemIsEditable;
    return f;
}
