// coulisse-cli commands on the central PostgreSQL store: set-up, staff, approval policy, the
// audit log and the private server of the demo and the tests.
#include "auditlog.h"
#include "centralconnection.h"
#include "centralschema.h"
#include "centralstaff.h"
#include "clicommands.h"
#include "privatepostgres.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace Cli {

namespace {

const char *const kConnection = "coulisse-cli-central";

} // namespace

QCommandLineOption urlOption()
{
    return {QStringLiteral("url"),
            Text::tr("The central store: a libpq URI or key=value string (default: "
                     "$COULISSE_CENTRAL_URL, then libpq's PGHOST, PGUSER, ~/.pgpass...)."),
            QStringLiteral("URL")};
}

QString centralUrl(const QCommandLineParser &parser)
{
    if (parser.isSet(QStringLiteral("url")))
        return parser.value(QStringLiteral("url"));
    return qEnvironmentVariable("COULISSE_CENTRAL_URL");
}

namespace {

bool interactive()
{
    return isatty(STDIN_FILENO) == 1;
}

/// A line from the terminal without echo, or from stdin when it is not a terminal.
QString readSecret(const QString &prompt)
{
    termios saved{};
    const bool tty = interactive() && tcgetattr(STDIN_FILENO, &saved) == 0;
    if (tty) {
        err() << prompt;
        err().flush();
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    QTextStream in(stdin);
    const QString line = in.readLine();
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        err() << '\n';
    }
    return line;
}

/// A new password: the first line of --password-file, else asked twice on a terminal, else
/// the first line of stdin. Empty (with a message printed) on failure.
QString newPassword(const QCommandLineParser &parser, const QString &who)
{
    if (parser.isSet(QStringLiteral("password-file"))) {
        QFile file(parser.value(QStringLiteral("password-file")));
        if (!file.open(QIODevice::ReadOnly)) {
            err() << Text::tr("Cannot read the password file %1: %2")
                         .arg(file.fileName(), file.errorString())
                  << '\n';
            return {};
        }
        const QString password =
            QString::fromUtf8(file.readLine()).remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
        if (password.isEmpty())
            err()
                << Text::tr("The password file %1 starts with an empty line.").arg(file.fileName())
                << '\n';
        return password;
    }
    const QString password = readSecret(Text::tr("New password for %1: ").arg(who));
    if (password.isEmpty()) {
        err() << Text::tr("The password is empty.") << '\n';
        return {};
    }
    if (interactive() && readSecret(Text::tr("Repeat the password: ")) != password) {
        err() << Text::tr("The passwords differ.") << '\n';
        return {};
    }
    return password;
}

QCommandLineOption passwordFileOption()
{
    return {QStringLiteral("password-file"),
            Text::tr("Read the new password from the first line of FILE (default: ask)."),
            QStringLiteral("FILE")};
}

} // namespace

/// Connects to the store; asks for the password on a terminal when the server wants one
/// that libpq's sources do not have.
bool connect(const QString &url, QSqlDatabase *db)
{
    const QString name = QString::fromLatin1(kConnection);
    QString error;
    *db = CentralConnection::open(url, name, &error);
    if (!db->isOpen() && interactive() && error.contains(QLatin1String("no password supplied"))) {
        const QString password = readSecret(Text::tr("Password: "));
        *db = CentralConnection::open(url, name, &error, password);
    }
    if (db->isOpen())
        return true;
    err() << error << '\n';
    return false;
}

/// Connects and checks that the store's schema is this build's.
bool connectToStore(const QCommandLineParser &parser, QSqlDatabase *db)
{
    if (!connect(centralUrl(parser), db))
        return false;
    QString error;
    const int version = CentralSchema::version(*db, &error);
    if (version < 0) {
        err() << error << '\n';
        return false;
    }
    if (version == 0) {
        err() << Text::tr("This database holds no Coulisse store: run 'coulisse-cli central "
                          "init' first.")
              << '\n';
        return false;
    }
    if (version != CentralSchema::latestVersion()) {
        err() << Text::tr("The central store has schema version %1 and this Coulisse expects "
                          "%2: run 'coulisse-cli central migrate' (or update Coulisse).")
                     .arg(version)
                     .arg(CentralSchema::latestVersion())
              << '\n';
        return false;
    }
    return true;
}

