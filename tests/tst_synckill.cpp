#include "cachedatabase.h"
#include "cacheeditor.h"
#include "synccheck.h"
#include "syncengine.h"
#include "teststore.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

/// Kill -9 of a syncing coulisse-cli at random points, many times, then a restart on the same
/// file (sync.md): the cache stays intact, every edit recorded in the outbox reaches central
/// exactly once, and the cache ends equal to central. Central keeps changing meanwhile.
class TestSyncKill : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestStore> m_store;
    QTemporaryDir m_dir;
    QString m_user;
    QRandomGenerator m_random{20261121};

    QStringList syncArgs(const QString &cache) const
    {
        return {QStringLiteral("sync"),
                QStringLiteral("--cache"),
                cache,
                QStringLiteral("--url"),
                m_store->conninfo(m_user),
                QStringLiteral("--quiet"),
                QStringLiteral("--copy-page"),
                QStringLiteral("200"),
                QStringLiteral("--batch"),
                QStringLiteral("1")};
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), m_store->password());
        return env;
    }

    /// Starts a sync and kills it (SIGKILL) after a random delay, or lets it finish.
    /// Returns whether it was killed.
    bool syncAndKill(const QString &cache, int minMs, int maxMs)
    {
        QProcess p;
        p.setProcessEnvironment(environment());
        p.start(TestSupport::binary(QStringLiteral("coulisse-cli")), syncArgs(cache));
        if (!p.waitForStarted())
            return false;
        const int delay = int(m_random.bounded(minMs, maxMs));
        if (p.waitForFinished(delay))
            return false;
        p.kill(); // SIGKILL on Unix
        p.waitForFinished();
        return true;
    }

    /// Syncs in a fresh process until it succeeds with nothing left waiting.
    QString settle(const QString &cache)
    {
        TestSupport::CliRun run;
        for (int i = 0; i < 40; ++i) {
            run = TestSupport::runCli(syncArgs(cache), environment());
            if (run.code == 0 && run.out.contains(QLatin1String("Waiting: 0;")))
                return {};
            QTest::qWait(150);
        }
        return run.out + run.err;
    }

    /// Some central activity by someone else: titles, plays, tags of other videos.
    void centralActivity(int round)
    {
        m_store->exec(QStringLiteral("UPDATE coulisse.videos SET plays = plays + 1, title = "
                                     "'round %1 ' || id WHERE id %% 97 = %2")
                          .arg(round)
                          .arg(round % 97));
        m_store->exec(
            QStringLiteral(
                "DELETE FROM coulisse.video_tags WHERE (video_id, tag_id) IN (SELECT video_id, "
                "tag_id FROM coulisse.video_tags WHERE video_id %% 89 = %1 LIMIT 5)")
                .arg(round % 89));
    }

