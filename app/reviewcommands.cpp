// coulisse-cli review: the review queue of a cache, and decisions queued like the app's.
#include "cachedatabase.h"
#include "cacheeditor.h"
#include "catalogue.h"
#include "clicommands.h"
#include "reviewtablemodel.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>

namespace Cli {

namespace {

int reviewList(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    parser.addOption({QStringLiteral("author"), Text::tr("Only this author's requests."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("kind"),
                      Text::tr("Only this kind (video_tags, game_tags, tag_create, tag_update, "
                               "tag_merge, game_create, game_update)."),
                      QStringLiteral("KIND")});
    parser.addOption({QStringLiteral("decided"), Text::tr("The decided requests instead.")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Lists the change requests of a cache (synced from central), the oldest "
                        "first: id, age, author, kind, what it affects, and a conflict if the "
                        "target changed since."),
               arguments, &code))
        return code;
    CacheDatabase cache;
    if (!cache.open(cachePath(parser), CacheDatabase::Access::ReadOnly)) {
        err() << cache.errorString() << '\n';
        return 1;
    }
    QSqlQuery q(cache.database());
    QString sql =
        QStringLiteral("SELECT c.id, c.requested_at, c.requested_by, c.kind, "
                       "coalesce(%1, ''), %2, c.status, coalesce(c.reviewed_by, '') "
                       "FROM change_requests c LEFT JOIN games g ON g.id = c.game_id "
                       "WHERE (c.status = 'pending') = ?")
            .arg(ReviewTableModel::targetExpression(), ReviewTableModel::conflictExpression());
    QVariantList values{!parser.isSet(QStringLiteral("decided"))};
    const std::pair<QString, QString> filters[] = {
        {QStringLiteral("author"), QStringLiteral("requested_by")},
        {QStringLiteral("kind"), QStringLiteral("kind")}};
    for (const auto &[option, column] : filters) {
        const QString value = parser.value(option);
        if (value.isEmpty())
            continue;
        sql += QStringLiteral(" AND c.%1 = ?").arg(column);
        values.append(value);
    }
    q.prepare(sql + QStringLiteral(" ORDER BY c.requested_at, c.seq"));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec()) {
        err() << q.lastError().text() << '\n';
        return 1;
    }
    int n = 0;
    while (q.next()) {
        ++n;
        out() << q.value(0).toString() << "  "
              << Catalogue::Labels::dateTime(q.value(1).toLongLong()) << "  "
              << pad(q.value(2).toString(), 14) << ' '
              << pad(ReviewTableModel::kindLabel(q.value(3).toString()), 12) << ' '
              << q.value(4).toString();
        if (q.value(6).toString() != QLatin1String("pending"))
            out() << "  [" << q.value(6).toString() << ", " << q.value(7).toString() << ']';
        else if (!q.value(5).toString().isEmpty())
            out() << "  [" << ReviewTableModel::conflictText(q.value(5).toString()) << ']';
        out() << '\n';
    }
    out() << Text::tr("%n request(s).", nullptr, n) << '\n';
    return 0;
}

int reviewDecide(const QStringList &arguments, bool approve)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    parser.addOption({QStringLiteral("comment"),
                      approve ? Text::tr("A comment for the author.")
                              : Text::tr("Why (required): the author reads it."),
                      QStringLiteral("TEXT")});
    int code = 0;
    if (!parse(parser,
               approve ? Text::tr("Approves change requests (ids, comma-separated) in a cache; "
                                  "the next sync sends the decisions.")
                       : Text::tr("Rejects change requests (ids, comma-separated) in a cache, "
                                  "with a comment; the next sync sends the decisions."),
               arguments, &code, QStringLiteral("ID[,ID...]")))
        return code;
    const QStringList ids =
        parser.positionalArguments().value(0).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (ids.isEmpty()) {
        err() << Text::tr("Name the requests to decide (see coulisse-cli review list).") << '\n';
        return 2;
    }
    CacheDatabase cache;
    if (!cache.open(cachePath(parser))) {
        err() << cache.errorString() << '\n';
        return 1;
    }
    CacheEditor editor(cache);
    const CacheEditor::ReviewResult r =
        editor.review(ids, approve, parser.value(QStringLiteral("comment")));
    if (!r.ok) {
        err() << r.error << '\n';
        return 1;
    }
    out() << (approve ? Text::tr("%n approval(s) queued; run coulisse-cli sync to send them.",
                                 nullptr, int(ids.size()))
                      : Text::tr("%n rejection(s) queued; run coulisse-cli sync to send them.",
                                 nullptr, int(ids.size())))
          << '\n';
    return 0;
}

int reviewApprove(const QStringList &arguments)
{
    return reviewDecide(arguments, true);
}

int reviewReject(const QStringList &arguments)
{
    return reviewDecide(arguments, false);
}

} // namespace

QList<Command> reviewCommands()
{
    const QString review = QStringLiteral("review");
    return {
        {{review, QStringLiteral("list")},
         QT_TRANSLATE_NOOP("Cli", "List the change requests of a cache"),
         &reviewList},
        {{review, QStringLiteral("approve")},
         QT_TRANSLATE_NOOP("Cli", "Approve change requests (supervisor; queued for sync)"),
         &reviewApprove},
        {{review, QStringLiteral("reject")},
         QT_TRANSLATE_NOOP("Cli", "Reject change requests with a comment (queued for sync)"),
         &reviewReject},
    };
}

} // namespace Cli
