#include "tagstatistics.h"

#include <QHash>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace {

const char *const kTagColumns =
    "t.id, t.name, t.name_en, g.kind, g.code, coalesce(lib.name, ''), coalesce(lib.name_en, ''), "
    "t.usage_count";
const char *const kTagJoins = "FROM tags t JOIN tag_groups g ON g.id = t.group_id LEFT JOIN games "
                              "lib ON lib.id = g.game_id";

TagStatistics::TagUse tagUse(const QSqlQuery &q)
{
    TagStatistics::TagUse t;
    t.id = q.value(0).toLongLong();
    t.name = q.value(1).toString();
    t.nameEn = q.value(2).toString();
    t.groupKind = q.value(3).toString();
    t.groupCode = q.value(4).toString();
    t.gameName = q.value(5).toString();
    t.gameNameEn = q.value(6).toString();
    t.uses = q.value(7).toLongLong();
    return t;
}

} // namespace

bool TagStatistics::compute(const QSqlDatabase &db, QString *error)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const auto run = [&](const QString &sql) {
        if (q.exec(sql))
            return true;
        *error = q.lastError().text();
        return false;
    };
    if (!run(QStringLiteral("SELECT count(*), coalesce(sum(tag_count > 0), 0) FROM videos")) ||
        !q.next())
        return false;
    videos = q.value(0).toLongLong();
    tagged = q.value(1).toLongLong();

    // Optional tags per video: its tags less those of its game's default category.
    optionalTags = QList<qint64>(kHistogramMax + 1, 0);
    if (!run(
            QStringLiteral(
                "SELECT min(v.tag_count - coalesce(d.n, 0), %1), count(*) FROM videos v LEFT JOIN "
                "(SELECT vt.video_id, count(*) AS n FROM video_tags vt WHERE vt.tag_id IN (SELECT "
                "t.id FROM tags t JOIN tag_groups g ON g.id = t.group_id WHERE g.kind = 'category' "
                "AND g.code = 'default') GROUP BY vt.video_id) d ON d.video_id = v.id GROUP BY 1")
                .arg(kHistogramMax)))
        return false;
    while (q.next()) {
        const int n = std::clamp(q.value(0).toInt(), 0, kHistogramMax);
        optionalTags[n] += q.value(1).toLongLong();
    }

    uses.clear();
    unused.clear();
    retiredInUse.clear();
    if (!run(QStringLiteral("SELECT %1, t.status %2 ORDER BY t.usage_count DESC, t.id")
                 .arg(QLatin1String(kTagColumns), QLatin1String(kTagJoins))))
        return false;
    while (q.next()) {
        const TagUse t = tagUse(q);
        const QString status = q.value(8).toString();
        if (t.groupKind != QLatin1String("dimension"))
            uses.append(t);
        if (status == QLatin1String("active") && t.uses == 0)
            unused.append(t);
        if (status == QLatin1String("retired") && t.uses > 0)
            retiredInUse.append(t);
    }

    // Videos carrying at least one tag of each kind of library.
    categories.clear();
    if (!run(QStringLiteral(
            "SELECT CASE g.kind WHEN 'general' THEN 'general' ELSE g.code END AS c, count(DISTINCT "
            "vt.video_id) FROM video_tags vt JOIN tags t ON t.id = vt.tag_id JOIN tag_groups g ON "
            "g.id = t.group_id GROUP BY c")))
        return false;
    QHash<QString, qint64> byCode;
    while (q.next())
        byCode.insert(q.value(0).toString(), q.value(1).toLongLong());
    for (const char *code : {"default", "character", "item", "mode", "general"})
        categories.append({QString::fromLatin1(code), byCode.value(QString::fromLatin1(code))});

    games.clear();
    if (!run(QStringLiteral("SELECT g.id, g.name, g.name_en, count(v.id), coalesce(sum(v.tag_count "
                            "> 0), 0), coalesce(avg(v.tag_count), 0) FROM games g LEFT JOIN videos "
                            "v ON v.game_id = g.id GROUP BY g.id ORDER BY count(v.id) DESC, g.id")))
        return false;
    while (q.next())
        games.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
                      q.value(3).toLongLong(), q.value(4).toLongLong(), q.value(5).toDouble()});
    return true;
}

double TagStatistics::topShare(double share) const
{
    qint64 total = 0;
    for (const TagUse &t : uses)
        total += t.uses;
    if (total == 0 || uses.isEmpty())
        return 0;
    const int top = std::max(1, int(std::ceil(uses.size() * share)));
    qint64 sum = 0;
    for (int i = 0; i < top && i < uses.size(); ++i)
        sum += uses.at(i).uses;
    return double(sum) / double(total);
}
