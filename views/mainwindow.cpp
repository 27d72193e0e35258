#include "mainwindow.h"

#include "actionregistry.h"
#include "auditlogpage.h"
#include "cachedatabase.h"
#include "cacheeditor.h"
#include "cataloguepage.h"
#include "cataloguerepository.h"
#include "centralclient.h"
#include "centralconnection.h"
#include "credentialstore.h"
#include "gamespage.h"
#include "gametablemodel.h"
#include "levelspage.h"
#include "metricspage.h"
#include "preferences.h"
#include "rejectedchangesdialog.h"
#include "releasespage.h"
#include "reviewpage.h"
#include "reviewtablemodel.h"
#include "roles.h"
#include "rowloader.h"
#include "signindialog.h"
#include "staffpage.h"
#include "syncindicator.h"
#include "syncworker.h"
#include "tageditorpane.h"
#include "taggrouptreemodel.h"
#include "tagrecommender.h"
#include "tagspage.h"
#include "tagstatisticsdialog.h"
#include "tagtablemodel.h"
#include "translations.h"
#include "userspage.h"
#include "usertablemodel.h"
#include "videospage.h"
#include "videotablemodel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QSysInfo>
#include <QTimer>
#include <QUndoStack>

#include <sqlite3.h>

MainWindow::MainWindow(std::unique_ptr<CacheDatabase> cache, QWidget *parent)
    : QMainWindow(parent)
    , m_cache(std::move(cache))
    , m_repository(std::make_unique<CatalogueRepository>(m_cache->database()))
    , m_editor(std::make_unique<CacheEditor>(*m_cache))
    , m_recommender(std::make_unique<TagRecommender>(m_cache->database()))
{
    m_undo = new QUndoStack(this);
    setObjectName(QStringLiteral("MainWindow"));
    m_loader = new RowLoader(m_cache->path(), this);
    m_groups = new TagGroupTreeModel(this);
    if (!m_groups->reload(m_cache->database()))
        qWarning("Cannot read the tag groups: %s", qPrintable(m_groups->errorString()));

    m_actions = new ActionRegistry(this);
    createActions();

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setFixedWidth(150);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setFocusPolicy(Qt::NoFocus); // pages are reached with Ctrl+1..4
    m_navigation->setStyleSheet(QStringLiteral(
        "QListWidget { background: #f3f4f6; padding-top: 8px; }"
        "QListWidget::item { padding: 9px 14px; border-radius: 4px; margin: 1px 6px; }"
        "QListWidget::item:selected { background: #dce8fb; color: #123f7a; }"));
    m_stack = new QStackedWidget(central);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_central = new CentralClient(this);
    m_pages = {
        new VideosPage(new VideoTableModel(m_loader, this), m_repository.get(), m_editor.get(),
                       m_recommender.get(), m_undo, m_stack),
        new GamesPage(new GameTableModel(m_loader, this), m_repository.get(), m_editor.get(),
                      m_undo, m_stack),
        new TagsPage(new TagTableModel(m_loader, this), m_groups, m_repository.get(),
                     m_editor.get(), m_undo, m_stack),
        new UsersPage(new UserTableModel(m_loader, this), m_repository.get(), m_stack),
        new ReviewPage(new ReviewTableModel(m_loader, this), m_repository.get(), m_editor.get(),
                       m_stack),
        new AuditLogPage(m_central, m_stack),
        new StaffPage(m_central, m_repository.get(), m_stack),
        new MetricsPage(m_cache.get(), m_central, m_stack),
        new ReleasesPage(m_central, m_stack),
        new LevelsPage(m_cache.get(), m_central, m_stack),
    };
    for (Page *page : std::as_const(m_pages)) {
        m_stack->addWidget(page);
        m_navigation->addItem(page->title());
        page->restoreState();
        connect(page, &Page::statusChanged, this, &MainWindow::updateStatus);
        connect(page, &Page::linkActivated, this, &MainWindow::openLink);
        connect(page, &Page::message, this,
                [this](const QString &text) { statusBar()->showMessage(text, 4000); });
        connect(page, &Page::exportableChanged, this, &MainWindow::updateExportActions);
    }
    // A library or game edit shows wherever the tag or game does.
    const auto edited = [this] {
        refreshCataloguePages();
        if (VideosPage *videos = videosPage(); videos && videos->tagEditor())
            videos->tagEditor()->reload();
        refreshSyncStatus();
    };
    if (auto *tags = qobject_cast<TagsPage *>(page(QStringLiteral("tags")))) {
        connect(tags, &CataloguePage::edited, this, edited);
        connect(this, &MainWindow::roleChanged, tags, &TagsPage::setRole);
    }
    if (auto *games = qobject_cast<GamesPage *>(page(QStringLiteral("games")))) {
        connect(games, &CataloguePage::edited, this, edited);
        connect(this, &MainWindow::roleChanged, games, &GamesPage::setRole);
    }
    if (ReviewPage *review = reviewPage()) {
        connect(review, &CataloguePage::edited, this, &MainWindow::refreshSyncStatus);
        connect(this, &MainWindow::roleChanged, review, [this, review](const QString &role) {
            review->setUser(m_centralUser);
            review->setRole(role);
        });
        // The badge: how many requests wait for this user's decision.
        connect(review, &ReviewPage::waitingChanged, this, [this, review] {
            m_navigation->item(int(m_pages.indexOf(review)))->setText(review->title());
        });
    }
    connect(this, &MainWindow::roleChanged, this, &MainWindow::applyRole);
    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        m_stack->setCurrentIndex(row);
        updateStatus();
    });

    m_statusCount = new QLabel(this);
    m_statusCount->setObjectName(QStringLiteral("statusCount"));
    m_statusCache = new QLabel(this);
    m_statusCache->setObjectName(QStringLiteral("statusCache"));
    statusBar()->addWidget(m_statusCount, 1);
    createSync();
    m_statusCentral = new QLabel(this);
    m_statusCentral->setObjectName(QStringLiteral("statusCentral"));
    m_statusCentral->hide();
    statusBar()->addPermanentWidget(m_statusCentral);
    m_updateNotice = new QLabel(this);
    m_updateNotice->setObjectName(QStringLiteral("updateNotice"));
    m_updateNotice->hide();
    statusBar()->addPermanentWidget(m_updateNotice);
    statusBar()->addPermanentWidget(m_statusCache);

    createMenus();
    applyRole(m_role);
    retranslate();
    const QByteArray geometry = Preferences::windowGeometry().value();
    if (geometry.isEmpty() || !restoreGeometry(geometry))
        resize(1400, 860);
    restoreState(Preferences::windowState().value());
    if (!showPage(Preferences::currentPage().value()))
        showPage(QStringLiteral("videos"));
    m_sync->start();
    restoreSignIn();
}

