#pragma once

#include "centrallevels.h"
#include "levelwhatif.h"
#include "page.h"

#include <functional>

class CacheDatabase;
class CentralClient;
class LadderModel;
class LevelCompareChart;
class LevelDistributionChart;
class LevelMovesModel;
class QFrame;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTimer;
class QTreeView;
class RuleTreeModel;

/// Creator levels (docs/levels.md): the ladder editor, the what-if preview and the
/// distribution of creators per level over time, read from the cache so that they work
/// offline. Editing the draft moves the preview at once: the creators who would go up or down,
/// and how many would be at each level. Product managers save the draft as a new version
/// (a second product manager or a supervisor approves it when the policy says so) and refresh
/// the levels; supervisors approve or reject; admins refresh and look.
class LevelsPage : public Page
{
    Q_OBJECT

public:
    LevelsPage(CacheDatabase *cache, CentralClient *client, QWidget *parent = nullptr);

    QString title() const override;
    QString statusText() const override;
    bool isReady() const override;
    void refresh() override;
    /// coulisse://levels/whatif, coulisse://levels/distribution, coulisse://levels/VERSION
    /// (that version in the editor).
    bool openLink(const QUrl &link) override;

    void setRole(const QString &role, const QString &user);
    void setSignedIn(bool signedIn);
    /// A sync finished: what the cache holds is what there is (for isReady()).
    void setSynced();

    LadderModel *ladderModel() const { return m_ladder; }
    RuleTreeModel *ruleModel() const { return m_rule; }
    LevelMovesModel *movesModel() const { return m_moves; }
    LevelDistributionChart *distributionChart() const { return m_distribution; }
    LevelCompareChart *compareChart() const { return m_compare; }
    QString summaryText() const;
    QString errorText() const;
    bool isDirty() const { return m_dirty; }
    /// The level whose rule the tree shows (0-based row).
    void selectLevel(int row);
    /// Loads version \a version into the editor (a fresh draft from it).
    bool loadVersion(int version);
    /// The what-if preview of the draft, now.
    LevelWhatIf::Result whatIf() const { return m_result; }

    /// The central calls behind the buttons; done() tells how each went.
    void saveDraft(const QString &note);
    void decidePending(bool approve, const QString &reason);
    /// Whether the editor shows version \a version as it was saved (loaded, not edited).
    bool showsUnchanged(const CentralLevels::Ladder &version) const;
    void withdrawPending();
    void recompute();
    void discardDraft();

signals:
    void done(bool ok, const QString &message);
    /// Central changed: a sync brings it.
    void syncRequested();

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void reloadVersions();
    void showRule();
    void updateWhatIf();
    void updateState();
    void retranslate();
    void onEdited();
    /// \a savesDraft: on success the draft is the store's (no longer dirty).
    void change(const std::function<bool(CentralLevels &)> &call, const QString &success,
                bool savesDraft = false);
    const CentralLevels::Ladder *pending() const;
    const CentralLevels::Ladder *active() const;
    QStringList levelNames(int levels) const;

    CacheDatabase *m_cache;
    CentralClient *m_client;
    QString m_role;
    QString m_user;
    bool m_signedIn = false;
    bool m_synced = false;
    bool m_loaded = false;
    bool m_dirty = false;
    bool m_busy = false;
    bool m_invalid = false;  ///< the draft is not a valid ladder
    int m_baseVersion = 0;   ///< active when the draft began: a save is refused if it moved on
    int m_loadedVersion = 0; ///< the version the editor's content came from
    int m_ruleRow = -1;
    QList<CentralLevels::Ladder> m_versions;
    LevelWhatIf m_whatIf;
    LevelWhatIf::Result m_result;
    QDate m_asOf;

    LadderModel *m_ladder;
    RuleTreeModel *m_rule;
    LevelMovesModel *m_moves;
    QSortFilterProxyModel *m_movesSorted;
    QTabWidget *m_tabs;
    QLabel *m_heading;
    QFrame *m_pendingBox;
    QLabel *m_pendingText;
    QPushButton *m_showPending;
    QPushButton *m_approve;
    QPushButton *m_reject;
    QPushButton *m_withdraw;
    QPushButton *m_recompute;
    QLabel *m_levelsLabel;
    QTableView *m_levels;
    QPushButton *m_addLevel;
    QPushButton *m_removeLevel;
    QLabel *m_ruleLabel;
    QTreeView *m_ruleView;
    QPushButton *m_addCondition;
    QPushButton *m_addGroup;
    QPushButton *m_removeCondition;
    QLineEdit *m_note;
    QLabel *m_error;
    QPushButton *m_save;
    QPushButton *m_discard;
    QLabel *m_whatIfLabel;
    QLabel *m_summary;
    LevelCompareChart *m_compare;
    QLabel *m_movesLabel;
    QTableView *m_movesView;
    LevelDistributionChart *m_distribution;
    QLabel *m_distributionLabel;
    QLabel *m_versionsLabel;
    QTableWidget *m_versionsTable;
    QLabel *m_message;
    QTimer *m_debounce;
};
