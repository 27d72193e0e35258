#include "cachedatabase.h"
#include "centralconnection.h"
#include "centralmetrics.h"
#include "demoeventgenerator.h"
#include "eventimporter.h"
#include "metricssync.h"
#include "metricstore.h"
#include "metrictablemodel.h"
#include "savedreports.h"
#include "syncengine.h"
#include "teststore.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

/// The data platform's central side: event imports (validated, whole or nothing), the
/// metrics as metrics.md defines them on a hand-made event set with known answers, the
/// incremental refresh giving what a full one gives, definition versions, and who may do what.
class TestMetrics : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestStore m_store{QStringLiteral("metrics")};
    QString m_admin;
    QString m_pm;
    QString m_supervisor;
    QString m_editor;

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return path;
    }

    QSqlDatabase login(const QString &role, const QString &connection)
    {
        QString error;
        QSqlDatabase db = m_store.login(role, &error, connection);
        if (!db.isOpen())
            qWarning("%s", qPrintable(error));
        return db;
    }

    qint64 count(const QString &sql)
    {
        return TestSupport::scalar(m_store.installer(), sql).toLongLong();
    }

    QString staffName(const QString &role) const
    {
        return role == QLatin1String("admin")    ? m_admin
               : role == QLatin1String("pm")     ? m_pm
               : role == QLatin1String("editor") ? m_editor
                                                 : m_supervisor;
    }

    EventImporter::Result importAs(const QString &role, const QString &path)
    {
        const QString connection = QStringLiteral("import-") + role;
        EventImporter::Result result;
        {
            QSqlDatabase db = login(role, connection);
            result = EventImporter(db).importFile(path);
        }
        QSqlDatabase::removeDatabase(connection);
        return result;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(m_store.create(), QString());
        QString error;
        m_admin = m_store.addStaff(QStringLiteral("admin"), QStringLiteral("admin"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_pm = m_store.addStaff(QStringLiteral("pm"), QStringLiteral("pm"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_supervisor =
            m_store.addStaff(QStringLiteral("supervisor"), QStringLiteral("supervisor"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_editor = m_store.addStaff(QStringLiteral("editor"), QStringLiteral("editor"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void shouldRejectABadFileWhole_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");

        const QByteArray header = "time,user_id,event,platform,properties\n";
        const QByteArray good = "2026-10-01T08:00:00+08:00,1,app_open,app,\n";
        QTest::newRow("time without offset")
            << "a.csv" << header + good + "2026-10-01T09:00:00,2,app_open,web,\n"
            << ":3:1: \"2026-10-01T09:00:00\" has no UTC offset";
        QTest::newRow("impossible date")
            << "b.csv" << header + good + good + "2026-02-30T09:00:00Z,2,app_open,web,\n"
            << ":4:1: \"2026-02-30T09:00:00Z\" is not a valid date and time";
        QTest::newRow("user id") << "c.csv"
                                 << header + good + "2026-10-01T09:00:00Z,-4,app_open,web,\n"
                                 << ":3:22: the user id \"-4\" is not a positive whole number";
        QTest::newRow("event name") << "d.csv" << header + "2026-10-01T09:00:00Z,4,App Open,web,\n"
                                    << ":2:24: the event name \"App Open\"";
        QTest::newRow("platform") << "e.csv"
                                  << header + good + "2026-10-01T09:00:00Z,4,app_open,ios,\n"
                                  << ":3:33: the platform \"ios\" is not web, app or pc";
        QTest::newRow("properties JSON")
            << "f.csv"
            << header + "2026-10-01T09:00:00Z,4,video_play,web,\"{\"\"duration_s\"\": }\"\n"
            << ":2:55: the properties are not valid JSON";
        QTest::newRow("property type")
            << "g.csv"
            << header +
                   "2026-10-01T09:00:00Z,4,video_play,web,\"{\"\"duration_s\"\": \"\"long\"\"}\"\n"
            << ":2:39: the property \"duration_s\" is not a non-negative number";
        QTest::newRow("field count")
            << "h.csv" << header + good + "2026-10-01T09:00:00Z,4,app_open\n"
            << ":3: 3 field";
        QTest::newRow("unknown column")
            << "i.csv" << QByteArray("time,user,event,platform\n") + good
            << ":1:6: unknown column \"user\"";
        QTest::newRow("missing column") << "j.csv" << QByteArray("time,user_id,event\n") + good
                                        << ":1: the header has no \"platform\" column";
        QTest::newRow("unclosed quote")
            << "k.csv" << header + "2026-10-01T09:00:00Z,4,video_play,web,\"{\n"
            << ":2:39: a quoted field is not closed";
        QTest::newRow("stray quote")
            << "l.csv" << header + "2026-10-01T09:00:00Z,4,app\"open,web,\n"
            << ":2:27: a quote inside a field";
        QTest::newRow("not UTF-8")
            << "m.csv" << header + good + "2026-10-01T09:00:00Z,4,app_open,web,\xff\n"
            << ":3: the line is not valid UTF-8";
        QTest::newRow("JSON syntax")
            << "n.jsonl"
            << QByteArray("{\"time\": \"2026-10-01T09:00:00Z\", \"user_id\": 4, \"event\": "
                          "\"app_open\", \"platform\": \"web\"}\n{\"time\": \"2026\n")
            << ":2:15: not valid JSON";
        QTest::newRow("JSON unknown key")
            << "o.jsonl"
            << QByteArray("{\"time\": \"2026-10-01T09:00:00Z\", \"user\": 4, \"event\": "
                          "\"app_open\", \"platform\": \"web\"}\n")
            << ":1:34: unknown key \"user\"";
        QTest::newRow("JSON missing event")
            << "p.jsonl"
            << QByteArray("{\"time\": \"2026-10-01T09:00:00Z\", \"user_id\": 4, \"platform\": "
                          "\"web\"}\n")
            << ":1: event is missing";
        QTest::newRow("JSON fractional user")
            << "q.jsonl"
            << QByteArray("{\"time\": \"2026-10-01T09:00:00Z\", \"user_id\": 4.5, \"event\": "
                          "\"app_open\", \"platform\": \"web\"}\n")
            << ":1:34: the user id \"4.5\" is not a positive whole number";
        QTest::newRow("JSON properties not an object")
            << "r.jsonl"
            << QByteArray("{\"time\": \"2026-10-01T09:00:00Z\", \"user_id\": 4, \"event\": "
                          "\"app_open\", \"platform\": \"web\", \"properties\": [1]}\n")
            << ":1:88: the properties are not a JSON object";
        // A later month than the others: its partition is created inside the import and goes
        // with it.
        QTest::newRow("bad line after a new month")
            << "s.csv" << header + good + "2031-05-01T09:00:00Z,2,app_open,web,\n" + "x,2,a,web,\n"
            << ":4:1: \"x\" is not a time";
    }

    void shouldRejectABadFileWhole()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        const QString path = writeFile(file, content);
        QVERIFY(!path.isEmpty());
        const qint64 events = count(QStringLiteral("SELECT count(*) FROM coulisse.events"));
        const qint64 imports = count(QStringLiteral("SELECT count(*) FROM coulisse.event_imports"));
        const qint64 partitions =
            count(QStringLiteral("SELECT count(*) FROM coulisse.events_partitions()"));
        const EventImporter::Result result = importAs(m_admin, path);
        QVERIFY(!result.ok);
        QVERIFY2(result.error.startsWith(path + QLatin1Char(':')), qPrintable(result.error));
        QVERIFY2(result.error.contains(expected), qPrintable(result.error));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.events")), events);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.event_imports")), imports);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.events_partitions()")),
                 partitions);
    }

    void shouldImportCsvAndJsonLines()
    {
        // CSV with a byte order mark, CRLF line ends, a quoted field over two lines, columns in
        // another order, two months.
        const QString csv = writeFile(
            QStringLiteral("import.csv"),
            "\xEF\xBB\xBFuser_id,event,time,platform,channel,device_model,os,app_version,"
            "properties\r\n"
            "7,video_play,2025-03-31T23:59:59.5+08:00,app,\"huawei\",\"HUAWEI P40\",HarmonyOS 3,"
            "5.3.1,\"{\"\"video_id\"\": 12, \"\"duration_s\"\": 40,\r\n \"\"note\"\": "
            "\"\"a, b\"\"}\"\r\n"
            "\r\n"
            "8,app_open,2025-04-01T00:00:00Z,web,,,,,\r\n");
        EventImporter::Result r = importAs(m_admin, csv);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.events, 2);
        QCOMPARE(r.first, QDateTime(QDate(2025, 3, 31), QTime(15, 59, 59), Qt::UTC));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.events WHERE import_id = %1 "
                                      "AND ((user_id = 7 AND name = 'video_play' AND channel = "
                                      "'huawei' AND properties->>'note' = 'a, b' AND "
                                      "(properties->>'duration_s')::int = 40 AND "
                                      "tableoid::regclass::text = 'coulisse.events_202503') OR "
                                      "(user_id = 8 AND properties = '{}' AND "
                                      "tableoid::regclass::text = 'coulisse.events_202504'))")
                           .arg(r.importId)),
                 2);
        QCOMPARE(TestSupport::scalar(m_store.installer(),
                                     QStringLiteral("SELECT file_name || ' ' || events || ' ' || "
                                                    "imported_by FROM coulisse.event_imports "
                                                    "WHERE id = %1")
                                         .arg(r.importId))
                     .toString(),
                 QStringLiteral("import.csv 2 ") + m_admin);

        const QString jsonl = writeFile(
            QStringLiteral("import.jsonl"),
            "{\"time\": \"2025-04-02T10:00:00+08:00\", \"user_id\": 9, \"event\": \"vip_open\", "
            "\"platform\": \"pc\", \"os\": \"Windows 11\", \"properties\": {\"product\": "
            "\"vip\", \"amount\": 30}}\n"
            "\n"
            "{\"user_id\": \"10\", \"event\": \"app_open\", \"platform\": \"app\", \"time\": "
            "\"2025-04-02T10:00Z\", \"properties\": null}\n");
        r = importAs(m_admin, jsonl);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.events, 2);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM coulisse.events WHERE import_id = %1 "
                                      "AND ((user_id = 9 AND os = 'Windows 11' AND "
                                      "(properties->>'amount')::int = 30) OR (user_id = 10 AND "
                                      "at = '2025-04-02 10:00Z'))")
                           .arg(r.importId)),
                 2);

        // The same file again is refused, whatever its name.
        QFile::copy(csv, m_dir.filePath(QStringLiteral("renamed.csv")));
        r = importAs(m_admin, m_dir.filePath(QStringLiteral("renamed.csv")));
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("this file was imported before (as "
                                                "\"import.csv\", 2 events")),
                 qPrintable(r.error));

        // A file with a header and nothing else imports nothing and is not recorded.
        r = importAs(m_admin,
                     writeFile(QStringLiteral("empty.csv"), "time,user_id,event,platform\n"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.events, 0);
    }

    void shouldLetOnlyAdminsImport_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("admin") << "admin" << true;
        QTest::newRow("pm") << "pm" << false;
        QTest::newRow("supervisor") << "supervisor" << false;
        QTest::newRow("editor") << "editor" << false;
    }

    void shouldLetOnlyAdminsImport()
    {
        QFETCH(QString, role);
        QFETCH(bool, allowed);
        const QString name = staffName(role);
        const QString path =
            writeFile(role + QStringLiteral(".csv"), "time,user_id,event,platform\n2025-05-0" +
                                                         QByteArray::number(role.size()) +
                                                         "T10:00:00Z,5,app_open,web\n");
        const EventImporter::Result r = importAs(name, path);
        QCOMPARE(r.ok, allowed);
        if (!allowed)
            QVERIFY2(r.error.contains(QLatin1String("42501")), qPrintable(r.error));
    }

    /// metrics.md on a hand-made set (days in Asia/Shanghai): the expected numbers are worked
    /// out by hand in the comments.
    void shouldComputeEachMetricAsDefined_data()
    {
        QTest::addColumn<QString>("definition");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("day");
        QTest::addColumn<QString>("dim");
        QTest::addColumn<QString>("value");
        QTest::addColumn<double>("num");
        QTest::addColumn<double>("den");

        auto row = [](const char *name, const char *definition, const char *metric, const char *day,
                      const char *dim, const char *value, double num, double den) {
            QTest::newRow(name) << definition << metric << day << dim << value << num << den;
        };
        // New: first event of any kind. u1, u2 (23:30 local) and u3 (a push) on 11-01; u4, u5
        // on 11-02.
        row("new 11-01", "new_users", "new_users", "2026-11-01", "", "", 3, 0);
        row("new 11-02", "new_users", "new_users", "2026-11-02", "", "", 2, 0);
        row("new 11-01 huawei", "new_users", "new_users", "2026-11-01", "channel", "huawei", 1, 0);
        row("new 11-02 pc", "new_users", "new_users", "2026-11-02", "platform", "pc", 1, 0);
        // Active: u3's push does not count; u2's 17:00Z event is 01:00 on 11-02 locally.
        row("DAU 11-01", "active_users", "dau", "2026-11-01", "", "", 2, 0);
        row("DAU 11-02", "active_users", "dau", "2026-11-02", "", "", 4, 0);
        row("DAU 11-03", "active_users", "dau", "2026-11-03", "", "", 1, 0);
        row("DAU 11-08", "active_users", "dau", "2026-11-08", "", "", 1, 0);
        row("DAU 11-02 app", "active_users", "dau", "2026-11-02", "platform", "app", 2, 0);
        // WAU 11-07: [11-01, 11-07] all five; WAU 11-08: [11-02, 11-08] still all five (u3 on
        // 11-03); WAU 11-05: [10-30, 11-05] = five; MAU 11-08: five.
        row("WAU 11-05", "active_users", "wau", "2026-11-05", "", "", 5, 0);
        row("WAU 11-08", "active_users", "wau", "2026-11-08", "", "", 5, 0);
        row("WAU 11-08 web", "active_users", "wau", "2026-11-08", "platform", "web", 1, 0);
        row("MAU 11-08", "active_users", "mau", "2026-11-08", "", "", 5, 0);
        row("MAU 11-01", "active_users", "mau", "2026-11-01", "", "", 2, 0);
        // Content: u4 published two videos on 11-02 (PC recorder, web upload); one featured.
        row("published 11-02", "content", "published", "2026-11-02", "", "", 2, 0);
        row("published pc", "content", "published", "2026-11-02", "source", "pc_recorder", 1, 0);
        row("featured rate", "content", "featured_rate", "2026-11-02", "", "", 1, 2);
        // VIP: visits u5 ×2 (app), u4 ×1 (pc); one open by u5 → 1/3, app 1/2, pc 0/1.
        row("VIP open rate", "revenue", "vip_open_rate", "2026-11-02", "", "", 1, 3);
        row("VIP open rate app", "revenue", "vip_open_rate", "2026-11-02", "platform", "app", 1, 2);
        row("VIP open rate pc", "revenue", "vip_open_rate", "2026-11-02", "platform", "pc", 0, 1);
        row("VIP conversion", "revenue", "vip_conversion", "2026-11-02", "", "", 1, 2);
        row("gift amount", "revenue", "gift_amount", "2026-11-03", "", "", 15, 0);
        // Plays: u1 played video 5 twice on 11-08 (30 s, then 60 s two hours later: a replay).
        row("plays", "plays", "plays", "2026-11-08", "", "", 2, 0);
        row("watch time", "plays", "watch_time", "2026-11-08", "", "", 90, 2);
        row("replay rate", "plays", "replay_rate", "2026-11-08", "", "", 1, 2);
    }

    void shouldComputeEachMetricAsDefined()
    {
        QFETCH(QString, definition);
        QFETCH(QString, metric);
        QFETCH(QString, day);
        QFETCH(QString, dim);
        QFETCH(QString, value);
        QFETCH(double, num);
        QFETCH(double, den);
        TestStore &store = handMadeStore();
        QSqlQuery q(store.installer());
        q.prepare(QStringLiteral("SELECT num, den FROM coulisse.metric_daily WHERE definition = ? "
                                 "AND version = 1 AND metric = ? AND day = ? AND dim = ? AND "
                                 "value = ?"));
        for (const QString &v : {definition, metric, day, dim, value})
            q.addBindValue(v);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        if (q.next()) {
            QCOMPARE(q.value(0).toDouble(), num);
            QCOMPARE(q.value(1).toDouble(), den);
        } else {
            QCOMPARE(num, 0.0); // no row: nothing counted
        }

        // What the chart model holds, read from a product manager's synced cache.
        MetricStore metrics(handMadeCache().database());
        const QDate date = QDate::fromString(day, Qt::ISODate);
        const QList<MetricStore::Series> series =
            metrics.series(metric, dim, dim.isEmpty() ? QStringList() : QStringList{value}, date,
                           date, MetricStore::Granularity::Day);
        QVERIFY2(metrics.ok(), qPrintable(metrics.errorString()));
        MetricTableModel model;
        QAbstractItemModelTester tester(&model);
        model.setSeries(series, MetricStore::Granularity::Day, {metric});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowLabel(0), day);
        const double expected =
            MetricStore::kindOf(metric) == MetricStore::Kind::Ratio ? num / den : num;
        QCOMPARE(model.value(0, 0), expected);
        QCOMPARE(model.data(model.index(0, 1), Qt::EditRole).toDouble(), expected);
    }

    void shouldAggregatePeriodsInTheChartModel()
    {
        MetricStore metrics(handMadeCache().database());
        const MetricStore::DataAsOf asOf = metrics.dataAsOf();
        QVERIFY(asOf.any);
        // The newest event is at 11:00 on 11-08: 11-07 is the last complete day.
        QCOMPARE(asOf.lastComplete, QDate(2026, 11, 7));
        QCOMPARE(asOf.timeZone, QStringLiteral("Asia/Shanghai"));
        const QDate from(2026, 11, 1);
        const QDate to(2026, 11, 8);
        using G = MetricStore::Granularity;
        // Week of Monday 11-02: 2 new users; mean DAU (4 + 1 + 0 + 0 + 0 + 0 + 1) / 7; WAU on
        // its last day 5; incomplete (its last day is not). Sunday 11-01 is the week before,
        // cut by the range.
        const auto weekly = [&](const QString &metric) {
            const QList<MetricStore::Series> s = metrics.series(metric, {}, {}, from, to, G::Week);
            return s.value(0).points;
        };
        QCOMPARE(weekly(QStringLiteral("new_users")).size(), 2);
        QCOMPARE(weekly(QStringLiteral("new_users")).at(0).period, QDate(2026, 10, 26));
        QVERIFY(weekly(QStringLiteral("new_users")).at(0).incomplete);
        QCOMPARE(weekly(QStringLiteral("new_users")).at(1).value, 2.0);
        QVERIFY(weekly(QStringLiteral("new_users")).at(1).incomplete);
        QCOMPARE(weekly(QStringLiteral("dau")).at(1).value, 6.0 / 7.0);
        QCOMPARE(weekly(QStringLiteral("wau")).at(1).value, 5.0);
        // Rates add up as sum(num) / sum(den): VIP open rate of the week 1 / 3.
        QCOMPARE(weekly(QStringLiteral("vip_open_rate")).at(1).value, 1.0 / 3.0);
        // Stickiness on 11-03: DAU 1 (u3) / MAU 5.
        const QList<MetricStore::Series> sticky = metrics.series(
            QStringLiteral("stickiness"), {}, {}, QDate(2026, 11, 3), QDate(2026, 11, 3), G::Day);
        QCOMPARE(sticky.value(0).points.value(0).value, 1.0 / 5.0);
        // One series per value, the largest first: DAU of 11-02 by platform (app 2, pc 1,
        // web 1).
        const QList<MetricStore::Series> byPlatform =
            metrics.series(QStringLiteral("dau"), QStringLiteral("platform"), {},
                           QDate(2026, 11, 2), QDate(2026, 11, 2), G::Day);
        QCOMPARE(byPlatform.size(), 3);
        QCOMPARE(byPlatform.at(0).value, QStringLiteral("app"));
        QCOMPARE(byPlatform.at(0).points.at(0).value, 2.0);
        // Retention of the 11-01 cohort: D1 2/3, D7 1/3; D7 of 11-02 is not complete yet.
        const QList<MetricStore::RetentionRow> cohorts =
            metrics.retention(from, QDate(2026, 11, 2), G::Day);
        QCOMPARE(cohorts.size(), 2);
        QCOMPARE(cohorts.at(0).size, 3);
        QCOMPARE(cohorts.at(0).rates.at(1), 2.0 / 3.0);
        QCOMPARE(cohorts.at(0).rates.at(6), 0.0);
        QVERIFY(std::isnan(cohorts.at(0).rates.at(7))); // 11-08 is not complete
        QVERIFY(std::isnan(cohorts.at(1).rates.at(6)));
        // The campaign: during 2 of 4 took part, 1 converted; before 0 of 2.
        const QList<MetricStore::Campaign> campaigns = metrics.campaigns(from, to);
        QCOMPARE(campaigns.size(), 1);
        QCOMPARE(campaigns.at(0).participantsDuring, 2);
        QCOMPARE(campaigns.at(0).activeDuring, 4);
        QCOMPARE(campaigns.at(0).convertedDuring, 1);
        QCOMPARE(campaigns.at(0).activeBefore, 2);
        // The definition and its version travel with the numbers.
        const MetricStore::Definition d =
            metrics.definition(QStringLiteral("active_users"), QStringLiteral("zh_CN"));
        QCOMPARE(d.version, 1);
        QVERIFY(d.text.contains(QStringLiteral("活跃")));
        // The table the panel exports.
        MetricTableModel model;
        QAbstractItemModelTester tester(&model);
        model.setSeries(byPlatform, G::Day,
                        {QStringLiteral("app"), QStringLiteral("pc"), QStringLiteral("web")});
        QCOMPARE(model.columnCount(), 5);
        QBuffer csv;
        csv.open(QIODevice::WriteOnly);
        QVERIFY(model.writeCsv(&csv));
        QCOMPARE(csv.data(), QByteArray("\xEF\xBB\xBFPeriod,app,pc,web,Complete\r\n"
                                        "2026-11-02,2,1,1,yes\r\n"));
    }

    void shouldComputeRetentionAndCampaignsAsDefined()
    {
        TestStore &store = handMadeStore();
        // Cohort 11-01 = u1, u2, u3. D0: u1, u2 (u3 only got a push); D1: u1, u2; D2: u3;
        // D7: u1. Unbounded (on or after): D1 all three, D2 u1 (11-08) and u3 (11-03).
        QCOMPARE(TestSupport::scalar(
                     store.installer(),
                     QStringLiteral("SELECT string_agg(format('%s:%s/%s/%s', day_n, retained, "
                                    "retained_unbounded, cohort_size), ' ' ORDER BY day_n) FROM "
                                    "coulisse.metric_retention WHERE cohort_day = '2026-11-01' "
                                    "AND dim = '' AND day_n IN (0, 1, 2, 7)"))
                     .toString(),
                 QStringLiteral("0:2/3/3 1:2/3/3 2:1/2/3 7:1/1/3"));
        // The cohort of 11-02 has no day 7 yet: the data ends on 11-08.
        QCOMPARE(
            TestSupport::scalar(store.installer(),
                                QStringLiteral("SELECT max(day_n) FROM coulisse.metric_retention "
                                               "WHERE cohort_day = '2026-11-02'"))
                .toInt(),
            6);
        // Campaign C1 on 11-02 (VIP page visits, goal: a VIP open): active 4 (u1, u2, u4, u5),
        // participants u4, u5; u5 opened after visiting. The day before: one active (u1 and
        // u2 on 11-01), nobody took part.
        QCOMPARE(TestSupport::scalar(
                     store.installer(),
                     QStringLiteral("SELECT string_agg(format('%s %s/%s/%s/%s', period, "
                                    "active_users, participants, converted, goal_users), ', ' "
                                    "ORDER BY period) FROM coulisse.campaign_effect"))
                     .toString(),
                 QStringLiteral("before 2/0/0/0, during 4/2/1/1"));
    }

    void shouldRefreshIncrementallyWhatAFullRefreshGives()
    {
        TestStore store(QStringLiteral("metrics_inc"));
        QCOMPARE(store.create(), QString());
        // A synthetic catalogue: 400 users registered over the last 60 days and before, 300
        // videos.
        QList<DemoEventGenerator::User> users;
        QList<DemoEventGenerator::Video> videos;
        const qint64 until =
            QDateTime(QDate(2026, 11, 15), QTime(0, 0), QTimeZone(8 * 3600)).toSecsSinceEpoch();
        for (int i = 1; i <= 400; ++i) {
            DemoEventGenerator::User u;
            u.id = i;
            u.creator = i % 5 == 0;
            u.registeredAt = until - qint64(86400) * (i % 90) - 3600 * (i % 13);
            u.platform = QByteArray(i % 3 == 0 ? "pc" : i % 3 == 1 ? "app" : "web");
            u.channel = QByteArray(i % 4 == 0 ? "huawei" : "official");
            u.deviceModel = "Model " + QByteArray::number(i % 6);
            u.os = i % 2 ? "Android 14" : "Windows 11";
            users.append(u);
        }
        for (int v = 1; v <= 300; ++v) {
            DemoEventGenerator::Video video;
            video.id = v;
            video.uploaderId = 5 * (1 + v % 80);
            video.publishedAt = until - qint64(86400) * 60 + qint64(v) * 17000;
            video.source = v % 3 == 0   ? "pc_recorder"
                           : v % 3 == 1 ? "mobile_recorder"
                                        : "web_upload";
            video.featured = v % 9 == 0;
            video.durationS = 30 + v % 400;
            videos.append(video);
        }
        DemoEventGenerator::Options options;
        options.days = 40;
        DemoEventGenerator generator(options);
        generator.setCatalogue(users, videos);
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        QVERIFY2(generator.write(&buffer), qPrintable(generator.errorString()));
        QVERIFY(generator.events() > 10000);

        // Split by time: events before 2026-11-05 first, the rest second, then a late file
        // with earlier events for identities first seen later (their first day moves).
        const QList<QByteArray> lines = buffer.data().split('\n');
        QByteArray early = lines.first() + '\n';
        QByteArray late = early;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (lines[i].isEmpty())
                continue;
            (lines[i] < "2026-11-05" ? early : late) += lines[i] + '\n';
        }
        QByteArray backfill = lines.first() + '\n';
        for (int id : {3, 93, 183})
            backfill += "2026-10-20T12:00:00+08:00," + QByteArray::number(id) +
                        ",app_open,app,official,Model 0,Android 14,,\n";
        CentralMetrics metrics(store.installer());
        // A product manager's cache follows every refresh (keys cleared, rows taken).
        QString error;
        const QString pm = store.addStaff(QStringLiteral("pm"), QStringLiteral("pm"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        CacheDatabase cache;
        QVERIFY2(cache.open(m_dir.filePath(QStringLiteral("inc.sqlite"))),
                 qPrintable(cache.errorString()));
        SyncEngine::Settings settings;
        settings.conninfo = store.conninfo(pm);
        settings.password = store.password();
        SyncEngine engine(cache, settings);
        for (const auto &[name, content] :
             {std::pair{"early.csv", early}, {"late.csv", late}, {"backfill.csv", backfill}}) {
            const EventImporter::Result r =
                EventImporter(store.installer())
                    .importFile(writeFile(QString::fromLatin1(name), content));
            QVERIFY2(r.ok, qPrintable(r.error));
            QVERIFY2(metrics.refresh().ok, qPrintable(metrics.errorString()));
            const SyncEngine::Report synced = engine.run();
            QVERIFY2(synced.ok, qPrintable(synced.error));
            QVERIFY(synced.metricsChanged);
            QCOMPARE(aggregateRows(cache.database(), false),
                     aggregateRows(store.installer(), true));
        }
        // A sync with nothing new changes nothing.
        SyncEngine::Report idleSync = engine.run();
        QVERIFY2(idleSync.ok, qPrintable(idleSync.error));
        QVERIFY(!idleSync.metricsChanged);
        const QStringList incremental = aggregatesOf(store);
        QVERIFY(incremental.size() > 1000);
        const CentralMetrics::Refresh full = metrics.refresh(true);
        QVERIFY(full.ok && full.full);
        const QStringList recomputed = aggregatesOf(store);
        QCOMPARE(incremental.size(), recomputed.size());
        for (qsizetype i = 0; i < incremental.size(); ++i)
            QCOMPARE(incremental[i], recomputed[i]);
        idleSync = engine.run();
        QVERIFY2(idleSync.ok && idleSync.metricsChanged, qPrintable(idleSync.error));
        QCOMPARE(aggregateRows(cache.database(), false), aggregateRows(store.installer(), true));
        // Nothing new: nothing to do.
        const CentralMetrics::Refresh idle = metrics.refresh();
        QVERIFY(idle.ok);
        QCOMPARE(idle.days, 0);
    }

    void shouldKeepOlderVersionsAsTheyWere()
    {
        TestStore &store = handMadeStore();
        QSqlQuery versionOne(store.installer());
        const QString v1 = QStringLiteral(
            "SELECT string_agg(format('%s %s %s %s', metric, day, dim || value, num), ';' "
            "ORDER BY metric, day, dim, value) FROM coulisse.metric_daily WHERE definition = "
            "'active_users' AND version = 1");
        const QString before = TestSupport::scalar(store.installer(), v1).toString();
        QVERIFY(!before.isEmpty());
        // A product manager counts plays only as activity (a new version); admins may not.
        QString error;
        const QString pm = store.addStaff(QStringLiteral("pm"), QStringLiteral("pm"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString admin =
            store.addStaff(QStringLiteral("adm"), QStringLiteral("admin"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QJsonObject params{
            {QStringLiteral("include"), QJsonArray{QStringLiteral("video_play")}},
            {QStringLiteral("exclude"), QJsonArray{}}};
        const QJsonObject text{{QStringLiteral("en"), QStringLiteral("Active: played a video.")}};
        {
            QSqlDatabase db = store.login(admin, &error, QStringLiteral("v-admin"));
            CentralMetrics asAdmin(db);
            QCOMPARE(asAdmin.define(QStringLiteral("active_users"), params, text, {}), 0);
            QVERIFY2(asAdmin.errorString().contains(QLatin1String("42501")),
                     qPrintable(asAdmin.errorString()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v-admin"));
        {
            QSqlDatabase db = store.login(pm, &error, QStringLiteral("v-pm"));
            CentralMetrics asPm(db);
            QCOMPARE(asPm.define(QStringLiteral("active_users"),
                                 QJsonObject{{QStringLiteral("window"), 3}}, text, {}),
                     0);
            QVERIFY2(asPm.errorString().contains(QLatin1String("unknown parameter")),
                     qPrintable(asPm.errorString()));
            QCOMPARE(asPm.define(QStringLiteral("active_users"), params, text,
                                 QStringLiteral("plays only")),
                     2);
            const CentralMetrics::Refresh r = asPm.refresh();
            QVERIFY2(r.ok, qPrintable(asPm.errorString()));
            QVERIFY(r.full);
            const QList<CentralMetrics::Definition> current = asPm.definitions(true);
            QCOMPARE(current.size(), 6);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v-pm"));
        QCOMPARE(TestSupport::scalar(store.installer(), v1).toString(), before);
        // Version 2: only u1 played, on 11-08.
        QCOMPARE(TestSupport::scalar(store.installer(),
                                     QStringLiteral("SELECT string_agg(day || '=' || num, ' ') "
                                                    "FROM coulisse.metric_daily WHERE definition "
                                                    "= 'active_users' AND version = 2 AND metric "
                                                    "= 'dau' AND dim = ''"))
                     .toString(),
                 QStringLiteral("2026-11-08=1"));
    }

    void shouldReadMetricsByRole_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("sql");
        QTest::addColumn<bool>("allowed");
        const char *aggregate = "SELECT count(*) FROM coulisse.metric_daily";
        const char *events = "SELECT count(*) FROM coulisse.events";
        const char *refresh = "SELECT coulisse.metrics_refresh()";
        const char *campaign = "SELECT coulisse.campaign_save('T1', 'Test', 'custom', NULL, "
                               "'{app_open}', 'vip_open', '2026-01-01', '2026-01-08')";
        const char *internal = "SELECT count(*) FROM coulisse.metric_user_days";
        const char *partition = "SELECT count(*) FROM coulisse.events_202503";
        for (const auto &[role, allowed] :
             {std::pair{"editor", std::array{false, false, false, false}},
              {"supervisor", std::array{true, false, false, false}},
              {"pm", std::array{true, true, true, true}},
              {"admin", std::array{true, true, true, true}}}) {
            QTest::addRow("%s reads aggregates", role) << role << aggregate << allowed[0];
            QTest::addRow("%s reads events", role) << role << events << allowed[1];
            QTest::addRow("%s refreshes", role) << role << refresh << allowed[2];
            QTest::addRow("%s saves a campaign", role) << role << campaign << allowed[3];
            QTest::addRow("%s reads internal tables", role) << role << internal << false;
            QTest::addRow("%s reads a partition", role) << role << partition << false;
        }
    }

    void shouldReadMetricsByRole()
    {
        QFETCH(QString, role);
        QFETCH(QString, sql);
        QFETCH(bool, allowed);
        const QString name = staffName(role);
        const QString connection = QStringLiteral("role-") + role;
        {
            QSqlDatabase db = login(name, connection);
            QSqlQuery q(db);
            const bool ok = q.exec(sql);
            QCOMPARE(ok, allowed);
            if (!ok)
                QCOMPARE(CentralConnection::sqlState(q.lastError()), QStringLiteral("42501"));
        }
        QSqlDatabase::removeDatabase(connection);
    }

    void shouldImportAndRefreshFromTheCli()
    {
        const QString bad =
            writeFile(QStringLiteral("cli-bad.csv"), "time,user_id,event,platform\n"
                                                     "2026-06-01T10:00:00Z,5,app_open,web\n"
                                                     "2026-06-01T10:00:00Z,5,app_open,tv\n");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), m_store.password());
        TestSupport::CliRun r = TestSupport::runCli(
            {QStringLiteral("events"), QStringLiteral("import"), QStringLiteral("--quiet"),
             QStringLiteral("--url"), m_store.conninfo(m_admin), bad},
            env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(bad + QStringLiteral(":3:33: the platform \"tv\"")),
                 qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("Nothing of this file was imported.")));
        const QString good =
            writeFile(QStringLiteral("cli-good.csv"), "time,user_id,event,platform\n"
                                                      "2026-06-01T10:00:00Z,5,app_open,web\n");
        r = TestSupport::runCli({QStringLiteral("events"), QStringLiteral("import"),
                                 QStringLiteral("--quiet"), QStringLiteral("--url"),
                                 m_store.conninfo(m_admin), good},
                                env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("Imported 1 events")), qPrintable(r.out));
        r = TestSupport::runCli({QStringLiteral("metrics"), QStringLiteral("refresh"),
                                 QStringLiteral("--url"), m_store.conninfo(m_pm)},
                                env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("Refreshed")), qPrintable(r.out));
        r = TestSupport::runCli({QStringLiteral("metrics"), QStringLiteral("refresh"),
                                 QStringLiteral("--url"), m_store.conninfo(m_editor)},
                                env);
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("metrics_refresh (SQLSTATE 42501)")),
                 qPrintable(r.err));
        r = TestSupport::runCli({QStringLiteral("metrics"), QStringLiteral("definitions"),
                                 QStringLiteral("--url"), m_store.conninfo(m_pm)},
                                env);
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("active_users v1")));
    }

    void shouldSyncMetricsAndReportsByRole()
    {
        TestStore &store = handMadeStore();
        QString error;
        QHash<QString, QString> staff;
        for (const char *name : {"hand_pm", "hand_pm2", "hand_supervisor", "hand_editor"}) {
            const QString role =
                QString::fromLatin1(name).section(QLatin1Char('_'), 1).remove(QLatin1Char('2'));
            staff[QLatin1String(name)] = store.addStaff(QLatin1String(name), role, &error);
            QVERIFY2(error.isEmpty(), qPrintable(error));
        }
        struct Client
        {
            std::unique_ptr<CacheDatabase> cache = std::make_unique<CacheDatabase>();
            std::unique_ptr<SyncEngine> engine;
        };
        int caches = 0;
        const auto client = [&](const QString &who) {
            Client c;
            c.cache->open(m_dir.filePath(QStringLiteral("hand-%1.sqlite").arg(++caches)));
            SyncEngine::Settings settings;
            settings.conninfo = store.conninfo(staff.value(who));
            settings.password = store.password();
            c.engine = std::make_unique<SyncEngine>(*c.cache, settings);
            return c;
        };
        const auto cacheCount = [](Client &c, const QString &table) {
            return TestSupport::scalar(c.cache->database(),
                                       QStringLiteral("SELECT count(*) FROM ") + table)
                .toLongLong();
        };
        // Supervisors and product managers get the aggregates, campaigns and definitions.
        for (const QString &who : {QStringLiteral("hand_pm"), QStringLiteral("hand_supervisor")}) {
            Client c = client(who);
            const SyncEngine::Report r = c.engine->run();
            QVERIFY2(r.ok, qPrintable(r.error));
            QCOMPARE(aggregateRows(c.cache->database(), false),
                     aggregateRows(store.installer(), true));
            QCOMPARE(cacheCount(c, QStringLiteral("campaigns")), 1);
            QCOMPARE(cacheCount(c, QStringLiteral("metric_definitions")),
                     TestSupport::scalar(
                         store.installer(),
                         QStringLiteral("SELECT count(*) FROM coulisse.metric_definitions"))
                         .toLongLong());
            QCOMPARE(cacheCount(c, QStringLiteral("metric_refreshes")),
                     TestSupport::scalar(
                         store.installer(),
                         QStringLiteral("SELECT count(*) FROM coulisse.metric_refreshes"))
                         .toLongLong());
        }
        // An editor gets none.
        Client editor = client(QStringLiteral("hand_editor"));
        const SyncEngine::Report r = editor.engine->run();
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(cacheCount(editor, QStringLiteral("metric_daily")), 0);
        QCOMPARE(cacheCount(editor, QStringLiteral("metric_retention")), 0);

        // Reports saved offline reach the user's other cache, never another user's.
        Client laptop = client(QStringLiteral("hand_pm"));
        Client desktop = client(QStringLiteral("hand_pm"));
        Client colleague = client(QStringLiteral("hand_pm2"));
        SavedReports offline(*laptop.cache);
        const QJsonObject spec{{QStringLiteral("metrics"), QJsonArray{QStringLiteral("dau")}},
                               {QStringLiteral("range"), QStringLiteral("30d")}};
        QVERIFY2(offline.save(QStringLiteral("Weekly DAU"), spec),
                 qPrintable(offline.errorString()));
        QVERIFY(offline.save(QStringLiteral("Scratch"), spec));
        QCOMPARE(offline.list().size(), 2);
        QVERIFY(offline.list().first().pending);
        for (Client *c : {&laptop, &desktop, &colleague}) {
            const SyncEngine::Report s = c->engine->run();
            QVERIFY2(s.ok, qPrintable(s.error));
        }
        QVERIFY(!offline.list().first().pending);
        SavedReports other(*desktop.cache);
        QCOMPARE(other.list().size(), 2);
        QCOMPARE(other.list().at(1).name, QStringLiteral("Weekly DAU"));
        QCOMPARE(other.list().at(1).spec, spec);
        QCOMPARE(SavedReports(*colleague.cache).list().size(), 0);
        QCOMPARE(TestSupport::scalar(store.installer(),
                                     QStringLiteral("SELECT count(*) FROM coulisse.saved_reports"))
                     .toLongLong(),
                 2);
        // Removed on the desktop: gone from the laptop after both sync.
        QVERIFY(other.remove(QStringLiteral("Scratch")));
        QVERIFY(desktop.engine->run().ok);
        QVERIFY(laptop.engine->run().ok);
        QCOMPARE(offline.list().size(), 1);
    }

    void shouldRenderReportsWithoutADisplay_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("expected"); // in the output file, or in stderr on failure
        const QStringList users{QStringLiteral("--dashboard"), QStringLiteral("users"),
                                QStringLiteral("--from"),      QStringLiteral("2026-11-01"),
                                QStringLiteral("--to"),        QStringLiteral("2026-11-08")};
        QTest::newRow("csv") << users + QStringList{QStringLiteral("--out"),
                                                    QStringLiteral("report.csv")}
                             << 0 << QStringLiteral("active_users,2026-11-02,DAU,4,yes");
        QTest::newRow("csv incomplete day")
            << users + QStringList{QStringLiteral("--out"), QStringLiteral("report.csv")} << 0
            << QStringLiteral("new_users,2026-11-08,New users,0,no");
        QTest::newRow("pdf") << users + QStringList{QStringLiteral("--out"),
                                                    QStringLiteral("report.pdf")}
                             << 0 << QStringLiteral("%PDF-");
        QTest::newRow("png") << QStringList{QStringLiteral("--dashboard"),
                                            QStringLiteral("retention"),
                                            QStringLiteral("--range"),
                                            QStringLiteral("all"),
                                            QStringLiteral("--out"),
                                            QStringLiteral("report.png")}
                             << 0 << QStringLiteral("\x89PNG");
        QTest::newRow("custom, weekly, split")
            << QStringList{QStringLiteral("--dashboard"),   QStringLiteral("custom"),
                           QStringLiteral("--metrics"),     QStringLiteral("dau,vip_open_rate"),
                           QStringLiteral("--split"),       QStringLiteral("platform"),
                           QStringLiteral("--granularity"), QStringLiteral("week"),
                           QStringLiteral("--from"),        QStringLiteral("2026-11-02"),
                           QStringLiteral("--to"),          QStringLiteral("2026-11-08"),
                           QStringLiteral("--out"),         QStringLiteral("custom.csv")}
            << 0 << QStringLiteral("vip_open_rate,2026-W45,App,0.5,no");
        QTest::newRow("unknown dashboard")
            << QStringList{QStringLiteral("--dashboard"), QStringLiteral("nope"),
                           QStringLiteral("--out"), QStringLiteral("x.pdf")}
            << 2 << QStringLiteral("Unknown dashboard \"nope\"");
        QTest::newRow("bad range")
            << QStringList{QStringLiteral("--dashboard"), QStringLiteral("users"),
                           QStringLiteral("--range"),     QStringLiteral("fortnight"),
                           QStringLiteral("--out"),       QStringLiteral("x.pdf")}
            << 2 << QStringLiteral("Unknown range \"fortnight\"");
        QTest::newRow("bad output")
            << users + QStringList{QStringLiteral("--out"), QStringLiteral("x.docx")} << 2
            << QStringLiteral("--out must name");
    }

    void shouldRenderReportsWithoutADisplay()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, expected);
        handMadeCache();
        const QString out = m_dir.filePath(arguments.last());
        arguments.last() = out;
        QFile::remove(out);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("QT_QPA_PLATFORM")); // the command chooses offscreen itself
        env.remove(QStringLiteral("DISPLAY"));
        const TestSupport::CliRun r =
            TestSupport::runCli(QStringList{QStringLiteral("report"), QStringLiteral("--cache"),
                                            m_dir.filePath(QStringLiteral("hand-chart.sqlite"))} +
                                    arguments,
                                env);
        QVERIFY2(r.code == code, qPrintable(r.err));
        if (code != 0) {
            QVERIFY2(r.err.contains(expected), qPrintable(r.err));
            QVERIFY(!QFile::exists(out));
            return;
        }
        QVERIFY2(r.out.contains(QLatin1String("Wrote")), qPrintable(r.out));
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY2(content.contains(expected.toLatin1()), content.left(2000).constData());
    }

    void shouldKeepReportsFromTheCli()
    {
        handMadeCache();
        const QString cache = m_dir.filePath(QStringLiteral("hand-chart.sqlite"));
        const auto cli = [&](const QStringList &arguments) {
            return TestSupport::runCli(arguments + QStringList{QStringLiteral("--cache"), cache},
                                       QProcessEnvironment::systemEnvironment());
        };
        TestSupport::CliRun r = cli(
            {QStringLiteral("reports"), QStringLiteral("save"), QStringLiteral("--name"),
             QStringLiteral("Weekly VIP"), QStringLiteral("--dashboard"), QStringLiteral("custom"),
             QStringLiteral("--metrics"), QStringLiteral("vip_open_rate"), QStringLiteral("--from"),
             QStringLiteral("2026-11-02"), QStringLiteral("--to"), QStringLiteral("2026-11-08"),
             QStringLiteral("--granularity"), QStringLiteral("week")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("reports"), QStringLiteral("list")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("Weekly VIP")) &&
                     r.out.contains(QLatin1String("custom (vip_open_rate)")) &&
                     r.out.contains(QLatin1String("not yet synced")),
                 qPrintable(r.out));
        const QString csv = m_dir.filePath(QStringLiteral("weekly-vip.csv"));
        r = cli({QStringLiteral("report"), QStringLiteral("--report"), QStringLiteral("Weekly VIP"),
                 QStringLiteral("--out"), csv});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("vip_open_rate,2026-W45,VIP open rate,0.333333333333,no"));
        r = cli({QStringLiteral("reports"), QStringLiteral("delete"), QStringLiteral("--name"),
                 QStringLiteral("Weekly VIP")});
        QVERIFY2(r.code == 0, qPrintable(r.err));
        r = cli({QStringLiteral("reports"), QStringLiteral("list")});
        QVERIFY2(r.out.contains(QLatin1String("No saved reports.")), qPrintable(r.out));
        r = cli({QStringLiteral("reports"), QStringLiteral("delete"), QStringLiteral("--name"),
                 QStringLiteral("Weekly VIP")});
        QCOMPARE(r.code, 2);
        r = cli({QStringLiteral("reports"), QStringLiteral("save"), QStringLiteral("--name"),
                 QStringLiteral("x"), QStringLiteral("--dashboard"), QStringLiteral("users"),
                 QStringLiteral("--compare"), QStringLiteral("lastyear")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("--compare is previous")));
    }

    void shouldRefuseAReportOfACacheWithoutMetrics()
    {
        CacheDatabase empty;
        const QString path = m_dir.filePath(QStringLiteral("no-metrics.sqlite"));
        QVERIFY(empty.open(path));
        empty.close();
        const TestSupport::CliRun r =
            TestSupport::runCli({QStringLiteral("report"), QStringLiteral("--cache"), path,
                                 QStringLiteral("--dashboard"), QStringLiteral("users"),
                                 QStringLiteral("--out"), m_dir.filePath(QStringLiteral("n.pdf"))},
                                QProcessEnvironment::systemEnvironment());
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("holds no metrics")), qPrintable(r.err));
    }

