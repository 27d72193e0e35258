// coulisse-cli sync, sync status, outbox list|resolve, tag edit, game edit.
#include "cachedatabase.h"
#include "cacheeditor.h"
#include "clicommands.h"
#include "syncengine.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSqlQuery>

namespace Cli {

namespace {

QCommandLineOption urlOption()
{
    return {QStringLiteral("url"),
            Text::tr("The central store: a libpq URL or key=value string; a password not in it "
                     "comes from PGPASSWORD or ~/.pgpass."),
            QStringLiteral("URL")};
}

bool openCache(CacheDatabase &cache, const QCommandLineParser &parser)
{
    if (cache.open(cachePath(parser)))
        return true;
    err() << cache.errorString() << '\n';
    return false;
}

QString stageName(SyncEngine::Stage stage)
{
    switch (stage) {
    case SyncEngine::Stage::Connecting:
        return Text::tr("Connecting");
    case SyncEngine::Stage::Pushing:
        return Text::tr("Sending changes");
    case SyncEngine::Stage::Copying:
        return Text::tr("Copying the catalogue");
    case SyncEngine::Stage::Pulling:
        return Text::tr("Receiving changes");
    case SyncEngine::Stage::Confirming:
        return Text::tr("Confirming changes");
    case SyncEngine::Stage::Indexing:
        return Text::tr("Building indexes");
    }
    return {};
}

int sync(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    parser.addOption(urlOption());
    parser.addOption({QStringLiteral("password-stdin"),
                      Text::tr("Read the password from the first line of standard input.")});
    parser.addOption({QStringLiteral("quiet"), Text::tr("No progress on standard error.")});
    parser.addOption({QStringLiteral("copy-page"),
                      Text::tr("Rows per page of an initial copy (default 50000); each page is "
                               "committed, so an interrupted copy resumes after the last one."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("batch"),
                      Text::tr("Local transactions sent per round trip (default 256)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("index-chunk"),
                      Text::tr("Rows a search table indexes per transaction after an initial "
                               "copy (default 100000)."),
                      QStringLiteral("N")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Syncs a cache with the central store once: sends the outbox, copies "
                        "the user's scope when the cache has none, receives what changed and "
                        "confirms what central has applied."),
               arguments, &code))
        return code;
    if (parser.value(QStringLiteral("url")).isEmpty()) {
        err() << Text::tr("--url is required.") << '\n';
        return 2;
    }
    SyncEngine::Settings settings;
    settings.conninfo = parser.value(QStringLiteral("url"));
    for (const auto &[option, value] :
         {std::pair{QStringLiteral("copy-page"), &settings.copyPage},
          std::pair{QStringLiteral("batch"), &settings.pushBatch},
          std::pair{QStringLiteral("index-chunk"), &settings.indexChunk}}) {
        if (!parser.isSet(option))
            continue;
        bool ok = false;
        *value = parser.value(option).toInt(&ok);
        if (!ok || *value < 1) {
            err() << Text::tr("--%1 takes a positive number.").arg(option) << '\n';
            return 2;
        }
    }
    if (parser.isSet(QStringLiteral("password-stdin")))
        settings.password = QTextStream(stdin).readLine();
    CacheDatabase cache;
    if (!openCache(cache, parser))
        return 1;
    const bool quiet = parser.isSet(QStringLiteral("quiet"));
    const QLocale l;
    SyncEngine engine(cache, settings);
    const SyncEngine::Report r =
        engine.run([&](SyncEngine::Stage stage, qint64 done, qint64 total) {
            if (quiet)
                return;
            err() << '\r' << stageName(stage);
            if (done > 0)
                err() << ": " << l.toString(done);
            if (total > 0)
                err() << " / " << l.toString(total);
            err() << "   " << Qt::flush;
        });
    if (!quiet)
        err() << '\r' << QString(60, QLatin1Char(' ')) << '\r' << Qt::flush;
    if (!r.user.isEmpty())
        out() << Text::tr("Signed in as %1 (%2).").arg(r.user, r.role) << '\n';
    if (r.pushedOps > 0 || r.rejected > 0)
        out() << Text::tr("Sent %n change(s)", nullptr, r.pushedOps) << ' '
              << Text::tr("in %n transaction(s):", nullptr, r.pushedTransactions) << ' '
              << Text::tr("%1 already known to central, %2 awaiting review, %3 rejected, %4 in "
                          "conflict.")
                     .arg(r.resentOps)
                     .arg(r.awaitingReview)
                     .arg(r.rejected)
                     .arg(r.conflicts)
              << '\n';
    if (r.copied)
        out() << Text::tr("Copied %1 rows of the catalogue (ready after %2 ms).")
                     .arg(l.toString(r.copiedRows))
                     .arg(r.readyMs)
              << '\n';
    if (r.indexSteps > 0)
        out() << Text::tr("Built the indexes and the search index in %n step(s).", nullptr,
                          r.indexSteps)
              << '\n';
    if (r.removedGames > 0)
        out() << Text::tr("Removed %n game(s) that left your scope.", nullptr, r.removedGames)
              << '\n';
    out() << Text::tr("Received %n change(s).", nullptr, int(qMin<qint64>(r.pulled, INT_MAX)))
          << '\n';
    if (r.confirmed > 0)
        out() << Text::tr("Confirmed %n change(s).", nullptr, r.confirmed) << '\n';
    const SyncStatus status = SyncStatus::read(cache);
    out() << Text::tr("Waiting: %1; rejected: %2; conflicts: %3.")
                 .arg(status.waiting)
                 .arg(status.rejected)
                 .arg(status.conflicts)
          << '\n';
    if (!r.ok) {
        err() << Text::tr("Sync failed: %1").arg(r.error) << '\n';
        if (r.retry)
            err() << Text::tr("Nothing is lost: run the sync again later.") << '\n';
        return 1;
    }
    out() << Text::tr("Sync finished in %1 ms.").arg(r.elapsedMs) << '\n';
    return 0;
}

int syncStatus(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    int code = 0;
    if (!parse(parser, Text::tr("Prints where a cache stands with the central store (offline)."),
               arguments, &code))
        return code;
    CacheDatabase cache;
    if (!openCache(cache, parser))
        return 1;
    const SyncStatus s = SyncStatus::read(cache);
    const QLocale l;
    out() << Text::tr("User:") << ' '
          << (s.user.isEmpty() ? Text::tr("never synced")
                               : s.user + QStringLiteral(" (") + s.role + QLatin1Char(')'))
          << '\n'
          << Text::tr("Last sync:") << ' '
          << (s.lastSync == 0
                  ? Text::tr("never")
                  : l.toString(QDateTime::fromSecsSinceEpoch(s.lastSync), QLocale::ShortFormat))
          << '\n'
          << Text::tr("Initial copy:") << ' '
          << (s.copied && s.indexing
                  ? Text::tr("complete; its indexes are still being built (at the next sync)")
              : s.copied  ? Text::tr("complete")
              : s.copying ? Text::tr("interrupted, resumes at the next sync")
                          : Text::tr("not started"))
          << '\n'
          << Text::tr("Waiting changes:") << ' ' << s.waiting << ' '
          << Text::tr("(%1 not yet acknowledged by central)").arg(s.unsent) << '\n'
          << Text::tr("Rejected changes:") << ' ' << s.rejected << '\n'
          << Text::tr("Conflicts:") << ' ' << s.conflicts << '\n';
    return 0;
}

int outboxList(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    parser.addOption({QStringLiteral("state"),
                      Text::tr("Only operations in this state: pending, sent, applied, rejected, "
                               "conflict or discarded."),
                      QStringLiteral("STATE")});
    int code = 0;
    if (!parse(parser, Text::tr("Lists the operations of a cache's outbox, oldest first."),
               arguments, &code))
        return code;
    CacheDatabase cache;
    if (!openCache(cache, parser))
        return 1;
    QSqlQuery q(cache.database());
    const QString state = parser.value(QStringLiteral("state"));
    q.prepare(QStringLiteral("SELECT op_id, state, kind, payload, coalesce(last_error, ''), "
                             "coalesce(result, '') FROM outbox %1 ORDER BY local_tx, op_id")
                  .arg(state.isEmpty() ? QString() : QStringLiteral("WHERE state = ?")));
    if (!state.isEmpty())
        q.addBindValue(state);
    if (!q.exec()) {
        err() << q.lastError().text() << '\n';
        return 1;
    }
    int rows = 0;
    while (q.next()) {
        out() << q.value(0).toString() << "  " << pad(q.value(1).toString(), 9) << ' '
              << pad(q.value(2).toString(), 11) << ' ' << q.value(3).toString() << '\n';
        if (!q.value(4).toString().isEmpty())
            out() << "    " << Text::tr("Reason:") << ' ' << q.value(4).toString() << '\n';
        const QJsonObject result = QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object();
        if (result.value(QStringLiteral("status")).toString() == QLatin1String("conflict"))
            out() << "    " << Text::tr("Central now holds:") << ' '
                  << QString::fromUtf8(
                         QJsonDocument(result.value(QStringLiteral("current")).toObject())
                             .toJson(QJsonDocument::Compact))
                  << '\n';
        ++rows;
    }
    if (rows == 0)
        out() << Text::tr("The outbox is empty.") << '\n';
    return 0;
}

int outboxResolve(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    parser.addOption({QStringLiteral("keep-mine"),
                      Text::tr("A conflict: send my values again over central's.")});
    parser.addOption({QStringLiteral("take-theirs"),
                      Text::tr("A conflict: keep central's values, give mine up.")});
    parser.addOption({QStringLiteral("edit"),
                      Text::tr("A conflict: send these values instead (a JSON object)."),
                      QStringLiteral("JSON")});
    parser.addOption({QStringLiteral("retry"), Text::tr("A rejected change: send it again.")});
    parser.addOption({QStringLiteral("discard"), Text::tr("A rejected change: give it up.")});
    int code = 0;
    if (!parse(parser, Text::tr("Decides about a rejected or conflicting change of the outbox."),
               arguments, &code, QStringLiteral("OP_ID")))
        return code;
    const QStringList ids = parser.positionalArguments();
    const QList<QPair<QString, CacheEditor::Resolution>> choices = {
        {QStringLiteral("keep-mine"), CacheEditor::Resolution::KeepMine},
        {QStringLiteral("take-theirs"), CacheEditor::Resolution::TakeTheirs},
        {QStringLiteral("edit"), CacheEditor::Resolution::Edit},
        {QStringLiteral("retry"), CacheEditor::Resolution::Retry},
        {QStringLiteral("discard"), CacheEditor::Resolution::Discard}};
    QList<CacheEditor::Resolution> chosen;
    for (const auto &choice : choices) {
        if (parser.isSet(choice.first))
            chosen.append(choice.second);
    }
    if (ids.size() != 1 || chosen.size() != 1) {
        err() << Text::tr("Give one operation id and exactly one of --keep-mine, --take-theirs, "
                          "--edit, --retry, --discard.")
              << '\n';
        return 2;
    }
    QJsonObject edited;
    if (chosen.first() == CacheEditor::Resolution::Edit) {
        QJsonParseError error;
        const QJsonDocument doc =
            QJsonDocument::fromJson(parser.value(QStringLiteral("edit")).toUtf8(), &error);
        if (!doc.isObject()) {
            err() << Text::tr("--edit takes a JSON object: %1 (at character %2).")
                         .arg(error.errorString())
                         .arg(error.offset + 1)
                  << '\n';
            return 2;
        }
        edited = doc.object();
    }
    CacheDatabase cache;
    if (!openCache(cache, parser))
        return 1;
    CacheEditor editor(cache);
    const CacheEditor::Result r = editor.resolve(ids.first(), chosen.first(), edited);
    if (!r.ok) {
        err() << r.error << '\n';
        return 1;
    }
    if (!r.opId.isEmpty())
        out() << Text::tr("Operation %1 waits for the next sync.").arg(r.opId) << '\n';
    else
        out() << Text::tr("Operation %1 is given up; the cache shows central's values.")
                     .arg(ids.first())
              << '\n';
    return 0;
}

int editRow(const QStringList &arguments, bool tag)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    parser.addOption({tag ? QStringLiteral("tag") : QStringLiteral("game"),
                      tag ? Text::tr("The tag's id.") : Text::tr("The game's id."),
                      QStringLiteral("ID")});
    QStringList fields = {QStringLiteral("name"), QStringLiteral("name-en"),
                          QStringLiteral("status")};
    if (!tag)
        fields += {QStringLiteral("developer"), QStringLiteral("introduction")};
    for (const QString &field : std::as_const(fields))
        parser.addOption(
            {field, Text::tr("The new value of %1.").arg(field), QStringLiteral("VALUE")});
    parser.addOption({QStringLiteral("aliases"),
                      Text::tr("The aliases, separated by commas (an empty value removes them)."),
                      QStringLiteral("LIST")});
    int code = 0;
    if (!parse(parser,
               tag ? Text::tr("Edits a tag in the cache, offline; the change waits for the next "
                              "sync and never overwrites a newer central edit.")
                   : Text::tr("Edits a game in the cache, offline; the change waits for the next "
                              "sync and never overwrites a newer central edit."),
               arguments, &code))
        return code;
    bool ok = false;
    const qint64 id =
        parser.value(tag ? QStringLiteral("tag") : QStringLiteral("game")).toLongLong(&ok);
    if (!ok || id <= 0) {
        err() << (tag ? Text::tr("--tag takes a tag id.") : Text::tr("--game takes a game id."))
              << '\n';
        return 2;
    }
    QJsonObject values;
    for (const QString &field : std::as_const(fields)) {
        if (parser.isSet(field))
            values.insert(QString(field).replace(QLatin1Char('-'), QLatin1Char('_')),
                          parser.value(field));
    }
    if (parser.isSet(QStringLiteral("aliases"))) {
        QJsonArray aliases;
        for (const QString &alias :
             parser.value(QStringLiteral("aliases")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!alias.trimmed().isEmpty() && !aliases.contains(alias.trimmed()))
                aliases.append(alias.trimmed());
        }
        values.insert(QStringLiteral("aliases"), aliases);
    }
    if (values.isEmpty()) {
        err() << Text::tr("Nothing to change: give at least one new value.") << '\n';
        return 2;
    }
    CacheDatabase cache;
    if (!openCache(cache, parser))
        return 1;
    CacheEditor editor(cache);
    const CacheEditor::Result r = tag ? editor.editTag(id, values) : editor.editGame(id, values);
    if (!r.ok) {
        err() << r.error << '\n';
        return 1;
    }
    out() << Text::tr("Operation %1 waits for the next sync.").arg(r.opId) << '\n';
    return 0;
}

int tagCreate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    parser.addOption({QStringLiteral("group"),
                      Text::tr("The tag group's id (a dimension, the general library or a "
                               "category of a game's library)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("name"), Text::tr("The tag's name."), QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("name-en"), Text::tr("The tag's English name."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("aliases"), Text::tr("Aliases, separated by commas."),
                      QStringLiteral("LIST")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Creates a tag, offline: it is sent with the next sync and appears in the "
                        "cache once central has given it an id."),
               arguments, &code))
        return code;
    bool ok = false;
    const qint64 group = parser.value(QStringLiteral("group")).toLongLong(&ok);
    if (!ok || group <= 0 || parser.value(QStringLiteral("name")).trimmed().isEmpty()) {
        err() << Text::tr("--group takes a group id and --name a name.") << '\n';
        return 2;
    }
    CacheDatabase cache;
    if (!openCache(cache, parser))
        return 1;
    CacheEditor editor(cache);
    const CacheEditor::Result r = editor.createTag(
        group, parser.value(QStringLiteral("name")), parser.value(QStringLiteral("name-en")),
        parser.value(QStringLiteral("aliases")).split(QLatin1Char(','), Qt::SkipEmptyParts));
    if (!r.ok) {
        err() << r.error << '\n';
        return 1;
    }
    out() << Text::tr("Operation %1 waits for the next sync.").arg(r.opId) << '\n';
    return 0;
}

int tagMerge(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    parser.addOption(
        {QStringLiteral("tag"), Text::tr("The id of the tag merged away."), QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("into"), Text::tr("The id of the tag that stays."), QStringLiteral("ID")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Merges a tag into another, offline: what carries the first carries the "
                        "second instead, its names become aliases, and it is retired. Central "
                        "does it with the next sync."),
               arguments, &code))
        return code;
    bool ok1 = false;
    bool ok2 = false;
    const qint64 from = parser.value(QStringLiteral("tag")).toLongLong(&ok1);
    const qint64 into = parser.value(QStringLiteral("into")).toLongLong(&ok2);
    if (!ok1 || !ok2 || from <= 0 || into <= 0) {
        err() << Text::tr("--tag and --into take tag ids.") << '\n';
        return 2;
    }
    CacheDatabase cache;
    if (!openCache(cache, parser))
        return 1;
    QSqlQuery q(cache.database());
    q.prepare(QStringLiteral("SELECT usage_count FROM tags WHERE id = ?"));
    q.addBindValue(from);
    const qint64 uses = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    CacheEditor editor(cache);
    const CacheEditor::Result r = editor.mergeTag(from, into);
    if (!r.ok) {
        err() << r.error << '\n';
        return 1;
    }
    out() << Text::tr("Tag %1 is on %2 item(s) in this cache; they will carry tag %3.")
                 .arg(from)
                 .arg(uses)
                 .arg(into)
          << ' ' << Text::tr("Operation %1 waits for the next sync.").arg(r.opId) << '\n';
    return 0;
}

