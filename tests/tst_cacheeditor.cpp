#include "cachedatabase.h"
#include "cacheeditor.h"
#include "testsupport.h"

#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

/// Offline edits: the cached rows and the outbox operation change together or not at all.
class TestCacheEditor : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_video = 0;    // a video of some game
    qint64 m_general = 0;  // an active general tag the video lacks
    qint64 m_general2 = 0; // another one
    qint64 m_own = 0;      // a tag of the video's game library it lacks
    qint64 m_foreign = 0;  // a tag of another game's library
    qint64 m_present = 0;  // a tag the video carries

    qint64 number(CacheDatabase &cache, const QString &sql)
    {
        return TestSupport::scalar(cache.database(), sql).toLongLong();
    }

    /// Everything an edit may touch, to compare before and after.
    QByteArray state(CacheDatabase &cache)
    {
        QByteArray s;
        QSqlQuery q(cache.database());
        for (const char *sql :
             {"SELECT group_concat(video_id || ':' || tag_id) FROM (SELECT * FROM video_tags "
              "WHERE video_id = %1 ORDER BY tag_id)",
              "SELECT group_concat(op_id || payload || state) FROM outbox",
              "SELECT tag_count FROM videos WHERE id = %1",
              "SELECT coalesce((SELECT value FROM sync_state WHERE key = 'local_tx'), '')"}) {
            q.exec(QString::fromLatin1(sql).arg(m_video));
            q.next();
            s += q.value(0).toByteArray() + '|';
        }
        return s;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("edit.sqlite"));
        QCOMPARE(TestSupport::writeDemoCache(m_path, 2000), QString());
        CacheDatabase cache;
        QVERIFY(cache.open(m_path));
        m_video = number(cache, QStringLiteral("SELECT min(id) FROM videos WHERE tag_count > 0"));
        const QString game = QString::number(
            number(cache, QStringLiteral("SELECT game_id FROM videos WHERE id = %1").arg(m_video)));
        const QString lacks =
            QStringLiteral(" AND t.id NOT IN (SELECT tag_id FROM video_tags WHERE "
                           "video_id = %1)")
                .arg(m_video);
        m_general =
            number(cache, QStringLiteral("SELECT min(t.id) FROM tags t JOIN tag_groups g ON "
                                         "g.id = t.group_id WHERE g.kind = 'general'") +
                              lacks);
        m_general2 = number(cache, QStringLiteral("SELECT max(t.id) FROM tags t JOIN tag_groups g "
                                                  "ON g.id = t.group_id WHERE g.kind = 'general'") +
                                       lacks);
        m_own = number(cache, QStringLiteral("SELECT min(t.id) FROM tags t JOIN tag_groups g ON "
                                             "g.id = t.group_id WHERE g.kind = 'category' AND "
                                             "g.game_id = %1")
                                      .arg(game) +
                                  lacks);
        m_foreign =
            number(cache, QStringLiteral("SELECT min(t.id) FROM tags t JOIN tag_groups g ON "
                                         "g.id = t.group_id WHERE g.kind = 'category' AND "
                                         "g.game_id <> %1")
                              .arg(game));
        m_present = number(cache, QStringLiteral("SELECT min(tag_id) FROM video_tags WHERE "
                                                 "video_id = %1")
                                      .arg(m_video));
        QVERIFY(m_general > 0 && m_general2 > 0 && m_general2 != m_general && m_own > 0 &&
                m_foreign > 0 && m_present > 0);
    }

    void shouldRecordAnEditAndItsOperationTogether()
    {
        CacheDatabase cache;
        QVERIFY(cache.open(m_path));
        CacheEditor editor(cache);
        const qint64 count = number(
            cache, QStringLiteral("SELECT tag_count FROM videos WHERE id = %1").arg(m_video));
        const CacheEditor::Result r = editor.tagVideo(m_video, {m_general, m_own}, {m_present});
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.changed);
        QCOMPARE(r.added, (QList<qint64>{m_general, m_own}));
        QCOMPARE(r.removed, QList<qint64>{m_present});
        QCOMPARE(number(cache,
                        QStringLiteral("SELECT tag_count FROM videos WHERE id = %1").arg(m_video)),
                 count + 1);
        QSqlQuery q(cache.database());
        QVERIFY(q.exec(QStringLiteral("SELECT op_id, kind, payload, state, local_tx FROM outbox "
                                      "WHERE op_id = '%1'")
                           .arg(r.opId)) &&
                q.next());
        QCOMPARE(q.value(1).toString(), QStringLiteral("video_tags"));
        QCOMPARE(q.value(2).toString(),
                 QStringLiteral("{\"add\":[%1,%2],\"remove\":[%3],\"video_id\":%4}")
                     .arg(m_general)
                     .arg(m_own)
                     .arg(m_present)
                     .arg(m_video));
        QCOMPARE(q.value(3).toString(), QStringLiteral("pending"));
        QVERIFY(cache.integrityProblems().isEmpty());
    }

    void shouldTagManyVideosInOneStep()
    {
        const QString path = m_dir.filePath(QStringLiteral("bulk.sqlite"));
        QVERIFY(QFile::copy(m_path, path));
        CacheDatabase cache;
        QVERIFY(cache.open(path));
        CacheEditor editor(cache);
        // Three videos: two lack the general tag, one has it already (left out).
        QList<qint64> videos;
        QSqlQuery q(cache.database());
        QVERIFY(q.exec(QStringLiteral("SELECT id FROM videos WHERE id NOT IN (SELECT video_id "
                                      "FROM video_tags WHERE tag_id = %1) ORDER BY id LIMIT 2")
                           .arg(m_general2)));
        while (q.next())
            videos.append(q.value(0).toLongLong());
        QVERIFY(q.exec(QStringLiteral("SELECT min(video_id) FROM video_tags WHERE tag_id = %1")
                           .arg(m_general2)) &&
                q.next());
        videos.append(q.value(0).toLongLong());
        QCOMPARE(videos.size(), 3);
        QList<CacheEditor::TagChange> changes;
        for (qint64 v : std::as_const(videos))
            changes.append({v, {m_general2}, {}});
        const CacheEditor::BulkResult r = editor.tagVideos(changes);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.changes.size(), 2);
        QCOMPARE(r.changes.at(0).videoId, videos.at(0));
        QCOMPARE(r.changes.at(1).added, QList<qint64>{m_general2});
        // One local transaction: central applies them together.
        QCOMPARE(TestSupport::scalar(cache.database(),
                                     QStringLiteral("SELECT count(DISTINCT local_tx) || '/' || "
                                                    "count(*) FROM outbox WHERE op_id IN (?, ?)"),
                                     {r.changes.at(0).opId, r.changes.at(1).opId})
                     .toString(),
                 QStringLiteral("1/2"));
        // All or nothing: a tag of another game's library refuses the whole step.
        const QByteArray before = TestSupport::catalogueDigest(cache.database());
        const qint64 ops = number(cache, QStringLiteral("SELECT count(*) FROM outbox"));
        const CacheEditor::BulkResult refused =
            editor.tagVideos({{videos.at(0), {m_general}, {}}, {m_video, {m_foreign}, {}}});
        QVERIFY(!refused.ok);
        QVERIFY(refused.error.contains(QString::number(m_foreign)));
        QVERIFY(refused.changes.isEmpty());
        QCOMPARE(TestSupport::catalogueDigest(cache.database()), before);
        QCOMPARE(number(cache, QStringLiteral("SELECT count(*) FROM outbox")), ops);
    }

    void shouldWithdrawOnlyWhatHasNotLeft()
    {
        const QString path = m_dir.filePath(QStringLiteral("withdraw.sqlite"));
        QVERIFY(QFile::copy(m_path, path));
        CacheDatabase cache;
        QVERIFY(cache.open(path));
        CacheEditor editor(cache);
        const qint64 general =
            number(cache, QStringLiteral("SELECT id FROM tag_groups WHERE kind = 'general'"));
        const CacheEditor::Result created = editor.createTag(general, QStringLiteral("撤回"));
        QVERIFY2(created.ok, qPrintable(created.error));
        QVERIFY(editor.withdraw(created.opId).ok);
        QCOMPARE(TestSupport::scalar(cache.database(),
                                     QStringLiteral("SELECT state FROM outbox WHERE op_id = ?"),
                                     {created.opId})
                     .toString(),
                 QStringLiteral("discarded"));
        QVERIFY(!editor.withdraw(created.opId).ok); // once
        // An edit that changed the cache is undone by the inverse edit, not withdrawn.
        const CacheEditor::Result tagged = editor.tagVideo(m_video, {m_general2}, {});
        QVERIFY(tagged.ok && tagged.changed);
        const CacheEditor::Result refused = editor.withdraw(tagged.opId);
        QVERIFY(!refused.ok);
        QVERIFY(!refused.error.isEmpty());
        // Sent already: no longer.
        QVERIFY(QSqlQuery(cache.database())
                    .exec(QStringLiteral("UPDATE outbox SET state = 'sent' WHERE op_id = '%1'")
                              .arg(editor.createTag(general, QStringLiteral("撤回2")).opId)));
        QCOMPARE(number(cache, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'sent'")),
                 1);
        const QString sent =
            TestSupport::scalar(cache.database(), QStringLiteral("SELECT op_id FROM outbox WHERE "
                                                                 "state = 'sent'"))
                .toString();
        QVERIFY(editor.withdraw(sent).error.contains(QLatin1String("sent")));
    }

    void shouldRefuseAndChangeNothing_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("message");
        QTest::newRow("another game's tag") << "foreign"
                                            << "library";
        QTest::newRow("a retired tag") << "retired"
                                       << "retired";
        QTest::newRow("a missing video") << "video"
                                         << "no video";
        QTest::newRow("a missing tag") << "missing"
                                       << "library";
    }

    void shouldRefuseAndChangeNothing()
    {
        QFETCH(QString, what);
        QFETCH(QString, message);
        CacheDatabase cache;
        QVERIFY(cache.open(m_path));
        if (what == QLatin1String("retired"))
            QVERIFY(QSqlQuery(cache.database())
                        .exec(QStringLiteral("UPDATE tags SET status = 'retired' WHERE id = %1")
                                  .arg(m_general2)));
        const QByteArray before = state(cache);
        CacheEditor editor(cache);
        // The refused tag comes after an acceptable one: the acceptable one must not stay.
        const qint64 video = what == QLatin1String("video") ? 999999999 : m_video;
        const qint64 tag = what == QLatin1String("foreign")   ? m_foreign
                           : what == QLatin1String("retired") ? m_general2
                           : what == QLatin1String("missing") ? 987654321
                                                              : m_general2;
        const CacheEditor::Result r = editor.tagVideo(video, {m_present, tag}, {});
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(message), qPrintable(r.error));
        QCOMPARE(state(cache), before);
        if (what == QLatin1String("retired"))
            QVERIFY(QSqlQuery(cache.database())
                        .exec(QStringLiteral("UPDATE tags SET status = 'active' WHERE id = %1")
                                  .arg(m_general2)));
    }

    void shouldQueueNothingWhenNothingChanges()
    {
        CacheDatabase cache;
        QVERIFY(cache.open(m_path));
        const QByteArray before = state(cache);
        CacheEditor editor(cache);
        const qint64 carried = number(cache, QStringLiteral("SELECT min(tag_id) FROM video_tags "
                                                            "WHERE video_id = %1")
                                                 .arg(m_video));
        const CacheEditor::Result r = editor.tagVideo(m_video, {carried}, {m_foreign});
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(!r.changed);
        QCOMPARE(state(cache), before);
    }

    void shouldNumberLocalTransactionsUpwards()
    {
        CacheDatabase cache;
        QVERIFY(cache.open(m_path));
        CacheEditor editor(cache);
        QVERIFY(editor.tagVideo(m_video, {m_general2}, {}).changed);
        const qint64 first = number(cache, QStringLiteral("SELECT max(local_tx) FROM outbox"));
        // Sent operations leave the outbox; numbers are never reused.
        QVERIFY(QSqlQuery(cache.database()).exec(QStringLiteral("DELETE FROM outbox")));
        QVERIFY(editor.tagVideo(m_video, {}, {m_general2}).changed);
        QCOMPARE(number(cache, QStringLiteral("SELECT max(local_tx) FROM outbox")), first + 1);
    }

    void shouldMakeTimeOrderedOperationIds()
    {
        static const QRegularExpression v7(QStringLiteral(
            "^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
        QString previous;
        for (int i = 0; i < 50; ++i) {
            const QString id = CacheEditor::newOperationId();
            QVERIFY2(v7.match(id).hasMatch(), qPrintable(id));
            QVERIFY(id.left(13) >= previous.left(13));
            previous = id;
            if (i % 10 == 0)
                QTest::qWait(2);
        }
    }

    void shouldResolveTagsByIdOrName_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("found");
        QTest::newRow("id") << "own-id" << true;
        QTest::newRow("chinese name") << "own-name" << true;
        QTest::newRow("english name, other case") << "own-english" << true;
        QTest::newRow("another game's tag") << "foreign-id" << false;
        QTest::newRow("nothing") << "no such tag" << false;
    }

    void shouldResolveTagsByIdOrName()
    {
        QFETCH(QString, key);
        QFETCH(bool, found);
        CacheDatabase cache;
        QVERIFY(cache.open(m_path));
        QSqlQuery q(cache.database());
        QVERIFY(
            q.exec(
                QStringLiteral("SELECT name, upper(name_en) FROM tags WHERE id = %1").arg(m_own)) &&
            q.next());
        const QString value = key == QLatin1String("own-id")        ? QString::number(m_own)
                              : key == QLatin1String("own-name")    ? q.value(0).toString()
                              : key == QLatin1String("own-english") ? q.value(1).toString()
                              : key == QLatin1String("foreign-id")  ? QString::number(m_foreign)
                                                                    : key;
        CacheEditor editor(cache);
        QString error;
        const qint64 id = editor.resolveTag(m_video, value, &error);
        QCOMPARE(id > 0, found);
        if (found)
            QCOMPARE(id, m_own);
        else
            QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCacheEditor)
#include "tst_cacheeditor.moc"
