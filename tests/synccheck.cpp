#include "synccheck.h"

#include "cachedatabase.h"
#include "centralloader.h"
#include "centralrows.h"
#include "demodatagenerator.h"
#include "teststore.h"

#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace {

// One row as text, JSON columns normalised (PostgreSQL prints jsonb with spaces).
QStringList rows(const QSqlDatabase &db, const CentralRows::Table &table, bool central,
                 QString *error)
{
    QStringList names;
    for (const CentralRows::Column &c : table.columns)
        names.append(c.name);
    const QString order =
        table.key2.isEmpty() ? table.key1 : table.key1 + QStringLiteral(", ") + table.key2;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    const QString sql = central ? QStringLiteral("SELECT %1 FROM coulisse.%2 ORDER BY %3")
                                      .arg(CentralRows::centralSelectList(table), table.name, order)
                                : QStringLiteral("SELECT %1 FROM %2 ORDER BY %3")
                                      .arg(names.join(QStringLiteral(", ")), table.name, order);
    QStringList list;
    if (!q.exec(sql)) {
        *error = q.lastError().text();
        return list;
    }
    while (q.next()) {
        QStringList fields;
        for (int i = 0; i < table.columns.size(); ++i) {
            const QVariant v = q.value(i);
            if (v.isNull())
                fields.append(QStringLiteral("NULL"));
            else if (table.columns[i].type == CentralRows::Type::Json)
                fields.append(QString::fromUtf8(
                    QJsonDocument::fromJson(v.toString().toUtf8()).toJson(QJsonDocument::Compact)));
            else
                fields.append(v.toString());
        }
        list.append(fields.join(QLatin1Char('|')));
    }
    return list;
}

} // namespace

namespace SyncCheck {

QString seed(TestStore &store, qint64 videos, quint64 seed)
{
    CentralLoader loader(store.installer());
    if (!loader.begin(QStringLiteral("sync test")))
        return loader.errorString();
    DemoDataOptions options;
    options.videos = videos;
    options.seed = seed;
    DemoDataGenerator generator(options);
    if (!generator.generate(loader)) {
        loader.rollback();
        return generator.errorString();
    }
    return loader.commit() ? QString() : loader.errorString();
}

QString compare(CacheDatabase &cache, const QSqlDatabase &central)
{
    for (const CentralRows::Table &table : CentralRows::tables()) {
        QString error;
        const QStringList mine = rows(cache.database(), table, false, &error);
        const QStringList theirs = rows(central, table, true, &error);
        if (!error.isEmpty())
            return table.name + QStringLiteral(": ") + error;
        if (mine == theirs)
            continue;
        for (qsizetype i = 0; i < qMax(mine.size(), theirs.size()); ++i) {
            const QString a = mine.value(i, QStringLiteral("(none)"));
            const QString b = theirs.value(i, QStringLiteral("(none)"));
            if (a != b)
                return QStringLiteral("%1 (%2 cached rows, %3 central): row %4 cached %5, "
                                      "central %6")
                    .arg(table.name)
                    .arg(mine.size())
                    .arg(theirs.size())
                    .arg(i)
                    .arg(a, b);
        }
    }
    return {};
}

QString health(CacheDatabase &cache)
{
    return cache.integrityProblems().join(QStringLiteral("; "));
}

} // namespace SyncCheck
