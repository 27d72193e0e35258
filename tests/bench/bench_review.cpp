// The review queue at scale: a supervisor's cache holding 10,000 pending change requests of
// several editors and kinds. Times showing the queue (the Review page's model, from the reset
// to the first rows), filtering it, counting what waits (the navigation's number), approving
// 1,000 selected requests (queued in the cache) and pushing those decisions (one sync).
// Prints figures; asserts nothing.
//   bench_review [--videos N] [--requests N] [--approve N] [--editors N] [--runs N]
//                [--dir DIR] [--durable]
// A private PostgreSQL (fast mode unless --durable) runs in a temporary directory (or DIR) and
// is stopped at the end; the cache lives in a temporary directory removed at the end. The
// requests are proposed the way the app sends them: operations pushed through apply_ops by
// each editor, topping up the demo data's own pending requests to N (then spread over four
// weeks of requested_at, so that ages differ); the supervisor's cache receives them with its
// initial copy.
#include "benchreport.h"
#include "cachedatabase.h"
#include "cacheeditor.h"
#include "cataloguerepository.h"
#include "centralconnection.h"
#include "centralschema.h"
#include "centralstaff.h"
#include "democentralwriter.h"
#include "privatepostgres.h"
#include "reviewtablemodel.h"
#include "rowloader.h"
#include "syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <sqlite3.h>

using namespace Bench;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

/// Rows of a query on \a db, each as a list of values; false with \a error set on failure.
bool rows(const QSqlDatabase &db, const QString &sql, QList<QVariantList> *list, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(sql)) {
        *error = q.lastError().text();
        return false;
    }
    const int columns = q.record().count();
    while (q.next()) {
        QVariantList row;
        for (int i = 0; i < columns; ++i)
            row.append(q.value(i));
        list->append(row);
    }
    return true;
}

