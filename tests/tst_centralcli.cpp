#include "centralconnection.h"
#include "teststore.h"
#include "testsupport.h"

#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

/// coulisse-cli against the central store, as an admin scripts it: set-up, staff, scopes,
/// policy, demo data, and the refusals a non-admin meets.
class TestCentralCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    using Run = TestSupport::CliRun;

    Run cli(const QStringList &args, const QString &password = {}, const QByteArray &input = {},
            const QString &passFile = {})
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("PGPASSWORD"));
        env.insert(QStringLiteral("PGPASSFILE"),
                   passFile.isEmpty() ? m_dir.filePath(QStringLiteral("none")) : passFile);
        if (!password.isEmpty())
            env.insert(QStringLiteral("PGPASSWORD"), password);
        return TestSupport::runCli(args, env, input);
    }

    QString passwordFile(const QString &name, const QByteArray &password)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return {};
        file.write(password + "\n");
        return path;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void shouldSetUpAStoreAndManageStaff()
    {
        TestStore store(QStringLiteral("cli"));
        const QString url = store.conninfo();
        Run r =
            cli({QStringLiteral("central"), QStringLiteral("init"), QStringLiteral("--url"), url});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("Created the database")));
        QVERIFY(r.out.contains(QLatin1String("0001")));
        r = cli(
            {QStringLiteral("central"), QStringLiteral("migrate"), QStringLiteral("--url"), url});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("up to date")));
        QCOMPARE(store.exec(QStringLiteral("INSERT INTO coulisse.games (name, name_en) VALUES "
                                           "('原神', 'Genshin Impact'), ('王者荣耀', 'Honor of "
                                           "Kings')")),
                 QString());

        // The installer adds the first admin; the admin adds the rest.
        const QString token = store.database().section(QLatin1Char('_'), 2);
        const QString admin = token + QStringLiteral("_boss");
        const QString editor = token + QStringLiteral("_writer");
        r = cli({QStringLiteral("central"), QStringLiteral("staff"), QStringLiteral("add"), admin,
                 QStringLiteral("--role"), QStringLiteral("admin"),
                 QStringLiteral("--password-file"),
                 passwordFile(QStringLiteral("admin.pw"), "admin pass ü"), QStringLiteral("--url"),
                 url});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        const QString adminUrl = store.conninfo(admin);
        // The password is read from stdin when it is not a terminal.
        r = cli({QStringLiteral("central"), QStringLiteral("staff"), QStringLiteral("add"), editor,
                 QStringLiteral("--role"), QStringLiteral("editor"), QStringLiteral("--url"),
                 adminUrl},
                QStringLiteral("admin pass ü"), QByteArray("editor pass\n"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("central"), QStringLiteral("staff"), QStringLiteral("scope"),
                 editor, QStringLiteral("--games"), QStringLiteral("原神,Honor of Kings"),
                 QStringLiteral("--url"), adminUrl},
                QStringLiteral("admin pass ü"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("central"), QStringLiteral("staff"), QStringLiteral("list"),
                 QStringLiteral("--url"), adminUrl},
                QStringLiteral("admin pass ü"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(admin));
        const QString editorLine = r.out.section(editor, 1, 1).section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(editorLine.contains(QLatin1String("editor")) &&
                     editorLine.contains(QLatin1String(",")),
                 qPrintable(r.out));

        // The editor logs in with the password given on stdin, sees their games, and cannot
        // manage staff.
        const QString editorUrl = store.conninfo(editor);
        r = cli({QStringLiteral("central"), QStringLiteral("status"), QStringLiteral("--url"),
                 editorUrl},
                QStringLiteral("editor pass"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("(editor)")));
        QVERIFY(r.out.contains(QRegularExpression(QStringLiteral("games +2"))));
        // libpq's password file works as well (PGPASSFILE, mode 0600).
        const QString passFile = m_dir.filePath(QStringLiteral("pgpass"));
        {
            QFile file(passFile);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral("*:*:*:%1:editor pass\n").arg(editor).toUtf8());
            file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        }
        r = cli({QStringLiteral("central"), QStringLiteral("status"), QStringLiteral("--url"),
                 editorUrl},
                {}, {}, passFile);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("central"), QStringLiteral("staff"), QStringLiteral("add"),
                 token + QStringLiteral("_friend"), QStringLiteral("--role"),
                 QStringLiteral("admin"), QStringLiteral("--password-file"),
                 passwordFile(QStringLiteral("friend.pw"), "x"), QStringLiteral("--url"),
                 editorUrl},
                QStringLiteral("editor pass"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("42501")), qPrintable(r.err));
        r = cli({QStringLiteral("central"), QStringLiteral("policy"), QStringLiteral("set"),
                 QStringLiteral("games"), QStringLiteral("--review"), QStringLiteral("no"),
                 QStringLiteral("--url"), editorUrl},
                QStringLiteral("editor pass"));
        QCOMPARE(r.code, 1);

        // The admin changes the policy, the role, deactivates; nobody changes their own role.
        r = cli({QStringLiteral("central"), QStringLiteral("policy"), QStringLiteral("set"),
                 QStringLiteral("games"), QStringLiteral("--review"), QStringLiteral("no"),
                 QStringLiteral("--url"), adminUrl},
                QStringLiteral("admin pass ü"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("central"), QStringLiteral("policy"), QStringLiteral("list"),
                 QStringLiteral("--url"), adminUrl},
                QStringLiteral("admin pass ü"));
        QVERIFY(r.out.contains(
            QRegularExpression(QStringLiteral("supervisor +games +applies directly"))));
        QVERIFY(r.out.contains(
            QRegularExpression(QStringLiteral("editor +video_tags +a supervisor approves"))));
        // Per role: editors' video tagging may apply directly too.
        r = cli({QStringLiteral("central"), QStringLiteral("policy"), QStringLiteral("set"),
                 QStringLiteral("video_tags"), QStringLiteral("--role"), QStringLiteral("editor"),
                 QStringLiteral("--review"), QStringLiteral("no"), QStringLiteral("--url"),
                 adminUrl},
                QStringLiteral("admin pass ü"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("central"), QStringLiteral("policy"), QStringLiteral("list"),
                 QStringLiteral("--url"), adminUrl},
                QStringLiteral("admin pass ü"));
        QVERIFY(r.out.contains(
            QRegularExpression(QStringLiteral("editor +video_tags +applies directly"))));
        r = cli({QStringLiteral("central"), QStringLiteral("staff"), QStringLiteral("set-role"),
                 admin, QStringLiteral("--role"), QStringLiteral("supervisor"),
                 QStringLiteral("--url"), adminUrl},
                QStringLiteral("admin pass ü"));
        QCOMPARE(r.code, 1);
        r = cli({QStringLiteral("central"), QStringLiteral("staff"), QStringLiteral("set-role"),
                 editor, QStringLiteral("--role"), QStringLiteral("supervisor"),
                 QStringLiteral("--url"), adminUrl},
                QStringLiteral("admin pass ü"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("central"), QStringLiteral("staff"), QStringLiteral("deactivate"),
                 editor, QStringLiteral("--url"), adminUrl},
                QStringLiteral("admin pass ü"));
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("central"), QStringLiteral("status"), QStringLiteral("--url"),
                 editorUrl},
                QStringLiteral("editor pass"));
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("not permitted to log in")), qPrintable(r.err));
        store.exec(QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(editor));
        store.exec(QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(admin));
    }

    void shouldRefuseBadUsage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("bad role") << QStringList{QStringLiteral("central"), QStringLiteral("staff"),
                                                 QStringLiteral("add"),     QStringLiteral("x"),
                                                 QStringLiteral("--role"),  QStringLiteral("root")}
                                  << 2 << "--role";
        QTest::newRow("no name") << QStringList{QStringLiteral("central"), QStringLiteral("staff"),
                                                QStringLiteral("add"), QStringLiteral("--role"),
                                                QStringLiteral("pm")}
                                 << 2 << "NAME";
        QTest::newRow("malformed url")
            << QStringList{QStringLiteral("central"), QStringLiteral("status"),
                           QStringLiteral("--url"), QStringLiteral("host='unterminated")}
            << 1 << "not valid";
        QTest::newRow("no server")
            << QStringList{QStringLiteral("central"), QStringLiteral("status"),
                           QStringLiteral("--url"),
                           QStringLiteral("host=/nonexistent/socket/dir user=x")}
            << 1 << "Cannot connect";
        QTest::newRow("no store") << QStringList{QStringLiteral("central"),
                                                 QStringLiteral("status"), QStringLiteral("--url"),
                                                 QString()}
                                  << 1 << "central init";
        QTest::newRow("audit: unknown table")
            << QStringList{QStringLiteral("central"), QStringLiteral("audit"),
                           QStringLiteral("--table"), QStringLiteral("secrets")}
            << 2 << "Unknown table";
        QTest::newRow("audit: bad time")
            << QStringList{QStringLiteral("central"), QStringLiteral("audit"),
                           QStringLiteral("--since"), QStringLiteral("yesterday")}
            << 2 << "--since";
        QTest::newRow("audit: bad object")
            << QStringList{QStringLiteral("central"), QStringLiteral("audit"),
                           QStringLiteral("--object"), QStringLiteral("planet:3")}
            << 2 << "--object";
        QTest::newRow("private without dir")
            << QStringList{QStringLiteral("central"), QStringLiteral("private"),
                           QStringLiteral("start")}
            << 2 << "--dir";
    }

    void shouldRefuseBadUsage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        if (args.last().isEmpty()) // the fixture's own maintenance database: no store in it
            args.last() = QStringLiteral("host=%1 user=postgres dbname=postgres")
                              .arg(TestStore::serverDirectory());
        const Run r = cli(args);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    void shouldListAndExportTheAuditLog()
    {
        TestStore store(QStringLiteral("cliaudit"));
        QCOMPARE(store.create(), QString());
        QCOMPARE(store.exec(QStringLiteral(
                     "INSERT INTO coulisse.games (name, name_en) VALUES ('原神', 'Genshin')")),
                 QString());
        QCOMPARE(store.exec(QStringLiteral("UPDATE coulisse.games SET name_en = 'Genshin Impact'")),
                 QString());
        const QString id =
            TestSupport::scalar(store.installer(), QStringLiteral("SELECT id FROM coulisse.games"))
                .toString();
        const QString url = store.conninfo();
        const QString object = QStringLiteral("--object=game:") + id;
        Run r = cli({QStringLiteral("central"), QStringLiteral("audit"), QStringLiteral("--url"),
                     url, QStringLiteral("--table"), QStringLiteral("games")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("name_en: Genshin → Genshin Impact")),
                 qPrintable(r.out));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 2); // changed, added: newest first
        QVERIFY(r.out.indexOf(QLatin1String("Changed")) < r.out.indexOf(QLatin1String("Added")));
        r = cli({QStringLiteral("central"), QStringLiteral("audit"), QStringLiteral("--url"), url,
                 object, QStringLiteral("--limit"), QStringLiteral("1")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QCOMPARE(r.out.count(QLatin1Char('\n')), 1);
        const QString csv = m_dir.filePath(QStringLiteral("audit.csv"));
        r = cli({QStringLiteral("central"), QStringLiteral("audit"), QStringLiteral("--url"), url,
                 object, QStringLiteral("--csv"), csv});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBFid,at,actor,table,operation"));
        // The header, the game's two rows and the tag groups made for it.
        const int groups =
            TestSupport::scalar(store.installer(),
                                QStringLiteral("SELECT count(*) FROM coulisse.audit_log "
                                               "WHERE tbl = 'tag_groups'"))
                .toInt();
        QCOMPARE(bytes.count("\r\n"), 1 + 2 + groups);
        QVERIFY(bytes.contains(QStringLiteral("原神").toUtf8()));
        // Nothing matches: said so, exit 0.
        r = cli({QStringLiteral("central"), QStringLiteral("audit"), QStringLiteral("--url"), url,
                 QStringLiteral("--since"), QStringLiteral("2100-01-01")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("No change matches.")));
    }

    void shouldSeedTheDemoStoreWithStaff()
    {
        TestStore store(QStringLiteral("demo"));
        const Run r =
            cli({QStringLiteral("demo-data"), QStringLiteral("--central"), store.conninfo(),
                 QStringLiteral("--videos"), QStringLiteral("3000"), QStringLiteral("--quiet")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("demo_editor")));
        // The same rows as a demo cache of the same options: compare the counts.
        const QString cache = m_dir.filePath(QStringLiteral("demo.sqlite"));
        QCOMPARE(TestSupport::writeDemoCache(cache, 3000), QString());
        QSqlDatabase central = store.installer();
        {
            QSqlDatabase local =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("demo-cache"));
            local.setDatabaseName(cache);
            QVERIFY(local.open());
            for (const char *table :
                 {"games", "tag_groups", "tags", "game_tags", "users", "videos", "video_tags"}) {
                const QString count = QStringLiteral("SELECT count(*) FROM %1");
                QCOMPARE(TestSupport::scalar(
                             central, count.arg(QStringLiteral("coulisse.") + QLatin1String(table)))
                             .toLongLong(),
                         TestSupport::scalar(local, count.arg(QLatin1String(table))).toLongLong());
            }
            QCOMPARE(TestSupport::scalar(central,
                                         QStringLiteral("SELECT string_agg(title, '|' ORDER BY id) "
                                                        "FROM coulisse.videos WHERE id <= 50"))
                         .toString(),
                     TestSupport::scalar(
                         local, QStringLiteral("SELECT group_concat(title, '|') FROM (SELECT "
                                               "title FROM videos WHERE id <= 50 ORDER BY id)"))
                         .toString());
            local.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("demo-cache"));
        // Every demo account logs in with the README's password.
        for (const auto &[name, password] :
             {std::pair{"demo_editor", "coulisse-editor"},
              std::pair{"demo_supervisor", "coulisse-supervisor"},
              std::pair{"demo_pm", "coulisse-pm"}, std::pair{"demo_admin", "coulisse-admin"}}) {
            const Run status = cli({QStringLiteral("central"), QStringLiteral("status"),
                                    QStringLiteral("--url"), store.conninfo(QLatin1String(name))},
                                   QString::fromLatin1(password));
            QVERIFY2(status.code == 0, qPrintable(status.err));
        }
        // Seeding again is refused: the store has a catalogue.
        const Run again =
            cli({QStringLiteral("demo-data"), QStringLiteral("--central"), store.conninfo(),
                 QStringLiteral("--videos"), QStringLiteral("10"), QStringLiteral("--quiet")});
        QCOMPARE(again.code, 1);
        QVERIFY2(again.err.contains(QLatin1String("already has a catalogue")),
                 qPrintable(again.err));
    }
};

QTEST_GUILESS_MAIN(TestCentralCli)
#include "tst_centralcli.moc"
