// coulisse-cli commands on a local cache: demo data, integrity check, information.
#include "cachedatabase.h"
#include "cacheeditor.h"
#include "cachelocation.h"
#include "centralconnection.h"
#include "centralschema.h"
#include "clicommands.h"
#include "democachewriter.h"
#include "democentralwriter.h"
#include "demoeventgenerator.h"
#include "tagexpression.h"
#include "tagrecommender.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

#include <climits>

namespace Cli {

QCommandLineOption cacheOption()
{
    return {QStringLiteral("cache"),
            Text::tr("The cache file (default: the default profile's cache)."),
            QStringLiteral("FILE")};
}

QString cachePath(const QCommandLineParser &parser)
{
    const QString path = parser.value(QStringLiteral("cache"));
    return path.isEmpty() ? CacheLocation::defaultPath() : path;
}

namespace {

int demoCentral(const QString &url, const DemoDataOptions &options, int eventDays,
                const DemoDataGenerator::Progress &progress, bool quiet)
{
    bool created = false;
    QString error;
    if (!CentralSchema::createDatabaseIfMissing(url, &created, &error)) {
        err() << Text::tr("demo-data failed: %1").arg(error) << '\n';
        return 1;
    }
    const QString name = QStringLiteral("coulisse-cli-demo");
    int code = 1;
    {
        QSqlDatabase db = CentralConnection::open(url, name, &error);
        if (!db.isOpen()) {
            err() << Text::tr("demo-data failed: %1").arg(error) << '\n';
        } else if (const CentralSchema::Result schema = CentralSchema::migrate(db); !schema.ok) {
            err() << Text::tr("demo-data failed: %1").arg(schema.error) << '\n';
        } else {
            const DemoCentralWriter::Result result =
                DemoCentralWriter::write(db, options, progress);
            if (!quiet)
                err() << '\n';
            if (!result.ok) {
                err() << Text::tr("demo-data failed: %1").arg(result.error) << '\n';
            } else {
                const QLocale l;
                out() << Text::tr("Loaded %1 videos, %2 video tags, %3 games, %4 tag groups, %5 "
                                  "tags and %6 users into the central store in %7 s.")
                             .arg(l.toString(result.counts.videos),
                                  l.toString(result.counts.videoTags),
                                  l.toString(result.counts.games),
                                  l.toString(result.counts.tagGroups),
                                  l.toString(result.counts.tags), l.toString(result.counts.users),
                                  l.toString(result.elapsedMs / 1000.0, 'f', 1))
                      << '\n'
                      << Text::tr("Demo staff (name / password / role):") << '\n';
                for (const DemoCentralWriter::Account &a : DemoCentralWriter::accounts())
                    out() << "  " << a.name.leftJustified(16) << ' ' << a.password.leftJustified(20)
                          << ' ' << a.role << '\n';
                code = 0;
                if (eventDays > 0) {
                    QElapsedTimer timer;
                    timer.start();
                    DemoEventGenerator::Options eventOptions;
                    eventOptions.days = eventDays;
                    eventOptions.seed = options.seed;
                    eventOptions.until = options.until;
                    DemoEventGenerator events(eventOptions);
                    if (!quiet)
                        events.setProgress(
                            [&](int day, int days) { progress(Text::tr("Events"), day, days); });
                    if (!events.seedCentral(db)) {
                        if (!quiet)
                            err() << '\n';
                        err() << Text::tr("demo-data failed: %1").arg(events.errorString()) << '\n';
                        code = 1;
                    } else {
                        if (!quiet)
                            err() << '\n';
                        out() << Text::tr("Loaded %1 events over %n day(s), %2 campaigns, and "
                                          "refreshed the metrics in %3 s.",
                                          "", eventDays)
                                     .arg(l.toString(events.events()))
                                     .arg(events.campaigns().size())
                                     .arg(l.toString(timer.elapsed() / 1000.0, 'f', 1))
                              << '\n';
                    }
                }
            }
        }
    }
    CentralConnection::close(name);
    return code;
}

int demoData(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    parser.addOption({QStringLiteral("videos"), Text::tr("Number of videos (default 100000)."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("seed"),
                      Text::tr("Random seed (default 1): same seed, same data."),
                      QStringLiteral("S"), QStringLiteral("1")});
    parser.addOption({QStringLiteral("creators"),
                      Text::tr("Number of creators (default: from the videos)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("viewers"),
                      Text::tr("Number of viewers (default: from the videos)."),
                      QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("replace"), Text::tr("Replace a cache that already holds a catalogue.")});
    parser.addOption({QStringLiteral("quiet"), Text::tr("Print no progress.")});
    parser.addOption({QStringLiteral("central"),
                      Text::tr("Seed this central store (libpq URI or key=value, a superuser's "
                               "connection) instead of a cache: the database is created and "
                               "set up when needed, and the demo staff are added."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("events-days"),
                      Text::tr("With --central: also generate D days of events before the "
                               "catalogue's end (sessions, plays, uploads, VIP, gifts, "
                               "campaigns), import them and refresh the metrics."),
                      QStringLiteral("D")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Writes a deterministic demo catalogue into a cache file or a "
                        "central store."),
               arguments, &code))
        return code;

    DemoDataOptions options;
    bool ok = false;
    options.videos = parser.value(QStringLiteral("videos")).toLongLong(&ok);
    if (!ok || options.videos < 0 || options.videos > 100'000'000) {
        err() << Text::tr("--videos takes a number from 0 to 100000000.") << '\n';
        return 2;
    }
    options.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
    if (!ok) {
        err() << Text::tr("--seed takes a non-negative whole number.") << '\n';
        return 2;
    }
    for (const auto &[name, target] : {std::pair{QStringLiteral("creators"), &options.creators},
                                       std::pair{QStringLiteral("viewers"), &options.viewers}}) {
        if (parser.isSet(name)) {
            *target = parser.value(name).toLongLong(&ok);
            if (!ok || *target < 0) {
                err() << Text::tr("--%1 takes a non-negative whole number.").arg(name) << '\n';
                return 2;
            }
        }
    }
    if (options.videos > 0 && options.creators == 0) {
        err() << Text::tr("Videos need at least one creator.") << '\n';
        return 2;
    }
    const QString path = cachePath(parser);
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    QString lastStage;
    const auto progress = [&](const QString &stage, qint64 done, qint64 total) {
        if (quiet)
            return;
        if (stage != lastStage && !lastStage.isEmpty())
            err() << '\n';
        lastStage = stage;
        err() << '\r' << stage;
        if (total > 1)
            err() << ": " << QLocale().toString(done) << " / " << QLocale().toString(total);
        else
            err() << QStringLiteral("…");
        err().flush();
    };
    int eventDays = 0;
    if (parser.isSet(QStringLiteral("events-days"))) {
        eventDays = parser.value(QStringLiteral("events-days")).toInt(&ok);
        if (!ok || eventDays < 0 || eventDays > 3650) {
            err() << Text::tr("--events-days takes a number of days from 0 to 3650.") << '\n';
            return 2;
        }
        if (!parser.isSet(QStringLiteral("central"))) {
            err() << Text::tr("--events-days goes with --central: events live in the central "
                              "store.")
                  << '\n';
            return 2;
        }
    }
    if (parser.isSet(QStringLiteral("central")))
        return demoCentral(parser.value(QStringLiteral("central")), options, eventDays, progress,
                           quiet);
    const DemoCacheWriter::Result result =
        DemoCacheWriter::write(path, options, parser.isSet(QStringLiteral("replace")), progress);
    if (!quiet)
        err() << '\n';
    if (!result.ok) {
        err() << Text::tr("demo-data failed: %1").arg(result.error) << '\n';
        return 1;
    }
    const QLocale l;
    out() << Text::tr("Wrote %1 videos, %2 video tags, %3 games, %4 tag groups, %5 tags and %6 "
                      "users to %7 in %8 s.")
                 .arg(l.toString(result.counts.videos), l.toString(result.counts.videoTags),
                      l.toString(result.counts.games), l.toString(result.counts.tagGroups),
                      l.toString(result.counts.tags), l.toString(result.counts.users),
                      QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()),
                      l.toString(result.elapsedMs / 1000.0, 'f', 1))
          << '\n';
    return 0;
}

int cacheCheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    int code = 0;
    if (!parse(parser, Text::tr("Checks a cache file: SQLite integrity and derived data."),
               arguments, &code))
        return code;
    const QString path = cachePath(parser);
    CacheDatabase cache;
    if (!cache.open(path, CacheDatabase::Access::ReadOnly)) {
        err() << cache.errorString() << '\n';
        return 1;
    }
    const QStringList problems = cache.integrityProblems();
    if (problems.isEmpty()) {
        out() << Text::tr("%1: ok").arg(QDir::toNativeSeparators(path)) << '\n';
        return 0;
    }
    for (const QString &p : problems)
        err() << p << '\n';
    return 1;
}

int cacheInfo(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    int code = 0;
    if (!parse(parser, Text::tr("Prints what a cache file holds."), arguments, &code))
        return code;
    const QString path = cachePath(parser);
    CacheDatabase cache;
    if (!cache.open(path, CacheDatabase::Access::ReadOnly)) {
        err() << cache.errorString() << '\n';
        return 1;
    }
    const QLocale l;
    out() << Text::tr("Cache:") << ' '
          << QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()) << '\n'
          << Text::tr("Schema version:") << ' ' << cache.schemaVersion() << '\n'
          << Text::tr("Size:") << ' ' << l.formattedDataSize(QFileInfo(path).size()) << '\n';
    QSqlQuery q(cache.database());
    for (const char *table :
         {"games", "tag_groups", "tags", "game_tags", "users", "videos", "video_tags", "outbox"}) {
        if (q.exec(QStringLiteral("SELECT count(*) FROM %1").arg(QString::fromLatin1(table))) &&
            q.next())
            out() << QString::fromLatin1(table).leftJustified(12) << ' '
                  << l.toString(q.value(0).toLongLong()) << '\n';
    }
    return 0;
}

int tagVideo(const QStringList &arguments, bool add)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    parser.addOption({QStringLiteral("video"),
                      Text::tr("A video's id; repeat or separate with commas for several (one "
                               "step, all or nothing)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("tag"),
                      Text::tr("A tag's id or name (Chinese or English); repeat or separate with "
                               "commas for several."),
                      QStringLiteral("TAG")});
    int code = 0;
    if (!parse(parser,
               add ? Text::tr("Adds tags to videos in the cache, offline; the change waits in "
                              "the outbox for the next sync.")
                   : Text::tr("Removes tags from videos in the cache, offline; the change waits "
                              "in the outbox for the next sync."),
               arguments, &code))
        return code;
    QList<qint64> videos;
    for (const QString &value : parser.values(QStringLiteral("video"))) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool ok = false;
            const qint64 id = part.trimmed().toLongLong(&ok);
            if (!ok || id <= 0) {
                err() << Text::tr("--video takes video ids.") << '\n';
                return 2;
            }
            if (!videos.contains(id))
                videos.append(id);
        }
    }
    if (videos.isEmpty()) {
        err() << Text::tr("--video takes video ids.") << '\n';
        return 2;
    }
    QStringList names;
    for (const QString &value : parser.values(QStringLiteral("tag")))
        names += value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (names.isEmpty()) {
        err() << Text::tr("--tag is required.") << '\n';
        return 2;
    }
    CacheDatabase cache;
    if (!cache.open(cachePath(parser))) {
        err() << cache.errorString() << '\n';
        return 1;
    }
    CacheEditor editor(cache);
    // Names are resolved per video: a name may stand for a tag of each game's library.
    QList<CacheEditor::TagChange> changes;
    for (qint64 videoId : std::as_const(videos)) {
        QList<qint64> tags;
        for (const QString &name : std::as_const(names)) {
            QString error;
            const qint64 id = editor.resolveTag(videoId, name, &error);
            if (id == 0) {
                err() << error << '\n';
                return 1;
            }
            tags.append(id);
        }
        changes.append(add ? CacheEditor::TagChange{videoId, tags, {}}
                           : CacheEditor::TagChange{videoId, {}, tags});
    }
    const CacheEditor::BulkResult result = editor.tagVideos(changes);
    if (!result.ok) {
        err() << result.error << '\n';
        return 1;
    }
    if (result.changes.isEmpty()) {
        out() << Text::tr("Nothing to change: the videos already have these tags as asked.")
              << '\n';
        return 0;
    }
    QSqlQuery pending(cache.database());
    pending.exec(QStringLiteral("SELECT count(*) FROM outbox WHERE state IN ('pending', 'sent')"));
    pending.next();
    for (const CacheEditor::Result &r : result.changes) {
        out() << (add ? Text::tr("Video %1: added %n tag(s).", nullptr, int(r.added.size()))
                      : Text::tr("Video %1: removed %n tag(s).", nullptr, int(r.removed.size())))
                     .arg(r.videoId)
              << ' ' << Text::tr("Operation %1.").arg(r.opId) << '\n';
    }
    out() << Text::tr("%n operation(s) wait for the next sync (%1 waiting in all).", nullptr,
                      int(result.changes.size()))
                 .arg(pending.value(0).toLongLong())
          << '\n';
    return 0;
}

