#include "cachedatabase.h"
#include "tagstatistics.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::scalar;

/// The tag statistics against the same figures counted directly in SQL on a demo cache, and
/// their reaction to a retired tag in use and a new unused tag.
class TestTagStatistics : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CacheDatabase m_cache;
    TagStatistics m_stats;

    qint64 count(const QString &sql) { return scalar(m_cache.database(), sql).toLongLong(); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("stats.sqlite"));
        QCOMPARE(TestSupport::writeDemoCache(path, 4000), QString());
        QVERIFY(m_cache.open(path));
        // A retired tag still in use, and a new tag nothing carries.
        QVERIFY(QSqlQuery(m_cache.database())
                    .exec(QStringLiteral("UPDATE tags SET status = 'retired' WHERE id = (SELECT "
                                         "tag_id FROM video_tags GROUP BY tag_id ORDER BY "
                                         "count(*) LIMIT 1)")));
        QVERIFY(QSqlQuery(m_cache.database())
                    .exec(QStringLiteral("INSERT INTO tags (group_id, name, created_at) SELECT id, "
                                         "'没人用', 0 FROM tag_groups WHERE kind = 'general'")));
        QString error;
        QVERIFY2(m_stats.compute(m_cache.database(), &error), qPrintable(error));
    }

    void shouldCountVideosAndTagged()
    {
        QCOMPARE(m_stats.videos, count(QStringLiteral("SELECT count(*) FROM videos")));
        QCOMPARE(m_stats.tagged,
                 count(QStringLiteral("SELECT count(DISTINCT video_id) FROM video_tags")));
        QVERIFY(m_stats.tagged < m_stats.videos); // the demo keeps an untagged queue
    }

    void shouldCountOptionalTagsPerVideo_data()
    {
        QTest::addColumn<int>("n");
        for (int n = 0; n <= TagStatistics::kHistogramMax; ++n)
            QTest::newRow(qPrintable(QString::number(n))) << n;
    }

    void shouldCountOptionalTagsPerVideo()
    {
        QFETCH(int, n);
        const QString optional = QStringLiteral(
            "(SELECT count(*) FROM video_tags vt JOIN tags t ON t.id = vt.tag_id JOIN tag_groups g "
            "ON g.id = t.group_id WHERE vt.video_id = v.id AND NOT (g.kind = 'category' AND "
            "g.code = 'default'))");
        const qint64 expected =
            n == TagStatistics::kHistogramMax
                ? count(QStringLiteral("SELECT count(*) FROM videos v WHERE %1 >= %2")
                            .arg(optional)
                            .arg(n))
                : count(QStringLiteral("SELECT count(*) FROM videos v WHERE %1 = %2")
                            .arg(optional)
                            .arg(n));
        QCOMPARE(m_stats.optionalTags.value(n), expected);
    }

    void shouldRankUsesAndFindTheTail()
    {
        QVERIFY(!m_stats.uses.isEmpty());
        for (int i = 1; i < m_stats.uses.size(); ++i)
            QVERIFY(m_stats.uses.at(i - 1).uses >= m_stats.uses.at(i).uses);
        for (const auto &t : m_stats.uses)
            QVERIFY(t.groupKind != QLatin1String("dimension"));
        QCOMPARE(m_stats.topShare(1.0), 1.0);
        QVERIFY(m_stats.topShare(0.2) > 0.2); // a long tail: the top fifth carries more
        QVERIFY(m_stats.topShare(0.2) <= m_stats.topShare(0.5));
        bool unused = false;
        for (const auto &t : m_stats.unused)
            unused = unused || t.name == QStringLiteral("没人用");
        QVERIFY(unused);
        QCOMPARE(m_stats.retiredInUse.size(),
                 int(count(QStringLiteral("SELECT count(*) FROM tags WHERE status = 'retired' AND "
                                          "usage_count > 0"))));
        QVERIFY(!m_stats.retiredInUse.isEmpty());
    }

    void shouldRateLibrariesAndGames()
    {
        for (const auto &c : m_stats.categories) {
            const QString where =
                c.code == QLatin1String("general")
                    ? QStringLiteral("g.kind = 'general'")
                    : QStringLiteral("g.kind = 'category' AND g.code = '%1'").arg(c.code);
            QCOMPARE(c.videos, count(QStringLiteral("SELECT count(DISTINCT vt.video_id) FROM "
                                                    "video_tags vt JOIN tags t ON t.id = "
                                                    "vt.tag_id JOIN tag_groups g ON g.id = "
                                                    "t.group_id WHERE ") +
                                     where));
        }
        qint64 videos = 0;
        qint64 tagged = 0;
        for (const auto &g : m_stats.games) {
            videos += g.videos;
            tagged += g.tagged;
        }
        QCOMPARE(videos, m_stats.videos);
        QCOMPARE(tagged, m_stats.tagged);
        QCOMPARE(m_stats.games.size(), int(count(QStringLiteral("SELECT count(*) FROM games"))));
    }
};

QTEST_GUILESS_MAIN(TestTagStatistics)
#include "tst_tagstatistics.moc"