namespace {

int failed(const CentralStaff &staff)
{
    if (staff.sqlState() == QLatin1String("42501"))
        err()
            << Text::tr("The central store refused this for your role: %1").arg(staff.errorString())
            << '\n';
    else
        err() << staff.errorString() << '\n';
    return 1;
}

int migrateStore(const QStringList &arguments, bool create)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    int code = 0;
    if (!parse(parser,
               create ? Text::tr("Creates the database when missing and sets up the central "
                                 "store in it (needs a superuser's connection).")
                      : Text::tr("Brings the central store to this Coulisse's schema version "
                                 "(needs a superuser's connection)."),
               arguments, &code))
        return code;
    const QString url = centralUrl(parser);
    if (create) {
        bool created = false;
        QString error;
        if (!CentralSchema::createDatabaseIfMissing(url, &created, &error)) {
            err() << error << '\n';
            return 1;
        }
        if (created)
            out() << Text::tr("Created the database.") << '\n';
    }
    QSqlDatabase db;
    if (!connect(url, &db))
        return 1;
    const CentralSchema::Result result = CentralSchema::migrate(db);
    if (!result.ok) {
        err() << result.error << '\n';
        return 1;
    }
    for (const QString &applied : result.applied)
        out() << Text::tr("Applied migration %1.").arg(applied) << '\n';
    if (result.applied.isEmpty())
        out() << Text::tr("The central store is up to date (schema version %1).")
                     .arg(result.toVersion)
              << '\n';
    else
        out() << Text::tr("The central store is at schema version %1.").arg(result.toVersion)
              << '\n';
    return 0;
}

int centralInit(const QStringList &arguments)
{
    return migrateStore(arguments, true);
}

int centralMigrate(const QStringList &arguments)
{
    return migrateStore(arguments, false);
}

int centralStatus(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    int code = 0;
    if (!parse(parser,
               Text::tr("Prints what the central store holds, as the connecting role "
                        "may see it."),
               arguments, &code))
        return code;
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    QSqlQuery q(db);
    const QLocale l;
    if (q.exec(QStringLiteral("SELECT session_user, coulisse.session_role(), "
                              "(SELECT rolsuper FROM pg_catalog.pg_roles "
                              " WHERE rolname = session_user), version()")) &&
        q.next()) {
        const QString role =
            q.value(2).toBool() ? Text::tr("installer (superuser)") : q.value(1).toString();
        out() << Text::tr("Connected as:") << ' ' << q.value(0).toString() << " ("
              << (role.isEmpty() ? Text::tr("not staff") : role) << ")\n"
              << Text::tr("Server:") << ' ' << q.value(3).toString().section(QLatin1Char(' '), 0, 1)
              << '\n';
    }
    if (q.exec(QStringLiteral("SELECT epoch, schema_version FROM coulisse.sync_info()")) &&
        q.next())
        out() << Text::tr("Schema version:") << ' ' << q.value(1).toInt() << '\n'
              << Text::tr("Sync epoch:") << ' ' << q.value(0).toInt() << '\n';
    for (const char *table :
         {"games", "tag_groups", "tags", "game_tags", "users", "videos", "video_tags"}) {
        const QString name = QString::fromLatin1(table);
        if (q.exec(QStringLiteral("SELECT count(*) FROM coulisse.%1").arg(name)) && q.next())
            out() << name.leftJustified(12) << ' ' << l.toString(q.value(0).toLongLong()) << '\n';
        else
            out() << name.leftJustified(12) << ' ' << CentralConnection::describe(q.lastError())
                  << '\n';
    }
    if (q.exec(QStringLiteral("SELECT count(*) FROM coulisse.change_requests "
                              "WHERE status = 'pending'")) &&
        q.next())
        out() << Text::tr("Pending change requests:") << ' ' << l.toString(q.value(0).toLongLong())
              << '\n';
    return 0;
}

QCommandLineOption roleOption()
{
    return {QStringLiteral("role"), Text::tr("editor, supervisor, pm or admin."),
            QStringLiteral("ROLE")};
}

bool checkRole(const QCommandLineParser &parser)
{
    const QString role = parser.value(QStringLiteral("role"));
    if (CentralStaff::roles().contains(role))
        return true;
    err() << Text::tr("--role takes editor, supervisor, pm or admin.") << '\n';
    return false;
}

