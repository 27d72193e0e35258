#include "demoenvironment.h"

#include "centralconnection.h"
#include "centralschema.h"
#include "democachewriter.h"
#include "democentralwriter.h"
#include "demoeventgenerator.h"
#include "privatepostgres.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

DemoEnvironment::DemoEnvironment(const QString &directory, qint64 videos)
    : m_directory(QDir(directory).absolutePath())
    , m_videos(videos)
{}

QString DemoEnvironment::defaultDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo"));
}

QString DemoEnvironment::cachePath() const
{
    return QDir(m_directory).filePath(QStringLiteral("demo-%1.sqlite").arg(m_videos));
}

QString DemoEnvironment::serverDirectory() const
{
    return QDir(m_directory).filePath(QStringLiteral("postgres"));
}

QString DemoEnvironment::databaseName() const
{
    return QStringLiteral("coulisse_demo_%1").arg(m_videos);
}

QString DemoEnvironment::centralUrl(const QString &user) const
{
    const PrivatePostgres server(serverDirectory());
    return server.connectionString(databaseName(),
                                   user.isEmpty() ? PrivatePostgres::superuser() : user);
}

bool DemoEnvironment::prepare(const DemoDataGenerator::Progress &progress)
{
    if (!QDir().mkpath(m_directory)) {
        m_error = tr("Cannot create the demo directory %1.").arg(m_directory);
        return false;
    }
    DemoDataOptions options;
    options.videos = m_videos;
    if (!QFileInfo::exists(cachePath())) {
        const DemoCacheWriter::Result cache =
            DemoCacheWriter::write(cachePath(), options, false, progress);
        if (!cache.ok) {
            m_error = cache.error;
            return false;
        }
    }
    PrivatePostgres server(serverDirectory());
    if (!server.start()) {
        m_error = server.errorString();
        return false;
    }
    bool created = false;
    if (!CentralSchema::createDatabaseIfMissing(centralUrl(), &created, &m_error))
        return false;
    const QString name = QStringLiteral("coulisse-demo-environment");
    bool ok = false;
    {
        QSqlDatabase db = CentralConnection::open(centralUrl(), name, &m_error);
        if (db.isOpen()) {
            const CentralSchema::Result schema = CentralSchema::migrate(db);
            QSqlQuery q(db);
            if (!schema.ok) {
                m_error = schema.error;
            } else if (!q.exec(QStringLiteral("SELECT EXISTS (SELECT FROM coulisse.videos)")) ||
                       !q.next()) {
                m_error = CentralConnection::describe(q.lastError());
            } else if (q.value(0).toBool()) {
                ok = true; // seeded on an earlier run
            } else {
                const DemoCentralWriter::Result seeded =
                    DemoCentralWriter::write(db, options, progress);
                ok = seeded.ok;
                m_error = seeded.error;
            }
            // Sixty days of events for the Metrics page, once.
            if (ok &&
                (!q.exec(QStringLiteral("SELECT EXISTS (SELECT FROM coulisse.event_imports)")) ||
                 !q.next())) {
                m_error = CentralConnection::describe(q.lastError());
                ok = false;
            } else if (ok && !q.value(0).toBool()) {
                DemoEventGenerator::Options events;
                events.days = 60;
                DemoEventGenerator generator(events);
                ok = generator.seedCentral(db);
                m_error = generator.errorString();
            }
        }
    }
    CentralConnection::close(name);
    return ok;
}

bool DemoEnvironment::stop()
{
    PrivatePostgres server(serverDirectory());
    if (server.stop())
        return true;
    m_error = server.errorString();
    return false;
}
