#pragma once

#include "cacheeditor.h"
#include "cataloguepage.h"
#include "cataloguerepository.h"

#include <functional>

class TagEditDialog;
class QCheckBox;
class QUndoStack;
class QComboBox;
class QPushButton;
class QTreeView;
class TagGroupTreeModel;
class TagTableModel;

/// The Tag library page: the tree of groups (game-tag dimensions, the general library, the
/// games' dedicated libraries and their categories), the tags of the selected group with
/// their usage, and the selected tag's details.
class TagsPage : public CataloguePage
{
    Q_OBJECT

public:
    TagsPage(TagTableModel *model, TagGroupTreeModel *groups, CatalogueRepository *repository,
             CacheEditor *editor = nullptr, QUndoStack *undo = nullptr, QWidget *parent = nullptr);
    /// The signed-in user's role: an editor proposes changes, a supervisor makes them.
    void setRole(const QString &role);
    /// Opens the edit dialog of the current tag (\a toggleStatus: with its status switched).
    TagEditDialog *editCurrentTag(bool toggleStatus = false);
    /// Opens the dialog for a new tag in the group selected in the tree (if tags go there).
    TagEditDialog *newTag();
    /// Opens the dialog merging the current tag into another.
    class TagMergeDialog *mergeCurrentTag();

    QString title() const override;
    void clearFilters() override;
    bool openLink(const QUrl &link) override;
    QTreeView *groupTree() const { return m_tree; }

protected:
    void applyFilters() override;
    void showDetail(qint64 id) override;
    QString countText(int count) const override;
    QString emptyText() const override;
    bool hasFilters() const override;
    void retranslate() override;

private:
    void updateNewTag();
    void afterQueued(const QString &done);
    /// Puts a queued creation or merge on the undo stack.
    void pushQueued(const QString &opId, const QString &text,
                    const std::function<CacheEditor::Result()> &queue);

    TagTableModel *m_tags;
    TagGroupTreeModel *m_groups;
    CatalogueRepository *m_repository;
    QTreeView *m_tree = nullptr;
    QComboBox *m_status = nullptr;
    QCheckBox *m_unused = nullptr;
    QPushButton *m_clear = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_toggle = nullptr;
    QPushButton *m_merge = nullptr;
    QPushButton *m_new = nullptr;
    CacheEditor *m_editor = nullptr;
    QUndoStack *m_undo = nullptr;
    QString m_role;
    qint64 m_current = -1;
};
