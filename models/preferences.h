#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QVariant>

/// A typed settings key with its default: the one place a raw settings string appears.
template<typename T>
struct SettingKey
{
    QString key;
    T fallback;

    T value() const
    {
        QSettings settings;
        const QVariant v = settings.value(key);
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : fallback;
    }
    void setValue(const T &value) const
    {
        QSettings settings;
        settings.setValue(key, QVariant::fromValue(value));
    }
    void remove() const
    {
        QSettings settings;
        settings.remove(key);
    }
};

/// Every setting Coulisse keeps, with its default.
namespace Preferences {

inline SettingKey<QByteArray> windowGeometry()
{
    return {QStringLiteral("window/geometry"), {}};
}
inline SettingKey<QByteArray> windowState()
{
    return {QStringLiteral("window/state"), {}};
}
inline SettingKey<QString> currentPage()
{
    return {QStringLiteral("window/page"), QStringLiteral("videos")};
}
/// "zh_CN", "en", or empty for the system language.
inline SettingKey<QString> language()
{
    return {QStringLiteral("ui/language"), {}};
}
/// IANA name of the project's time zone.
inline SettingKey<QString> timeZone()
{
    return {QStringLiteral("ui/timeZone"), QStringLiteral("Asia/Shanghai")};
}
inline SettingKey<QString> profile()
{
    return {QStringLiteral("cache/profile"), QStringLiteral("default")};
}
inline SettingKey<QByteArray> headerState(const QString &page)
{
    return {QStringLiteral("pages/%1/header").arg(page), {}};
}
inline SettingKey<QByteArray> splitterState(const QString &page)
{
    return {QStringLiteral("pages/%1/splitter").arg(page), {}};
}

} // namespace Preferences