QList<qint64> idList(const QStringList &values, bool *ok)
{
    QList<qint64> ids;
    *ok = true;
    for (const QString &value : values) {
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            bool good = false;
            const qint64 id = part.trimmed().toLongLong(&good);
            if (!good || id <= 0)
                *ok = false;
            else if (!ids.contains(id))
                ids.append(id);
        }
    }
    return ids;
}

int gameCreate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    const QStringList fields = {QStringLiteral("name"), QStringLiteral("name-en"),
                                QStringLiteral("developer"), QStringLiteral("introduction")};
    for (const QString &field : fields)
        parser.addOption({field, Text::tr("The game's %1.").arg(field), QStringLiteral("VALUE")});
    parser.addOption(
        {QStringLiteral("released"), Text::tr("The year of release."), QStringLiteral("YEAR")});
    parser.addOption({QStringLiteral("aliases"), Text::tr("Aliases, separated by commas."),
                      QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("tags"),
                      Text::tr("Game tags (ids of tags of the dimensions), separated by commas."),
                      QStringLiteral("IDS")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Creates a game, offline: it is sent with the next sync and appears in "
                        "the cache once central has created it."),
               arguments, &code))
        return code;
    QJsonObject values;
    for (const QString &field : fields) {
        if (parser.isSet(field))
            values.insert(QString(field).replace(QLatin1Char('-'), QLatin1Char('_')),
                          parser.value(field));
    }
    if (parser.isSet(QStringLiteral("released"))) {
        bool ok = false;
        const int year = parser.value(QStringLiteral("released")).toInt(&ok);
        if (!ok || year < 1950 || year > 2100) {
            err() << Text::tr("--released takes a year.") << '\n';
            return 2;
        }
        values.insert(QStringLiteral("released"), year);
    }
    if (parser.isSet(QStringLiteral("aliases"))) {
        QJsonArray aliases;
        for (const QString &alias :
             parser.value(QStringLiteral("aliases")).split(QLatin1Char(','), Qt::SkipEmptyParts))
            aliases.append(alias.trimmed());
        values.insert(QStringLiteral("aliases"), aliases);
    }
    bool ok = false;
    const QList<qint64> tags = idList(parser.values(QStringLiteral("tags")), &ok);
    if (!ok) {
        err() << Text::tr("--tags takes tag ids.") << '\n';
        return 2;
    }
    CacheDatabase cache;
    if (!openCache(cache, parser))
        return 1;
    CacheEditor editor(cache);
    const CacheEditor::Result r = editor.createGame(values, tags);
    if (!r.ok) {
        err() << r.error << '\n';
        return 1;
    }
    out() << Text::tr("Operation %1 waits for the next sync.").arg(r.opId) << '\n';
    return 0;
}

