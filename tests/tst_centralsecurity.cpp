#include "centralconnection.h"
#include "centralloader.h"
#include "centralstaff.h"
#include "teststore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <memory>

/// security.md's permission matrix, proved against a real PostgreSQL with every staff member
/// logged in as their own login role (never SET ROLE): each role x each operation is allowed,
/// refused with SQLSTATE 42501, or filtered to zero rows.
class TestCentralSecurity : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestStore> m_store;
    QHash<QString, QString> m_names;       // editor -> t1abcd_editor
    QHash<QString, QSqlDatabase> m_logins; // editor -> its connection
    QHash<QString, QString> m_values;      // {videoA} -> 12

    QString substitute(QString sql) const
    {
        for (auto it = m_values.cbegin(); it != m_values.cend(); ++it)
            sql.replace(it.key(), it.value());
        for (auto it = m_names.cbegin(); it != m_names.cend(); ++it)
            sql.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
        return sql;
    }

    QString installerValue(const QString &sql)
    {
        QSqlQuery q(m_store->installer());
        if (!q.exec(substitute(sql)) || !q.next()) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return {};
        }
        return q.value(0).toString();
    }

    struct Outcome
    {
        bool ok = false;
        QString state;
        QString value;
        QString message;
    };

    /// Runs \a sql as \a role inside a transaction that is rolled back.
    Outcome run(const QString &role, const QString &sql)
    {
        Outcome outcome;
        const QSqlDatabase db = m_logins.value(role);
        QSqlQuery(db).exec(QStringLiteral("BEGIN"));
        QSqlQuery q(db);
        outcome.ok = q.exec(substitute(sql));
        if (outcome.ok && q.next())
            outcome.value = q.value(0).toString();
        outcome.state = CentralConnection::sqlState(q.lastError());
        outcome.message = q.lastError().text();
        QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
        return outcome;
    }

    using Expectations = QList<std::pair<const char *, const char *>>;
    static void operation(const char *name, const char *sql, const Expectations &expectations)
    {
        for (const auto &[role, expected] : expectations)
            QTest::addRow("%s/%s", name, role)
                << QString::fromLatin1(role) << QString::fromUtf8(sql)
                << QString::fromLatin1(expected);
    }