/// The change requests of the queue, as the app's operations: mostly tags added to videos,
/// some game tags, tag edits, new tags and game edits (the shares of a busy week).
bool buildOperations(const QSqlDatabase &db, int count, QList<QJsonObject> *ops, QString *error)
{
    const int gameTags = count * 5 / 100;
    const int tagEdits = count * 5 / 100;
    const int newTags = count * 3 / 100;
    const int gameEdits = count * 2 / 100;
    const int videoTags = count - gameTags - tagEdits - newTags - gameEdits;
    // Videos in a fixed pseudo-random order, each with a general tag it does not carry.
    QList<QVariantList> videos;
    if (!rows(
            db,
            QStringLiteral(
                "WITH general AS (SELECT array_agg(t.id ORDER BY t.id) AS ids FROM coulisse.tags t "
                "JOIN coulisse.tag_groups g ON g.id = t.group_id WHERE g.kind = 'general' AND "
                "t.status = 'active'), picked AS (SELECT v.id, row_number() OVER (ORDER BY "
                "md5(v.id::text)) AS n FROM coulisse.videos v ORDER BY md5(v.id::text) LIMIT %1) "
                "SELECT p.id, (SELECT x FROM unnest(general.ids) WITH ORDINALITY AS u (x, i) WHERE "
                "NOT EXISTS (SELECT FROM coulisse.video_tags vt WHERE vt.video_id = p.id AND "
                "vt.tag_id = x) ORDER BY (i + p.n) % cardinality(general.ids) LIMIT 1) FROM picked "
                "p, general ORDER BY p.n")
                .arg(videoTags),
            &videos, error))
        return false;
    for (const QVariantList &v : videos)
        ops->append({{QStringLiteral("kind"), QStringLiteral("video_tags")},
                     {QStringLiteral("payload"),
                      QJsonObject{{QStringLiteral("video_id"), v[0].toLongLong()},
                                  {QStringLiteral("add"), QJsonArray{v[1].toLongLong()}}}}});
    // Games with a game-tag dimension tag they do not carry.
    QList<QVariantList> games;
    if (!rows(
            db,
            QStringLiteral("SELECT g.id, g.row_version, (SELECT t.id FROM coulisse.tags t JOIN "
                           "coulisse.tag_groups d ON d.id = t.group_id WHERE d.kind = 'dimension' "
                           "AND t.status = 'active' AND NOT EXISTS (SELECT FROM coulisse.game_tags "
                           "x WHERE x.game_id = g.id AND x.tag_id = t.id) ORDER BY t.id LIMIT 1) "
                           "FROM coulisse.games g ORDER BY g.id"),
            &games, error))
        return false;
    if (games.isEmpty()) {
        *error = QStringLiteral("no games");
        return false;
    }
    QList<QVariantList> taggable; // games with a dimension tag to add
    for (const QVariantList &g : std::as_const(games)) {
        if (!g[2].isNull())
            taggable.append(g);
    }
    for (int i = 0; i < gameTags && !taggable.isEmpty(); ++i) {
        const QVariantList &g = taggable[i % taggable.size()];
        ops->append({{QStringLiteral("kind"), QStringLiteral("game_tags")},
                     {QStringLiteral("payload"),
                      QJsonObject{{QStringLiteral("game_id"), g[0].toLongLong()},
                                  {QStringLiteral("add"), QJsonArray{g[2].toLongLong()}}}}});
    }
    for (int i = 0; i < gameEdits; ++i) {
        const QVariantList &g = games[(i * 7) % games.size()];
        ops->append(
            {{QStringLiteral("kind"), QStringLiteral("game_update")},
             {QStringLiteral("base_row_version"), g[1].toLongLong()},
             {QStringLiteral("payload"),
              QJsonObject{{QStringLiteral("game_id"), g[0].toLongLong()},
                          {QStringLiteral("developer"), QStringLiteral("Studio %1").arg(i)}}}});
    }
    QList<QVariantList> tags;
    if (!rows(db,
              QStringLiteral("SELECT t.id, t.row_version, t.name, t.group_id FROM coulisse.tags t "
                             "WHERE t.status = 'active' ORDER BY md5(t.id::text)"),
              &tags, error))
        return false;
    if (tags.isEmpty()) {
        *error = QStringLiteral("no tags");
        return false;
    }
    for (int i = 0; i < tagEdits; ++i) {
        const QVariantList &t = tags[i % tags.size()];
        ops->append(
            {{QStringLiteral("kind"), QStringLiteral("tag_update")},
             {QStringLiteral("base_row_version"), t[1].toLongLong()},
             {QStringLiteral("payload"),
              QJsonObject{{QStringLiteral("tag_id"), t[0].toLongLong()},
                          {QStringLiteral("aliases"),
                           QJsonArray{QStringLiteral("%1 %2").arg(t[2].toString()).arg(i)}}}}});
    }
    for (int i = 0; i < newTags; ++i) {
        const QVariantList &t = tags[(i * 13) % tags.size()];
        ops->append(
            {{QStringLiteral("kind"), QStringLiteral("tag_create")},
             {QStringLiteral("payload"),
              QJsonObject{{QStringLiteral("group_id"), t[3].toLongLong()},
                          {QStringLiteral("name"), QStringLiteral("新标签 %1").arg(i)},
                          {QStringLiteral("name_en"), QStringLiteral("New tag %1").arg(i)}}}});
    }
    // Kinds interleaved, as requests arrive (a fixed order: same seed, same queue).
    std::shuffle(ops->begin(), ops->end(), QRandomGenerator(7));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("videos"), QStringLiteral("Videos in the central store."),
                      QStringLiteral("N"), QStringLiteral("200000")});
    parser.addOption({QStringLiteral("requests"), QStringLiteral("Pending change requests."),
                      QStringLiteral("N"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("approve"), QStringLiteral("Requests approved in one step."),
                      QStringLiteral("N"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("editors"), QStringLiteral("Editors proposing them."),
                      QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Timed runs of each query."),
                      QStringLiteral("N"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("dir"),
                      QStringLiteral("Private server directory (kept running when given)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("durable"),
                      QStringLiteral("Run the server with fsync on (default: fast mode).")});
    parser.process(app);
    const qint64 videos = parser.value(QStringLiteral("videos")).toLongLong();
    const int requests = parser.value(QStringLiteral("requests")).toInt();
    const int approveCount = parser.value(QStringLiteral("approve")).toInt();
    const int editorCount = std::max(1, parser.value(QStringLiteral("editors")).toInt());
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    QTemporaryDir serverTemp;
    QTemporaryDir work;
    if (!serverTemp.isValid() || !work.isValid()) {
        out() << "Cannot create a temporary directory.\n";
        return 1;
    }
    const QString serverDir = parser.isSet(QStringLiteral("dir"))
                                  ? parser.value(QStringLiteral("dir"))
                                  : serverTemp.path();
    PrivatePostgres server(serverDir);
    server.setDurable(parser.isSet(QStringLiteral("durable")));
    if (!server.start()) {
        out() << server.errorString() << '\n';
        return 1;
    }

    printMachine(QStringLiteral("Review queue benchmark"));

    const qint64 runId = QDateTime::currentSecsSinceEpoch();
    const QString database = QStringLiteral("bench_review_%1").arg(runId);
    const QString url = server.connectionString(database);
    const QString supervisorName = QStringLiteral("demo_supervisor");
    const QString supervisorPassword = QStringLiteral("coulisse-supervisor");
    const QString editorPassword = QStringLiteral("bench-review-editor");
    QStringList editorConnections;
    QString error;
    int code = 1;
    [&] {
        bool created = false;
        if (!CentralSchema::createDatabaseIfMissing(url, &created, &error))
            return failed(QStringLiteral("create the database"), error);
        QSqlDatabase installer = CentralConnection::open(url, QStringLiteral("installer"), &error);
        if (!installer.isOpen())
            return failed(QStringLiteral("connect"), error);
        {
            QSqlQuery v(installer);
            if (v.exec(QStringLiteral("SHOW server_version")) && v.next())
                figure(QStringLiteral("PostgreSQL (private instance)"),
                       QStringLiteral("%1, %2").arg(
                           v.value(0).toString(),
                           parser.isSet(QStringLiteral("durable"))
                               ? QStringLiteral("durable")
                               : QStringLiteral("fast mode: fsync, synchronous_commit and "
                                                "full_page_writes off")));
        }
        const CentralSchema::Result schema = CentralSchema::migrate(installer);
        if (!schema.ok)
            return failed(QStringLiteral("migrate"), schema.error);

        // --- Setup: catalogue, editors, their requests, the supervisor's cache ---
        heading(QStringLiteral("Setup (not part of the figures below)"));
        DemoDataOptions options;
        options.videos = videos;
        QElapsedTimer timer;
        timer.start();
        const DemoCentralWriter::Result seeded = DemoCentralWriter::write(installer, options);
        if (!seeded.ok)
            return failed(QStringLiteral("seed"), seeded.error);
        figure(QStringLiteral("central store: videos / video tags (demo data)"),
               QStringLiteral("%1 / %2 in %3 s")
                   .arg(number(seeded.counts.videos), number(seeded.counts.videoTags))
                   .arg(timer.elapsed() / 1000.0, 0, 'f', 1));

        QList<qint64> allGames;
        {
            QSqlQuery q(installer);
            q.exec(QStringLiteral("SELECT id FROM coulisse.games ORDER BY id"));
            while (q.next())
                allGames.append(q.value(0).toLongLong());
        }
        CentralStaff staff(installer);
        QStringList editors;
        for (int i = 1; i <= editorCount; ++i) {
            // Role names are cluster-wide: unique per run (a kept server may hold older ones).
            const QString name = QStringLiteral("editor%1_%2").arg(i).arg(runId % 100000);
            if (!staff.add(name, QStringLiteral("editor"), editorPassword) ||
                !staff.setScope(name, allGames))
                return failed(QStringLiteral("editor %1").arg(name), staff.errorString());
            editors.append(name);
        }

        // The demo data holds a few pending requests already: the editors top the queue up.
        QList<QVariantList> existing;
        if (!rows(installer,
                  QStringLiteral("SELECT count(*) FROM coulisse.change_requests WHERE status = "
                                 "'pending'"),
                  &existing, &error))
            return failed(QStringLiteral("count the requests"), error);
        const int demoPending = existing.value(0).value(0).toInt();
        QList<QJsonObject> ops;
        if (!buildOperations(installer, std::max(0, requests - demoPending), &ops, &error))
            return failed(QStringLiteral("build the requests"), error);
        // The editors' shares decrease linearly (with 5 editors: 33 %, 27 %, 20 %, 13 %, 7 %).
        QList<QJsonArray> perEditor(editors.size());
        QRandomGenerator pick(11);
        const int weights = int(editors.size() * (editors.size() + 1) / 2);
        for (qsizetype i = 0; i < ops.size(); ++i) {
            int bucket = pick.bounded(weights);
            int e = 0;
            while (bucket >= int(editors.size()) - e) {
                bucket -= int(editors.size()) - e;
                ++e;
            }
            QJsonObject op = ops[i];
            op.insert(QStringLiteral("op_id"), newId());
            perEditor[e].append(op);
        }
        timer.restart();
        for (qsizetype e = 0; e < editors.size(); ++e) {
            const QString connection = QStringLiteral("editor-%1").arg(e);
            editorConnections.append(connection);
            QSqlDatabase db = CentralConnection::open(server.connectionString(database, editors[e]),
                                                      connection, &error, editorPassword);
            if (!db.isOpen())
                return failed(QStringLiteral("connect as %1").arg(editors[e]), error);
            QSqlQuery apply(db);
            apply.prepare(QStringLiteral("SELECT coulisse.apply_ops(?::uuid, ?::jsonb)"));
            const QString client = newId();
            const QJsonArray &all = perEditor[e];
            for (qsizetype from = 0; from < all.size(); from += 2000) {
                QJsonArray batch;
                for (qsizetype i = from; i < std::min<qsizetype>(all.size(), from + 2000); ++i)
                    batch.append(all[i]);
                apply.addBindValue(client);
                apply.addBindValue(
                    QString::fromUtf8(QJsonDocument(batch).toJson(QJsonDocument::Compact)));
                if (!apply.exec())
                    return failed(QStringLiteral("apply_ops as %1").arg(editors[e]),
                                  apply.lastError().text());
            }
        }
        // Ages: one request every four minutes over the past four weeks, the oldest first.
        QSqlQuery spread(installer);
        if (!spread.exec(QStringLiteral("UPDATE coulisse.change_requests SET requested_at = now() "
                                        "- ((SELECT max(seq) FROM coulisse.change_requests) - "
                                        "seq) * interval '4 minutes'")))
            return failed(QStringLiteral("spread ages"), spread.lastError().text());
        QList<QVariantList> byEditor;
        if (!rows(installer,
                  QStringLiteral("SELECT requested_by, count(*) FROM coulisse.change_requests "
                                 "WHERE status = 'pending' GROUP BY 1 ORDER BY 2 DESC"),
                  &byEditor, &error))
            return failed(QStringLiteral("count the requests"), error);
        QStringList shares;
        qint64 pending = 0;
        for (const QVariantList &r : byEditor) {
            shares.append(number(r[1].toLongLong()));
            pending += r[1].toLongLong();
        }
        figure(QStringLiteral("pending change requests"),
               QStringLiteral("%1: the demo data's %2 and %3 pushed through apply_ops by %4 "
                              "editors in %5 s")
                   .arg(number(pending), number(demoPending), number(ops.size()))
                   .arg(editors.size())
                   .arg(timer.elapsed() / 1000.0, 0, 'f', 1));
        figure(QStringLiteral("pending requests per author"), shares.join(QStringLiteral(" / ")));

        CacheDatabase cache;
        const QString cachePath = QDir(work.path()).filePath(QStringLiteral("supervisor.sqlite"));
        if (!cache.open(cachePath))
            return failed(QStringLiteral("cache"), cache.errorString());
        SyncEngine::Settings settings;
        settings.conninfo = server.connectionString(database, supervisorName);
        settings.password = supervisorPassword;
        SyncEngine engine(cache, settings);
        const SyncEngine::Report copy = engine.run();
        if (!copy.ok)
            return failed(QStringLiteral("initial copy"), copy.error);
        {
            QSqlQuery q(cache.database());
            q.exec(QStringLiteral("SELECT count(*) FROM change_requests WHERE status = "
                                  "'pending'"));
            q.next();
            figure(QStringLiteral("supervisor's cache: initial copy (SyncEngine::run)"),
                   QStringLiteral("%1 rows in %2 s, %3 pending requests")
                       .arg(number(copy.copiedRows))
                       .arg(copy.elapsedMs / 1000.0, 0, 'f', 1)
                       .arg(number(q.value(0).toLongLong())));
        }

        // --- The queue ---
        heading(QStringLiteral("Review queue (ReviewTableModel on its RowLoader thread: reset to "
                               "count and first rows)"));
        QElapsedTimer openTimer;
        openTimer.start();
        RowLoader loader(cachePath);
        ReviewTableModel model(&loader);
        bool ready = false;
        QObject::connect(&model, &LazyTableModel::ready, [&] { ready = true; });
        QObject::connect(&model, &LazyTableModel::loadFailed, [&](const QString &message) {
            out() << "FAILED: the queue: " << message << '\n';
            out().flush();
            std::exit(1);
        });
        model.setUser(supervisorName);
        const auto wait = [&](const std::function<bool()> &done) {
            while (!done())
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        };
        wait([&] { return ready; });
        const double openMs = openTimer.nsecsElapsed() / 1e6;
        const auto untilReady = [&](const std::function<void()> &action) {
            QElapsedTimer t;
            t.start();
            ready = false;
            action();
            wait([&] { return ready; });
            return t.nsecsElapsed() / 1e6;
        };
        figure(
            QStringLiteral("open: loader thread and connection, model, first rows"),
            QStringLiteral("%1 ms (%2 rows)").arg(openMs, 0, 'f', 1).arg(number(model.rowCount())));
        QList<double> resets;
        for (int i = 0; i < runs; ++i)
            resets.append(untilReady([&] { model.refresh(); }));
        figure(QStringLiteral("default filter (waiting requests, oldest first)"),
               QStringLiteral("%1 ms median of %2 (%3 rows)")
                   .arg(median(resets), 0, 'f', 1)
                   .arg(runs)
                   .arg(number(model.rowCount())));

        // Filters: each set once, then read again (the same query) for the median.
        const QString busiest = byEditor.value(0).value(0).toString();
        const QString quietest = byEditor.value(byEditor.size() - 1).value(0).toString();
        // A word of many titles (video_tags requests are searched by the video's title).
        const QString word = QStringLiteral("教程");
        qint64 game = 0;
        {
            QSqlQuery q(cache.database());
            q.exec(QStringLiteral("SELECT game_id FROM change_requests WHERE status = 'pending' "
                                  "AND game_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC "
                                  "LIMIT 1 OFFSET 4"));
            q.next();
            game = q.value(0).toLongLong();
        }
        struct Case
        {
            QString label;
            ReviewTableModel::Filter filter;
        };
        QList<Case> cases;
        {
            ReviewTableModel::Filter f;
            f.author = busiest;
            cases.append({QStringLiteral("filter: author (the busiest editor)"), f});
            f.author = quietest;
            cases.append({QStringLiteral("filter: author (the quietest editor)"), f});
            f = {};
            f.kind = QStringLiteral("tag_update");
            cases.append({QStringLiteral("filter: kind, tag edits"), f});
            f.kind = QStringLiteral("video_tags");
            cases.append({QStringLiteral("filter: kind, video tags"), f});
            f = {};
            f.gameId = game;
            cases.append({QStringLiteral("filter: one game (5th by requests)"), f});
            f = {};
            f.minAgeS = 7 * 86400;
            cases.append({QStringLiteral("filter: older than 7 days"), f});
            f = {};
            f.search = word;
            cases.append({QStringLiteral("search text \"%1\" (affected name)").arg(word), f});
            f.search = QStringLiteral("zzzz-no-match");
            cases.append({QStringLiteral("search text with no match"), f});
            f = {};
            f.author = busiest;
            f.kind = QStringLiteral("video_tags");
            f.search = word;
            cases.append({QStringLiteral("author + kind + search text"), f});
        }
        for (const Case &c : std::as_const(cases)) {
            QList<double> times;
            times.append(untilReady([&] { model.setFilter(c.filter); }));
            for (int i = 1; i < runs; ++i)
                times.append(untilReady([&] { model.refresh(); }));
            figure(c.label, QStringLiteral("%1 ms median of %2 (first %3 ms; %4 rows)")
                                .arg(median(times), 0, 'f', 1)
                                .arg(runs)
                                .arg(times.first(), 0, 'f', 1)
                                .arg(number(model.rowCount())));
        }

        // The same filter read again after the cache changed: the first read after a write
        // meets a cold page cache on the loader's connection.
        const auto readAgain = [&](const QString &label) {
            QList<double> times;
            for (int i = 0; i < runs; ++i)
                times.append(untilReady([&] { model.refresh(); }));
            figure(label, QStringLiteral("%1 ms median of %2 (first %3 ms; %4 rows)")
                              .arg(median(times), 0, 'f', 1)
                              .arg(runs)
                              .arg(times.first(), 0, 'f', 1)
                              .arg(number(model.rowCount())));
        };

        // The number waiting, shown in the navigation: counted on the UI thread's connection
        // when the page reloads its choices (after a decision, after a sync).
        CatalogueRepository repository(cache.database());
        const auto countWaiting = [&](const QString &label) {
            QList<double> times;
            int waiting = 0;
            for (int i = 0; i < runs; ++i) {
                QElapsedTimer t;
                t.start();
                waiting = repository.reviewWaiting(supervisorName);
                times.append(t.nsecsElapsed() / 1e6);
            }
            figure(label, QStringLiteral("%1 ms median of %2 (%3 waiting)")
                              .arg(median(times), 0, 'f', 1)
                              .arg(runs)
                              .arg(number(waiting)));
        };
        countWaiting(QStringLiteral("the number waiting (CatalogueRepository::reviewWaiting)"));

        // --- Approving 1,000 selected ---
        heading(QStringLiteral("Approving %1 selected requests (video tags, the oldest first)")
                    .arg(number(approveCount)));
        ReviewTableModel::Filter videoTags;
        videoTags.kind = QStringLiteral("video_tags");
        untilReady([&] { model.setFilter(videoTags); });
        const int selected = std::min(approveCount, model.rowCount());
        QElapsedTimer selectTimer;
        selectTimer.start();
        model.prefetch(0, selected - 1);
        wait([&] { return model.isRangeLoaded(0, selected - 1); });
        QStringList ids;
        for (int r = 0; r < selected; ++r) {
            const QModelIndex index = model.index(r, 0);
            if (index.data(ReviewTableModel::PendingRole).toBool() &&
                !index.data(ReviewTableModel::OwnRole).toBool())
                ids.append(index.data(ReviewTableModel::RequestIdRole).toString());
        }
        figure(QStringLiteral("select them: rows loaded (prefetch) and ids read"),
               QStringLiteral("%1 ms (%2 ids)")
                   .arg(selectTimer.nsecsElapsed() / 1e6, 0, 'f', 1)
                   .arg(number(ids.size())));
        CacheEditor editor(cache);
        QElapsedTimer reviewTimer;
        reviewTimer.start();
        const CacheEditor::ReviewResult approved = editor.review(ids, true);
        const double reviewMs = reviewTimer.nsecsElapsed() / 1e6;
        if (!approved.ok)
            return failed(QStringLiteral("review"), approved.error);
        figure(QStringLiteral("CacheEditor::review (one step: %1 operations, local)")
                   .arg(number(approved.opIds.size())),
               QStringLiteral("%1 ms (%2 ms each)")
                   .arg(reviewMs, 0, 'f', 0)
                   .arg(reviewMs / std::max<qsizetype>(1, ids.size()), 0, 'f', 2));
        readAgain(QStringLiteral("the queue read again, the decisions shown as queued"));
        countWaiting(QStringLiteral("the number waiting, the decisions queued"));

        // --- Pushing them ---
        heading(QStringLiteral("Pushing the decisions (one SyncEngine::run as %1)")
                    .arg(supervisorName));
        double sentMs = 0;
        double confirmingMs = -1;
        QElapsedTimer runTimer;
        runTimer.start();
        const SyncEngine::Report push = engine.run([&](SyncEngine::Stage stage, qint64, qint64) {
            if (stage == SyncEngine::Stage::Pushing)
                sentMs = runTimer.nsecsElapsed() / 1e6;
            if (stage == SyncEngine::Stage::Confirming && confirmingMs < 0)
                confirmingMs = runTimer.nsecsElapsed() / 1e6;
        });
        if (!push.ok)
            return failed(QStringLiteral("push"), push.error);
        if (confirmingMs < 0)
            confirmingMs = push.elapsedMs;
        figure(QStringLiteral("push: one sync, end to end (Report.elapsedMs)"),
               QStringLiteral("%1 ms: %2 ops in %3 local transactions sent, %4 rejected, %5 "
                              "pulled back, %6 confirmed")
                   .arg(push.elapsedMs)
                   .arg(number(push.pushedOps))
                   .arg(number(push.pushedTransactions))
                   .arg(push.rejected)
                   .arg(number(push.pulled))
                   .arg(number(push.confirmed)));
        figure(QStringLiteral("push: send (apply_ops calls, review_change per op)"),
               QStringLiteral("%1 ms").arg(sentMs, 0, 'f', 0));
        figure(QStringLiteral("push: pull back (requests decided, tags added)"),
               QStringLiteral("%1 ms").arg(confirmingMs - sentMs, 0, 'f', 0));
        figure(QStringLiteral("push: confirm"),
               QStringLiteral("%1 ms").arg(push.elapsedMs - confirmingMs, 0, 'f', 0));
        QList<QVariantList> outcome;
        if (!rows(installer,
                  QStringLiteral("SELECT status, count(*) FROM coulisse.change_requests WHERE "
                                 "reviewed_by = '%1' GROUP BY 1 ORDER BY 1")
                      .arg(supervisorName),
                  &outcome, &error))
            return failed(QStringLiteral("count the decisions"), error);
        QStringList outcomes;
        for (const QVariantList &r : outcome)
            outcomes.append(
                QStringLiteral("%1 %2").arg(number(r[1].toLongLong()), r[0].toString()));
        figure(QStringLiteral("central afterwards"), outcomes.join(QStringLiteral(", ")));
        readAgain(QStringLiteral("the queue read again after the sync"));
        countWaiting(QStringLiteral("the number waiting after the sync"));

        engine.disconnect();
        installer.close();
        code = 0;
        return true;
    }();
    for (const QString &connection : std::as_const(editorConnections))
        CentralConnection::close(connection);
    CentralConnection::close(QStringLiteral("installer"));
    figure(QStringLiteral("load average at the end (1, 5, 15 min)"), loadAverage());
    if (!parser.isSet(QStringLiteral("dir")) && !server.stop())
        out() << server.errorString() << '\n';
    return code;
}
