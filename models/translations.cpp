#include "translations.h"

#include "catalogue.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QStringList>
#include <QTranslator>

namespace Translations {

namespace {
QString s_current;
QTranslator *s_own = nullptr;
QTranslator *s_qt = nullptr;

QString resolve(const QString &language)
{
    if (language == QLatin1String("zh_CN") || language == QLatin1String("zh"))
        return QStringLiteral("zh_CN");
    if (language == QLatin1String("en") || language == QLatin1String("en_US"))
        return QStringLiteral("en");
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN")
                                                            : QStringLiteral("en");
}
} // namespace

QString install(const QString &language)
{
    const QString chosen = resolve(language);
    for (QTranslator **t : {&s_own, &s_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
    if (chosen == QLatin1String("zh_CN")) {
        s_own = new QTranslator;
        if (s_own->load(QStringLiteral(":/i18n/coulisse_zh_CN.qm")))
            QCoreApplication::installTranslator(s_own);
        s_qt = new QTranslator;
        if (s_qt->load(QStringLiteral("qtbase_zh_CN"),
                       QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(s_qt);
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
    } else {
        // English texts are the sources; the catalogue holds their plural forms.
        s_own = new QTranslator;
        if (s_own->load(QStringLiteral(":/i18n/coulisse_en.qm")))
            QCoreApplication::installTranslator(s_own);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    Catalogue::Labels::setEnglishNames(chosen == QLatin1String("en"));
    s_current = chosen;
    return chosen;
}

QString current()
{
    return s_current;
}

QStringList available()
{
    return {QStringLiteral("en"), QStringLiteral("zh_CN")};
}

QString nativeName(const QString &language)
{
    if (language == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    return QStringLiteral("English");
}

} // namespace Translations
