#include "cachedatabase.h"
#include "centralrows.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>
#include <unistd.h>

using TestSupport::scalar;

/// The local cache file: creation, migrations, refusal of unusable files, derived data.
class TestCacheDatabase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    /// A small valid cache with a game, tags and videos, written with plain SQL.
    QString makeSmallCache(const QString &name)
    {
        const QString file = path(name);
        CacheDatabase cache;
        if (!cache.open(file))
            return {};
        cache.execScript(QStringLiteral(
            "INSERT INTO games (id, name, name_en, created_at) VALUES (1, '英雄联盟', 'League of "
            "Legends', 0);"
            "INSERT INTO tag_groups (id, kind, name) VALUES (1, 'general', '通用');"
            "INSERT INTO tags (id, group_id, name, created_at) VALUES (1, 1, '教程', 0), (2, 1, "
            "'搞笑', 0);"
            "INSERT INTO users (id, nickname, kind, registered_at, platform) VALUES (1, '小明', "
            "'creator', 0, 'pc');"
            "INSERT INTO videos (id, title, game_id, uploader_id, source, duration_s, "
            "published_at) VALUES (1, '英雄联盟教程', 1, 1, 'pc_recorder', 60, 1), (2, '搞笑集锦', "
            "1, 1, 'web_upload', 30, 2);"
            "INSERT INTO video_tags VALUES (1, 1), (1, 2), (2, 2);"));
        return file;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void shouldCreateAndMigrateANewFile()
    {
        const QString file = path(QStringLiteral("new.sqlite"));
        CacheDatabase cache;
        QVERIFY2(cache.open(file), qPrintable(cache.errorString()));
        QCOMPARE(cache.schemaVersion(), CacheDatabase::latestSchemaVersion());
        QVERIFY(CacheDatabase::latestSchemaVersion() >= 1);
        const QSqlDatabase db = cache.database();
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA application_id")).toInt(),
                 CacheDatabase::ApplicationId);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
        QCOMPARE(scalar(db, QStringLiteral("PRAGMA synchronous")).toInt(), 2); // FULL
        for (const char *table :
             {"games", "tag_groups", "tags", "game_tags", "videos", "video_tags", "users", "outbox",
              "sync_state", "copy_progress", "meta"})
            QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = ?"),
                            {QString::fromLatin1(table)})
                         .toInt(),
                     1);
        QVERIFY(cache.integrityProblems().isEmpty());
    }

    void shouldReopenWithoutChangingAnything()
    {
        const QString file = makeSmallCache(QStringLiteral("reopen.sqlite"));
        QVERIFY(!file.isEmpty());
        CacheDatabase first;
        QVERIFY(first.open(file));
        const int schemaCookie =
            scalar(first.database(), QStringLiteral("PRAGMA schema_version")).toInt();
        first.close();
        CacheDatabase second;
        QVERIFY(second.open(file));
        QCOMPARE(scalar(second.database(), QStringLiteral("PRAGMA schema_version")).toInt(),
                 schemaCookie);
        QCOMPARE(scalar(second.database(), QStringLiteral("SELECT count(*) FROM videos")).toInt(),
                 2);
    }

    void shouldRefuseUnusableFilesAndLeaveThemUntouched_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("problem");
        QTest::newRow("text file") << u"text"_qs << int(CacheDatabase::Problem::NotADatabase);
        QTest::newRow("truncated header")
            << u"truncated"_qs << int(CacheDatabase::Problem::NotADatabase);
        QTest::newRow("database of another application")
            << u"foreign"_qs << int(CacheDatabase::Problem::NotACache);
        QTest::newRow("newer schema") << u"newer"_qs << int(CacheDatabase::Problem::Newer);
        QTest::newRow("newer schema, header stale in WAL")
            << u"newer-wal"_qs << int(CacheDatabase::Problem::Newer);
        QTest::newRow("damaged schema page")
            << u"damaged"_qs << int(CacheDatabase::Problem::Corrupt);
        QTest::newRow("missing tables") << u"missing"_qs << int(CacheDatabase::Problem::Corrupt);
    }
    void shouldRefuseUnusableFilesAndLeaveThemUntouched()
    {
        QFETCH(QString, kind);
        QFETCH(int, problem);
        const QString file = path(kind + QStringLiteral(".sqlite"));
        if (kind == QLatin1String("text")) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("videos,games\n1,2\n");
        } else if (kind == QLatin1String("truncated")) {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray("SQLite format 3\0", 16) + QByteArray(20, '\0'));
        } else if (kind == QLatin1String("foreign")) {
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(file.toUtf8().constData(), &db), SQLITE_OK);
            sqlite3_exec(db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)", nullptr,
                         nullptr, nullptr);
            sqlite3_close(db);
        } else if (kind == QLatin1String("newer") || kind == QLatin1String("newer-wal")) {
            QVERIFY(!makeSmallCache(kind + QStringLiteral(".sqlite")).isEmpty());
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(file.toUtf8().constData(), &db), SQLITE_OK);
            const QByteArray sql = QByteArrayLiteral("PRAGMA user_version = ") +
                                   QByteArray::number(CacheDatabase::latestSchemaVersion() + 5);
            QCOMPARE(sqlite3_exec(db, sql.constData(), nullptr, nullptr, nullptr), SQLITE_OK);
            if (kind == QLatin1String("newer-wal")) {
                // Leave the new header in the WAL: copy the files while this connection is open.
                QVERIFY(QFile::copy(file, file + QStringLiteral(".copy")));
                QVERIFY(
                    QFile::copy(file + QStringLiteral("-wal"), file + QStringLiteral(".copy-wal")));
            }
            sqlite3_close(db);
            if (kind == QLatin1String("newer-wal")) {
                QFile::remove(file);
                QVERIFY(QFile::rename(file + QStringLiteral(".copy"), file));
                QVERIFY(QFile::rename(file + QStringLiteral(".copy-wal"),
                                      file + QStringLiteral("-wal")));
            }
        } else if (kind == QLatin1String("damaged")) {
            QVERIFY(!makeSmallCache(kind + QStringLiteral(".sqlite")).isEmpty());
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadWrite));
            // Page 1 holds the schema table after the 100-byte header: scribble over it.
            f.seek(100);
            f.write(QByteArray(3000, '\x5a'));
        } else if (kind == QLatin1String("missing")) {
            QVERIFY(!makeSmallCache(kind + QStringLiteral(".sqlite")).isEmpty());
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(file.toUtf8().constData(), &db), SQLITE_OK);
            QCOMPARE(sqlite3_exec(db, "DROP TABLE outbox", nullptr, nullptr, nullptr), SQLITE_OK);
            sqlite3_close(db);
        }
        const QByteArray before = TestSupport::fileHash(file);
        const QByteArray walBefore = TestSupport::fileHash(file + QStringLiteral("-wal"));
        QVERIFY(!before.isEmpty());

        CacheDatabase cache;
        QVERIFY(!cache.open(file));
        QCOMPARE(int(cache.problem()), problem);
        QVERIFY2(cache.errorString().contains(kind + QStringLiteral(".sqlite")),
                 qPrintable(cache.errorString()));
        QVERIFY(!cache.isOpen());
        QCOMPARE(TestSupport::fileHash(file), before);
        QCOMPARE(TestSupport::fileHash(file + QStringLiteral("-wal")), walBefore);
        QCOMPARE(int(CacheDatabase::inspect(file).problem), problem);
    }

    void shouldRefuseAFileItCannotWrite()
    {
        if (::geteuid() == 0)
            QSKIP("root bypasses file permissions");
        const QString file = makeSmallCache(QStringLiteral("readonly.sqlite"));
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner));
        CacheDatabase cache;
        QVERIFY(!cache.open(file));
        QCOMPARE(cache.problem(), CacheDatabase::Problem::Unwritable);
        QVERIFY(cache.open(file, CacheDatabase::Access::ReadOnly));
        QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    }

    void shouldKeepDerivedDataInStep()
    {
        const QString file = makeSmallCache(QStringLiteral("derived.sqlite"));
        CacheDatabase cache;
        QVERIFY(cache.open(file));
        const QSqlDatabase db = cache.database();
        QCOMPARE(scalar(db, QStringLiteral("SELECT tag_count FROM videos WHERE id = 1")).toInt(),
                 2);
        QCOMPARE(scalar(db, QStringLiteral("SELECT usage_count FROM tags WHERE id = 2")).toInt(),
                 2);
        QCOMPARE(scalar(db, QStringLiteral("SELECT video_count FROM games WHERE id = 1")).toInt(),
                 2);
        QCOMPARE(scalar(db, QStringLiteral("SELECT video_count FROM users WHERE id = 1")).toInt(),
                 2);
        QVERIFY(cache.execScript(
            QStringLiteral("DELETE FROM video_tags WHERE video_id = 1 AND tag_id = 2;"
                           "UPDATE videos SET title = '亚索集锦' WHERE id = 1;"
                           "DELETE FROM videos WHERE id = 2;")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT usage_count FROM tags WHERE id = 2")).toInt(),
                 0);
        QCOMPARE(scalar(db, QStringLiteral("SELECT video_count FROM games WHERE id = 1")).toInt(),
                 1);
        QCOMPARE(
            scalar(db, QStringLiteral(
                           "SELECT count(*) FROM video_search WHERE video_search MATCH '\"亚索\"'"))
                .toInt(),
            1);
        QCOMPARE(
            scalar(db, QStringLiteral(
                           "SELECT count(*) FROM video_search WHERE video_search MATCH '\"教程\"'"))
                .toInt(),
            0);
        const QStringList problems = cache.integrityProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void shouldDeferSearchEntriesToTheFlush_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("phrase");
        QTest::addColumn<int>("before");
        QTest::addColumn<int>("after");
        QTest::newRow("video title")
            << QStringLiteral("UPDATE videos SET title = '亚索集锦' "
                              "WHERE id = 1")
            << QStringLiteral("video_search") << QStringLiteral("亚索") << 0 << 1;
        QTest::newRow("new video")
            << QStringLiteral("INSERT INTO videos (id, title, game_id, source, duration_s, "
                              "published_at) VALUES (3, '德玛西亚之力', 1, 'web_upload', 1, 3)")
            << QStringLiteral("video_search") << QStringLiteral("德玛") << 0 << 1;
        QTest::newRow("video deleted")
            << QStringLiteral("DELETE FROM videos WHERE id = 2") << QStringLiteral("video_search")
            << QStringLiteral("集锦") << 1 << 0;
        QTest::newRow("game renamed")
            << QStringLiteral("UPDATE games SET name = '王者荣耀' WHERE id = 1")
            << QStringLiteral("game_search") << QStringLiteral("王者") << 0 << 1;
        QTest::newRow("new tag") << QStringLiteral("INSERT INTO tags (id, group_id, name, "
                                                   "created_at) VALUES (3, 1, '速通', 0)")
                                 << QStringLiteral("tag_search") << QStringLiteral("速通") << 0
                                 << 1;
        QTest::newRow("nickname") << QStringLiteral(
                                         "UPDATE users SET nickname = '小红' WHERE id = 1")
                                  << QStringLiteral("user_search") << QStringLiteral("小红") << 0
                                  << 1;
    }

    void shouldDeferSearchEntriesToTheFlush()
    {
        QFETCH(QString, change);
        QFETCH(QString, table);
        QFETCH(QString, phrase);
        QFETCH(int, before);
        QFETCH(int, after);
        const QString file = makeSmallCache(
            QStringLiteral("deferred-%1.sqlite").arg(QString::number(qHash(change))));
        CacheDatabase cache;
        QVERIFY(cache.open(file));
        const QSqlDatabase db = cache.database();
        const QString matches =
            QStringLiteral("SELECT count(*) FROM %1 WHERE %1 MATCH '\"%2\"'").arg(table, phrase);
        QVERIFY(cache.beginImmediate());
        cache.deferSearch(true);
        QVERIFY2(cache.execScript(change), qPrintable(cache.errorString()));
        // The entry waits in the queue; the check says so.
        QCOMPARE(scalar(db, matches).toInt(), before);
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT count(*) FROM search_queue WHERE tbl = ?"), {table})
                .toInt(),
            1);
        QVERIFY(cache.integrityProblems()
                    .join(QLatin1Char(' '))
                    .contains(QLatin1String("queued but never written")));
        QVERIFY2(cache.flushSearch(), qPrintable(cache.errorString()));
        cache.deferSearch(false);
        QVERIFY(cache.commit());
        QCOMPARE(scalar(db, matches).toInt(), after);
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM search_queue")).toInt(), 0);
        const QStringList problems = cache.integrityProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
        // Not deferred any more: the next change is indexed at once.
        QVERIFY(
            cache.execScript(QStringLiteral("UPDATE videos SET title = '蛮王速攻' WHERE id = 1")));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM video_search WHERE "
                                           "video_search MATCH '\"蛮王\"'"))
                     .toInt(),
                 1);
    }

    void shouldWriteOnlyTheColumnsThatChanged_data()
    {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("row");
        QTest::addColumn<bool>("force");
        QTest::addColumn<QString>("columns"); // the columns an UPDATE OF trigger saw
        QTest::addColumn<QString>("check");   // a query that gives 1 afterwards
        QTest::addColumn<QString>("before");  // SQL run on the cache first
        const QString video = QStringLiteral(
            R"({"id": 1, "title": "%1", "game_id": 1, "uploader_id": 1, "source": "pc_recorder",
                "duration_s": 60, "published_at": "1970-01-01T00:00:01+00:00", "featured": false,
                "plays": %2, "row_version": %3})");
        QTest::newRow("plays only")
            << QStringLiteral("videos") << video.arg(QStringLiteral("英雄联盟教程")).arg(99).arg(2)
            << false << QStringLiteral("plays")
            << QStringLiteral("SELECT plays = 99 AND row_version = 2 "
                              "FROM videos WHERE id = 1")
            << QString();
        QTest::newRow("title") << QStringLiteral("videos")
                               << video.arg(QStringLiteral("亚索集锦")).arg(0).arg(2) << false
                               << QStringLiteral("title")
                               << QStringLiteral("SELECT count(*) FROM video_search WHERE "
                                                 "video_search MATCH '\"亚索\"'")
                               << QString();
        QTest::newRow("older version")
            << QStringLiteral("videos") << video.arg(QStringLiteral("亚索集锦")).arg(5).arg(1)
            << false << QString()
            << QStringLiteral("SELECT title = '英雄联盟教程' AND "
                              "plays = 0 FROM videos WHERE id = 1")
            << QString();
        QTest::newRow("same version, forced")
            << QStringLiteral("videos") << video.arg(QStringLiteral("亚索集锦")).arg(0).arg(1)
            << true << QStringLiteral("title")
            << QStringLiteral("SELECT title = '亚索集锦' FROM videos WHERE id = 1") << QString();
        QTest::newRow("new row")
            << QStringLiteral("videos")
            << QStringLiteral(R"({"id": 7, "title": "新视频", "game_id": 1, "uploader_id": null,
                "source": "web_upload", "duration_s": 5, "published_at": "2024-05-01T12:00:00Z",
                "featured": true, "plays": 3, "row_version": 4})")
            << false << QString()
            << QStringLiteral("SELECT featured = 1 AND uploader_id IS NULL AND published_at = "
                              "1714564800 FROM videos WHERE id = 7")
            << QString();
        const QString game = QStringLiteral(
            R"({"id": 1, "name": "英雄联盟", "name_en": "League of Legends", "aliases": %1,
                "introduction": "%2", "developer": "", "released": null, "status": "active",
                "created_at": "1970-01-01T00:00:00Z", "row_version": 2})");
        QTest::newRow("game, same aliases")
            << QStringLiteral("games") << game.arg(QStringLiteral("[]"), QStringLiteral("MOBA"))
            << false << QStringLiteral("introduction")
            << QStringLiteral("SELECT introduction = 'MOBA' FROM games WHERE id = 1") << QString();
        QTest::newRow("game, same aliases spelled otherwise")
            << QStringLiteral("games")
            << game.arg(QStringLiteral(R"([ "LOL" ])"), QStringLiteral("MOBA")) << false
            << QStringLiteral("introduction")
            << QStringLiteral("SELECT introduction = 'MOBA' FROM games WHERE id = 1")
            << QStringLiteral("UPDATE games SET aliases = '[ \"LOL\" ]' WHERE id = 1");
        QTest::newRow("game, new alias")
            << QStringLiteral("games")
            << game.arg(QStringLiteral(R"(["LOL", "撸啊撸"])"), QString()) << false
            << QStringLiteral("aliases")
            << QStringLiteral("SELECT count(*) FROM game_search WHERE game_search MATCH "
                              "'\"撸啊\"'")
            << QString();
    }

    void shouldWriteOnlyTheColumnsThatChanged()
    {
        QFETCH(QString, table);
        QFETCH(QString, row);
        QFETCH(bool, force);
        QFETCH(QString, columns);
        QFETCH(QString, check);
        QFETCH(QString, before);
        const QString file = makeSmallCache(
            QStringLiteral("upsert-%1.sqlite").arg(QString::number(qHash(row + columns))));
        CacheDatabase cache;
        QVERIFY(cache.open(file));
        const QSqlDatabase db = cache.database();
        // A log of the columns each UPDATE names (SQLite maintains an index or fires an
        // UPDATE OF trigger for every column of the SET list, changed or not).
        if (!before.isEmpty())
            QVERIFY2(cache.execScript(before), qPrintable(cache.errorString()));
        QString script = QStringLiteral("CREATE TEMP TABLE seen (name TEXT);");
        for (const CentralRows::Column &c : CentralRows::table(table)->columns) {
            if (c.name != QLatin1String("id") && c.name != QLatin1String("row_version"))
                script += QStringLiteral("CREATE TEMP TRIGGER seen_%1 AFTER UPDATE OF %1 ON "
                                         "main.%2 BEGIN INSERT INTO seen VALUES ('%1'); END;")
                              .arg(c.name, table);
        }
        QVERIFY2(cache.execScript(script), qPrintable(cache.errorString()));
        QJsonParseError parse;
        const QJsonObject object = QJsonDocument::fromJson(row.toUtf8(), &parse).object();
        QCOMPARE(parse.error, QJsonParseError::NoError);
        CentralRows::Writer writer(db);
        QString error;
        QVERIFY(cache.beginImmediate());
        QVERIFY2(writer.upsert(table, object, force, &error), qPrintable(error));
        QVERIFY(cache.commit());
        QCOMPARE(scalar(db, QStringLiteral("SELECT ifnull(group_concat(name, ','), '') FROM "
                                           "(SELECT name FROM seen ORDER BY name)"))
                     .toString(),
                 columns);
        QCOMPARE(scalar(db, check).toInt(), 1);
        const QStringList problems = cache.integrityProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void shouldCountTheChildrenANewParentFinds_data()
    {
        QTest::addColumn<QString>("rows"); // children first, then their parent
        QTest::addColumn<QString>("count");
        QTest::addColumn<int>("expected");
        QTest::newRow("a video's tags before the video")
            << QStringLiteral("INSERT INTO video_tags VALUES (9, 1), (9, 2);"
                              "INSERT INTO videos (id, title, game_id, source, duration_s, "
                              "published_at) VALUES (9, 'x', 1, 'web_upload', 1, 3);")
            << QStringLiteral("SELECT tag_count FROM videos WHERE id = 9") << 2;
        QTest::newRow("a game's videos before the game")
            << QStringLiteral("INSERT INTO videos (id, title, game_id, source, duration_s, "
                              "published_at) VALUES (9, 'x', 5, 'web_upload', 1, 3);"
                              "INSERT INTO games (id, name, created_at) VALUES (5, '原神', 0);")
            << QStringLiteral("SELECT video_count FROM games WHERE id = 5") << 1;
        QTest::newRow("a user's videos before the user")
            << QStringLiteral("INSERT INTO videos (id, title, game_id, uploader_id, source, "
                              "duration_s, published_at) VALUES (9, 'x', 1, 7, 'web_upload', 1, "
                              "3);"
                              "INSERT INTO users (id, nickname, kind, registered_at, platform) "
                              "VALUES (7, '小红', 'creator', 0, 'pc');")
            << QStringLiteral("SELECT video_count FROM users WHERE id = 7") << 1;
        QTest::newRow("a tag's uses before the tag")
            << QStringLiteral("INSERT INTO video_tags VALUES (1, 8), (2, 8);"
                              "INSERT INTO game_tags VALUES (1, 8);"
                              "INSERT INTO tags (id, group_id, name, created_at) VALUES (8, 1, "
                              "'速通', 0);")
            << QStringLiteral("SELECT usage_count FROM tags WHERE id = 8") << 3;
    }

    void shouldCountTheChildrenANewParentFinds()
    {
        QFETCH(QString, rows);
        QFETCH(QString, count);
        QFETCH(int, expected);
        const QString file =
            makeSmallCache(QStringLiteral("children-%1.sqlite").arg(QString::number(qHash(rows))));
        CacheDatabase cache;
        QVERIFY(cache.open(file));
        // As a pull applies a page: keys checked at the commit.
        QVERIFY(cache.beginImmediate());
        QVERIFY(cache.execScript(QStringLiteral("PRAGMA defer_foreign_keys = ON")));
        QVERIFY2(cache.execScript(rows), qPrintable(cache.errorString()));
        QVERIFY2(cache.commit(), qPrintable(cache.errorString()));
        QCOMPARE(scalar(cache.database(), count).toInt(), expected);
        const QStringList problems = cache.integrityProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void shouldReportDerivedDataOutOfStep()
    {
        const QString file = makeSmallCache(QStringLiteral("drift.sqlite"));
        CacheDatabase cache;
        QVERIFY(cache.open(file));
        // A write without the triggers (as the sqlite3 shell could do after dropping them).
        QVERIFY(cache.execScript(QStringLiteral("DROP TRIGGER derived_video_tags_insert;"
                                                "INSERT INTO video_tags VALUES (2, 1);")));
        const QStringList problems = cache.integrityProblems();
        QVERIFY(problems.join(QLatin1Char(' ')).contains(QLatin1String("videos.tag_count")));
        QVERIFY(cache.beginImmediate());
        QVERIFY(cache.rebuildDerived());
        QVERIFY(cache.commit());
        QVERIFY(cache.integrityProblems().isEmpty());
    }

    void shouldRollBackABulkLoadCompletely()
    {
        const QString file = makeSmallCache(QStringLiteral("bulk.sqlite"));
        CacheDatabase cache;
        QVERIFY(cache.open(file));
        QVERIFY(cache.beginBulkLoad());
        QVERIFY(cache.execScript(QStringLiteral("INSERT INTO videos (id, title, game_id, source, "
                                                "duration_s, published_at) VALUES (3, 'x', 1, "
                                                "'web_upload', 1, 3)")));
        QVERIFY(cache.rollback());
        QCOMPARE(scalar(cache.database(), QStringLiteral("SELECT count(*) FROM videos")).toInt(),
                 2);
        QCOMPARE(
            scalar(cache.database(), QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE "
                                                    "type = 'trigger' AND name LIKE 'derived%'"))
                    .toInt() > 0,
            true);
    }
};

QTEST_GUILESS_MAIN(TestCacheDatabase)
#include "tst_cachedatabase.moc"
