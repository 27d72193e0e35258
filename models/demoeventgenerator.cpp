#include "demoeventgenerator.h"

#include "eventimporter.h"

#include <QFile>
#include <QHash>
#include <QIODevice>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <random>

namespace {

constexpr qint64 kDay = 86400;
constexpr qint64 kOffset = 8 * 3600; // the demo's days are UTC+8 days

class Random
{
public:
    explicit Random(quint64 seed)
        : m_engine(seed)
    {}
    double uniform() { return std::uniform_real_distribution<double>(0.0, 1.0)(m_engine); }
    bool chance(double p) { return uniform() < p; }
    int below(int n) { return n <= 1 ? 0 : int(m_engine() % quint64(n)); }
    double normal() { return std::normal_distribution<double>(0.0, 1.0)(m_engine); }
    /// Seconds into a day, most in the evening.
    int timeOfDay()
    {
        static const double kHourWeights[24] = {3, 2, 1, 1, 1, 1, 2, 3, 4,  4,  4,  5,
                                                6, 5, 5, 5, 5, 6, 7, 8, 10, 11, 10, 6};
        static const double kTotal = [] {
            double t = 0;
            for (double w : kHourWeights)
                t += w;
            return t;
        }();
        double x = uniform() * kTotal;
        int hour = 0;
        while (hour < 23 && x >= kHourWeights[hour]) {
            x -= kHourWeights[hour];
            ++hour;
        }
        return hour * 3600 + below(3600);
    }

private:
    std::mt19937_64 m_engine;
};

/// "YYYY-MM-DDThh:mm:ss+08:00".
QByteArray isoTime(qint64 epoch)
{
    const qint64 local = epoch + kOffset;
    qint64 z = (local >= 0 ? local : local - kDay + 1) / kDay;
    const int secs = int(local - z * kDay);
    z += 719468;
    const qint64 era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = unsigned(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int y = int(yoe + era * 400);
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02d+08:00", y + (m <= 2), m, d,
                  secs / 3600, secs / 60 % 60, secs % 60);
    return QByteArray(buffer);
}

enum Kind : quint8 {
    Register,
    AppOpen,
    PageView,
    Play,
    Publish,
    Featured,
    VipPage,
    VipOpen,
    Gift,
    Push,
    Follow,
    Unfollow,
};
const char *const kNames[] = {"register",      "app_open",       "page_view",     "video_play",
                              "video_publish", "video_featured", "vip_page_view", "vip_open",
                              "gift_send",     "push_received",  "user_follow",   "user_unfollow"};

struct Pending
{
    qint64 at;
    int user;
    Kind kind;
    QByteArray properties;
};

QDate dayOf(qint64 epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch + kOffset, Qt::UTC).date();
}

} // namespace

DemoEventGenerator::DemoEventGenerator(Options options)
    : m_options(std::move(options))
{}

bool DemoEventGenerator::load(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT id, kind = 'creator', extract(epoch FROM registered_at)"
                               "::bigint, platform, channel, device_model, os, vip "
                               "FROM coulisse.users ORDER BY id"))) {
        m_error = q.lastError().text();
        return false;
    }
    QList<User> users;
    while (q.next()) {
        User u;
        u.id = q.value(0).toLongLong();
        u.creator = q.value(1).toBool();
        u.registeredAt = q.value(2).toLongLong();
        u.platform = q.value(3).toString().toUtf8();
        u.channel = q.value(4).toString().toUtf8();
        u.deviceModel = q.value(5).toString().toUtf8();
        u.os = q.value(6).toString().toUtf8();
        u.vip = q.value(7).toBool();
        users.append(u);
    }
    const qint64 from = m_options.until.toSecsSinceEpoch() - qint64(m_options.days) * kDay;
    if (!q.exec(QStringLiteral("SELECT id, coalesce(uploader_id, 0), extract(epoch FROM "
                               "published_at)::bigint, source, featured, duration_s "
                               "FROM coulisse.videos ORDER BY published_at, id"))) {
        m_error = q.lastError().text();
        return false;
    }
    QList<Video> videos;
    while (q.next()) {
        Video v;
        v.id = q.value(0).toLongLong();
        v.uploaderId = q.value(1).toLongLong();
        v.publishedAt = q.value(2).toLongLong();
        v.source = q.value(3).toString().toUtf8();
        v.featured = q.value(4).toBool();
        v.durationS = q.value(5).toInt();
        // Videos older than the window only matter as things to play: keep the newest 50,000.
        videos.append(v);
    }
    const qsizetype old = std::count_if(videos.begin(), videos.end(),
                                        [&](const Video &v) { return v.publishedAt < from; });
    if (old > 50000)
        videos.remove(0, old - 50000);
    setCatalogue(std::move(users), std::move(videos));
    return true;
}

