#include "cachedatabase.h"
#include "cacheeditor.h"
#include "cataloguerepository.h"
#include "centralconnection.h"
#include "centralstaff.h"
#include "outboxmodel.h"
#include "synccheck.h"
#include "syncengine.h"
#include "teststore.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <thread>

/// The sync engine against a real PostgreSQL and real SQLite files (sync.md): initial copy,
/// push, pull, write checkpoints, rejections, conflicts, scope changes, resumed copies,
/// delayed transactions and dropped connections.
class TestSyncEngine : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestStore> m_store;
    QTemporaryDir m_dir;
    QString m_supervisor;
    QString m_supervisor2;
    QString m_editor;
    QList<qint64> m_games; // by video count, most first
    int m_cacheCount = 0;

    struct Client
    {
        std::unique_ptr<CacheDatabase> cache;
        std::unique_ptr<SyncEngine> engine;
        QString user;
    };

    Client client(const QString &user, SyncEngine::Settings settings = {})
    {
        Client c;
        c.user = user;
        c.cache = std::make_unique<CacheDatabase>();
        const QString path = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_cacheCount));
        if (!c.cache->open(path))
            qWarning("%s", qPrintable(c.cache->errorString()));
        settings.conninfo = m_store->conninfo(user);
        settings.password = m_store->password();
        c.engine = std::make_unique<SyncEngine>(*c.cache, settings);
        return c;
    }

    /// Syncs until the report is ok and nothing waits (the server-wide watermark can be held
    /// back for a moment by another test's transaction in another database).
    static SyncEngine::Report syncSettled(Client &c, int attempts = 50)
    {
        // The counts add up over the runs it took; ok and error are the last run's.
        SyncEngine::Report total;
        for (int i = 0; i < attempts; ++i) {
            const SyncEngine::Report r = c.engine->run();
            total.ok = r.ok;
            total.retry = r.retry;
            total.error = r.error;
            total.pushedOps += r.pushedOps;
            total.resentOps += r.resentOps;
            total.awaitingReview += r.awaitingReview;
            total.rejected += r.rejected;
            total.conflicts += r.conflicts;
            total.confirmed += r.confirmed;
            total.copied = total.copied || r.copied;
            total.copiedRows += r.copiedRows;
            total.pulled += r.pulled;
            total.removedGames += r.removedGames;
            if (r.ok && SyncStatus::read(*c.cache).waiting == 0)
                break;
            QTest::qWait(100);
        }
        return total;
    }

    QSqlDatabase as(const QString &user)
    {
        const QString name = QStringLiteral("check-") + user;
        if (QSqlDatabase::contains(name)) {
            // Reused while alive (tests terminate the user's backends).
            QSqlDatabase db = QSqlDatabase::database(name);
            if (QSqlQuery(db).exec(QStringLiteral("SELECT 1")))
                return db;
        }
        QString error;
        const QSqlDatabase db = m_store->login(user, &error, name);
        if (!db.isOpen())
            qWarning("%s", qPrintable(error));
        return db;
    }

    QString compare(Client &c) { return SyncCheck::compare(*c.cache, as(c.user)); }

    qint64 central(const QString &sql)
    {
        return TestSupport::scalar(m_store->installer(), sql).toLongLong();
    }

    qint64 cached(Client &c, const QString &sql)
    {
        return TestSupport::scalar(c.cache->database(), sql).toLongLong();
    }

    /// A general tag that video \a video does not carry in \a c's cache.
    qint64 freeTag(Client &c, qint64 video)
    {
        return cached(c, QStringLiteral("SELECT t.id FROM tags t JOIN tag_groups g ON g.id = "
                                        "t.group_id WHERE g.kind = 'general' AND t.status = "
                                        "'active' AND t.id NOT IN (SELECT tag_id FROM video_tags "
                                        "WHERE video_id = %1) ORDER BY t.id LIMIT 1")
                             .arg(video));
    }

    qint64 videoOf(qint64 game, int nth = 0)
    {
        return central(QStringLiteral("SELECT id FROM coulisse.videos WHERE game_id = %1 ORDER "
                                      "BY id OFFSET %2 LIMIT 1")
                           .arg(game)
                           .arg(nth));
    }

    QString outboxState(Client &c, const QString &op)
    {
        return TestSupport::scalar(c.cache->database(),
                                   QStringLiteral("SELECT state FROM outbox WHERE op_id = ?"), {op})
            .toString();
    }

    /// Syncs until \a done holds (a change committed elsewhere reaches a pull only once the
    /// server-wide watermark passes it, which another test's transaction can hold back).
    static bool syncUntil(Client &c, const std::function<bool()> &done, int attempts = 100)
    {
        for (int i = 0; i < attempts; ++i) {
            if (c.engine->run().ok && done())
                return true;
            QTest::qWait(100);
        }
        return false;
    }

    /// \a reviewer approves every pending change request it may approve.
    void approveAll(const QString &reviewer)
    {
        QSqlQuery pending(m_store->installer());
        QVERIFY(pending.exec(QStringLiteral("SELECT id FROM coulisse.change_requests WHERE "
                                            "status = 'pending' AND requested_by <> '%1' ORDER "
                                            "BY requested_at")
                                 .arg(reviewer)));
        QStringList ids;
        while (pending.next())
            ids.append(pending.value(0).toString());
        QSqlQuery review(as(reviewer));
        for (const QString &id : std::as_const(ids))
            QVERIFY2(review.exec(
                         QStringLiteral("SELECT coulisse.review_change('%1', true, 'ok')").arg(id)),
                     qPrintable(review.lastError().text()));
    }

