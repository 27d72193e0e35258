#include "cachedatabase.h"
#include "centralclient.h"
#include "metricchart.h"
#include "metricpanel.h"
#include "metricspage.h"
#include "metrictablemodel.h"
#include "savedreports.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

/// The Metrics page on a real cache holding known aggregates: every dashboard draws, values
/// reach tooltips and tables exactly, weeks, splits, comparisons and incomplete periods, saved
/// reports, exports, zoom, and the empty state.
class TestMetricsPage : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    CacheDatabase m_cache;
    CentralClient m_client;

    static bool exec(const QSqlDatabase &db, const QString &sql)
    {
        QSqlQuery q(db);
        if (q.exec(sql))
            return true;
        qWarning("%s: %s", qPrintable(sql.left(80)), qPrintable(q.lastError().text()));
        return false;
    }

    /// 2026-09-01 .. 2026-11-10 (day i = 0..70): DAU 100 + i % 7 (app 60, web 40 + i % 7),
    /// new users 10 + i % 3, WAU 300, MAU 900, published by source, plays with watch time,
    /// retention D1 40 %, a campaign. The newest event is at noon on 11-10.
    bool fill(const QSqlDatabase &db)
    {
        const QString days = QStringLiteral(
            "WITH RECURSIVE d(i, day) AS (SELECT 0, '2026-09-01' UNION ALL SELECT i + 1, "
            "date(day, '+1 day') FROM d WHERE i < 70) ");
        return exec(db, QStringLiteral(
                            "INSERT INTO metric_definitions (definition, version, params, "
                            "description, note, created_at) SELECT column1, 1, '{}', "
                            "json_object('en', column1 || ' as defined', 'zh_CN', column1 || "
                            "' 口径'), '', 0 FROM (VALUES ('new_users'), ('active_users'), "
                            "('content'), ('plays'), ('revenue'), ('campaigns'))")) &&
               exec(db, QStringLiteral("INSERT INTO metric_refreshes (id, finished_at, "
                                       "refreshed_by, full_refresh, days, first_day, last_day, "
                                       "events_until, time_zone) VALUES (1, 1794290400, 'pm', 1, "
                                       "71, '2026-09-01', '2026-11-10', 1794283200, "
                                       "'Asia/Shanghai')")) &&
               exec(db, days + QStringLiteral(
                                   "INSERT INTO metric_daily SELECT 'active_users', 1, 'dau', "
                                   "day, '', '', 100 + i % 7, 0 FROM d UNION ALL SELECT "
                                   "'active_users', 1, 'dau', day, 'platform', 'app', 60, 0 FROM "
                                   "d UNION ALL SELECT 'active_users', 1, 'dau', day, "
                                   "'platform', 'web', 40 + i % 7, 0 FROM d UNION ALL SELECT "
                                   "'active_users', 1, 'wau', day, '', '', 300, 0 FROM d UNION "
                                   "ALL SELECT 'active_users', 1, 'mau', day, '', '', 900, 0 FROM "
                                   "d UNION ALL SELECT 'new_users', 1, 'new_users', day, '', '', "
                                   "10 + i % 3, 0 FROM d UNION ALL SELECT 'new_users', 1, "
                                   "'new_users', day, 'channel', 'huawei', 10 + i % 3, 0 FROM d "
                                   "UNION ALL SELECT 'content', 1, 'published', day, 'source', "
                                   "'pc_recorder', 5, 0 FROM d UNION ALL SELECT 'plays', 1, "
                                   "'watch_time', day, '', '', 600, 10 FROM d")) &&
               exec(db, days + QStringLiteral(
                                   "INSERT INTO metric_retention SELECT 1, day, '', '', n.n, "
                                   "10, CASE n.n WHEN 0 THEN 10 WHEN 1 THEN 4 ELSE 2 END, 4 FROM "
                                   "d, (WITH RECURSIVE k(n) AS (SELECT 0 UNION ALL SELECT n + 1 "
                                   "FROM k WHERE n < 30) SELECT n FROM k) n WHERE date(day, '+' "
                                   "|| n.n || ' days') <= '2026-11-10'")) &&
               exec(db, QStringLiteral(
                            "INSERT INTO campaigns VALUES ('C1', 'VIP week', 'template', 'vip', "
                            "'[\"vip_open\"]', 1, 'vip_open', '2026-11-01', '2026-11-08', 1)")) &&
               exec(db, QStringLiteral("INSERT INTO campaign_effect VALUES ('C1', 1, 'before', "
                                       "'2026-10-25', '2026-11-01', 500, 10, 1, 3), ('C1', 1, "
                                       "'during', '2026-11-01', '2026-11-08', 520, 52, 13, 20)"));
    }

    MetricDashboards::Filters week(const QDate &from, const QDate &to)
    {
        MetricDashboards::Filters f;
        f.from = from;
        f.to = to;
        return f;
    }

    MetricPanel *panel(MetricsPage &page, const QString &id)
    {
        for (MetricPanel *p : page.panels())
            if (p->data().id == id)
                return p;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString path = m_dir.filePath(QStringLiteral("metrics.sqlite"));
        QCOMPARE(TestSupport::writeDemoCache(path, 2000), QString());
        QVERIFY(m_cache.open(path));
        QVERIFY(fill(m_cache.database()));
    }

    void shouldDrawEveryDashboard_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<int>("panels");
        for (const MetricDashboards::Dashboard &d : MetricDashboards::all())
            QTest::newRow(qPrintable(d.key)) << d.key << int(d.panels.size());
        QTest::newRow("custom") << QStringLiteral("custom") << 2;
    }

    void shouldDrawEveryDashboard()
    {
        QFETCH(QString, key);
        QFETCH(int, panels);
        MetricsPage page(&m_cache, &m_client);
        page.resize(1400, 900);
        page.setFilters(week(QDate(2026, 10, 1), QDate(2026, 11, 9)));
        QVERIFY(page.showDashboard(key));
        QCOMPARE(page.dashboard(), key);
        QCOMPARE(page.panels().size(), panels);
        for (MetricPanel *p : page.panels()) {
            QVERIFY(!p->data().title.isEmpty());
            QAbstractItemModelTester tester(p->model());
            QCOMPARE(p->model()->rowCount(), p->data().categories.size());
            QVERIFY(p->chart()->plot()->plottableCount() > 0 || p->data().lines.isEmpty());
        }
        QVERIFY(page.isReady());
    }

    void shouldShowExactValues()
    {
        MetricsPage page(&m_cache, &m_client);
        page.setFilters(week(QDate(2026, 11, 1), QDate(2026, 11, 7)));
        page.showDashboard(QStringLiteral("users"));
        MetricPanel *active = panel(page, QStringLiteral("active_users"));
        QVERIFY(active);
        // 11-01 is day 61: DAU 100 + 61 % 7 = 105.
        QCOMPARE(active->data().categories.first(), QStringLiteral("2026-11-01"));
        QVERIFY2(active->chart()->toolTipAt(0).contains(QStringLiteral("DAU: 105")),
                 qPrintable(active->chart()->toolTipAt(0)));
        QCOMPARE(active->model()->value(0, 0), 105.0);
        QCOMPARE(active->model()->data(active->model()->index(0, 3)).toString(),
                 QStringLiteral("900"));
        QCOMPARE(active->data().version, 1);
        QCOMPARE(active->data().definition, QStringLiteral("active_users as defined"));
        // Stickiness 105 / 900.
        MetricPanel *sticky = panel(page, QStringLiteral("stickiness"));
        QCOMPARE(sticky->model()->value(0, 0), 105.0 / 900.0);
        QVERIFY(sticky->chart()->toolTipAt(0).contains(QStringLiteral("11.7%")));
    }

    void shouldAggregateWeeksAndMarkIncompletePeriods()
    {
        MetricsPage page(&m_cache, &m_client);
        MetricDashboards::Filters f = week(QDate(2026, 10, 26), QDate(2026, 11, 10));
        f.granularity = MetricStore::Granularity::Week;
        page.setFilters(f);
        page.showDashboard(QStringLiteral("users"));
        MetricPanel *fresh = panel(page, QStringLiteral("new_users"));
        // Weeks of 10-26, 11-02 and 11-09 (cut at 11-10, which is not complete either).
        QCOMPARE(fresh->data().categories,
                 (QStringList{QStringLiteral("2026-W44"), QStringLiteral("2026-W45"),
                              QStringLiteral("2026-W46")}));
        QCOMPARE(fresh->data().incomplete, (QList<bool>{false, false, true}));
        // 10-26..11-01 are days 55..61: 10 + i % 3 summed.
        double sum = 0;
        for (int i = 55; i <= 61; ++i)
            sum += 10 + i % 3;
        QCOMPARE(fresh->model()->value(0, 0), sum);
        QVERIFY(fresh->chart()->toolTipAt(2).contains(QStringLiteral("incomplete")));
        QCOMPARE(fresh->model()->data(fresh->model()->index(2, 2)).toString(),
                 QStringLiteral("Partial"));
    }

    void shouldSplitFilterAndCompare()
    {
        MetricsPage page(&m_cache, &m_client);
        MetricDashboards::Filters f = week(QDate(2026, 11, 1), QDate(2026, 11, 7));
        f.dim = QStringLiteral("platform");
        page.setFilters(f);
        page.showDashboard(QStringLiteral("custom"));
        page.setCustomMetrics({QStringLiteral("dau")});
        MetricPanel *dau = panel(page, QStringLiteral("dau"));
        QVERIFY(dau);
        QCOMPARE(dau->data().lines.size(), 2);
        QCOMPARE(dau->data().lines.at(0).name, QStringLiteral("App"));
        QCOMPARE(dau->data().lines.at(1).values.at(0), 40.0 + 61 % 7);
        f.value = QStringLiteral("web");
        f.compare = MetricDashboards::Compare::PreviousPeriod;
        page.setFilters(f);
        dau = panel(page, QStringLiteral("dau"));
        QCOMPARE(dau->data().lines.size(), 2);
        QCOMPARE(dau->data().lines.at(0).name, QStringLiteral("Web"));
        QVERIFY(dau->data().lines.at(1).dashed);
        // The previous period: 10-25..10-31, day 54 first.
        QCOMPARE(dau->data().lines.at(1).values.at(0), 40.0 + 54 % 7);
        QVERIFY(dau->data().subtitle.contains(QStringLiteral("Web")));
    }

    void shouldKeepReportsByName()
    {
        MetricsPage page(&m_cache, &m_client);
        MetricDashboards::Filters f = week(QDate(2026, 10, 1), QDate(2026, 10, 31));
        f.granularity = MetricStore::Granularity::Month;
        page.setFilters(f);
        page.showDashboard(QStringLiteral("custom"));
        page.setCustomMetrics({QStringLiteral("new_users"), QStringLiteral("watch_time")});
        QString error;
        QVERIFY2(page.saveReport(QStringLiteral("October"), &error), qPrintable(error));
        const QList<SavedReports::Report> saved = SavedReports(m_cache).list();
        QCOMPARE(saved.size(), 1);
        QVERIFY(saved.first().pending);
        MetricsPage other(&m_cache, &m_client);
        other.setFilters(week(QDate(2026, 11, 1), QDate(2026, 11, 2)));
        QVERIFY(other.openReport(QStringLiteral("October")));
        QCOMPARE(other.dashboard(), QStringLiteral("custom"));
        QCOMPARE(other.filters().granularity, MetricStore::Granularity::Month);
        QCOMPARE(other.filters().from, QDate(2026, 10, 1));
        QCOMPARE(other.panels().size(), 2);
        QCOMPARE(panel(other, QStringLiteral("watch_time"))->model()->value(0, 0), 60.0);
        // The custom report's table: both metrics side by side, October as one month.
        MetricTableModel *table = other.customTable();
        QAbstractItemModelTester tester(table);
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->columnCount(), 4);
        QCOMPARE(table->headerData(1, Qt::Horizontal).toString(), QStringLiteral("New users"));
        QCOMPARE(table->headerData(2, Qt::Horizontal).toString(),
                 QStringLiteral("Average watch time"));
        double october = 0; // days 30..60
        for (int i = 30; i <= 60; ++i)
            october += 10 + i % 3;
        QCOMPARE(table->value(0, 0), october);
        QCOMPARE(table->value(0, 1), 60.0);
        QVERIFY(SavedReports(m_cache).remove(QStringLiteral("October")));
        QVERIFY(!other.openReport(QStringLiteral("October")));
    }

    void shouldExport_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("pdf") << QStringLiteral("pdf");
        QTest::newRow("png") << QStringLiteral("png");
        QTest::newRow("csv") << QStringLiteral("csv");
    }

    void shouldExport()
    {
        QFETCH(QString, suffix);
        MetricsPage page(&m_cache, &m_client);
        page.setFilters(week(QDate(2026, 10, 1), QDate(2026, 11, 9)));
        page.showDashboard(QStringLiteral("retention"));
        const QString path = m_dir.filePath(QStringLiteral("retention.") + suffix);
        QString error;
        QVERIFY2(page.exportDashboard(path, &error), qPrintable(error));
        if (suffix == QLatin1String("pdf")) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(file.read(5) == "%PDF-");
        } else if (suffix == QLatin1String("png")) {
            QVERIFY(QImage(path).width() > 1000);
        } else {
            QFile file(m_dir.filePath(QStringLiteral("retention-retention_heat.csv")));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QList<QByteArray> lines = file.readAll().split('\n');
            QVERIFY(lines.first().contains("Cohort,Cohort size,D0,D1"));
            // Cohort 10-01: size 10, D0 100 %, D1 40 %.
            QVERIFY2(lines.at(1).startsWith("2026-10-01,10,1,0.4,0.2"), lines.at(1).constData());
        }
    }

    void shouldZoomAndShowEverythingAgain()
    {
        MetricsPage page(&m_cache, &m_client);
        page.resize(1200, 800);
        page.setFilters(week(QDate(2026, 10, 1), QDate(2026, 11, 9)));
        page.showDashboard(QStringLiteral("users"));
        MetricChart *chart = panel(page, QStringLiteral("new_users"))->chart();
        const auto all = chart->visibleRange();
        chart->plot()->xAxis->setRange(5, 10);
        QCOMPARE(chart->visibleRange().first, 5.0);
        chart->resetView();
        QCOMPARE(chart->visibleRange(), all);
        QVERIFY(all.second > 38);
    }

    void shouldSayWhenTheCacheHasNoMetrics()
    {
        CacheDatabase empty;
        QVERIFY(empty.open(m_dir.filePath(QStringLiteral("empty.sqlite"))));
        MetricsPage page(&empty, &m_client);
        page.setFilters(week(QDate(2026, 10, 1), QDate(2026, 10, 7)));
        QVERIFY(!page.isReady());
        bool banner = false;
        for (QLabel *label : page.findChildren<QLabel *>())
            banner = banner || label->text().contains(QStringLiteral("holds no metrics"));
        QVERIFY(banner);
        page.setSynced();
        QVERIFY(page.isReady());
    }
};

QTEST_MAIN(TestMetricsPage)
#include "tst_metricspage.moc"