MainWindow::~MainWindow()
{
    // The worker writes into the cache the pages read: stop it first.
    delete m_sync;
    m_sync = nullptr;
    // The pages' models talk to the loader: delete them before the loader's thread stops.
    // While they go, they tell the window nothing more (its handlers walk the page list).
    for (Page *page : std::as_const(m_pages))
        disconnect(page, nullptr, this, nullptr);
    qDeleteAll(m_pages);
    m_pages.clear();
}

QString MainWindow::cachePath() const
{
    return m_cache->path();
}

void MainWindow::createActions()
{
    auto *a = m_actions;
    connect(a->add(QStringLiteral("file.open"), QT_TRANSLATE_NOOP("ActionRegistry", "&Open Cache…"),
                   QKeySequence::Open),
            &QAction::triggered, this, &MainWindow::chooseCache);
    connect(a->add(QStringLiteral("file.exportTable"),
                   QT_TRANSLATE_NOOP("ActionRegistry", "&Export Table…"),
                   QKeySequence(Qt::CTRL | Qt::Key_E)),
            &QAction::triggered, this, [this] { currentPage()->exportTable(false); });
    connect(a->add(QStringLiteral("file.exportSelection"),
                   QT_TRANSLATE_NOOP("ActionRegistry", "Export &Selected Rows…"),
                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E)),
            &QAction::triggered, this, [this] { currentPage()->exportTable(true); });
    connect(a->add(QStringLiteral("file.quit"), QT_TRANSLATE_NOOP("ActionRegistry", "&Quit"),
                   QKeySequence(Qt::CTRL | Qt::Key_Q)),
            &QAction::triggered, this, &QWidget::close);
    connect(a->add(QStringLiteral("edit.find"), QT_TRANSLATE_NOOP("ActionRegistry", "&Find"),
                   QKeySequence::Find),
            &QAction::triggered, this, [this] { currentPage()->focusSearch(); });
    connect(a->add(QStringLiteral("edit.copy"), QT_TRANSLATE_NOOP("ActionRegistry", "&Copy Rows"),
                   QKeySequence::Copy),
            &QAction::triggered, this, [this] { currentPage()->copySelection(); });
    connect(a->add(QStringLiteral("edit.clearFilters"),
                   QT_TRANSLATE_NOOP("ActionRegistry", "C&lear Filters"),
                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)),
            &QAction::triggered, this, [this] { currentPage()->clearFilters(); });
    const std::pair<const char *, const char *> pages[] = {
        {"videos", QT_TRANSLATE_NOOP("ActionRegistry", "&Videos")},
        {"games", QT_TRANSLATE_NOOP("ActionRegistry", "&Games")},
        {"tags", QT_TRANSLATE_NOOP("ActionRegistry", "&Tag Library")},
        {"users", QT_TRANSLATE_NOOP("ActionRegistry", "&Users")},
        {"review", QT_TRANSLATE_NOOP("ActionRegistry", "&Review")},
        {"audit", QT_TRANSLATE_NOOP("ActionRegistry", "&Audit Log")},
        {"staff", QT_TRANSLATE_NOOP("ActionRegistry", "&Staff")},
        {"metrics", QT_TRANSLATE_NOOP("ActionRegistry", "&Metrics")},
        {"releases", QT_TRANSLATE_NOOP("ActionRegistry", "Re&leases")},
        {"levels", QT_TRANSLATE_NOOP("ActionRegistry", "Creator Le&vels")},
    };
    // Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth.
    int n = 1;
    for (const auto &[key, text] : pages) {
        const QString page = QString::fromLatin1(key);
        connect(a->add(QStringLiteral("view.") + page, text,
                       QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + n++ % 10))),
                &QAction::triggered, this, [this, page] { showPage(page); });
    }
    connect(a->add(QStringLiteral("view.refresh"), QT_TRANSLATE_NOOP("ActionRegistry", "&Refresh"),
                   QKeySequence::Refresh),
            &QAction::triggered, this, [this] {
                m_groups->reload(m_cache->database());
                for (Page *page : std::as_const(m_pages))
                    page->refresh();
            });
    // Undo and redo of tag edits (the undo stack's own actions, with our shortcuts).
    QAction *undo = a->add(QStringLiteral("edit.undo"),
                           QT_TRANSLATE_NOOP("ActionRegistry", "&Undo"), QKeySequence::Undo);
    undo->setEnabled(false);
    connect(undo, &QAction::triggered, m_undo, &QUndoStack::undo);
    connect(m_undo, &QUndoStack::canUndoChanged, undo, &QAction::setEnabled);
    connect(m_undo, &QUndoStack::undoTextChanged, undo, &QAction::setStatusTip);
    QAction *redo = a->add(QStringLiteral("edit.redo"),
                           QT_TRANSLATE_NOOP("ActionRegistry", "&Redo"), QKeySequence::Redo);
    redo->setEnabled(false);
    connect(redo, &QAction::triggered, m_undo, &QUndoStack::redo);
    connect(m_undo, &QUndoStack::canRedoChanged, redo, &QAction::setEnabled);
    connect(m_undo, &QUndoStack::redoTextChanged, redo, &QAction::setStatusTip);

    // Keyboard tagging on the Videos page.
    const auto onVideos = [this](const std::function<void(VideosPage *)> &f) {
        return [this, f] {
            showPage(QStringLiteral("videos"));
            if (VideosPage *page = videosPage())
                f(page);
        };
    };
    connect(a->add(QStringLiteral("tagging.next"),
                   QT_TRANSLATE_NOOP("ActionRegistry", "&Next Video"),
                   QKeySequence(Qt::ALT | Qt::Key_Down)),
            &QAction::triggered, this, onVideos([](VideosPage *p) { p->nextVideo(); }));
    connect(a->add(QStringLiteral("tagging.previous"),
                   QT_TRANSLATE_NOOP("ActionRegistry", "&Previous Video"),
                   QKeySequence(Qt::ALT | Qt::Key_Up)),
            &QAction::triggered, this, onVideos([](VideosPage *p) { p->previousVideo(); }));
    connect(a->add(QStringLiteral("tagging.input"),
                   QT_TRANSLATE_NOOP("ActionRegistry", "&Add Tag…"),
                   QKeySequence(Qt::CTRL | Qt::Key_T)),
            &QAction::triggered, this, onVideos([](VideosPage *p) { p->focusTagInput(); }));
    connect(a->add(QStringLiteral("tagging.removeLast"),
                   QT_TRANSLATE_NOOP("ActionRegistry", "&Remove Last Tag"),
                   QKeySequence(Qt::CTRL | Qt::Key_Backspace)),
            &QAction::triggered, this, onVideos([](VideosPage *p) {
                if (p->tagEditor())
                    p->tagEditor()->removeLastTag();
            }));
    static const char *const suggestionTexts[] = {
        QT_TRANSLATE_NOOP("ActionRegistry", "Suggestion &1"),
        QT_TRANSLATE_NOOP("ActionRegistry", "Suggestion &2"),
        QT_TRANSLATE_NOOP("ActionRegistry", "Suggestion &3"),
        QT_TRANSLATE_NOOP("ActionRegistry", "Suggestion &4"),
        QT_TRANSLATE_NOOP("ActionRegistry", "Suggestion &5"),
        QT_TRANSLATE_NOOP("ActionRegistry", "Suggestion &6"),
        QT_TRANSLATE_NOOP("ActionRegistry", "Suggestion &7"),
        QT_TRANSLATE_NOOP("ActionRegistry", "Suggestion &8"),
        QT_TRANSLATE_NOOP("ActionRegistry", "Suggestion &9")};
    for (int n = 1; n <= 9; ++n) {
        connect(a->add(QStringLiteral("tagging.suggestion%1").arg(n), suggestionTexts[n - 1],
                       QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + n))),
                &QAction::triggered, this, onVideos([n](VideosPage *p) {
                    if (p->tagEditor())
                        p->tagEditor()->acceptSuggestion(n);
                }));
    }
    connect(a->add(QStringLiteral("tagging.statistics"),
                   QT_TRANSLATE_NOOP("ActionRegistry", "Tag &Statistics…")),
            &QAction::triggered, this, [this] { showTagStatistics(); });
    connect(a->add(QStringLiteral("sync.signIn"), QT_TRANSLATE_NOOP("ActionRegistry", "Sign &In…")),
            &QAction::triggered, this, [this] { showSignIn(); });
    connect(
        a->add(QStringLiteral("sync.signOut"), QT_TRANSLATE_NOOP("ActionRegistry", "Sign &Out")),
        &QAction::triggered, this, &MainWindow::signOut);
    connect(a->add(QStringLiteral("sync.now"), QT_TRANSLATE_NOOP("ActionRegistry", "&Sync Now"),
                   QKeySequence(Qt::Key_F9)),
            &QAction::triggered, this, [this] {
                // Nothing to sync with yet, or central refused the password: sign in first.
                const SyncState state = m_sync->state();
                if (!m_sync->hasCredentials() || state.kind == SyncState::SignInNeeded)
                    showSignIn(state.kind == SyncState::SignInNeeded ? state.message : QString());
                else
                    m_sync->syncNow();
            });
    QAction *offline = a->add(QStringLiteral("sync.offline"),
                              QT_TRANSLATE_NOOP("ActionRegistry", "Work &Offline"));
    offline->setCheckable(true);
    connect(offline, &QAction::toggled, this, [this](bool on) {
        m_sync->setOffline(on);
        updateSyncActions();
    });
    connect(a->add(QStringLiteral("sync.rejected"),
                   QT_TRANSLATE_NOOP("ActionRegistry", "&Rejected Changes…")),
            &QAction::triggered, this, [this] { showRejectedChanges(); });
    connect(a->add(QStringLiteral("help.about"),
                   QT_TRANSLATE_NOOP("ActionRegistry", "&About Coulisse")),
            &QAction::triggered, this, &MainWindow::about);
    for (const QString &id : a->ids())
        addAction(a->action(id));
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_actions->action(QStringLiteral("file.open")));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_actions->action(QStringLiteral("file.exportTable")));
    m_fileMenu->addAction(m_actions->action(QStringLiteral("file.exportSelection")));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_actions->action(QStringLiteral("file.quit")));
    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_actions->action(QStringLiteral("edit.undo")));
    m_editMenu->addAction(m_actions->action(QStringLiteral("edit.redo")));
    m_editMenu->addSeparator();
    m_editMenu->addAction(m_actions->action(QStringLiteral("edit.copy")));
    m_editMenu->addAction(m_actions->action(QStringLiteral("edit.find")));
    m_editMenu->addAction(m_actions->action(QStringLiteral("edit.clearFilters")));
    m_viewMenu = menuBar()->addMenu(QString());
    for (const QString &key : pageKeys())
        m_viewMenu->addAction(m_actions->action(QStringLiteral("view.") + key));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_actions->action(QStringLiteral("view.refresh")));
    m_viewMenu->addSeparator();
    m_languageMenu = m_viewMenu->addMenu(QString());
    auto *group = new QActionGroup(this);
    for (const QString &language : Translations::available()) {
        QAction *action = m_languageMenu->addAction(Translations::nativeName(language));
        action->setObjectName(QStringLiteral("language.") + language);
        action->setCheckable(true);
        action->setChecked(language == Translations::current());
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, language] { setLanguage(language); });
    }
    m_taggingMenu = menuBar()->addMenu(QString());
    for (const char *id :
         {"tagging.next", "tagging.previous", "tagging.input", "tagging.removeLast"})
        m_taggingMenu->addAction(m_actions->action(QString::fromLatin1(id)));
    m_suggestionMenu = m_taggingMenu->addMenu(QString());
    for (int n = 1; n <= 9; ++n)
        m_suggestionMenu->addAction(
            m_actions->action(QStringLiteral("tagging.suggestion%1").arg(n)));
    m_taggingMenu->addSeparator();
    m_taggingMenu->addAction(m_actions->action(QStringLiteral("tagging.statistics")));
    m_syncMenu = menuBar()->addMenu(QString());
    m_syncMenu->addAction(m_actions->action(QStringLiteral("sync.signIn")));
    m_syncMenu->addAction(m_actions->action(QStringLiteral("sync.signOut")));
    m_syncMenu->addSeparator();
    m_syncMenu->addAction(m_actions->action(QStringLiteral("sync.now")));
    m_syncMenu->addAction(m_actions->action(QStringLiteral("sync.offline")));
    m_syncMenu->addSeparator();
    m_syncMenu->addAction(m_actions->action(QStringLiteral("sync.rejected")));
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_actions->action(QStringLiteral("help.about")));
}