void DemoEventGenerator::setCatalogue(QList<User> users, QList<Video> videos)
{
    m_users = std::move(users);
    m_videos = std::move(videos);
}

QList<CentralMetrics::Campaign> DemoEventGenerator::campaigns() const
{
    const QDate until = dayOf(m_options.until.toSecsSinceEpoch());
    QList<CentralMetrics::Campaign> result;
    if (m_options.days >= 25)
        result.append({QStringLiteral("C-VIPWEEK"),
                       QStringLiteral("VIP 特惠周"),
                       QStringLiteral("template"),
                       QStringLiteral("vip"),
                       {QStringLiteral("vip_page_view")},
                       QStringLiteral("vip_open"),
                       until.addDays(-20),
                       until.addDays(-13)});
    if (m_options.days >= 50)
        result.append({QStringLiteral("C-CREATOR"),
                       QStringLiteral("创作者挑战赛"),
                       QStringLiteral("template"),
                       QStringLiteral("upload"),
                       {QStringLiteral("video_publish")},
                       QStringLiteral("video_featured"),
                       until.addDays(-45),
                       until.addDays(-31)});
    if (m_options.days >= 75)
        result.append({QStringLiteral("C-GIFTFEST"),
                       QStringLiteral("礼物节"),
                       QStringLiteral("custom"),
                       QString(),
                       {QStringLiteral("gift_send")},
                       QStringLiteral("vip_open"),
                       until.addDays(-70),
                       until.addDays(-63)});
    return result;
}

