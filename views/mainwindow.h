#pragma once

#include "centralreleases.h"
#include "syncengine.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class ActionRegistry;
class CacheEditor;
class CacheDatabase;
class AuditLogPage;
class CataloguePage;
class CentralClient;
class MetricsPage;
class LevelsPage;
class ReleasesPage;
class Page;
class StaffPage;
class CatalogueRepository;
class CredentialStore;
class QLabel;
class QListWidget;
class QStackedWidget;
class QTimer;
class RejectedChangesDialog;
class RowLoader;
class SignInDialog;
class SyncIndicator;
class SyncWorker;
class TagGroupTreeModel;
class TagRecommender;
class TagStatisticsDialog;
class QUndoStack;
class ReviewPage;
class VideosPage;
struct SyncState;

/// The main window: navigation between the catalogue pages, menus built from the action
/// registry, and a status bar with the current page's row count, the sync indicator (online or
/// offline, progress, waiting and refused changes, last sync, user and role), the central
/// store and the cache file.
///
/// The window owns the background sync (SyncWorker). It starts signed out, or signs in with
/// the remembered server, user and keychain password; signIn() signs in for the session.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// Takes an open cache; the window reads it through its own loader thread.
    explicit MainWindow(std::unique_ptr<CacheDatabase> cache, QWidget *parent = nullptr);
    ~MainWindow() override;

    QStringList pageKeys() const;
    Page *page(const QString &key) const;
    Page *currentPage() const;
    bool showPage(const QString &key);
    ActionRegistry *actions() const { return m_actions; }
    QUndoStack *undoStack() const { return m_undo; }
    VideosPage *videosPage() const;
    ReviewPage *reviewPage() const;
    AuditLogPage *auditLogPage() const;
    StaffPage *staffPage() const;
    MetricsPage *metricsPage() const;
    LevelsPage *levelsPage() const;
    ReleasesPage *releasesPage() const;
    /// The release channel's answer for this Coulisse (none, optional, forced), once asked.
    CentralReleases::Decision updateDecision() const { return m_update; }
    /// Online reads and admin calls on the central store (the Audit log and Staff pages).
    CentralClient *centralClient() const { return m_central; }
    QString cachePath() const;
    /// Names the central store in the status bar (\a name: e.g. "coulisse_demo on the demo
    /// server"; \a details: the tooltip). An empty name hides it.
    void setCentralStore(const QString &name, const QString &details = {});

    SyncWorker *syncWorker() const { return m_sync; }
    SyncIndicator *syncIndicator() const { return m_syncIndicator; }
    CredentialStore *credentials() const { return m_credentials; }
    /// The signed-in user's role on central ("editor", "supervisor", "pm", "admin"): from the
    /// last sync, else as the cache recorded it; empty when unknown.
    QString role() const { return m_role; }
    /// The central user of that role.
    QString centralUser() const { return m_centralUser; }
    /// Where the cache stands (waiting, refused changes, last sync) as last read.
    SyncStatus syncStatus() const { return m_syncStatus; }

    /// Signs in to \a conninfo (libpq URL or key=value) with \a password for this session
    /// (nothing is remembered) and syncs. The demo signs in this way.
    void signIn(const QString &conninfo, const QString &password);
    void signOut();
    /// Opens the sign-in dialog (window-modal, not blocking); \a message says why.
    SignInDialog *showSignIn(const QString &message = {});
    /// Opens (or raises) the list of rejected and conflicting changes.
    RejectedChangesDialog *showRejectedChanges();
    /// Opens (or raises and recounts) the tag statistics panel.
    TagStatisticsDialog *showTagStatistics();
    /// Reads the cache's sync status again.
    void refreshSyncStatus();

signals:
    /// The user picked another cache file; main() replaces the window.
    void openCacheRequested(const QString &path);
    /// The central role became known or changed.
    void roleChanged(const QString &role);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void retranslate();
    void updateStatus();
    void openLink(const QUrl &link);
    void chooseCache();
    void setLanguage(const QString &language);
    void about();
    void createSync();
    void restoreSignIn();
    void onSyncState(const SyncState &state);
    void onSyncFinished(const SyncEngine::Report &report);
    void onCacheChanged();
    void updateSyncActions();
    /// Export Table and Export Selected Rows follow what the current page can export.
    void updateExportActions();
    /// Asks the release channel about this Coulisse once per sign-in, when online.
    void checkForUpdate();
    void showUpdate(const std::optional<CentralReleases::Decision> &decision);
    void showCentralOf(const QString &conninfo);
    void applyRole(const QString &role);
    void refreshCataloguePages();

    std::unique_ptr<CacheDatabase> m_cache;
    std::unique_ptr<CatalogueRepository> m_repository;
    std::unique_ptr<CacheEditor> m_editor;
    std::unique_ptr<TagRecommender> m_recommender;
    QUndoStack *m_undo = nullptr;
    QPointer<TagStatisticsDialog> m_statistics;
    RowLoader *m_loader = nullptr;
    TagGroupTreeModel *m_groups = nullptr;
    ActionRegistry *m_actions = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QList<Page *> m_pages;
    CentralClient *m_central = nullptr;
    QLabel *m_statusCount = nullptr;
    QLabel *m_statusCache = nullptr;
    QLabel *m_statusCentral = nullptr;
    QString m_centralName;
    QString m_centralDetails;
    bool m_centralFromSignIn = false;
    SyncWorker *m_sync = nullptr;
    CredentialStore *m_credentials = nullptr;
    SyncIndicator *m_syncIndicator = nullptr;
    QTimer *m_syncStatusTimer = nullptr;
    SyncStatus m_syncStatus;
    QString m_role;
    QString m_centralUser;
    QLabel *m_updateNotice = nullptr;
    bool m_updateChecked = false;
    /// Bumped by each update check, sign-in and sign-out: an answer of an older one is dropped.
    quint64 m_updateGeneration = 0;
    CentralReleases::Decision m_update;
    QString m_restoringKey;
    QPointer<SignInDialog> m_signInDialog;
    QPointer<RejectedChangesDialog> m_rejectedDialog;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_syncMenu = nullptr;
    QMenu *m_taggingMenu = nullptr;
    QMenu *m_suggestionMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
};
