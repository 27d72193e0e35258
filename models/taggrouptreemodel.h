#pragma once

#include <QAbstractItemModel>
#include <QSqlDatabase>

#include <memory>
#include <vector>

/// The tree of the tag library: game-tag dimensions, the general library, and one dedicated
/// library per game with its categories (default tags, characters, items, game modes).
/// Small (a few hundred nodes): loaded whole by reload(), never from data().
class TagGroupTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        GroupIdRole = Qt::UserRole + 1, ///< the group's id, 0 for the three roots
        KindRole,                       ///< dimension, general, library, category, or root-*
        GroupIdsRole,                   ///< QVariantList of the ids of the node and below
        TagCountRole,
    };
    Q_ENUM(Role)
    enum Column { NameColumn, TagsColumn, ColumnCount };

    explicit TagGroupTreeModel(QObject *parent = nullptr);
    ~TagGroupTreeModel() override;

    /// Reads the groups from \a db. Returns false (and keeps the old tree) on error.
    bool reload(const QSqlDatabase &db);
    QString errorString() const { return m_error; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// The index of the group \a groupId, or an invalid index.
    QModelIndex indexOfGroup(qint64 groupId) const;
    /// Re-emits labels after a language change.
    void relabel();

private:
    struct Node;
    QString label(const Node &node) const;
    Node *nodeOf(const QModelIndex &index) const;

    std::unique_ptr<Node> m_root;
    QString m_error;
};