int staffAdd(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption(roleOption());
    parser.addOption(passwordFileOption());
    parser.addOption(
        {QStringLiteral("display-name"), Text::tr("The name people see."), QStringLiteral("TEXT")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Creates a staff account: a login role in one of the four "
                        "groups. The password is hashed (SCRAM) before it is sent."),
               arguments, &code, QStringLiteral("NAME")))
        return code;
    if (!checkRole(parser))
        return 2;
    const QString name = parser.positionalArguments().first();
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    const QString password = newPassword(parser, name);
    if (password.isEmpty())
        return 1;
    CentralStaff staff(db);
    if (!staff.add(name, parser.value(QStringLiteral("role")), password,
                   parser.value(QStringLiteral("display-name"))))
        return failed(staff);
    out() << Text::tr("Added %1 as %2.").arg(name, parser.value(QStringLiteral("role"))) << '\n';
    return 0;
}

int staffList(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    int code = 0;
    if (!parse(parser, Text::tr("Lists the staff (an admin sees everyone, others themselves)."),
               arguments, &code))
        return code;
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CentralStaff staff(db);
    QList<CentralStaff::Member> members;
    if (!staff.list(&members))
        return failed(staff);
    out() << pad(Text::tr("NAME"), 20) << ' ' << pad(Text::tr("ROLE"), 11) << ' '
          << pad(Text::tr("ACTIVE"), 7) << ' ' << Text::tr("GAMES") << '\n';
    for (const CentralStaff::Member &m : members) {
        QStringList games;
        for (qint64 id : m.games)
            games.append(QString::number(id));
        out() << m.name.leftJustified(20) << ' ' << m.role.leftJustified(11) << ' '
              << pad(m.active ? Text::tr("yes") : Text::tr("no"), 7) << ' '
              << (m.role == QLatin1String("editor") ? games.join(QLatin1Char(','))
                                                    : Text::tr("all"))
              << '\n';
    }
    return 0;
}

int staffSetRole(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption(roleOption());
    int code = 0;
    if (!parse(parser, Text::tr("Moves a staff member to another group (never oneself)."),
               arguments, &code, QStringLiteral("NAME")))
        return code;
    if (!checkRole(parser))
        return 2;
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CentralStaff staff(db);
    const QString name = parser.positionalArguments().first();
    if (!staff.setRole(name, parser.value(QStringLiteral("role"))))
        return failed(staff);
    out() << Text::tr("%1 is now %2.").arg(name, parser.value(QStringLiteral("role"))) << '\n';
    return 0;
}

int setActive(const QStringList &arguments, bool active)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    int code = 0;
    if (!parse(parser,
               active ? Text::tr("Lets a deactivated staff member log in again.")
                      : Text::tr("Stops a staff member from logging in; their history stays."),
               arguments, &code, QStringLiteral("NAME")))
        return code;
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CentralStaff staff(db);
    const QString name = parser.positionalArguments().first();
    if (!staff.setActive(name, active))
        return failed(staff);
    out() << (active ? Text::tr("%1 can log in again.") : Text::tr("%1 is deactivated.")).arg(name)
          << '\n';
    return 0;
}

int staffDeactivate(const QStringList &arguments)
{
    return setActive(arguments, false);
}

int staffActivate(const QStringList &arguments)
{
    return setActive(arguments, true);
}

int staffScope(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption({QStringLiteral("games"),
                      Text::tr("Comma-separated game ids or names; empty for none."),
                      QStringLiteral("LIST")});
    int code = 0;
    if (!parse(parser, Text::tr("Sets the games an editor works on (their sync scope)."), arguments,
               &code, QStringLiteral("NAME")))
        return code;
    if (!parser.isSet(QStringLiteral("games"))) {
        err() << Text::tr("--games is required (an empty list removes every game).") << '\n';
        return 2;
    }
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CentralStaff staff(db);
    QList<qint64> games;
    if (!staff.resolveGames(parser.value(QStringLiteral("games")).split(QLatin1Char(',')), &games))
        return failed(staff);
    const QString name = parser.positionalArguments().first();
    if (!staff.setScope(name, games))
        return failed(staff);
    out() << Text::tr("%1 works on %n game(s).", nullptr, int(games.size())).arg(name) << '\n';
    return 0;
}

