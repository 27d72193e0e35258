#pragma once

#include "cataloguepage.h"
#include "cataloguerepository.h"

class GameTableModel;
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
    GamesPage(GameTableModel *model, CatalogueRepository *repository, QWidget *parent = nullptr);

    QString title() const override;
    void clearFilters() override;
    bool openLink(const QUrl &link) override;
    void reloadChoices();

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
};