private slots:
    void initTestCase()
    {
        if (TestStore::serverDirectory().isEmpty())
            QSKIP("needs the suite's PostgreSQL (run through ctest)");
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<TestStore>(QStringLiteral("sync"));
        QCOMPARE(m_store->create(), QString());
        QCOMPARE(SyncCheck::seed(*m_store, 3000), QString());
        QSqlQuery games(m_store->installer());
        QVERIFY(games.exec(QStringLiteral("SELECT game_id FROM coulisse.videos GROUP BY game_id "
                                          "ORDER BY count(*) DESC, game_id")));
        while (games.next())
            m_games.append(games.value(0).toLongLong());
        QVERIFY(m_games.size() >= 4);
        QString error;
        m_supervisor =
            m_store->addStaff(QStringLiteral("sup"), QStringLiteral("supervisor"), &error);
        QVERIFY2(!m_supervisor.isEmpty(), qPrintable(error));
        m_supervisor2 =
            m_store->addStaff(QStringLiteral("sup2"), QStringLiteral("supervisor"), &error);
        QVERIFY2(!m_supervisor2.isEmpty(), qPrintable(error));
        m_editor = m_store->addStaff(QStringLiteral("ed"), QStringLiteral("editor"), &error);
        QVERIFY2(!m_editor.isEmpty(), qPrintable(error));
        CentralStaff staff(m_store->installer());
        QVERIFY(staff.setScope(m_editor, {m_games[0], m_games[1]}));
        // Text that COPY's text format escapes (tab, newline, backslash, "\N"), on rows of a
        // game every client copies.
        QVERIFY(
            QSqlQuery(m_store->installer())
                .exec(QStringLiteral("UPDATE coulisse.videos SET title = E'tab\\there\\nline \\\\ "
                                     "\\\\N \\r 中文' WHERE id = %1")
                          .arg(videoOf(m_games[0], 5))));
        QVERIFY(QSqlQuery(m_store->installer())
                    .exec(QStringLiteral("UPDATE coulisse.videos SET title = E'\\\\N' WHERE "
                                         "id = %1")
                              .arg(videoOf(m_games[0], 6))));
        QVERIFY(QSqlQuery(m_store->installer())
                    .exec(QStringLiteral("UPDATE coulisse.games SET aliases = jsonb_build_array("
                                         "E'q\"uote', E'back\\\\slash', E'tab\\t') WHERE "
                                         "id = %1")
                              .arg(m_games[0])));
    }

    void initialCopyEqualsCentral_data()
    {
        QTest::addColumn<QString>("who");
        QTest::addColumn<int>("copyPage");
        QTest::newRow("supervisor, large pages") << QStringLiteral("supervisor") << 50000;
        QTest::newRow("supervisor, small pages") << QStringLiteral("supervisor") << 333;
        QTest::newRow("editor (two games)") << QStringLiteral("editor") << 500;
    }

    void initialCopyEqualsCentral()
    {
        QFETCH(QString, who);
        QFETCH(int, copyPage);
        SyncEngine::Settings settings;
        settings.copyPage = copyPage;
        Client c = client(who == QLatin1String("editor") ? m_editor : m_supervisor, settings);
        const SyncEngine::Report r = syncSettled(c);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(SyncStatus::read(*c.cache).copied);
        QCOMPARE(compare(c), QString());
        QCOMPARE(SyncCheck::health(*c.cache), QString());
        QCOMPARE(TestSupport::scalar(c.cache->database(),
                                     QStringLiteral("SELECT title FROM videos WHERE id = %1")
                                         .arg(videoOf(m_games[0], 6)))
                     .toString(),
                 QStringLiteral("\\N"));
        // The indexes dropped for the copy are back, all of them.
        CacheDatabase empty;
        QVERIFY(empty.open(m_dir.filePath(QStringLiteral("empty-%1.sqlite").arg(++m_cacheCount))));
        const QString indexes =
            QStringLiteral("SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE "
                           "type = 'index' ORDER BY name)");
        QCOMPARE(TestSupport::scalar(c.cache->database(), indexes).toString(),
                 TestSupport::scalar(empty.database(), indexes).toString());
        QCOMPARE(cached(c, QStringLiteral("SELECT count(*) FROM sync_state WHERE key = "
                                          "'copy_indexes'")),
                 0);
        const qint64 games = cached(c, QStringLiteral("SELECT count(*) FROM games"));
        if (who == QLatin1String("editor"))
            QCOMPARE(games, 2);
        else
            QCOMPARE(games, central(QStringLiteral("SELECT count(*) FROM coulisse.games")));
        // The role and scope are recorded; a second sync copies nothing.
        QCOMPARE(SyncStatus::read(*c.cache).role, who);
        const SyncEngine::Report again = c.engine->run();
        QVERIFY2(again.ok, qPrintable(again.error));
        QVERIFY(!again.copied);
    }

    void copyIsUsableWhileItsIndexesAreBuilt_data()
    {
        QTest::addColumn<int>("stepsBeforeStop"); // -1: every index, then three search chunks
        QTest::newRow("before the first index") << 0;
        QTest::newRow("after five indexes") << 5;
        QTest::newRow("in the middle of the search index") << -1;
    }

    /// A copy is complete before its secondary and search indexes are built (a step per
    /// transaction): a sync stopped while they build leaves a cache that reads, edits and
    /// pulls, and the next sync finishes them with every row indexed exactly once.
    void copyIsUsableWhileItsIndexesAreBuilt()
    {
        QFETCH(int, stepsBeforeStop);
        SyncEngine::Settings settings;
        settings.indexChunk = 400;
        Client c = client(m_supervisor, settings);
        qint64 pendingIndexes = -1;
        qint64 stoppedAt = -1;
        const SyncEngine::Report first =
            c.engine->run([&](SyncEngine::Stage stage, qint64 done, qint64) {
                if (stage != SyncEngine::Stage::Indexing)
                    return;
                if (pendingIndexes < 0)
                    pendingIndexes = cached(c, QStringLiteral("SELECT json_array_length(value) "
                                                              "FROM sync_state WHERE key = "
                                                              "'copy_indexes'"));
                const qint64 stopAfter =
                    stepsBeforeStop >= 0 ? stepsBeforeStop : pendingIndexes + 3;
                if (done >= stopAfter && stoppedAt < 0) {
                    stoppedAt = done;
                    c.engine->requestStop();
                }
            });
        QVERIFY(!first.ok);
        QVERIFY(first.retry);
        QVERIFY(first.copied);
        QVERIFY(pendingIndexes > 20);
        QCOMPARE(first.indexSteps, stoppedAt);
        QVERIFY(first.readyMs <= first.elapsedMs);
        SyncStatus status = SyncStatus::read(*c.cache);
        QVERIFY(status.copied);
        QVERIFY(!status.copying);
        QVERIFY(status.indexing);
        // The stopped build gave the connection its usual settings back.
        QCOMPARE(cached(c, QStringLiteral("PRAGMA wal_autocheckpoint")),
                 qint64(CacheDatabase::WalAutoCheckpointPages));
        QCOMPARE(cached(c, QStringLiteral("PRAGMA cache_size")),
                 -qint64(CacheDatabase::PageCacheKiB));
        // Complete and right already: every row, every count; the search tables still being
        // filled are left out of the check, and those done hold every row once.
        QCOMPARE(compare(c), QString());
        QCOMPARE(SyncCheck::health(*c.cache), QString());
        QCOMPARE(c.cache->pendingSearchTables().contains(QStringLiteral("video_search")), true);
        // Edits and pulled changes meanwhile: a video's tags, a tag's name, and central titles
        // on both sides of where the search index stands.
        const qint64 video = videoOf(m_games[3]);
        const qint64 tag = freeTag(c, video);
        CacheEditor editor(*c.cache);
        QVERIFY(editor.tagVideo(video, {tag}, {}).ok);
        const QString tagName = QStringLiteral("indexing-%1").arg(stepsBeforeStop + 1);
        QVERIFY(editor.editTag(tag, {{QStringLiteral("name"), tagName}}).ok);
        const qint64 low = central(QStringLiteral("SELECT min(id) FROM coulisse.videos"));
        const qint64 high = central(QStringLiteral("SELECT max(id) FROM coulisse.videos"));
        QCOMPARE(m_store->exec(QStringLiteral("UPDATE coulisse.videos SET title = 'zyxlow%1' || "
                                              "id WHERE id = %2; UPDATE coulisse.videos SET "
                                              "title = 'zyxhigh%1' || id WHERE id = %3")
                                   .arg(stepsBeforeStop + 1)
                                   .arg(low)
                                   .arg(high)),
                 QString());
        const SyncEngine::Report second = syncSettled(c);
        QVERIFY2(second.ok, qPrintable(second.error));
        QVERIFY(!second.copied);
        status = SyncStatus::read(*c.cache);
        QVERIFY(!status.indexing);
        QVERIFY(c.cache->pendingSearchTables().isEmpty());
        QCOMPARE(cached(c, QStringLiteral("PRAGMA wal_autocheckpoint")),
                 qint64(CacheDatabase::WalAutoCheckpointPages));
        QCOMPARE(cached(c, QStringLiteral("PRAGMA cache_size")),
                 -qint64(CacheDatabase::PageCacheKiB));
        QCOMPARE(cached(c, QStringLiteral("SELECT count(*) FROM sync_state WHERE key IN "
                                          "('copy_indexes', 'search_pending')")),
                 0);
        // Every index of the schema, and the search index exact: a row's body once, as now.
        CacheDatabase empty;
        QVERIFY(empty.open(m_dir.filePath(QStringLiteral("empty-%1.sqlite").arg(++m_cacheCount))));
        const QString indexes =
            QStringLiteral("SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE "
                           "type = 'index' ORDER BY name)");
        QCOMPARE(TestSupport::scalar(c.cache->database(), indexes).toString(),
                 TestSupport::scalar(empty.database(), indexes).toString());
        QCOMPARE(compare(c), QString());
        QCOMPARE(SyncCheck::health(*c.cache), QString());
        for (const auto &[id, word] : {std::pair{low, QStringLiteral("zyxlow%1%2")},
                                       std::pair{high, QStringLiteral("zyxhigh%1%2")}})
            QCOMPARE(cached(c, QStringLiteral("SELECT group_concat(rowid) FROM video_search "
                                              "WHERE video_search MATCH '\"%1\"'")
                                   .arg(word.arg(stepsBeforeStop + 1).arg(id))),
                     id);
        QCOMPARE(cached(c, QStringLiteral("SELECT count(*) FROM tag_search WHERE tag_search "
                                          "MATCH '\"%1\"'")
                               .arg(tagName)),
                 1);
        QCOMPARE(cached(c, QStringLiteral("SELECT tag_count FROM videos WHERE id = %1").arg(video)),
                 cached(c, QStringLiteral("SELECT count(*) FROM video_tags WHERE video_id = %1")
                               .arg(video)));
    }

    /// An edit made while the copy runs (between two of its pages) writes rows the copy's
    /// tally of counts never saw: the counts are taken from the tables then.
    void editDuringTheCopy()
    {
        SyncEngine::Settings settings;
        settings.copyPage = 300;
        Client c = client(m_supervisor, settings);
        CacheEditor editor(*c.cache);
        qint64 video = 0;
        qint64 tag = 0;
        QString editError;
        const SyncEngine::Report r = c.engine->run([&](SyncEngine::Stage stage, qint64, qint64) {
            if (stage != SyncEngine::Stage::Copying || video != 0 ||
                cached(c, QStringLiteral("SELECT count(*) FROM videos")) < 100)
                return;
            video = cached(c, QStringLiteral("SELECT min(id) FROM videos"));
            tag = freeTag(c, video);
            const CacheEditor::Result edit = editor.tagVideo(video, {tag}, {});
            if (!edit.ok)
                editError = edit.error;
        });
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(video > 0);
        QCOMPARE(editError, QString());
        QCOMPARE(SyncCheck::health(*c.cache), QString());
        QCOMPARE(cached(c, QStringLiteral("SELECT count(*) FROM video_tags WHERE video_id = %1 "
                                          "AND tag_id = %2")
                               .arg(video)
                               .arg(tag)),
                 1);
        QVERIFY(syncSettled(c).ok);
        QCOMPARE(compare(c), QString());
        QCOMPARE(SyncCheck::health(*c.cache), QString());
    }

    void editsReachOtherClients()
    {
        Client a = client(m_supervisor);
        Client b = client(m_supervisor2);
        QVERIFY(syncSettled(a).ok);
        QVERIFY(syncSettled(b).ok);
        const qint64 video = videoOf(m_games[2]);
        const qint64 tag = freeTag(a, video);
        const qint64 oldTag = cached(
            a, QStringLiteral("SELECT min(tag_id) FROM video_tags WHERE video_id = %1").arg(video));
        QVERIFY(tag > 0 && oldTag > 0);
        CacheEditor editor(*a.cache);
        const CacheEditor::Result edit = editor.tagVideo(video, {tag}, {oldTag});
        QVERIFY2(edit.ok && edit.changed, qPrintable(edit.error));
        // Offline: the edit is in the cache at once, and waits.
        QCOMPARE(SyncStatus::read(*a.cache).unsent, 1);
        const SyncEngine::Report pushed = syncSettled(a);
        QVERIFY2(pushed.ok, qPrintable(pushed.error));
        QCOMPARE(outboxState(a, edit.opId), QStringLiteral("applied"));
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.video_tags WHERE "
                                        "video_id = %1 AND tag_id IN (%2, %3)")
                             .arg(video)
                             .arg(tag)
                             .arg(oldTag)),
                 1);
        const SyncEngine::Report pulled = syncSettled(b);
        QVERIFY2(pulled.ok, qPrintable(pulled.error));
        QVERIFY(pulled.pulled >= 2);
        QCOMPARE(compare(a), QString());
        QCOMPARE(compare(b), QString());
        QCOMPARE(SyncCheck::health(*b.cache), QString());
        // Derived counts followed the pulled rows.
        QCOMPARE(cached(b, QStringLiteral("SELECT tag_count FROM videos WHERE id = %1").arg(video)),
                 cached(b, QStringLiteral("SELECT count(*) FROM video_tags WHERE video_id = %1")
                               .arg(video)));
    }

    void settledOperationsLeaveTheOutboxAfterAMonth()
    {
        Client e = client(m_editor);
        QVERIFY(syncSettled(e).ok);
        CacheEditor editor(*e.cache);
        // One change request still waiting for its review, one decided, one discarded, one
        // recent: only the old decided and discarded ones go.
        const qint64 video = videoOf(m_games[0], 7);
        const CacheEditor::Result waiting = editor.tagVideo(video, {freeTag(e, video)}, {});
        QVERIFY2(waiting.ok, qPrintable(waiting.error));
        const qint64 second = videoOf(m_games[0], 8);
        const qint64 third = videoOf(m_games[0], 9);
        const CacheEditor::Result decided = editor.tagVideo(second, {freeTag(e, second)}, {});
        QVERIFY2(decided.ok, qPrintable(decided.error));
        const CacheEditor::Result recent = editor.tagVideo(third, {freeTag(e, third)}, {});
        QVERIFY2(recent.ok, qPrintable(recent.error));
        QVERIFY(syncSettled(e).ok);
        for (const QString &op : {waiting.opId, decided.opId, recent.opId})
            QCOMPARE(outboxState(e, op), QStringLiteral("applied"));
        QSqlQuery q(e.cache->database());
        const qint64 old = QDateTime::currentSecsSinceEpoch() - 31 * 86400;
        QVERIFY(
            q.exec(QStringLiteral("UPDATE outbox SET updated_at = %1, result = json_set(result, "
                                  "'$.review', json('{\"status\": \"approved\"}')) "
                                  "WHERE op_id = '%2'")
                       .arg(old)
                       .arg(decided.opId)));
        QVERIFY(q.exec(QStringLiteral("UPDATE outbox SET updated_at = %1 WHERE op_id = '%2'")
                           .arg(old)
                           .arg(waiting.opId)));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO outbox (op_id, local_tx, kind, payload, state, "
                                      "created_at, updated_at) VALUES ('old-discarded', 0, "
                                      "'video_tags', '{}', 'discarded', %1, %1)")
                           .arg(old)));
        QVERIFY(q.exec(QStringLiteral("DELETE FROM sync_state WHERE key = 'outbox_pruned_at'")));
        SyncEngine::Report r = e.engine->run();
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.prunedOps, 2);
        QCOMPARE(outboxState(e, decided.opId), QString());
        QCOMPARE(outboxState(e, waiting.opId), QStringLiteral("applied"));
        QCOMPARE(outboxState(e, recent.opId), QStringLiteral("applied"));
        // Once a day: the next sync does not look again.
        QVERIFY(q.exec(QStringLiteral("INSERT INTO outbox (op_id, local_tx, kind, payload, state, "
                                      "created_at, updated_at) VALUES ('old-discarded-2', 0, "
                                      "'video_tags', '{}', 'discarded', %1, %1)")
                           .arg(old)));
        r = e.engine->run();
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.prunedOps, 0);
        QCOMPARE(SyncCheck::health(*e.cache), QString());
    }

    void appliedEditGivesWayToALaterCentralChange()
    {
        // Central applies the pushed edit, then someone else undoes it before this client pulls:
        // the pull brings both, and the applied edit must not be replayed over the undo.
        Client a = client(m_supervisor);
        QVERIFY(syncSettled(a).ok);
        const qint64 video = videoOf(m_games[1], 2);
        const qint64 tag = freeTag(a, video);
        QVERIFY(tag > 0);
        CacheEditor editor(*a.cache);
        const CacheEditor::Result edit = editor.tagVideo(video, {tag}, {});
        QVERIFY2(edit.ok && edit.changed, qPrintable(edit.error));
        const QString undo = QStringLiteral("DELETE FROM coulisse.video_tags WHERE video_id = %1 "
                                            "AND tag_id = %2")
                                 .arg(video)
                                 .arg(tag);
        bool undone = false;
        const SyncEngine::Report r = a.engine->run([&](SyncEngine::Stage stage, qint64, qint64) {
            if (stage == SyncEngine::Stage::Pushing && !undone)
                undone = QSqlQuery(m_store->installer()).exec(undo);
        });
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(undone);
        QVERIFY2(syncSettled(a).ok, "settle");
        QCOMPARE(outboxState(a, edit.opId), QStringLiteral("applied"));
        QCOMPARE(cached(a, QStringLiteral("SELECT count(*) FROM video_tags WHERE video_id = %1 AND "
                                          "tag_id = %2")
                               .arg(video)
                               .arg(tag)),
                 0);
        QCOMPARE(compare(a), QString());
        QCOMPARE(SyncCheck::health(*a.cache), QString());
    }

    void editorChangeAwaitsReview()
    {
        Client e = client(m_editor);
        QVERIFY(syncSettled(e).ok);
        const qint64 video = videoOf(m_games[0], 3);
        const qint64 tag = freeTag(e, video);
        CacheEditor editor(*e.cache);
        const CacheEditor::Result edit = editor.tagVideo(video, {tag}, {});
        QVERIFY2(edit.ok, qPrintable(edit.error));
        const SyncEngine::Report r = syncSettled(e);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.awaitingReview, 1);
        // Central holds a change request, not the tag: the cache shows what central holds.
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.change_requests WHERE id "
                                        "= '%1' AND status = 'pending'")
                             .arg(edit.opId)),
                 1);
        QCOMPARE(outboxState(e, edit.opId), QStringLiteral("applied"));
        QVERIFY(TestSupport::scalar(e.cache->database(),
                                    QStringLiteral("SELECT result FROM outbox WHERE op_id = ?"),
                                    {edit.opId})
                    .toString()
                    .contains(QLatin1String("pending")));
        QCOMPARE(compare(e), QString());
    }

    void reviewDecisionsReachTheEditor()
    {
        Client e = client(m_editor);
        QVERIFY(syncSettled(e).ok);
        CacheEditor editor(*e.cache);
        const qint64 approved = videoOf(m_games[1], 7);
        const qint64 refused = videoOf(m_games[1], 8);
        const qint64 tagA = freeTag(e, approved);
        const qint64 tagB = freeTag(e, refused);
        const CacheEditor::Result a = editor.tagVideo(approved, {tagA}, {});
        const CacheEditor::Result b = editor.tagVideo(refused, {tagB}, {});
        QVERIFY(a.ok && b.ok);
        QVERIFY(syncSettled(e).ok);
        CatalogueRepository repository(e.cache->database());
        QCOMPARE(repository.videoChangeState(approved).kind,
                 CatalogueRepository::ChangeState::PendingApproval);
        QSqlQuery review(as(m_supervisor));
        QVERIFY2(
            review.exec(
                QStringLiteral("SELECT coulisse.review_change('%1', true, 'good')").arg(a.opId)),
            qPrintable(review.lastError().text()));
        QVERIFY2(review.exec(QStringLiteral("SELECT coulisse.review_change('%1', false, 'wrong "
                                            "game')")
                                 .arg(b.opId)),
                 qPrintable(review.lastError().text()));
        // The next syncs bring the decisions and, for the approved one, the tag itself.
        QVERIFY(syncUntil(e, [&] {
            return repository.videoChangeState(refused).kind ==
                       CatalogueRepository::ChangeState::Refused &&
                   cached(e, QStringLiteral("SELECT count(*) FROM video_tags WHERE video_id = %1 "
                                            "AND tag_id = %2")
                                 .arg(approved)
                                 .arg(tagA)) == 1;
        }));
        const CatalogueRepository::ChangeState no = repository.videoChangeState(refused);
        QCOMPARE(no.detail, QStringLiteral("wrong game"));
        QCOMPARE(no.reviewer, m_supervisor);
        const CatalogueRepository::ChangeState yes = repository.videoChangeState(approved);
        QCOMPARE(yes.kind, CatalogueRepository::ChangeState::Approved);
        QCOMPARE(yes.detail, QStringLiteral("good"));
        QCOMPARE(cached(e, QStringLiteral("SELECT count(*) FROM video_tags WHERE video_id = %1 AND "
                                          "tag_id = %2")
                               .arg(refused)
                               .arg(tagB)),
                 0);
        // Everything else central changed meanwhile arrives too (once the server's watermark,
        // which another test's open transaction can hold back, has passed it).
        syncUntil(e, [&] { return compare(e).isEmpty(); });
        QCOMPARE(compare(e), QString());
    }

    /// The review queue lives in the supervisor's cache: requests arrive with the sync,
    /// decisions are queued offline and pushed like any other operation; one decided by
    /// someone else first is refused alone; the editor sees the outcomes; the audit log holds
    /// every decision.
    void reviewFromTheCache()
    {
        Client e = client(m_editor);
        Client s = client(m_supervisor);
        Client s2 = client(m_supervisor2);
        QVERIFY(syncSettled(e).ok);
        CacheEditor editor(*e.cache);
        QList<CacheEditor::Result> edits;
        QList<qint64> videos;
        for (int i = 0; i < 4; ++i) {
            const qint64 video = videoOf(m_games[0], 20 + i);
            videos.append(video);
            edits.append(editor.tagVideo(video, {freeTag(e, video)}, {}));
            QVERIFY2(edits.last().ok, qPrintable(edits.last().error));
        }
        QVERIFY(syncSettled(e).ok);
        const auto status = [&](Client &c, const QString &id) {
            return TestSupport::scalar(c.cache->database(),
                                       QStringLiteral("SELECT status FROM change_requests "
                                                      "WHERE id = ?"),
                                       {id})
                .toString();
        };
        QVERIFY(syncUntil(s, [&] {
            for (const CacheEditor::Result &r : std::as_const(edits))
                if (status(s, r.opId) != QLatin1String("pending"))
                    return false;
            return true;
        }));
        // The editor's cache holds its own requests too.
        QCOMPARE(status(e, edits[0].opId), QStringLiteral("pending"));

        // Another supervisor decides the last one first.
        QSqlQuery first(as(m_supervisor2));
        QVERIFY2(first.exec(QStringLiteral("SELECT coulisse.review_change('%1', true, 'mine')")
                                .arg(edits[3].opId)),
                 qPrintable(first.lastError().text()));

        CacheEditor reviewer(*s.cache);
        // Refused at once: a rejection without a comment, an unknown request.
        QVERIFY(!reviewer.review({edits[2].opId}, false).ok);
        QVERIFY(
            !reviewer.review({QStringLiteral("00000000-0000-0000-0000-000000000000")}, true).ok);
        const CacheEditor::ReviewResult approved =
            reviewer.review({edits[0].opId, edits[1].opId, edits[3].opId}, true);
        QVERIFY2(approved.ok, qPrintable(approved.error));
        QCOMPARE(approved.opIds.size(), 3);
        const CacheEditor::ReviewResult rejected =
            reviewer.review({edits[2].opId}, false, QStringLiteral("not this tag"));
        QVERIFY2(rejected.ok, qPrintable(rejected.error));
        // Decided already in this cache: not queued twice.
        QVERIFY(!reviewer.review({edits[0].opId}, true).ok);

        const SyncEngine::Report r = syncSettled(s);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.rejected, 1); // the one supervisor2 decided first
        QCOMPARE(outboxState(s, approved.opIds[2]), QStringLiteral("rejected"));
        QVERIFY(TestSupport::scalar(s.cache->database(),
                                    QStringLiteral("SELECT last_error FROM outbox WHERE op_id = ?"),
                                    {approved.opIds[2]})
                    .toString()
                    .contains(QLatin1String("already approved")));
        for (int i : {0, 1})
            QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.change_requests WHERE "
                                            "id = '%1' AND status = 'approved' AND reviewed_by = "
                                            "'%2'")
                                 .arg(edits[i].opId, m_supervisor)),
                     1);
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.change_requests WHERE id = "
                                        "'%1' AND status = 'rejected' AND review_comment = 'not "
                                        "this tag'")
                             .arg(edits[2].opId)),
                 1);
        QVERIFY(syncUntil(s, [&] {
            return status(s, edits[0].opId) == QLatin1String("approved") &&
                   status(s, edits[2].opId) == QLatin1String("rejected") &&
                   status(s, edits[3].opId) == QLatin1String("approved");
        }));
        // Every decision is in the audit log, before and after.
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.audit_log WHERE tbl = "
                                        "'change_requests' AND op = 'UPDATE' AND key ->> 'id' IN "
                                        "('%1', '%2', '%3', '%4') AND before ->> 'status' = "
                                        "'pending'")
                             .arg(edits[0].opId, edits[1].opId, edits[2].opId, edits[3].opId)),
                 4);
        // The editor sees the outcomes in their cache.
        CatalogueRepository repository(e.cache->database());
        QVERIFY(syncUntil(e, [&] {
            return repository.videoChangeState(videos[2]).kind ==
                       CatalogueRepository::ChangeState::Refused &&
                   status(e, edits[0].opId) == QLatin1String("approved");
        }));
        QCOMPARE(repository.videoChangeState(videos[2]).detail, QStringLiteral("not this tag"));
        QCOMPARE(compare(e), QString());
        QCOMPARE(compare(s), QString());
        Q_UNUSED(s2);
    }

    /// Nobody approves their own change, in the cache or centrally; an editor never reviews.
    void ownRequestsCannotBeApproved()
    {
        // A supervisor's game change is a request (the policy asks for a second supervisor).
        Client s = client(m_supervisor);
        QVERIFY(syncSettled(s).ok);
        CacheEditor editor(*s.cache);
        const CacheEditor::Result edit =
            editor.editGame(m_games[2], {{QStringLiteral("developer"), QStringLiteral("Own Co")}});
        QVERIFY2(edit.ok, qPrintable(edit.error));
        QVERIFY(syncUntil(s, [&] {
            return TestSupport::scalar(s.cache->database(),
                                       QStringLiteral("SELECT count(*) FROM change_requests "
                                                      "WHERE id = ?"),
                                       {edit.opId})
                       .toInt() == 1;
        }));
        CacheEditor reviewer(*s.cache);
        const CacheEditor::ReviewResult own = reviewer.review({edit.opId}, true);
        QVERIFY(!own.ok);
        QVERIFY(own.error.contains(QLatin1String("own")));
        QSqlQuery q(as(m_supervisor));
        QVERIFY(!q.exec(
            QStringLiteral("SELECT coulisse.review_change('%1', true, 'me')").arg(edit.opId)));
        QCOMPARE(CentralConnection::sqlState(q.lastError()), QStringLiteral("42501"));
        // Editors do not review (their cache refuses, central too).
        Client e = client(m_editor);
        QVERIFY(syncSettled(e).ok);
        QVERIFY(!CacheEditor(*e.cache).review({edit.opId}, true).ok);
        QSqlQuery qe(as(m_editor));
        QVERIFY(!qe.exec(
            QStringLiteral("SELECT coulisse.review_change('%1', true, 'x')").arg(edit.opId)));
        // A rejection without a comment is refused centrally as well.
        QSqlQuery q2(as(m_supervisor2));
        QVERIFY(!q2.exec(
            QStringLiteral("SELECT coulisse.review_change('%1', false, ' ')").arg(edit.opId)));
        QVERIFY2(
            q2.exec(
                QStringLiteral("SELECT coulisse.review_change('%1', false, 'no')").arg(edit.opId)),
            qPrintable(q2.lastError().text()));
    }

    /// A batch approval of 1,000 change requests through sync, with one of them decided by a
    /// second supervisor first. The semantics under test:
    /// - Locally, CacheEditor::review() queues one outbox operation (kind "review") per
    ///   decision, each in a local transaction of its own (the 1,000 are written in one SQLite
    ///   commit, but nothing ties them together when they are sent).
    /// - The push sends them to apply_ops in batches (SyncEngine::Settings::pushBatch local
    ///   transactions per call). A decision central refuses (review_change: the request was
    ///   decided by someone else first) raises, which rolls back the whole apply_ops call it
    ///   came in; the engine then sends that batch again one local transaction per call, so
    ///   the refusal stays with its own operation. Each decision is thus applied in isolation:
    ///   the refused one does not undo the others (999 apply), it is listed under Rejected
    ///   changes with central's reason, and nothing of it is left centrally (no applied_ops
    ///   row, no audit row).
    void batchApprovalRefusesOnlyTheOneDecidedElsewhere()
    {
        QElapsedTimer timer;
        timer.start();
        const int requests = 1000;
        const int decidedFirst = 600; // in the third batch of 256: that batch is isolated
        // An editor of its own (every request of theirs is one of these) whose scope covers
        // 1,000 videos outside the games the other tests edit, none of them carrying the tag
        // nor asked about before.
        QString error;
        const QString author =
            m_store->addStaff(QStringLiteral("bulk"), QStringLiteral("editor"), &error);
        QVERIFY2(!author.isEmpty(), qPrintable(error));
        const qint64 tag = central(QStringLiteral(
            "SELECT t.id FROM coulisse.tags t JOIN coulisse.tag_groups g ON g.id = t.group_id "
            "WHERE g.kind = 'general' AND t.status = 'active' ORDER BY t.id DESC LIMIT 1"));
        QVERIFY(tag > 0);
        QStringList busyGames;
        for (qint64 game : m_games.mid(0, 6))
            busyGames.append(QString::number(game));
        QList<qint64> videos;
        {
            QSqlQuery q(m_store->installer());
            QVERIFY(q.exec(
                QStringLiteral("SELECT v.id FROM coulisse.videos v WHERE v.game_id NOT IN (%1) "
                               "AND NOT EXISTS (SELECT FROM coulisse.video_tags t WHERE "
                               "t.video_id = v.id AND t.tag_id = %2) AND NOT EXISTS (SELECT "
                               "FROM coulisse.change_requests c WHERE c.kind = 'video_tags' AND "
                               "(c.payload ->> 'video_id')::bigint = v.id) ORDER BY v.id LIMIT %3")
                    .arg(busyGames.join(QLatin1Char(',')))
                    .arg(tag)
                    .arg(requests)));
            while (q.next())
                videos.append(q.value(0).toLongLong());
        }
        QCOMPARE(videos.size(), requests);
        QStringList videoList;
        for (qint64 video : std::as_const(videos))
            videoList.append(QString::number(video));
        const QString videoArray =
            QStringLiteral("'{%1}'::bigint[]").arg(videoList.join(QLatin1Char(',')));
        QList<qint64> games;
        {
            QSqlQuery q(m_store->installer());
            QVERIFY(q.exec(QStringLiteral("SELECT DISTINCT game_id FROM coulisse.videos WHERE id "
                                          "= ANY (%1)")
                               .arg(videoArray)));
            while (q.next())
                games.append(q.value(0).toLongLong());
        }
        QVERIFY(CentralStaff(m_store->installer()).setScope(author, games));

        // The editor tags the 1,000 videos (one step, as a selection of rows on the Videos
        // page); the policy makes each video's change a request.
        Client e = client(author);
        QVERIFY(syncSettled(e).ok);
        QList<CacheEditor::TagChange> changes;
        for (qint64 video : std::as_const(videos))
            changes.append({video, {tag}, {}});
        const CacheEditor::BulkResult tagged = CacheEditor(*e.cache).tagVideos(changes);
        QVERIFY2(tagged.ok, qPrintable(tagged.error));
        QCOMPARE(tagged.changes.size(), requests);
        QStringList ids; // the requests' ids are the editor's operation ids
        for (const CacheEditor::Result &r : tagged.changes)
            ids.append(r.opId);
        const SyncEngine::Report proposed = syncSettled(e);
        QVERIFY2(proposed.ok, qPrintable(proposed.error));
        QCOMPARE(proposed.awaitingReview, requests);
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.change_requests WHERE "
                                        "requested_by = '%1' AND status = 'pending'")
                             .arg(author)),
                 qint64(requests));
        const qint64 proposedMs = timer.restart();

        // Both supervisors' caches receive the queue.
        Client s = client(m_supervisor);
        Client s2 = client(m_supervisor2);
        const QString byAuthor =
            QStringLiteral("SELECT count(*) FROM change_requests WHERE requested_by = '%1' AND "
                           "status = '%2'");
        for (Client *c : {&s, &s2})
            QVERIFY(syncUntil(*c, [&] {
                return cached(*c, byAuthor.arg(author, QStringLiteral("pending"))) == requests;
            }));

        // The first supervisor approves all of them in one step, offline: 1,000 operations,
        // each its own local transaction.
        timer.restart();
        const CacheEditor::ReviewResult approved = CacheEditor(*s.cache).review(ids, true);
        const qint64 queuedMs = timer.restart();
        QVERIFY2(approved.ok, qPrintable(approved.error));
        QCOMPARE(approved.opIds.size(), requests);
        QCOMPARE(TestSupport::scalar(s.cache->database(),
                                     QStringLiteral("SELECT count(*) || '|' || count(DISTINCT "
                                                    "local_tx) FROM outbox WHERE kind = 'review' "
                                                    "AND state = 'pending'"))
                     .toString(),
                 QStringLiteral("%1|%1").arg(requests));
        QCOMPARE(SyncStatus::read(*s.cache).unsent, requests);

        // Before it pushes, the second supervisor rejects one of them and pushes first.
        const QString comment = QStringLiteral("this tag does not fit the video");
        const CacheEditor::ReviewResult refused =
            CacheEditor(*s2.cache).review({ids[decidedFirst]}, false, comment);
        QVERIFY2(refused.ok, qPrintable(refused.error));
        const SyncEngine::Report first = syncSettled(s2);
        QVERIFY2(first.ok, qPrintable(first.error));
        QCOMPARE(first.pushedOps, 1);
        QCOMPARE(first.rejected, 0);

        // The first supervisor syncs: 999 decisions apply, the one decided first is refused
        // alone and listed as a rejected change.
        timer.restart();
        const SyncEngine::Report pushed = syncSettled(s);
        const qint64 pushedMs = timer.restart();
        QVERIFY2(pushed.ok, qPrintable(pushed.error));
        QCOMPARE(pushed.pushedOps, requests - 1);
        QCOMPARE(pushed.rejected, 1);
        const QString refusedOp = approved.opIds[decidedFirst];
        QCOMPARE(outboxState(s, refusedOp), QStringLiteral("rejected"));
        const QString reason =
            TestSupport::scalar(s.cache->database(),
                                QStringLiteral("SELECT last_error FROM outbox WHERE op_id = ?"),
                                {refusedOp})
                .toString();
        QVERIFY2(reason.contains(QLatin1String("already rejected")), qPrintable(reason));
        QCOMPARE(cached(s, QStringLiteral("SELECT count(*) FROM outbox WHERE kind = 'review' AND "
                                          "state = 'applied'")),
                 qint64(requests - 1));
        QCOMPARE(SyncStatus::read(*s.cache).rejected, 1);
        OutboxModel rejectedChanges;
        QVERIFY2(rejectedChanges.reload(s.cache->database()),
                 qPrintable(rejectedChanges.errorString()));
        QCOMPARE(rejectedChanges.rowCount(), 1);
        QCOMPARE(rejectedChanges.entry(0).opId, refusedOp);
        QCOMPARE(rejectedChanges.entry(0).state, QStringLiteral("rejected"));

        // Centrally: 999 approved by the first supervisor with their tags on the videos, the
        // other one as the second supervisor decided it, and nothing of the refused operation.
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.change_requests WHERE "
                                        "requested_by = '%1' AND status = 'approved' AND "
                                        "reviewed_by = '%2'")
                             .arg(author, m_supervisor)),
                 qint64(requests - 1));
        QCOMPARE(TestSupport::scalar(m_store->installer(),
                                     QStringLiteral("SELECT status || '|' || reviewed_by || '|' || "
                                                    "review_comment FROM coulisse.change_requests "
                                                    "WHERE id = '%1'")
                                         .arg(ids[decidedFirst]))
                     .toString(),
                 QStringLiteral("rejected|%1|%2").arg(m_supervisor2, comment));
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.video_tags WHERE tag_id = "
                                        "%1 AND video_id = ANY (%2)")
                             .arg(tag)
                             .arg(videoArray)),
                 qint64(requests - 1));
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.video_tags WHERE tag_id = "
                                        "%1 AND video_id = %2")
                             .arg(tag)
                             .arg(videos[decidedFirst])),
                 0);
        const QString client =
            TestSupport::scalar(s.cache->database(), QStringLiteral("SELECT value FROM sync_state "
                                                                    "WHERE key = 'client_id'"))
                .toString();
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.applied_ops WHERE "
                                        "client_id = '%1'")
                             .arg(client)),
                 qint64(requests - 1));
        // Every decision has its audit entry, once, by whoever made it; so has every tag the
        // approvals applied.
        QCOMPARE(TestSupport::scalar(
                     m_store->installer(),
                     QStringLiteral(
                         "SELECT count(*) || '|' || count(DISTINCT key ->> 'id') || '|' || "
                         "count(*) FILTER (WHERE actor = '%2' AND after ->> 'status' = "
                         "'approved') || '|' || count(*) FILTER (WHERE actor = '%3' AND after "
                         "->> 'status' = 'rejected') FROM coulisse.audit_log WHERE tbl = "
                         "'change_requests' AND op = 'UPDATE' AND before ->> 'status' = "
                         "'pending' AND key ->> 'id' IN (SELECT id::text FROM "
                         "coulisse.change_requests WHERE requested_by = '%1')")
                         .arg(author, m_supervisor, m_supervisor2))
                     .toString(),
                 QStringLiteral("%1|%1|%2|1").arg(requests).arg(requests - 1));
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.audit_log WHERE tbl = "
                                        "'video_tags' AND op = 'INSERT' AND actor = '%1' AND "
                                        "(key ->> 'tag_id')::bigint = %2 AND (key ->> "
                                        "'video_id')::bigint = ANY (%3)")
                             .arg(m_supervisor)
                             .arg(tag)
                             .arg(videoArray)),
                 qint64(requests - 1));

        // The supervisor's cache mirrors the outcome.
        QVERIFY(syncUntil(s, [&] {
            return cached(s, byAuthor.arg(author, QStringLiteral("approved"))) == requests - 1 &&
                   cached(s, byAuthor.arg(author, QStringLiteral("rejected"))) == 1;
        }));
        QCOMPARE(compare(s), QString());

        // The editor sees 999 approved and 1 rejected, in the requests and where they work.
        QVERIFY(syncUntil(e, [&] {
            return cached(e, byAuthor.arg(author, QStringLiteral("approved"))) == requests - 1 &&
                   cached(e, byAuthor.arg(author, QStringLiteral("rejected"))) == 1;
        }));
        const QString reviewed = QStringLiteral("SELECT count(*) FROM outbox WHERE kind = "
                                                "'video_tags' AND json_extract(result, "
                                                "'$.review.status') = '%1'");
        QVERIFY(syncUntil(e, [&] {
            return cached(e, reviewed.arg(QStringLiteral("approved"))) == requests - 1 &&
                   cached(e, reviewed.arg(QStringLiteral("rejected"))) == 1;
        }));
        QCOMPARE(cached(e, QStringLiteral("SELECT count(*) FROM video_tags WHERE tag_id = %1 AND "
                                          "video_id IN (%2)")
                               .arg(tag)
                               .arg(videoList.join(QLatin1Char(',')))),
                 qint64(requests - 1));
        CatalogueRepository repository(e.cache->database());
        const CatalogueRepository::ChangeState no =
            repository.videoChangeState(videos[decidedFirst]);
        QCOMPARE(no.kind, CatalogueRepository::ChangeState::Refused);
        QCOMPARE(no.detail, comment);
        QCOMPARE(no.reviewer, m_supervisor2);
        QCOMPARE(repository.videoChangeState(videos[0]).kind,
                 CatalogueRepository::ChangeState::Approved);
        QCOMPARE(compare(e), QString());
        qInfo("1,000 requests: proposed and pushed by the editor in %lld ms, approvals queued in "
              "%lld ms, pushed in %lld ms, outcomes synced in %lld ms",
              proposedMs, queuedMs, pushedMs, timer.elapsed());
    }

    /// The approval policy per role: an admin lets editors tag videos directly.
    void editorsTagDirectlyWhenThePolicySaysSo()
    {
        QCOMPARE(m_store->exec(QStringLiteral(
                     "SELECT coulisse.set_approval_policy('editor', 'video_tags', false)")),
                 QString());
        Client e = client(m_editor);
        QVERIFY(syncSettled(e).ok);
        const qint64 video = videoOf(m_games[1], 30);
        const qint64 tag = freeTag(e, video);
        const CacheEditor::Result edit = CacheEditor(*e.cache).tagVideo(video, {tag}, {});
        QVERIFY(edit.ok);
        const SyncEngine::Report r = syncSettled(e);
        QCOMPARE(m_store->exec(QStringLiteral(
                     "SELECT coulisse.set_approval_policy('editor', 'video_tags', true)")),
                 QString());
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.awaitingReview, 0);
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.video_tags WHERE video_id "
                                        "= %1 AND tag_id = %2")
                             .arg(video)
                             .arg(tag)),
                 1);
        // Outside the editor's games the policy does not open anything.
        const qint64 outside = videoOf(m_games[3], 0);
        QSqlQuery q(as(m_editor));
        QVERIFY(!q.exec(
            QStringLiteral("SELECT coulisse.apply_ops(gen_random_uuid(), jsonb_build_array("
                           "jsonb_build_object('op_id', gen_random_uuid(), 'kind', "
                           "'video_tags', 'payload', jsonb_build_object('video_id', %1, 'add', "
                           "jsonb_build_array(%2)))))")
                .arg(outside)
                .arg(tag)));
    }

    void refusedChangeIsRejectedAndQueueGoesOn()
    {
        Client a = client(m_supervisor);
        QVERIFY(syncSettled(a).ok);
        const qint64 video1 = videoOf(m_games[3]);
        const qint64 video2 = videoOf(m_games[3], 1);
        const qint64 doomed = freeTag(a, video1);
        qint64 fine = freeTag(a, video2);
        if (fine == doomed)
            fine = cached(a, QStringLiteral("SELECT t.id FROM tags t JOIN tag_groups g ON g.id = "
                                            "t.group_id WHERE g.kind = 'general' AND t.status = "
                                            "'active' AND t.id <> %1 AND t.id NOT IN (SELECT "
                                            "tag_id FROM video_tags WHERE video_id = %2) LIMIT 1")
                                 .arg(doomed)
                                 .arg(video2));
        CacheEditor editor(*a.cache);
        const CacheEditor::Result first = editor.tagVideo(video1, {doomed}, {});
        const CacheEditor::Result second = editor.tagVideo(video2, {fine}, {});
        QVERIFY(first.ok && second.ok);
        // Meanwhile someone retires the tag centrally.
        QCOMPARE(m_store->exec(
                     QStringLiteral("UPDATE coulisse.tags SET status = 'retired' WHERE id = %1")
                         .arg(doomed)),
                 QString());
        const SyncEngine::Report r = syncSettled(a);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.rejected, 1);
        QCOMPARE(outboxState(a, first.opId), QStringLiteral("rejected"));
        QCOMPARE(outboxState(a, second.opId), QStringLiteral("applied"));
        const QString reason =
            TestSupport::scalar(a.cache->database(),
                                QStringLiteral("SELECT last_error FROM outbox WHERE op_id = ?"),
                                {first.opId})
                .toString();
        QVERIFY2(reason.contains(QLatin1String("retired")), qPrintable(reason));
        QCOMPARE(SyncStatus::read(*a.cache).rejected, 1);
        // The refused tag is gone from the cache; everything equals central.
        QCOMPARE(compare(a), QString());
        // Discarding it keeps the record and sends nothing.
        CacheEditor::Result discard = editor.resolve(first.opId, CacheEditor::Resolution::Discard);
        QVERIFY2(discard.ok, qPrintable(discard.error));
        QCOMPARE(outboxState(a, first.opId), QStringLiteral("discarded"));
        QCOMPARE(SyncStatus::read(*a.cache).rejected, 0);
        QCOMPARE(
            m_store->exec(QStringLiteral("UPDATE coulisse.tags SET status = 'active' WHERE id = %1")
                              .arg(doomed)),
            QString());
    }

    void scalarConflict_data()
    {
        QTest::addColumn<int>("resolution");
        QTest::addColumn<QString>("expected");
        QTest::newRow("take theirs")
            << int(CacheEditor::Resolution::TakeTheirs) << QStringLiteral("theirs");
        QTest::newRow("keep mine")
            << int(CacheEditor::Resolution::KeepMine) << QStringLiteral("mine");
        QTest::newRow("edit") << int(CacheEditor::Resolution::Edit) << QStringLiteral("edited");
    }

    void scalarConflict()
    {
        QFETCH(int, resolution);
        QFETCH(QString, expected);
        Client a = client(m_supervisor);
        Client b = client(m_supervisor2);
        QVERIFY(syncSettled(a).ok);
        QVERIFY(syncSettled(b).ok);
        const qint64 tag = cached(a, QStringLiteral("SELECT id FROM tags ORDER BY id LIMIT 1"));
        const QString tagName =
            QStringLiteral("%1-%2").arg(QString::fromUtf8(QTest::currentDataTag())).arg(tag);
        CacheEditor ea(*a.cache);
        CacheEditor eb(*b.cache);
        QVERIFY(
            ea.editTag(tag, {{QStringLiteral("name"), tagName + QStringLiteral(" theirs")}}).ok);
        const CacheEditor::Result mine =
            eb.editTag(tag, {{QStringLiteral("name"), tagName + QStringLiteral(" mine")}});
        QVERIFY(mine.ok);
        QVERIFY(syncSettled(a).ok);
        const SyncEngine::Report r = b.engine->run();
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.conflicts, 1);
        QCOMPARE(outboxState(b, mine.opId), QStringLiteral("conflict"));
        // Never a silent overwrite: central and the cache show the other edit.
        const QString sql = QStringLiteral("SELECT name FROM %1tags WHERE id = %2");
        QCOMPARE(
            TestSupport::scalar(m_store->installer(), sql.arg(QStringLiteral("coulisse.")).arg(tag))
                .toString(),
            tagName + QStringLiteral(" theirs"));
        QCOMPARE(TestSupport::scalar(b.cache->database(), sql.arg(QString()).arg(tag)).toString(),
                 tagName + QStringLiteral(" theirs"));
        const CacheEditor::Result decided =
            eb.resolve(mine.opId, CacheEditor::Resolution(resolution),
                       {{QStringLiteral("name"), tagName + QStringLiteral(" edited")}});
        QVERIFY2(decided.ok, qPrintable(decided.error));
        QCOMPARE(outboxState(b, mine.opId), QStringLiteral("discarded"));
        QVERIFY(syncSettled(b).ok);
        QVERIFY(syncSettled(a).ok);
        QCOMPARE(
            TestSupport::scalar(m_store->installer(), sql.arg(QStringLiteral("coulisse.")).arg(tag))
                .toString(),
            tagName + QLatin1Char(' ') + expected);
        QCOMPARE(compare(a), QString());
        QCOMPARE(compare(b), QString());
    }

    void consecutiveOfflineEditsDoNotConflict()
    {
        // Rename, then fix the typo, offline: the second edit builds on the first.
        Client a = client(m_supervisor);
        QVERIFY(syncSettled(a).ok);
        const qint64 tag =
            cached(a, QStringLiteral("SELECT id FROM tags ORDER BY id LIMIT 1 OFFSET 3"));
        CacheEditor editor(*a.cache);
        const QString name = QStringLiteral("consecutive-%1").arg(tag);
        QVERIFY(editor.editTag(tag, {{QStringLiteral("name"), name + QStringLiteral(" tpyo")}}).ok);
        QVERIFY(editor.editTag(tag, {{QStringLiteral("name"), name}}).ok);
        QVERIFY(editor.editTag(tag, {{QStringLiteral("aliases"), QJsonArray{name}}}).ok);
        const SyncEngine::Report r = syncSettled(a);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.conflicts, 0);
        QCOMPARE(TestSupport::scalar(m_store->installer(),
                                     QStringLiteral("SELECT name || '|' || aliases::text FROM "
                                                    "coulisse.tags WHERE id = %1")
                                         .arg(tag))
                     .toString(),
                 QStringLiteral("%1|[\"%1\"]").arg(name));
        QCOMPARE(compare(a), QString());
    }

    void createAndMergeTags()
    {
        Client a = client(m_supervisor);
        QVERIFY(syncSettled(a).ok);
        CacheEditor editor(*a.cache);
        const qint64 general =
            cached(a, QStringLiteral("SELECT id FROM tag_groups WHERE kind = 'general'"));
        // A new tag has no id until central gives it one: it appears with the sync.
        const CacheEditor::Result created =
            editor.createTag(general, QStringLiteral("合并测试"), QStringLiteral("Merge Test"),
                             {QStringLiteral("mt")});
        QVERIFY2(created.ok, qPrintable(created.error));
        QVERIFY(!editor.createTag(general, QStringLiteral("合并测试")).ok); // waiting already
        QVERIFY(syncSettled(a).ok);
        const qint64 into =
            cached(a, QStringLiteral("SELECT id FROM tags WHERE name = '合并测试'"));
        QVERIFY(into > 0);
        // Merge a used general tag into it.
        const qint64 from = cached(a, QStringLiteral("SELECT t.id FROM tags t JOIN tag_groups g "
                                                     "ON g.id = t.group_id WHERE g.kind = "
                                                     "'general' AND t.usage_count > 0 AND t.id "
                                                     "<> %1 ORDER BY t.usage_count LIMIT 1")
                                          .arg(into));
        const qint64 carriers = central(
            QStringLiteral("SELECT count(*) FROM coulisse.video_tags WHERE tag_id = %1").arg(from));
        QVERIFY(carriers > 0);
        const QString fromName =
            TestSupport::scalar(a.cache->database(),
                                QStringLiteral("SELECT name FROM tags WHERE id = %1").arg(from))
                .toString();
        // A tag of a game's library cannot take the place of a general tag.
        const qint64 foreign = cached(a, QStringLiteral("SELECT t.id FROM tags t JOIN tag_groups "
                                                        "g ON g.id = t.group_id WHERE g.kind = "
                                                        "'category' LIMIT 1"));
        QVERIFY(!editor.mergeTag(from, foreign).ok);
        const CacheEditor::Result merged = editor.mergeTag(from, into);
        QVERIFY2(merged.ok, qPrintable(merged.error));
        const SyncEngine::Report r = syncSettled(a);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(outboxState(a, merged.opId), QStringLiteral("applied"));
        QCOMPARE(
            central(QStringLiteral("SELECT count(*) FROM coulisse.video_tags WHERE tag_id = %1")
                        .arg(from)),
            0);
        QVERIFY(central(QStringLiteral("SELECT count(*) FROM coulisse.video_tags WHERE tag_id = "
                                       "%1")
                            .arg(into)) >= carriers);
        QCOMPARE(TestSupport::scalar(m_store->installer(),
                                     QStringLiteral("SELECT status || '|' || (SELECT aliases @> "
                                                    "jsonb_build_array('%1') FROM coulisse.tags "
                                                    "WHERE id = %2) FROM "
                                                    "coulisse.tags WHERE id = %3")
                                         .arg(fromName)
                                         .arg(into)
                                         .arg(from))
                     .toString(),
                 QStringLiteral("retired|true"));
        QCOMPARE(compare(a), QString());
        QCOMPARE(SyncCheck::health(*a.cache), QString());
    }

    void createAGameAndTagIt()
    {
        Client a = client(m_supervisor);
        QVERIFY(syncSettled(a).ok);
        CacheEditor editor(*a.cache);
        QList<qint64> dimensionTags;
        QSqlQuery q(a.cache->database());
        QVERIFY(q.exec(QStringLiteral("SELECT t.id FROM tags t JOIN tag_groups g ON g.id = "
                                      "t.group_id WHERE g.kind = 'dimension' AND t.status = "
                                      "'active' ORDER BY t.id LIMIT 3")));
        while (q.next())
            dimensionTags.append(q.value(0).toLongLong());
        QCOMPARE(dimensionTags.size(), 3);
        const QString name = QStringLiteral("同步新游戏");
        QVERIFY(!editor.createGame({{QStringLiteral("name_en"), QStringLiteral("x")}}).ok);
        const CacheEditor::Result created =
            editor.createGame({{QStringLiteral("name"), name},
                               {QStringLiteral("name_en"), QStringLiteral("Synced Game")},
                               {QStringLiteral("developer"), QStringLiteral("Studio")},
                               {QStringLiteral("released"), 2025}},
                              {dimensionTags[0], dimensionTags[1]});
        QVERIFY2(created.ok, qPrintable(created.error));
        QVERIFY(!editor.createGame({{QStringLiteral("name"), name}}).ok); // waiting already
        QVERIFY(syncSettled(a).ok);
        // The approval policy has a second supervisor approve changes to games.
        QCOMPARE(outboxState(a, created.opId), QStringLiteral("applied"));
        approveAll(m_supervisor2);
        QVERIFY(syncUntil(a, [&] {
            return cached(
                       a,
                       QStringLiteral("SELECT count(*) FROM games WHERE name = '%1'").arg(name)) ==
                   1;
        }));
        const qint64 game =
            cached(a, QStringLiteral("SELECT id FROM games WHERE name = '%1'").arg(name));
        QVERIFY(game > 0);
        QCOMPARE(
            cached(a,
                   QStringLiteral("SELECT count(*) FROM game_tags WHERE game_id = %1").arg(game)),
            2);
        // Central gave it its dedicated library, which reached the cache.
        QVERIFY(
            cached(a,
                   QStringLiteral("SELECT count(*) FROM tag_groups WHERE game_id = %1").arg(game)) >
            0);
        const CacheEditor::Result tagged =
            editor.tagGame(game, {dimensionTags[2]}, {dimensionTags[0]});
        QVERIFY2(tagged.ok && tagged.changed, qPrintable(tagged.error));
        QVERIFY(!editor
                     .tagGame(game,
                              {cached(a, QStringLiteral("SELECT t.id FROM tags t JOIN "
                                                        "tag_groups g ON g.id = "
                                                        "t.group_id WHERE g.kind = "
                                                        "'general' LIMIT 1"))},
                              {})
                     .ok);
        QVERIFY(
            editor.editGame(game, {{QStringLiteral("introduction"), QStringLiteral("介绍")}}).ok);
        QVERIFY(syncSettled(a).ok);
        approveAll(m_supervisor2);
        QVERIFY(syncUntil(a, [&] { return compare(a).isEmpty(); }));
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.game_tags WHERE game_id = "
                                        "%1 AND tag_id IN (%2, %3)")
                             .arg(game)
                             .arg(dimensionTags[1])
                             .arg(dimensionTags[2])),
                 2);
        QCOMPARE(compare(a), QString());
        QCOMPARE(SyncCheck::health(*a.cache), QString());
    }

    void editorsMergeIsAProposal()
    {
        Client e = client(m_editor);
        QVERIFY(syncSettled(e).ok);
        CacheEditor editor(*e.cache);
        const qint64 from = cached(e, QStringLiteral("SELECT t.id FROM tags t JOIN tag_groups g ON "
                                                     "g.id = t.group_id WHERE g.kind = 'general' "
                                                     "AND t.status = 'active' ORDER BY t.id "
                                                     "LIMIT 1"));
        const qint64 into = cached(e, QStringLiteral("SELECT t.id FROM tags t JOIN tag_groups g ON "
                                                     "g.id = t.group_id WHERE g.kind = 'general' "
                                                     "AND t.status = 'active' ORDER BY t.id "
                                                     "LIMIT 1 OFFSET 1"));
        const qint64 before = central(
            QStringLiteral("SELECT count(*) FROM coulisse.video_tags WHERE tag_id = %1").arg(from));
        const CacheEditor::Result merged = editor.mergeTag(from, into);
        QVERIFY2(merged.ok, qPrintable(merged.error));
        const SyncEngine::Report r = syncSettled(e);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.awaitingReview, 1);
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.change_requests WHERE id = "
                                        "'%1' AND kind = 'tag_merge' AND status = 'pending'")
                             .arg(merged.opId)),
                 1);
        QCOMPARE(
            central(QStringLiteral("SELECT count(*) FROM coulisse.video_tags WHERE tag_id = %1")
                        .arg(from)),
            before);
        QCOMPARE(compare(e), QString());
        // A supervisor approves: the merge happens then, and reaches the editor's cache.
        QSqlQuery review(as(m_supervisor));
        QVERIFY2(
            review.exec(
                QStringLiteral("SELECT coulisse.review_change('%1', true, 'ok')").arg(merged.opId)),
            qPrintable(review.lastError().text()));
        QCOMPARE(
            central(QStringLiteral("SELECT count(*) FROM coulisse.video_tags WHERE tag_id = %1")
                        .arg(from)),
            0);
        QVERIFY(syncUntil(e, [&] {
            return cached(e, QStringLiteral("SELECT count(*) FROM video_tags WHERE tag_id = %1")
                                 .arg(from)) == 0;
        }));
        QCOMPARE(compare(e), QString());
    }

    void scopeChanges()
    {
        Client e = client(m_editor);
        QVERIFY(syncSettled(e).ok);
        QCOMPARE(cached(e, QStringLiteral("SELECT count(*) FROM games")), 2);
        CentralStaff staff(m_store->installer());
        // Losing a game removes its rows.
        QVERIFY(staff.setScope(m_editor, {m_games[0]}));
        SyncEngine::Report r = syncSettled(e);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.removedGames, 1);
        QCOMPARE(cached(e, QStringLiteral("SELECT count(*) FROM videos WHERE game_id = %1")
                               .arg(m_games[1])),
                 0);
        QCOMPARE(compare(e), QString());
        QCOMPARE(SyncCheck::health(*e.cache), QString());
        // A new game is copied.
        QVERIFY(staff.setScope(m_editor, {m_games[0], m_games[2]}));
        r = syncSettled(e);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.copied);
        QCOMPARE(cached(e, QStringLiteral("SELECT count(*) FROM videos WHERE game_id = %1")
                               .arg(m_games[2])),
                 central(QStringLiteral("SELECT count(*) FROM coulisse.videos WHERE game_id = %1")
                             .arg(m_games[2])));
        QCOMPARE(compare(e), QString());
        QVERIFY(staff.setScope(m_editor, {m_games[0], m_games[1]}));
    }

    void delayedTransactionIsNotSkipped()
    {
        Client a = client(m_supervisor);
        QVERIFY(syncSettled(a).ok);
        const qint64 early = videoOf(m_games[4 % m_games.size()]);
        const qint64 late = videoOf(m_games[4 % m_games.size()], 1);
        // A transaction that started first and commits last.
        QString error;
        const QSqlDatabase slow =
            CentralConnection::open(m_store->conninfo(), QStringLiteral("slow"), &error);
        QVERIFY2(slow.isOpen(), qPrintable(error));
        QSqlQuery q(slow);
        QVERIFY(q.exec(QStringLiteral("BEGIN")));
        QVERIFY2(q.exec(QStringLiteral("UPDATE coulisse.videos SET title = 'slow title' WHERE "
                                       "id = %1")
                            .arg(early)),
                 qPrintable(q.lastError().text()));
        QCOMPARE(m_store->exec(QStringLiteral("UPDATE coulisse.videos SET title = 'fast title' "
                                              "WHERE id = %1")
                                   .arg(late)),
                 QString());
        const SyncEngine::Report held = a.engine->run();
        QVERIFY2(held.ok, qPrintable(held.error));
        // The later commit is held back below the open transaction, not skipped past it.
        QCOMPARE(
            TestSupport::scalar(a.cache->database(),
                                QStringLiteral("SELECT title FROM videos WHERE id = %1").arg(late))
                    .toString() == QLatin1String("fast title"),
            false);
        QVERIFY(q.exec(QStringLiteral("COMMIT")));
        QVERIFY(syncSettled(a).ok);
        for (int i = 0; i < 50 && TestSupport::scalar(a.cache->database(),
                                                      QStringLiteral("SELECT title FROM videos "
                                                                     "WHERE id = %1")
                                                          .arg(early))
                                          .toString() != QLatin1String("slow title");
             ++i) {
            QTest::qWait(100);
            a.engine->run();
        }
        QCOMPARE(
            TestSupport::scalar(a.cache->database(),
                                QStringLiteral("SELECT title FROM videos WHERE id = %1").arg(early))
                .toString(),
            QStringLiteral("slow title"));
        QCOMPARE(compare(a), QString());
    }

    void resumedCopyAfterCentralChanges()
    {
        SyncEngine::Settings settings;
        settings.copyPage = 400;
        Client c = client(m_supervisor, settings);
        qint64 seen = 0;
        const SyncEngine::Report stopped =
            c.engine->run([&](SyncEngine::Stage stage, qint64 done, qint64) {
                if (stage == SyncEngine::Stage::Copying && done > 4000 && seen == 0) {
                    seen = done;
                    c.engine->requestStop();
                }
            });
        QVERIFY(!stopped.ok);
        QVERIFY(stopped.retry);
        QVERIFY(SyncStatus::read(*c.cache).copying);
        QVERIFY(!SyncStatus::read(*c.cache).copied);
        // Central changes rows already copied and rows not yet copied.
        const qint64 first = central(QStringLiteral("SELECT min(id) FROM coulisse.videos"));
        const qint64 last = central(QStringLiteral("SELECT max(id) FROM coulisse.videos"));
        QCOMPARE(m_store->exec(QStringLiteral("UPDATE coulisse.users SET nickname = 'renamed' "
                                              "WHERE id = (SELECT min(id) FROM coulisse.users)")),
                 QString());
        QCOMPARE(m_store->exec(QStringLiteral("UPDATE coulisse.videos SET title = 'changed' WHERE "
                                              "id IN (%1, %2)")
                                   .arg(first)
                                   .arg(last)),
                 QString());
        QCOMPARE(m_store->exec(QStringLiteral("DELETE FROM coulisse.video_tags WHERE video_id = "
                                              "%1")
                                   .arg(last)),
                 QString());
        const SyncEngine::Report resumed = syncSettled(c);
        QVERIFY2(resumed.ok, qPrintable(resumed.error));
        QVERIFY(resumed.copied);
        QVERIFY(resumed.copiedRows > 0);
        // Nothing committed before the stop is copied again.
        QCOMPARE(stopped.copiedRows + resumed.copiedRows,
                 central(QStringLiteral(
                     "SELECT (SELECT count(*) FROM coulisse.games) + (SELECT count(*) FROM "
                     "coulisse.tag_groups) + (SELECT count(*) FROM coulisse.tags) + (SELECT "
                     "count(*) FROM coulisse.game_tags) + (SELECT count(*) FROM coulisse.users) + "
                     "(SELECT count(*) FROM coulisse.videos) + (SELECT count(*) FROM "
                     "coulisse.video_tags) + (SELECT count(*) FROM coulisse.change_requests)")));
        QCOMPARE(compare(c), QString());
        QCOMPARE(SyncCheck::health(*c.cache), QString());
    }

    void droppedConnectionsLoseNothing()
    {
        Client a = client(m_supervisor);
        QVERIFY(syncSettled(a).ok);
        CacheEditor editor(*a.cache);
        QStringList ops;
        for (int i = 0; i < 5; ++i) {
            const qint64 video = videoOf(m_games[5 % m_games.size()], i);
            const CacheEditor::Result r = editor.tagVideo(video, {freeTag(a, video)}, {});
            QVERIFY2(r.ok, qPrintable(r.error));
            ops.append(r.opId);
        }
        // The engine's backend is terminated between two syncs: the next one fails with a
        // retryable error, the one after reconnects and sends everything.
        QCOMPARE(m_store->exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                              "pg_stat_activity WHERE usename = '%1' AND datname "
                                              "= current_database()")
                                   .arg(m_supervisor)),
                 QString());
        const SyncEngine::Report broken = a.engine->run();
        QVERIFY(!broken.ok);
        QVERIFY2(broken.retry, qPrintable(broken.error));
        QCOMPARE(SyncStatus::read(*a.cache).unsent, 5);
        // A push whose answer was lost: central applied the first two, the client did not
        // hear of it. Sending them again applies nothing twice.
        const QString client =
            TestSupport::scalar(a.cache->database(), QStringLiteral("SELECT value FROM sync_state "
                                                                    "WHERE key = 'client_id'"))
                .toString();
        QSqlQuery payloads(a.cache->database());
        QVERIFY(payloads.exec(QStringLiteral("SELECT json_group_array(json_object('op_id', op_id, "
                                             "'kind', kind, 'payload', json(payload))) FROM "
                                             "(SELECT * FROM outbox WHERE state = 'pending' ORDER "
                                             "BY local_tx LIMIT 2)")));
        QVERIFY(payloads.next());
        const QSqlDatabase sup = as(m_supervisor);
        QSqlQuery early(sup);
        early.prepare(QStringLiteral("SELECT coulisse.apply_ops(?::uuid, ?::jsonb)"));
        early.addBindValue(client);
        early.addBindValue(payloads.value(0).toString());
        QVERIFY2(early.exec(), qPrintable(early.lastError().text()));
        const SyncEngine::Report r = syncSettled(a);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.resentOps, 2);
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.applied_ops WHERE "
                                        "client_id = '%1'")
                             .arg(client)),
                 5);
        for (const QString &op : std::as_const(ops))
            QCOMPARE(outboxState(a, op), QStringLiteral("applied"));
        QCOMPARE(compare(a), QString());
    }

    void terminatedDuringSync()
    {
        // Backends are terminated over and over while a client pushes and pulls; every run
        // either completes or fails retryably, and in the end all is there exactly once.
        SyncEngine::Settings settings;
        settings.pushBatch = 1;
        settings.pullPage = 50;
        Client a = client(m_supervisor2, settings);
        QVERIFY(syncSettled(a).ok);
        CacheEditor editor(*a.cache);
        int made = 0;
        for (int i = 0; i < 60; ++i) {
            const qint64 video = videoOf(m_games[i % 4], 10 + i / 4);
            const qint64 tag = freeTag(a, video);
            if (editor.tagVideo(video, {tag}, {}).changed)
                ++made;
        }
        // Central changes to pull meanwhile.
        QCOMPARE(m_store->exec(QStringLiteral("UPDATE coulisse.videos SET plays = plays + 1 WHERE "
                                              "id IN (SELECT id FROM coulisse.videos ORDER BY id "
                                              "LIMIT 400)")),
                 QString());
        std::atomic<bool> done{false};
        const QString conninfo = m_store->conninfo();
        const QString user = m_supervisor2;
        std::thread killer([&] {
            const QString name = QStringLiteral("killer");
            QString error;
            {
                QSqlDatabase db = CentralConnection::open(conninfo, name, &error);
                QSqlQuery q(db);
                while (!done) {
                    q.exec(QStringLiteral("SELECT pg_terminate_backend(pid) FROM "
                                          "pg_stat_activity WHERE usename = '%1'")
                               .arg(user));
                    std::this_thread::sleep_for(
                        std::chrono::milliseconds(QRandomGenerator::global()->bounded(5, 80)));
                }
            }
            CentralConnection::close(name);
        });
        int failures = 0;
        for (int i = 0; i < 15; ++i) {
            const SyncEngine::Report r = a.engine->run();
            if (!r.ok) {
                ++failures;
                QVERIFY2(r.retry, qPrintable(r.error));
            }
        }
        done = true;
        killer.join();
        const SyncEngine::Report r = syncSettled(a);
        QVERIFY2(r.ok, qPrintable(r.error));
        const QString client =
            TestSupport::scalar(a.cache->database(), QStringLiteral("SELECT value FROM sync_state "
                                                                    "WHERE key = 'client_id'"))
                .toString();
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.applied_ops WHERE "
                                        "client_id = '%1'")
                             .arg(client)),
                 qint64(made));
        QCOMPARE(cached(a, QStringLiteral("SELECT count(*) FROM outbox WHERE state <> 'applied'")),
                 0);
        QCOMPARE(compare(a), QString());
        QCOMPARE(SyncCheck::health(*a.cache), QString());
        qInfo("%d of 15 syncs were cut off", failures);
    }

    void epochBumpAndPrunedLogCopyAgain_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("restore (epoch)")
            << QStringLiteral("UPDATE coulisse.sync_state SET epoch = epoch + 1");
        QTest::newRow("pruned log (horizon)")
            << QStringLiteral("UPDATE coulisse.sync_state SET log_horizon = "
                              "(pg_current_xact_id()::text::bigint + 1)::text::xid8");
    }

    void epochBumpAndPrunedLogCopyAgain()
    {
        QFETCH(QString, sql);
        Client a = client(m_supervisor);
        QVERIFY(syncSettled(a).ok);
        const qint64 video = videoOf(m_games[0], 20);
        CacheEditor editor(*a.cache);
        const CacheEditor::Result edit = editor.tagVideo(video, {freeTag(a, video)}, {});
        QVERIFY(edit.ok);
        QCOMPARE(m_store->exec(sql), QString());
        const SyncEngine::Report r = syncSettled(a);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.copied);
        QCOMPARE(outboxState(a, edit.opId), QStringLiteral("applied"));
        QCOMPARE(compare(a), QString());
        QCOMPARE(m_store->exec(QStringLiteral("UPDATE coulisse.sync_state SET log_horizon = '0'")),
                 QString());
    }

    void anotherUsersWorkIsNeverSentAsMine()
    {
        Client e = client(m_editor);
        QVERIFY(syncSettled(e).ok);
        const qint64 video = videoOf(m_games[0], 30);
        CacheEditor editor(*e.cache);
        QVERIFY(editor.tagVideo(video, {freeTag(e, video)}, {}).ok);
        SyncEngine::Settings settings;
        settings.conninfo = m_store->conninfo(m_supervisor);
        settings.password = m_store->password();
        SyncEngine other(*e.cache, settings);
        const SyncEngine::Report r = other.run();
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(m_editor), qPrintable(r.error));
        QCOMPARE(SyncStatus::read(*e.cache).unsent, 1);
        // The owner sends it; afterwards the cache may change hands (it is copied again).
        QVERIFY(syncSettled(e).ok);
        const SyncEngine::Report handedOver = other.run();
        QVERIFY2(handedOver.ok, qPrintable(handedOver.error));
        QVERIFY(handedOver.copied);
        QCOMPARE(SyncStatus::read(*e.cache).user, m_supervisor);
    }

    void wrongPasswordIsNotRetried()
    {
        CacheDatabase cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("wrong.sqlite"))));
        SyncEngine::Settings settings;
        settings.conninfo = m_store->conninfo(m_supervisor);
        settings.password = QStringLiteral("not the password");
        SyncEngine engine(cache, settings);
        const SyncEngine::Report r = engine.run();
        QVERIFY(!r.ok);
        QVERIFY(!r.retry);
        QCOMPARE(r.sqlState, QStringLiteral("28P01"));
    }

    void severalClientsConverge()
    {
        Client a = client(m_supervisor);
        Client b = client(m_supervisor2);
        Client e = client(m_editor);
        QList<Client *> clients{&a, &b, &e};
        for (Client *c : clients)
            QVERIFY(syncSettled(*c).ok);
        QList<qint64> videos;
        for (int i = 0; i < 8; ++i)
            videos.append(videoOf(m_games[0], 40 + i));
        QList<qint64> tags;
        QSqlQuery q(a.cache->database());
        QVERIFY(q.exec(QStringLiteral("SELECT t.id FROM tags t JOIN tag_groups g ON g.id = "
                                      "t.group_id WHERE g.kind = 'general' AND t.status = "
                                      "'active' ORDER BY t.id LIMIT 6")));
        while (q.next())
            tags.append(q.value(0).toLongLong());
        q.finish();
        const qint64 renamed = tags.last();
        QRandomGenerator random(42);
        int editorOps = 0;
        for (int round = 0; round < 3; ++round) {
            // Offline, every client edits the same few videos.
            for (Client *c : clients) {
                CacheEditor editor(*c->cache);
                for (int i = 0; i < 10; ++i) {
                    const qint64 video = videos[random.bounded(int(videos.size()))];
                    const qint64 tag = tags[random.bounded(int(tags.size()))];
                    const bool has =
                        cached(*c, QStringLiteral("SELECT count(*) FROM video_tags WHERE "
                                                  "video_id = %1 AND tag_id = %2")
                                       .arg(video)
                                       .arg(tag)) > 0;
                    const CacheEditor::Result r =
                        has ? editor.tagVideo(video, {}, {tag}) : editor.tagVideo(video, {tag}, {});
                    QVERIFY2(r.ok, qPrintable(r.error));
                    if (c == &e && r.changed)
                        ++editorOps;
                }
            }
            if (round == 0) {
                QVERIFY(CacheEditor(*a.cache)
                            .editTag(renamed, {{QStringLiteral("name"), QStringLiteral("A's")}})
                            .ok);
                QVERIFY(CacheEditor(*b.cache)
                            .editTag(renamed, {{QStringLiteral("name"), QStringLiteral("B's")}})
                            .ok);
            }
            // Then they sync in a random order.
            std::shuffle(clients.begin(), clients.end(), random);
            for (Client *c : clients) {
                const SyncEngine::Report r = c->engine->run();
                QVERIFY2(r.ok, qPrintable(r.error));
            }
        }
        for (int pass = 0; pass < 2; ++pass) {
            for (Client *c : clients)
                QVERIFY(syncSettled(*c).ok);
        }
        for (Client *c : clients) {
            QString difference;
            for (int i = 0; i < 50; ++i) {
                difference = compare(*c);
                if (difference.isEmpty())
                    break;
                QTest::qWait(100);
                c->engine->run();
            }
            QVERIFY2(difference.isEmpty(), qPrintable(c->user + QStringLiteral(": ") + difference));
            QCOMPARE(SyncCheck::health(*c->cache), QString());
        }
        // The second rename met the first: one conflict, recorded, not overwritten.
        const QString conflicts =
            QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'conflict'");
        QCOMPARE(cached(a, conflicts) + cached(b, conflicts), 1);
        // The editor's edits are change requests awaiting review.
        QStringList keys;
        for (qint64 video : std::as_const(videos))
            keys.append(QStringLiteral("'%1'").arg(video));
        QCOMPARE(central(QStringLiteral("SELECT count(*) FROM coulisse.change_requests WHERE "
                                        "requested_by = '%1' AND payload ->> 'video_id' IN (%2)")
                             .arg(m_editor, keys.join(QStringLiteral(", ")))),
                 qint64(editorOps));
    }

    void classification_data()
    {
        QTest::addColumn<QString>("state");
        QTest::addColumn<int>("expected");
        const int retry = int(SyncEngine::ErrorClass::Retry);
        const int reject = int(SyncEngine::ErrorClass::Reject);
        const int fail = int(SyncEngine::ErrorClass::Fail);
        QTest::newRow("no answer") << QString() << retry;
        QTest::newRow("connection failure") << QStringLiteral("08006") << retry;
        QTest::newRow("serialization") << QStringLiteral("40001") << retry;
        QTest::newRow("deadlock") << QStringLiteral("40P01") << retry;
        QTest::newRow("admin shutdown") << QStringLiteral("57P01") << retry;
        QTest::newRow("denied") << QStringLiteral("42501") << reject;
        QTest::newRow("unique") << QStringLiteral("23505") << reject;
        QTest::newRow("check") << QStringLiteral("23514") << reject;
        QTest::newRow("raise") << QStringLiteral("P0001") << reject;
        QTest::newRow("bad value") << QStringLiteral("22023") << reject;
        QTest::newRow("undefined function") << QStringLiteral("42883") << fail;
    }

    void classification()
    {
        QFETCH(QString, state);
        QFETCH(int, expected);
        QCOMPARE(int(SyncEngine::classify(state)), expected);
    }

    void cleanupTestCase() { m_store.reset(); }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