bool DemoEventGenerator::write(QIODevice *out)
{
    Random random(m_options.seed * 0x9E3779B97F4A7C15ull + 7);
    // Follows have a stream of their own: adding them left every other event as it was.
    Random followRandom(m_options.seed * 0x9E3779B97F4A7C15ull + 11);
    QSet<QPair<int, qint64>> following; // (follower index, creator id)
    const qint64 until = m_options.until.toSecsSinceEpoch();
    const qint64 windowStart = until - qint64(m_options.days) * kDay;
    const QList<CentralMetrics::Campaign> campaignList = campaigns();
    auto campaignOn = [&](const QString &id, qint64 at) {
        const QDate day = dayOf(at);
        for (const CentralMetrics::Campaign &c : campaignList) {
            if (c.id == id)
                return day >= c.startDay && day < c.endDay;
        }
        return false;
    };

    m_events = 0;
    QByteArray buffer;
    buffer.reserve(4 << 20);
    buffer += "time,user_id,event,platform,channel,device_model,os,app_version,properties\n";
    auto csvField = [&](const QByteArray &value) {
        if (value.contains(',') || value.contains('"')) {
            buffer += '"';
            buffer += QByteArray(value).replace("\"", "\"\"");
            buffer += '"';
        } else {
            buffer += value;
        }
    };
    QList<QByteArray> versions(m_users.size());
    for (qsizetype i = 0; i < m_users.size(); ++i) {
        const User &u = m_users[i];
        versions[i] = u.platform == "app"  ? "5.3." + QByteArray::number(random.below(4))
                      : u.platform == "pc" ? "3.8." + QByteArray::number(random.below(3))
                                           : QByteArray();
    }
    auto put = [&](const Pending &e) {
        const User &u = m_users[e.user];
        buffer += isoTime(e.at);
        buffer += ',';
        buffer += QByteArray::number(u.id);
        buffer += ',';
        buffer += kNames[e.kind];
        buffer += ',';
        buffer += u.platform;
        buffer += ',';
        csvField(u.channel);
        buffer += ',';
        csvField(u.deviceModel);
        buffer += ',';
        csvField(u.os);
        buffer += ',';
        buffer += versions[e.user];
        buffer += ',';
        if (!e.properties.isEmpty())
            csvField(e.properties);
        buffer += '\n';
        ++m_events;
    };
    auto flush = [&]() {
        if (out->write(buffer) != buffer.size()) {
            m_error = out->errorString();
            return false;
        }
        buffer.clear();
        return true;
    };

    // Registrations before the window, in time order.
    QList<int> order(m_users.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return m_users[a].registeredAt < m_users[b].registeredAt; });
    for (const int i : std::as_const(order)) {
        if (m_users[i].registeredAt >= windowStart)
            break;
        put({m_users[i].registeredAt, i, Register, {}});
        if (buffer.size() > (2 << 20) && !flush())
            return false;
    }

    // Who each user is: how engaged, whether they already bought VIP.
    QList<double> engagement(m_users.size());
    QList<bool> vip(m_users.size());
    QHash<qint64, int> userIndex;
    for (qsizetype i = 0; i < m_users.size(); ++i) {
        engagement[i] = std::exp(0.8 * random.normal() - 0.32);
        vip[i] = m_users[i].vip;
        userIndex.insert(m_users[i].id, int(i));
    }

    QList<Pending> later;      // VIP opens decided on a visit, due on a later day
    qsizetype videoCursor = 0; // videos published before the current day
    for (int d = 0; d < m_options.days; ++d) {
        const qint64 dayStart = windowStart + qint64(d) * kDay;
        const qint64 dayEnd = dayStart + kDay;
        const int weekday = dayOf(dayStart).dayOfWeek();
        const double weekFactor = weekday >= 6 ? 1.18 : 1.0;
        QList<Pending> day;
        for (qsizetype p = later.size() - 1; p >= 0; --p) {
            if (later[p].at < dayEnd) {
                day.append(later[p]);
                later.remove(p);
            }
        }
        while (videoCursor < m_videos.size() && m_videos[videoCursor].publishedAt < dayStart)
            ++videoCursor;
        const qsizetype playable = std::max<qsizetype>(videoCursor, 1);

        // Uploads of the day: the catalogue's videos, featured ones picked hours later.
        for (qsizetype v = videoCursor; v < m_videos.size() && m_videos[v].publishedAt < dayEnd;
             ++v) {
            const Video &video = m_videos[v];
            const int user = userIndex.value(video.uploaderId, -1);
            if (user < 0)
                continue;
            QByteArray props = "{\"video_id\":" + QByteArray::number(video.id) + ",\"source\":\"" +
                               video.source + '"';
            if (campaignOn(QStringLiteral("C-CREATOR"), video.publishedAt) && random.chance(0.55))
                props += ",\"campaign\":\"C-CREATOR\"";
            day.append({video.publishedAt, user, Publish, props + '}'});
            if (video.featured)
                day.append({video.publishedAt + 7200 + random.below(30 * 3600), user, Featured,
                            "{\"video_id\":" + QByteArray::number(video.id) + ",\"source\":\"" +
                                video.source + "\"}"});
        }

        for (qsizetype i = 0; i < m_users.size(); ++i) {
            const User &u = m_users[i];
            if (u.registeredAt >= dayEnd)
                continue;
            const bool app = u.platform == "app";
            if (app && random.chance(0.45))
                day.append({dayStart + random.below(int(kDay)), int(i), Push, {}});
            const bool newToday = u.registeredAt >= dayStart;
            if (!newToday) {
                const double age = double(dayStart - u.registeredAt) / kDay;
                const double p = engagement[i] * (0.05 + 0.5 * std::pow(1.0 + age, -0.6)) *
                                 weekFactor * (u.creator ? 1.3 : 1.0);
                if (!random.chance(std::min(0.95, p)))
                    continue;
            }
            const qint64 start = newToday ? u.registeredAt : dayStart + random.timeOfDay();
            if (newToday)
                day.append({u.registeredAt, int(i), Register, {}});
            const int sessions = 1 + (random.chance(0.35) ? 1 : 0) + (random.chance(0.12) ? 1 : 0);
            for (int s = 0; s < sessions; ++s) {
                const qint64 t0 =
                    s == 0 ? start : std::max(start, dayStart + qint64(random.timeOfDay()));
                qint64 t = std::min(t0, dayEnd - 3600);
                day.append({t, int(i), AppOpen, {}});
                const int views = int((1 + random.below(4)) * m_options.intensity);
                for (int k = 0; k < views; ++k) {
                    t += 10 + random.below(90);
                    day.append({t, int(i), PageView, {}});
                }
                const int plays = int((u.creator ? 1 + random.below(3) : 2 + random.below(6)) *
                                      m_options.intensity);
                for (int k = 0; k < plays && videoCursor > 0; ++k) {
                    const qsizetype v =
                        playable - 1 -
                        qsizetype(double(playable) * std::pow(random.uniform(), 3.0));
                    const Video &video = m_videos[std::clamp<qsizetype>(v, 0, playable - 1)];
                    const int watched =
                        std::max(1, int(video.durationS * std::pow(random.uniform(), 0.7)));
                    const QByteArray props = "{\"video_id\":" + QByteArray::number(video.id) +
                                             ",\"duration_s\":" + QByteArray::number(watched) + '}';
                    t += 5 + random.below(30);
                    day.append({t, int(i), Play, props});
                    t += watched;
                    // A viewer who liked a video follows its creator; a few leave again.
                    const QPair<int, qint64> follow{int(i), video.uploaderId};
                    if (video.uploaderId != u.id && video.uploaderId > 0) {
                        const bool follows = following.contains(follow);
                        if (!follows && followRandom.chance(watched > video.durationS / 2 ? 0.04
                                                                                          : 0.01)) {
                            following.insert(follow);
                            day.append({t, int(i), Follow,
                                        "{\"creator_id\":" + QByteArray::number(video.uploaderId) +
                                            '}'});
                        } else if (follows && followRandom.chance(0.003)) {
                            following.remove(follow);
                            day.append({t, int(i), Unfollow,
                                        "{\"creator_id\":" + QByteArray::number(video.uploaderId) +
                                            '}'});
                        }
                    }
                    if (random.chance(0.11)) // replays within the day
                        day.append(
                            {std::min(dayEnd - 1, t + 300 + random.below(6 * 3600)), int(i), Play,
                             "{\"video_id\":" + QByteArray::number(video.id) + ",\"duration_s\":" +
                                 QByteArray::number(std::max(1, watched / 2)) + '}'});
                    if (!u.creator &&
                        random.chance(campaignOn(QStringLiteral("C-GIFTFEST"), t) ? 0.035
                                                                                  : 0.012)) {
                        static const int kAmounts[] = {1, 1, 1, 5, 5, 10, 20, 50, 100};
                        day.append({t + 20, int(i), Gift,
                                    "{\"video_id\":" + QByteArray::number(video.id) +
                                        ",\"amount\":" +
                                        QByteArray::number(kAmounts[random.below(9)]) + '}'});
                    }
                }
            }
            // The VIP page, and for some an order.
            if (!vip[i]) {
                const bool vipWeek = campaignOn(QStringLiteral("C-VIPWEEK"), start);
                if (random.chance((u.platform == "pc" ? 0.045 : 0.03) * (vipWeek ? 3.0 : 1.0))) {
                    const qint64 visit = std::min(dayEnd - 600, start + 120 + random.below(1800));
                    day.append({visit, int(i), VipPage,
                                vipWeek && random.chance(0.8) ? "{\"campaign\":\"C-VIPWEEK\"}"
                                                              : QByteArray()});
                    const double rate = (app                  ? 0.12
                                         : u.platform == "pc" ? 0.09
                                                              : 0.05) *
                                        (vipWeek ? 1.8 : 1.0);
                    if (random.chance(rate)) {
                        const bool recorder =
                            u.creator && u.platform == "pc" && random.chance(0.45);
                        static const int kVip[] = {30, 88, 258};
                        static const int kRecorder[] = {25, 68, 198};
                        const int plan = random.chance(0.7) ? 0 : random.chance(0.7) ? 1 : 2;
                        const QByteArray props =
                            QByteArray("{\"product\":\"") + (recorder ? "recorder_vip" : "vip") +
                            "\",\"amount\":" +
                            QByteArray::number(recorder ? kRecorder[plan] : kVip[plan]) + '}';
                        const qint64 at = random.chance(0.7) ? visit + 60 + random.below(900)
                                                             : visit + kDay * (1 + random.below(6));
                        (at < dayEnd ? day : later).append({at, int(i), VipOpen, props});
                        vip[i] = true;
                    }
                }
            }
        }
        std::stable_sort(day.begin(), day.end(),
                         [](const Pending &a, const Pending &b) { return a.at < b.at; });
        for (const Pending &e : std::as_const(day)) {
            if (e.at >= until)
                continue;
            put(e);
            if (buffer.size() > (2 << 20) && !flush())
                return false;
        }
        if (m_progress)
            m_progress(d + 1, m_options.days);
    }
    return flush();
}

bool DemoEventGenerator::seedCentral(const QSqlDatabase &db)
{
    if (!load(db))
        return false;
    QTemporaryDir dir;
    if (!dir.isValid()) {
        m_error = tr("No temporary directory for the demo events: %1").arg(dir.errorString());
        return false;
    }
    QFile file(dir.filePath(QStringLiteral("demo-events.csv")));
    if (!file.open(QIODevice::WriteOnly)) {
        m_error = file.errorString();
        return false;
    }
    if (!write(&file))
        return false;
    file.close();
    const EventImporter::Result imported = EventImporter(db).importFile(file.fileName());
    if (!imported.ok) {
        m_error = imported.error;
        return false;
    }
    CentralMetrics metrics(db);
    for (const CentralMetrics::Campaign &c : campaigns()) {
        if (!metrics.saveCampaign(c)) {
            m_error = metrics.errorString();
            return false;
        }
    }
    if (!metrics.refresh().ok) {
        m_error = metrics.errorString();
        return false;
    }
    return true;
}
