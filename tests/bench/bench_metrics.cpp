// The data platform at scale: about 10,000,000 events over 90 days. Times importing them
// (EventImporter: one CSV file, validated, COPY, one transaction), a full refresh of every
// aggregate, then importing one more day and refreshing incrementally, and a refresh with
// nothing new. Prints figures; asserts nothing.
//   bench_metrics [--videos N] [--days D] [--intensity X] [--dir DIR] [--durable]
// A private PostgreSQL (fast mode unless --durable) runs in a temporary directory (or DIR)
// and is stopped at the end. The events come from DemoEventGenerator on a demo catalogue of N
// videos (default 250,000: 60,000 users); the last day of them is kept back for the
// incremental refresh.
#include "benchreport.h"
#include "centralconnection.h"
#include "centralmetrics.h"
#include "centralschema.h"
#include "democentralwriter.h"
#include "demoeventgenerator.h"
#include "eventimporter.h"
#include "privatepostgres.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace Bench;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
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
    const QString url = server.connectionString(
        QStringLiteral("bench_metrics_%1").arg(QDateTime::currentSecsSinceEpoch()));
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
        r = metrics.refresh();
        figure(QStringLiteral("refresh with nothing new"),
               QStringLiteral("%1 ms").arg(timer.elapsed()));
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
    CentralConnection::close(QStringLiteral("installer"));
    server.stop();
    return code;
}
