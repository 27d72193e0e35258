#pragma once

#include "cataloguepage.h"
#include "cataloguerepository.h"

class CacheEditor;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class ReviewTableModel;

/// The Review page: the change requests waiting for a supervisor, filterable by author,
/// game, kind and age, each shown as a before/after; approve or reject one or many with a
/// comment. Decisions are queued in the cache and pushed with the next sync, like edits.
/// Editors see their own requests here (read only); nobody approves their own.
class ReviewPage : public CataloguePage
{
    Q_OBJECT

public:
    ReviewPage(ReviewTableModel *model, CatalogueRepository *repository, CacheEditor *editor,
               QWidget *parent = nullptr);

    QString title() const override;
    void clearFilters() override;
    /// Requests waiting for this user's decision (the navigation's badge).
    int waitingCount() const { return m_waiting; }

public slots:
    void setRole(const QString &role);
    void setUser(const QString &user);
    /// Approves (or rejects with the comment) the selected requests.
    void decide(bool approve);
    /// Re-reads the filter choices and the badge (after a sync).
    void reloadChoices();

signals:
    void waitingChanged(int count);

protected:
    void applyFilters() override;
    void showDetail(qint64 id) override;
    QString countText(int count) const override;
    QString emptyText() const override;
    bool hasFilters() const override;
    void retranslate() override;

private:
    QStringList selectedIds(QString *refusal) const;
    void updateButtons();

    ReviewTableModel *m_requests;
    CatalogueRepository *m_repository;
    CacheEditor *m_editor;
    QString m_role;
    QString m_user;
    int m_waiting = 0;
    QComboBox *m_author = nullptr;
    QComboBox *m_game = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_age = nullptr;
    QCheckBox *m_decided = nullptr;
    QPushButton *m_clear = nullptr;
    QLineEdit *m_comment = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
    QLabel *m_reason = nullptr;
};
