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
#include <QTimeZone>
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
            // A few releases of the platform's apps for the Releases page, once.
            if (ok && (!q.exec(QStringLiteral("SELECT EXISTS (SELECT FROM coulisse.releases)")) ||
                       !q.next())) {
                m_error = CentralConnection::describe(q.lastError());
                ok = false;
            } else if (ok && !q.value(0).toBool()) {
                ok = seedReleases(db);
            }
            // Creator levels: an old ladder, the opened one, a proposal, once.
            if (ok &&
                (!q.exec(QStringLiteral("SELECT EXISTS (SELECT FROM coulisse.level_ladders)")) ||
                 !q.next())) {
                m_error = CentralConnection::describe(q.lastError());
                ok = false;
            } else if (ok && !q.value(0).toBool()) {
                ok = seedLevels(db, options.until.date());
            }
        }
    }
    CentralConnection::close(name);
    return ok;
}

bool DemoEnvironment::seedReleases(const QSqlDatabase &db)
{
    // The history is written directly (the installer's connection): ten days of a staged
    // rollout of the Android app, its offers to the users of the demo events, a PC client
    // release halted at 10 %, an iOS release waiting for approval, and Coulisse itself.
    const QStringList statements = {
        QStringLiteral(
            "INSERT INTO coulisse.releases (app, platform, version, min_version, rollout_percent, "
            "notes_zh, notes_en, state, created_by, published_by, published_at, created_at) "
            "VALUES ('aipai', 'android', '5.3.3', NULL, 100, '修复上传中断的问题。', "
            "'Fixes interrupted uploads.', 'complete', 'demo_admin', 'demo_supervisor', "
            "now() - interval '40 days', now() - interval '41 days'), "
            "('aipai', 'android', '5.4.0', '5.3.1', 20, '新增创作者等级与动态封面；5.3.1 以下版本"
            "存在登录安全问题，须更新。', 'Creator levels and animated covers; versions below "
            "5.3.1 have a sign-in security issue and must update.', 'rolling_out', "
            "'demo_admin', 'demo_supervisor', now() - interval '10 days', "
            "now() - interval '11 days'), "
            "('aipai', 'windows', '3.9.0', NULL, 10, '录像工具支持 4K。', "
            "'The recorder supports 4K.', 'halted', 'demo_admin', 'demo_supervisor', "
            "now() - interval '6 days', now() - interval '7 days'), "
            "('coulisse', 'linux', '0.1.0', NULL, 100, '首个版本。', 'First release.', "
            "'complete', 'demo_admin', 'demo_supervisor', now() - interval '30 days', "
            "now() - interval '31 days')"),
        QStringLiteral(
            "INSERT INTO coulisse.releases (app, platform, version, rollout_percent, notes_zh, "
            "notes_en, created_by, publish_requested_by, publish_requested_at) VALUES ('aipai', "
            "'ios', '5.4.0', 5, '新增创作者等级与动态封面。', 'Creator levels and animated "
            "covers.', 'demo_admin', 'demo_admin', now() - interval '1 day')"),
        // The Android rollout: 1 % -> 5 % -> 10 % -> 20 %, and who got it each day.
        QStringLiteral("DELETE FROM coulisse.release_history WHERE release_id IN (SELECT id FROM "
                       "coulisse.releases WHERE (app, platform, version) IN (('aipai', 'android', "
                       "'5.4.0'), ('aipai', 'windows', '3.9.0')))"),
        QStringLiteral(
            "INSERT INTO coulisse.release_history (release_id, at, by, state, rollout_percent) "
            "SELECT r.id, now() - make_interval(days => d), 'demo_admin', 'rolling_out', p "
            "FROM coulisse.releases r, (VALUES (10, 1), (7, 5), (4, 10), (2, 20)) AS s (d, p) "
            "WHERE (r.app, r.platform, r.version) = ('aipai', 'android', '5.4.0') "
            "UNION ALL SELECT r.id, now() - make_interval(days => d), 'demo_admin', st, p "
            "FROM coulisse.releases r, (VALUES (6, 'rolling_out', 2), (4, 'rolling_out', 10), "
            "(3, 'halted', 10)) AS s (d, st, p) "
            "WHERE (r.app, r.platform, r.version) = ('aipai', 'windows', '3.9.0')"),
        QStringLiteral(
            "INSERT INTO coulisse.release_offers (release_id, user_key, first_offered_at, forced) "
            "SELECT r.id, u.user_id::text, now() - make_interval(days => s.d) + "
            "make_interval(secs => 86400 * s.d * 0.9 * random() * random()), "
            "u.app_version < '5.3.1' "
            "FROM coulisse.releases r, (SELECT DISTINCT ON (user_id) user_id, app_version FROM "
            "coulisse.events WHERE os ILIKE 'android%' ORDER BY user_id, at DESC) u, "
            // Each user is offered it after the step that took them in (see the history).
            "LATERAL (SELECT CASE WHEN b < 100 THEN 10 WHEN b < 500 THEN 7 WHEN b < 1000 THEN 4 "
            "ELSE 2 END AS d FROM (SELECT coulisse.release_bucket(r.id, u.user_id::text) AS b) x) "
            "s "
            "WHERE (r.app, r.platform, r.version) = ('aipai', 'android', '5.4.0') "
            "AND coulisse.release_bucket(r.id, u.user_id::text) < 2000"),
    };
    QSqlQuery q(db);
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            m_error = CentralConnection::describe(q.lastError());
            return false;
        }
    }
    return true;
}