int tagSuggest(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    parser.addOption({QStringLiteral("video"), Text::tr("The video's id."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("limit"), Text::tr("How many suggestions (default 9)."),
                      QStringLiteral("N"), QStringLiteral("9")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Suggests tags for a video from the cache: words of its title, tags that "
                        "go with its tags in its game, the game's common tags."),
               arguments, &code))
        return code;
    bool ok = false;
    const qint64 videoId = parser.value(QStringLiteral("video")).toLongLong(&ok);
    const int limit = parser.value(QStringLiteral("limit")).toInt();
    if (!ok || videoId <= 0 || limit <= 0) {
        err() << Text::tr("--video takes a video id and --limit a positive number.") << '\n';
        return 2;
    }
    CacheDatabase cache;
    if (!cache.open(cachePath(parser), CacheDatabase::Access::ReadOnly)) {
        err() << cache.errorString() << '\n';
        return 1;
    }
    TagRecommender recommender(cache.database());
    const QList<TagRecommender::Suggestion> list = recommender.recommend(videoId, limit);
    if (!recommender.errorString().isEmpty() && list.isEmpty()) {
        err() << recommender.errorString() << '\n';
        return 1;
    }
    int n = 0;
    for (const TagRecommender::Suggestion &s : list)
        out() << ++n << ". " << pad(s.name, 16) << ' ' << s.tagId << "  " << recommender.explain(s)
              << '\n';
    if (list.isEmpty())
        out() << Text::tr("No suggestions for video %1.").arg(videoId) << '\n';
    return 0;
}