int staffPassword(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption(passwordFileOption());
    int code = 0;
    if (!parse(parser, Text::tr("Sets a staff member's password (an admin, or oneself)."),
               arguments, &code, QStringLiteral("NAME")))
        return code;
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    const QString name = parser.positionalArguments().first();
    const QString password = newPassword(parser, name);
    if (password.isEmpty())
        return 1;
    CentralStaff staff(db);
    if (!staff.setPassword(name, password))
        return failed(staff);
    out() << Text::tr("Changed the password of %1.").arg(name) << '\n';
    return 0;
}

int policyList(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    int code = 0;
    if (!parse(parser, Text::tr("Lists which kinds of change a supervisor may not make alone."),
               arguments, &code))
        return code;
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CentralStaff staff(db);
    QList<CentralStaff::PolicyRule> rules;
    if (!staff.policy(&rules))
        return failed(staff);
    for (const CentralStaff::PolicyRule &r : rules)
        out() << r.role.leftJustified(11) << ' ' << r.kind.leftJustified(12) << ' '
              << (r.requiresReview ? Text::tr("a supervisor approves")
                                   : Text::tr("applies directly"))
              << '\n';
    return 0;
}

int policySet(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption({QStringLiteral("review"),
                      Text::tr("yes: a (second) supervisor approves; no: the change applies "
                               "directly."),
                      QStringLiteral("yes|no")});
    parser.addOption({QStringLiteral("role"),
                      Text::tr("Whose changes: editor, supervisor (default), admin (for "
                               "releases) or pm (for levels)."),
                      QStringLiteral("ROLE"), QStringLiteral("supervisor")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Sets whether a kind of change (video_tags, game_tags, tags, "
                        "tag_groups, games; releases for admins; levels for product managers) "
                        "needs a second person."),
               arguments, &code, QStringLiteral("KIND")))
        return code;
    const QString review = parser.value(QStringLiteral("review"));
    if (review != QLatin1String("yes") && review != QLatin1String("no")) {
        err() << Text::tr("--review takes yes or no.") << '\n';
        return 2;
    }
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    CentralStaff staff(db);
    if (!staff.setPolicy(parser.positionalArguments().first(), review == QLatin1String("yes"),
                         parser.value(QStringLiteral("role"))))
        return failed(staff);
    out() << Text::tr("Policy updated.") << '\n';
    return 0;
}