bool DemoEnvironment::seedLevels(const QSqlDatabase &db, const QDate &until)
{
    // The old ladder put the "star" bar out of reach; the opened one (version 2, three weeks
    // before the data ends) gives small creators rungs to climb; version 3 waits for approval.
    // The staff act through their own functions (the installer takes their identity); only the
    // dates are moved back, so that the distribution has a history.
    const QString v1 = QStringLiteral(R"({"levels": [
        {"level": 1, "name_zh": "新人", "name_en": "Newcomer", "resources": ["创作者徽章"],
         "rule": {"metric": "videos", "window": 0, "min": 1}},
        {"level": 2, "name_zh": "活跃创作者", "name_en": "Active creator",
         "resources": ["每周推荐池"],
         "rule": {"all": [{"metric": "videos", "window": 90, "min": 8},
                          {"metric": "active_days", "window": 30, "min": 8}]}},
        {"level": 3, "name_zh": "红人", "name_en": "Star", "resources": ["首页推荐位", "专属运营"],
         "rule": {"all": [{"metric": "plays", "window": 30, "min": 1000},
                          {"metric": "followers", "window": 0, "min": 50},
                          {"metric": "featured", "window": 365, "min": 3}]}}]})");
    const QString v2 = QStringLiteral(R"({"levels": [
        {"level": 1, "name_zh": "新人", "name_en": "Newcomer", "resources": ["创作者徽章"],
         "rule": {"metric": "videos", "window": 0, "min": 1}},
        {"level": 2, "name_zh": "成长中", "name_en": "Growing", "resources": ["新人流量包"],
         "rule": {"metric": "videos", "window": 90, "min": 2}},
        {"level": 3, "name_zh": "活跃创作者", "name_en": "Active creator",
         "resources": ["每周推荐池"],
         "rule": {"all": [{"metric": "videos", "window": 90, "min": 4},
                          {"metric": "active_days", "window": 30, "min": 4}]}},
        {"level": 4, "name_zh": "优质创作者", "name_en": "Quality creator",
         "resources": ["分类页推荐", "活动优先报名"],
         "rule": {"all": [{"metric": "videos", "window": 90, "min": 8},
                          {"any": [{"metric": "plays", "window": 30, "min": 150},
                                   {"metric": "featured", "window": 365, "min": 1}]}]}},
        {"level": 5, "name_zh": "红人", "name_en": "Star", "resources": ["首页推荐位", "专属运营"],
         "rule": {"all": [{"metric": "plays", "window": 30, "min": 300},
                          {"metric": "followers", "window": 0, "min": 12}]}}]})");
    QString v3 = v2;
    v3.replace(QStringLiteral(R"("min": 300})"), QStringLiteral(R"("min": 250})"));
    v3.replace(QStringLiteral(R"("min": 12})"), QStringLiteral(R"("min": 10})"));
    const auto at = [&](int daysBefore) {
        return QStringLiteral("'%1'::timestamptz")
            .arg(QDateTime(until.addDays(-daysBefore), QTime(10, 0), QTimeZone(8 * 3600))
                     .toString(Qt::ISODate));
    };
    const QStringList statements = {
        QStringLiteral("SET SESSION AUTHORIZATION demo_pm"),
        QStringLiteral("SELECT coulisse.ladder_save('%1', '最初的等级：红人门槛很高。')").arg(v1),
        QStringLiteral("SET SESSION AUTHORIZATION demo_supervisor"),
        QStringLiteral("SELECT coulisse.ladder_decide(1, true)"),
        QStringLiteral("RESET SESSION AUTHORIZATION"),
        QStringLiteral("UPDATE coulisse.level_ladders SET created_at = %1, decided_at = %2, "
                       "activated_at = %2 WHERE version = 1")
            .arg(at(90), at(89)),
        QStringLiteral("SET SESSION AUTHORIZATION demo_pm"),
        QStringLiteral("SELECT coulisse.ladder_save('%1', '开放等级：小创作者也能逐级成长。')")
            .arg(v2),
        QStringLiteral("SET SESSION AUTHORIZATION demo_supervisor"),
        QStringLiteral("SELECT coulisse.ladder_decide(2, true, '同意，观察两周。')"),
        QStringLiteral("RESET SESSION AUTHORIZATION"),
        QStringLiteral("UPDATE coulisse.level_ladders SET created_at = %1, decided_at = %2, "
                       "activated_at = %2 WHERE version = 2")
            .arg(at(22), at(21)),
        QStringLiteral("SET SESSION AUTHORIZATION demo_pm"),
        QStringLiteral("SELECT coulisse.levels_refresh('%1')")
            .arg(until.addDays(-1).toString(Qt::ISODate)),
        QStringLiteral("SELECT coulisse.levels_backfill('%1', '%2')")
            .arg(until.addDays(-59).toString(Qt::ISODate), until.addDays(-2).toString(Qt::ISODate)),
        QStringLiteral("SELECT coulisse.ladder_save('%1', '红人门槛再降一点。')").arg(v3),
        QStringLiteral("RESET SESSION AUTHORIZATION"),
    };
    QSqlQuery q(db);
    for (const QString &sql : statements) {
        if (!q.exec(sql)) {
            m_error = CentralConnection::describe(q.lastError());
            q.exec(QStringLiteral("RESET SESSION AUTHORIZATION"));
            return false;
        }
    }
    return true;
}

bool DemoEnvironment::stop()
{
    PrivatePostgres server(serverDirectory());
    if (server.stop())
        return true;
    m_error = server.errorString();
    return false;
}
