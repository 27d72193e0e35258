#include "demodatagenerator.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVector>

#include <algorithm>
#include <cmath>

namespace {

/// splitmix64: tiny, fast and identical on every platform (std:: distributions are not).
class Rng
{
public:
    explicit Rng(quint64 seed)
        : m_state(seed * 0x9E3779B97F4A7C15ULL + 0x2545F4914F6CDD1DULL)
    {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    int below(int n) { return n <= 0 ? 0 : int(next() % quint64(n)); }
    bool chance(double p) { return uniform() < p; }
    double normal()
    {
        const double u1 = std::max(uniform(), 1e-12);
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
    }
    /// Zipf-like index in [0, n): low indices are much more likely.
    int skewed(int n, double power) { return std::min(n - 1, int(n * std::pow(uniform(), power))); }

private:
    quint64 m_state;
};

class WeightedPicker
{
public:
    void add(double weight)
    {
        m_cumulative.append((m_cumulative.isEmpty() ? 0 : m_cumulative.last()) + weight);
    }
    int pick(Rng &rng) const
    {
        const double x = rng.uniform() * m_cumulative.last();
        return int(std::upper_bound(m_cumulative.begin(), m_cumulative.end(), x) -
                   m_cumulative.begin());
    }
    bool isEmpty() const { return m_cumulative.isEmpty(); }

private:
    QVector<double> m_cumulative;
};

struct NamedTag
{
    qint64 id = 0;
    QString name;
    QString nameEn;
};

struct GameInfo
{
    qint64 id = 0;
    QString name;
    QString nameEn;
    qint64 releasedAt = 0; // 1 January of the release year: no videos before it
    double popularity = 1;
    qint64 defaultTagId = 0;
    QVector<NamedTag> characters;
    QVector<NamedTag> items;
    QVector<NamedTag> modes;
    // Shares of sources, from the game's terminals.
    double pcShare = 0;
    double mobileShare = 0;
};

struct KindInfo
{
    qint64 tagId = 0;
    QString name;
    QString nameEn;
    QStringList titleWords;
    int minSeconds = 60;
    int medianSeconds = 420;
};

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

// Title templates: {G} game, {C} character, {M} mode, {I} item, {K} kind word, {H} hook,
// {N} episode number. A template is used only when the video has the parts it names.
const char16_t *const ChineseTemplates[] = {
    u"{G} {C}{K}",         u"【{K}】{G}：{C}{H}", u"{C}{K}｜{G}",  u"{G}{M}{K}：{H}",
    u"{G}{K}第{N}期",      u"{G} {C}出{I}，{H}",  u"{H}{G}{C}{K}", u"【{G}】{M}{K} {C}篇",
    u"{G}{K}：{H}",        u"【{K}】{G} {H}",     u"{G}{M}{C}{K}", u"{C}{I}{K}，{H}",
    u"{G} {M} {K}第{N}期", u"{H}{G}{M}{K}",
};
const char16_t *const EnglishTemplates[] = {
    u"{G} {C} {K}",
    u"{G} {K} #{N}",
    u"{G} {M} {K}",
    u"{C} {K} | {G}",
};
const char16_t *const Hooks[] = {
    u"太秀了！",   u"这操作你敢信？", u"新版本最强", u"一分钟学会",   u"全网最细",
    u"保姆级",     u"看完就上分",     u"笑到肚子疼", u"极限反杀",     u"零失误",
    u"手残党必看", u"（附出装）",     u"史诗级翻盘", u"萌新也能学会", u"细节拉满",
    u"一打五",     u"绝了",           u"国服第一",   u"老玩家才懂",   u"隐藏技巧",
};

const char16_t *const NickPrefixes[] = {
    u"快乐的", u"孤独的", u"暴躁的", u"无敌",     u"小",     u"老",   u"冷静的",
    u"佛系",   u"沙雕",   u"爱笑的", u"不会玩的", u"迷路的", u"超级", u"隔壁",
    u"专业",   u"温柔的", u"菜鸡",   u"硬核",     u"夜猫子", u"摸鱼",
};
const char16_t *const NickNouns[] = {
    u"小鱼", u"土豆", u"猫咪", u"狐狸", u"少年", u"大叔", u"玩家", u"萌新", u"剑客", u"法师",
    u"咸鱼", u"老王", u"阿杰", u"小明", u"柠檬", u"可乐", u"芒果", u"熊猫", u"兔子", u"飞鸟",
    u"阿宅", u"学长", u"up主", u"枪神", u"奶妈", u"刺客", u"队长", u"船长", u"星星", u"月亮",
};
const char16_t *const NickSuffixes[] = {u"",   u"",   u"",  u"酱", u"君",
                                        u"丶", u"灬", u"_", u"呀", u"吖"};
const char16_t *const LatinHandles[] = {
    u"Shadow", u"Ace",  u"Nova",  u"Tiger", u"Lucky", u"Storm", u"Pixel", u"Ghost",
    u"Neo",    u"Zero", u"Blaze", u"Frost", u"Kira",  u"Miko",  u"Raven", u"Sky",
};

struct Device
{
    const char16_t *model;
    const char16_t *os;
    const char *channel; // the app store a phone of this brand installs from
};
const Device AppDevices[] = {
    {u"iPhone 13", u"iOS 17", "appstore"},         {u"iPhone 15 Pro", u"iOS 18", "appstore"},
    {u"iPhone 11", u"iOS 16", "appstore"},         {u"iPad Air", u"iPadOS 17", "appstore"},
    {u"HUAWEI Mate 60", u"HarmonyOS 4", "huawei"}, {u"HUAWEI P40", u"HarmonyOS 3", "huawei"},
    {u"Xiaomi 14", u"Android 14", "xiaomi"},       {u"Redmi K70", u"Android 14", "xiaomi"},
    {u"Redmi Note 12", u"Android 13", "xiaomi"},   {u"OPPO Reno 11", u"Android 14", "oppo"},
    {u"OPPO A58", u"Android 13", "oppo"},          {u"vivo X100", u"Android 14", "vivo"},
    {u"vivo Y36", u"Android 13", "vivo"},          {u"OnePlus 12", u"Android 14", "tencent"},
    {u"Honor 90", u"Android 13", "tencent"},
};
const Device PcDevices[] = {
    {u"Desktop PC", u"Windows 10", "official"}, {u"Desktop PC", u"Windows 11", "official"},
    {u"Laptop", u"Windows 11", "recorder"},     {u"Laptop", u"Windows 10", "baidu"},
    {u"MacBook Air", u"macOS 14", "official"},
};
const Device WebDevices[] = {
    {u"Browser", u"Windows 10", "baidu"},  {u"Browser", u"Windows 11", "bilibili"},
    {u"Browser", u"macOS 14", "official"}, {u"Browser", u"Android 14", "douyin"},
    {u"Browser", u"iOS 17", "referral"},
};

QString str(const char16_t *s)
{
    return QString::fromUtf16(s);
}

template<typename T, size_t N>
const T &pickFrom(Rng &rng, const T (&array)[N])
{
    return array[rng.below(int(N))];
}

} // namespace

struct DemoDataGenerator::Private
{
    QVector<GameInfo> games;
    WeightedPicker gamePicker;
    QVector<KindInfo> kinds;
    WeightedPicker kindPicker;
    QVector<qint64> creatorRegistered; // sorted
    qint64 nextGroupId = 1;
    qint64 nextTagId = 1;
};

DemoDataGenerator::DemoDataGenerator(DemoDataOptions options)
    : m_options(std::move(options))
{}

DemoDataGenerator::~DemoDataGenerator() = default;

qint64 DemoDataGenerator::defaultCreators(qint64 videos)
{
    return std::max<qint64>(40, videos / 25);
}

qint64 DemoDataGenerator::defaultViewers(qint64 videos)
{
    return std::max<qint64>(160, videos / 5);
}

bool DemoDataGenerator::fail(const QString &message)
{
    m_error = message;
    return false;
}

bool DemoDataGenerator::generate(Catalogue::Sink &sink)
{
    m_counts = {};
    QFile file(QStringLiteral(":/demo/catalogue.json"));
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("The demo catalogue is missing from this build."));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (doc.isNull())
        return fail(tr("The demo catalogue is not valid JSON: %1").arg(parseError.errorString()));
    const QJsonObject root = doc.object();

