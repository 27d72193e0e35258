#include "testsupport.h"

#include "democachewriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>

namespace TestSupport {

QString writeDemoCache(const QString &path, qint64 videos, quint64 seed)
{
    DemoDataOptions options;
    options.videos = videos;
    options.seed = seed;
    const auto result = DemoCacheWriter::write(path, options, true);
    return result.ok ? QString() : result.error;
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result().toHex();
}

QString binary(const QString &name)
{
    const QString dir = qEnvironmentVariable("COULISSE_BIN_DIR");
    return QDir(dir).filePath(name);
}

CliRun runCli(const QStringList &args, const QProcessEnvironment &environment,
              const QByteArray &input)
{
    QProcess p;
    if (!environment.isEmpty())
        p.setProcessEnvironment(environment);
    p.start(binary(QStringLiteral("coulisse-cli")), args);
    if (!input.isNull()) {
        p.write(input);
        p.closeWriteChannel();
    }
    CliRun r;
    if (!p.waitForFinished(300000))
        return r;
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &params)
{
    QSqlQuery q(db);
    if (!q.prepare(sql)) {
        qWarning("prepare failed: %s", qPrintable(q.lastError().text()));
        return {};
    }
    for (const QVariant &p : params)
        q.addBindValue(p);
    if (!q.exec() || !q.next()) {
        qWarning("query failed: %s", qPrintable(q.lastError().text()));
        return {};
    }
    return q.value(0);
}

QByteArray catalogueDigest(const QSqlDatabase &db)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const char *const tables[][2] = {
        {"games", "id"},
        {"tag_groups", "id"},
        {"tags", "id"},
        {"game_tags", "game_id, tag_id"},
        {"users", "id"},
        {"videos", "id"},
        {"video_tags", "video_id, tag_id"},
    };
    for (const auto &t : tables) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY %2")
                        .arg(QString::fromLatin1(t[0]), QString::fromLatin1(t[1])))) {
            hash.addData(q.lastError().text().toUtf8());
            continue;
        }
        const int columns = q.record().count();
        while (q.next()) {
            for (int c = 0; c < columns; ++c) {
                hash.addData(q.value(c).toString().toUtf8());
                hash.addData(QByteArrayView("\x1f", 1));
            }
            hash.addData(QByteArrayView("\n", 1));
        }
    }
    return hash.result().toHex();
}

} // namespace TestSupport