int centralAudit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(urlOption());
    parser.addOption(
        {QStringLiteral("actor"), Text::tr("Only this person's changes."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("table"),
                      Text::tr("Only changes of this table (%1).")
                          .arg(AuditLog::tables().join(QStringLiteral(", "))),
                      QStringLiteral("TABLE")});
    parser.addOption({QStringLiteral("since"),
                      Text::tr("Changes at or after this time (ISO 8601, e.g. 2026-11-01 or "
                               "2026-11-01T08:00)."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("until"), Text::tr("Changes before this time (ISO 8601)."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("object"),
                      Text::tr("The history of one object: video:ID, tag:ID, game:ID, user:ID, "
                               "staff:NAME or request:UUID."),
                      QStringLiteral("KIND:ID")});
    parser.addOption({QStringLiteral("limit"),
                      Text::tr("At most N changes, the newest (default 50; 0: all)."),
                      QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("csv"),
                      Text::tr("Write every matching change to FILE as CSV (UTF-8; - for "
                               "standard output) instead of listing."),
                      QStringLiteral("FILE")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Lists the central audit log, newest first: when, who, table, action, "
                        "object and what changed. What you may read is the store's decision "
                        "(editors their own changes; supervisors and admins everything)."),
               arguments, &code))
        return code;
    AuditLog::Filter filter;
    filter.actor = parser.value(QStringLiteral("actor"));
    filter.table = parser.value(QStringLiteral("table"));
    if (!filter.table.isEmpty() && !AuditLog::tables().contains(filter.table)) {
        err() << Text::tr("Unknown table \"%1\"; tables: %2")
                     .arg(filter.table, AuditLog::tables().join(QStringLiteral(", ")))
              << '\n';
        return 2;
    }
    const std::pair<const char *, QDateTime *> times[] = {{"since", &filter.from},
                                                          {"until", &filter.to}};
    for (const auto &[option, time] : times) {
        const QString text = parser.value(QString::fromLatin1(option));
        if (text.isEmpty())
            continue;
        *time = QDateTime::fromString(text, Qt::ISODate);
        if (!time->isValid())
            *time = QDate::fromString(text, Qt::ISODate).startOfDay();
        if (!time->isValid()) {
            err() << Text::tr("--%1 takes a time like 2026-11-01 or 2026-11-01T08:00, not "
                              "\"%2\".")
                         .arg(QString::fromLatin1(option), text)
                  << '\n';
            return 2;
        }
    }
    const QString object = parser.value(QStringLiteral("object"));
    if (!object.isEmpty()) {
        const qsizetype colon = object.indexOf(QLatin1Char(':'));
        filter.object.kind = object.left(colon);
        filter.object.id = colon < 0 ? QString() : object.mid(colon + 1);
        if (!AuditLog::objectKinds().contains(filter.object.kind) || filter.object.id.isEmpty()) {
            err() << Text::tr("--object takes KIND:ID with KIND one of %1.")
                         .arg(AuditLog::objectKinds().join(QStringLiteral(", ")))
                  << '\n';
            return 2;
        }
    }
    bool ok = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || limit < 0) {
        err() << Text::tr("--limit takes a number of 0 or more.") << '\n';
        return 2;
    }
    QSqlDatabase db;
    if (!connectToStore(parser, &db))
        return 1;
    QString error;
    if (parser.isSet(QStringLiteral("csv"))) {
        const QString path = parser.value(QStringLiteral("csv"));
        qint64 rows = 0;
        if (path == QLatin1String("-")) {
            QFile stdoutFile;
            if (!stdoutFile.open(stdout, QIODevice::WriteOnly) ||
                !AuditLog::exportCsv(db, filter, &stdoutFile, &rows, &error)) {
                err() << error << '\n';
                return 1;
            }
            return 0;
        }
        // Nothing is left behind when the export fails.
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            err() << Text::tr("Cannot write %1: %2").arg(path, file.errorString()) << '\n';
            return 1;
        }
        if (!AuditLog::exportCsv(db, filter, &file, &rows, &error) || !file.commit()) {
            err() << (error.isEmpty() ? file.errorString() : error) << '\n';
            return 1;
        }
        out() << Text::tr("%Ln change(s) written to %1.", nullptr, int(rows)).arg(path) << '\n';
        return 0;
    }
    // Pages of 1,000 until the limit.
    qint64 before = 0;
    int printed = 0;
    while (limit == 0 || printed < limit) {
        QList<AuditLog::Entry> entries;
        const int page = limit == 0 ? 1000 : std::min(1000, limit - printed);
        if (!AuditLog::fetch(db, filter, before, page, &entries, &error)) {
            err() << error << '\n';
            return 1;
        }
        for (const AuditLog::Entry &e : std::as_const(entries)) {
            out() << e.at.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) << "  "
                  << pad(e.actor, 16) << ' ' << pad(AuditLog::tableLabel(e.table), 16) << ' '
                  << pad(AuditLog::operationLabel(e.op), 10) << ' '
                  << pad(AuditLog::objectLabel(e), 24) << ' ' << AuditLog::summary(e) << '\n';
        }
        printed += int(entries.size());
        if (entries.size() < page)
            break;
        before = entries.constLast().id;
    }
    if (printed == 0)
        out() << Text::tr("No change matches.") << '\n';
    return 0;
}

QCommandLineOption dirOption()
{
    return {QStringLiteral("dir"), Text::tr("The server's directory (data, log and socket)."),
            QStringLiteral("DIR")};
}

bool checkDir(const QCommandLineParser &parser)
{
    if (!parser.value(QStringLiteral("dir")).isEmpty())
        return true;
    err() << Text::tr("--dir is required.") << '\n';
    return false;
}

