#include "cachedatabase.h"
#include "tagrecommender.h"
#include "testsupport.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

/// Tag suggestions from the cache: title matches, co-occurrence ranked by lift, the game's
/// popular tags; only tags that may go on the video; and a held-out evaluation on demo data
/// that must clearly beat ranking by popularity.
class TestTagRecommender : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CacheDatabase m_cache;
    qint64 m_game = 0;
    QHash<QString, qint64> m_tags;
    qint64 m_nextVideo = 0;

    void exec(const QString &sql)
    {
        QSqlQuery q(m_cache.database());
        if (!q.exec(sql))
            QFAIL(qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
    }

    qint64 addVideo(const QString &title, const QStringList &tags, qint64 game = 0)
    {
        const qint64 id = ++m_nextVideo;
        exec(QStringLiteral("INSERT INTO videos (id, title, game_id, source, duration_s, "
                            "published_at) VALUES (%1, '%2', %3, 'web_upload', 60, 1700000000)")
                 .arg(id)
                 .arg(title)
                 .arg(game ? game : m_game));
        for (const QString &tag : tags)
            exec(QStringLiteral("INSERT INTO video_tags VALUES (%1, %2)").arg(id).arg(m_tags[tag]));
        return id;
    }

    QStringList names(const QList<TagRecommender::Suggestion> &list)
    {
        QStringList result;
        for (const TagRecommender::Suggestion &s : list)
            result.append(s.name);
        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("tagging.sqlite"));
        QCOMPARE(TestSupport::writeDemoCache(path, 20000), QString());
        QVERIFY2(m_cache.open(path), qPrintable(m_cache.errorString()));
        m_nextVideo =
            TestSupport::scalar(m_cache.database(), QStringLiteral("SELECT max(id) FROM videos"))
                .toLongLong();

        // A game of our own, with a library of three categories and a second game whose
        // library must never leak into the first one's suggestions.
        exec(QStringLiteral("INSERT INTO games (id, name, name_en, created_at) VALUES "
                            "(9001, '测试游戏', 'Test Game', 0), (9002, '别的游戏', '', 0)"));
        m_game = 9001;
        exec(QStringLiteral(
            "INSERT INTO tag_groups (id, kind, game_id, name) VALUES (9101, 'library', 9001, "
            "'测试游戏'), (9201, 'library', 9002, '别的游戏')"));
        exec(QStringLiteral(
            "INSERT INTO tag_groups (id, kind, code, parent_id, game_id, name) VALUES "
            "(9102, 'category', 'character', 9101, 9001, '角色'), "
            "(9202, 'category', 'character', 9201, 9002, '角色')"));
        const qint64 general =
            TestSupport::scalar(m_cache.database(), QStringLiteral("SELECT id FROM tag_groups "
                                                                   "WHERE kind = 'general'"))
                .toLongLong();
        struct Tag
        {
            const char *key;
            qint64 group;
            const char *name;
            const char *aliases;
            const char *status;
        };
        const Tag tags[] = {
            {"hero", 9102, "星月", "[\"Starmoon\"]", "active"},
            {"partner", 9102, "晨光", "[]", "active"},
            {"everywhere", 9102, "日常", "[]", "active"},
            {"rare", 9102, "冷门", "[]", "active"},
            {"retired", 9102, "旧角色", "[]", "retired"},
            {"other", 9202, "外人", "[]", "active"},
        };
        qint64 id = 99000;
        for (const Tag &t : tags) {
            exec(QStringLiteral("INSERT INTO tags (id, group_id, name, aliases, status, "
                                "created_at) VALUES (%1, %2, '%3', '%4', '%5', 0)")
                     .arg(++id)
                     .arg(t.group)
                     .arg(QString::fromUtf8(t.name), QString::fromLatin1(t.aliases),
                          QString::fromLatin1(t.status)));
            m_tags.insert(QString::fromLatin1(t.key), id);
        }
        Q_UNUSED(general);
        // 日常 is on most videos; 晨光 goes with 星月 far more often than chance.
        for (int i = 0; i < 40; ++i)
            addVideo(QStringLiteral("普通视频 %1").arg(i), {QStringLiteral("everywhere")});
        for (int i = 0; i < 8; ++i)
            addVideo(
                QStringLiteral("组合 %1").arg(i),
                {QStringLiteral("hero"), QStringLiteral("partner"), QStringLiteral("everywhere")});
        for (int i = 0; i < 4; ++i)
            addVideo(QStringLiteral("单人 %1").arg(i),
                     {QStringLiteral("hero"), QStringLiteral("everywhere")});
        addVideo(QStringLiteral("冷门 一次"), {QStringLiteral("rare"), QStringLiteral("hero")});
    }

    void shouldSuggestWhatTheTitleNames_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("expected");
        QTest::newRow("name") << QStringLiteral("星月的高光时刻") << QStringLiteral("星月");
        QTest::newRow("alias, any case")
            << QStringLiteral("STARMOON montage") << QStringLiteral("星月");
    }

    void shouldSuggestWhatTheTitleNames()
    {
        QFETCH(QString, title);
        QFETCH(QString, expected);
        TagRecommender r(m_cache.database());
        TagRecommender::Video v;
        v.gameId = m_game;
        v.title = title;
        const auto list = r.recommend(v, 5);
        QVERIFY(!list.isEmpty());
        QCOMPARE(list.first().name, expected);
        QVERIFY(list.first().reasons & TagRecommender::InTitle);
        QVERIFY(r.explain(list.first()).contains(QLatin1String("title")));
    }

    void shouldRankByLiftNotPopularity()
    {
        TagRecommender r(m_cache.database());
        TagRecommender::Video v;
        v.gameId = m_game;
        v.title = QStringLiteral("无关标题");
        v.tags = {m_tags[QStringLiteral("hero")]};
        const auto list = r.recommend(v, 5);
        QVERIFY(list.size() >= 2);
        // 日常 is on more videos, but 晨光 is what goes with 星月.
        QCOMPARE(list.first().name, QStringLiteral("晨光"));
        QVERIFY(list.first().reasons & TagRecommender::GoesWith);
        QCOMPARE(list.first().goesWith, m_tags[QStringLiteral("hero")]);
        // A pair seen once is no evidence.
        QVERIFY(!(list.first().reasons & TagRecommender::Popular) ||
                list.first().name != QStringLiteral("冷门"));
        for (const auto &s : list) {
            if (s.name == QStringLiteral("冷门"))
                QVERIFY(!(s.reasons & TagRecommender::GoesWith));
        }
    }

    void shouldOnlySuggestTagsThatMayGoOnTheVideo()
    {
        TagRecommender r(m_cache.database());
        TagRecommender::Video v;
        v.gameId = m_game;
        // The title names a retired tag and another game's tag; the video has 日常 already.
        v.title = QStringLiteral("旧角色 外人 日常");
        v.tags = {m_tags[QStringLiteral("everywhere")]};
        const QStringList list = names(r.recommend(v, 50));
        QVERIFY(!list.contains(QStringLiteral("旧角色")));
        QVERIFY(!list.contains(QStringLiteral("外人")));
        QVERIFY(!list.contains(QStringLiteral("日常")));
    }

    void shouldSeeNewTagsAfterInvalidate()
    {
        TagRecommender r(m_cache.database());
        TagRecommender::Video v;
        v.gameId = m_game;
        v.title = QStringLiteral("无关标题");
        v.tags = {m_tags[QStringLiteral("rare")]};
        QVERIFY(r.recommend(v, 5).first().name != QStringLiteral("晨光"));
        for (int i = 0; i < 6; ++i)
            addVideo(QStringLiteral("新组合 %1").arg(i),
                     {QStringLiteral("rare"), QStringLiteral("partner")});
        QVERIFY(r.recommend(v, 5).first().name != QStringLiteral("晨光")); // kept statistics
        r.invalidate(m_game);
        const auto list = r.recommend(v, 5);
        QCOMPARE(list.first().name, QStringLiteral("晨光"));
        QVERIFY(list.first().reasons & TagRecommender::GoesWith);
    }

    void shouldRecoverHeldOutTagsOfTheDemoData()
    {
        TagRecommender r(m_cache.database());
        const TagRecommender::Evaluation e = r.evaluate(1000);
        QCOMPARE(e.videos, 1000);
        qInfo("one hidden: %.3f at 1, %.3f at 3, %.3f at 5 (popularity only %.3f); untagged: "
              "precision at 3 %.3f, recall at 5 %.3f",
              e.oneHiddenAt1, e.oneHiddenAt3, e.oneHiddenAt5, e.popularityOnlyAt5,
              e.untaggedPrecisionAt3, e.untaggedRecallAt5);
        // Measured on 1,000,000 demo videos: 0.58 / 0.71 / 0.73 (popularity only 0.44),
        // untagged 0.69 / 0.70 (docs/performance.md). The floors leave room for the smaller
        // sample and still fail a recommender that lost a source.
        QVERIFY(e.oneHiddenAt5 >= 0.6);
        QVERIFY(e.oneHiddenAt5 >= e.popularityOnlyAt5 + 0.15);
        QVERIFY(e.untaggedPrecisionAt3 >= 0.55);
        QVERIFY(e.untaggedRecallAt5 >= 0.55);
    }
};

QTEST_GUILESS_MAIN(TestTagRecommender)
#include "tst_tagrecommender.moc"
