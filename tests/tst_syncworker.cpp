#include "cachedatabase.h"
#include "centralconnection.h"
#include "syncworker.h"
#include "teststore.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using TestSupport::scalar;

/// The background sync against a real store: it syncs on start, on demand and when central
/// notifies a change; offline it leaves central alone; a refused password asks to sign in
/// again instead of retrying; a dropped connection is retried with backoff until it works.
class TestSyncWorker : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestStore> m_store;
    QTemporaryDir m_dir;
    QString m_supervisor;
    int m_caches = 0;

    /// Short timers: the test waits seconds, not minutes.
    static SyncWorker::Options fastOptions()
    {
        SyncWorker::Options o;
        o.intervalMs = 0; // no periodic sync unless a test asks for one
        o.debounceMs = 100;
        o.firstRetryMs = 200;
        o.maxRetryMs = 800;
        o.settleMs = 200;
        return o;
    }

    std::unique_ptr<SyncWorker> worker(const SyncWorker::Options &options = fastOptions(),
                                       const QString &password = {})
    {
        const QString path = m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(++m_caches));
        auto w = std::make_unique<SyncWorker>(path, options);
        w->setCredentials(m_store->conninfo(m_supervisor),
                          password.isEmpty() ? m_store->password() : password);
        return w;
    }

    /// Waits for the next finished report (up to \a ms).
    static bool nextReport(QSignalSpy &spy, SyncEngine::Report *report, int ms = 30000)
    {
        const qsizetype before = spy.size();
        QElapsedTimer timer;
        timer.start();
        while (spy.size() == before && timer.elapsed() < ms)
            QTest::qWait(20);
        if (spy.size() == before)
            return false;
        *report = spy.at(before).at(0).value<SyncEngine::Report>();
        return true;
    }

    static bool waitUntil(const std::function<bool()> &condition, int ms = 30000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!condition() && timer.elapsed() < ms)
            QTest::qWait(20);
        return condition();
    }

    qint64 central(const QString &sql) { return scalar(m_store->installer(), sql).toLongLong(); }

    qint64 cached(const QString &path, const QString &sql)
    {
        CacheDatabase cache;
        if (!cache.open(path, CacheDatabase::Access::ReadOnly))
            return -1;
        return scalar(cache.database(), sql).toLongLong();
    }

    qint64 sessionsOf(const QString &user)
    {
        return central(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE usename = "
                                      "'%1' AND datname = current_database()")
                           .arg(user));
    }

    QString addTag(const QString &name)
    {
        return m_store->exec(
            QStringLiteral("INSERT INTO coulisse.tags (group_id, name) SELECT id, '%1' FROM "
                           "coulisse.tag_groups WHERE kind = 'general'")
                .arg(name));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        SyncWorker::registerMetaTypes();
        m_store = std::make_unique<TestStore>(QStringLiteral("syncworker"));
        QCOMPARE(m_store->create(), QString());
        for (const char *sql :
             {"INSERT INTO coulisse.tag_groups (kind, name) VALUES ('general', '通用')",
              "INSERT INTO coulisse.tags (group_id, name) SELECT id, unnest(ARRAY['教程', "
              "'搞笑']) FROM coulisse.tag_groups WHERE kind = 'general'",
              "INSERT INTO coulisse.games (name) VALUES ('A'), ('B')",
              "INSERT INTO coulisse.videos (title, game_id, source, duration_s, published_at) "
              "SELECT 'video ' || name || n, id, 'web_upload', 30, now() FROM coulisse.games, "
              "generate_series(1, 20) n"})
            QCOMPARE(m_store->exec(QString::fromUtf8(sql)), QString());
        QString error;
        m_supervisor =
            m_store->addStaff(QStringLiteral("supervisor"), QStringLiteral("supervisor"), &error);
        QVERIFY2(!m_supervisor.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase() { m_store.reset(); }

    void shouldSyncOnStart()
    {
        auto w = worker();
        QSignalSpy finished(w.get(), &SyncWorker::finished);
        QSignalSpy states(w.get(), &SyncWorker::stateChanged);
        QSignalSpy changed(w.get(), &SyncWorker::cacheChanged);
        w->start();
        SyncEngine::Report report;
        QVERIFY(nextReport(finished, &report));
        QVERIFY2(report.ok, qPrintable(report.error));
        QVERIFY(report.copied);
        QCOMPARE(report.role, QStringLiteral("supervisor"));
        QCOMPARE(report.user, m_supervisor);
        QTRY_COMPARE(w->state().kind, SyncState::Idle);
        QVERIFY(changed.size() >= 1);
        // The stages were reported while it ran.
        bool sawCopy = false;
        for (const QList<QVariant> &args : std::as_const(states)) {
            const SyncState s = args.at(0).value<SyncState>();
            sawCopy =
                sawCopy || (s.kind == SyncState::Syncing && s.stage == SyncEngine::Stage::Copying);
        }
        QVERIFY(sawCopy);
        QCOMPARE(cached(w->cachePath(), QStringLiteral("SELECT count(*) FROM videos")),
                 central(QStringLiteral("SELECT count(*) FROM coulisse.videos")));
    }

    void shouldSyncOnDemand()
    {
        auto w = worker();
        QSignalSpy finished(w.get(), &SyncWorker::finished);
        w->start();
        SyncEngine::Report report;
        QVERIFY(nextReport(finished, &report));
        QVERIFY2(report.ok, qPrintable(report.error));
        QTest::qWait(300);
        QCOMPARE(w->runs(), 1); // no timer, no notification: nothing else runs
        w->syncNow();
        QVERIFY(nextReport(finished, &report));
        QVERIFY2(report.ok, qPrintable(report.error));
        QVERIFY(!report.copied);
        QCOMPARE(w->runs(), 2);
    }

    void shouldLeaveCentralAloneWhileOffline()
    {
        SyncWorker::Options options = fastOptions();
        options.intervalMs = 300;
        auto w = worker(options);
        QSignalSpy finished(w.get(), &SyncWorker::finished);
        w->start();
        SyncEngine::Report report;
        QVERIFY(nextReport(finished, &report));
        QVERIFY2(report.ok, qPrintable(report.error));
        QVERIFY(sessionsOf(m_supervisor) >= 1);

        w->setOffline(true);
        QVERIFY(w->isOffline());
        QTRY_COMPARE(w->state().kind, SyncState::Offline);
        QTRY_COMPARE(sessionsOf(m_supervisor), 0);
        const int runs = w->runs();
        QCOMPARE(addTag(QStringLiteral("离线时")), QString());
        w->syncNow();       // ignored while offline
        QTest::qWait(1200); // four intervals
        QCOMPARE(w->runs(), runs);
        QCOMPARE(w->state().kind, SyncState::Offline);

        // Back online: a sync at once, which brings the change made meanwhile.
        w->setOffline(false);
        QVERIFY(nextReport(finished, &report));
        QVERIFY2(report.ok, qPrintable(report.error));
        QVERIFY(waitUntil([&] {
            return cached(w->cachePath(),
                          QStringLiteral("SELECT count(*) FROM tags WHERE name = '离线时'")) == 1;
        }));
    }

    void shouldSyncWhenCentralNotifies()
    {
        auto w = worker();
        QSignalSpy finished(w.get(), &SyncWorker::finished);
        w->start();
        SyncEngine::Report report;
        QVERIFY(nextReport(finished, &report));
        QVERIFY2(report.ok, qPrintable(report.error));
        QTRY_COMPARE(w->state().kind, SyncState::Idle);
        QTest::qWait(300);
        const int runs = w->runs();

        // Another connection changes the catalogue: central notifies, the worker syncs.
        QCOMPARE(addTag(QStringLiteral("通知")), QString());
        QVERIFY(waitUntil([&] { return w->runs() > runs; }, 10000));
        // The change log may lag behind a concurrent transaction for a moment: the tag
        // arrives with this sync or a next one.
        QVERIFY(waitUntil(
            [&] {
                if (cached(w->cachePath(),
                           QStringLiteral("SELECT count(*) FROM tags WHERE name = '通知'")) == 1)
                    return true;
                if (w->state().kind == SyncState::Idle)
                    w->syncNow();
                QTest::qWait(100);
                return false;
            },
            20000));
        // A burst of changes makes few syncs, not one each.
        const int before = w->runs();
        for (int i = 0; i < 10; ++i)
            QCOMPARE(addTag(QStringLiteral("burst %1").arg(i)), QString());
        QVERIFY(waitUntil([&] { return w->runs() > before; }, 10000));
        QTest::qWait(800);
        QVERIFY2(w->runs() - before <= 3, qPrintable(QString::number(w->runs() - before)));
    }

    void shouldAskToSignInAgainWhenThePasswordIsRefused()
    {
        auto w = worker(fastOptions(), QStringLiteral("not-the-password"));
        QSignalSpy finished(w.get(), &SyncWorker::finished);
        QSignalSpy signIn(w.get(), &SyncWorker::signInNeeded);
        w->start();
        SyncEngine::Report report;
        QVERIFY(nextReport(finished, &report));
        QVERIFY(!report.ok);
        QCOMPARE(report.sqlState, QStringLiteral("28P01"));
        QTRY_COMPARE(signIn.size(), 1);
        QCOMPARE(w->state().kind, SyncState::SignInNeeded);
        // No retry storm: with a 200 ms first retry, a second attempt would be there by now.
        QTest::qWait(1500);
        QCOMPARE(w->runs(), 1);
        w->syncNow();
        QTest::qWait(300);
        QCOMPARE(w->runs(), 1);
        QCOMPARE(w->state().kind, SyncState::SignInNeeded);

        // New credentials: a sync at once.
        w->setCredentials(m_store->conninfo(m_supervisor), m_store->password());
        QVERIFY(nextReport(finished, &report));
        QVERIFY2(report.ok, qPrintable(report.error));
        QTRY_COMPARE(w->state().kind, SyncState::Idle);
    }

    void shouldRetryAfterTheConnectionIsKilled()
    {
        auto w = worker();
        QSignalSpy finished(w.get(), &SyncWorker::finished);
        QSignalSpy states(w.get(), &SyncWorker::stateChanged);
        w->start();
        SyncEngine::Report report;
        QVERIFY(nextReport(finished, &report));
        QVERIFY2(report.ok, qPrintable(report.error));
        QTRY_COMPARE(w->state().kind, SyncState::Idle);
        const QString killAll =
            QStringLiteral("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                           "usename = '%1' AND datname = current_database()")
                .arg(m_supervisor);

        // The backend killed between two syncs: the next sync gets through, at once or after
        // a retry (whether the dead socket is noticed first is a race).
        QVERIFY(central(killAll) >= 1);
        w->syncNow();
        QVERIFY(waitUntil([&] {
            return !finished.isEmpty() && finished.last().at(0).value<SyncEngine::Report>().ok &&
                   finished.size() > 1;
        }));

        // Killed and kept out for a while: a failure that plans a retry, then success.
        QCOMPARE(m_store->exec(QStringLiteral("ALTER ROLE \"%1\" NOLOGIN").arg(m_supervisor)),
                 QString());
        QVERIFY(central(killAll) >= 1);
        states.clear();
        w->syncNow();
        QVERIFY(nextReport(finished, &report));
        QVERIFY(!report.ok);
        QVERIFY2(report.retry, qPrintable(report.error));
        QVERIFY(report.sqlState != QLatin1String("28P01"));
        bool sawRetry = false;
        QVERIFY(waitUntil([&] {
            for (const QList<QVariant> &args : std::as_const(states)) {
                const SyncState s = args.at(0).value<SyncState>();
                sawRetry = sawRetry || (s.kind == SyncState::Error && s.nextRetry.isValid());
            }
            return sawRetry;
        }));
        // Retries come by themselves, with growing delays.
        const int failed = w->runs();
        QVERIFY(waitUntil([&] { return w->runs() >= failed + 2; }, 10000));
        QCOMPARE(w->state().kind, SyncState::Error);
        QCOMPARE(m_store->exec(QStringLiteral("ALTER ROLE \"%1\" LOGIN").arg(m_supervisor)),
                 QString());
        QVERIFY(
            waitUntil([&] { return finished.last().at(0).value<SyncEngine::Report>().ok; }, 10000));
        QTRY_COMPARE(w->state().kind, SyncState::Idle);
    }

    void shouldStopPromptlyWhenDestroyed()
    {
        // While it syncs, and while a retry is planned.
        for (const bool reachable : {true, false}) {
            SyncWorker::Options options = fastOptions();
            options.firstRetryMs = 60000;
            auto w = worker(options);
            if (!reachable)
                w->setCredentials(QStringLiteral("host=/nonexistent dbname=x user=y"),
                                  QStringLiteral("pw"));
            QSignalSpy states(w.get(), &SyncWorker::stateChanged);
            w->start();
            QVERIFY(states.wait(10000));
            if (!reachable)
                QTRY_COMPARE(w->state().kind, SyncState::Error);
            QElapsedTimer timer;
            timer.start();
            w.reset();
            QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        }
    }
};

QTEST_GUILESS_MAIN(TestSyncWorker)
#include "tst_syncworker.moc"
