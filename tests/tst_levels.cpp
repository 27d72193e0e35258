#include "cachedatabase.h"
#include "cachelevels.h"
#include "catalogue.h"
#include "centralconnection.h"
#include "centrallevels.h"
#include "centralloader.h"
#include "eventimporter.h"
#include "levelladder.h"
#include "levelmovesmodel.h"
#include "levelssync.h"
#include "levelwhatif.h"
#include "syncengine.h"
#include "syncstate.h"
#include "teststore.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFuture>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QtConcurrent>
#include <QtEndian>

#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <utility>

namespace {

/// The project's time zone (metric_settings' default): the days of every window.
QTimeZone shanghai()
{
    return QTimeZone(QByteArrayLiteral("Asia/Shanghai"));
}

/// An event or publication time at \a time on \a day in Shanghai, as the importer reads it.
QString local(const QDate &day, const QTime &time)
{
    return QDateTime(day, time, shanghai()).toString(Qt::ISODate);
}

/// The same instant written in UTC ("...Z"): the store places it on its Shanghai day.
QString utc(const QDate &day, const QTime &time)
{
    return QDateTime(day, time, Qt::UTC).toString(Qt::ISODate);
}

QJsonObject json(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

/// A double exactly as the store sent it (float8send, big-endian).
double fromFloat8Hex(const QString &hex)
{
    const QByteArray bytes = QByteArray::fromHex(hex.toLatin1());
    if (bytes.size() != 8)
        return std::numeric_limits<double>::quiet_NaN();
    const quint64 bits = qFromBigEndian<quint64>(bytes.constData());
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

/// The shortest text that reads back as the same double.
QByteArray shortest(double value)
{
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

/// What a ladder text with \a levels levels of one criterion each looks like.
QString ladderOf(int levels)
{
    QStringList parts;
    for (int i = 1; i <= levels; ++i)
        parts.append(QStringLiteral(R"({"level": %1, "name_en": "L%1", )"
                                    R"("rule": {"metric": "videos", "window": 0, "min": %1}})")
                         .arg(i));
    return QStringLiteral(R"({"levels": [%1]})").arg(parts.join(QStringLiteral(", ")));
}

/// A criterion wrapped in \a depth "all" lists (the criterion is at that depth).
QString nested(int depth)
{
    QString rule = QStringLiteral(R"({"metric": "plays", "window": 30, "min": 1})");
    for (int i = 0; i < depth; ++i)
        rule = QStringLiteral(R"({"all": [%1]})").arg(rule);
    return QStringLiteral(R"({"levels": [{"level": 1, "name_en": "x", "rule": %1}]})").arg(rule);
}

/// The ladder the generated stores start with: every metric, all and any, a rate.
const char *const kWorldLadder = R"({"levels": [
    {"level": 1, "name_zh": "新人", "name_en": "Newcomer", "resources": ["创作者徽章"],
     "rule": {"metric": "videos", "window": 0, "min": 1}},
    {"level": 2, "name_zh": "成长中", "name_en": "Growing",
     "rule": {"all": [{"metric": "videos", "window": 90, "min": 2},
                      {"any": [{"metric": "plays", "window": 30, "min": 12},
                               {"metric": "featured", "window": 365, "min": 1}]}]}},
    {"level": 3, "name_zh": "活跃", "name_en": "Active",
     "rule": {"all": [{"metric": "active_days", "window": 30, "min": 5},
                      {"metric": "featured_rate", "window": 365, "min": 0.25}]}},
    {"level": 4, "name_zh": "优质", "name_en": "Quality",
     "rule": {"all": [{"metric": "followers", "window": 0, "min": 8},
                      {"metric": "plays", "window": 365, "min": 150}]}},
    {"level": 5, "name_zh": "红人", "name_en": "Star",
     "rule": {"any": [{"all": [{"metric": "videos", "window": 365, "min": 9},
                               {"metric": "featured", "window": 0, "min": 3}]},
                      {"metric": "followers", "window": 90, "min": 6}]}}]})";

/// A draft of it: lower and higher bars (a rate of exactly one third), a sixth level.
const char *const kWorldDraft = R"({"levels": [
    {"level": 1, "name_zh": "新人", "name_en": "Newcomer",
     "rule": {"metric": "videos", "window": 0, "min": 1}},
    {"level": 2, "name_zh": "成长中", "name_en": "Growing",
     "rule": {"all": [{"metric": "videos", "window": 90, "min": 1},
                      {"any": [{"metric": "plays", "window": 30, "min": 20},
                               {"metric": "featured", "window": 365, "min": 1}]}]}},
    {"level": 3, "name_zh": "活跃", "name_en": "Active",
     "rule": {"all": [{"metric": "active_days", "window": 30, "min": 4},
                      {"metric": "featured_rate", "window": 365, "min": 0.3333333333333333}]}},
    {"level": 4, "name_zh": "优质", "name_en": "Quality",
     "rule": {"all": [{"metric": "followers", "window": 0, "min": 6},
                      {"metric": "plays", "window": 365, "min": 120}]}},
    {"level": 5, "name_zh": "红人", "name_en": "Star",
     "rule": {"any": [{"metric": "followers", "window": 90, "min": 5},
                      {"metric": "featured_rate", "window": 90, "min": 0.5}]}},
    {"level": 6, "name_zh": "明星", "name_en": "Celebrity",
     "rule": {"metric": "active_days", "window": 365, "min": 80}}]})";

} // namespace

/// Creator growth levels in the central store against a real PostgreSQL and real SQLite caches:
/// the rules evaluated and checked alike in SQL and C++, the windowed metrics of a hand-made
/// store, an incremental refresh equal to a full one, ladder versions and the distribution of
/// past days, who may do what, the what-if preview equal to what a save gives, the levels'
/// sync, and coulisse-cli levels.
class TestLevels : public QObject
{
    Q_OBJECT

private:
    struct Staff
    {
        QString admin;
        QString pm;
        QString pm2;
        QString supervisor;
        QString editor;
    };

    /// A generated store: 40 creators, 30 viewers, 240 videos over 14 months, about a year of
    /// events; the published days of the videos, for events that come after them.
    struct World
    {
        std::unique_ptr<TestStore> store;
        Staff staff;
        QHash<int, QDate> published;
    };

    QTemporaryDir m_dir;
    TestStore m_store{QStringLiteral("levels")};
    Staff m_staff;
    QDate m_asOf; ///< the day levels are as of: the day before yesterday in Shanghai
    std::unique_ptr<TestStore> m_facts;
    std::unique_ptr<World> m_world;
    std::unique_ptr<World> m_incremental;
    int m_connections = 0;

    static Staff addStaff(TestStore &store, QString *error)
    {
        Staff s;
        for (const auto &[name, role, target] : {std::tuple{"admin", "admin", &s.admin},
                                                 {"pm", "pm", &s.pm},
                                                 {"pm2", "pm", &s.pm2},
                                                 {"supervisor", "supervisor", &s.supervisor},
                                                 {"editor", "editor", &s.editor}}) {
            *target = store.addStaff(QLatin1String(name), QLatin1String(role), error);
            if (!error->isEmpty())
                break;
        }
        return s;
    }

    QString staffName(const Staff &staff, const QString &role) const
    {
        return role == QLatin1String("admin")        ? staff.admin
               : role == QLatin1String("pm")         ? staff.pm
               : role == QLatin1String("pm2")        ? staff.pm2
               : role == QLatin1String("supervisor") ? staff.supervisor
                                                     : staff.editor;
    }

    /// Runs \a work with the levels of \a store as staff member \a who (a login of their own).
    void as(TestStore &store, const QString &who,
            const std::function<void(CentralLevels &, QSqlDatabase &)> &work)
    {
        const QString name = QStringLiteral("levels-%1").arg(++m_connections);
        {
            QString error;
            QSqlDatabase db = store.login(who, &error, name);
            QVERIFY2(db.isOpen(), qPrintable(error));
            CentralLevels levels(db);
            work(levels, db);
        }
        QSqlDatabase::removeDatabase(name);
    }

    std::optional<CentralLevels::Refresh> refresh(TestStore &store, const QString &who,
                                                  bool full = false)
    {
        std::optional<CentralLevels::Refresh> result;
        as(store, who, [&](CentralLevels &levels, QSqlDatabase &) {
            result = levels.refresh(m_asOf, full);
            if (!result)
                qWarning("refresh: %s", qPrintable(levels.errorString()));
        });
        return result;
    }

    std::optional<CentralLevels::Saved> save(TestStore &store, const QString &who,
                                             const QString &ladder, QString *error = nullptr)
    {
        std::optional<CentralLevels::Saved> result;
        as(store, who, [&](CentralLevels &levels, QSqlDatabase &) {
            result = levels.save(json(ladder), QStringLiteral("test"));
            if (error)
                *error = levels.errorString();
        });
        return result;
    }

