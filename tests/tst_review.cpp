#include "cachedatabase.h"
#include "mainwindow.h"
#include "reviewpage.h"
#include "reviewtablemodel.h"
#include "rowloader.h"
#include "testsupport.h"
#include "translations.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QFile>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using TestSupport::scalar;

/// The review queue as a supervisor works it, from the cache alone (the requests arrive with
/// the sync, tested in tst_syncengine): what the table shows, conflicts with what changed
/// since a request, own requests that cannot be decided, rejections that need a comment,
/// decisions queued as operations.
class TestReview : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_copies = 0;

    struct Window
    {
        std::unique_ptr<MainWindow> window;
        ReviewPage *page = nullptr;
        QSqlDatabase db;
    };

    /// A copy of the demo cache signed in as supervisor "sup", with requests of "ed" (and
    /// one of "sup").
    QString prepare()
    {
        const QString path = m_dir.filePath(QStringLiteral("copy-%1.sqlite").arg(++m_copies));
        if (!QFile::copy(m_path, path))
            return {};
        CacheDatabase cache;
        if (!cache.open(path))
            return {};
        const char *const sql[] = {
            "INSERT INTO sync_state (key, value) VALUES ('role', 'supervisor'), ('user', 'sup')",
            // 1: tags for a video; 2: the author is the user; 3: a retired tag to add;
            // 4: a video that is gone; 5: a tag edited since; 6: a game edit, unchanged game;
            // 7: a name taken since; 8: decided already.
            "INSERT INTO change_requests (seq, id, kind, payload, game_id, base_row_version, "
            "status, requested_by, requested_at, row_version) SELECT 1, 'r1', 'video_tags', "
            "json_object('video_id', v.id, 'add', json_array((SELECT t.id FROM tags t JOIN "
            "tag_groups g ON g.id = t.group_id WHERE g.kind = 'general' AND t.status = 'active' "
            "ORDER BY t.id LIMIT 1))), v.game_id, NULL, 'pending', 'ed', 1000, 1 FROM videos v "
            "ORDER BY v.id LIMIT 1",
            "INSERT INTO change_requests (seq, id, kind, payload, game_id, status, requested_by, "
            "requested_at, row_version) SELECT 2, 'r2', 'video_tags', json_object('video_id', "
            "v.id, 'add', json_array()), v.game_id, 'pending', 'sup', 2000, 1 FROM videos v "
            "ORDER BY v.id LIMIT 1 OFFSET 1",
            "UPDATE tags SET status = 'retired' WHERE id = (SELECT t.id FROM tags t JOIN "
            "tag_groups g ON g.id = t.group_id WHERE g.kind = 'general' ORDER BY t.id DESC "
            "LIMIT 1)",
            "INSERT INTO change_requests (seq, id, kind, payload, game_id, status, requested_by, "
            "requested_at, row_version) SELECT 3, 'r3', 'video_tags', json_object('video_id', "
            "v.id, 'add', json_array((SELECT t.id FROM tags t JOIN tag_groups g ON g.id = "
            "t.group_id WHERE g.kind = 'general' ORDER BY t.id DESC LIMIT 1))), v.game_id, "
            "'pending', 'ed', 3000, 1 FROM videos v ORDER BY v.id LIMIT 1 OFFSET 2",
            "INSERT INTO change_requests (seq, id, kind, payload, status, requested_by, "
            "requested_at, row_version) VALUES (4, 'r4', 'video_tags', '{\"video_id\": "
            "999999999, \"add\": []}', 'pending', 'ed', 4000, 1)",
            "INSERT INTO change_requests (seq, id, kind, payload, base_row_version, status, "
            "requested_by, requested_at, row_version) SELECT 5, 'r5', 'tag_update', "
            "json_object('tag_id', t.id, 'name_en', 'Renamed'), t.row_version - 1, 'pending', "
            "'ed', 5000, 1 FROM tags t ORDER BY t.id LIMIT 1",
            "INSERT INTO change_requests (seq, id, kind, payload, game_id, base_row_version, "
            "status, requested_by, requested_at, row_version) SELECT 6, 'r6', 'game_update', "
            "json_object('game_id', g.id, 'developer', 'New Studio'), g.id, g.row_version, "
            "'pending', 'ed', 6000, 1 FROM games g ORDER BY g.id LIMIT 1",
            "INSERT INTO change_requests (seq, id, kind, payload, status, requested_by, "
            "requested_at, row_version) SELECT 7, 'r7', 'game_create', json_object('name', "
            "g.name), 'pending', 'ed', 7000, 1 FROM games g ORDER BY g.id LIMIT 1",
            "INSERT INTO change_requests (seq, id, kind, payload, status, requested_by, "
            "requested_at, reviewed_by, reviewed_at, review_comment, row_version) VALUES (8, "
            "'r8', 'video_tags', '{\"video_id\": 1, \"add\": []}', 'rejected', 'ed', 8000, "
            "'sup2', 8100, 'no', 2)",
        };
        for (const char *statement : sql) {
            QSqlQuery q(cache.database());
            if (!q.exec(QString::fromUtf8(statement))) {
                qWarning("%s: %s", statement, qPrintable(q.lastError().text()));
                return {};
            }
        }
        return path;
    }

    Window open()
    {
        Window w;
        const QString path = prepare();
        auto cache = std::make_unique<CacheDatabase>();
        if (path.isEmpty() || !cache->open(path))
            return w;
        w.db = cache->database();
        w.window = std::make_unique<MainWindow>(std::move(cache));
        w.window->show();
        w.window->activateWindow();
        if (!QTest::qWaitForWindowActive(w.window.get()))
            qWarning("the window is not active: shortcuts will not reach it");
        w.window->showPage(QStringLiteral("review"));
        w.page = w.window->reviewPage();
        return w;
    }

    static bool ready(Window &w)
    {
        return w.page && QTest::qWaitFor([&] {
                   return w.page->isReady() && !w.page->model()->isLoading() &&
                          w.page->table()->model()->rowCount() > 0;
               });
    }

    static int rowOf(Window &w, const QString &id)
    {
        QAbstractItemModel *m = w.page->table()->model();
        for (int r = 0; r < m->rowCount(); ++r) {
            if (m->index(r, 0).data(ReviewTableModel::RequestIdRole).toString() == id)
                return r;
        }
        return -1;
    }

    static void select(Window &w, const QStringList &ids)
    {
        QTableView *t = w.page->table();
        t->clearSelection();
        for (const QString &id : ids)
            t->selectionModel()->select(t->model()->index(rowOf(w, id), 0),
                                        QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("COULISSE_NO_KEYCHAIN", "1");
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("CoulisseReviewTest"));
        m_path = m_dir.filePath(QStringLiteral("review.sqlite"));
        QCOMPARE(TestSupport::writeDemoCache(m_path, 500, 5), QString());
        Translations::install(QStringLiteral("en"));
    }

    void conflicts_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<QString>("conflict");
        QTest::newRow("nothing changed") << QStringLiteral("r1") << QStringLiteral("");
        QTest::newRow("tag retired since") << QStringLiteral("r3") << QStringLiteral("tag_retired");
        QTest::newRow("video deleted") << QStringLiteral("r4") << QStringLiteral("video_deleted");
        QTest::newRow("tag edited since") << QStringLiteral("r5") << QStringLiteral("tag_edited");
        QTest::newRow("game unchanged") << QStringLiteral("r6") << QStringLiteral("");
        QTest::newRow("name taken") << QStringLiteral("r7") << QStringLiteral("name_taken");
    }

    void conflicts()
    {
        QFETCH(QString, request);
        QFETCH(QString, conflict);
        const QString path = prepare();
        QVERIFY(!path.isEmpty());
        CacheDatabase cache;
        QVERIFY(cache.open(path, CacheDatabase::Access::ReadOnly));
        RowLoader loader(path);
        ReviewTableModel model(&loader);
        QAbstractItemModelTester tester(&model);
        QTRY_VERIFY(!model.isLoading() && model.rowCount() == 7);
        int row = -1;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, 0).data(ReviewTableModel::RequestIdRole).toString() == request)
                row = r;
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, 0).data(ReviewTableModel::ConflictRole).toString(), conflict);
        // The detail names the same conflict.
        CatalogueRepository repository(cache.database());
        const auto seq = model.index(row, 0).data(LazyTableModel::IdRole).toLongLong();
        const auto detail = repository.reviewRequest(seq);
        QVERIFY(detail);
        QCOMPARE(detail->conflict, conflict);
    }

    void filtersAndHistory()
    {
        const QString path = prepare();
        RowLoader loader(path);
        ReviewTableModel model(&loader);
        QAbstractItemModelTester tester(&model);
        QTRY_VERIFY(!model.isLoading() && model.rowCount() == 7);
        ReviewTableModel::Filter f;
        f.author = QStringLiteral("sup");
        model.setFilter(f);
        QTRY_VERIFY(!model.isLoading() && model.rowCount() == 1);
        f = {};
        f.kind = QStringLiteral("video_tags");
        model.setFilter(f);
        QTRY_VERIFY(!model.isLoading() && model.rowCount() == 4);
        f.decided = true;
        model.setFilter(f);
        QTRY_VERIFY(!model.isLoading() && model.rowCount() == 1);
        QCOMPARE(model.index(0, ReviewTableModel::StateColumn).data().toString(),
                 QStringLiteral("Rejected by sup2"));
        f = {};
        f.minAgeS = 1; // every request here is decades old
        model.setFilter(f);
        QTRY_VERIFY(!model.isLoading() && model.rowCount() == 7);
    }

    void ownRequestCannotBeDecided()
    {
        Window w = open();
        QVERIFY(ready(w));
        auto *approve = w.page->findChild<QPushButton *>(QStringLiteral("approve"));
        auto *reason = w.page->findChild<QLabel *>(QStringLiteral("decisionReason"));
        QVERIFY(approve && reason);
        QCOMPARE(w.page->title(), QStringLiteral("Review (6)"));
        select(w, {QStringLiteral("r2")});
        QVERIFY(!approve->isEnabled());
        QVERIFY(reason->text().contains(QLatin1String("your own")));
        // Mixed with someone else's: still refused as a whole.
        select(w, {QStringLiteral("r1"), QStringLiteral("r2")});
        QVERIFY(!approve->isEnabled());
    }

    void approveAndRejectQueueOperations()
    {
        Window w = open();
        QVERIFY(ready(w));
        auto *approve = w.page->findChild<QPushButton *>(QStringLiteral("approve"));
        auto *reject = w.page->findChild<QPushButton *>(QStringLiteral("reject"));
        auto *comment = w.page->findChild<QLineEdit *>(QStringLiteral("reviewComment"));
        QVERIFY(approve && reject && comment);
        select(w, {QStringLiteral("r1"), QStringLiteral("r6")});
        QVERIFY(approve->isEnabled());
        QCOMPARE(approve->text(), QStringLiteral("Approve 2"));
        QVERIFY(!reject->isEnabled()); // a rejection needs a comment
        w.page->table()->setFocus();
        QTest::keyClick(w.page->table(), Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(scalar(w.db, QStringLiteral("SELECT count(*) FROM outbox WHERE kind = "
                                                 "'review' AND json_extract(payload, "
                                                 "'$.approve') = 1"))
                         .toInt(),
                     2);
        QCOMPARE(
            scalar(w.db, QStringLiteral("SELECT count(DISTINCT local_tx) FROM outbox")).toInt(),
            2); // one local transaction per decision
        QTRY_COMPARE(w.page->title(), QStringLiteral("Review (4)"));
        QTRY_VERIFY(rowOf(w, QStringLiteral("r1")) >= 0 &&
                    w.page->table()
                            ->model()
                            ->index(rowOf(w, QStringLiteral("r1")), ReviewTableModel::StateColumn)
                            .data()
                            .toString() == QStringLiteral("Approval waiting to sync"));
        select(w, {QStringLiteral("r5")});
        comment->setText(QStringLiteral("keep the old name"));
        QVERIFY(reject->isEnabled());
        reject->click();
        QCOMPARE(scalar(w.db, QStringLiteral("SELECT json_extract(payload, '$.comment') FROM "
                                             "outbox WHERE kind = 'review' AND "
                                             "json_extract(payload, '$.request_id') = 'r5'"))
                     .toString(),
                 QStringLiteral("keep the old name"));
        QVERIFY(comment->text().isEmpty());
        // Already decided here: not again.
        select(w, {QStringLiteral("r1")});
        QVERIFY(!approve->isEnabled());
    }

    void editorsOnlyRead()
    {
        Window w = open();
        QSqlQuery(w.db).exec(QStringLiteral("UPDATE sync_state SET value = 'editor' WHERE key = "
                                            "'role'"));
        w.page->setRole(QStringLiteral("editor"));
        QVERIFY(ready(w));
        select(w, {QStringLiteral("r1")});
        auto *approve = w.page->findChild<QPushButton *>(QStringLiteral("approve"));
        QVERIFY(approve->isHidden());
    }
};

QTEST_MAIN(TestReview)
#include "tst_review.moc"