int gameTag(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(cacheOption());
    parser.addOption({QStringLiteral("game"), Text::tr("The game's id."), QStringLiteral("ID")});
    parser.addOption(
        {QStringLiteral("add"), Text::tr("Game tags to add (ids)."), QStringLiteral("IDS")});
    parser.addOption(
        {QStringLiteral("remove"), Text::tr("Game tags to remove (ids)."), QStringLiteral("IDS")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Adds and removes a game's game tags, offline; the change waits for the "
                        "next sync."),
               arguments, &code))
        return code;
    bool ok = false;
    const qint64 game = parser.value(QStringLiteral("game")).toLongLong(&ok);
    bool okAdd = false;
    bool okRemove = false;
    const QList<qint64> add = idList(parser.values(QStringLiteral("add")), &okAdd);
    const QList<qint64> remove = idList(parser.values(QStringLiteral("remove")), &okRemove);
    if (!ok || game <= 0 || !okAdd || !okRemove || (add.isEmpty() && remove.isEmpty())) {
        err() << Text::tr("--game takes a game id, --add and --remove tag ids.") << '\n';
        return 2;
    }
    CacheDatabase cache;
    if (!openCache(cache, parser))
        return 1;
    CacheEditor editor(cache);
    const CacheEditor::Result r = editor.tagGame(game, add, remove);
    if (!r.ok) {
        err() << r.error << '\n';
        return 1;
    }
    if (!r.changed) {
        out() << Text::tr("Nothing to change: the game already has these tags as asked.") << '\n';
        return 0;
    }
    out() << Text::tr("Operation %1 waits for the next sync.").arg(r.opId) << '\n';
    return 0;
}

