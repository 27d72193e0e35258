// Creator levels at scale (docs/levels.md): a demo catalogue of N videos with D days of events.
// Times the first refresh (the daily facts built from videos and events, every creator's
// metrics and level), a ladder made active (every creator placed again), a refresh with nothing
// new, one more day of events imported and refreshed, the videos' triggers on an update of
// 10,000 play counters, a 30-day backfill, a product manager's cache taking the levels with
// the rest of a sync and then only the rows a new ladder changed, and the what-if preview from
// that cache. Prints figures; asserts nothing.
//   bench_levels [--videos N] [--days D] [--dir DIR] [--durable]
#include "benchreport.h"
#include "cachedatabase.h"
#include "centralconnection.h"
#include "centrallevels.h"
#include "centralschema.h"
#include "centralstaff.h"
#include "democentralwriter.h"
#include "demoeventgenerator.h"
#include "eventimporter.h"
#include "levelwhatif.h"
#include "privatepostgres.h"
#include "syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace Bench;

namespace {

QJsonObject ladder(int plays)
{
    return QJsonDocument::fromJson(QStringLiteral(R"({"levels": [
        {"level": 1, "name_en": "Newcomer", "rule": {"metric": "videos", "window": 0, "min": 1}},
        {"level": 2, "name_en": "Growing", "rule": {"metric": "videos", "window": 90, "min": 2}},
        {"level": 3, "name_en": "Active", "rule": {"all": [
            {"metric": "videos", "window": 90, "min": 4},
            {"metric": "active_days", "window": 30, "min": 4}]}},
        {"level": 4, "name_en": "Quality", "rule": {"all": [
            {"metric": "videos", "window": 90, "min": 8},
            {"any": [{"metric": "plays", "window": 30, "min": %1},
                     {"metric": "featured", "window": 365, "min": 1}]}]}},
        {"level": 5, "name_en": "Star", "rule": {"all": [
            {"metric": "plays", "window": 30, "min": %2},
            {"metric": "followers", "window": 0, "min": 12}]}}]})")
                                       .arg(plays)
                                       .arg(plays * 2)
                                       .toUtf8())
        .object();
}

