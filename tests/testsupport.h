#pragma once

#include <QByteArray>
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
/// A scalar from \a db; fails the calling test on an SQL error via the returned QVariant
/// being invalid.
QVariant scalar(const QSqlDatabase &db, const QString &sql, const QVariantList &params = {});
/// A stable digest of every row of every catalogue table (for determinism checks).
QByteArray catalogueDigest(const QSqlDatabase &db);

} // namespace TestSupport
