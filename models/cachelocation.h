#pragma once

#include <QString>

/// Where a profile's cache lives: one SQLite file per profile under the application data
/// folder (QStandardPaths::AppDataLocation)/profiles/NAME.sqlite.
namespace CacheLocation {
QString defaultPath(const QString &profile = QStringLiteral("default"));
/// A profile name must be a plain file name: letters, digits, '-', '_' and '.'.
bool isValidProfileName(const QString &profile);
} // namespace CacheLocation
