#include "cachedatabase.h"
#include "tagexpression.h"
#include "testsupport.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

/// Tag expressions: syntax, precedence, errors with their column, names resolved to tags and
/// the SQL condition finding exactly the videos the expression describes.
class TestTagExpression : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CacheDatabase m_cache;

    qint64 count(const QString &condition)
    {
        return TestSupport::scalar(
                   m_cache.database(),
                   QStringLiteral("SELECT count(*) FROM videos v WHERE %1").arg(condition))
            .toLongLong();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("expr.sqlite"));
        QCOMPARE(TestSupport::writeDemoCache(path, 5000), QString());
        QVERIFY2(m_cache.open(path), qPrintable(m_cache.errorString()));
    }

    void shouldParse_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normal");
        QTest::newRow("one name") << QStringLiteral("教程") << QStringLiteral("教程");
        QTest::newRow("empty") << QStringLiteral("   ") << QString();
        QTest::newRow("keywords") << QStringLiteral("英雄联盟 AND 教程 AND NOT 搞笑")
                                  << QStringLiteral("((英雄联盟 AND 教程) AND NOT 搞笑)");
        QTest::newRow("lower-case keywords and implicit AND")
            << QStringLiteral("a b or not c") << QStringLiteral("((a AND b) OR NOT c)");
        QTest::newRow("signs") << QStringLiteral("a && b || !c | -d & e")
                               << QStringLiteral("(((a AND b) OR NOT c) OR (NOT d AND e))");
        QTest::newRow("Chinese operators") << QStringLiteral("原神 且 攻略 或 非 搞笑")
                                           << QStringLiteral("((原神 AND 攻略) OR NOT 搞笑)");
        QTest::newRow("parentheses")
            << QStringLiteral("(a OR b) c") << QStringLiteral("((a OR b) AND c)");
        QTest::newRow("full-width parentheses")
            << QStringLiteral("（a 或 b）c") << QStringLiteral("((a OR b) AND c)");
        QTest::newRow("quotes") << QStringLiteral("\"Genshin Impact\" -funny")
                                << QStringLiteral("(\"Genshin Impact\" AND NOT funny)");
        QTest::newRow("hyphen inside a name")
            << QStringLiteral("Counter-Strike") << QStringLiteral("Counter-Strike");
        QTest::newRow("a keyword inside a name")
            << QStringLiteral("ANDROID NOTES") << QStringLiteral("(ANDROID AND NOTES)");
    }

    void shouldParse()
    {
        QFETCH(QString, input);
        QFETCH(QString, normal);
        TagExpression e;
        TagExpression::Error error;
        QVERIFY2(e.parse(input, &error), qPrintable(error.message));
        QCOMPARE(e.toString(), normal);
        QCOMPARE(e.isEmpty(), normal.isEmpty());
    }

    void shouldReportWhereItIsWrong_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("words");
        QTest::newRow("operator at the start")
            << QStringLiteral("AND 教程") << 1 << QStringLiteral("missing");
        QTest::newRow("dangling operator")
            << QStringLiteral("教程 AND") << 7 << QStringLiteral("end");
        QTest::newRow("two operators")
            << QStringLiteral("a OR AND b") << 6 << QStringLiteral("before");
        QTest::newRow("unclosed parenthesis")
            << QStringLiteral("(a OR b") << 8 << QStringLiteral("column 1");
        QTest::newRow("stray parenthesis")
            << QStringLiteral("a) b") << 2 << QStringLiteral("closes nothing");
        QTest::newRow("unclosed quote")
            << QStringLiteral("a \"b c") << 3 << QStringLiteral("not closed");
        QTest::newRow("empty parentheses")
            << QStringLiteral("a ()") << 4 << QStringLiteral("missing");
    }

    void shouldReportWhereItIsWrong()
    {
        QFETCH(QString, input);
        QFETCH(int, column);
        QFETCH(QString, words);
        TagExpression e;
        TagExpression::Error error;
        QVERIFY(!e.parse(input, &error));
        QCOMPARE(error.column, column);
        QVERIFY2(error.message.contains(words), qPrintable(error.message));
        QVERIFY(e.isEmpty());
    }

    void shouldRefuseUnknownNames()
    {
        TagExpression e;
        TagExpression::Error error;
        QVERIFY(e.parse(QStringLiteral("教程 AND 没有这个标签"), &error));
        QVERIFY(!e.resolve(m_cache.database(), &error));
        QCOMPARE(error.column, 8);
        QVERIFY(error.message.contains(QStringLiteral("没有这个标签")));
    }

    void shouldFindTheVideosItDescribes_data()
    {
        // Each row: an expression over the two most used general tags a, b and a game's
        // default tag g, and the same set written directly in SQL.
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("direct");
        const QString has = QStringLiteral("EXISTS (SELECT 1 FROM video_tags t WHERE "
                                           "t.video_id = v.id AND t.tag_id = %1)");
        QTest::newRow("a") << QStringLiteral("{a}") << has.arg(QStringLiteral("{A}"));
        QTest::newRow("a AND b") << QStringLiteral("{a} {b}")
                                 << has.arg(QStringLiteral("{A}")) + QStringLiteral(" AND ") +
                                        has.arg(QStringLiteral("{B}"));
        QTest::newRow("a OR b") << QStringLiteral("{a} OR {b}")
                                << has.arg(QStringLiteral("{A}")) + QStringLiteral(" OR ") +
                                       has.arg(QStringLiteral("{B}"));
        QTest::newRow("g AND NOT a")
            << QStringLiteral("{g} -{a}")
            << has.arg(QStringLiteral("{G}")) + QStringLiteral(" AND NOT ") +
                   has.arg(QStringLiteral("{A}"));
        QTest::newRow("NOT a") << QStringLiteral("NOT {a}")
                               << QStringLiteral("NOT ") + has.arg(QStringLiteral("{A}"));
        QTest::newRow("NOT a AND NOT b")
            << QStringLiteral("-{a} -{b}")
            << QStringLiteral("NOT ") + has.arg(QStringLiteral("{A}")) +
                   QStringLiteral(" AND NOT ") + has.arg(QStringLiteral("{B}"));
        QTest::newRow("a OR NOT g") << QStringLiteral("{a} OR NOT {g}")
                                    << has.arg(QStringLiteral("{A}")) + QStringLiteral(" OR NOT ") +
                                           has.arg(QStringLiteral("{G}"));
        QTest::newRow("NOT a OR NOT b")
            << QStringLiteral("!{a} | !{b}")
            << QStringLiteral("NOT ") + has.arg(QStringLiteral("{A}")) +
                   QStringLiteral(" OR NOT ") + has.arg(QStringLiteral("{B}"));
        QTest::newRow("(a OR b) AND NOT (g AND a)")
            << QStringLiteral("({a} OR {b}) AND NOT ({g} AND {a})")
            << QStringLiteral("(") + has.arg(QStringLiteral("{A}")) + QStringLiteral(" OR ") +
                   has.arg(QStringLiteral("{B}")) + QStringLiteral(") AND NOT (") +
                   has.arg(QStringLiteral("{G}")) + QStringLiteral(" AND ") +
                   has.arg(QStringLiteral("{A}")) + QStringLiteral(")");
        QTest::newRow("NOT (a OR b)")
            << QStringLiteral("NOT ({a} OR {b})")
            << QStringLiteral("NOT (") + has.arg(QStringLiteral("{A}")) + QStringLiteral(" OR ") +
                   has.arg(QStringLiteral("{B}")) + QStringLiteral(")");
    }

    void shouldFindTheVideosItDescribes()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, direct);
        QSqlQuery q(m_cache.database());
        QVERIFY(q.exec(QStringLiteral("SELECT t.id, t.name FROM tags t JOIN tag_groups g ON "
                                      "g.id = t.group_id WHERE g.kind = 'general' ORDER BY "
                                      "t.usage_count DESC LIMIT 2")));
        QVERIFY(q.next());
        const QString a = q.value(1).toString();
        const QString aId = q.value(0).toString();
        QVERIFY(q.next());
        const QString b = q.value(1).toString();
        const QString bId = q.value(0).toString();
        QVERIFY(q.exec(QStringLiteral("SELECT t.id, t.name, t.name_en FROM tags t JOIN "
                                      "tag_groups g ON g.id = t.group_id WHERE g.code = "
                                      "'default' ORDER BY t.usage_count DESC LIMIT 1")));
        QVERIFY(q.next());
        const QString gId = q.value(0).toString();
        // The game's tag by its English name, in another case: the same tag.
        const QString g = q.value(2).toString().isEmpty() ? q.value(1).toString()
                                                          : q.value(2).toString().toUpper();
        pattern.replace(QLatin1String("{a}"), a)
            .replace(QLatin1String("{b}"), b)
            .replace(QLatin1String("{g}"),
                     g.contains(QLatin1Char(' ')) ? QLatin1Char('"') + g + QLatin1Char('"') : g);
        direct.replace(QLatin1String("{A}"), aId)
            .replace(QLatin1String("{B}"), bId)
            .replace(QLatin1String("{G}"), gId);

        TagExpression e;
        TagExpression::Error error;
        QVERIFY2(e.parse(pattern, &error), qPrintable(error.message));
        QVERIFY2(e.resolve(m_cache.database(), &error), qPrintable(error.message));
        const qint64 expected = count(direct);
        QVERIFY(expected > 0);
        QCOMPARE(count(e.sqlCondition(QStringLiteral("v.id"))), expected);
        QCOMPARE(TestSupport::scalar(m_cache.database(), e.sqlCount()).toLongLong(), expected);
    }
};

QTEST_GUILESS_MAIN(TestTagExpression)
#include "tst_tagexpression.moc"
