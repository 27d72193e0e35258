#include "cachelocation.h"

#include <QDir>
#include <QRegularExpression>
#include <QStandardPaths>

namespace CacheLocation {

QString defaultPath(const QString &profile)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(QStringLiteral("profiles/%1.sqlite").arg(profile));
}

bool isValidProfileName(const QString &profile)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$"));
    return valid.match(profile).hasMatch();
}

} // namespace CacheLocation
