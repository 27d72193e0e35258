#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

/// Helpers shared by the tests: demo caches, file fingerprints, the built executables.
namespace TestSupport {

/// Writes a demo cache of \a videos videos (seed \a seed) at \a path; QFAIL-style message on
/// failure is returned (empty when done).
QString writeDemoCache(const QString &path, qint64 videos, quint64 seed = 1);
/// SHA-256 of a file's bytes (empty if unreadable).
QByteArray fileHash(const QString &path);
/// A built executable (coulisse, coulisse-cli) from COULISSE_BIN_DIR.
QString binary(const QString &name);
/// What a run of coulisse-cli gave: exit code (-1 timed out, -2 crashed), stdout, stderr.
struct CliRun
{
    int code = -1;
    QString out;
    QString err;
};
/// Runs coulisse-cli with \a args in \a environment (default: this process's), feeding
/// \a input on stdin when it is not null.
CliRun runCli(const QStringList &args, const QProcessEnvironment &environment = {},
              const QByteArray &input = {});

/// A scalar from \a db; fails the calling test on an SQL error via the returned QVariant
/// being invalid.
QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &params = {});
/// A stable digest of every row of every catalogue table (for determinism checks).
QByteArray catalogueDigest(const QSqlDatabase &db);

} // namespace TestSupport
