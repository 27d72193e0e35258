#pragma once

#include "cataloguepage.h"
#include "cataloguerepository.h"

class QCheckBox;
class QComboBox;
class QPushButton;
class UserTableModel;

/// The Users page: the platform's creators and viewers, by registration, channel, platform
/// and device; a creator's growth level and what the next level needs.
class UsersPage : public CataloguePage
{
    Q_OBJECT

public:
    UsersPage(UserTableModel *model, CatalogueRepository *repository, QWidget *parent = nullptr);

    QString title() const override;
    void clearFilters() override;

protected:
    void applyFilters() override;
    void showDetail(qint64 id) override;
    QString countText(int count) const override;
    QString emptyText() const override;
    bool hasFilters() const override;
    void retranslate() override;

private:
    /// The creator's growth level, what the next level needs and where they stand.
    QString levelHtml(const CatalogueRepository::UserDetail &u) const;

    UserTableModel *m_users;
    CatalogueRepository *m_repository;
    QComboBox *m_kind = nullptr;
    QComboBox *m_platform = nullptr;
    QComboBox *m_channel = nullptr;
    QCheckBox *m_vip = nullptr;
    QPushButton *m_clear = nullptr;
};