void MainWindow::retranslate()
{
    if (!m_centralName.isEmpty())
        m_statusCentral->setText(tr("Central store: %1").arg(m_centralName));
    m_actions->retranslate();
    m_fileMenu->setTitle(tr("&File"));
    m_editMenu->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_taggingMenu->setTitle(tr("&Tagging"));
    m_suggestionMenu->setTitle(tr("Accept &Suggestion"));
    m_syncMenu->setTitle(tr("&Sync"));
    updateSyncActions();
    m_helpMenu->setTitle(tr("&Help"));
    for (int i = 0; i < m_pages.size(); ++i) {
        QListWidgetItem *item = m_navigation->item(i);
        item->setText(m_pages.at(i)->title());
        item->setToolTip(
            m_actions->action(QStringLiteral("view.") + m_pages.at(i)->key())->toolTip());
    }
    const QFileInfo info(m_cache->path());
    setWindowTitle(tr("Coulisse — %1").arg(info.fileName()));
    m_statusCache->setText(tr("Cache: %1").arg(info.fileName()));
    m_statusCache->setToolTip(QDir::toNativeSeparators(info.absoluteFilePath()));
    updateStatus();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

QStringList MainWindow::pageKeys() const
{
    QStringList keys;
    for (const Page *page : m_pages)
        keys.append(page->key());
    return keys;
}

Page *MainWindow::page(const QString &key) const
{
    for (Page *page : m_pages) {
        if (page->key() == key)
            return page;
    }
    return nullptr;
}

Page *MainWindow::currentPage() const
{
    return qobject_cast<Page *>(m_stack->currentWidget());
}

bool MainWindow::showPage(const QString &key)
{
    Page *target = page(key);
    if (!target || m_navigation->item(int(m_pages.indexOf(target)))->isHidden())
        return false;
    m_navigation->setCurrentRow(int(m_pages.indexOf(target)));
    return true;
}

void MainWindow::setCentralStore(const QString &name, const QString &details)
{
    m_centralName = name;
    m_centralDetails = details;
    m_statusCentral->setText(tr("Central store: %1").arg(name));
    m_statusCentral->setToolTip(details);
    m_statusCentral->setVisible(!name.isEmpty());
}

void MainWindow::createSync()
{
    m_credentials = new CredentialStore(this);
    SyncWorker::Options options;
    options.intervalMs = qMax(5, Preferences::syncInterval().value()) * 1000;
    m_sync = new SyncWorker(m_cache->path(), options, this);
    m_syncIndicator = new SyncIndicator(this);
    statusBar()->addPermanentWidget(m_syncIndicator);
    connect(m_sync, &SyncWorker::stateChanged, this, &MainWindow::onSyncState);
    connect(m_sync, &SyncWorker::finished, this, &MainWindow::onSyncFinished);
    connect(metricsPage(), &MetricsPage::syncRequested, m_sync, &SyncWorker::syncNow);
    connect(levelsPage(), &LevelsPage::syncRequested, m_sync, &SyncWorker::syncNow);
    connect(m_sync, &SyncWorker::cacheChanged, this, &MainWindow::onCacheChanged);
    connect(m_sync, &SyncWorker::signInNeeded, this, [this](const QString &message) {
        statusBar()->showMessage(tr("The central store refused the sign-in: %1").arg(message),
                                 10000);
    });
    connect(m_syncIndicator, &SyncIndicator::signInRequested, this, [this] {
        showSignIn(m_sync->state().kind == SyncState::SignInNeeded ? m_sync->state().message
                                                                   : QString());
    });
    connect(m_syncIndicator, &SyncIndicator::problemsRequested, this,
            &MainWindow::showRejectedChanges);
    connect(m_credentials, &CredentialStore::passwordWritten, this,
            [this](const QString &, const QString &error) {
                if (!error.isEmpty())
                    statusBar()->showMessage(
                        tr("The password is kept for this session only. %1").arg(error), 10000);
            });
    connect(m_credentials, &CredentialStore::passwordRead, this,
            [this](const QString &key, const QString &password, const QString &error) {
                if (key != m_restoringKey)
                    return;
                m_restoringKey.clear();
                if (!error.isEmpty()) {
                    statusBar()->showMessage(
                        tr("Not signed in: the remembered password cannot be read. %1").arg(error),
                        10000);
                    return;
                }
                signIn(Preferences::signInConninfo().value(), password);
            });
    // Local edits and other windows change the outbox too: a cheap look now and then.
    m_syncStatusTimer = new QTimer(this);
    m_syncStatusTimer->setInterval(5000);
    connect(m_syncStatusTimer, &QTimer::timeout, this, &MainWindow::refreshSyncStatus);
    m_syncStatusTimer->start();
    refreshSyncStatus();
}

void MainWindow::restoreSignIn()
{
    const QString conninfo = Preferences::signInConninfo().value();
    if (conninfo.isEmpty() || !Preferences::rememberPassword().value() || m_sync->hasCredentials())
        return;
    m_restoringKey = CredentialStore::key(Preferences::signInUser().value(), conninfo);
    m_credentials->readPassword(m_restoringKey);
}

void MainWindow::signIn(const QString &conninfo, const QString &password)
{
    m_restoringKey.clear();
    // A new sign-in asks for its own update once its first sync is done.
    ++m_updateGeneration;
    m_updateChecked = false;
    m_sync->setCredentials(conninfo, password);
    m_central->setCredentials(conninfo, password);
    auditLogPage()->setSignedIn(true);
    staffPage()->setSignedIn(true);
    releasesPage()->setSignedIn(true);
    levelsPage()->setSignedIn(true);
    showCentralOf(conninfo);
    updateSyncActions();
}

void MainWindow::signOut()
{
    m_sync->signOut();
    m_central->setCredentials({}, {});
    auditLogPage()->setSignedIn(false);
    staffPage()->setSignedIn(false);
    releasesPage()->setSignedIn(false);
    levelsPage()->setSignedIn(false);
    // A check still under way answers for the user who just left.
    ++m_updateGeneration;
    m_updateChecked = false;
    m_update = CentralReleases::Decision();
    m_updateNotice->hide();
    // Signing out forgets the remembered password too; the server and user stay filled in.
    const QString conninfo = Preferences::signInConninfo().value();
    if (!conninfo.isEmpty())
        m_credentials->removePassword(
            CredentialStore::key(Preferences::signInUser().value(), conninfo));
    Preferences::signInConninfo().remove();
    if (m_centralFromSignIn)
        setCentralStore({});
    m_centralFromSignIn = false;
    updateSyncActions();
}

void MainWindow::showCentralOf(const QString &conninfo)
{
    // A central store named by main() (the demo's) keeps its name.
    if (!m_centralName.isEmpty() && !m_centralFromSignIn)
        return;
    QMap<QString, QString> params;
    QString error;
    if (!CentralConnection::parse(conninfo, &params, &error))
        return;
    const QString database = params.value(QStringLiteral("dbname"));
    const QString host = params.value(QStringLiteral("host"));
    setCentralStore(host.isEmpty() ? database : tr("%1 on %2").arg(database, host), conninfo);
    m_centralFromSignIn = true;
}

SignInDialog *MainWindow::showSignIn(const QString &message)
{
    if (m_signInDialog) {
        m_signInDialog->setMessage(message);
        m_signInDialog->raise();
        m_signInDialog->activateWindow();
        return m_signInDialog;
    }
    auto *dialog = new SignInDialog(m_credentials, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setMessage(message);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { signIn(dialog->conninfo(), dialog->password()); });
    m_signInDialog = dialog;
    dialog->open();
    return dialog;
}

RejectedChangesDialog *MainWindow::showRejectedChanges()
{
    if (!m_rejectedDialog) {
        auto *dialog = new RejectedChangesDialog(*m_cache, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &RejectedChangesDialog::resolved, this, [this] {
            refreshSyncStatus();
            // The cache's rows changed (overlays came back or went): show them, then send.
            onCacheChanged();
            m_sync->syncNow();
        });
        m_rejectedDialog = dialog;
    } else {
        m_rejectedDialog->reload();
    }
    m_rejectedDialog->show();
    m_rejectedDialog->raise();
    m_rejectedDialog->activateWindow();
    return m_rejectedDialog;
}

void MainWindow::refreshSyncStatus()
{
    m_syncStatus = SyncStatus::read(*m_cache);
    m_syncIndicator->setStatus(m_syncStatus);
    for (Page *p : std::as_const(m_pages)) {
        if (auto *catalogue = qobject_cast<CataloguePage *>(p))
            catalogue->setSearchIncomplete(m_syncStatus.indexing);
    }
    if (m_role.isEmpty() && !m_syncStatus.role.isEmpty()) {
        m_role = m_syncStatus.role;
        m_centralUser = m_syncStatus.user;
        emit roleChanged(m_role);
    }
    updateSyncActions();
}

void MainWindow::onSyncState(const SyncState &state)
{
    m_syncIndicator->setState(state);
    if (state.kind != SyncState::Syncing)
        refreshSyncStatus();
    else
        updateSyncActions();
}

void MainWindow::onSyncFinished(const SyncEngine::Report &report)
{
    if (!report.role.isEmpty() && (report.role != m_role || report.user != m_centralUser)) {
        m_role = report.role;
        m_centralUser = report.user;
        m_syncIndicator->setIdentity(m_centralUser, m_role);
        emit roleChanged(m_role);
    }
    if (report.ok) {
        metricsPage()->setSynced();
        levelsPage()->setSynced();
        checkForUpdate();
    }
    if (report.metricsChanged)
        metricsPage()->refresh();
    // Levels show on the Users page too; the what-if joins the creators' rows to users, which
    // a pull or a copy may have brought (a draft in the editor stays as it is).
    if (report.levelsChanged || report.pulled > 0 || report.copied)
        levelsPage()->refresh();
    if (report.levelsChanged)
        page(QStringLiteral("users"))->refresh();
    refreshSyncStatus();
}

ReviewPage *MainWindow::reviewPage() const
{
    return qobject_cast<ReviewPage *>(page(QStringLiteral("review")));
}

VideosPage *MainWindow::videosPage() const
{
    return qobject_cast<VideosPage *>(page(QStringLiteral("videos")));
}

void MainWindow::onCacheChanged()
{
    m_groups->reload(m_cache->database());
    m_recommender->invalidate();
    if (VideosPage *videos = videosPage(); videos && videos->tagEditor())
        videos->tagEditor()->reload();
    refreshCataloguePages();
    if (ReviewPage *review = reviewPage())
        review->reloadChoices();
    if (m_rejectedDialog)
        m_rejectedDialog->reload();
}

void MainWindow::updateExportActions()
{
    Page *page = currentPage();
    m_actions->action(QStringLiteral("file.exportTable"))
        ->setEnabled(page && page->canExportTable(false));
    m_actions->action(QStringLiteral("file.exportSelection"))
        ->setEnabled(page && page->canExportTable(true));
    // An export writes names and labels in the current language from a worker thread: the
    // language stays until it is done.
    bool exporting = false;
    for (Page *p : std::as_const(m_pages)) {
        if (auto *catalogue = qobject_cast<CataloguePage *>(p))
            exporting = exporting || catalogue->isExporting();
    }
    if (m_languageMenu) {
        for (QAction *language : m_languageMenu->actions())
            language->setEnabled(!exporting);
    }
}

void MainWindow::updateSyncActions()
{
    if (!m_sync)
        return;
    const bool signedIn = m_sync->hasCredentials();
    const bool offline = m_sync->isOffline();
    m_actions->action(QStringLiteral("sync.signOut"))->setEnabled(signedIn);
    m_actions->action(QStringLiteral("sync.now"))
        ->setEnabled(!offline && m_sync->state().kind != SyncState::Syncing);
    QAction *rejected = m_actions->action(QStringLiteral("sync.rejected"));
    const qint64 problems = m_syncStatus.rejected + m_syncStatus.conflicts;
    rejected->setText(problems > 0
                          ? tr("&Rejected Changes (%1)…").arg(problems)
                          : QCoreApplication::translate("ActionRegistry", "&Rejected Changes…"));
}

void MainWindow::updateStatus()
{
    if (const Page *page = currentPage())
        m_statusCount->setText(page->statusText());
    updateExportActions();
}

void MainWindow::openLink(const QUrl &link)
{
    if (link.scheme() != QLatin1String("coulisse"))
        return;
    if (Page *target = page(link.host()); target && showPage(target->key()))
        target->openLink(link);
}

void MainWindow::chooseCache()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Cache"), QFileInfo(m_cache->path()).absolutePath(),
        tr("Coulisse caches (*.sqlite *.db);;All files (*)"));
    if (!path.isEmpty() && QFileInfo(path) != QFileInfo(m_cache->path()))
        emit openCacheRequested(path);
}

