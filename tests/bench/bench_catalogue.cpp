// The platform integration at scale: importing a file of a million new videos by external id
// (rows/s and the client's peak memory), its dry run, importing it again (nothing changes),
// an update of every video's plays, and the export. Prints figures; asserts nothing.
//   bench_catalogue [--videos N] [--dir DIR] [--durable]
#include "benchreport.h"
#include "catalogueexporter.h"
#include "catalogueimporter.h"
#include "centralconnection.h"
#include "centralschema.h"
#include "democentralwriter.h"
#include "privatepostgres.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

using namespace Bench;

namespace {

/// The process's peak resident memory so far (VmHWM), in MiB.
double peakMiB()
{
    return procValue(QStringLiteral("/proc/self/status"), "VmHWM")
               .section(QLatin1Char(' '), 0, 0, QString::SectionSkipEmpty)
               .toDouble() /
           1024.0;
}

/// Writes \a count new videos of the demo's games and users (CSV), \a playsShift added to
/// every video's plays.
bool writeVideos(const QString &path, qint64 count, int games, int users, qint64 playsShift)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator random(7);
    QByteArray chunk = "external_id,title,game,uploader,source,duration_s,published_at,featured,"
                       "plays\n";
    static const char *const sources[] = {"pc_recorder", "mobile_recorder", "web_upload"};
    static const char *const words[] = {"精彩集锦", "新手教学",         "Boss 速通", "排位上分",
                                        "彩蛋合集", "\"神\"操作, 实况", "Speedrun",  "Patch notes"};
    const QDateTime start(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    for (qint64 i = 0; i < count; ++i) {
        const quint32 r = random.generate();
        const QByteArray title = QByteArray(words[r % 8]) + ' ' + QByteArray::number(i);
        chunk += "pv-" + QByteArray::number(i) + ',';
        chunk += title.contains(',') || title.contains('"')
                     ? '"' + QByteArray(title).replace("\"", "\"\"") + '"'
                     : title;
        chunk += ",coulisse:" + QByteArray::number(1 + r % games);
        chunk +=
            i % 10 == 0 ? QByteArray(",") : ",coulisse:" + QByteArray::number(1 + (r >> 8) % users);
        chunk += ',';
        chunk += sources[(r >> 4) % 3];
        chunk += ',' + QByteArray::number(30 + (r >> 12) % 3600) + ',';
        chunk += start.addSecs(qint64(i) * 29).toString(Qt::ISODate).toLatin1();
        chunk += (r >> 20) % 50 == 0 ? ",true," : ",false,";
        chunk += QByteArray::number((r >> 6) % 100000 + playsShift) + '\n';
        if (chunk.size() > (1 << 20)) {
            if (file.write(chunk) != chunk.size())
                return false;
            chunk.clear();
        }
    }
    return file.write(chunk) == chunk.size();
}

void report(const QString &what, const CatalogueImporter::Result &r)
{
    const double seconds = std::max<qint64>(r.elapsedMs, 1) / 1000.0;
    figure(what, QStringLiteral("%1 s, %2 rows/s (+%3 ~%4 =%5), %6 MB/s")
                     .arg(seconds, 0, 'f', 1)
                     .arg(number(qint64(r.rows / seconds)))
                     .arg(number(r.inserted))
                     .arg(number(r.updated))
                     .arg(number(r.unchanged))
                     .arg(r.bytes / 1e6 / seconds, 0, 'f', 1));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("videos"), QStringLiteral("Videos in the file."),
                      QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption(
        {QStringLiteral("dir"), QStringLiteral("Server directory."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("durable"), QStringLiteral("fsync on.")});
    parser.process(app);
    const qint64 videos = parser.value(QStringLiteral("videos")).toLongLong();

    QTemporaryDir serverTemp;
    QTemporaryDir work;
    if (!serverTemp.isValid() || !work.isValid())
        return failed(QStringLiteral("temporary directory"), serverTemp.errorString()) ? 0 : 1;
    PrivatePostgres server(parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir"))
                                                               : serverTemp.path());
    server.setDurable(parser.isSet(QStringLiteral("durable")));
    if (!server.start())
        return failed(QStringLiteral("start PostgreSQL"), server.errorString()) ? 0 : 1;
    printMachine(QStringLiteral("Catalogue import benchmark"));
    const QString url = server.connectionString(
        QStringLiteral("bench_catalogue_%1").arg(QDateTime::currentSecsSinceEpoch()));
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
        figure(QStringLiteral("PostgreSQL (private instance)"),
               parser.isSet(QStringLiteral("durable")) ? QStringLiteral("durable")
                                                       : QStringLiteral("fast mode"));

        heading(QStringLiteral("Setup (not part of the figures below)"));
        DemoDataOptions options;
        options.videos = 10000;
        const DemoCentralWriter::Result seeded = DemoCentralWriter::write(db, options);
        if (!seeded.ok)
            return failed(QStringLiteral("demo catalogue"), seeded.error);
        QSqlQuery counts(db);
        counts.exec(QStringLiteral("SELECT (SELECT count(*) FROM coulisse.games), "
                                   "(SELECT count(*) FROM coulisse.users)"));
        counts.next();
        const int games = counts.value(0).toInt();
        const int users = counts.value(1).toInt();
        const QString file = work.filePath(QStringLiteral("videos.csv"));
        const QString update = work.filePath(QStringLiteral("plays.csv"));
        QElapsedTimer timer;
        timer.start();
        if (!writeVideos(file, videos, games, users, 0) ||
            !writeVideos(update, videos, games, users, 1))
            return failed(QStringLiteral("write the files"), file);
        figure(QStringLiteral("files of new videos (CSV)"),
               QStringLiteral("%1 rows, %2 MB each, over %3 games and %4 users")
                   .arg(number(videos))
                   .arg(QFileInfo(file).size() / 1e6, 0, 'f', 1)
                   .arg(games)
                   .arg(number(users)));

        heading(QStringLiteral("Import (one transaction, triggers, change log and audit on)"));
        const double before = peakMiB();
        figure(QStringLiteral("client peak memory before the imports"),
               QStringLiteral("%1 MiB").arg(before, 0, 'f', 1));
        CatalogueImporter importer(db);
        importer.setDryRun(true);
        CatalogueImporter::Result r = importer.importFile(CatalogueFile::Kind::Videos, file);
        if (!r.ok)
            return failed(QStringLiteral("dry run"), r.error);
        report(QStringLiteral("dry run (all checks, nothing written)"), r);
        importer.setDryRun(false);
        r = importer.importFile(CatalogueFile::Kind::Videos, file);
        if (!r.ok)
            return failed(QStringLiteral("import"), r.error);
        report(QStringLiteral("import of new videos"), r);
        figure(QStringLiteral("client peak memory after it"),
               QStringLiteral("%1 MiB (+%2 MiB)")
                   .arg(peakMiB(), 0, 'f', 1)
                   .arg(peakMiB() - before, 0, 'f', 1));
        r = importer.importFile(CatalogueFile::Kind::Videos, file);
        if (!r.ok)
            return failed(QStringLiteral("import again"), r.error);
        report(QStringLiteral("the same file again (no change)"), r);
        r = importer.importFile(CatalogueFile::Kind::Videos, update);
        if (!r.ok)
            return failed(QStringLiteral("update"), r.error);
        report(QStringLiteral("every video's plays changed"), r);
        figure(QStringLiteral("client peak memory at the end"),
               QStringLiteral("%1 MiB").arg(peakMiB(), 0, 'f', 1));

        heading(QStringLiteral("Export"));
        for (const auto format :
             {CatalogueExporter::Format::Csv, CatalogueExporter::Format::JsonLines}) {
            const bool csv = format == CatalogueExporter::Format::Csv;
            const QString out =
                work.filePath(csv ? QStringLiteral("out.csv") : QStringLiteral("out.jsonl"));
            timer.restart();
            const CatalogueExporter::Result e =
                CatalogueExporter(db).exportFile(CatalogueFile::Kind::Videos, out, format);
            if (!e.ok)
                return failed(QStringLiteral("export"), e.error);
            const double seconds = std::max<qint64>(timer.elapsed(), 1) / 1000.0;
            figure(csv ? QStringLiteral("videos to CSV") : QStringLiteral("videos to JSON Lines"),
                   QStringLiteral("%1 rows in %2 s, %3 rows/s")
                       .arg(number(e.rows))
                       .arg(seconds, 0, 'f', 1)
                       .arg(number(qint64(e.rows / seconds))));
        }
        code = 0;
        return true;
    }();
    server.stop();
    return code;
}
