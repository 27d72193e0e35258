#pragma once

#include "cataloguepage.h"
#include "cataloguerepository.h"

#include <functional>

class CacheEditor;
class GameEditDialog;
class GameTableModel;
class QUndoStack;
class MonthlyBarChart;
class QComboBox;
class QLabel;
class QPushButton;

/// The Games page: the games of the catalogue, their game tags, dedicated libraries and the
/// videos published per month.
class GamesPage : public CataloguePage
{
    Q_OBJECT

public:
    GamesPage(GameTableModel *model, CatalogueRepository *repository, CacheEditor *editor = nullptr,
              QUndoStack *undo = nullptr, QWidget *parent = nullptr);

    QString title() const override;
    void clearFilters() override;
    bool openLink(const QUrl &link) override;
    void reloadChoices();
    /// The signed-in user's role: an editor proposes changes, a supervisor makes them.
    void setRole(const QString &role);
    /// Opens the dialog editing the current game, or creating a new one.
    GameEditDialog *editCurrentGame();
    GameEditDialog *newGame();

protected:
    void applyFilters() override;
    void showDetail(qint64 id) override;
    QString countText(int count) const override;
    QString emptyText() const override;
    bool hasFilters() const override;
    void retranslate() override;

private:
    void selectGame(qint64 id);

    GameTableModel *m_games;
    CatalogueRepository *m_repository;
    QComboBox *m_status = nullptr;
    QComboBox *m_tag = nullptr;
    QPushButton *m_clear = nullptr;
    QLabel *m_chartTitle = nullptr;
    MonthlyBarChart *m_chart = nullptr;
    qint64 m_pendingSelection = 0;
    CacheEditor *m_editor = nullptr;
    QUndoStack *m_undo = nullptr;
    QString m_role;
    qint64 m_current = -1;
    QPushButton *m_edit = nullptr;
    QPushButton *m_new = nullptr;
};
