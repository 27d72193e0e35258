#include "tagrecommender.h"

#include "cachedatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <sqlite3.h>
#include <unordered_map>

namespace {

// Weights of the three sources. A title match is strong evidence; co-occurrence is worth up
// to a few points for pairs that are both frequent and far above chance; popularity only
// breaks ties and fills the row for an untagged video.
constexpr double kTitleWeight = 3.0;
constexpr double kPairWeight = 1.0;
constexpr double kPairShrink = 4.0; // a pair seen n times counts n / (n + 4)
constexpr int kMinPairCount = 2;    // pairs seen once say nothing
constexpr double kPopularWeight = 1.0;

quint64 pairKey(qint64 a, qint64 b)
{
    if (a > b)
        std::swap(a, b);
    return (quint64(quint32(a)) << 32) | quint32(b);
}

} // namespace

struct TagRecommender::Game
{
    struct Term
    {
        QString text; // lowercased
        qint64 tagId;
    };
    qint64 tagged = 0;          // videos of the game with at least one tag
    QHash<qint64, qint64> uses; // tag -> videos of the game carrying it
    std::unordered_map<quint64, qint64> pairs;
    QHash<qint64, QString> applicable; // active tags usable on the game's videos -> name
    QList<Term> terms;                 // names, English names, aliases, longest first
};

TagRecommender::TagRecommender(const QSqlDatabase &db)
    : m_db(db)
{}

TagRecommender::~TagRecommender() = default;

void TagRecommender::invalidate(qint64 gameId)
{
    if (gameId == 0)
        m_games.clear();
    else
        m_games.remove(gameId);
}

const TagRecommender::Game *TagRecommender::game(qint64 gameId)
{
    if (const auto it = m_games.constFind(gameId); it != m_games.cend())
        return it.value().get();
    auto g = std::make_shared<Game>();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT t.id, t.name, t.name_en, t.aliases FROM tags t JOIN tag_groups g ON g.id = "
        "t.group_id WHERE t.status = 'active' AND (g.kind = 'general' OR (g.kind = 'category' "
        "AND g.game_id = ?))"));
    q.addBindValue(gameId);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return nullptr;
    }
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        const QString name = q.value(1).toString();
        g->applicable.insert(id, name);
        m_names.insert(id, name);
        QStringList texts{name, q.value(2).toString()};
        for (const QJsonValue &a : QJsonDocument::fromJson(q.value(3).toByteArray()).array())
            texts.append(a.toString());
        for (const QString &text : std::as_const(texts)) {
            const QString t = text.trimmed().toLower();
            // One Latin letter or one Han character matches too much by accident.
            if (t.size() >= 2)
                g->terms.append({t, id});
        }
    }
    std::sort(g->terms.begin(), g->terms.end(), [](const Game::Term &a, const Game::Term &b) {
        return a.text.size() > b.text.size();
    });

    // Every tagged video of the game, its tags in order: uses and pair counts. Through the C
    // API: a large game has hundreds of thousands of them, read once per session.
    sqlite3 *handle = CacheDatabase::handleOf(m_db);
    sqlite3_stmt *rows = nullptr;
    static const char sql[] = "SELECT vt.video_id, vt.tag_id FROM videos v JOIN video_tags vt ON "
                              "vt.video_id = v.id WHERE v.game_id = ? ORDER BY vt.video_id";
    if (!handle || sqlite3_prepare_v2(handle, sql, -1, &rows, nullptr) != SQLITE_OK) {
        m_error = handle ? QString::fromUtf8(sqlite3_errmsg(handle))
                         : tr("The cache is not an SQLite database.");
        return nullptr;
    }
    sqlite3_bind_int64(rows, 1, gameId);
    QList<qint64> current;
    qint64 video = -1;
    const auto flush = [&] {
        if (current.isEmpty())
            return;
        ++g->tagged;
        for (int i = 0; i < current.size(); ++i) {
            ++g->uses[current[i]];
            for (int j = i + 1; j < current.size(); ++j)
                ++g->pairs[pairKey(current[i], current[j])];
        }
        current.clear();
    };
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(rows)) == SQLITE_ROW) {
        const qint64 v = sqlite3_column_int64(rows, 0);
        if (v != video) {
            flush();
            video = v;
        }
        current.append(sqlite3_column_int64(rows, 1));
    }
    flush();
    if (rc != SQLITE_DONE)
        m_error = QString::fromUtf8(sqlite3_errmsg(handle));
    sqlite3_finalize(rows);
    if (rc != SQLITE_DONE)
        return nullptr;
    m_games.insert(gameId, g);
    return g.get();
}