int videoFind(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    parser.addOption({QStringLiteral("tags"),
                      Text::tr("A tag expression, e.g. \"英雄联盟 AND 教程 AND NOT 搞笑\"."),
                      QStringLiteral("EXPR")});
    parser.addOption({QStringLiteral("limit"), Text::tr("How many videos to list (default 20)."),
                      QStringLiteral("N"), QStringLiteral("20")});
    int code = 0;
    if (!parse(parser, Text::tr("Finds the videos of the cache that match a tag expression."),
               arguments, &code))
        return code;
    const int limit = parser.value(QStringLiteral("limit")).toInt();
    if (!parser.isSet(QStringLiteral("tags")) || limit < 0) {
        err() << Text::tr("--tags is required and --limit takes a number.") << '\n';
        return 2;
    }
    CacheDatabase cache;
    if (!cache.open(cachePath(parser), CacheDatabase::Access::ReadOnly)) {
        err() << cache.errorString() << '\n';
        return 1;
    }
    TagExpression expression;
    TagExpression::Error error;
    if (!expression.parse(parser.value(QStringLiteral("tags")), &error) ||
        !expression.resolve(cache.database(), &error)) {
        err() << error.message << '\n';
        return 1;
    }
    if (expression.isEmpty()) {
        err() << Text::tr("--tags is required and --limit takes a number.") << '\n';
        return 2;
    }
    const QString condition = expression.sqlCondition(QStringLiteral("v.id"));
    QSqlQuery q(cache.database());
    if (!q.exec(expression.sqlCount()) || !q.next()) {
        err() << q.lastError().text() << '\n';
        return 1;
    }
    const qint64 total = q.value(0).toLongLong();
    out() << Text::tr("%n video(s) match %1.", nullptr, int(qMin<qint64>(total, INT_MAX)))
                 .arg(expression.toString())
          << '\n';
    q.exec(QStringLiteral("SELECT v.id, v.title FROM videos v WHERE %1 ORDER BY v.published_at "
                          "DESC, v.id DESC LIMIT %2")
               .arg(condition)
               .arg(limit));
    while (q.next())
        out() << q.value(0).toLongLong() << '\t' << q.value(1).toString() << '\n';
    return 0;
}

