#pragma once

#include "cacheeditor.h"

#include <QDialog>

class CacheDatabase;
class OutboxModel;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

/// The changes central refused or found in conflict, with what to do about each: keep mine,
/// take theirs or edit (conflicts), retry or discard (rejected). Decisions are recorded in the
/// cache through CacheEditor::resolve; resolved() then asks the caller for a sync.
class RejectedChangesDialog : public QDialog
{
    Q_OBJECT

public:
    /// \a cache: the window's (UI thread's) cache connection.
    explicit RejectedChangesDialog(CacheDatabase &cache, QWidget *parent = nullptr);

    OutboxModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    /// Reads the outbox again, keeping the selection where it can.
    void reload();
    /// Applies \a how to the selected changes it fits (Edit opens the edit dialog for the
    /// current conflict, or uses \a edited when it is not empty). False with errorText() set.
    bool resolveSelected(CacheEditor::Resolution how, const QJsonObject &edited = {});
    QString errorText() const;
    /// The empty-state line is shown instead of the table.
    bool isEmptyStateShown() const;

signals:
    /// At least one decision was recorded.
    void resolved();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateButtons();
    void updateDetail();
    QList<int> selectedRows() const;

    CacheDatabase &m_cache;
    OutboxModel *m_model = nullptr;
    QStackedWidget *m_stack = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_detail = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_keepMine = nullptr;
    QPushButton *m_takeTheirs = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_retry = nullptr;
    QPushButton *m_discard = nullptr;
    QPushButton *m_close = nullptr;
};