private slots:
    void initTestCase()
    {
        if (TestStore::serverDirectory().isEmpty())
            QSKIP("needs the suite's PostgreSQL (run through ctest)");
        QVERIFY(m_dir.isValid());
        m_store = std::make_unique<TestStore>(QStringLiteral("kill"));
        QCOMPARE(m_store->create(), QString());
        QCOMPARE(SyncCheck::seed(*m_store, 12000, 11), QString());
        QString error;
        m_user = m_store->addStaff(QStringLiteral("sup"), QStringLiteral("supervisor"), &error);
        QVERIFY2(!m_user.isEmpty(), qPrintable(error));
    }

    void killedAtRandomPoints()
    {
        const QString cache = m_dir.filePath(QStringLiteral("killed.sqlite"));
        // Phase 1: the initial copy, killed over and over.
        int kills = 0;
        for (int i = 0; i < 12; ++i)
            kills += syncAndKill(cache, 20, 250) ? 1 : 0;
        QCOMPARE(settle(cache), QString());
        qInfo("initial copy: %d kills", kills);

        // Phase 2: rounds of offline edits, each followed by a sync killed at a random point
        // (connecting, pushing one local transaction per round trip, pulling, confirming)
        // while central keeps changing.
        QStringList ops;
        QList<QPair<qint64, qint64>> added;
        kills = 0;
        for (int round = 0; round < 20; ++round) {
            {
                CacheDatabase db;
                QVERIFY2(db.open(cache), qPrintable(db.errorString()));
                CacheEditor editor(db);
                QSqlQuery pick(db.database());
                // Videos whose tags central activity never removes (id % 89 above the rounds).
                QVERIFY(pick.exec(
                    QStringLiteral(
                        "SELECT v.id, (SELECT t.id FROM tags t JOIN tag_groups g ON g.id = "
                        "t.group_id WHERE g.kind = 'general' AND t.status = 'active' AND t.id "
                        "NOT IN (SELECT tag_id FROM video_tags WHERE video_id = v.id) ORDER BY "
                        "t.id LIMIT 1) FROM videos v WHERE v.id % 89 >= 20 ORDER BY v.id LIMIT "
                        "60 OFFSET %1")
                        .arg(round * 60)));
                QList<QPair<qint64, qint64>> targets;
                while (pick.next())
                    targets.append({pick.value(0).toLongLong(), pick.value(1).toLongLong()});
                pick.finish();
                QCOMPARE(targets.size(), 60);
                for (const auto &[video, tag] : std::as_const(targets)) {
                    const CacheEditor::Result r = editor.tagVideo(video, {tag}, {});
                    QVERIFY2(r.ok && r.changed, qPrintable(r.error));
                    ops.append(r.opId);
                    added.append({video, tag});
                }
            }
            centralActivity(round);
            kills += syncAndKill(cache, 10, 200) ? 1 : 0;
        }
        qInfo("push and pull: %d kills in 20 rounds", kills);
        QCOMPARE(settle(cache), QString());

        CacheDatabase db;
        QVERIFY2(db.open(cache), qPrintable(db.errorString()));
        QSqlQuery integrity(db.database());
        QVERIFY(integrity.exec(QStringLiteral("PRAGMA integrity_check")) && integrity.next());
        QCOMPARE(integrity.value(0).toString(), QStringLiteral("ok"));
        integrity.finish();
        QCOMPARE(SyncCheck::health(db), QString());
        // Every recorded edit reached central exactly once.
        const QString client =
            TestSupport::scalar(db.database(),
                                QStringLiteral("SELECT value FROM sync_state WHERE key = "
                                               "'client_id'"))
                .toString();
        QCOMPARE(TestSupport::scalar(m_store->installer(),
                                     QStringLiteral("SELECT count(*) FROM coulisse.applied_ops "
                                                    "WHERE client_id = '%1'")
                                         .arg(client))
                     .toLongLong(),
                 qint64(ops.size()));
        QCOMPARE(TestSupport::scalar(db.database(),
                                     QStringLiteral("SELECT count(*) FROM outbox WHERE state = "
                                                    "'applied'"))
                     .toLongLong(),
                 qint64(ops.size()));
        for (const auto &[video, tag] : std::as_const(added))
            QCOMPARE(TestSupport::scalar(m_store->installer(),
                                         QStringLiteral("SELECT count(*) FROM coulisse.video_tags "
                                                        "WHERE video_id = %1 AND tag_id = %2")
                                             .arg(video)
                                             .arg(tag))
                         .toLongLong(),
                     1);
        // And the cache equals central, central's own changes included.
        QString error;
        const QSqlDatabase central = m_store->login(m_user, &error, QStringLiteral("check"));
        QVERIFY2(central.isOpen(), qPrintable(error));
        QCOMPARE(SyncCheck::compare(db, central), QString());
    }

    /// Killed while the copy's indexes are built (small search chunks make that stage long):
    /// the next syncs go on from the step reached, and the cache ends with every index and
    /// every search row once.
    void killedWhileIndexing()
    {
        const QString cache = m_dir.filePath(QStringLiteral("indexing.sqlite"));
        QStringList args = syncArgs(cache);
        args << QStringLiteral("--index-chunk") << QStringLiteral("40");
        // Where the index stage lies in an unbroken sync of the same scope.
        const QString scratch = m_dir.filePath(QStringLiteral("indexing-scratch.sqlite"));
        QElapsedTimer timer;
        timer.start();
        const TestSupport::CliRun whole =
            TestSupport::runCli(QStringList(args).replaceInStrings(cache, scratch), environment());
        const qint64 totalMs = timer.elapsed();
        QCOMPARE(whole.code, 0);
        static const QRegularExpression ready(QStringLiteral("ready after (\\d+) ms"));
        const QRegularExpressionMatch m = ready.match(whole.out);
        QVERIFY2(m.hasMatch(), qPrintable(whole.out));
        const qint64 readyMs = m.captured(1).toLongLong();
        QVERIFY2(
            totalMs - readyMs > 300,
            qPrintable(
                QStringLiteral("index stage %1 ms of %2").arg(totalMs - readyMs).arg(totalMs)));
        int whileIndexing = 0;
        for (int i = 0; i < 8; ++i) {
            QProcess p;
            p.setProcessEnvironment(environment());
            p.start(TestSupport::binary(QStringLiteral("coulisse-cli")), args);
            QVERIFY(p.waitForStarted());
            // The first kill within the index stage, later ones anywhere in what is left.
            const int delay = i == 0 ? int(m_random.bounded(readyMs + (totalMs - readyMs) / 4,
                                                            totalMs - (totalMs - readyMs) / 4))
                                     : int(m_random.bounded(30, 600));
            if (p.waitForFinished(delay))
                continue;
            p.kill();
            p.waitForFinished();
            CacheDatabase db;
            QVERIFY2(db.open(cache), qPrintable(db.errorString()));
            const SyncStatus status = SyncStatus::read(db);
            if (status.copied && status.indexing)
                ++whileIndexing;
        }
        qInfo("%d kills while indexing", whileIndexing);
        QVERIFY(whileIndexing > 0);
        QCOMPARE(settle(cache), QString());
        CacheDatabase db;
        QVERIFY2(db.open(cache), qPrintable(db.errorString()));
        QVERIFY(!SyncStatus::read(db).indexing);
        CacheDatabase empty;
        QVERIFY(empty.open(m_dir.filePath(QStringLiteral("indexing-empty.sqlite"))));
        const QString indexes =
            QStringLiteral("SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema WHERE "
                           "type = 'index' ORDER BY name)");
        QCOMPARE(TestSupport::scalar(db.database(), indexes).toString(),
                 TestSupport::scalar(empty.database(), indexes).toString());
        QCOMPARE(SyncCheck::health(db), QString());
        QString error;
        const QSqlDatabase central = m_store->login(m_user, &error, QStringLiteral("indexing"));
        QVERIFY2(central.isOpen(), qPrintable(error));
        QCOMPARE(SyncCheck::compare(db, central), QString());
    }

    void cleanupTestCase() { m_store.reset(); }
};

QTEST_GUILESS_MAIN(TestSyncKill)
#include "tst_synckill.moc"
