#pragma once

#include <QString>

/// The user interface language: Coulisse's own translations (embedded from translations/)
/// and Qt's, installed on the running application.
namespace Translations {

/// Installs \a language ("zh_CN", "en"; empty picks from the system locale), replacing the
/// language installed before. Returns the language in effect.
QString install(const QString &language);
QString current();
/// The languages the build ships: {"en", "zh_CN"}.
QStringList available();
/// The language's name in itself ("English", "简体中文").
QString nativeName(const QString &language);

} // namespace Translations
