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
/// The Metrics page: the dashboard shown and its filters (JSON).
inline SettingKey<QString> metricsDashboard()
{
    return {QStringLiteral("metrics/dashboard"), QStringLiteral("users")};
}
inline SettingKey<QString> metricsPreset()
{
    return {QStringLiteral("metrics/preset"), QStringLiteral("30d")};
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

// Sign-in to the central store. Never the password: that goes to the OS keychain only.
/// How the server was given: true for a libpq URL, false for host / port / database fields.
inline SettingKey<bool> signInUsesUrl()
{
    return {QStringLiteral("sync/useUrl"), false};
}
inline SettingKey<QString> signInUrl()
{
    return {QStringLiteral("sync/url"), {}};
}
inline SettingKey<QString> signInHost()
{
    return {QStringLiteral("sync/host"), {}};
}
inline SettingKey<int> signInPort()
{
    return {QStringLiteral("sync/port"), 5432};
}
inline SettingKey<QString> signInDatabase()
{
    return {QStringLiteral("sync/database"), QStringLiteral("coulisse")};
}
inline SettingKey<QString> signInUser()
{
    return {QStringLiteral("sync/user"), {}};
}
/// libpq sslmode: disable, prefer, require, verify-ca or verify-full.
inline SettingKey<QString> signInTlsMode()
{
    return {QStringLiteral("sync/sslmode"), QStringLiteral("prefer")};
}
/// The connection string of the last sign-in, without a password (empty: signed out).
inline SettingKey<QString> signInConninfo()
{
    return {QStringLiteral("sync/conninfo"), {}};
}
/// Whether the password of that sign-in is kept in the OS keychain.
inline SettingKey<bool> rememberPassword()
{
    return {QStringLiteral("sync/rememberPassword"), false};
}
/// Seconds between two syncs while online.
inline SettingKey<int> syncInterval()
{
    return {QStringLiteral("sync/interval"), 60};
}

} // namespace Preferences
