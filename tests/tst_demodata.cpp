#include "cachedatabase.h"
#include "democachewriter.h"
#include "testsupport.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using TestSupport::scalar;

/// The demo data set: deterministic, realistic, and written safely.
class TestDemoData : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_main;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_main = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const QString error = TestSupport::writeDemoCache(m_main, 5000, 7);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void shouldGiveTheSameDataForTheSameSeed()
    {
        const QString again = m_dir.filePath(QStringLiteral("again.sqlite"));
        const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
        QVERIFY(TestSupport::writeDemoCache(again, 5000, 7).isEmpty());
        QVERIFY(TestSupport::writeDemoCache(other, 5000, 8).isEmpty());
        CacheDatabase a, b, c;
        QVERIFY(a.open(m_main));
        QVERIFY(b.open(again));
        QVERIFY(c.open(other));
        const QByteArray digest = TestSupport::catalogueDigest(a.database());
        QCOMPARE(TestSupport::catalogueDigest(b.database()), digest);
        QVERIFY(TestSupport::catalogueDigest(c.database()) != digest);
    }

    void shouldHoldARealisticCatalogue()
    {
        CacheDatabase cache;
        QVERIFY(cache.open(m_main));
        const QSqlDatabase db = cache.database();
        const int games = scalar(db, QStringLiteral("SELECT count(*) FROM games")).toInt();
        QVERIFY2(games >= 50, qPrintable(QString::number(games)));
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(*) FROM videos")).toInt(), 5000);
        // Seven game-tag dimensions and one general library.
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT count(*) FROM tag_groups WHERE kind = 'dimension'"))
                .toInt(),
            7);
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT count(*) FROM tag_groups WHERE kind = 'general'"))
                .toInt(),
            1);
        // Every game: a dedicated library with its four categories, and a default tag.
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT count(*) FROM tag_groups WHERE kind = 'library'"))
                .toInt(),
            games);
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT count(*) FROM tag_groups WHERE kind = 'category'"))
                .toInt(),
            4 * games);
        QCOMPARE(scalar(db, QStringLiteral(
                                "SELECT count(DISTINCT c.game_id) FROM tags t JOIN tag_groups c "
                                "ON c.id = t.group_id WHERE c.code = 'default'"))
                     .toInt(),
                 games);
        // Every game has a tag in every dimension.
        QCOMPARE(
            scalar(db, QStringLiteral(
                           "SELECT count(*) FROM games g WHERE (SELECT count(DISTINCT d.code) "
                           "FROM game_tags gt JOIN tags t ON t.id = gt.tag_id JOIN tag_groups d "
                           "ON d.id = t.group_id WHERE gt.game_id = g.id) < 7"))
                .toInt(),
            0);
        // Tags on videos come from the general library or the video's own game library.
        QCOMPARE(
            scalar(db, QStringLiteral(
                           "SELECT count(*) FROM video_tags vt JOIN videos v ON v.id = vt.video_id "
                           "JOIN tags t ON t.id = vt.tag_id JOIN tag_groups g ON g.id = t.group_id "
                           "WHERE NOT (g.kind = 'general' OR (g.kind = 'category' AND g.game_id = "
                           "v.game_id))"))
                .toInt(),
            0);
        // A queue of untagged videos, and a long tail of tags per video.
        const double untagged =
            scalar(db, QStringLiteral("SELECT avg(tag_count = 0) FROM videos")).toDouble();
        QVERIFY2(untagged > 0.05 && untagged < 0.30, qPrintable(QString::number(untagged)));
        QVERIFY(scalar(db, QStringLiteral("SELECT max(tag_count) FROM videos")).toInt() >= 5);
        const double average =
            scalar(db, QStringLiteral("SELECT avg(tag_count) FROM videos WHERE tag_count > 0"))
                .toDouble();
        QVERIFY2(average > 1.5 && average < 4.5, qPrintable(QString::number(average)));
        // Titles name their game (Chinese or English) almost always.
        const double named =
            scalar(db,
                   QStringLiteral(
                       "SELECT avg(instr(v.title, g.name) > 0 OR instr(v.title, g.name_en) > 0) "
                       "FROM videos v JOIN games g ON g.id = v.game_id"))
                .toDouble();
        QVERIFY2(named > 0.9, qPrintable(QString::number(named)));
        // Popularity is a long tail: the top game has several times the median's videos.
        QVERIFY(scalar(db, QStringLiteral("SELECT max(video_count) FROM games")).toInt() >
                3 * scalar(db, QStringLiteral("SELECT video_count FROM games ORDER BY video_count "
                                              "LIMIT 1 OFFSET (SELECT count(*) / 2 FROM games)"))
                        .toInt());
        // Every source occurs; uploaders are creators registered before they published.
        QCOMPARE(scalar(db, QStringLiteral("SELECT count(DISTINCT source) FROM videos")).toInt(),
                 3);
        QCOMPARE(
            scalar(db, QStringLiteral(
                           "SELECT count(*) FROM videos v JOIN users u ON u.id = v.uploader_id "
                           "WHERE u.kind <> 'creator' OR u.registered_at > v.published_at"))
                .toInt(),
            0);
        QVERIFY(
            scalar(db, QStringLiteral("SELECT count(*) FROM videos WHERE featured = 1")).toInt() >
            0);
        const QStringList problems = cache.integrityProblems();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    void shouldNotReplaceACatalogueUnlessAsked()
    {
        const QString file = m_dir.filePath(QStringLiteral("keep.sqlite"));
        QVERIFY(TestSupport::writeDemoCache(file, 100, 1).isEmpty());
        const QByteArray before = TestSupport::fileHash(file);
        DemoDataOptions options;
        options.videos = 200;
        const auto refused = DemoCacheWriter::write(file, options, false);
        QVERIFY(!refused.ok);
        QVERIFY(refused.error.contains(QLatin1String("--replace")));
        QCOMPARE(TestSupport::fileHash(file), before);
        const auto replaced = DemoCacheWriter::write(file, options, true);
        QVERIFY2(replaced.ok, qPrintable(replaced.error));
        CacheDatabase cache;
        QVERIFY(cache.open(file));
        QCOMPARE(scalar(cache.database(), QStringLiteral("SELECT count(*) FROM videos")).toInt(),
                 200);
    }

    void shouldNeverReplaceAFileOfAnotherKind()
    {
        const QString file = m_dir.filePath(QStringLiteral("notes.txt"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("important notes\n");
        f.close();
        DemoDataOptions options;
        options.videos = 10;
        const auto result = DemoCacheWriter::write(file, options, true);
        QVERIFY(!result.ok);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("important notes\n"));
        // No temporary file is left behind.
        QCOMPARE(QDir(m_dir.path())
                     .entryList({QStringLiteral(".*.tmp*")}, QDir::Files | QDir::Hidden)
                     .size(),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestDemoData)
#include "tst_demodata.moc"
