#include "actionregistry.h"
#include "cachedatabase.h"
#include "cataloguepage.h"
#include "credentialstore.h"
#include "lazytablemodel.h"
#include "mainwindow.h"
#include "outboxmodel.h"
#include "rejectedchangesdialog.h"
#include "signindialog.h"
#include "syncindicator.h"
#include "syncworker.h"
#include "testsupport.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlError>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using TestSupport::scalar;

/// The main window offscreen: every page opens and counts its rows, search and language work,
/// and --screenshot writes a picture.
class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_copies = 0;

    static bool waitReady(CataloguePage *page)
    {
        QSignalSpy ready(page, &CataloguePage::ready);
        return page->isReady() || ready.wait(20000);
    }

    /// A copy of the demo cache of its own, for a test that writes to it.
    QString copyCache()
    {
        const QString path = m_dir.filePath(QStringLiteral("copy-%1.sqlite").arg(++m_copies));
        return QFile::copy(m_path, path) ? path : QString();
    }

    static std::unique_ptr<CacheDatabase> open(const QString &path)
    {
        auto cache = std::make_unique<CacheDatabase>();
        if (!cache->open(path))
            qWarning("%s", qPrintable(cache->errorString()));
        return cache;
    }

    /// An outbox row as the sync engine leaves it; returns its id.
    static QString addOp(const QSqlDatabase &db, const QString &kind, const QString &payload,
                         const QString &state, const QString &error = {},
                         const QString &result = {})
    {
        static int n = 0;
        const QString id =
            QStringLiteral("00000000-0000-7000-8000-%1").arg(++n, 12, 10, QLatin1Char('0'));
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "INSERT INTO outbox (op_id, local_tx, kind, payload, state, last_error, result, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (const QVariant &v : QVariantList{
                 id, n, kind, payload, state,
                 error.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : error,
                 result.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : result, now, now + n})
            q.addBindValue(v);
        if (!q.exec())
            qWarning("%s", qPrintable(q.lastError().text()));
        return id;
    }

    static qint64 firstTag(const QSqlDatabase &db)
    {
        return scalar(db, QStringLiteral("SELECT min(id) FROM tags")).toLongLong();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Never the developer's real keychain: behave as on a machine without one.
        qputenv("COULISSE_NO_KEYCHAIN", "1");
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("CoulisseTest"));
        m_path = m_dir.filePath(QStringLiteral("window.sqlite"));
        const QString error = TestSupport::writeDemoCache(m_path, 2000, 5);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        Translations::install(QStringLiteral("en"));
    }

    void shouldOpenEveryPageWithItsRows_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("table");
        QTest::newRow("videos") << u"videos"_qs << u"videos"_qs;
        QTest::newRow("games") << u"games"_qs << u"games"_qs;
        QTest::newRow("tags") << u"tags"_qs << u"tags"_qs;
        QTest::newRow("users") << u"users"_qs << u"users"_qs;
    }
    void shouldOpenEveryPageWithItsRows()
    {
        QFETCH(QString, page);
        QFETCH(QString, table);
        auto cache = std::make_unique<CacheDatabase>();
        QVERIFY(cache->open(m_path));
        const int expected =
            scalar(cache->database(), QStringLiteral("SELECT count(*) FROM ") + table).toInt();
        MainWindow window(std::move(cache));
        window.show();
        QVERIFY(window.showPage(page));
        auto *current = qobject_cast<CataloguePage *>(window.currentPage());
        QCOMPARE(current->key(), page);
        QVERIFY(waitReady(current));
        QCOMPARE(current->table()->model()->rowCount(), expected);
        QVERIFY(current->statusText().contains(QLocale().toString(expected)));
        // The first row is selected and described.
        QTRY_VERIFY(
            !current->findChild<QTextBrowser *>(QStringLiteral("detail"))->toPlainText().isEmpty());
    }

    void shouldSearchAsTheUserTypes()
    {
        auto cache = std::make_unique<CacheDatabase>();
        QVERIFY(cache->open(m_path));
        const int expected =
            scalar(cache->database(),
                   QStringLiteral("SELECT count(*) FROM videos WHERE instr(title, '教程') > 0"))
                .toInt();
        QVERIFY(expected > 0);
        MainWindow window(std::move(cache));
        window.show();
        auto *videos = qobject_cast<CataloguePage *>(window.page(QStringLiteral("videos")));
        QVERIFY(waitReady(videos));
        auto *search = videos->findChild<QLineEdit *>(QStringLiteral("search"));
        QVERIFY(search);
        QSignalSpy ready(videos, &CataloguePage::ready);
        search->insert(QStringLiteral("教"));
        search->insert(QStringLiteral("程")); // typed one character at a time
        QVERIFY(ready.wait(20000));
        QTRY_COMPARE(videos->table()->model()->rowCount(), expected);
        QVERIFY(videos->statusText().contains(QLatin1String(" of ")));
        videos->clearFilters();
        QTRY_COMPARE(videos->table()->model()->rowCount(), 2000);
    }

    /// After an initial copy, until its search index is built, a search says it may miss rows.
    void shouldSayWhileTheSearchIndexIsBeingBuilt()
    {
        const QString path = m_dir.filePath(QStringLiteral("indexing.sqlite"));
        QVERIFY(QFile::copy(m_path, path));
        auto cache = std::make_unique<CacheDatabase>();
        QVERIFY(cache->open(path));
        QVERIFY(cache->execScript(QStringLiteral("INSERT INTO sync_state (key, value) VALUES "
                                                 "('search_pending', '{\"video_search\":0}')")));
        CacheDatabase *db = cache.get();
        MainWindow window(std::move(cache));
        window.show();
        auto *videos = qobject_cast<CataloguePage *>(window.page(QStringLiteral("videos")));
        QVERIFY(waitReady(videos));
        const QString note = QStringLiteral("the search index is still being built");
        QVERIFY(!videos->statusText().contains(note)); // no search typed
        auto *search = videos->findChild<QLineEdit *>(QStringLiteral("search"));
        QSignalSpy ready(videos, &CataloguePage::ready);
        search->setText(QStringLiteral("教程"));
        QVERIFY(ready.wait(20000));
        QTRY_VERIFY2(videos->statusText().contains(note), qPrintable(videos->statusText()));
        // Built: the next status read drops the note.
        QVERIFY(db->execScript(QStringLiteral("DELETE FROM sync_state WHERE key = "
                                              "'search_pending'")));
        QTRY_VERIFY_WITH_TIMEOUT(!videos->statusText().contains(note), 10000);
    }

    void shouldFilterByATagExpression()
    {
        auto cache = std::make_unique<CacheDatabase>();
        QVERIFY(cache->open(m_path));
        const QSqlDatabase db = cache->database();
        // The two most used general tags: videos with the first and without the second.
        const QString a = scalar(db, QStringLiteral("SELECT t.name FROM tags t JOIN tag_groups g "
                                                    "ON g.id = t.group_id WHERE g.kind = "
                                                    "'general' ORDER BY usage_count DESC LIMIT 1"))
                              .toString();
        const QString b =
            scalar(db, QStringLiteral("SELECT t.name FROM tags t JOIN tag_groups g ON g.id = "
                                      "t.group_id WHERE g.kind = 'general' ORDER BY usage_count "
                                      "DESC LIMIT 1 OFFSET 1"))
                .toString();
        const int expected =
            scalar(db,
                   QStringLiteral("SELECT count(*) FROM videos v WHERE v.id IN (SELECT "
                                  "video_id FROM video_tags vt JOIN tags t ON t.id = "
                                  "vt.tag_id WHERE t.name = ?) AND v.id NOT IN (SELECT "
                                  "video_id FROM video_tags vt JOIN tags t ON t.id = "
                                  "vt.tag_id WHERE t.name = ?)"),
                   {a, b})
                .toInt();
        QVERIFY(expected > 0);
        MainWindow window(std::move(cache));
        window.show();
        auto *videos = qobject_cast<CataloguePage *>(window.page(QStringLiteral("videos")));
        QVERIFY(waitReady(videos));
        auto *tag = videos->findChild<QLineEdit *>(QStringLiteral("tagFilter"));
        QVERIFY(tag);
        QSignalSpy messages(videos, &CataloguePage::message);
        // A mistake: the user is told where, and the table keeps its rows.
        tag->setText(a + QStringLiteral(" AND"));
        QTest::keyClick(tag, Qt::Key_Return);
        QCOMPARE(messages.size(), 1);
        QVERIFY(messages.first().first().toString().contains(QLatin1String("missing")));
        QCOMPARE(videos->table()->model()->rowCount(), 2000);
        tag->setText(a + QStringLiteral(" AND NOT ") + b);
        QTest::keyClick(tag, Qt::Key_Return);
        QTRY_COMPARE(videos->table()->model()->rowCount(), expected);
        videos->clearFilters();
        QTRY_COMPARE(videos->table()->model()->rowCount(), 2000);
        QVERIFY(tag->text().isEmpty());
    }

    void shouldCopySelectedRows()
    {
        auto cache = std::make_unique<CacheDatabase>();
        QVERIFY(cache->open(m_path));
        MainWindow window(std::move(cache));
        window.show();
        auto *games = qobject_cast<CataloguePage *>(window.page(QStringLiteral("games")));
        window.showPage(QStringLiteral("games"));
        QVERIFY(waitReady(games));
        games->table()->selectRow(0);
        games->copySelection();
        const QStringList lines =
            QApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.first().startsWith(QLatin1String("ID\tName")));
    }

    void shouldExportTheTableAndTheSelection()
    {
        auto cache = std::make_unique<CacheDatabase>();
        QVERIFY(cache->open(m_path));
        MainWindow window(std::move(cache));
        window.show();
        auto *games = qobject_cast<CataloguePage *>(window.page(QStringLiteral("games")));
        window.showPage(QStringLiteral("games"));
        QVERIFY(waitReady(games));
        QAction *exportTable = window.actions()->action(QStringLiteral("file.exportTable"));
        QAction *exportSelection = window.actions()->action(QStringLiteral("file.exportSelection"));
        QTRY_VERIFY(exportTable->isEnabled());
        games->table()->clearSelection();
        QVERIFY(!exportSelection->isEnabled());
        games->table()->selectRow(1);
        QVERIFY(exportSelection->isEnabled());

        QTemporaryDir dir;
        QSignalSpy exported(games, &CataloguePage::exported);
        const QString selected = dir.filePath(QStringLiteral("selected.csv"));
        QList<QAction *> languages;
        for (const QString &code : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            languages.append(window.findChild<QAction *>(QStringLiteral("language.") + code));
            QVERIFY(languages.last() && languages.last()->isEnabled());
        }
        games->startExport(selected, true);
        QVERIFY(!exportTable->isEnabled()); // one export at a time
        // The worker writes labels in the current language: no switch until it is done.
        for (QAction *language : std::as_const(languages))
            QVERIFY(!language->isEnabled());
        QVERIFY(exported.wait(20000));
        for (QAction *language : std::as_const(languages))
            QTRY_VERIFY(language->isEnabled());
        QVERIFY2(exported.last().at(0).toBool(), qPrintable(exported.last().at(2).toString()));
        QCOMPARE(exported.last().at(1).toLongLong(), 1);
        QFile file(selected);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QVERIFY(lines.first().startsWith("\xEF\xBB\xBFID,Name"));
        QCOMPARE(lines.value(1).split(',').value(0).toLongLong(), games->model()->idAt(1));
        QTRY_VERIFY(exportTable->isEnabled());

        const QString all = dir.filePath(QStringLiteral("games.json"));
        games->startExport(all, false);
        QVERIFY(exported.wait(20000));
        QVERIFY(exported.last().at(0).toBool());
        QCOMPARE(exported.last().at(1).toLongLong(), games->model()->rowCount());
        QVERIFY(exported.last().at(2).toString().contains(QLatin1String("games.json")));
    }

    void shouldExportSelectedRowsNotLoadedYet_data()
    {
        QTest::addColumn<bool>("changedMeanwhile");
        QTest::newRow("read, then exported") << false;
        QTest::newRow("the table changes while they are read") << true;
    }

    void shouldExportSelectedRowsNotLoadedYet()
    {
        QFETCH(bool, changedMeanwhile);
        auto cache = std::make_unique<CacheDatabase>();
        QVERIFY(cache->open(m_path));
        MainWindow window(std::move(cache));
        window.show();
        auto *videos = qobject_cast<CataloguePage *>(window.page(QStringLiteral("videos")));
        window.showPage(QStringLiteral("videos"));
        QVERIFY(waitReady(videos));
        LazyTableModel *model = videos->model();
        const int far = model->rowCount() - 5;
        QVERIFY(far > LazyTableModel::WindowSize * 2);
        QVERIFY(model->idAt(far) < 0 || !model->isRangeLoaded(far, far));
        videos->table()->selectRow(1);
        videos->table()->selectionModel()->select(
            model->index(far, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("far.json"));
        QSignalSpy exported(videos, &CataloguePage::exported);
        videos->startExport(path, true);
        // Reading the ids of the rows not loaded yet counts as exporting.
        QVERIFY(videos->isExporting());
        QVERIFY(!window.actions()->action(QStringLiteral("file.exportTable"))->isEnabled());
        if (changedMeanwhile)
            videos->refresh();
        QVERIFY(exported.wait(20000));
        QTRY_VERIFY(!videos->isExporting());
        if (changedMeanwhile) {
            QVERIFY(!exported.last().at(0).toBool());
            QVERIFY2(exported.last().at(2).toString().contains(QLatin1String("changed")),
                     qPrintable(exported.last().at(2).toString()));
            QVERIFY(!QFile::exists(path));
            return;
        }
        QVERIFY2(exported.last().at(0).toBool(), qPrintable(exported.last().at(2).toString()));
        QCOMPARE(exported.last().at(1).toLongLong(), 2);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<qint64> ids;
        for (const QJsonValue &v : QJsonDocument::fromJson(file.readAll()).array())
            ids.append(v.toObject().value(QLatin1String("id")).toInteger());
        QTRY_VERIFY(model->idAt(far) > 0);
        QCOMPARE(ids, (QList<qint64>{model->idAt(1), model->idAt(far)}));
    }

    void shouldSwitchLanguageWhileRunning()
    {
        auto cache = std::make_unique<CacheDatabase>();
        QVERIFY(cache->open(m_path));
        MainWindow window(std::move(cache));
        window.show();
        auto *navigation = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QCOMPARE(navigation->item(0)->text(), QStringLiteral("Videos"));
        Translations::install(QStringLiteral("zh_CN"));
        QTRY_COMPARE(navigation->item(0)->text(), QStringLiteral("视频"));
        auto *videos = qobject_cast<CataloguePage *>(window.page(QStringLiteral("videos")));
        QVERIFY(waitReady(videos));
        QCOMPARE(videos->table()->model()->headerData(1, Qt::Horizontal).toString(),
                 QStringLiteral("标题"));
        Translations::install(QStringLiteral("en"));
        QTRY_COMPARE(navigation->item(0)->text(), QStringLiteral("Videos"));
    }

    void shouldShowWhereSyncStandsInTheStatusBar()
    {
        const QString path = copyCache();
        MainWindow window(open(path));
        window.show();
        SyncIndicator *indicator = window.syncIndicator();
        QVERIFY(indicator);
        QVERIFY(window.statusBar()->findChild<SyncIndicator *>() == indicator);
        QTRY_COMPARE(indicator->stateText(), QStringLiteral("Not signed in"));
        QCOMPARE(indicator->waitingText(), QStringLiteral("No changes waiting"));
        QCOMPARE(indicator->lastSyncText(), QStringLiteral("Never synced"));
        QVERIFY(indicator->problemsText().isEmpty());
        QVERIFY(indicator->identityText().isEmpty());
        QVERIFY(window.role().isEmpty());
        QAction *rejected = window.actions()->action(QStringLiteral("sync.rejected"));
        QCOMPARE(rejected->text(), QStringLiteral("&Rejected Changes…"));

        // What a sync leaves in the cache: waiting, refused and conflicting changes, the time.
        {
            CacheDatabase other;
            QVERIFY(other.open(path));
            const QSqlDatabase db = other.database();
            const qint64 tag = firstTag(db);
            addOp(db, u"tag_update"_qs, QStringLiteral("{\"tag_id\":%1,\"name\":\"a\"}").arg(tag),
                  u"pending"_qs);
            addOp(db, u"tag_update"_qs, QStringLiteral("{\"tag_id\":%1,\"name\":\"b\"}").arg(tag),
                  u"rejected"_qs, u"no (42501)"_qs);
            addOp(db, u"tag_update"_qs, QStringLiteral("{\"tag_id\":%1,\"name\":\"c\"}").arg(tag),
                  u"conflict"_qs, {},
                  QStringLiteral("{\"status\":\"conflict\",\"current\":{\"name\":\"d\"}}"));
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("INSERT OR REPLACE INTO sync_state (key, value) VALUES "
                                          "('last_sync', strftime('%s', 'now')), "
                                          "('user', 'ed'), ('role', 'editor')")));
        }
        QSignalSpy role(&window, &MainWindow::roleChanged);
        window.refreshSyncStatus();
        QVERIFY(indicator->waitingText().startsWith(QLatin1String("1 change")));
        QVERIFY2(indicator->problemsText().contains(QLatin1String("1 rejected")),
                 qPrintable(indicator->problemsText()));
        QVERIFY(indicator->problemsText().contains(QLatin1String("1 conflict")));
        QCOMPARE(indicator->lastSyncText(),
                 QStringLiteral("Last sync ") +
                     QLocale().toString(QTime::currentTime(), QStringLiteral("HH:mm")));
        QCOMPARE(indicator->identityText(), QStringLiteral("ed (Editor)"));
        QCOMPARE(window.role(), QStringLiteral("editor"));
        QCOMPARE(role.size(), 1);
        QCOMPARE(rejected->text(), QStringLiteral("&Rejected Changes (2)…"));

        // The warning opens the list of those changes.
        auto *problems = indicator->findChild<QToolButton *>(QStringLiteral("syncProblems"));
        QVERIFY(problems && problems->isVisible());
        QTest::mouseClick(problems, Qt::LeftButton);
        auto *dialog = window.findChild<RejectedChangesDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->model()->rowCount(), 2);
    }

    void shouldShowEachSyncState_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("stage");
        QTest::addColumn<qint64>("done");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<bool>("retry");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("progress");
        QTest::addColumn<bool>("signIn");
        using S = SyncState;
        using G = SyncEngine::Stage;
        QTest::newRow("signed out") << int(S::SignedOut) << 0 << 0ll << 0ll << false
                                    << u"Not signed in"_qs << false << true;
        QTest::newRow("offline") << int(S::Offline) << 0 << 0ll << 0ll << false << u"Offline"_qs
                                 << false << false;
        QTest::newRow("online") << int(S::Idle) << 0 << 0ll << 0ll << false << u"Online"_qs << false
                                << false;
        QTest::newRow("connecting") << int(S::Syncing) << int(G::Connecting) << 0ll << 0ll << false
                                    << u"Connecting…"_qs << true << false;
        QTest::newRow("copying") << int(S::Syncing) << int(G::Copying) << 500ll << 2000ll << false
                                 << u"Copying the catalogue"_qs << true << false;
        QTest::newRow("pulling") << int(S::Syncing) << int(G::Pulling) << 1234ll << 0ll << false
                                 << u"Receiving changes: 1,234"_qs << true << false;
        QTest::newRow("indexing") << int(S::Syncing) << int(G::Indexing) << 12ll << 48ll << false
                                  << u"Indexing the catalogue"_qs << true << false;
        QTest::newRow("huge copy")
            << int(S::Syncing) << int(G::Copying) << 3000000000ll << 6000000000ll << false
            << u"Copying the catalogue"_qs << true << false;
        QTest::newRow("failed, retrying") << int(S::Error) << 0 << 0ll << 0ll << true
                                          << u"Sync failed, retrying at "_qs << false << false;
        QTest::newRow("failed") << int(S::Error) << 0 << 0ll << 0ll << false << u"Sync failed"_qs
                                << false << false;
        QTest::newRow("password refused") << int(S::SignInNeeded) << 0 << 0ll << 0ll << false
                                          << u"Sign-in needed"_qs << false << true;
    }
    void shouldShowEachSyncState()
    {
        QFETCH(int, kind);
        QFETCH(int, stage);
        QFETCH(qint64, done);
        QFETCH(qint64, total);
        QFETCH(bool, retry);
        QFETCH(QString, text);
        QFETCH(bool, progress);
        QFETCH(bool, signIn);
        SyncIndicator indicator;
        indicator.show();
        SyncState state;
        state.kind = SyncState::Kind(kind);
        state.stage = SyncEngine::Stage(stage);
        state.done = done;
        state.total = total;
        state.message = QStringLiteral("why");
        if (retry)
            state.nextRetry = QDateTime::currentDateTime().addSecs(30);
        indicator.setState(state);
        QVERIFY2(indicator.stateText().startsWith(text), qPrintable(indicator.stateText()));
        QCOMPARE(indicator.isProgressVisible(), progress);
        auto *button = indicator.findChild<QToolButton *>(QStringLiteral("syncSignIn"));
        QCOMPARE(button->isVisible(), signIn);
        if (signIn) {
            QSignalSpy requested(&indicator, &SyncIndicator::signInRequested);
            QTest::mouseClick(button, Qt::LeftButton);
            QCOMPARE(requested.size(), 1);
        }
        if (progress && total > 0) {
            auto *bar = indicator.findChild<QProgressBar *>(QStringLiteral("syncProgress"));
            QCOMPARE(bar->text(), QStringLiteral("%1%").arg(done * 100 / total));
        }
    }

    void shouldWorkOfflineAndComeBack()
    {
        MainWindow window(open(copyCache()));
        window.show();
        SyncIndicator *indicator = window.syncIndicator();
        QTRY_COMPARE(indicator->stateText(), QStringLiteral("Not signed in"));
        QAction *offline = window.actions()->action(QStringLiteral("sync.offline"));
        QVERIFY(offline->isCheckable());
        offline->trigger();
        QVERIFY(window.syncWorker()->isOffline());
        QTRY_COMPARE(indicator->stateText(), QStringLiteral("Offline"));
        QVERIFY(!window.actions()->action(QStringLiteral("sync.now"))->isEnabled());
        offline->trigger();
        QTRY_COMPARE(indicator->stateText(), QStringLiteral("Not signed in"));
    }

    void shouldRetryWhenCentralCannotBeReached()
    {
        MainWindow window(open(copyCache()));
        window.show();
        window.signIn(QStringLiteral("host=/nonexistent-coulisse dbname=far user=me"),
                      QStringLiteral("pw"));
        QVERIFY(window.syncWorker()->hasCredentials());
        QTRY_VERIFY(window.syncIndicator()->stateText().startsWith(
            QLatin1String("Sync failed, retrying at ")));
        QVERIFY(window.actions()->action(QStringLiteral("sync.signOut"))->isEnabled());
        auto *central = window.findChild<QLabel *>(QStringLiteral("statusCentral"));
        QVERIFY(central->isVisibleTo(&window));
        QCOMPARE(central->text(), QStringLiteral("Central store: far on /nonexistent-coulisse"));
        window.signOut();
        QTRY_COMPARE(window.syncIndicator()->stateText(), QStringLiteral("Not signed in"));
        QVERIFY(!central->isVisibleTo(&window));
    }

    void shouldValidateTheSignIn_data()
    {
        QTest::addColumn<bool>("url");
        QTest::addColumn<QString>("server");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("tls");
        QTest::addColumn<QString>("conninfo");
        QTest::addColumn<QString>("usedPassword");
        QTest::addColumn<QString>("error");
        QTest::newRow("fields") << false << u"db.example.com:5433/coulisse"_qs << u"ed"_qs
                                << u"pw"_qs << u"verify-full"_qs
                                << u"host=db.example.com port=5433 dbname=coulisse user=ed "
                                   "sslmode=verify-full"_qs
                                << u"pw"_qs << QString();
        QTest::newRow("fields without host")
            << false << u":5432/coulisse"_qs << u"ed"_qs << u"pw"_qs << u"prefer"_qs << QString()
            << QString() << u"Enter the host name"_qs;
        QTest::newRow("url") << true << u"postgresql://db.example.com/coulisse"_qs << u"ed"_qs
                             << u"pw"_qs << u"require"_qs
                             << u"host=db.example.com dbname=coulisse user=ed sslmode=require"_qs
                             << u"pw"_qs << QString();
        QTest::newRow("password in the url is used, not kept")
            << true << u"postgresql://ed:s3cret@db.example.com/coulisse"_qs << QString()
            << QString() << u"prefer"_qs
            << u"host=db.example.com dbname=coulisse user=ed sslmode=prefer"_qs << u"s3cret"_qs
            << QString();
        QTest::newRow("key=value with a quoted socket directory")
            << true << u"host='/tmp/a dir' dbname=c"_qs << u"o'neil"_qs << QString()
            << u"disable"_qs << u"host='/tmp/a dir' dbname=c user='o\\'neil' sslmode=disable"_qs
            << QString() << QString();
        QTest::newRow("unknown keyword")
            << true << u"hots=x dbname=c"_qs << u"ed"_qs << QString() << u"prefer"_qs << QString()
            << QString() << u"The connection string is not valid"_qs;
        QTest::newRow("no user") << true << u"postgresql://db.example.com/c"_qs << QString()
                                 << QString() << u"prefer"_qs << QString() << QString()
                                 << u"Enter your user name"_qs;
    }
    void shouldValidateTheSignIn()
    {
        QFETCH(bool, url);
        QFETCH(QString, server);
        QFETCH(QString, user);
        QFETCH(QString, password);
        QFETCH(QString, tls);
        QFETCH(QString, conninfo);
        QFETCH(QString, usedPassword);
        QFETCH(QString, error);
        CredentialStore credentials;
        SignInDialog dialog(&credentials);
        dialog.findChild<QRadioButton *>(url ? u"useUrl"_qs : u"useFields"_qs)->setChecked(true);
        if (url) {
            dialog.findChild<QLineEdit *>(QStringLiteral("url"))->setText(server);
        } else {
            const QString host = server.section(QLatin1Char(':'), 0, 0);
            dialog.findChild<QLineEdit *>(QStringLiteral("host"))->setText(host);
            dialog.findChild<QSpinBox *>(QStringLiteral("port"))
                ->setValue(
                    server.section(QLatin1Char(':'), 1).section(QLatin1Char('/'), 0, 0).toInt());
            dialog.findChild<QLineEdit *>(QStringLiteral("database"))
                ->setText(server.section(QLatin1Char('/'), 1));
        }
        dialog.findChild<QLineEdit *>(QStringLiteral("user"))->setText(user);
        dialog.findChild<QLineEdit *>(QStringLiteral("password"))->setText(password);
        auto *mode = dialog.findChild<QComboBox *>(QStringLiteral("tlsMode"));
        mode->setCurrentIndex(mode->findData(tls));
        QString message;
        const bool ok = dialog.validate(&message);
        QCOMPARE(ok, error.isEmpty());
        if (!ok) {
            QVERIFY2(message.startsWith(error), qPrintable(message));
            return;
        }
        QCOMPARE(dialog.conninfo(), conninfo);
        QCOMPARE(dialog.password(), usedPassword);
        QVERIFY(!dialog.conninfo().contains(QLatin1String("password")));
    }

    void shouldSignInFromTheDialogWithoutSavingThePassword()
    {
        MainWindow window(open(copyCache()));
        window.show();
        QTRY_COMPARE(window.syncIndicator()->stateText(), QStringLiteral("Not signed in"));
        window.actions()->action(QStringLiteral("sync.signIn"))->trigger();
        auto *dialog = window.findChild<SignInDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        // No keychain here: the dialog says the password lasts for the session.
        QVERIFY2(dialog->findChild<QLabel *>(QStringLiteral("keychainNote"))
                     ->text()
                     .contains(QLatin1String("only until Coulisse quits")),
                 qPrintable(dialog->findChild<QLabel *>(QStringLiteral("keychainNote"))->text()));
        dialog->findChild<QRadioButton *>(QStringLiteral("useFields"))->setChecked(true);
        dialog->findChild<QLineEdit *>(QStringLiteral("host"))
            ->setText(u"/nonexistent-coulisse"_qs);
        dialog->findChild<QLineEdit *>(QStringLiteral("database"))->setText(u"far"_qs);
        dialog->findChild<QLineEdit *>(QStringLiteral("user"))->setText(u"me"_qs);
        dialog->findChild<QLineEdit *>(QStringLiteral("password"))->setText(u"s3cret-pw"_qs);
        // Nowhere safe to remember it: the choice is not offered.
        QVERIFY(!dialog->findChild<QCheckBox *>(QStringLiteral("remember"))->isEnabled());
        dialog->accept();
        QVERIFY(!dialog->isVisible());
        QVERIFY(window.syncWorker()->hasCredentials());
        QVERIFY(window.syncWorker()->conninfo().contains(QLatin1String("user=me")));
        QTRY_VERIFY(window.syncIndicator()->stateText().startsWith(QLatin1String("Sync failed")));
        // The settings hold the server and the user, never the password.
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray ini = file.readAll();
        QVERIFY(ini.contains("nonexistent-coulisse"));
        QVERIFY(!ini.contains("s3cret-pw"));
        // A second window remembers the server and user; without a keychain it is signed out.
        MainWindow second(open(copyCache()));
        QTRY_COMPARE(second.syncIndicator()->stateText(), QStringLiteral("Not signed in"));
        SignInDialog *again = second.showSignIn(QStringLiteral("Sign in again."));
        QCOMPARE(again->findChild<QLineEdit *>(QStringLiteral("user"))->text(), u"me"_qs);
        QVERIFY(again->findChild<QLineEdit *>(QStringLiteral("password"))->text().isEmpty());
        QCOMPARE(again->findChild<QLabel *>(QStringLiteral("message"))->text(),
                 u"Sign in again."_qs);
        again->reject();
        QSettings().remove(QStringLiteral("sync"));
    }

    void shouldResolveRejectedChangesFromTheDialog()
    {
        const QString path = copyCache();
        auto cache = open(path);
        QString rejected;
        QString conflict;
        {
            const QSqlDatabase db = cache->database();
            const qint64 tag = firstTag(db);
            const qint64 video =
                scalar(db, QStringLiteral("SELECT min(id) FROM videos")).toLongLong();
            rejected = addOp(db, u"video_tags"_qs,
                             QStringLiteral("{\"video_id\":%1,\"add\":[%2]}").arg(video).arg(tag),
                             u"rejected"_qs, u"permission denied (42501)"_qs);
            conflict = addOp(
                db, u"tag_update"_qs, QStringLiteral("{\"tag_id\":%1,\"name\":\"我的\"}").arg(tag),
                u"conflict"_qs, {},
                QStringLiteral("{\"status\":\"conflict\",\"current\":{\"id\":%1,\"name\":"
                               "\"他们的\",\"row_version\":4}}")
                    .arg(tag));
        }
        MainWindow window(std::move(cache));
        window.show();
        RejectedChangesDialog *dialog = window.showRejectedChanges();
        QAbstractItemModelTester tester(dialog->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(dialog->model()->rowCount(), 2);
        QVERIFY(!dialog->isEmptyStateShown());
        auto *keep = dialog->findChild<QPushButton *>(QStringLiteral("keepMine"));
        auto *discard = dialog->findChild<QPushButton *>(QStringLiteral("discard"));

        // The rejected change: only retry and discard apply.
        dialog->table()->selectRow(dialog->model()->rowOf(rejected));
        QVERIFY(discard->isEnabled());
        QVERIFY(!keep->isEnabled());
        QVERIFY(!dialog->resolveSelected(CacheEditor::Resolution::KeepMine));
        QVERIFY(!dialog->errorText().isEmpty());
        QSignalSpy resolved(dialog, &RejectedChangesDialog::resolved);
        QTest::mouseClick(discard, Qt::LeftButton);
        QCOMPARE(resolved.size(), 1);
        QCOMPARE(dialog->model()->rowCount(), 1);

        // The conflict: edit my value and send it again.
        dialog->table()->selectRow(dialog->model()->rowOf(conflict));
        QVERIFY(keep->isEnabled());
        QVERIFY(dialog->resolveSelected(CacheEditor::Resolution::Edit,
                                        QJsonObject{{QStringLiteral("name"), u"改过的"_qs}}));
        QCOMPARE(dialog->model()->rowCount(), 0);
        QVERIFY(dialog->isEmptyStateShown());
        CacheDatabase check;
        QVERIFY(check.open(path, CacheDatabase::Access::ReadOnly));
        QCOMPARE(scalar(check.database(),
                        QStringLiteral("SELECT json_extract(payload, '$.name') FROM outbox "
                                       "WHERE state = 'pending' AND kind = 'tag_update'"))
                     .toString(),
                 u"改过的"_qs);
        QCOMPARE(window.syncStatus().waiting, 1);
        QCOMPARE(window.syncStatus().rejected + window.syncStatus().conflicts, 0);
        QVERIFY(window.syncIndicator()->problemsText().isEmpty());
    }

    void shouldWriteAScreenshotOfEachPage_data()
    {
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("language");
        QTest::newRow("videos en") << u"videos"_qs << u"en"_qs;
        QTest::newRow("tags zh_CN") << u"tags"_qs << u"zh_CN"_qs;
    }
    void shouldWriteAScreenshotOfEachPage()
    {
        QFETCH(QString, page);
        QFETCH(QString, language);
        const QString png = m_dir.filePath(page + QStringLiteral(".png"));
        QProcess p;
        p.start(TestSupport::binary(QStringLiteral("coulisse")),
                {QStringLiteral("--cache"), m_path, QStringLiteral("--screenshot"), png,
                 QStringLiteral("--page"), page, QStringLiteral("--lang"), language,
                 QStringLiteral("--size"), QStringLiteral("1200x800")});
        QVERIFY(p.waitForFinished(60000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1200, 800));
        // Not a blank picture: many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 20);
    }

    void shouldRefuseToScreenshotACorruptCache()
    {
        const QString bad = m_dir.filePath(QStringLiteral("bad.sqlite"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        QProcess p;
        p.start(TestSupport::binary(QStringLiteral("coulisse")),
                {QStringLiteral("--cache"), bad, QStringLiteral("--screenshot"),
                 m_dir.filePath(QStringLiteral("bad.png"))});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(QString::fromUtf8(p.readAllStandardError())
                    .contains(QLatin1String("not a Coulisse cache")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.png"))));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
