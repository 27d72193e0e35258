#include "actionregistry.h"
#include "barchart.h"
#include "cachedatabase.h"
#include "gameeditdialog.h"
#include "gamespage.h"
#include "lazytablemodel.h"
#include "mainwindow.h"
#include "tageditdialog.h"
#include "tageditorpane.h"
#include "taggrouptreemodel.h"
#include "tagmergedialog.h"
#include "tagspage.h"
#include "tagstatisticsdialog.h"
#include "testsupport.h"
#include "translations.h"
#include "videospage.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <QUndoStack>

using TestSupport::scalar;

/// The tag editor beside the videos table, driven as an editor does: keyboard tagging with
/// completion and numbered suggestions, undo and redo, next and previous video, bulk tagging
/// of a selection, the edit's state and the "my pending changes" filter.
class TestTagEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_copies = 0;

    struct Window
    {
        std::unique_ptr<MainWindow> window;
        VideosPage *page = nullptr;
        TagEditorPane *editor = nullptr;
        QSqlDatabase db;
    };

    Window open()
    {
        Window w;
        const QString path = m_dir.filePath(QStringLiteral("copy-%1.sqlite").arg(++m_copies));
        if (!QFile::copy(m_path, path))
            return w;
        auto cache = std::make_unique<CacheDatabase>();
        if (!cache->open(path))
            return w;
        w.db = cache->database();
        w.window = std::make_unique<MainWindow>(std::move(cache));
        w.window->show();
        w.window->showPage(QStringLiteral("videos"));
        w.page = w.window->videosPage();
        w.editor = w.page ? w.page->tagEditor() : nullptr;
        return w;
    }

    static bool ready(Window &w)
    {
        return w.page && w.editor && QTest::qWaitFor([&] {
                   return w.page->isReady() && !w.page->model()->isLoading() &&
                          w.editor->videos().size() == 1;
               });
    }

    static void trigger(Window &w, const char *id)
    {
        w.window->actions()->action(QString::fromLatin1(id))->trigger();
    }

    /// An active general tag the video lacks.
    static QString freeGeneralTag(const QSqlDatabase &db, qint64 video)
    {
        return scalar(db, QStringLiteral("SELECT t.name FROM tags t JOIN tag_groups g ON g.id = "
                                         "t.group_id WHERE g.kind = 'general' AND t.status = "
                                         "'active' AND t.id NOT IN (SELECT tag_id FROM "
                                         "video_tags WHERE video_id = %1) ORDER BY t.id LIMIT 1")
                              .arg(video))
            .toString();
    }

    static qint64 outboxOps(const QSqlDatabase &db)
    {
        return scalar(db, QStringLiteral("SELECT count(*) FROM outbox")).toLongLong();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("COULISSE_NO_KEYCHAIN", "1");
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope,
                           m_dir.filePath(QStringLiteral("settings")));
        QCoreApplication::setOrganizationName(QStringLiteral("CoulisseTagEditorTest"));
        m_path = m_dir.filePath(QStringLiteral("tagging.sqlite"));
        QCOMPARE(TestSupport::writeDemoCache(m_path, 3000, 3), QString());
        Translations::install(QStringLiteral("en"));
    }

    void shouldTagWithTheKeyboardAndUndo()
    {
        Window w = open();
        QVERIFY(ready(w));
        const qint64 video = w.editor->videos().first();
        const QString tag = freeGeneralTag(w.db, video);
        QVERIFY(!tag.isEmpty());
        trigger(w, "tagging.input");
        auto *input = w.editor->findChild<QLineEdit *>(QStringLiteral("tagInput"));
        QVERIFY(input);
        QTRY_VERIFY(input->hasFocus());
        input->insert(tag); // as an input method does (keyClicks types ASCII only)
        // Enter where the keyboard is: the completer's popup when it shows matches.
        QAbstractItemView *popup = input->completer()->popup();
        QTest::keyClick(popup->isVisible() ? static_cast<QWidget *>(popup) : input, Qt::Key_Return);
        QTRY_VERIFY(w.editor->chipNames().contains(tag));
        QVERIFY(input->text().isEmpty());
        QCOMPARE(outboxOps(w.db), 1);
        QCOMPARE(w.editor->stateText(), QStringLiteral("Waiting to sync"));
        QCOMPARE(w.window->undoStack()->count(), 1);

        trigger(w, "edit.undo");
        QVERIFY(!w.editor->chipNames().contains(tag));
        QCOMPARE(outboxOps(w.db), 2); // the inverse is an operation too
        trigger(w, "edit.redo");
        QVERIFY(w.editor->chipNames().contains(tag));
        // Backspace in the empty input (or Ctrl+Backspace) takes the last tag off.
        input->setFocus();
        QTest::keyClick(input, Qt::Key_Backspace);
        QVERIFY(!w.editor->chipNames().contains(tag));
        QCOMPARE(w.window->undoStack()->count(), 2);
        // The table row followed: the tag count is the cache's.
        QCOMPARE(scalar(w.db, QStringLiteral("SELECT count(*) FROM video_tags WHERE video_id = "
                                             "%1")
                                  .arg(video))
                     .toInt(),
                 w.editor->chipNames().size());
    }

    void shouldRefuseATagThatCannotGoOnTheVideo()
    {
        Window w = open();
        QVERIFY(ready(w));
        QSignalSpy messages(w.editor, &TagEditorPane::message);
        QVERIFY(!w.editor->addTag(QStringLiteral("没有这个标签")));
        QCOMPARE(messages.size(), 1);
        QCOMPARE(outboxOps(w.db), 0);
        // A retired tag stays shown on the video, and cannot be added again.
        const qint64 video = w.editor->videos().first();
        const QString name = freeGeneralTag(w.db, video);
        QVERIFY(w.editor->addTag(name));
        const qint64 tag =
            scalar(w.db,
                   QStringLiteral("SELECT t.id FROM tags t JOIN tag_groups g ON g.id = "
                                  "t.group_id WHERE g.kind = 'general' AND t.name = ?"),
                   {name})
                .toLongLong();
        QVERIFY(QSqlQuery(w.db).exec(
            QStringLiteral("UPDATE tags SET status = 'retired' WHERE id = %1").arg(tag)));
        w.editor->reload();
        QVERIFY(w.editor->chipNames().contains(name));
        QVERIFY(w.editor->removeTag(tag));
        QVERIFY(!w.editor->chipNames().contains(name));
        QVERIFY(!w.editor->addTag(name));
    }

    void shouldAcceptSuggestionsByNumber()
    {
        Window w = open();
        QVERIFY(ready(w));
        const QStringList suggestions = w.editor->suggestionNames();
        QVERIFY(suggestions.size() >= 2);
        trigger(w, "tagging.suggestion2");
        QVERIFY(w.editor->chipNames().contains(suggestions.at(1)));
        QVERIFY(!w.editor->suggestionNames().contains(suggestions.at(1)));
        // The shortcut is in the action's tooltip (and the Tagging menu).
        QVERIFY(w.window->actions()
                    ->action(QStringLiteral("tagging.suggestion2"))
                    ->toolTip()
                    .contains(QLatin1String("Alt+2")));
    }

    void shouldMoveBetweenVideos()
    {
        Window w = open();
        QVERIFY(ready(w));
        QTableView *table = w.page->table();
        const qint64 first = w.editor->videos().first();
        trigger(w, "tagging.next");
        QCOMPARE(table->selectionModel()->currentIndex().row(), 1);
        QTRY_COMPARE(w.editor->videos(), QList<qint64>{w.page->model()->idAt(1)});
        trigger(w, "tagging.previous");
        QTRY_COMPARE(w.editor->videos(), QList<qint64>{first});
    }

    void shouldTagASelectionInOneStep()
    {
        Window w = open();
        QVERIFY(ready(w));
        QTableView *table = w.page->table();
        table->selectionModel()->select(
            QItemSelection(w.page->model()->index(0, 0), w.page->model()->index(2, 0)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QTRY_COMPARE(w.editor->videos().size(), 3);
        const QList<qint64> videos = w.editor->videos();
        // A general tag at most some of them carry.
        const QString tag =
            scalar(w.db, QStringLiteral("SELECT t.name FROM tags t JOIN tag_groups g ON g.id = "
                                        "t.group_id WHERE g.kind = 'general' AND t.status = "
                                        "'active' AND (SELECT count(*) FROM video_tags WHERE "
                                        "tag_id = t.id AND video_id IN (%1, %2, %3)) < 3 ORDER "
                                        "BY t.id LIMIT 1")
                             .arg(videos[0])
                             .arg(videos[1])
                             .arg(videos[2]))
                .toString();
        const QString carrying =
            QStringLiteral(
                "SELECT count(*) FROM video_tags vt JOIN tags t ON t.id = vt.tag_id WHERE t.name = "
                "'%1' AND vt.video_id IN (%2, %3, %4)")
                .arg(tag)
                .arg(videos[0])
                .arg(videos[1])
                .arg(videos[2]);
        const int before = scalar(w.db, carrying).toInt();
        QVERIFY(w.editor->addTag(tag));
        QCOMPARE(scalar(w.db, carrying).toInt(), 3);
        QCOMPARE(w.window->undoStack()->count(), 1);
        // One local transaction for the step.
        QCOMPARE(
            scalar(w.db, QStringLiteral("SELECT count(DISTINCT local_tx) FROM outbox")).toInt(), 1);
        trigger(w, "edit.undo");
        QCOMPARE(scalar(w.db, carrying).toInt(), before);
    }

    void shouldFilterMyPendingChanges()
    {
        Window w = open();
        QVERIFY(ready(w));
        const qint64 video = w.editor->videos().first();
        QVERIFY(w.editor->addTag(freeGeneralTag(w.db, video)));
        auto *mine = w.page->findChild<QCheckBox *>(QStringLiteral("myChangesFilter"));
        QVERIFY(mine);
        mine->setChecked(true);
        QTRY_COMPARE(w.page->model()->rowCount(), 1);
        QTRY_COMPARE(w.page->model()->idAt(0), video);
        w.page->clearFilters();
        QVERIFY(!mine->isChecked());
        QTRY_COMPARE(w.page->model()->rowCount(), 3000);
    }

    void shouldEditATagOfTheLibraryAndUndo()
    {
        Window w = open();
        QVERIFY(ready(w));
        QVERIFY(w.window->showPage(QStringLiteral("tags")));
        auto *tags = qobject_cast<TagsPage *>(w.window->currentPage());
        QVERIFY(tags);
        QTRY_VERIFY(tags->isReady());
        QTRY_VERIFY(tags->table()->selectionModel()->currentIndex().isValid());
        const qint64 id =
            tags->model()->idAt(tags->table()->selectionModel()->currentIndex().row());
        QVERIFY(id > 0);
        const QString before =
            scalar(w.db, QStringLiteral("SELECT name FROM tags WHERE id = %1").arg(id)).toString();
        const int uses =
            scalar(w.db, QStringLiteral("SELECT usage_count FROM tags WHERE id = %1").arg(id))
                .toInt();
        // Retire: the dialog says what it affects before anything changes.
        TagEditDialog *dialog = tags->editCurrentTag(true);
        QVERIFY(dialog);
        auto *impact = dialog->findChild<QLabel *>(QStringLiteral("impact"));
        QVERIFY2(impact->text().contains(QLocale().toString(uses)), qPrintable(impact->text()));
        QVERIFY(impact->text().contains(QLatin1String("no longer be added")));
        dialog->findChild<QLineEdit *>(QStringLiteral("tagName"))->setText(before + u"·新"_qs);
        dialog->findChild<QLineEdit *>(QStringLiteral("tagAliases"))
            ->setText(u"别名一，alias two"_qs);
        dialog->accept();
        QCOMPARE(scalar(w.db, QStringLiteral("SELECT name || '|' || status || '|' || aliases FROM "
                                             "tags WHERE id = %1")
                                  .arg(id))
                     .toString(),
                 before + u"·新|retired|[\"别名一\",\"alias two\"]"_qs);
        QCOMPARE(outboxOps(w.db), 1);
        QCOMPARE(w.window->undoStack()->count(), 1);
        trigger(w, "edit.undo");
        QCOMPARE(
            scalar(w.db,
                   QStringLiteral("SELECT name || '|' || status FROM tags WHERE id = %1").arg(id))
                .toString(),
            before + QStringLiteral("|active"));
        QCOMPARE(outboxOps(w.db), 2);
        // An empty name is refused in the dialog; a name another tag of the group has, by the
        // editor, with a clear message.
        dialog = tags->editCurrentTag();
        QVERIFY(dialog);
        auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("tagName"));
        name->clear();
        QVERIFY(
            !dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
        const QString sibling =
            scalar(w.db, QStringLiteral("SELECT name FROM tags WHERE group_id = (SELECT group_id "
                                        "FROM tags WHERE id = %1) AND id <> %1 LIMIT 1")
                             .arg(id))
                .toString();
        QVERIFY(!sibling.isEmpty());
        name->setText(sibling);
        QSignalSpy messages(tags, &CataloguePage::message);
        dialog->accept();
        QCOMPARE(messages.size(), 1);
        QVERIFY(messages.first().first().toString().contains(sibling));
        QCOMPARE(outboxOps(w.db), 2);
    }

    void shouldCreateAndMergeTagsFromTheLibrary()
    {
        Window w = open();
        QVERIFY(ready(w));
        QVERIFY(w.window->showPage(QStringLiteral("tags")));
        auto *tags = qobject_cast<TagsPage *>(w.window->currentPage());
        QTRY_VERIFY(tags->isReady());
        // No group picked: no new tag.
        QVERIFY(!tags->newTag());
        QAbstractItemModel *tree = tags->groupTree()->model();
        QModelIndex general;
        for (int r = 0; r < tree->rowCount() && !general.isValid(); ++r) {
            const QModelIndex i = tree->index(r, 0);
            if (i.data(TagGroupTreeModel::KindRole).toString() == QLatin1String("general"))
                general = i;
        }
        QVERIFY(general.isValid());
        tags->groupTree()->setCurrentIndex(general);
        TagEditDialog *create = tags->newTag();
        QVERIFY(create);
        auto *ok = create->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        create->findChild<QLineEdit *>(QStringLiteral("tagName"))->setText(u"全新标签"_qs);
        QVERIFY(ok->isEnabled());
        create->accept();
        QCOMPARE(scalar(w.db, QStringLiteral("SELECT json_extract(payload, '$.name') FROM outbox "
                                             "WHERE kind = 'tag_create'"))
                     .toString(),
                 u"全新标签"_qs);
        // Not sent yet: undo takes the creation back, redo queues it again.
        trigger(w, "edit.undo");
        QCOMPARE(scalar(w.db, QStringLiteral("SELECT group_concat(state) FROM outbox WHERE kind = "
                                             "'tag_create'"))
                     .toString(),
                 QStringLiteral("discarded"));
        trigger(w, "edit.redo");
        QCOMPARE(scalar(w.db, QStringLiteral("SELECT count(*) FROM outbox WHERE kind = "
                                             "'tag_create' AND state = 'pending'"))
                     .toInt(),
                 1);
        // Merge the current tag (a general one, after the group filter) into another general
        // tag; a tag of a game's library does not fit.
        QTRY_VERIFY(tags->table()->selectionModel()->currentIndex().isValid());
        const qint64 from =
            tags->model()->idAt(tags->table()->selectionModel()->currentIndex().row());
        TagMergeDialog *merge = tags->mergeCurrentTag();
        QVERIFY(merge);
        const QString foreign =
            scalar(w.db, QStringLiteral("SELECT t.name FROM tags t JOIN tag_groups g ON g.id = "
                                        "t.group_id WHERE g.kind = 'category' AND t.name NOT IN "
                                        "(SELECT name FROM tags t2 JOIN tag_groups g2 ON g2.id = "
                                        "t2.group_id WHERE g2.kind = 'general') LIMIT 1"))
                .toString();
        QVERIFY(!merge->pick(foreign));
        const QString into =
            scalar(w.db, QStringLiteral("SELECT t.name FROM tags t JOIN tag_groups g ON g.id = "
                                        "t.group_id WHERE g.kind = 'general' AND t.status = "
                                        "'active' AND t.id <> %1 LIMIT 1")
                             .arg(from))
                .toString();
        QVERIFY(merge->pick(into));
        QVERIFY(
            merge->findChild<QLabel *>(QStringLiteral("impact"))->text().contains(u"instead"_qs));
        merge->accept();
        QCOMPARE(scalar(w.db, QStringLiteral("SELECT json_extract(payload, '$.tag_id') FROM outbox "
                                             "WHERE kind = 'tag_merge'"))
                     .toLongLong(),
                 from);
    }

    void shouldShowTagStatistics()
    {
        Window w = open();
        QVERIFY(ready(w));
        trigger(w, "tagging.statistics");
        TagStatisticsDialog *dialog = w.window->findChild<TagStatisticsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isReady(), 20000);
        auto *histogram = dialog->findChild<BarChart *>(QStringLiteral("histogram"));
        double videos = 0;
        for (double v : histogram->values())
            videos += v;
        QCOMPARE(qint64(videos), qint64(3000));
        auto *pareto = dialog->findChild<BarChart *>(QStringLiteral("pareto"));
        QVERIFY(!pareto->cumulative().isEmpty());
        QVERIFY(pareto->cumulative().last() <= 100.0 + 1e-9);
        QVERIFY(
            dialog->findChild<QLabel *>(QStringLiteral("summary"))->text().contains(u"3,000"_qs));
        QVERIFY(dialog->findChild<QTableWidget *>(QStringLiteral("games"))->rowCount() > 0);
    }

    void shouldCreateAndEditGames()
    {
        Window w = open();
        QVERIFY(ready(w));
        QVERIFY(w.window->showPage(QStringLiteral("games")));
        auto *games = qobject_cast<GamesPage *>(w.window->currentPage());
        QVERIFY(games);
        QTRY_VERIFY(games->isReady());
        GameEditDialog *create = games->newGame();
        QVERIFY(create);
        auto *ok = create->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        create->findChild<QLineEdit *>(QStringLiteral("gameName"))->setText(u"测试游戏"_qs);
        auto *tree = create->findChild<QTreeWidget *>(QStringLiteral("gameTags"));
        QVERIFY(tree->topLevelItemCount() > 0);
        QTreeWidgetItem *genre = tree->topLevelItem(0)->child(0);
        genre->setCheckState(0, Qt::Checked);
        QVERIFY(ok->isEnabled());
        create->accept();
        QCOMPARE(scalar(w.db, QStringLiteral("SELECT json_extract(payload, '$.name') || '|' || "
                                             "json_extract(payload, '$.tags[0]') FROM outbox "
                                             "WHERE kind = 'game_create'"))
                     .toString(),
                 QStringLiteral("测试游戏|%1").arg(genre->data(0, Qt::UserRole).toLongLong()));

        QTRY_VERIFY(games->table()->selectionModel()->currentIndex().isValid());
        const qint64 game =
            games->model()->idAt(games->table()->selectionModel()->currentIndex().row());
        GameEditDialog *edit = games->editCurrentGame();
        QVERIFY(edit);
        edit->findChild<QLineEdit *>(QStringLiteral("gameDeveloper"))->setText(u"新工作室"_qs);
        // Uncheck the first game tag it carries.
        auto *tags = edit->findChild<QTreeWidget *>(QStringLiteral("gameTags"));
        qint64 unchecked = 0;
        for (int d = 0; d < tags->topLevelItemCount() && unchecked == 0; ++d) {
            for (int i = 0; i < tags->topLevelItem(d)->childCount() && unchecked == 0; ++i) {
                QTreeWidgetItem *item = tags->topLevelItem(d)->child(i);
                if (item->checkState(0) == Qt::Checked) {
                    item->setCheckState(0, Qt::Unchecked);
                    unchecked = item->data(0, Qt::UserRole).toLongLong();
                }
            }
        }
        QVERIFY(unchecked > 0);
        edit->accept();
        QCOMPARE(scalar(w.db, QStringLiteral("SELECT developer FROM games WHERE id = %1").arg(game))
                     .toString(),
                 u"新工作室"_qs);
        QCOMPARE(scalar(w.db, QStringLiteral("SELECT count(*) FROM game_tags WHERE game_id = %1 "
                                             "AND tag_id = %2")
                                  .arg(game)
                                  .arg(unchecked))
                     .toInt(),
                 0);
        QCOMPARE(scalar(w.db, QStringLiteral("SELECT count(*) FROM outbox WHERE kind IN "
                                             "('game_update', 'game_tags')"))
                     .toInt(),
                 2);
        // Two steps on the undo stack: the game tags, then the fields.
        trigger(w, "edit.undo");
        QCOMPARE(scalar(w.db, QStringLiteral("SELECT count(*) FROM game_tags WHERE game_id = %1 "
                                             "AND tag_id = %2")
                                  .arg(game)
                                  .arg(unchecked))
                     .toInt(),
                 1);
        trigger(w, "edit.undo");
        QVERIFY(scalar(w.db, QStringLiteral("SELECT developer FROM games WHERE id = %1").arg(game))
                    .toString() != u"新工作室"_qs);
    }

    void shouldOfferNoTaggingToAProductManager_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("tagging");
        QTest::newRow("product manager") << QStringLiteral("pm") << false;
        QTest::newRow("admin") << QStringLiteral("admin") << false;
        QTest::newRow("editor") << QStringLiteral("editor") << true;
        QTest::newRow("supervisor") << QStringLiteral("supervisor") << true;
    }

    void shouldOfferNoTaggingToAProductManager()
    {
        QFETCH(QString, role);
        QFETCH(bool, tagging);
        const QString path = m_dir.filePath(QStringLiteral("role-%1.sqlite").arg(role));
        QVERIFY(QFile::copy(m_path, path));
        {
            CacheDatabase cache;
            QVERIFY(cache.open(path));
            QVERIFY(QSqlQuery(cache.database())
                        .exec(QStringLiteral("INSERT INTO sync_state (key, value) VALUES ('role', "
                                             "'%1')")
                                  .arg(role)));
        }
        auto cache = std::make_unique<CacheDatabase>();
        QVERIFY(cache->open(path));
        MainWindow window(std::move(cache));
        window.show();
        QTRY_COMPARE(window.role(), role);
        QTRY_COMPARE(window.videosPage()->tagEditor()->isVisible(), tagging);
        QCOMPARE(window.actions()->action(QStringLiteral("tagging.input"))->isVisible(), tagging);
        QCOMPARE(window.actions()->action(QStringLiteral("tagging.suggestion1"))->isVisible(),
                 tagging);
        QVERIFY(window.actions()->action(QStringLiteral("tagging.statistics"))->isVisible());
        window.showPage(QStringLiteral("tags"));
        QCOMPARE(
            window.currentPage()->findChild<QPushButton *>(QStringLiteral("editTag"))->isVisible(),
            tagging);
        QCOMPARE(
            window.currentPage()->findChild<QPushButton *>(QStringLiteral("newTag"))->isVisible(),
            tagging);
        // An editor is offered proposals.
        if (role == QLatin1String("editor"))
            QVERIFY(window.currentPage()
                        ->findChild<QPushButton *>(QStringLiteral("editTag"))
                        ->text()
                        .startsWith(QLatin1String("Propose")));
        window.showPage(QStringLiteral("games"));
        QCOMPARE(
            window.currentPage()->findChild<QPushButton *>(QStringLiteral("newGame"))->isVisible(),
            tagging);
    }
};

QTEST_MAIN(TestTagEditor)
#include "tst_tageditor.moc"