int privateStart(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(dirOption());
    parser.addOption({QStringLiteral("port"),
                      Text::tr("Also listen on 127.0.0.1:PORT (password logins only)."),
                      QStringLiteral("PORT")});
    parser.addOption({QStringLiteral("fast"),
                      Text::tr("No fsync: quicker, but a crash of the machine may lose data "
                               "(test suites).")});
    int code = 0;
    if (!parse(parser,
               Text::tr("Starts a private PostgreSQL server in a directory (created on "
                        "first use) and waits until it accepts connections."),
               arguments, &code))
        return code;
    if (!checkDir(parser))
        return 2;
    PrivatePostgres server(parser.value(QStringLiteral("dir")));
    if (parser.isSet(QStringLiteral("port"))) {
        bool ok = false;
        const int port = parser.value(QStringLiteral("port")).toInt(&ok);
        if (!ok || port <= 0 || port > 65535) {
            err() << Text::tr("--port takes a number between 1 and 65535.") << '\n';
            return 2;
        }
        server.setTcpPort(port);
    }
    server.setDurable(!parser.isSet(QStringLiteral("fast")));
    if (!server.start()) {
        err() << server.errorString() << '\n';
        return 1;
    }
    out() << Text::tr("The server is running. Installer connection:") << '\n'
          << "  " << server.connectionString() << '\n'
          << Text::tr("Stop it with: coulisse-cli central private stop --dir %1")
                 .arg(server.directory())
          << '\n';
    return 0;
}

int privateStop(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption(dirOption());
    int code = 0;
    if (!parse(parser, Text::tr("Stops the private PostgreSQL server of a directory."), arguments,
               &code))
        return code;
    if (!checkDir(parser))
        return 2;
    PrivatePostgres server(parser.value(QStringLiteral("dir")));
    if (!server.stop()) {
        err() << server.errorString() << '\n';
        return 1;
    }
    out() << Text::tr("The server is stopped.") << '\n';
    return 0;
}

} // namespace

QList<Command> centralCommands()
{
    const QString central = QStringLiteral("central");
    const QString staff = QStringLiteral("staff");
    const QString policy = QStringLiteral("policy");
    const QString priv = QStringLiteral("private");
    return {
        {{central, QStringLiteral("init")},
         QT_TRANSLATE_NOOP("Cli", "Create and set up a central store (superuser)"),
         &centralInit},
        {{central, QStringLiteral("migrate")},
         QT_TRANSLATE_NOOP("Cli", "Migrate a central store to this version (superuser)"),
         &centralMigrate},
        {{central, QStringLiteral("status")},
         QT_TRANSLATE_NOOP("Cli", "Print what a central store holds"),
         &centralStatus},
        {{central, staff, QStringLiteral("add")},
         QT_TRANSLATE_NOOP("Cli", "Create a staff account (admin)"),
         &staffAdd},
        {{central, staff, QStringLiteral("list")},
         QT_TRANSLATE_NOOP("Cli", "List staff accounts"),
         &staffList},
        {{central, staff, QStringLiteral("set-role")},
         QT_TRANSLATE_NOOP("Cli", "Change a staff member's role (admin)"),
         &staffSetRole},
        {{central, staff, QStringLiteral("deactivate")},
         QT_TRANSLATE_NOOP("Cli", "Stop a staff member from logging in (admin)"),
         &staffDeactivate},
        {{central, staff, QStringLiteral("activate")},
         QT_TRANSLATE_NOOP("Cli", "Let a staff member log in again (admin)"),
         &staffActivate},
        {{central, staff, QStringLiteral("scope")},
         QT_TRANSLATE_NOOP("Cli", "Set the games an editor works on (admin)"),
         &staffScope},
        {{central, staff, QStringLiteral("passwd")},
         QT_TRANSLATE_NOOP("Cli", "Set a staff member's password"),
         &staffPassword},
        {{central, policy, QStringLiteral("list")},
         QT_TRANSLATE_NOOP("Cli", "Show the approval policy"),
         &policyList},
        {{central, policy, QStringLiteral("set")},
         QT_TRANSLATE_NOOP("Cli", "Change the approval policy (admin)"),
         &policySet},
        {{central, QStringLiteral("audit")},
         QT_TRANSLATE_NOOP("Cli", "List or export the central audit log"),
         &centralAudit},
        {{central, priv, QStringLiteral("start")},
         QT_TRANSLATE_NOOP("Cli", "Start a private PostgreSQL server in a directory"),
         &privateStart},
        {{central, priv, QStringLiteral("stop")},
         QT_TRANSLATE_NOOP("Cli", "Stop a private PostgreSQL server"),
         &privateStop},
    };
}

} // namespace Cli