int tagAdd(const QStringList &arguments)
{
    return tagVideo(arguments, true);
}

int tagRemove(const QStringList &arguments)
{
    return tagVideo(arguments, false);
}

} // namespace

QList<Command> cacheCommands()
{
    return {
        {{QStringLiteral("demo-data")},
         QT_TRANSLATE_NOOP("Cli", "Write a deterministic demo catalogue into a cache"),
         &demoData},
        {{QStringLiteral("cache"), QStringLiteral("check")},
         QT_TRANSLATE_NOOP("Cli", "Check a cache's integrity and derived data"),
         &cacheCheck},
        {{QStringLiteral("cache"), QStringLiteral("info")},
         QT_TRANSLATE_NOOP("Cli", "Print what a cache holds"),
         &cacheInfo},
        {{QStringLiteral("tag"), QStringLiteral("add")},
         QT_TRANSLATE_NOOP("Cli", "Add tags to a video in a cache (offline, queued for sync)"),
         &tagAdd},
        {{QStringLiteral("tag"), QStringLiteral("remove")},
         QT_TRANSLATE_NOOP("Cli", "Remove tags from a video in a cache (offline, queued)"),
         &tagRemove},
        {{QStringLiteral("tag"), QStringLiteral("suggest")},
         QT_TRANSLATE_NOOP("Cli", "Suggest tags for a video (from the cache)"),
         &tagSuggest},
        {{QStringLiteral("video"), QStringLiteral("find")},
         QT_TRANSLATE_NOOP("Cli", "Find videos by a tag expression"),
         &videoFind},
    };
}

} // namespace Cli
