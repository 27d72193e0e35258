#include "levelladder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

/// The creator growth ladder's rules: reading and checking a ladder (with the place of a
/// mistake), criteria at their boundaries, all/any, climbing rung by rung, and the progress
/// towards the next level.
class TestLevelLadder : public QObject
{
    Q_OBJECT

private:
    static QJsonObject json(const char *text)
    {
        return QJsonDocument::fromJson(QByteArray(text)).object();
    }

    /// Three levels: 1 = one video in 30 days; 2 = 10 videos in 90 days and (1,000 plays in
    /// 30 days or a featured video ever); 3 = a featured rate of 20 % over 365 days and 100
    /// followers.
    static LevelLadder ladder()
    {
        return LevelLadder::fromJson(json(R"({"levels": [
            {"level": 1, "name_zh": "新人", "name_en": "Newcomer", "resources": ["新人流量包"],
             "rule": {"metric": "videos", "window": 30, "min": 1}},
            {"level": 2, "name_zh": "成长", "name_en": "Rising",
             "rule": {"all": [{"metric": "videos", "window": 90, "min": 10},
                              {"any": [{"metric": "plays", "window": 30, "min": 1000},
                                       {"metric": "featured", "window": 0, "min": 1}]}]}},
            {"level": 3, "name_zh": "优秀", "name_en": "Star", "resources": ["首页推荐位", "专属运营"],
             "rule": {"all": [{"metric": "featured_rate", "window": 365, "min": 0.2},
                              {"metric": "followers", "window": 0, "min": 100}]}}]})"));
    }

