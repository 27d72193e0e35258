#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

/// coulisse-cli as an admin scripts it: exit codes, messages, files left as they were.
class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    using Run = TestSupport::CliRun;
    static Run cli(const QStringList &args) { return TestSupport::runCli(args); }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void shouldWriteCheckAndDescribeADemoCache()
    {
        const QString file = m_dir.filePath(QStringLiteral("cli.sqlite"));
        Run r = cli({QStringLiteral("demo-data"), QStringLiteral("--cache"), file,
                     QStringLiteral("--videos"), QStringLiteral("500"), QStringLiteral("--quiet")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("500 videos")));
        r = cli(
            {QStringLiteral("cache"), QStringLiteral("check"), QStringLiteral("--cache"), file});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("ok")));
        r = cli({QStringLiteral("cache"), QStringLiteral("info"), QStringLiteral("--cache"), file});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("videos       500")));
        // Without --replace an existing catalogue is kept.
        const QByteArray before = TestSupport::fileHash(file);
        r = cli({QStringLiteral("demo-data"), QStringLiteral("--cache"), file,
                 QStringLiteral("--videos"), QStringLiteral("10"), QStringLiteral("--quiet")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("--replace")));
        QCOMPARE(TestSupport::fileHash(file), before);
    }

    void shouldExplainUsageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no command") << QStringList() << 2 << u"Usage"_qs;
        QTest::newRow("unknown command")
            << QStringList{u"frobnicate"_qs} << 2 << u"Unknown command"_qs;
        QTest::newRow("bad number")
            << QStringList{u"demo-data"_qs, u"--videos"_qs, u"many"_qs} << 2 << u"--videos"_qs;
        QTest::newRow("unknown option")
            << QStringList{u"cache"_qs, u"check"_qs, u"--bogus"_qs} << 2 << u"bogus"_qs;
        QTest::newRow("help") << QStringList{u"demo-data"_qs, u"--help"_qs} << 0 << u"--seed"_qs;
    }
    void shouldExplainUsageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const Run r = cli(args);
        QCOMPARE(r.code, code);
        QVERIFY2((r.out + r.err).contains(message), qPrintable(r.out + r.err));
    }

    void shouldRefuseACorruptCacheWithAClearMessage()
    {
        const QString file = m_dir.filePath(QStringLiteral("corrupt.sqlite"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "this is not a database at all, but it is long enough to have a header.............."
            "..........................................");
        f.close();
        const QByteArray before = TestSupport::fileHash(file);
        const Run r = cli(
            {QStringLiteral("cache"), QStringLiteral("check"), QStringLiteral("--cache"), file});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("not an SQLite database")), qPrintable(r.err));
        QCOMPARE(TestSupport::fileHash(file), before);
    }

    void shouldSpeakChinese()
    {
        const Run r =
            cli({QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("help")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QStringLiteral("用法")), qPrintable(r.out));
    }

    void shouldQueueOfflineTagEdits()
    {
        const QString file = m_dir.filePath(QStringLiteral("tagging.sqlite"));
        QCOMPARE(TestSupport::writeDemoCache(file, 500), QString());
        const QStringList base{QStringLiteral("--cache"), file, QStringLiteral("--video"),
                               QStringLiteral("1")};
        Run r = cli(QStringList{QStringLiteral("tag"), QStringLiteral("add")} + base +
                    QStringList{QStringLiteral("--tag"), QStringLiteral("教程,搞笑")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("for the next sync")));
        // The same again changes nothing and queues nothing.
        r = cli(QStringList{QStringLiteral("tag"), QStringLiteral("add")} + base +
                QStringList{QStringLiteral("--tag"), QStringLiteral("教程"),
                            QStringLiteral("--tag"), QStringLiteral("搞笑")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("Nothing to change")));
        r = cli(QStringList{QStringLiteral("tag"), QStringLiteral("remove")} + base +
                QStringList{QStringLiteral("--tag"), QStringLiteral("教程")});
        QCOMPARE(r.code, 0);
        r = cli(QStringList{QStringLiteral("tag"), QStringLiteral("add")} + base +
                QStringList{QStringLiteral("--tag"), QStringLiteral("no such tag")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("no such tag")));
        r = cli({QStringLiteral("tag"), QStringLiteral("add"), QStringLiteral("--cache"), file,
                 QStringLiteral("--tag"), QStringLiteral("教程")});
        QCOMPARE(r.code, 2);
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tagging"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            QCOMPARE(TestSupport::scalar(db, QStringLiteral("SELECT count(*) FROM outbox")).toInt(),
                     2);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tagging"));
    }

    void shouldTagSeveralVideosSuggestAndFind()
    {
        const QString file = m_dir.filePath(QStringLiteral("bulk.sqlite"));
        QCOMPARE(TestSupport::writeDemoCache(file, 800), QString());
        const QStringList cache{QStringLiteral("--cache"), file};
        // Several videos, one step.
        Run r = cli(QStringList{QStringLiteral("tag"), QStringLiteral("add")} + cache +
                    QStringList{QStringLiteral("--video"), QStringLiteral("1,2"),
                                QStringLiteral("--video"), QStringLiteral("3"),
                                QStringLiteral("--tag"), QStringLiteral("教程")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        // The three carry it now: a tag search finds them.
        r = cli(QStringList{QStringLiteral("video"), QStringLiteral("find")} + cache +
                QStringList{QStringLiteral("--tags"), QStringLiteral("教程"),
                            QStringLiteral("--limit"), QStringLiteral("100000")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QStringList ids;
        for (const QString &line : r.out.split(QLatin1Char('\n')).mid(1))
            ids.append(line.section(QLatin1Char('\t'), 0, 0));
        for (const char *id : {"1", "2", "3"})
            QVERIFY(ids.contains(QString::fromLatin1(id)));
        const int all = r.out.section(QLatin1Char(' '), 0, 0).toInt();
        r = cli(QStringList{QStringLiteral("video"), QStringLiteral("find")} + cache +
                QStringList{QStringLiteral("--tags"), QStringLiteral("教程 -搞笑"),
                            QStringLiteral("--limit"), QStringLiteral("0")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.section(QLatin1Char(' '), 0, 0).toInt() <= all);
        // A mistake names its column and changes nothing.
        r = cli(QStringList{QStringLiteral("video"), QStringLiteral("find")} + cache +
                QStringList{QStringLiteral("--tags"), QStringLiteral("教程 AND (搞笑")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("column 8")), qPrintable(r.err));
        // Suggestions: numbered, with their reasons.
        r = cli(QStringList{QStringLiteral("tag"), QStringLiteral("suggest")} + cache +
                QStringList{QStringLiteral("--video"), QStringLiteral("700"),
                            QStringLiteral("--limit"), QStringLiteral("3")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.trimmed().split(QLatin1Char('\n')).size(), 3);
        QVERIFY(r.out.startsWith(QLatin1String("1. ")));
        // Aliases set from the CLI find the tag in a tag search.
        r = cli(QStringList{QStringLiteral("video"), QStringLiteral("find")} + cache +
                QStringList{QStringLiteral("--tags"), QStringLiteral("howto")});
        QCOMPARE(r.code, 1); // no tag is called so yet
        qint64 tutorial = 0;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("aliases"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            tutorial = TestSupport::scalar(db, QStringLiteral("SELECT t.id FROM tags t JOIN "
                                                              "tag_groups g ON g.id = t.group_id "
                                                              "WHERE g.kind = 'general' AND "
                                                              "t.name = '教程'"))
                           .toLongLong();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("aliases"));
        QVERIFY(tutorial > 0);
        r = cli(QStringList{QStringLiteral("tag"), QStringLiteral("edit")} + cache +
                QStringList{QStringLiteral("--tag"), QString::number(tutorial),
                            QStringLiteral("--aliases"), QStringLiteral("howto, guide,howto")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli(QStringList{QStringLiteral("video"), QStringLiteral("find")} + cache +
                QStringList{QStringLiteral("--tags"), QStringLiteral("HowTo"),
                            QStringLiteral("--limit"), QStringLiteral("0")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.section(QLatin1Char(' '), 0, 0).toInt(), all);
        // All or nothing: an unknown video refuses the whole step.
        r = cli(QStringList{QStringLiteral("tag"), QStringLiteral("add")} + cache +
                QStringList{QStringLiteral("--video"), QStringLiteral("4,999999"),
                            QStringLiteral("--tag"), QStringLiteral("搞笑")});
        QCOMPARE(r.code, 1);
    }

    void shouldQueueNewAndMergedTags()
    {
        const QString file = m_dir.filePath(QStringLiteral("library.sqlite"));
        QCOMPARE(TestSupport::writeDemoCache(file, 200), QString());
        qint64 general = 0;
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("library"));
            db.setDatabaseName(file);
            QVERIFY(db.open());
            general = TestSupport::scalar(
                          db, QStringLiteral("SELECT id FROM tag_groups WHERE kind = 'general'"))
                          .toLongLong();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("library"));
        const QStringList cache{QStringLiteral("--cache"), file};
        const QStringList create = QStringList{QStringLiteral("tag"), QStringLiteral("create")} +
                                   cache +
                                   QStringList{QStringLiteral("--group"), QString::number(general),
                                               QStringLiteral("--name"), QStringLiteral("全新")};
        Run r = cli(create);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli(create); // the same name is waiting already
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QStringLiteral("全新")));
        r = cli(QStringList{QStringLiteral("tag"), QStringLiteral("merge")} + cache +
                QStringList{QStringLiteral("--tag"), QStringLiteral("94"), QStringLiteral("--into"),
                            QStringLiteral("94")});
        QCOMPARE(r.code, 1);
        r = cli(QStringList{QStringLiteral("tag"), QStringLiteral("merge")} + cache +
                QStringList{QStringLiteral("--tag"), QStringLiteral("94"), QStringLiteral("--into"),
                            QStringLiteral("95")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("will carry tag 95")));
        // Games: a new one (a name is needed, once), and game tags only from the dimensions.
        const QStringList game = QStringList{QStringLiteral("game"), QStringLiteral("create")} +
                                 cache +
                                 QStringList{QStringLiteral("--name"), QStringLiteral("新游戏"),
                                             QStringLiteral("--released"), QStringLiteral("2024")};
        r = cli(game);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(cli(game).code, 1);
        r = cli(QStringList{QStringLiteral("game"), QStringLiteral("tag")} + cache +
                QStringList{QStringLiteral("--game"), QStringLiteral("1"), QStringLiteral("--add"),
                            QStringLiteral("94")});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("not a game tag")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
