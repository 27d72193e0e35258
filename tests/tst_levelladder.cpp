#include "laddermodel.h"
#include "levelladder.h"
#include "levelmovesmodel.h"
#include "ruletreemodel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
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
    void shouldShowProgressAsAWholePercentage_data()
    {
        QTest::addColumn<double>("progress");
        QTest::addColumn<int>("percent");
        QTest::newRow("nothing") << 0.0 << 0;
        QTest::newRow("half") << 0.5 << 50;
        QTest::newRow("29 of 100 (28.999… times 100)") << 0.29 << 29;
        QTest::newRow("57 of 100") << 0.57 << 57;
        QTest::newRow("just under one") << 0.9999999 << 99;
        QTest::newRow("one vote short of 1000") << 999.0 / 1000 << 99;
        QTest::newRow("reached") << 1.0 << 100;
        QTest::newRow("below zero") << -0.25 << 0;
    }

    void shouldShowProgressAsAWholePercentage()
    {
        QFETCH(double, progress);
        QFETCH(int, percent);
        QCOMPARE(LevelLadder::percent(progress), percent);
    }

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
            << "levels[0].rule: the minimum is a number from 0 to 10^15";
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

    // The editor's models ------------------------------------------------------------------

    void shouldEditARuleAsATree_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("expected");
        const QString lone = QStringLiteral(R"({"metric": "videos", "window": 0, "min": 1})");
        const QString pair = QStringLiteral(
            R"({"all": [{"metric": "videos", "window": 0, "min": 1}, {"any": [{"metric": "plays", "window": 30, "min": 5}]}]})");
        QTest::newRow("a criterion beside a lone one makes an all-of group")
            << lone << "add 0"
            << R"({"all":[{"metric":"videos","min":1,"window":0},{"metric":"plays","min":1,"window":30}]})";
        QTest::newRow("a group beside a lone one")
            << lone << "group 0"
            << R"({"all":[{"metric":"videos","min":1,"window":0},{"any":[{"metric":"plays","min":1,"window":30}]}]})";
        QTest::newRow("removing a group's only part removes the group")
            << pair << "remove 0/1/0"
            << R"({"all":[{"metric":"videos","min":1,"window":0}]})";
        QTest::newRow("the rule's last criterion stays")
            << lone << "remove 0"
            << R"({"metric":"videos","min":1,"window":0})";
        QTest::newRow("any becomes all")
            << pair << "kind 0/1 all"
            << R"({"all":[{"metric":"videos","min":1,"window":0},{"all":[{"metric":"plays","min":5,"window":30}]}]})";
        QTest::newRow("a metric, a window, a minimum")
            << lone << "set 0 featured_rate 90 0.25"
            << R"({"metric":"featured_rate","min":0.25,"window":90})";
        QTest::newRow("a rate above 100 % is refused")
            << lone << "set 0 featured_rate 90 2"
            << R"({"metric":"featured_rate","min":1,"window":90})";
        QTest::newRow("an unknown window is refused")
            << lone << "set 0 videos 7 3"
            << R"({"metric":"videos","min":3,"window":0})";
    }

    void shouldEditARuleAsATree()
    {
        QFETCH(QString, start);
        QFETCH(QString, edit);
        QFETCH(QString, expected);
        RuleTreeModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRule(json(start.toUtf8().constData()));
        const QStringList words = edit.split(QLatin1Char(' '));
        QModelIndex at;
        for (const QString &row : words.value(1).split(QLatin1Char('/')))
            at = model.index(row.toInt(), 0, at);
        QVERIFY(at.isValid());
        if (words[0] == QLatin1String("add")) {
            QVERIFY(model.addCriterion(at).isValid());
        } else if (words[0] == QLatin1String("group")) {
            QVERIFY(model.addGroup(at).isValid());
        } else if (words[0] == QLatin1String("remove")) {
            model.remove(at);
        } else if (words[0] == QLatin1String("kind")) {
            QVERIFY(model.setData(at, words[2]));
        } else {
            model.setData(at.siblingAtColumn(RuleTreeModel::ConditionColumn), words[2]);
            model.setData(at.siblingAtColumn(RuleTreeModel::WindowColumn), words[3].toInt());
            model.setData(at.siblingAtColumn(RuleTreeModel::MinimumColumn), words[4].toDouble());
        }
        QCOMPARE(QString::fromUtf8(QJsonDocument(model.rule()).toJson(QJsonDocument::Compact)),
                 expected);
    }

    void shouldEditTheLevels()
    {
        LadderModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy edited(&model, &LadderModel::edited);
        model.setLadder(ladder());
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(model.setData(model.index(0, LadderModel::ResourcesColumn),
                              QStringLiteral("徽章；流量包; 客服")));
        QCOMPARE(model.ladder().levels().at(0).resources,
                 (QStringList{QStringLiteral("徽章"), QStringLiteral("流量包"),
                              QStringLiteral("客服")}));
        QVERIFY(!model.setData(model.index(0, LadderModel::LevelColumn), 7));
        model.addLevel();
        QCOMPARE(model.ladder().levels().size(), 4);
        QVERIFY(model.ladder().isValid());
        model.removeTopLevel();
        QCOMPARE(model.rowCount(), 3);
        model.setReadOnly(true);
        QVERIFY(!model.setData(model.index(1, LadderModel::NameEnColumn), QStringLiteral("x")));
        QCOMPARE(edited.count(), 3);
        QCOMPARE(model.ladder().toJson().value(QLatin1String("levels")).toArray().size(), 3);
    }

    void shouldListTheMoves()
    {
        LevelMovesModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setMoves(
            {{7, QStringLiteral("阿七"), 1, 3, 0.5}, {9, QStringLiteral("Nine"), 2, 1, 0}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(
            model.data(model.index(0, LevelMovesModel::ChangeColumn), LevelMovesModel::SortRole)
                .toInt(),
            2);
        QCOMPARE(
            model.data(model.index(1, LevelMovesModel::ChangeColumn), LevelMovesModel::SortRole)
                .toInt(),
            -1);
        QCOMPARE(model.data(model.index(1, LevelMovesModel::NowColumn)).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestLevelLadder)
#include "tst_levelladder.moc"
