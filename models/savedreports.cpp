#include "savedreports.h"

#include "cachedatabase.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

SavedReports::SavedReports(CacheDatabase &cache)
    : m_cache(cache)
{}

QList<SavedReports::Report> SavedReports::list(bool *ok)
{
    QList<Report> reports;
    QSqlQuery q(m_cache.database());
    const bool done = q.exec(QStringLiteral("SELECT name, spec, updated_at, dirty FROM "
                                            "saved_reports WHERE NOT deleted ORDER BY name"));
    if (!done)
        m_error = q.lastError().text();
    while (done && q.next()) {
        reports.append({q.value(0).toString(),
                        QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object(),
                        q.value(2).toLongLong(), q.value(3).toBool()});
    }
    if (ok)
        *ok = done;
    return reports;
}

bool SavedReports::save(const QString &name, const QJsonObject &spec)
{
    if (name.trimmed().isEmpty() || name.size() > 200) {
        m_error = tr("A report needs a name of 1 to 200 characters.");
        return false;
    }
    return write(name.trimmed(), spec, false);
}

bool SavedReports::remove(const QString &name)
{
    return write(name, {}, true);
}

bool SavedReports::write(const QString &name, const QJsonObject &spec, bool deleted)
{
    QSqlQuery q(m_cache.database());
    // Later than any save of this name known here, even with the clock set back.
    q.prepare(QStringLiteral(
        "INSERT INTO saved_reports (name, spec, updated_at, deleted, dirty) VALUES "
        "(:name, :spec, max(:now, coalesce((SELECT updated_at + 1 FROM saved_reports "
        "WHERE name = :same), 0)), :deleted, 1) "
        "ON CONFLICT (name) DO UPDATE SET spec = excluded.spec, updated_at = excluded.updated_at, "
        "deleted = excluded.deleted, dirty = 1"));
    q.bindValue(QStringLiteral(":name"), name);
    q.bindValue(QStringLiteral(":same"), name);
    q.bindValue(QStringLiteral(":spec"),
                QString::fromUtf8(QJsonDocument(spec).toJson(QJsonDocument::Compact)));
    q.bindValue(QStringLiteral(":now"), QDateTime::currentMSecsSinceEpoch());
    q.bindValue(QStringLiteral(":deleted"), deleted ? 1 : 0);
    if (q.exec())
        return true;
    m_error = q.lastError().text();
    return false;
}
