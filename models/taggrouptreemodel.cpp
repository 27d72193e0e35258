#include "taggrouptreemodel.h"

#include "catalogue.h"

#include <QCollator>
#include <QHash>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

struct TagGroupTreeModel::Node
{
    qint64 id = 0;
    QString kind;
    QString code;
    QString name;
    QString nameEn;
    int tags = 0;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
    int totalTags() const
    {
        int n = tags;
        for (const auto &c : children)
            n += c->totalTags();
        return n;
    }
    void collectIds(QVariantList &ids) const
    {
        if (id > 0)
            ids.append(id);
        for (const auto &c : children)
            c->collectIds(ids);
    }
};

TagGroupTreeModel::TagGroupTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

TagGroupTreeModel::~TagGroupTreeModel() = default;

bool TagGroupTreeModel::reload(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT g.id, g.kind, g.code, g.parent_id, g.name, g.name_en, "
                               "(SELECT count(*) FROM tags t WHERE t.group_id = g.id) "
                               "FROM tag_groups g "
                               "ORDER BY CASE g.kind WHEN 'dimension' THEN 0 WHEN 'general' THEN 1 "
                               "WHEN 'library' THEN 2 ELSE 3 END, "
                               "CASE WHEN g.kind = 'library' THEN g.name END, g.position, g.id"))) {
        m_error = q.lastError().text();
        return false;
    }
    auto root = std::make_unique<Node>();
    auto makeRoot = [](const char *kind) {
        auto n = std::make_unique<Node>();
        n->kind = QString::fromLatin1(kind);
        return n;
    };
    Node *dimensions = root->add(makeRoot("root-dimension"));
    Node *general = nullptr;
    Node *libraries = nullptr;
    QHash<qint64, Node *> byId;
    while (q.next()) {
        auto node = std::make_unique<Node>();
        node->id = q.value(0).toLongLong();
        node->kind = q.value(1).toString();
        node->code = q.value(2).toString();
        const qint64 parentId = q.value(3).toLongLong();
        node->name = q.value(4).toString();
        node->nameEn = q.value(5).toString();
        node->tags = q.value(6).toInt();
        Node *added = nullptr;
        if (node->kind == QLatin1String("dimension")) {
            added = dimensions->add(std::move(node));
        } else if (node->kind == QLatin1String("general")) {
            added = general = root->add(std::move(node));
        } else if (node->kind == QLatin1String("library")) {
            if (!libraries)
                libraries = root->add(makeRoot("root-library"));
            added = libraries->add(std::move(node));
        } else if (Node *parent = byId.value(parentId)) {
            added = parent->add(std::move(node));
        }
        if (added)
            byId.insert(added->id, added);
    }
    Q_UNUSED(general)
    if (!libraries)
        libraries = root->add(makeRoot("root-library"));
    // Games in the reader's collation (pinyin order for Chinese), not by code point.
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(libraries->children.begin(), libraries->children.end(),
              [&collator](const auto &a, const auto &b) {
                  return collator.compare(Catalogue::Labels::name(a->name, a->nameEn),
                                          Catalogue::Labels::name(b->name, b->nameEn)) < 0;
              });
    for (size_t i = 0; i < libraries->children.size(); ++i)
        libraries->children[i]->row = int(i);
    beginResetModel();
    m_root = std::move(root);
    endResetModel();
    m_error.clear();
    return true;
}

TagGroupTreeModel::Node *TagGroupTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex TagGroupTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != 0))
        return {};
    Node *p = nodeOf(parent);
    if (row < 0 || row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[size_t(row)].get());
}

QModelIndex TagGroupTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    Node *n = nodeOf(child);
    Node *p = n->parent;
    if (!p || p == m_root.get())
        return {};
    return createIndex(p->row, 0, p);
}

int TagGroupTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int TagGroupTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString TagGroupTreeModel::label(const Node &node) const
{
    using Catalogue::Labels;
    if (node.kind == QLatin1String("root-dimension"))
        return Labels::groupKind(QStringLiteral("dimension"));
    if (node.kind == QLatin1String("root-library"))
        return tr("Game libraries");
    if (node.kind == QLatin1String("general"))
        return Labels::groupKind(node.kind);
    if (node.kind == QLatin1String("dimension"))
        return Labels::dimension(node.code);
    if (node.kind == QLatin1String("category"))
        return Labels::category(node.code);
    return Labels::name(node.name, node.nameEn);
}

QVariant TagGroupTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *n = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return label(*n);
        return QLocale().toString(n->totalTags());
    case Qt::TextAlignmentRole:
        if (index.column() == TagsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (n->kind == QLatin1String("library"))
            return tr("%1: %2 tags").arg(label(*n)).arg(n->totalTags());
        return {};
    case GroupIdRole:
        return n->id;
    case KindRole:
        return n->kind;
    case GroupIdsRole: {
        QVariantList ids;
        n->collectIds(ids);
        return ids;
    }
    case TagCountRole:
        return n->totalTags();
    default:
        return {};
    }
}

QVariant TagGroupTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == NameColumn)
        return tr("Group");
    if (section == TagsColumn)
        return tr("Tags");
    return {};
}

QModelIndex TagGroupTreeModel::indexOfGroup(qint64 groupId) const
{
    std::vector<const Node *> stack{m_root.get()};
    while (!stack.empty()) {
        const Node *n = stack.back();
        stack.pop_back();
        if (n != m_root.get() && n->id == groupId)
            return createIndex(n->row, 0, const_cast<Node *>(n));
        for (const auto &c : n->children)
            stack.push_back(c.get());
    }
    return {};
}

void TagGroupTreeModel::relabel()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    std::vector<const Node *> stack{m_root.get()};
    while (!stack.empty()) {
        const Node *n = stack.back();
        stack.pop_back();
        if (!n->children.empty()) {
            const QModelIndex parent =
                n == m_root.get() ? QModelIndex() : createIndex(n->row, 0, const_cast<Node *>(n));
            emit dataChanged(index(0, 0, parent),
                             index(int(n->children.size()) - 1, ColumnCount - 1, parent));
        }
        for (const auto &c : n->children)
            stack.push_back(c.get());
    }
}