void MainWindow::setLanguage(const QString &language)
{
    Preferences::language().setValue(language);
    Translations::install(language);
}

void MainWindow::about()
{
    QMessageBox::about(
        this, tr("About Coulisse"),
        tr("<h3>Coulisse %1</h3><p>The back-office of a game-video community: tags, games, "
           "videos, users, reviews and metrics.</p><p>Cache: %2<br>Cache schema: %3<br>"
           "Qt %4 · SQLite %5</p>")
            .arg(QStringLiteral(COULISSE_VERSION),
                 QDir::toNativeSeparators(m_cache->path()).toHtmlEscaped())
            .arg(m_cache->schemaVersion())
            .arg(QString::fromLatin1(qVersion()), QString::fromLatin1(sqlite3_libversion())));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    Preferences::windowGeometry().setValue(saveGeometry());
    Preferences::windowState().setValue(saveState());
    if (const Page *page = currentPage())
        Preferences::currentPage().setValue(page->key());
    for (const Page *page : std::as_const(m_pages))
        page->saveState();
    QMainWindow::closeEvent(event);
}

TagStatisticsDialog *MainWindow::showTagStatistics()
{
    if (!m_statistics) {
        m_statistics = new TagStatisticsDialog(m_cache->path(), this);
        m_statistics->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        m_statistics->reload();
    }
    m_statistics->show();
    m_statistics->raise();
    return m_statistics;
}

