#include "cachedatabase.h"
#include "centralclient.h"
#include "centrallevels.h"
#include "democentralwriter.h"
#include "demoeventgenerator.h"
#include "laddermodel.h"
#include "levelcomparechart.h"
#include "leveldistributionchart.h"
#include "levelladder.h"
#include "levelmovesmodel.h"
#include "levelspage.h"
#include "ruletreemodel.h"
#include "syncengine.h"
#include "teststore.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QFrame>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

/// The Levels page against a real central store and a real synced cache: the what-if preview
/// of an edited threshold, the same levels after saving it (policy off), a version waiting for
/// a second person's approval, and a draft the store would refuse shown as such.
class TestLevelsPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestStore m_store{QStringLiteral("levelspage")};
    QString m_admin;
    QString m_pm;
    QString m_pm2;
    QString m_supervisor;

    static QJsonObject ladderJson()
    {
        return QJsonDocument::fromJson(R"({"levels": [
            {"level": 1, "name_zh": "新人", "name_en": "Newcomer",
             "rule": {"metric": "videos", "window": 0, "min": 1}},
            {"level": 2, "name_zh": "成长中", "name_en": "Growing",
             "rule": {"metric": "videos", "window": 0, "min": 10}},
            {"level": 3, "name_zh": "红人", "name_en": "Star",
             "rule": {"all": [{"metric": "videos", "window": 0, "min": 30},
                              {"metric": "plays", "window": 0, "min": 1000}]}}]})")
            .object();
    }

    QString sync(CacheDatabase &cache, const QString &user)
    {
        SyncEngine::Settings settings;
        settings.conninfo = m_store.conninfo(user);
        settings.password = m_store.password();
        SyncEngine engine(cache, settings);
        const SyncEngine::Report r = engine.run();
        return r.ok ? QString() : r.error;
    }

    bool setPolicy(bool review)
    {
        QString error;
        QSqlDatabase db = m_store.login(m_admin, &error, QStringLiteral("policy"));
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT coulisse.set_approval_policy('pm', 'levels', ?)"));
        q.addBindValue(review);
        return q.exec();
    }

    /// A Levels page signed in as \a user (\a role) on a cache of its own, synced once.
    struct Session
    {
        CacheDatabase cache;
        CentralClient client;
        std::unique_ptr<LevelsPage> page;
    };

    std::unique_ptr<Session> openPage(const QString &file, const QString &user, const QString &role)
    {
        auto session = std::make_unique<Session>();
        if (!session->cache.open(m_dir.filePath(file))) {
            qWarning("%s", qPrintable(session->cache.errorString()));
            return nullptr;
        }
        const QString error = sync(session->cache, user);
        if (!error.isEmpty()) {
            qWarning("sync: %s", qPrintable(error));
            return nullptr;
        }
        session->client.setCredentials(m_store.conninfo(user), m_store.password());
        session->page = std::make_unique<LevelsPage>(&session->cache, &session->client);
        session->page->setRole(role, user);
        session->page->setSignedIn(true);
        session->page->show();
        session->page->setSynced();
        return session;
    }

    static bool waitDone(LevelsPage &page, QString *message)
    {
        QSignalSpy done(&page, &LevelsPage::done);
        if (!done.wait(30000))
            return false;
        *message = done.last().at(1).toString();
        return done.last().at(0).toBool();
    }

    /// The level of every creator in \a cache.
    static QHash<qint64, int> levels(CacheDatabase &cache)
    {
        QHash<qint64, int> result;
        QSqlQuery q(cache.database());
        q.exec(QStringLiteral("SELECT user_id, level FROM creator_levels"));
        while (q.next())
            result.insert(q.value(0).toLongLong(), q.value(1).toInt());
        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(m_store.create(), QString());
        QString error;
        for (auto [name, role, out] :
             {std::tuple{"admin", "admin", &m_admin}, std::tuple{"pm", "pm", &m_pm},
              std::tuple{"pm2", "pm", &m_pm2},
              std::tuple{"supervisor", "supervisor", &m_supervisor}}) {
            *out = m_store.addStaff(QLatin1String(name), QLatin1String(role), &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        DemoDataOptions options;
        options.videos = 1500;
        const DemoCentralWriter::Result demo =
            DemoCentralWriter::write(m_store.installer(), options);
        QVERIFY2(demo.ok, qPrintable(demo.error));
        // The first ladder, active at once, and every creator placed.
        QVERIFY(setPolicy(false));
        QSqlDatabase pm = m_store.login(m_pm, &error, QStringLiteral("pm"));
        QVERIFY2(error.isEmpty(), qPrintable(error));
        CentralLevels central(pm);
        const auto saved = central.save(ladderJson(), QStringLiteral("first"));
        QVERIFY2(saved, qPrintable(central.errorString()));
        QCOMPARE(saved->state, QStringLiteral("active"));
        const auto refreshed = central.refresh(options.until.date().addDays(-1));
        QVERIFY2(refreshed, qPrintable(central.errorString()));
        QVERIFY(refreshed->creators > 10);
        QVERIFY(
            central.backfill(options.until.date().addDays(-10), options.until.date().addDays(-2)));
    }

    void shouldPreviewAnEditAndPlaceCreatorsAlikeWhenSaved()
    {
        CacheDatabase cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("pm.sqlite"))));
        QCOMPARE(sync(cache, m_pm), QString());
        CentralClient client;
        client.setCredentials(m_store.conninfo(m_pm), m_store.password());
        LevelsPage page(&cache, &client);
        QAbstractItemModelTester ladderTester(page.ladderModel());
        QAbstractItemModelTester ruleTester(page.ruleModel());
        QAbstractItemModelTester movesTester(page.movesModel());
        page.resize(1300, 850);
        page.setRole(QStringLiteral("pm"), m_pm);
        page.setSignedIn(true);
        page.show();
        page.setSynced();
        QVERIFY(page.isReady());
        QCOMPARE(page.ladderModel()->levelCount(), 3);
        QCOMPARE(page.movesModel()->rowCount(), 0); // the active ladder moves nobody
        QVERIFY(page.summaryText().contains(QLatin1String("no creator changes")));
        QVERIFY(page.distributionChart()->bandCount() >= 4);

        // Level 2 needs 5 videos instead of 10: some creators go up, none down.
        page.selectLevel(1);
        RuleTreeModel *rule = page.ruleModel();
        QVERIFY(rule->setData(rule->index(0, RuleTreeModel::MinimumColumn), 5.0));
        QTRY_VERIFY(page.movesModel()->rowCount() > 0);
        const LevelWhatIf::Result preview = page.whatIf();
        QVERIFY(preview.up > 0);
        QCOMPARE(preview.down, 0);
        QVERIFY(page.summaryText().contains(QString::number(preview.up)));
        QCOMPARE(page.compareChart()->draftValues().size(), preview.proposed.size());
        QVERIFY(page.isDirty());
        auto *save = page.findChild<QPushButton *>(QStringLiteral("saveLadder"));
        QVERIFY(save->isEnabled());

        page.saveDraft(QStringLiteral("a lower second rung"));
        QString message;
        QVERIFY2(waitDone(page, &message), qPrintable(message));
        QVERIFY(!page.isDirty());
        QCOMPARE(sync(cache, m_pm), QString());
        page.refresh(); // what MainWindow does when a sync brought levels
        // Every creator is where the preview said.
        const QHash<qint64, int> after = levels(cache);
        QHash<qint64, int> moved;
        for (const LevelWhatIf::Move &m : preview.moves)
            moved.insert(m.userId, m.proposed);
        int checked = 0;
        for (auto it = after.begin(); it != after.end(); ++it) {
            if (moved.contains(it.key())) {
                QCOMPARE(it.value(), moved.value(it.key()));
                ++checked;
            }
        }
        QCOMPARE(checked, int(preview.moves.size()));
        QList<int> counts(preview.proposed.size(), 0);
        for (int level : after)
            ++counts[level];
        QCOMPARE(counts, preview.proposed);
        // The new version is active; the editor shows it, moving nobody.
        QCOMPARE(page.movesModel()->rowCount(), 0);
        QVERIFY(page.findChild<QLabel *>(QStringLiteral("levelsHeading"))
                    ->text()
                    .contains(QLatin1String("version 2")));
    }

    void shouldWaitForASecondPerson()
    {
        QVERIFY(setPolicy(true));
        const auto session =
            openPage(QStringLiteral("pm-review.sqlite"), m_pm, QStringLiteral("pm"));
        QVERIFY(session);
        CacheDatabase &cache = session->cache;
        LevelsPage &page = *session->page;
        page.ladderModel()->addLevel();
        QVERIFY(page.isDirty());
        page.saveDraft(QStringLiteral("a fourth rung"));
        QString message;
        QVERIFY2(waitDone(page, &message), qPrintable(message));
        QCOMPARE(sync(cache, m_pm), QString());
        page.refresh();
        auto *pending = page.findChild<QFrame *>(QStringLiteral("pendingLadder"));
        QVERIFY(pending->isVisibleTo(&page));
        // The author may withdraw, not approve.
        QVERIFY(
            !page.findChild<QPushButton *>(QStringLiteral("approveLadder"))->isVisibleTo(&page));
        QVERIFY(
            page.findChild<QPushButton *>(QStringLiteral("withdrawLadder"))->isVisibleTo(&page));
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("saveLadder"))->isEnabled());

        // The supervisor approves from their own page.
        const auto approverSession = openPage(QStringLiteral("supervisor.sqlite"), m_supervisor,
                                              QStringLiteral("supervisor"));
        QVERIFY(approverSession);
        LevelsPage &approver = *approverSession->page;
        QVERIFY(approver.findChild<QPushButton *>(QStringLiteral("approveLadder"))
                    ->isVisibleTo(&approver));
        QVERIFY(!approver.findChild<QPushButton *>(QStringLiteral("saveLadder"))
                     ->isVisibleTo(&approver));
        approver.decidePending(true, QStringLiteral("fine"));
        QVERIFY2(waitDone(approver, &message), qPrintable(message));
        QCOMPARE(sync(cache, m_pm), QString());
        page.refresh();
        QVERIFY(!pending->isVisibleTo(&page));
        QCOMPARE(page.ladderModel()->levelCount(), 4);
    }

    void shouldRefreshLevelsWithTheMetrics()
    {
        // The daily job (coulisse-cli metrics refresh) brings the levels up to date too.
        QSqlDatabase installer = m_store.installer();
        const qint64 before =
            TestSupport::scalar(installer, QStringLiteral("SELECT count(*) FROM "
                                                          "coulisse.level_refreshes WHERE kind "
                                                          "= 'refresh'"))
                .toLongLong();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), m_store.password());
        const TestSupport::CliRun run =
            TestSupport::runCli({QStringLiteral("metrics"), QStringLiteral("refresh"),
                                 QStringLiteral("--url"), m_store.conninfo(m_pm)},
                                env);
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("Levels as of")), qPrintable(run.out));
        QCOMPARE(TestSupport::scalar(installer, QStringLiteral("SELECT count(*) FROM "
                                                               "coulisse.level_refreshes WHERE "
                                                               "kind = 'refresh'"))
                     .toLongLong(),
                 before + 1);
    }

    void shouldShowWhyADraftIsRefused()
    {
        CacheDatabase cache;
        QVERIFY(cache.open(m_dir.filePath(QStringLiteral("pm-bad.sqlite"))));
        QCOMPARE(sync(cache, m_pm), QString());
        CentralClient client;
        LevelsPage page(&cache, &client);
        page.setRole(QStringLiteral("pm"), m_pm);
        page.setSignedIn(true);
        page.show();
        page.setSynced();
        LadderModel *ladder = page.ladderModel();
        QVERIFY(ladder->setData(ladder->index(0, LadderModel::NameZhColumn), QString()));
        QVERIFY(ladder->setData(ladder->index(0, LadderModel::NameEnColumn), QString()));
        QTRY_VERIFY(!page.errorText().isEmpty());
        QVERIFY2(page.errorText().startsWith(QLatin1String("levels[0]: a level has a name")),
                 qPrintable(page.errorText()));
        QCOMPARE(page.movesModel()->rowCount(), 0);
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("saveLadder"))->isEnabled());
        // Discarding goes back to the active version.
        page.discardDraft();
        QVERIFY(page.errorText().isEmpty());
        QVERIFY(!page.isDirty());
    }

    void shouldKeepADraftThatANewerVersionOvertook()
    {
        QVERIFY(setPolicy(false));
        const auto session =
            openPage(QStringLiteral("pm-overtaken.sqlite"), m_pm, QStringLiteral("pm"));
        QVERIFY(session);
        CacheDatabase &cache = session->cache;
        LevelsPage &page = *session->page;
        page.selectLevel(0);
        RuleTreeModel *rule = page.ruleModel();
        QVERIFY(rule->setData(rule->index(0, RuleTreeModel::MinimumColumn), 2.0));
        QVERIFY(page.isDirty());
        const QJsonObject draft = page.ladderModel()->ladder().toJson();

        // Meanwhile pm2 makes a version of their own active.
        QJsonObject theirs = ladderJson();
        {
            QJsonArray levels = theirs.value(QLatin1String("levels")).toArray();
            QJsonObject first = levels.at(0).toObject();
            first.insert(QStringLiteral("name_en"), QStringLiteral("Beginner"));
            levels.replace(0, first);
            theirs.insert(QStringLiteral("levels"), levels);
        }
        {
            QString error;
            QSqlDatabase db = m_store.login(m_pm2, &error, QStringLiteral("pm2-overtakes"));
            QVERIFY2(db.isOpen(), qPrintable(error));
            CentralLevels central(db);
            const auto saved = central.save(theirs, QStringLiteral("pm2"));
            QVERIFY2(saved, qPrintable(central.errorString()));
            QCOMPARE(saved->state, QStringLiteral("active"));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("pm2-overtakes"));

        // The save is refused and nothing of the draft is lost, through a sync too.
        page.saveDraft(QStringLiteral("mine"));
        QString message;
        QVERIFY(!waitDone(page, &message));
        QVERIFY2(message.contains(QLatin1String("became active after your draft")),
                 qPrintable(message));
        QVERIFY(page.isDirty());
        QCOMPARE(sync(cache, m_pm), QString());
        page.refresh();
        QVERIFY(page.isDirty());
        QCOMPARE(page.ladderModel()->ladder().toJson(), draft);
        // Discarding it shows pm2's version.
        page.discardDraft();
        QCOMPARE(page.ladderModel()->ladder().toJson(), LevelLadder::fromJson(theirs).toJson());
    }

    void shouldApproveOnlyTheVersionAsItWasSaved()
    {
        QVERIFY(setPolicy(true));
        QJsonObject waiting = ladderJson();
        QJsonArray rungs = waiting.value(QLatin1String("levels")).toArray();
        rungs.removeLast();
        waiting.insert(QStringLiteral("levels"), rungs);
        int version = 0;
        {
            QString error;
            QSqlDatabase db = m_store.login(m_pm, &error, QStringLiteral("pm-waits"));
            QVERIFY2(db.isOpen(), qPrintable(error));
            CentralLevels central(db);
            const auto saved = central.save(waiting, QStringLiteral("two rungs"));
            QVERIFY2(saved, qPrintable(central.errorString()));
            QCOMPARE(saved->state, QStringLiteral("pending"));
            version = saved->version;
        }
        QSqlDatabase::removeDatabase(QStringLiteral("pm-waits"));
        const auto session =
            openPage(QStringLiteral("pm2-approves.sqlite"), m_pm2, QStringLiteral("pm"));
        QVERIFY(session);
        CacheDatabase &cache = session->cache;
        LevelsPage &page = *session->page;
        auto *approve = page.findChild<QPushButton *>(QStringLiteral("approveLadder"));
        QVERIFY(approve->isVisibleTo(&page));
        QVERIFY(page.loadVersion(version));
        QVERIFY(approve->isEnabled());
        // An edited copy of the waiting version is not what would be approved.
        page.selectLevel(1);
        RuleTreeModel *rule = page.ruleModel();
        QVERIFY(rule->setData(rule->index(0, RuleTreeModel::MinimumColumn), 7.0));
        QVERIFY(!approve->isEnabled());
        QVERIFY(approve->toolTip().contains(QString::number(version)));
        page.discardDraft();
        QVERIFY(page.loadVersion(version));
        QVERIFY(approve->isEnabled());
        // Rejected with a reason, shown beside the author's note.
        page.decidePending(false, QStringLiteral("two rungs are too few"));
        QString message;
        QVERIFY2(waitDone(page, &message), qPrintable(message));
        QCOMPARE(sync(cache, m_pm2), QString());
        page.refresh();
        auto *table = page.findChild<QTableWidget *>(QStringLiteral("versionsTable"));
        QVERIFY(table);
        int row = -1;
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, 0)->text() == QString::number(version))
                row = r;
        }
        QVERIFY(row >= 0);
        QCOMPARE(table->item(row, 5)->text(), QStringLiteral("two rungs"));
        QCOMPARE(table->item(row, 6)->text(), QStringLiteral("two rungs are too few"));
        QVERIFY(!page.findChild<QFrame *>(QStringLiteral("pendingLadder"))->isVisibleTo(&page));
    }
};

QTEST_MAIN(TestLevelsPage)
#include "tst_levelspage.moc"