private:
    std::unique_ptr<TestStore> m_handMade;
    std::unique_ptr<CacheDatabase> m_handCache;

    /// The aggregates as comparable lines, from central (\a central) or a cache.
    static QStringList aggregateRows(const QSqlDatabase &db, bool central)
    {
        const QString schema = central ? QStringLiteral("coulisse.") : QString();
        const QString text = central ? QStringLiteral("::text") : QString();
        QStringList rows;
        for (const QString &sql :
             {QStringLiteral("SELECT definition, version, metric, day%2, dim, value, num, den "
                             "FROM %1metric_daily"),
              QStringLiteral("SELECT version, cohort_day%2, dim, value, day_n, cohort_size, "
                             "retained, retained_unbounded FROM %1metric_retention"),
              QStringLiteral("SELECT campaign_id, period, active_users, participants, converted, "
                             "goal_users FROM %1campaign_effect"),
              QStringLiteral("SELECT campaign_id, day%2, participants, goal_users FROM "
                             "%1campaign_daily")}) {
            QSqlQuery q(db);
            if (!q.exec(QString(sql)
                            .replace(QLatin1String("%1"), schema)
                            .replace(QLatin1String("%2"), text)))
                return {q.lastError().text()};
            while (q.next()) {
                QStringList fields;
                for (int i = 0; i < q.record().count(); ++i) {
                    const QVariant v = q.value(i);
                    fields.append(v.typeId() == QMetaType::Double
                                      ? QString::number(v.toDouble(), 'g', 12)
                                      : v.toString());
                }
                rows.append(fields.join(QLatin1Char(' ')));
            }
        }
        rows.sort();
        return rows;
    }

    QStringList aggregatesOf(TestStore &store)
    {
        QStringList rows;
        QSqlQuery q(store.installer());
        const bool ok = q.exec(QStringLiteral(
            "SELECT format('%s %s %s %s %s=%s %s/%s', d.definition, d.version, d.metric, d.day, "
            "d.dim, d.value, d.num, d.den) FROM coulisse.metric_daily d "
            "UNION ALL SELECT format('retention %s %s %s=%s %s: %s %s %s', version, cohort_day, "
            "dim, value, day_n, cohort_size, retained, retained_unbounded) FROM "
            "coulisse.metric_retention "
            "UNION ALL SELECT format('campaign %s %s %s %s %s %s', campaign_id, period, "
            "active_users, participants, converted, goal_users) FROM coulisse.campaign_effect "
            "UNION ALL SELECT format('campaign day %s %s %s %s', campaign_id, day, participants, "
            "goal_users) FROM coulisse.campaign_daily"));
        if (!ok)
            return {q.lastError().text()};
        while (q.next())
            rows.append(q.value(0).toString());
        rows.sort();
        return rows;
    }

    /// A product manager's cache of the hand-made store, synced (made once).
    CacheDatabase &handMadeCache()
    {
        if (m_handCache)
            return *m_handCache;
        TestStore &store = handMadeStore();
        QString error;
        const QString pm = store.addStaff(QStringLiteral("chart_pm"), QStringLiteral("pm"), &error);
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        m_handCache = std::make_unique<CacheDatabase>();
        if (!m_handCache->open(m_dir.filePath(QStringLiteral("hand-chart.sqlite"))))
            qFatal("%s", qPrintable(m_handCache->errorString()));
        SyncEngine::Settings settings;
        settings.conninfo = store.conninfo(pm);
        settings.password = store.password();
        const SyncEngine::Report r = SyncEngine(*m_handCache, settings).run();
        if (!r.ok)
            qFatal("%s", qPrintable(r.error));
        return *m_handCache;
    }

    /// A store with the hand-made events of metrics.md's checks, refreshed (made once).
    TestStore &handMadeStore()
    {
        if (m_handMade)
            return *m_handMade;
        m_handMade = std::make_unique<TestStore>(QStringLiteral("metrics_hand"));
        const QString error = m_handMade->create();
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        const QByteArray csv =
            "time,user_id,event,platform,channel,device_model,os,properties\n"
            // u1: app, registers 11-01, back 11-02 and 11-08 (two plays of one video).
            "2026-11-01T10:00:00+08:00,1,register,app,xiaomi,Xiaomi 14,Android 14,\n"
            "2026-11-02T09:00:00+08:00,1,app_open,app,xiaomi,Xiaomi 14,Android 14,\n"
            "2026-11-08T09:00:00+08:00,1,video_play,app,xiaomi,Xiaomi 14,Android 14,"
            "\"{\"\"video_id\"\": 5, \"\"duration_s\"\": 30}\"\n"
            "2026-11-08T11:00:00+08:00,1,video_play,app,xiaomi,Xiaomi 14,Android 14,"
            "\"{\"\"video_id\"\": 5, \"\"duration_s\"\": 60}\"\n"
            // u2: web, registers 23:30 on 11-01, back at 01:00 on 11-02 (17:00Z on 11-01).
            "2026-11-01T23:30:00+08:00,2,register,web,baidu,Browser,Windows 10,\n"
            "2026-11-01T17:00:00Z,2,app_open,web,baidu,Browser,Windows 10,\n"
            // u3: first a push (passive), active on 11-03 and sends a gift.
            "2026-11-01T12:00:00+08:00,3,push_received,app,huawei,HUAWEI P40,HarmonyOS 4,\n"
            "2026-11-03T20:00:00+08:00,3,app_open,app,huawei,HUAWEI P40,HarmonyOS 4,\n"
            "2026-11-03T20:05:00+08:00,3,gift_send,app,huawei,HUAWEI P40,HarmonyOS 4,"
            "\"{\"\"amount\"\": 10}\"\n"
            "2026-11-03T20:06:00+08:00,3,gift_send,app,huawei,HUAWEI P40,HarmonyOS 4,"
            "\"{\"\"amount\"\": 5}\"\n"
            // u4: PC creator, publishes two videos on 11-02, one featured; visits the VIP page.
            "2026-11-02T10:00:00+08:00,4,video_publish,pc,official,Desktop PC,Windows 11,"
            "\"{\"\"video_id\"\": 100, \"\"source\"\": \"\"pc_recorder\"\"}\"\n"
            "2026-11-02T11:00:00+08:00,4,video_publish,pc,official,Desktop PC,Windows 11,"
            "\"{\"\"video_id\"\": 101, \"\"source\"\": \"\"web_upload\"\"}\"\n"
            "2026-11-02T15:00:00+08:00,4,video_featured,pc,official,Desktop PC,Windows 11,"
            "\"{\"\"video_id\"\": 100, \"\"source\"\": \"\"pc_recorder\"\"}\"\n"
            "2026-11-02T16:00:00+08:00,4,vip_page_view,pc,official,Desktop PC,Windows 11,\n"
            // u5: app, visits the VIP page twice and opens VIP.
            "2026-11-02T12:00:00+08:00,5,vip_page_view,app,oppo,OPPO A58,Android 13,\n"
            "2026-11-02T12:01:00+08:00,5,vip_page_view,app,oppo,OPPO A58,Android 13,\n"
            "2026-11-02T12:03:00+08:00,5,vip_open,app,oppo,OPPO A58,Android 13,"
            "\"{\"\"product\"\": \"\"vip\"\", \"\"amount\"\": 30}\"\n";
        const EventImporter::Result r = EventImporter(m_handMade->installer())
                                            .importFile(writeFile(QStringLiteral("hand.csv"), csv));
        if (!r.ok)
            qFatal("%s", qPrintable(r.error));
        CentralMetrics metrics(m_handMade->installer());
        CentralMetrics::Campaign c{QStringLiteral("C1"),
                                   QStringLiteral("VIP day"),
                                   QStringLiteral("custom"),
                                   {},
                                   {QStringLiteral("vip_page_view")},
                                   QStringLiteral("vip_open"),
                                   QDate(2026, 11, 2),
                                   QDate(2026, 11, 3)};
        if (!metrics.saveCampaign(c) || !metrics.refresh().ok)
            qFatal("%s", qPrintable(metrics.errorString()));
        return *m_handMade;
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
