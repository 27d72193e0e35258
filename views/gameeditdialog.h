#pragma once

#include "cataloguerepository.h"

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QTreeWidget;

/// Creates or edits a game: names, aliases, developer, release year, introduction, retired or
/// active, and its game tags (the tags of the game-tag dimensions, checked in a tree).
class GameEditDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Mode { Edit, Create };
    /// \a game: the game as it is (Create: ignored); \a gameTags: every tag of the dimensions.
    GameEditDialog(const CatalogueRepository::GameDetail &game,
                   const QList<CatalogueRepository::TagRef> &gameTags, bool proposal, Mode mode,
                   QWidget *parent = nullptr);

    /// The fields that differ from the game as it is (Create: every field given).
    QJsonObject changes() const;
    /// Those fields as they are now (to undo an edit).
    QJsonObject original() const;
    /// Game tags checked now that were not, and unchecked that were.
    QList<qint64> addedTags() const;
    QList<qint64> removedTags() const;

private:
    QList<qint64> checkedTags() const;
    void update();

    CatalogueRepository::GameDetail m_game;
    Mode m_mode;
    QList<qint64> m_initialTags;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_nameEn = nullptr;
    QLineEdit *m_aliases = nullptr;
    QLineEdit *m_developer = nullptr;
    QSpinBox *m_released = nullptr;
    QPlainTextEdit *m_introduction = nullptr;
    QCheckBox *m_retired = nullptr;
    QTreeWidget *m_tags = nullptr;
    QLabel *m_problem = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};
