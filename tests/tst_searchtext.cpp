#include "searchtext.h"

#include <QTest>

/// Full-text search normalisation: what goes into the index and what a query becomes.
class TestSearchText : public QObject
{
    Q_OBJECT

private slots:
    void shouldIndexCjkRunsAsBigrams_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("body");
        QTest::newRow("chinese run") << u"英雄联盟"_qs << u"英雄 雄联 联盟 盟"_qs;
        QTest::newRow("single character") << u"李"_qs << u"李"_qs;
        QTest::newRow("mixed") << u"LOL亚索教程"_qs << u"LOL 亚索 索教 教程 程"_qs;
        QTest::newRow("latin untouched") << u"League of Legends"_qs << u"League of Legends"_qs;
        QTest::newRow("punctuation splits runs")
            << u"【教程】王者：李白"_qs << u"教程 程 王者 者 李白 白"_qs;
        QTest::newRow("japanese kana") << u"ポケモン"_qs << u"ポケ ケモ モン ン"_qs;
        QTest::newRow("digits stay with latin") << u"第3期"_qs << u"第 3 期"_qs;
        QTest::newRow("empty") << QString() << QString();
    }
    void shouldIndexCjkRunsAsBigrams()
    {
        QFETCH(QString, text);
        QFETCH(QString, body);
        QCOMPARE(SearchText::indexBody(text), body);
    }

    void shouldBuildMatchExpressions_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expression");
        QTest::newRow("two characters, one token") << u"教程"_qs << u"\"教程\""_qs;
        QTest::newRow("longer run, phrase of bigrams")
            << u"英雄联盟"_qs << u"\"英雄 雄联 联盟\""_qs;
        QTest::newRow("one character is a prefix") << u"盟"_qs << u"\"盟\"*"_qs;
        QTest::newRow("latin prefix") << u"leag"_qs << u"\"leag\"*"_qs;
        QTest::newRow("two terms, AND") << u"英雄联盟 亚索"_qs << u"\"英雄 雄联 联盟\" \"亚索\""_qs;
        QTest::newRow("only last latin term is a prefix")
            << u"faker top"_qs << u"\"faker\" \"top\"*"_qs;
        QTest::newRow("quotes cannot break out") << u"a\"b OR c"_qs << u"\"a b\" \"OR\" \"c\"*"_qs;
        QTest::newRow("operators are words") << u"NOT"_qs << u"\"NOT\"*"_qs;
        QTest::newRow("ideographic space splits")
            << u"王者\u3000李白"_qs << u"\"王者\" \"李白\""_qs;
        QTest::newRow("punctuation only") << u"*** ()"_qs << QString();
        QTest::newRow("blank") << u"   "_qs << QString();
        QTest::newRow("latin then chinese") << u"LOL教程"_qs << u"\"LOL 教程\""_qs;
        QTest::newRow("chinese then latin keeps the last character")
            << u"教程abc"_qs << u"\"教程 程 abc\"*"_qs;
        QTest::newRow("latin then one character") << u"LOL教"_qs << u"\"LOL 教\"*"_qs;
        QTest::newRow("run across punctuation") << u"王者：李"_qs << u"\"王者 者 李\"*"_qs;
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
