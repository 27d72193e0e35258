#include "auditlog.h"
#include "auditlogmodel.h"
#include "auditlogpage.h"
#include "cachedatabase.h"
#include "cataloguerepository.h"
#include "centralclient.h"
#include "centralconnection.h"
#include "centralstaff.h"
#include "staffmemberdialog.h"
#include "staffpage.h"
#include "stafftablemodel.h"
#include "teststore.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <memory>

using TestSupport::scalar;

/// The audit log read back (filters, pages, who may read what, CSV export), the Audit log page
/// and the Staff page against a real central store, each staff member logged in as themselves.
class TestAuditLog : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestStore> m_store;
    QHash<QString, QString> m_names; // admin -> t1abcd_admin
    qint64 m_gameA = 0;
    qint64 m_gameB = 0;
    qint64 m_videoA = 0;
    qint64 m_tag = 0;
    QTemporaryDir m_dir;

    QSqlDatabase login(const QString &who)
    {
        QString error;
        const QSqlDatabase db = m_store->login(m_names.value(who), &error);
        if (!db.isOpen())
            qWarning("%s", qPrintable(error));
        return db;
    }

    qint64 installerValue(const QString &sql)
    {
        return scalar(m_store->installer(), sql).toLongLong();
    }

    std::unique_ptr<CentralClient> client(const QString &who)
    {
        auto c = std::make_unique<CentralClient>();
        c->setCredentials(m_store->conninfo(m_names.value(who)), m_store->password());
        return c;
    }

    QList<AuditLog::Entry> fetch(const QString &who, const AuditLog::Filter &filter,
                                 QString *error = nullptr)
    {
        QList<AuditLog::Entry> entries;
        QString e;
        if (!AuditLog::fetch(login(who), filter, 0, 100000, &entries, &e))
            qWarning("%s", qPrintable(e));
        if (error)
            *error = e;
        return entries;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<TestStore>(QStringLiteral("audit"));
        QCOMPARE(m_store->create(), QString());
        const char *seed[] = {
            "INSERT INTO coulisse.tag_groups (kind, name, name_en) VALUES ('general', '通用', "
            "'General')",
            "INSERT INTO coulisse.tags (group_id, name, name_en) SELECT id, '搞笑', 'Funny' "
            "FROM coulisse.tag_groups",
            "INSERT INTO coulisse.games (name, name_en) VALUES ('原神', 'Genshin Impact'), "
            "('王者荣耀', 'Honor of Kings')",
            "INSERT INTO coulisse.users (nickname, kind, registered_at, platform) VALUES "
            "('creator', 'creator', now(), 'pc')",
            "INSERT INTO coulisse.videos (title, game_id, uploader_id, source, duration_s, "
            "published_at) SELECT '视频 ' || g.name, g.id, (SELECT min(id) FROM coulisse.users), "
            "'pc_recorder', 60, now() FROM coulisse.games g",
        };
        for (const char *sql : seed)
            QCOMPARE(m_store->exec(QString::fromUtf8(sql)), QString());
        m_gameA = installerValue(QStringLiteral("SELECT id FROM coulisse.games WHERE name_en = "
                                                "'Genshin Impact'"));
        m_gameB = installerValue(QStringLiteral("SELECT id FROM coulisse.games WHERE name_en = "
                                                "'Honor of Kings'"));
        m_videoA = installerValue(
            QStringLiteral("SELECT id FROM coulisse.videos WHERE game_id = %1").arg(m_gameA));
        m_tag = installerValue(QStringLiteral("SELECT id FROM coulisse.tags"));
        const std::pair<const char *, const char *> staff[] = {
            {"editor", "editor"}, {"supervisor", "supervisor"}, {"pm", "pm"}, {"admin", "admin"}};
        for (const auto &[name, role] : staff) {
            QString error;
            const QString roleName =
                m_store->addStaff(QString::fromLatin1(name), QString::fromLatin1(role), &error);
            QVERIFY2(!roleName.isEmpty(), qPrintable(error));
            m_names.insert(QString::fromLatin1(name), roleName);
        }
        // The supervisor tags a video and renames the tag (both apply directly).
        QSqlQuery q(login(QStringLiteral("supervisor")));
        QVERIFY2(q.exec(QStringLiteral("INSERT INTO coulisse.video_tags (video_id, tag_id) "
                                       "VALUES (%1, %2)")
                            .arg(m_videoA)
                            .arg(m_tag)),
                 qPrintable(q.lastError().text()));
        QVERIFY2(q.exec(QStringLiteral("UPDATE coulisse.tags SET name_en = 'Hilarious, \"lol\"' "
                                       "WHERE id = %1")
                            .arg(m_tag)),
                 qPrintable(q.lastError().text()));
        // The admin gives the editor game A.
        CentralStaff admin(login(QStringLiteral("admin")));
        QVERIFY2(admin.setScope(m_names.value(QStringLiteral("editor")), {m_gameA}),
                 qPrintable(admin.errorString()));
    }

    void cleanupTestCase() { m_store.reset(); }

    void shouldFilter_data()
    {
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("objectKind");
        QTest::addColumn<QString>("objectId");
        QTest::addColumn<int>("hoursFromNow"); // from: now + hours (0: no bound)
        QTest::addColumn<QString>("expected"); // SQL count over coulisse.audit_log

        QTest::newRow("everything")
            << QString() << QString() << QString() << QString() << 0 << QStringLiteral("true");
        QTest::newRow("person") << QStringLiteral("supervisor") << QString() << QString()
                                << QString() << 0 << QStringLiteral("actor = '{supervisor}'");
        QTest::newRow("table") << QString() << QStringLiteral("tags") << QString() << QString() << 0
                               << QStringLiteral("tbl = 'tags'");
        QTest::newRow("person and table")
            << QStringLiteral("admin") << QStringLiteral("staff_scopes") << QString() << QString()
            << 0 << QStringLiteral("actor = '{admin}' AND tbl = 'staff_scopes'");
        // A video's history: its row and its tags.
        QTest::newRow("video") << QString() << QString() << QStringLiteral("video")
                               << QStringLiteral("{videoA}") << 0
                               << QStringLiteral("(tbl = 'videos' AND key->>'id' = '{videoA}') OR "
                                                 "(tbl = 'video_tags' AND key->>'video_id' = "
                                                 "'{videoA}')");
        QTest::newRow("tag") << QString() << QString() << QStringLiteral("tag")
                             << QStringLiteral("{tag}") << 0
                             << QStringLiteral("tbl = 'tags' AND key->>'id' = '{tag}'");
        QTest::newRow("game") << QString() << QString() << QStringLiteral("game")
                              << QStringLiteral("{gameB}") << 0
                              << QStringLiteral("(tbl = 'games' AND key->>'id' = '{gameB}') OR "
                                                "(tbl = 'tag_groups' AND after->>'game_id' = "
                                                "'{gameB}')");
        QTest::newRow("staff member")
            << QString() << QString() << QStringLiteral("staff") << QStringLiteral("{editor}") << 0
            << QStringLiteral("key->>'name' = '{editor}' OR "
                              "key->>'staff' = '{editor}'");
        QTest::newRow("not a number") << QString() << QString() << QStringLiteral("video")
                                      << QStringLiteral("abc") << 0 << QStringLiteral("false");
        QTest::newRow("future") << QString() << QString() << QString() << QString() << 1
                                << QStringLiteral("false");
        QTest::newRow("last day") << QString() << QString() << QString() << QString() << -24
                                  << QStringLiteral("at >= now() - interval '1 day'");
    }

    void shouldFilter()
    {
        QFETCH(QString, actor);
        QFETCH(QString, table);
        QFETCH(QString, objectKind);
        QFETCH(QString, objectId);
        QFETCH(int, hoursFromNow);
        QFETCH(QString, expected);
        const auto substitute = [this](QString text) {
            for (auto it = m_names.cbegin(); it != m_names.cend(); ++it)
                text.replace(QLatin1Char('{') + it.key() + QLatin1Char('}'), it.value());
            return text.replace(QStringLiteral("{videoA}"), QString::number(m_videoA))
                .replace(QStringLiteral("{tag}"), QString::number(m_tag))
                .replace(QStringLiteral("{gameB}"), QString::number(m_gameB));
        };
        AuditLog::Filter filter;
        filter.actor = m_names.value(actor);
        filter.table = table;
        filter.object = {objectKind, substitute(objectId)};
        if (hoursFromNow != 0)
            filter.from = QDateTime::currentDateTime().addSecs(hoursFromNow * 3600);
        const qint64 count =
            installerValue(QStringLiteral("SELECT count(*) FROM coulisse.audit_log WHERE ") +
                           substitute(expected));
        const QList<AuditLog::Entry> entries = fetch(QStringLiteral("admin"), filter);
        QCOMPARE(entries.size(), count);
        if (expected != QLatin1String("false"))
            QVERIFY(count > 0);
        for (int i = 1; i < entries.size(); ++i)
            QVERIFY(entries.at(i - 1).id > entries.at(i).id); // newest first
    }

    void shouldDescribeChanges()
    {
        AuditLog::Filter filter;
        filter.table = QStringLiteral("tags");
        filter.actor = m_names.value(QStringLiteral("supervisor"));
        const QList<AuditLog::Entry> entries = fetch(QStringLiteral("admin"), filter);
        QCOMPARE(entries.size(), 1);
        const AuditLog::Entry &e = entries.first();
        QCOMPARE(e.op, QStringLiteral("UPDATE"));
        QCOMPARE(AuditLog::changedFields(e), QStringList{QStringLiteral("name_en")});
        QCOMPARE(AuditLog::summary(e), QStringLiteral("name_en: Funny → Hilarious, \"lol\""));
        QCOMPARE(AuditLog::objectLabel(e), QStringLiteral("Tag %1").arg(m_tag));
        QVERIFY(e.at.secsTo(QDateTime::currentDateTimeUtc()) < 600);

        filter = {};
        filter.table = QStringLiteral("video_tags");
        const QList<AuditLog::Entry> tagging = fetch(QStringLiteral("admin"), filter);
        QCOMPARE(tagging.size(), 1);
        QCOMPARE(AuditLog::operationLabel(tagging.first().op), QStringLiteral("Added"));
        QCOMPARE(AuditLog::objectLabel(tagging.first()),
                 QStringLiteral("Video %1 · tag %2").arg(m_videoA).arg(m_tag));
    }

    void shouldPageWithoutGapsOrRepeats()
    {
        const QSqlDatabase db = login(QStringLiteral("admin"));
        QList<qint64> seen;
        qint64 before = 0;
        for (;;) {
            QList<AuditLog::Entry> page;
            QString error;
            QVERIFY2(AuditLog::fetch(db, {}, before, 3, &page, &error), qPrintable(error));
            for (const AuditLog::Entry &e : std::as_const(page))
                seen.append(e.id);
            if (page.size() < 3)
                break;
            before = page.constLast().id;
        }
        QCOMPARE(seen.size(),
                 installerValue(QStringLiteral("SELECT count(*) FROM coulisse.audit_log")));
        QCOMPARE(QSet<qint64>(seen.cbegin(), seen.cend()).size(), seen.size());
    }

    void shouldLetEachRoleReadWhatTheStoreAllows()
    {
        // Editors read their own changes only, product managers nothing.
        QString error;
        QCOMPARE(fetch(QStringLiteral("editor"), {}, &error).size(),
                 installerValue(QStringLiteral("SELECT count(*) FROM coulisse.audit_log WHERE "
                                               "actor = '%1'")
                                    .arg(m_names.value(QStringLiteral("editor")))));
        QList<AuditLog::Entry> entries;
        QVERIFY(!AuditLog::fetch(login(QStringLiteral("pm")), {}, 0, 10, &entries, &error));
        QCOMPARE(error, QStringLiteral("The central store does not let you read the audit log."));
        // Nobody rewrites history, not even an admin.
        QSqlQuery q(login(QStringLiteral("admin")));
        QVERIFY(!q.exec(QStringLiteral("DELETE FROM coulisse.audit_log")));
    }

    void shouldExportCsv()
    {
        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        AuditLog::Filter filter;
        filter.object = {QStringLiteral("tag"), QString::number(m_tag)};
        qint64 rows = 0;
        QString error;
        QVERIFY2(AuditLog::exportCsv(login(QStringLiteral("supervisor")), filter, &buffer, &rows,
                                     &error),
                 qPrintable(error));
        const QByteArray csv = buffer.data();
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"
                               "id,at,actor,table,operation,object,changed,key,"
                               "before,after\r\n"));
        QCOMPARE(rows, 2); // created, renamed
        QCOMPARE(csv.count("\r\n"), 3);
        // JSON with commas and quotes is one quoted field; Chinese stays UTF-8.
        QVERIFY(csv.contains("\"{\"\"id\"\":"));
        QVERIFY(csv.contains("Hilarious, \\\"\"lol\\\"\""));
        QVERIFY(csv.contains(QStringLiteral("搞笑").toUtf8()));
        QVERIFY(csv.contains(",UPDATE,Tag " + QByteArray::number(m_tag) + ",name_en,"));
    }

    void modelShouldLoadPagesAsTheViewScrolls()
    {
        // 250 tagging rows: more than a page.
        QCOMPARE(m_store->exec(QStringLiteral(
                     "INSERT INTO coulisse.tags (group_id, name) SELECT (SELECT min(id) FROM "
                     "coulisse.tag_groups), 'bulk ' || g FROM generate_series(1, 250) g")),
                 QString());
        auto c = client(QStringLiteral("admin"));
        AuditLogModel model(c.get());
        QAbstractItemModelTester tester(&model);
        QSignalSpy pages(&model, &AuditLogModel::pageLoaded);
        AuditLog::Filter filter;
        filter.table = QStringLiteral("tags");
        model.setFilter(filter);
        QVERIFY(pages.wait(10000));
        QVERIFY(model.rowCount() >= AuditLogModel::PageSize); // the tester may fetch more
        QElapsedTimer timer;
        timer.start();
        while (!model.atEnd() && timer.elapsed() < 20000) {
            if (model.canFetchMore({})) {
                model.fetchMore({});
                QVERIFY(!model.canFetchMore({})); // one request at a time
            }
            QVERIFY(pages.wait(10000));
        }
        QCOMPARE(model.rowCount(),
                 installerValue(QStringLiteral("SELECT count(*) FROM coulisse.audit_log "
                                               "WHERE tbl = 'tags'")));
        QVERIFY(model.atEnd());
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.index(0, AuditLogModel::ObjectColumn).data().toString().left(4),
                 QStringLiteral("Tag "));
        QCOMPARE(model.index(model.rowCount() - 1, AuditLogModel::ChangeColumn).data().toString(),
                 QStringLiteral("Funny · 搞笑"));

        // A filter change drops the pages of the old one.
        filter.table = QStringLiteral("staff_scopes");
        model.setFilter(filter);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(pages.wait(10000));
        QCOMPARE(model.rowCount(), 1);

        // Signed out: a clear error, no rows.
        c->setCredentials({}, {});
        QSignalSpy failed(&model, &AuditLogModel::loadFailed);
        model.reload();
        QVERIFY(failed.wait(10000));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.errorString(), QStringLiteral("Not signed in to the central store."));
        QVERIFY(!model.canFetchMore({}));
    }

    void clientShouldReconnectAfterTheConnectionDropped()
    {
        auto c = client(QStringLiteral("supervisor"));
        const auto pid = [&c] {
            return c
                ->run([](CentralClient::Session &s) {
                    QSqlQuery q(s.db);
                    return s.isOpen() && q.exec(QStringLiteral("SELECT pg_backend_pid()")) &&
                                   q.next()
                               ? q.value(0).toLongLong()
                               : qint64(-1);
                })
                .result();
        };
        const qint64 first = pid();
        QVERIFY(first > 0);
        QCOMPARE(pid(), first); // kept open between jobs
        QVERIFY(scalar(m_store->installer(),
                       QStringLiteral("SELECT pg_terminate_backend(%1)").arg(first))
                    .toBool());
        // The job that meets the dead connection fails; the next one opens a new one.
        pid();
        const qint64 second = pid();
        QVERIFY(second > 0);
        QVERIFY(second != first);
    }

    void pageShouldShowAnObjectsHistoryAndExport()
    {
        auto c = client(QStringLiteral("supervisor"));
        AuditLogPage page(c.get());
        page.resize(1200, 700);
        QCOMPARE(page.isReady(), true); // nothing to read signed out
        page.setSignedIn(true);
        QSignalSpy ready(&page, &Page::ready);
        page.show();
        QVERIFY(ready.wait(10000));
        QVERIFY(page.model()->rowCount() > 0);

        // coulisse://audit?video=ID from the Videos page: that video's history.
        QVERIFY(page.openLink(QUrl(QStringLiteral("coulisse://audit?video=%1").arg(m_videoA))));
        QCOMPARE(page.filter().object.kind, QStringLiteral("video"));
        QVERIFY(ready.wait(10000));
        QCOMPARE(page.model()->rowCount(),
                 installerValue(QStringLiteral("SELECT count(*) FROM coulisse.audit_log WHERE "
                                               "(tbl = 'videos' AND key->>'id' = '%1') OR (tbl = "
                                               "'video_tags' AND key->>'video_id' = '%1')")
                                    .arg(m_videoA)));
        QVERIFY(page.statusText().contains(QLatin1String("change")));
        auto *detail = page.findChild<QTextBrowser *>(QStringLiteral("detail"));
        QTRY_VERIFY(!detail->toPlainText().isEmpty());
        QVERIFY(
            detail->toHtml().contains(QStringLiteral("coulisse://audit?video=%1").arg(m_videoA)));

        const QString path = m_dir.filePath(QStringLiteral("video.csv"));
        QSignalSpy exported(&page, &AuditLogPage::exported);
        page.exportCsv(path);
        QVERIFY(exported.wait(10000));
        QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(2).toString()));
        QCOMPARE(exported.first().at(1).toLongLong(), qint64(page.model()->rowCount()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count("\r\n"), page.model()->rowCount() + 1);

        // An export into a folder that does not exist fails with the reason and leaves nothing.
        exported.clear();
        page.exportCsv(m_dir.filePath(QStringLiteral("missing/x.csv")));
        QVERIFY(exported.wait(10000));
        QVERIFY(!exported.first().at(0).toBool());
        QVERIFY(exported.first().at(2).toString().contains(QLatin1String("missing/x.csv")));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing/x.csv"))));

        page.clearFilters();
        QVERIFY(page.filter().isEmpty());
        page.setSignedIn(false);
        QCOMPARE(page.model()->rowCount(), 0);
        QVERIFY(page.statusText().contains(QLatin1String("not signed in")));
    }

    void policyModelShouldAskRatherThanChange()
    {
        CentralStaff staff(login(QStringLiteral("admin")));
        QList<CentralStaff::PolicyRule> rules;
        QVERIFY(staff.policy(&rules));
        ApprovalPolicyModel model;
        QAbstractItemModelTester tester(&model);
        model.setRules(rules);
        QCOMPARE(model.rowCount(), 7);
        // The level ladder: only product managers save it, so only their cell is a rule.
        QCOMPARE(model.index(6, 0).data().toString(), QStringLiteral("Creator level ladder"));
        QVERIFY(model.flags(model.index(6, ApprovalPolicyModel::PmColumn)) &
                Qt::ItemIsUserCheckable);
        QCOMPARE(model.index(6, ApprovalPolicyModel::PmColumn).data().toString(),
                 QStringLiteral("needs a second person"));
        QVERIFY(!(model.flags(model.index(6, ApprovalPolicyModel::AdminColumn)) &
                  Qt::ItemIsUserCheckable));
        QVERIFY(!(model.flags(model.index(5, ApprovalPolicyModel::PmColumn)) &
                  Qt::ItemIsUserCheckable));
        // Releases: only admins publish them, so only the admin cell is a rule.
        QCOMPARE(model.index(5, 0).data().toString(), QStringLiteral("Publishing app releases"));
        QVERIFY(model.flags(model.index(5, ApprovalPolicyModel::AdminColumn)) &
                Qt::ItemIsUserCheckable);
        QVERIFY(!(model.flags(model.index(5, ApprovalPolicyModel::EditorColumn)) &
                  Qt::ItemIsUserCheckable));
        QVERIFY(!model.index(5, ApprovalPolicyModel::EditorColumn).data().isValid());
        QVERIFY(!(model.flags(model.index(0, ApprovalPolicyModel::AdminColumn)) &
                  Qt::ItemIsUserCheckable));
        QSignalSpy asked(&model, &ApprovalPolicyModel::changeRequested);
        const QModelIndex cell = model.index(0, ApprovalPolicyModel::SupervisorColumn);
        const bool before =
            model.requiresReview(QStringLiteral("games"), QStringLiteral("supervisor"));
        QVERIFY(!model.setData(cell, Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().at(1).toString(), QStringLiteral("supervisor"));
        QCOMPARE(model.requiresReview(QStringLiteral("games"), QStringLiteral("supervisor")),
                 before);
        QVERIFY(model.flags(cell) & Qt::ItemIsUserCheckable);
        QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsUserCheckable));
    }

    void memberDialogShouldSayWhatIsMissing_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("again");
        QTest::addColumn<QString>("problem"); // start of the message; empty: OK enabled
        QTest::newRow("fine") << "new_editor"
                              << "long enough"
                              << "long enough"
                              << "";
        QTest::newRow("no name") << ""
                                 << "long enough"
                                 << "long enough"
                                 << "Enter a sign-in";
        QTest::newRow("upper case") << "Editor"
                                    << "long enough"
                                    << "long enough"
                                    << "A sign-in";
        QTest::newRow("one letter") << "e"
                                    << "long enough"
                                    << "long enough"
                                    << "A sign-in";
        QTest::newRow("reserved") << "pg_x"
                                  << "long enough"
                                  << "long enough"
                                  << "A sign-in";
        QTest::newRow("short password") << "new_editor"
                                        << "short"
                                        << "short"
                                        << "The password";
        QTest::newRow("differ") << "new_editor"
                                << "long enough"
                                << "long enougH"
                                << "The two";
    }

    void memberDialogShouldSayWhatIsMissing()
    {
        QFETCH(QString, name);
        QFETCH(QString, password);
        QFETCH(QString, again);
        QFETCH(QString, problem);
        StaffMemberDialog dialog;
        dialog.findChild<QLineEdit *>(QStringLiteral("name"))->setText(name);
        dialog.findChild<QLineEdit *>(QStringLiteral("password"))->setText(password);
        dialog.findChild<QLineEdit *>(QStringLiteral("confirm"))->setText(again);
        QVERIFY2(problem.isEmpty() || dialog.problem().startsWith(problem),
                 qPrintable(dialog.problem()));
        QCOMPARE(dialog.problem().isEmpty(), problem.isEmpty());
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QCOMPARE(buttons->button(QDialogButtonBox::Ok)->isEnabled(), problem.isEmpty());
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("problem"))->text(), dialog.problem());
        // Resetting a password asks for the password only.
        StaffMemberDialog reset(QStringLiteral("someone"));
        QVERIFY(!reset.findChild<QLineEdit *>(QStringLiteral("name")));
        QCOMPARE(reset.name(), QStringLiteral("someone"));
    }

    void staffPageShouldManageAccounts()
    {
        auto c = client(QStringLiteral("admin"));
        // Game names come from a cache; an empty one is enough here.
        CacheDatabase cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("staff.sqlite"))));
        CatalogueRepository repository(cache.database());
        StaffPage page(c.get(), &repository);
        QAbstractItemModelTester staffTester(page.staffModel());
        page.setSignedIn(true);
        QSignalSpy ready(&page, &Page::ready);
        page.show();
        QVERIFY(ready.wait(10000));
        QVERIFY(page.staffModel()->rowOf(m_names.value(QStringLiteral("editor"))) >= 0);
        QCOMPARE(page.policyModel()->rowCount(), 7);

        QSignalSpy done(&page, &StaffPage::done);
        const auto succeed = [&done, &ready]() -> bool {
            if (!done.wait(10000) || !ready.wait(10000))
                return false;
            const QList<QVariant> outcome = done.takeFirst();
            if (!outcome.at(0).toBool())
                qWarning("%s", qPrintable(outcome.at(1).toString()));
            return outcome.at(0).toBool();
        };
        // A new editor, on game B, then a supervisor, then deactivated.
        const QString name = m_names.value(QStringLiteral("editor")) + QStringLiteral("_new");
        page.addMember(name, QStringLiteral("editor"), QStringLiteral("first-password"),
                       QStringLiteral("新编辑"));
        QVERIFY(succeed());
        QVERIFY(page.staffModel()->rowOf(name) >= 0);
        page.setScope(name, {m_gameB});
        QVERIFY(succeed());
        QCOMPARE(installerValue(QStringLiteral("SELECT game_id FROM coulisse.staff_scopes WHERE "
                                               "staff = '%1'")
                                    .arg(name)),
                 m_gameB);
        page.setPassword(name, QStringLiteral("second-password"));
        QVERIFY(succeed());
        QString error;
        QSqlDatabase signedIn =
            CentralConnection::open(m_store->conninfo(name), QStringLiteral("new-staff"), &error,
                                    QStringLiteral("second-password"));
        QVERIFY2(signedIn.isOpen(), qPrintable(error));
        signedIn = QSqlDatabase();
        CentralConnection::close(QStringLiteral("new-staff"));
        page.setRole(name, QStringLiteral("supervisor"));
        QVERIFY(succeed());
        QCOMPARE(
            scalar(m_store->installer(),
                   QStringLiteral("SELECT role FROM coulisse.staff WHERE name = '%1'").arg(name))
                .toString(),
            QStringLiteral("supervisor"));
        page.setActive(name, false);
        QVERIFY(succeed());
        const int row = page.staffModel()->rowOf(name);
        QCOMPARE(page.staffModel()->index(row, 0).data(StaffTableModel::ActiveRole).toBool(),
                 false);
        signedIn = CentralConnection::open(m_store->conninfo(name), QStringLiteral("new-staff"),
                                           &error, QStringLiteral("second-password"));
        QVERIFY(!signedIn.isOpen());
        signedIn = QSqlDatabase();
        CentralConnection::close(QStringLiteral("new-staff"));

        // The approval policy, changed from the page, is on the audit log.
        page.setPolicy(QStringLiteral("video_tags"), QStringLiteral("supervisor"), true);
        QVERIFY(succeed());
        QVERIFY(page.policyModel()->requiresReview(QStringLiteral("video_tags"),
                                                   QStringLiteral("supervisor")));
        AuditLog::Filter filter;
        filter.table = QStringLiteral("approval_policy");
        filter.actor = m_names.value(QStringLiteral("admin"));
        QCOMPARE(fetch(QStringLiteral("admin"), filter).size(), 1);
        page.setPolicy(QStringLiteral("video_tags"), QStringLiteral("supervisor"), false);
        QVERIFY(succeed());

        // A bad name is refused with the store's reason.
        page.addMember(QStringLiteral("Bad Name"), QStringLiteral("editor"),
                       QStringLiteral("password"), {});
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().at(0).toBool(), false);
        QVERIFY(done.first().at(1).toString().contains(QLatin1String("invalid staff name")));
        // The refusal stays on the page.
        auto *banner = page.findChild<QLabel *>(QStringLiteral("stateBanner"));
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().contains(QLatin1String("invalid staff name")));
    }

    void staffPageShouldBeRefusedToOthers()
    {
        auto c = client(QStringLiteral("supervisor"));
        CacheDatabase cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("staff2.sqlite"))));
        CatalogueRepository repository(cache.database());
        StaffPage page(c.get(), &repository);
        page.setSignedIn(true);
        QSignalSpy done(&page, &StaffPage::done);
        page.setPolicy(QStringLiteral("games"), QStringLiteral("supervisor"), false);
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().at(0).toBool(), false);
        QVERIFY(
            done.first().at(1).toString().startsWith(QLatin1String("The central store refused")));
        QVERIFY(installerValue(QStringLiteral("SELECT count(*) FROM coulisse.approval_policy "
                                              "WHERE kind = 'games' AND role = 'supervisor' AND "
                                              "requires_review")) == 1);
    }
};

QTEST_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