int tagEdit(const QStringList &arguments)
{
    return editRow(arguments, true);
}

int gameEdit(const QStringList &arguments)
{
    return editRow(arguments, false);
}

} // namespace

QList<Command> syncCommands()
{
    return {
        {{QStringLiteral("sync")},
         QT_TRANSLATE_NOOP("Cli", "Sync a cache with the central store once (push and pull)"),
         &sync},
        {{QStringLiteral("sync"), QStringLiteral("status")},
         QT_TRANSLATE_NOOP("Cli", "Where a cache stands with the central store (offline)"),
         &syncStatus},
        {{QStringLiteral("outbox"), QStringLiteral("list")},
         QT_TRANSLATE_NOOP("Cli", "List the changes of a cache's outbox"),
         &outboxList},
        {{QStringLiteral("outbox"), QStringLiteral("resolve")},
         QT_TRANSLATE_NOOP("Cli", "Decide about a rejected or conflicting change"),
         &outboxResolve},
        {{QStringLiteral("tag"), QStringLiteral("edit")},
         QT_TRANSLATE_NOOP("Cli", "Edit a tag in a cache (offline, queued)"),
         &tagEdit},
        {{QStringLiteral("tag"), QStringLiteral("create")},
         QT_TRANSLATE_NOOP("Cli", "Create a tag (offline, queued)"),
         &tagCreate},
        {{QStringLiteral("game"), QStringLiteral("create")},
         QT_TRANSLATE_NOOP("Cli", "Create a game (offline, queued)"),
         &gameCreate},
        {{QStringLiteral("game"), QStringLiteral("tag")},
         QT_TRANSLATE_NOOP("Cli", "Add or remove a game's game tags (offline, queued)"),
         &gameTag},
        {{QStringLiteral("tag"), QStringLiteral("merge")},
         QT_TRANSLATE_NOOP("Cli", "Merge a tag into another (offline, queued)"),
         &tagMerge},
        {{QStringLiteral("game"), QStringLiteral("edit")},
         QT_TRANSLATE_NOOP("Cli", "Edit a game in a cache (offline, queued)"),
         &gameEdit},
    };
}

} // namespace Cli