private slots:
    void initTestCase()
    {
        m_store = std::make_unique<TestStore>(QStringLiteral("sec"));
        QCOMPARE(m_store->create(), QString());
        const char *seed[] = {
            "INSERT INTO coulisse.tag_groups (kind, name, name_en) VALUES ('general', '通用', "
            "'General')",
            "INSERT INTO coulisse.tag_groups (kind, code, name, name_en) VALUES ('dimension', "
            "'genre', '类型', 'Genre')",
            "INSERT INTO coulisse.tags (group_id, name) SELECT id, unnest(ARRAY['搞笑', '教程']) "
            "FROM coulisse.tag_groups WHERE kind = 'general'",
            "INSERT INTO coulisse.tags (group_id, name) SELECT id, 'MOBA' "
            "FROM coulisse.tag_groups WHERE kind = 'dimension'",
            "INSERT INTO coulisse.games (name, name_en) VALUES ('原神', 'Genshin Impact'), "
            "('王者荣耀', 'Honor of Kings')",
            "INSERT INTO coulisse.users (nickname, kind, registered_at, platform) VALUES "
            "('creator', 'creator', now(), 'pc'), ('viewer', 'viewer', now(), 'app')",
            "INSERT INTO coulisse.videos (title, game_id, uploader_id, source, duration_s, "
            "published_at) SELECT '视频 ' || g.name, g.id, (SELECT min(id) FROM coulisse.users), "
            "'pc_recorder', 60, now() FROM coulisse.games g",
            "INSERT INTO coulisse.video_tags (video_id, tag_id) SELECT v.id, t.id "
            "FROM coulisse.videos v, coulisse.tags t WHERE t.name = '搞笑'",
        };
        for (const char *sql : seed)
            QCOMPARE(m_store->exec(QString::fromUtf8(sql)), QString());
        const std::pair<const char *, const char *> values[] = {
            {"{gameA}", "SELECT id FROM coulisse.games WHERE name = '原神'"},
            {"{gameB}", "SELECT id FROM coulisse.games WHERE name = '王者荣耀'"},
            {"{videoA}", "SELECT v.id FROM coulisse.videos v JOIN coulisse.games g ON g.id = "
                         "v.game_id WHERE g.name = '原神'"},
            {"{videoB}", "SELECT v.id FROM coulisse.videos v JOIN coulisse.games g ON g.id = "
                         "v.game_id WHERE g.name = '王者荣耀'"},
            {"{funny}", "SELECT id FROM coulisse.tags WHERE name = '搞笑'"},
            {"{tutorial}", "SELECT id FROM coulisse.tags WHERE name = '教程'"},
            {"{moba}", "SELECT id FROM coulisse.tags WHERE name = 'MOBA'"},
            {"{general}", "SELECT id FROM coulisse.tag_groups WHERE kind = 'general'"},
        };
        for (const auto &[key, sql] : values) {
            const QString value = installerValue(QString::fromUtf8(sql));
            m_values.insert(QString::fromLatin1(key), value);
        }
        // A SCRAM verifier to pass to staff_add.
        QString hashError;
        const QByteArray hash = CentralConnection::encryptPassword(
            m_store->installer(), QStringLiteral("x"), QStringLiteral("pw"), &hashError);
        QVERIFY2(!hash.isEmpty(), qPrintable(hashError));
        m_values.insert(QStringLiteral("{hash}"), QString::fromLatin1(hash));
        const std::pair<const char *, const char *> staff[] = {
            {"editor", "editor"},          {"editor2", "editor"}, {"supervisor", "supervisor"},
            {"supervisor2", "supervisor"}, {"pm", "pm"},          {"admin", "admin"},
            {"admin2", "admin"},
        };
        for (const auto &[name, role] : staff) {
            QString error;
            const QString roleName =
                m_store->addStaff(QString::fromLatin1(name), QString::fromLatin1(role), &error);
            QVERIFY2(!roleName.isEmpty(), qPrintable(error));
            m_names.insert(QString::fromLatin1(name), roleName);
        }
        CentralStaff admin(m_store->installer());
        QVERIFY2(admin.setScope(m_names.value(QStringLiteral("editor")),
                                {m_values.value(QStringLiteral("{gameA}")).toLongLong()}),
                 qPrintable(admin.errorString()));
        for (auto it = m_names.cbegin(); it != m_names.cend(); ++it) {
            QString error;
            const QSqlDatabase db = m_store->login(it.value(), &error);
            QVERIFY2(db.isOpen(), qPrintable(error));
            m_logins.insert(it.key(), db);
        }
        // A pending request of the editor, and one of the supervisor (games need a second
        // supervisor by default).
        QSqlQuery q(m_logins.value(QStringLiteral("editor")));
        QVERIFY2(q.exec(substitute(QStringLiteral(
                     "INSERT INTO coulisse.change_requests (kind, payload) VALUES ('video_tags', "
                     "'{\"video_id\": {videoA}, \"add\": [{tutorial}]}') RETURNING id"))) &&
                     q.next(),
                 qPrintable(q.lastError().text()));
        m_values.insert(QStringLiteral("{request}"), q.value(0).toString());
        QSqlQuery own(m_logins.value(QStringLiteral("supervisor")));
        QVERIFY2(own.exec(QStringLiteral(
                     "INSERT INTO coulisse.change_requests (kind, payload) VALUES ('game_create', "
                     "'{\"name\": \"崩坏：星穹铁道\", \"name_en\": \"Honkai: Star Rail\"}') "
                     "RETURNING id")) &&
                     own.next(),
                 qPrintable(own.lastError().text()));
        m_values.insert(QStringLiteral("{ownRequest}"), own.value(0).toString());
        m_values.insert(QStringLiteral("{token}"),
                        m_store->database().section(QLatin1Char('_'), 2));
    }

    void cleanupTestCase()
    {
        m_logins.clear();
        m_store.reset();
    }

    void shouldEnforceThePermissionMatrix_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("expected");

        // Read the catalogue in scope: editors see their games, the others everything.
        operation(
            "read games", "SELECT count(*) FROM coulisse.games",
            {{"editor", "1"}, {"editor2", "0"}, {"supervisor", "2"}, {"pm", "2"}, {"admin", "2"}});
        operation(
            "read videos", "SELECT count(*) FROM coulisse.videos",
            {{"editor", "1"}, {"editor2", "0"}, {"supervisor", "2"}, {"pm", "2"}, {"admin", "2"}});
        operation(
            "read video tags", "SELECT count(*) FROM coulisse.video_tags",
            {{"editor", "1"}, {"editor2", "0"}, {"supervisor", "2"}, {"pm", "2"}, {"admin", "2"}});
        // General tags (2) + the dimension tag (1) + one default tag per game in scope.
        operation(
            "read tags", "SELECT count(*) FROM coulisse.tags",
            {{"editor", "4"}, {"editor2", "3"}, {"supervisor", "5"}, {"pm", "5"}, {"admin", "5"}});
        operation("read users", "SELECT count(*) FROM coulisse.users",
                  {{"editor", "2"}, {"supervisor", "2"}, {"pm", "2"}, {"admin", "2"}});

        // Tag videos: editors through change requests, supervisors directly.
        operation(
            "tag a video directly", "INSERT INTO coulisse.video_tags VALUES ({videoA}, {tutorial})",
            {{"editor", "denied"}, {"supervisor", "ok"}, {"pm", "denied"}, {"admin", "denied"}});
        operation(
            "untag a video directly", "DELETE FROM coulisse.video_tags WHERE video_id = {videoA}",
            {{"editor", "denied"}, {"supervisor", "ok"}, {"pm", "denied"}, {"admin", "denied"}});
        operation("propose video tags in scope",
                  "INSERT INTO coulisse.change_requests (kind, payload) VALUES ('video_tags', "
                  "'{\"video_id\": {videoA}, \"add\": [{tutorial}]}')",
                  {{"editor", "ok"},
                   {"editor2", "denied"},
                   {"supervisor", "ok"},
                   {"pm", "denied"},
                   {"admin", "denied"}});
        operation("propose video tags out of scope",
                  "INSERT INTO coulisse.change_requests (kind, payload) VALUES ('video_tags', "
                  "'{\"video_id\": {videoB}, \"add\": [{tutorial}]}')",
                  {{"editor", "denied"}, {"supervisor", "ok"}});
        operation("propose in someone else's name",
                  "INSERT INTO coulisse.change_requests (kind, payload, requested_by) VALUES "
                  "('video_tags', '{\"video_id\": {videoA}, \"add\": [{tutorial}]}', "
                  "'{supervisor}')",
                  {{"editor", "denied"}});
        operation("propose an approved request",
                  "INSERT INTO coulisse.change_requests (kind, payload, status) VALUES "
                  "('video_tags', '{\"video_id\": {videoA}, \"add\": [{tutorial}]}', 'approved')",
                  {{"editor", "denied"}});

        // Tag library and games.
        operation("propose a tag",
                  "INSERT INTO coulisse.change_requests (kind, payload) VALUES ('tag_create', "
                  "'{\"group_id\": {general}, \"name\": \"新标签\"}')",
                  {{"editor", "ok"}, {"supervisor", "ok"}, {"pm", "denied"}, {"admin", "denied"}});
        operation("propose a game",
                  "INSERT INTO coulisse.change_requests (kind, payload) VALUES ('game_create', "
                  "'{\"name\": \"新游戏\"}')",
                  {{"editor", "ok"}, {"supervisor", "ok"}, {"pm", "denied"}, {"admin", "denied"}});
        operation("rename a tag directly",
                  "UPDATE coulisse.tags SET name_en = 'Funny' WHERE id = {funny} RETURNING id",
                  {{"editor", "denied"},
                   {"supervisor", "{funny}"},
                   {"pm", "denied"},
                   {"admin", "denied"}});
        operation("create a game directly (policy: second supervisor)",
                  "INSERT INTO coulisse.games (name) VALUES ('直接创建')",
                  {{"editor", "denied"},
                   {"supervisor", "denied"},
                   {"pm", "denied"},
                   {"admin", "denied"}});
        operation("change videos directly", "UPDATE coulisse.videos SET title = 'x'",
                  {{"editor", "denied"},
                   {"supervisor", "denied"},
                   {"pm", "denied"},
                   {"admin", "denied"}});

        // Review.
        operation("read change requests", "SELECT count(*) FROM coulisse.change_requests",
                  {{"editor", "1"},
                   {"editor2", "0"},
                   {"supervisor", "2"},
                   {"pm", "0"}, // the table syncs to every cache; a pm's holds no request
                   {"admin", "2"}});
        operation("approve", "SELECT coulisse.review_change('{request}', true, 'ok')",
                  {{"editor", "denied"},
                   {"supervisor", "approved"},
                   {"pm", "denied"},
                   {"admin", "denied"}});
        operation("reject", "SELECT coulisse.review_change('{request}', false, 'no')",
                  {{"editor", "denied"},
                   {"supervisor", "rejected"},
                   {"pm", "denied"},
                   {"admin", "denied"}});
        operation("approve one's own request",
                  "SELECT coulisse.review_change('{ownRequest}', true)",
                  {{"supervisor", "denied"}, {"supervisor2", "approved"}});
        operation("approve by writing the row",
                  "UPDATE coulisse.change_requests SET status = 'approved', reviewed_by = "
                  "session_user, reviewed_at = now()",
                  {{"editor", "denied"}, {"supervisor", "denied"}, {"admin", "denied"}});

        // Audit: editors their own changes, supervisors and admins all, pms nothing; nobody
        // changes it.
        operation(
            "read others' audit rows",
            "SELECT count(*) > 0 FROM coulisse.audit_log WHERE actor <> session_user",
            {{"editor", "false"}, {"supervisor", "true"}, {"pm", "denied"}, {"admin", "true"}});
        operation("read own audit rows",
                  "SELECT count(*) > 0 FROM coulisse.audit_log WHERE actor = session_user",
                  {{"editor", "true"}});
        for (const char *sql : {"UPDATE coulisse.audit_log SET actor = 'nobody'",
                                "DELETE FROM coulisse.audit_log", "TRUNCATE coulisse.audit_log",
                                "INSERT INTO coulisse.audit_log (tbl, op, key) VALUES ('x', "
                                "'INSERT', '{}')"}) {
            operation(sql, sql,
                      {{"editor", "denied"},
                       {"supervisor", "denied"},
                       {"pm", "denied"},
                       {"admin", "denied"}});
        }

        // Staff, scopes and policy: admins only, through the definer functions.
        operation(
            "add staff", "SELECT coulisse.staff_add('{token}_new', 'editor', '{hash}')",
            {{"editor", "denied"}, {"supervisor", "denied"}, {"pm", "denied"}, {"admin", "ok"}});
        operation(
            "set a scope", "SELECT coulisse.staff_set_scope('{editor2}', ARRAY[{gameB}]::bigint[])",
            {{"editor", "denied"}, {"supervisor", "denied"}, {"pm", "denied"}, {"admin", "ok"}});
        operation(
            "change another's role", "SELECT coulisse.staff_set_role('{editor2}', 'pm')",
            {{"editor", "denied"}, {"supervisor", "denied"}, {"pm", "denied"}, {"admin", "ok"}});
        operation("change another's password",
                  "SELECT coulisse.staff_set_password('{supervisor}', '{hash}')",
                  {{"editor", "denied"}, {"pm", "denied"}, {"admin", "ok"}});
        operation(
            "change the policy", "SELECT coulisse.set_approval_policy('games', false)",
            {{"editor", "denied"}, {"supervisor", "denied"}, {"pm", "denied"}, {"admin", "ok"}});
        operation("write the policy table",
                  "UPDATE coulisse.approval_policy SET "
                  "requires_review = false",
                  {{"supervisor", "denied"}, {"admin", "denied"}});
        operation("read staff", "SELECT count(*) FROM coulisse.staff",
                  {{"editor", "1"}, {"supervisor", "1"}, {"pm", "1"}, {"admin", "7"}});
        operation("write staff directly",
                  "INSERT INTO coulisse.staff (name, role) VALUES ('{token}_sneaky', 'admin')",
                  {{"editor", "denied"}, {"admin", "denied"}});

        // Sync bookkeeping only through its functions.
        operation("read the change log", "SELECT count(*) FROM coulisse.change_log",
                  {{"editor", "denied"},
                   {"supervisor", "denied"},
                   {"pm", "denied"},
                   {"admin", "denied"}});
        operation("read applied operations", "SELECT count(*) FROM coulisse.applied_ops",
                  {{"editor", "denied"}, {"admin", "denied"}});
        // Allowed to everyone; what arrives depends on the server-wide watermark (tst_changelog).
        operation("pull changes", "SELECT count(*) FROM coulisse.pull_changes('0', 0, 1000)",
                  {{"editor", "ok"}, {"supervisor", "ok"}, {"pm", "ok"}, {"admin", "ok"}});

        // Escalation by hand.
        operation("grant oneself a group", "GRANT coulisse_supervisor TO {admin}",
                  {{"admin", "denied"}, {"editor", "denied"}});
        operation("grant oneself a pg_ role", "GRANT pg_read_all_data TO {admin}",
                  {{"admin", "denied"}});
        operation("give oneself CREATEROLE", "ALTER ROLE {admin} CREATEROLE",
                  {{"admin", "denied"}});
        operation("change one's own role",
                  "SELECT coulisse.staff_set_role('{admin}', "
                  "'supervisor')",
                  {{"admin", "denied"}});
        operation("become the owner", "SET ROLE coulisse_owner",
                  {{"admin", "denied"}, {"supervisor", "denied"}});
    }

    void shouldEnforceThePermissionMatrix()
    {
        QFETCH(QString, role);
        QFETCH(QString, sql);
        QFETCH(QString, expected);
        QVERIFY2(m_logins.contains(role), qPrintable(role));
        const Outcome outcome = run(role, sql);
        if (expected == QLatin1String("denied")) {
            QVERIFY2(!outcome.ok, qPrintable(QStringLiteral("allowed: %1").arg(substitute(sql))));
            QCOMPARE(outcome.state, QStringLiteral("42501"));
            return;
        }
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        if (expected != QLatin1String("ok"))
            QCOMPARE(outcome.value, substitute(expected));
    }

    void shouldTakeStagedRowsOfTheCallersOpenImportOnly_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("allowed");
        const auto row = [](const char *name, const char *role, const char *table,
                            const char *batch, bool allowed) {
            QTest::newRow(name) << QString::fromLatin1(role)
                                << QStringLiteral("INSERT INTO coulisse.catalogue_staging_%1 "
                                                  "(batch, line, external_id) VALUES (%2, 1, "
                                                  "'x'), ({batchOwn}, 2, 'y')")
                                       .arg(QLatin1String(table), QLatin1String(batch))
                                << allowed;
        };
        row("the caller's open import", "admin", "videos", "{batchOwn}", true);
        row("another admin's open import", "admin2", "videos", "{batchOwn}", false);
        row("an import of another kind", "admin", "games", "{batchOwn}", false);
        row("a finished import", "admin", "videos", "{batchDone}", false);
        row("no import", "admin", "videos", "0", false);
    }

    void shouldTakeStagedRowsOfTheCallersOpenImportOnly()
    {
        QFETCH(QString, role);
        QFETCH(QString, sql);
        QFETCH(bool, allowed);
        // COPY refuses tables with row-level security: a trigger checks the staged rows.
        if (!m_values.contains(QStringLiteral("{batchOwn}"))) {
            m_values.insert(
                QStringLiteral("{batchOwn}"),
                installerValue(QStringLiteral(
                    "INSERT INTO coulisse.catalogue_imports (kind, file_name, "
                    "imported_by) VALUES ('videos', 'a.csv', '{admin}') RETURNING id")));
            m_values.insert(QStringLiteral("{batchDone}"),
                            installerValue(QStringLiteral(
                                "INSERT INTO coulisse.catalogue_imports (kind, file_name, "
                                "imported_by, finished_at) VALUES ('videos', 'b.csv', '{admin}', "
                                "now()) RETURNING id")));
        }
        const Outcome outcome = run(role, sql);
        QVERIFY2(outcome.ok == allowed, qPrintable(outcome.message));
        if (!allowed) {
            QCOMPARE(outcome.state, QStringLiteral("42501"));
            QVERIFY2(outcome.message.contains(QLatin1String("is not an open")),
                     qPrintable(outcome.message));
        }
    }

    void shouldRefuseStaffOutsideTheFourGroups_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("state");
        QTest::newRow("pg_ role") << "SELECT coulisse.staff_add('{token}_x', "
                                     "'pg_read_all_data', '{hash}')"
                                  << "22023";
        QTest::newRow("owner role") << "SELECT coulisse.staff_add('{token}_x', 'owner', '{hash}')"
                                    << "22023";
        QTest::newRow("set a pg_ role") << "SELECT coulisse.staff_set_role('{editor2}', "
                                           "'pg_write_server_files')"
                                        << "22023";
        QTest::newRow("injected name") << "SELECT coulisse.staff_add('x\"; DROP TABLE "
                                          "coulisse.videos; --', 'editor', '{hash}')"
                                       << "42602";
        QTest::newRow("existing role") << "SELECT coulisse.staff_add('postgres', 'admin', "
                                          "'{hash}')"
                                       << "42710";
        QTest::newRow("clear password") << "SELECT coulisse.staff_add('{token}_x', 'editor', "
                                           "'secret')"
                                        << "28P01";
    }

    void shouldRefuseStaffOutsideTheFourGroups()
    {
        QFETCH(QString, sql);
        QFETCH(QString, state);
        const Outcome outcome = run(QStringLiteral("admin"), sql);
        QVERIFY(!outcome.ok);
        QCOMPARE(outcome.state, state);
    }

    void shouldKeepFourEyesEvenForTheOwner()
    {
        // The superuser writes the row directly: the constraint still refuses it.
        const QString error = m_store->exec(substitute(
            QStringLiteral("UPDATE coulisse.change_requests SET status = 'approved', reviewed_by = "
                           "requested_by, reviewed_at = now() WHERE id = '{request}'")));
        QVERIFY(error.contains(QLatin1String("23514")));
    }

    void shouldRefuseAuditChangesToTheOwner()
    {
        for (const char *sql : {"UPDATE coulisse.audit_log SET actor = 'x'",
                                "DELETE FROM coulisse.audit_log", "TRUNCATE coulisse.audit_log"}) {
            const QString error = m_store->exec(
                QStringLiteral("DO $$ BEGIN SET LOCAL ROLE coulisse_owner; %1; END $$")
                    .arg(QString::fromLatin1(sql)));
            QVERIFY2(error.contains(QLatin1String("cannot be changed")), qPrintable(error));
        }
        QCOMPARE(installerValue(QStringLiteral("SELECT count(*) > 0 FROM coulisse.audit_log")),
                 QStringLiteral("true"));
    }

    void shouldAuditEveryChangeWithTheSessionUser()
    {
        const QSqlDatabase supervisor = m_logins.value(QStringLiteral("supervisor"));
        QSqlQuery q(supervisor);
        QVERIFY2(q.exec(substitute(QStringLiteral(
                     "INSERT INTO coulisse.video_tags VALUES ({videoB}, {tutorial})"))),
                 qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(substitute(QStringLiteral(
                     "UPDATE coulisse.tags SET name_en = 'Tutorials' WHERE id = {tutorial}"))),
                 qPrintable(q.lastError().text()));
        QSqlQuery audit(m_store->installer());
        QVERIFY(audit.exec(substitute(QStringLiteral(
            "SELECT actor, op, key::text, before::text, after::text, txid::text <> '' "
            "FROM coulisse.audit_log WHERE tbl IN ('video_tags', 'tags') "
            "AND actor = '{supervisor}' ORDER BY id"))));
        QVERIFY(audit.next());
        QCOMPARE(audit.value(0).toString(), m_names.value(QStringLiteral("supervisor")));
        QCOMPARE(audit.value(1).toString(), QStringLiteral("INSERT"));
        const QJsonObject key = QJsonDocument::fromJson(audit.value(2).toByteArray()).object();
        QCOMPARE(key.value(QStringLiteral("video_id")).toInteger(),
                 m_values.value(QStringLiteral("{videoB}")).toLongLong());
        QVERIFY(audit.value(3).isNull());
        QVERIFY(audit.value(5).toBool());
        QVERIFY(audit.next());
        QCOMPARE(audit.value(1).toString(), QStringLiteral("UPDATE"));
        const QJsonObject before = QJsonDocument::fromJson(audit.value(3).toByteArray()).object();
        const QJsonObject after = QJsonDocument::fromJson(audit.value(4).toByteArray()).object();
        QCOMPARE(before.value(QStringLiteral("name_en")).toString(), QString());
        QCOMPARE(after.value(QStringLiteral("name_en")).toString(), QStringLiteral("Tutorials"));
        QCOMPARE(after.value(QStringLiteral("row_version")).toInt(),
                 before.value(QStringLiteral("row_version")).toInt() + 1);

        // Inside a definer function (review_change) the actor is still the reviewer.
        QSqlQuery propose(m_logins.value(QStringLiteral("editor")));
        QVERIFY(propose.exec(substitute(QStringLiteral(
                    "INSERT INTO coulisse.change_requests (kind, payload) VALUES ('video_tags', "
                    "'{\"video_id\": {videoA}, \"add\": [{tutorial}]}') RETURNING id"))) &&
                propose.next());
        QSqlQuery review(supervisor);
        review.prepare(QStringLiteral("SELECT coulisse.review_change(?::uuid, true, 'fine')"));
        review.addBindValue(propose.value(0).toString());
        QVERIFY2(review.exec() && review.next(), qPrintable(review.lastError().text()));
        QCOMPARE(review.value(0).toString(), QStringLiteral("approved"));
        QCOMPARE(installerValue(substitute(QStringLiteral(
                     "SELECT actor FROM coulisse.audit_log WHERE tbl = 'video_tags' AND op = "
                     "'INSERT' AND key = jsonb_build_object('video_id', {videoA}, 'tag_id', "
                     "{tutorial}) ORDER BY id DESC LIMIT 1"))),
                 m_names.value(QStringLiteral("supervisor")));
    }

    void shouldHardenEveryFunction()
    {
        // Definer functions pin their search path; no function is executable by PUBLIC.
        QCOMPARE(installerValue(QStringLiteral(
                     "SELECT count(*) FROM pg_catalog.pg_proc p WHERE p.pronamespace = "
                     "'coulisse'::regnamespace AND p.prosecdef AND NOT coalesce(p.proconfig @> "
                     "ARRAY['search_path=pg_catalog, pg_temp'], false)")),
                 QStringLiteral("0"));
        QCOMPARE(installerValue(QStringLiteral(
                     "SELECT count(*) FROM pg_catalog.pg_proc p WHERE p.pronamespace = "
                     "'coulisse'::regnamespace AND (p.proacl IS NULL OR EXISTS (SELECT FROM "
                     "aclexplode(p.proacl) a WHERE a.grantee = 0 AND a.privilege_type = "
                     "'EXECUTE'))")),
                 QStringLiteral("0"));
        QVERIFY(installerValue(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_proc p WHERE "
                                              "p.pronamespace = 'coulisse'::regnamespace AND "
                                              "p.prosecdef"))
                    .toInt() >= 10);
    }

    void shouldProtectEveryTable()
    {
        // Row-level security on every table, each owned by a role that cannot log in.
        QCOMPARE(installerValue(QStringLiteral(
                     "SELECT count(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_roles r ON "
                     "r.oid = c.relowner WHERE c.relnamespace = 'coulisse'::regnamespace AND "
                     "c.relkind = 'r' AND (NOT (c.relrowsecurity OR c.relname LIKE "
                     "'catalogue\\_staging\\_%') OR r.rolcanlogin OR r.rolname <> "
                     "'coulisse_owner')")),
                 QStringLiteral("0"));
        // The exception: the catalogue import's staging tables, which COPY fills (COPY refuses
        // tables with row-level security). Admins may only insert into them; nobody else
        // may do anything (catalogue_import_apply reads them, for the caller's batch only).
        QCOMPARE(installerValue(QStringLiteral(
                     "SELECT string_agg(DISTINCT g.rolname || ' ' || a.privilege_type, ', ') "
                     "FROM pg_catalog.pg_class c, aclexplode(c.relacl) a "
                     "JOIN pg_catalog.pg_roles g ON g.oid = a.grantee "
                     "WHERE c.relnamespace = 'coulisse'::regnamespace AND c.relname LIKE "
                     "'catalogue\\_staging\\_%' AND a.grantee <> c.relowner")),
                 QStringLiteral("coulisse_admin INSERT"));
        QCOMPARE(installerValue(QStringLiteral(
                     "SELECT count(*) FROM pg_catalog.pg_class c WHERE c.relnamespace = "
                     "'coulisse'::regnamespace AND c.relname LIKE 'catalogue\\_staging\\_%' "
                     "AND c.relkind = 'r'")),
                 QStringLiteral("4"));
        QVERIFY(installerValue(QStringLiteral("SELECT count(*) FROM pg_catalog.pg_class c WHERE "
                                              "c.relnamespace = 'coulisse'::regnamespace AND "
                                              "c.relkind = 'r'"))
                    .toInt() >= 15);
        // No staff role is superuser, BYPASSRLS or CREATEROLE, and each is in one group.
        QCOMPARE(installerValue(QStringLiteral(
                     "SELECT count(*) FROM coulisse.staff s JOIN pg_catalog.pg_roles r ON "
                     "r.rolname = s.name WHERE r.rolsuper OR r.rolbypassrls OR r.rolcreaterole "
                     "OR (SELECT count(*) FROM pg_catalog.pg_auth_members m WHERE m.member = "
                     "r.oid) <> 1")),
                 QStringLiteral("0"));
        // Every write policy has a WITH CHECK.
        QCOMPARE(installerValue(QStringLiteral(
                     "SELECT count(*) FROM pg_catalog.pg_policies WHERE schemaname = 'coulisse' "
                     "AND cmd IN ('INSERT', 'UPDATE', 'ALL') AND with_check IS NULL")),
                 QStringLiteral("0"));
    }

    void shouldLockOutDeactivatedStaff()
    {
        QString error;
        const QString name =
            m_store->addStaff(QStringLiteral("leaver"), QStringLiteral("editor"), &error);
        QVERIFY2(!name.isEmpty(), qPrintable(error));
        QVERIFY(m_store->login(name, &error).isOpen());
        QSqlQuery q(m_logins.value(QStringLiteral("admin")));
        q.prepare(QStringLiteral("SELECT coulisse.staff_set_active(?, false)"));
        q.addBindValue(name);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        QVERIFY(!m_store->login(name, &error, QStringLiteral("leaver-again")).isOpen());
        QVERIFY2(error.contains(QLatin1String("not permitted to log in")), qPrintable(error));
    }

    void shouldLeaveNothingBehindAFailedBulkLoad()
    {
        TestStore store(QStringLiteral("load"));
        QCOMPARE(store.create(), QString());
        CentralLoader loader(store.installer());
        QVERIFY2(loader.begin(QStringLiteral("test")), qPrintable(loader.errorString()));
        Catalogue::Game game;
        game.id = 1;
        game.name = QStringLiteral("游戏");
        QVERIFY(loader.addGame(game));
        Catalogue::User user;
        user.id = 1;
        user.nickname = QStringLiteral("u");
        user.kind = QStringLiteral("creator");
        user.platform = QStringLiteral("pc");
        QVERIFY(loader.addUser(user));
        Catalogue::Video video;
        video.id = 1;
        video.title = QStringLiteral("v");
        video.gameId = 1;
        video.uploaderId = 1;
        video.source = QStringLiteral("vhs tape"); // refused by a CHECK constraint
        QVERIFY(loader.addVideo(video));
        QVERIFY(!loader.commit());
        QVERIFY2(loader.errorString().contains(QLatin1String("videos")),
                 qPrintable(loader.errorString()));
        QSqlQuery q(store.installer());
        QVERIFY(q.exec(QStringLiteral("SELECT (SELECT count(*) FROM coulisse.games) + (SELECT "
                                      "count(*) FROM coulisse.users) + (SELECT count(*) FROM "
                                      "coulisse.audit_log WHERE tbl <> 'approval_policy')")) &&
                q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCentralSecurity)
#include "tst_centralsecurity.moc"