    static bool setPolicy(TestStore &store, const QString &admin, bool review)
    {
        QString error;
        QSqlDatabase db = store.login(admin, &error, QStringLiteral("policy-") + admin);
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT coulisse.set_approval_policy('pm', 'levels', ?)"));
        q.addBindValue(review);
        if (!q.exec()) {
            qWarning("%s", qPrintable(q.lastError().text()));
            return false;
        }
        return true;
    }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return {};
        return path;
    }

    /// Imports \a csv (header included) as the installer.
    QString importEvents(TestStore &store, const QString &name, const QByteArray &csv)
    {
        const QString path = writeFile(store.database() + QLatin1Char('-') + name, csv);
        if (path.isEmpty())
            return QStringLiteral("cannot write ") + name;
        const EventImporter::Result r = EventImporter(store.installer()).importFile(path);
        return r.ok ? QString() : r.error;
    }

    /// One CSV line: time, user, event, platform, properties (JSON, quoted).
    static QByteArray event(const QString &time, qint64 user, const char *name,
                            const QByteArray &properties = {})
    {
        QByteArray line = time.toLatin1() + ',' + QByteArray::number(user) + ',' + name + ",app,";
        if (!properties.isEmpty())
            line += '"' + QByteArray(properties).replace('"', "\"\"") + '"';
        return line + '\n';
    }

    /// Every creator_levels row, as text (progress by its bits): what a refresh wrote.
    static QStringList levelRows(const QSqlDatabase &db)
    {
        QStringList rows;
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral(
                "SELECT user_id, level, encode(float8send(progress), 'hex'), "
                "coalesce(ladder_version, 0), stats::text FROM coulisse.creator_levels "
                "ORDER BY user_id"))) {
            rows.append(q.lastError().text());
            return rows;
        }
        while (q.next())
            rows.append(QStringLiteral("%1|%2|%3|%4|%5")
                            .arg(q.value(0).toString(), q.value(1).toString(),
                                 q.value(2).toString(), q.value(3).toString(),
                                 q.value(4).toString()));
        return rows;
    }

    /// The level of every creator a cache holds.
    static QHash<qint64, int> cachedLevels(CacheDatabase &cache)
    {
        QHash<qint64, int> result;
        QSqlQuery q(cache.database());
        q.exec(QStringLiteral("SELECT user_id, level FROM creator_levels"));
        while (q.next())
            result.insert(q.value(0).toLongLong(), q.value(1).toInt());
        return result;
    }

    /// The level of every creator the central store holds.
    static QHash<qint64, int> storedLevels(TestStore &store)
    {
        QHash<qint64, int> result;
        QSqlQuery q(store.installer());
        q.exec(QStringLiteral("SELECT user_id, level FROM coulisse.creator_levels"));
        while (q.next())
            result.insert(q.value(0).toLongLong(), q.value(1).toInt());
        return result;
    }

    SyncEngine::Report sync(TestStore &store, const QString &user, const QString &file)
    {
        CacheDatabase cache;
        if (!cache.open(file)) {
            SyncEngine::Report r;
            r.error = cache.errorString();
            return r;
        }
        SyncEngine::Settings settings;
        settings.conninfo = store.conninfo(user);
        settings.password = store.password();
        SyncEngine engine(cache, settings);
        return engine.run();
    }

    QString cachePath() const { return m_dir.filePath(QStringLiteral("pm.sqlite")); }

    /// A generated store (\a seed): the catalogue written by the installer, events imported. With
    /// \a ladder, the approval policy is off, kWorldLadder active and levels refreshed.
    std::unique_ptr<World> makeWorld(const QString &label, quint32 seed, bool ladder)
    {
        auto world = std::make_unique<World>();
        world->store = std::make_unique<TestStore>(label);
        TestStore &store = *world->store;
        QString error = store.create();
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        world->staff = addStaff(store, &error);
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        QRandomGenerator rng(seed);
        const auto randomTime = [&rng] {
            const int pick = int(rng.bounded(10));
            return pick == 0   ? QTime(0, 0)
                   : pick == 1 ? QTime(23, 59, 59)
                               : QTime(0, 0).addSecs(int(rng.bounded(86400)));
        };
        QStringList videos;
        for (int id = 1; id <= 240; ++id) {
            // A few are published after the day levels are as of.
            const QDate day =
                id % 50 == 0 ? m_asOf.addDays(1) : m_asOf.addDays(-int(rng.bounded(420)));
            const QString uploader =
                id % 23 == 0 ? QStringLiteral("NULL") : QString::number(1 + rng.bounded(40));
            world->published.insert(id, day);
            videos.append(
                QStringLiteral("(%1, 'v%1', 1, %2, 'pc_recorder', 60, '%3', %4, %5)")
                    .arg(id)
                    .arg(uploader, local(day, randomTime()),
                         rng.bounded(5) == 0 ? QStringLiteral("true") : QStringLiteral("false"))
                    .arg(rng.bounded(3000)));
        }
        for (const QString &sql :
             {QStringLiteral("INSERT INTO coulisse.games (id, name) VALUES (1, '测试游戏')"),
              QStringLiteral("INSERT INTO coulisse.users (id, nickname, kind, registered_at, "
                             "platform) SELECT g, 'u' || g, CASE WHEN g <= 40 THEN 'creator' "
                             "ELSE 'viewer' END, now() - interval '600 days', 'app' "
                             "FROM generate_series(1, 70) g"),
              QStringLiteral("INSERT INTO coulisse.videos (id, title, game_id, uploader_id, "
                             "source, duration_s, published_at, featured, plays) VALUES ") +
                  videos.join(QStringLiteral(", "))}) {
            error = store.exec(sql);
            if (!error.isEmpty())
                qFatal("%s", qPrintable(error));
        }
        QByteArray csv = "time,user_id,event,platform,properties\n";
        for (int back = 400; back >= -1; --back) {
            const QDate day = m_asOf.addDays(-back);
            for (int c = 1; c <= 40; ++c) {
                if (rng.bounded(100) < 18)
                    csv += event(local(day, randomTime()), c, "app_open");
                if (rng.bounded(100) < 6)
                    csv += event(local(day, randomTime()), c, "push_received");
                if (rng.bounded(100) < 2)
                    csv += event(local(day, randomTime()), c, "video_featured");
            }
            for (int p = 0; p < 14; ++p) {
                const int video = 1 + int(rng.bounded(240));
                if (world->published.value(video) > day)
                    continue; // nobody plays a video before it is published
                const QByteArray id = QByteArray::number(video);
                csv += event(local(day, randomTime()), 1 + rng.bounded(70), "video_play",
                             "{\"video_id\": " + id + "}");
            }
            // Plays of a video the catalogue does not have yet.
            if (back < 100 && rng.bounded(100) < 30)
                csv += event(local(day, randomTime()), 41 + rng.bounded(30), "video_play",
                             "{\"video_id\": 900}");
            for (int f = 0; f < 3; ++f) {
                const QByteArray target = QByteArray::number(1 + rng.bounded(45));
                csv += event(local(day, randomTime()), 1 + rng.bounded(70),
                             rng.bounded(3) == 0 ? "user_unfollow" : "user_follow",
                             "{\"creator_id\": " + target + "}");
            }
        }
        error = importEvents(store, QStringLiteral("world.csv"), csv);
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        if (ladder) {
            if (!setPolicy(store, world->staff.admin, false))
                qFatal("the approval policy could not be set");
            const auto saved =
                save(store, world->staff.pm, QString::fromUtf8(kWorldLadder), &error);
            if (!saved || saved->state != QLatin1String("active"))
                qFatal("saving the ladder: %s", qPrintable(error));
            if (!refresh(store, world->staff.pm))
                qFatal("the first refresh failed");
        }
        return world;
    }

    World &world()
    {
        if (!m_world)
            m_world = makeWorld(QStringLiteral("levels_world"), 11, true);
        return *m_world;
    }

    /// A hand-made store whose metrics are worked out in shouldCountEachMetricInItsWindow_data.
    TestStore &facts()
    {
        if (m_facts)
            return *m_facts;
        m_facts = std::make_unique<TestStore>(QStringLiteral("levels_facts"));
        TestStore &store = *m_facts;
        QString error = store.create();
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        const QString pm = store.addStaff(QStringLiteral("pm"), QStringLiteral("pm"), &error);
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        const QDate d = m_asOf;
        const QTime midnight(0, 0);
        const QTime last(23, 59, 59);
        const QTime noon(12, 0);
        // Creators 101, 102, 103; viewers 201, 202.
        QStringList statements = {
            QStringLiteral("INSERT INTO coulisse.games (id, name) VALUES (1, '测试游戏')"),
            QStringLiteral("INSERT INTO coulisse.users (id, nickname, kind, registered_at, "
                           "platform) VALUES (101, 'c1', 'creator', now(), 'pc'), "
                           "(102, 'c2', 'creator', now(), 'app'), (103, 'c3', 'creator', now(), "
                           "'web'), (201, 'v1', 'viewer', now(), 'app'), (202, 'v2', 'viewer', "
                           "now(), 'app')"),
        };
        // id, uploader, published, featured, plays counter.
        const struct
        {
            int id;
            const char *uploader;
            QString at;
            bool featured;
            int plays;
        } videos[] = {
            {1, "101", local(d, last), true, 100},
            {2, "101", local(d.addDays(1), midnight), false, 7},
            {3, "101", local(d.addDays(-29), midnight), true, 50},
            {4, "101", local(d.addDays(-30), last), false, 20},
            {5, "101", local(d.addDays(-89), noon), true, 1},
            {6, "101", local(d.addDays(-90), noon), false, 2},
            {7, "101", local(d.addDays(-364), noon), false, 3},
            {8, "101", local(d.addDays(-365), noon), true, 4},
            {9, "102", utc(d.addDays(-11), QTime(16, 30)), true, 5}, // 00:30 on D-10 locally
            {10, "102", local(d.addDays(-40), noon), false, 0},
            {11, "NULL", local(d, noon), true, 1000},
            {12, "201", local(d.addDays(-5), noon), true, 1000},
        };
        for (const auto &v : videos)
            statements.append(
                QStringLiteral("INSERT INTO coulisse.videos (id, title, game_id, uploader_id, "
                               "source, duration_s, published_at, featured, plays) VALUES (%1, "
                               "'v%1', 1, %2, 'web_upload', 30, '%3', %4, %5)")
                    .arg(v.id)
                    .arg(QLatin1String(v.uploader), v.at,
                         v.featured ? QStringLiteral("true") : QStringLiteral("false"))
                    .arg(v.plays));
        for (const QString &sql : std::as_const(statements)) {
            error = store.exec(sql);
            if (!error.isEmpty())
                qFatal("%s", qPrintable(error));
        }
        const auto play = [](int video) {
            return "{\"video_id\": " + QByteArray::number(video) + "}";
        };
        const auto follow = [](int creator) {
            return "{\"creator_id\": " + QByteArray::number(creator) + "}";
        };
        QByteArray csv = "time,user_id,event,platform,properties\n";
        // Plays, for the videos' uploaders.
        csv += event(local(d, last), 201, "video_play", play(1));
        csv += event(local(d.addDays(1), midnight), 201, "video_play", play(1)); // after D
        csv += event(local(d.addDays(-29), midnight), 202, "video_play", play(3));
        csv += event(local(d.addDays(-30), last), 202, "video_play", play(3)); // not in 30
        csv += event(local(d.addDays(-100), noon), 201, "video_play", play(4));
        csv += event(local(d.addDays(-100), noon.addSecs(60)), 201, "video_play", play(4));
        csv += event(local(d.addDays(-365), noon), 201, "video_play", play(5)); // not in 365
        csv += event(local(d.addDays(-1), noon), 201, "video_play", play(3));
        csv += event(local(d.addDays(-1), noon), 201, "video_play", play(11));      // no uploader
        csv += event(local(d.addDays(-1), noon), 201, "video_play", play(999));     // no such video
        csv += event(utc(d.addDays(-3), QTime(16, 0)), 201, "video_play", play(9)); // D-2 00:00
        csv += event(utc(d.addDays(-30), QTime(15, 59, 59)), 201, "video_play", play(9)); // D-30
        // c2 plays c1's video: a play for c1, an active day for c2.
        csv += event(local(d.addDays(-3), noon), 102, "video_play", play(1));
        // Active days: c1.
        csv += event(local(d, last), 101, "app_open");
        csv += event(local(d.addDays(1), midnight), 101, "app_open"); // after D
        csv += event(local(d.addDays(-5), QTime(8, 0)), 101, "app_open");
        csv += event(local(d.addDays(-5), QTime(9, 0)), 101, "app_open");
        csv += event(local(d.addDays(-6), noon), 101, "push_received");  // passive
        csv += event(local(d.addDays(-7), noon), 101, "video_featured"); // passive
        csv += event(local(d.addDays(-29), midnight), 101, "video_publish", play(3));
        csv += event(local(d.addDays(-30), last), 101, "app_open");
        csv += event(local(d.addDays(-200), noon), 101, "app_open");
        csv += event(local(d.addDays(-400), noon), 101, "app_open");
        // c2: a push only (and the play above); c3: both sides of midnight before D.
        csv += event(local(d.addDays(-1), noon), 102, "push_received");
        csv += event(utc(d.addDays(-1), QTime(16, 0)), 103, "app_open");      // 00:00 on D
        csv += event(utc(d.addDays(-1), QTime(15, 59, 59)), 103, "app_open"); // 23:59:59, D-1
        // Followers.
        csv += event(local(d.addDays(-1), noon), 201, "user_follow", follow(101));
        csv += event(local(d.addDays(-40), noon), 202, "user_follow", follow(101));
        csv += event(local(d.addDays(-2), noon), 201, "user_unfollow", follow(101));
        csv += event(local(d.addDays(1), midnight), 202, "user_follow", follow(101)); // after D
        csv += event(local(d.addDays(-400), noon), 201, "user_follow", follow(101));
        csv += event(local(d.addDays(-3), noon), 201, "user_unfollow", follow(102));
        csv += event(utc(d.addDays(-30), QTime(16, 0)), 202, "user_follow",
                     "{\"creator_id\": \"103\"}");                                 // 00:00 on D-29
        csv += event(local(d.addDays(-1), noon), 202, "user_follow", follow(201)); // a viewer
        error = importEvents(store, QStringLiteral("facts.csv"), csv);
        if (!error.isEmpty())
            qFatal("%s", qPrintable(error));
        if (!refresh(store, pm))
            qFatal("the refresh failed");
        return store;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_asOf = QDateTime::currentDateTime().toTimeZone(shanghai()).date().addDays(-2);
        QCOMPARE(m_store.create(), QString());
        QString error;
        m_staff = addStaff(m_store, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    // 1. Rules evaluated alike ---------------------------------------------------------------

    void shouldPlaceAlikeInSqlAndCpp_data()
    {
        QTest::addColumn<QString>("ladder");
        QTest::newRow("nested all and any") << R"({"levels": [
            {"level": 1, "name_en": "Newcomer", "rule": {"metric": "videos", "window": 30, "min": 1}},
            {"level": 2, "name_en": "Rising",
             "rule": {"all": [{"metric": "videos", "window": 90, "min": 10},
                              {"any": [{"metric": "plays", "window": 30, "min": 1000},
                                       {"metric": "featured", "window": 0, "min": 1}]}]}},
            {"level": 3, "name_en": "Star",
             "rule": {"all": [{"metric": "featured_rate", "window": 365, "min": 0.2},
                              {"metric": "followers", "window": 0, "min": 100}]}}]})";
        QTest::newRow("rates of one and two thirds") << R"({"levels": [
            {"level": 1, "name_en": "a",
             "rule": {"metric": "featured_rate", "window": 30, "min": 0.3333333333333333}},
            {"level": 2, "name_en": "b",
             "rule": {"all": [{"metric": "featured_rate", "window": 90, "min": 0.6666666666666666},
                              {"metric": "videos", "window": 90, "min": 3}]}},
            {"level": 3, "name_en": "c",
             "rule": {"any": [{"metric": "featured_rate", "window": 0, "min": 1},
                              {"metric": "plays", "window": 0, "min": 1000000000000000}]}}]})";
        QTest::newRow("minimums of 0") << R"({"levels": [
            {"level": 1, "name_en": "a", "rule": {"metric": "followers", "window": 0, "min": 0}},
            {"level": 2, "name_en": "b",
             "rule": {"any": [{"metric": "videos", "window": 30, "min": 0},
                              {"metric": "plays", "window": 30, "min": 10}]}},
            {"level": 3, "name_en": "c",
             "rule": {"all": [{"metric": "active_days", "window": 365, "min": 0.5},
                              {"metric": "featured", "window": 0, "min": 0},
                              {"metric": "featured_rate", "window": 30, "min": 0}]}}]})";
        QTest::newRow("decimal minimums") << R"({"levels": [
            {"level": 1, "name_en": "a", "rule": {"metric": "featured_rate", "window": 365, "min": 0.1}},
            {"level": 2, "name_en": "b", "rule": {"metric": "featured_rate", "window": 365, "min": 0.3}},
            {"level": 3, "name_en": "c",
             "rule": {"all": [{"metric": "plays", "window": 90, "min": 0.7},
                              {"metric": "active_days", "window": 90, "min": 2.5}]}}]})";
        QTest::newRow("nested 8 deep") << R"({"levels": [
            {"level": 1, "name_en": "deep", "rule":
             {"any": [{"all": [{"any": [{"all": [{"any": [{"all": [{"any": [{"all": [
               {"metric": "videos", "window": 365, "min": 4},
               {"metric": "followers", "window": 90, "min": 3}]},
               {"metric": "plays", "window": 90, "min": 50}]},
               {"metric": "active_days", "window": 30, "min": 7}]}]},
               {"metric": "featured", "window": 90, "min": 2}]}]}]},
               {"metric": "featured_rate", "window": 0, "min": 0.75}]}},
            {"level": 2, "name_en": "second", "rule": {"metric": "videos", "window": 0, "min": 20}}]})";
        QTest::newRow("the demo's opened ladder") << R"({"levels": [
            {"level": 1, "name_en": "Newcomer", "rule": {"metric": "videos", "window": 0, "min": 1}},
            {"level": 2, "name_en": "Growing", "rule": {"metric": "videos", "window": 90, "min": 2}},
            {"level": 3, "name_en": "Active creator",
             "rule": {"all": [{"metric": "videos", "window": 90, "min": 4},
                              {"metric": "active_days", "window": 30, "min": 4}]}},
            {"level": 4, "name_en": "Quality creator",
             "rule": {"all": [{"metric": "videos", "window": 90, "min": 8},
                              {"any": [{"metric": "plays", "window": 30, "min": 150},
                                       {"metric": "featured", "window": 365, "min": 1}]}]}},
            {"level": 5, "name_en": "Star",
             "rule": {"all": [{"metric": "plays", "window": 30, "min": 300},
                              {"metric": "followers", "window": 0, "min": 12}]}}]})";
    }

    void shouldPlaceAlikeInSqlAndCpp()
    {
        QFETCH(QString, ladder);
        const LevelLadder l = LevelLadder::fromJson(json(ladder));
        QVERIFY2(l.isValid(), qPrintable(l.errorString()));
        const LadderEvaluator evaluator(l);

        // The values each stat takes: each minimum, the doubles on either side of it, a unit
        // either side, fractions of it, and rates such as 1/3 and 2/3 as a division gives them.
        QHash<QString, QList<QByteArray>> candidates;
        for (const LevelLadder::Level &level : l.levels()) {
            for (const QJsonObject &c : LevelLadder::criteria(level.rule)) {
                const QString key = c.value(QLatin1String("metric")).toString() + QLatin1Char(':') +
                                    QString::number(c.value(QLatin1String("window")).toInt());
                const double min = c.value(QLatin1String("min")).toDouble();
                QList<QByteArray> &values = candidates[key];
                values << shortest(min) << shortest(min + 1) << shortest(min - 1)
                       << shortest(min / 3) << shortest(min * 2) << shortest(min * 2 / 3)
                       << shortest(std::nextafter(min, 2 * min + 1));
                if (min > 0)
                    values << shortest(std::nextafter(min, 0.0))
                           << QByteArray::number(std::nextafter(min, 0.0), 'g', 17);
            }
        }
        const QList<QByteArray> common = {"0",
                                          "1",
                                          shortest(1.0 / 3),
                                          shortest(2.0 / 3),
                                          "0.33333333333333331",
                                          "null",
                                          "1e2",
                                          shortest(0.1 + 0.2),
                                          "0.3",
                                          "-2",
                                          "3",
                                          "100.0",
                                          "9007199254740993",
                                          "0.2",
                                          shortest(4.0 / 7)};
        QStringList texts;
        QRandomGenerator rng(7);
        QStringList keys = candidates.keys();
        keys.sort();
        const auto object = [&](const std::function<QByteArray(const QString &)> &value) {
            QStringList parts;
            for (const QString &key : keys) {
                const QByteArray v = value(key);
                if (!v.isEmpty())
                    parts.append(QStringLiteral("\"%1\": %2").arg(key, QString::fromLatin1(v)));
            }
            return QLatin1Char('{') + parts.join(QStringLiteral(", ")) + QLatin1Char('}');
        };
        texts.append(QStringLiteral("{}"));
        for (int pick = 0; pick < 9; ++pick) // every stat at its minimum, just below, …
            texts.append(object([&](const QString &key) {
                const QList<QByteArray> &values = candidates.value(key);
                return values.value(pick % values.size());
            }));
        for (int i = 0; i < 600; ++i) {
            texts.append(object([&](const QString &key) -> QByteArray {
                const int r = int(rng.bounded(10));
                if (r == 0)
                    return {}; // missing: 0
                const QList<QByteArray> &values = r < 7 ? candidates.value(key) : common;
                return values.at(int(rng.bounded(int(values.size()))));
            }));
        }

        QSqlQuery q(m_store.installer());
        q.prepare(QStringLiteral(
            "SELECT x.ord, st.level, encode(float8send(st.progress), 'hex') "
            "FROM jsonb_array_elements(?::jsonb) WITH ORDINALITY x (stats, ord) "
            "CROSS JOIN LATERAL coulisse.level_standing(?::jsonb, x.stats) st ORDER BY x.ord"));
        q.addBindValue(QLatin1Char('[') + texts.join(QLatin1Char(',')) + QLatin1Char(']'));
        q.addBindValue(ladder);
        QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        int compared = 0;
        QSet<int> levels;
        while (q.next()) {
            const QString &text = texts.at(compared);
            const QJsonObject o = json(text);
            QVERIFY2(!o.isEmpty() || text == QLatin1String("{}"), qPrintable(text));
            LevelLadder::Stats stats;
            for (auto it = o.begin(); it != o.end(); ++it)
                stats.insert(it.key(), it.value().toDouble());
            const LevelLadder::Standing cpp = l.standing(stats);
            QList<double> values;
            for (const QString &key : evaluator.keys())
                values.append(stats.value(key, 0));
            const LevelLadder::Standing compiled = evaluator.standing(values.constData());
            const int sqlLevel = q.value(1).toInt();
            const double sqlProgress = fromFloat8Hex(q.value(2).toString());
            const QByteArray context = text.toUtf8() + " C++ " + QByteArray::number(cpp.level) +
                                       '/' + QByteArray::number(cpp.progress, 'g', 17) + " SQL " +
                                       QByteArray::number(sqlLevel) + '/' +
                                       QByteArray::number(sqlProgress, 'g', 17);
            QVERIFY2(sqlLevel == cpp.level, context.constData());
            QVERIFY2(sqlProgress == cpp.progress, context.constData());
            QVERIFY2(compiled.level == cpp.level, context.constData());
            QVERIFY2(compiled.progress == cpp.progress, context.constData());
            levels.insert(cpp.level);
            ++compared;
        }
        QCOMPARE(compared, int(texts.size()));
        // The stats reach every rung, the top included.
        QCOMPARE(int(levels.size()), int(l.levels().size()) + 1);
    }

    // 2. Ladders checked alike ---------------------------------------------------------------

    void shouldCheckALadderAlike_data()
    {
        QTest::addColumn<QString>("ladder");
        QTest::addColumn<QString>("path"); ///< empty: a good ladder
        const QString x = QStringLiteral(R"("name_en": "x")");
        const QString criterion = QStringLiteral(R"({"metric": "plays", "window": 30, "min": 1})");
        const auto one = [&](const QString &level) {
            return QStringLiteral(R"({"levels": [%1]})").arg(level);
        };
        const auto withRule = [&](const QString &rule) {
            return one(QStringLiteral(R"({"level": 1, %1, "rule": %2})").arg(x, rule));
        };
        // The bad ladders of tst_levelladder.
        QTest::newRow("no levels") << R"({"levels": []})"
                                   << "levels";
        QTest::newRow("numbering")
            << R"({"levels": [{"level": 2, "name_en": "x", "rule": {"metric": "videos", "window": 0, "min": 1}}]})"
            << "levels[0]";
        QTest::newRow("no name")
            << R"({"levels": [{"level": 1, "rule": {"metric": "videos", "window": 0, "min": 1}}]})"
            << "levels[0]";
        QTest::newRow("unknown metric")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"all": [{"metric": "videos", "window": 0, "min": 1}, {"metric": "likes", "window": 0, "min": 1}]}}]})"
            << "levels[0].rule.all[1]";
        QTest::newRow("window")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"metric": "plays", "window": 7, "min": 1}}]})"
            << "levels[0].rule";
        QTest::newRow("negative minimum")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"metric": "plays", "window": 30, "min": -1}}]})"
            << "levels[0].rule";
        QTest::newRow("rate above 1")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"metric": "featured_rate", "window": 30, "min": 20}}]})"
            << "levels[0].rule";
        QTest::newRow("empty any")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"any": []}}]})"
            << "levels[0].rule.any";
        QTest::newRow("both all and any")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"all": [{"metric": "plays", "window": 30, "min": 1}], "any": [{"metric": "plays", "window": 30, "min": 1}]}}]})"
            << "levels[0].rule";
        QTest::newRow("misspelt key")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"metric": "plays", "window": 30, "minimum": 1}}]})"
            << "levels[0].rule";
        QTest::newRow("resources not texts")
            << R"({"levels": [{"level": 1, "name_en": "x", "resources": ["a", 2], "rule": {"metric": "plays", "window": 30, "min": 1}}]})"
            << "levels[0].resources";
        QTest::newRow("extra key")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"metric": "plays", "window": 30, "min": 1, "max": 9}}]})"
            << "levels[0].rule";
        // A few more.
        QTest::newRow("levels not a list") << R"({"levels": {}})"
                                           << "levels";
        QTest::newRow("101 levels") << ladderOf(101) << "levels";
        QTest::newRow("a level not an object") << R"({"levels": [5]})"
                                               << "levels[0]";
        QTest::newRow("level 1.5")
            << one(QStringLiteral(R"({"level": 1.5, %1, "rule": %2})").arg(x, criterion))
            << "levels[0]";
        QTest::newRow("second level misnumbered")
            << QStringLiteral(R"({"levels": [{"level": 1, %1, "rule": %2}, )"
                              R"({"level": 3, %1, "rule": %2}]})")
                   .arg(x, criterion)
            << "levels[1]";
        QTest::newRow("name of spaces")
            << one(QStringLiteral(R"({"level": 1, "name_zh": "  ", "rule": %1})").arg(criterion))
            << "levels[0]";
        QTest::newRow("name of a tab")
            << one(QStringLiteral(R"({"level": 1, "name_en": "\t", "rule": %1})").arg(criterion))
            << "levels[0]";
        QTest::newRow("name of a full-width space")
            << one(QStringLiteral(R"({"level": 1, "name_zh": "\u3000", "rule": %1})")
                       .arg(criterion))
            << "levels[0]";
        QTest::newRow("name a number")
            << one(QStringLiteral(R"({"level": 1, "name_en": 5, "rule": %1})").arg(criterion))
            << "levels[0]";
        QTest::newRow("resources a text")
            << one(QStringLiteral(R"({"level": 1, %1, "resources": "x", "rule": %2})")
                       .arg(x, criterion))
            << "levels[0].resources";
        QTest::newRow("no rule") << one(QStringLiteral(R"({"level": 1, %1})").arg(x))
                                 << "levels[0].rule";
        QTest::newRow("rule a list") << withRule(QStringLiteral("[]")) << "levels[0].rule";
        QTest::newRow("a part not a rule")
            << withRule(QStringLiteral(R"({"any": [%1, 5]})").arg(criterion))
            << "levels[0].rule.any[1]";
        QTest::newRow("all not a list")
            << withRule(QStringLiteral(R"({"all": {}})")) << "levels[0].rule.all";
        QTest::newRow("window 30.5")
            << withRule(QStringLiteral(R"({"metric": "plays", "window": 30.5, "min": 1})"))
            << "levels[0].rule";
        QTest::newRow("window as text")
            << withRule(QStringLiteral(R"({"metric": "plays", "window": "30", "min": 1})"))
            << "levels[0].rule";
        QTest::newRow("minimum as text")
            << withRule(QStringLiteral(R"({"metric": "plays", "window": 30, "min": "1"})"))
            << "levels[0].rule";
        QTest::newRow("rate 1.5 deep in any")
            << withRule(QStringLiteral(R"({"any": [%1, {"all": [{"metric": "featured_rate", )"
                                       R"("window": 90, "min": 1.5}]}]})")
                            .arg(criterion))
            << "levels[0].rule.any[1].all[0]";
        QTest::newRow("nested 9 deep")
            << nested(9)
            << "levels[0].rule.all[0].all[0].all[0].all[0].all[0].all[0].all[0].all[0].all[0]";
        // The limits: sizes a person reads, numbers that stay exact.
        const auto criteria = [&](int count) {
            QStringList list;
            for (int i = 0; i < count; ++i)
                list.append(criterion);
            return QStringLiteral(R"({"any": [%1]})").arg(list.join(QStringLiteral(", ")));
        };
        const auto resources = [](int count, int length) {
            QStringList list;
            for (int i = 0; i < count; ++i)
                list.append(QLatin1Char('"') + QString(length, QChar(0x5956)) + QLatin1Char('"'));
            return list.join(QStringLiteral(", "));
        };
        QTest::newRow("minimum above 10^15")
            << withRule(QStringLiteral(R"({"metric": "plays", "window": 0, "min": 1e16})"))
            << "levels[0].rule";
        QTest::newRow("name of 101 characters")
            << one(QStringLiteral(R"({"level": 1, "name_zh": "%1", "rule": %2})")
                       .arg(QString(101, QChar(0x661f)), criterion))
            << "levels[0]";
        QTest::newRow("name of 101 characters outside the BMP")
            << one(QStringLiteral(R"({"level": 1, "name_en": "%1", "rule": %2})")
                       .arg(QString::fromUcs4(std::u32string(101, U'\U0001F3AE').c_str()),
                            criterion))
            << "levels[0]";
        QTest::newRow("51 resources")
            << one(QStringLiteral(R"({"level": 1, %1, "resources": [%2], "rule": %3})")
                       .arg(x, resources(51, 3), criterion))
            << "levels[0].resources";
        QTest::newRow("a resource of 201 characters")
            << one(QStringLiteral(R"({"level": 1, %1, "resources": [%2], "rule": %3})")
                       .arg(x, resources(1, 201), criterion))
            << "levels[0].resources";
        QTest::newRow("a rule of 51 parts") << withRule(criteria(50)) << "levels[0].rule";
        QTest::newRow("a group with another key")
            << withRule(QStringLiteral(R"({"all": [%1], "x": [{}, {}]})").arg(criterion))
            << "levels[0].rule";
        QTest::newRow("a group with another key, deeper")
            << withRule(
                   QStringLiteral(R"({"any": [%1, {"all": [%1], "note": "x"}]})").arg(criterion))
            << "levels[0].rule.any[1]";
        // Good ones.
        QTest::newRow("good: a minimum of 10^15")
            << withRule(QStringLiteral(R"({"metric": "plays", "window": 0, "min": 1e15})")) << "";
        QTest::newRow("good: names of 100 characters, 50 resources of 200")
            << one(QStringLiteral(R"({"level": 1, "name_zh": "%1", "name_en": "%2", )"
                                  R"("resources": [%3], "rule": %4})")
                       .arg(QString(100, QChar(0x661f)),
                            QString::fromUcs4(std::u32string(100, U'\U0001F3AE').c_str()),
                            resources(50, 200), criterion))
            << "";
        QTest::newRow("good: a rule of 50 parts") << withRule(criteria(49)) << "";
        QTest::newRow("good: one level") << withRule(criterion) << "";
        QTest::newRow("good: the generated stores' ladder")
            << QString::fromUtf8(kWorldLadder) << "";
        QTest::newRow("good: the draft") << QString::fromUtf8(kWorldDraft) << "";
        QTest::newRow("good: nested 8 deep") << nested(8) << "";
        QTest::newRow("good: 100 levels") << ladderOf(100) << "";
        QTest::newRow("good: rates 0 and 1")
            << withRule(
                   QStringLiteral(R"({"all": [{"metric": "featured_rate", "window": 0, "min": 0}, )"
                                  R"({"metric": "featured_rate", "window": 365, "min": 1}]})"))
            << "";
        QTest::newRow("good: window 30.0, level 1.0, Chinese name only, no resources")
            << one(QStringLiteral(R"({"level": 1.0, "name_zh": "新人", "resources": [], )"
                                  R"("rule": {"metric": "videos", "window": 30.0, "min": 0}})"))
            << "";
    }

    void shouldCheckALadderAlike()
    {
        QFETCH(QString, ladder);
        QFETCH(QString, path);
        QJsonParseError parsed;
        QJsonDocument::fromJson(ladder.toUtf8(), &parsed);
        QCOMPARE(parsed.error, QJsonParseError::NoError);
        const LevelLadder l = LevelLadder::fromJson(json(ladder));
        const QVariant sql = TestSupport::scalar(
            m_store.installer(), QStringLiteral("SELECT coulisse.level_ladder_error(?::jsonb)"),
            {ladder});
        QVERIFY(sql.isValid());
        if (path.isEmpty()) {
            QVERIFY2(l.isValid(), qPrintable(l.errorString()));
            QVERIFY2(sql.isNull(), qPrintable(sql.toString()));
            return;
        }
        QVERIFY2(!l.isValid(), "C++ takes the ladder");
        QVERIFY2(!sql.isNull(), "the store takes the ladder");
        const QString separator = QStringLiteral(": ");
        QCOMPARE(l.errorString().section(separator, 0, 0), path);
        QCOMPARE(sql.toString().section(separator, 0, 0), path);
    }

    // 3. The metrics ---------------------------------------------------------------------------

    void shouldCountEachMetricInItsWindow_data()
    {
        QTest::addColumn<int>("creator");
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("expected");
        const auto row = [](int creator, const char *key, double expected) {
            QTest::addRow("c%d %s", creator - 100, key)
                << creator << QString::fromLatin1(key) << expected;
        };
        // c1's videos: 1 (23:59:59 on D, featured), 3 (00:00 on D-29, featured), 4 (23:59:59
        // on D-30), 5 (D-89, featured), 6 (D-90), 7 (D-364), 8 (D-365, featured); video 2 is
        // published at 00:00 on D+1: after D, in no window and not in the play counter.
        row(101, "videos:30", 2);
        row(101, "videos:90", 4);
        row(101, "videos:365", 6);
        row(101, "videos:0", 7);
        row(101, "featured:30", 2);
        row(101, "featured:90", 3);
        row(101, "featured:365", 3);
        row(101, "featured:0", 4);
        row(101, "featured_rate:30", 1);
        row(101, "featured_rate:90", 3.0 / 4);
        row(101, "featured_rate:365", 3.0 / 6);
        row(101, "featured_rate:0", 4.0 / 7);
        // Plays of c1's videos: 23:59:59 on D, 00:00 on D-29, D-1, D-3
        // (by c2); 23:59:59 on D-30; two on D-100. Not: 00:00 on D+1, D-365.
        row(101, "plays:30", 4);
        row(101, "plays:90", 5);
        row(101, "plays:365", 7);
        row(101, "plays:0", 100 + 50 + 20 + 1 + 2 + 3 + 4); // the counters, video 2 excluded
        // c1 active on D, D-5 (twice), D-29 (a publication), D-30, D-200, D-400; a push and a
        // featured notice are passive; 00:00 on D+1 is after D.
        row(101, "active_days:30", 3);
        row(101, "active_days:90", 4);
        row(101, "active_days:365", 5);
        row(101, "active_days:0", 6);
        // Followed on D-1, unfollowed on D-2, followed on D-40 and D-400.
        row(101, "followers:30", 0);
        row(101, "followers:90", 1);
        row(101, "followers:365", 1);
        row(101, "followers:0", 2);
        // c2: video 9 at 00:30 on D-10 locally (16:30Z the day before, featured), video 10 on
        // D-40; video 9 played at 00:00 on D-2 and 23:59:59 on D-30 (both written in UTC).
        row(102, "videos:30", 1);
        row(102, "videos:90", 2);
        row(102, "videos:0", 2);
        row(102, "featured:30", 1);
        row(102, "featured_rate:30", 1);
        row(102, "featured_rate:90", 0.5);
        row(102, "featured_rate:0", 0.5);
        row(102, "plays:30", 1);
        row(102, "plays:90", 2);
        row(102, "plays:365", 2);
        row(102, "plays:0", 5);
        row(102, "active_days:30", 1); // the play on D-3; a push is passive
        row(102, "active_days:0", 1);
        row(102, "followers:30", -1);
        row(102, "followers:0", -1);
        // c3: no video; active at 00:00 on D and at 23:59:59 on D-1 (UTC times); followed at
        // 00:00 on D-29 (the id as a string).
        row(103, "videos:0", 0);
        row(103, "featured_rate:30", 0);
        row(103, "featured_rate:0", 0);
        row(103, "plays:30", 0);
        row(103, "plays:0", 0);
        row(103, "active_days:30", 2);
        row(103, "active_days:0", 2);
        row(103, "followers:30", 1);
        row(103, "followers:0", 1);
    }

    void shouldCountEachMetricInItsWindow()
    {
        QFETCH(int, creator);
        QFETCH(QString, key);
        QFETCH(double, expected);
        TestStore &store = facts();
        const QVariant stats = TestSupport::scalar(
            store.installer(),
            QStringLiteral("SELECT stats::text FROM coulisse.creator_levels WHERE user_id = ?"),
            {creator});
        QVERIFY(stats.isValid());
        const QJsonObject o = json(stats.toString());
        // Every metric in every window, nothing else.
        QCOMPARE(o.size(), int(LevelLadder::metrics().size() * LevelLadder::windows().size()));
        QVERIFY2(o.contains(key), qPrintable(stats.toString()));
        const double actual = o.value(key).toDouble();
        QVERIFY2(actual == expected, qPrintable(QStringLiteral("%1 is %2, expected %3")
                                                    .arg(key)
                                                    .arg(actual, 0, 'g', 17)
                                                    .arg(expected, 0, 'g', 17)));
    }

    void shouldPlaceOnlyCreators()
    {
        TestStore &store = facts();
        QCOMPARE(TestSupport::scalar(store.installer(),
                                     QStringLiteral("SELECT string_agg(user_id::text, ' ' ORDER "
                                                    "BY user_id) FROM coulisse.creator_levels"))
                     .toString(),
                 QStringLiteral("101 102 103"));
        // Nothing changed: a second refresh of the same day writes no row.
        QString error;
        const QString pm = store.addStaff(QStringLiteral("pm_again"), QStringLiteral("pm"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QStringList before = levelRows(store.installer());
        const auto again = refresh(store, pm);
        QVERIFY(again);
        QCOMPARE(again->changed, 0);
        QCOMPARE(again->creators, 3);
        QCOMPARE(levelRows(store.installer()), before);
    }

    // 4. Incremental equals full -----------------------------------------------------------------

    void shouldRefreshIncrementallyWhatAFullRefreshGives_data()
    {
        QTest::addColumn<QStringList>("statements"); ///< "refresh": an incremental refresh
        QTest::addColumn<QByteArray>("events");      ///< imported after the statements
        const QDate d = m_asOf;
        const auto day = [&](int back) {
            return local(d.addDays(-back), QTime(12, 0));
        };
        QByteArray more = "time,user_id,event,platform,properties\n";
        for (int back : {-1, 0, 1, 2, 29, 30, 31, 89, 90, 200, 364, 365, 380}) {
            more += event(day(back), 50, "video_play", "{\"video_id\": 12}");
            more += event(day(back), 3, "app_open");
            more += event(day(back), 51, "user_follow", "{\"creator_id\": 4}");
            more += event(day(back), 52, "user_unfollow", "{\"creator_id\": 5}");
        }
        QTest::newRow("events imported on old and recent days") << QStringList() << more;
        QTest::newRow("events deleted")
            << QStringList{QStringLiteral(
                               "DELETE FROM coulisse.events WHERE name IN ('user_follow', "
                               "'video_play') AND at >= '%1' AND at < '%2'")
                               .arg(local(d.addDays(-40), QTime(0, 0)),
                                    local(d.addDays(-20), QTime(0, 0)))}
            << QByteArray();
        QTest::newRow("videos moved to another creator")
            << QStringList{QStringLiteral(
                   "UPDATE coulisse.videos SET uploader_id = uploader_id % 40 + 1 WHERE id IN "
                   "(SELECT id FROM coulisse.videos WHERE uploader_id IS NOT NULL ORDER BY id "
                   "LIMIT 3)")}
            << QByteArray();
        QTest::newRow("featured and play counters changed")
            << QStringList{QStringLiteral("UPDATE coulisse.videos SET featured = NOT featured "
                                          "WHERE id % 17 = 3"),
                           QStringLiteral(
                               "UPDATE coulisse.videos SET plays = plays + 1000 WHERE id % 13 = 5")}
            << QByteArray();
        QTest::newRow("videos published on other days")
            << QStringList{QStringLiteral("UPDATE coulisse.videos SET published_at = "
                                          "published_at + interval '45 days' WHERE id % 11 = 4 "
                                          "AND published_at < now() - interval '60 days'")}
            << QByteArray();
        QTest::newRow("a video's uploader cleared")
            << QStringList{QStringLiteral("UPDATE coulisse.videos SET uploader_id = NULL WHERE id "
                                          "= (SELECT min(id) FROM coulisse.videos WHERE "
                                          "uploader_id IS NOT NULL AND id > 100)")}
            << QByteArray();
        QTest::newRow("videos deleted")
            << QStringList{QStringLiteral("DELETE FROM coulisse.videos WHERE id IN (SELECT id "
                                          "FROM coulisse.videos WHERE uploader_id IS NOT NULL "
                                          "AND id > 150 ORDER BY id LIMIT 2)")}
            << QByteArray();
        QTest::newRow("a video inserted after its plays were imported")
            << QStringList{QStringLiteral(
                               "INSERT INTO coulisse.videos (id, title, game_id, uploader_id, "
                               "source, duration_s, published_at, featured, plays) VALUES "
                               "(900, 'v900', 1, 5, 'pc_recorder', 60, '%1', true, 77)")
                               .arg(local(d.addDays(-120), QTime(9, 0)))}
            << QByteArray();
        QTest::newRow("new videos today and yesterday")
            << QStringList{QStringLiteral(
                               "INSERT INTO coulisse.videos (id, title, game_id, uploader_id, "
                               "source, duration_s, published_at, featured, plays) VALUES "
                               "(901, 'v901', 1, 6, 'pc_recorder', 60, '%1', true, 5), "
                               "(902, 'v902', 1, 6, 'web_upload', 60, '%2', false, 0), "
                               "(903, 'v903', 1, NULL, 'web_upload', 60, '%2', false, 0)")
                               .arg(local(d, QTime(23, 59, 59)), local(d.addDays(-1), QTime(0, 0)))}
            << QByteArray();
        QTest::newRow("a creator written after their events")
            << QStringList{QStringLiteral(
                               "INSERT INTO coulisse.events (at, user_id, name, platform, "
                               "properties) VALUES ('%1', 80, 'app_open', 'app', '{}'), ('%2', "
                               "80, 'app_open', 'app', '{}'), ('%2', 61, 'user_follow', 'app', "
                               "'{\"creator_id\": 80}')")
                               .arg(day(3), day(20)),
                           QStringLiteral("refresh"),
                           QStringLiteral(
                               "INSERT INTO coulisse.users (id, nickname, kind, registered_at, "
                               "platform) VALUES (80, 'u80', 'creator', '%1', 'app')")
                               .arg(day(200))}
            << QByteArray();
        QTest::newRow("a viewer becomes a creator")
            << QStringList{QStringLiteral(
                   "UPDATE coulisse.users SET kind = 'creator' WHERE id = 45")}
            << QByteArray();
    }

    void shouldRefreshIncrementallyWhatAFullRefreshGives()
    {
        QFETCH(QStringList, statements);
        QFETCH(QByteArray, events);
        // One store for every row: each row starts from the full refresh of the one before.
        if (!m_incremental)
            m_incremental = makeWorld(QStringLiteral("levels_inc"), 23, true);
        TestStore &store = *m_incremental->store;
        const QString pm = m_incremental->staff.pm;
        const QStringList start = levelRows(store.installer());
        for (const QString &sql : statements) {
            if (sql == QLatin1String("refresh"))
                QVERIFY(refresh(store, pm)); // an incremental refresh in between
            else
                QCOMPARE(store.exec(sql), QString());
        }
        if (!events.isEmpty())
            QCOMPARE(importEvents(store, QString::fromLatin1(QTest::currentDataTag()), events),
                     QString());
        const auto step = refresh(store, pm);
        QVERIFY(step);
        QVERIFY2(step->changed > 0, "the change changed nobody's metrics: a weak test row");
        const QStringList after = levelRows(store.installer());
        QVERIFY(after != start);
        const auto full = refresh(store, pm, true);
        QVERIFY(full);
        const QStringList rebuilt = levelRows(store.installer());
        QCOMPARE(rebuilt.size(), after.size());
        for (qsizetype i = 0; i < after.size(); ++i)
            QCOMPARE(after.at(i), rebuilt.at(i));
        QCOMPARE(full->changed, 0);
    }

    // 5. Versions ------------------------------------------------------------------------------

    void shouldKeepEveryVersionAndTheDaysItPlaced()
    {
        std::unique_ptr<World> w = makeWorld(QStringLiteral("levels_versions"), 31, false);
        TestStore &store = *w->store;
        const Staff &staff = w->staff;
        QSqlDatabase installer = store.installer();
        const QString v1 = QString::fromUtf8(kWorldLadder);
        const QString v2 = QString::fromUtf8(kWorldDraft);

        // The policy is on by default: v1 waits; its author may not approve it.
        const auto saved = save(store, staff.pm, v1);
        QVERIFY(saved);
        QCOMPARE(saved->version, 1);
        QCOMPARE(saved->state, QStringLiteral("pending"));
        as(store, staff.pm, [](CentralLevels &levels, QSqlDatabase &) {
            QVERIFY(!levels.decide(1, true));
            QVERIFY2(levels.errorString().contains(QLatin1String("SQLSTATE 42501")),
                     qPrintable(levels.errorString()));
        });
        as(store, staff.supervisor, [](CentralLevels &levels, QSqlDatabase &) {
            QVERIFY2(levels.decide(1, true, QStringLiteral("fine")),
                     qPrintable(levels.errorString()));
        });
        const auto first = refresh(store, staff.pm);
        QVERIFY(first);
        QCOMPARE(first->ladderVersion, 1);
        QCOMPARE(first->creators, 40);
        const QString distributionSql = QStringLiteral(
            "SELECT string_agg(format('%s:%s:%s', level, creators, refresh_id), ' ' ORDER BY "
            "level) FROM coulisse.level_distribution WHERE day = ?::date AND ladder_version = ?");
        const auto distribution = [&](const QDate &day, int version) {
            return TestSupport::scalar(installer, distributionSql,
                                       {day.toString(Qt::ISODate), version})
                .toString();
        };
        const QString dayUnderV1 = distribution(m_asOf, 1);
        QVERIFY(!dayUnderV1.isEmpty());

        // v2 waits, a second product manager approves it.
        const auto second = save(store, staff.pm, v2);
        QVERIFY(second);
        QCOMPARE(second->version, 2);
        QCOMPARE(second->state, QStringLiteral("pending"));
        as(store, staff.pm2, [](CentralLevels &levels, QSqlDatabase &) {
            QVERIFY2(levels.decide(2, true), qPrintable(levels.errorString()));
        });
        QCOMPARE(distribution(m_asOf, 1), dayUnderV1);
        const QString dayUnderV2 = distribution(m_asOf, 2);
        QVERIFY(!dayUnderV2.isEmpty());
        QVERIFY(dayUnderV2 != dayUnderV1);
        QCOMPARE(TestSupport::scalar(installer,
                                     QStringLiteral("SELECT string_agg(version || ' ' || state, "
                                                    "', ' ORDER BY version) FROM "
                                                    "coulisse.level_ladders"))
                     .toString(),
                 QStringLiteral("1 retired, 2 active"));
        QCOMPARE(TestSupport::scalar(installer, QStringLiteral("SELECT string_agg(DISTINCT "
                                                               "ladder_version::text, ' ') FROM "
                                                               "coulisse.creator_levels"))
                     .toString(),
                 QStringLiteral("2"));
        // The day's rows under v2 are every creator placed by v2, as C++ places them.
        const LevelLadder ladder2 = LevelLadder::fromJson(json(v2));
        QMap<int, int> expected;
        {
            QSqlQuery q(installer);
            QVERIFY(q.exec(QStringLiteral("SELECT stats::text FROM coulisse.creator_levels")));
            while (q.next()) {
                LevelLadder::Stats stats;
                const QJsonObject o = json(q.value(0).toString());
                for (auto it = o.begin(); it != o.end(); ++it)
                    stats.insert(it.key(), it.value().toDouble());
                ++expected[ladder2.standing(stats).level];
            }
        }
        QStringList counts;
        for (auto it = expected.begin(); it != expected.end(); ++it)
            counts.append(QStringLiteral("%1:%2").arg(it.key()).arg(it.value()));
        QCOMPARE(TestSupport::scalar(installer,
                                     QStringLiteral("SELECT string_agg(format('%s:%s', level, "
                                                    "creators), ' ' ORDER BY level) FROM "
                                                    "coulisse.level_distribution WHERE day = "
                                                    "?::date AND ladder_version = 2"),
                                     {m_asOf.toString(Qt::ISODate)})
                     .toString(),
                 counts.join(QLatin1Char(' ')));

        // Versions are never deleted, not even by the installer.
        QSqlQuery remove(installer);
        QVERIFY(
            !remove.exec(QStringLiteral("DELETE FROM coulisse.level_ladders WHERE version = 1")));
        QCOMPARE(CentralConnection::sqlState(remove.lastError()), QStringLiteral("42501"));
        as(store, staff.pm, [](CentralLevels &, QSqlDatabase &db) {
            QSqlQuery q(db);
            QVERIFY(!q.exec(QStringLiteral("DELETE FROM coulisse.level_ladders")));
            QCOMPARE(CentralConnection::sqlState(q.lastError()), QStringLiteral("42501"));
        });
        QCOMPARE(TestSupport::scalar(installer,
                                     QStringLiteral("SELECT count(*) FROM coulisse.level_ladders"))
                     .toInt(),
                 2);

        // A third version waiting changes nobody.
        const QStringList placed = levelRows(installer);
        const auto third = save(store, staff.pm2, ladderOf(2));
        QVERIFY(third);
        QCOMPARE(third->state, QStringLiteral("pending"));
        QCOMPARE(levelRows(installer), placed);
        QCOMPARE(TestSupport::scalar(installer, QStringLiteral("SELECT count(*) FROM "
                                                               "coulisse.level_ladders WHERE "
                                                               "state = 'active'"))
                     .toInt(),
                 1);

        // The past: v1 active from noon on D-10, v2 from noon on D-4 (moved back by hand).
        QCOMPARE(store.exec(QStringLiteral("UPDATE coulisse.level_ladders SET activated_at = '%1' "
                                           "WHERE version = 1")
                                .arg(local(m_asOf.addDays(-10), QTime(12, 0)))),
                 QString());
        QCOMPARE(store.exec(QStringLiteral("UPDATE coulisse.level_ladders SET activated_at = '%1' "
                                           "WHERE version = 2")
                                .arg(local(m_asOf.addDays(-4), QTime(12, 0)))),
                 QString());
        std::optional<int> written;
        as(store, staff.pm, [&](CentralLevels &levels, QSqlDatabase &) {
            written = levels.backfill(m_asOf.addDays(-6), m_asOf.addDays(-6));
            QVERIFY2(written, qPrintable(levels.errorString()));
        });
        QCOMPARE(written.value_or(-1), 1);
        const QString dayMinus6 = distribution(m_asOf.addDays(-6), 1);
        QVERIFY(!dayMinus6.isEmpty());
        // New events on D-6 would change that day's numbers; a backfill leaves the day alone.
        QByteArray csv = "time,user_id,event,platform,properties\n";
        for (int c = 1; c <= 40; ++c)
            csv += event(local(m_asOf.addDays(-6), QTime(10, 0)), 60, "user_follow",
                         "{\"creator_id\": " + QByteArray::number(c) + "}");
        QCOMPARE(importEvents(store, QStringLiteral("versions.csv"), csv), QString());
        QVERIFY(refresh(store, staff.pm));
        as(store, staff.admin, [&](CentralLevels &levels, QSqlDatabase &) {
            written = levels.backfill(m_asOf.addDays(-12), m_asOf.addDays(-1));
            QVERIFY2(written, qPrintable(levels.errorString()));
        });
        // D-12, D-11: no version yet; D-10 … D-5 under v1 but D-6; D-4 … D-1 under v2.
        QCOMPARE(written.value_or(-1), 9);
        QCOMPARE(distribution(m_asOf.addDays(-6), 1), dayMinus6);
        QCOMPARE(distribution(m_asOf, 1), dayUnderV1);
        for (int back = 12; back >= 1; --back) {
            const QDate day = m_asOf.addDays(-back);
            const int version = back >= 11 ? 0 : back >= 5 ? 1 : 2;
            QCOMPARE(TestSupport::scalar(installer,
                                         QStringLiteral("SELECT coalesce(string_agg(DISTINCT "
                                                        "ladder_version::text, ' '), '0') FROM "
                                                        "coulisse.level_distribution WHERE day = "
                                                        "?::date"),
                                         {day.toString(Qt::ISODate)})
                         .toString(),
                     QString::number(version));
            if (version == 0 || back == 6)
                continue;
            // What the day's stats give under that version's ladder.
            QCOMPARE(TestSupport::scalar(
                         installer,
                         QStringLiteral(
                             "SELECT (SELECT string_agg(format('%s:%s', level, creators), ' ' "
                             "ORDER BY level) FROM coulisse.level_distribution WHERE day = d "
                             "AND ladder_version = v) = (SELECT string_agg(format('%s:%s', "
                             "level, n), ' ' ORDER BY level) FROM (SELECT st.level, count(*) AS "
                             "n FROM coulisse.creator_stats_at(d) s CROSS JOIN LATERAL "
                             "coulisse.level_standing((SELECT ladder FROM coulisse.level_ladders "
                             "WHERE version = v), s.stats) st GROUP BY st.level) x) FROM (SELECT "
                             "?::date AS d, ?::integer AS v) p"),
                         {day.toString(Qt::ISODate), version})
                         .toBool(),
                     true);
        }
        // Again: every day has its rows.
        as(store, staff.pm, [&](CentralLevels &levels, QSqlDatabase &) {
            written = levels.backfill(m_asOf.addDays(-12), m_asOf.addDays(-1));
        });
        QCOMPARE(written.value_or(-1), 0);
    }

    // 6. Who may do what -----------------------------------------------------------------------

    void shouldLetEachRoleDoItsPart_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("sqlState"); ///< empty: allowed
        QTest::newRow("editor saves") << "editor"
                                      << "save"
                                      << "42501";
        QTest::newRow("admin saves") << "admin"
                                     << "save"
                                     << "42501";
        QTest::newRow("supervisor saves") << "supervisor"
                                          << "save"
                                          << "42501";
        QTest::newRow("pm saves") << "pm"
                                  << "save"
                                  << "";
        QTest::newRow("editor refreshes") << "editor"
                                          << "refresh"
                                          << "42501";
        QTest::newRow("supervisor refreshes") << "supervisor"
                                              << "refresh"
                                              << "42501";
        QTest::newRow("pm refreshes") << "pm"
                                      << "refresh"
                                      << "";
        QTest::newRow("admin refreshes") << "admin"
                                         << "refresh"
                                         << "";
        QTest::newRow("editor backfills") << "editor"
                                          << "backfill"
                                          << "42501";
        QTest::newRow("pm backfills") << "pm"
                                      << "backfill"
                                      << "";
        QTest::newRow("editor decides") << "editor"
                                        << "decide"
                                        << "42501";
        QTest::newRow("admin decides") << "admin"
                                       << "decide"
                                       << "42501";
    }

    void shouldLetEachRoleDoItsPart()
    {
        QFETCH(QString, role);
        QFETCH(QString, action);
        QFETCH(QString, sqlState);
        const QString who = staffName(m_staff, role);
        as(m_store, who, [&](CentralLevels &levels, QSqlDatabase &) {
            bool ok = false;
            if (action == QLatin1String("save")) {
                const auto saved = levels.save(json(ladderOf(1)), {});
                ok = bool(saved);
                // Taken back at once: one version waits at a time.
                if (saved && saved->state == QLatin1String("pending"))
                    QVERIFY2(levels.withdraw(saved->version), qPrintable(levels.errorString()));
            } else if (action == QLatin1String("refresh")) {
                ok = bool(levels.refresh(m_asOf));
            } else if (action == QLatin1String("backfill")) {
                ok = bool(levels.backfill(m_asOf.addDays(-3), m_asOf.addDays(-1)));
            } else {
                ok = levels.decide(1, true);
            }
            if (sqlState.isEmpty()) {
                QVERIFY2(ok, qPrintable(levels.errorString()));
            } else {
                QVERIFY(!ok);
                QVERIFY2(levels.errorString().contains(QStringLiteral("SQLSTATE ") + sqlState),
                         qPrintable(levels.errorString()));
            }
        });
    }

    void shouldRefuseAnInvalidLadderWithItsPlace_data()
    {
        QTest::addColumn<QString>("ladder");
        QTest::addColumn<QString>("place");
        QTest::newRow("unknown metric")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"all": [{"metric": "videos", "window": 0, "min": 1}, {"metric": "likes", "window": 0, "min": 1}]}}]})"
            << "levels[0].rule.all[1]: unknown metric \"likes\"";
        QTest::newRow("rate above 1")
            << R"({"levels": [{"level": 1, "name_en": "x", "rule": {"metric": "featured_rate", "window": 30, "min": 2}}]})"
            << "levels[0].rule: the minimum of a rate is from 0 to 1";
    }

    void shouldRefuseAnInvalidLadderWithItsPlace()
    {
        QFETCH(QString, ladder);
        QFETCH(QString, place);
        const int before =
            TestSupport::scalar(m_store.installer(),
                                QStringLiteral("SELECT count(*) FROM coulisse.level_ladders"))
                .toInt();
        QString error;
        QVERIFY(!save(m_store, m_staff.pm, ladder, &error));
        QVERIFY2(error.contains(QLatin1String("SQLSTATE 23514")), qPrintable(error));
        QVERIFY2(error.contains(place), qPrintable(error));
        QCOMPARE(TestSupport::scalar(m_store.installer(),
                                     QStringLiteral("SELECT count(*) FROM coulisse.level_ladders"))
                     .toInt(),
                 before);
    }

    void shouldLetOneVersionWaitAndOnlyItsAuthorWithdrawIt()
    {
        const auto waiting = save(m_store, m_staff.pm, ladderOf(3));
        QVERIFY(waiting);
        QCOMPARE(waiting->state, QStringLiteral("pending"));
        const int version = waiting->version;
        QString error;
        QVERIFY(!save(m_store, m_staff.pm2, ladderOf(4), &error));
        QVERIFY2(error.contains(QLatin1String("SQLSTATE 55000")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("version %1 already waits").arg(version)),
                 qPrintable(error));
        as(m_store, m_staff.pm2, [&](CentralLevels &levels, QSqlDatabase &) {
            QVERIFY(!levels.withdraw(version));
            QVERIFY2(levels.errorString().contains(QLatin1String("is not yours")),
                     qPrintable(levels.errorString()));
        });
        as(m_store, m_staff.supervisor, [&](CentralLevels &levels, QSqlDatabase &) {
            QVERIFY(!levels.withdraw(version));
            QVERIFY2(levels.errorString().contains(QLatin1String("SQLSTATE 42501")),
                     qPrintable(levels.errorString()));
        });
        as(m_store, m_staff.pm, [&](CentralLevels &levels, QSqlDatabase &) {
            QVERIFY2(levels.withdraw(version), qPrintable(levels.errorString()));
            // Withdrawn is final.
            QVERIFY(!levels.withdraw(version));
            QVERIFY(!levels.decide(version, true));
        });
        QCOMPARE(TestSupport::scalar(m_store.installer(),
                                     QStringLiteral("SELECT state || ' ' || decided_by FROM "
                                                    "coulisse.level_ladders WHERE version = ?"),
                                     {version})
                     .toString(),
                 QStringLiteral("withdrawn ") + m_staff.pm);
        // The next one may wait.
        const auto next = save(m_store, m_staff.pm2, ladderOf(4));
        QVERIFY(next);
        QCOMPARE(next->state, QStringLiteral("pending"));
        as(m_store, m_staff.pm2,
           [&](CentralLevels &levels, QSqlDatabase &) { QVERIFY(levels.withdraw(next->version)); });
    }

    // 7. The what-if preview is what a save gives ----------------------------------------------

    void shouldPlaceCreatorsWhereTheWhatIfSaid()
    {
        World &w = world();
        SyncEngine::Report r = sync(*w.store, w.staff.pm, cachePath());
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.levelsChanged);
        QCOMPARE(r.levelRows, qint64(40));

        CacheDatabase cache;
        QVERIFY(cache.open(cachePath()));
        const QHash<qint64, int> before = cachedLevels(cache);
        QCOMPARE(before.size(), 40);
        LevelWhatIf whatIf;
        QVERIFY2(whatIf.load(cache.database()), qPrintable(whatIf.errorString()));
        QCOMPARE(whatIf.creatorCount(), 40);
        // The active ladder moves nobody.
        const LevelWhatIf::Result same =
            whatIf.evaluate(LevelLadder::fromJson(json(QString::fromUtf8(kWorldLadder))));
        QCOMPARE(same.moves.size(), 0);
        const LevelLadder draft = LevelLadder::fromJson(json(QString::fromUtf8(kWorldDraft)));
        QVERIFY2(draft.isValid(), qPrintable(draft.errorString()));
        const LevelWhatIf::Result preview = whatIf.evaluate(draft);
        QVERIFY2(preview.up > 0 && preview.down > 0,
                 qPrintable(QStringLiteral("%1 up, %2 down").arg(preview.up).arg(preview.down)));
        QCOMPARE(preview.creators, 40);
        LevelMovesModel moves;
        QAbstractItemModelTester tester(&moves,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        moves.setMoves(preview.moves);
        QCOMPARE(moves.rowCount(), int(preview.moves.size()));
        QCOMPARE(preview.up + preview.down, int(preview.moves.size()));

        // Saved with the policy off: active at once, every creator placed again.
        const auto saved = save(*w.store, w.staff.pm, QString::fromUtf8(kWorldDraft));
        QVERIFY(saved);
        QCOMPARE(saved->state, QStringLiteral("active"));
        cache.close();
        r = sync(*w.store, w.staff.pm, cachePath());
        QVERIFY2(r.ok, qPrintable(r.error));
        // Every row names the new version: every row is taken.
        QCOMPARE(r.levelRows, qint64(40));
        QVERIFY(cache.open(cachePath()));
        const QHash<qint64, int> after = cachedLevels(cache);
        QCOMPARE(after.size(), 40);
        QHash<qint64, int> moved;
        for (const LevelWhatIf::Move &m : preview.moves)
            moved.insert(m.userId, m.proposed);
        QList<int> counts(preview.proposed.size(), 0);
        for (auto it = after.begin(); it != after.end(); ++it) {
            QCOMPARE(it.value(), moved.value(it.key(), before.value(it.key())));
            ++counts[it.value()];
        }
        QCOMPARE(counts, preview.proposed);
        // And central says the same.
        QCOMPARE(TestSupport::scalar(w.store->installer(),
                                     QStringLiteral("SELECT count(*) FROM coulisse.creator_levels "
                                                    "WHERE ladder_version = ?"),
                                     {saved->version})
                     .toInt(),
                 40);
        QSqlQuery q(w.store->installer());
        QVERIFY(q.exec(QStringLiteral("SELECT user_id, level, encode(float8send(progress), "
                                      "'hex') FROM coulisse.creator_levels")));
        QHash<qint64, double> progress;
        for (const LevelWhatIf::Move &m : preview.moves)
            progress.insert(m.userId, m.progress);
        while (q.next()) {
            QCOMPARE(q.value(1).toInt(), after.value(q.value(0).toLongLong()));
            if (progress.contains(q.value(0).toLongLong()))
                QVERIFY(fromFloat8Hex(q.value(2).toString()) ==
                        progress.value(q.value(0).toLongLong()));
        }
    }

    // 8. The levels' sync ----------------------------------------------------------------------

    void shouldSyncOnlyTheRowsThatChanged()
    {
        World &w = world();
        SyncEngine::Report r = sync(*w.store, w.staff.pm, cachePath());
        QVERIFY2(r.ok, qPrintable(r.error));
        // Nothing new: nothing taken.
        r = sync(*w.store, w.staff.pm, cachePath());
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(!r.levelsChanged);
        QCOMPARE(r.levelRows, qint64(0));

        // Two creators gain a follower yesterday: their rows change, nobody else's.
        QByteArray csv = "time,user_id,event,platform,properties\n";
        csv +=
            event(local(m_asOf.addDays(-1), QTime(9, 0)), 66, "user_follow", "{\"creator_id\": 3}");
        csv +=
            event(local(m_asOf.addDays(-1), QTime(9, 5)), 66, "user_follow", "{\"creator_id\": 5}");
        QCOMPARE(importEvents(*w.store, QStringLiteral("two.csv"), csv), QString());
        const auto step = refresh(*w.store, w.staff.pm);
        QVERIFY(step);
        QCOMPARE(step->changed, 2);
        {
            CacheDatabase cache;
            QVERIFY(cache.open(cachePath()));
            const QString owner =
                SyncState::stateValue(cache.database(), QStringLiteral("levels_owner"));
            QVERIFY(!owner.isEmpty());
            QString error;
            QSqlDatabase central = w.store->login(w.staff.pm, &error, QStringLiteral("levelssync"));
            QVERIFY2(central.isOpen(), qPrintable(error));
            LevelsSync levels(cache, central, owner);
            LevelsSync::Result result;
            QVERIFY2(levels.run(&result), qPrintable(levels.errorString()));
            QVERIFY(result.changed);
            QVERIFY(!result.full);
            QCOMPARE(result.rows, qint64(2));
            QSqlQuery q(cache.database());
            QVERIFY(q.exec(QStringLiteral("SELECT stats FROM creator_levels WHERE user_id = 3")));
            QVERIFY(q.next());
            QCOMPARE(json(q.value(0).toString()),
                     json(TestSupport::scalar(w.store->installer(),
                                              QStringLiteral("SELECT stats::text FROM "
                                                             "coulisse.creator_levels WHERE "
                                                             "user_id = 3"))
                              .toString()));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("levelssync"));

        // A creator becomes a viewer: gone from central's levels and, all rows taken, the
        // cache's.
        QCOMPARE(w.store->exec(QStringLiteral("UPDATE coulisse.users SET kind = 'viewer' WHERE "
                                              "id = 7")),
                 QString());
        const auto gone = refresh(*w.store, w.staff.pm);
        QVERIFY(gone);
        QCOMPARE(gone->creators, 39);
        r = sync(*w.store, w.staff.pm, cachePath());
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.levelsChanged);
        QCOMPARE(r.levelRows, qint64(39));
        CacheDatabase cache;
        QVERIFY(cache.open(cachePath()));
        const QHash<qint64, int> cached = cachedLevels(cache);
        QCOMPARE(cached.size(), 39);
        QVERIFY(!cached.contains(7));
        QCOMPARE(cached, storedLevels(*w.store));
    }

    // 9. coulisse-cli levels -------------------------------------------------------------------

    void shouldRefuseALadderFileWithASyntaxError()
    {
        World &w = world();
        // A comma missing after "videos" on line 3.
        const QString path =
            writeFile(QStringLiteral("bad-ladder.json"),
                      "{\"levels\": [\n"
                      "  {\"level\": 1, \"name_en\": \"x\",\n"
                      "   \"rule\": {\"metric\": \"videos\" \"window\": 0, \"min\": 1}}]}\n");
        QVERIFY(!path.isEmpty());
        const auto count = [&](const char *table) {
            return TestSupport::scalar(
                       w.store->installer(),
                       QStringLiteral("SELECT count(*) FROM coulisse.%1").arg(QLatin1String(table)))
                .toLongLong();
        };
        const qint64 ladders = count("level_ladders");
        const qint64 refreshes = count("level_refreshes");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), w.store->password());
        const TestSupport::CliRun run =
            TestSupport::runCli({QStringLiteral("levels"), QStringLiteral("save"),
                                 QStringLiteral("--url"), w.store->conninfo(w.staff.pm), path},
                                env);
        QCOMPARE(run.code, 1);
        // Line 3, column 33: Qt's parser stops inside "window", just after its opening quote
        // (column 32).
        QVERIFY2(run.err.startsWith(path + QStringLiteral(":3:33: ")), qPrintable(run.err));
        QCOMPARE(count("level_ladders"), ladders);
        QCOMPARE(count("level_refreshes"), refreshes);
    }

    void shouldPrintTheWhatIfOfALadderFile()
    {
        World &w = world();
        const SyncEngine::Report r = sync(*w.store, w.staff.pm, cachePath());
        QVERIFY2(r.ok, qPrintable(r.error));
        // The generated stores' first ladder against what is active now (the draft).
        const QString path = writeFile(QStringLiteral("ladder.json"), kWorldLadder);
        LevelWhatIf::Result expected;
        {
            CacheDatabase cache;
            QVERIFY(cache.open(cachePath()));
            LevelWhatIf whatIf;
            QVERIFY(whatIf.load(cache.database()));
            expected =
                whatIf.evaluate(LevelLadder::fromJson(json(QString::fromUtf8(kWorldLadder))));
        }
        QVERIFY(expected.up > 0 && expected.down > 0);
        const TestSupport::CliRun run = TestSupport::runCli(
            {QStringLiteral("levels"), QStringLiteral("whatif"), QStringLiteral("--cache"),
             cachePath(), QStringLiteral("--list"), path});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.startsWith(QStringLiteral("%1 creators: %2 up, %3 down, %4 stay.\n")
                                        .arg(expected.creators)
                                        .arg(expected.up)
                                        .arg(expected.down)
                                        .arg(expected.creators - expected.up - expected.down)),
                 qPrintable(run.out));
        QCOMPARE(int(run.out.count(QLatin1String(" -> "))),
                 int(expected.proposed.size() + expected.moves.size()));
    }

    // 10. Two people, editors, deleted creators, definitions, bulk loads ------------------------
    // (Last: these change the generated store's ladder and definitions.)

    void shouldRefuseADraftStartedBeforeANewerVersion()
    {
        World &w = world();
        const auto activeVersion = [&] {
            return TestSupport::scalar(w.store->installer(),
                                       QStringLiteral("SELECT version FROM coulisse.level_ladders "
                                                      "WHERE state = 'active'"))
                .toInt();
        };
        const int base = activeVersion();
        QVERIFY(base > 0);
        // pm2 saves version base+1 (no approval in this store) while pm drafts from base.
        std::optional<CentralLevels::Saved> theirs;
        as(*w.store, w.staff.pm2, [&](CentralLevels &levels, QSqlDatabase &) {
            theirs = levels.save(json(ladderOf(2)), QStringLiteral("theirs"), base);
            QVERIFY2(theirs, qPrintable(levels.errorString()));
        });
        QVERIFY(theirs);
        QCOMPARE(activeVersion(), theirs->version);
        const int ladders =
            TestSupport::scalar(w.store->installer(),
                                QStringLiteral("SELECT count(*) FROM coulisse.level_ladders"))
                .toInt();
        as(*w.store, w.staff.pm, [&](CentralLevels &levels, QSqlDatabase &) {
            QVERIFY(!levels.save(json(ladderOf(3)), QStringLiteral("mine"), base));
            QVERIFY2(levels.errorString().contains(QLatin1String("SQLSTATE 40001")),
                     qPrintable(levels.errorString()));
            QVERIFY2(levels.errorString().contains(
                         QStringLiteral("version %1 became active after your draft started from "
                                        "version %2")
                             .arg(theirs->version)
                             .arg(base)),
                     qPrintable(levels.errorString()));
        });
        QCOMPARE(TestSupport::scalar(w.store->installer(),
                                     QStringLiteral("SELECT count(*) FROM coulisse.level_ladders"))
                     .toInt(),
                 ladders);
        QCOMPARE(activeVersion(), theirs->version);
        // Drafted from the newest, or from nothing said (the CLI without --base), it goes in.
        as(*w.store, w.staff.pm, [&](CentralLevels &levels, QSqlDatabase &) {
            const auto mine =
                levels.save(json(ladderOf(3)), QStringLiteral("mine"), theirs->version);
            QVERIFY2(mine, qPrintable(levels.errorString()));
            const auto back = levels.save(json(QString::fromUtf8(kWorldLadder)), {});
            QVERIFY2(back, qPrintable(levels.errorString()));
        });
        // The CLI's --base says the same.
        const QString path = writeFile(QStringLiteral("base.json"), ladderOf(4).toUtf8());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PGPASSWORD"), w.store->password());
        const TestSupport::CliRun run = TestSupport::runCli(
            {QStringLiteral("levels"), QStringLiteral("save"), QStringLiteral("--url"),
             w.store->conninfo(w.staff.pm), QStringLiteral("--base"), QString::number(base), path},
            env);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains(QLatin1String("became active after your draft")),
                 qPrintable(run.err));
        const TestSupport::CliRun bad = TestSupport::runCli(
            {QStringLiteral("levels"), QStringLiteral("save"), QStringLiteral("--url"),
             w.store->conninfo(w.staff.pm), QStringLiteral("--base"), QStringLiteral("two"), path},
            env);
        QCOMPARE(bad.code, 2);
        QVERIFY2(bad.err.contains(QLatin1String("--base")), qPrintable(bad.err));
    }

    void shouldKeepTheReasonForADecisionApartFromTheNote()
    {
        const auto waiting = save(m_store, m_staff.pm, ladderOf(5));
        QVERIFY(waiting);
        QCOMPARE(waiting->state, QStringLiteral("pending"));
        as(m_store, m_staff.supervisor, [&](CentralLevels &levels, QSqlDatabase &) {
            QVERIFY(!levels.decide(waiting->version, false, QString(1001, QLatin1Char('x'))));
            QVERIFY2(levels.errorString().contains(QLatin1String("at most 1000 characters")),
                     qPrintable(levels.errorString()));
            QVERIFY2(levels.decide(waiting->version, false, QStringLiteral("门槛太高")),
                     qPrintable(levels.errorString()));
            const auto list = levels.ladders();
            QVERIFY(list);
            const auto it = std::find_if(list->begin(), list->end(), [&](const auto &l) {
                return l.version == waiting->version;
            });
            QVERIFY(it != list->end());
            QCOMPARE(it->state, QStringLiteral("rejected"));
            QCOMPARE(it->note, QStringLiteral("test"));
            QCOMPARE(it->decisionNote, QStringLiteral("门槛太高"));
            QCOMPARE(it->decidedBy, m_staff.supervisor);
        });
        // A cache takes it along.
        const QString file = m_dir.filePath(QStringLiteral("decision.sqlite"));
        const SyncEngine::Report r = sync(m_store, m_staff.pm, file);
        QVERIFY2(r.ok, qPrintable(r.error));
        CacheDatabase cache;
        QVERIFY(cache.open(file));
        QString error;
        const QList<CentralLevels::Ladder> cached = CacheLevels::ladders(cache.database(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto it = std::find_if(cached.begin(), cached.end(),
                                     [&](const auto &l) { return l.version == waiting->version; });
        QVERIFY(it != cached.end());
        QCOMPARE(it->decisionNote, QStringLiteral("门槛太高"));
        QCOMPARE(it->note, QStringLiteral("test"));
    }

    void shouldShowEditorsLevelsWithoutTheFiguresBehindThem()
    {
        World &w = world();
        as(*w.store, w.staff.editor, [&](CentralLevels &, QSqlDatabase &db) {
            QSqlQuery q(db);
            QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM (SELECT user_id, level, "
                                           "progress, ladder_version, refresh_id FROM "
                                           "coulisse.creator_levels) x")),
                     qPrintable(q.lastError().text()));
            for (const char *sql : {"SELECT stats FROM coulisse.creator_levels",
                                    "SELECT * FROM coulisse.level_distribution"}) {
                QVERIFY2(!q.exec(QLatin1String(sql)), sql);
                QVERIFY2(q.lastError().nativeErrorCode() == QLatin1String("42501"),
                         qPrintable(q.lastError().text()));
            }
        });
        const QString file = m_dir.filePath(QStringLiteral("editor.sqlite"));
        SyncEngine::Report r = sync(*w.store, w.staff.editor, file);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.levelsChanged);
        {
            CacheDatabase cache;
            QVERIFY(cache.open(file));
            const QHash<qint64, int> cached = cachedLevels(cache);
            QVERIFY(!cached.isEmpty());
            QCOMPARE(cached, storedLevels(*w.store));
            QCOMPARE(TestSupport::scalar(cache.database(),
                                         QStringLiteral("SELECT count(*) FROM creator_levels "
                                                        "WHERE stats <> '{}'"))
                         .toInt(),
                     0);
            QCOMPARE(TestSupport::scalar(cache.database(),
                                         QStringLiteral("SELECT count(*) FROM level_distribution"))
                         .toInt(),
                     0);
        }
        // The same cache signed in as a product manager takes the figures.
        r = sync(*w.store, w.staff.pm, file);
        QVERIFY2(r.ok, qPrintable(r.error));
        CacheDatabase cache;
        QVERIFY(cache.open(file));
        QCOMPARE(TestSupport::scalar(cache.database(),
                                     QStringLiteral("SELECT count(*) FROM creator_levels "
                                                    "WHERE stats = '{}'"))
                     .toInt(),
                 0);
        QVERIFY(TestSupport::scalar(cache.database(),
                                    QStringLiteral("SELECT count(*) FROM level_distribution"))
                    .toInt() > 0);
    }

    void shouldTakeAwayTheLevelOfADeletedCreator()
    {
        World &w = world();
        SyncEngine::Report r = sync(*w.store, w.staff.pm, cachePath());
        QVERIFY2(r.ok, qPrintable(r.error));
        const int before =
            TestSupport::scalar(w.store->installer(), QStringLiteral("SELECT count(*) FROM "
                                                                     "coulisse.creator_levels"))
                .toInt();
        QCOMPARE(w.store->exec(QStringLiteral("DELETE FROM coulisse.users WHERE id = 9")),
                 QString());
        // Noted; the next refresh (which holds the levels lock) announces it.
        QCOMPARE(TestSupport::scalar(w.store->installer(),
                                     QStringLiteral("SELECT string_agg(user_id::text, ',') FROM "
                                                    "coulisse.level_removals"))
                     .toString(),
                 QStringLiteral("9"));
        const auto announced = refresh(*w.store, w.staff.pm);
        QVERIFY(announced);
        QCOMPARE(announced->creators, before - 1);
        QCOMPARE(
            TestSupport::scalar(w.store->installer(),
                                QStringLiteral("SELECT full_sync FROM coulisse.level_refreshes "
                                               "WHERE id = ?"),
                                {announced->id})
                .toBool(),
            true);
        QCOMPARE(TestSupport::scalar(w.store->installer(),
                                     QStringLiteral("SELECT count(*) FROM coulisse.level_removals"))
                     .toInt(),
                 0);
        r = sync(*w.store, w.staff.pm, cachePath());
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(r.levelsChanged);
        QVERIFY(r.levelRows >= before - 1);
        {
            CacheDatabase cache;
            QVERIFY(cache.open(cachePath()));
            const QHash<qint64, int> cached = cachedLevels(cache);
            QCOMPARE(int(cached.size()), before - 1);
            QVERIFY(!cached.contains(9));
        }
        // A refresh that finds nothing gone says so.
        const auto next = refresh(*w.store, w.staff.pm);
        QVERIFY(next);
        QCOMPARE(
            TestSupport::scalar(w.store->installer(),
                                QStringLiteral("SELECT full_sync FROM coulisse.level_refreshes "
                                               "WHERE id = ?"),
                                {next->id})
                .toBool(),
            false);
    }

    void shouldCountEventsAWriterCommitsDuringARefresh()
    {
        World &w = world();
        QVERIFY(refresh(*w.store, w.staff.pm));
        const QString day = local(m_asOf.addDays(-1), QTime(13, 0));
        const auto followers = [&] {
            return TestSupport::scalar(w.store->installer(),
                                       QStringLiteral("SELECT (stats ->> 'followers:30')::integer "
                                                      "FROM coulisse.creator_levels WHERE "
                                                      "user_id = 3"))
                .toInt();
        };
        const int before = followers();
        const QString insert =
            QStringLiteral("INSERT INTO coulisse.events (at, user_id, name, platform, properties) "
                           "VALUES ('%1', 61, 'user_follow', 'app', '{\"creator_id\": 3}')")
                .arg(day);
        // The day is marked by a committed import, then a writer adds to it and has not
        // committed when a refresh starts: the refresh waits for it, and counts both.
        QCOMPARE(w.store->exec(insert), QString());
        const QString writerName = QStringLiteral("levels-writer");
        {
            QString error;
            QSqlDatabase writer = CentralConnection::open(w.store->conninfo(), writerName, &error);
            QVERIFY2(writer.isOpen(), qPrintable(error));
            QSqlQuery q(writer);
            QVERIFY(q.exec(QStringLiteral("BEGIN")));
            QVERIFY2(q.exec(insert), qPrintable(q.lastError().text()));
            const QString conninfo = w.store->conninfo(w.staff.pm);
            const QString password = w.store->password();
            const QDate asOf = m_asOf;
            QFuture<QString> refreshing = QtConcurrent::run([conninfo, password, asOf] {
                QString result;
                {
                    QString error;
                    QSqlDatabase db = CentralConnection::open(conninfo, QStringLiteral("levels-rt"),
                                                              &error, password);
                    if (!db.isOpen())
                        return error;
                    CentralLevels levels(db);
                    if (!levels.refresh(asOf))
                        result = levels.errorString();
                }
                QSqlDatabase::removeDatabase(QStringLiteral("levels-rt"));
                return result;
            });
            QTest::qWait(1500);
            QVERIFY2(!refreshing.isFinished(), "the refresh did not wait for the writer");
            QVERIFY(q.exec(QStringLiteral("COMMIT")));
            refreshing.waitForFinished();
            QCOMPARE(refreshing.result(), QString());
        }
        QSqlDatabase::removeDatabase(writerName);
        QCOMPARE(followers(), before + 2);
        // Nothing counted twice by the next one.
        QVERIFY(refresh(*w.store, w.staff.pm));
        QCOMPARE(followers(), before + 2);
    }

    void shouldCountAgainWhenADefinitionChanges()
    {
        World &w = world();
        QVERIFY(refresh(*w.store, w.staff.pm));
        const QStringList before = levelRows(w.store->installer());
        const auto define = [&](const QString &params) {
            as(*w.store, w.staff.pm, [&](CentralLevels &, QSqlDatabase &db) {
                QSqlQuery q(db);
                q.prepare(QStringLiteral("SELECT coulisse.metric_define('active_users', "
                                         "?::jsonb, '{\"en\": \"test\"}')"));
                q.addBindValue(params);
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            });
        };
        // Only app_open counts as active now: each creator's all-time active days are the days
        // they opened the app.
        define(QStringLiteral(R"({"include": ["app_open"], "exclude": []})"));
        QVERIFY(refresh(*w.store, w.staff.pm));
        QSqlQuery q(w.store->installer());
        QVERIFY(q.exec(
            QStringLiteral(
                "SELECT l.user_id, (l.stats ->> 'active_days:0')::integer, "
                "(SELECT count(DISTINCT (e.at AT TIME ZONE 'Asia/Shanghai')::date) "
                " FROM coulisse.events e WHERE e.user_id = l.user_id AND e.name = 'app_open' "
                "   AND (e.at AT TIME ZONE 'Asia/Shanghai')::date <= '%1') "
                "FROM coulisse.creator_levels l ORDER BY 1")
                .arg(m_asOf.toString(Qt::ISODate))));
        int creators = 0;
        int fewer = 0;
        while (q.next()) {
            QCOMPARE(q.value(1).toInt(), q.value(2).toInt());
            ++creators;
        }
        QVERIFY(creators > 0);
        const QStringList narrowed = levelRows(w.store->installer());
        for (int i = 0; i < narrowed.size() && i < before.size(); ++i)
            fewer += narrowed.at(i) != before.at(i) ? 1 : 0;
        QVERIFY2(fewer > 0, "the narrower definition changed nobody's metrics");
        // Back to the first definition: the same rows as before, bit for bit.
        define(QStringLiteral(R"({"exclude": ["push_received", "video_featured"]})"));
        QVERIFY(refresh(*w.store, w.staff.pm));
        QCOMPARE(levelRows(w.store->installer()), before);
    }

    void shouldRefuseLevelsAsOfAnEarlierOrUnfinishedDay_data()
    {
        QTest::addColumn<int>("days"); ///< from the day the store's levels are as of
        QTest::addColumn<QString>("message");
        QTest::newRow("the day before") << -1 << "already";
        QTest::newRow("a year before") << -365 << "already";
        QTest::newRow("today, not over") << 2 << "a day that is over";
    }

    void shouldRefuseLevelsAsOfAnEarlierOrUnfinishedDay()
    {
        QFETCH(int, days);
        QFETCH(QString, message);
        World &w = world();
        const qint64 refreshes =
            TestSupport::scalar(w.store->installer(),
                                QStringLiteral("SELECT count(*) FROM coulisse.level_refreshes"))
                .toLongLong();
        as(*w.store, w.staff.pm, [&](CentralLevels &levels, QSqlDatabase &) {
            QVERIFY(!levels.refresh(m_asOf.addDays(days)));
            QVERIFY2(levels.errorString().contains(QLatin1String("SQLSTATE 22023")),
                     qPrintable(levels.errorString()));
            QVERIFY2(levels.errorString().contains(message), qPrintable(levels.errorString()));
        });
        QCOMPARE(
            TestSupport::scalar(w.store->installer(),
                                QStringLiteral("SELECT count(*) FROM coulisse.level_refreshes"))
                .toLongLong(),
            refreshes);
    }

    void shouldRebuildTheDailyFactsAfterABulkLoad()
    {
        TestStore store(QStringLiteral("levels_load"));
        QCOMPARE(store.create(), QString());
        QString error;
        const QString pm = store.addStaff(QStringLiteral("pm"), QStringLiteral("pm"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const auto refreshed = [&] {
            bool ok = false;
            as(store, pm, [&](CentralLevels &levels, QSqlDatabase &) {
                ok = levels.refresh(m_asOf).has_value();
                if (!ok)
                    qWarning("refresh: %s", qPrintable(levels.errorString()));
            });
            return ok;
        };
        // Built once (empty), then a catalogue loaded past the triggers.
        QVERIFY(refreshed());
        CentralLoader loader(store.installer());
        QVERIFY2(loader.begin(QStringLiteral("test")), qPrintable(loader.errorString()));
        Catalogue::Game game;
        game.id = 1;
        game.name = QStringLiteral("游戏");
        QVERIFY(loader.addGame(game));
        Catalogue::User user;
        user.id = 1;
        user.nickname = QStringLiteral("u");
        user.kind = QStringLiteral("creator");
        user.platform = QStringLiteral("pc");
        user.registeredAt = QDateTime::currentDateTimeUtc().addDays(-30).toSecsSinceEpoch();
        QVERIFY(loader.addUser(user));
        for (int id = 1; id <= 3; ++id) {
            Catalogue::Video video;
            video.id = id;
            video.title = QStringLiteral("v%1").arg(id);
            video.gameId = 1;
            video.uploaderId = 1;
            video.source = QStringLiteral("web_upload");
            video.publishedAt =
                QDateTime(m_asOf.addDays(-id), QTime(12, 0), shanghai()).toSecsSinceEpoch();
            QVERIFY(loader.addVideo(video));
        }
        QVERIFY2(loader.commit(), qPrintable(loader.errorString()));
        QCOMPARE(TestSupport::scalar(store.installer(),
                                     QStringLiteral("SELECT built FROM coulisse.level_state"))
                     .toBool(),
                 false);
        QVERIFY(refreshed());
        QCOMPARE(TestSupport::scalar(store.installer(),
                                     QStringLiteral("SELECT (stats ->> 'videos:30')::integer FROM "
                                                    "coulisse.creator_levels WHERE user_id = 1"))
                     .toInt(),
                 3);
    }

    void cleanupTestCase()
    {
        m_world.reset();
        m_incremental.reset();
        m_facts.reset();
    }
};

QTEST_GUILESS_MAIN(TestLevels)
#include "tst_levels.moc"
