#include "actionregistry.h"
#include "cachedatabase.h"
#include "centralclient.h"
#include "centralreleases.h"
#include "mainwindow.h"
#include "releasespage.h"
#include "releasetablemodel.h"
#include "rolloutchart.h"
#include "syncworker.h"
#include "teststore.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

/// The Releases page against a real central store: a draft written in the form, published by
/// one admin and approved by a supervisor, rolled out, previewed and charted; and the main
/// window telling its user that a newer Coulisse is out.
class TestReleasesPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestStore m_store{QStringLiteral("releasespage")};
    QString m_admin;
    QString m_supervisor;
    QString m_pm;

    static bool waitDone(ReleasesPage &page, QString *message = nullptr)
    {
        QSignalSpy done(&page, &ReleasesPage::done);
        if (!done.wait(20000))
            return false;
        if (message)
            *message = done.last().at(1).toString();
        // The list is read again after every change.
        QSignalSpy ready(&page, &Page::ready);
        ready.wait(20000);
        return done.last().at(0).toBool();
    }

    void signInAs(CentralClient &client, ReleasesPage &page, const QString &user,
                  const QString &role)
    {
        client.setCredentials(m_store.conninfo(user), m_store.password());
        page.setRole(role, user);
        QSignalSpy ready(&page, &Page::ready);
        page.refresh();
        QVERIFY(ready.wait(20000));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(m_store.create(), QString());
        QString error;
        m_admin = m_store.addStaff(QStringLiteral("admin"), QStringLiteral("admin"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_supervisor =
            m_store.addStaff(QStringLiteral("supervisor"), QStringLiteral("supervisor"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_pm = m_store.addStaff(QStringLiteral("pm"), QStringLiteral("pm"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void shouldPublishWithASecondPersonAndRollOut()
    {
        CentralClient client;
        ReleasesPage page(&client);
        QAbstractItemModelTester tester(page.model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.resize(1300, 800);
        page.show();
        page.setSignedIn(true);
        signInAs(client, page, m_admin, QStringLiteral("admin"));
        QCOMPARE(page.model()->rowCount(), 0);

        // A draft from the form; a bad version is refused before anything is sent.
        page.newRelease();
        page.findChild<QLineEdit *>(QStringLiteral("app"))->setText(QStringLiteral("game"));
        page.findChild<QLineEdit *>(QStringLiteral("version"))->setText(QStringLiteral("two"));
        QSignalSpy done(&page, &ReleasesPage::done);
        page.saveForm();
        QCOMPARE(done.count(), 1);
        QVERIFY(!done.last().at(0).toBool());
        QVERIFY(done.last().at(1).toString().contains(QLatin1String("\"two\"")));
        page.findChild<QLineEdit *>(QStringLiteral("version"))->setText(QStringLiteral("2.0.0"));
        page.findChild<QLineEdit *>(QStringLiteral("minVersion"))->setText(QStringLiteral("1.5.0"));
        page.findChild<QLineEdit *>(QStringLiteral("channels"))
            ->setText(QStringLiteral("huawei, official"));
        page.saveForm();
        QString message;
        QVERIFY2(waitDone(page, &message), qPrintable(message));
        QCOMPARE(page.model()->rowCount(), 1);
        const CentralReleases::Release saved = page.model()->release(0);
        QCOMPARE(saved.version, QStringLiteral("2.0.0"));
        QCOMPARE(saved.channels,
                 (QStringList{QStringLiteral("huawei"), QStringLiteral("official")}));
        QCOMPARE(page.table()->selectionModel()->currentIndex().row(), 0);

        // Publishing waits for someone else; the admin who asked cannot approve.
        page.publishSelected();
        QVERIFY2(waitDone(page, &message), qPrintable(message));
        QVERIFY(message.contains(QLatin1String("approval")));
        QCOMPARE(page.model()->data(page.model()->index(0, ReleaseTableModel::StateColumn)),
                 QVariant(QStringLiteral("Awaiting approval")));
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("approveRelease"))->isEnabled());

        // A supervisor approves; they cannot change the release.
        signInAs(client, page, m_supervisor, QStringLiteral("supervisor"));
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("approveRelease"))->isEnabled());
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("saveRelease"))->isEnabled());
        page.approveSelected();
        QVERIFY2(waitDone(page, &message), qPrintable(message));
        QCOMPARE(page.model()->release(0).state, QStringLiteral("rolling_out"));
        QCOMPARE(page.model()->release(0).publishedBy, m_supervisor);

        // The admin rolls it out to 40 %. A published release takes new notes only, in any
        // language.
        signInAs(client, page, m_admin, QStringLiteral("admin"));
        auto *save = page.findChild<QPushButton *>(QStringLiteral("saveRelease"));
        QCOMPARE(save->text(), QStringLiteral("Save Notes"));
        QEvent languageChange(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&page, &languageChange);
        QCOMPARE(save->text(), QStringLiteral("Save Notes"));
        page.findChild<QDoubleSpinBox *>(QStringLiteral("rolloutPercent"))->setValue(40);
        page.rollout(QStringLiteral("percent"));
        QVERIFY2(waitDone(page, &message), qPrintable(message));
        QCOMPARE(page.model()->release(0).rolloutPercent, 40.0);

        // Users start asking; the chart shows the day's offers and the percentage steps.
        CentralReleases central(m_store.installer());
        int offered = 0;
        for (int u = 1; u <= 300; ++u) {
            const auto d = central.decide(QStringLiteral("game"), QStringLiteral("android"),
                                          QStringLiteral("1.0.0"), QString::number(u),
                                          QStringLiteral("huawei"));
            QVERIFY2(d, qPrintable(central.errorString()));
            offered += d->decision == QLatin1String("forced") ? 1 : 0;
        }
        QVERIFY(offered > 60 && offered < 180);
        signInAs(client, page, m_admin, QStringLiteral("admin"));
        QCOMPARE(page.model()->release(0).offers, offered);
        QTRY_COMPARE(page.chart()->offerBars(), 1);
        QVERIFY(page.chart()->percentPoints() >= 2);

        // The preview at another percentage, before changing it.
        page.findChild<QDoubleSpinBox *>(QStringLiteral("rolloutPercent"))->setValue(100);
        QSignalSpy previewed(&page, &ReleasesPage::previewed);
        page.previewSelected();
        QVERIFY(previewed.wait(20000));
        QVERIFY2(page.previewText().contains(QLatin1String("At 100.00 %")),
                 qPrintable(page.previewText()));

        // A product manager looks and changes nothing.
        signInAs(client, page, m_pm, QStringLiteral("pm"));
        QCOMPARE(page.model()->rowCount(), 1);
        for (const char *button :
             {"saveRelease", "publishRelease", "approveRelease", "deleteRelease", "newRelease"})
            QVERIFY2(!page.findChild<QPushButton *>(QLatin1String(button))->isEnabled(), button);
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("previewRelease"))->isEnabled());
        client.waitForDone();
    }

    void shouldKeepTheFormAfterARefusedSave_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("reason");
        QTest::newRow("the same version written differently") << "7.0"
                                                              << "23505";
        QTest::newRow("a minimum above the version") << "7.1.0"
                                                     << "releases_minimum_below_version";
    }

    void shouldKeepTheFormAfterARefusedSave()
    {
        QFETCH(QString, version);
        QFETCH(QString, reason);
        CentralReleases central(m_store.installer());
        CentralReleases::Release existing;
        existing.app = QStringLiteral("refused");
        existing.platform = QStringLiteral("ios");
        existing.version = QStringLiteral("7.0.0");
        if (central.save(existing) <= 0 && !central.errorString().contains(QLatin1String("23505")))
            QFAIL(qPrintable(central.errorString()));
        CentralClient client;
        ReleasesPage page(&client);
        page.show();
        page.setSignedIn(true);
        signInAs(client, page, m_admin, QStringLiteral("admin"));
        // Showing the page read the list too: let both readings land first.
        client.waitForDone();
        QTest::qWait(200);
        page.newRelease();
        const auto field = [&page](const char *name) {
            return page.findChild<QLineEdit *>(QLatin1String(name));
        };
        field("app")->setText(QStringLiteral("refused"));
        page.findChild<QComboBox *>(QStringLiteral("platform"))
            ->setCurrentIndex(
                page.findChild<QComboBox *>(QStringLiteral("platform"))->findData(u"ios"_qs));
        field("version")->setText(version);
        field("minVersion")->setText(QStringLiteral("9.0.0"));
        field("channels")->setText(QStringLiteral("huawei"));
        page.findChild<QPlainTextEdit *>(QStringLiteral("notesEn"))
            ->setPlainText(QStringLiteral("Written with care."));
        QSignalSpy done(&page, &ReleasesPage::done);
        QSignalSpy ready(&page, &Page::ready);
        page.saveForm();
        QVERIFY(done.wait(20000));
        QVERIFY(!done.last().at(0).toBool());
        QVERIFY2(done.last().at(1).toString().contains(reason),
                 qPrintable(done.last().at(1).toString()));
        // Nothing is read again over the form: the edits are there to be corrected.
        client.waitForDone();
        QTest::qWait(200);
        QCOMPARE(ready.count(), 0);
        QCOMPARE(field("app")->text(), QStringLiteral("refused"));
        QCOMPARE(field("version")->text(), version);
        QCOMPARE(field("minVersion")->text(), QStringLiteral("9.0.0"));
        QCOMPARE(field("channels")->text(), QStringLiteral("huawei"));
        QCOMPARE(page.findChild<QPlainTextEdit *>(QStringLiteral("notesEn"))->toPlainText(),
                 QStringLiteral("Written with care."));
        QVERIFY(!page.table()->selectionModel()->hasSelection());
    }

    void shouldTellTheUserANewerCoulisseIsOut()
    {
        // A release of Coulisse for this platform that reaches everyone.
        CentralReleases central(m_store.installer());
        CentralReleases::Release r;
        r.app = QStringLiteral("coulisse");
        const QString product = QSysInfo::productType();
        r.platform = product == QLatin1String("windows") ? product
                     : product == QLatin1String("macos") ? product
                                                         : QStringLiteral("linux");
        r.version = QStringLiteral("99.0.0");
        r.notesEn = QStringLiteral("Everything is faster.");
        const qint64 id = central.save(r);
        QVERIFY2(id > 0, qPrintable(central.errorString()));
        QCOMPARE(central.publish(id), QStringLiteral("rolling_out"));
        QVERIFY(central.rollout(id, QStringLiteral("complete")));

        auto cache = std::make_unique<CacheDatabase>();
        QVERIFY(cache->open(m_dir.filePath(QStringLiteral("window.sqlite"))));
        MainWindow window(std::move(cache));
        window.show();
        window.signIn(m_store.conninfo(m_pm), m_store.password());
        window.actions()->action(QStringLiteral("sync.now"))->trigger();
        // After the first sync, without blocking anything: a notice in the status bar.
        QTRY_COMPARE_WITH_TIMEOUT(window.updateDecision().decision, QStringLiteral("optional"),
                                  60000);
        QCOMPARE(window.updateDecision().version, QStringLiteral("99.0.0"));
        auto *notice = window.statusBar()->findChild<QLabel *>(QStringLiteral("updateNotice"));
        QVERIFY(notice && notice->isVisible());
        QVERIFY(notice->text().contains(QLatin1String("99.0.0")));
        QCOMPARE(notice->toolTip(), QStringLiteral("Everything is faster."));
    }

    void shouldForgetAnUpdateAnswerThatArrivesAfterSignOut()
    {
        // The release of shouldTellTheUserANewerCoulisseIsOut reaches everyone.
        auto cache = std::make_unique<CacheDatabase>();
        QVERIFY(cache->open(m_dir.filePath(QStringLiteral("signout.sqlite"))));
        MainWindow window(std::move(cache));
        window.show();
        bool signedOut = false;
        // After the window's own handler has asked for the update: the answer is in, not yet
        // handed over, when the user signs out.
        connect(window.syncWorker(), &SyncWorker::finished, &window,
                [&](const SyncEngine::Report &report) {
                    if (!report.ok || signedOut)
                        return;
                    window.centralClient()->waitForDone();
                    window.signOut();
                    signedOut = true;
                });
        window.signIn(m_store.conninfo(m_pm), m_store.password());
        window.actions()->action(QStringLiteral("sync.now"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(signedOut, 60000);
        window.centralClient()->waitForDone();
        QTest::qWait(300);
        auto *notice = window.statusBar()->findChild<QLabel *>(QStringLiteral("updateNotice"));
        QVERIFY(notice && !notice->isVisible());
        QCOMPARE(window.updateDecision().decision, QString());
    }
};

QTEST_MAIN(TestReleasesPage)
#include "tst_releasespage.moc"