QList<TagRecommender::Suggestion> TagRecommender::recommend(qint64 videoId, int limit)
{
    Video video;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT game_id, title FROM videos WHERE id = ?"));
    q.addBindValue(videoId);
    if (!q.exec() || !q.next()) {
        m_error = q.lastError().isValid() ? q.lastError().text()
                                          : tr("Video %1 is not in the cache.").arg(videoId);
        return {};
    }
    video.gameId = q.value(0).toLongLong();
    video.title = q.value(1).toString();
    q.prepare(QStringLiteral("SELECT tag_id FROM video_tags WHERE video_id = ?"));
    q.addBindValue(videoId);
    if (q.exec()) {
        while (q.next())
            video.tags.append(q.value(0).toLongLong());
    }
    return recommend(video, limit);
}

QList<TagRecommender::Suggestion> TagRecommender::recommend(const Video &video, int limit)
{
    const Game *g = game(video.gameId);
    if (!g)
        return {};
    // Leave-one-out counts for the excluded video's tags.
    QHash<qint64, qint64> usesOut;
    std::unordered_map<quint64, qint64> pairsOut;
    qint64 taggedOut = 0;
    if (video.excludeVideo != 0 && !video.excludeTags.isEmpty()) {
        taggedOut = 1;
        for (int i = 0; i < video.excludeTags.size(); ++i) {
            ++usesOut[video.excludeTags[i]];
            for (int j = i + 1; j < video.excludeTags.size(); ++j)
                ++pairsOut[pairKey(video.excludeTags[i], video.excludeTags[j])];
        }
    }
    const auto uses = [&](qint64 tag) {
        return g->uses.value(tag) - usesOut.value(tag);
    };
    const auto pairs = [&](qint64 a, qint64 b) {
        const quint64 key = pairKey(a, b);
        const auto it = g->pairs.find(key);
        const auto out = pairsOut.find(key);
        return (it == g->pairs.end() ? 0 : it->second) - (out == pairsOut.end() ? 0 : out->second);
    };
    const double tagged = double(g->tagged - taggedOut);
    const QSet<qint64> current(video.tags.cbegin(), video.tags.cend());

    QHash<qint64, Suggestion> scored;
    const auto entry = [&](qint64 tag) -> Suggestion & {
        Suggestion &s = scored[tag];
        if (s.tagId == 0) {
            s.tagId = tag;
            s.name = g->applicable.value(tag);
        }
        return s;
    };

    // The title: longest terms first, each stretch of the title used once.
    QString title = video.title.toLower();
    for (const Game::Term &term : video.popularityOnly ? QList<Game::Term>() : g->terms) {
        if (current.contains(term.tagId))
            continue;
        const qsizetype at = title.indexOf(term.text);
        if (at < 0)
            continue;
        Suggestion &s = entry(term.tagId);
        if (!(s.reasons & InTitle)) {
            s.score += kTitleWeight + 0.1 * std::min<qsizetype>(term.text.size(), 6);
            s.reasons |= InTitle;
        }
        title.replace(at, term.text.size(), QString(term.text.size(), QLatin1Char(' ')));
    }

    for (auto it = g->applicable.cbegin(); it != g->applicable.cend(); ++it) {
        const qint64 tag = it.key();
        if (current.contains(tag))
            continue;
        const qint64 n = uses(tag);
        if (n <= 0 || tagged <= 0)
            continue;
        // Co-occurrence: the best lift over the current tags, shrunk for rare pairs.
        double best = 0;
        qint64 via = 0;
        for (qint64 c : video.popularityOnly ? QList<qint64>() : video.tags) {
            const qint64 both = pairs(tag, c);
            const qint64 nc = uses(c);
            if (both < kMinPairCount || nc <= 0)
                continue;
            const double lift = both * tagged / (double(n) * double(nc));
            if (lift <= 1.0)
                continue;
            const double value = std::log2(lift) * (both / (both + kPairShrink));
            if (value > best) {
                best = value;
                via = c;
            }
        }
        const double share = n / tagged;
        if (best <= 0 && share < 0.02)
            continue;
        Suggestion &s = entry(tag);
        if (best > 0) {
            s.score += kPairWeight * best;
            s.reasons |= GoesWith;
            s.goesWith = via;
        }
        s.score += kPopularWeight * share;
        if (share >= 0.05)
            s.reasons |= Popular;
    }

    QList<Suggestion> list = scored.values();
    std::sort(list.begin(), list.end(), [](const Suggestion &a, const Suggestion &b) {
        if (a.score != b.score)
            return a.score > b.score;
        return a.tagId < b.tagId;
    });
    if (list.size() > limit)
        list.resize(limit);
    return list;
}