    Rng rng(m_options.seed);
    Private d;
    const qint64 until = m_options.until.toSecsSinceEpoch();
    const qint64 span = qint64(m_options.days) * 86400;
    const qint64 start = until - span;
    const qint64 libraryCreated = start - 400 * 86400;
    auto report = [this](const QString &stage, qint64 done, qint64 total) {
        if (m_progress)
            m_progress(stage, done, total);
    };
    auto sinkFailed = [&] {
        return fail(sink.errorString());
    };

    // A tag of the catalogue file into the sink; id 0 when the sink refused it.
    auto addTag = [&](const QJsonObject &t, qint64 groupId, qint64 createdAt) {
        Catalogue::Tag tag;
        tag.id = d.nextTagId++;
        tag.groupId = groupId;
        tag.name = t.value(QStringLiteral("name")).toString();
        tag.nameEn = t.value(QStringLiteral("name_en")).toString();
        tag.aliases = stringList(t.value(QStringLiteral("aliases")));
        tag.createdAt = createdAt;
        if (!sink.addTag(tag))
            tag.id = 0;
        else
            ++m_counts.tags;
        return tag;
    };

    // Games first: the dedicated libraries refer to them.
    const QJsonArray gamesJson = root.value(QStringLiteral("games")).toArray();
    if (gamesJson.isEmpty())
        return fail(tr("The demo catalogue has no games."));
    qint64 gameId = 1;
    for (const QJsonValue &value : gamesJson) {
        const QJsonObject g = value.toObject();
        Catalogue::Game game;
        game.id = gameId++;
        game.name = g.value(QStringLiteral("name")).toString();
        game.nameEn = g.value(QStringLiteral("name_en")).toString();
        game.aliases = stringList(g.value(QStringLiteral("aliases")));
        game.introduction = g.value(QStringLiteral("introduction")).toString();
        game.developer = g.value(QStringLiteral("developer")).toString();
        game.released = g.value(QStringLiteral("released")).toInt();
        game.createdAt = libraryCreated + rng.below(300) * 86400;
        if (!sink.addGame(game))
            return sinkFailed();
        GameInfo info;
        info.id = game.id;
        info.name = game.name;
        info.nameEn = game.nameEn;
        if (game.released > 0)
            info.releasedAt =
                QDateTime(QDate(game.released, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        info.popularity = std::max(1.0, g.value(QStringLiteral("popularity")).toDouble());
        d.games.append(info);
        d.gamePicker.add(info.popularity);
        ++m_counts.games;
    }

    // Game-tag dimensions.
    QHash<QString, qint64> dimensionTag; // "code\nname" -> tag id
    QHash<qint64, QString> terminalKind; // tag id -> pc, mobile, console, handheld
    int position = 0;
    for (const QJsonValue &value : root.value(QStringLiteral("dimensions")).toArray()) {
        const QJsonObject dim = value.toObject();
        Catalogue::TagGroup group;
        group.id = d.nextGroupId++;
        group.kind = QStringLiteral("dimension");
        group.code = dim.value(QStringLiteral("code")).toString();
        group.name = dim.value(QStringLiteral("name")).toString();
        group.nameEn = dim.value(QStringLiteral("name_en")).toString();
        group.position = position++;
        if (!sink.addTagGroup(group))
            return sinkFailed();
        ++m_counts.tagGroups;
        for (const QJsonValue &tv : dim.value(QStringLiteral("tags")).toArray()) {
            const Catalogue::Tag tag = addTag(tv.toObject(), group.id, libraryCreated);
            if (tag.id == 0)
                return sinkFailed();
            dimensionTag.insert(group.code + QLatin1Char('\n') + tag.name, tag.id);
            if (group.code == QLatin1String("terminal")) {
                const QString en = tag.nameEn.toLower();
                terminalKind.insert(
                    tag.id, en.contains(QLatin1String("mobile")) ? QStringLiteral("mobile")
                            : en.contains(QLatin1String("pc"))   ? QStringLiteral("pc")
                            : en.contains(QLatin1String("hand")) ? QStringLiteral("handheld")
                                                                 : QStringLiteral("console"));
            }
        }
    }

    // The general content library.
    {
        Catalogue::TagGroup group;
        group.id = d.nextGroupId++;
        group.kind = QStringLiteral("general");
        group.name = QStringLiteral("通用标签库");
        group.nameEn = QStringLiteral("General library");
        group.position = position++;
        if (!sink.addTagGroup(group))
            return sinkFailed();
        ++m_counts.tagGroups;
        for (const QJsonValue &tv : root.value(QStringLiteral("general")).toArray()) {
            const QJsonObject t = tv.toObject();
            const Catalogue::Tag tag = addTag(t, group.id, libraryCreated);
            if (tag.id == 0)
                return sinkFailed();
            KindInfo kind;
            kind.tagId = tag.id;
            kind.name = tag.name;
            kind.nameEn = tag.nameEn;
            kind.titleWords = stringList(t.value(QStringLiteral("title_words")));
            if (kind.titleWords.isEmpty())
                kind.titleWords.append(tag.name);
            const QString en = tag.nameEn.toLower();
            if (en.contains(QLatin1String("tutorial")) || en.contains(QLatin1String("guide"))) {
                kind.minSeconds = 180;
                kind.medianSeconds = 600;
            } else if (en.contains(QLatin1String("highlight")) ||
                       en.contains(QLatin1String("funny")) || en.contains(QLatin1String("fail")) ||
                       en.contains(QLatin1String("meme"))) {
                kind.minSeconds = 20;
                kind.medianSeconds = 120;
            } else if (en.contains(QLatin1String("live")) || en.contains(QLatin1String("stream")) ||
                       en.contains(QLatin1String("match")) || en.contains(QLatin1String("story"))) {
                kind.minSeconds = 900;
                kind.medianSeconds = 2700;
            }
            d.kinds.append(kind);
            d.kindPicker.add(std::max(0.5, t.value(QStringLiteral("weight")).toDouble()));
        }
        if (d.kinds.isEmpty())
            return fail(tr("The demo catalogue has no general tags."));
    }

    // One dedicated library per game: default tags, characters, items, modes.
    for (int gi = 0; gi < gamesJson.size(); ++gi) {
        const QJsonObject g = gamesJson.at(gi).toObject();
        GameInfo &info = d.games[gi];
        Catalogue::TagGroup library;
        library.id = d.nextGroupId++;
        library.kind = QStringLiteral("library");
        library.gameId = info.id;
        library.name = info.name;
        library.nameEn = info.nameEn;
        library.position = gi;
        if (!sink.addTagGroup(library))
            return sinkFailed();
        ++m_counts.tagGroups;
        struct CategorySpec
        {
            const char *code;
            const char16_t *name;
            const char *nameEn;
            const char *jsonKey;
            QVector<NamedTag> *target;
        };
        const CategorySpec specs[] = {
            {"default", u"默认标签", "Default tags", nullptr, nullptr},
            {"character", u"角色", "Characters", "characters", &info.characters},
            {"item", u"道具", "Items", "items", &info.items},
            {"mode", u"游戏模式", "Game modes", "modes", &info.modes},
        };
        int categoryPosition = 0;
        for (const CategorySpec &spec : specs) {
            Catalogue::TagGroup category;
            category.id = d.nextGroupId++;
            category.kind = QStringLiteral("category");
            category.code = QString::fromLatin1(spec.code);
            category.parentId = library.id;
            category.gameId = info.id;
            category.name = str(spec.name);
            category.nameEn = QString::fromLatin1(spec.nameEn);
            category.position = categoryPosition++;
            if (!sink.addTagGroup(category))
                return sinkFailed();
            ++m_counts.tagGroups;
            if (!spec.jsonKey) {
                Catalogue::Tag tag;
                tag.id = d.nextTagId++;
                tag.groupId = category.id;
                tag.name = info.name;
                tag.nameEn = info.nameEn;
                tag.aliases = stringList(g.value(QStringLiteral("aliases")));
                tag.createdAt = libraryCreated;
                if (!sink.addTag(tag))
                    return sinkFailed();
                ++m_counts.tags;
                info.defaultTagId = tag.id;
                continue;
            }
            for (const QJsonValue &tv : g.value(QString::fromLatin1(spec.jsonKey)).toArray()) {
                const Catalogue::Tag tag =
                    addTag(tv.toObject(), category.id, libraryCreated + rng.below(200) * 86400);
                if (tag.id == 0)
                    return sinkFailed();
                spec.target->append({tag.id, tag.name, tag.nameEn});
            }
        }

        // The game's tags in each dimension.
        const QJsonObject tags = g.value(QStringLiteral("tags")).toObject();
        QVector<qint64> tagIds;
        int pcTerminals = 0;
        int mobileTerminals = 0;
        int otherTerminals = 0;
        for (auto it = tags.begin(); it != tags.end(); ++it) {
            for (const QString &name : stringList(it.value())) {
                const qint64 tagId = dimensionTag.value(it.key() + QLatin1Char('\n') + name);
                if (tagId == 0)
                    return fail(tr("The demo catalogue names an unknown %1 tag \"%2\" for %3.")
                                    .arg(it.key(), name, info.name));
                if (!tagIds.contains(tagId))
                    tagIds.append(tagId);
                const QString terminal = terminalKind.value(tagId);
                if (terminal == QLatin1String("pc"))
                    ++pcTerminals;
                else if (terminal == QLatin1String("mobile"))
                    ++mobileTerminals;
                else if (!terminal.isEmpty())
                    ++otherTerminals;
            }
        }
        std::sort(tagIds.begin(), tagIds.end());
        for (qint64 tagId : std::as_const(tagIds)) {
            if (!sink.addGameTag(info.id, tagId))
                return sinkFailed();
        }
        const double terminals = std::max(1, pcTerminals + mobileTerminals + otherTerminals);
        info.pcShare = (pcTerminals + 0.4 * otherTerminals) / terminals;
        info.mobileShare = mobileTerminals / terminals;
    }

    // Users: creators, then viewers, each in order of registration.
    const qint64 creators =
        m_options.creators >= 0 ? m_options.creators : defaultCreators(m_options.videos);
    const qint64 viewers =
        m_options.viewers >= 0 ? m_options.viewers : defaultViewers(m_options.videos);
    const qint64 userSpan = span + 2 * 365 * 86400;
    auto registrationTimes = [&](qint64 n) {
        QVector<qint64> times(n);
        for (qint64 i = 0; i < n; ++i) // growth: more registrations in recent months
            times[i] = until - userSpan + qint64(userSpan * std::pow(rng.uniform(), 0.75));
        std::sort(times.begin(), times.end());
        return times;
    };
    qint64 userId = 1;
    auto emitUsers = [&](qint64 n, bool creator) -> bool {
        const QVector<qint64> times = registrationTimes(n);
        if (creator)
            d.creatorRegistered = times;
        for (qint64 i = 0; i < n; ++i) {
            Catalogue::User u;
            u.id = userId++;
            u.kind = creator ? QStringLiteral("creator") : QStringLiteral("viewer");
            u.registeredAt = times[i];
            if (rng.chance(0.18)) {
                u.nickname = str(pickFrom(rng, LatinHandles)) + QString::number(rng.below(9999));
            } else {
                u.nickname = str(pickFrom(rng, NickPrefixes)) + str(pickFrom(rng, NickNouns)) +
                             str(pickFrom(rng, NickSuffixes));
                if (rng.chance(0.35))
                    u.nickname += QString::number(rng.below(999));
            }
            const double p = rng.uniform();
            const double pcShare = creator ? 0.55 : 0.25;
            const Device *device = nullptr;
            if (p < pcShare) {
                u.platform = QStringLiteral("pc");
                device = &pickFrom(rng, PcDevices);
            } else if (p < pcShare + (creator ? 0.30 : 0.55)) {
                u.platform = QStringLiteral("app");
                device = &pickFrom(rng, AppDevices);
            } else {
                u.platform = QStringLiteral("web");
                device = &pickFrom(rng, WebDevices);
            }
            u.deviceModel = str(device->model);
            u.os = str(device->os);
            u.channel = rng.chance(0.15) ? QStringLiteral("referral")
                                         : QString::fromLatin1(device->channel);
            if (u.platform == QLatin1String("app") && rng.chance(0.12))
                u.channel = rng.chance(0.5) ? QStringLiteral("bilibili") : QStringLiteral("douyin");
            const double ageYears = double(until - u.registeredAt) / (365.0 * 86400);
            const double levelBase = creator ? 2.0 + 2.2 * ageYears : 1.0 + 1.2 * ageYears;
            u.level = std::clamp(int(levelBase + rng.normal() * 1.5), 1, creator ? 10 : 8);
            u.vip = rng.chance(creator ? 0.14 : 0.06);
            if (!sink.addUser(u))
                return false;
            ++m_counts.users;
            if ((u.id & 0xFFFF) == 0)
                report(tr("Users"), m_counts.users, creators + viewers);
        }
        return true;
    };
    if (!emitUsers(creators, true) || !emitUsers(viewers, false))
        return sinkFailed();
    report(tr("Users"), m_counts.users, creators + viewers);

    // Videos, in order of publication.
    QVector<qint64> published(m_options.videos);
    for (qint64 &t : published) // the platform grows: more videos in recent months
        t = start + qint64(span * std::pow(rng.uniform(), 0.8));
    std::sort(published.begin(), published.end());

    QVector<qint64> tagBuffer;
    for (qint64 i = 0; i < m_options.videos; ++i) {
        Catalogue::Video v;
        v.id = i + 1;
        v.publishedAt = published[i];
        int gameIndex = d.gamePicker.pick(rng);
        for (int tries = 0; tries < 12 && d.games[gameIndex].releasedAt > v.publishedAt; ++tries)
            gameIndex = d.gamePicker.pick(rng);
        const GameInfo &game = d.games[gameIndex];
        v.gameId = game.id;

        if (!d.creatorRegistered.isEmpty()) {
            const qint64 eligible = std::upper_bound(d.creatorRegistered.begin(),
                                                     d.creatorRegistered.end(), v.publishedAt) -
                                    d.creatorRegistered.begin();
            if (eligible == 0) {
                v.uploaderId = 1;
                v.publishedAt = std::max(v.publishedAt, d.creatorRegistered.first() + 3600);
            } else {
                v.uploaderId = 1 + rng.skewed(int(eligible), 2.2);
            }
        }

        const double s = rng.uniform();
        if (s < game.pcShare * 0.8)
            v.source = QStringLiteral("pc_recorder");
        else if (s < game.pcShare * 0.8 + game.mobileShare * 0.85)
            v.source = QStringLiteral("mobile_recorder");
        else
            v.source = QStringLiteral("web_upload");

        const KindInfo &kind = d.kinds[d.kindPicker.pick(rng)];
        const NamedTag *character = (!game.characters.isEmpty() && rng.chance(0.7))
                                        ? &game.characters[rng.skewed(game.characters.size(), 1.6)]
                                        : nullptr;
        const NamedTag *mode = (!game.modes.isEmpty() && rng.chance(0.3))
                                   ? &game.modes[rng.skewed(game.modes.size(), 1.4)]
                                   : nullptr;
        const NamedTag *item = (!game.items.isEmpty() && rng.chance(0.15))
                                   ? &game.items[rng.below(game.items.size())]
                                   : nullptr;

        const bool english = rng.chance(0.05) && !game.nameEn.isEmpty();
        QString title;
        for (int tries = 0; tries < 24; ++tries) {
            const QString pattern = english ? str(pickFrom(rng, EnglishTemplates))
                                            : str(pickFrom(rng, ChineseTemplates));
            if ((pattern.contains(QLatin1String("{C}")) && !character) ||
                (pattern.contains(QLatin1String("{M}")) && !mode) ||
                (pattern.contains(QLatin1String("{I}")) && !item))
                continue;
            title = pattern;
            break;
        }
        if (title.isEmpty())
            title = english ? QStringLiteral("{G} {K}") : QStringLiteral("{G}{K}：{H}");
        title.replace(QLatin1String("{G}"), english ? game.nameEn : game.name);
        if (character)
            title.replace(QLatin1String("{C}"), english && !character->nameEn.isEmpty()
                                                    ? character->nameEn
                                                    : character->name);
        if (mode)
            title.replace(QLatin1String("{M}"),
                          english && !mode->nameEn.isEmpty() ? mode->nameEn : mode->name);
        if (item)
            title.replace(QLatin1String("{I}"),
                          english && !item->nameEn.isEmpty() ? item->nameEn : item->name);
        title.replace(QLatin1String("{K}"),
                      english ? kind.nameEn
                              : kind.titleWords.at(rng.below(kind.titleWords.size())));
        title.replace(QLatin1String("{H}"), str(pickFrom(rng, Hooks)));
        title.replace(QLatin1String("{N}"), QString::number(1 + rng.below(120)));
        v.title = title;

        v.durationSeconds =
            std::max(kind.minSeconds, int(kind.medianSeconds * std::exp(0.6 * rng.normal())));
        const double ageDays = double(until - v.publishedAt) / 86400.0;
        const double mu = std::log(180.0) + 0.45 * std::log(game.popularity / 20.0) +
                          0.5 * std::log(std::min(1.0, (ageDays + 0.5) / 21.0));
        double plays = std::exp(mu + 1.5 * rng.normal());
        v.featured = rng.chance(0.02) || (plays > 20000 && rng.chance(0.25));
        if (v.featured)
            plays *= 3;
        v.plays = qint64(plays);
        if (!sink.addVideo(v))
            return sinkFailed();
        ++m_counts.videos;

        // Tags, with a long tail; new videos are more often still untagged (the editors' queue).
        tagBuffer.clear();
        const double untagged = 0.08 + (ageDays < 14 ? 0.35 * (1.0 - ageDays / 14.0) : 0.0);
        if (!rng.chance(untagged)) {
            if (rng.chance(0.9))
                tagBuffer.append(game.defaultTagId);
            if (rng.chance(0.85))
                tagBuffer.append(kind.tagId);
            if (character && rng.chance(0.8))
                tagBuffer.append(character->id);
            if (mode && rng.chance(0.7))
                tagBuffer.append(mode->id);
            if (item && rng.chance(0.6))
                tagBuffer.append(item->id);
            if (rng.chance(0.2))
                tagBuffer.append(d.kinds[d.kindPicker.pick(rng)].tagId);
            if (!game.characters.isEmpty() && rng.chance(0.1))
                tagBuffer.append(game.characters[rng.below(game.characters.size())].id);
            if (!game.modes.isEmpty() && rng.chance(0.08))
                tagBuffer.append(game.modes[rng.below(game.modes.size())].id);
            if (!game.items.isEmpty() && rng.chance(0.05))
                tagBuffer.append(game.items[rng.below(game.items.size())].id);
            if (tagBuffer.isEmpty())
                tagBuffer.append(game.defaultTagId);
            std::sort(tagBuffer.begin(), tagBuffer.end());
            tagBuffer.erase(std::unique(tagBuffer.begin(), tagBuffer.end()), tagBuffer.end());
            for (qint64 tagId : std::as_const(tagBuffer)) {
                if (!sink.addVideoTag(v.id, tagId))
                    return sinkFailed();
                ++m_counts.videoTags;
            }
        }
        if ((v.id & 0xFFFF) == 0)
            report(tr("Videos"), m_counts.videos, m_options.videos);
    }
    report(tr("Videos"), m_counts.videos, m_options.videos);
    return true;
}