void MainWindow::applyRole(const QString &role)
{
    // Who only reads the catalogue is offered no tagging (the statistics stay).
    const bool editing = Roles::mayEditCatalogue(role);
    for (const QString &id : m_actions->ids()) {
        if (id.startsWith(QLatin1String("tagging.")) && id != QLatin1String("tagging.statistics"))
            m_actions->action(id)->setVisible(editing);
    }
    if (m_suggestionMenu) // the menus may not be built yet
        m_suggestionMenu->menuAction()->setVisible(editing);
    if (VideosPage *videos = videosPage())
        videos->setRole(role);
    // Product managers have no change requests to see.
    if (ReviewPage *review = reviewPage())
        m_navigation->item(int(m_pages.indexOf(review)))->setHidden(role == QLatin1String("pm"));
    // The audit log is read by editors (their own changes), supervisors and admins; staff
    // accounts and the approval policy are the admins'.
    const auto show = [this](Page *page, bool visible) {
        m_navigation->item(int(m_pages.indexOf(page)))->setHidden(!visible);
        m_actions->action(QStringLiteral("view.") + page->key())->setVisible(visible);
        if (!visible && currentPage() == page)
            showPage(QStringLiteral("videos"));
    };
    show(auditLogPage(), role != QLatin1String("pm"));
    for (Page *page : std::as_const(m_pages)) {
        if (auto *catalogue = qobject_cast<CataloguePage *>(page))
            catalogue->setHistoryLinks(role != QLatin1String("pm"));
    }
    show(staffPage(), role == QLatin1String("admin"));
    show(metricsPage(), Roles::readsMetrics(role));
    metricsPage()->setRole(role);
    show(releasesPage(), role == QLatin1String("admin") || role == QLatin1String("supervisor") ||
                             role == QLatin1String("pm"));
    releasesPage()->setRole(role, m_centralUser);
    show(levelsPage(), role == QLatin1String("admin") || role == QLatin1String("supervisor") ||
                           role == QLatin1String("pm"));
    levelsPage()->setRole(role, m_centralUser);
}

