#include "democachewriter.h"

#include "cachebulkwriter.h"
#include "cachedatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QUuid>

#include <cstdio>

namespace {

void removeDatabaseFiles(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path + QString::fromLatin1(suffix));
}

} // namespace

DemoCacheWriter::Result DemoCacheWriter::write(const QString &path, const DemoDataOptions &options,
                                               bool replace,
                                               const DemoDataGenerator::Progress &progress)
{
    Result result;
    QElapsedTimer timer;
    timer.start();
    const QString shown = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());

    const CacheDatabase::Inspection inspection = CacheDatabase::inspect(path);
    if (inspection.problem != CacheDatabase::Problem::None) {
        result.error = inspection.message;
        return result;
    }
    if (inspection.exists && QFileInfo(path).size() > 0) {
        CacheDatabase existing;
        if (!existing.open(path, CacheDatabase::Access::ReadOnly) &&
            existing.problem() != CacheDatabase::Problem::Failed) {
            result.error = existing.errorString();
            return result;
        }
        qint64 rows = 0;
        if (existing.isOpen()) {
            QSqlQuery q(existing.database());
            if (q.exec(QStringLiteral("SELECT (SELECT count(*) FROM games) + "
                                      "(SELECT count(*) FROM outbox WHERE state <> 'applied')")) &&
                q.next())
                rows = q.value(0).toLongLong();
        }
        existing.close();
        if (rows > 0 && !replace) {
            result.error = tr("%1 already holds a catalogue. Use --replace to write a new demo "
                              "data set over it.")
                               .arg(shown);
            return result;
        }
    }

    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        result.error =
            tr("Cannot create the folder %1.").arg(QDir::toNativeSeparators(info.absolutePath()));
        return result;
    }
    const QString temporary = info.absoluteDir().filePath(
        QStringLiteral(".%1.%2.tmp")
            .arg(info.fileName(), QUuid::createUuid().toString(QUuid::Id128).left(8)));
    {
        CacheDatabase cache;
        if (!cache.open(temporary)) {
            result.error = cache.errorString();
            removeDatabaseFiles(temporary);
            return result;
        }
        cache.execScript(QStringLiteral("PRAGMA cache_size = -262144"));
        CacheBulkWriter writer(cache);
        DemoDataGenerator generator(options);
        generator.setProgress(progress);
        if (!writer.begin()) {
            result.error = writer.errorString();
        } else if (!generator.generate(writer)) {
            result.error = generator.errorString();
            writer.abort();
        } else {
            if (progress)
                progress(tr("Indexing"), 0, 1);
            if (!writer.finish())
                result.error = writer.errorString();
            else
                cache.setMetaValue(QStringLiteral("demo_seed"), QString::number(options.seed));
        }
        result.counts = generator.counts();
        cache.close();
    }
    if (!result.error.isEmpty()) {
        removeDatabaseFiles(temporary);
        return result;
    }
    // The old file was closed cleanly (no WAL to keep); its -wal/-shm must not outlive it, or
    // SQLite would replay them into the new file. rename() replaces the target atomically.
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    if (std::rename(QFile::encodeName(temporary).constData(),
                    QFile::encodeName(path).constData()) != 0) {
        result.error = tr("Cannot move the new cache into place at %1.").arg(shown);
        removeDatabaseFiles(temporary);
        return result;
    }
    result.ok = true;
    result.elapsedMs = timer.elapsed();
    return result;
}
