#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

class CacheDatabase;

/// The custom reports the cache's user saved by name (metrics, dimensions, range: a JSON
/// object), kept in the cache and sent to central at the next sync (MetricsSync), where they
/// are private to that user. Works offline; the newest save of a name wins.
class SavedReports
{
    Q_DECLARE_TR_FUNCTIONS(SavedReports)

public:
    struct Report
    {
        QString name;
        QJsonObject spec;
        qint64 updatedAt = 0; ///< Unix milliseconds
        bool pending = false; ///< not yet sent to central
    };

    explicit SavedReports(CacheDatabase &cache);

    /// The saved reports, by name.
    QList<Report> list(bool *ok = nullptr);
    /// Saves \a spec as \a name (replacing a report of that name).
    bool save(const QString &name, const QJsonObject &spec);
    bool remove(const QString &name);

    QString errorString() const { return m_error; }

private:
    bool write(const QString &name, const QJsonObject &spec, bool deleted);

    CacheDatabase &m_cache;
    QString m_error;
};
