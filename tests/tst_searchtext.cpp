#include "searchtext.h"

#include <QTest>

/// Full-text search normalisation: what goes into the index and what a query becomes.
class TestSearchText : public QObject
{
    Q_OBJECT

private slots:
    void shouldSpaceOutCjkInIndexBodies_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("body");
        QTest::newRow("pure chinese") << u"英雄联盟"_qs << u"英 雄 联 盟"_qs;
        QTest::newRow("mixed") << u"LOL亚索教程"_qs << u"LOL 亚 索 教 程"_qs;
        QTest::newRow("latin untouched") << u"League of Legends"_qs << u"League of Legends"_qs;
        QTest::newRow("punctuation kept")
            << u"【教程】王者荣耀：李白"_qs << u"【 教 程 】 王 者 荣 耀 ： 李 白"_qs;
        QTest::newRow("japanese kana") << u"ポケモン"_qs << u"ポ ケ モ ン"_qs;
        QTest::newRow("empty") << QString() << QString();
    }
    void shouldSpaceOutCjkInIndexBodies()
    {
        QFETCH(QString, text);
        QFETCH(QString, body);
        QCOMPARE(SearchText::indexBody(text), body);
    }

    void shouldBuildMatchExpressions_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expression");
        QTest::newRow("chinese word is a phrase") << u"教程"_qs << u"\"教 程\""_qs;
        QTest::newRow("latin prefix") << u"leag"_qs << u"\"leag\"*"_qs;
        QTest::newRow("two terms, AND") << u"英雄联盟 亚索"_qs << u"\"英 雄 联 盟\" \"亚 索\""_qs;
        QTest::newRow("only last latin term is a prefix")
            << u"faker top"_qs << u"\"faker\" \"top\"*"_qs;
        QTest::newRow("quotes cannot break out") << u"a\"b OR c"_qs << u"\"a b\" \"OR\" \"c\"*"_qs;
        QTest::newRow("operators are words") << u"NOT"_qs << u"\"NOT\"*"_qs;
        QTest::newRow("ideographic space splits")
            << u"王者\u3000李白"_qs << u"\"王 者\" \"李 白\""_qs;
        QTest::newRow("punctuation only") << u"*** ()"_qs << QString();
        QTest::newRow("blank") << u"   "_qs << QString();
        QTest::newRow("mixed term") << u"LOL教程"_qs << u"\"LOL 教 程\""_qs;
    }
    void shouldBuildMatchExpressions()
    {
        QFETCH(QString, input);
        QFETCH(QString, expression);
        QCOMPARE(SearchText::matchExpression(input), expression);
    }
};

QTEST_GUILESS_MAIN(TestSearchText)
#include "tst_searchtext.moc"
