#include "levelwhatif.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>

namespace {

int keyCount()
{
    return int(LevelLadder::metrics().size() * LevelLadder::windows().size());
}

} // namespace

int LevelWhatIf::column(const QString &key)
{
    const QStringList metrics = LevelLadder::metrics();
    const QList<int> windows = LevelLadder::windows();
    const int metric = int(metrics.indexOf(key.section(QLatin1Char(':'), 0, 0)));
    const int window = int(windows.indexOf(key.section(QLatin1Char(':'), 1).toInt()));
    return metric < 0 || window < 0 ? -1 : metric * int(windows.size()) + window;
}

bool LevelWhatIf::load(const QSqlDatabase &cache)
{
    m_loaded = false;
    m_ids.clear();
    m_nicknames.clear();
    m_levels.clear();
    m_values.clear();
    QSqlQuery q(cache);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT cl.user_id, coalesce(u.nickname, ''), cl.level, cl.stats "
                               "FROM creator_levels cl JOIN users u ON u.id = cl.user_id "
                               "ORDER BY cl.user_id"))) {
        m_error = tr("The creators' metrics could not be read: %1").arg(q.lastError().text());
        return false;
    }
    const int keys = keyCount();
    QList<QString> keyNames(keys);
    for (const QString &metric : LevelLadder::metrics()) {
        for (int window : LevelLadder::windows()) {
            const QString key = metric + QLatin1Char(':') + QString::number(window);
            keyNames[column(key)] = key;
        }
    }
    while (q.next()) {
        m_ids.append(q.value(0).toLongLong());
        m_nicknames.append(q.value(1).toString());
        m_levels.append(q.value(2).toInt());
        const QJsonObject stats = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
        for (int k = 0; k < keys; ++k)
            m_values.append(stats.value(keyNames.at(k)).toDouble());
    }
    if (q.lastError().isValid()) {
        m_error = tr("The creators' metrics could not be read: %1").arg(q.lastError().text());
        return false;
    }
    m_loaded = true;
    return true;
}

LevelLadder::Stats LevelWhatIf::stats(int index) const
{
    LevelLadder::Stats result;
    for (const QString &metric : LevelLadder::metrics()) {
        for (int window : LevelLadder::windows()) {
            const QString key = metric + QLatin1Char(':') + QString::number(window);
            result.insert(key, m_values.at(qsizetype(index) * keyCount() + column(key)));
        }
    }
    return result;
}

LevelWhatIf::Result LevelWhatIf::evaluate(const LevelLadder &ladder) const
{
    Result result;
    const LadderEvaluator evaluator(ladder);
    QList<int> columns;
    for (const QString &key : evaluator.keys())
        columns.append(column(key));
    QList<double> values(std::max<qsizetype>(columns.size(), 1));
    const int keys = keyCount();
    result.creators = int(m_ids.size());
    const int top =
        std::max(evaluator.levelCount(),
                 m_levels.isEmpty() ? 0 : *std::max_element(m_levels.begin(), m_levels.end()));
    result.current = QList<int>(top + 1, 0);
    result.proposed = QList<int>(top + 1, 0);
    for (qsizetype i = 0; i < m_ids.size(); ++i) {
        const double *row = m_values.constData() + i * keys;
        for (qsizetype c = 0; c < columns.size(); ++c)
            values[c] = columns.at(c) < 0 ? 0 : row[columns.at(c)];
        const LevelLadder::Standing s = evaluator.standing(values.constData());
        const int current = m_levels.at(i);
        ++result.current[current];
        ++result.proposed[s.level];
        if (s.level != current) {
            (s.level > current ? result.up : result.down) += 1;
            result.moves.append({m_ids.at(i), m_nicknames.at(i), current, s.level, s.progress});
        }
    }
    return result;
}