QString seconds(const QElapsedTimer &timer)
{
    return QStringLiteral("%1 s").arg(timer.nsecsElapsed() / 1e9, 0, 'f', 2);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("videos"), QStringLiteral("Demo catalogue size."),
                      QStringLiteral("N"), QStringLiteral("250000")});
    parser.addOption({QStringLiteral("days"), QStringLiteral("Days of events."),
                      QStringLiteral("D"), QStringLiteral("60")});
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

    printMachine(QStringLiteral("Creator levels benchmark"));
    const QString database =
        QStringLiteral("bench_levels_%1").arg(QDateTime::currentSecsSinceEpoch());
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
               QStringLiteral("%1 / %2 in %3")
                   .arg(number(seeded.counts.videos), number(seeded.counts.users), seconds(timer)));
        DemoEventGenerator::Options eventOptions;
        eventOptions.days = parser.value(QStringLiteral("days")).toInt();
        DemoEventGenerator generator(eventOptions);
        if (!generator.load(db))
            return failed(QStringLiteral("read the catalogue"), generator.errorString());
        // Every day but the last now; the last one for the incremental refresh.
        const QByteArray lastDay = eventOptions.until.addDays(-1)
                                       .toOffsetFromUtc(8 * 3600)
                                       .date()
                                       .toString(Qt::ISODate)
                                       .toLatin1();
        const QString allPath = work.filePath(QStringLiteral("events.csv"));
        const QString mainPath = work.filePath(QStringLiteral("main.csv"));
        const QString dayPath = work.filePath(QStringLiteral("day.csv"));
        {
            QFile file(allPath);
            if (!file.open(QIODevice::WriteOnly) || !generator.write(&file))
                return failed(QStringLiteral("generate"), generator.errorString());
        }
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
                (line.startsWith(lastDay) ? dayFile : mainFile).write(line);
            }
        }
        QFile::remove(allPath);
        const EventImporter::Result imported = EventImporter(db).importFile(mainPath);
        if (!imported.ok)
            return failed(QStringLiteral("import"), imported.error);
        figure(QStringLiteral("events imported"), number(imported.events));

        const QString pmName =
            QStringLiteral("bench_pm_%1").arg(QDateTime::currentSecsSinceEpoch());
        const QString pmPassword = QStringLiteral("bench-pm-password");
        if (!CentralStaff(db).add(pmName, QStringLiteral("pm"), pmPassword))
            return failed(QStringLiteral("add a product manager"), QStringLiteral("staff"));
        QSqlDatabase pmDb = CentralConnection::open(server.connectionString(database, pmName),
                                                    QStringLiteral("bench-pm"), &error, pmPassword);
        if (!pmDb.isOpen())
            return failed(QStringLiteral("connect as the product manager"), error);
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("UPDATE coulisse.approval_policy SET requires_review = false "
                                   "WHERE role = 'pm' AND kind = 'levels'")))
            return failed(QStringLiteral("policy"), q.lastError().text());
        CentralLevels levels(pmDb);
        const QDate asOf = eventOptions.until.toOffsetFromUtc(8 * 3600).date().addDays(-2);

        heading(QStringLiteral("Figures"));
        timer.restart();
        auto refresh = levels.refresh(asOf);
        if (!refresh)
            return failed(QStringLiteral("first refresh"), levels.errorString());
        figure(QStringLiteral("first refresh (daily facts built, every creator placed)"),
               QStringLiteral("%1 for %2 creators").arg(seconds(timer), number(refresh->creators)));
        timer.restart();
        if (!levels.save(ladder(150), QStringLiteral("bench")))
            return failed(QStringLiteral("save a ladder"), levels.errorString());
        figure(QStringLiteral("a ladder made active (every creator placed again)"), seconds(timer));
        timer.restart();
        refresh = levels.refresh(asOf);
        if (!refresh)
            return failed(QStringLiteral("idle refresh"), levels.errorString());
        figure(QStringLiteral("refresh with nothing new"),
               QStringLiteral("%1 (%2 rows changed)").arg(seconds(timer)).arg(refresh->changed));
        if (!EventImporter(db).importFile(dayPath).ok)
            return failed(QStringLiteral("import the last day"), QStringLiteral("events"));
        timer.restart();
        refresh = levels.refresh(asOf.addDays(1));
        if (!refresh)
            return failed(QStringLiteral("incremental refresh"), levels.errorString());
        figure(QStringLiteral("one more day of events, refreshed"),
               QStringLiteral("%1 (%2 rows changed)").arg(seconds(timer)).arg(refresh->changed));
        timer.restart();
        if (!q.exec(QStringLiteral("UPDATE coulisse.videos SET plays = plays + 1 "
                                   "WHERE id IN (SELECT id FROM coulisse.videos ORDER BY id "
                                   "LIMIT 10000)")))
            return failed(QStringLiteral("update plays"), q.lastError().text());
        figure(QStringLiteral("10,000 play counters updated (with the videos' triggers)"),
               seconds(timer));
        // The ladder as if active for months, so that past days have a version to be placed by.
        if (!q.exec(QStringLiteral("UPDATE coulisse.level_ladders "
                                   "SET activated_at = activated_at - interval '120 days'")))
            return failed(QStringLiteral("date the ladder back"), q.lastError().text());
        timer.restart();
        const auto days = levels.backfill(asOf.addDays(-30), asOf.addDays(-1));
        if (!days)
            return failed(QStringLiteral("backfill"), levels.errorString());
        figure(QStringLiteral("backfill of 30 days' distribution"),
               QStringLiteral("%1 (%2 days)").arg(seconds(timer)).arg(*days));

        CacheDatabase cache;
        if (!cache.open(work.filePath(QStringLiteral("pm.sqlite"))))
            return failed(QStringLiteral("cache"), cache.errorString());
        SyncEngine::Settings settings;
        settings.conninfo = server.connectionString(database, pmName);
        settings.password = pmPassword;
        timer.restart();
        SyncEngine::Report report = SyncEngine(cache, settings).run();
        if (!report.ok)
            return failed(QStringLiteral("first sync"), report.error);
        figure(QStringLiteral("pm cache: first sync (catalogue, metrics, levels)"),
               QStringLiteral("%1, %2 creators' levels")
                   .arg(seconds(timer), number(report.levelRows)));
        if (!levels.save(ladder(120), QStringLiteral("bench, lower")))
            return failed(QStringLiteral("save a second ladder"), levels.errorString());
        timer.restart();
        report = SyncEngine(cache, settings).run();
        if (!report.ok)
            return failed(QStringLiteral("second sync"), report.error);
        figure(QStringLiteral("pm cache: sync after a new ladder"),
               QStringLiteral("%1, %2 creators' levels changed")
                   .arg(seconds(timer), number(report.levelRows)));
        timer.restart();
        report = SyncEngine(cache, settings).run();
        figure(QStringLiteral("pm cache: sync with nothing new"), seconds(timer));

        LevelWhatIf whatIf;
        timer.restart();
        if (!whatIf.load(cache.database()))
            return failed(QStringLiteral("what-if load"), whatIf.errorString());
        figure(QStringLiteral("what-if: creators' metrics read from the cache"),
               QStringLiteral("%1 for %2 creators")
                   .arg(seconds(timer), number(whatIf.creatorCount())));
        const LevelLadder draft = LevelLadder::fromJson(ladder(90));
        QList<double> runs;
        LevelWhatIf::Result result;
        for (int i = 0; i < 20; ++i) {
            timer.restart();
            result = whatIf.evaluate(draft);
            runs.append(timer.nsecsElapsed() / 1e6);
        }
        figure(QStringLiteral("what-if: a draft evaluated (median of 20)"),
               QStringLiteral("%1 ms (%2 up, %3 down)")
                   .arg(median(runs), 0, 'f', 2)
                   .arg(result.up)
                   .arg(result.down));
        code = 0;
        return true;
    }();
    server.stop();
    return code;
}
