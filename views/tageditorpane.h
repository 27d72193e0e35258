#pragma once

#include "cataloguerepository.h"
#include "tagrecommender.h"

#include <QWidget>

class CacheEditor;
class FlowLayout;
class QCompleter;
class QLabel;
class QLineEdit;
class QStandardItemModel;
class QUndoStack;

/// The tag editor beside the videos table. For one video: its tags as chips grouped by
/// library (the game's default tags, characters, items, modes, the general library), a tag
/// input with completion over the names, English names and aliases of the tags that may go on
/// it, and numbered suggestions (TagRecommender). For several videos: the tags they carry
/// with how many carry each, and the input adds to all of them, in one step.
///
/// Every edit is recorded through CacheEditor (the cache and its outbox, offline) and pushed
/// on the undo stack. The edit's state is shown: waiting to sync, pending approval, applied,
/// rejected (with the reason) or in conflict.
class TagEditorPane : public QWidget
{
    Q_OBJECT

public:
    TagEditorPane(CatalogueRepository *repository, CacheEditor *editor, TagRecommender *recommender,
                  QUndoStack *undo, QWidget *parent = nullptr);

    /// The videos to edit (the table's selection); empty shows the empty state.
    void setVideos(const QList<qint64> &videos);
    QList<qint64> videos() const { return m_videos; }
    /// Reads the videos again (after the cache changed).
    void reload();

    void focusInput();
    /// Adds suggestion \a number (1-based); false if there is none.
    bool acceptSuggestion(int number);
    /// Removes the tag added last (or the last one shown) from the video; false if none.
    bool removeLastTag();
    /// Adds the tag named \a text (name, English name or alias) to the videos.
    bool addTag(const QString &text);
    bool addTag(qint64 tagId);
    /// Removes \a tagId from the videos that carry it.
    bool removeTag(qint64 tagId);

    QStringList chipNames() const;
    QStringList suggestionNames() const;
    QString stateText() const;

signals:
    /// Tags of these videos changed (an edit, an undo or a redo).
    void videosChanged(const QList<qint64> &videos);
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    bool apply(const QList<qint64> &add, const QList<qint64> &remove, const QString &text);
    void rebuild();
    void retranslate();
    QString tagLabel(const CatalogueRepository::TagRef &tag) const;

    CatalogueRepository *m_repository;
    CacheEditor *m_editor;
    TagRecommender *m_recommender;
    QUndoStack *m_undo;

    QList<qint64> m_videos;
    qint64 m_gameId = 0;                       ///< the game of all the videos (0: none or several)
    QList<CatalogueRepository::TagRef> m_tags; ///< carried, in display order
    QHash<qint64, int> m_carriers;             ///< tag -> videos carrying it (several videos)
    QList<CatalogueRepository::TagRef> m_usable;
    QHash<qint64, QStringList> m_aliases;
    QList<TagRecommender::Suggestion> m_suggestions;
    qint64 m_lastAdded = 0;

    QLabel *m_title = nullptr;
    QLabel *m_state = nullptr;
    QWidget *m_chipBox = nullptr;
    QLineEdit *m_input = nullptr;
    QCompleter *m_completer = nullptr;
    QStandardItemModel *m_completions = nullptr;
    QLabel *m_suggestLabel = nullptr;
    QWidget *m_suggestBox = nullptr;
    FlowLayout *m_suggestFlow = nullptr;
    CatalogueRepository::ChangeState m_change;
};
