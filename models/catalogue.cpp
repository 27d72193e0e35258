#include "catalogue.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

namespace Catalogue {

QString Labels::source(const QString &code)
{
    if (code == QLatin1String("pc_recorder"))
        return tr("PC recorder");
    if (code == QLatin1String("mobile_recorder"))
        return tr("Mobile recorder");
    if (code == QLatin1String("web_upload"))
        return tr("Web upload");
    return code;
}

QString Labels::userKind(const QString &code)
{
    if (code == QLatin1String("creator"))
        return tr("Creator");
    if (code == QLatin1String("viewer"))
        return tr("Viewer");
    return code;
}

QString Labels::platform(const QString &code)
{
    if (code == QLatin1String("web"))
        return tr("Web");
    if (code == QLatin1String("app"))
        return tr("App");
    if (code == QLatin1String("pc"))
        return tr("PC client");
    return code;
}

QString Labels::channel(const QString &code)
{
    if (code == QLatin1String("official"))
        return tr("Official site");
    if (code == QLatin1String("appstore"))
        return tr("App Store");
    if (code == QLatin1String("huawei"))
        return tr("Huawei AppGallery");
    if (code == QLatin1String("xiaomi"))
        return tr("Xiaomi GetApps");
    if (code == QLatin1String("oppo"))
        return tr("OPPO App Market");
    if (code == QLatin1String("vivo"))
        return tr("vivo App Store");
    if (code == QLatin1String("tencent"))
        return tr("Tencent MyApp");
    if (code == QLatin1String("baidu"))
        return tr("Baidu search");
    if (code == QLatin1String("bilibili"))
        return tr("Bilibili ads");
    if (code == QLatin1String("douyin"))
        return tr("Douyin ads");
    if (code == QLatin1String("referral"))
        return tr("Friend referral");
    if (code == QLatin1String("recorder"))
        return tr("Recorder install");
    return code;
}

QString Labels::status(const QString &code)
{
    if (code == QLatin1String("active"))
        return tr("Active");
    if (code == QLatin1String("retired"))
        return tr("Retired");
    return code;
}

QString Labels::dimension(const QString &code)
{
    if (code == QLatin1String("genre"))
        return tr("Genre");
    if (code == QLatin1String("terminal"))
        return tr("Terminal");
    if (code == QLatin1String("combat_mode"))
        return tr("Combat mode");
    if (code == QLatin1String("art_style"))
        return tr("Art style");
    if (code == QLatin1String("theme"))
        return tr("Theme");
    if (code == QLatin1String("pricing"))
        return tr("Pricing");
    if (code == QLatin1String("developer"))
        return tr("Developer");
    return code;
}

QString Labels::category(const QString &code)
{
    if (code == QLatin1String("default"))
        return tr("Default tags");
    if (code == QLatin1String("character"))
        return tr("Characters");
    if (code == QLatin1String("item"))
        return tr("Items");
    if (code == QLatin1String("mode"))
        return tr("Game modes");
    return code;
}

QString Labels::groupKind(const QString &kind)
{
    if (kind == QLatin1String("dimension"))
        return tr("Game tags");
    if (kind == QLatin1String("general"))
        return tr("General library");
    if (kind == QLatin1String("library"))
        return tr("Game library");
    if (kind == QLatin1String("category"))
        return tr("Category");
    return kind;
}

QString Labels::duration(int seconds)
{
    const int h = seconds / 3600;
    const int m = (seconds / 60) % 60;
    const int s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

namespace {
bool s_englishNames = false;
QTimeZone &projectZone()
{
    static QTimeZone zone(QByteArrayLiteral("Asia/Shanghai"));
    return zone;
}
} // namespace

QString Labels::dateTime(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, projectZone())
        .toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString Labels::isoDateTime(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, projectZone()).toString(Qt::ISODate);
}

QString Labels::date(qint64 secondsSinceEpoch)
{
    return QDateTime::fromSecsSinceEpoch(secondsSinceEpoch, projectZone())
        .toString(QStringLiteral("yyyy-MM-dd"));
}

void Labels::setEnglishNames(bool english)
{
    s_englishNames = english;
}

bool Labels::englishNames()
{
    return s_englishNames;
}

QString Labels::name(const QString &chinese, const QString &english)
{
    return s_englishNames && !english.isEmpty() ? english : chinese;
}

QTimeZone Labels::projectTimeZone()
{
    return projectZone();
}

void Labels::setProjectTimeZone(const QTimeZone &zone)
{
    if (zone.isValid())
        projectZone() = zone;
}

QStringList Labels::sourceCodes()
{
    return {QStringLiteral("pc_recorder"), QStringLiteral("mobile_recorder"),
            QStringLiteral("web_upload")};
}

QStringList Labels::platformCodes()
{
    return {QStringLiteral("web"), QStringLiteral("app"), QStringLiteral("pc")};
}

QStringList Labels::userKindCodes()
{
    return {QStringLiteral("creator"), QStringLiteral("viewer")};
}

QStringList Labels::channelCodes()
{
    return {QStringLiteral("official"), QStringLiteral("appstore"), QStringLiteral("huawei"),
            QStringLiteral("xiaomi"),   QStringLiteral("oppo"),     QStringLiteral("vivo"),
            QStringLiteral("tencent"),  QStringLiteral("baidu"),    QStringLiteral("bilibili"),
            QStringLiteral("douyin"),   QStringLiteral("referral"), QStringLiteral("recorder")};
}

QStringList Labels::dimensionCodes()
{
    return {QStringLiteral("genre"),     QStringLiteral("terminal"), QStringLiteral("combat_mode"),
            QStringLiteral("art_style"), QStringLiteral("theme"),    QStringLiteral("pricing"),
            QStringLiteral("developer")};
}

QStringList Labels::categoryCodes()
{
    return {QStringLiteral("default"), QStringLiteral("character"), QStringLiteral("item"),
            QStringLiteral("mode")};
}

QString Labels::tagGroup(const QString &kind, const QString &code, const QString &gameName,
                         const QString &gameNameEn)
{
    if (kind == QLatin1String("category"))
        return name(gameName, gameNameEn) + QStringLiteral(" · ") + category(code);
    if (kind == QLatin1String("dimension"))
        return dimension(code);
    return groupKind(kind);
}

QStringList Labels::splitNames(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[,，、;；]"));
    QStringList list;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        const QString item = part.trimmed();
        if (!item.isEmpty() && !list.contains(item))
            list.append(item);
    }
    return list;
}

} // namespace Catalogue
