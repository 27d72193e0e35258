// Tag suggestions at scale: how well held-out tags of the demo data are recovered, and how fast
// suggestions follow the keyboard. Prints figures; asserts nothing.
//   bench_tagging [--videos N] [--cache FILE] [--sample N] [--calls N]
// Without --cache, a demo cache of N videos (default 1,000,000) is written to a temporary
// directory that is removed at the end.
#include "cachedatabase.h"
#include "cacheeditor.h"
#include "democachewriter.h"
#include "rowloader.h"
#include "tagexpression.h"
#include "tagrecommender.h"
#include "tagstatistics.h"
#include "tagvideoscommand.h"
#include "videotablemodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QUndoStack>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

namespace {

QTextStream out(stdout);

void figure(const QString &what, const QString &value)
{
    out << what.leftJustified(60) << ' ' << value << '\n';
    out.flush();
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

QString percent(double share)
{
    return QStringLiteral("%1 %").arg(share * 100, 0, 'f', 1);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("videos"), QStringLiteral("Videos of the demo cache."),
                      QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("cache"), QStringLiteral("Use this cache instead."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("sample"), QStringLiteral("Videos of the evaluation."),
                      QStringLiteral("N"), QStringLiteral("2000")});
    parser.addOption({QStringLiteral("calls"), QStringLiteral("Timed suggestion calls."),
                      QStringLiteral("N"), QStringLiteral("1000")});
    parser.process(app);

    QTemporaryDir work;
    QString path = parser.value(QStringLiteral("cache"));
    out << "Tagging benchmark\n";
    figure(QStringLiteral("date"), QDateTime::currentDateTime().toString(Qt::ISODate));
    figure(QStringLiteral("machine"),
           QStringLiteral("%1 logical cores").arg(QThread::idealThreadCount()));
    if (path.isEmpty()) {
        path = QDir(work.path()).filePath(QStringLiteral("tagging.sqlite"));
        DemoDataOptions options;
        options.videos = parser.value(QStringLiteral("videos")).toLongLong();
        const auto result = DemoCacheWriter::write(path, options, false);
        if (!result.ok) {
            std::fprintf(stderr, "%s\n", qPrintable(result.error));
            return 1;
        }
        figure(QStringLiteral("demo cache"), QStringLiteral("%1 videos, %2 video tags")
                                                 .arg(result.counts.videos)
                                                 .arg(result.counts.videoTags));
    }
    CacheDatabase cache;
    if (!cache.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(cache.errorString()));
        return 1;
    }

    // Quality: held-out tags.
    {
        TagRecommender recommender(cache.database());
        QElapsedTimer t;
        t.start();
        const TagRecommender::Evaluation e =
            recommender.evaluate(parser.value(QStringLiteral("sample")).toInt());
        out << "\nHeld-out evaluation (" << e.videos << " tagged videos, leave-one-out counts)\n";
        figure(QStringLiteral("one tag hidden: first suggestion"), percent(e.oneHiddenAt1));
        figure(QStringLiteral("one tag hidden: among the first 3"), percent(e.oneHiddenAt3));
        figure(QStringLiteral("one tag hidden: among the first 5"), percent(e.oneHiddenAt5));
        figure(QStringLiteral("  baseline, popularity in the game only: first 5"),
               percent(e.popularityOnlyAt5));
        figure(QStringLiteral("all tags hidden (queue): precision of the first 3"),
               percent(e.untaggedPrecisionAt3));
        figure(QStringLiteral("all tags hidden (queue): recall of the first 5"),
               percent(e.untaggedRecallAt5));
        figure(QStringLiteral("evaluation time"),
               QStringLiteral("%1 s").arg(t.elapsed() / 1000.0, 0, 'f', 1));
    }