void MainWindow::refreshCataloguePages()
{
    // The central pages read online, on demand: a cache change says nothing new about them.
    for (Page *page : std::as_const(m_pages)) {
        if (auto *catalogue = qobject_cast<CataloguePage *>(page))
            catalogue->refresh();
    }
}

AuditLogPage *MainWindow::auditLogPage() const
{
    return qobject_cast<AuditLogPage *>(page(QStringLiteral("audit")));
}

LevelsPage *MainWindow::levelsPage() const
{
    return qobject_cast<LevelsPage *>(page(QStringLiteral("levels")));
}

ReleasesPage *MainWindow::releasesPage() const
{
    return qobject_cast<ReleasesPage *>(page(QStringLiteral("releases")));
}

void MainWindow::checkForUpdate()
{
    // Once per sign-in, when the central store is reachable (a sync just finished).
    if (m_updateChecked || m_centralUser.isEmpty() || !m_central->hasCredentials())
        return;
    m_updateChecked = true;
    const QString product = QSysInfo::productType();
    const QString platform = product == QLatin1String("windows") ? product
                             : product == QLatin1String("macos") || product == QLatin1String("osx")
                                 ? QStringLiteral("macos")
                                 : QStringLiteral("linux");
    const QString user = m_centralUser;
    const quint64 generation = ++m_updateGeneration;
    m_central->call(
        this,
        [platform,
         user](CentralClient::Session &session) -> std::optional<CentralReleases::Decision> {
            if (!session.isOpen())
                return std::nullopt;
            // A store without the release channel (before schema 11) has nothing to say.
            return CentralReleases(session.db)
                .decide(QStringLiteral("coulisse"), platform, QStringLiteral(COULISSE_VERSION),
                        user, QStringLiteral("staff"), QSysInfo::prettyProductName());
        },
        [this, generation](const std::optional<CentralReleases::Decision> &d) {
            // Signed out (or in again) meanwhile: the answer is not this session's.
            if (generation != m_updateGeneration || !m_central->hasCredentials())
                return;
            showUpdate(d);
        });
}