private slots:
    void shouldReadALadder()
    {
        const LevelLadder l = ladder();
        QVERIFY2(l.isValid(), qPrintable(l.errorString()));
        QCOMPARE(l.levels().size(), 3);
        QCOMPARE(l.levels().at(2).resources,
                 (QStringList{QStringLiteral("首页推荐位"), QStringLiteral("专属运营")}));
        QCOMPARE(l.statKeys(),
                 (QStringList{QStringLiteral("videos:30"), QStringLiteral("videos:90"),
                              QStringLiteral("plays:30"), QStringLiteral("featured:0"),
                              QStringLiteral("featured_rate:365"), QStringLiteral("followers:0")}));
        // What it writes, it reads back the same.
        const LevelLadder again = LevelLadder::fromJson(l.toJson());
        QVERIFY(again.isValid());
        QCOMPARE(again.toJson(), l.toJson());
    }

    void shouldPlaceACreator_data()
    {
        QTest::addColumn<QString>("stats");
        QTest::addColumn<int>("level");
        QTest::addColumn<double>("progress");
        QTest::newRow("nothing") << "" << 0 << 0.0;
        QTest::newRow("one video: level 1") << "videos:30=1" << 1 << 0.0;
        QTest::newRow("level 1, half way in videos")
            << "videos:30=1 videos:90=5 plays:30=1000" << 1 << 0.5;
        QTest::newRow("exactly at level 2's minimums")
            << "videos:30=1 videos:90=10 plays:30=1000" << 2 << 0.0;
        QTest::newRow("just below level 2's plays")
            << "videos:30=1 videos:90=10 plays:30=999.99" << 1 << 0.99999;
        QTest::newRow("a featured video instead of the plays")
            << "videos:30=1 videos:90=10 featured:0=1" << 2 << 0.0;
        QTest::newRow("level 3's rule without level 2's: stays at 1")
            << "videos:30=1 featured_rate:365=0.5 followers:0=500" << 1 << 0.0;
        QTest::newRow("level 3, the top")
            << "videos:30=2 videos:90=12 plays:30=5000 featured_rate:365=0.2 followers:0=100" << 3
            << 1.0;
        QTest::newRow("level 2, progress is the least part")
            << "videos:30=2 videos:90=12 featured:0=3 featured_rate:365=0.15 followers:0=25" << 2
            << 0.25;
        QTest::newRow("no video lately: level 0 whatever else")
            << "videos:90=50 plays:30=99999 featured:0=9" << 0 << 0.0;
    }

    void shouldPlaceACreator()
    {
        QFETCH(QString, stats);
        QFETCH(int, level);
        QFETCH(double, progress);
        LevelLadder::Stats s;
        for (const QString &pair : stats.split(QLatin1Char(' '), Qt::SkipEmptyParts))
            s.insert(pair.section(QLatin1Char('='), 0, 0),
                     pair.section(QLatin1Char('='), 1).toDouble());
        const LevelLadder::Standing standing = ladder().standing(s);
        QCOMPARE(standing.level, level);
        QVERIFY2(std::abs(standing.progress - progress) < 1e-9,
                 qPrintable(QString::number(standing.progress, 'g', 12)));
        // The compiled evaluator of the what-if preview places the creator exactly alike.
        const LadderEvaluator evaluator(ladder());
        QList<double> values;
        for (const QString &key : evaluator.keys())
            values.append(s.value(key, 0));
        const LevelLadder::Standing compiled = evaluator.standing(values.constData());
        QCOMPARE(compiled.level, standing.level);
        QCOMPARE(compiled.progress, standing.progress);
    }

    void shouldRefuseABadLadder_data()
    {
        QTest::addColumn<QString>("ladder");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no levels") << R"({"levels": []})"
                                   << "levels: a ladder has at least";
        QTest::newRow("numbering")
            << R"({"levels": [{"level": 2, "name_en": "x", "rule": {"metric": "videos", "window": 0, "min": 1}}]})"
            << "levels[0]: levels are numbered";
        QTest::newRow("no name")
            << R"({"levels": [{"level": 1, "rule": {"metric": "videos", "window": 0, "min": 1}}]})"
            << "levels[0]: a level has a name";
        QTest::newRow("unknown metric")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"all": [{"metric": "videos", "window": 0, "min": 1}, {"metric": "likes", "window": 0, "min": 1}]}}]})"
            << "levels[0].rule.all[1]: unknown metric \"likes\"";
        QTest::newRow("window")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"metric": "plays", "window": 7, "min": 1}}]})"
            << "levels[0].rule: the window is 30, 90 or 365";
        QTest::newRow("negative minimum")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"metric": "plays", "window": 30, "min": -1}}]})"
            << "levels[0].rule: the minimum is a number of at least 0";
        QTest::newRow("rate above 1")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"metric": "featured_rate", "window": 30, "min": 20}}]})"
            << "levels[0].rule: the minimum of a rate is from 0 to 1";
        QTest::newRow("empty any")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"any": []}}]})"
            << "levels[0].rule.any: a non-empty list";
        QTest::newRow("both all and any")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"all": [{"metric": "plays", "window": 30, "min": 1}], "any": [{"metric": "plays", "window": 30, "min": 1}]}}]})"
            << "levels[0].rule: a rule is \"all\" or \"any\"";
        QTest::newRow("misspelt key")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"metric": "plays", "window": 30, "minimum": 1}}]})"
            << "levels[0].rule: the minimum is a number";
        QTest::newRow("resources not texts")
            << R"({"levels": [{"level": 1, "name_en": "x", "resources": ["a", 2], "rule": {"metric": "plays", "window": 30, "min": 1}}]})"
            << "levels[0].resources: a list of texts";
        QTest::newRow("extra key")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"metric": "plays", "window": 30, "min": 1, "max": 9}}]})"
            << "levels[0].rule: unknown key \"max\"";
    }

    void shouldRefuseABadLadder()
    {
        QFETCH(QString, ladder);
        QFETCH(QString, expected);
        const LevelLadder l = LevelLadder::fromJson(json(ladder.toUtf8().constData()));
        QVERIFY(!l.isValid());
        QVERIFY2(l.errorString().startsWith(expected), qPrintable(l.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestLevelLadder)
#include "tst_levelladder.moc"