    // Speed: the first suggestion for a game reads its statistics; the next ones follow the
    // keyboard (next video, next video...).
    {
        TagRecommender recommender(cache.database());
        QList<qint64> games;
        QSqlQuery q(cache.database());
        q.exec(QStringLiteral("SELECT id FROM games ORDER BY video_count DESC"));
        while (q.next())
            games.append(q.value(0).toLongLong());
        QList<double> cold;
        double largest = 0;
        for (qint64 game : std::as_const(games)) {
            QSqlQuery v(cache.database());
            v.exec(QStringLiteral("SELECT id FROM videos WHERE game_id = %1 LIMIT 1").arg(game));
            if (!v.next())
                continue;
            QElapsedTimer t;
            t.start();
            recommender.recommend(v.value(0).toLongLong());
            const double ms = t.nsecsElapsed() / 1e6;
            cold.append(ms);
            if (game == games.first())
                largest = ms;
        }
        out << "\nSpeed\n";
        figure(QStringLiteral("first suggestion of a game (reads its statistics), median"),
               QStringLiteral("%1 ms over %2 games").arg(median(cold), 0, 'f', 1).arg(cold.size()));
        figure(QStringLiteral("first suggestion of the largest game"),
               QStringLiteral("%1 ms").arg(largest, 0, 'f', 1));
        QList<qint64> ids;
        q.exec(QStringLiteral("SELECT id FROM videos ORDER BY published_at DESC LIMIT %1")
                   .arg(parser.value(QStringLiteral("calls")).toInt()));
        while (q.next())
            ids.append(q.value(0).toLongLong());
        QList<double> warm;
        for (qint64 id : std::as_const(ids)) {
            QElapsedTimer t;
            t.start();
            recommender.recommend(id);
            warm.append(t.nsecsElapsed() / 1e6);
        }
        std::sort(warm.begin(), warm.end());
        figure(QStringLiteral("next video (statistics read), median / 99th percentile"),
               QStringLiteral("%1 / %2 ms over %3 videos")
                   .arg(median(warm), 0, 'f', 2)
                   .arg(warm.isEmpty() ? 0 : warm[int(warm.size() * 0.99)], 0, 'f', 2)
                   .arg(warm.size()));
    }
    // Tag-expression search: what the videos table runs for a filter (the count, then the first
    // window in the default order), each expression parsed and resolved first.
    {
        out << "\nTag search (the videos table: filter to first rows, default order)\n";
        QSqlQuery names(cache.database());
        names.exec(QStringLiteral("SELECT t.name FROM tags t JOIN tag_groups g ON g.id = "
                                  "t.group_id WHERE g.kind = 'general' ORDER BY t.usage_count "
                                  "DESC LIMIT 3"));
        QStringList general;
        while (names.next())
            general.append(names.value(0).toString());
        names.exec(QStringLiteral("SELECT name FROM games ORDER BY video_count DESC LIMIT 2"));
        QStringList games;
        while (names.next())
            games.append(names.value(0).toString());
        const QStringList expressions = {
            general.value(0),
            QStringLiteral("%1 AND %2 AND NOT %3")
                .arg(games.value(0), general.value(0), general.value(1)),
            QStringLiteral("(%1 OR %2) %3 -%4")
                .arg(games.value(0), games.value(1), general.value(0), general.value(2)),
        };
        // Through the videos table itself: its model, on its loader thread, from the filter to
        // the first rows (the page parses and resolves the expression first).
        RowLoader loader(path);
        VideoTableModel model(&loader);
        const auto untilReady = [&](const std::function<void()> &action) {
            QElapsedTimer t;
            t.start();
            bool done = false;
            const auto c = QObject::connect(&model, &LazyTableModel::ready, [&] { done = true; });
            action();
            while (!done)
                QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
            QObject::disconnect(c);
            return t.nsecsElapsed() / 1e6;
        };
        untilReady([] {});
        for (const QString &text : expressions) {
            QList<double> times;
            for (int run = 0; run < 5; ++run) {
                times.append(untilReady([&] {
                    TagExpression e;
                    TagExpression::Error error;
                    if (!e.parse(text, &error) || !e.resolve(cache.database(), &error)) {
                        std::fprintf(stderr, "%s\n", qPrintable(error.message));
                        std::exit(1);
                    }
                    VideoTableModel::Filter f;
                    f.tagSet = e.sqlVideoSet(&f.tagSetNegated);
                    if (run == 0)
                        model.setFilter(f);
                    else
                        model.refresh(); // the same filter, read again
                }));
            }
            figure(QStringLiteral("  ") + text,
                   QStringLiteral("%1 ms median of 5 (%2 videos match, last run)")
                       .arg(median(times), 0, 'f', 1)
                       .arg(model.rowCount()));
        }
    }

    // Bulk tagging: 10,000 selected videos get a tag in one step, then the step is undone.
    {
        out << "\nBulk tagging\n";
        const QString bulkPath = QDir(work.path()).filePath(QStringLiteral("bulk.sqlite"));
        QFile::remove(bulkPath);
        if (!QFile::copy(path, bulkPath)) {
            std::fprintf(stderr, "cannot copy the cache\n");
            return 1;
        }
        CacheDatabase bulk;
        if (!bulk.open(bulkPath)) {
            std::fprintf(stderr, "%s\n", qPrintable(bulk.errorString()));
            return 1;
        }
        QSqlQuery q(bulk.database());
        q.exec(QStringLiteral("SELECT t.id FROM tags t JOIN tag_groups g ON g.id = t.group_id "
                              "WHERE g.kind = 'general' AND t.status = 'active' ORDER BY "
                              "t.usage_count LIMIT 1"));
        q.next();
        const qint64 tag = q.value(0).toLongLong();
        QList<CacheEditor::TagChange> changes;
        q.exec(QStringLiteral("SELECT id FROM videos ORDER BY published_at DESC LIMIT 10000"));
        while (q.next())
            changes.append({q.value(0).toLongLong(), {tag}, {}});
        q.finish();
        CacheEditor editor(bulk);
        QUndoStack undo;
        QElapsedTimer t;
        t.start();
        const CacheEditor::BulkResult done = editor.tagVideos(changes);
        if (!done.ok) {
            std::fprintf(stderr, "%s\n", qPrintable(done.error));
            return 1;
        }
        undo.push(new TagVideosCommand(&editor, done.changes, QStringLiteral("bulk"), {}));
        const double doMs = t.nsecsElapsed() / 1e6;
        t.restart();
        undo.undo();
        const double undoMs = t.nsecsElapsed() / 1e6;
        figure(QStringLiteral("add a tag to 10,000 videos (one step, one transaction)"),
               QStringLiteral("%1 ms (%2 changed)").arg(doMs, 0, 'f', 0).arg(done.changes.size()));
        figure(QStringLiteral("undo that step"), QStringLiteral("%1 ms").arg(undoMs, 0, 'f', 0));
    }

    // The statistics panel's numbers, all of them.
    {
        QElapsedTimer t;
        t.start();
        TagStatistics stats;
        QString error;
        if (!stats.compute(cache.database(), &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        out << "\nStatistics\n";
        figure(QStringLiteral("TagStatistics::compute (every figure of the panel)"),
               QStringLiteral("%1 ms").arg(t.elapsed()));
        figure(QStringLiteral("videos tagged"),
               percent(stats.videos ? double(stats.tagged) / stats.videos : 0));
        figure(QStringLiteral("uses carried by the top 20 % of the tags"),
               percent(stats.topShare(0.2)));
    }
    return 0;
}
