// Browsing a large cache: open to first rows, sort, jump to the last row, search, filter,
// and the process's peak memory. Prints figures; asserts nothing.
//   bench_browse [--cache FILE] [--videos N]   (the cache is generated when missing)
#include "cachedatabase.h"
#include "democachewriter.h"
#include "rowloader.h"
#include "videotablemodel.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

#include <cstdio>

namespace {

QTextStream out(stdout);

qint64 peakRssKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

/// Runs \a action and waits for \a model's ready signal; returns milliseconds.
template<typename Action>
double timeUntilReady(LazyTableModel &model, Action action)
{
    QElapsedTimer t;
    t.start();
    bool done = false;
    const auto c = QObject::connect(&model, &LazyTableModel::ready, [&] { done = true; });
    action();
    while (!done)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    QObject::disconnect(c);
    return t.nsecsElapsed() / 1e6;
}

void row(const QString &what, double ms, const QString &goal = {})
{
    out << QStringLiteral("%1 %2 ms %3\n")
               .arg(what.leftJustified(44), QString::number(ms, 'f', 1).rightJustified(9), goal);
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("cache"), QStringLiteral("Cache file."),
                      QStringLiteral("FILE"),
                      QDir::temp().filePath(QStringLiteral("coulisse-bench-1m.sqlite"))});
    parser.addOption({QStringLiteral("videos"), QStringLiteral("Videos when generating."),
                      QStringLiteral("N"), QStringLiteral("1000000")});
    parser.process(app);
    const QString path = parser.value(QStringLiteral("cache"));

    out << "Coulisse browse benchmark — " << QSysInfo::prettyProductName() << ", "
        << QThread::idealThreadCount() << " threads\n";
    if (!QFileInfo::exists(path)) {
        DemoDataOptions options;
        options.videos = parser.value(QStringLiteral("videos")).toLongLong();
        QElapsedTimer t;
        t.start();
        const auto result = DemoCacheWriter::write(path, options, false);
        if (!result.ok) {
            std::fprintf(stderr, "%s\n", qPrintable(result.error));
            return 1;
        }
        out << QStringLiteral("demo-data: %1 videos, %2 video tags, %3 users in %4 s (%5 rows/s)\n")
                   .arg(result.counts.videos)
                   .arg(result.counts.videoTags)
                   .arg(result.counts.users)
                   .arg(t.elapsed() / 1000.0, 0, 'f', 1)
                   .arg(qint64(
                       (result.counts.videos + result.counts.videoTags + result.counts.users) /
                       (t.elapsed() / 1000.0)));
        out << QStringLiteral("peak memory while generating: %1 MiB\n").arg(peakRssKiB() / 1024);
        out.flush();
        // Measure browsing in a fresh process: generation's memory is not the browser's.
        return QProcess::execute(QCoreApplication::applicationFilePath(), app.arguments().mid(1));
    }
    out << QStringLiteral("cache: %1 (%2 MiB)\n").arg(path).arg(QFileInfo(path).size() >> 20);

    QElapsedTimer open;
    open.start();
    CacheDatabase cache;
    if (!cache.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(cache.errorString()));
        return 1;
    }
    RowLoader loader(path);
    std::unique_ptr<VideoTableModel> model;
    bool ready = false;
    model = std::make_unique<VideoTableModel>(&loader);
    QObject::connect(model.get(), &LazyTableModel::ready, [&] { ready = true; });
    while (!ready)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    row(QStringLiteral("open to first rows (%1 videos)").arg(model->rowCount()),
        open.nsecsElapsed() / 1e6, QStringLiteral("(goal < 300)"));

    row(QStringLiteral("sort by plays, descending"), timeUntilReady(*model, [&] {
            model->sort(VideoTableModel::PlaysColumn, Qt::DescendingOrder);
        }));
    row(QStringLiteral("sort by title"), timeUntilReady(*model, [&] {
            model->sort(VideoTableModel::TitleColumn, Qt::AscendingOrder);
        }));
    row(QStringLiteral("sort by game name"), timeUntilReady(*model, [&] {
            model->sort(VideoTableModel::GameColumn, Qt::AscendingOrder);
        }));

    auto jump = [&](int target) {
        QElapsedTimer t;
        t.start();
        QSignalSpy loaded(model.get(), &LazyTableModel::rowsLoaded);
        model->idAt(target);
        while (model->idAt(target) < 0)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        return t.nsecsElapsed() / 1e6;
    };
    row(QStringLiteral("jump to the last row (sorted by game)"), jump(model->rowCount() - 1));
    row(QStringLiteral("jump to the middle row (sorted by game)"), jump(model->rowCount() / 2));
    timeUntilReady(*model,
                   [&] { model->sort(VideoTableModel::PublishedColumn, Qt::DescendingOrder); });
    row(QStringLiteral("jump to the last row (newest first)"), jump(model->rowCount() - 1));

    const QStringList searches = {QStringLiteral("亚索"), QStringLiteral("教程"),
                                  QStringLiteral("英雄联盟 集锦"), QStringLiteral("leag")};
    for (const QString &term : searches) {
        VideoTableModel::Filter f;
        f.search = term;
        const double ms = timeUntilReady(*model, [&] { model->setFilter(f); });
        row(QStringLiteral("search \"%1\" (%2 rows)").arg(term).arg(model->rowCount()), ms,
            QStringLiteral("(goal < 50)"));
    }
    {
        VideoTableModel::Filter f;
        f.untaggedOnly = true;
        const double ms = timeUntilReady(*model, [&] { model->setFilter(f); });
        row(QStringLiteral("filter untagged only (%1 rows)").arg(model->rowCount()), ms);
        f = {};
        f.gameId = 1;
        f.featuredOnly = true;
        const double ms2 = timeUntilReady(*model, [&] { model->setFilter(f); });
        row(QStringLiteral("filter game 1, featured (%1 rows)").arg(model->rowCount()), ms2);
    }
    out << QStringLiteral("peak memory (VmHWM): %1 MiB (goal < 250)\n").arg(peakRssKiB() / 1024);
    return 0;
}