void MainWindow::showUpdate(const std::optional<CentralReleases::Decision> &decision)
{
    m_update = decision.value_or(CentralReleases::Decision());
    if (m_update.decision != QLatin1String("optional") &&
        m_update.decision != QLatin1String("forced")) {
        m_updateNotice->hide();
        return;
    }
    const bool forced = m_update.decision == QLatin1String("forced");
    m_updateNotice->setText(
        forced ? tr("Coulisse %1 is required: this version (%2) is no longer supported")
                     .arg(m_update.version, QStringLiteral(COULISSE_VERSION))
               : tr("Coulisse %1 is available").arg(m_update.version));
    m_updateNotice->setStyleSheet(forced ? QStringLiteral("QLabel { color: #b03030; }")
                                         : QStringLiteral("QLabel { color: #1f6fbf; }"));
    const QString notes = Translations::current().startsWith(QLatin1String("zh"))
                              ? m_update.notesZh
                              : m_update.notesEn;
    m_updateNotice->setToolTip(notes.isEmpty() ? tr("No release notes.") : notes);
    m_updateNotice->show();
    statusBar()->showMessage(m_updateNotice->text(), 8000);
}

MetricsPage *MainWindow::metricsPage() const
{
    return qobject_cast<MetricsPage *>(page(QStringLiteral("metrics")));
}

StaffPage *MainWindow::staffPage() const
{
    return qobject_cast<StaffPage *>(page(QStringLiteral("staff")));
}