QString TagRecommender::explain(const Suggestion &suggestion) const
{
    QStringList parts;
    if (suggestion.reasons & InTitle)
        parts.append(tr("in the title"));
    if (suggestion.reasons & GoesWith)
        parts.append(tr("often with %1").arg(m_names.value(suggestion.goesWith)));
    if (suggestion.reasons & Popular)
        parts.append(tr("popular in this game"));
    return parts.join(QStringLiteral(", "));
}

TagRecommender::Evaluation TagRecommender::evaluate(int videos)
{
    Evaluation e;
    struct Sample
    {
        qint64 id;
        qint64 game;
        QString title;
        QList<qint64> tags;
    };
    QList<Sample> samples;
    {
        // A fixed pseudo-random order (Knuth's multiplicative hash), the same on every run.
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT id, game_id, title FROM videos WHERE tag_count >= 2 "
                                 "ORDER BY (id * 2654435761) % 4294967291 LIMIT ?"));
        q.addBindValue(videos);
        if (!q.exec()) {
            m_error = q.lastError().text();
            return e;
        }
        while (q.next())
            samples.append(
                {q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toString(), {}});
        q.prepare(QStringLiteral("SELECT tag_id FROM video_tags WHERE video_id = ? ORDER BY "
                                 "tag_id"));
        for (Sample &s : samples) {
            q.addBindValue(s.id);
            if (q.exec()) {
                while (q.next())
                    s.tags.append(q.value(0).toLongLong());
            }
        }
    }
    const auto rankOf = [](const QList<Suggestion> &list, qint64 tag) {
        for (int i = 0; i < list.size(); ++i) {
            if (list[i].tagId == tag)
                return i;
        }
        return int(list.size());
    };
    int at1 = 0, at3 = 0, at5 = 0, popular5 = 0, relevant3 = 0, suggested3 = 0, found5 = 0,
        hidden = 0;
    for (const Sample &s : samples) {
        Video v;
        v.gameId = s.game;
        v.title = s.title;
        v.excludeVideo = s.id;
        v.excludeTags = s.tags;
        const qint64 out = s.tags.at(int(quint64(s.id) * 40503u % quint64(s.tags.size())));
        v.tags = s.tags;
        v.tags.removeOne(out);
        const int rank = rankOf(recommend(v, 5), out);
        at1 += rank < 1;
        at3 += rank < 3;
        at5 += rank < 5;
        v.popularityOnly = true;
        popular5 += rankOf(recommend(v, 5), out) < 5;

        v.popularityOnly = false;
        v.tags.clear();
        const QList<Suggestion> fresh = recommend(v, 5);
        for (int i = 0; i < fresh.size(); ++i) {
            const bool right = s.tags.contains(fresh[i].tagId);
            if (i < 3) {
                ++suggested3;
                relevant3 += right;
            }
            found5 += right;
        }
        hidden += int(s.tags.size());
        ++e.videos;
    }
    if (e.videos > 0) {
        e.oneHiddenAt1 = double(at1) / e.videos;
        e.oneHiddenAt3 = double(at3) / e.videos;
        e.oneHiddenAt5 = double(at5) / e.videos;
        e.popularityOnlyAt5 = double(popular5) / e.videos;
        e.untaggedPrecisionAt3 = suggested3 ? double(relevant3) / suggested3 : 0;
        e.untaggedRecallAt5 = hidden ? double(found5) / hidden : 0;
    }
    return e;
}
