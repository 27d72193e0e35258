// The data platform at scale: about 10,000,000 events over 90 days. Times importing them
// (EventImporter: one CSV file, validated, COPY, one transaction), a full refresh of every
// aggregate, a product manager's cache taking them (MetricsSync), then importing one more day,
// refreshing incrementally and syncing that, a refresh and a sync with nothing new, and every
// dashboard computed and drawn from the cache. Prints figures; asserts nothing.
//   bench_metrics [--videos N] [--days D] [--intensity X] [--dir DIR] [--durable]
// A private PostgreSQL (fast mode unless --durable) runs in a temporary directory (or DIR)
// and is stopped at the end. The events come from DemoEventGenerator on a demo catalogue of N
// videos (default 250,000: 60,000 users); the last day of them is kept back for the
// incremental refresh.
#include "benchreport.h"
#include "cachedatabase.h"
#include "centralconnection.h"
#include "centralmetrics.h"
#include "centralschema.h"
#include "centralstaff.h"
#include "democentralwriter.h"
#include "demoeventgenerator.h"
#include "eventimporter.h"
#include "metricchart.h"
#include "metricdashboards.h"
#include "metricssync.h"
#include "privatepostgres.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <qcustomplot.h>

#include <algorithm>

using namespace Bench;

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen"); // the dashboards are drawn, never shown
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("videos"), QStringLiteral("Demo catalogue size."),
                      QStringLiteral("N"), QStringLiteral("250000")});
    parser.addOption({QStringLiteral("days"), QStringLiteral("Days of events."),
                      QStringLiteral("D"), QStringLiteral("90")});
    parser.addOption({QStringLiteral("intensity"),
                      QStringLiteral("Scales the events of an active day."), QStringLiteral("X"),
                      QStringLiteral("2.0")});
    parser.addOption(
        {QStringLiteral("dir"), QStringLiteral("Server directory."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("durable"), QStringLiteral("fsync on.")});
    parser.process(app);

    QTemporaryDir serverTemp;
    QTemporaryDir work;
    if (!serverTemp.isValid() || !work.isValid())
        return failed(QStringLiteral("temporary directory"), serverTemp.errorString()) ? 0 : 1;
    PrivatePostgres server(parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir"))
                                                               : serverTemp.path());
    server.setDurable(parser.isSet(QStringLiteral("durable")));
    if (!server.start())
        return failed(QStringLiteral("start PostgreSQL"), server.errorString()) ? 0 : 1;

    printMachine(QStringLiteral("Metrics benchmark"));
    const QString database =
        QStringLiteral("bench_metrics_%1").arg(QDateTime::currentSecsSinceEpoch());
    const QString url = server.connectionString(database);
    int code = 1;
    [&] {
        QString error;
        bool created = false;
        if (!CentralSchema::createDatabaseIfMissing(url, &created, &error))
            return failed(QStringLiteral("create the database"), error);
        QSqlDatabase db = CentralConnection::open(url, QStringLiteral("installer"), &error);
        if (!db.isOpen())
            return failed(QStringLiteral("connect"), error);
        {
            QSqlQuery v(db);
            if (v.exec(QStringLiteral("SHOW server_version")) && v.next())
                figure(QStringLiteral("PostgreSQL (private instance)"),
                       v.value(0).toString() + (parser.isSet(QStringLiteral("durable"))
                                                    ? QStringLiteral(", durable")
                                                    : QStringLiteral(", fast mode")));
        }
        const CentralSchema::Result schema = CentralSchema::migrate(db);
        if (!schema.ok)
            return failed(QStringLiteral("migrate"), schema.error);

        heading(QStringLiteral("Setup (not part of the figures below)"));
        DemoDataOptions options;
        options.videos = parser.value(QStringLiteral("videos")).toLongLong();
        QElapsedTimer timer;
        timer.start();
        const DemoCentralWriter::Result seeded = DemoCentralWriter::write(db, options);
        if (!seeded.ok)
            return failed(QStringLiteral("demo catalogue"), seeded.error);
        figure(QStringLiteral("demo catalogue: videos / users"),
               QStringLiteral("%1 / %2 in %3 s")
                   .arg(number(seeded.counts.videos), number(seeded.counts.users))
                   .arg(timer.elapsed() / 1000.0, 0, 'f', 1));

        DemoEventGenerator::Options eventOptions;
        eventOptions.days = parser.value(QStringLiteral("days")).toInt();
        eventOptions.intensity = parser.value(QStringLiteral("intensity")).toDouble();
        DemoEventGenerator generator(eventOptions);
        timer.restart();
        if (!generator.load(db))
            return failed(QStringLiteral("read the catalogue"), generator.errorString());
        const QString allPath = work.filePath(QStringLiteral("events.csv"));
        {
            QFile file(allPath);
            if (!file.open(QIODevice::WriteOnly) || !generator.write(&file))
                return failed(QStringLiteral("generate"), generator.errorString());
        }
        // The last day goes to a file of its own.
        const QByteArray lastDay = eventOptions.until.addDays(-1)
                                       .toOffsetFromUtc(8 * 3600)
                                       .date()
                                       .toString(Qt::ISODate)
                                       .toLatin1();
        const QString mainPath = work.filePath(QStringLiteral("main.csv"));
        const QString dayPath = work.filePath(QStringLiteral("day.csv"));
        qint64 mainEvents = 0, dayEvents = 0;
        {
            QFile all(allPath), mainFile(mainPath), dayFile(dayPath);
            if (!all.open(QIODevice::ReadOnly) || !mainFile.open(QIODevice::WriteOnly) ||
                !dayFile.open(QIODevice::WriteOnly))
                return failed(QStringLiteral("split"), all.errorString());
            const QByteArray header = all.readLine();
            mainFile.write(header);
            dayFile.write(header);
            while (!all.atEnd()) {
                const QByteArray line = all.readLine();
                if (line.startsWith(lastDay)) {
                    dayFile.write(line);
                    ++dayEvents;
                } else {
                    mainFile.write(line);
                    ++mainEvents;
                }
            }
            figure(QStringLiteral("events generated (CSV)"),
                   QStringLiteral("%1 (%2 MiB) in %3 s")
                       .arg(number(generator.events()))
                       .arg(all.size() >> 20)
                       .arg(timer.elapsed() / 1000.0, 0, 'f', 1));
        }
        QFile::remove(allPath);

        heading(QStringLiteral("Figures"));
        timer.restart();
        EventImporter::Result imported = EventImporter(db).importFile(mainPath);
        if (!imported.ok)
            return failed(QStringLiteral("import"), imported.error);
        const double importS = timer.elapsed() / 1000.0;
        figure(QStringLiteral("import: events, days before the last"),
               QStringLiteral("%1 in %2 s: %3 events/s, %4 MiB/s")
                   .arg(number(imported.events))
                   .arg(importS, 0, 'f', 1)
                   .arg(number(qint64(imported.events / importS)))
                   .arg(imported.bytes / 1048576.0 / importS, 0, 'f', 1));

        CentralMetrics metrics(db);
        timer.restart();
        CentralMetrics::Refresh r = metrics.refresh(true);
        if (!r.ok)
            return failed(QStringLiteral("full refresh"), metrics.errorString());
        figure(QStringLiteral("full refresh (every day, every aggregate)"),
               QStringLiteral("%1 s for %2 days (%3 to %4)")
                   .arg(timer.elapsed() / 1000.0, 0, 'f', 1)
                   .arg(r.days)
                   .arg(r.firstDay.toString(Qt::ISODate), r.lastDay.toString(Qt::ISODate)));

        // A product manager's cache takes every aggregate (MetricsSync alone: the catalogue
        // copy is bench_sync's).
        const QString pmName =
            QStringLiteral("bench_pm_%1").arg(QDateTime::currentSecsSinceEpoch());
        const QString pmPassword = QStringLiteral("bench-pm-password");
        if (!CentralStaff(db).add(pmName, QStringLiteral("pm"), pmPassword))
            return failed(QStringLiteral("add a product manager"), QStringLiteral("staff"));
        QSqlDatabase pmDb = CentralConnection::open(server.connectionString(database, pmName),
                                                    QStringLiteral("bench-pm"), &error, pmPassword);
        if (!pmDb.isOpen())
            return failed(QStringLiteral("connect as the product manager"), error);
        CacheDatabase cache;
        if (!cache.open(work.filePath(QStringLiteral("pm.sqlite"))))
            return failed(QStringLiteral("cache"), cache.errorString());
        MetricsSync::Result pulled;
        timer.restart();
        if (!MetricsSync(cache, pmDb, QStringLiteral("bench")).run(&pulled))
            return failed(QStringLiteral("metrics sync"), QStringLiteral("first"));
        const double pullS = timer.elapsed() / 1000.0;
        figure(QStringLiteral("cache: first metrics sync"),
               QStringLiteral("%1 rows in %2 s (%3 rows/s)")
                   .arg(number(pulled.rows))
                   .arg(pullS, 0, 'f', 1)
                   .arg(number(qint64(pulled.rows / std::max(pullS, 0.001)))));

        timer.restart();
        imported = EventImporter(db).importFile(dayPath);
        if (!imported.ok)
            return failed(QStringLiteral("import one day"), imported.error);
        figure(QStringLiteral("import: one more day"),
               QStringLiteral("%1 events in %2 s")
                   .arg(number(imported.events))
                   .arg(timer.elapsed() / 1000.0, 0, 'f', 2));
        timer.restart();
        r = metrics.refresh();
        if (!r.ok)
            return failed(QStringLiteral("incremental refresh"), metrics.errorString());
        figure(QStringLiteral("incremental refresh of that day"),
               QStringLiteral("%1 s (%2 dirty day(s))")
                   .arg(timer.elapsed() / 1000.0, 0, 'f', 2)
                   .arg(r.days));
        timer.restart();
        if (!MetricsSync(cache, pmDb, QStringLiteral("bench")).run(&pulled))
            return failed(QStringLiteral("metrics sync"), QStringLiteral("incremental"));
        figure(QStringLiteral("cache: metrics sync after that refresh"),
               QStringLiteral("%1 rows in %2 s")
                   .arg(number(pulled.rows))
                   .arg(timer.elapsed() / 1000.0, 0, 'f', 2));
        timer.restart();
        r = metrics.refresh();
        figure(QStringLiteral("refresh with nothing new"),
               QStringLiteral("%1 ms").arg(timer.elapsed()));
        // That refresh is news too ("data as of"); then nothing is.
        if (!MetricsSync(cache, pmDb, QStringLiteral("bench")).run(&pulled))
            return failed(QStringLiteral("metrics sync"),
                          QStringLiteral("after the empty refresh"));
        timer.restart();
        if (!MetricsSync(cache, pmDb, QStringLiteral("bench")).run(&pulled) || pulled.changed)
            return failed(QStringLiteral("metrics sync"), QStringLiteral("idle"));
        figure(QStringLiteral("cache: metrics sync with nothing new"),
               QStringLiteral("%1 ms").arg(timer.elapsed()));

        // Dashboards from the cache: every panel computed and drawn (700 x 330 pixels each).
        heading(QStringLiteral("Dashboards from the cache (median of 5)"));
        const MetricStore::DataAsOf asOf = MetricStore(cache.database()).dataAsOf();
        for (const auto &[preset, grain] :
             {std::pair{QStringLiteral("90d"), MetricStore::Granularity::Day},
              std::pair{QStringLiteral("365d"), MetricStore::Granularity::Week}}) {
            MetricDashboards::Filters f;
            f.applyPreset(preset, asOf.lastComplete, asOf.firstDay);
            f.granularity = grain;
            QList<double> all;
            for (const QString &key : MetricDashboards::keys()) {
                QList<double> runs;
                for (int run = 0; run < 5; ++run) {
                    QElapsedTimer t;
                    t.start();
                    MetricDashboards dashboards(cache.database());
                    const QList<MetricDashboards::PanelData> panels =
                        dashboards.compute(key, f, QStringLiteral("en"));
                    for (const MetricDashboards::PanelData &p : panels) {
                        MetricChart chart;
                        chart.resize(700, 330);
                        chart.setPanel(p);
                        QImage image(700, 330, QImage::Format_ARGB32_Premultiplied);
                        QCPPainter painter(&image);
                        chart.render(&painter, QRect(0, 0, 700, 330));
                    }
                    runs.append(t.nsecsElapsed() / 1e6);
                }
                all.append(median(runs));
                figure(QStringLiteral("%1, %2, %3")
                           .arg(key, preset, MetricStore::granularityName(grain)),
                       QStringLiteral("%1 ms").arg(median(runs), 0, 'f', 1));
            }
            figure(
                QStringLiteral("slowest dashboard, %1").arg(preset),
                QStringLiteral("%1 ms").arg(*std::max_element(all.begin(), all.end()), 0, 'f', 1));
        }
        QSqlQuery sizes(db);
        if (sizes.exec(QStringLiteral(
                "SELECT pg_size_pretty(sum(pg_total_relation_size(c.oid))) FROM pg_class c "
                "JOIN pg_inherits i ON i.inhrelid = c.oid WHERE i.inhparent = "
                "'coulisse.events'::regclass")) &&
            sizes.next())
            figure(QStringLiteral("events table on disk (all partitions)"),
                   sizes.value(0).toString());
        if (sizes.exec(QStringLiteral("SELECT (SELECT count(*) FROM coulisse.metric_daily), "
                                      "(SELECT count(*) FROM coulisse.metric_retention)")) &&
            sizes.next())
            figure(QStringLiteral("aggregate rows: daily / retention"),
                   QStringLiteral("%1 / %2").arg(number(sizes.value(0).toLongLong()),
                                                 number(sizes.value(1).toLongLong())));
        code = 0;
        return true;
    }();
    CentralConnection::close(QStringLiteral("bench-pm"));
    CentralConnection::close(QStringLiteral("installer"));
    server.stop();
    return code;
}
