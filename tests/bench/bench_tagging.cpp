// Tag suggestions at scale: how well held-out tags of the demo data are recovered, and how fast
// suggestions follow the keyboard. Prints figures; asserts nothing.
//   bench_tagging [--videos N] [--cache FILE] [--sample N] [--calls N]
// Without --cache, a demo cache of N videos (default 1,000,000) is written to a temporary
// directory that is removed at the end.
#include "cachedatabase.h"
#include "democachewriter.h"
#include "tagrecommender.h"
#include "tagstatistics.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cstdio>

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
