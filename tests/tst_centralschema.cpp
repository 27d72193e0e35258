#include "centralconnection.h"
#include "centralschema.h"
#include "centralstaff.h"
#include "teststore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

/// Migrations of the central store: applied on an empty database, a no-op when run again,
/// refused on a newer schema and for anyone but the installer; libpq connection strings.
class TestCentralSchema : public QObject
{
    Q_OBJECT

private:
    /// Every object of the schema with its definition: equal fingerprints, equal schemas.
    static QString fingerprint(const QSqlDatabase &db)
    {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral(
                "SELECT string_agg(x, E'\\n' ORDER BY x) FROM ("
                " SELECT 'rel ' || c.relname || ' ' || c.relkind::text || ' ' || "
                "c.relrowsecurity::text "
                "   || ' ' || coalesce(c.relacl::text, '') AS x"
                " FROM pg_catalog.pg_class c WHERE c.relnamespace = 'coulisse'::regnamespace"
                " UNION ALL SELECT 'fn ' || p.oid::regprocedure::text || ' ' || md5(p.prosrc)"
                "   || ' ' || coalesce(p.proacl::text, '')"
                " FROM pg_catalog.pg_proc p WHERE p.pronamespace = 'coulisse'::regnamespace"
                " UNION ALL SELECT 'policy ' || tablename || ' ' || policyname"
                " FROM pg_catalog.pg_policies WHERE schemaname = 'coulisse'"
                " UNION ALL SELECT 'trigger ' || t.tgname FROM pg_catalog.pg_trigger t"
                "   JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid"
                "   WHERE c.relnamespace = 'coulisse'::regnamespace"
                " UNION ALL SELECT 'rows ' || count(*) FROM coulisse.approval_policy"
                " UNION ALL SELECT 'migrations ' || count(*) FROM coulisse.schema_migrations"
                ") s")) ||
            !q.next())
            return q.lastError().text();
        return q.value(0).toString();
    }

