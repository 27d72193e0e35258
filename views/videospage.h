#pragma once

#include "cataloguepage.h"
#include "cataloguerepository.h"

class QCheckBox;
class QComboBox;
class QCompleter;
class QPushButton;
class CacheEditor;
class QStandardItemModel;
class QUndoStack;
class TagEditorPane;
class TagRecommender;
class VideoTableModel;

/// The Videos page: every video of the cache, with full-text search over titles and
/// filters by game, tag, uploader, source, featured and untagged.
class VideosPage : public CataloguePage
{
    Q_OBJECT

public:
    /// Without an editor (a read-only cache) the page has no tag editor.
    VideosPage(VideoTableModel *model, CatalogueRepository *repository, CacheEditor *editor,
               TagRecommender *recommender, QUndoStack *undo, QWidget *parent = nullptr);

    QString title() const override;
    void clearFilters() override;
    bool openLink(const QUrl &link) override;
    /// Reloads the game and tag lists of the filters (after the cache changed).
    void reloadChoices();
    TagEditorPane *tagEditor() const { return m_tagEditor; }
    /// Keyboard tagging: the next or previous video, the tag input.
    void nextVideo();
    void previousVideo();
    void focusTagInput();
    /// The signed-in user's role: the tag editor is there only for those who may tag.
    void setRole(const QString &role);

protected:
    void applyFilters() override;
    void showDetail(qint64 id) override;
    QString countText(int count) const override;
    QString emptyText() const override;
    bool hasFilters() const override;
    void retranslate() override;

private:
    void setTagFilter(qint64 tagId);
    void setUploaderFilter(qint64 uploaderId, const QString &nickname);
    void updateTagEditor();

    VideoTableModel *m_videos;
    CatalogueRepository *m_repository;
    QComboBox *m_game = nullptr;
    QLineEdit *m_tag = nullptr;
    QCompleter *m_tagCompleter = nullptr;
    QStandardItemModel *m_tagChoices = nullptr;
    QComboBox *m_source = nullptr;
    QCheckBox *m_featured = nullptr;
    QCheckBox *m_untagged = nullptr;
    QCheckBox *m_myChanges = nullptr;
    TagEditorPane *m_tagEditor = nullptr;
    QPushButton *m_uploader = nullptr;
    QPushButton *m_clear = nullptr;
    qint64 m_tagId = 0;
    QString m_tagSet; ///< a tag expression's video ids, as SQL (or empty)
    bool m_tagSetNegated = false;
    qint64 m_uploaderId = 0;
    QString m_uploaderName;
    QHash<QString, qint64> m_tagByLabel;
};
