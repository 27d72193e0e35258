#pragma once

#include <QMainWindow>

#include <memory>

class ActionRegistry;
class CacheDatabase;
class CataloguePage;
class CatalogueRepository;
class QLabel;
class QListWidget;
class QStackedWidget;
class RowLoader;
class TagGroupTreeModel;

/// The main window: navigation between the catalogue pages, menus built from the action
/// registry, and a status bar with the cache file and the current page's row count.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    /// Takes an open cache; the window reads it through its own loader thread.
    explicit MainWindow(std::unique_ptr<CacheDatabase> cache, QWidget *parent = nullptr);
    ~MainWindow() override;

    QStringList pageKeys() const;
    CataloguePage *page(const QString &key) const;
    CataloguePage *currentPage() const;
    bool showPage(const QString &key);
    ActionRegistry *actions() const { return m_actions; }
    QString cachePath() const;
    /// Names the central store in the status bar (\a name: e.g. "coulisse_demo on the demo
    /// server"; \a details: the tooltip). An empty name hides it.
    void setCentralStore(const QString &name, const QString &details = {});

signals:
    /// The user picked another cache file; main() replaces the window.
    void openCacheRequested(const QString &path);

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

    std::unique_ptr<CacheDatabase> m_cache;
    std::unique_ptr<CatalogueRepository> m_repository;
    RowLoader *m_loader = nullptr;
    TagGroupTreeModel *m_groups = nullptr;
    ActionRegistry *m_actions = nullptr;
    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    QList<CataloguePage *> m_pages;
    QLabel *m_statusCount = nullptr;
    QLabel *m_statusCache = nullptr;
    QLabel *m_statusCentral = nullptr;
    QString m_centralName;
    QString m_centralDetails;
    QMenu *m_fileMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
};