private slots:
    void shouldMigrateAnEmptyDatabase()
    {
        TestStore store(QStringLiteral("empty"));
        QCOMPARE(store.create(false), QString());
        QString error;
        QCOMPARE(CentralSchema::version(store.installer(), &error), 0);
        const CentralSchema::Result result = CentralSchema::migrate(store.installer());
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.fromVersion, 0);
        QCOMPARE(result.toVersion, CentralSchema::latestVersion());
        QCOMPARE(result.applied.size(), CentralSchema::migrations().size());
        QCOMPARE(CentralSchema::version(store.installer(), &error), CentralSchema::latestVersion());
    }

    void shouldDoNothingWhenRunAgain()
    {
        TestStore store(QStringLiteral("again"));
        QCOMPARE(store.create(), QString());
        const QString before = fingerprint(store.installer());
        QVERIFY(before.contains(QLatin1String("rel audit_log")));
        const CentralSchema::Result result = CentralSchema::migrate(store.installer());
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(result.applied.isEmpty());
        QCOMPARE(fingerprint(store.installer()), before);
    }

    void shouldRefuseANewerSchema()
    {
        TestStore store(QStringLiteral("newer"));
        QCOMPARE(store.create(), QString());
        const int newer = CentralSchema::latestVersion() + 1;
        QCOMPARE(store.exec(QStringLiteral("INSERT INTO coulisse.schema_migrations (version, name) "
                                           "VALUES (%1, 'from_the_future')")
                                .arg(newer)),
                 QString());
        const QString before = fingerprint(store.installer());
        const CentralSchema::Result result = CentralSchema::migrate(store.installer());
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QString::number(newer)), qPrintable(result.error));
        QVERIFY2(result.error.contains(QLatin1String("newer")), qPrintable(result.error));
        QCOMPARE(fingerprint(store.installer()), before);
    }

    void shouldRefuseAnyoneButTheInstaller()
    {
        TestStore store(QStringLiteral("notsu"));
        QCOMPARE(store.create(), QString());
        QString error;
        const QString admin =
            store.addStaff(QStringLiteral("admin"), QStringLiteral("admin"), &error);
        QVERIFY2(!admin.isEmpty(), qPrintable(error));
        const QSqlDatabase db = store.login(admin, &error);
        QVERIFY2(db.isOpen(), qPrintable(error));
        const CentralSchema::Result result = CentralSchema::migrate(db);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QLatin1String("superuser")), qPrintable(result.error));
    }

    void shouldRollBackAFailedMigrationWhole()
    {
        // The first half of a migration must not survive its failure: an empty database whose
        // "coulisse" schema exists already makes 0001 fail half-way (after the roles).
        TestStore store(QStringLiteral("half"));
        QCOMPARE(store.create(false), QString());
        QCOMPARE(store.exec(QStringLiteral("CREATE SCHEMA coulisse")), QString());
        const CentralSchema::Result result = CentralSchema::migrate(store.installer());
        QVERIFY(!result.ok);
        QVERIFY2(result.error.contains(QLatin1String("0001")), qPrintable(result.error));
        QSqlQuery q(store.installer());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_class WHERE "
                                      "relnamespace = 'coulisse'::regnamespace")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }

    void shouldCreateAMissingDatabase()
    {
        TestStore store(QStringLiteral("create"));
        bool created = false;
        QString error;
        QVERIFY2(CentralSchema::createDatabaseIfMissing(store.conninfo(), &created, &error),
                 qPrintable(error));
        QVERIFY(created);
        QVERIFY2(CentralSchema::createDatabaseIfMissing(store.conninfo(), &created, &error),
                 qPrintable(error));
        QVERIFY(!created);
    }

    void shouldParseLibpqConnectionStrings_data()
    {
        QTest::addColumn<QString>("conninfo");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("sslmode");
        QTest::newRow("uri") << "postgresql://ada@db.example.com:5433/coulisse?sslmode=verify-full"
                             << true << "db.example.com"
                             << "coulisse"
                             << "verify-full";
        QTest::newRow("key=value")
            << "host=/run/pg dbname='my store' sslmode=require" << true << "/run/pg"
            << "my store"
            << "require";
        QTest::newRow("empty: libpq's environment") << "" << true << ""
                                                    << ""
                                                    << "";
        QTest::newRow("unknown keyword") << "host=x colour=blue" << false << ""
                                         << ""
                                         << "";
        QTest::newRow("unterminated quote") << "host='x" << false << ""
                                            << ""
                                            << "";
        QTest::newRow("bad uri") << "postgresql://[::1" << false << ""
                                 << ""
                                 << "";
    }

    void shouldParseLibpqConnectionStrings()
    {
        QFETCH(QString, conninfo);
        QFETCH(bool, valid);
        QFETCH(QString, host);
        QFETCH(QString, database);
        QFETCH(QString, sslmode);
        QMap<QString, QString> params;
        QString error;
        QCOMPARE(CentralConnection::parse(conninfo, &params, &error), valid);
        if (!valid) {
            QVERIFY(!error.isEmpty());
            return;
        }
        QCOMPARE(params.value(QStringLiteral("host")), host);
        QCOMPARE(params.value(QStringLiteral("dbname")), database);
        QCOMPARE(params.value(QStringLiteral("sslmode")), sslmode);
    }

    void shouldReportAWrongPasswordClearly()
    {
        TestStore store(QStringLiteral("pw"));
        QCOMPARE(store.create(), QString());
        QString error;
        const QString name = store.addStaff(QStringLiteral("pm"), QStringLiteral("pm"), &error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        {
            const QSqlDatabase db =
                CentralConnection::open(store.conninfo(name), QStringLiteral("wrong-password"),
                                        &error, QStringLiteral("not the password"));
            QVERIFY(!db.isOpen());
        }
        QVERIFY2(error.contains(QLatin1String("password authentication failed")),
                 qPrintable(error));
        CentralConnection::close(QStringLiteral("wrong-password"));
    }
};

QTEST_GUILESS_MAIN(TestCentralSchema)
#include "tst_centralschema.moc"
