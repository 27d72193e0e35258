// The central store at scale: seeding a million videos with their tags, then pulling
// 100,000 changes through the change-log function. Prints figures; asserts nothing.
//   bench_central [--dir DIR] [--videos N] [--changes N] [--page N]
// DIR holds a private PostgreSQL (created and started when needed, stopped at the end).
#include "centralconnection.h"
#include "centralschema.h"
#include "democentralwriter.h"
#include "privatepostgres.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>

namespace {

QTextStream out(stdout);

void figure(const QString &what, const QString &value)
{
    out << what.leftJustified(58) << ' ' << value << '\n';
    out.flush();
}

bool check(const QSqlQuery &q, const QString &what)
{
    if (!q.lastError().isValid())
        return true;
    out << what << ": " << q.lastError().text() << '\n';
    return false;
}

/// Pulls from \a txid/\a seq until caught up; returns the entries received.
qint64 pullAll(const QSqlDatabase &db, QString txid, qint64 seq, int page, qint64 *pages)
{
    qint64 rows = 0;
    *pages = 0;
    for (;;) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT txid::text, seq, op, data::text "
                                 "FROM coulisse.pull_changes(?::xid8, ?, ?)"));
        q.addBindValue(txid);
        q.addBindValue(seq);
        q.addBindValue(page);
        if (!q.exec()) {
            check(q, QStringLiteral("pull"));
            return -1;
        }
        qint64 got = 0;
        while (q.next()) {
            if (q.value(2).toString() == QLatin1String("W")) {
                txid = q.value(0).toString();
                seq = q.value(1).toLongLong();
            } else {
                ++got;
                // Touch the row as a client would.
                if (q.value(3).toString().isEmpty() && q.value(2).toString() != QLatin1String("D"))
                    return -1;
            }
        }
        rows += got;
        ++*pages;
        if (got < page)
            return rows;
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Private server directory."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("videos"), QStringLiteral("Videos to seed."),
                      QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("changes"), QStringLiteral("Changes to pull."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("page"), QStringLiteral("Pull page size."),
                      QStringLiteral("N"), QStringLiteral("5000")});
    parser.process(app);

    QTemporaryDir temporary;
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir"))
                                                            : temporary.path();
    PrivatePostgres server(dir);
    if (!server.start()) {
        out << server.errorString() << '\n';
        return 1;
    }
    out << "Central store benchmark, " << QSysInfo::prettyProductName() << ", "
        << QDateTime::currentDateTime().toString(Qt::ISODate) << '\n';
    const QString database = QStringLiteral("bench_%1").arg(QDateTime::currentSecsSinceEpoch());
    const QString url = server.connectionString(database);
    bool created = false;
    QString error;
    int code = 1;
    if (!CentralSchema::createDatabaseIfMissing(url, &created, &error)) {
        out << error << '\n';
        return 1;
    }
    {
        QSqlDatabase db = CentralConnection::open(url, QStringLiteral("bench"), &error);
        const CentralSchema::Result schema = CentralSchema::migrate(db);
        if (!schema.ok) {
            out << schema.error << '\n';
            return 1;
        }
        DemoDataOptions options;
        options.videos = parser.value(QStringLiteral("videos")).toLongLong();
        QElapsedTimer timer;
        timer.start();
        const DemoCentralWriter::Result seeded = DemoCentralWriter::write(db, options);
        if (!seeded.ok) {
            out << seeded.error << '\n';
            return 1;
        }
        const double seconds = timer.elapsed() / 1000.0;
        figure(QStringLiteral("seed: videos / video tags / users"),
               QStringLiteral("%1 / %2 / %3")
                   .arg(seeded.counts.videos)
                   .arg(seeded.counts.videoTags)
                   .arg(seeded.counts.users));
        figure(QStringLiteral("seed: time (COPY, one transaction, ANALYZE, staff)"),
               QStringLiteral("%1 s").arg(seconds, 0, 'f', 1));
        figure(
            QStringLiteral("seed: catalogue rows per second"),
            QStringLiteral("%1").arg(qint64(
                (seeded.counts.videos + seeded.counts.videoTags + seeded.counts.users) / seconds)));
        QSqlQuery size(db);
        if (size.exec(
                QStringLiteral("SELECT pg_size_pretty(pg_database_size(current_database()))")) &&
            size.next())
            figure(QStringLiteral("seed: database size"), size.value(0).toString());

        // The changes: a supervisor tags videos, a thousand per transaction.
        const QString supervisorUrl =
            server.connectionString(database, QStringLiteral("demo_supervisor"));
        QSqlDatabase supervisor =
            CentralConnection::open(supervisorUrl, QStringLiteral("supervisor"), &error,
                                    QStringLiteral("coulisse-supervisor"));
        if (!supervisor.isOpen()) {
            out << error << '\n';
            return 1;
        }
        QSqlQuery start(supervisor);
        start.exec(QStringLiteral("SELECT watermark::text FROM coulisse.sync_info()"));
        start.next();
        const QString cursor = start.value(0).toString();
        const qint64 changes = parser.value(QStringLiteral("changes")).toLongLong();
        timer.restart();
        const qint64 batch = 1000;
        for (qint64 from = 1; from <= changes; from += batch) {
            QSqlQuery q(supervisor);
            q.prepare(QStringLiteral(
                "INSERT INTO coulisse.video_tags (video_id, tag_id) "
                "SELECT v.id, (SELECT t.id FROM coulisse.tags t JOIN coulisse.tag_groups g ON "
                "  g.id = t.group_id WHERE g.kind = 'general' AND t.status = 'active' AND NOT "
                "  EXISTS (SELECT FROM coulisse.video_tags x WHERE x.video_id = v.id AND "
                "  x.tag_id = t.id) ORDER BY t.id LIMIT 1) "
                "FROM coulisse.videos v WHERE v.id BETWEEN ? AND ?"));
            q.addBindValue(from);
            q.addBindValue(std::min(from + batch - 1, changes));
            if (!q.exec() && !check(q, QStringLiteral("changes")))
                return 1;
        }
        const double writeSeconds = timer.elapsed() / 1000.0;
        figure(QStringLiteral("changes: video tags added by a supervisor"),
               QStringLiteral("%1 in %2 s (%3 rows/s, audited and logged)")
                   .arg(changes)
                   .arg(writeSeconds, 0, 'f', 1)
                   .arg(qint64(changes / writeSeconds)));

        const int page = parser.value(QStringLiteral("page")).toInt();
        for (const auto &[role, password] :
             {std::pair{QStringLiteral("demo_supervisor"), QStringLiteral("coulisse-supervisor")},
              std::pair{QStringLiteral("demo_editor"), QStringLiteral("coulisse-editor")}}) {
            qint64 pages = 0;
            qint64 rows = 0;
            double pullSeconds = 0;
            {
                const QSqlDatabase puller =
                    CentralConnection::open(server.connectionString(database, role),
                                            QStringLiteral("pull-") + role, &error, password);
                timer.restart();
                rows = pullAll(puller, cursor, 0, page, &pages);
                pullSeconds = timer.nsecsElapsed() / 1e9;
            }
            figure(QStringLiteral("pull as %1 (pages of %2)").arg(role).arg(page),
                   QStringLiteral("%1 entries in %2 pages, %3 s: %4 rows/s")
                       .arg(rows)
                       .arg(pages)
                       .arg(pullSeconds, 0, 'f', 2)
                       .arg(qint64(rows / pullSeconds)));
            CentralConnection::close(QStringLiteral("pull-") + role);
        }
        supervisor.close();
        db.close();
        code = 0;
    }
    CentralConnection::close(QStringLiteral("supervisor"));
    CentralConnection::close(QStringLiteral("bench"));
    if (!parser.isSet(QStringLiteral("dir")))
        server.stop();
    return code;
}
